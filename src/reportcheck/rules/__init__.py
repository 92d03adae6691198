"""The rules a commitment's wording implies, one small type each, one module per family.

Every module of this package is imported here, and each rule type in it registers itself by the
comparator it declares: a new rule type is its own module and its test table, nothing more.
"""

from __future__ import annotations

import importlib
import pkgutil

from reportcheck.rules.base import (
    REGISTERED,
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

for _module in pkgutil.iter_modules(__path__, f"{__name__}."):
    importlib.import_module(_module.name)

#: Each comparator's rule type; the registry builds entries through this table.
RULES: dict[str, type[Rule]] = REGISTERED

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
