"""CSV text that a spreadsheet never runs: formula-like cells are quoted as text, numbers stay
numbers, and nothing else is imported, so a command that writes only CSV stays light."""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from decimal import Decimal

from reportcheck.model.numbers import format_decimal

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(text: str) -> str:
    """Text that a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV where text cells are guarded against formula injection; numbers are left as numbers."""
    import csv  # only for CSV output: a command that writes JSON or a guarded cell needs none

    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    quoted = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    for row in rows:
        cells = [_csv_cell(v) for v in row]
        # csv quotes a cell holding a line feed but not a lone carriage return, which other
        # readers take as a line end: such a row is written fully quoted.
        (quoted if any("\r" in c for c in cells) else writer).writerow(cells)
    return buffer.getvalue()


def _csv_cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, Decimal):
        return format_decimal(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    # CSV has no way to carry NUL (RFC 4180; Python 3.10's csv cannot write it): shown as ␀.
    return safe_cell(str(value).replace("\x00", "\u2400"))
