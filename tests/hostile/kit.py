"""What the cases are made of: files of actuals, registries and reports; checks of a verdict."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from .harness import RAW_CONTROL, REPO, Case, Check, Expect, Outcome, Setup

HEADER = "id,period,value"
SHIPPED = REPO / "src" / "reportcheck" / "data" / "targets.yaml"
SEEDS = REPO / "src" / "reportcheck" / "seeds"
EXAMPLES = REPO / "examples"
#: What a formula-like cell starts with (a spreadsheet runs it).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

Builder = Callable[[Path], Setup]


def csv_text(*rows: str, header: str = HEADER) -> str:
    return "\n".join([header, *rows]) + "\n"


def put(folder: Path, name: str, data: str | bytes, encoding: str = "utf-8") -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode(encoding))
    return path


# ── what a command printed ───────────────────────────────────────────────────────────────────


def results(outcome: Outcome) -> dict[str, dict[str, Any]]:
    document = json.loads(outcome.stdout.decode("utf-8"), parse_float=Decimal)
    return {result["id"]: result for result in document.get("results", [])}


def judged(target: str, status: str, actual: str | None = None, **fields: Any) -> Check:
    """The result for `target` has `status` (and `actual`, exactly, and any other field)."""

    def check(outcome: Outcome) -> str | None:
        try:
            found = results(outcome).get(target)
        except ValueError as exc:
            return f"standard output is not JSON: {exc}"
        if found is None:
            return f"no result for {target}"
        if found["status"] != status:
            return f"{target} is {found['status']}, not {status} ({found.get('reason')})"
        if actual is not None and Decimal(str(found["actual"])) != Decimal(actual):
            return f"{target} read as {found['actual']}, not {actual}"
        for name, value in fields.items():
            if found.get(name) != value:
                return f"{target}: {name} is {found.get(name)!r}, not {value!r}"
        return None

    return check


def every(*checks: Check) -> Check:
    def check(outcome: Outcome) -> str | None:
        for one in checks:
            wrong = one(outcome)
            if wrong:
                return wrong
        return None

    return check


def says(*words: str, stream: str = "out") -> Check:
    """Standard output (or error) holds each of `words`."""

    def check(outcome: Outcome) -> str | None:
        text = outcome.out if stream == "out" else outcome.err
        missing = [word for word in words if word not in text]
        return f"{stream} lacks {missing!r}" if missing else None

    return check


def lacks(*words: str, stream: str = "out") -> Check:
    def check(outcome: Outcome) -> str | None:
        text = outcome.out if stream == "out" else outcome.err
        found = [word for word in words if word in text]
        return f"{stream} holds {found!r}" if found else None

    return check


def warned(code: str) -> Check:
    return says(f"[{code}]", stream="err")


def no_raw_controls(outcome: Outcome) -> str | None:
    found = RAW_CONTROL.search(outcome.out)
    return f"control character {found.group()!r} in the output" if found else None


def safe_csv_text(text: str) -> str | None:
    """None when no cell of CSV `text` would run as a formula in a spreadsheet."""
    for row in csv.reader(io.StringIO(text.lstrip("\ufeff"))):
        for cell in row:
            if cell.startswith(FORMULA_START) and not _number(cell):
                return f"formula-like cell {cell[:40]!r}"
    return None


def _number(cell: str) -> bool:
    try:
        Decimal(cell)
    except ArithmeticError:
        return False
    return True


def safe_csv(outcome: Outcome) -> str | None:
    return safe_csv_text(outcome.out)


# ── commands ─────────────────────────────────────────────────────────────────────────────────


def diff(path: Path | str, *extra: str, check: Check | None = None, **setup: Any) -> Setup:
    return Setup(["diff", str(path), "-f", "json", *extra], check=check, **setup)


def refused_diff(path: Path, *extra: str, mentions: Sequence[str] = (), **setup: Any) -> Setup:
    """`diff` of `path` as a table: refused, naming the file (and `mentions`)."""
    return Setup(
        ["diff", str(path), *extra], mentions=(path.name, *mentions), keep=(path,), **setup
    )


def actuals_case(
    category: str,
    name: str,
    expect: Expect,
    data: str | bytes,
    *,
    check: Check | None = None,
    codes: Sequence[str] = (),
    mentions: Sequence[str] = (),
    file: str = "actuals.csv",
    encoding: str = "utf-8",
    extra: Sequence[str] = (),
    lang: str = "en",
    slow: bool = False,
    xfail: str | None = None,
) -> Case:
    """A case of one file of actuals given to `diff`: read and judged by `check`, or refused."""

    def build(folder: Path) -> Setup:
        path = put(folder, file, data, encoding)
        if expect == "read":
            return diff(path, *extra, check=check, keep=(path,))
        return refused_diff(path, *extra, mentions=mentions)

    return Case(
        category,
        name,
        expect,
        build,
        codes=tuple(codes),
        lang=lang,
        slow=slow,
        xfail=xfail,
    )


# ── registries ───────────────────────────────────────────────────────────────────────────────

#: A report in two parts, whose plan part holds exactly the numbers the small registry quotes.
SEED = (
    "一、2022年工作回顾\n去年城乡居民收入倍差缩小至1.61,地区生产总值增长3.3%。\n"
    "二、今年工作安排\n今年地区生产总值增长6%左右,引进大学生9万名以上,"
    "贷款余额突破1万亿元,排名进入全国前25位,新增财力的三分之二以上用于民生,"
    "居民人均可支配收入增长快于经济增长,节能减排完成省定任务。\n"
)


def entry(target: str, quote: str, unit: str, comparator: str, kind: str, *more: str) -> str:
    lines = [
        f"  - id: {target}",
        "    section: 二",
        f"    quote: {quote}",
        f"    name_zh: {quote[:6]}",
        f"    name_en: {target.replace('_', ' ').capitalize()}",
        f'    unit: "{unit}"',
        f"    comparator: {comparator}",
        *(f"    {line}" for line in more),
        f"    kind: {kind}",
        "    released: monthly",
    ]
    return "\n".join(lines) + "\n"


GDP = entry(
    "gdp_growth", "地区生产总值增长6%左右", "%", "about", "rate", "value: 6", "tolerance: 0.5"
)
GRADUATES = entry("graduates", "引进大学生9万名以上", "万人", "at_least", "cumulative", "value: 9")
LOANS = entry("loan_balance", "贷款余额突破1万亿元", "亿元", "more_than", "stock", "value: 10000")
RANK = entry("city_rank", "排名进入全国前25位", "位", "rank_within", "rate", "value: 25")
SHARE = entry(
    "livelihood_share", "新增财力的三分之二以上用于民生", "%", "at_least", "rate", "value: 200/3"
)
INCOME = entry(
    "income_growth",
    "居民人均可支配收入增长快于经济增长",
    "%",
    "faster_than",
    "rate",
    "other: gdp_growth",
)
ENERGY = entry("energy_saving", "节能减排完成省定任务", "是/否", "done", "yesno")
#: Every entry the seed's plan asks for.
ENTRIES = GDP + GRADUATES + LOANS + RANK + SHARE + INCOME + ENERGY


def registry_text(
    entries: str = ENTRIES,
    *,
    report_extra: str = "",
    top: str = "",
    year: str = "2023",
    seed: str = "seed.txt",
) -> str:
    return (
        "report:\n  city_zh: 某市\n  city_en: Somewhere\n"
        f"  year: {year}\n  title_zh: 报告\n  title_en: Report\n"
        f'  date: "2023-02-01"\n  source: 日报\n  seed: {seed}\n{report_extra}'
        f"{top}sections:\n  二: {{zh: 主要预期目标, en: Main targets}}\ntargets:\n{entries}"
    )


def registry(folder: Path, text: str, *, seed: str = SEED, name: str = "targets.yaml") -> Path:
    put(folder, "seed.txt", seed)
    return put(folder, name, text)


def shipped_copy(folder: Path, change: Callable[[str], str] = lambda text: text) -> Path:
    """The shipped registry and its texts copied into `folder`, the registry's text changed."""
    (folder / "data").mkdir(parents=True, exist_ok=True)
    shutil.copytree(SEEDS, folder / "seeds", dirs_exist_ok=True)
    target = folder / "data" / "targets.yaml"
    target.write_text(change(SHIPPED.read_text(encoding="utf-8")), encoding="utf-8")
    return target


def figures(folder: Path, rows: Iterable[str], name: str = "actuals.csv") -> Path:
    return put(folder, name, csv_text(*rows))
