"""The statuses a judged commitment can have, the lights they show and the account's verdicts:
the one place that says which fail and which pass.

A status is final (kept or not kept for good) only when the result says so (`Result.final`):
`met` and `missed` are final; `on_track`, `behind` and `not_due` are in-year readings;
`undetermined` is a published bound that cannot settle the rule; `no_data` has no figure to
judge, or none for the period that settles the commitment.
"""

from __future__ import annotations

from enum import Enum


class Status(str, Enum):
    MET = "met"
    MISSED = "missed"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_DUE = "not_due"
    UNDETERMINED = "undetermined"
    NO_DATA = "no_data"


#: Lagging: behind pace in the year, or missed for good.
FAILING = frozenset({Status.BEHIND, Status.MISSED})
#: On pace in the year, or met for good.
PASSING = frozenset({Status.ON_TRACK, Status.MET})
#: What makes a run exit 1 unless --fail-on says otherwise.
DEFAULT_FAIL_ON = FAILING


class Light(str, Enum):
    """A row's light: the status as colour, always printed with its word."""

    GREEN = "green"  # on pace (or met)
    YELLOW = "yellow"  # behind by no more than the first band
    ORANGE = "orange"  # behind by more than the first band, up to the second
    RED = "red"  # behind by more than the last band (or missed)
    GREY = "grey"  # no figure, not due yet, or a bound that settles nothing


class Verdict(str, Enum):
    """The year-end account (对照表): every commitment met, missed or not reported."""

    MET = "met"
    MISSED = "missed"
    NOT_REPORTED = "not_reported"
