"""How much work one input may ask for, checked before the work is done.

Every limit is far above what a statistics bureau's monthly file or a report's registry needs,
and far below what would exhaust a laptop: an input beyond one is refused with the limit named.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportcheck.model.problems import Param, Problem

#: Flags that exist on some systems only: not blocking on a FIFO (POSIX), bytes as they are
#: (Windows).
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_BINARY = getattr(os, "O_BINARY", 0)

#: A file of actuals (CSV bytes, or an .xlsx workbook as stored on disk).
MAX_FILE_BYTES = 8 * 1024 * 1024
#: One part of an .xlsx workbook once unpacked (a sheet, the shared strings).
MAX_XLSX_PART_BYTES = 64 * 1024 * 1024
#: All parts of an .xlsx workbook once unpacked.
MAX_XLSX_UNPACKED_BYTES = 128 * 1024 * 1024
#: Rows of one file, the header included (a year of monthly figures for every id of a
#: registry is about 1,200).
MAX_ROWS = 20_000
#: Columns of one row.
MAX_COLUMNS = 32
#: Cells of one file or sheet (rows times the columns they use).
MAX_CELLS = 200_000
#: Characters in one cell.
MAX_CELL_CHARS = 4_000
#: Characters of text in all the cells of one workbook: what a CSV file at MAX_FILE_BYTES holds
#: at most, so that a workbook's small packed size cannot carry more.
MAX_TEXT_CHARS = 8 * 1024 * 1024
#: Files of actuals in one folder.
MAX_FILES = 1_000
#: Rows read in one run, over every file of a folder (a year of monthly files for 500
#: commitments is 6,000).
MAX_RUN_ROWS = 100_000
#: Bytes read in one run, over every file of a folder: a CSV file's size, a workbook's size or
#: the characters of its cells, whichever is more (a year of monthly files is about 1 MiB).
MAX_RUN_BYTES = 32 * 1024 * 1024
#: A registry file.
MAX_REGISTRY_BYTES = 2 * 1024 * 1024
#: A report's text: the one a registry quotes, and the one `draft` reads (a work report is
#: tens of kilobytes).
MAX_REPORT_BYTES = 8 * 1024 * 1024
#: What `draft` reads from one report: commitments (the shipped report makes 151; a larger
#: draft could not be a registry, which is at most MAX_REGISTRY_BYTES), numbers in its plan part,
#: and the characters of one clause (the longest of the development texts has 83).
MAX_DRAFT_COMMITMENTS = 5_000
MAX_DRAFT_NUMBERS = 50_000
MAX_CLAUSE_CHARS = 1_000
#: Digits before and after the decimal point of a figure. A value beyond them is refused, never
#: rounded; within them, sums and differences are exact in Decimal's 28 digits.
MAX_INTEGER_DIGITS = 16
MAX_DECIMAL_PLACES = 10
#: How many problems of one run are listed before the rest are only counted (--max-errors).
MAX_LISTED = 100


class LimitError(OSError):
    """An input is beyond a limit. `variant` and `params` say which, for a problem's template
    (`size`: larger than stated, `grown`: larger once read, `not-regular`); the English message
    names the limit too."""

    def __init__(self, message: str, variant: str, **params: Param) -> None:
        super().__init__(message)
        self.variant = variant
        self.params = params


class NotRegularFileError(LimitError):
    """A pipe, a device or a socket where a file was expected: never read, so never a hang."""


def size_text(count: int) -> str:
    """Bytes as people read them: 16 MiB, 4 KiB, 200 bytes."""
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if count >= size and count % size == 0:
            return f"{count // size} {unit}"
    return f"{count} bytes"


def size_param(count: int) -> Param:
    """A size for a problem's template: '16 MiB' as written, a count of bytes in words."""
    from reportcheck.model.problems import Term

    shown = size_text(count)
    return Term("bytes", str(count)) if shown.endswith(" bytes") else shown


#: What read_limited is told it reads, as the Term a problem names it by.
_WHAT = {
    "a registry": "a-registry",
    "a report": "a-report",
    "a report's text": "a-report",
    "a file of actuals": "a-file-of-actuals",
}


def read_limited(path: Path, limit: int, what: str) -> bytes:
    """The bytes of a regular file, refused before reading when larger than `limit`.

    The one reader of every file the tool reads (actuals, registries, report texts, cache
    entries). Opens without blocking (a FIFO or a device never hangs the command), in binary mode
    on every system (Windows would otherwise end the text at a Ctrl-Z byte and fold line ends),
    and reads at most one byte past the limit, so a file that grows while read, or /dev/zero, is
    refused too.
    """
    from reportcheck.model.problems import Term

    named = Term(_WHAT.get(what, what))
    try:
        fd = os.open(path, os.O_RDONLY | _NONBLOCK | _BINARY)
    except PermissionError:
        if os.path.isdir(path):  # Windows refuses to open a folder rather than saying what it is
            raise IsADirectoryError(21, "is a folder", str(path)) from None
        raise
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, "is a folder", str(path))
        if not stat.S_ISREG(info.st_mode):
            raise NotRegularFileError(
                f"is not a regular file (a pipe or a device); {what} must be one",
                "not-regular",
                what=named,
            )
        if info.st_size > limit:
            raise LimitError(
                f"is {size_text(info.st_size)}; {what} may be at most {size_text(limit)}",
                "size",
                size=size_param(info.st_size),
                what=named,
                limit=size_param(limit),
            )
        with os.fdopen(fd, "rb", closefd=False) as stream:
            data = stream.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise LimitError(
            f"is larger than {size_text(limit)}, the limit for {what}",
            "grown",
            limit=size_param(limit),
            what=named,
        )
    return data


def read_limited_text(path: Path, limit: int, what: str) -> str:
    """UTF-8 text of a file no larger than `limit` (raises LimitError, an OSError)."""
    return read_limited(path, limit, what).decode("utf-8")


class RunBudget:
    """What the files of one run may hold together (MAX_RUN_ROWS, MAX_RUN_BYTES), so that a
    folder of files each within the limits of one file cannot ask for more than one run should.

    `admit` is asked before a file is read, from its size on disk; `take` after, with the rows
    and the characters of text it gave. Each returns None, or the problem that ends the run.
    """

    def __init__(self, rows: int | None = None, size: int | None = None) -> None:
        self.max_rows = MAX_RUN_ROWS if rows is None else rows
        self.max_bytes = MAX_RUN_BYTES if size is None else size
        self.rows_left, self.bytes_left = self.max_rows, self.max_bytes
        self.files = 0  # read whole so far

    def admit(self, path: Path) -> tuple[Problem | None, int]:
        """The problem that refuses `path` unread, if any, and its size on disk."""
        try:
            size = os.stat(path).st_size
        except OSError:
            return None, 0  # the reader says why it cannot be read
        return self._over(str(path), 0, size), size

    def take(self, file: str, rows: int, size: int) -> Problem | None:
        over = self._over(file, rows, size)
        self.files += 1
        self.rows_left -= rows
        self.bytes_left -= size
        return over

    def _over(self, file: str, rows: int, size: int) -> Problem | None:
        from reportcheck.model.problems import problem

        if rows > self.rows_left:
            return problem(
                "too-large", "run-rows", file=file, limit=self.max_rows, files=self.files
            )
        if size > self.bytes_left:
            return problem(
                "too-large",
                "run-bytes",
                file=file,
                limit=size_text(self.max_bytes),
                files=self.files,
            )
        return None
