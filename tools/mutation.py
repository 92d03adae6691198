"""Mutation testing of the rules, the judgement, the progress model and registry validation.

Each mutant changes one operator or constant on one line (a comparison, an arithmetic or boolean
operator, a number, True/False, a `not`); the tests that pin the rules run against it, and a
mutant they do not catch survives. Prints the share of survivors and lists them.

    python tools/mutation.py [--jobs 2] [--limit N] [FILE ...]

It copies src/ to a temporary folder per mutant and puts that first on PYTHONPATH, so the
working tree is never touched.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TARGETS = [
    "src/reportcheck/rules/base.py",
    "src/reportcheck/rules/level.py",
    "src/reportcheck/rules/baseline.py",
    "src/reportcheck/rules/relative.py",
    "src/reportcheck/rules/done.py",
    "src/reportcheck/review/pacing.py",
    "src/reportcheck/review/evaluate.py",
    "src/reportcheck/review/progress.py",
    "src/reportcheck/review/status.py",
    "src/reportcheck/review/pack.py",
    "src/reportcheck/review/plausibility.py",
    "src/reportcheck/review/changes.py",
    "src/reportcheck/registry/schema.py",
    "src/reportcheck/registry/entry.py",
    "src/reportcheck/registry/schedule.py",
    "src/reportcheck/registry/yamlnodes.py",
]
TESTS = [
    "tests/test_rules.py",
    "tests/test_rule_types.py",
    "tests/test_boundaries.py",
    "tests/test_year_end_account.py",
    "tests/test_pacing_and_bounds.py",
    "tests/test_evaluate.py",
    "tests/test_judging_edges.py",
    "tests/test_actuals_bounds.py",
    "tests/test_progress.py",
    "tests/test_registry_rules.py",
    "tests/test_registry_validation.py",
    "tests/test_registry_fields.py",
    "tests/test_yaml_tree.py",
    "tests/test_cache.py",
    "tests/test_registry_schema.py",
    "tests/test_lint.py",
    "tests/test_pack.py",
    "tests/test_plausibility.py",
    "tests/test_plausibility_edges.py",
    "tests/test_pack_rows.py",
    "tests/test_views.py",
    "tests/test_cli_status_show.py",
    "tests/test_records.py",
    "tests/test_registry_yaml.py",
    "tests/test_yaml_limits.py",
    "tests/test_registry_limits.py",
    "tests/test_schedule_edges.py",
    "tests/test_exact_decimals.py",
    "tests/test_verdict_edges.py",
    "tests/test_status_changes_edges.py",
    "tests/test_progress_edges.py",
]
_SWAPS: dict[type[ast.AST], type[ast.AST]] = {
    ast.Lt: ast.LtE,
    ast.LtE: ast.Lt,
    ast.Gt: ast.GtE,
    ast.GtE: ast.Gt,
    ast.Eq: ast.NotEq,
    ast.NotEq: ast.Eq,
    ast.Is: ast.IsNot,
    ast.IsNot: ast.Is,
    ast.In: ast.NotIn,
    ast.NotIn: ast.In,
    ast.Add: ast.Sub,
    ast.Sub: ast.Add,
    ast.Mult: ast.Div,
    ast.Div: ast.Mult,
    ast.And: ast.Or,
    ast.Or: ast.And,
}


@dataclass(frozen=True)
class Mutant:
    file: str
    line: int
    what: str
    source: str


def _skipped(node: ast.AST, lines: list[str]) -> bool:
    line = lines[node.lineno - 1] if hasattr(node, "lineno") else ""
    return "pragma: no cover" in line or line.lstrip().startswith(("assert", "raise"))


def _sites(tree: ast.AST, lines: list[str]) -> list[tuple[ast.AST, str, int | None]]:
    """Every place one mutation can be made, in a fixed order."""
    docstrings = {
        id(n.body[0].value)
        for n in ast.walk(tree)
        if isinstance(n, ast.Module | ast.ClassDef | ast.FunctionDef)
        and n.body
        and isinstance(n.body[0], ast.Expr)
        and isinstance(n.body[0].value, ast.Constant)
    }
    sites: list[tuple[ast.AST, str, int | None]] = []
    for node in ast.walk(tree):
        if _skipped(node, lines):
            continue
        if isinstance(node, ast.Compare):
            sites += [
                (node, f"{type(op).__name__}→{_SWAPS[type(op)].__name__}", i)
                for i, op in enumerate(node.ops)
                if type(op) in _SWAPS
            ]
        elif isinstance(node, ast.BinOp | ast.BoolOp) and type(node.op) in _SWAPS:
            sites.append((node, f"{type(node.op).__name__}→{_SWAPS[type(node.op)].__name__}", None))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            sites.append((node, "drop not", None))
        elif isinstance(node, ast.Constant) and id(node) not in docstrings:
            if isinstance(node.value, bool):
                sites.append((node, f"{node.value}→{not node.value}", None))
            elif isinstance(node.value, int) and node.value in (0, 1, 2, 12, 100):
                sites.append((node, f"{node.value}→{node.value + 1}", None))
    return sites


def mutants(file: str) -> Iterator[Mutant]:
    text = (REPO / file).read_text(encoding="utf-8")
    lines = text.splitlines()
    for index in range(len(_sites(ast.parse(text), lines))):
        tree = ast.parse(text)
        node, what, extra = _sites(tree, lines)[index]
        if isinstance(node, ast.Compare):
            assert extra is not None
            swapped = _SWAPS[type(node.ops[extra])]()
            assert isinstance(swapped, ast.cmpop)
            node.ops[extra] = swapped
        elif isinstance(node, ast.BinOp | ast.BoolOp):
            node.op = _SWAPS[type(node.op)]()  # type: ignore[assignment]
        elif isinstance(node, ast.UnaryOp):
            node.op = ast.UAdd()  # `+x` keeps x's truth: the `not` is dropped
        elif isinstance(node, ast.Constant) and isinstance(node.value, int):
            node.value = (not node.value) if isinstance(node.value, bool) else node.value + 1
        yield Mutant(file, getattr(node, "lineno", 0), what, ast.unparse(tree))


def killed(mutant: Mutant) -> bool:
    with tempfile.TemporaryDirectory(prefix="mutant-") as tmp:
        shutil.copytree(REPO / "src", Path(tmp) / "src")
        (Path(tmp) / mutant.file).write_text(mutant.source, encoding="utf-8")
        env = {**os.environ, "PYTHONPATH": str(Path(tmp) / "src"), "PYTHONDONTWRITEBYTECODE": "1"}
        done = subprocess.run(
            [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *TESTS],
            cwd=REPO,
            env=env,
            capture_output=True,
            timeout=300,
            check=False,
        )
        return done.returncode != 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="*", default=TARGETS)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--limit", type=int, default=0, help="mutants per file (0: all)")
    args = parser.parse_args()
    # Unchanged, the tests must pass: otherwise every mutant would count as killed.
    if killed(Mutant(TARGETS[0], 0, "none", (REPO / TARGETS[0]).read_text(encoding="utf-8"))):
        print(
            "the tests fail without any mutant: run from an environment with reportcheck's "
            "test dependencies (pip install -e '.[test]')",
            file=sys.stderr,
        )
        return 2
    every: list[Mutant] = []
    for file in args.files:
        found = list(mutants(file))
        every += found[: args.limit] if args.limit else found
    with ThreadPoolExecutor(args.jobs) as pool:
        outcomes = list(pool.map(killed, every))
    survivors = [m for m, k in zip(every, outcomes, strict=True) if not k]
    by_file: dict[str, list[int]] = {}
    for mutant, was_killed in zip(every, outcomes, strict=True):
        by_file.setdefault(mutant.file, [0, 0])[0 if was_killed else 1] += 1
    print("| file | mutants | survived |\n| --- | --- | --- |")
    for file, (dead, alive) in by_file.items():
        print(f"| {file.removeprefix('src/reportcheck/')} | {dead + alive} | {alive} |")
    share = len(survivors) / len(every) if every else 0.0
    print(f"\n{len(every)} mutants, {len(survivors)} survived ({share:.1%})")
    for mutant in survivors:
        print(f"  survived: {mutant.file}:{mutant.line} {mutant.what}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
