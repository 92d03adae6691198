"""Whether a number of a plan is a promise, and the unit and band it is read with.

A number is no promise when it is a list number, a date, an ordinal, a name's part, a count that
describes (十一个方面, 12项候选项目, 有66万名在园幼儿, 推进A、B等4条廊道建设) or a threshold
inside a noun (亿元以上项目, 20万吨级航道). Works on folded text (see textnums.fold), so every
position is a position in the original.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from reportcheck.registry.prose.wording import (
    MULTIPLES,
    kept_rank,
    noun_unit,
    strived_rank,
    unit_at,
)

if TYPE_CHECKING:
    from reportcheck.registry.draft.extract import Reading
    from reportcheck.registry.prose.textnums import Number

_DIGIT = re.compile(r"\d")

#: What a quote leaves out at its start (list numbers, 我市, 全年 …), one item at a time: as one
#: repeated group, Python's matcher keeps a record of every repetition (600 MB for 4 MB of
#: spaces). A run of white space is one item, as it would be many.
_LEAD_ITEM = re.compile(
    r"\s+|\*+|[0-9]+[.、]|我市|我县|我省|我区|全年|今年|同时|并|拟|计划|20\d\d年"
)

#: What joins one figure to the next of a run (8%、9%; 120万亩以上和10亿斤以上).
_FIGURE_JOINS = ("、", "和", "及", "与", "")

#: A state reached by what a figure qualifies (50万元以上行政村…全覆盖).
_STATE_AFTER = re.compile(r"覆盖|清零")

#: 8%和8.5%, 19个、5个: figures of one phrase, each a commitment.
_RUN_OF_FIGURES = re.compile(r"\d[%个家项所名人万亿元]{0,3}[和、及与]\d")

#: What follows a figure that says its own rule (2家左右, 100场以上, 20多个).
_OWN_WORDING = re.compile(r"以上|左右|以内|以下|多")
#: A join right before the next figure: two figures of two objects (2家A和2家B).
_JOIN_BEFORE = re.compile(r"(?:和|及|与|并)$")
#: Verbs of doing whose object's count is promised (组织8000家次企业, 创建2家饭店).
_ACTION_BEFORE = re.compile(
    r"(?:组织|创建|培育|引进|新增|新建|建成|开展|举办|招引|打造|实施|帮扶|培训|保持|提供)$"
)
#: Words that make a later figure a measure of what an earlier figure counts (10个平台…营收
#: 达到6500亿元, 第一批145个项目完成年度投资896亿元).
_MEASURE_VERB = re.compile(
    r"达到|达|实现|完成|提高|提升|增长|超过|突破|为|占|率|投资|营收|收入|规模"
)

_RANGE = re.compile(r"%?\s*[—\-~至到]{1,2}\s*")
#: A range's high end after its low end (3-5分/立方米, 3—5个): a range of values when a unit
#: follows it, not a date (2025-2027年, 1-2月, 24—26号 have no unit).
_RANGE_REST = re.compile(r"%?\s*[—\-~至到]{1,2}\s*\d+(?:\.\d+)?(?![\d.])")
#: What stands before a range's high end: its low end and the mark between.
_RANGE_BEFORE = re.compile(r"\d%?\s*[—\-~]{1,2}\s*$")

DESCRIBES = "a count that describes what a process works on, not a promise"

#: Verbs of process: what they work on is described by its count, nothing is promised of it.
_PROCESS_VERB = re.compile(
    r"(?:大力|持续|更好|加力|创新|着力|全力|积极|统筹|重点)?"
    r"(?:推进|推动|加快|深化|壮大|培育|做强做优|做强|做优|提升|协作|聚焦|围绕|抓好|落实|落细"
    r"|用好|扩大|做到|优化|完善)"
)

#: Projects a process carries on, already under way: what is counted is not promised.
_CARRIED_ON = re.compile(r"(?:续建|在建)项目")

#: A figure worded as a target whatever verb it follows: 10家以上, 5个左右, 超20个.
_TARGET_WORDING = re.compile(r"[^\d,。;]{0,4}?(?:以上|左右)|多")

_TARGET_BEFORE = re.compile(r"(?:超|超过|突破|新增|累计|力争|达到)$")

#: A place in a ranking: 全省第1, 全国前10.
_RANK_WORDS = re.compile(r"(?:全省|全国|全市|全球|城市|省内|国内|同类)(?:第|前)$")

#: 万 or 亿 after a figure with no unit written after them (80万重点群体, “10万+”).
_MULTIPLE = re.compile("万亿|万|亿")
#: How far before such a figure the noun it counts is looked for (个人养老金开户人数突破500万).
_NOUN_REACH = 16
#: The words after such a figure that may name what it counts, up to a mark or a join.
_NOUN_AFTER = re.compile(r"[^,。;、和及与\d]{1,10}")
#: A figure alone in quotation marks with its 万 or its + (“10万+”): a target's slogan, not a
#: name (“1113”工程 is one).
_FIGURE_QUOTED = re.compile(r"(?:[万亿]+\+?|\+)”")

#: Verbs that promise a place in a ranking said in words (保持全省第一, 进入全国前三).
_REACH_RANK = re.compile(r"保|居|进入|跻身|迈入|挺进|稳定在|巩固|争|排名|达到|实现")

#: A clause that states facts: its first figure follows 有 (有66万名在园幼儿、180多万名…).
_FACTS = re.compile(r"[^\d,。;]{0,6}(?<![具拥所还])有[^\d,。;]{0,2}\d")

#: What may follow a time that is promised (缩短至10分钟以内), not a name (15分钟生活圈).
_TARGET_AFTER_TIME = re.compile(r"以内|以下|左右|$|[,。;]")

#: 十一个方面: the parts the speech is set out in.
_ASPECTS = re.compile(r"个?方面")

#: 12项民生实事候选项目: the count of candidates.
_CANDIDATES = re.compile(r"[^,。;\d]{0,8}候选")

_MEASURES_BEFORE = re.compile(r"(?:政策|举措|措施|意见|办法)$")

_MEASURES_AFTER = re.compile(r"条(?:政策|举措|措施|意见|办法)")


def unit_after(text: str, position: int) -> str:
    return unit_at(text, position)


def why_not(
    text: str, number: Number, unit: str, clause: tuple[int, int], read: Reading
) -> str | None:
    """Why a number is not a commitment, or None when it may be one; `read` carries what the
    text before the number says (its line, its quotation marks)."""
    before = text[max(clause[0], number.start - 3) : number.start]
    after = text[number.end : number.end + 4]
    if read.first_on_line(number.start) and re.match(r"\s*[.、|)]", after):
        return "list number"
    if re.match(r"(19|20)\d\d$", number.written) and re.match(r"(年|-|/|\.\d)", after):
        return "a year or date"
    if (re.match(r"[-:/]\d|[月日时号]", after) or re.search(r"\d[-:/]$", before)) and not (
        unit and (_RANGE_REST.match(text, number.end) or _RANGE_BEFORE.search(before))
    ):
        return "a date or time"
    if before.endswith("第") and not _RANK_WORDS.search(text, clause[0], number.start):
        return "an ordinal"
    if re.search(r"(其他|其余|共|合计|(?<![具拥所还])有|了)$", before):
        return "a count that describes, not a promise"  # 形成了12项, 有66万名在园幼儿
    if _ASPECTS.match(text, number.end):
        return "a count of the speech's parts, not a promise"  # 重点做好十一个方面工作
    if _CANDIDATES.match(text, number.end):
        return "candidates put to the vote, not a promise"
    if _FACTS.match(text, clause[0], number.start + 1):
        return "a count that describes, not a promise"  # 有66万名在园幼儿、180多万名…
    if unit == "分钟" and not _TARGET_AFTER_TIME.match(text, number.end + 2):
        return "part of a name (15分钟生活圈), not a promise"
    if unit == "条" and (
        _MEASURES_BEFORE.search(before) or _MEASURES_AFTER.match(text, number.end)
    ):
        return "the count of a policy's measures, not a promise"  # 政策57条, 32条政策
    if (
        number.word
        and unit == "位"
        and number.written != "领跑"
        and not _REACH_RANK.search(text, max(clause[0], number.start - 12), number.start)
    ):
        return "a ranking named (千亿园区、全省前十), no place promised in it"
    if strived_rank(before, after):
        return "the rank strived for (保7争6): the rank kept is the promise"
    if (
        read.quoted(clause[0], number.start)
        and not kept_rank(before, after)
        and not (before.endswith("“") and _FIGURE_QUOTED.match(text, number.end))
    ):
        return "part of a name in quotation marks"
    if not unit and not number.percent:
        return "no unit: a name, a code or a count that describes"
    return None


def unit_of(text: str, number: Number, quote_start: int) -> str:
    """The unit a number is written with: after it, after 多 (20多个), or the 倍 of a ratio
    named before it (收入倍差缩小至1.58)."""
    if number.percent:
        return "%"
    if number.word and number.written in ("不发生", "领跑"):
        return "起" if number.written == "不发生" else "位"
    unit = unit_after(text, number.end)
    if not unit and text.startswith("多", number.end):
        unit = unit_after(text, number.end + 1)
    if not unit and (rest := _RANGE_REST.match(text, number.end)) is not None:
        unit = unit_after(text, rest.end())  # 3-5分/立方米: the low end takes the high end's unit
    if not unit and (multiple := _MULTIPLE.match(text, number.end)) is not None:
        unit = _counted(text, quote_start, number, multiple)
    if not unit and "倍" in text[quote_start : number.start]:
        unit = "倍"
    if not unit and (
        _RANK_WORDS.search(text, quote_start, number.start)
        or kept_rank(
            text[max(quote_start, number.start - 4) : number.start],
            text[number.end : number.end + 3],
        )
    ):
        unit = "位"  # 保持全省第1, 稳定在全省前4, “保7争6”
    return unit


def _counted(text: str, quote_start: int, number: Number, multiple: re.Match[str]) -> str:
    """The unit of a figure written with 万 or 亿 and no unit: the multiple and the unit of
    the noun after it (为80万重点群体: 万人), else of the noun before it (汽车出口“10万+”: 万辆),
    else the multiple alone (a count in ten thousands, to check)."""
    after = _NOUN_AFTER.match(text, multiple.end())
    before = text[max(quote_start, number.start - _NOUN_REACH) : number.start]
    noun = noun_unit(after.group() if after else "") or noun_unit(before)
    return multiple.group() + noun


def unit_guessed(text: str, number: Number, unit: str) -> bool:
    """Whether the unit is read from the words around a figure written with 万 or 亿 and no
    unit after them (80万重点群体), not written after it."""
    return (
        bool(unit)
        and not text.startswith(unit, number.end)
        and any(unit.startswith(m) and text.startswith(m, number.end) for m in MULTIPLES)
    )


def written_length(text: str, number: Number, unit: str) -> int:
    """How many characters of the unit stand right after the number: none when the unit is
    read from elsewhere (倍差…1.58) or after 多 (20多个, whose 多 the wording reads), only the
    万 or 亿 of one read from a noun (80万重点群体)."""
    if unit and text.startswith(unit, number.end):
        return len(unit)
    if unit_guessed(text, number, unit):
        return len(_MULTIPLE.match(text, number.end).group())  # type: ignore[union-attr]
    return 0


def describes(text: str, number: Number, quote_start: int, clause: tuple[int, int]) -> str | None:
    """Why a count describes what a process works on rather than promising it: the count of a
    list just named (推动A、B、C等4条廊道建设), or of the projects a process carries on
    (推进4个国铁、10个城际等续建项目建设), in a clause a verb of process opens."""
    if _TARGET_WORDING.match(text, number.end) or _TARGET_BEFORE.search(
        text, quote_start, number.start
    ):
        return None  # 推动10家以上企业落户: a figure worded as a target is one
    opening = clause[0] + lead_length(text, *clause)
    if _PROCESS_VERB.match(text, opening, number.start) is None:
        return None
    if text.endswith("等", quote_start, number.start):
        return DESCRIBES
    return DESCRIBES if _CARRIED_ON.search(text, number.end, clause[1]) else None


def commitments(
    text: str, candidates: list[tuple[Number, str]], start: int, end: int
) -> list[tuple[Number, str]]:
    """The numbers a list item promises: the last one, or each one after 分别 / in a range."""
    last_number, _ = candidates[-1]
    if text.find("分别", start, end) != -1 or _RUN_OF_FIGURES.search(
        text, candidates[0][0].start, end
    ):
        return candidates
    if len(candidates) >= 2 and is_range(text, candidates[-2][0], last_number):
        return candidates[-2:]
    own = [
        candidate
        for candidate, (later, _) in itertools.pairwise(candidates)
        if _own_promise(text, candidate, later, start)
    ]
    return [*own, candidates[-1]]


def _own_promise(text: str, candidate: tuple[Number, str], later: Number, start: int) -> bool:
    """Whether a figure before the last of its list item is a promise of its own: worded as
    one (2家左右…及2家左右…), joined to the next (2家…饭店和2家…), or the count a verb of
    doing promises when the next figure measures something else (组织8000家次企业…参加展会
    100场以上), never the count of what the next figure measures (10个平台…营收达到6500亿元) nor
    the per of a rate (每10万人45台)."""
    number, unit = candidate
    after = number.end + written_length(text, number, unit)
    if text.endswith("每", start, number.start) or after >= later.start:
        return False
    if _OWN_WORDING.match(text, after) or _JOIN_BEFORE.search(text, after, later.start):
        return True
    return bool(
        _ACTION_BEFORE.search(text, max(start, number.start - 4), number.start)
        and not _MEASURE_VERB.search(text, after, later.start)
    )


def is_range(text: str, low: Number, high: Number) -> bool:
    """6%—6.5%, 6-6.5%, 6至6.5%: a band, one commitment."""
    return bool(_RANGE.fullmatch(text, low.end, high.start))


def threshold(
    text: str, candidate: tuple[Number, str], end: int, clause_end: int | None = None
) -> bool:
    """Whether a figure qualifies a noun rather than promising an amount: 亿元以上项目,
    20万吨级航道, 50万元以上行政村…全覆盖."""
    number, unit = candidate
    after = number.end + written_length(text, number, unit)
    if text.startswith(("范围", "以内的", "以上的", "以下的"), after, end):
        return True
    if unit and text.startswith("级", after, end):
        return True
    reach = end if clause_end is None else clause_end
    if (
        text.startswith(("以上", "以下"), after, end)
        and text[after + 2 : after + 3] not in _FIGURE_JOINS
        and _STATE_AFTER.search(text, after, reach)
    ):
        return True
    if not text.startswith(("以上", "以下"), after, end):
        return False
    # 120.3万亩以上、10.59亿斤以上: a run of figures, not a figure that qualifies a noun
    return text[after + 2 : after + 3] not in _FIGURE_JOINS and bool(
        _DIGIT.search(text, after, end)
    )


def lead_length(text: str, start: int, end: int) -> int:
    """How much of text[start:end] is lead: list numbers, white space, 我市, 全年 …"""
    at = start
    while (item := _LEAD_ITEM.match(text, at, end)) is not None:
        at = item.end()
    return at - start
