"""Actual figures: validated rows of one or more files, each a value for one id and period."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from reportcheck.actuals.check import ReadResult, check_tables
from reportcheck.actuals.columns import INFO_COLUMNS, OPTIONAL_COLUMNS, REQUIRED_COLUMNS
from reportcheck.actuals.folder import FileList, table_paths
from reportcheck.actuals.raw import RawTable
from reportcheck.actuals.records import Actual, ActualsSet, Value
from reportcheck.actuals.table import read_tables
from reportcheck.model.limits import RunBudget
from reportcheck.model.problems import ActualsError, Problem, problem

if TYPE_CHECKING:
    from reportcheck.registry.records import Registry

__all__ = [
    "INFO_COLUMNS",
    "OPTIONAL_COLUMNS",
    "REQUIRED_COLUMNS",
    "Actual",
    "ActualsSet",
    "FileList",
    "ReadResult",
    "Value",
    "check_tables",
    "read_actuals",
    "table_paths",
]


def read_actuals(
    paths: Sequence[Path],
    registry: Registry,
    on_file: Callable[[Path], None] | None = None,
    *,
    encoding: str | None = None,
) -> ActualsSet:
    """Read and validate every file; raises ActualsError with all problems if any is an error.

    Files listed from a folder (a FileList) bring the problems of what was skipped, and a file
    in them whose every period lies in another year is skipped with a warning, not refused.
    `encoding` (utf-8, gbk, gb18030, big5) is the encoding of CSV text when the user states it;
    otherwise it is decided from the bytes.
    """
    skipped = paths.skipped if isinstance(paths, FileList) else ()
    folder = paths.folder if isinstance(paths, FileList) else None
    tables = _read_each(paths, on_file, encoding)
    result = check_tables(tables, registry, other_years=folder is not None)
    # The limit that ended the run comes first, before the problems of the rows read up to it.
    ended = [p for p in result.problems if p.variant in ("run-rows", "run-bytes")]
    result.problems[:] = [*ended, *skipped, *(p for p in result.problems if p not in ended)]
    where = str(folder) if folder else None
    if not paths:
        result.problems.append(problem("no-actuals", "see-above" if skipped else "", file=where))
    elif not result.errors and not any(a.value is not None for a in result.actuals):
        result.problems.append(_no_figures(result, registry, where))
    if result.errors:
        raise ActualsError(result.problems)
    warnings = tuple(p for p in result.problems if p.severity == "warning")
    return ActualsSet(tuple(result.actuals), warnings, tuple(result.files))


def _no_figures(result: ReadResult, registry: Registry, folder: str | None) -> Problem:
    """Nothing to judge: every value empty, or every file of another year than the registry's."""
    if not result.files and result.other_years:
        years = ", ".join(str(y) for y in sorted(result.other_years))
        return problem(
            "no-figures", "other-year", file=folder, years=years, year=registry.meta.year
        )
    shown = ", ".join(result.files) if len(result.files) < 4 or folder is None else folder
    return problem("no-figures", file=shown)


def _read_each(
    paths: Sequence[Path], on_file: Callable[[Path], None] | None, encoding: str | None
) -> Iterable[RawTable]:
    """The tables of every file, until the run as a whole reaches a limit (RunBudget): then the
    file that reaches it is refused and nothing more is read."""
    budget = RunBudget()
    for path in paths:
        if on_file is not None:
            on_file(path)
        over, stored = budget.admit(path)
        for table in [] if over else read_tables(path, encoding):
            text = sum(map(len, table.header)) + sum(len(c) for _, row in table.rows for c in row)
            over = budget.take(table.file, len(table.rows), max(text, stored))
            stored = 0  # a workbook's size counts once, with its first sheet
            if over:
                break
            yield table
        if over:
            yield RawTable(file=str(path), problems=[over])
            return
