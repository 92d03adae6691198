"""Rich renderables for people at a terminal. The status word is always printed; colour adds."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from reportcheck.labels import CATEGORY, CHANGE, pick, status_label, word
from reportcheck.model import Status, Target
from reportcheck.numeric import format_decimal
from reportcheck.rules import pacing_words, rule_words
from reportcheck.units import unit_label

if TYPE_CHECKING:
    from reportcheck.actuals import Value
    from reportcheck.evaluate import Report, Result
    from reportcheck.review import Overview, Review

STYLE = {
    Status.MET: "bold green",
    Status.ON_TRACK: "green",
    Status.MISSED: "bold red",
    Status.BEHIND: "red",
    Status.NO_DATA: "dim",
}
_SPARK = "▁▂▃▄▅▆▇█"


def status_text(status: Status, lang: str) -> Text:
    return Text(status_label(status, lang), style=STYLE[status])


def number(value: Value | Decimal | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "是 yes" if value else "否 no"
    return format_decimal(value)


def signed(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = format_decimal(value)
    return text if value < 0 or text == "0" else "+" + text


def summary_line(report: Report, lang: str) -> Text:
    line = Text(f"{word('as_of', lang)} {report.period or '—'}  ")
    for status, count in report.summary().items():
        line.append(f"{status_label(status, lang)} {count}", style=STYLE[status] if count else "")
        line.append("  ")
    return line


def report_table(report: Report, lang: str) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, show_lines=False, pad_edge=False,
                  title=report.registry.meta.title_en if lang == "en"
                  else report.registry.meta.title_zh)
    table.add_column(word("id", lang), no_wrap=True, style="cyan")
    table.add_column(word("name", lang), ratio=2, overflow="fold")
    table.add_column(word("wording", lang), ratio=4, overflow="fold")
    for key in ("actual", "required", "gap"):
        table.add_column(word(key, lang), justify="right", no_wrap=True)
    table.add_column(word("status", lang), no_wrap=True)
    for key, section in report.registry.sections.items():
        rows = [r for r in report.results if r.target.section == key]
        if not rows:
            continue
        table.add_row(Text(section.title(lang), style="bold"))
        for r in rows:
            table.add_row(r.target.id, r.target.name(lang), r.target.quote, number(r.actual),
                          number(r.expected if r.expected is not None else r.required),
                          signed(r.gap), status_text(r.status, lang))
        table.add_section()
    return Group(table, summary_line(report, lang))


def targets_table(targets: Sequence[Target], lang: str) -> RenderableType:
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for key in ("section", "id", "name", "wording", "unit", "rule"):
        table.add_column(word(key, lang), no_wrap=key in ("section", "id", "unit"),
                         overflow="fold")
    for t in targets:
        name = t.name(lang) + (f" ({word('references', lang).lstrip('项')})"
                               if not t.is_commitment else "")
        table.add_row(t.section, t.id, name, t.quote, unit_label(t.unit, lang),
                      rule_words(t, lang))
    commitments = sum(1 for t in targets if t.is_commitment)
    footer = Text(f"{commitments} {word('commitments', lang)}, "
                  f"{len(targets) - commitments} {word('references', lang)}")
    return Group(table, footer)


def bar(counts: dict[Status, int], width: int = 30) -> Text:
    total = sum(counts.values()) or 1
    text = Text()
    for status, count in counts.items():
        cells = round(count * width / total)
        if count and not cells:
            cells = 1
        text.append("█" * cells, style=STYLE[status])
    return text


def review_view(review: Review, lang: str) -> RenderableType:
    report = review.report
    parts: list[RenderableType] = [summary_line(report, lang)]
    bars = Table(box=None, pad_edge=False, show_header=False)
    bars.add_column(no_wrap=True)
    bars.add_column(no_wrap=True)
    bars.add_column()
    bars.add_row(Text("全部" if lang != "en" else "all", style="bold"), bar(report.summary()),
                 _counts(report.summary(), lang))
    for key, counts in review.by_section().items():
        bars.add_row(report.registry.sections[key].title(lang), bar(counts), _counts(counts, lang))
    parts += [Text(), bars, Text()]
    parts.append(Text(word("lagging", lang), style="bold"))
    lagging = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for key in ("id", "name", "period", "actual", "required", "gap", "status"):
        lagging.add_column(word(key, lang), justify="right" if key in (
            "actual", "required", "gap") else "left")
    for r in review.lagging[:10]:
        lagging.add_row(r.target.id, r.target.name(lang), str(r.period), number(r.actual),
                        number(r.required), signed(r.gap), status_text(r.status, lang))
    parts.append(lagging if review.lagging else Text(word("none", lang), style="dim"))
    parts.append(Text(f"{word('changes', lang)} ({word('previous', lang)} "
                      f"{review.previous or '—'})", style="bold"))
    if review.changes:
        for change in review.changes:
            line = Text(f"  {change.id}: ")
            line.append_text(status_text(change.before, lang))
            line.append(" → ")
            line.append_text(status_text(change.after, lang))
            line.append(f"  ({pick(CHANGE[change.kind], lang)})", style="dim")
            parts.append(line)
    else:
        parts.append(Text("  " + word("none", lang), style="dim"))
    no_data = review.no_data
    parts.append(Text(f"{word('no_data', lang)} ({len(no_data)})", style="bold"))
    if no_data:
        parts.append(Text("  " + ", ".join(r.target.id for r in no_data), style="dim"))
    return Group(*parts)


def _counts(counts: dict[Status, int], lang: str) -> Text:
    text = Text()
    for status, count in counts.items():
        if count:
            text.append(f"{status_label(status, lang)} {count}  ", style=STYLE[status])
    return text


def overview_view(view: Overview, lang: str, hint: str) -> RenderableType:
    meta = view.registry.meta
    total = sum(view.by_section.values())
    head = Text(f"{meta.title_en if lang == 'en' else meta.title_zh}: {total} "
                f"{word('commitments', lang)}, {view.references} {word('references', lang)}",
                style="bold")
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    table.add_column(word("by_section", lang))
    table.add_column(word("count", lang), justify="right")
    for key, count in view.by_section.items():
        table.add_row(view.registry.sections[key].title(lang), str(count))
    kinds = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    kinds.add_column(word("by_kind", lang))
    kinds.add_column(word("count", lang), justify="right")
    for key, count in view.by_category.items():
        kinds.add_row(pick(CATEGORY[key], lang), str(count))
    kinds.add_section()
    for key, count in view.by_release.items():
        kinds.add_row(f"{word('released', lang)}: {pick(CATEGORY[key], lang)}", str(count))
    return Group(head, table, kinds, Text(hint, style="yellow"))


def show_view(target: Target, results: Sequence[Result], lang: str,
              other_name: str | None) -> RenderableType:
    facts = Table(box=None, show_header=False, pad_edge=False)
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column()
    facts.add_row(word("id", lang), target.id)
    facts.add_row(word("name", lang), f"{target.name_zh} / {target.name_en}")
    facts.add_row(word("section", lang), target.section)
    facts.add_row(word("quote", lang), f"“{target.quote}”")
    facts.add_row(word("rule", lang), f"{rule_words(target, 'zh')}  |  {rule_words(target, 'en')}")
    facts.add_row(word("unit", lang), f"{target.unit} ({unit_label(target.unit, 'en')})")
    if target.tolerance is not None:
        facts.add_row(word("tolerance", lang), f"± {format_decimal(target.tolerance)}")
    if target.other:
        facts.add_row(word("other", lang), f"{target.other} {other_name or ''}")
    if target.baseline:
        base = target.baseline
        facts.add_row(word("baseline", lang), f"{format_decimal(base.value)} ({base.year}), "
                      f"“{base.quote}”")
    facts.add_row(word("pacing", lang), f"{pacing_words(target, 'zh')}  |  "
                  f"{pacing_words(target, 'en')}")
    facts.add_row(word("released", lang), pick(CATEGORY[target.released.value], lang))
    if target.note:
        facts.add_row("note", target.note)
    parts: list[RenderableType] = [facts]
    if results:
        history = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        for key in ("period", "actual", "required", "gap", "status", "source"):
            history.add_column(word(key, lang), justify="right" if key in (
                "actual", "required", "gap") else "left")
        for r in results:
            history.add_row(str(r.period), number(r.actual), number(r.required), signed(r.gap),
                            status_text(r.status, lang), r.source)
        parts += [history, trend_line(results, lang)]
    return Group(*parts)


def trend_line(results: Sequence[Result], lang: str) -> Text:
    line = Text(f"{word('trend', lang)}: ")
    numbers = [r.actual for r in results if isinstance(r.actual, Decimal)]
    if numbers:
        low, high = min(numbers), max(numbers)
        span = high - low or Decimal(1)
        for r in results:
            if isinstance(r.actual, Decimal):
                index = int((r.actual - low) / span * (len(_SPARK) - 1))
                line.append(_SPARK[index], style=STYLE[r.status])
        line.append("  ")
    for r in results:
        line.append_text(status_text(r.status, lang))
        line.append(" ")
    return line
