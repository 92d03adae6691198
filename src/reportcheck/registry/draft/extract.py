"""From a report's plan part to drafted commitments: clauses, numbers, wordings.

Every position is an offset into the report text, so each quote is a verbatim slice of it.

The text is read once, front to back: what a position needs to know about the text before it
(the sentence and the line it stands in, whether it is inside quotation marks, a due date said
earlier in its sentence) is carried forward rather than searched for again, so drafting takes
time in proportion to the text. A clause longer than any sentence's part (MAX_CLAUSE_CHARS) is
not read as wording, and a text with more commitments or numbers than any report makes is
refused (MAX_DRAFT_COMMITMENTS, MAX_DRAFT_NUMBERS), so memory stays bounded too.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.limits import MAX_CLAUSE_CHARS, MAX_DRAFT_COMMITMENTS, MAX_DRAFT_NUMBERS
from reportcheck.registry.draft.deliverables import (
    CLOSE_QUOTES,
    OPEN_QUOTES,
    Deliverable,
    continuing,
    deliverables,
)
from reportcheck.registry.draft.figures import (
    commitments,
    describes,
    is_range,
    lead_length,
    threshold,
    unit_guessed,
    unit_of,
    why_not,
    written_length,
)
from reportcheck.registry.prose.textnums import (
    Number,
    TooManyNumbersError,
    find_numbers,
    word_figures,
)
from reportcheck.registry.prose.wording import (
    MULTIPLES,
    SUBJECTS,
    WORDING_RULES,
    comparator_for,
    direction_for,
    rule_without_number,
    subject_id,
)

if TYPE_CHECKING:
    from reportcheck.registry.prose.segment import Layout

_CLAUSE_END = set(",。;!?:\n|●")
#: What can change a clause's course: its ends, quotation marks and the dash of a double dash.
_CLAUSE_MARK = re.compile("[" + re.escape("".join(_CLAUSE_END) + OPEN_QUOTES + CLOSE_QUOTES) + "—]")
#: White space and clause ends up to the last end of a run of them: clauses with no text.
_EMPTY_CLAUSES = re.compile(
    "[\\s" + re.escape("".join(_CLAUSE_END)) + "]*[" + re.escape("".join(_CLAUSE_END)) + "]"
)
#: 、 and the marks that open and close quotation marks, for the list cuts of a clause.
_LIST_MARK = re.compile("[" + re.escape(OPEN_QUOTES + CLOSE_QUOTES) + "、]")
#: A 、 that separates the figures of one phrase, not list items (8%、9%; 19个、5个).
_LIST_FIGURE = re.compile(r"[\d.]+[%个万亿元]*(、|$)")
#: Quotation marks of a name (“”, 《》…), for numbers that are part of one.
_NAME_MARK = re.compile("[“‘「『《”’」』》]")
_NAME_OPEN = "“‘「『《"
_NOT_BLANK = re.compile(r"[^\s\u3000]")
#: What str.strip() keeps: not white space in str.isspace's sense.
_NOT_WHITE = re.compile(r"\S")
#: The most characters any pattern of WORDING_RULES can match (与 + 20 + 基本同步 is 25;
#: 完成 + 20 + 约束性任务 is 27): a list item's wording is looked for only that far back into
#: the items already read.
WORDING_REACH = 27
#: A sentence's end, for the due date a sentence sets.
_SENTENCE_END = re.compile("[。;\n]")
#: A clause opened by 突破 / 超过: more than each figure it names.
_MORE_LEAD = re.compile(r"(?:奋力|力争|确保)?(?:突破|超过)(?![^,。;]*(?:增长|达到|新增))")
#: 各 and 均 of several subjects, not 各级 / 各类 (of every level) nor 人均 / 平均 / 年均.
_EACH = re.compile(r"各(?:增长|达到|新增|建设|建成|培育|打造)?$")
_BOTH = re.compile(r"(?<![人平年])均")
#: The subjects of a list share the rate that follows the last (A、B增长5%左右).
_SHARED_RATE = re.compile(r"^[^、等]*(、[^、等]+)+(增长|增速|增幅|达到|达|为|保持)$")
_PAREN = re.compile(r"^\([^()]{0,12}\)")  # on folded text, where （） are ()
_PART_OF_YEAR = re.compile(r"(一季度|上半年|二季度|三季度|前三季度)(末|底)?(前)?(达到|完成|实现)")
_PART_END = {"一季度": "03", "上半年": "06", "二季度": "06", "三季度": "09", "前三季度": "09"}
DELIVERABLE_CHECK = "a named deliverable read as done by the year's end: confirm it is promised"
WORDS_CHECK = "the figure is said in words (正增长 0 %, 不发生 none, 领跑 first): confirm it"
#: What joins the subjects a 分别 wording shares out (粮食播种面积和产量, 城镇、农村居民…), and
#: the quotation marks inside which nothing joins.
_RESPECTIVE_MARK = re.compile(r"、|以及|和|及|与|[“‘「『《”’」』》]")
#: A subject of 分别 too short to be a name of its own (产量, 碳排放): it shares the words before
#: it (粮食产量) or after it (城镇居民…收入) with the others.
_PART_OF_NAME = 3
RESPECTIVE_CHECK = (
    "one of the subjects 分别 shares the wording among, named by its own words only: complete "
    "the name"
)
#: 和 joining two subjects of one wording (面积和产量稳中有升; 规模和产品数均增长10%).
_SUBJECT_AND = re.compile(r"(?<=[\u4e00-\u9fff])和(?=[\u4e00-\u9fff]{2})")
TOO_LONG = f"in a clause of more than {MAX_CLAUSE_CHARS} characters: not read as wording"
_DUE = re.compile(
    r"到(?P<by>20\d\d)年|(?P<before>20\d\d)年(?:底|末)?前|(?:今后|未来)(?P<next>[五三两])年"
    r"|(?P<within>[五三两])年内|“?十(?P<plan>[一二三四五六七八九])五”?(?:时期|期间)"
)
_SPAN = {"五": 5, "三": 3, "两": 2}
_DIGITS = "一二三四五六七八九"


def due_year(match: re.Match[str], year: int) -> int:
    """The year a match of _DUE names: 到2027年 2027, 未来五年 the plan's year and four more,
    "十五五"时期 2030."""
    named = match.group("by") or match.group("before")
    if named:
        return int(named)
    span = match.group("next") or match.group("within")
    if span:
        return year + _SPAN[span] - 1
    return 2005 + 5 * (_DIGITS.index(match.group("plan")) + 1)


#: The lead a quote leaves out (list numbers, 我市, 全年 …), under the name the tests use.
_lead_length = lead_length


class Excluded(msgspec.Struct, frozen=True):
    """A number of the plan part that is not a commitment, and why."""

    number: Number
    reason: str


class Drafted(msgspec.Struct, frozen=True, kw_only=True):
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


class Extraction(msgspec.Struct, kw_only=True):
    drafted: list[Drafted] = msgspec.field(default_factory=list)
    excluded: list[Excluded] = msgspec.field(default_factory=list)
    commitments: int = 0  # entries the drafted make, copies counted
    numbers: int = 0

    def add(self, drafted: Drafted) -> None:
        self.drafted.append(drafted)
        self.commitments += drafted.copies
        if self.commitments > MAX_DRAFT_COMMITMENTS:
            raise DraftTooLargeError("commitments", MAX_DRAFT_COMMITMENTS)

    def count(self, numbers: int) -> None:
        self.numbers += numbers
        if self.numbers > MAX_DRAFT_NUMBERS:
            raise DraftTooLargeError("numbers", MAX_DRAFT_NUMBERS)


class DraftTooLargeError(ValueError):
    """A text that makes more commitments, or holds more numbers, than any work report."""

    def __init__(self, what: str, limit: int) -> None:
        super().__init__(f"more than {limit} {what}")
        self.what, self.limit = what, limit


def clauses(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Spans of clauses: split at , 。 ; :, a double dash —— and line ends, never inside
    quotation marks (a single — joins a range, 6%—6.5%)."""
    depth, begin, at = 0, start, start
    while (mark := _CLAUSE_MARK.search(text, at, end)) is not None:
        i = mark.start()
        char, at = text[i], i + 1
        if char in OPEN_QUOTES:
            depth += 1
        elif char in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif char in _CLAUSE_END and (depth == 0 or char == "\n"):
            depth = 0
            if _has_text(text, begin, i):
                yield begin, i
            begin = i + 1
            # Ends and white space that follow make only empty clauses: passed in one step.
            empty = _EMPTY_CLAUSES.match(text, begin, end)
            if empty is not None:
                begin = at = empty.end()
        elif char == "—" and text[i + 1 : i + 2] == "—" and depth == 0:
            if _has_text(text, begin, i):
                yield begin, i
            begin = i + 2
    if _has_text(text, begin, end):
        yield begin, end


def _has_text(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] holds more than white space (`text[start:end].strip()`)."""
    found = _NOT_WHITE.search(text, start, end)
    return found is not None


def parts(
    text: str, start: int, end: int, read: Reading | None = None
) -> list[tuple[int, int, int]]:
    """A clause's list items at 、 outside quotation marks; items with no number join the next.

    Returns (start, end, subjects): subjects counts the items joined, for 均 / 各 wordings.
    """
    read = read or Reading(text)
    respectively = text.find("分别", start, end)
    cuts = [start] + [
        i + 1 for i in _list_cuts(text, start, end) if _cuts_list(text, start, i, end, respectively)
    ]
    cuts.append(end + 1)
    pieces = [(cuts[k], cuts[k + 1] - 1) for k in range(len(cuts) - 1)]
    merged: list[tuple[int, int, int]] = []
    pending: tuple[int, int] | None = None
    searched = start  # where the pending items were last searched to for a wording
    for piece_start, b in pieces:
        has_number = bool(read.numbers(piece_start, b))
        a, count = pending if pending is not None else (piece_start, 1)
        if pending is None:
            searched = a
        pending = None
        if has_number or _states_rule(text, a, searched, b):
            merged.append((a, b, count))
        else:
            pending = (a, count + 1)
            searched = b
    if pending is not None:
        merged.append((pending[0], end, pending[1] - 1))
    return merged


def _list_cuts(text: str, start: int, end: int) -> Iterator[int]:
    """The positions of 、 in text[start:end] outside quotation marks and brackets."""
    depth = 0
    for mark in _LIST_MARK.finditer(text, start, end):
        char = mark.group()
        if char in OPEN_QUOTES:
            depth += 1
        elif char in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif depth == 0:
            yield mark.start()


def _states_rule(text: str, start: int, searched: int, end: int) -> bool:
    """Whether rule_without_number(text[start:end]) finds a wording, given that it found none in
    text[start:searched]: only a match that ends after `searched` can be new, and none is longer
    than WORDING_REACH."""
    if searched <= start:
        return rule_without_number(text[start:end]) is not None
    since = max(start, searched - WORDING_REACH)
    return any(pattern.search(text, since, end) for pattern, _ in WORDING_RULES)


def _cuts_list(text: str, start: int, at: int, end: int, respectively: int) -> bool:
    """Whether a 、 separates list items (not the figures of 分别 or of a run of numbers);
    `respectively` is where 分别 first stands in the clause (-1: nowhere)."""
    if respectively != -1 and respectively + 2 <= at:
        return False
    return not _LIST_FIGURE.match(text, at + 1, end)


class Reading:
    """What a position needs to know of the text before it, carried forward as positions grow.

    Each answer is the one a search back from the position would give; asked about positions
    in order, as extraction does, each part of the text is looked at once in all.
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self._sentence = (0, 0)  # a sentence's start, and a position up to which it holds
        self._line = (0, 0)  # the same for a line
        self._first = (-1, 0)  # a line's start and its first character that is not blank
        self._quotes = (-1, 0, 0)  # a clause's start, a position in it and the depth there
        #: The last sentence asked about: its start, its first due date and its end.
        self._due: tuple[int, re.Match[str] | None, int] = (-1, None, 0)
        #: The last clause asked about and its due date.
        self._clause_due: tuple[tuple[int, int], int | str | None] = ((-1, -1), None)
        #: The numbers of the spans of one clause, each found once.
        self._numbers: dict[tuple[int, int], list[Number]] = {}

    def numbers(self, start: int, end: int) -> list[Number]:
        """find_numbers(text, start, end), remembered until the next clause begins."""
        found = self._numbers.get((start, end))
        if found is None:
            found = find_numbers(self.text, start, end)
            said = word_figures(self.text, start, end)
            if said:
                found = sorted(found + said, key=lambda n: n.start)
            self._numbers[start, end] = found
        return found

    def next_clause(self) -> None:
        """Forget the numbers of the clause read: its spans are not asked about again."""
        self._numbers.clear()

    def sentence_start(self, position: int) -> int:
        """Where the sentence holding `position` begins: after the last 。 ; or line end."""
        start, known = self._sentence
        if position < start:
            return max(self.text.rfind(mark, 0, position) for mark in "。;\n") + 1
        if position > known:
            found = max(self.text.rfind(mark, known, position) for mark in "。;\n")
            start = start if found == -1 else found + 1
            self._sentence = (start, position)
        return start

    def line_start(self, position: int) -> int:
        start, known = self._line
        if position < start:
            return self.text.rfind("\n", 0, position) + 1
        if position > known:
            found = self.text.rfind("\n", known, position)
            start = start if found == -1 else found + 1
            self._line = (start, position)
        return start

    def first_on_line(self, position: int) -> bool:
        """Whether only white space stands between the line's start and `position`."""
        start = self.line_start(position)
        line, first = self._first
        if line != start:
            found = _NOT_BLANK.search(self.text, start)
            first = len(self.text) if found is None else found.start()
            self._first = (start, first)
        return first >= position

    def quoted(self, clause_start: int, position: int) -> bool:
        """Whether `position` is inside quotation marks opened since the clause began."""
        start, known, depth = self._quotes
        if start != clause_start or position < known:
            known, depth = clause_start, 0
        for mark in _NAME_MARK.finditer(self.text, known, position):
            depth = depth + 1 if mark.group() in _NAME_OPEN else max(0, depth - 1)
        self._quotes = (clause_start, position, depth)
        return depth > 0

    def due(self, clause: tuple[int, int], year: int) -> int | str | None:
        """A later year the clause's sentence sets up to the clause's end (到2027年, 今后五年),
        or a month the clause sets (三季度)."""
        known, due = self._clause_due
        if known != clause:
            due = self._due_of(clause, year)
            self._clause_due = (clause, due)
        return due

    def _due_of(self, clause: tuple[int, int], year: int) -> int | str | None:
        sentence = self.sentence_start(clause[0])
        match = self._due_in(sentence, clause[1])
        if match is not None:
            return due_year(match, year)
        part = _PART_OF_YEAR.search(self.text, clause[0], clause[1])
        if part is not None:
            return f"{year}-{_PART_END[part.group(1)]}"
        return None

    def _due_in(self, sentence: int, end: int) -> re.Match[str] | None:
        """`_DUE.search(text[sentence:end])`, from the first due date up to the sentence's end,
        found once per sentence."""
        if self._due[0] != sentence:
            stop = _SENTENCE_END.search(self.text, sentence)
            last = len(self.text) if stop is None else stop.start()
            self._due = (sentence, _DUE.search(self.text, sentence, last), last)
        _, first, last = self._due
        if end > last:  # a clause that runs on past a 。 in quotation marks
            return _DUE.search(self.text, sentence, end)
        if first is None or first.start() >= end:
            return None
        if first.end() <= end:
            return first
        return _DUE.search(self.text, sentence, end)  # a date cut by the clause's end


def extract(text: str, parts_of: Layout, year: int) -> Extraction:
    """Commitments and excluded numbers of the plan part of folded report text."""
    result = Extraction()
    read = Reading(text)
    #: Where the verb stands of a list of names that ran to the end of the clause before, when
    #: that clause ended at a comma: the next clause may go on with the list.
    opened: int | None = None
    for clause in clauses(text, parts_of.plan_start, parts_of.plan_end):
        if clause[1] - clause[0] > MAX_CLAUSE_CHARS:
            _too_long(text, clause, result)
            opened = None
            continue
        read.next_clause()
        numeric = len(result.drafted)
        for a, b, subjects in parts(text, *clause, read):
            _part(text, (a, b), clause, subjects, None, result, read)
        # what the clause's entries already hold: the figure of each, or a wording's span
        taken = [
            (d.number.start, d.number.end) if d.number else (d.start, d.end)
            for d in result.drafted[numeric:]
        ]
        items = deliverables(text, *clause)
        if not items and opened is not None and len(result.drafted) == numeric:
            items = continuing(text, *clause, opened)
        for item in items:
            if any(item.start < b and a < item.end for a, b in taken):
                continue  # 建成组团式和美乡村10个 is the figure's entry
            result.add(_deliverable(item, None))
        ran_on = bool(items) and not _has_text(text, items[-1].end, clause[1])
        opened = items[-1].start if ran_on and text.startswith(",", clause[1]) else None
        if len(result.drafted) > numeric:  # the due date, looked for only where it is needed
            due = read.due(clause, year)
            if due is None:
                due = parts_of.horizon_at(clause[0])
            for k in range(numeric, len(result.drafted)):
                result.drafted[k] = msgspec.structs.replace(result.drafted[k], due=due)
    return result


def _too_long(text: str, clause: tuple[int, int], result: Extraction) -> None:
    """The numbers of a clause too long to be a sentence's part: none is read as a commitment."""
    room = MAX_DRAFT_NUMBERS - result.numbers
    try:
        found = find_numbers(text, *clause, limit=room)
    except TooManyNumbersError:
        raise DraftTooLargeError("numbers", MAX_DRAFT_NUMBERS) from None
    result.count(len(found))
    result.excluded.extend(Excluded(n, TOO_LONG) for n in found)


def _deliverable(item: Deliverable, due: int | str | None) -> Drafted:
    """A named deliverable as a yes/no commitment due at the end of the plan's year."""
    return Drafted(
        start=item.start,
        end=item.end,
        comparator="done",
        value=None,
        unit="",
        subject=item.name,
        due=due,
        checks=(DELIVERABLE_CHECK,),
    )


def _part(
    text: str,
    span: tuple[int, int],
    clause: tuple[int, int],
    subjects: int,
    due: int | str | None,
    result: Extraction,
    read: Reading,
) -> None:
    a, b = span
    candidates: list[tuple[Number, str]] = []
    found = read.numbers(a, b)
    result.count(len(found))
    quote_start = a + lead_length(text, a, b)
    for number in found:
        unit = unit_of(text, number, quote_start)
        reason = why_not(text, number, unit, clause, read) or describes(
            text, number, quote_start, clause
        )
        if reason is None:
            candidates.append((number, unit))
        elif not number.word:  # a figure said in words is no number a registry must cover
            result.excluded.append(Excluded(number, reason))
    if not candidates:
        comparator = rule_without_number(text[a:b])
        if comparator is not None:
            copies = _sharing(text, quote_start, b, comparator, subjects)
            result.add(
                Drafted(
                    start=quote_start,
                    end=b,
                    comparator=comparator,
                    value=None,
                    unit="",
                    subject=text[quote_start:b],
                    due=due,
                    checks=(_shared(copies),) if copies > 1 else (),
                    copies=copies,
                )
            )
        return
    keep = [c for c in commitments(text, candidates, a, b) if not threshold(text, c, b, clause[1])]
    kept = set(keep)
    for number, unit in candidates:
        if (number, unit) not in kept and not number.word:
            result.excluded.append(Excluded(number, "describes the subject (a threshold or count)"))
    said_at = text.find("分别", a, b)
    respectively = said_at != -1
    opening = clause[0] + lead_length(text, *clause)  # 突破A…、B…: more than each figure
    if len(keep) == 2 and is_range(text, keep[0][0], keep[1][0]):
        (low, _), (high, unit) = keep
        entry = _drafted(
            text, (quote_start, b), high, unit, due, subjects, respectively, opening=opening
        )
        result.add(
            msgspec.structs.replace(entry, comparator="range", value=(low.value, high.value))
        )
        return
    names: list[tuple[str, str | None]] | None = None
    if respectively and len(keep) > 1 and quote_start < said_at < keep[0][0].start:
        names = respective_names(text[quote_start:said_at], len(keep))
    for k, (number, unit) in enumerate(keep):
        result.add(
            _drafted(
                text,
                (quote_start, b),
                number,
                unit,
                due,
                subjects,
                respectively,
                opening=opening,
                own=names[k] if names else None,
            )
        )


def respective_names(words: str, count: int) -> list[tuple[str, str | None]]:
    """The name of each of `count` subjects that 分别 shares one wording among, from the words
    before 分别, and the check each needs (None when it is sure): 粮食播种面积和产量 is
    粮食播种面积 and 粮食产量 (the words of a known subject the first begins with);
    城镇、农村居民人均可支配收入 is 城镇居民人均可支配收入 and 农村居民人均可支配收入 (the words
    the last ends with). A subject that is only its own short words (碳排放 after 单位能耗) is
    to be completed; subjects that do not match the figures in number each get them all,
    without 分别, to be told apart."""
    items = _list_items(words)
    if len(items) != count or not all(items):
        return [("、".join(items) or words, _shared(count))] * count
    *modifiers, last = items
    size = len(modifiers[0])
    if all(len(m) == size <= 2 for m in modifiers) and len(last) > size + 1:
        tail = last[size:]  # 城镇、农村居民人均可支配收入: each before the last one's words
        sure: list[tuple[str, str | None]] = [(m + tail, None) for m in modifiers]
        return [*sure, (last, None)]
    first = items[0]
    head = _subject_head(first)
    names: list[tuple[str, str | None]] = [
        (first, None if len(first) > _PART_OF_NAME else RESPECTIVE_CHECK)
    ]
    for item in items[1:]:
        if len(item) > _PART_OF_NAME or subject_id(item) is not None:
            names.append((item, None))
        elif head:
            names.append((head + item, None))  # 粮食播种面积和产量: 粮食产量
        else:
            names.append((item, RESPECTIVE_CHECK))
    return names


def _list_items(words: str) -> list[str]:
    """The items of a list of subjects, split at 、 和 及 与 outside quotation marks (in one
    pass: the depth of quotation marks is carried from one mark to the next)."""
    items, begin, depth = [], 0, 0
    for mark in _RESPECTIVE_MARK.finditer(words):
        found = mark.group()
        if found in _NAME_OPEN:
            depth += 1
        elif _NAME_MARK.fullmatch(found):
            depth = max(0, depth - 1)
        elif depth == 0:
            items.append(words[begin : mark.start()].strip())
            begin = mark.end()
    items.append(words[begin:].strip())
    return items


def _subject_head(first: str) -> str:
    """The words a list's first subject shares with those after it: up to the end of the last
    known subject it holds, when words of its own follow (粮食 of 粮食播种面积, 单位地区生产总值
    of 单位地区生产总值能耗); "" when it holds none."""
    ends = [
        at + len(words)
        for words, _, _ in SUBJECTS
        if (at := first.find(words)) != -1 and at + len(words) < len(first)
    ]
    return first[: max(ends)] if ends else ""


def _shared(copies: int) -> str:
    return f"one quote, {copies} commitments: give each its own name"


def _sharing(text: str, start: int, end: int, comparator: str, subjects: int) -> int:
    """How many subjects one wording without a figure is about: each item of a list before it
    (城镇、农村居民…同步), both of 双下降, and both sides of 和 before 稳中有升 / 均."""
    if comparator == "done":
        return subjects + (_joined(text, start, end) if _BOTH.search(text, start, end) else 0)
    if "双" in text[start:end] and comparator == "below_baseline":
        return 2
    if comparator not in ("in_step", "steady", "below_baseline", "faster_than"):
        return 1
    if "等" in text[start:end]:
        return 1  # A、B、C等份额: one category
    said = next(
        (
            m.start()
            for p, c in WORDING_RULES
            if c == comparator and (m := p.search(text, start, end))
        ),
        end,
    )
    return max(1, subjects) + _joined(text, start, said)


def _joined(text: str, start: int, end: int) -> int:
    """How many 和 join subjects in text[start:end], outside quotation marks."""
    return sum(
        1
        for m in _SUBJECT_AND.finditer(text, start, end)
        if not _inside_quotes(text, start, m.start())
    )


def _inside_quotes(text: str, start: int, position: int) -> bool:
    depth = 0
    for mark in _NAME_MARK.finditer(text, start, position):
        depth = depth + 1 if mark.group() in _NAME_OPEN else max(0, depth - 1)
    return depth > 0


def _drafted(
    text: str,
    quote: tuple[int, int],
    number: Number,
    unit: str,
    due: int | str | None,
    subjects: int,
    respectively: bool,
    *,
    opening: int | None = None,
    own: tuple[str, str | None] | None = None,
) -> Drafted:
    """One figure's entry; `opening` is where the words of its clause begin, when its list
    item begins later (突破A4000亿元、B2000亿元: 突破 opens the clause for both); `own` is the
    name of its subject when 分别 shares the wording among several, and the check it needs."""
    start, end = quote
    before = text[start : number.start]
    after = _PAREN.sub("", text[number.end + written_length(text, number, unit) : end])
    comparator = comparator_for(before, after, unit)
    lead = _MORE_LEAD.match(text, start, number.start) or (
        opening is not None and _MORE_LEAD.match(text, opening, number.start)
    )
    if comparator == "at_least" and lead and not after.startswith("以上"):
        comparator = "more_than"  # 奋力突破地区生产总值4000亿元, not 突破…20项以上
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
    if not respectively and _EACH.search(before):
        copies = max(before.count("“"), 2)  # “美丽小区”“美丽街巷”各100个
    elif not respectively and _BOTH.search(before):
        copies = subjects + _joined(text, start, number.start)  # A和B均增长6%
    elif not respectively and subjects > 1 and unit == "%" and _SHARED_RATE.search(before):
        copies = subjects  # 地区生产总值、固定资产投资增长5%左右: each grows by 5 %
    if copies > 1:
        checks.append(_shared(copies))
    if own is not None:
        subject = own[0]  # 粮食产量, not 粮食播种面积和产量分别达到120.3万亩以上、
        if own[1] is not None:
            checks.append(own[1])
    if number.word:
        checks.append(WORDS_CHECK)
    if unit in MULTIPLES:
        checks.append("no unit is written after the figure's 万 or 亿: enter the unit it counts")
    elif unit_guessed(text, number, unit):
        checks.append("no unit is written after the figure: its unit is read from the noun")
    if (
        unit == "个百分点"
        and re.search(r"(高于|快于)[^,。;]*$", before)
        and not after.startswith("以上")
    ):
        checks.append("faster than another quantity by the points the quote states: the margin")
        comparator, value, unit = "faster_than", None, "%"
    return Drafted(
        start=start,
        end=end,
        comparator=comparator,
        value=value,
        unit=unit,
        subject=subject.strip() or text[start:end],
        # a fall entered as its size is better the larger it is: no direction of its own
        direction=None if entered_as else direction_for(subject, comparator, before),
        due=due,
        checks=tuple(checks),
        number=number,
        copies=copies,
        entered_as=entered_as,
    )
