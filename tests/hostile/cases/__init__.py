"""Every hostile case, by category (one module each)."""

from __future__ import annotations

from importlib import import_module

from ..harness import Case

#: The categories of issue 24, in the order the table prints them.
CATEGORIES = (
    "encodings",
    "workbooks",
    "values",
    "periods",
    "injection",
    "folders",
    "sizes",
    "registries",
    "cache",
    "report",
    "draft",
    "lint",
)


#: The cases of the fixes this suite found, and of what it knows is left (xfail): every run of
#: the tests runs them.
PINNED = frozenset(
    {
        "values/footnote-mark",
        "values/footnote-squared",
        "values/circled",
        "values/rank-zero",
        "values/rank-negative",
        "values/rank-fraction",
        "workbooks/period-as-number-october",
        "workbooks/zh-period-as-number-october",
        "workbooks/no-sheets",
        "workbooks/error-cell",
        "injection/escapes/csv-pipe",
        "injection/xml/pack-xlsx",
        "injection/xml/pack-docx",
        "sizes/errors-listed-before-warnings",
        "sizes/json-warnings-listed-like-errors",
        "sizes/run-small-files",
        "registries/quote-not-verbatim",
        "registries/other-invalid-no-knock-on",
        "report/name-too-long",
        "report/disk-full-xlsx",
        "report/bands-1e-999999",
        "report/bands-1e999999",
        "draft/year-zero",
        "draft/big5",
        "draft/big5-with-year",
        "draft/rich-markup",
    }
)
#: Every how many cases of a category one is run by every run of the tests (besides the pinned).
SAMPLE_EVERY = 4


def ci_cases(cases: list[Case]) -> list[Case]:
    """What every run of the tests runs: the pinned cases, and every SAMPLE_EVERY-th case of each
    category in its order (the first included), none of them slow. The benchmark runs all."""
    chosen: list[Case] = []
    seen: dict[str, int] = {}
    for case in cases:
        index = seen.get(case.category, 0)
        seen[case.category] = index + 1
        if not case.slow and (case.key in PINNED or index % SAMPLE_EVERY == 0):
            chosen.append(case)
    return chosen


def all_cases() -> list[Case]:
    cases: list[Case] = []
    for category in CATEGORIES:
        module = import_module(f"{__name__}.{category}")
        cases += module.CASES
    return cases
