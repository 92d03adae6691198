"""What the command line accepts, folded and checked: ids, sections, statuses, periods.

Values are read the way a Chinese input method types them (full-width forms folded), and a value
the registry does not know is a usage error that lists what it does know, never an empty result
that passes.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.periods import parse_period
from reportcheck.model.problems import Param, UsageError, problem
from reportcheck.registry.records import section_matches
from reportcheck.review.status import Status

if TYPE_CHECKING:
    from collections.abc import Iterable

    from reportcheck.model.periods import Period
    from reportcheck.registry.records import Registry
    from reportcheck.review.evaluate import Result


def normal(text: str) -> str:
    """What a Chinese input method types, as the registry writes it: full-width forms folded."""
    return unicodedata.normalize("NFKC", text).strip()


def usage(
    code: str,
    variant: str = "",
    *,
    value: str | None = None,
    column: str | None = None,
    **params: Param,
) -> UsageError:
    """A usage error of one problem: its code, variant and template parameters."""
    return UsageError([problem(code, variant, column=column, value=value, params=params)])


def check_ids(registry: Registry, ids: Sequence[str]) -> list[str]:
    """The ids as the registry spells them; a usage error naming any it does not hold."""
    problems = []
    folded = [normal(i) for i in ids]
    for target_id, raw in zip(folded, ids, strict=True):
        if registry.get(target_id) is None:
            close = registry.suggest(target_id)
            problems.append(
                problem(
                    "unknown-id",
                    "option-close" if close else "option",
                    column="--id",
                    value=raw,
                    close=", ".join(close),
                )
            )
    if problems:
        raise UsageError(problems)
    return folded


def check_sections(registry: Registry, sections: Sequence[str]) -> list[str]:
    """Sections with full-width brackets and spaces folded; a usage error listing the valid ones."""
    folded = [normal(s).replace(" ", "") for s in sections]
    unknown = [
        raw
        for raw, wanted in zip(sections, folded, strict=True)
        if not any(section_matches(key, wanted) for key in registry.sections)
    ]
    if unknown:
        valid = ", ".join(registry.sections)
        raise UsageError(
            problem("unknown-section", column="--section", value=raw, sections=valid)
            for raw in unknown
        )
    return folded


_STATUS_WORDS = {
    **{s.value: s for s in Status},
    **{s.value.replace("_", "-"): s for s in Status},
    **{s.value.replace("_", " "): s for s in Status},
}


def check_statuses(statuses: Sequence[str]) -> list[Status]:
    """Status names (also as their Chinese labels); a usage error listing the valid ones."""
    from reportcheck.output.words import STATUS

    words = dict(_STATUS_WORDS)
    for status, (zh, en) in STATUS.items():
        words[zh] = words[en] = Status(status)
    chosen, problems = [], []
    for raw in statuses:
        found = words.get(normal(raw).lower())
        if found is None:
            valid = ", ".join(s.value for s in Status)
            problems.append(problem("unknown-status", column="--status", value=raw, statuses=valid))
        else:
            chosen.append(found)
    if problems:
        raise UsageError(problems)
    return chosen


def filter_words(ids: Sequence[str], sections: Sequence[str], statuses: Sequence[str]) -> list[str]:
    """The filters as typed, for a headline that says the results are a selection."""
    return (
        [f"--section {s}" for s in sections]
        + [f"--status {s}" for s in statuses]
        + [f"--id {i}" for i in ids]
    )


def period_option(registry: Registry, text: str | None) -> Period | None:
    if text is None:
        return None
    try:
        period = parse_period(normal(text))
    except ValueError:
        raise usage("bad-period", variant="option", value=text, column="--period") from None
    if period.year != registry.meta.year:
        raise usage(
            "period-out-of-year",
            variant="option",
            value=text,
            column="--period",
            year=registry.meta.year,
        )
    return period


class FailOn(msgspec.Struct, frozen=True):
    """What makes a run exit 1: results with these statuses, and (with `warning`) any warning."""

    statuses: frozenset[Status]
    warnings: bool = False

    def exit_code(self, results: Iterable[Result], warnings: Sequence[object] = ()) -> int:
        """1 when a result has a failing status or a warning fails the run; else 0."""
        from reportcheck.review.evaluate import FAILING_EXIT, exit_code

        code = exit_code(results, self.statuses)
        return FAILING_EXIT if self.warnings and warnings else code


#: The word of --fail-on that makes warnings fail the run.
WARNING = "warning"
#: Every word --fail-on takes besides 'never', for help and completion.
FAIL_ON_WORDS = (*(s.value for s in Status), WARNING)


def fail_on_option(text: str) -> FailOn:
    if text.strip() == "never":
        return FailOn(frozenset())
    words = [w.strip() for w in text.split(",") if w.strip()]
    known = {s.value: s for s in Status}
    unknown = [w for w in words if w not in known and w != WARNING]
    if unknown or not words:
        raise usage("bad-fail-on", value=text, column="--fail-on", known=", ".join(FAIL_ON_WORDS))
    return FailOn(frozenset(known[w] for w in words if w in known), WARNING in words)


def suggested_period(registry: Registry, as_of: Period | None) -> str:
    """The month a new user most likely fills in: --period, else the last month ended."""
    import datetime as dt

    if as_of is not None:
        return str(as_of)
    today = dt.date.today()
    year = registry.meta.year
    if today.year > year:
        return f"{year}-12"
    if today.year < year:
        return f"{year}-01"
    return f"{year}-{max(1, today.month - 1):02d}"
