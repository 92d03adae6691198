"""How good `reportcheck harvest` is on the development set: outcomes harvested right and wrong.

Run from the repository with reportcheck installed:  python benchmarks/harvest_quality.py
(add --details to list every miss and every wrong row).

Each pair is a year's promises and the next year's report, whose review states their outcomes,
labelled by hand in tests/data/outcomes/<name>.yaml. Huzhou's promises are the shipped registry
(src/reportcheck/data/targets.yaml); the other cities' are their labels (tests/data/labels), each
made an entry with its quote, name, comparator, value and unit under a generated id. An outcome
is harvested right when the harvest gives the labelled value (and the labelled bound, where the
review states one: 超3300亿元 is ">3300"); a row with any other value, or a row for a promise
whose outcome the labels do not give (the `not_outcomes` look-alikes among them), is wrong; a
labelled outcome without a right row is missed. The harvester was written against the pairs
marked tuned; those marked tuned later were held out until it was, then read miss by miss, and the
rules written since were written against them too: no pair is held out any more.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import yaml

from reportcheck.model.units import UNITS
from reportcheck.output.catalogue import message
from reportcheck.registry.harvest import Outcome, Promise, harvest, promises_of
from reportcheck.registry.harvest.promises import sentence_of
from reportcheck.registry.load import load_registry
from reportcheck.registry.prose.textnums import fold

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
#: Pairs the harvester was written against from the start.
TUNED = ("huzhou-2023", "hangzhou-2025", "zhejiang-2025", "guangzhou-2024")
#: Pairs held out until the harvester was written, then read miss by miss and tuned on.
TUNED_LATER = ("ningbo-2025", "wuhan-2025")
PAIRS = (*TUNED, *TUNED_LATER)
DETAILS = "--details" in sys.argv
#: Only the pairs tuned from the start.
TUNED_ONLY = "--tuned" in sys.argv


@dataclass
class Score:
    name: str
    labelled: int = 0
    right: int = 0
    wrong: int = 0
    notes: int = 0  # right values whose 预计 / 约 note differs from the label's estimate
    lines: list[str] = field(default_factory=list)

    @property
    def missed(self) -> int:
        return self.labelled - self.right

    def row(self) -> str:
        share = f"{100 * self.right / self.labelled:5.1f}%" if self.labelled else "  -  "
        return (
            f"| {self.name} | {set_of(self.name)} | {self.labelled} | {self.right} | {share} | "
            f"{self.wrong} | {self.missed} |"
        )


def set_of(name: str) -> str:
    """The set a pair belongs to: tuned from the start, or held out first and tuned later."""
    return "tuned" if name in TUNED else "tuned later"


def label_promises(name: str) -> tuple[list[Promise], dict[tuple[str, str], str]]:
    """The labelled commitments of a city as promises, and their ids by (quote, name)."""
    data = yaml.safe_load((DATA / "labels" / f"{name}.yaml").read_text(encoding="utf-8"))
    report = fold((DATA / "corpus" / f"{name}.md").read_text(encoding="utf-8"))
    promises, ids = [], {}
    for i, entry in enumerate(data["commitments"], 1):
        value = entry.get("value")
        number = None
        if value is not None and not isinstance(value, list):
            text = str(value)
            if "/" in text:
                num, den = text.split("/")
                number = Decimal(num) / Decimal(den)
            else:
                number = Decimal(text)
        elif isinstance(value, list):
            number = Decimal(str(value[0]))
        ident = f"c{i:03d}"
        ids[(entry["quote"], entry["name"])] = ident
        promises.append(
            Promise(
                id=ident,
                quote=entry["quote"],
                name=entry["name"],
                unit=str(entry.get("unit") or ""),
                comparator=entry["comparator"],
                value=number,
                yes_no=entry["comparator"] == "done",
                context=sentence_of(report, entry["quote"]),
            )
        )
    return promises, ids


def score(name: str) -> Score:
    labels = yaml.safe_load((DATA / "outcomes" / f"{name}.yaml").read_text(encoding="utf-8"))
    text = (DATA / "corpus" / f"{labels['review']}.md").read_text(encoding="utf-8")
    if name == "huzhou-2023":
        registry = load_registry()
        promises = list(promises_of(registry))
        units = registry.units
        expected = {o["promise"]: o for o in labels["outcomes"]}
    else:
        promises, ids = label_promises(name)
        units = UNITS
        expected = {ids[(o["promise"], o["name"])]: o for o in labels["outcomes"]}
    result = harvest(text, promises, year=int(labels["year"]), units=units, file=name)
    got: dict[str, Outcome] = {o.id: o for o in result.outcomes}
    by_id = {p.id: p for p in promises}
    found = Score(name, labelled=len(expected))
    for ident, outcome in got.items():
        label = expected.get(ident)
        promise = by_id[ident]
        if label is None:
            found.wrong += 1
            found.lines.append(f"  WRONG (no outcome labelled) {_said(promise, outcome)}")
        elif _same(outcome, label):
            found.right += 1
            if bool(outcome.note) != bool(label.get("estimate")):
                found.notes += 1
                found.lines.append(f"  note  {_said(promise, outcome)} label {label['estimate']}")
        else:
            found.wrong += 1
            found.lines.append(f"  WRONG {_said(promise, outcome)}  label {label['value']}")
    for ident, label in expected.items():
        if ident not in got:
            promise = by_id[ident]
            found.lines.append(
                f"  missed {ident} {promise.quote} | {promise.name} = {label['value']}  "
                f"<{label['source']}>"
            )
    for warning in result.problems:
        found.lines.append(f"  warning {message(warning, 'en')}")
    return found


def _same(outcome: Outcome, label: dict[str, Any]) -> bool:
    value = label["value"]
    if isinstance(value, bool) or isinstance(outcome.value, bool):
        return outcome.value is value
    if Decimal(str(value)) != outcome.value:
        return False
    return outcome.bound == label.get("bound")


def _said(promise: Promise, outcome: Outcome) -> str:
    bound = outcome.bound or ""
    return (
        f"{promise.id} {promise.quote} | {promise.name} = {bound}{outcome.value} <{outcome.source}>"
    )


def main() -> None:
    print("| pair | set | outcomes labelled | right | share | wrong | missed |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    totals = {"tuned": Score("tuned"), "tuned later": Score("tuned later"), "": Score("")}
    for name in TUNED if TUNED_ONLY else PAIRS:
        found = score(name)
        print(found.row())
        for total in (totals[set_of(name)], totals[""]):
            total.labelled += found.labelled
            total.right += found.right
            total.wrong += found.wrong
        if DETAILS:
            print("\n".join(found.lines))
    for label, total in totals.items():
        if not total.labelled or (TUNED_ONLY and not label):
            continue
        share = f"{100 * total.right / total.labelled:5.1f}%" if total.labelled else "-"
        name = f"all {label}" if label else "all"
        print(
            f"| **{name}** | | {total.labelled} | {total.right} | {share} | "
            f"{total.wrong} | {total.missed} |"
        )


if __name__ == "__main__":
    main()
