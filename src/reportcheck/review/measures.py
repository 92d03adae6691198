"""完成率, 序时进度, how far behind, what is still due: the one place that reads pacing.

Everything the review pack says about progress comes from `measure`, which takes 完成率 and the
points against 序时进度 from the rule model's result, the due date and pacing from the registry
entry, and adds what only the pack shows: the required pace for the months left.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.registry.records import Kind, Pacing
from reportcheck.review.pacing import months_between
from reportcheck.review.status import Status

if TYPE_CHECKING:
    from reportcheck.review.evaluate import Result

_HUNDRED = Decimal(100)
_PLACES = Decimal("0.0001")


class Measures(msgspec.Struct, frozen=True):
    """Progress figures for one result; None where a figure does not apply."""

    annual: Decimal | None  # 年度目标 in the target's unit, where one number states it
    completion: Decimal | None  # 完成率: % of the annual target done (cumulative and levels)
    pace: Decimal | None  # 序时进度: % of the annual target expected by now
    behind: Decimal | None  # how far behind: points of 完成率 below 序时进度, else % short
    due: bool  # False: judged only when due (a yes/no deliverable before the year's end)
    per_month: Decimal | None  # what must still be done per remaining month (cumulative)

    @property
    def pace_gap(self) -> Decimal | None:
        """完成率 minus 序时进度, in percentage points (negative: behind pace)."""
        if self.completion is None or self.pace is None:
            return None
        return self.completion - self.pace


def measure(result: Result, report_year: int | None = None) -> Measures:
    """The progress figures of one result, as the rule model judged them."""
    target = result.target
    period = result.period
    actual = result.actual if isinstance(result.actual, Decimal) else None
    year = report_year if report_year is not None else target.due.year
    before_due = period is None or period < target.due
    due = not (target.pacing is Pacing.AT_DUE and before_due)
    annual = target.value
    if target.rule is not None and (target.rule.needs_baseline or target.other):
        # 提高1.5个百分点, 进一步缩小, 与经济增长同步: the wording's number is no level of the
        # figure; the level it was held to (baseline + 1.5, the other's growth) is.
        annual = result.required
    completion = pace = per_month = None
    if result.completion is not None:
        completion = _q(result.completion)
        if result.pace_points is not None:
            pace = _q(result.completion - result.pace_points)
    if (
        annual is not None
        and actual is not None
        and period is not None
        and target.kind is Kind.CUMULATIVE
        and before_due
    ):
        left = months_between(year, target.due) - months_between(year, period)
        if left > 0:
            per_month = _q(max(annual - actual, Decimal(0)) / left)
    behind: Decimal | None = None
    if result.status in (Status.BEHIND, Status.MISSED):
        if completion is not None and pace is not None:
            behind = max(pace - completion, Decimal(0))
        else:
            behind = _q(_shortfall(result) * _HUNDRED)
    return Measures(annual, completion, pace, behind, due, per_month)


def _shortfall(result: Result) -> Decimal:
    """How far short of the requirement, as a share of it (1: the whole of it, or unknown)."""
    if result.gap is None:
        return Decimal(1)
    if result.required:
        return abs(result.gap / result.required)
    return abs(result.gap)


def _q(value: Decimal) -> Decimal:
    return value.quantize(_PLACES).normalize() if value != value.quantize(_PLACES) else value
