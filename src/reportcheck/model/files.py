"""Files written whole or not at all, and outputs that never land on the files being read.

`write_file` writes to a temporary file in the target's own folder and moves it over the name in
one step (os.replace), so that whoever opens the name finds the old file or the new one, never a
part of either: a full disk, an error of the writer or an interrupt leaves the previous file byte
for byte and no temporary file behind. A target that is not a regular file (a pipe, a device, a
folder) is refused before anything is written, and `check_not_input` refuses an output that is
one of the inputs by its identity on disk (device and inode), so that a hard link or a symbolic
link to an input is caught as well as its very path. Both checks can be made before any input is
read.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import BinaryIO

from reportcheck.model.problems import UsageError, problem

#: Flags that exist on some systems only: bytes as they are (Windows), and a temporary name that
#: is never a link planted by someone else (POSIX).
_BINARY = getattr(os, "O_BINARY", 0)
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
#: How a temporary file is named: hidden, beside its target, never a name the tool reads.
TEMPORARY_SUFFIX = ".tmp"

Content = bytes | Callable[[BinaryIO], None]


def write_file(path: Path, content: Content, *, private: bool = False) -> None:
    """Write `content` (bytes, or a function that writes to a binary stream) to `path` whole.

    The file is flushed to disk before it takes the name, and the folder after, so that even a
    power cut leaves the old file or the new one. A symbolic link is written through: the file
    it names is replaced and the link is kept. `private` files (the registry cache's entries) are
    created readable by their owner only, never follow a link and are not forced to disk: losing
    one only costs the next run its time. Raises UsageError for a target that is no regular file
    and OSError when the file cannot be written; either way the previous file is untouched.
    """
    target = path if private else Path(os.path.realpath(path))
    if not private:
        check_output_target(path)
    folder = target.parent
    temporary = folder / f".{target.name}.{os.urandom(6).hex()}{TEMPORARY_SUFFIX}"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY | _NOFOLLOW
    fd = os.open(temporary, flags, 0o600 if private else 0o666)
    try:
        with _stream(fd) as stream:
            if isinstance(content, bytes):
                stream.write(content)
            else:
                content(stream)
            stream.flush()
            if not private:
                os.fsync(stream.fileno())
        if not private:
            _keep_mode(target, temporary)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if not private:
        _sync_folder(folder)


def write_text_file(path: Path, text: str, encoding: str = "utf-8") -> None:
    """`text` written whole to `path` in `encoding`, line ends as given."""
    write_file(path, text.encode(encoding))


def _stream(fd: int) -> BinaryIO:
    """The temporary file as a binary stream (a seam for the tests that fill a disk)."""
    try:
        return os.fdopen(fd, "wb")
    except BaseException:
        os.close(fd)
        raise


def _keep_mode(target: Path, temporary: Path) -> None:
    """A replaced file keeps its permissions (a shared folder's 0664 stays 0664)."""
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        return  # a new file: the folder's default (0666 less the umask)
    os.chmod(temporary, mode)


def _sync_folder(folder: Path) -> None:
    """Force the folder's new entry to disk where a folder can be opened (not on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some file systems cannot sync a folder; the file itself is on disk
    finally:
        os.close(fd)


def check_output_target(path: Path) -> None:
    """Refuse an output that exists and is not a regular file: a named pipe would hang the
    write, a device would swallow or refuse it, a folder cannot be replaced by a file."""
    try:
        info = os.stat(path)  # through links: a link to a pipe is a pipe
    except OSError:
        return  # nothing there yet, or nothing the write itself will not report
    mode = info.st_mode
    if stat.S_ISREG(mode):
        return
    raise UsageError(
        [
            problem(
                "output-not-regular",
                "folder"
                if stat.S_ISDIR(mode)
                else "pipe"
                if stat.S_ISFIFO(mode)
                else "device"
                if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
                else "other",
                value=str(path),
            )
        ]
    )


def check_not_input(output: Path, inputs: Iterable[Path]) -> None:
    """Refuse an output that is one of the inputs, or one of the files of an input folder.

    Files are compared by identity on disk, so a hard link, a symbolic link or another spelling
    of an input's path is caught; an output that does not exist yet is none of them.
    """
    try:
        written = os.stat(output)
    except OSError:
        return
    for given in inputs:
        for path in _files_of(given):
            if same_file(written, output, path):
                raise UsageError(
                    [
                        problem(
                            "output-is-input",
                            value=str(output),
                            input=str(path),
                        )
                    ]
                )


def _files_of(path: Path) -> list[Path]:
    """`path` itself, and for a folder every entry in it (folders are read one level deep)."""
    if not os.path.isdir(path):
        return [path]
    try:
        with os.scandir(path) as entries:
            return [path, *(Path(entry.path) for entry in entries)]
    except OSError:
        return [path]


def same_file(written: os.stat_result, output: Path, path: Path) -> bool:
    """Whether `path` is the file `output` (stat `written`) is: the same device and inode, or,
    where a file system gives no inode numbers, the same resolved path."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    if written.st_ino and info.st_ino:
        return (written.st_dev, written.st_ino) == (info.st_dev, info.st_ino)
    return os.path.normcase(os.path.realpath(output)) == os.path.normcase(os.path.realpath(path))
