"""The pack as Markdown: count paragraph, one table per section, notes, the 对照表 at year end.

Every cell from the data goes through `md`, so no markup or HTML from the data is live.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from reportcheck.output.pack.office import leader_counts
from reportcheck.output.pack.paragraphs import (
    account_note,
    count_paragraph,
    notes,
    pack_title,
    share,
    unexplained_line,
    visible,
    warning_lines,
)
from reportcheck.output.pack.tabular import account_table, attachment_table
from reportcheck.output.serialize import md as _markdown_cell
from reportcheck.output.words import (
    head,
    light_label,
    period_words,
    say,
    status_label,
    verdict_label,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from reportcheck.output.pack.tabular import Cell
    from reportcheck.review.pack import Pack


def md(value: object) -> str:
    """A cell made inert: Markdown and HTML escaped, acting characters spelled out."""
    return _markdown_cell(visible(value) if isinstance(value, str) else value)


def pack_markdown(pack: Pack, lang: str) -> str:
    lines = [
        f"# {md(pack_title(pack, lang))}",
        "",
        md(say("as_of", lang, period=period_words(pack.period, lang))),
    ]
    lines += ["", md(count_paragraph(pack, lang)), ""]
    unexplained = unexplained_line(pack, lang)
    if unexplained:
        lines += [md(unexplained), ""]
    counts = pack.counts()
    lines += _table(
        [head("status", lang), head("count", lang)],
        [[status_label(s, lang), n] for s, n in counts.items()],
    )
    lines += [""]
    lines += _table(
        [head("light", lang), head("count", lang)],
        [[light_label(light, lang), n] for light, n in pack.light_counts().items()],
    )
    by_leader = leader_counts(pack, lang)
    if by_leader is not None:
        lines += ["", f"**{md(say('by_leader', lang))}**", ""]
        lines += _table(list(by_leader.header), [list(row) for row in by_leader.rows])
    warned = warning_lines(pack, lang)
    if warned:
        lines += ["", f"## {md(say('data_warnings', lang))}", ""]
        lines += [f"- {md(line)}" for line in warned]
    table = attachment_table(pack, lang)
    lines += ["", f"## {md(say('attachment', lang))}", ""]
    # Every column but the section, which heads each table instead, and those of what an
    # office prints beside a figure (排位, 总量) or of warnings when no row has any.
    empty = {
        key
        for i, key in enumerate(table.keys)
        if key in _WHEN_GIVEN and all(row[i] in (None, "") for row in table.rows)
    }
    shown = [i for i, key in enumerate(table.keys) if key != "section" and key not in empty]
    start = 0
    for group in pack.sections:
        rows = table.rows[start : start + len(group.rows)]
        start += len(group.rows)
        lines += [f"### {md(group.section.title(lang))}", ""]
        lines += _table(
            [table.header[i] for i in shown],
            [[_shown(row[i], table.kinds[i]) for i in shown] for row in rows],
        )
        lines += [""]
    if pack.year_end:
        lines += _account(pack, lang)
    lines += [f"## {md(say('notes', lang))}", ""]
    lines += [f"- {md(note)}" for note in notes(pack, lang)]
    return "\n".join(lines) + "\n"


#: Columns the Markdown tables show only when some row has something in them.
_WHEN_GIVEN = frozenset({"rank", "level", "level_unit", "warnings"})


def _account(pack: Pack, lang: str) -> list[str]:
    title = say("account", lang)
    title += account_note(pack, lang)
    total = len(pack.rows)
    counts = pack.verdict_counts()
    lines = [f"## {md(title)}", ""]
    lines += _table(
        [head("verdict", lang), head("count", lang), head("share", lang)],
        [[verdict_label(v, lang), n, share(n, total)] for v, n in counts.items()],
    )
    table = account_table(pack, lang)
    lines += ["", *_table(list(table.header), [list(row) for row in table.rows]), ""]
    return lines


def _shown(cell: Cell, kind: str) -> Cell:
    """A percentage to one decimal place, as a 通报 prints 完成率 and 序时进度 (the Excel and CSV
    packs keep the computed value)."""
    if kind == "percent" and isinstance(cell, Decimal):
        return cell.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    return cell


def _table(header: Sequence[str], rows: Iterable[Sequence[Cell | str]]) -> list[str]:
    lines = ["| " + " | ".join(md(h) for h in header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(md(c) for c in row) + " |" for row in rows]
    return lines
