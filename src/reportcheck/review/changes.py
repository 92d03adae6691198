"""The monthly review: where every commitment stands, what lags most, what changed."""

from __future__ import annotations

from collections import Counter
from operator import attrgetter
from typing import TYPE_CHECKING

import msgspec

from reportcheck.review.evaluate import Figures, Report, Result, count_statuses, evaluate
from reportcheck.review.status import FAILING, PASSING, Status

if TYPE_CHECKING:
    from reportcheck.actuals import ActualsSet
    from reportcheck.model.periods import Period
    from reportcheck.registry.records import Registry


class Change(msgspec.Struct, frozen=True):
    id: str
    before: Status
    after: Status

    @property
    def kind(self) -> str:
        """newly_failing, newly_met, recovered (failing to on track) or changed."""
        if self.after in FAILING and self.before not in FAILING:
            return "newly_failing"
        if self.after is Status.MET:
            return "newly_met"
        if self.before in FAILING and self.after in PASSING:
            return "recovered"
        return "changed"


class Review(msgspec.Struct, frozen=True, kw_only=True):
    report: Report
    previous: Period | None
    changes: tuple[Change, ...]
    #: The results at the previous period, compared with to find the changes.
    earlier: tuple[Result, ...] = ()

    @property
    def lagging(self) -> tuple[Result, ...]:
        """Failing commitments, the largest shortfall against what is required first; equal
        shortfalls by id."""
        failing = [r for r in self.report.results if r.shortfall is not None]
        by_id = sorted(failing, key=lambda r: r.target.id)
        # Sorting is stable, in reverse too: equal shortfalls keep their order by id.
        return tuple(sorted(by_id, key=attrgetter("shortfall"), reverse=True))

    @property
    def no_data(self) -> tuple[Result, ...]:
        return tuple(r for r in self.report.results if r.status is Status.NO_DATA)

    def by_section(self) -> dict[str, dict[Status, int]]:
        sections = self.report.registry.sections
        return {
            key: count_statuses(r for r in self.report.results if r.target.section == key)
            for key in sections
            if any(r.target.section == key for r in self.report.results)
        }


def review(
    registry: Registry,
    actuals: ActualsSet,
    as_of: Period | None = None,
    figures: Figures | None = None,
) -> Review:
    """Judge as of `as_of` (default: the latest period) and compare with the period before it."""
    figures = figures or Figures(actuals.actuals)
    report = evaluate(registry, actuals, as_of, figures)
    earlier = [p for p in actuals.periods() if report.period is not None and p < report.period]
    previous = earlier[-1] if earlier else None
    changes: tuple[Change, ...] = ()
    judged: tuple[Result, ...] = ()
    if previous is not None:
        judged = evaluate(registry, actuals, previous, figures).results
        before = {r.target.id: r.status for r in judged}
        changes = tuple(
            Change(r.target.id, before[r.target.id], r.status)
            for r in report.results
            if before[r.target.id] is not r.status
        )
    return Review(report=report, previous=previous, changes=changes, earlier=judged)


class Overview(msgspec.Struct, frozen=True, kw_only=True):
    """The registry at a glance, for when there are no actuals yet."""

    registry: Registry
    by_section: dict[str, int]
    by_category: dict[str, int]
    by_release: dict[str, int]
    references: int


def overview(registry: Registry) -> Overview:
    commitments = registry.commitments
    sections = Counter(t.section for t in commitments)
    return Overview(
        registry=registry,
        by_section={key: sections[key] for key in registry.sections if sections[key]},
        by_category=dict(Counter(t.category for t in commitments).most_common()),
        by_release=dict(Counter(t.released.value for t in commitments).most_common()),
        references=len(registry.targets) - len(commitments),
    )
