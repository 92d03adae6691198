"""Figures worked out from a target are printed to the target's precision in every view."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from openpyxl import load_workbook

import reportcheck
from reportcheck.output.pack.html import pack_html
from reportcheck.output.pack.markdown import pack_markdown
from reportcheck.output.pack.tabular import attachment_table
from reportcheck.review.progress import in_precision

from .conftest import EXAMPLES, Run
from .rulebook import build, entry

Cli = Callable[..., Run]
#: Four places or more after the point: what exact division leaves (433.3333, 66.6667).
LEFTOVER = re.compile(r"(?<![\d.])-?\d+\.\d{4,}(?!\d)")


@pytest.fixture
def may(tmp_path: Path) -> Path:
    """May figures of 200 亿元 and 1000 家 flows: 5/12 of each is due (83.3333, 416.6667)."""
    path = tmp_path / "2023-05.csv"
    path.write_text(
        "id,period,value\ntax_relief,2023-05,80\nsmall_modern_firms,2023-05,150\n"
        "livelihood_share_of_new_revenue,2023-05,68\n",
        encoding="utf-8",
    )
    return path


def test_the_pack_prints_what_is_due_to_the_targets_precision(may: Path) -> None:
    pack = reportcheck.review_pack(may)
    table = attachment_table(pack, "zh")
    rows = {row[1]: dict(zip(table.header, row, strict=True)) for row in table.rows}
    assert rows["tax_relief"]["应达"] == Decimal("83.3")
    assert rows["small_modern_firms"]["应达"] == Decimal("416.7")
    assert rows["livelihood_share_of_new_revenue"]["年度目标"] == Decimal("66.7")
    assert rows["livelihood_share_of_new_revenue"]["差距"] == Decimal("1.3")
    for text in (pack_html(pack, "zh"), pack_markdown(pack, "zh"), pack_markdown(pack, "en")):
        assert LEFTOVER.findall(text) == []
    assert "80,低于要求 83.3 亿元,差 3.3" in pack_markdown(pack, "zh")


def test_word_and_excel_have_no_leftover_places(cli: Cli, may: Path, tmp_path: Path) -> None:
    notice, workbook = tmp_path / "通报.docx", tmp_path / "review.xlsx"
    for output in (notice, workbook):
        assert cli("report", "--actuals", str(may), "-o", str(output)).exit_code == 0
    document = docx.Document(str(notice))
    texts = [p.text for p in document.paragraphs]
    texts += [c.text for t in document.tables for r in t.rows for c in r.cells]
    assert [t for t in texts if LEFTOVER.search(t)] == []
    book = load_workbook(workbook)
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, float):
                    assert Decimal(str(cell.value)) == Decimal(str(cell.value)).quantize(
                        Decimal("0.01")
                    ), (sheet.title, cell.coordinate, cell.value)
                elif isinstance(cell.value, str):
                    assert not LEFTOVER.search(cell.value), (sheet.title, cell.coordinate)


def test_two_thirds_is_printed_to_one_place_in_the_status_the_basis_and_the_chart() -> None:
    pack = reportcheck.review_pack(EXAMPLES / "illustrative-2023.csv")
    page = pack_html(pack, "zh")
    assert LEFTOVER.findall(page) == []
    assert "已完成 (超额 1.3)" in page
    assert "68,高于要求 66.7%,超额 1.3" in page
    assert ">66.7</text>" in page  # the chart's axis


@pytest.mark.parametrize(
    ("value", "figure", "shown"),
    [
        (Decimal("83.3333"), None, Decimal("83.3")),
        (Decimal("6"), None, Decimal("6")),  # no more places: as it is, not 6.0
        (Decimal("116.6667"), Decimal("116.67"), Decimal("116.67")),  # the figure's places
        (Decimal("0.0033"), Decimal("116.67"), Decimal("0.0033")),  # below the places shown
        (Decimal("-6.7E-11"), None, Decimal("-6.7E-11")),
    ],
)
def test_in_precision(value: Decimal, figure: Decimal | None, shown: Decimal) -> None:
    target = build(entry("为企业减负200亿元以上", "at_least", value=200, unit="亿元")).targets[0]
    assert in_precision(value, target, figure) == shown
    third = build(entry("确保新增财力的三分之二以上用于民生", "at_least", value="200/3"))
    assert in_precision(Decimal("66.6667"), third.targets[0]) == Decimal("66.7")


# ── 年度目标, with a figure or without ──────────────────────────────────────────────────────


@pytest.fixture
def june(tmp_path: Path) -> Path:
    """June figures for two commitments; 为企业减负, the income ratio and the rest have none."""
    path = tmp_path / "2023-06.csv"
    path.write_text("id,period,value\ngraduates,2023-06,4.5\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("target_id", "annual"),
    [
        ("tax_relief", "200"),  # 为企业减负200亿元以上: the number the wording names
        ("income_ratio", "1.61"),  # 进一步缩小: below the baseline, to the baseline's places
        ("emerging_chains_revenue_share", "33.6"),  # 提高1.5个百分点: the baseline 32.1 + 1.5
        ("livelihood_share_of_new_revenue", "66.7"),  # 三分之二
        ("graduates", "9"),  # with a figure, as before
    ],
)
def test_the_annual_target_shows_in_every_format_with_a_figure_or_without(
    june: Path, tmp_path: Path, target_id: str, annual: str
) -> None:
    from .packs import written

    pack = reportcheck.review_pack(june, "2023-06")
    row = next(r for r in pack.rows if r.target.id == target_id)
    assert (row.result.actual is None) is (target_id != "graduates")
    table = attachment_table(pack, "zh")
    cells = dict(zip(table.header, table.rows[row.number - 1], strict=True))
    assert cells["年度目标"] == Decimal(annual)
    name = row.target.name("zh")
    for suffix, shown in written(pack, tmp_path).items():
        key = "编号" if suffix in ("csv", "md") else None
        rows = shown.rows_with(target_id) if key or suffix == "html" else shown.rows_with(name)
        annuals = {r["年度目标"] for r in rows if "年度目标" in r}
        assert annuals, (suffix, rows)
        assert {Decimal(a.replace(",", "")) for a in annuals} == {Decimal(annual)}, suffix
    frame = pack.to_frame().set_index("id")
    assert frame.loc[target_id, "annual"] == pytest.approx(float(annual), abs=0.05)  # exact


def test_a_relative_target_has_no_annual_figure_before_the_other_quantity_gives_one(
    june: Path,
) -> None:
    pack = reportcheck.review_pack(june, "2023-06")
    table = attachment_table(pack, "zh")
    rows = {row[1]: dict(zip(table.header, row, strict=True)) for row in table.rows}
    assert rows["budget_revenue_growth"]["年度目标"] is None  # 与经济增长基本同步
    assert rows["energy_saving"]["年度目标"] is None  # a yes/no deliverable


def test_the_annual_target_of_a_baseline_rule_keeps_the_baselines_places(tmp_path: Path) -> None:
    # The 2022 full-year ratio 1.61 is what the year's figure is held to: 1.61, never 1.6.
    path = tmp_path / "2023.csv"
    path.write_text("id,period,value\nincome_ratio,2023,1.66\n", encoding="utf-8")
    pack = reportcheck.review_pack(path)
    table = attachment_table(pack, "zh")
    (cells,) = (
        dict(zip(table.header, r, strict=True)) for r in table.rows if r[1] == "income_ratio"
    )
    assert (cells["年度目标"], cells["应达"]) == (Decimal("1.61"), Decimal("1.61"))
    target = next(r.target for r in pack.rows if r.target.id == "income_ratio")
    assert in_precision(Decimal("1.6149"), target) == Decimal("1.61")
