"""Whether the words of a review name the indicator a promise names: an alignment of the two,
and the differences that make them another indicator.

Both are first written in one way (`normal`): punctuation and quotation marks go, and the few
words reports use interchangeably for one thing (经营主体 and 市场主体 for 企业, 营收 for 营业收入,
新引进 for 引进, 普高 for 高中学校, 出让 of land for 供应) become one. The promise's words are
then aligned with the end of the review's words: every word of the promise should be there, in
order and close together. What a review adds inside them (数字经济核心产业**制造业**增加值) or
just before them (**省级**科技型中小企业) narrows the indicator; what it leaves out of the promise
(**国家**科技型中小企业) widens it.
"""

from __future__ import annotations

import re

import msgspec

_PUNCTUATION = re.compile(r"[\s“”‘’\"'《》()（）【】\[\]·・—\-*#:：]")
#: Words reports use for one thing, written one way (longest first where one holds another).
_SAME = (
    ("国高企", "国家高新技术企业"),
    ("高企", "高新技术企业"),
    ("为市场主体减负", "为企业减负"),
    ("为经营主体减负", "为企业减负"),
    ("统筹投入", "安排"),
    ("落实", "安排"),
    ("金融机构贷款", "贷款"),
    ("银行贷款", "贷款"),
    ("各项贷款", "贷款"),
    ("创新创业", "创业"),
    ("建设筹集", "筹建"),
    ("筹集", "筹建"),
    ("营业收入", "营收"),
    ("周岁", "岁"),
    ("新推荐认定", "认定"),
    ("推荐认定", "认定"),
    ("招引落地", "引进"),
    ("签约落地", "引进"),
    ("招引", "引进"),
    ("新引进", "引进"),
    ("引育", "引进"),
    ("研发经费投入", "研发投入"),
    ("实际利用外资", "利用外资"),
    ("实际使用外资", "利用外资"),
    ("使用外资", "利用外资"),
    ("国家级", "国家"),
    ("省级", "省"),
    ("市级", "市"),
    ("规模以上", "规上"),
    ("设区城市", "设区市"),
    ("年平均", "平均"),
    ("新建成", "新建"),
    ("更新改造", "更新"),
    ("新建改造", "新改建"),
    ("推动经济高质量发展", "高质量发展"),
    ("支持经济高质量发展", "高质量发展"),
    ("经济高质量发展", "高质量发展"),
    ("推动高质量发展", "高质量发展"),
    ("支持高质量发展", "高质量发展"),
    # 供应 of land counts what is sold (出让) with what is allotted; reports state either.
    ("国有建设用地", "建设用地"),
    ("普通高中", "高中"),
    ("高中学校", "高中"),
    ("普高", "高中"),
    ("音乐节", "音乐会"),
    # trade figures are of goods unless they say services (服务贸易出口)
    ("货物贸易进出口", "进出口"),
    ("货物贸易出口", "出口"),
    ("货物贸易进口", "进口"),
    ("货物进出口", "进出口"),
    ("货物出口", "出口"),
    ("货物进口", "进口"),
    ("高速铁路", "铁路"),
    ("高铁", "铁路"),
    # the programme is of manufacturing firms alone: 制造业单项冠军企业 is 单项冠军企业
    ("制造业单项冠军", "单项冠军"),
    # domestic capital a city brings in comes from outside it
    ("市外内资", "内资"),
    ("省外内资", "内资"),
    ("激活利用", "盘活"),
    # the share of pupils going on to 普高: by enrolment or by admission, one figure
    ("高中招生比例", "高中录取比例"),
    # a metro's length in service
    ("运营里程", "通车里程"),
    # “四好农村路” is the programme's name for rural roads; building, rebuilding and widening
    ("四好农村路", "农村公路"),
    ("新改扩建", "新改建"),
    # the insured added to social insurance
    ("参保扩面", "新增参保"),
    ("扩面", "新增参保"),
    # a parking space counted by a city is one for motor vehicles unless it says otherwise
    ("机动车停车泊位", "停车泊位"),
)
#: Land sold (出让工业用地) is land supplied: the supply reports count is mostly sold.
_LAND_SOLD = re.compile(r"出让(?=[^,，、;。]{0,6}用地)")
#: Words that say nothing of the indicator, left out of both sides.
_FILLER = re.compile(
    r"全市|全省|全区|全县|我市|我省|全社会|全年|今年|当年|力争|确保|预计|预期|有望|进一步|持续|稳步|首次|"
    r"再上新台阶|分别|同比|比上年|总体|年度"
)
#: Words that narrow an indicator when a review adds them to the promise's words.
NARROWING = (
    "制造业",
    "工业",
    "规上",
    "高技术",
    "高新技术",
    "民间",
    "国有",
    "重点",
    "新兴",
    "农村",
    "城镇",
    "中长期",
    "人均",
    "国家",
    "国际",
    "省",
    "市",
    "县",
    "服务业",
    "外资",
    "出口",
    "进口",
    "网络",
    "累计",
    "年均",
)


_ROMAN = str.maketrans({"Ⅰ": "I", "Ⅱ": "II", "Ⅲ": "III", "Ⅳ": "IV", "Ⅴ": "V", "Ш": "III"})
#: What a review says in brackets beside a name: 中欧班列（义新欧）.
_ASIDE = re.compile(r"\([^()]{1,12}\)")
#: An event in brackets beside an event is one more of the kind counted: 演唱会（音乐节）164场
#: counts both.
_ASIDE_EVENT = re.compile(r"(?<=[会节赛展])\(([^()]{1,10}[会节赛展])\)")


#: 生产总值 and GDP without 地区 before them (全省生产总值) are 地区生产总值.
_GDP = re.compile(r"(?:全省|全市)?(?<!地区)(?:生产总值|GDP)")


def normal(text: str) -> str:
    """`text` written in the one way both sides are compared in."""
    out = _ASIDE_EVENT.sub(r"、\1", text.translate(_ROMAN))
    out = _PUNCTUATION.sub("", _ASIDE.sub("", out))
    out = _LAND_SOLD.sub("供应", out)
    out = _GDP.sub("地区生产总值", out)
    for word, same in _SAME:
        out = out.replace(word, same)
    return _FILLER.sub("", out)


class Alignment(msgspec.Struct, frozen=True, kw_only=True):
    """How a promise's words (the key) lie in a review's words (the context).

    `matched` counts the key's characters found, in order; `missing` are the runs of the key
    not found, `inserted` the runs of the context inside the matched span that the key does not
    have; `before` and `after` the context outside the span.
    """

    key: str
    matched: int
    missing: tuple[str, ...]
    inserted: tuple[str, ...]
    before: str
    after: str

    @property
    def share(self) -> float:
        return self.matched / len(self.key) if self.key else 0.0


_MATCH, _MISS, _INSERT = 2.0, 2.0, 0.6


def align(key: str, context: str) -> Alignment:
    """The best alignment of all of `key` inside `context` (the context around it is free, a
    gap inside costs a little, a character of the key left out costs as much as one found)."""
    rows, cols = len(key), len(context)
    score = [[0.0] * (cols + 1) for _ in range(rows + 1)]
    move = [[0] * (cols + 1) for _ in range(rows + 1)]  # 1 match, 2 key missing, 3 inserted
    for i in range(1, rows + 1):
        score[i][0] = -_MISS * i
        move[i][0] = 2
        k = key[i - 1]
        row, above = score[i], score[i - 1]
        for j in range(1, cols + 1):
            best, how = above[j] - _MISS, 2
            if k == context[j - 1] and above[j - 1] + _MATCH >= best:
                best, how = above[j - 1] + _MATCH, 1
            if row[j - 1] - _INSERT > best:
                best, how = row[j - 1] - _INSERT, 3
            row[j], move[i][j] = best, how
    end = max(range(cols + 1), key=lambda j: (score[rows][j], j))
    matched_at: list[int] = []
    key_found = [False] * rows
    i, j = rows, end
    while i > 0:
        how = move[i][j]
        if how == 1:
            matched_at.append(j - 1)
            key_found[i - 1] = True
            i, j = i - 1, j - 1
        elif how == 2:
            i -= 1
        else:
            j -= 1
    matched_at.reverse()
    if not matched_at:
        return Alignment(key=key, matched=0, missing=(key,), inserted=(), before=context, after="")
    first, last = matched_at[0], matched_at[-1]
    taken = set(matched_at)
    inserted = _runs(context, [p for p in range(first, last + 1) if p not in taken])
    missing = _runs(key, [p for p in range(rows) if not key_found[p]])
    return Alignment(
        key=key,
        matched=len(matched_at),
        missing=tuple(missing),
        inserted=tuple(inserted),
        before=context[:first],
        after=context[last + 1 :],
    )


def _runs(text: str, positions: list[int]) -> list[str]:
    runs: list[str] = []
    start = previous = None
    for p in positions:
        if previous is not None and p == previous + 1:
            previous = p
            continue
        if start is not None and previous is not None:
            runs.append(text[start : previous + 1])
        start = previous = p
    if start is not None and previous is not None:
        runs.append(text[start : previous + 1])
    return runs


def key_runs(alignment: Alignment) -> list[tuple[bool, str]]:
    """The key in runs, in order, each marked found (True) or left out by the context."""
    key, runs, at = alignment.key, [], 0
    for gap in alignment.missing:
        where = key.find(gap, at)
        if where == -1:
            return [(True, key)]
        if where > at:
            runs.append((True, key[at:where]))
        runs.append((False, gap))
        at = where + len(gap)
    if at < len(key):
        runs.append((True, key[at:]))
    return runs


_NUMERAL = re.compile(r"[\d一二三四五六七八九十百]")
#: The most characters of one word a short name (简称) leaves out: 易博览 of 贸易博览会.
_ABBREVIATED = 3


def abbreviates(alignment: Alignment) -> bool:
    """The context names the key by its short name (简称), formed as reports form them: one or
    two characters kept of each word of the full name, in order, the first word's and the last
    character's always (全球数贸会 for 全球数字贸易博览会); a place or an ordinal before the
    name may go (四届…, 第四届…). A name whose words are kept whole but one (A市人民医院 for
    A市第一人民医院) is another name, not a short one."""
    if alignment.inserted or alignment.matched < 5:
        return False
    runs = key_runs(alignment)
    if runs and not runs[0][0]:
        if _NUMERAL.search(runs[0][1]):
            return False  # 五届 is not 第四届
        runs = runs[1:]  # 第 of an ordinal, or a place before the name
    if len(runs) < 5 or not runs[0][0] or not runs[-1][0]:
        return False
    gaps = [text for found, text in runs if not found]
    kept_after = [text for found, text in runs[1:] if found]
    return (
        all(len(gap) <= _ABBREVIATED for gap in gaps)
        and len(kept_after) >= 2
        and all(len(kept) <= 2 for kept in kept_after)
    )
