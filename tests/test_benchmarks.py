"""Each benchmark measures what its label says: its inputs are accepted or refused as labelled.

A benchmark of "a typical month" that reportcheck refuses, or of "rows at the limit" that are
one row beyond it, would time an error message. The inputs of benchmarks/memory.py,
benchmarks/startup.py and benchmarks/draft_speed.py are made here and given to reportcheck.
"""

from __future__ import annotations

import importlib
import os
import sys
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from reportcheck.actuals import read_actuals, table_paths
from reportcheck.model import limits
from reportcheck.model.problems import UsageError
from reportcheck.registry.draft import draft_registry
from reportcheck.registry.records import Registry

from .conftest import REPO, Run

Cli = Callable[..., Run]
BENCHMARKS = REPO / "benchmarks"


@pytest.fixture(scope="module")
def benchmarks() -> Iterator[None]:
    sys.path.insert(0, str(BENCHMARKS))
    yield
    sys.path.remove(str(BENCHMARKS))


def module(name: str) -> ModuleType:
    return importlib.import_module(name)


def memory_cases() -> list[Any]:
    sys.path.insert(0, str(BENCHMARKS))
    try:
        return list(importlib.import_module("memory").CASES)
    finally:
        sys.path.remove(str(BENCHMARKS))


CASES = memory_cases()


@pytest.mark.usefixtures("benchmarks")
@pytest.mark.parametrize(
    "case", [c for c in CASES if not c.heavy], ids=[c.label for c in CASES if not c.heavy]
)
def test_each_memory_benchmark_input_is_accepted_or_refused_as_labelled(
    case: Any, cli: Cli, tmp_path: Path
) -> None:
    args = case.make(tmp_path)
    result = cli(*args)
    if case.accepted:
        assert result.exit_code in (0, 1), result.stderr
        assert "error" not in result.stderr, result.stderr
    else:
        assert result.exit_code == 2, result.stderr


@pytest.mark.usefixtures("benchmarks")
def test_the_typical_month_is_every_id_of_the_registry(tmp_path: Path, registry: Registry) -> None:
    memory = module("memory")
    memory.typical_month(tmp_path)
    data = read_actuals(table_paths(tmp_path / "2023-06.csv"), registry)
    assert len(data.actuals) == len(registry.targets) > 100
    assert not data.warnings
    assert f"{len(registry.targets)} rows" in memory.CASES[0].label


@pytest.mark.usefixtures("benchmarks")
def test_the_limit_sized_inputs_are_at_the_limit_not_beyond(tmp_path: Path) -> None:
    memory = module("memory")
    memory.rows_at_the_limit(tmp_path)
    lines = (tmp_path / "limit.csv").read_text(encoding="utf-8").count("\n")
    assert lines == limits.MAX_ROWS
    memory.widest_csv(tmp_path)
    widest = tmp_path / "widest.csv"
    assert widest.read_text(encoding="utf-8").count("\n") == limits.MAX_ROWS
    assert widest.stat().st_size <= limits.MAX_FILE_BYTES
    assert limits.MAX_FILE_BYTES - widest.stat().st_size < limits.MAX_FILE_BYTES // 10


@pytest.mark.usefixtures("benchmarks")
def test_a_folder_at_the_run_limit_is_within_it(tmp_path: Path, registry: Registry) -> None:
    memory = module("memory")
    args = memory.folder_at_the_run_limit(tmp_path)
    files = sorted(Path(args[-1]).iterdir())
    rows = sum(p.read_text(encoding="utf-8").count("\n") - 1 for p in files)
    assert limits.MAX_RUN_ROWS - limits.MAX_ROWS < rows <= limits.MAX_RUN_ROWS
    data = read_actuals(table_paths(Path(args[-1])), registry)
    assert data.actuals


@pytest.mark.usefixtures("benchmarks")
def test_the_start_up_benchmarks_month_and_year_are_read_whole(
    tmp_path: Path, registry: Registry
) -> None:
    month, year = module("startup").make_data(tmp_path)
    assert len(read_actuals(table_paths(month), registry).actuals) == len(registry.targets)
    assert len(read_actuals(table_paths(year), registry).actuals) == 12 * len(registry.targets)


@pytest.mark.usefixtures("benchmarks")
def test_the_start_up_benchmarks_workbooks_are_read_whole(
    tmp_path: Path, registry: Registry
) -> None:
    month, year = module("startup").make_workbooks(tmp_path)
    assert month.suffix == ".xlsx"
    with zipfile.ZipFile(month) as book:  # as Excel saves: text in the shared strings
        assert "xl/sharedStrings.xml" in book.namelist()
        assert b"inlineStr" not in book.read("xl/worksheets/sheet1.xml")
    data = read_actuals(table_paths(year), registry)
    assert len(data.actuals) == 12 * len(registry.targets)
    assert not data.warnings
    assert len(read_actuals(table_paths(month), registry).actuals) == len(registry.targets)


@pytest.mark.usefixtures("benchmarks")
def test_the_draft_benchmarks_spread_texts_draft_whole() -> None:
    """The texts drafted whole at 8 MiB are drafted whole at a tenth of that too; the ones made
    to pass a limit are refused at 8 MiB."""
    drafts = module("draft_speed").CASES
    spread = draft_registry(
        drafts["a commitment in every 2 KB"](limits.MAX_REPORT_BYTES // 10), seed="r.txt"
    )
    assert spread.commitments > 300
    with pytest.raises(UsageError):
        draft_registry(
            drafts["clauses with figures (新增企业5家,)"](limits.MAX_REPORT_BYTES), seed="r.txt"
        )


_LOADED = """
import json, sys
if sys.argv[1] == "-c":
    exec(sys.argv[2])
else:
    from reportcheck.cli.app import main
    sys.argv = ["reportcheck", *json.loads(sys.argv[1])]
    try:
        main()
    except SystemExit:
        pass
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""


def _loaded(args: list[str], cwd: Path, env: dict[str, str] | None = None) -> set[str]:
    import json
    import os
    import subprocess

    env = {**(os.environ if env is None else env), "COLUMNS": "120", "REPORTCHECK_ACTUALS": ""}
    given = args if args[0] == "-c" else [json.dumps(args)]
    done = subprocess.run(
        [sys.executable, "-c", _LOADED, *given],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    modules: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return set(modules)


@pytest.mark.usefixtures("benchmarks")
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="XDG_CACHE_HOME is Linux's")
def test_the_start_up_benchmark_finds_the_cache_as_a_users_run_finds_it(tmp_path: Path) -> None:
    """Through the user cache folder, importing platformdirs as every user's run does, not
    through REPORTCHECK_CACHE_DIR, which spares that import."""
    import os

    folder = tmp_path / "cache"
    env = {k: v for k, v in os.environ.items() if k != "REPORTCHECK_CACHE_DIR"}
    env.update(module("startup").cache_env(folder))
    assert "REPORTCHECK_CACHE_DIR" not in env
    assert "platformdirs" in _loaded(["targets", "-f", "json"], tmp_path, env)
    assert list((folder / "reportcheck").iterdir())  # the registry cached there


@pytest.mark.parametrize(
    ("floor", "commands"),
    [
        (
            "LIGHT_FLOOR",
            [["--help"], ["targets", "-f", "json"], ["template", "--period", "2023-06"]],
        ),
        ("TABLE_FLOOR", [["targets"], ["show", "graduates"], ["status"]]),
    ],
)
def test_each_floor_imports_only_what_its_commands_import(
    benchmarks: None, tmp_path: Path, floor: str, commands: list[list[str]]
) -> None:
    """A floor that imported more than its commands would make their ratios look better."""
    statement = getattr(module("startup"), floor)
    floor_modules = _loaded(["-c", statement], tmp_path)
    for args in commands:
        _loaded(args, tmp_path)  # the registry cache filled, as in the benchmark
        assert floor_modules - _loaded(args, tmp_path) == set(), args


@pytest.mark.usefixtures("benchmarks")
def test_the_excel_and_word_floors_import_only_what_their_commands_import(tmp_path: Path) -> None:
    """openpyxl without numpy, XlsxWriter and python-docx, as the workbook and Word commands
    import them: a floor that loaded numpy, or a writer its command does not use, would make
    their ratios look better."""
    startup = module("startup")
    month, year = startup.make_workbooks(tmp_path / "data")
    out = tmp_path / "out"
    out.mkdir()
    excel = _loaded(["-c", startup.EXCEL_FLOOR], tmp_path)
    reader = _loaded(["-c", startup.READER_FLOOR], tmp_path)
    writer = _loaded(["-c", startup.WRITER_FLOOR], tmp_path)
    both = _loaded(["-c", startup.EXCEL_WRITER_FLOOR], tmp_path)
    word = _loaded(["-c", startup.WORD_FLOOR], tmp_path)
    assert {"openpyxl", "typer", "rich.table"} <= excel
    assert {"openpyxl", "typer"} <= reader
    assert {"xlsxwriter", "typer"} <= writer
    assert "openpyxl" not in writer
    assert {"openpyxl", "xlsxwriter", "typer"} <= both
    assert "numpy" not in excel | reader | writer | both | word
    assert "docx" in word
    pack = ["report", "--actuals", str(year), "-o", str(out / "r.xlsx"), "--force"]
    for args, floor in [
        (["diff", str(month)], excel),
        (["status", "--actuals", str(year)], excel),
        (["template", "--period", "2023-06", "-o", str(out / "t.xlsx"), "--force"], writer),
        (pack, both),
        (pack, reader),
        (["report", "--actuals", str(year), "-o", str(out / "r.docx"), "--force"], word),
    ]:
        _loaded(args, tmp_path)  # the registry cache filled, as in the benchmark
        assert floor - _loaded(args, tmp_path) == set(), args


@pytest.mark.usefixtures("benchmarks")
@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmHWM from /proc")
def test_a_runs_peak_memory_is_its_own_not_its_parents() -> None:
    """A child's ru_maxrss starts at its parent's size on Linux; the benchmarks read the run's
    own high-water mark, so a benchmark holding 200 MiB does not make every run look large."""
    ballast = bytearray(200 * 1024 * 1024)
    ballast[::4096] = b"\x01" * len(ballast[::4096])
    code, _, mib = module("peak").measured(["--version"], dict(os.environ))
    assert code == 0
    assert 5 < mib < 100
    assert len(ballast) == 200 * 1024 * 1024
