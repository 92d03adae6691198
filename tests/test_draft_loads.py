"""What `draft` writes, every command loads and `lint` passes without an error; `lint --strict`
fails until a person has reviewed every guess (each `# check:` line and placeholder name)."""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from reportcheck.output.catalogue import one_line
from reportcheck.registry.draft import draft_registry
from reportcheck.registry.lint import lint_registry
from reportcheck.registry.load import load_registry
from reportcheck.registry.records import EnteredAs

from .conftest import REPO, Run

Cli = Callable[..., Run]
DATA = REPO / "tests" / "data"
#: The development texts, and the full reports of the corpus where the tree holds them.
TEXTS = sorted([*(DATA / "reports").glob("*.txt"), *(DATA / "corpus").glob("*.md")])
PLAN = "一、2022年工作回顾\n去年很好。\n二、2023年工作安排\n"


def year_of(path: Path) -> int | None:
    """The labelled year of a development text (two never name theirs), else none needed."""
    labels = DATA / "labels" / f"{path.stem}.yaml"
    if labels.exists():
        return int(yaml.safe_load(labels.read_text(encoding="utf-8"))["year"])
    named = re.search(r"(20\d\d)", path.stem)
    return int(named.group(1)) if named else None


def drafted(tmp_path: Path, text: str, year: int | None = 2023) -> Path:
    (tmp_path / "report.txt").write_text(text, encoding="utf-8")
    path = tmp_path / "registry.yaml"
    path.write_text(draft_registry(text, seed="report.txt", year=year).yaml, encoding="utf-8")
    return path


@pytest.mark.parametrize("source", TEXTS, ids=[p.name for p in TEXTS])
def test_every_draft_loads_and_lints_without_an_error(tmp_path: Path, source: Path) -> None:
    path = drafted(tmp_path, source.read_text(encoding="utf-8"), year_of(source))
    found = lint_registry(path)
    assert [one_line(p) for p in found.problems if p.severity == "error"] == []
    # every entry named whole, and no two by one English name (grain and grain_2, both Grain)
    assert [one_line(p) for p in found.problems if p.code == "name-cut"] == []
    english = [t["name_en"] for t in yaml.safe_load(path.read_text(encoding="utf-8"))["targets"]]
    assert sorted({n for n in english if english.count(n) > 1}) == []
    assert len(load_registry(path).targets) == found.entries > 0
    assert found.failed(strict=True)  # a draft is not a reviewed registry


def test_the_texts_of_the_corpus_are_among_those_drafted() -> None:
    assert len(TEXTS) >= 10
    assert all(p.exists() for p in TEXTS)


def test_strict_lint_fails_until_every_guess_is_reviewed(tmp_path: Path, cli: Cli) -> None:
    path = drafted(tmp_path, PLAN + "地区生产总值增长6%左右,新增专利授权100件。\n")
    text = path.read_text(encoding="utf-8")
    checks = [line for line in text.splitlines() if line.lstrip().startswith("# check:")]
    assert checks
    assert cli("lint", str(path)).exit_code == 0
    strict = cli("lint", str(path), "--strict")
    assert strict.exit_code == 2
    assert strict.stdout.count("[draft-check-left]") == len(checks)
    assert "[placeholder-name]" in strict.stdout
    assert cli("targets", "--targets", str(path)).exit_code == 0  # a draft is usable meanwhile

    reviewed = "\n".join(
        line for line in text.splitlines() if not line.lstrip().startswith("# check:")
    )
    path.write_text(reviewed + "\n", encoding="utf-8")
    still = cli("lint", str(path), "--strict")
    # the placeholder id and its English name, each named
    assert (still.exit_code, still.stdout.count("[placeholder-name]")) == (2, 2)
    renamed = reviewed.replace("id: item_02", "id: patents")
    path.write_text(renamed + "\n", encoding="utf-8")
    still = cli("lint", str(path), "--strict")  # an id renamed, its name still the drafter's
    assert (still.exit_code, still.stdout.count("[placeholder-name]")) == (2, 1)
    assert "column name_en: item 02 is a placeholder" in still.stdout
    named = reviewed.replace("id: item_02", "id: patents").replace('"item 02"', '"Patents"')
    path.write_text(named + "\n", encoding="utf-8")
    assert cli("lint", str(path), "--strict").exit_code == 0


def test_two_subjects_falling_by_two_figures_are_two_entries_that_load(tmp_path: Path) -> None:
    """A、B分别下降10%、12% once passed `lint --strict` and was refused by `targets`."""
    path = drafted(tmp_path, PLAN + "主要预期目标为:A、B分别下降10%、12%。\n")
    registry = load_registry(path)
    rules = [(t.value, t.unit, t.entered_as) for t in registry.commitments]
    assert rules == [
        (Decimal(10), "%", EnteredAs.MAGNITUDE),
        (Decimal(12), "%", EnteredAs.MAGNITUDE),
    ]
    assert [p for p in lint_registry(path).problems if p.severity == "error"] == []


def test_a_year_in_the_wording_that_is_no_due_date_is_not_written(tmp_path: Path) -> None:
    """2005年前建成的 names a year, not a due date; the schema would refuse it as one."""
    path = drafted(tmp_path, PLAN + "改造2005年前建成的老旧小区45万平方米以上。\n")
    [entry] = yaml.safe_load(path.read_text(encoding="utf-8"))["targets"]
    assert "due" not in entry
    assert "# check: the wording names 2005, which is no due date of this plan" in path.read_text(
        encoding="utf-8"
    )
    assert load_registry(path).commitments[0].due.year == 2023


def test_a_drafted_entry_the_loader_would_refuse_is_left_for_a_person(tmp_path: Path) -> None:
    """The drafter's own slips (here a value its quote does not hold) never reach the registry:
    the entry is listed under not_commitments with a `# check:` line saying why."""
    text = PLAN + "以全省122个县（市、区）、1609个乡镇（街道）、2.65万个行政村（社区）为主体。\n"
    path = drafted(tmp_path, text)
    assert [p for p in lint_registry(path).problems if p.severity == "error"] == []
    assert [t.value for t in load_registry(path).commitments] == [122, 1609]
    written = path.read_text(encoding="utf-8").splitlines()
    left = written.index(
        "  # check: left out: the loader refuses the entry drafted from this quote; "
        "enter it by hand if it is a commitment"
    )
    assert written[left + 1].startswith('  - {span: "65万个行政村（社区）为主体"')


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_draft_never_reads_a_device(cli: Cli) -> None:
    result = cli("draft", "/dev/zero")
    assert result.exit_code == 2
    assert result.stderr == (
        "reportcheck: error: /dev/zero: is not a regular file (a pipe or a device); a report's "
        "text must be one [report-unreadable]\n"
        "reportcheck: 1 error in 1 file; nothing written\n"
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX pipes")
def test_draft_never_waits_on_a_pipe(cli: Cli, tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "report.txt")
    result = cli("draft", str(tmp_path / "report.txt"))
    assert (result.exit_code, "[report-unreadable]" in result.stderr) == (2, True)
