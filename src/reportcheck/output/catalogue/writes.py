"""Writing files whole, and the limits of what one run or one draft reads.

Each key (a problem's code, or code/variant) has a Chinese and an English template; the
placeholders are the problem's parameters. {value} is the -o file as given.
"""

from __future__ import annotations

TEMPLATES: dict[str, tuple[str, str]] = {
    "output-not-regular/folder": (
        "-o {value}:是文件夹,不能写成文件;请给出文件名",
        "-o {value}: is a folder, which a file cannot replace; give a file name",
    ),
    "output-not-regular/pipe": (
        "-o {value}:是命名管道,不是普通文件,写入可能永远等待;请写到普通文件",
        "-o {value}: is a named pipe, not a regular file, and writing to it could wait forever; "
        "write to a regular file",
    ),
    "output-not-regular/device": (
        "-o {value}:是设备,不是普通文件;请写到普通文件",
        "-o {value}: is a device, not a regular file; write to a regular file",
    ),
    "output-not-regular/other": (
        "-o {value}:不是普通文件;请写到普通文件",
        "-o {value}: is not a regular file; write to a regular file",
    ),
    "output-is-input": (
        "-o {value}:与正在读取的 {input} 是同一个文件(同一路径、链接或硬链接),写入会覆盖输入;"
        "请写到别处",
        "-o {value}: is the same file as {input}, which is being read (the same path, a link or "
        "a hard link): writing it would destroy the input; write elsewhere",
    ),
    "too-large/run-rows": (
        "读到此文件时,本次读取的数据行(所有文件合计)超过 {limit} 行的上限,此前已读 {files} "
        "个文件;请分批检查,例如按年份分开文件夹",
        "brings the rows read in this run beyond {limit}, the limit over all files ({files} "
        "read before it); check fewer files at a time, e.g. one folder per year",
    ),
    "too-large/run-bytes": (
        "读到此文件时,本次读取的数据(所有文件合计)超过 {limit} 的上限,此前已读 {files} "
        "个文件;请分批检查,例如按年份分开文件夹",
        "brings the data read in this run beyond {limit}, the limit over all files ({files} "
        "read before it); check fewer files at a time, e.g. one folder per year",
    ),
    "workbook-cell-too-long": (
        "工作表 {sheet} 的 {cell} 单元格有 {chars} 个字符,超过 Excel 单元格 {limit} 个字符的上限,"
        "写入会被截断,故未写入;请改写为 .docx、.html 或 .csv",
        "sheet {sheet}, cell {cell}: holds {chars} characters, more than the {limit} an Excel "
        "cell can hold; it would be cut, so nothing was written; write .docx, .html or .csv",
    ),
    "report-unreadable/missing": ("文件不存在", "no such file"),
    "report-unreadable/folder": ("是文件夹,不是报告原文", "is a folder, not a report's text"),
    "report-unreadable/not-regular": (
        "不是普通文件(是管道或设备);报告原文须为普通文件",
        "is not a regular file (a pipe or a device); a report's text must be one",
    ),
    "report-unreadable": ("无法读取:{why}", "cannot be read: {why}"),
    "report-too-large": (
        "大小为 {size};报告原文最大为 {limit},这不像一份工作报告",
        "is {size}; a report's text may be at most {limit}: this is no work report",
    ),
    "report-too-large/grew": (
        "读取时超过 {limit},即报告原文的上限",
        "grew beyond {limit}, the limit for a report's text, as it was read",
    ),
    "report-encoding": (
        "不是 UTF-8、GB18030 或 Big5 文本,或编码不能确定;请另存为 UTF-8",
        "is not UTF-8, GB18030 or Big5 text, or not certainly one; save it as UTF-8",
    ),
    "draft-too-large/commitments": (
        "起草出的承诺超过 {limit} 项,这不像一份工作报告(一份报告通常有几十到几百项);"
        "请只起草报告的计划部分",
        "gives more than {limit} commitments, which no work report makes (one makes tens to "
        "hundreds); draft from the report's plan part only",
    ),
    "draft-too-large/numbers": (
        "计划部分有超过 {limit} 个数字,这不像一份工作报告;请只起草报告的计划部分",
        "has more than {limit} numbers in its plan part, which no work report has; draft from "
        "the report's plan part only",
    ),
}
