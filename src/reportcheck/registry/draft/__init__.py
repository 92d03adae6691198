"""Draft a first registry from a work report's text: rules over the text, for a person to review.

`draft_registry(text, seed=…)` returns the YAML of a registry in which every guess a reader should
check carries a `# check:` comment. Nothing is fetched and nothing is learned: a clause splitter,
a number reader (Arabic and Chinese numerals) and a small table of wordings.
"""

from __future__ import annotations

from reportcheck.registry.draft.writer import DraftResult, draft_registry
from reportcheck.registry.texts import read_report

__all__ = ["DraftResult", "draft_registry", "read_report"]
