"""Where a doubt about a figure starts: a unit slip at exactly a thousand times, a zero count,
figures typed out of order, and warnings listed in the order of the files and their lines."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import Run

Cli = Callable[..., Run]
Write = Callable[..., Path]
HEAD = "id,period,value\n"


def _warnings(cli: Cli, *args: str) -> list[dict[str, object]]:
    warnings = json.loads(cli(*args, "-f", "json").stdout)["warnings"]
    assert isinstance(warnings, list)
    return warnings


def _where(warnings: list[dict[str, object]]) -> list[tuple[object, ...]]:
    return [(Path(str(w["file"])).name, w["line"], w["code"]) for w in warnings]


# ── 为企业减负200亿元: 100 亿元 is required by June; a value in 万元 or 元 is far off ─────────


def test_a_figure_exactly_a_thousand_times_the_requirement_is_doubted(
    cli: Cli, write: Write
) -> None:
    path = write(HEAD + "tax_relief,2023-06,100000\n")
    [warning] = _warnings(cli, "diff", str(path))
    assert (warning["code"], warning["line"], warning["value"]) == ("unit-suspect", 2, "100000")
    assert warning["params"] == {
        "id": "tax_relief",
        "required": "100",
        "unit": "亿元",
        "times": "1000",
    }
    assert warning["message"] == (
        "tax_relief is 100000 against 100 亿元 required, 1000 times as much; "
        "was it typed in another unit (元 for 万元)?"
    )


def test_a_figure_just_under_a_thousand_times_the_requirement_is_believed(
    cli: Cli, write: Write
) -> None:
    path = write(HEAD + "tax_relief,2023-06,99999\n")
    assert _warnings(cli, "diff", str(path)) == []


def test_a_figure_exactly_a_thousandth_of_the_requirement_is_doubted(
    cli: Cli, write: Write
) -> None:
    path = write(HEAD + "tax_relief,2023-06,0.1\n")
    [warning] = _warnings(cli, "diff", str(path))
    assert (warning["code"], warning["value"]) == ("unit-suspect", "0.1")
    assert warning["message"] == (
        "tax_relief is 0.1 against 100 亿元 required, 1000 times as little; "
        "was it typed in another unit (元 for 万元)?"
    )


def test_a_figure_just_over_a_thousandth_of_the_requirement_is_believed(
    cli: Cli, write: Write
) -> None:
    path = write(HEAD + "tax_relief,2023-06,0.1001\n")
    assert _warnings(cli, "diff", str(path)) == []


@pytest.mark.parametrize(
    ("value", "times"),
    [
        ("0.03", "3333"),  # 100 / 0.03 = 3333.3…, said in whole times
        ("0.0125", "8000"),
        ("0.000125", "800000"),
    ],
)
def test_how_many_times_too_little_a_figure_is_said_in_whole_times(
    cli: Cli, write: Write, value: str, times: str
) -> None:
    path = write(HEAD + f"tax_relief,2023-06,{value}\n")
    [warning] = _warnings(cli, "diff", str(path))
    assert warning["params"] == {
        "id": "tax_relief",
        "required": "100",
        "unit": "亿元",
        "times": times,
    }


def test_how_many_times_too_much_is_said_in_chinese_too(cli: Cli, write: Write) -> None:
    path = write(HEAD + "tax_relief,2023-06,1250000\n")  # typed in 万元
    result = cli("diff", str(path), env={"LANG": "zh_CN.UTF-8"})
    assert result.stderr == (
        f"reportcheck: 警告: {path}:2: value 列: tax_relief 为 1250000,应达 100 亿元,"
        "约为其 12500 倍;是否按其他单位填写(如元与万元)?请核对 [unit-suspect]\n"
    )


# ── counts and year-to-date totals ──────────────────────────────────────────────────────────


def test_no_new_listed_company_yet_is_not_a_negative_count(cli: Cli, write: Write) -> None:
    path = write(HEAD + "new_listed_companies,2023-06,0\nnew_listed_companies,2023-05,0\n")
    assert _warnings(cli, "diff", str(path)) == []


def test_a_negative_number_of_projects_under_way_is_doubted(cli: Cli, write: Write) -> None:
    path = write(HEAD + "major_projects,2023-06,-3\n")
    [warning] = _warnings(cli, "diff", str(path))
    assert (warning["code"], warning["line"]) == ("negative-count", 2)
    assert warning["message"] == "major_projects is -3 个, a negative count; check the sign"


def test_figures_typed_out_of_order_are_compared_month_by_month(cli: Cli, write: Write) -> None:
    # June typed above May: June's 3.4 万人 still falls from May's 5.4.
    path = write(HEAD + "graduates,2023-06,3.4\ngraduates,2023-05,5.4\n")
    [warning] = _warnings(cli, "diff", str(path))
    assert (warning["code"], warning["line"], warning["value"]) == ("cumulative-fell", 2, "3.4")
    assert warning["params"] == {
        "id": "graduates",
        "period": "2023-06",
        "earlier": "5.4",
        "earlier_period": "2023-05",
        "earlier_where": f"{path}:3",
    }


def test_a_total_that_rose_is_believed_whatever_order_it_was_typed_in(
    cli: Cli, write: Write
) -> None:
    path = write(HEAD + "graduates,2023-06,5.4\ngraduates,2023-04,2.1\ngraduates,2023-05,3.4\n")
    assert _warnings(cli, "diff", str(path)) == []


def test_a_total_is_compared_with_the_month_just_before_it(cli: Cli, write: Write) -> None:
    # April 2.1, May 5.4, June 3.4: June fell from May, though not from April.
    path = write(HEAD + "graduates,2023-05,5.4\ngraduates,2023-06,3.4\ngraduates,2023-04,2.1\n")
    [warning] = _warnings(cli, "diff", str(path))
    assert warning["params"] == {
        "id": "graduates",
        "period": "2023-06",
        "earlier": "5.4",
        "earlier_period": "2023-05",
        "earlier_where": f"{path}:2",
    }


# ── the order of the warnings ───────────────────────────────────────────────────────────────


def test_warnings_of_one_file_come_in_the_order_of_its_lines(cli: Cli, write: Write) -> None:
    path = write(
        HEAD + "fai_growth,2023-06,150\ngraduates,2023-05,5.4\ngraduates,2023-06,3.4\n"
        "new_listed_companies,2023-06,-1\n"
    )
    assert _where(_warnings(cli, "diff", str(path))) == [
        ("actuals.csv", 2, "rate-beyond-100"),
        ("actuals.csv", 4, "cumulative-fell"),
        ("actuals.csv", 5, "negative-count"),
    ]


def test_warnings_of_one_line_come_in_the_order_of_their_codes(cli: Cli, write: Write) -> None:
    path = write(HEAD + "tax_relief,2023-05,50\ntax_relief,2023-06,0.05\n")
    assert _where(_warnings(cli, "diff", str(path))) == [
        ("actuals.csv", 3, "cumulative-fell"),
        ("actuals.csv", 3, "unit-suspect"),
    ]


def test_warnings_of_a_folder_come_file_by_file(cli: Cli, tmp_path: Path) -> None:
    # May's file doubts its third line, June's its second: May's comes first.
    (tmp_path / "2023-05.csv").write_text(
        HEAD + "graduates,2023-05,5.4\nnew_listed_companies,2023-05,-1\n", encoding="utf-8"
    )
    (tmp_path / "2023-06.csv").write_text(HEAD + "graduates,2023-06,3.4\n", encoding="utf-8")
    assert _where(_warnings(cli, "status", "--actuals", str(tmp_path))) == [
        ("2023-05.csv", 3, "negative-count"),
        ("2023-06.csv", 2, "cumulative-fell"),
    ]
