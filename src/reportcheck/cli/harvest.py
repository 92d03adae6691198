"""`reportcheck harvest`: last year's outcomes from the review part of this year's report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reportcheck.cli import inputs
from reportcheck.cli.emit import print_problems
from reportcheck.cli.guard import guarded
from reportcheck.cli.options import ForceOption, LangOption, State, TargetsOption
from reportcheck.cli.outputs import keep_existing, safe_target, unwritable


@guarded("written")
def harvest(
    review: Annotated[
        Path,
        typer.Argument(
            metavar="REVIEW",
            help="Year N+1's report (or its review part): UTF-8 or GB18030 text.",
        ),
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the outcomes to this .csv (UTF-8 with BOM) [default: standard output].",
            dir_okay=False,
        ),
    ] = None,
    force: ForceOption = False,
    targets_file: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """Read the review (一、2023年工作回顾) of year N+1's report and write, for each commitment
    of the registry (year N's) whose outcome it states, a row that diff and report read as is:
    the figure in the entry's unit, 是 for a deliverable done, the review's words as its source,
    预计 where it is an estimate, a bound as published (>2700).

    A figure of another indicator is never taken: what the review states too loosely to be sure
    of is listed on standard error for a person to check. An existing file is never overwritten
    without --force.

    \b
    Example: reportcheck harvest report-2024.txt --targets huzhou-2023 -o outcomes.csv
    """
    from reportcheck.model.files import write_text_file
    from reportcheck.model.problems import UsageError
    from reportcheck.output.catalogue.hints import hint
    from reportcheck.output.outcomes import outcomes_csv
    from reportcheck.registry.harvest import harvest as harvest_review
    from reportcheck.registry.harvest import promises_of
    from reportcheck.registry.texts import read_report

    registry = inputs.registry(targets_file)
    if output is not None:
        if output.suffix.lower() != ".csv":
            from reportcheck.cli.choices import usage

            shown = str(output)
            raise usage("bad-output", variant="harvest", value=shown, column="--output", file=shown)
        safe_target(output, [review, *registry.files])
        keep_existing(output, force)
    text = read_report(review)
    found = harvest_review(
        text,
        promises_of(registry),
        year=registry.meta.year,
        units=registry.units,
        file=str(review),
    )
    if found.errors:
        raise UsageError(found.problems)
    print_problems(found.problems)
    written = outcomes_csv(found.outcomes)
    if output is None:
        typer.echo(written, nl=False)
    else:
        try:
            write_text_file(output, written, "utf-8-sig")
        except OSError as exc:
            raise unwritable(output, exc) from None
    unsure = sum(1 for p in found.problems if p.code == "harvest-unsure")
    counts = {"found": len(found.outcomes), "total": len(registry.targets), "unsure": unsure}
    typer.echo(hint("harvested", State.lang, file=review, **counts), err=True)
