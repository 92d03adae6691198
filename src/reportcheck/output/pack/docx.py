"""The 通报 as a Word document an office finishes and sends: A4 landscape, 附件 as tables.

The text: a title, 截至, 一、总体情况 (the count paragraph), 二、主要经济指标 (each headline
indicator with its figure, 总量 and 全省排位 where given), 三、滞后事项 (each lagging commitment
with its reason, and the units that gave none), 说明 (the rules applied); then 附件1 主要经济
指标, 附件2 量化指标, 附件3 重点项目 (and at the year's end the 对照表) as bordered tables whose
header row repeats on every page, at 9 pt or more. Everything from the data is written as text:
python-docx escapes it, and control characters are spelled out first.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from reportcheck.model.files import write_file
from reportcheck.model.numbers import format_decimal
from reportcheck.output.pack.office import OfficeTable, attachments, number_text
from reportcheck.output.pack.paragraphs import (
    account_note,
    count_paragraph,
    notes,
    visible,
)
from reportcheck.output.pack.tabular import account_table
from reportcheck.output.words import period_words, say, status_words

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from docx.document import Document
    from docx.shared import Length
    from docx.table import Table

    from reportcheck.review.pack import Pack, Row

#: Body text 五号 (10.5 pt), tables 9 pt, the title 二号 (22 pt) as Chinese documents set them.
BODY_PT, TABLE_PT, TITLE_PT = 10.5, 9, 22
FONT_ZH, FONT_EN = "宋体", "Times New Roman"
HEADER_FILL = "D9E2F3"
SECTION_FILL = "F2F2F2"


def write_docx(pack: Pack, path: Path, lang: str) -> None:
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm

    document = docx.Document()
    _fonts(document)
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2))
    meta = pack.registry.meta
    title = meta.title_en if lang == "en" else meta.title_zh
    _title(document, _fullwidth(say("notice_title", lang, title=visible(title)), lang))
    _centred(document, say("as_of", lang, period=period_words(pack.period, lang)))
    zh = lang != "en"
    _heading(document, "一、总体情况" if zh else "1. Overview")
    _paragraph(document, _fullwidth(count_paragraph(pack, lang), lang))
    main = [r for r in pack.rows if r.target.section == next(iter(pack.registry.sections), None)]
    said = [line for r in main if (line := _indicator_line(r, lang))]
    if said:
        _heading(document, f"二、{say('main_indicators', lang)}" if zh else "2. Main indicators")
        _paragraph(
            document, _fullwidth(("；" if zh else "; ").join(said) + ("。" if zh else "."), lang)
        )
    _heading(document, f"三、{say('laggards', lang)}" if zh else "3. What lags, and why")
    lagging = pack.lagging
    if not lagging:
        _paragraph(document, "无。" if zh else "None.")
    for number, row in enumerate(lagging, start=1):
        _paragraph(document, _fullwidth(_lagging_line(number, row, lang), lang))
    units = sorted({row.lead or say("no_lead", lang) for row in lagging if row.unexplained})
    if units:
        joined = ("、" if zh else ", ").join(visible(u) for u in units)
        _paragraph(document, _fullwidth(say("no_reason_units", lang, units=joined), lang))
    _heading(document, "说明" if zh else "Notes")
    for note in notes(pack, lang):
        _paragraph(document, _fullwidth(note, lang))
    for table in attachments(pack, lang):
        _page_break(document)
        _office_table(document, table)
    if pack.year_end:
        _page_break(document)
        account = account_table(pack, lang)
        _heading(document, say("account", lang) + account_note(pack, lang))
        _plain_table(document, account.header, [tuple(r) for r in account.rows])
    document.core_properties.title = say("notice_title", lang, title=visible(title))
    buffer = io.BytesIO()
    document.save(buffer)  # built in memory, then written whole: a failure leaves the old file
    write_file(path, buffer.getvalue())


def _fullwidth(text: str, lang: str) -> str:
    """Chinese prose with Chinese punctuation: ，；：（） for the half-width forms between
    Chinese words; numbers (1,867.9), ranges and Latin text keep theirs."""
    if lang == "en":
        return text
    out = []
    for i, char in enumerate(text):
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if char == "," and not (before.isdigit() and after.isdigit()):
            out.append("，")
        elif char == ";":
            out.append("；")
        elif char == ":" and not (before.isdigit() and after.isdigit()):
            out.append("：")
        elif char == "(":
            out.append("（")
        elif char == ")":
            out.append("）")
        else:
            out.append(char)
    return "".join(out)


def _indicator_line(row: Row, lang: str) -> str:
    """'地区生产总值增速5.7%(总量2000亿元,全省第4),符合进度', or '' without a figure."""
    result = row.result
    value = result.actual
    if value is None or isinstance(value, bool):
        return ""
    unit = row.target.unit
    figure = f"{format_decimal(value)}{unit if unit in ('%', '倍') else ' ' + unit}"
    extra = []
    if result.level is not None:
        level = f"{format_decimal(result.level)}{result.level_unit}"
        extra.append(f"总量{level}" if lang != "en" else f"level {level}")
    if result.rank is not None:
        extra.append(f"全省第{result.rank}" if lang != "en" else f"{result.rank} in the province")
    separator = ", " if lang == "en" else ","
    detail = f"({separator.join(extra)})" if extra else ""
    name = visible(row.target.name(lang))
    if lang == "en":
        return f"{name} {figure}{detail}, {status_words(result, lang)}"
    return f"{name}{figure}{detail},{status_words(result, lang)}"


def _lagging_line(number: int, row: Row, lang: str) -> str:
    from reportcheck.output.explain import reason as basis

    result = row.result
    reason = visible(row.reason) or say("no_reason", lang)
    name = visible(row.target.name(lang))
    why = basis(result, lang)
    if lang == "en":
        return f"{number}. {name}: {why}. Reason: {reason}"
    return f"{number}. {name}:{why}。原因:{reason}"


def _fonts(document: Document) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt

    normal = document.styles["Normal"]
    font = normal.font
    font.name = FONT_EN
    font.size = Pt(BODY_PT)
    properties = normal.element.get_or_add_rPr()
    fonts = properties.get_or_add_rFonts()
    fonts.set(qn("w:eastAsia"), FONT_ZH)


def _title(document: Document, text: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(text)
    run.bold = True
    run.font.size = Pt(TITLE_PT)


def _centred(document: Document, text: str) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document.add_paragraph(text).alignment = WD_ALIGN_PARAGRAPH.CENTER


def _heading(document: Document, text: str) -> None:
    from docx.shared import Pt

    run = document.add_paragraph().add_run(visible(text))
    run.bold = True
    run.font.size = Pt(BODY_PT + 1.5)


def _paragraph(document: Document, text: str) -> None:
    from docx.shared import Pt

    paragraph = document.add_paragraph(text)
    paragraph.paragraph_format.first_line_indent = Pt(2 * BODY_PT)


def _office_table(document: Document, table: OfficeTable) -> None:
    from docx.shared import Cm

    _heading(document, table.title)
    grid = document.add_table(rows=1, cols=len(table.header))
    grid.style = "Table Grid"
    grid.autofit = False
    widths = [Cm(w) for w in table.widths]
    _header_row(grid, table.header, widths)
    for group in table.groups:
        cells = grid.add_row().cells
        merged = cells[0].merge(cells[-1])
        _write(merged, group.title, bold=True, fill=SECTION_FILL)
        for office_row in group.rows:
            row_cells = grid.add_row().cells
            for cell, value, column, width in zip(
                row_cells, office_row.cells, table.columns, widths, strict=True
            ):
                cell.width = width
                right = column.kind in ("unit", "percent", "count")
                _write(cell, number_text(value, office_row.unit), right=right)


def _plain_table(
    document: Document, header: tuple[str, ...], rows: list[tuple[object, ...]]
) -> None:
    from docx.shared import Cm

    grid = document.add_table(rows=1, cols=len(header))
    grid.style = "Table Grid"
    width = Cm(25.7 / len(header))
    _header_row(grid, header, [width] * len(header))
    for values in rows:
        for cell, value in zip(grid.add_row().cells, values, strict=True):
            _write(cell, "" if value is None else visible(str(value)))


def _page_break(document: Document) -> None:
    from docx.enum.text import WD_BREAK

    document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def _header_row(grid: Table, header: tuple[str, ...], widths: Sequence[Length]) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    for column, width in zip(grid.columns, widths, strict=True):
        column.width = width  # the grid LibreOffice and WPS lay the table out by
    row = grid.rows[0]
    properties = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    properties.append(repeat)
    for cell, text, width in zip(row.cells, header, widths, strict=True):
        cell.width = width
        _write(cell, text, bold=True, fill=HEADER_FILL)


def _write(
    cell: object, text: str, *, bold: bool = False, right: bool = False, fill: str = ""
) -> None:
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt
    from docx.table import _Cell

    assert isinstance(cell, _Cell)
    paragraph = cell.paragraphs[0]
    run = paragraph.add_run(visible(text))
    run.font.size = Pt(TABLE_PT)
    run.bold = bold
    if right:
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if fill:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shading)
