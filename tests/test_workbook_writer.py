"""The workbook writer: what a cell, a merged range, a width and a printed page's header become in
the file, read back as a spreadsheet program reads them (openpyxl)."""

from __future__ import annotations

import warnings
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from reportcheck.model.problems import OutputError
from reportcheck.output.workbook import (
    MAX_CELL_TEXT,
    MAX_PAGE_HEADER,
    PLAIN,
    Style,
    Workbook,
    page_header,
    sheet_name,
)

from .conftest import Run
from .packs import column_widths

#: A character outside the Basic Multilingual Plane (CJK Extension B): two UTF-16 units.
WIDE = "\U00020000"


def _read(book: Workbook, tmp_path: Path) -> Any:
    path = tmp_path / "book.xlsx"
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # the writer says nothing on stderr
        path.write_bytes(book.to_bytes())
    return load_workbook(path)


def test_text_is_text_whatever_it_begins_with(tmp_path: Path) -> None:
    book = Workbook()
    texts = ["=1+1", "{=SUM(A1:A2)}", "http://example.cn", "12", "-3.5%", "@SUM(A1)", "2023-06"]
    book.add("表").append(texts)
    cells = list(_read(book, tmp_path)["表"][1])
    assert [c.value for c in cells] == texts
    assert {c.data_type for c in cells} == {"s"}


def test_numbers_are_numbers_with_their_sign_and_digits(tmp_path: Path) -> None:
    book = Workbook()
    book.add("表").append([Decimal("0.1"), Decimal("-12345678901234.5"), -7, True, None, ""])
    cells = list(_read(book, tmp_path)["表"][1])
    assert [c.value for c in cells[:4]] == [0.1, -12345678901234.5, -7, True]
    assert [c.data_type for c in cells[:4]] == ["n", "n", "n", "b"]


def test_characters_xml_cannot_carry_are_spelled_out(tmp_path: Path) -> None:
    book = Workbook()
    book.add("表").append(["a\x1bb", "c\x00d"])
    assert [c.value for c in _read(book, tmp_path)["表"][1]] == ["a\\x1bb", "c\\x00d"]


def test_a_merged_range_shows_its_first_cell_in_its_style(tmp_path: Path) -> None:
    title = Style(bold=True, size=14, border="000000", fill="C6EFCE", horizontal="center")
    book = Workbook()
    sheet = book.add("表")
    sheet.append(["=标题", "under the merge", "", ""], title)
    sheet.merge(1, 1, 4)
    sheet.append(["a", "b", "c", "d"])
    read = _read(book, tmp_path)["表"]
    assert [str(r) for r in read.merged_cells.ranges] == ["A1:D1"]
    assert read["A1"].value == "=标题"
    assert read["A1"].data_type == "s"
    assert read["A1"].font.b
    assert read["A1"].font.sz == 14
    assert read["A1"].alignment.horizontal == "center"
    assert read["A1"].fill.fgColor.rgb[-6:] == "C6EFCE"
    assert read["B1"].value is None  # a merged range shows one value
    assert read["D1"].border.right.style == "thin"  # its edge drawn as its first cell's
    assert [c.value for c in read[2]] == ["a", "b", "c", "d"]


def test_styles_reach_the_cells(tmp_path: Path) -> None:
    styles = [
        Style(colour="C00000", wrap=True, vertical="top"),
        Style(number_format="0.0%", vertical="center", horizontal="right"),
        Style(border="808080", vertical="bottom", size=9),
    ]
    book = Workbook()
    sheet = book.add("表")
    for column, style in enumerate(styles, start=1):
        sheet.put(1, column, Decimal("0.25"), style)
    sheet.put(1, 4, None, styles[2])  # an empty cell keeps its border
    a, b, c, d = _read(book, tmp_path)["表"][1]
    assert (a.font.color.rgb[-6:], a.alignment.wrap_text, a.alignment.vertical) == (
        "C00000",
        True,
        "top",
    )
    assert (b.number_format, b.alignment.vertical, b.alignment.horizontal) == (
        "0.0%",
        "center",
        "right",
    )
    assert (c.border.top.style, c.border.top.color.rgb[-6:], c.font.sz) == ("thin", "808080", 9)
    assert d.value is None
    assert d.border.bottom.style == "thin"


def test_widths_heights_panes_filter_and_printing_reach_the_sheet(tmp_path: Path) -> None:
    book = Workbook()
    book.title = "湖州市2023年"
    sheet = book.add("附件")
    for row in range(1, 6):
        sheet.append([f"r{row}", row, row * 2])
    sheet.widths = {1: 5.4, 2: 21.6, 3: 10.26}
    sheet.heights = {2: 30.5}
    sheet.freeze = "B2"
    sheet.filter = (1, 1, 5, 3)
    sheet.title_rows = (1, 2)
    sheet.landscape = True
    read_book = _read(book, tmp_path)
    read = read_book["附件"]
    widths = column_widths(read)
    # Each width as the file stores it, to the pixel (7 to a digit of the default font).
    assert widths.keys() == {1, 2, 3}
    for column, width in sheet.widths.items():
        assert abs(widths[column] - width) <= 0.5 / 7
    # A height to the pixel too (0.75 pt at 96 dpi), as Excel keeps it.
    assert abs(read.row_dimensions[2].height - 30.5) <= 0.75 / 2
    assert read.freeze_panes == "B2"
    assert read.auto_filter.ref == "A1:C5"
    assert read.print_title_rows == "$1:$2"
    assert read.page_setup.orientation == "landscape"
    assert str(read.page_setup.paperSize) == read.PAPERSIZE_A4
    assert read.page_setup.fitToWidth in (None, 1)  # 1, the file format's default, may go unsaid
    assert read.page_setup.fitToHeight == 0
    assert read.sheet_properties.pageSetUpPr.fitToPage
    assert read_book.properties.title == "湖州市2023年"
    assert read_book.properties.creator == "reportcheck"


def test_a_sheet_without_layout_has_none(tmp_path: Path) -> None:
    book = Workbook()
    book.add("表").append(["a"])
    read = _read(book, tmp_path)["表"]
    assert read.freeze_panes is None
    assert read.auto_filter.ref is None
    assert read.print_title_rows is None
    assert read.page_setup.orientation != "landscape"
    assert read.oddHeader.center.text is None


@pytest.mark.parametrize(
    ("text", "coded"),
    [
        ("（筛选：责任单位 市人社局）", "&C（筛选：责任单位 市人社局）"),
        ("R&D 中心", "&CR&&D 中心"),  # & starts a code; && is one &
        ("A&G", "&CA\uff06G"),  # &&G would be taken for a picture's code
        ("&[Picture]", "&C\uff06[Picture]"),
        ("a\x1bb", "&Ca\\x1bb"),
    ],
)
def test_a_page_header_is_the_text_in_the_codes_of_a_header(text: str, coded: str) -> None:
    assert page_header(text) == coded


@pytest.mark.parametrize("text", ["长" * 300, "&" * 200, WIDE * 200, "a" * 253 + WIDE])
def test_a_page_header_beyond_excels_limit_is_cut_and_says_so(text: str) -> None:
    coded = page_header(text)
    assert len(coded.encode("utf-16-le")) // 2 <= MAX_PAGE_HEADER
    assert coded.endswith("…")
    shown = coded.removeprefix("&C").removesuffix("…").replace("&&", "&")
    assert text.startswith(shown)
    assert len(shown) >= min(len(text), MAX_PAGE_HEADER // 2) - 3  # cut no shorter than it must
    assert page_header(text[: len(shown)]) == coded.removesuffix("…")


def test_a_page_header_of_exactly_the_limit_is_whole() -> None:
    text = "a" * (MAX_PAGE_HEADER - 2)
    assert page_header(text) == "&C" + text


def test_the_page_header_is_printed_on_the_page(tmp_path: Path) -> None:
    book = Workbook()
    sheet = book.add("表")
    sheet.append(["a"])
    sheet.header = "R&D&G"
    read = _read(book, tmp_path)["表"]
    assert read.oddHeader.center.text == "R\uff06D\uff06G"


def test_a_cell_of_the_most_text_excel_holds_is_written_whole(tmp_path: Path) -> None:
    book = Workbook()
    book.add("表").append(["x" * MAX_CELL_TEXT, WIDE * (MAX_CELL_TEXT // 2)])
    a, b = _read(book, tmp_path)["表"][1]
    assert a.value == "x" * MAX_CELL_TEXT
    assert b.value == WIDE * (MAX_CELL_TEXT // 2)


@pytest.mark.parametrize(
    ("text", "chars"),
    # counted as Excel counts them: a character beyond the BMP is two
    [("x" * (MAX_CELL_TEXT + 1), MAX_CELL_TEXT + 1), (WIDE * 16384, 32768)],
)
def test_a_text_longer_than_a_cell_holds_is_refused_not_cut(text: str, chars: int) -> None:
    book = Workbook()
    sheet = book.add("附件2")
    sheet.append(["序号"])
    sheet.put(3, 2, text, PLAIN)
    with pytest.raises(OutputError) as raised:
        book.to_bytes()
    (found,) = raised.value.problems
    assert found.code == "workbook-cell-too-long"
    assert found.params == {"sheet": "附件2", "cell": "B3", "chars": chars, "limit": MAX_CELL_TEXT}


def test_a_pack_whose_reason_is_longer_than_a_cell_is_not_written(
    cli_zh: Any, tmp_path: Path
) -> None:
    """Reasons typed in five columns join into one 推进情况: beyond what a cell holds, the
    workbook is refused (exit 2, one line) and nothing is written; the Word 通报 takes it."""
    said = WIDE * 4000  # the most one cell of actuals holds, two units a character
    actuals = tmp_path / "2023-06.csv"
    actuals.write_text(
        "id,period,value,推进情况,存在问题,下一步,原因,reason\n"
        f"graduates,2023-06,1,{said},{said},{said},{said},{said}\n",
        encoding="utf-8",
    )
    out = tmp_path / "通报.xlsx"
    run: Run = cli_zh("report", "--actuals", str(actuals), "-o", str(out))
    assert run.exit_code == 2
    assert run.stdout == ""
    (line,) = run.stderr.strip().splitlines()
    assert "[workbook-cell-too-long]" in line
    assert "32767" in line
    assert "Traceback" not in run.stderr
    assert not out.exists()
    word = tmp_path / "通报.docx"
    assert cli_zh("report", "--actuals", str(actuals), "-o", str(word)).exit_code == 0
    assert word.exists()


@pytest.mark.parametrize(
    ("name", "taken", "sheet"),
    [
        ("汇总", [], "汇总"),
        ("市人社局:人才办", [], "市人社局 人才办"),
        ("a[b]c*d?e/f\\g", [], "a b c d e f g"),
        ("'市发改委'", [], "市发改委"),  # Excel refuses ' at either end
        ("History", [], "History (2)"),  # Excel's own
        ("HISTORY", [], "HISTORY (2)"),
        ("汇总", ["汇总"], "汇总 (2)"),
        ("ab", ["AB", "ab (2)"], "ab (3)"),  # Excel compares names ignoring case
        ("长" * 40, [], "长" * 31),
        ("长" * 40, ["长" * 31], "长" * 27 + " (2)"),
        (WIDE * 20, [], WIDE * 15),  # 31 UTF-16 units
        ("a'" + "b" * 40, [], "a'" + "b" * 29),
        ("???", [], "Sheet1"),
        ("a\x1bb", [], "a\\x1bb"),
    ],
)
def test_a_sheet_name_is_one_excel_accepts(name: str, taken: list[str], sheet: str) -> None:
    assert sheet_name(name, taken) == sheet


def test_sheets_named_alike_or_as_excel_refuses_are_all_written(tmp_path: Path) -> None:
    book = Workbook()
    for name in ["'History'", "history", "A/B", "a b", "x" * 40, "x" * 35]:
        book.add(name).append([name])
    read = _read(book, tmp_path)
    assert read.sheetnames == [
        "History (2)",
        "history (3)",
        "A B",
        "a b (2)",
        "x" * 31,
        "x" * 27 + " (2)",
    ]
    assert [s["A1"].value for s in read.worksheets][:2] == ["'History'", "history"]


def test_a_unit_whose_name_no_sheet_may_have_gets_its_workbook(cli_zh: Any, tmp_path: Path) -> None:
    """Each unit's workbook has one sheet named after the unit, made a name Excel accepts."""
    units = tmp_path / "责任分解.csv"
    units.write_text(
        "id,责任单位\ngdp_growth,'History'\ngraduates,\U00020000" + "长" * 40 + "\n",
        encoding="utf-8",
    )
    out = tmp_path / "分发"
    run: Run = cli_zh("template", "--units", str(units), "--by-unit", "-o", str(out))
    assert run.exit_code == 0, run.stderr
    names = {
        path.name: load_workbook(path).sheetnames
        for path in out.iterdir()
        if "History" in path.name or "长" in path.name
    }
    assert sorted(names.values()) == [["History (2)"], [WIDE + "长" * 29]]
