"""Who answers for what, in every format of the pack: a pack of some units' or leaders'
commitments says so in its title and on every printed page, and a pack whose units sheet names
leaders counts by 分管领导 and has the column."""

from __future__ import annotations

from pathlib import Path

import pytest

import reportcheck

from .conftest import EXAMPLES
from .packs import written

MONTHLY = EXAMPLES / "monthly"
SHEET = (
    "id,责任单位,分管领导\n"
    "gdp_growth,市发改委、市统计局,张三\n"
    "fai_growth,市发改委,张三\n"
    "graduates,市人社局,李四\n"
)


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "责任分解.csv"
    path.write_text(SHEET, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("lang", "options", "said"),
    [
        ("zh", {"lead": "市发改委"}, "（筛选：责任单位 市发改委）"),
        ("zh", {"leader": "李四"}, "（筛选：分管领导 李四）"),
        (
            "zh",
            {"lead": "市发改委", "leader": "张三"},
            "（筛选：责任单位 市发改委；分管领导 张三）",
        ),
        ("en", {"lead": "市发改委"}, " (filtered: responsible unit 市发改委)"),
    ],
)
def test_a_filtered_pack_says_so_in_its_title_in_every_format(
    sheet: Path, tmp_path: Path, lang: str, options: dict[str, str], said: str
) -> None:
    pack = reportcheck.review_pack(MONTHLY, units=sheet, **options)  # type: ignore[arg-type]
    shown = written(pack, tmp_path, lang)
    notice = shown["docx"].lines[0]
    assert notice.endswith(said)
    book = shown["xlsx"]
    titles = [table[0][0] for table in book.tables[:-1]]  # the summary and each 附件
    assert all(title.endswith(said) for title in titles), titles
    assert shown["html"].lines[0].endswith(said)  # <h1>
    assert shown["md"].lines[0].endswith(said)


def test_every_printed_page_of_a_filtered_pack_says_so(sheet: Path, tmp_path: Path) -> None:
    import docx
    from openpyxl import load_workbook

    pack = reportcheck.review_pack(MONTHLY, units=sheet, lead="市人社局")
    shown = written(pack, tmp_path)
    header = docx.Document(str(shown["docx"].path)).sections[0].header.paragraphs[0].text
    assert header == "（筛选：责任单位 市人社局）"
    book = load_workbook(shown["xlsx"].path)
    headers = [s.oddHeader.center.text for s in book.worksheets if s.oddHeader is not None]
    assert headers == [header] * len(book.worksheets)
    page = shown["html"].path.read_text(encoding="utf-8")
    assert (
        "<title>湖州市2023年政府工作报告(摘登)执行情况（筛选：责任单位 市人社局）</title>" in page
    )


def test_a_whole_pack_says_nothing_of_filters(sheet: Path, tmp_path: Path) -> None:
    import docx
    from openpyxl import load_workbook

    pack = reportcheck.review_pack(MONTHLY, units=sheet)
    for suffix, shown in written(pack, tmp_path).items():
        assert "筛选" not in shown.text, suffix
    assert docx.Document(str(tmp_path / "pack-zh.docx")).sections[0].header.paragraphs[0].text == ""
    book = load_workbook(tmp_path / "pack-zh.xlsx")
    assert not any(s.oddHeader and s.oddHeader.center.text for s in book.worksheets)


def test_the_page_and_markdown_count_by_leader_and_have_the_column(
    sheet: Path, tmp_path: Path
) -> None:
    pack = reportcheck.review_pack(MONTHLY, units=sheet)
    shown = written(pack, tmp_path)
    for suffix in ("html", "md"):
        counts = next(t for t in shown[suffix].tables if t[0][0] == "分管领导")
        assert counts[1][:4] == ("张三", "2", "1", "1"), suffix
        assert counts[2][:2] == ("李四", "1"), suffix
        assert counts[-1][:2] == ("未指定", "166"), suffix
        (row,) = [r for r in shown[suffix].rows_with("graduates") if "分管领导" in r]
        assert (row["责任单位"], row["分管领导"]) == ("市人社局", "李四"), suffix
    for suffix in ("csv", "xlsx"):  # the tables of every commitment: 分管领导 after 责任单位
        (row,) = [r for r in shown[suffix].rows_with("fai_growth") if "编号" in r]
        assert (row["责任单位"], row["分管领导"]) == ("市发改委", "张三"), suffix
        header = list(row)
        assert header.index("分管领导") == header.index("责任单位") + 1
    folder = tmp_path / "without-leaders"
    folder.mkdir()
    for suffix, plain in written(reportcheck.review_pack(MONTHLY), folder).items():
        assert "分管领导" not in plain.text, suffix
