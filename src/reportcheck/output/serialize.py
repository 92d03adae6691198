"""Results as data: the JSON, CSV and Markdown that scripts and review documents take.

JSON is the library's own result objects serialised; numbers stay exact decimals.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any

import msgspec

from reportcheck.model.limits import MAX_LISTED
from reportcheck.model.numbers import format_decimal
from reportcheck.output.csvcells import to_csv
from reportcheck.output.explain import pacing_words, reason, rule_words
from reportcheck.output.words import pace_words, status_label, status_words
from reportcheck.review.status import Status

if TYPE_CHECKING:
    from reportcheck.model.problems import Problem
    from reportcheck.registry.records import Target
    from reportcheck.review.changes import Overview, Review
    from reportcheck.review.evaluate import Report, Result

#: As text: re compiles it when Markdown is first written, not at the start of every command.
_MARKDOWN_SPECIAL = r"([\\`*_\[\]|~])"


def to_json(data: Any) -> str:
    """Indented JSON text in which every Decimal is written as the exact number it holds."""
    return msgspec.json.format(msgspec.json.encode(_exact(data)), indent=2).decode() + "\n"


#: Types written as they are, none of them a Decimal or a container: most values of a result
#: are, and are passed on without a call each.
_AS_THEY_ARE = frozenset({str, int, float, bool, type(None)})


def _exact(data: Any) -> Any:
    """`data` with each Decimal as the JSON number it is, in plain notation (1E+4 is 10000)."""
    if isinstance(data, Decimal):
        return msgspec.Raw(format_decimal(data).encode()) if data.is_finite() else str(data)
    if isinstance(data, dict):
        return {k: v if type(v) in _AS_THEY_ARE else _exact(v) for k, v in data.items()}
    if isinstance(data, list | tuple):
        return [v if type(v) in _AS_THEY_ARE else _exact(v) for v in data]
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
        "leader": target.leader,
        "kind": target.kind.value,
        "released": target.released.value,
        "rule": rule_words(target, lang),
        "pacing": target.pacing.value,
        "pacing_words": pacing_words(target, lang),
        "note": target.note,
    }


def result_dict(result: Result, lang: str) -> dict[str, Any]:
    target = result.target
    done = result.progress
    return {
        "id": target.id,
        "section": target.section,
        "name": target.name(lang),
        "status": result.status.value,
        "status_words": status_words(result, lang),
        "final": result.final,
        "met_within_tolerance": result.tolerated and result.status is Status.MET,
        "interim_status": result.interim.value if result.interim else None,
        "period": str(result.period) if result.period else None,
        "actual": result.actual,
        "bound": result.bound,
        "unit": target.unit,
        "rank": result.rank,
        "level": result.level,
        "level_unit": result.level_unit or None,
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
        "shortfall_percent": done.shortfall,
        "per_month": done.per_month,
        "awaited": result.awaited or None,
        "other_actual": result.other,
        "other_period": str(result.other_period) if result.other_period else None,
        "baseline_used": result.baseline,
        "code": result.code,
        "notes": list(result.notes),
        "reason": reason(result, lang),
        "reported_reason": result.reason or None,
        "source": result.source or None,
        "note": result.note or None,
        "row": result.where,
    }


def problems_list(problems: Sequence[Problem], lang: str) -> tuple[list[dict[str, Any]], int]:
    """The listed problems and how many more were left out (see MAX_LISTED)."""
    listed = [problem_dict(p, lang) for p in problems[:MAX_LISTED]]
    return listed, max(0, len(problems) - MAX_LISTED)


def problem_dict(problem: Problem, lang: str) -> dict[str, Any]:
    """A problem as data, its message in `lang` (the code is the same in both)."""
    from reportcheck.output.catalogue import message, say

    return {
        "code": problem.code,
        "severity": problem.severity,
        "file": problem.file,
        "line": problem.line,
        "column": problem.column,
        "value": problem.value,
        "params": {name: say(value, lang) for name, value in problem.params.items()},
        "message": message(problem, lang),
    }


def report_dict(
    report: Report | None,
    lang: str,
    errors: Sequence[Problem] = (),
) -> dict[str, Any]:
    """The results named, and the problems said, in `lang`."""
    listed, omitted = problems_list(errors, lang)
    # Warnings are listed like errors, the rest counted: a folder of repeated rows within every
    # limit makes a hundred thousand of them.
    warned, warned_omitted = problems_list(report.warnings if report else (), lang)
    results = report.results if report else ()
    summary = report.summary() if report else {}
    return {
        "period": str(report.period) if report and report.period else None,
        "summary": {s.value: n for s, n in summary.items()},
        "results": [result_dict(r, lang) for r in results],
        "warnings": warned,
        "warnings_omitted": warned_omitted,
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
            {"id": r.target.id, "name": r.target.name(lang), "reason": reason(r, lang)}
            for r in review.no_data
        ],
        "results": data["results"],
        "warnings": data["warnings"],
        "warnings_omitted": data["warnings_omitted"],
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


RESULT_COLUMNS = (
    "id",
    "section",
    "name",
    "status",
    "status_words",
    "period",
    "actual",
    "unit",
    "required",
    "expected",
    "gap",
    "completion_rate",
    "pace_points",
    "pace_words",
    "wording",
    "rule",
    "reason",
    "source",
    "note",
    "final",
    "met_within_tolerance",
    "interim_status",
    "reported_reason",
    "rank",
    "level",
    "level_unit",
)


def report_csv(report: Report, lang: str) -> str:
    return results_csv(report.results, lang)


def results_csv(results: Iterable[Result], lang: str) -> str:
    return to_csv(RESULT_COLUMNS, (result_row(r, lang) for r in results))


def result_row(r: Result, lang: str) -> tuple[object, ...]:
    """One result's cells, in the order of RESULT_COLUMNS."""
    done = r.progress
    return (
        r.target.id,
        r.target.section,
        r.target.name(lang),
        r.status.value,
        status_words(r, lang),
        str(r.period) if r.period else "",
        r.actual,
        r.target.unit,
        r.required,
        r.expected,
        r.gap,
        done.completion,
        done.ahead,
        pace_words(done, lang),
        r.target.quote,
        rule_words(r.target, lang),
        reason(r, lang),
        r.source,
        r.note,
        "yes" if r.final else "no",
        "yes" if r.tolerated and r.status is Status.MET else "no",
        r.interim.value if r.interim else "",
        r.reason,
        r.rank,
        r.level,
        r.level_unit,
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
    return re.sub(_MARKDOWN_SPECIAL, r"\\\1", flat)


def review_csv(review: Review, lang: str) -> str:
    """The judged results of the latest period, with the change since the period before."""
    changes = {c.id: c.kind for c in review.changes}
    previous = str(review.previous or "")
    return to_csv(
        (*RESULT_COLUMNS, "previous_period", "change"),
        (
            (*result_row(r, lang), previous, changes.get(r.target.id, ""))
            for r in review.report.results
        ),
    )


def show_dict(target: Target, results: Sequence[Result], lang: str) -> dict[str, Any]:
    return {"target": target_dict(target, lang), "results": [result_dict(r, lang) for r in results]}


def overview_csv(view: Overview, lang: str) -> str:
    return to_csv(
        ("section", "title", "commitments"),
        ((k, view.registry.sections[k].name(lang), n) for k, n in view.by_section.items()),
    )


def summary_words(report: Report, lang: str) -> str:
    sep = " · "
    return sep.join(
        f"{status_label(s, lang)} {n}"
        for s, n in report.summary().items()
        if n or s is not Status.UNDETERMINED
    )
