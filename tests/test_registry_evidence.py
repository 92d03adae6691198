"""The registry is evidence: quotes verbatim, numbers agreeing, no commitment skipped."""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from pathlib import Path

import reportcheck
from reportcheck.model import Registry, Role, Target
from reportcheck.registry import default_registry_path
from reportcheck.rules import Comparator
from reportcheck.units import UNITS

from .conftest import REPO

SEED_NAME = "000_2ae2d6b944143d98.txt"
_NUMBER = re.compile(r"\d+(?:\.\d+)?")
#: Chinese numerals that count or measure: 十七连冠, 三分之二, 两成, 三年, 一批, 八大 ….
_CHINESE_NUMBER = re.compile(
    r"[一二两三四五六七八九十百千]+(?:分之[一二两三四五六七八九十百]+|连冠|成|倍|个|家|项|座|条|所|年|位|名|批|大|类)"
)
_UNITS_LONGEST_FIRST = sorted(UNITS, key=len, reverse=True)

#: Numbers in sections 二 and 三 that are not commitments, each with the span that shows why.
EXCLUDED = {
    "二、2023年工作安排": "the heading's year",
    "做好2023年政府工作": "the year of the work plan",
    "318国道市区段改建": "a road's name",
    "省“8+4”经济政策体系": "programme name",
    "“10条”": "policy package name",
    "“56条”配套政策": "policy package name",
    "“2+8”平台综合实力五年倍增行动": "programme name",
    "推动其他8个园区平台": "a count that describes, not a promise",
    "对接省“415X”先进制造业集群培育工程": "programme name",
    "“315”科技创新体系": "programme name",
    "“1113”招才引智工程": "programme name",
    "“1168”招商引资工程": "programme name",
    "“2456+节能减排”准入标准": "standard's name",
    "开展2023“活力新湖州”": "the year in a campaign's name",
    "社区“15分钟生活圈”": "planning concept",
    "“1211”综合交通重大项目": "programme name",
    "深化“10+N”便利化行动": "programme name",
    "第三轮新生代企业家“311”领航计划": "programme name",
    "构建“15分钟文明实践服务圈”": "planning concept",
    "“2+2”推进机制": "mechanism's name",
    "党的二十大精神": "the party congress's name",
    "“三大战略”": "slogan",
    "“六个新湖州”": "slogan",
    "落实省“千项万亿”工程": "programme name",
    "一批": "a number of, no figure",
    "深入实施八大新兴产业链": "the name of the eight industrial chains",
    "“两个毫不动摇”": "slogan",
    "推进千年古城复兴试点": "a city's age in a project's name",
    "实施三年攻坚行动": "a campaign's length, no figure to check",
    "“两个确立”": "slogan",
    "“四个意识”": "slogan",
    "“四个自信”": "slogan",
    "“两个维护”": "slogan",
    "中央八项规定精神": "the rules' name",
}


def seed_text() -> str:
    return (REPO / "seeds" / SEED_NAME).read_text(encoding="utf-8")


def commitments_part(text: str) -> tuple[int, int]:
    """Where sections 二 and 三 stand in the report (the site footer excluded)."""
    return text.index("二、2023年工作安排"), text.index("2021 版权所有")


def quote_numbers(quote: str) -> list[tuple[Fraction, str]]:
    """Each number in a quote with the unit written after it (scaled to the unit's base)."""
    found = []
    for match in _NUMBER.finditer(quote):
        rest = quote[match.end() :]
        unit = next((u for u in _UNITS_LONGEST_FIRST if rest.startswith(u)), "")
        factor = UNITS[unit].factor if unit else Decimal(1)
        found.append(
            (Fraction(Decimal(match.group()) * factor), UNITS[unit].family if unit else "")
        )
    if "三分之二" in quote:
        found.append((Fraction(200, 3), "percent"))
    return found


def agrees(target: Target, value: Fraction | Decimal, quote: str, points: bool = False) -> bool:
    unit = UNITS[target.unit]
    family = "points" if points else unit.family
    scaled = Fraction(value) * Fraction(unit.factor)
    return any(n == scaled and f in (family, "") for n, f in quote_numbers(quote))


def test_every_quote_is_verbatim_in_the_report(registry: Registry) -> None:
    text = seed_text()
    missing = [t.id for t in registry.targets if t.quote not in text]
    missing += [t.id for t in registry.targets if t.baseline and t.baseline.quote not in text]
    assert missing == []


def test_quotes_come_from_sections_two_and_three(registry: Registry) -> None:
    text = seed_text()
    start, end = commitments_part(text)
    outside = [t.id for t in registry.targets if t.quote not in text[start:end]]
    assert outside == []


def test_baselines_are_quoted_from_the_review_of_2022(registry: Registry) -> None:
    text = seed_text()
    review = text[: commitments_part(text)[0]]
    outside = [t.id for t in registry.targets if t.baseline and t.baseline.quote not in review]
    assert outside == []
    assert all(t.baseline.year == 2022 for t in registry.targets if t.baseline)


def test_each_value_appears_in_its_quote_in_its_unit(registry: Registry) -> None:
    disagree = [
        t.id
        for t in registry.targets
        if t.rule is not None
        and t.rule.threshold is not None
        and not agrees(t, t.rule.threshold, t.quote, points=t.comparator is Comparator.RISE_BY)
    ]
    assert disagree == []


def test_each_baseline_value_appears_in_its_quote(registry: Registry) -> None:
    disagree = [
        t.id
        for t in registry.targets
        if t.baseline
        and t.baseline.value is not None
        and not agrees(t, t.baseline.value, t.baseline.quote)
    ]
    assert disagree == []


def test_value_check_would_catch_a_wrong_number(registry: Registry) -> None:
    graduates = registry.get("graduates")
    assert graduates is not None
    assert agrees(graduates, Decimal(9), graduates.quote)
    assert not agrees(graduates, Decimal(90000), graduates.quote)  # 9万名 is 9 in 万人
    assert not agrees(graduates, Decimal("9.5"), graduates.quote)


def uncovered_numbers(registry: Registry, text: str) -> list[tuple[str, str]]:
    """Numbers of sections 二 and 三 inside no quote and no exclusion, with their context."""
    start, end = commitments_part(text)
    spans = [
        (i, i + len(q))
        for q in {t.quote for t in registry.targets} | set(EXCLUDED)
        for i in _occurrences(text, q, start, end)
    ]
    found = [*_NUMBER.finditer(text, start, end), *_CHINESE_NUMBER.finditer(text, start, end)]
    return [
        (m.group(), text[max(0, m.start() - 12) : m.end() + 6])
        for m in sorted(found, key=lambda m: m.start())
        if not any(a <= m.start() and m.end() <= b for a, b in spans)
    ]


def test_every_number_in_the_commitments_is_covered_or_excluded(registry: Registry) -> None:
    assert uncovered_numbers(registry, seed_text()) == []


def test_every_exclusion_is_verbatim_and_holds_a_number() -> None:
    text = seed_text()
    start, end = commitments_part(text)
    stale = [
        span
        for span in EXCLUDED
        if not _occurrences(text, span, start, end)
        or not (_NUMBER.search(span) or _CHINESE_NUMBER.search(span))
    ]
    assert stale == []


def test_coverage_would_catch_a_new_number(registry: Registry) -> None:
    text = seed_text()
    edited = text.replace("新增上市公司6家", "新增上市公司6家、新增独角兽企业3家")
    assert [number for number, _ in uncovered_numbers(registry, edited)] == ["3"]


def test_coverage_finds_chinese_numerals(registry: Registry) -> None:
    text = seed_text()
    edited = text.replace("新增上市公司6家", "新增上市公司6家、新增独角兽企业三家、两成")
    assert [n for n, _ in uncovered_numbers(registry, edited)] == ["三家", "两成"]
    without = registry.targets[: [t.id for t in registry.targets].index("safe_huzhou_17th")]
    assert "十七连冠" in [n for n, _ in uncovered_numbers(_only(registry, without), text)]


def _only(registry: Registry, targets: tuple[Target, ...]) -> Registry:
    return Registry(registry.path, registry.meta, registry.sections, targets, registry.units)


def _occurrences(text: str, part: str, start: int, end: int) -> list[int]:
    found, i = [], text.find(part, start, end)
    while i != -1:
        found.append(i)
        i = text.find(part, i + 1, end)
    return found


def test_multi_commitment_sentences_are_split(registry: Registry) -> None:
    by_quote: dict[str, list[str]] = {}
    for t in registry.commitments:
        by_quote.setdefault(t.quote, []).append(t.id)
    assert sorted(by_quote["打造“美丽小区”“美丽街巷”各100个"]) == [
        "beautiful_communities",
        "beautiful_streets",
    ]
    water = [q for q in by_quote if q.endswith("均保持100%")]
    assert len(water) == 1
    assert len(by_quote[water[0]]) == 3


def test_the_headline_targets_are_all_there(registry: Registry) -> None:
    headline = {t.id for t in registry.commitments if t.section == "二"}
    assert headline == {
        "gdp_growth",
        "budget_revenue_growth",
        "income_growth",
        "income_ratio",
        "fai_growth",
        "retail_sales_growth",
        "export_share",
        "rd_intensity",
        "unemployment_rate",
        "energy_saving",
    }


def test_relative_targets_compare_with_the_right_quantity(registry: Registry) -> None:
    def other(target_id: str) -> str | None:
        target = registry.get(target_id)
        assert target is not None
        return target.other

    assert other("budget_revenue_growth") == "gdp_growth"
    assert other("income_growth") == "gdp_growth"
    assert other("green_loan_growth") == "loan_growth"
    loan_growth = registry.get("loan_growth")
    assert loan_growth is not None
    assert loan_growth.role is Role.REFERENCE


def test_report_metadata(registry: Registry) -> None:
    meta = registry.meta
    assert (meta.city_zh, meta.year, meta.date, meta.source) == (
        "湖州市",
        2023,
        "2023-02-27",
        "湖州日报",
    )
    assert meta.seed.endswith(SEED_NAME)
    assert len(registry.commitments) == 151


def test_installed_package_ships_registry_and_seed() -> None:
    package = Path(str(resources.files("reportcheck")))
    assert default_registry_path() == package / "data" / "targets.yaml"
    assert default_registry_path().read_bytes() == (REPO / "data" / "targets.yaml").read_bytes()
    assert (package / "seeds" / SEED_NAME).read_bytes() == (REPO / "seeds" / SEED_NAME).read_bytes()


def test_tests_run_against_the_package_pip_installed() -> None:
    """A wheel install is imported from site-packages, an editable one from src/, never by luck."""
    import json
    from importlib import metadata

    direct_url = metadata.distribution("reportcheck").read_text("direct_url.json")
    editable = bool(direct_url and json.loads(direct_url).get("dir_info", {}).get("editable"))
    inside_src = REPO / "src" in Path(reportcheck.__file__).resolve().parents
    assert inside_src == editable
