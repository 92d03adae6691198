"""Words shown to people, in Chinese and English."""

from __future__ import annotations

from reportcheck.review.status import Status

STATUS = {
    Status.MET: ("已完成", "met"),
    Status.MISSED: ("未完成", "missed"),
    Status.ON_TRACK: ("符合进度", "on track"),
    Status.BEHIND: ("滞后", "behind"),
    Status.NOT_DUE: ("未到期", "not due yet"),
    Status.NO_DATA: ("暂无数据", "no data"),
}

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
    "direction": ("方向", "good direction"),
    "due": ("期限", "due"),
    "sign": ("正负号", "sign"),
    "basis": ("口径", "basis"),
    "lead": ("责任单位", "responsible unit"),
    "completion": ("完成率", "completion"),
    "pace": ("序时进度", "against pace"),
    "source": ("来源", "source"),
    "quote": ("原文", "quote"),
    "lagging": ("滞后最多", "lagging most"),
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
}

CHANGE = {
    "newly_failing": ("新出现滞后/未完成", "newly behind or missed"),
    "recovered": ("已恢复", "recovered"),
    "newly_met": ("新完成", "newly met"),
    "changed": ("状态变化", "changed"),
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


def word(key: str, lang: str) -> str:
    zh, en = WORDS[key]
    return en if lang == "en" else zh


def status_label(status: Status, lang: str) -> str:
    zh, en = STATUS[status]
    return en if lang == "en" else zh


def pick(pair: tuple[str, str], lang: str) -> str:
    return pair[1] if lang == "en" else pair[0]


#: Labels of the columns and lines this module's callers add to results, (zh, en).
LABELS: dict[str, tuple[str, str]] = {
    "completion": ("完成率", "completion"),
    "pace": ("较序时进度", "vs pace"),
    "filtered": ("已筛选", "filtered"),
    "no_data_line": ("暂无数据 {count} 项{due}", "no data: {count}{due}"),
    "not_due": ("(其中 {count} 项未到期)", " ({count} not due yet)"),
    "all_hint": (
        "暂无数据的各项按部分合并;--all 逐项列出",
        "no-data rows grouped; --all lists them",
    ),
    "not_due_short": ("未到期", "not due yet"),
    "exceeded_short": ("超额 {n}", "exceeded by {n}"),
    "better_short": ("优于 {n}", "better by {n}"),
    "as_fall_short": ("按降幅 {n}", "a fall of {n}"),
    "period_note": (
        "* 该项按所注期间的数据判定,不是 {period}",
        "* judged on the figure for the period shown, not {period}",
    ),
    "mixed": ("数据期间不一: {periods}", "figures from {periods}"),
    "before": ("上期状态", "before"),
    "after": ("本期状态", "now"),
    "change": ("变化", "change"),
}


def label(key: str, lang: str, **values: object) -> str:
    zh, en = LABELS[key]
    return (en if lang == "en" else zh).format(**values)


#: Things a problem names, said in each language; {name} is the thing's own name, if any.
TERMS: dict[str, tuple[str, str]] = {
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
}


def term_words(kind: str, name: str, lang: str) -> str:
    """A Term of a problem in `lang`: 'target gdp' / '目标 gdp'; an unknown kind as written."""
    pair = TERMS.get(kind)
    if pair is None:
        return f"{kind} {name}".strip()
    return (pair[1] if lang == "en" else pair[0]).format(name=name)
