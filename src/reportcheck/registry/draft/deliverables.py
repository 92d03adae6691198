"""Named deliverables: a completion verb and the named thing it completes.

A deliverable is read from the structure of a clause, in one of three shapes:
- verb, then what it completes (开工建设A、B; 办好A、B; 争创…示范区; 设立…中心): one entry per
  item, quoted from the verb through that item, the list going on across a comma when the next
  clause only names more things built (建成开通A、B，地铁10号线…); one per subject listed before a
  title verb (花都、番禺升级建设…), one per category before the kind they share (争创A、B等…集群);
- what is completed, then the verb at the clause's end (A、B等项目建成投运; …规划获批;
  …尽早投用): one entry per item, quoted from the item through the verb;
- a state reached as a whole (实现…全覆盖, …动态清零, 实现…“五连冠”, 全面取消…): one entry.
Each is a yes/no commitment due at the end of the plan's year. The verb says which things it
can complete (an event is held, a title won, a task finished), and what it completes must name
one thing: counts (开工建设170个), open lists (一批, 若干), generic nouns (重点项目) and process
verbs (推进, 深化) name none. Issuing a policy or a plan (出台, 制定, 编制, 建立…机制, 开展…试点)
is a step of work, not a deliverable, and is not drafted; publishing an index (发布…指数) and
holding an award (…评选) are outputs, and are.

Works on folded text (see textnums.fold); every position is a position in the original.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import msgspec

#: Quotation marks and brackets: a list is never cut, nor a clause ended, inside them.
OPEN_QUOTES, CLOSE_QUOTES = "“‘「『《(", "”’」』》)"

#: What a deliverable's own words may close on, for each kind of verb (on the item with its
#: closing quotation marks taken off). A title is a place, an institution or a rank: 示范区,
#: 保护区, 度假区, 先导区, 试点, 基地, 名园, 实验室, “十七连冠” all end in one of these.
_TITLE_END = (
    r"(?:[区市县城镇村乡园地点心台室馆校院所库站冠鼎奖号星都港岛湾]|试点|基地|工程|大学|集群)$"
)
_EVENT_END = r"(?:[会节赛展坛动周日季汇典礼览]|赛事|活动|论坛|系列展|评选|评比)$"
_TASK_END = (
    r"(?:任务|行动|工作|改造|整治|前期|验收|普查|除险加固|建设|更新|提升|设计|规划|评估|调查"
    r"|修编|搬迁|工程|治理|处置|收官|编撰|编纂|实施)$"
)
#: Ends that name no built thing but an aim or a state (建成…体系, 建成…高地, 建立…机制).
_ABSTRACT_END = re.compile(
    r"(?:体系|机制|格局|高地|体制|制度|模式|环境|生态|品牌|标杆|样板|社会|强市|强省|强区|大市|名城"
    r"|之城|目标|任务|能力|水平|局面|氛围|秩序|链条|生态圈|矩阵|集群|专班|小组|队伍|行动|攻坚|活动)$"
)

#: (verb, what its object must end with or None, whether it may close a clause after its
#: subject). Longer verbs first, so that 建成投产 is read before 建成. A verb whose object may
#: be anything is no verb before an object at all when the pattern is None and the third
#: field is "close": it only closes a clause (森泰股份上市).
_FORMS: tuple[tuple[str, str | None, bool | str], ...] = (
    (
        r"建成(?:投产|投用|投运|通车|开通|运营|开放|使用|营运)|竣工(?:投产|投用|验收)|全线贯通"
        r"|(?:基本|全面)建成|开业运营|开园运营|开通运营",
        None,
        True,
    ),
    (r"开工建设|启动建设|启动实施", None, True),
    (r"纳入(?:国家|省)[^,。;、]{0,8}?(?:规划|计划|名单)", None, "close"),
    (r"建成|竣工|完工|投用|投运|投产|启用|开通|开园|开业", None, True),
    # these only close a clause (…大桥通车, …主体结构封顶); 直通车 is a noun (政策直通车平台)
    (r"(?<!直)通车|封顶|结顶", None, "close"),
    (r"开工", None, True),
    (r"上市|完成报会|挂牌|落地|建校", None, "close"),
    (r"启动", r"(?:项目|工程|工作|更新)$", False),
    (r"(?:联合|轮值|持续|精心)?(?:举办|承办|主办|办好)|精心组织", _EVENT_END, False),
    (r"成功创建|创成|争创|创建|夺取", _TITLE_END, False),
    (r"争取", r"(?:试点|基地|示范区)$", False),
    (r"升级建设|升级为|升格为|上升为", _TITLE_END + r"|项目$", False),
    (r"列入|纳入", r"^(?:国家|全国|省|首批).*(?:" + _TITLE_END + r"|规划$)", False),
    (r"获批|批复", None, True),
    # an index or a ranking published is a named output, not a policy issued
    (r"(?:制定|编制)?发布", r"(?:指数|榜单|白皮书|蓝皮书)$", False),
    (r"(?:组织)?开展", r"(?:评选|评比)(?:活动)?$", False),
    (r"设立|成立|组建|创设", None, False),
    (r"(?:全面|基本|高质量|全力|如期)?完成(?:并实施)?", _TASK_END, False),
)
_VERB = re.compile("|".join(f"(?:{verb})" for verb, _, _ in _FORMS))
_OBJECT_END = [
    (re.compile(f"(?:{verb})"), re.compile(ends) if ends else None, closes)
    for verb, ends, closes in _FORMS
]
#: A service given to a group of people (为全省70岁以上老年人购买意外伤害保险, 为适龄女生免费接种
#:疫苗): a 民生实事 promised for the year; a count of people (为80万…) is a figure's.
_SERVICE = re.compile(
    r"为(?![^,。;]{0,20}万)[^,。;]{2,20}?(?:人|居民|群体|人群|老年人|儿童|学生|女生|家庭|职工|农民)"
    r"(?:免费)?(?:开展|接种|提供|购买|发放|配备|安装)"
)
#: A state reached as a whole, at the clause's end (…全覆盖, …动态清零, 实现…“零”的突破).
_STATE_END = re.compile(
    r"(?:(?:基本)?(?:实现)?(?:全|基本)覆盖|动态清零|清零|“?零”?的突破|应保尽保|整改销号|收官战"
    r"|“[^“”]{1,12}连冠[^“”]{0,8}”)$"
)
#: A state reached by taking something away for good, before what is taken away.
_STATE_VERB = re.compile(r"全面取消|全面消除|基本消除|动态消除")
#: Words before a verb that say how, not what: 尽快投用, 如期建成, 实现开工建设.
_MANNER = (
    *("尽快", "尽早", "如期", "全面", "正式", "年内", "基本", "实现", "全部", "早日", "顺利"),
    *("率先", "按期", "高标准", "高质量"),
)
#: Words that open a clause and name no part of what is promised.
_LEAD = re.compile(
    r"(?:力争|确保|争取|全力|积极|努力|加快|推动|推进|高质量|高标准|高水平|持续|精心|扎实|如期"
    r"|年内|今年|全年|同时|并|再|全面|大力|着力|重点|支持|实现)+"
)
#: The plan's targets as a whole (完成“十四五”规划目标任务, 各项目标任务), not one named task.
_PLAN_TARGETS = re.compile(r"^(?!.*阶段).*目标任务$|“十.五”")
_PLAN_PERIOD = re.compile(r"十[一二三四五六七八九]五")
#: An aim, not a title awarded: 创建高水平师范大学, 创建世界级先进制造业集群.
_AIM = re.compile(r"高水平|一流|世界级")
#: Qualities aimed at, not things built: 建成高水平…, 基本建成…现代化…, 取得决定性进展.
_QUALITY = re.compile(r"高水平|一流|现代化|具有|世界级|更高|创新型|取得|进展|进度|国际化")
#: A city's role named as a centre (全国经济中心, 国际交往中心, 长江中游航运中心): under
#: 基本建成, an aim of the years ahead, not a facility built (市托育综合服务中心).
_ROLE_CENTRE = re.compile(
    r"(?:经济|金融|贸易|航运|交往|消费|物流|商贸|科技创新|科创|文化|交通)中心(?:城市)?[”’]?$"
)
#: Leading words that make a state a process (推进…全覆盖, 加快推动…全覆盖): no end promised.
_PROCESS_LEAD = re.compile(r"加快|推进|加速")
#: The kind a list shares when its items are measures of a policy, not things made.
_POLICY_KIND = re.compile(r"举措|措施|政策|机制|改革|规划|要求")
#: Words before a verb that make it a process (深化落地, 加快开工): no end is promised.
_PROCESS_BEFORE = re.compile(r"(?:深化|加快|加速|促进|谋划|研究|探索|鼓励|引导|支持)$")
#: A tail that closes a list of names with the kind they share (A、B等一批项目).
_TRAILING = re.compile(r"(?<![高平同中初均对超])等(?![级同待])[^、“”]{0,6}$|创建工作$")
#: Not a named thing: a count left open, a category, or a slogan.
_VAGUE = re.compile(
    r"一批|一系列|若干|多个|各类|各项|各级|有关|小康|强国|现代化(?:国家|强)|长效|实事|更多|这一|自己"
    r"|一[个场次]|部分"
)
#: What ends a thing named before 和 / 及 (南浔站和湖州东站…, 总体设计和品质提升规划).
_THING = re.compile(
    r"(?:站|厂|馆|院|园|港|桥|路|线|库|段|期|场|区|心|工程|项目|后续|设计|规划|纲要|计划|方案)$"
)
#: Words that name no one project: 项目开工, 企业上市.
_GENERIC = re.compile(
    r"(?:重大|重点|产业|在建|续建|民生|新)?(?:项目|企业|工程|公司)|运营|投用|启用|实施|见效|生效|达效|达产"
    r"|\d+周年"
)
#: An item that ends in a count is a figure's subject, not a name: 开工建设170个.
_COUNT = re.compile(
    r"\d(?:[万亿千百]?(?:个|家|项|座|所|条|处|台|套|张|名|人|公里|亩|户|件|批|宗))?[”’」』》]?$"
)
#: A process verb inside what should be a name: 推动项目签约开工 names no project.
_PROCESS_INSIDE = re.compile(r"推进|推动|加快|深化|实施|开展|签约|纳统|落实|谋划|提升|探索")
#: What a name may begin with: not a mark that joins or ends (、 …) and not a verb.
_NAME_START = re.compile(r"[^、,;:。!?各]")
_DIGIT = re.compile(r"\d")
#: Verbs that open a predicate of their own inside a list (A、打响B、推进C).
_PREDICATE = re.compile(
    r"打响|推进|推动|加快|深化|实施|开展|打造|提升|培育|做强|做优|完善|优化|支持|引导|鼓励|强化|加强"
    r"|扩大|深入|持续|积极|全力|力争|确保|争取|落实|健全|构建|探索|引进|新增|实现|提高|擦亮|用好"
)
#: Verbs that, anywhere in a later item, make it a clause of its own (钱塘新区打造…主平台).
_NEW_PREDICATE = re.compile(r"打造|推进|推动|加快|深化|做强|做优|加强|强化|打响|争创")
#: Verbs of a title won, whose subjects may be listed before them (花都、番禺升级建设…).
_TITLE_VERB = re.compile(r"成功创建|创成|争创|创建|夺取|升级建设|升级为|升格为|上升为")
#: The kind a list of categories shares after 等, under a title verb (争创集成电路、新能源汽车
#: 等国家级先进制造业集群): one title per category.
_CATEGORIES = re.compile(r"(?<![高平同中初均对超])等(?![级同待])(?P<kind>[^、“”]{2,16})$")
#: The most a subject before a title verb is written with (花都, 杭州高新区).
_MAX_SUBJECT = 10
#: Verbs that open a clause of their own after a comma (…，建设…高地; …，拓展…网络).
_OWN_VERB = re.compile(r"建设|拓展|发展|构建|建立|形成|带动|促进|布局|引导|服务|保障|增强|建好")
#: What a thing built is named with at its end (地铁10号线, 12号线东段, 14号线二期, 南站).
_BUILT = re.compile(
    r"(?:[站厂馆院园港桥路线库段期场心]|工程|项目|隧道|枢纽|码头|泊位|大道|高速|铁路|机场|城际|通道)$"
)
#: What belongs to the thing named before 和 / 及 (大桥及接线工程, 西站及相关工程).
_APPENDAGE = re.compile(r"接线|配套|附属|相关|周边|连接线")
_MAX_ITEM = 30
#: The longest list a verb is read over (six items of _MAX_ITEM); longer is prose, not names.
_MAX_OBJECT = 6 * (_MAX_ITEM + 1)


class Deliverable(msgspec.Struct, frozen=True):
    start: int  # of the quote in the report text
    end: int
    name: str  # the verb and the item: 开工建设屹丰汽车


def deliverables(text: str, start: int, end: int) -> list[Deliverable]:
    """The named deliverables of the clause text[start:end]."""
    while start < end and (text[start].isspace() or text[start] in "*_#"):
        start += 1  # white space, and the marks of a markdown heading or bold run
    while end > start and text[end - 1].isspace():
        end -= 1
    if start >= end:
        return []
    lead = _LEAD.match(text, start, end)
    body = lead.end() if lead else start
    if end - start <= _MAX_OBJECT:
        state = _state(text, start, body, end)
        if state:
            return state
        service = _SERVICE.match(text, body, end)
        if service is not None and end - service.end() >= 2:
            return [Deliverable(body, end, text[body:end])]
    for match in _VERB.finditer(text, start, end):
        ends, closes = _form(match.group())
        if closes and match.end() == end:
            found = _before_verb(text, body, match)
        elif closes != "close" and match.end() < end and end - match.end() <= _MAX_OBJECT:
            found = _after_verb(text, match, end, ends)
        else:
            continue
        if found:
            return _with_subjects(text, body, match, found)
    return []


def continuing(text: str, start: int, end: int, opened: int) -> list[Deliverable]:
    """The named deliverables of a clause that only goes on with the list of names a verb
    opened before the comma (建成开通A、B，地铁10号线、14号线二期): one per item, each quoted
    from that verb at `opened`; none when the clause has a verb of its own or names no thing."""
    verb = _VERB.match(text, opened)
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if verb is None or not 2 <= end - start <= _MAX_OBJECT or not _NAME_START.match(text, start):
        return []
    ends, _ = _form(verb.group())
    if (
        _OWN_VERB.match(text, start)
        or _VERB.search(text, start, end)
        or _PREDICATE.search(text, start, end)
        or _VAGUE.search(text, start, end)
        or _PROCESS_INSIDE.search(text, start, end)
        or (ends is not None and not ends.search(text[start:end].rstrip(CLOSE_QUOTES)))
    ):
        return []
    trailing = _TRAILING.search(text, start, end)
    if trailing is not None:
        end = trailing.start()  # …、14号线二期等
    found = []
    for a, b in _items(text, start, end):
        if b - a < 2 or b - a > _MAX_ITEM or _unnamed(text, a, b):
            return []
        if ends is None and not _BUILT.search(text, a, b):
            return []  # 建成A、B，地铁10号线: only things built go on a list of things built
        found.append(Deliverable(opened, b, f"{verb.group()}{text[a:b]}"))
    return found


def _with_subjects(
    text: str, body: int, verb: re.Match[str], found: list[Deliverable]
) -> list[Deliverable]:
    """One title per subject when several are listed before its verb (花都、番禺升级建设国家级
    经济技术开发区: 花都's and 番禺's), each quoted from its subject; else `found` itself."""
    if not _TITLE_VERB.fullmatch(verb.group()) or found[0].start != verb.start():
        return found
    subjects = _list_items(text, body, verb.start())
    if len(subjects) < 2 or any(
        not 2 <= b - a <= _MAX_SUBJECT
        or _DIGIT.search(text, a, b)
        or _VAGUE.search(text, a, b)
        or _VERB.search(text, a, b)
        or _PREDICATE.search(text, a, b)
        or "等" in text[a:b]
        for a, b in subjects
    ):
        return found
    return [Deliverable(a, item.end, text[a:b] + item.name) for a, b in subjects for item in found]


def _form(verb: str) -> tuple[re.Pattern[str] | None, bool | str]:
    return next((ends, closes) for pattern, ends, closes in _OBJECT_END if pattern.fullmatch(verb))


def _state(text: str, start: int, body: int, end: int) -> list[Deliverable]:
    """States reached as a whole: each item of the clause that ends in …全覆盖 / 动态清零 /
    “五连冠” (with the items before it that hold no figure), or 全面取消 / 基本消除 what is
    taken away."""
    if _PROCESS_LEAD.search(text, start, body):
        return []  # 推进…全覆盖, 加快推动…全覆盖: a process, no end promised
    found = []
    opened, named = start, body  # where the quote and the named part of the next state begin
    for a, b in _list_items(text, body, end):
        if _DIGIT.search(text, a, b) and not _STATE_END.search(text, a, b):
            opened = named = b + 1  # an item with a figure is a figure's, not a state's
            continue
        reached = _STATE_END.search(text, a, b)
        if reached is None:
            continue
        said = text[named : reached.start()]
        if (
            reached.start() - named >= 2
            and not _VAGUE.search(said)
            and not _COUNT.search(said)
            and not _PLAN_PERIOD.search(said)
        ):
            found.append(Deliverable(opened, b, text[named:b]))
        opened = named = b + 1
    if found:
        return found
    taken = _STATE_VERB.search(text, start, min(end, body + 4))
    if taken is not None and end - taken.end() >= 2 and not _VAGUE.search(text, taken.end(), end):
        return [Deliverable(taken.start(), end, text[taken.start() : end])]
    return []


def _list_items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of text[start:end] between 、 outside quotation marks."""
    cuts = [start] + [i + 1 for i in unquoted(text, start, end) if text[i] == "、"] + [end + 1]
    return [(cuts[k], cuts[k + 1] - 1) for k in range(len(cuts) - 1)]


def _after_verb(
    text: str, match: re.Match[str], end: int, ends: re.Pattern[str] | None
) -> list[Deliverable]:
    """The verb first, then what it completes: one deliverable per item."""
    verb = match.group()
    if text.startswith("的", match.end()):
        return []  # 举办的节庆: the verb describes its noun
    # 办好A博览会、打响B品牌: the list of what is completed ends where another verb begins
    end = next(
        (
            a - 1
            for a, b in _list_items(text, match.end(), end)[1:]
            if _PREDICATE.match(text, a)
            or _VERB.match(text, a)
            or _NEW_PREDICATE.search(text, a, b)
        ),
        end,
    )
    obj_end = end
    trailing = _TRAILING.search(text, match.end(), end)
    if trailing is not None:
        obj_end = trailing.start()
    # 争取A、B等试点: one pilot, its fields listed
    one = verb == "争取"
    items = [(match.end(), obj_end)] if one else _items(text, match.end(), obj_end)
    categories = _CATEGORIES.search(text, match.end(), obj_end)
    kind = ""
    if not one and categories is not None and _TITLE_VERB.fullmatch(verb):
        kind = categories.group("kind")  # 争创A、B等国家级…集群: a title for each category
        items = _items(text, match.end(), categories.start())
    whole = text[match.end() : obj_end]
    if not items or _VAGUE.search(whole) or not _NAME_START.match(whole):
        return []
    if any(_VERB.match(text, a) for a, _ in items):
        return []  # a list of verbs (开工、建设纳统、竣工投产) names no thing
    if _AIM.search(whole) or (ends is None and _PROCESS_INSIDE.search(whole)):
        return []
    if ends is None and _QUALITY.search(whole):
        return []
    if verb.endswith("基本建成") and any(_ROLE_CENTRE.search(text, a, b) for a, b in items):
        return []  # 基本建成全国经济中心、区域金融中心: a city's aim, not a thing built
    if _PLAN_TARGETS.search(text, match.end(), end):
        return []  # 完成“十四五”规划目标任务: the plan's targets as a whole, not one task
    if ends is not None and not ends.search(text[match.end() : end].rstrip(CLOSE_QUOTES)):
        return []  # what the verb completes is said by the whole object, its kind included
    if ends is None and any(_ABSTRACT_END.search(text, a, b) for a, b in items):
        return []
    found = []
    for a, b in items:
        name = text[a:b].strip('“”‘’"')
        if len(name) < 2 or b - a > _MAX_ITEM or _unnamed(text, a, b):
            return []
        if kind:
            found.append(Deliverable(match.start(), obj_end, f"{verb}{text[a:b]}{kind}"))
        else:
            found.append(Deliverable(match.start(), b, f"{verb}{text[a:b]}"))
    return found


def _before_verb(text: str, body: int, match: re.Match[str]) -> list[Deliverable]:
    """What is completed first, then the verb at the clause's end: one deliverable per item."""
    verb = match.group()
    manner = named_end = _manner_start(text, body, match.start())
    if _PROCESS_BEFORE.search(text, body, named_end):
        return []
    trailing = _TRAILING.search(text, body, named_end)
    if trailing is not None:
        named_end = trailing.start()
    if named_end - body > _MAX_OBJECT or named_end - body < 2:
        return []
    if _VAGUE.search(text, body, named_end) or _PROCESS_INSIDE.search(text, body, named_end):
        return []
    if _PLAN_PERIOD.search(text, body, named_end) or _QUALITY.search(text, body, named_end):
        return []  # “十五五”规划项目落地, 人工智能创新高地基本建成: aims, not named things
    if trailing is not None and _POLICY_KIND.search(trailing.group()):
        return []  # “7个不准”等举措精准落地: measures of a policy carried out
    found = []
    for a, b in _items(text, body, named_end):
        if b - a < 2 or b - a > _MAX_ITEM or _unnamed(text, a, b):
            return []
        if _ABSTRACT_END.search(text, a, b):
            return []
        found.append(
            Deliverable(a, match.end(), f"{text[a:b]}{text[manner : match.start()]}{verb}")
        )
    return found


def _manner_start(text: str, start: int, end: int) -> int:
    """Where the words of manner before text[end] begin (尽快, 如期 …), read back from `end`."""
    while (word := next((w for w in _MANNER if text.endswith(w, start, end)), None)) is not None:
        end -= len(word)
    return end


def _unnamed(text: str, start: int, end: int) -> bool:
    """Whether an item names no one thing: vague, generic, or a count."""
    return bool(
        _VAGUE.search(text, start, end)
        or _GENERIC.fullmatch(text, start, end)
        or _COUNT.search(text, start, end)
    )


def _items(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the items of a list at 、 outside quotation marks; the last split at 和 / 及
    when the list has several items or the part before names a thing."""
    cuts = [start] + [i + 1 for i in unquoted(text, start, end) if text[i] == "、"]
    cuts.append(end + 1)
    spans = [(cuts[k], cuts[k + 1] - 1) for k in range(len(cuts) - 1)]
    last_start, last_end = spans[-1]
    joined = _and_at(text, last_start, last_end)
    if (
        joined is not None
        and (len(spans) > 1 or _THING.search(text, last_start, joined))
        and not _APPENDAGE.match(text, joined + 1)
    ):
        spans[-1:] = [(last_start, joined), (joined + 1, last_end)]
    return [(a, b) for a, b in _two_things(text, spans) if b > a]


def _two_things(text: str, spans: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The spans, each before the last split at 和 / 及 when both sides name a thing of their
    own (12号线东段及西段: two sections; 大桥及接线工程 is one, its approach a part of it)."""
    for k, (a, b) in enumerate(spans):
        joined = next((i for i in unquoted(text, a, b) if text[i] in "和及"), None)
        if (
            k < len(spans) - 1
            and joined is not None
            and joined - a >= 2
            and b - joined > 2
            and _THING.search(text, a, joined)
            and _THING.search(text, joined + 1, b)
            and not _APPENDAGE.match(text, joined + 1)
        ):
            yield a, joined
            yield joined + 1, b
        else:
            yield a, b


def _and_at(text: str, start: int, end: int) -> int | None:
    return next(
        (
            i
            for i in unquoted(text, start, end)
            if text[i] in "和及" and i - start >= 2 and end - i > 2
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
