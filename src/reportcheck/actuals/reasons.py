"""The optional `reason` column of actuals files: 推进情况 / 原因 for each figure."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportcheck.actuals.table import read_table
from reportcheck.model.numbers import normalise_text
from reportcheck.model.periods import parse_period

if TYPE_CHECKING:
    from collections.abc import Iterable

    from reportcheck.model.periods import Period


def read_reasons(files: Iterable[str]) -> dict[tuple[str, Period], str]:
    """(id, period) -> reason, from files already read and validated by the actuals reader.

    Rows the reader refused never reach the pack, so a row here whose id or period does not
    parse is passed over; a reason is kept exactly as written (surrounding spaces trimmed).
    """
    reasons: dict[tuple[str, Period], str] = {}
    for file in files:
        table = read_table(Path(file))
        names = [normalise_text(h).lower() for h in table.header]
        if "reason" not in names:
            continue
        at = {name: names.index(name) for name in ("id", "period", "reason") if name in names}
        if len(at) < 3:
            continue
        for _, cells in table.rows:
            cell = {k: cells[i] if i < len(cells) else "" for k, i in at.items()}
            text = cell["reason"].strip()
            if not text:
                continue
            try:
                period = parse_period(normalise_text(cell["period"]))
            except ValueError:
                continue
            # The first row for an id and period counts, as the actuals reader keeps it.
            reasons.setdefault((normalise_text(cell["id"]), period), text)
    return reasons
