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
#: A name as Python's repr quotes it: 'Sheet1', or "it's" when it holds a single quote.
_QUOTED = r"'.*?'|\".*?\""
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
    "unreadable-file": (
        ("is a folder, not a file of actuals", "是文件夹,不是实际数据文件"),
        ("no such file", "文件不存在"),
        (r"cannot be read: (?P<why>.*)", "无法读取:{why}"),
        *_LIMITS,
    ),
    "wrong-file-type": (
        (r"is an old Excel \.xls workbook.*", "是旧版 Excel .xls 工作簿;请另存为 .xlsx 或 CSV"),
        (
            r"is a zip archive.*",
            "是 zip 压缩包(Excel 工作簿?),不是 CSV 文本;工作簿请用 .xlsx 扩展名",
        ),
        (r"is not a readable \.xlsx workbook (?P<why>.*)", "不是可读的 .xlsx 工作簿 {why}"),
        (r"holds binary data, not CSV text", "含二进制数据,不是 CSV 文本"),
        (r"is not valid CSV: (?P<why>.*)", "不是有效的 CSV:{why}"),
    ),
    "empty-file": (
        (r"is empty.*", "是空文件;应有表头 'id,period,value',每个数据一行"),
        (r"has no cells in its first sheet.*", "第一个工作表没有内容;应有表头 id、period、value"),
    ),
    "header-only": (("has a header but no rows of figures", "只有表头,没有数据行"),),
    "wrong-encoding": (
        (r"is UTF-16 text.*", "是 UTF-16 文本;请另存为 CSV UTF-8(或中文版 Excel 的 CSV,GB18030)"),
        (r"is neither UTF-8 nor GB18030/GBK text", "既不是 UTF-8 也不是 GB18030/GBK 文本"),
        (
            r"is not text in UTF-8 or a Chinese encoding \((?P<tried>.+)\); save it as CSV UTF-8",
            "不是 UTF-8 或中文编码的文本(已尝试 {tried});请另存为 CSV UTF-8",
        ),
        (
            r"reads as (?P<shown>.+) equally well, so its encoding is uncertain; .*",
            "按 {shown} 读取都说得通,编码不能确定;请另存为 CSV UTF-8",
        ),
        (
            r"reads as (?P<names>.+) only with unusual characters, so its encoding is uncertain .*",
            "只有按 {names} 读取才不出错,但会出现生僻字符,编码不能确定(日文或韩文文件?);"
            "请另存为 CSV UTF-8",
        ),
        (
            r"decodes as (?P<enc>\S+) to the private-use character (?P<c>U\+[0-9A-F]+) on line "
            r"(?P<line>\d+), .*",
            "按 {enc} 解码时第 {line} 行出现私用区字符 {c},统计表中不会有这种字符;"
            "文件可能是其他编码,请另存为 CSV UTF-8",
        ),
        (
            r"mixes encodings: line (?P<a>\d+) is UTF-8 but line (?P<b>\d+) is not .*",
            "混用了多种编码:第 {a} 行是 UTF-8,第 {b} 行不是(GB18030/GBK 或 Big5?);"
            "请把整个文件另存为 CSV UTF-8",
        ),
    ),
    "wrong-field-count": (
        (
            r"has (?P<saw>\d+) fields but the header has (?P<expected>\d+).*",
            "有 {saw} 个字段,表头只有 {expected} 个;含逗号的值请加引号",
        ),
    ),
    "duplicate-column": (
        (r"column (?P<name>.+) appears twice in the header", "表头中 {name} 列出现两次"),
    ),
    "unknown-column": (
        (
            r"column (?P<name>.+) is not one reportcheck r"
            r"eads; it is ignored \(columns: (?P<cols>.+)\)",
            "{name} 列不是 reportcheck 读取的列,已忽略(可用列:{cols})",
        ),
    ),
    "missing-column": (
        (
            r"lacks the required column\(s\) (?P<missing>."
            r"+?); the header line has (?P<found>.+?) \(.*",
            "缺少必需的列 {missing};表头为 {found}(必需:id、period、value;可选:unit、source、note)",
        ),
    ),
    "blank-row": (("is blank; it is skipped", "是空行,已跳过"),),
    "missing-id": ((r"has no id.*", "没有编号;每行都需要登记表中的编号"),),
    "unknown-id": (
        (
            r"(?:unknown id )?(?P<v>'.*?') is not an id in "
            r"the registry; did you mean (?P<close>.+)\? .*",
            "{v} 不是登记表中的编号;是否指 {close}?(`reportcheck targets` 列出全部编号)",
        ),
        (
            r"(?P<v>'.*?') is not an id in the registry .*",
            "{v} 不是登记表中的编号(`reportcheck targets` 列出全部编号)",
        ),
        (
            r"unknown id (?P<v>'.*?'); did you mean (?P<close>.+)\? .*",
            "未知编号 {v};是否指 {close}?(`reportcheck targets` 列出全部编号)",
        ),
        (r"unknown id (?P<v>'.*?') .*", "未知编号 {v}(`reportcheck targets` 列出全部编号)"),
    ),
    "not-a-number": (
        (r"(?P<v>'.*') is not a number.*", "{v} 不是数字;应为 5.7、-3.9、+1.2 或 1,867.9 这样的数"),
        (r"(?P<v>'.*') has a % sign but.*", "{v} 带有 % 号,但该指标不是百分比"),
        (
            r"(?P<v>'.*') is (?P<n>\d+) characters long, too long for a number",
            "{v} 长 {n} 个字符,作为数字太长",
        ),
        (
            r"(?P<v>'.*') has (?P<n>\d+) digits before the decimal point; "
            r"at most (?P<m>\d+) are read",
            "{v} 整数部分有 {n} 位;最多读取 {m} 位",
        ),
        (
            r"(?P<v>'.*') has (?P<n>\d+) digits after the decimal point; at most (?P<m>\d+) are "
            r"read, and a value is never rounded",
            "{v} 小数部分有 {n} 位;最多读取 {m} 位,且数值从不舍入",
        ),
        (r"(?P<v>'.*') is not a finite number", "{v} 不是有限的数"),
    ),
    "not-yes-no": (
        (
            r"(?P<v>'.*') is not a yes/no answer.*",
            "{v} 不是是/否答案;应为 是/否、完成/未完成、yes/no、1/0",
        ),
    ),
    "bad-period": (
        (r"--period (?P<v>'.*?') is not a period.*", f"--period {{v}} 不是期间;应为 {_PERIODS}"),
        (r"(?P<v>'.*') is not a period.*", f"{{v}} 不是期间;应为 {_PERIODS}"),
        (r"period (?P<v>'.*') is not a period.*", f"期间 {{v}} 不是期间;应为 {_PERIODS}"),
    ),
    "period-out-of-year": (
        (
            r"--period (?P<v>'.*?') is outside the registry's year (?P<year>\d+)",
            "--period {v} 不在登记表的年份 {year} 内",
        ),
        (
            r"(?P<v>'.*?') is outside the registry's year (?P<year>\d+).*",
            "{v} 不在登记表的年份 {year} 内;期间须在 {year} 年内",
        ),
        (
            r"period (?P<v>\S+) is outside (?P<year>\d+)",
            "期间 {v} 不在登记表的年份 {year} 内",
        ),
    ),
    "missing-period": (
        (
            r"is empty but the value is (?P<v>'.*?');.*",
            f"期间为空,但数值为 {{v}};请填写期间,如 {_PERIODS}",
        ),
    ),
    "duplicate-row": (
        (
            r"repeats (?P<id>\S+) for (?P<p>\S+) with the same value as (?P<w>\S+); .*",
            "与 {w} 重复({id},{p},数值相同);重复行已跳过",
        ),
    ),
    "conflicting-duplicate": (
        (
            r"gives (?P<id>\S+) for (?P<p>\S+) as (?P<v>'.*?'), but (?P<w>\S+) gives (?P<o>.+); .*",
            "{id} 在 {p} 的数值为 {v},但 {w} 为 {o};请只保留其中一行",
        ),
    ),
    "incompatible-unit": (
        (
            r"(?P<u>'.*?') does not convert to (?P<id>\S+)'s"
            r" unit (?P<t>'.*?'); expected one of: (?P<ok>.+)",
            "{u} 无法换算为 {id} 的单位 {t};应为以下之一:{ok}",
        ),
    ),
    "bad-fail-on": (
        (
            r"--fail-on (?P<v>'.*?'): expected a comma list of (?P<known>.+) or 'never'",
            "--fail-on {v} 无效:应为逗号分隔的 {known},或 never",
        ),
    ),
    "no-actuals": (
        (r"(?P<p>.+) holds no \.csv or \.xlsx files", "{p} 中没有 .csv 或 .xlsx 文件"),
        (
            r"holds no file of actuals \(\.csv or \.xlsx\); see above",
            "没有实际数据文件(.csv 或 .xlsx);原因见上文",
        ),
        (r"holds no file of actuals \(\.csv or \.xlsx\)", "没有实际数据文件(.csv 或 .xlsx)"),
        (
            r"no file given, \$REPORTCHECK_ACTUALS is not set and there is no \./actuals/ folder",
            "没有给出文件,$REPORTCHECK_ACTUALS 未设置,也没有 ./actuals/ 文件夹",
        ),
    ),
    "bad-output": (
        (
            r"-o (?P<p>.+): expected a \.csv or \.xlsx file name",
            "-o {p}:文件名应以 .csv 或 .xlsx 结尾",
        ),
        (
            r"-o (?P<p>.+): expected a file name ending \.xlsx, \.html, \.md or \.csv",
            "-o {p}:文件名应以 .xlsx、.html、.md 或 .csv 结尾",
        ),
    ),
    "output-in-actuals": (
        (
            r"-o (?P<p>.+): is the file of actuals being read",
            "-o {p}:这是正在读取的实际数据文件,不能覆盖",
        ),
        (
            r"-o (?P<p>.+): is in the folder of actuals.*",
            "-o {p}:位于实际数据文件夹中,下次运行会被当作实际数据读取;请写到别处",
        ),
    ),
    "unwritable-output": (
        (r"standard output: closed", "标准输出已关闭,结果无法写出"),
        (r"standard output: (?P<why>.+)", "标准输出无法写入:{why}"),
    ),
    "unwritable-file": (
        (r"-o (?P<p>.+): cannot be written: (?P<why>.+)", "-o {p}:无法写入:{why}"),
    ),
    "file-has-values": (
        (
            r"-o (?P<p>.+): already holds (?P<n>\d+) typed values?.*",
            "-o {p}:文件中已有 {n} 个填写的数值,未覆盖;换一个文件名,或加 --force 覆盖",
        ),
        (
            r"-o (?P<p>.+): already exists and is not an empty template.*",
            "-o {p}:文件已存在且不是空白填报表,未覆盖;换一个文件名,或加 --force 覆盖",
        ),
    ),
    "unknown-section": (
        (r"unknown section (?P<v>'.*?'); sections: (?P<ok>.+)", "未知部分 {v};可选:{ok}"),
    ),
    "unknown-status": (
        (r"unknown status (?P<v>'.*?'); statuses: (?P<ok>.+)", "未知状态 {v};可选:{ok}"),
    ),
    "usage-error": (
        (r"(?P<what>.+) \(see '(?P<cmd>.+) --help'\)", "命令行有误:{what}(用法见 `{cmd} --help`)"),
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
    # Files of actuals beyond a limit, and what in a folder or workbook is left out.
    "too-large": (
        (
            r"has more than (?P<n>\d+) rows, the limit for a file of actuals; split it by month",
            "超过 {n} 行,即实际数据文件的上限;请按月拆分",
        ),
        (
            r"has (?P<n>\d+) columns; a file of actuals may have at most (?P<m>\d+)",
            "有 {n} 列;实际数据文件最多 {m} 列",
        ),
        (
            r"has more than (?P<n>\d+) cells, the limit for a file of actuals",
            "超过 {n} 个单元格,即实际数据文件的上限",
        ),
        (
            r"has a cell of (?P<n>\d+) characters; a cell may hold at most (?P<m>\d+)",
            "有一个单元格长 {n} 个字符;单元格最多 {m} 个字符",
        ),
        (
            r"has a cell longer than a CSV reader takes; a cell may hold at most (?P<n>\d+) "
            r"characters",
            "有单元格超出 CSV 可读的长度;单元格最多 {n} 个字符",
        ),
        (r"is larger than the limit of (?P<n>\d+) bytes", "超过 {n} 字节的上限"),
        (
            r"sheet (?P<sheet>.+) brings the workbook's text beyond (?P<n>\d+) characters.*",
            "工作表 {sheet} 使工作簿的文字超过 {n} 个字符,即实际数据文件的上限",
        ),
        (
            r"holds a part \((?P<part>.+)\) of (?P<size>.+?) unpacked; "
            r"a workbook part may be at most (?P<limit>.+)",
            "含一个解压后为 {size} 的部件({part});工作簿的部件最大为 {limit}",
        ),
        (
            r"unpacks to (?P<size>.+?) in (?P<n>\d+) parts; "
            r"a workbook may unpack to at most (?P<limit>.+)",
            "解压后为 {size}(共 {n} 个部件);工作簿解压后最大为 {limit}",
        ),
        (
            rf"sheet (?P<t>{_QUOTED}) declares (?P<r>\d+) rows and (?P<c>\d+) columns; a sheet "
            r"of actuals may have at most (?P<mr>\d+) rows, (?P<mc>\d+) columns and "
            r"(?P<mn>\d+) cells",
            "工作表 {t} 声明有 {r} 行、{c} 列;实际数据工作表最多 {mr} 行、{mc} 列、{mn} 个单元格",
        ),
        (rf"sheet (?P<t>{_QUOTED}) has more than (?P<n>\d+) rows", "工作表 {t} 超过 {n} 行"),
        (
            rf"sheet (?P<t>{_QUOTED}) has more than (?P<n>\d+) columns in row (?P<r>\d+)",
            "工作表 {t} 第 {r} 行超过 {n} 列",
        ),
        (
            r"cell (?P<cell>\S+) holds (?P<n>\d+) characters; a cell may hold at most (?P<m>\d+)",
            "单元格 {cell} 有 {n} 个字符;单元格最多 {m} 个字符",
        ),
        (
            rf"sheet (?P<t>{_QUOTED}) has more than (?P<n>\d+) cells, the limit for a sheet of "
            r"actuals",
            "工作表 {t} 超过 {n} 个单元格,即实际数据工作表的上限",
        ),
        *_LIMITS,
    ),
    "formula-without-value": (
        (
            r"cell (?P<cell>\S+) holds the formula (?P<f>.+) but no computed value .*",
            "单元格 {cell} 含公式 {f},但没有计算结果(文件由程序写出而未经计算),数值未知;"
            "请在 Excel 或 WPS 中打开并保存,或直接填写数值",
        ),
    ),
    "sheet-without-header": (
        (
            rf"sheet (?P<t>{_QUOTED}) holds figures but no header row 'id, period, value'.*",
            "工作表 {t} 有数据但没有表头行 'id, period, value';"
            "请把数据移到有该表头的工作表,或删除该工作表",
        ),
    ),
    "no-figures": (
        (r"holds? no figures: every value is empty.*", "没有数据:value 列全部为空;请填写 value 列"),
    ),
    "skipped": (
        (
            r"skipped: its periods are in (?P<years>.+), not in the registry's year (?P<y>\d+)",
            "已跳过:其期间在 {years} 年,不在登记表的年份 {y} 内",
        ),
        (
            rf"sheet (?P<t>{_QUOTED}) is skipped: it holds no figures and no header",
            "工作表 {t} 已跳过:没有数据,也没有表头",
        ),
        (
            r"skipped: only the first (?P<n>\d+) entries of the folder are read",
            "已跳过:只读取文件夹中的前 {n} 项",
        ),
        (r"skipped: a link that loops back on itself", "已跳过:循环链接"),
        (
            r"skipped: a broken link \(to (?P<to>.+), which does not exist\)",
            "已跳过:失效的链接(指向不存在的 {to})",
        ),
        (r"skipped: cannot be read: (?P<why>.+)", "已跳过:无法读取:{why}"),
        (
            r"skipped: a folder; files in sub-folders are not read",
            "已跳过:是文件夹;不读取子文件夹中的文件",
        ),
        (r"skipped: not a regular file \(a pipe or a device\)", "已跳过:不是普通文件(管道或设备)"),
        (
            r"skipped: an Excel lock file \(the workbook is open in Excel\)",
            "已跳过:Excel 锁定文件(该工作簿正在 Excel 中打开)",
        ),
        (r"skipped: a hidden file", "已跳过:隐藏文件"),
        (
            r"skipped: a text file without the header id,period,value",
            "已跳过:文本文件,没有表头 id,period,value",
        ),
        (
            r"skipped: an old Excel \.xls workbook, which is not read; save it as \.xlsx",
            "已跳过:旧版 Excel .xls 工作簿,不读取;请另存为 .xlsx",
        ),
        (
            r"skipped: a WPS workbook, which is not read; save it as \.xlsx",
            "已跳过:WPS 工作簿,不读取;请另存为 .xlsx",
        ),
        (
            r"skipped: an OpenDocument sheet, which is not read; save it as \.xlsx",
            "已跳过:OpenDocument 表格,不读取;请另存为 .xlsx",
        ),
        (
            r"skipped: a Numbers sheet, which is not read; export it as \.xlsx",
            "已跳过:Numbers 表格,不读取;请导出为 .xlsx",
        ),
        (
            r"skipped: not a file of actuals \(read: (?P<read>.+)\)",
            "已跳过:不是实际数据文件(读取 {read} 文件)",
        ),
    ),
    "bad-bands": (
        (
            r"--bands (?P<v>.+): expected one or two numbers of points, e\.g\. 10,30",
            "--bands {v}:应为一个或两个百分点数,如 10,30",
        ),
        (
            r"--bands (?P<v>.+): expected one or two non-negative numbers of points, e\.g\. 10,30",
            "--bands {v}:应为一个或两个非负的百分点数,如 10,30",
        ),
        (
            r"--bands (?P<v>.+): the first band must not exceed the second, e\.g\. 10,30",
            "--bands {v}:第一个界限不能大于第二个,如 10,30",
        ),
    ),
}


def legacy_message(problem: Problem, lang: str) -> str:
    """The problem's message in `lang`; English when no Chinese wording is known for it."""
    if lang == "en":
        return problem.message
    for pattern, template in CATALOGUE.get(problem.code, ()):
        match = re.fullmatch(pattern, problem.message, re.S)
        if match:
            return template.format(**{k: _part_zh(k, v) for k, v in match.groupdict().items()})
    return problem.message


def _part_zh(name: str, value: str | None) -> str:
    """A part carried into the Chinese: where it stands, what was read, a size, said in Chinese."""
    if value is None:
        return ""
    if name == "what":
        return _WHAT.get(value) or _click_zh(value)
    if name in ("size", "limit"):
        return re.sub(r"(\d) bytes\b", r"\1 字节", value)
    return value


#: Click's own usage errors, as reportcheck says them in Chinese.
_CLICK = (
    (r"Missing argument '(?P<a>[^']+)'\.", "缺少参数 {a}"),
    (r"Missing option '(?P<o>[^']+)'(?: / '[^']+')*\.", "缺少选项 {o}"),
    (r"No such option: (?P<o>\S+) Did you mean (?P<s>\S+)\?", "没有选项 {o},是否想用 {s}?"),
    (r"No such option: (?P<o>\S+) \(Possible options: (?P<p>[^)]+)\)", "没有选项 {o}(可能是:{p})"),
    (r"No such option: (?P<o>\S+)", "没有选项 {o}"),
    (
        r"No such command '(?P<c>[^']+)'\. Did you mean '(?P<s>[^']+)'\?",
        "没有命令 {c},是否想用 {s}?",
    ),
    (r"No such command '(?P<c>[^']+)'\.", "没有命令 {c}"),
    (r"Got unexpected extra arguments?(?:\(s\))? \((?P<a>.*)\)", "多余的参数:{a}"),
    (r"Option '(?P<o>[^']+)' requires an argument\.", "选项 {o} 需要一个值"),
    (
        r"Invalid value for '(?P<o>[^']+)'(?: / '[^']+')*: '(?P<v>.*)' is not one of (?P<c>.+)\.",
        "{o} 的值 {v} 无效,可选:{c}",
    ),
    (r"Invalid value for '(?P<o>[^']+)'(?: / '[^']+')*: (?P<why>.+)", "{o} 的值无效:{why}"),
)


def _click_zh(text: str) -> str:
    """Click's message in Chinese where its wording is known; as written otherwise."""
    for pattern, template in _CLICK:
        if match := re.fullmatch(pattern, text, re.S):
            return template.format(**match.groupdict())
    return text
