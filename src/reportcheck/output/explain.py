"""Every sentence about a rule or a verdict, in Chinese and English, made in one place.

The core returns codes and numbers (`code="within-tolerance"`, `gap=-0.3`); this module is the
only one that turns them into words, for every output format.
"""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

from reportcheck.model.numbers import format_decimal
from reportcheck.model.units import unit_label
from reportcheck.output.words import FORMULA, bound_amount, figure_words, pick
from reportcheck.registry.records import EnteredAs, Kind, Pacing
from reportcheck.review.progress import in_precision
from reportcheck.review.status import Status
from reportcheck.rules import Comparator, Direction, Formula, show

if TYPE_CHECKING:
    from reportcheck.registry.records import Baseline, Target
    from reportcheck.review.evaluate import Result

_PACING = {
    Pacing.LINEAR: (
        "按序时进度:年度目标×已过月数/至期限的月数",
        "paced (序时进度): target × months elapsed / months to the due date",
    ),
    Pacing.MILESTONES: ("按登记的阶段目标", "against the milestones in the registry"),
    Pacing.PATH: (
        "期末存量:按基期水平至目标的直线路径",
        "end-of-period level: along the straight path from the baseline level to the target",
    ),
    Pacing.DIRECT: ("年内按累计值直接比较", "the figure to date is compared with the target"),
    Pacing.AT_DUE: (
        "到期一次判定:期限前未完成不算滞后",
        "judged at the due date; before it, not yet done is not behind",
    ),
}

_DIRECTION = {
    Direction.UP: ("越高越好:超出目标为超额,从不算未完成", "more is better: overshoot is welcome"),
    Direction.DOWN: (
        "越低越好:低于上限为超额,只有超出才算未完成",
        "less is better: only an overshoot counts",
    ),
    Direction.NONE: ("两侧均计:超出区间任一侧都不达标", "both sides count"),
}

_SIGN = {
    EnteredAs.MAGNITUDE: (
        "按降幅填报(如压减16%填16);填负数视为带符号的变化,按其绝对值判定并注明",
        "enter the size of the fall (16 for a 16% cut); a negative figure is read as a signed "
        "change, judged by its size, and noted",
    ),
    EnteredAs.CHANGE: (
        "按带符号的变化填报(压减16%填-16);正数表示增加,不达标",
        "enter the signed change (-16 for a 16% cut); a positive figure is a rise and misses",
    ),
}

#: What `expected` is: the share of the target due by now (序时进度), or the milestone due.
_EXPECTED = {
    False: ("按序时进度", "the part due by now"),
    True: ("按阶段目标", "the milestone due by now"),
}

_CODES = {
    "exceeds": (
        "高于要求 {required}{unit},超额 {excess}",
        "above the required {required}{unit}, exceeded by {excess}",
    ),
    # "exceeds" where less is better: under the cap, which is better, not above anything.
    "exceeds-down": (
        "低于上限 {required}{unit},优于要求 {excess}",
        "under the limit {required}{unit}, better by {excess}",
    ),
    "exceeds-edge": ("高于要求 {required}{unit}", "above the required {required}{unit}"),
    "exceeds-down-edge": ("低于上限 {required}{unit}", "under the limit {required}{unit}"),
    "meets": ("达到要求 {required}{unit}", "meets the required {required}{unit}"),
    "within-tolerance": (
        "低于 {required}{unit},差 {shortfall},在容差 {tolerance} 以内",
        "below {required}{unit} by {shortfall}, within the tolerance of {tolerance}",
    ),
    "short": (
        "低于要求 {required}{unit},差 {shortfall}",
        "below the required {required}{unit} by {shortfall}",
    ),
    "over": (
        "高于上限 {required}{unit},超出 {overshoot}",
        "above the limit {required}{unit} by {overshoot}",
    ),
    "not-above": ("等于 {required}{unit},未超过", "equal to {required}{unit}, not above it"),
    "not-below": ("等于 {required}{unit},未低于", "equal to {required}{unit}, not below it"),
    "outside-range": ("在区间 {rule} 以外", "outside the range {rule}"),
    "done": ("已完成", "done"),
    "not-done": ("尚未完成", "not done"),
    "no-row": ("实际数据中没有该指标", "no figure in the actuals"),
    "left-empty": ("数值为空({where})", "value left empty ({where})"),
    "nothing-before": ("{period}及以前没有数据", "no figure on or before {period}"),
    "not-published": (
        "{due}到期,数据尚未发布",
        "due {due}; the figure is not published yet",
    ),
    "at-due": ("{due}到期考核", "judged at its due date, {due}"),
    "no-same-period-baseline": (
        "缺少上年同期的{baseline_id}数据;季节性指标不与全年数比较",
        "no figure for {baseline_id} (the same period a year earlier); a seasonal figure is "
        "not compared with the full-year one",
    ),
    "no-baseline": ("缺少基期数据", "no baseline figure to compare with"),
    "bound-undetermined": (
        "发布值为{bound},不足以判定是否达到 {rule}",
        "published as {bound}, which does not settle {rule}",
    ),
    "no-other": (
        "缺少{year}年{period}及以前的{other}数据",
        "no figure for {other} in {year} up to {period} to compare with",
    ),
    "before-first-milestone": ("第一个阶段目标尚未到期", "the first milestone is not due yet"),
}

_NOTES = {
    "sign-converted": (
        "填报 {actual} 按降幅 {judged} 判定",
        "{actual} was read as a fall of {judged}",
    ),
    "sign-from-change": (
        "填报变化 {actual},即降幅 {judged}",
        "a change of {actual} is a fall of {judged}",
    ),
    "same-period-baseline": (
        "与上年同期 {baseline} 比较",
        "compared with {baseline}, the same period a year earlier",
    ),
}

#: Said first of a result judged at its due period on an older figure (no final figure yet),
#: and of a provisional reading whose other quantity is not final yet.
_NOT_FINAL = {
    "interim": (
        "尚无{due}的数据;按{period}数据",
        "no figure for {due} yet; on the {period} figure",
    ),
    "provisional": (
        "{other}仅有{other_period}数据,为暂定判断",
        "provisional: {other} is known only to {other_period}",
    ),
}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def _n(value: Decimal | None) -> str:
    return "—" if value is None else format_decimal(value)


def rule_words(target: Target, lang: str) -> str:
    """E.g. '≥ 9 万人', '≥ 6 − 0.5 %', '< 基期 1.61 (2022)', '完成 (2027)'."""
    if target.rule is None:
        return "reference" if lang == "en" else "参照指标"
    unit = "" if target.unit == "是/否" else unit_label(target.unit, lang)
    text = formula_words(target.rule.formula(), unit, lang)
    baseline = target.baseline
    if target.rule.needs_baseline and baseline is not None:
        if baseline.value is not None:
            text += f" {format_decimal(baseline.value)} ({baseline.year})"
        if baseline.same_period:
            text += " / same period" if lang == "en" else " / 上年同期"
    if target.due_stated:
        text += f", due {target.due}" if lang == "en" else f",期限 {target.due}"
    return text


def formula_words(formula: Formula, unit: str, lang: str) -> str:
    """A rule's formula in `lang`: '≥ 基期 + 1.5 个百分点'; the unit left out when there is none."""
    said = (
        part
        if isinstance(part, str)
        else unit
        if part.key == "unit"
        else pick(FORMULA[part.key], lang)
        for part in formula
    )
    return " ".join(part for part in said if part)


def pacing_words(target: Target, lang: str) -> str:
    words = _pick(_PACING[target.pacing], lang)
    if target.kind is Kind.STOCK and target.pacing is Pacing.AT_DUE:
        words += (
            " (a level promised for the due date; the registry gives no earlier level to run "
            "a path from)"
            if lang == "en"
            else "(期末存量指标;登记表未给出起始水平,不按路径推算年内进度)"
        )
    if target.pacing is Pacing.MILESTONES:
        steps = ", ".join(f"{when}: {show(value)}" for when, value in target.milestones)
        words += f" ({steps})"
    return words


def finality_words(target: Target, lang: str) -> str:
    """When the verdict on a commitment is final (kept or not kept), in words."""
    due = str(target.due)
    if target.comparator is Comparator.DONE:
        return (
            f"done is met for good, even before {due}; not done before {due} is not behind"
            if lang == "en"
            else f"完成即为已完成({due}前完成亦然);{due}前未完成不算滞后"
        )
    if target.other is not None:
        return (
            f"met or missed on the figures for {due} of both quantities; until {target.other}'s "
            "figure covers it too, the reading is provisional"
            if lang == "en"
            else f"完成与否按本指标和{target.other}均为{due}的数据判定;{target.other}数据未覆盖前"
            "为暂定判断"
        )
    early = target.kind is Kind.CUMULATIVE and target.direction is Direction.UP
    if lang == "en":
        text = f"met or missed on the figure for {due}; earlier figures show in-year progress"
        return text + (
            "; a year-to-date total past the annual figure is met early" if early else ""
        )
    text = f"完成与否按{due}的数据判定;此前的数据只显示年内进度"
    return text + (";累计已达全年目标即为提前完成" if early else "")


def direction_words(target: Target, lang: str) -> str:
    return _pick(_DIRECTION[target.direction], lang)


def sign_words(target: Target, lang: str) -> str | None:
    return _pick(_SIGN[target.entered_as], lang) if target.entered_as else None


def due_words(target: Target, lang: str) -> str:
    if target.due_stated:
        return (
            f"{target.due} (stated in the registry)" if lang == "en" else f"{target.due}(登记注明)"
        )
    return (
        f"{target.due}, the end of the report's year"
        if lang == "en"
        else f"{target.due}(报告年度末)"
    )


def tolerance_words(target: Target, lang: str) -> str | None:
    """How far a miss on the bad side is forgiven (左右 / 基本稳定 / 基本同步)."""
    band = target.tolerance
    if band is None:
        return None
    size = format_decimal(band)
    side = {
        Direction.UP: ("低于目标不超过", "a shortfall of up to"),
        Direction.DOWN: ("高于目标不超过", "an overshoot of up to"),
        Direction.NONE: ("偏离目标不超过", "a difference either way of up to"),
    }[target.direction]
    if lang == "en":
        return f"{side[1]} {size} is still met (the registry's reading of the wording)"
    return f"{side[0]} {size} 仍算完成(本登记对原文措辞的解读)"


def baseline_words(baseline: Baseline, lang: str) -> str:
    parts = []
    if baseline.value is not None:
        parts.append(f"{format_decimal(baseline.value)} ({baseline.year}), “{baseline.quote}”")
    if baseline.same_period:
        parts.append(
            f"same period a year earlier: {baseline.same_period}"
            if lang == "en"
            else f"上年同期:{baseline.same_period}"
        )
    return "; ".join(parts)


def target_facts(target: Target, lang: str) -> list[tuple[str, str]]:
    """What `show` says about an entry's rule: each judgement the registry makes, in words."""
    facts = [("rule", rule_words(target, lang))]
    if target.rule is not None:
        facts.append(("direction", direction_words(target, lang)))
    if (tolerance := tolerance_words(target, lang)) is not None:
        facts.append(("tolerance", tolerance))
    facts += [("due", due_words(target, lang)), ("pacing", pacing_words(target, lang))]
    if target.rule is not None:
        facts.append(("finality", finality_words(target, lang)))
    if (sign := sign_words(target, lang)) is not None:
        facts.append(("sign", sign))
    if target.basis:
        facts.append(("basis", target.basis))
    if target.lead:
        facts.append(("lead", target.lead))
    if target.leader:
        facts.append(("leader", target.leader))
    return facts


def _bounded(result: Result, code: str, values: dict[str, str | None], lang: str) -> str:
    """The amounts of a published bound said as bounds too (≥ 5.7 against 6 is short by at
    most 0.3); a bound at the very edge (> 9 against 9) says only on which side it is."""
    assert result.bound is not None
    if code in ("exceeds", "exceeds-down") and not result.excess:
        return code + "-edge"
    for key, grows in (
        ("excess", code != "exceeds-down"),
        ("overshoot", True),
        ("shortfall", False),
    ):
        amount = values[key]
        if amount is not None and amount != "—":
            values[key] = bound_amount(amount, result.bound, grows=grows, lang=lang)
    return code


def reason(result: Result, lang: str) -> str:
    """One sentence for a result: the figure, what it was held to, and anything noted."""
    target = result.target
    unit = "" if target.unit in ("%", "是/否") else f" {unit_label(target.unit, lang)}"
    if target.unit == "%":
        unit = "%"
    # What is worked out from the target is printed to its precision (83.3 of 200 亿元).
    figure = result.actual
    required = in_precision(result.required, target, figure)
    gap = in_precision(result.gap, target, figure)
    values = {
        "required": _n(required),
        "unit": unit,
        "excess": _n(in_precision(result.excess, target, figure)),
        "tolerance": _n(result.tolerance),
        "shortfall": _n(-gap if gap is not None else None),
        "overshoot": _n(gap),
        "rule": rule_words(target, lang),
        "where": result.where or "",
        "period": str(result.period or ""),
        "year": str(result.period.year if result.period else ""),
        "due": str(target.due),
        "other": target.other or "",
        "baseline_id": target.baseline.same_period if target.baseline else "",
        "actual": _n(result.actual) if isinstance(result.actual, Decimal) else "",
        "judged": _n(result.judged),
        "baseline": _n(result.baseline),
        "baseline_year": str(target.baseline.year) if target.baseline else "",
        "bound": figure_words(result, lang),
        "other_period": str(result.other_period or ""),
    }
    code = result.code
    if code == "exceeds" and target.rule is not None and target.rule.direction is Direction.DOWN:
        code = "exceeds-down"
    if result.bound is not None:
        code = _bounded(result, code, values, lang)
    parts: list[str] = []
    if result.interim is not None:
        parts.append(_pick(_NOT_FINAL["interim"], lang).format(**values))
    if (result.status is not Status.NO_DATA or result.interim) and isinstance(
        result.actual, Decimal
    ):
        if result.bound is not None:
            if result.code != "bound-undetermined":  # that sentence names the bound itself
                parts.append(figure_words(result, lang))
        else:
            parts.append(_n(result.judged if result.judged is not None else result.actual))
    if code in _CODES:
        parts.append(_pick(_CODES[code], lang).format(**values))
    if result.other is not None and target.other:
        when = f" {result.other_period}" if result.other_period else ""
        parts.append(
            f"{target.other}{when} = {_n(result.other)}"
            if lang == "en"
            else f"{target.other}{when} 为 {_n(result.other)}"
        )
    if result.expected is not None:
        parts.append(_pick(_EXPECTED[target.pacing is Pacing.MILESTONES], lang))
    for note in result.notes:
        if note in _NOTES:
            parts.append(_pick(_NOTES[note], lang).format(**values))
    if (
        not result.final
        and result.other_period is not None
        and result.period is not None
        and result.period >= target.due
    ):
        parts.append(_pick(_NOT_FINAL["provisional"], lang).format(**values))
    if result.status is Status.NOT_DUE:
        parts.append(f"{target.due}到期" if lang != "en" else f"due {target.due}")
    return (", " if lang == "en" else ",").join(p for p in parts if p)
