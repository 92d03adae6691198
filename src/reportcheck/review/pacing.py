"""How much of a promise is due by an in-year period (序时进度), by the entry's pacing mode."""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

from reportcheck.registry.records import Pacing
from reportcheck.rules import Frame

if TYPE_CHECKING:
    from reportcheck.model.periods import Period
    from reportcheck.registry.records import Target


def months_between(start_year: int, period: Period) -> int:
    """Months from the start of `start_year` through the end of `period`'s month."""
    return (period.year - start_year) * 12 + period.month


def frame_for(target: Target, period: Period, report_year: int) -> Frame | None:
    """The frame a figure of `period` is judged in; None when nothing is due yet.

    At or after the due period the whole promise applies. Before it: linear pacing asks for the
    elapsed share of the months to the due date; a path runs straight from the baseline level;
    milestones ask for the latest scheduled figure (None before the first); direct compares with
    the target itself; at_due holds the figure to the whole promise, and the caller says "not due
    yet" unless it is already done.
    """
    pacing = target.pacing
    if period >= target.due or pacing is Pacing.AT_DUE:
        return Frame(final=True)
    if pacing is Pacing.DIRECT:
        return Frame(final=False)
    if pacing is Pacing.LINEAR:
        share = Fraction(
            months_between(report_year, period), months_between(report_year, target.due)
        )
        return Frame(final=False, share=share)
    if pacing is Pacing.PATH:
        assert target.baseline is not None
        assert target.baseline.value is not None
        assert target.rule is not None
        assert target.rule.threshold is not None
        start = Fraction(target.baseline.value)
        base_year = target.baseline.year + 1
        share = Fraction(months_between(base_year, period), months_between(base_year, target.due))
        return Frame(final=False, level=start + (target.rule.threshold - start) * share)
    if pacing is Pacing.MILESTONES:
        reached = [value for when, value in target.milestones if when <= period]
        return Frame(final=False, level=reached[-1]) if reached else None
    raise ValueError(f"unknown pacing {pacing}")  # pragma: no cover - every mode is handled


def share_due(target: Target, period: Period, report_year: int) -> Fraction | None:
    """The share of the annual figure due by `period` (for 序时进度 in percent), if paced."""
    if target.pacing is Pacing.AT_DUE:
        return None
    frame = frame_for(target, period, report_year)
    if frame is None or frame.final or target.rule is None:
        return None
    threshold = target.rule.threshold
    if target.pacing is Pacing.LINEAR:
        return frame.share
    if frame.level is not None and threshold:
        return frame.level / threshold
    return None
