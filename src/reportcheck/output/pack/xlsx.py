"""The pack as an Excel workbook an office can send as is.

Sheets: a summary (count paragraph, counts by status, light and section, the notes), the
attachment table (frozen header, autofilter, widths for Chinese text, number formats by unit,
the light as a cell colour and a word) and, at year end, the 对照表. Text is always written as
a string cell, as it is: a cell from the data never becomes a formula.
"""

from __future__ import annotations

import unicodedata
from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.files import write_file
from reportcheck.output.pack.office import OfficeTable, attachments, leader_counts
from reportcheck.output.pack.paragraphs import (
    account_note,
    count_paragraph,
    filter_words,
    notes,
    pack_title,
    share,
    unexplained_line,
    visible,
    warning_lines,
)
from reportcheck.output.pack.tabular import UNIT_PLACES, account_table, attachment_table
from reportcheck.output.words import (
    head,
    light_label,
    period_words,
    say,
    status_label,
    verdict_label,
)
from reportcheck.output.workbook import PLAIN, Sheet, Style, Workbook
from reportcheck.review.status import Light, Status

if TYPE_CHECKING:
    from pathlib import Path

    from reportcheck.output.pack.tabular import Cell, Table
    from reportcheck.output.workbook import Value
    from reportcheck.review.pack import Pack

#: Fill and font colours of the lights (Excel's own good / neutral / bad styles).
COLOURS = {
    Light.GREEN: ("C6EFCE", "006100"),
    Light.YELLOW: ("FFEB9C", "9C5700"),
    Light.ORANGE: ("F8CBAD", "833C0B"),
    Light.RED: ("FFC7CE", "9C0006"),
    Light.GREY: ("EDEDED", "595959"),
}
MAX_WIDTH = {"wide": 48, "text": 24, "unit": 14, "level": 14, "percent": 12, "count": 6}
_HEADER_FILL = "DDEBF7"
_SECTION_FILL = "F2F2F2"
_BORDER = "808080"
SUMMARY_WIDTHS = (30, 12)
#: The most characters an Excel cell holds, and how many a longer text keeps before a marker.
CELL_LIMIT, CELL_KEPT = 32767, 32000


#: Excel's width unit is the width of a digit of the default font: about 5.4 to the centimetre.
UNITS_PER_CM = 5.4
#: 附件 text size: at 10 pt on a page it is printed at full size (the columns fit the page).
ANNEX_PT = 10


def write_xlsx(pack: Pack, path: Path, lang: str) -> None:
    book = Workbook()
    book.title = pack_title(pack, lang)
    _summary(book.add(say("summary", lang)), pack, lang)
    for number, annex in enumerate(attachments(pack, lang), start=1):
        sheet = book.add(say("annex_sheet", lang, number=number))
        _annex(sheet, annex, pack, lang)
    data = book.add(say("data_sheet", lang))
    attachment = attachment_table(pack, lang)
    _table(data, attachment, lang, light_column=attachment.column("light"))
    if pack.year_end:
        account = book.add(say("sheet_account", lang))
        _table(account, account_table(pack, lang), lang, light_column=None)
    if pack.filters:  # on every printed page, too
        for sheet in book.sheets:
            sheet.header = filter_words(pack, lang).strip()
    write_file(path, book.to_bytes())


_HEADER = Style(bold=True, fill=_HEADER_FILL)


def _summary(sheet: Sheet, pack: Pack, lang: str) -> None:
    sheet.append([_text(pack_title(pack, lang))], Style(bold=True, size=14))
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
        number = sheet.append([_text(light_label(light, lang)), count])
        sheet.restyle(number, 1, _light_style(light))
    sheet.append([])
    statuses = list(Status)
    _block(sheet, [head("sections", lang)] + [status_label(s, lang) for s in statuses])
    for group in pack.sections:
        counts = dict.fromkeys(statuses, 0)
        for row in group.rows:
            counts[row.status] += 1
        sheet.append([_text(group.section.title(lang))] + [counts[s] for s in statuses])
    by_leader = leader_counts(pack, lang)
    if by_leader is not None:
        sheet.append([])
        sheet.append([_text(say("by_leader", lang))], Style(bold=True))
        _block(sheet, list(by_leader.header))
        for counted in by_leader.rows:
            sheet.append([_text(c) if isinstance(c, str) else c for c in counted])
    if pack.year_end:
        sheet.append([])
        _block(sheet, [head("verdict", lang), head("count", lang), head("share", lang)])
        total = len(pack.rows)
        for verdict, count in pack.verdict_counts().items():
            sheet.append([_text(verdict_label(verdict, lang)), count, share(count, total)])
        if note := account_note(pack, lang):
            _paragraph(sheet, say("account", lang) + note)
    warned = warning_lines(pack, lang)
    if warned:
        sheet.append([])
        _block(sheet, [say("data_warnings", lang)])
        for line in warned:
            _paragraph(sheet, line)
    sheet.append([])
    _block(sheet, [say("notes", lang)])
    for note in notes(pack, lang):
        _paragraph(sheet, note)
    sheet.widths[1] = SUMMARY_WIDTHS[0]
    for column in range(2, 8):
        sheet.widths[column] = SUMMARY_WIDTHS[1]
    sheet.landscape = True


def _annex(sheet: Sheet, annex: OfficeTable, pack: Pack, lang: str) -> None:
    """One 附件 as an office prints it: a title and 截至 row, the office's columns with borders,
    a row per section, the status cell coloured by its light; A4 landscape, the header rows
    repeated on every page, the columns as wide as the page so the text prints at full size."""
    width = len(annex.header)
    sheet.append([_text(annex.title)], Style(bold=True, size=ANNEX_PT + 4, horizontal="center"))
    sheet.merge(1, 1, width)
    sheet.append(
        [_text(say("as_of", lang, period=period_words(pack.period, lang)))],
        Style(horizontal="center"),
    )
    sheet.merge(2, 1, width)
    sheet.append(
        [_text(h) for h in annex.header],
        Style(
            bold=True,
            size=ANNEX_PT,
            fill=_HEADER_FILL,
            border=_BORDER,
            wrap=True,
            horizontal="center",
            vertical="center",
        ),
    )
    section = Style(bold=True, size=ANNEX_PT, fill=_SECTION_FILL, border=_BORDER)
    plain = Style(size=ANNEX_PT, border=_BORDER, wrap=True, vertical="top")
    status = [c.key for c in annex.columns].index("status")
    for group in annex.groups:
        row = sheet.append([_text(group.title)] + [None] * (width - 1), section)
        sheet.merge(row, 1, width)
        for office_row in group.rows:
            cells: list[tuple[Value, Style]] = []
            for value, spec in zip(office_row.cells, annex.columns, strict=True):
                if isinstance(value, (Decimal, int)) and not isinstance(value, bool):
                    shown = _number_format(value, office_row.unit, spec.kind)
                    cells.append((value, _with_format(plain, shown)))
                else:
                    cells.append((_text(value), plain))
            if office_row.light is not Light.GREY:
                _lit(cells, status, office_row.light)
            sheet.rows.append(cells)
            sheet.heights[sheet.max_row] = _height(office_row.cells, annex.widths)
    for column, centimetres in enumerate(annex.widths, start=1):
        sheet.widths[column] = centimetres * UNITS_PER_CM
    sheet.title_rows = (1, 3)
    sheet.landscape = True


def _height(cells: tuple[Cell, ...], widths: tuple[float, ...]) -> float:
    """A row tall enough for its longest wrapped cell: lines of ANNEX_PT text, 1.35 apart."""
    lines = 1
    for value, centimetres in zip(cells, widths, strict=True):
        room = max(1, int(centimetres * UNITS_PER_CM) - 1)
        text = "" if value is None else str(value)
        lines = max(lines, -(-_width(text) // room))
    return round(lines * ANNEX_PT * 1.35 + 3, 1)


def _paragraph(sheet: Sheet, text: str) -> None:
    """A long text over the summary's columns, wrapped, its row tall enough to show it all."""
    row = sheet.append([_text(text)], Style(wrap=True, vertical="top"))
    sheet.merge(row, 1, 7)
    across = SUMMARY_WIDTHS[0] + 6 * SUMMARY_WIDTHS[1]
    lines = -(-_width(text) // across)
    sheet.heights[row] = max(1, lines) * 16 + 4


def _block(sheet: Sheet, header: list[str]) -> None:
    sheet.append([_text(h) for h in header], _HEADER)


def _table(sheet: Sheet, table: Table, lang: str, light_column: int | None) -> None:
    sheet.append(
        [_text(h) for h in table.header],
        Style(bold=True, fill=_HEADER_FILL, wrap=True, vertical="center"),
    )
    lights = {light_label(light, lang): light for light in Light}
    widths = [_width(h) for h in table.header]
    wide = Style(wrap=True, vertical="top")
    narrow = Style(vertical="top")
    for cells, unit in zip(table.rows, table.units, strict=True):
        row: list[tuple[Value, Style]] = []
        for column, (value, kind) in enumerate(zip(cells, table.kinds, strict=True)):
            if isinstance(value, (Decimal, int)):
                row.append((value, _with_format(narrow, _number_format(value, unit, kind))))
                shown = len(str(value))
            else:
                text = _text(value)
                row.append((text, wide if kind == "wide" else narrow))
                shown = _width(text)
            widths[column] = max(widths[column], shown)
        if light_column is not None:
            word = cells[light_column]
            if isinstance(word, str) and word in lights:
                _lit(row, light_column, lights[word])
        sheet.rows.append(row)
    for column, (width, kind) in enumerate(zip(widths, table.kinds, strict=True), start=1):
        sheet.widths[column] = min(width + 2, MAX_WIDTH[kind])
    sheet.freeze = "E2"
    sheet.filter = (1, 1, len(table.rows) + 1, len(table.header))
    sheet.title_rows = (1, 1)
    sheet.landscape = True


def _lit(cells: list[tuple[Value, Style]], index: int, light: Light) -> None:
    """The cell at `index` coloured by its light."""
    value, style = cells[index]
    cells[index] = (value, _light_style(light, style))


def _light_style(light: Light, style: Style = PLAIN) -> Style:
    """The style with the light's fill and bold font colour (Excel's good / neutral / bad)."""
    fill, font = COLOURS[light]
    return msgspec.structs.replace(style, fill=fill, colour=font, bold=True)


def _with_format(style: Style, number_format: str) -> Style:
    return msgspec.structs.replace(style, number_format=number_format)


def _number_format(value: Decimal | int, unit: str, kind: str) -> str:
    """Thousands separators, and at least the places the unit shows, never fewer than given."""
    if kind == "count":
        return "0"
    if kind == "percent":  # 完成率 and 序时进度: the cell keeps four places, one is shown
        return "0.0"
    own = max(0, -int(value.normalize().as_tuple().exponent)) if isinstance(value, Decimal) else 0
    places = own if kind == "level" else max(own, UNIT_PLACES.get(unit, 0))
    return "#,##0" + ("." + "0" * places if places else "")


def _text(value: Cell) -> str:
    """Text as a spreadsheet shows it, control characters spelled out. It needs no guard: a
    text cell of a workbook is a string cell (`reportcheck.output.workbook`), never a formula,
    so -3.9 or =… from the data are shown as they are."""
    text = visible("" if value is None else str(value))
    if len(text) > CELL_LIMIT:  # Excel refuses longer cells; say how much is not shown
        rest = len(text) - CELL_KEPT
        text = text[:CELL_KEPT] + f"…[{rest} more characters in the .csv or .md pack]"
    return text


def _width(text: str) -> int:
    """Display width: CJK characters count twice."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
