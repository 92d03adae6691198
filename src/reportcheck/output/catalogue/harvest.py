"""Harvesting outcomes from a review: what is left for a person, and a review of another year.

Each key (a problem's code, or code/variant) has a Chinese and an English template; {value} is
the review's words in question.
"""

from __future__ import annotations

TEMPLATES: dict[str, tuple[str, str]] = {
    "harvest-unsure/rivals": (
        "{target}:回顾部分有几处说法同样像是它的结果('{value}'),未取;请核对后手工填写",
        "{target}: several statements of the review fit it equally ('{value}'); none is taken, "
        "check and fill it in by hand",
    ),
    "harvest-unsure/near": (
        "{target}:'{value}' 与它相近,但所说的未必是同一指标(范围、口径或名称不同),未取;"
        "如确为同一指标请手工填写",
        "{target}: '{value}' is close to it but may state another indicator (a part, another "
        "basis or another name); it is not taken, fill it in by hand if it is the same",
    ),
    "harvest-year": (
        "回顾部分讲的是 {found} 年,而登记表是 {year} 年的承诺;{year} 年的结果在 {next} "
        "年报告的回顾部分",
        "the review looks back on {found}, but the registry holds the commitments of {year}; "
        "their outcomes are in the review of the {next} report",
    ),
    "harvest-too-large": (
        "回顾部分的数字超过 {limit} 个,这不像一份工作报告;请只给出报告原文",
        "the review holds more than {limit} numbers, which no work report does; give the "
        "report's text alone",
    ),
    "harvest-year/unknown": (
        "看不出回顾部分讲的是哪一年(没有“{year}年工作回顾”这样的标题);按登记表的 {year} 年读取",
        "cannot tell which year the review looks back on (no heading such as '{year}年工作回顾'); "
        "read as the registry's {year}",
    ),
}
