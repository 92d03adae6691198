"""The files of actuals in a folder, and a named reason for every entry that is left out."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from reportcheck.model.limits import MAX_FILES
from reportcheck.model.problems import Problem

_READ = frozenset({".csv", ".xlsx", ".xlsm"})
#: What a skipped entry is, by suffix; the reason is shown on stderr.
_WHY = {
    ".xls": "an old Excel .xls workbook, which is not read; save it as .xlsx",
    ".et": "a WPS workbook, which is not read; save it as .xlsx",
    ".ods": "an OpenDocument sheet, which is not read; save it as .xlsx",
    ".numbers": "a Numbers sheet, which is not read; export it as .xlsx",
}


class FileList(list[Path]):
    """Files to read, with the folder they come from and what in it was skipped and why."""

    def __init__(
        self, paths: list[Path], folder: Path | None = None, skipped: tuple[Problem, ...] = ()
    ) -> None:
        super().__init__(paths)
        self.folder = folder
        self.skipped = skipped


def table_paths(path: Path) -> FileList:
    """A file, or the files of actuals in a folder in name order; every other entry is named.

    A .txt file is read when its first line is the header id, period, value (some programs save
    CSV as .txt) and skipped otherwise; broken links, looping links, sub-folders, pipes and
    Excel's lock files (~$...) are skipped. Nothing is skipped without a warning.
    """
    if not path.is_dir():
        return FileList([path])
    chosen: list[Path] = []
    skipped: list[Problem] = []

    def skip(entry: Path, why: str) -> None:
        skipped.append(Problem("skipped", f"skipped: {why}", str(entry), severity="warning"))

    entries = sorted(path.iterdir())
    if len(entries) > MAX_FILES:
        entries = entries[:MAX_FILES]
        skip(path, f"only the first {MAX_FILES} entries of the folder are read")
    for entry in entries:
        why = _reason(entry)
        if why is None:
            chosen.append(entry)
        else:
            skip(entry, why)
    return FileList(chosen, path, tuple(skipped))


def _reason(entry: Path) -> str | None:
    """Why `entry` is not read, or None when it is a file of actuals."""
    try:
        info = entry.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a link that loops back on itself"
        if entry.is_symlink():
            return f"a broken link (to {os.readlink(entry)!r}, which does not exist)"
        return f"cannot be read: {exc.strerror or exc}"
    suffix = entry.suffix.lower()
    if stat.S_ISDIR(info.st_mode):
        return "a folder; files in sub-folders are not read"
    if not stat.S_ISREG(info.st_mode):
        return "not a regular file (a pipe or a device)"
    if entry.name.startswith("~$"):
        return "an Excel lock file (the workbook is open in Excel)"
    if entry.name.startswith("."):
        return "a hidden file"
    if suffix in _READ:
        return None
    if suffix == ".txt":
        return (
            None if _looks_like_table(entry) else "a text file without the header id,period,value"
        )
    return _WHY.get(suffix, f"not a file of actuals (read: {', '.join(sorted(_READ))})")


def _looks_like_table(entry: Path) -> bool:
    try:
        with entry.open("rb") as stream:
            first = stream.readline(4096).decode("latin-1").lstrip("\ufeff\xef\xbb\xbf")
    except OSError:
        return False
    words = {word.strip().strip('"').lower() for word in first.split(",")}
    return {"id", "period", "value"} <= words
