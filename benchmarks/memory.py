"""Peak memory and time of reportcheck on hostile and limit-sized inputs.

Each case runs `reportcheck` in a fresh process and reads its peak resident set size from the
kernel (wait4). Inputs are generated in a temporary folder, each what its label says: a case
marked accepted is read whole (exit 0 or 1), the others are refused (exit 2), and
tests/test_benchmarks.py checks both. Usage: python benchmarks/memory.py [--only WORDS]
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import io
import os
import platform
import re
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from peak import measured
from reportcheck.model import limits
from reportcheck.registry.load import load_registry
from reportcheck.registry.shipped import default_registry_path

REPO = Path(__file__).resolve().parents[1]


def run(args: list[str], cwd: Path) -> tuple[int, float, float]:
    """(exit status, seconds, peak RSS in MiB) of one reportcheck run (see peak.py)."""
    env = {**os.environ, "REPORTCHECK_NO_CACHE": "1", "COLUMNS": "120"}
    return measured(args, env, cwd)


def million_rows(folder: Path) -> list[str]:
    path = folder / "million.csv"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("id,period,value\n")
        stream.writelines("gdp_growth,2023-06,5.7\n" for _ in range(1_000_000))
    return ["diff", str(path)]


def million_short_rows(folder: Path) -> list[str]:
    path = folder / "short.csv"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("id,period,value\n")
        stream.writelines("a,b,c\n" for _ in range(1_000_000))
    return ["diff", str(path)]


def rows_at_the_limit(folder: Path) -> list[str]:
    path = folder / "limit.csv"
    with path.open("w", encoding="utf-8") as stream:
        stream.write("id,period,value\n")
        stream.writelines("gdp_growth,2023-06,5.7\n" for _ in range(limits.MAX_ROWS - 1))
    return ["diff", str(path), "-f", "json"]


def xlsx_at_the_limit(folder: Path) -> list[str]:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["id", "period", "value"])
    for _ in range(limits.MAX_ROWS - 1):
        sheet.append(["gdp_growth", "2023-06", 5.7])
    path = folder / "limit.xlsx"
    book.save(path)
    return ["diff", str(path), "-f", "json"]


#: Columns that fill the cell limit at the row limit.
WIDTH = limits.MAX_CELLS // limits.MAX_ROWS


def widest_csv(folder: Path) -> list[str]:
    """The most a CSV within the limits can hold: every row and cell, long cells."""
    columns = ["id", "period", "value", *(f"c{i}" for i in range(WIDTH - 3))]
    header = ",".join(columns) + "\n"
    per_row = (limits.MAX_FILE_BYTES - len(header)) // (limits.MAX_ROWS - 1)
    fixed = len("gdp_growth,2023-06,5.7") + (WIDTH - 3) + 1  # the first cells, commas, newline
    cell = "统" * ((per_row - fixed) // ((WIDTH - 3) * 3))  # 3 bytes a character in UTF-8
    row = ",".join(["gdp_growth", "2023-06", "5.7"] + [cell] * (WIDTH - 3)) + "\n"
    path = folder / "widest.csv"
    with path.open("w", encoding="utf-8") as stream:
        stream.write(header)
        stream.writelines(row for _ in range(limits.MAX_ROWS - 1))
    return ["diff", str(path), "-f", "json"]


def widest_xlsx(folder: Path) -> list[str]:
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    sheet.append(["id", "period", "value", *(f"c{i}" for i in range(WIDTH - 3))])
    for n in range(limits.MAX_ROWS - 1):
        sheet.append(["gdp_growth", "2023-06", 5.7, *(n * 100 + i for i in range(WIDTH - 3))])
    path = folder / "widest.xlsx"
    book.save(path)
    return ["diff", str(path), "-f", "json"]


def _workbook_with(
    folder: Path, name: str, part: str, chunks: list[bytes], repeat: int = 1
) -> Path:
    """A fresh workbook with one part replaced, written in chunks so this process stays small."""
    from openpyxl import Workbook

    buffer = io.BytesIO()
    Workbook().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    path = folder / name
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != part:
                target.writestr(item.filename, source.read(item.filename))
        with target.open(part, "w", force_zip64=True) as stream:
            head, body, tail = chunks
            stream.write(head)
            for _ in range(repeat):
                stream.write(body)
            stream.write(tail)
    return path


def declared_million_rows(folder: Path) -> list[str]:
    sheet = (
        b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
        b"<dimension ref='A1:C1048576'/><sheetData><row r='1048576'><c r='A1048576'>"
        b"<v>1</v></c></row></sheetData></worksheet>"
    )
    path = _workbook_with(folder, "declared.xlsx", "xl/worksheets/sheet1.xml", [sheet, b"", b""])
    return ["diff", str(path)]


def huge_cell(folder: Path) -> list[str]:
    chunks = [b"<sst><si><t>", b"x" * (1024 * 1024), b"</t></si></sst>"]
    path = _workbook_with(folder, "cell.xlsx", "xl/sharedStrings.xml", chunks, repeat=600)
    return ["diff", str(path)]


def text_heavy_xlsx(folder: Path) -> list[str]:
    """15,000 rows of four 1,000-character cells: within the row, cell and size limits, 60 MB of
    text once unpacked."""
    note = "<c t='inlineStr'><is><t>" + "x" * 1000 + "</t></is></c>"
    row = "<row><c t='inlineStr'><is><t>gdp_growth</t></is></c>" + note * 3 + "</row>"
    head = (
        "<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'><sheetData>"
        "<row><c t='inlineStr'><is><t>id</t></is></c><c t='inlineStr'><is><t>note</t></is></c>"
        "<c t='inlineStr'><is><t>source</t></is></c><c t='inlineStr'><is><t>reason</t></is></c>"
        "</row>"
    )
    chunks = [head.encode(), row.encode(), b"</sheetData></worksheet>"]
    path = _workbook_with(folder, "text.xlsx", "xl/worksheets/sheet1.xml", chunks, repeat=15000)
    return ["diff", str(path)]


def understated_part(folder: Path) -> list[str]:
    """A 1 GB sheet whose headers say it unpacks to 1000 bytes."""
    chunks = [b"<worksheet>", b" " * (1024 * 1024), b"</worksheet>"]
    path = _workbook_with(folder, "lie.xlsx", "xl/worksheets/sheet1.xml", chunks, repeat=1000)
    path.write_bytes(state_size(path.read_bytes(), "xl/worksheets/sheet1.xml", 1000))
    return ["diff", str(path)]


def state_size(data: bytes, part: str, stated: int) -> bytes:
    """The zip `data` with `part`'s unpacked size stated as `stated` in both of its headers."""
    changed = bytearray(data)
    name = part.encode()
    for signature, name_at, size_at, size_bytes in (
        (b"PK\x03\x04", 30, 22, 4),  # local header: name at 30, unpacked size at 22
        (b"PK\x01\x02", 46, 24, 4),  # central directory entry: name at 46, size at 24
    ):
        at = changed.find(signature)
        while at != -1 and changed[at + name_at : at + name_at + len(name)] != name:
            at = changed.find(signature, at + 1)
        changed[at + size_at : at + size_at + size_bytes] = stated.to_bytes(size_bytes, "little")
    return bytes(changed)


def alias_bomb(folder: Path) -> list[str]:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for i in range(1, 10):
        lines.append(f"{chr(97 + i)}: &{chr(97 + i)} [{', '.join(['*' + chr(96 + i)] * 9)}]")
    path = folder / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return ["targets", "--targets", str(path)]


def endless_report(folder: Path) -> list[str]:
    shipped = default_registry_path().resolve()
    text = shipped.read_text(encoding="utf-8")
    seed_line = next(line for line in text.splitlines() if "seed:" in line)
    start = seed_line.index("seed:") + len("seed:")
    rest = seed_line[start:].split(",", 1)
    changed = seed_line[:start] + " /dev/zero" + ("," + rest[1] if len(rest) > 1 else "")
    path = folder / "zero.yaml"
    path.write_text(text.replace(seed_line, changed), encoding="utf-8")
    return ["targets", "--targets", str(path)]


def month_rows(month: int) -> list[list[str]]:
    """One row for every id of the shipped registry, as an office fills a month's template:
    plausible figures in each target's own unit, a source and a note."""
    rows = []
    for target in load_registry().targets:
        figure = ((target.value or Decimal(5)) * month / 12).quantize(Decimal("0.01"))
        if target.category == "rank":  # a place is a whole number
            figure = (target.value or Decimal(5)).to_integral_value()
        value = "是" if target.unit == "是/否" else format(figure, "f")
        note = f"1-{month}月累计,统计局月报"
        rows.append([target.id, f"2023-{month:02d}", value, target.unit, "湖州市统计局", note])
    return rows


def write_month(path: Path, month: int) -> None:
    with path.open("w", newline="", encoding="utf-8") as stream:
        writer = csv.writer(stream)
        writer.writerow(["id", "period", "value", "unit", "source", "note"])
        writer.writerows(month_rows(month))


def typical_month(folder: Path) -> list[str]:
    write_month(folder / "2023-06.csv", 6)
    return ["diff", str(folder / "2023-06.csv")]


def year_of_months(folder: Path) -> Path:
    year = folder / "year"
    year.mkdir()
    for month in range(1, 13):
        write_month(year / f"2023-{month:02d}.csv", month)
    return year


def year_status(folder: Path) -> list[str]:
    return ["status", "--actuals", str(year_of_months(folder))]


def year_report(folder: Path) -> list[str]:
    return ["report", "--actuals", str(year_of_months(folder)), "-o", str(folder / "pack.xlsx")]


def folder_of(folder: Path, files: int, rows: int) -> Path:
    """`files` files of `rows` rows each (header included), each within every limit of a file."""
    actuals = folder / "actuals"
    actuals.mkdir()
    line = "gdp_growth,2023-06,5.7\n"
    body = "id,period,value\n" + line * (rows - 1)
    for n in range(files):
        (actuals / f"{n:03d}.csv").write_text(body, encoding="utf-8")
    return actuals


def folder_at_the_run_limit(folder: Path) -> list[str]:
    files = limits.MAX_RUN_ROWS // (limits.MAX_ROWS - 1)
    return ["status", "--actuals", str(folder_of(folder, files, limits.MAX_ROWS))]


def folder_at_the_run_limit_report(folder: Path) -> list[str]:
    files = limits.MAX_RUN_ROWS // (limits.MAX_ROWS - 1)
    actuals = folder_of(folder, files, limits.MAX_ROWS)
    return ["report", "--actuals", str(actuals), "-o", str(folder / "pack.xlsx")]


def folder_beyond_the_run_limit(folder: Path) -> list[str]:
    return ["status", "--actuals", str(folder_of(folder, 200, limits.MAX_ROWS))]


def folder_beyond_the_run_limit_report(folder: Path) -> list[str]:
    actuals = folder_of(folder, 200, limits.MAX_ROWS)
    return ["report", "--actuals", str(actuals), "-o", str(folder / "pack.xlsx")]


def registry_at_the_limit(folder: Path) -> Path:
    """The shipped registry with copies of its entries under new ids, to just under 2 MiB."""
    shipped = default_registry_path().resolve()
    text = shipped.read_text(encoding="utf-8")
    head, _, entries = text.partition("\ntargets:\n")
    end = re.search(r"\n(?=\S)", entries)  # the next top-level key (not_commitments: …)
    tail = entries[end.start() :] if end else ""
    entries = entries[: end.start()] if end else entries
    blocks = entries.split("\n  - id: ")
    first, rest = blocks[0], blocks[1:]
    grown = [first, *rest]
    copy = 0
    size = len((head + "\ntargets:\n" + tail).encode()) + sum(len(b.encode()) + 9 for b in grown)
    while True:
        copy += 1
        for block in rest:
            ident, _, body = block.partition("\n")
            added = f"{ident}_c{copy}\n{body}"
            size += len(added.encode()) + 9
            if size > limits.MAX_REGISTRY_BYTES - 1024:
                break
            grown.append(added)
        else:
            continue
        break
    (folder / "data").mkdir()
    shutil.copytree(shipped.parent.parent / "seeds", folder / "seeds")
    path = folder / "data" / "targets.yaml"
    path.write_text(head + "\ntargets:\n" + "\n  - id: ".join(grown) + tail, encoding="utf-8")
    return path


def lint_at_the_limit(folder: Path) -> list[str]:
    return ["lint", str(registry_at_the_limit(folder))]


def targets_at_the_limit(folder: Path) -> list[str]:
    return ["targets", "--targets", str(registry_at_the_limit(folder)), "-f", "json"]


def lint_beyond_the_limit(folder: Path) -> list[str]:
    path = folder / "big.yaml"
    with path.open("wb") as stream:
        stream.truncate(6_400_000)
    return ["lint", str(path)]


def draft_text(folder: Path, text: str) -> list[str]:
    path = folder / "report.txt"
    path.write_text(text, encoding="utf-8")
    return ["draft", str(path), "--year", "2023", "-o", str(folder / "drafted.yaml")]


def draft_spread(folder: Path) -> list[str]:
    from draft_speed import CASES as DRAFTS

    return draft_text(folder, DRAFTS["a commitment in every 2 KB"](limits.MAX_REPORT_BYTES))


def draft_clauses(folder: Path) -> list[str]:
    from draft_speed import CASES as DRAFTS

    name = "clauses without figures (推进工作,)"
    return draft_text(folder, DRAFTS[name](limits.MAX_REPORT_BYTES))


def draft_line_breaks(folder: Path) -> list[str]:
    return draft_text(folder, "二、2023年工作安排\n" + "\n" * (limits.MAX_REPORT_BYTES - 40))


def draft_figures(folder: Path) -> list[str]:
    return draft_text(folder, "二、2023年工作安排\n" + "新增企业5家," * 400_000)


@dataclasses.dataclass(frozen=True)
class Case:
    label: str
    make: Callable[[Path], list[str]]
    accepted: bool  # read whole (exit 0 or 1); else refused (exit 2)
    heavy: bool = False  # too slow to make in the test suite


def deep_registry(folder: Path) -> list[str]:
    """YAML nested 100,000 levels: refused after reading the levels a registry may have."""
    path = folder / "deep.yaml"
    path.write_text("targets: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    return ["targets", "--targets", str(path)]


ROWS = f"{limits.MAX_ROWS:,}"
CASES: list[Case] = [
    Case(
        f"a typical month (every id of the registry, {len(month_rows(6))} rows, CSV)",
        typical_month,
        True,
    ),
    Case("a year of monthly files (12 × every id), status", year_status, True),
    Case("a year of monthly files (12 × every id), report to .xlsx", year_report, True),
    Case(f"CSV at the row limit ({ROWS} rows)", rows_at_the_limit, True),
    Case(f".xlsx at the row limit ({ROWS} rows)", xlsx_at_the_limit, True, heavy=True),
    Case(f"CSV at the cell limit ({ROWS} rows x {WIDTH} columns of CJK text)", widest_csv, True),
    Case(f".xlsx at the cell limit ({ROWS} rows x {WIDTH} columns)", widest_xlsx, True, True),
    Case(
        f"a folder at the run limit ({limits.MAX_RUN_ROWS // (limits.MAX_ROWS - 1)} files × "
        f"{ROWS} rows), status",
        folder_at_the_run_limit,
        True,
        heavy=True,
    ),
    Case(
        f"a folder at the run limit ({limits.MAX_RUN_ROWS // (limits.MAX_ROWS - 1)} files × "
        f"{ROWS} rows), report",
        folder_at_the_run_limit_report,
        True,
        heavy=True,
    ),
    Case(f"a folder of 200 files × {ROWS} rows, status", folder_beyond_the_run_limit, False, True),
    Case(
        f"a folder of 200 files × {ROWS} rows, report",
        folder_beyond_the_run_limit_report,
        False,
        True,
    ),
    Case("a million-row CSV (23 MB)", million_rows, False),
    Case("a million short rows (6 MB)", million_short_rows, False),
    Case(".xlsx declaring a million rows (2 KB)", declared_million_rows, False),
    Case(".xlsx holding a 600 MB cell (0.6 MB)", huge_cell, False, heavy=True),
    Case(
        ".xlsx with 45 million characters of text within the other limits",
        text_heavy_xlsx,
        False,
        heavy=True,
    ),
    Case(
        ".xlsx whose headers state 1000 bytes for a 1 GB sheet (1 MB)",
        understated_part,
        False,
        heavy=True,
    ),
    Case("registry of nested YAML aliases", alias_bomb, False),
    Case("registry whose report text is /dev/zero", endless_report, False),
    Case("registry nested 100,000 levels deep (200 KB)", deep_registry, False),
    Case("registry just under 2 MiB, targets -f json", targets_at_the_limit, True, heavy=True),
    Case("registry just under 2 MiB, lint", lint_at_the_limit, True, heavy=True),
    Case("registry of 6.4 MB, lint", lint_beyond_the_limit, False),
    Case("draft: 8 MiB, a commitment in every 2 KB", draft_spread, True, heavy=True),
    Case("draft: 8 MiB of clauses without figures", draft_clauses, True, heavy=True),
    Case("draft: 8 MiB of line breaks", draft_line_breaks, True, heavy=True),
    Case("draft: 400,000 commitments (5 MB)", draft_figures, False, heavy=True),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", default="")
    wanted = parser.parse_args().only
    print(f"{platform.machine()} {platform.system()}, Python {platform.python_version()}, ")
    print(f"{os.cpu_count()} CPUs; one run per case, registry cache off\n")
    print("| input | exit | seconds | peak RSS |")
    print("| --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        for number, case in enumerate(CASES):
            if wanted and wanted not in case.label:
                continue
            folder = Path(tmp) / str(number)
            folder.mkdir()
            args = case.make(folder)
            status, seconds, peak = run(args, folder)
            print(f"| {case.label} | {status} | {seconds:.2f} | {peak:.0f} MiB |", flush=True)
            shutil.rmtree(folder)


if __name__ == "__main__":
    main()
