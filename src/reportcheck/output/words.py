"""Every word shown to people, in Chinese and English: one vocabulary keyed by codes.

Statuses, changes, lights, verdicts, column heads, labels, the things a problem names, and the
phrases made from progress figures all live here, keyed by their codes (a status's value, a
light's value); every output format asks this module, so a word is changed in one place.
Sentences about rules and verdicts are made in `explain`, the messages of problems in
`catalogue`, both from these words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportcheck.model.numbers import format_decimal

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from decimal import Decimal

    from reportcheck.model.periods import Period
    from reportcheck.review.evaluate import Result
    from reportcheck.review.progress import Progress
    from reportcheck.review.status import Light, Status, Verdict

Pair = tuple[str, str]

STATUS: dict[str, Pair] = {
    "met": ("已完成", "met"),
    "missed": ("未完成", "missed"),
    "on_track": ("符合进度", "on track"),
    "behind": ("滞后", "behind"),
    "not_due": ("未到期", "not due yet"),
    "undetermined": ("待定", "undetermined"),
    "no_data": ("暂无数据", "no data"),
}
#: A result met (or on pace) only thanks to the tolerance of 左右 / 基本稳定 / 基本同步.
MET_WITHIN_TOLERANCE: Pair = ("基本完成", "met within tolerance")

#: How a commitment's status changed since the previous period (review and pack alike).
CHANGE: dict[str, Pair] = {
    "newly_failing": ("新出现滞后/未完成", "newly behind or missed"),
    "recovered": ("已恢复", "recovered"),
    "newly_met": ("新完成", "newly met"),
    "changed": ("状态变化", "status changed"),
    "light_changed": ("灯色变化", "light changed"),
}

LIGHT: dict[str, Pair] = {
    "green": ("绿灯", "green"),
    "yellow": ("黄灯", "yellow"),
    "orange": ("橙灯", "orange"),
    "red": ("红灯", "red"),
    "grey": ("无灯", "no light"),
}

VERDICT: dict[str, Pair] = {
    "met": ("完成", "met"),
    "missed": ("未完成", "missed"),
    "not_reported": ("未报告", "not reported"),
}
#: The account's word for a commitment met only thanks to its tolerance.
VERDICT_WITHIN_TOLERANCE: Pair = ("基本完成", "met within tolerance")

WORDS = {
    "id": ("编号", "id"),
    "section": ("部分", "section"),
    "name": ("指标", "indicator"),
    "wording": ("报告原文", "report wording"),
    "unit": ("单位", "unit"),
    "rule": ("判定规则", "rule"),
    "actual": ("实际", "actual"),
    "required": ("应达", "required"),
    "gap": ("差距", "gap"),
    "status": ("状态", "status"),
    "period": ("期间", "period"),
    "reason": ("说明", "reason"),
    "kind": ("类型", "kind"),
    "released": ("发布频率", "released"),
    "count": ("数量", "count"),
    "commitments": ("项承诺", "commitments"),
    "references": ("项参照指标", "reference quantities"),
    "baseline": ("基期", "baseline"),
    "tolerance": ("容差", "tolerance"),
    "pacing": ("进度口径", "pacing"),
    "finality": ("完成判定", "finality"),
    "direction": ("方向", "good direction"),
    "due": ("期限", "due"),
    "sign": ("正负号", "sign"),
    "basis": ("口径", "basis"),
    "lead": ("责任单位", "responsible unit"),
    "leader": ("分管领导", "leader in charge"),
    "completion": ("完成率", "completion"),
    "pace": ("序时进度", "against pace"),
    "source": ("来源", "source"),
    "quote": ("原文", "quote"),
    "lagging": ("滞后最多", "lagging most"),
    "missed_most": ("差距最大的未完成项", "missed by most"),
    "lagging_or_missed_most": ("差距最大的滞后及未完成项", "behind or missed by most"),
    "no_data": ("暂无数据", "no data"),
    "changes": ("与上期相比的变化", "changes since the previous period"),
    "as_of": ("截至", "as of"),
    "previous": ("上期", "previous period"),
    "none": ("无", "none"),
    "by_section": ("按部分", "by section"),
    "by_kind": ("按类型", "by kind"),
    "by_release": ("按发布频率", "by release"),
    "other": ("比较对象", "compared with"),
    "trend": ("走势", "trend"),
    "note": ("备注", "note"),
    "registry_name": ("名称", "name"),
    "default": ("默认", "default"),
    "year": ("年份", "year"),
    "report_title": ("报告", "report"),
    "file": ("文件", "file"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
}

CATEGORY = {
    "rate": ("比率/增速", "rate or share"),
    "cumulative": ("累计量", "cumulative flow"),
    "stock": ("期末存量", "end-of-period stock"),
    "relative": ("相对目标", "relative"),
    "baseline": ("基期目标", "against baseline"),
    "rank": ("排名", "rank"),
    "yesno": ("是/否", "yes/no"),
    "monthly": ("月度", "monthly"),
    "quarterly": ("季度", "quarterly"),
    "yearly": ("年度", "yearly"),
}

#: The words of a rule's formula (`reportcheck.rules.Word`), besides the entry's own unit.
FORMULA = {
    "baseline": WORDS["baseline"],
    "points": ("个百分点", "pp"),
    "rank": CATEGORY["rank"],
    "done": ("完成", "done"),
}

#: The review pack's column heads (the words an office's 附件 uses).
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
    "leader": ("分管领导", "leader in charge"),
    "reason": ("推进情况/原因", "progress / reason"),
    "basis": ("判定依据", "basis of the status"),
    "per_month": ("剩余月均需完成", "needed per remaining month"),
    "period": ("期间", "period"),
    "source": ("来源/备注", "source / note"),
    "warnings": ("数据提示", "data warnings"),
    "level": ("总量", "level"),
    "level_unit": ("总量单位", "level unit"),
    "rank": ("全省排位", "rank in province"),
    "done": ("完成情况", "done"),
    "verdict": ("结果", "outcome"),
    "count": ("项数", "count"),
    "share": ("占比(%)", "share (%)"),
    "all": ("全部", "all"),
    "sections": ("部分", "section"),
    "lights": ("灯色", "lights"),
    # The parts of the count paragraph, as columns of the count by leader.
    "passing": ("达到序时进度(含已完成)", "on pace or met"),
    "failing": ("未达到序时进度(含未完成)", "behind or missed"),
    "not_due": ("到期考核、尚未完成", "judged at the due date, not done yet"),
    "undetermined": ("数据为区间、尚难判定", "a bound that settles nothing"),
    "no_data": ("暂无数据", "no figure"),
}

#: The review pack's phrases.
TEXT = {
    "title": ("{title}执行情况", "{title}: progress review"),
    "as_of": ("截至{period}", "as of {period}"),
    "previous": ("上期:{period}", "previous period: {period}"),
    "attachment": ("附件 量化指标完成情况", "Attachment: quantified commitments"),
    "account": ("年度目标任务完成情况对照表", "Year-end account of the commitments"),
    "account_not_final": (
        "(截至{period};尚无考核期数据的{count}项列为未报告,并注明最新数据的年内进度)",
        " (as of {period}; the {count} commitments without a figure for the period that settles "
        "them are not reported, with the in-year reading of their latest figure)",
    ),
    "sheet_attachment": ("附件 量化指标", "Attachment"),
    "annex_main": ("附件{number} 主要经济指标完成情况", "Annex {number}: main economic indicators"),
    "annex_figures": ("附件{number} 量化指标完成情况", "Annex {number}: quantified commitments"),
    "annex_projects": ("附件{number} 重点项目推进情况", "Annex {number}: named projects and tasks"),
    "data_sheet": ("数据", "Data"),
    "annex_sheet": ("附件{number}", "Annex {number}"),
    "notice_title": ("关于{title}执行情况的通报", "{title}: progress notice"),
    "overview": ("总体情况", "Overview"),
    "laggards": ("滞后事项及原因", "What lags, and why"),
    "laggards_missed": ("未完成事项及原因", "What was missed, and why"),
    "laggards_both": ("滞后及未完成事项及原因", "What lags or was missed, and why"),
    "no_reason_units": ("未报送原因的责任单位:{units}。", "Units that gave no reason: {units}."),
    "main_indicators": ("主要经济指标", "Main indicators"),
    "sheet_account": ("对照表", "Year-end account"),
    "notes": ("说明", "Notes"),
    "data_warnings": ("数据提示", "Data warnings"),
    "warnings_more": ("另有{n}条提示未列出。", "{n} more warnings are not listed."),
    "summary": ("汇总", "Summary"),
    "no_reason": ("未填写原因", "no reason given"),
    "reason_given": ("原因:{reason}", " Reason: {reason}"),
    "unexplained": (
        "滞后或未完成但未填写原因的:{items}。",
        "Behind or missed with no reason given: {items}.",
    ),
    "no_lead": ("未指定", "not named"),
    "no_unit_file": ("未指定责任单位", "no unit named"),
    "by_leader": ("按分管领导统计", "By leader in charge"),
    # The Word document's styles of table text, as Word lists them in its styles pane.
    "style_table_text": ("表格文字", "Table text"),
    "style_table_figure": ("表格数字", "Table figure"),
    "style_table_heading": ("表格标题", "Table heading"),
    "leader_lagging": ("{leader}分管:", "Under {leader}:"),
    "leader_lagging_none": ("未指定分管领导:", "No leader named:"),
    "filter_count": ("显示 {shown} / {total} 项", "showing {shown} of {total}"),
    # The count paragraph that opens a 通报, in parts that add up to every commitment.
    "count_head": (
        "截至{when},{total}项承诺中,有进度判断的{judged}项:达到序时进度(含已完成){passing}项、"
        "占比{share}%;未达到序时进度(含未完成){failing}项{names}",
        "As of {when}, of {total} commitments, {judged} have a reading of progress: {passing} "
        "on pace or met ({share}%), {failing} behind or missed{names}",
    ),
    "count_names": (",分别是{names}", " ({names})"),
    "count_not_due": (
        ";年底考核、尚未完成{n}项",
        "; {n} are judged at their due date and not done yet",
    ),
    "count_undetermined": (
        ";数据为区间、尚难判定{n}项",
        "; {n} are published as a bound that settles nothing",
    ),
    "count_no_data": (";暂无数据{n}项", "; {n} have no figure"),
    "count_of_them": ("(其中{parts})", " (of them {parts})"),
    "count_not-published": ("尚未发布{n}项", "{n} not published yet"),
    "count_at-due": ("到期考核{n}项", "{n} judged at their due date"),
    "list_separator": ("、", ", "),
    "sentence_end": ("。", "."),
    "year_count": (
        "{when}{total}项承诺中:完成{met}项、占比{share}%{basically};未完成{missed}项{names};"
        "未报告(尚无可判定的考核期数据){missing}项。",
        "For {when}, of {total} commitments: {met} met ({share}%{basically}), {missed} "
        "missed{names}, {missing} not reported (no figure for the period that settles them).",
    ),
    "year_basically": ("(其中基本完成{n}项)", "; {n} of them within tolerance"),
    # The notes printed with every pack: the rules it applies.
    "note_bands_two": (
        "灯色:达到序时进度或已完成为绿灯;落后序时进度不超过{first}个百分点为黄灯;超过{first}、"
        "不超过{second}个百分点为橙灯;超过{second}个百分点或未完成为红灯;没有数据、未到考核时间"
        "或数据为区间难以判定的不亮灯。百分点按表中所列(保留一位小数)计。",
        "Lights: green on pace or met; yellow behind by up to {first} points; orange behind by "
        "more than {first} and up to {second}; red behind by more than {second}, or missed; no "
        "light without a figure, before a commitment judged at its due date is due, or for a "
        "bound that settles nothing. The points are the ones printed, to one decimal place.",
    ),
    "note_bands_one": (
        "灯色:达到序时进度或已完成为绿灯;落后序时进度不超过{first}个百分点为黄灯;超过{first}个"
        "百分点或未完成为红灯;没有数据、未到考核时间或数据为区间难以判定的不亮灯。百分点按表中所列"
        "(保留一位小数)计。",
        "Lights: green on pace or met; yellow behind by up to {first} points; red behind by more "
        "than {first}, or missed; no light without a figure, before a commitment judged at its "
        "due date is due, or for a bound that settles nothing. The points are the ones printed, "
        "to one decimal place.",
    ),
    "note_behind": (
        "落后幅度:有完成率的指标按完成率低于序时进度的百分点计;增速、占比等直接比较的指标按低于"
        "应达值的百分比计。",
        "Points behind: for targets with a completion rate, percentage points of the completion "
        "rate below the expected pace; for growth rates, shares and other targets compared "
        "directly, the shortfall as a percentage of what is required.",
    ),
    "note_completion": (
        "完成率只对累计量和总量指标计算;增速指标与目标直接比较,控制类和排名类指标不计完成率。",
        "Completion rate is given for cumulative and level targets only; growth rates are "
        "compared with the target directly, caps and ranks get none.",
    ),
    "note_final": (
        "完成与否只按考核期(年度目标为全年)的数据判定;此前的数据只列出其年内进度。"
        "基本完成:未达到目标值,但在登记表对“左右”“基本稳定”“基本同步”所定的容差以内。",
        "Met or missed is said only on a figure for the period that settles a commitment (the "
        "year's, for a year's promise); an earlier figure is reported as its in-year reading. "
        "'Met within tolerance': short of the figure, within the tolerance the registry gives "
        "the wording (左右, 基本稳定, 基本同步).",
    ),
    "note_per_month": (
        "剩余月均需完成是算术结果(剩余任务÷剩余月数),不是预测。",
        "Needed per remaining month is arithmetic (what is left divided by the months left), not "
        "a forecast.",
    ),
    # A figure of another period than the one a pack is of, with its period beside it.
    "figure_of": ("{figure}（{period}）", "{figure} ({period})"),
    "on_figures_of": ("按{period}数据,", "on {period} figures: "),
    "filtered_by": ("（筛选：{filters}）", " (filtered: {filters})"),
    "filter_separator": ("；", "; "),
    "print_filtered": ("已筛选:{filters};{count}", "Filtered: {filters}; {count}"),
    "points": ("个百分点", "points"),
    "illustrative": (
        "数据备注中标为“示例数据”的数字是示例,不是官方统计。",
        "Figures whose note says 'illustrative' are made up, not official statistics.",
    ),
}

#: Labels of the columns and lines added to results in tables and documents.
LABELS: dict[str, Pair] = {
    "completion": ("完成率", "completion"),
    "pace": ("较序时进度", "vs pace"),
    "filtered": ("已筛选", "filtered"),
    "no_data_line": ("暂无数据 {count} 项{awaited}", "no data: {count}{awaited}"),
    "awaited": ("(其中 {parts})", " ({parts})"),
    "not-published": ("{count} 项尚未发布", "{count} not published yet"),
    "at-due": ("{count} 项到期考核", "{count} judged at their due date"),
    "not-published_short": ("尚未发布", "not published yet"),
    "at-due_short": ("到期考核", "judged at its due date"),
    "all_hint": (
        "暂无数据的各项按部分合并;--all 逐项列出",
        "no-data rows grouped; --all lists them",
    ),
    "exceeded_short": ("超额 {n}", "exceeded by {n}"),
    "better_short": ("优于 {n}", "better by {n}"),
    "as_fall_short": ("按降幅 {n}", "a fall of {n}"),
    "interim_short": ("按{period}数据:{status}", "on {period} figures: {status}"),
    "provisional_short": ("{other}仅至{period}", "{other} only to {period}"),
    "bound_short": ("已发布为{bound}", "published as {bound}"),
    "rank_short": ("全省第{rank}", "{rank} in the province"),
    "level_short": ("总量 {level}", "level {level}"),
    "period_note": (
        "* 该项按所注期间的数据判定,不是 {period}",
        "* judged on the figure for the period shown, not {period}",
    ),
    "mixed": ("数据期间不一: {periods}", "figures from {periods}"),
    "before": ("上期状态", "before"),
    "after": ("本期状态", "now"),
    "change": ("变化", "change"),
    "doubt": ("数据存疑", "doubtful figure"),
    "warnings": ("数据存疑提示", "Warnings about the figures"),
}

#: Things a problem names, said in each language; {name} is the thing's own name, if any.
TERMS: dict[str, Pair] = {
    "registry": ("登记表", "registry"),
    "report": ("report", "report"),  # the registry key, as written in both languages
    "target": ("目标 {name}", "target {name}"),
    "target-baseline": ("目标 {name} 的基期", "target {name} baseline"),
    "target-unnamed": ("目标(无编号)", "target (no id)"),
    "section": ("部分 {name}", "section {name}"),
    "unit": ("单位 {name}", "unit {name}"),
    "not-commitments": ("not_commitments", "not_commitments"),
    "text": ("原文 {name}", "text {name}"),
    "the-report": ("报告原文", "the report"),
    "a-registry": ("登记表", "a registry"),
    "a-report": ("报告原文", "a report's text"),
    "a-file-of-actuals": ("实际数据文件", "a file of actuals"),
    "bytes": ("{name} 字节", "{name} bytes"),
    "xls-workbook": ("旧版 Excel .xls 工作簿", "an old Excel .xls workbook"),
    "wps-workbook": ("WPS 工作簿", "a WPS workbook"),
    "ods-sheet": ("OpenDocument 表格", "an OpenDocument sheet"),
    "numbers-sheet": ("Numbers 表格", "a Numbers sheet"),
}


def pick(pair: Pair, lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


def word(key: str, lang: str) -> str:
    return pick(WORDS[key], lang)


def label(key: str, lang: str, **values: object) -> str:
    return pick(LABELS[key], lang).format(**values)


def head(key: str, lang: str) -> str:
    return pick(HEAD[key], lang)


def say(key: str, lang: str, **fields: object) -> str:
    return pick(TEXT[key], lang).format(**fields)


def status_label(status: Status, lang: str) -> str:
    return pick(STATUS[status.value], lang)


def status_words(result: Result, lang: str) -> str:
    """The status of a result as printed: 基本完成 where it was met only thanks to the tolerance."""
    return status_words_of(result.status, result, lang)


def change_label(kind: str, lang: str) -> str:
    return pick(CHANGE[kind], lang)


def light_label(light: Light, lang: str) -> str:
    return pick(LIGHT[light.value], lang)


def verdict_label(verdict: Verdict, lang: str, tolerated: bool = False) -> str:
    if verdict.value == "met" and tolerated:
        return pick(VERDICT_WITHIN_TOLERANCE, lang)
    return pick(VERDICT[verdict.value], lang)


def term_words(kind: str, name: str, lang: str) -> str:
    """A Term of a problem in `lang`: 'target gdp' / '目标 gdp'; an unknown kind as written."""
    pair = TERMS.get(kind)
    if pair is None:
        return f"{kind} {name}".strip()
    return pick(pair, lang).format(name=name)


# ── Phrases made from progress figures ──────────────────────────────────────────────────────


def percent(value: Decimal | None) -> str:
    """A completion rate as reviews print it, to one decimal place: '55.0%'; '' for none."""
    return "" if value is None else f"{value:f}%"


def pace_words(value: Progress, lang: str, short: bool = False) -> str:
    """'超序时进度2.5个百分点' / '落后序时进度4.8个百分点' / '与序时进度持平', or ''.

    `short` leaves out 序时进度 for a column whose header says it: '落后4.8个百分点'.
    """
    ahead = value.ahead
    if ahead is None:
        return ""
    points = format(abs(ahead), "f")
    if lang == "en":
        if not ahead:
            return "level" if short else "on pace"
        return f"{points} pp {'ahead' if ahead > 0 else 'behind'}{'' if short else ' pace'}"
    pace = "" if short else "序时进度"
    if not ahead:
        return "持平" if short else "与序时进度持平"
    return f"{'超' if ahead > 0 else '落后'}{pace}{points}个百分点"


def shown(value: Decimal | None, result: Result) -> Decimal | None:
    """A figure worked out from the result's target (what is required, the gap) as printed: to
    the target's precision, or the figure's if finer (83.3 due of 200 亿元, not 83.3333)."""
    from reportcheck.review.progress import in_precision

    return in_precision(value, result.target, result.actual)


#: How a figure published as a bound qualifies an amount worked out from it: one that grows
#: with the figure (an excess, an overshoot) or one that shrinks (a shortfall, "better by").
_QUALIFIERS = {
    (">=", True): ("{n} 以上", "at least {n}"),
    (">", True): ("逾 {n}", "more than {n}"),
    (">=", False): ("至多 {n}", "at most {n}"),
    (">", False): ("不足 {n}", "less than {n}"),
    ("<=", True): ("至多 {n}", "at most {n}"),
    ("<", True): ("不足 {n}", "less than {n}"),
    ("<=", False): ("{n} 以上", "at least {n}"),
    ("<", False): ("逾 {n}", "more than {n}"),
}


def bound_amount(amount: str, bound: str | None, *, grows: bool, lang: str) -> str:
    """An amount worked out from a figure, qualified as its bound makes it: ≥ 9.5 against 9
    exceeds by 'at least 0.5', ≥ 5.7 against 6 falls short by 'at most 0.3'."""
    if bound is None:
        return amount
    return pick(_QUALIFIERS[(bound, grows)], lang).format(n=amount)


def excess_words(result: Result, lang: str) -> str:
    """'超额 0.6' for a figure beyond its target in the good direction ('优于 1' under a cap);
    '' otherwise. Shown beside the status, which stays met or on track."""
    if result.excess is None or result.status.value not in ("met", "on_track"):
        return ""
    from reportcheck.review.progress import in_precision

    down = result.target.direction.value == "down"
    key = "better_short" if down else "exceeded_short"
    excess = in_precision(result.excess, result.target, result.actual)
    amount = format_decimal(excess if excess is not None else result.excess)
    return label(key, lang, n=bound_amount(amount, result.bound, grows=not down, lang=lang))


def sign_words(result: Result, lang: str) -> str:
    """'按降幅 16' when a cut entered as -16 was read as a fall of 16; '' otherwise."""
    if result.judged is None or not {"sign-converted", "sign-from-change"} & set(result.notes):
        return ""
    return label("as_fall_short", lang, n=format_decimal(result.judged))


_BOUND_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


def figure_words(result: Result, lang: str) -> str:
    """The figure as typed: 5.7, 是 (yes), ≥ 90 for a published bound, — for none."""
    value = result.actual
    if value is None:
        return "—"
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    text = format_decimal(value)
    return f"{_BOUND_SIGNS[result.bound]} {text}" if result.bound else text


def beside_words(result: Result, lang: str) -> str:
    """What the office printed beside the figure: '全省第4;总量 4015 亿元', or ''."""
    parts = []
    if result.rank is not None:
        parts.append(label("rank_short", lang, rank=result.rank))
    if result.level is not None:
        level = f"{format_decimal(result.level)} {result.level_unit}".strip()
        parts.append(label("level_short", lang, level=level))
    return (";" if lang != "en" else "; ").join(parts)


def status_notes(result: Result, lang: str) -> list[str]:
    """What is printed beside a status: the excess, the in-year reading of a figure that is not
    final, the other quantity's period of a provisional reading, an undetermined bound."""
    notes = []
    if excess := excess_words(result, lang):
        notes.append(excess)
    if result.interim is not None and result.period is not None:
        notes.append(
            label(
                "interim_short",
                lang,
                period=period_words(result.period, lang),
                status=status_words_of(result.interim, result, lang),
            )
        )
    if (
        not result.final
        and result.other_period is not None
        and result.period is not None
        and result.period >= result.target.due
    ):
        notes.append(
            label("provisional_short", lang, other=result.target.other, period=result.other_period)
        )
    if result.awaited:
        notes.append(label(f"{result.awaited}_short", lang))
    return notes


def status_words_of(status: Status, result: Result, lang: str) -> str:
    """The status word of a result's figure: 基本完成 where a figure met its target only
    thanks to the tolerance; the in-year status of an older figure (按9月数据:符合进度)."""
    if status.value == "met" and result.tolerated:
        return pick(MET_WITHIN_TOLERANCE, lang)
    return status_label(status, lang)


def failing_kind(statuses: Iterable[Status], at_year_end: bool) -> str:
    """What a list of failing commitments holds, for its heading: "behind" (in the year),
    "missed" (judged at the due date) or "both"; an empty list is "missed" at the year's end
    and "behind" before it."""
    kinds = {status.value for status in statuses} & {"behind", "missed"}
    if kinds == {"behind", "missed"}:
        return "both"
    if kinds:
        return kinds.pop()
    return "missed" if at_year_end else "behind"


#: The heading over the failing commitments a review lists, largest shortfall first.
FAILING_MOST = {"behind": "lagging", "missed": "missed_most", "both": "lagging_or_missed_most"}


def period_words(period: Period | None, lang: str) -> str:
    """'2023年1—6月', '2023年' or '2023-06' / '2023' in English; '—' for none."""
    if period is None:
        return "—"
    if lang == "en":
        return str(period)
    if period.kind == "year":
        return f"{period.year}年"
    return f"{period.year}年1—{period.month}月" if period.month > 1 else f"{period.year}年1月"


def months_words(period: Period, lang: str) -> str:
    """A period within the year a pack is of, as a column or a note says it: '1—6月' (the
    year said once, in the 截至 line), '2023年' for the whole year; '2023-06' in English."""
    words = period_words(period, lang)
    if lang == "en" or period.kind == "year":
        return words
    return words.removeprefix(f"{period.year}年")


def no_data_line(results: Sequence[Result], lang: str) -> str:
    """One line for a section's results without data, saying how many are not published yet
    and how many are judged only at their due date (neither is missing a figure)."""
    parts = []
    for why in ("not-published", "at-due"):
        count = sum(1 for r in results if r.awaited == why)
        if count:
            parts.append(label(why, lang, count=count))
    said = label("awaited", lang, parts=("、" if lang != "en" else ", ").join(parts))
    return label("no_data_line", lang, count=len(results), awaited=said if parts else "")
