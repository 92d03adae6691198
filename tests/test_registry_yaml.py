"""Every reader of a registry, `lint` included, reads YAML within the same limits: a regular file
of at most 2 MiB, nesting of at most MAX_DEPTH levels, no anchors, aliases or tags, numbers
exactly as written; what is beyond them is one clear error, never a RecursionError or a hang."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path

import pytest

from reportcheck.model import limits
from reportcheck.model.problems import RegistryError
from reportcheck.output.catalogue import one_line
from reportcheck.registry.lint import lint_registry
from reportcheck.registry.load import load_registry
from reportcheck.registry.schema import MAX_DEPTH
from reportcheck.registry.yamlnodes import parse_yaml


def refused_alike(path: Path) -> list[str]:
    """What the loader refuses `path` for, which is what `lint` reports of it."""
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    said = [one_line(p) for p in caught.value.problems]
    assert [one_line(p) for p in lint_registry(path).problems] == said
    return said


@pytest.mark.parametrize(
    "text",
    [
        "targets: " + "[" * 1000 + "]" * 1000 + "\n",
        "targets: " + "[" * 100_000,  # refused after reading MAX_DEPTH levels, not parsed whole
        "targets: " + "{a: " * 1000 + "b" + "}" * 1000 + "\n",
        "".join(" " * depth + f"k{depth}:\n" for depth in range(1000)),
    ],
    ids=["1000-lists", "100000-lists", "1000-mappings", "1000-indented"],
)
def test_deep_nesting_is_one_clear_error(tmp_path: Path, text: str) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text(text, encoding="utf-8")
    [said] = refused_alike(path)
    line = 1 if text.startswith("targets") else MAX_DEPTH + 1
    ours = f"{path}:{line}: nests deeper than {MAX_DEPTH} levels; a registry never needs more"
    # libyaml's own limit of flow nesting may answer first, in words of its own
    libyaml = f"{path}:1: is not valid YAML: exceeded maximum nesting depth"
    assert said in (f"{ours} [registry-yaml]", f"{libyaml} [registry-yaml]")


@pytest.mark.parametrize(
    ("text", "line", "said"),
    [
        ("a: &x 1\nb: *x\n", 1, "uses the YAML anchor or alias x"),
        ("report: !!python/object/apply:os.system ['true']\n", 1, "uses the YAML tag"),
        ("report: !!set {a, b}\n", 1, "uses the YAML tag tag:yaml.org,2002:set"),
        ("report: !custom 1\n", 1, "uses the YAML tag !custom"),
        ("a: 1\n---\nb: 2\n", 2, "holds more than one YAML document"),
        ("a: [1,\nb: 2\n", 3, "is not valid YAML"),
    ],
)
def test_yaml_that_is_not_plain_data_is_refused_at_its_line(
    tmp_path: Path, text: str, line: int, said: str
) -> None:
    path = tmp_path / "t.yaml"
    path.write_text(text, encoding="utf-8")
    [problem] = refused_alike(path)
    assert problem.startswith(f"{path}:{line}: {said}")
    assert problem.endswith("[registry-yaml]")


def test_lint_has_the_loaders_size_limit(tmp_path: Path) -> None:
    """A 6.4 MB registry is refused before it is read, by lint as by every command."""
    path = tmp_path / "big.yaml"
    entry = "  - {id: a, section: 二, quote: 地区生产总值增长6%左右, name_zh: x, name_en: x}\n"
    path.write_text("targets:\n" + entry * (6_400_000 // len(entry.encode())), encoding="utf-8")
    assert path.stat().st_size > limits.MAX_REGISTRY_BYTES
    assert refused_alike(path) == [
        f"{path}: is too large: a registry may be at most 2 MiB [registry-unreadable]"
    ]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_lint_never_reads_a_device(tmp_path: Path) -> None:
    assert refused_alike(Path("/dev/zero")) == [
        "/dev/zero: is not a regular file (a pipe or a device); a registry must be one "
        "[registry-unreadable]"
    ]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX pipes")
def test_lint_never_waits_on_a_pipe(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "r.yaml")
    [said] = refused_alike(tmp_path / "r.yaml")
    assert said.endswith(
        "is not a regular file (a pipe or a device); a registry must be one [registry-unreadable]"
    )


def test_a_registry_that_is_not_utf8_is_refused_alike(tmp_path: Path) -> None:
    path = tmp_path / "latin.yaml"
    path.write_bytes(b"report: \xff\n")
    assert refused_alike(path) == [f"{path}: is not UTF-8 text (byte 8) [registry-unreadable]"]


def test_numbers_are_read_exactly_as_written() -> None:
    data, problems = parse_yaml(
        "a: 6.123456789012345678\nb: 1_000\nc: 0.1\nd: 1.5e+3\ne: 0x1F\nf: '6.5'\n", "t.yaml"
    )
    assert problems == []
    assert data == {
        "a": Decimal("6.123456789012345678"),
        "b": 1000,
        "c": Decimal("0.1"),
        "d": Decimal("1.5E+3"),
        "e": 31,
        "f": "6.5",
    }
