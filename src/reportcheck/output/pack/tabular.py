"""The pack's tables as cells: the attachment (one row per commitment) and the 对照表.

Cells are numbers (Decimal, int) or text; every writer (CSV, Markdown, Excel) takes them from
here, so the formats cannot disagree.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.numbers import format_decimal
from reportcheck.output.pack.words import (
    change_word,
    head,
    light_word,
    say,
    status_word,
    verdict_word,
    visible,
)
from reportcheck.registry.records import Kind

if TYPE_CHECKING:
    from reportcheck.actuals import Value
    from reportcheck.review.pack import Pack, Row

Cell = Decimal | int | str | None

#: Attachment columns; "unit" columns hold figures in the commitment's own unit.
ATTACHMENT = (
    ("number", "count"),
    ("id", "text"),
    ("section", "text"),
    ("task", "wide"),
    ("unit", "text"),
    ("annual", "unit"),
    ("actual", "unit"),
    ("required", "unit"),
    ("completion", "percent"),
    ("pace", "percent"),
    ("gap", "unit"),
    ("gap_unit", "text"),
    ("status", "text"),
    ("light", "text"),
    ("change", "text"),
    ("lead", "text"),
    ("reason", "wide"),
    ("per_month", "unit"),
    ("basis", "wide"),
    ("period", "text"),
    ("source", "wide"),
)

ACCOUNT = (
    ("number", "count"),
    ("section", "text"),
    ("task", "wide"),
    ("unit", "text"),
    ("annual", "unit"),
    ("actual", "unit"),
    ("verdict", "text"),
    ("reason", "wide"),
    ("lead", "text"),
)


class Table(msgspec.Struct, frozen=True):
    header: tuple[str, ...]
    kinds: tuple[str, ...]  # count, text, wide, unit, percent
    rows: tuple[tuple[Cell, ...], ...]
    units: tuple[str, ...]  # each row's unit, for number formats


def attachment_table(pack: Pack, lang: str) -> Table:
    rows = tuple(_attachment_row(row, lang) for row in pack.rows)
    return Table(
        tuple(head(key, lang) for key, _ in ATTACHMENT),
        tuple(kind for _, kind in ATTACHMENT),
        rows,
        tuple(row.target.unit for row in pack.rows),
    )


def account_table(pack: Pack, lang: str) -> Table:
    rows = tuple(_account_row(row, lang) for row in pack.rows)
    return Table(
        tuple(head(key, lang) for key, _ in ACCOUNT),
        tuple(kind for _, kind in ACCOUNT),
        rows,
        tuple(row.target.unit for row in pack.rows),
    )


def gap_cells(row: Row, lang: str) -> tuple[Decimal | None, str]:
    """The gap in percentage points of 完成率 against 序时进度, else in the target's unit."""
    pace_gap = row.measures.pace_gap
    if pace_gap is not None:  # a difference of two rates: one decimal, as 完成率 is printed
        return pace_gap.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), say("points", lang)
    gap = row.result.gap
    if gap is None:
        return None, ""
    return gap, say("points", lang) if row.target.unit == "%" else row.target.unit


def figure(value: Value | None, lang: str) -> Cell:
    """A figure as a number, a yes/no as a word."""
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    return value


def reason_text(row: Row, lang: str) -> str:
    if row.reason:
        return row.reason
    return say("no_reason", lang) if row.unexplained else ""


def source_text(row: Row) -> str:
    return " ".join(part for part in (row.result.source, row.result.note) if part)


def _shown(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    return tuple(visible(c) if isinstance(c, str) else c for c in cells)


def _attachment_row(row: Row, lang: str) -> tuple[Cell, ...]:
    result, measures = row.result, row.measures
    gap, gap_unit = gap_cells(row, lang)
    return _shown(
        (
            row.number,
            row.target.id,
            row.target.section,
            row.target.quote,
            row.target.unit,
            measures.annual,
            figure(result.actual, lang),
            result.required,
            measures.completion,
            measures.pace,
            gap,
            gap_unit,
            status_word(row.status, lang),
            light_word(row.light, lang),
            change_word(row, lang),
            row.lead or "",
            reason_text(row, lang),
            measures.per_month if row.target.kind is Kind.CUMULATIVE else None,
            result.reason(lang),
            str(result.period) if result.period else "",
            source_text(row),
        )
    )


def _account_row(row: Row, lang: str) -> tuple[Cell, ...]:
    reason = row.reason
    if not reason and row.verdict.value != "met":
        reason = row.result.reason(lang) or say("no_reason", lang)
    return _shown(
        (
            row.number,
            row.target.section,
            row.target.quote,
            row.target.unit,
            row.measures.annual,
            figure(row.result.actual, lang),
            verdict_word(row.verdict, lang),
            reason,
            row.lead or "",
        )
    )


def plain(cell: Cell) -> str:
    """A cell as text, numbers exactly as given."""
    if cell is None:
        return ""
    if isinstance(cell, Decimal):
        return format_decimal(cell)
    return str(cell)
