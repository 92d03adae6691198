"""Tables fit the terminal: ids and numbers whole, wording wrapped or left out, never a sliver."""

from __future__ import annotations

import io
import unicodedata
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st
from rich import box
from rich.cells import cell_len
from rich.console import Console, Group, JustifyMethod, RenderableType
from rich.measure import Measurement
from rich.style import Style
from rich.table import Table
from rich.text import Text

from reportcheck.output.layout import (
    Column,
    FittedTable,
    Heading,
    Lines,
    Note,
    Row,
    extra_width,
    fit,
    too_narrow,
)

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]

REPORT_COLUMNS = [
    Column(header="id"),
    Column(header="name", weight=2, minimum=8),
    Column(header="wording", weight=4, minimum=16, optional=True),
    Column(header="actual"),
    Column(header="required"),
    Column(header="gap"),
    Column(header="status"),
]


def cells(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def test_everything_at_natural_width_when_it_fits() -> None:
    natural = [31, 30, 80, 6, 6, 6, 8]
    assert fit(REPORT_COLUMNS, natural, 200) == natural


def test_wrapping_columns_share_by_weight_and_fixed_ones_stay_whole() -> None:
    natural = [31, 30, 80, 5, 5, 6, 8]
    widths = fit(REPORT_COLUMNS, natural, 140)
    room = 140 - extra_width(7) - 31 - 24
    assert widths == [31, room // 3, room - room // 3, 5, 5, 6, 8]


def test_a_column_needing_less_than_its_share_gives_the_rest_away() -> None:
    natural = [31, 12, 80, 5, 5, 6, 8]
    widths = fit(REPORT_COLUMNS, natural, 140)
    assert widths[1:3] == [12, 140 - extra_width(7) - 31 - 24 - 12]


def test_the_optional_column_is_left_out_before_the_name_becomes_a_sliver() -> None:
    natural = [31, 30, 80, 5, 5, 6, 8]
    widths = fit(REPORT_COLUMNS, natural, 80)
    assert widths[2] is None
    assert widths[1] == 80 - extra_width(6) - 31 - 24


@given(natural=st.lists(st.integers(1, 120), min_size=7, max_size=7), width=st.integers(60, 300))
def test_fitted_widths_keep_their_promises(natural: list[int], width: int) -> None:
    natural[0] = min(natural[0], 31)
    for i in (3, 4, 5, 6):
        natural[i] = min(natural[i], 8)
    widths = fit(REPORT_COLUMNS, natural, width)
    kept = [i for i, w in enumerate(widths) if w is not None]
    fixed = sum(natural[i] for i in (0, 3, 4, 5, 6))
    assert [i for i in range(7) if i not in kept] in ([], [2])
    for i in kept:
        column, chosen = REPORT_COLUMNS[i], widths[i]
        assert chosen is not None
        if column.weight:
            assert min(column.minimum, natural[i]) <= chosen <= max(natural[i], column.minimum)
        else:
            assert chosen == natural[i]
    total = sum(w for w in widths if w is not None) + extra_width(len(kept))
    if fixed + min(8, natural[1]) + extra_width(6) <= width:  # room for the essentials
        assert total <= width
    if sum(natural) + extra_width(7) <= width:
        assert widths == natural


def test_the_diff_table_fits_an_80_column_terminal(cli: Cli) -> None:
    run = cli("diff", str(EXAMPLES / "illustrative-2023-06.csv"), env={"COLUMNS": "80"})
    lines = run.stdout.splitlines()
    assert max(cells(line) for line in lines) <= 80
    assert "报告原文" not in run.stdout
    assert any(line.split()[:1] == ["manufacturing_investment_growth"] for line in lines)


def test_the_diff_table_shows_the_wording_when_there_is_room(cli_zh: Cli) -> None:
    run = cli_zh("diff", str(EXAMPLES / "illustrative-2023-06.csv"), env={"COLUMNS": "160"})
    assert max(cells(line) for line in run.stdout.splitlines()) <= 160
    assert "报告原文" in run.stdout
    assert "地区生产总值增长6%左右" in run.stdout


def test_text_from_files_is_printed_as_written_not_as_markup(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "id,period,value,source\ngraduates,2023-06,5,[/b] 统计局 [red]月报\n", encoding="utf-8"
    )
    run = cli("show", "graduates", "--actuals", str(path))
    assert run.exit_code == 0
    assert "[/b] 统计局 [red]月报" in run.stdout


def _styled(
    renderable: RenderableType, width: int, encoding: str = "utf-8"
) -> list[list[tuple[str, Style]]]:
    """Each line as (character, style) pairs: how a table looks, whatever its segments."""
    console = Console(width=width, force_terminal=True, color_system="truecolor")
    options = console.options.copy()
    options.encoding = encoding  # ASCII: Rich draws its boxes with ASCII characters
    lines = console.render_lines(renderable, options, pad=False, new_lines=False)
    drawn = [[(ch, s.style or Style.null()) for s in line for ch in s.text] for line in lines]
    while drawn and not drawn[-1]:
        drawn.pop()
    return drawn


def _rich_table(table: FittedTable, width: int) -> Table:
    """The table as rich.table.Table draws it with the widths fit() chose."""
    widths = fit(table.columns, table.natural, width)
    kept = [i for i, w in enumerate(widths) if w is not None]
    drawn = Table(box=box.SIMPLE_HEAD, pad_edge=False, title=table.title)
    for i in kept:
        column = table.columns[i]
        drawn.add_column(
            column.header,
            width=widths[i],
            justify=column.justify,
            style=column.style,
            no_wrap=not column.weight,
            overflow="fold",
        )
    for index, row in enumerate(table.rows):
        if index in table.breaks:
            drawn.add_section()
        drawn.add_row(*(row[i] for i in kept))
    return drawn


_WORDS = st.text(
    alphabet=st.sampled_from(list("ab xy-1.5%\n") + list("地区生产总值增长左右，。")), max_size=30
) | st.text(alphabet=st.sampled_from(list("地区生产总值增长左右，。ab1")), max_size=40)  # no spaces
_STYLES = st.sampled_from(["", "bold", "dim", "red", "bold green", "italic"])


@st.composite
def _tables(draw: st.DrawFn) -> FittedTable:
    count = draw(st.integers(1, 5))
    columns = [
        Column(
            header=draw(st.sampled_from(["id", "名称", "actual", "报告原文", "gap 差距"])),
            weight=draw(st.sampled_from([0, 0, 1, 3])),
            minimum=draw(st.integers(1, 12)),
            optional=index > 0 and draw(st.booleans()),  # every table keeps its first column
            justify=draw(st.sampled_from(["left", "right"])),
            style=draw(_STYLES),
        )
        for index in range(count)
    ]
    rows: list[Row] = []
    for _ in range(draw(st.integers(0, 6))):
        kind = draw(st.sampled_from(["cells", "cells", "heading"]))
        if kind == "heading" and count >= 2:
            rows.append(Heading(draw(_WORDS), draw(_WORDS)))
        else:
            cells = []
            for _ in range(count):
                cell = Text(draw(_WORDS), style=draw(_STYLES))
                if draw(st.booleans()):  # a second style over part of the text
                    cell.stylize(draw(_STYLES), draw(st.integers(0, 5)), draw(st.integers(0, 9)))
                kind = draw(st.sampled_from(["plain", "whole", "right", "tab"]))
                if kind == "whole":
                    cell.no_wrap, cell.overflow = True, "ignore"
                elif kind == "right":
                    cell.justify = "right"
                elif kind == "tab":
                    cell.append("\tx")
                cells.append(cell)
            rows.append(cells)
    return FittedTable(columns, rows, draw(st.sampled_from([None, "标题 title"])))


@given(table=_tables(), width=st.integers(8, 160), encoding=st.sampled_from(["utf-8", "ascii"]))
def test_a_fitted_table_draws_what_rich_table_draws(
    table: FittedTable, width: int, encoding: str
) -> None:
    console = Console(width=width)
    if too_narrow(table.columns, table.natural, width):
        return  # drawn stacked, not as a table
    widths = fit(table.columns, table.natural, width)
    kept = [i for i, w in enumerate(widths) if w is not None]
    assert sum(w for w in widths if w is not None) + extra_width(len(kept)) <= width
    assert console.width == width
    assert _styled(table, width, encoding) == _styled(_rich_table(table, width), width, encoding)


def test_a_note_spans_the_table_and_widens_no_column() -> None:
    # Rich has no row across all columns: a note is drawn after the left edge, wrapped at the
    # table's width, between the rows it stands between.
    note = "暂无数据 22 项(其中 8 项尚未发布、7 项到期考核)"
    columns = [
        Column(header="id"),
        Column(header="名称", weight=1, minimum=4),
        Column(header="状态"),
    ]
    rows: list[Row] = [[Text("gdp"), Text("地区生产总值"), Text("滞后")], Note(note)]
    with_note = FittedTable(columns, rows)
    without = FittedTable(columns, rows[:1])
    assert with_note.natural == without.natural
    for width in (30, 40, 80):
        console = Console(width=width, record=True)
        console.print(with_note)
        lines = console.export_text().splitlines()
        assert max(cell_len(line) for line in lines) <= width
        body = lines[lines.index(next(x for x in lines if "gdp" in x)) + 1 :]
        assert note.replace(" ", "") in "".join(body).replace(" ", "")


def test_a_column_narrower_than_one_chinese_character_draws_what_rich_table_draws() -> None:
    table = FittedTable(
        [Column(header="名称"), Column(header="名称", weight=1)], [[Text("地区"), Text("生产总值")]]
    )
    assert fit(table.columns, table.natural, 10) == [4, 1]
    assert _styled(table, 10) == _styled(_rich_table(table, 10), 10)


def test_every_table_of_the_commands_draws_what_rich_table_draws() -> None:
    from reportcheck.actuals import read_actuals
    from reportcheck.output.render import report_table, targets_table
    from reportcheck.registry.load import load_registry
    from reportcheck.review.evaluate import evaluate

    registry = load_registry()
    data = read_actuals([EXAMPLES / "illustrative-2023-06.csv"], registry)
    report = evaluate(registry, data)
    tables = [
        table
        # Every row of its own (--all): a note across the table is no Rich table's row.
        for view in (
            targets_table(registry.targets, "zh"),
            report_table(report, "en", show_all=True),
        )
        for table in _fitted(view)
    ]
    assert len(tables) >= 2
    for table in tables:
        for width in (80, 120, 160, 240):
            if not too_narrow(table.columns, table.natural, width):
                assert _styled(table, width) == _styled(_rich_table(table, width), width)


def _fitted(node: object) -> list[FittedTable]:
    if isinstance(node, FittedTable):
        return [node]
    found: list[FittedTable] = []
    for child in getattr(node, "renderables", []) or []:
        found += _fitted(child)
    return found


@st.composite
def _lines(draw: st.DrawFn) -> list[Text]:
    lines = []
    for _ in range(draw(st.integers(0, 6))):
        line = Text(draw(_WORDS | st.just("")), style=draw(_STYLES))
        for _ in range(draw(st.integers(0, 2))):  # spans over parts of the line, maybe past it
            line.stylize(draw(_STYLES), draw(st.integers(0, 9)), draw(st.integers(0, 40)))
        if draw(st.booleans()):
            line.append(
                draw(st.sampled_from(["\u0301\u0301\u0301", "\u0301\u0301  ", "\tx", "  ", "标题"]))
            )
        kind = draw(st.sampled_from(["plain", "plain", "whole", "right", "center", "end"]))
        if kind == "whole":
            line.no_wrap, line.overflow = True, "ignore"
        elif kind == "right":
            line.justify = "right"
        elif kind == "center":
            line.justify = "center"
        elif kind == "end":
            line.end = ""
        lines.append(line)
    return lines


@given(
    lines=_lines(),
    width=st.integers(0, 60),
    justify=st.sampled_from([None, "default", "left", "right"]),
)
def test_lines_draw_what_a_group_of_them_draws(
    lines: list[Text], width: int, justify: JustifyMethod | None
) -> None:
    """Every character and colour code, at any width and justification, for lines that fit and
    lines Rich wraps; and the same measure, so that a table or an alignment sizes them alike."""
    drawn = []
    for renderable in (Group(*(line.copy() for line in lines)), Lines(lines)):
        console = Console(
            width=max(width, 1), force_terminal=True, color_system="truecolor", file=io.StringIO()
        )
        console.print(renderable, crop=False, justify=justify)
        options = console.options.update(width=width, justify=justify)
        segments = list(console.render(renderable, options))
        measured = Measurement.get(console, options, renderable)
        drawn.append((console.file.getvalue(), segments, measured))  # type: ignore[attr-defined]
    assert drawn[0] == drawn[1]
