"""The files of actuals in a folder, and a named reason for every entry that is left out."""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from reportcheck.model.limits import MAX_FILES
from reportcheck.model.problems import Problem, Term, problem

_READ = frozenset({".csv", ".xlsx", ".xlsm"})
#: Spreadsheets that are not read, by suffix: the kind of Term a warning names them by.
_OTHER_SHEETS = {
    ".xls": "xls-workbook",
    ".et": "wps-workbook",
    ".ods": "ods-sheet",
    ".numbers": "numbers-sheet",
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
    entries = sorted(path.iterdir())
    if len(entries) > MAX_FILES:
        entries = entries[:MAX_FILES]
        skipped.append(
            problem("skipped", "many", file=str(path), severity="warning", limit=MAX_FILES)
        )
    for entry in entries:
        why = _reason(entry)
        if why is None:
            chosen.append(entry)
        else:
            skipped.append(why)
    return FileList(chosen, path, tuple(skipped))


def _reason(entry: Path) -> Problem | None:
    """Why `entry` is not read (a warning), or None when it is a file of actuals."""
    where = str(entry)
    try:
        info = entry.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return problem("skipped", "loop", file=where, severity="warning")
        if entry.is_symlink():
            to = repr(os.readlink(entry))
            return problem("skipped", "broken-link", file=where, severity="warning", to=to)
        why = str(exc.strerror or exc)
        return problem("skipped", "unreadable", file=where, severity="warning", why=why)
    suffix = entry.suffix.lower()
    if stat.S_ISDIR(info.st_mode):
        return problem("skipped", "folder", file=where, severity="warning")
    if not stat.S_ISREG(info.st_mode):
        return problem("skipped", "not-regular", file=where, severity="warning")
    if entry.name.startswith("~$"):
        return problem("skipped", "lock", file=where, severity="warning")
    if entry.name.startswith("."):
        return problem("skipped", "hidden", file=where, severity="warning")
    if suffix in _READ or (suffix == ".txt" and _looks_like_table(entry)):
        return None
    if suffix == ".txt":
        return problem("skipped", "text", file=where, severity="warning")
    if suffix in _OTHER_SHEETS:
        kind = Term(_OTHER_SHEETS[suffix])
        return problem("skipped", "sheet-format", file=where, severity="warning", format=kind)
    read = ", ".join(sorted(_READ))
    return problem("skipped", "other", file=where, severity="warning", read=read)


def _looks_like_table(entry: Path) -> bool:
    try:
        with entry.open("rb") as stream:
            first = stream.readline(4096).decode("latin-1").lstrip("\ufeff\xef\xbb\xbf")
    except OSError:
        return False
    words = {word.strip().strip('"').lower() for word in first.split(",")}
    return {"id", "period", "value"} <= words
