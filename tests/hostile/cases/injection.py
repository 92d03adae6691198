"""Injection: terminal escapes, bidirectional overrides, Rich markup, spreadsheet formulas, HTML,
Markdown and XML-breaking text, from a file of actuals or a registry, into every output: the
terminal, JSON, CSV, stderr, and each format of the review pack and the template. Nothing runs:
a terminal shows control characters as visible escapes, a file gets the text made valid for its
format (escaped, quoted, a formula-like cell kept as text)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

from ..harness import Case, Outcome, Setup
from ..kit import (
    ENTRIES,
    FORMULA_START,
    csv_text,
    every,
    judged,
    no_raw_controls,
    put,
    registry,
    registry_text,
    safe_csv_text,
)

C = "injection"
#: Control characters that no text file should carry raw (the bidirectional ones are text a
#: file may hold, shown by every viewer inside its own cell).
C0_C1 = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")

#: Each family of payload, as it would arrive in a cell.
PAYLOADS = {
    "escapes": "甲\x1b[2J乙\x1b]0;pwned\x07丙\x9b31m丁\x1b]8;;http://evil\x1b\\链接\x1b]8;;\x1b\\戊\x08己\x7f庚",
    "carriage-return": "按计划推进\r资金已全部到位",
    "bidi": "资金\u202e位到未\u202c\u2066隔离\u2069\u200f",
    "rich-markup": "[blink]闪烁[/blink][link=http://evil]点我[/link][bold red]红[/][/]",
    "formula": '=HYPERLINK("http://evil","点击")',
    "formula-plus": "+1+cmd|' /C calc'!A0",
    "formula-minus": "-2+3",
    "formula-at": "@SUM(1+1)*cmd",
    "formula-tab": "\t=1+1",
    "html": (
        '<script>alert(1)</script><img src=x onerror=alert(2)><a href="javascript:alert(3)">a</a>'
    ),
    "markdown": (
        "| 假 | 列 |\n|---|---|\n[点我](javascript:alert(1)) ![图](http://evil/x.png) <!-- **粗**"
    ),
    "xml": "]]><w:t>注入</w:t>&amp;&lt;\x0b\ufffe",
}
#: Words of each payload that a reader must still see (the payload is shown, not dropped).
VISIBLE = {
    "escapes": "庚",
    "carriage-return": "资金已全部到位",
    "bidi": "隔离",
    "rich-markup": "闪烁",
    "formula": "HYPERLINK",
    "formula-plus": "cmd",
    "formula-minus": "2+3",
    "formula-at": "SUM",
    "formula-tab": "1+1",
    "html": "alert(1)",
    "markdown": "点我",
    "xml": "注入",
}


def _actuals(folder: Path, payload: str) -> Path:
    """gdp_growth for June with `payload` as its source, note and reason."""
    buffer = io.StringIO()
    # Every field quoted: csv quotes no lone carriage return by itself.
    writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(["id", "period", "value", "source", "note", "reason"])
    writer.writerow(["gdp_growth", "2023-06", "5.7", payload, payload, payload])
    writer.writerow(["graduates", "2023-06", "4.6", "", "", ""])
    return put(folder, "actuals.csv", buffer.getvalue())


def _exact(payload: str) -> Callable[[Outcome], str | None]:
    """JSON carries the note as given."""

    def check(outcome: Outcome) -> str | None:
        document = json.loads(outcome.out)
        (found,) = [r for r in document["results"] if r["id"] == "gdp_growth"]
        if found["note"] != payload.strip():
            return f"note in JSON is {found['note']!r}, not the payload"
        return None

    return check


def _csv_as_given(payload: str) -> Callable[[Outcome], str | None]:
    """CSV to a pipe is a file: the note as given, a formula-like one kept as text; every
    escape sequence alike (none dropped, none half-kept)."""

    def check(outcome: Outcome) -> str | None:
        wrong = safe_csv_text(outcome.out)
        if wrong:
            return wrong
        rows = list(csv.DictReader(io.StringIO(outcome.out)))
        (row,) = [r for r in rows if r["id"] == "gdp_growth"]
        expected = payload.strip()
        expected = "'" + expected if expected.startswith(FORMULA_START) else expected
        if row["note"] != expected:
            return f"note in CSV is {row['note']!r}, not {expected!r}"
        return None

    return check


def _visible(family: str) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        return None if VISIBLE[family] in outcome.out else f"{VISIBLE[family]!r} not shown"

    return check


def _html(family: str) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        text = (outcome.folder / "pack.html").read_text(encoding="utf-8")
        for bad in ("<script>alert", "<img src=x", 'href="javascript:', "<w:t>", "<blink"):
            if bad in text:
                return f"{bad!r} reaches the HTML"
        if C0_C1.search(text.replace("\r", "")):
            return "a control character reaches the HTML"
        return None if VISIBLE[family] in _unescape(text) else f"{VISIBLE[family]!r} not in HTML"

    return check


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def _markdown_rows_hold(text: str) -> str | None:
    """Every row of every table has as many cells as its header: no cell broke out."""
    widths: list[int] = []
    for line in text.splitlines():
        if not line.startswith("|"):
            widths = []
            continue
        cells = len(re.findall(r"(?<!\\)\|", line))
        if widths and cells != widths[0]:
            return f"a table row has {cells - 1} cells, its header {widths[0] - 1}: {line[:80]!r}"
        widths.append(cells)
    return None


def _markdown(family: str) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        text = (outcome.folder / "pack.md").read_text(encoding="utf-8")
        for bad in ("<script", "<img", "<!--", "<w:t>"):
            if bad in text:
                return f"{bad!r} reaches the Markdown"
        if re.search(r"(?<!\\)\]\(javascript:", text):
            return "a javascript: link reaches the Markdown"
        if C0_C1.search(text.replace("\r\n", "\n")):
            return "a control character reaches the Markdown"
        return _markdown_rows_hold(text) or (
            None if VISIBLE[family] in text else f"{VISIBLE[family]!r} not in Markdown"
        )

    return check


def _pack_csv(family: str) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        text = (outcome.folder / "pack.csv").read_text(encoding="utf-8-sig")
        return safe_csv_text(text) or (
            None if VISIBLE[family] in text else f"{VISIBLE[family]!r} not in the CSV"
        )

    return check


def _xlsx(name: str, family: str) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        from openpyxl import load_workbook

        book = load_workbook(outcome.folder / name)
        seen = False
        for sheet in book.worksheets:
            for row in sheet.iter_rows():
                for cell in row:
                    if cell.data_type == "f":
                        return f"formula cell {sheet.title}!{cell.coordinate}: {cell.value!r}"
                    seen = seen or VISIBLE[family] in str(cell.value or "")
        return None if seen else f"{VISIBLE[family]!r} in no cell"

    return check


def _docx(family: str) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        with zipfile.ZipFile(outcome.folder / "pack.docx") as archive:
            xml = archive.read("word/document.xml")
        root = ElementTree.fromstring(xml)
        text = "".join(node.text or "" for node in root.iter() if node.tag.endswith("}t"))
        return None if VISIBLE[family] in text else f"{VISIBLE[family]!r} not in the document"

    return check


def _case(family: str, surface: str) -> Case:
    payload = PAYLOADS[family]

    def build(folder: Path) -> Setup:
        path = _actuals(folder, payload)
        keep = (path,)
        if surface == "json":
            return Setup(["diff", str(path), "-f", "json"], check=_exact(payload), keep=keep)
        if surface == "csv-pipe":
            return Setup(["diff", str(path), "-f", "csv"], check=_csv_as_given(payload), keep=keep)
        if surface == "csv-terminal":
            return Setup(
                ["diff", str(path), "-f", "csv"], tty=True, check=_visible(family), keep=keep
            )
        if surface == "show-terminal":
            return Setup(
                ["show", "gdp_growth", "--actuals", str(path)],
                tty=True,
                check=_visible(family),
                keep=keep,
            )
        if surface == "show-pipe":
            return Setup(
                ["show", "gdp_growth", "--actuals", str(path)],
                check=every(no_raw_controls, _visible(family)),
                keep=keep,
            )
        if surface == "status-terminal":
            return Setup(
                ["status", "--actuals", str(path), "--fail-on", "never"], tty=True, keep=keep
            )
        checks = {"html": _html, "md": _markdown, "csv": _pack_csv, "docx": _docx}
        fmt = surface.removeprefix("pack-")
        check = _xlsx("pack.xlsx", family) if fmt == "xlsx" else checks[fmt](family)
        return Setup(
            ["report", "--actuals", str(path), "-o", str(folder / f"pack.{fmt}")],
            check=check,
            keep=keep,
        )

    return Case(C, f"{family}/{surface}", "read", build)


def _on_stderr(family: str) -> Case:
    """The payload as an id: refused, named on one line, nothing of it acting."""
    payload = PAYLOADS[family]

    def build(folder: Path) -> Setup:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(
            [["id", "period", "value"], [payload, "2023-06", "5.7"]]
        )
        path = put(folder, "actuals.csv", buffer.getvalue())
        return Setup(["diff", str(path)], keep=(path,), mentions=(":2:",))

    return Case(C, f"{family}/stderr", "refused", build, codes=("unknown-id",))


SURFACES = (
    "json",
    "csv-pipe",
    "csv-terminal",
    "show-terminal",
    "show-pipe",
    "pack-html",
    "pack-md",
    "pack-csv",
    "pack-xlsx",
    "pack-docx",
)
#: Surfaces run for every family; the rest for the families they are most exposed to.
CASES: list[Case] = [_case(family, surface) for family in PAYLOADS for surface in SURFACES]
CASES += [_on_stderr(family) for family in PAYLOADS]
CASES += [_case(family, "status-terminal") for family in ("escapes", "bidi", "carriage-return")]


# ── payloads in a registry's texts ───────────────────────────────────────────────────────────


def _registry_case(
    name: str, text: str, surface: str, expect: str = "read", codes: tuple[str, ...] = ()
) -> Case:
    def build(folder: Path) -> Setup:
        entries = ENTRIES.replace(
            "    name_zh: 地区生产总值\n", f"    name_zh: {json.dumps(text)}\n", 1
        )
        path = registry(folder, registry_text(entries))
        keep = (path,)
        args = ["--targets", str(path)]
        if surface == "targets-csv":
            return Setup(
                [*args, "targets", "-f", "csv"], check=lambda o: safe_csv_text(o.out), keep=keep
            )
        if surface == "targets-terminal":
            return Setup([*args, "targets"], tty=True, keep=keep)
        if surface in ("template-csv", "template-xlsx"):
            fmt = surface.removeprefix("template-")
            output = folder / f"2023-06.{fmt}"

            def check(outcome: Outcome) -> str | None:
                if fmt == "xlsx":
                    return _xlsx(output.name, "formula")(outcome) if name == "formula" else None
                return safe_csv_text(output.read_text(encoding="utf-8-sig"))

            return Setup([*args, "template", "-o", str(output)], check=check, keep=keep)
        figures = put(folder, "actuals.csv", csv_text("gdp_growth,2023-06,5.7"))
        output = folder / f"pack.{surface.removeprefix('pack-')}"

        def check_pack(outcome: Outcome) -> str | None:
            data = output.read_text(encoding="utf-8-sig")
            if "<script>alert" in data or "<img src=x" in data:
                return "markup reaches the pack"
            return safe_csv_text(data) if output.suffix == ".csv" else None

        return Setup(
            [*args, "report", "--actuals", str(figures), "-o", str(output)],
            check=check_pack,
            keep=keep,
        )

    return Case(C, f"registry-{name}/{surface}", expect, build, codes=codes)


for name, text in (
    ("formula", PAYLOADS["formula"]),
    ("html", PAYLOADS["html"]),
    ("markdown", "| 假 | 列 | [点](javascript:alert(1))"),
):
    for surface in (
        "targets-csv",
        "targets-terminal",
        "template-csv",
        "template-xlsx",
        "pack-html",
        "pack-md",
        "pack-csv",
    ):
        CASES.append(_registry_case(name, text, surface))
for name, text, code in (
    ("escape", "地区\x1b[2J生产总值", "registry-control-character"),
    ("bidi", "地区\u202e生产总值", "registry-control-character"),
    ("rich", "[blink]地区生产总值[/blink]", "registry-markup"),
    ("rich-link", "[link=http://evil]地区[/link]", "registry-markup"),
):
    CASES.append(_registry_case(name, text, "targets-terminal", "refused", (code,)))
_ = judged


# ── payloads in options, and output to a console that cannot write every character ─────────


def _option(name: str, args: tuple[str, ...], codes: tuple[str, ...]) -> Case:
    def build(folder: Path) -> Setup:
        figures = put(folder, "actuals.csv", csv_text("gdp_growth,2023-06,5.7"))
        return Setup([*(a.replace("FILE", str(figures)) for a in args)])

    return Case(C, f"option-{name}", "refused", build, codes=codes)


def _gbk_console(command: str) -> Case:
    """Standard output in GBK, as on a Chinese Windows console, with a note GBK cannot write."""

    def build(folder: Path) -> Setup:
        figures = put(
            folder,
            "actuals.csv",
            csv_text("gdp_growth,2023-06,5.7,😀𠀀❤", header="id,period,value,note"),
        )
        args = {
            "show": ["show", "gdp_growth", "--actuals", str(figures)],
            "csv": ["diff", str(figures), "-f", "csv"],
            "markdown": ["diff", str(figures), "-f", "markdown"],
            "table": ["diff", str(figures)],
        }[command]

        def check(outcome: Outcome) -> str | None:
            try:
                text = outcome.stdout.decode("gbk")
            except UnicodeDecodeError as exc:
                return f"standard output is not GBK: {exc}"
            return None if "5.7" in text else "the figure is not shown"

        return Setup(args, check=check, env={"PYTHONIOENCODING": "gbk"}, keep=(figures,))

    return Case(C, f"gbk-console/{command}", "read", build)


CASES += [
    _option("id-escape", ("show", "gdp\x1b[2J"), ("unknown-id",)),
    _option("section-bidi", ("diff", "FILE", "--section", "\u202e二"), ("unknown-section",)),
    _option(
        "status-escape",
        ("diff", "FILE", "--status", "met\x1b]0;x\x07"),
        ("unknown-status", "usage-error"),
    ),
    _option("fail-on-escape", ("diff", "FILE", "--fail-on", "\x9b31m"), ("bad-fail-on",)),
    _option(
        "targets-escape-name",
        ("--targets", "r\x1b[2J.yaml", "targets"),
        ("registry-unreadable", "usage-error"),
    ),
    *(_gbk_console(command) for command in ("show", "csv", "markdown", "table")),
]
