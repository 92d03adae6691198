"""Start-up benchmark: each command timed alternately with its floor; medians, ratios, memory.

Run from the repository with reportcheck installed:  python benchmarks/startup.py [--runs N]

Floors: `import typer, rich.console, rich.table` for commands that draw a table, and `import
typer` for those that print JSON/CSV/Markdown or nothing; the Excel rows add to the floor of
their output the library that reads a workbook (openpyxl, imported without numpy as
reportcheck imports it: a month's workbook, a year of twelve) and the one that writes it
(XlsxWriter: a template, the review pack), and the Word row python-docx. Each floor imports
only what every command held to it imports (tests/test_benchmarks.py checks it), so a ratio is
what reportcheck adds to the stack it cannot do without.

The ratio is the median over runs of (command time / floor time), each pair run back to back, so
machine noise hits both alike. The registry cache lives in a temporary folder; the untimed first
run of each command fills it, as any earlier run would. One row runs with the cache off, to show
what the cache saves, and one as Python runs a program, to show what the console script's start
and end save; two time only importing the Rich modules that draw tables and openpyxl, each
against the floor below it; one times a month's workbook against the table floor alone, and one
the pack of twelve workbooks against the floor without XlsxWriter.
"""

from __future__ import annotations

import argparse
import compileall
import csv
import dataclasses
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from pathlib import Path

import reportcheck
from peak import measured
from reportcheck.registry.load import load_registry

BIN = Path(sys.executable).parent / "reportcheck"
#: The stack a command that prints JSON, CSV, Markdown or nothing cannot start without, and the
#: stack of one that draws a table.
LIGHT_FLOOR = "import typer"
TABLE_FLOOR = "import typer, rich.console, rich.table"
#: The same with openpyxl as reportcheck imports it, without numpy (see reportcheck.model.imports),
#: for a command that reads a workbook; with XlsxWriter for one that writes a workbook (the pack
#: of twelve workbooks reads and writes), and python-docx for the Word 通报.
_WITHOUT_NUMPY = "import sys; sys.modules['numpy'] = None; import {}; del sys.modules['numpy']"
EXCEL_FLOOR = _WITHOUT_NUMPY.format("typer, rich.console, rich.table, openpyxl")
READER_FLOOR = _WITHOUT_NUMPY.format("typer, openpyxl")
WRITER_FLOOR = "import typer, xlsxwriter"
EXCEL_WRITER_FLOOR = _WITHOUT_NUMPY.format("typer, openpyxl, xlsxwriter")
WORD_FLOOR = _WITHOUT_NUMPY.format("typer, openpyxl, docx")
#: A command run as Python runs a program: the cycle collector on while it starts, and every
#: module and object taken apart at its end (see reportcheck.cli.process): what the console
#: script saves by doing neither.
AS_PYTHON_RUNS_IT = "from reportcheck.cli.app import main; main()"
FLOOR_NAMES = {
    LIGHT_FLOOR: "light",
    TABLE_FLOOR: "table",
    READER_FLOOR: "light+openpyxl",
    WRITER_FLOOR: "light+xlsxwriter",
    EXCEL_FLOOR: "table+openpyxl",
    EXCEL_WRITER_FLOOR: "light+openpyxl+xlsxwriter",
    WORD_FLOOR: "light+openpyxl+docx",
}


@dataclasses.dataclass(frozen=True)
class Row:
    command: str
    floor: str
    goal: float | None
    median_s: float
    floor_median_s: float
    median_ratio: float
    peak_rss_mib: float | None


def make_data(folder: Path) -> tuple[Path, Path]:
    """A typical month (every id of the registry, one row each) and a year of twelve such
    monthly files, each figure in its target's unit with at most two decimal places, as a
    statistics bureau publishes them (tests/test_benchmarks.py reads them whole)."""
    registry = load_registry()
    year = folder / "year"
    year.mkdir()
    for month in range(1, 13):
        with (year / f"2023-{month:02d}.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["id", "period", "value", "unit", "source", "note"])
            for t in registry.targets:
                figure = ((t.value or Decimal(5)) * month / 12).quantize(Decimal("0.01"))
                if t.category == "rank":  # a place is a whole number
                    figure = (t.value or Decimal(5)).to_integral_value()
                value = "是" if t.unit == "是/否" else format(figure, "f")
                writer.writerow([t.id, f"2023-{month:02d}", value, t.unit, "benchmark", ""])
    return year / "2023-06.csv", year


def make_workbooks(folder: Path) -> tuple[Path, Path]:
    """The same month and year as .xlsx workbooks, one sheet each, as Excel saves them: text in
    the shared strings and figures as numbers (written by XlsxWriter, which saves as Excel does;
    openpyxl would write every text into its cell, which a reader parses cell by cell)."""
    import xlsxwriter

    folder.mkdir(exist_ok=True)
    month, year = make_data(folder)
    books = folder / "books"
    books.mkdir()
    for path in sorted(year.iterdir()):
        with path.open(encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        book = xlsxwriter.Workbook(str(books / path.with_suffix(".xlsx").name))
        sheet = book.add_worksheet("actuals")
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                if r and c == 2 and text != "是":
                    sheet.write_number(r, c, float(Decimal(text)))
                elif text:
                    sheet.write_string(r, c, text)
        book.close()
    return books / month.with_suffix(".xlsx").name, books


def cache_env(folder: Path) -> dict[str, str]:
    """The registry cache in `folder`, found as a user's run finds it: through the user cache
    folder (platformdirs, which reads XDG_CACHE_HOME on Linux) rather than REPORTCHECK_CACHE_DIR,
    which would spare each run importing platformdirs. Elsewhere, REPORTCHECK_CACHE_DIR."""
    if sys.platform.startswith("linux"):
        return {"XDG_CACHE_HOME": str(folder)}
    return {"REPORTCHECK_CACHE_DIR": str(folder)}


def wall(cmd: list[str], env: dict[str, str], written: Path | None = None) -> float:
    """Seconds the command takes; the file it writes is removed first, untimed, so that each
    run writes it anew (and a pack never reads back an earlier one)."""
    if written is not None:
        written.unlink(missing_ok=True)
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False, env=env)
    return time.perf_counter() - start


def accepted(cmd: list[str], env: dict[str, str]) -> None:
    """A benchmark times the work its label says, never an error message: exit 0 or 1."""
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, env=env)
    if done.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} exits {done.returncode}: {done.stderr}")


def peak_kib(args: list[str], env: dict[str, str], written: Path | None = None) -> int:
    if written is not None:
        written.unlink(missing_ok=True)
    return round(measured(args, env)[2] * 1024)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    # Byte-code written now, so that PYTHONDONTWRITEBYTECODE or a fresh checkout does not time
    # the compiling of changed modules on every run.
    compileall.compile_dir(Path(reportcheck.__file__).parent, quiet=1)
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        month, year = make_data(Path(tmp))
        month_book, year_books = make_workbooks(Path(tmp) / "excel")
        out = Path(tmp) / "out"
        env = {
            k: v
            for k, v in os.environ.items()
            if k not in ("REPORTCHECK_CACHE_DIR", "XDG_CACHE_HOME")
        }
        env.update(cache_env(Path(tmp) / "cache"))
        env.pop("COLUMNS", None)
        env.pop("REPORTCHECK_NO_CACHE", None)
        no_cache = {**env, "REPORTCHECK_NO_CACHE": "1"}
        light, table, word = LIGHT_FLOOR, TABLE_FLOOR, WORD_FLOOR
        excel, writer, excel_writer = EXCEL_FLOOR, WRITER_FLOOR, EXCEL_WRITER_FLOOR
        rc = [str(BIN)]
        # (command, floor, goal as a ratio to the floor, environment)
        cases = [
            ([*rc, "--help"], light, 1.3, env),
            ([*rc, "targets"], table, 1.3, env),
            ([*rc, "targets", "-f", "json"], light, 1.3, env),
            ([*rc, "show", "graduates"], table, 1.3, env),
            ([*rc, "status"], table, 1.3, env),
            ([py, "-c", AS_PYTHON_RUNS_IT, "status"], table, None, env),
            ([*rc, "template", "--period", "2023-06"], light, 1.3, env),
            ([*rc, "template", "--period", "2023-06"], light, None, no_cache),
            ([py, "-c", table], light, None, env),
            ([*rc, "diff", str(month)], table, 1.5, env),
            ([*rc, "diff", str(month), "-f", "json"], light, 1.5, env),
            ([*rc, "status", "--actuals", str(year)], table, 2.0, env),
            ([*rc, "diff", str(month_book)], table, None, env),
            ([*rc, "diff", str(month_book)], excel, 1.5, env),
            ([*rc, "status", "--actuals", str(year_books)], excel, 2.0, env),
            (
                [*rc, "template", "--period", "2023-06", "-o", str(out / "t.xlsx")],
                writer,
                1.5,
                env,
            ),
            (
                [*rc, "report", "--actuals", str(year_books), "-o", str(out / "r.xlsx")],
                excel_writer,
                3.0,
                env,
            ),
            (
                [*rc, "report", "--actuals", str(year_books), "-o", str(out / "r.xlsx")],
                READER_FLOOR,
                None,
                env,
            ),
            (
                [*rc, "report", "--actuals", str(year_books), "-o", str(out / "r.docx")],
                word,
                3.0,
                env,
            ),
            ([py, "-c", excel], table, None, env),
        ]
        rows: list[Row] = []
        for command, floor_code, goal, case_env in cases:
            floor = [py, "-c", floor_code]
            written = next((Path(a) for a in command if a.startswith(str(out))), None)
            if command[0] == str(BIN):
                if written is not None:  # an earlier row may have written it
                    written.unlink(missing_ok=True)
                accepted(command, case_env)  # and warms the file cache and the registry cache
            wall(floor, env)
            ours, base = [], []
            for _ in range(runs):  # alternate, so machine noise hits both alike
                ours.append(wall(command, case_env, written))
                base.append(wall(floor, env))
            ratios = [a / b for a, b in zip(ours, base, strict=True)]
            is_ours = command[0] == str(BIN)
            shown = " ".join(a if not a.startswith("/") else Path(a).name for a in command[1:])
            if command[2:3] == [AS_PYTHON_RUNS_IT]:
                shown = " ".join(command[3:]) + " (run as Python runs a program)"
                is_ours = True
            elif not is_ours:
                shown = f"-c <{FLOOR_NAMES[command[2]]} floor>"
            if str(year_books) in command:
                shown += " (12 monthly workbooks)"
            rows.append(
                Row(
                    command=("reportcheck " + shown if is_ours else "python " + shown)
                    + (" (registry cache off)" if case_env is no_cache else ""),
                    floor=FLOOR_NAMES[floor_code],
                    goal=goal,
                    median_s=round(statistics.median(ours), 3),
                    floor_median_s=round(statistics.median(base), 3),
                    median_ratio=round(statistics.median(ratios), 2),
                    peak_rss_mib=round(peak_kib(command[1:], case_env, written) / 1024, 1)
                    if command[0] == str(BIN)
                    else None,
                )
            )
    print(f"# {platform.platform()}, Python {platform.python_version()}, {runs} runs each")
    for code, name in FLOOR_NAMES.items():
        print(f"# {name} floor: {code}")
    print("| command | floor | median s | floor median s | ratio | goal | peak RSS MiB |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for r in rows:
        met = "" if r.goal is None else (" ✓" if r.median_ratio <= r.goal else " ✗")
        print(
            f"| `{r.command}` | {r.floor} | {r.median_s} | {r.floor_median_s} | "
            f"{r.median_ratio}{met} | {'' if r.goal is None else f'≤ {r.goal}'} | "
            f"{r.peak_rss_mib} |"
        )
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    data = [dataclasses.asdict(r) for r in rows]
    (out / "startup.json").write_text(json.dumps(data, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
