"""Ranks as a review states them: 居全省第1, 保持全国第4位, 排名全省第一, 均居全省第1.

A rank is a figure of its own kind: its value is the place, its unit 位, and it carries the
field it is ranked in (全省, 全国, 副省级城市), which must be the promise's: 居全省第3 never states
进入全国前25位. What is ranked is said before the verb (金融业综合实力居全国第5), or by the figure
before it (实际利用外资35.1亿美元、保持全省第1); 均 ranks each item of the list before it
(A a亿元、B b亿元、C c亿元，均居全省第1; 新设总量、增幅均居全省第1).
"""

from __future__ import annotations

import re
from decimal import Decimal

import msgspec

from reportcheck.registry.prose.textnums import Number, chinese_integer

_VERBS = "位居|稳居|跃居|升至|居于|居|位列|名列|排名|保持"
#: The verb of a rank and the field it is ranked in, up to 第 (the verb nearest the place:
#: 排名居全国第4 is ranked 居全国; 居民收入…居全国第1 is not 民收入…).
_RANK_BEFORE = re.compile(
    rf"(?P<shared>均)?(?P<verb>{_VERBS})(?P<scope>(?:(?!{_VERBS})[^,，、;。!?\n第\d]){{0,14}})第$"
)
#: What may follow the place: 位 or 名, then the end of the clause (not 第一档, 第3批).
_RANK_AFTER = re.compile(r"(?:位|名)?(?=[,，、;。!?\n)]|$)")
#: A place written in Chinese numerals after a rank's verb (排名全省第一).
_CHINESE_PLACE = re.compile(r"(?<=第)[一二三四五六七八九十]{1,3}")
#: Words of the field that say nothing of it: 均全省, 跃居到第65位, 排名均全省第一.
_SCOPE_FILLER = re.compile(r"^(?:均|都|到|至|为|了)+|(?:均|都)$")
_PROMISE_VERBS = "保持|位居|稳居|进入|跻身|居|位列"
#: The words a promise ranks with, up to its place: 保持全省第1, 排名进入全国前25位.
PROMISE_RANK = re.compile(
    rf"(?:排名|排位|位次)?(?:{_PROMISE_VERBS})"
    rf"(?P<scope>(?:(?!{_PROMISE_VERBS})[^,，、;。!?\n第前\d]){{0,14}})(?:第|前)(?=[\d一二三四五六七八九十]|$)"
)


class Rank(msgspec.Struct, frozen=True, kw_only=True):
    """A rank's words around its place: where its verb starts, the field, where it ends, and
    whether 均 shares it among the items before."""

    verb_start: int
    scope: str
    end: int
    shared: bool


def places(folded: str, start: int, end: int) -> list[Number]:
    """The places of ranks written in Chinese numerals (第一, 第十二), which are not numbers of
    the text elsewhere (第一批, 第三届 stay out: they follow no rank's verb)."""
    found = []
    for match in _CHINESE_PLACE.finditer(folded, start, end):
        value = chinese_integer(match.group())
        if value is None or rank_at(folded, match.start(), match.end(), start) is None:
            continue
        found.append(
            Number(
                start=match.start(), end=match.end(), value=Decimal(value), written=match.group()
            )
        )
    return found


def rank_at(folded: str, start: int, end: int, low: int) -> Rank | None:
    """The rank whose place stands at folded[start:end], its words read back to `low`."""
    before = _RANK_BEFORE.search(folded[max(low, start - 20) : start])
    after = _RANK_AFTER.match(folded, end)
    if before is None or after is None:
        return None
    offset = max(low, start - 20)
    return Rank(
        verb_start=offset + before.start("verb") - (1 if before.group("shared") else 0),
        scope=field(before.group("scope")),
        end=after.end(),
        shared=bool(before.group("shared")) or before.group("scope").startswith("均"),
    )


def field(scope: str) -> str:
    """The field of a rank, written one way (均全省 and 全省 alike)."""
    return _SCOPE_FILLER.sub("", scope.strip())


def promise_field(quote: str) -> str | None:
    """The field a rank promise names (保持全省第1: 全省), or None when it names no rank."""
    match = PROMISE_RANK.search(quote)
    return field(match.group("scope")) if match else None
