"""Drafting a registry from a report's text.

Each key (a problem's code, or code/variant) has a Chinese and an English template; the
placeholders are the problem's parameters.
"""

from __future__ import annotations

TEMPLATES: dict[str, tuple[str, str]] = {
    "report-unreadable": ("无法读取:{value}", "cannot be read: {value}"),
    "report-unreadable/missing": ("文件不存在", "no such file"),
    "report-unreadable/folder": ("是文件夹,不是报告原文", "is a folder, not a report's text"),
    "report-unreadable/not-regular": (
        "不是普通文件(是管道或设备);报告原文须为普通文件",
        "is not a regular file (a pipe or a device); a report's text must be one",
    ),
    "report-too-large": (
        "大于 {limit}:不是一篇政府工作报告的正文",
        "is larger than {limit}: not a work report's text",
    ),
    "report-encoding": ("既不是 UTF-8 也不是 GB18030 文本", "is neither UTF-8 nor GB18030 text"),
    "draft-no-year": (
        "无法判断计划是哪一年的:请用 --year 指明",
        "cannot tell which year the plan is for: pass --year",
    ),
}
