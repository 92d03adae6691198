"""Loading and validating the targets registry (data/targets.yaml and files of its form)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from types import MappingProxyType
from typing import Any

from reportcheck.model.limits import (
    MAX_REGISTRY_BYTES,
    MAX_REPORT_BYTES,
    LimitError,
    check_yaml_size,
    read_limited_text,
)
from reportcheck.model.problems import Problem, RegistryError
from reportcheck.model.units import UNITS, Unit
from reportcheck.registry.entry import Context, build_target
from reportcheck.registry.records import Registry, ReportMeta, Section, Target, bands_problem
from reportcheck.registry.shipped import default_registry_path
from reportcheck.registry.yamlnodes import Checker, Node, parse_yaml
from reportcheck.rules import to_decimal

_REPORT_KEYS = {"city_zh", "city_en", "year", "title_zh", "title_en", "date", "source", "seed"}
_SECTION_KEYS = {"zh", "en"}
_UNIT_KEYS = {"family", "factor", "en"}


def load_registry(path: Path | None = None) -> Registry:
    """Load and validate a registry; raises RegistryError listing every problem in it."""
    path = path or default_registry_path()
    data, problems = read_registry_tree(path)
    return build_registry(path, data, problems)


def read_registry_tree(path: Path) -> tuple[Any, list[Problem]]:
    """The registry file's YAML as data with lines, within the size limits, aliases refused."""
    file = str(path)
    try:
        text = read_limited_text(path, MAX_REGISTRY_BYTES, "a registry")
    except FileNotFoundError:
        raise RegistryError([Problem("registry-unreadable", "no such file", file)]) from None
    except LimitError as exc:
        raise RegistryError([Problem("registry-unreadable", str(exc), file)]) from None
    except UnicodeDecodeError as exc:
        raise RegistryError(
            [Problem("registry-unreadable", f"is not UTF-8 text (byte {exc.start})", file)]
        ) from None
    except OSError as exc:
        raise RegistryError(
            [Problem("registry-unreadable", f"cannot be read: {exc.strerror}", file)]
        ) from None
    check_yaml_size(text, file)
    return parse_yaml(text, file)


def build_registry(path: Path, data: Any, problems: list[Problem] | None = None) -> Registry:
    """Check parsed registry data entry by entry; raises RegistryError with every problem."""
    check = Checker(str(path), list(problems or []))
    # not_commitments is read by `reportcheck lint` (numbers of the plan that promise nothing).
    top = check.keys(
        data,
        "registry",
        {"report", "sections", "targets"},
        {"units", "not_commitments", "bands"},
        1,
    )
    if top is None:
        raise RegistryError(check.problems)
    meta = _meta(check, top.get("report"), top.key_lines.get("report"))
    seed_text = _seed_text(check, path, meta)
    sections = _sections(check, top.get("sections"), top.key_lines.get("sections"))
    units = _units(check, top.get("units"), top.key_lines.get("units"))
    context = Context(meta.year if meta else 0, sections, units, seed_text)
    targets = _targets(check, top.get("targets"), top.key_lines.get("targets"), context)
    bands = _bands(check, top.get("bands"), top.key_lines.get("bands")) if "bands" in top else None
    if check.problems or meta is None:
        raise RegistryError(check.problems)
    return Registry(path, meta, sections, tuple(targets), units, bands)


def _bands(check: Checker, node: object, line: int | None) -> tuple[Decimal, ...] | None:
    """`bands: [10, 30]`: the points behind pace up to which a light is yellow, then orange."""
    at = line or 0
    read = (
        [check.number_value(n, at, "bands", "registry") for n in node or ()]
        if isinstance(node, list)
        else []
    )
    if None in read:
        return None  # a value that is no number, already reported
    limits = tuple(to_decimal(x) for x in read if x is not None)
    if bands_problem(limits) is not None:
        check.fail(
            "registry-bands",
            "registry: bands must be one or two increasing numbers of points, e.g. [10, 30]",
            line,
            "bands",
            node,
        )
        return None
    return limits


def _meta(check: Checker, node: object, line: int | None) -> ReportMeta | None:
    report = check.keys(node, "report", _REPORT_KEYS, set(), line)
    if report is None:
        return None
    year = report.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not 1949 <= year <= 2200:
        check.fail(
            "registry-type", "report: year must be a year such as 2023", report.line, "year", year
        )
        year = 0

    def text(key: str) -> str:
        return check.text(report, key, "report")

    seed = text("seed")
    if "seed" in report and not seed.strip():
        check.fail(
            "registry-seed-missing",
            "report: seed must name the report text the quotes come from",
            report.key_lines["seed"],
            "seed",
        )
    return ReportMeta(
        city_zh=text("city_zh"),
        city_en=text("city_en"),
        year=year,
        title_zh=text("title_zh"),
        title_en=text("title_en"),
        date=text("date"),
        source=text("source"),
        seed=seed,
    )


def seed_path(registry_path: Path, meta: ReportMeta) -> Path | None:
    """The report a registry's quotes are checked against; `seed` is relative to the registry."""
    return (registry_path.parent / meta.seed).resolve() if meta.seed.strip() else None


def _seed_text(check: Checker, registry_path: Path, meta: ReportMeta | None) -> str | None:
    if meta is None or (seed := seed_path(registry_path, meta)) is None:
        return None
    try:
        return read_limited_text(seed, MAX_REPORT_BYTES, "a report's text")
    except (OSError, UnicodeDecodeError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        check.fail(
            "registry-seed-unreadable",
            f"report: seed {meta.seed!r} (the report the quotes come from) cannot be read: {why}",
            None,
            "seed",
            meta.seed,
        )
        return None


def _sections(check: Checker, node: object, line: int | None) -> dict[str, Section]:
    if not isinstance(node, Node):
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


def _units(check: Checker, node: object, line: int | None) -> MappingProxyType[str, Unit]:
    """The built-in units and those the registry declares, each with its scale to a base unit."""
    if node is None:
        return MappingProxyType(UNITS)
    if not isinstance(node, Node):
        check.fail("registry-shape", "units must be a mapping of unit to its definition", line)
        return MappingProxyType(UNITS)
    table = dict(UNITS)
    for symbol, spec in node.items():
        where = f"unit {symbol}"
        entry = check.keys(spec, where, {"family", "factor"}, {"en"}, node.key_lines[symbol])
        if entry is None:
            continue
        if str(symbol) in UNITS:
            check.fail(
                "registry-unit",
                f"{where}: is built in already; remove the declaration",
                node.key_lines[symbol],
                "units",
                symbol,
            )
            continue
        factor = check.number(entry, "factor", where)
        family = check.text(entry, "family", where)
        if factor is None or factor <= 0 or not family:
            if factor is not None and factor <= 0:
                check.fail(
                    "registry-unit",
                    f"{where}: factor must be positive",
                    entry.key_lines["factor"],
                    "factor",
                )
            continue
        exact = Decimal(factor.numerator) / Decimal(factor.denominator)
        table[str(symbol)] = Unit(str(symbol), family, exact, check.text(entry, "en", where))
    return MappingProxyType(table)


def _targets(check: Checker, node: object, line: int | None, context: Context) -> list[Target]:
    if not isinstance(node, list):
        check.fail("registry-shape", "targets must be a list of entries", line)
        return []
    targets: list[Target] = []
    seen: dict[str, Target] = {}
    for item in node:
        target = build_target(check, item, context)
        if target is None:
            continue
        if target.id in seen:
            check.fail(
                "registry-duplicate-id",
                f"target {target.id}: id already used by the entry at line {seen[target.id].line}",
                target.line,
                "id",
                target.id,
            )
            continue
        seen[target.id] = target
        targets.append(target)
    for target in targets:
        _links(check, target, seen)
    return targets


def _links(check: Checker, target: Target, seen: dict[str, Target]) -> None:
    """Relative targets and same-period baselines name an entry of this registry."""
    links = [("other", target.other)]
    if target.baseline is not None:
        links.append(("same_period", target.baseline.same_period))
    for key, linked in links:
        if linked is None:
            continue
        other = seen.get(linked)
        if other is None:
            check.fail(
                "registry-unknown-reference",
                f"target {target.id}: {key} {linked!r} is not an id in this registry",
                target.line,
                key,
                linked,
            )
        elif other.id == target.id:
            check.fail(
                "registry-unknown-reference",
                f"target {target.id}: {key} names the entry itself",
                target.line,
                key,
                linked,
            )
