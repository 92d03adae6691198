"""Loading and validating the targets registry (data/targets.yaml and files of its form).

One pass does it all, for every command and for `reportcheck lint` alike: the YAML is read within
its limits, every key is checked against the schema (`reportcheck.registry.schema`) where it is
read, and the evidence checks (`reportcheck.registry.evidence`) hold the quotes and numbers to
the texts they come from. Every problem of the file is collected; a registry with an error is
refused with all of them, and warnings are what `lint` adds.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

import msgspec

from reportcheck.model.encoding import EncodingProblemError
from reportcheck.model.limits import (
    MAX_REGISTRY_BYTES,
    MAX_REPORT_BYTES,
    LimitError,
    NotRegularFileError,
    read_limited,
    size_text,
)
from reportcheck.model.numbers import format_decimal, normalise_text
from reportcheck.model.problems import Problem, RegistryError, Term, problem
from reportcheck.model.units import UNITS, Unit
from reportcheck.registry import evidence
from reportcheck.registry.entry import Context, build_target
from reportcheck.registry.records import (
    Kind,
    Registry,
    ReportMeta,
    Section,
    Target,
)
from reportcheck.registry.schema import (
    BANDS_RULE,
    FIRST_YEAR,
    LAST_YEAR,
    MAX_TEXTS,
    REPORT,
    SECTION,
    TEXT_NAME,
    TOP,
    UNIT,
)
from reportcheck.registry.shipped import default_registry_path
from reportcheck.registry.texts import QuotedText, read_text, text_path
from reportcheck.registry.yamlnodes import Checker, Node, parse_yaml
from reportcheck.rules import show, to_decimal

if TYPE_CHECKING:
    from collections.abc import Mapping


class Examined(msgspec.Struct, frozen=True, kw_only=True):
    """What one pass over a registry found: the registry (None when it has an error), every
    problem (errors and warnings, in the order of the file) and how many entries it lists."""

    file: str
    registry: Registry | None
    problems: tuple[Problem, ...]
    entries: int

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")


def load_registry(path: Path | None = None) -> Registry:
    """Load and validate a registry; raises RegistryError listing every error in it."""
    examined = examine(path)
    if examined.registry is None:
        raise RegistryError(examined.errors)
    return examined.registry


def examine(path: Path | None = None) -> Examined:
    """Every problem of the registry at `path`, and the registry when it has no error."""
    path = path or default_registry_path()
    try:
        source, data, problems = read_registry_tree(path)
    except RegistryError as refused:
        return Examined(file=str(path), registry=None, problems=refused.problems, entries=0)
    return _build(path, source, data, problems)


def examine_source(path: Path, source: str, texts: Mapping[str, QuotedText | None]) -> Examined:
    """As `examine`, for a registry held in memory and the texts its quotes come from, already
    read (a draft, checked before it is written)."""
    try:
        data, problems = parse_yaml(source, str(path))
    except RegistryError as refused:
        return Examined(file=str(path), registry=None, problems=refused.problems, entries=0)
    return _build(path, source, data, problems, dict(texts))


def read_registry_tree(path: Path) -> tuple[str, Any, list[Problem]]:
    """The registry's text and its YAML as data with lines, within the size and nesting limits,
    aliases refused (raises RegistryError)."""
    file = str(path)
    try:
        source = read_limited(path, MAX_REGISTRY_BYTES, "a registry").decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise RegistryError(
            [_unreadable_file("registry-unreadable", exc, file, MAX_REGISTRY_BYTES)]
        ) from None
    data, problems = parse_yaml(source, file)
    return source, data, problems


def _unreadable_file(
    code: str,
    exc: OSError | UnicodeDecodeError | EncodingProblemError,
    file: str,
    limit: int,
    *,
    line: int | None = None,
    column: str | None = None,
    **params: Any,
) -> Problem:
    """A file that cannot be read, said by why: missing, a folder, a pipe, too large, not text;
    any other reason is the system's own words, as the problem's value."""
    variant, why = "missing", None
    if isinstance(exc, UnicodeDecodeError):
        variant, params = "encoding", {**params, "byte": exc.start}
    elif isinstance(exc, EncodingProblemError):
        variant = "encoding"
    elif isinstance(exc, NotRegularFileError):
        variant = "not-regular"
    elif isinstance(exc, LimitError):
        variant, params = "too-large", {**params, "limit": size_text(limit)}
    elif isinstance(exc, IsADirectoryError):
        variant = "folder"
    elif not isinstance(exc, FileNotFoundError):
        variant, why = "", exc.strerror or str(exc)
    return problem(code, variant, file=file, line=line, column=column, value=why, params=params)


def _build(
    path: Path,
    source: str,
    data: Any,
    problems: list[Problem],
    given: dict[str, QuotedText | None] | None = None,
) -> Examined:
    check = Checker(str(path), list(problems))
    top = check.keys(data, Term("registry"), TOP, 1)
    if top is None:
        return _examined(check, None, 0)
    meta = _meta(check, top.get("report"), top.key_lines.get("report"))
    sections = _sections(check, top.get("sections"), top.key_lines.get("sections"))
    units, declared = _units(check, top.get("units"), top.key_lines.get("units"))
    texts = given if given is not None else _texts(check, path, meta, top.get("report"))
    found = evidence.Evidence(texts=texts, units=units) if texts is not None else None
    context = Context(
        year=meta.year if meta else 0,
        sections=sections,
        units=units,
        evidence=found,
        declared=declared,
    )
    items = top.get("targets")
    targets = (
        _targets(check, items, top.key_lines.get("targets"), context) if "targets" in top else []
    )  # a registry without the key is told so once, where the schema finds it missing
    bands = _bands(check, top.get("bands"), top.key_lines.get("bands")) if "bands" in top else None
    entries = [item for item in items if isinstance(item, Node)] if isinstance(items, list) else []
    if found is not None:
        # Without a list of entries nothing covers the texts' numbers: that is one problem,
        # already said, not one for every number of the plan.
        evidence.check_coverage(
            check,
            found,
            top.get("not_commitments"),
            top.key_lines.get("not_commitments"),
            numbers=isinstance(items, list),
        )
    evidence.check_repeated(check, entries)
    evidence.check_review_marks(check, source, entries)
    registry = None
    if (
        meta is not None
        and sections is not None
        and not any(p.severity == "error" for p in check.problems)
    ):
        registry = Registry(
            path=path,
            meta=meta,
            sections=sections,
            targets=tuple(targets),
            units=units,
            bands=bands,
        )
    return _examined(check, registry, len(items) if isinstance(items, list) else 0)


def _examined(check: Checker, registry: Registry | None, entries: int) -> Examined:
    """The problems in the order of the file: the registry's own by line, then the texts'."""
    ordered = sorted(
        check.problems, key=lambda p: (p.file != check.file, p.file or "", p.line or 0)
    )
    return Examined(file=check.file, registry=registry, problems=tuple(ordered), entries=entries)


def _bands(check: Checker, node: object, line: int | None) -> tuple[Decimal, ...] | None:
    """`bands: [10, 30]`: the points behind pace up to which a light is yellow, then orange,
    held to the rule `report --bands` applies, and kept as written (10, not 1E+1)."""
    where = Term("registry")
    items = node if isinstance(node, list) else []
    read = [check.number_value(n, line or 0, "bands", where) for n in items]
    if None in read:
        return None  # a value that is no number, already reported
    limits = tuple(to_decimal(x) for x in read if x is not None)
    # written as decimals, as --bands takes them: not "1/3", which no decimal holds exactly
    exact = not any(isinstance(n, str) for n in items) and all(
        Fraction(limit) == x for limit, x in zip(limits, read, strict=True)
    )
    if not isinstance(node, list) or not exact or BANDS_RULE(limits) is not None:
        written = ", ".join(str(n) for n in items) if isinstance(node, list) else str(node)
        check.problem(
            "registry-bands",
            line=line,
            key="bands",
            value=f"[{written}]" if isinstance(node, list) else written,
        )
        return None
    return tuple(Decimal(format_decimal(limit)) for limit in limits)


def _meta(check: Checker, node: object, line: int | None) -> ReportMeta | None:
    where = Term("report")
    report = check.keys(node, where, REPORT, line)
    if report is None:
        return None
    year = report.get("year")
    if not isinstance(year, int) or isinstance(year, bool) or not FIRST_YEAR <= year <= LAST_YEAR:
        if "year" in report:
            check.problem(
                "registry-type",
                variant="report-year",
                line=report.key_lines["year"],
                key="year",
                value=year,
                where=where,
            )
        year = 0

    def text(key: str) -> str:
        return check.text(report, key, where)

    seed = text("seed")
    if "seed" in report and not seed.strip():
        check.problem("registry-seed-missing", line=report.key_lines["seed"], key="seed")
    return ReportMeta(
        city_zh=text("city_zh"),
        city_en=text("city_en"),
        year=year,
        title_zh=text("title_zh"),
        title_en=text("title_en"),
        date=text("date"),
        source=text("source"),
        seed=seed,
        texts=_text_names(check, report, where),
    )


def _text_names(check: Checker, report: Node, where: Term) -> dict[str, str]:
    """`texts: {full: ../seeds/huzhou-2023.md}`: further texts entries may quote, by name."""
    if not check.present(report, "texts", where):
        return {}
    node = report["texts"]
    line = report.key_lines["texts"]
    if not isinstance(node, Node) or not node:
        check.problem("registry-shape", variant="texts", line=line, key="texts", where=where)
        return {}
    if len(node) > MAX_TEXTS:
        check.problem(
            "registry-shape", variant="too-many-texts", line=line, key="texts", limit=MAX_TEXTS
        )
        return {}
    names: dict[str, str] = {}
    for name, relative in node.items():
        key_line = node.key_lines[name]
        if not isinstance(name, str) or not TEXT_NAME.fullmatch(name):
            check.problem("registry-bad-text-name", line=key_line, key="texts", value=name)
            continue
        written = check.text_value(relative, key_line, name, where)
        if written.strip():
            names[name] = written
        elif isinstance(relative, str):
            check.problem("registry-empty", line=key_line, key=name, where=where)
    return names


def seed_path(registry_path: Path, meta: ReportMeta) -> Path | None:
    """The report a registry's quotes are checked against; `seed` is relative to the registry."""
    return (registry_path.parent / meta.seed).resolve() if meta.seed.strip() else None


def quoted_paths(registry_path: Path, meta: ReportMeta) -> dict[str, Path]:
    """Every text a registry's quotes are checked against, by name ("" for the seed): a cached
    registry is still right only while each of them is unchanged."""
    paths = {name: (registry_path.parent / p).resolve() for name, p in meta.texts.items()}
    seed = seed_path(registry_path, meta)
    return {"": seed, **paths} if seed is not None else paths


def _texts(
    check: Checker, path: Path, meta: ReportMeta | None, report: object
) -> dict[str, QuotedText | None] | None:
    """The texts the quotes come from, each read once; None when the seed cannot be read (then
    no quote can be checked, and that is the registry's problem already reported)."""
    if meta is None or not meta.seed.strip():
        return None
    lines = report.key_lines if isinstance(report, Node) else {}
    texts: dict[str, QuotedText | None] = {}
    for name, relative in [("", meta.seed), *meta.texts.items()]:
        try:
            texts[name] = read_text(name, text_path(path, relative))
        except (OSError, EncodingProblemError) as exc:
            check.problems.append(
                _unreadable_file(
                    "registry-text-unreadable" if name else "registry-seed-unreadable",
                    exc,
                    check.file,
                    MAX_REPORT_BYTES,
                    line=lines.get("texts" if name else "seed"),
                    column=name or "seed",
                    path=relative,
                )
            )
            if not name:
                return None
            texts[name] = None  # named, and said to be unreadable: its quotes are not checked
    named = report.get("texts") if isinstance(report, Node) else None
    for name in named if isinstance(named, Node) else ():
        if isinstance(name, str):
            texts.setdefault(name, None)  # a name said to be wrong is no unknown text again
    return texts


def _sections(check: Checker, node: object, line: int | None) -> dict[str, Section] | None:
    """The sections by key; None when they are missing or not a mapping (said once). A section
    whose titles are wrong is still a section its entries may name."""
    if not isinstance(node, Node):
        if node is not None:
            check.problem("registry-shape", variant="sections", line=line, key="sections")
        return None
    sections: dict[str, Section] = {}
    for key, titles in node.items():
        where = Term("section", str(key))
        entry = check.keys(titles, where, SECTION, node.key_lines[key])
        zh = check.text(entry, "zh", where) if entry is not None else ""
        en = check.text(entry, "en", where) if entry is not None else ""
        sections[str(key)] = Section(str(key), zh, en)
    return sections


def _units(
    check: Checker, node: object, line: int | None
) -> tuple[Mapping[str, Unit], frozenset[str]]:
    """The built-in units and those the registry declares, each with its exact scale to the base
    unit of its family, and every symbol declared (a wrong declaration too); a declared symbol is
    folded as a figure's unit cell is."""
    if node is None:
        return MappingProxyType(UNITS), frozenset()
    if not isinstance(node, Node):
        check.problem("registry-shape", variant="units", line=line, key="units")
        return MappingProxyType(UNITS), frozenset()
    table = dict(UNITS)
    declared: dict[str, int] = {}
    for written, spec in node.items():
        key_line = node.key_lines[written]
        symbol = normalise_text(str(written))
        where = Term("unit", symbol)
        if symbol in UNITS:
            check.problem(
                "registry-unit", variant="built-in", line=key_line, key="units", value=symbol
            )
            continue
        if symbol in declared or not symbol:
            check.problem(
                "registry-unit",
                variant="twice" if symbol else "empty",
                line=key_line,
                key="units",
                value=written,
                first=declared.get(symbol, key_line),
            )
            continue
        declared[symbol] = key_line
        entry = check.keys(spec, where, UNIT, key_line)
        if entry is None:
            continue
        factor = check.number(entry, "factor", where)
        family = check.text(entry, "family", where)
        if factor is not None and factor <= 0:
            check.problem(
                "registry-unit",
                variant="factor",
                line=entry.key_lines["factor"],
                key="factor",
                value=show(factor),
                where=where,
            )
            continue
        if factor is None or not family:
            continue
        english = check.text(entry, "en", where) or symbol
        table[symbol] = Unit(symbol=symbol, family=family, factor=factor, en=english)
    return MappingProxyType(table), frozenset(declared)


def _targets(check: Checker, node: object, line: int | None, context: Context) -> list[Target]:
    if not isinstance(node, list):
        check.problem("registry-shape", variant="targets", line=line, key="targets")
        return []
    targets: list[Target] = []
    seen: dict[str, Target] = {}
    for item in node:
        target = build_target(check, item, context)
        if target is None:
            continue
        if target.id in seen:
            check.problem(
                "registry-duplicate-id",
                line=target.line,
                key="id",
                value=target.id,
                first=seen[target.id].line,
            )
            continue
        seen[target.id] = target
        targets.append(target)
    # An id whose entry is wrong is still an id: an entry naming it gets no false "not an id".
    named = {i for item in node if isinstance(item, Node) and isinstance(i := item.get("id"), str)}
    for target in targets:
        _links(check, target, seen, named, context.units)
    return targets


def _links(
    check: Checker,
    target: Target,
    seen: dict[str, Target],
    named: set[str],
    units: Mapping[str, Unit],
) -> None:
    """Relative targets and same-period baselines name another entry of this registry, of the
    same kind (for `other`) and in a unit that converts; a yes/no entry is never compared with."""
    links = [("other", target.other)]
    if target.baseline is not None:
        links.append(("same_period", target.baseline.same_period))
    where = Term("target", target.id)
    for key, linked in links:
        if linked is None:
            continue
        other = seen.get(linked)
        if other is None:
            if linked not in named:
                check.problem(
                    "registry-unknown-reference",
                    line=target.line,
                    key=key,
                    value=linked,
                    where=where,
                )
            continue
        if other.id == target.id:
            check.problem(
                "registry-unknown-reference",
                variant="itself",
                line=target.line,
                key=key,
                value=linked,
                where=where,
            )
            continue
        yes_no = other.kind is Kind.YESNO
        kind = key == "other" and other.kind is not target.kind
        if yes_no or kind or units[other.unit].family != units[target.unit].family:
            check.problem(
                "registry-reference-mismatch",
                variant="yes-no" if yes_no else "kind" if kind else "unit",
                line=target.line,
                key=key,
                value=linked,
                where=where,
                kind=target.kind.value,
                other_kind=other.kind.value,
                unit=target.unit,
                other_unit=other.unit,
            )
