"""The rules a commitment's wording implies, one small type each, one module per family.

Every module of this package is imported here, and each rule type in it registers itself by the
comparator it declares: a new rule type is its own module and its test table, nothing more.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import TYPE_CHECKING, TypeAlias, Union

from reportcheck.rules.base import (
    REGISTERED,
    Check,
    Comparator,
    Direction,
    Formula,
    Frame,
    Rule,
    RuleFields,
    Word,
    show,
    to_decimal,
)
from reportcheck.rules.baseline import BelowBaseline, RiseBy, Steady
from reportcheck.rules.done import Done
from reportcheck.rules.level import About, AtLeast, AtMost, MoreThan, Range, RankWithin
from reportcheck.rules.relative import FasterThan, InStep

for _module in pkgutil.iter_modules(__path__, f"{__name__}."):
    importlib.import_module(_module.name)

#: Each comparator's rule type; the registry builds entries through this table.
RULES: dict[str, type[Rule]] = REGISTERED

if TYPE_CHECKING:
    AnyRule: TypeAlias = Rule
else:
    #: Every registered rule type: the union msgspec reads a stored rule back into, by its tag
    #: (built from the registrations, so a new rule type needs no word here).
    AnyRule = Union[tuple(REGISTERED.values())]  # noqa: UP007 - a union built at run time


def build_rule(comparator: str, fields: RuleFields) -> AnyRule:
    """The rule of `comparator` from an entry's checked fields."""
    rule: AnyRule = RULES[comparator].from_fields(fields)
    return rule


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
    "Formula",
    "Frame",
    "InStep",
    "MoreThan",
    "Range",
    "RankWithin",
    "RiseBy",
    "Rule",
    "RuleFields",
    "Steady",
    "Word",
    "build_rule",
    "show",
    "to_decimal",
]
