"""Commands load only what they use: no pandas without actuals, never pydantic."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import json, sys
from reportcheck.cli import main
sys.argv = ["reportcheck", *json.loads(sys.argv[1])]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted(m for m in ("pandas", "openpyxl", "numpy", "pydantic")
                        if m in sys.modules)), file=sys.stderr)
"""


def heavy_modules(args: list[str], cwd: Path) -> list[str]:
    env = {
        "PATH": "",
        "COLUMNS": "120",
        "REPORTCHECK_ACTUALS": "",
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
    assert heavy_modules(args, tmp_path) == []


def test_the_probe_sees_pandas_when_actuals_are_read(tmp_path: Path) -> None:
    path = tmp_path / "a.csv"
    path.write_text("id,period,value\ngdp_growth,2023-06,5.7\n", encoding="utf-8")
    loaded = heavy_modules(["diff", str(path)], tmp_path)
    assert "pandas" in loaded
    assert "pydantic" not in loaded


def test_python_dash_m_runs_the_same_cli(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reportcheck", "--version"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout.split()[0]) == (0, "reportcheck")
