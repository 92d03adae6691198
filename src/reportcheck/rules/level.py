"""Rules that hold a figure to a number the report names: 以上, 超过, 以内, 左右, range, rank."""

from fractions import Fraction
from typing import ClassVar

from reportcheck.rules.base import (
    BAND_SIGNS,
    RANK,
    UNIT,
    Check,
    Comparator,
    Direction,
    Formula,
    Frame,
    OneNumber,
    Rule,
    RuleFields,
    banded,
    paced,
    show,
    verdict_down,
    verdict_up,
)


class AtLeast(OneNumber, frozen=True):
    """增长X% / 达到X / X以上 / 不低于X / plain "X家": reach at least X."""

    comparator: ClassVar[Comparator] = Comparator("at_least")
    paceable: ClassVar[bool] = True

    def judge(self, figure: Fraction, frame: Frame) -> Check:
        return verdict_up(figure, paced(self.value, frame))

    def formula(self) -> Formula:
        return ("≥", show(self.value), UNIT)


class MoreThan(OneNumber, frozen=True):
    """超过X / 突破X: more than X at the due date; reaching the pro-rata share is on pace."""

    comparator: ClassVar[Comparator] = Comparator("more_than")
    paceable: ClassVar[bool] = True

    def judge(self, figure: Fraction, frame: Frame) -> Check:
        return verdict_up(figure, paced(self.value, frame), strict=frame.final)

    def formula(self) -> Formula:
        return (">", show(self.value), UNIT)


class AtMost(OneNumber, frozen=True):
    """控制在X以内: at most X (less is better)."""

    comparator: ClassVar[Comparator] = Comparator("at_most")
    paceable: ClassVar[bool] = True

    @property
    def direction(self) -> Direction:
        return Direction.DOWN

    def judge(self, figure: Fraction, frame: Frame) -> Check:
        return verdict_down(figure, paced(self.value, frame))

    def formula(self) -> Formula:
        return ("≤", show(self.value), UNIT)


class About(Rule, frozen=True):
    """X左右: a miss on the bad side within the tolerance is forgiven; the good side is welcome.

    `direction` says which side is good: up for growth (增长6%左右), down for a cap
    (控制在3%左右); none makes it a two-sided band.
    """

    value: Fraction
    band: Fraction
    way: Direction = Direction.UP
    comparator: ClassVar[Comparator] = Comparator("about")
    required_keys: ClassVar[frozenset[str]] = frozenset({"value", "tolerance"})
    optional_keys: ClassVar[frozenset[str]] = frozenset({"direction"})
    paceable: ClassVar[bool] = True

    @classmethod
    def from_fields(cls, fields: RuleFields) -> Rule:
        assert fields.value is not None
        assert fields.tolerance is not None
        return cls(fields.value, fields.tolerance, fields.direction or Direction.UP)

    @property
    def direction(self) -> Direction:
        return self.way

    @property
    def threshold(self) -> Fraction:
        return self.value

    @property
    def tolerance(self) -> Fraction:
        return self.band

    def judge(self, figure: Fraction, frame: Frame) -> Check:
        centre = paced(self.value, frame)
        band = self.band if frame.level is not None else self.band * frame.share
        return banded(figure, centre, band, self.way)

    def formula(self) -> Formula:
        sign, band = BAND_SIGNS[self.way]
        bound = () if self.way is Direction.NONE else (sign,)
        return (*bound, show(self.value), band, show(self.band), UNIT)


class Range(Rule, frozen=True):
    """X%—Y%: within the range; past its good end is welcome (up by default)."""

    low: Fraction
    high: Fraction
    way: Direction = Direction.UP
    comparator: ClassVar[Comparator] = Comparator("range")
    required_keys: ClassVar[frozenset[str]] = frozenset({"value"})
    optional_keys: ClassVar[frozenset[str]] = frozenset({"direction"})
    paceable: ClassVar[bool] = True
    takes_bounds: ClassVar[bool] = True

    @classmethod
    def from_fields(cls, fields: RuleFields) -> Rule:
        assert fields.bounds is not None
        low, high = fields.bounds
        return cls(low, high, fields.direction or Direction.UP)

    @property
    def direction(self) -> Direction:
        return self.way

    @property
    def threshold(self) -> Fraction:
        return self.high if self.way is Direction.DOWN else self.low

    @property
    def numbers(self) -> tuple[Fraction, ...]:
        return self.low, self.high

    def judge(self, figure: Fraction, frame: Frame) -> Check:
        share = Fraction(1) if frame.level is not None else frame.share
        low, high = self.low * share, self.high * share
        if self.way is Direction.UP:
            check = verdict_up(figure, low)
            if check.passed and figure > high:
                return Check(
                    passed=True,
                    reason="exceeds",
                    required=low,
                    gap=figure - low,
                    excess=figure - high,
                )
            return Check(
                passed=check.passed,
                reason="meets" if check.passed else "short",
                required=low,
                gap=figure - low,
            )
        if self.way is Direction.DOWN:
            check = verdict_down(figure, high)
            if check.passed and figure < low:
                return Check(
                    passed=True,
                    reason="exceeds",
                    required=high,
                    gap=figure - high,
                    excess=low - figure,
                )
            return Check(
                passed=check.passed,
                reason="meets" if check.passed else "over",
                required=high,
                gap=figure - high,
            )
        if figure < low:
            return Check(passed=False, reason="outside-range", required=low, gap=figure - low)
        if figure > high:
            return Check(passed=False, reason="outside-range", required=high, gap=figure - high)
        return Check(passed=True, reason="meets", required=low, gap=figure - low)

    def formula(self) -> Formula:
        return (f"{show(self.low)}—{show(self.high)}", UNIT)


class RankWithin(OneNumber, frozen=True):
    """进入前N位: a rank of N or better (a smaller number is better)."""

    comparator: ClassVar[Comparator] = Comparator("rank_within")
    least_value: ClassVar[Fraction | None] = Fraction(1)
    whole_value: ClassVar[bool] = True

    @property
    def direction(self) -> Direction:
        return Direction.DOWN

    def judge(self, figure: Fraction, frame: Frame) -> Check:
        return verdict_down(figure, self.value)

    def formula(self) -> Formula:
        return (RANK, "≤", show(self.value))
