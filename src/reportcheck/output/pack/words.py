"""The pack's words in Chinese and English: column heads, lights, the count paragraph, notes."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from reportcheck.model.numbers import format_decimal
from reportcheck.output.words import STATUS, pick
from reportcheck.review.pack import Light, Verdict
from reportcheck.review.status import Status

if TYPE_CHECKING:
    from reportcheck.model.periods import Period
    from reportcheck.review.pack import Pack, Row

LIGHT = {
    Light.GREEN: ("绿灯", "green"),
    Light.YELLOW: ("黄灯", "yellow"),
    Light.ORANGE: ("橙灯", "orange"),
    Light.RED: ("红灯", "red"),
    Light.GREY: ("无灯", "no light"),
}

VERDICT = {
    Verdict.MET: ("完成", "met"),
    Verdict.MISSED: ("未完成", "missed"),
    Verdict.NOT_REPORTED: ("未报告", "not reported"),
}

CHANGE = {
    "newly_failing": ("新出现滞后", "newly behind"),
    "recovered": ("已恢复", "recovered"),
    "newly_met": ("新完成", "newly met"),
    "changed": ("状态变化", "status changed"),
    "light_changed": ("灯色变化", "light changed"),
}

HEAD = {
    "number": ("序号", "No."),
    "id": ("编号", "id"),
    "section": ("部分", "section"),
    "task": ("目标任务", "commitment (report wording)"),
    "name": ("指标", "indicator"),
    "unit": ("单位", "unit"),
    "annual": ("年度目标", "annual target"),
    "actual": ("完成", "to date"),
    "required": ("应达", "required now"),
    "completion": ("完成率(%)", "completion (%)"),
    "pace": ("序时进度(%)", "expected pace (%)"),
    "gap": ("差距", "gap"),
    "gap_unit": ("差距单位", "gap unit"),
    "status": ("状态", "status"),
    "light": ("灯色", "light"),
    "change": ("较上期", "since last period"),
    "lead": ("责任单位", "responsible unit"),
    "reason": ("推进情况/原因", "progress / reason"),
    "basis": ("判定依据", "basis of the status"),
    "per_month": ("剩余月均需完成", "needed per remaining month"),
    "period": ("期间", "period"),
    "source": ("来源/备注", "source / note"),
    "verdict": ("结果", "outcome"),
    "count": ("项数", "count"),
    "share": ("占比(%)", "share (%)"),
    "all": ("全部", "all"),
    "sections": ("部分", "section"),
    "lights": ("灯色", "lights"),
}

TEXT = {
    "title": ("{title}执行情况", "{title}: progress review"),
    "as_of": ("截至{period}", "as of {period}"),
    "previous": ("上期:{period}", "previous period: {period}"),
    "attachment": ("附件 量化指标完成情况", "Attachment: quantified commitments"),
    "account": ("年度目标任务完成情况对照表", "Year-end account of the commitments"),
    "account_early": (
        "(按{period}数据出具,非全年数据)",
        "(drawn up on the figures for {period}, not a full year)",
    ),
    "sheet_attachment": ("附件 量化指标", "Attachment"),
    "sheet_account": ("对照表", "Year-end account"),
    "notes": ("说明", "Notes"),
    "summary": ("汇总", "Summary"),
    "no_reason": ("未填写原因", "no reason given"),
    "unexplained": (
        "滞后或未完成但未填写原因的:{items}。",
        "Behind or missed with no reason given: {items}.",
    ),
    "no_lead": ("未指定", "not named"),
    "filter_count": ("显示 {shown} / {total} 项", "showing {shown} of {total}"),
    "points": ("个百分点", "points"),
    "illustrative": (
        "数据备注中标为“示例数据”的数字是示例,不是官方统计。",
        "Figures whose note says 'illustrative' are made up, not official statistics.",
    ),
}


#: Characters that would act rather than show: C0/C1 controls (tab and line breaks excepted),
#: line separators and bidirectional overrides.
_ACTING = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Text with every acting character spelled out (ESC becomes '\\x1b'), nothing dropped."""
    return _ACTING.sub(lambda m: _escape(ord(m.group())), text)


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def say(key: str, lang: str, **fields: object) -> str:
    return pick(TEXT[key], lang).format(**fields)


def head(key: str, lang: str) -> str:
    return pick(HEAD[key], lang)


def status_word(status: Status, lang: str) -> str:
    return pick(STATUS[status], lang)


def light_word(light: Light, lang: str) -> str:
    return pick(LIGHT[light], lang)


def verdict_word(verdict: Verdict, lang: str) -> str:
    return pick(VERDICT[verdict], lang)


def change_word(row: Row, lang: str) -> str:
    """'滞后 → 符合进度 (已恢复)', or the light's change, or empty."""
    kind = row.change
    if kind is None or row.previous is None:
        return ""
    if kind == "light_changed" and row.previous_light is not None:
        before, after = light_word(row.previous_light, lang), light_word(row.light, lang)
    else:
        before, after = status_word(row.previous.status, lang), status_word(row.status, lang)
    return f"{before} → {after} ({pick(CHANGE[kind], lang)})"


def period_words(period: Period | None, lang: str) -> str:
    if period is None:
        return "—"
    if lang == "en":
        return str(period)
    if period.kind == "year":
        return f"{period.year}年"
    return f"{period.year}年1—{period.month}月" if period.month > 1 else f"{period.year}年1月"


def share(part: int, whole: int) -> str:
    """A share in percent with one decimal, as the 通报 prints it."""
    if whole == 0:
        return "0.0"
    value = (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{value}"


def count_paragraph(pack: Pack, lang: str) -> str:
    """'截至…,N项承诺中有数据的M项:达到序时进度X项、占比Y%;滞后Z项:…;暂无数据W项。'"""
    counts = pack.counts()
    total = sum(counts.values())
    judged = total - counts[Status.NO_DATA]
    passing = counts[Status.ON_TRACK] + counts[Status.MET]
    failing = counts[Status.BEHIND] + counts[Status.MISSED]
    lagging = pack.lagging
    names = ("、" if lang == "zh" else ", ").join(row.target.name(lang) for row in lagging)
    when = period_words(pack.period, lang)
    in_year = counts[Status.ON_TRACK] + counts[Status.BEHIND] + counts[Status.NOT_DUE]
    if pack.period is not None and pack.period.is_full_year and not in_year:
        return _year_paragraph(pack, lang, names)
    if lang == "en":
        text = (
            f"As of {when}, of {total} commitments, {judged} have figures: "
            f"{passing} on pace or met ({share(passing, judged)}%), "
            f"{failing} behind or missed"
            + (f" ({names})" if lagging else "")
            + f"; {counts[Status.NO_DATA]} have no figure yet."
        )
        if pack.not_due:
            text += f" Of these, {len(pack.not_due)} are judged only at the year's end."
        return text
    text = (
        f"截至{when},{total}项承诺中有数据的{judged}项:"
        f"达到序时进度(含已完成){passing}项、占比{share(passing, judged)}%;"
        f"未达到序时进度(含未完成){failing}项" + (f",分别是{names}" if lagging else "")
    )
    text += f";暂无数据{counts[Status.NO_DATA]}项。"
    if pack.not_due:
        text += f"其中{len(pack.not_due)}项为年度指标,年底考核。"
    return text


def _year_paragraph(pack: Pack, lang: str, names: str) -> str:
    """The closing count: met, missed (named), not reported, of every commitment."""
    counts = pack.counts()
    total = sum(counts.values())
    met, missed = counts[Status.MET], counts[Status.MISSED]
    missing = counts[Status.NO_DATA]
    if lang == "en":
        return (
            f"For {period_words(pack.period, lang)}, of {total} commitments: {met} met "
            f"({share(met, total)}%), {missed} missed"
            + (f" ({names})" if missed else "")
            + f", {missing} not reported."
        )
    return (
        f"{period_words(pack.period, lang)}{total}项承诺中:完成{met}项、占比{share(met, total)}%;"
        f"未完成{missed}项" + (f",分别是{names}" if missed else "") + f";未报告{missing}项。"
    )


def notes(pack: Pack, lang: str) -> list[str]:
    """The rules the pack applies, printed with it: lights, 完成率, required pace."""
    limits = [format_decimal(x) for x in pack.bands.limits]
    if lang == "en":
        if len(limits) == 2:
            bands = (
                f"Lights: green on pace or met; yellow behind by up to {limits[0]} points; "
                f"orange behind by more than {limits[0]} and up to {limits[1]}; red behind by "
                f"more than {limits[1]}, or missed at year end; no light without a figure or "
                f"before a yes/no commitment is due (set with --bands)."
            )
        else:
            bands = (
                f"Lights: green on pace or met; yellow behind by up to {limits[0]} points; red "
                f"behind by more than {limits[0]}, or missed at year end; no light without a "
                "figure or before a yes/no commitment is due (set with --bands)."
            )
        return [
            bands,
            "Points behind: for targets with a completion rate, percentage points of the "
            "completion rate below the expected pace; for growth rates, shares and other "
            "targets compared directly, the shortfall as a percentage of what is required.",
            "Completion rate is given for cumulative and level targets only; growth rates are "
            "compared with the target directly, caps and ranks get none.",
            "Needed per remaining month is arithmetic (what is left divided by the months left), "
            "not a forecast.",
            *_illustrative(pack, lang),
        ]
    if len(limits) == 2:
        bands = (
            f"灯色:达到序时进度或已完成为绿灯;落后序时进度不超过{limits[0]}个百分点为黄灯;"
            f"超过{limits[0]}、不超过{limits[1]}个百分点为橙灯;超过{limits[1]}个百分点或年底"
            "未完成为红灯;没有数据或未到考核时间的年度指标不亮灯(可用 --bands 设置)。"
        )
    else:
        bands = (
            f"灯色:达到序时进度或已完成为绿灯;落后序时进度不超过{limits[0]}个百分点为黄灯;"
            f"超过{limits[0]}个百分点或年底未完成为红灯;没有数据或未到考核时间的年度指标不亮灯"
            "(可用 --bands 设置)。"
        )
    return [
        bands,
        "落后幅度:有完成率的指标按完成率低于序时进度的百分点计;增速、占比等直接比较的指标"
        "按低于应达值的百分比计。",
        "完成率只对累计量和总量指标计算;增速指标与目标直接比较,控制类和排名类指标不计完成率。",
        "剩余月均需完成是算术结果(剩余任务÷剩余月数),不是预测。",
        *_illustrative(pack, lang),
    ]


def _illustrative(pack: Pack, lang: str) -> list[str]:
    """A warning line when any figure's note or source marks it as made up."""
    marks = ("示例", "illustrative")
    for row in pack.rows:
        text = f"{row.result.source} {row.result.note}".lower()
        if any(mark in text for mark in marks):
            return [say("illustrative", lang)]
    return []


def unexplained_line(pack: Pack, lang: str) -> str | None:
    rows = [row for row in pack.rows if row.unexplained]
    if not rows:
        return None
    sep = "、" if lang == "zh" else ", "
    return say("unexplained", lang, items=sep.join(row.target.name(lang) for row in rows))
