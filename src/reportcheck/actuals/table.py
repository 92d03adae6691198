"""A file of actuals as rows of text cells: CSV in any encoding Excel writes, or .xlsx.

CSV is read with the standard library; openpyxl is imported only when a workbook is read, so a
command on a month's CSV starts without it (and never imports pandas).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.limits import MAX_FILE_BYTES, LimitError, NotRegularFileError, read_limited
from reportcheck.model.problems import Problem

if TYPE_CHECKING:
    from pathlib import Path

_ZIP_MAGIC = b"PK\x03\x04"
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
TABLE_SUFFIXES = frozenset({".csv", ".txt", *EXCEL_SUFFIXES})
#: The file name that means standard input, and how problems in it are located.
STDIN = "-"
STDIN_NAME = "<stdin>"


class RawTable(msgspec.Struct):
    """The cells of one file (or one sheet) as text; the header is line 1."""

    file: str
    header: list[str] = msgspec.field(default_factory=list)
    rows: list[tuple[int, list[str]]] = msgspec.field(default_factory=list)
    problems: list[Problem] = msgspec.field(default_factory=list)
    encoding: str | None = None

    def fail(
        self,
        code: str,
        message: str,
        line: int | None = None,
        value: str | None = None,
        column: str | None = None,
    ) -> RawTable:
        self.problems.append(Problem(code, message, self.file, line, column, value))
        return self


def read_tables(path: Path) -> list[RawTable]:
    """Every table in `path` (one per CSV, one per sheet with figures), problems included.

    `-` is standard input: CSV text, or an .xlsx workbook recognised by its zip signature.
    """
    if str(path) == STDIN:
        return _read_stdin()
    table = RawTable(str(path))
    suffix = path.suffix.lower()
    if suffix == ".xls":
        return [
            table.fail(
                "wrong-file-type", "is an old Excel .xls workbook; save it as .xlsx or as CSV"
            )
        ]
    try:
        data = read_limited(path, MAX_FILE_BYTES, "a file of actuals")
    except IsADirectoryError:
        return [table.fail("unreadable-file", "is a folder, not a file of actuals")]
    except FileNotFoundError:
        return [table.fail("unreadable-file", "no such file")]
    except NotRegularFileError as exc:
        return [table.fail("unreadable-file", str(exc))]
    except LimitError as exc:
        return [table.fail("too-large", str(exc))]
    except OSError as exc:
        return [table.fail("unreadable-file", f"cannot be read: {exc.strerror or exc}")]
    if suffix in EXCEL_SUFFIXES:
        from reportcheck.actuals.xlsx import read_workbook

        return read_workbook(data, table)
    return _read_bytes(data, table)


def _read_stdin() -> list[RawTable]:
    import sys

    table = RawTable(STDIN_NAME)
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        return [table.fail("too-large", f"is larger than the limit of {MAX_FILE_BYTES} bytes")]
    if data.startswith(_ZIP_MAGIC):
        from reportcheck.actuals.xlsx import read_workbook

        return read_workbook(data, table)
    return _read_bytes(data, table)


def _read_bytes(data: bytes, table: RawTable) -> list[RawTable]:
    if data.startswith(_ZIP_MAGIC):
        return [
            table.fail(
                "wrong-file-type",
                "is a zip archive (an Excel workbook?), not CSV "
                "text; give an Excel workbook the extension .xlsx",
            )
        ]
    from reportcheck.actuals.csvfile import read_csv

    return [read_csv(data, table)]


def read_table(path: Path) -> RawTable:
    """The first table of `path` (all a CSV file has)."""
    return read_tables(path)[0]
