"""The 附件 an office sends with its 通报, as cells: the same three tables for Word and Excel.

附件1 主要经济指标 holds the report's headline list (its first section), 附件2 量化指标 every
other commitment with a figure, 附件3 重点项目 the yes/no deliverables. The columns are the ones
offices print (序号, 指标, 单位, 年度目标, 完成, 完成率, 序时进度, 状态, 责任单位, 推进情况), with
全省排位 and 总量 where the figures give them; rows are grouped by the report's sections.
Widths are in centimetres and add up to the writing width of an A4 landscape page.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.numbers import format_decimal
from reportcheck.output.pack.paragraphs import filter_words, visible
from reportcheck.output.pack.tabular import annual_cell, figure, reason_text, status_cell
from reportcheck.output.words import (
    head,
    light_label,
    months_words,
    say,
    verdict_label,
)
from reportcheck.registry.records import Kind
from reportcheck.review.status import Status, Verdict

if TYPE_CHECKING:
    from reportcheck.output.pack.tabular import Cell
    from reportcheck.review.pack import Pack, Row
    from reportcheck.review.status import Light

#: The writing width of an A4 landscape page with 2 cm margins, in centimetres.
PAGE_WIDTH_CM = 25.7


class OfficeColumn(msgspec.Struct, frozen=True):
    key: str
    kind: str  # count, text, wide, unit, percent
    width: float  # centimetres, before the table is scaled to the page


class OfficeRow(msgspec.Struct, frozen=True):
    cells: tuple[Cell, ...]
    unit: str
    light: Light


class OfficeGroup(msgspec.Struct, frozen=True):
    title: str  # the section's title, printed as a row across the table
    rows: tuple[OfficeRow, ...]


class OfficeTable(msgspec.Struct, frozen=True, kw_only=True):
    """One 附件: its title, its columns (header words and widths) and its rows by section."""

    key: str  # main, figures, projects
    title: str
    header: tuple[str, ...]
    columns: tuple[OfficeColumn, ...]
    groups: tuple[OfficeGroup, ...]

    @property
    def widths(self) -> tuple[float, ...]:
        """Column widths in centimetres, scaled to the page's writing width."""
        total = sum(c.width for c in self.columns)
        return tuple(round(c.width * PAGE_WIDTH_CM / total, 2) for c in self.columns)

    @property
    def count(self) -> int:
        return sum(len(g.rows) for g in self.groups)


_FIGURES = (
    OfficeColumn("number", "count", 1.0),
    OfficeColumn("name", "text", 4.0),
    OfficeColumn("unit", "text", 1.5),
    OfficeColumn("annual", "unit", 1.9),
    OfficeColumn("actual", "unit", 1.9),
    OfficeColumn("completion", "percent", 1.6),
    OfficeColumn("pace", "percent", 1.6),
    OfficeColumn("status", "text", 2.6),
    OfficeColumn("lead", "text", 2.8),
    OfficeColumn("reason", "wide", 6.8),
)
_LEVEL = OfficeColumn("level", "unit", 1.9)
_RANK = OfficeColumn("rank", "count", 1.3)
_LEADER = OfficeColumn("leader", "text", 1.8)
_PROJECTS = (
    OfficeColumn("number", "count", 1.0),
    OfficeColumn("task", "wide", 9.0),
    OfficeColumn("lead", "text", 3.2),
    OfficeColumn("done", "text", 1.8),
    OfficeColumn("status", "text", 3.0),
    OfficeColumn("reason", "wide", 7.7),
)


class CountTable(msgspec.Struct, frozen=True):
    """Counts by some grouping (分管领导): a header, and a row of counts per group."""

    header: tuple[str, ...]
    rows: tuple[tuple[str | int, ...], ...]


def leader_counts(pack: Pack, lang: str) -> CountTable | None:
    """The commitments of each leader (分管领导) counted as the count paragraph counts them:
    on pace (met included), lagging (missed included), judged at the due date, undetermined,
    no figure; at the year's end met, missed, not reported. None when no row names a leader."""
    if not pack.has_leaders:
        return None
    if pack.year_end:
        verdicts = list(Verdict)
        header = [head("leader", lang), head("count", lang)]
        header += [verdict_label(v, lang) for v in verdicts]
        said: list[tuple[str | int, ...]] = [
            (
                _leader_name(leader, lang),
                len(group),
                *(sum(1 for r in group if r.verdict is v) for v in verdicts),
            )
            for leader, group in pack.by_leader().items()
        ]
        return CountTable(tuple(header), tuple(said))
    parts = ("passing", "failing", "not_due", "undetermined", "no_data")
    header = [head("leader", lang), head("count", lang), *(head(p, lang) for p in parts)]
    rows: list[tuple[str | int, ...]] = []
    for leader, group in pack.by_leader().items():
        counted = dict.fromkeys(parts, 0)
        for row in group:
            counted[_PART[row.status]] += 1
        rows.append((_leader_name(leader, lang), len(group), *counted.values()))
    return CountTable(tuple(header), tuple(rows))


#: Each status's part of the count paragraph (and of the count by leader).
_PART = {
    Status.MET: "passing",
    Status.ON_TRACK: "passing",
    Status.MISSED: "failing",
    Status.BEHIND: "failing",
    Status.NOT_DUE: "not_due",
    Status.UNDETERMINED: "undetermined",
    Status.NO_DATA: "no_data",
}


def _leader_name(leader: str, lang: str) -> str:
    return visible(leader) if leader else say("no_lead", lang)


def attachments(pack: Pack, lang: str) -> tuple[OfficeTable, ...]:
    """附件1 主要经济指标, 附件2 量化指标, 附件3 重点项目: those that have rows."""
    first = next(iter(pack.registry.sections), None)
    main = [r for r in pack.rows if r.target.section == first and r.target.kind is not Kind.YESNO]
    projects = [r for r in pack.rows if r.target.kind is Kind.YESNO]
    others = [r for r in pack.rows if r not in main and r not in projects]
    tables: list[OfficeTable] = []
    for key, rows in (("main", main), ("figures", others), ("projects", projects)):
        if rows:
            number = len(tables) + 1
            tables.append(_table(pack, key, number, rows, lang))
    return tuple(tables)


def _table(pack: Pack, key: str, number: int, rows: list[Row], lang: str) -> OfficeTable:
    if key == "projects":
        columns: tuple[OfficeColumn, ...] = _PROJECTS
    else:
        extra: tuple[OfficeColumn, ...] = ()
        if any(r.result.level is not None for r in rows):
            extra += (_LEVEL,)
        if any(r.result.rank is not None for r in rows):
            extra += (_RANK,)
        columns = (*_FIGURES[:5], *extra, *_FIGURES[5:])
    if pack.has_leaders:
        at = [c.key for c in columns].index("lead") + 1
        columns = (*columns[:at], _LEADER, *columns[at:])
    groups: list[OfficeGroup] = []
    for section in pack.registry.sections.values():
        chosen = [r for r in rows if r.target.section == section.key]
        if not chosen:
            continue
        office_rows = tuple(
            OfficeRow(
                tuple(_dated(column.key, row, index, pack, lang) for column in columns),
                row.target.unit,
                row.light,
            )
            for index, row in enumerate(chosen, start=sum(len(g.rows) for g in groups) + 1)
        )
        groups.append(OfficeGroup(section.title(lang), office_rows))
    title = say(f"annex_{key}", lang, number=number) + filter_words(pack, lang)
    return OfficeTable(
        key=key,
        title=title,
        header=tuple(_header(column.key, pack, lang) for column in columns),
        columns=columns,
        groups=tuple(groups),
    )


def _header(key: str, pack: Pack, lang: str) -> str:
    if key == "actual" and pack.period is not None and lang != "en":
        return f"{months_words(pack.period, lang)}完成"
    return head(key, lang)


def _dated(key: str, row: Row, number: int, pack: Pack, lang: str) -> Cell:
    """A cell; a figure of another period than the pack's (under a header that names the
    pack's) with its own period beside it, as an office prints it: 0.7（1—6月）."""
    cell = _cell(key, row, number, lang)
    if key in ("actual", "done") and cell not in (None, "—"):
        period = figure_period(row, pack, lang)
        if period:
            return say("figure_of", lang, figure=number_text(cell, row.target.unit), period=period)
    return cell


def figure_period(row: Row, pack: Pack, lang: str) -> str:
    """The period of a row's figure when it is not the pack's ('1—6月'); '' when it is, or
    when there is no figure."""
    result = row.result
    if result.actual is None or result.period is None or result.period == pack.period:
        return ""
    return months_words(result.period, lang)


def _cell(key: str, row: Row, number: int, lang: str) -> Cell:
    result = row.result
    done = result.progress
    target = row.target
    if key == "number":
        return number
    if key == "name":
        return visible(target.name(lang))
    if key == "task":
        return visible(target.quote)
    if key == "unit":
        return visible(target.unit)
    if key == "annual":
        return annual_cell(row)
    if key == "actual":
        return figure(result.actual, lang, result.bound)
    if key == "level":
        if result.level is None:
            return None
        return f"{format_decimal(result.level)} {result.level_unit}".strip()
    if key == "rank":
        return result.rank
    if key == "completion":
        return done.completion
    if key == "pace":
        return done.pace
    if key == "status":
        words = status_cell(row, lang)
        if row.light.value == "grey":
            return words
        light = light_label(row.light, lang)
        return f"{words}({light})" if lang == "en" else f"{words}（{light}）"
    if key == "lead":
        return visible(row.lead or "")
    if key == "leader":
        return visible("、".join(row.leaders))
    if key == "reason":
        return visible(reason_text(row, lang))
    if key == "done":
        value = result.actual
        if isinstance(value, bool):
            return figure(value, lang)
        return "—"
    return None


def number_text(value: Cell, unit: str) -> str:
    """A cell as a document prints it: numbers exactly, with thousands separators."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, Decimal):
        text = format_decimal(value)
        whole, _, fraction = text.partition(".")
        sign = "-" if whole.startswith("-") else ""
        digits = whole.lstrip("-")
        grouped = f"{int(digits):,}" if digits.isdigit() else digits
        return sign + grouped + (f".{fraction}" if fraction else "")
    return str(value)
