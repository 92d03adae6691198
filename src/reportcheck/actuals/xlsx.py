"""An .xlsx workbook as tables of text cells, read with openpyxl in read-only mode.

Sizes are checked before openpyxl parses anything: the unpacked size of every part, and the
rows and columns a sheet declares. Any failure to parse is a `wrong-file-type` problem, never
a crash: a workbook is a zip of XML that any program may have written.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import msgspec

from reportcheck.actuals.columns import INFO_COLUMNS, column_of
from reportcheck.actuals.raw import RawTable, sheet_place
from reportcheck.model.imports import without_numpy
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
from reportcheck.model.numbers import format_decimal
from reportcheck.model.problems import Problem, problem

if TYPE_CHECKING:
    from collections.abc import Iterator

#: A formula element in sheet XML, with or without a namespace prefix.
_FORMULA = re.compile(rb"<(?:\w+:)?f[\s>/]")
# The two patterns below are text, compiled by re when first used: most workbooks have no %
# format and no period typed as a number.
#: Parts of a number format that are text, not format codes: "quoted", \escaped, [colour].
_FORMAT_TEXT = r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.'
#: A period typed as a number whose month reads as 1: Excel stores 2023.10 as 2023.1, so it
#: cannot be told from January.
_MONTH_ONE = r"\d{4}\.1"
#: Excel keeps 15 significant digits; a float beyond them is binary noise, not a typed digit.
_EXCEL_DIGITS = 15
#: A float's digits with neither exponent nor trailing zeros nor a negative zero.
_PLAIN_FIGURE = re.compile(r"-?(?:[1-9]\d*(?:\.\d*[1-9])?|0\.\d*[1-9])")

Formulas = dict[tuple[str, int, int], str]


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
    unpacked_parts = _unpack_parts(archive, parts)
    if unpacked_parts.broken is not None:
        return [table.refuse("wrong-file-type", variant="xlsx", why=unpacked_parts.broken)]
    try:
        # openpyxl warns on stderr about what it leaves out (a missing default style, data
        # validation, extensions), which says nothing about the figures and is no one line of a
        # problem; what it cannot read is refused below.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            formulas = _formulas(data, archive) if unpacked_parts.formulas else {}
            return _read_sheets(data, table, formulas, every_sheet)
    except Exception as exc:  # openpyxl and the XML parser raise many types on a broken file
        table.rows.clear()
        table.header.clear()
        return [table.refuse("wrong-file-type", variant="xlsx", why=f"{type(exc).__name__}: {exc}")]


class _Parts(msgspec.Struct, frozen=True):
    broken: str | None  # why a part does not unpack to the size its header states
    formulas: bool  # whether any sheet holds a formula element


def _unpack_parts(archive: zipfile.ZipFile, parts: list[zipfile.ZipInfo]) -> _Parts:
    """Every part unpacked once, in small pieces, and on the way whether a sheet has formulas.

    The limits above trust each part's stated size, and a whole read of a part unpacks as much
    as the data holds before cutting it to that size, so a part that says 1 KB and holds 1 GB
    would cost a gigabyte. Reading each part in small pieces stops at the stated size, where
    the checksum of a part that said less than it holds fails.
    """
    formulas = False
    for part in parts:
        sheet = part.filename.startswith("xl/worksheets/") and part.filename.endswith(".xml")
        carried = b""
        try:
            with archive.open(part) as stream:
                while piece := stream.read(_PIECE):
                    if sheet and not formulas:
                        formulas = _FORMULA.search(carried + piece) is not None
                        carried = piece[-_OVERLAP:]  # a tag cut between two pieces is seen whole
        except (zipfile.BadZipFile, EOFError, OSError, ValueError, NotImplementedError) as exc:
            return _Parts(f"{part.filename}: {exc}", formulas)
    return _Parts(None, formulas)


#: Bytes unpacked at a time while checking a workbook's parts.
_PIECE = 64 * 1024
#: Bytes kept from one piece to the next: more than the longest formula tag with its prefix.
_OVERLAP = 64


def _formulas(data: bytes, archive: zipfile.ZipFile) -> Formulas:
    """(sheet, row, column) -> formula, for every formula cell of the workbook."""
    with without_numpy():
        from openpyxl import load_workbook

    found: Formulas = {}
    book = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        for sheet in book.worksheets:
            try:
                rows = _rows(sheet)
            except _TooLargeError:
                continue  # refused, with the reason, when the values are read
            for r, row in enumerate(rows, start=1):
                if r > MAX_ROWS:
                    break
                for c, cell in enumerate(row[:MAX_COLUMNS], start=1):
                    if getattr(cell, "data_type", None) == "f":
                        found[(sheet.title, r, c)] = str(cell.value)
    finally:
        book.close()
    return found


def _rows(sheet: Any) -> Iterator[Any]:
    """Rows of a sheet, refused before reading when it declares more than the limits."""
    rows, columns = sheet.max_row or 0, sheet.max_column or 0
    if rows > MAX_ROWS or columns > MAX_COLUMNS or rows * columns > MAX_CELLS:
        raise _TooLargeError(
            problem(
                "too-large",
                "declared",
                sheet=repr(sheet.title),
                rows=rows,
                columns=columns,
                max_rows=MAX_ROWS,
                max_columns=MAX_COLUMNS,
                max_cells=MAX_CELLS,
            )
        )
    # Rows then come as stored, not padded to the declared size; _grid counts them itself.
    sheet.reset_dimensions()
    return iter(sheet.iter_rows())


class _TooLargeError(ValueError):
    """A sheet beyond a limit: its too-large problem, placed in the file by the caller."""

    def __init__(self, found: Problem) -> None:
        super().__init__(found.key)
        self.problem = found


def _read_sheets(
    data: bytes, table: RawTable, formulas: Formulas, every: bool = False
) -> list[RawTable]:
    with without_numpy():  # openpyxl would load it only to accept numpy's number types
        from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    tables: list[RawTable] = []
    left = MAX_TEXT_CHARS
    try:
        for index, sheet in enumerate(book.worksheets):
            first = index == 0 and not every
            name = table.file if first else sheet_place(table.file, sheet.title)
            current = table if first else RawTable(file=name)
            try:
                grid = _grid(sheet, current, formulas, left)
            except _TooLargeError as exc:
                tables.append(_too_large(current, exc))
                continue
            left -= grid.chars
            if every or index == 0 or _later_sheet(grid, current, table, sheet.title):
                tables.append(_as_table(grid, current))
            elif current.problems:
                tables.append(current)
    finally:
        book.close()
    if not tables:  # a workbook without a single sheet
        return [table.refuse("empty-file", variant="sheet")]
    return tables


class _Grid(msgspec.Struct, kw_only=True):
    """A sheet's cells as text, empty rows and trailing empty cells trimmed."""

    rows: list[list[str]] = msgspec.field(default_factory=list)
    has_number: bool = False
    chars: int = 0  # characters of text in its cells
    #: Formula cells without a computed value: (row, column, coordinate, formula).
    unknown: list[tuple[int, int, str, str]] = msgspec.field(default_factory=list)


def _grid(sheet: Any, table: RawTable, formulas: Formulas, left: int) -> _Grid:
    """The sheet's cells as text; `left` is how many characters of text the workbook may still
    hold."""
    grid = _Grid()
    title = sheet.title
    count = chars = 0
    has_number = False
    period_at: int | None = None  # the period column, once the header is read
    for r, stored in enumerate(_rows(sheet), start=1):
        if r > MAX_ROWS:
            raise _TooLargeError(
                problem("too-large", "sheet-rows", sheet=repr(title), rows=MAX_ROWS)
            )
        if len(stored) > MAX_COLUMNS and any(c.value is not None for c in stored[MAX_COLUMNS:]):
            raise _TooLargeError(
                problem(
                    "too-large",
                    "sheet-columns",
                    sheet=repr(title),
                    columns=MAX_COLUMNS,
                    row=r,
                )
            )
        cells: list[str] = []
        for c, cell in enumerate(stored[:MAX_COLUMNS], start=1):
            value = cell.value
            if type(value) is str:  # most cells: the text is the value itself
                text = value
            elif value is None:
                formula = formulas.get((title, r, c))
                if formula is not None:
                    grid.unknown.append((r, c, cell.coordinate, formula))
                cells.append("")
                continue
            else:
                number = _is_number(value)
                # Only a number is shown through its format (a fraction formatted as %).
                text = _cell_text(
                    value, getattr(cell, "number_format", "General") if number else ""
                )
                has_number = has_number or number
            size = len(text)
            if size > MAX_CELL_CHARS:
                raise _TooLargeError(
                    problem(
                        "too-large",
                        "xlsx-cell",
                        cell=cell.coordinate,
                        chars=size,
                        limit=MAX_CELL_CHARS,
                    )
                )
            chars += size
            if chars > left:
                raise _TooLargeError(
                    problem("too-large", "text", sheet=repr(title), limit=MAX_TEXT_CHARS)
                )
            if c == period_at and isinstance(value, float) and re.fullmatch(_MONTH_ONE, text):
                table.refuse(
                    "bad-period",
                    "number",
                    line=r,
                    column="period",
                    value=text,
                    cell=cell.coordinate,
                )
            cells.append(text)
        if r == 1:
            period_at = next((c for c, t in enumerate(cells, 1) if column_of(t) == "period"), None)
        while cells and not cells[-1]:  # keep empty rows small
            cells.pop()
        count += len(cells)
        if count > MAX_CELLS:
            raise _TooLargeError(
                problem("too-large", "sheet-cells", sheet=repr(title), cells=MAX_CELLS)
            )
        grid.rows.append(cells)
    grid.chars, grid.has_number = chars, has_number
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


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


@lru_cache(maxsize=256)  # a workbook uses a few formats; a hostile one, a format per cell
def is_percent_format(number_format: str, value: float = 1.0) -> bool:
    """True when Excel shows the stored fraction times 100: a % that is a format code.

    A quoted "%" or an escaped \\% is literal text (12.6 shown as 12.6%); only a bare % scales.
    The format section that applies to the value's sign is the one that counts.
    """
    sections = re.sub(_FORMAT_TEXT, "", number_format).split(";")
    if value < 0 and len(sections) > 1:
        section = sections[1]
    elif value == 0 and len(sections) > 2:
        section = sections[2]
    else:
        section = sections[0]
    return "%" in section


def _cell_text(value: Any, number_format: str) -> str:
    """A cell as the text a person sees: 0.057 shown as 5.7% stays '5.7%', a date as YYYY-MM."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year}-{value.month:02d}"
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        digits = format(value, f".{_EXCEL_DIGITS}g")
        if "%" not in number_format and _PLAIN_FIGURE.fullmatch(digits):
            return digits  # already the plain notation format_decimal would write
        number = Decimal(digits)
    else:
        return str(value)
    if "%" in number_format and is_percent_format(number_format, (value > 0) - (value < 0)):
        return format_decimal(number * 100) + "%"
    return format_decimal(number)
