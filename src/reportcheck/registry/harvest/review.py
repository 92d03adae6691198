"""The review part of next year's report as figures: each number with its unit, what it
measures, and how the text states it.

Every position is an offset into the report's text (folded to the same length, see
`prose.textnums.fold`), so each source is a verbatim slice of it.

A figure's subject is the text before it in its sentence, back to the figure before it: in
"新认定高新技术企业323家、国家科技型中小企业2804家" the second figure measures
国家科技型中小企业 alone. A figure whose own words name nothing ("…4015亿元，增长5.8%") takes the
subject of the figure before it; "A、B分别增长10%、7.9%" gives each figure its own item
(lists.py). The words around each number are read by wording.py.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_right
from collections.abc import Iterable
from decimal import Decimal

import msgspec

from reportcheck.model.limits import MAX_DRAFT_NUMBERS
from reportcheck.registry.harvest.lists import respectively
from reportcheck.registry.harvest.ranks import Rank, places, rank_at
from reportcheck.registry.harvest.wording import (
    ESTIMATE,
    NOT_FIGURE_AFTER,
    NOT_FIGURE_BEFORE,
    SCALES,
    UNIT,
    Peeled,
    inside_name,
    peel,
)
from reportcheck.registry.prose.textnums import Number, TooManyNumbersError, find_numbers, fold

#: A top heading, with the bold or heading marks a text converted from a web page keeps.
_TOP = re.compile(r"^[ \t\u3000*#]*([一二三四五六七八九十]+)、(.*)$", re.MULTILINE)
_REVIEW_TITLE = re.compile(r"回顾|成绩|成就|主要工作(?!安排)")
_YEAR = re.compile(r"(20\d\d)年")
#: The year a review looks back on, said in its first sentence when it has no heading.
_PAST_YEAR = re.compile(r"(?:过去的|回顾)(20\d\d)年")
_SENTENCE_END = "。;!?\n"
#: A paragraph that opens an account of five years (五年来…, 这是…的五年, 回望过去五年): its
#: figures, and those of the paragraphs after it, are totals or averages of five years, except
#: the end of "从X提高到Y", the last year's level; and one that opens the account of the year
#: ((一)…, 一年来, 这一年), which ends it.
_FIVE_YEARS = re.compile(r"过去五年|五年来|过去的五年|的五年|“十四五”(?:时期|以来|期间)")
_ONE_YEAR = re.compile(r"\((?:一|1)\)|一年来|这一年|过去一年|刚刚过去的|过去的20\d\d年")
_SPAN_WORDS = re.compile(
    r"累计|年均|(?<![\d.])(?:五|5|三|3|两|2|十|10)年(?!度)|近年|以来|十四五|历年|连续"
)

#: A subject that names nothing: only these words stand between the figure before and this one.
_EMPTY_SUBJECT = re.compile(
    r"^[、，,和及与以并且其中同比分别均全年年度当年\s]*(?:同比|比上年|全年|分别|均|其中|并|且)?[、，,\s]*$"
)


class Figure(msgspec.Struct, frozen=True, kw_only=True):
    """One number of the review with its unit and what the text says around it.

    `value` is the number as written in `unit` (which holds its scale: 万套, 亿元); `base` the
    unit without the scale and `scale` the scale's factor. `change` is "up" (增长 5.8%), "down"
    (下降 1.3%), "points-up" / "points-down" (提高 2.6 个百分点) or "" for a level. `bound` is
    ">" (超, 突破, 7.9万多) or ">=" (以上) for a figure published as a bound; `approx` marks
    约, 近 and 左右, `estimate` 预计 and 有望. `spans` marks a total or average of several years
    (累计, 年均, a five-year account) or a figure shared by several things (城乡居民收入分别增长
    3.6%、6%), which states no one indicator's outcome.

    `subject` is what the figure measures, in the text's words: those before it, or those after
    it for a count written first (首批6个人工智能产业生态创新空间); `sentence_before` the rest of
    its sentence before the subject, where words the subject shares with others stand (举办会展
    216场、演唱会164场: 举办).
    """

    start: int  # the number
    end: int  # the end of its unit and of 以上 / 左右
    value: Decimal
    unit: str
    base: str
    scale: int
    change: str
    bound: str | None
    approx: bool
    estimate: bool
    spans: bool
    subject: str  # folded
    subject_start: int
    sentence: tuple[int, int]
    line: int
    counted_first: bool = False
    #: The subject of the first figure of the list this one ends (举办会展216场、演唱会164场:
    #: 举办会展), whose leading verb stands for the whole list.
    list_head: str = ""
    #: The figure's sentence before its subject, where a verb it shares may stand.
    sentence_before: str = ""
    #: Where the statement ends: the figure's end, the end of the words after a count written
    #: first, or the last figure of its 分别.
    source_end: int = 0
    #: For a rank (居全省第1), the field it is ranked in (全省); None for any other figure.
    rank_field: str | None = None

    @property
    def source(self) -> tuple[int, int]:
        """The span of the review that states the figure: its subject to its end."""
        return self.subject_start, max(self.end, self.source_end)


class Review(msgspec.Struct, frozen=True, kw_only=True, dict=True):
    """The review part of a report: where it lies, the year it looks back on (None when the
    text does not say), and its figures.

    Its figures' words and its clauses are indexed by their pairs of characters when first
    asked for (hence dict=True), so that a promise is compared with the few statements that
    share its words, not with all of them: a long review costs time in proportion to it."""

    text: str
    folded: str
    start: int
    end: int
    year: int | None
    figures: tuple[Figure, ...]
    line_starts: tuple[int, ...]
    sentence_ends: tuple[int, ...]

    def line_of(self, position: int) -> int:
        return bisect_right(self.line_starts, position)

    @functools.cached_property
    def contexts(self) -> tuple[str, ...]:
        """Each figure's words, written as promises' are (similar.normal), its last 40."""
        from reportcheck.registry.harvest.similar import normal

        return tuple(normal(f.subject)[-_CONTEXT:] for f in self.figures)

    @functools.cached_property
    def _figure_pairs(self) -> dict[str, list[int]]:
        return _index(self.contexts)

    def figures_sharing(self, words: Iterable[str]) -> list[int]:
        """The figures whose words hold at least a third of the pairs of characters of one of
        `words`, in their order."""
        return _sharing(self._figure_pairs, words)

    @functools.cached_property
    def clauses(self) -> tuple[tuple[int, int], ...]:
        """The clauses of the review (parts of sentences between commas)."""
        found = []
        start = self.start
        for match in _CLAUSE_END.finditer(self.folded, self.start, self.end):
            if match.start() > start:
                found.append((start, match.start()))
            start = match.end()
        if start < self.end:
            found.append((start, self.end))
        return tuple(found)

    @functools.cached_property
    def _clause_pairs(self) -> dict[str, list[int]]:
        from reportcheck.registry.harvest.similar import normal

        return _index([normal(self.folded[a:b]) for a, b in self.clauses])

    def clauses_sharing(self, words: Iterable[str]) -> list[int]:
        """The clauses that hold at least a third of the pairs of characters of one of `words`."""
        return _sharing(self._clause_pairs, words)

    def sentence_at(self, position: int) -> tuple[int, int]:
        """The sentence (up to 。；！？ or a line end) holding `position`."""
        at = bisect_right(self.sentence_ends, position)
        start = self.sentence_ends[at - 1] + 1 if at else self.start
        end = self.sentence_ends[at] if at < len(self.sentence_ends) else self.end
        return max(start, self.start), end


#: How much of a figure's words, back from the figure, are compared with a promise's.
_CONTEXT = 40
_CLAUSE_END = re.compile(r"[,;。!?\n]")


def _index(texts: Iterable[str]) -> dict[str, list[int]]:
    """Which texts hold each pair of characters."""
    index: dict[str, list[int]] = {}
    for i, text in enumerate(texts):
        for pair in {text[j : j + 2] for j in range(len(text) - 1)}:
            index.setdefault(pair, []).append(i)
    return index


def _sharing(index: dict[str, list[int]], words: Iterable[str]) -> list[int]:
    found: set[int] = set()
    for word in words:
        pairs = {word[j : j + 2] for j in range(len(word) - 1)}
        hits: dict[int, int] = {}
        for pair in pairs:
            for i in index.get(pair, ()):
                hits[i] = hits.get(i, 0) + 1
        least = max(1, len(pairs) // 3)
        found.update(i for i, n in hits.items() if n >= least)
    return sorted(found)


def read_review(text: str) -> Review:
    """The review part of `text` and its figures; the whole text when it has no headings."""
    folded = fold(text)
    start, end, year = review_part(folded)
    line_starts = (0, *(m.end() for m in re.finditer("\n", text)))
    ends = tuple(m.start() for m in re.compile(f"[{_SENTENCE_END}]").finditer(folded, start, end))
    review = Review(
        text=text,
        folded=folded,
        start=start,
        end=end,
        year=year,
        figures=(),
        line_starts=line_starts,
        sentence_ends=ends,
    )
    try:
        figures = tuple(_figures(review))
    except TooManyNumbersError:
        raise ReviewTooLargeError(MAX_DRAFT_NUMBERS) from None
    return msgspec.structs.replace(review, figures=figures)


class ReviewTooLargeError(ValueError):
    """A review with more numbers than any report holds (MAX_DRAFT_NUMBERS): not read."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"more than {limit} numbers")
        self.limit = limit


def review_part(folded: str) -> tuple[int, int, int | None]:
    """Where the review lies and the year it looks back on: from the heading that reviews (一、
    2023年工作回顾) to the next top heading; without one, the text before the first plan heading,
    or the whole text."""
    headings = list(_TOP.finditer(folded))
    for i, heading in enumerate(headings):
        if _REVIEW_TITLE.search(heading.group(2)):
            end = headings[i + 1].start() if i + 1 < len(headings) else len(folded)
            named = _YEAR.search(heading.group(2))
            return heading.end(), end, int(named.group(1)) if named else _past_year(folded)
    end = headings[0].start() if headings and headings[0].start() > 0 else len(folded)
    return 0, end, _past_year(folded[:end])


def _past_year(folded: str) -> int | None:
    match = _PAST_YEAR.search(folded)
    return int(match.group(1)) if match else None


def _figures(review: Review) -> list[Figure]:
    folded = review.folded
    numbers = find_numbers(folded, review.start, review.end, limit=MAX_DRAFT_NUMBERS)
    numbers = sorted(
        [
            *numbers,
            *_round_figures(folded, review.start, review.end),
            *places(folded, review.start, review.end),
        ],
        key=_start,
    )
    found: list[Figure] = []
    sentence = (-1, -1)
    previous: Figure | None = None
    five_years = False
    paragraph = -1
    for number in numbers:
        if not sentence[0] <= number.start < sentence[1]:
            sentence = review.sentence_at(number.start)
            previous = None
        line = review.line_of(number.start)
        if review.line_starts[line - 1] != paragraph:
            paragraph = review.line_starts[line - 1]
            five_years = _five_years(folded, paragraph, five_years)
        rank = rank_at(folded, number.start, number.end, sentence[0])
        if rank is not None:
            ranked = _ranks(folded, number, rank, sentence, found, line)
            found.extend(ranked)
            previous = ranked[-1] if ranked else previous
            continue
        figure = _figure(folded, number, sentence, previous, line, five_years)
        if figure is not None:
            found.append(figure)
            previous = figure
    return respectively(folded, found)


def _ranks(
    folded: str,
    number: Number,
    rank: Rank,
    sentence: tuple[int, int],
    found: list[Figure],
    line: int,
) -> list[Figure]:
    """The figures of a rank: one for what its own words name (金融业综合实力居全国第5), for
    the figure before it (实际利用外资35.1亿美元、保持全省第1), or, with 均, for each item of the
    list before it. A rank is the year's as it stands, unless its clause counts years (连续5年)."""
    previous = found[-1] if found and found[-1].sentence == sentence else None
    low = previous.end if previous is not None else sentence[0]
    own = folded[low : rank.verb_start]
    clause_start = _clause_start(folded, number.start, sentence[0])
    spans = bool(_SPAN_WORDS.search(folded, clause_start, number.start))

    def ranked(subject: str, subject_start: int, head: str = "") -> Figure:
        return Figure(
            start=number.start,
            end=rank.end,
            value=number.value,
            unit="位",
            base="位",
            scale=1,
            change="",
            bound=None,
            approx=False,
            estimate=bool(ESTIMATE.search(folded, clause_start, number.start)),
            spans=spans,
            subject=_RANK_NAME.sub("", subject),
            subject_start=subject_start,
            sentence=sentence,
            line=line,
            list_head=head,
            sentence_before=folded[sentence[0] : subject_start],
            rank_field=rank.scope,
        )

    if not _names_nothing(own):
        start = low + _lead(own)
        items = [x for x in re.split("[、和]", own[_lead(own) :]) if x] if rank.shared else [own]
        return [ranked(item, start, items[0] if i else "") for i, item in enumerate(items)]
    if previous is None:
        return []
    if not rank.shared:
        return [ranked(previous.subject, previous.subject_start)]
    chain = [previous]
    for before in reversed(found[:-1]):
        if before.sentence != sentence or before.rank_field is not None:
            break
        if before.end > chain[-1].subject_start:
            break  # the figures of one subject (4015亿元，增长5.8%): ranked once
        between = folded[before.end : chain[-1].subject_start]
        if not re.fullmatch(r"[、,，和及与]{0,2}", between):
            break
        chain.append(before)
    chain.reverse()
    head = re.split(",", chain[0].subject)[-1]
    return [ranked(f.subject, f.subject_start, head if i else "") for i, f in enumerate(chain)]


#: The words that say a subject is ranked: 国家创新型城市创新能力排名居全国第4.
_RANK_NAME = re.compile(r"(?:排名|排位|位次)$")


#: A round figure written without a digit: 突破万亿元, 迈上千亿 (a thousand 亿).
_ROUND = re.compile(r"(?:突破|破|超过|超|逾|达到|达|迈上|跨越|跨上)(万亿|千亿|百亿)")
_ROUND_VALUES = {"万亿": (1, 0), "千亿": (1000, 1), "百亿": (100, 1)}


def _round_figures(folded: str, start: int, end: int) -> list[Number]:
    """突破万亿元 as the number 1 before 万亿元, 迈上千亿 as 1000 before 亿."""
    found = []
    for match in _ROUND.finditer(folded, start, end):
        value, width = _ROUND_VALUES[match.group(1)]
        at = match.start(1)
        found.append(
            Number(start=at, end=at + width, value=Decimal(value), written=match.group(1)[:width])
        )
    return found


def _start(number: Number) -> int:
    return number.start


#: What follows a count written before its noun: not a verb or a mark (6个人工智能…空间).
_NOUN_AFTER = re.compile(
    r"的?((?:[\d.]+(?:万亿|亿|万|千)?元以上的?)?[\u4e00-\u9fff“A-Za-z][^,，、;。:：\n\d]{1,40})"
)
_NOT_NOUN = re.compile(
    r"^(?:的?(?:增长|下降|提高|提升|左右|以上|以下|多|余|次|年|月|分别|均|和|及|与|等|同比|比|"
    r"居|位|列|占|达|为|是|创|实现|完成|,|、))"
)
#: A share that names only what it is a share of (占全国份额, 占GDP比重): of what the figure
#: before measures.
_SHARE = re.compile(r"[、,，\s]*(占[^,，、;。]{1,12}(?:份额|比重|比例))$")
_MEASURE_WORDS = re.compile(r"(?:规模|总额|总量)$")
#: A subject's words about where a figure came from: 从3.42%, 从2020年的1.69万亿元.
_FROM = re.compile(r"(?:从|由)[^,，;。]*$")
#: The X of 从X提高到Y (从2020年的1.69万亿元): where a figure came from, a year long past.
_FROM_START = re.compile(r"(?:从|由)(?:20\d\d年的?)?$")


def _counts_within(folded: str, position: int, base: str) -> bool:
    """A count of the same unit follows a count written first, with no mark between: the first
    says where the second's things are (8个城市重点发展区块实施项目392个), not an outcome; a
    figure of another unit measures what the first counts (1596个重大项目完成投资1.5万亿元)."""
    unit = re.match(r"[\d.]+(?:万亿|亿|万|千)?(?:多|余)?(\D)", folded[position : position + 16])
    return bool(base) and unit is not None and folded.startswith(base, position + unit.start(1))


def _five_years(folded: str, paragraph: int, before: bool) -> bool:
    """Whether a paragraph belongs to an account of five years: it opens one, or it follows one
    and opens no account of the year."""
    opening = folded[paragraph : paragraph + 60]
    if _FIVE_YEARS.search(opening):
        return True
    return before and not _ONE_YEAR.search(opening[:40])


def _figure(
    folded: str,
    number: Number,
    sentence: tuple[int, int],
    previous: Figure | None,
    line: int,
    five_years: bool,
) -> Figure | None:
    if number.fraction is not None or inside_name(folded, number.start, sentence[0]):
        return None
    if NOT_FIGURE_BEFORE.search(folded[max(sentence[0], number.start - 6) : number.start]):
        return None
    unit = UNIT.match(folded, number.end, sentence[1])
    assert unit is not None  # every group is optional
    base = unit.group("unit") or ""
    scale = unit.group("scale") or ""
    if not base and NOT_FIGURE_AFTER.match(folded[number.end : number.end + 4]):
        return None
    if base in ("", "个") and NOT_FIGURE_AFTER.match(folded[unit.end() : unit.end() + 3]):
        return None
    after = unit.group("after") or ""
    if after in ("以上", "以下") and _qualifies(folded, unit.end(), sentence[1]):
        return None  # 3亿元以上项目, 35周岁以下大学生: a threshold of what is counted
    if number.percent:  # 两成: a share written in words
        base = "%"
    more = unit.group("more") or (after if after in ("多", "余") else "")
    low = previous.end if previous is not None else sentence[0]
    words = folded[low : number.start]
    peeled = peel(words)
    bound = ">" if (peeled.over or more) else (">=" if after == "以上" else None)
    change = peeled.change
    if base == "个百分点":
        change = "points-down" if change == "down" else "points-up"
    elif base != "%" and change in ("up", "down"):
        change = ""  # 增加120家, 减少3起: a count, not a rate of change
    own = _FROM.sub("", peeled.rest)
    subject_start = low + _lead(words)
    noun = None if base in ("%", "个百分点") else _NOUN_AFTER.match(folded, unit.end(), sentence[1])
    counted_first = noun is not None and not _NOT_NOUN.match(noun.group())
    if counted_first and noun is not None and _counts_within(folded, noun.end(), base):
        return None  # 8个城市重点发展区块实施项目392个: the 8 is of the next figure's subject
    source_end = 0
    share_of = _share_of(folded, unit.end(), sentence[1]) if base == "%" else None
    if share_of is not None:
        subject, source_end = share_of
        subject_start = number.start
    elif counted_first and noun is not None:
        subject = re.split(",", own)[-1] + noun.group(1)
        source_end = noun.end()
    elif previous is not None and _names_nothing(own):
        subject, subject_start = previous.subject, previous.subject_start
    elif previous is not None and (part := re.match(r"[、,，\s]*其中", own)):
        subject = _part_of(previous.subject, own[part.end() :]) or previous.subject + own
    elif previous is not None and (share := _SHARE.match(own)):
        # 出口规模突破4万亿元，占全国份额…15.5%: the share is of what the clause before measures
        subject = _MEASURE_WORDS.sub("", previous.subject) + share.group(1)
        subject_start = previous.subject_start
    else:
        subject = own
    clause_start = _clause_start(folded, number.start, sentence[0])
    inherited = previous is not None and subject_start == previous.subject_start
    end_point = bool(
        re.search(r"(?:从|由)[^,，;。]{0,30}(?:到|至)$", folded[sentence[0] : number.start])
    )
    spans = bool(_SPAN_WORDS.search(folded, clause_start, number.start))
    spans = spans or (inherited and previous is not None and previous.spans)
    spans = spans or (
        five_years and not end_point and not _end_level(folded, clause_start, number, peeled, base)
    )
    if _FROM_START.search(folded[max(sentence[0], number.start - 12) : number.start]):
        return None  # the X of 从X提高到Y: a year long past
    estimate = bool(ESTIMATE.search(folded, clause_start, number.start))
    return Figure(
        start=number.start,
        end=unit.end(),
        value=number.value,
        unit=scale + base,
        base=base,
        scale=SCALES.get(scale, 1),
        change=change,
        bound=bound,
        approx=peeled.approx or after == "左右",
        estimate=estimate,
        spans=spans,
        subject=subject,
        subject_start=subject_start,
        sentence=sentence,
        line=line,
        counted_first=counted_first,
        list_head=_list_head(folded, previous, low),
        sentence_before=folded[sentence[0] : subject_start],
        source_end=source_end,
    )


#: A share written before what it is a share of (80.1%的新出让工业用地…投向民间投资项目): the
#: verb that says where the whole went, said once after the list's last item.
_SHARE_OF = re.compile(r"的([^、,，;。\d%]{2,24})")
_SHARE_VERB = re.compile(r"投向|用于|流向|来自|投入")


def _share_of(folded: str, position: int, end: int) -> tuple[str, int] | None:
    """What a share written before its noun measures (80.1%的新出让工业用地、94.1%的新增用能
    投向民间投资项目: 新出让工业用地投向民间投资项目占比) and where its statement ends; None
    when no verb of the list's last item says what the share is of."""
    noun = _SHARE_OF.match(folded, position, end)
    if noun is None:
        return None
    stop = _CLAUSE_END.search(folded, position, end)
    clause_end = stop.start() if stop else end
    last = folded[position:clause_end].rsplit("、", maxsplit=1)[-1]
    verb = _SHARE_VERB.search(last)
    if verb is None:
        return None
    own = _SHARE_VERB.split(noun.group(1))[0]
    return own + last[verb.start() :] + "占比", clause_end


def _part_of(whole: str, part: str) -> str:
    """What a part after 其中 measures, when it names its kind by the whole's noun (新开工亿元以上
    项目932个、其中产业项目524个): the whole's words with the part's in place of the noun
    (新开工亿元以上产业项目); "" when the part ends otherwise (其中制造业…占比)."""
    shared = 0
    while shared < min(len(whole), len(part)) and whole[-shared - 1] == part[-shared - 1]:
        shared += 1
    if shared < 2 or shared == len(part):
        return ""
    return whole[: len(whole) - shared] + part


def _list_head(folded: str, previous: Figure | None, low: int) -> str:
    """The subject of the list's first figure, when this figure follows another after 、."""
    if previous is None or not folded.startswith("、", low):
        return ""
    return previous.list_head or re.split(",", previous.subject)[-1]


#: Words of a flow: counted over a span of years they make a total, not a level.
_FLOW = re.compile(
    r"新增|新建|新改|改造|引进|招引|累计|建成|完成|开工|实施|培育|认定|吸引|举办|发放"
)


def _end_level(folded: str, start: int, number: Number, peeled: Peeled, base: str) -> bool:
    """A figure of a five-year account that is the last year's level all the same: a share or
    a rate stated as it stands (城镇化率超81%), or a level reached (产业规模突破8500亿元,
    经营主体数量达到270万户), where the words count no flow (新增学位35.3万个 is five years')."""
    if peeled.change or _FLOW.search(folded, start, number.start):
        return False
    return base == "%" or peeled.to or peeled.over


def _clause_start(folded: str, position: int, low: int) -> int:
    """Where the clause of a position begins: after the last comma before it, else at `low`."""
    return max(low, folded.rfind(",", low, position) + 1)


def _qualifies(folded: str, position: int, end: int) -> bool:
    """A figure's 以上 / 以下 qualifies what follows it (项目, 的行政村, 55个) rather than ending
    the statement."""
    return position < end and folded[position] not in ",，、;。:：)）\n"


def _names_nothing(own: str) -> bool:
    """The words before a figure name nothing of their own (…4015亿元，增长5.8%)."""
    return bool(_EMPTY_SUBJECT.match(own)) or not re.search(r"[\u4e00-\u9fff]", own)


def _lead(words: str) -> int:
    """How many characters of connecting words and marks a subject starts with."""
    match = re.match(r"[、,，;和及与并且\s]*", words)
    return match.end() if match else 0
