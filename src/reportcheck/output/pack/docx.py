"""The 通报 as a Word document an office finishes and sends: A4 landscape, 附件 as tables.

The text: a title, 截至, 一、总体情况 (the count paragraph), 二、主要经济指标 (each headline
indicator with its figure, 总量 and 全省排位 where given), 三、滞后事项 (each lagging commitment
with its reason, and the units that gave none), 说明 (the rules applied); then 附件1 主要经济
指标, 附件2 量化指标, 附件3 重点项目 (and at the year's end the 对照表) as bordered tables whose
header row repeats on every page, at 9 pt or more.

The document is written as WordprocessingML text (`reportcheck.output.ooxml`): no document
library is loaded at start. Everything from the data is escaped, and control characters are
spelled out first.
"""

from __future__ import annotations

import zlib
from typing import TYPE_CHECKING

from reportcheck.model.files import write_file
from reportcheck.model.numbers import format_decimal
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
from reportcheck.output.pack.office import (
    OfficeTable,
    attachments,
    leader_counts,
    number_text,
)
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

    from reportcheck.review.pack import Pack, Row

#: Body text 五号 (10.5 pt), tables 9 pt, the title 二号 (22 pt) as Chinese documents set them.
BODY_PT, TABLE_PT, TITLE_PT = 10.5, 9, 22
FONT_ZH, FONT_EN = "宋体", "Times New Roman"
HEADER_FILL = "D9E2F3"
SECTION_FILL = "F2F2F2"
#: How the 通报 notes the checksum of the text it wrote (docProps/core.xml, dc:identifier):
#: one whose text changed since is not replaced (reportcheck.output.pack.typed).
DOCUMENT_MARK = "reportcheck-document-crc32:"
#: A4 landscape and its margins, in twentieths of a point (1 cm = 567).
PAGE_WIDTH, PAGE_HEIGHT, MARGIN = 16838, 11906, 1134
TWIPS_PER_CM = 567
#: The writing width, in centimetres.
WRITING_CM = 25.7


def write_docx(pack: Pack, path: Path, lang: str) -> None:
    document = _Document()
    meta = pack.registry.meta
    title = meta.title_en if lang == "en" else meta.title_zh
    document.title(_fullwidth(say("notice_title", lang, title=visible(title)), lang))
    document.centred(say("as_of", lang, period=period_words(pack.period, lang)))
    zh = lang != "en"
    document.heading("一、总体情况" if zh else "1. Overview")
    document.paragraph(_fullwidth(count_paragraph(pack, lang), lang))
    by_leader = leader_counts(pack, lang)
    if by_leader is not None:
        document.centred(say("by_leader", lang))
        document.plain_table(by_leader.header, list(by_leader.rows), numbers=True)
    main = [r for r in pack.rows if r.target.section == next(iter(pack.registry.sections), None)]
    said = [line for r in main if (line := _indicator_line(r, lang))]
    if said:
        document.heading(f"二、{say('main_indicators', lang)}" if zh else "2. Main indicators")
        document.paragraph(
            _fullwidth(("；" if zh else "; ").join(said) + ("。" if zh else "."), lang)
        )
    document.heading(f"三、{say('laggards', lang)}" if zh else "3. What lags, and why")
    lagging = pack.lagging
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
            document.paragraph(_fullwidth(under, lang))
            for row in behind:
                number = lagging.index(row) + 1
                document.paragraph(_fullwidth(_lagging_line(number, row, lang), lang))
    else:
        for number, row in enumerate(lagging, start=1):
            document.paragraph(_fullwidth(_lagging_line(number, row, lang), lang))
    units = sorted({row.lead or say("no_lead", lang) for row in lagging if row.unexplained})
    if units:
        joined = ("、" if zh else ", ").join(visible(u) for u in units)
        document.paragraph(_fullwidth(say("no_reason_units", lang, units=joined), lang))
    document.heading("说明" if zh else "Notes")
    for note in notes(pack, lang):
        document.paragraph(_fullwidth(note, lang))
    for table in attachments(pack, lang):
        document.page_break()
        document.office_table(table)
    if pack.year_end:
        document.page_break()
        account = account_table(pack, lang)
        document.heading(say("account", lang) + account_note(pack, lang))
        document.plain_table(account.header, [tuple(r) for r in account.rows])
    # Built in memory, then written whole: a failure leaves the old file.
    write_file(path, document.to_bytes(say("notice_title", lang, title=visible(title))))


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


class _Document:
    """The body of a Word document, paragraph by paragraph and table by table."""

    def __init__(self) -> None:
        self.body: list[str] = []

    def title(self, words: str) -> None:
        self.body.append(_paragraph(_run(words, bold=True, size=TITLE_PT), centre=True))

    def centred(self, words: str) -> None:
        self.body.append(_paragraph(_run(words), centre=True))

    def heading(self, words: str) -> None:
        self.body.append(_paragraph(_run(visible(words), bold=True, size=BODY_PT + 1.5)))

    def paragraph(self, words: str) -> None:
        self.body.append(_paragraph(_run(words), indent=True))

    def page_break(self) -> None:
        self.body.append('<w:p><w:r><w:br w:type="page"/></w:r></w:p>')

    def office_table(self, table: OfficeTable) -> None:
        """A 附件: its title, then the table with a row across it for each section."""
        self.heading(table.title)
        widths = [round(w * TWIPS_PER_CM) for w in table.widths]
        rows = [_header_row(table.header, widths)]
        span = len(widths)
        for group in table.groups:
            cell = _cell(group.title, sum(widths), bold=True, fill=SECTION_FILL, span=span)
            rows.append(f"<w:tr>{cell}</w:tr>")
            for office_row in group.rows:
                cells = "".join(
                    _cell(
                        number_text(value, office_row.unit),
                        width,
                        right=column.kind in ("unit", "percent", "count"),
                    )
                    for value, column, width in zip(
                        office_row.cells, table.columns, widths, strict=True
                    )
                )
                rows.append(f"<w:tr>{cells}</w:tr>")
        self.body.append(_table(widths, rows))

    def plain_table(
        self, header: tuple[str, ...], rows: list[tuple[object, ...]], *, numbers: bool = False
    ) -> None:
        """A table of even columns; `numbers` sets every column but the first to the right."""
        width = round(WRITING_CM * TWIPS_PER_CM / len(header))
        widths = [width] * len(header)
        lines = [_header_row(header, widths)]
        for values in rows:
            cells = "".join(
                _cell(
                    "" if value is None else visible(str(value)),
                    width,
                    right=numbers and column > 0,
                )
                for column, value in enumerate(values)
            )
            lines.append(f"<w:tr>{cells}</w:tr>")
        self.body.append(_table(widths, lines))

    def to_bytes(self, title: str) -> bytes:
        section = (
            f'<w:sectPr><w:pgSz w:w="{PAGE_WIDTH}" w:h="{PAGE_HEIGHT}" w:orient="landscape"/>'
            f'<w:pgMar w:top="{MARGIN}" w:right="{MARGIN}" w:bottom="{MARGIN}" '
            f'w:left="{MARGIN}" w:header="720" w:footer="720" w:gutter="0"/></w:sectPr>'
        )
        document = (
            f'{DECLARATION}<w:document xmlns:w="{_W}" xmlns:r="{DOCUMENT_RELATIONSHIPS}">'
            f"<w:body>{''.join(self.body)}{section}</w:body></w:document>"
        )
        # The checksum of the text as written: a 通报 whose text changed is not replaced.
        written = f"{DOCUMENT_MARK}{zlib.crc32(document.encode('utf-8')):08x}"
        return package(
            [
                ("[Content_Types].xml", content_types(BASE_TYPES, _TYPES)),
                ("_rels/.rels", _ROOT_RELATIONSHIPS),
                ("docProps/core.xml", core_properties(title, written)),
                ("word/document.xml", document),
                ("word/_rels/document.xml.rels", _DOCUMENT_RELATIONSHIPS),
                ("word/styles.xml", _STYLES),
                ("word/settings.xml", _SETTINGS),
            ]
        )


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml"
_TYPES = {
    "/word/document.xml": f"{_WORD}.document.main+xml",
    "/word/styles.xml": f"{_WORD}.styles+xml",
    "/word/settings.xml": f"{_WORD}.settings+xml",
    "/docProps/core.xml": CORE_TYPE,
}
_REL = DOCUMENT_RELATIONSHIPS + "/"
_ROOT_RELATIONSHIPS = relationships(
    [
        ("rId1", _REL + "officeDocument", "word/document.xml"),
        ("rId2", CORE_PROPERTIES, "docProps/core.xml"),
    ]
)
_DOCUMENT_RELATIONSHIPS = relationships(
    [("rId1", _REL + "styles", "styles.xml"), ("rId2", _REL + "settings", "settings.xml")]
)
_FONTS = (
    f'<w:rFonts w:ascii="{FONT_EN}" w:hAnsi="{FONT_EN}" w:eastAsia="{FONT_ZH}" w:cs="{FONT_EN}"/>'
)
_BORDERS = "".join(
    f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
    for side in ("top", "left", "bottom", "right", "insideH", "insideV")
)
#: Normal text in 宋体 / Times New Roman at 10.5 pt; "Table Grid" borders every cell.
_STYLES = (
    f'{DECLARATION}<w:styles xmlns:w="{_W}"><w:docDefaults><w:rPrDefault><w:rPr>{_FONTS}'
    f'<w:sz w:val="{round(BODY_PT * 2)}"/><w:szCs w:val="{round(BODY_PT * 2)}"/>'
    '<w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault>'
    '<w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
    "</w:pPrDefault></w:docDefaults>"
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/>'
    f"<w:qFormat/><w:rPr>{_FONTS}</w:rPr></w:style>"
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal">'
    '<w:name w:val="Normal Table"/><w:semiHidden/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/>'
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="85" w:type="dxa"/>'
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar>'
    "</w:tblPr></w:style>"
    '<w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>'
    f'<w:basedOn w:val="TableNormal"/><w:tblPr><w:tblBorders>{_BORDERS}</w:tblBorders>'
    "</w:tblPr></w:style></w:styles>"
)
_SETTINGS = (
    f'{DECLARATION}<w:settings xmlns:w="{_W}"><w:compat><w:compatSetting '
    'w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/>'
    "</w:compat></w:settings>"
)


def _run(words: str, *, bold: bool = False, size: float | None = None) -> str:
    properties = ("<w:b/>" if bold else "") + (
        f'<w:sz w:val="{round(size * 2)}"/><w:szCs w:val="{round(size * 2)}"/>' if size else ""
    )
    shown = f"<w:rPr>{properties}</w:rPr>" if properties else ""
    return f'<w:r>{shown}<w:t xml:space="preserve">{text(words)}</w:t></w:r>'


def _paragraph(
    runs: str, *, centre: bool = False, indent: bool = False, right: bool = False
) -> str:
    properties = ""
    if indent:  # two characters, as Chinese prose begins a paragraph
        properties += (
            f'<w:spacing w:line="360" w:lineRule="auto"/>'
            f'<w:ind w:firstLine="{round(2 * BODY_PT * 20)}"/>'
        )
    if centre or right:
        properties += f'<w:jc w:val="{"center" if centre else "right"}"/>'
    shown = f"<w:pPr>{properties}</w:pPr>" if properties else ""
    return f"<w:p>{shown}{runs}</w:p>"


def _cell(
    words: str,
    width: int,
    *,
    bold: bool = False,
    right: bool = False,
    fill: str = "",
    span: int = 1,
) -> str:
    properties = f'<w:tcW w:w="{width}" w:type="dxa"/>'
    if span > 1:
        properties += f'<w:gridSpan w:val="{span}"/>'
    if fill:
        properties += f'<w:shd w:val="clear" w:color="auto" w:fill="{fill}"/>'
    run = _run(visible(words), bold=bold, size=TABLE_PT)
    return f"<w:tc><w:tcPr>{properties}</w:tcPr>{_paragraph(run, right=right)}</w:tc>"


def _header_row(header: Sequence[str], widths: Sequence[int]) -> str:
    """The header row, repeated at the top of every page the table runs onto."""
    cells = "".join(
        _cell(words, width, bold=True, fill=HEADER_FILL)
        for words, width in zip(header, widths, strict=True)
    )
    return f"<w:tr><w:trPr><w:tblHeader/></w:trPr>{cells}</w:tr>"


def _table(widths: Sequence[int], rows: Sequence[str]) -> str:
    """A bordered table of fixed column widths (the grid LibreOffice and WPS lay it out by)."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in widths)
    return (
        '<w:tbl><w:tblPr><w:tblStyle w:val="TableGrid"/>'
        f'<w:tblW w:w="{sum(widths)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>'
        f'<w:tblLook w:val="04A0" w:firstRow="1" w:lastRow="0" w:firstColumn="1" '
        f'w:lastColumn="0" w:noHBand="0" w:noVBand="1"/></w:tblPr>'
        f"<w:tblGrid>{grid}</w:tblGrid>{''.join(rows)}</w:tbl>"
        # Word needs a paragraph between a table and what follows it.
        "<w:p/>"
    )
