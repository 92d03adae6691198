"""The pack as one self-contained HTML file: no CDN, no outside font, inline CSS, SVG and JS.

Jinja2 escapes everything from the data (autoescape); a Content-Security-Policy in the page
forbids any request outside it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import msgspec

from reportcheck import __version__
from reportcheck.output.explain import reason as basis
from reportcheck.output.pack.charts import Chart, chart
from reportcheck.output.pack.office import leader_counts
from reportcheck.output.pack.paragraphs import (
    account_note,
    change_word,
    count_paragraph,
    notes,
    pack_title,
    share,
    unexplained_line,
    visible,
    warning_lines,
)
from reportcheck.output.pack.tabular import (
    annual_cell,
    figure,
    gap_cells,
    plain,
    reason_text,
    source_text,
    status_cell,
    verdict_cell,
)
from reportcheck.output.words import (
    beside_words,
    head,
    light_label,
    period_words,
    say,
    status_label,
    verdict_label,
)
from reportcheck.review.status import Light, Status

if TYPE_CHECKING:
    from reportcheck.review.pack import Pack, Row

TEMPLATE = "review.html.j2"


class HtmlRow(msgspec.Struct, frozen=True, kw_only=True):
    """One row's cells as display text (escaped by the template, not here)."""

    number: int
    id: str
    section: str
    quote: str
    name: str
    unit: str
    annual: str
    actual: str
    beside: str  # 全省排位 and 总量, as the office printed them beside the figure
    period: str
    completion: str
    pace: str
    gap: str
    status: str
    status_word: str
    light: str
    light_word: str
    basis: str
    change: str
    lead: str
    leader: str  # 分管领导
    lead_tokens: str  # the filter's tokens of the row's units, or "none"
    reason: str
    unexplained: bool
    doubted: bool  # a warning doubts the row's figures
    per_month: str
    source: str
    verdict: str
    chart: Chart | None


def pack_html(pack: Pack, lang: str) -> str:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("reportcheck.output.pack", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        finalize=lambda value: visible(value) if isinstance(value, str) else value,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    units = sorted({unit for row in pack.rows for unit in row.target.leads})
    tokens = {unit: f"u{i}" for i, unit in enumerate(units)}
    rows = {row.number: _row(row, lang, tokens) for row in pack.rows}
    leads = [(tokens[unit], unit) for unit in units]
    total = len(pack.rows)
    return environment.get_template(TEMPLATE).render(
        lang=lang,
        version=__version__,
        title=pack_title(pack, lang),
        as_of=say("as_of", lang, period=period_words(pack.period, lang)),
        previous=say("previous", lang, period=pack.previous) if pack.previous else "",
        summary=count_paragraph(pack, lang),
        unexplained=unexplained_line(pack, lang) or "",
        warnings=warning_lines(pack, lang),
        counts=[(s.value, status_label(s, lang), n) for s, n in pack.counts().items()],
        lights=[(k.value, light_label(k, lang), n) for k, n in pack.light_counts().items()],
        groups=[
            (group.section.key, group.section.title(lang), [rows[r.number] for r in group.rows])
            for group in pack.sections
        ],
        statuses=[(s.value, status_label(s, lang)) for s in Status],
        light_options=[(k.value, light_label(k, lang)) for k in Light],
        leads=leads,
        no_lead=say("no_lead", lang),
        filtered=say("print_filtered", lang, filters="{filters}", count="{count}"),
        head={key: head(key, lang) for key in _HEADS},
        words={
            key: say(key, lang)
            for key in ("attachment", "notes", "account", "data_warnings", "by_leader")
        },
        has_leaders=pack.has_leaders,
        by_leader=leader_counts(pack, lang),
        filter_count=say("filter_count", lang, shown="{shown}", total="{total}"),
        total=total,
        notes=notes(pack, lang),
        year_end=pack.year_end,
        account_note=account_note(pack, lang),
        verdicts=[
            (v.value, verdict_label(v, lang), n, share(n, total))
            for v, n in pack.verdict_counts().items()
        ],
    )


_HEADS = (
    "number",
    "task",
    "unit",
    "annual",
    "actual",
    "completion",
    "pace",
    "gap",
    "status",
    "change",
    "lead",
    "leader",
    "reason",
    "per_month",
    "verdict",
    "count",
    "share",
    "sections",
    "all",
    "light",
    "source",
)


def _row(row: Row, lang: str, tokens: dict[str, str]) -> HtmlRow:
    result, done = row.result, row.result.progress
    gap, gap_unit = gap_cells(row, lang)
    return HtmlRow(
        number=row.number,
        id=row.target.id,
        section=row.target.section,
        quote=row.target.quote,
        name=row.target.name(lang),
        unit=row.target.unit,
        annual=plain(annual_cell(row)),
        actual=plain(figure(result.actual, lang, result.bound)),
        beside=beside_words(result, lang),
        period=str(result.period) if result.period else "",
        completion=plain(done.completion),
        pace=plain(done.pace),
        gap=f"{plain(gap)} {gap_unit}".strip() if gap is not None else "",
        status=row.status.value,
        status_word=status_cell(row, lang),
        light=row.light.value,
        light_word=light_label(row.light, lang),
        basis=basis(result, lang),
        change=change_word(row, lang),
        lead=row.lead or "",
        leader="、".join(row.leaders),
        lead_tokens=" ".join(tokens[u] for u in row.target.leads) or "none",
        reason=reason_text(row, lang),
        unexplained=row.unexplained,
        doubted=bool(row.doubts),
        per_month=plain(done.per_month) if done.per_month is not None else "",
        source=source_text(row),
        verdict=verdict_cell(row, lang),
        chart=chart(row),
    )
