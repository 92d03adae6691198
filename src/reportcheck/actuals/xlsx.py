"""An .xlsx workbook as tables of text cells (its parts read by `actuals.workbook`).

Sizes are checked before any XML is parsed: the unpacked size of every part, and then the rows
and columns a sheet declares, before its first row. Any failure to parse is a `wrong-file-type`
problem, never a crash: a workbook is a zip of XML that any program may have written.
"""

from __future__ import annotations

import io
import zipfile
from typing import TYPE_CHECKING

import msgspec

from reportcheck.actuals.columns import INFO_COLUMNS, column_of
from reportcheck.actuals.raw import RawTable
from reportcheck.actuals.workbook import SheetReader, open_book
from reportcheck.model.limits import (
    MAX_CELL_CHARS,
    MAX_CELLS,
    MAX_COLUMNS,
    MAX_ROWS,
    MAX_TEXT_CHARS,
    MAX_XLSX_PART_BYTES,
    MAX_XLSX_UNPACKED_BYTES,
    size_param,
)
from reportcheck.model.problems import Problem, problem

if TYPE_CHECKING:
    from collections.abc import Callable


def read_workbook(data: bytes, table: RawTable, every_sheet: bool = False) -> list[RawTable]:
    """One table per sheet that holds figures; the first sheet always. With `every_sheet`,
    every sheet's cells, each table named 'file [sheet]' (a workbook read for its text, such
    as a review pack)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        parts = archive.infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        return [table.refuse("wrong-file-type", variant="xlsx", why=str(exc))]
    for part in parts:
        if part.file_size > MAX_XLSX_PART_BYTES:
            return [
                table.refuse(
                    "too-large",
                    variant="part",
                    part=part.filename,
                    size=size_param(part.file_size),
                    limit=size_param(MAX_XLSX_PART_BYTES),
                )
            ]
    unpacked = sum(part.file_size for part in parts)
    if unpacked > MAX_XLSX_UNPACKED_BYTES:
        return [
            table.refuse(
                "too-large",
                variant="unpacked",
                size=size_param(unpacked),
                parts=len(parts),
                limit=size_param(MAX_XLSX_UNPACKED_BYTES),
            )
        ]
    broken = _unpack_parts(archive, parts)
    if broken is not None:
        return [table.refuse("wrong-file-type", variant="xlsx", why=broken)]
    try:
        return _read_sheets(archive, table, every_sheet)
    except Exception as exc:  # zip, XML and the parts' contents fail in many ways on a broken file
        table.rows.clear()
        table.header.clear()
        return [table.refuse("wrong-file-type", variant="xlsx", why=f"{type(exc).__name__}: {exc}")]


def _unpack_parts(archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo]) -> str | None:
    """Every part unpacked once, in small pieces; why one does not unpack to its stated size.

    The limits above trust each part's stated size, and a whole read of a part unpacks as much
    as the data holds before cutting it to that size, so a part that says 1 KB and holds 1 GB
    would cost a gigabyte. Reading each part in small pieces stops at the stated size, where
    the checksum of a part that said less than it holds fails.
    """
    for part in parts:
        try:
            with archive.open(part) as stream:
                while stream.read(_PIECE):
                    pass
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            return f"{part.filename}: {exc}"
    return None


#: Bytes unpacked at a time while checking a workbook's parts.
_PIECE = 64 * 1024


class _TooLargeError(ValueError):
    """A sheet beyond a limit: its too-large problem, placed in the file by the caller."""

    def __init__(self, found: Problem) -> None:
        super().__init__(found.key)
        self.problem = found


def _declared(title: str) -> Callable[[int, int], None]:
    """The check of the size a sheet states, made before any of its rows is read."""

    def check(rows: int, columns: int) -> None:
        if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
            raise _TooLargeError(
                problem(
                    "too-large",
                    "declared",
                    sheet=repr(title),
                    rows=rows,
                    columns=columns,
                    max_rows=MAX_ROWS,
                    max_columns=MAX_COLUMNS,
                    max_cells=MAX_CELLS,
                )
            )

    return check


def _read_sheets(archive: zipfile.ZipFile, table: RawTable, every: bool) -> list[RawTable]:
    book = open_book(archive)
    tables: list[RawTable] = []
    left = MAX_TEXT_CHARS
    for index, entry in enumerate(book.sheets):
        name = table.file if index == 0 and not every else f"{table.file} [{entry.title}]"
        current = table if index == 0 and not every else RawTable(name)
        reader = SheetReader(archive, entry, book, MAX_COLUMNS, _declared(entry.title))
        try:
            grid = _grid(reader, entry.title, current, left)
        except _TooLargeError as exc:
            tables.append(_too_large(current, exc))
            continue
        left -= grid.chars
        if every or index == 0 or _later_sheet(grid, current, table, entry.title):
            tables.append(_as_table(grid, current))
        elif current.problems:
            tables.append(current)
    if not book.sheets:
        tables.append(table.refuse("empty-file", variant="sheet"))
    return tables


class _Grid(msgspec.Struct):
    """A sheet's cells as text, empty rows and trailing empty cells trimmed."""

    rows: list[list[str]] = msgspec.field(default_factory=list)
    has_number: bool = False
    chars: int = 0  # characters of text in its cells
    #: Formula cells without a computed value: (row, column, coordinate, formula).
    unknown: list[tuple[int, int, str, str]] = msgspec.field(default_factory=list)


def _grid(reader: SheetReader, title: str, table: RawTable, left: int) -> _Grid:
    """The sheet's cells as text; `left` is how many characters of text the workbook may still
    hold."""
    grid = _Grid()
    count = 0
    for r, row in enumerate(reader.rows(), start=1):
        if r > MAX_ROWS:
            raise _TooLargeError(
                problem("too-large", "sheet-rows", sheet=repr(title), rows=MAX_ROWS)
            )
        if row.cut:
            raise _TooLargeError(
                problem("too-large", "sheet-columns", sheet=repr(title), columns=MAX_COLUMNS, row=r)
            )
        cells = row.cells
        lengths = list(map(len, cells))
        if lengths and max(lengths) > MAX_CELL_CHARS:
            c = next(i for i, n in enumerate(lengths, start=1) if n > MAX_CELL_CHARS)
            raise _TooLargeError(
                problem(
                    "too-large",
                    "xlsx-cell",
                    cell=f"{_letters(c)}{r}",
                    chars=lengths[c - 1],
                    limit=MAX_CELL_CHARS,
                )
            )
        grid.chars += sum(lengths)
        if grid.chars > left:
            raise _TooLargeError(
                problem("too-large", "text", sheet=repr(title), limit=MAX_TEXT_CHARS)
            )
        grid.has_number = grid.has_number or row.numbers
        grid.unknown.extend((r, c, f"{_letters(c)}{r}", formula) for c, formula in row.formulas)
        count += len(cells)
        if count > MAX_CELLS:
            raise _TooLargeError(
                problem("too-large", "sheet-cells", sheet=repr(title), cells=MAX_CELLS)
            )
        grid.rows.append(cells)
    while grid.rows and not grid.rows[-1]:  # formatting can stretch a sheet past its last value
        grid.rows.pop()
    header = grid.rows[0] if grid.rows else []
    for r, c, coordinate, formula in grid.unknown:
        # Only a formula in a column that is read leaves a figure unknown.
        if r == 1 or (c <= len(header) and _read_column(header[c - 1])):
            table.refuse(
                "formula-without-value", line=r, value=formula, cell=coordinate, formula=formula
            )
    return grid


def _letters(column: int) -> str:
    name = ""
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


def _read_column(header: str) -> bool:
    """Whether a column's cells are read onto the figures (the template's own are not)."""
    return column_of(header) not in (None, *INFO_COLUMNS)


def _too_large(table: RawTable, exc: _TooLargeError) -> RawTable:
    """The sheet refused for the limit it passes."""
    table.problems.append(exc.problem.located(table.file))
    return table


def _later_sheet(grid: _Grid, table: RawTable, first: RawTable, title: str) -> bool:
    """Whether a later sheet is a table to read; one with figures but no header is refused."""
    if not grid.rows:
        return False
    header = {column_of(text) for text in grid.rows[0]}
    if {"id", "period", "value"} <= header:
        return True
    if grid.has_number:
        table.refuse("sheet-without-header", line=1, sheet=repr(title))
        return False
    first.problems.append(
        problem("skipped", "sheet", file=first.file, severity="warning", sheet=repr(title))
    )
    return False


def _as_table(grid: _Grid, table: RawTable) -> RawTable:
    if not grid.rows:
        if not table.problems:
            table.refuse("empty-file", variant="sheet")
        return table
    header = grid.rows[0]
    width = len(header)
    table.header = header
    for n, cells in enumerate(grid.rows[1:], start=2):
        if len(cells) < width:
            cells.extend([""] * (width - len(cells)))
        table.rows.append((n, cells))
    return table
