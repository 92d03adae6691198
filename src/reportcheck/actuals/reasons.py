"""The reasons of files already read, by id and period: for a caller that holds file names only.

The reader puts each row's reason on its Actual (`ActualsSet.reasons()` gives the same mapping
without reading the files again); this re-reading stays for callers that have not moved to it.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from reportcheck.actuals.cells import read_period
from reportcheck.actuals.check import reason_text
from reportcheck.actuals.columns import column_of
from reportcheck.actuals.table import read_table
from reportcheck.model.numbers import normalise_text

if TYPE_CHECKING:
    from collections.abc import Iterable

    from reportcheck.model.periods import Period


def read_reasons(files: Iterable[str]) -> dict[tuple[str, Period], str]:
    """(id, period) -> reason, from files already read and validated by the actuals reader.

    Rows the reader refused never reach the pack, so a row here whose id or period does not
    parse is passed over; a reason is kept exactly as written (surrounding spaces trimmed), its
    columns (reason, 推进情况, 存在问题, 下一步) joined as the reader joins them.
    """
    reasons: dict[tuple[str, Period], str] = {}
    for file in files:
        table = read_table(Path(file))
        names = [column_of(h) for h in table.header]
        said = tuple(
            (normalise_text(h), i) for i, h in enumerate(table.header) if names[i] == "reason"
        )
        if not said or "id" not in names or "period" not in names:
            continue
        at_id, at_period = names.index("id"), names.index("period")
        for _, cells in table.rows:
            text = reason_text(cells, said)
            if not text or max(at_id, at_period) >= len(cells):
                continue
            try:
                period = read_period(cells[at_period])
            except ValueError:
                continue
            # The first row for an id and period counts, as the actuals reader keeps it.
            reasons.setdefault((normalise_text(cells[at_id]), period), text)
    return reasons
