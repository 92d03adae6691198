"""Where a report's review of last year ends and its plan for this year begins, and its headings.

Works on folded text (see textnums.fold), so every position is also a position in the original.
"""

from __future__ import annotations

import re
from collections import Counter

import msgspec

_CN_ORDINAL = "一二三四五六七八九十"
_TOP_HEADING = re.compile(rf"^[ \t\u3000]*([{_CN_ORDINAL}]+)、(.*)$", re.MULTILINE)
_SUB_HEADING = re.compile(rf"^[ \t\u3000]*\(([{_CN_ORDINAL}]+)\)(.*)$", re.MULTILINE)
_PLAN_WORDS = re.compile(
    r"工作安排|工作任务|主要任务|重点工作|工作打算|总体要求|奋斗目标|预期目标|工作思路"
)
_REVIEW_WORDS = re.compile(r"回顾|过去|成绩")
_LOOKS_BACK = re.compile(r"回顾|过去一年|过去五年|预计(?:实现|完成|全年)")
_TARGET_SENTENCE = re.compile(r"(主要预期目标|预期目标|工作总体要求|总体要求是)")
#: The plan stating its targets ("今年…主要预期目标是:", "…预期目标建议为"), never the review's
#: "主要预期目标全面完成".
_PLAN_TARGETS = re.compile(r"预期目标(?:建议)?(?:是|为)")
_FOOTER = re.compile(r"版权所有|ICP备|公网安备|网站标识码|技术支持|主办单位|主办方")
_YEAR = re.compile(r"(20\d\d)年")


class Heading(msgspec.Struct, frozen=True):
    start: int
    end: int
    key: str  # 二, or 二(一) for a sub-heading
    title: str


class Layout(msgspec.Struct, frozen=True):
    """The parts of a report: review [0, plan_start), plan [plan_start, plan_end), then footer."""

    plan_start: int
    plan_end: int
    headings: tuple[Heading, ...]  # inside the plan part
    #: No plan heading or statement of targets was found, and the text looks back on a past
    #: year ("回顾", "过去一年", "预计实现"): its figures may be last year's results.
    review_only: bool = False

    def section_at(self, position: int) -> Heading | None:
        found = None
        for heading in self.headings:
            if heading.start <= position:
                found = heading
        return found


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
    headings: list[Heading] = []
    top = ""
    for match in sorted(
        [*_TOP_HEADING.finditer(text, start, end), *_SUB_HEADING.finditer(text, start, end)],
        key=lambda m: m.start(),
    ):
        is_top = match.re is _TOP_HEADING
        title = _heading_title(match.group(2))
        if is_top:
            top = match.group(1)
            key = top
        else:
            key = f"{top}({match.group(1)})" if top else f"({match.group(1)})"
        headings.append(Heading(match.start(), match.end(), key, title))
    review_only = marked is None and _LOOKS_BACK.search(text, 0, end) is not None
    return Layout(start, end, tuple(headings), review_only)


def _heading_title(rest: str) -> str:
    title = re.split(r"[。,;:]", rest.strip(), maxsplit=1)[0]
    return title[:30]


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
    """The year the plan is for: named in the plan heading, else the one the plan names most."""
    heading = text[parts.plan_start : text.find("\n", parts.plan_start) % (len(text) + 1)]
    if (match := _YEAR.search(heading)) is not None:
        return int(match.group(1))
    years = Counter(int(y) for y in _YEAR.findall(text, parts.plan_start, parts.plan_end))
    if not years:
        return None
    return years.most_common(1)[0][0]
