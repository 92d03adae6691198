"""Bounded work: every limit is checked before the work, and refused with the limit named."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from reportcheck.actuals.table import read_tables
from reportcheck.model import limits
from reportcheck.model.problems import RegistryError
from reportcheck.output.catalogue import message, one_line
from reportcheck.registry.load import load_registry
from reportcheck.registry.shipped import default_registry_path

from .conftest import EXAMPLES, Run

Cli = Callable[..., Run]


def codes(path: Path) -> list[str]:
    return [p.code for table in read_tables(path) for p in table.problems]


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    with path.open("wb") as stream:
        stream.truncate(limits.MAX_FILE_BYTES + 1)  # sparse: nothing is written or read
    (table,) = read_tables(path)
    assert [p.code for p in table.problems] == ["too-large"]
    assert "at most 8 MiB" in message(table.problems[0], "en")


def test_rows_beyond_the_limit_are_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "rows.csv"
    path.write_text("id,period,value\n" + "a,b,c\n" * limits.MAX_ROWS, encoding="utf-8")
    (table,) = read_tables(path)
    assert [(p.code, p.line) for p in table.problems] == [("too-large", limits.MAX_ROWS + 1)]
    assert f"more than {limits.MAX_ROWS} rows" in message(table.problems[0], "en")


def test_columns_beyond_the_limit_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(",".join(["id", "period", "value"] + ["x"] * limits.MAX_COLUMNS) + "\n")
    assert codes(path) == ["too-large"]


def test_a_cell_beyond_the_limit_is_refused_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "cell.csv"
    long = "长" * (limits.MAX_CELL_CHARS + 1)
    path.write_text(f"id,period,value,note\ngdp_growth,2023-06,5.7,{long}\n", encoding="utf-8")
    (table,) = read_tables(path)
    assert [(p.code, p.line) for p in table.problems] == [("too-large", 2)]


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_device_is_refused_not_read(tmp_path: Path) -> None:
    assert codes(Path("/dev/zero")) == ["unreadable-file"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX pipes")
def test_a_pipe_given_as_actuals_does_not_hang(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "a.csv")
    assert codes(tmp_path / "a.csv") == ["unreadable-file"]


def registry_error(tmp_path: Path, text: str) -> str:
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    return one_line(caught.value.problems[0])


def test_yaml_aliases_are_refused_before_expansion(tmp_path: Path) -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(12)
    )
    line = registry_error(tmp_path, bomb)
    assert "targets.yaml:1:" in line
    assert "anchor or alias" in line


def test_a_registry_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    line = registry_error(tmp_path, "# " + "x" * limits.MAX_REGISTRY_BYTES + "\n")
    assert "at most 2 MiB" in line


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_report_text_that_never_ends_is_refused(tmp_path: Path) -> None:
    text = default_registry_path().read_text(encoding="utf-8")
    seed = next(line for line in text.splitlines() if "seed:" in line)
    start = seed.index("seed:") + len("seed:")
    rest = seed[start:].split(",", 1)
    changed = seed[:start] + " /dev/zero" + ("," + rest[1] if len(rest) > 1 else "")
    line = registry_error(tmp_path, text.replace(seed, changed))
    assert "[registry-seed-unreadable]" in line
    assert "regular file" in line


def test_a_closed_stdout_exits_quietly_with_the_results_status(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "reportcheck",
            "diff",
            str(EXAMPLES / "huzhou-2023-h1-official.csv"),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=tmp_path,
    )
    assert process.stdout is not None
    assert process.stderr is not None
    process.stdout.close()  # the reader is gone before anything is written, as with `| head -0`
    error = process.stderr.read()
    process.stderr.close()
    assert (process.wait(), error) == (1, b"")


def _bash(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`command` run by bash, for its redirections and pipes."""
    return subprocess.run(
        command,
        shell=True,
        executable="/bin/bash",
        capture_output=True,
        text=True,
        cwd=cwd,
        check=False,
    )


def test_a_closed_stdout_after_the_first_line(tmp_path: Path) -> None:
    done = _bash(
        f"'{sys.executable}' -m reportcheck diff -f csv "
        f"'{EXAMPLES / 'huzhou-2023-h1-official.csv'}' | head -1; exit ${{PIPESTATUS[0]}}",
        tmp_path,
    )
    assert (done.returncode, done.stdout.count("\n"), done.stderr) == (1, 1, "")


OUTPUTS = [
    ["targets"],
    ["targets", "-f", "json"],
    ["diff", "-f", "csv", str(EXAMPLES / "huzhou-2023-h1-official.csv")],
    ["template", "--period", "2023-06"],
]


@pytest.mark.parametrize("args", OUTPUTS)
@pytest.mark.parametrize(
    ("redirect", "said"),
    [
        (">&-", "reportcheck: error: standard output: closed [unwritable-output]\n"),
        (
            "> /dev/full",
            "reportcheck: error: standard output: No space left on device [unwritable-output]\n",
        ),
    ],
)
def test_output_that_cannot_be_written_is_one_line_and_exit_2(
    tmp_path: Path, args: list[str], redirect: str, said: str
) -> None:
    quoted = " ".join(f"'{a}'" for a in args)
    done = _bash(f"'{sys.executable}' -m reportcheck {quoted} --lang en {redirect}", tmp_path)
    assert (done.returncode, done.stderr) == (2, said)


def test_cells_beyond_the_limit_are_refused_whole(tmp_path: Path) -> None:
    path = tmp_path / "cells.csv"
    width = limits.MAX_CELLS // (limits.MAX_ROWS // 2) + 1
    row = ",".join(["gdp_growth", "2023-06", "5.7"] + ["x"] * (width - 3)) + "\n"
    header = ",".join(["id", "period", "value"] + [f"c{i}" for i in range(width - 3)]) + "\n"
    path.write_text(header + row * (limits.MAX_ROWS // 2), encoding="utf-8")
    (table,) = read_tables(path)
    assert [p.code for p in table.problems] == ["too-large"]
    assert f"more than {limits.MAX_CELLS} cells" in message(table.problems[0], "en")
    assert (table.header, table.rows) == ([], [])


def test_caches_keyed_on_what_a_file_holds_stay_bounded() -> None:
    """A workbook may give every cell a number format of its own, and a year many figures:
    what is remembered of them between calls stays within a fixed size."""
    from decimal import Decimal

    from reportcheck.actuals.xlsx import is_percent_format
    from reportcheck.review.progress import _decimals

    for i in range(5000):
        assert not is_percent_format(f'0.00"x{i}"')
        assert is_percent_format(f'0.0"y{i}"%')
        assert _decimals(Decimal(i) / 1000) >= 1
    percent, decimals = is_percent_format.cache_info(), _decimals.cache_info()
    assert percent.maxsize is not None
    assert decimals.maxsize is not None
    assert 0 < percent.currsize <= percent.maxsize < 1000
    assert 0 < decimals.currsize <= decimals.maxsize < 10000
