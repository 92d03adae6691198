"""Nothing passes on nothing: empty folders and files without figures are errors; every entry
of a folder that is not read is named on stderr with the reason."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from reportcheck.actuals import read_actuals, table_paths
from reportcheck.model.problems import ActualsError
from reportcheck.output.catalogue import message
from reportcheck.registry.records import Registry

from .conftest import Run

Cli = Callable[..., Run]
ROW = "id,period,value\ngdp_growth,2023-06,5.7\n"


def test_diff_on_an_empty_folder_is_an_error(cli: Cli, tmp_path: Path) -> None:
    run = cli("diff", str(tmp_path))
    assert run.exit_code == 2
    assert "[no-actuals]" in run.stderr


def test_status_on_an_empty_folder_is_an_error(cli: Cli, tmp_path: Path) -> None:
    run = cli("status", "--actuals", str(tmp_path))
    assert run.exit_code == 2
    assert "[no-actuals]" in run.stderr


def test_a_header_only_file_has_no_figures(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("id,period,value\ngdp_growth,2023-06,\n", encoding="utf-8")
    run = cli("diff", str(tmp_path / "a.csv"))
    assert (run.exit_code, "[no-figures]" in run.stderr) == (2, True)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX links and pipes")
def test_links_loops_pipes_and_other_files_are_named(tmp_path: Path, registry: Registry) -> None:
    (tmp_path / "2023-06.csv").write_text(ROW, encoding="utf-8")
    (tmp_path / "broken.csv").symlink_to(tmp_path / "gone.csv")
    (tmp_path / "loop.csv").symlink_to(tmp_path / "loop.csv")
    os.mkfifo(tmp_path / "pipe.csv")
    (tmp_path / "2023-07.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "readme.txt").write_text("说明：六月数据\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "~$2023-06.xlsx").write_bytes(b"lock")
    paths = table_paths(tmp_path)
    assert [p.name for p in paths] == ["2023-06.csv"]
    reasons = {Path(p.file or "").name: message(p, "en") for p in paths.skipped}
    assert set(reasons) == {
        "broken.csv",
        "loop.csv",
        "pipe.csv",
        "2023-07.xls",
        "readme.txt",
        "sub",
        "~$2023-06.xlsx",
    }
    assert "broken link" in reasons["broken.csv"]
    assert "loops" in reasons["loop.csv"]
    assert "pipe" in reasons["pipe.csv"]
    assert ".xls" in reasons["2023-07.xls"]
    result = read_actuals(paths, registry)
    assert [a.id for a in result.actuals] == ["gdp_growth"]
    assert {w.code for w in result.warnings} == {"skipped"}


def test_a_txt_file_with_the_header_is_read(tmp_path: Path, registry: Registry) -> None:
    (tmp_path / "2023-06.txt").write_text(ROW, encoding="utf-8")
    assert [a.id for a in read_actuals(table_paths(tmp_path), registry).actuals] == ["gdp_growth"]


def test_a_file_of_another_year_in_a_folder_is_skipped_not_fatal(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "2022-12.csv").write_text(
        "id,period,value\ngdp_growth,2022-12,3.3\n", encoding="utf-8"
    )
    (tmp_path / "2023-06.csv").write_text(ROW, encoding="utf-8")
    run = cli("status", "--actuals", str(tmp_path), "-f", "json")
    assert run.exit_code in (0, 1)
    assert "2022-12.csv: skipped: its periods are in 2022" in run.stderr


def test_a_file_of_another_year_given_alone_is_refused(tmp_path: Path, registry: Registry) -> None:
    path = tmp_path / "2022-12.csv"
    path.write_text("id,period,value\ngdp_growth,2022-12,3.3\n", encoding="utf-8")
    with pytest.raises(ActualsError) as caught:
        read_actuals(table_paths(path), registry)
    assert [p.code for p in caught.value.problems] == ["period-out-of-year"]


def test_a_folder_of_only_skipped_entries_names_them_and_fails(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "2023-07.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    run = cli("diff", str(tmp_path))
    assert run.exit_code == 2
    assert "2023-07.xls: skipped: an old Excel .xls workbook" in run.stderr
    assert "[no-actuals]" in run.stderr
