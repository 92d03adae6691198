"""Building one registry entry: its rule, due date, pacing, milestones, baseline and evidence.

Every field an entry's rule cannot use is refused, every field it needs is asked for, every value
that could make a wrong verdict is checked where it is read, and each problem names the key and
its line once. A field that is wrong is reported alone: what depends on it is not checked again
(no "needs a baseline" after a baseline that is itself wrong). An entry that a rule cannot judge
is never built.
"""

from __future__ import annotations

from fractions import Fraction
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.numbers import normalise_text
from reportcheck.model.periods import Period, parse_period
from reportcheck.model.problems import Term
from reportcheck.registry import evidence
from reportcheck.registry.records import (
    Baseline,
    EnteredAs,
    Kind,
    Released,
    Role,
    Section,
    Target,
)
from reportcheck.registry.schedule import read_milestones, read_pacing
from reportcheck.registry.schema import (
    BASELINE,
    ENTRY,
    FIRST_YEAR,
    ID,
    MAX_YEARS_AHEAD,
    MAX_YEARS_BACK,
    RULE_KEYS,
    YES_NO_UNIT,
    comparators,
)
from reportcheck.registry.yamlnodes import FAILED, Checker, Failed, Node, NumberTooLong
from reportcheck.rules import RULES, Direction, Rule, RuleFields, show, to_decimal

if TYPE_CHECKING:
    from collections.abc import Mapping

    from reportcheck.model.units import Unit
    from reportcheck.registry.evidence import Evidence


class Context(msgspec.Struct, frozen=True, kw_only=True):
    """What every entry of one registry is checked against. What is itself wrong is not held
    against the entries: `sections` is None when the sections are, and a unit declared wrongly
    is in `declared` (not in `units`), so an entry naming it is not refused a second time."""

    year: int
    sections: Mapping[str, Section] | None
    units: Mapping[str, Unit]
    evidence: Evidence | None  # None when the registry's texts cannot be read
    declared: frozenset[str] = frozenset()


def where_of(item: object) -> Term:
    named = item.get("id") if isinstance(item, Node) else None
    return Term("target", named) if isinstance(named, str) and named else Term("target-unnamed")


def build_target(check: Checker, item: object, context: Context) -> Target | None:
    """The entry's typed form, or None (with its problems recorded) when it cannot be judged."""
    first = len(check.problems)
    where = where_of(item)
    node = check.keys(item, where, ENTRY, item.line if isinstance(item, Node) else None)
    if node is None:
        return None
    target_id = check.text(node, "id", where)
    if target_id and not ID.fullmatch(target_id):
        check.problem("registry-bad-id", line=node.key_lines["id"], key="id", value=target_id)
    section = check.text(node, "section", where)
    if section and context.sections is not None and section not in context.sections:
        check.problem(
            "registry-unknown-section",
            line=node.key_lines["section"],
            key="section",
            value=section,
            where=where,
        )
    text = _text_name(check, node, where, context)
    role = check.choice(node, "role", Role, where) or Role.COMMITMENT
    quote = _quote(check, node, where, context, text, "plan" if role is Role.COMMITMENT else None)
    names = {key: check.text(node, key, where) for key in ("name_zh", "name_en")}
    for key in ("id", "section", "unit", "name_zh", "name_en"):
        if isinstance(node.get(key), str) and not node[key].strip():
            check.problem("registry-empty", line=node.key_lines[key], key=key, where=where)
    unit = _unit(check, node, where, context)
    kind = check.choice(node, "kind", Kind, where)
    released = check.choice(node, "released", Released, where)
    baseline = _baseline(check, node, where, context, unit)
    rule = _rule(check, node, where, role)
    due = _due(check, node, where, context.year)
    if kind is not None:
        _kind_fits(check, node, where, kind, rule, unit)
    if isinstance(rule, Rule) and rule.needs_baseline and "baseline" not in node:
        check.problem(
            "registry-rule",
            variant="needs-key",
            line=node.line,
            key="baseline",
            where=where,
            comparator=rule.comparator.value,
        )
    pacing = read_pacing(check, node, where, rule, kind, released, baseline)
    milestones = read_milestones(check, node, where, pacing, rule, context.year, due)
    entered_as = check.choice(node, "entered_as", EnteredAs, where)
    signless = rule is None or (isinstance(rule, Rule) and rule.direction is not Direction.UP)
    if entered_as is not None and signless:
        check.problem(
            "registry-rule",
            variant="entered-as",
            line=node.key_lines["entered_as"],
            key="entered_as",
            where=where,
        )
    if isinstance(rule, Rule) and quote and context.evidence is not None:
        evidence.check_values(
            check,
            context.evidence,
            quote,
            rule,
            unit,
            line=node.key_lines.get("value", node.line),
            comparator_line=node.key_lines.get("comparator", node.line),
            where=where,
        )
    basis, lead, leader, note = (
        check.text(node, key, where) or None for key in ("basis", "lead", "leader", "note")
    )
    failed = any(p.severity == "error" for p in check.problems[first:])
    # each field is None only with its problem recorded
    if failed or kind is None or released is None or due is None or pacing is None:
        return None
    return Target(
        id=target_id,
        section=section,
        quote=quote,
        name_zh=names["name_zh"],
        name_en=names["name_en"],
        unit=unit,
        rule=rule if isinstance(rule, Rule) else None,
        kind=kind,
        released=released,
        role=role,
        line=node.line,
        due=due,
        pacing=pacing,
        baseline=baseline if isinstance(baseline, Baseline) else None,
        milestones=milestones,
        entered_as=entered_as,
        basis=basis,
        lead=lead,
        leader=leader,
        note=note,
        due_stated="due" in node,
        text=text,
    )


def _text_name(check: Checker, node: Node, where: Term, context: Context) -> str:
    """The text an entry (or a baseline) quotes: "" for the seed, or a name under report.texts."""
    name = check.text(node, "text", where)
    if not name or context.evidence is None or name in context.evidence.texts:
        return name
    known = sorted(n for n in context.evidence.texts if n)
    check.problem(
        "registry-unknown-text",
        line=node.key_lines["text"],
        key="text",
        value=name,
        where=where,
        known=", ".join(known) or "—",
    )
    return name


def _quote(
    check: Checker, node: Node, where: Term, context: Context, text: str, part: str | None
) -> str:
    quote = check.text(node, "quote", where)
    if isinstance(node.get("quote"), str) and not node["quote"].strip():
        check.problem("registry-empty", line=node.key_lines["quote"], key="quote", where=where)
        return ""
    if quote and context.evidence is not None:
        verbatim = evidence.check_quote(
            check,
            context.evidence,
            quote,
            text,
            line=node.key_lines["quote"],
            key="quote",
            where=where,
            part=part,
        )
        return quote if verbatim else ""
    return quote


def _unit(check: Checker, node: Node, where: Term, context: Context) -> str:
    """The entry's unit, folded as figures' unit cells are (万吨（标煤） is 万吨(标煤))."""
    unit = normalise_text(check.text(node, "unit", where))
    if unit in context.declared and unit not in context.units:
        return ""  # its declaration is wrong, and said so
    if unit and unit not in context.units:
        check.problem(
            "registry-unknown-unit",
            line=node.key_lines["unit"],
            key="unit",
            value=unit,
            where=where,
            known=", ".join(context.units),
        )
        return ""
    return unit


def _rule(check: Checker, node: Node, where: Term, role: Role) -> Rule | Failed | None:
    """The entry's rule; None for a reference entry, FAILED when its fields are wrong."""
    if role is Role.REFERENCE:
        refused = [key for key in sorted(RULE_KEYS | {"comparator"}) if key in node]
        for key in refused:
            check.problem(
                "registry-rule", variant="reference", line=node.key_lines[key], key=key, where=where
            )
        return FAILED if refused else None
    if "comparator" not in node:
        check.problem("registry-missing-key", line=node.line, key="comparator", where=where)
        return FAILED
    if not check.present(node, "comparator", where):
        return FAILED
    name = node["comparator"]
    kind = RULES.get(name) if isinstance(name, str) else None
    if kind is None:
        check.problem(
            "registry-unknown-comparator",
            line=node.key_lines["comparator"],
            key="comparator",
            value=name,
            where=where,
            known=", ".join(comparators()),
        )
        return FAILED
    first = len(check.problems)
    takes = kind.required_keys | kind.optional_keys
    for key in sorted(RULE_KEYS - takes):
        if key in node:
            check.problem(
                "registry-rule",
                variant="takes-no",
                line=node.key_lines[key],
                key=key,
                where=where,
                comparator=kind.comparator.value,
            )
    for key in sorted(kind.required_keys - set(node)):
        check.problem(
            "registry-rule",
            variant="needs-key",
            line=node.line,
            key=key,
            where=where,
            comparator=kind.comparator.value,
        )
    fields = _fields(check, node, where, kind)
    if len(check.problems) > first or fields is None:
        return FAILED
    return kind.from_fields(fields)


def _fields(check: Checker, node: Node, where: Term, kind: type[Rule]) -> RuleFields | None:
    first = len(check.problems)
    takes = kind.required_keys | kind.optional_keys
    value: Fraction | None = None
    bounds: tuple[Fraction, Fraction] | None = None
    if "value" not in takes:
        pass  # refused as a key the rule takes not, and read no further
    elif kind.takes_bounds:
        bounds = _bounds(check, node, where)
    elif "value" in node:
        value = check.number(node, "value", where)
        if value is not None:
            _value_fits(check, node, where, kind, value)
    tolerance = check.number(node, "tolerance", where) if "tolerance" in takes else None
    if tolerance is not None and tolerance < 0:
        check.problem(
            "registry-rule",
            variant="negative-tolerance",
            line=node.key_lines["tolerance"],
            key="tolerance",
            value=show(tolerance),
            where=where,
        )
    other = (check.text(node, "other", where) or None) if "other" in takes else None
    if (
        other is None
        and "other" in kind.required_keys
        and "other" in node
        and len(check.problems) == first
    ):
        check.problem(  # other: "" names no quantity to compare with
            "registry-rule",
            variant="needs-other",
            line=node.key_lines["other"],
            key="other",
            where=where,
            comparator=kind.comparator.value,
        )
    direction = check.choice(node, "direction", Direction, where) if "direction" in takes else None
    if len(check.problems) > first:
        return None
    return RuleFields(
        value=value, bounds=bounds, tolerance=tolerance, other=other, direction=direction
    )


def _value_fits(check: Checker, node: Node, where: Term, kind: type[Rule], value: Fraction) -> None:
    """What the rule type declares of its value: a rank is a whole number of 1 or more."""
    line = node.key_lines["value"]
    shown = show(value)
    if kind.whole_value and value.denominator != 1:
        check.problem(
            "registry-rule",
            variant="whole",
            line=line,
            key="value",
            value=shown,
            where=where,
            comparator=kind.comparator.value,
        )
    elif kind.least_value is not None and value < kind.least_value:
        check.problem(
            "registry-rule",
            variant="least",
            line=line,
            key="value",
            value=shown,
            where=where,
            comparator=kind.comparator.value,
            least=show(kind.least_value),
        )


def _bounds(check: Checker, node: Node, where: Term) -> tuple[Fraction, Fraction] | None:
    if not check.present(node, "value", where):
        return None
    raw = node["value"]
    line = node.key_lines["value"]
    if not isinstance(raw, list) or len(raw) != 2:
        check.problem(
            "registry-rule", variant="range-two", line=line, key="value", value=raw, where=where
        )
        return None
    low, high = (check.number_value(v, line, "value", where) for v in raw)
    if low is None or high is None:
        return None
    if low >= high:
        check.problem(
            "registry-rule", variant="range-order", line=line, key="value", value=raw, where=where
        )
        return None
    return low, high


def _kind_fits(
    check: Checker, node: Node, where: Term, kind: Kind, rule: Rule | Failed | None, unit: str
) -> None:
    """A yes/no outcome has kind yesno, unit 是/否 and a yes/no rule; nothing else has any."""
    if isinstance(rule, Rule) and rule.yes_no != (kind is Kind.YESNO):
        check.problem(
            "registry-rule",
            variant="yes-no",
            line=node.key_lines.get("comparator", node.line),
            key="comparator",
            value=rule.comparator.value,
            where=where,
            unit=YES_NO_UNIT,
        )
    elif unit and (unit == YES_NO_UNIT) != (kind is Kind.YESNO):
        check.problem(
            "registry-rule",
            variant="yes-no-unit",
            line=node.key_lines["unit"],
            key="unit",
            value=unit,
            where=where,
            unit=YES_NO_UNIT,
        )


def _due(check: Checker, node: Node, where: Term, year: int) -> Period | None:
    """The period by which the promise must hold: the report's year unless the entry says."""
    if not check.present(node, "due", where):
        return Period(year, 12, "year") if "due" not in node else None
    raw = node["due"]
    written = raw.text if isinstance(raw, NumberTooLong) else str(raw)
    line = node.key_lines["due"]
    try:
        due = parse_period(written[:40])
    except ValueError:
        check.problem(
            "registry-due", variant="period", line=line, key="due", value=raw, where=where
        )
        return None
    if year and not year <= due.year <= year + MAX_YEARS_AHEAD:
        check.problem(
            "registry-due",
            line=line,
            key="due",
            value=raw,
            where=where,
            first=year,
            last=year + MAX_YEARS_AHEAD,
        )
        return None
    return due


def _baseline(
    check: Checker, node: Node, where: Term, context: Context, unit: str
) -> Baseline | Failed | None:
    """Last year's level, quoted from the review part of a text; FAILED when it is wrong."""
    if not check.present(node, "baseline", where):
        return FAILED if "baseline" in node else None
    label = Term("target-baseline", where.name) if where.kind == "target" else where
    entry = check.keys(node["baseline"], label, BASELINE, node.key_lines["baseline"])
    if entry is None:
        return FAILED
    first = len(check.problems)
    value = check.number(entry, "value", label) if "value" in entry else None
    text = _text_name(check, entry, label, context)
    quote = _quote(check, entry, label, context, text, "review")
    same_period = check.text(entry, "same_period", label) or None
    year = _baseline_year(check, entry, label, context.year)
    if value is not None and "quote" not in entry:
        check.problem(
            "registry-missing-key",
            variant="baseline-quote",
            line=entry.line,
            key="quote",
            where=label,
        )
    if value is None and same_period is None and len(check.problems) == first:
        check.problem(
            "registry-rule", variant="baseline-empty", line=entry.line, key="baseline", where=label
        )
    if value is not None and quote and unit and context.evidence is not None:
        evidence.check_baseline_value(
            check,
            context.evidence,
            quote,
            value,
            unit,
            line=entry.key_lines.get("value", entry.line),
            where=label,
        )
    if any(p.severity == "error" for p in check.problems[first:]) or year is None:
        return FAILED
    return Baseline(
        value=to_decimal(value) if value is not None else None,
        year=year,
        quote=quote,
        same_period=same_period,
        text=text,
    )


def _baseline_year(check: Checker, entry: Node, label: Term, year: int) -> int | None:
    """The baseline's year: before the report's (last year's level, or a plan's base year), so
    that a path from it to the due date always has months to run."""
    if not check.present(entry, "year", label):
        return None
    given = entry["year"]
    line = entry.key_lines["year"]
    if not isinstance(given, int) or isinstance(given, bool):
        check.problem(
            "registry-type", variant="year", line=line, key="year", value=given, where=label
        )
        return None
    if year and not max(FIRST_YEAR, year - MAX_YEARS_BACK) <= given < year:
        check.problem(
            "registry-baseline-year",
            line=line,
            key="year",
            value=given,
            where=label,
            first=max(FIRST_YEAR, year - MAX_YEARS_BACK),
            last=year - 1,
        )
        return None
    return given
