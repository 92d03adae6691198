"""Tables fit the terminal: ids and numbers whole, wording wrapped or left out, never a sliver."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from reportcheck.layout import Column, extra_width, fit

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]

REPORT_COLUMNS = [
    Column("id"),
    Column("name", weight=2, minimum=8),
    Column("wording", weight=4, minimum=16, optional=True),
    Column("actual"),
    Column("required"),
    Column("gap"),
    Column("status"),
]


def cells(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def test_everything_at_natural_width_when_it_fits() -> None:
    natural = [31, 30, 80, 6, 6, 6, 8]
    assert fit(REPORT_COLUMNS, natural, 200) == natural


def test_wrapping_columns_share_by_weight_and_fixed_ones_stay_whole() -> None:
    natural = [31, 30, 80, 5, 5, 6, 8]
    widths = fit(REPORT_COLUMNS, natural, 140)
    room = 140 - extra_width(7) - 31 - 24
    assert widths == [31, room // 3, room - room // 3, 5, 5, 6, 8]


def test_a_column_needing_less_than_its_share_gives_the_rest_away() -> None:
    natural = [31, 12, 80, 5, 5, 6, 8]
    widths = fit(REPORT_COLUMNS, natural, 140)
    assert widths[1:3] == [12, 140 - extra_width(7) - 31 - 24 - 12]


def test_the_optional_column_is_left_out_before_the_name_becomes_a_sliver() -> None:
    natural = [31, 30, 80, 5, 5, 6, 8]
    widths = fit(REPORT_COLUMNS, natural, 80)
    assert widths[2] is None
    assert widths[1] == 80 - extra_width(6) - 31 - 24


@given(natural=st.lists(st.integers(1, 120), min_size=7, max_size=7), width=st.integers(60, 300))
def test_fitted_widths_keep_their_promises(natural: list[int], width: int) -> None:
    natural[0] = min(natural[0], 31)
    for i in (3, 4, 5, 6):
        natural[i] = min(natural[i], 8)
    widths = fit(REPORT_COLUMNS, natural, width)
    kept = [i for i, w in enumerate(widths) if w is not None]
    fixed = sum(natural[i] for i in (0, 3, 4, 5, 6))
    assert [i for i in range(7) if i not in kept] in ([], [2])
    for i in kept:
        column, chosen = REPORT_COLUMNS[i], widths[i]
        assert chosen is not None
        if column.weight:
            assert min(column.minimum, natural[i]) <= chosen <= max(natural[i], column.minimum)
        else:
            assert chosen == natural[i]
    total = sum(w for w in widths if w is not None) + extra_width(len(kept))
    if fixed + min(8, natural[1]) + extra_width(6) <= width:  # room for the essentials
        assert total <= width
    if sum(natural) + extra_width(7) <= width:
        assert widths == natural


def test_the_diff_table_fits_an_80_column_terminal(cli: Cli) -> None:
    run = cli("diff", str(EXAMPLES / "illustrative-2023-06.csv"), env={"COLUMNS": "80"})
    lines = run.stdout.splitlines()
    assert max(cells(line) for line in lines) <= 80
    assert "报告原文" not in run.stdout
    assert any(line.split()[:1] == ["manufacturing_investment_growth"] for line in lines)


def test_the_diff_table_shows_the_wording_when_there_is_room(cli: Cli) -> None:
    run = cli("diff", str(EXAMPLES / "illustrative-2023-06.csv"), env={"COLUMNS": "160"})
    assert max(cells(line) for line in run.stdout.splitlines()) <= 160
    assert "报告原文" in run.stdout
    assert "地区生产总值增长6%左右" in run.stdout


def test_text_from_files_is_printed_as_written_not_as_markup(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text(
        "id,period,value,source\ngraduates,2023-06,5,[/b] 统计局 [red]月报\n", encoding="utf-8"
    )
    run = cli("show", "graduates", "--actuals", str(path))
    assert run.exit_code == 0
    assert "[/b] 统计局 [red]月报" in run.stdout
