"""Nothing typed is lost: `report --force` over a pack someone filled in keeps what they typed,
or refuses, naming each row it could not keep."""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]
MONTHLY = str(EXAMPLES / "monthly")
REASON = "推进情况/原因"


def _report(cli: Cli, output: Path, *extra: str) -> Run:
    return cli("report", "--actuals", MONTHLY, "-o", str(output), *extra)


def _cell(path: Path, sheet: str, name: str, column: str = REASON) -> tuple[int, int]:
    """Row and column of a commitment's cell: by 指标 in a 附件, by 编号 in 数据."""
    rows = list(load_workbook(path)[sheet].iter_rows(values_only=True))
    at = next(i for i, row in enumerate(rows) if column in row)
    key = "编号" if "编号" in rows[at] else "指标"
    number = next(i for i, row in enumerate(rows) if i > at and row[rows[at].index(key)] == name)
    return number + 1, rows[at].index(column) + 1


def _type(path: Path, sheet: str, name: str, text: str) -> None:
    book = load_workbook(path)
    row, column = _cell(path, sheet, name)
    book[sheet].cell(row, column).value = text
    book.save(path)


def _read(path: Path, sheet: str, name: str) -> object:
    row, column = _cell(path, sheet, name)
    return load_workbook(path)[sheet].cell(row, column).value


def test_text_typed_into_the_annex_and_the_data_sheet_is_kept(cli_zh: Cli, tmp_path: Path) -> None:
    pack = tmp_path / "review.xlsx"
    assert _report(cli_zh, pack).exit_code == 0
    _type(pack, "附件2", "为企业减负", "已拨付资金120亿元")
    _type(pack, "数据", "income_growth", "数据表里手填")
    # beside a reason the figures give: the typed part follows it
    loans = str(_read(pack, "附件2", "新增制造业中长期贷款"))
    _type(pack, "附件2", "新增制造业中长期贷款", loans + ";处里补充")
    for _ in range(2):  # as often as it is run again: kept once
        again = _report(cli_zh, pack, "--force")
        assert again.exit_code == 0, again.stderr
        assert f"保留了 {pack} 中 3 项手工填写的推进情况" in again.stderr
    assert _read(pack, "附件2", "为企业减负") == "已拨付资金120亿元"
    assert _read(pack, "数据", "tax_relief") == "已拨付资金120亿元"
    assert _read(pack, "附件1", "全体居民人均可支配收入增速") == "数据表里手填"
    assert _read(pack, "附件2", "新增制造业中长期贷款") == loans + ";处里补充"


def test_a_run_over_an_untouched_pack_keeps_nothing_and_says_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    pack = tmp_path / "review.xlsx"
    assert _report(cli, pack).exit_code == 0
    again = _report(cli, pack, "--force")
    assert again.exit_code == 0
    assert "kept" not in again.stderr


def test_text_typed_for_another_period_is_refused_naming_its_rows(
    cli_zh: Cli, tmp_path: Path
) -> None:
    pack = tmp_path / "review.xlsx"
    assert _report(cli_zh, pack).exit_code == 0
    _type(pack, "附件2", "为企业减负", "已拨付资金120亿元")
    before = pack.read_bytes()
    result = _report(cli_zh, pack, "--force", "--period", "2023-05")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[0] == (
        f"reportcheck: 错误: {pack} [附件2]:6: 推进情况/原因 列: tax_relief 的推进情况是为 2023-06 "
        f"手工填写的,新的通报材料期间不同,写入 {pack} 会丢失这段文字;请把本期材料写到新文件,"
        "或把文字填入实际数据的 reason(推进情况)列 [typed-text]"
    )
    assert pack.read_bytes() == before


def test_typed_text_refused_on_two_sheets_of_one_workbook_is_counted_in_one_file(
    cli_zh: Cli, tmp_path: Path
) -> None:
    pack = tmp_path / "review.xlsx"
    assert _report(cli_zh, pack).exit_code == 0
    _type(pack, "附件2", "为企业减负", "已拨付资金120亿元")
    _type(pack, "附件1", "地区生产总值增速", "一季度后回升")
    result = _report(cli_zh, pack, "--force", "--period", "2023-05")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == "reportcheck: 1 个文件中有 2 个错误;未写入任何文件"


def test_text_of_a_row_a_filtered_pack_leaves_out_is_refused(cli_zh: Cli, tmp_path: Path) -> None:
    units = tmp_path / "units.csv"
    units.write_text("id,责任单位\ngdp_growth,市发改委\n", encoding="utf-8")
    pack = tmp_path / "review.xlsx"
    assert _report(cli_zh, pack).exit_code == 0
    _type(pack, "附件2", "为企业减负", "已拨付资金120亿元")
    result = _report(cli_zh, pack, "--force", "--units", str(units), "--lead", "市发改委")
    assert result.exit_code == 2
    assert "tax_relief 的推进情况是手工填写的,但新的通报材料不含这一项(已筛选)" in result.stderr


def test_a_file_that_is_no_pack_is_not_replaced(cli: Cli, tmp_path: Path) -> None:
    other = tmp_path / "budget.xlsx"
    from reportcheck.output.workbook import Workbook

    book = Workbook()
    book.add("预算").append(["科目", "金额"])
    other.write_bytes(book.to_bytes())
    result = _report(cli, other, "--force")
    assert result.exit_code == 2
    assert "is no pack reportcheck wrote" in result.stderr
    assert load_workbook(other).sheetnames == ["预算"]


def test_the_csv_pack_opened_in_excel_keeps_its_typed_text(cli_zh: Cli, tmp_path: Path) -> None:
    pack = tmp_path / "review.csv"
    assert _report(cli_zh, pack).exit_code == 0
    with pack.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    rows[3][rows[0].index(REASON)] = "CSV里手填"
    with pack.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    assert _report(cli_zh, pack, "--force").exit_code == 0
    with pack.open(encoding="utf-8-sig", newline="") as handle:
        again = list(csv.reader(handle))
    assert again[3][again[0].index(REASON)] == "CSV里手填"


def test_a_word_notice_edited_since_it_was_written_is_not_replaced(
    cli: Cli, tmp_path: Path
) -> None:
    notice = tmp_path / "通报.docx"
    assert _report(cli, notice).exit_code == 0
    assert _report(cli, notice, "--force").exit_code == 0  # untouched: replaced
    document = docx.Document(str(notice))
    document.add_paragraph("主任批示:请各单位抓紧推进。")
    document.save(str(notice))
    before = notice.read_bytes()
    result = _report(cli, notice, "--force")
    assert result.exit_code == 2
    assert "was changed since reportcheck wrote it" in result.stderr
    assert notice.read_bytes() == before


@pytest.mark.parametrize("content", [b"", b"not a zip", b"PK\x03\x04broken"])
def test_a_word_file_reportcheck_did_not_write_is_not_replaced(
    cli: Cli, tmp_path: Path, content: bytes
) -> None:
    notice = tmp_path / "通报.docx"
    notice.write_bytes(content)
    result = _report(cli, notice, "--force")
    assert result.exit_code == 2
    assert "[typed-text]" in result.stderr
    assert notice.read_bytes() == content


def test_two_rows_of_one_wording_keep_their_own_text(cli_zh: Cli, tmp_path: Path) -> None:
    """附件3 names a deliverable by its wording; two stations share one sentence, and the rows
    come in the registry's order."""
    pack = tmp_path / "review.xlsx"
    assert _report(cli_zh, pack).exit_code == 0
    book = load_workbook(pack)
    sheet = book["附件3"]
    rows = list(sheet.iter_rows(values_only=True))
    header = rows[2]
    wording = "基本完成南浔站和湖州东站站房主体工程"
    second = [i for i, row in enumerate(rows) if row[1] == wording][1]
    sheet.cell(second + 1, header.index(REASON) + 1).value = "东站主体结构封顶"
    book.save(pack)
    assert _report(cli_zh, pack, "--force").exit_code == 0
    assert _read(pack, "数据", "huzhou_east_station_building") == "东站主体结构封顶"
    assert _read(pack, "数据", "nanxun_station_building") in (None, "")
