"""The peak memory of one reportcheck run, measured inside the run.

A child's `ru_maxrss` (from wait4 or RUSAGE_CHILDREN) is no measure of it on Linux: the kernel
carries the high-water mark across fork and exec, so a child of a benchmark that holds 40 MiB
reports at least 40 MiB however little it uses. The run reads its own high-water mark instead
(VmHWM, which a new program starts afresh) and writes it, in KiB, to the file PEAK_FILE names;
where there is no /proc it falls back to its own ru_maxrss.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

RUN = """
import atexit, os, sys

def _peak():
    kib = 0
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    kib = int(line.split()[1])
    except OSError:
        import resource
        kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with open(os.environ["PEAK_FILE"], "w", encoding="ascii") as out:
        out.write(str(kib))

atexit.register(_peak)
from reportcheck.cli.app import main
sys.argv = ["reportcheck", *sys.argv[1:]]
main()
"""


def measured(
    args: list[str], env: dict[str, str], cwd: Path | None = None
) -> tuple[int, float, float]:
    """(exit status, seconds, peak RSS in MiB) of `reportcheck ARGS`, output discarded."""
    with tempfile.TemporaryDirectory() as tmp:
        peak = Path(tmp) / "peak"
        start = time.perf_counter()
        done = subprocess.run(
            [sys.executable, "-c", RUN, *args],
            cwd=cwd,
            env={**env, "PEAK_FILE": str(peak)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        seconds = time.perf_counter() - start
        kib = int(peak.read_text(encoding="ascii")) if peak.exists() else 0
    return done.returncode, seconds, kib / 1024


if __name__ == "__main__":  # python benchmarks/peak.py targets: one run's peak
    code, seconds, mib = measured(sys.argv[1:], dict(os.environ))
    print(f"exit {code}, {seconds:.2f} s, {mib:.1f} MiB")
