"""`reportcheck draft`: a first registry from a work report's text, for a person to review."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from reportcheck.cli.emit import write_out
from reportcheck.cli.guard import guarded
from reportcheck.cli.options import ForceOption, LangOption, State
from reportcheck.cli.outputs import keep_existing, safe_target, unwritable


@guarded("written")
def draft(
    report: Annotated[
        Path, typer.Argument(metavar="REPORT", help="The report: UTF-8 or GB18030 text.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the registry here.", dir_okay=False
        ),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="The year the plan is for, if not in the text.")
    ] = None,
    force: ForceOption = False,
    lang: LangOption = None,
) -> None:
    """Draft a registry for a person to review: every guess is marked `# check:`.

    An existing registry is never overwritten without --force: its checked entries would be lost.

    \b
    Example: reportcheck draft report.txt -o registry.yaml && reportcheck lint registry.yaml
    """
    from reportcheck.model.files import write_text_file
    from reportcheck.output.catalogue.hints import hint
    from reportcheck.registry.draft import draft_registry, read_report
    from reportcheck.registry.schema import FIRST_YEAR, LAST_YEAR

    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        # A draft for the year 0 would be a registry that no command loads.
        from reportcheck.cli.choices import usage

        raise usage("bad-year", value=str(year), first=FIRST_YEAR, last=LAST_YEAR)
    if output is not None:
        safe_target(output, [report])
        keep_existing(output, force)
    text = read_report(report)
    base = output.resolve().parent if output else Path.cwd()
    try:
        seed = Path(os.path.relpath(report.resolve(), base)).as_posix()
    except ValueError:  # Windows: the report and the registry on different drives
        seed = report.resolve().as_posix()
    result = draft_registry(text, seed=seed, year=year, name=report.name)
    if output is None:
        write_out(result.yaml)
    else:
        try:
            write_text_file(output, result.yaml)
        except OSError as exc:
            raise unwritable(output, exc) from None
    counts = {
        "commitments": result.commitments,
        "others": result.not_commitments,
        "checks": result.checks,
    }
    typer.echo(hint("drafted", State.lang, **counts), err=True)
    if output is None:  # a redirect's folder is unknown here: the seed path may need -o
        typer.echo(hint("drafted-seed", State.lang, seed=seed), err=True)
