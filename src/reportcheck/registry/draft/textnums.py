"""Numbers in report text: Arabic (3.4, 1,000, full-width) and Chinese (十七, 三分之二, 两成).

Text is first folded (`fold`) into a same-length form, so every position found in the folded text
is the position in the original: full-width digits and punctuation become ASCII, traditional
characters of the report vocabulary become simplified.
"""

from __future__ import annotations

import re
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


_ARABIC = re.compile(r"(?<![A-Za-z0-9.])\d+(?:,\d{3})*(?:\.\d+)?(?![\dA-Za-z])")
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


class Number(msgspec.Struct, frozen=True):
    """One number found in a text: where it stands, its value and how it was written."""

    start: int
    end: int
    value: Decimal
    written: str
    fraction: tuple[int, int] | None = None  # 三分之二 -> (2, 3)
    percent: bool = False  # 两成 is 20 %, a fraction is a share


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


def find_numbers(text: str, start: int = 0, end: int | None = None) -> list[Number]:
    """Every number of `text[start:end]` (folded first), in order, Arabic and Chinese."""
    end = len(text) if end is None else end
    # Fold only the part asked for, with a margin for the look-behinds and look-aheads.
    offset = max(0, start - 2)
    found = _find(fold(text[offset : end + 2]), start - offset, end - offset)
    return [
        Number(n.start + offset, n.end + offset, n.value, n.written, n.fraction, n.percent)
        for n in found
    ]


def _find(folded: str, start: int, end: int) -> list[Number]:
    found: list[Number] = []
    for m in _ARABIC.finditer(folded, start, end):
        found.append(Number(m.start(), m.end(), Decimal(m.group().replace(",", "")), m.group()))
    taken: list[tuple[int, int]] = []
    for m in _CN_FRACTION.finditer(folded, start, end):
        den, num = chinese_integer(m.group(1)), chinese_integer(m.group(2))
        if den and num is not None:
            share = (Decimal(num) * 100 / Decimal(den)).quantize(Decimal("0.01"))
            found.append(Number(m.start(), m.end(), share, m.group(), (num, den), percent=True))
            taken.append((m.start(), m.end()))
    for m in _CN_TENTHS.finditer(folded, start, end):
        count = chinese_integer(m.group(1))
        if count is not None:
            found.append(Number(m.start(), m.end(), Decimal(count * 10), m.group(), percent=True))
            taken.append((m.start(), m.end()))
    for m in _CN_POINTS.finditer(folded, start, end):
        count = chinese_integer(m.group(1))
        if count is not None and not _inside(m.start(), taken):
            found.append(Number(m.start(), m.start(1) + 1, Decimal(count), m.group(1)))
            taken.append((m.start(), m.end()))
    for m in _CN_COMPOUND.finditer(folded, start, end):
        count = chinese_integer(m.group())
        if count is not None and len(m.group()) > 1 and not _inside(m.start(), taken):
            found.append(Number(m.start(), m.end(), Decimal(count), m.group()))
    return sorted(found, key=lambda n: n.start)


def _inside(position: int, spans: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)
