"""Figures stated of a list at once: "A、B分别增长10%、7.9%" gives each figure its own item."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import msgspec

if TYPE_CHECKING:
    from reportcheck.registry.harvest.review import Figure

_LIST_SPLIT = re.compile(r"、|和|及|与|以及")


def respectively(folded: str, figures: list[Figure]) -> list[Figure]:
    """'A、B分别增长10%、7.9%': the figures of one 分别 each measure their own item of the list
    before it (a shared ending, 增加值, goes with each item: 战略性新兴产业增加值)."""
    out = list(figures)
    i = 0
    while i < len(out):
        first = out[i]
        before = folded[first.subject_start : first.start]
        at = before.rfind("分别")
        group = [i]
        while group[-1] + 1 < len(out):
            nxt = out[group[-1] + 1]
            between = folded[out[group[-1]].end : nxt.start]
            if nxt.sentence != first.sentence or not re.fullmatch(r"[、和及与,，]{1,2}", between):
                break
            group.append(group[-1] + 1)
        if at == -1 or len(group) < 2:
            i += 1
            continue
        subject = before[:at]
        items = [x for x in _LIST_SPLIT.split(_trim_lead(subject)) if x]
        last = out[group[-1]].end
        if len(items) == len(group):
            change = first.change  # 分别下降1.85%、1.03%: the verb is said once
            for item, index in zip(_shared(items), group, strict=True):
                out[index] = msgspec.structs.replace(
                    out[index], subject=item, source_end=last, change=out[index].change or change
                )
        else:  # 城乡居民收入分别增长3.6%、6%: no one figure is the whole's
            for index in group:
                out[index] = msgspec.structs.replace(out[index], spans=True, source_end=last)
        i = group[-1] + 1
    return out


def _trim_lead(subject: str) -> str:
    """The list of a 分别 without the clause before it."""
    cut = max(subject.rfind(","), subject.rfind("，"))
    return subject[cut + 1 :]


def _shared(items: list[str]) -> list[str]:
    """List items with what they share written out: an ending the last item carries
    (城镇、农村居民人均可支配收入: 城镇居民人均可支配收入; 战略性新兴产业、高新技术产业增加值:
    战略性新兴产业增加值) or a beginning the first carries (全域旅游人次和收入: 全域旅游收入)."""
    first, last = items[0], items[-1]
    for size in range(min(len(first), 4), 1, -1):
        at = last.find(first[-size:])
        if at != -1 and at + size < len(last):
            tail = last[at + size :]
            return [x + tail for x in items[:-1]] + [last]
    if len(first) <= 3 < len(last):
        tail = last[len(first) :]
        return [x + tail for x in items[:-1]] + [last]
    if all(len(x) <= 4 for x in items[1:]) and len(first) > 4:
        head = first[:-2]
        return [first] + [head + x for x in items[1:]]
    return items
