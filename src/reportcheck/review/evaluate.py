"""Judging each commitment against the actual figures: the heart of reportcheck.

Nothing here prints and nothing here makes sentences: a Result carries a reason code and the
numbers, and `reportcheck.output.explain` turns them into Chinese or English at the edge.

Finality belongs to the judge. A verdict is final (kept or not kept for good) only on a figure
for the due period or later. A deliverable done or a year-to-date total already past its annual
target before then is met (已提前完成) but not final: the account waits for the due period's
figure, which the office reports at year end as for any other. A commitment compared with
another quantity is final only when that quantity's figure covers the due period too. Judged as
of its due period or later, a commitment whose latest figure is older has no final figure: it is
`no_data`, and the in-year reading of that figure travels with it for information.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from decimal import Decimal
from fractions import Fraction
from operator import attrgetter
from typing import TYPE_CHECKING

import msgspec

from reportcheck.registry.records import (
    EnteredAs,
    Kind,
    Pacing,
    Registry,
    Released,
    Target,
    section_matches,
)
from reportcheck.review.pacing import frame_for
from reportcheck.review.progress import NO_PROGRESS, Progress, measure
from reportcheck.review.status import FAILING, Status
from reportcheck.rules import Check, Comparator, Direction, Frame, to_decimal

if TYPE_CHECKING:
    from reportcheck.actuals import Actual, ActualsSet, Value
    from reportcheck.model.periods import Period
    from reportcheck.model.problems import Problem

FAILING_EXIT = 1
PASSING_EXIT = 0
_SCALED = (Pacing.LINEAR, Pacing.PATH, Pacing.MILESTONES)
#: How much larger than a published bound a figure is tried, to read "超过300" (open bounds).
_NUDGE = Fraction(1, 10**24)


class Result(msgspec.Struct, frozen=True, kw_only=True):
    """One commitment judged at one period.

    `period` is the period of the figure judged (the period judged, when there is none).
    `final`: the verdict holds for good (see the module's docstring). `required` is what the
    rule held the figure to (the target, a baseline plus points, another quantity, or the part
    of an annual figure due by now); `expected` is set where pacing scaled it; `gap` is the
    judged figure minus required, in the target's unit. `code` says why (see `explain`);
    `tolerated` marks a figure that passed only thanks to the tolerance (基本完成); `excess` is
    how far past the requirement a figure went in the good direction. `interim` is the in-year
    status of the latest figure of a commitment judged at its due period without a final
    figure (status no_data). `awaited` says why a commitment without a figure is not missing
    one: "at-due" (a deliverable, judged at its due date only) or "not-published" (a yearly
    figure before the year is out, a quarterly one before March); empty when a figure is
    missing.
    `judged` is the figure judged when it differs from the one typed (a fall entered as −16),
    `bound` the sign of a figure published as a bound (≥ 90). `rank` (全省排位) and `level`
    (总量 beside a growth rate, in `level_unit`) are what the office printed beside the figure;
    they are shown, never judged.
    """

    target: Target
    status: Status
    period: Period | None
    final: bool = False
    actual: Value | None = None
    bound: str | None = None
    required: Decimal | None = None
    expected: Decimal | None = None
    gap: Decimal | None = None
    other: Decimal | None = None
    other_period: Period | None = None
    code: str = ""
    tolerated: bool = False
    interim: Status | None = None
    awaited: str = ""
    source: str = ""
    note: str = ""
    reason: str = ""
    where: str | None = None
    excess: Decimal | None = None
    tolerance: Decimal | None = None
    judged: Decimal | None = None
    baseline: Decimal | None = None
    notes: tuple[str, ...] = ()
    progress: Progress = NO_PROGRESS
    rank: int | None = None
    level: Decimal | None = None
    level_unit: str = ""

    @property
    def shortfall(self) -> Decimal | None:
        """How far short of the requirement, as a share of it (1 = the whole of it)."""
        if self.status not in FAILING:
            return None
        if self.gap is None:
            return Decimal(1)
        if self.required:
            return abs(self.gap / self.required)
        return abs(self.gap)


class Report(msgspec.Struct, frozen=True, kw_only=True):
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
        return Report(
            registry=self.registry, period=self.period, results=kept, warnings=self.warnings
        )


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
        self.rows: dict[str, list[Actual]] = {}
        for actual in actuals:
            self.rows.setdefault(actual.id, []).append(actual)
            if actual.period is None or actual.value is None:
                continue
            self.by_key[(actual.id, actual.period)] = actual
            self.by_id.setdefault(actual.id, []).append(actual)
        for rows in self.by_id.values():
            rows.sort(key=attrgetter("period"))

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


def evaluate(
    registry: Registry,
    actuals: ActualsSet,
    as_of: Period | None = None,
    figures: Figures | None = None,
) -> Report:
    """Judge every commitment on its latest figure at or before `as_of` (default: the latest)."""
    as_of = as_of or latest_period(actuals)
    figures = figures or Figures(actuals.actuals)
    results = tuple(_judge_latest(t, figures, as_of, registry) for t in registry.commitments)
    return Report(registry=registry, period=as_of, results=results, warnings=actuals.warnings)


def judge_each_period(
    target: Target, actuals: ActualsSet, registry: Registry, figures: Figures | None = None
) -> list[Result]:
    """The commitment judged at every period that has a figure for it, oldest first."""
    figures = figures or Figures(actuals.actuals)
    return [judge(target, a, figures, registry) for a in figures.by_id.get(target.id, [])]


def awaited(target: Target, as_of: Period | None) -> str:
    """Why no figure can be expected by `as_of`, if none can: "at-due" for a deliverable or
    another commitment judged only at its due date, "not-published" for a yearly figure before
    the year is out or a quarterly one before March; "" when a figure could be in."""
    if as_of is None or as_of >= target.due:
        return ""
    yearly = target.released is Released.YEARLY
    if target.pacing is Pacing.AT_DUE:
        done = target.comparator is Comparator.DONE
        return "not-published" if yearly and not done else "at-due"
    first_quarter = as_of.year == target.due.year and as_of.month < 3
    return "not-published" if target.released is Released.QUARTERLY and first_quarter else ""


def _judge_latest(
    target: Target, figures: Figures, as_of: Period | None, registry: Registry
) -> Result:
    rows = figures.rows.get(target.id, [])
    dated = [
        a
        for a in figures.by_id.get(target.id, [])
        if as_of is None or (a.period is not None and a.period <= as_of)
    ]
    period = as_of
    if dated:
        result = judge(target, dated[-1], figures, registry)
        if as_of is None or as_of < target.due or result.final:
            return result
        if result.period is not None and result.period >= target.due:
            return result  # provisional: the quantity compared with is not final yet
        # Judged at the due period on an older figure: no final figure yet, and nothing left
        # to spread over the months.
        return msgspec.structs.replace(
            result,
            status=Status.NO_DATA,
            interim=result.status,
            progress=msgspec.structs.replace(result.progress, per_month=None),
        )
    base = Result(
        target=target, status=Status.NO_DATA, period=period, awaited=awaited(target, as_of)
    )
    if any(a.value is not None for a in rows) and as_of is not None:
        return msgspec.structs.replace(base, code="nothing-before")
    empty = [a for a in rows if a.value is None and (as_of is None or a.period in (None, as_of))]
    empty = empty or [a for a in rows if a.value is None]
    if empty:
        return msgspec.structs.replace(base, code="left-empty", where=empty[-1].where)
    return msgspec.structs.replace(base, code=base.awaited or "no-row")


def judge(target: Target, actual: Actual, figures: Figures, registry: Registry) -> Result:
    """Judge one figure by the target's rule and pacing, at the figure's own period."""
    period = actual.period
    rule = target.rule
    assert period is not None
    assert actual.value is not None
    assert rule is not None
    base = Result(
        target=target,
        status=Status.NO_DATA,
        period=period,
        actual=actual.value,
        bound=actual.bound,
        source=actual.source,
        note=actual.note,
        reason=actual.reason,
        where=actual.where,
        rank=actual.rank,
        level=actual.level,
        level_unit=actual.level_unit,
    )
    figure, notes = _figure(target, actual.value)
    frame = frame_for(target, period, registry.meta.year)
    if frame is None:
        return msgspec.structs.replace(
            base, status=Status.NOT_DUE, code="before-first-milestone", notes=notes
        )
    baseline: Fraction | None = None
    if rule.needs_baseline:
        baseline, code = _baseline(target, period, figures)
        if baseline is None:
            return msgspec.structs.replace(base, code=code, notes=notes)
        notes += (code,)
        frame = msgspec.structs.replace(frame, baseline=baseline)
    other_period = None
    if rule.other is not None:
        other = figures.latest_release(rule.other, period)
        if other is None or not isinstance(other.value, Decimal):
            return msgspec.structs.replace(base, code="no-other", notes=notes)
        other_period = other.period
        frame = msgspec.structs.replace(frame, other=Fraction(other.value))
    check = _check(rule.judge, figure, frame, base.bound, rule.direction)
    if check is None:
        return msgspec.structs.replace(
            base, status=Status.UNDETERMINED, code="bound-undetermined", notes=notes
        )
    status, final = _status(target, period, check, figure, other_period)
    paced = not frame.final and target.pacing in _SCALED
    progress = measure(
        target,
        period,
        figure,
        registry.meta.year,
        required=check.required,
        short=status in FAILING,
    )
    return msgspec.structs.replace(
        base,
        status=status,
        final=final,
        code=check.reason,
        tolerated=check.reason == "within-tolerance",
        required=_dec(check.required),
        expected=_dec(check.required) if paced else None,
        gap=_dec(check.gap),
        excess=_dec(check.excess),
        tolerance=_dec(check.tolerance),
        other=_dec(frame.other),
        other_period=other_period,
        baseline=_dec(baseline),
        judged=None if isinstance(actual.value, bool) or figure == actual.value else _dec(figure),
        notes=tuple(n for n in notes if n),
        progress=progress,
    )


def _check(
    judge_figure: object, figure: Fraction, frame: Frame, bound: str | None, way: Direction
) -> Check | None:
    """The rule's check of the figure; for a published bound (≥ 90, > 90, ≤ 5, < 5), the check
    every figure the bound allows would get, or None when they would not all agree."""
    assert callable(judge_figure)
    if bound is None:
        check: Check = judge_figure(figure, frame)
        return check
    edge = figure
    if bound == ">":
        edge = figure + _NUDGE
    elif bound == "<":
        edge = figure - _NUDGE
    at_edge: Check = judge_figure(edge, frame)
    # Figures beyond the edge lie in the good direction (a lower bound under "more is better")
    # or the bad one; a verdict at the edge settles the rule only when moving on cannot change it.
    upward = bound in (">", ">=")
    if way is Direction.NONE:
        # A two-sided rule fails off one end of its range: settled when the bound runs on away
        # from that end (above the range under ≥ or >, below it under ≤ or <).
        above = at_edge.gap is not None and at_edge.gap > 0
        settled = not at_edge.passed and above == upward
    else:
        settled = at_edge.passed == (upward == (way is Direction.UP))
    if not settled:
        return None
    if edge == figure:
        return at_edge
    # The verdict is the edge's; the numbers are the published figure's (a gap of 0 at > 300).
    plain: Check = judge_figure(figure, frame)
    excess = plain.excess if plain.passed else None
    return msgspec.structs.replace(at_edge, gap=plain.gap, excess=excess)


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
    """A same-period figure a year earlier for a seasonal quantity (none: no data), else the
    full-year baseline; with the note or the no-data code that says which."""
    baseline = target.baseline
    assert baseline is not None
    if baseline.same_period is not None:
        earlier = figures.at(baseline.same_period, period)
        if earlier is not None and isinstance(earlier.value, Decimal):
            return Fraction(earlier.value), "same-period-baseline"
        if not period.is_full_year:
            return None, "no-same-period-baseline"
    if baseline.value is None:
        return None, "no-baseline"
    return Fraction(baseline.value), ""


def lasting(target: Target) -> bool:
    """Whether a passed figure can no longer be undone before the due date: a deliverable done,
    or a year-to-date total (more is better) that has reached its annual figure."""
    if target.comparator is Comparator.DONE:
        return True
    return target.kind is Kind.CUMULATIVE and target.direction is Direction.UP


def _status(
    target: Target, period: Period, check: Check, figure: Fraction, other: Period | None
) -> tuple[Status, bool]:
    """The status of a check and whether it is final."""
    rule = target.rule
    assert rule is not None
    if period >= target.due:
        if other is not None and other < target.due:
            # 与经济增长同步 with GDP known only to Q3: a provisional reading, not a verdict.
            return (Status.ON_TRACK if check.passed else Status.BEHIND), False
        return (Status.MET if check.passed else Status.MISSED), True
    whole = rule.other is None and not rule.needs_baseline
    if whole and lasting(target) and rule.judge(figure, Frame(final=True)).passed:
        return Status.MET, False  # 已提前完成: done, or the year's total already reached
    if target.pacing is Pacing.AT_DUE:
        return Status.NOT_DUE, False  # judged at the due date only: not done yet is not behind
    return (Status.ON_TRACK if check.passed else Status.BEHIND), False


def _dec(value: Fraction | None) -> Decimal | None:
    return to_decimal(value) if value is not None else None


def judged_periods(results: Iterable[Result]) -> list[Period]:
    """The periods of the figures judged, oldest first."""
    return sorted(
        {r.period for r in results if r.period and (r.status is not Status.NO_DATA or r.interim)}
    )


def mixed_periods(results: Iterable[Result], as_of: Period | None) -> bool:
    """Whether some judged figure comes from another period than the one the run is as of."""
    return any(p != as_of for p in judged_periods(results))
