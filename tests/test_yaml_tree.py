"""The parsed registry tree as the cache stores it: data and lines, back exactly as parsed."""

from __future__ import annotations

import json

import pytest

from reportcheck.errors import RegistryError
from reportcheck.yamlnodes import Node, from_plain, parse_yaml, to_plain

TEXT = """\
report: {year: 2023, ok: true, gone: ~}
targets:
  - id: a
    value: 6.5
    values: [1, 2.25, "3/4"]
    nested: {deeper: {deepest: x}}
"""


def test_a_tree_comes_back_with_its_values_and_lines() -> None:
    tree, problems = parse_yaml(TEXT, "t.yaml")
    assert problems == []
    stored = json.loads(json.dumps(to_plain(tree)))
    back = from_plain(stored)
    assert back == tree
    assert isinstance(back, Node)
    assert back.line == 1
    assert back.key_lines == {"report": 1, "targets": 2}
    entry = back["targets"][0]
    assert (entry.line, entry.key_lines["values"], entry["value"]) == (3, 5, 6.5)
    assert entry["values"] == [1, 2.25, "3/4"]
    assert entry["nested"]["deeper"]["deepest"] == "x"
    assert back["report"] == {"year": 2023, "ok": True, "gone": None}
    assert type(back["report"]["ok"]) is bool


def test_values_json_cannot_hold_exactly_are_not_stored() -> None:
    tree, _ = parse_yaml("when: 2023-02-27\n", "t.yaml")
    with pytest.raises(TypeError):
        to_plain(tree)
    with pytest.raises(TypeError):
        to_plain({"x": float("nan")})


def test_a_stored_float_is_marked_so_no_string_is_read_as_one() -> None:
    assert to_plain(0.5) == {"float": "0.5"}
    assert from_plain({"float": "0.5"}) == 0.5
    assert from_plain("0.5") == "0.5"
    assert from_plain({"line": 1, "items": [["float", 1, "x"]]}) == {"float": "x"}


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
