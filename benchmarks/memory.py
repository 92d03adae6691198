"""Peak memory and time of reportcheck on hostile and limit-sized inputs.

Each case runs `reportcheck` in a fresh process and reads its peak resident set size from the
kernel (wait4). Inputs are generated in a temporary folder. Usage: python benchmarks/memory.py
"""

from __future__ import annotations

import io
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from reportcheck.model import limits
from reportcheck.registry.shipped import default_registry_path

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "examples" / "huzhou-2023-h1-official.csv"


def run(args: list[str], cwd: Path) -> tuple[int, float, float]:
    """(exit status, seconds, peak RSS in MiB) of one reportcheck run."""
    env = {**os.environ, "REPORTCHECK_NO_CACHE": "1", "COLUMNS": "120"}
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "reportcheck", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    return process.returncode, seconds, usage.ru_maxrss / 1024


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
    per_row = limits.MAX_FILE_BYTES // limits.MAX_ROWS - 30
    cell = "统" * max(1, (per_row // WIDTH - 1) // 3)
    row = ",".join(["gdp_growth", "2023-06", "5.7"] + [cell] * (WIDTH - 3)) + "\n"
    path = folder / "widest.csv"
    with path.open("w", encoding="utf-8") as stream:
        stream.write(",".join(columns) + "\n")
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


def deep_registry(folder: Path) -> list[str]:
    """YAML nested 100,000 levels: refused after reading the levels a registry may have."""
    path = folder / "deep.yaml"
    path.write_text("targets: " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    return ["targets", "--targets", str(path)]


def big_registry_linted(folder: Path) -> list[str]:
    """A registry of 6.4 MB given to lint: refused by its size before it is read."""
    entry = "  - {id: a, section: 二, quote: 地区生产总值增长6%左右, name_zh: x, name_en: x}\n"
    path = folder / "big.yaml"
    path.write_text("targets:\n" + entry * (6_400_000 // len(entry.encode())), encoding="utf-8")
    return ["lint", str(path)]


def typical_month(folder: Path) -> list[str]:
    shutil.copy(EXAMPLE, folder / "month.csv")
    return ["diff", str(folder / "month.csv")]


CASES: list[tuple[str, Callable[[Path], list[str]]]] = [
    ("a typical month (93 rows, CSV)", typical_month),
    (f"CSV at the row limit ({limits.MAX_ROWS} rows)", rows_at_the_limit),
    (f".xlsx at the row limit ({limits.MAX_ROWS} rows)", xlsx_at_the_limit),
    ("CSV at the cell limit (20,000 rows x 10 columns of CJK text)", widest_csv),
    (".xlsx at the cell limit (20,000 rows x 10 columns)", widest_xlsx),
    ("a million-row CSV (23 MB)", million_rows),
    ("a million short rows (6 MB)", million_short_rows),
    (".xlsx declaring a million rows (2 KB)", declared_million_rows),
    (".xlsx holding a 600 MB cell (0.6 MB)", huge_cell),
    (".xlsx with 45 million characters of text within the other limits", text_heavy_xlsx),
    (".xlsx whose headers state 1000 bytes for a 1 GB sheet (1 MB)", understated_part),
    ("registry of nested YAML aliases", alias_bomb),
    ("registry whose report text is /dev/zero", endless_report),
    ("registry nested 100,000 levels deep (200 KB)", deep_registry),
    ("lint of a 6.4 MB registry", big_registry_linted),
]


def main() -> None:
    print(f"{platform.machine()} {platform.system()}, Python {platform.python_version()}, ")
    print(f"{os.cpu_count()} CPUs; one run per case, registry cache off\n")
    print("| input | exit | seconds | peak RSS |")
    print("| --- | --- | --- | --- |")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for name, make in CASES:
            args = make(folder)
            status, seconds, peak = run(args, folder)
            print(f"| {name} | {status} | {seconds:.2f} | {peak:.0f} MiB |", flush=True)
            for path in folder.iterdir():
                path.unlink()


if __name__ == "__main__":
    main()
