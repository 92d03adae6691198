"""The options the commands share, the state of one run, and shell completion for their values.

Every enumerated value completes in the shell: formats, languages and encodings as choices;
ids, sections and periods from the registry the command line names; statuses and --fail-on's
comma list from the status vocabulary.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from typer._types import TyperChoice

from reportcheck.model.limits import MAX_LISTED
from reportcheck.model.period_forms import PERIOD_EXAMPLES

if TYPE_CHECKING:
    from reportcheck.registry.records import Registry


class State:
    """What the whole command line sets, wherever it stands: before or after the command."""

    debug = False
    lang = "zh"  # the language of messages: --lang, else the locale
    targets: Path | None = None  # `reportcheck --targets FILE COMMAND`: every command's registry
    lang_given: str | None = None  # `reportcheck --lang en COMMAND`: unless the command says
    max_errors = MAX_LISTED  # problems listed before the rest are counted (--max-errors)

    @classmethod
    def reset(cls, lang: str) -> None:
        """A new run: nothing of an earlier one (in the same process) carries over."""
        cls.debug, cls.lang, cls.targets, cls.max_errors = False, lang, None, MAX_LISTED
        cls.lang_given = None


#: The statuses that fail a run by default, as the option shows them (a test keeps this equal
#: to review.status.DEFAULT_FAIL_ON); written out so that `--help` need not import the model.
DEFAULT_FAIL_ON_TEXT = "missed,behind"
#: The words --status and --fail-on take, for help and completion without importing the model.
STATUS_WORDS = ("met", "missed", "on_track", "behind", "not_due", "undetermined", "no_data")
FAIL_ON_WORDS = (*STATUS_WORDS, "warning")


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class Format(str, Enum):
    """One set of output formats for every command that prints results."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


#: The encodings of CSV text a user may state (model.encoding.STATED); a choice rather than
#: an Enum, whose class costs a start 0.2 ms.
ENCODINGS = ("utf-8", "gbk", "gb18030", "big5")


# ── Completion ─────────────────────────────────────────────────────────────────────────────


def complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    registry = _registry_for_completion(ctx)
    return [t.id for t in registry.targets if t.id.startswith(incomplete)] if registry else []


def complete_sections(ctx: typer.Context, incomplete: str) -> list[str]:
    from reportcheck.cli.choices import normal

    registry = _registry_for_completion(ctx)
    wanted = normal(incomplete)
    return [key for key in registry.sections if key.startswith(wanted)] if registry else []


def complete_periods(ctx: typer.Context, incomplete: str) -> list[str]:
    """The months, quarters and the year of the registry's year."""
    registry = _registry_for_completion(ctx)
    if registry is None:
        return []
    year = registry.meta.year
    periods = [f"{year}-{m:02d}" for m in range(1, 13)]
    periods += [f"{year}-Q{q}" for q in range(1, 5)] + [str(year)]
    return [p for p in periods if p.startswith(incomplete)]


def complete_statuses(incomplete: str) -> list[str]:
    return [s for s in STATUS_WORDS if s.startswith(incomplete)]


def complete_fail_on(incomplete: str) -> list[str]:
    """The next word of a comma list: `missed,be` completes to `missed,behind`."""
    done, _, last = incomplete.rpartition(",")
    if not done and "never".startswith(last):
        return ["never", *(w for w in FAIL_ON_WORDS if w.startswith(last))]
    given = set(done.split(",")) if done else set()
    prefix = f"{done}," if done else ""
    return [prefix + w for w in FAIL_ON_WORDS if w.startswith(last) and w not in given]


def complete_leads(ctx: typer.Context, incomplete: str) -> list[str]:
    """The responsible units the registry and the --units sheet name."""
    registry = _registry_for_completion(ctx)
    units = {u for t in registry.targets for u in t.leads} if registry else set()
    return sorted(u for u in units if u.startswith(incomplete))


def complete_leaders(ctx: typer.Context, incomplete: str) -> list[str]:
    registry = _registry_for_completion(ctx)
    names = {n for t in registry.targets for n in t.leaders} if registry else set()
    return sorted(n for n in names if n.startswith(incomplete))


def _registry_for_completion(ctx: typer.Context) -> Registry | None:
    """The registry the command line names, with its --units sheet; None (no suggestions)
    when it cannot be loaded."""
    from reportcheck.model.problems import ReportcheckError
    from reportcheck.registry.cache import load_registry_cached
    from reportcheck.registry.shipped import registry_named

    given = ctx.params.get("targets_file") or (
        ctx.parent.params.get("targets_file") if ctx.parent else None
    )
    try:
        registry = load_registry_cached(registry_named(Path(given)) if given else None)
        units = ctx.params.get("units_file")
        if units:
            from reportcheck.actuals.responsibilities import assign, read_responsibilities

            registry = assign(registry, read_responsibilities(Path(units), registry))
    except (ReportcheckError, OSError):
        return None
    return registry


# ── Options ────────────────────────────────────────────────────────────────────────────────

BomOption = Annotated[
    bool,
    typer.Option(
        "--bom",
        help="With -f csv: begin with a UTF-8 byte-order mark, so Chinese Excel reads UTF-8.",
    ),
]
FormatOption = Annotated[
    Format, typer.Option("--format", "-f", help="Output format: table, json, csv or markdown.")
]


def complete_registries(incomplete: str) -> list[str]:
    """The names of the shipped registries (a path completes as the shell completes files)."""
    from reportcheck.registry.shipped import SHIPPED

    return [name for name in SHIPPED if name.startswith(incomplete)]


TargetsOption = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        metavar="FILE|NAME",
        help="Registry file, or the name of a shipped one such as huzhou-2024, to use instead "
        "of the default huzhou-2023 ('reportcheck registries' lists them).",
        dir_okay=False,
        autocompletion=complete_registries,
    ),
]
LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="Language of names, tables and messages [default: $REPORTCHECK_LANG, else the "
        "locale (LC_ALL, LC_MESSAGES, LANG), else zh].",
        show_default=False,
    ),
]
SectionOption = Annotated[
    list[str] | None,
    typer.Option(
        "--section",
        metavar="SECTION",
        help="Only this section, e.g. 二 or '二(一)' (repeatable).",
        autocompletion=complete_sections,
    ),
]
IdOption = Annotated[
    list[str] | None,
    typer.Option(
        "--id", metavar="ID", help="Only this id (repeatable).", autocompletion=complete_ids
    ),
]
StatusOption = Annotated[
    list[str] | None,
    typer.Option(
        "--status",
        metavar="STATUS",
        help=(
            "Only results with this status (repeatable): met, missed, on_track, behind, "
            "not_due, no_data."
        ),
        autocompletion=complete_statuses,
    ),
]
AllOption = Annotated[
    bool,
    typer.Option(
        "--all", help="List every commitment without data instead of one line per section."
    ),
]
PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        metavar="PERIOD",
        help=f"Judge as of this period ({PERIOD_EXAMPLES}); default: the latest in the data.",
        autocompletion=complete_periods,
    ),
]
FailOnOption = Annotated[
    str,
    typer.Option(
        "--fail-on",
        metavar="STATUSES",
        help="What makes the exit status 1: a comma list of "
        "met, missed, on_track, behind, not_due, no_data and warning (any warning, "
        "plausibility warnings included), or 'never'.",
        autocompletion=complete_fail_on,
    ),
]
ActualsOption = Annotated[
    Path | None,
    typer.Option(
        "--actuals",
        metavar="PATH",
        envvar="REPORTCHECK_ACTUALS",
        help=(
            "A file of actuals or a folder of them [default: $REPORTCHECK_ACTUALS, else ./actuals/]"
        ),
    ),
]
EncodingOption = Annotated[
    str | None,
    typer.Option(
        "--encoding",
        click_type=TyperChoice(ENCODINGS),
        help="The encoding of CSV files of actuals, when it cannot be told from the bytes "
        "[default: decided from the bytes].",
        show_default=False,
    ),
]
ForceOption = Annotated[bool, typer.Option("--force", help="Overwrite an existing file.")]
UnitsOption = Annotated[
    Path | None,
    typer.Option(
        "--units",
        metavar="FILE",
        envvar="REPORTCHECK_UNITS",
        help="The office's sheet of responsibilities, CSV or .xlsx with the columns id, "
        "责任单位 (several separated by 、) and 分管领导 (or lead, leader): it sets each "
        "commitment's units and leader [default: $REPORTCHECK_UNITS, else the registry's].",
        show_default=False,
        dir_okay=False,
    ),
]
LeadOption = Annotated[
    list[str] | None,
    typer.Option(
        "--lead",
        metavar="UNIT",
        help="Only the commitments of this responsible unit, alone or with others, e.g. "
        "市发改委 (repeatable).",
        autocompletion=complete_leads,
    ),
]
LeaderOption = Annotated[
    list[str] | None,
    typer.Option(
        "--leader",
        metavar="NAME",
        help="Only the commitments under this leader (分管领导) (repeatable).",
        autocompletion=complete_leaders,
    ),
]
