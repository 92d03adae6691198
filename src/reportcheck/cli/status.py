"""`reportcheck status`: where every commitment stands, and what changed since the last period."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import msgspec
import typer

from reportcheck.cli import inputs
from reportcheck.cli.emit import emit
from reportcheck.cli.guard import guarded
from reportcheck.cli.options import (
    DEFAULT_FAIL_ON_TEXT,
    ActualsOption,
    AllOption,
    BomOption,
    EncodingOption,
    FailOnOption,
    Format,
    FormatOption,
    LangOption,
    LeaderOption,
    LeadOption,
    PeriodOption,
    State,
    TargetsOption,
    UnitsOption,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from reportcheck.review.changes import Overview, Review


@guarded("judged")
def status(
    actuals: ActualsOption = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
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
    """Where every commitment stands: counts per section, what lags most, what changed.

    Without actuals, an overview of the registry. With a folder of monthly files, the latest
    period is judged and compared with the one before it.

    \b
    Example: reportcheck status --actuals actuals/ --format markdown > review.md
    """
    from reportcheck.cli.choices import fail_on_option, period_option, suggested_period

    words = State.lang
    from reportcheck.review.responsible import responsible

    registry = inputs.registry(targets_file, units_file, encoding)
    chosen_by = responsible(registry, lead or [], leader or [])
    as_of = period_option(registry, period)
    failing = fail_on_option(fail_on)
    path = inputs.actuals_path(actuals)
    if path is None:
        from reportcheck.output.catalogue.hints import hint
        from reportcheck.review.changes import overview

        month = suggested_period(registry, as_of)
        advice = hint("no-actuals", State.lang, period=month, file=f"actuals/{month}.xlsx")
        emit(OverviewView(overview(registry), words, advice), fmt, bom=bom)
        if fmt in (Format.json, Format.csv):
            typer.echo(advice, err=True)
        return
    from reportcheck.review.changes import review

    data = inputs.read(path, registry, encoding)
    data.check_period(as_of)
    result = review(registry, data, as_of)
    result = msgspec.structs.replace(
        result, report=inputs.with_doubts(result.report, registry, data)
    )
    if chosen_by:
        result = chosen_by.review(result)
    code = failing.exit_code(result.report.results, result.report.warnings)
    view = ReviewView(review=result, lang=words, show_all=show_all, filters=chosen_by.words())
    emit(view, fmt, bom=bom, ok=code == 0)
    raise typer.Exit(code)


class OverviewView(msgspec.Struct, frozen=True):
    """The registry at a glance, before any figure: what there is to judge."""

    overview: Overview
    lang: str
    advice: str  # how to start: the template of this month

    def json(self) -> dict[str, Any]:
        from reportcheck.output.serialize import overview_dict

        return overview_dict(self.overview)

    def csv(self) -> str:
        from reportcheck.output.serialize import overview_csv

        return overview_csv(self.overview, self.lang)

    def markdown(self) -> str:
        from reportcheck.output.markdown import overview_markdown

        return overview_markdown(self.overview, self.lang, self.advice)

    def table(self) -> RenderableType:
        from reportcheck.output.render import overview_view

        return overview_view(self.overview, self.lang, self.advice)


class ReviewView(msgspec.Struct, frozen=True, kw_only=True):
    """The latest period judged, with what lags most and what changed since the one before."""

    review: Review
    lang: str  # names, labels and warnings
    show_all: bool = False
    filters: Sequence[str] = ()

    def json(self) -> dict[str, Any]:
        from reportcheck.output.serialize import review_dict

        return review_dict(self.review, self.lang)

    def csv(self) -> str:
        from reportcheck.output.serialize import review_csv

        return review_csv(self.review, self.lang)

    def markdown(self) -> str:
        from reportcheck.output.markdown import review_markdown

        return review_markdown(self.review, self.lang, self.show_all, self.filters)

    def table(self) -> RenderableType:
        from reportcheck.output.render import review_view

        return review_view(self.review, self.lang, self.show_all, self.filters)
