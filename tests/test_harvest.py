"""Harvesting last year's outcomes from the review of this year's report: each rule of reading,
each look-alike it must never take, and the Huzhou account it must reproduce."""

from __future__ import annotations

import csv
import io
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from reportcheck.model.units import UNITS
from reportcheck.registry.harvest import Harvest, Outcome, Promise, harvest, promises_of
from reportcheck.registry.records import Registry

from .conftest import EXAMPLES, REPO

CORPUS = REPO / "tests" / "data" / "corpus"
HUZHOU_2024 = CORPUS / "huzhou-2024.md"
OUTCOMES = EXAMPLES / "huzhou-2023-outcomes.csv"


def promise(quote: str, name: str, unit: str, value: str | None = None, **more: object) -> Promise:
    """A promise as a label or a registry entry gives it (comparator at_least unless said)."""
    fields: dict[str, object] = {"comparator": "at_least", "yes_no": False, **more}
    return Promise(
        id=str(fields.pop("id", "p")),
        quote=quote,
        name=name,
        unit=unit,
        value=Decimal(value) if value is not None else None,
        **fields,  # type: ignore[arg-type]
    )


def deliverable(quote: str, name: str) -> Promise:
    return Promise(
        id="p", quote=quote, name=name, unit="是/否", comparator="done", value=None, yes_no=True
    )


def review(body: str, year: int = 2023) -> str:
    """A report whose review of `year` says `body`, followed by a plan that must not be read."""
    return (
        f"**一、{year}年工作回顾**\n\n{body}\n\n**二、{year + 1}年工作安排**\n\n"
        "地区生产总值增长6%左右，新认定高新技术企业300家以上，湖杭高速公路全线贯通。\n"
    )


def harvested(body: str, *promises: Promise, year: int = 2023) -> Harvest:
    return harvest(review(body, year), promises, year=year, units=UNITS, file="review.md")


def only(body: str, one: Promise) -> Outcome | None:
    found = harvested(body, one).outcomes
    assert len(found) <= 1
    return found[0] if found else None


# ── Figures: unit, basis, bound, estimate ────────────────────────────────────────────────────


def test_a_growth_rate_is_taken_for_a_growth_promise_and_the_level_is_not() -> None:
    gdp = promise("地区生产总值增长6%左右", "地区生产总值增速", "%", "6", comparator="about")
    found = only("地区生产总值再上新台阶，达到4015亿元，增长5.8%。", gdp)
    assert found is not None
    assert (found.value, found.unit, found.bound, found.note) == (Decimal("5.8"), "%", None, "")
    assert found.source == "地区生产总值再上新台阶，达到4015亿元，增长5.8%"
    assert only("全年地区生产总值4015亿元。", gdp) is None  # a level, the promise a rate


def test_a_level_is_converted_to_the_entrys_unit() -> None:
    level = promise("地区生产总值突破0.4万亿元", "地区生产总值", "万亿元", "0.4")
    found = only("地区生产总值达到4015亿元，增长5.8%。", level)
    assert found is not None
    assert found.value == Decimal("0.4015")
    standard = promise("最低生活保障年标准提高到1.3万元以上", "最低生活保障年标准", "万元", "1.3")
    found = only("城乡居民最低生活保障年标准提高到13260元。", standard)
    assert found is not None
    assert found.value == Decimal("1.326")


@pytest.mark.parametrize(
    ("said", "value", "bound"),
    [
        ("全年城镇新增就业超过34万人", "34", ">"),
        ("城镇新增就业突破34万人", "34", ">"),
        ("城镇新增就业34万人以上", "34", ">="),
        ("城镇新增就业3.4万多人", "3.4", ">"),
        ("城镇新增就业34万人", "34", None),
    ],
)
def test_a_figure_published_as_a_bound_is_written_as_one(
    said: str, value: str, bound: str | None
) -> None:
    jobs = promise("城镇新增就业24万人以上", "城镇新增就业", "万人", "24")
    found = only(said + "。", jobs)
    assert found is not None
    assert (found.value, found.bound) == (Decimal(value), bound)


def test_a_round_figure_without_a_digit_is_read() -> None:
    loans = promise("金融机构贷款余额突破1万亿元", "金融机构贷款余额", "亿元", "10000")
    found = only("银行贷款余额突破万亿元，增长19.9%。", loans)
    assert found is not None
    assert (found.value, found.bound) == (Decimal(10000), ">")


@pytest.mark.parametrize(
    ("said", "note"),
    [
        ("预计全社会研发投入强度达到3.4%", "预计"),
        ("全社会研发投入强度有望达到3.4%", "预计"),
        ("全社会研发投入强度约3.4%", "约"),
        ("全社会研发投入强度3.4%左右", "约"),
        ("全社会研发投入强度达到3.4%", ""),
    ],
)
def test_an_estimate_is_noted(said: str, note: str) -> None:
    intensity = promise("研发投入强度达到3.4%左右", "研发投入强度", "%", "3.4")
    found = only(said + "。", intensity)
    assert found is not None
    assert (found.value, found.note) == (Decimal("3.4"), note)


def test_a_rise_in_points_is_added_to_last_years_share() -> None:
    share = promise(
        "八大新兴产业链营业收入占比提高1.5个百分点",
        "八大新兴产业链营业收入占比",
        "%",
        "1.5",
        comparator="rise_by",
        baseline=Decimal("32.1"),
        baseline_year=2022,
    )
    found = only("规上工业中，八大新兴产业链营收占比提升2.6个百分点。", share)
    assert found is not None
    assert found.value == Decimal("34.7")
    older = promise(
        "八大新兴产业链营业收入占比提高1.5个百分点",
        "八大新兴产业链营业收入占比",
        "%",
        "1.5",
        comparator="rise_by",
        baseline=Decimal("31"),
        baseline_year=2021,
    )
    assert only("八大新兴产业链营收占比提升2.6个百分点。", older) is None


def test_a_fall_promised_as_its_size_is_written_as_its_size() -> None:
    cut = promise("压减一般性支出15%以上", "压减一般性支出", "%", "15", entered_as="magnitude")
    found = only("一般性支出压减16%。", cut)
    assert found is not None
    assert found.value == Decimal(16)


def test_respectively_gives_each_figure_its_own_subject() -> None:
    growth = promise("战略性新兴产业增加值增长7.5%", "战略性新兴产业增加值增速", "%", "7.5")
    found = only("战略性新兴产业、高新技术产业增加值分别增长10%、7.9%。", growth)
    assert found is not None
    assert found.value == Decimal(10)
    income = promise("城镇居民人均可支配收入增长6%", "城镇居民人均可支配收入增速", "%", "6")
    found = only("城镇、农村居民人均可支配收入分别增长4.3%、5.5%。", income)
    assert found is not None
    assert found.value == Decimal("4.3")


def test_a_count_written_before_its_noun_is_read() -> None:
    spaces = promise("布局人工智能产业生态创新空间3个以上", "人工智能产业生态创新空间", "个", "3")
    found = only("首批6个人工智能产业生态创新空间完成布局。", spaces)
    assert found is not None
    assert found.value == Decimal(6)


# ── One indicator in other words ─────────────────────────────────────────────────────────────
# Each sentence is a review's own (hangzhou-2026, zhejiang-2026, guangzhou-2025, huzhou-2024,
# ningbo-2026, wuhan-2026).


@pytest.mark.parametrize(
    ("quote", "name", "unit", "said", "value"),
    [
        # land sold is land supplied
        (
            "工业用地1万亩",
            "供应工业用地",
            "万亩",
            "完成低效用地再开发4.3万亩，出让工业用地1.1万亩",
            "1.1",
        ),
        # 供应建设用地 is state-owned land
        ("供应建设用地35万亩以上", "供应建设用地", "万亩", "供应国有建设用地37.3万亩", "37.3"),
        # 普高 is 普通高中, a 高中学校
        ("新建市属高中学校4所", "新建市属高中学校", "所", "4所新建市属普高启动招生", "4"),
        # an event in brackets beside another is counted with it
        (
            "举办演唱会、音乐会80场以上",
            "举办演唱会音乐会",
            "场",
            "举办会展216场、演唱会（音乐节）164场",
            "164",
        ),
        # a verb a list states once stands for each item
        (
            "实施城中村改造6万户",
            "城中村改造",
            "万户",
            "开工改造城镇老旧小区196个、城中村6万户",
            "6",
        ),
        # what is freed can only come from the stock
        (
            "腾出存量用能空间50万吨标准煤以上",
            "腾出存量用能空间",
            "万吨标准煤",
            "新型储能装机34.9万千瓦，腾出用能空间78.5万吨标准煤",
            "78.5",
        ),
        # an organisation's headquarters or branch counts as the organisation
        (
            "新招引国际组织总部或分支机构5家",
            "新招引国际组织总部或分支机构",
            "家",
            "新增国际友好城市5个，引进国际组织6家",
            "6",
        ),
        # building new and renewing old is 建设
        (
            "新建和改造提升高标准农田6.5万亩以上",
            "新建和改造提升高标准农田",
            "万亩",
            "完成高标准农田建设8.4万亩",
            "8.4",
        ),
        # words any report uses for one thing
        (
            "力争新增国家级单项冠军企业20家",
            "新增国家级单项冠军企业",
            "家",
            "新增国家级制造业单项冠军企业15家、专精特新“小巨人”企业93家",
            "15",
        ),
        ("引进市外内资2300亿元", "引进市外内资", "亿元", "引进内资2389亿元", "2389"),
        (
            "新增激活利用闲置农房2000宗以上",
            "新增激活利用闲置农房",
            "宗",
            "新增盘活闲置农房2216宗",
            "2216",
        ),
        (
            "普高录取比例提高到75%左右",
            "普高录取比例",
            "%",
            "普通高中招生比例由51%提高到75.1%",
            "75.1",
        ),
        (
            "总通车里程超300公里",
            "轨道交通总通车里程",
            "公里",
            "轨道交通实现八线运营，运营里程从155公里增加到近300公里",
            "300",
        ),
        ("新增机动车停车泊位20万个", "新增机动车停车泊位", "万个", "新增停车泊位20.6万个", "20.6"),
        # 其中 names a part by the whole's noun: the whole's words with the part's
        (
            "开工亿元以上产业项目480个",
            "开工亿元以上产业项目",
            "个",
            "建成投用亿元以上重大产业项目535个，新开工亿元以上项目932个、其中产业项目524个",
            "524",
        ),
        # a count in 项 is of projects; projects 加快推进 are the projects whose 建设 is pushed
        (
            "迭代实施“科创甬江2035”重点研发计划100项以上",
            "“科创甬江2035”重点研发计划项目",
            "项",
            "获批国家自然科学基金项目349项，创历史新高，省市联动实施人形机器人专项，"
            "开展“科创甬江2035”重点研发计划236项",
            "236",
        ),
        (
            "推进11号线四期、新港线一期等8个项目建设",
            "推进轨道交通项目建设",
            "个",
            "武松高速通车，地铁12号线、新港线等8个轨道交通项目加快推进，建成微循环道路116条",
            "8",
        ),
        (
            "新改扩建“四好农村路”150公里",
            "新改扩建“四好农村路”",
            "公里",
            "新改建农村公路290公里，95％以上建制村通双车道",
            "290",
        ),
        (
            "新增社会保险扩面38万人次以上",
            "社会保险扩面",
            "万人次",
            "社会保险新增参保47.3万人次",
            "47.3",
        ),
        # the verb said before the examples a 等 closes
        (
            "争取中央预算内投资、超长期特别国债、地方政府专项债券等资金1000亿元以上",
            "争取政策性资金",
            "亿元",
            "抢抓“两重”“两新”等政策机遇，争取中央预算内投资、超长期特别国债、新增政府债券等"
            "政策性资金1066.7亿元，居副省级城市前列",
            "1066.7",
        ),
        # what is brought in is what is new
        ("新引进各类首店300家以上", "新引进首店", "家", "新增首店430家、离境退税店111家", "430"),
    ],
)
def test_the_same_indicator_in_other_words_is_taken(
    quote: str, name: str, unit: str, said: str, value: str
) -> None:
    found = only(said + "。", promise(quote, name, unit, "1"))
    assert found is not None
    assert found.value == Decimal(value)


@pytest.mark.parametrize(
    ("quote", "name", "unit", "said"),
    [
        # concerts alone, against concerts and music festivals
        ("举办演唱会、音乐会80场以上", "举办演唱会音乐会", "场", "举办会展216场、演唱会164场"),
        # the headquarters alone, against headquarters or branches
        (
            "新招引国际组织总部或分支机构5家",
            "新招引国际组织总部或分支机构",
            "家",
            "引进国际组织总部2家",
        ),
        # new fields only, against new and renewed ones
        ("新建高标准农田5万亩", "新建高标准农田", "万亩", "完成高标准农田建设8.4万亩"),
        # a stock the verb does not imply
        ("盘活存量土地3万亩", "盘活存量土地", "万亩", "供应土地5万亩"),
        # a part of another kind than the promise's
        (
            "开工亿元以上产业项目480个",
            "开工亿元以上产业项目",
            "个",
            "新开工亿元以上项目932个、其中基础设施项目300个",
        ),
        # projects started are not projects in hand, nor projects new of a count in 个
        ("开工亿元以上产业项目480个", "开工亿元以上产业项目", "个", "新增亿元以上产业项目500个"),
        # a count in 个 of what the plan calls projects
        ("实施重点研发计划项目100个", "重点研发计划项目", "个", "开展重点研发计划236个"),
        # money of the examples spent, not sought
        (
            "争取中央预算内投资、超长期特别国债等资金1000亿元以上",
            "争取政策性资金",
            "亿元",
            "用好中央预算内投资、超长期特别国债等政策性资金900亿元",
        ),
        # a share of the spaces, not the spaces for motor vehicles
        ("新增公共停车泊位5万个", "新增公共停车泊位", "万个", "新增停车泊位20.6万个"),
    ],
)
def test_other_words_that_name_another_indicator_are_not_taken(
    quote: str, name: str, unit: str, said: str
) -> None:
    assert only(said + "。", promise(quote, name, unit, "1")) is None


def test_a_share_that_names_only_its_whole_is_of_the_clause_before() -> None:
    exports = promise(
        "货物贸易出口占全国份额保持基本稳定", "货物贸易出口占全国份额", "", comparator="steady"
    )
    said = "出口规模突破4万亿元，占全国份额从14%提升到15.5%。"
    found = only(said, exports)
    assert found is not None
    assert found.value == Decimal("15.5")
    assert found.source == said.rstrip("。")
    # the share of another quantity
    assert only("实际使用外资突破200亿美元，占全国份额提升到12%。", exports) is None


def test_a_share_written_before_its_noun_is_of_that_noun() -> None:
    land = promise(
        "新出让工业用地民间投资项目占比、新增能耗支持民间投资项目比重均不低于80%",
        "新出让工业用地民间投资项目占比",
        "%",
        "80",
    )
    said = (
        "整合设立全市统一的“企呼我应”平台，80.1%的新出让工业用地、94.1%的新增用能、"
        "93.5%的产业基金投向民间投资项目，企业牵头或参与国家、省、市科技重点项目占比86%。"
    )
    found = only(said, land)
    assert found is not None
    assert (found.value, found.source) == (
        Decimal("80.1"),
        "80.1%的新出让工业用地、94.1%的新增用能、93.5%的产业基金投向民间投资项目",
    )
    # the share of the land of another use, or one whose list says nothing of where it went
    assert only("94.1%的新出让工业用地投向国有投资项目。", land) is None
    assert only("80.1%的新出让工业用地、民间投资项目用地1000亩。", land) is None


def test_a_count_of_where_things_are_is_not_the_count_of_the_things() -> None:
    context = (
        "推进钱江新城二期、临平数智城等8个城市重点发展区块快建成势,安排项目364个,"
        "力争完成投资728亿元"
    )
    projects = promise("安排项目364个", "城市重点发展区块项目", "个", "364", context=context)
    money = promise(
        "力争完成投资728亿元", "城市重点发展区块完成投资", "亿元", "728", context=context
    )
    said = "8个城市重点发展区块实施项目392个、完成投资878亿元。"
    found = harvested(said, projects, money).outcomes
    assert [(o.value, o.source) for o in found] == [
        (Decimal(392), "8个城市重点发展区块实施项目392个"),
        (Decimal(878), "完成投资878亿元"),
    ]
    # a count of some of the areas, where the promise names no count: not all of them
    some = promise("安排项目364个", "城市重点发展区块项目", "个", "364")
    assert only(said, some) is None
    # a figure of another unit measures what the count first counts
    count = promise("安排重大项目1000个以上", "“千项万亿”重大项目数", "个", "1000")
    projects_found = only("1596个“千项万亿”重大项目完成投资1.5万亿元。", count)
    assert projects_found is not None
    assert projects_found.value == Decimal(1596)


# ── Ranks ─────────────────────────────────────────────────────────────────────────────────────


def rank(quote: str, name: str, value: str = "1", context: str = "") -> Promise:
    return promise(quote, name, "位", value, comparator="rank_within", context=context)


def test_a_rank_shared_by_a_list_ranks_each_item() -> None:
    funds = rank(
        "资金争取额度保持全省第1",
        "中央预算内投资等资金争取额度全省排位",
        context="确保中央预算内投资、超长期特别国债、专项债等资金争取额度保持全省第1、占比不低于去年",
    )
    said = (
        "争取中央预算内投资资金55.2亿元、“两重”“两新”政策资金222.9亿元、"
        "专项债资金575.4亿元，均居全省第1。"
    )
    found = only(said, funds)
    assert found is not None
    assert (found.value, found.unit) == (Decimal(1), "位")
    assert found.source == said.rstrip("。")


@pytest.mark.parametrize(
    ("quote", "name", "said", "value"),
    [
        (
            "实际利用外资保持全省第1",
            "实际利用外资全省排位",
            "实际利用外资35.1亿美元、保持全省第1",
            "1",
        ),
        ("金融业综合实力进入全国前5位", "金融业综合实力排名", "金融业综合实力居全国第5", "5"),
        ("质量工作考核保持全省第一", "质量工作考核全省排名", "质量工作考核排名全省第一", "1"),
    ],
)
def test_a_rank_is_read_with_what_it_ranks(quote: str, name: str, said: str, value: str) -> None:
    found = only(said + "。", rank(quote, name, value))
    assert found is not None
    assert found.value == Decimal(value)


@pytest.mark.parametrize(
    "said",
    [
        "创新指数居全省第3",  # another field: the province, not the nation
        "可持续发展指数位列全国11个创新示范区第1",  # another index, among 11 zones
        "国家创新型城市创新能力排名连续3年居全国第4",  # three years' standing
    ],
)
def test_a_rank_of_another_field_or_index_is_not_taken(said: str) -> None:
    city = rank("国家创新型城市排名进入全国前25位", "国家创新型城市排名", "25")
    assert only(said + "。", city) is None


def test_ranks_said_one_after_another_do_not_multiply_the_figures() -> None:
    from reportcheck.registry.harvest.review import read_review

    said = "争取中央预算内投资资金55.2亿元、专项债资金575.4亿元" + "，均居全省第1" * 30 + "。"
    figures = read_review(review(said)).figures
    ranks = [f for f in figures if f.rank_field is not None and f.sentence == figures[0].sentence]
    assert len(ranks) == 2 + 29  # the list's two items once, then the rank before each time


def test_a_rank_is_no_figure_of_a_level_and_a_level_no_rank() -> None:
    spending = promise("规上工业研发费用800亿元以上", "规上工业研发费用", "亿元", "800")
    found = only("规上工业研发费用超900亿元、居全省第1。", spending)
    assert found is not None
    assert (found.value, found.bound) == (Decimal(900), ">")
    first = rank("规上工业研发费用保持全省第1", "规上工业研发费用全省排位")
    assert only("规上工业研发费用超900亿元。", first) is None
    # a promise without a unit of its own takes the level, never the rank beside it
    steady = promise("一般公共预算收入保持稳定", "一般公共预算收入", "", comparator="steady")
    found = only("一般公共预算收入2693.2亿元、居副省级城市第2。", steady)
    assert found is not None
    assert found.value == Decimal("2693.2")


# ── Look-alikes: never taken ──────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("quote", "name", "unit", "value", "said"),
    [
        # a narrower indicator
        (
            "数字经济核心产业增加值增长7%",
            "数字经济核心产业增加值增速",
            "%",
            "7",
            "数字经济核心产业制造业增加值增长8.1%",
        ),
        (
            "服务业增加值增长5.5%",
            "服务业增加值增速",
            "%",
            "5.5",
            "软件和信息技术服务业增加值增长9.6%",
        ),
        # another level of the same title
        (
            "国家科技型中小企业2200家以上",
            "国家科技型中小企业",
            "家",
            "2200",
            "省级科技型中小企业2804家",
        ),
        # registered, not attracted
        ("引进3亿元以上项目超300个", "引进3亿元以上项目", "个", "300", "备案3亿元以上项目207个"),
        # a five-year total and a five-year average beside the year's
        ("引进大学生40万名以上", "引进大学生", "万名", "40", "五年累计引进大学生150万名"),
        (
            "文化产业增加值增长5.5%",
            "文化产业增加值增速",
            "%",
            "5.5",
            "文化产业增加值年均增长6%以上",
        ),
        # the same number for another noun
        ("新设产业基金400家", "新设产业基金", "家", "400", "新设产业基金规模400亿元"),
        # a level where the promise is a growth rate
        (
            "社会消费品零售总额增长5%左右",
            "社会消费品零售总额增速",
            "%",
            "5",
            "社会消费品零售总额9499亿元",
        ),
        # exports only, against imports and exports
        (
            "服务贸易进出口额增长5%",
            "服务贸易进出口额增速",
            "%",
            "5",
            "服务贸易出口额211.3亿美元、增长8.6%",
        ),
        # a per-capita figure
        ("地区生产总值增长5%", "地区生产总值增速", "%", "5", "人均地区生产总值增长5.2%"),
    ],
)
def test_a_look_alike_is_never_taken(
    quote: str, name: str, unit: str, value: str, said: str
) -> None:
    assert only(said + "。", promise(quote, name, unit, value)) is None


def test_figures_of_a_five_year_account_are_totals_but_the_end_of_from_to() -> None:
    intensity = promise("全社会研发经费投入强度4%以上", "全社会研发经费投入强度", "%", "4")
    account = (
        "2025年工作取得新成效。\n\n五年来，我们锐意创新，全社会研发投入强度从3.42%预计提高到4%左右，"
        "引进大学生超200万名。"
    )
    found = only(account, intensity)
    assert found is not None
    assert (found.value, found.note) == (Decimal(4), "预计")
    graduates = promise("引进大学生35万名以上", "引进大学生", "万名", "35")
    assert only(account, graduates) is None


def test_two_statements_that_fit_equally_are_left_for_a_person() -> None:
    cities = promise("新增国际友好城市5个", "新增国际友好城市", "个", "5")
    found = harvested("新增国际友好城市5个。全年新增国际友好城市6个。", cities)
    assert found.outcomes == ()
    ((warning),) = found.problems
    assert (warning.key, warning.severity) == ("harvest-unsure/rivals", "warning")
    assert "新增国际友好城市5个" in str(warning.value)
    assert "新增国际友好城市6个" in str(warning.value)


def test_a_near_statement_is_a_warning_not_an_outcome() -> None:
    growth = promise("数字经济核心产业增加值增长7%", "数字经济核心产业增加值增速", "%", "7")
    found = harvested("数字经济核心产业制造业增加值增长8.1%。", growth)
    assert found.outcomes == ()
    assert [p.key for p in found.problems] == ["harvest-unsure/near"]


# ── Deliverables ──────────────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("quote", "name", "said"),
    [
        ("全线贯通湖杭高速公路", "湖杭高速公路全线贯通", "湖杭高速公路全线贯通"),
        (
            "开工建设卫蓝固态电池、屹丰汽车",
            "屹丰汽车项目开工建设",
            "吉利高端乘用车、屹丰汽车等项目开工建设",
        ),
        ("基本建成安吉两库引水", "安吉两库引水工程基本建成", "两库引水工程实现通水"),
        ("争创国家碳达峰试点城市", "争创国家碳达峰试点城市", "成为首批国家碳达峰试点城市"),
        ("办好第三届良渚论坛", "第三届良渚论坛举办", "良渚论坛、西博会等活动成功举办"),
        ("争创平安湖州建设“十七连冠”", "平安湖州建设“十七连冠”", "平安湖州建设实现“十七连冠”"),
        # a promise's own verb ending its quote, the state kept
        ("“零就业”家庭动态清零", "“零就业”家庭动态清零", "零就业家庭保持动态清零"),
        # a zone upgraded, said with its short name
        (
            "花都、番禺升级建设国家级经济技术开发区",
            "花都升级国家级经济技术开发区",
            "花都经开区成功升级为国家级经济技术开发区",
        ),
        # a university set up
        (
            "宁波东方理工大学（暂名）正式建校",
            "宁波东方理工大学正式建校",
            "宁波东方理工大学建校招生",
        ),
        # works on roads, done when the roads are finished
        (
            "完成右岸大道北段等骨干道路改造",
            "右岸大道北段等骨干道路改造完成",
            "右岸大道北段等8条骨干道路、双柳长江大桥建成",
        ),
        # a state kept everywhere: its share 100%
        (
            "市控以上断面水质保持Ⅲ类及以上",
            "市控以上断面水质Ⅲ类及以上",
            "市控以上断面水质Ⅲ类及以上比例连续5年保持100%",
        ),
    ],
)
def test_a_deliverable_stated_done_is_yes(quote: str, name: str, said: str) -> None:
    found = only(said + "。", deliverable(quote, name))
    assert found is not None
    assert (found.value, found.unit) == (True, "是/否")


@pytest.mark.parametrize(
    ("quote", "name", "said"),
    [
        # progress, not completion
        ("全线贯通湖杭高速公路", "湖杭高速公路全线贯通", "湖杭高速公路加快推进"),
        # started, not finished
        ("建成西部水厂", "西部水厂建成", "西部水厂开工建设"),
        # another project of the same kind
        ("开工建设德安高速公路", "德安高速公路开工建设", "湖杭高速公路全线贯通"),
        ("建成衣锦城遗址博物馆", "衣锦城遗址博物馆建成", "玉架山考古博物馆建成开放"),
        # another level of the same title
        (
            "争创省级减污降碳协同创新城市",
            "争创省级减污降碳协同创新城市",
            "成为首批国家减污降碳协同创新试点城市",
        ),
        # another place's zone upgraded
        (
            "花都、番禺升级建设国家级经济技术开发区",
            "番禺升级国家级经济技术开发区",
            "花都经开区成功升级为国家级经济技术开发区",
        ),
        # an upgrade planned, not won
        (
            "花都、番禺升级建设国家级经济技术开发区",
            "花都升级国家级经济技术开发区",
            "完成花都经开区升级国家级经济技术开发区申报材料编制",
        ),
        # a state kept in part
        (
            "市控以上断面水质保持Ⅲ类及以上",
            "市控以上断面水质Ⅲ类及以上",
            "市控以上断面水质Ⅲ类及以上比例保持95%",
        ),
        # works on other roads finished
        (
            "完成右岸大道北段等骨干道路改造",
            "右岸大道北段等骨干道路改造完成",
            "沿江大道等8条骨干道路建成",
        ),
        # another city's games
        ("办好第十二届武汉市运动会", "第十二届武汉市运动会举办", "黄石市第十二届运动会举办"),
        # another programme's steps
        (
            "中央生态环境保护督察反馈问题整改销号",
            "中央生态环境保护督察反馈问题整改销号",
            "完成长江经济带警示片问题整改销号",
        ),
    ],
)
def test_a_deliverable_not_stated_done_is_not_taken(quote: str, name: str, said: str) -> None:
    assert only(said + "。", deliverable(quote, name)) is None


@pytest.mark.parametrize(
    ("quote", "name", "said"),
    [
        # a short name (简称) formed from the full name's characters
        (
            "办好第四届全球数字贸易博览会",
            "第四届全球数字贸易博览会举办",
            "成功举办联合国世界数据论坛、世界知识产权大会和四届全球数贸会",
        ),
        # the whole line finished, of which the section is a part
        ("建成通车杭衢铁路建德段", "杭衢铁路建德段建成通车", "杭衢高铁建成投用"),
        # held with the other events of a list
        (
            "精心组织绿水青山就是金山银山理念提出20周年系列活动",
            "“两山”理念提出20周年系列活动举办",
            "高规格举办“绿水青山就是金山银山”理念、“千万工程”、文化建设“八项工程”等提出和实施"
            "20年系列活动",
        ),
        # an item of a list that says the items' shared head once
        (
            "建成4号线延伸段、6号线一期、7号线、8号线一期",
            "轨道交通8号线一期建成",
            "宁波动车运用所和轨道交通4号线延伸段、6号线一期、7号线和8号线一期投运",
        ),
        # the city's own 市 said before the rest of the name
        ("办好第十二届武汉市运动会", "第十二届武汉市运动会举办", "成功举办市第十二届运动会"),
    ],
)
def test_a_deliverable_named_otherwise_is_yes(quote: str, name: str, said: str) -> None:
    found = only(said + "。", deliverable(quote, name))
    assert found is not None
    assert found.value is True


@pytest.mark.parametrize(
    ("quote", "name", "said"),
    [
        # another edition
        ("办好第四届全球数字贸易博览会", "第四届全球数字贸易博览会举办", "成功举办五届全球数贸会"),
        (
            "办好第四届全球数字贸易博览会",
            "第四届全球数字贸易博览会举办",
            "成功举办第五届全球数贸会",
        ),
        # another section of the line
        ("建成通车杭衢铁路建德段", "杭衢铁路建德段建成通车", "杭衢铁路衢州段建成通车"),
        # a phase of the line under another head
        (
            "建成6号线一期",
            "轨道交通6号线一期建成",
            "市域铁路4号线延伸段、6号线一期投运",
        ),
        # the whole line started: the section may start later
        ("开工建设杭衢铁路建德段", "杭衢铁路建德段开工建设", "杭衢高铁开工建设"),
    ],
)
def test_a_deliverable_named_like_another_is_not_taken(quote: str, name: str, said: str) -> None:
    assert only(said + "。", deliverable(quote, name)) is None


def test_a_deliverable_plainly_not_done_is_no() -> None:
    found = only("西部水厂未能建成。", deliverable("建成西部水厂", "西部水厂建成"))
    assert found is not None
    assert found.value is False


def test_an_expected_award_is_an_estimate() -> None:
    safe = deliverable("争创平安湖州建设“十七连冠”", "平安湖州建设“十七连冠”")
    found = only("平安湖州建设有望实现“十七连冠”。", safe)
    assert found is not None
    assert (found.value, found.note) == (True, "预计")


# ── The year the review looks back on ────────────────────────────────────────────────────────


def test_a_review_of_another_year_is_an_error() -> None:
    gdp = promise("地区生产总值增长6%左右", "地区生产总值增速", "%", "6")
    found = harvest(review("地区生产总值增长5.8%。", 2022), [gdp], year=2023, units=UNITS)
    assert found.outcomes == ()
    ((error),) = found.errors
    assert (error.code, error.params["found"], error.params["year"]) == ("harvest-year", 2022, 2023)


def test_a_review_that_names_no_year_is_read_with_a_warning() -> None:
    gdp = promise("地区生产总值增长6%左右", "地区生产总值增速", "%", "6")
    found = harvest("地区生产总值增长5.8%。", [gdp], year=2023, units=UNITS)
    assert [o.value for o in found.outcomes] == [Decimal("5.8")]
    assert [p.key for p in found.problems] == ["harvest-year/unknown"]


def test_the_plan_part_is_never_read() -> None:
    firms = promise("新认定高新技术企业280家以上", "新认定高新技术企业", "家", "280")
    assert only("经济运行回升向好。", firms) is None  # 300家 stands in the plan only


# ── Huzhou: the shipped account of 2023 ──────────────────────────────────────────────────────


def _rows(text: str) -> dict[str, dict[str, str]]:
    return {row["id"]: row for row in csv.DictReader(io.StringIO(text.lstrip("\ufeff")))}


def test_the_shipped_outcomes_are_what_the_2024_review_states(registry: Registry) -> None:
    from reportcheck.output.outcomes import outcomes_csv

    found = harvest(
        HUZHOU_2024.read_text(encoding="utf-8"),
        promises_of(registry),
        year=registry.meta.year,
        units=registry.units,
    )
    assert _rows(outcomes_csv(found.outcomes)) == _rows(OUTCOMES.read_text(encoding="utf-8-sig"))


def test_every_shipped_outcome_quotes_the_review_and_names_a_registered_id(
    registry: Registry,
) -> None:
    text = HUZHOU_2024.read_text(encoding="utf-8")
    rows = _rows(OUTCOMES.read_text(encoding="utf-8-sig"))
    assert len(rows) == 51
    for ident, row in rows.items():
        assert registry.get(ident) is not None, ident
        assert row["source"] in text, ident
        assert row["period"] == "2023"


def test_the_shipped_outcomes_agree_with_their_labels() -> None:
    labels = yaml.safe_load((REPO / "tests" / "data" / "outcomes" / "huzhou-2023.yaml").read_text())
    rows = _rows(OUTCOMES.read_text(encoding="utf-8-sig"))
    assert set(rows) == {o["promise"] for o in labels["outcomes"]}
    for label in labels["outcomes"]:
        row = rows[label["promise"]]
        value = label["value"]
        said = ("是" if value else "否") if isinstance(value, bool) else str(value)
        assert row["value"] == label.get("bound", "") + said
        assert bool(row["note"]) == bool(label.get("estimate"))


def test_no_pair_gets_a_wrong_outcome() -> None:
    """Every row harvested from the labelled reviews is a labelled outcome with its labelled
    value: a look-alike is never taken (tests/data/outcomes, benchmarks/harvest_quality.py)."""
    import sys

    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from harvest_quality import PAIRS, score
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    for name in PAIRS:
        found = score(name)
        assert found.wrong == 0, (name, [line for line in found.lines if "WRONG" in line])


def test_the_harvest_of_huzhou_is_read_back_by_diff(tmp_path: Path, cli: object) -> None:
    from .conftest import Run

    assert callable(cli)
    run = cli("diff", str(OUTCOMES), "--period", "2023", "-f", "json")
    assert isinstance(run, Run)
    assert run.exit_code in (0, 1), run.stderr
    assert "error" not in run.stderr


def test_a_review_of_more_numbers_than_any_report_holds_is_refused() -> None:
    from reportcheck.model.limits import MAX_DRAFT_NUMBERS

    gdp = promise("地区生产总值增长6%左右", "地区生产总值增速", "%", "6")
    found = harvested("地区生产总值增长5.8%，" * (MAX_DRAFT_NUMBERS + 1), gdp)
    assert found.outcomes == ()
    assert [p.key for p in found.errors] == ["harvest-too-large"]


def test_the_readme_states_the_harvest_benchmark_as_it_stands() -> None:
    """The README's table of harvest quality is what benchmarks/harvest_quality.py measures,
    pair by pair and in all."""
    import sys

    readme = (REPO / "README.md").read_text(encoding="utf-8")
    table = readme.split("<!-- harvest-quality -->\n", 1)[1].split("\n\n", 1)[0]
    rows = [[c.strip() for c in line.strip("|").split("|")] for line in table.splitlines()[2:]]
    stated = {cells[0]: (cells[1], *(int(cells[i]) for i in (2, 3, 5, 6))) for cells in rows}
    sys.path.insert(0, str(REPO / "benchmarks"))
    try:
        from harvest_quality import PAIRS, score, set_of
    finally:
        sys.path.remove(str(REPO / "benchmarks"))
    counts: dict[str, tuple[int, int, int, int]] = {}
    for name in PAIRS:
        found = score(name)
        counts[name] = (found.labelled, found.right, found.wrong, found.missed)
    measured: dict[str, tuple[object, ...]] = {
        name: (set_of(name), *c) for name, c in counts.items()
    }
    for label in ("tuned", "tuned later", ""):
        counted = [c for name, c in counts.items() if not label or set_of(name) == label]
        total = tuple(sum(c[i] for c in counted) for i in range(4))
        measured[f"**all {label}**" if label else "**all**"] = ("", *total)
    assert stated == measured


def test_buildings_counted_in_dong_or_zhuang_are_a_unit_not_part_of_the_subject() -> None:
    """完成农房改造2.5万栋（户）: 2.5万 buildings, not a count in 万 of '栋（户）'."""
    from reportcheck.registry.harvest.wording import UNIT

    after_number = UNIT.match("万栋（户）")
    assert after_number is not None
    assert (after_number.group("scale"), after_number.group("unit")) == ("万", "栋")
    after_number = UNIT.match("幢")
    assert after_number is not None
    assert after_number.group("unit") == "幢"
