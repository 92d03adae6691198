"""Evidence checks of a registry against its report (reportcheck lint).

Each key (a problem's code, or code/variant) has a Chinese and an English template; the
placeholders are the problem's parameters.
"""

from __future__ import annotations

TEMPLATES: dict[str, tuple[str, str]] = {}
