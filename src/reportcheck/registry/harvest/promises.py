"""What the harvester needs to know of a commitment, from a registry entry or a hand label.

A promise's key is the words that name its indicator, taken from its quote: the words before its
figure, without the verb (地区生产总值增长6%左右: 地区生产总值), or before the wording of a rule
without a figure (一般公共预算收入与经济增长基本同步: 一般公共预算收入). Its measure says what
kind of figure states its outcome: a rate of change (增长), a rise in points (提高1.5个百分点) or
a level (达到, 3.4%, 230.7亿元).
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.registry.harvest.ranks import PROMISE_RANK, promise_field
from reportcheck.registry.harvest.similar import normal
from reportcheck.registry.harvest.wording import UNIT, inside_name, peel
from reportcheck.registry.prose.textnums import find_numbers, fold

if TYPE_CHECKING:
    from reportcheck.registry.prose.textnums import Number
    from reportcheck.registry.records import Registry, Target

#: Where the wording of a rule without a figure begins: the indicator's words stand before it.
_RULE_WORDS = re.compile(
    r"与[^,，;。]{0,16}(?:基本)?同步|(?:增长|增速)?(?:快于|高于)|进一步|持续(?:缩小|下降|降低)|"
    r"基本稳定|保持稳定|稳中有降|稳中有升|保持正增长|实现正增长|“双下降”|双下降|不低于去年"
)
#: A name's ending that says the indicator is a rate of change (地区生产总值增速).
_RATE_NAME = re.compile(r"(?:增速|增幅|增长率|增长|降幅)$")
_LEADING = re.compile(r"^(?:力争|确保|全年|全市|全省|今年|实现|其中|并|同时|,|、|\s)+")


class Promise(msgspec.Struct, frozen=True, kw_only=True, dict=True):
    """One commitment as the harvester reads it. `value` is the figure promised in `unit`
    (None for a rule without a figure: 基本同步, 进一步缩小); `baseline` the year before's level of
    a rise in points; `entered_as` how a fall is typed (magnitude or change)."""

    id: str
    quote: str
    name: str
    unit: str
    comparator: str
    value: Decimal | None
    yes_no: bool
    baseline: Decimal | None = None
    baseline_year: int | None = None
    entered_as: str | None = None
    #: The sentence of the report the quote stands in ("" when the text cannot be read).
    context: str = ""

    @functools.cached_property
    def measure(self) -> str:
        """ "change" (a rate of change is its outcome), "points" (a rise in points), "level"."""
        return _measure(self)

    @functools.cached_property
    def falls(self) -> bool:
        """The promise is worded as a fall (下降3%, 压减15%): its figure is the fall's size."""
        return _falls(self)

    @functools.cached_property
    def indicator_keys(self) -> tuple[str, ...]:
        """The words that name the indicator: from the quote, and from the name."""
        return _keys(self)

    @functools.cached_property
    def rank_field(self) -> str | None:
        """For a rank promise (保持全省第1, unit 位), the field it is ranked in; else None."""
        if self.unit != "位":
            return None
        return promise_field(fold(self.quote))

    @functools.cached_property
    def name_key(self) -> str:
        """The name's words for the indicator (地区生产总值增速: 地区生产总值)."""
        name = _COUNT_NAME.sub("", _RATE_NAME.sub("", self.name))
        if self.rank_field is not None:
            name = _RANK_NAME.sub("", normal(name))
        return normal(_FALL_FIRST.sub("", _SOFT_VERBS.sub("", normal(name))))


def promises_of(registry: Registry) -> tuple[Promise, ...]:
    """The registry's entries as promises: its commitments, and the quantities they are
    compared with (the review states those too: 各项贷款 growth beside a 快于 promise)."""
    last_year = {
        t.baseline.same_period
        for t in registry.targets
        if t.baseline is not None and t.baseline.same_period is not None
    }
    texts = _texts(registry)
    # A same-period baseline holds last year's figures, never an outcome of this year's.
    return tuple(
        promise_of(t, sentence_of(texts.get(t.text, ""), t.quote))
        for t in registry.targets
        if t.id not in last_year
    )


def _texts(registry: Registry) -> dict[str, str]:
    """The texts the registry quotes, by name, folded; one that cannot be read is left out (its
    promises are matched without their sentence)."""
    from reportcheck.registry.load import quoted_paths
    from reportcheck.registry.texts import read_text

    found = {}
    for name, path in quoted_paths(registry.path, registry.meta).items():
        try:
            found[name] = read_text(name, path).folded
        except (OSError, UnicodeDecodeError):
            continue
    return found


def sentence_of(text: str, quote: str) -> str:
    """The sentence of `text` (folded) that holds `quote`, or ""."""
    at = text.find(fold(quote))
    if at == -1:
        return ""
    start = max(text.rfind(mark, 0, at) for mark in "。;!?\n") + 1
    ends = [e for e in (text.find(mark, at) for mark in "。;!?\n") if e != -1]
    return text[start : min(ends, default=len(text))]


def promise_of(target: Target, context: str = "") -> Promise:
    rule = target.rule
    comparator = str(target.comparator or "")
    baseline = target.baseline
    return Promise(
        id=target.id,
        quote=target.quote,
        name=target.name_zh,
        unit=target.unit,
        comparator=comparator,
        value=target.value if rule is not None and not rule.yes_no else None,
        yes_no=bool(rule is not None and rule.yes_no),
        baseline=baseline.value if baseline is not None else None,
        baseline_year=baseline.year if baseline is not None else None,
        entered_as=target.entered_as.value if target.entered_as is not None else None,
        context=context,
    )


def _figure_at(promise: Promise) -> tuple[int, int] | None:
    """Where the promise's own figure stands in its quote: the number equal to its value, the
    one followed by its unit first (35岁以下大学生35万名: the second 35)."""
    if promise.value is None:
        return None
    folded = fold(promise.quote)
    numbers = find_numbers(folded)
    equal = [n for n in numbers if n.value == promise.value]
    unit = promise.unit.replace("%", "%")
    for number in equal:
        if unit and folded.startswith(unit, number.end):
            return number.start, number.end
    if equal:
        return equal[-1].start, equal[-1].end
    return (numbers[-1].start, numbers[-1].end) if numbers else None


def _words_before(promise: Promise) -> str:
    """The quote's words that name the promise's indicator: those before its figure back to the
    figure before it (with the part a 其中 belongs to), or, for a count written first (新建60个
    三级名中医工作室), those after it; for a rule without a figure, those before its wording."""
    folded = fold(promise.quote)
    at = _figure_at(promise)
    if at is None:
        match = _RULE_WORDS.search(folded)
        return folded[: match.start()] if match else folded
    figures = [
        n
        for n in find_numbers(folded)
        if n.end <= at[0] and _ends_figure(folded, n) and not inside_name(folded, n.start, 0)
    ]
    low = figures[-1].end if figures else 0
    if figures:
        unit = UNIT.match(folded, low)
        low = unit.end() if unit else low
    own = peel(re.sub(r"^[、,，;\s]+", "", folded[low : at[0]])).rest
    if figures and re.match(r"其中", own):
        parent_low = figures[-2].end if len(figures) > 1 else 0
        own = peel(_strip_figures(folded[parent_low : figures[-1].start])).rest + own
    unit = UNIT.match(folded, at[1])
    rest = folded[unit.end() if unit else at[1] :]
    counted = re.match(r"的?([\u4e00-\u9fff“][^,，、;。]*)", rest)
    if counted and len(_cjk(_SOFT_VERBS.sub("", _LEADING.sub("", own)))) < 3:
        own = own + counted.group(1)  # 新建60个三级名中医工作室
    return own


def _ends_figure(folded: str, number: Number) -> bool:
    """A number of the quote that is a figure, not a threshold of what is counted (3亿元以上
    项目)."""
    unit = UNIT.match(folded, number.end)
    if unit is None or unit.group("after") not in ("以上", "以下"):
        return True
    return unit.end() >= len(folded) or folded[unit.end()] in ",，、;。"


def _strip_figures(text: str) -> str:
    """A quote's part without its figures and their units (制造业固投类项目300个: the project)."""
    return re.sub(r"[\d.]+(?:万亿|亿|万)?[\u4e00-\u9fff%]?(?:以上|左右)?$", "", text)


def _cjk(text: str) -> str:
    return re.sub(r"[^\u4e00-\u9fff]", "", text)


#: Verbs a promise leads with that say how it is pursued, not what is counted.
_SOFT_VERBS = re.compile(r"^新?(?:带动|推动|培育|打造|布局|推进|发布|完成|扎实推进|加快|全面)+")
#: A name's ending that only says it is counted (中欧班列开行列数).
_COUNT_NAME = re.compile(r"(?:列数|个数|家数|次数|数量)$")


#: A name's ending that says it is ranked (资金争取额度全省排位).
_RANK_NAME = re.compile(r"(?:排位|排名|位次)$")
#: What is counted said as a noun before its verb (资金争取额度), which a review says as the
#: verb and its object (争取中央预算内投资资金).
_NOUN_VERB = re.compile(
    r"(?P<noun>[\u4e00-\u9fff]{2,8}?)(?P<verb>争取|引进|发放|投放|吸引|获得)"
    r"(?:额度|金额|总额|数量|规模|额|量)?"
)


def _keys(promise: Promise) -> tuple[str, ...]:
    words = _LEADING.sub("", _words_before(promise))
    ranked = PROMISE_RANK.search(words) if promise.rank_field is not None else None
    if ranked is not None:
        words = _RANK_NAME.sub("", words[: ranked.start()])  # 资金争取额度保持全省第1
    if promise.measure == "change":
        words = _FALL_FIRST.sub("", _RATE_NAME.sub("", words))
    words = re.sub(r"(?:达到|达|为|保持|至|到|要)$", "", words)
    if promise.yes_no:
        words = promise.quote
    from_quote = normal(_SOFT_VERBS.sub("", normal(words)))
    name = promise.name_key
    keys = [from_quote] if len(_cjk(from_quote)) >= 3 else []
    shared = re.search(r"均|分别|双", fold(promise.quote))
    items = [x for x in re.split(r"、|和", words) if x]
    if shared and len(items) > 1:  # A、B均不低于80%: the item the name names
        keys = [normal(max(items, key=lambda x: _in_name(normal(x), name)))]
    if len(_cjk(name)) >= 3 and name not in keys:
        keys.append(name)
    for key in list(keys):
        inverted = _NOUN_VERB.fullmatch(key)
        if inverted and inverted["verb"] + inverted["noun"] not in keys:
            keys.append(inverted["verb"] + inverted["noun"])  # 资金争取额度: 争取资金
        built = _NEW_AND_OLD.match(key)
        if built and len(key) - built.end() >= 3:
            what = key[built.end() :]
            keys.extend(k for k in (what + "建设", "建设" + what) if k not in keys)
    return tuple(keys)


#: Verbs that build new and renew old alike, which reports count together as 建设:
#: 新建和改造提升高标准农田 is 高标准农田建设.
_NEW_AND_OLD = re.compile(r"(?:新建和改造提升|新建和改造|新建和提升|新改建|新建改造|新建和改建)")


def _in_name(item: str, name: str) -> float:
    """The share of an item's pairs of characters its name holds."""
    pairs = [item[i : i + 2] for i in range(len(item) - 1)]
    return sum(p in name for p in pairs) / len(pairs) if pairs else 0.0


def _measure(promise: Promise) -> str:
    if promise.comparator == "rise_by" or promise.unit == "个百分点":
        return "points"
    if promise.comparator in ("in_step", "faster_than"):
        return "change"
    if promise.unit != "%":
        return "level"
    folded = fold(promise.quote)
    at = _figure_at(promise)
    if at is not None and (peel(folded[: at[0]]).change or _FALL_FIRST.match(folded)):
        return "change"
    if _RATE_NAME.search(promise.name) or promise.entered_as is not None:
        return "change"
    return "level"


#: A fall whose verb comes before what falls (压减一般性支出15%以上, 下降…).
_FALL_FIRST = re.compile(r"(?:继续|力争|确保)?(?:压减|下降|降低|减少|缩减)")


def _falls(promise: Promise) -> bool:
    if promise.entered_as is not None:
        return promise.entered_as == "magnitude"
    at = _figure_at(promise)
    if at is None:
        return False
    folded = fold(promise.quote)
    return peel(folded[: at[0]]).change == "down" or bool(_FALL_FIRST.match(folded))
