"""Printing what a command found: its result in the format asked for, and its problems.

Every command that prints a result hands `emit` a view: one object that can be said in each
format. Each format's writer is imported only when that format is asked for, so a table loads
neither the JSON nor the Markdown writer. Every JSON document carries `ok`: true exactly when
the command exits 0. The catalogue of messages is loaded only when there is one to say.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

import typer

from reportcheck.cli.options import Format, State

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import RenderableType

    from reportcheck.model.problems import Problem


class View(Protocol):
    """A command's result, ready to be said in each format."""

    def json(self) -> dict[str, Any]: ...

    def csv(self) -> str: ...

    def markdown(self) -> str: ...

    def table(self) -> RenderableType: ...


def emit(view: View, fmt: Format, *, bom: bool = False, ok: bool = True) -> None:
    """Print `view` on standard output in `fmt`; `ok` goes into a JSON document."""
    if fmt is Format.json:
        from reportcheck.output.serialize import to_json

        write_out(to_json({"ok": ok, **view.json()}))
    elif fmt is Format.csv:
        write_out(("\ufeff" if bom else "") + view.csv())
    elif fmt is Format.markdown:
        write_out(view.markdown())
    else:
        out(view.table())


def write_out(text: str) -> None:
    """Data on standard output as its format gives it. Not through click's echo, which drops
    the escape sequences of one kind (CSI) when standard output is no terminal and keeps every
    other: a file written through a pipe gets the data whole, and a terminal's stream shows
    every control character as a visible escape (reportcheck.output.safe_text)."""
    import sys

    sys.stdout.write(text)
    sys.stdout.flush()


def error_document(problems: Sequence[Problem]) -> None:
    """The JSON document of a run that judged nothing: `ok` false, its errors and warnings."""
    from reportcheck.output.serialize import problem_dict, to_json

    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity != "error"]
    listed = errors[: State.max_errors]
    document = {
        "ok": False,
        "errors": [problem_dict(p, State.lang) for p in listed],
        "errors_omitted": len(errors) - len(listed),
        "warnings": [problem_dict(p, State.lang) for p in warnings[: State.max_errors]],
        "warnings_omitted": max(0, len(warnings) - State.max_errors),
    }
    write_out(to_json(document))


def print_problems(problems: Sequence[Problem]) -> None:
    """Each problem on one line of standard error, up to --max-errors, errors before warnings
    (a thousand warnings must not hide the one error that stops the run); then how many more."""
    if not problems:
        return
    from reportcheck.output.catalogue import problem_line
    from reportcheck.output.catalogue.hints import hint

    cap = State.max_errors
    if len(problems) > cap:
        problems = sorted(problems, key=lambda p: p.severity != "error")
    for problem in problems[:cap]:
        typer.echo(problem_line(problem, State.lang), err=True)
    if len(problems) > cap:
        more = len(problems) - cap
        typer.echo(hint("more-problems", State.lang, more=more, listed=cap), err=True)


def print_closing(problems: Sequence[Problem], outcome: str) -> None:
    """The one line after input errors: how many, in how many files, and that nothing was done."""
    from reportcheck.actuals.raw import file_of
    from reportcheck.output.catalogue.hints import closing_line

    errors = [p for p in problems if p.severity == "error"]
    files = {file_of(p.file) for p in errors if p.file}
    typer.echo(closing_line(len(errors), len(files), outcome, State.lang), err=True)


def out(renderable: RenderableType) -> None:
    """A table or other renderable on standard output (drawn by the output layer)."""
    from reportcheck.output.terminal import print_renderable

    print_renderable(renderable)
