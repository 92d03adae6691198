"""Registries that loaded cleanly before, read back without parsing YAML again.

Parsing and checking the registry is most of what a command does before its real work. A
registry that passed every check is stored as JSON under a name derived from its bytes, its
location and the code that checked it; the seed it was checked against is stored by content
hash, so editing either one leads to a full load. The cache holds data, never code.

What is served is verified: an entry records the SHA-256 of the registry it was made from, its
path and the code stamp, and a digest of its own payload; any mismatch (an edited entry, an entry
copied or linked from another registry's) is a miss. Entries are read only as regular files of
this user, without following links and without blocking, and the cache is not used at all in a
folder that is a link, belongs to someone else, or that others may write to.

REPORTCHECK_CACHE_DIR moves the cache (default: the user cache folder, e.g. ~/.cache/reportcheck);
REPORTCHECK_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any

from reportcheck.model import (
    Baseline,
    Comparator,
    Kind,
    Registry,
    Released,
    ReportMeta,
    Role,
    Section,
    Target,
)
from reportcheck.registry import default_registry_path, load_registry, seed_path

#: Bumped when the stored form changes.
FORMAT = 2
#: Entries kept; the least recently written beyond this are removed when a new one is stored.
KEEP = 32
#: An entry larger than this is not read (the shipped registry's entry is about 60 KB).
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
    """As load_registry, from the cache when the registry, its seed and the code are unchanged."""
    path = path or default_registry_path()
    folder = cache_dir()
    if folder is None:
        return load_registry(path)
    try:
        content = path.read_bytes()
    except OSError:
        return load_registry(path)  # which reports the problem
    if not _trusted(folder):
        return load_registry(path)
    identity = {
        "format": FORMAT,
        "registry_sha256": hashlib.sha256(content).hexdigest(),
        "path": str(path.resolve()),
        "code": _code_stamp(),
    }
    entry = folder / f"registry-{_key(path, content)}.json"
    cached = _read(entry, path, identity)
    if cached is not None:
        return cached
    registry = load_registry(path)
    _write(entry, registry, folder, identity)
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


def _payload_digest(payload: object) -> str:
    text = json.dumps(payload, ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


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


def _key(path: Path, content: bytes) -> str:
    digest = hashlib.sha256(f"{FORMAT}\0{path.resolve()}\0{_code_stamp()}\0".encode())
    digest.update(content)
    return digest.hexdigest()[:32]


def _code_stamp() -> str:
    """Changes whenever any module of this package is replaced or edited."""
    here = Path(__file__).parent
    return ";".join(
        f"{e.name}:{e.stat().st_size}:{e.stat().st_mtime_ns}"
        for e in sorted(os.scandir(here), key=lambda e: e.name)
        if e.name.endswith(".py")
    )


def _file_hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _read(entry: Path, path: Path, identity: dict[str, Any]) -> Registry | None:
    data = _read_entry(entry)
    if data is None:
        return None
    try:
        stored = json.loads(data.decode("utf-8"))
        if stored["identity"] != identity:
            return None
        if stored["payload_sha256"] != _payload_digest(stored["registry"]):
            return None
        registry = from_plain(stored["registry"], path)
        seed = seed_path(path, registry.meta)
        if (None if seed is None else _file_hash(seed)) != stored["seed_sha256"]:
            return None
    except Exception:  # a missing, partial or foreign entry is a miss, never a failure
        return None
    return registry


def _write(entry: Path, registry: Registry, folder: Path, identity: dict[str, Any]) -> None:
    seed = seed_path(registry.path, registry.meta)
    try:
        plain = to_plain(registry)
        stored = {
            "identity": identity,
            "seed_sha256": None if seed is None else _file_hash(seed),
            "payload_sha256": _payload_digest(plain),
            "registry": plain,
        }
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
    except OSError:
        pass  # an unwritable cache only costs the next run a full load


def _decimal(value: str | None) -> Decimal | None:
    return None if value is None else Decimal(value)


def _text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


def to_plain(registry: Registry) -> dict[str, Any]:
    """The registry as JSON-ready data; numbers as exact decimal strings."""
    return {
        "meta": dataclasses.asdict(registry.meta),
        "sections": [[s.key, s.zh, s.en] for s in registry.sections.values()],
        "targets": [
            {
                "id": t.id,
                "section": t.section,
                "quote": t.quote,
                "name_zh": t.name_zh,
                "name_en": t.name_en,
                "unit": t.unit,
                "comparator": t.comparator.value if t.comparator else None,
                "value": _text(t.value),
                "tolerance": _text(t.tolerance),
                "baseline": None
                if t.baseline is None
                else [str(t.baseline.value), t.baseline.year, t.baseline.quote],
                "other": t.other,
                "kind": t.kind.value,
                "released": t.released.value,
                "role": t.role.value,
                "line": t.line,
                "note": t.note,
            }
            for t in registry.targets
        ],
    }


def from_plain(data: dict[str, Any], path: Path) -> Registry:
    """The inverse of to_plain."""
    targets = []
    for t in data["targets"]:
        base = t["baseline"]
        targets.append(
            Target(
                id=t["id"],
                section=t["section"],
                quote=t["quote"],
                name_zh=t["name_zh"],
                name_en=t["name_en"],
                unit=t["unit"],
                comparator=Comparator(t["comparator"]) if t["comparator"] else None,
                value=_decimal(t["value"]),
                tolerance=_decimal(t["tolerance"]),
                baseline=None if base is None else Baseline(Decimal(base[0]), base[1], base[2]),
                other=t["other"],
                kind=Kind(t["kind"]),
                released=Released(t["released"]),
                role=Role(t["role"]),
                line=t["line"],
                note=t["note"],
            )
        )
    return Registry(
        path,
        ReportMeta(**data["meta"]),
        {key: Section(key, zh, en) for key, zh, en in data["sections"]},
        tuple(targets),
    )
