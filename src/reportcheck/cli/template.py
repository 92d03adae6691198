"""`reportcheck template`: a fill-in file of actuals for a month, never over typed work."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from reportcheck.cli import inputs
from reportcheck.cli.emit import write_out
from reportcheck.cli.guard import guarded
from reportcheck.cli.options import (
    LangOption,
    State,
    TargetsOption,
    UnitsOption,
    complete_periods,
)
from reportcheck.cli.outputs import safe_target, unwritable
from reportcheck.model.period_forms import PERIOD_EXAMPLES

if TYPE_CHECKING:
    from reportcheck.model.periods import Period
    from reportcheck.model.problems import Problem
    from reportcheck.registry.records import Registry


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
            help="Write to this .csv (UTF-8 with BOM) or .xlsx file (with --by-unit, this "
            "folder); missing folders are made.",
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite a file that already holds typed values.")
    ] = False,
    by_unit: Annotated[
        bool,
        typer.Option(
            "--by-unit",
            help="Write one workbook per responsible unit (责任单位) into the folder -o names, "
            "each holding only that unit's commitments, named after the unit.",
        ),
    ] = False,
    units_file: UnitsOption = None,
    targets_file: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """A fill-in file for the month: one row per registry id, read back as is by diff.

    Without --period, the period the file name states (actuals/2023-08.xlsx) is filled in.
    A file that already holds typed values is never overwritten without --force. With
    --by-unit, one workbook per responsible unit (a commitment of two units goes to both).

    \b
    Example: reportcheck template --period 2023-06 -o actuals/2023-06.xlsx
    """
    from reportcheck.cli.choices import period_option, usage
    from reportcheck.output.template import template_csv, write_template

    registry = inputs.registry(targets_file, units_file)
    chosen = period_option(registry, period)
    if by_unit:
        _by_unit(registry, chosen, output, force, units_file)
        return
    if output is None:
        write_out(template_csv(registry, chosen))
        return
    shown = str(output)
    if output.suffix.lower() not in (".csv", ".xlsx"):
        raise usage("bad-output", variant="template", value=shown, column="--output", file=shown)
    safe_target(output, [*registry.files, *([units_file] if units_file else [])])
    if not force:
        _keep_typed(output)
    if chosen is None:
        chosen = _period_in_name(output, registry)
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_template(registry, chosen, output)
    except OSError as exc:
        raise unwritable(output, exc) from None
    from reportcheck.output.catalogue.hints import hint

    typer.echo(hint("wrote", State.lang, rows=len(registry.targets), file=output), err=True)


def _keep_typed(*outputs: Path) -> None:
    """Refuse to replace any sheet that holds typed values (or is no template at all),
    naming each."""
    from reportcheck.cli.choices import usage
    from reportcheck.model.problems import UsageError
    from reportcheck.output.template import filled_values

    problems: list[Problem] = []
    for output in outputs:
        if not output.exists():
            continue
        shown = str(output)
        typed = filled_values(output)
        if typed is None:
            refused = usage(
                "file-has-values", variant="unknown", value=shown, column="--output", file=shown
            )
            problems.extend(refused.problems)
        elif typed:
            refused = usage(
                "file-has-values",
                variant="one" if typed == 1 else "",
                value=shown,
                column="--output",
                file=shown,
                count=typed,
            )
            problems.extend(refused.problems)
    if problems:
        raise UsageError(problems)


def _by_unit(
    registry: Registry,
    period: Period | None,
    folder: Path | None,
    force: bool,
    units_file: Path | None,
) -> None:
    """One workbook per responsible unit in `folder`, named after the unit (and the period,
    so that a year of returned sheets can share one folder of actuals); the commitments that
    name no unit in one more, so that none is left out."""
    from reportcheck.cli.choices import usage
    from reportcheck.output.catalogue.hints import hint
    from reportcheck.output.template import by_unit, file_name, write_template
    from reportcheck.output.words import say

    shown = str(folder)
    if folder is None or folder.is_file() or folder.suffix.lower() in (".xlsx", ".csv", ".xls"):
        raise usage("by-unit", variant="folder", value=shown, column="--output", file=shown)
    groups = by_unit(registry)
    if not any(groups):
        raise usage("by-unit", variant="none", column="--units")
    if period is None:
        period = _period_in_name(folder, registry)
    prefix = f"{period} " if period is not None else ""
    names: dict[str, Path] = {}
    for unit in groups:
        stem = file_name(unit or say("no_unit_file", State.lang))
        path = folder / f"{prefix}{stem}.xlsx"
        count = 2
        while path in names.values():  # two units whose names differ only in forbidden marks
            path = folder / f"{prefix}{stem} ({count}).xlsx"
            count += 1
        names[unit] = path
    inputs_read = [*registry.files, *([units_file] if units_file else [])]
    for path in names.values():
        safe_target(path, inputs_read)
    if not force:
        _keep_typed(*names.values())
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for unit, path in names.items():
            write_template(registry, period, path, groups[unit], title=unit or "actuals")
    except OSError as exc:
        raise unwritable(folder, exc) from None
    named = len([u for u in groups if u])
    rows = sum(len(targets) for targets in groups.values())
    typer.echo(hint("wrote-units", State.lang, units=named, folder=folder, rows=rows), err=True)
    if "" in groups:
        said = hint("wrote-unassigned", State.lang, count=len(groups[""]), file=names[""])
        typer.echo(said, err=True)


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
