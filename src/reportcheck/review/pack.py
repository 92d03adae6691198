"""The review pack as typed content: rows by section, lights, changes, the year-end account.

Every output format (xlsx, html, markdown, csv) and the DataFrame view are made from a Pack.
"""

from __future__ import annotations

from decimal import Decimal
from enum import Enum
from typing import TYPE_CHECKING

import msgspec

from reportcheck.registry.records import bands_problem
from reportcheck.review.changes import review
from reportcheck.review.evaluate import evaluate, judge_each_period
from reportcheck.review.measures import Measures, measure
from reportcheck.review.status import Status

if TYPE_CHECKING:
    import pandas as pd

    from reportcheck.actuals import ActualsSet
    from reportcheck.model.periods import Period
    from reportcheck.registry.records import Registry, Section, Target
    from reportcheck.review.changes import Review
    from reportcheck.review.evaluate import Result

_FAILING = (Status.BEHIND, Status.MISSED)
_PASSING = (Status.ON_TRACK, Status.MET)


class Light(str, Enum):
    """A row's light: the status as colour, always printed with its word."""

    GREEN = "green"  # on pace (or met)
    YELLOW = "yellow"  # behind by no more than the first band
    ORANGE = "orange"  # behind by more than the first band, up to the second
    RED = "red"  # behind by more than the last band (or missed at year end)
    GREY = "grey"  # no figure, or not due before the year's end


class Verdict(str, Enum):
    """The year-end account (对照表): every commitment met, missed or not reported."""

    MET = "met"
    MISSED = "missed"
    NOT_REPORTED = "not_reported"


class Bands(msgspec.Struct, frozen=True):
    """Points behind pace where the light turns from yellow (to orange) to red; offices differ."""

    limits: tuple[Decimal, ...] = (Decimal(10), Decimal(30))

    def light(self, result: Result, measures: Measures) -> Light:
        if not measures.due or result.status not in (*_PASSING, *_FAILING):
            return Light.GREY
        if result.status in _PASSING:
            return Light.GREEN
        behind = measures.behind
        if result.status is Status.MISSED or behind is None:
            return Light.RED
        if behind <= self.limits[0]:
            return Light.YELLOW
        if len(self.limits) > 1 and behind <= self.limits[-1]:
            return Light.ORANGE
        return Light.RED


def parse_bands(text: str) -> Bands:
    """'10,30' or '15': one or two increasing non-negative numbers of points; ValueError if not."""
    parts = [p.strip() for p in text.replace("\uff0c", ",").split(",")]  # ， typed in Chinese
    try:
        limits = tuple(Decimal(p) for p in parts)
    except ArithmeticError:
        raise ValueError("expected one or two numbers of points, e.g. 10,30") from None
    if (problem := bands_problem(limits)) is not None:
        raise ValueError(problem)
    return Bands(limits)


class Row(msgspec.Struct, frozen=True):
    """One commitment in the pack, as of the pack's period."""

    number: int  # 序号, across the whole pack
    result: Result
    measures: Measures
    light: Light
    lead: str | None  # 责任单位, from the registry where it names one
    reason: str  # 推进情况 / 原因 from the actuals' `reason` column
    previous: Result | None  # the same commitment at the previous period
    previous_light: Light | None
    history: tuple[Result, ...]  # every period with a figure, up to the pack's, oldest first

    @property
    def target(self) -> Target:
        return self.result.target

    @property
    def status(self) -> Status:
        return self.result.status

    @property
    def change(self) -> str | None:
        """newly_failing, recovered, newly_met, changed, light_changed, or None."""
        if self.previous is None:
            return None
        before, after = self.previous.status, self.status
        if before is not after:
            if after in _FAILING and before not in _FAILING:
                return "newly_failing"
            if after is Status.MET:
                return "newly_met"
            if before in _FAILING and after in _PASSING:
                return "recovered"
            return "changed"
        if self.previous_light is not None and self.previous_light is not self.light:
            return "light_changed"
        return None

    @property
    def verdict(self) -> Verdict:
        if self.status in _PASSING:
            return Verdict.MET
        return Verdict.MISSED if self.status in _FAILING else Verdict.NOT_REPORTED

    @property
    def unexplained(self) -> bool:
        """Lagging with no reason given."""
        return self.status in _FAILING and not self.reason


class SectionRows(msgspec.Struct, frozen=True):
    section: Section
    rows: tuple[Row, ...]


class Pack(msgspec.Struct, frozen=True):
    """The whole review: rows grouped by section, with what the notes and counts need."""

    registry: Registry
    period: Period | None
    previous: Period | None
    bands: Bands
    final: bool
    sections: tuple[SectionRows, ...]
    review: Review

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for group in self.sections for row in group.rows)

    @property
    def year_end(self) -> bool:
        """The 对照表 is due: the period is the year's last, or the pack was asked to be final."""
        return self.final or (self.period is not None and self.period.is_full_year)

    @property
    def figures_period(self) -> Period | None:
        """The latest period a figure comes from; the pack's own when no figure has one."""
        periods = [
            row.result.period
            for row in self.rows
            if row.result.actual is not None and row.result.period is not None
        ]
        return max(periods, default=self.period)

    @property
    def account_early(self) -> bool:
        """The 对照表 is drawn up before the figures of the whole year are in."""
        figures = self.figures_period
        return self.year_end and figures is not None and not figures.is_full_year

    def counts(self) -> dict[Status, int]:
        return self.review.report.summary()

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
        return tuple(row for row in self.rows if row.status in _FAILING)

    @property
    def not_due(self) -> tuple[Row, ...]:
        return tuple(row for row in self.rows if not row.measures.due)

    def to_frame(self) -> pd.DataFrame:
        """One row per commitment and period (every period with a figure, up to the pack's)."""
        from reportcheck.review.frame import pack_frame

        return pack_frame(self)

    def to_html(self, lang: str = "zh") -> str:
        from reportcheck.output.pack.html import pack_html

        return pack_html(self, lang)

    def to_markdown(self, lang: str = "zh") -> str:
        from reportcheck.output.pack.markdown import pack_markdown

        return pack_markdown(self, lang)

    def summary(self, lang: str = "zh") -> str:
        """The count paragraph that opens the 通报."""
        from reportcheck.output.pack.words import count_paragraph

        return count_paragraph(self, lang)


def build_pack(
    registry: Registry,
    actuals: ActualsSet,
    as_of: Period | None = None,
    *,
    bands: Bands | None = None,
    final: bool = False,
    reasons: dict[tuple[str, Period], str] | None = None,
) -> Pack:
    """Judge as of `as_of` (default: the latest period), compare with the period before it."""
    bands = bands or Bands()
    reasons = reasons or {}
    current = review(registry, actuals, as_of)
    period = current.report.period
    before: dict[str, Result] = {}
    if current.previous is not None:
        before = {r.target.id: r for r in evaluate(registry, actuals, current.previous).results}
    grouped: dict[str, list[Row]] = {}
    by_section = sorted(
        current.report.results, key=lambda r: list(registry.sections).index(r.target.section)
    )
    for number, result in enumerate(by_section, start=1):
        measures = measure(result)
        earlier = before.get(result.target.id)
        history = tuple(
            h
            for h in judge_each_period(result.target, actuals, registry)
            if period is None or (h.period is not None and h.period <= period)
        )
        grouped.setdefault(result.target.section, []).append(
            Row(
                number,
                result,
                measures,
                bands.light(result, measures),
                _lead(result.target),
                reasons.get((result.target.id, result.period), "")
                if result.period is not None
                else "",
                earlier,
                bands.light(earlier, measure(earlier)) if earlier is not None else None,
                history,
            )
        )
    sections = tuple(
        SectionRows(registry.sections[key], tuple(rows)) for key, rows in grouped.items()
    )
    return Pack(registry, period, current.previous, bands, final, sections, current)


def _lead(target: Target) -> str | None:
    """责任单位, where the registry names one (the first-listed unit leads)."""
    lead = target.lead
    return str(lead).strip() or None if lead is not None else None
