"""Harvested outcomes as a file of actuals: the CSV `diff` and `report` read as it is."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportcheck.model.numbers import format_decimal
from reportcheck.output.csvcells import to_csv

if TYPE_CHECKING:
    from collections.abc import Iterable

    from reportcheck.registry.harvest import Outcome

#: The columns of an actuals file an outcome fills; `note` says 预计 for an estimate.
COLUMNS = ("id", "period", "value", "unit", "source", "note")


def outcomes_csv(outcomes: Iterable[Outcome]) -> str:
    """One row per outcome: a deliverable's value is 是 or 否, a figure published as a bound
    is written as one (>2700), which the actuals reader reads back as a bound."""
    return to_csv(COLUMNS, (_row(o) for o in outcomes))


def _row(outcome: Outcome) -> tuple[object, ...]:
    value: object = outcome.value
    if isinstance(outcome.value, bool):
        value = "是" if outcome.value else "否"
    elif outcome.bound is not None:
        value = outcome.bound + format_decimal(outcome.value)
    return (outcome.id, str(outcome.period), value, outcome.unit, outcome.source, outcome.note)
