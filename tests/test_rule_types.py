"""Each rule type on its own: the bound it holds a figure to, the gap, the excess, its words.

test_rules.py judges whole registry entries from the report's wording; this file pins the
numbers each type returns and the frames pacing hands it, so a changed operator shows.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import msgspec
import pytest

from reportcheck.output.explain import formula_words
from reportcheck.registry.entry import Context
from reportcheck.registry.records import Registry
from reportcheck.review.evaluate import Report, Result
from reportcheck.review.status import Status
from reportcheck.rules import (
    RULES,
    About,
    AtLeast,
    AtMost,
    BelowBaseline,
    Check,
    Comparator,
    Direction,
    Done,
    FasterThan,
    Frame,
    InStep,
    MoreThan,
    Range,
    RankWithin,
    RiseBy,
    Rule,
    RuleFields,
    Steady,
    show,
    to_decimal,
)

from .rulebook import build, entry

F = Fraction
UP, DOWN, NONE = Direction.UP, Direction.DOWN, Direction.NONE
JUNE = Frame(final=False, share=F(1, 2))
MILESTONE = Frame(final=False, level=F(40))
BASE = Frame(baseline=F("1.61"))
OTHER = Frame(other=F("5.7"))

CHECKS: list[tuple[str, Rule, F, Frame, Check]] = [
    (
        "at-least-above",
        AtLeast(F(9)),
        F(10),
        Frame(),
        Check(passed=True, reason="exceeds", required=F(9), gap=F(1), excess=F(1)),
    ),
    (
        "at-least-equal",
        AtLeast(F(9)),
        F(9),
        Frame(),
        Check(passed=True, reason="meets", required=F(9), gap=F(0)),
    ),
    (
        "at-least-below",
        AtLeast(F(9)),
        F(8),
        Frame(),
        Check(passed=False, reason="short", required=F(9), gap=F(-1)),
    ),
    (
        "at-least-paced",
        AtLeast(F(9)),
        F(5),
        JUNE,
        Check(passed=True, reason="exceeds", required=F(9, 2), gap=F(1, 2), excess=F(1, 2)),
    ),
    (
        "at-least-level",
        AtLeast(F(100)),
        F(39),
        MILESTONE,
        Check(passed=False, reason="short", required=F(40), gap=F(-1)),
    ),
    (
        "more-than-final",
        MoreThan(F(200)),
        F(200),
        Frame(),
        Check(passed=False, reason="not-above", required=F(200), gap=F(0)),
    ),
    (
        "more-than-paced",
        MoreThan(F(200)),
        F(100),
        JUNE,
        Check(passed=True, reason="meets", required=F(100), gap=F(0)),
    ),
    (
        "at-most-below",
        AtMost(F(5)),
        F(4),
        Frame(),
        Check(passed=True, reason="exceeds", required=F(5), gap=F(-1), excess=F(1)),
    ),
    (
        "at-most-equal",
        AtMost(F(5)),
        F(5),
        Frame(),
        Check(passed=True, reason="meets", required=F(5), gap=F(0)),
    ),
    (
        "at-most-over",
        AtMost(F(5)),
        F(6),
        Frame(),
        Check(passed=False, reason="over", required=F(5), gap=F(1)),
    ),
    (
        "rank-equal",
        RankWithin(F(25)),
        F(25),
        JUNE,
        Check(passed=True, reason="meets", required=F(25), gap=F(0)),
    ),
    (
        "rank-over",
        RankWithin(F(25)),
        F(26),
        Frame(),
        Check(passed=False, reason="over", required=F(25), gap=F(1)),
    ),
    (
        "about-up-over",
        About(F(6), F(1, 2)),
        F(7),
        Frame(),
        Check(
            passed=True, reason="exceeds", required=F(6), gap=F(1), excess=F(1), tolerance=F(1, 2)
        ),
    ),
    (
        "about-up-equal",
        About(F(6), F(1, 2)),
        F(6),
        Frame(),
        Check(passed=True, reason="meets", required=F(6), gap=F(0), excess=None, tolerance=F(1, 2)),
    ),
    (
        "about-up-band",
        About(F(6), F(1, 2)),
        F("5.5"),
        Frame(),
        Check(
            passed=True,
            reason="within-tolerance",
            required=F(6),
            gap=F(-1, 2),
            excess=None,
            tolerance=F(1, 2),
        ),
    ),
    (
        "about-up-short",
        About(F(6), F(1, 2)),
        F("5.4"),
        Frame(),
        Check(
            passed=False,
            reason="short",
            required=F(6),
            gap=F("-0.6"),
            excess=None,
            tolerance=F(1, 2),
        ),
    ),
    (
        "about-paced",
        About(F(10), F(2)),
        F("3.9"),
        JUNE,
        Check(
            passed=False, reason="short", required=F(5), gap=F("-1.1"), excess=None, tolerance=F(1)
        ),
    ),
    (
        "about-paced-band",
        About(F(10), F(2)),
        F(4),
        JUNE,
        Check(
            passed=True,
            reason="within-tolerance",
            required=F(5),
            gap=F(-1),
            excess=None,
            tolerance=F(1),
        ),
    ),
    (
        "about-level",
        About(F(100), F(2)),
        F(38),
        MILESTONE,
        Check(
            passed=True,
            reason="within-tolerance",
            required=F(40),
            gap=F(-2),
            excess=None,
            tolerance=F(2),
        ),
    ),
    (
        "about-down-under",
        About(F(3), F(1, 2), DOWN),
        F(2),
        Frame(),
        Check(
            passed=True, reason="exceeds", required=F(3), gap=F(-1), excess=F(1), tolerance=F(1, 2)
        ),
    ),
    (
        "about-down-equal",
        About(F(3), F(1, 2), DOWN),
        F(3),
        Frame(),
        Check(passed=True, reason="meets", required=F(3), gap=F(0), excess=None, tolerance=F(1, 2)),
    ),
    (
        "about-down-band",
        About(F(3), F(1, 2), DOWN),
        F("3.5"),
        Frame(),
        Check(
            passed=True,
            reason="within-tolerance",
            required=F(3),
            gap=F(1, 2),
            excess=None,
            tolerance=F(1, 2),
        ),
    ),
    (
        "about-down-over",
        About(F(3), F(1, 2), DOWN),
        F("3.6"),
        Frame(),
        Check(
            passed=False, reason="over", required=F(3), gap=F("0.6"), excess=None, tolerance=F(1, 2)
        ),
    ),
    (
        "about-none-in",
        About(F(6), F(1, 2), NONE),
        F("6.5"),
        Frame(),
        Check(
            passed=True, reason="meets", required=F(6), gap=F(1, 2), excess=None, tolerance=F(1, 2)
        ),
    ),
    (
        "about-none-out",
        About(F(6), F(1, 2), NONE),
        F("6.6"),
        Frame(),
        Check(
            passed=False,
            reason="outside-range",
            required=F(6),
            gap=F("0.6"),
            excess=None,
            tolerance=F(1, 2),
        ),
    ),
    (
        "range-up-in",
        Range(F(6), F("6.5")),
        F("6.2"),
        Frame(),
        Check(passed=True, reason="meets", required=F(6), gap=F("0.2")),
    ),
    (
        "range-up-low-end",
        Range(F(6), F("6.5")),
        F(6),
        Frame(),
        Check(passed=True, reason="meets", required=F(6), gap=F(0)),
    ),
    (
        "range-up-high-end",
        Range(F(6), F("6.5")),
        F("6.5"),
        Frame(),
        Check(passed=True, reason="meets", required=F(6), gap=F("0.5")),
    ),
    (
        "range-up-above",
        Range(F(6), F("6.5")),
        F(7),
        Frame(),
        Check(passed=True, reason="exceeds", required=F(6), gap=F(1), excess=F("0.5")),
    ),
    (
        "range-up-below",
        Range(F(6), F("6.5")),
        F("5.9"),
        Frame(),
        Check(passed=False, reason="short", required=F(6), gap=F("-0.1")),
    ),
    (
        "range-paced",
        Range(F(6), F(8)),
        F("2.9"),
        JUNE,
        Check(passed=False, reason="short", required=F(3), gap=F("-0.1")),
    ),
    (
        "range-level",
        Range(F(6), F(8)),
        F(6),
        MILESTONE,
        Check(passed=True, reason="meets", required=F(6), gap=F(0)),
    ),
    (
        "range-down-in",
        Range(F(2), F(3), DOWN),
        F("2.5"),
        Frame(),
        Check(passed=True, reason="meets", required=F(3), gap=F("-0.5")),
    ),
    (
        "range-down-below",
        Range(F(2), F(3), DOWN),
        F(1),
        Frame(),
        Check(passed=True, reason="exceeds", required=F(3), gap=F(-2), excess=F(1)),
    ),
    (
        "range-down-low-end",
        Range(F(2), F(3), DOWN),
        F(2),
        Frame(),
        Check(passed=True, reason="meets", required=F(3), gap=F(-1)),
    ),
    (
        "range-down-over",
        Range(F(2), F(3), DOWN),
        F(4),
        Frame(),
        Check(passed=False, reason="over", required=F(3), gap=F(1)),
    ),
    (
        "range-none-in",
        Range(F(6), F(7), NONE),
        F(7),
        Frame(),
        Check(passed=True, reason="meets", required=F(6), gap=F(1)),
    ),
    (
        "range-none-low",
        Range(F(6), F(7), NONE),
        F("5.5"),
        Frame(),
        Check(passed=False, reason="outside-range", required=F(6), gap=F("-0.5")),
    ),
    (
        "range-none-high",
        Range(F(6), F(7), NONE),
        F("7.5"),
        Frame(),
        Check(passed=False, reason="outside-range", required=F(7), gap=F("0.5")),
    ),
    (
        "below-baseline",
        BelowBaseline(),
        F("1.6"),
        BASE,
        Check(passed=True, reason="exceeds", required=F("1.61"), gap=F("-0.01"), excess=F("0.01")),
    ),
    (
        "below-baseline-equal",
        BelowBaseline(),
        F("1.61"),
        BASE,
        Check(passed=False, reason="not-below", required=F("1.61"), gap=F(0)),
    ),
    (
        "rise-by",
        RiseBy(F("1.5")),
        F("33.6"),
        Frame(baseline=F("32.1")),
        Check(passed=True, reason="meets", required=F("33.6"), gap=F(0)),
    ),
    (
        "steady-up",
        Steady(F("0.2")),
        F("1.4"),
        BASE,
        Check(
            passed=False,
            reason="short",
            required=F("1.61"),
            gap=F("-0.21"),
            excess=None,
            tolerance=F("0.2"),
        ),
    ),
    (
        "steady-down",
        Steady(F("0.2"), DOWN),
        F("1.8"),
        BASE,
        Check(
            passed=True,
            reason="within-tolerance",
            required=F("1.61"),
            gap=F("0.19"),
            excess=None,
            tolerance=F("0.2"),
        ),
    ),
    (
        "in-step",
        InStep("gdp", F(1)),
        F("4.7"),
        OTHER,
        Check(
            passed=True,
            reason="within-tolerance",
            required=F("5.7"),
            gap=F(-1),
            excess=None,
            tolerance=F(1),
        ),
    ),
    (
        "in-step-short",
        InStep("gdp", F(1)),
        F("4.6"),
        OTHER,
        Check(
            passed=False,
            reason="short",
            required=F("5.7"),
            gap=F("-1.1"),
            excess=None,
            tolerance=F(1),
        ),
    ),
    (
        "faster",
        FasterThan("gdp"),
        F("5.8"),
        OTHER,
        Check(passed=True, reason="exceeds", required=F("5.7"), gap=F("0.1"), excess=F("0.1")),
    ),
    (
        "faster-equal",
        FasterThan("gdp"),
        F("5.7"),
        OTHER,
        Check(passed=False, reason="not-above", required=F("5.7"), gap=F(0)),
    ),
    ("done", Done(), F(1), Frame(), Check(passed=True, reason="done")),
    ("not-done", Done(), F(0), Frame(), Check(passed=False, reason="not-done")),
]


@pytest.mark.parametrize(
    ("rule", "figure", "frame", "expected"), [pytest.param(*c[1:], id=c[0]) for c in CHECKS]
)
def test_each_rule_type_returns_its_bound_gap_and_excess(
    rule: Rule, figure: F, frame: Frame, expected: Check
) -> None:
    assert rule.judge(figure, frame) == expected


DESCRIBED: list[tuple[Rule, str, str, str]] = [
    (AtLeast(F(9)), "万人", "≥ 9 万人", "≥ 9 万人"),
    (MoreThan(F(200)), "个", "> 200 个", "> 200 个"),
    (AtMost(F(5)), "%", "≤ 5 %", "≤ 5 %"),
    (About(F(6), F(1, 2)), "%", "≥ 6 − 0.5 %", "≥ 6 − 0.5 %"),
    (About(F(3), F(1, 2), DOWN), "%", "≤ 3 + 0.5 %", "≤ 3 + 0.5 %"),
    (About(F(6), F(1, 2), NONE), "%", "6 ± 0.5 %", "6 ± 0.5 %"),
    (Range(F(6), F("6.5")), "%", "6—6.5 %", "6—6.5 %"),
    (RankWithin(F(25)), "位", "排名 ≤ 25", "rank ≤ 25"),
    (BelowBaseline(), "倍", "< 基期", "< baseline"),
    (RiseBy(F("1.5")), "%", "≥ 基期 + 1.5 个百分点", "≥ baseline + 1.5 pp"),
    (Steady(F("0.2")), "%", "≥ 基期 − 0.2", "≥ baseline − 0.2"),
    (Steady(F("0.2"), NONE), "%", "= 基期 ± 0.2", "= baseline ± 0.2"),
    (InStep("gdp", F(1)), "%", "≥ gdp − 1 %", "≥ gdp − 1 %"),
    (FasterThan("gdp"), "%", "> gdp", "> gdp"),
    (Done(), "是/否", "完成", "done"),
]


@pytest.mark.parametrize(("rule", "unit", "zh", "en"), DESCRIBED)
def test_each_rule_type_says_itself_in_both_languages(
    rule: Rule, unit: str, zh: str, en: str
) -> None:
    said = (formula_words(rule.formula(), unit, "zh"), formula_words(rule.formula(), unit, "en"))
    assert said == (zh, en)


def test_the_flags_each_rule_type_declares() -> None:
    paceable = {c for c, kind in RULES.items() if kind.paceable}
    assert paceable == {
        Comparator.AT_LEAST,
        Comparator.MORE_THAN,
        Comparator.AT_MOST,
        Comparator.ABOUT,
        Comparator.RANGE,
    }
    baseline = {c for c, kind in RULES.items() if kind.needs_baseline}
    assert baseline == {Comparator.BELOW_BASELINE, Comparator.RISE_BY, Comparator.STEADY}
    assert AtMost(F(1)).direction is DOWN
    assert RankWithin(F(1)).direction is DOWN
    assert BelowBaseline().direction is DOWN
    assert AtLeast(F(1)).direction is UP
    assert Done().direction is UP
    assert (Range(F(1), F(2)).threshold, Range(F(1), F(2), DOWN).threshold) == (F(1), F(2))
    assert (InStep("gdp", F(1)).other, FasterThan("gdp").other, AtLeast(F(1)).other) == (
        "gdp",
        "gdp",
        None,
    )
    assert Frame() == Frame(final=True, share=F(1), level=None, baseline=None, other=None)


def test_a_rule_holds_only_its_numbers_its_flags_stay_with_its_type() -> None:
    numbers = {c: tuple(f.name for f in msgspec.structs.fields(kind)) for c, kind in RULES.items()}
    assert numbers == {
        Comparator.AT_LEAST: ("value",),
        Comparator.MORE_THAN: ("value",),
        Comparator.AT_MOST: ("value",),
        Comparator.ABOUT: ("value", "band", "way"),
        Comparator.RANGE: ("low", "high", "way"),
        Comparator.RANK_WITHIN: ("value",),
        Comparator.BELOW_BASELINE: (),
        Comparator.RISE_BY: ("value",),
        Comparator.STEADY: ("band", "way"),
        Comparator.IN_STEP: ("target", "band", "way"),
        Comparator.FASTER_THAN: ("target",),
        Comparator.DONE: (),
    }
    assert all(kind.comparator is c for c, kind in RULES.items())
    made: list[Rule] = [AtLeast(F(1)), AtLeast(F(1)), AtLeast(F(2)), MoreThan(F(1)), Done(), Done()]
    assert [m == made[0] for m in made] == [True, True, False, False, False, False]
    assert [m == made[4] for m in made] == [False, False, False, False, True, True]
    assert hash(made[0]) == hash(made[1])


def _assign(thing: object, name: str, value: object) -> None:
    setattr(thing, name, value)


def test_rules_and_results_cannot_be_changed_once_made() -> None:
    for made in (AtLeast(F(1)), Done(), Frame(), Check(passed=True, reason="meets")):
        for name in type(made).__struct_fields__:
            with pytest.raises(AttributeError):
                _assign(made, name, getattr(made, name))
    registry = build(entry("增长9%", "at_least", value=9))
    result = Result(target=registry.commitments[0], status=Status.NO_DATA, period=None)
    with pytest.raises(AttributeError):
        _assign(result, "status", Status.MET)
    with pytest.raises(AttributeError):
        _assign(registry.commitments[0], "unit", "%")


def test_registries_compare_and_show_their_fields_not_their_id_index() -> None:
    names = [f.name for f in msgspec.structs.fields(Registry)]
    assert names == ["path", "meta", "sections", "targets", "units", "bands"]
    registry = build(
        entry("增长9%", "at_least", value=9, id="a"),
        entry("增长8%", "at_least", value=8, id="b"),
    )
    a, b = registry.targets
    assert registry.get("a") is a  # its index is built; the copy's is not yet
    copy = msgspec.structs.replace(registry)
    assert copy == registry
    assert repr(copy) == repr(registry)
    assert "_by_id" not in repr(registry)
    fewer = msgspec.structs.replace(registry, targets=(b,))
    assert fewer != registry
    assert (fewer.get("a"), fewer.get("b")) == (None, b)


@pytest.mark.parametrize(
    ("value", "shown", "decimal"),
    [
        (F(0), "0", Decimal(0)),
        (F("6.5"), "6.5", Decimal("6.5")),
        (F(200, 3), "66.6667…", Decimal("66.6667")),
        (F(-1, 3), "-0.3333…", Decimal("-0.3333")),
        (F(10**30 + 1), "1000000000000000000000000000001", Decimal(10**30 + 1)),
        (F(1, 10**12), "0.000000000001", Decimal("1E-12")),
    ],
)
def test_numbers_are_shown_exactly_or_marked_as_rounded(
    value: F, shown: str, decimal: Decimal
) -> None:
    assert (show(value), to_decimal(value)) == (shown, decimal)


def _result(status: Status, gap: str | None, required: str | None) -> Result:
    registry = build(entry("增长9%", "at_least", value=9))
    return Result(
        target=registry.commitments[0],
        status=status,
        period=None,
        gap=None if gap is None else Decimal(gap),
        required=None if required is None else Decimal(required),
    )


def test_shortfall_is_the_share_of_the_requirement_still_missing() -> None:
    assert _result(Status.BEHIND, "-3", "12").shortfall == Decimal("0.25")
    assert _result(Status.MISSED, "-3", "0").shortfall == Decimal(3)
    assert _result(Status.BEHIND, None, "12").shortfall == Decimal(1)
    assert _result(Status.ON_TRACK, "3", "12").shortfall is None
    assert _result(Status.NOT_DUE, "-3", "12").shortfall is None


def test_a_report_selects_by_id_section_and_status_together() -> None:
    registry = build(
        entry("增长9%", "at_least", value=9, id="a"),
        entry("增长8%", "at_least", value=8, id="b"),
    )
    a, b = registry.commitments
    results = (
        Result(target=a, status=Status.MET, period=None),
        Result(target=b, status=Status.BEHIND, period=None),
    )
    report = Report(registry=registry, period=None, results=results)
    assert [r.target.id for r in report.select().results] == ["a", "b"]
    assert [r.target.id for r in report.select(ids=["b"]).results] == ["b"]
    assert [r.target.id for r in report.select(sections=["二"]).results] == ["a", "b"]
    assert [r.target.id for r in report.select(sections=["三"]).results] == []
    assert [r.target.id for r in report.select(statuses=[Status.MET]).results] == ["a"]
    assert report.select(ids=["a"], statuses=[Status.BEHIND]).results == ()


def test_every_rule_type_and_the_typed_results_are_immutable() -> None:
    fields = RuleFields(
        value=F(6), bounds=(F(6), F(7)), tolerance=F(1, 2), other="gdp", direction=UP
    )
    made: list[msgspec.Struct] = [kind.from_fields(fields) for kind in RULES.values()]
    registry = build(entry("增长9%", "at_least", value=9))
    made += [
        Report(registry=registry, period=None, results=()),
        Context(year=2023, sections={}, units={}, evidence=None),
        registry,
    ]
    for thing in made:
        assert type(thing).__struct_config__.frozen, type(thing).__name__
        for name in type(thing).__struct_fields__:  # every field, not a name it does not have
            with pytest.raises(AttributeError):
                _assign(thing, name, getattr(thing, name))


def test_more_than_in_the_year_without_pacing_is_on_track_at_the_mark() -> None:
    assert MoreThan(F(200)).judge(F(200), Frame(final=False)) == Check(
        passed=True, reason="meets", required=F(200), gap=F(0)
    )


@pytest.mark.parametrize(
    ("rule", "figure", "expected"),
    [
        (
            Range(F(6), F(8)),
            F("4.5"),
            Check(passed=True, reason="exceeds", required=F(3), gap=F("1.5"), excess=F("0.5")),
        ),
        (
            Range(F(6), F(8), NONE),
            F(6),
            Check(passed=True, reason="meets", required=F(6), gap=F(0)),
        ),
        (
            Range(F(6), F(8), NONE),
            F(8),
            Check(passed=True, reason="meets", required=F(6), gap=F(2)),
        ),
    ],
)
def test_range_edges(rule: Rule, figure: F, expected: Check) -> None:
    frame = JUNE if figure == F("4.5") else Frame()
    assert rule.judge(figure, frame) == expected


def test_a_long_exact_figure_keeps_every_digit() -> None:
    assert to_decimal(F(10**30 + 1, 10**30)) == Decimal("1.000000000000000000000000000001")
