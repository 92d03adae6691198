"""Values as people type them and as spreadsheets export them: signs, widths, separators, percent
signs, words, and what no figure is (1e999, NaN, a thousand digits, a bound such as >=90)."""

from __future__ import annotations

from ..harness import Case, Check
from ..kit import actuals_case, csv_text, every, judged, warned

C = "values"


def _cell(value: str) -> str:
    """`value` as one CSV field, quoted when it must be."""
    if any(c in value for c in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


def read(
    name: str,
    target: str,
    period: str,
    value: str,
    status: str,
    actual: str | None,
    *more: str,
    unit: str = "",
    check: Check | None = None,
    lang: str = "en",
) -> Case:
    header = "id,period,value,unit" if unit else "id,period,value"
    row = f"{target},{period},{_cell(value)}" + (f",{_cell(unit)}" if unit else "")
    verdict = judged(target, status, actual)
    return actuals_case(
        C,
        name,
        "read",
        csv_text(row, *more, header=header),
        check=every(verdict, check) if check else verdict,
        lang=lang,
    )


def refused(
    name: str,
    target: str,
    value: str,
    *codes: str,
    unit: str = "",
    period: str = "2023-06",
    lang: str = "en",
) -> Case:
    header = "id,period,value,unit" if unit else "id,period,value"
    row = f"{target},{period},{_cell(value)}" + (f",{_cell(unit)}" if unit else "")
    shown = (unit or value).strip()[:20]
    return actuals_case(
        C,
        name,
        "refused",
        csv_text(row, header=header),
        codes=codes or ("not-a-number",),
        mentions=(":2:",) + ((shown,) if shown.isprintable() and shown else ()),
        lang=lang,
    )


GDP, JUNE, YEAR = "gdp_growth", "2023-06", "2023"

CASES: list[Case] = [
    # the signs
    read("plain", GDP, JUNE, "5.7", "on_track", "5.7"),
    read("plus", GDP, JUNE, "+5.7", "on_track", "5.7"),
    read("hyphen-minus", GDP, JUNE, "-5.7", "behind", "-5.7"),
    read("minus-sign", GDP, JUNE, "−5.7", "behind", "-5.7"),
    read("full-width-minus", GDP, JUNE, "－5.7", "behind", "-5.7"),
    read("full-width-plus", GDP, JUNE, "＋5.7", "on_track", "5.7"),
    read("minus-zero", GDP, JUNE, "-0", "behind", "0"),
    refused("two-signs", GDP, "--5.7"),
    refused("sign-after", GDP, "5.7-"),
    read("en-dash", GDP, JUNE, "–5.7", "behind", "-5.7"),
    # widths and spaces
    read("full-width-digits", GDP, JUNE, "５．７", "on_track", "5.7"),
    read("full-width-percent", GDP, JUNE, "５．７％", "on_track", "5.7"),
    read("spaces-around", GDP, JUNE, "  5.7 ", "on_track", "5.7"),
    read("ideographic-spaces", GDP, JUNE, "\u30005.7\u3000", "on_track", "5.7"),
    read("no-break-spaces", GDP, JUNE, "\u00a05.7\u00a0", "on_track", "5.7"),
    read("tab-around", GDP, JUNE, "\t5.7\t", "on_track", "5.7"),
    refused("space-inside", GDP, "5 .7"),
    refused("zero-width-space", GDP, "5\u200b.7"),
    read("arabic-indic-digits", GDP, JUNE, "٥.٧", "on_track", "5.7"),
    refused("chinese-numerals", GDP, "五点七"),
    refused("superscript-digits", GDP, "⁵.⁷"),
    refused("footnote-mark", GDP, "5.7¹"),
    refused("footnote-squared", "fai_growth", "10²"),
    refused("subscript", GDP, "5.7₁"),
    refused("circled", GDP, "⑤"),
    refused("digit-full-stop", GDP, "⒌7"),
    # separators
    read("thousands", "fai_level", JUNE, "1,867.9", "not_due", "1867.9"),
    read("thousands-full-width", "fai_level", JUNE, "1，867.9", "not_due", "1867.9"),
    read("thousands-two", "platform_revenue", JUNE, "3,250,000.5", "met", "3250000.5"),
    refused("thousands-misplaced", "fai_level", "18,67.9"),
    refused("thousands-indian", "fai_level", "1,86,790"),
    refused("decimal-comma", "fai_level", "1867,9"),
    refused("european", "fai_level", "1.867,9"),
    refused("space-thousands", "fai_level", "1 867.9"),
    refused("two-points", GDP, "5.7.1"),
    read("leading-zeros", GDP, JUNE, "005.70", "on_track", "5.7"),
    read("trailing-zeros", GDP, JUNE, "5.700000000000000000000", "on_track", "5.7"),
    read("bare-point", GDP, JUNE, ".7", "behind", "0.7"),
    refused("point-only", GDP, "."),
    # percent signs
    read("percent", GDP, JUNE, "5.7%", "on_track", "5.7"),
    read("percent-space", GDP, JUNE, "5.7 %", "on_track", "5.7"),
    refused("percent-on-people", "graduates", "5%", "not-a-number"),
    refused("two-percent", GDP, "5.7%%"),
    refused("per-mille", GDP, "57‰"),
    # what no figure is
    refused("1e999", GDP, "1e999"),
    refused("1e-999", GDP, "1e-999"),
    read("exponent", GDP, JUNE, "5.7e0", "on_track", "5.7"),
    read("exponent-excel", "platform_revenue", JUNE, "1.5E+3", "behind", "1500"),
    refused("nan", GDP, "NaN"),
    refused("nan-lower", GDP, "nan"),
    refused("snan", GDP, "sNaN"),
    refused("infinity", GDP, "Infinity"),
    refused("minus-inf", GDP, "-inf"),
    refused("infinity-sign", GDP, "∞"),
    refused("17-digits", "platform_revenue", "1" + "0" * 16),
    refused("11-places", GDP, "5.12345678901"),
    refused("5000-digits", "platform_revenue", "9" * 3999),
    refused("long-fraction", GDP, "0." + "3" * 3000),
    refused("hex", GDP, "0x10"),
    refused("fraction", GDP, "57/10"),
    refused("dash-for-no-data", GDP, "-"),
    refused("em-dash-for-no-data", GDP, "—"),
    refused("words", GDP, "约5.7"),
    # a figure published as a bound: judged where the bound settles the rule (超过90%)
    read("bound-at-least", "village_income_share", YEAR, ">=90", "undetermined", "90"),
    read("bound-words", "village_income_share", YEAR, "90以上", "undetermined", "90"),
    read("bound-more-than", "village_income_share", YEAR, "超过90", "met", "90"),
    read("bound-unicode", "village_income_share", YEAR, "≥90", "undetermined", "90"),
    refused("bound-on-yes-no", "energy_saving", ">=1", "bound-refused"),
    refused("range", GDP, "5.5-6"),
    refused("formula", GDP, "=5+0.7"),
    refused("zh-not-a-number", GDP, "abc", lang="zh"),
    refused("zh-1e999", GDP, "1e999", lang="zh"),
    # empty is no data
    read("empty", GDP, JUNE, "", "no_data", None, "graduates,2023-06,4.6"),
    read("blank", GDP, JUNE, "   ", "no_data", None, "graduates,2023-06,4.6"),
    # exactness at the edges
    read("at-the-tolerance", GDP, YEAR, "5.5", "met", "5.5"),
    read("just-below-tolerance", GDP, YEAR, "5.4999999999", "missed", "5.4999999999"),
    read("two-thirds-above", "livelihood_share_of_new_revenue", YEAR, "66.668", "met", "66.668"),
    read("two-thirds-below", "livelihood_share_of_new_revenue", YEAR, "66.666", "missed", "66.666"),
    read(
        "two-thirds-ten-places",
        "livelihood_share_of_new_revenue",
        YEAR,
        "66.6666666667",
        "met",
        "66.6666666667",
    ),
    read(
        "two-thirds-ten-places-below",
        "livelihood_share_of_new_revenue",
        YEAR,
        "66.6666666666",
        "missed",
        "66.6666666666",
    ),
    read("more-than-equal", "loan_balance", YEAR, "10000", "missed", "10000"),
    read("more-than-above", "loan_balance", YEAR, "10000.0000000001", "met", "10000.0000000001"),
    read("sixteen-digits", "platform_revenue", JUNE, "9999999999999999", "met", "9999999999999999"),
    read("cap-at", "unemployment_rate", YEAR, "5", "met", "5"),
    read("cap-above", "unemployment_rate", YEAR, "5.0000000001", "missed", "5.0000000001"),
    # signs of a cut
    read("cut-magnitude", "general_spending_cut", YEAR, "16", "met", "16"),
    read("cut-signed", "general_spending_cut", YEAR, "-16", "met", None),
    read("cut-short", "general_spending_cut", YEAR, "10", "missed", "10"),
    # yes and no
    *(
        read(f"yes-{word}", "energy_saving", YEAR, word, "met", None)
        for word in ("yes", "YES", "true", "1", "是", "完成", "Yes ", "ｙｅｓ")
    ),
    *(
        read(f"no-{word}", "energy_saving", YEAR, word, "missed", None)
        for word in ("no", "false", "0", "否", "未完成")
    ),
    read("not-done-in-june", "energy_saving", JUNE, "否", "not_due", None),
    refused("yes-no-maybe", "energy_saving", "maybe", "not-yes-no"),
    refused("yes-no-number", "energy_saving", "50%", "not-yes-no"),
    refused("yes-no-half", "energy_saving", "0.5", "not-yes-no"),
    refused("yes-on-a-number", GDP, "是"),
    # ranks
    read("rank-met", "innovative_city_rank", YEAR, "4", "met", "4"),
    read("rank-at", "innovative_city_rank", YEAR, "25", "met", "25"),
    read("rank-missed", "innovative_city_rank", YEAR, "26", "missed", "26"),
    refused("rank-zero", "innovative_city_rank", "0", "bad-rank", "not-a-number", period=YEAR),
    refused("rank-negative", "innovative_city_rank", "-3", "bad-rank", "not-a-number", period=YEAR),
    refused(
        "rank-fraction", "innovative_city_rank", "4.5", "bad-rank", "not-a-number", period=YEAR
    ),
    # units
    read("unit-converted", "graduates", JUNE, "45000", "on_track", "4.5", unit="人"),
    read("unit-full-width", "graduates", JUNE, "4.5", "on_track", "4.5", unit="万人 "),
    refused("unit-incompatible", "graduates", "4.5", "incompatible-unit", unit="亿元"),
    refused(
        "unit-unknown", "graduates", "4.5", "incompatible-unit", "unknown-unit", unit="furlong"
    ),
    refused("unit-percent-on-yuan", "platform_revenue", "4.5", "incompatible-unit", unit="%"),
    read("unit-suspect", "graduates", JUNE, "45000", "met", "45000", check=warned("unit-suspect")),
    read(
        "rate-beyond-100",
        "sme_procurement_share",
        JUNE,
        "150",
        "not_due",
        "150",
        check=warned("rate-beyond-100"),
    ),
    # rows
    read(
        "duplicate-row",
        GDP,
        JUNE,
        "5.7",
        "on_track",
        "5.7",
        "gdp_growth,2023-06,5.7",
        check=warned("duplicate-row"),
    ),
    actuals_case(
        C,
        "conflicting-rows",
        "refused",
        csv_text("gdp_growth,2023-06,5.7", "gdp_growth,2023-06,5.8"),
        codes=("conflicting-duplicate",),
        mentions=(":3:", "5.8"),
    ),
    actuals_case(
        C,
        "negative-count",
        "read",
        csv_text("graduates,2023-06,-4"),
        check=every(judged("graduates", "behind", "-4"), warned("negative-count")),
    ),
]
