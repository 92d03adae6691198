"""A commitment's machine rule, said in words (Chinese and English)."""

from __future__ import annotations

from reportcheck.model import Comparator, Kind, Target
from reportcheck.numeric import format_decimal
from reportcheck.units import unit_label

_PACING = {
    Kind.RATE: ("年内按累计值直接比较", "the year-to-date figure is compared directly"),
    Kind.CUMULATIVE: (
        "按序时进度:年度目标×已过月数/12",
        "paced: annual target × months elapsed / 12",
    ),
    Kind.STOCK: (
        "期末存量:按基期至目标的直线路径(无基期则直接比较)",
        "end-of-period stock: along the straight path from the baseline "
        "(compared directly without one)",
    ),
    Kind.YESNO: ("是否完成", "a yes/no outcome"),
}


def pacing_words(target: Target, lang: str) -> str:
    zh, en = _PACING[target.kind]
    return en if lang == "en" else zh


def rule_words(target: Target, lang: str) -> str:
    """E.g. '≥ 9 万人', 'about 6 % (± 0.5)', 'lower than the 2022 baseline 1.61'."""
    unit = unit_label(target.unit, lang)
    value = format_decimal(target.value) if target.value is not None else ""
    tol = format_decimal(target.tolerance) if target.tolerance is not None else ""
    base = target.baseline
    base_text = f"{format_decimal(base.value)} ({base.year})" if base else ""
    en = lang == "en"
    match target.comparator:
        case Comparator.AT_LEAST:
            return f"≥ {value} {unit}"
        case Comparator.MORE_THAN:
            return f"> {value} {unit}"
        case Comparator.AT_MOST:
            return f"≤ {value} {unit}"
        case Comparator.ABOUT:
            return f"{value} ± {tol} {unit}"
        case Comparator.RANK_WITHIN:
            return f"rank ≤ {value}" if en else f"排名 ≤ {value}"
        case Comparator.BELOW_BASELINE:
            return f"< baseline {base_text}" if en else f"< 基期 {base_text}"
        case Comparator.RISE_BY:
            pts = "pp" if en else "个百分点"
            return (
                f"≥ baseline {base_text} + {value} {pts}"
                if en
                else f"≥ 基期 {base_text} + {value} {pts}"
            )
        case Comparator.ABOUT_BASELINE:
            return f"baseline {base_text} ± {tol}" if en else f"基期 {base_text} ± {tol}"
        case Comparator.ABOUT_OTHER:
            return f"{target.other} ± {tol} {unit}"
        case Comparator.FASTER_THAN:
            return f"> {target.other}"
        case Comparator.YES:
            return "yes" if en else "是"
        case None:
            return "reference" if en else "参照指标"
