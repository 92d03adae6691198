"""The registry cache serves only an entry it can verify, from a folder only this user writes."""

from __future__ import annotations

import errno
import io
import os
import pickle
import shutil
import time
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportcheck.registry import cache
from reportcheck.registry.cache import (
    BOUNDED_FIELDS,
    Entry,
    decoded,
    load_registry_cached,
    stored_form,
)
from reportcheck.registry.load import load_registry
from reportcheck.registry.records import Registry, Target
from reportcheck.registry.shipped import default_registry_path

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX permissions and pipes")


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv("REPORTCHECK_CACHE_DIR", str(path))
    monkeypatch.delenv("REPORTCHECK_NO_CACHE", raising=False)
    return path


@pytest.fixture
def copy(tmp_path: Path) -> Callable[[str, str], Path]:
    """The shipped registry and its report copied to `name`/, with one text replaced."""
    shipped = default_registry_path().resolve()
    seeds = shipped.parent.parent / "seeds"

    def make(name: str, title: str) -> Path:
        root = tmp_path / name
        (root / "data").mkdir(parents=True)
        shutil.copytree(seeds, root / "seeds")
        text = shipped.read_text(encoding="utf-8")
        text = text.replace("湖州市2023年政府工作报告(摘登)", title, 1)
        target = root / "data" / "targets.yaml"
        target.write_text(text, encoding="utf-8")
        return target

    return make


def only_entry(folder: Path) -> Path:
    (entry,) = folder.glob("registry-*.bin")
    return entry


def forge(entry: Path, payload: bytes | None = None, crc_matches: bool = False) -> None:
    """Replace the stored registry by `payload` (default: the registry with gdp_growth's 6%
    made 1%), as someone editing the file would; with `crc_matches`, its CRC-32 is made to match
    as well."""
    stored = msgspec.msgpack.decode(entry.read_bytes(), type=Entry)
    if payload is None:
        payload = stored_form(_edited_registry(entry.parent.parent / "forged"))
    assert payload != bytes(stored.payload)
    crc = zlib.crc32(payload) if crc_matches else stored.crc
    forged = msgspec.structs.replace(stored, crc=crc, payload=msgspec.Raw(payload))
    entry.write_bytes(msgspec.msgpack.encode(forged))


def forged_values(entry: Path, change: Callable[[dict[str, Any]], None]) -> None:
    """Forge the entry's registry as plain values, changed by `change`, its CRC-32 matching."""
    stored = msgspec.msgpack.decode(entry.read_bytes(), type=Entry)
    values = msgspec.msgpack.decode(bytes(stored.payload))
    change(values)
    forge(entry, msgspec.msgpack.encode(values), crc_matches=True)


def _edited_registry(root: Path) -> Registry:
    shipped = default_registry_path().resolve()
    (root / "data").mkdir(parents=True, exist_ok=True)
    shutil.copytree(shipped.parent.parent / "seeds", root / "seeds", dirs_exist_ok=True)
    text = shipped.read_text(encoding="utf-8")
    gdp = "quote: 地区生产总值增长6%左右"
    assert text.count(gdp) == 1
    assert "tolerance: 0.5\n" in text.split(gdp)[1][:200]
    before, after = text.split(gdp)
    text = before + gdp + after.replace("tolerance: 0.5\n", "tolerance: 3\n", 1)
    (root / "data" / "targets.yaml").write_text(text, encoding="utf-8")
    return load_registry(root / "data" / "targets.yaml")


def gdp_rule(path: Path | None = None) -> object:
    return load_registry_cached(path).get("gdp_growth")


def test_an_edited_entry_is_not_served(folder: Path) -> None:
    truth = gdp_rule()
    entry = only_entry(folder)
    before = entry.read_bytes()
    forge(entry)
    assert entry.read_bytes() != before
    assert gdp_rule() == truth


def test_the_forgery_changes_the_rule_when_its_crc_is_made_to_match(folder: Path) -> None:
    """The forgery above is a real one: the cache guards against damage, not against someone who
    can already write the user's files (who could as well edit the registry)."""
    truth = gdp_rule()
    forge(only_entry(folder), crc_matches=True)
    assert gdp_rule() != truth


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0), st.integers(min_value=0, max_value=255))
def test_any_changed_byte_is_a_miss_never_a_wrong_rule(position: int, byte: int) -> None:
    folder = Path(os.environ["REPORTCHECK_CACHE_DIR"])
    truth = load_registry()
    load_registry_cached()
    for entry in folder.glob("registry-*.bin"):
        data = bytearray(entry.read_bytes())
        data[position % len(data)] = byte
        entry.write_bytes(bytes(data))
    assert load_registry_cached() == truth


class _Call:
    """Unpickled, it would call `function(*args)`."""

    def __init__(self, function: object, *args: object) -> None:
        self.reduced = (function, args)

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return self.reduced


@pytest.mark.parametrize(
    "payload",
    [
        lambda made, kept: _Call(os.mkdir, str(made)),
        lambda made, kept: _Call(os.remove, str(kept)),
        lambda made, kept: _Call(eval, f"__import__('os').mkdir({str(made)!r})"),
        lambda made, kept: _Call(shutil.copyfile, str(kept), str(made)),
    ],
)
def test_an_entry_that_would_call_code_is_refused_and_nothing_runs(
    folder: Path, tmp_path: Path, payload: Callable[[Path, Path], object]
) -> None:
    truth = load_registry()
    load_registry_cached()
    made, kept = tmp_path / "made-by-the-entry", tmp_path / "kept"
    kept.write_text("", encoding="utf-8")
    forge(only_entry(folder), pickle.dumps(payload(made, kept)), crc_matches=True)
    assert load_registry_cached() == truth
    assert not made.exists()
    assert kept.exists()


def test_an_entry_holding_anything_but_a_registry_is_a_miss(folder: Path) -> None:
    from fractions import Fraction

    truth = load_registry()
    load_registry_cached()
    forge(only_entry(folder), pickle.dumps(Fraction(1, 3)), crc_matches=True)
    assert load_registry_cached() == truth


def test_an_entry_linked_or_copied_from_another_registry_is_not_served(
    folder: Path, copy: Callable[[str, str], Path]
) -> None:
    first, second = copy("a", "甲市报告"), copy("b", "乙市报告")
    load_registry_cached(first)
    entry_a = only_entry(folder)
    load_registry_cached(second)
    (entry_b,) = set(folder.glob("registry-*.bin")) - {entry_a}
    entry_b.unlink()
    entry_b.symlink_to(entry_a)
    assert load_registry_cached(second).meta.title_zh == "乙市报告"
    entry_b.unlink(missing_ok=True)
    shutil.copyfile(entry_a, entry_b)
    assert load_registry_cached(second).meta.title_zh == "乙市报告"


def test_a_pipe_in_place_of_an_entry_does_not_hang(folder: Path) -> None:
    load_registry_cached()
    entry = only_entry(folder)
    entry.unlink()
    os.mkfifo(entry)
    assert load_registry_cached() == load_registry()


def test_a_folder_others_can_write_is_not_used(folder: Path) -> None:
    truth = gdp_rule()
    forge(only_entry(folder))
    folder.chmod(0o777)
    assert gdp_rule() == truth
    assert len(list(folder.glob("registry-*.bin"))) == 1  # nothing written there either


def test_a_linked_cache_folder_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "real"
    real.mkdir(mode=0o700)
    link = tmp_path / "link"
    link.symlink_to(real)
    monkeypatch.setenv("REPORTCHECK_CACHE_DIR", str(link))
    monkeypatch.delenv("REPORTCHECK_NO_CACHE", raising=False)
    load_registry_cached()
    assert list(real.iterdir()) == []


def test_entries_are_private_to_the_user(folder: Path) -> None:
    load_registry_cached()
    assert only_entry(folder).stat().st_mode & 0o077 == 0
    assert folder.stat().st_mode & 0o077 == 0


def _gdp(values: dict[str, Any]) -> dict[str, Any]:
    return next(t for t in values["targets"] if t["id"] == "gdp_growth")


def _with_baseline(values: dict[str, Any]) -> dict[str, Any]:
    return next(t for t in values["targets"] if t.get("baseline") and t["baseline"].get("value"))


@pytest.mark.parametrize(
    "change",
    [
        # Fraction("1e999999999") would take hours to make; as a stored number it is refused unread
        lambda v: _gdp(v)["rule"].update(value="1e999999999"),
        lambda v: _gdp(v)["rule"].update(value="1" * 100),
        # Decimal("1e999999999") is made at once, but any sum or format of it would never end
        lambda v: _with_baseline(v)["baseline"].update(value="1e999999999"),
        lambda v: _with_baseline(v)["baseline"].update(value="9" * 5000),
        lambda v: _gdp(v)["due"].update(month=10**9),
        lambda v: _gdp(v)["due"].update(month=13),
        lambda v: _gdp(v).update(line=2**62),
        lambda v: v.update(bands=["1e999999999"]),
        lambda v: _gdp(v)["rule"].update(rule="NotARule"),
        lambda v: _gdp(v)["rule"].update(rule="Rule"),  # the empty base of every rule
        lambda v: v.update(path={"__class__": "os.system"}),
    ],
)
def test_a_forged_value_beyond_a_registry_is_a_miss_at_once(
    folder: Path, change: Callable[[dict[str, Any]], None]
) -> None:
    truth = load_registry()
    load_registry_cached()
    forged_values(only_entry(folder), change)
    began = time.perf_counter()
    assert load_registry_cached() == truth
    assert time.perf_counter() - began < 5


def test_an_entry_that_would_set_attributes_of_the_registrys_classes_changes_nothing(
    folder: Path,
) -> None:
    """A pickle whose BUILD sets `Registry.commitments` to nothing (once served by an unpickler
    that made only the registry's own classes): the entry is MessagePack read against types, so
    no class is ever looked up or changed by name."""
    truth = load_registry()
    load_registry_cached()
    build = (
        b"\x80\x04creportcheck.registry.records\nRegistry\n"  # the class itself
        b"N}\x8c\x0bcommitments)s\x86b."  # BUILD (None, {"commitments": ()}) on it
    )
    before = Registry.__dict__["commitments"]
    forge(only_entry(folder), build, crc_matches=True)
    served = load_registry_cached()
    assert Registry.__dict__["commitments"] is before
    assert served == truth
    assert len(served.commitments) == len(truth.commitments) > 100


def test_a_stored_registry_reads_back_as_its_own_rule_types() -> None:
    truth = load_registry()
    again = decoded(stored_form(truth))
    assert again == truth
    assert again is not None
    assert [type(t.rule) for t in again.targets] == [type(t.rule) for t in truth.targets]
    assert len({type(t.rule) for t in truth.targets}) > 5


def test_msgspec_reads_a_registry_from_its_own_annotations() -> None:
    """No annotation of a registry's records is only for type checkers: msgspec resolves each
    at run time, and reads a rule as the type its tag names."""
    from reportcheck.rules import About

    truth = load_registry()
    info = msgspec.inspect.type_info(Registry)
    assert isinstance(info, msgspec.inspect.StructType)
    as_json = msgspec.json.encode(truth.get("gdp_growth"), enc_hook=str)
    target = msgspec.json.decode(as_json, type=Target, dec_hook=lambda kind, value: kind(value))
    assert isinstance(target.rule, About)
    assert target.due == truth.get("gdp_growth").due  # type: ignore[union-attr]


def _numeric_fields() -> set[tuple[str, str]]:
    """Every field of a registry's records whose type holds a decimal, an integer or a period."""
    found: set[tuple[str, str]] = set()
    seen: set[type] = set()

    def holds_number(kind: msgspec.inspect.Type) -> bool:
        if isinstance(kind, msgspec.inspect.DecimalType | msgspec.inspect.IntType):
            return True
        if isinstance(kind, msgspec.inspect.StructType):
            visit(kind)
            return kind.cls.__name__ == "Period"
        inner: list[msgspec.inspect.Type] = []
        if isinstance(kind, msgspec.inspect.UnionType):
            inner = list(kind.types)
        elif isinstance(kind, msgspec.inspect.TupleType):
            inner = list(kind.item_types)
        elif isinstance(kind, msgspec.inspect.VarTupleType | msgspec.inspect.ListType):
            inner = [kind.item_type]
        elif isinstance(kind, msgspec.inspect.DictType):
            inner = [kind.key_type, kind.value_type]
        held = [holds_number(k) for k in inner]  # every one, so that each struct is visited
        return any(held)

    def visit(struct: msgspec.inspect.StructType) -> None:
        if struct.cls in seen:
            return
        seen.add(struct.cls)
        for field in struct.fields:
            if holds_number(field.type):
                found.add((struct.cls.__name__, field.name))

    root = msgspec.inspect.type_info(Registry)
    assert isinstance(root, msgspec.inspect.StructType)
    visit(root)
    return found


def test_every_number_a_stored_registry_holds_is_bounded_when_read() -> None:
    assert _numeric_fields() == BOUNDED_FIELDS


def test_without_owners_and_modes_the_cache_still_serves(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no os.getuid: entries are still written and served (the folder is the
    user's own profile), never an internal error."""
    monkeypatch.delattr(os, "getuid")
    truth = load_registry_cached()
    assert len(list(folder.glob("registry-*.bin"))) == 1

    def refuse(path: Path | None = None) -> None:
        raise AssertionError("the registry was parsed and checked again")

    monkeypatch.setattr(cache, "load_registry", refuse)
    assert load_registry_cached() == truth


def test_a_write_that_fails_leaves_nothing_behind(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportcheck.model import files

    real = files._stream

    class Full(io.BufferedIOBase):
        """A disk that fills after the first 100 bytes."""

        def __init__(self, fd: int) -> None:
            self.inner = real(fd)
            self.room = 100

        def write(self, data: Any) -> int:
            if len(data) > self.room:
                raise OSError(errno.ENOSPC, "No space left on device")
            self.room -= len(data)
            return self.inner.write(data)

        def fileno(self) -> int:
            return self.inner.fileno()

        def close(self) -> None:
            self.inner.close()
            super().close()

    def full(fd: int) -> Any:
        return Full(fd)

    monkeypatch.setattr(files, "_stream", full)
    assert load_registry_cached() == load_registry()
    assert list(folder.iterdir()) == []


def test_what_a_killed_writer_left_is_removed_in_time(folder: Path) -> None:
    load_registry_cached()
    left = folder / f".registry-0.bin.{'0' * 12}.tmp"
    left.write_bytes(b"partial")
    old = time.time() - cache.STALE_SECONDS - 1
    os.utime(left, (old, old))
    young = folder / f".registry-1.bin.{'1' * 12}.tmp"
    young.write_bytes(b"being written now")
    only_entry(folder).unlink()
    load_registry_cached()
    assert not left.exists()
    assert young.exists()


def test_the_records_of_a_registry_carry_their_annotations_as_objects() -> None:
    """msgspec evaluates string annotations (`from __future__ import annotations`) at the first
    decoding of each start, about a millisecond: the registry's records keep them as objects."""
    import importlib
    import inspect

    modules = {cls.__module__ for cls in _struct_classes()}
    assert {"reportcheck.registry.records", "reportcheck.rules.level"} <= modules
    for name in modules:
        source = inspect.getsource(importlib.import_module(name))
        assert "from __future__ import annotations" not in source, name


def _struct_classes() -> set[type]:
    found: set[type] = set()
    pending: list[msgspec.inspect.Type] = [msgspec.inspect.type_info(Registry)]
    while pending:
        kind = pending.pop()
        if isinstance(kind, msgspec.inspect.StructType):
            if kind.cls in found:
                continue
            found.add(kind.cls)
            pending.extend(field.type for field in kind.fields)
        elif isinstance(kind, msgspec.inspect.UnionType):
            pending.extend(kind.types)
        elif isinstance(kind, msgspec.inspect.TupleType):
            pending.extend(kind.item_types)
        elif isinstance(kind, msgspec.inspect.VarTupleType | msgspec.inspect.ListType):
            pending.append(kind.item_type)
        elif isinstance(kind, msgspec.inspect.DictType):
            pending.append(kind.value_type)
    return found


def test_an_edited_second_text_is_a_miss(folder: Path, tmp_path: Path) -> None:
    """A registry quoting two texts (report.texts) is served from the cache only while both are
    unchanged: an edit to the full text makes its quotes be checked again."""
    import shutil

    from reportcheck.registry.shipped import default_registry_path

    shipped = default_registry_path().resolve()
    copy = tmp_path / "data"
    copy.mkdir()
    shutil.copy(shipped, copy / "targets.yaml")
    shutil.copytree(shipped.parent.parent / "seeds", tmp_path / "seeds")
    first = load_registry_cached(copy / "targets.yaml")
    full = tmp_path / "seeds" / "huzhou-2023.md"
    text = full.read_text(encoding="utf-8")
    quote = next(
        t.quote
        for t in first.targets
        if t.quote in text
        and t.quote
        not in ((tmp_path / "seeds" / "000_2ae2d6b944143d98.txt").read_text(encoding="utf-8"))
    )
    full.write_text(text.replace(quote, "（删去）"), encoding="utf-8")
    from reportcheck.model.problems import RegistryError

    with pytest.raises(RegistryError):
        load_registry_cached(copy / "targets.yaml")
