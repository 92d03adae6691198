"""The default install (`pip install .`, no extras): no pandas and no numpy, and every command
works without them.

These tests run only where pandas is not installed: `.ci/run` installs reportcheck with pytest
alone into a fresh environment and runs this file there. With the test extra (which brings
pandas for the DataFrame tests) they are skipped.
"""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from .conftest import EXAMPLES

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pandas") is not None,
    reason="pandas is installed: this is not the default install (.ci/run makes one)",
)
MONTHLY = str(EXAMPLES / "monthly")


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "reportcheck", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)


def test_the_default_install_has_no_frame_library() -> None:
    for name in ("pandas", "numpy"):
        assert importlib.util.find_spec(name) is None, name


def test_every_command_works_without_them(tmp_path: Path) -> None:
    from reportcheck.output.workbook import Workbook

    units = tmp_path / "units.csv"
    units.write_text("id,责任单位,分管领导\ngdp_growth,市发改委,张三\n", encoding="utf-8")
    assert (
        run(
            "template", "--period", "2023-06", "-o", "actuals/2023-06.xlsx", cwd=tmp_path
        ).returncode
        == 0
    )
    assert (
        run("template", "--units", str(units), "--by-unit", "-o", "out", cwd=tmp_path).returncode
        == 0
    )
    book = Workbook()
    sheet = book.add("actuals")
    sheet.append(["id", "period", "value", "reason"])
    sheet.append(["gdp_growth", "2023-06", Decimal("5.7"), "按计划推进"])
    sheet.append(["industrial_va_growth", "2023-06", Decimal("0.7"), ""])
    (tmp_path / "actuals" / "2023-06.xlsx").write_bytes(book.to_bytes())
    for args in (
        ["targets", "-f", "json"],
        ["show", "gdp_growth", "--actuals", "actuals"],
        ["diff", "actuals/2023-06.xlsx"],
        ["status", "--units", str(units)],
        ["lint", str(EXAMPLES.parent / "data" / "targets.yaml")],
    ):
        done = run(*args, cwd=tmp_path)
        assert done.returncode in (0, 1), (args, done.stderr)
        assert "Traceback" not in done.stderr
    for name in ("通报.docx", "附件.xlsx", "review.html", "review.md", "review.csv"):
        done = run("report", "--actuals", MONTHLY, "-o", name, cwd=tmp_path)
        assert done.returncode == 0, (name, done.stderr)
        assert (tmp_path / name).stat().st_size > 0
    drafted = run(
        "draft",
        str(EXAMPLES.parent / "tests" / "data" / "reports" / "fujian-2023.txt"),
        cwd=tmp_path,
    )
    assert drafted.returncode == 0, drafted.stderr
    assert json.loads(run("targets", "-f", "json", cwd=tmp_path).stdout)["ok"] is True


def test_the_dataframe_says_how_to_install_pandas() -> None:
    import reportcheck
    from reportcheck.review.frame import FRAME_NEEDS_PANDAS

    pack = reportcheck.review_pack(MONTHLY)
    with pytest.raises(ImportError) as caught:
        pack.to_frame()
    assert str(caught.value) == FRAME_NEEDS_PANDAS
    assert "pip install 'reportcheck[frame]'" in FRAME_NEEDS_PANDAS
