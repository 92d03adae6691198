"""Judging each commitment against the actual figures: the heart of reportcheck.

Nothing here prints; the command line renders the Report and takes its exit code from it.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from reportcheck.model import (
    NEEDS_OTHER,
    Comparator,
    Kind,
    Registry,
    Status,
    Target,
    section_matches,
)
from reportcheck.numeric import format_decimal
from reportcheck.periods import Period

if TYPE_CHECKING:
    from reportcheck.actuals import Actual, ActualsSet, Value
    from reportcheck.errors import Problem

FAILING_EXIT = 1
PASSING_EXIT = 0
_PLACES = Decimal("0.0001")  # computed paces are kept to four decimals; inputs are never rounded


@dataclass(frozen=True)
class Result:
    """One commitment judged at one period.

    `required` is what the rule compares the actual with at that period (the target itself, a
    baseline plus points, another quantity, or the pro-rata share of an annual flow); `expected`
    is set where pacing applies; `gap` is actual minus required, in the target's unit.
    """

    target: Target
    status: Status
    period: Period | None
    actual: Value | None = None
    required: Decimal | None = None
    expected: Decimal | None = None
    gap: Decimal | None = None
    other: Decimal | None = None
    reason_zh: str = ""
    reason_en: str = ""
    source: str = ""
    note: str = ""
    where: str | None = None

    def reason(self, lang: str) -> str:
        return self.reason_en if lang == "en" else self.reason_zh

    @property
    def shortfall(self) -> Decimal | None:
        """How far short of the requirement, as a share of it (1 = the whole of it)."""
        if self.status not in (Status.BEHIND, Status.MISSED):
            return None
        if self.gap is None:
            return Decimal(1)
        if self.required:
            return abs(self.gap / self.required)
        return abs(self.gap)


@dataclass(frozen=True)
class Report:
    registry: Registry
    period: Period | None  # the period judged ("as of")
    results: tuple[Result, ...]
    warnings: tuple[Problem, ...] = ()

    def summary(self) -> dict[Status, int]:
        return count_statuses(self.results)

    def select(
        self,
        ids: Collection[str] = (),
        sections: Collection[str] = (),
        statuses: Collection[Status] = (),
    ) -> Report:
        kept = tuple(
            r
            for r in self.results
            if (not ids or r.target.id in ids)
            and (not sections or any(section_matches(r.target.section, s) for s in sections))
            and (not statuses or r.status in statuses)
        )
        return Report(self.registry, self.period, kept, self.warnings)


def count_statuses(results: Iterable[Result]) -> dict[Status, int]:
    counts = dict.fromkeys(Status, 0)
    for result in results:
        counts[result.status] += 1
    return counts


def exit_code(results: Iterable[Result], fail_on: Collection[Status]) -> int:
    """diff(1)-style: 1 when any result has a failing status, else 0."""
    return FAILING_EXIT if any(r.status in fail_on for r in results) else PASSING_EXIT


def latest_period(actuals: ActualsSet) -> Period | None:
    periods = actuals.periods()
    return periods[-1] if periods else None


def evaluate(registry: Registry, actuals: ActualsSet, as_of: Period | None = None) -> Report:
    """Judge every commitment on its latest figure at or before `as_of` (default: the latest)."""
    as_of = as_of or latest_period(actuals)
    index = _figures(actuals)
    by_id: dict[str, list[Actual]] = {}
    for actual in actuals.actuals:
        by_id.setdefault(actual.id, []).append(actual)
    results = tuple(
        _judge_latest(t, by_id.get(t.id, []), index, as_of, registry) for t in registry.commitments
    )
    return Report(registry, as_of, results, actuals.warnings)


def judge_each_period(target: Target, actuals: ActualsSet, registry: Registry) -> list[Result]:
    """The commitment judged at every period that has a figure for it, oldest first."""
    index = _figures(actuals)
    own = sorted(
        (a for a in index.values() if a.id == target.id), key=lambda a: a.period or Period(0, 0)
    )
    return [judge(target, a, index, registry) for a in own]


def _figures(actuals: ActualsSet) -> dict[tuple[str, Period], Actual]:
    """Every figure that has a value, by id and period (the reader has refused conflicts)."""
    return {
        (a.id, a.period): a for a in actuals.actuals if a.period is not None and a.value is not None
    }


def _judge_latest(
    target: Target,
    rows: list[Actual],
    index: dict[tuple[str, Period], Actual],
    as_of: Period | None,
    registry: Registry,
) -> Result:
    with_value = [
        a
        for a in rows
        if a.value is not None and a.period is not None and (as_of is None or a.period <= as_of)
    ]
    if with_value:
        latest = max(with_value, key=lambda a: a.period or Period(0, 0))
        return judge(target, latest, index, registry)
    empty = [a for a in rows if a.value is None]
    later = [a for a in rows if a.value is not None]
    if later and as_of is not None:
        return _no_data(target, as_of, f"{as_of}及以前没有数据", f"no figure on or before {as_of}")
    if empty:
        return _no_data(
            target, as_of, f"数值为空({empty[0].where})", f"value left empty ({empty[0].where})"
        )
    return _no_data(target, as_of, "实际数据中没有该指标", "no figure in the actuals")


def _no_data(target: Target, period: Period | None, zh: str, en: str) -> Result:
    return Result(target, Status.NO_DATA, period, reason_zh=zh, reason_en=en)


def judge(
    target: Target, actual: Actual, index: dict[tuple[str, Period], Actual], registry: Registry
) -> Result:
    """Judge one figure by the target's rule: met/missed at year end, on_track/behind before."""
    period = actual.period
    assert period is not None
    assert actual.value is not None
    passed_status, failed_status = (
        (Status.MET, Status.MISSED) if period.is_full_year else (Status.ON_TRACK, Status.BEHIND)
    )
    base = Result(
        target,
        Status.NO_DATA,
        period,
        actual.value,
        source=actual.source,
        note=actual.note,
        where=actual.where,
    )
    if target.comparator is Comparator.YES:
        ok = actual.value is True
        words = ("是", "yes") if ok else ("否", "no")
        return _with(base, passed_status if ok else failed_status, None, None, words)
    value = actual.value
    assert isinstance(value, Decimal)
    if target.comparator in NEEDS_OTHER:
        assert target.other is not None
        other = index.get((target.other, period))
        if other is None or not isinstance(other.value, Decimal):
            other_target = registry.get(target.other)
            name = other_target.name_zh if other_target else target.other
            return _no_data(
                target,
                period,
                f"缺少{period}的{name}({target.other})数据",
                f"no figure for {target.other} for {period} to compare with",
            )
        return _relative(base, target, value, other.value, passed_status, failed_status)
    assert target.comparator is not None
    required, expected, tolerance, strict = _requirement(target, period)
    gap = value - required
    ok = _passes(target.comparator, value, required, tolerance, strict)
    if tolerance is not None:
        rule = f"{_n(required)} ± {_n(tolerance)}"
    else:
        rule = f"{_SYMBOL[Comparator.MORE_THAN if strict else target.comparator]} {_n(required)}"
    if expected is not None and not period.is_full_year:
        rule += f" ({_n(target.value or Decimal(0))} × {period.month}/12)"
    words = (f"{_n(value)},要求 {rule}", f"{_n(value)}, required {rule}")
    return Result(
        target,
        passed_status if ok else failed_status,
        period,
        value,
        required,
        expected,
        gap.normalize(),
        None,
        words[0],
        words[1],
        actual.source,
        actual.note,
        actual.where,
    )


_SYMBOL = {
    Comparator.AT_LEAST: "≥",
    Comparator.MORE_THAN: ">",
    Comparator.AT_MOST: "≤",
    Comparator.RANK_WITHIN: "≤",
    Comparator.BELOW_BASELINE: "<",
    Comparator.RISE_BY: "≥",
}


def _requirement(
    target: Target, period: Period
) -> tuple[Decimal, Decimal | None, Decimal | None, bool]:
    """(required, expected, tolerance, strict) for the non-relative comparators."""
    comparator = target.comparator
    baseline = target.baseline.value if target.baseline else None
    strict = comparator in (Comparator.MORE_THAN, Comparator.BELOW_BASELINE)
    if comparator is Comparator.BELOW_BASELINE:
        assert baseline is not None
        return baseline, None, None, True
    if comparator is Comparator.ABOUT_BASELINE:
        assert baseline is not None
        return baseline, None, target.tolerance, False
    if comparator is Comparator.RISE_BY:
        assert baseline is not None
        assert target.value is not None
        return baseline + target.value, None, None, False
    assert target.value is not None
    share = Decimal(period.month) / 12
    tolerance = target.tolerance
    if target.kind is Kind.CUMULATIVE:
        required = _paced(target.value * share)
        tolerance = _paced(tolerance * share) if tolerance is not None else None
        # 序时进度 asks to be on pace: reaching the pro-rata share is on track even for 超过.
        return required, required, tolerance, strict and period.is_full_year
    if target.kind is Kind.STOCK and baseline is not None:
        required = _paced(baseline + (target.value - baseline) * share)
        return required, required, tolerance, strict and period.is_full_year
    return target.value, None, tolerance, strict


def _paced(value: Decimal) -> Decimal:
    return value.quantize(_PLACES).normalize() if value != value.quantize(_PLACES) else value


def _passes(
    comparator: Comparator | None,
    value: Decimal,
    required: Decimal,
    tolerance: Decimal | None,
    strict: bool,
) -> bool:
    if comparator in (Comparator.ABOUT, Comparator.ABOUT_BASELINE):
        assert tolerance is not None
        return abs(value - required) <= tolerance
    if comparator in (Comparator.AT_MOST, Comparator.RANK_WITHIN):
        return value <= required
    if comparator is Comparator.BELOW_BASELINE:
        return value < required
    return value > required if strict else value >= required


def _relative(
    base: Result,
    target: Target,
    value: Decimal,
    other: Decimal,
    passed_status: Status,
    failed_status: Status,
) -> Result:
    gap = (value - other).normalize()
    if target.comparator is Comparator.FASTER_THAN:
        ok = value > other
        words = (
            f"{_n(value)} {'>' if ok else '≤'} {target.other} {_n(other)}",
            f"{_n(value)} {'>' if ok else '≤'} {target.other} {_n(other)}",
        )
    else:
        assert target.tolerance is not None
        ok = abs(value - other) <= target.tolerance
        words = (
            f"{_n(value)} 与 {target.other} {_n(other)} 相差 {_n(abs(gap))},"
            f"容差 {_n(target.tolerance)}",
            f"{_n(value)} is {_n(abs(gap))} from {target.other} {_n(other)} "
            f"(tolerance {_n(target.tolerance)})",
        )
    return Result(
        target,
        passed_status if ok else failed_status,
        base.period,
        value,
        other,
        None,
        gap,
        other,
        words[0],
        words[1],
        base.source,
        base.note,
        base.where,
    )


def _with(
    base: Result,
    status: Status,
    required: Decimal | None,
    gap: Decimal | None,
    words: tuple[str, str],
) -> Result:
    return Result(
        base.target,
        status,
        base.period,
        base.actual,
        required,
        None,
        gap,
        None,
        words[0],
        words[1],
        base.source,
        base.note,
        base.where,
    )


def _n(value: Decimal) -> str:
    return format_decimal(value)
