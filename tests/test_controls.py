"""One definition of the characters that act instead of showing, and every guard built on it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from reportcheck.model.controls import ACTING, BIDI, C0_C1
from reportcheck.output.pack.paragraphs import visible
from reportcheck.output.safe_text import has_control, neutralise

from .conftest import REPO

#: One of each kind: NUL, ESC, form feed, DEL, a C1 control (CSI), LRM, RLO and an isolate.
SAMPLES = ["\x00", "\x1b", "\x0c", "\x7f", "\x9b", "\u200e", "\u202e", "\u2066"]


@pytest.mark.parametrize("char", SAMPLES)
def test_every_sample_is_one_of_the_acting_characters(char: str) -> None:
    assert re.fullmatch(f"[{ACTING}]", char)


@pytest.mark.parametrize("char", ["\t", "\n", "\r", " ", "a", "湖", "\u3000"])
def test_tab_line_ends_and_text_do_not_act(char: str) -> None:
    assert not re.fullmatch(f"[{ACTING}]", char)


@pytest.mark.parametrize("char", SAMPLES)
def test_the_terminal_and_the_documents_both_spell_it_out(char: str) -> None:
    for guard in (neutralise, visible):
        shown = guard(f"5.7{char}%")
        assert char not in shown
        assert shown.startswith("5.7\\")
        assert shown.endswith("%")
    assert has_control(char)


def test_no_module_defines_its_own_control_ranges() -> None:
    sources = (REPO / "src" / "reportcheck").rglob("*.py")
    own = Path("src/reportcheck/model/controls.py")
    for source in sources:
        if source.relative_to(REPO) == own:
            continue
        text = source.read_text(encoding="utf-8")
        for literal in (C0_C1, BIDI, "\\x00-\\x08", "\\u202a-\\u202e"):
            assert literal not in text, (source, literal)
