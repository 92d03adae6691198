"""`report` and `review_pack`: the review pack's figures, lights, formats and safety."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import msgspec
import pandas as pd
import pytest
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

import reportcheck
from reportcheck.model.problems import ActualsError, UsageError
from reportcheck.output.pack.html import pack_html
from reportcheck.output.pack.markdown import pack_markdown
from reportcheck.output.pack.paragraphs import count_paragraph
from reportcheck.registry.records import Registry, Target
from reportcheck.review.pack import Bands, Pack, Row, parse_bands
from reportcheck.review.status import Light, Status, Verdict

from .conftest import EXAMPLES, Run
from .packs import formulas

Cli = Callable[..., Run]
Write = Callable[..., Path]
HEAD = "id,period,value,reason\n"


@pytest.fixture
def cli(cli_zh: Callable[..., Run]) -> Callable[..., Run]:
    """These tests read what an analyst's Chinese locale shows."""
    return cli_zh


def pack_of(write: Write, text: str, **options: object) -> Pack:
    return reportcheck.review_pack(write(text), **options)  # type: ignore[arg-type]


def row(pack: Pack, target_id: str) -> Row:
    return next(r for r in pack.rows if r.target.id == target_id)


# ── 完成率, 序时进度, required pace ─────────────────────────────────────────────


def test_cumulative_target_has_completion_pace_and_required_pace(write: Write) -> None:
    graduates = row(pack_of(write, HEAD + "graduates,2023-05,3.4,\n"), "graduates")
    done = graduates.result.progress
    assert done.annual == Decimal(9)
    assert done.completion == Decimal("37.8")  # 3.4 / 9, printed to one place
    assert done.pace == Decimal("41.7")  # 5 / 12
    assert done.ahead == Decimal("-3.9")  # the difference of the two printed figures
    assert done.behind == Decimal("3.9")
    assert done.per_month == Decimal("0.8")  # (9 - 3.4) / 7 remaining months
    assert graduates.status is Status.BEHIND


def test_growth_rate_gets_no_completion_rate(write: Write) -> None:
    done = row(pack_of(write, HEAD + "fai_growth,2023-06,8.1,\n"), "fai_growth").result.progress
    assert (done.completion, done.pace, done.per_month) == (None, None, None)
    assert done.annual == Decimal(9)
    assert done.behind == Decimal("10.0")  # 0.9 short of 9 is 10% short


def test_a_rise_and_a_relative_target_give_the_level_they_held_the_figure_to(
    write: Write,
) -> None:
    figures = (
        "emerging_chains_revenue_share,2023,33.8,\n"
        "gdp_growth,2023,6.6,\nbudget_revenue_growth,2023,6,\n"
    )
    pack = pack_of(write, HEAD + figures)
    rise = row(pack, "emerging_chains_revenue_share")
    assert rise.target.value == Decimal("1.5")  # 提高1.5个百分点: no level of the share
    assert rise.result.progress.annual == rise.result.required
    assert rise.result.progress.annual is not None
    assert rise.result.progress.annual > Decimal(30)  # the baseline share plus 1.5 points
    revenue = row(pack, "budget_revenue_growth").result
    assert revenue.progress.annual == revenue.required == Decimal("6.6")  # GDP's growth


def test_yes_no_commitment_is_not_due_before_year_end(write: Write) -> None:
    early = row(pack_of(write, HEAD + "energy_saving,2023-06,否,\n"), "energy_saving")
    assert early.status is Status.NOT_DUE
    assert (early.light, early.verdict) == (Light.GREY, Verdict.NOT_REPORTED)
    late = row(pack_of(write, HEAD + "energy_saving,2023-12,否,\n"), "energy_saving")
    assert (late.status, late.light, late.verdict) == (Status.MISSED, Light.RED, Verdict.MISSED)


def test_a_result_without_figure_has_no_progress(write: Write) -> None:
    empty = row(pack_of(write, HEAD + "fai_growth,2023-06,8.1,\n"), "graduates").result
    assert empty.status is Status.NO_DATA
    done = empty.progress
    assert (done.completion, done.pace, done.behind, done.per_month) == (None,) * 4


# ── lights and bands ─────────────────────────────────────────────────────────


@pytest.mark.parametrize(
    ("value", "bands", "light"),
    [
        ("4.5", "10,30", Light.GREEN),  # 50% done at 50% of the year
        ("3.6", "10,30", Light.YELLOW),  # 40%: 10 points behind, on the band
        ("3.5", "10,30", Light.ORANGE),  # 38.9%: 11.1 points behind
        ("1.8", "10,30", Light.ORANGE),  # 20%: 30 points behind, on the band
        ("1.7", "10,30", Light.RED),  # 18.9%: 31.1 points behind
        ("3.5", "10", Light.RED),  # one band: beyond it is red
        ("3.5", "15,40", Light.YELLOW),
    ],
)
def test_lights_follow_the_bands(write: Write, value: str, bands: str, light: Light) -> None:
    pack = pack_of(write, HEAD + f"graduates,2023-06,{value},\n", bands=bands)
    assert row(pack, "graduates").light is light


def test_no_figure_has_no_light(write: Write) -> None:
    pack = pack_of(write, HEAD + "graduates,2023-06,4.5,\n")
    assert row(pack, "fai_growth").light is Light.GREY


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("30,10", "order"),
        ("a", "count"),
        ("-1", "count"),
        ("1,2,3", "count"),
        ("", "count"),
        ("nan", "count"),
        ("1e999999", "count"),  # beyond 100 points: no light could ever reach it
        ("10,101", "count"),
    ],
)
def test_bad_bands_are_refused(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match=f"^{reason}$"):
        parse_bands(text)


def test_bad_bands_from_python_say_what_is_expected() -> None:
    with pytest.raises(UsageError, match=r"e\.g\. 10,30"):
        reportcheck.review_pack(EXAMPLES / "monthly", bands="30,10")


def test_bands_parse_full_width_comma() -> None:
    assert parse_bands("10\uff0c30") == Bands((Decimal(10), Decimal(30)))


def test_bands_are_printed_in_the_notes(write: Write) -> None:
    pack = pack_of(write, HEAD + "graduates,2023-06,4.5,\n", bands="12,35")
    markdown = pack_markdown(pack, "zh")
    assert "不超过12个百分点为黄灯" in markdown
    assert "超过35个百分点" in markdown
    assert "not a forecast" in pack_markdown(pack, "en")


# ── reasons, responsible units, changes ─────────────────────────────────────


def test_reason_column_is_read_and_missing_reasons_are_listed(write: Write) -> None:
    pack = pack_of(
        write,
        HEAD + "graduates,2023-06,3.5,招聘会推迟到7月\nfai_growth,2023-06,8.1,\n",
    )
    assert row(pack, "graduates").reason == "招聘会推迟到7月"
    assert not row(pack, "graduates").unexplained
    assert row(pack, "fai_growth").unexplained
    assert "未填写原因的：固定资产投资增速。" in pack_markdown(pack, "zh")


def test_diff_accepts_the_reason_column_without_a_warning(cli: Cli, write: Write) -> None:
    path = write(HEAD + "graduates,2023-06,3.5,招聘会推迟\n")
    result = cli("diff", str(path), "--id", "graduates", "-f", "json")
    assert result.exit_code == 1
    assert "unknown-column" not in result.stderr


def test_lead_unit_from_the_registry_is_shown_and_filterable(
    registry: Registry, write: Write
) -> None:
    original = registry.get("graduates")  # the registry's index, built before the change
    assert original is not None
    assert original.lead is None

    def led(t: Target) -> Target:
        return msgspec.structs.replace(t, lead="市人力社保局" if t.id == "graduates" else None)

    with_leads = msgspec.structs.replace(registry, targets=tuple(led(t) for t in registry.targets))
    assert [t.id for t in with_leads.targets] == [t.id for t in registry.targets]
    graduates = with_leads.get("graduates")
    assert graduates is not None
    assert graduates.lead == "市人力社保局"  # the new registry indexes its own targets
    from reportcheck.actuals import read_actuals
    from reportcheck.review.pack import build_pack

    data = read_actuals([write(HEAD + "graduates,2023-06,3.5,\n")], with_leads)
    pack = build_pack(with_leads, data)
    assert row(pack, "graduates").lead == "市人力社保局"
    assert row(pack, "fai_growth").lead is None
    html = pack_html(pack, "zh")
    assert '<option value="u0">市人力社保局</option>' in html
    assert 'data-lead="u0"' in html
    assert html.count('data-lead="none"') == 168


def test_change_since_the_previous_period(write: Write) -> None:
    pack = pack_of(write, HEAD + "graduates,2023-05,1.0,\ngraduates,2023-06,4.5,\n")
    graduates = row(pack, "graduates")
    assert str(pack.previous) == "2023-05"
    assert graduates.change == "recovered"
    assert "滞后 → 符合进度 (已恢复)" in pack_markdown(pack, "zh")


def test_light_change_without_status_change(write: Write) -> None:
    pack = pack_of(write, HEAD + "graduates,2023-05,1.0,\ngraduates,2023-06,3.6,\n")
    graduates = row(pack, "graduates")
    assert (graduates.previous_light, graduates.light) == (Light.RED, Light.YELLOW)
    assert graduates.change == "light_changed"


# ── count paragraph ─────────────────────────────────────────────────────────


def test_count_paragraph_names_the_lagging_items(write: Write) -> None:
    pack = pack_of(write, HEAD + "graduates,2023-06,3.5,\nfai_growth,2023-06,9.5,\n")
    assert count_paragraph(pack, "zh") == (
        "截至2023年1—6月，169项承诺中，有进度判断的2项：达到序时进度（含已完成）1项、占比50.0%；"
        "未达到序时进度（含未完成）1项，分别是引进大学生；暂无数据167项（其中尚未发布46项、"
        "到期考核61项）。"
    )
    assert count_paragraph(pack, "en") == (
        "As of 2023-06, of 169 commitments, 2 have a reading of progress: 1 on pace or met "
        "(50.0%), 1 behind or missed (University graduates attracted); 167 have no figure (of "
        "them 46 not published yet, 61 judged at their due date)."
    )


# ── year-end account ────────────────────────────────────────────────────────


def test_year_end_run_gives_the_account() -> None:
    pack = reportcheck.review_pack(EXAMPLES / "illustrative-2023.csv")
    assert pack.year_end
    counts = pack.verdict_counts()
    assert sum(counts.values()) == len(pack.rows) == 169
    assert counts[Verdict.MET] == pack.counts()[Status.MET]
    assert counts[Verdict.MISSED] == pack.counts()[Status.MISSED]
    assert count_paragraph(pack, "zh").startswith("2023年169项承诺中：完成")
    markdown = pack_markdown(pack, "zh")
    assert "## 年度目标任务完成情况对照表" in markdown
    assert "非全年数据" not in markdown


def test_final_before_december_draws_the_account_and_says_so() -> None:
    pack = reportcheck.review_pack(EXAMPLES / "monthly", final=True)
    assert pack.year_end
    counts = pack.verdict_counts()
    assert counts[Verdict.MET] + counts[Verdict.MISSED] == 0  # no figure of the year yet
    assert "年度目标任务完成情况对照表（截至2023年1—6月；尚无考核期数据的169项列为未报告" in (
        pack_markdown(pack, "zh")
    )
    plain = reportcheck.review_pack(EXAMPLES / "monthly")
    assert not plain.year_end
    assert "对照表" not in pack_markdown(plain, "zh")


def test_a_december_pack_on_june_figures_calls_nothing_met_or_missed(tmp_path: Path) -> None:
    pack = reportcheck.review_pack(EXAMPLES / "monthly", "2023-12")
    counts = pack.counts()
    assert counts[Status.ON_TRACK] + counts[Status.BEHIND] == 0  # June figures settle nothing
    assert pack.verdict_counts()[Verdict.NOT_REPORTED] == len(pack.rows)
    graduates = row(pack, "graduates")
    assert (graduates.status, graduates.result.interim) == (Status.NO_DATA, Status.ON_TRACK)
    summary = count_paragraph(pack, "zh")
    assert summary.endswith("未完成0项；未报告（尚无可判定的考核期数据）169项。")
    markdown = pack_markdown(pack, "zh")
    assert "对照表（截至2023年1—12月；尚无考核期数据的169项列为未报告" in markdown
    assert "未报告 (按2023年1—6月数据:符合进度)" in markdown
    assert "not reported (on 2023-06 figures: on track)" in pack_html(pack, "en")
    output = tmp_path / "dec.xlsx"
    from reportcheck.output.pack.write import write_pack

    write_pack(pack, output, "zh")
    summary_sheet = load_workbook(output).worksheets[0]
    texts = [c.value for row in summary_sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert any(text.startswith("年度目标任务完成情况对照表（截至2023年") for text in texts)


def test_markdown_has_every_attachment_column_and_rates_to_one_decimal(write: Write) -> None:
    from reportcheck.output.pack.tabular import attachment_table

    pack = pack_of(write, HEAD + "graduates,2023-06,7.5,\n")
    markdown = pack_markdown(pack, "zh")
    header = next(line for line in markdown.splitlines() if line.startswith("| 序号"))
    shown = [cell.strip() for cell in header.strip("|").split("|")]
    given = ("部分", "全省排位", "总量", "总量单位", "数据提示")  # none given: not shown
    assert shown == [h for h in attachment_table(pack, "zh").header if h not in given]
    row = next(line for line in markdown.splitlines() if "| graduates |" in line)
    assert "| 7.5 |" in row  # the figure as given
    assert "| 83.3 |" in row  # 完成率 7.5 / 9 = 83.33…%, to one decimal


# ── Excel ────────────────────────────────────────────────────────────────────

HOSTILE = (
    "id,period,value,reason,note\n"
    'graduates,2023-06,3.5,"=HYPERLINK(""http://x"",""y"")",@SUM(A1)\n'
    "fai_growth,2023-06,8.1,+1 待补,-2\n"
    "new_listed_companies,2023-06,2,<script>alert(1)</script> | **x**,\n"
)


def all_cells(path: Path) -> list[object]:
    book = load_workbook(path)
    return [cell.value for sheet in book.worksheets for line in sheet.iter_rows() for cell in line]


def test_xlsx_has_every_commitment_numbers_as_numbers_and_no_formula(
    cli: Cli, tmp_path: Path
) -> None:
    output = tmp_path / "review.xlsx"
    result = cli("report", "--actuals", str(EXAMPLES / "monthly"), "-o", str(output))
    assert result.exit_code == 0, result.stderr
    book = load_workbook(output)
    assert book.sheetnames == ["汇总", "附件1", "附件2", "附件3", "数据"]
    sheet = book["数据"]
    header = [c.value for c in sheet[1]]
    rows = [dict(zip(header, (c.value for c in line), strict=True)) for line in sheet.iter_rows(2)]
    pack = reportcheck.review_pack(EXAMPLES / "monthly")
    assert [r["编号"] for r in rows] == [r.target.id for r in pack.rows]
    graduates = next(r for r in rows if r["编号"] == "graduates")
    assert graduates["年度目标"] == 9
    assert graduates["完成"] == pytest.approx(5.4)
    assert graduates["完成率(%)"] == 60  # 5.4 of 9
    assert graduates["序时进度(%)"] == 50
    for line in rows:
        for key in ("年度目标", "应达", "完成率(%)", "序时进度(%)", "差距", "剩余月均需完成"):
            assert line[key] is None or isinstance(line[key], (int, float)), (key, line)
    assert sheet.freeze_panes == "E2"
    assert sheet.auto_filter.ref == f"A1:{get_column_letter(len(header))}{len(rows) + 1}"
    light = sheet.cell(2 + [r["编号"] for r in rows].index("graduates"), header.index("灯色") + 1)
    assert light.value in ("绿灯", "黄灯", "橙灯", "红灯")
    assert light.fill.fgColor.rgb.endswith(("C6EFCE", "FFEB9C", "F8CBAD", "FFC7CE"))
    percent = sheet.cell(
        2 + [r["编号"] for r in rows].index("fai_growth"), header.index("完成") + 1
    )
    assert percent.number_format == "#,##0.0"
    assert formulas(output) == []


def test_xlsx_text_from_data_never_becomes_a_formula_and_is_shown_as_it_is(
    cli: Cli, write: Write
) -> None:
    source = write(HOSTILE)
    output = source.parent / "review.xlsx"
    assert cli("report", "--actuals", str(source), "-o", str(output)).exit_code == 0
    assert formulas(output) == []
    book = load_workbook(output)
    cells = {
        c.value: c.data_type
        for s in book.worksheets
        for line in s.iter_rows()
        for c in line
        if isinstance(c.value, str)
    }
    for text in ('=HYPERLINK("http://x","y")', "+1 待补", "@SUM(A1)", "-2"):
        assert cells[text] == "s", text  # a string cell, as typed: no apostrophe before it
    assert not any(v.startswith("'") for v in cells)


def test_a_negative_figures_basis_is_shown_as_it_is_in_excel_and_guarded_in_csv(
    cli: Cli, write: Write
) -> None:
    source = write(HEAD + "industrial_va_growth,2023-06,-3.9,\n")
    workbook, table = source.parent / "review.xlsx", source.parent / "review.csv"
    for output in (workbook, table):
        assert cli("report", "--actuals", str(source), "-o", str(output)).exit_code == 0
    data = load_workbook(workbook)["数据"]
    header = [c.value for c in data[1]]
    (row,) = [line for line in data.iter_rows(2) if line[1].value == "industrial_va_growth"]
    basis = row[header.index("判定依据")]
    assert (basis.value, basis.data_type) == ("-3.9,低于要求 7%,差 10.9", "s")
    assert row[header.index("完成")].value == -3.9  # a number stays a number
    text = table.read_text(encoding="utf-8-sig")
    assert ",'-3.9,低于要求 7%,差 10.9," in text.replace('"', "")  # CSV: guarded


def test_xlsx_year_end_has_the_account_sheet(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "year.xlsx"
    actuals = str(EXAMPLES / "illustrative-2023.csv")
    assert cli("report", "--actuals", actuals, "-o", str(output)).exit_code == 0
    book = load_workbook(output)
    assert book.sheetnames == ["汇总", "附件1", "附件2", "附件3", "数据", "对照表"]
    account = book["对照表"]
    header = [c.value for c in account[1]]
    verdicts = [line[header.index("结果")].value for line in account.iter_rows(2)]
    assert len(verdicts) == 169
    said = {str(v) for v in verdicts}
    assert said <= {"完成", "基本完成", "未完成"} | {v for v in said if v.startswith("未报告")}


def test_xlsx_in_english(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "review.xlsx"
    actuals = str(EXAMPLES / "monthly")
    assert cli("report", "--actuals", actuals, "-o", str(output), "--lang", "en").exit_code == 0
    assert load_workbook(output).sheetnames == ["Summary", "Annex 1", "Annex 2", "Annex 3", "Data"]


# ── CSV, Markdown, HTML ─────────────────────────────────────────────────────


def test_csv_is_utf8_with_bom_and_guarded(cli: Cli, write: Write) -> None:
    source = write(HOSTILE)
    output = source.parent / "review.csv"
    assert cli("report", "--actuals", str(source), "-o", str(output)).exit_code == 0
    data = output.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert text.startswith("序号,编号,部分,目标任务,单位,年度目标,完成,")
    assert "'=HYPERLINK" in text
    assert "\n=" not in text
    assert ",=" not in text


def test_year_end_csv_is_the_account(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "year.csv"
    actuals = str(EXAMPLES / "illustrative-2023.csv")
    assert cli("report", "--actuals", actuals, "-o", str(output)).exit_code == 0
    lines = output.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0] == (
        "序号,部分,指标,目标任务,单位,年度目标,完成,期间,结果,推进情况/原因,责任单位"
    )
    assert len(lines) == 170


def test_markdown_makes_data_inert(write: Write) -> None:
    markdown = pack_markdown(pack_of(write, HOSTILE), "zh")
    assert "<script>" not in markdown
    assert "&lt;script&gt;alert(1)&lt;/script&gt; \\| \\*\\*x\\*\\*" in markdown


def test_html_escapes_data_and_requests_nothing_outside(write: Write) -> None:
    html = pack_html(pack_of(write, HOSTILE), "zh")
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "default-src 'none'" in html
    for outside in ("http://", "https://", "//cdn", "@import", "url("):
        assert outside not in html.replace("http://x", "")


def test_html_has_a_chart_per_figure_with_the_pace_line(write: Write) -> None:
    pack = pack_of(write, HEAD + "graduates,2023-05,3.4,\ngraduates,2023-06,4.5,\n")
    html = pack_html(pack, "zh")
    assert html.count("<svg") == 1
    assert 'class="c-pace" points="5.0,43.0 175.0,5.0"' in html  # 0 in January to 9 in December
    assert "<title>2023-06: 4.5 万人</title>" in html


def year_of_data(folder: Path, registry: Registry) -> Path:
    """Illustrative monthly files for February to December, scaled from the year's figures."""
    from reportcheck.model.numbers import parse_number
    from reportcheck.registry.records import Kind

    lines = (EXAMPLES / "illustrative-2023.csv").read_text(encoding="utf-8").splitlines()[1:]
    folder.mkdir()
    for month in range(2, 13):
        out = ["id,period,value,unit,source,note,reason"]
        for line in lines:
            target_id, _, value, unit, *_ = line.split(",")
            target = registry.get(target_id)
            assert target is not None
            if target.kind is Kind.CUMULATIVE:
                number = parse_number(value, percent_allowed=True) * month / 12
                value = f"{number.quantize(Decimal('0.01'))}"
            out.append(f"{target_id},2023-{month:02d},{value},{unit},,示例数据 illustrative,")
        (folder / f"2023-{month:02d}.csv").write_text("\n".join(out) + "\n", encoding="utf-8")
    return folder


def test_html_for_a_year_of_data_stays_within_2_kib_a_commitment(
    cli: Cli, registry: Registry, tmp_path: Path
) -> None:
    actuals = year_of_data(tmp_path / "actuals", registry)
    output = tmp_path / "review.html"
    assert cli("report", "--actuals", str(actuals), "-o", str(output)).exit_code == 0
    size = output.stat().st_size
    assert size < 2 * 1024 * len(registry.commitments), size
    assert output.read_text(encoding="utf-8").count("<svg") >= 80


# ── the command line ────────────────────────────────────────────────────────


def test_report_writes_each_format(cli_en: Cli, tmp_path: Path) -> None:
    for suffix in ("xlsx", "html", "md", "csv"):
        output = tmp_path / f"review.{suffix}"
        result = cli_en("report", "--actuals", str(EXAMPLES / "monthly"), "-o", str(output))
        assert (result.exit_code, result.stdout) == (0, "")
        assert result.stderr == f"reportcheck: wrote {output} (169 commitments)\n"
        assert output.stat().st_size > 1000


def test_report_says_what_it_wrote_in_the_users_language(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "review.md"
    result = cli(
        "report", "--actuals", str(EXAMPLES / "monthly"), "-o", str(output), "--lang", "zh"
    )
    assert result.exit_code == 0
    assert result.stderr == f"reportcheck: 已写入 {output}(169 项承诺)\n"


def test_report_names_an_output_it_cannot_write(cli_en: Cli, tmp_path: Path) -> None:
    (tmp_path / "taken").write_text("a file, not a folder", encoding="utf-8")
    output = tmp_path / "taken" / "review.md"
    result = cli_en("report", "--actuals", str(EXAMPLES / "monthly"), "-o", str(output))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"reportcheck: error: -o {output}: cannot be written")
    assert "[unwritable-file]" in result.stderr


def test_report_never_overwrites_the_actuals_it_reads(cli_en: Cli, tmp_path: Path) -> None:
    actuals = tmp_path / "2023-06.csv"
    figures = (EXAMPLES / "monthly" / "2023-06.csv").read_bytes()
    actuals.write_bytes(figures)
    result = cli_en("report", "--actuals", str(actuals), "-o", str(actuals))
    assert result.exit_code == 2
    assert result.stderr == (
        f"reportcheck: error: -o {actuals}: is the file of actuals being read [output-in-actuals]\n"
        "reportcheck: 1 error; nothing written\n"
    )
    assert actuals.read_bytes() == figures


@pytest.mark.parametrize(("name", "refused"), [("review.xlsx", True), ("review.html", False)])
def test_report_writes_no_table_into_the_folder_of_actuals(
    cli: Cli, tmp_path: Path, name: str, refused: bool
) -> None:
    folder = tmp_path / "monthly"
    shutil.copytree(EXAMPLES / "monthly", folder)
    result = cli("report", "--actuals", str(folder), "-o", str(folder / name))
    assert result.exit_code == (2 if refused else 0)
    assert ("[output-in-actuals]" in result.stderr) is refused
    assert (folder / name).exists() is not refused


def _registry_with_bands(tmp_path: Path, bands: str) -> Path:
    from reportcheck.registry.shipped import default_registry_path

    shipped = default_registry_path().resolve()
    (tmp_path / "data").mkdir()
    shutil.copytree(shipped.parent.parent / "seeds", tmp_path / "seeds")
    path = tmp_path / "data" / "targets.yaml"
    path.write_text(shipped.read_text(encoding="utf-8") + f"bands: {bands}\n", encoding="utf-8")
    return path


def test_a_registry_sets_the_offices_bands_and_the_option_overrides_them(tmp_path: Path) -> None:
    registry = _registry_with_bands(tmp_path, "[15]")
    pack = reportcheck.review_pack(EXAMPLES / "monthly", targets=registry)
    assert pack.bands.limits == (Decimal(15),)
    assert Light.ORANGE not in {row.light for row in pack.rows}  # one band: three lights
    assert "不超过15个百分点为黄灯" in pack_markdown(pack, "zh")
    chosen = reportcheck.review_pack(EXAMPLES / "monthly", targets=registry, bands="5,20")
    assert chosen.bands.limits == (Decimal(5), Decimal(20))
    shipped = reportcheck.review_pack(EXAMPLES / "monthly")
    assert shipped.bands.limits == (Decimal(10), Decimal(30))


@pytest.mark.parametrize("bands", ["[30, 10]", "[-5]", "[1, 2, 3]", "[]", "ten"])
def test_bands_in_a_registry_are_checked(tmp_path: Path, bands: str) -> None:
    from reportcheck.model.problems import RegistryError
    from reportcheck.registry.load import load_registry

    with pytest.raises(RegistryError) as caught:
        load_registry(_registry_with_bands(tmp_path, bands))
    assert [p.code for p in caught.value.problems] == ["registry-bands"]


def test_report_refuses_an_unknown_output_suffix(cli_en: Cli, tmp_path: Path) -> None:
    output = tmp_path / "review.pdf"
    result = cli_en("report", "--actuals", str(EXAMPLES / "monthly"), "-o", str(output))
    assert result.exit_code == 2
    assert result.stderr == (
        f"reportcheck: error: -o {output}: expected a file name ending .docx, .xlsx, .html, .md or "
        ".csv [bad-output]\n"
        "reportcheck: 1 error; nothing written\n"
    )
    assert not output.exists()


def test_report_refuses_bad_bands(cli_en: Cli, tmp_path: Path) -> None:
    actuals = str(EXAMPLES / "monthly")
    result = cli_en(
        "report", "--actuals", actuals, "-o", str(tmp_path / "r.md"), "--bands", "30,10"
    )
    assert result.exit_code == 2
    assert result.stderr == (
        "reportcheck: error: --bands '30,10': expected one or two numbers of points from 0 to "
        "100, the first not above the second, e.g. 10,30 [bad-bands]\n"
        "reportcheck: 1 error; nothing written\n"
    )


def test_report_needs_actuals(cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = cli("report", "-o", "review.html")
    assert result.exit_code == 2
    assert "[no-actuals]" in result.stderr


def test_report_on_bad_input_lists_every_problem_and_writes_nothing(
    cli: Cli, tmp_path: Path
) -> None:
    output = tmp_path / "review.html"
    result = cli("report", "--actuals", str(EXAMPLES / "bad-input.csv"), "-o", str(output))
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 4 + 1  # and the closing line
    assert not output.exists()


def test_report_to_an_unwritable_place(cli_en: Cli, tmp_path: Path) -> None:
    output = tmp_path / "missing-folder" / "review.html"
    result = cli_en("report", "--actuals", str(EXAMPLES / "monthly"), "-o", str(output))
    assert result.exit_code == 2
    assert result.stderr.startswith(f"reportcheck: error: -o {output}: cannot be written")


def test_report_period_out_of_year(cli: Cli, tmp_path: Path) -> None:
    actuals = str(EXAMPLES / "monthly")
    output = str(tmp_path / "r.md")
    result = cli("report", "--actuals", actuals, "-o", output, "--period", "2024-06")
    assert result.exit_code == 2
    assert "[period-out-of-year]" in result.stderr


def test_report_as_of_an_earlier_period(cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "r.md"
    actuals = str(EXAMPLES / "monthly")
    assert (
        cli("report", "--actuals", actuals, "-o", str(output), "--period", "2023-05").exit_code == 0
    )
    assert "截至2023年1—5月" in output.read_text(encoding="utf-8")


# ── the Python API ──────────────────────────────────────────────────────────


def test_review_pack_to_frame_has_a_row_per_commitment_and_period() -> None:
    pack = reportcheck.review_pack(EXAMPLES / "monthly", period="2023-06")
    frame = pack.to_frame()
    assert len(frame[frame["latest"]]) == 169
    assert frame["id"].nunique() == 169
    assert len(frame) == sum(max(1, len(r.history)) for r in pack.rows)
    graduates = frame[frame["id"] == "graduates"].set_index("period_text")
    assert list(graduates.index) == ["2023-05", "2023-06"]
    assert graduates.loc["2023-06", "actual"] == 5.4
    assert graduates.loc["2023-06", "completion"] == 60
    assert graduates.loc["2023-05", "status"] == "behind"
    assert frame["actual"].dtype == "float64"
    assert str(frame["period"].dtype) == "period[M]"
    assert graduates["period"].iloc[0] == pd.Period("2023-05", freq="M")
    counts = frame[frame["latest"]]["status"].value_counts()
    assert counts["behind"] == pack.counts()[Status.BEHIND]
    energy = frame[frame["id"] == "energy_saving"].iloc[0]
    assert energy["status"] == "no_data"


def test_the_frame_sorts_as_a_review_reads(write: Write) -> None:
    frame = reportcheck.review_pack(EXAMPLES / "monthly").to_frame()
    latest = frame[frame["latest"]]
    assert latest["section"].cat.ordered
    assert list(latest["section"].cat.categories)[:2] == ["二", "二(一)"]  # 二 before 三
    assert latest.sort_values("section")["section"].iloc[-1] == "三(四)"
    assert list(latest["status"].cat.categories) == [s.value for s in Status]
    assert list(latest["light"].cat.categories) == ["green", "yellow", "orange", "red", "grey"]
    assert latest["lead"].isna().all()  # no unit named: NaN, not "" or None
    reasons = latest["reason"]
    assert reasons.isna().sum() + reasons.notna().sum() == 169
    assert not (reasons == "").any()


def test_review_pack_yes_no_figures_go_to_done() -> None:
    frame = reportcheck.review_pack(EXAMPLES / "illustrative-2023.csv").to_frame()
    energy = frame[frame["id"] == "energy_saving"].iloc[0]
    assert energy["done"] is True or energy["done"] == True  # noqa: E712
    assert energy["actual"] != energy["actual"]  # NaN: no number for a yes/no outcome


def test_review_pack_errors_carry_every_problem(tmp_path: Path) -> None:
    with pytest.raises(ActualsError) as caught:
        reportcheck.review_pack(EXAMPLES / "bad-input.csv")
    assert len(caught.value.problems) == 4
    with pytest.raises(UsageError, match="no-actuals"):
        reportcheck.review_pack(tmp_path)
    with pytest.raises(UsageError, match="bad-period"):
        reportcheck.review_pack(EXAMPLES / "monthly", period="June")


def test_import_reportcheck_stays_light() -> None:
    probe = (
        "import json, sys, reportcheck; "
        "print(json.dumps(sorted(m for m in ('pandas', 'openpyxl', 'jinja2', 'typer') "
        "if m in sys.modules)))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(done.stdout) == []


def test_report_help_does_not_import_pandas_or_jinja2() -> None:
    probe = (
        "import json, sys\n"
        "from reportcheck.cli.app import main\n"
        "sys.argv = ['reportcheck', 'report', '--help']\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print(json.dumps(sorted(m for m in ('pandas', 'openpyxl', 'jinja2') "
        "if m in sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert json.loads(done.stderr.strip().splitlines()[-1]) == []


# ── the README's review pack section ────────────────────────────────────────


def readme_block(marker: str, language: str) -> str:
    import re

    text = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    found = re.search(rf"{re.escape(marker)}\n```{language}\n(.+?)```", text, re.S)
    assert found is not None, marker
    return found.group(1)


def test_readme_review_pack_commands_run(
    cli: Cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import shlex
    import shutil

    shutil.copytree(EXAMPLES, tmp_path / "examples")
    monkeypatch.chdir(tmp_path)
    commands = readme_block("<!-- review-pack -->", "sh").splitlines()
    assert len(commands) == 4
    for command in commands:
        args = shlex.split(command)
        assert args[0] == "reportcheck"
        result = cli(*args[1:])
        assert result.exit_code == 0, (command, result.stderr)
        assert (tmp_path / args[args.index("-o") + 1]).stat().st_size > 1000
    assert "对照表" in load_workbook(tmp_path / "account.xlsx").sheetnames


def test_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parents[1])
    code = readme_block(
        "### From Python\n\nThe same review is available as data, for notebooks:\n", "python"
    )
    exec(compile(code, "README.md", "exec"), {})


def test_acting_characters_from_the_data_are_spelled_out(cli: Cli, write: Write) -> None:
    source = write(HEAD + 'graduates,2023-06,3.5,"red\x1b[31m \u202egnp.exe done"\n')
    for suffix in ("md", "html", "csv", "xlsx"):
        output = source.parent / f"review.{suffix}"
        assert cli("report", "--actuals", str(source), "-o", str(output)).exit_code == 0
        if suffix == "xlsx":
            text = "\n".join(str(v) for v in all_cells(output))
        else:
            text = output.read_text(encoding="utf-8-sig")
        assert "\x1b" not in text, suffix
        assert "\u202e" not in text, suffix
        assert "\\x1b" in text, suffix
        assert "\\u202egnp.exe" in text, suffix


def test_illustrative_figures_are_flagged_only_when_marked(write: Write) -> None:
    marked = pack_of(write, "id,period,value,note\ngraduates,2023-06,3.5,示例数据\n")
    assert "不是官方统计" in pack_markdown(marked, "zh")
    plain = pack_of(write, HEAD + "graduates,2023-06,3.5,\n")
    assert "不是官方统计" not in pack_markdown(plain, "zh")


def test_every_reason_for_an_id_and_period_is_kept_once(write: Write) -> None:
    text = (
        HEAD + "graduates,2023-06,3.5,第一条\ngraduates,2023-06,3.5,第二条\n"
        "graduates,2023-06,3.5,第一条\ngraduates,2023-06,,只有原因\n"
    )
    assert row(pack_of(write, text), "graduates").reason == "第一条;第二条;只有原因"


def test_a_balance_promised_for_year_end_is_not_behind_in_june(write: Write) -> None:
    # 全市金融机构贷款余额突破1万亿元: no 2022 level in the registry, so judged in December.
    loans = row(pack_of(write, HEAD + "loan_balance,2023-06,9410,\n"), "loan_balance")
    assert (loans.status, loans.light, loans.verdict) == (
        Status.NOT_DUE,
        Light.GREY,
        Verdict.NOT_REPORTED,
    )
    done = loans.result.progress
    assert (done.completion, done.pace, done.behind, done.per_month) == (
        Decimal("94.1"),
        None,
        None,
        None,
    )
    december = row(pack_of(write, HEAD + "loan_balance,2023-12,10000,\n"), "loan_balance")
    assert (december.status, december.result.code) == (Status.MISSED, "not-above")


def test_chart_of_a_rate_shows_its_requirement_as_a_level(write: Write) -> None:
    import re

    figures = "income_ratio,2023-06,1.66,\nincome_ratio_prior,2023-06,1.70,\n"
    html = pack_html(pack_of(write, HEAD + figures), "zh")
    pace = re.search(r'class="c-pace" points="5\.0,([\d.]+) 175\.0,([\d.]+)"', html)
    assert pace is not None
    assert pace.group(1) == pace.group(2)
    assert "<title>2023-06: 1.66 倍</title>" in html


def test_xlsx_keeps_the_longest_reason_an_input_may_hold(cli: Cli, write: Write) -> None:
    source = write(HEAD + "graduates,2023-06,3.5," + "长" * 4000 + "\n")
    output = source.parent / "review.xlsx"
    assert cli("report", "--actuals", str(source), "-o", str(output)).exit_code == 0
    long = [v for v in all_cells(output) if isinstance(v, str) and v.startswith("长长")]
    assert long == ["长" * 4000] * 2  # in the 附件 and in the data sheet, whole


@pytest.mark.parametrize(
    ("value", "completion", "gap", "light"),
    [
        ("3.5964", "40.0", "-10.0", Light.YELLOW),  # 39.96% done: printed 40.0, 10.0 behind
        ("3.6", "40.0", "-10.0", Light.YELLOW),  # 40.00%
        ("3.6036", "40.0", "-10.0", Light.YELLOW),  # 40.04%
        ("3.5946", "39.9", "-10.1", Light.ORANGE),  # 39.94%: printed 39.9, 10.1 behind
    ],
)
def test_a_light_agrees_with_the_gap_printed_beside_it(
    write: Write, value: str, completion: str, gap: str, light: Light
) -> None:
    # 引进大学生9万名以上 in June (序时进度 50.0%), bands 10,30: "落后不超过10个百分点为黄灯".
    from reportcheck.output.pack.tabular import attachment_table

    pack = pack_of(write, HEAD + f"graduates,2023-06,{value},\n")
    graduates = row(pack, "graduates")
    assert graduates.light is light
    table = attachment_table(pack, "zh")
    cells = dict(zip(table.header, table.rows[graduates.number - 1], strict=True))
    assert (str(cells["完成率(%)"]), str(cells["差距"]), cells["灯色"]) == (
        completion,
        gap,
        "黄灯" if light is Light.YELLOW else "橙灯",
    )
    assert "落后序时进度不超过10个百分点为黄灯" in pack_markdown(pack, "zh")


# ── The pack's rows, lights and groups at their edges ───────────────────────────────────────


def test_a_band_written_in_more_than_twenty_characters_is_refused() -> None:
    with pytest.raises(ValueError, match=r"^count$"):
        parse_bands("0" * 19 + "10")


def test_a_failing_row_without_points_behind_is_red() -> None:
    built = reportcheck.review_pack(EXAMPLES / "monthly")
    result = next(r.result for r in built.rows if r.result.progress.behind is not None)
    unmeasured = msgspec.structs.replace(
        result,
        status=Status.BEHIND,
        progress=msgspec.structs.replace(result.progress, ahead=None, shortfall=None),
    )
    assert unmeasured.progress.behind is None
    assert Bands().light(unmeasured) is Light.RED


def test_every_light_is_counted_even_when_no_row_has_it() -> None:
    counts = reportcheck.review_pack(EXAMPLES / "monthly", bands="50").light_counts()
    assert set(counts) == set(Light)
    assert counts[Light.ORANGE] == 0  # one band: yellow, then red
    assert sum(counts.values()) == 169


def test_a_pack_is_in_year_and_judges_earlier_figures_unless_asked_otherwise() -> None:
    built = reportcheck.review_pack(EXAMPLES / "monthly")
    assert built.final is False
    graduates = next(r for r in built.rows if r.target.id == "graduates")
    assert [str(r.period) for r in graduates.history] == ["2023-05", "2023-06"]


def test_a_warning_about_no_commitment_doubts_no_row(tmp_path: Path) -> None:
    path = tmp_path / "2023-06.csv"
    path.write_text("id,period,value\ngraduates,2023-06,5\n,,\ngdp_growth,2023-06,5.7\n", "utf-8")
    built = reportcheck.review_pack(path)
    assert [w.code for w in built.warnings] == ["blank-row"]
    assert all(row.doubts == () for row in built.rows)


def test_rows_without_a_leader_come_last(tmp_path: Path) -> None:
    sheet = tmp_path / "units.csv"
    sheet.write_text("id,责任单位,分管领导\ngraduates,市人社局,李四\n", encoding="utf-8")
    groups = reportcheck.review_pack(EXAMPLES / "monthly", units=sheet).by_leader()
    assert list(groups) == ["李四", ""]
    assert [r.target.id for r in groups["李四"]] == ["graduates"]
