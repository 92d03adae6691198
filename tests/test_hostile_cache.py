"""The registry cache serves only an entry it can verify, from a folder only this user writes."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportcheck.cache import load_registry_cached
from reportcheck.registry import default_registry_path, load_registry

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
    (entry,) = folder.glob("registry-*.json")
    return entry


def forge(entry: Path) -> None:
    """Change gdp_growth's stored 6 ± 0.5 to 1 ± 0.1, as someone editing the file would."""
    stored = json.loads(entry.read_text(encoding="utf-8"))
    tree = json.loads(stored["tree"])
    (targets,) = [value for key, _, value in tree["items"] if key == "targets"]
    for target in targets:
        fields = {key: item for item in target["items"] for key in item[:1]}
        if fields["id"][2] == "gdp_growth":
            fields["value"][2] = 1
            fields["tolerance"][2] = {"float": "0.1"}
    stored["tree"] = json.dumps(tree, ensure_ascii=False)
    entry.write_text(json.dumps(stored, ensure_ascii=False), encoding="utf-8")


def gdp_rule(path: Path | None = None) -> object:
    return load_registry_cached(path).get("gdp_growth")


def test_an_edited_entry_is_not_served(folder: Path) -> None:
    truth = gdp_rule()
    entry = only_entry(folder)
    before = entry.read_bytes()
    forge(entry)
    assert entry.read_bytes() != before
    assert gdp_rule() == truth


@settings(max_examples=30, deadline=None)
@given(st.integers(min_value=0), st.integers(min_value=0, max_value=255))
def test_any_changed_byte_is_a_miss_never_a_wrong_rule(position: int, byte: int) -> None:
    folder = Path(os.environ["REPORTCHECK_CACHE_DIR"])
    truth = load_registry()
    load_registry_cached()
    for entry in folder.glob("registry-*.json"):
        data = bytearray(entry.read_bytes())
        data[position % len(data)] = byte
        entry.write_bytes(bytes(data))
    assert load_registry_cached() == truth


def test_an_entry_linked_or_copied_from_another_registry_is_not_served(
    folder: Path, copy: Callable[[str, str], Path]
) -> None:
    first, second = copy("a", "甲市报告"), copy("b", "乙市报告")
    load_registry_cached(first)
    entry_a = only_entry(folder)
    load_registry_cached(second)
    (entry_b,) = set(folder.glob("registry-*.json")) - {entry_a}
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
    assert len(list(folder.glob("registry-*.json"))) == 1  # nothing written there either


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
