"""An .xlsx workbook described cell by cell (values, styles, merged ranges, widths and heights,
frozen panes, a filter, A4 landscape printing one page wide) and written with openpyxl.

The description is built first and handed to openpyxl whole, so a sheet's layout sits beside
its cells and a failed write leaves nothing half-made. Text is always a string cell, so a cell
from the data is never a formula whatever it begins with; numbers are numbers; characters XML
cannot carry are spelled out.
"""

from __future__ import annotations

from copy import copy
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import msgspec

from reportcheck.model.files import workbook_bytes
from reportcheck.model.imports import without_numpy
from reportcheck.output.safe_text import xml_text

if TYPE_CHECKING:
    from collections.abc import Sequence

Value = str | int | float | Decimal | bool | None

#: Significant digits a number cell keeps: a double holds 17.
_DIGITS = 17


class Style(msgspec.Struct, frozen=True, kw_only=True):
    """How a cell looks. Colours are RRGGBB; `border` is the colour of thin lines all round."""

    bold: bool = False
    size: float = 11
    colour: str = ""
    fill: str = ""
    border: str = ""
    wrap: bool = False
    horizontal: str = ""  # left, center, right
    vertical: str = ""  # top, center, bottom
    number_format: str = ""  # "": General


PLAIN = Style()


class Sheet:
    """One worksheet, filled row by row; the layout (widths, heights, merges, panes, printing)
    is set beside the cells."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.rows: list[list[tuple[Value, Style]]] = []
        self.widths: dict[int, float] = {}  # column (1-based) -> width in digits of the font
        self.heights: dict[int, float] = {}  # row (1-based) -> height in points
        self.merged: list[tuple[int, int, int, int]] = []  # first row, column, last row, column
        self.freeze: str | None = None  # the top-left cell that scrolls, e.g. "E2"
        self.filter: tuple[int, int, int, int] | None = None  # the range of an autofilter
        self.title_rows: tuple[int, int] | None = None  # rows printed at the top of every page
        self.landscape = False  # A4 landscape, one page wide
        self.header = ""  # printed at the top of every page

    @property
    def max_row(self) -> int:
        return len(self.rows)

    def append(self, values: Sequence[Value], style: Style = PLAIN) -> int:
        """A row of cells in one style; its number."""
        self.rows.append([(value, style) for value in values])
        return len(self.rows)

    def put(self, row: int, column: int, value: Value, style: Style = PLAIN) -> None:
        while len(self.rows) < row:
            self.rows.append([])
        cells = self.rows[row - 1]
        while len(cells) < column:
            cells.append((None, PLAIN))
        cells[column - 1] = (value, style)

    def restyle(self, row: int, column: int, style: Style) -> None:
        """The cell's value in another style."""
        cells = self.rows[row - 1]
        value = cells[column - 1][0] if column <= len(cells) else None
        self.put(row, column, value, style)

    def merge(self, row: int, first: int, last: int, last_row: int | None = None) -> None:
        self.merged.append((row, first, last_row or row, last))


class Workbook:
    """Sheets in order, written as one .xlsx."""

    def __init__(self) -> None:
        self.sheets: list[Sheet] = []
        self.title = ""

    def add(self, name: str) -> Sheet:
        sheet = Sheet(name)
        self.sheets.append(sheet)
        return sheet

    def to_bytes(self) -> bytes:
        """The workbook's file, built in memory by openpyxl."""
        with without_numpy():  # openpyxl would load it only to accept numpy's number types
            from openpyxl import Workbook as Book
            from openpyxl.utils import get_column_letter
        book = Book()
        book.remove(book.worksheets[0])
        book.properties.title = xml_text(self.title) or None
        book.properties.creator = "reportcheck"
        styles = _Styles()
        for sheet in self.sheets:
            page = book.create_sheet(sheet.name)
            for number, cells in enumerate(sheet.rows, start=1):
                for column, (value, style) in enumerate(cells, start=1):
                    if (value is None or value == "") and style == PLAIN:
                        continue
                    cell = page.cell(row=number, column=column)
                    if isinstance(value, str) and value:
                        cell.value = xml_text(value)
                        cell.data_type = "s"  # text, never a formula or a date
                    elif value is not None and value != "":
                        cell.value = _number(value)
                    if style != PLAIN:
                        styles.apply(cell, style)
            for column, width in sheet.widths.items():
                page.column_dimensions[get_column_letter(column)].width = width
            for number, height in sheet.heights.items():
                page.row_dimensions[number].height = height
            for first_row, first, last_row, last in sheet.merged:
                page.merge_cells(
                    start_row=first_row, start_column=first, end_row=last_row, end_column=last
                )
            if sheet.freeze not in (None, "A1"):
                page.freeze_panes = sheet.freeze
            if sheet.filter is not None:
                first_row, first, last_row, last = sheet.filter
                page.auto_filter.ref = (
                    f"{get_column_letter(first)}{first_row}:{get_column_letter(last)}{last_row}"
                )
            if sheet.title_rows is not None:
                page.print_title_rows = f"{sheet.title_rows[0]}:{sheet.title_rows[1]}"
            if sheet.header:  # & starts a code of a header: && is one
                page.oddHeader.center.text = xml_text(sheet.header).replace("&", "&&")
            if sheet.landscape:
                page.page_setup.orientation = "landscape"
                page.page_setup.paperSize = page.PAPERSIZE_A4
                page.page_setup.fitToWidth = 1
                page.page_setup.fitToHeight = 0
                page.sheet_properties.pageSetUpPr.fitToPage = True
        return workbook_bytes(book)


def letter(column: int) -> str:
    """The column's letters: 1 → A, 27 → AA."""
    name = ""
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


def _number(value: int | float | Decimal | bool) -> int | float | bool:
    """A number as the spreadsheet stores it: a double, from the decimal's own digits."""
    if isinstance(value, Decimal):
        if len(value.as_tuple().digits) <= _DIGITS:
            return float(value)
        return float(format(value, f".{_DIGITS}g"))
    return value


class _Styles:
    """Each style of one workbook, made once: the first cell of a style gets its font, fill,
    border and alignment one by one (openpyxl finds or adds each in the workbook's lists); every
    later cell of the style gets a copy of the first's indices, as openpyxl copies a cell's style
    (setting the parts again would hash and look each one up for every cell)."""

    def __init__(self) -> None:
        self.made: dict[Style, Any] = {}

    def apply(self, cell: Any, style: Style) -> None:
        indices = self.made.get(style)
        if indices is None:
            for name, value in _parts(style).items():
                setattr(cell, name, value)
            self.made[style] = cell._style
        else:
            cell._style = copy(indices)


def _parts(style: Style) -> dict[str, Any]:
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

    parts: dict[str, Any] = {
        "font": Font(bold=style.bold, size=style.size, color=style.colour or None)
    }
    if style.fill:
        parts["fill"] = PatternFill("solid", fgColor=style.fill)
    if style.border:
        side = Side(style="thin", color=style.border)
        parts["border"] = Border(left=side, right=side, top=side, bottom=side)
    if style.wrap or style.horizontal or style.vertical:
        parts["alignment"] = Alignment(
            horizontal=style.horizontal or None,
            vertical=style.vertical or None,
            wrap_text=style.wrap or None,
        )
    if style.number_format:
        parts["number_format"] = style.number_format
    return parts
