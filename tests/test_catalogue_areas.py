"""The catalogue's areas: one owner per key, and no English read back for what they say."""

from __future__ import annotations

from reportcheck.output.catalogue import (
    actuals,
    doubts,
    draft,
    files,
    lint,
    offices,
    registry,
    usage,
)

AREAS = {
    "files": files.TEMPLATES,
    "actuals": actuals.TEMPLATES,
    "usage": usage.TEMPLATES,
    "registry": registry.TEMPLATES,
    "lint": lint.TEMPLATES,
    "draft": draft.TEMPLATES,
    "doubts": doubts.TEMPLATES,
    "offices": offices.TEMPLATES,
}


def test_no_key_is_worded_by_two_areas() -> None:
    seen: dict[str, str] = {}
    for area, templates in AREAS.items():
        for key in templates:
            assert key not in seen, f"{key} is in {seen.get(key)} and {area}"
            seen[key] = area


def test_nothing_is_read_back_from_english() -> None:
    import importlib.util

    # The patterns that read English messages back into Chinese are gone: every key has its
    # template in one area's module.
    assert importlib.util.find_spec("reportcheck.output.catalogue.legacy") is None
