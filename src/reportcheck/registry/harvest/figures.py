"""The figure of the review that states a promise's outcome, or none: never a look-alike.

A figure is a candidate when its unit converts to the promise's, it is the same kind of figure
(a rate of change for a growth promise, a level for a level), it is one year's (not a total or
an average of several) and its words name the promise's indicator: the promise's words all there
(`similar.align`), nothing added that narrows them, nothing before them that qualifies them as
another (省级 where the promise says 国家). The best candidate is taken when it is better than
every other that would give another value; otherwise the promise is left for a person.
"""

from __future__ import annotations

import re
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.units import exact_decimal
from reportcheck.registry.harvest.similar import NARROWING, Alignment, align, normal
from reportcheck.registry.harvest.wording import SCALES
from reportcheck.registry.prose.wording import UNIT_WORDS

if TYPE_CHECKING:
    from collections.abc import Mapping

    from reportcheck.model.units import Unit
    from reportcheck.registry.harvest.promises import Promise
    from reportcheck.registry.harvest.review import Figure, Review

#: Families of units that count things: a count in 条 may state a promise in 个 when the words
#: agree in full (“美丽街巷”107条 against 100个).
_COUNTS = frozenset(
    {
        "item",
        "firm",
        "route",
        "school",
        "bed",
        "structure",
        "session",
        "village",
        "train",
        "project",
        "piece",
        "machine",
        "vehicle",
        "site",
        "count",
    }
)
#: Words between the indicator's words and the verb that do not change what is measured.
#: What may stand just before the promise's words in the figure's: a verb (新增, 引进, 创成),
#: a word of scope that names no part (全域, 各类), a list's end (…奥芯半导体等), a list number
#: (⑩, 首批) or a threshold (1亿元以上); never a word that makes the indicator another one.
_LEAD_IN = re.compile(
    r"(?:新增|新|引进|实施|完成|创建|创成|打造|筹建|筹集|供应|建成|建设|新建|举办|开展|落实|"
    r"安排|实现|达到|取得|培育|认定|发放|开工|竣工|推动|带动|拉动|吸引|接待|争取|获得|获批|成立|"
    r"设立|推出|发布|开通|开行|签约|改造|提升|扩大|腾出|出让|累计?完成|全域|各类|全体|首批|其中|"
    r"城乡居民|城乡|"
    r"[①-⑳]|第[一二三四五六七八九十\d]+|[\d.]+(?:万亿|亿|万|千)?元?以上的?)*"
    r"|.*等"
)
#: Whole items of a list: 4号线延伸段、 or 4号线延伸段、6号线一期、7号线和.
_WHOLE_ITEMS = re.compile(r"(?:[^、和及]+(?:、|和|及))+")
_AFTER_OK = re.compile(r"(?:规模|总量|总额|余额|水平|企业|实现|再创新高|创新高|稳定|共|合计|总计)*")
#: What the context may add inside the promise's words without narrowing it.
_HARMLESS = frozenset(
    {
        "实际",
        "的",
        "城市",
        "年",
        "全部",
        "总",
        "新",
        "各类",
        "全",
        "了",
        "平均",
        "完成",
        "实施",
        "投向",
    }
)
#: What a review may leave out of the promise's words without widening it.
_OMISSIBLE = frozenset(
    {
        "新",
        "的",
        "年",
        "总",
        "数",
        "量",
        "数量",
        "全",
        "均",
        "各",
        "额",
        "规模",
        "平均",
        "总额",
        "总量",
    }
)


class Candidate(msgspec.Struct, frozen=True, kw_only=True):
    figure: Figure
    value: Decimal
    alignment: Alignment
    rank: tuple[float, ...]


class Choice(msgspec.Struct, frozen=True, kw_only=True):
    """The figure taken for a promise, or why none is: `unsure` holds the candidates that were
    too close to call (two values), `near` a figure whose words nearly name the indicator."""

    taken: Candidate | None = None
    unsure: tuple[Candidate, ...] = ()
    near: Figure | None = None


def quantity(unit: str, units: Mapping[str, Unit]) -> tuple[str, Fraction]:
    """A unit's family and its size in that family's base unit (万个: item, 10000)."""
    known = units.get(unit)
    if known is not None:
        return known.family, known.factor
    scale = 1
    base = unit
    for word, factor in SCALES.items():
        if unit.startswith(word) and len(unit) > len(word):
            base, scale = unit[len(word) :], factor
            break
    base = re.sub(r"[（(].*[)）]$", "", base)  # 套（间）
    known = units.get(base)
    if known is not None:
        return known.family, known.factor * scale
    if base in UNIT_WORDS:
        family, factor = UNIT_WORDS[base]
        return family, Fraction(factor * scale)
    return base or "none", Fraction(scale)


def choose(promise: Promise, review: Review, units: Mapping[str, Unit], year: int) -> Choice:
    """The figure stating `promise`'s outcome, when one does beyond doubt."""
    keys = promise.indicator_keys
    if not keys:
        return Choice()
    found: list[Candidate] = []
    near: tuple[float, Figure] | None = None
    for at in review.figures_sharing((*keys, promise.name_key)):
        figure = review.figures[at]
        value = _value(promise, figure, units, year)
        if value is None:
            continue
        alignment = _fits(promise, figure, review.contexts[at])
        if alignment is not None and not _same_act(promise, alignment):
            alignment = None
        if alignment is None:
            share = _likeness(promise, review.contexts[at])
            if share >= _NEAR and (near is None or share > near[0]):
                near = (share, figure)
            continue
        if value is _COUNT_ONLY:
            if alignment.missing or alignment.inserted:
                continue
            value = _count_value(promise, figure, units)
        rank = (
            alignment.share,
            -len("".join(alignment.inserted)),
            -len(alignment.after),
            -len(alignment.before),
        )
        found.append(Candidate(figure=figure, value=value, alignment=alignment, rank=rank))
    if not found:
        return Choice(near=near[1] if near else None)
    found.sort(key=lambda c: c.rank, reverse=True)
    best = found[0]
    rivals = [c for c in found[1:] if c.rank == best.rank and c.value != best.value]
    if rivals:
        return Choice(unsure=(best, *rivals))
    return Choice(taken=best)


_COUNT_ONLY = Decimal("NaN")
#: How much of a promise's words a figure's must hold to be worth a person's look when they
#: do not name its indicator beyond doubt.
_NEAR = 0.75


def _likeness(promise: Promise, context: str) -> float:
    """The larger share of the promise's words the figure's words hold, in order."""
    shares = [align(key, context).share for key in promise.indicator_keys if len(key) >= 4]
    return max(shares, default=0.0)


def _fits(promise: Promise, figure: Figure, context: str) -> Alignment | None:
    """How the figure's words (`context`, written as similar.normal writes them) name the
    promise's indicator, or None when they do not (or name a narrower or a wider one)."""
    allowed = normal(promise.context)
    best: Alignment | None = None
    for key in promise.indicator_keys:
        alignment = align(key, context)
        if acceptable(alignment, figure, allowed) and (
            best is None or alignment.share > best.share
        ):
            best = alignment
    if best is None:
        return None
    if not _name_agrees(promise, best.key, figure):
        return None  # the name says what the quote leaves to its sentence: “2+8”平台…
    return best


def _left_out(alignment: Alignment, figure: Figure) -> list[str]:
    """The key's words the context leaves out, but for a verb the list states once (举办会展
    216场、演唱会164场) and words that say nothing of the indicator."""
    missing = list(alignment.missing)
    if missing and alignment.key.startswith(missing[0]):
        head = re.sub(r"^\d+个", "", normal(figure.list_head).lstrip(",;"))
        if (
            head.startswith(missing[0])
            or _level_unsaid(missing[0], figure)
            or _said_as_new(missing[0], alignment)
            or _before_examples(missing[0], alignment)
        ):
            missing = missing[1:]
    verbs = _LIST_VERBS.match(normal(figure.list_head).lstrip(",;"))
    if verbs and missing and alignment.key.endswith(missing[-1]) and missing[-1] in verbs.group():
        missing = missing[:-1]  # 开工改造城镇老旧小区196个、城中村6万户: 城中村改造
    if missing and alignment.key.endswith(missing[-1]) and _counted(missing[-1], alignment, figure):
        missing = missing[:-1]
    return [m for m in missing if m not in _OMISSIBLE and not _implied(m, alignment)]


#: Verbs of a promise that bring in or create what it counts: a review may count the same
#: things as 新增 (新增首店430家 for 新引进各类首店300家).
_MAKE_NEW = frozenset({"引进", "新建", "培育", "认定"})


def _said_as_new(word: str, alignment: Alignment) -> bool:
    """The key's leading verb of bringing in (引进首店) said by the figure's 新增 (新增首店)."""
    adjacent = re.split(r"[,，、;]", alignment.before)[-1]
    return word in _MAKE_NEW and adjacent == "新增"


def _before_examples(word: str, alignment: Alignment) -> bool:
    """The key's leading verb said before the examples a 等 closes (争取中央预算内投资、
    超长期特别国债、新增政府债券等政策性资金 for 争取政策性资金)."""
    clause = re.split(r"[,，;]", alignment.before)[-1]
    return clause.startswith(word) and clause.endswith("等") and "、" in clause


def _counted(word: str, alignment: Alignment, figure: Figure) -> bool:
    """A word ending the key that only says what the figure counts: 项目 of a count in 项
    (重点研发计划236项), 建设 of projects (推进…8个项目建设: 8个…项目加快推进)."""
    if word == "项目":
        return figure.base == "项"
    return word == "建设" and alignment.key.endswith("项目建设")


#: Verbs that can only act on the stock: 腾出用能空间 is 腾出存量用能空间.
_STOCK_VERBS = re.compile(r"(腾出|盘活|消化|处置)存量")
#: The forms a counted thing may take, said after it (国际组织总部或分支机构): each counts as
#: the thing, and a review may count the thing (引进国际组织6家).
_FORMS = re.compile(r"[\u4e00-\u9fff]{1,4}或[\u4e00-\u9fff]{1,6}")


def _implied(word: str, alignment: Alignment) -> bool:
    """A word of the key that the rest of it already says: 存量 after a verb that acts only on
    the stock (腾出存量用能空间: 腾出用能空间), the forms of the thing counted that end it."""
    if _FORMS.fullmatch(word) and alignment.key.endswith(word) and not alignment.after:
        return len(alignment.key) - len(word) >= 4
    verb = _STOCK_VERBS.search(alignment.key)
    if word != "存量" or verb is None:
        return False
    return not any(m in verb.group(1) or verb.group(1) in m for m in alignment.missing)


#: The verbs a list states once before its first item, which stand for every item; a key that
#: ends in one of them (城中村改造) is named by an item of the list without it.
_LIST_VERBS = re.compile(r"(?:新开工|开工|完成|实施|启动|新建|改建|改造|建设|整治|提升|更新)+")


_LEVEL_OF = {"国家": "国", "全国": "国", "省": "省", "市": "市", "县": "县"}
_LEVELS = re.compile("国家|全国|省|市|县")


def _level_unsaid(gap: str, figure: Figure) -> bool:
    """A level the key names first (国家, 省) that the figure's words leave to their context:
    they name no other level (专精特新“小巨人”企业397家 for 国家专精特新“小巨人”企业, but
    never 省级科技型中小企业 for 国家科技型中小企业)."""
    if gap not in _LEVEL_OF:
        return False
    said = {_LEVEL_OF[w] for w in _LEVELS.findall(normal(figure.subject + figure.list_head))}
    return not said or said == {_LEVEL_OF[gap]}


def acceptable(alignment: Alignment, figure: Figure, allowed: str = "") -> bool:
    """The figure's words name the key's indicator: the key is there, nothing narrows it (a
    word the promise's own sentence holds does not: 工业 of 深化工业全域有机更新…腾出低效用地)."""
    if alignment.matched < 2 or _left_out(alignment, figure):
        return False
    for inserted in alignment.inserted:
        if inserted in _HARMLESS or (inserted in allowed and len(inserted) >= 2):
            continue
        if _WHOLE_ITEMS.fullmatch(inserted):
            continue  # other items of the list the key's item stands in (4号线延伸段、)
        if len(inserted) > 1 or any(word in inserted for word in NARROWING):
            return False
    adjacent = re.split(r"[,，、;]", alignment.before)[-1]
    if adjacent and not _LEAD_IN.fullmatch(adjacent) and not _same_count(adjacent, allowed):
        return False  # 软件和信息技术 before 服务业增加值: another, narrower indicator
    if figure.counted_first:
        return True  # the words after the key are the clause's verb: 完成布局, 签约落地
    last = re.split(r"[,，]", alignment.after)[-1]
    return len(last) <= 1 or bool(_AFTER_OK.fullmatch(last))


def _same_count(adjacent: str, allowed: str) -> bool:
    """How many of a thing the figure's words say (8个城市重点发展区块), when the promise's own
    sentence says as many (…等8个城市重点发展区块): all of them, not some."""
    if not re.fullmatch(r"\d+个", adjacent):
        return False
    return re.search(rf"(?<![\d.]){adjacent}", allowed) is not None


#: Verbs that say what was done to what is counted: a count of projects started is not one of
#: projects in hand (推进), finished or signed.
_ACTS = {
    "start": re.compile(r"开工|动工"),
    "finish": re.compile(r"竣工|建成|投产|投用|完工"),
    "sign": re.compile(r"签约|引进|招引|落地"),
    "register": re.compile(r"备案"),
}
_ONGOING = re.compile(r"推进|实施|滚动|在建|推动")


def _same_act(promise: Promise, alignment: Alignment) -> bool:
    """The verb just before the figure's words (新开工亿元以上项目) is the promise's, or the
    promise says none: 新开工 never states 推进2400个亿元以上项目."""
    adjacent = re.split(r"[,，、;]", alignment.before)[-1]
    said = {act for act, verb in _ACTS.items() if verb.search(adjacent)}
    if not said:
        return True
    promised = normal(promise.quote + promise.name)
    mine = {act for act, verb in _ACTS.items() if verb.search(promised)}
    if mine:
        return bool(said & mine)
    return not _ONGOING.search(promised)


def _name_agrees(promise: Promise, key: str, figure: Figure) -> bool:
    """The words the promise's name puts before its quote's (“2+8”平台 of “2+8”平台固定资产投资,
    筹建 of 筹建公租房) stand in the figure's sentence too."""
    name = promise.name_key
    if len(name) < 3 or key in (name, ""):
        return True
    within = align(key, name)
    if within.share < 0.8:
        return True  # a name in other words than the quote's says nothing more
    extra = _OMISSIBLE_WORDS.sub("", within.before)
    pairs = {extra[i : i + 2] for i in range(len(extra) - 1)}
    if not pairs:
        return True
    seen = normal(figure.sentence_before + figure.subject)
    return sum(pair in seen for pair in pairs) >= 0.75 * len(pairs)


_OMISSIBLE_WORDS = re.compile("|".join(sorted(_OMISSIBLE, key=len, reverse=True)))


def _value(
    promise: Promise, figure: Figure, units: Mapping[str, Unit], year: int
) -> Decimal | None:
    """The figure in the promise's unit, when it is the kind of figure the promise's outcome
    is; _COUNT_ONLY when only a count of another unit (条 for 个) could be."""
    if figure.spans:
        return None
    if figure.rank_field is not None or promise.rank_field is not None:
        # a rank states only a rank promise, and only one of its own field (全省, 全国)
        return figure.value if figure.rank_field == promise.rank_field else None
    measure = promise.measure
    if not promise.unit and figure.change in ("up", "down"):
        return _signed(promise, figure)
    if measure == "change":
        if figure.change not in ("up", "down") or figure.base != "%":
            return None
        return _signed(promise, figure)
    if measure == "points":
        return _points(promise, figure, year)
    if figure.change in ("up", "down", "points-up", "points-down"):
        return None
    if not promise.unit:  # a rule without a unit of its own (稳中有降, 双下降): the figure's
        return _signed(promise, figure) if figure.change in ("up", "down") else figure.value
    if promise.unit == "倍":
        return figure.value if figure.base in ("", "倍") else None
    family, factor = quantity(promise.unit, units)
    got_family, got_factor = quantity(figure.unit, units)
    if got_family != family:
        if family in _COUNTS and got_family in _COUNTS and got_factor == factor:
            return _COUNT_ONLY
        return None
    return exact_decimal(Fraction(figure.value) * got_factor / factor)


def _count_value(promise: Promise, figure: Figure, units: Mapping[str, Unit]) -> Decimal:
    _, factor = quantity(promise.unit, units)
    _, got = quantity(figure.unit, units)
    return exact_decimal(Fraction(figure.value) * got / factor)


def _signed(promise: Promise, figure: Figure) -> Decimal:
    """A rate of change as the promise's figures are typed: the size of a fall for a promise
    worded as one (下降3%), else signed (−1.3 for 下降1.3%)."""
    down = figure.change == "down"
    if promise.falls:
        return -figure.value if not down else figure.value
    return -figure.value if down else figure.value


def _points(promise: Promise, figure: Figure, year: int) -> Decimal | None:
    """A rise in points: the share itself when the review gives it, else the year before's
    share plus the rise (the registry's baseline, when it is the year before's)."""
    if figure.change in ("points-up", "points-down"):
        rise = -figure.value if figure.change == "points-down" else figure.value
        if promise.unit == "个百分点":
            return rise
        if promise.baseline is None or promise.baseline_year != year - 1:
            return None
        return promise.baseline + rise
    if figure.change or figure.base != "%" or promise.unit != "%":
        return None
    return figure.value
