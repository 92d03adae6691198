"""How far along a commitment is, as reviews print it: the one progress model.

完成率 (share of the annual target done), 序时进度 (share due by now), the points between them,
the shortfall of a figure compared directly, and what remains per month: computed once, from
the exact figures of the judgement, and rounded once, as a 通报 prints them (one decimal place,
half up). Every view (tables, JSON, CSV, Markdown, the review pack and its lights) reads these
same figures, so a light is decided from the numbers printed beside it.
"""

from __future__ import annotations

import functools
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import msgspec

from reportcheck.registry.records import Kind, Pacing
from reportcheck.review.pacing import months_between, share_due
from reportcheck.rules import Direction, Frame, to_decimal

if TYPE_CHECKING:
    from reportcheck.model.periods import Period
    from reportcheck.registry.records import Target

_HUNDRED = Fraction(100)


class Progress(msgspec.Struct, frozen=True, kw_only=True):
    """The printed progress figures of one result; None where a figure does not apply.

    `completion` is 完成率 in percent of the annual figure (cumulative and level targets);
    `pace` is 序时进度, the percent of it due by the period; `ahead` is completion − pace in
    points (negative: behind pace); `shortfall` is, for a figure compared directly and found
    short, how far below what was required it is, in percent of that; `per_month` is what
    remains of a cumulative target per month left before its due date.
    """

    annual: Decimal | None = None
    completion: Decimal | None = None
    pace: Decimal | None = None
    ahead: Decimal | None = None
    shortfall: Decimal | None = None
    per_month: Decimal | None = None

    @property
    def behind(self) -> Decimal | None:
        """Points behind: below 序时进度 where it applies, else the shortfall; 0 when ahead."""
        if self.ahead is not None:
            return max(-self.ahead, Decimal(0))
        return self.shortfall


NO_PROGRESS = Progress()


def printed(value: Fraction | Decimal) -> Decimal:
    """A rate as reviews print it: one decimal place, half up, never '-0.0'."""
    rounded = _half_up(Fraction(value), 1)
    return rounded if rounded else Decimal("0.0")


def _half_up(value: Fraction, places: int) -> Decimal:
    """`value` rounded once, from the exact fraction, to `places` decimal places, a half away
    from zero: 41.04999999999993 is 41.0, where rounding it first to a dozen places would make
    it 41.05 and then 41.1."""
    whole = int(abs(value) * 10**places + Fraction(1, 2))
    return Decimal(whole).scaleb(-places).copy_sign(Decimal(value.numerator))


def levels(target: Target) -> bool:
    """Whether 完成率 means something: a cumulative or level target, more is better, paceable."""
    rule = target.rule
    return (
        rule is not None
        and target.kind in (Kind.CUMULATIVE, Kind.STOCK)
        and bool(rule.threshold)
        and rule.paceable
        and rule.direction is Direction.UP
    )


def measure(
    target: Target,
    period: Period,
    figure: Fraction,
    report_year: int,
    *,
    required: Fraction | None,
    short: bool,
) -> Progress:
    """The progress figures of one judged figure of `period`.

    `required` is what the rule held the figure to at that period; `short` says whether the
    figure fell short of it (a shortfall is printed only then).
    """
    rule = target.rule
    assert rule is not None
    threshold = rule.threshold
    annual = threshold
    if rule.needs_baseline or rule.other is not None:
        # 提高1.5个百分点, 进一步缩小, 与经济增长同步: the wording's number is no level of the
        # figure; the level it was held to (baseline + 1.5, the other's growth) is.
        annual = required
    completion = pace = ahead = shortfall = per_month = None
    if levels(target):
        assert threshold is not None
        completion = printed(figure / threshold * _HUNDRED)
        share = share_due(target, period, report_year)
        if share is not None:
            pace = printed(share * _HUNDRED)
            ahead = completion - pace
    if short and ahead is None and required is not None:
        gap = abs(figure - required)
        shortfall = printed(gap / abs(required) * _HUNDRED if required else gap * _HUNDRED)
    if (
        target.kind is Kind.CUMULATIVE
        and threshold is not None
        and target.pacing is not Pacing.AT_DUE
        and rule.direction is Direction.UP
    ):
        left = months_between(report_year, target.due) - months_between(report_year, period)
        if left > 0:  # none at or after the due period
            per_month = _in_precision(max(threshold - figure, Fraction(0)) / left, threshold)
    return Progress(
        annual=to_decimal(annual) if annual is not None else None,
        completion=completion,
        pace=pace,
        ahead=ahead,
        shortfall=shortfall,
        per_month=per_month,
    )


def annual_target(target: Target) -> Decimal | None:
    """年度目标 as the target states it, whether or not a figure is in: the number its wording
    names, or for a rule against the baseline the level it holds the year's figure to (the
    baseline plus 1.5 points, the baseline itself); None where only a figure can say it (a
    relative target, held to the other quantity's figure) and for a yes/no deliverable."""
    rule = target.rule
    if rule is None:
        return None
    if rule.needs_baseline:
        baseline = target.baseline.value if target.baseline is not None else None
        if baseline is None:
            return None
        level = Fraction(baseline)
        required = rule.judge(level, Frame(baseline=level)).required
        return to_decimal(required) if required is not None else None
    threshold = rule.threshold
    return to_decimal(threshold) if threshold is not None else None


def _in_precision(value: Fraction, target: Fraction) -> Decimal:
    """A figure to the precision of the target it serves, and at least one decimal place:
    433.3 of 1300 万人, 0.7 of 2 家, 21.96 of 300.5 亿元."""
    return _half_up(value, _places(target))


def in_precision(value: Decimal | None, target: Target, figure: object = None) -> Decimal | None:
    """A figure worked out from a target (what is due by now, the gap to it, the excess over
    it, the level it is held to) as it is printed: to the target's own precision, or the
    figure's beside it if finer, and at least one decimal place, as 剩余月均需完成 is (83.3
    due of 200 亿元; 116.67 beside a figure of 116.67). A figure with no more places stays as
    it is (6, not 6.0), and a difference smaller than the places shown is shown whole."""
    if value is None:
        return None
    places = _target_places(target)
    if isinstance(figure, Decimal):
        places = max(places, _decimals(figure))
    step = _STEPS[min(places, len(_STEPS) - 1)]
    shown = value.quantize(step, rounding=ROUND_HALF_UP)
    if shown == value or abs(value) < step:  # no places lost, or a difference below them
        return value
    return shown


def _target_places(target: Target) -> int:
    """The places a target is written with: its number's, and for a rule against the baseline
    the baseline's too (1.61 for 城乡居民收入倍差进一步缩小), at least one."""
    rule = target.rule
    threshold = rule.threshold if rule is not None else None
    places = _places(threshold) if threshold is not None else 1
    baseline = target.baseline
    if rule is not None and rule.needs_baseline and baseline is not None and baseline.value:
        places = max(places, _decimals(baseline.value))
    return places


#: 1, 0.1, 0.01 …: the steps of each number of decimal places a figure may have.
_STEPS = tuple(Decimal(10) ** -n for n in range(12))


@functools.lru_cache(maxsize=4096)  # figures repeat across a year's results; a run holds many
def _decimals(value: Decimal) -> int:
    """The decimal places a figure is written with, counted as at least one: none is worked to
    fewer."""
    return max(1, -value.normalize().as_tuple().exponent)  # type: ignore[operator]


@functools.cache
def _places(target: Fraction) -> int:
    """The decimal places a target is written with, at least one; one for a target no number
    of places writes (三分之二: 66.7)."""
    denominator = target.denominator
    for factor in (2, 5):
        while denominator % factor == 0:
            denominator //= factor
    if denominator != 1:
        return 1
    return max(1, -to_decimal(target).normalize().as_tuple().exponent)  # type: ignore[operator]
