"""How good `reportcheck draft` is on the development set: recall, precision, rule right.

Run from the repository with reportcheck installed:  python benchmarks/draft_quality.py
(add --details to list every miss, every extra entry and every wrong rule).

Each text of tests/data/reports is drafted and compared with its hand labels (tests/data/labels);
the Huzhou report is compared with the shipped registry. A labelled commitment is found when a
drafted entry's quote overlaps its quote by at least half of the shorter of the two (one drafted
entry answers one label); precision is found / drafted. Comparator, value and unit are scored over
the commitments found. Texts the rules were written against are marked tuned; the rest were only
labelled, and drafted once the rules were done.
"""

from __future__ import annotations

import re
import statistics
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from reportcheck.model.units import UNITS, exact_decimal
from reportcheck.registry.draft import draft_registry
from reportcheck.registry.prose.wording import UNIT_WORDS

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
HUZHOU = REPO / "src" / "reportcheck" / "seeds" / "000_2ae2d6b944143d98.txt"
REGISTRY = REPO / "src" / "reportcheck" / "data" / "targets.yaml"
#: Texts whose errors changed the rules; the others have only ever been drafted as they are now.
TUNED = {
    "huzhou-2023",
    "fujian-2023",
    "zhangzhou-minsheng-2023",
    "city-industry-2023",
    "langfang-2023",
    "county-industry-2023",  # its deliverables named before their verb (A、B竣工投产)
    "jiaxing-plan-2023",  # 争取…试点
}
DETAILS = "--details" in sys.argv  # also list each miss, extra and wrong rule
RUNS = 5  # timed drafts per text; the median is shown
OLD = {"about_baseline": "steady", "about_other": "in_step", "yes": "done"}


@dataclass
class Score:
    name: str
    level: str
    labelled: int
    drafted: int
    found: int
    comparator: int
    value: int
    unit: int
    seconds: float

    def _tuned(self) -> str:
        if self.name.startswith("**"):
            return ""
        return "yes" if self.name in TUNED else "no"

    def row(self) -> str:
        def pct(n: int, d: int) -> str:
            return f"{100 * n / d:5.1f}%" if d else "   - "

        return (
            f"| {self.name} | {self.level} | {self._tuned()} | "
            f"{self.labelled} | {self.drafted} | {self.found} | {pct(self.found, self.labelled)} | "
            f"{pct(self.found, self.drafted)} | {pct(self.comparator, self.found)} | "
            f"{pct(self.value, self.found)} | {pct(self.unit, self.found)} | "
            f"{1000 * self.seconds:.0f} |"
        )


def labels(name: str) -> list[dict[str, Any]]:
    if name == "huzhou-2023":
        data = yaml.safe_load(REGISTRY.read_text(encoding="utf-8"))
        # the commitments quoted from the digest, the text drafted; `text: full` ones quote the
        # full report
        entries = [t for t in data["targets"] if t.get("role") != "reference" and "text" not in t]
        for entry in entries:
            entry["comparator"] = OLD.get(entry["comparator"], entry["comparator"])
        return entries
    data = yaml.safe_load((DATA / "labels" / f"{name}.yaml").read_text(encoding="utf-8"))
    return list(data["commitments"])


def year(name: str) -> int | None:
    """The year a text's labels give, passed as `--year` would be when the text names none."""
    if name == "huzhou-2023":
        return None
    data = yaml.safe_load((DATA / "labels" / f"{name}.yaml").read_text(encoding="utf-8"))
    text = (DATA / "reports" / f"{name}.txt").read_text(encoding="utf-8")
    return None if re.search(r"20\d\d年", text) else int(data["year"])


def span(text: str, quote: str) -> tuple[int, int]:
    at = text.find(quote)
    return at, at + len(quote)


def scaled(entry: dict[str, Any]) -> tuple[Decimal, str] | None:
    value, unit = entry.get("value"), str(entry.get("unit", ""))
    if value is None or isinstance(value, list):
        return None
    if isinstance(value, str) and "/" in value:
        num, den = value.split("/")
        value = (Decimal(num) / Decimal(den)).quantize(Decimal("0.0001"))
    if unit in UNITS:
        return Decimal(str(value)) * exact_decimal(UNITS[unit].factor), UNITS[unit].family
    family, factor = UNIT_WORDS.get(unit, (unit, 1))
    return Decimal(str(value)) * factor, family


def score(name: str, level: str, text: str) -> Score:
    times = []
    for _ in range(RUNS):
        began = time.perf_counter()
        drafted_yaml = draft_registry(text, seed=f"{name}.txt", year=year(name)).yaml
        times.append(time.perf_counter() - began)
    seconds = statistics.median(times)
    drafted = [t for t in yaml.safe_load(drafted_yaml)["targets"] if t.get("role") != "reference"]
    wanted = labels(name)
    free = list(range(len(drafted)))
    found = comparator = value = unit = 0
    for label in wanted:
        a, b = span(text, label["quote"])
        candidates = []
        for k in free:
            c, d = span(text, drafted[k]["quote"])
            overlap = min(b, d) - max(a, c)
            if overlap > 0 and overlap >= 0.5 * min(b - a, d - c):
                candidates.append(k)
        if not candidates:
            if DETAILS:
                print(f"{name}: missed {label['quote']!r}")
            continue
        best = next((k for k in candidates if scaled(drafted[k]) == scaled(label)), candidates[0])
        free.remove(best)
        entry = drafted[best]
        found += 1
        comparator += entry["comparator"] == label["comparator"]
        value += scaled(entry) == scaled(label)
        unit += (scaled(entry) or (0, ""))[1] == (scaled(label) or (0, ""))[1]
        if DETAILS and (entry["comparator"], scaled(entry)) != (label["comparator"], scaled(label)):
            print(
                f"{name}: {label['quote']!r} drafted {entry['comparator']} {scaled(entry)},"
                f" labelled {label['comparator']} {scaled(label)}"
            )
    if DETAILS:
        for k in free:
            print(f"{name}: not a labelled commitment: {drafted[k]['quote']!r}")
    return Score(name, level, len(wanted), len(drafted), found, comparator, value, unit, seconds)


def main() -> None:
    sources = yaml.safe_load((DATA / "reports" / "sources.yaml").read_text(encoding="utf-8"))
    scores = [score("huzhou-2023", "city", HUZHOU.read_text(encoding="utf-8"))]
    for file, meta in sources.items():
        text = (DATA / "reports" / file).read_text(encoding="utf-8")
        scores.append(score(Path(file).stem, str(meta["level"]).split(" ")[0], text))
    print(f"Drafting time: median of {RUNS} runs in this process (imports excluded).\n")
    print(
        "| text | level | tuned on | labelled | drafted | found | recall | precision | "
        "comparator right | value right | unit right | ms |"
    )
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for item in scores:
        print(item.row())
    for title, group in (
        ("not tuned on", [s for s in scores if s.name not in TUNED]),
        ("all", scores),
    ):
        total = Score(
            f"**{title}**",
            "",
            sum(s.labelled for s in group),
            sum(s.drafted for s in group),
            sum(s.found for s in group),
            sum(s.comparator for s in group),
            sum(s.value for s in group),
            sum(s.unit for s in group),
            max(s.seconds for s in group),
        )
        print(total.row())


if __name__ == "__main__":
    main()
