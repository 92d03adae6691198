"""Errors at the edge: every command's mistakes become lines on stderr and exit status 2.

A user's mistake (bad input, an unknown id) is one line per problem, then one closing line that
says how many and that nothing was done; with `--format json` standard output gets a document
with `ok: false` and the same problems. A bug is one line too, or its traceback with --debug.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import typer

from reportcheck.cli.emit import error_document, print_closing, print_problems
from reportcheck.cli.lang import resolve_lang
from reportcheck.cli.options import Format, Lang, State

USAGE_EXIT = 2
F = TypeVar("F", bound=Callable[..., Any])


def guarded(outcome: str) -> Callable[[F], F]:
    """A command whose errors are said, not raised; `outcome` is what its input errors stop
    (judged, written, listed, checked), for the closing line."""

    def decorate(func: F) -> F:
        @functools.wraps(func)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            # Here, not at the top: the program's help imports this module, and needs no record.
            from reportcheck.model.problems import OutputError, ReportcheckError

            given = kwargs.get("lang")
            chosen = given.value if isinstance(given, Lang) else State.lang_given
            State.lang = resolve_lang(chosen)
            try:
                try:
                    return func(*args, **kwargs)
                finally:
                    sys.stdout.flush()  # so that a full disk is this command's error, said plainly
            except (typer.Exit, typer.Abort, KeyboardInterrupt):
                raise
            except ReportcheckError as exc:
                said = not isinstance(exc, OutputError)  # standard output is gone
                if said and kwargs.get("fmt") is Format.json:
                    error_document(exc.problems)
                print_problems(exc.problems)
                if said:
                    print_closing(exc.problems, outcome)
                raise typer.Exit(USAGE_EXIT) from None
            except Exception as exc:
                if State.debug:
                    import traceback

                    traceback.print_exc()
                else:
                    from reportcheck.output.catalogue.hints import hint

                    error = f"{type(exc).__name__}: {exc}"
                    typer.echo(hint("internal-error", State.lang, error=error), err=True)
                raise typer.Exit(USAGE_EXIT) from None

        return wrapper  # type: ignore[return-value]

    return decorate
