"""The statuses a judged commitment can have: the one place that says which fail and which pass.

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
