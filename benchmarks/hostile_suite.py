"""The hostile suite, every case, and the table by category: cases, handled, failed, time, memory.

Each case of tests/hostile/cases/ runs `python -m reportcheck` in a fresh process with a time
limit and a limit on its address space, and is judged as tests/hostile/harness.py says: refused
with a clear error or read right, in bounded time and memory, with no file lost. A case is
handled when it ends as it should; the share handled is the figure issue 24 asks for (97% or
better). Cases known to fail (marked xfail, each with its reason) count as failed here.

Usage: python benchmarks/hostile_suite.py [--jobs N] [--only CATEGORY[,...]] [--failures] [--each]
  --jobs N    cases run at once (default 1: each case's time and memory measured alone)
  --failures  why each case failed; --each: every case's verdict, time and memory
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.hostile.cases import CATEGORIES, all_cases  # noqa: E402
from tests.hostile.harness import MEMORY_MIB, TIME_LIMIT, Verdict, run_all  # noqa: E402


def table(verdicts: list[Verdict]) -> list[str]:
    """The Markdown table by category, then the whole suite."""
    lines = [
        "| category | cases | handled | failed | median s | max s | max MiB |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name in (*CATEGORIES, "all"):
        rows = [v for v in verdicts if name in ("all", v.case.category) and v.kind != "skipped"]
        if not rows:
            continue
        handled = sum(v.handled for v in rows)
        seconds = [v.seconds for v in rows]
        memory = [v.memory_mib for v in rows if v.memory_mib is not None]
        label = f"**{name}**" if name == "all" else name
        peak = f"{max(memory):.0f}" if memory else "—"
        lines.append(
            f"| {label} | {len(rows)} | {handled} ({100 * handled / len(rows):.1f}%) | "
            f"{len(rows) - handled} | {statistics.median(seconds):.2f} | {max(seconds):.2f} | "
            f"{peak} |"
        )
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--only", default="")
    parser.add_argument("--failures", action="store_true", help="print why each failed")
    parser.add_argument("--each", action="store_true", help="print every case")
    options = parser.parse_args()
    wanted = set(filter(None, options.only.split(",")))
    cases = [c for c in all_cases() if not wanted or c.category in wanted]
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="hostile-") as root:
        verdicts = list(run_all(cases, Path(root), jobs=options.jobs).values())
    took = time.perf_counter() - start
    skipped = [v for v in verdicts if v.kind == "skipped"]
    print(
        f"{len(cases)} cases on {platform.machine()} {platform.system()}, "
        f"Python {platform.python_version()}, {os.cpu_count()} processors, "
        f"{options.jobs} at a time; limits {TIME_LIMIT:.0f} s and {MEMORY_MIB} MiB a case; "
        f"{took:.0f} s in all; {len(skipped)} skipped on this system"
    )
    print()
    print("\n".join(table(verdicts)))
    if options.each:
        print()
        for v in verdicts:
            peak = f"{v.memory_mib:.0f} MiB" if v.memory_mib is not None else "—"
            print(f"{v.case.key}: {v.kind}, exit {v.status}, {v.seconds:.2f} s, {peak}")
    failed = [v for v in verdicts if not v.handled]
    if failed:
        print()
        for verdict in failed:
            known = f" (known: {verdict.case.xfail})" if verdict.case.xfail else ""
            print(f"- {verdict.case.key}{known}")
            if options.failures:
                print(f"    {'; '.join(verdict.reasons)[:400]}")
    for verdict in skipped:
        print(f"- skipped {verdict.case.key}: {verdict.reasons[0]}")


if __name__ == "__main__":
    main()
