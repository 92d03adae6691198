"""The texts a registry quotes: its seed (the report) and any further texts it names.

Each is read within the report's size limit, as a regular file only, in UTF-8 (with or without a
byte-order mark) or GB18030, and split into its review and plan parts once.
"""

from __future__ import annotations

import functools
import os
import re
from bisect import bisect_right
from pathlib import Path

import msgspec

from reportcheck.model.encoding import EncodingProblemError, decode
from reportcheck.model.limits import (
    MAX_REPORT_BYTES,
    LimitError,
    NotRegularFileError,
    read_limited,
    size_text,
)
from reportcheck.model.problems import UsageError, problem
from reportcheck.registry.prose.segment import Layout, layout
from reportcheck.registry.prose.textnums import find_numbers, fold

#: A passage before the plan part reads like a list of targets when it, or the heading above it,
#: speaks of 目标, it holds at least two figures worded as targets (左右, 以内, 控制在, 力争 …;
#: not 以上, which a review says as often), and it does not look back (预计, 回顾, 比上年 …).
_TARGET_AFTER = re.compile(r"(?:%|[\u4e00-\u9fff]{0,4}?)(?:左右|以内)")
#: A line this short standing alone is a heading.
_HEADING_CHARS = 40
_TARGET_BEFORE = re.compile(r"(?:控制在|不低于|不少于|力争|确保)$")
_LOOKS_BACK = re.compile(r"预计|回顾|过去|实现了|完成了|成绩|比上年|同比")


class QuotedText(msgspec.Struct, frozen=True, kw_only=True, dict=True):
    """One text quotes are checked against; `name` is "" for the seed."""

    name: str
    path: Path
    text: str
    folded: str
    parts: Layout

    @property
    def shown(self) -> str:
        """The text's path as the registry gives it, for messages."""
        return os.path.normpath(self.path)

    def line_of(self, position: int) -> int:
        """The 1-based line of a position in the text."""
        return bisect_right(self._line_starts, position)

    @functools.cached_property
    def passages(self) -> list[tuple[int, int]]:
        """Paragraphs before the plan part that read like a list of targets: a plan under a
        heading the layout did not expect (主要目标任务, **二、…**) is a plan all the same."""
        folded, found, heading = self.folded, [], ""
        end, start = self.parts.plan_start, 0
        while start < end:
            stop = folded.find("\n", start, end)
            stop = end if stop == -1 else stop
            paragraph = folded[start:stop]
            aims = "目标" in paragraph or "目标" in heading
            if paragraph.strip():
                heading = paragraph if len(paragraph.strip()) <= _HEADING_CHARS else ""
            if aims and not _LOOKS_BACK.search(paragraph):
                worded = sum(
                    bool(
                        _TARGET_AFTER.match(folded, n.end, stop)
                        or _TARGET_BEFORE.search(folded, max(start, n.start - 6), n.start)
                    )
                    for n in find_numbers(folded, start, stop)
                )
                if worded >= 2:
                    found.append((start, stop))
            start = stop + 1
        return found

    @functools.cached_property
    def _line_starts(self) -> list[int]:
        """Where each line starts; built on first use (hence dict=True), not a field."""
        starts = [0]
        at = self.text.find("\n")
        while at != -1:
            starts.append(at + 1)
            at = self.text.find("\n", at + 1)
        return starts


def text_path(registry_path: Path, relative: str) -> Path:
    """A text named by a registry: its path is relative to the registry's folder."""
    return registry_path.parent / relative


def read_text(name: str, path: Path) -> QuotedText:
    """The text at `path`; raises OSError (LimitError among them) or EncodingProblemError."""
    text = decode(read_limited(path, MAX_REPORT_BYTES, "a report's text")).text
    folded = fold(text)
    return QuotedText(name=name, path=path, text=text, folded=folded, parts=layout(folded))


def read_report(path: Path) -> str:
    """A report's text, for `draft` and `harvest`: UTF-8 (with or without a byte-order mark),
    GB18030 or Big5, told apart as files of actuals are; a regular file of at most
    MAX_REPORT_BYTES, read without ever blocking or reading on without end."""
    file = str(path)
    try:
        data = read_limited(path, MAX_REPORT_BYTES, "a report's text")
    except FileNotFoundError:
        raise UsageError([problem("report-unreadable", "missing", file=file)]) from None
    except IsADirectoryError:
        raise UsageError([problem("report-unreadable", "folder", file=file)]) from None
    except NotRegularFileError:
        raise UsageError([problem("report-unreadable", "not-regular", file=file)]) from None
    except LimitError as exc:
        grew = exc.variant == "grown"
        raise UsageError(
            [
                problem(
                    "report-too-large",
                    "grew" if grew else "",
                    file=file,
                    size=exc.params.get("size", ""),
                    limit=size_text(MAX_REPORT_BYTES),
                )
            ]
        ) from None
    except OSError as exc:
        why = exc.strerror or str(exc)
        raise UsageError([problem("report-unreadable", file=file, why=why)]) from None
    try:
        return decode(data).text
    except EncodingProblemError:
        raise UsageError([problem("report-encoding", file=file)]) from None
