"""Outcomes of last year's commitments, as next year's report states them in its review.

`harvest` reads the review part (一、2023年工作回顾) of year N+1's report and, for each
commitment of year N's registry whose outcome it states beyond doubt, gives the figure in the
commitment's unit with the words that state it. It never takes a figure of another indicator:
what it cannot match with confidence is a warning for a person, never a guess.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.problems import Problem, Term, problem
from reportcheck.registry.harvest.promises import Promise, promise_of, promises_of
from reportcheck.registry.harvest.review import Review, ReviewTooLargeError, read_review

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from reportcheck.model.units import Unit
    from reportcheck.registry.harvest.review import Figure
    from reportcheck.registry.harvest.similar import Alignment

__all__ = [
    "Harvest",
    "Outcome",
    "Promise",
    "harvest",
    "promise_of",
    "promises_of",
    "read_review",
]


class Outcome(msgspec.Struct, frozen=True, kw_only=True):
    """One commitment's outcome: `value` in the entry's unit (True / False for a deliverable),
    `bound` the sign of a figure published as one (">" for 突破2700), `note` 预计 for an
    estimate (预计, 有望) and 约 for an approximate figure (约, 近, 左右), `source` the review's
    words that state it, at `line`."""

    id: str
    period: int
    value: Decimal | bool
    unit: str
    source: str
    line: int
    bound: str | None = None
    note: str = ""


class Harvest(msgspec.Struct, frozen=True, kw_only=True):
    """What a review states: the outcomes taken, and the problems (warnings for a person:
    statements too close to call; an error when the review is of another year)."""

    outcomes: tuple[Outcome, ...]
    problems: tuple[Problem, ...]
    #: The year the review looks back on, when it says (一、2023年工作回顾).
    year: int | None

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


def harvest(
    text: str,
    promises: Sequence[Promise],
    *,
    year: int,
    units: Mapping[str, Unit],
    file: str = "",
) -> Harvest:
    """The outcomes `text`'s review states of `promises` (year `year`'s commitments)."""
    try:
        review = read_review(text)
    except ReviewTooLargeError as exc:
        too_large = problem("harvest-too-large", file=file, limit=exc.limit)
        return Harvest(outcomes=(), problems=(too_large,), year=None)
    if review.year is not None and review.year != year:
        wrong = problem("harvest-year", file=file, found=review.year, year=year, next=year + 1)
        return Harvest(outcomes=(), problems=(wrong,), year=review.year)
    problems: list[Problem] = []
    if review.year is None:
        problems.append(
            problem("harvest-year", "unknown", file=file, severity="warning", year=year)
        )
    outcomes: list[Outcome] = []
    for promise in promises:
        found = _deliverable(promise, review, year) if promise.yes_no else None
        if not promise.yes_no:
            found = _figure(promise, review, year, units, file, problems)
        if found is not None:
            outcomes.append(found)
    return Harvest(outcomes=tuple(outcomes), problems=tuple(problems), year=review.year)


def _deliverable(promise: Promise, review: Review, year: int) -> Outcome | None:
    from reportcheck.registry.harvest.deliverables import delivered

    found = delivered(promise, review)
    if found is None:
        return None
    return Outcome(
        id=promise.id,
        period=year,
        value=found.done,
        unit="是/否",
        source=_source(review, found.start, found.end),
        line=review.line_of(found.start),
        note="预计" if found.estimate else "",
    )


def _figure(
    promise: Promise,
    review: Review,
    year: int,
    units: Mapping[str, Unit],
    file: str,
    problems: list[Problem],
) -> Outcome | None:
    from reportcheck.registry.harvest.figures import choose

    choice = choose(promise, review, units, year)
    target = Term("target", promise.id)
    if choice.taken is not None:
        figure = choice.taken.figure
        note = "预计" if figure.estimate else ("约" if figure.approx else "")
        unit = promise.unit or ("%" if figure.change in ("up", "down") else figure.unit)
        return Outcome(
            id=promise.id,
            period=year,
            value=choice.taken.value,
            unit=unit,
            source=_source(
                review, _source_start(review, figure, choice.taken.alignment), figure.source[1]
            ),
            line=figure.line,
            bound=figure.bound,
            note=note,
        )
    if choice.unsure:
        shown = " / ".join(_source(review, *c.figure.source) for c in choice.unsure)
        line = choice.unsure[0].figure.line
        problems.append(
            problem(
                "harvest-unsure",
                "rivals",
                file=file,
                line=line,
                value=shown,
                severity="warning",
                target=target,
            )
        )
    elif choice.near is not None:
        shown = _source(review, *choice.near.source)
        line = choice.near.line
        problems.append(
            problem(
                "harvest-unsure",
                "near",
                file=file,
                line=line,
                value=shown,
                severity="warning",
                target=target,
            )
        )
    return None


def _source_start(review: Review, figure: Figure, alignment: Alignment) -> int:
    """Where the words stating a figure begin: the clause of the figure, or an earlier one of
    its sentence where the promise's words stand (地区生产总值再上新台阶，达到4015亿元，
    增长5.8%)."""
    from reportcheck.registry.harvest.similar import normal

    low, _ = figure.source
    key = alignment.key
    if alignment.missing and key.startswith(alignment.missing[0]):
        key = key[len(alignment.missing[0]) :]
    head = key[:2]
    folded = review.folded
    start = max(low, folded.rfind(",", low, figure.start) + 1)
    while start > low and head not in normal(folded[start : figure.start]):
        start = max(low, folded.rfind(",", low, start - 1) + 1)
    return start


def _source(review: Review, start: int, end: int) -> str:
    """The review's own words from `start` to `end`, without the marks around them."""
    return review.text[start:end].strip(" \t\u3000,，、;；。:：")
