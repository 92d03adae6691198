"""When an entry's promise is due through the year: its pacing and its schedule of milestones.

Read from the entry where it is written, and refused where a pacing could make a wrong verdict:
a scaled pacing for a rule with no figure to scale, a path with no baseline level or from one
already past the target, milestones outside 0 … the target, twice for one period, or falling.
"""

from __future__ import annotations

from fractions import Fraction
from itertools import pairwise
from typing import TYPE_CHECKING

from reportcheck.model.periods import Period, parse_period
from reportcheck.registry.records import Baseline, Kind, Pacing, Released
from reportcheck.registry.yamlnodes import Checker, Failed, Node
from reportcheck.rules import Direction, Rule, show

if TYPE_CHECKING:
    from reportcheck.model.problems import Term


def default_pacing(
    rule: Rule | None, kind: Kind, released: Released, baseline: Baseline | None
) -> Pacing:
    """The pacing a careful analyst would choose when the entry does not say."""
    if rule is None:
        return Pacing.DIRECT
    if rule.yes_no or released is Released.YEARLY:
        return Pacing.AT_DUE
    if not rule.paceable:
        return Pacing.DIRECT
    if kind is Kind.CUMULATIVE:
        return Pacing.LINEAR
    if kind is Kind.STOCK:
        # A level promised for the due date: along the path from last year's level when the
        # registry gives one, else judged at the due date only (a balance below its year-end
        # target in January is not behind).
        has_level = baseline is not None and baseline.value is not None
        return Pacing.PATH if has_level else Pacing.AT_DUE
    return Pacing.DIRECT


def read_pacing(
    check: Checker,
    node: Node,
    where: Term,
    rule: Rule | Failed | None,
    kind: Kind | None,
    released: Released | None,
    baseline: Baseline | Failed | None,
) -> Pacing | None:
    if kind is None or released is None:
        return None
    pacing = check.choice(node, "pacing", Pacing, where)
    known = None if isinstance(rule, Failed) else rule
    if pacing is None:
        if "milestones" in node and "pacing" not in node:
            check.problem(
                "registry-pacing",
                variant="milestones-need-pacing",
                line=node.key_lines["milestones"],
                key="pacing",
                where=where,
            )
        level = baseline if isinstance(baseline, Baseline) else None
        return None if "pacing" in node else default_pacing(known, kind, released, level)
    line = node.key_lines["pacing"]
    scaled = pacing in (Pacing.LINEAR, Pacing.PATH, Pacing.MILESTONES)
    if scaled and not isinstance(rule, Failed) and (rule is None or not rule.paceable):
        check.problem(
            "registry-pacing",
            variant="reference" if rule is None else "not-paceable",
            line=line,
            key="pacing",
            value=pacing.value,
            where=where,
            comparator="" if rule is None else rule.comparator.value,
        )
    elif pacing is Pacing.PATH and not isinstance(baseline, Failed):
        _path(check, line, where, known, baseline)
    if (pacing is Pacing.MILESTONES) != ("milestones" in node):
        check.problem(
            "registry-pacing",
            variant="milestones-together",
            line=line,
            key="pacing",
            value=pacing.value,
            where=where,
        )
    return pacing


def _path(
    check: Checker, line: int, where: Term, rule: Rule | None, baseline: Baseline | None
) -> None:
    """A path runs from last year's level towards the target; a baseline on the target's far
    side (a balance already past 突破1万亿元) makes a path that falls to the target."""
    if baseline is None or baseline.value is None:
        check.problem(
            "registry-pacing", variant="path-no-baseline", line=line, key="pacing", where=where
        )
        return
    if rule is None or rule.threshold is None:
        return
    level, target = Fraction(baseline.value), rule.threshold
    direction = rule.direction
    if (direction is Direction.UP and level >= target) or (
        direction is Direction.DOWN and level <= target
    ):
        check.problem(
            "registry-pacing",
            variant="path-past-target",
            line=line,
            key="pacing",
            value="path",
            where=where,
            baseline=show(Fraction(baseline.value)),
            target=show(target),
        )


def read_milestones(
    check: Checker,
    node: Node,
    where: Term,
    pacing: Pacing | None,
    rule: Rule | Failed | None,
    year: int,
    due: Period | None,
) -> tuple[tuple[Period, Fraction], ...]:
    """A schedule of figures due by periods of the report's year to the due date: one per period,
    each between 0 and the target, none below the one before."""
    if pacing is not Pacing.MILESTONES or not check.present(node, "milestones", where):
        return ()
    raw = node["milestones"]
    line = node.key_lines["milestones"]
    if not isinstance(raw, Node) or not raw:
        check.problem(
            "registry-pacing",
            variant="milestones-shape",
            line=line,
            key="milestones",
            where=where,
            example=f'{{"{year}-06": 50}}',
        )
        return ()
    target = rule.threshold if isinstance(rule, Rule) else None
    schedule: dict[Period, tuple[Fraction, int]] = {}
    written: dict[Period, str] = {}  # each period as the registry writes it
    for key, value in raw.items():
        key_line = raw.key_lines[key]
        try:
            period = parse_period(str(key)[:40])
        except ValueError:
            check.problem(
                "registry-pacing",
                variant="milestone-period",
                line=key_line,
                key="milestones",
                value=key,
                where=where,
            )
            continue
        if period.year < year or (due is not None and period > due):
            check.problem(
                "registry-pacing",
                variant="milestone-outside",
                line=key_line,
                key="milestones",
                value=key,
                where=where,
                year=year,
            )
            continue
        number = check.number_value(value, key_line, "milestones", where)
        if number is None:
            continue
        if period in schedule:
            check.problem(
                "registry-pacing",
                variant="milestone-twice",
                line=key_line,
                key="milestones",
                value=key,
                where=where,
                first=written[period],
            )
            continue
        if number < 0 or (target is not None and number > target):
            check.problem(
                "registry-pacing",
                variant="milestone-beyond",
                line=key_line,
                key="milestones",
                value=show(number),
                where=where,
                target="—" if target is None else show(target),
            )
            continue
        schedule[period] = (number, key_line)
        written[period] = str(key)
    ordered = sorted(schedule.items())
    for (_, (before, _line)), (period, (after, after_line)) in pairwise(ordered):
        if after < before:
            check.problem(
                "registry-pacing",
                variant="milestone-order",
                line=after_line,
                key="milestones",
                value=show(after),
                where=where,
                period=str(period),
                earlier=show(before),
            )
    return tuple((period, number) for period, (number, _) in ordered)
