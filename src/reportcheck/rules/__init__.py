"""The rules a commitment's wording implies, one small type each."""

from __future__ import annotations

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

#: Each comparator's rule type; the registry builds entries through this table.
RULES: dict[Comparator, type[Rule]] = {
    rule.comparator: rule
    for rule in (
        AtLeast,
        MoreThan,
        AtMost,
        About,
        Range,
        RankWithin,
        BelowBaseline,
        RiseBy,
        Steady,
        InStep,
        FasterThan,
        Done,
    )
}

__all__ = [
    "RULES",
    "About",
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
    "show",
    "to_decimal",
]
