"""Where a report's review of last year ends and its plan for this year begins, and its headings.

Works on folded text (see textnums.fold), so every position is also a position in the original.
"""

from __future__ import annotations

import bisect
import itertools
import re
from array import array
from collections import Counter
from collections.abc import Sequence
from typing import overload

import msgspec

_CN_ORDINAL = "一二三四五六七八九十"
#: What a heading may stand in besides white space: markdown's `#` and bold or italic marks, as
#: texts copied from a web page keep them (**二、2024年工作安排**).
_DECORATION = r"[ \t\u3000]*(?:#{1,6}[ \t\u3000]*)?(?:(?:\*{1,2}|_{1,2})[ \t\u3000]*)?"
_TOP_HEADING = re.compile(rf"^{_DECORATION}([{_CN_ORDINAL}]+)、(.*)$", re.MULTILINE)
_SUB_HEADING = re.compile(rf"^{_DECORATION}\(([{_CN_ORDINAL}]+)\)(.*)$", re.MULTILINE)
_PLAN_WORDS = re.compile(
    r"工作安排|工作任务|主要任务|重点任务|目标任务|主要目标|发展目标|重点工作|工作打算|总体要求"
    r"|奋斗目标|预期目标|工作思路"
)
#: A heading that ends the report's own words: notes and glossaries after it explain terms.
_APPENDIX = re.compile(
    r"^[ \t\u3000*#_]*(?:附件|附录|名词解释|注释|相关词语解释)[ \t\u3000*_:]*$", re.MULTILINE
)
#: A five-year plan's horizon: "十五五" ends in 2030, "十四五" in 2025.
_FIVE_YEAR_PLAN = re.compile(r"“?(十[一二三四五六七八九]五)”?")
_FIVE_YEAR_END = {f"十{d}五": 2005 + 5 * n for n, d in enumerate("一二三四五六七八九", start=1)}
_REVIEW_WORDS = re.compile(r"回顾|过去|成绩")
_LOOKS_BACK = re.compile(r"回顾|过去一年|过去五年|预计(?:实现|完成|全年)")
_TARGET_SENTENCE = re.compile(r"(主要预期目标|预期目标|工作总体要求|总体要求是)")
#: The plan stating its targets ("今年…主要预期目标是:", "…预期目标建议为"), never the review's
#: "主要预期目标全面完成".
_PLAN_TARGETS = re.compile(r"预期目标(?:建议)?(?:是|为)")
_FOOTER = re.compile(r"版权所有|ICP备|公网安备|网站标识码|技术支持|主办单位|主办方")
_YEAR = re.compile(r"(20\d\d)年")
#: The top headings looked through for the plan's year: a report has a handful.
MAX_PARTS = 20


class Heading(msgspec.Struct, frozen=True, kw_only=True):
    start: int
    end: int
    key: str  # 二, or 二(一) for a sub-heading
    title: str


class Headings(Sequence[Heading]):
    """The headings of a report's plan part, found once and kept as positions: a Heading is made
    only when asked for, so that a text of a million heading lines does not hold a million of
    them, and the one before a position is found by bisection."""

    def __init__(self, text: str, start: int, end: int) -> None:
        self.text, self.end = text, end
        self.tops = array("q", (m.start() for m in _TOP_HEADING.finditer(text, start, end)))
        self.subs = array("q", (m.start() for m in _SUB_HEADING.finditer(text, start, end)))
        # sorted by start: a top and a sub-heading never start at one place
        self.starts = array("q", sorted(itertools.chain(self.tops, self.subs)))
        self._tops_made: dict[int, Heading] = {}

    def __len__(self) -> int:
        return len(self.starts)

    @overload
    def __getitem__(self, index: int) -> Heading: ...
    @overload
    def __getitem__(self, index: slice) -> Sequence[Heading]: ...
    def __getitem__(self, index: int | slice) -> Heading | Sequence[Heading]:
        if isinstance(index, slice):
            return [self._heading(at) for at in self.starts[index]]
        return self._heading(self.starts[index])

    def before(self, position: int) -> Heading | None:
        """The last heading that starts at or before `position`."""
        at = bisect.bisect_right(self.starts, position)
        return self._heading(self.starts[at - 1]) if at else None

    def top_before(self, position: int) -> Heading | None:
        """The last top heading (二、…) that starts at or before `position`; each is made once
        (a report has a handful, and every clause asks)."""
        at = bisect.bisect_right(self.tops, position)
        if not at:
            return None
        start = self.tops[at - 1]
        found = self._tops_made.get(start)
        if found is None:
            if len(self._tops_made) > MAX_PARTS:
                self._tops_made.clear()
            found = self._tops_made[start] = self._heading(start)
        return found

    def _heading(self, start: int) -> Heading:
        top = bisect.bisect_left(self.tops, start)
        is_top = top < len(self.tops) and self.tops[top] == start
        match = (_TOP_HEADING if is_top else _SUB_HEADING).match(self.text, start, self.end)
        assert match is not None
        title = _heading_title(match.group(2))
        if is_top:
            key = match.group(1)
        else:
            above = _TOP_HEADING.match(self.text, self.tops[top - 1], self.end) if top else None
            key = f"{above.group(1)}({match.group(1)})" if above else f"({match.group(1)})"
        return Heading(start=match.start(), end=match.end(), key=key, title=title)


class Layout(msgspec.Struct, frozen=True, kw_only=True):
    """The parts of a report: review [0, plan_start), plan [plan_start, plan_end), then footer
    (a site's footer, or notes and a glossary under 附件 / 名词解释)."""

    plan_start: int
    plan_end: int
    headings: Sequence[Heading]  # inside the plan part
    #: No plan heading or statement of targets was found, and the text looks back on a past
    #: year ("回顾", "过去一年", "预计实现"): its figures may be last year's results.
    review_only: bool = False

    def section_at(self, position: int) -> Heading | None:
        if isinstance(self.headings, Headings):
            return self.headings.before(position)
        found = None
        for heading in self.headings:
            if heading.start <= position:
                found = heading
        return found

    def part_at(self, position: int) -> Heading | None:
        """The top heading (二、…) before `position`, over any sub-heading."""
        if isinstance(self.headings, Headings):
            return self.headings.top_before(position)
        found = None
        for heading in self.headings:
            if heading.start <= position and "(" not in heading.key:
                found = heading
        return found

    def horizon_at(self, position: int) -> int | None:
        """The year a five-year part of the plan looks to ("十五五"时期的主要目标任务: 2030),
        for the position's top heading; None for a part of the year's own plan."""
        heading = self.part_at(position)
        return None if heading is None else horizon(heading.title)


def horizon(title: str) -> int | None:
    """The end year of the five-year plan a heading names, unless it names a year of its own."""
    if _YEAR.search(title):
        return None
    match = _FIVE_YEAR_PLAN.search(title)
    return None if match is None else _FIVE_YEAR_END[match.group(1)]


def footer_start(text: str) -> int:
    """Where the site's footer (copyright, registration numbers) begins, or the end."""
    match = _FOOTER.search(text)
    if match is None:
        return len(text)
    return text.rfind("\n", 0, match.start()) + 1


def layout(text: str) -> Layout:
    """Split folded report text into its review and plan parts."""
    end = footer_start(text)
    marked = _plan_start(text, end)
    start = marked or 0
    appendix = _APPENDIX.search(text, start, end)
    if appendix is not None:
        end = appendix.start()
    review_only = marked is None and _LOOKS_BACK.search(text, 0, end) is not None
    return Layout(
        plan_start=start, plan_end=end, headings=Headings(text, start, end), review_only=review_only
    )


def _heading_title(rest: str) -> str:
    title = re.split(r"[。,;:]", rest.strip(), maxsplit=1)[0]
    return title.strip(" \t\u3000*_#")[:30]


def _plan_heading(text: str, end: int) -> int | None:
    return next(
        (
            match.start()
            for match in _TOP_HEADING.finditer(text, 0, end)
            if _PLAN_WORDS.search(match.group(2)) and not _REVIEW_WORDS.search(match.group(2))
        ),
        None,
    )


def _plan_start(text: str, end: int) -> int | None:
    """The first plan heading, or the plan's statement of targets when that comes first (a
    report whose targets paragraph stands before its first plan heading); None when nothing in
    the text marks where the plan begins."""
    heading = _plan_heading(text, end)
    stated = _PLAN_TARGETS.search(text, 0, end if heading is None else heading)
    if stated is not None:
        return _sentence_start(text, stated.start())
    if heading is not None:
        return heading
    target = _TARGET_SENTENCE.search(text, 0, end)
    return None if target is None else _sentence_start(text, target.start())


def _sentence_start(text: str, position: int) -> int:
    line_start = text.rfind("\n", 0, position) + 1
    sentence = max(text.rfind(p, line_start, position) for p in "。!?")
    return max(line_start, sentence + 1)


def infer_year(text: str, parts: Layout) -> int | None:
    """The year the plan is for: named in the plan heading (or, after a five-year part, in the
    first plan heading that names one), else the one the plan names most."""
    heading = text[parts.plan_start : text.find("\n", parts.plan_start) % (len(text) + 1)]
    if (match := _YEAR.search(heading)) is not None:
        return int(match.group(1))
    headings = parts.headings
    if isinstance(headings, Headings):
        for start in headings.tops[:MAX_PARTS]:
            top = headings.top_before(start)
            match = _YEAR.search(top.title) if top is not None else None
            if top is not None and match is not None and _PLAN_WORDS.search(top.title):
                return int(match.group(1))
    years = Counter(int(y) for y in _YEAR.findall(text, parts.plan_start, parts.plan_end))
    if not years:
        return None
    return years.most_common(1)[0][0]
