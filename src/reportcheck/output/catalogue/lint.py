"""Evidence checks of a registry against the texts it quotes, as the loader and `lint` run them.

Each key (a problem's code, or code/variant) has a Chinese and an English template; the
placeholders are the problem's parameters. {text} is the text a quote comes from (the report,
or a text named under report.texts). Warnings here do not stop a registry from loading; they fail
`reportcheck lint --strict`.
"""

from __future__ import annotations

TEMPLATES: dict[str, tuple[str, str]] = {
    "value-not-in-quote": (
        "{where}:{value} {unit} 不是其引文 {quote} 中的数",
        "{where}: {value} {unit} is not a number of its quote {quote}",
    ),
    "value-not-in-quote/baseline": (
        "{where}:基期数值 {value} {unit} 不是其引文 {quote} 中的数",
        "{where}: the baseline value {value} {unit} is not a number of its quote {quote}",
    ),
    "wording-mismatch": (
        "{where}:引文读作 {said},登记为 {value}",
        "{where}: the quote reads as {said}, the entry says {value}",
    ),
    "wording-mismatch/reversed": (
        "{where}:引文读作 {said},登记为 {value}:方向相反",
        "{where}: the quote reads as {said}, the entry says {value}: the direction is reversed",
    ),
    "quote-in-review": (
        "{where}:引文只见于{text}的上年工作回顾部分,不在今年的计划中",
        "{where}: the quote stands only in the review of last year of {text}, not in the plan",
    ),
    "baseline-in-plan": (
        "{where}:基期引文出自{text}的计划部分,不是上年工作回顾",
        "{where}: the baseline quote comes from the plan of {text}, not from the review of "
        "last year",
    ),
    "number-uncovered": (
        "{context} 中的 {value} 不在任何引文中,也未列入 not_commitments",
        "{value} in {context} is in no quote and not listed under not_commitments",
    ),
    "number-uncovered/outside-plan": (
        "{context} 中的 {value} 位于计划部分之前一段读似目标清单的文字里,不在任何引文中,"
        "也未列入 not_commitments",
        "{value} in {context}, in a passage before the plan part that reads like a list of "
        "targets, is in no quote and not listed under not_commitments",
    ),
    "not-commitment-stale": (
        "{value} 不见于所引原文的计划部分",
        "{value} is not a span of a plan part of the texts the registry quotes",
    ),
    "entry-repeated": (
        "{where}:与 {other} 的引文、规则、数值和名称都相同;同一承诺录入了两次?",
        "{where}: the same quote, rule, value and name as {other}; one promise entered twice?",
    ),
    "draft-check-left": (
        "起草时留下的待核行(# check:)尚未处理;核对后删除该行",
        "a `# check:` line of the draft is left; check the guess, then delete the line",
    ),
    "placeholder-name": (
        "{value} 是起草时的占位编号;请改为说明指标的编号和英文名",
        "{value} is a placeholder the drafter wrote; give the entry an id and an English name "
        "that say what it is",
    ),
    "name-cut/end": (
        "{value} 以“{mark}”结尾,是从句中截下的片段;请写出这一项自己的指标名称",
        "{value} ends in '{mark}', a name cut out of its sentence; name the one quantity of this "
        "entry",
    ),
    "name-cut/respectively": (
        "{value} 含“{mark}”,是几项共用的说法;请写出这一项自己的指标名称",
        "{value} holds '{mark}', a wording several quantities share; name the one quantity of "
        "this entry",
    ),
    "name-cut/open": (
        "{value} 中的“{mark}”没有闭合,是截断的名称;请写出这一项完整的指标名称",
        "{value} leaves '{mark}' unmatched, a name cut off; name the whole quantity of this entry",
    ),
}
