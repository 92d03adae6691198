"""The hostile suite: several hundred inputs an attacker or an unlucky office would send, each run
as a real command in a process of its own, with a time limit and a memory limit.

Every case states how it must end: **refused** (exit 2, one line per problem naming the file, the
row or the value, no traceback, in the user's language) or **read right** (exit 0 or 1, the
figure judged as it should be). Anything else fails the test: a traceback, a hang, memory beyond
the budget, a file that had to stay the same and did not, a temporary file left behind, a control
character from data on stderr or on a terminal, a formula or markup reaching a file the tool
writes, or a wrong verdict. The cases live in `tests/hostile/cases/`, one module per category;
`tests/hostile/harness.py` runs and judges them.

Every run of the tests runs a representative subset (`cases.ci_cases`): every fourth case of
each category, and the pinned cases (the case of each fix this suite led to, and the known
leftovers, marked xfail with their reason); none of the slow ones (large files to make or read:
zip bombs, files at the limits, thousands of files, 8 MiB reports). That is about 260 cases, a
minute and a half on two cores, one case per processor at a time. REPORTCHECK_HOSTILE_ALL=1
runs every case here; `python benchmarks/hostile_suite.py` runs every case and prints the table
by category.
"""

from __future__ import annotations

import os
from collections import Counter
from pathlib import Path

import pytest

from .cases import CATEGORIES, PINNED, all_cases, ci_cases
from .harness import Case, Verdict, run_all

ALL = os.environ.get("REPORTCHECK_HOSTILE_ALL") == "1"
EVERY_CASE = all_cases()
CASES = EVERY_CASE if ALL else ci_cases(EVERY_CASE)


def _param(case: Case) -> object:
    marks = [pytest.mark.xfail(reason=case.xfail, strict=True)] if case.xfail else []
    return pytest.param(case, id=case.key, marks=marks)


@pytest.fixture(scope="session")
def verdicts(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> dict[str, Verdict]:
    """Every selected case, run together (one per processor) the first time one is asked for."""
    selected = [
        item.callspec.params["case"]
        for item in request.session.items
        if getattr(item, "originalname", "") == "test_hostile_case" and hasattr(item, "callspec")
    ]
    return run_all(selected, tmp_path_factory.mktemp("hostile"))


@pytest.mark.parametrize("case", [_param(case) for case in CASES])
def test_hostile_case(case: Case, verdicts: dict[str, Verdict]) -> None:
    verdict = verdicts[case.key]
    if verdict.kind == "skipped":
        pytest.skip(verdict.reasons[0])
    assert verdict.handled, verdict.describe()
    assert verdict.kind == case.expect


def test_the_suite_covers_every_category_with_several_hundred_cases() -> None:
    keys = [case.key for case in EVERY_CASE]
    assert len(keys) == len(set(keys)), "two cases share a name"
    per_category = Counter(case.category for case in EVERY_CASE)
    assert set(per_category) == set(CATEGORIES)
    assert min(per_category.values()) >= 25, per_category
    assert len(EVERY_CASE) >= 500
    refused = [case for case in EVERY_CASE if case.expect == "refused"]
    assert all(case.codes for case in refused), [c.key for c in refused if not c.codes]
    assert {case.expect for case in EVERY_CASE} == {"refused", "read"}


def test_every_run_holds_a_sample_of_every_category_and_each_pinned_case() -> None:
    chosen = ci_cases(EVERY_CASE)
    assert {case.key for case in chosen} >= PINNED
    sampled = Counter(case.category for case in chosen)
    assert all(sampled[name] >= 6 for name in CATEGORIES), sampled
    assert len(chosen) <= 300
    known = [case.key for case in EVERY_CASE if case.xfail]
    assert set(known) <= PINNED


def test_the_benchmark_runs_every_case() -> None:
    source = (Path(__file__).resolve().parents[2] / "benchmarks" / "hostile_suite.py").read_text(
        encoding="utf-8"
    )
    assert "all_cases()" in source


def test_the_readme_states_the_suite_as_it_is() -> None:
    """The README's count of cases and its table by category follow the cases (a case skipped
    where the system cannot make it, as root, is left out of the table)."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    assert f"{len(EVERY_CASE)} inputs an attacker" in readme
    table = readme.split("<!-- hostile-suite -->\n")[1].split("\n\n")[0].splitlines()[2:]
    stated = {row.split("|")[1].strip(): int(row.split("|")[2]) for row in table}
    counted = Counter(case.category for case in EVERY_CASE)
    for name in CATEGORIES:
        assert counted[name] - 3 <= stated[name] <= counted[name], name
