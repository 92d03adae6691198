"""Reading a file of actuals into rows of text cells: CSV in any encoding Excel writes, or .xlsx.

Only this module touches pandas and openpyxl, and only when a file is read, so commands that
read no actuals start without them.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportcheck.errors import Problem
from reportcheck.numeric import format_decimal

_SKIPPED = re.compile(r"Skipping line (\d+): expected (\d+) fields?, saw (\d+)")
_ZIP_MAGIC = b"PK\x03\x04"
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
TABLE_SUFFIXES = frozenset({".csv", ".txt", *EXCEL_SUFFIXES})
#: The file name that means standard input, and how problems in it are located.
STDIN = "-"
STDIN_NAME = "<stdin>"


@dataclass
class RawTable:
    """The cells of one file as text; line numbers count the header as line 1."""

    file: str
    header: list[str] = field(default_factory=list)
    rows: list[tuple[int, list[str]]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    encoding: str | None = None

    def fail(
        self, code: str, message: str, line: int | None = None, value: str | None = None
    ) -> RawTable:
        self.problems.append(Problem(code, message, self.file, line, None, value))
        return self


def read_table(path: Path) -> RawTable:
    """Every row of `path` as text cells, or a table whose problems say why it cannot be read."""
    if str(path) == STDIN:
        return _read_stdin()
    table = RawTable(str(path))
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        return table.fail("unreadable-file", "is a folder, not a file of actuals")
    except FileNotFoundError:
        return table.fail("unreadable-file", "no such file")
    except OSError as exc:
        return table.fail("unreadable-file", f"cannot be read: {exc.strerror or exc}")
    suffix = path.suffix.lower()
    if suffix == ".xls":
        return table.fail(
            "wrong-file-type", "is an old Excel .xls workbook; save it as .xlsx or as CSV"
        )
    if suffix in EXCEL_SUFFIXES:
        return _read_xlsx(path, table)
    return _read_text(data, table)


def _read_stdin() -> RawTable:
    """Standard input: CSV text, or an .xlsx workbook recognised by its zip signature."""
    import sys

    table = RawTable(STDIN_NAME)
    data = sys.stdin.buffer.read()
    if data.startswith(_ZIP_MAGIC):
        return _read_xlsx(io.BytesIO(data), table)
    return _read_text(data, table)


def _read_text(data: bytes, table: RawTable) -> RawTable:
    if data.startswith(_ZIP_MAGIC):
        return table.fail(
            "wrong-file-type",
            "is a zip archive (an Excel workbook?), not CSV "
            "text; give an Excel workbook the extension .xlsx",
        )
    text = _decode(data, table)
    if text is None:
        return table
    if not text.strip():
        return table.fail(
            "empty-file",
            "is empty; expected a header line 'id,period,value' and one row per figure",
        )
    return _read_csv(text, table)


def _decode(data: bytes, table: RawTable) -> str | None:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        table.fail(
            "wrong-encoding",
            "is UTF-16 text; save it as CSV UTF-8 (or CSV from a Chinese-locale Excel, GB18030)",
        )
        return None
    if b"\x00" in data:
        table.fail("wrong-file-type", "holds binary data, not CSV text")
        return None
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        table.encoding = encoding
        return text
    table.fail("wrong-encoding", "is neither UTF-8 nor GB18030/GBK text")
    return None


def _read_csv(text: str, table: RawTable) -> RawTable:
    import pandas as pd

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        frame = pd.read_csv(
            io.StringIO(text),
            header=None,
            dtype=str,
            na_filter=False,
            keep_default_na=False,
            skip_blank_lines=False,
            on_bad_lines="warn",
            sep=",",
            quotechar='"',
            engine="c",
        )
    skipped: set[int] = set()
    for warning in caught:
        for match in _SKIPPED.finditer(str(warning.message)):
            line, expected, saw = (int(g) for g in match.groups())
            skipped.add(line)
            table.fail(
                "wrong-field-count",
                f"has {saw} fields but the header has {expected}; "
                "quote a value that contains a comma",
                line,
            )
    records = frame.to_numpy().tolist()
    lines = (n for n in range(1, len(records) + len(skipped) + 1) if n not in skipped)
    numbered = list(zip(lines, records, strict=False))
    if numbered:
        table.header = [str(c) for c in numbered[0][1]]
        table.rows = [(line, [str(c) for c in cells]) for line, cells in numbered[1:]]
    return table


def _read_xlsx(path: Path | io.BytesIO, table: RawTable) -> RawTable:
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        return table.fail("wrong-file-type", f"is not a readable .xlsx workbook ({exc})")
    try:
        sheet = book.worksheets[0]
        grid = [
            [_cell_text(c.value, getattr(c, "number_format", "General")) for c in row]
            for row in sheet.iter_rows()
        ]
    finally:
        book.close()
    while grid and not any(grid[-1]):  # formatting can stretch a sheet past its last value
        grid.pop()
    if not grid:
        return table.fail(
            "empty-file",
            "has no cells in its first sheet; expected a header row "
            "'id, period, value' and one row per figure",
        )
    width = len(grid[0])
    table.header = grid[0]
    table.rows = [
        (n, (cells + [""] * width)[: max(width, len(cells))])
        for n, cells in enumerate(grid[1:], start=2)
    ]
    return table


def _cell_text(value: Any, number_format: str) -> str:
    """A cell as the text a person sees: 0.057 shown as 5.7% stays '5.7%', a date as YYYY-MM."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year}-{value.month:02d}"
    if isinstance(value, int | float):
        number = Decimal(repr(value))  # repr is the shortest text that round-trips
        if "%" in number_format:
            return format_decimal(number * 100) + "%"
        return format_decimal(number)
    return str(value)
