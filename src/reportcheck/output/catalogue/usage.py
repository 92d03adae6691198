"""Command-line values: ids, sections, statuses, periods, output files, and Click's own errors.

Each key (a problem's code, or code/variant) has a Chinese and an English template; the
placeholders are the problem's parameters. {value} is the value as typed.
"""

from __future__ import annotations

from reportcheck.output.catalogue.actuals import PERIODS

_KEEP = (
    "未覆盖;换一个文件名,或加 --force 覆盖",
    "it is kept. Write to another file, or add --force to overwrite it",
)
_TARGETS = ("(`reportcheck targets` 列出全部编号)", "('reportcheck targets' lists them)")

TEMPLATES: dict[str, tuple[str, str]] = {
    # A mistake Click finds (an unknown option, a missing argument), in the words of {what}.
    "usage-error": (
        "命令行有误:{what}(用法见 `{command} --help`)",
        "{what} (see '{command} --help')",
    ),
    "unknown-id/option": (
        f"未知编号 '{{value}}'{_TARGETS[0]}",
        f"unknown id '{{value}}' {_TARGETS[1]}",
    ),
    "unknown-id/option-close": (
        f"未知编号 '{{value}}';是否指 {{close}}?{_TARGETS[0]}",
        f"unknown id '{{value}}'; did you mean {{close}}? {_TARGETS[1]}",
    ),
    "unknown-section": (
        "未知部分 '{value}';可选:{sections}",
        "unknown section '{value}'; sections: {sections}",
    ),
    "unknown-status": (
        "未知状态 '{value}';可选:{statuses}",
        "unknown status '{value}'; statuses: {statuses}",
    ),
    "bad-period/option": (
        f"--period '{{value}}' 不是期间;应为 {PERIODS[0]}",
        f"--period '{{value}}' is not a period; expected {PERIODS[1]}",
    ),
    "period-out-of-year/option": (
        "--period '{value}' 不在登记表的年份 {year} 内",
        "--period '{value}' is outside the registry's year {year}",
    ),
    "period-out-of-year/file-name": (
        "-o {file}:文件名中的期间 {period} 不在登记表的年份 {year} 内;请用 --period 指定期间",
        "-o {file}: the file name's period {period} is outside the registry's year {year}; give "
        "the period with --period",
    ),
    "bad-period/api": (
        f"期间 '{{value}}' 不是期间;应为 {PERIODS[0]}",
        f"period '{{value}}' is not a period; expected {PERIODS[1]}",
    ),
    "period-out-of-year/api": (
        "期间 {value} 不在登记表的年份 {year} 内",
        "period {value} is outside the registry's year {year}",
    ),
    "bad-fail-on": (
        "--fail-on '{value}' 无效:应为逗号分隔的 {known},或 never",
        "--fail-on '{value}': expected a comma list of {known} or 'never'",
    ),
    "bad-year": (
        "--year {value}:应为 {first} 到 {last} 之间的年份",
        "--year {value}: expected a year from {first} to {last}",
    ),
    "bad-bands": (
        "--bands '{value}':应为 0 到 100 之间的一个或两个百分点数,第一个不大于第二个,如 10,30",
        "--bands '{value}': expected one or two numbers of points from 0 to 100, the first not "
        "above the second, e.g. 10,30",
    ),
    "no-actuals/option": (
        "没有给出文件,$REPORTCHECK_ACTUALS 未设置,也没有 ./actuals/ 文件夹",
        "no file given, $REPORTCHECK_ACTUALS is not set and there is no ./actuals/ folder",
    ),
    "no-actuals/report": (
        "report 需要 --actuals(一个实际数据文件或文件夹),$REPORTCHECK_ACTUALS 未设置,"
        "也没有 ./actuals/ 文件夹",
        "report needs --actuals (a file of actuals or a folder of them); $REPORTCHECK_ACTUALS is "
        "not set and there is no ./actuals/ folder",
    ),
    "no-actuals/api": (
        "{paths} 中没有 .csv 或 .xlsx 文件",
        "{paths} holds no .csv or .xlsx files",
    ),
    # Output files: the wrong kind, one that holds typed work, one that cannot be written.
    "bad-output/template": (
        "-o {file}:文件名应以 .csv 或 .xlsx 结尾",
        "-o {file}: expected a .csv or .xlsx file name",
    ),
    "bad-output/harvest": (
        "-o {file}:文件名应以 .csv 结尾",
        "-o {file}: expected a .csv file name",
    ),
    "bad-output/pack": (
        "-o {file}:文件名应以 .docx、.xlsx、.html、.md 或 .csv 结尾",
        "-o {file}: expected a file name ending .docx, .xlsx, .html, .md or .csv",
    ),
    "file-has-values": (
        f"-o {{file}}:文件中已有 {{count}} 行填写了数值、来源、备注或原因,{_KEEP[0]}",
        f"-o {{file}}: already holds {{count}} typed values; {_KEEP[1]}",
    ),
    "file-has-values/one": (
        f"-o {{file}}:文件中已有 1 行填写了数值、来源、备注或原因,{_KEEP[0]}",
        f"-o {{file}}: already holds 1 typed value; {_KEEP[1]}",
    ),
    "file-has-values/unknown": (
        f"-o {{file}}:文件已存在且不是空白填报表,{_KEEP[0]}",
        f"-o {{file}}: already exists and is not an empty template; {_KEEP[1]}",
    ),
    "file-exists": (
        f"-o {{file}}:文件已存在,{_KEEP[0]}",
        f"-o {{file}}: already exists; {_KEEP[1]}",
    ),
    "unwritable-file": ("-o {file}:无法写入:{why}", "-o {file}: cannot be written: {why}"),
    "output-in-actuals/same": (
        "-o {file}:这是正在读取的实际数据文件,不能覆盖",
        "-o {file}: is the file of actuals being read",
    ),
    "output-in-actuals/folder": (
        "-o {file}:位于实际数据文件夹中,下次运行会被当作实际数据读取;请写到别处",
        "-o {file}: is in the folder of actuals, where the next run would read it as actuals; "
        "write it elsewhere",
    ),
}
