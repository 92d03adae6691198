"""Words have one owner: the judge and the rules return codes, numbers and formulas, and
`reportcheck.output` says them. A Chinese phrase written in review/ or rules/ would be a second
copy of a word that the vocabulary already holds, or a word English readers never get."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

import reportcheck
from reportcheck.model.units import UNITS

PACKAGE = Path(reportcheck.__file__).parent
CJK = re.compile(r"[\u4e00-\u9fff]")


def _docstrings(tree: ast.AST) -> set[int]:
    kinds = (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, kinds) and node.body and isinstance(node.body[0], ast.Expr):
            found.add(id(node.body[0].value))
    return found


def chinese_literals(layer: str) -> list[str]:
    """Every string literal with a Chinese character in the layer's code, docstrings aside."""
    said = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docs = _docstrings(tree)
        for node in ast.walk(tree):
            if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
                continue
            if id(node) not in docs and CJK.search(node.value):
                said.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value}")
    return said


@pytest.mark.parametrize("layer", ["review", "rules"])
def test_the_judge_and_the_rules_write_no_words_only_unit_names(layer: str) -> None:
    words = [line for line in chinese_literals(layer) if line.rsplit(": ", 1)[1] not in UNITS]
    assert words == []


def test_the_scan_finds_a_word_where_one_is_written() -> None:
    assert any(line.endswith(": 基期") for line in chinese_literals("output"))
