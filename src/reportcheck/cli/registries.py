"""`reportcheck registries`: the registries shipped with reportcheck, by the names --targets
takes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import msgspec

from reportcheck.cli.emit import emit
from reportcheck.cli.guard import guarded
from reportcheck.cli.options import BomOption, Format, FormatOption, LangOption, State

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import RenderableType

    from reportcheck.output.registries import Listed


@guarded("listed")
def registries(
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
    lang: LangOption = None,
) -> None:
    """List the registries shipped with reportcheck: the name --targets takes, the report each
    holds and how many commitments. Commands use the default one when --targets is not given.

    \b
    Example: reportcheck registries && reportcheck --targets huzhou-2024 targets
    """
    from reportcheck.output.registries import Listed
    from reportcheck.registry.cache import load_registry_cached
    from reportcheck.registry.shipped import DEFAULT, shipped_registries

    rows = []
    for name, path in shipped_registries().items():
        registry = load_registry_cached(path)
        commitments = len(registry.commitments)
        rows.append(
            Listed(
                name=name,
                default=name == DEFAULT,
                year=registry.meta.year,
                title_zh=registry.meta.title_zh,
                title_en=registry.meta.title_en,
                commitments=commitments,
                references=len(registry.targets) - commitments,
                path=str(path),
            )
        )
    emit(RegistriesView(rows, State.lang), fmt, bom=bom)


class RegistriesView(msgspec.Struct, frozen=True):
    rows: Sequence[Listed]
    lang: str

    def json(self) -> dict[str, Any]:
        from reportcheck.output.registries import registries_json

        return registries_json(self.rows)

    def csv(self) -> str:
        from reportcheck.output.registries import registries_csv

        return registries_csv(self.rows)

    def markdown(self) -> str:
        from reportcheck.output.registries import registries_markdown

        return registries_markdown(self.rows, self.lang)

    def table(self) -> RenderableType:
        from reportcheck.output.registries import registries_table

        return registries_table(self.rows, self.lang)
