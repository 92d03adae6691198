"""Results as data: the JSON, CSV and Markdown that scripts and review documents take.

JSON is the library's own result objects serialised; numbers stay exact decimals.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reportcheck.errors import MAX_LISTED, Problem
from reportcheck.explain import pacing_words, rule_words
from reportcheck.labels import CHANGE, pick, status_label, word
from reportcheck.messages import label
from reportcheck.model import Status
from reportcheck.numeric import format_decimal
from reportcheck.progress import (
    judged_periods,
    mixed_periods,
    not_yet_due,
    pace_words,
    percent,
    progress,
)

if TYPE_CHECKING:
    from reportcheck.evaluate import Report, Result
    from reportcheck.model import Target
    from reportcheck.periods import Period
    from reportcheck.review import Overview, Review

#: Decimals are marked with a token no data holds (checked), then written as bare numbers.
_TOKEN = "\ue000reportcheck-decimal\ue000"
_EXACT = re.compile('"' + re.escape(_TOKEN) + '(-?[0-9.]+)"')
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]|~])")


def to_json(data: Any) -> str:
    """JSON text in which every Decimal is written as the exact number it holds."""
    text = json.dumps(_mark(data), ensure_ascii=False, indent=2)
    if _TOKEN not in json.dumps(data, ensure_ascii=False, default=str):
        text = _EXACT.sub(r"\1", text)
    else:  # pragma: no cover - only data holding the token itself; numbers stay strings
        text = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    return text + "\n"


def _mark(data: Any) -> Any:
    if isinstance(data, Decimal):
        return _TOKEN + format_decimal(data)
    if isinstance(data, dict):
        return {k: _mark(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [_mark(v) for v in data]
    return data


def target_dict(target: Target, lang: str) -> dict[str, Any]:
    base = target.baseline
    return {
        "id": target.id,
        "section": target.section,
        "role": target.role.value,
        "quote": target.quote,
        "name_zh": target.name_zh,
        "name_en": target.name_en,
        "unit": target.unit,
        "comparator": target.comparator.value if target.comparator else None,
        "value": target.value,
        "tolerance": target.tolerance,
        "other": target.other,
        "baseline": {
            "value": base.value,
            "year": base.year,
            "quote": base.quote,
            "same_period": base.same_period,
        }
        if base
        else None,
        "direction": target.direction.value,
        "due": str(target.due),
        "entered_as": target.entered_as.value if target.entered_as else None,
        "basis": target.basis,
        "lead": target.lead,
        "kind": target.kind.value,
        "released": target.released.value,
        "rule": rule_words(target, lang),
        "pacing": target.pacing.value,
        "pacing_words": pacing_words(target, lang),
        "note": target.note,
    }


def result_dict(result: Result, lang: str) -> dict[str, Any]:
    target = result.target
    done = progress(result)
    return {
        "id": target.id,
        "section": target.section,
        "name": target.name(lang),
        "status": result.status.value,
        "period": str(result.period) if result.period else None,
        "actual": result.actual,
        "unit": target.unit,
        "target": {
            "wording": target.quote,
            "rule": rule_words(target, lang),
            "comparator": target.comparator.value if target.comparator else None,
            "value": target.value,
            "tolerance": target.tolerance,
            "other": target.other,
            "baseline": target.baseline.value if target.baseline else None,
            "direction": target.direction.value,
            "due": str(target.due),
            "pacing": target.pacing.value,
        },
        "required": result.required,
        "expected": result.expected,
        "gap": result.gap,
        "excess": result.excess,
        "judged": result.judged,
        "completion_rate": done.completion,
        "pace": done.pace,
        "pace_points": done.ahead,
        "pace_words": pace_words(done, lang) or None,
        "not_yet_due": not_yet_due(result, result.period),
        "other_actual": result.other,
        "other_period": str(result.other_period) if result.other_period else None,
        "baseline_used": result.baseline,
        "code": result.code,
        "notes": list(result.notes),
        "reason": result.reason(lang),
        "source": result.source or None,
        "note": result.note or None,
        "row": result.where,
    }


def problems_list(problems: Sequence[Problem]) -> tuple[list[dict[str, Any]], int]:
    """The listed problems and how many more were left out (see MAX_LISTED)."""
    return [p.as_dict() for p in problems[:MAX_LISTED]], max(0, len(problems) - MAX_LISTED)


def report_dict(report: Report | None, lang: str, errors: Sequence[Problem] = ()) -> dict[str, Any]:
    listed, omitted = problems_list(errors)
    results = report.results if report else ()
    summary = report.summary() if report else {}
    return {
        "period": str(report.period) if report and report.period else None,
        "summary": {s.value: n for s, n in summary.items()},
        "results": [result_dict(r, lang) for r in results],
        "warnings": [w.as_dict() for w in report.warnings] if report else [],
        "errors": listed,
        "errors_omitted": omitted,
    }


def review_dict(review: Review, lang: str) -> dict[str, Any]:
    data = report_dict(review.report, lang)
    return {
        "period": data["period"],
        "previous_period": str(review.previous) if review.previous else None,
        "summary": data["summary"],
        "sections": {
            key: {s.value: n for s, n in counts.items()}
            for key, counts in review.by_section().items()
        },
        "changes": [
            {"id": c.id, "from": c.before.value, "to": c.after.value, "kind": c.kind}
            for c in review.changes
        ],
        "lagging": [dict(result_dict(r, lang), shortfall=r.shortfall) for r in review.lagging],
        "no_data": [
            {"id": r.target.id, "name": r.target.name(lang), "reason": r.reason(lang)}
            for r in review.no_data
        ],
        "results": data["results"],
        "warnings": data["warnings"],
        "errors": [],
    }


def overview_dict(view: Overview) -> dict[str, Any]:
    meta = view.registry.meta
    return {
        "report": {"city": meta.city_zh, "year": meta.year, "title": meta.title_zh},
        "commitments": sum(view.by_section.values()),
        "references": view.references,
        "sections": view.by_section,
        "kinds": view.by_category,
        "released": view.by_release,
        "actuals": None,
    }


def safe_cell(text: str) -> str:
    """Text that a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV where text cells are guarded against formula injection; numbers are left as numbers."""
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
    return safe_cell(str(value))


RESULT_COLUMNS = (
    "id",
    "section",
    "name",
    "status",
    "period",
    "actual",
    "unit",
    "required",
    "expected",
    "gap",
    "completion_rate",
    "pace_points",
    "wording",
    "rule",
    "reason",
    "source",
    "note",
)


def report_csv(report: Report, lang: str) -> str:
    return results_csv(report.results, lang)


def results_csv(results: Iterable[Result], lang: str) -> str:
    return to_csv(
        RESULT_COLUMNS,
        (
            (
                r.target.id,
                r.target.section,
                r.target.name(lang),
                r.status.value,
                str(r.period) if r.period else "",
                r.actual,
                r.target.unit,
                r.required,
                r.expected,
                r.gap,
                progress(r).completion,
                progress(r).ahead,
                r.target.quote,
                rule_words(r.target, lang),
                r.reason(lang),
                r.source,
                r.note,
            )
            for r in results
        ),
    )


TARGET_COLUMNS = (
    "id",
    "section",
    "role",
    "name_zh",
    "name_en",
    "quote",
    "unit",
    "comparator",
    "value",
    "tolerance",
    "other",
    "baseline",
    "kind",
    "released",
    "rule",
)


def targets_csv(targets: Iterable[Target], lang: str) -> str:
    return to_csv(
        TARGET_COLUMNS,
        (
            (
                t.id,
                t.section,
                t.role.value,
                t.name_zh,
                t.name_en,
                t.quote,
                t.unit,
                t.comparator.value if t.comparator else "",
                t.value,
                t.tolerance,
                t.other,
                t.baseline.value if t.baseline else None,
                t.kind.value,
                t.released.value,
                rule_words(t, lang),
            )
            for t in targets
        ),
    )


def md(text: object) -> str:
    """User text made inert in a Markdown table: specials escaped, HTML and newlines neutralised."""
    if text is None:
        return ""
    if isinstance(text, Decimal):
        return format_decimal(text)
    if isinstance(text, bool):
        return "yes" if text else "no"
    flat = " ".join(str(text).split())
    flat = flat.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MARKDOWN_SPECIAL.sub(r"\\\1", flat)


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


def no_data_line(results: Sequence[Result], as_of: Period | None, lang: str) -> str:
    """One line for a section's results without data, saying how many are not due yet."""
    due = sum(1 for r in results if not_yet_due(r, as_of))
    return label(
        "no_data_line",
        lang,
        count=len(results),
        due=label("not_due", lang, count=due) if due else "",
    )


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
            lines += [md(no_data_line(missing, report.period, lang)), ""]
    return "\n".join(lines)


def _md_row(result: Result, lang: str, mixed: bool) -> list[object]:
    done = progress(result)
    target = result.target
    row: list[object] = [
        target.id,
        target.name(lang),
        target.quote,
        target.unit,
        Num(result.actual),
        Num(result.expected if result.expected is not None else result.required),
        Num(result.gap, signed=True),
        Num(percent(done.completion) or None),
        pace_words(done, lang) or "—",
        status_label(result.status, lang),
    ]
    if mixed:
        row.append(str(result.period) if result.period else "—")
    return row


def review_markdown(review: Review, lang: str, show_all: bool = False) -> str:
    report = review.report
    lines = [report_markdown(report, lang, show_all=show_all)]
    lines += [f"## {word('lagging', lang)}", ""]
    lines += _md_table(
        [word(k, lang) for k in ("id", "name", "period", "unit", "actual", "required", "gap")]
        + [word("status", lang)],
        (
            (
                r.target.id,
                r.target.name(lang),
                str(r.period) if r.period else "—",
                r.target.unit,
                Num(r.actual),
                Num(r.required),
                Num(r.gap, signed=True),
                status_label(r.status, lang),
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
                pick(CHANGE[c.kind], lang),
            )
            for c in review.changes
        ),
        lang,
    )
    return "\n".join(lines) + "\n"


def review_csv(review: Review, lang: str) -> str:
    """The judged results of the latest period, with the status each had the period before."""
    before = {c.id: c for c in review.changes}
    header = (*RESULT_COLUMNS, "previous_period", "change")
    base = results_csv(review.report.results, lang).splitlines(keepends=True)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    for result, line in zip(review.report.results, base[1:], strict=True):
        change = before.get(result.target.id)
        cells = next(csv.reader([line]))
        writer.writerow(
            [*cells, str(review.previous or ""), change.kind if change is not None else ""]
        )
    return buffer.getvalue()


def targets_markdown(targets: Sequence[Target], lang: str) -> str:
    lines = _md_table(
        [word(k, lang) for k in ("section", "id", "name", "wording", "unit", "rule")],
        ((t.section, t.id, t.name(lang), t.quote, t.unit, rule_words(t, lang)) for t in targets),
        lang,
    )
    return "\n".join(lines) + "\n"


def show_dict(target: Target, results: Sequence[Result], lang: str) -> dict[str, Any]:
    return {"target": target_dict(target, lang), "results": [result_dict(r, lang) for r in results]}


def show_markdown(target: Target, results: Sequence[Result], lang: str) -> str:
    lines = [
        f"# {md(target.id)} {md(target.name(lang))}",
        "",
        f"- {word('quote', lang)}: “{md(target.quote)}”",
        f"- {word('rule', lang)}: {md(rule_words(target, lang))}",
        f"- {word('unit', lang)}: {md(target.unit)}",
        f"- {word('pacing', lang)}: {md(pacing_words(target, lang))}",
        "",
    ]
    if results:
        unit = f" ({target.unit})"
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
                    Num(r.actual),
                    Num(r.expected if r.expected is not None else r.required),
                    Num(r.gap, signed=True),
                    Num(percent(progress(r).completion) or None),
                    pace_words(progress(r), lang) or "—",
                    status_label(r.status, lang),
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


def overview_csv(view: Overview, lang: str) -> str:
    return to_csv(
        ("section", "title", "commitments"),
        ((k, view.registry.sections[k].name(lang), n) for k, n in view.by_section.items()),
    )


def summary_words(report: Report, lang: str) -> str:
    sep = " · "
    return sep.join(f"{status_label(s, lang)} {n}" for s, n in report.summary().items())
