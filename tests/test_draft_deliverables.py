"""`reportcheck draft` drafts each named deliverable as a yes/no commitment due at year end."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from reportcheck.output.catalogue import one_line
from reportcheck.registry.draft import draft_registry
from reportcheck.registry.draft.deliverables import deliverables
from reportcheck.registry.lint import lint_registry
from reportcheck.registry.load import load_registry

from .conftest import REPO

PLAN = "二、2023年工作安排\n"
HUZHOU = REPO / "src" / "reportcheck" / "seeds" / "000_2ae2d6b944143d98.txt"
SHIPPED = REPO / "src" / "reportcheck" / "data" / "targets.yaml"
CHECK = "# check: a named deliverable read as done by the year's end: confirm it is promised"


def drafted(text: str) -> list[dict[str, Any]]:
    registry = yaml.safe_load(draft_registry(PLAN + text, seed="r.txt").yaml)
    return [e for e in registry["targets"] if e.get("role") != "reference"]


def done(text: str) -> list[tuple[str, str]]:
    """(quote, name_zh) of each yes/no entry drafted from the text."""
    return [(e["quote"], e["name_zh"]) for e in drafted(text) if e["comparator"] == "done"]


@pytest.mark.parametrize(
    ("text", "quote", "name"),
    [
        ("开工建设德安高速公路。", "开工建设德安高速公路", "开工建设德安高速公路"),
        ("建成投产立讯精密项目。", "建成投产立讯精密项目", "建成投产立讯精密项目"),
        ("基本建成浙北高等级航道网。", "基本建成浙北高等级航道网", "基本建成浙北高等级航道网"),
        ("建成市民中心。", "建成市民中心", "建成市民中心"),
        ("全线贯通湖杭高速公路。", "全线贯通湖杭高速公路", "全线贯通湖杭高速公路"),
        ("启动建设高铁湖州站西站房。", "启动建设高铁湖州站西站房", "启动建设高铁湖州站西站房"),
        ("基本完成东站站房主体工程。", "基本完成东站站房主体工程", "基本完成东站站房主体工程"),
        ("完成中心城市总体设计。", "完成中心城市总体设计", "完成中心城市总体设计"),
        (
            "加快完成并实施国土空间总体规划。",
            "完成并实施国土空间总体规划",
            "完成并实施国土空间总体规划",
        ),
        ("完成入河排污口整治。", "完成入河排污口整治", "完成入河排污口整治"),
        ("举办世界乡村旅游大会。", "举办世界乡村旅游大会", "举办世界乡村旅游大会"),
        ("高质量承办亚运会相关赛事。", "承办亚运会相关赛事", "承办亚运会相关赛事"),
        (
            "争创国家绿色金融改革创新示范区。",
            "争创国家绿色金融改革创新示范区",
            "争创国家绿色金融改革创新示范区",
        ),
        ("积极创建放心消费城市。", "创建放心消费城市", "创建放心消费城市"),
        ("争创平安建设“十七连冠”。", "争创平安建设“十七连冠”", "争创平安建设“十七连冠”"),
        ("努力创建“东亚文化之都”。", "创建“东亚文化之都”", "创建“东亚文化之都”"),
        ("争取扩大有效投资区域试点。", "争取扩大有效投资区域试点", "争取扩大有效投资区域试点"),
        ("办好国际购物节。", "办好国际购物节", "办好国际购物节"),
        ("争创国家级旅游度假区。", "争创国家级旅游度假区", "争创国家级旅游度假区"),
        ("设立大湾区国际商业银行。", "设立大湾区国际商业银行", "设立大湾区国际商业银行"),
        ("争取国家批复南沙总体规划。", "批复南沙总体规划", "批复南沙总体规划"),
        ("完成省域统筹低保调标工作。", "完成省域统筹低保调标工作", "完成省域统筹低保调标工作"),
        ("开业运营森林光影音乐公园。", "开业运营森林光影音乐公园", "开业运营森林光影音乐公园"),
        ("T3航站楼主体结构封顶。", "T3航站楼主体结构封顶", "T3航站楼主体结构封顶"),
        ("市级国土空间总体规划获批。", "市级国土空间总体规划获批", "市级国土空间总体规划获批"),
        ("宁海通用机场尽早投用。", "宁海通用机场尽早投用", "宁海通用机场尽早投用"),
        (
            "实现城市公交车新能源化全覆盖。",
            "实现城市公交车新能源化全覆盖",
            "城市公交车新能源化全覆盖",
        ),
        ("“零就业”家庭动态清零。", "“零就业”家庭动态清零", "“零就业”家庭动态清零"),
        ("实现全国文明城市“八连冠”。", "实现全国文明城市“八连冠”", "全国文明城市“八连冠”"),
        ("全面取消瓶装燃气自提。", "全面取消瓶装燃气自提", "全面取消瓶装燃气自提"),
    ],
)
def test_each_verb_form_drafts_its_deliverable(text: str, quote: str, name: str) -> None:
    assert done(text) == [(quote, name)]


def test_a_deliverable_is_yes_no_due_at_the_year_end_and_marked_to_check() -> None:
    registry = draft_registry(PLAN + "举办世界乡村旅游大会。", seed="r.txt").yaml
    [entry] = yaml.safe_load(registry)["targets"]
    assert (entry["unit"], entry["kind"], entry["released"]) == ("是/否", "yesno", "yearly")
    assert "value" not in entry
    assert "due" not in entry  # the plan's year, at its end
    assert CHECK in registry.splitlines()[registry.splitlines().index("  - id: item_01") - 2]


def test_a_later_year_in_the_sentence_is_the_due_year() -> None:
    [entry] = drafted("到2025年,基本建成市域铁路网。")
    assert (entry["comparator"], entry["due"]) == ("done", 2025)


def test_a_list_under_one_verb_gives_one_entry_per_item() -> None:
    assert done("开工建设卫蓝固态电池、屹丰汽车、图达通车载激光雷达等项目。") == [
        ("开工建设卫蓝固态电池", "开工建设卫蓝固态电池"),
        ("开工建设卫蓝固态电池、屹丰汽车", "开工建设屹丰汽车"),
        ("开工建设卫蓝固态电池、屹丰汽车、图达通车载激光雷达", "开工建设图达通车载激光雷达"),
    ]


def test_the_last_item_of_a_list_is_split_at_and() -> None:
    assert [name for _, name in done("基本建成太嘉河后续、安吉两库引水和西部水厂等工程。")] == [
        "基本建成太嘉河后续",
        "基本建成安吉两库引水",
        "基本建成西部水厂",
    ]
    assert [name for _, name in done("基本完成南浔站和湖州东站站房主体工程。")] == [
        "基本完成南浔站",
        "基本完成湖州东站站房主体工程",
    ]


def test_and_inside_a_name_does_not_split_it() -> None:
    assert done("争创国家文化和旅游消费示范城市。") == [
        ("争创国家文化和旅游消费示范城市", "争创国家文化和旅游消费示范城市")
    ]
    assert [name for _, name in done("全力争创国家和省“五个一”工程、国家艺术大奖。")] == [
        "争创国家和省“五个一”工程",
        "争创国家艺术大奖",
    ]


def test_an_award_or_title_sprinted_for_is_no_deliverable() -> None:
    """冲刺 (sprint for) an award others confer, or a title in a campaign of years: an aim, as
    the shipped registry reads 全力冲刺国家和省“五个一”工程 and 奋力冲刺全国文明典范城市."""
    assert done("全力冲刺国家和省“五个一”工程、国家艺术大奖。") == []
    assert done("奋力冲刺全国文明典范城市。") == []


def test_a_list_before_a_verb_closed_by_its_kind_gives_one_entry_per_name() -> None:
    assert [name for _, name in done("温福高铁、追觅机器人等项目开工建设。")] == [
        "温福高铁开工建设",
        "追觅机器人开工建设",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "出台支持商贸业发展政策。",
        "制定实施“56条”配套政策。",
        "编制生态文明建设纲要。",
        "编制实施城市建设纲要和三年行动计划。",
        "建立市政府年度重点工作推进机制。",
        "开展长期护理保险制度试点。",
        "开展“活力新湖州”主题促消费系列活动。",
    ],
)
def test_issuing_a_policy_or_a_plan_is_a_step_of_work_not_a_deliverable(text: str) -> None:
    assert drafted(text) == []


def test_a_list_before_its_verb_gives_one_entry_per_item() -> None:
    assert done("万华智能、君晟电器全面开工。") == [
        ("万华智能、君晟电器全面开工", "万华智能全面开工"),
        ("君晟电器全面开工", "君晟电器全面开工"),
    ]
    assert [name for _, name in done("力争森泰股份、天运股份上市。")] == [
        "森泰股份上市",
        "天运股份上市",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "加快推进苏台高速公路项目。",
        "深化新时代文明实践中心建设。",
        "持续推进生态文明示范先行。",
        "布局一批新型实验室。",
        "建成一批未来社区。",
        "开展重点领域专项攻坚。",
        "加快建设蜂巢能源二期等项目。",
        "巩固深化全国法治政府建设示范市创建成果。",
        "高标准建设国家可持续发展议程创新示范区。",
        "出台一系列支持政策。",
        "建立健全长效机制。",
        "建立长效机制。",
        "加快项目开工。",
        "推动重点项目开工。",
        "为全面建成社会主义现代化强国作出贡献。",
        "基本建成现代化国家。",
        "推动学前教育普及普惠县、义务教育优质均衡县创建工作。",
        "举办的节庆、论坛、展会等活动。",
        "办好民生实事。",
        "积极推动项目签约开工、建设纳统、竣工投产。",
        "推动重大项目落地实施。",
        "狮子洋增长极等规划深化落地。",
        "建成高水平人才高地。",
        "更多新品种上市。",
    ],
)
def test_a_vague_intention_drafts_nothing(text: str) -> None:
    assert drafted(text) == []


def test_a_deliverable_does_not_repeat_the_numeric_entry_of_its_clause() -> None:
    assert [(e["quote"], e["comparator"]) for e in drafted("建成组团式和美乡村10个。")] == [
        ("建成组团式和美乡村10个", "at_least")
    ]
    assert [e["comparator"] for e in drafted("节能减排完成省定任务。")] == ["done"]


def test_huzhou_deliverables_are_those_of_the_shipped_registry(tmp_path: Path) -> None:
    """All but a few of the deliverables the shipped registry quotes from this text (the digest;
    entries with `text: full` quote the full report) are drafted, and the draft with them still
    lints and loads. The registry also counts policies issued and work carried out (出台, 制定,
    编制, 建立, 开展, 研究): the drafter leaves those to the reader."""
    text = HUZHOU.read_text(encoding="utf-8")
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    registry = tmp_path / "registry.yaml"
    registry.write_text(draft_registry(text, seed="report.txt").yaml, encoding="utf-8")
    assert [one_line(p) for p in lint_registry(registry).problems if p.severity == "error"] == []
    loaded = load_registry(registry)
    quotes = [t.quote for t in loaded.targets if t.kind == "yesno"]
    shipped = yaml.safe_load(SHIPPED.read_text(encoding="utf-8"))["targets"]
    wanted = [
        t["quote"]
        for t in shipped
        if t.get("comparator") == "done"
        and "完成省" not in t["quote"]
        and "text" not in t
        and not re.search("出台|制定|编制|建立|开展|研究", t["quote"])
    ]
    found = sum(any(w in q or q in w for q in quotes) for w in wanted)
    assert len(wanted) - found <= 5


def test_a_deliverable_takes_no_statistic_s_id() -> None:
    [entry] = drafted("举办出口商品交易会。")
    assert (entry["comparator"], entry["id"]) == ("done", "item_01")


def test_a_verb_before_a_long_run_of_prose_drafts_nothing() -> None:
    assert drafted("建成" + "城市公园" * 60 + "。") == []


def test_an_item_that_ends_in_a_count_is_no_name() -> None:
    for text in ("开工建设170个、竣工投产123个", "建成“15分钟品质文化生活圈”452个", "建成运营"):
        assert deliverables(text, 0, len(text)) == [], text


@pytest.mark.parametrize(
    ("name", "year", "count"),
    [
        ("county-industry-2023", 2023, 8),
        ("city-industry-2023", 2023, 4),
        ("jiaxing-plan-2023", None, 1),
        ("jiaxing-tasks-2024", None, 1),
    ],
)
def test_development_texts_with_deliverables_draft_registries_that_lint_and_load(
    tmp_path: Path, name: str, year: int | None, count: int
) -> None:
    source = REPO / "tests" / "data" / "reports" / f"{name}.txt"
    (tmp_path / "report.txt").write_bytes(source.read_bytes())
    registry = tmp_path / "registry.yaml"
    text = source.read_text(encoding="utf-8")
    registry.write_text(draft_registry(text, seed="report.txt", year=year).yaml, encoding="utf-8")
    assert [one_line(p) for p in lint_registry(registry).problems if p.severity == "error"] == []
    loaded = load_registry(registry)
    assert sum(t.kind == "yesno" for t in loaded.targets) == count


def test_each_item_that_reaches_a_state_is_one_deliverable() -> None:
    assert [q for q, _ in done("确保离校未就业高校毕业生帮扶全覆盖、“零就业”家庭动态清零。")] == [
        "确保离校未就业高校毕业生帮扶全覆盖",
        "“零就业”家庭动态清零",
    ]
    # a figure's item before a state is the figure's
    text = "城镇新增就业25万人以上、零就业家庭动态清零。"
    assert [(e["quote"], e["comparator"]) for e in drafted(text)] == [
        ("城镇新增就业25万人以上", "at_least"),
        ("零就业家庭动态清零", "done"),
    ]


def test_a_state_reached_through_a_process_is_none() -> None:
    assert drafted("加快推动百亿级产业县域全覆盖。") == []
    assert drafted("今年我们既要打好“十四五”收官战。") == []


def test_a_service_given_to_a_group_of_people_is_a_deliverable() -> None:
    assert done("为全省70岁以上户籍老年人购买意外伤害保险。") == [
        ("为全省70岁以上户籍老年人购买意外伤害保险", "为全省70岁以上户籍老年人购买意外伤害保险")
    ]
    assert done("为80万重点群体提供就业帮扶。") == []  # a count of people is a figure's


def test_a_verbs_list_ends_where_another_verb_begins() -> None:
    assert done("办好第四届全球数字贸易博览会、打响全球数字贸易品牌。") == [
        ("办好第四届全球数字贸易博览会", "办好第四届全球数字贸易博览会")
    ]


def test_the_kind_a_list_shares_closes_it() -> None:
    assert [name for _, name in done("持续办好世界互联网大会乌镇峰会、良渚论坛等展会。")] == [
        "持续办好世界互联网大会乌镇峰会",
        "持续办好良渚论坛",
    ]
    assert done("争取国际船舶登记等试点。") == [("争取国际船舶登记", "争取国际船舶登记")]


def test_a_named_item_before_the_count_of_its_list_is_drafted_beside_the_count() -> None:
    found = [
        (e["quote"], e["comparator"]) for e in drafted("开工建设市三医院临平院区等4个医院项目。")
    ]
    assert ("开工建设市三医院临平院区", "done") in found


def test_a_bold_run_opens_no_quote() -> None:
    assert done("**提升基础设施保障水平。**推动白云机场三期建成投用。") == [
        ("白云机场三期建成投用", "白云机场三期建成投用")
    ]


def test_subjects_listed_before_one_title_verb_each_win_the_title() -> None:
    assert done("推进花都、番禺升级建设国家级经济技术开发区。") == [
        ("花都、番禺升级建设国家级经济技术开发区", "花都升级建设国家级经济技术开发区"),
        ("番禺升级建设国家级经济技术开发区", "番禺升级建设国家级经济技术开发区"),
    ]
    # an open list of subjects (…等) is not split: whose title it is stays to check
    assert len(done("支持白马湖实验室、西湖实验室、南湖脑机交叉研究院等争创国家实验室基地。")) == 1


def test_categories_before_the_kind_they_share_under_a_title_verb_are_one_title_each() -> None:
    text = "积极争创集成电路、新能源汽车、智能物联等国家级战略性新兴产业集群。"
    assert [name for _, name in done(text)] == [
        "争创集成电路国家级战略性新兴产业集群",
        "争创新能源汽车国家级战略性新兴产业集群",
        "争创智能物联国家级战略性新兴产业集群",
    ]
    assert done("支持中国视谷引领视觉智能产业创建世界级先进制造业集群。") == []  # an aim


def test_a_list_of_things_built_goes_on_across_a_comma() -> None:
    text = (
        "建成开通广湛高铁、广佛东环城际、穗莞深城际琶洲支线，"
        "地铁10号线、12号线东段及西段、14号线二期等。"
    )
    opened = "建成开通广湛高铁、广佛东环城际、穗莞深城际琶洲支线，"
    assert done(text)[3:] == [
        (opened + "地铁10号线", "建成开通地铁10号线"),
        (opened + "地铁10号线、12号线东段", "建成开通12号线东段"),
        (opened + "地铁10号线、12号线东段及西段", "建成开通西段"),
        (opened + "地铁10号线、12号线东段及西段、14号线二期", "建成开通14号线二期"),
    ]
    # a clause with a verb of its own after the comma is no part of the list
    assert [
        q for q, _ in done("开工建设铁路宁波西站及相关工程，拓展宁波空港国际客货航线网络。")
    ] == ["开工建设铁路宁波西站及相关工程"]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "启动高铁天河中心、汉阳高铁枢纽等功能片区更新。",
            ["启动高铁天河中心", "启动汉阳高铁枢纽"],
        ),
        ("制定发布生物多样性绿色城市指数。", ["制定发布生物多样性绿色城市指数"]),
        ("发布绿色低碳发展“武汉指数”。", ["发布绿色低碳发展“武汉指数”"]),
        ("开展“最美家庭”评选活动。", ["开展“最美家庭”评选活动"]),
    ],
)
def test_renewal_started_an_index_published_and_an_award_held_are_deliverables(
    text: str, names: list[str]
) -> None:
    assert [name for _, name in done(text)] == names


@pytest.mark.parametrize(
    "text",
    [
        "基本建成全国经济中心、国家商贸物流中心、区域金融中心。",  # a city's aims
        "基本建成国际交往中心、长江中游航运中心。",
        "优化惠企政策直通车平台。",  # 通车 inside the word 直通车
        "打造12345社情民意直通车。",
    ],
)
def test_aims_of_a_city_and_a_verb_inside_a_word_are_no_deliverables(text: str) -> None:
    assert done(text) == []


def test_a_facility_built_is_still_one_and_its_due_year_is_the_five_year_parts() -> None:
    assert [q for q, _ in done("基本建成市托育综合服务中心。")] == ["基本建成市托育综合服务中心"]
    text = (
        "一、2025年工作回顾\n\n地区生产总值增长5.5%。\n\n二、“十五五”时期的主要目标任务\n\n"
        "基本建成国家科技创新中心，基本建成市托育综合服务中心。\n\n三、2026年工作安排\n\n"
        "开工建设阳明体育中心。\n"
    )
    registry = yaml.safe_load(draft_registry(text, seed="r.txt").yaml)
    assert [(e["quote"], e.get("due")) for e in registry["targets"]] == [
        ("基本建成市托育综合服务中心", 2030),
        ("开工建设阳明体育中心", None),
    ]
