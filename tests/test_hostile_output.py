"""Nothing from data reaches a terminal as a command; every file format parses back to the data.

Terminals get control characters written out as visible escapes; CSV, JSON and Markdown get the
data as given, made valid for the format, and a generated round trip checks each of them.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import subprocess
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportcheck.output.catalogue import one_line
from reportcheck.output.csvcells import safe_cell, to_csv
from reportcheck.output.safe_text import neutralise
from reportcheck.output.serialize import md, to_json

from .conftest import Run

Cli = Callable[..., Run]

#: Any text a cell can hold: controls, escapes, quotes, separators, CJK; no surrogates, no
#: private-use characters (refused on reading, see test_hostile_encodings).
TEXT = st.text(
    st.characters(blacklist_categories=("Cs", "Co", "Cn")) | st.sampled_from("\r\n\x1b\x00\"',|"),
    max_size=40,
)
#: What a CSV of actuals can carry: everything but NUL (a NUL makes the file binary).
CELL = TEXT.map(lambda t: t.replace("\x00", ""))
ESCAPES = ["\x1b]0;pwned\x07", "\x1b[2J", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "\x9b31m"]
_RAW_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


@settings(max_examples=300)
@given(TEXT)
def test_neutralised_text_has_no_control_characters(text: str) -> None:
    shown = neutralise(text)
    assert _RAW_CONTROL.search(shown) is None
    assert neutralise(shown) == shown
    if _RAW_CONTROL.search(text) is None and not re.search(
        "[\u200e\u200f\u202a-\u202e\u2066-\u2069]", text
    ):
        assert shown == text


@pytest.mark.parametrize("escape", ESCAPES)
def test_text_held_by_a_reportcheck_struct_is_neutralised_before_layout(escape: str) -> None:
    from rich.pretty import Pretty
    from rich.text import Text

    from reportcheck.output.safe_text import SafeRenderable
    from reportcheck.registry.yamlnodes import Checker

    text = Text(f"局{escape}")
    original = text.plain  # as Rich keeps it (it drops a few control codes itself)
    held = Checker("source", [text])  # type: ignore[list-item]
    assert not hasattr(held, "__dict__")  # a Struct: only its fields lead to the Text
    SafeRenderable(Pretty(held))
    assert text.plain == neutralise(original) != original


@settings(max_examples=200)
@given(
    st.lists(
        st.lists(
            TEXT | st.decimals(allow_nan=False, allow_infinity=False, places=4),
            min_size=3,
            max_size=3,
        ),
        max_size=8,
    )
)
def test_csv_parses_back_to_the_same_rows(rows: list[list[object]]) -> None:
    text = to_csv(["a", "b", "c"], rows)
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    expected = [
        [
            str(Decimal(str(c)).normalize())
            if isinstance(c, Decimal)
            else safe_cell(str(c).replace("\x00", "\u2400"))  # CSV cannot carry NUL
            for c in row
        ]
        for row in rows
    ]
    assert parsed[0] == ["a", "b", "c"]
    assert [[_canon(c) for c in row] for row in parsed[1:]] == [
        [_canon(c) for c in row] for row in expected
    ]


def _canon(cell: str) -> str:
    try:
        return str(Decimal(cell).normalize())
    except ArithmeticError:
        return cell


@settings(max_examples=200)
@given(
    st.recursive(
        TEXT
        | st.integers()
        | st.none()
        | st.decimals(allow_nan=False, allow_infinity=False, places=6),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(TEXT, inner, max_size=4),
        max_leaves=12,
    )
)
def test_json_parses_back_to_the_same_data(data: object) -> None:
    # Decimals come back as numbers equal to them (5.0 is written 5): == compares the values.
    assert json.loads(to_json(data), parse_float=Decimal) == data


def test_json_writes_decimals_as_exact_plain_numbers_and_text_as_text() -> None:
    data = {"a": Decimal("1E+4"), "b": Decimal("5.70"), "c": Decimal("-0.0000001"), "d": "1.5"}
    assert to_json(data) == '{\n  "a": 10000,\n  "b": 5.7,\n  "c": -0.0000001,\n  "d": "1.5"\n}\n'


def test_json_is_the_standard_librarys_indented_form() -> None:
    text = "".join(map(chr, range(0x100))) + "\u2028\u2029\ufeff\U0001f600"
    data = {"text": text, "empty": [], "none": {}, "nested": [1, {"x": None, "y": True}]}
    assert to_json(data) == json.dumps(data, ensure_ascii=False, indent=2) + "\n"


_PIPE = re.compile(r"(?<!\\)\|")


def _md_cell(cell: str) -> str:
    return html.unescape(re.sub(r"\\(.)", r"\1", cell.strip()))


@settings(max_examples=300)
@given(st.lists(TEXT, min_size=1, max_size=5))
def test_markdown_cells_parse_back_to_the_text(cells: list[str]) -> None:
    line = "| " + " | ".join(md(c) for c in cells) + " |"
    parsed = _PIPE.split(line)[1:-1]
    assert len(parsed) == len(cells)
    assert [_md_cell(c) for c in parsed] == [" ".join(c.split()) for c in cells]
    assert "<" not in line.replace("&lt;", "")


def _actuals(path: Path, notes: list[tuple[str, str]]) -> Path:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow(["id", "period", "value", "source", "note"])
    ids = ["gdp_growth", "fai_growth", "retail_sales_growth", "graduates"]
    for (source, note), target in zip(notes, ids, strict=False):
        writer.writerow([target, "2023-06", "5", source, note])
    path.write_text(buffer.getvalue(), encoding="utf-8")
    return path


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(st.tuples(CELL, CELL), min_size=1, max_size=4))
def test_diff_csv_and_json_carry_notes_and_sources_as_given(
    tmp_path: Path, notes: list[tuple[str, str]]
) -> None:
    path = _actuals(tmp_path / "a.csv", notes)
    as_csv = _exact_cli(
        "diff",
        str(path),
        "-f",
        "csv",
        "--status",
        "met",
        "--status",
        "missed",
        "--status",
        "on_track",
        "--status",
        "behind",
    )
    as_json = _exact_cli(
        "diff",
        str(path),
        "-f",
        "json",
        "--status",
        "met",
        "--status",
        "missed",
        "--status",
        "on_track",
        "--status",
        "behind",
    )
    rows = list(csv.DictReader(io.StringIO(as_csv.stdout, newline="")))
    results = json.loads(as_json.stdout)["results"]
    expected = [(s.strip(), n.strip()) for s, n in notes]
    assert sorted((r["source"], r["note"]) for r in rows) == sorted(
        (safe_cell(s), safe_cell(n)) for s, n in expected
    )
    assert sorted((r["source"] or "", r["note"] or "") for r in results) == sorted(expected)


def _exact_cli(*args: str) -> Run:
    """As the `cli` fixture, but stdout exactly as written (CliRunner folds CRLF to LF)."""
    from typer.testing import CliRunner

    from reportcheck.cli.app import app

    result = CliRunner().invoke(
        app, list(args), env={"COLUMNS": "200", "NO_COLOR": "1", "REPORTCHECK_ACTUALS": ""}
    )
    return Run(result.exit_code, result.stdout_bytes.decode("utf-8"), "")


def _on_terminal(args: list[str], cwd: Path) -> tuple[int, str]:
    """Run reportcheck with stdout and stderr on a pseudo-terminal; returns (status, output)."""
    import pty

    master, slave = pty.openpty()
    env = {**os.environ, "COLUMNS": "200", "REPORTCHECK_ACTUALS": ""}
    env.pop("NO_COLOR", None)
    process = subprocess.Popen(
        [sys.executable, "-m", "reportcheck", *args], stdout=slave, stderr=slave, cwd=cwd, env=env
    )
    os.close(slave)
    output = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    os.close(master)
    return process.wait(), output.decode("utf-8", "replace")


def _foreign_escapes(output: str) -> list[str]:
    """Escape sequences other than the colours Rich and reportcheck write themselves."""
    found = re.findall(r"\x1b(?:\[[0-9;?]*[A-Za-z]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|.)|\x9b", output)
    return [e for e in found if not re.fullmatch(r"\x1b\[[0-9;]*m", e)]


needs_pty = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="needs a Linux pty")


@needs_pty
@pytest.mark.parametrize("escape", ESCAPES)
@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_escapes_in_a_source_never_reach_the_terminal(
    tmp_path: Path, escape: str, fmt: str
) -> None:
    _actuals(tmp_path / "a.csv", [(f"局{escape}", f"注{escape}")])
    args = (
        ["show", "gdp_growth", "--actuals", str(tmp_path)]
        if fmt == "table"
        else ["diff", str(tmp_path / "a.csv"), "-f", "csv"]
    )
    status, output = _on_terminal(args, tmp_path)
    assert status in (0, 1)
    assert _foreign_escapes(output) == []
    if fmt == "csv":
        assert neutralise(escape) in output
    else:  # the source column wraps, so the visible escape may be split across lines
        assert "局\\x" in output


@needs_pty
def test_escapes_in_a_file_name_never_reach_the_terminal(tmp_path: Path) -> None:
    path = tmp_path / "\x1b]0;pwned\x07.csv"
    path.write_text("id,period,value\ngdp_growth,2023-06,x\n", encoding="utf-8")
    status, output = _on_terminal(["diff", str(path)], tmp_path)
    assert status == 2
    assert _foreign_escapes(output) == []
    assert "\\x1b]0;pwned\\x07.csv:2: value 列:" in output


def test_files_get_escapes_as_given(cli: Cli, tmp_path: Path) -> None:
    _actuals(tmp_path / "a.csv", [("局\x1b[2J", "注")])
    run = cli("diff", str(tmp_path / "a.csv"), "-f", "json", "--id", "gdp_growth")
    assert json.loads(run.stdout)["results"][0]["source"] == "局\x1b[2J"


@settings(max_examples=200)
@given(TEXT, TEXT)
def test_a_problem_is_one_line_of_inert_text_whatever_it_names(name: str, value: str) -> None:
    from reportcheck.model.problems import problem

    line = one_line(problem("not-a-number", file=name, line=2, column="value", value=value))
    assert "\n" not in line
    assert _RAW_CONTROL.search(line) is None


def _hostile_registry(tmp_path: Path, title: str, section: str) -> Path:
    """The shipped registry, beside a copy of its report, with a title and a section name
    replaced (YAML double-quoted escapes, so any character can be written)."""
    import shutil

    from reportcheck.registry.shipped import default_registry_path

    shipped = default_registry_path().resolve()
    (tmp_path / "data").mkdir()
    shutil.copytree(shipped.parent.parent / "seeds", tmp_path / "seeds")
    text = shipped.read_text(encoding="utf-8")
    text = text.replace("title_zh: 湖州市2023年政府工作报告(摘登)", f"title_zh: {title}", 1)
    text = text.replace("二: {zh: 主要预期目标,", f"二: {{zh: {section},", 1)
    path = tmp_path / "data" / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_markup_in_registry_titles_is_inert_in_markdown(cli_zh: Cli, tmp_path: Path) -> None:
    registry = _hostile_registry(tmp_path, '"<script>x</script>"', '"<b>主要</b>"')
    actuals = tmp_path / "a.csv"
    actuals.write_text("id,period,value\ngdp_growth,2023-06,5.7\n", encoding="utf-8")
    run = cli_zh("diff", str(actuals), "-f", "markdown", "--targets", str(registry))
    if run.exit_code == 2:  # a registry that refuses markup in a title is safe too
        assert "<script>" not in run.stderr
        return
    assert "<script>" not in run.stdout
    assert "<b>" not in run.stdout
    assert "&lt;script&gt;" in run.stdout


@needs_pty
def test_escapes_in_registry_titles_never_reach_the_terminal(tmp_path: Path) -> None:
    registry = _hostile_registry(tmp_path, '"\\e]0;pwned\\a湖州"', '"\\e[2J主要"')
    status, output = _on_terminal(["targets", "--targets", str(registry)], tmp_path)
    assert status in (0, 2)  # listed, or refused as a registry error: never raw on screen
    assert _foreign_escapes(output) == []


@needs_pty
@pytest.mark.parametrize(
    "args", [["--help"], ["diff", "--help"], ["targets", "--bogus"], ["status"]]
)
def test_reportchecks_own_output_is_not_neutralised(tmp_path: Path, args: list[str]) -> None:
    """Only data is made inert: help, usage errors and Rich's colours reach the terminal whole."""
    status, output = _on_terminal(args, tmp_path)
    assert status in (0, 2)
    assert "\\x1b" not in output
    assert "\\x9b" not in output


@needs_pty
def test_file_names_in_the_progress_bar_are_inert(tmp_path: Path) -> None:
    folder = tmp_path / "actuals"
    folder.mkdir()
    for month, name in ((5, "\x1b]0;pwned\x07[red]may"), (6, "\x1b[2Jjune")):
        (folder / f"{name}.csv").write_text(
            f"id,period,value\ngdp_growth,2023-{month:02d},5.{month}\n", encoding="utf-8"
        )
    status, output = _on_terminal(["status", "--actuals", str(folder)], tmp_path)
    assert status in (0, 1)
    assert "\x1b]0;pwned" not in output
    assert "\x1b[2J" not in output


@needs_pty
def test_rich_markup_in_a_registry_title_is_shown_as_text(tmp_path: Path) -> None:
    registry = _hostile_registry(tmp_path, '"[blink][link=http://x]湖州[/link]"', '"[red]主要"')
    status, output = _on_terminal(["targets", "--targets", str(registry)], tmp_path)
    assert status in (0, 2)  # listed as text, or refused as a registry error
    assert "\x1b]8;" not in output  # no hyperlink
    assert "\x1b[5m" not in output  # no blinking
