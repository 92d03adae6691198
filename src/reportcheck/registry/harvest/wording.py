"""The words around a number in a report's review: its unit, and what stands before it (约,
超过, 分别, a verb of change or of level), peeled off from the number outward."""

from __future__ import annotations

import re

import msgspec

#: Base units a figure may carry, after an optional scale (万, 亿 …) and 多 / 余.
BASE_UNITS = (
    "个百分点",
    "微克/立方米",
    "分/千瓦时",
    "分/立方米",
    "吨标准煤",
    "平方公里",
    "平方米",
    "千瓦时",
    "千伏安",
    "人次",
    "场次",
    "家次",
    "标箱",
    "公里",
    "公顷",
    "美元",
    "千瓦",
    "%",
    "元",
    "人",
    "名",
    "位",
    "个",
    "家",
    "项",
    "件",
    "场",
    "所",
    "张",
    "条",
    "座",
    "处",
    "台",
    "辆",
    "列",
    "套",
    "栋",
    "幢",
    "户",
    "间",
    "亩",
    "吨",
    "斤",
    "倍",
    "起",
    "支",
    "片",
    "次",
    "批",
    "艘",
    "架",
    "部",
    "只",
    "头",
    "棵",
    "株",
    "宗",
    "周岁",
    "岁",
)
SCALES = {"万亿": 10**12, "亿": 10**8, "万": 10**4, "千": 10**3}
UNIT = re.compile(
    r"(?P<scale>万亿|亿|万|千(?!瓦|伏|米))?(?P<more>多|余)?(?P<unit>"
    + "|".join(re.escape(u) for u in BASE_UNITS)
    + r")?(?:\((?:间|个)\))?(?P<after>以上|以下|以内|左右|多|余)?"
)
#: Words after which a number is a date, an ordinal or part of a name, never a figure.
NOT_FIGURE_BEFORE = re.compile(r"(?:第|前|连续|每|第[一二三四五六七八九十]+)$")
NOT_FIGURE_AFTER = re.compile(
    r"^(?:年|月|日|周年|届|号|期|次会议|大|强|连冠|连优|连增|连|中|星|A级|条)"
)

# What stands just before a number, peeled from the number outward.
_APPROX = ("大约", "接近", "约", "近")
_OVER = ("超过", "突破", "超", "逾", "破", "多于", "高于")
#: A promise's own comparator words, never a review's: 不低于97.5%, 控制在5%以内.
_TARGET = ("不低于", "不少于", "不超过", "不高于", "控制在", "保持在", "保持", "力争", "确保")
_RESPECTIVELY = ("分别",)
ESTIMATE = re.compile(r"预计|预期|有望|力争")
_UP = ("同比增长", "比上年增长", "增长", "增加", "提高", "提升", "上升", "上涨", "扩大", "增幅为")
_DOWN = ("同比下降", "比上年下降", "下降", "降低", "减少", "压减", "缩减", "回落", "下跌")
_TO = (
    "达到",
    "提高到",
    "提升到",
    "提高至",
    "提升至",
    "增加到",
    "增加至",
    "增至",
    "降至",
    "降到",
    "缩小至",
    "缩小到",
    "下降到",
    "下降至",
    "扩大到",
    "扩大至",
    "突破到",
    "到",
    "至",
    "达",
    "为",
)


def inside_name(folded: str, position: int, low: int) -> bool:
    """A number inside short quotation marks is part of a name: “56条”, “1168”工程, “十七连冠”."""
    opened = folded.rfind("“", low, position)
    if opened == -1 or folded.rfind("”", opened, position) != -1:
        return False
    closed = folded.find("”", position, position + 12)
    return closed != -1 and closed - opened <= 14


class Peeled(msgspec.Struct, frozen=True, kw_only=True):
    rest: str
    change: str
    to: bool
    over: bool
    approx: bool
    respectively: bool


def peel(words: str) -> Peeled:
    """The words just before a number, taken off from the number outward: 约, 超, 分别, a verb
    of change (增长, 下降) or of level (达到, 提高到)."""
    change, to, over, approx, respectively = "", False, False, False, False
    rest = words
    for _ in range(6):
        groups = ((_APPROX, "approx"), (_OVER, "over"), (_RESPECTIVELY, "resp"), (_TARGET, ""))
        for group, kind in groups:
            word = next((w for w in group if rest.endswith(w)), None)
            if word is not None:
                rest = rest[: -len(word)]
                approx |= kind == "approx"
                over |= kind == "over"
                respectively |= kind == "resp"
                break
        else:
            word = next((w for w in _TO if rest.endswith(w)), None)
            if word is not None and not change:
                rest = rest[: -len(word)]
                to = True
                if word.startswith(_DOWN[2:]) or word.startswith(("降", "缩小")):
                    change = ""
                continue
            word = next((w for w in _UP if rest.endswith(w)), None)
            if word is not None and not change and not to:
                rest, change = rest[: -len(word)], "up"
                continue
            word = next((w for w in _DOWN if rest.endswith(w)), None)
            if word is not None and not change and not to:
                rest, change = rest[: -len(word)], "down"
                continue
            break
    return Peeled(
        rest=rest,
        change=change,
        to=to,
        over=over,
        approx=approx,
        respectively=respectively,
    )
