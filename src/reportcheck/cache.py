"""Registries that loaded cleanly before, read back without parsing YAML again.

Parsing and checking the registry is most of what a command does before its real work. A
registry that passed every check is stored as JSON under a name derived from its bytes, its
location and the code that checked it; the seed it was checked against is stored by content
hash, so editing either one leads to a full load. The cache holds data, never code: an entry
that cannot be read back is ignored and rewritten.

REPORTCHECK_CACHE_DIR moves the cache (default: the user cache folder, e.g. ~/.cache/reportcheck);
REPORTCHECK_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
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
FORMAT = 1
#: Entries kept; the least recently written beyond this are removed when a new one is stored.
KEEP = 32


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
    entry = folder / f"registry-{_key(path, content)}.json"
    cached = _read(entry, path)
    if cached is not None:
        return cached
    registry = load_registry(path)
    _write(entry, registry, folder)
    return registry


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


def _read(entry: Path, path: Path) -> Registry | None:
    try:
        stored = json.loads(entry.read_text(encoding="utf-8"))
        registry = from_plain(stored["registry"], path)
        seed = seed_path(path, registry.meta)
        if (None if seed is None else _file_hash(seed)) != stored["seed_sha256"]:
            return None
    except Exception:  # a missing, partial or foreign entry is a miss, never a failure
        return None
    return registry


def _write(entry: Path, registry: Registry, folder: Path) -> None:
    seed = seed_path(registry.path, registry.meta)
    try:
        stored = {
            "seed_sha256": None if seed is None else _file_hash(seed),
            "registry": to_plain(registry),
        }
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        partial = entry.with_name(f"{entry.name}.{os.getpid()}.partial")
        partial.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, entry)
        entries = sorted(folder.glob("registry-*.json"), key=lambda p: p.stat().st_mtime_ns)
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
