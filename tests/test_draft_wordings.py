"""The wordings `draft` reads a promise from: one test per wording, read as a person would."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from reportcheck.output.catalogue import one_line
from reportcheck.registry.draft import draft_registry
from reportcheck.registry.lint import lint_registry
from reportcheck.registry.prose.textnums import find_numbers, word_figures
from reportcheck.registry.prose.wording import unit_at, unit_scale

PLAN = "一、2024年工作回顾\n去年很好。\n二、2025年工作安排\n"


def entries(text: str) -> list[dict[str, Any]]:
    drafted = yaml.safe_load(draft_registry(PLAN + text, seed="r.txt").yaml)
    return [e for e in drafted["targets"] if e.get("role") != "reference"]


def rules(text: str) -> list[tuple[str, str, object, str]]:
    """(quote, comparator, value, unit) of each entry drafted from the text."""
    return [(e["quote"], e["comparator"], e.get("value"), e["unit"]) for e in entries(text)]


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("商品进出口总值保持正增长。", ("商品进出口总值保持正增长", "at_least", 0, "%")),
        (
            "力争不发生较大及以上生产安全事故。",
            ("力争不发生较大及以上生产安全事故", "at_most", 0, "起"),
        ),
        ("资金争取额度保持全省第1。", ("资金争取额度保持全省第1", "rank_within", 1, "位")),
        ("实到外资总量稳定在全省前4。", ("实到外资总量稳定在全省前4", "rank_within", 4, "位")),
        ("项目投资额继续领跑全省。", ("项目投资额继续领跑全省", "rank_within", 1, "位")),
        ("完成森林提质增绿约23万亩。", ("完成森林提质增绿约23万亩", "about", 23, "万亩")),
        (
            "城乡居民收入倍差缩小至1.58左右。",
            ("城乡居民收入倍差缩小至1.58左右", "about", 1.58, "倍"),
        ),
        ("城乡居民收入倍差缩小至1.6。", ("城乡居民收入倍差缩小至1.6", "at_most", 1.6, "倍")),
        ("推动展会落地20多个国家。", ("推动展会落地20多个国家", "more_than", 20, "个")),
        (
            "奋力突破地区生产总值4000亿元。",
            ("奋力突破地区生产总值4000亿元", "more_than", 4000, "亿元"),
        ),
        ("地区生产总值破万亿元。", ("地区生产总值破万亿元", "more_than", 1, "万亿元")),
        ("培育百个新一批学科带头人。", ("培育百个新一批学科带头人", "at_least", 100, "个")),
        (
            "新增激活利用闲置农房2000宗以上。",
            ("新增激活利用闲置农房2000宗以上", "at_least", 2000, "宗"),
        ),
        ("新增公办学位6万座。", ("新增公办学位6万座", "at_least", 6, "万座")),
        (
            "腾出用能空间50万吨标准煤以上。",
            ("腾出用能空间50万吨标准煤以上", "at_least", 50, "万吨标准煤"),
        ),
    ],
)
def test_a_wording_drafts_its_rule_value_and_unit(
    text: str, rule: tuple[str, str, object, str]
) -> None:
    assert rules(text) == [rule]


@pytest.mark.parametrize(
    ("text", "comparator", "count"),
    [
        ("市区PM2.5平均浓度稳中有降。", "below_baseline", 1),
        ("确保粮食播种面积和产量稳中有升。", "steady", 2),
        ("实现生产安全事故起数和死亡人数“双下降”。", "below_baseline", 2),
        ("外贸自营进出口总额保持全国占比份额。", "steady", 1),
        ("占比不低于去年。", "steady", 1),
        ("产业投资、制造业投资增速快于面上经济增速。", "faster_than", 2),
        ("普惠小微贷款增速不低于各项贷款平均增速。", "faster_than", 1),
        ("城镇、农村居民人均可支配收入与经济增长同步。", "in_step", 2),
        ("特别国债、专项债等份额占全国比重稳中有升。", "steady", 1),
    ],
)
def test_a_wording_without_a_figure_drafts_one_entry_per_subject(
    text: str, comparator: str, count: int
) -> None:
    drafted = entries(text)
    assert [e["comparator"] for e in drafted] == [comparator] * count
    assert len({e["quote"] for e in drafted}) == 1


def test_subjects_sharing_one_rate_get_one_entry_each() -> None:
    assert [r[:3] for r in rules("地区生产总值、固定资产投资增长5%左右。")] == [
        ("地区生产总值、固定资产投资增长5%左右", "about", 5)
    ] * 2
    assert len(rules("数据交易规模和上架产品数均增长10%。")) == 2
    assert len(rules("人均可支配收入增长6%。")) == 1  # 人均 is no 均
    assert len(rules("各级领军人才500名。")) == 1  # 各级 is no 各


def test_a_margin_over_another_rate_is_faster_than_and_says_so() -> None:
    [entry] = entries("战略性新兴产业增加值增速高于规上工业2个百分点。")
    assert (entry["comparator"], entry["unit"]) == ("faster_than", "%")
    registry = draft_registry(PLAN + "增速高于规上工业2个百分点。", seed="r.txt").yaml
    assert "# check: faster than another quantity by the points the quote states" in registry
    assert rules("增幅高于全省平均2个百分点以上。")[0][1:] == ("at_least", 2, "个百分点")


@pytest.mark.parametrize(
    "text",
    [
        "争取开工建设20万吨级航道工程。",  # a class of ship
        "集体经营性收入50万元以上行政村基本实现全覆盖。",  # qualifies what is covered
        "梳理形成了12项民生实事候选项目。",
        "我们筛选出18个民生实事候选项目。",
        "迭代实施新一轮推动经济高质量发展政策57条。",
        "落实落细民营经济32条政策。",
        "推进4个国铁、10个城际、10个地铁等续建项目建设。",
        "大力推动城西科创大走廊、城东智造大走廊等2条廊道建设。",
        "有66万名在园幼儿、180多万名在校中小学生。",
        "继续推进乡镇15分钟上高速。",
        "城乡差距、区域差距、收入差距进一步缩小。",
    ],
)
def test_a_figure_that_describes_is_no_commitment(text: str) -> None:
    assert [r for r in rules(text) if r[1] != "done"] == []


def test_a_count_worded_as_a_target_after_a_verb_of_process_is_one() -> None:
    assert rules("推动10家以上企业嫁接落户。") == [
        ("推动10家以上企业嫁接落户", "at_least", 10, "家")
    ]


def test_a_time_promised_is_a_figure() -> None:
    assert rules("院前医疗急救平均反应时间缩短至10分钟以内。")[0][1:] == ("at_most", 10, "分钟")


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("未来五年累计引进大学生100万人。", 2029),
        ("三年内新建保障性住房1万套。", 2027),
        ("到2027年数字经济核心产业增加值达到1万亿元。", 2027),
        ("“十五五”时期地区生产总值迈上3万亿元。", 2030),
    ],
)
def test_a_horizon_in_the_sentence_sets_the_due_year(text: str, due: int) -> None:
    assert [e.get("due") for e in entries(text)] == [due]


def test_figures_said_in_words_are_read_and_say_so(tmp_path: Path) -> None:
    assert [n.value for n in word_figures("保持正增长、达千亿元")] == [0, 1000]
    assert word_figures("千亿级产业集群、千方百计、老百姓、推进千万亩森林") == []
    text = PLAN + "商品进出口总值保持正增长,不发生重特大生产安全事故。"
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    registry = tmp_path / "registry.yaml"
    registry.write_text(draft_registry(text, seed="r.txt").yaml, encoding="utf-8")
    assert registry.read_text(encoding="utf-8").count("# check: the figure is said in words") == 2
    # the evidence checks read the same figures: the draft loads without an error
    assert [one_line(p) for p in lint_registry(registry).problems if p.severity == "error"] == []


def test_a_baseline_is_never_another_quantity() -> None:
    review = "一、2024年工作回顾\n研发投入增长6.2%,利用外资22亿美元,出口占全省份额12.5%。\n"
    plan = "二、2025年工作安排\n研发投入强度提高0.1个百分点,利用外资占全省份额保持稳定。"
    drafted = yaml.safe_load(draft_registry(review + plan, seed="r.txt").yaml)["targets"]
    baselines = {e["quote"]: e.get("baseline", {}) for e in drafted if "quote" in e}
    assert "value" not in baselines["研发投入强度提高0.1个百分点"]  # 6.2% is a growth
    assert baselines["利用外资占全省份额保持稳定"]["value"] == 12.5  # a share, not 22亿美元


def test_the_figures_own_at_least_wins_over_a_verb_of_more_opening_the_clause() -> None:
    assert rules("突破关键核心技术20项以上。") == [
        ("突破关键核心技术20项以上", "at_least", 20, "项")
    ]
    assert rules("奋力突破地区生产总值4000亿元。")[0][1] == "more_than"


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "供浙气源综合价格下降3-5分/立方米。",
            ("供浙气源综合价格下降3-5分/立方米", "range", [3, 5], "分/立方米"),
        ),
        ("地区生产总值增长6-6.5%。", ("地区生产总值增长6-6.5%", "range", [6, 6.5], "%")),
        ("新建3—5个产业园。", ("新建3—5个产业园", "range", [3, 5], "个")),
    ],
)
def test_a_range_followed_by_a_unit_is_a_range_of_values_not_a_date(
    text: str, rule: tuple[str, str, object, str]
) -> None:
    assert rules(text) == [rule]


@pytest.mark.parametrize(
    "text", ["2025-2027年累计建成10个。", "1-2月增长5%。", "推进24—26号泊位工程。"]
)
def test_a_range_of_years_months_or_numbers_of_a_name_is_still_no_range(text: str) -> None:
    assert all(r[1] != "range" for r in rules(text))


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("新增污水处理能力15万吨／日。", ("新增污水处理能力15万吨／日", "at_least", 15, "万吨/日")),
        (
            "全员劳动生产率达到30万元/人左右。",
            ("全员劳动生产率达到30万元/人左右", "about", 30, "万元/人"),
        ),
        ("新增变电容量400万千伏安。", ("新增变电容量400万千伏安", "at_least", 400, "万千伏安")),
        ("高性能算力资源达3000P。", ("高性能算力资源达3000P", "at_least", 3000, "P")),
    ],
)
def test_units_of_rates_power_and_computing_are_read_with_their_wording(
    text: str, rule: tuple[str, str, object, str], tmp_path: Path
) -> None:
    assert rules(text) == [rule]
    (tmp_path / "r.txt").write_text(PLAN + text, encoding="utf-8")
    registry = tmp_path / "registry.yaml"
    registry.write_text(draft_registry(PLAN + text, seed="r.txt").yaml, encoding="utf-8")
    # the evidence checks read the same unit: no error, and 左右 is not read as at_least
    problems = lint_registry(registry).problems
    assert [one_line(p) for p in problems if p.severity == "error"] == []
    assert [p.code for p in problems if p.code == "wording-mismatch"] == []


def test_a_rate_is_its_unit_per_what_it_counts() -> None:
    assert unit_at("100立方米/秒的流量", 3) == "立方米/秒"
    assert unit_scale("万吨/日") == ("tonne_per_day", 10**4)
    assert unit_scale("万元/人") == ("yuan_per_person", 10**4)
    assert unit_at("分/千瓦时", 0) == "分/千瓦时"  # a rate of its own, kept whole
    assert unit_at("万元/个", 0) == "万元"  # 个 is no rate's base


@pytest.mark.parametrize("text", ["5G", "5A级", "296X", "1080p"])
def test_other_letters_after_digits_still_make_a_name_or_a_code(text: str) -> None:
    assert find_numbers(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        (
            "宁波舟山国际航运中心发展指数全球排名“保7争6”。",
            ("宁波舟山国际航运中心发展指数全球排名“保7争6”", "rank_within", 7, "位"),
        ),
        (
            "宁波舟山国际航运中心发展指数“争七保八”。",
            ("宁波舟山国际航运中心发展指数“争七保八”", "rank_within", 8, "位"),
        ),
        (
            "外籍人才吸引力指数跻身全国前三。",
            ("外籍人才吸引力指数跻身全国前三", "rank_within", 3, "位"),
        ),
        (
            "医疗保险住院保障水平保持全省第一。",
            ("医疗保险住院保障水平保持全省第一", "rank_within", 1, "位"),
        ),
    ],
)
def test_a_rank_in_words_is_the_place_kept(text: str, rule: tuple[str, str, object, str]) -> None:
    assert rules(text) == [rule]


@pytest.mark.parametrize(
    "text",
    [
        "人工智能技术创新与产业发展综合实力进入全国第一方阵。",  # a group, not a place
        "加快建设市第一医院红旗路院区。",  # a name
        '盯紧盯牢"千亿园区、全省前十、国家级开发区"三大目标。',  # a ranking named
        "前三季度增长5%。",  # a time
    ],
)
def test_words_of_rank_that_promise_no_place_are_no_rank(text: str) -> None:
    assert all(r[1] != "rank_within" for r in rules(text))


def test_a_rank_that_rises_is_a_number_below_its_baseline() -> None:
    drafted = entries("港口集装箱吞吐量、国际航运中心发展指数全球排名实现进位。")
    assert [(e["comparator"], e["unit"]) for e in drafted] == [("below_baseline", "位")] * 2


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("为80万重点群体提供就业帮扶。", ("为80万重点群体提供就业帮扶", "at_least", 80, "万人")),
        ("实现汽车出口“10万+”目标。", ("实现汽车出口“10万+”目标", "at_least", 10, "万辆")),
        (
            "个人养老金开户人数突破500万。",
            ("个人养老金开户人数突破500万", "more_than", 500, "万人"),
        ),
        ("带动万名青年入乡发展。", ("带动万名青年入乡发展", "at_least", 1, "万名")),
    ],
)
def test_a_figure_with_no_unit_after_its_wan_counts_what_its_noun_names(
    text: str, rule: tuple[str, str, object, str], tmp_path: Path
) -> None:
    assert rules(text) == [rule]
    (tmp_path / "r.txt").write_text(PLAN + text, encoding="utf-8")
    registry = tmp_path / "registry.yaml"
    registry.write_text(draft_registry(PLAN + text, seed="r.txt").yaml, encoding="utf-8")
    assert [one_line(p) for p in lint_registry(registry).problems if p.severity == "error"] == []


def test_a_figure_whose_wan_counts_no_noun_named_is_drafted_to_check() -> None:
    registry = draft_registry(PLAN + "带动就业80万以上。", seed="r.txt").yaml
    assert "# check: no unit is written after the figure's 万 or 亿: enter the unit" in registry
    assert rules("带动就业80万以上。") == [("带动就业80万以上", "at_least", 80, "万")]
    assert '"万": {family: count, factor: 10000' in registry


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("全年组织8000家次企业赴境外参加重点展会100场以上。", [(8000, "家次"), (100, "场")]),
        ("力争创建2家高星级旅游饭店和2家文化主题旅游饭店。", [(2, "家"), (2, "家")]),
        (
            "力争启动实施2家左右上市公司并购及2家左右上市公司“二次混改”。",
            [(2, "家"), (2, "家")],
        ),
        (
            "保持2300万省外劳动力和240万省外脱贫劳动力在浙稳定就业。",
            [(2300, "万人"), (240, "万人")],
        ),
    ],
)
def test_two_figures_of_one_clause_each_with_its_own_wording_are_both_drafted(
    text: str, figures: list[tuple[int, str]]
) -> None:
    assert [(r[2], r[3]) for r in rules(text)] == figures


@pytest.mark.parametrize(
    "text",
    [
        "确保11个省级现代服务业创新发展区实现营收2800亿元以上。",  # what 2800亿元 measures
        "确保第一批145个项目完成年度投资896亿元。",
        "配置AED达每10万人45台。",  # the per of a rate
        "滚动推进10亿元以上重大项目超200个。",  # a threshold
    ],
)
def test_a_figure_that_counts_what_the_next_one_measures_is_not_drafted(text: str) -> None:
    assert len(rules(text)) == 1


def test_a_bare_wan_declared_for_one_entry_leaves_the_unit_read_from_a_noun_alone() -> None:
    text = "带动就业80万以上。为80万重点群体提供就业帮扶。"
    assert [(r[2], r[3]) for r in rules(text)] == [(80, "万"), (80, "万人")]


def test_a_clause_opened_by_more_than_makes_each_of_its_figures_more_than() -> None:
    assert [r[1] for r in rules("突破地区生产总值4000亿元、固定资产投资2000亿元。")] == [
        "more_than",
        "more_than",
    ]
    assert [r[1] for r in rules("突破地区生产总值4000亿元、固定资产投资增长10%。")] == [
        "more_than",
        "at_least",
    ]
