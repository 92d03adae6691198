"""Units the registry and actuals may use, and the scales between them."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Unit:
    symbol: str
    family: str  # units of one family convert into each other
    factor: Decimal  # size in the family's base unit
    en: str


def _family(family: str, *units: tuple[str, int, str]) -> dict[str, Unit]:
    return {s: Unit(s, family, Decimal(f), en) for s, f, en in units}


UNITS: dict[str, Unit] = {
    **_family(
        "yuan",
        ("元", 1, "CNY"),
        ("万元", 10**4, "10k CNY"),
        ("亿元", 10**8, "100M CNY"),
        ("万亿元", 10**12, "trillion CNY"),
    ),
    **_family(
        "usd", ("美元", 1, "USD"), ("万美元", 10**4, "10k USD"), ("亿美元", 10**8, "100M USD")
    ),
    **_family(
        "people",
        ("人", 1, "people"),
        ("名", 1, "people"),
        ("万人", 10**4, "10k people"),
        ("万名", 10**4, "10k people"),
    ),
    **_family("kilowatt", ("千瓦", 1, "kW"), ("万千瓦", 10**4, "10 MW")),
    **_family("teu", ("标箱", 1, "TEU"), ("万标箱", 10**4, "10k TEU")),
    **_family("dwelling", ("套", 1, "units"), ("万套", 10**4, "10k units")),
    **_family("percent", ("%", 1, "%")),
    **_family("points", ("个百分点", 1, "pp")),
    **_family("item", ("个", 1, "items")),
    **_family("firm", ("家", 1, "firms")),
    **_family("session", ("场次", 1, "events")),
    **_family("school", ("所", 1, "schools")),
    **_family("bed", ("张", 1, "beds")),
    **_family("route", ("条", 1, "routes")),
    **_family("km", ("公里", 1, "km")),
    **_family("rank", ("位", 1, "rank")),
    **_family("ratio", ("倍", 1, "times")),
    **_family("yesno", ("是/否", 1, "yes/no")),
}


def convert(value: Decimal, from_unit: str, to_unit: str) -> Decimal | None:
    """`value` in `from_unit` expressed in `to_unit`; None when the two do not convert."""
    source, target = UNITS.get(from_unit), UNITS.get(to_unit)
    if source is None or target is None or source.family != target.family:
        return None
    if source.factor == target.factor:
        return value
    return value * source.factor / target.factor


def compatible_units(unit: str) -> list[str]:
    family = UNITS[unit].family
    return [u.symbol for u in UNITS.values() if u.family == family]


def unit_label(unit: str, lang: str) -> str:
    return UNITS[unit].en if lang == "en" and unit in UNITS else unit
