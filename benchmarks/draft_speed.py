"""Time and peak memory of `reportcheck draft` on large and hostile texts.

Run from the repository with reportcheck installed:  python benchmarks/draft_speed.py
[--sizes 4000000,8388608] [--timeout 60] [--only NAME]

Each text is a plan heading followed by one pattern repeated to the size asked for (bytes of
UTF-8), drafted in a fresh process whose peak resident set size is read from the kernel. Drafting
must be linear in the text: every case of 8 MiB (the largest report `draft` reads) within 15 s on
a 2-core machine, and memory bounded whatever the text.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEED = REPO / "src" / "reportcheck" / "seeds" / "000_2ae2d6b944143d98.txt"
HEAD = "二、2023年工作安排\n"


def repeat(unit: str, size: int, head: str = HEAD, tail: str = "") -> str:
    """`head`, then `unit` as many times as fits in `size` bytes of UTF-8, then `tail`."""
    room = size - len((head + tail).encode())
    return head + unit * max(0, room // len(unit.encode())) + tail


def one_run(fill: str) -> Callable[[int], str]:
    """A single figure or word stretched to the size: `fill` between 增长 and %."""
    return lambda size: repeat(fill, size, HEAD + "增长", "%。\n")


def report_repeated(size: int) -> str:
    text = SEED.read_text(encoding="utf-8")
    return (text * (size // len(text.encode()) + 1)).encode()[:size].decode(errors="ignore")


def long_review(size: int) -> str:
    """A review part of nearly the whole size, then a plan whose entries look for baselines."""
    plan = "\n二、2023年工作安排\n" + "城乡居民收入倍差进一步缩小,占比提高1个百分点。" * 60
    review = repeat("城乡居民收入倍差1.61,", size - len(plan.encode()), "一、2022年工作回顾\n")
    return review + plan


#: About 2 KB of plan: one commitment among clauses of prose, so that a text of 8 MiB drafts
#: some 4,000 commitments, within MAX_DRAFT_COMMITMENTS.
SPREAD = "新增企业5家," + "推进工作," * 160

CASES: dict[str, Callable[[int], str]] = {
    "a commitment in every 2 KB": lambda n: repeat(SPREAD, n),
    "a year in every 200 bytes (到2027年)": lambda n: repeat("到2027年," + "推进工作," * 15, n),
    "clauses with figures (新增企业5家,)": lambda n: repeat("新增企业5家,", n),
    "clauses without figures (推进工作,)": lambda n: repeat("推进工作,", n),
    "list items (建设A项目、)": lambda n: repeat("建设A项目、", n),
    "list items with figures (A增长5%、)": lambda n: repeat("A增长5%、", n),
    "line breaks": lambda n: repeat("\n", n),
    "spaces": lambda n: repeat(" ", n),
    "spaces in one figure's clause": one_run(" "),
    "one clause, no punctuation (发展经济)": lambda n: repeat("发展经济", n),
    "one figure of all the digits": one_run("9"),
    "thousands separators (1,000,000,…)": lambda n: repeat(",000", n, HEAD + "新增1", "元。"),
    "Chinese fractions (三分之二、)": lambda n: repeat("三分之二、", n),
    "Chinese numerals (十)": one_run("十"),
    "opening quotation marks": lambda n: repeat("“", n),
    "quoted names (“A”、)": lambda n: repeat("“A”、", n),
    "double dashes (——)": lambda n: repeat("——", n),
    "headings (一、A)": lambda n: repeat("(一)新增企业5家\n", n),
    "deliverables (开工建设A项目,)": lambda n: repeat("开工建设A项目,", n),
    "leading words (我市)": lambda n: repeat("我市", n, HEAD, "增长5%。"),
    "years (2023年,)": lambda n: repeat("到2027年,", n),
    "a long review, then baselines": long_review,
    "the Huzhou report, repeated": report_repeated,
}


def run(path: Path, timeout: float) -> tuple[str, float, float]:
    """(exit status or 'timeout', seconds, peak RSS in MiB) of one draft."""
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "reportcheck", "draft", str(path), "--year", "2023"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = start + timeout
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return str(process.returncode), time.perf_counter() - start, usage.ru_maxrss / 1024
        if time.perf_counter() > deadline:
            process.kill()
            _, _, usage = os.wait4(process.pid, 0)
            return "timeout", timeout, usage.ru_maxrss / 1024
        time.sleep(0.02)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default=f"{4_000_000},{8 * 2**20}")
    parser.add_argument("--timeout", type=float, default=60)
    parser.add_argument("--only", default="")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print(f"{platform.machine()} {platform.system()}, Python {platform.python_version()}, ")
    print(f"{os.cpu_count()} CPUs; one run per case, killed after {args.timeout:.0f} s\n")
    print("| text | " + " | ".join(f"{s:,} bytes: exit, s, MiB" for s in sizes) + " |")
    print("| --- |" + " --- |" * len(sizes))
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "report.txt"
        for name, make in CASES.items():
            if args.only and args.only not in name:
                continue
            cells = []
            for size in sizes:
                path.write_text(make(size), encoding="utf-8")
                status, seconds, peak = run(path, args.timeout)
                cells.append(f"{status}, {seconds:.1f}, {peak:.0f}")
            print(f"| {name} | " + " | ".join(cells) + " |", flush=True)


if __name__ == "__main__":
    main()
