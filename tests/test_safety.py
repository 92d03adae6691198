"""Output is safe to open: no formula injection in CSV/Excel, no markup injection in Markdown."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from openpyxl import load_workbook

from reportcheck.output.csvcells import safe_cell
from reportcheck.output.serialize import md

from .conftest import Run
from .packs import formulas

Cli = Callable[..., Run]
Write = Callable[..., Path]


def test_formula_starts_are_neutralised() -> None:
    assert [safe_cell(t) for t in ("=1+1", "+SUM(A1)", "-2+3", "@cmd", "plain", "5.7")] == [
        "'=1+1",
        "'+SUM(A1)",
        "'-2+3",
        "'@cmd",
        "plain",
        "5.7",
    ]


def test_csv_output_guards_user_text_but_keeps_numbers(cli: Cli, write: Write) -> None:
    path = write(
        "id,period,value,source,note\n"
        'industrial_va_growth,2023-06,-3.9,=HYPERLINK("http://x"),@SUM(A1)\n'
    )
    rows = list(
        csv.DictReader(
            io.StringIO(cli("diff", str(path), "-f", "csv", "--id", "industrial_va_growth").stdout)
        )
    )
    row = rows[0]
    assert (row["actual"], row["source"], row["note"]) == (
        "-3.9",
        '\'=HYPERLINK("http://x")',
        "'@SUM(A1)",
    )


def test_markdown_escapes_user_text(cli: Cli, write: Write) -> None:
    assert md("a|b *c* <script>") == "a\\|b \\*c\\* &lt;script&gt;"
    assert md("line\nbreak") == "line break"


def test_xlsx_template_writes_text_cells_not_formulas(cli: Cli, tmp_path: Path) -> None:
    seed = tmp_path / "seed.txt"
    seed.write_text("=cmd|' /C calc'!A0 增长6%", encoding="utf-8")
    registry = tmp_path / "t.yaml"
    registry.write_text(
        f"""\
report: {{city_zh: 某, city_en: X, year: 2023, title_zh: t, title_en: t, date: d, source: s,
         seed: {seed.name}}}
sections: {{二: {{zh: 主要, en: Main}}}}
targets:
  - {{id: evil, section: 二, quote: "=cmd|' /C calc'!A0 增长6%", name_zh: "=1+1", name_en: e,
      unit: "%", comparator: at_least, value: 6, kind: rate, released: yearly}}
""",
        encoding="utf-8",
    )
    out = tmp_path / "t.xlsx"
    assert cli("template", "--targets", str(registry), "-o", str(out)).exit_code == 0
    sheet = load_workbook(out).active
    assert sheet is not None
    assert sheet["E2"].value == "=1+1"  # as written, in a string cell: never a formula
    assert sheet["E2"].data_type == "s"
    assert sheet["F2"].value == "=cmd|' /C calc'!A0 增长6%"
    assert sheet["F2"].data_type == "s"
    assert formulas(out) == []
