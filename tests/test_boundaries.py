"""Every rule at its boundary: exactly on it, just under and just over, in the year and at its
end, in Chinese and English. The status is right and the sentence beside it reads true.

One table: a wording, the period, the figure, and the status and reason code expected. Each
sentence is then checked for what it must say (the words of its code) and for what it must
never say (a shortfall or an excess of zero, a pass worded as a failure or the reverse).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from reportcheck.output.explain import reason
from reportcheck.review.status import Status

from .rulebook import build, entry, figure, judge, reference

AT_LEAST = entry("引进大学生9万名以上", "at_least", value=9, unit="万人", kind="cumulative")
MORE = entry("新签约项目超过300个", "more_than", value=300, unit="个", kind="cumulative")
CAP = entry("城镇调查失业率控制在5%以内", "at_most", value=5)
ABOUT = entry("地区生产总值增长6%左右", "about", value=6, tolerance=0.5)
ABOUT_DOWN = entry(
    "居民消费价格涨幅控制在3%左右", "about", value=3, tolerance=0.5, direction="down"
)
BAND = entry("增长6%左右", "about", value=6, tolerance=0.5, direction="none")
RANGE = entry("增长6%—6.5%", "range", value=[6, 6.5])
RANK = entry("进入全国前25位", "rank_within", value=25, unit="位")
BELOW = entry(
    "城乡居民收入倍差进一步缩小",
    "below_baseline",
    unit="倍",
    baseline={"value": 1.61, "year": 2022, "quote": "倍差1.61"},
)
RISE = entry(
    "占比提高1.5个百分点",
    "rise_by",
    value=1.5,
    baseline={"value": 32.1, "year": 2022, "quote": "占比32.1%"},
)
STEADY = entry(
    "份额基本稳定",
    "steady",
    tolerance=0.2,
    baseline={"value": 3.4, "year": 2022, "quote": "份额3.4%"},
)
IN_STEP = entry("收入与经济增长基本同步", "in_step", other="gdp", tolerance=1)
FASTER = entry("收入增长快于经济增长", "faster_than", other="gdp")
DONE = entry("全线贯通湖杭高速公路", "done", unit="是/否", kind="yesno", released="yearly")

#: What each reason code must say, in each language.
SAYS = {
    "meets": ("达到要求", "meets the required"),
    "exceeds": ("超额", "exceeded by"),
    "exceeds-down": ("优于要求", "better by"),
    "within-tolerance": ("在容差", "within the tolerance"),
    "short": ("低于要求", "below the required"),
    "over": ("高于上限", "above the limit"),
    "not-above": ("未超过", "not above it"),
    "not-below": ("未低于", "not below it"),
    "outside-range": ("区间", "outside the range"),
    "done": ("已完成", "done"),
    "not-done": ("尚未完成", "not done"),
}
#: What no sentence may say: a gap, a shortfall or an excess of zero.
NEVER = re.compile(r"(差|超额|超出|优于要求|by) 0(?![.\d])")
PASSING_WORDS = ("达到要求", "超额", "优于要求", "在容差", "已完成")
FAILING_WORDS = ("低于要求", "高于上限", "未超过", "未低于", "以外", "尚未完成")

M, Y = "2023-06", "2023"
GDP_M = ("gdp", M, "6")
GDP_Y = ("gdp", Y, "6")
CASES: list[tuple[str, dict[str, Any], str, str | bool, Status, str, tuple[str, str, str]]] = [
    # (name, wording, period, figure, status, code, the other quantity's figure or ("", "", ""))
    # 以上 (paced in the year: 4.5 is due by June)
    ("at-least-on-m", AT_LEAST, M, "4.5", Status.ON_TRACK, "meets", ("", "", "")),
    ("at-least-under-m", AT_LEAST, M, "4.49", Status.BEHIND, "short", ("", "", "")),
    ("at-least-over-m", AT_LEAST, M, "4.51", Status.ON_TRACK, "exceeds", ("", "", "")),
    ("at-least-on-y", AT_LEAST, Y, "9", Status.MET, "meets", ("", "", "")),
    ("at-least-under-y", AT_LEAST, Y, "8.99", Status.MISSED, "short", ("", "", "")),
    ("at-least-over-y", AT_LEAST, Y, "9.01", Status.MET, "exceeds", ("", "", "")),
    # 超过: the pro-rata share in the year; strict at the year's end
    ("more-on-m", MORE, M, "150", Status.ON_TRACK, "meets", ("", "", "")),
    ("more-under-m", MORE, M, "149", Status.BEHIND, "short", ("", "", "")),
    ("more-on-y", MORE, Y, "300", Status.MISSED, "not-above", ("", "", "")),
    ("more-under-y", MORE, Y, "299", Status.MISSED, "short", ("", "", "")),
    ("more-over-y", MORE, Y, "301", Status.MET, "exceeds", ("", "", "")),
    # 以内
    ("cap-on-m", CAP, M, "5", Status.ON_TRACK, "meets", ("", "", "")),
    ("cap-over-m", CAP, M, "5.1", Status.BEHIND, "over", ("", "", "")),
    ("cap-under-y", CAP, Y, "4.9", Status.MET, "exceeds-down", ("", "", "")),
    ("cap-over-y", CAP, Y, "5.1", Status.MISSED, "over", ("", "", "")),
    # 左右 (growth): a shortfall within the tolerance forgiven, an overshoot welcome
    ("about-on-y", ABOUT, Y, "6", Status.MET, "meets", ("", "", "")),
    ("about-edge-y", ABOUT, Y, "5.5", Status.MET, "within-tolerance", ("", "", "")),
    ("about-past-edge-y", ABOUT, Y, "5.49", Status.MISSED, "short", ("", "", "")),
    ("about-over-y", ABOUT, Y, "6.6", Status.MET, "exceeds", ("", "", "")),
    ("about-edge-m", ABOUT, M, "5.5", Status.ON_TRACK, "within-tolerance", ("", "", "")),
    ("about-past-edge-m", ABOUT, M, "5.49", Status.BEHIND, "short", ("", "", "")),
    # 控制在3%左右: only the overshoot counts
    ("about-down-edge-y", ABOUT_DOWN, Y, "3.5", Status.MET, "within-tolerance", ("", "", "")),
    ("about-down-past-y", ABOUT_DOWN, Y, "3.51", Status.MISSED, "over", ("", "", "")),
    ("about-down-under-y", ABOUT_DOWN, Y, "2", Status.MET, "exceeds-down", ("", "", "")),
    # a two-sided band
    ("band-low-edge-y", BAND, Y, "5.5", Status.MET, "meets", ("", "", "")),
    ("band-past-low-y", BAND, Y, "5.49", Status.MISSED, "outside-range", ("", "", "")),
    ("band-past-high-y", BAND, Y, "6.51", Status.MISSED, "outside-range", ("", "", "")),
    # a range, up by default
    ("range-low-y", RANGE, Y, "6", Status.MET, "meets", ("", "", "")),
    ("range-under-y", RANGE, Y, "5.99", Status.MISSED, "short", ("", "", "")),
    ("range-past-y", RANGE, Y, "6.6", Status.MET, "exceeds", ("", "", "")),
    # 前N位
    ("rank-on-y", RANK, Y, "25", Status.MET, "meets", ("", "", "")),
    ("rank-past-y", RANK, Y, "26", Status.MISSED, "over", ("", "", "")),
    ("rank-better-y", RANK, Y, "24", Status.MET, "exceeds-down", ("", "", "")),
    # 进一步缩小: strictly below the baseline
    ("below-on-y", BELOW, Y, "1.61", Status.MISSED, "not-below", ("", "", "")),
    ("below-under-y", BELOW, Y, "1.6", Status.MET, "exceeds-down", ("", "", "")),
    ("below-over-y", BELOW, Y, "1.62", Status.MISSED, "over", ("", "", "")),
    # 提高1.5个百分点 over 32.1
    ("rise-on-y", RISE, Y, "33.6", Status.MET, "meets", ("", "", "")),
    ("rise-under-y", RISE, Y, "33.59", Status.MISSED, "short", ("", "", "")),
    ("rise-over-y", RISE, Y, "33.7", Status.MET, "exceeds", ("", "", "")),
    # 基本稳定 around 3.4
    ("steady-edge-y", STEADY, Y, "3.2", Status.MET, "within-tolerance", ("", "", "")),
    ("steady-past-y", STEADY, Y, "3.19", Status.MISSED, "short", ("", "", "")),
    ("steady-rise-y", STEADY, Y, "3.5", Status.MET, "exceeds", ("", "", "")),
    # 与…基本同步 with GDP at 6
    ("in-step-edge-m", IN_STEP, M, "5", Status.ON_TRACK, "within-tolerance", GDP_M),
    ("in-step-past-m", IN_STEP, M, "4.99", Status.BEHIND, "short", GDP_M),
    ("in-step-edge-y", IN_STEP, Y, "5", Status.MET, "within-tolerance", GDP_Y),
    ("in-step-past-y", IN_STEP, Y, "4.99", Status.MISSED, "short", GDP_Y),
    ("in-step-over-y", IN_STEP, Y, "7", Status.MET, "exceeds", GDP_Y),
    # 快于 GDP at 6: equal is not faster
    ("faster-on-y", FASTER, Y, "6", Status.MISSED, "not-above", GDP_Y),
    ("faster-over-y", FASTER, Y, "6.01", Status.MET, "exceeds", GDP_Y),
    ("faster-on-m", FASTER, M, "6", Status.BEHIND, "not-above", GDP_M),
    # a named deliverable: not done in June is not behind, done is done
    ("done-yes-m", DONE, M, True, Status.MET, "done", ("", "", "")),
    ("done-no-m", DONE, M, False, Status.NOT_DUE, "not-done", ("", "", "")),
    ("done-no-y", DONE, Y, False, Status.MISSED, "not-done", ("", "", "")),
]


@pytest.mark.parametrize(
    ("wording", "period", "value", "status", "code", "other"),
    [pytest.param(*case[1:], id=case[0]) for case in CASES],
)
def test_the_status_and_its_sentence_at_the_boundary(
    wording: dict[str, Any],
    period: str,
    value: str | bool,
    status: Status,
    code: str,
    other: tuple[str, str, str],
) -> None:
    entries = [wording, reference("gdp")] if other[0] else [wording]
    others = (figure(*other),) if other[0] else ()
    result = judge(build(*entries), period, value, *others)
    said = code.removesuffix("-down")
    assert (result.status, result.code) == (status, said)
    zh, en = reason(result, "zh"), reason(result, "en")
    must_zh, must_en = SAYS[code]
    assert must_zh in zh, zh
    assert must_en in en, en
    for text in (zh, en):
        assert not NEVER.search(text), text
    if status in (Status.MET, Status.ON_TRACK):
        assert not any(word in zh for word in FAILING_WORDS), zh
    if status in (Status.MISSED, Status.BEHIND):
        assert not any(word in zh for word in PASSING_WORDS), zh
