"""The review pack as typed rows: by section, with lights, changes and the year-end account.

The rows are the judge's results, nothing decided again: a row's verdict in the 对照表 is the
result's own final status, its light is read from the progress figures printed beside it, and
the warnings are those every other command reports. Every output format (Word, Excel, HTML,
Markdown, CSV) and the DataFrame view are drawn from a Pack by `reportcheck.output.pack`.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.numbers import NotANumberError, check_precision
from reportcheck.registry.records import bands_problem
from reportcheck.review.changes import Change, review
from reportcheck.review.evaluate import Figures, judge_each_period
from reportcheck.review.plausibility import plausibility
from reportcheck.review.status import FAILING, PASSING, Light, Status, Verdict

if TYPE_CHECKING:
    import pandas as pd

    from reportcheck.actuals import ActualsSet
    from reportcheck.model.periods import Period
    from reportcheck.model.problems import Problem
    from reportcheck.registry.records import Registry, Section, Target
    from reportcheck.review.changes import Review
    from reportcheck.review.evaluate import Result


#: Light bands when neither --bands nor the registry's `bands` says otherwise.
DEFAULT_LIMITS = (Decimal(10), Decimal(30))


class Bands(msgspec.Struct, frozen=True):
    """Points behind pace where the light turns from yellow (to orange) to red; offices differ.

    A light is read from the result's printed progress: the points behind 序时进度 (or the
    shortfall of a figure compared directly) exactly as the tables print them.
    """

    limits: tuple[Decimal, ...] = DEFAULT_LIMITS

    def light(self, result: Result) -> Light:
        if result.status in PASSING:
            return Light.GREEN
        if result.status not in FAILING:
            return Light.GREY
        behind = result.progress.behind
        if result.status is Status.MISSED or behind is None:
            return Light.RED
        if behind <= self.limits[0]:
            return Light.YELLOW
        if behind <= self.limits[-1]:  # with one band, the last is the first, already passed
            return Light.ORANGE
        return Light.RED


def parse_bands(text: str) -> Bands:
    """'10,30' or '15': one or two increasing numbers of points from 0 to 100; raises
    ValueError('count' or 'order') if not."""
    parts = [p.strip() for p in text.replace("\uff0c", ",").split(",")]  # ， typed in Chinese
    if any(len(p) > 20 for p in parts):
        raise ValueError("count")
    try:
        limits = tuple(Decimal(p) for p in parts)
        for limit in limits:
            if limit.is_finite():
                check_precision(limit)  # 1e-999999 is a finite number of a million digits
    except (ArithmeticError, NotANumberError):
        raise ValueError("count") from None
    if bands_problem(limits) is not None:  # the registry's rule: 0 to 100 points, increasing
        raise ValueError("order" if len(limits) == 2 and limits[0] > limits[1] else "count")
    return Bands(tuple(x.normalize() if x else Decimal(0) for x in limits))


class Row(msgspec.Struct, frozen=True, kw_only=True):
    """One commitment in the pack, as of the pack's period."""

    number: int  # 序号, across the whole pack
    result: Result
    light: Light
    previous: Result | None  # the same commitment at the previous period
    previous_light: Light | None
    #: Every period with a figure, up to the pack's, oldest first (empty in a pack built
    #: without history).
    history: tuple[Result, ...]
    doubts: tuple[str, ...] = ()  # codes of the warnings about this row's figure
    #: 推进情况 typed by hand into an earlier pack of the same period, kept when it is replaced.
    typed: str = ""

    @property
    def target(self) -> Target:
        return self.result.target

    @property
    def status(self) -> Status:
        return self.result.status

    @property
    def lead(self) -> str | None:
        """责任单位, where the registry names one (the first-listed unit leads)."""
        lead = self.target.lead
        return lead.strip() or None if lead is not None else None

    @property
    def leaders(self) -> tuple[str, ...]:
        """分管领导, where the registry or the office's sheet names one."""
        return self.target.leaders

    @property
    def reason(self) -> str:
        """推进情况 / 原因: as reported beside the figure, and as typed into the pack."""
        if self.typed and self.result.reason:
            return f"{self.result.reason};{self.typed}"
        return self.result.reason or self.typed

    @property
    def change(self) -> str | None:
        """newly_failing, recovered, newly_met, changed, light_changed, or None."""
        if self.previous is None:
            return None
        before, after = self.previous.status, self.status
        if before is not after:
            return Change(self.target.id, before, after).kind
        if self.previous_light is not None and self.previous_light is not self.light:
            return "light_changed"
        return None

    @property
    def verdict(self) -> Verdict:
        """The account's word: only a final result is met or missed."""
        if not self.result.final:
            return Verdict.NOT_REPORTED  # an in-year reading, even one met early, waits
        return Verdict.MET if self.status is Status.MET else Verdict.MISSED

    @property
    def unexplained(self) -> bool:
        """Lagging with no reason given."""
        return self.status in FAILING and not self.reason


class SectionRows(msgspec.Struct, frozen=True):
    section: Section
    rows: tuple[Row, ...]


class Pack(msgspec.Struct, frozen=True, kw_only=True):
    """The whole review: rows grouped by section, with what the notes and counts need."""

    registry: Registry
    period: Period | None
    previous: Period | None
    bands: Bands
    final: bool
    sections: tuple[SectionRows, ...]
    review: Review
    total: int  # commitments before any filter
    warnings: tuple[Problem, ...] = ()
    filters: tuple[str, ...] = ()  # what the rows were chosen by, as typed (a filtered pack)
    #: Every reason the figures give beside each commitment, at any period: what a pack may
    #: have shown in 推进情况 before any was typed into it.
    given: dict[str, frozenset[str]] = msgspec.field(default_factory=dict)

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for group in self.sections for row in group.rows)

    @property
    def year_end(self) -> bool:
        """The 对照表 is due: the period is the year's last, or the pack was asked to be final."""
        return self.final or (self.period is not None and self.period.is_full_year)

    def counts(self) -> dict[Status, int]:
        counts = dict.fromkeys(Status, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts

    def light_counts(self) -> dict[Light, int]:
        counts = dict.fromkeys(Light, 0)
        for row in self.rows:
            counts[row.light] += 1
        return counts

    def verdict_counts(self) -> dict[Verdict, int]:
        counts = dict.fromkeys(Verdict, 0)
        for row in self.rows:
            counts[row.verdict] += 1
        return counts

    @property
    def lagging(self) -> tuple[Row, ...]:
        """Behind or missed, in the order of the pack."""
        return tuple(row for row in self.rows if row.status in FAILING)

    @property
    def has_leaders(self) -> bool:
        """Whether any row names its leader (分管领导): then the pack groups by leader."""
        return any(row.leaders for row in self.rows)

    def by_leader(self) -> dict[str, tuple[Row, ...]]:
        """The rows of each leader, in the order the leaders first appear, with "" for the
        rows that name none (last); a row under two leaders is under each."""
        groups: dict[str, list[Row]] = {}
        for row in self.rows:
            for leader in row.leaders or ("",):
                groups.setdefault(leader, []).append(row)
        if "" in groups:
            groups[""] = groups.pop("")
        return {leader: tuple(rows) for leader, rows in groups.items()}

    def to_frame(self) -> pd.DataFrame:
        """One row per commitment and period (every period with a figure, up to the pack's)."""
        from reportcheck.review.frame import pack_frame

        return pack_frame(self)


def build_pack(
    registry: Registry,
    actuals: ActualsSet,
    as_of: Period | None = None,
    *,
    bands: Bands | None = None,
    final: bool = False,
    keep: Callable[[Result], bool] | None = None,
    filters: tuple[str, ...] = (),
    history: bool = True,
) -> Pack:
    """Judge as of `as_of` (default: the latest period), compare with the period before it.

    One index of the figures serves every judgement; `keep` chooses the rows (a filtered pack
    says so through `filters`). `history` judges each row's earlier figures too, for what
    draws or lists them (the HTML page's charts, the DataFrame); without it a row's history is
    empty, and a pack for Word, Excel, Markdown or CSV is built in about half the time.
    """
    bands = bands or Bands()
    figures = Figures(actuals.actuals)
    current = review(registry, actuals, as_of, figures)
    period = current.report.period
    warnings = (*actuals.warnings, *plausibility(registry, actuals, current.report.results))
    doubts: dict[str, list[str]] = {}
    for warning in warnings:
        if warning.severity == "warning" and "id" in warning.params:
            doubts.setdefault(str(warning.params["id"]), []).append(warning.code)
    before = {r.target.id: r for r in current.earlier}  # judged once, by review()
    order = list(registry.sections)
    by_section = sorted(current.report.results, key=lambda r: order.index(r.target.section))
    chosen = [r for r in by_section if keep is None or keep(r)]
    grouped: dict[str, list[Row]] = {}
    for number, result in enumerate(chosen, start=1):
        earlier_result = before.get(result.target.id)
        past = (
            tuple(
                h
                for h in judge_each_period(result.target, actuals, registry, figures)
                if period is None or (h.period is not None and h.period <= period)
            )
            if history
            else ()
        )
        grouped.setdefault(result.target.section, []).append(
            Row(
                number=number,
                result=result,
                light=bands.light(result),
                previous=earlier_result,
                previous_light=bands.light(earlier_result) if earlier_result else None,
                history=past,
                doubts=tuple(doubts.get(result.target.id, ())),
            )
        )
    sections = tuple(
        SectionRows(registry.sections[key], tuple(rows)) for key, rows in grouped.items()
    )
    return Pack(
        registry=registry,
        period=period,
        previous=current.previous,
        bands=bands,
        final=final,
        sections=sections,
        review=current,
        warnings=tuple(warnings),
        filters=filters,
        total=len(by_section),
        given=_reasons_given(actuals),
    )


def _reasons_given(actuals: ActualsSet) -> dict[str, frozenset[str]]:
    given: dict[str, set[str]] = {}
    for actual in actuals.actuals:
        if actual.reason:
            given.setdefault(actual.id, set()).add(actual.reason)
    return {target_id: frozenset(reasons) for target_id, reasons in given.items()}
