"""The 通报 as a Word document an office finishes and sends: A4 landscape, 附件 as tables.

The text: a title, 截至, 一、总体情况 (the count paragraph), 二、主要经济指标 (each headline
indicator with its figure, 总量 and 全省排位 where given), 三、滞后事项 (each lagging commitment
with its reason, and the units that gave none), 说明 (the rules applied); then 附件1 主要经济
指标, 附件2 量化指标, 附件3 重点项目 (and at the year's end the 对照表) as bordered tables whose
header row repeats on every page, at 9 pt or more.

The document is built with python-docx in memory and written whole. Characters from the data
that would act, or that XML cannot carry, are spelled out first.
"""

from __future__ import annotations

import copy
import zlib
from typing import TYPE_CHECKING, Any

from reportcheck.model.files import write_file
from reportcheck.model.numbers import format_decimal
from reportcheck.output.pack.office import (
    OfficeTable,
    attachments,
    figure_period,
    leader_counts,
    number_text,
)
from reportcheck.output.pack.paragraphs import (
    account_note,
    chinese_punctuation,
    count_paragraph,
    filter_words,
    notes,
    pack_title,
    visible,
    warning_lines,
)
from reportcheck.output.pack.tabular import account_table
from reportcheck.output.safe_text import xml_text
from reportcheck.output.words import failing_kind, period_words, say, status_words

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

    from docx.shared import Length
    from docx.styles.style import ParagraphStyle
    from docx.table import _Cell

    from reportcheck.review.pack import Pack, Row

#: Body text 五号 (10.5 pt), tables 9 pt, the title 二号 (22 pt) as Chinese documents set them.
BODY_PT, TABLE_PT, TITLE_PT = 10.5, 9, 22
FONT_ZH, FONT_EN = "宋体", "Times New Roman"
HEADER_FILL = "D9E2F3"
SECTION_FILL = "F2F2F2"
#: How the 通报 notes the checksum of the text it wrote (docProps/core.xml, dc:identifier):
#: one whose text changed since is not replaced (reportcheck.output.pack.typed).
DOCUMENT_MARK = "reportcheck-document-crc32:"
#: A4 landscape and its margins, in centimetres; the writing width between the margins.
PAGE_CM, MARGIN_CM = (29.7, 21.0), 2.0
WRITING_CM = PAGE_CM[0] - 2 * MARGIN_CM


def write_docx(pack: Pack, path: Path, lang: str) -> None:
    document = _Document(lang)
    title = pack_title(pack, lang, "notice_title")
    document.title(chinese_punctuation(title, lang))
    if pack.filters:  # on every printed page, too
        document.page_header(filter_words(pack, lang).strip())
    document.centred(say("as_of", lang, period=period_words(pack.period, lang)))
    zh = lang != "en"
    heads = _Numbered(lang)
    document.heading(heads.next(say("overview", lang)))
    document.paragraph(chinese_punctuation(count_paragraph(pack, lang), lang))
    by_leader = leader_counts(pack, lang)
    if by_leader is not None:
        document.centred(say("by_leader", lang))
        document.plain_table(by_leader.header, list(by_leader.rows), numbers=True)
    main = [r for r in pack.rows if r.target.section == next(iter(pack.registry.sections), None)]
    said = [line for r in main if (line := _indicator_line(r, pack, lang))]
    if said:
        document.heading(heads.next(say("main_indicators", lang)))
        document.paragraph(
            chinese_punctuation(("；" if zh else "; ").join(said) + ("。" if zh else "."), lang)
        )
    lagging = pack.lagging
    at_year_end = pack.period is not None and pack.period.is_full_year
    kind = failing_kind((row.status for row in lagging), at_year_end)
    document.heading(heads.next(say(_LAGGARDS[kind], lang)))
    if not lagging:
        document.paragraph("无。" if zh else "None.")
    if pack.has_leaders:  # grouped under each leader in charge, as a meeting goes through them
        for leader, rows in pack.by_leader().items():
            behind = [row for row in rows if row in lagging]
            if not behind:
                continue
            under = (
                say("leader_lagging", lang, leader=visible(leader))
                if leader
                else say("leader_lagging_none", lang)
            )
            document.paragraph(chinese_punctuation(under, lang))
            for row in behind:
                number = lagging.index(row) + 1
                line = _lagging_line(number, row, pack, lang)
                document.paragraph(chinese_punctuation(line, lang))
    else:
        for number, row in enumerate(lagging, start=1):
            document.paragraph(chinese_punctuation(_lagging_line(number, row, pack, lang), lang))
    # The leading unit (listed first) of each item without a reason; none when none is named.
    units = sorted({row.target.leads[0] for row in lagging if row.unexplained and row.target.leads})
    if units:
        joined = ("、" if zh else ", ").join(visible(u) for u in units)
        document.paragraph(chinese_punctuation(say("no_reason_units", lang, units=joined), lang))
    warned = warning_lines(pack, lang)
    if warned:  # as diff gives them: file names and codes are not prose to punctuate
        document.heading(heads.next(say("data_warnings", lang)))
        for line in warned:
            document.paragraph(line)
    document.heading("说明" if zh else "Notes")
    for note in notes(pack, lang):
        document.paragraph(chinese_punctuation(note, lang))
    for table in attachments(pack, lang):
        document.page_break()
        document.office_table(table)
    if pack.year_end:
        document.page_break()
        account = account_table(pack, lang)
        document.heading(say("account", lang) + account_note(pack, lang))
        document.plain_table(account.header, [tuple(r) for r in account.rows])
    # Built in memory, then written whole: a failure leaves the old file.
    write_file(path, document.to_bytes(title))


#: The heading over the failing items: behind in the year, missed at the due date, or both.
_LAGGARDS = {"behind": "laggards", "missed": "laggards_missed", "both": "laggards_both"}


class _Numbered:
    """The 通报's numbered headings: 一、二、三、… in Chinese, 1. 2. 3. in English."""

    NUMERALS = "一二三四五六七八九十"

    def __init__(self, lang: str) -> None:
        self.lang, self.count = lang, 0

    def next(self, words: str) -> str:
        self.count += 1
        if self.lang == "en":
            return f"{self.count}. {words}"
        return f"{self.NUMERALS[self.count - 1]}、{words}"


def _indicator_line(row: Row, pack: Pack, lang: str) -> str:
    """'地区生产总值增速5.7%(1—6月,总量2000亿元,全省第4),符合进度', or '' without a figure;
    the figure's period is said when it is not the pack's."""
    result = row.result
    value = result.actual
    if value is None or isinstance(value, bool):
        return ""
    unit = row.target.unit
    figure = f"{format_decimal(value)}{unit if unit in ('%', '倍') else ' ' + unit}"
    extra = [period] if (period := figure_period(row, pack, lang)) else []
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


def _lagging_line(number: int, row: Row, pack: Pack, lang: str) -> str:
    from reportcheck.output.explain import reason as basis

    result = row.result
    name = visible(row.target.name(lang))
    why = basis(result, lang)
    if period := figure_period(row, pack, lang):
        why = say("on_figures_of", lang, period=period) + why
    line = f"{number}. {name}: {why}." if lang == "en" else f"{number}. {name}:{why}。"
    if not row.reason:  # the units that gave none are named after the items
        return line
    return line + say("reason_given", lang, reason=visible(row.reason))


class _Document:
    """A Word document (python-docx), paragraph by paragraph and table by table: A4 landscape,
    宋体 for Chinese and Times New Roman for Latin text, tables bordered with a header row that
    repeats on every page."""

    def __init__(self, lang: str) -> None:
        import docx
        from docx.enum.section import WD_ORIENT
        from docx.enum.style import WD_STYLE_TYPE
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.oxml.ns import qn
        from docx.shared import Cm, Pt

        self.document = docx.Document()
        styles = self.document.styles
        normal = styles["Normal"]
        normal.font.name = FONT_EN
        normal.font.size = Pt(BODY_PT)
        normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), FONT_ZH)
        # Table text is set by paragraph styles, not by each run's own size and weight: an
        # office restyles every table at once, and a table of a thousand cells builds in a
        # fraction of the time.
        text = styles.add_style(say("style_table_text", lang), WD_STYLE_TYPE.PARAGRAPH)
        text.base_style = normal
        text.font.size = Pt(TABLE_PT)
        text.paragraph_format.space_after = Pt(0)
        figure = styles.add_style(say("style_table_figure", lang), WD_STYLE_TYPE.PARAGRAPH)
        figure.base_style = text
        figure.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        heading = styles.add_style(say("style_table_heading", lang), WD_STYLE_TYPE.PARAGRAPH)
        heading.base_style = text
        heading.font.bold = True
        self.table_styles = {"text": text, "figure": figure, "heading": heading}
        section = self.document.sections[0]
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
        for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
            setattr(section, side, Cm(MARGIN_CM))

    def title(self, words: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH
        from docx.shared import Pt

        paragraph = self.document.add_paragraph()
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        run = paragraph.add_run(xml_text(words))
        run.bold = True
        run.font.size = Pt(TITLE_PT)

    def page_header(self, words: str) -> None:
        """Words at the top of every page."""
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph = self.document.sections[0].header.paragraphs[0]
        paragraph.text = xml_text(words)
        paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT

    def centred(self, words: str) -> None:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        self.document.add_paragraph(xml_text(words)).alignment = WD_ALIGN_PARAGRAPH.CENTER

    def heading(self, words: str) -> None:
        from docx.shared import Pt

        run = self.document.add_paragraph().add_run(xml_text(visible(words)))
        run.bold = True
        run.font.size = Pt(BODY_PT + 1.5)

    def paragraph(self, words: str) -> None:
        from docx.shared import Pt

        paragraph = self.document.add_paragraph(xml_text(words))
        paragraph.paragraph_format.first_line_indent = Pt(2 * BODY_PT)

    def page_break(self) -> None:
        from docx.enum.text import WD_BREAK

        self.document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)

    def office_table(self, table: OfficeTable) -> None:
        """A 附件: its title, then the table with a row across it for each section."""
        from docx.shared import Cm

        self.heading(table.title)
        grid = self._grid(table.header, [Cm(w) for w in table.widths])
        styles = [
            self.table_styles["figure" if c.kind in ("unit", "percent", "count") else "text"]
            for c in table.columns
        ]
        rows = _Rows(grid, styles)
        heading = self.table_styles["heading"]
        for group in table.groups:
            cells = grid.add_row().cells
            _write(cells[0].merge(cells[-1]), group.title, heading, fill=SECTION_FILL)
            for office_row in group.rows:
                rows.add([number_text(value, office_row.unit) for value in office_row.cells])

    def plain_table(
        self, header: tuple[str, ...], rows: list[tuple[object, ...]], *, numbers: bool = False
    ) -> None:
        """A table of even columns; `numbers` sets every column but the first to the right."""
        from docx.shared import Cm

        grid = self._grid(header, [Cm(WRITING_CM / len(header))] * len(header))
        text, figure = self.table_styles["text"], self.table_styles["figure"]
        made = _Rows(grid, [text] + [figure if numbers else text] * (len(header) - 1))
        for values in rows:
            made.add(["" if value is None else str(value) for value in values])

    def _grid(self, header: Sequence[str], widths: Sequence[Length]) -> Any:
        """A bordered table (python-docx's Table, whose rows it adds untyped) of one header
        row, repeated at the top of every page."""
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        grid = self.document.add_table(rows=1, cols=len(header))
        grid.style = "Table Grid"
        grid.autofit = False
        for column, width in zip(grid.columns, widths, strict=True):
            column.width = width  # the grid LibreOffice and WPS lay the table out by
        row = grid.rows[0]
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(repeat)
        for cell, words, width in zip(row.cells, header, widths, strict=True):
            cell.width = width
            _write(cell, words, self.table_styles["heading"], fill=HEADER_FILL)
        return grid

    def to_bytes(self, title: str) -> bytes:
        """The document's file, with its title and the checksum of its text as written: a
        通报 whose text has changed since is not replaced."""
        import io

        properties = self.document.core_properties
        properties.title = xml_text(title)
        properties.author = "reportcheck"
        written = zlib.crc32(self.document.part.blob)
        properties.identifier = f"{DOCUMENT_MARK}{written:08x}"
        buffer = io.BytesIO()
        self.document.save(buffer)
        return buffer.getvalue()


class _Rows:
    """Rows of a table, each a copy of one row whose cells are styled and hold a run of text.

    Styling each cell through python-docx inserts every element in its place one at a time
    (a table of a thousand cells took most of a second); a copy of the styled row's XML, its
    texts then set, is the same row at a small part of the cost.
    """

    def __init__(self, grid: Any, styles: Sequence[ParagraphStyle]) -> None:
        from docx.oxml.ns import qn

        row = grid.add_row()  # its cells take their widths from the table's grid
        for cell, style in zip(row.cells, styles, strict=True):
            paragraph = cell.paragraphs[0]
            paragraph._p.style = style.style_id
            paragraph.add_run(" ")
        self.model = row._tr
        self.model.getparent().remove(self.model)
        self.table = grid._tbl
        self.text_tag = qn("w:t")

    def add(self, texts: Sequence[str]) -> None:
        from docx.text.run import Run

        row = copy.deepcopy(self.model)
        self.table.append(row)
        for t, words in zip(list(row.iter(self.text_tag)), texts, strict=True):
            shown = xml_text(visible(words))
            if _BREAKS.isdisjoint(shown):
                t.text = shown
            else:  # a line break or a tab is its own element in a run, as python-docx writes it
                run = t.getparent()
                run.remove(t)
                Run(run, None).text = shown  # type: ignore[arg-type]


#: Characters that python-docx writes as elements of their own (w:br, w:tab), not as text.
_BREAKS = frozenset("\n\r\t")


def _write(cell: _Cell, words: str, style: ParagraphStyle, *, fill: str = "") -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    paragraph = cell.paragraphs[0]
    # By the style's id: `paragraph.style = style` searches the document's styles each time.
    paragraph._p.style = style.style_id
    paragraph.add_run(xml_text(visible(words)))
    if fill:
        shading = OxmlElement("w:shd")
        shading.set(qn("w:val"), "clear")
        shading.set(qn("w:color"), "auto")
        shading.set(qn("w:fill"), fill)
        cell._tc.get_or_add_tcPr().append(shading)
