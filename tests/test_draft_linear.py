"""The linear readers of `draft` give what the plain ones give, on any text.

Each reference below is the plain form the drafter had before it was made linear (a search back
from every position, a pattern tried at every position): generated texts of the characters that
matter (marks, numerals, quotation marks, wordings) must read the same both ways.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from reportcheck.registry.draft import extract
from reportcheck.registry.draft.deliverables import CLOSE_QUOTES, OPEN_QUOTES, unquoted
from reportcheck.registry.draft.extract import Reading, clauses, parts
from reportcheck.registry.prose import segment, textnums
from reportcheck.registry.prose.textnums import find_numbers, word_figures
from reportcheck.registry.prose.wording import WORDING_RULES, rule_without_number

PIECES = [
    *",。;:!?\n|●、—“”‘’《》()  ",
    *"0123456789.%",
    *"零〇一二两三四五六七八九十百千",
    "分之",
    "成",
    "个百分点",
    "大",
    "届",
    "第",
    "到2027年",
    "2025年底前",
    "今后五年",
    "三年内",
    "上半年达到",
    "与经济增长基本同步",
    "完成省定任务",
    "进一步缩小",
    "基本稳定",
    "快于经济增长",
    "完成约束性指标",
    "分别",
    "我市",
    "全年",
    "2023年",
    "1.",
    "增长",
    "新增",
    "家",
    "以上",
    "以内的",
    "左右",
    "(一)",
    "一、",
    "二、2023年工作安排\n",
]
texts = st.lists(st.sampled_from(PIECES), max_size=120).map("".join)
SETTINGS = settings(max_examples=300, deadline=None)


def plain_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans, depth, begin = [], 0, start
    for i in range(start, end):
        char = text[i]
        if char in OPEN_QUOTES:
            depth += 1
        elif char in CLOSE_QUOTES:
            depth = max(0, depth - 1)
        elif char in set(",。;!?:\n|●") and (depth == 0 or char == "\n"):
            depth = 0
            spans.append((begin, i))
            begin = i + 1
        elif char == "—" and text[i + 1 : i + 2] == "—" and depth == 0:
            spans.append((begin, i))
            begin = i + 2
    spans.append((begin, end))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def plain_parts(text: str, start: int, end: int) -> list[tuple[int, int, int]]:
    def cuts_list(at: int) -> bool:
        if "分别" in text[start:at]:
            return False
        return not re.match(r"[\d.]+[%个万亿元]*(、|$)", text[at + 1 : end])

    cuts = [start] + [i + 1 for i in unquoted(text, start, end) if text[i] == "、" and cuts_list(i)]
    cuts.append(end + 1)
    pieces = [(cuts[k], cuts[k + 1] - 1) for k in range(len(cuts) - 1)]
    merged: list[tuple[int, int, int]] = []
    pending: tuple[int, int] | None = None
    for piece_start, b in pieces:
        has_number = bool(find_numbers(text, piece_start, b) or word_figures(text, piece_start, b))
        a, count = pending if pending is not None else (piece_start, 1)
        pending = None
        if has_number or rule_without_number(text[a:b]):
            merged.append((a, b, count))
        else:
            pending = (a, count + 1)
    if pending is not None:
        merged.append((pending[0], end, pending[1] - 1))
    return merged


def plain_due(text: str, clause: tuple[int, int], year: int) -> int | str | None:
    sentence = max(text.rfind(mark, 0, clause[0]) for mark in "。;\n") + 1
    match = extract._DUE.search(text[sentence : clause[1]])
    if match is not None:
        return extract.due_year(match, year)
    part = extract._PART_OF_YEAR.search(text[clause[0] : clause[1]])
    if part is not None:
        return f"{year}-{extract._PART_END[part.group(1)]}"
    return None


def plain_quoted(text: str, position: int, clause: tuple[int, int]) -> bool:
    depth = 0
    for char in text[clause[0] : position]:
        if char in "“‘「『《":
            depth += 1
        elif char in "”’」』》":
            depth = max(0, depth - 1)
    return depth > 0


@SETTINGS
@given(texts)
def test_clauses(text: str) -> None:
    assert list(clauses(text, 0, len(text))) == plain_clauses(text, 0, len(text))
    middle = len(text) // 3
    assert list(clauses(text, middle, len(text))) == plain_clauses(text, middle, len(text))


@SETTINGS
@given(texts)
def test_parts_dues_and_positions(text: str) -> None:
    read = Reading(text)
    for clause in clauses(text, 0, len(text)):
        assert parts(text, *clause) == plain_parts(text, *clause)
        assert read.due(clause, 2023) == plain_due(text, clause, 2023)
        for position in range(clause[0], clause[1] + 1, 3):
            line = text.rfind("\n", 0, position) + 1
            blank = bool(re.fullmatch(r"[\s\u3000]*", text[line:position]))
            assert read.first_on_line(position) == blank
            assert read.quoted(clause[0], position) == plain_quoted(text, position, clause)
            sentence = max(text.rfind(mark, 0, position) for mark in "。;\n") + 1
            assert read.sentence_start(position) == sentence


@SETTINGS
@given(texts)
def test_leads(text: str) -> None:
    plain = re.compile(r"^(\s|[0-9]+[.、]|我市|我县|我省|我区|全年|今年|同时|并|拟|计划|20\d\d年)+")
    for start in range(0, len(text), 5):
        match = plain.match(text[start:])
        assert extract._lead_length(text, start, len(text)) == (match.end() if match else 0)


@SETTINGS
@given(texts, st.integers(0, 200), st.integers(0, 200))
def test_a_wording_is_found_from_where_the_last_search_ended(
    text: str, cut: int, more: int
) -> None:
    start, searched = 0, min(cut, len(text))
    end = min(len(text), searched + more)
    if rule_without_number(text[start:searched]) is not None:
        return  # only asked when the items before held no wording
    expected = rule_without_number(text[start:end]) is not None
    assert extract._states_rule(text, start, searched, end) == expected


def test_the_reach_of_a_wording_is_its_longest_match() -> None:
    """`WORDING_REACH` bounds how far back a new match can begin: no pattern is longer."""
    import importlib
    import sys

    # Python's own reading of a pattern (re._parser from 3.11, sre_parse before)
    parser: Any = importlib.import_module(
        "re._parser" if sys.version_info >= (3, 11) else "sre_parse"
    )
    longest = max(parser.parse(pattern.pattern).getwidth()[1] for pattern, _ in WORDING_RULES)
    assert longest == extract.WORDING_REACH


@SETTINGS
@given(texts)
def test_numbers(text: str) -> None:
    """The numeral runs read linearly give the plain patterns' matches."""
    for start in (0, 1, len(text) // 2):
        end = len(text)
        plain = [m.span() for m in textnums._CN_COMPOUND.finditer(text, start, end)]
        assert [span for span in plain if span[1] - span[0] <= textnums.MAX_WRITTEN] == list(
            textnums._compounds(text, start, end)
        )
        fractions = [m.span() for m in textnums._CN_FRACTION.finditer(text, start, end)]
        assert [m.span() for m in textnums._fractions(text, start, end)] == fractions


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 20)), max_size=20), st.integers(0, 80))
def test_spans_cover_as_a_search_through_them_would(
    spans: list[tuple[int, int]], position: int
) -> None:
    pairs = [(a, a + n) for a, n in spans]
    assert textnums._Spans(pairs).covers(position) == any(a <= position < b for a, b in pairs)


@SETTINGS
@given(texts)
def test_sections(text: str) -> None:
    """The heading before a position, as a walk through every heading would find it."""
    layout = segment.layout(text)
    walked = list(layout.headings)
    for position in range(0, len(text) + 1, 2):
        found = None
        for heading in walked:
            if heading.start <= position:
                found = heading
        assert layout.section_at(position) == found


def test_a_long_figure_is_no_figure() -> None:
    text = "增长" + "9" * (textnums.MAX_WRITTEN + 1) + "%和5%"
    assert [n.value for n in find_numbers(text)] == [Decimal(5)]
