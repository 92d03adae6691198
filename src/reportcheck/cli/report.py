"""`reportcheck report`: the review pack an office hands round."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from reportcheck.cli import inputs
from reportcheck.cli.emit import print_problems
from reportcheck.cli.guard import guarded
from reportcheck.cli.options import (
    ActualsOption,
    EncodingOption,
    ForceOption,
    LangOption,
    LeaderOption,
    LeadOption,
    PeriodOption,
    State,
    TargetsOption,
    UnitsOption,
)
from reportcheck.cli.outputs import keep_existing, safe_target, unwritable


@guarded("written")
def report(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the pack to FILE.docx (the 通报 in Word), FILE.xlsx (its 附件), "
            "FILE.html, FILE.md or FILE.csv (UTF-8 with BOM).",
            dir_okay=False,
        ),
    ],
    actuals: ActualsOption = None,
    period: PeriodOption = None,
    bands: Annotated[
        str | None,
        typer.Option(
            "--bands",
            metavar="A[,B]",
            help="Lights: up to A points behind pace yellow, up to B orange, beyond red "
            "[default: the registry's bands, else 10,30].",
            show_default=False,
        ),
    ] = None,
    final: Annotated[
        bool, typer.Option("--final", help="Add the year-end account before December.")
    ] = False,
    force: ForceOption = False,
    lead: LeadOption = None,
    leader: LeaderOption = None,
    encoding: EncodingOption = None,
    units_file: UnitsOption = None,
    targets_file: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """The review pack an office hands round: count paragraph, attachment table with lights,
    completion rates and expected pace, charts, and the year-end account (对照表).

    An existing file is never overwritten without --force; with it, the 推进情况 typed into an
    earlier Excel or CSV pack of the same period is kept, and a Word 通报 edited since it was
    written is not replaced. Exit 0 when the pack is written, 2 on bad input; `status` gives
    the exit code for lags.

    \b
    Example: reportcheck report --actuals examples/monthly -o review.xlsx
    """
    from reportcheck.cli.choices import usage
    from reportcheck.output.catalogue.hints import hint
    from reportcheck.output.pack.write import check_not_actuals, check_output, write_pack
    from reportcheck.review.api import review_pack

    check_output(output)
    path = inputs.actuals_path(actuals)
    if path is None:
        raise usage("no-actuals", variant="report")
    check_not_actuals(output, path)
    registry_path = inputs.registry_path(targets_file)
    given = [path, *(p for p in (registry_path, units_file) if p is not None)]
    safe_target(output, given)
    keep_existing(output, force)
    suffix = output.suffix.lower()
    earlier = output.exists() and suffix in (".xlsx", ".csv")
    if output.exists() and suffix == ".docx":
        from reportcheck.output.pack.typed import check_unedited

        check_unedited(output)
    pack = review_pack(
        path,
        period,
        targets=registry_path,
        bands=bands,
        final=final,
        encoding=encoding,
        history=suffix in (".html", ".htm"),  # only the page draws charts
        units=units_file,
        lead=lead or (),
        leader=leader or (),
    )
    safe_target(output, pack.registry.files)  # the report texts its quotes were read from
    print_problems(pack.warnings)
    if earlier:
        from reportcheck.output.pack.typed import keep_typed

        pack, kept = keep_typed(pack, output)
        if kept:
            typer.echo(hint("kept-typed", State.lang, rows=kept, file=output), err=True)
    try:
        write_pack(pack, output, State.lang)
    except OSError as exc:
        raise unwritable(output, exc) from None
    typer.echo(hint("wrote-pack", State.lang, file=output, rows=len(pack.rows)), err=True)
