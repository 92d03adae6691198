"""Start-up benchmark: each command timed alternately with its floor; medians, ratios, memory.

Run from the repository with reportcheck installed:  python benchmarks/startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import csv
import json
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reportcheck.registry import load_registry

BIN = Path(sys.executable).parent / "reportcheck"
MEMORY = """
import resource, sys
from reportcheck.cli import main
sys.argv = ["reportcheck", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)
"""


def make_data(folder: Path) -> tuple[Path, Path]:
    """A typical month (every id, ~100 rows) and a year of twelve such monthly files."""
    registry = load_registry()
    year = folder / "year"
    year.mkdir()
    for month in range(1, 13):
        with (year / f"2023-{month:02d}.csv").open("w", newline="", encoding="utf-8") as f:
            writer = csv.writer(f)
            writer.writerow(["id", "period", "value", "unit", "source", "note"])
            for t in registry.targets:
                value = "是" if t.unit == "是/否" else str((t.value or 5) * month / 12)
                writer.writerow([t.id, f"2023-{month:02d}", value, t.unit, "benchmark", ""])
    return year / "2023-06.csv", year


def wall(cmd: list[str]) -> float:
    start = time.perf_counter()
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - start


def peak_kib(args: list[str]) -> int:
    done = subprocess.run([sys.executable, "-c", MEMORY, *args], capture_output=True, text=True,
                          check=False)
    return int(done.stderr.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=9)
    runs = parser.parse_args().runs
    py = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        month, year = make_data(Path(tmp))
        files = sorted(str(p) for p in year.iterdir())
        light = [py, "-c", "import typer, rich, yaml"]
        read_one = [py, "-c", f"import pandas, typer, rich, yaml; pandas.read_csv({str(month)!r})"]
        read_year = [py, "-c", f"import pandas, typer, rich, yaml; "
                     f"[pandas.read_csv(f) for f in {files!r}]"]
        cases = [
            (["--help"], light, "import typer, rich, yaml"),
            (["targets"], light, "import typer, rich, yaml"),
            (["show", "graduates"], light, "import typer, rich, yaml"),
            (["template", "--period", "2023-06"], light, "import typer, rich, yaml"),
            (["status"], light, "import typer, rich, yaml"),
            (["diff", str(month)], read_one, "import pandas, typer, rich, yaml; read_csv(month)"),
            (["status", "--actuals", str(year)], read_year,
             "import pandas, typer, rich, yaml; read_csv x 12"),
        ]
        rows = []
        for args, floor, floor_name in cases:
            command = [str(BIN), *args]
            wall(command)
            wall(floor)  # warm the file cache for both
            ours, base = [], []
            for _ in range(runs):  # alternate, so machine noise hits both alike
                ours.append(wall(command))
                base.append(wall(floor))
            ratios = [a / b for a, b in zip(ours, base, strict=True)]
            rows.append({
                "command": "reportcheck " + " ".join(a if not a.startswith("/") else
                                                     Path(a).name for a in args),
                "floor": floor_name,
                "median_s": round(statistics.median(ours), 3),
                "floor_median_s": round(statistics.median(base), 3),
                "ratio_of_medians": round(statistics.median(ours) / statistics.median(base), 2),
                "median_ratio": round(statistics.median(ratios), 2),
                "peak_rss_mib": round(peak_kib(args) / 1024, 1),
            })
    print(f"# {platform.platform()}, Python {platform.python_version()}, {runs} runs each")
    print("| command | floor | median s | floor median s | ratio | peak RSS MiB |")
    print("| --- | --- | --- | --- | --- | --- |")
    for r in rows:
        print(f"| `{r['command']}` | `{r['floor']}` | {r['median_s']} | {r['floor_median_s']} | "
              f"{r['ratio_of_medians']} | {r['peak_rss_mib']} |")
    out = Path(__file__).parent / "results"
    out.mkdir(exist_ok=True)
    (out / "startup.json").write_text(json.dumps(rows, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
