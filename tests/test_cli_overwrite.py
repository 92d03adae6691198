"""Nothing typed is lost: report and draft keep an existing file unless --force says otherwise."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .conftest import EXAMPLES, REPO, Run

Cli = Callable[..., Run]
MONTHLY = str(EXAMPLES / "monthly")
REPORT_TEXT = REPO / "tests" / "data" / "reports" / "langfang-2023.txt"


@pytest.mark.parametrize("name", ["review.md", "review.html", "review.xlsx", "review.csv"])
def test_report_keeps_an_existing_file(cli: Cli, tmp_path: Path, name: str) -> None:
    output = tmp_path / name
    output.write_bytes(b"typed by hand")
    result = cli("report", "--actuals", MONTHLY, "-o", str(output))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"reportcheck: error: -o {output}: already exists; it is kept. Write to another file, "
        "or add --force to overwrite it [file-exists]",
        "reportcheck: 1 error; nothing written",
    ]
    assert output.read_bytes() == b"typed by hand"


def test_report_force_overwrites(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "review.md"
    output.write_text("old", encoding="utf-8")
    result = cli("report", "--actuals", MONTHLY, "-o", str(output), "--force")
    assert result.exit_code == 0, result.stderr
    assert output.read_text(encoding="utf-8") != "old"


def test_report_says_it_in_chinese(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "review.md"
    output.write_text("old", encoding="utf-8")
    result = cli("report", "--actuals", MONTHLY, "-o", str(output), "--lang", "zh")
    assert result.stderr.splitlines()[0] == (
        f"reportcheck: 错误: -o {output}:文件已存在,未覆盖;换一个文件名,或加 --force 覆盖 "
        "[file-exists]"
    )


def test_draft_keeps_an_existing_registry(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "registry.yaml"
    output.write_text("# checked by hand\n", encoding="utf-8")
    result = cli("draft", str(REPORT_TEXT), "-o", str(output))
    assert result.exit_code == 2
    assert f"-o {output}: already exists" in result.stderr
    assert "[file-exists]" in result.stderr
    assert output.read_text(encoding="utf-8") == "# checked by hand\n"
    forced = cli("draft", str(REPORT_TEXT), "-o", str(output), "--force")
    assert forced.exit_code == 0, forced.stderr
    assert output.read_text(encoding="utf-8").startswith("#")
    assert output.read_text(encoding="utf-8") != "# checked by hand\n"


def test_draft_to_a_new_file_needs_no_force(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "registry.yaml"
    assert cli("draft", str(REPORT_TEXT), "-o", str(output)).exit_code == 0
    assert output.exists()
