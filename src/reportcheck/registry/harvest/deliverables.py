"""Whether the review says a named deliverable was delivered: the deliverable's name and a verb
that delivers it in one clause.

A promise to start (开工建设) is delivered by a start or anything after it (加快建设, 建成); one
to finish (建成, 通车, 投用) only by a finish; one to hold an event (举办) by its holding; a title
sought (争创, 创建, 升级建设) only when it was won (创成, 获批, 成为, 入选, 升级为); a task (完成,
制定) by its doing, works (…道路改造) also by their finish, a state kept (保持Ⅲ类及以上) by its
share at 100%. Progress (推进, 进展顺利) delivers nothing. "否" is written only where the review
plainly says it was not done (未能建成).

The name must be the promise's: all of it, but for a place or an ordinal before it (安吉两库引水:
两库引水工程; 第三届良渚论坛: 良渚论坛) and words that name no particular thing (相关赛事, 工程,
主体结构); a long run of it at least (促消费系列活动 of 2023“活力新湖州”主题促消费系列活动).
A review may also give its short name (简称: 全球数贸会 for 全球数字贸易博览会), list it with
other things held with it (“两山”理念、“千万工程”等…系列活动), list it under a head the list
says once (轨道交通4号线延伸段、6号线一期…投运 for 轨道交通6号线一期), say the city it names as
市 alone (市第十二届运动会), or say that the whole line a section belongs to is finished
(杭衢高铁建成投用 for 杭衢铁路建德段). A place a review leaves out of the name is read past only
when no other place stands in its stead (花都经开区升级… states nothing of 番禺).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import msgspec

from reportcheck.registry.harvest.similar import Alignment, abbreviates, align, normal
from reportcheck.registry.prose.textnums import fold

if TYPE_CHECKING:
    from reportcheck.registry.harvest.promises import Promise
    from reportcheck.registry.harvest.review import Review

_FINISH = (
    "全线贯通|建成投产|建成投用|建成投运|建成通车|建成开放|建成运营|基本建成|全面建成|建成|"
    "竣工投产|竣工|主体完工|完工|投产|投用|投运|通车|开通运营|开通|贯通|结顶|封顶|通水|落成|"
    "开园|开馆"
)
_START = "开工建设|开工|动工|启动建设|开建"
_HOLD = "成功举办|举办|办好|承办|召开|举行"
_TITLE = "创成|获批|获评|成为|升级为|升格为|入选|荣获|列入|纳入|通过验收|命名|授予|批复"
_TASK = "全面完成|完成|制定|编制|出台|颁布|印发|开展"
#: Setting up a body or a place (设立市内免税店, a university's 建校): done once it is set up or
#: opens.
_FOUND = "建立|设立|成立|组建|建校"
#: A status sought by an upgrade (升级建设国家级经济技术开发区, 升格为本科职业大学), not works
#: that upgrade something (改造升级新华路体育中心).
_UPGRADE = r"升级建设|升级为|升格为|升级(?=国家级|省级)"
#: The kinds of promise by their verbs, each with the review's verbs that deliver it.
KINDS: tuple[tuple[str, str, str], ...] = (
    ("start", _START, _START + "|加快建设|" + _FINISH),
    ("finish", _FINISH, _FINISH),
    ("hold", _HOLD + "|精心组织", _HOLD + "|开展"),
    ("found", _FOUND, _FOUND + "|挂牌|揭牌|开业|建成|落地|运行"),
    ("title", r"争创|创建|争取|申报|创成|成功创建|争列|获批|" + _UPGRADE, _TITLE),
    ("task", _TASK + "|做好|实施|实现", _TASK + "|实现|" + _HOLD),
)
#: A state kept (水质保持Ⅲ类及以上) said as its share: kept everywhere when that is 100%.
_ALL_KEPT = r"(?:保持|达到|实现|为)?100%"
#: The end of a task that is works on something built: finished when what is built is.
_WORKS = re.compile(r"(?:改造|改建|建设|工程)$")
#: A streak (十七连冠, 五连冠): won when the review says it was achieved (实现).
_STREAK = re.compile(r"连冠|连优|连增|连胜|连好")
_NOT_DONE = re.compile(r"未能|尚未|没有|未|推迟|延期|暂缓")
_PROGRESS = re.compile(r"加快推进|有序推进|稳步推进|推进|进展顺利|加快构建|加快实施|前期|谋划")
#: Words of a promise that say how, not what: left out of its name.
_HOW = re.compile(
    r"力争|确保|全力|加快|积极|全面|高质量|高标准|高水平|精心|扎实|持续|成功|基本|"
    r"年内|全年|今年|推动|推进|争取|一批|辐射全球的|正式"
)
#: Words of a name that name no particular thing: a review may leave them out.
_GENERIC = re.compile(r"等项目|等工程|相关|赛事|工程|项目|主体结构|系列|有关|工作|首批|试点|等")
#: What may stand before the part of a name a review gives: a place, a level, an ordinal.
_PREFIX = re.compile(r"^(?:第[一二三四五六七八九十\d]+届|20\d\d年?|[\u4e00-\u9fff]{1,2})$")
#: A run of the name this long, found whole, names it even when the review leaves out the rest.
_LONG_RUN = 6


#: A promise's own verb, when it leads or ends its quote: 取消 of 全面取消瓶装燃气自提, 清零 of
#: “零就业”家庭动态清零 (done when the review says it was, or is kept: 保持动态清零).
_OWN_VERB = re.compile(r"取消|清零|关停|退出|搬迁|拆除|整治|修订|撤并")
_ALL_VERBS = "|".join(v for _, v, _ in KINDS)


class Delivered(msgspec.Struct, frozen=True, kw_only=True):
    """The review's statement that a deliverable was (or plainly was not) delivered."""

    done: bool
    start: int
    end: int
    estimate: bool
    alignment: Alignment


def kind_of(promise: Promise) -> str | None:
    """The promise's kind, from the first verb of a kind its quote uses; a title only when no
    other verb says what is sought (争取开通运营佛莞城际 is a line to open)."""
    quote = fold(promise.quote)
    found = [(m.start(), kind) for kind, verbs, _ in KINDS for m in [re.search(verbs, quote)] if m]
    others = [f for f in found if f[1] != "title"]
    # a task without a verb of its own (长江经济带警示片披露问题整改销号): done when completed
    return min(others or found)[1] if found else "task"


def name_of(promise: Promise) -> str:
    """The deliverable's name: the item of its quote's list its name names (the name itself
    where it holds that item and more: 生态文明典范城市建设三年行动计划 for 三年行动计划 of
    …纲要和三年行动计划), without verbs."""
    verbs = "|".join(v for _, v, _ in KINDS)
    quote = re.sub(verbs, "、", fold(promise.quote))
    items = [normal(x) for x in re.split(r"、|和|及", _HOW.sub("", quote)) if len(x) >= 2]
    name = normal(_HOW.sub("", re.sub(verbs, "", fold(promise.name))))
    if not items:
        return name
    best = max(items, key=lambda x: (_in_name(x, name), len(x)))
    best = re.sub(r"等(?:项目|工程)?$", "", best)
    if len(name) > len(best) and _in_name(best, name) == 1:
        return name
    return best if len(best) >= 3 else name


def _in_name(item: str, name: str) -> float:
    """The share of an item's pairs of characters the name holds."""
    pairs = [item[i : i + 2] for i in range(len(item) - 1)]
    return sum(p in name for p in pairs) / len(pairs) if pairs else 0.0


def delivered(promise: Promise, review: Review) -> Delivered | None:
    """The clause of the review that delivers the promise, or None."""
    kind = kind_of(promise)
    key = name_of(promise)
    if kind is None or len(key) < 3:
        return None
    verbs = next(d for k, _, d in KINDS if k == kind)
    if _STREAK.search(key):
        verbs += "|实现"
    if kind == "task" and _WORKS.search(key):
        verbs += "|" + _FINISH  # 完成…骨干道路改造: done when the roads are finished (建成)
    quote = _HOW.sub("", fold(promise.quote))
    # leading its quote (取消瓶装燃气自提) or ending it (“零就业”家庭动态清零)
    own = _OWN_VERB.match(quote) or _OWN_VERB.search(quote, len(quote) - 2)
    if kind == "task" and own and not re.fullmatch(_ALL_VERBS, own.group()):
        verbs += "|" + re.escape(own.group())  # 全面取消瓶装燃气自提: done when 取消
    if kind == "task" and "保持" in quote:
        verbs += "|" + _ALL_KEPT  # 水质保持Ⅲ类及以上: kept where its share is 100%
    folded = review.folded
    section = _SECTION.match(key) if kind == "finish" else None
    line = section.group("line") if section else None
    best: tuple[tuple[float, bool, int], Delivered] | None = None
    names = (_GENERIC.sub("", key) or key, key[2:], *((line,) if line else ()))
    for at in review.clauses_sharing(names):
        clause = review.clauses[at]
        text = folded[clause[0] : clause[1]]
        verb = re.search(verbs, text)
        if verb is None:
            continue
        if _PROGRESS.search(text) and not re.search(_FINISH + "|" + _START, text):
            continue
        named = normal(_HOW.sub("", re.sub(verbs, "", text)))
        tried = (
            align(_GENERIC.sub("", key) or key, named),
            align(key, named),
            _headless(key, named),
            _under_shared_head(key, named),
        )
        alignment = next((a for a in tried if a is not None and _names(a, text)), None)
        if alignment is None and line is not None:
            alignment = _whole_line(line, named)
        if alignment is None:
            continue
        start, end = _items(text, key, verb)
        found = Delivered(
            done=_NOT_DONE.search(text[max(0, verb.start() - 3) : verb.start()]) is None,
            start=clause[0] + start,
            end=clause[0] + end,
            estimate=bool(re.search(r"有望|预计", text)),
            alignment=alignment,
        )
        # the better named, then the promise's own verb (完成…规划 over 编制 another's plan)
        rank = (alignment.share, verb.group() in fold(promise.quote), -len(alignment.before))
        if best is None or rank > best[0]:
            best = (rank, found)
    return best[1] if best else None


def _items(clause: str, key: str, verb: re.Match[str]) -> tuple[int, int]:
    """The part of a clause that names the deliverable: of a list (A、B、C建成投产) the items
    from the one the name stands in to the verb, or from the verb to that item."""
    cuts = [0, *(m.end() for m in re.finditer("、|和|及", clause)), len(clause) + 1]
    spans = [(cuts[i], cuts[i + 1] - 1) for i in range(len(cuts) - 1)]
    named = [i for i, (a, b) in enumerate(spans) if _holds(clause[a:b], key)]
    if not named or len(spans) == 1:
        return 0, len(clause)
    if verb.start() >= spans[-1][0]:  # the verb after the list
        return spans[named[0]][0], len(clause)
    return 0, min(spans[named[-1]][1], len(clause))


def _holds(item: str, key: str) -> bool:
    """An item of a list holds part of the name: two characters of it, in order, that are not
    words of any name (碳达 does, 试点城市 does not)."""
    text = _GENERIC_NOUNS.sub("", normal(item))
    own = _GENERIC_NOUNS.sub("", key)
    return any(own[i : i + 2] in text for i in range(len(own) - 1))


#: A section or a phase of a line (杭衢铁路建德段, 地铁3号线二期): finished once the whole
#: line is.
_SECTION = re.compile(
    r"^(?P<line>[\u4e00-\u9fff\d]{2,}?(?:铁路|城际|高速公路|轨道交通|\d+号线))"
    r"(?:[\u4e00-\u9fff]{1,6}段|[一二三四五六]期)(?:工程)?$"
)
#: What says that a line's words name one part of it: 建德段, 二期, 东延段.
_PART = re.compile(r"^[\u4e00-\u9fff\d]{0,6}?(?:段|期|线)")


#: The other items of a list the name's item opens, up to its 等 (“两山”理念、“千万工程”、
#: 文化建设“八项工程”等提出…系列活动): they name other things held with it, not another thing.
_OTHER_ITEMS = re.compile(r"(?:、[^、,]{2,12})+等")


def _whole_line(line: str, named: str) -> Alignment | None:
    """The clause names the whole line a section belongs to (杭衢高铁建成投用 for 杭衢铁路建德段),
    not another part of it (杭衢铁路衢州段)."""
    alignment = align(line, named)
    if alignment.missing or alignment.inserted or _PART.match(alignment.after):
        return None
    before = re.split(r"[、,和及与]", alignment.before)[-1]
    return alignment if not before else None


def _under_shared_head(key: str, named: str) -> Alignment | None:
    """An item of a list that says its items' shared head once, before the first of them
    (轨道交通4号线延伸段、6号线一期、7号线和8号线一期): the key is that head and the item whole."""
    items = re.split("、|和|及", named)
    for at, item in enumerate(items):
        head = key[: len(key) - len(item)]
        if len(item) < 3 or len(head) < 2 or not key.endswith(item):
            continue
        if any(before.startswith(head) for before in items[:at]):
            end = named.find(item, len("、".join(items[:at])))
            return Alignment(
                key=key,
                matched=len(key),
                missing=(),
                inserted=(),
                before=named[:end],
                after=named[end + len(item) :],
            )
    return None


def _headless(key: str, named: str) -> Alignment | None:
    """The name aligned without its first two characters, as a review that leaves out a place
    or a level before it (地铁3号线东延段: 11号线及3号线东延段开通) is aligned."""
    if len(key) < 5:
        return None
    rest = align(key[2:], named)
    return msgspec.structs.replace(rest, key=key, missing=(key[:2], *rest.missing))


def _names(alignment: Alignment, clause: str) -> bool:
    """The clause names the deliverable (see the module's docstring)."""
    key = alignment.key
    inserted = [x for x in alignment.inserted if not _OTHER_ITEMS.fullmatch(x)]
    if sum(len(x) for x in inserted) > 4:
        return False
    if abbreviates(alignment):
        return True  # 四届全球数贸会 for 第四届全球数字贸易博览会
    missing = [m for m in alignment.missing if _GENERIC.sub("", m)]
    if any(_other_level(m, clause) for m in missing):
        return False  # 省级…创新城市 against a national pilot
    if not missing:
        return alignment.matched >= 3
    if len(missing) == 1 and _city_said_as_shi(missing[0], alignment):
        return alignment.matched >= 4
    runs = _matched_runs(alignment)
    distinct = len(_GENERIC_NOUNS.sub("", _GENERIC.sub("", key))) - sum(map(len, missing))
    if len(missing) > 1 or distinct < 2:
        return False
    gap = missing[0]
    if key.startswith(gap) and re.split(r"[、,，和及与]", alignment.before)[-1]:
        return False  # 花都经开区升级为… for 番禺…: another place stands where the key's stands
    if key.startswith(gap) and _PREFIX.match(gap):
        return alignment.matched >= 4
    if len(gap) <= 2 and alignment.matched >= 6 and alignment.share >= 0.75:
        return True  # 中石化舟山六横LNG: 中石化六横LNG接收站
    longest = max(runs, default=0)
    # the rest of a name, when nothing else stands in the place of what the review leaves out
    # (举办促消费系列活动; never 长江经济带警示片问题整改销号 for 中央…反馈问题整改销号)
    alone = len(_HOW.sub("", alignment.before)) <= 2
    return key.startswith(gap) and longest >= _LONG_RUN and distinct >= 3 and alone


#: A city's name with its 市 (武汉市), which the city's own report may say as 市 alone.
_CITY = re.compile(r"[\u4e00-\u9fff]{2,3}市")


def _city_said_as_shi(gap: str, alignment: Alignment) -> bool:
    """The city the key names, said by the review as 市 alone before the rest of the name
    (市第十二届运动会 for 第十二届武汉市运动会); never a name with another city's (黄石市…)."""
    if not _CITY.fullmatch(gap):
        return False
    return re.split(r"[、,，和及与]", _HOW.sub("", alignment.before))[-1] == "市"


#: Words naming a kind of thing, not a particular one: 高速公路, 机场, 试点城市.
_GENERIC_NOUNS = re.compile(
    r"高速公路|公路|铁路|高铁|城际|地铁|机场|博物馆|大桥|隧道|水厂|码头|航道|港区|试点城市|试点|"
    r"示范区|示范城市|城市|学校|医院|公园|中心|基地|创新|活动|行动|专项|改造|提升|建设"
)
_LEVELS = {"国家": "国", "全国": "国", "国家级": "国", "省": "省", "省级": "省", "市": "市"}
_LEVEL_WORDS = re.compile("国家级|国家|全国|省级|省|市级|县级")


def _other_level(gap: str, clause: str) -> bool:
    """A level the key names (省级) that the clause leaves out while naming another (国家)."""
    mine = {_LEVELS.get(w, w) for w in _LEVEL_WORDS.findall(gap)}
    if not mine:
        return False
    theirs = {_LEVELS.get(w, w) for w in _LEVEL_WORDS.findall(clause)}
    return bool(theirs - mine)


def _matched_runs(alignment: Alignment) -> list[int]:
    """The lengths of the key's runs found whole."""
    key, runs, at = alignment.key, [], 0
    for gap in alignment.missing:
        where = key.find(gap, at)
        if where > at:
            runs.append(where - at)
        at = where + len(gap)
    if at < len(key):
        runs.append(len(key) - at)
    return runs
