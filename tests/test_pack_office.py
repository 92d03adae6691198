"""The 通报 in Word and the Excel 附件: documents an office can send as they are.

Both are read back (python-docx, openpyxl); where LibreOffice is installed they are also
rendered to PDF, and the pages are checked for what a printed copy must show.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from .conftest import EXAMPLES, Run
from .packs import column_widths

Cli = Callable[..., Run]
MONTHLY = str(EXAMPLES / "monthly")
SOFFICE = shutil.which("libreoffice") or shutil.which("soffice")


@pytest.fixture
def cli(cli_zh: Callable[..., Run]) -> Callable[..., Run]:
    """These tests read what an analyst's Chinese locale shows."""
    return cli_zh


def _report(cli: Cli, tmp_path: Path, name: str, *extra: str) -> Path:
    output = tmp_path / name
    result = cli("report", "--actuals", MONTHLY, "-o", str(output), *extra)
    assert result.exit_code == 0, result.stderr
    return output


# ── Word ─────────────────────────────────────────────────────────────────────────────────────


def test_the_notice_in_word_reads_as_a_notice(cli: Cli, tmp_path: Path) -> None:
    import docx
    from docx.enum.section import WD_ORIENT

    document = docx.Document(str(_report(cli, tmp_path, "通报.docx")))
    section = document.sections[0]
    assert section.orientation == WD_ORIENT.LANDSCAPE
    assert section.page_width is not None
    assert section.page_width > section.page_height  # type: ignore[operator]
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0] == "关于湖州市2023年政府工作报告（摘登）执行情况的通报"
    assert texts[1] == "截至2023年1—6月"
    overview = texts[texts.index("一、总体情况") + 1]
    assert overview.startswith("截至2023年1—6月，169项承诺中，有进度判断的58项：")
    assert "," not in overview.replace("1,", "")  # Chinese punctuation, numbers aside
    assert "二、主要经济指标" in texts
    assert any(t.startswith("地区生产总值增速5.7%，符合进度") for t in texts)
    lagging = texts[texts.index("三、滞后事项及原因") + 1 :]
    assert any("新增制造业中长期贷款" in t and "原因：示例：项目贷款" in t for t in lagging)
    assert "1. 固定资产投资增速：8.1，低于要求 9%，差 0.9。" in lagging  # no reason: none said
    assert not any("未填写原因" in t for t in lagging)
    assert not any(t.startswith("未报送原因的责任单位") for t in texts)  # no unit is named


def test_the_attachments_in_word_are_bordered_tables_with_repeated_headers(
    cli: Cli, tmp_path: Path
) -> None:
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(str(_report(cli, tmp_path, "通报.docx")))
    titles = [p.text for p in document.paragraphs if p.text.startswith("附件")]
    assert titles == [
        "附件1 主要经济指标完成情况",
        "附件2 量化指标完成情况",
        "附件3 重点项目推进情况",
    ]
    assert len(document.tables) == 3
    main, _, projects = document.tables
    header = [c.text for c in main.rows[0].cells]
    assert header[:5] == ["序号", "指标", "单位", "年度目标", "1—6月完成"]
    assert header[-3:] == ["状态", "责任单位", "推进情况/原因"]
    assert [c.text for c in projects.rows[0].cells][:2] == ["序号", "目标任务"]
    for table in document.tables:
        assert table.style is not None
        assert table.style.name == "Table Grid"  # every cell bordered
        first = table.rows[0]._tr.trPr
        assert first is not None
        assert first.find(qn("w:tblHeader")) is not None  # repeated on every page
        sizes = {
            _size(run, paragraph)
            for row in table.rows
            for cell in row.cells
            for paragraph in cell.paragraphs
            for run in paragraph.runs
        }
        assert min(sizes) >= 9
    rows = sum(len(t.rows) - 1 for t in document.tables)
    sections = sum(
        1 for t in document.tables for r in t.rows[1:] if len({id(c._tc) for c in r.cells}) == 1
    )
    assert rows - sections == 169  # every commitment, once, under its section's row


def _size(run: Any, paragraph: Any) -> float:
    """A run's size in points as Word shows it: its own, else its paragraph style's (or the
    style that one is based on)."""
    if run.font.size is not None:
        return float(run.font.size.pt)
    style = paragraph.style
    while style is not None and style.font.size is None:
        style = style.base_style
    assert style is not None, f"no size for {run.text!r}"
    return float(style.font.size.pt)


def test_the_notice_in_english(cli: Cli, tmp_path: Path) -> None:
    import docx

    document = docx.Document(str(_report(cli, tmp_path, "notice.docx", "--lang", "en")))
    texts = [p.text for p in document.paragraphs if p.text]
    assert texts[0].endswith("progress notice")
    assert "1. Overview" in texts


# ── Excel ────────────────────────────────────────────────────────────────────────────────────


def test_the_excel_attachments_are_print_ready(cli: Cli, tmp_path: Path) -> None:
    from reportcheck.output.pack.xlsx import ANNEX_PT, UNITS_PER_CM

    book = load_workbook(_report(cli, tmp_path, "review.xlsx"))
    assert book.sheetnames == ["汇总", "附件1", "附件2", "附件3", "数据"]
    annex = book["附件2"]
    assert annex["A1"].value == "附件2 量化指标完成情况"
    assert annex["A2"].value == "截至2023年1—6月"
    assert [c.value for c in annex[3]][:4] == ["序号", "指标", "单位", "年度目标"]
    assert annex["A4"].value == "二(一) 实力新湖州"  # a row for each section
    assert annex.print_title_rows == "$1:$3"
    assert annex.page_setup.orientation == "landscape"
    assert str(annex.page_setup.paperSize) == annex.PAPERSIZE_A4
    # The columns are as wide as the page (25.7 cm): printing does not shrink the text.
    widths = column_widths(annex)
    assert sorted(widths) == list(range(1, 11))
    assert sum(widths.values()) <= 25.8 * UNITS_PER_CM
    assert ANNEX_PT >= 8
    assert annex["B5"].border.left.style == "thin"
    # Every cell of the table, the last row's as the first's (cells of a section's row merged
    # into its first aside): bordered, and at the annex's size.
    table = annex.iter_rows(min_row=3, max_row=annex.max_row, max_col=annex.max_column)
    cells = [c for row in table for c in row if c.coordinate not in annex.merged_cells]
    assert len(cells) > 1000
    assert {(c.border.left.style, c.border.bottom.style) for c in cells} == {("thin", "thin")}
    assert {c.font.sz for c in cells} == {ANNEX_PT}
    lights = {annex.cell(r, 8).fill.fgColor.rgb[-6:] for r in range(5, annex.max_row + 1)}
    assert {"C6EFCE", "FFEB9C"} <= lights  # green and yellow status cells (RGB after alpha)
    assert book["数据"].max_row == 170  # the full data, one row per commitment


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("name", ["通报.docx", "review.xlsx"])
def test_the_documents_print_to_a4_landscape_pages(cli: Cli, tmp_path: Path, name: str) -> None:
    assert SOFFICE is not None
    source = _report(cli, tmp_path, name)
    env = {**os.environ, "HOME": str(tmp_path)}
    subprocess.run(
        [SOFFICE, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
        timeout=180,
        env=env,
    )
    pdf = source.with_suffix(".pdf")
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    size = next(line for line in info.splitlines() if line.startswith("Page size"))
    width, height = (float(x) for x in size.split(":")[1].split("pts")[0].split(" x "))
    assert (round(width), round(height)) == (842, 595)  # A4 landscape, in points
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages")).split()[-1])
    assert 3 <= pages <= 20
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    flat = "".join(text.split())  # pdftotext spaces out Chinese beside digits
    assert "附件1主要经济指标完成情况" in flat
    assert "新增制造业中长期贷款" in flat


# ── What offices print beside the figure ─────────────────────────────────────────────────────


def test_rank_and_level_are_shown_beside_the_figure_in_every_view(tmp_path: Path) -> None:
    import csv
    import io
    from decimal import Decimal

    import docx
    from rich.console import Console

    from reportcheck.actuals import Actual, ActualsSet
    from reportcheck.model.periods import parse_period
    from reportcheck.output.markdown import report_markdown
    from reportcheck.output.pack.write import write_pack
    from reportcheck.output.render import report_table
    from reportcheck.output.serialize import report_csv, report_dict
    from reportcheck.registry.load import load_registry
    from reportcheck.review.api import pack_of
    from reportcheck.review.evaluate import evaluate

    registry = load_registry()
    gdp = Actual(
        id="gdp_growth",
        period=parse_period("2023"),
        value=Decimal("5.8"),
        file="a.csv",
        line=2,
        rank=4,
        level=Decimal(4015),
        level_unit="亿元",
    )
    data = ActualsSet((gdp,))
    report = evaluate(registry, data).select(ids=["gdp_growth"])
    console = Console(width=200, record=True, file=io.StringIO())
    console.print(report_table(report, "zh"))
    assert "5.8 (全省第4;总量 4015 亿元)" in console.export_text()
    assert "5.8 (4 in the province; level 4015 亿元)" in report_markdown(report, "en")
    (result,) = report_dict(report, "zh")["results"]
    assert (result["rank"], result["level"], result["level_unit"]) == (4, Decimal(4015), "亿元")
    (row,) = csv.DictReader(io.StringIO(report_csv(report, "zh")))
    assert (row["rank"], row["level"], row["level_unit"]) == ("4", "4015", "亿元")
    pack = pack_of(registry, data, None, bands="10,30")
    output = tmp_path / "通报.docx"
    write_pack(pack, output, "zh")
    document = docx.Document(str(output))
    texts = [p.text for p in document.paragraphs]
    line = "地区生产总值增速5.8%（总量4015亿元，全省第4），基本完成"
    assert any(t.startswith(line) for t in texts)
    header = [c.text for c in document.tables[0].rows[0].cells]
    assert ("总量" in header, "全省排位" in header) == (True, True)


# ── A figure of another period ───────────────────────────────────────────────────────────────


def test_a_figure_of_another_period_says_its_period_in_word_and_excel(tmp_path: Path) -> None:
    import reportcheck

    from .packs import written

    actuals = tmp_path / "actuals.csv"
    actuals.write_text(
        "id,period,value\ngraduates,2023-06,0.7\nfai_growth,2023-09,8.1\ngdp_growth,2023-06,5.7\n",
        encoding="utf-8",
    )
    pack = reportcheck.review_pack(actuals, "2023-09")
    for suffix in ("docx", "xlsx"):
        shown = written(pack, tmp_path, "zh", suffix)[suffix]
        (graduates,) = shown.rows_with("引进大学生")
        assert graduates["1—9月完成"] == "0.7（1—6月）", suffix
        (investment,) = shown.rows_with("固定资产投资增速")
        assert investment["1—9月完成"] == "8.1", suffix  # the pack's own period: no note
    document = written(pack, tmp_path, "zh", "docx")["docx"]
    assert "地区生产总值增速5.7%（1—6月），符合进度；固定资产投资增速8.1%，滞后。" in document.lines
    assert any(line.startswith("2. 引进大学生：按1—6月数据，0.7，") for line in document.lines)
    english = written(pack, tmp_path, "en", "xlsx")["xlsx"]
    (graduates,) = english.rows_with("University graduates attracted")
    assert graduates["to date"] == "0.7 (2023-06)"


def test_a_reason_of_several_lines_keeps_its_breaks_and_tabs_in_the_word_table(
    tmp_path: Path,
) -> None:
    import docx

    import reportcheck

    from .packs import written

    actuals = tmp_path / "actuals.csv"
    actuals.write_text(
        'id,period,value,reason\nfai_growth,2023-06,8.1,"项目开工推迟\n下一步：\t加快审批"\n'
        "gdp_growth,2023-06,5.7,\x1b[31m\n",
        encoding="utf-8",
    )
    written(reportcheck.review_pack(actuals, "2023-06"), tmp_path, "zh", "docx")
    document = docx.Document(str(tmp_path / "pack-zh.docx"))
    rows = [row.cells for table in document.tables for row in table.rows]
    cells = {row[1].text: row[-1] for row in rows if len({id(c._tc) for c in row}) > 1}
    reason = cells["固定资产投资增速"]
    assert reason.text == "项目开工推迟\n下一步：\t加快审批"  # a break and a tab, as typed
    run = reason.paragraphs[0].runs[0]._r
    assert len(run.xpath("./w:br")) == 1
    assert len(run.xpath("./w:tab")) == 1
    assert cells["地区生产总值增速"].text == "\\x1b[31m"  # spelled out, never acting


# ── Nothing an office would strike out before sending ────────────────────────────────────────


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_no_pack_tells_its_reader_about_command_line_options(tmp_path: Path, lang: str) -> None:
    import re

    import reportcheck

    from .packs import written

    pack = reportcheck.review_pack(EXAMPLES / "monthly", bands="15,35")
    for suffix, shown in written(pack, tmp_path, lang).items():
        assert not re.search(r"(?<![\w-])--[a-z]", shown.text), suffix
        said = "不超过15个百分点为黄灯" if lang == "zh" else "yellow behind by up to 15 points"
        assert (said in shown.text) is (suffix != "csv"), suffix  # notes state the bands used


def test_the_year_end_notice_names_the_units_that_gave_no_reason_only_when_it_knows_them(
    tmp_path: Path,
) -> None:
    import reportcheck

    from .packs import written

    year = EXAMPLES / "illustrative-2023.csv"
    plain = written(reportcheck.review_pack(year), tmp_path, "zh", "docx")["docx"]
    assert not any(line.startswith("未报送原因的责任单位") for line in plain.lines)
    assert not any("未填写原因" in line or "未指定" in line for line in plain.lines)
    missed = [line for line in plain.lines if line.startswith("14. ")]
    assert missed == ["14. 引进大学生：8.7，低于要求 9 万人，差 0.3。"]
    units = tmp_path / "units.csv"
    units.write_text(
        "id,责任单位\ngraduates,市人社局、市教育局\npolicy_funds,市财政局\n", encoding="utf-8"
    )
    folder = tmp_path / "with-units"
    folder.mkdir()
    named = written(reportcheck.review_pack(year, units=units), folder, "zh", "docx")["docx"]
    assert "未报送原因的责任单位：市人社局、市财政局。" in named.lines  # each item's leading unit
    english = written(reportcheck.review_pack(year, units=units), folder, "en", "docx")["docx"]
    assert "Units that gave no reason: 市人社局, 市财政局." in english.lines


# ── The count paragraph ──────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize("actuals", ["monthly", "illustrative-2023.csv"])
def test_every_format_prints_the_same_count_paragraph_chinese_in_chinese_ascii_in_english(
    tmp_path: Path, actuals: str
) -> None:
    import re

    import reportcheck
    from reportcheck.output.pack.paragraphs import count_paragraph, notes, unexplained_line

    from .packs import written

    pack = reportcheck.review_pack(EXAMPLES / actuals)
    chinese = count_paragraph(pack, "zh")
    assert re.search(r"[,;:()]", chinese) is None  # 新建补建…(照料)中心 too
    assert {"，", "：", "；", "（"} <= set(chinese)
    said = [chinese, *notes(pack, "zh")]
    said += [line] if (line := unexplained_line(pack, "zh")) else []
    assert all(re.search(r"[;:()]", text) is None for text in said)
    english = count_paragraph(pack, "en")
    assert re.search("[，：；（）]", english) is None
    assert {",", ":", ";"} <= set(english)
    for lang, paragraph in (("zh", said), ("en", [english])):
        for suffix, shown in written(pack, tmp_path, lang).items():
            if suffix == "csv":  # one table, no paragraph
                continue
            # The 通报 names the units that gave no reason instead of the items.
            for text in paragraph[:-1] if suffix == "docx" and len(paragraph) > 1 else paragraph:
                lines = {line.removeprefix("- ") for line in shown.lines}  # a Markdown list
                assert text in lines, (suffix, lang, text[:30])


@pytest.mark.parametrize(
    ("actuals", "period", "zh", "en"),
    [
        ("illustrative-2023.csv", None, "三、未完成事项及原因", "3. What was missed, and why"),
        ("monthly", None, "三、滞后事项及原因", "3. What lags, and why"),
        ("monthly", "2023-12", "三、未完成事项及原因", "3. What was missed, and why"),  # none
    ],
)
def test_the_notice_calls_the_items_it_lists_lagging_in_the_year_and_missed_at_its_end(
    tmp_path: Path, actuals: str, period: str | None, zh: str, en: str
) -> None:
    import reportcheck

    from .packs import written

    pack = reportcheck.review_pack(EXAMPLES / actuals, period)
    chinese = written(pack, tmp_path, "zh", "docx")["docx"].lines
    english = written(pack, tmp_path, "en", "docx")["docx"].lines
    assert zh in chinese
    assert en in english
    assert not {"三、滞后事项及原因", "三、未完成事项及原因"} - {zh} & set(chinese)


def test_rank_and_level_stand_beside_the_figure_in_every_format_and_the_frame(
    tmp_path: Path,
) -> None:
    import reportcheck

    from .packs import written

    actuals = tmp_path / "actuals.csv"
    actuals.write_text(
        "id,period,value,全省排位,总量,总量单位\n"
        "gdp_growth,2023-06,5.8,4,1867.9,亿元\n"
        "fai_growth,2023-06,8.1,,,\n",
        encoding="utf-8",
    )
    pack = reportcheck.review_pack(actuals)
    shown = written(pack, tmp_path)
    for suffix in ("csv", "xlsx", "md"):
        (gdp,) = [r for r in shown[suffix].rows_with("gdp_growth") if "全省排位" in r]
        assert (gdp["全省排位"], gdp["总量"], gdp["总量单位"]) == ("4", "1867.9", "亿元"), suffix
        header = list(gdp)
        assert header.index("全省排位") == header.index("完成") + 1, suffix  # beside the figure
        (investment,) = [r for r in shown[suffix].rows_with("fai_growth") if "全省排位" in r]
        assert (investment["全省排位"], investment["总量"]) == ("", ""), suffix
    (gdp,) = shown["html"].rows_with("gdp_growth")
    assert gdp["完成"] == "5.8 全省第4;总量 1867.9 亿元 2023-06"
    book = load_workbook(shown["xlsx"].path)["数据"]
    heads = [c.value for c in book[1]]
    (row,) = [line for line in book.iter_rows(2) if line[1].value == "gdp_growth"]
    level = row[heads.index("总量")]
    assert (level.value, level.number_format) == (1867.9, "#,##0.0")  # a number, its own places
    assert row[heads.index("全省排位")].value == 4
    frame = pack.to_frame().set_index("id")
    assert (frame.loc["gdp_growth", "rank"], frame.loc["gdp_growth", "level"]) == (4, 1867.9)
    assert frame.loc["gdp_growth", "level_unit"] == "亿元"
    assert str(frame["rank"].dtype) == "Int64"
    assert frame["level"].isna().sum() == len(frame) - 1


def test_markdown_shows_rank_and_level_only_where_the_figures_give_them() -> None:
    import reportcheck
    from reportcheck.output.pack.markdown import pack_markdown

    without = pack_markdown(reportcheck.review_pack(EXAMPLES / "monthly"), "zh")
    header = next(line for line in without.splitlines() if line.startswith("| 序号 | 编号"))
    assert "| 完成 | 应达 |" in header
    assert "数据提示" not in header  # nor warnings, where there are none
