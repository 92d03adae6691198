"""The README's commands are the ones CI runs and the ones that work."""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable

import pytest

from .conftest import REPO, Run


def readme() -> str:
    return (REPO / "README.md").read_text(encoding="utf-8")


def test_ci_runs_the_readme_test_command() -> None:
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    match = re.search(r"<!-- test-command -->\n```sh\n(.+?)\n```", readme(), re.S)
    assert match is not None
    for line in match.group(1).splitlines():
        assert line in ci


def test_readme_reportcheck_commands_run(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    commands = [
        c
        for block in re.findall(r"```console\n(.+?)```", readme(), re.S)
        for c in re.findall(r"^\$ reportcheck (.+)$", block, re.M)
    ]
    assert len(commands) >= 5
    for command in commands:
        args = shlex.split(command.split(" >")[0].split(" |")[0].split(";")[0])
        result = cli(*args)
        assert result.exit_code in (0, 1), (command, result.stderr)


def test_readme_shows_what_bad_input_gives(
    cli: Callable[..., Run], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(REPO)
    match = re.search(
        r"<!-- bad-input -->\n```text\n\$ reportcheck (.+?)\n(.+?)```", readme(), re.S
    )
    assert match is not None
    result = cli(*shlex.split(match.group(1)))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == match.group(2)


def test_the_layout_section_is_the_tree_as_it_stands() -> None:
    """Every package and module, and nothing else, with its docstring's first sentence."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("layout", REPO / "tools" / "layout.py")
    assert spec is not None
    assert spec.loader is not None
    layout = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(layout)
    stated = readme().split("<!-- layout -->\n", 1)[1].split("<!-- /layout -->\n", 1)[0]
    assert stated == layout.render()
    modules = {
        path.name
        for path in (REPO / "src" / "reportcheck").rglob("*.py")
        if path.name != "__init__.py" and "__pycache__" not in path.parts
    }
    assert {name for name in modules if f"`{name}`" not in stated} == set()
    assert all(line.split(" — ", 1)[1].strip() for line in stated.splitlines())
