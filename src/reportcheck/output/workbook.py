"""An .xlsx workbook written as SpreadsheetML text: cells, styles, merged ranges, widths and
heights, frozen panes, a filter, and A4 landscape printing one page wide.

Only what reportcheck's sheets use, written directly: importing a spreadsheet library costs a
start more than the whole command (and openpyxl imports numpy wherever pandas is installed).
Text is always a shared string, so a cell from the data is never a formula whatever it begins
with; numbers are numbers; characters XML cannot carry are spelled out.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.output.ooxml import (
    BASE_TYPES,
    CORE_PROPERTIES,
    CORE_TYPE,
    DECLARATION,
    DOCUMENT_RELATIONSHIPS,
    content_types,
    core_properties,
    package,
    relationships,
    text,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

Value = str | int | float | Decimal | bool | None

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
_TYPES = {
    "/xl/workbook.xml": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
    ),
    "/xl/styles.xml": "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
    "/xl/sharedStrings.xml": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
    ),
    "/docProps/core.xml": CORE_TYPE,
}
_REL = DOCUMENT_RELATIONSHIPS + "/"
#: The number formats Excel knows by number; any other is declared from 164 on.
_BUILTIN_FORMATS = {"": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "@": 49}
_FIRST_CUSTOM_FORMAT = 164
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
        styles = _Styles()
        strings: dict[str, int] = {}
        sheets = [_sheet_xml(sheet, styles, strings) for sheet in self.sheets]
        parts = [
            ("[Content_Types].xml", self._content_types()),
            ("_rels/.rels", _ROOT_RELATIONSHIPS),
            ("docProps/core.xml", core_properties(self.title)),
            ("xl/workbook.xml", self._workbook_xml()),
            ("xl/_rels/workbook.xml.rels", self._workbook_relationships()),
            ("xl/styles.xml", styles.xml()),
            ("xl/sharedStrings.xml", _strings_xml(strings)),
        ]
        parts += [(f"xl/worksheets/sheet{i}.xml", xml) for i, xml in enumerate(sheets, start=1)]
        return package(parts)

    def _content_types(self) -> str:
        overrides = dict(_TYPES)
        for i in range(1, len(self.sheets) + 1):
            overrides[f"/xl/worksheets/sheet{i}.xml"] = _SHEET_TYPE
        return content_types(BASE_TYPES, overrides)

    def _workbook_xml(self) -> str:
        sheets = "".join(
            f'<sheet name="{text(sheet.name)}" sheetId="{i}" r:id="rId{i}"/>'
            for i, sheet in enumerate(self.sheets, start=1)
        )
        names = []
        for index, sheet in enumerate(self.sheets):
            quoted = "'" + sheet.name.replace("'", "''") + "'"
            if sheet.filter is not None:
                first_row, first, last_row, last = sheet.filter
                where = f"{quoted}!${letter(first)}${first_row}:${letter(last)}${last_row}"
                names.append(
                    f'<definedName name="_xlnm._FilterDatabase" localSheetId="{index}" '
                    f'hidden="1">{text(where)}</definedName>'
                )
            if sheet.title_rows is not None:
                top, bottom = sheet.title_rows
                names.append(
                    f'<definedName name="_xlnm.Print_Titles" localSheetId="{index}">'
                    f"{text(f'{quoted}!${top}:${bottom}')}</definedName>"
                )
        defined = f"<definedNames>{''.join(names)}</definedNames>" if names else ""
        return (
            f'{DECLARATION}<workbook xmlns="{MAIN}" xmlns:r="{DOCUMENT_RELATIONSHIPS}">'
            "<workbookPr/><bookViews><workbookView/></bookViews>"
            f'<sheets>{sheets}</sheets>{defined}<calcPr calcId="124519"/></workbook>'
        )

    def _workbook_relationships(self) -> str:
        count = len(self.sheets)
        items = [
            (f"rId{i}", _REL + "worksheet", f"worksheets/sheet{i}.xml") for i in range(1, count + 1)
        ]
        items.append((f"rId{count + 1}", _REL + "styles", "styles.xml"))
        items.append((f"rId{count + 2}", _REL + "sharedStrings", "sharedStrings.xml"))
        return relationships(items)


_ROOT_RELATIONSHIPS = relationships(
    [
        ("rId1", _REL + "officeDocument", "xl/workbook.xml"),
        ("rId2", CORE_PROPERTIES, "docProps/core.xml"),
    ]
)


def letter(column: int) -> str:
    """The column's letters: 1 → A, 27 → AA."""
    name = ""
    while column:
        column, rest = divmod(column - 1, 26)
        name = chr(65 + rest) + name
    return name


def _number(value: int | float | Decimal) -> str:
    if isinstance(value, Decimal):
        if len(value.as_tuple().digits) <= _DIGITS:
            return format(value, "f")
        return format(value, f".{_DIGITS}g")
    return repr(value)


def _sheet_xml(sheet: Sheet, styles: _Styles, strings: dict[str, int]) -> str:
    out: list[str] = []
    letters = [letter(c) for c in range(1, max((len(r) for r in sheet.rows), default=0) + 2)]
    for number, cells in enumerate(sheet.rows, start=1):
        height = sheet.heights.get(number)
        attributes = f' ht="{height}" customHeight="1"' if height is not None else ""
        out.append(f'<row r="{number}"{attributes}>')
        for column, (value, style) in enumerate(cells):
            where = f"{letters[column]}{number}"
            index = styles.index(style)
            shown = f' s="{index}"' if index else ""
            if value is None or value == "":
                if index:
                    out.append(f'<c r="{where}"{shown}/>')
            elif isinstance(value, str):
                at = strings.setdefault(value, len(strings))
                out.append(f'<c r="{where}"{shown} t="s"><v>{at}</v></c>')
            elif isinstance(value, bool):
                out.append(f'<c r="{where}"{shown} t="b"><v>{int(value)}</v></c>')
            else:
                out.append(f'<c r="{where}"{shown}><v>{_number(value)}</v></c>')
        out.append("</row>")
    width = max((len(r) for r in sheet.rows), default=1) or 1
    head = [f'<worksheet xmlns="{MAIN}" xmlns:r="{DOCUMENT_RELATIONSHIPS}">']
    if sheet.landscape:
        head.append('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>')
    head.append(f'<dimension ref="A1:{letter(width)}{max(1, len(sheet.rows))}"/>')
    head.append(f"<sheetViews>{_view(sheet.freeze)}</sheetViews>")
    head.append('<sheetFormatPr defaultRowHeight="15"/>')
    if sheet.widths:
        columns = "".join(
            f'<col min="{c}" max="{c}" width="{w:.2f}" customWidth="1"/>'
            for c, w in sorted(sheet.widths.items())
        )
        head.append(f"<cols>{columns}</cols>")
    tail = []
    if sheet.filter is not None:
        first_row, first, last_row, last = sheet.filter
        tail.append(f'<autoFilter ref="{letter(first)}{first_row}:{letter(last)}{last_row}"/>')
    if sheet.merged:
        refs = "".join(
            f'<mergeCell ref="{letter(c1)}{r1}:{letter(c2)}{r2}"/>'
            for r1, c1, r2, c2 in sheet.merged
        )
        tail.append(f'<mergeCells count="{len(sheet.merged)}">{refs}</mergeCells>')
    tail.append(
        '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/>'
    )
    if sheet.landscape:
        tail.append(
            '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
        )
    return (
        DECLARATION
        + "".join(head)
        + "<sheetData>"
        + "".join(out)
        + "</sheetData>"
        + "".join(tail)
        + "</worksheet>"
    )


def _view(freeze: str | None) -> str:
    if freeze is None or freeze == "A1":
        return '<sheetView workbookViewId="0"/>'
    column = 0
    digits = freeze.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
    for char in freeze[: len(freeze) - len(digits)]:
        column = column * 26 + ord(char) - 64
    x, y = column - 1, int(digits) - 1
    split = (f' xSplit="{x}"' if x else "") + (f' ySplit="{y}"' if y else "")
    pane = "bottomRight" if x and y else ("bottomLeft" if y else "topRight")
    return (
        f'<sheetView workbookViewId="0"><pane{split} topLeftCell="{freeze}" '
        f'activePane="{pane}" state="frozen"/><selection pane="{pane}" activeCell="{freeze}" '
        f'sqref="{freeze}"/></sheetView>'
    )


def _strings_xml(strings: dict[str, int]) -> str:
    body = "".join(f'<si><t xml:space="preserve">{text(s)}</t></si>' for s in strings)
    count = len(strings)
    return f'{DECLARATION}<sst xmlns="{MAIN}" count="{count}" uniqueCount="{count}">{body}</sst>'


class _Styles:
    """The styles the cells use, each written once: fonts, fills, borders, formats, and the
    combinations (cell formats) the cells point at by number."""

    def __init__(self) -> None:
        self.styles: dict[Style, int] = {PLAIN: 0}
        self.fonts: dict[tuple[bool, float, str], int] = {(False, 11, ""): 0}
        self.fills: dict[str, int] = {"": 0, "gray125": 1}
        self.borders: dict[str, int] = {"": 0}
        self.formats: dict[str, int] = {}

    def index(self, style: Style) -> int:
        found = self.styles.get(style)
        if found is None:
            found = self.styles[style] = len(self.styles)
        return found

    def xml(self) -> str:
        xfs = [self._xf(style) for style in self.styles]
        fonts = "".join(_font(*key) for key in self.fonts)
        fills = "".join(_fill(key) for key in self.fills)
        borders = "".join(_border(key) for key in self.borders)
        formats = "".join(
            f'<numFmt numFmtId="{n}" formatCode="{text(code)}"/>'
            for code, n in self.formats.items()
        )
        number_formats = (
            f'<numFmts count="{len(self.formats)}">{formats}</numFmts>' if self.formats else ""
        )
        return (
            f'{DECLARATION}<styleSheet xmlns="{MAIN}">{number_formats}'
            f'<fonts count="{len(self.fonts)}">{fonts}</fonts>'
            f'<fills count="{len(self.fills)}">{fills}</fills>'
            f'<borders count="{len(self.borders)}">{borders}</borders>'
            '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'
            f'</cellStyleXfs><cellXfs count="{len(xfs)}">{"".join(xfs)}</cellXfs>'
            '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
            "</styleSheet>"
        )

    def _xf(self, style: Style) -> str:
        font = self.fonts.setdefault((style.bold, style.size, style.colour), len(self.fonts))
        fill = self.fills.setdefault(style.fill, len(self.fills))
        border = self.borders.setdefault(style.border, len(self.borders))
        number = _BUILTIN_FORMATS.get(style.number_format)
        if number is None:
            number = self.formats.setdefault(
                style.number_format, _FIRST_CUSTOM_FORMAT + len(self.formats)
            )
        align = ""
        if style.wrap or style.horizontal or style.vertical:
            align = (
                "<alignment"
                + (f' horizontal="{style.horizontal}"' if style.horizontal else "")
                + (f' vertical="{style.vertical}"' if style.vertical else "")
                + (' wrapText="1"' if style.wrap else "")
                + "/>"
            )
        applied = (
            (' applyNumberFormat="1"' if number else "")
            + (' applyFont="1"' if font else "")
            + (' applyFill="1"' if fill else "")
            + (' applyBorder="1"' if border else "")
            + (' applyAlignment="1"' if align else "")
        )
        return (
            f'<xf numFmtId="{number}" fontId="{font}" fillId="{fill}" borderId="{border}" '
            f'xfId="0"{applied}>{align}</xf>'
            if align
            else f'<xf numFmtId="{number}" fontId="{font}" fillId="{fill}" '
            f'borderId="{border}" xfId="0"{applied}/>'
        )


def _font(bold: bool, size: float, colour: str) -> str:
    return (
        "<font>"
        + ("<b/>" if bold else "")
        + f'<sz val="{size:g}"/>'
        + (f'<color rgb="00{colour}"/>' if colour else "")
        + '<name val="Calibri"/><family val="2"/></font>'
    )


def _fill(colour: str) -> str:
    if not colour:
        return '<fill><patternFill patternType="none"/></fill>'
    if colour == "gray125":
        return '<fill><patternFill patternType="gray125"/></fill>'
    return (
        f'<fill><patternFill patternType="solid"><fgColor rgb="00{colour}"/>'
        '<bgColor indexed="64"/></patternFill></fill>'
    )


def _border(colour: str) -> str:
    if not colour:
        return "<border><left/><right/><top/><bottom/><diagonal/></border>"
    side = f'style="thin"><color rgb="00{colour}"/>'
    return (
        f"<border><left {side}</left><right {side}</right><top {side}</top>"
        f"<bottom {side}</bottom><diagonal/></border>"
    )
