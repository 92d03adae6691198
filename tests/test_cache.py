"""A registry read back from the cache is the registry the YAML gives, and never a stale one."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import msgspec
import pytest

from reportcheck.model.problems import RegistryError
from reportcheck.registry import cache
from reportcheck.registry.cache import load_registry_cached
from reportcheck.registry.records import Registry

from .test_registry_validation import GOOD_ENTRY, SEED, registry_text


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "cache"
    monkeypatch.setenv("REPORTCHECK_CACHE_DIR", str(path))
    monkeypatch.delenv("REPORTCHECK_NO_CACHE", raising=False)
    return path


@pytest.fixture
def own(tmp_path: Path) -> Callable[..., Path]:
    """A registry file and its seed in a folder of the test's own."""

    def make(text: str = registry_text(), seed: str = SEED, name: str = "targets.yaml") -> Path:
        (tmp_path / "seed.txt").write_text(seed, encoding="utf-8")
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        return path

    return make


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("registry-*.bin"))


def loading_forbidden(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(path: Path | None = None) -> None:
        raise AssertionError("the registry was parsed and checked again")

    monkeypatch.setattr(cache, "load_registry", refuse)


def test_a_second_load_neither_parses_nor_checks_again(
    folder: Path, monkeypatch: pytest.MonkeyPatch, registry: Registry
) -> None:
    first = load_registry_cached()
    assert first == registry
    assert len(entries(folder)) == 1
    loading_forbidden(monkeypatch)
    assert load_registry_cached() == registry
    assert load_registry_cached().get("gdp_growth") == registry.get("gdp_growth")


def test_an_edited_registry_is_loaded_afresh(folder: Path, own: Callable[..., Path]) -> None:
    path = own()
    assert load_registry_cached(path).targets[0].tolerance == Decimal("0.5")
    own(registry_text(GOOD_ENTRY.replace("tolerance: 0.5", "tolerance: 0.3")))
    assert load_registry_cached(path).targets[0].tolerance == Decimal("0.3")
    assert len(entries(folder)) == 2


def test_an_edited_seed_is_checked_again(folder: Path, own: Callable[..., Path]) -> None:
    path = own()
    load_registry_cached(path)
    own(seed=SEED.replace("增长6%左右", "增长6.5%左右"))
    with pytest.raises(RegistryError) as caught:
        load_registry_cached(path)
    assert [p.code for p in caught.value.problems] == ["registry-quote-not-in-report"]


def test_a_registry_elsewhere_is_its_own_entry(folder: Path, own: Callable[..., Path]) -> None:
    first = load_registry_cached(own())
    second = load_registry_cached(own(name="copy.yaml"))
    assert (first.path.name, second.path.name) == ("targets.yaml", "copy.yaml")
    assert len(entries(folder)) == 2


def test_changed_code_does_not_read_old_entries(
    folder: Path, own: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    path = own()
    monkeypatch.setattr(cache, "_code_stamp", lambda: "before")
    load_registry_cached(path)
    monkeypatch.setattr(cache, "_code_stamp", lambda: "after")
    load_registry_cached(path)
    assert len(entries(folder)) == 2


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b'{"identity": null}\n',
        b'{"identity": {}, "sizes": [0, 0, 0]}\n',
        b"\x80\x05N.",  # a pickle without a header
    ],
)
def test_a_damaged_entry_is_a_miss_and_is_rewritten(
    folder: Path, own: Callable[..., Path], damage: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = own()
    expected = load_registry_cached(path)
    [entry] = entries(folder)
    entry.write_bytes(damage)
    assert load_registry_cached(path) == expected
    loading_forbidden(monkeypatch)  # the entry was written again, whole
    assert load_registry_cached(path) == expected


def test_a_truncated_entry_is_a_miss(folder: Path, own: Callable[..., Path]) -> None:
    path = own()
    expected = load_registry_cached(path)
    [entry] = entries(folder)
    entry.write_bytes(entry.read_bytes()[:-1])
    assert load_registry_cached(path) == expected


def test_the_entry_holds_the_registry_and_its_report_byte_for_byte(
    folder: Path, own: Callable[..., Path]
) -> None:
    path = own()
    load_registry_cached(path)
    [entry] = entries(folder)
    stored = msgspec.msgpack.decode(entry.read_bytes(), type=cache.Entry)
    seed = path.parent / "seed.txt"
    assert stored.registry == path.read_bytes()
    assert stored.texts == {str(seed.resolve()): seed.read_bytes()}


def test_the_code_stamp_changes_with_a_module_in_any_folder(tmp_path: Path) -> None:
    package = tmp_path / "package"
    (package / "rules").mkdir(parents=True)
    (package / "__pycache__").mkdir()
    (package / "cli.py").write_text("a = 1\n", encoding="utf-8")
    (package / "rules" / "level.py").write_text("b = 1\n", encoding="utf-8")
    before = cache._code_stamp(package)
    (package / "__pycache__" / "cli.cpython.pyc").write_bytes(b"compiled")
    assert cache._code_stamp(package) == before  # byte-code written by Python is no edit
    (package / "rules" / "level.py").write_text("b = 22\n", encoding="utf-8")
    assert cache._code_stamp(package) != before


def test_a_refused_registry_is_never_stored(folder: Path, own: Callable[..., Path]) -> None:
    path = own(registry_text(GOOD_ENTRY.replace('unit: "%"', "unit: 度")))
    for _ in range(2):
        with pytest.raises(RegistryError):
            load_registry_cached(path)
    assert entries(folder) == []


def test_an_unwritable_cache_only_costs_time(
    tmp_path: Path, own: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("REPORTCHECK_CACHE_DIR", str(blocker / "cache"))
    path = own()
    assert load_registry_cached(path) == load_registry_cached(path)


def test_no_cache_means_nothing_is_written(
    folder: Path, own: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORTCHECK_NO_CACHE", "1")
    load_registry_cached(own())
    assert not folder.exists()


def test_old_entries_are_removed(
    folder: Path, own: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cache, "KEEP", 2)
    for tolerance in ("0.1", "0.2", "0.3", "0.4"):
        load_registry_cached(own(registry_text(GOOD_ENTRY.replace("0.5", tolerance))))
    assert len(entries(folder)) == 2


def test_the_default_folder_is_the_user_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    import platformdirs

    monkeypatch.delenv("REPORTCHECK_CACHE_DIR")
    monkeypatch.delenv("REPORTCHECK_NO_CACHE", raising=False)
    assert cache.cache_dir() == platformdirs.user_cache_path("reportcheck", appauthor=False)


def test_a_registry_the_stored_form_would_change_is_not_stored(
    folder: Path, own: Callable[..., Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    """An entry is only ever the very registry a full load gives: one that would read back
    otherwise (a value the stored form cannot hold exactly) is not written."""
    monkeypatch.setattr(cache, "decoded", lambda payload: None)
    load_registry_cached(own())
    assert entries(folder) == []
