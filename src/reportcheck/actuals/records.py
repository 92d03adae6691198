"""The figures read from files of actuals, as typed records."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.problems import ActualsError, Problem, problem

if TYPE_CHECKING:
    from reportcheck.model.periods import Period

Value = Decimal | bool


class Actual(msgspec.Struct, frozen=True, kw_only=True):
    """One figure: `value` in the target's own unit (None: the row has no value yet).

    Beside it, what the row says for the review: `reason` (推进情况 / 存在问题 / 下一步),
    `rank` (全省排位) and `level` (总量 beside a growth rate, in `level_unit`).
    """

    id: str
    period: Period | None
    value: Value | None
    file: str
    line: int
    source: str = ""
    note: str = ""
    reason: str = ""
    #: A figure published as a bound: ">=" (90以上), ">" (超过90), "<=" or "<"; None: exact.
    bound: str | None = None
    rank: int | None = None
    level: Decimal | None = None
    level_unit: str = ""

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


class ActualsSet(msgspec.Struct, frozen=True):
    actuals: tuple[Actual, ...]
    warnings: tuple[Problem, ...] = ()
    files: tuple[str, ...] = ()

    def periods(self) -> list[Period]:
        """Distinct periods that carry at least one value, oldest first."""
        found = {a.period for a in self.actuals if a.period is not None and a.value is not None}
        return sorted(found)

    def reasons(self) -> dict[tuple[str, Period], str]:
        """(id, period) -> the reason its row gives, for rows that give one (the first row of an
        id and period, as the reader keeps it)."""
        found: dict[tuple[str, Period], str] = {}
        for a in self.actuals:
            if a.reason and a.period is not None:
                found.setdefault((a.id, a.period), a.reason)
        return found

    def check_period(self, as_of: Period | None) -> None:
        """Refuse a period before every figure: judging as of it would judge nothing."""
        periods = self.periods()
        if as_of is not None and periods and as_of < periods[0]:
            raise ActualsError(
                [
                    problem(
                        "no-figures",
                        "before-period",
                        value=str(as_of),
                        period=str(as_of),
                        earliest=str(periods[0]),
                    )
                ]
            )
