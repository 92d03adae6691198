"""Choosing commitments by who answers for them: --lead (a responsible unit) and --leader.

A commitment with several units (市发改委、市统计局) is chosen by a filter for either. A unit or a
leader no commitment has is a usage error that lists those that do: a filter never passes on
an empty selection because of a typo.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.numbers import normalise_text as normal
from reportcheck.model.problems import UsageError, problem

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportcheck.registry.records import Registry, Target
    from reportcheck.review.changes import Review
    from reportcheck.review.evaluate import Result


class Responsible(msgspec.Struct, frozen=True):
    """--lead and --leader as checked: a commitment is kept when any of its units is one of
    `leads` (and any of its leaders one of `leaders`), each list empty when not given."""

    leads: frozenset[str] = frozenset()
    leaders: frozenset[str] = frozenset()

    def __bool__(self) -> bool:
        return bool(self.leads or self.leaders)

    def keeps(self, target: Target) -> bool:
        return (not self.leads or not self.leads.isdisjoint(target.leads)) and (
            not self.leaders or not self.leaders.isdisjoint(target.leaders)
        )

    def keeps_result(self, result: Result) -> bool:
        return self.keeps(result.target)

    def review(self, judged: Review) -> Review:
        """The review of the chosen commitments alone: their results and their changes."""
        kept = tuple(r for r in judged.report.results if self.keeps(r.target))
        ids = {r.target.id for r in kept}
        return msgspec.structs.replace(
            judged,
            report=msgspec.structs.replace(judged.report, results=kept),
            changes=tuple(c for c in judged.changes if c.id in ids),
        )

    def words(self) -> tuple[str, ...]:
        """The filters as typed on the command line, for a heading that says so."""
        return tuple(
            [f"--lead {u}" for u in sorted(self.leads)]
            + [f"--leader {n}" for n in sorted(self.leaders)]
        )


def responsible(
    registry: Registry, leads: Sequence[str] = (), leaders: Sequence[str] = ()
) -> Responsible:
    """--lead and --leader folded as typed in Chinese (as the units sheet's cells are); a
    usage error for a unit or a leader that no commitment has, listing those that do."""
    if not leads and not leaders:
        return Responsible()
    units = sorted({u for t in registry.commitments for u in t.leads})
    names = sorted({n for t in registry.commitments for n in t.leaders})
    problems = [
        problem(
            "unknown-lead",
            "" if units else "none",
            column="--lead",
            value=raw,
            units="、".join(units),
        )
        for raw in leads
        if normal(raw) not in units
    ]
    problems += [
        problem(
            "unknown-leader",
            "" if names else "none",
            column="--leader",
            value=raw,
            leaders="、".join(names),
        )
        for raw in leaders
        if normal(raw) not in names
    ]
    if problems:
        raise UsageError(problems)
    return Responsible(frozenset(map(normal, leads)), frozenset(map(normal, leaders)))
