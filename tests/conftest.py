"""Shared fixtures. Paths are found from this file, never from the working directory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from typer.testing import CliRunner

from reportcheck.cli.app import app
from reportcheck.registry.load import load_registry
from reportcheck.registry.records import Registry

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
HEADER = "id,period,value\n"


@dataclass(frozen=True)
class Run:
    exit_code: int
    stdout: str
    stderr: str


@pytest.fixture(scope="session", autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Registry cache entries go to a folder of this run, never to the user's cache."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("REPORTCHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="session")
def registry() -> Registry:
    return load_registry()


def _runner() -> Callable[..., Run]:
    """Run reportcheck in-process with a pinned width and no colour."""

    def run(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> Run:
        runner = CliRunner()
        result = runner.invoke(
            app,
            list(args),
            input=stdin,
            # The language follows the locale; tests pin an English one unless they set their own.
            env={
                "COLUMNS": "200",
                "NO_COLOR": "1",
                "REPORTCHECK_ACTUALS": "",
                "REPORTCHECK_LANG": "",
                "LANG": "en_US.UTF-8",
                "LC_ALL": "",
                "LC_MESSAGES": "",
                **(env or {}),
            },
        )
        if result.exception is not None and not isinstance(result.exception, SystemExit):
            raise result.exception
        return Run(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def cli() -> Callable[..., Run]:
    """Run reportcheck in-process with a pinned width, no colour and an English locale."""
    return _runner()


@pytest.fixture
def cli_en() -> Callable[..., Run]:
    """The same, for modules whose `cli` reads Chinese."""
    return _runner()


@pytest.fixture
def cli_zh() -> Callable[..., Run]:
    """reportcheck run in-process under a Chinese locale: names, tables and messages in Chinese,
    as an analyst's machine shows them."""
    english = _runner()

    def run(*args: str, env: dict[str, str] | None = None, stdin: bytes | None = None) -> Run:
        return english(*args, env={"LANG": "zh_CN.UTF-8", **(env or {})}, stdin=stdin)

    return run


@pytest.fixture
def write(tmp_path: Path) -> Callable[..., Path]:
    """Write `text` (encoded as asked) to a file in a fresh folder and return its path."""

    def write_file(text: str, name: str = "actuals.csv", encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        path.write_bytes(text.encode(encoding))
        return path

    return write_file
