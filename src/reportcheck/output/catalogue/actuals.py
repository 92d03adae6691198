"""Rows of actuals: ids, periods, values, units, duplicates, and input that judges nothing.

Each key (a problem's code, or code/variant) has a Chinese and an English template; the
placeholders are the problem's parameters. {value} is the cell as typed.
"""

from __future__ import annotations

#: The forms a period cell takes, as each language lists them.
PERIODS = (
    "YYYY-MM、YYYY-Qn、YYYY、2023年6月、2023年1-6月、2023年一季度、2023年上半年"
    "或 2023/6/30 这样的日期",
    "YYYY-MM, YYYY-Qn, YYYY, 2023年6月, 2023年1-6月, 2023年一季度, 2023年上半年 or a date such "
    "as 2023/6/30",
)
_REPEATED = (
    "(另有 {more} 行相同:第 {lines} 行)",
    " (the same in {more} more rows: lines {lines})",
)
_OTHER_YEAR = (
    "其他年份的数据请用该年的登记表(--targets)判定",
    "a figure of another year is judged with that year's registry (--targets)",
)
_OUT_OF_YEAR = (
    "'{value}' 不在登记表的年份 {year} 内;" + _OTHER_YEAR[0],
    "'{value}' is outside the registry's year {year}; " + _OTHER_YEAR[1],
)

TEMPLATES: dict[str, tuple[str, str]] = {
    "blank-row": ("是空行,已跳过", "is blank; it is skipped"),
    "missing-id": ("没有编号;每行都需要登记表中的编号", "has no id; every row needs a registry id"),
    "unknown-id": (
        "'{value}' 不是登记表中的编号(`reportcheck targets` 列出全部编号)",
        "'{value}' is not an id in the registry ('reportcheck targets' lists them)",
    ),
    "unknown-id/close": (
        "'{value}' 不是登记表中的编号;是否指 {close}?(`reportcheck targets` 列出全部编号)",
        "'{value}' is not an id in the registry; did you mean {close}? ('reportcheck targets' "
        "lists them)",
    ),
    "not-a-number": (
        "'{value}' 不是数字;应为 5.7、-3.9、+1.2 或 1,867.9 这样的数",
        "'{value}' is not a number; expected a number such as 5.7, -3.9, +1.2 or 1,867.9",
    ),
    "not-a-number/percent": (
        "'{value}' 带有 % 号,但该指标不是百分比",
        "'{value}' has a % sign but this quantity is not a percentage",
    ),
    "not-a-number/long": (
        "'{value}' 长 {length} 个字符,作为数字太长",
        "'{value}' is {length} characters long, too long for a number",
    ),
    "not-a-number/integer-digits": (
        "'{value}' 整数部分有 {digits} 位;最多读取 {limit} 位",
        "'{value}' has {digits} digits before the decimal point; at most {limit} are read",
    ),
    "not-a-number/decimal-places": (
        "'{value}' 小数部分有 {digits} 位;最多读取 {limit} 位,且数值从不舍入",
        "'{value}' has {digits} digits after the decimal point; at most {limit} are read, and a "
        "value is never rounded",
    ),
    "not-a-number/converted-digits": (
        "'{value}' 换算为 {id} 的单位 {unit} 后整数部分有 {digits} 位;最多 {limit} 位",
        "'{value}' in {id}'s unit {unit} has {digits} digits before the decimal point; at most "
        "{limit} are read",
    ),
    "not-a-number/infinite": ("'{value}' 不是有限的数", "'{value}' is not a finite number"),
    "not-yes-no": (
        "'{value}' 不是是/否答案;应为 是/否、完成/未完成、yes/no、1/0",
        "'{value}' is not a yes/no answer; expected yes/no, true/false, 1/0, 是/否 or 完成/未完成",
    ),
    "bound-refused/yes-no": (
        "'{value}' 是界限(如 ≥90),但 {id} 是是/否指标;应为 是/否、完成/未完成",
        "'{value}' is a bound (such as ≥90), but {id} is a yes/no outcome; expected yes/no, "
        "是/否 or 完成/未完成",
    ),
    "bound-refused/signed": (
        "'{value}' 是界限,但 {id} 的降幅按带符号的变化判定(entered_as: {convention}),"
        "界限的方向会随符号颠倒;请填写确切的数",
        "'{value}' is a bound, but {id} judges its fall from a signed change (entered_as: "
        "{convention}), which would turn the bound around; give the exact figure",
    ),
    "explicit-plus": (
        "'{value}' 带有正号,但 {id} 按降幅录入(entered_as: magnitude):16 表示下降 16,"
        "-16 也读作下降 16;+16 是降幅还是增幅无法判断,下降 16 请写 16",
        "'{value}' has an explicit +, but {id} is entered as the size of its fall (entered_as: "
        "magnitude: 16 is a fall of 16, and -16 is read as a fall of 16 too); whether +16 is a "
        "fall or a rise cannot be told, so write 16 for a fall of 16",
    ),
    "bad-rank": (
        "'{value}' 不是排位;应为 4 这样的整数(也可写 第4位)",
        "'{value}' is not a rank; expected a whole number such as 4 (or 第4位)",
    ),
    "bad-period": (
        f"'{{value}}' 不是期间;应为 {PERIODS[0]}",
        f"'{{value}}' is not a period; expected {PERIODS[1]}",
    ),
    "bad-period/number": (
        "单元格 {cell} 的 '{value}' 是数字,分不清 2023.1 与 2023.10;请把期间写成文本,如 2023-10 或"
        " 2023年10月",
        "'{value}' in cell {cell} is a number, which cannot tell 2023.1 from 2023.10; type the "
        "period as text, such as 2023-10 or 2023年10月",
    ),
    "bad-period/repeated": (
        f"'{{value}}' 不是期间;应为 {PERIODS[0]}{_REPEATED[0]}",
        f"'{{value}}' is not a period; expected {PERIODS[1]}{_REPEATED[1]}",
    ),
    "period-out-of-year": _OUT_OF_YEAR,
    "period-out-of-year/repeated": (
        _OUT_OF_YEAR[0] + _REPEATED[0],
        _OUT_OF_YEAR[1] + _REPEATED[1],
    ),
    "missing-period": (
        f"期间为空,但数值为 '{{given}}';请填写期间,如 {PERIODS[0]}",
        f"is empty but the value is '{{given}}'; expected {PERIODS[1]}",
    ),
    "duplicate-row": (
        "与 {earlier} 重复({id},{period},数值相同);重复行已跳过",
        "repeats {id} for {period} with the same value as {earlier}; the repeat is skipped",
    ),
    "conflicting-duplicate": (
        "{id} 在 {period} 的数值为 '{value}',但 {earlier} 为 {other};请只保留其中一行",
        "gives {id} for {period} as '{value}', but {earlier} gives {other}; keep one of the two "
        "rows",
    ),
    "conflicting-duplicate/files": (
        "报送 {id} 在 {period} 的数值为 '{value}',另一份文件 {earlier} 报送为 {other},"
        "两份报送不一致;请与两个报送单位核实后只保留一个数值",
        "reports {id} for {period} as '{value}', but another file, {earlier}, reports {other}; "
        "the two reports disagree: settle the figure with both units and keep it in one file",
    ),
    "duplicate-row/files": (
        "与另一份文件 {earlier} 报送的 {id}({period})数值相同,按一个数值判定",
        "reports {id} for {period} with the same value as another file, {earlier}; judged once",
    ),
    "incompatible-unit": (
        "'{value}' 无法换算为 {id} 的单位 '{unit}';应为以下之一:{accepted}",
        "'{value}' does not convert to {id}'s unit '{unit}'; expected one of: {accepted}",
    ),
    # Input that judges nothing: never a run that passes on nothing.
    "no-figures": (
        "没有数据:value 列全部为空;请填写 value 列",
        "no figures: every value is empty; fill in the value column",
    ),
    "no-figures/other-year": (
        "没有登记表年份 {year} 的数据:各文件的期间都在 {years} 年(已跳过,见上文);"
        + _OTHER_YEAR[0]
        + ",或放入 {year} 年的文件",
        "no figures of the registry's year {year}: every file's periods are in {years} (skipped, "
        "see above); " + _OTHER_YEAR[1] + ", or add files of {year}",
    ),
    "no-figures/before-period": (
        "--period {period} 早于全部数据(最早为 {earliest}),没有可判定的数据;请给出较晚的期间",
        "no figures at or before --period {period} (the earliest is for {earliest}), so nothing "
        "would be judged; give a later period",
    ),
}
