"""Cells read as people and spreadsheets write them: periods (dates included) and ranks.

A period cell may hold a date, because Excel turns a typed 2023-06 into a date and offices write
the last day of the month: any date reads as its month (2023/6/30, 2023-06-01 and the date
serial 45107 are all 2023-06, January–June), so that a month-end date and Excel's first of the
month agree. A time of day after the date is ignored.

A value cell may hold a figure published as a bound, as reviews state them (突破2700亿元, 90%以上):
see `split_bound`.
"""

from __future__ import annotations

import functools
import re
from typing import TYPE_CHECKING

from reportcheck.model.numbers import folds_into_digits, normalise_text
from reportcheck.model.periods import Period, parse_period

if TYPE_CHECKING:
    import datetime as dt

# Patterns as text: re compiles (and caches) only those a run uses, not all at import.
#: 2023/6/30, 2023-06-30, 2023.6.30, 2023年6月30日, and the month alone with / or . (2023/6).
_DATE = (
    r"(?P<y>\d{4})(?:[/.](?P<m>\d{1,2})(?:[/.](?P<d>\d{1,2}))?|-(?P<m2>\d{1,2})-(?P<d2>\d{1,2})"
    r"|年(?P<m3>\d{1,2})月(?P<d3>\d{1,2})日)"
    r"(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?"
)
#: Excel's date serials from 2000-01-01 to 2099-12-31: a five-digit whole number, never a year.
_SERIAL = r"(?P<n>\d{5})(?:\.0+)?"
_FIRST_SERIAL, _LAST_SERIAL = 36526, 73050
#: 4, 第4, 第4位, 第4名, 4位.
_RANK = r"第?(?P<n>\d{1,4})[位名]?"

#: The words and signs of a published bound, each with the sign it means, longest first where
#: one begins another. 以上, 以下 and 以内 include the figure, as the statistics offices and the
#: report's own wording use them (不低于 / 不超过); 超过 and 突破 do not; a trailing + reads "or
#: more" (90+). A leading + is a sign, never a bound: +1.2 stays the number 1.2.
BOUND_BEFORE = (
    (">=", ">="),
    ("≥", ">="),
    ("<=", "<="),
    ("≤", "<="),
    (">", ">"),
    ("<", "<"),
    ("超过", ">"),
    ("突破", ">"),
)
BOUND_AFTER = (("以上", ">="), ("+", ">="), ("以内", "<="), ("以下", "<="))
#: Every word of each, tested at once before the words are tried one by one (most figures
#: state no bound).
_WORDS_BEFORE = tuple(word for word, _ in BOUND_BEFORE)
_WORDS_AFTER = tuple(word for word, _ in BOUND_AFTER)


@functools.lru_cache(maxsize=1024)
def read_period(text: str) -> Period:
    """A period cell: any form parse_period reads, or a date read as its month.

    Raises ValueError when it is neither. Kept for the texts seen (a file repeats one period
    on every row, and a folder's files are read for their years before their rows).
    """
    cleaned = normalise_text(text)
    try:
        return parse_period(cleaned)
    except ValueError:
        pass
    date = _date(cleaned)
    if date is None:
        raise ValueError(f"{text!r} is neither a period nor a date")
    return Period(date.year, date.month, "month")


def _date(text: str) -> dt.date | None:
    import datetime as dt

    if match := re.fullmatch(_SERIAL, text):
        serial = int(match["n"])
        if _FIRST_SERIAL <= serial <= _LAST_SERIAL:
            # Serial 1 is 1900-01-01 in Excel's count, which has a 29 February 1900.
            return dt.date(1899, 12, 30) + dt.timedelta(days=serial)
        return None
    match = re.fullmatch(_DATE, text)
    if match is None:
        return None
    month = match["m"] or match["m2"] or match["m3"]
    day = match["d"] or match["d2"] or match["d3"] or "1"
    try:
        return dt.date(int(match["y"]), int(month), int(day))
    except ValueError:  # 2023/13/1, 2023/6/31
        return None


def split_bound(text: str) -> tuple[str | None, str]:
    """The sign of a bound a value cell states (">=", ">", "<=", "<"; None for a plain figure)
    and the figure's text without it: '≥90' and '90以上' are (">=", "90"); '5.7' is
    (None, '5.7'), unchanged. Only one bound is taken: '>=90以上' leaves '90以上' to be refused
    as a number."""
    cleaned = normalise_text(text)
    if cleaned.startswith(_WORDS_BEFORE):
        for word, sign in BOUND_BEFORE:
            if cleaned.startswith(word) and len(cleaned) > len(word):
                return sign, cleaned[len(word) :].lstrip()
    if cleaned.endswith(_WORDS_AFTER):
        for word, sign in BOUND_AFTER:
            if cleaned.endswith(word) and len(cleaned) > len(word):
                return sign, cleaned[: -len(word)].rstrip()
    return None, text


def read_rank(text: str) -> int:
    """A rank such as 4 (also 第4, 第4位, 第4名); raises ValueError when it is not one."""
    match = re.fullmatch(_RANK, normalise_text(text).replace(" ", ""))
    if match is None or int(match["n"]) < 1 or folds_into_digits(text):
        raise ValueError(f"{text!r} is not a rank")
    return int(match["n"])


#: A period inside a file name: 2023-08, 2023_08, 2023.8, 2023-Q2, 2023Q2, 2023年8月, 2023年1-8月,
#: 2023年二季度, 2023年上半年. A year alone is not taken: 湖州2023.xlsx names no month.
_IN_NAME = (
    r"(?<!\d)(?:"
    r"\d{4}年(?:1[-—–~～至])?\d{1,2}月|\d{4}年第?[1-4一二三四]季度|\d{4}年(?:上半年|前三季度|全年)"
    r"|\d{4}-?[Qq][1-4]|\d{4}[-_.]\d{1,2}"
    r")(?!\d)"
)


def period_in_name(name: str) -> Period | None:
    """The one period a file name states (`actuals/2023-08.xlsx` is 2023-08), or None when it
    states none or several."""
    found: set[Period] = set()
    for match in re.finditer(_IN_NAME, normalise_text(name)):
        text = match.group()
        if "年" not in text and "Q" not in text.upper():
            text = re.sub(r"[_.]", "-", text)
        try:
            found.add(parse_period(text))
        except ValueError:  # 2023-13
            continue
    return found.pop() if len(found) == 1 else None
