"""Messages for people, in Chinese and English: errors and warnings by code, hints, help texts.

The core writes each problem's message in English and gives it a stable kebab-case code; here
a message is said in Chinese by its code. Each code lists the English wordings it knows, as
patterns whose parts are carried into the Chinese; a code or wording not listed here is shown
in English, so a new error is never lost for want of a translation. Codes are the same in both
languages.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from reportcheck.safe_text import single_line

if TYPE_CHECKING:
    from reportcheck.errors import Problem

LANGS = ("zh", "en")

#: (English message pattern, Chinese template); {name} takes the pattern's named group.
_Entry = tuple[str, str]
_ANY = r"(?P<rest>.*)"
_PERIODS = "YYYY-MM、YYYY-Qn、YYYY、2023年6月、2023年1-6月、2023年一季度或2023年上半年"

CATALOGUE: dict[str, Sequence[_Entry]] = {
    "unreadable-file": (
        ("is a folder, not a file of actuals", "是文件夹,不是实际数据文件"),
        ("no such file", "文件不存在"),
        (r"cannot be read: (?P<why>.*)", "无法读取:{why}"),
    ),
    "wrong-file-type": (
        (r"is an old Excel \.xls workbook.*", "是旧版 Excel .xls 工作簿;请另存为 .xlsx 或 CSV"),
        (
            r"is a zip archive.*",
            "是 zip 压缩包(Excel 工作簿?),不是 CSV 文本;工作簿请用 .xlsx 扩展名",
        ),
        (r"is not a readable \.xlsx workbook (?P<why>.*)", "不是可读的 .xlsx 工作簿 {why}"),
        (r"holds binary data, not CSV text", "含二进制数据,不是 CSV 文本"),
    ),
    "empty-file": (
        (r"is empty.*", "是空文件;应有表头 'id,period,value',每个数据一行"),
        (r"has no cells in its first sheet.*", "第一个工作表没有内容;应有表头 id、period、value"),
    ),
    "header-only": (("has a header but no rows of figures", "只有表头,没有数据行"),),
    "wrong-encoding": (
        (r"is UTF-16 text.*", "是 UTF-16 文本;请另存为 CSV UTF-8(或中文版 Excel 的 CSV,GB18030)"),
        (r"is neither UTF-8 nor GB18030/GBK text", "既不是 UTF-8 也不是 GB18030/GBK 文本"),
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
            r"--fail-on (?P<v>'.*?'): .*",
            "--fail-on {v} 无效:应为逗号分隔的 met、missed、on_track、behind、no_data,或 never",
        ),
    ),
    "no-actuals": (
        (r"(?P<p>.+) holds no \.csv or \.xlsx files", "{p} 中没有 .csv 或 .xlsx 文件"),
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
}

SEVERITY = {"error": ("错误", "error"), "warning": ("警告", "warning")}


def resolve_lang(given: str | None, environ: Mapping[str, str] | None = None) -> str:
    """--lang when given; else the locale (LC_ALL, LC_MESSAGES, LANG): English for an English
    or other non-Chinese locale, Chinese for a Chinese one and when none is set (C, POSIX)."""
    if given in LANGS:
        return given
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip()
        if value:
            base = value.split(".")[0].split("@")[0].lower()
            if base.startswith("zh") or base in ("c", "posix"):
                return "zh"
            return "en"
    return "zh"


def lang_in_args(args: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language a command line asks for, read before the options are parsed (for --help)."""
    given: str | None = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            given = args[i + 1]
        elif arg.startswith("--lang="):
            given = arg.split("=", 1)[1]
    return resolve_lang(given, environ)


def message(problem: Problem, lang: str) -> str:
    """The problem's message in `lang`; English when no Chinese wording is known for it."""
    if lang == "en":
        return problem.message
    for pattern, template in CATALOGUE.get(problem.code, ()):
        match = re.fullmatch(pattern, problem.message, re.S)
        if match:
            return template.format(**match.groupdict())
    return problem.message


def problem_line(problem: Problem, lang: str) -> str:
    """One line for stderr: 'reportcheck: 错误: file:line: 列 value: message [code]'."""
    zh, en = SEVERITY.get(problem.severity, (problem.severity, problem.severity))
    if lang == "en":
        return f"reportcheck: {en}: {problem.one_line()}"
    where = problem.file or ""
    if problem.line is not None:
        where += f":{problem.line}"
    column = f"{problem.column} 列:" if problem.column and problem.file else ""
    parts = [f"{where}:" if where else "", column, message(problem, lang), f"[{problem.code}]"]
    return single_line(f"reportcheck: {zh}: " + " ".join(part for part in parts if part))


#: Hints and notes printed by the commands, (zh, en), formatted with keyword arguments.
HINTS: dict[str, tuple[str, str]] = {
    "no-actuals": (
        "没有实际数据。先生成本月填报表:reportcheck template --period {period} -o {file}"
        ",填好 value 列后再运行 reportcheck status(默认读取 ./actuals/,"
        "也可用 --actuals 或 $REPORTCHECK_ACTUALS 指定)。",
        "No actuals yet. Make this month's sheet: reportcheck template --period {period} "
        "-o {file}, fill in the value column, then run reportcheck status again (it reads "
        "./actuals/, or --actuals or $REPORTCHECK_ACTUALS).",
    ),
    "wrote": ("reportcheck: 已写入 {rows} 行到 {file}", "reportcheck: wrote {rows} rows to {file}"),
    "more-problems": (
        "reportcheck: ……另有 {more} 个问题未列出(只列出前 {listed} 个)",
        "reportcheck: ... and {more} more problems not listed (the first {listed} are shown)",
    ),
    "internal-error": (
        "reportcheck: 内部错误: {error}(加 --debug 重新运行可看到调用栈)",
        "reportcheck: internal error: {error} (run again with --debug for a traceback)",
    ),
}


def hint(key: str, lang: str, **values: object) -> str:
    zh, en = HINTS[key]
    return (en if lang == "en" else zh).format(**values)


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


#: Help in Chinese, by command (None: the program itself), as (short help, full help).
COMMAND_HELP: dict[str | None, tuple[str, str]] = {
    None: (
        "对照年内统计数据,检查政府工作报告的量化目标。",
        "对照年内统计数据,检查政府工作报告的量化目标。\n\n"
        "退出码:0 没有未达标项,1 有滞后或未完成项(见 --fail-on),2 输入或命令行有误。",
    ),
    "targets": (
        "列出全部目标及报告原文。",
        "列出登记表中的全部目标及报告原文。\n\n"
        "\b\n示例: reportcheck targets --section 二 --format json",
    ),
    "diff": (
        "将一份实际数据与全部目标逐项对照。",
        "将一份实际数据与全部目标逐项对照:已完成、未完成、符合进度、滞后、暂无数据。\n\n"
        "不给文件时读取 $REPORTCHECK_ACTUALS,否则读取 ./actuals/;`-` 表示从标准输入读取。"
        "退出码:0 没有未达标项,1 有(见 --fail-on),2 输入有误。\n\n"
        "\b\n示例: reportcheck diff actuals/2023-06.xlsx --fail-on missed",
    ),
    "status": (
        "各目标进展情况及与上期相比的变化。",
        "各目标进展情况:分部分统计、滞后最多的指标、与上期相比的变化。\n\n"
        "没有实际数据时给出登记表概况;有按月文件的文件夹时,判定最新一期并与上一期比较。\n\n"
        "\b\n示例: reportcheck status --actuals actuals/ --format markdown > review.md",
    ),
    "show": (
        "查看一个目标的全部信息。",
        "查看一个目标的全部信息:原文、判定规则、基期、进度口径及历次数据。\n\n"
        "\b\n示例: reportcheck show graduates --actuals actuals/",
    ),
    "template": (
        "生成某月的实际数据填报表。",
        "生成某月的填报表:每个登记编号一行,填好后 diff 可直接读取。"
        "已填写数值的文件不会被覆盖(除非加 --force)。\n\n"
        "\b\n示例: reportcheck template --period 2023-06 -o actuals/2023-06.xlsx",
    ),
    "report": (
        "生成通报材料:Excel、单文件 HTML、Markdown 或 CSV。",
        "生成可直接印发的通报材料:总体情况段落、按部分分组的附表(灯色、完成率、序时进度)、"
        "各指标走势图,以及年末的目标任务完成情况对照表。\n\n"
        "材料写成时退出码为 0,输入有误时为 2;是否有滞后项请用 status 的退出码。\n\n"
        "\b\n示例: reportcheck report --actuals examples/monthly -o review.xlsx",
    ),
    "draft": (
        "从报告原文起草一份登记表,供人工审核。",
        "从政府工作报告原文起草一份登记表,供人工审核:每一处推断都标有 `# check:`。\n\n"
        "\b\n示例: reportcheck draft report.txt -o registry.yaml && reportcheck lint registry.yaml",
    ),
    "lint": (
        "对任一登记表做全部证据检查。",
        "对任一登记表做全部证据检查:原文逐字引用、数字一致、计划部分的每个数字都已使用或说明。\n\n"
        "没有问题时退出码为 0,有错误时为 2(加 --strict 时警告也算)。\n\n"
        "\b\n示例: reportcheck lint registry.yaml --strict",
    ),
}

#: Option and argument help in Chinese, by "command.parameter" or by parameter name.
OPTION_HELP: dict[str, str] = {
    "version": "显示版本并退出。",
    "debug": "内部错误时显示调用栈。",
    "targets_file": "使用指定的登记表文件,而不是内置的登记表。",
    "lang": "名称、标签和提示的语言(默认中文;提示信息在未指定时跟随 LANG/LC_ALL)。",
    "section": "只看这一部分,如 二 或 '二(一)'(可重复)。",
    "ids": "只看这个编号(可重复)。",
    "target_id": "登记表中的编号。",
    "status": "只看这种状态的结果(可重复):met、missed、on_track、behind、not_due、no_data。",
    "period": "按这一期间判定(YYYY-MM、YYYY-Qn、YYYY、2023年6月等);默认为数据中的最新一期。",
    "fail_on": (
        "使退出码为 1 的状态:逗号分隔的 met、missed、on_track、behind、not_due、no_data,或 never。"
    ),
    "actuals": "实际数据文件或文件夹 [默认: $REPORTCHECK_ACTUALS,否则 ./actuals/]",
    "diff.actuals": "CSV(UTF-8 或 GBK)或 .xlsx 实际数据文件、其所在文件夹,或 - 表示标准输入"
    " [默认: $REPORTCHECK_ACTUALS,否则 ./actuals/]",
    "fmt": "输出格式:table、json、csv 或 markdown。",
    "show_all": "逐项列出暂无数据的目标,而不是每部分合并为一行。",
    "output": "写入这个 .csv(带 BOM 的 UTF-8)或 .xlsx 文件;缺少的文件夹会自动创建。",
    "report.output": "写入 FILE.xlsx、FILE.html、FILE.md 或 FILE.csv(带 BOM 的 UTF-8)。",
    "draft.output": "把登记表写入这个 YAML 文件(默认输出到标准输出)。",
    "bands": "灯色:落后序时进度不超过 A 个百分点为黄灯,不超过 B 为橙灯,超过为红灯。",
    "final": "在 12 月以前也附上年末对照表。",
    "report": "报告原文:UTF-8 或 GB18030 文本。",
    "year": "计划所属年份(原文未写明时)。",
    "registry_file": "登记表 YAML 文件。",
    "strict": "警告也使退出码为 2。",
    "bom": "配合 -f csv:在开头写入 UTF-8 字节顺序标记,便于中文版 Excel 直接打开。",
    "force": "覆盖已填写数值的文件。",
}
