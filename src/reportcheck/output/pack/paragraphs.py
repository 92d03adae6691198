"""The pack's sentences: the count paragraph that opens a 通报, the notes, the changes.

Words come from `reportcheck.output.words`; here they are put together. Every count paragraph
adds up: its parts are a partition of the commitments it counts.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from reportcheck.model.controls import ACTING, SEPARATORS
from reportcheck.model.numbers import format_decimal
from reportcheck.output.words import (
    change_label,
    head,
    light_label,
    period_words,
    say,
    status_words,
    status_words_of,
)
from reportcheck.review.status import Status, Verdict

if TYPE_CHECKING:
    from reportcheck.model.problems import Problem
    from reportcheck.review.pack import Pack, Row

#: Characters that would act rather than show: C0/C1 controls (tab and line breaks excepted),
#: line separators and bidirectional overrides; and the two noncharacters U+FFFE and U+FFFF,
#: which no XML (a .docx, an .xlsx) can carry.
_ACTING = re.compile(f"[{ACTING}{SEPARATORS}\ufffe\uffff]")


def visible(text: str) -> str:
    """Text with every acting character spelled out (ESC becomes '\\x1b'), nothing dropped."""
    return _ACTING.sub(lambda m: _escape(ord(m.group())), text)


def _escape(code: int) -> str:
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def pack_title(pack: Pack, lang: str, key: str = "title") -> str:
    """The pack's title ('…执行情况', or the 通报's with key notice_title), saying so when the
    pack is filtered: '…执行情况（筛选：责任单位 市发改委）'."""
    meta = pack.registry.meta
    title = visible(meta.title_en if lang == "en" else meta.title_zh)
    return say(key, lang, title=title) + filter_words(pack, lang)


#: The options a pack is filtered by (`Pack.filters`, as typed), by what they choose.
_FILTER_HEADS = {"--lead": "lead", "--leader": "leader"}


def filter_words(pack: Pack, lang: str) -> str:
    """'（筛选：责任单位 市发改委）' for a pack of some units' or leaders' commitments, '' for
    the whole pack."""
    if not pack.filters:
        return ""
    said = []
    for typed in pack.filters:
        option, _, value = typed.partition(" ")
        key = _FILTER_HEADS.get(option)
        said.append(f"{head(key, lang)} {visible(value)}" if key else visible(typed))
    return say("filtered_by", lang, filters=say("filter_separator", lang).join(said))


def change_word(row: Row, lang: str) -> str:
    """'滞后 → 符合进度 (已恢复)', or the light's change, or empty."""
    kind = row.change
    if kind is None or row.previous is None:
        return ""
    if kind == "light_changed" and row.previous_light is not None:
        before, after = light_label(row.previous_light, lang), light_label(row.light, lang)
    else:
        before = status_words_of(row.previous.status, row.previous, lang)
        after = status_words(row.result, lang)
    return f"{before} → {after} ({change_label(kind, lang)})"


def chinese_punctuation(text: str, lang: str) -> str:
    """Chinese prose with Chinese punctuation, as every format prints the pack's sentences:
    ，；：（） for the half-width forms between Chinese words; numbers (1,867.9) keep theirs,
    and English is left as it is."""
    if lang == "en":
        return text
    out = []
    for i, char in enumerate(text):
        before = text[i - 1] if i else ""
        after = text[i + 1] if i + 1 < len(text) else ""
        if char == "," and not (before.isdigit() and after.isdigit()):
            out.append("，")
        elif char == ";":
            out.append("；")
        elif char == ":" and not (before.isdigit() and after.isdigit()):
            out.append("：")
        elif char == "(":
            out.append("（")
        elif char == ")":
            out.append("）")
        else:
            out.append(char)
    return "".join(out)


def share(part: int, whole: int) -> str:
    """A share in percent with one decimal, as the 通报 prints it."""
    if whole == 0:
        return "0.0"
    value = (Decimal(part) * 100 / whole).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return f"{value}"


def _names(rows: tuple[Row, ...] | list[Row], lang: str) -> str:
    return ("、" if lang == "zh" else ", ").join(row.target.name(lang) for row in rows)


def count_parts(pack: Pack) -> dict[str, int]:
    """The counts the paragraph gives, a partition of the rows: on pace (met included), lagging
    (missed included), judged at the due date only, undetermined bounds, no figure."""
    counts = pack.counts()
    return {
        "passing": counts[Status.ON_TRACK] + counts[Status.MET],
        "failing": counts[Status.BEHIND] + counts[Status.MISSED],
        "not_due": counts[Status.NOT_DUE],
        "undetermined": counts[Status.UNDETERMINED],
        "no_data": counts[Status.NO_DATA],
    }


def count_paragraph(pack: Pack, lang: str) -> str:
    """'截至…,N项承诺中,有进度判断的M项:达到序时进度X项、占比Y%;未达到序时进度Z项,分别是…;
    年底考核、尚未完成W项;暂无数据V项(其中尚未发布U项)。' The parts add up to N."""
    if pack.year_end:
        return _year_paragraph(pack, lang)
    parts = count_parts(pack)
    judged = parts["passing"] + parts["failing"]
    lagging = _names(pack.lagging, lang)
    text = say(
        "count_head",
        lang,
        when=period_words(pack.period, lang),
        total=sum(parts.values()),
        judged=judged,
        passing=parts["passing"],
        share=share(parts["passing"], judged),
        failing=parts["failing"],
        names=say("count_names", lang, names=lagging) if lagging else "",
    )
    for key in ("not_due", "undetermined"):
        if parts[key]:
            text += say(f"count_{key}", lang, n=parts[key])
    text += say("count_no_data", lang, n=parts["no_data"])
    said = [
        say(f"count_{why}", lang, n=n)
        for why in ("not-published", "at-due")
        if (n := _awaited(pack, why))
    ]
    if said:
        text += say("count_of_them", lang, parts=say("list_separator", lang).join(said))
    return chinese_punctuation(text + say("sentence_end", lang), lang)


def _awaited(pack: Pack, why: str) -> int:
    return sum(1 for row in pack.rows if row.status is Status.NO_DATA and row.result.awaited == why)


def _year_paragraph(pack: Pack, lang: str) -> str:
    """The closing count of the 对照表: met (within tolerance among them), missed (named), not
    reported (no final figure), of every commitment."""
    verdicts = pack.verdict_counts()
    total = sum(verdicts.values())
    met, missed = verdicts[Verdict.MET], verdicts[Verdict.MISSED]
    basically = sum(1 for row in pack.rows if row.verdict is Verdict.MET and row.result.tolerated)
    names = _names([row for row in pack.rows if row.verdict is Verdict.MISSED], lang)
    text = say(
        "year_count",
        lang,
        when=period_words(pack.period, lang),
        total=total,
        met=met,
        share=share(met, total),
        basically=say("year_basically", lang, n=basically) if basically else "",
        missed=missed,
        names=say("count_names", lang, names=names) if missed else "",
        missing=verdicts[Verdict.NOT_REPORTED],
    )
    return chinese_punctuation(text, lang)


def account_note(pack: Pack, lang: str) -> str:
    """Beside the 对照表's title: how many commitments have no final figure and are therefore
    not reported (a `--final` pack in July, or December before the year's figures are in)."""
    count = pack.verdict_counts()[Verdict.NOT_REPORTED]
    if not count:
        return ""
    said = say("account_not_final", lang, period=period_words(pack.period, lang), count=count)
    return chinese_punctuation(said, lang)


def notes(pack: Pack, lang: str) -> list[str]:
    """The rules the pack applies, printed with it: lights, 完成率, finality, required pace."""
    limits = [format_decimal(x) for x in pack.bands.limits]
    bands = (
        say("note_bands_two", lang, first=limits[0], second=limits[1])
        if len(limits) == 2
        else say("note_bands_one", lang, first=limits[0])
    )
    said = ("note_behind", "note_completion", "note_final", "note_per_month")
    lines = [bands, *(say(key, lang) for key in said), *_illustrative(pack, lang)]
    return [chinese_punctuation(line, lang) for line in lines]


def _illustrative(pack: Pack, lang: str) -> list[str]:
    """A warning line when any figure's note or source marks it as made up."""
    marks = ("示例", "illustrative")
    for row in pack.rows:
        text = f"{row.result.source} {row.result.note}".lower()
        if any(mark in text for mark in marks):
            return [say("illustrative", lang)]
    return []


def unexplained_line(pack: Pack, lang: str) -> str | None:
    rows = [row for row in pack.rows if row.unexplained]
    if not rows:
        return None
    return chinese_punctuation(say("unexplained", lang, items=_names(rows, lang)), lang)


#: The most warnings the 数据提示 of a pack list; the rest are counted (each row still shows
#: its own).
MAX_WARNINGS = 100


def warning_line(warning: Problem, lang: str) -> str:
    """One warning as `diff` gives it on stderr: where it stands, what it doubts, its code
    ('a.csv:4: value 列: manufacturing_loans 为 615000,应达 112.5 亿元,… [unit-suspect]')."""
    from reportcheck.output.catalogue import one_line

    return one_line(warning, lang)


def warning_lines(pack: Pack, lang: str) -> list[str]:
    """数据提示: the warnings about the figures of the pack's commitments (and about the files),
    the same as `diff` gives; at most MAX_WARNINGS, then how many more."""
    ids = {row.target.id for row in pack.rows}
    shown = [
        warning
        for warning in pack.warnings
        if not isinstance(warning.params.get("id"), str) or warning.params["id"] in ids
    ]
    lines = [warning_line(warning, lang) for warning in shown[:MAX_WARNINGS]]
    if len(shown) > MAX_WARNINGS:
        lines.append(say("warnings_more", lang, n=len(shown) - MAX_WARNINGS))
    return lines
