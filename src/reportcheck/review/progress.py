"""How far along a commitment is, as Chinese reviews say it: 完成率, 序时进度 and whether it is due.

Everything here is derived from a judged Result (its actual, required, expected and period) and
the target's kind and release frequency, in one place, so a richer rule model can supply the same
figures later without touching the renderers.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.numbers import format_decimal
from reportcheck.output.words import label
from reportcheck.registry.records import Pacing, Released
from reportcheck.review.status import Status
from reportcheck.rules import Direction

if TYPE_CHECKING:
    from reportcheck.model.periods import Period
    from reportcheck.review.evaluate import Result

#: Completion rates and paces are published to one decimal place (45.2%, 落后4.8个百分点).
_PLACE = Decimal("0.1")
_HUNDRED = Decimal(100)


class Progress(msgspec.Struct, frozen=True):
    """完成率 (percent of the annual target done), 序时进度 (percent of the year elapsed) and
    how many percentage points the first is ahead of the second (negative: behind pace)."""

    completion: Decimal | None = None
    pace: Decimal | None = None
    ahead: Decimal | None = None


NO_PROGRESS = Progress()


def _round(value: Decimal) -> Decimal:
    rounded = value.quantize(_PLACE, rounding=ROUND_HALF_UP)
    return rounded if rounded else Decimal(0)  # never "-0.0"


def progress(result: Result) -> Progress:
    """完成率 for cumulative and level targets; points ahead of 序时进度 where pacing applies.

    The rule model computes both exactly (Result.completion, Result.pace_points); here they are
    rounded to one place as reviews print them, and the points ahead are the difference of the
    two printed figures, so that they add up (41.1% against 50.0% is 落后8.9, as the review pack
    says, where rounding 8.95 alone would print 9.0). Growth rates, shares, caps and yes/no
    outcomes get neither.
    """
    if result.completion is None:
        return NO_PROGRESS
    completion = _round(result.completion)
    if result.pace_points is None:
        return Progress(completion)
    pace = _round(result.completion - result.pace_points)
    ahead = completion - pace
    return Progress(completion, pace, ahead if ahead else Decimal(0))


def not_yet_due(result: Result, as_of: Period | None) -> bool:
    """A result without data that nobody could have yet: a figure judged only at its due date
    (yes/no, yearly) before that date, or a quarterly figure before the first quarter is out."""
    if result.status is not Status.NO_DATA:
        return False
    if result.code == "not-due-no-figure":
        return True
    if as_of is None or as_of.is_full_year:
        return False
    target = result.target
    if result.code == "left-empty" and target.pacing is Pacing.AT_DUE and as_of < target.due:
        return True  # the template's row for it, left empty before it is due
    return result.target.released is Released.QUARTERLY and as_of.month < 3


def pace_words(value: Progress, lang: str, short: bool = False) -> str:
    """'超序时进度2.5个百分点' / '落后序时进度4.8个百分点' / '与序时进度持平', or ''.

    `short` leaves out 序时进度 for a column whose header says it: '落后4.8个百分点'.
    """
    ahead = value.ahead
    if ahead is None:
        return ""
    points = format(abs(ahead), "f")
    if lang == "en":
        if not ahead:
            return "level" if short else "on pace"
        return f"{points} pp {'ahead' if ahead > 0 else 'behind'}{'' if short else ' pace'}"
    pace = "" if short else "序时进度"
    if not ahead:
        return "持平" if short else "与序时进度持平"
    return f"{'超' if ahead > 0 else '落后'}{pace}{points}个百分点"


def excess_words(result: Result, lang: str) -> str:
    """'超额 0.6' for a figure beyond its target in the good direction ('优于 1' under a cap);
    '' otherwise. Shown beside the status, which stays met or on track."""
    if result.excess is None or result.status not in (Status.MET, Status.ON_TRACK):
        return ""
    rule = result.target.rule
    key = (
        "better_short"
        if rule is not None and rule.direction is Direction.DOWN
        else "exceeded_short"
    )
    return label(key, lang, n=format_decimal(result.excess))


def sign_words(result: Result, lang: str) -> str:
    """'按降幅 16' when a cut entered as -16 was read as a fall of 16; '' otherwise."""
    if result.judged is None or not {"sign-converted", "sign-from-change"} & set(result.notes):
        return ""
    return label("as_fall_short", lang, n=format_decimal(result.judged))


def judged_periods(results: Iterable[Result]) -> list[Period]:
    """The periods of the figures judged, oldest first."""
    return sorted({r.period for r in results if r.status is not Status.NO_DATA and r.period})


def mixed_periods(results: Iterable[Result], as_of: Period | None) -> bool:
    """Whether some judged figure comes from another period than the one the run is as of."""
    return any(p != as_of for p in judged_periods(results))


def percent(value: Decimal | None) -> str:
    """A completion rate as reviews print it, to one decimal place: '55.0%'; '' for none."""
    return "" if value is None else f"{value:f}%"


def no_data_line(results: Sequence[Result], as_of: Period | None, lang: str) -> str:
    """One line for a section's results without data, saying how many are not due yet."""
    due = sum(1 for r in results if not_yet_due(r, as_of))
    return label(
        "no_data_line",
        lang,
        count=len(results),
        due=label("not_due", lang, count=due) if due else "",
    )
