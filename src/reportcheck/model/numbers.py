"""Reading numbers and yes/no answers the way people type them, and writing them back exactly."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from reportcheck.model.limits import MAX_DECIMAL_PLACES, MAX_INTEGER_DIGITS

# Minus signs that NFKC leaves alone but people paste from documents.
MINUS_SIGNS = "\u2212\u2013\u2012\ufe63"
_MINUS = str.maketrans(dict.fromkeys(MINUS_SIGNS, "-"))
_PLAIN = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
_GROUPED = re.compile(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?")

YES = frozenset({"yes", "y", "true", "1", "是", "完成", "已完成"})
NO = frozenset({"no", "n", "false", "0", "否", "未完成"})
YES_NO_HINT = "yes/no, true/false, 1/0, 是/否 or 完成/未完成"
#: No number within the limits needs more characters than this (digits, separators, sign, %).
_LONGEST = 64
NUMBER_HINT = "a number such as 5.7, -3.9, +1.2 or 1,867.9"


class NotANumberError(ValueError):
    pass


def normalise_text(text: str) -> str:
    """Full-width digits and signs to ASCII, other minus signs to '-', spaces trimmed."""
    return unicodedata.normalize("NFKC", text).translate(_MINUS).strip()


def parse_number(text: str, *, percent_allowed: bool) -> Decimal:
    """The exact decimal a person meant by `text`; raises NotANumberError with the reason."""
    if len(text) > _LONGEST:
        raise NotANumberError(f"is {len(text)} characters long, too long for a number")
    cleaned = normalise_text(text)
    if cleaned.endswith("%"):
        if not percent_allowed:
            raise NotANumberError("has a % sign but this quantity is not a percentage")
        cleaned = cleaned[:-1].rstrip()
    if _GROUPED.fullmatch(cleaned):
        cleaned = cleaned.replace(",", "")
    elif not _PLAIN.fullmatch(cleaned):
        raise NotANumberError(f"is not a number; expected {NUMBER_HINT}")
    try:
        number = Decimal(cleaned)
    except InvalidOperation as exc:  # pragma: no cover - the patterns above admit only decimals
        raise NotANumberError(f"is not a number; expected {NUMBER_HINT}") from exc
    if not number.is_finite():  # pragma: no cover - the patterns above admit no NaN/Infinity
        raise NotANumberError("is not a finite number")
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
    kept = len(digits) - (len(digits) - len("".join(map(str, digits)).rstrip("0")))
    last = exponent + len(digits) - kept  # power of ten of the last non-zero digit
    first = number.adjusted()  # power of ten of the first digit
    if first >= MAX_INTEGER_DIGITS:
        raise NotANumberError(
            f"has {first + 1} digits before the decimal point; at most {MAX_INTEGER_DIGITS} "
            "are read"
        )
    if last < -MAX_DECIMAL_PLACES:
        raise NotANumberError(
            f"has {-last} digits after the decimal point; at most {MAX_DECIMAL_PLACES} are "
            "read, and a value is never rounded"
        )


def parse_yes_no(text: str) -> bool:
    word = normalise_text(text).lower()
    if word in YES:
        return True
    if word in NO:
        return False
    raise NotANumberError(f"is not a yes/no answer; expected {YES_NO_HINT}")


def format_decimal(value: Decimal) -> str:
    """Plain notation without exponent or trailing zeros: 5.70 -> '5.7', 1E+4 -> '10000'.

    Exact at any length: never rounded to the context's precision, as normalize() would.
    """
    if value == 0:
        return "0"
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text
