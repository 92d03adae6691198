"""Statistical periods: year-to-date through a month, a quarter, or the whole year."""

import datetime as dt
import re
from typing import Literal

import msgspec

from reportcheck.model.period_forms import PERIOD_HINT

PeriodKind = Literal["month", "quarter", "year"]


# Patterns as text: re compiles (and caches) only those a run uses, not all at import.
_MONTH = r"(\d{4})-(\d{1,2})"
_QUARTER = r"(\d{4})-?[Qq]([1-4])"
_YEAR = r"(\d{4})年?"
_ZH_MONTH = r"(\d{4})年(?:1[-—–~～至])?(\d{1,2})月"
_ZH_QUARTER = r"(\d{4})年(?:第)?([1-4一二三四])季度"
#: Year-to-date spans as statistical releases name them, by the month they run through.
_ZH_SPANS = {"上半年": 6, "前三季度": 9, "全年": 12}
_ZH_DIGITS = {"一": 1, "二": 2, "三": 3, "四": 4}


class Period(msgspec.Struct, frozen=True):
    """Data through the end of `month` of `year` (cumulative from January for flows)."""

    year: int
    month: int
    #: How the period is written. Equality, hashing and order leave it out: 2023 (a year) and
    #: 2023-12 (a month) are one period.
    kind: PeriodKind = "month"

    def __eq__(self, other: object) -> bool:  # msgspec's generated != calls it
        if type(other) is not Period:
            return NotImplemented
        return (self.year, self.month) == (other.year, other.month)

    def __hash__(self) -> int:
        return hash((self.year, self.month))

    def __lt__(self, other: object) -> bool:
        if type(other) is not Period:
            return NotImplemented
        return (self.year, self.month) < (other.year, other.month)

    def __le__(self, other: object) -> bool:
        if type(other) is not Period:
            return NotImplemented
        return (self.year, self.month) <= (other.year, other.month)

    def __gt__(self, other: object) -> bool:
        if type(other) is not Period:
            return NotImplemented
        return (self.year, self.month) > (other.year, other.month)

    def __ge__(self, other: object) -> bool:
        if type(other) is not Period:
            return NotImplemented
        return (self.year, self.month) >= (other.year, other.month)

    @property
    def is_full_year(self) -> bool:
        return self.month == 12

    def __str__(self) -> str:
        if self.kind == "year":
            return f"{self.year}"
        if self.kind == "quarter":
            return f"{self.year}-Q{self.month // 3}"
        return f"{self.year}-{self.month:02d}"


def parse_period(text: str) -> Period:
    """Parse one of the accepted forms; raises ValueError naming them."""
    cleaned = text.strip().replace(" ", "")
    if match := re.fullmatch(_MONTH, cleaned):
        month = int(match.group(2))
        if 1 <= month <= 12:
            return Period(int(match.group(1)), month, "month")
    elif match := re.fullmatch(_QUARTER, cleaned):
        return Period(int(match.group(1)), int(match.group(2)) * 3, "quarter")
    elif match := re.fullmatch(_YEAR, cleaned):
        return Period(int(match.group(1)), 12, "year")
    elif match := re.fullmatch(_ZH_MONTH, cleaned):
        month = int(match.group(2))
        if 1 <= month <= 12:
            return Period(int(match.group(1)), month, "month")
    elif match := re.fullmatch(_ZH_QUARTER, cleaned):
        quarter = _ZH_DIGITS.get(match.group(2)) or int(match.group(2))
        return Period(int(match.group(1)), quarter * 3, "quarter")
    elif (year := cleaned[:5]).endswith("年") and year[:4].isdigit() and cleaned[5:] in _ZH_SPANS:
        month = _ZH_SPANS[cleaned[5:]]
        return Period(int(year[:4]), month, "year" if month == 12 else "quarter")
    raise ValueError(f"is not a period; expected {PERIOD_HINT}")


def period_from_date(value: dt.date) -> Period:
    """A spreadsheet date cell (Excel turns a typed '2023-06' into 2023-06-01) as its month."""
    return Period(value.year, value.month, "month")
