"""The statuses a judged commitment can have, and which of them fail a run by default."""

from __future__ import annotations

from enum import Enum


class Status(str, Enum):
    MET = "met"
    MISSED = "missed"
    ON_TRACK = "on_track"
    BEHIND = "behind"
    NOT_DUE = "not_due"
    NO_DATA = "no_data"


DEFAULT_FAIL_ON = frozenset({Status.MISSED, Status.BEHIND})
