"""The routine's first step: a fill-in sheet where the README says, never over typed figures."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from .conftest import Run

Cli = Callable[..., Run]


def test_template_makes_the_missing_actuals_folder(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "actuals" / "2023-06.xlsx"
    result = cli("template", "--period", "2023-06", "-o", str(out))
    assert (result.exit_code, result.stdout) == (0, "")
    sheet = load_workbook(out).active
    assert sheet is not None
    assert (sheet["A2"].value, sheet["B2"].value) == ("gdp_growth", "2023-06")


def test_status_hint_gives_the_period_and_a_command_that_works(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = cli("status", "--period", "2023-06").stdout
    command = "reportcheck template --period 2023-06 -o actuals/2023-06.xlsx"
    assert command in " ".join(text.split())
    assert cli(*command.split()[1:]).exit_code == 0
    assert (tmp_path / "actuals" / "2023-06.xlsx").is_file()


def test_status_hint_in_english_also_has_the_period(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    text = " ".join(cli("status", "--lang", "en", "--period", "2023-05").stdout.split())
    assert "reportcheck template --period 2023-05 -o actuals/2023-05.xlsx" in text


def _fill(path: Path, value: float) -> None:
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    sheet["C2"] = value
    book.save(path)


def test_a_filled_workbook_is_not_overwritten(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "2023-06.xlsx"
    assert cli("template", "--period", "2023-06", "-o", str(out)).exit_code == 0
    _fill(out, 5.7)
    result = cli("template", "--period", "2023-06", "-o", str(out))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        f"reportcheck: error: -o {out}: already holds 1 typed value; it is kept. Write to "
        "another file, or add --force to overwrite it [file-has-values]\n"
        "reportcheck: 1 error; nothing written\n"
    )
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet["C2"].value == 5.7


def test_a_filled_csv_is_not_overwritten(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "2023-06.csv"
    out.write_text("id,period,value\ngdp_growth,2023-06,5.7\ngraduates,2023-06,5\n")
    result = cli("template", "-o", str(out))
    assert result.exit_code == 2
    assert "already holds 2 typed values" in result.stderr
    assert out.read_text() == "id,period,value\ngdp_growth,2023-06,5.7\ngraduates,2023-06,5\n"


def test_a_file_that_is_not_a_template_is_kept(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "notes.csv"
    out.write_text("meeting notes, not figures\n")
    result = cli("template", "-o", str(out))
    assert result.exit_code == 2
    assert "[file-has-values]" in result.stderr
    assert out.read_text() == "meeting notes, not figures\n"


def test_force_overwrites_and_an_empty_template_is_replaced(cli: Cli, tmp_path: Path) -> None:
    out = tmp_path / "2023-06.xlsx"
    assert cli("template", "--period", "2023-05", "-o", str(out)).exit_code == 0
    assert cli("template", "--period", "2023-06", "-o", str(out)).exit_code == 0  # still empty
    _fill(out, 5.7)
    assert cli("template", "--period", "2023-06", "-o", str(out), "--force").exit_code == 0
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet["C2"].value is None
