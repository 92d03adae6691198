"""The registry cache: forged, truncated, huge, foreign, linked and unreadable entries, a cache
folder that is a link, someone else's, writable by others, read-only or full. A command either
serves an entry it can verify or loads the registry afresh: the verdict is always the registry's
own, nothing from an entry runs, and nothing is left behind."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
import zlib
from collections.abc import Callable
from pathlib import Path

from ..harness import Case, Check, Outcome, Setup, SkipCase
from ..kit import csv_text, every, judged, put

C = "cache"
#: gdp_growth at 5.4 is behind (6 − 0.5 = 5.5 is needed); an entry forged with a tolerance of 3
#: would make it on track.
FIGURES = csv_text("gdp_growth,2023-06,5.4", "graduates,2023-06,4.6")
RIGHT = every(judged("gdp_growth", "behind", "5.4"), judged("graduates", "on_track", "4.6"))


def _fill(folder: Path, cache: Path) -> Path:
    """Run a command once so that the cache holds the shipped registry; its entry."""
    env = {**os.environ, "REPORTCHECK_CACHE_DIR": str(cache), "LANG": "en_US.UTF-8"}
    env.pop("REPORTCHECK_NO_CACHE", None)
    subprocess.run(
        [sys.executable, "-m", "reportcheck", "targets", "-f", "json"],
        env=env,
        check=True,
        capture_output=True,
        cwd=folder,
    )
    (entry,) = cache.glob("registry-*.bin")
    return entry


def _posix() -> None:
    if not hasattr(os, "getuid"):
        raise SkipCase("needs owners and modes")


def cache_case(
    name: str,
    spoil: Callable[[Path, Path], object],
    *,
    fill: bool = True,
    file_size: int | None = None,
    extra_check: Check | None = None,
) -> Case:
    """`spoil(cache, entry)` damages a filled cache; `diff` must judge as the registry says."""

    def build(folder: Path) -> Setup:
        cache = folder / "cache"
        entry = _fill(folder, cache) if fill else cache / "none"
        spoil(cache, entry)
        figures = put(folder, "actuals.csv", FIGURES)
        check = every(RIGHT, extra_check) if extra_check else RIGHT
        return Setup(
            ["diff", str(figures), "-f", "json"],
            check=check,
            keep=(figures,),
            env={"REPORTCHECK_CACHE_DIR": str(cache)},
            file_size=file_size,
        )

    return Case(C, name, "read", build)


def _payload(change: Callable[[bytes], bytes], crc: str = "old") -> Callable[[Path, Path], None]:
    def spoil(cache: Path, entry: Path) -> None:
        import msgspec

        from reportcheck.registry.cache import Entry

        stored = msgspec.msgpack.decode(entry.read_bytes(), type=Entry)
        payload = change(bytes(stored.payload))
        crc_value = zlib.crc32(payload) if crc == "new" else stored.crc
        forged = msgspec.structs.replace(stored, crc=crc_value, payload=msgspec.Raw(payload))
        entry.write_bytes(msgspec.msgpack.encode(forged))

    return spoil


def _tolerance_3(payload: bytes) -> bytes:
    """The stored registry with gdp_growth's tolerance made 3."""
    import msgspec

    values = msgspec.msgpack.decode(payload)
    for target in values["targets"]:
        if target["id"] == "gdp_growth":
            target["rule"]["band"] = "3/1"
    return msgspec.msgpack.encode(values)


def _huge_fraction(payload: bytes) -> bytes:
    import msgspec

    values = msgspec.msgpack.decode(payload)
    for target in values["targets"]:
        if target["id"] == "gdp_growth":
            target["rule"]["band"] = "1e999999999"
    return msgspec.msgpack.encode(values)


def _replace(data: bytes) -> Callable[[Path, Path], object]:
    return lambda cache, entry: entry.write_bytes(data)


def _truncate(cache: Path, entry: Path) -> None:
    data = entry.read_bytes()
    entry.write_bytes(data[: len(data) // 2])


def _huge(cache: Path, entry: Path) -> None:
    with entry.open("r+b") as stream:
        stream.truncate(1 << 30)


def _fifo(cache: Path, entry: Path) -> None:
    if not hasattr(os, "mkfifo"):
        raise SkipCase("needs POSIX pipes")
    entry.unlink()
    os.mkfifo(entry)


def _link_to(target: str) -> Callable[[Path, Path], object]:
    def spoil(cache: Path, entry: Path) -> None:
        if not Path(target).exists():
            raise SkipCase(f"no {target}")
        entry.unlink()
        entry.symlink_to(target)

    return spoil


def _folder_entry(cache: Path, entry: Path) -> None:
    entry.unlink()
    entry.mkdir()


class _Plant:
    """A pickle that would create a file if anything unpickled it."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, ...]:
        return (open, (str(self.path), "w"))


def _pickle(cache: Path, entry: Path) -> None:
    entry.write_bytes(pickle.dumps(_Plant(cache.parent / "planted")))


def _not_planted(outcome: Outcome) -> str | None:
    return "the pickle ran" if (outcome.folder / "planted").exists() else None


def _foreign_owner(cache: Path, entry: Path) -> None:
    _posix()
    if os.getuid() != 0:
        raise SkipCase("only root can give a file to someone else")
    os.chown(entry, 65534, 65534)
    _payload(_tolerance_3, crc="new")(cache, entry)
    os.chown(entry, 65534, 65534)


def _foreign_folder(cache: Path, entry: Path) -> None:
    _posix()
    if os.getuid() != 0:
        raise SkipCase("only root can give a folder to someone else")
    _payload(_tolerance_3, crc="new")(cache, entry)
    os.chown(cache, 65534, 65534)


def _open_folder(cache: Path, entry: Path) -> None:
    _posix()
    _payload(_tolerance_3, crc="new")(cache, entry)
    cache.chmod(0o777)


def _linked_folder(cache: Path, entry: Path) -> None:
    _posix()
    _payload(_tolerance_3, crc="new")(cache, entry)
    real = cache.parent / "real-cache"
    cache.rename(real)
    cache.symlink_to(real, target_is_directory=True)


def _read_only(cache: Path, entry: Path) -> None:
    _posix()
    if os.getuid() == 0:
        raise SkipCase("root writes to any folder")
    entry.unlink()
    cache.chmod(0o500)


def _stale_partial(cache: Path, entry: Path) -> None:
    entry.unlink()
    partial = cache / f".{entry.name}.0123456789ab.tmp"
    partial.write_bytes(b"half")
    os.utime(partial, (0, 0))


def _no_stale_left(outcome: Outcome) -> str | None:
    left = [p.name for p in (outcome.folder / "cache").glob(".*.tmp")]
    return f"left behind: {left}" if left else None


def _a_file(cache: Path, entry: Path) -> None:
    entry.unlink()
    cache.rmdir()
    cache.write_text("not a folder")


def _copied_from_elsewhere(cache: Path, entry: Path) -> None:
    """An entry of another registry (the same file, edited) renamed to this one's name."""
    from ..kit import shipped_copy

    other = shipped_copy(
        cache.parent / "other", lambda t: t.replace("tolerance: 0.5\n", "tolerance: 3\n", 1)
    )
    env = {
        **os.environ,
        "REPORTCHECK_CACHE_DIR": str(cache.parent / "other-cache"),
        "LANG": "en_US.UTF-8",
    }
    subprocess.run(
        [sys.executable, "-m", "reportcheck", "--targets", str(other), "targets"],
        env=env,
        check=True,
        capture_output=True,
    )
    (forged,) = (cache.parent / "other-cache").glob("registry-*.bin")
    entry.write_bytes(forged.read_bytes())


CASES: list[Case] = [
    cache_case("filled", lambda cache, entry: None),
    cache_case("empty", lambda cache, entry: None, fill=False),
    cache_case("forged-payload", _payload(_tolerance_3)),
    cache_case("forged-huge-fraction", _payload(_huge_fraction, crc="new")),
    cache_case("forged-garbage-payload", _payload(lambda p: b"\xc1" * len(p))),
    cache_case("forged-garbage-payload-crc", _payload(lambda p: b"\xc1" * len(p), crc="new")),
    cache_case(
        "forged-other-types",
        _payload(
            lambda p: __import__("msgspec").msgpack.encode(
                {"targets": [{"id": 1}], "__class__": "os.system"}
            ),
            crc="new",
        ),
    ),
    cache_case("copied-from-another-registry", _copied_from_elsewhere),
    cache_case("truncated", _truncate),
    cache_case("empty-entry", _replace(b"")),
    cache_case("json-entry", _replace(b'{"format": 9}')),
    cache_case("random-entry", _replace(os.urandom(4096))),
    cache_case("pickle-entry", _pickle, extra_check=_not_planted),
    cache_case("huge-entry", _huge),
    cache_case("fifo-entry", _fifo),
    cache_case("entry-links-to-dev-zero", _link_to("/dev/zero")),
    cache_case("entry-links-to-a-file", _link_to("/etc/hostname")),
    cache_case("entry-a-folder", _folder_entry),
    cache_case("entry-of-someone-else", _foreign_owner),
    cache_case("folder-of-someone-else", _foreign_folder),
    cache_case("folder-writable-by-all", _open_folder),
    cache_case("folder-a-link", _linked_folder),
    cache_case("folder-read-only", _read_only),
    cache_case("folder-a-file", _a_file),
    cache_case("stale-partial", _stale_partial, extra_check=_no_stale_left),
    cache_case("disk-full", lambda cache, entry: entry.unlink(), file_size=50_000),
]


def _off(folder: Path) -> Setup:
    figures = put(folder, "actuals.csv", FIGURES)
    return Setup(
        ["diff", str(figures), "-f", "json"],
        check=RIGHT,
        env={"REPORTCHECK_NO_CACHE": "1", "REPORTCHECK_CACHE_DIR": str(folder / "c")},
    )


def _dev_full(folder: Path) -> Setup:
    if not Path("/dev/full").exists():
        raise SkipCase("no /dev/full")
    figures = put(folder, "actuals.csv", FIGURES)
    return Setup(
        ["diff", str(figures), "-f", "json"],
        check=RIGHT,
        env={"REPORTCHECK_CACHE_DIR": "/dev/full"},
    )


def _deep(folder: Path) -> Setup:
    figures = put(folder, "actuals.csv", FIGURES)
    return Setup(
        ["diff", str(figures), "-f", "json"],
        check=RIGHT,
        env={"REPORTCHECK_CACHE_DIR": str(folder / "a" / "b" / "c")},
    )


def _forgery_is_real(folder: Path) -> Setup:
    """The forgery the cases above plant is served from a folder the user owns alone (outside
    the threat model: who can write the user's files can edit the registry too): the cases that
    refuse it refuse a real one."""
    cache = folder / "cache"
    entry = _fill(folder, cache)
    _payload(_tolerance_3, crc="new")(cache, entry)
    figures = put(folder, "actuals.csv", FIGURES)
    return Setup(
        ["diff", str(figures), "-f", "json"],
        check=judged("gdp_growth", "on_track"),
        env={"REPORTCHECK_CACHE_DIR": str(cache)},
    )


def _unwritable_folder(folder: Path) -> Setup:
    """A cache folder that no one can write to, root included."""
    if not Path("/proc/self").is_dir():
        raise SkipCase("no /proc")
    figures = put(folder, "actuals.csv", FIGURES)
    return Setup(
        ["diff", str(figures), "-f", "json"],
        check=RIGHT,
        env={"REPORTCHECK_CACHE_DIR": "/proc/self"},
    )


CASES += [
    Case(C, "folder-unwritable-for-anyone", "read", _unwritable_folder),
    Case(C, "forgery-is-real-when-own", "read", _forgery_is_real),
    Case(C, "off", "read", _off),
    Case(C, "dev-full", "read", _dev_full),
    Case(C, "nested-new-folder", "read", _deep),
]
