"""Judging each commitment against the actual figures: the heart of reportcheck.

Nothing here prints and nothing here makes sentences: a Result carries a reason code and the
numbers, and `explain` turns them into Chinese or English at the edge.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.periods import Period
from reportcheck.registry.records import EnteredAs, Kind, Pacing, Registry, Target, section_matches
from reportcheck.review.pacing import frame_for, share_due
from reportcheck.review.status import Status
from reportcheck.rules import Check, Comparator, Direction, to_decimal

if TYPE_CHECKING:
    from reportcheck.actuals import Actual, ActualsSet, Value
    from reportcheck.model.problems import Problem

FAILING_EXIT = 1
PASSING_EXIT = 0
_HUNDRED = Fraction(100)
_SCALED = (Pacing.LINEAR, Pacing.PATH, Pacing.MILESTONES)


class Result(msgspec.Struct, frozen=True):
    """One commitment judged at one period.

    `required` is what the rule held the figure to at that period (the target itself, a baseline
    plus points, another quantity, or the part of an annual figure due by now); `expected` is set
    where pacing applies; `gap` is the judged figure minus required, in the target's unit.
    `code` says why (see `explain`); `excess` is how far past the requirement a figure went in
    the good direction; `completion` is 完成率 in percent of the annual figure (cumulative and
    level targets); `pace_points` is how many percentage points ahead (+) or behind (−) 序时进度.
    `judged` is the figure judged when it differs from the one typed (a fall entered as −16).
    """

    target: Target
    status: Status
    period: Period | None
    actual: Value | None = None
    required: Decimal | None = None
    expected: Decimal | None = None
    gap: Decimal | None = None
    other: Decimal | None = None
    code: str = ""
    source: str = ""
    note: str = ""
    where: str | None = None
    excess: Decimal | None = None
    tolerance: Decimal | None = None
    completion: Decimal | None = None
    pace_points: Decimal | None = None
    judged: Decimal | None = None
    baseline: Decimal | None = None
    other_period: Period | None = None
    notes: tuple[str, ...] = ()

    def reason(self, lang: str) -> str:
        from reportcheck.output.explain import reason

        return reason(self, lang)

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


class Report(msgspec.Struct, frozen=True):
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


class Figures:
    """Every figure that has a value, by id and period (the reader has refused conflicts)."""

    def __init__(self, actuals: Iterable[Actual]) -> None:
        self.by_key: dict[tuple[str, Period], Actual] = {}
        self.by_id: dict[str, list[Actual]] = {}
        for actual in actuals:
            if actual.period is None or actual.value is None:
                continue
            self.by_key[(actual.id, actual.period)] = actual
            self.by_id.setdefault(actual.id, []).append(actual)
        for rows in self.by_id.values():
            rows.sort(key=lambda a: a.period or Period(0, 0))

    def at(self, target_id: str, period: Period) -> Actual | None:
        return self.by_key.get((target_id, period))

    def latest_release(self, target_id: str, period: Period) -> Actual | None:
        """The other quantity's latest figure of the same year at or before `period`
        (a quarterly GDP growth figure for a monthly revenue figure)."""
        found = [
            a
            for a in self.by_id.get(target_id, [])
            if a.period is not None and a.period.year == period.year and a.period <= period
        ]
        return found[-1] if found else None


def evaluate(registry: Registry, actuals: ActualsSet, as_of: Period | None = None) -> Report:
    """Judge every commitment on its latest figure at or before `as_of` (default: the latest)."""
    as_of = as_of or latest_period(actuals)
    figures = Figures(actuals.actuals)
    rows: dict[str, list[Actual]] = {}
    for actual in actuals.actuals:
        rows.setdefault(actual.id, []).append(actual)
    results = tuple(
        _judge_latest(t, rows.get(t.id, []), figures, as_of, registry) for t in registry.commitments
    )
    return Report(registry, as_of, results, actuals.warnings)


def judge_each_period(target: Target, actuals: ActualsSet, registry: Registry) -> list[Result]:
    """The commitment judged at every period that has a figure for it, oldest first."""
    figures = Figures(actuals.actuals)
    return [judge(target, a, figures, registry) for a in figures.by_id.get(target.id, [])]


def _judge_latest(
    target: Target,
    rows: list[Actual],
    figures: Figures,
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
        return judge(target, latest, figures, registry)
    if any(a.value is not None for a in rows) and as_of is not None:
        return Result(target, Status.NO_DATA, as_of, code="nothing-before")
    empty = [a for a in rows if a.value is None]
    if empty:
        return Result(target, Status.NO_DATA, as_of, code="left-empty", where=empty[0].where)
    not_due = as_of is not None and as_of < target.due and target.pacing is Pacing.AT_DUE
    return Result(target, Status.NO_DATA, as_of, code="not-due-no-figure" if not_due else "no-row")


def judge(target: Target, actual: Actual, figures: Figures, registry: Registry) -> Result:
    """Judge one figure by the target's rule and pacing."""
    period = actual.period
    rule = target.rule
    assert period is not None
    assert actual.value is not None
    assert rule is not None
    base = Result(
        target,
        Status.NO_DATA,
        period,
        actual.value,
        source=actual.source,
        note=actual.note,
        where=actual.where,
    )
    figure, notes = _figure(target, actual.value)
    frame = frame_for(target, period, registry.meta.year)
    if frame is None:
        return msgspec.structs.replace(
            base, status=Status.NOT_DUE, code="before-first-milestone", notes=notes
        )
    baseline: Fraction | None = None
    if rule.needs_baseline:
        baseline, note = _baseline(target, period, figures)
        if baseline is None:
            return msgspec.structs.replace(base, code="no-baseline", notes=notes)
        notes += (note,)
        frame = msgspec.structs.replace(frame, baseline=baseline)
    other_period = None
    if rule.other is not None:
        other = figures.latest_release(rule.other, period)
        if other is None or not isinstance(other.value, Decimal):
            return msgspec.structs.replace(base, code="no-other", notes=notes)
        other_period = other.period
        frame = msgspec.structs.replace(frame, other=Fraction(other.value))
    check = rule.judge(figure, frame)
    status = _status(target, period, check)
    completion, pace_points = _progress(target, period, figure, registry.meta.year)
    paced = not frame.final and target.pacing in _SCALED
    return msgspec.structs.replace(
        base,
        status=status,
        code=check.reason,
        required=_dec(check.required),
        expected=_dec(check.required) if paced else None,
        gap=_dec(check.gap),
        excess=_dec(check.excess),
        tolerance=_dec(check.tolerance),
        completion=completion,
        pace_points=pace_points,
        other=_dec(frame.other),
        other_period=other_period,
        baseline=_dec(baseline),
        judged=None if isinstance(actual.value, bool) or figure == actual.value else _dec(figure),
        notes=tuple(n for n in notes if n),
    )


def _figure(target: Target, value: Value) -> tuple[Fraction, tuple[str, ...]]:
    """The figure as the rule reads it: 1/0 for yes/no; a fall's size for 下降/压减 targets."""
    if isinstance(value, bool):
        return Fraction(int(value)), ()
    figure = Fraction(value)
    if target.entered_as is EnteredAs.CHANGE:
        return -figure, ("sign-from-change",)
    if target.entered_as is EnteredAs.MAGNITUDE and figure < 0:
        return -figure, ("sign-converted",)
    return figure, ()


def _baseline(target: Target, period: Period, figures: Figures) -> tuple[Fraction | None, str]:
    """A same-period figure a year earlier when supplied, else the full-year baseline."""
    baseline = target.baseline
    assert baseline is not None
    if baseline.same_period is not None:
        earlier = figures.at(baseline.same_period, period)
        if earlier is not None and isinstance(earlier.value, Decimal):
            return Fraction(earlier.value), "same-period-baseline"
    if baseline.value is None:
        return None, ""
    seasonal = not period.is_full_year and baseline.same_period is not None
    return Fraction(baseline.value), "full-year-baseline" if seasonal else ""


def _status(target: Target, period: Period, check: Check) -> Status:
    if period >= target.due:
        return Status.MET if check.passed else Status.MISSED
    if target.pacing is Pacing.AT_DUE:
        # Not done yet is not behind; done already (or a flow already past its target) is met.
        lasting = target.comparator is Comparator.DONE or target.kind is Kind.CUMULATIVE
        return Status.MET if check.passed and lasting else Status.NOT_DUE
    return Status.ON_TRACK if check.passed else Status.BEHIND


def _progress(
    target: Target, period: Period, figure: Fraction, report_year: int
) -> tuple[Decimal | None, Decimal | None]:
    """完成率 (percent of the annual figure) for cumulative and level targets, and the points
    ahead of (+) or behind (−) 序时进度 where the target is paced; None where they mean nothing
    (rates, caps, yes/no)."""
    rule = target.rule
    assert rule is not None
    threshold = rule.threshold
    levels = target.kind in (Kind.CUMULATIVE, Kind.STOCK)
    if not (levels and threshold and rule.paceable and rule.direction is Direction.UP):
        return None, None
    completion = figure / threshold
    share = share_due(target, period, report_year)
    points = None if share is None else to_decimal((completion - share) * _HUNDRED, 6)
    return to_decimal(completion * _HUNDRED, 6), points


def _dec(value: Fraction | None) -> Decimal | None:
    return to_decimal(value) if value is not None else None
