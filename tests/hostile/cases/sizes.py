"""Sizes: rows, columns, cells, characters and bytes at and just beyond every limit of
`reportcheck.model.limits`, for one file and for a run over a folder; what is within is read
whole, what is beyond is refused naming the limit, in bounded time and memory."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportcheck.model import limits

from ..harness import Case, Check, Outcome, Setup
from ..kit import SEED, csv_text, judged, put, registry, registry_text

C = "sizes"
ROW = "gdp_growth,2023-06,5.7\n"
RIGHT = judged("gdp_growth", "on_track", "5.7")


def _write_rows(path: Path, rows: int, row: str = ROW, header: str = "id,period,value\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(header)
        stream.writelines(row for _ in range(rows))
    return path


def _sized(path: Path, size: int) -> Path:
    """A CSV of exactly `size` bytes: gdp_growth's row, then rows whose notes fill the rest."""
    header = "id,period,value,note\n"
    first = "gdp_growth,2023-06,5.7,\n"
    count = limits.MAX_ROWS - 2
    base = len("graduates,2023-06,4.6,\n")
    notes, longer = divmod(size - len(header) - len(first) - base * count, count)
    with path.open("w", encoding="utf-8", newline="") as stream:
        stream.write(header + first)
        stream.writelines(f"graduates,2023-06,4.6,{'x' * (notes + 1)}\n" for _ in range(longer))
        stream.writelines(f"graduates,2023-06,4.6,{'x' * notes}\n" for _ in range(count - longer))
    assert path.stat().st_size == size, path.stat().st_size
    return path


def file_case(
    name: str,
    expect: str,
    make: Callable[[Path], Path],
    *,
    check: Check = RIGHT,
    codes: tuple[str, ...] = ("too-large",),
    slow: bool = False,
    extra: tuple[str, ...] = (),
) -> Case:
    def build(folder: Path) -> Setup:
        path = make(folder)
        if expect == "read":
            return Setup(["diff", str(path), "-f", "json", *extra], check=check, keep=(path,))
        return Setup(["diff", str(path), *extra], keep=(path,), mentions=(path.name,))

    return Case(C, name, expect, build, codes=codes if expect == "refused" else (), slow=slow)


def _sparse(size: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = folder / "big.csv"
        with path.open("wb") as stream:
            stream.write(b"id,period,value\n" + ROW.encode())
            stream.truncate(size)
        return path

    return make


def _rows(count: int, name: str = "rows.csv") -> Callable[[Path], Path]:
    """`count` rows in all, the header included."""
    return lambda folder: _write_rows(folder / name, count - 1)


def _columns(count: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        extra = [f"c{i}" for i in range(count - 3)]
        header = ",".join(["id", "period", "value", *extra]) + "\n"
        row = ",".join(["gdp_growth", "2023-06", "5.7", *("" for _ in extra)]) + "\n"
        return put(folder, "wide.csv", header + row)

    return make


def _cells(rows: int, columns: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        extra = [f"c{i}" for i in range(columns - 3)]
        header = ",".join(["id", "period", "value", *extra]) + "\n"
        row = ",".join(["gdp_growth", "2023-06", "5.7", *("1" for _ in extra)]) + "\n"
        return _write_rows(folder / "cells.csv", rows - 1, row, header)

    return make


def _cell(chars: int) -> Callable[[Path], Path]:
    return lambda folder: put(
        folder,
        "cell.csv",
        csv_text(f"gdp_growth,2023-06,5.7,{'长' * chars}", header="id,period,value,note"),
    )


def _one_line(data: bytes) -> Callable[[Path], Path]:
    return lambda folder: put(folder, "line.csv", b"id,period,value\n" + data)


def _xlsx_rows(count: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        from openpyxl import Workbook

        book = Workbook(write_only=True)
        sheet = book.create_sheet()
        sheet.append(["id", "period", "value"])
        for _ in range(count - 1):
            sheet.append(["gdp_growth", "2023-06", 5.7])
        path = folder / "rows.xlsx"
        book.save(path)
        return path

    return make


def _xlsx_text(folder: Path) -> Path:
    """A workbook within every limit of a sheet holding more text than a CSV at the size limit."""
    from openpyxl import Workbook

    book = Workbook(write_only=True)
    long = "长" * limits.MAX_CELL_CHARS
    for s in range(3):
        sheet = book.create_sheet(f"S{s}")
        sheet.append(["id", "period", "value", "note"])
        for _ in range(limits.MAX_TEXT_CHARS // limits.MAX_CELL_CHARS // 2):
            sheet.append(["gdp_growth", "2023-06", 5.7, long])
    path = folder / "text.xlsx"
    book.save(path)
    return path


CASES: list[Case] = [
    file_case(
        "bytes-at-limit", "read", lambda f: _sized(f / "at.csv", limits.MAX_FILE_BYTES), slow=True
    ),
    file_case(
        "bytes-beyond-limit", "refused", lambda f: _sized(f / "over.csv", limits.MAX_FILE_BYTES + 1)
    ),
    file_case("sparse-gigabyte", "refused", _sparse(1 << 30)),
    file_case("sparse-just-beyond", "refused", _sparse(limits.MAX_FILE_BYTES + 1)),
    file_case(
        "rows-at-limit",
        "read",
        _rows(limits.MAX_ROWS),
        check=RIGHT if False else judged("gdp_growth", "on_track", "5.7"),
    ),
    file_case("rows-beyond-limit", "refused", _rows(limits.MAX_ROWS + 1)),
    file_case("million-rows", "refused", _rows(1_000_000), slow=True),
    file_case("columns-at-limit", "read", _columns(limits.MAX_COLUMNS)),
    file_case("columns-beyond-limit", "refused", _columns(limits.MAX_COLUMNS + 1)),
    file_case(
        "cells-at-limit", "read", _cells(limits.MAX_ROWS, limits.MAX_CELLS // limits.MAX_ROWS)
    ),
    file_case("cells-beyond-limit", "refused", _cells(limits.MAX_CELLS // 20 + 1, 20)),
    file_case("cell-at-limit", "read", _cell(limits.MAX_CELL_CHARS)),
    file_case("cell-beyond-limit", "refused", _cell(limits.MAX_CELL_CHARS + 1)),
    file_case(
        "one-line-of-8-mib",
        "refused",
        _one_line(b"x" * (8 << 20) - 100 if False else b"x" * ((8 << 20) - 100)),
    ),
    file_case("commas", "refused", _one_line(b"," * ((8 << 20) - 100))),
    file_case(
        "line-breaks",
        "refused",
        _one_line(b"\n" * ((8 << 20) - 100)),
        codes=("too-large", "no-figures", "header-only"),
    ),
    file_case(
        "carriage-returns",
        "refused",
        _one_line(b"\r" * ((8 << 20) - 100)),
        codes=("too-large", "no-figures", "header-only"),
    ),
    file_case(
        "open-quote",
        "refused",
        _one_line(b'gdp_growth,2023-06,"' + b"5" * ((8 << 20) - 100)),
        codes=("too-large", "wrong-file-type"),
    ),
    file_case(
        "quotes",
        "refused",
        _one_line(b'"' * ((8 << 20) - 100)),
        codes=("too-large", "wrong-file-type", "missing-column", "wrong-field-count"),
    ),
    file_case("xlsx-rows-at-limit", "read", _xlsx_rows(limits.MAX_ROWS), slow=True),
    file_case("xlsx-rows-beyond-limit", "refused", _xlsx_rows(limits.MAX_ROWS + 1), slow=True),
    file_case("xlsx-text-beyond-limit", "refused", _xlsx_text, slow=True),
]


def _stdin(size: int) -> Case:
    def build(folder: Path) -> Setup:
        data = b"id,period,value,note\n" + b"gdp_growth,2023-06,5.7," + b"x" * (size - 44) + b"\n"
        return Setup(["diff", "-"], stdin=data)

    return Case(C, f"stdin-{size}", "refused", build, codes=("too-large",))


CASES.append(_stdin(limits.MAX_FILE_BYTES + 1024))


def _errors_after_warnings(folder: Path) -> Setup:
    """150 repeated rows (warnings), then one error: the error is among the lines listed."""
    path = _write_rows(folder / "a.csv", 150)
    with path.open("a", encoding="utf-8") as stream:
        stream.write("graduates,2023-06,abc\n")
    return Setup(["diff", str(path)], keep=(path,), mentions=("'abc'",))


def _warnings_counted(folder: Path) -> Setup:
    """150 repeated rows: JSON lists a hundred warnings and counts the rest, as it does errors."""
    path = _write_rows(folder / "a.csv", 151)

    def check(outcome: Outcome) -> str | None:
        document = outcome.json()
        listed, omitted = len(document["warnings"]), document.get("warnings_omitted")
        return None if (listed, omitted) == (100, 50) else f"{listed} listed, {omitted} omitted"

    return Setup(["diff", str(path), "-f", "json"], keep=(path,), check=check)


CASES.append(Case(C, "json-warnings-listed-like-errors", "read", _warnings_counted))
CASES.append(
    Case(
        C,
        "errors-listed-before-warnings",
        "refused",
        _errors_after_warnings,
        codes=("not-a-number",),
    )
)


# ── a run over a folder ──────────────────────────────────────────────────────────────────────


def run_case(
    name: str,
    expect: str,
    files: int,
    rows: int,
    *,
    command: str = "diff",
    width: int = 0,
    codes: tuple[str, ...] = ("too-large",),
    slow: bool = True,
) -> Case:
    """`files` files of `rows` rows each (the header included), each within every file limit."""

    def build(folder: Path) -> Setup:
        actuals = folder / "actuals"
        note = "x" * width
        for i in range(files):
            header = "id,period,value,note\n"
            # One figure each, repeated: the reading costs what the rows cost.
            _write_rows(
                actuals / f"{i:03d}.csv", rows - 1, f"gdp_growth,2023-06,5.7,{note}\n", header
            )
        if command == "diff":
            args = ["diff", str(actuals), "-f", "json", "--fail-on", "never"]
        elif command == "status":
            args = ["status", "--actuals", str(actuals), "-f", "json", "--fail-on", "never"]
        else:
            args = ["report", "--actuals", str(actuals), "-o", str(folder / "pack.html")]
        check = None if command == "report" or expect == "refused" else RIGHT
        return Setup(args, check=check)

    return Case(C, name, expect, build, codes=codes if expect == "refused" else (), slow=slow)


PER_FILE = limits.MAX_ROWS
WITHIN_ROWS = limits.MAX_RUN_ROWS // (PER_FILE - 1)  # whole files within the rows of a run
CASES += [
    run_case("run-rows-within", "read", WITHIN_ROWS, PER_FILE),
    run_case("run-rows-beyond", "refused", WITHIN_ROWS + 1, PER_FILE),
    run_case("run-rows-200-files-status", "refused", 200, PER_FILE, command="status"),
    run_case("run-rows-200-files-report", "refused", 200, PER_FILE, command="report"),
    run_case("run-bytes-beyond", "refused", 5, 17_000, width=400),
    run_case("run-bytes-within", "read", 4, 17_000, width=400),
    run_case("run-small-files", "read", 50, 100, slow=False),
]


# ── registries and report texts ──────────────────────────────────────────────────────────────


def _registry_sized(size: int) -> Callable[[Path], str]:
    def text(folder: Path) -> str:
        body = registry_text()
        padding = size - len(body.encode()) - 1
        return body + "#" + "x" * (padding - 1) + "\n"

    return text


def _sparse_registry(folder: Path) -> Path:
    path = registry(folder, "")
    with path.open("r+b") as stream:
        stream.truncate(1 << 30)
    return path


def registry_case(
    name: str,
    expect: str,
    make: Callable[[Path], Path],
    *,
    codes: tuple[str, ...] = ("registry-unreadable",),
    slow: bool = False,
    command: tuple[str, ...] = ("targets", "-f", "json"),
) -> Case:
    def build(folder: Path) -> Setup:
        path = make(folder)
        args = ["lint", str(path)] if not command else ["--targets", str(path), *command]
        return Setup(args, keep=(path,), check=(lambda o: None) if expect == "read" else None)

    return Case(C, name, expect, build, codes=codes if expect == "refused" else (), slow=slow)


def _registry_of(size: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = registry(folder, _registry_sized(size)(folder))
        assert path.stat().st_size == size, path.stat().st_size
        return path

    return make


def _seed_of(size: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        padding = "。" + "今年继续努力" * ((size - len(SEED.encode())) // 18)
        text = SEED + padding
        text += "x" * (size - len(text.encode()))
        return registry(folder, registry_text(), seed=text)

    return make


CASES += [
    registry_case("registry-at-limit", "read", _registry_of(limits.MAX_REGISTRY_BYTES)),
    registry_case("registry-beyond-limit", "refused", _registry_of(limits.MAX_REGISTRY_BYTES + 1)),
    registry_case(
        "registry-sparse-gigabyte",
        "refused",
        _sparse_registry,
    ),
    registry_case(
        "lint-registry-beyond-limit",
        "refused",
        _registry_of(limits.MAX_REGISTRY_BYTES + 1),
        command=(),
    ),
    registry_case("seed-4-mib", "read", _seed_of(4 << 20), slow=True),
    registry_case("seed-at-limit", "read", _seed_of(limits.MAX_REPORT_BYTES), slow=True),
    registry_case(
        "seed-beyond-limit",
        "refused",
        _seed_of(limits.MAX_REPORT_BYTES + 1),
        codes=("registry-seed-unreadable",),
    ),
]
