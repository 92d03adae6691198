"""The registry is evidence: quotes verbatim, numbers agreeing, no commitment skipped, in the
digest it was first written from and in the full text it quotes where the digest is silent."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

import reportcheck
from reportcheck.output.catalogue import one_line
from reportcheck.registry.lint import lint_registry
from reportcheck.registry.records import Registry, Role
from reportcheck.registry.shipped import default_registry_path

from .conftest import REPO

SEED_NAME = "000_2ae2d6b944143d98.txt"
FULL_NAME = "huzhou-2023.md"


def test_the_shipped_registry_passes_every_evidence_check() -> None:
    """Quotes verbatim, values and baselines in their quotes, every number of the plan covered.

    The checks themselves live in `reportcheck lint`; tests/test_lint.py shows each one failing.
    """
    found = lint_registry(default_registry_path())
    assert [one_line(p) for p in found.problems] == []
    assert found.entries == 172


def test_quotes_come_from_the_plan_and_baselines_from_the_review(registry: Registry) -> None:
    texts = {
        "": (REPO / "seeds" / SEED_NAME).read_text(encoding="utf-8"),
        "full": (REPO / "seeds" / FULL_NAME).read_text(encoding="utf-8"),
    }
    plans = {name: text.index("二、2023年工作安排") for name, text in texts.items()}
    for t in registry.commitments:
        assert texts[t.text].find(t.quote, plans[t.text]) != -1, t.id
    baselines = [t.baseline for t in registry.targets if t.baseline]
    assert all(0 <= texts[b.text].find(b.quote) < plans[b.text] for b in baselines)
    assert all(b.year == 2022 for b in baselines)
    assert {t.text for t in registry.targets} == {"", "full"}


def test_the_full_text_is_shipped_as_published_and_its_promises_are_checked_against_it(
    registry: Registry, tmp_path: Path
) -> None:
    """The registry quotes the full text where the digest leaves a promise out; an edit of the
    full text that drops one of those quotes is an error naming the text."""
    import shutil

    from reportcheck.model.problems import RegistryError
    from reportcheck.registry.load import load_registry

    assert registry.meta.texts == {"full": f"../seeds/{FULL_NAME}"}
    assert registry.get("hightech_firms") is not None
    shipped = default_registry_path().resolve()
    shutil.copytree(shipped.parent.parent / "seeds", tmp_path / "seeds")
    (tmp_path / "data").mkdir()
    copy = tmp_path / "data" / "targets.yaml"
    copy.write_bytes(shipped.read_bytes())
    full = tmp_path / "seeds" / FULL_NAME
    full.write_text(
        full.read_text(encoding="utf-8").replace(
            "新认定高新技术企业280家以上", "新认定高新技术企业"
        ),
        encoding="utf-8",
    )
    with pytest.raises(RegistryError) as caught:
        load_registry(copy)
    said = [one_line(p) for p in caught.value.problems]
    assert len(said) == 1
    assert said[0].endswith(
        "column quote: target hightech_firms: is not verbatim in text full; closest "
        "'新认定高新技术企业、国家科技型', first difference at character 10 ('2' U+0032 where "
        "the text has '、' U+3001) [registry-quote-not-in-report]"
    )


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
    assert len(registry.commitments) == 169


def test_installed_package_ships_registry_and_seed() -> None:
    package = Path(str(resources.files("reportcheck")))
    assert default_registry_path() == package / "data" / "targets.yaml"
    assert default_registry_path().read_bytes() == (REPO / "data" / "targets.yaml").read_bytes()
    assert (package / "seeds" / SEED_NAME).read_bytes() == (REPO / "seeds" / SEED_NAME).read_bytes()
    assert (package / "seeds" / FULL_NAME).read_bytes() == (REPO / "seeds" / FULL_NAME).read_bytes()


def test_tests_run_against_the_package_pip_installed() -> None:
    """A wheel install is imported from site-packages, an editable one from src/, never by luck."""
    import json
    from importlib import metadata

    direct_url = metadata.distribution("reportcheck").read_text("direct_url.json")
    editable = bool(direct_url and json.loads(direct_url).get("dir_info", {}).get("editable"))
    inside_src = REPO / "src" in Path(reportcheck.__file__).resolve().parents
    assert inside_src == editable


#: Entries the registry once held or marked doubtful and now lists under not_commitments, by the
#: span that records the decision (each confirmed against the full text).
NOT_THIS_YEAR = {
    "service_manufacturing_city": "建设国家级服务型制造示范城市",
    "huzhou_normal_university": "支持湖州师范学院创建高水平师范大学",
    "national_civility_model_city": "奋力冲刺全国文明典范城市",
    "abandoned_mines": "加快全域消除废弃矿山",
    "preschool_universal_county": "推动全国学前教育普及普惠县",
    "balanced_education_county": "义务教育优质均衡发展县创建工作",
    "public_security_model_city": "建设全国社会治安防控体系建设示范城市",
    "five_ones_award": "全力冲刺国家和省“五个一”工程",
    "national_art_award": "国家艺术大奖",
    "nanjiao_scenic_area_study": "开展南郊风景区整体规划研究",
    "biodiversity_baseline_survey": "全面开展生物多样性本底调查",
    "hidden_debt": "坚决遏制新增政府隐性债务",
}
#: Entries once marked doubtful, kept after the full text was read, each with a plain reason.
KEPT = (
    "land_consolidation_projects",
    "shihe_culture_path",
    "lotus_garden_walkway",
    "development_knowledge_centre",
    "safety_campaign",
)


def test_every_doubtful_entry_is_decided_and_the_decision_recorded(registry: Registry) -> None:
    import yaml

    text = default_registry_path().read_text(encoding="utf-8")
    listed = {item["span"]: item["reason"] for item in yaml.safe_load(text)["not_commitments"]}
    for ident, span in NOT_THIS_YEAR.items():
        assert registry.get(ident) is None, ident
        assert listed.get(span, "").strip(), span  # with its reason
    for ident in KEPT:
        target = registry.get(ident)
        assert target is not None, ident
        assert target.note, ident
    assert "oubtful" not in text
    assert "Not a commitment" not in text  # no decision left as a comment


def test_the_seasonal_ratio_is_said_as_it_is_judged(registry: Registry) -> None:
    """Within the year income_ratio is compared with the same period of 2022 or has no data;
    the note and the README say so, not that the full-year figure stands in."""
    from decimal import Decimal

    from reportcheck.actuals import read_actuals
    from reportcheck.review.evaluate import evaluate

    target = registry.get("income_ratio")
    assert target is not None
    assert target.note is not None
    assert "no data" in target.note
    assert "compared first" not in target.note
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    seasonal = readme.split("**Seasonal baselines**", 1)[1].split("**Signs**", 1)[0]
    assert "`no_data`" in seasonal
    assert "otherwise with" not in seasonal
    figures = REPO / "examples" / "illustrative-2023-06.csv"
    data = read_actuals([figures], registry)
    [june] = [r for r in evaluate(registry, data).results if r.target.id == "income_ratio"]
    assert june.status.value == "no_data"  # 1.66 in June, and no June 2022 figure to set it by
    year = read_actuals([REPO / "examples" / "illustrative-2023.csv"], registry)
    [final] = [r for r in evaluate(registry, year).results if r.target.id == "income_ratio"]
    assert final.status.value == "met"  # 1.59 for the year, below the full-year 1.61
    assert registry.get("income_ratio").baseline.value == Decimal("1.61")  # type: ignore[union-attr]
