"""Every evidence check of a registry, on any registry: the words and numbers agree with the report.

`lint_registry(path)` reads the YAML itself (safely, with lines), so it judges a registry the
loader would refuse as well as one it would accept, and lists every problem of the file in one run.
It knows the comparator names of both registry schemas.
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import msgspec

from reportcheck.model.limits import (
    MAX_REGISTRY_BYTES,
    MAX_REPORT_BYTES,
    LimitError,
    read_limited,
    read_limited_text,
)
from reportcheck.model.problems import Problem, Severity
from reportcheck.registry.draft.segment import Layout, layout
from reportcheck.registry.draft.textnums import Number, find_numbers, fold
from reportcheck.registry.draft.wording import UNITS_LONGEST_FIRST, built_in_units, comparator_for
from reportcheck.registry.located_yaml import Located, load_located

if TYPE_CHECKING:
    from pathlib import Path

#: Names of the earlier schema and the rule each now is.
OLD_COMPARATORS = {"about_baseline": "steady", "about_other": "in_step", "yes": "done"}
COMPARATORS = frozenset(
    {"at_least", "more_than", "at_most", "about", "range", "rank_within", "below_baseline"}
    | {"rise_by", "steady", "in_step", "faster_than", "done"}
)
NEEDS_VALUE = frozenset(
    {"at_least", "more_than", "at_most", "about", "range", "rank_within", "rise_by"}
)
NEEDS_OTHER = frozenset({"in_step", "faster_than"})
TOLERANT = frozenset({"about", "steady", "in_step"})
NEEDS_BASELINE = frozenset({"below_baseline", "rise_by", "steady"})
TARGET_KEYS = frozenset(
    {"id", "section", "quote", "name_zh", "name_en", "unit", "kind", "released", "role", "note"}
    | {"baseline", "comparator", "value", "tolerance", "other", "direction", "due", "pacing"}
    | {"milestones", "entered_as", "basis", "lead"}
)
TOP_KEYS = frozenset({"report", "sections", "targets", "units", "not_commitments", "bands"})
KINDS = frozenset({"rate", "cumulative", "stock", "yesno"})
RELEASED = frozenset({"monthly", "quarterly", "yearly"})
#: Fields of the registry schema that take one of a few words.
CHOICES = {
    "direction": frozenset({"up", "down"}),
    "pacing": frozenset({"linear", "milestones", "path", "direct", "at_due"}),
    "entered_as": frozenset({"magnitude", "change"}),
    "role": frozenset({"commitment", "reference"}),
}
_ID = re.compile(r"[a-z][a-z0-9_]*\Z")
_PERIOD = re.compile(r"(20\d\d)-(0[1-9]|1[0-2])\Z")
_WORDING_SIGNS = ("左右", "以内", "以下", "超过", "突破", "前")
#: How many years past the report's a due year may lie before it looks like a typo.
MAX_YEARS_AHEAD = 10


class LintReport(msgspec.Struct, frozen=True):
    file: str
    problems: tuple[Problem, ...]
    entries: int

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return sum(p.severity == "warning" for p in self.problems)

    def failed(self, strict: bool = False) -> bool:
        return self.errors > 0 or (strict and self.warnings > 0)


class _Unit(msgspec.Struct, frozen=True):
    family: str
    factor: Decimal


def lint_registry(path: Path) -> LintReport:
    """Every problem of the registry at `path`, each with its line."""
    linter = _Linter(str(path))
    try:
        text = read_limited_text(path, MAX_REGISTRY_BYTES, "a registry")
    except LimitError as exc:  # its sentence is the reader's own: a pipe, a device, a size
        linter.add("registry-unreadable", str(exc), None)
        return linter.report(0)
    except (OSError, UnicodeDecodeError) as exc:
        linter.add("registry-unreadable", f"cannot be read as UTF-8 text: {exc}", None)
        return linter.report(0)
    located = load_located(text)
    linter.located = located
    for code, message, line in located.problems:
        linter.add(code, message, line)
    if located.problems and located.data is None:
        return linter.report(0)
    return linter.run(path)


class _Linter:
    def __init__(self, file: str) -> None:
        self.file = file
        self.problems: list[Problem] = []
        self.located = Located(None)
        self.units = {s: _Unit(f, k) for s, (f, k) in built_in_units().items()}
        self.text = ""
        self.folded = ""
        self.parts = Layout(0, 0, ())
        self.year: int | None = None

    def add(
        self,
        code: str,
        message: str,
        line: int | None,
        value: object = None,
        severity: Severity = "error",
    ) -> None:
        shown = None if value is None else _printable(str(value))
        self.problems.append(
            Problem(code, _printable(message), self.file, line, None, shown, severity)
        )

    def warn(self, code: str, message: str, line: int | None, value: object = None) -> None:
        self.add(code, message, line, value, "warning")

    def at(self, *path: str | int) -> int | None:
        return self.located.line(*path)

    def report(self, entries: int) -> LintReport:
        ordered = sorted(self.problems, key=lambda p: (p.line or 0, p.code))
        return LintReport(self.file, tuple(ordered), entries)

    def run(self, path: Path) -> LintReport:
        data = self.located.data
        if not isinstance(data, dict):
            self.add("registry-shape", "the registry must be a mapping", 1)
            return self.report(0)
        for key in data:
            if key not in TOP_KEYS:
                self.add("unknown-key", f"unknown top-level key {key!r}", self.at(key), key)
        self._report_meta(data.get("report"), path)
        self._declared_units(data.get("units"))
        sections = data.get("sections")
        if not isinstance(sections, dict) or not sections:
            self.add(
                "sections-missing",
                "sections: declare each section the entries use",
                self.at("sections") or 1,
            )
            sections = {}
        for key, value in sections.items():
            if not isinstance(value, dict) or not isinstance(value.get("zh"), str):
                self.add(
                    "section-shape",
                    f"sections: {key!r} needs {{zh: title, en: title}}",
                    self.at("sections", key),
                    key,
                )
        targets = data.get("targets")
        if not isinstance(targets, list) or not targets:
            self.add(
                "targets-missing", "targets: a list of entries is required", self.at("targets") or 1
            )
            return self.report(0)
        entries = [t if isinstance(t, dict) else {} for t in targets]
        ids = self._ids(entries)
        for i, entry in enumerate(entries):
            if not isinstance(targets[i], dict):
                self.add("registry-shape", "each target must be a mapping", self.at("targets", i))
                continue
            self._entry(i, entry, {str(k) for k in sections}, ids)
        self._repeated(entries)
        if self.text:
            self._coverage(entries, data.get("not_commitments"))
        return self.report(len(entries))

    # ── the report text ────────────────────────────────────────────────────────────────────

    def _report_meta(self, report: object, path: Path) -> None:
        if not isinstance(report, dict):
            self.add(
                "report-missing",
                "report: a mapping naming the report text (seed) is required",
                self.at("report") or 1,
            )
            return
        year = report.get("year")
        if isinstance(year, int) and not isinstance(year, bool) and 1990 <= year <= 2100:
            self.year = year
        else:
            self.add(
                "year-invalid",
                "report: year must be the report's year, e.g. 2023",
                self.at("report", "year") or self.at("report"),
                year,
            )
        seed = report.get("seed")
        if not isinstance(seed, str) or not seed.strip():
            self.add(
                "seed-missing",
                "report: seed must name the report text the quotes come "
                "from; without it no quote can be checked",
                self.at("report", "seed") or self.at("report"),
                seed,
            )
            return
        seed_file = (path.parent / seed).resolve()
        try:
            data = read_limited(seed_file, MAX_REPORT_BYTES, "a report's text")
        except OSError as exc:
            self.add(
                "seed-unreadable",
                f"report: seed {seed!r} cannot be read: {exc.strerror or exc}",
                self.at("report", "seed"),
                seed,
            )
            return
        for encoding in ("utf-8-sig", "gb18030"):
            try:
                self.text = data.decode(encoding)
                break
            except UnicodeDecodeError:
                continue
        else:
            self.add(
                "seed-unreadable",
                f"report: seed {seed!r} is neither UTF-8 nor GB18030",
                self.at("report", "seed"),
                seed,
            )
            return
        self.folded = fold(self.text)
        self.parts = layout(self.folded)

    def _declared_units(self, units: object) -> None:
        if units is None:
            return
        if not isinstance(units, dict):
            self.add(
                "units-shape", "units: a mapping of unit -> {family, factor, en}", self.at("units")
            )
            return
        for symbol, spec in units.items():
            line = self.at("units", symbol)
            factor = spec.get("factor") if isinstance(spec, dict) else None
            family = spec.get("family") if isinstance(spec, dict) else None
            number = _decimal(factor)
            if not isinstance(family, str) or not family or number is None or number <= 0:
                self.add(
                    "unit-declaration",
                    f"units: {symbol!r} needs a family and a positive factor",
                    line,
                    symbol,
                )
                continue
            self.units[str(symbol)] = _Unit(family, number)

    # ── one entry ──────────────────────────────────────────────────────────────────────────

    def _repeated(self, entries: list[dict[str, Any]]) -> None:
        """Two entries with the same quote, rule, value and name promise one thing twice (a
        headline the report repeats); entries that share a quote for different subjects (各, 均)
        or values (分别) are fine."""
        first: dict[tuple[str, str, str, str], str] = {}
        for i, entry in enumerate(entries):
            quote = entry.get("quote")
            if not isinstance(quote, str) or not quote:
                continue
            rule = (str(entry.get("comparator")), str(entry.get("value")))
            key = (quote, *rule, str(entry.get("name_zh")))
            name = str(entry.get("id", f"entry {i + 1}"))
            if key in first:
                self.warn(
                    "entry-repeated",
                    f"{name}: the same quote, rule, value and name as {first[key]}; one "
                    "promise drafted twice?",
                    self.at("targets", i, "quote") or self.at("targets", i),
                    quote,
                )
            first.setdefault(key, name)

    def _ids(self, entries: list[dict[str, Any]]) -> set[str]:
        seen: dict[str, int] = {}
        for i, entry in enumerate(entries):
            ident = entry.get("id")
            line = self.at("targets", i, "id") or self.at("targets", i)
            if not isinstance(ident, str) or not _ID.match(ident):
                self.add(
                    "id-malformed",
                    "id must be lower-case letters, digits and _, starting with a letter",
                    line,
                    ident,
                )
                continue
            if ident in seen:
                self.add(
                    "id-duplicate",
                    f"id {ident!r} is used twice (first on line {seen[ident]})",
                    line,
                    ident,
                )
            seen.setdefault(ident, line or 0)
        return set(seen)

    def _entry(self, i: int, entry: dict[str, Any], sections: set[str], ids: set[str]) -> None:
        def at(key: str) -> int | None:
            return self.at("targets", i, key) or self.at("targets", i)

        name = entry.get("id", f"entry {i + 1}")
        for key in entry:
            if key not in TARGET_KEYS:
                self.add("unknown-key", f"{name}: unknown key {key!r}", at(key), key)
        section = entry.get("section")
        if str(section) not in sections:
            self.add(
                "section-undeclared",
                f"{name}: section {section!r} is not declared under sections",
                at("section"),
                section,
            )
        for key in ("name_zh", "name_en"):
            if not isinstance(entry.get(key), str) or not entry[key].strip():
                self.warn("name-missing", f"{name}: {key} is empty", at(key))
        for key, allowed in (("kind", KINDS), ("released", RELEASED)):
            if entry.get(key) not in allowed:
                self.add(
                    f"{key}-unknown",
                    f"{name}: {key} must be one of {', '.join(sorted(allowed))}",
                    at(key),
                    entry.get(key),
                )
        unit = entry.get("unit")
        if unit is not None and str(unit) not in self.units:
            self.add(
                "unit-unknown",
                f"{name}: unit {unit!r} is neither built in nor declared under units",
                at("unit"),
                unit,
            )
        quote = entry.get("quote")
        if not isinstance(quote, str) or not quote.strip():
            self.add("quote-missing", f"{name}: quote must be the report's own words", at("quote"))
            quote = None
        elif self.text:
            self._verbatim(quote, at("quote"), name, plan=entry.get("role") != "reference")
        comparator = entry.get("comparator")
        if comparator is None and entry.get("role") == "reference":
            return
        rule = OLD_COMPARATORS.get(str(comparator), comparator)
        if rule not in COMPARATORS:
            known = ", ".join(sorted(COMPARATORS | set(OLD_COMPARATORS)))
            self.add(
                "comparator-unknown",
                f"{name}: comparator {comparator!r} (known: {known})",
                at("comparator"),
                comparator,
            )
            return
        self._value(entry, str(rule), quote, name, at)
        self._links(entry, str(rule), ids, name, at)
        self._due(entry.get("due"), name, at("due"))
        self._baseline(entry, str(rule), name, i)

    def _verbatim(self, quote: str, line: int | None, name: str, plan: bool) -> None:
        where = self.text.find(quote)
        if where == -1:
            self.add(
                "quote-not-verbatim",
                f"{name}: quote is not in the report; {_difference(self.text, quote)}",
                line,
                quote,
            )
            return
        if (
            plan
            and where < self.parts.plan_start
            and self.text.find(quote, self.parts.plan_start) == -1
        ):
            self.warn(
                "quote-in-review",
                f"{name}: quote comes from the review of last year, not from the plan",
                line,
                quote,
            )

    def _value(
        self, entry: dict[str, Any], rule: str, quote: str | None, name: str, at: Any
    ) -> None:
        raw = entry.get("value")
        if rule not in NEEDS_VALUE:
            return
        if raw is None:
            self.add("value-missing", f"{name}: comparator {rule} needs a value", at("comparator"))
            return
        values = _values(raw, rule)
        if values is None:
            self.add(
                "value-invalid",
                f'{name}: value {raw!r} is not a number, a fraction like "2/3" or [low, high]',
                at("value"),
                raw,
            )
            return
        unit = self.units.get(str(entry.get("unit")))
        if quote is None or unit is None:
            return
        family = "points" if rule == "rise_by" else unit.family
        for value in values:
            match = self._agrees(quote, value, unit, family)
            if match is None:
                self.add(
                    "value-not-in-quote",
                    f"{name}: value {_show(value)} {entry.get('unit')}"
                    f" is not a number of its quote {quote!r}",
                    at("value"),
                    raw,
                )
            elif len(values) == 1:
                self._wording(quote, match, rule, name, at("comparator"))

    def _agrees(
        self, quote: str, value: Decimal | tuple[int, int], unit: _Unit, family: str
    ) -> Number | None:
        for number in find_numbers(quote):
            if isinstance(value, tuple):
                wanted = Fraction(*value)
                if number.fraction is not None:
                    share = Fraction(*number.fraction)
                    percent = family == "percent" and wanted == share * 100
                    if wanted == share or percent:
                        return number
                continue
            written, found_family = self._scaled(quote, number)
            if written == value * unit.factor and found_family in (family, ""):
                return number
            if number.fraction and number.value == value and family == "percent":
                return number
        return None

    def _scaled(self, quote: str, number: Number) -> tuple[Decimal, str]:
        if number.percent:
            return number.value, "percent"
        rest = fold(quote[number.end : number.end + 8])
        symbol = next(
            (u for u in sorted(self.units, key=len, reverse=True) if rest.startswith(u)), ""
        )
        if not symbol:
            return number.value, ""
        unit = self.units[symbol]
        return number.value * unit.factor, unit.family

    def _wording(self, quote: str, number: Number, rule: str, name: str, line: int | None) -> None:
        folded = fold(quote)
        unit = next((u for u in UNITS_LONGEST_FIRST if folded.startswith(u, number.end)), "")
        before, after = folded[: number.start], folded[number.end + len(unit) :]
        said = comparator_for(before, after, unit)
        signs = any(s in folded for s in _WORDING_SIGNS)
        if (
            said != rule
            and (signs or rule in ("at_most", "about", "rank_within"))
            and not (rule in ("at_least", "more_than") and said in ("at_least", "more_than"))
        ):
            # A rule that turns the report's direction round (以内 judged as 以上) is wrong, not
            # merely worded differently.
            reversed_ = {said, rule} in ({"at_most", "at_least"}, {"at_most", "more_than"})
            (self.add if reversed_ else self.warn)(
                "wording-mismatch",
                f"{name}: the quote reads as {said}, the entry says {rule}"
                + (": the direction is reversed" if reversed_ else ""),
                line,
                rule,
            )

    def _links(self, entry: dict[str, Any], rule: str, ids: set[str], name: str, at: Any) -> None:
        other = entry.get("other")
        if other is not None and other not in ids:
            self.add(
                "other-unresolved",
                f"{name}: other {other!r} is no id of this registry",
                at("other"),
                other,
            )
        elif other is None and rule in NEEDS_OTHER:
            self.warn(
                "other-missing",
                f"{name}: {rule} compares with another quantity: set `other` to its id",
                at("comparator"),
            )
        for key, allowed in CHOICES.items():
            chosen = entry.get(key)
            if chosen is not None and chosen not in allowed:
                self.add(
                    f"{key.replace('_', '-')}-unknown",
                    f"{name}: {key} must be one of {', '.join(sorted(allowed))}",
                    at(key),
                    chosen,
                )
        tolerance = entry.get("tolerance")
        if tolerance is not None and ((t := _decimal(tolerance)) is None or t < 0):
            self.add(
                "tolerance-invalid",
                f"{name}: tolerance must be a number of zero or more",
                at("tolerance"),
                tolerance,
            )
        elif tolerance is not None and rule not in TOLERANT:
            self.warn(
                "tolerance-unused",
                f"{name}: {rule} takes no tolerance (only about, steady and in_step do)",
                at("tolerance"),
                tolerance,
            )
        self._milestones(entry.get("milestones"), name, at("milestones"))

    def _milestones(self, milestones: object, name: str, line: int | None) -> None:
        if milestones is None:
            return
        if not isinstance(milestones, dict) or not milestones:
            self.add("milestones-invalid", f"{name}: milestones map months to values", line)
            return
        for period, value in milestones.items():
            match = _PERIOD.match(str(period))
            if match is None or _decimal(value) is None:
                self.add(
                    "milestones-invalid",
                    f'{name}: milestone {period!r}: {value!r} is not a month ("2023-06") and a '
                    "number",
                    line,
                    period,
                )
            elif self.year is not None and int(match.group(1)) < self.year:
                self.warn(
                    "due-implausible",
                    f"{name}: milestone {period} is before the report's year {self.year}",
                    line,
                    period,
                )

    def _due(self, due: object, name: str, line: int | None) -> None:
        if due is None:
            return
        year: int | None = None
        if isinstance(due, int) and not isinstance(due, bool):
            year = due
        elif isinstance(due, str) and (m := _PERIOD.match(due)):
            year = int(m.group(1))
        if year is None:
            self.add(
                "due-invalid",
                f'{name}: due must be a year (2027) or a month ("2023-06")',
                line,
                due,
            )
        elif self.year is not None and not self.year <= year <= self.year + MAX_YEARS_AHEAD:
            self.warn(
                "due-implausible",
                f"{name}: due {due} is not between the report's year "
                f"{self.year} and {self.year + MAX_YEARS_AHEAD}",
                line,
                due,
            )

    def _baseline(self, entry: dict[str, Any], rule: str, name: str, i: int) -> None:
        baseline = entry.get("baseline")
        line = self.at("targets", i, "baseline") or self.at("targets", i)
        if baseline is None:
            if rule in NEEDS_BASELINE:
                self.warn(
                    "baseline-missing",
                    f"{name}: {rule} is judged against a baseline: "
                    "add baseline {value, year, quote}",
                    self.at("targets", i, "comparator"),
                )
            return
        if not isinstance(baseline, dict):
            self.add("baseline-shape", f"{name}: baseline must be {{value, year, quote}}", line)
            return
        quote, value = baseline.get("quote"), _decimal(baseline.get("value"))
        year = baseline.get("year")
        if "value" not in baseline and baseline.get("same_period"):
            return  # compared with a supplied same-period figure only: nothing to quote
        if value is None:
            self.add(
                "baseline-value",
                f"{name}: baseline value must be a number",
                line,
                baseline.get("value"),
            )
        if self.year is not None and (not isinstance(year, int) or year >= self.year):
            self.warn(
                "baseline-year",
                f"{name}: baseline year {year!r} should be before {self.year}",
                line,
                year,
            )
        if not isinstance(quote, str) or not quote:
            self.add("baseline-quote", f"{name}: baseline needs the quote it comes from", line)
            return
        if self.text:
            if quote not in self.text:
                self.add(
                    "quote-not-verbatim",
                    f"{name}: baseline quote is not in the report; {_difference(self.text, quote)}",
                    line,
                    quote,
                )
            elif self.text.find(quote) >= self.parts.plan_start > 0:
                self.warn(
                    "baseline-in-plan",
                    f"{name}: baseline quote comes from the plan, not from the review of last year",
                    line,
                    quote,
                )
        unit = self.units.get(str(entry.get("unit")))
        if (
            value is not None
            and unit is not None
            and self._agrees(quote, value, unit, unit.family) is None
        ):
            self.add(
                "value-not-in-quote",
                f"{name}: baseline value {_show(value)} is not a number of its quote {quote!r}",
                line,
                value,
            )

    # ── coverage ───────────────────────────────────────────────────────────────────────────

    def _coverage(self, entries: list[dict[str, Any]], listed: object) -> None:
        start, end = self.parts.plan_start, self.parts.plan_end
        spans: list[tuple[int, int]] = []
        for quote in {e.get("quote") for e in entries}:
            if isinstance(quote, str) and quote:
                spans += [(i, i + len(quote)) for i in _occurrences(self.text, quote, start, end)]
        if listed is not None and not isinstance(listed, list):
            self.add(
                "not-commitments-shape",
                "not_commitments: a list of {span, reason}",
                self.at("not_commitments"),
            )
            listed = []
        for k, item in enumerate(listed or []):
            line = self.at("not_commitments", k)
            span = item.get("span") if isinstance(item, dict) else None
            reason = item.get("reason") if isinstance(item, dict) else None
            if not isinstance(span, str) or not isinstance(reason, str) or not reason.strip():
                self.add(
                    "not-commitment-shape",
                    "each not_commitments item needs a span of the report and a reason",
                    line,
                )
                continue
            found = _occurrences(self.text, span, start, end)
            if not found or not find_numbers(span):
                self.add(
                    "not-commitment-stale",
                    f"not_commitments: {span!r} is not a span of the plan holding a number",
                    line,
                    span,
                )
            spans += [(i, i + len(span)) for i in found]
        for number in find_numbers(self.text, start, end):
            if not any(a <= number.start and number.end <= b for a, b in spans):
                context = self.text[max(start, number.start - 10) : number.end + 6]
                self.add(
                    "number-uncovered",
                    f"{number.written!r} in {context!r} is in no quote "
                    "and not listed under not_commitments",
                    self.at("targets"),
                    number.written,
                )


def _printable(text: str) -> str:
    """Control characters (terminal escapes among them) shown as escapes, never sent raw."""
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


def _occurrences(text: str, part: str, start: int, end: int) -> list[int]:
    found, i = [], text.find(part, start, end)
    while i != -1:
        found.append(i)
        i = text.find(part, i + 1, end)
    return found


def _difference(text: str, quote: str) -> str:
    """Where a quote parts from the report: the closest span and the first differing characters,
    with their code points, since ',' and '\uff0c' or '-' and '\u2014' look alike."""
    span, differ = _closest(text, quote)
    return (
        f"closest {span!r}, first difference at character {differ + 1} "
        f"({_char(quote, differ)} where the report has {_char(span, differ)})"
    )


def _char(text: str, index: int) -> str:
    if index >= len(text):
        return "the end"
    return f"{text[index]!r} U+{ord(text[index]):04X}"


def _closest(text: str, quote: str) -> tuple[str, int]:
    """The span of `text` that agrees longest with `quote` from either end, and where they part.

    Bounded: one pass over the text per end of the quote.
    """
    best_start, best_len = 0, -1
    for i in _occurrences(text, quote[0], 0, len(text)) or [0]:
        n = _common_prefix(text, i, quote)
        if n > best_len:
            best_start, best_len = i, n
    tail = quote[-1]
    for j in _occurrences(text, tail, 0, len(text)):
        n = _common_suffix(text, j + 1, quote)
        if n > best_len:
            best_start, best_len = j + 1 - len(quote), len(quote) - n
            best_start = max(best_start, 0)
            span = text[best_start : best_start + len(quote)]
            differ = next(
                (k for k in range(len(quote) - 1, -1, -1) if k >= len(span) or span[k] != quote[k]),
                0,
            )
            return span, differ
    span = text[best_start : best_start + len(quote)]
    return span, max(best_len, 0)


def _common_prefix(text: str, i: int, quote: str) -> int:
    n = 0
    while n < len(quote) and i + n < len(text) and text[i + n] == quote[n]:
        n += 1
    return n


def _common_suffix(text: str, end: int, quote: str) -> int:
    n = 0
    while n < len(quote) and end - n - 1 >= 0 and text[end - n - 1] == quote[-n - 1]:
        n += 1
    return n


def _decimal(value: object) -> Decimal | None:
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        return None
    try:
        number = Decimal(str(value))
    except InvalidOperation:
        return None
    return number if number.is_finite() else None


def _values(raw: object, rule: str) -> list[Decimal | tuple[int, int]] | None:
    if isinstance(raw, list):
        if rule != "range" or len(raw) != 2:
            return None
        pair = [_decimal(v) for v in raw]
        return None if None in pair else [p for p in pair if p is not None]
    if isinstance(raw, str) and (m := re.fullmatch(r"(\d+)/(\d+)", raw.strip())):
        num, den = int(m.group(1)), int(m.group(2))
        return [(num, den)] if den else None
    number = _decimal(raw)
    if number is None or isinstance(raw, str):
        return None
    return [number]


def _show(value: Decimal | tuple[int, int]) -> str:
    return f"{value[0]}/{value[1]}" if isinstance(value, tuple) else str(value)
