"""A review pack written in every format and read back, for tests that pin what each shows."""

from __future__ import annotations

import csv
import io
import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

import msgspec

from reportcheck.output.pack.write import write_pack

if TYPE_CHECKING:
    from pathlib import Path

    from reportcheck.review.pack import Pack

FORMATS = ("docx", "xlsx", "html", "md", "csv")


class Written(msgspec.Struct, frozen=True, kw_only=True):
    """One format of a pack: its paragraphs (or lines) and the rows of its tables, as text."""

    suffix: str
    path: Path
    lines: tuple[str, ...]  # paragraphs, lines out of tables, a sheet's first cells
    tables: tuple[tuple[tuple[str, ...], ...], ...]  # each table (or sheet) as rows of cells;
    # a Markdown table's cells unescaped

    @property
    def text(self) -> str:
        """Everything the format shows, a line for each paragraph and each table row."""
        rows = ["\t".join(row) for table in self.tables for row in table]
        return "\n".join([*self.lines, *rows])

    def rows_with(self, value: str) -> list[dict[str, str]]:
        """The rows of every table with a cell that is `value` (or holds it as a word: the
        page's cell of a commitment's wording holds its id), each keyed by its table's header:
        the first row that starts 序号 or No., else the first."""
        found = []
        for table in self.tables:
            header = next((row for row in table if row and row[0] in ("序号", "No.")), None)
            header = header or (table[0] if table else ())
            found += [
                dict(zip(header, row, strict=False))
                for row in table
                if row is not header and any(value == c or value in c.split() for c in row)
            ]
        return found


def written(pack: Pack, folder: Path, lang: str = "zh", suffix: str = "") -> dict[str, Written]:
    """The pack in each format (or the one asked for), written into `folder` and read back."""
    done = {}
    for name in (suffix,) if suffix else FORMATS:
        path = folder / f"pack-{lang}.{name}"
        write_pack(pack, path, lang)
        done[name] = read_back(path)
    return done


def read_back(path: Path) -> Written:
    suffix = path.suffix.lstrip(".")
    if suffix == "docx":
        import docx

        document = docx.Document(str(path))
        return Written(
            suffix=suffix,
            path=path,
            lines=tuple(p.text for p in document.paragraphs if p.text),
            tables=tuple(
                tuple(tuple(c.text for c in row.cells) for row in table.rows)
                for table in document.tables
            ),
        )
    if suffix == "xlsx":
        from openpyxl import load_workbook

        book = load_workbook(path)
        tables = tuple(
            tuple(
                tuple("" if c.value is None else str(c.value) for c in row)
                for row in sheet.iter_rows()
            )
            for sheet in book.worksheets
        )
        lines = tuple(row[0] for table in tables for row in table if row and row[0])
        return Written(suffix=suffix, path=path, lines=lines, tables=tables)
    text = path.read_text(encoding="utf-8-sig")
    if suffix == "csv":
        rows = tuple(tuple(row) for row in csv.reader(io.StringIO(text)))
        return Written(suffix=suffix, path=path, lines=(), tables=(rows,))
    if suffix == "html":
        page = _Page()
        page.feed(text)
        return Written(
            suffix=suffix,
            path=path,
            lines=tuple(" ".join(line.split()) for line in page.lines if line.strip()),
            tables=tuple(tuple(tuple(row) for row in table) for table in page.tables),
        )
    every = text.splitlines()
    grid: list[list[tuple[str, ...]]] = []
    previous = False
    for line in every:
        is_row = line.startswith("|")
        if is_row and not line.startswith("|---"):
            if not previous:
                grid.append([])
            cells = line.strip().strip("|").split(" | ")
            grid[-1].append(tuple(re.sub(r"\\(.)", r"\1", c.strip()) for c in cells))
        previous = is_row
    return Written(
        suffix=suffix,
        path=path,
        lines=tuple(line for line in every if line and not line.startswith("|")),
        tables=tuple(tuple(table) for table in grid),
    )


class _Page(HTMLParser):
    """The text of a page: each table as rows of cell texts, everything else as lines."""

    def __init__(self) -> None:
        super().__init__()
        self.tables: list[list[list[str]]] = []
        self.lines: list[str] = []
        self.depth = 0  # inside a table
        self.cell: list[str] | None = None
        self.skip = 0  # inside <script>, <style> or <title>

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "title", "svg"):
            self.skip += 1
        elif tag == "table":
            self.depth += 1
            self.tables.append([])
        elif tag == "tr" and self.depth:
            self.tables[-1].append([])
        elif tag in ("td", "th") and self.depth:
            self.cell = []
        elif tag in ("p", "li", "h1", "h2", "div", "br") and not self.depth:
            self.lines.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "title", "svg"):
            self.skip -= 1
        elif tag == "table":
            self.depth -= 1
        elif tag in ("td", "th") and self.cell is not None:
            self.tables[-1][-1].append(" ".join("".join(self.cell).split()))
            self.cell = None

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        if self.cell is not None:
            self.cell.append(data + " ")
        elif not self.depth:
            if not self.lines:
                self.lines.append("")
            self.lines[-1] += data


def formulas(path: Path) -> list[str]:
    """Every formula of a workbook: each <f> element of its sheets' XML, and the coordinate of
    each cell openpyxl reads as a formula."""
    import zipfile

    from openpyxl import load_workbook

    with zipfile.ZipFile(path) as archive:
        found = [
            match.group().decode()
            for name in archive.namelist()
            if name.startswith("xl/worksheets/")
            for match in re.finditer(rb"<f[ >/].*?(?:</f>|/>)", archive.read(name))
        ]
    book = load_workbook(path)
    found += [
        f"{s.title}!{c.coordinate}"
        for s in book.worksheets
        for line in s.iter_rows()
        for c in line
        if c.data_type == "f"
    ]
    return found


def column_widths(sheet: Any) -> dict[int, float]:
    """Column number -> width of an openpyxl sheet; a file may state one width for several
    neighbouring columns (min to max)."""
    widths: dict[int, float] = {}
    for dimension in sheet.column_dimensions.values():
        assert dimension.min is not None
        assert dimension.max is not None
        widths.update(dict.fromkeys(range(dimension.min, dimension.max + 1), dimension.width))
    return widths
