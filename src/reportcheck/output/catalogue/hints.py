"""Hints and notes the commands print beside their output, in Chinese and English."""

from __future__ import annotations

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
    "drafted": (
        "reportcheck: 起草 {commitments} 项承诺、{others} 个非承诺数字、{checks} 处待核(# check:)",
        "reportcheck: drafted {commitments} commitments, {others} numbers that are not, "
        "{checks} `# check:` lines",
    ),
    "drafted-seed": (
        "reportcheck: seed 写为相对当前文件夹的 {seed};登记表若存到别的文件夹,请改用 -o 文件",
        "reportcheck: seed is written as {seed}, relative to the current folder; for a registry "
        "saved in another folder, use -o FILE instead",
    ),
    "harvested": (
        "reportcheck: 从 {file} 的回顾部分取得 {found} 项的结果(登记表共 {total} 项),"
        "{unsure} 项存疑未取(见上)",
        "reportcheck: harvested {found} outcomes of the registry's {total} entries from the "
        "review of {file}; {unsure} left for a person (above)",
    ),
    "linted": (
        "reportcheck: {entries} 项,{errors} 个错误,{warnings} 个警告",
        "reportcheck: {entries} entries, {errors} errors, {warnings} warnings",
    ),
    "wrote-pack": (
        "reportcheck: 已写入 {file}({rows} 项承诺)",
        "reportcheck: wrote {file} ({rows} commitments)",
    ),
    "more-problems": (
        "reportcheck: ……另有 {more} 个问题未列出(只列出前 {listed} 个)",
        "reportcheck: ... and {more} more problems not listed (the first {listed} are shown)",
    ),
    "internal-error": (
        "reportcheck: 内部错误: {error}(加 --debug 重新运行可看到调用栈)",
        "reportcheck: internal error: {error} (run again with --debug for a traceback)",
    ),
    "kept-typed": (
        "reportcheck: 保留了 {file} 中 {rows} 项手工填写的推进情况",
        "reportcheck: kept the 推进情况 typed into {file} for {rows} commitments",
    ),
    "wrote-units": (
        "reportcheck: 已为 {units} 个责任单位各写入一份填报表到 {folder}({rows} 行)",
        "reportcheck: wrote a sheet for each of {units} responsible units to {folder} "
        "({rows} rows)",
    ),
    "wrote-unassigned": (
        "reportcheck: {count} 项没有责任单位,写入 {file},请自行填报或在 --units 表中指定",
        "reportcheck: {count} commitments name no unit; they are in {file}, to fill in "
        "yourself or to assign in the --units sheet",
    ),
    "period-from-name": (
        "reportcheck: 期间取自文件名:{period}(可用 --period 另行指定)",
        "reportcheck: the period {period} is taken from the file name (--period gives another)",
    ),
}


def hint(key: str, lang: str, **values: object) -> str:
    zh, en = HINTS[key]
    return (en if lang == "en" else zh).format(**values)


#: What a command did not do because its input had errors, (zh, en).
OUTCOMES = {
    "judged": ("未作判定", "nothing judged"),
    "written": ("未写入任何文件", "nothing written"),
    "listed": ("未列出任何内容", "nothing listed"),
    "checked": ("未作检查", "nothing checked"),
}


def closing_line(errors: int, files: int, outcome: str, lang: str) -> str:
    """The line after a run's errors: 'reportcheck: 3 errors in 2 files; nothing judged'."""
    zh, en = OUTCOMES[outcome]
    if lang != "en":
        where = f"{files} 个文件中有 " if files else ""
        return f"reportcheck: {where}{errors} 个错误;{zh}"
    counted = f"{errors} error{'' if errors == 1 else 's'}"
    if files:
        counted += f" in {files} file{'' if files == 1 else 's'}"
    return f"reportcheck: {counted}; {en}"
