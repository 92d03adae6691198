"""A file of actuals as rows of text cells: CSV in any encoding Excel writes, or .xlsx.

CSV is read with the standard library; openpyxl is imported only when a workbook is read, so a
command on a month's CSV starts without it (and never imports pandas).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportcheck.actuals.raw import RawTable
from reportcheck.model.limits import (
    MAX_FILE_BYTES,
    LimitError,
    NotRegularFileError,
    read_limited,
    size_param,
)

if TYPE_CHECKING:
    from pathlib import Path

_ZIP_MAGIC = b"PK\x03\x04"
EXCEL_SUFFIXES = frozenset({".xlsx", ".xlsm"})
TABLE_SUFFIXES = frozenset({".csv", ".txt", *EXCEL_SUFFIXES})
#: The file name that means standard input, and how problems in it are located.
STDIN = "-"
STDIN_NAME = "<stdin>"


def read_tables(path: Path, encoding: str | None = None) -> list[RawTable]:
    """Every table in `path` (one per CSV, one per sheet with figures), problems included.

    `-` is standard input: CSV text, or an .xlsx workbook recognised by its zip signature.
    `encoding` is CSV's, when the user states it.
    """
    if str(path) == STDIN:
        return _read_stdin(encoding)
    table = RawTable(file=str(path))
    suffix = path.suffix.lower()
    if suffix == ".xls":
        return [table.refuse("wrong-file-type", variant="xls")]
    try:
        data = read_limited(path, MAX_FILE_BYTES, "a file of actuals")
    except IsADirectoryError:
        return [table.refuse("unreadable-file", variant="folder")]
    except FileNotFoundError:
        return [table.refuse("unreadable-file", variant="missing")]
    except NotRegularFileError as exc:
        return [table.refuse("unreadable-file", variant="not-regular", params=exc.params)]
    except LimitError as exc:
        grown = exc.variant == "grown"
        return [table.refuse("too-large", variant="grown" if grown else "size", params=exc.params)]
    except OSError as exc:
        return [table.refuse("unreadable-file", variant="os", why=str(exc.strerror or exc))]
    if suffix in EXCEL_SUFFIXES:
        from reportcheck.actuals.xlsx import read_workbook

        return read_workbook(data, table)
    return _read_bytes(data, table, encoding)


def _read_stdin(encoding: str | None) -> list[RawTable]:
    import sys

    table = RawTable(file=STDIN_NAME)
    data = sys.stdin.buffer.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        return [table.refuse("too-large", variant="stdin", limit=size_param(MAX_FILE_BYTES))]
    if data.startswith(_ZIP_MAGIC):
        from reportcheck.actuals.xlsx import read_workbook

        return read_workbook(data, table)
    return _read_bytes(data, table, encoding)


def _read_bytes(data: bytes, table: RawTable, encoding: str | None) -> list[RawTable]:
    if data.startswith(_ZIP_MAGIC):
        return [table.refuse("wrong-file-type", variant="zip")]
    from reportcheck.actuals.csvfile import read_csv

    return [read_csv(data, table, encoding)]


def read_table(path: Path) -> RawTable:
    """The first table of `path` (all a CSV file has)."""
    return read_tables(path)[0]
