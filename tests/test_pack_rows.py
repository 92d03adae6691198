"""The pack's rows at their edges: the account's word before the year is out, the reason a row
shows, the doubts it carries, the months its history holds, and how a pack is built by default."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import msgspec
import pytest

import reportcheck
from reportcheck.actuals import read_actuals
from reportcheck.output.pack.markdown import pack_markdown
from reportcheck.registry.records import Registry
from reportcheck.review.pack import Bands, Pack, Row, build_pack, parse_bands
from reportcheck.review.status import Light, Status, Verdict

from .conftest import EXAMPLES

Write = Callable[..., Path]
HEAD = "id,period,value,reason\n"


def pack_of(write: Write, text: str, *args: object, **options: object) -> Pack:
    return reportcheck.review_pack(write(HEAD + text), *args, **options)  # type: ignore[arg-type]


def row(pack: Pack, target_id: str) -> Row:
    return next(r for r in pack.rows if r.target.id == target_id)


# ── the account's word (对照表) ────────────────────────────────────────────────────────────


def test_a_target_met_early_is_not_yet_met_in_the_account(write: Write) -> None:
    # 引进大学生9万名以上: 9.6 万人 by June is met, but the account waits for the year.
    graduates = row(pack_of(write, "graduates,2023-06,9.6,\n"), "graduates")
    assert (graduates.status, graduates.result.final) == (Status.MET, False)
    assert (graduates.light, graduates.verdict) == (Light.GREEN, Verdict.NOT_REPORTED)


def test_a_year_end_figure_short_of_the_target_is_missed_in_the_account(write: Write) -> None:
    graduates = row(pack_of(write, "graduates,2023-12,8.2,\n"), "graduates")
    assert (graduates.status, graduates.result.final) == (Status.MISSED, True)
    assert (graduates.light, graduates.verdict) == (Light.RED, Verdict.MISSED)


def test_a_year_end_figure_that_reaches_the_target_is_met_in_the_account(write: Write) -> None:
    graduates = row(pack_of(write, "graduates,2023-12,9.2,\n"), "graduates")
    assert (graduates.status, graduates.verdict) == (Status.MET, Verdict.MET)


# ── 推进情况 and the rows without one ──────────────────────────────────────────────────────


def test_a_row_on_pace_needs_no_reason(write: Write) -> None:
    # 固定资产投资增长9%: 9.5 is on pace; 城镇调查失业率控制在5%以内: 5.4 lags, and says not why.
    pack = pack_of(write, "fai_growth,2023-06,9.5,\nunemployment_rate,2023-06,5.4,\n")
    fai, jobless = row(pack, "fai_growth"), row(pack, "unemployment_rate")
    assert (fai.status, fai.unexplained) == (Status.ON_TRACK, False)
    assert (jobless.status, jobless.unexplained) == (Status.BEHIND, True)
    assert [r.target.id for r in pack.rows if r.unexplained] == ["unemployment_rate"]


def test_text_typed_into_the_pack_follows_the_reason_the_figures_give(write: Write) -> None:
    # What `report --force` keeps of an earlier pack of the month becomes the row's `typed`.
    pack = pack_of(
        write, "new_listed_companies,2023-06,2,路演推迟\ngraduates,2023-06,3.5,\n", history=False
    )
    listed, graduates = row(pack, "new_listed_companies"), row(pack, "graduates")
    assert (listed.reason, graduates.reason, graduates.unexplained) == ("路演推迟", "", True)
    both = msgspec.structs.replace(listed, typed="7月再报2家")
    assert both.reason == "路演推迟;7月再报2家"
    typed_only = msgspec.structs.replace(graduates, typed="招聘会推迟到7月")
    assert (typed_only.reason, typed_only.unexplained) == ("招聘会推迟到7月", False)


# ── what changed since the month before ───────────────────────────────────────────────────


def test_a_row_that_kept_its_status_and_light_has_not_changed(write: Write) -> None:
    # 固定资产投资增长9%: 8.1 in May and in June is 10% short both times, yellow both times.
    pack = pack_of(write, "fai_growth,2023-05,8.1,\nfai_growth,2023-06,8.1,\n", history=False)
    fai = row(pack, "fai_growth")
    assert fai.previous is not None
    assert (fai.previous.status, fai.status) == (Status.BEHIND, Status.BEHIND)
    assert (fai.previous_light, fai.light) == (Light.YELLOW, Light.YELLOW)
    assert fai.change is None


def test_a_row_that_kept_its_status_but_changed_light_says_so(write: Write) -> None:
    # 引进大学生9万名以上: 3.4 in May is 3.9 points behind (yellow), 3.5 in June 11.1 (orange).
    pack = pack_of(write, "graduates,2023-05,3.4,\ngraduates,2023-06,3.5,\n", history=False)
    graduates = row(pack, "graduates")
    assert (graduates.previous_light, graduates.light) == (Light.YELLOW, Light.ORANGE)
    assert graduates.change == "light_changed"


# ── doubts beside a row ──────────────────────────────────────────────────────────────────────


def test_a_row_carries_the_codes_of_the_warnings_about_its_figure(write: Write) -> None:
    pack = pack_of(
        write,
        "graduates,2023-05,5.4,\ngraduates,2023-06,3.4,\ntax_relief,2023-06,1100000,\n"
        "fai_growth,2023-06,8.1,\n",
    )
    assert row(pack, "graduates").doubts == ("cumulative-fell",)
    assert row(pack, "tax_relief").doubts == ("unit-suspect",)
    assert row(pack, "fai_growth").doubts == ()
    assert [w.code for w in pack.warnings] == ["cumulative-fell", "unit-suspect"]


# ── history up to the pack's period ─────────────────────────────────────────────────────────


def test_a_pack_as_of_may_holds_no_june_figure_in_its_history() -> None:
    pack = reportcheck.review_pack(EXAMPLES / "monthly", "2023-05")
    graduates = row(pack, "graduates")
    assert str(pack.period) == "2023-05"
    assert [str(r.period) for r in graduates.history] == ["2023-05"]
    assert graduates.result.actual == Decimal("3.4")
    # gdp_growth is published quarterly: June's figure is beyond a May pack, so none is shown.
    assert row(pack, "gdp_growth").history == ()


# ── build_pack as a library call ─────────────────────────────────────────────────────────────


def test_a_pack_built_with_no_options_is_in_year_with_history_and_the_usual_bands(
    registry: Registry, write: Write
) -> None:
    data = read_actuals(
        [write(HEAD + "graduates,2023-05,3.4,\ngraduates,2023-06,3.5,\n")], registry
    )
    pack = build_pack(registry, data)
    assert (pack.final, pack.year_end, pack.bands) == (False, False, Bands())
    assert Bands().limits == (Decimal(10), Decimal(30))
    graduates = row(pack, "graduates")
    assert [str(r.period) for r in graduates.history] == ["2023-05", "2023-06"]
    assert (graduates.number, graduates.light) == (62, Light.ORANGE)  # 38.9% at 50%
    assert (pack.total, len(pack.rows)) == (169, 169)


# ── bands at their edges ─────────────────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("101,101", "count"),  # equal bands are in order; beyond 100 points they are refused
        ("30,10", "order"),
        ("30,1000", "count"),
    ],
)
def test_bands_out_of_range_or_order_say_which(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=f"^{reason}$"):
        parse_bands(text)


@pytest.mark.parametrize(
    ("text", "limits"),
    [
        ("0,30", (0, 30)),
        ("10.0,30.50", (10, "30.5")),
        ("20,20", (20, 20)),  # equal bands: nothing is orange
        ("100", (100,)),
        ("0" * 18 + "10", (10,)),  # twenty characters: the longest a band may be written in
    ],
)
def test_bands_are_read_as_numbers(text: str, limits: tuple[int | str, ...]) -> None:
    assert parse_bands(text) == Bands(tuple(Decimal(x) for x in limits))


def test_with_a_first_band_of_zero_any_lag_is_orange(write: Write) -> None:
    # 4.45 万人 of 9 is 49.4% at 50.0% of the year: 0.6 points behind.
    pack = pack_of(write, "graduates,2023-06,4.45,\n", bands="0,30", history=False)
    graduates = row(pack, "graduates")
    assert (graduates.status, graduates.result.progress.behind) == (Status.BEHIND, Decimal("0.6"))
    assert graduates.light is Light.ORANGE
    assert "落后序时进度不超过0个百分点为黄灯" in pack_markdown(pack, "zh")


def test_with_one_band_a_row_beyond_it_is_red(write: Write) -> None:
    # 引进大学生9万名以上, June: 3.5 is 11.1 points behind 序时进度; 1.7 is 31.1 behind.
    for value, light in (("3.6", Light.YELLOW), ("3.5", Light.RED), ("1.7", Light.RED)):
        pack = pack_of(write, f"graduates,2023-06,{value},\n", bands="10", history=False)
        assert row(pack, "graduates").light is light, value
