"""The command line: the Typer app, the options every command takes, and the entry point.

Each command lives in its own module (targets, diff, status, show, template, report, harvest,
draft, lint, registries) and imports what it uses when it runs; a run that names a command
imports that module alone. Exit status as diff(1): 0 when no commitment has a failing status,
1 when one does, 2 when the input, the registry or the command line is wrong (and for internal
errors).
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
from collections.abc import Mapping, Sequence
from typing import Any

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer._click.exceptions import UsageError as ClickUsageError
from typer._click.types import IntRange
from typer.core import TyperGroup, TyperOption

from reportcheck import __version__
from reportcheck.cli.chinese_help import click_message, help_in_chinese
from reportcheck.cli.guard import USAGE_EXIT
from reportcheck.cli.lang import lang_in_args
from reportcheck.cli.options import DEFAULT_FAIL_ON_TEXT, LangOption, State, TargetsOption
from reportcheck.cli.process import work_begins
from reportcheck.model.imports import import_msgspec
from reportcheck.model.limits import MAX_LISTED

__all__ = ["COMMANDS", "DEFAULT_FAIL_ON_TEXT", "command_named", "main", "make_app"]

#: The commands, in the order help lists them, with their short help (the Chinese in
#: chinese_help); each is the function of that name in the module reportcheck.cli.<name>,
#: imported only when it is built.
COMMANDS: dict[str, str] = {
    "targets": "List every commitment with the report's own words.",
    "diff": "Compare a file of actuals with every commitment.",
    "status": "Where every commitment stands, and what changed.",
    "show": "Everything about one commitment.",
    "template": "A fill-in file of actuals for a month.",
    "report": "The review pack: Word, Excel, one-file HTML, Markdown or CSV.",
    "harvest": "Harvest last year's outcomes from this year's report's review.",
    "draft": "Draft a first registry from a work report's text.",
    "lint": "Check a registry's evidence against its report.",
    "registries": "List the shipped registries, by the name --targets takes.",
}


class _Usage(ClickException):
    """A command-line mistake Click found, printed in reportcheck's one style of error."""

    exit_code = USAGE_EXIT

    def __init__(self, error: ClickUsageError, lang: str, json: bool) -> None:
        super().__init__(error.format_message())
        self.command = error.ctx.command_path if error.ctx else "reportcheck"
        self.lang = lang
        self.json = json

    def show(self, file: Any = None) -> None:
        from reportcheck.cli.emit import error_document
        from reportcheck.model.problems import problem
        from reportcheck.output.catalogue import problem_line

        found = problem(
            "usage-error", what=click_message(self.message, self.lang), command=self.command
        )
        typer.echo(problem_line(found, self.lang), err=True)
        if self.json:  # a script that asked for JSON gets its document on standard output
            error_document([found])


def json_in_args(args: Sequence[str]) -> bool:
    """Whether a command line asks for JSON, read without parsing it (for its usage errors)."""
    for i, arg in enumerate(args):
        if arg in ("-f", "--format") and i + 1 < len(args) and args[i + 1] == "json":
            return True
        if arg in ("--format=json", "-fjson", "-f=json"):
            return True
    return False


def _version(ctx: Any, _param: Any, value: bool) -> None:
    if value:
        typer.echo(f"reportcheck {__version__}")
        ctx.exit()


def _debug(_ctx: Any, _param: Any, value: bool) -> None:
    if value:
        State.debug = True


def _max_errors(_ctx: Any, _param: Any, value: int | None) -> None:
    if value is not None:
        State.max_errors = value


def _everywhere() -> list[TyperOption]:
    """Options that hold for the whole run, taken before or after the command's name."""
    return [
        TyperOption(
            param_decls=["--version"],
            is_flag=True,
            default=False,
            expose_value=False,
            is_eager=True,
            callback=_version,
            help="Show the version and exit.",
        ),
        TyperOption(
            param_decls=["--debug"],
            is_flag=True,
            default=False,
            expose_value=False,
            callback=_debug,
            help="Show tracebacks of internal errors.",
        ),
        TyperOption(
            param_decls=["--max-errors"],
            type=IntRange(min=0),
            metavar="N",
            expose_value=False,
            callback=_max_errors,
            help=f"List at most N problems, then count the rest [default: {MAX_LISTED}].",
        ),
    ]


class _App(TyperGroup):
    """Help in the language asked for; usage errors as one line in the style of every error;
    --version, --debug and --max-errors on the program and on every command."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.asks_json = False
        self.params.extend(_everywhere())
        for command in self.commands.values():
            command.params.extend(_everywhere())

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        lang = lang_in_args(args)
        if parent is None:
            State.reset(lang)
            self.asks_json = json_in_args(args)
        if lang == "zh":
            help_in_chinese(self)
        try:
            return super().make_context(info_name, args, parent, **extra)
        except ClickUsageError as exc:
            if isinstance(exc, NoArgsIsHelpError):
                raise
            raise _Usage(exc, lang, self.asks_json) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ClickUsageError as exc:
            if isinstance(exc, NoArgsIsHelpError):
                raise
            raise _Usage(exc, State.lang, self.asks_json) from None


def _main(targets_file: TargetsOption = None, lang: LangOption = None) -> None:
    """Check a government work report's commitments against year-to-date statistics.

    Exit status: 0 nothing failing, 1 a commitment is failing (see --fail-on), 2 bad input.
    """
    State.targets = targets_file
    State.lang_given = lang.value if lang is not None else None
    work_begins()  # the command line is read: the command's own work begins


def _listed() -> None:
    """A command as the program's help lists it: its name and short help, no parameters."""


def make_app(names: Sequence[str] = tuple(COMMANDS), *, listed_only: bool = False) -> typer.Typer:
    """The program with these commands, each imported from its own module; `listed_only`, for
    the program's own help, gives each command its name and short help alone, importing no
    command's module (Typer reads every parameter of every command it builds: a tenth of a
    start)."""
    built = typer.Typer(
        name="reportcheck",
        cls=_App,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
        rich_markup_mode=None,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    built.callback()(_main)
    if not listed_only:
        import_msgspec()
    for name in names:
        if listed_only:
            function: Any = _listed
        else:
            function = getattr(importlib.import_module(f"reportcheck.cli.{name}"), name)
        built.command(name, short_help=COMMANDS[name])(function)
    return built


@functools.cache
def _every_command() -> typer.Typer:
    return make_app()


def __getattr__(name: str) -> typer.Typer:
    """`app`: the program with every command, made when first asked for (tests, completion)."""
    if name == "app":
        return _every_command()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def main() -> None:
    """Console-script entry point: the command named on the line is the one imported and built
    (reading a command's signature and annotations costs about half a millisecond, importing
    its module more)."""
    from reportcheck.output.safe_text import guard_streams

    guard_streams()
    named = command_named(sys.argv[1:], os.environ)
    if named is not None:
        make_app([named])()
    else:  # the program's help, or a usage error naming the commands: their names suffice
        make_app(listed_only=not _completing(os.environ))()


def _completing(env: Mapping[str, str]) -> bool:
    """Whether the shell asks for completions (of commands, options and their values)."""
    return any(key.startswith("_REPORTCHECK_COMPLETE") for key in env)


#: Options before the command name that take a value, so that their value is not a command.
_GLOBAL_VALUES = ("--targets", "--max-errors", "--lang")


def command_named(args: Sequence[str], env: Mapping[str, str]) -> str | None:
    """The one command `args` names; None, so that every command is made, when no known
    command is named or the shell asks for completions (help, suggestions for a mistyped
    command and completion need them all)."""
    if _completing(env):
        return None
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _GLOBAL_VALUES:
            skip = True
        elif not arg.startswith("-"):
            return arg if arg in COMMANDS else None
    return None
