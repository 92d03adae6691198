"""The registry's typed form: what each commitment promises and how it is judged.

The annotations of the records a registry is made of are objects, not strings (these modules do
not import `annotations` from __future__): msgspec reads them at run time to decode a stored
registry (reportcheck.registry.cache), and evaluating them from strings costs each start about a
millisecond.
"""

import functools
import re
from collections.abc import Mapping
from decimal import Decimal
from enum import Enum
from fractions import Fraction
from pathlib import Path

import msgspec

from reportcheck.model.periods import Period
from reportcheck.model.units import UNITS, Unit
from reportcheck.rules import AnyRule, Comparator, Direction


class Kind(str, Enum):
    """How a quantity behaves through the year."""

    RATE = "rate"  # growth rates, shares, ratios, ranks: the year-to-date figure, compared directly
    CUMULATIVE = "cumulative"  # flows summed from January: paced by elapsed months (序时进度)
    STOCK = "stock"  # end-of-period levels: paced along the path from the baseline, if any
    YESNO = "yesno"  # an outcome that is either achieved or not


class Released(str, Enum):
    """How often the statistics for a quantity are published."""

    MONTHLY = "monthly"
    QUARTERLY = "quarterly"
    YEARLY = "yearly"


class Role(str, Enum):
    COMMITMENT = "commitment"
    REFERENCE = "reference"  # a quantity commitments compare with; not itself promised


class Pacing(str, Enum):
    """How the part due by an in-year period is worked out (序时进度), chosen per entry."""

    LINEAR = "linear"  # annual target × months elapsed / months to the due date
    MILESTONES = "milestones"  # a schedule written in the registry, per month or quarter
    PATH = "path"  # the straight path from the baseline level to the target (stocks)
    DIRECT = "direct"  # the figure against the target itself (rates, shares, rolling portfolios)
    AT_DUE = "at_due"  # judged only at the due date; before it, not due yet (yes/no, yearly)


class EnteredAs(str, Enum):
    """How figures of a 下降 / 压减 target are typed: the size of the fall, or a signed change."""

    MAGNITUDE = "magnitude"  # 16 means a fall of 16; a negative figure is read as a signed fall
    CHANGE = "change"  # −16 means a fall of 16; a positive figure is a rise


class Baseline(msgspec.Struct, frozen=True, kw_only=True):
    """Last year's level. `same_period` names a reference entry whose figure for the same period
    a year earlier is used when supplied (seasonal quantities); `value` is the full-year figure.
    `text` names the text `quote` comes from ("": the registry's seed)."""

    value: Decimal | None
    year: int
    quote: str
    same_period: str | None = None
    text: str = ""


class Target(msgspec.Struct, frozen=True, kw_only=True):
    id: str
    section: str
    quote: str
    name_zh: str
    name_en: str
    unit: str
    rule: AnyRule | None  # None only for reference entries
    kind: Kind
    released: Released
    role: Role
    line: int  # where the entry starts in the registry file
    due: Period
    pacing: Pacing
    baseline: Baseline | None = None
    milestones: tuple[tuple[Period, Fraction], ...] = ()
    entered_as: EnteredAs | None = None
    basis: str | None = None
    lead: str | None = None  # 责任单位, several separated by 、 (the first leading)
    note: str | None = None
    due_stated: bool = False  # the entry names its due date (else: the end of the report's year)
    text: str = ""  # the text `quote` comes from, by its name under report.texts ("": the seed)
    leader: str | None = None  # 分管领导, the leader in charge

    @property
    def is_commitment(self) -> bool:
        return self.role is Role.COMMITMENT

    @property
    def leads(self) -> tuple[str, ...]:
        """The responsible units (责任单位), the first-listed leading: "市发改委、市统计局" is
        two units; a filter by either finds the commitment."""
        return split_units(self.lead or "")

    @property
    def leaders(self) -> tuple[str, ...]:
        """The leaders in charge (分管领导): one, as a rule; a filter by any finds it."""
        return split_units(self.leader or "")

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_zh

    @property
    def comparator(self) -> Comparator | None:
        return self.rule.comparator if self.rule else None

    @property
    def direction(self) -> Direction:
        return self.rule.direction if self.rule else Direction.NONE

    @property
    def value(self) -> Decimal | None:
        """The annual figure the wording names (rounded for display when it is 2/3 and the like)."""
        from reportcheck.rules import to_decimal

        threshold = self.rule.threshold if self.rule else None
        return to_decimal(threshold) if threshold is not None else None

    @property
    def tolerance(self) -> Decimal | None:
        from reportcheck.rules import to_decimal

        band = self.rule.tolerance if self.rule else None
        return to_decimal(band) if band is not None else None

    @property
    def other(self) -> str | None:
        return self.rule.other if self.rule else None

    @property
    def category(self) -> str:
        """The family a review groups it in: relative, baseline, rank, yesno or its kind."""
        if self.other is not None:
            return "relative"
        if self.rule is not None and self.rule.needs_baseline:
            return "baseline"
        if self.comparator is Comparator.RANK_WITHIN:
            return "rank"
        return self.kind.value


class Section(msgspec.Struct, frozen=True):
    key: str
    zh: str
    en: str

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def title(self, lang: str) -> str:
        return f"{self.key} {self.name(lang)}"


class ReportMeta(msgspec.Struct, frozen=True, kw_only=True):
    city_zh: str
    city_en: str
    year: int
    title_zh: str
    title_en: str
    date: str
    source: str
    seed: str  # the report every quote is checked against, relative to the registry
    #: Further texts an entry may quote instead (`text: full`), by name, relative paths.
    texts: dict[str, str] = msgspec.field(default_factory=dict)


class Registry(msgspec.Struct, frozen=True, dict=True, kw_only=True):
    path: Path
    meta: ReportMeta
    sections: dict[str, Section]
    targets: tuple[Target, ...]
    #: The units this registry knows: the built-in ones and those it declares.
    units: Mapping[str, Unit] = msgspec.field(default_factory=lambda: UNITS)
    #: The office's light bands, in points behind pace (`bands: [10, 30]`); None: the default.
    bands: tuple[Decimal, ...] | None = None

    @functools.cached_property
    def _by_id(self) -> dict[str, Target]:
        """The targets by id, built on first use and kept in the instance's __dict__ (hence
        dict=True). Not a field: equality and repr leave it out, and a registry made by
        msgspec.structs.replace builds its own."""
        return {t.id: t for t in self.targets}

    def get(self, target_id: str) -> Target | None:
        return self._by_id.get(target_id)

    @property
    def files(self) -> tuple[Path, ...]:
        """The files this registry is read from: itself, its report and the further texts its
        quotes come from (a command never writes over one of them)."""
        folder = self.path.parent
        return (self.path, folder / self.meta.seed, *(folder / p for p in self.meta.texts.values()))

    @property
    def commitments(self) -> tuple[Target, ...]:
        return tuple(t for t in self.targets if t.is_commitment)

    def suggest(self, unknown: str, limit: int = 3) -> list[str]:
        """The ids closest to `unknown`, by spelling or by a name that contains it."""
        ids = list(self._by_id)
        import difflib

        close = difflib.get_close_matches(unknown, ids, n=limit, cutoff=0.7)
        for target in self.targets:
            if len(close) >= limit:
                break
            if (
                target.id not in close
                and unknown
                and (unknown in target.id or unknown in target.name_zh)
            ):
                close.append(target.id)
        return close


#: The list marks that separate units: 、 and the others, a line break, a tab.
_LIST_MARKS = r"[、,，;；/\n\t]+"


@functools.cache
def _unit_separators() -> re.Pattern[str]:
    """What separates the units of one cell: the list marks, and a space between two Chinese
    names (市发改委 市统计局), never one inside a name (City DRC). Compiled when first needed:
    its Chinese ranges take two milliseconds, which a start need not pay."""
    return re.compile(_LIST_MARKS + r"|(?<=[\u3400-\u9fff）)])[ \u3000]+(?=[\u3400-\u9fff（(])")


def split_units(text: str) -> tuple[str, ...]:
    """Units named in one cell, in their order, each once: 市发改委、市统计局 → two."""
    if not text:
        return ()
    # Without a space, only the list marks can separate units.
    spaced = " " in text or "\u3000" in text
    seen: dict[str, None] = {}
    for part in _unit_separators().split(text) if spaced else re.split(_LIST_MARKS, text):
        if name := " ".join(part.split()):
            seen.setdefault(name, None)
    return tuple(seen)


#: Points behind pace are percentage points: a band beyond 100 can never be reached.
MAX_BAND = Decimal(100)


def bands_problem(limits: tuple[Decimal, ...]) -> str | None:
    """What is wrong with light bands in points behind pace: one or two numbers from 0 to
    MAX_BAND, the first not above the second; None when they are right. The one rule of
    `report --bands 10,30` and of a registry's `bands: [10, 30]` (`registry.schema`)."""
    if not 1 <= len(limits) <= 2 or any(not x.is_finite() or x < 0 or x > MAX_BAND for x in limits):
        return "expected one or two numbers of points from 0 to 100, e.g. 10,30"
    if len(limits) == 2 and limits[0] > limits[1]:
        return "the first band must not exceed the second, e.g. 10,30"
    return None


def section_matches(section: str, wanted: str) -> bool:
    """`--section 二` selects 二 and all of 二(一)…二(六); parentheses may be full-width."""
    normal = wanted.replace("\uff08", "(").replace("\uff09", ")").strip()
    return section == normal or section.startswith(normal + "(")
