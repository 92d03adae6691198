"""`reportcheck draft`: a first registry from a report's text that `reportcheck lint` accepts."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml

from reportcheck.model.problems import UsageError
from reportcheck.output.catalogue import one_line
from reportcheck.registry.draft import draft_registry
from reportcheck.registry.lint import lint_registry
from reportcheck.registry.load import load_registry
from reportcheck.registry.prose.textnums import chinese_integer, find_numbers
from reportcheck.rules import Frame

from .conftest import REPO, Run

Cli = Callable[..., Run]
DATA = REPO / "tests" / "data"
HUZHOU = REPO / "seeds" / "000_2ae2d6b944143d98.txt"
TEXTS = sorted(p.stem for p in (DATA / "reports").glob("*.txt"))
PLAN = "二、2023年工作安排\n"


def entries(text: str, year: int | None = None) -> list[dict[str, Any]]:
    """The drafted commitments (reference entries, which promise nothing, left out)."""
    drafted = yaml.safe_load(draft_registry(text, seed="report.txt", year=year).yaml)
    return [e for e in drafted["targets"] if e.get("role") != "reference"]


def labelled_year(name: str) -> int | None:
    """The year of the labels, given as `--year` is (two texts never name their year)."""
    if name == "huzhou":
        return None
    labels = yaml.safe_load((DATA / "labels" / f"{name}.yaml").read_text(encoding="utf-8"))
    return int(labels["year"])


def rules(text: str) -> list[tuple[str, str, object]]:
    return [(e["quote"], e["comparator"], e.get("value")) for e in entries(PLAN + text)]


@pytest.mark.parametrize("name", [*TEXTS, "huzhou"])
def test_every_development_text_drafts_a_registry_lint_accepts(tmp_path: Path, name: str) -> None:
    source = HUZHOU if name == "huzhou" else DATA / "reports" / f"{name}.txt"
    report = tmp_path / "report.txt"
    report.write_bytes(source.read_bytes())
    registry = tmp_path / "registry.yaml"
    text = report.read_text(encoding="utf-8")
    registry.write_text(
        draft_registry(text, seed="report.txt", year=labelled_year(name)).yaml, encoding="utf-8"
    )
    found = lint_registry(registry)
    assert [one_line(p) for p in found.problems if p.severity == "error"] == []
    assert found.entries > 0
    loaded = load_registry(registry)  # what `reportcheck --targets registry.yaml …` uses
    assert len(loaded.targets) == found.entries


@pytest.mark.parametrize("name", TEXTS)
def test_every_labelled_commitment_is_drafted_with_its_rule(name: str) -> None:
    text = (DATA / "reports" / f"{name}.txt").read_text(encoding="utf-8")
    labels = yaml.safe_load((DATA / "labels" / f"{name}.yaml").read_text(encoding="utf-8"))
    drafted = [(e["quote"], e["comparator"], e.get("value")) for e in entries(text, labels["year"])]
    for label in labels["commitments"]:
        wanted = (label["comparator"], label.get("value"))
        assert any(
            (label["quote"] in quote or quote in label["quote"]) and (rule, value) == wanted
            for quote, rule, value in drafted
        ), label


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("地区生产总值增长6%左右。", ("地区生产总值增长6%左右", "about", 6)),
        ("固定资产投资增长9%。", ("固定资产投资增长9%", "at_least", 9)),
        ("引进大学生9万名以上。", ("引进大学生9万名以上", "at_least", 9)),
        ("比例不低于40%。", ("比例不低于40%", "at_least", 40)),
        ("贷款余额突破1万亿元。", ("贷款余额突破1万亿元", "more_than", 1)),
        ("占比超过60%。", ("占比超过60%", "more_than", 60)),
        ("失业率控制在5%以内。", ("失业率控制在5%以内", "at_most", 5)),
        ("占比提高1.5个百分点。", ("占比提高1.5个百分点", "rise_by", 1.5)),
        ("排名进入全国前25位。", ("排名进入全国前25位", "rank_within", 25)),
        ("收入倍差进一步缩小。", ("收入倍差进一步缩小", "below_baseline", None)),
        ("单位能耗进一步降低。", ("单位能耗进一步降低", "below_baseline", None)),
        (
            "完成能耗强度降低和煤炭消费压减任务。",
            ("完成能耗强度降低和煤炭消费压减任务", "done", None),
        ),
        ("出口份额基本稳定。", ("出口份额基本稳定", "steady", None)),
        ("收入与经济增长基本同步。", ("收入与经济增长基本同步", "in_step", None)),
        ("收入增长快于经济增长。", ("收入增长快于经济增长", "faster_than", None)),
        ("节能减排完成省定任务。", ("节能减排完成省定任务", "done", None)),
        ("增长6%—6.5%。", ("增长6%—6.5%", "range", [6, 6.5])),
        ("居民消费价格涨幅控制在3%左右。", ("居民消费价格涨幅控制在3%左右", "about", 3)),
        (
            "能耗和二氧化碳排放量等达到省定目标。",
            ("能耗和二氧化碳排放量等达到省定目标", "done", None),
        ),
        (
            "确保新增财力的三分之二以上用于民生。",
            ("确保新增财力的三分之二以上用于民生", "at_least", "200/3"),  # exactly 2/3 of 100 %
        ),
        ("服务业占比提高两成。", ("服务业占比提高两成", "at_least", 20)),
    ],
)
def test_each_wording_gives_its_rule(text: str, expected: tuple[str, str, object]) -> None:
    assert rules(text) == [expected]


def test_a_threshold_inside_a_noun_is_not_a_commitment() -> None:
    assert rules("滚动推进10亿元以上重大项目超200个,规上工业增加值增长7%。") == [
        ("滚动推进10亿元以上重大项目超200个", "more_than", 200),
        ("规上工业增加值增长7%", "at_least", 7),
    ]
    assert rules("新增三星级以上养老机构15家。") == [("新增三星级以上养老机构15家", "at_least", 15)]
    # the 10 of 纵深10公里范围内 bounds the outfalls; the clause is a yes/no deliverable
    outfalls = "完成太湖沿岸纵深10公里范围内所有入河排污口整治"
    assert rules(outfalls + "。") == [(outfalls, "done", None)]


def test_two_figures_of_one_phrase_are_two_entries() -> None:
    quote = "城镇、农村居民人均可支配收入分别增长8%和8.5%"
    assert rules(quote + "。") == [(quote, "at_least", 8), (quote, "at_least", 8.5)]


def drafted_text(text: str) -> str:
    return draft_registry(PLAN + text, seed="report.txt", year=2023).yaml


def names(text: str) -> list[tuple[str, str, str]]:
    return [(e["id"], e["name_zh"], e["name_en"]) for e in entries(PLAN + text, 2023)]


def test_each_subject_of_respectively_is_named_by_its_own_words() -> None:
    """粮食播种面积和产量分别达到… once gave 粮食播种面积和产量分别 and …120.3万亩以上、, both
    named Grain."""
    grain = "粮食播种面积和产量分别达到120.3万亩以上、10.59亿斤以上。"
    assert names(grain) == [
        ("grain", "粮食播种面积", "Grain"),
        ("grain_2", "粮食产量", "grain 2"),  # another quantity: its English name to write
    ]
    assert "  # check: id and English name to write\n  - id: grain_2" in drafted_text(grain)
    assert names("城镇、农村居民人均可支配收入分别增长8%和8.5%。") == [
        (
            "urban_income_growth",
            "城镇居民人均可支配收入增速",
            "Urban per-capita disposable income growth",
        ),
        (
            "rural_income_growth",
            "农村居民人均可支配收入增速",
            "Rural per-capita disposable income growth",
        ),
    ]
    assert [n for _, n, _ in names("单位地区生产总值能耗和碳排放分别下降3%、4%。")] == [
        "单位地区生产总值能耗",
        "单位地区生产总值碳排放",
    ]
    assert [n for _, n, _ in names("进口和出口总额分别增长5%、6%。")] == [
        "进口总额增速",
        "出口总额增速",
    ]
    assert [n for _, n, _ in names("地区生产总值和一般公共预算收入分别增长6%和7%。")] == [
        "地区生产总值增速",
        "一般公共预算收入增速",
    ]


def test_a_subject_of_respectively_that_cannot_be_named_whole_is_marked_to_check(
    tmp_path: Path,
) -> None:
    text = drafted_text("单位能耗和碳排放分别下降10%、12%。")
    assert [n for _, n, _ in names("单位能耗和碳排放分别下降10%、12%。")] == ["单位能耗", "碳排放"]
    second = text[text.index("  - id: item_01") : text.index("  - id: item_02")]
    assert "# check: one of the subjects 分别 shares the wording among" in second
    assert [n for _, n, _ in names("新增A、B、C分别达到5家和6家。")] == ["新增A、B、C"] * 2
    assert "# check: one quote, 2 commitments: give each its own name" in drafted_text(
        "新增A、B、C分别达到5家和6家。"
    )


def test_a_name_cut_from_its_sentence_is_made_whole() -> None:
    assert [n for _, n, _ in names("“好苗子”企业1000家,新增“工业上楼”300万平方米以上。")] == [
        "“好苗子”企业",
        "新增“工业上楼”",
    ]
    pair = "力争创建2家高星级旅游饭店和2家文化主题旅游饭店。"
    assert names(pair)[1][1] == "力争创建2家高星级旅游饭店"  # not …饭店和
    assert [n for _, n, _ in names("保租房惠及30万人以上。")] == ["保租房惠及"]


def test_a_rise_promised_without_a_figure_is_drafted_to_check_never_dropped(
    tmp_path: Path, cli: Cli
) -> None:
    """研发投入强度有所提升 was dropped silently: it is a commitment of direction, drafted as not
    below last year's level (steady, no tolerance) with a `# check:` line saying so."""
    review = "一、2022年工作回顾\n研发投入强度达到3.3%。\n"
    text = review + PLAN + "研发投入强度有所提升,单位能耗有所下降。\n"
    [rise, fall] = entries(text, 2023)
    assert (rise["quote"], rise["name_zh"], rise["comparator"], rise["tolerance"]) == (
        "研发投入强度有所提升",
        "研发投入强度",
        "steady",
        0,
    )
    assert rise["baseline"] == {"value": 3.3, "year": 2022, "quote": "研发投入强度达到3.3%"}
    assert (fall["quote"], fall["name_zh"], fall["comparator"]) == (
        "单位能耗有所下降",
        "单位能耗",
        "below_baseline",
    )
    drafted = draft_registry(text, seed="report.txt", year=2023).yaml
    assert (
        "# check: 有所提升 promises a rise without a figure: judged as not below last year's"
        in (drafted)
    )
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    (tmp_path / "registry.yaml").write_text(drafted, encoding="utf-8")
    assert cli("lint", str(tmp_path / "registry.yaml")).exit_code == 0
    assert cli("lint", str(tmp_path / "registry.yaml"), "--strict").exit_code == 2
    rule = load_registry(tmp_path / "registry.yaml").get("rd_intensity").rule  # type: ignore[union-attr]
    assert rule is not None
    last_year = Frame(baseline=Fraction(33, 10))
    assert rule.judge(Fraction(34, 10), last_year).passed  # a rise
    assert not rule.judge(Fraction(32, 10), last_year).passed  # a fall


def test_a_run_of_figures_after_respectively_is_one_entry_each() -> None:
    quote = "确保开工、投产项目分别达19个、5个"
    assert rules(quote + "。") == [(quote, "at_least", 19), (quote, "at_least", 5)]


def test_a_cut_is_entered_as_a_magnitude() -> None:
    [entry] = entries(PLAN + "继续压减一般性支出15%以上。")
    assert "direction" not in entry  # a bigger cut is better
    assert (entry["comparator"], entry["value"], entry["entered_as"]) == (
        "at_least",
        15,
        "magnitude",
    )


def test_a_cap_with_about_is_about_and_less_is_better() -> None:
    [entry] = entries(PLAN + "居民消费价格涨幅控制在3%左右。")
    assert (entry["comparator"], entry["direction"], entry["tolerance"]) == ("about", "down", 0.5)


def test_each_and_all_make_one_entry_per_subject() -> None:
    quote = "打造“美丽小区”“美丽街巷”各100个"
    assert rules(quote + "。") == [(quote, "at_least", 100)] * 2
    water = "地表水达标率、饮用水达标率、水源地达标率均保持100%"
    assert rules(water + "。") == [(water, "at_least", 100)] * 3


def test_the_review_of_last_year_is_not_a_commitment() -> None:
    text = "一、2022年工作回顾\n地区生产总值增长8%。\n" + PLAN + "地区生产总值增长8%左右。"
    assert [e["quote"] for e in entries(text)] == ["地区生产总值增长8%左右"]


def test_a_statement_of_targets_before_the_first_plan_heading_opens_the_plan() -> None:
    text = (
        "一、2023年工作回顾\n地区生产总值增长7%,主要预期目标全面完成。\n"
        "今年经济社会发展主要预期目标是:地区生产总值增长8%左右,城镇调查失业率控制在5.5%以内。\n"
        "三、2024年主要工作安排\n新增上市公司6家。"
    )
    assert [(e["quote"], e["comparator"]) for e in entries(text, 2024)] == [
        ("地区生产总值增长8%左右", "about"),
        ("城镇调查失业率控制在5.5%以内", "at_most"),
        ("新增上市公司6家", "at_least"),
    ]


def test_a_double_dash_ends_a_clause_and_a_single_dash_joins_a_range() -> None:
    text = "今年的主要预期目标——地区生产总值增长6%—6.5%,新增上市公司6家。"
    assert [(e["quote"], e["comparator"]) for e in entries(PLAN + text)] == [
        ("地区生产总值增长6%—6.5%", "range"),
        ("新增上市公司6家", "at_least"),
    ]


def test_a_text_that_only_looks_back_is_flagged_for_the_reader() -> None:
    review = "报告回顾了2023年的工作。2023年,预计实现地区生产总值478亿元,增长6.8%。"
    drafted = draft_registry(review, seed="r.txt", year=2024).yaml
    assert "# check: no plan part was found and the text looks back on a past year" in drafted
    plan = draft_registry(PLAN + "地区生产总值增长6%左右。", seed="r.txt").yaml
    assert "no plan part was found" not in plan


def test_a_baseline_is_taken_from_the_review() -> None:
    text = (
        "一、2022年工作回顾\n城乡居民收入倍差缩小至1.61。\n" + PLAN + "城乡居民收入倍差进一步缩小。"
    )
    [entry] = entries(text)
    assert entry["baseline"] == {"value": 1.61, "year": 2022, "quote": "城乡居民收入倍差缩小至1.61"}
    assert entry["unit"] == "倍"


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("到2027年,地区生产总值突破5000亿元。", 2027),
        ("今后五年新增就业30万人。", 2027),
        ("新建项目开工率三季度达到100%。", "2023-09"),
        ("新增就业6万人。", None),
    ],
)
def test_the_due_year_is_read_from_the_wording(text: str, due: object) -> None:
    [entry] = entries(PLAN + text)
    assert entry.get("due") == due


def test_names_years_dates_and_list_numbers_are_listed_as_not_commitments() -> None:
    text = PLAN + "1.实施“1113”招才引智工程,争创“十七连冠”,推进318国道改建,第三轮计划。"
    drafted = yaml.safe_load(draft_registry(text, seed="r.txt").yaml)
    [title] = drafted["targets"]  # 争创 a named title is a deliverable; its 十七 is no figure
    assert (title["quote"], title["comparator"], title.get("value")) == (
        "争创“十七连冠”",
        "done",
        None,
    )
    reasons = {item["reason"] for item in drafted["not_commitments"]}
    assert reasons == {
        "a year or date",
        "list number",
        "part of a name in quotation marks",
        "no unit: a name, a code or a count that describes",
    }


def test_traditional_characters_keep_their_own_words_in_the_quote() -> None:
    text = "二、2023年工作安排\n地區生產總值增長6%左右,城鎮調查失業率控制在5%以內。"
    assert [(e["quote"], e["comparator"], e["value"]) for e in entries(text)] == [
        ("地區生產總值增長6%左右", "about", 6),
        ("城鎮調查失業率控制在5%以內", "at_most", 5),
    ]


def test_traditional_review_and_plan_are_told_apart() -> None:
    text = "一、2022年工作回顧\n地區生產總值增長8%。\n二、2023年工作安排\n地區生產總值增長8%左右。"
    assert [e["quote"] for e in entries(text)] == ["地區生產總值增長8%左右"]


def test_a_file_name_cannot_write_into_the_registry() -> None:
    drafted = draft_registry(PLAN + "新增上市公司6家。", seed="r.txt", name="x\ntargets: evil")
    assert drafted.yaml.splitlines()[0].endswith("from x?targets: evil.")
    assert yaml.safe_load(drafted.yaml)["targets"][0]["value"] == 6


def test_a_file_too_large_for_a_report_is_refused(cli: Cli, tmp_path: Path) -> None:
    from reportcheck.model.limits import MAX_REPORT_BYTES

    report = tmp_path / "big.txt"
    report.write_bytes(b"x" * (MAX_REPORT_BYTES + 1))
    result = cli("draft", str(report))
    assert result.exit_code == 2
    assert "[report-too-large]" in result.stderr


def test_full_width_digits_are_read() -> None:
    assert rules("新增上市公司\uff16家。") == [("新增上市公司\uff16家", "at_least", 6)]


def test_full_width_punctuation_ends_clauses_as_it_does_in_published_reports() -> None:
    text = (
        "地区生产总值增长6%左右\uff0c城镇调查失业率控制在5%以内\uff1b"
        "新增上市公司6家\uff08含\uff09。"
    )
    assert rules(text) == [
        ("地区生产总值增长6%左右", "about", 6),
        ("城镇调查失业率控制在5%以内", "at_most", 5),
        ("新增上市公司6家\uff08含\uff09", "at_least", 6),
    ]


#: Published reports are set with full-width ，；：（）; the development texts with ASCII ones.
TO_FULL_WIDTH = str.maketrans(
    {",": "\uff0c", ";": "\uff1b", ":": "\uff1a", "(": "\uff08", ")": "\uff09"}
)


@pytest.mark.parametrize("name", [*TEXTS, "huzhou"])
def test_a_text_set_with_full_width_punctuation_drafts_the_same_entries(
    tmp_path: Path, name: str
) -> None:
    source = HUZHOU if name == "huzhou" else DATA / "reports" / f"{name}.txt"
    ascii_text = source.read_text(encoding="utf-8")
    full_width = ascii_text.translate(TO_FULL_WIDTH)
    assert full_width != ascii_text
    year = labelled_year(name)
    drafted = [
        [(e["quote"].translate(TO_FULL_WIDTH), e["comparator"], e.get("value")) for e in found]
        for found in (entries(ascii_text, year), entries(full_width, year))
    ]
    assert drafted[1] == drafted[0]
    (tmp_path / "report.txt").write_text(full_width, encoding="utf-8")
    registry = tmp_path / "registry.yaml"
    registry.write_text(draft_registry(full_width, seed="report.txt", year=year).yaml, "utf-8")
    assert [one_line(p) for p in lint_registry(registry).problems if p.severity == "error"] == []


def test_a_report_without_a_year_needs_one(cli: Cli, tmp_path: Path) -> None:
    text = "主要预期目标:地区生产总值增长6%左右。"
    with pytest.raises(UsageError) as caught:
        draft_registry(text, seed="r.txt")
    assert caught.value.problems[0].code == "draft-no-year"
    assert entries(text, year=2025)[0]["value"] == 6
    report = tmp_path / "report.txt"
    report.write_text(text, encoding="utf-8")
    result = cli("draft", str(report))
    assert result.exit_code == 2
    assert "pass --year [draft-no-year]" in result.stderr
    assert cli("draft", str(report), "--year", "2025").exit_code == 0


def test_cli_drafts_gb18030_to_a_file_lint_accepts(cli: Cli, tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes((PLAN + "地区生产总值增长6%左右,新增上市公司6家。").encode("gb18030"))
    (tmp_path / "out").mkdir()
    output = tmp_path / "out" / "registry.yaml"
    drafted = cli("draft", str(report), "-o", str(output))
    assert drafted.exit_code == 0
    assert "drafted 2 commitments" in drafted.stderr
    assert 'seed: "../report.txt"' in output.read_text(encoding="utf-8")
    assert cli("lint", str(output)).exit_code == 0


def test_a_draft_on_standard_output_says_what_its_seed_is_relative_to(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    report = tmp_path / "report.txt"
    report.write_text(PLAN + "地区生产总值增长6%左右。", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    drafted = cli("draft", "report.txt")
    assert 'seed: "report.txt"' in drafted.stdout
    assert "seed is written as report.txt, relative to the current folder" in drafted.stderr
    assert "use -o FILE" in drafted.stderr
    quiet = cli("draft", "report.txt", "-o", "registry.yaml")
    assert "relative to the current folder" not in quiet.stderr


def test_an_unreadable_report_is_one_line_and_exit_2(cli: Cli, tmp_path: Path) -> None:
    result = cli("draft", str(tmp_path / "missing.txt"))
    assert result.exit_code == 2
    assert "[report-unreadable]" in result.stderr
    assert "Traceback" not in result.stderr


def test_text_that_looks_like_yaml_markup_stays_text(tmp_path: Path) -> None:
    text = PLAN + '新增“!!python/object: x # y"&z”企业6家。'
    drafted = yaml.safe_load(draft_registry(text, seed="r.txt").yaml)
    assert drafted["targets"][0]["quote"] == '新增“!!python/object: x # y"&z”企业6家'


@pytest.mark.parametrize(
    ("written", "value"),
    [("十七", 17), ("二十", 20), ("一百零五", 105), ("三千二百", 3200), ("十百千", None)],
)
def test_chinese_numerals(written: str, value: int | None) -> None:
    assert chinese_integer(written) == value


def test_numbers_of_a_text_arabic_and_chinese() -> None:
    found = find_numbers("PM2.5浓度、“415X”集群、三分之二、两成、1,000家、十七连冠、党的二十大")
    assert [(n.written, n.value) for n in found] == [
        ("三分之二", Decimal("66.67")),
        ("两成", Decimal(20)),
        ("1,000", Decimal(1000)),
        ("十七", Decimal(17)),
    ]


@pytest.mark.parametrize("name", ["shandong-2023", "jiaxing-tasks-2023", "huzhou"])
def test_the_round_trip_draft_lint_template(cli: Cli, tmp_path: Path, name: str) -> None:
    source = HUZHOU if name == "huzhou" else DATA / "reports" / f"{name}.txt"
    report = tmp_path / "report.txt"
    report.write_bytes(source.read_bytes())
    registry = tmp_path / "r.yaml"
    year = labelled_year(name)
    drafted = cli(
        "draft", str(report), "-o", str(registry), *(["--year", str(year)] if year else [])
    )
    assert drafted.exit_code == 0, drafted.stderr
    assert cli("lint", str(registry)).exit_code == 0
    template = cli("--targets", str(registry), "template")
    assert template.exit_code == 0, template.stderr
    ids = [line.split(",")[0] for line in template.stdout.splitlines()[1:]]
    assert len(ids) == len(load_registry(registry).targets)


def test_a_drafted_two_thirds_is_judged_as_two_thirds(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(
        "二、2023年工作安排\n确保新增财力的三分之二以上用于民生。\n", encoding="utf-8"
    )
    registry = tmp_path / "r.yaml"
    registry.write_text(
        draft_registry(report.read_text("utf-8"), seed="report.txt", year=2023).yaml
    )
    (target,) = load_registry(registry).commitments
    assert target.rule is not None
    assert target.rule.threshold == Fraction(200, 3)
