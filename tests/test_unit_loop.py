"""The unit loop: one fill-in workbook per responsible unit, and what comes back merged."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from openpyxl import load_workbook

from reportcheck.output.template import file_name

from .conftest import Run

Cli = Callable[..., Run]
SHEET = (
    "id,责任单位,分管领导\n"
    "gdp_growth,市发改委、市统计局,张三\n"
    "fai_growth,市发改委,张三\n"
    "graduates,市人社局:人才办,李四\n"  # a name Windows cannot use as it is
)


@pytest.fixture
def units(tmp_path: Path) -> Path:
    path = tmp_path / "责任分解.csv"
    path.write_text(SHEET, encoding="utf-8")
    return path


def _rows(path: Path) -> list[tuple[object, ...]]:
    sheet = load_workbook(path).active
    assert sheet is not None
    return list(sheet.iter_rows(values_only=True))


def _fill(path: Path, values: dict[str, tuple[float, str]]) -> None:
    """Type a value and a reason beside each id, as a unit does in Excel."""
    book = load_workbook(path)
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    for row in sheet.iter_rows(min_row=2):
        target = row[0].value
        if target in values:
            value, reason = values[str(target)]
            row[header.index("value")].value = value
            row[header.index("reason")].value = reason
    book.save(path)


def test_each_unit_gets_its_commitments_and_shared_ones_go_to_both(
    cli: Cli, units: Path, tmp_path: Path
) -> None:
    out = tmp_path / "分发" / "2023-06"
    result = cli("template", "--units", str(units), "--by-unit", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == [
        "2023-06 no unit named.xlsx",
        "2023-06 市人社局_人才办.xlsx",
        "2023-06 市发改委.xlsx",
        "2023-06 市统计局.xlsx",
    ]
    planning = _rows(out / "2023-06 市发改委.xlsx")
    assert planning[0] == (
        "id",
        "period",
        "value",
        "unit",
        "name_zh",
        "target",
        "lead",
        "source",
        "note",
        "reason",
    )
    assert [(r[0], r[1], r[6]) for r in planning[1:]] == [
        ("gdp_growth", "2023-06", "市发改委、市统计局"),
        ("fai_growth", "2023-06", "市发改委"),
    ]
    assert [r[0] for r in _rows(out / "2023-06 市统计局.xlsx")[1:]] == ["gdp_growth"]
    unnamed = _rows(out / "2023-06 no unit named.xlsx")[1:]
    assert len(unnamed) == 172 - 3  # every other entry of the registry: none is left out
    assert "wrote a sheet for each of 3 responsible units" in result.stderr
    assert "169 commitments name no unit" in result.stderr


def test_what_comes_back_is_merged_reasons_kept_disagreements_named(
    cli: Cli, units: Path, tmp_path: Path
) -> None:
    out = tmp_path / "actuals"
    assert (
        cli(
            "template", "--units", str(units), "--by-unit", "-o", str(out), "--period", "2023-06"
        ).exit_code
        == 0
    )
    (out / "2023-06 no unit named.xlsx").unlink()  # the office fills these in itself elsewhere
    planning, statistics = out / "2023-06 市发改委.xlsx", out / "2023-06 市统计局.xlsx"
    _fill(planning, {"gdp_growth": (5.7, "按计划推进"), "fai_growth": (8.1, "项目开工延后")})
    _fill(statistics, {"gdp_growth": (5.7, "统计口径已核")})
    merged = cli("diff", str(out), "--id", "gdp_growth", "--id", "fai_growth", "-f", "json")
    results = {r["id"]: r for r in json.loads(merged.stdout)["results"]}
    assert results["gdp_growth"]["actual"] == 5.7
    assert results["gdp_growth"]["reported_reason"] == "按计划推进;统计口径已核"
    assert results["fai_growth"]["reported_reason"] == "项目开工延后"
    assert merged.stderr.count("[duplicate-row]") == 1  # the same figure twice: a warning
    _fill(statistics, {"gdp_growth": (5.8, "统计口径已核")})
    disagree = cli("status", "--actuals", str(out))
    assert disagree.exit_code == 2
    assert disagree.stderr.splitlines()[0] == (
        f"reportcheck: error: {statistics}:2: column value: reports gdp_growth for 2023-06 as "
        f"'5.8', but another file, {planning}:2, reports 5.7; the two reports disagree: settle "
        "the figure with both units and keep it in one file [conflicting-duplicate]"
    )


def test_the_workbooks_a_unit_filled_are_never_overwritten(
    cli: Cli, units: Path, tmp_path: Path
) -> None:
    out = tmp_path / "2023-06"
    assert cli("template", "--units", str(units), "--by-unit", "-o", str(out)).exit_code == 0
    _fill(out / "2023-06 市发改委.xlsx", {"fai_growth": (8.1, "")})
    _fill(out / "2023-06 市统计局.xlsx", {"gdp_growth": (5.7, "")})
    again = cli("template", "--units", str(units), "--by-unit", "-o", str(out))
    assert again.exit_code == 2
    assert again.stderr.count("[file-has-values]") == 2  # each file named, none written
    assert _rows(out / "2023-06 市发改委.xlsx")[2][2] == 8.1
    forced = cli("template", "--units", str(units), "--by-unit", "-o", str(out), "--force")
    assert forced.exit_code == 0
    assert _rows(out / "2023-06 市发改委.xlsx")[2][2] is None


def test_by_unit_needs_a_folder_and_units(cli: Cli, units: Path, tmp_path: Path) -> None:
    file = cli("template", "--units", str(units), "--by-unit", "-o", str(tmp_path / "x.xlsx"))
    assert file.exit_code == 2
    assert "--by-unit writes to a folder" in file.stderr
    bare = cli("template", "--by-unit", "-o", str(tmp_path / "out"))
    assert bare.exit_code == 2
    assert "no commitment names a responsible unit" in bare.stderr
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("unit", "name"),
    [
        ("市发改委", "市发改委"),
        ("市人社局/人才办", "市人社局_人才办"),
        ('a<b>c:"d"|e?f*g\\h', "a_b_c__d__e_f_g_h"),
        ("CON", "_CON"),
        ("nul.txt", "_nul.txt"),
        ("局。. ", "局。"),
        ("\x1b", "_"),
        ("长" * 200, "长" * 80),
    ],
)
def test_unit_names_are_made_safe_for_windows(unit: str, name: str) -> None:
    assert file_name(unit) == name


def test_the_readmes_unit_loop_runs_as_written(tmp_path: Path) -> None:
    """The README's unit loop in an empty folder: the sheets sent out, two of them filled and
    saved in actuals/, then the merged status, one unit's, and the 通报."""
    import os
    import re
    import shutil
    import subprocess
    import sys

    from reportcheck.output.workbook import Workbook

    from .conftest import REPO

    text = (REPO / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- unit-loop -->\n```sh\n(.+?)```", text, re.S)
    assert block is not None
    commands = [line.split("#")[0].strip() for line in block.group(1).splitlines()]
    commands = [c for c in commands if c]
    assert [c.split()[1] for c in commands] == ["template", "status", "status", "report"]
    book = Workbook()
    sheet = book.add("责任分解")
    for row in SHEET.splitlines():
        sheet.append(row.split(","))
    (tmp_path / "责任分解.xlsx").write_bytes(book.to_bytes())
    bin_dir = Path(sys.executable).parent
    if shutil.which("reportcheck", path=str(bin_dir)) is None:  # pragma: no cover
        pytest.skip("reportcheck is not installed beside this interpreter")
    env = {
        "PATH": str(bin_dir),
        "LANG": "C.UTF-8",
        "HOME": str(tmp_path),
        "REPORTCHECK_CACHE_DIR": os.environ["REPORTCHECK_CACHE_DIR"],
    }
    bash = shutil.which("bash") or "bash"
    for command in commands:
        done = subprocess.run(
            [bash, "-c", command],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        assert done.returncode in (0, 1), (command, done.stderr)
        if command.split()[1] == "template":  # the units fill their sheets and send them back
            sent = tmp_path / "分发"
            _fill(sent / "2023-06 市发改委.xlsx", {"fai_growth": (8.1, "项目开工延后")})
            _fill(sent / "2023-06 市统计局.xlsx", {"gdp_growth": (5.7, "")})
            (tmp_path / "actuals").mkdir()
            for name in ("2023-06 市发改委.xlsx", "2023-06 市统计局.xlsx"):
                shutil.copy(sent / name, tmp_path / "actuals" / name)
        elif "--lead" in command:  # the two commitments of 市发改委, one lagging
            said = " ".join(done.stdout.split())
            assert (
                "(已筛选: --lead 市发改委) 已完成 0 未完成 0 符合进度 1 滞后 1 未到期 0 暂无数据 0"
                in said
            )
            assert "fai_growth" in done.stdout
        elif command.split()[1] == "status":
            assert "滞后 1" in " ".join(done.stdout.split())
    import docx

    texts = [p.text for p in docx.Document(str(tmp_path / "通报.docx")).paragraphs]
    assert "张三分管：" in texts
