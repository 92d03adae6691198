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
