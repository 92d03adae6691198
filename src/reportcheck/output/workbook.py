"""An .xlsx workbook described cell by cell (values, styles, merged ranges, widths and heights,
frozen panes, a filter, A4 landscape printing one page wide) and written with XlsxWriter.

The description is built first and handed to XlsxWriter whole, in memory, so a sheet's layout
sits beside its cells and a failed write leaves nothing half-made. Text is always a string cell,
so a cell from the data is never a formula, a link or a number whatever it holds; numbers are
numbers; characters XML cannot carry are spelled out. A text longer than a cell can hold is
refused, never cut.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import msgspec

from reportcheck.model.problems import OutputError, problem
from reportcheck.output.safe_text import xml_text

if TYPE_CHECKING:
    from collections.abc import Sequence

Value = str | int | float | Decimal | bool | None

#: Significant digits a number cell keeps: a double holds 17.
_DIGITS = 17
#: UTF-16 code units a cell's text may hold in Excel, and a page header with its codes.
MAX_CELL_TEXT = 32767
MAX_PAGE_HEADER = 255
#: What a sheet's name cannot hold, and how long it may be.
_NOT_IN_SHEET_NAME = "[]:*?/\\"
MAX_SHEET_NAME = 31
#: Pixels of a digit of the default font (Calibri 11), the unit of a column's width.
_DIGIT_PIXELS = 7
#: XlsxWriter's paper code for A4.
_A4 = 9


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
        """A new sheet, its name made one Excel accepts (`sheet_name`)."""
        sheet = Sheet(sheet_name(name, [s.name for s in self.sheets]))
        self.sheets.append(sheet)
        return sheet

    def to_bytes(self) -> bytes:
        """The workbook's file, built in memory by XlsxWriter; OutputError when a text is longer
        than a cell holds."""
        import xlsxwriter

        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(
            buffer,
            {
                "in_memory": True,  # no temporary files
                # Text is written as text: never read as a formula, a link or a number.
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
            },
        )
        book.set_properties({"title": xml_text(self.title), "author": "reportcheck"})
        formats = _Formats(book)
        for sheet in self.sheets:
            _write_sheet(book.add_worksheet(sheet.name), sheet, formats)
        book.close()
        return buffer.getvalue()


def _write_sheet(page: Any, sheet: Sheet, formats: _Formats) -> None:
    hidden: set[tuple[int, int]] = set()  # the cells under a merged range but its first
    for first_row, first, last_row, last in sheet.merged:
        # The range takes its first cell's style; the first cell's value is written below.
        page.merge_range(
            first_row - 1,
            first - 1,
            last_row - 1,
            last - 1,
            "",
            formats.of(_style_at(sheet, first_row, first)),
        )
        hidden.update(
            (row, column)
            for row in range(first_row, last_row + 1)
            for column in range(first, last + 1)
            if (row, column) != (first_row, first)
        )
    for number, cells in enumerate(sheet.rows, start=1):
        for column, (value, style) in enumerate(cells, start=1):
            if (number, column) not in hidden:
                _write_cell(page, sheet.name, number, column, value, formats.of(style))
    for column, width in sheet.widths.items():
        # A width as the file stores it, padding included, in digits of the default font (7
        # pixels each); XlsxWriter's set_column would add the padding again.
        page.set_column_pixels(column - 1, column - 1, round(width * _DIGIT_PIXELS))
    for number, height in sheet.heights.items():
        page.set_row(number - 1, height)
    if sheet.freeze not in (None, "A1"):
        page.freeze_panes(sheet.freeze)
    if sheet.filter is not None:
        first_row, first, last_row, last = sheet.filter
        page.autofilter(first_row - 1, first - 1, last_row - 1, last - 1)
    if sheet.title_rows is not None:
        page.repeat_rows(sheet.title_rows[0] - 1, sheet.title_rows[1] - 1)
    if sheet.header:
        page.set_header(page_header(sheet.header))
    if sheet.landscape:
        page.set_landscape()
        page.set_paper(_A4)
        page.fit_to_pages(1, 0)  # one page wide, as many long as it takes


def sheet_name(name: str, taken: Sequence[str] = ()) -> str:
    """`name` as a sheet's name Excel accepts: each of []:*?/\\ a space, no ' at either end, at
    most 31 units, neither Excel's own History nor (in any case) a name in `taken`, a number
    added to tell them apart; "Sheet1" when nothing is left."""
    for char in _NOT_IN_SHEET_NAME:
        name = name.replace(char, " ")
    name = _trimmed(xml_text(name)) or "Sheet1"
    used = {t.lower() for t in taken} | {"history"}
    shown, number = _trimmed(_within(name, MAX_SHEET_NAME)), 1
    while shown.lower() in used:
        number += 1
        tail = f" ({number})"
        shown = _trimmed(_within(name, MAX_SHEET_NAME - len(tail))) + tail
    return shown


def _trimmed(name: str) -> str:
    """Without spaces or ' at either end."""
    return name.strip().strip("'").strip()


def _within(text: str, units: int) -> str:
    """The longest start of `text` of at most `units` UTF-16 units."""
    while _utf16_units(text) > units:
        text = text[: units if len(text) > units else -1]
    return text


def _style_at(sheet: Sheet, row: int, column: int) -> Style:
    cells = sheet.rows[row - 1] if row <= len(sheet.rows) else []
    return cells[column - 1][1] if column <= len(cells) else PLAIN


def _write_cell(
    page: Any, name: str, row: int, column: int, value: Value, cell_format: Any
) -> None:
    if value is None or value == "":
        if cell_format is not None:
            page.write_blank(row - 1, column - 1, None, cell_format)
    elif isinstance(value, str):
        text = xml_text(value)
        if _utf16_units(text) > MAX_CELL_TEXT:
            from xlsxwriter.utility import xl_rowcol_to_cell

            raise OutputError(
                [
                    problem(
                        "workbook-cell-too-long",
                        sheet=name,
                        cell=xl_rowcol_to_cell(row - 1, column - 1),
                        chars=_utf16_units(text),  # as Excel counts them
                        limit=MAX_CELL_TEXT,
                    )
                ]
            )
        page.write_string(row - 1, column - 1, text, cell_format)
    elif isinstance(value, bool):
        page.write_boolean(row - 1, column - 1, value, cell_format)
    else:
        page.write_number(row - 1, column - 1, _number(value), cell_format)


def page_header(text: str) -> str:
    """`text` centred at the top of every printed page, in the codes of a page header. `&`
    starts a code, so a literal one is written `&&`, or as the full-width ＆ where `&&` would be
    taken for the code of a picture (`&G`, `&[Picture]`). A header beyond Excel's 255 units is
    cut and its end marked with …: the sheet's own rows hold the text whole."""
    shown = xml_text(text)
    cut = shown[:MAX_PAGE_HEADER]  # each character is at least one unit
    while True:
        coded = _coded(cut if cut == shown else f"{cut}…")
        if _utf16_units(coded) <= MAX_PAGE_HEADER:
            return coded
        cut = cut[:-1]


def _coded(text: str) -> str:
    doubled = text.replace("&", "&&")
    if "&G" in doubled or "&[Picture]" in doubled:
        return "&C" + text.replace("&", "\uff06")
    return "&C" + doubled


def _utf16_units(text: str) -> int:
    return len(text) if text.isascii() else len(text.encode("utf-16-le")) // 2


def _number(value: int | float | Decimal | bool) -> int | float | bool:
    """A number as the spreadsheet stores it: a double, from the decimal's own digits."""
    if isinstance(value, Decimal):
        if len(value.as_tuple().digits) <= _DIGITS:
            return float(value)
        return float(format(value, f".{_DIGITS}g"))
    return value


class _Formats:
    """Each style of one workbook as an XlsxWriter format, made once; the plain style is the
    workbook's default (no format)."""

    def __init__(self, book: Any) -> None:
        self.book = book
        self.made: dict[Style, Any] = {}

    def of(self, style: Style) -> Any:
        if style == PLAIN:
            return None
        made = self.made.get(style)
        if made is None:
            made = self.made[style] = self.book.add_format(_properties(style))
        return made


#: A style's vertical alignment as XlsxWriter names it.
_VERTICAL = {"top": "top", "center": "vcenter", "bottom": "bottom"}


def _properties(style: Style) -> dict[str, Any]:
    properties: dict[str, Any] = {"bold": style.bold, "font_size": style.size}
    if style.colour:
        properties["font_color"] = f"#{style.colour}"
    if style.fill:
        properties["pattern"] = 1  # solid
        properties["bg_color"] = f"#{style.fill}"
    if style.border:
        properties["border"] = 1  # thin, all round
        properties["border_color"] = f"#{style.border}"
    if style.wrap:
        properties["text_wrap"] = True
    if style.horizontal:
        properties["align"] = style.horizontal
    if style.vertical:
        properties["valign"] = _VERTICAL[style.vertical]
    if style.number_format:
        properties["num_format"] = style.number_format
    return properties
