"""`reportcheck diff`: a file of actuals against every commitment, exit status as diff(1)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import msgspec
import typer

from reportcheck.cli import inputs
from reportcheck.cli.emit import emit
from reportcheck.cli.guard import guarded
from reportcheck.cli.options import (
    DEFAULT_FAIL_ON_TEXT,
    AllOption,
    BomOption,
    EncodingOption,
    FailOnOption,
    Format,
    FormatOption,
    IdOption,
    LangOption,
    LeaderOption,
    LeadOption,
    PeriodOption,
    SectionOption,
    State,
    StatusOption,
    TargetsOption,
    UnitsOption,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from reportcheck.review.evaluate import Report


@guarded("judged")
def diff(
    actuals: Annotated[
        Path | None,
        typer.Argument(
            metavar="[FILE]",
            help="CSV (UTF-8 or GBK) or .xlsx file of actuals, a folder of them, or - for "
            "standard input [default: $REPORTCHECK_ACTUALS, else ./actuals/].",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
    section: SectionOption = None,
    status: StatusOption = None,
    ids: IdOption = None,
    period: PeriodOption = None,
    fail_on: FailOnOption = DEFAULT_FAIL_ON_TEXT,
    show_all: AllOption = False,
    lead: LeadOption = None,
    leader: LeaderOption = None,
    encoding: EncodingOption = None,
    units_file: UnitsOption = None,
    targets_file: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """Compare a file of actuals with every commitment: met, missed, on track, behind, no data.

    Without FILE, reads $REPORTCHECK_ACTUALS, else ./actuals/; '-' reads standard input.
    Exit 0 when nothing fails, 1 when something does (see --fail-on), 2 on bad input.

    \b
    Example: reportcheck diff actuals/2023-06.xlsx --fail-on missed
    """
    from reportcheck.cli.choices import (
        check_ids,
        check_sections,
        check_statuses,
        fail_on_option,
        filter_words,
        period_option,
        usage,
    )
    from reportcheck.review.evaluate import evaluate
    from reportcheck.review.responsible import responsible

    registry = inputs.registry(targets_file, units_file, encoding)
    wanted_ids = check_ids(registry, ids or [])
    chosen_by = responsible(registry, lead or [], leader or [])
    sections = check_sections(registry, section or [])
    statuses = check_statuses(status or [])
    as_of = period_option(registry, period)
    failing = fail_on_option(fail_on)
    path = inputs.actuals_path(actuals)
    if path is None:
        raise usage("no-actuals", variant="option")
    data = inputs.read(path, registry, encoding)
    data.check_period(as_of)
    report = inputs.with_doubts(evaluate(registry, data, as_of), registry, data)
    report = report.select(wanted_ids, sections, statuses)
    if chosen_by:
        kept = tuple(r for r in report.results if chosen_by.keeps(r.target))
        report = msgspec.structs.replace(report, results=kept)
    filters = [*filter_words(ids or [], section or [], status or []), *chosen_by.words()]
    code = failing.exit_code(report.results, report.warnings)
    view = ReportView(
        report=report,
        lang=State.lang,
        filters=filters,
        show_all=show_all,
    )
    emit(view, fmt, bom=bom, ok=code == 0)
    raise typer.Exit(code)


class ReportView(msgspec.Struct, frozen=True, kw_only=True):
    """One period's results, as diff prints them."""

    report: Report
    lang: str  # names, labels and warnings
    filters: Sequence[str] = ()
    show_all: bool = False

    def json(self) -> dict[str, Any]:
        from reportcheck.output.serialize import report_dict

        return report_dict(self.report, self.lang)

    def csv(self) -> str:
        from reportcheck.output.serialize import report_csv

        return report_csv(self.report, self.lang)

    def markdown(self) -> str:
        from reportcheck.output.markdown import report_markdown

        return report_markdown(self.report, self.lang, self.filters, self.show_all)

    def table(self) -> RenderableType:
        from reportcheck.output.render import report_table

        return report_table(self.report, self.lang, self.filters, self.show_all)
