"""The pack's tables as cells: the attachment (one row per commitment) and the 对照表.

Cells are numbers (Decimal, int) or text; every writer (CSV, Markdown, Excel) takes them from
here, so the formats cannot disagree.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.numbers import format_decimal
from reportcheck.output.explain import reason as basis
from reportcheck.output.pack.paragraphs import change_word, visible, warning_line
from reportcheck.output.words import (
    head,
    label,
    light_label,
    period_words,
    say,
    status_notes,
    status_words,
    status_words_of,
    verdict_label,
)
from reportcheck.review.progress import annual_target, in_precision
from reportcheck.review.status import Verdict

if TYPE_CHECKING:
    from reportcheck.actuals import Value
    from reportcheck.review.pack import Pack, Row

Cell = Decimal | int | str | None

#: Attachment columns; "unit" columns hold figures in the commitment's own unit, "level" the
#: 总量 printed beside a growth rate, in its own unit (level_unit). 全省排位 and 总量 stand
#: beside the figure.
ATTACHMENT = (
    ("number", "count"),
    ("id", "text"),
    ("section", "text"),
    ("task", "wide"),
    ("unit", "text"),
    ("annual", "unit"),
    ("actual", "unit"),
    ("rank", "count"),
    ("level", "level"),
    ("level_unit", "text"),
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
    ("warnings", "wide"),
)

ACCOUNT = (
    ("number", "count"),
    ("section", "text"),
    ("name", "text"),
    ("task", "wide"),
    ("unit", "text"),
    ("annual", "unit"),
    ("actual", "unit"),
    ("period", "text"),
    ("verdict", "text"),
    ("reason", "wide"),
    ("lead", "text"),
)


class Table(msgspec.Struct, frozen=True, kw_only=True):
    keys: tuple[str, ...]  # each column's key (a key of the words' HEAD)
    header: tuple[str, ...]
    kinds: tuple[str, ...]  # count, text, wide, unit (the row's), level (its own), percent
    rows: tuple[tuple[Cell, ...], ...]
    units: tuple[str, ...]  # each row's unit, for number formats

    def column(self, key: str) -> int:
        """The index of the column of `key`."""
        return self.keys.index(key)


def attachment_table(pack: Pack, lang: str) -> Table:
    """One row per commitment; 分管领导 after 责任单位 when the units sheet (or the registry)
    names leaders."""
    warned = _warned(pack, lang)
    rows = [_attachment_row(row, lang, warned) for row in pack.rows]
    return _with_leaders(ATTACHMENT, rows, pack, lang)


def account_table(pack: Pack, lang: str) -> Table:
    """The 对照表: one row per commitment with its outcome; 分管领导 as in the attachment."""
    rows = [_account_row(row, lang) for row in pack.rows]
    return _with_leaders(ACCOUNT, rows, pack, lang)


def _with_leaders(
    columns: tuple[tuple[str, str], ...], rows: list[tuple[Cell, ...]], pack: Pack, lang: str
) -> Table:
    if pack.has_leaders:
        at = [key for key, _ in columns].index("lead") + 1
        columns = (*columns[:at], ("leader", "text"), *columns[at:])
        rows = [
            (*cells[:at], visible("、".join(row.leaders)), *cells[at:])
            for cells, row in zip(rows, pack.rows, strict=True)
        ]
    return Table(
        keys=tuple(key for key, _ in columns),
        header=tuple(head(key, lang) for key, _ in columns),
        kinds=tuple(kind for _, kind in columns),
        rows=tuple(rows),
        units=tuple(row.target.unit for row in pack.rows),
    )


def _warned(pack: Pack, lang: str) -> dict[str, str]:
    """The warnings about each commitment's figures, by its id, as the pack lists them."""
    said: dict[str, list[str]] = {}
    for warning in pack.warnings:
        target_id = warning.params.get("id")
        if isinstance(target_id, str):
            said.setdefault(target_id, []).append(warning_line(warning, lang))
    return {target_id: "\n".join(lines) for target_id, lines in said.items()}


def gap_cells(row: Row, lang: str) -> tuple[Decimal | None, str]:
    """The gap in percentage points of 完成率 against 序时进度, else in the target's unit."""
    ahead = row.result.progress.ahead
    if ahead is not None:  # the difference of the two printed rates
        return ahead, say("points", lang)
    gap = in_precision(row.result.gap, row.target, row.result.actual)
    if gap is None:
        return None, ""
    return gap, say("points", lang) if row.target.unit == "%" else row.target.unit


#: Decimal places a unit shows at least; a figure with more places shows all of them.
UNIT_PLACES = {"%": 1, "倍": 2, "个百分点": 1}


def annual_cell(row: Row) -> Decimal | None:
    """年度目标 as the 附件 print it (to the target's precision), with a figure or without:
    the level the figure was held to, else the level the target states."""
    annual = row.result.progress.annual
    if annual is None:
        annual = annual_target(row.target)
    return in_precision(annual, row.target)


_BOUND = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


def figure(value: Value | None, lang: str, bound: str | None = None) -> Cell:
    """A figure as a number, a yes/no as a word, a published bound as text (≥ 90)."""
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if bound is not None and value is not None:
        return f"{_BOUND[bound]} {format_decimal(value)}"
    return value


def status_cell(row: Row, lang: str) -> str:
    """The status word with what is said beside it (基本完成, 按9月数据:符合进度, …), and
    数据存疑 when a warning doubts the row's figures (the pack's 数据提示 says why)."""
    notes = status_notes(row.result, lang)
    if row.doubts:
        notes.append(label("doubt", lang))
    words = status_words(row.result, lang)
    return f"{words} ({'; '.join(notes)})" if notes else words


def verdict_cell(row: Row, lang: str) -> str:
    """完成 / 基本完成 / 未完成, or 未报告 with the in-year reading of the latest figure."""
    verdict = row.verdict
    words = verdict_label(verdict, lang, tolerated=row.result.tolerated)
    result = row.result
    if verdict is not Verdict.NOT_REPORTED or result.actual is None or result.period is None:
        return words
    reading = status_words_of(result.interim or result.status, result, lang)
    when = period_words(result.period, lang)
    return f"{words} ({label('interim_short', lang, period=when, status=reading)})"


def reason_text(row: Row, lang: str) -> str:
    if row.reason:
        return row.reason
    return say("no_reason", lang) if row.unexplained else ""


def per_month(row: Row) -> Decimal | None:
    """What remains per month, for a cumulative target before its due date."""
    return row.result.progress.per_month


def source_text(row: Row) -> str:
    return " ".join(part for part in (row.result.source, row.result.note) if part)


def _shown(cells: tuple[Cell, ...]) -> tuple[Cell, ...]:
    return tuple(visible(c) if isinstance(c, str) else c for c in cells)


def _attachment_row(row: Row, lang: str, warned: dict[str, str]) -> tuple[Cell, ...]:
    result, done = row.result, row.result.progress
    gap, gap_unit = gap_cells(row, lang)
    return _shown(
        (
            row.number,
            row.target.id,
            row.target.section,
            row.target.quote,
            row.target.unit,
            annual_cell(row),
            figure(result.actual, lang, result.bound),
            result.rank,
            result.level,
            result.level_unit if result.level is not None else "",
            in_precision(result.required, row.target, result.actual),
            done.completion,
            done.pace,
            gap,
            gap_unit,
            status_cell(row, lang),
            light_label(row.light, lang),
            change_word(row, lang),
            row.lead or "",
            reason_text(row, lang),
            per_month(row),
            basis(result, lang),
            str(result.period) if result.period else "",
            source_text(row),
            warned.get(row.target.id, ""),
        )
    )


def _account_row(row: Row, lang: str) -> tuple[Cell, ...]:
    reason = row.reason
    if not reason and row.verdict is not Verdict.MET:
        reason = basis(row.result, lang) or say("no_reason", lang)
    result = row.result
    return _shown(
        (
            row.number,
            row.target.section,
            row.target.name(lang),
            row.target.quote,
            row.target.unit,
            annual_cell(row),
            figure(result.actual, lang, result.bound),
            period_words(result.period, lang) if result.actual is not None else "",
            verdict_cell(row, lang),
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
