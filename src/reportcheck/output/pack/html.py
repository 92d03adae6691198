"""The pack as one self-contained HTML file: no CDN, no outside font, inline CSS, SVG and JS.

Jinja2 escapes everything from the data (autoescape); a Content-Security-Policy in the page
forbids any request outside it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck import __version__
from reportcheck.output.pack.charts import Chart, chart
from reportcheck.output.pack.tabular import figure, gap_cells, plain, reason_text, source_text
from reportcheck.output.pack.words import (
    change_word,
    head,
    light_word,
    notes,
    period_words,
    say,
    share,
    status_word,
    unexplained_line,
    verdict_word,
    visible,
)
from reportcheck.review.pack import Light
from reportcheck.review.status import Status

if TYPE_CHECKING:
    from reportcheck.review.pack import Pack, Row

TEMPLATE = "review.html.j2"


class HtmlRow(msgspec.Struct, frozen=True):
    """One row's cells as display text (escaped by the template, not here)."""

    number: int
    id: str
    section: str
    quote: str
    name: str
    unit: str
    annual: str
    actual: str
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
    reason: str
    unexplained: bool
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
    meta = pack.registry.meta
    rows = {row.number: _row(row, lang) for row in pack.rows}
    leads = sorted({row.lead for row in pack.rows if row.lead})
    total = len(pack.rows)
    return environment.get_template(TEMPLATE).render(
        lang=lang,
        version=__version__,
        title=say("title", lang, title=meta.title_en if lang == "en" else meta.title_zh),
        as_of=say("as_of", lang, period=period_words(pack.period, lang)),
        previous=say("previous", lang, period=pack.previous) if pack.previous else "",
        summary=pack.summary(lang),
        unexplained=unexplained_line(pack, lang) or "",
        counts=[(s.value, status_word(s, lang), n) for s, n in pack.counts().items()],
        lights=[(k.value, light_word(k, lang), n) for k, n in pack.light_counts().items()],
        groups=[
            (group.section.key, group.section.title(lang), [rows[r.number] for r in group.rows])
            for group in pack.sections
        ],
        statuses=[(s.value, status_word(s, lang)) for s in Status],
        light_options=[(k.value, light_word(k, lang)) for k in Light],
        leads=leads,
        no_lead=say("no_lead", lang),
        head={key: head(key, lang) for key in _HEADS},
        words={key: say(key, lang) for key in ("attachment", "notes", "account")},
        filter_count=say("filter_count", lang, shown="{shown}", total="{total}"),
        total=total,
        notes=notes(pack, lang),
        year_end=pack.year_end,
        account_note=(
            say("account_early", lang, period=period_words(pack.figures_period, lang))
            if pack.account_early
            else ""
        ),
        verdicts=[
            (v.value, verdict_word(v, lang), n, share(n, total))
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


def _row(row: Row, lang: str) -> HtmlRow:
    result, measures = row.result, row.measures
    gap, gap_unit = gap_cells(row, lang)
    return HtmlRow(
        number=row.number,
        id=row.target.id,
        section=row.target.section,
        quote=row.target.quote,
        name=row.target.name(lang),
        unit=row.target.unit,
        annual=plain(measures.annual),
        actual=plain(figure(result.actual, lang)),
        period=str(result.period) if result.period else "",
        completion=plain(_one_place(measures.completion)),
        pace=plain(_one_place(measures.pace)),
        gap=f"{plain(gap)} {gap_unit}".strip() if gap is not None else "",
        status=row.status.value,
        status_word=status_word(row.status, lang),
        light=row.light.value,
        light_word=light_word(row.light, lang),
        basis=result.reason(lang),
        change=change_word(row, lang),
        lead=row.lead or "",
        reason=reason_text(row, lang),
        unexplained=row.unexplained,
        per_month=plain(measures.per_month) if measures.per_month is not None else "",
        source=source_text(row),
        verdict=verdict_word(row.verdict, lang),
        chart=chart(row),
    )


def _one_place(value: Decimal | None) -> Decimal | None:
    """Completion and pace shown to one decimal place, as offices print them."""
    if value is None:
        return None
    return value.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
