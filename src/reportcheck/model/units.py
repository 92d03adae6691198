"""Units the registry and actuals may use, and the scales between them."""

from collections.abc import Mapping
from decimal import Context, Decimal
from fractions import Fraction

import msgspec

#: Significant digits of a converted figure whose exact value has no end in decimals (1/3).
CONVERTED_DIGITS = 34


class Unit(msgspec.Struct, frozen=True, kw_only=True):
    symbol: str
    family: str  # units of one family convert into each other
    factor: Fraction  # size in the family's base unit, exactly (a declared "1/3" stays 1/3)
    en: str


def _family(family: str, *units: tuple[str, int | str, str]) -> dict[str, Unit]:
    return {s: Unit(symbol=s, family=family, factor=Fraction(f), en=en) for s, f, en in units}


UNITS: dict[str, Unit] = {
    **_family(
        "yuan",
        ("元", 1, "CNY"),
        ("万元", 10**4, "10k CNY"),
        ("亿元", 10**8, "100M CNY"),
        ("万亿元", 10**12, "trillion CNY"),
        ("億元", 10**8, "100M CNY"),
        ("萬元", 10**4, "10k CNY"),
        ("萬億元", 10**12, "trillion CNY"),
    ),
    **_family(
        "usd",
        ("美元", 1, "USD"),
        ("万美元", 10**4, "10k USD"),
        ("亿美元", 10**8, "100M USD"),
        ("萬美元", 10**4, "10k USD"),
        ("億美元", 10**8, "100M USD"),
    ),
    **_family(
        "people",
        ("人", 1, "people"),
        ("名", 1, "people"),
        ("万人", 10**4, "10k people"),
        ("万名", 10**4, "10k people"),
        ("萬人", 10**4, "10k people"),
        ("萬名", 10**4, "10k people"),
    ),
    **_family(
        "visits",
        ("人次", 1, "visits"),
        ("万人次", 10**4, "10k visits"),
        ("亿人次", 10**8, "100M visits"),
        ("萬人次", 10**4, "10k visits"),
        ("億人次", 10**8, "100M visits"),
    ),
    **_family(
        "household",
        ("户", 1, "households"),
        ("万户", 10**4, "10k households"),
        ("戶", 1, "households"),
        ("萬戶", 10**4, "10k households"),
    ),
    **_family(
        "mu", ("亩", 1, "mu"), ("万亩", 10**4, "10k mu"), ("畝", 1, "mu"), ("萬畝", 10**4, "10k mu")
    ),
    **_family(
        "hectare",
        ("公顷", 1, "ha"),
        ("万公顷", 10**4, "10k ha"),
        ("公頃", 1, "ha"),
        ("平方公里", 100, "km²"),
    ),
    **_family(
        "area", ("平方米", 1, "m²"), ("万平方米", 10**4, "10k m²"), ("萬平方米", 10**4, "10k m²")
    ),
    **_family(
        "tonne",
        ("吨", 1, "t"),
        ("万吨", 10**4, "10k t"),
        ("亿吨", 10**8, "100M t"),
        ("噸", 1, "t"),
        ("萬噸", 10**4, "10k t"),
        ("億噸", 10**8, "100M t"),
    ),
    **_family(
        "kilowatt", ("千瓦", 1, "kW"), ("万千瓦", 10**4, "10 MW"), ("萬千瓦", 10**4, "10 MW")
    ),
    **_family(
        "teu",
        ("标箱", 1, "TEU"),
        ("万标箱", 10**4, "10k TEU"),
        ("標箱", 1, "TEU"),
        ("萬標箱", 10**4, "10k TEU"),
    ),
    **_family(
        "dwelling", ("套", 1, "units"), ("万套", 10**4, "10k units"), ("萬套", 10**4, "10k units")
    ),
    **_family("percent", ("%", 1, "%")),
    **_family("permille", ("‰", 1, "‰")),
    **_family("points", ("个百分点", 1, "pp"), ("個百分點", 1, "pp")),
    **_family(
        "item",
        ("个", 1, "items"),
        ("個", 1, "items"),
        ("项", 1, "items"),
        ("項", 1, "items"),
        ("件", 1, "items"),
    ),
    **_family(
        "firm", ("家", 1, "firms"), ("万家", 10**4, "10k firms"), ("萬家", 10**4, "10k firms")
    ),
    **_family(
        "session",
        ("场次", 1, "events"),
        ("场", 1, "events"),
        ("場次", 1, "events"),
        ("場", 1, "events"),
        ("次", 1, "times"),
    ),
    **_family("school", ("所", 1, "schools")),
    **_family("bed", ("张", 1, "beds"), ("張", 1, "beds")),
    **_family("route", ("条", 1, "routes"), ("條", 1, "routes")),
    **_family("structure", ("座", 1, "structures")),
    **_family("train", ("列", 1, "trains")),
    **_family("village", ("村", 1, "villages")),
    **_family("km", ("公里", 1, "km"), ("千米", 1, "km"), ("米", "0.001", "m")),
    **_family("rank", ("位", 1, "rank"), ("名次", 1, "rank")),
    **_family("ratio", ("倍", 1, "times")),
    **_family("yesno", ("是/否", 1, "yes/no")),
}


def convert(
    value: Decimal, from_unit: str, to_unit: str, table: Mapping[str, Unit] = UNITS
) -> Decimal | None:
    """`value` in `from_unit` expressed in `to_unit`; None when the two do not convert."""
    source, target = table.get(from_unit), table.get(to_unit)
    if source is None or target is None or source.family != target.family:
        return None
    if source.factor == target.factor:
        return value
    return exact_decimal(Fraction(value) * source.factor / target.factor)


def exact_decimal(value: Fraction) -> Decimal:
    """`value` as a Decimal: exactly whenever its decimals end (18 × 1/3 is 6, not 5.99…);
    otherwise to CONVERTED_DIGITS significant digits."""
    rest, twos, fives = value.denominator, 0, 0
    while rest % 2 == 0:
        rest, twos = rest // 2, twos + 1
    while rest % 5 == 0:
        rest, fives = rest // 5, fives + 1
    if rest == 1:
        places = max(twos, fives)
        return Decimal(f"{value.numerator * 10**places // value.denominator}e-{places}")
    numerator, denominator = Decimal(value.numerator), Decimal(value.denominator)
    return Context(prec=CONVERTED_DIGITS).divide(numerator, denominator)


def compatible_units(unit: str, table: Mapping[str, Unit] = UNITS) -> list[str]:
    family = table[unit].family
    return [u.symbol for u in table.values() if u.family == family]


def unit_label(unit: str, lang: str, table: Mapping[str, Unit] = UNITS) -> str:
    return table[unit].en if lang == "en" and unit in table else unit
