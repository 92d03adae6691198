"""Registries that loaded cleanly before, read back without parsing or checking them again.

Importing yaml, parsing the registry and checking every entry is most of what a command does
before its real work. A registry that passed every check is stored in its built form, beside the
very bytes of the registry file and of the report text its quotes were checked against, under a
name derived from the registry's bytes, its location and the code that read it. Every check is a
function of those bytes, that location and that code alone (none reads the clock, the locale or
the environment), so an entry is served only when all of them are unchanged: an edited registry,
an edited report or a changed rule is always a miss and a full load. The registry and the report
are compared byte for byte, not by a digest, so no two registries can ever share an entry; a
CRC-32 (zlib, already loaded with the command line) catches a damaged payload.

What is served is inert. The built form is pickled, and read back by an unpickler that can make
only the registry's own value types (its records and enums, Fraction, Decimal, paths): it refuses
any other class or function an entry names, so even an entry written by someone else cannot run
code or yield anything but a Registry. Entries are read only as regular files of this user,
without following links and without blocking, and the cache is not used at all in a folder that
is a link, belongs to someone else, or that others may write to.

REPORTCHECK_CACHE_DIR moves the cache (default: the user cache folder, e.g. ~/.cache/reportcheck);
REPORTCHECK_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import io
import os
import pickle
import stat
import sys
import zlib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path, PosixPath, WindowsPath
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from reportcheck.model.limits import MAX_REGISTRY_BYTES, MAX_REPORT_BYTES, read_limited
from reportcheck.registry.records import Registry
from reportcheck.registry.shipped import default_registry_path

if TYPE_CHECKING:
    from collections.abc import Mapping

#: Bumped when the stored form changes.
FORMAT = 7
#: What names an entry: the stored form's version, the registry's path (resolved and as given)
#: and the code stamp.
Identity = tuple[int, str, str, str]
#: Entries kept; the least recently written beyond this are removed when a new one is stored.
KEEP = 32
#: An entry larger than this is not read (the shipped registry's entry is about 150 KB).
MAX_ENTRY_BYTES = 8 * 1024 * 1024 + MAX_REGISTRY_BYTES + MAX_REPORT_BYTES
#: The modules whose classes make up a built registry; the unpickler makes nothing else.
RECORD_MODULES = frozenset(
    {
        "reportcheck.registry.records",
        "reportcheck.model.periods",
        "reportcheck.model.units",
        "reportcheck.rules.base",
        "reportcheck.rules.level",
        "reportcheck.rules.baseline",
        "reportcheck.rules.relative",
        "reportcheck.rules.done",
    }
)
#: Standard-library value types a registry holds, by the names pickle gives them (pathlib's
#: classes live in pathlib._local from Python 3.13).
VALUE_TYPES = frozenset(
    {
        *((kind.__module__, kind.__qualname__) for kind in (Decimal, Fraction)),
        *((kind.__module__, kind.__qualname__) for kind in (PosixPath, WindowsPath)),
        ("reportcheck.registry.cache", "read_only"),
    }
)


def cache_dir() -> Path | None:
    """Where entries live, or None when caching is off."""
    if os.environ.get("REPORTCHECK_NO_CACHE", "") not in ("", "0"):
        return None
    chosen = os.environ.get("REPORTCHECK_CACHE_DIR")
    if chosen:
        return Path(chosen)
    import platformdirs

    return platformdirs.user_cache_path("reportcheck", appauthor=False)


def load_registry_cached(path: Path | None = None) -> Registry:
    """As load_registry, without parsing or checking when the registry, its report and the code
    are unchanged."""
    path = path or default_registry_path()
    folder = cache_dir()
    if folder is None:
        return load_registry(path)
    try:
        content = read_limited(path, MAX_REGISTRY_BYTES, "a registry")
    except OSError:
        return load_registry(path)  # which reports the problem
    if not _trusted(folder):
        return load_registry(path)
    identity = (FORMAT, str(path.resolve()), str(path), _code_stamp())
    key = zlib.crc32(content, zlib.crc32("\0".join(map(str, identity)).encode()))
    entry = folder / f"registry-{key:08x}{len(content):x}.bin"
    stored = _read(entry, identity, content)
    if stored is not None:
        return stored
    registry = load_registry(path)  # raises when the registry is refused
    _write(entry, registry, content, folder, identity)
    return registry


def load_registry(path: Path) -> Registry:
    """A full load; registry.py and the checking code it brings are imported only for one."""
    from reportcheck.registry.load import load_registry as load

    return load(path)


def _trusted(folder: Path) -> bool:
    """A cache folder is used only when it is this user's own and nobody else may write to it.

    A missing folder is trusted: it is created private (0700) on the first write.
    """
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    return (
        stat.S_ISDIR(info.st_mode)
        and info.st_uid == os.getuid()
        and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)
    )


def _read_entry(entry: Path) -> bytes | None:
    """The bytes of a regular file of this user, never through a link, never blocking."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(entry, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or info.st_uid != os.getuid():
            return None
        if info.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return stream.read(MAX_ENTRY_BYTES + 1)
    finally:
        os.close(fd)


def _code_stamp(root: Path | None = None) -> str:
    """Changes whenever any module of this package, in any of its folders, is replaced or edited,
    and with the Python and the msgspec that build the stored records."""
    import msgspec

    parts = [sys.version, msgspec.__version__]
    folders = [root or Path(__file__).parent]
    while folders:
        entries = sorted(os.scandir(folders.pop()), key=lambda e: e.name)
        for e in entries:
            if e.name.endswith(".py"):
                info = e.stat()
                parts.append(f"{e.path}:{info.st_size}:{info.st_mtime_ns}")
            elif e.is_dir(follow_symlinks=False) and not e.name.startswith(("_", ".")):
                folders.append(Path(e.path))
    return ";".join(parts)


def _read(entry: Path, identity: Identity, content: bytes) -> Registry | None:
    """The stored registry when the entry is this registry's, its report is unchanged and the
    entry is intact, else None (a miss)."""
    data = _read_entry(entry)
    if data is None:
        return None
    try:
        stored = _Unpickler(io.BytesIO(data)).load()
        *kept, seed, registry_bytes, report, crc, payload = stored
        if tuple(kept) != identity or registry_bytes != content:
            return None
        now = b"" if seed is None else read_limited(Path(seed), MAX_REPORT_BYTES, "a report")
        if report != now or zlib.crc32(payload) != crc:
            return None
        registry = _Unpickler(io.BytesIO(payload)).load()
    except Exception:  # a missing, partial or foreign entry is a miss, never a failure
        return None
    return registry if isinstance(registry, Registry) else None


def _write(
    entry: Path, registry: Registry, content: bytes, folder: Path, identity: Identity
) -> None:
    from reportcheck.registry.load import seed_path

    try:
        seed = seed_path(registry.path, registry.meta)
        report = b"" if seed is None else read_limited(seed, MAX_REPORT_BYTES, "a report")
        payload = pickled(registry)
        # Plain values only (text, bytes, numbers), checked before the payload is unpickled.
        stored = (*identity, None if seed is None else str(seed), content, report)
        data = pickle.dumps((*stored, zlib.crc32(payload), payload), pickle.HIGHEST_PROTOCOL)
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _trusted(folder):
            return
        partial = entry.with_name(f"{entry.name}.{os.getpid()}.partial")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(partial, flags, 0o600)
        with os.fdopen(fd, "wb") as out:
            out.write(data)
        os.replace(partial, entry)
        entries = sorted(
            (p for p in folder.glob("registry-*.bin") if p.is_file() and not p.is_symlink()),
            key=lambda p: p.stat().st_mtime_ns,
        )
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
    except (OSError, pickle.PicklingError):
        pass  # an unwritable cache, or a registry pickle cannot hold, only costs the next run


def pickled(registry: Registry) -> bytes:
    """The stored form of a built registry."""
    stream = io.BytesIO()
    _Pickler(stream, protocol=pickle.HIGHEST_PROTOCOL).dump(registry)
    return stream.getvalue()


def read_only(table: dict[str, Any]) -> Mapping[str, Any]:
    """A registry's table of units, read-only as the registry holds it."""
    return MappingProxyType(table)


class _Pickler(pickle.Pickler):
    def reducer_override(self, obj: object) -> Any:
        if isinstance(obj, MappingProxyType):
            return read_only, (dict(obj),)
        return NotImplemented


class _Unpickler(pickle.Unpickler):
    """Makes only the classes a built registry is made of; any other name is refused."""

    def find_class(self, module: str, name: str) -> Any:
        if module in RECORD_MODULES or (module, name) in VALUE_TYPES:
            found = super().find_class(module, name)
            if (module, name) in VALUE_TYPES or (
                isinstance(found, type) and found.__module__ == module
            ):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not part of a registry")
