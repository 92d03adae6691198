"""The registry's typed form: what each commitment promises and how it is judged."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from enum import Enum
from pathlib import Path


class Comparator(str, Enum):
    """The rule a commitment's wording implies (see the README's table of wordings)."""

    AT_LEAST = "at_least"  # 增长X% / 达到X / X以上 / 不低于X / plain "X家"
    MORE_THAN = "more_than"  # 超过X / 突破X
    AT_MOST = "at_most"  # 控制在X以内
    ABOUT = "about"  # X左右: within ± tolerance of X
    RANK_WITHIN = "rank_within"  # 进入前N位: rank ≤ N
    BELOW_BASELINE = "below_baseline"  # 进一步缩小: lower than the baseline
    RISE_BY = "rise_by"  # 提高N个百分点: at least N points above the baseline
    ABOUT_BASELINE = "about_baseline"  # 基本稳定: within ± tolerance of the baseline
    ABOUT_OTHER = "about_other"  # 与…基本同步: within ± tolerance of another quantity
    FASTER_THAN = "faster_than"  # 快于…: greater than another quantity
    YES = "yes"  # 完成省定任务: a yes/no outcome that must be yes


NEEDS_VALUE = frozenset(
    {
        Comparator.AT_LEAST,
        Comparator.MORE_THAN,
        Comparator.AT_MOST,
        Comparator.ABOUT,
        Comparator.RANK_WITHIN,
        Comparator.RISE_BY,
    }
)
NEEDS_TOLERANCE = frozenset({Comparator.ABOUT, Comparator.ABOUT_BASELINE, Comparator.ABOUT_OTHER})
NEEDS_BASELINE = frozenset(
    {Comparator.BELOW_BASELINE, Comparator.RISE_BY, Comparator.ABOUT_BASELINE}
)
NEEDS_OTHER = frozenset({Comparator.ABOUT_OTHER, Comparator.FASTER_THAN})
PACEABLE = frozenset(
    {Comparator.AT_LEAST, Comparator.MORE_THAN, Comparator.AT_MOST, Comparator.ABOUT}
)


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


class Status(str, Enum):
    MET = "met"
    MISSED = "missed"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NO_DATA = "no_data"


DEFAULT_FAIL_ON = frozenset({Status.MISSED, Status.BEHIND})


@dataclass(frozen=True)
class Baseline:
    value: Decimal
    year: int
    quote: str


@dataclass(frozen=True)
class Target:
    id: str
    section: str
    quote: str
    name_zh: str
    name_en: str
    unit: str
    comparator: Comparator | None  # None only for reference entries
    value: Decimal | None
    tolerance: Decimal | None
    baseline: Baseline | None
    other: str | None  # id of the quantity a relative target compares with
    kind: Kind
    released: Released
    role: Role
    line: int  # where the entry starts in the registry file
    note: str | None = None

    @property
    def is_commitment(self) -> bool:
        return self.role is Role.COMMITMENT

    def name(self, lang: str) -> str:
        return self.name_en if lang == "en" else self.name_zh

    @property
    def category(self) -> str:
        """The family a review groups it in: relative, baseline, rank, yesno or its kind."""
        if self.comparator in NEEDS_OTHER:
            return "relative"
        if self.comparator in NEEDS_BASELINE:
            return "baseline"
        if self.comparator is Comparator.RANK_WITHIN:
            return "rank"
        return self.kind.value


@dataclass(frozen=True)
class Section:
    key: str
    zh: str
    en: str

    def name(self, lang: str) -> str:
        return self.en if lang == "en" else self.zh

    def title(self, lang: str) -> str:
        return f"{self.key} {self.name(lang)}"


@dataclass(frozen=True)
class ReportMeta:
    city_zh: str
    city_en: str
    year: int
    title_zh: str
    title_en: str
    date: str
    source: str
    seed: str


@dataclass(frozen=True)
class Registry:
    path: Path
    meta: ReportMeta
    sections: dict[str, Section]
    targets: tuple[Target, ...]
    _by_id: dict[str, Target] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_id", {t.id: t for t in self.targets})

    def get(self, target_id: str) -> Target | None:
        return self._by_id.get(target_id)

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


def section_matches(section: str, wanted: str) -> bool:
    """`--section 二` selects 二 and all of 二(一)…二(六); parentheses may be full-width."""
    normal = wanted.replace("(", "(").replace(")", ")").strip()
    return section == normal or section.startswith(normal + "(")
