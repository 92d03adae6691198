"""Figures that are valid but doubtful: warnings that never change a verdict.

Each key (a problem's code, or code/variant) has a Chinese and an English template; the
placeholders are the problem's parameters. {value} is the figure as typed.
"""

from __future__ import annotations

TEMPLATES: dict[str, tuple[str, str]] = {
    "rate-beyond-100": (
        "{id} 为 {value}%,超出 ±100%,请核对是否录错",
        "{id} is {value}%, beyond ±100%; check that it was typed as a percentage",
    ),
    "negative-count": (
        "{id} 为 {value} {unit},数量为负,请核对",
        "{id} is {value} {unit}, a negative count; check the sign",
    ),
    "cumulative-fell": (
        "{id} 在 {period} 为 {value},低于 {earlier_period} 的 {earlier}({earlier_where});"
        "累计值不应回落,请核对",
        "{id} is {value} for {period}, below {earlier} for {earlier_period} ({earlier_where}); "
        "a year-to-date total does not fall",
    ),
    "unit-suspect/much": (
        "{id} 为 {value},应达 {required} {unit},约为其 {times} 倍;是否按其他单位填写(如元与万元)?"
        "请核对",
        "{id} is {value} against {required} {unit} required, {times} times as much; "
        "was it typed in another unit (元 for 万元)?",
    ),
    "unit-suspect/little": (
        "{id} 为 {value},应达 {required} {unit},仅为其 {times} 分之一;是否按其他单位填写"
        "(如万元与元)?请核对",
        "{id} is {value} against {required} {unit} required, {times} times as little; "
        "was it typed in another unit (元 for 万元)?",
    ),
}
