"""lint: the registries of tests/hostile/cases/registries.py, read by `lint` (its own reader of
a registry must refuse and accept exactly what the loader does), and what lint alone reads."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..harness import Case, Setup, SkipCase
from ..kit import ENTRIES, SEED, registry, registry_text, shipped_copy
from .registries import VARIANTS, case

C = "lint"
CASES: list[Case] = [case(variant, C, "lint") for variant in VARIANTS]


def _lint(
    name: str,
    expect: str,
    make: Callable[[Path], Path | str],
    codes: tuple[str, ...] = (),
    *args: str,
) -> Case:
    def build(folder: Path) -> Setup:
        return Setup(["lint", str(make(folder)), *args])

    return Case(C, name, expect, build, codes=codes)


def _review_quote(folder: Path) -> Path:
    """An entry quoting last year's review, not this year's plan."""
    text = registry_text(
        ENTRIES + "  - id: last_growth\n    section: 二\n    quote: 地区生产总值增长3.3%\n"
        '    name_zh: 去年增速\n    name_en: Growth last year\n    unit: "%"\n'
        "    comparator: at_least\n    value: 3.3\n    kind: rate\n    released: yearly\n"
    )
    return registry(folder, text)


def _uncovered(folder: Path) -> Path:
    return registry(folder, registry_text(), seed=SEED + "今年新增公园12个。\n")


def _fifo(folder: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        raise SkipCase("needs POSIX pipes")
    os.mkfifo(folder / "r.yaml")
    return folder / "r.yaml"


CASES += [
    _lint("shipped-registry", "read", shipped_copy),
    _lint("quote-in-review-strict", "refused", _review_quote, ("quote-in-review",), "--strict"),
    _lint("quote-in-review", "read", _review_quote),
    _lint("uncovered-number", "refused", _uncovered, ("number-uncovered",)),
    _lint("fifo", "refused", _fifo, ("registry-unreadable",)),
    _lint("dev-zero", "refused", lambda folder: "/dev/zero", ("registry-unreadable",)),
    _lint("folder", "refused", lambda folder: folder, ("registry-unreadable", "usage-error")),
    _lint(
        "missing",
        "refused",
        lambda folder: folder / "none.yaml",
        ("registry-unreadable", "usage-error"),
    ),
]
