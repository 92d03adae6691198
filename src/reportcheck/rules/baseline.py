"""Rules that compare with last year's level: 进一步缩小, 提高N个百分点, 基本稳定."""

from fractions import Fraction
from typing import ClassVar

from reportcheck.rules.base import (
    BAND_SIGNS,
    BASELINE,
    POINTS,
    Check,
    Comparator,
    Direction,
    Formula,
    Frame,
    OneNumber,
    Rule,
    RuleFields,
    banded,
    show,
    verdict_down,
    verdict_up,
)


def _base(frame: Frame) -> Fraction:
    if frame.baseline is None:  # pragma: no cover - evaluate supplies it or reports no data
        raise ValueError("a baseline rule needs a baseline figure")
    return frame.baseline


class BelowBaseline(Rule, frozen=True):
    """进一步缩小 / 持续缩小: lower than the baseline."""

    comparator: ClassVar[Comparator] = Comparator("below_baseline")
    needs_baseline: ClassVar[bool] = True

    @classmethod
    def from_fields(cls, fields: RuleFields) -> Rule:
        return cls()

    @property
    def direction(self) -> Direction:
        return Direction.DOWN

    def judge(self, figure: Fraction, frame: Frame) -> Check:
        return verdict_down(figure, _base(frame), strict=True)

    def formula(self) -> Formula:
        return ("<", BASELINE)


class RiseBy(OneNumber, frozen=True):
    """提高N个百分点: at least N points above the baseline."""

    comparator: ClassVar[Comparator] = Comparator("rise_by")
    needs_baseline: ClassVar[bool] = True
    value_in_points: ClassVar[bool] = True

    def judge(self, figure: Fraction, frame: Frame) -> Check:
        return verdict_up(figure, _base(frame) + self.value)

    def formula(self) -> Formula:
        return ("≥", BASELINE, "+", show(self.value), POINTS)


class Steady(Rule, frozen=True):
    """基本稳定: holds the baseline; a fall within the tolerance is met, a rise is met."""

    band: Fraction
    way: Direction = Direction.UP
    comparator: ClassVar[Comparator] = Comparator("steady")
    required_keys: ClassVar[frozenset[str]] = frozenset({"tolerance"})
    optional_keys: ClassVar[frozenset[str]] = frozenset({"direction"})
    needs_baseline: ClassVar[bool] = True

    @classmethod
    def from_fields(cls, fields: RuleFields) -> Rule:
        assert fields.tolerance is not None
        return cls(fields.tolerance, fields.direction or Direction.UP)

    @property
    def direction(self) -> Direction:
        return self.way

    @property
    def tolerance(self) -> Fraction:
        return self.band

    def judge(self, figure: Fraction, frame: Frame) -> Check:
        return banded(figure, _base(frame), self.band, self.way)

    def formula(self) -> Formula:
        sign, band = BAND_SIGNS[self.way]
        return (sign, BASELINE, band, show(self.band))
