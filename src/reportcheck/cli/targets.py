"""`reportcheck targets`: every commitment of the registry with the report's own words."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import msgspec

from reportcheck.cli import inputs
from reportcheck.cli.emit import emit
from reportcheck.cli.guard import guarded
from reportcheck.cli.options import (
    BomOption,
    Format,
    FormatOption,
    IdOption,
    LangOption,
    LeaderOption,
    LeadOption,
    SectionOption,
    State,
    TargetsOption,
    UnitsOption,
)

if TYPE_CHECKING:
    from rich.console import RenderableType

    from reportcheck.registry.records import Target


@guarded("listed")
def targets(
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
    section: SectionOption = None,
    ids: IdOption = None,
    lead: LeadOption = None,
    leader: LeaderOption = None,
    units_file: UnitsOption = None,
    targets_file: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """List every commitment in the registry with the report's own words.

    \b
    Example: reportcheck targets --section 二 --format json
    """
    from reportcheck.cli.choices import check_ids, check_sections
    from reportcheck.registry.records import section_matches
    from reportcheck.review.responsible import responsible

    registry = inputs.registry(targets_file, units_file)
    wanted_ids = check_ids(registry, ids or [])
    sections = check_sections(registry, section or [])
    chosen_by = responsible(registry, lead or [], leader or [])
    chosen = [
        t
        for t in registry.targets
        if (not wanted_ids or t.id in wanted_ids)
        and (not sections or any(section_matches(t.section, s) for s in sections))
        and chosen_by.keeps(t)
    ]
    emit(TargetsView(chosen, State.lang), fmt, bom=bom)


class TargetsView(msgspec.Struct, frozen=True):
    targets: Sequence[Target]
    lang: str

    def json(self) -> dict[str, Any]:
        from reportcheck.output.serialize import target_dict

        return {"targets": [target_dict(t, self.lang) for t in self.targets]}

    def csv(self) -> str:
        from reportcheck.output.serialize import targets_csv

        return targets_csv(self.targets, self.lang)

    def markdown(self) -> str:
        from reportcheck.output.markdown import targets_markdown

        return targets_markdown(self.targets, self.lang)

    def table(self) -> RenderableType:
        from reportcheck.output.render import targets_table

        return targets_table(self.targets, self.lang)
