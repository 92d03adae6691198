"""Figures that are valid but look wrong: warnings for the person who typed them, never verdicts.

A year-to-date total that falls from one month to the next, a negative count, a rate beyond
±100%, or a value a thousand times off what is required (12600 typed in 元 for a target of 1.3
万元) are worth a second look. They are reported beside the results; no status changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from itertools import pairwise
from operator import attrgetter
from typing import TYPE_CHECKING

from reportcheck.model.numbers import format_decimal
from reportcheck.model.problems import Param, Problem, problem
from reportcheck.registry.records import Kind

if TYPE_CHECKING:
    from reportcheck.actuals import Actual, ActualsSet
    from reportcheck.registry.records import Registry
    from reportcheck.review.evaluate import Result

#: A value this many times larger or smaller than what is required suggests a unit slip.
UNIT_SLIP = Decimal(1000)
_NOT_COUNTS = frozenset({"%", "个百分点", "倍", "位"})


def plausibility(
    registry: Registry, actuals: ActualsSet, results: Iterable[Result] = ()
) -> list[Problem]:
    """Warnings about implausible figures, in file order, one per figure and kind of doubt."""
    warnings: list[Problem] = []
    by_id: dict[str, list[Actual]] = {}
    for actual in actuals.actuals:
        if isinstance(actual.value, Decimal) and not isinstance(actual.value, bool):
            by_id.setdefault(actual.id, []).append(actual)
    for target_id, figures in by_id.items():
        target = registry.get(target_id)
        if target is None:
            continue
        for actual in figures:
            value = actual.value
            assert isinstance(value, Decimal)
            if target.unit == "%" and abs(value) > 100:
                warnings.append(_warn("rate-beyond-100", actual, id=target_id))
            if (
                value < 0
                and target.kind in (Kind.CUMULATIVE, Kind.STOCK)
                and target.unit not in _NOT_COUNTS
            ):
                warnings.append(_warn("negative-count", actual, id=target_id, unit=target.unit))
        if target.kind is Kind.CUMULATIVE:
            warnings += _falling(target_id, figures)
    for result in results:
        slip = _unit_slip(result)
        if slip is not None:
            warnings.append(slip)
    return sorted(warnings, key=lambda p: (p.file or "", p.line or 0, p.code))


def _falling(target_id: str, figures: list[Actual]) -> list[Problem]:
    dated = sorted((a for a in figures if a.period is not None), key=attrgetter("period"))
    found = []
    for earlier, later in pairwise(dated):
        assert isinstance(earlier.value, Decimal)
        assert isinstance(later.value, Decimal)
        if later.value < earlier.value:
            found.append(
                _warn(
                    "cumulative-fell",
                    later,
                    id=target_id,
                    period=str(later.period),
                    earlier=format_decimal(earlier.value),
                    earlier_period=str(earlier.period),
                    earlier_where=earlier.where or "",
                )
            )
    return found


def _unit_slip(result: Result) -> Problem | None:
    actual, required = result.actual, result.required
    if (
        not isinstance(actual, Decimal)
        or isinstance(actual, bool)
        or not required
        or not actual
        or result.target.unit in _NOT_COUNTS
        or result.where is None
    ):
        return None
    ratio = abs(actual / required)
    if UNIT_SLIP > ratio > 1 / UNIT_SLIP:
        return None
    much = ratio >= UNIT_SLIP
    times = format_decimal((ratio if much else 1 / ratio).to_integral_value())
    file, _, line = result.where.rpartition(":")
    return problem(
        "unit-suspect",
        "much" if much else "little",
        file=file,
        line=int(line) if line.isdigit() else None,
        column="value",
        value=format_decimal(actual),
        severity="warning",
        id=result.target.id,
        required=format_decimal(required),
        unit=result.target.unit,
        times=times,
    )


def _warn(code: str, actual: Actual, **params: Param) -> Problem:
    value = actual.value
    shown = format_decimal(value) if isinstance(value, Decimal) else str(value)
    return problem(
        code,
        file=actual.file,
        line=actual.line,
        column="value",
        value=shown,
        severity="warning",
        params=params,
    )
