"""Small static charts: a commitment's figures by month against its target and expected pace.

Only coordinates are computed here; the HTML template draws them as inline SVG, so every text
from the data passes through the template's escaping.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.numbers import format_decimal
from reportcheck.registry.records import Kind
from reportcheck.review.progress import in_precision

if TYPE_CHECKING:
    from reportcheck.review.pack import Row

WIDTH, HEIGHT, PAD = 180, 48, 5


class Dot(msgspec.Struct, frozen=True):
    x: str
    y: str
    label: str  # "2023-06: 3.4 万人"


class Chart(msgspec.Struct, frozen=True, kw_only=True):
    actual: str  # SVG polyline points of the figures
    dots: tuple[Dot, ...]
    pace: str  # the expected-pace or required line ("" when none applies)
    target: str  # y of the annual target line ("" when none)
    top: str  # the highest value shown, for the axis label
    bottom: str


def chart(row: Row) -> Chart | None:
    """The chart of a numeric commitment with at least one figure; None otherwise."""
    figures = [
        (h.period.month, h.actual, str(h.period))
        for h in row.history
        if h.period is not None and isinstance(h.actual, Decimal)
    ]
    if not figures:
        return None
    annual = row.result.progress.annual
    pace: list[tuple[int, Decimal]] = []
    if row.target.kind is Kind.CUMULATIVE and annual is not None:
        pace = [(0, Decimal(0)), (12, annual)]
    else:
        for h in row.history:
            level = h.expected if h.expected is not None else h.required
            if h.period is not None and level is not None:
                pace.append((h.period.month, level))
        if pace and row.history[-1].expected is not None and annual is not None:
            pace.append((12, annual))
        elif len(pace) == 1:  # one requirement so far: show it as a level across the year
            pace = [(0, pace[0][1]), (12, pace[0][1])]
    values = [v for _, v, _ in figures] + [v for _, v in pace]
    if annual is not None:
        values.append(annual)
    low, high = min(values), max(values)
    if row.target.kind is Kind.CUMULATIVE:
        low = min(low, Decimal(0))
    if high == low:
        high, low = high + 1, low - 1

    def x(month: int) -> str:
        return f"{PAD + (WIDTH - 2 * PAD) * month / 12:.1f}"

    def y(value: Decimal) -> str:
        share = float((value - low) / (high - low))
        return f"{HEIGHT - PAD - (HEIGHT - 2 * PAD) * share:.1f}"

    unit = row.target.unit
    return Chart(
        actual=" ".join(f"{x(m)},{y(v)}" for m, v, _ in figures),
        dots=tuple(Dot(x(m), y(v), f"{p}: {format_decimal(v)} {unit}") for m, v, p in figures),
        pace=" ".join(f"{x(m)},{y(v)}" for m, v in pace),
        target=y(annual) if annual is not None else "",
        top=format_decimal(_label(high, row)),
        bottom=format_decimal(_label(low, row)),
    )


def _label(value: Decimal, row: Row) -> Decimal:
    """An axis label: a figure as typed, a level worked out from the target to its precision."""
    shown = in_precision(value, row.target)
    return value if shown is None else shown
