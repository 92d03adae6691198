"""The columns a file of actuals may have, under their English names or an office's Chinese ones."""

from __future__ import annotations

from reportcheck.model.numbers import normalise_text

REQUIRED_COLUMNS = ("id", "period", "value")
#: Read onto each figure: where it comes from, and what an office prints beside it (the reason
#: for a lag, the rank in the province, the level beside a growth rate).
OPTIONAL_COLUMNS = ("unit", "source", "note", "reason", "rank", "level", "level_unit")
#: Columns a template adds for the person filling it in; read and ignored.
INFO_COLUMNS = ("name_zh", "name_en", "target", "lead")
KNOWN_COLUMNS = REQUIRED_COLUMNS + OPTIONAL_COLUMNS + INFO_COLUMNS

#: Headers as offices write them, by the column they are. 推进情况, 存在问题 and 下一步 are all
#: `reason`: a file may hold several of them, and the reason joins what they say.
ALIASES = {
    "推进情况": "reason",
    "存在问题": "reason",
    "下一步": "reason",
    "原因": "reason",
    "全省排位": "rank",
    "排位": "rank",
    "排名": "rank",
    "总量": "level",
    "总量单位": "level_unit",
    "责任单位": "lead",
}


def header_key(raw: str) -> str:
    """A header cell as the reader compares it: full-width folded, trimmed, lower case."""
    return normalise_text(raw).lower()


def column_of(raw: str) -> str | None:
    """The column a header cell names (its English name, or the one its alias stands for)."""
    key = header_key(raw)
    if key in KNOWN_COLUMNS:
        return key
    return ALIASES.get(key)
