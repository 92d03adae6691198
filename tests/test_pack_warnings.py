"""The pack carries the warnings `diff` gives about the figures: a 数据提示 block in every format
and a mark on each row whose figures a warning doubts."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import msgspec
import pytest

import reportcheck
from reportcheck.output.pack.paragraphs import MAX_WARNINGS, warning_lines
from reportcheck.output.pack.tabular import attachment_table

from .conftest import Run
from .packs import written

Cli = Callable[..., Run]
#: 615000 typed in 万元 for 亿元: 5467 times what is due by September (completion 410000%).
FIGURES = (
    "id,period,value\n"
    "manufacturing_loans,2023-09,615000\n"
    "fai_growth,2023-09,8.1\n"
    "graduates,2023-09,-2\n"  # a negative count
)


@pytest.fixture
def actuals(tmp_path: Path) -> Path:
    path = tmp_path / "actuals.csv"
    path.write_text(FIGURES, encoding="utf-8")
    return path


def diff_warnings(cli: Cli, actuals: Path, lang: str) -> list[str]:
    """The warnings `diff` prints on stderr, without the program's name and the severity."""
    result = cli("diff", str(actuals), "--lang", lang)
    prefix = "reportcheck: 警告: " if lang == "zh" else "reportcheck: warning: "
    lines = [line for line in result.stderr.splitlines() if line.startswith(prefix)]
    return [line.removeprefix(prefix) for line in lines]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_format_lists_the_warnings_diff_gives(
    cli: Cli, actuals: Path, tmp_path: Path, lang: str
) -> None:
    said = diff_warnings(cli, actuals, lang)
    assert len(said) == 2
    assert any("[unit-suspect]" in line for line in said)
    assert any("[negative-count]" in line for line in said)
    pack = reportcheck.review_pack(actuals)
    assert warning_lines(pack, lang) == said
    heading = "数据提示" if lang == "zh" else "Data warnings"
    for suffix, shown in written(pack, tmp_path, lang).items():
        for line in said:
            assert line in shown.text, (suffix, line)
        if suffix != "csv":  # one table: each row carries its own, in a column
            assert any(heading in line for line in shown.lines), suffix


def test_each_doubted_row_is_marked_in_every_format(actuals: Path, tmp_path: Path) -> None:
    pack = reportcheck.review_pack(actuals)
    doubted = {row.target.id for row in pack.rows if row.doubts}
    assert doubted == {"manufacturing_loans", "graduates"}
    names = {"manufacturing_loans": "新增制造业中长期贷款", "fai_growth": "固定资产投资增速"}
    for suffix, shown in written(pack, tmp_path).items():
        for target_id, name in names.items():
            key = name if suffix == "docx" else target_id
            rows = [r for r in shown.rows_with(key) if "状态" in r]
            assert rows, (suffix, target_id)
            marked = {"数据存疑" in r["状态"] for r in rows}
            assert marked == {target_id in doubted}, (suffix, target_id, rows)
    table = attachment_table(pack, "zh")
    cells = {row[1]: dict(zip(table.header, row, strict=True)) for row in table.rows}
    assert "[unit-suspect]" in str(cells["manufacturing_loans"]["数据提示"])
    assert cells["fai_growth"]["数据提示"] == ""


def test_a_pack_without_warnings_has_no_block_and_no_mark(tmp_path: Path) -> None:
    path = tmp_path / "actuals.csv"
    path.write_text("id,period,value\nfai_growth,2023-09,8.1\n", encoding="utf-8")
    pack = reportcheck.review_pack(path)
    assert pack.warnings == ()
    for suffix, shown in written(pack, tmp_path).items():
        assert "数据存疑" not in shown.text, suffix
        assert not any(line.endswith("数据提示") for line in shown.lines), suffix


def test_the_block_lists_a_hundred_and_counts_the_rest(actuals: Path) -> None:
    pack = reportcheck.review_pack(actuals)
    many = msgspec.structs.replace(pack, warnings=pack.warnings * 60)
    lines = warning_lines(many, "zh")
    assert len(lines) == MAX_WARNINGS + 1
    assert lines[-1] == f"另有{len(pack.warnings) * 60 - MAX_WARNINGS}条提示未列出。"
    assert warning_lines(many, "en")[-1] == "20 more warnings are not listed."


def test_a_filtered_pack_lists_only_the_warnings_of_its_commitments(
    actuals: Path, tmp_path: Path
) -> None:
    units = tmp_path / "units.csv"
    units.write_text(
        "id,责任单位\nmanufacturing_loans,市金融办\ngraduates,市人社局\n", encoding="utf-8"
    )
    pack = reportcheck.review_pack(actuals, units=units, lead="市人社局")
    (line,) = warning_lines(pack, "zh")
    assert "[negative-count]" in line
