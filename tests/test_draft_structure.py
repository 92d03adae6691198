"""The parts of a full report as published: markdown headings, five-year parts, appendices."""

from __future__ import annotations

from typing import Any

import yaml

from reportcheck.registry.draft import draft_registry
from reportcheck.registry.lint import lint_registry
from reportcheck.registry.prose.segment import infer_year, layout
from reportcheck.registry.prose.textnums import fold
from reportcheck.registry.prose.wording import comparator_for

from .conftest import REPO

SHIPPED = REPO / "src" / "reportcheck" / "data"


def drafted(text: str, year: int | None = None) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(draft_registry(text, seed="r.md", year=year).yaml)
    return loaded


def entries(text: str, year: int | None = None) -> list[dict[str, Any]]:
    return [e for e in drafted(text, year)["targets"] if e.get("role") != "reference"]


REVIEW = "**一、2024年工作回顾**\n\n地区生产总值增长5.5%。\n\n"


def test_a_bold_heading_opens_the_plan() -> None:
    text = REVIEW + "**二、2025年工作安排**\n\n新增上市公司6家。\n"
    parts = layout(fold(text))
    assert text[parts.plan_start :].startswith("**二、2025年工作安排**")
    assert [h.title for h in parts.headings] == ["2025年工作安排"]
    assert [e["quote"] for e in entries(text)] == ["新增上市公司6家"]


def test_markdown_headings_of_every_kind_are_headings() -> None:
    text = REVIEW + "## 二、2025年工作安排\n\n**（一）扩大内需**\n\n新增上市公司6家。\n"
    parts = layout(fold(text))
    assert [(h.key, h.title) for h in parts.headings] == [
        ("二", "2025年工作安排"),
        ("二(一)", "扩大内需"),
    ]


def test_a_five_year_part_opens_the_plan_and_its_promises_are_due_at_its_end() -> None:
    text = (
        "一、2025年工作回顾\n\n地区生产总值增长5.5%。\n\n"
        "二、“十五五”时期的主要目标任务\n\n研发投入强度达4.5%。\n\n"
        "三、2026年工作安排\n\n新增上市公司6家。\n"
    )
    parts = layout(fold(text))
    assert infer_year(fold(text), parts) == 2026
    found = {e["quote"]: e.get("due") for e in entries(text)}
    assert found == {"研发投入强度达4.5%": 2030, "新增上市公司6家": None}


def test_a_heading_that_names_its_year_sets_no_five_year_horizon() -> None:
    text = REVIEW + "二、2025年工作安排:开好“十五五”新局\n\n新增上市公司6家。\n"
    assert [e.get("due") for e in entries(text)] == [None]


def test_a_glossary_after_the_plan_is_not_plan() -> None:
    text = (
        REVIEW + "**二、2025年工作安排**\n\n新增上市公司6家。\n\n**附件：**\n\n**名词解释**\n\n"
        "1.“四化”平台:包括全市12个重点平台。\n"
    )
    parts = layout(fold(text))
    assert "名词解释" not in text[parts.plan_start : parts.plan_end]
    assert [e["quote"] for e in entries(text)] == ["新增上市公司6家"]


def test_the_title_of_a_front_matter_is_the_reports_title() -> None:
    text = "---\nsource: https://example.gov.cn/a/2025/1.html\ntitle: 2025年某市政府工作报告\n---\n"
    report = drafted(text + REVIEW + "二、2025年工作安排\n\n新增上市公司6家。\n")["report"]
    assert report["title_zh"] == "2025年某市政府工作报告"


def test_a_rank_is_read_without_a_unit_but_not_a_time() -> None:
    assert comparator_for("实到外资总量稳定在全省前", "", "") == "rank_within"
    assert comparator_for("前", "季度", "") == "at_least"


def test_the_shipped_2024_registry_passes_strict_lint() -> None:
    """Its bold headings are headings: the heading's year and the plan's first sentence are plan."""
    found = lint_registry(SHIPPED / "huzhou-2024.yaml")
    assert [p.code for p in found.problems] == []
    assert not found.failed(strict=True)
