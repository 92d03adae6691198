"""Drafting a registry from a report's text.

Each key (a problem's code, or code/variant) has a Chinese and an English template; the
placeholders are the problem's parameters.
"""

from __future__ import annotations

TEMPLATES: dict[str, tuple[str, str]] = {
    "draft-no-year": (
        "无法判断计划是哪一年的:请用 --year 指明",
        "cannot tell which year the plan is for: pass --year",
    ),
}
