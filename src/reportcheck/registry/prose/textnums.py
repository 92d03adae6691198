"""Numbers in report text: Arabic (3.4, 1,000, full-width) and Chinese (十七, 三分之二, 两成).

Text is first folded (`fold`) into a same-length form, so every position found in the folded text
is the position in the original: full-width digits and punctuation become ASCII, traditional
characters of the report vocabulary become simplified.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterator
from decimal import Decimal

import msgspec

_FULL_WIDTH = {chr(0xFF10 + i): str(i) for i in range(10)} | {"．": ".", "％": "%"}

# Traditional forms of the characters the drafter and the linter look for; one character each,
# so positions are kept.
_TRADITIONAL = dict(
    zip(
        "長億萬內過於與點個計總額業區產規標達續鎮縣財政預務務項營資較醫療學務衛實現"
        "結構擴進產運輸鄉村農戶貸款場幣電發億兩個準確頓噸畝專網設備環護濟質車綫線間"
        "縮減滿層門數區據達積極優質務業壓費穩調查價漲產糧勞動鐵陸歲險傳縣區轉職築術"
        "養創設統歸開啟辦顯強場為聯關當條難圖體點於進選級後時區應連續",
        "长亿万内过于与点个计总额业区产规标达续镇县财政预务务项营资较医疗学务卫实现"
        "结构扩进产运输乡村农户贷款场币电发亿两个准确顿吨亩专网设备环护济质车线线间"
        "缩减满层门数区据达积极优质务业压费稳调查价涨产粮劳动铁陆岁险传县区转职筑术"
        "养创设统归开启办显强场为联关当条难图体点于进选级后时区应连续",
        strict=True,
    )
)
_TRADITIONAL |= dict(
    zip(
        "顧劃報議會們廣東權將歷驗證爭興頁領導黨觀際從邊遠還這來對樣舉廳項幹擴",
        "顾划报议会们广东权将历验证争兴页领导党观际从边远还这来对样举厅项干扩",
        strict=True,
    )
)
# Full-width ASCII forms (，；：（）！？％ and digits, U+FF01..U+FF5E) and the ideographic space, as
# Chinese input methods type them and as published reports are set.
_FULL_WIDTH_ASCII = {chr(code): chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F)} | {
    "\u3000": " "
}
_FOLD = str.maketrans(_FULL_WIDTH | _FULL_WIDTH_ASCII | _TRADITIONAL)


def fold(text: str) -> str:
    """The same text, same length, with full-width digits and traditional characters folded."""
    return text.translate(_FOLD)


#: Units written in Latin letters right after a figure: computing power (3000P, 10EFLOPS).
#: Any other letter after digits makes a name or a code (5G, 5A级, 296X), not a figure.
_LATIN_UNIT = r"(?:P|[PE]FLOPS|[PE]Flops)(?![A-Za-z])"
_ARABIC = re.compile(
    rf"(?<![A-Za-z0-9.])\d+(?:,\d{{3}})*(?:\.\d+)?(?!\d)(?:(?={_LATIN_UNIT})|(?![A-Za-z]))"
)
_CN_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6}
_CN_DIGITS |= {"七": 7, "八": 8, "九": 9}
_CN_NUMERAL = "零〇一二两三四五六七八九十百千"
_CN_FRACTION = re.compile(rf"([{_CN_NUMERAL}]+)分之([{_CN_NUMERAL}]+)")
_CN_TENTHS = re.compile(
    r"(?<![零〇一二两三四五六七八九十百千])([一二两三四五六七八九])成(?!立|功|效|果|绩|为|员|本|就)"
)
_CN_POINTS = re.compile(r"(?<![零〇一二两三四五六七八九十百千])([一二两三四五六七八九])个?百分点")
# 党的二十大, 第十四届: names and ordinals, not quantities.
_CN_COMPOUND = re.compile(
    rf"(?<![{_CN_NUMERAL}第])[{_CN_NUMERAL}]*[十百千][{_CN_NUMERAL}]*(?![{_CN_NUMERAL}大届])"
)
#: What _fractions and _compounds read _CN_FRACTION and _CN_COMPOUND with, in linear time.
_CN_FRACTION_AT_RUN = re.compile(rf"(?<![{_CN_NUMERAL}])([{_CN_NUMERAL}]+)分之([{_CN_NUMERAL}]+)")
_CN_RUN = re.compile(rf"[{_CN_NUMERAL}]+")
_CN_UNIT = re.compile("[十百千]")
#: A character every number holds at least one of: a digit or a Chinese numeral.
_ANY_NUMERAL = re.compile(rf"[\d{_CN_NUMERAL}]")
#: The most characters a figure is written with (16 digits, 10 places, separators and more);
#: a longer run of digits or numerals is a code or noise, never a figure, and is not read.
MAX_WRITTEN = 40


class Number(msgspec.Struct, frozen=True, kw_only=True):
    """One number found in a text: where it stands, its value and how it was written."""

    start: int
    end: int
    value: Decimal
    written: str
    fraction: tuple[int, int] | None = None  # 三分之二 -> (2, 3)
    percent: bool = False  # 两成 is 20 %, a fraction is a share
    #: Said in words with no numeral of its own (正增长, 破万亿): read by the drafter and the
    #: evidence checks, never a number of the text that a registry must cover.
    word: bool = False


def chinese_integer(text: str) -> int | None:
    """十七 -> 17, 二十 -> 20, 一百零五 -> 105, 三 -> 3; None for what is not a numeral (十百千)."""
    if not text or any(c not in _CN_NUMERAL for c in text):
        return None
    total, digit, last_unit = 0, None, 10_000
    for char in text:
        if char in _CN_DIGITS:
            if digit is not None and digit != 0:
                return None
            digit = _CN_DIGITS[char]
            continue
        unit = {"十": 10, "百": 100, "千": 1000}[char]
        if unit >= last_unit:
            return None
        total += (1 if digit is None else digit) * unit
        digit, last_unit = None, unit
    return total + (digit or 0)


def find_numbers(
    text: str, start: int = 0, end: int | None = None, limit: int | None = None
) -> list[Number]:
    """Every number of `text[start:end]` (folded first), in order, Arabic and Chinese.

    With `limit`, raises TooManyNumbersError as soon as more than `limit` are found, so that a
    long text of numbers never holds them all.
    """
    end = len(text) if end is None else end
    # Fold only the part asked for, with a margin for the look-behinds and look-aheads.
    offset = max(0, start - 2)
    folded = fold(text[offset : end + 2])
    if _ANY_NUMERAL.search(folded, start - offset, end - offset) is None:
        return []
    return _find(folded, start - offset, end - offset, offset, limit)


class TooManyNumbersError(ValueError):
    """More numbers than the limit a caller set."""


def _find(folded: str, start: int, end: int, offset: int, limit: int | None) -> list[Number]:
    """The numbers of folded[start:end], placed `offset` further on."""
    found: list[Number] = []

    def add(number: Number) -> None:
        found.append(number)
        if limit is not None and len(found) > limit:
            raise TooManyNumbersError(f"more than {limit} numbers")

    for m in _ARABIC.finditer(folded, start, end):
        if _written(m):
            value = Decimal(m.group().replace(",", ""))
            add(
                Number(
                    start=m.start() + offset, end=m.end() + offset, value=value, written=m.group()
                )
            )
    taken: list[tuple[int, int]] = []
    for m in _fractions(folded, start, end):
        den, num = chinese_integer(m.group(1)), chinese_integer(m.group(2))
        if den and num is not None and _written(m):
            share = (Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.01"))
            a, b = m.start() + offset, m.end() + offset
            add(
                Number(
                    start=a,
                    end=b,
                    value=share,
                    written=m.group(),
                    fraction=(num, den),
                    percent=True,
                )
            )
            taken.append((m.start(), m.end()))
    for m in _CN_TENTHS.finditer(folded, start, end):
        count = chinese_integer(m.group(1))
        if count is not None:
            a, b = m.start() + offset, m.end() + offset
            add(Number(start=a, end=b, value=Decimal(count * 10), written=m.group(), percent=True))
            taken.append((m.start(), m.end()))
    # A point's span never covers a later point's start (matches do not overlap), so the spans
    # taken before the points are all that a point is checked against.
    inside = _Spans(taken)
    for m in _CN_POINTS.finditer(folded, start, end):
        count = chinese_integer(m.group(1))
        if count is not None and not inside.covers(m.start()):
            a, b = m.start() + offset, m.start(1) + 1 + offset
            add(Number(start=a, end=b, value=Decimal(count), written=m.group(1)))
            taken.append((m.start(), m.end()))
    inside = _Spans(taken)
    for s, e in _compounds(folded, start, end):
        written = folded[s:e]
        count = chinese_integer(written)
        if count is not None and len(written) > 1 and not inside.covers(s):
            add(Number(start=s + offset, end=e + offset, value=Decimal(count), written=written))
    return sorted(found, key=lambda n: n.start)


def _written(match: re.Match[str]) -> bool:
    """Whether a number is written short enough to be a figure (MAX_WRITTEN)."""
    return match.end() - match.start() <= MAX_WRITTEN


def _fractions(folded: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """_CN_FRACTION.finditer(folded, start, end), in time proportional to the text.

    A fraction found by the plain pattern starts where a run of numerals does (any later start
    in the run has the same tail), or at `start` itself: so after a try at `start`, only runs'
    starts are tried. The plain pattern tries every position of a long run of numerals, each to
    the run's end: a time that grows with the square of the run.
    """
    first = _CN_FRACTION.match(folded, start, end)
    if first is not None:
        yield first
    yield from _CN_FRACTION_AT_RUN.finditer(folded, start if first is None else first.end(), end)


def _compounds(folded: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The spans _CN_COMPOUND would find in folded[start:end], in time proportional to the text.

    Such a match is a whole run of numerals holding 十, 百 or 千, not preceded by a numeral or 第
    and not followed by 大 or 届. The pattern itself, on a run followed by 大, tries every split of
    the run: a time that grows with the square of the run.
    """
    for run in _CN_RUN.finditer(folded, start, end):
        s, e = run.span()
        if s > 0 and (folded[s - 1] in _CN_NUMERAL or folded[s - 1] == "第"):
            continue
        if e < end and folded[e] in "大届":
            continue
        if _CN_UNIT.search(folded, s, e) and e - s <= MAX_WRITTEN:
            yield s, e


class _Spans:
    """Spans of text, asked whether any of them covers a position, in logarithmic time."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        ordered = sorted(spans)
        self.starts = [a for a, _ in ordered]
        self.reach = list(itertools.accumulate((b for _, b in ordered), max))

    def covers(self, position: int) -> bool:
        if not self.starts:
            return False
        at = bisect.bisect_right(self.starts, position) - 1
        return at >= 0 and self.reach[at] > position


_CN_PLACE = "一二三四五六七八九十"
#: Where a place in a ranking is said: 全省第一, 全国城市第三, 全国前十.
_RANKING = ("全省", "全国", "全市", "全球", "城市", "省内", "国内", "同类")
#: What makes 第一 no place in a ranking but a rank of its own kind (第一方阵, 第一梯队) or part
#: of a name or a count (市第一医院 is not after a ranking; 全国第一个, 全省第二批, 全国第十届).
_NOT_A_PLACE = r"方阵|梯队|档|批|个|家|座|所|条|届|次|轮|阶段|层|季|年|大|医院|中学|小学|人民"
#: Figures said in words: 保持正增长 (0 %), 不发生…事故 (0 cases), 领跑全省 (first), 培育百个 /
#: 达千亿元 (100, 1000 before a unit), 破万亿元 (one 万亿元: the 一 left unsaid, before its unit),
#: 带动万名青年 (one 万名, after a verb that brings people),
#: a place in a ranking in Chinese numerals (保持全省第一, 进入全国前三), and the rank kept of
#: 保七争六 / 争七保八 (7, 8: the one strived for is hoped, not promised).
_WORD_FIGURE = re.compile(
    r"(?P<zero>正增长)"
    r"|(?<=不发生)(?P<none>)(?=[^,。;]{0,12}(?:事故|案件|事件))"
    r"|(?P<first>)(?=领跑全[省国市])"
    r"|(?<=[破超达过育增建引办开设新到近约])(?P<round>[百千])(?=[万亿]?[元个家人名项所座套户亩条场])"
    r"|(?<=破|超|达|过)(?P<one>)(?=万亿元|亿元|万亿|万人|万户|万家)"
    r"|(?<=带动|引进|引育|集聚|招引|培育|吸引|培训)(?P<ten_thousand>)(?=万名|万人)"
    rf"|(?<={'第|'.join(_RANKING)}第)(?P<place>[{_CN_PLACE}]{{1,3}})"
    rf"(?![{_CN_NUMERAL}]|{_NOT_A_PLACE})"
    rf"|(?<={'前|'.join(_RANKING)}前)(?P<top>[{_CN_PLACE}]{{1,3}})"
    rf"(?![{_CN_NUMERAL}]|季|个|年|天|周|批|名次)"
    rf"|(?<=保)(?P<kept>[{_CN_PLACE}]{{1,2}})(?=争[{_CN_PLACE}])"
    rf"|(?<=争[{_CN_PLACE}]保)(?P<kept_last>[{_CN_PLACE}]{{1,2}})(?![{_CN_NUMERAL}])"
)


#: A character every figure said in words holds (traditional forms included: 萬, 億, 領, 發).
_WORD_SIGN = re.compile("[正生跑领領百千万亿萬億第前保]")


def word_figures(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """The figures of text[start:end] said in words only (see _WORD_FIGURE), folded first."""
    end = len(text) if end is None else end
    if _WORD_SIGN.search(text, start, end) is None:
        return []
    offset = max(0, start - 2)
    folded = fold(text[offset : end + 4])
    found = []
    for m in _WORD_FIGURE.finditer(folded, start - offset, end - offset):
        a, b = m.start() + offset, m.end() + offset
        if m.group("zero"):
            found.append(
                Number(start=a, end=a, value=Decimal(0), written=m.group(), percent=True, word=True)
            )
        elif m.group("none") is not None:
            found.append(
                Number(start=a, end=a, value=Decimal(0), written="不发生", word=True)
            )  # no case at all
        elif m.group("first") is not None:
            found.append(
                Number(start=a, end=a, value=Decimal(1), written="领跑", word=True)
            )  # first of the province
        elif said := m.group("place") or m.group("top") or m.group("kept") or m.group("kept_last"):
            rank = chinese_integer(said)
            if rank:
                found.append(Number(start=a, end=b, value=Decimal(rank), written=said, word=True))
        elif m.group("round"):
            value = Decimal(100 if m.group("round") == "百" else 1000)
            found.append(Number(start=a, end=b, value=value, written=m.group(), word=True))
        else:
            found.append(Number(start=a, end=a, value=Decimal(1), written="", word=True))
    return found
