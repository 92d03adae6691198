"""A registry that cannot be loaded: its file, its YAML, its keys, values and links.

Each key (a problem's code, or code/variant) has a Chinese and an English template; the
placeholders are the problem's parameters. The location printed before a message names the file,
the line and the key (as its column), so a template does not name the key again; {where} is the
entry or mapping the key belongs to (目标 gdp_growth, 单位 万吨(标煤), …).
"""

from __future__ import annotations

_PERIODS_ZH = "YYYY-MM、YYYY-Qn、YYYY、2023年6月、2023年1-6月、2023年一季度或2023年上半年"
_PERIODS_EN = "YYYY-MM, YYYY-Qn, YYYY, 2023年6月, 2023年1-6月, 2023年一季度 or 2023年上半年"


def _cannot_read(what_zh: str, what_en: str) -> dict[str, tuple[str, str]]:
    """A file a registry names that cannot be read: by why, and with the system's reason."""
    return {
        "": (
            f"无法读取{what_zh} {{path}}:{{value}}",
            f"{what_en}, {{path}}, cannot be read: {{value}}",
        ),
        "missing": (f"{what_zh} {{path}} 不存在", f"{what_en}, {{path}}, does not exist"),
        "folder": (f"{what_zh} {{path}} 是文件夹", f"{what_en}, {{path}}, is a folder"),
        "not-regular": (
            f"{what_zh} {{path}} 不是普通文件(是管道或设备)",
            f"{what_en}, {{path}}, is not a regular file (a pipe or a device)",
        ),
        "too-large": (
            f"{what_zh} {{path}} 超过 {{limit}},即报告原文的上限",
            f"{what_en}, {{path}}, is larger than {{limit}}, the limit for a report's text",
        ),
        "encoding": (
            f"{what_zh} {{path}} 不是 UTF-8、GB18030 或 Big5 文本,或编码不能确定",
            f"{what_en}, {{path}}, is not UTF-8, GB18030 or Big5 text, or not certainly one",
        ),
    }


_SEED = _cannot_read("引文所出自的报告原文", "the report the quotes come from")
_TEXT = _cannot_read("原文", "the text")

TEMPLATES: dict[str, tuple[str, str]] = {
    # The registry file itself.
    "registry-unreadable": ("无法读取:{value}", "cannot be read: {value}"),
    "registry-unreadable/missing": ("文件不存在", "no such file"),
    "registry-unreadable/folder": ("是文件夹,不是登记表文件", "is a folder, not a registry file"),
    "registry-unreadable/not-regular": (
        "不是普通文件(是管道或设备);登记表须为普通文件",
        "is not a regular file (a pipe or a device); a registry must be one",
    ),
    "registry-unreadable/too-large": (
        "文件过大:登记表最大为 {limit}",
        "is too large: a registry may be at most {limit}",
    ),
    "registry-unreadable/encoding": (
        "不是 UTF-8 文本(第 {byte} 字节有误)",
        "is not UTF-8 text (byte {byte})",
    ),
    **{f"registry-seed-unreadable/{k}".rstrip("/"): pair for k, pair in _SEED.items()},
    **{f"registry-text-unreadable/{k}".rstrip("/"): pair for k, pair in _TEXT.items()},
    "registry-yaml/invalid": ("不是有效的 YAML:{why}", "is not valid YAML: {why}"),
    "registry-yaml/documents": (
        "含有多个 YAML 文档;登记表只能是一个",
        "holds more than one YAML document; a registry is one",
    ),
    "registry-yaml/alias": (
        "使用了 YAML 锚点或别名 {anchor};请把每个条目完整写出(不读取锚点和别名,以免小文件无限展开)",
        "uses the YAML anchor or alias {anchor}; write each entry out in full (anchors and "
        "aliases are not read, so that a small file cannot expand without bound)",
    ),
    "registry-yaml/too-deep": (
        "嵌套超过 {limit} 层;登记表用不到这么深的嵌套",
        "nests deeper than {limit} levels; a registry never needs more",
    ),
    "registry-yaml/tag": (
        "使用了 YAML 标签 {tag};登记表只能是普通数据",
        "uses the YAML tag {tag}; a registry is plain data",
    ),
    # Keys and values.
    "registry-duplicate-key": (
        "同一映射中出现两次(第一次在第 {first} 行)",
        "appears twice in one mapping (first on line {first})",
    ),
    "registry-shape/key": (
        "键应为普通文本,不能是列表或映射",
        "a key must be plain text, not a list or a mapping",
    ),
    "registry-shape/mapping": ("{where} 应为映射(键: 值)", "{where} must be a mapping"),
    "registry-shape/sections": (
        "sections 应为“部分: 标题”的映射",
        "sections must be a mapping of section to titles",
    ),
    "registry-shape/units": (
        "units 应为“单位: 定义”的映射",
        "units must be a mapping of unit to its definition",
    ),
    "registry-shape/targets": ("targets 应为条目列表", "targets must be a list of entries"),
    "registry-shape/list": (
        "{where} 应为 {{span, reason}} 的列表",
        "{where} must be a list of {{span, reason}}",
    ),
    "registry-shape/texts": (
        "{where}:texts 应为“名称: 相对于登记表的路径”的映射",
        "{where}: texts must be a mapping of name to a path relative to the registry",
    ),
    "registry-shape/too-many-texts": (
        "texts 最多列出 {limit} 个原文",
        "texts may name at most {limit} texts",
    ),
    "registry-bad-text-name": (
        "原文名称只能由小写英文字母、数字、_ 和 - 组成,并以字母开头",
        "a text's name is lower-case ASCII letters, digits, '_' and '-', starting with a letter",
    ),
    "registry-unknown-key": (
        "{where}:未知的键(可用:{known})",
        "{where}: unknown key (known: {known})",
    ),
    "registry-missing-key": ("{where}:缺少该键", "{where}: the key is missing"),
    "registry-missing-key/baseline-quote": (
        "{where}:基期数值须附上其出处原文(quote)",
        "{where}: a baseline value needs the quote it comes from",
    ),
    "registry-null": (
        "{where}:没有值(请删除该键或填写值)",
        "{where}: has no value (remove the key or give it one)",
    ),
    "registry-empty": ("{where}:为空", "{where}: is empty"),
    "registry-type/text": (
        "{where}:应为文本(请加引号)",
        "{where}: must be text (put it in quotes)",
    ),
    "registry-type/number": (
        "{where}:应为数字或 2/3 这样的分数",
        "{where}: must be a number or a fraction such as 2/3",
    ),
    "registry-type/finite": ("{where}:应为有限的数", "{where}: must be a finite number"),
    "registry-type/too-long": (
        "{where}:写了 {length} 个字符的数;登记表中的数最多写 {limit} 个字符",
        "{where}: a number of {length} characters; a registry's numbers are written in at most "
        "{limit}",
    ),
    "registry-type/too-long-fraction": (
        "{where}:写了 {length} 个字符的分数;登记表中的分数最多写 {limit} 个字符",
        "{where}: a fraction of {length} characters; a registry's fractions are written in at "
        "most {limit}",
    ),
    "registry-type/integer-digits": (
        "{where}:整数部分有 {digits} 位;登记表中的数与实际数据一样,整数部分最多 {limit} 位",
        "{where}: {digits} digits before the decimal point; a registry's numbers, like figures, "
        "have at most {limit}",
    ),
    "registry-type/decimal-places": (
        "{where}:小数部分有 {digits} 位;登记表中的数与实际数据一样,小数部分最多 {limit} 位,"
        "且从不舍入",
        "{where}: {digits} digits after the decimal point; a registry's numbers, like figures, "
        "have at most {limit}, and are never rounded",
    ),
    "registry-type/report-year": (
        "{where}:应为年份,如 2023",
        "{where}: must be a year such as 2023",
    ),
    "registry-type/year": (
        "{where}:应为整数年份,如 2022",
        "{where}: must be a whole year such as 2022",
    ),
    "registry-control-character": (
        "{where}:含控制字符 {char};请删除",
        "{where}: holds the control character {char}",
    ),
    "registry-markup": (
        "{where}:含有 {tag},终端会把它当作样式或链接;请去掉方括号",
        "{where}: holds {tag}, which a terminal would take for a style or a link; write it "
        "without square brackets",
    ),
    **{
        f"registry-unknown-{key}": (
            "{where}:{value} 不是可选值之一(可选:{known})",
            "{where}: {value} is not one of {known}",
        )
        for key in ("comparator", "kind", "released", "role", "pacing", "entered_as", "direction")
    },
    # The report and the texts the quotes come from.
    "registry-seed-missing": (
        "seed 须指明引文所出自的报告原文",
        "seed must name the report text the quotes come from",
    ),
    "registry-unknown-text": (
        "{where}:report.texts 中没有名为 {value} 的原文(有:{known})",
        "{where}: no text named {value} under report.texts (named: {known})",
    ),
    "registry-quote-not-in-report": (
        "{where}:在{text}中找不到;须逐字引用原文",
        "{where}: is not verbatim in {text}",
    ),
    "registry-quote-not-in-report/closest": (
        "{where}:在{text}中找不到;最接近的是 {closest},第 {at} 个字符不同({wrote},原文为 {has})",
        "{where}: is not verbatim in {text}; closest {closest}, first difference at character "
        "{at} ({wrote} where the text has {has})",
    ),
    # Entries.
    "registry-bad-id": (
        "编号只能由小写英文字母、数字和 _ 组成,并以字母开头",
        "an id is lower-case ASCII letters, digits and '_', starting with a letter",
    ),
    "registry-duplicate-id": (
        "编号 {value} 已被第 {first} 行的条目使用",
        "the id {value} is already used by the entry at line {first}",
    ),
    "registry-unknown-section": (
        "{where}:部分 {value} 未在 sections 中列出",
        "{where}: section {value} is not listed under sections",
    ),
    "registry-unknown-unit": (
        "{where}:未知单位 {value}(可用:{known};或在 units 下声明)",
        "{where}: unknown unit {value} (known: {known}; or declare it under units)",
    ),
    "registry-unknown-reference": (
        "{where}:{value} 不是本登记表中的编号",
        "{where}: {value} is not an id in this registry",
    ),
    "registry-unknown-reference/itself": (
        "{where}:指向了条目自身",
        "{where}: names the entry itself",
    ),
    "registry-reference-mismatch/yes-no": (
        "{where}:{value} 是是/否条目,不能作为比较对象",
        "{where}: {value} is a yes/no entry, which nothing is compared with",
    ),
    "registry-reference-mismatch/kind": (
        "{where}:{value} 的类型为 {other_kind},本条目为 {kind};比较对象须为同一类型",
        "{where}: {value} is of kind {other_kind} and this entry of kind {kind}; compare "
        "quantities of one kind",
    ),
    "registry-reference-mismatch/unit": (
        "{where}:{value} 的单位 {other_unit} 无法换算为本条目的单位 {unit}",
        "{where}: {value} is in {other_unit}, which does not convert to this entry's {unit}",
    ),
    "registry-rule/reference": (
        "{where}:参考条目不设判定规则,不能有此键",
        "{where}: a reference entry has no rule, so no such key",
    ),
    "registry-rule/takes-no": (
        "{where}:比较方式 {comparator} 不接受此键",
        "{where}: comparator {comparator} takes no such key",
    ),
    "registry-rule/needs-key": (
        "{where}:缺少该键(比较方式 {comparator} 需要)",
        "{where}: the key is missing (needed by comparator {comparator})",
    ),
    "registry-rule/needs-other": (
        "{where}:为空;比较方式 {comparator} 需要写明比较的指标编号",
        "{where}: is empty; comparator {comparator} needs the id of the quantity it compares with",
    ),
    "registry-rule/negative-tolerance": ("{where}:不能为负", "{where}: must not be negative"),
    "registry-rule/whole": (
        "{where}:比较方式 {comparator} 的数值应为整数",
        "{where}: comparator {comparator} takes a whole number",
    ),
    "registry-rule/least": (
        "{where}:比较方式 {comparator} 的数值至少为 {least}",
        "{where}: comparator {comparator} takes {least} or more",
    ),
    "registry-rule/range-two": (
        "{where}:区间应为两个数 [下限, 上限]",
        "{where}: a range is two numbers, [low, high]",
    ),
    "registry-rule/range-order": (
        "{where}:区间的下限应小于上限",
        "{where}: a range's low end must be below its high end",
    ),
    "registry-rule/yes-no": (
        "{where}:是/否比较方式(done)须与 kind yesno 和单位 {unit} 一起使用,且只与它们一起使用",
        "{where}: the yes/no comparator (done) goes with kind yesno and unit {unit}, and only "
        "with them",
    ),
    "registry-rule/yes-no-unit": (
        "{where}:单位 {unit} 只用于 kind yesno 的条目,kind yesno 的条目也只用此单位",
        "{where}: the unit {unit} goes with kind yesno, and kind yesno only with it",
    ),
    "registry-rule/entered-as": (
        "{where}:entered_as 只用于按“越多越好”承诺的降幅(压减X%以上),不适用于这一比较方式",
        "{where}: entered_as applies to a fall promised as more-is-better (压减X%以上), not to "
        "this comparator",
    ),
    "registry-rule/baseline-empty": (
        "{where}:请给出全年数值(value)、同期参考条目(same_period),或两者都给",
        "{where}: give the full-year value, a same_period reference entry, or both",
    ),
    "registry-baseline-year": (
        "{where}:基期年份应在 {first} 年至 {last} 年之间,早于报告年份",
        "{where}: a baseline's year falls between {first} and {last}, before the report's year",
    ),
    "registry-due/period": (
        f"{{where}}:不是期间;应为 {_PERIODS_ZH}",
        f"{{where}}: is not a period; expected {_PERIODS_EN}",
    ),
    "registry-due": (
        "{where}:应在 {first} 年至 {last} 年之间",
        "{where}: must fall between {first} and {last}",
    ),
    # Pacing and milestones.
    "registry-pacing/milestones-need-pacing": (
        "{where}:有 milestones 时须写 pacing: milestones",
        "{where}: milestones need pacing: milestones",
    ),
    "registry-pacing/reference": (
        "{where}:pacing {value} 需要可按进度折算的目标数值;参考条目没有",
        "{where}: pacing {value} needs a target figure to scale; a reference entry has none",
    ),
    "registry-pacing/not-paceable": (
        "{where}:pacing {value} 需要可按进度折算的目标数值;比较方式 {comparator} 没有",
        "{where}: pacing {value} needs a target figure to scale; comparator {comparator} has none",
    ),
    "registry-pacing/path-no-baseline": (
        "{where}:pacing path 从基期水平起算;该条目没有基期数值",
        "{where}: pacing path runs from the baseline level; the entry has none",
    ),
    "registry-pacing/path-past-target": (
        "{where}:基期水平 {baseline} 已达到或越过目标 {target},按路径推进会倒着走;"
        "请改用 pacing direct 或 at_due",
        "{where}: the baseline level {baseline} is at or past the target {target} already, so "
        "a path to it runs backwards; use pacing direct or at_due",
    ),
    "registry-pacing/milestones-together": (
        "{where}:pacing milestones 与 milestones 键须同时使用",
        "{where}: pacing milestones and the milestones key go together",
    ),
    "registry-pacing/milestones-shape": (
        "{where}:milestones 应为“期间: 数值”的映射,如 {example}",
        "{where}: milestones is a mapping of period to figure, e.g. {example}",
    ),
    "registry-pacing/milestone-period": (
        f"{{where}}:{{value}} 不是期间;应为 {_PERIODS_ZH}",
        f"{{where}}: milestone {{value}} is not a period; expected {_PERIODS_EN}",
    ),
    "registry-pacing/milestone-outside": (
        "{where}:milestone {value} 不在 {year} 年至到期期间之内",
        "{where}: milestone {value} falls outside {year} to the due date",
    ),
    "registry-pacing/milestone-twice": (
        "{where}:milestone {value} 与 {first} 是同一期间;每个期间只能有一个",
        "{where}: milestone {value} is for the same period as {first}; one per period",
    ),
    "registry-pacing/milestone-beyond": (
        "{where}:milestone 数值 {value} 应在 0 至目标 {target} 之间",
        "{where}: a milestone of {value} must lie between 0 and the target {target}",
    ),
    "registry-pacing/milestone-order": (
        "{where}:{period} 的 milestone {value} 低于前一期的 {earlier};进度只增不减",
        "{where}: the milestone of {period}, {value}, is below the one before it, {earlier}; a "
        "schedule does not fall",
    ),
    # Units and bands.
    "registry-unit/built-in": (
        "已是内置单位 {value};请删除这一声明",
        "{value} is built in already; remove the declaration",
    ),
    "registry-unit/twice": (
        "单位 {value} 已在第 {first} 行声明(全角与半角写法是同一单位)",
        "the unit {value} is declared already at line {first} (its full-width and plain forms "
        "are one unit)",
    ),
    "registry-unit/empty": ("单位名称为空", "a unit's symbol is empty"),
    "registry-unit/factor": ("{where}:factor 应为正数", "{where}: factor must be positive"),
    "registry-bands": (
        "{value}:应为 0 到 100 之间的一个或两个百分点数,第一个不大于第二个,如 [10, 30]",
        "{value}: expected one or two numbers of points from 0 to 100, the first not above the "
        "second, e.g. [10, 30]",
    ),
}
