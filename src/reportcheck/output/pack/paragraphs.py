"""The pack's sentences: the count paragraph that opens a 通报, the notes, the changes.

Words come from `reportcheck.output.words`; here they are put together. Every count paragraph
adds up: its parts are a partition of the commitments it counts.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from reportcheck.model.numbers import format_decimal
from reportcheck.output.words import (
    change_label,
    light_label,
    period_words,
    say,
    status_words,
    status_words_of,
)
from reportcheck.review.status import Status, Verdict

if TYPE_CHECKING:
    from reportcheck.review.pack import Pack, Row

#: Characters that would act rather than show: C0/C1 controls (tab and line breaks excepted),
#: line separators and bidirectional overrides; and the two noncharacters U+FFFE and U+FFFF,
#: which no XML (a .docx, an .xlsx) can carry.
_ACTING = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufffe\uffff]"
)


def visible(text: str) -> str:
    """Text with every acting character spelled out (ESC becomes '\\x1b'), nothing dropped."""
    return _ACTING.sub(lambda m: _escape(ord(m.group())), text)


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def change_word(row: Row, lang: str) -> str:
    """'滞后 → 符合进度 (已恢复)', or the light's change, or empty."""
    kind = row.change
    if kind is None or row.previous is None:
        return ""
    if kind == "light_changed" and row.previous_light is not None:
        before, after = light_label(row.previous_light, lang), light_label(row.light, lang)
    else:
        before = status_words_of(row.previous.status, row.previous, lang)
        after = status_words(row.result, lang)
    return f"{before} → {after} ({change_label(kind, lang)})"


def share(part: int, whole: int) -> str:
    """A share in percent with one decimal, as the 通报 prints it."""
    if whole == 0:
        return "0.0"
    value = (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{value}"


def _names(rows: tuple[Row, ...] | list[Row], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(row.target.name(lang) for row in rows)


def count_parts(pack: Pack) -> dict[str, int]:
    """The counts the paragraph gives, a partition of the rows: on pace (met included), lagging
    (missed included), judged at the due date only, undetermined bounds, no figure."""
    counts = pack.counts()
    return {
        "passing": counts[Status.ON_TRACK] + counts[Status.MET],
        "failing": counts[Status.BEHIND] + counts[Status.MISSED],
        "not_due": counts[Status.NOT_DUE],
        "undetermined": counts[Status.UNDETERMINED],
        "no_data": counts[Status.NO_DATA],
    }


def count_paragraph(pack: Pack, lang: str) -> str:
    """'截至…,N项承诺中,有进度判断的M项:达到序时进度X项、占比Y%;未达到序时进度Z项,分别是…;
    年底考核、尚未完成W项;暂无数据V项(其中尚未发布U项)。' The parts add up to N."""
    if pack.year_end:
        return _year_paragraph(pack, lang)
    parts = count_parts(pack)
    total = sum(parts.values())
    judged = parts["passing"] + parts["failing"]
    lagging = _names(pack.lagging, lang)
    when = period_words(pack.period, lang)
    unpublished = _awaited(pack, "not-published")
    at_due = _awaited(pack, "at-due")
    if lang == "en":
        text = (
            f"As of {when}, of {total} commitments, {judged} have a reading of progress: "
            f"{parts['passing']} on pace or met ({share(parts['passing'], judged)}%), "
            f"{parts['failing']} behind or missed" + (f" ({lagging})" if lagging else "")
        )
        if parts["not_due"]:
            text += f"; {parts['not_due']} are judged at their due date and not done yet"
        if parts["undetermined"]:
            text += f"; {parts['undetermined']} are published as a bound that settles nothing"
        text += f"; {parts['no_data']} have no figure"
        said = [
            *([f"{unpublished} not published yet"] if unpublished else []),
            *([f"{at_due} judged at their due date"] if at_due else []),
        ]
        if said:
            text += f" (of them {', '.join(said)})"
        return text + "."
    text = (
        f"截至{when},{total}项承诺中,有进度判断的{judged}项:"
        f"达到序时进度(含已完成){parts['passing']}项、占比{share(parts['passing'], judged)}%;"
        f"未达到序时进度(含未完成){parts['failing']}项" + (f",分别是{lagging}" if lagging else "")
    )
    if parts["not_due"]:
        text += f";年底考核、尚未完成{parts['not_due']}项"
    if parts["undetermined"]:
        text += f";数据为区间、尚难判定{parts['undetermined']}项"
    text += f";暂无数据{parts['no_data']}项"
    said = [
        *([f"尚未发布{unpublished}项"] if unpublished else []),
        *([f"到期考核{at_due}项"] if at_due else []),
    ]
    if said:
        text += f"(其中{'、'.join(said)})"
    return text + "。"


def _awaited(pack: Pack, why: str) -> int:
    return sum(1 for row in pack.rows if row.status is Status.NO_DATA and row.result.awaited == why)


def _year_paragraph(pack: Pack, lang: str) -> str:
    """The closing count of the 对照表: met (within tolerance among them), missed (named), not
    reported (no final figure), of every commitment."""
    verdicts = pack.verdict_counts()
    total = sum(verdicts.values())
    met, missed = verdicts[Verdict.MET], verdicts[Verdict.MISSED]
    basically = sum(1 for row in pack.rows if row.verdict is Verdict.MET and row.result.tolerated)
    missing = verdicts[Verdict.NOT_REPORTED]
    names = _names([row for row in pack.rows if row.verdict is Verdict.MISSED], lang)
    when = period_words(pack.period, lang)
    if lang == "en":
        return (
            f"For {when}, of {total} commitments: {met} met ({share(met, total)}%"
            + (f"; {basically} of them within tolerance" if basically else "")
            + f"), {missed} missed"
            + (f" ({names})" if missed else "")
            + f", {missing} not reported (no figure for the period that settles them)."
        )
    return (
        f"{when}{total}项承诺中:完成{met}项、占比{share(met, total)}%"
        + (f"(其中基本完成{basically}项)" if basically else "")
        + f";未完成{missed}项"
        + (f",分别是{names}" if missed else "")
        + f";未报告(尚无全年数据){missing}项。"
    )


def account_note(pack: Pack, lang: str) -> str:
    """Beside the 对照表's title: how many commitments have no final figure and are therefore
    not reported (a `--final` pack in July, or December before the year's figures are in)."""
    count = pack.verdict_counts()[Verdict.NOT_REPORTED]
    if not count:
        return ""
    return say("account_not_final", lang, period=period_words(pack.period, lang), count=count)


def notes(pack: Pack, lang: str) -> list[str]:
    """The rules the pack applies, printed with it: lights, 完成率, required pace."""
    limits = [format_decimal(x) for x in pack.bands.limits]
    if lang == "en":
        if len(limits) == 2:
            bands = (
                f"Lights: green on pace or met; yellow behind by up to {limits[0]} points; "
                f"orange behind by more than {limits[0]} and up to {limits[1]}; red behind by "
                f"more than {limits[1]}, or missed; no light without a figure, before a "
                "commitment judged at its due date is due, or for a bound that settles nothing "
                "(set with --bands). The points are the ones printed, to one decimal place."
            )
        else:
            bands = (
                f"Lights: green on pace or met; yellow behind by up to {limits[0]} points; red "
                f"behind by more than {limits[0]}, or missed; no light without a figure, before "
                "a commitment judged at its due date is due, or for a bound that settles nothing "
                "(set with --bands). The points are the ones printed, to one decimal place."
            )
        return [
            bands,
            "Points behind: for targets with a completion rate, percentage points of the "
            "completion rate below the expected pace; for growth rates, shares and other "
            "targets compared directly, the shortfall as a percentage of what is required.",
            "Completion rate is given for cumulative and level targets only; growth rates are "
            "compared with the target directly, caps and ranks get none.",
            "Met or missed is said only on a figure for the period that settles a commitment "
            "(the year's, for a year's promise); an earlier figure is reported as its in-year "
            "reading. 'Met within tolerance': short of the figure, within the tolerance the "
            "registry gives the wording (左右, 基本稳定, 基本同步).",
            "Needed per remaining month is arithmetic (what is left divided by the months left), "
            "not a forecast.",
            *_illustrative(pack, lang),
        ]
    if len(limits) == 2:
        bands = (
            f"灯色:达到序时进度或已完成为绿灯;落后序时进度不超过{limits[0]}个百分点为黄灯;"
            f"超过{limits[0]}、不超过{limits[1]}个百分点为橙灯;超过{limits[1]}个百分点或"
            "未完成为红灯;没有数据、未到考核时间或数据为区间难以判定的不亮灯(可用 --bands 设置)。"
            "百分点按表中所列(保留一位小数)计。"
        )
    else:
        bands = (
            f"灯色:达到序时进度或已完成为绿灯;落后序时进度不超过{limits[0]}个百分点为黄灯;"
            f"超过{limits[0]}个百分点或未完成为红灯;没有数据、未到考核时间或数据为区间难以判定的"
            "不亮灯(可用 --bands 设置)。百分点按表中所列(保留一位小数)计。"
        )
    return [
        bands,
        "落后幅度:有完成率的指标按完成率低于序时进度的百分点计;增速、占比等直接比较的指标"
        "按低于应达值的百分比计。",
        "完成率只对累计量和总量指标计算;增速指标与目标直接比较,控制类和排名类指标不计完成率。",
        "完成与否只按考核期(年度目标为全年)的数据判定;此前的数据只列出其年内进度。"
        "基本完成:未达到目标值,但在登记表对“左右”“基本稳定”“基本同步”所定的容差以内。",
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
    return say("unexplained", lang, items=_names(rows, lang))
