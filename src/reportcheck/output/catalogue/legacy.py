"""Chinese for problems raised with an English sentence and no template: read back by pattern.

Kept only while raisers move to templates (`reportcheck.output.catalogue`); a problem whose key
has a template never reaches this module.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from reportcheck.model.problems import Problem


#: (English message pattern, Chinese template); {name} takes the pattern's named group.
_Entry = tuple[str, str]
_ANY = r"(?P<rest>.*)"
_PERIODS = "YYYY-MM、YYYY-Qn、YYYY、2023年6月、2023年1-6月、2023年一季度或2023年上半年"
#: Where in a registry a problem stands: registry, report, section 二, unit 万亩, target gdp,
#: target gdp baseline, target (no id). Said in Chinese by _where_zh.
_WHERE = r"(?P<where>registry|report|target .+?|section .+?|unit .+?)"
#: The keys of a registry entry whose value is one of a fixed set (Checker.choice): a value
#: outside the set is reported as registry-unknown-<key>.
CHOICE_KEYS = ("comparator", "kind", "released", "role", "pacing", "direction", "entered_as")
#: A file refused by its size or kind before it is read (limits.read_limited).
_LIMITS: tuple[_Entry, ...] = (
    (
        r"is (?P<size>.+?); (?P<what>.+) may be at most (?P<limit>.+)",
        "大小为 {size};{what}最大为 {limit}",
    ),
    (
        r"is larger than (?P<limit>.+?), the limit for (?P<what>.+)",
        "超过 {limit},即{what}的上限",
    ),
    (
        r"is not a regular file \(a pipe or a device\); (?P<what>.+) must be one",
        "不是普通文件(是管道或设备);{what}须为普通文件",
    ),
)
_WHAT = {"a registry": "登记表", "a report's text": "报告原文", "a file of actuals": "实际数据文件"}

CATALOGUE: dict[str, Sequence[_Entry]] = {
    "unwritable-output": (
        (r"standard output: closed", "标准输出已关闭,结果无法写出"),
        (r"standard output: (?P<why>.+)", "标准输出无法写入:{why}"),
    ),
    "cumulative-fell": (
        (
            r"(?P<id>\S+) is (?P<v>\S+) for (?P<p>\S+), belo"
            r"w (?P<o>\S+) for (?P<q>\S+) \((?P<w>\S+)\); .*",
            "{id} 在 {p} 为 {v},低于 {q} 的 {o}({w});累计值不应回落,请核对",
        ),
    ),
    "negative-count": (
        (
            r"(?P<id>\S+) is (?P<v>\S+) (?P<u>\S+), a negative count; .*",
            "{id} 为 {v} {u},数量为负,请核对",
        ),
    ),
    "rate-beyond-100": (
        (r"(?P<id>\S+) is (?P<v>\S+)%, beyond ±100%; .*", "{id} 为 {v}%,超出 ±100%,请核对是否录错"),
    ),
    "unit-suspect": (
        (
            r"(?P<id>\S+) is (?P<v>\S+) against (?P<r>\S+) (?P<u>\S+)"
            r" required, (?P<x>\S+) times as (?P<dir>much|little); .*",
            "{id} 为 {v},应达 {r} {u},相差约 {x} 倍;是否按其他单位填写(如元与万元)?请核对",
        ),
    ),
    # The registry: a file-level problem, or one of an entry, named by where it stands.
    "registry-unreadable": (
        ("no such file", "文件不存在"),
        (r"is not UTF-8 text \(byte (?P<n>\d+)\)", "不是 UTF-8 文本(第 {n} 字节有误)"),
        (r"cannot be read: (?P<why>.*)", "无法读取:{why}"),
        *_LIMITS,
    ),
    "registry-yaml": ((r"is not valid YAML: (?P<why>.*)", "不是有效的 YAML:{why}"),),
    "registry-duplicate-key": (
        (r"key (?P<key>.+) appears twice in one mapping", "键 {key} 在同一映射中出现两次"),
    ),
    "registry-shape": (
        (rf"{_WHERE} must be a mapping", "{where} 应为映射(键: 值)"),
        (
            r"a key must be plain text, not a list or a mapping",
            "键应为普通文本,不能是列表或映射",
        ),
        (r"sections must be a mapping of section to titles", "sections 应为“部分: 标题”的映射"),
        (r"units must be a mapping of unit to its definition", "units 应为“单位: 定义”的映射"),
        (r"targets must be a list of entries", "targets 应为条目列表"),
    ),
    "registry-unknown-key": (
        (
            rf"{_WHERE}: unknown key (?P<key>.+) \(known: (?P<known>.*)\)",
            "{where}:未知的键 {key}(可用:{known})",
        ),
    ),
    "registry-missing-key": (
        (rf"{_WHERE}: missing key (?P<key>.+)", "{where}:缺少键 {key}"),
        (
            rf"{_WHERE}: a baseline value needs the quote it comes from",
            "{where}:基期数值须附上其出处原文(quote)",
        ),
    ),
    "registry-null": (
        (
            rf"{_WHERE}: (?P<key>\S+) has no value \(remove the key or give it one\)",
            "{where}:{key} 没有值(请删除该键或填写值)",
        ),
    ),
    "registry-type": (
        (
            rf"{_WHERE}: (?P<key>\S+) must be text \(put it in quotes\)",
            "{where}:{key} 应为文本(请加引号)",
        ),
        (
            rf"{_WHERE}: (?P<key>\S+) must be a number or a fraction such as 2/3",
            "{where}:{key} 应为数字或 2/3 这样的分数",
        ),
        (rf"{_WHERE}: (?P<key>\S+) must be a finite number", "{where}:{key} 应为有限的数"),
        (rf"{_WHERE}: (?P<key>\S+) must be a number", "{where}:{key} 应为数字"),
        (rf"{_WHERE}: year must be a year such as 2023", "{where}:year 应为年份,如 2023"),
        (rf"{_WHERE}: year must be a whole number", "{where}:year 应为整数年份,如 2022"),
    ),
    "registry-bands": (
        (
            r"registry: bands must be one or two increasing numbers.*",
            "bands 应为一个或两个递增的百分点数,如 [10, 30]",
        ),
    ),
    "registry-markup": (
        (
            rf"{_WHERE}: (?P<key>\S+) holds (?P<tag>.+), which a terminal would take for .*",
            "{where}:{key} 含有 {tag},终端会把它当作样式或链接;请去掉方括号",
        ),
    ),
    "registry-control-character": (
        (
            rf"{_WHERE}: (?P<key>\S+) holds the control character (?P<c>U\+[0-9A-F]+)",
            "{where}:{key} 含控制字符 {c};请删除",
        ),
    ),
    "registry-bad-id": (
        (
            rf"{_WHERE}: id must be lower-case ASCII letters, digits and '_', "
            r"starting with a letter",
            "{where}:id 只能由小写英文字母、数字和 _ 组成,并以字母开头",
        ),
    ),
    "registry-duplicate-id": (
        (
            rf"{_WHERE}: id already used by the entry at line (?P<n>\d+)",
            "{where}:编号已被第 {n} 行的条目使用",
        ),
    ),
    "registry-unknown-section": (
        (
            rf"{_WHERE}: section (?P<v>.+) is not listed under sections",
            "{where}:部分 {v} 未在 sections 中列出",
        ),
    ),
    "registry-unknown-unit": (
        (
            rf"{_WHERE}: unknown unit (?P<v>.+?) \(known: (?P<known>.*); "
            r"or declare it under units\)",
            "{where}:未知单位 {v}(可用:{known};或在 units 下声明)",
        ),
    ),
    "registry-unknown-reference": (
        (
            rf"{_WHERE}: (?P<key>\S+) (?P<v>.+) is not an id in this registry",
            "{where}:{key} {v} 不是本登记表中的编号",
        ),
        (rf"{_WHERE}: (?P<key>\S+) names the entry itself", "{where}:{key} 指向了条目自身"),
    ),
    "registry-empty": ((rf"{_WHERE}: (?P<key>\S+) is empty", "{where}:{key} 为空"),),
    "registry-quote-not-in-report": (
        (
            rf"{_WHERE}: (?P<key>\S+) is not verbatim in the report",
            "{where}:{key} 在报告原文中找不到;须逐字引用原文",
        ),
    ),
    "registry-rule": (
        (
            rf"{_WHERE}: missing key (?P<key>.+) \(needed by comparator (?P<c>\S+)\)",
            "{where}:缺少键 {key}(比较方式 {c} 需要)",
        ),
        (
            rf"{_WHERE}: entered_as applies to a fall promised as more-is-better .*",
            "{where}:entered_as 只用于按“越多越好”承诺的降幅(压减X%以上),不适用于这一比较方式",
        ),
        (rf"{_WHERE}: a reference entry has no (?P<key>\S+)", "{where}:参考条目没有 {key}"),
        (
            rf"{_WHERE}: comparator (?P<c>\S+) takes no (?P<key>\S+)",
            "{where}:比较方式 {c} 不接受 {key}",
        ),
        (rf"{_WHERE}: tolerance must not be negative", "{where}:tolerance 不能为负"),
        (
            rf"{_WHERE}: a range's value is two numbers, \[low, high\]",
            "{where}:区间的 value 应为两个数 [下限, 上限]",
        ),
        (
            rf"{_WHERE}: a range's low end must be below its high end",
            "{where}:区间的下限应小于上限",
        ),
        (
            rf"{_WHERE}: comparator done goes with kind yesno and unit 是/否, and only with them",
            "{where}:比较方式 done 须与 kind yesno 和单位 是/否 一起使用,且只与它们一起使用",
        ),
        (
            rf"{_WHERE}: give the full-year value, a same_period reference entry, or both",
            "{where}:请给出全年数值(value)、同期参考条目(same_period),或两者都给",
        ),
    ),
    "registry-due": (
        (rf"{_WHERE}: due is not a period; .*", f"{{where}}:due 不是期间;应为 {_PERIODS}"),
        (
            rf"{_WHERE}: due must fall between (?P<a>\d+) and (?P<b>\d+)",
            "{where}:due 应在 {a} 年至 {b} 年之间",
        ),
    ),
    "registry-pacing": (
        (
            rf"{_WHERE}: milestones need pacing: milestones",
            "{where}:有 milestones 时须写 pacing: milestones",
        ),
        (
            rf"{_WHERE}: pacing (?P<p>\S+) needs a target figure to scale; "
            r"a reference entry has none",
            "{where}:pacing {p} 需要可按进度折算的目标数值;参考条目没有",
        ),
        (
            rf"{_WHERE}: pacing (?P<p>\S+) needs a target figure to scale; (?P<c>\S+) has none",
            "{where}:pacing {p} 需要可按进度折算的目标数值;比较方式 {c} 没有",
        ),
        (
            rf"{_WHERE}: pacing path runs from the baseline level; the entry has none",
            "{where}:pacing path 从基期水平起算;该条目没有基期数值",
        ),
        (
            rf"{_WHERE}: pacing milestones and the milestones key go together",
            "{where}:pacing milestones 与 milestones 键须同时使用",
        ),
        (
            rf"{_WHERE}: milestones is a mapping of period to figure, e\.g\. (?P<eg>.+)",
            "{where}:milestones 应为“期间: 数值”的映射,如 {eg}",
        ),
        (
            rf"{_WHERE}: milestone is not a period; .*",
            f"{{where}}:milestones 中有不是期间的键;应为 {_PERIODS}",
        ),
        (
            rf"{_WHERE}: milestone (?P<k>.+) falls outside (?P<y>\d+) to the due date",
            "{where}:milestone {k} 不在 {y} 年至到期期间之内",
        ),
    ),
    "registry-unit": (
        (
            rf"{_WHERE}: is built in already; remove the declaration",
            "{where}:已是内置单位;请删除这一声明",
        ),
        (rf"{_WHERE}: factor must be positive", "{where}:factor 应为正数"),
    ),
    "registry-seed-missing": (
        (
            rf"{_WHERE}: seed must name the report text the quotes come from",
            "{where}:seed 须指明引文所出自的报告原文文件",
        ),
    ),
    "registry-seed-unreadable": (
        (
            rf"{_WHERE}: seed (?P<v>.+?) \(the report the quotes come from\) cannot be read: "
            r"(?P<why>.*)",
            "{where}:无法读取 seed {v}(引文所出自的报告原文):{why}",
        ),
    ),
    **{
        f"registry-unknown-{key}": (
            (
                rf"{_WHERE}: unknown {key} (?P<v>.+) \(known: (?P<known>.*)\)",
                f"{{where}}:未知的 {key} 值 {{v}}(可选:{{known}})",
            ),
        )
        for key in CHOICE_KEYS
    },
}

#: `reportcheck lint`'s findings, by code; a finding with no wording here stays English.
_N = r"(?P<n>[^:]+)"
LINT: dict[str, Sequence[_Entry]] = {
    "registry-unreadable": (
        (r"cannot be read as UTF-8 text: (?P<why>.+)", "无法作为 UTF-8 文本读取:{why}"),
    ),
    "quote-not-verbatim": (
        (
            rf"{_N}: (?P<b>baseline )?quote is not in the report; closest (?P<span>.+), first "
            r"difference at character (?P<k>\d+) \((?P<a>.+) where the report has (?P<r>.+)\)",
            "{n}:{b}引文不在报告原文中;最接近的是 {span},第 {k} 个字符不同({a},原文为 {r})",
        ),
    ),
    "value-not-in-quote": (
        (
            rf"{_N}: (?P<b>baseline )?value (?P<v>.+?) is not a number of its quote (?P<q>.+)",
            "{n}:{b}数值 {v} 不是其引文 {q} 中的数",
        ),
    ),
    "number-uncovered": (
        (
            r"(?P<w>.+) in (?P<c>.+) is in no quote and not listed under not_commitments",
            "{c} 中的 {w} 不在任何引文中,也未列入 not_commitments",
        ),
    ),
    "wording-mismatch": (
        (
            rf"{_N}: the quote reads as (?P<said>\S+), the entry says (?P<rule>\S+): the "
            r"direction is reversed",
            "{n}:引文读作 {said},登记为 {rule}:方向相反",
        ),
        (
            rf"{_N}: the quote reads as (?P<said>\S+), the entry says (?P<rule>\S+)",
            "{n}:引文读作 {said},登记为 {rule}",
        ),
    ),
    "entry-repeated": (
        (
            rf"{_N}: the same quote, rule, value and name as (?P<o>\S+); .*",
            "{n}:与 {o} 的引文、规则、数值和名称都相同;同一承诺录入了两次?",
        ),
    ),
    "quote-in-review": (
        (
            rf"{_N}: quote comes from the review of last year, not from the plan",
            "{n}:引文出自上年工作回顾,不是今年的计划",
        ),
    ),
    "quote-missing": ((rf"{_N}: quote must be the report's own words", "{n}:引文应为报告原话"),),
    "unit-unknown": (
        (
            rf"{_N}: unit (?P<u>.+) is neither built in nor declared under units",
            "{n}:单位 {u} 既非内置单位,也未在 units 中声明",
        ),
    ),
    "section-undeclared": (
        (
            rf"{_N}: section (?P<s>.+) is not declared under sections",
            "{n}:部分 {s} 未在 sections 中声明",
        ),
    ),
    "id-duplicate": (
        (
            r"id (?P<i>.+) is used twice \(first on line (?P<l>\d+)\)",
            "编号 {i} 重复(第一次在第 {l} 行)",
        ),
    ),
    "id-malformed": (
        (
            r"id must be lower-case letters, digits and _, starting with a letter",
            "编号只能由小写字母、数字和 _ 组成,且以字母开头",
        ),
    ),
    "name-missing": ((rf"{_N}: (?P<k>\S+) is empty", "{n}:{k} 为空"),),
    "unknown-key": (
        (rf"{_N}: unknown key (?P<k>.+)", "{n}:未知的键 {k}"),
        (r"unknown top-level key (?P<k>.+)", "未知的顶层键 {k}"),
    ),
    "seed-missing": (
        (r"report: seed must name the report text .*", "report:seed 应指明引文所出自的报告原文"),
    ),
    "seed-unreadable": (
        (r"report: seed (?P<s>.+) cannot be read: (?P<why>.+)", "report:无法读取 seed {s}:{why}"),
        (
            r"report: seed (?P<s>.+) is neither UTF-8 nor GB18030",
            "report:seed {s} 既非 UTF-8 也非 GB18030",
        ),
    ),
    "other-unresolved": (
        (rf"{_N}: other (?P<o>.+) is no id of this registry", "{n}:other {o} 不是本登记表的编号"),
    ),
    "other-missing": (
        (
            rf"{_N}: (?P<r>\S+) compares with another quantity: set `other` to its id",
            "{n}:{r} 与另一指标比较,请把 other 设为其编号",
        ),
    ),
    "value-missing": ((rf"{_N}: comparator (?P<r>\S+) needs a value", "{n}:{r} 需要 value"),),
    "tolerance-unused": (
        (
            rf"{_N}: (?P<r>\S+) takes no tolerance .*",
            "{n}:{r} 不用 tolerance(只有 about、steady 和 in_step 用)",
        ),
    ),
    "due-implausible": (
        (
            rf"{_N}: due (?P<d>\S+) is not between the report's year (?P<y>\d+) and (?P<z>\d+)",
            "{n}:到期 {d} 不在报告年份 {y} 到 {z} 之间",
        ),
    ),
    "baseline-missing": (
        (
            rf"{_N}: (?P<r>\S+) is judged against a baseline: .*",
            "{n}:{r} 与基期比较:请加 baseline {{value, year, quote}}",
        ),
    ),
    "baseline-year": (
        (
            rf"{_N}: baseline year (?P<y>.+) should be before (?P<z>\d+)",
            "{n}:基期年份 {y} 应早于 {z}",
        ),
    ),
    "baseline-quote": ((rf"{_N}: baseline needs the quote it comes from", "{n}:基期需要出处引文"),),
    "baseline-in-plan": (
        (
            rf"{_N}: baseline quote comes from the plan, not from the review of last year",
            "{n}:基期引文出自计划部分,不是上年工作回顾",
        ),
    ),
    "not-commitment-stale": (
        (
            r"not_commitments: (?P<s>.+) is not a span of the plan holding a number",
            "not_commitments:{s} 不是计划部分中含数字的原文",
        ),
    ),
}


def legacy_message(problem: Problem, lang: str) -> str:
    """The problem's message in `lang`; English when no Chinese wording is known for it."""
    if lang == "en":
        return problem.message
    for pattern, template in (*CATALOGUE.get(problem.code, ()), *LINT.get(problem.code, ())):
        match = re.fullmatch(pattern, problem.message, re.S)
        if match:
            return template.format(**{k: _part_zh(k, v) for k, v in match.groupdict().items()})
    return problem.message


def _part_zh(name: str, value: str | None) -> str:
    """A part carried into the Chinese: where it stands, what was read, a size, said in Chinese."""
    if value is None:
        return ""
    if name == "b":  # lint: "baseline " before quote or value
        return "基期"
    if name == "where":
        return _where_zh(value)
    if name == "what":
        return _WHAT.get(value, value)
    if name in ("size", "limit"):
        return re.sub(r"(\d) bytes\b", r"\1 字节", value)
    return value


def _where_zh(where: str) -> str:
    """'target gdp baseline' as '目标 gdp 的基期', 'section 二' as '部分 二', and so on."""
    if where == "registry":
        return "登记表"
    if where == "target (no id)":
        return "目标(无编号)"
    for english, chinese in (
        (r"target (.+) baseline", "目标 {} 的基期"),
        (r"target (.+)", "目标 {}"),
        (r"section (.+)", "部分 {}"),
        (r"unit (.+)", "单位 {}"),
    ):
        match = re.fullmatch(english, where, re.S)
        if match:
            return chinese.format(match.group(1))
    return where
