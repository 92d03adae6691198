"""Rules that compare with another quantity of the same period: 与…基本同步, 快于…."""

from fractions import Fraction
from typing import ClassVar

from reportcheck.rules.base import (
    BAND_SIGNS,
    UNIT,
    Check,
    Comparator,
    Direction,
    Formula,
    Frame,
    Rule,
    RuleFields,
    banded,
    show,
    verdict_up,
)


def _other(frame: Frame) -> Fraction:
    if frame.other is None:  # pragma: no cover - evaluate supplies it or reports no data
        raise ValueError("a relative rule needs the other quantity's figure")
    return frame.other


class InStep(Rule, frozen=True):
    """与…基本同步: keeps pace with `target`; a lag within the tolerance is met, faster is met."""

    target: str
    band: Fraction
    way: Direction = Direction.UP
    comparator: ClassVar[Comparator] = Comparator("in_step")
    required_keys: ClassVar[frozenset[str]] = frozenset({"other", "tolerance"})
    optional_keys: ClassVar[frozenset[str]] = frozenset({"direction"})

    @classmethod
    def from_fields(cls, fields: RuleFields) -> Rule:
        assert fields.other is not None
        assert fields.tolerance is not None
        return cls(fields.other, fields.tolerance, fields.direction or Direction.UP)

    @property
    def direction(self) -> Direction:
        return self.way

    @property
    def tolerance(self) -> Fraction:
        return self.band

    @property
    def other(self) -> str:
        return self.target

    def judge(self, figure: Fraction, frame: Frame) -> Check:
        return banded(figure, _other(frame), self.band, self.way)

    def formula(self) -> Formula:
        sign, band = BAND_SIGNS[self.way]
        return (sign, self.target, band, show(self.band), UNIT)


class FasterThan(Rule, frozen=True):
    """快于…: greater than `target`."""

    target: str
    comparator: ClassVar[Comparator] = Comparator("faster_than")
    required_keys: ClassVar[frozenset[str]] = frozenset({"other"})

    @classmethod
    def from_fields(cls, fields: RuleFields) -> Rule:
        assert fields.other is not None
        return cls(fields.other)

    @property
    def other(self) -> str:
        return self.target

    def judge(self, figure: Fraction, frame: Frame) -> Check:
        return verdict_up(figure, _other(frame), strict=True)

    def formula(self) -> Formula:
        return (">", self.target)
