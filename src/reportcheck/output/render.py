"""Rich renderables for people at a terminal. The status word is always printed; colour adds."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING

from rich.cells import cell_len
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from reportcheck.model.numbers import format_decimal
from reportcheck.model.units import unit_label
from reportcheck.output.explain import baseline_words, rule_words, target_facts
from reportcheck.output.layout import Column, FittedTable, Heading, Lines, Note, Row
from reportcheck.output.words import (
    CATEGORY,
    FAILING_MOST,
    beside_words,
    change_label,
    failing_kind,
    figure_words,
    label,
    no_data_line,
    pace_words,
    percent,
    pick,
    shown,
    sign_words,
    status_label,
    status_notes,
    status_words,
    word,
)
from reportcheck.review.evaluate import judged_periods, mixed_periods
from reportcheck.review.status import Status

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderResult

    from reportcheck.actuals import Value
    from reportcheck.registry.records import Target
    from reportcheck.review.changes import Overview, Review
    from reportcheck.review.evaluate import Report, Result

STYLE = {
    Status.MET: "bold green",
    Status.ON_TRACK: "green",
    Status.MISSED: "bold red",
    Status.BEHIND: "red",
    Status.NOT_DUE: "cyan",
    Status.UNDETERMINED: "yellow",
    Status.NO_DATA: "dim",
}
_SPARK = "▁▂▃▄▅▆▇█"


def status_text(status: Status, lang: str) -> Text:
    return Text(status_label(status, lang), style=STYLE[status])


def result_status(result: Result, lang: str) -> Text:
    """The status word of a result (基本完成 within tolerance) with its notes in dim type."""
    text = Text(status_words(result, lang), style=STYLE[result.status])
    for note in status_notes(result, lang):
        text.append(f" ({note})", style="dim")
    return text


def number(value: Value | Decimal | None, lang: str) -> str:
    if value is None:
        return "—"
    if isinstance(value, bool):
        return word("yes" if value else "no", lang)
    return format_decimal(value)


def signed(value: Decimal | None) -> str:
    if value is None:
        return "—"
    text = format_decimal(value)
    return text if value < 0 or text == "0" else "+" + text


def summary_line(report: Report, lang: str, filters: Sequence[str] = ()) -> Text:
    line = Text(f"{word('as_of', lang)} {report.period or '—'}  ")
    if filters:
        line.append(f"({label('filtered', lang)}: {' '.join(filters)})  ", style="bold")
    if mixed_periods(report.results, report.period):
        periods = ", ".join(str(p) for p in judged_periods(report.results))
        line.append(f"({label('mixed', lang, periods=periods)})  ", style="bold")
    for status, count in report.summary().items():
        if status is Status.UNDETERMINED and not count:
            continue  # a rare status, named only when it occurs
        line.append(f"{status_label(status, lang)} {count}", style=STYLE[status] if count else "")
        line.append("  ")
    return line


def _numbers(lang: str) -> list[Column]:
    return [
        Column(header=word(key, lang), justify="right") for key in ("actual", "required", "gap")
    ]


def report_table(
    report: Report, lang: str, filters: Sequence[str] = (), show_all: bool = False
) -> RenderableType:
    """Results by section; rows without data grouped into one line per section unless show_all."""
    mixed = mixed_periods(report.results, report.period)
    columns = [
        Column(header=word("id", lang), style="cyan"),
        Column(header=word("name", lang), weight=2, minimum=10),
        Column(header=word("wording", lang), weight=4, minimum=24, optional=True),
        Column(header=word("unit", lang)),
        *_numbers(lang),
        Column(header=label("completion", lang), justify="right", optional=True, keep=2),
        Column(header=label("pace", lang), optional=True, keep=1),
        Column(header=word("status", lang), beside=True),
    ]
    if mixed:
        columns.append(Column(header=word("period", lang)))
    rows: list[Row] = []
    for key, section in report.registry.sections.items():
        results = [r for r in report.results if r.target.section == key]
        if not results:
            continue
        rows.append(Heading(key, section.name(lang)))
        missing = [r for r in results if r.status is Status.NO_DATA]
        for r in results if show_all else [r for r in results if r not in missing]:
            done = r.progress
            cells = [
                Text(r.target.id),
                Text(r.target.name(lang)),
                Text(r.target.quote),
                Text(unit_label(r.target.unit, lang)),
                Text(figure_words(r, lang)),
                Text(number(shown(r.expected if r.expected is not None else r.required, r), lang)),
                Text(signed(shown(r.gap, r))),
                Text(percent(done.completion)),
                Text(pace_words(done, lang, short=True)),
                result_status(r, lang),
            ]
            if beside := beside_words(r, lang):
                cells[4].append(f" ({beside})", style="dim")
            if sign := sign_words(r, lang):
                cells[4].append(f" ({sign})", style="dim")
            if mixed:
                cells.append(Text(str(r.period) if r.period else "—"))
            rows.append(cells)
        if missing and not show_all:
            rows.append(Note(no_data_line(missing, lang)))
    meta = report.registry.meta
    title = meta.title_en if lang == "en" else meta.title_zh
    parts: list[RenderableType] = [
        FittedTable(columns, rows, title),
        summary_line(report, lang, filters),
    ]
    if any(r.status is Status.NO_DATA for r in report.results) and not show_all:
        parts.append(Text(label("all_hint", lang), style="dim"))
    return Group(*parts)


def targets_table(targets: Sequence[Target], lang: str) -> RenderableType:
    columns = [
        Column(header=word("section", lang)),
        Column(header=word("id", lang), style="cyan", head=True),
        Column(header=word("name", lang), weight=2, minimum=8),
        Column(header=word("wording", lang), weight=3, minimum=16, optional=True),
        Column(header=word("unit", lang)),
        Column(header=word("rule", lang), weight=2, minimum=10),
    ]
    reference = f" ({word('references', lang).lstrip('项')})"
    rows: list[Row] = [
        [
            Text(t.section),
            Text(t.id),
            Text(t.name(lang) + ("" if t.is_commitment else reference)),
            Text(t.quote),
            Text(unit_label(t.unit, lang)),
            Text(rule_words(t, lang)),
        ]
        for t in targets
    ]
    commitments = sum(1 for t in targets if t.is_commitment)
    footer = Text(
        f"{commitments} {word('commitments', lang)}, "
        f"{len(targets) - commitments} {word('references', lang)}"
    )
    return Group(FittedTable(columns, rows), footer)


def bar(counts: dict[Status, int], width: int = 30) -> Text:
    """A bar exactly `width` cells long (when any count is non-zero) in which every non-zero
    count has at least one cell: cumulative rounding, then a cell lent by the longest part."""
    total = sum(counts.values())
    cells: dict[Status, int] = {}
    done = 0
    for status, count in counts.items():
        upto = done + count
        cells[status] = round(upto * width / total) - round(done * width / total) if total else 0
        done = upto
    for status, count in counts.items():
        if count and not cells[status]:
            longest = max(cells, key=lambda s: cells[s])
            if cells[longest] > 1:
                cells[longest] -= 1
                cells[status] = 1
    text = Text()
    for status, n in cells.items():
        text.append("█" * n, style=STYLE[status])
    return text


class Bars:
    """A bar of statuses per section beside its title and counts; on a terminal too narrow for
    the three side by side, the counts go on a line of their own, never cut."""

    def __init__(self, rows: Sequence[tuple[Text, dict[Status, int], Text]]) -> None:
        self.rows = rows

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        title_width = max(cell_len(title.plain) for title, _, _ in self.rows)
        counts_width = max(cell_len(counts.plain) for _, _, counts in self.rows)
        room = options.max_width - title_width - counts_width - 2
        side_by_side = room >= 10
        for title, counts, words in self.rows:
            line = title.copy()
            line.pad_right(title_width - cell_len(title.plain) + 1)
            if side_by_side:
                line.append_text(bar(counts, min(30, room)))
                line.append(" ")
                line.append_text(words)
                yield _whole(line)
                continue
            line.append_text(bar(counts, max(5, min(30, options.max_width - title_width - 1))))
            yield _whole(line)
            yield _whole(Text.assemble("  ", words))


def _whole(text: Text) -> Text:
    text.no_wrap, text.overflow = True, "ignore"
    return text


def review_view(
    review: Review, lang: str, show_all: bool = False, filters: Sequence[str] = ()
) -> RenderableType:
    report = review.report
    parts: list[RenderableType] = [summary_line(report, lang, filters)]
    rows = [(Text("全部" if lang != "en" else "all", style="bold"), report.summary())]
    rows += [
        (Text(report.registry.sections[key].title(lang)), counts)
        for key, counts in review.by_section().items()
    ]
    bars = Bars([(title, counts, _counts(counts, lang)) for title, counts in rows])
    parts += [Text(), bars, Text()]
    at_year_end = report.period is not None and report.period.is_full_year
    heading = FAILING_MOST[failing_kind((r.status for r in review.lagging), at_year_end)]
    parts.append(Text(word(heading, lang), style="bold"))
    lagging = FittedTable(
        [
            Column(header=word("id", lang), style="cyan"),
            Column(header=word("name", lang), weight=1, minimum=8),
            Column(header=word("period", lang)),
            Column(header=word("unit", lang)),
            *_numbers(lang),
            Column(header=label("completion", lang), justify="right", optional=True, keep=1),
            Column(header=label("pace", lang), optional=True),
            Column(header=word("status", lang), beside=True),
        ],
        [
            [
                Text(r.target.id),
                Text(r.target.name(lang)),
                Text(str(r.period)),
                Text(unit_label(r.target.unit, lang)),
                Text(figure_words(r, lang)),
                Text(number(shown(r.required, r), lang)),
                Text(signed(shown(r.gap, r))),
                Text(percent(r.progress.completion)),
                Text(pace_words(r.progress, lang, short=True)),
                result_status(r, lang),
            ]
            for r in review.lagging[:10]
        ],
    )
    parts.append(lagging if review.lagging else Text(word("none", lang), style="dim"))
    parts.append(
        Text(
            f"{word('changes', lang)} ({word('previous', lang)} {review.previous or '—'})",
            style="bold",
        )
    )
    if review.changes:
        changed = []
        for change in review.changes:
            line = Text(f"  {change.id}: ")
            line.append_text(status_text(change.before, lang))
            line.append(" → ")
            line.append_text(status_text(change.after, lang))
            line.append(f"  ({change_label(change.kind, lang)})", style="dim")
            changed.append(line)
        parts.append(Lines(changed))
    else:
        parts.append(Text("  " + word("none", lang), style="dim"))
    no_data = review.no_data
    parts.append(Text(f"{word('no_data', lang)} ({len(no_data)})", style="bold"))
    listed: list[Text] = []
    for key, section in report.registry.sections.items():
        missing = [r for r in no_data if r.target.section == key]
        if not missing:
            continue
        if not show_all:
            listed.append(Text(f"  {section.title(lang)}: {no_data_line(missing, lang)}"))
            continue
        listed.append(Text(f"  {section.title(lang)}", style="bold"))
        for r in missing:
            line = Text("    ")
            line.append(r.target.id, style="cyan")
            line.append(f"  {r.target.name(lang)}")
            for note in status_notes(r, lang):
                line.append(f"  ({note})", style="dim")
            listed.append(line)
    parts.append(Lines(listed))
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
    head = Text(
        f"{meta.title_en if lang == 'en' else meta.title_zh}: {total} "
        f"{word('commitments', lang)}, {view.references} {word('references', lang)}",
        style="bold",
    )
    count = Column(header=word("count", lang), justify="right")
    table = FittedTable(
        [Column(header=word("by_section", lang)), count],
        [
            [Text(view.registry.sections[key].title(lang)), Text(str(number))]
            for key, number in view.by_section.items()
        ],
    )
    by_kind = [[Text(pick(CATEGORY[k], lang)), Text(str(n))] for k, n in view.by_category.items()]
    released = [
        [Text(f"{word('released', lang)}: {pick(CATEGORY[k], lang)}"), Text(str(n))]
        for k, n in view.by_release.items()
    ]
    kinds = FittedTable(
        [Column(header=word("by_kind", lang)), count], [*by_kind, *released], breaks={len(by_kind)}
    )
    return Group(head, table, kinds, Text(hint, style="yellow"))


def show_view(
    target: Target, results: Sequence[Result], lang: str, other_name: str | None
) -> RenderableType:
    facts = Table(box=None, show_header=False, pad_edge=False)
    facts.add_column(style="bold", no_wrap=True)
    facts.add_column(overflow="fold")

    def fact(key: str, value: str) -> None:
        facts.add_row(Text(word(key, lang)), Text(value))

    fact("id", target.id)
    fact("name", f"{target.name_zh} / {target.name_en}")
    fact("section", target.section)
    fact("quote", f"“{target.quote}”")
    english = unit_label(target.unit, "en")
    symbol_only = lang == "zh" or english == target.unit
    fact("unit", target.unit if symbol_only else f"{target.unit} ({english})")
    for key, value in target_facts(target, lang):
        fact(key, value)
    if target.other:
        fact("other", f"{target.other} {other_name or ''}")
    if target.baseline:
        fact("baseline", baseline_words(target.baseline, lang))
    fact("released", pick(CATEGORY[target.released.value], lang))
    if target.note:
        fact("note", target.note)
    parts: list[RenderableType] = [facts]
    if results:
        unit = f" ({unit_label(target.unit, lang)})"
        history = FittedTable(
            [
                Column(header=word("period", lang)),
                *(
                    Column(header=word(key, lang) + unit, justify="right")
                    for key in ("actual", "required", "gap")
                ),
                Column(header=label("completion", lang), justify="right"),
                Column(header=label("pace", lang)),
                Column(header=word("status", lang), beside=True),
                Column(header=word("source", lang), weight=1, minimum=8),
            ],
            [
                [
                    Text(str(r.period)),
                    Text(figure_words(r, lang)),
                    Text(number(shown(r.required, r), lang)),
                    Text(signed(shown(r.gap, r))),
                    Text(percent(r.progress.completion)),
                    Text(pace_words(r.progress, lang, short=True)),
                    result_status(r, lang),
                    Text(r.source),
                ]
                for r in results
            ],
        )
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
