"""A file (or one sheet) of actuals as text cells, with the problems found while reading it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.problems import Param, Problem, problem

if TYPE_CHECKING:
    from collections.abc import Mapping


def sheet_place(file: str, sheet: str) -> str:
    """Where a sheet's problems are said to be: 'pack.xlsx [附件1]'."""
    return f"{file} [{sheet}]"


def file_of(place: str) -> str:
    """The file a problem's place is in: every sheet of one workbook is that workbook."""
    name, bracket, _ = place.rpartition(" [")
    if bracket and place.endswith("]") and name.lower().endswith((".xlsx", ".xlsm")):
        return name
    return place


class RawTable(msgspec.Struct, kw_only=True):
    """The cells of one file (or one sheet) as text; the header is line 1."""

    file: str
    header: list[str] = msgspec.field(default_factory=list)
    rows: list[tuple[int, list[str]]] = msgspec.field(default_factory=list)
    problems: list[Problem] = msgspec.field(default_factory=list)
    encoding: str | None = None

    def refuse(
        self,
        code: str,
        variant: str = "",
        *,
        line: int | None = None,
        value: str | None = None,
        column: str | None = None,
        params: Mapping[str, Param] | None = None,
        **more: Param,
    ) -> RawTable:
        """The table with a problem of its file added (code, variant and template parameters,
        given as keywords or forwarded as `params`)."""
        self.problems.append(
            problem(
                code,
                variant,
                file=self.file,
                line=line,
                column=column,
                value=value,
                params={**(params or {}), **more},
            )
        )
        return self
