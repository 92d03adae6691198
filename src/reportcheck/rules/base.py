"""What every rule shares: the good direction, the frame it is judged in, and its verdict.

A rule is one small frozen type per wording of the report (至少, 超过, 以内, 左右, …). It holds
exactly the numbers the wording gives, judges a figure in a `Frame`, and writes itself as a
formula of signs, numbers and word keys that `reportcheck.output` says in the reader's language.
Numbers are exact fractions: 三分之二 is 2/3, never 66.67.
"""

from decimal import Context, Decimal, Inexact
from enum import Enum
from fractions import Fraction
from typing import ClassVar

import msgspec


class Comparator(str):
    """A rule's name in the registry (`comparator: at_least`), as its rule type declares it.

    Open, not an enumeration: a rule type names itself in its own module, and the loader, `lint`
    and `draft` know it from there. The same name is always the same object, so `is` compares.
    """

    __slots__ = ()
    _named: ClassVar[dict[str, "Comparator"]] = {}

    def __new__(cls, name: str) -> "Comparator":
        known = cls._named.get(name)
        if known is None:
            known = cls._named[name] = super().__new__(cls, name)
        return known

    @property
    def value(self) -> str:
        return str(self)

    # The names other layers refer to, set when the rule type that declares each is defined.
    AT_LEAST: ClassVar["Comparator"]  # 增长X% / 达到X / X以上 / 不低于X / plain "X家"
    MORE_THAN: ClassVar["Comparator"]  # 超过X / 突破X
    AT_MOST: ClassVar["Comparator"]  # 控制在X以内
    ABOUT: ClassVar["Comparator"]  # X左右
    RANGE: ClassVar["Comparator"]  # X%—Y%
    RANK_WITHIN: ClassVar["Comparator"]  # 进入前N位
    BELOW_BASELINE: ClassVar["Comparator"]  # 进一步缩小
    RISE_BY: ClassVar["Comparator"]  # 提高N个百分点
    STEADY: ClassVar["Comparator"]  # 基本稳定
    IN_STEP: ClassVar["Comparator"]  # 与…基本同步
    FASTER_THAN: ClassVar["Comparator"]  # 快于…
    DONE: ClassVar["Comparator"]  # 完成…任务, 建成投产…, 全线贯通…: a yes/no deliverable


class Direction(str, Enum):
    """Which way is good for the quantity: more (增长), less (控制在…以内) or neither."""

    UP = "up"
    DOWN = "down"
    NONE = "none"


class Word(msgspec.Struct, frozen=True):
    """A word of a formula, said in the reader's language by `reportcheck.output.words`:
    `baseline` (基期), `points` (个百分点), `rank` (排名), `done` (完成), or `unit`, the entry's
    own unit (dropped when it has none)."""

    key: str


BASELINE, POINTS, RANK, DONE, UNIT = (
    Word(k) for k in ("baseline", "points", "rank", "done", "unit")
)

#: A rule written out: signs and numbers as they are, words by key, read with spaces between.
Formula = tuple[str | Word, ...]

#: The sign of a bound with a tolerance, and of the tolerance, by the good direction.
BAND_SIGNS: dict[Direction, tuple[str, str]] = {
    Direction.UP: ("≥", "−"),
    Direction.DOWN: ("≤", "+"),
    Direction.NONE: ("=", "±"),
}

#: Every rule type, by the comparator it declares, in the order their modules define them.
REGISTERED: dict[str, type["Rule"]] = {}


class Frame(msgspec.Struct, frozen=True, kw_only=True):
    """What a figure is judged against at one period.

    `share` scales an annual threshold to the part due by now (序时进度); 1 means the whole of it.
    `level` replaces the threshold outright (a milestone, a point on the path from a baseline).
    `final` is true at the due period, where 超过 is strict and nothing is paced.
    """

    final: bool = True
    share: Fraction = Fraction(1)
    level: Fraction | None = None
    baseline: Fraction | None = None
    other: Fraction | None = None


class Check(msgspec.Struct, frozen=True, kw_only=True):
    """A rule's verdict on one figure, in codes and numbers; sentences are made at the edge.

    `reason` is one of: exceeds, meets, within-tolerance, short, over, not-above (equal to a
    bound it must exceed), not-below (equal to a bound it must stay under), outside-range,
    done, not-done. `required` is the bound the figure was held to; `gap` is figure − required;
    `excess` is how far past the bound it went in the good direction, when it passed.
    """

    passed: bool
    reason: str
    required: Fraction | None = None
    gap: Fraction | None = None
    excess: Fraction | None = None
    tolerance: Fraction | None = None


class RuleFields(msgspec.Struct, frozen=True, kw_only=True):
    """What the registry entry gave for a rule, already checked as numbers and words."""

    value: Fraction | None = None
    bounds: tuple[Fraction, Fraction] | None = None
    tolerance: Fraction | None = None
    other: str | None = None
    direction: Direction | None = None


class Rule(msgspec.Struct, frozen=True, tag_field="rule", tag=True):
    """The interface each rule type implements; see the concrete types for the wording.

    A frozen Struct without fields of its own: each rule type adds the numbers its wording gives.
    A type that names a `comparator` registers itself: the registry's schema, the loader, `lint`
    and `draft` read what it declares here and need no word about it elsewhere. Each type is
    tagged with its class name, so that msgspec reads a stored rule back as the type it was
    (`reportcheck.rules.AnyRule`).
    """

    comparator: ClassVar[Comparator]
    #: The YAML keys the rule takes besides `comparator`, and which of them it needs.
    required_keys: ClassVar[frozenset[str]] = frozenset()
    optional_keys: ClassVar[frozenset[str]] = frozenset()
    #: Whether the threshold can be paced through the year (序时进度, a path, milestones).
    paceable: ClassVar[bool] = False
    needs_baseline: ClassVar[bool] = False
    #: `value` is two numbers, [low, high], rather than one.
    takes_bounds: ClassVar[bool] = False
    #: A yes/no outcome: the entry's kind is yesno and its unit 是/否, and only this rule's are.
    yes_no: ClassVar[bool] = False
    #: The least `value` may be (a rank is 1 or more), and whether it must be a whole number.
    least_value: ClassVar[Fraction | None] = None
    whole_value: ClassVar[bool] = False
    #: The value is in percentage points of the entry's unit (提高1.5个百分点 of a share in %).
    value_in_points: ClassVar[bool] = False

    def __init_subclass__(cls) -> None:
        super().__init_subclass__()
        if "comparator" in cls.__dict__:
            name = cls.__dict__["comparator"]
            REGISTERED[name] = cls
            setattr(Comparator, name.upper(), name)

    @property
    def direction(self) -> Direction:
        return Direction.UP

    @property
    def threshold(self) -> Fraction | None:
        """The annual figure the wording names, if it names one."""
        return None

    @property
    def numbers(self) -> tuple[Fraction, ...]:
        """The numbers the wording names (a range's two ends), as its quote must hold them."""
        return () if self.threshold is None else (self.threshold,)

    @property
    def tolerance(self) -> Fraction | None:
        return None

    @property
    def other(self) -> str | None:
        return None

    @classmethod
    def from_fields(cls, fields: RuleFields) -> "Rule":  # pragma: no cover - abstract
        raise NotImplementedError

    def judge(self, figure: Fraction, frame: Frame) -> Check:  # pragma: no cover - abstract
        raise NotImplementedError

    def formula(self) -> "Formula":  # pragma: no cover - abstract
        """The rule as a reader checks it: '≥ 9 万人' is ("≥", "9", Word("unit"))."""
        raise NotImplementedError


class OneNumber(Rule, frozen=True):
    """A rule whose wording names one number and no more: 以上, 超过, 以内, 前N位, 提高N点."""

    value: Fraction
    required_keys: ClassVar[frozenset[str]] = frozenset({"value"})

    @classmethod
    def from_fields(cls, fields: RuleFields) -> "Rule":
        assert fields.value is not None
        return cls(fields.value)

    @property
    def threshold(self) -> Fraction:
        return self.value


def paced(value: Fraction, frame: Frame) -> Fraction:
    """The part of an annual threshold due by the frame's period."""
    if frame.level is not None:
        return frame.level
    return value * frame.share


def verdict_up(figure: Fraction, bound: Fraction, *, strict: bool = False) -> Check:
    """More is better: at least (or more than) `bound`."""
    passed = figure > bound if strict else figure >= bound
    gap = figure - bound
    if not passed:
        return Check(
            passed=False,
            reason="not-above" if strict and not gap else "short",
            required=bound,
            gap=gap,
        )
    return Check(
        passed=True,
        reason="exceeds" if gap > 0 else "meets",
        required=bound,
        gap=gap,
        excess=gap if gap > 0 else None,
    )


def verdict_down(figure: Fraction, bound: Fraction, *, strict: bool = False) -> Check:
    """Less is better: at most (or less than) `bound`."""
    passed = figure < bound if strict else figure <= bound
    gap = figure - bound
    if not passed:
        return Check(
            passed=False,
            reason="not-below" if strict and not gap else "over",
            required=bound,
            gap=gap,
        )
    return Check(
        passed=True,
        reason="exceeds" if gap < 0 else "meets",
        required=bound,
        gap=gap,
        excess=-gap if gap < 0 else None,
    )


def banded(figure: Fraction, centre: Fraction, tolerance: Fraction, direction: Direction) -> Check:
    """About `centre`: a miss within `tolerance` on the bad side is forgiven; the good side is
    always welcome. With no good direction, both sides count."""
    gap = figure - centre
    if direction is Direction.UP:
        if gap >= 0:
            return Check(
                passed=True,
                reason="exceeds" if gap else "meets",
                required=centre,
                gap=gap,
                excess=gap or None,
                tolerance=tolerance,
            )
        ok = -gap <= tolerance
        return Check(
            passed=ok,
            reason="within-tolerance" if ok else "short",
            required=centre,
            gap=gap,
            excess=None,
            tolerance=tolerance,
        )
    if direction is Direction.DOWN:
        if gap <= 0:
            return Check(
                passed=True,
                reason="exceeds" if gap else "meets",
                required=centre,
                gap=gap,
                excess=-gap or None,
                tolerance=tolerance,
            )
        ok = gap <= tolerance
        return Check(
            passed=ok,
            reason="within-tolerance" if ok else "over",
            required=centre,
            gap=gap,
            excess=None,
            tolerance=tolerance,
        )
    ok = abs(gap) <= tolerance
    return Check(
        passed=ok,
        reason="meets" if ok else "outside-range",
        required=centre,
        gap=gap,
        excess=None,
        tolerance=tolerance,
    )


def fraction(value: Decimal | Fraction | int) -> Fraction:
    return value if isinstance(value, Fraction) else Fraction(value)


def to_decimal(value: Fraction, places: int = 4) -> Decimal:
    """Exact when the fraction ends in decimal notation, else rounded to `places` (or to two
    significant digits when that would round a non-zero value to zero)."""
    # A fraction that ends has at most its numerator's digits plus its denominator's bits: n/2^k
    # is n·5^k/10^k. That precision keeps it whole, and leaves the rounding of one that does not
    # end more digits than any run of 0s or 9s in its expansion.
    digits = len(str(abs(value.numerator))) + value.denominator.bit_length() + places
    context = Context(prec=max(28, digits))
    exact = context.divide(Decimal(value.numerator), Decimal(value.denominator))
    if not context.flags[Inexact]:  # nothing was rounded away: exact is the fraction itself
        return exact.normalize(context) if exact else Decimal(0)
    rounded = exact.quantize(Decimal(10) ** -places, context=context)
    if not rounded:
        # A difference smaller than the places shown is not zero: keep two significant digits,
        # so that 66.6666666666 against 200/3 is short by 0.000000000067, not by 0.
        return Context(prec=2).plus(exact)
    return rounded.normalize(context)


def show(value: Fraction) -> str:
    """A threshold as people write it: 6, 6.5, 66.6667 (for 200/3)."""
    number = to_decimal(value)
    text = "0" if number == 0 else format(number, "f")
    return text if value == fraction(number) else f"{text}…"
