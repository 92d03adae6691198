"""The problems reportcheck reports about its inputs, and the exception that carries them.

A problem is a stable code and the parameters its message needs, located as a spreadsheet user
would find it (file, line, column, value). It holds no sentence: `reportcheck.output.catalogue`
says each code in Chinese and English from one template per language, so a wording is changed in
one place and JSON carries the parameters themselves.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Literal

import msgspec

Severity = Literal["error", "warning"]


class Term(msgspec.Struct, frozen=True):
    """A parameter said in the reader's language: a kind of thing and, optionally, its name.

    `Term("target", "gdp_growth")` reads 目标 gdp_growth / target gdp_growth; `Term("registry")`
    reads 登记表 / registry. The kinds are words of `reportcheck.output.words.TERMS`.
    """

    kind: str
    name: str = ""


#: What a template's placeholders are filled with.
Param = str | int | Term


class Problem(msgspec.Struct, frozen=True, kw_only=True):
    """One thing wrong with an input: a code, its parameters and where it stands.

    `variant` picks one of several templates of the same code (an unreadable file is missing,
    a folder, or refused for its size); codes are stable, variants are not part of the output.
    """

    code: str  # stable kebab-case identifier, e.g. "not-a-number"
    file: str | None = None
    line: int | None = None  # header = line 1, as a spreadsheet counts rows
    column: str | None = None
    value: str | None = None
    severity: Severity = "error"
    variant: str = ""
    params: dict[str, Param] = msgspec.field(default_factory=dict)

    @property
    def key(self) -> str:
        """The catalogue key of the template: the code, or code/variant."""
        return f"{self.code}/{self.variant}" if self.variant else self.code

    def located(self, file: str | None, line: int | None = None) -> Problem:
        """The same problem placed in a file (and line) found after it was raised."""
        return msgspec.structs.replace(self, file=file, line=self.line if line is None else line)


def problem(
    code: str,
    variant: str = "",
    *,
    file: str | None = None,
    line: int | None = None,
    column: str | None = None,
    value: object = None,
    severity: Severity = "error",
    params: Mapping[str, Param] | None = None,
    **more: Param,
) -> Problem:
    """A problem from its code, its location and its template's parameters (given as keywords,
    or as `params` by a helper that forwards them)."""
    shown = None if value is None else str(value)
    return Problem(
        code=code,
        file=file,
        line=line,
        column=column,
        value=shown,
        severity=severity,
        variant=variant,
        params={**(params or {}), **more},
    )


class ReportcheckError(Exception):
    """A user's input cannot be used; carries every problem found in it, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        first = self.problems[0] if self.problems else None
        super().__init__(_summary(first) if first else "invalid input")


def _summary(first: Problem) -> str:
    """A short English identification for tracebacks; people read the catalogue's sentences."""
    where = ":".join(str(part) for part in (first.file, first.line) if part is not None)
    parts = [where, first.column and f"column {first.column}", first.value and repr(first.value)]
    located = ", ".join(part for part in parts if part)
    return f"{first.code} ({located})" if located else first.code


class OutputError(ReportcheckError):
    """Standard output cannot be written (a full disk, a closed descriptor)."""


class RegistryError(ReportcheckError):
    """The targets registry is malformed."""


class ActualsError(ReportcheckError):
    """A file of actuals cannot be read or holds invalid rows."""


class UsageError(ReportcheckError):
    """A command-line value (an id, a period, a status) is not one reportcheck knows."""
