"""The small table of wordings: which words make which rule, which units, which subjects."""

from __future__ import annotations

import re
from decimal import Decimal

from reportcheck.model.units import UNITS

#: Families whose units are no counts: 万 before them is no multiple (1万分钟 is not written).
_NOT_COUNTED = ("percent", "points", "rank", "ratio", "minute")
#: Units a number may carry, longest first when matched. Families and factors of those not
#: built into reportcheck are declared by the drafted registry itself.
UNIT_WORDS: dict[str, tuple[str, int]] = {
    "%": ("percent", 1),
    "个百分点": ("points", 1),
    "元": ("yuan", 1),
    "万元": ("yuan", 10**4),
    "亿元": ("yuan", 10**8),
    "万亿元": ("yuan", 10**12),
    "美元": ("usd", 1),
    "万美元": ("usd", 10**4),
    "亿美元": ("usd", 10**8),
    "人": ("people", 1),
    "名": ("people", 1),
    "万人": ("people", 10**4),
    "万名": ("people", 10**4),
    "人次": ("visits", 1),
    "万人次": ("visits", 10**4),
    "千瓦": ("kilowatt", 1),
    "万千瓦": ("kilowatt", 10**4),
    "标箱": ("teu", 1),
    "万标箱": ("teu", 10**4),
    "套": ("dwelling", 1),
    "万套": ("dwelling", 10**4),
    "户": ("household", 1),
    "万户": ("household", 10**4),
    "亩": ("mu", 1),
    "万亩": ("mu", 10**4),
    "公顷": ("hectare", 1),
    "吨": ("tonne", 1),
    "万吨": ("tonne", 10**4),
    "亿吨": ("tonne", 10**8),
    "斤": ("jin", 1),
    "万斤": ("jin", 10**4),
    "亿斤": ("jin", 10**8),
    "个": ("item", 1),
    "万个": ("item", 10**4),
    "家": ("firm", 1),
    "场次": ("session", 1),
    "场": ("session", 1),
    "所": ("school", 1),
    "张": ("bed", 1),
    "条": ("route", 1),
    "公里": ("km", 1),
    "位": ("rank", 1),
    "倍": ("ratio", 1),
    "座": ("structure", 1),
    "处": ("site", 1),
    "项": ("project", 1),
    "件": ("piece", 1),
    "台": ("machine", 1),
    "辆": ("vehicle", 1),
    "列": ("train", 1),
    "平方米": ("area_m2", 1),
    "万平方米": ("area_m2", 10**4),
    "平方公里": ("hectare", 100),
    "立方米": ("m3", 1),
    "宗": ("plot", 1),
    "栋": ("building", 1),
    "起": ("incident", 1),
    "支": ("team", 1),
    "分钟": ("minute", 1),
    "家次": ("firm_visit", 1),
    "吨标准煤": ("tce", 1),
    "吨标煤": ("tce", 1),
    "微克/立方米": ("ug_m3", 1),
    "分/千瓦时": ("fen_kwh", 1),
    "分/立方米": ("fen_m3", 1),
    "千伏安": ("kva", 1),
    "兆瓦": ("kilowatt", 1000),
    "吉瓦": ("kilowatt", 10**6),
    "千瓦时": ("kwh", 1),
    "标准箱": ("teu", 1),
    "间": ("room", 1),
    "幢": ("building", 1),
    "次": ("session", 1),
    "例": ("case", 1),
    "门": ("course", 1),
    "期": ("issue", 1),
    "篇": ("article", 1),
    "艘": ("vessel", 1),
    "架": ("aircraft", 1),
    "架次": ("flight", 1),
    "头": ("head", 1),
    "只": ("animal", 1),
    "羽": ("bird", 1),
    "株": ("plant", 1),
    "棵": ("plant", 1),
    "公斤": ("kg", 1),
    "千克": ("kg", 1),
    # computing power: P is a petaflops (PFLOPS), E an exaflops
    "P": ("petaflops", 1),
    "PFLOPS": ("petaflops", 1),
    "PFlops": ("petaflops", 1),
    "EFLOPS": ("petaflops", 1000),
    "EFlops": ("petaflops", 1000),
}
#: 万 and 亿 before a unit counted one by one: 6万座, 2.2万栋, 6亿立方米, 500万吨标准煤.
for _unit, (_family, _factor) in list(UNIT_WORDS.items()):
    if _factor == 1 and "/" not in _unit and _family not in _NOT_COUNTED:
        _family = UNITS[_unit].family if _unit in UNITS else _family  # one family per base
        UNIT_WORDS.setdefault(f"万{_unit}", (_family, 10**4))
        UNIT_WORDS.setdefault(f"亿{_unit}", (_family, 10**8))
UNITS_LONGEST_FIRST = sorted(UNIT_WORDS, key=len, reverse=True)
#: What a rate is counted per, after a unit and "/" (15万吨/日, 30万元/人, 100立方米/秒).
RATE_PER: dict[str, str] = {
    "日": "day",
    "天": "day",
    "月": "month",
    "年": "year",
    "小时": "hour",
    "秒": "second",
    "人": "person",
    "户": "household",
    "亩": "mu",
    "吨": "tonne",
    "千瓦时": "kwh",
    "立方米": "m3",
    "平方米": "m2",
    "公里": "km",
}
_PER_LONGEST_FIRST = sorted(RATE_PER, key=len, reverse=True)
#: The most characters a unit is written with, a rate's included (万吨标准煤/千瓦时).
UNIT_REACH = max(map(len, UNIT_WORDS)) + 1 + max(map(len, RATE_PER))


def unit_at(text: str, position: int) -> str:
    """The unit written at `position` (the longest of UNIT_WORDS), with what a rate is counted
    per when "/" follows (15万吨/日 is 万吨/日, 30万元/人 is 万元/人); "" when none is."""
    rest = text[position : position + UNIT_REACH]
    unit = next((u for u in UNITS_LONGEST_FIRST if rest.startswith(u)), "")
    if unit and "/" not in unit and rest.startswith("/", len(unit)):
        per = next((p for p in _PER_LONGEST_FIRST if rest.startswith(p, len(unit) + 1)), "")
        if per:
            unit = f"{unit}/{per}"
    return unit


#: What 万 and 亿 make of a figure written with no unit after them (为80万重点群体).
MULTIPLES = {"万亿": 10**12, "万": 10**4, "亿": 10**8}
#: The unit a noun counts in, for a figure written with 万 or 亿 and no unit (为80万重点群体 is
#: 万人, 汽车出口“10万+” is 万辆): the noun after the figure first, else the one before it.
NOUN_UNITS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"人|群体|劳动力|青年|学生|毕业生|人才|老年|儿童|职工|农民工|居民|群众|游客|旅客"
            r"|志愿者|患者|会员|用户|员工"
        ),
        "人",
    ),
    (re.compile(r"家庭|农户|住户|市场主体|经营主体|商户"), "户"),
    (re.compile(r"企业|公司"), "家"),
    (re.compile(r"汽车|车辆|新能源车"), "辆"),
    (re.compile(r"住房|房源"), "套"),
)


def noun_unit(noun: str) -> str:
    """The unit the words of a noun count in (重点群体: 人, 汽车出口: 辆), or ""."""
    found = [(m.start(), unit) for pattern, unit in NOUN_UNITS if (m := pattern.search(noun))]
    return min(found)[1] if found else ""


def unit_scale(unit: str) -> tuple[str, int]:
    """A unit's family and its size in the family's base unit: from UNIT_WORDS, a rate's
    from its first unit and what it is counted per (万吨/日: tonne_per_day, 10000), else the
    unit itself, of size 1."""
    if unit in UNIT_WORDS:
        return UNIT_WORDS[unit]
    if unit in MULTIPLES:
        return "count", MULTIPLES[unit]  # 80万 of something unnamed: a count in ten thousands
    first, _, per = unit.partition("/")
    if first in UNIT_WORDS and per in RATE_PER:
        family, factor = UNIT_WORDS[first]
        return f"{family}_per_{RATE_PER[per]}", factor
    return unit, 1


#: 前3季度, 前两年: a time, not a rank.
_NOT_A_RANK = re.compile(r"季度|个?月|年|天|周")
_AT_MOST_BEFORE = re.compile(
    r"(控制在|不超过|不高于|低于|少于|不发生|(?:缩小|降|下降|缩短|压减|压缩|减少)(?:至|到|为))$"
)
#: 保持全省第1, 稳居全国城市第3: a rank.
_RANK_BEFORE = re.compile(r"(?:全省|全国|全市|全球|城市|省内|国内|同类)第$")
#: 保7争6 and 争七保八: the rank kept (7, 8) and the one strived for.
_STRIVE_AFTER = re.compile(r"争[\d一二三四五六七八九十]")
_KEEP_AFTER_STRIVE = re.compile(r"争[\d一二三四五六七八九十]{1,2}保$")
_STRIVE_AFTER_KEEP = re.compile(r"保[\d一二三四五六七八九十]{1,2}争$")
_KEEP_BEFORE_STRIVE = re.compile(r"保[\d一二三四五六七八九十]")


def kept_rank(before: str, after: str) -> bool:
    """Whether a figure is the rank kept of 保7争6 / 争七保八 (`before` and `after` are the
    words around it): the rank promised, the one strived for only hoped."""
    return bool(
        _KEEP_AFTER_STRIVE.search(before) or (before.endswith("保") and _STRIVE_AFTER.match(after))
    )


def strived_rank(before: str, after: str) -> bool:
    """Whether a figure is the rank strived for of 保7争6 / 争七保八 (6 and 7): hoped for."""
    return bool(
        _STRIVE_AFTER_KEEP.search(before)
        or (before.endswith("争") and _KEEP_BEFORE_STRIVE.match(after))
    )


_MORE_BEFORE = re.compile(r"(超过|突破|超|多于|高于|破)$")
_AT_LEAST_BEFORE = re.compile(r"(不低于|不少于|至少)$")
# Less is better for these; a fall written as 下降/压减 X% is entered as a magnitude instead.
_DOWN_SUBJECT = re.compile(r"失业率|价格|涨幅|CPI|浓度|负债|事故|死亡|发生率")
_POINTS_DOWN = re.compile(r"(下降|降低|减少|缩小)[^,。;]*$")

#: A rise promised without a figure (研发投入强度有所提升): above last year's level, by how much
#: unsaid; drafted as steady with no tolerance, the nearest rule, and marked to check.
RISE_UNSAID = re.compile(r"有所(?:提升|提高|增长|上升|增加|扩大)")

WORDING_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(r"(进一步|持续|逐步|继续|有所)(缩小|降低|下降|减少)|稳中有降|双下降"),
        "below_baseline",
    ),
    # a rank rises when its number falls: 排名实现进位, 位次前移
    (re.compile(r"(排名|位次|排位)(实现|持续|继续)?(进位|前移)"), "below_baseline"),
    (re.compile(r"与[^,。;]{1,20}(基本)?同步"), "in_step"),
    (re.compile(r"基本稳定|保持稳定|稳中有升|不低于(去年|上年)"), "steady"),
    (RISE_UNSAID, "steady"),
    (re.compile(r"(保持|稳定)[^,。;]{0,10}(份额|占比)$"), "steady"),
    (re.compile(r"(快于|高于|不低于|超过)[^,。;]{0,16}(增长|增速|增幅|平均|占比)"), "faster_than"),
    (re.compile(r"(完成|达到)(省|市|国家|上级)?(定|下达)"), "done"),
    (re.compile(r"完成[^,。;]{0,20}(约束性|控制性)(任务|指标)$"), "done"),
)

#: Any of WORDING_RULES, searched for once.
_ANY_RULE = re.compile("|".join(f"(?:{p.pattern})" for p, _ in WORDING_RULES))


def comparator_for(before: str, after: str, unit: str) -> str:
    """The rule a number's wording implies; `before` and `after` are the words around it."""
    if unit in ("位", "名", "") and before.endswith("前") and not _NOT_A_RANK.match(after):
        return "rank_within"  # 稳定在全省前4, 进入前25位
    if unit in ("位", "") and (
        _RANK_BEFORE.search(before) or after.startswith("领跑") or kept_rank(before, after)
    ):
        return "rank_within"
    if unit == "个百分点" and re.search(r"(提高|提升|增加|上升|下降|降低|缩小|减少)", before):
        return "rise_by"
    if before.endswith("约") or after.startswith("左右"):
        return "about"  # 控制在3%左右 too: about, with less the better
    if after.startswith("多"):
        return "more_than"  # 20多个
    if _AT_LEAST_BEFORE.search(before) or after.startswith("以上"):
        return "at_least"  # 突破…20项以上: the figure's own 以上 over a verb before it
    if after.startswith(("以内", "以下")) or _AT_MOST_BEFORE.search(before):
        return "at_most"
    if _MORE_BEFORE.search(before):
        return "more_than"
    return "at_least"


def direction_for(subject: str, comparator: str, before: str) -> str | None:
    """`down` when less is better for this subject (written only where it is not the default)."""
    if comparator == "rise_by" and _POINTS_DOWN.search(before):
        return "down"
    if comparator in ("about", "at_least", "more_than") and _DOWN_SUBJECT.search(subject):
        return "down"
    if comparator == "about" and _AT_MOST_BEFORE.search(before):
        return "down"
    return None


def rule_without_number(clause: str) -> str | None:
    """The comparator of a clause that states no number (进一步缩小, 基本同步, 完成省定任务)."""
    if _ANY_RULE.search(clause) is None:
        return None  # one search for the many clauses that state no rule
    for pattern, comparator in WORDING_RULES:
        if pattern.search(clause):
            # 城乡差距…进一步缩小: a gap without a measure is an aim, not a ratio to judge
            if comparator == "below_baseline" and "差距" in clause:
                return None
            return comparator
    return None


#: Subjects worth an English id and name; anything else gets a numbered id to rename.
SUBJECTS: tuple[tuple[str, str, str], ...] = (
    ("地区生产总值", "gdp", "GDP"),
    ("一般公共预算收入", "budget_revenue", "General public budget revenue"),
    ("一般公共预算支出", "budget_spending", "General public budget spending"),
    ("一般公共预算总收入", "budget_total_revenue", "Total general budget revenue"),
    ("固定资产投资", "fai", "Fixed-asset investment"),
    ("社会消费品零售总额", "retail_sales", "Retail sales of consumer goods"),
    ("工业增加值", "industrial_value_added", "Industrial value added"),
    ("服务业增加值", "services_value_added", "Services value added"),
    ("研发投入强度", "rd_intensity", "R&D intensity"),
    ("调查失业率", "unemployment_rate", "Surveyed urban unemployment rate"),
    ("居民消费价格", "cpi", "Consumer prices"),
    ("城镇新增就业", "new_urban_jobs", "New urban jobs"),
    ("城镇居民人均可支配收入", "urban_income", "Urban per-capita disposable income"),
    ("农村居民人均可支配收入", "rural_income", "Rural per-capita disposable income"),
    ("人均可支配收入", "income", "Per-capita disposable income"),
    ("收入倍差", "income_ratio", "Urban-rural income ratio"),
    ("出口", "exports", "Exports"),
    ("粮食", "grain", "Grain"),
    ("贷款", "loans", "Loans"),
    ("上市公司", "listed_companies", "Listed companies"),
    ("大学生", "graduates", "Graduates attracted"),
    ("节能减排", "energy_saving", "Energy saving and emission cuts"),
)


def subject_id(subject: str) -> tuple[str, str] | None:
    for words, ident, english in SUBJECTS:
        if words in subject:
            return ident, english
    return None


def kind_for(unit: str, comparator: str, clause: str) -> str:
    if comparator == "done":
        return "yesno"
    if unit in ("%", "个百分点", "位", "倍") or comparator in ("rank_within", "rise_by"):
        return "rate"
    if "余额" in clause or "总量" in clause or "保有" in clause:
        return "stock"
    return "cumulative"


def released_for(subject: str, kind: str) -> str:
    if kind == "yesno":
        return "yearly"
    if re.search(r"地区生产总值|可支配收入|收入倍差", subject):
        return "quarterly"
    if re.search(r"增长|增速|余额|总额|投资|收入|价格|失业|就业|出口|进出口", subject):
        return "monthly"
    return "yearly"


def scaled(value: Decimal, unit: str) -> tuple[Decimal, str]:
    family, factor = unit_scale(unit)
    return value * factor, family
