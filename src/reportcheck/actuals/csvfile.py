"""CSV text as rows of cells with the standard library: a hundred lines in a millisecond."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from reportcheck.actuals.encoding import EncodingProblemError, decode
from reportcheck.model.limits import MAX_CELL_CHARS, MAX_CELLS, MAX_COLUMNS, MAX_ROWS

if TYPE_CHECKING:
    from reportcheck.actuals.table import RawTable


def read_csv(data: bytes, table: RawTable) -> RawTable:
    """Rows of `data`; each record is a line as a spreadsheet counts rows (header = 1)."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return table.fail("wrong-file-type", "holds binary data, not CSV text")
    try:
        decoded = decode(data)
    except EncodingProblemError as exc:
        return table.fail("wrong-encoding", str(exc), exc.line)
    table.encoding = decoded.encoding
    text = decoded.text
    if not text.strip():
        return table.fail(
            "empty-file",
            "is empty; expected a header line 'id,period,value' and one row per figure",
        )
    reader = csv.reader(io.StringIO(text, newline=""))
    width = cells_seen = 0
    try:
        for number, cells in enumerate(reader, start=1):
            if number > MAX_ROWS:
                return _refuse(table).fail(
                    "too-large",
                    f"has more than {MAX_ROWS} rows, the limit for a file of actuals; "
                    "split it by month",
                    number,
                )
            if len(cells) > MAX_COLUMNS:
                return _refuse(table).fail(
                    "too-large",
                    f"has {len(cells)} columns; a file of actuals may have at most {MAX_COLUMNS}",
                    number,
                )
            cells_seen += len(cells)
            if cells_seen > MAX_CELLS:
                return _refuse(table).fail(
                    "too-large",
                    f"has more than {MAX_CELLS} cells, the limit for a file of actuals",
                    number,
                )
            long = next((c for c in cells if len(c) > MAX_CELL_CHARS), None)
            if long is not None:
                table.fail(
                    "too-large",
                    f"has a cell of {len(long)} characters; a cell may hold at most "
                    f"{MAX_CELL_CHARS}",
                    number,
                    long[:40] + "…",
                )
                continue
            if number == 1:
                table.header = cells
                width = len(cells)
            elif len(cells) > width and any(c.strip() for c in cells[width:]):
                table.fail(
                    "wrong-field-count",
                    f"has {len(cells)} fields but the header has {width}; "
                    "quote a value that contains a comma",
                    number,
                )
            else:
                table.rows.append((number, cells[:width] if cells else [""] * width))
    except csv.Error as exc:
        if "field larger" in str(exc):
            return _refuse(table).fail(
                "too-large",
                f"has a cell longer than a CSV reader takes; a cell may hold at most "
                f"{MAX_CELL_CHARS} characters",
                reader.line_num,
            )
        return table.fail("wrong-file-type", f"is not valid CSV: {exc}", reader.line_num)
    return table


def _refuse(table: RawTable) -> RawTable:
    """A file beyond a limit is refused whole: none of its rows is checked or judged."""
    table.header = []
    table.rows = []
    return table
