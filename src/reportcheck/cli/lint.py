"""`reportcheck lint`: every evidence check of a registry against its report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reportcheck.cli.guard import USAGE_EXIT, guarded
from reportcheck.cli.options import LangOption, State


@guarded("checked")
def lint(
    registry_file: Annotated[
        Path,
        typer.Argument(
            metavar="REGISTRY",
            help="The registry YAML file, or the name of a shipped one (huzhou-2024).",
        ),
    ],
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    lang: LangOption = None,
) -> None:
    """Quotes verbatim, numbers agreeing, every number of the plan used or explained.

    Exit status 0 when clean, 2 on any error (and on any warning with --strict). Up to
    --max-errors findings are listed, errors first when there are more; the rest are counted.

    \b
    Example: reportcheck lint registry.yaml --strict
    """
    from reportcheck.output.catalogue import problem_line
    from reportcheck.output.catalogue.hints import hint
    from reportcheck.registry.lint import lint_registry
    from reportcheck.registry.shipped import registry_named

    found = lint_registry(registry_named(registry_file))
    problems = found.problems
    cap = State.max_errors
    if len(problems) > cap:  # as every command lists them: the errors that fail it first
        problems = tuple(sorted(problems, key=lambda p: p.severity != "error"))
    for problem in problems[:cap]:  # the findings are the command's output: standard output
        typer.echo(problem_line(problem, State.lang))
    if len(problems) > cap:
        typer.echo(
            hint("more-problems", State.lang, more=len(problems) - cap, listed=cap), err=True
        )
    counts = {"entries": found.entries, "errors": found.errors, "warnings": found.warnings}
    typer.echo(hint("linted", State.lang, **counts), err=True)
    if found.failed(strict):
        raise typer.Exit(USAGE_EXIT)
