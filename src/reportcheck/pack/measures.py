"""完成率, 序时进度, how far behind, what is still due: the one place that reads pacing.

Everything the review pack says about progress comes from `measure`. It reads only the fields
a Result keeps (actual, required, expected, status, period) and the target's kind; where the
registry states a number it reads it defensively. When the registry gains explicit pacing,
direction and due dates, this function is what to re-point.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from reportcheck.model import Kind, Status

if TYPE_CHECKING:
    from reportcheck.evaluate import Result

_HUNDRED = Decimal(100)
_PLACES = Decimal("0.0001")
#: Wordings where less is better: a cap or a rank gets no 完成率.
_DOWNWARD = frozenset({"at_most", "rank_within", "below_baseline"})


@dataclass(frozen=True)
class Measures:
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


def measure(result: Result) -> Measures:
    """The progress figures of one result: the only place the pack derives them."""
    target = result.target
    period = result.period
    month = period.month if period is not None else None
    actual = result.actual if isinstance(result.actual, Decimal) else None
    due = not (target.kind is Kind.YESNO and (period is None or not period.is_full_year))
    annual = _annual(result)
    completion = pace = per_month = None
    if annual is not None and annual != 0 and _has_completion(result):
        if actual is not None:
            completion = _q(actual / annual * _HUNDRED)
        if result.expected is not None:
            pace = _q(result.expected / annual * _HUNDRED)
        elif month is not None and target.kind is Kind.CUMULATIVE:
            pace = _q(Decimal(month) / 12 * _HUNDRED)
        cumulative = target.kind is Kind.CUMULATIVE
        if cumulative and actual is not None and month is not None and month < 12:
            per_month = _q(max(annual - actual, Decimal(0)) / (12 - month))
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


def _annual(result: Result) -> Decimal | None:
    """The year's number where the registry states one (not for ranges or relative wordings)."""
    value = getattr(result.target, "value", None)
    return value if isinstance(value, Decimal) else None


def _has_completion(result: Result) -> bool:
    """完成率 means something for cumulative flows and levels, never for caps or ranks."""
    target = result.target
    if target.kind not in (Kind.CUMULATIVE, Kind.STOCK):
        return False
    direction = getattr(target, "direction", None)
    if direction is not None:
        return str(getattr(direction, "value", direction)) != "down"
    comparator = getattr(target, "comparator", None)
    return str(getattr(comparator, "value", comparator)) not in _DOWNWARD


def _q(value: Decimal) -> Decimal:
    return value.quantize(_PLACES).normalize() if value != value.quantize(_PLACES) else value
