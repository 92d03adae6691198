"""Named deliverables: a completion verb and what it completes (开工建设X, 争创…示范区, 出台…政策).

Each is a yes/no commitment due at the end of the plan's year. A verb shared by a list gives one
deliverable per item, quoted from the verb through that item (开工建设A、B -> "开工建设A" and
"开工建设A、B"); a list before its verb (A、B全面开工) is quoted from the item through the verb.
Vague intentions (加快推进, 深化, 一批 …) name no verb here or are refused by `_VAGUE`.

Works on folded text (see textnums.fold); every position is a position in the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import msgspec

#: Quotation marks and brackets: a list is never cut, nor a clause ended, inside them.
OPEN_QUOTES, CLOSE_QUOTES = "“‘「『《(", "”’」』》)"

#: Titles won or created: 争创国家…示范区, 创建“东亚文化之都”, 争创“十七连冠”.
_TITLE = r"(示范区|示范市|示范县|先行区|试验区|城市|之都|县|大学|连冠|鼎|奖|试点|”工程)$"
#: Policies and plans issued: 出台…政策, 编制…纲要, 制定…指数.
_POLICY = r"(政策|措施|办法|规划|计划|方案|纲要|条例|意见|指数|标准|清单|细则)$"
#: Pieces of work that end: 完成…规划 / 设计 / 整治.
_WORK = r"(规划|设计|整治|改造|工程|评估|调查|普查|修编|验收|搬迁)$"

#: (verb, what its object must end with; None when any named object will do). Longest first.
FORMS: tuple[tuple[str, str | None], ...] = (
    (r"开工建设|启动建设|建成投产|全线贯通|基本建成|基本完成|建成|举办|承办", None),
    (r"完成(?:并实施)?", _WORK),
    (r"争创|创建|争取|冲刺|夺取", _TITLE),
    (r"建设", r"示范城市$"),
    (r"出台|制定(?:实施)?|编制(?:实施)?", _POLICY),
    (r"建立(?!健全)", r"(体系|机制)$"),
    (r"开展", r"(试点|评估|调查|研究|系列活动)$"),
    (r"推动", r"创建工作$"),
)
_VERB = re.compile("|".join(f"(?:{verb})" for verb, _ in FORMS))
_OBJECT_END = [
    (re.compile(f"(?:{verb})"), re.compile(ends) if ends else None) for verb, ends in FORMS
]
#: A list before its verb: 万华智能、君晟电器全面开工; 森泰股份、强邦新材上市.
_AFTER = re.compile(
    r"(?:力争|确保|推动|推进|实现|争取)?(?!加快|加速|促进|抓好|持续|全力)"
    r"(?P<items>[^,。;、\d]{2,20}?(?:、[^,。;、\d]{2,20}?)*)"
    r"(?P<verb>(?:全面|尽快|如期|年内)?(?:竣工投产|建成投产|开工|投产|落地|上市|完成报会))"
)
_TRAILING = re.compile(r"等(?:一批)?(?:重大|重点)?(?:项目|工程|工作)?$|创建工作$")
#: Not a named thing: a count left open, or a slogan (全面建成小康社会, 建立长效机制).
_VAGUE = re.compile(r"一批|一系列|若干|多个|各项|各类|有关|小康|强国|现代化(?:国家|强)|长效")
#: What ends a thing named before 和 (南浔站和湖州东站…, 总体设计和品质提升规划).
_THING = re.compile(r"(站|厂|馆|院|园|港|桥|路|线|库|工程|项目|后续|设计|规划|纲要|计划|方案)$")
#: Words that name no one project: 项目开工, 企业上市.
_GENERIC = re.compile(r"(?:重大|重点|产业|在建|续建)?(?:项目|企业|工程|公司)|运营|投用|启用")
#: An item that ends in a count is a figure's subject, not a name: 开工建设170个.
_COUNT = re.compile(r"\d[^\d”’」』》]{0,3}$")
_MAX_ITEM = 30
#: The longest list a verb is read over (six items of _MAX_ITEM); longer is prose, not names.
_MAX_OBJECT = 6 * (_MAX_ITEM + 1)


class Deliverable(msgspec.Struct, frozen=True):
    start: int  # of the quote in the report text
    end: int
    name: str  # the verb and the item: 开工建设屹丰汽车


def deliverables(text: str, start: int, end: int) -> list[Deliverable]:
    """The named deliverables of the clause text[start:end]."""
    while start < end and text[start].isspace():
        start += 1
    after = _AFTER.fullmatch(text, start, end) if end - start <= _MAX_OBJECT else None
    if after is not None:
        return _before_verb(text, after)
    for match in _VERB.finditer(text, start, end):
        if end - match.end() > _MAX_OBJECT:
            continue
        found = _after_verb(text, match, end)
        if found:
            return found
    return []


def _after_verb(text: str, match: re.Match[str], end: int) -> list[Deliverable]:
    verb = match.group()
    ends = next(e for pattern, e in _OBJECT_END if pattern.fullmatch(verb))
    obj_end = end
    trailing = _TRAILING.search(text, match.end(), end)
    if trailing is not None:
        obj_end = trailing.start()
    items = _items(text, match.end(), obj_end)
    whole = text[match.end() : end]
    if not items or _VAGUE.search(whole):
        return []
    named = text[match.end() : end if verb == "推动" else obj_end].rstrip(CLOSE_QUOTES)
    if ends is not None and not ends.search(named):
        return []
    shown = "创建" if verb == "推动" else verb
    found = []
    for a, b in items:
        name = text[a:b].strip('“”‘’"')
        if len(name) < 2 or b - a > _MAX_ITEM or _unnamed(text, a, b):
            return []
        found.append(Deliverable(match.start(), b, f"{shown}{text[a:b]}"))
    return found


def _before_verb(text: str, match: re.Match[str]) -> list[Deliverable]:
    verb = match.group("verb")
    found = []
    for a, b in _items(text, match.start("items"), match.end("items")):
        if _unnamed(text, a, b):
            return []
        found.append(Deliverable(a, match.end(), f"{text[a:b]}{verb}"))
    return found


def _unnamed(text: str, start: int, end: int) -> bool:
    """Whether an item names no one thing: vague, generic, or a count."""
    return bool(
        _VAGUE.search(text, start, end)
        or _GENERIC.fullmatch(text, start, end)
        or _COUNT.search(text, start, end)
    )


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the items of a list at 、 outside quotation marks; the last split at 和 when
    the list has several items or the part before 和 names a thing."""
    cuts = [start] + [i + 1 for i in unquoted(text, start, end) if text[i] == "、"]
    cuts.append(end + 1)
    spans = [(cuts[k], cuts[k + 1] - 1) for k in range(len(cuts) - 1)]
    last_start, last_end = spans[-1]
    joined = _and_at(text, last_start, last_end)
    if joined is not None and (len(spans) > 1 or _THING.search(text, last_start, joined)):
        spans[-1:] = [(last_start, joined), (joined + 1, last_end)]
    return [(a, b) for a, b in spans if b > a]


def _and_at(text: str, start: int, end: int) -> int | None:
    return next(
        (
            i
            for i in unquoted(text, start, end)
            if text[i] == "和" and i - start >= 2 and end - i > 2
        ),
        None,
    )


def unquoted(text: str, start: int, end: int) -> Iterator[int]:
    """The positions in text[start:end] outside quotation marks and brackets, marks excluded."""
    depth = 0
    for i in range(start, end):
        if text[i] in OPEN_QUOTES:
            depth += 1
        elif text[i] in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif depth == 0:
            yield i
