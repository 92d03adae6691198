"""`reportcheck template`: a fill-in file of actuals for a month, never over typed work."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reportcheck.cli import inputs
from reportcheck.cli.emit import write_out
from reportcheck.cli.guard import guarded
from reportcheck.cli.options import LangOption, State, TargetsOption, complete_periods
from reportcheck.cli.outputs import safe_target, unwritable
from reportcheck.model.periods import PERIOD_EXAMPLES

if TYPE_CHECKING:
    from reportcheck.model.periods import Period
    from reportcheck.registry.records import Registry

SHORT_HELP = "A fill-in file of actuals for a month."


@guarded("written")
def template(
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="PERIOD",
            help=f"Pre-fill this period ({PERIOD_EXAMPLES}) [default: the one the -o file's "
            "name states, such as actuals/2023-08.xlsx].",
            autocompletion=complete_periods,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this .csv (UTF-8 with BOM) or .xlsx file; missing folders are made.",
            dir_okay=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite a file that already holds typed values.")
    ] = False,
    targets_file: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """A fill-in file for the month: one row per registry id, read back as is by diff.

    Without --period, the period the file name states (actuals/2023-08.xlsx) is filled in.
    A file that already holds typed values is never overwritten without --force.

    \b
    Example: reportcheck template --period 2023-06 -o actuals/2023-06.xlsx
    """
    from reportcheck.cli.choices import period_option, usage
    from reportcheck.output.template import filled_values, template_csv, write_template

    registry = inputs.registry(targets_file)
    chosen = period_option(registry, period)
    if output is None:
        write_out(template_csv(registry, chosen))
        return
    shown = str(output)
    if output.suffix.lower() not in (".csv", ".xlsx"):
        raise usage("bad-output", variant="template", value=shown, column="--output", file=shown)
    safe_target(output, [registry.path])
    if output.exists() and not force:
        typed = filled_values(output)
        if typed is None:
            raise usage(
                "file-has-values", variant="unknown", value=shown, column="--output", file=shown
            )
        if typed:
            raise usage(
                "file-has-values",
                variant="one" if typed == 1 else "",
                value=shown,
                column="--output",
                file=shown,
                count=typed,
            )
    if chosen is None:
        chosen = _period_in_name(output, registry)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_template(registry, chosen, output)
    except OSError as exc:
        raise unwritable(output, exc) from None
    from reportcheck.output.catalogue.hints import hint

    typer.echo(hint("wrote", State.lang, rows=len(registry.targets), file=output), err=True)


def _period_in_name(output: Path, registry: Registry) -> Period | None:
    """The period the file's name states, said on stderr; refused when outside the year."""
    from reportcheck.actuals.cells import period_in_name
    from reportcheck.cli.choices import usage
    from reportcheck.output.catalogue.hints import hint

    named = period_in_name(output.stem)
    if named is None:
        return None
    if named.year != registry.meta.year:
        raise usage(
            "period-out-of-year",
            variant="file-name",
            value=str(output),
            column="--output",
            file=str(output),
            period=str(named),
            year=registry.meta.year,
        )
    typer.echo(hint("period-from-name", State.lang, period=named), err=True)
    return named
