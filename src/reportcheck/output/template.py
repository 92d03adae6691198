"""A fill-in file for one month: one row per registry id, exactly what `diff` reads back."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportcheck.model.files import write_file, write_text_file
from reportcheck.output.csvcells import safe_cell, to_csv

if TYPE_CHECKING:
    from reportcheck.model.periods import Period
    from reportcheck.registry.records import Registry

#: The sheet's columns: what the reader needs, what helps the person filling it in, and
#: `reason` (推进情况) for what the review says beside a lagging figure.
COLUMNS = ("id", "period", "value", "unit", "name_zh", "target", "source", "note", "reason")
#: Columns a person types into: a file with any of them filled is never overwritten unasked.
TYPED = frozenset({"value", "source", "note", "reason", "rank", "level"})


def template_rows(registry: Registry, period: Period | None) -> list[list[str]]:
    shown = str(period) if period else ""
    return [[t.id, shown, "", t.unit, t.name_zh, t.quote, "", "", ""] for t in registry.targets]


def template_csv(registry: Registry, period: Period | None) -> str:
    return to_csv(COLUMNS, template_rows(registry, period))


def write_template(registry: Registry, period: Period | None, path: Path) -> None:
    """Write .csv as UTF-8 with BOM (so Excel shows Chinese) or .xlsx, by the extension."""
    if path.suffix.lower() == ".xlsx":
        _write_xlsx(registry, period, path)
    else:
        write_text_file(path, template_csv(registry, period), "utf-8-sig")


def _write_xlsx(registry: Registry, period: Period | None, path: Path) -> None:
    from reportcheck.output.workbook import Style, Workbook

    book = Workbook()
    sheet = book.add("actuals")
    sheet.append(list(COLUMNS), Style(bold=True))
    for values in template_rows(registry, period):
        sheet.append([safe_cell(v) for v in values])  # text, never a formula or a date
    for column, width in enumerate((30, 10, 10, 8, 30, 50, 20, 20, 40), start=1):
        sheet.widths[column] = width
    sheet.freeze = "A2"
    write_file(path, book.to_bytes())


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
