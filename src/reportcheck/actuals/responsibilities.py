"""The office's sheet of responsibilities (责任分解): each commitment's 责任单位 and 分管领导.

An office keeps this sheet itself, in Excel, and changes it when a unit is reorganised: a CSV
or .xlsx with the columns `id`, `责任单位` (several units separated by 、, the first leading)
and `分管领导`; the English headers `lead` and `leader` are read too, and any other column
(序号, 指标, 完成时限 …) is left alone. It is read by the actuals' own table reader (any
encoding Excel writes; the first sheet of a workbook) and checked as a file of actuals is:
an id the registry does not hold (with the closest ids), a row without an id and an id given
twice are errors, each named by file, line, column and value, all of them in one run.

A commitment the sheet names takes the units and the leader it gives, in place of the
registry's own `lead:` and `leader:`; a cell left empty keeps the registry's.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from reportcheck.actuals.columns import header_key
from reportcheck.actuals.table import read_tables
from reportcheck.model.numbers import normalise_text
from reportcheck.model.problems import ActualsError, Problem, problem
from reportcheck.registry.records import split_units

if TYPE_CHECKING:
    from pathlib import Path

    from reportcheck.actuals.raw import RawTable
    from reportcheck.registry.records import Registry, Target

#: The headers of each column, as offices write them (compared folded and in lower case).
HEADERS = {
    "id": ("id", "编号"),
    "lead": ("lead", "责任单位", "牵头单位"),
    "leader": ("leader", "分管领导", "分管市领导"),
}


class Responsibility(msgspec.Struct, frozen=True):
    """What the sheet says of one commitment: its units (the first leading) and its leader;
    None where the sheet's cell is empty."""

    lead: str | None
    leader: str | None
    where: str  # file:line, for a row given twice


def read_responsibilities(
    path: Path, registry: Registry, encoding: str | None = None
) -> dict[str, Responsibility]:
    """id -> what the sheet gives it; ActualsError with every problem of the sheet."""
    tables = read_tables(path, encoding)
    table = tables[0]
    # Later sheets of a workbook are the office's own (notes, a list of units): not read.
    problems = [p for p in table.problems if p.severity == "error"]
    found: dict[str, Responsibility] = {}
    if not problems:
        problems.extend(_check(table, registry, found))
    if problems:
        raise ActualsError(problems)
    return found


def _check(table: RawTable, registry: Registry, found: dict[str, Responsibility]) -> list[Problem]:
    problems: list[Problem] = []
    at = _columns(table.header)
    if "id" not in at or not {"lead", "leader"} & set(at):
        shown = ", ".join(repr(h) for h in table.header)
        missing = "id" if "id" not in at else "责任单位/lead, 分管领导/leader"
        return [
            problem(
                "missing-column",
                "units" if shown else "units-no-header",
                file=table.file,
                line=1,
                column=missing,
                missing=missing,
                found=shown,
            )
        ]
    for line, cells in table.rows:
        row = {key: cells[i].strip() if i < len(cells) else "" for key, i in at.items()}
        if not any(row.values()):
            continue  # a blank row, or one the office uses for a heading
        raw_id = row["id"]
        target_id = normalise_text(raw_id)
        file = table.file
        if not target_id:
            problems.append(
                problem("missing-id", "units", file=file, line=line, column="id", value=raw_id)
            )
            continue
        if registry.get(target_id) is None:
            close = registry.suggest(target_id)
            problems.append(
                problem(
                    "unknown-id",
                    "close" if close else "",
                    column="id",
                    value=raw_id,
                    close=", ".join(close),
                    file=file,
                    line=line,
                )
            )
            continue
        earlier = found.get(target_id)
        if earlier is not None:
            problems.append(
                problem(
                    "repeated-id",
                    column="id",
                    value=raw_id,
                    id=target_id,
                    earlier=earlier.where,
                    file=file,
                    line=line,
                )
            )
            continue
        units = split_units(normalise_text(row.get("lead", "")))
        leader = normalise_text(row.get("leader", ""))
        found[target_id] = Responsibility(
            "、".join(units) or None, leader or None, f"{table.file}:{line}"
        )
    return problems


def _columns(header: list[str]) -> dict[str, int]:
    """Column -> position, for the columns the sheet has (the first of each, if twice)."""
    at: dict[str, int] = {}
    for i, raw in enumerate(header):
        key = header_key(raw)
        for column, names in HEADERS.items():
            if key in names:
                at.setdefault(column, i)
    return at


def assign(registry: Registry, given: dict[str, Responsibility]) -> Registry:
    """The registry with each named commitment's units and leader as the sheet gives them."""
    if not given:
        return registry
    return msgspec.structs.replace(
        registry, targets=tuple(_assigned(t, given.get(t.id)) for t in registry.targets)
    )


def _assigned(target: Target, said: Responsibility | None) -> Target:
    if said is None:
        return target
    return msgspec.structs.replace(
        target,
        lead=said.lead if said.lead is not None else target.lead,
        leader=said.leader if said.leader is not None else target.leader,
    )
