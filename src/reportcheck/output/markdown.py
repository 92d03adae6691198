"""Markdown for review documents: numbers right-aligned, signs kept, "—" where there is no data.

User text goes through `md`, so nothing from a registry or an actuals file becomes markup.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from reportcheck.model.numbers import format_decimal
from reportcheck.model.units import unit_label
from reportcheck.output.explain import pacing_words, rule_words
from reportcheck.output.serialize import md, summary_words
from reportcheck.output.words import (
    FAILING_MOST,
    beside_words,
    change_label,
    failing_kind,
    figure_words,
    label,
    no_data_line,
    pace_words,
    percent,
    shown,
    sign_words,
    status_label,
    status_notes,
    status_words,
    word,
)
from reportcheck.review.evaluate import judged_periods, mixed_periods
from reportcheck.review.status import Status

if TYPE_CHECKING:
    from reportcheck.registry.records import Target
    from reportcheck.review.changes import Overview, Review
    from reportcheck.review.evaluate import Report, Result


class Num:
    """A number cell: right-aligned, '—' when there is none, a sign kept when asked."""

    def __init__(self, value: object, *, signed: bool = False, suffix: str = "") -> None:
        self.value, self.signed, self.suffix = value, signed, suffix

    def text(self, lang: str) -> str:
        value = self.value
        if value is None:
            return "—"
        if isinstance(value, bool):
            return ("yes" if value else "no") if lang == "en" else ("是" if value else "否")
        if isinstance(value, Decimal):
            shown = format_decimal(value)
            if self.signed and value > 0:
                shown = "+" + shown
            return shown + self.suffix
        return md(value)


def _md_table(
    header: Sequence[str], rows: Iterable[Sequence[object]], lang: str = "zh"
) -> list[str]:
    rows = [list(row) for row in rows]
    numeric = [
        bool(rows) and all(isinstance(row[i], Num) for row in rows) for i in range(len(header))
    ]
    lines = [
        "| " + " | ".join(header) + " |",
        "|" + "".join("---:|" if n else "---|" for n in numeric),
    ]
    lines += [
        "| " + " | ".join(c.text(lang) if isinstance(c, Num) else md(c) for c in row) + " |"
        for row in rows
    ]
    return lines


def headline(report: Report, lang: str, filters: Sequence[str] = ()) -> str:
    """'截至 2023-06:已完成 0 · …', saying when the results are a filtered selection."""
    shown = f"{word('as_of', lang)} {report.period or '—'}"
    if filters:
        shown += f" ({label('filtered', lang)}: {' '.join(filters)})"
    if mixed_periods(report.results, report.period):
        periods = ", ".join(str(p) for p in judged_periods(report.results))
        shown += f" ({label('mixed', lang, periods=periods)})"
    return f"{shown}: {summary_words(report, lang)}"


def report_markdown(
    report: Report, lang: str, filters: Sequence[str] = (), show_all: bool = False
) -> str:
    registry = report.registry
    lines = [
        f"# {md(registry.meta.title_zh if lang != 'en' else registry.meta.title_en)}",
        "",
        md(headline(report, lang, filters)),
        "",
    ]
    mixed = mixed_periods(report.results, report.period)
    keys = ["id", "name", "wording", "unit", "actual", "required", "gap"]
    header = [word(k, lang) for k in keys]
    header += [label("completion", lang), label("pace", lang), word("status", lang)]
    if mixed:
        header.append(word("period", lang))
    for key, section in registry.sections.items():
        results = [r for r in report.results if r.target.section == key]
        if not results:
            continue
        missing = [r for r in results if r.status is Status.NO_DATA]
        shown = results if show_all else [r for r in results if r.status is not Status.NO_DATA]
        lines += [f"## {md(section.title(lang))}", ""]
        if shown:
            lines += _md_table(header, (_md_row(r, lang, mixed) for r in shown), lang)
            lines.append("")
        if missing and not show_all:
            lines += [md(no_data_line(missing, lang)), ""]
    return "\n".join(lines)


def _md_row(result: Result, lang: str, mixed: bool) -> list[object]:
    done = result.progress
    target = result.target
    row: list[object] = [
        target.id,
        target.name(lang),
        target.quote,
        unit_label(target.unit, lang),
        _figure(result, lang),
        Num(shown(result.expected if result.expected is not None else result.required, result)),
        Num(shown(result.gap, result), signed=True),
        Num(percent(done.completion) or None),
        pace_words(done, lang) or "—",
        _status_cell(result, lang),
    ]
    if mixed:
        row.append(str(result.period) if result.period else "—")
    return row


def _figure(result: Result, lang: str = "zh") -> object:
    """A figure cell: a number, or the bound as published (≥ 90) as text, with the rank and
    level the office printed beside it."""
    beside = beside_words(result, lang)
    if result.bound or beside:
        return figure_words(result, lang) + (f" ({beside})" if beside else "")
    return Num(result.actual)


def _status_cell(result: Result, lang: str) -> str:
    """The status, with what is said beside it: '已完成 (超额 0.6)', '暂无数据 (按2023年1—9月
    数据:符合进度)', and a sign read as a fall."""
    extra = [*status_notes(result, lang)]
    if sign := sign_words(result, lang):
        extra.append(sign)
    status = status_words(result, lang)
    return f"{status} ({'; '.join(extra)})" if extra else status


def review_markdown(
    review: Review, lang: str, show_all: bool = False, filters: Sequence[str] = ()
) -> str:
    report = review.report
    lines = [report_markdown(report, lang, filters, show_all=show_all)]
    at_year_end = report.period is not None and report.period.is_full_year
    heading = FAILING_MOST[failing_kind((r.status for r in review.lagging), at_year_end)]
    lines += [f"## {word(heading, lang)}", ""]
    lines += _md_table(
        [word(k, lang) for k in ("id", "name", "period", "unit", "actual", "required", "gap")]
        + [label("completion", lang), label("pace", lang), word("status", lang)],
        (
            (
                r.target.id,
                r.target.name(lang),
                str(r.period) if r.period else "—",
                unit_label(r.target.unit, lang),
                _figure(r, lang),
                Num(shown(r.required, r)),
                Num(shown(r.gap, r), signed=True),
                Num(percent(r.progress.completion) or None),
                pace_words(r.progress, lang) or "—",
                _status_cell(r, lang),
            )
            for r in review.lagging
        ),
        lang,
    )
    lines += [
        "",
        f"## {word('changes', lang)} ({word('previous', lang)} {review.previous or '—'})",
        "",
    ]
    lines += _md_table(
        [word("id", lang), label("before", lang), label("after", lang), label("change", lang)],
        (
            (
                c.id,
                status_label(c.before, lang),
                status_label(c.after, lang),
                change_label(c.kind, lang),
            )
            for c in review.changes
        ),
        lang,
    )
    return "\n".join(lines) + "\n"


def targets_markdown(targets: Sequence[Target], lang: str) -> str:
    lines = _md_table(
        [word(k, lang) for k in ("section", "id", "name", "wording", "unit", "rule")],
        (
            (t.section, t.id, t.name(lang), t.quote, unit_label(t.unit, lang), rule_words(t, lang))
            for t in targets
        ),
        lang,
    )
    return "\n".join(lines) + "\n"


def show_markdown(target: Target, results: Sequence[Result], lang: str) -> str:
    lines = [
        f"# {md(target.id)} {md(target.name(lang))}",
        "",
        f"- {word('quote', lang)}: “{md(target.quote)}”",
        f"- {word('rule', lang)}: {md(rule_words(target, lang))}",
        f"- {word('unit', lang)}: {md(unit_label(target.unit, lang))}",
        f"- {word('pacing', lang)}: {md(pacing_words(target, lang))}",
        "",
    ]
    if results:
        unit = f" ({unit_label(target.unit, lang)})"
        lines += _md_table(
            [
                word("period", lang),
                word("actual", lang) + unit,
                word("required", lang) + unit,
                word("gap", lang),
                label("completion", lang),
                label("pace", lang),
                word("status", lang),
            ],
            (
                (
                    str(r.period),
                    _figure(r, lang),
                    Num(shown(r.expected if r.expected is not None else r.required, r)),
                    Num(shown(r.gap, r), signed=True),
                    Num(percent(r.progress.completion) or None),
                    pace_words(r.progress, lang) or "—",
                    _status_cell(r, lang),
                )
                for r in results
            ),
            lang,
        )
        lines.append("")
    return "\n".join(lines)


def overview_markdown(view: Overview, lang: str, hint: str) -> str:
    meta = view.registry.meta
    lines = [
        f"# {md(meta.title_en if lang == 'en' else meta.title_zh)}",
        "",
        f"{sum(view.by_section.values())} {word('commitments', lang)}",
        "",
    ]
    lines += _md_table(
        [word("by_section", lang), word("count", lang)],
        (
            (view.registry.sections[k].title(lang), Num(Decimal(n)))
            for k, n in view.by_section.items()
        ),
        lang,
    )
    return "\n".join([*lines, "", md(hint), ""])
