"""The registry cache serves only an entry it can verify, from a folder only this user writes."""

from __future__ import annotations

import os
import pickle
import shutil
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportcheck.registry.cache import load_registry_cached, pickled
from reportcheck.registry.load import load_registry
from reportcheck.registry.records import Registry
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
    """Replace the stored registry by `payload` (default: the registry with gdp_growth's
    tolerance of 0.5 made 3), as someone editing the file would; with `crc_matches`, its CRC-32 is
    made to match as well."""
    *kept, crc, old = pickle.loads(entry.read_bytes())
    if payload is None:
        payload = pickled(_edited_registry(entry.parent.parent / "forged"))
    assert payload != old
    entry.write_bytes(pickle.dumps((*kept, zlib.crc32(payload) if crc_matches else crc, payload)))


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
