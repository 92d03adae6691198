"""Reading numbers and yes/no answers the way people type them, and writing them back exactly."""

from __future__ import annotations

import functools
import re
import unicodedata
from decimal import Decimal, InvalidOperation

from reportcheck.model.limits import MAX_DECIMAL_PLACES, MAX_INTEGER_DIGITS
from reportcheck.model.problems import Problem, problem

# Minus signs that NFKC leaves alone but people paste from documents.
MINUS_SIGNS = "\u2212\u2013\u2012\ufe63"
_MINUS = str.maketrans(dict.fromkeys(MINUS_SIGNS, "-"))

YES = frozenset({"yes", "y", "true", "1", "是", "完成", "已完成"})
NO = frozenset({"no", "n", "false", "0", "否", "未完成"})
#: No number within the limits needs more characters than this (digits, separators, sign, %).
_LONGEST = 64


@functools.cache
def _number_forms() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A number written plainly, and one grouped in thousands: compiled when the first number
    is read, not at the start of a command that reads none."""
    plain = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
    grouped = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")
    return plain, grouped


class NotANumberError(ValueError):
    """A text that is not a number (or not a yes/no answer); `problem` says why, without the
    cell it stands in (the reader places it)."""

    def __init__(self, found: Problem) -> None:
        super().__init__(found.key)
        self.problem = found


def normalise_text(text: str) -> str:
    """Full-width digits and signs to ASCII, other minus signs to '-', spaces trimmed."""
    if text.isascii():  # NFKC leaves ASCII as it is, and every other minus sign is not ASCII
        return text.strip()
    return unicodedata.normalize("NFKC", text).translate(_MINUS).strip()


def folds_into_digits(text: str) -> bool:
    """Whether `text` holds a character that NFKC turns into a digit though it is none: a
    superscript or subscript (a footnote mark: 5.7¹ is not 5.71, 10² not 102), a circled or
    parenthesised number. Full-width and other decimal digits are digits and read as such."""
    return not text.isascii() and any(
        not char.isascii()
        and not char.isdecimal()
        and any("0" <= folded <= "9" for folded in unicodedata.normalize("NFKC", char))
        for char in text
    )


def parse_number(text: str, *, percent_allowed: bool) -> Decimal:
    """The exact decimal a person meant by `text`; raises NotANumberError with the reason."""
    if len(text) > _LONGEST:
        raise NotANumberError(problem("not-a-number", "long", length=len(text)))
    if folds_into_digits(text):
        raise NotANumberError(problem("not-a-number"))
    cleaned = normalise_text(text)
    if cleaned.endswith("%"):
        if not percent_allowed:
            raise NotANumberError(problem("not-a-number", "percent"))
        cleaned = cleaned[:-1].rstrip()
    plain, grouped = _number_forms()
    if "," in cleaned and grouped.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    elif not plain.fullmatch(cleaned):
        raise NotANumberError(problem("not-a-number"))
    try:
        number = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the patterns above admit only decimals
        raise NotANumberError(problem("not-a-number")) from exc
    if not number.is_finite():  # pragma: no cover - the patterns above admit no NaN/Infinity
        raise NotANumberError(problem("not-a-number", "infinite"))
    check_precision(number)
    return number


def check_precision(number: Decimal) -> None:
    """Refuse a number that could not be kept exactly: beyond the stated digits, not rounded.

    With at most MAX_INTEGER_DIGITS before the point and MAX_DECIMAL_PLACES after it, every sum
    and difference of two values fits in Decimal's 28 digits, so a gap is exact too.
    """
    if number == 0:
        return
    _, digits, exponent = number.as_tuple()
    assert isinstance(exponent, int)
    kept = len(digits)
    while not digits[kept - 1]:  # a number other than 0 has a digit other than 0
        kept -= 1
    last = exponent + len(digits) - kept  # power of ten of the last non-zero digit
    first = number.adjusted()  # power of ten of the first digit
    if first >= MAX_INTEGER_DIGITS:
        raise NotANumberError(
            problem("not-a-number", "integer-digits", digits=first + 1, limit=MAX_INTEGER_DIGITS)
        )
    if last < -MAX_DECIMAL_PLACES:
        raise NotANumberError(
            problem("not-a-number", "decimal-places", digits=-last, limit=MAX_DECIMAL_PLACES)
        )


def parse_yes_no(text: str) -> bool:
    word = normalise_text(text).lower()
    if word in YES:
        return True
    if word in NO:
        return False
    raise NotANumberError(problem("not-yes-no"))


def format_decimal(value: Decimal) -> str:
    """Plain notation without exponent or trailing zeros: 5.70 -> '5.7', 1E+4 -> '10000'.

    Exact at any length: never rounded to the context's precision, as normalize() would.
    """
    if value == 0:
        return "0"
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
