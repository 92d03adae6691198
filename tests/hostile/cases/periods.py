"""Periods in every form offices write them, Excel's dates and serials, and periods that cannot
be: outside the registry's year, impossible months, dates that do not exist."""

from __future__ import annotations

from pathlib import Path

from ..harness import Case, Check, Outcome, Setup
from ..kit import actuals_case, csv_text, every, figures, judged, says

C = "periods"


def _cell(text: str) -> str:
    return f'"{text}"' if "," in text else text


def read(
    name: str,
    period: str,
    status: str,
    judged_as: str,
    *,
    target: str = "gdp_growth",
    value: str = "5.7",
    lang: str = "en",
) -> Case:
    """`period` is read as `judged_as` (the result names the period it used)."""
    return actuals_case(
        C,
        name,
        "read",
        csv_text(f"{target},{_cell(period)},{value}"),
        check=judged(target, status, value, period=judged_as),
        lang=lang,
    )


def refused(name: str, period: str, *codes: str, lang: str = "en") -> Case:
    return actuals_case(
        C,
        name,
        "refused",
        csv_text(f"gdp_growth,{_cell(period)},5.7"),
        codes=codes or ("bad-period",),
        mentions=(":2:", period.strip()),
        lang=lang,
    )


def option(
    name: str, expect: str, *args: str, check: Check | None = None, codes: tuple[str, ...] = ()
) -> Case:
    """`diff --period …` over a month of figures (May and June)."""

    def build(folder: Path) -> Setup:
        path = figures(
            folder,
            [
                "gdp_growth,2023-05,5.6",
                "gdp_growth,2023-06,5.4",
                "graduates,2023-05,3.8",
                "graduates,2023-06,4.6",
            ],
        )
        return Setup(["diff", str(path), "-f", "json", *args], check=check, keep=(path,))

    return Case(C, name, expect, build, codes=codes)


def template(
    name: str,
    expect: str,
    output: str,
    *args: str,
    check: Check | None = None,
    codes: tuple[str, ...] = (),
) -> Case:
    """`template -o NAME`: the period its name states, or a refusal."""

    def build(folder: Path) -> Setup:
        return Setup(["template", "-o", str(folder / output), *args], check=check)

    return Case(C, name, expect, build, codes=codes)


def _template_period(period: str) -> Check:
    def check(outcome: Outcome) -> str | None:
        written = list(outcome.folder.rglob("*.csv"))
        if len(written) != 1:
            return f"wrote {len(written)} files"
        rows = written[0].read_text(encoding="utf-8-sig").splitlines()[1:]
        periods = {row.split(",")[1] for row in rows}
        return None if periods == {period} else f"filled {sorted(periods)[:3]}, not {period}"

    return check


JUNE = "2023-06"
CASES: list[Case] = [
    read("month", "2023-06", "on_track", JUNE),
    read("month-one-digit", "2023-6", "on_track", JUNE),
    read("month-spaces", "  2023-06 ", "on_track", JUNE),
    read("full-width", "２０２３－０６", "on_track", JUNE),
    read("quarter", "2023-Q2", "on_track", "2023-Q2"),
    read("quarter-lower", "2023q2", "on_track", "2023-Q2"),
    read("first-quarter", "2023-Q1", "on_track", "2023-Q1"),
    read("chinese-month", "2023年6月", "on_track", JUNE),
    read("chinese-month-padded", "2023年06月", "on_track", JUNE),
    read("chinese-cumulative", "2023年1-6月", "on_track", JUNE),
    read("chinese-cumulative-dash", "2023年1—6月", "on_track", JUNE),
    read("chinese-cumulative-tilde", "2023年1~6月", "on_track", JUNE),
    read("chinese-cumulative-zhi", "2023年1至6月", "on_track", JUNE),
    read("chinese-quarter", "2023年一季度", "on_track", "2023-Q1"),
    read("chinese-quarter-ordinal", "2023年第2季度", "on_track", "2023-Q2"),
    read("chinese-half", "2023年上半年", "on_track", "2023-Q2"),
    read("chinese-three-quarters", "2023年前三季度", "on_track", "2023-Q3"),
    read("chinese-year", "2023年全年", "met", "2023"),
    read("year", "2023", "met", "2023"),
    read("december", "2023-12", "met", "2023-12"),
    read("fourth-quarter", "2023-Q4", "met", "2023-Q4"),
    read("date-slash", "2023/6/30", "on_track", JUNE),
    read("date-iso", "2023-06-30", "on_track", JUNE),
    read("date-dots", "2023.6.30", "on_track", JUNE),
    read("date-chinese", "2023年6月30日", "on_track", JUNE),
    read("date-first-day", "2023-06-01", "on_track", JUNE),
    read("year-month-slash", "2023/6", "on_track", JUNE),
    read("excel-serial", "45107", "on_track", JUNE),
    read("excel-serial-first-of-july", "45108", "on_track", "2023-07"),
    read("excel-serial-new-year", "45291", "met", "2023-12"),
    read("zh-month", "2023年6月", "on_track", JUNE, lang="zh"),
    read("cumulative-flow-in-june", "2023-06", "on_track", JUNE, target="graduates", value="4.6"),
    read(
        "cumulative-flow-january-february",
        "2023-02",
        "behind",
        "2023-02",
        target="graduates",
        value="1.4",
    ),
    read(
        "cumulative-flow-in-january-february",
        "2023年1-2月",
        "on_track",
        "2023-02",
        target="graduates",
        value="1.6",
    ),
    read("at-due-in-june", "2023-06", "not_due", JUNE, target="fai_level", value="900"),
    refused("month-13", "2023-13"),
    refused("month-0", "2023-00"),
    refused("quarter-5", "2023-Q5"),
    refused("chinese-month-13", "2023年13月"),
    refused("chinese-backwards", "2023年6-1月"),
    refused("february-29", "2023/2/29"),
    refused("june-31", "2023-06-31"),
    refused("us-date", "6/30/2023"),
    refused("day-first", "30/06/2023"),
    refused("excel-text-month", "Jun-23"),
    refused("serial-zero", "0"),
    refused("serial-negative", "-45107"),
    refused("serial-huge", "99999999999999999999"),
    refused("serial-exponent", "4.5107e4"),
    refused("words", "六月"),
    refused("half-without-year", "上半年"),
    refused("last-year", "2022-12", "period-out-of-year"),
    refused("next-year", "2024-01", "period-out-of-year"),
    refused("far-future", "9999-12", "period-out-of-year"),
    refused("year-zero", "0000-06", "bad-period", "period-out-of-year"),
    refused("serial-last-year", "44926", "period-out-of-year"),
    refused("zh-month-13", "2023-13", lang="zh"),
    refused("zh-last-year", "2022-06", "period-out-of-year", lang="zh"),
    actuals_case(
        C,
        "value-without-period",
        "refused",
        csv_text("gdp_growth,,5.7"),
        codes=("missing-period",),
        mentions=(":2:",),
    ),
    actuals_case(
        C,
        "one-bad-period-many-rows",
        "refused",
        csv_text(*(f"gdp_growth,2023-13,{5 + i / 10}" for i in range(12))),
        codes=("bad-period",),
        mentions=(":2:", "2023-13"),
        check=None,
    ),
    option(
        "option-june",
        "read",
        "--period",
        "2023-06",
        check=judged("gdp_growth", "behind", "5.4", period=JUNE),
    ),
    option(
        "option-may",
        "read",
        "--period",
        "2023-05",
        check=judged("gdp_growth", "on_track", "5.6", period="2023-05"),
    ),
    option(
        "option-chinese-half",
        "read",
        "--period",
        "2023年上半年",
        check=judged("graduates", "on_track", "4.6"),
    ),
    option(
        "option-quarter", "read", "--period", "2023-Q2", check=judged("gdp_growth", "behind", "5.4")
    ),
    option(
        "option-later",
        "read",
        "--period",
        "2023-09",
        check=judged("gdp_growth", "behind", "5.4", period=JUNE),
    ),
    option("option-before-every-figure", "refused", "--period", "2023-03", codes=("no-figures",)),
    option("option-month-13", "refused", "--period", "2023-13", codes=("bad-period",)),
    option("option-last-year", "refused", "--period", "2022-06", codes=("period-out-of-year",)),
    option("option-words", "refused", "--period", "六月", codes=("bad-period",)),
    option("option-empty", "refused", "--period", "", codes=("bad-period", "usage-error")),
    option("option-escape", "refused", "--period", "2023-0\x1b[2J6", codes=("bad-period",)),
    template("template-name", "read", "2023-08.csv", check=_template_period("2023-08")),
    template(
        "template-name-chinese", "read", "湖州2023年三季度.csv", check=_template_period("2023-Q3")
    ),
    template("template-name-other-year", "refused", "2022-08.csv", codes=("period-out-of-year",)),
    # No period in the name, or two: the period column is left for the office to fill.
    template("template-name-none", "read", "figures.csv", check=_template_period("")),
    template("template-name-two", "read", "2023-07-vs-2023-08.csv", check=_template_period("")),
    template(
        "template-option",
        "read",
        "x.csv",
        "--period",
        "2023年1-5月",
        check=_template_period("2023-05"),
    ),
]


def _folder_other_year(folder: Path) -> Setup:
    put_rows = ["gdp_growth,2022-06,5.7", "graduates,2022-06,4"]
    figures(folder / "actuals", put_rows, "2022-06.csv")
    return Setup(["diff", str(folder / "actuals")], mentions=("2022",))


CASES += [
    Case(
        C, "folder-of-last-year", "refused", _folder_other_year, codes=("no-figures", "no-actuals")
    ),
]
_ = (every, says)
