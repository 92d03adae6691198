"""The registry's schema, declared once: the loader, `lint` and `draft` all read it from here.

Each rule type declares the keys it takes and needs itself (`reportcheck.rules`); this module
declares the rest: which keys each mapping of a registry has, which take one of a few words, and
the limits of years, nesting and texts. `reportcheck.registry.load` checks a registry against it,
`lint` reports what the loader finds, and `draft` writes only what it accepts.
"""

from __future__ import annotations

import re
from enum import Enum

import msgspec

from reportcheck.registry.records import (
    EnteredAs,
    Kind,
    Pacing,
    Released,
    Role,
    bands_problem,
)
from reportcheck.rules import RULES, Direction


class Keys(msgspec.Struct, frozen=True):
    """The keys of one mapping: those it must have and those it may have."""

    required: frozenset[str]
    optional: frozenset[str] = frozenset()

    @property
    def known(self) -> frozenset[str]:
        return self.required | self.optional


#: The registry file itself.
TOP = Keys(
    frozenset({"report", "sections", "targets"}),
    frozenset({"units", "not_commitments", "bands"}),
)
#: `report:`: what the registry is of, and the texts its quotes come from. `seed` is the report
#: every quote is checked against; `texts` names further texts an entry may quote instead.
REPORT = Keys(
    frozenset({"city_zh", "city_en", "year", "title_zh", "title_en", "date", "source", "seed"}),
    frozenset({"texts"}),
)
#: One section under `sections:`.
SECTION = Keys(frozenset({"zh", "en"}))
#: One unit declared under `units:`: its family (units of a family convert into each other),
#: its size in the family's base unit, and its English name.
UNIT = Keys(frozenset({"family", "factor"}), frozenset({"en"}))
#: `bands: [10, 30]`: the office's light bands, checked by the rule `report --bands` applies
#: (one or two numbers of points from 0 to 100, the first not above the second), so that a
#: registry `lint` passes never stops `report`.
BANDS_RULE = bands_problem
#: One item of `not_commitments:`: a span of a plan that promises nothing this year, and why: a
#: number that is no commitment (a programme's name, a count that describes), or a wording read
#: as no deliverable of the year (a title worked towards, an award strived for).
NOT_COMMITMENT = Keys(frozenset({"span", "reason"}))
#: `baseline:` of an entry: last year's level, quoted from the review part of a text.
BASELINE = Keys(frozenset({"year"}), frozenset({"value", "quote", "same_period", "text"}))

#: What every entry states, whatever its rule.
ENTRY_REQUIRED = frozenset(
    {"id", "section", "quote", "name_zh", "name_en", "unit", "kind", "released"}
)
#: What any entry may state besides its rule's own keys.
ENTRY_GENERAL = frozenset(
    {
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
        "leader",
        "text",
    }
)
#: The keys some rule type takes; which of them a rule takes is its type's own declaration.
RULE_KEYS = frozenset().union(*(rule.required_keys | rule.optional_keys for rule in RULES.values()))
ENTRY = Keys(ENTRY_REQUIRED, ENTRY_GENERAL | RULE_KEYS)

#: Entry keys that take one of a few words.
CHOICES: dict[str, type[Enum]] = {
    "kind": Kind,
    "released": Released,
    "role": Role,
    "pacing": Pacing,
    "entered_as": EnteredAs,
    "direction": Direction,
}


def comparators() -> list[str]:
    """The comparators the rule types declare, in alphabetical order."""
    return sorted(RULES)


#: An entry's id: what a figure's row names, typed by hand and read by scripts.
ID = re.compile(r"[a-z][a-z0-9_]*")
#: A name of a text under `report.texts`.
TEXT_NAME = re.compile(r"[a-z][a-z0-9_-]*")
#: The years a report may be of.
FIRST_YEAR, LAST_YEAR = 1949, 2200
#: How far past the report's year a due date or a milestone may lie: a five-year plan, with
#: room for a longer horizon.
MAX_YEARS_AHEAD = 15
#: How far before the report's year a baseline may lie (a plan's base year, 2020 for 十四五).
MAX_YEARS_BACK = 15
#: The unit of a yes/no outcome.
YES_NO_UNIT = "是/否"
#: Mappings and lists nested deeper than this are refused before they are built: a registry
#: needs five levels (the file, targets, an entry, its baseline, a range's two numbers).
MAX_DEPTH = 20
#: Texts a registry may name under `report.texts`, besides its seed.
MAX_TEXTS = 8
#: Characters of a number written in a registry (a value, a factor, a milestone, a band): one
#: written longer is refused unread. What is read is held to the digits of a figure
#: (`reportcheck.model.limits`: 16 before the decimal point, 10 after, trailing zeros not
#: counted), so that every value is judged exactly against every figure.
MAX_NUMBER_CHARS = 48
#: A placeholder the drafter writes where it could not make a name; a reviewed registry has none.
PLACEHOLDER_ID = re.compile(r"item_\d+")
#: The English name the drafter writes where it knows none: the placeholder id's words (item 03).
PLACEHOLDER_NAME = re.compile(r"item[ _]\d+", re.IGNORECASE)
#: How a name cut out of its sentence ends: a list's or a clause's mark, an opening bracket, a
#: word that joins it to what was cut off (粮食播种面积和产量分别达到120.3万亩以上、).
CUT_NAME_END = re.compile(r"(?:[、，,；;：:（(“‘《【]|和|(?<![惠涉普以波危顾触])及|与|或|并)$")
#: The word that shares one wording among several quantities: a name holding it names none.
RESPECTIVELY = "分别"
#: Marks that open and close a name's part: one left open is a name cut off.
NAME_BRACKETS = ("“”", "‘’", "（）", "()", "《》", "【】")
#: The comment the drafter writes above each guess a reviewer must check.
CHECK_COMMENT = re.compile(r"^[ \t]*# check:")
