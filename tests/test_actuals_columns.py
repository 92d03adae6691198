"""Columns that travel with a figure: reason (推进情况 / 存在问题 / 下一步), rank (全省排位) and
level (总量, in level_unit), read onto the Actual; the template's reason column."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from reportcheck.actuals import read_actuals
from reportcheck.model.periods import Period
from reportcheck.model.problems import ActualsError
from reportcheck.registry.records import Registry

from .conftest import Run

Cli = Callable[..., Run]
Write = Callable[..., Path]
JUNE = Period(2023, 6)


def test_reason_rank_and_level_are_read_onto_the_figure(write: Write, registry: Registry) -> None:
    path = write(
        "id,period,value,reason,rank,level,level_unit\n"
        'gdp_growth,2023-06,5.7,服务业回升,4,"1,867.9",亿元\n'
        "graduates,2023-06,4.2,,,,\n"
    )
    gdp, graduates = read_actuals([path], registry).actuals
    assert (gdp.reason, gdp.rank, gdp.level, gdp.level_unit) == (
        "服务业回升",
        4,
        Decimal("1867.9"),
        "亿元",
    )
    assert (graduates.reason, graduates.rank, graduates.level, graduates.level_unit) == (
        "",
        None,
        None,
        "",
    )


def test_an_offices_chinese_headers_are_the_same_columns(write: Write, registry: Registry) -> None:
    path = write(
        "id,period,value,推进情况,存在问题,下一步,全省排位,总量,总量单位\n"
        "gdp_growth,2023-06,5.7,稳步推进,投资偏弱,加快项目,第4位,1867.9,亿元\n"
        "graduates,2023-06,4.2,,招引滞后,,,,\n"
    )
    gdp, graduates = read_actuals([path], registry).actuals
    assert gdp.reason == "推进情况:稳步推进;存在问题:投资偏弱;下一步:加快项目"
    assert (gdp.rank, gdp.level, gdp.level_unit) == (4, Decimal("1867.9"), "亿元")
    assert graduates.reason == "存在问题:招引滞后"


def test_one_chinese_reason_column_is_the_reason_as_written(
    write: Write, registry: Registry
) -> None:
    path = write("id,period,value,推进情况\ngdp_growth,2023-06,5.7, 按计划推进 \n")
    (gdp,) = read_actuals([path], registry).actuals
    assert gdp.reason == "按计划推进"


def test_a_reason_without_a_value_travels_too(write: Write, registry: Registry) -> None:
    path = write(
        "id,period,value,reason\ngdp_growth,2023-06,5.7,\nenergy_saving,2023-06,,年底考核\n"
    )
    data = read_actuals([path], registry)
    assert data.reasons() == {("energy_saving", JUNE): "年底考核"}


@pytest.mark.parametrize(
    ("row", "code", "column"),
    [
        ("gdp_growth,2023-06,5.7,四,,", "bad-rank", "rank"),
        ("gdp_growth,2023-06,5.7,0,,", "bad-rank", "rank"),
        ("gdp_growth,2023-06,5.7,4.5,,", "bad-rank", "rank"),
        ("gdp_growth,2023-06,5.7,,x,", "not-a-number", "level"),
        ("gdp_growth,2023-06,5.7,,12%,", "not-a-number", "level"),
    ],
)
def test_a_rank_or_level_that_cannot_be_read_is_refused_in_its_column(
    write: Write, registry: Registry, row: str, code: str, column: str
) -> None:
    path = write(f"id,period,value,rank,level,level_unit\n{row}\n")
    with pytest.raises(ActualsError) as caught:
        read_actuals([path], registry)
    assert [(p.code, p.line, p.column) for p in caught.value.problems] == [(code, 2, column)]


@pytest.mark.parametrize("text", ["4", "第4", "第4位", "第4名", "4位", "４"])
def test_a_rank_as_offices_write_it(write: Write, registry: Registry, text: str) -> None:
    path = write(f"id,period,value,rank\ngdp_growth,2023-06,5.7,{text}\n")
    (gdp,) = read_actuals([path], registry).actuals
    assert gdp.rank == 4


def test_two_headers_of_one_column_are_refused(write: Write, registry: Registry) -> None:
    path = write("id,period,value,rank,全省排位\ngdp_growth,2023-06,5.7,4,4\n")
    with pytest.raises(ActualsError) as caught:
        read_actuals([path], registry)
    assert [(p.code, p.column) for p in caught.value.problems] == [("duplicate-column", "rank")]


def test_the_columns_travel_from_a_workbook(tmp_path: Path, registry: Registry) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "period", "value", "推进情况", "全省排位", "总量", "总量单位"])
    sheet.append(["gdp_growth", "2023-06", 5.7, "稳步推进", 4, 1867.9, "亿元"])
    path = tmp_path / "a.xlsx"
    book.save(path)
    (gdp,) = read_actuals([path], registry).actuals
    assert (gdp.reason, gdp.rank, gdp.level, gdp.level_unit) == (
        "稳步推进",
        4,
        Decimal("1867.9"),
        "亿元",
    )


def test_a_formula_without_value_in_a_reason_cell_is_refused(
    tmp_path: Path, registry: Registry
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "period", "value", "推进情况"])
    sheet.append(["gdp_growth", "2023-06", 5.7, '=CONCAT("a","b")'])
    path = tmp_path / "f.xlsx"
    book.save(path)
    with pytest.raises(ActualsError) as caught:
        read_actuals([path], registry)
    assert [p.code for p in caught.value.problems] == ["formula-without-value"]


def test_the_reader_keeps_each_rows_reason(write: Write, registry: Registry) -> None:
    path = write(
        "id,period,value,推进情况,存在问题\n"
        "gdp_growth,2023-06,5.7,稳步推进,\n"
        "graduates,2023/6/30,4.2,,招引滞后\n"
    )
    data = read_actuals([path], registry)
    assert data.reasons() == {
        ("gdp_growth", JUNE): "推进情况:稳步推进",
        ("graduates", JUNE): "存在问题:招引滞后",
    }


# ── The template's reason column ───────────────────────────────────────────────────────────


def test_the_template_has_a_reason_column_in_csv_and_xlsx(cli: Cli, tmp_path: Path) -> None:
    csv_file, xlsx_file = tmp_path / "t.csv", tmp_path / "t.xlsx"
    for output in (csv_file, xlsx_file):
        assert cli("template", "--period", "2023-06", "-o", str(output)).exit_code == 0
    header = csv_file.read_text(encoding="utf-8-sig").splitlines()[0].split(",")
    assert header[-1] == "reason"
    sheet = load_workbook(xlsx_file).active
    assert sheet is not None
    assert [c.value for c in sheet[1]][-1] == "reason"


def test_a_reason_typed_into_a_template_travels_and_is_never_overwritten(
    cli: Cli, tmp_path: Path, registry: Registry
) -> None:
    output = tmp_path / "2023-06.csv"
    assert cli("template", "-o", str(output)).exit_code == 0
    rows = list(csv.reader(io.StringIO(output.read_text(encoding="utf-8-sig"))))
    assert rows[1][:2] == ["gdp_growth", "2023-06"]
    rows[1][2], rows[1][-1] = "5.7", "按计划推进"
    rows[2][-1] = "年中评估"  # a reason typed before its figure is known
    text = io.StringIO()
    csv.writer(text).writerows(rows)
    output.write_text(text.getvalue(), encoding="utf-8-sig")
    refused = cli("template", "-o", str(output))
    assert refused.exit_code == 2
    assert "already holds 2 typed values" in refused.stderr
    data = read_actuals([output], registry)
    assert data.reasons() == {("gdp_growth", JUNE): "按计划推进", (rows[2][0], JUNE): "年中评估"}
