"""The parsed registry tree as the cache stores it: data and lines, back exactly as parsed."""

from __future__ import annotations

import pytest

from reportcheck.model.problems import RegistryError
from reportcheck.registry.yamlnodes import Node, parse_yaml

TEXT = """\
report: {year: 2023, ok: true, gone: ~}
targets:
  - id: a
    value: 6.5
    values: [1, 2.25, "3/4"]
    nested: {deeper: {deepest: x}}
"""


def test_a_tree_has_its_values_and_lines() -> None:
    back, problems = parse_yaml(TEXT, "t.yaml")
    assert problems == []
    assert isinstance(back, Node)
    assert back.line == 1
    assert back.key_lines == {"report": 1, "targets": 2}
    entry = back["targets"][0]
    assert (entry.line, entry.key_lines["values"], entry["value"]) == (3, 5, 6.5)
    assert entry["values"] == [1, 2.25, "3/4"]
    assert entry["nested"]["deeper"]["deepest"] == "x"
    assert back["report"] == {"year": 2023, "ok": True, "gone": None}
    assert type(back["report"]["ok"]) is bool


def test_duplicate_and_unhashable_keys_are_problems_with_their_lines() -> None:
    _, problems = parse_yaml("a: 1\nb: 2\na: 3\n[x]: 4\n", "t.yaml")
    assert [(p.code, p.line) for p in problems] == [
        ("registry-duplicate-key", 3),
        ("registry-shape", 4),
    ]


def test_invalid_yaml_names_its_line() -> None:
    with pytest.raises(RegistryError) as caught:
        parse_yaml("a: [1,\nb: 2\n", "t.yaml")
    assert [(p.code, p.line) for p in caught.value.problems] == [("registry-yaml", 3)]
