"""Loading and validating the targets registry (data/targets.yaml and files of its form)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum
from pathlib import Path
from typing import Any, TypeVar

from reportcheck.errors import Problem, RegistryError
from reportcheck.model import (
    NEEDS_BASELINE,
    NEEDS_OTHER,
    NEEDS_TOLERANCE,
    NEEDS_VALUE,
    PACEABLE,
    Baseline,
    Comparator,
    Kind,
    Registry,
    Released,
    ReportMeta,
    Role,
    Section,
    Target,
)
from reportcheck.units import UNITS

_E = TypeVar("_E", bound=Enum)
_ID = re.compile(r"[a-z][a-z0-9_]*")
_REPORT_KEYS = {"city_zh", "city_en", "year", "title_zh", "title_en", "date", "source", "seed"}
_SECTION_KEYS = {"zh", "en"}
_TARGET_REQUIRED = {"id", "section", "quote", "name_zh", "name_en", "unit", "kind", "released"}
_TARGET_OPTIONAL = {"comparator", "value", "tolerance", "baseline", "other", "role", "note"}
_BASELINE_KEYS = {"value", "year", "quote"}
_TOP_OPTIONAL = {"not_commitments", "units"}


def default_registry_path() -> Path:
    """The registry shipped inside the installed package."""
    return Path(__file__).with_name("data") / "targets.yaml"


class _Node(dict[Any, Any]):
    """A mapping that remembers where it and each of its keys stand in the file."""

    line: int = 0
    key_lines: dict[Any, int]


@functools.cache
def _loader_class() -> Any:
    """A safe loader that records lines and duplicate keys; libyaml's parser when available.

    Built on first use, so a command that finds its registry in the cache never imports yaml.
    """
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def construct_mapping(loader: Any, node: yaml.MappingNode) -> _Node:
        loader.flatten_mapping(node)
        result = _Node()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if key in result.key_lines:
                loader.duplicates.append((key, line))
            result[key] = loader.construct_object(value_node, deep=True)
            result.key_lines[key] = line
        return result

    loader: Any = type("_Loader", (base,), {})
    loader.add_constructor("tag:yaml.org,2002:map", construct_mapping)
    return loader


def _parse_yaml(text: str, file: str) -> tuple[Any, list[Problem]]:
    import yaml

    loader = _loader_class()(text)
    loader.duplicates = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise RegistryError(
            [Problem("registry-yaml", f"is not valid YAML: {exc.problem}", file, line)]
        ) from None
    except yaml.YAMLError as exc:
        raise RegistryError([Problem("registry-yaml", f"is not valid YAML: {exc}", file)]) from None
    finally:
        loader.dispose()
    problems = [
        Problem(
            "registry-duplicate-key",
            f"key {key!r} appears twice in one mapping",
            file,
            line,
            str(key),
        )
        for key, line in loader.duplicates
    ]
    return data, problems


@dataclass
class _Checker:
    file: str
    problems: list[Problem]

    def fail(
        self,
        code: str,
        message: str,
        line: int | None,
        key: str | None = None,
        value: object = None,
    ) -> None:
        shown = None if value is None else str(value)
        self.problems.append(Problem(code, message, self.file, line, key, shown))

    def keys(
        self, node: object, where: str, required: set[str], optional: set[str], line: int | None
    ) -> _Node | None:
        if not isinstance(node, _Node):
            self.fail("registry-shape", f"{where} must be a mapping", line)
            return None
        for key in node:
            if key not in required | optional:
                known = ", ".join(sorted(required | optional))
                self.fail(
                    "registry-unknown-key",
                    f"{where}: unknown key {key!r} (known: {known})",
                    node.key_lines[key],
                    str(key),
                )
        for key in sorted(required - set(node)):
            self.fail("registry-missing-key", f"{where}: missing key {key!r}", node.line, key)
        return node

    def text(self, node: _Node, key: str, where: str) -> str:
        value = node.get(key)
        if value is None:
            return ""
        if isinstance(value, bool | dict | list):
            self.fail(
                "registry-type", f"{where}: {key} must be text", node.key_lines[key], key, value
            )
            return ""
        return str(value)

    def number(self, node: _Node, key: str, where: str) -> Decimal | None:
        value = node.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(
                "registry-type", f"{where}: {key} must be a number", node.key_lines[key], key, value
            )
            return None
        return Decimal(str(value))

    def choice(self, node: _Node, key: str, enum: type[_E], where: str) -> _E | None:
        value = node.get(key)
        if value is None:
            return None
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            self.fail(
                f"registry-unknown-{key}",
                f"{where}: unknown {key} {value!r} (known: {allowed})",
                node.key_lines[key],
                key,
                value,
            )
            return None


def load_registry(path: Path | None = None) -> Registry:
    """Load and validate a registry; raises RegistryError listing every problem in it."""
    path = path or default_registry_path()
    file = str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise RegistryError([Problem("registry-unreadable", "no such file", file)]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(
            [Problem("registry-unreadable", f"cannot be read as UTF-8 text: {exc}", file)]
        ) from None
    data, problems = _parse_yaml(text, file)
    check = _Checker(file, problems)
    # not_commitments and units are read by `reportcheck lint`; the loader does not use them.
    top = check.keys(data, "registry", {"report", "sections", "targets"}, _TOP_OPTIONAL, 1)
    if top is None:
        raise RegistryError(check.problems)
    meta = _meta(check, top.get("report"), top.key_lines.get("report"))
    seed_text = _seed_text(check, path, meta)
    sections = _sections(check, top.get("sections"), top.key_lines.get("sections"))
    targets = _targets(check, top.get("targets"), top.key_lines.get("targets"), sections, seed_text)
    if check.problems or meta is None:
        raise RegistryError(check.problems)
    return Registry(path, meta, sections, tuple(targets))


def _meta(check: _Checker, node: object, line: int | None) -> ReportMeta | None:
    report = check.keys(node, "report", _REPORT_KEYS, set(), line)
    if report is None:
        return None
    year = report.get("year")
    if not isinstance(year, int) or isinstance(year, bool):
        check.fail(
            "registry-type", "report: year must be a whole number", report.line, "year", year
        )
        year = 0

    def text(key: str) -> str:
        return check.text(report, key, "report")

    return ReportMeta(
        city_zh=text("city_zh"),
        city_en=text("city_en"),
        year=year,
        title_zh=text("title_zh"),
        title_en=text("title_en"),
        date=text("date"),
        source=text("source"),
        seed=text("seed"),
    )


def seed_path(registry_path: Path, meta: ReportMeta) -> Path | None:
    """The report a registry's quotes are checked against; `seed` is relative to the registry."""
    return (registry_path.parent / meta.seed).resolve() if meta.seed else None


def _seed_text(check: _Checker, registry_path: Path, meta: ReportMeta | None) -> str | None:
    if meta is None or (seed := seed_path(registry_path, meta)) is None:
        return None
    try:
        return seed.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        check.fail(
            "registry-seed-unreadable",
            f"report: seed {meta.seed!r} (the report the quotes come from) cannot be read: {exc}",
            None,
            "seed",
            meta.seed,
        )
        return None


def _sections(check: _Checker, node: object, line: int | None) -> dict[str, Section]:
    if not isinstance(node, _Node):
        check.fail("registry-shape", "sections must be a mapping of section to titles", line)
        return {}
    sections: dict[str, Section] = {}
    for key, titles in node.items():
        entry = check.keys(titles, f"section {key}", _SECTION_KEYS, set(), node.key_lines[key])
        if entry is not None:
            sections[str(key)] = Section(
                str(key),
                check.text(entry, "zh", f"section {key}"),
                check.text(entry, "en", f"section {key}"),
            )
    return sections


def _targets(
    check: _Checker,
    node: object,
    line: int | None,
    sections: dict[str, Section],
    seed_text: str | None,
) -> list[Target]:
    if not isinstance(node, list):
        check.fail("registry-shape", "targets must be a list of entries", line)
        return []
    targets: list[Target] = []
    seen: dict[str, int] = {}
    for item in node:
        target = _target(check, item, sections, seed_text)
        if target is None:
            continue
        if target.id in seen:
            check.fail(
                "registry-duplicate-id",
                f"target {target.id}: id already used by the entry at line {seen[target.id]}",
                target.line,
                "id",
                target.id,
            )
            continue
        seen[target.id] = target.line
        targets.append(target)
    for target in targets:
        if target.other is not None and target.other not in seen:
            check.fail(
                "registry-unknown-reference",
                f"target {target.id}: other {target.other!r} is not an id in this registry",
                target.line,
                "other",
                target.other,
            )
    return targets


def _target(
    check: _Checker, item: object, sections: dict[str, Section], seed_text: str | None
) -> Target | None:
    first = len(check.problems)
    line = item.line if isinstance(item, _Node) else None
    named = item.get("id") if isinstance(item, _Node) else None
    where = f"target {named}" if named else "target (no id)"
    node = check.keys(item, where, _TARGET_REQUIRED, _TARGET_OPTIONAL, line)
    if node is None:
        return None
    target_id = check.text(node, "id", where)
    if target_id and not _ID.fullmatch(target_id):
        check.fail(
            "registry-bad-id",
            f"{where}: id must be lower-case ASCII letters, digits and '_', starting with a letter",
            node.key_lines["id"],
            "id",
            target_id,
        )
    section = check.text(node, "section", where)
    if section and section not in sections:
        check.fail(
            "registry-unknown-section",
            f"{where}: section {section!r} is not listed under sections",
            node.key_lines["section"],
            "section",
            section,
        )
    quote = check.text(node, "quote", where)
    if quote and seed_text is not None and quote not in seed_text:
        check.fail(
            "registry-quote-not-in-report",
            f"{where}: quote is not verbatim in the report",
            node.key_lines["quote"],
            "quote",
            quote,
        )
    unit = check.text(node, "unit", where)
    if unit and unit not in UNITS:
        check.fail(
            "registry-unknown-unit",
            f"{where}: unknown unit {unit!r} (known: {', '.join(UNITS)})",
            node.key_lines["unit"],
            "unit",
            unit,
        )
    comparator = check.choice(node, "comparator", Comparator, where)
    kind = check.choice(node, "kind", Kind, where)
    released = check.choice(node, "released", Released, where)
    role = check.choice(node, "role", Role, where) or Role.COMMITMENT
    value = check.number(node, "value", where)
    tolerance = check.number(node, "tolerance", where)
    baseline = _baseline(check, node, where, seed_text)
    other = check.text(node, "other", where) or None
    _check_rule(
        check,
        node,
        where,
        role,
        comparator,
        kind,
        unit,
        {"value": value, "tolerance": tolerance, "baseline": baseline, "other": other},
    )
    if len(check.problems) > first or kind is None or released is None:
        return None
    return Target(
        target_id,
        section,
        quote,
        check.text(node, "name_zh", where),
        check.text(node, "name_en", where),
        unit,
        comparator,
        value,
        tolerance,
        baseline,
        other,
        kind,
        released,
        role,
        node.line,
        check.text(node, "note", where) or None,
    )


def _baseline(check: _Checker, node: _Node, where: str, seed_text: str | None) -> Baseline | None:
    if node.get("baseline") is None:
        return None
    entry = check.keys(
        node["baseline"], f"{where} baseline", _BASELINE_KEYS, set(), node.key_lines["baseline"]
    )
    if entry is None:
        return None
    value = check.number(entry, "value", f"{where} baseline")
    year = entry.get("year")
    quote = check.text(entry, "quote", f"{where} baseline")
    if quote and seed_text is not None and quote not in seed_text:
        check.fail(
            "registry-quote-not-in-report",
            f"{where}: baseline quote is not verbatim in the report",
            entry.key_lines["quote"],
            "quote",
            quote,
        )
    if not isinstance(year, int) or isinstance(year, bool):
        check.fail(
            "registry-type",
            f"{where}: baseline year must be a whole number",
            entry.line,
            "year",
            year,
        )
        return None
    return Baseline(value, year, quote) if value is not None else None


def _check_rule(
    check: _Checker,
    node: _Node,
    where: str,
    role: Role,
    comparator: Comparator | None,
    kind: Kind | None,
    unit: str,
    fields: dict[str, object],
) -> None:
    """The fields a comparator needs are present, and those it would ignore are absent."""
    line = node.line
    if role is Role.REFERENCE:
        for key in ("comparator", "value", "tolerance", "other"):
            if node.get(key) is not None:
                check.fail(
                    "registry-rule",
                    f"{where}: a reference entry has no {key}",
                    node.key_lines[key],
                    key,
                )
        return
    if comparator is None:
        if "comparator" not in node:
            check.fail(
                "registry-missing-key", f"{where}: missing key 'comparator'", line, "comparator"
            )
        return
    needs = {
        "value": comparator in NEEDS_VALUE,
        "tolerance": comparator in NEEDS_TOLERANCE,
        "baseline": comparator in NEEDS_BASELINE,
        "other": comparator in NEEDS_OTHER,
    }
    for key, needed in needs.items():
        if needed and fields[key] is None and key not in node:
            check.fail(
                "registry-rule",
                f"{where}: missing key {key!r} (needed by comparator {comparator.value})",
                line,
                key,
            )
        elif not needed and key != "baseline" and node.get(key) is not None:
            check.fail(
                "registry-rule",
                f"{where}: comparator {comparator.value} takes no {key}",
                node.key_lines[key],
                key,
            )
    if (comparator is Comparator.YES) != (kind is Kind.YESNO) or (
        kind is Kind.YESNO and unit != "是/否"
    ):
        check.fail(
            "registry-rule",
            f"{where}: comparator yes goes with kind yesno and unit '是/否', and only with them",
            line,
            "comparator",
            comparator.value,
        )
    if kind in (Kind.CUMULATIVE, Kind.STOCK) and comparator not in PACEABLE:
        check.fail(
            "registry-rule",
            f"{where}: a {kind.value} quantity is paced, so its "
            "comparator must be at_least, more_than, at_most or about",
            line,
            "comparator",
            comparator.value,
        )
    if fields["other"] == node.get("id"):
        check.fail("registry-rule", f"{where}: other must name another entry", line, "other")
