"""Building one registry entry: its rule, due date, pacing, baseline and sign convention.

Every field an entry's rule cannot use is refused, every field it needs is asked for, and each
problem names the key and its line; an entry that a rule cannot judge is never built.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.periods import Period, parse_period
from reportcheck.registry.records import (
    Baseline,
    EnteredAs,
    Kind,
    Pacing,
    Released,
    Role,
    Section,
    Target,
)
from reportcheck.registry.yamlnodes import Checker, Node
from reportcheck.rules import (
    RULES,
    AnyRule,
    Comparator,
    Direction,
    Rule,
    RuleFields,
    build_rule,
    to_decimal,
)

if TYPE_CHECKING:
    from collections.abc import Mapping

    from reportcheck.model.units import Unit

_ID = re.compile(r"[a-z][a-z0-9_]*")
REQUIRED = {"id", "section", "quote", "name_zh", "name_en", "unit", "kind", "released"}
#: Keys a rule may take; which of them it does take is the rule type's own business.
RULE_KEYS = {"value", "tolerance", "other", "direction"}
GENERAL = {
    "comparator",
    "baseline",
    "role",
    "note",
    "due",
    "pacing",
    "milestones",
    "entered_as",
    "basis",
    "lead",
}
OPTIONAL = RULE_KEYS | GENERAL
BASELINE_KEYS = {"value", "year", "quote", "same_period"}
#: How far ahead a due date may lie: a five-year plan, with room for a longer horizon.
MAX_YEARS_AHEAD = 15


class Context(msgspec.Struct, frozen=True):
    """What every entry of one registry is checked against."""

    year: int
    sections: Mapping[str, Section]
    units: Mapping[str, Unit]
    seed_text: str | None


def build_target(check: Checker, item: object, context: Context) -> Target | None:
    """The entry's typed form, or None (with its problems recorded) when it cannot be judged."""
    first = len(check.problems)
    line = item.line if isinstance(item, Node) else None
    named = item.get("id") if isinstance(item, Node) else None
    where = f"target {named}" if isinstance(named, str) and named else "target (no id)"
    node = check.keys(item, where, REQUIRED, OPTIONAL, line)
    if node is None:
        return None
    target_id = check.text(node, "id", where)
    if target_id and not _ID.fullmatch(target_id):
        check.fail(
            "registry-bad-id",
            f"{where}: id must be lower-case ASCII letters, digits and '_', starting with a letter",
            node.key_lines["id"],
            "id",
            target_id,
        )
    section = check.text(node, "section", where)
    if section and section not in context.sections:
        check.fail(
            "registry-unknown-section",
            f"{where}: section {section!r} is not listed under sections",
            node.key_lines["section"],
            "section",
            section,
        )
    quote = _quote(check, node, "quote", where, context.seed_text)
    for key in ("name_zh", "name_en"):
        if key in node and node[key] is not None and not check.text(node, key, where).strip():
            check.fail("registry-empty", f"{where}: {key} is empty", node.key_lines[key], key)
    unit = check.text(node, "unit", where)
    if unit and unit not in context.units:
        check.fail(
            "registry-unknown-unit",
            f"{where}: unknown unit {unit!r} (known: {', '.join(context.units)}; "
            "or declare it under units)",
            node.key_lines["unit"],
            "unit",
            unit,
        )
    kind = check.choice(node, "kind", Kind, where)
    released = check.choice(node, "released", Released, where)
    role = check.choice(node, "role", Role, where) or Role.COMMITMENT
    baseline = _baseline(check, node, where, context.seed_text)
    rule = _rule(check, node, where, role)
    due = _due(check, node, where, context.year)
    if kind is not None and rule is not None:
        _kind_fits(check, node, where, kind, rule, unit)
    if rule is not None and rule.needs_baseline and baseline is None and "baseline" not in node:
        check.fail(
            "registry-rule",
            f"{where}: missing key 'baseline' (needed by comparator {rule.comparator.value})",
            node.line,
            "baseline",
        )
    pacing = _pacing(check, node, where, rule, kind, released, baseline)
    milestones = _milestones(check, node, where, pacing, context.year, due)
    entered_as = check.choice(node, "entered_as", EnteredAs, where)
    if entered_as is not None and (rule is None or rule.direction is not Direction.UP):
        check.fail(
            "registry-rule",
            f"{where}: entered_as applies to a fall promised as more-is-better "
            "(压减X%以上), not to this comparator",
            node.key_lines["entered_as"],
            "entered_as",
        )
    if len(check.problems) > first or kind is None or released is None or due is None:
        return None
    assert pacing is not None
    return Target(
        id=target_id,
        section=section,
        quote=quote,
        name_zh=check.text(node, "name_zh", where),
        name_en=check.text(node, "name_en", where),
        unit=unit,
        rule=rule,
        kind=kind,
        released=released,
        role=role,
        line=node.line,
        due=due,
        pacing=pacing,
        baseline=baseline,
        milestones=milestones,
        entered_as=entered_as,
        basis=check.text(node, "basis", where) or None,
        lead=check.text(node, "lead", where) or None,
        note=check.text(node, "note", where) or None,
        due_stated="due" in node,
    )


def _quote(check: Checker, node: Node, key: str, where: str, seed_text: str | None) -> str:
    quote = check.text(node, key, where)
    if key in node and node[key] is not None and not quote.strip():
        check.fail("registry-empty", f"{where}: {key} is empty", node.key_lines[key], key)
    elif quote and seed_text is not None and quote not in seed_text:
        check.fail(
            "registry-quote-not-in-report",
            f"{where}: {key} is not verbatim in the report",
            node.key_lines[key],
            key,
            quote,
        )
    return quote


def _rule(check: Checker, node: Node, where: str, role: Role) -> AnyRule | None:
    if role is Role.REFERENCE:
        for key in sorted(RULE_KEYS | {"comparator"}):
            if key in node:
                check.fail(
                    "registry-rule",
                    f"{where}: a reference entry has no {key}",
                    node.key_lines[key],
                    key,
                )
        return None
    if "comparator" not in node:
        check.fail("registry-missing-key", f"{where}: missing key 'comparator'", node.line)
        return None
    comparator = check.choice(node, "comparator", Comparator, where)
    if comparator is None:
        return None
    kind = RULES[comparator]
    takes = kind.required_keys | kind.optional_keys
    ok = True
    for key in sorted(RULE_KEYS - takes):
        if key in node:
            check.fail(
                "registry-rule",
                f"{where}: comparator {comparator.value} takes no {key}",
                node.key_lines[key],
                key,
            )
            ok = False
    for key in sorted(kind.required_keys - set(node)):
        check.fail(
            "registry-rule",
            f"{where}: missing key {key!r} (needed by comparator {comparator.value})",
            node.line,
            key,
        )
        ok = False
    fields = _fields(check, node, where, comparator)
    if not ok or fields is None:
        return None
    return build_rule(comparator, fields)


def _fields(check: Checker, node: Node, where: str, comparator: Comparator) -> RuleFields | None:
    first = len(check.problems)
    value: Fraction | None = None
    bounds: tuple[Fraction, Fraction] | None = None
    if comparator is Comparator.RANGE:
        bounds = _bounds(check, node, where)
    elif "value" in node:
        value = check.number(node, "value", where)
    tolerance = check.number(node, "tolerance", where) if "tolerance" in node else None
    if tolerance is not None and tolerance < 0:
        check.fail(
            "registry-rule",
            f"{where}: tolerance must not be negative",
            node.key_lines["tolerance"],
            "tolerance",
            to_decimal(tolerance),
        )
    other = check.text(node, "other", where) or None
    direction = check.choice(node, "direction", Direction, where)
    if len(check.problems) > first:
        return None
    return RuleFields(value, bounds, tolerance, other, direction)


def _bounds(check: Checker, node: Node, where: str) -> tuple[Fraction, Fraction] | None:
    if not check.present(node, "value", where):
        return None
    raw = node["value"]
    line = node.key_lines["value"]
    if not isinstance(raw, list) or len(raw) != 2:
        check.fail(
            "registry-rule",
            f"{where}: a range's value is two numbers, [low, high]",
            line,
            "value",
            raw,
        )
        return None
    low, high = (check.number_value(v, line, "value", where) for v in raw)
    if low is None or high is None:
        return None
    if low >= high:
        check.fail(
            "registry-rule",
            f"{where}: a range's low end must be below its high end",
            line,
            "value",
            raw,
        )
        return None
    return low, high


def _kind_fits(check: Checker, node: Node, where: str, kind: Kind, rule: Rule, unit: str) -> None:
    is_done = rule.comparator is Comparator.DONE
    if is_done != (kind is Kind.YESNO) or (is_done and unit and unit != "是/否"):
        check.fail(
            "registry-rule",
            f"{where}: comparator done goes with kind yesno and unit 是/否, and only with them",
            node.key_lines.get("comparator", node.line),
            "comparator",
            rule.comparator.value,
        )


def _due(check: Checker, node: Node, where: str, year: int) -> Period | None:
    """The period by which the promise must hold: the report's year unless the entry says."""
    if not check.present(node, "due", where):
        return Period(year, 12, "year") if "due" not in node else None
    raw = node["due"]
    line = node.key_lines["due"]
    try:
        due = parse_period(str(raw))
    except ValueError as exc:
        check.fail("registry-due", f"{where}: due {exc}", line, "due", raw)
        return None
    if not year <= due.year <= year + MAX_YEARS_AHEAD:
        check.fail(
            "registry-due",
            f"{where}: due must fall between {year} and {year + MAX_YEARS_AHEAD}",
            line,
            "due",
            raw,
        )
        return None
    return due


def default_pacing(
    rule: Rule | None, kind: Kind, released: Released, baseline: Baseline | None
) -> Pacing:
    """The pacing a careful analyst would choose when the entry does not say."""
    if rule is None:
        return Pacing.DIRECT
    if rule.comparator is Comparator.DONE or released is Released.YEARLY:
        return Pacing.AT_DUE
    if not rule.paceable:
        return Pacing.DIRECT
    if kind is Kind.CUMULATIVE:
        return Pacing.LINEAR
    if kind is Kind.STOCK and baseline is not None and baseline.value is not None:
        return Pacing.PATH
    return Pacing.DIRECT


def _pacing(
    check: Checker,
    node: Node,
    where: str,
    rule: Rule | None,
    kind: Kind | None,
    released: Released | None,
    baseline: Baseline | None,
) -> Pacing | None:
    if kind is None or released is None:
        return None
    pacing = check.choice(node, "pacing", Pacing, where)
    if pacing is None:
        if "milestones" in node:
            check.fail(
                "registry-pacing",
                f"{where}: milestones need pacing: milestones",
                node.key_lines["milestones"],
                "pacing",
            )
        return default_pacing(rule, kind, released, baseline)
    line = node.key_lines["pacing"]
    scaled = pacing in (Pacing.LINEAR, Pacing.PATH, Pacing.MILESTONES)
    if scaled and (rule is None or not rule.paceable):
        name = rule.comparator.value if rule else "a reference entry"
        check.fail(
            "registry-pacing",
            f"{where}: pacing {pacing.value} needs a target figure to scale; {name} has none",
            line,
            "pacing",
            pacing.value,
        )
    if pacing is Pacing.PATH and (baseline is None or baseline.value is None):
        check.fail(
            "registry-pacing",
            f"{where}: pacing path runs from the baseline level; the entry has none",
            line,
            "pacing",
            pacing.value,
        )
    if (pacing is Pacing.MILESTONES) != ("milestones" in node):
        check.fail(
            "registry-pacing",
            f"{where}: pacing milestones and the milestones key go together",
            line,
            "pacing",
            pacing.value,
        )
    return pacing


def _milestones(
    check: Checker, node: Node, where: str, pacing: Pacing | None, year: int, due: Period | None
) -> tuple[tuple[Period, Fraction], ...]:
    if pacing is not Pacing.MILESTONES or not check.present(node, "milestones", where):
        return ()
    raw = node["milestones"]
    line = node.key_lines["milestones"]
    if not isinstance(raw, Node) or not raw:
        check.fail(
            "registry-pacing",
            f'{where}: milestones is a mapping of period to figure, e.g. {{"{year}-06": 50}}',
            line,
            "milestones",
        )
        return ()
    schedule: list[tuple[Period, Fraction]] = []
    for key, value in raw.items():
        key_line = raw.key_lines[key]
        try:
            period = parse_period(str(key))
        except ValueError as exc:
            check.fail("registry-pacing", f"{where}: milestone {exc}", key_line, "milestones", key)
            continue
        if period.year < year or (due is not None and period > due):
            check.fail(
                "registry-pacing",
                f"{where}: milestone {key} falls outside {year} to the due date",
                key_line,
                "milestones",
                key,
            )
            continue
        number = check.number_value(value, key_line, "milestones", where)
        if number is not None:
            schedule.append((period, number))
    return tuple(sorted(schedule))


def _baseline(check: Checker, node: Node, where: str, seed_text: str | None) -> Baseline | None:
    if not check.present(node, "baseline", where):
        return None
    label = f"{where} baseline"
    entry = check.keys(
        node["baseline"], label, {"year"}, BASELINE_KEYS - {"year"}, node.key_lines["baseline"]
    )
    if entry is None:
        return None
    first = len(check.problems)
    value = check.number(entry, "value", label) if "value" in entry else None
    quote = _quote(check, entry, "quote", label, seed_text)
    same_period = check.text(entry, "same_period", label) or None
    year = entry.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        check.fail(
            "registry-type", f"{label}: year must be a whole number", entry.line, "year", year
        )
    if value is not None and "quote" not in entry:
        check.fail(
            "registry-missing-key",
            f"{label}: a baseline value needs the quote it comes from",
            entry.line,
            "quote",
        )
    if value is None and same_period is None and len(check.problems) == first:
        check.fail(
            "registry-rule",
            f"{label}: give the full-year value, a same_period reference entry, or both",
            entry.line,
            "baseline",
        )
    if len(check.problems) > first or not isinstance(year, int):
        return None
    return Baseline(to_decimal(value) if value is not None else None, year, quote, same_period)
