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

What is served is inert. The built form is MessagePack written and read by msgspec against the
registry's own types (a rule by its tag, `reportcheck.rules.AnyRule`): reading it can only make
those records, never run, import or change code, and nothing names the types it may make by
hand. Every number read back is bounded before it is used (a fraction's digits before it is
made, every decimal, integer and period after), so a forged entry cannot make a later step hang
either; an entry that is damaged, stale or out of bounds is a miss. Entries are read only as
regular files of this user, without following links and without blocking, and the cache is not
used at all in a folder that is a link, belongs to someone else, or that others may write to
(where the system has no owners and modes, as on Windows, only the link is refused).

REPORTCHECK_CACHE_DIR moves the cache (default: the user cache folder, e.g. ~/.cache/reportcheck);
REPORTCHECK_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import os
import re
import stat
import sys
import time
import zlib
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import msgspec

from reportcheck.model.files import TEMPORARY_SUFFIX, write_file
from reportcheck.model.limits import MAX_REGISTRY_BYTES, MAX_REPORT_BYTES, read_limited
from reportcheck.registry.records import Registry
from reportcheck.registry.shipped import default_registry_path

if TYPE_CHECKING:
    from reportcheck.model.periods import Period

#: Bumped when the stored form changes.
FORMAT = 9
#: The packages whose code reads, checks or makes up a built registry.
STAMPED = ("registry", "rules", "model")
#: Entries kept; the least recently written beyond this are removed when a new one is stored.
KEEP = 32
#: An entry larger than this is not read (the shipped registry's entry is about 100 KB).
MAX_ENTRY_BYTES = 8 * 1024 * 1024 + MAX_REGISTRY_BYTES + MAX_REPORT_BYTES
#: A temporary file older than this was left by a process that was killed while writing.
STALE_SECONDS = 3600
#: A stored fraction as it is written ("-200/3"), digits bounded before Fraction reads it:
#: Fraction("1e999999999") would take hours.
_FRACTION = re.compile(r"-?[0-9]{1,40}(?:/[0-9]{1,40})?")
#: The largest integer a registry holds (line numbers, years, months, the count of a rank).
_MAX_INT = 10**7
#: Digits and exponents of a stored decimal: a registry's figures have at most 26 digits.
_MAX_DIGITS = 40


class Entry(msgspec.Struct, frozen=True, kw_only=True):
    """One stored registry: what names it, the bytes it was checked against, and its payload
    (read only once everything before it matches)."""

    format: int
    resolved: str  # the registry's path, resolved
    given: str  # the registry's path as given
    stamp: str  # the code that built it (_code_stamp)
    registry: bytes
    #: Every text the registry's quotes were checked against (the seed, `report.texts`), by its
    #: resolved path: the entry serves only while each is byte for byte the same.
    texts: dict[str, bytes]
    crc: int
    payload: msgspec.Raw


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
    named = Entry(
        format=FORMAT,
        resolved=str(path.resolve()),
        given=str(path),
        stamp=_code_stamp(),
        registry=content,
        texts={},
        crc=0,
        payload=msgspec.Raw(b""),
    )
    identity = "\0".join(map(str, (FORMAT, named.resolved, named.given, named.stamp)))
    key = zlib.crc32(content, zlib.crc32(identity.encode()))
    entry = folder / f"registry-{key:08x}{len(content):x}.bin"
    stored = _read(entry, named)
    if stored is not None:
        return stored
    registry = load_registry(path)  # raises when the registry is refused
    _write(entry, registry, named, folder)
    return registry


def load_registry(path: Path) -> Registry:
    """A full load; registry.py and the checking code it brings are imported only for one."""
    from reportcheck.registry.load import load_registry as load

    return load(path)


def _owned(info: os.stat_result) -> bool:
    """Whether a file or folder is this user's own, where the system says who owns files."""
    getuid = getattr(os, "getuid", None)
    return getuid is None or info.st_uid == getuid()


def _trusted(folder: Path) -> bool:
    """A cache folder is used only when it is this user's own and nobody else may write to it.

    A missing folder is trusted: it is created private (0700) on the first write. Where files
    have no owner and no group or other permissions (Windows: the user's own profile folder,
    guarded by its access lists), a folder that is not a link is trusted.
    """
    try:
        info = os.lstat(folder)
    except FileNotFoundError:
        return True
    except OSError:
        return False
    if not stat.S_ISDIR(info.st_mode):
        return False
    if not hasattr(os, "getuid"):
        return True
    return _owned(info) and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


def _read_entry(entry: Path) -> bytes | None:
    """The bytes of a regular file of this user, never through a link, never blocking."""
    flags = (
        os.O_RDONLY
        | getattr(os, "O_NOFOLLOW", 0)
        | getattr(os, "O_NONBLOCK", 0)
        | getattr(os, "O_BINARY", 0)
    )
    try:
        fd = os.open(entry, flags)
    except OSError:
        return None
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode) or not _owned(info):
            return None
        if info.st_size > MAX_ENTRY_BYTES:
            return None
        with os.fdopen(fd, "rb", closefd=False) as stream:
            return stream.read(MAX_ENTRY_BYTES + 1)
    finally:
        os.close(fd)


def _code_stamp(root: Path | None = None) -> str:
    """Changes whenever a module that reads or makes a registry (STAMPED, or `root`), in any of
    its folders, is replaced or edited, and with the Python and the msgspec that store it."""
    parts = [sys.version, msgspec.__version__]
    package = Path(__file__).parent.parent
    folders = [root] if root else [package / name for name in STAMPED]
    while folders:
        entries = sorted(os.scandir(folders.pop()), key=lambda e: e.name)
        for e in entries:
            if e.name.endswith(".py"):
                info = e.stat()
                parts.append(f"{e.path}:{info.st_size}:{info.st_mtime_ns}")
            elif e.is_dir(follow_symlinks=False) and not e.name.startswith(("_", ".")):
                folders.append(Path(e.path))
    return ";".join(parts)


def _read(entry: Path, named: Entry) -> Registry | None:
    """The stored registry when the entry is this registry's, its report is unchanged and the
    entry is intact and within bounds, else None (a miss)."""
    data = _read_entry(entry)
    if data is None:
        return None
    try:
        stored = msgspec.msgpack.decode(data, type=Entry)
        if (stored.format, stored.resolved, stored.given, stored.stamp, stored.registry) != (
            named.format,
            named.resolved,
            named.given,
            named.stamp,
            named.registry,
        ):
            return None
        if any(_report(Path(path)) != text for path, text in stored.texts.items()):
            return None
        if zlib.crc32(stored.payload) != stored.crc:
            return None
        registry = decoded(bytes(stored.payload))
    except (msgspec.DecodeError, OSError):  # a partial, damaged or foreign entry is a miss
        return None
    return registry


def decoded(payload: bytes) -> Registry | None:
    """The registry a payload holds, or None when it holds anything else or a value beyond what
    a registry can hold."""
    try:
        registry = msgspec.msgpack.decode(payload, type=Registry, dec_hook=_decode)
    except (msgspec.DecodeError, ValueError, TypeError):
        return None
    if not _bounded(registry):
        return None
    return msgspec.structs.replace(registry, units=MappingProxyType(dict(registry.units)))


def stored_form(registry: Registry) -> bytes:
    """A built registry as the bytes of an entry's payload."""
    return msgspec.msgpack.encode(registry, enc_hook=_encode)


def _report(seed: Path) -> bytes:
    return read_limited(seed, MAX_REPORT_BYTES, "a report")


def _encode(value: Any) -> Any:
    if isinstance(value, Fraction):
        return f"{value.numerator}/{value.denominator}"
    if isinstance(value, Path):
        return str(value)
    if isinstance(value, MappingProxyType):
        return dict(value)
    raise NotImplementedError(f"{type(value).__name__} is not part of a registry")


def _decode(kind: type, value: Any) -> Any:
    if kind is Fraction and type(value) is str and _FRACTION.fullmatch(value):
        numerator, _, denominator = value.partition("/")
        return Fraction(int(numerator), int(denominator or 1))
    if kind is Path and type(value) is str:
        return Path(value)
    raise ValueError(f"{value!r} is no {kind.__name__} of a registry")


#: The fields of a registry's records that hold a decimal, an integer or a period, each checked
#: by _bounded (fractions are bounded as they are read). A test derives this set from the
#: records' own annotations, so a new numeric field cannot go unchecked.
BOUNDED_FIELDS = frozenset(
    {
        ("Registry", "bands"),
        ("ReportMeta", "year"),
        ("Target", "line"),
        ("Target", "due"),
        ("Target", "milestones"),
        ("Baseline", "value"),
        ("Baseline", "year"),
        ("Period", "year"),
        ("Period", "month"),
    }
)


def _bounded(registry: Registry) -> bool:
    """Whether every number of a decoded registry is one a registry can hold: decimals of at
    most 40 digits and exponents, integers below ten million, months 1 to 12."""
    decimals: list[Decimal | Fraction] = list(registry.bands or ())
    integers = [registry.meta.year]
    periods: list[Period] = []
    for target in registry.targets:
        integers.append(target.line)
        periods.append(target.due)
        periods.extend(period for period, _ in target.milestones)
        if target.baseline is not None:
            integers.append(target.baseline.year)
            if target.baseline.value is not None:
                decimals.append(target.baseline.value)
    for period in periods:
        if not 1 <= period.month <= 12:
            return False
        integers.append(period.year)
    return all(abs(n) <= _MAX_INT for n in integers) and all(map(_small, decimals))


def _small(number: Decimal | Fraction) -> bool:
    if isinstance(number, Fraction):
        sizes = (number.numerator.bit_length(), number.denominator.bit_length())
        return max(sizes) <= _MAX_DIGITS * 4  # four bits to a decimal digit is generous
    _, digits, exponent = number.as_tuple()
    return isinstance(exponent, int) and abs(exponent) <= _MAX_DIGITS and len(digits) <= _MAX_DIGITS


def _write(entry: Path, registry: Registry, named: Entry, folder: Path) -> None:
    from reportcheck.registry.load import quoted_paths

    try:
        texts = quoted_paths(registry.path, registry.meta).values()
        payload = stored_form(registry)
        if decoded(payload) != registry:
            return  # what the stored form cannot give back whole is not stored
        stored = msgspec.structs.replace(
            named,
            texts={str(path): _report(path) for path in texts},
            crc=zlib.crc32(payload),
            payload=msgspec.Raw(payload),
        )
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _trusted(folder):
            return
        write_file(entry, msgspec.msgpack.encode(stored), private=True)
        _prune(folder)
    except (OSError, NotImplementedError, OverflowError):
        pass  # an unwritable cache, or a registry this form cannot hold, only costs the next run


def _prune(folder: Path) -> None:
    """Keep the KEEP newest entries, and remove what killed writers left behind."""
    entries = sorted(
        (p for p in folder.glob("registry-*.bin") if p.is_file() and not p.is_symlink()),
        key=lambda p: p.stat().st_mtime_ns,
    )
    for old in entries[:-KEEP]:
        old.unlink(missing_ok=True)
    for left in folder.glob(f".registry-*{TEMPORARY_SUFFIX}"):
        if time.time() - left.lstat().st_mtime > STALE_SECONDS:
            left.unlink(missing_ok=True)
