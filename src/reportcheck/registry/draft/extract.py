"""From a report's plan part to drafted commitments: clauses, numbers, wordings.

Every position is an offset into the report text, so each quote is a verbatim slice of it.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.registry.draft.deliverables import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    Deliverable,
    deliverables,
    unquoted,
)
from reportcheck.registry.draft.textnums import Number, find_numbers
from reportcheck.registry.draft.wording import (
    UNITS_LONGEST_FIRST,
    comparator_for,
    direction_for,
    rule_without_number,
)

if TYPE_CHECKING:
    from reportcheck.registry.draft.segment import Layout

_CLAUSE_END = set(",。;!?:\n|●")
_LEAD = re.compile(r"^(\s|[0-9]+[.、]|我市|我县|我省|我区|全年|今年|同时|并|拟|计划|20\d\d年)+")
#: 8%和8.5%, 19个、5个: figures of one phrase, each a commitment.
_RUN_OF_FIGURES = re.compile(r"\d[%个家项所名人万亿元]{0,3}[和、及与]\d")
_PAREN = re.compile(r"^\([^()]{0,12}\)")  # on folded text, where （） are ()
_PART_OF_YEAR = re.compile(r"(一季度|上半年|二季度|三季度|前三季度)(末|底)?(前)?(达到|完成|实现)")
_PART_END = {"一季度": "03", "上半年": "06", "二季度": "06", "三季度": "09", "前三季度": "09"}
DELIVERABLE_CHECK = "a named deliverable read as done by the year's end: confirm it is promised"
_DUE = re.compile(r"到(20\d\d)年|(20\d\d)年(底|末)?前|今后(五|三|两)年|(五|三)年内")


class Excluded(msgspec.Struct, frozen=True):
    """A number of the plan part that is not a commitment, and why."""

    number: Number
    reason: str


class Drafted(msgspec.Struct, frozen=True):
    """One drafted commitment: a verbatim quote and the rule read from its wording."""

    start: int  # of the quote in the report text
    end: int
    comparator: str
    value: Decimal | tuple[int, int] | tuple[Decimal, Decimal] | None
    unit: str
    subject: str
    direction: str | None = None
    due: int | str | None = None
    checks: tuple[str, ...] = ()
    number: Number | None = None
    copies: int = 1  # 各 / 均 / 分别 make several entries of one quote
    entered_as: str | None = None  # "magnitude" for 下降 / 压减 targets


class Extraction(msgspec.Struct):
    drafted: list[Drafted] = msgspec.field(default_factory=list)
    excluded: list[Excluded] = msgspec.field(default_factory=list)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of clauses: split at , 。 ; :, a double dash —— and line ends, never inside
    quotation marks (a single — joins a range, 6%—6.5%)."""
    spans, depth, begin = [], 0, start
    for i in range(start, end):
        char = text[i]
        if char in OPEN_QUOTES:
            depth += 1
        elif char in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif char in _CLAUSE_END and (depth == 0 or char == "\n"):
            depth = 0
            spans.append((begin, i))
            begin = i + 1
        elif char == "—" and text[i + 1 : i + 2] == "—" and depth == 0:
            spans.append((begin, i))
            begin = i + 2
    spans.append((begin, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def parts(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    """A clause's list items at 、 outside quotation marks; items with no number join the next.

    Returns (start, end, subjects): subjects counts the items joined, for 均 / 各 wordings.
    """
    cuts = [start] + [
        i + 1
        for i in unquoted(text, start, end)
        if text[i] == "、" and _cuts_list(text, start, i, end)
    ]
    cuts.append(end + 1)
    pieces = [(cuts[k], cuts[k + 1] - 1) for k in range(len(cuts) - 1)]
    merged: list[tuple[int, int, int]] = []
    pending: tuple[int, int] | None = None
    for piece_start, b in pieces:
        has_number = bool(find_numbers(text, piece_start, b))
        a, count = pending if pending is not None else (piece_start, 1)
        pending = None
        if has_number or rule_without_number(text[a:b]):
            merged.append((a, b, count))
        else:
            pending = (a, count + 1)
    if pending is not None:
        merged.append((pending[0], end, pending[1] - 1))
    return merged


def _cuts_list(text: str, start: int, at: int, end: int) -> bool:
    """Whether a 、 separates list items (not the figures of 分别 or of a run of numbers)."""
    if "分别" in text[start:at]:
        return False
    return not re.match(r"[\d.]+[%个万亿元]*(、|$)", text[at + 1 : end])


def unit_after(text: str, position: int) -> str:
    rest = text[position : position + 6]
    return next((u for u in UNITS_LONGEST_FIRST if rest.startswith(u)), "")


def why_not(text: str, number: Number, unit: str, clause: tuple[int, int]) -> str | None:
    """Why a number is not a commitment, or None when it may be one."""
    before = text[max(clause[0], number.start - 3) : number.start]
    after = text[number.end : number.end + 4]
    line_start = text.rfind("\n", 0, number.start) + 1
    if re.fullmatch(r"[\s\u3000]*", text[line_start : number.start]) and re.match(
        r"\s*[.、|)]", after
    ):
        return "list number"
    if re.match(r"(19|20)\d\d$", number.written) and re.match(r"(年|-|/|\.\d)", after):
        return "a year or date"
    if re.match(r"[-:/]\d|[月日时号]", after) or re.search(r"\d[-:/]$", before):
        return "a date or time"
    if before.endswith("第"):
        return "an ordinal"
    if re.search(r"(其他|其余|共|合计)$", before):
        return "a count that describes, not a promise"
    if _quoted(text, number.start, clause):
        return "part of a name in quotation marks"
    if not unit and not number.percent:
        return "no unit: a name, a code or a count that describes"
    return None


def _quoted(text: str, position: int, clause: tuple[int, int]) -> bool:
    depth = 0
    for char in text[clause[0] : position]:
        if char in "“‘「『《":
            depth += 1
        elif char in "”’」』》":
            depth = max(0, depth - 1)
    return depth > 0


def extract(text: str, parts_of: Layout, year: int) -> Extraction:
    """Commitments and excluded numbers of the plan part of folded report text."""
    result = Extraction()
    for clause in clauses(text, parts_of.plan_start, parts_of.plan_end):
        numeric = len(result.drafted)
        for a, b, subjects in parts(text, *clause):
            _part(text, (a, b), clause, subjects, year, result)
        taken = [(d.start, d.end) for d in result.drafted[numeric:]]
        for item in deliverables(text, *clause):
            if any(item.start < b and a < item.end for a, b in taken):
                continue  # the clause's numeric entry already holds it
            result.drafted.append(_deliverable(text, item, clause, year))
    return result


def _deliverable(text: str, item: Deliverable, clause: tuple[int, int], year: int) -> Drafted:
    """A named deliverable as a yes/no commitment due at the end of the plan's year."""
    sentence = max(text.rfind(mark, 0, clause[0]) for mark in "。;\n") + 1
    return Drafted(
        item.start,
        item.end,
        "done",
        None,
        "",
        item.name,
        due=_due(text[sentence : clause[1]], text[clause[0] : clause[1]], year),
        checks=(DELIVERABLE_CHECK,),
    )


def _part(
    text: str,
    span: tuple[int, int],
    clause: tuple[int, int],
    subjects: int,
    year: int,
    result: Extraction,
) -> None:
    a, b = span
    candidates: list[tuple[Number, str]] = []
    for number in find_numbers(text, a, b):
        unit = "%" if number.percent else unit_after(text, number.end)
        reason = why_not(text, number, unit, clause)
        if reason is None:
            candidates.append((number, unit))
        else:
            result.excluded.append(Excluded(number, reason))
    quote_start = a + _lead_length(text[a:b])
    sentence = max(text.rfind(mark, 0, clause[0]) for mark in "。;\n") + 1
    due = _due(text[sentence : clause[1]], text[clause[0] : clause[1]], year)
    if not candidates:
        comparator = rule_without_number(text[a:b])
        if comparator is not None:
            result.drafted.append(
                Drafted(
                    quote_start,
                    b,
                    comparator,
                    None,
                    "",
                    text[quote_start:b],
                    due=due,
                    copies=subjects if comparator == "done" else 1,
                )
            )
        return
    keep = [c for c in _commitments(text, candidates, a, b) if not _threshold(text, c, b)]
    for number, unit in candidates:
        if (number, unit) not in keep:
            result.excluded.append(Excluded(number, "describes the subject (a threshold or count)"))
    respectively = "分别" in text[a:b]
    if len(keep) == 2 and _is_range(text, keep[0][0], keep[1][0]):
        (low, _), (high, unit) = keep
        entry = _drafted(text, (quote_start, b), high, unit, due, subjects, respectively)
        result.drafted.append(
            msgspec.structs.replace(entry, comparator="range", value=(low.value, high.value))
        )
        return
    for number, unit in keep:
        result.drafted.append(
            _drafted(text, (quote_start, b), number, unit, due, subjects, respectively)
        )


def _commitments(
    text: str, candidates: list[tuple[Number, str]], start: int, end: int
) -> list[tuple[Number, str]]:
    """The numbers a list item promises: the last one, or each one after 分别 / in a range."""
    last_number, _ = candidates[-1]
    part_text = text[start:end]
    if "分别" in part_text or _RUN_OF_FIGURES.search(text, candidates[0][0].start, end):
        return candidates
    if len(candidates) >= 2 and _is_range(text, candidates[-2][0], last_number):
        return candidates[-2:]
    return [candidates[-1]]


def _is_range(text: str, low: Number, high: Number) -> bool:
    """6%—6.5%, 6-6.5%, 6至6.5%: a band, one commitment."""
    return bool(re.fullmatch(r"%?\s*[—\-~至到]{1,2}\s*", text[low.end : high.start]))


def _threshold(text: str, candidate: tuple[Number, str], end: int) -> bool:
    number, unit = candidate
    after = text[number.end + len(unit) : end]
    if after.startswith(("范围", "以内的", "以上的", "以下的")):
        return True
    return after.startswith(("以上", "以下")) and bool(re.search(r"\d", after))


def _drafted(
    text: str,
    quote: tuple[int, int],
    number: Number,
    unit: str,
    due: int | str | None,
    subjects: int,
    respectively: bool,
) -> Drafted:
    start, end = quote
    before = text[start : number.start]
    after = _PAREN.sub("", text[number.end + len(unit) : end])
    comparator = comparator_for(before, after, unit)
    checks: list[str] = []
    value: Decimal | tuple[int, int] | tuple[Decimal, Decimal] | None = number.value
    if number.fraction is not None:
        value = number.fraction
    subject = re.sub(r"(增长|达到|提高到|提高|控制在|稳定在|超过|突破|保持|新增|为)$", "", before)
    entered_as = None
    if re.search(r"下降|降低|压减|减少|削减", before):
        entered_as = "magnitude"
        checks.append("a fall: figures entered as magnitudes (15 for a cut of 15%)")
    copies = 1
    if not respectively and re.search(r"[各均]", text[start : number.start]):
        copies = max(before.count("“"), 2) if "各" in before else subjects
    if copies > 1:
        checks.append(f"one quote, {copies} commitments: give each its own name")
    return Drafted(
        start,
        end,
        comparator,
        value,
        unit,
        subject.strip() or text[start:end],
        direction_for(subject, comparator, before),
        due,
        tuple(checks),
        number,
        copies,
        entered_as,
    )


def _lead_length(part: str) -> int:
    match = _LEAD.match(part)
    return match.end() if match else 0


def _due(sentence: str, clause: str, year: int) -> int | str | None:
    """A later year the sentence sets (到2027年, 今后五年), or a month the clause sets (三季度)."""
    match = _DUE.search(sentence)
    if match is not None:
        if match.group(1) or match.group(2):
            return int(match.group(1) or match.group(2))
        span = {"五": 5, "三": 3, "两": 2}[match.group(4) or match.group(5)]
        return year + span - 1
    part = _PART_OF_YEAR.search(clause)
    if part is not None:
        return f"{year}-{_PART_END[part.group(1)]}"
    return None
