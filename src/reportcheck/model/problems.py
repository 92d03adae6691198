"""The problems reportcheck reports about its inputs, and the exception that carries them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Literal

import msgspec

from reportcheck.output.safe_text import single_line

Severity = Literal["error", "warning"]

#: How many problems of one run are listed before the rest are only counted.
MAX_LISTED = 100


class Problem(msgspec.Struct, frozen=True):
    """One thing wrong with an input, located as a spreadsheet user would find it."""

    code: str  # stable kebab-case identifier, e.g. "not-a-number"
    message: str  # says what is wrong and what would be accepted
    file: str | None = None
    line: int | None = None  # header = line 1, as a spreadsheet counts rows
    column: str | None = None
    value: str | None = None
    severity: Severity = "error"

    def one_line(self) -> str:
        """The problem on one line, its control characters written out (it names user data)."""
        where = self.file or ""
        if self.line is not None:
            where += f":{self.line}"
        column = f"column {self.column}:" if self.column and self.file else ""
        location = " ".join(part for part in (f"{where}:" if where else "", column) if part)
        return single_line(f"{location} {self.message} [{self.code}]".lstrip())

    def as_dict(self) -> dict[str, str | int | None]:
        return {
            "code": self.code,
            "severity": self.severity,
            "file": self.file,
            "line": self.line,
            "column": self.column,
            "value": self.value,
            "message": self.message,
        }


class ReportcheckError(Exception):
    """A user's input cannot be used; carries every problem found in it, not just the first."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__(self.problems[0].one_line() if self.problems else "invalid input")


class OutputError(ReportcheckError):
    """Standard output cannot be written (a full disk, a closed descriptor)."""


class RegistryError(ReportcheckError):
    """The targets registry is malformed."""


class ActualsError(ReportcheckError):
    """A file of actuals cannot be read or holds invalid rows."""


class UsageError(ReportcheckError):
    """A command-line value (an id, a period, a status) is not one reportcheck knows."""
