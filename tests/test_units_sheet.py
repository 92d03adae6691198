"""Responsibilities from the sheet an office keeps (--units), the filters by unit and leader,
and the pack grouped and counted by 分管领导."""

from __future__ import annotations

import json
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

import reportcheck
from reportcheck.actuals.responsibilities import assign, read_responsibilities
from reportcheck.model.problems import ActualsError, UsageError
from reportcheck.output.workbook import Workbook
from reportcheck.registry.records import Registry, _unit_separators, split_units

from .conftest import EXAMPLES, Run
from .rulebook import build, entry

Cli = Callable[..., Run]
MONTHLY = str(EXAMPLES / "monthly")
SHEET = (
    "序号,id,指标,责任单位,分管领导\n"
    "1,gdp_growth,地区生产总值增速,市发改委、市统计局,张三\n"
    "2,fai_growth,固定资产投资增速,市发改委,张三\n"
    "3,graduates,引进大学生,市人社局,李四\n"
    ",,一、其他,,\n"  # a heading row of the office's own: nothing to read
    "4,new_listed_companies,新增上市公司,市金融办,\n"
)


@pytest.fixture
def sheet(tmp_path: Path) -> Path:
    path = tmp_path / "责任分解.csv"
    path.write_text(SHEET, encoding="utf-8")
    return path


def test_the_sheet_sets_units_and_leaders_over_the_registrys_own(tmp_path: Path) -> None:
    registry = build(
        entry(
            "地区生产总值增长6%左右", "about", value=6, tolerance=0.5, lead="旧单位", leader="王五"
        ),
        entry("居民收入增长6%", "at_least", id="income", value=6, lead="市统计局"),
    )
    path = tmp_path / "units.csv"
    path.write_text("id,lead,leader\nt,市发改委、 市统计局,张三\nincome,,李四\n", "utf-8")
    assigned = assign(registry, read_responsibilities(path, registry))
    first, second = assigned.targets
    assert (first.lead, first.leads, first.leader) == (
        "市发改委、市统计局",
        ("市发改委", "市统计局"),
        "张三",
    )
    assert (second.lead, second.leader) == (
        "市统计局",
        "李四",
    )  # an empty cell keeps the registry's
    assert registry.targets[0].lead == "旧单位"  # the loaded registry is left as it was


def test_the_registry_carries_a_leader_itself() -> None:
    registry = build(
        entry("地区生产总值增长6%左右", "about", value=6, tolerance=0.5, leader="张三")
    )
    assert registry.targets[0].leaders == ("张三",)


def test_a_workbook_with_english_headers_is_read(tmp_path: Path, registry: Registry) -> None:
    book = Workbook()
    sheet = book.add("分工")
    sheet.append(["id", "lead", "leader", "note"])
    sheet.append(["gdp_growth", "市发改委", "张三", "牵头"])
    book.add("说明").append(["说明", 1])  # a later sheet of the office's own is not read
    path = tmp_path / "units.xlsx"
    path.write_bytes(book.to_bytes())
    given = read_responsibilities(path, registry)
    assert (given["gdp_growth"].lead, given["gdp_growth"].leader) == ("市发改委", "张三")


def test_every_problem_of_the_sheet_is_located_in_one_run(cli: Cli, tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text(
        "id,责任单位,分管领导\ngdp_grwth,市发改委,\n,市统计局,\ngdp_growth,a,\ngdp_growth,b,\n",
        encoding="utf-8",
    )
    result = cli("targets", "--units", str(path))
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [
        f"reportcheck: error: {path}:2: column id: 'gdp_grwth' is not an id in the registry; "
        "did you mean gdp_growth? ('reportcheck targets' lists them) [unknown-id]",
        f"reportcheck: error: {path}:3: column id: has no id; each row's units and leader "
        "belong to a registry id [missing-id]",
        f"reportcheck: error: {path}:5: column id: gives gdp_growth again, as {path}:4 does; "
        "one row per commitment (several units separated by 、) [repeated-id]",
        "reportcheck: 3 errors in 1 file; nothing listed",
    ]


@pytest.mark.parametrize(
    ("text", "missing"),
    [("id,指标\ngdp_growth,x\n", "责任单位/lead, 分管领导/leader"), ("编码,责任单位\n", "id")],
)
def test_a_sheet_without_its_columns_is_refused(
    tmp_path: Path, registry: Registry, text: str, missing: str
) -> None:
    path = tmp_path / "units.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ActualsError) as caught:
        read_responsibilities(path, registry)
    (found,) = caught.value.problems
    assert (found.code, found.line, found.params["missing"]) == ("missing-column", 1, missing)


def test_targets_json_names_units_and_leader(cli: Cli, sheet: Path) -> None:
    result = cli("targets", "--units", str(sheet), "--id", "gdp_growth", "-f", "json")
    (target,) = json.loads(result.stdout)["targets"]
    assert (target["lead"], target["leader"]) == ("市发改委、市统计局", "张三")
    shown = cli("show", "gdp_growth", "--units", str(sheet)).stdout
    assert "市发改委、市统计局" in shown
    assert "张三" in shown


def test_the_sheet_comes_from_the_environment_too(cli: Cli, sheet: Path) -> None:
    result = cli(
        "targets", "--lead", "市人社局", "-f", "json", env={"REPORTCHECK_UNITS": str(sheet)}
    )
    assert [t["id"] for t in json.loads(result.stdout)["targets"]] == ["graduates"]


def test_lead_matches_any_of_a_rows_units(cli_zh: Cli, sheet: Path) -> None:
    official = str(EXAMPLES / "huzhou-2023-h1-official.csv")
    statistics = cli_zh("diff", official, "--units", str(sheet), "--lead", "市统计局", "-f", "json")
    assert [r["id"] for r in json.loads(statistics.stdout)["results"]] == ["gdp_growth"]
    planning = cli_zh("diff", official, "--units", str(sheet), "--lead", "市发改委", "-f", "json")
    assert [r["id"] for r in json.loads(planning.stdout)["results"]] == ["gdp_growth", "fai_growth"]
    table = cli_zh("diff", official, "--units", str(sheet), "--lead", "市发改委")
    assert "(已筛选: --lead 市发改委)" in table.stdout


def test_leader_filters_status_and_says_so(cli_zh: Cli, sheet: Path) -> None:
    result = cli_zh("status", "--actuals", MONTHLY, "--units", str(sheet), "--leader", "张三")
    assert "(已筛选: --leader 张三)" in result.stdout
    judged = cli_zh(
        "status", "--actuals", MONTHLY, "--units", str(sheet), "--leader", "张三", "-f", "json"
    )
    ids = {r["id"] for r in json.loads(judged.stdout)["results"]}
    assert ids == {"gdp_growth", "fai_growth"}
    assert judged.exit_code == 1  # fai_growth lags


def test_an_unknown_unit_or_leader_is_a_usage_error_listing_the_known(
    cli: Cli, sheet: Path
) -> None:
    official = str(EXAMPLES / "huzhou-2023-h1-official.csv")
    result = cli("diff", official, "--units", str(sheet), "--lead", "市财政局", "--leader", "赵六")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[:2] == [
        "reportcheck: error: no commitment has the responsible unit '市财政局'; "
        "units: 市人社局、市发改委、市统计局、市金融办 [unknown-lead]",
        "reportcheck: error: no commitment has the leader '赵六'; leaders: "
        "张三、李四 [unknown-leader]",
    ]
    bare = cli("diff", official, "--lead", "市发改委")
    assert "no commitment names a responsible unit; give the office's sheet with --units" in (
        bare.stderr
    )


def test_the_pack_counts_by_leader_in_word_and_excel(
    cli_zh: Cli, sheet: Path, tmp_path: Path
) -> None:
    notice = tmp_path / "通报.docx"
    assert (
        cli_zh("report", "--actuals", MONTHLY, "--units", str(sheet), "-o", str(notice)).exit_code
        == 0
    )
    document = docx.Document(str(notice))
    texts = [p.text for p in document.paragraphs if p.text]
    assert "按分管领导统计" in texts
    counts = document.tables[0]
    assert [c.text for c in counts.rows[0].cells][:2] == ["分管领导", "项数"]
    assert [c.text for c in counts.rows[1].cells][:4] == ["张三", "2", "1", "1"]
    assert [c.text for c in counts.rows[-1].cells][:2] == ["未指定", "166"]
    lagging = texts[texts.index("三、滞后事项及原因") + 1 :]
    assert lagging[:2] == [
        "张三分管：",
        "1. 固定资产投资增速：8.1，低于要求 9%，差 0.9。",
    ]
    assert "未指定分管领导：" in lagging
    annex = [c.text for c in document.tables[1].rows[0].cells]
    assert annex[annex.index("责任单位") + 1] == "分管领导"

    workbook = tmp_path / "review.xlsx"
    assert (
        cli_zh("report", "--actuals", MONTHLY, "--units", str(sheet), "-o", str(workbook)).exit_code
        == 0
    )
    book = load_workbook(workbook)
    summary = [
        [c for c in row if c is not None] for row in book["汇总"].iter_rows(values_only=True)
    ]
    at = summary.index(["按分管领导统计"])
    assert summary[at + 2] == ["张三", 2, 1, 1, 0, 0, 0]
    assert summary[at + 3] == ["李四", 1, 1, 0, 0, 0, 0]
    header = [c.value for c in book["附件1"][3]]
    assert header[header.index("责任单位") + 1] == "分管领导"
    first = [c.value for c in book["附件1"][5]]
    assert first[header.index("分管领导")] == "张三"


def test_a_pack_of_one_unit_says_it_is_filtered(sheet: Path) -> None:
    pack = reportcheck.review_pack(MONTHLY, units=sheet, lead=["市发改委"])
    assert [row.target.id for row in pack.rows] == ["gdp_growth", "fai_growth"]
    assert pack.filters == ("--lead 市发改委",)
    assert pack.total == 169
    with pytest.raises(UsageError, match="unknown-lead"):
        reportcheck.review_pack(MONTHLY, units=sheet, lead="市财政局")


def test_without_leaders_the_pack_has_no_leader_column(cli_zh: Cli, tmp_path: Path) -> None:
    output = tmp_path / "review.xlsx"
    assert cli_zh("report", "--actuals", MONTHLY, "-o", str(output)).exit_code == 0
    book = load_workbook(output)
    assert "分管领导" not in [c.value for c in book["附件1"][3]]
    assert not any(row[0] == "按分管领导统计" for row in book["汇总"].iter_rows(values_only=True))


def test_a_commitment_under_two_leaders_counts_under_each(tmp_path: Path) -> None:
    path = tmp_path / "units.csv"
    path.write_text("id,分管领导\ngdp_growth,张三、李四\n", encoding="utf-8")
    pack = reportcheck.review_pack(MONTHLY, units=path)
    groups = pack.by_leader()
    assert list(groups) == ["张三", "李四", ""]
    assert [r.target.id for r in groups["张三"]] == [r.target.id for r in groups["李四"]]
    assert sum(len(rows) for rows in groups.values()) == len(pack.rows) + 1
    assert Decimal(len(groups[""])) == len(pack.rows) - 1


@pytest.mark.parametrize(
    ("cell", "units"),
    [
        ("市发改委、市统计局", ("市发改委", "市统计局")),
        ("市发改委 市统计局", ("市发改委", "市统计局")),
        ("市发改委/市统计局；市财政局", ("市发改委", "市统计局", "市财政局")),
        ("市发改委\n市统计局", ("市发改委", "市统计局")),
        ("市发改委、市发改委", ("市发改委",)),
        ("City DRC", ("City DRC",)),
        ("City  DRC、市统计局", ("City DRC", "市统计局")),
        (
            "市发展和改革委员会（市粮食物资局） 市统计局",
            ("市发展和改革委员会（市粮食物资局）", "市统计局"),
        ),
    ],
)
def test_the_units_of_one_cell(cell: str, units: tuple[str, ...]) -> None:
    assert split_units(cell) == units


@given(st.text(alphabet=st.sampled_from(list("市统计局（）() 　、,，;；/\n\taB")), max_size=24))
def test_a_cell_is_split_as_the_whole_pattern_splits_it(cell: str) -> None:
    """A cell without a space is split at its list marks alone, as the pattern that also splits
    at a space between Chinese names would split it."""
    names = [" ".join(part.split()) for part in _unit_separators().split(cell)]
    assert split_units(cell) == tuple(dict.fromkeys(name for name in names if name))
