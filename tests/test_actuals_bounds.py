"""Figures published as a bound (突破2700, 90以上, ≤5) are read as bounds; a plain figure stays
exact; a sign that cannot be read without guessing is refused."""

from __future__ import annotations

import csv
import io
import shutil
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from reportcheck.actuals import read_actuals
from reportcheck.actuals.cells import split_bound
from reportcheck.model.problems import ActualsError
from reportcheck.output.catalogue import message
from reportcheck.registry.load import load_registry
from reportcheck.registry.records import Registry
from reportcheck.registry.shipped import default_registry_path

Write = Callable[..., Path]


@pytest.mark.parametrize(
    ("cell", "bound", "figure"),
    [
        ("90以上", ">=", "90"),
        (">=90", ">=", "90"),
        ("≥90", ">=", "90"),
        ("＞90", ">", "90"),
        ("超过90", ">", "90"),
        ("突破90", ">", "90"),
        ("90+", ">=", "90"),
        (">90", ">", "90"),
        ("<=5", "<=", "5"),
        ("≤5", "<=", "5"),
        ("5以内", "<=", "5"),
        ("5以下", "<=", "5"),
        ("<5", "<", "5"),
        ("≥ 90%", ">=", "90%"),
        ("90%以上", ">=", "90%"),
    ],
)
def test_each_way_of_writing_a_bound(cell: str, bound: str, figure: str) -> None:
    assert split_bound(cell) == (bound, figure)


@pytest.mark.parametrize("cell", ["5.7", "+1.2", "-3.9", "1,867.9", "以上", "+", "abc"])
def test_a_plain_cell_is_left_as_it_is(cell: str) -> None:
    assert split_bound(cell) == (None, cell)


def _read(write: Write, registry: Registry, rows: str) -> dict[str, tuple[object, object]]:
    path = write("id,period,value,unit\n" + rows)
    return {a.id: (a.value, a.bound) for a in read_actuals([path], registry).actuals}


def test_bounds_are_read_beside_exact_figures(write: Write, registry: Registry) -> None:
    read = _read(
        write,
        registry,
        "graduates,2023,9以上,\nloan_balance,2023,突破1,万亿元\nunemployment_rate,2023,≤5,\n"
        "gdp_growth,2023,5.8,\nfai_growth,2023,+1.2,\n",
    )
    assert read == {
        "graduates": (Decimal(9), ">="),
        "loan_balance": (Decimal(10000), ">"),  # converted, the bound kept
        "unemployment_rate": (Decimal(5), "<="),
        "gdp_growth": (Decimal("5.8"), None),
        "fai_growth": (Decimal("1.2"), None),
    }


def test_a_bound_is_judged_as_one(cli: Callable[..., object], write: Write) -> None:
    from tests.conftest import Run

    path = write("id,period,value,unit\nloan_balance,2023,>10000,\n")
    run = cli("diff", str(path), "-f", "json", "--id", "loan_balance")
    assert isinstance(run, Run)
    assert '"bound": ">"' in run.stdout
    assert '"status": "met"' in run.stdout


def _errors(write: Write, registry: Registry, row: str) -> list[tuple[str, str]]:
    with pytest.raises(ActualsError) as caught:
        read_actuals([write(f"id,period,value\n{row}\n")], registry)
    return [(p.key, message(p, "en")) for p in caught.value.problems]


def test_a_bound_on_a_yes_no_outcome_is_one_error(write: Write, registry: Registry) -> None:
    assert _errors(write, registry, "energy_saving,2023,>=1") == [
        (
            "bound-refused/yes-no",
            "'>=1' is a bound (such as ≥90), but energy_saving is a yes/no outcome; expected "
            "yes/no, 是/否 or 完成/未完成",
        )
    ]


def test_a_bound_on_a_cell_that_is_no_number_is_one_error(write: Write, registry: Registry) -> None:
    assert [key for key, _ in _errors(write, registry, "graduates,2023,>=abc")] == ["not-a-number"]


def test_an_explicit_plus_on_a_fall_typed_as_its_size_is_refused(
    write: Write, registry: Registry
) -> None:
    ((key, said),) = _errors(write, registry, "general_spending_cut,2023,+16")
    assert key == "explicit-plus"
    assert "general_spending_cut is entered as the size of its fall (entered_as: magnitude" in said
    assert _read(write, registry, "general_spending_cut,2023,16,\n") == {
        "general_spending_cut": (Decimal(16), None)
    }


def test_a_bound_on_a_negative_fall_is_refused(write: Write, registry: Registry) -> None:
    ((key, _),) = _errors(write, registry, "general_spending_cut,2023,<=-16")
    assert key == "bound-refused/signed"
    assert _read(write, registry, "general_spending_cut,2023,16以上,\n") == {
        "general_spending_cut": (Decimal(16), ">=")
    }


def test_a_bound_on_a_fall_typed_as_a_signed_change_is_refused(
    write: Write, tmp_path: Path
) -> None:
    shipped = default_registry_path().resolve()
    shutil.copytree(shipped.parent.parent / "seeds", tmp_path / "seeds")
    (tmp_path / "data").mkdir()
    copy = tmp_path / "data" / "targets.yaml"
    text = shipped.read_text(encoding="utf-8")
    copy.write_text(
        text.replace("    entered_as: magnitude\n", "    entered_as: change\n"), encoding="utf-8"
    )
    registry = load_registry(copy)
    ((key, said),) = _errors(write, registry, "general_spending_cut,2023,-16以上")
    assert key == "bound-refused/signed"
    assert "(entered_as: change)" in said
    assert _read(write, registry, "general_spending_cut,2023,+3,\n") == {
        "general_spending_cut": (Decimal(3), None)
    }


@pytest.mark.parametrize(
    ("row", "zh", "en"),
    [
        (
            "gdp_growth,2023,≥5.7",
            "≥ 5.7,低于 6%,差 至多 0.3,在容差 0.5 以内",
            "≥ 5.7, below 6% by at most 0.3, within the tolerance of 0.5",
        ),
        (
            "industrial_va_growth,2023,>=7.5",
            "≥ 7.5,高于要求 7%,超额 0.5 以上",
            "≥ 7.5, above the required 7%, exceeded by at least 0.5",
        ),
        (
            "graduates,2023,>10",
            "> 10,高于要求 9 万人,超额 逾 1",
            "> 10, above the required 9 10k people, exceeded by more than 1",
        ),
        ("graduates,2023,>9", "> 9,高于要求 9 万人", "> 9, above the required 9 10k people"),
        (
            "unemployment_rate,2023,<4",
            "< 4,低于上限 5%,优于要求 逾 1",
            "< 4, under the limit 5%, better by more than 1",
        ),
        (
            "unemployment_rate,2023,<=4.5",
            "≤ 4.5,低于上限 5%,优于要求 0.5 以上",
            "≤ 4.5, under the limit 5%, better by at least 0.5",
        ),
    ],
)
def test_what_is_worked_out_from_a_bound_is_said_as_a_bound(
    cli_zh: Callable[..., Any], cli_en: Callable[..., Any], write: Write, row: str, zh: str, en: str
) -> None:
    path = write(f"id,period,value\n{row}\n")
    target = row.split(",", maxsplit=1)[0]

    def reason(run: Callable[..., Any]) -> str:
        out = run("diff", str(path), "--id", target, "-f", "csv").stdout
        return str(next(csv.DictReader(io.StringIO(out)))["reason"])

    assert (reason(cli_zh), reason(cli_en)) == (zh, en)


@pytest.mark.parametrize(
    ("row", "zh", "en"), [("graduates,2023,>10", "超额 逾 1", "exceeded by more than 1")]
)
def test_the_excess_beside_a_bounds_status_is_a_bound_too(
    cli_zh: Callable[..., Any], cli_en: Callable[..., Any], write: Write, row: str, zh: str, en: str
) -> None:
    path = write(f"id,period,value\n{row}\n")
    assert f"({zh})" in cli_zh("diff", str(path), "--id", "graduates").stdout
    assert f"({en})" in cli_en("diff", str(path), "--id", "graduates").stdout
