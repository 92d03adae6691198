"""`reportcheck show ID`: everything about one commitment, and its figures so far."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Annotated, Any

import msgspec
import typer

from reportcheck.cli import inputs
from reportcheck.cli.emit import emit
from reportcheck.cli.guard import guarded
from reportcheck.cli.options import (
    ActualsOption,
    BomOption,
    EncodingOption,
    Format,
    FormatOption,
    LangOption,
    State,
    TargetsOption,
    UnitsOption,
    complete_ids,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from reportcheck.registry.records import Target
    from reportcheck.review.evaluate import Result


@guarded("judged")
def show(
    target_id: Annotated[
        str, typer.Argument(metavar="ID", help="A registry id.", autocompletion=complete_ids)
    ],
    actuals: ActualsOption = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
    encoding: EncodingOption = None,
    units_file: UnitsOption = None,
    targets_file: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """Everything about one commitment: quote, rule, baseline, pacing, and its figures so far.

    \b
    Example: reportcheck show graduates --actuals actuals/
    """
    from reportcheck.cli.choices import check_ids

    words = State.lang
    registry = inputs.registry(targets_file, units_file, encoding)
    (wanted,) = check_ids(registry, [target_id])
    target = registry.get(wanted)
    assert target is not None
    results: list[Result] = []
    path = inputs.actuals_path(actuals)
    if path is not None:
        from reportcheck.review.evaluate import judge_each_period

        results = judge_each_period(target, inputs.read(path, registry, encoding), registry)
    other = registry.get(target.other) if target.other else None
    emit(
        ShowView(
            target=target, results=results, lang=words, other=other.name(words) if other else None
        ),
        fmt,
        bom=bom,
    )


class ShowView(msgspec.Struct, frozen=True, kw_only=True):
    """One commitment and its results at every period with a figure."""

    target: Target
    results: Sequence[Result]
    lang: str
    other: str | None = None  # the name of the quantity it is compared with, if any

    def json(self) -> dict[str, Any]:
        from reportcheck.output.serialize import show_dict

        return show_dict(self.target, self.results, self.lang)

    def csv(self) -> str:
        from reportcheck.output.serialize import results_csv

        return results_csv(self.results, self.lang)

    def markdown(self) -> str:
        from reportcheck.output.markdown import show_markdown

        return show_markdown(self.target, self.results, self.lang)

    def table(self) -> RenderableType:
        from reportcheck.output.render import show_view

        return show_view(self.target, self.results, self.lang, self.other)
