"""Tables sized from their cells' own lengths and drawn line by line from Rich's parts.

Rich's Table sizes a table by rendering each cell to measure it, then renders each cell again
through a padding wrapper and several passes over its segments; for the 150-row tables here that
was most of a command's run time. Here the widths are decided in one pass, as the width of the
terminal allows, and each cell is wrapped with Rich's own Text.wrap (or, for text of one style,
its chop_cells) and drawn once, with the characters of Rich's SIMPLE_HEAD box, so the result is
what rich.table.Table(box=SIMPLE_HEAD, pad_edge=False) draws with these widths (a property test
compares the two, character and style):

- columns that never wrap (ids, numbers, statuses) keep their natural width, so an id can
  always be copied whole;
- wrapping columns share the rest by weight, none wider than its longest line;
- an optional column that would leave a wrapping column below its minimum is left out, the
  rightmost first, rather than squeezing the text into a sliver;
- when even the columns that must stay cannot fit, the table is drawn stacked instead: one block
  per row, each cell on its own line under its header, so no number, id or status is ever cut.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING, Literal

import msgspec
from rich import box
from rich.cells import cell_len, chop_cells
from rich.segment import Segment
from rich.text import Text

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult
    from rich.measure import Measurement


class Column(msgspec.Struct, frozen=True, kw_only=True):
    header: str
    weight: int = 0  # 0: never wraps; otherwise its share of the room left by the others
    minimum: int = 1  # a wrapping column is not drawn narrower than this
    optional: bool = False  # may be left out when the terminal is too narrow for it
    keep: int = 0  # among optional columns, those with a lower value are left out first
    head: bool = False  # heads each block of a stacked layout (default: the first column)
    beside: bool = False  # printed beside the head when stacked (default: the last, if fixed)
    justify: Literal["left", "right"] = "left"
    style: str = ""


class Heading(msgspec.Struct, frozen=True):
    """A section's first row: its key in the first column and its title in the second."""

    key: str
    title: str

    def cells(self, count: int) -> list[Text]:
        return [
            Text(self.key, style="bold"),
            Text(self.title, style="bold"),
            *(Text() for _ in range(count - 2)),
        ]


class Note(msgspec.Struct, frozen=True):
    """A short line of explanation among the rows, drawn across the whole table (wrapped at its
    width) so that it never widens a column."""

    text: str

    def line(self) -> Text:
        return Text(self.text, style="dim")


Row = Sequence[Text] | Heading | Note
#: A row as drawn: its cells, or a note across the table.
Drawn = list[Text] | Text


def extra_width(count: int) -> int:
    """Cells a SIMPLE_HEAD table without edge padding adds to its columns' widths."""
    return 2 + (count - 1) + 2 * (count - 1)  # edges, dividers, one space each side of a divider


def fit(columns: Sequence[Column], natural: Sequence[int], width: int) -> list[int | None]:
    """Each column's width, or None for an optional column left out."""
    kept = list(range(len(columns)))
    while True:
        fixed = sum(natural[i] for i in kept if not columns[i].weight)
        flexible = [i for i in kept if columns[i].weight]
        room = width - extra_width(len(kept)) - fixed
        if sum(natural[i] for i in flexible) <= room:
            return [natural[i] if i in kept else None for i in range(len(columns))]
        optional = [i for i in kept if columns[i].optional]
        if room >= sum(_least(columns[i], natural[i]) for i in flexible) or not optional:
            break
        kept.remove(min(optional, key=lambda i: (columns[i].keep, -i)))
    shares = _share(columns, natural, flexible, room)
    return [None if i not in kept else shares.get(i, natural[i]) for i in range(len(columns))]


def _share(
    columns: Sequence[Column], natural: Sequence[int], flexible: list[int], room: int
) -> dict[int, int]:
    """Split `room` by weight; a column whose share exceeds its natural width gets only that."""
    widths: dict[int, int] = {}
    whole, left = room, list(flexible)
    while left:
        weights = sum(columns[i].weight for i in left)
        capped = [i for i in left if natural[i] * weights <= room * columns[i].weight]
        if not capped:
            break
        for i in capped:
            widths[i] = natural[i]
            room -= natural[i]
            left.remove(i)
    if left:
        weights = sum(columns[i].weight for i in left)
        for i in left:
            widths[i] = room * columns[i].weight // weights
        widths[max(left, key=lambda i: columns[i].weight)] += room - sum(widths[i] for i in left)
        for i in left:
            widths[i] = max(widths[i], _least(columns[i], natural[i]))
    # Raising a share to its column's least may overdraw the room: take the excess back, a cell
    # at a time, from the column with the most to spare.
    while sum(widths.values()) > whole:
        giving = [i for i in widths if widths[i] > _least(columns[i], natural[i])]
        if not giving:
            break
        widths[max(giving, key=lambda i: widths[i] - _least(columns[i], natural[i]))] -= 1
    return widths


def too_narrow(columns: Sequence[Column], natural: Sequence[int], width: int) -> bool:
    """Whether the columns that are never left out cannot fit `width` even at their least."""
    kept = [i for i, c in enumerate(columns) if not c.optional]
    least = sum(
        natural[i] if not columns[i].weight else _least(columns[i], natural[i]) for i in kept
    )
    return least + extra_width(len(kept)) > width


def _least(column: Column, natural: int) -> int:
    return min(column.minimum, natural)


def _longest_line(text: Text) -> int:
    plain = text.plain
    if "\n" not in plain:
        return cell_len(plain)
    return max(cell_len(line) for line in plain.split("\n"))


class FittedTable:
    """A Rich table whose column widths are fitted to the console it is printed on."""

    def __init__(
        self,
        columns: Sequence[Column],
        rows: Sequence[Row],
        title: str | None = None,
        breaks: Collection[int] = (),
    ) -> None:
        self.columns = columns
        self.source = list(rows)
        self.rows: list[Drawn] = [
            row.line()
            if isinstance(row, Note)
            else row.cells(len(columns))
            if isinstance(row, Heading)
            else list(row)
            for row in rows
        ]
        #: Rows drawn after a blank line: every section heading but the first, and `breaks`.
        self.breaks = {
            i for i, row in enumerate(rows) if i and (isinstance(row, Heading) or i in breaks)
        }
        self.title = title
        natural = [cell_len(c.header) for c in columns]
        for cells in self.rows:
            if isinstance(cells, Text):
                continue  # a note spans the table: it takes no column's width
            for i, cell in enumerate(cells):
                natural[i] = max(natural[i], _longest_line(cell))
        self.natural = natural

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        if too_narrow(self.columns, self.natural, options.max_width):
            yield from self.stacked(options.max_width)
            return
        widths = fit(self.columns, self.natural, options.max_width)
        kept = [i for i, w in enumerate(widths) if w is not None]
        yield from _Drawing(console, options, [self.columns[i] for i in kept]).table(
            [w for w in widths if w is not None],
            [row if isinstance(row, Text) else [row[i] for i in kept] for row in self.rows],
            self.breaks,
            self.title,
        )

    def stacked(self, width: int) -> RenderResult:
        """One block per row: the first cell with the last beside it, each wrapping cell on a
        line of its own, then the other cells as 'header value' items, never split."""
        if self.title:
            yield Text(self.title, style="bold")
        last = len(self.columns) - 1
        head = next((i for i, c in enumerate(self.columns) if c.head), 0)
        beside: int | None = next((i for i, c in enumerate(self.columns) if c.beside), None)
        if beside is None and not self.columns[last].weight and last != head:
            beside = last
        for index, (row, cells) in enumerate(zip(self.source, self.rows, strict=True)):
            if index in self.breaks and not isinstance(row, Heading):
                yield Text()
            if isinstance(row, Heading):
                yield _whole(Text(f"{row.key} {row.title}", style="bold"))
                continue
            if isinstance(cells, Text):
                # A note: set apart from the block above it, so that it does not read as part of it.
                yield Text()
                yield Text.assemble("  ", cells)
                continue
            first = cells[head].copy()
            first.stylize(self.columns[head].style)
            if beside is not None and cells[beside].plain:
                first.append("  ")
                first.append_text(cells[beside])
            yield _whole(first)
            items: list[Text] = []
            for i, (column, cell) in enumerate(zip(self.columns, cells, strict=True)):
                if i in (head, beside) or not cell.plain:
                    continue
                if column.weight:
                    yield Text.assemble("  ", cell)
                else:
                    items.append(Text.assemble((f"{column.header} ", "dim"), cell))
            yield from _packed(items, width)


def _whole(text: Text) -> Text:
    """Text that is never wrapped or cut, even past the edge of a narrow terminal."""
    text.no_wrap, text.overflow = True, "ignore"
    return text


def _packed(
    items: Sequence[Text], width: int, indent: str = "  ", gap: str = "   "
) -> RenderResult:
    """Items on as few lines as fit `width`, each item whole."""
    line = Text(indent)
    for item in items:
        if line.plain.strip() and cell_len(line.plain + gap + item.plain) > width:
            yield _whole(line)
            line = Text(indent)
        if line.plain.strip():
            line.append(gap)
        line.append_text(item)
    if line.plain.strip():
        yield _whole(line)


class Lines:
    """Lines of Text one under another, drawn as a Group of them draws them.

    Rich wraps each Text it draws, which for a line that fits the width changes nothing and is
    most of what drawing it costs (a hundred lines of changes took 3 ms): such a line is drawn
    from the text Rich's wrapping would have handed on, and any other is left to Rich.
    """

    def __init__(self, lines: Sequence[Text]) -> None:
        self.lines = list(lines)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        width = options.max_width
        for line in self.lines:
            plain = line.plain
            if (
                (line.justify or options.justify or "default") == "default"
                and "\n" not in plain
                and "\t" not in plain
                and width > 0
                and len(plain) <= width
                and cell_len(plain) <= width
            ):
                # What Text.__rich_console__ renders once its one line is left as it is.
                yield from Text("\n").join([line]).render(console, end=line.end)
            else:
                yield line

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        from rich.measure import measure_renderables

        return measure_renderables(console, options, self.lines)  # as a Group measures


_EDGE_PARTS = ("left", "vertical", "right")


class _Drawing:
    """Draws rows of Text in columns of given widths, as rich.table.Table would with
    box=SIMPLE_HEAD, pad_edge=False, one space of padding each side of a divider, and
    no_wrap for the columns that never wrap."""

    def __init__(self, console: Console, options: ConsoleOptions, columns: list[Column]) -> None:
        self.console = console
        self.options = options
        self.columns = columns
        self.box = box.SIMPLE_HEAD.substitute(options, safe=console.safe_box)
        self.styles = [console.get_style(c.style or "") or None for c in columns]
        self.header_style = console.get_style("table.header")
        # The padding each side of a cell: none at the table's edges.
        self.pads = [(" " * (i > 0), " " * (i < len(columns) - 1)) for i in range(len(columns))]
        self.edges = {
            kind: tuple(Segment(getattr(self.box, f"{kind}_{part}")) for part in _EDGE_PARTS)
            for kind in ("head", "mid", "foot")
        }

    def table(
        self,
        widths: list[int],
        rows: list[Drawn],
        sections: set[int],
        title: str | None,
    ) -> RenderResult:
        console, options, chars = self.console, self.options, self.box
        last = len(widths) - 1
        # Rich's widths include each cell's padding: none at the table's edges.
        padded = [w + (i > 0) + (i < last) for i, w in enumerate(widths)]
        new_line = Segment.line()
        if title:
            annotation = options.update(
                width=sum(padded) + 2 + last, highlight=False, height=None, justify="center"
            )
            text = console.render_str(title, style="table.title", highlight=False)
            yield from console.render(text, annotation)
        yield Segment(chars.get_top(padded))
        yield new_line
        yield from self._row([Text(c.header) for c in self.columns], widths, "head")
        yield Segment(chars.get_row(padded, "head", edge=True))
        yield new_line
        between = Segment(chars.get_row(padded, "row", edge=True))
        across = options.update(width=sum(padded) + 1 + last, height=None)
        for index, row in enumerate(rows):
            if isinstance(row, Text):
                # A note across the table, after the left edge, wrapped at the table's width.
                yield from console.render(Text.assemble(chars.mid_left, row), across)
            else:
                yield from self._row(row, widths, "foot" if index == len(rows) - 1 else "mid")
            if index + 1 in sections:  # a blank line before each section but the first
                yield between
                yield new_line
        yield Segment(chars.get_bottom(padded))
        yield new_line

    def _row(
        self, cells: list[Text], widths: list[int], kind: Literal["head", "mid", "foot"]
    ) -> RenderResult:
        last, header = len(widths) - 1, kind == "head"
        drawn = [
            self._cell(text, i, width, header)
            for i, (text, width) in enumerate(zip(cells, widths, strict=True))
        ]
        height = max(len(lines) for lines in drawn)
        left, divider, right = self.edges[kind]
        for i, lines in enumerate(drawn):
            if len(lines) < height:
                style = self.header_style if header else self.styles[i]
                blank = [Segment(" " * (widths[i] + (i > 0) + (i < last)), style)]
                extra = [blank] * (height - len(lines))
                drawn[i] = extra + lines if header else lines + extra  # headers sit at the bottom
        for line_no in range(height):
            pieces = [left]
            for i, lines in enumerate(drawn):
                pieces += lines[line_no]
                if i < last:
                    pieces.append(divider)
            pieces.append(right)
            yield from _joined(pieces)
            yield Segment.line()

    def _cell(self, text: Text, index: int, width: int, header: bool) -> list[list[Segment]]:
        """The lines of one cell, each padded to the cell's width, in the cell's style."""
        column = self.columns[index]
        style = self.header_style if header else self.styles[index]
        pre, post = self.pads[index]
        plain = text.plain
        # Most cells are text of one style: their lines are what Text.wrap would make, without
        # its general machinery. A chunk is padded with spaces in the text's own style, and
        # right-justified text loses its trailing spaces first, as Text.wrap does.
        one_style = not text.spans and text.justify is None and text.overflow is None
        right = column.justify == "right"
        if one_style and "\n" not in plain and "\t" not in plain and cell_len(plain) <= width:
            own = self.console.get_style(text.style) if text.style else None
            line = _padded(plain.rstrip() if right else plain, width, right)
            if own is None:
                return [[Segment(pre + line + post, style)]]
            inner = Segment(line, own if style is None else style + own)
            return [[Segment(pre, style), inner, Segment(post, style)]]
        before = [Segment(pre, style)] if pre else []
        after = [Segment(post, style)] if post else []
        if (
            one_style
            and text.no_wrap is None
            and column.weight
            and width > 1  # a wide character fits
            and plain.split() == [plain]
        ):
            # No space to break at (a Chinese name or wording): Text.wrap folds it into chunks
            # of the cell's width, which is what chop_cells makes.
            own = self.console.get_style(text.style) if text.style else None
            look = own if style is None else style + own
            return [
                [*before, Segment(_padded(chunk, width, right), look), *after]
                for chunk in chop_cells(plain, width)
            ]
        lines = text.wrap(
            self.console,
            width,
            justify=text.justify or column.justify,
            overflow=text.overflow or "fold",
            tab_size=text.tab_size or self.console.tab_size,
            no_wrap=text.no_wrap if text.no_wrap is not None else not column.weight,
        )
        drawn = []
        for wrapped in lines:
            # Text.render applies a text's own style only alongside its spans.
            if wrapped.spans:
                segments = list(wrapped.render(self.console))
            else:
                own = self.console.get_style(wrapped.style) if wrapped.style else None
                segments = [Segment(wrapped.plain, own)]
            segments = Segment.adjust_line_length(segments, width)
            styled = [Segment(s.text, style + s.style) for s in segments] if style else segments
            drawn.append([*before, *styled, *after])
        return drawn


def _joined(pieces: list[Segment]) -> list[Segment]:
    """Neighbouring segments of the same style as one: the console then has several times
    fewer to pass along."""
    joined: list[Segment] = []
    text, style = "", pieces[0].style
    for piece in pieces:
        if piece.style is style:
            text += piece.text
        else:
            joined.append(Segment(text, style))
            text, style = piece.text, piece.style
    joined.append(Segment(text, style))
    return joined


def _padded(text: str, width: int, right: bool) -> str:
    room = " " * (width - cell_len(text))
    return room + text if right else text + room
