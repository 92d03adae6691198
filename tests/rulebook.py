"""Small registries written as YAML, loaded by the real loader, for tests that pin one rule."""

from __future__ import annotations

import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from reportcheck.actuals import Actual, ActualsSet, Value
from reportcheck.model.periods import parse_period
from reportcheck.registry.load import load_registry
from reportcheck.registry.records import Registry
from reportcheck.review.evaluate import Result, evaluate

HEADER: dict[str, Any] = {
    "city_zh": "某市",
    "city_en": "Somewhere",
    "year": 2023,
    "title_zh": "报告",
    "title_en": "Report",
    "date": "2023-02-01",
    "source": "日报",
    "seed": "seed.txt",
}


def entry(quote: str, comparator: str | None, **fields: Any) -> dict[str, Any]:
    """An entry with the report's words and its rule; kind rate, released monthly by default."""
    item: dict[str, Any] = {
        "id": fields.pop("id", "t"),
        "section": "二",
        "quote": quote,
        "name_zh": "指标",
        "name_en": "indicator",
        "unit": fields.pop("unit", "%"),
        "kind": fields.pop("kind", "rate"),
        "released": fields.pop("released", "monthly"),
    }
    if comparator is not None:
        item["comparator"] = comparator
    item.update(fields)
    return item


def reference(target_id: str, quote: str = "指标", unit: str = "%") -> dict[str, Any]:
    return entry(quote, None, id=target_id, role="reference", unit=unit)


#: Wordings more than one test file judges: a flow with milestones, a stock with a baseline.
MILESTONES = entry(
    "完成年度投资100亿元",
    "at_least",
    value=100,
    unit="亿元",
    kind="cumulative",
    pacing="milestones",
    milestones={"2023-06": 40, "2023-09": 70},
)
LOAN = entry(
    "贷款余额突破1万亿元",
    "more_than",
    value=10000,
    unit="亿元",
    kind="stock",
    baseline={"value": 8800, "year": 2022, "quote": "贷款余额8800亿元"},
)


def build(*entries: dict[str, Any], units: dict[str, Any] | None = None) -> Registry:
    """A registry of `entries` whose report text is made of their quotes."""
    with tempfile.TemporaryDirectory(prefix="rulebook-") as tmp:
        folder = Path(tmp)
        quotes = [e["quote"] for e in entries]
        quotes += [e["baseline"]["quote"] for e in entries if "quote" in e.get("baseline", {})]
        (folder / "seed.txt").write_text("。".join(quotes), encoding="utf-8")
        document: dict[str, Any] = {
            "report": HEADER,
            "sections": {"二": {"zh": "主要预期目标", "en": "Main targets"}},
            "targets": list(entries),
        }
        if units is not None:
            document["units"] = units
        path = folder / "targets.yaml"
        path.write_text(yaml.safe_dump(document, allow_unicode=True, sort_keys=False), "utf-8")
        return load_registry(path)


def figure(target_id: str, period: str, value: str | bool | None) -> Actual:
    parsed: Value | None = Decimal(value) if isinstance(value, str) else value
    return Actual(id=target_id, period=parse_period(period), value=parsed, file="a.csv", line=2)


def judge(registry: Registry, period: str, value: str | bool, *others: Actual) -> Result:
    """The first commitment judged on one figure (and any other quantities' figures)."""
    target = registry.commitments[0]
    actuals = ActualsSet((figure(target.id, period, value), *others))
    return evaluate(registry, actuals, parse_period(period)).results[0]
