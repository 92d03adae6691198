"""`--help` in Chinese: the commands' texts from the message catalogue, Click's own words too.

Applied to the command objects of one run before its arguments are parsed; a command or option
without a Chinese text keeps its English one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from typer._click.core import Context
from typer._click.formatting import HelpFormatter

from reportcheck.output.messages import COMMAND_HELP, OPTION_HELP

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
