"""Registries: every key with the wrong type, values that would make a wrong verdict (milestones,
baselines, links, ranks, units with full-width brackets, fractions), and YAML that is no plain
data (anchors, aliases, tags, deep nesting, other encodings). Each is refused naming the key and
its line once, without knock-on errors, or loaded and judged right. `lint` reads the same
registries (tests/hostile/cases/lint.py)."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..harness import Case, Outcome, Setup
from ..kit import ENTRIES, SEED, csv_text, judged, put, registry, registry_text

C = "registries"


@dataclass(frozen=True)
class Variant:
    """A registry that differs from the small valid one (kit.ENTRIES) as `make` says."""

    name: str
    make: Callable[[], str]  # the registry's text
    codes: tuple[str, ...] = ()  # refused with one of these; none: it loads
    rows: tuple[str, ...] = ()  # figures judged with it (when it loads)
    check: Callable[[Outcome], str | None] | None = None
    seed: str = SEED
    encoding: str = "utf-8"
    raw: bytes | None = None  # the registry's bytes as given, when no text can say them
    #: Lint finds more than the loader does (it judges how the registry reads its report).
    lint_codes: tuple[str, ...] | None = None
    #: Codes that must not be said: knock-on errors of the one mistake.
    absent: tuple[str, ...] = ()


def entries(old: str, new: str, count: int = 1) -> Callable[[], str]:
    def make() -> str:
        changed = ENTRIES.replace(old, new, count)
        assert changed != ENTRIES, old
        return registry_text(changed)

    return make


def gdp(extra: str) -> Callable[[], str]:
    """gdp_growth's entry with `extra` lines added after its tolerance."""
    return entries("    tolerance: 0.5\n", "    tolerance: 0.5\n" + extra)


def graduates(extra: str) -> Callable[[], str]:
    return entries("    value: 9\n", "    value: 9\n" + extra)


def field(target: str, key: str, value: str) -> Callable[[], str]:
    """`target`'s `key` given `value` (a YAML text), replacing the line it has."""

    def make() -> str:
        lines = ENTRIES.splitlines(keepends=True)
        start = lines.index(f"  - id: {target}\n")
        for i in range(start + 1, len(lines)):
            if lines[i].startswith(f"    {key}:"):
                lines[i] = f"    {key}: {value}\n"
                return registry_text("".join(lines))
            if lines[i].startswith("  - id:"):
                break
        lines.insert(start + 1, f"    {key}: {value}\n")
        return registry_text("".join(lines))

    return make


def top(text: str) -> Callable[[], str]:
    return lambda: registry_text(top=text)


def report_key(key: str, value: str) -> Callable[[], str]:
    def make() -> str:
        text = registry_text()
        lines = text.splitlines(keepends=True)
        for i, line in enumerate(lines):
            if line.startswith(f"  {key}:"):
                lines[i] = f"  {key}: {value}\n"
                return "".join(lines)
        return text.replace("report:\n", f"report:\n  {key}: {value}\n", 1)

    return make


def nested(depth: int) -> Callable[[], str]:
    return gdp("    note: " + "[" * depth + "x" + "]" * depth + "\n")


def bomb() -> str:
    lines = ["a: &a [x, x, x, x, x, x, x, x, x]"]
    lines += [
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]"
        for i in range(9)
    ]
    return "\n".join(lines) + "\n" + registry_text()


MILESTONES = "    pacing: milestones\n    milestones: {}\n"

VARIANTS: list[Variant] = [
    Variant(
        "valid",
        registry_text,
        rows=("gdp_growth,2023-06,5.7",),
        check=judged("gdp_growth", "on_track", "5.7"),
    ),
    # ids, sections, names
    Variant(
        "id-number",
        entries("  - id: gdp_growth", "  - id: 123"),
        ("registry-type", "registry-bad-id"),
    ),
    Variant("id-list", entries("  - id: gdp_growth", "  - id: [a, b]"), ("registry-type",)),
    Variant("id-empty", entries("  - id: gdp_growth", '  - id: ""'), ("registry-empty",)),
    Variant(
        "id-upper-case", entries("  - id: graduates", "  - id: Graduates"), ("registry-bad-id",)
    ),
    Variant(
        "id-bad-and-referenced",
        lambda: registry_text(
            ENTRIES.replace("  - id: gdp_growth", "  - id: gdp-growth").replace(
                "other: gdp_growth", "other: gdp-growth"
            )
        ),
        ("registry-bad-id",),
        absent=("registry-unknown-reference",),
    ),
    Variant(
        "id-twice",
        lambda: registry_text(ENTRIES + ENTRIES.split("  - id: graduates")[0]),
        ("registry-duplicate-id",),
    ),
    Variant("section-unknown", field("gdp_growth", "section", "九"), ("registry-unknown-section",)),
    Variant(
        "section-number",
        field("gdp_growth", "section", "2"),
        ("registry-unknown-section", "registry-type"),
    ),
    Variant("name-map", field("gdp_growth", "name_zh", "{a: b}"), ("registry-type",)),
    Variant("name-null", field("gdp_growth", "name_zh", "null"), ("registry-null",)),
    Variant("name-number", field("gdp_growth", "name_en", "2023"), ("registry-type",)),
    # A long name is text like any other, bounded by the registry's size.
    Variant("name-huge", field("gdp_growth", "name_en", "x" * 100_000)),
    Variant("name-missing", entries("    name_zh: 地区生产总值\n", ""), ("registry-missing-key",)),
    Variant("key-unknown", gdp("    colour: red\n"), ("registry-unknown-key",)),
    Variant("key-twice", gdp("    tolerance: 0.6\n"), ("registry-duplicate-key",)),
    Variant(
        "entry-not-a-mapping", lambda: registry_text("  - [1, 2]\n" + ENTRIES), ("registry-shape",)
    ),
    Variant("targets-not-a-list", lambda: registry_text("  gdp_growth: 6\n"), ("registry-shape",)),
    Variant(
        "targets-empty",
        lambda: registry_text(""),
        ("registry-shape", "registry-empty", "number-uncovered"),
    ),
    # quotes
    Variant(
        "quote-not-verbatim",
        field("gdp_growth", "quote", "地区生产总值增长7%左右"),
        ("registry-quote-not-in-report",),
        absent=("number-uncovered",),
    ),
    Variant(
        "quote-number", field("gdp_growth", "quote", "6"), ("registry-type", "wording-mismatch")
    ),
    Variant(
        "quote-full-width-digit",
        field("gdp_growth", "quote", "地区生产总值增长６%左右"),
        ("registry-quote-not-in-report",),
    ),
    # comparators and values
    Variant(
        "comparator-unknown",
        field("gdp_growth", "comparator", "roughly"),
        ("registry-unknown-comparator",),
    ),
    Variant("comparator-null", field("gdp_growth", "comparator", "~"), ("registry-null",)),
    Variant("value-text", field("gdp_growth", "value", "abc"), ("registry-type",)),
    Variant("value-list", field("gdp_growth", "value", "[6]"), ("registry-type",)),
    Variant("value-bool", field("gdp_growth", "value", "true"), ("registry-type",)),
    Variant("value-nan", field("gdp_growth", "value", ".nan"), ("registry-type",)),
    Variant("value-inf", field("gdp_growth", "value", ".inf"), ("registry-type",)),
    Variant("value-1e999", field("gdp_growth", "value", "1e999"), ("registry-type",)),
    Variant("value-5000-digits", field("graduates", "value", "9" * 5000), ("registry-type",)),
    Variant(
        "value-huge-fraction", field("graduates", "value", '"1e999999999"'), ("registry-type",)
    ),
    Variant("value-fraction-zero", field("graduates", "value", '"1/0"'), ("registry-type",)),
    Variant(
        "value-fraction",
        field("livelihood_share", "value", '"200/3"'),
        rows=("livelihood_share,2023,66.6667",),
        check=judged("livelihood_share", "met", "66.6667"),
    ),
    Variant(
        "value-fraction-just-below",
        field("livelihood_share", "value", '"200/3"'),
        rows=("livelihood_share,2023,66.6666666666",),
        check=judged("livelihood_share", "missed", "66.6666666666"),
    ),
    Variant(
        "value-negative", field("graduates", "value", "-9"), ("registry-rule", "value-not-in-quote")
    ),
    Variant("tolerance-negative", field("gdp_growth", "tolerance", "-0.5"), ("registry-rule",)),
    Variant("tolerance-text", field("gdp_growth", "tolerance", "half"), ("registry-type",)),
    Variant("tolerance-on-at-least", graduates("    tolerance: 1\n"), ("registry-rule",)),
    Variant("direction-unknown", gdp("    direction: sideways\n"), ("registry-unknown-direction",)),
    Variant("direction-on-at-least", graduates("    direction: down\n"), ("registry-rule",)),
    Variant("kind-unknown", field("gdp_growth", "kind", "rates"), ("registry-unknown-kind",)),
    Variant("kind-yesno-at-least", field("graduates", "kind", "yesno"), ("registry-rule",)),
    Variant(
        "released-unknown", field("gdp_growth", "released", "daily"), ("registry-unknown-released",)
    ),
    Variant("role-unknown", gdp("    role: helper\n"), ("registry-unknown-role",)),
    Variant(
        "entered-as-unknown",
        graduates("    entered_as: sideways\n"),
        ("registry-unknown-entered_as",),
    ),
    Variant("lead-number", gdp("    lead: 12\n"), ("registry-type",)),
    Variant("note-null", gdp("    note:\n"), ("registry-null",)),
    # ranks
    Variant("rank-zero", field("city_rank", "value", "0"), ("registry-rule", "value-not-in-quote")),
    Variant(
        "rank-negative", field("city_rank", "value", "-3"), ("registry-rule", "value-not-in-quote")
    ),
    Variant(
        "rank-fraction", field("city_rank", "value", "2.5"), ("registry-rule", "value-not-in-quote")
    ),
    # yes/no
    Variant("yes-no-in-yuan", field("energy_saving", "unit", "亿元"), ("registry-rule",)),
    Variant("yes-no-with-value", field("energy_saving", "value", "1"), ("registry-rule",)),
    # links between entries
    Variant(
        "other-missing", field("income_growth", "other", "gdp"), ("registry-unknown-reference",)
    ),
    Variant(
        "other-itself",
        field("income_growth", "other", "income_growth"),
        ("registry-unknown-reference",),
    ),
    Variant(
        "other-number",
        field("income_growth", "other", "7"),
        ("registry-type", "registry-unknown-reference"),
    ),
    Variant(
        "other-yes-no",
        field("income_growth", "other", "energy_saving"),
        ("registry-reference-mismatch",),
    ),
    Variant(
        "other-in-another-unit",
        field("income_growth", "other", "graduates"),
        ("registry-reference-mismatch",),
    ),
    Variant(
        "other-invalid-no-knock-on",
        field("gdp_growth", "unit", "百分比"),
        ("registry-unknown-unit",),
        absent=("registry-unknown-reference",),
    ),
    Variant(
        "other-invalid-kind-no-knock-on",
        field("gdp_growth", "kind", "rates"),
        ("registry-unknown-kind",),
        absent=("registry-unknown-reference", "registry-reference-mismatch"),
    ),
    # baselines
    Variant("baseline-text", gdp("    baseline: 3.3\n"), ("registry-shape", "registry-type")),
    Variant(
        "baseline-after-the-year",
        gdp("    baseline: {value: 3.3, year: 2024, quote: 地区生产总值增长3.3%}\n"),
        ("registry-baseline-year",),
    ),
    Variant(
        "baseline-the-year-itself",
        gdp("    baseline: {value: 3.3, year: 2023, quote: 地区生产总值增长3.3%}\n"),
        ("registry-baseline-year",),
    ),
    Variant(
        "baseline-ancient",
        gdp("    baseline: {value: 3.3, year: 1900, quote: 地区生产总值增长3.3%}\n"),
        ("registry-baseline-year", "registry-type"),
    ),
    Variant(
        "baseline-no-quote",
        gdp("    baseline: {value: 3.3, year: 2022}\n"),
        ("registry-missing-key",),
    ),
    Variant(
        "baseline-value-text",
        gdp("    baseline: {value: abc, year: 2022, quote: 地区生产总值增长3.3%}\n"),
        ("registry-type",),
    ),
    Variant(
        "path-from-the-year-itself",
        entries(
            "    value: 10000\n",
            "    value: 10000\n    pacing: path\n"
            "    baseline: {value: 1.61, year: 2023, quote: 城乡居民收入倍差缩小至1.61}\n",
        ),
        ("registry-baseline-year", "registry-pacing"),
    ),
    Variant(
        "path-without-baseline",
        entries("    value: 10000\n", "    value: 10000\n    pacing: path\n"),
        ("registry-pacing",),
    ),
    Variant(
        "path-past-target",
        entries(
            "    value: 10000\n",
            "    value: 10000\n    pacing: path\n"
            "    baseline: {value: 12000, year: 2022, quote: 城乡居民收入倍差缩小至1.61}\n",
        ),
        ("registry-pacing", "value-not-in-quote"),
    ),
    # due dates
    Variant("due-bad", gdp("    due: 2023-13\n"), ("registry-due",)),
    Variant("due-before-the-year", gdp("    due: 2020\n"), ("registry-due",)),
    Variant("due-far-future", gdp("    due: 2100\n"), ("registry-due",)),
    Variant("due-list", gdp("    due: [2024]\n"), ("registry-due", "registry-type")),
    Variant(
        "due-later",
        graduates("    due: 2027\n"),
        rows=("graduates,2023,5",),
        check=judged("graduates", "on_track", "5"),
    ),
    Variant(
        "due-later-reached",
        graduates("    due: 2027\n"),
        rows=("graduates,2023,9",),
        check=judged("graduates", "met", "9"),
    ),
    # pacing and milestones
    Variant("pacing-unknown", gdp("    pacing: sideways\n"), ("registry-unknown-pacing",)),
    Variant(
        "milestones-without-pacing",
        graduates('    milestones: {"2023-06": 4}\n'),
        ("registry-pacing",),
    ),
    Variant(
        "milestone-above-target",
        graduates(MILESTONES.format('{"2023-06": 10}')),
        ("registry-pacing",),
    ),
    Variant(
        "milestone-negative", graduates(MILESTONES.format('{"2023-06": -1}')), ("registry-pacing",)
    ),
    Variant(
        "milestones-out-of-order",
        graduates(MILESTONES.format('{"2023-06": 6, "2023-09": 4}')),
        ("registry-pacing",),
    ),
    Variant(
        "milestone-twice",
        graduates(MILESTONES.format('{"2023-06": 4, "2023-Q2": 5}')),
        ("registry-pacing",),
    ),
    Variant(
        "milestone-outside", graduates(MILESTONES.format('{"2025-06": 4}')), ("registry-pacing",)
    ),
    Variant(
        "milestone-bad-period", graduates(MILESTONES.format('{"2023-13": 4}')), ("registry-pacing",)
    ),
    Variant("milestones-a-list", graduates(MILESTONES.format("[4, 6]")), ("registry-pacing",)),
    Variant(
        "milestones-judged",
        graduates(MILESTONES.format('{"2023-06": 3, "2023-09": 6}')),
        rows=("graduates,2023-06,3.5",),
        check=judged("graduates", "on_track", "3.5"),
    ),
    # units
    Variant("unit-unknown", field("gdp_growth", "unit", "百分比"), ("registry-unknown-unit",)),
    Variant(
        "unit-number", field("gdp_growth", "unit", "5"), ("registry-unknown-unit", "registry-type")
    ),
    Variant(
        "unit-full-width-brackets",
        lambda: registry_text(
            ENTRIES.replace('    unit: "万人"', "    unit: 万人（本科）"),
            top="units:\n  万人（本科）: {family: people, factor: 10000, en: 10k graduates}\n",
        ),
        rows=("graduates,2023-06,4.6,万人(本科)",),
        check=judged("graduates", "on_track", "4.6"),
    ),
    Variant(
        "unit-full-width-brackets-declared-half",
        lambda: registry_text(
            ENTRIES.replace('    unit: "万人"', "    unit: 万人(本科)"),
            top="units:\n  万人（本科）: {family: people, factor: 10000, en: 10k graduates}\n",
        ),
        rows=("graduates,2023-06,4.6,万人（本科）",),
        check=judged("graduates", "on_track", "4.6"),
    ),
    Variant(
        "unit-factor-third",
        lambda: registry_text(
            ENTRIES.replace('    unit: "万人"', "    unit: 三人组").replace(
                "    value: 9\n", "    value: 3\n", 1
            ),
            top='units:\n  三人组: {family: people, factor: "1/3", en: a third}\n',
        ),
        codes=("value-not-in-quote",),
    ),
    Variant(
        "unit-factor-exact",
        lambda: registry_text(
            ENTRIES, top='units:\n  三分之一人: {family: people, factor: "1/3", en: a third}\n'
        ),
        rows=("graduates,2023,270000,三分之一人",),
        check=judged("graduates", "met", "9"),
    ),
    Variant(
        "unit-factor-zero",
        top("units:\n  零人: {family: people, factor: 0, en: none}\n"),
        ("registry-unit",),
    ),
    Variant(
        "unit-factor-negative",
        top("units:\n  负人: {family: people, factor: -1, en: x}\n"),
        ("registry-unit",),
    ),
    Variant(
        "unit-factor-text",
        top("units:\n  某人: {family: people, factor: many, en: x}\n"),
        ("registry-type", "registry-unit"),
    ),
    Variant(
        "unit-built-in-redefined",
        top("units:\n  万人: {family: people, factor: 1, en: x}\n"),
        ("registry-unit",),
    ),
    Variant(
        "unit-twice-folded",
        top(
            "units:\n  万吨（标煤）: {family: tce, factor: 10000, en: a}\n"
            "  万吨(标煤): {family: tce, factor: 10000, en: b}\n"
        ),
        ("registry-unit", "registry-duplicate-key"),
    ),
    Variant("units-a-list", top("units: [万人]\n"), ("registry-shape",)),
    # bands
    Variant("bands", top("bands: [10, 30]\n"), ()),
    Variant("bands-reversed", top("bands: [30, 10]\n"), ("registry-bands",)),
    Variant("bands-negative", top("bands: [-1]\n"), ("registry-bands",)),
    Variant("bands-text", top("bands: [a]\n"), ("registry-bands", "registry-type")),
    Variant("bands-huge", top("bands: [1e999999]\n"), ("registry-bands", "registry-type")),
    # the report's keys
    Variant("year-text", report_key("year", "twenty"), ("registry-type",)),
    Variant("year-ancient", report_key("year", "1800"), ("registry-type",)),
    Variant("year-far", report_key("year", "99999"), ("registry-type",)),
    # The report's date is said, never judged on.
    Variant("date-bad", report_key("date", '"2023-02-30"')),
    Variant(
        "seed-missing",
        report_key("seed", "nowhere.txt"),
        ("registry-seed-missing", "registry-seed-unreadable"),
    ),
    Variant("seed-a-folder", report_key("seed", "."), ("registry-seed-unreadable",)),
    Variant("seed-dev-zero", report_key("seed", "/dev/zero"), ("registry-seed-unreadable",)),
    Variant("texts-unknown", gdp("    text: full\n"), ("registry-unknown-text",)),
    Variant(
        "texts-too-many",
        report_key("texts", "{" + ", ".join(f"t{i}: seed.txt" for i in range(9)) + "}"),
        ("registry-shape",),
    ),
    Variant(
        "texts-bad-name", report_key("texts", "{Full Text: seed.txt}"), ("registry-bad-text-name",)
    ),
    # YAML that is no plain data
    Variant(
        "yaml-anchor-alias",
        lambda: (
            registry_text()
            .replace("    value: 6\n", "    value: &six 6\n", 1)
            .replace("    value: 9\n", "    value: *six\n", 1)
        ),
        ("registry-yaml",),
    ),
    Variant("yaml-alias-bomb", bomb, ("registry-yaml",)),
    Variant(
        "yaml-python-tag",
        gdp("    note: !!python/object/apply:os.system [touch pwned]\n"),
        ("registry-yaml",),
    ),
    Variant("yaml-local-tag", gdp("    note: !secret x\n"), ("registry-yaml",)),
    Variant(
        "yaml-merge-key", gdp("    <<: {note: x}\n"), ("registry-yaml", "registry-unknown-key")
    ),
    Variant("yaml-21-deep", nested(21), ("registry-yaml",)),
    Variant("yaml-100000-deep", nested(100_000), ("registry-yaml",)),
    Variant("yaml-two-documents", lambda: registry_text() + "---\nx: 1\n", ("registry-yaml",)),
    Variant("yaml-invalid", lambda: registry_text() + "  - id: [unclosed\n", ("registry-yaml",)),
    Variant(
        "yaml-tabs",
        lambda: registry_text().replace("    section: 二", "\tsection: 二", 1),
        ("registry-yaml",),
    ),
    Variant("yaml-scalar", lambda: "just text\n", ("registry-shape",)),
    Variant("yaml-empty", lambda: "", ("registry-empty", "registry-shape")),
    Variant("yaml-comments-only", lambda: "# nothing\n", ("registry-empty", "registry-shape")),
    Variant("yaml-bom", lambda: "\ufeff" + registry_text()),
    Variant("yaml-gbk", registry_text, ("registry-unreadable",), raw=None, encoding="gbk"),
    Variant(
        "yaml-utf-16", registry_text, ("registry-unreadable", "registry-yaml"), encoding="utf-16"
    ),
    Variant(
        "yaml-nul", lambda: registry_text() + "# \x00\n", ("registry-yaml", "registry-unreadable")
    ),
    Variant(
        "yaml-huge-key",
        lambda: registry_text() + "x" * 5000 + ": 1\n",
        ("registry-unknown-key", "registry-yaml"),
    ),
]


def _absent(codes: tuple[str, ...]) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        said = [code for code in codes if f"[{code}]" in outcome.out + outcome.err]
        return f"knock-on errors: {said}" if said else None

    return check


def _build(variant: Variant, command: str) -> Callable[[Path], Setup]:
    def build(folder: Path) -> Setup:
        text = variant.make()
        data = variant.raw if variant.raw is not None else text.encode(variant.encoding)
        put(folder, "seed.txt", variant.seed)
        path = put(folder, "targets.yaml", data)
        if command == "lint":
            return Setup(["lint", str(path)], keep=(path,), check=_absent(variant.absent))
        if variant.rows and not variant.codes:
            header = (
                "id,period,value,unit" if variant.rows[0].count(",") == 3 else "id,period,value"
            )
            figures = put(folder, "actuals.csv", csv_text(*variant.rows, header=header))
            return Setup(
                ["--targets", str(path), "diff", str(figures), "-f", "json"],
                check=variant.check,
                keep=(path, figures),
            )
        return Setup(
            ["--targets", str(path), "targets", "-f", "json"],
            keep=(path,),
            check=variant.check or _absent(variant.absent),
            mentions=("targets.yaml",) if variant.codes else (),
        )

    return build


def case(variant: Variant, category: str = C, command: str = "targets") -> Case:
    codes = variant.codes
    if command == "lint" and variant.lint_codes is not None:
        codes = variant.lint_codes
    return Case(
        category,
        variant.name,
        "refused" if codes else "read",
        _build(variant, command),
        codes=codes,
    )


CASES: list[Case] = [case(v) for v in VARIANTS]
_ = (json, registry)
