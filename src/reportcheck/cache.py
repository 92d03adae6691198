"""Registries that loaded cleanly before, read back without parsing YAML again.

Importing yaml and parsing the registry is most of what a command does before its real work. A
registry that passed every check has its parsed tree (data and line numbers, never objects or
code) stored as JSON under a name derived from its bytes, its location and the code that read it.
A hit skips only the YAML: every entry is checked again, quotes against the report text as it is
now, by the same code as a first load, so an edited report or a changed rule is never missed.

What is served is verified: an entry holds the very bytes of the registry it was made from, its
path and the code stamp, and a CRC-32 of its own payload; any mismatch (an edited entry, an entry
copied or linked from another registry's) is a miss. The registry is compared byte for byte, not
by a digest, so no two registries can ever share an entry; zlib's CRC-32 (already loaded with the
command line) only catches a damaged payload, and importing hashlib would cost more than the
lookup. Entries are read only as regular files of
this user, without following links and without blocking, and the cache is not used at all in a
folder that is a link, belongs to someone else, or that others may write to.

REPORTCHECK_CACHE_DIR moves the cache (default: the user cache folder, e.g. ~/.cache/reportcheck);
REPORTCHECK_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import json
import os
import stat
import zlib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reportcheck.limits import MAX_REGISTRY_BYTES, read_limited
from reportcheck.registry import (
    build_registry,
    default_registry_path,
    load_registry,
    read_registry_tree,
)
from reportcheck.yamlnodes import from_plain, to_plain

if TYPE_CHECKING:
    from reportcheck.model import Registry

#: Bumped when the stored form changes.
FORMAT = 5
#: Entries kept; the least recently written beyond this are removed when a new one is stored.
KEEP = 32
#: An entry larger than this is not read (the shipped registry's entry is about 150 KB).
MAX_ENTRY_BYTES = 8 * 1024 * 1024


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
    """As load_registry, without parsing YAML when the registry and the code are unchanged."""
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
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return load_registry(path)  # which reports the problem
    where, code = str(path.resolve()), _code_stamp()
    identity = {"format": FORMAT, "path": where, "code": code, "registry": text}
    key = zlib.crc32(content, zlib.crc32(f"{FORMAT}\0{where}\0{code}\0".encode()))
    entry = folder / f"registry-{key:08x}{len(content):x}.json"
    tree = _read(entry, identity)
    if tree is not None:
        return build_registry(path, tree)
    data, problems = read_registry_tree(path)
    registry = build_registry(path, data, problems)  # raises when the registry is refused
    _write(entry, data, folder, identity)
    return registry


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


def _code_stamp() -> str:
    """Changes whenever any module of this package is replaced or edited."""
    here = Path(__file__).parent
    return ";".join(
        f"{e.name}:{e.stat().st_size}:{e.stat().st_mtime_ns}"
        for e in sorted(os.scandir(here), key=lambda e: e.name)
        if e.name.endswith(".py")
    )


def _read(entry: Path, identity: dict[str, Any]) -> Any:
    """The stored tree when the entry is this registry's and intact, else None (a miss)."""
    data = _read_entry(entry)
    if data is None:
        return None
    try:
        stored = json.loads(data.decode("utf-8"))
        if stored["identity"] != identity:
            return None
        text = stored["tree"]
        if zlib.crc32(text.encode("utf-8")) != stored["payload_crc32"]:
            return None
        return from_plain(json.loads(text))
    except Exception:  # a missing, partial or foreign entry is a miss, never a failure
        return None


def _write(entry: Path, tree: Any, folder: Path, identity: dict[str, Any]) -> None:
    try:
        text = json.dumps(to_plain(tree), ensure_ascii=False)
        stored = {"identity": identity, "payload_crc32": zlib.crc32(text.encode()), "tree": text}
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        if not _trusted(folder):
            return
        partial = entry.with_name(f"{entry.name}.{os.getpid()}.partial")
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(partial, flags, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as stream:
            stream.write(json.dumps(stored, ensure_ascii=False))
        os.replace(partial, entry)
        entries = sorted(
            (p for p in folder.glob("registry-*.json") if p.is_file() and not p.is_symlink()),
            key=lambda p: p.stat().st_mtime_ns,
        )
        for old in entries[:-KEEP]:
            old.unlink(missing_ok=True)
    except (OSError, TypeError):
        pass  # an unwritable cache, or a tree JSON cannot hold, only costs the next run a load
