"""`--help` in Chinese: the commands' texts, Click's own words too, and Click's usage errors.

Applied to the command objects of one run before its arguments are parsed; a command or option
without a Chinese text keeps its English one. Click writes its usage errors in English; the
ones it words in known ways are said in Chinese here, the rest as Click wrote them.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from typer._click.core import Context
from typer._click.formatting import HelpFormatter

#: Click's own words in a help page.
_HEADINGS = {"Usage": "用法", "Arguments": "参数", "Options": "选项", "Commands": "命令"}
_PHRASES = (
    ("Show this message and exit.", "显示此帮助并退出。"),
    ("Install completion for the current shell.", "为当前 shell 安装命令补全。"),
    (
        "Show completion for the current shell, to copy it or customize the installation.",
        "显示当前 shell 的命令补全脚本,可复制或自行安装。",
    ),
    ("[default: ", "[默认: "),
    ("[required]", "[必填]"),
)


class _Formatter(HelpFormatter):
    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        super().write_usage(prog, args, f"{_HEADINGS['Usage']}: " if prefix is None else prefix)

    @contextmanager
    def section(self, name: str) -> Iterator[None]:
        with super().section(_HEADINGS.get(name, name)):
            yield

    def write_dl(self, rows: Sequence[tuple[str, str]], *args: Any, **kwargs: Any) -> None:
        super().write_dl([(term, _phrases(text)) for term, text in rows], *args, **kwargs)


def _phrases(text: str) -> str:
    for english, chinese in _PHRASES:
        text = text.replace(english, chinese)
    return text


class _ChineseContext(Context):
    formatter_class = _Formatter


def help_in_chinese(group: Any) -> None:
    """Chinese help texts on the group and its commands, and a formatter that says the rest."""
    commands: list[tuple[str | None, Any]] = [(None, group), *group.commands.items()]
    for name, command in commands:
        short, full = COMMAND_HELP.get(name, (None, None))
        if full is not None:
            command.help, command.short_help = full, short
        for param in command.params:
            text = OPTION_HELP.get(f"{name}.{param.name}", OPTION_HELP.get(param.name or ""))
            if text is not None and hasattr(param, "help"):
                param.help = text
        if command.context_class is Context:  # a command with its own context keeps it
            command.context_class = _ChineseContext


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
        "生成通报材料:Word、Excel、单文件 HTML、Markdown 或 CSV。",
        "生成可直接印发的通报材料:总体情况段落、按部分分组的附表(灯色、完成率、序时进度)、"
        "各指标走势图,以及年末的目标任务完成情况对照表。\n\n"
        "材料写成时退出码为 0,输入有误时为 2;是否有滞后项请用 status 的退出码。\n\n"
        "\b\n示例: reportcheck report --actuals examples/monthly -o review.xlsx",
    ),
    "harvest": (
        "从今年报告的回顾部分取得去年承诺的结果。",
        "读取第 N+1 年报告的回顾部分(一、2023年工作回顾),为登记表(第 N 年)中回顾部分说明了结果的"
        "每项承诺写出一行,diff 和 report 可直接读取:按登记单位换算的数字、已完成的事项写“是”、"
        "回顾部分的原话作为来源、预计数标注“预计”、以界限发布的数照写(如 >2700)。\n\n"
        "不会取用其他指标的数字:说法不够明确、无法确定的,列在标准错误输出上,由人工核对。"
        "已有的文件不会被覆盖(除非加 --force)。\n\n"
        "\b\n示例: reportcheck harvest report-2024.txt --targets huzhou-2023 -o outcomes.csv",
    ),
    "draft": (
        "从报告原文起草一份登记表,供人工审核。",
        "从政府工作报告原文起草一份登记表,供人工审核:每一处推断都标有 `# check:`。\n\n"
        "\b\n示例: reportcheck draft report.txt -o registry.yaml && reportcheck lint registry.yaml",
    ),
    "registries": (
        "列出内置的登记表及 --targets 所用的名称。",
        "列出 reportcheck 内置的登记表:--targets 所用的名称、所载的报告和承诺数量。"
        "不给 --targets 时各命令使用默认的一份。\n\n"
        "\b\n示例: reportcheck registries && reportcheck --targets huzhou-2024 targets",
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
    "targets_file": (
        "使用指定的登记表文件,或内置登记表的名称(如 huzhou-2024),而不是默认的 huzhou-2023"
        "(reportcheck registries 列出内置登记表)。"
    ),
    "lang": "名称、表格和提示的语言(默认按 REPORTCHECK_LANG,其次按区域设置 LC_ALL、"
    "LC_MESSAGES、LANG,都未设置时为中文)。",
    "section": "只看这一部分,如 二 或 '二(一)'(可重复)。",
    "ids": "只看这个编号(可重复)。",
    "target_id": "登记表中的编号。",
    # ASCII words are listed with ", " so that help text wraps between them, never inside one.
    "status": "只看这种状态的结果(可重复): met, missed, on_track, behind, not_due, no_data。",
    "period": "按这一期间判定(如 2023-06, 2023-Q2, 2023, 2023年6月 等);默认为数据中的最新一期。",
    "actuals": "实际数据文件或文件夹 [默认: $REPORTCHECK_ACTUALS,否则 ./actuals/]",
    "diff.actuals": "CSV(UTF-8 或 GBK)或 .xlsx 实际数据文件、其所在文件夹,或 - 表示标准输入"
    " [默认: $REPORTCHECK_ACTUALS,否则 ./actuals/]",
    "fmt": "输出格式:table、json、csv 或 markdown。",
    "show_all": "逐项列出暂无数据的目标,而不是每部分合并为一行。",
    "output": "写入这个 .csv(带 BOM 的 UTF-8)或 .xlsx 文件;缺少的文件夹会自动创建。",
    "template.output": (
        "写入这个 .csv(带 BOM 的 UTF-8)或 .xlsx 文件(配合 --by-unit 为文件夹);"
        "缺少的文件夹会自动创建。"
    ),
    "report.output": (
        "写入 FILE.docx(Word 通报)、FILE.xlsx(附件)、FILE.html、FILE.md 或 FILE.csv"
        "(带 BOM 的 UTF-8)。"
    ),
    "draft.output": "把登记表写入这个 YAML 文件(默认输出到标准输出)。",
    "harvest.output": "把结果写入这个 .csv 文件(带 BOM 的 UTF-8;默认输出到标准输出)。",
    "review": "第 N+1 年的报告原文(或其回顾部分):UTF-8 或 GB18030 文本。",
    "bands": "灯色:落后序时进度不超过 A 个百分点为黄灯,不超过 B 为橙灯,超过为红灯。",
    "final": "在 12 月以前也附上年末对照表。",
    "report": "报告原文:UTF-8 或 GB18030 文本。",
    "year": "计划所属年份(原文未写明时)。",
    "registry_file": "登记表 YAML 文件,或内置登记表的名称(如 huzhou-2024)。",
    "strict": "警告也使退出码为 2。",
    "bom": "配合 -f csv:在开头写入 UTF-8 字节顺序标记,便于中文版 Excel 直接打开。",
    "force": "覆盖已有的文件。",
    "template.force": "覆盖已填写数值的文件。",
    "template.period": (
        "预填这一期间(如 2023-06, 2023-Q2, 2023, 2023年6月 等);"
        "默认取 -o 文件名中的期间,如 actuals/2023-08.xlsx。"
    ),
    "units_file": (
        "本单位的责任分解表,CSV 或 .xlsx,列为 id、责任单位(多个用、分隔)、分管领导"
        "(或 lead、leader):据此设定各项承诺的责任单位和分管领导"
        " [默认: $REPORTCHECK_UNITS,否则用登记表中的]。"
    ),
    "by_unit": ("为每个责任单位各写一份填报表到 -o 指定的文件夹,只含该单位的承诺,文件以单位命名。"),
    "lead": "只看这个责任单位的承诺,单独负责或与其他单位共同负责,如 市发改委(可重复)。",
    "leader": "只看这位分管领导的承诺(可重复)。",
    "max_errors": "最多列出 N 个问题,其余只计数 [默认: 100]。",
    "encoding": "CSV 实际数据文件的编码,无法从内容判断时指定 [默认: 按内容判断]。",
    "fail_on": (
        "使退出码为 1 的情况:逗号分隔的 met, missed, on_track, behind, not_due, no_data 和 warning"
        "(有任何警告,包括数据合理性警告),或 never。"
    ),
}


#: Click's own usage errors, as reportcheck says them in Chinese: (English pattern, Chinese).
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


def click_message(text: str, lang: str) -> str:
    """Click's usage error in `lang`: in Chinese where its wording is known, else as written."""
    if lang == "en":
        return text
    for pattern, template in _CLICK:
        if match := re.fullmatch(pattern, text, re.S):
            return template.format(**match.groupdict())
    return text
