"""The rules a commitment's wording implies, one small type each."""

from __future__ import annotations

from typing import TypeAlias, cast, get_args

from reportcheck.rules.base import (
    Check,
    Comparator,
    Direction,
    Frame,
    Rule,
    RuleFields,
    show,
    to_decimal,
)
from reportcheck.rules.baseline import BelowBaseline, RiseBy, Steady
from reportcheck.rules.done import Done
from reportcheck.rules.level import About, AtLeast, AtMost, MoreThan, Range, RankWithin
from reportcheck.rules.relative import FasterThan, InStep

#: Every rule type: the union msgspec reads a stored rule back into, by its tag.
AnyRule: TypeAlias = (
    AtLeast
    | MoreThan
    | AtMost
    | About
    | Range
    | RankWithin
    | BelowBaseline
    | RiseBy
    | Steady
    | InStep
    | FasterThan
    | Done
)
#: Each comparator's rule type; the registry builds entries through this table.
RULES: dict[Comparator, type[AnyRule]] = {rule.comparator: rule for rule in get_args(AnyRule)}


def build_rule(comparator: Comparator, fields: RuleFields) -> AnyRule:
    """The rule of `comparator` from an entry's checked fields."""
    return cast("AnyRule", RULES[comparator].from_fields(fields))


__all__ = [
    "RULES",
    "About",
    "AnyRule",
    "AtLeast",
    "AtMost",
    "BelowBaseline",
    "Check",
    "Comparator",
    "Direction",
    "Done",
    "FasterThan",
    "Frame",
    "InStep",
    "MoreThan",
    "Range",
    "RankWithin",
    "RiseBy",
    "Rule",
    "RuleFields",
    "Steady",
    "build_rule",
    "show",
    "to_decimal",
]
