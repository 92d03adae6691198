"""Commands load only what they use: no pandas without actuals, never pydantic, yaml and the
registry's checks only once, no hashlib or emoji codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from reportcheck.output.workbook import Workbook

PROBE = """
import json, sys
from reportcheck.cli.app import main
sys.argv = ["reportcheck", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
# hashlib (OpenSSL) and Rich's emoji table cost 1.5-2 ms each and serve none of these commands;
# the registry's checking code (reportcheck.registry.load) is for a registry not yet cached.
HEAVY = (
    "pandas", "openpyxl", "xlsxwriter", "numpy", "docx", "lxml", "pydantic", "yaml", "hashlib",
    "rich._emoji_codes", "reportcheck.registry.load", "typing_extensions",
)
print(json.dumps(sorted(m for m in HEAVY if m in sys.modules)), file=sys.stderr)
"""


def heavy_modules(args: list[str], cwd: Path) -> list[str]:
    env = {
        "PATH": "",
        "COLUMNS": "120",
        "REPORTCHECK_ACTUALS": "",
        "REPORTCHECK_CACHE_DIR": os.environ["REPORTCHECK_CACHE_DIR"],
    }
    done = subprocess.run(
        [sys.executable, "-c", PROBE, json.dumps(args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    loaded: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return loaded


def loaded_of(args: list[str], cwd: Path, names: tuple[str, ...]) -> list[str]:
    """Which of `names` (modules, or packages with all below them) a second run of the
    command has imported; the first fills the registry cache."""
    probe = (
        "import json, sys\n"
        "names = tuple(json.loads(sys.argv[2]))\n"
        "sys.argv = ['reportcheck', *json.loads(sys.argv[1])]\n"
        "from reportcheck.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(m for m in sys.modules if m in names"
        " or m.startswith(tuple(n + '.' for n in names)))), file=sys.stderr)"
    )
    run = [sys.executable, "-c", probe, json.dumps(args), json.dumps(names)]
    env = {"PATH": "", "REPORTCHECK_CACHE_DIR": os.environ["REPORTCHECK_CACHE_DIR"]}
    subprocess.run(run, cwd=cwd, capture_output=True, check=False, env=env)
    done = subprocess.run(run, cwd=cwd, capture_output=True, text=True, check=False, env=env)
    loaded: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return loaded


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["targets"],
        ["targets", "-f", "json"],
        ["show", "graduates"],
        ["template", "--period", "2023-06"],
        ["status"],
        ["status", "-f", "json"],
    ],
)
def test_commands_without_actuals_do_not_import_pandas(args: list[str], tmp_path: Path) -> None:
    heavy_modules(args, tmp_path)  # fills the registry cache
    assert heavy_modules(args, tmp_path) == []


@pytest.mark.parametrize(
    "args",
    [
        ["targets"],
        ["targets", "-f", "json"],
        ["show", "graduates"],
        ["template", "--period", "2023-06"],
    ],
)
def test_a_run_with_nothing_to_say_loads_no_message_catalogue(
    args: list[str], tmp_path: Path
) -> None:
    """The catalogue of every problem's words (and the modules of the other commands) load only
    when something is said."""
    commands = ("targets", "diff", "status", "show", "template", "report", "draft", "lint")
    names = ("reportcheck.output.catalogue", *(f"reportcheck.cli.{c}" for c in commands))
    assert loaded_of(args, tmp_path, names) == [f"reportcheck.cli.{args[0]}"]


def test_yaml_is_imported_only_to_parse_a_registry_not_yet_cached(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("REPORTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    assert heavy_modules(["targets", "-f", "json"], tmp_path) == [
        "reportcheck.registry.load",
        "yaml",
    ]
    assert heavy_modules(["targets", "-f", "json"], tmp_path) == []


def test_a_csv_of_actuals_is_read_without_pandas_or_openpyxl(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    rows = "".join(f"gdp_growth,2023-{m:02d},5.{m}\n" for m in range(1, 13))
    path.write_text("id,period,value\n" + rows, encoding="utf-8")
    for args in (["diff", str(path)], ["status", "--actuals", str(tmp_path)]):
        heavy_modules(args, tmp_path)
        assert heavy_modules(args, tmp_path) == []


def test_no_command_imports_numpy_and_documents_load_their_library_only(tmp_path: Path) -> None:
    """No command loads numpy, which openpyxl imports wherever it is installed, or pandas;
    openpyxl loads only to read a workbook, XlsxWriter only to write one and python-docx only
    for a Word document. numpy must be
    installed here, or the test would prove nothing."""
    import importlib.util

    assert importlib.util.find_spec("numpy") is not None
    books = tmp_path / "books"
    books.mkdir()
    for month in ("2023-05", "2023-06"):
        book = Workbook()
        sheet = book.add("actuals")
        sheet.append(["id", "period", "value"])
        sheet.append(["gdp_growth", month, Decimal("5.7")])
        sheet.append(["graduates", month, Decimal(5)])
        (books / f"{month}.xlsx").write_bytes(book.to_bytes())
    month = str(books / "2023-06.xlsx")
    csv_month = tmp_path / "2023-06.csv"
    csv_month.write_text("id,period,value\ngdp_growth,2023-06,5.7\n", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    workbook = {"openpyxl", "lxml"}  # openpyxl parses with lxml where it is installed
    commands = {
        ("diff", month): workbook,
        ("diff", month, "-f", "json"): workbook,
        ("status", "--actuals", str(books)): workbook,
        ("show", "graduates", "--actuals", str(books)): workbook,
        ("diff", str(csv_month)): set(),
        ("template", "--period", "2023-06", "-o", str(out / "t.xlsx"), "--force"): {"xlsxwriter"},
        ("template", "--period", "2023-06", "-o", str(out / "t.csv"), "--force"): set(),
        ("report", "--actuals", str(books), "-o", str(out / "r.xlsx"), "--force"): {
            *workbook,
            "xlsxwriter",
        },
        ("report", "--actuals", str(books), "-o", str(out / "r.docx"), "--force"): {
            *workbook,
            "docx",
        },
        ("report", "--actuals", str(csv_month), "-o", str(out / "c.docx"), "--force"): {
            "docx",
            "lxml",
        },
        ("report", "--actuals", str(csv_month), "-o", str(out / "r.html"), "--force"): set(),
    }
    for args, allowed in commands.items():
        heavy_modules(list(args), tmp_path)
        loaded = {m for m in heavy_modules(list(args), tmp_path) if m in DOCUMENT_LIBRARIES}
        assert loaded <= allowed, args
        assert not loaded & {"numpy", "pandas"}, args
    assert (out / "r.docx").stat().st_size > 0


#: What a command never needs (numpy, pandas) and the libraries of Office files, each loaded
#: only for its kind of file.
DOCUMENT_LIBRARIES = ("numpy", "pandas", "openpyxl", "xlsxwriter", "docx", "lxml")


def test_python_dash_m_runs_the_same_cli(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reportcheck", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout.split()[0]) == (0, "reportcheck")


def test_help_loads_none_of_the_registry_machinery_nor_any_commands_module(
    tmp_path: Path,
) -> None:
    """The program's help names the commands without importing them, nor msgspec and the
    records every command's module brings."""
    from reportcheck.cli.app import COMMANDS

    probe = (
        "import json, sys; sys.argv = ['reportcheck', '--help']\n"
        "from reportcheck.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(sys.modules)), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    loaded = set(json.loads(done.stderr.strip().splitlines()[-1]))
    assert "reportcheck.cli.app" in loaded
    heavy = {
        "reportcheck.registry.records",
        "reportcheck.registry.cache",
        "reportcheck.registry.load",
        "reportcheck.rules",
        "reportcheck.model.problems",
        "reportcheck.model.periods",
        "msgspec",
        "decimal",
        *(f"reportcheck.cli.{name}" for name in COMMANDS),
    }
    assert loaded & heavy == set()


def test_the_fail_on_default_shown_is_the_models() -> None:
    from reportcheck.cli.app import DEFAULT_FAIL_ON_TEXT
    from reportcheck.review.status import DEFAULT_FAIL_ON, Status

    shown = DEFAULT_FAIL_ON_TEXT.split(",")
    assert [s.value for s in Status if s in DEFAULT_FAIL_ON] == shown


@pytest.mark.parametrize(
    ("args", "built"),
    [
        (["diff", "a.csv"], "diff"),
        (["--debug", "status"], "status"),
        (["--debug", "template", "--period", "2023-06"], "template"),
        (["--targets", "show", "targets"], "targets"),  # the value of --targets is a file
        (["--targets=mine.yaml", "show", "gdp_growth"], "show"),
        (["--max-errors", "5", "diff"], "diff"),  # the value of --max-errors is a number
        (["status", "--help"], "status"),
    ],
)
def test_typer_builds_only_the_command_named(args: list[str], built: str) -> None:
    from reportcheck.cli.app import command_named

    assert command_named(args, {}) == built


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--help"], {}),
        ([], {}),
        (["templat"], {}),  # a mistyped command keeps every command, for the suggestion
        (["--targets", "diff"], {}),
        (["diff"], {"_REPORTCHECK_COMPLETE": "complete_bash"}),
    ],
)
def test_every_command_is_built_when_none_is_named_or_the_shell_completes(
    args: list[str], env: dict[str, str]
) -> None:
    from reportcheck.cli.app import command_named

    assert command_named(args, env) is None


def test_a_run_of_one_command_imports_that_command_alone(tmp_path: Path) -> None:
    probe = (
        "import sys; sys.argv = ['reportcheck', '--targets', sys.argv[1], 'template',"
        " '--period', '2023-06']\n"
        "from reportcheck.cli.app import COMMANDS, main\n"
        "try:\n    main()\nexcept SystemExit as exit:\n    code = exit.code\n"
        "loaded = [c for c in COMMANDS if f'reportcheck.cli.{c}' in sys.modules]\n"
        "print(code, *loaded, file=sys.stderr)"
    )
    from reportcheck.registry.shipped import default_registry_path

    done = subprocess.run(
        [sys.executable, "-c", probe, str(default_registry_path())],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stdout.startswith("id,period,value,unit")
    assert done.stderr.split()[-2:] == ["0", "template"]


@pytest.mark.parametrize("args", [["--help"], ["--lang", "en", "--help"], []])
def test_the_programs_help_lists_the_commands_without_building_their_parameters(
    tmp_path: Path, args: list[str]
) -> None:
    """The program's help needs each command's name and short help alone; the page is the one
    the program with every command built prints."""
    import typer.main

    from reportcheck.cli.app import COMMANDS, make_app

    runs = {}
    for how in ("main", "every"):
        # The entry point, with each app it makes noted in a file; or the app of every command.
        code = (
            "import sys; sys.argv = ['reportcheck', *sys.argv[2:]]\n"
            "import reportcheck.cli.app as app\n"
            "from reportcheck.output.safe_text import guard_streams\n"
            "made = app.make_app\n"
            "def noted(*names, **how):\n"
            "    open('made.txt', 'a').write(repr(how) + '\\n')\n"
            "    return made(*names, **how)\n"
            "app.make_app = noted\n"
            "if HOW == 'main':\n    app.main()\n"
            "else:\n    guard_streams()\n    made()()\n"
        ).replace("HOW", repr(how))
        runs[how] = subprocess.run(
            [sys.executable, "-c", code, "-", *args],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            check=False,
            env={**os.environ, "COLUMNS": "100"},
        )
    assert runs["main"].returncode == runs["every"].returncode
    assert runs["main"].stdout == runs["every"].stdout
    assert runs["main"].stderr == runs["every"].stderr
    assert (tmp_path / "made.txt").read_text() == "{'listed_only': True}\n"
    for name in COMMANDS:
        assert f"  {name} " in runs["main"].stdout + runs["main"].stderr
    listed = typer.main.get_command(make_app(listed_only=True))
    every = typer.main.get_command(make_app())
    shared = {"version", "debug", "max_errors"}  # the options every command takes
    for name in COMMANDS:
        assert {p.name for p in listed.commands[name].params} == shared  # type: ignore[attr-defined]
        assert {p.name for p in every.commands[name].params} > shared  # type: ignore[attr-defined]


def test_the_app_of_tests_and_completion_has_every_command() -> None:
    from reportcheck.cli.app import COMMANDS, app

    assert [c.name for c in app.registered_commands] == list(COMMANDS)


def test_a_mistyped_command_is_still_answered_with_a_suggestion(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reportcheck", "templat", "--lang", "en"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Did you mean 'template'?" in done.stderr


@pytest.mark.parametrize(
    "argv", [["--help"], ["targets", "--id", "gdp_growth"], ["registries", "-f", "json"]]
)
def test_nothing_of_harvest_is_imported_unless_it_runs(tmp_path: Path, argv: list[str]) -> None:
    probe = (
        "import sys; sys.argv = ['reportcheck', *sys.argv[1:]]\n"
        "from reportcheck.cli.app import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "loaded = [m for m in ('reportcheck.registry.harvest', 'reportcheck.output.outcomes')"
        " if m in sys.modules]\n"
        "print('loaded:', *loaded, file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, *argv],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=True,
    )
    assert done.stderr.splitlines()[-1] == "loaded:"


def test_numpy_is_kept_out_of_openpyxls_import_and_only_of_it() -> None:
    probe = (
        "import sys\n"
        "from reportcheck.model.imports import without_numpy\n"
        "with without_numpy():\n"
        "    import openpyxl\n"
        "print('numpy' in sys.modules)\n"
        "import numpy\n"  # afterwards, whoever wants numpy gets it
        "print(numpy.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "numpy"]


def test_msgspec_is_imported_without_typing_extensions_and_only_it() -> None:
    """msgspec is imported without typing_extensions (installed with Typer), and the records
    still decode and refuse what their types refuse; whoever imports typing_extensions
    afterwards gets it. (Every command runs without it: HEAVY.)"""
    import importlib.util

    assert importlib.util.find_spec("typing_extensions") is not None
    probe = (
        "import sys\n"
        "from reportcheck.model.imports import import_msgspec\n"
        "import_msgspec()\n"
        "from reportcheck.model.periods import Period\n"
        "import msgspec\n"
        "print('typing_extensions' in sys.modules)\n"
        'period = msgspec.json.decode(b\'{"year": 2023, "month": 6}\', type=Period)\n'
        "print(period.month)\n"
        "try:\n"
        '    msgspec.json.decode(b\'{"year": 2023, "month": 6, "kind": "x"}\', type=Period)\n'
        "except msgspec.ValidationError:\n"
        "    print('refused')\n"
        "import typing_extensions\n"
        "print(typing_extensions.__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["False", "6", "refused", "typing_extensions"]


def test_a_review_with_nothing_to_say_loads_no_message_catalogue(tmp_path: Path) -> None:
    """The catalogue's hints are for the overview without figures; figures that raise no
    problem are judged and drawn without any problem's words."""
    (tmp_path / "actuals").mkdir()
    (tmp_path / "actuals" / "2023-06.csv").write_text(
        "id,period,value\ngdp_growth,2023-06,5.7\n", encoding="utf-8"
    )
    for fmt in ("table", "json"):
        args = ["status", "--actuals", "actuals", "-f", fmt]
        assert loaded_of(args, tmp_path, ("reportcheck.output.catalogue",)) == []
    assert loaded_of(["status"], tmp_path / "actuals", ("reportcheck.output.catalogue",)) != []


def test_json_and_the_template_load_only_the_writers_they_use(tmp_path: Path) -> None:
    """JSON needs no csv module and no Markdown escape; the template, which prints CSV, does
    import csv."""
    assert loaded_of(["targets", "-f", "json"], tmp_path, ("csv",)) == []
    assert loaded_of(["template", "--period", "2023-06"], tmp_path, ("csv",)) == ["csv"]
