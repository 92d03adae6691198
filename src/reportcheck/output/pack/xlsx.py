"""The pack as an Excel workbook an office can send as is.

Sheets: a summary (count paragraph, counts by status, light and section, the notes), the
attachment table (frozen header, autofilter, widths for Chinese text, number formats by unit,
the light as a cell colour and a word) and, at year end, the 对照表. Text is always written as
text: a cell from the data never becomes a formula.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

from reportcheck.model.files import workbook_bytes, write_file
from reportcheck.output.csvcells import safe_cell
from reportcheck.output.pack.office import OfficeTable, attachments
from reportcheck.output.pack.paragraphs import (
    account_note,
    count_paragraph,
    notes,
    share,
    unexplained_line,
    visible,
)
from reportcheck.output.pack.tabular import account_table, attachment_table
from reportcheck.output.words import (
    head,
    light_label,
    period_words,
    say,
    status_label,
    verdict_label,
)
from reportcheck.review.status import Light, Status

if TYPE_CHECKING:
    from pathlib import Path

    from openpyxl.worksheet.worksheet import Worksheet

    from reportcheck.output.pack.tabular import Cell, Table
    from reportcheck.review.pack import Pack

#: Fill and font colours of the lights (Excel's own good / neutral / bad styles).
COLOURS = {
    Light.GREEN: ("C6EFCE", "006100"),
    Light.YELLOW: ("FFEB9C", "9C5700"),
    Light.ORANGE: ("F8CBAD", "833C0B"),
    Light.RED: ("FFC7CE", "9C0006"),
    Light.GREY: ("EDEDED", "595959"),
}
#: Decimal places a unit shows at least; a figure with more places shows all of them.
UNIT_PLACES = {"%": 1, "倍": 2, "个百分点": 1}
MAX_WIDTH = {"wide": 48, "text": 24, "unit": 14, "percent": 12, "count": 6}
_HEADER_FILL = "DDEBF7"
_SECTION_FILL = "F2F2F2"
SUMMARY_WIDTHS = (30, 12)
#: The most characters an Excel cell holds, and how many a longer text keeps before a marker.
CELL_LIMIT, CELL_KEPT = 32767, 32000


#: Excel's width unit is the width of a digit of the default font: about 5.4 to the centimetre.
UNITS_PER_CM = 5.4
#: 附件 text size: at 10 pt on a page it is printed at full size (the columns fit the page).
ANNEX_PT = 10


def write_xlsx(pack: Pack, path: Path, lang: str) -> None:
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = say("summary", lang)
    _summary(summary, pack, lang)
    for number, annex in enumerate(attachments(pack, lang), start=1):
        sheet = book.create_sheet(_sheet_name(say("annex_sheet", lang, number=number)))
        _annex(sheet, annex, pack, lang)
    data = book.create_sheet(_sheet_name(say("data_sheet", lang)))
    _table(data, attachment_table(pack, lang), lang, light_column=13)
    if pack.year_end:
        account = book.create_sheet(_sheet_name(say("sheet_account", lang)))
        _table(account, account_table(pack, lang), lang, light_column=None)
    write_file(path, workbook_bytes(book))


def _summary(sheet: Worksheet, pack: Pack, lang: str) -> None:
    from openpyxl.styles import Font

    meta = pack.registry.meta
    title = say("title", lang, title=meta.title_en if lang == "en" else meta.title_zh)
    sheet.append([_text(title)])
    sheet["A1"].font = Font(bold=True, size=14)
    sheet.append([_text(say("as_of", lang, period=period_words(pack.period, lang)))])
    _paragraph(sheet, count_paragraph(pack, lang))
    unexplained = unexplained_line(pack, lang)
    if unexplained:
        _paragraph(sheet, unexplained)
    sheet.append([])
    _block(sheet, [head("status", lang), head("count", lang)])
    for status, count in pack.counts().items():
        sheet.append([_text(status_label(status, lang)), count])
    sheet.append([])
    _block(sheet, [head("light", lang), head("count", lang)])
    for light, count in pack.light_counts().items():
        sheet.append([_text(light_label(light, lang)), count])
        _colour(sheet.cell(sheet.max_row, 1), light)
    sheet.append([])
    statuses = list(Status)
    _block(sheet, [head("sections", lang)] + [status_label(s, lang) for s in statuses])
    for group in pack.sections:
        counts = dict.fromkeys(statuses, 0)
        for row in group.rows:
            counts[row.status] += 1
        sheet.append([_text(group.section.title(lang))] + [counts[s] for s in statuses])
    if pack.year_end:
        sheet.append([])
        _block(sheet, [head("verdict", lang), head("count", lang), head("share", lang)])
        total = len(pack.rows)
        for verdict, count in pack.verdict_counts().items():
            sheet.append([_text(verdict_label(verdict, lang)), count, share(count, total)])
        if note := account_note(pack, lang):
            _paragraph(sheet, say("account", lang) + note)
    sheet.append([])
    _block(sheet, [say("notes", lang)])
    for note in notes(pack, lang):
        _paragraph(sheet, note)
    sheet.column_dimensions["A"].width = SUMMARY_WIDTHS[0]
    for letter in "BCDEFG":
        sheet.column_dimensions[letter].width = SUMMARY_WIDTHS[1]
    _print_setup(sheet)


def _annex(sheet: Worksheet, annex: OfficeTable, pack: Pack, lang: str) -> None:
    """One 附件 as an office prints it: a title and 截至 row, the office's columns with borders,
    a row per section, the status cell coloured by its light; A4 landscape, the header rows
    repeated on every page, the columns as wide as the page so the text prints at full size."""
    from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
    from openpyxl.utils import get_column_letter

    width = len(annex.header)
    last = get_column_letter(width)
    thin = Side(style="thin", color="808080")
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    sheet.append([_text(annex.title)])
    sheet.merge_cells(f"A1:{last}1")
    sheet["A1"].font = Font(bold=True, size=ANNEX_PT + 4)
    sheet["A1"].alignment = Alignment(horizontal="center")
    sheet.append([_text(say("as_of", lang, period=period_words(pack.period, lang)))])
    sheet.merge_cells(f"A2:{last}2")
    sheet["A2"].alignment = Alignment(horizontal="center")
    sheet.append([_text(h) for h in annex.header])
    for cell in sheet[3]:
        cell.font = Font(bold=True, size=ANNEX_PT)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, horizontal="center", vertical="center")
        cell.border = border
    status = [c.key for c in annex.columns].index("status")
    for group in annex.groups:
        sheet.append([_text(group.title)])
        row = sheet.max_row
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        for column in range(1, width + 1):
            cell = sheet.cell(row, column)
            cell.border = border
            cell.fill = PatternFill("solid", fgColor=_SECTION_FILL)
            cell.font = Font(bold=True, size=ANNEX_PT)
        for office_row in group.rows:
            sheet.append([None] * width)
            row = sheet.max_row
            sheet.row_dimensions[row].height = _height(office_row.cells, annex.widths)
            for column, (value, spec) in enumerate(
                zip(office_row.cells, annex.columns, strict=True), start=1
            ):
                cell = sheet.cell(row, column)
                if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
                    cell.value = value
                    cell.number_format = _number_format(value, office_row.unit, spec.kind)
                else:
                    cell.value = _text(value)
                    cell.data_type = "s"
                cell.font = Font(size=ANNEX_PT)
                cell.border = border
                cell.alignment = Alignment(wrap_text=True, vertical="top")
            if office_row.light is not Light.GREY:
                _colour(sheet.cell(row, status + 1), office_row.light)
    for column, centimetres in enumerate(annex.widths, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = centimetres * UNITS_PER_CM
    sheet.print_title_rows = "1:3"
    _print_setup(sheet)


def _height(cells: tuple[Cell, ...], widths: tuple[float, ...]) -> float:
    """A row tall enough for its longest wrapped cell: lines of ANNEX_PT text, 1.35 apart."""
    lines = 1
    for value, centimetres in zip(cells, widths, strict=True):
        room = max(1, int(centimetres * UNITS_PER_CM) - 1)
        text = "" if value is None else str(value)
        lines = max(lines, -(-_width(text) // room))
    return round(lines * ANNEX_PT * 1.35 + 3, 1)


def _paragraph(sheet: Worksheet, text: str) -> None:
    """A long text over the summary's columns, wrapped, its row tall enough to show it all."""
    from openpyxl.styles import Alignment

    sheet.append([_text(text)])
    row = sheet.max_row
    sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=7)
    sheet.cell(row, 1).alignment = Alignment(wrap_text=True, vertical="top")
    across = SUMMARY_WIDTHS[0] + 6 * SUMMARY_WIDTHS[1]
    lines = -(-_width(text) // across)
    sheet.row_dimensions[row].height = max(1, lines) * 16 + 4


def _block(sheet: Worksheet, header: list[str]) -> None:
    from openpyxl.styles import Font, PatternFill

    sheet.append([_text(h) for h in header])
    for cell in sheet[sheet.max_row]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)


def _table(sheet: Worksheet, table: Table, lang: str, light_column: int | None) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    sheet.append([_text(h) for h in table.header])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
        cell.fill = PatternFill("solid", fgColor=_HEADER_FILL)
        cell.alignment = Alignment(wrap_text=True, vertical="center")
    lights = {light_label(light, lang): light for light in Light}
    widths = [_width(h) for h in table.header]
    for number, (cells, unit) in enumerate(zip(table.rows, table.units, strict=True), start=2):
        for column, (value, kind) in enumerate(zip(cells, table.kinds, strict=True), start=1):
            cell = sheet.cell(number, column)
            if isinstance(value, (Decimal, int)):
                cell.value = value
                cell.number_format = _number_format(value, unit, kind)
                cell.alignment = Alignment(vertical="top")
                shown = len(str(value))
            else:
                text = _text(value)
                cell.value = text
                cell.data_type = "s"
                cell.alignment = Alignment(wrap_text=kind == "wide", vertical="top")
                shown = _width(text)
            widths[column - 1] = max(widths[column - 1], shown)
        if light_column is not None:
            word = cells[light_column]
            if isinstance(word, str) and word in lights:
                _colour(sheet.cell(number, light_column + 1), lights[word])
    for column, (width, kind) in enumerate(zip(widths, table.kinds, strict=True), start=1):
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, MAX_WIDTH[kind])
    sheet.freeze_panes = "E2"
    last = get_column_letter(len(table.header))
    sheet.auto_filter.ref = f"A1:{last}{len(table.rows) + 1}"
    sheet.print_title_rows = "1:1"
    _print_setup(sheet)


def _print_setup(sheet: Worksheet) -> None:
    """A4 landscape, as wide as one page."""
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    from openpyxl.worksheet.properties import PageSetupProperties

    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _colour(cell: object, light: Light) -> None:
    from openpyxl.cell.cell import Cell as ExcelCell
    from openpyxl.styles import Font, PatternFill

    assert isinstance(cell, ExcelCell)
    fill, font = COLOURS[light]
    cell.fill = PatternFill("solid", fgColor=fill)
    cell.font = Font(color=font, bold=True, size=cell.font.size)


def _number_format(value: Decimal | int, unit: str, kind: str) -> str:
    """Thousands separators, and at least the places the unit shows, never fewer than given."""
    if kind == "count":
        return "0"
    if kind == "percent":  # 完成率 and 序时进度: the cell keeps four places, one is shown
        return "0.0"
    own = max(0, -int(value.normalize().as_tuple().exponent)) if isinstance(value, Decimal) else 0
    places = max(own, 1 if kind == "percent" else UNIT_PLACES.get(unit, 0))
    return "#,##0" + ("." + "0" * places if places else "")


def _text(value: Cell) -> str:
    """Text as a spreadsheet shows it: control characters spelled out, never a formula."""
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    text = visible("" if value is None else str(value))
    text = ILLEGAL_CHARACTERS_RE.sub(lambda m: f"\\x{ord(m.group()):02x}", text)
    text = safe_cell(text)
    if len(text) > CELL_LIMIT:  # Excel refuses longer cells; say how much is not shown
        rest = len(text) - CELL_KEPT
        text = text[:CELL_KEPT] + f"…[{rest} more characters in the .csv or .md pack]"
    return text


def _width(text: str) -> int:
    """Display width: CJK characters count twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _sheet_name(name: str) -> str:
    for char in "[]:*?/\\":
        name = name.replace(char, " ")
    return name[:31]
