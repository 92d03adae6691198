"""A fill-in file for one month: one row per registry id, exactly what `diff` reads back; and
one such workbook per responsible unit (责任单位), holding only that unit's commitments.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from reportcheck.model.files import write_file, write_text_file
from reportcheck.output.csvcells import to_csv

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportcheck.model.periods import Period
    from reportcheck.registry.records import Registry, Target

#: The sheet's columns: what the reader needs, what helps the person filling it in, and
#: `reason` (推进情况) for what the review says beside a lagging figure. Where commitments
#: name their units, `lead` (责任单位) follows `target`, so a unit sees whom it shares one with.
COLUMNS = ("id", "period", "value", "unit", "name_zh", "target", "source", "note", "reason")
#: Columns a person types into: a file with any of them filled is never overwritten unasked.
TYPED = frozenset({"value", "source", "note", "reason", "rank", "level"})
#: Column widths of the workbook, in digits of the font.
_WIDTHS = {"id": 30, "period": 10, "value": 10, "unit": 8, "name_zh": 30, "target": 50}
_WIDTHS |= {"lead": 20, "source": 20, "note": 20, "reason": 40}


def template_columns(registry: Registry) -> tuple[str, ...]:
    if not any(t.leads for t in registry.targets):
        return COLUMNS
    at = COLUMNS.index("target") + 1
    return (*COLUMNS[:at], "lead", *COLUMNS[at:])


def template_rows(
    registry: Registry, period: Period | None, targets: Sequence[Target] | None = None
) -> list[list[str]]:
    shown = str(period) if period else ""
    units = "lead" in template_columns(registry)
    return [
        [
            t.id,
            shown,
            "",
            t.unit,
            t.name_zh,
            t.quote,
            *([t.lead or ""] if units else []),
            "",
            "",
            "",
        ]
        for t in (registry.targets if targets is None else targets)
    ]


def template_csv(
    registry: Registry, period: Period | None, targets: Sequence[Target] | None = None
) -> str:
    return to_csv(template_columns(registry), template_rows(registry, period, targets))


def write_template(
    registry: Registry,
    period: Period | None,
    path: Path,
    targets: Sequence[Target] | None = None,
    title: str = "actuals",
) -> None:
    """Write .csv as UTF-8 with BOM (so Excel shows Chinese) or .xlsx, by the extension; only
    `targets` when given (one unit's), in a sheet named `title`."""
    if path.suffix.lower() == ".xlsx":
        _write_xlsx(registry, period, path, targets, title)
    else:
        write_text_file(path, template_csv(registry, period, targets), "utf-8-sig")


def _write_xlsx(
    registry: Registry,
    period: Period | None,
    path: Path,
    targets: Sequence[Target] | None,
    title: str,
) -> None:
    from reportcheck.output.workbook import Style, Workbook

    book = Workbook()
    sheet = book.add(title)
    columns = template_columns(registry)
    sheet.append(list(columns), Style(bold=True))
    for values in template_rows(registry, period, targets):
        sheet.append(list(values))  # string cells: never a formula or a date
    for column, name in enumerate(columns, start=1):
        sheet.widths[column] = _WIDTHS[name]
    sheet.freeze = "A2"
    write_file(path, book.to_bytes())


def by_unit(registry: Registry) -> dict[str, list[Target]]:
    """Each responsible unit's commitments, in the registry's order, units in the order they
    first appear; a commitment of two units is under both, and "" gathers those naming none."""
    units: dict[str, list[Target]] = {}
    for target in registry.targets:
        for unit in target.leads or ("",):
            units.setdefault(unit, []).append(target)
    if "" in units:
        units[""] = units.pop("")
    return units


#: Characters a file name cannot hold on Windows (or anywhere: the separators), and names
#: Windows keeps for its devices; as text, compiled by re only when files are named by unit.
_NOT_IN_NAMES = r'[<>:"/\\|?*\x00-\x1f\x7f]'
_DEVICES = r"(?i)(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?"
#: Characters of a file name kept from a unit's name: well within every file system's limit.
_LONGEST_NAME = 80


def file_name(unit: str) -> str:
    """A unit's name as a file name Windows accepts: its forbidden characters as _, no
    trailing dot or space, never a device's name, never empty."""
    name = re.sub(_NOT_IN_NAMES, "_", unit).strip().rstrip(". ")[:_LONGEST_NAME].rstrip(". ")
    if not name or re.fullmatch(_DEVICES, name):
        name = f"_{name}"
    return name


def filled_values(path: Path) -> int | None:
    """How many rows of an existing file hold a typed value, source, note, reason, rank or
    level; None when the file is not a template reportcheck can read (so it is not known to be
    safe to replace)."""
    from reportcheck.actuals.columns import column_of
    from reportcheck.actuals.table import read_table

    table = read_table(path)
    if table.problems and not table.header:
        return None
    header = [column_of(h) for h in table.header]
    if "value" not in header or "id" not in header:
        return None
    typed = [i for i, name in enumerate(header) if name in TYPED]
    return sum(
        1 for _, cells in table.rows if any(i < len(cells) and cells[i].strip() for i in typed)
    )
