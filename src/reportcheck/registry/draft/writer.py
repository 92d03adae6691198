"""Turn drafted commitments into registry YAML, with `# check:` comments on every guess.

What is written is what the registry's schema accepts: before a draft is returned it is loaded,
evidence checks and all, by the same loader every command uses. An entry the loader would refuse
is left out and its numbers listed under `not_commitments` with a `# check:` line, and so is
every number of the plan that no entry quotes; a draft loads, passes `lint` without errors, and
fails `lint --strict` until a person has reviewed every guess.
"""

from __future__ import annotations

import bisect
import itertools
import json
import re
from array import array
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.controls import ACTING, SEPARATORS
from reportcheck.model.periods import parse_period
from reportcheck.model.problems import UsageError, problem
from reportcheck.model.units import UNITS, Unit
from reportcheck.registry.draft.extract import (
    DELIVERABLE_CHECK,
    Drafted,
    DraftTooLargeError,
    Extraction,
    clauses,
    extract,
)
from reportcheck.registry.prose.segment import infer_year, layout
from reportcheck.registry.prose.textnums import Number, find_numbers, fold
from reportcheck.registry.prose.wording import (
    RISE_UNSAID,
    kind_for,
    released_for,
    subject_id,
    unit_scale,
)
from reportcheck.registry.schema import MAX_YEARS_AHEAD, NAME_BRACKETS, YES_NO_UNIT
from reportcheck.registry.yamlnodes import RICH_TAG
from reportcheck.rules import RULES

if TYPE_CHECKING:
    from reportcheck.registry.prose.segment import Layout
    from reportcheck.registry.texts import QuotedText

_CITY = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:自治州|自治县|省|市|县|区|州|盟|旗))")
_GOVERNMENT = re.compile(r"([\u4e00-\u9fff]{2,8}?(?:省|市|县|区))人民政府")
#: What a relative commitment compares with: 高于各项贷款增速 -> 各项贷款增速.
_COMPARED = re.compile(r"(?:高于|快于|超过|与)([^,\uff0c。;\uff1b]{2,16}?(?:增速|增幅|增长))")
_DEFAULT_SECTION = "计划"
#: The tolerance a wording that states none is read with, by comparator, until a person sets it.
_TOLERANCE = {"in_step": Decimal(1), "steady": Decimal("0.2")}
#: Rounds of checking a draft and leaving out what the loader refuses; each round leaves out at
#: least one entry, and a dropped entry can only make an entry that names it fail in turn.
_ROUNDS = 6
#: Where the draft stands while it is checked (for the problems' file names only).
_DRAFT = Path("draft.yaml")
_YEAR = re.compile(r"(20\d\d)年")
#: The characters a registry's text refuses (registry.yamlnodes), and the separators YAML reads
#: as line breaks inside a quoted scalar.
_CONTROL = re.compile(f"[{ACTING}\r{SEPARATORS}]")
#: A front matter (---, key: value lines, ---) before the text, as a web page's copy keeps it.
_FRONT_MATTER = re.compile(r"\A\ufeff?---[ \t]*\n(?:.*\n){0,40}?---[ \t]*(?:\n|\Z)")
_FRONT_TITLE = re.compile(r"^title:[ \t]*(.+)$", re.MULTILINE)
#: A line, as str.splitlines cuts them.
_LINE = re.compile("[^\n\r\x0b\x0c\x1c-\x1e\x85\u2028\u2029]+")
#: Where the words of a rule begin in a subject drafted with them (收入倍差进一步缩小).
_RULE_WORDS = re.compile(
    r"进一步|持续|逐步|继续|基本|保持|稳中|不低于|与|快于|高于|提高|提升|缩小|有所"
)
_GROWTH = re.compile(r"增长|增速|增幅")
_GROWTH_END = re.compile(r"(?:增长|增速|增幅)$")
#: Rules a wording states without a figure, whose entry is named by the quantity before it.
_WORDED = frozenset({"steady", "below_baseline", "in_step", "faster_than"})
#: The fewest words of a subject that name it in the review (收入倍差).
_MIN_SUBJECT = 4
_SHARE = re.compile(r"占|比重|比例|份额")
_RANKING = re.compile(r"排名|位次|排位")
#: What a name cut out of its sentence ends in, to be left off (the list's marks and joins).
_NAME_CUT_END = re.compile(r"(?:[、，,；;：:]|和|与|并|(?<![惠涉普以波危顾触])及)+$")
#: Characters of the review part a baseline search may look through, over all entries: a real
#: review is searched a few million times over; a text made to be searched without end stops
#: here, its later entries left for the reader to give a baseline.
BASELINE_SEARCH = 10**9


class DraftResult(msgspec.Struct, frozen=True, kw_only=True):
    yaml: str
    year: int
    commitments: int
    not_commitments: int
    checks: int


def draft_registry(text: str, *, seed: str, year: int | None = None, name: str = "") -> DraftResult:
    """The YAML of a first registry for `text`; `seed` is the report's path from the registry.

    Control characters and Rich's markup tags (what a registry's text refuses) are read as line
    ends, so that no quote, name or span can hold one and every quote is still verbatim in the
    report.
    """
    text = RICH_TAG.sub(lambda tag: "\n" * len(tag.group()), _CONTROL.sub("\n", text))
    folded = fold(text)
    parts = layout(folded)
    year = year or infer_year(folded, parts) or _any_year(folded)
    if year is None:
        raise UsageError([problem("draft-no-year", file=name or None)])
    try:
        found = extract(folded, parts, year)
    except DraftTooLargeError as exc:
        refused = problem(
            "draft-too-large",
            "numbers" if exc.what == "numbers" else "commitments",
            file=name,
            limit=exc.limit,
        )
        raise UsageError([refused]) from None
    writer = _Writer(text, folded, parts, year)
    return writer.write(found, seed, name)


def _pieces(subject: str) -> Iterator[str]:
    """The runs of a subject's words, longest first."""
    for size in range(len(subject), _MIN_SUBJECT - 1, -1):
        for begin in range(len(subject) - size + 1):
            yield subject[begin : begin + size]


def _written_unit(folded: str, number: Number) -> Unit | None:
    """The unit written right after a number (% for a share), or None."""
    if number.percent:
        return UNITS["%"]
    rest = folded[number.end : number.end + 8]
    symbol = max((u for u in UNITS if rest.startswith(u)), key=len, default="")
    return UNITS[symbol] if symbol else None


def _any_year(text: str) -> int | None:
    """The year the text names most (20xx年), counted without keeping each mention."""
    years = Counter(match.group(1) for match in _YEAR.finditer(text))
    return int(years.most_common(1)[0][0]) if years else None


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON's escaping is valid YAML): nothing is read as markup."""
    return json.dumps(text, ensure_ascii=False)


def _number(value: Decimal) -> str:
    return format(value.normalize(), "f") if value == value.to_integral() else str(value)


class _Entry(msgspec.Struct, frozen=True):
    """One drafted entry's lines, and the quotes that cover numbers of the text."""

    lines: list[str]
    quote: str
    covering: tuple[str, ...]


class _Writer:
    def __init__(self, text: str, folded: str, parts: Layout, year: int) -> None:
        self.text, self.folded, self.parts, self.year = text, folded, parts, year
        self.ids: set[str] = set()
        #: The next number to try after an id's base (ids only grow, so no smaller one is free).
        self.next_number: dict[str, int] = {}
        self.review = _Review(folded, parts.plan_start)
        self.lines: list[str] = []
        self.baseline_quote = ""
        #: Quantities compared with: id -> (quote, name_zh, name_en, unit).
        self.references: dict[str, tuple[str, str, str, str]] = {}

    def check(self, indent: str, message: str) -> None:
        self.lines.append(f"{indent}# check: {message}")

    def write(self, found: Extraction, seed: str, name: str) -> DraftResult:
        head = self.lines
        shown = "".join(c if c.isprintable() else "?" for c in name) or "a report"
        head.append(f"# A first registry drafted by `reportcheck draft` from {shown}.")
        head.append(
            "# Review every `# check:` line, fill in the names, then run `reportcheck lint`."
        )
        if self.parts.review_only:
            self.check(
                "",
                "no plan part was found and the text looks back on a past year (回顾, 预计实现): "
                "its figures may be results, not commitments; draft from the plan's own text",
            )
        head.append("")
        self._report(seed)
        sections = self._sections(found.drafted)
        units = sorted({d.unit for d in found.drafted if d.unit and d.unit not in UNITS})
        if units:
            head.append("units:")
            for unit in units:
                family, factor = unit_scale(unit)
                self.check("  ", f"{unit} is not built in: its family and size are guessed")
                head.append(f"  {_q(unit)}: {{family: {family}, factor: {factor}, en: {_q(unit)}}}")
            head.append("")
        entries: list[_Entry] = []
        for drafted in found.drafted:
            for _ in range(drafted.copies):
                self.lines, self.baseline_quote = [], ""
                self._entry(drafted, sections)
                quote = self.text[drafted.start : drafted.end]
                covering = tuple(q for q in (quote, self.baseline_quote) if q)
                entries.append(_Entry(self.lines, quote, covering))
        for ident, reference in self.references.items():
            if ident not in self.ids:
                self.lines = []
                self._reference(ident, reference, next(iter(sections.values()), _DEFAULT_SECTION))
                entries.append(_Entry(self.lines, reference[0], ()))
        spans = {span: (reason, "") for span, reason in self._not_commitments(found).items()}
        return self._settle(head, entries, spans)

    def _settle(
        self, head: list[str], entries: list[_Entry], spans: dict[str, tuple[str, str]]
    ) -> DraftResult:
        """Load the draft as every command would and leave out what the loader refuses, until
        it loads: a draft is a start to review, never a registry that cannot be used."""
        from reportcheck.registry.load import examine_source
        from reportcheck.registry.texts import QuotedText

        report = QuotedText(
            name="", path=_DRAFT, text=self.text, folded=self.folded, parts=self.parts
        )
        kept = list(entries)
        for _ in range(_ROUNDS):
            self._cover(report, kept, spans)
            source, ranges = self._render(head, kept, spans)
            refused = {
                p.line
                for p in examine_source(_DRAFT, source, {"": report}).errors
                if p.file == str(_DRAFT) and p.line is not None
            }
            dropped = [
                e
                for e, (a, b) in zip(kept, ranges, strict=True)
                if any(a <= n <= b for n in refused)
            ]
            if not refused or not dropped:
                break
            for entry in dropped:
                kept.remove(entry)
                if find_numbers(entry.quote):
                    spans.setdefault(
                        entry.quote,
                        (
                            "drafted as a commitment the registry's schema refuses",
                            "left out: the loader refuses the entry drafted from this quote; "
                            "enter it by hand if it is a commitment",
                        ),
                    )
        commitments = sum(1 for e in kept if "    role: reference" not in e.lines)
        return DraftResult(
            yaml=source,
            year=self.year,
            commitments=commitments,
            not_commitments=len(spans),
            checks=sum(1 for line in source.splitlines() if line.lstrip().startswith("# check:")),
        )

    def _cover(
        self, report: QuotedText, kept: list[_Entry], spans: dict[str, tuple[str, str]]
    ) -> None:
        """Every number of the plan that no kept entry quotes is listed, to be looked at."""
        from reportcheck.registry.evidence import uncovered

        strings = {fold(q) for e in kept for q in e.covering} | {fold(s) for s in spans}
        for number, passage in uncovered(report, strings):
            line_start = self.text.rfind("\n", 0, number.start) + 1
            line_end = self.text.find("\n", number.end)
            line_end = len(self.text) if line_end == -1 else line_end
            span = self.text[max(line_start, number.start - 6) : min(line_end, number.end + 4)]
            reason = (
                "in a passage before the plan part that reads like a list of targets"
                if passage
                else "a number the drafter did not read as a commitment"
            )
            spans.setdefault(span, (reason, f"{reason}: is it a commitment?"))

    def _render(
        self, head: list[str], kept: list[_Entry], spans: dict[str, tuple[str, str]]
    ) -> tuple[str, list[tuple[int, int]]]:
        """The draft's YAML, and the lines (1-based, inclusive) each entry stands on."""
        lines = list(head)
        lines.append("targets:" if kept else "targets: []")
        ranges = []
        for entry in kept:
            ranges.append((len(lines) + 1, len(lines) + len(entry.lines)))
            lines += entry.lines
        lines.append("")
        if spans:
            lines.append("not_commitments:")
            for span, (reason, check) in spans.items():
                if check:
                    lines.append(f"  # check: {check}")
                lines.append(f"  - {{span: {_q(span)}, reason: {_q(reason)}}}")
        return "\n".join(lines) + "\n", ranges

    def _report(self, seed: str) -> None:
        front = _FRONT_MATTER.match(self.text)
        title = _FRONT_TITLE.search(front.group()) if front else None
        first_line = (
            title.group(1).strip().strip("\"'")
            if title
            else next((line for m in _LINE.finditer(self.text) if (line := m.group().strip())), "")
        )
        city = _GOVERNMENT.search(self.text) or _CITY.search(self.text[: self.parts.plan_end])
        self.lines.append("report:")
        self.check("  ", "the place and the title are guessed from the text; fill in the English")
        self.lines += [
            f"  city_zh: {_q(city.group(1) if city else '')}",
            '  city_en: ""',
            f"  year: {self.year}",
            f"  title_zh: {_q(first_line[:60])}",
            '  title_en: ""',
            '  date: ""',
            '  source: ""',
            f"  seed: {_q(seed)}",
            "",
        ]

    def _sections(self, drafted: list[Drafted]) -> dict[int, str]:
        by_start: dict[int, str] = {}
        titles: dict[str, str] = {}
        for item in drafted:
            heading = self.parts.section_at(item.start)
            key = heading.key if heading else _DEFAULT_SECTION
            titles.setdefault(key, heading.title if heading else "工作安排与目标")
            by_start[item.start] = key
        if not titles:
            titles[_DEFAULT_SECTION] = "工作安排与目标"
        self.lines.append("sections:")
        for key, title in titles.items():
            self.lines.append(f'  {_q(key)}: {{zh: {_q(title)}, en: ""}}')
        self.lines.append("")
        return by_start

    def _id(self, drafted: Drafted) -> tuple[str, str]:
        # a deliverable names a project, not a statistic: 出台支持出口政策 is no `exports`
        known = None if DELIVERABLE_CHECK in drafted.checks else subject_id(drafted.subject)
        if known is None:
            base, english = f"item_{len(self.ids) + 1:02d}", ""
        else:
            base, english = known
            if (
                drafted.unit == "%"
                and "增长" in drafted.subject + self.folded[drafted.start : drafted.end]
                and drafted.comparator not in ("done",)
            ):
                base, english = f"{base}_growth", f"{english} growth"
        ident, n = base, self.next_number.get(base, 2)
        if ident in self.ids:
            # a second entry of a known subject (粮食产量 after 粮食播种面积): its English name
            # would be the first one's, so it is left for the reader to write
            english = ""
            ident = f"{base}_{n}"
            while ident in self.ids:
                n += 1
                ident = f"{base}_{n}"
            self.next_number[base] = n + 1
        self.ids.add(ident)
        return ident, english

    def _entry(self, drafted: Drafted, sections: dict[int, str]) -> None:
        """One entry, with the keys its rule type takes and needs, and nothing else."""
        quote = self.text[drafted.start : drafted.end]
        rule = RULES.get(drafted.comparator)
        takes = set() if rule is None else rule.required_keys | rule.optional_keys
        ident, english = self._id(drafted)
        lines = self.lines
        lines.append("")
        for message in drafted.checks:
            self.check("  ", message)
        if not english:
            self.check("  ", "id and English name to write")
            english = ident.replace("_", " ")
        name_zh = whole_name(self._name_zh(drafted) or quote[:40])
        lines.append(f"  - id: {ident}")
        lines.append(f"    section: {_q(sections[drafted.start])}")
        lines.append(f"    quote: {_q(quote)}")
        lines.append(f"    name_zh: {_q(name_zh)}")
        lines.append(f"    name_en: {_q(english)}")
        unit = drafted.unit or (YES_NO_UNIT if rule is not None and rule.yes_no else "%")
        if drafted.comparator == "below_baseline" and "倍" in drafted.subject:
            unit = "倍"
        elif drafted.comparator == "below_baseline" and _RANKING.search(drafted.subject):
            unit = "位"  # 排名实现进位: a place in a ranking, lower is better
        if rule is not None and rule.value_in_points:
            unit = "%"  # the share's unit; the value is in percentage points
        lines.append(f"    unit: {_q(unit)}")
        lines.append(f"    comparator: {drafted.comparator}")
        value = drafted.value
        if "value" in takes:
            if isinstance(value, Decimal):
                lines.append(f"    value: {_number(value)}")
            elif isinstance(value, tuple) and isinstance(value[0], int):
                # 三分之二 of a share in % is 200/3 %, exactly.
                share = Fraction(value[0], value[1]) * (100 if unit == "%" else 1)
                lines.append(f'    value: "{share.numerator}/{share.denominator}"')
            elif isinstance(value, tuple):
                lines.append(f"    value: [{_number(value[0])}, {_number(value[1])}]")
        if "tolerance" in takes and RISE_UNSAID.search(self.folded, drafted.start, drafted.end):
            self.check(
                "    ",
                "有所提升 promises a rise without a figure: judged as not below last year's level "
                "(steady, tolerance 0), so a level equal to it is met; confirm it is a commitment "
                "of this year, or delete the entry",
            )
            lines.append("    tolerance: 0")
        elif "tolerance" in takes:
            self._tolerance(drafted.comparator, value, unit)
        if "other" in takes:
            self._other(quote, ident, unit)
        if drafted.direction and "direction" in takes:
            lines.append(f"    direction: {drafted.direction}")
        if drafted.entered_as:
            lines.append(f"    entered_as: {drafted.entered_as}")
        self._due(drafted)
        if rule is not None and rule.needs_baseline and not self._baseline(drafted, unit):
            prior = f"{ident}_prior"
            self.check("    ", "no figure of last year found: supply it as a reference")
            lines.append(f"    baseline: {{year: {self.year - 1}, same_period: {prior}}}")
            name = f"上年同期{name_zh}"
            self.references.setdefault(prior, (quote, name, prior.replace("_", " "), unit))
        kind = kind_for(unit, drafted.comparator, quote)
        lines.append(f"    kind: {kind}")
        lines.append(f"    released: {released_for(drafted.subject, kind)}")

    def _tolerance(self, comparator: str, value: object, unit: str) -> None:
        if comparator == "about" and isinstance(value, Decimal):
            tolerance = Decimal("0.5") if unit == "%" else (value / 20).normalize()
            self.check("    ", "左右 read as within this tolerance; the report states none")
        else:
            tolerance = _TOLERANCE.get(comparator, Decimal(0))
            self.check(
                "    ", "基本同步 / 基本稳定 read as within this tolerance; the report states none"
            )
        self.lines.append(f"    tolerance: {_number(tolerance)}")

    def _due(self, drafted: Drafted) -> None:
        """A due date the wording names, when it is one the schema accepts (this year to
        MAX_YEARS_AHEAD on); 2005年前建成的 names a year, not a due date."""
        if not drafted.due or drafted.due == self.year:
            return
        try:
            due = parse_period(str(drafted.due))
        except ValueError:
            return
        if not self.year <= due.year <= self.year + MAX_YEARS_AHEAD:
            self.check(
                "    ",
                f"the wording names {drafted.due}, which is no due date of this plan: due at "
                "the year's end",
            )
            return
        self.check("    ", "due read from the wording")
        written = drafted.due if isinstance(drafted.due, int) else _q(drafted.due)
        self.lines.append(f"    due: {written}")

    def _other(self, quote: str, ident: str, unit: str) -> None:
        """The quantity a relative commitment compares with: GDP growth for 经济增长, else the
        words after 高于 / 快于 / 与, as a reference entry the reader supplies figures for."""
        if "经济增长" in fold(quote):
            self.check("    ", "compared with the GDP growth entry")
            self.lines.append("    other: gdp_growth")
            self.references.setdefault(
                "gdp_growth", ("经济增长", "地区生产总值增速", "GDP growth", "%")
            )
            return
        match = _COMPARED.search(quote)
        other = f"{ident}_compared"
        words = match.group(1) if match else quote
        if match is None:
            self.check("    ", "set `other` to the id of the quantity it compares with")
        else:
            self.check("    ", "compared with a reference entry drafted from the wording")
        self.lines.append(f"    other: {other}")
        self.references.setdefault(other, (words, words, other.replace("_", " "), unit))

    def _reference(self, ident: str, reference: tuple[str, str, str, str], section: str) -> None:
        """A quantity relative commitments compare with, as a reference entry."""
        quote, name_zh, name_en, unit = reference
        self.lines.append("")
        self.check("  ", "the quantity compared with; supply its figures beside the others")
        self.lines += [
            f"  - id: {ident}",
            f"    section: {_q(section)}",
            "    role: reference",
            f"    quote: {_q(quote)}",
            f"    name_zh: {_q(name_zh)}",
            f"    name_en: {_q(name_en)}",
            f"    unit: {_q(unit)}",
            "    kind: rate",
            "    released: quarterly" if ident == "gdp_growth" else "    released: monthly",
        ]

    def _baseline(self, drafted: Drafted, unit: str) -> bool:
        """Last year's figure of the same quantity, from the review part: the review names it
        with the longest run of the subject's words it holds, says a growth where the entry does
        and a level or share where it does (a growth rate of 6.2% is no base of a share), and
        writes the figure in a unit of the entry's family."""
        from reportcheck.registry.evidence import agrees

        subject = _RULE_WORDS.split(drafted.subject.strip("“”"), maxsplit=1)[0]
        subject = _GROWTH_END.sub("", subject)[-24:]  # bounded: the words nearest the rule
        known = UNITS.get(unit)
        if known is None:
            return False
        growth = bool(_GROWTH.search(self.folded, drafted.start, drafted.end))
        share = bool(_SHARE.search(subject))
        for words in _pieces(subject):
            at = self.review.find(words)
            if at == -1:
                continue
            clause = self.review.clause_at(at)
            if clause is None:
                continue  # the words run across a clause's end
            numbers = find_numbers(self.folded, at, clause[1])
            if not numbers:
                continue
            last = numbers[-1]
            said = _written_unit(self.folded, last)
            if said is None and known.family == "ratio":
                said = known  # a ratio is written bare: 收入倍差缩小至1.61
            elif said is None or said.family != known.family:
                continue  # a figure of another unit, or of none, is not this one's level
            if bool(_GROWTH.search(self.folded, at, last.start)) != growth:
                continue  # a growth where a level is promised, or the other way round
            if share and not _SHARE.search(self.folded, at, last.start):
                continue  # a share's base is a share (占…比重), not the level it divides
            written = said.symbol if self.folded.startswith(said.symbol, last.end) else ""
            quote = self.text[at : last.end + len(written)]
            value = Fraction(last.value)
            if agrees(UNITS, quote, value, known.factor, known.family) is None:
                continue
            self.check("    ", "baseline found in the review of last year")
            self.lines.append(
                f"    baseline: {{value: {_number(last.value)}, "
                f"year: {self.year - 1}, quote: {_q(quote)}}}"
            )
            self.baseline_quote = quote
            return True
        return False

    def _name_zh(self, drafted: Drafted) -> str:
        if DELIVERABLE_CHECK in drafted.checks:
            return drafted.subject[:40]  # a verb and what it completes, quotation marks kept
        name = drafted.subject.strip("“”\"' ")
        if drafted.value is None and drafted.comparator in _WORDED:
            # 研发投入强度有所提升, 收入倍差进一步缩小: the quantity, not its wording
            quantity = _RULE_WORDS.split(name, maxsplit=1)[0].strip()
            name = quantity if len(quantity) >= 2 else name
        if drafted.unit == "%" and "增长" in self.folded[drafted.start : drafted.end]:
            name = name.removesuffix("增长") + "增速"
        return name[:40]

    def _not_commitments(self, found: Extraction) -> dict[str, str]:
        """The numbers the drafter set aside, each with a span around it, unless a drafted quote
        holds it (looked up among the quotes sorted by start: one pass, not one per number)."""
        quoted = sorted((d.start, d.end) for d in found.drafted)
        starts = [a for a, _ in quoted]
        reach = list(accumulate((b for _, b in quoted), max))
        lines = _Lines(self.text)
        listed: dict[str, str] = {}
        for item in found.excluded:
            n = item.number
            k = bisect_right(starts, n.start)
            if k and reach[k - 1] >= n.end:
                continue
            line_start, line_end = lines.around(n.start, n.end)
            span = self.text[max(line_start, n.start - 6) : min(line_end, n.end + 4)]
            listed.setdefault(span.strip(), item.reason)
        return listed


def whole_name(name: str) -> str:
    """A name as a reader would write it, not as it was cut from its sentence: no list's mark or
    joining word at its end (创建2家高星级旅游饭店和 is 创建2家高星级旅游饭店), and every quotation
    mark and bracket it opens closed (好苗子”企业 is “好苗子”企业)."""
    name = _NAME_CUT_END.sub("", name.strip()) or name.strip()
    for pair in NAME_BRACKETS:
        open_mark, close_mark = pair[0], pair[1]
        opened, closed = name.count(open_mark), name.count(close_mark)
        if closed > opened:
            name = open_mark * (closed - opened) + name
        elif opened > closed:
            name += close_mark * (opened - closed)
    return name


class _Spans:
    """Spans of text, asked whether one of them holds a given span, in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(itertools.accumulate((b for _, b in ordered), max))

    def holds(self, start: int, end: int) -> bool:
        """Whether some span (a, b) has a <= start and end <= b."""
        at = bisect.bisect_right(self.starts, start) - 1
        return at >= 0 and self.reach[at] >= end


class _Lines:
    """The line around a span of text; asked in order, each line end is looked for once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.start, self.end = 0, -1  # the last line found: [start, end) holds no line end

    def around(self, start: int, end: int) -> tuple[int, int]:
        """(where the line holding `start` begins, the first line end at or after `end`)."""
        if not (self.start <= start and end <= self.end):
            line_end = self.text.find("\n", end)
            self.start = self.text.rfind("\n", 0, start) + 1
            self.end = len(self.text) if line_end == -1 else line_end
        return self.start, self.end


class _Review:
    """The review part of a report, searched for the words of many baselines.

    Each search is remembered, and the clauses of the review are found once, when first
    needed; the search stops for good once BASELINE_SEARCH characters have been looked through.
    """

    def __init__(self, folded: str, end: int) -> None:
        self.folded, self.end = folded, end
        self.found: dict[str, int] = {}
        self.looked = 0
        self.starts: array[int] | None = None
        self.ends: array[int] = array("q")

    def find(self, words: str) -> int:
        """Where `words` first stand in the review, or -1."""
        at = self.found.get(words)
        if at is None:
            if self.looked > BASELINE_SEARCH:
                return -1
            at = self.folded.find(words, 0, self.end)
            self.looked += self.end if at == -1 else at + len(words)
            if len(self.found) > 100_000:
                self.found.clear()
            self.found[words] = at
        return at

    def clause_at(self, position: int) -> tuple[int, int] | None:
        """The clause of the review holding `position`, or None when it stands between two."""
        if self.starts is None:
            self.starts = array("q")
            for a, b in clauses(self.folded, 0, self.end):
                self.starts.append(a)
                self.ends.append(b)
        at = bisect.bisect_right(self.starts, position) - 1
        if at < 0 or position >= self.ends[at]:
            return None
        return self.starts[at], self.ends[at]
