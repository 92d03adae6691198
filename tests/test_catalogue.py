"""Every problem is said from one template per language, and each template is complete.

The source is read for the places that raise problems: `problem(code, variant, ..., **params)`
and the small wrappers that forward their code to it. Each key they raise has a Chinese and an
English template with the same placeholders, each filled by the raiser's parameters or by the
problem's own location.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from reportcheck.model.problems import Term, problem
from reportcheck.output import catalogue
from reportcheck.output.catalogue import (
    LOCATION_FIELDS,
    TEMPLATES,
    message,
    one_line,
    placeholders,
    problem_line,
)

SRC = Path(__file__).resolve().parents[1] / "src" / "reportcheck"


class Site:
    def __init__(self, where: str, keys: list[str], params: set[str] | None) -> None:
        self.where, self.keys, self.params = where, keys, params


def _literals(node: ast.expr | None) -> list[str] | None:
    """The strings a code or variant argument can be: a literal, or `a if c else b`."""
    if node is None:
        return [""]
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, ast.IfExp):
        body, orelse = _literals(node.body), _literals(node.orelse)
        return None if body is None or orelse is None else body + orelse
    return None


def _wrappers(trees: dict[str, ast.Module]) -> set[str]:
    """Functions that take a code and forward it to problem() with their own parameters."""
    names = {"problem"}
    for tree in trees.values():
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.name != "problem":
                for call in ast.walk(node):
                    if (
                        isinstance(call, ast.Call)
                        and _name(call) == "problem"
                        and call.args
                        and isinstance(call.args[0], ast.Name)
                    ):
                        names.add(node.name)
    return names


def _name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def raise_sites() -> Iterator[Site]:
    trees = {
        path.relative_to(SRC).as_posix(): ast.parse(path.read_text(encoding="utf-8"))
        for path in sorted(SRC.rglob("*.py"))
    }
    wrappers = _wrappers(trees)
    for name, tree in trees.items():
        for call in ast.walk(tree):
            if not isinstance(call, ast.Call) or _name(call) not in wrappers or not call.args:
                continue
            codes = _literals(call.args[0])
            if codes is None:
                continue  # a wrapper forwarding its own code: its callers are the sites
            variant = next((k.value for k in call.keywords if k.arg == "variant"), None)
            if variant is None and _name(call) == "problem" and len(call.args) > 1:
                variant = call.args[1]
            variants = _literals(variant) or [""]
            keys = [f"{c}/{v}" if v else c for c in codes for v in variants]
            forwarded = any(k.arg in (None, "params") for k in call.keywords)
            params = None if forwarded else {k.arg for k in call.keywords if k.arg}
            yield Site(f"{name}:{call.lineno}", keys, params)


SITES = list(raise_sites())


def test_the_source_is_read_for_raise_sites() -> None:
    keys = {key for site in SITES for key in site.keys}
    assert {"rate-beyond-100", "unit-suspect/much", "unit-suspect/little"} <= keys


@pytest.mark.parametrize("site", SITES, ids=[s.where for s in SITES])
def test_every_raised_key_has_a_template_its_parameters_fill(site: Site) -> None:
    for key in site.keys:
        assert key in TEMPLATES, f"{site.where}: no template for {key}"
        if site.params is not None:
            missing = placeholders(TEMPLATES[key][1]) - site.params - LOCATION_FIELDS
            assert not missing, f"{site.where}: {key} lacks {sorted(missing)}"


@pytest.mark.parametrize("key", sorted(TEMPLATES))
def test_each_template_says_the_same_in_both_languages(key: str) -> None:
    zh, en = TEMPLATES[key]
    assert zh.strip()
    assert en.strip()
    assert placeholders(zh) == placeholders(en)
    assert en.isascii() or any(ord(c) > 0x2FFF for c in zh)


def test_a_change_to_one_language_changes_only_that_language(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    doubt = problem("rate-beyond-100", file="a.csv", line=3, value="120", id="gdp_growth")
    english = message(doubt, "en")
    zh, en = TEMPLATES["rate-beyond-100"]
    monkeypatch.setitem(catalogue.TEMPLATES, "rate-beyond-100", (zh + "(改)", en))
    assert message(doubt, "zh").endswith("(改)")
    assert message(doubt, "en") == english


def test_a_term_is_said_in_the_readers_language(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(catalogue.TEMPLATES, "example", ("{where}:坏了", "{where}: broken"))
    found = problem("example", where=Term("target-baseline", "gdp_growth"))
    assert message(found, "zh") == "目标 gdp_growth 的基期:坏了"
    assert message(found, "en") == "target gdp_growth baseline: broken"


def test_a_problem_line_says_where_what_and_the_code() -> None:
    doubt = problem(
        "rate-beyond-100", file="a.csv", line=3, column="value", value="120", id="gdp_growth"
    )
    assert one_line(doubt) == (
        "a.csv:3: column value: gdp_growth is 120%, beyond ±100%; check that it was typed as a "
        "percentage [rate-beyond-100]"
    )
    assert problem_line(doubt, "zh") == (
        "reportcheck: 错误: a.csv:3: value 列: gdp_growth 为 120%,超出 ±100%,请核对是否录错 "
        "[rate-beyond-100]"
    )
