"""Every problem said in Chinese and English, from one template per language and key.

A problem carries a code and parameters (`reportcheck.model.problems`); here its key picks a
(Chinese, English) template and the parameters fill it: a `Term` is said in the reader's
language, anything else as written; {file}, {line}, {column} and {value} are the problem's own.
Nothing is read back from English text. The templates live in one module per area, so that
each area's wording is one file.
"""

from __future__ import annotations

import string
from typing import TYPE_CHECKING

from reportcheck.output.catalogue import (
    actuals,
    doubts,
    draft,
    files,
    harvest,
    lint,
    offices,
    registry,
    usage,
    writes,
)
from reportcheck.output.safe_text import single_line
from reportcheck.output.words import term_words

if TYPE_CHECKING:
    from reportcheck.model.problems import Param, Problem

TEMPLATES: dict[str, tuple[str, str]] = {
    **files.TEMPLATES,
    **actuals.TEMPLATES,
    **registry.TEMPLATES,
    **lint.TEMPLATES,
    **draft.TEMPLATES,
    **usage.TEMPLATES,
    **doubts.TEMPLATES,
    **writes.TEMPLATES,
    **harvest.TEMPLATES,
    **offices.TEMPLATES,
}
SEVERITY = {"error": ("错误", "error"), "warning": ("警告", "warning")}


def placeholders(template: str) -> set[str]:
    """The names a template fills in."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def say(value: Param, lang: str) -> str:
    """One parameter in `lang`: a Term in words, a number or a text as it is."""
    if isinstance(value, str):
        return value
    if isinstance(value, int):
        return str(value)
    return term_words(value.kind, value.name, lang)


def message(problem: Problem, lang: str) -> str:
    """The problem's sentence in `lang`, from its template (tests keep every raised key in the
    catalogue; a key without one is said by its code and parameters, never lost)."""
    pair = TEMPLATES.get(problem.key)
    if pair is None:
        said = ", ".join(f"{k}={v}" for k, v in fields(problem, lang).items() if v)
        return f"{problem.key} ({said})" if said else problem.key
    template = pair[1] if lang == "en" else pair[0]
    return template.format(**fields(problem, lang))


#: Placeholders every template may use besides its parameters: where the problem stands.
LOCATION_FIELDS = frozenset({"file", "line", "column", "value"})


def fields(problem: Problem, lang: str) -> dict[str, str]:
    """What a template is filled with: the problem's location and its parameters in `lang`."""
    filled = {
        "file": problem.file or "",
        "line": "" if problem.line is None else str(problem.line),
        "column": problem.column or "",
        "value": problem.value or "",
    }
    filled.update((name, say(value, lang)) for name, value in problem.params.items())
    return filled


def location(problem: Problem, lang: str) -> str:
    """'file:line: column value:' as a spreadsheet user finds it; '' when nothing locates it."""
    where = problem.file or ""
    if problem.line is not None:
        where += f":{problem.line}"
    column = ""
    if problem.column and problem.file:
        column = f"column {problem.column}:" if lang == "en" else f"{problem.column} 列:"
    return " ".join(part for part in (f"{where}:" if where else "", column) if part)


def one_line(problem: Problem, lang: str = "en") -> str:
    """The problem on one line without the program's name, control characters written out."""
    parts = [location(problem, lang), message(problem, lang), f"[{problem.code}]"]
    return single_line(" ".join(part for part in parts if part))


def problem_line(problem: Problem, lang: str) -> str:
    """One line for stderr: 'reportcheck: 错误: file:line: 列 value: message [code]'."""
    zh, en = SEVERITY.get(problem.severity, (problem.severity, problem.severity))
    return f"reportcheck: {en if lang == 'en' else zh}: {one_line(problem, lang)}"
