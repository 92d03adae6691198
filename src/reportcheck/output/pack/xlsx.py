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
from reportcheck.output.pack.tabular import account_table, attachment_table
from reportcheck.output.pack.words import (
    head,
    light_word,
    notes,
    period_words,
    say,
    share,
    status_word,
    unexplained_line,
    verdict_word,
    visible,
)
from reportcheck.review.pack import Light
from reportcheck.review.status import Status

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
SUMMARY_WIDTHS = (30, 12)
#: The most characters an Excel cell holds, and how many a longer text keeps before a marker.
CELL_LIMIT, CELL_KEPT = 32767, 32000


def write_xlsx(pack: Pack, path: Path, lang: str) -> None:
    from openpyxl import Workbook

    book = Workbook()
    summary = book.active
    assert summary is not None
    summary.title = say("summary", lang)
    _summary(summary, pack, lang)
    attachment = book.create_sheet(_sheet_name(say("sheet_attachment", lang)))
    _table(attachment, attachment_table(pack, lang), lang, light_column=13)
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
    _paragraph(sheet, pack.summary(lang))
    unexplained = unexplained_line(pack, lang)
    if unexplained:
        _paragraph(sheet, unexplained)
    sheet.append([])
    _block(sheet, [head("status", lang), head("count", lang)])
    for status, count in pack.counts().items():
        sheet.append([_text(status_word(status, lang)), count])
    sheet.append([])
    _block(sheet, [head("light", lang), head("count", lang)])
    for light, count in pack.light_counts().items():
        sheet.append([_text(light_word(light, lang)), count])
        _colour(sheet.cell(sheet.max_row, 1), light)
    sheet.append([])
    statuses = list(Status)
    _block(sheet, [head("sections", lang)] + [status_word(s, lang) for s in statuses])
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
            sheet.append([_text(verdict_word(verdict, lang)), count, share(count, total)])
        if pack.account_early:
            period = period_words(pack.figures_period, lang)
            _paragraph(sheet, say("account", lang) + say("account_early", lang, period=period))
    sheet.append([])
    _block(sheet, [say("notes", lang)])
    for note in notes(pack, lang):
        _paragraph(sheet, note)
    sheet.column_dimensions["A"].width = SUMMARY_WIDTHS[0]
    for letter in "BCDEFG":
        sheet.column_dimensions[letter].width = SUMMARY_WIDTHS[1]
    _print_setup(sheet)


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
    lights = {light_word(light, lang): light for light in Light}
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
    cell.font = Font(color=font, bold=True)


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
