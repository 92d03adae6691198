"""The registry is evidence: every check that its words and numbers agree with the texts it quotes.

Run by the loader on every registry it reads (a cached registry passed them already), so `lint`
and every command judge a registry alike: a quote is verbatim in its text, from the plan part
(a baseline from the review part), its numbers agree with the entry's value, comparator and unit,
and every number of the plan part, and of any passage outside it that reads like a list of
targets, is covered by a quote or listed under `not_commitments`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from fractions import Fraction
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.problems import Problem, Term, problem
from reportcheck.registry.prose.textnums import Number, find_numbers, fold, word_figures
from reportcheck.registry.prose.wording import MULTIPLES, comparator_for, unit_at
from reportcheck.registry.schema import (
    CHECK_COMMENT,
    CUT_NAME_END,
    NAME_BRACKETS,
    NOT_COMMITMENT,
    PLACEHOLDER_ID,
    PLACEHOLDER_NAME,
    RESPECTIVELY,
)
from reportcheck.registry.yamlnodes import Checker, Node

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from reportcheck.model.units import Unit
    from reportcheck.registry.texts import QuotedText
    from reportcheck.rules import Rule

#: Words that make a quote's comparator plain enough to hold an entry's rule to it.
_WORDING_SIGNS = ("左右", "以内", "以下", "超过", "突破", "前")
#: The number the drafter adds to an id to tell two entries apart (grain_2).
_NUMBERED = re.compile(r"_\d+$")
#: How many quotes that are not verbatim get the closest span of their text named: each costs
#: a pass over the text, and a registry with more such quotes has a larger problem.
MAX_CLOSEST = 50


class Evidence(msgspec.Struct, kw_only=True):
    """What the checks of one registry share, and the spans its quotes cover, collected as the
    entries are read."""

    texts: dict[str, QuotedText | None]  # by name ("" is the seed); None: it cannot be read
    units: Mapping[str, Unit]
    covering: set[str] = msgspec.field(default_factory=set)
    closest_left: int = MAX_CLOSEST
    #: Where the last quote of each text and part was found, to look for the next from there.
    cursors: dict[tuple[str, str], int] = msgspec.field(default_factory=dict)

    def text(self, name: str) -> QuotedText | None:
        return self.texts.get(name)

    def readable(self) -> list[QuotedText]:
        return [text for text in self.texts.values() if text is not None]


def text_term(name: str) -> Term:
    return Term("text", name) if name else Term("the-report")


def check_quote(
    check: Checker,
    evidence: Evidence,
    quote: str,
    name: str,
    *,
    line: int | None,
    key: str,
    where: Term,
    part: str | None,
) -> bool:
    """Whether `quote` is verbatim in the text `name`; problems when it is not, and a warning
    when it stands only in the other part of the text than `part` ("plan" or "review")."""
    text = evidence.text(name)
    if text is None:
        # An unreadable or unknown text is reported once, where it is named; the quote still
        # covers what it quotes wherever it stands, so no number is reported for it again.
        evidence.covering.add(fold(quote))
        return True
    evidence.covering.add(fold(quote))  # it covers what it quotes wherever it stands
    at = _find(evidence, text, quote, part)
    if at == -1:
        _not_verbatim(check, evidence, quote, text, line=line, key=key, where=where)
        return False
    if part == "plan" and not _in_plan(text, quote, at):
        check.problem(
            "quote-in-review",
            line=line,
            key=key,
            severity="warning",
            where=where,
            text=text_term(name),
        )
    elif part == "review" and not _in_review(text, quote, at):
        check.problem(
            "baseline-in-plan",
            line=line,
            key=key,
            severity="warning",
            where=where,
            text=text_term(name),
        )
    return True


def _find(evidence: Evidence, text: QuotedText, quote: str, part: str | None) -> int:
    """Where `quote` stands in `text`, -1 if nowhere. Entries follow their report, so each quote
    is looked for from where the last one of its kind was found before from the start: a
    registry's quotes cost one pass over the text, not one pass each."""
    key = (text.name, part or "")
    at = text.text.find(quote, evidence.cursors.get(key, 0))
    if at == -1:
        at = text.text.find(quote)
    if at != -1:
        evidence.cursors[key] = at
    return at


def _in_plan(text: QuotedText, quote: str, at: int) -> bool:
    """Whether `quote`, found at `at`, stands in the plan part or in a passage that reads like
    targets."""
    start, end = text.parts.plan_start, text.parts.plan_end
    if start <= at < end or any(a <= at < b for a, b in text.passages):
        return True
    return text.text.find(quote, start, end) != -1


def _in_review(text: QuotedText, quote: str, at: int) -> bool:
    """Whether `quote`, found at `at`, stands in the review part before the plan (a text with no
    plan part marked is all plan, and holds no review)."""
    start = text.parts.plan_start
    if at < start or start == 0:
        return True
    return text.text.find(quote, 0, start - 1 + len(quote)) != -1


def _not_verbatim(
    check: Checker,
    evidence: Evidence,
    quote: str,
    text: QuotedText,
    *,
    line: int | None,
    key: str,
    where: Term,
) -> None:
    said = text_term(text.name)
    if evidence.closest_left <= 0 or not quote:
        check.problem(
            "registry-quote-not-in-report", line=line, key=key, value=quote, where=where, text=said
        )
        return
    evidence.closest_left -= 1
    span, differ = closest(text.text, quote)
    evidence.covering.add(fold(span))  # what the quote meant covers its numbers: no knock-on
    check.problem(
        "registry-quote-not-in-report",
        variant="closest",
        line=line,
        key=key,
        value=quote,
        where=where,
        text=said,
        closest=repr(span),
        at=differ + 1,
        wrote=_char(quote, differ),
        has=_char(span, differ),
    )


def check_values(
    check: Checker,
    evidence: Evidence,
    quote: str,
    rule: Rule,
    unit: str,
    *,
    line: int | None,
    comparator_line: int | None,
    where: Term,
) -> None:
    """Each number the rule holds (its value, a range's two ends) is a number of its quote, in
    the entry's unit; with one number, the quote's wording reads as the rule."""
    known = evidence.units.get(unit)
    if known is None or "value" not in rule.required_keys:
        return
    values = rule.numbers
    family = "points" if rule.value_in_points else known.family
    for value in values:
        match = agrees(evidence.units, quote, value, known.factor, family)
        if match is None:
            check.problem(
                "value-not-in-quote",
                line=line,
                key="value",
                value=_show(value),
                where=where,
                unit=unit,
                quote=quote,
            )
        elif len(values) == 1:
            _wording(check, quote, match, rule, line=comparator_line, where=where)


def check_baseline_value(
    check: Checker,
    evidence: Evidence,
    quote: str,
    value: Fraction,
    unit: str,
    *,
    line: int | None,
    where: Term,
) -> None:
    known = evidence.units.get(unit)
    if (
        known is not None
        and agrees(evidence.units, quote, value, known.factor, known.family) is None
    ):
        check.problem(
            "value-not-in-quote",
            variant="baseline",
            line=line,
            key="value",
            value=_show(value),
            where=where,
            unit=unit,
            quote=quote,
        )


def agrees(
    units: Mapping[str, Unit], quote: str, value: Fraction, factor: Fraction, family: str
) -> Number | None:
    """The number of `quote` that says `value` (in a unit of `factor` and `family`), if any;
    a figure said in words (保持正增长 is 0 %, 破万亿元 is 1 万亿元) says its value too."""
    for number in (*find_numbers(quote), *word_figures(quote)):
        if number.fraction is not None:
            share = Fraction(*number.fraction)
            percent = family == "percent" and value in (share * 100, Fraction(number.value))
            if value == share or percent:
                return number
            continue
        written, found = _scaled(units, quote, number)
        if written == value * factor and found in (family, ""):
            return number
    return None


def _scaled(units: Mapping[str, Unit], quote: str, number: Number) -> tuple[Fraction, str]:
    """The number in its family's base unit, by the unit written after it ("" when none)."""
    if number.percent:
        return Fraction(number.value), "percent"
    rest = fold(quote[number.end : number.end + 16]).removeprefix("多")  # 180多万名
    symbol = max((u for u in units if rest.startswith(u)), key=len, default="")
    if not symbol or symbol in MULTIPLES:
        # 80万重点群体: in ten thousands of what the noun counts, its family unsaid
        multiple = next((m for m in MULTIPLES if rest.startswith(m)), "")
        return Fraction(number.value) * MULTIPLES.get(multiple, 1), ""
    unit = units[symbol]
    return Fraction(number.value) * unit.factor, unit.family


def _wording(
    check: Checker, quote: str, number: Number, rule: Rule, *, line: int | None, where: Term
) -> None:
    """The comparator the quote's own words imply, against the entry's: a different one is a
    warning, one that turns the direction round (以内 judged as 以上) an error."""
    folded = fold(quote)
    unit = unit_at(folded, number.end)
    before, after = folded[: number.start], folded[number.end + len(unit) :]
    said = comparator_for(before, after, unit)
    entered = rule.comparator.value
    signs = any(s in folded for s in _WORDING_SIGNS)
    if (
        said != entered
        and (signs or entered in ("at_most", "about", "rank_within"))
        and not (entered in ("at_least", "more_than") and said in ("at_least", "more_than"))
    ):
        turned = {said, entered} in ({"at_most", "at_least"}, {"at_most", "more_than"})
        check.problem(
            "wording-mismatch",
            variant="reversed" if turned else "",
            line=line,
            key="comparator",
            value=entered,
            severity="error" if turned else "warning",
            where=where,
            said=said,
        )


# ── the registry as a whole ─────────────────────────────────────────────────────────────────


def check_coverage(
    check: Checker, evidence: Evidence, listed: object, line: int | None, *, numbers: bool = True
) -> None:
    """Every number of each text's plan part (and of its passages that read like targets) is in
    a quote of some entry or in a span listed under not_commitments; with `numbers` False (a
    registry whose entries cannot be read) only the list itself is checked."""
    spans = _not_commitments(check, evidence, listed, line)
    if not numbers:
        return
    strings = {s for s in evidence.covering | spans if s and find_numbers(s)}
    for text in evidence.readable():
        _cover(check, text, strings)


def _not_commitments(
    check: Checker, evidence: Evidence, listed: object, line: int | None
) -> set[str]:
    if listed is None:
        return set()
    where = Term("not-commitments")
    if not isinstance(listed, list):
        check.problem("registry-shape", variant="list", line=line, where=where)
        return set()
    spans: set[str] = set()
    for item in listed:
        item_line = item.line if isinstance(item, Node) else line
        node = check.keys(item, where, NOT_COMMITMENT, item_line)
        if node is None:
            continue
        span = check.text(node, "span", where)
        check.text(node, "reason", where)
        for key in ("span", "reason"):
            if isinstance(node.get(key), str) and not node[key].strip():
                check.problem("registry-empty", line=node.key_lines[key], key=key, where=where)
        if not span.strip():
            continue
        folded = fold(span)
        spans.add(folded)
        # A span without a number records a wording judged to promise nothing this year (a
        # title worked towards, an award strived for): it needs only to stand in a plan.
        if not any(_occurs_in_plan(text, folded) for text in evidence.readable()):
            check.problem(
                "not-commitment-stale",
                line=node.key_lines["span"],
                key="span",
                value=span,
                severity="warning",
            )
    return spans


def _occurs_in_plan(text: QuotedText, folded_span: str) -> bool:
    ranges = [(text.parts.plan_start, text.parts.plan_end), *text.passages]
    return any(text.folded.find(folded_span, a, b) != -1 for a, b in ranges)


def _cover(check: Checker, text: QuotedText, strings: Iterable[str]) -> None:
    for number, passage in uncovered(text, strings):
        line_start = text.folded.rfind("\n", 0, number.start) + 1
        context = text.text[max(line_start, number.start - 10) : number.end + 6]
        check.problems.append(_uncovered(text, number, context, passage))


def uncovered(text: QuotedText, strings: Iterable[str]) -> list[tuple[Number, bool]]:
    """The numbers of the text's plan part, then of its passages that read like targets (True),
    that no string of `strings` (folded) covers."""
    folded, plan_start, plan_end = text.folded, text.parts.plan_start, text.parts.plan_end
    numbers = find_numbers(folded, 0, plan_end)
    by_written: dict[str, list[int]] = {}
    for number in numbers:
        by_written.setdefault(number.written, []).append(number.start)
    end = numbers[-1].end if numbers else 0
    covered = sorted(span for string in strings for span in _spans(folded, string, by_written, end))
    starts = [a for a, _ in covered]
    reach: list[int] = []  # the furthest end of the spans starting at or before each start
    for _, b in covered:
        reach.append(max(b, reach[-1]) if reach else b)
    ranges = [(plan_start, plan_end, False), *((a, b, True) for a, b in text.passages)]
    found: list[tuple[Number, bool]] = []
    for start, end, passage in ranges:
        for number in numbers:
            if not start <= number.start < end:
                continue
            k = bisect_right(starts, number.start)
            if not k or reach[k - 1] < number.end:
                found.append((number, passage))
    return found


def _spans(
    folded: str, string: str, by_written: dict[str, list[int]], end: int
) -> list[tuple[int, int]]:
    """Where `string` stands in the text up to its last number (`end`). Looked for at the text's
    numbers written as the string's first number is (one comparison each, not a pass over the
    text); a string that starts inside a number (65万 of 2.65万) is looked for the long way."""
    first = find_numbers(string)
    if not first:
        return []
    offset = first[0].start
    spans = [
        (at - offset, at - offset + len(string))
        for at in by_written.get(first[0].written, ())
        if folded.startswith(string, at - offset)
    ]
    if spans:
        return spans
    at = folded.find(string, 0, end + len(string))
    while at != -1:
        spans.append((at, at + len(string)))
        at = folded.find(string, at + 1, end + len(string))
    return spans


def _uncovered(text: QuotedText, number: Number, context: str, passage: bool) -> Problem:
    """Said at the text's own line: the number to cover is the text's, not the registry's."""
    return problem(
        "number-uncovered",
        "outside-plan" if passage else "",
        file=text.shown,
        line=text.line_of(number.start),
        value=number.written,
        context=repr(context.replace("\n", " ")),
    )


def check_repeated(check: Checker, entries: Iterable[Node]) -> None:
    """Two entries with the same quote, rule, value and name promise one thing twice (a headline
    the report repeats); entries that share a quote for different subjects (各, 均) or values
    (分别) are fine."""
    first: dict[tuple[str, ...], str] = {}
    for entry in entries:
        quote = entry.get("quote")
        if not isinstance(quote, str) or not quote:
            continue
        key = (quote, *(str(entry.get(k)) for k in ("comparator", "value", "name_zh", "text")))
        name = str(entry.get("id"))
        if key in first:
            check.problem(
                "entry-repeated",
                line=entry.key_lines.get("quote", entry.line),
                key="quote",
                severity="warning",
                where=Term("target", name),
                other=first[key],
            )
        first.setdefault(key, name)


def check_review_marks(check: Checker, source: str, entries: Iterable[Node]) -> None:
    """A drafted registry is not reviewed while a `# check:` line, a placeholder id or English
    name, or a Chinese name cut out of its sentence is left."""
    for number, line in enumerate(source.splitlines(), 1):
        if CHECK_COMMENT.match(line):
            check.problem("draft-check-left", line=number, severity="warning")
    for entry in entries:
        ident, english, chinese = (entry.get(k) for k in ("id", "name_en", "name_zh"))
        if isinstance(ident, str) and PLACEHOLDER_ID.fullmatch(ident):
            check.problem(
                "placeholder-name",
                line=entry.key_lines.get("id", entry.line),
                key="id",
                value=ident,
                severity="warning",
            )
        if isinstance(english, str) and placeholder_name(english, ident):
            check.problem(
                "placeholder-name",
                line=entry.key_lines.get("name_en", entry.line),
                key="name_en",
                value=english,
                severity="warning",
            )
        cut = cut_name(chinese) if isinstance(chinese, str) else None
        if cut is not None:
            how, mark = cut
            check.problem(
                "name-cut",
                variant="end" if how == "end" else "open" if how == "open" else "respectively",
                line=entry.key_lines.get("name_zh", entry.line),
                key="name_zh",
                value=chinese,
                severity="warning",
                mark=mark,
            )


def placeholder_name(english: str, ident: object) -> bool:
    """Whether an English name is the drafter's placeholder: item 03, or an id's words with
    the number the drafter added to tell two entries apart (grain 2 of grain_2)."""
    if PLACEHOLDER_NAME.fullmatch(english.strip()):
        return True
    numbered = isinstance(ident, str) and _NUMBERED.search(ident) is not None
    return numbered and english.strip().replace(" ", "_") == ident


def cut_name(name: str) -> tuple[str, str] | None:
    """How a Chinese name is cut out of its sentence, and the mark that shows it: it holds
    分别 ("respectively"), ends in a list's mark or a joining word ("end"), or leaves a quotation
    mark or a bracket open ("open"); None when it is whole."""
    name = name.strip()
    end = CUT_NAME_END.search(name)
    if end is not None:
        return "end", end.group()
    if RESPECTIVELY in name:
        return "respectively", RESPECTIVELY
    for pair in NAME_BRACKETS:
        if name.count(pair[0]) != name.count(pair[1]):
            return "open", pair[0] if name.count(pair[0]) > name.count(pair[1]) else pair[1]
    return None


# ── where a quote parts from its text ────────────────────────────────────────────────────────


def closest(text: str, quote: str) -> tuple[str, int]:
    """The span of `text` that agrees longest with `quote` from either end, and the index of the
    first character where the two part.

    Bounded: one pass over the text per end of the quote.
    """
    head_at, head, agreed = 0, 0, 0
    for i in _occurrences(text, quote[0]):
        n = _common_prefix(text, i, quote)
        # Of two spans that begin alike, the one that also ends like the quote is the one it
        # meant: 地区生产总值增长7%左右 is the plan's 增长6%左右, not the review's 增长3.3%.
        end = i + len(quote)
        tail_agrees = _common_suffix(text, end, quote) if end <= len(text) else 0
        both = n + min(tail_agrees, len(quote) - n)
        if both > agreed:
            head_at, head, agreed = i, n, both
    tail_end, tail = 0, 0
    for j in _occurrences(text, quote[-1]):
        n = _common_suffix(text, j + 1, quote)
        if n > tail:
            tail_end, tail = j + 1, n
    if tail > head:
        start = max(tail_end - len(quote), 0)
        return text[start : start + len(quote)], max(len(quote) - tail - 1, 0)
    return text[head_at : head_at + len(quote)], head


def _occurrences(text: str, part: str) -> list[int]:
    found, i = [], text.find(part)
    while i != -1:
        found.append(i)
        i = text.find(part, i + 1)
    return found


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


def _char(text: str, index: int) -> str:
    if index >= len(text):
        return "—"
    return f"{text[index]!r} U+{ord(text[index]):04X}"


def _show(value: Fraction) -> str:
    """A value as the registry writes it: 6.5, or 200/3 where decimals never end."""
    from reportcheck.rules import show

    shown = show(value)
    return f"{value.numerator}/{value.denominator}" if shown.endswith("…") else shown
