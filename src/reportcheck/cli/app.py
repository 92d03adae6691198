"""The command line: parses options, renders results, and turns them into exit codes.

Exit status as diff(1): 0 when no commitment has a failing status, 1 when one does, 2 when the
input, the registry or the command line is wrong (and for internal errors).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer._click.exceptions import UsageError as ClickUsageError
from typer.core import TyperGroup

from reportcheck import __version__
from reportcheck.cli.chinese_help import help_in_chinese
from reportcheck.cli.lang import lang_in_args, resolve_lang
from reportcheck.model.periods import PERIOD_EXAMPLES
from reportcheck.model.problems import MAX_LISTED, Problem, ReportcheckError
from reportcheck.output.catalogue import problem_line
from reportcheck.output.catalogue.hints import hint

if TYPE_CHECKING:
    from rich.console import RenderableType
    from typer.models import CommandInfo

    from reportcheck.actuals import ActualsSet
    from reportcheck.registry.records import Registry
    from reportcheck.review.evaluate import Report

USAGE_EXIT = 2
#: model.DEFAULT_FAIL_ON as the option shows it (a test keeps the two equal); written out so that
#: `--help` need not import the registry's types.
DEFAULT_FAIL_ON_TEXT = "missed,behind"
F = TypeVar("F", bound=Callable[..., Any])


class _State:
    debug = False
    lang = "zh"  # the language of messages: --lang, else the locale
    targets: Path | None = None  # `reportcheck --targets FILE COMMAND`: every command's registry


class _Usage(ClickException):
    """A command-line mistake Click found, printed in reportcheck's one style of error."""

    exit_code = USAGE_EXIT

    def __init__(self, error: ClickUsageError, lang: str) -> None:
        super().__init__(error.format_message())
        self.command = error.ctx.command_path if error.ctx else "reportcheck"
        self.lang = lang

    def show(self, file: Any = None) -> None:
        problem = Problem("usage-error", f"{self.message} (see '{self.command} --help')")
        typer.echo(problem_line(problem, self.lang), err=True)


class _App(TyperGroup):
    """Help in the language asked for; usage errors as one line in the style of every error."""

    def make_context(
        self, info_name: str | None, args: list[str], parent: Any = None, **extra: Any
    ) -> Any:
        lang = lang_in_args(args)
        _State.lang = lang
        if lang == "zh":
            help_in_chinese(self)
        try:
            return super().make_context(info_name, args, parent, **extra)
        except ClickUsageError as exc:
            if isinstance(exc, NoArgsIsHelpError):
                raise
            raise _Usage(exc, lang) from None

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except ClickUsageError as exc:
            if isinstance(exc, NoArgsIsHelpError):
                raise
            raise _Usage(exc, _State.lang) from None


app = typer.Typer(
    name="reportcheck",
    cls=_App,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class Format(str, Enum):
    """One set of output formats for every command that prints results."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


def _complete_ids(ctx: typer.Context, incomplete: str) -> list[str]:
    registry = _registry_for_completion(ctx)
    return [t.id for t in registry.targets if t.id.startswith(incomplete)] if registry else []


def _complete_sections(ctx: typer.Context, incomplete: str) -> list[str]:
    from reportcheck.cli.choices import normal

    registry = _registry_for_completion(ctx)
    wanted = normal(incomplete)
    return [key for key in registry.sections if key.startswith(wanted)] if registry else []


def _registry_for_completion(ctx: typer.Context) -> Registry | None:
    """The registry the command line names; None (no suggestions) when it cannot be loaded."""
    from reportcheck.registry.cache import load_registry_cached

    given = ctx.params.get("targets_file")
    try:
        return load_registry_cached(Path(given) if given else None)
    except (ReportcheckError, OSError):
        return None


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
TargetsOption = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        metavar="FILE",
        help="Registry file to use instead of the shipped one.",
        dir_okay=False,
    ),
]
LangOption = Annotated[
    Lang | None,
    typer.Option(
        "--lang",
        help="Language of names, labels and messages [default: zh; messages follow "
        "LANG/LC_ALL when --lang is not given].",
        show_default=False,
    ),
]
SectionOption = Annotated[
    list[str] | None,
    typer.Option(
        "--section",
        metavar="SECTION",
        help="Only this section, e.g. 二 or '二(一)' (repeatable).",
        autocompletion=_complete_sections,
    ),
]
IdOption = Annotated[
    list[str] | None,
    typer.Option(
        "--id", metavar="ID", help="Only this id (repeatable).", autocompletion=_complete_ids
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
    ),
]
FailOnOption = Annotated[
    str,
    typer.Option(
        "--fail-on",
        metavar="STATUSES",
        help="Statuses that make the exit status 1: a comma list of "
        "met, missed, on_track, behind, not_due, no_data, or 'never'.",
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


def _guarded(func: F) -> F:
    """User mistakes become one line each on stderr and exit 2; bugs too, unless --debug."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        given = kwargs.get("lang")
        _State.lang = resolve_lang(given.value if isinstance(given, Lang) else None)
        try:
            try:
                return func(*args, **kwargs)
            finally:
                sys.stdout.flush()  # so that a full disk is this command's error, said plainly
        except (typer.Exit, typer.Abort, KeyboardInterrupt):
            raise
        except ReportcheckError as exc:
            print_problems(exc.problems)
            raise typer.Exit(USAGE_EXIT) from None
        except Exception as exc:
            if _State.debug:
                import traceback

                traceback.print_exc()
            else:
                error = f"{type(exc).__name__}: {exc}"
                typer.echo(hint("internal-error", _State.lang, error=error), err=True)
            raise typer.Exit(USAGE_EXIT) from None

    return wrapper  # type: ignore[return-value]


def print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems[:MAX_LISTED]:
        typer.echo(problem_line(problem, _State.lang), err=True)
    if len(problems) > MAX_LISTED:
        more = len(problems) - MAX_LISTED
        typer.echo(hint("more-problems", _State.lang, more=more, listed=MAX_LISTED), err=True)


#: Width for tables written to a pipe or file when COLUMNS is not set: Rich's 80 columns would
#: fold the Chinese wording column into a sliver.
PIPE_WIDTH = 160


def _out(renderable: RenderableType) -> None:
    from rich.console import Console

    from reportcheck.output.safe_text import SafeRenderable, raw_stream

    piped = not sys.stdout.isatty() and not os.environ.get("COLUMNS")
    # crop=False: a stacked layout lets an id or a number run past a very narrow terminal
    # rather than be cut. emoji=False: ":smile:" in a heading stays text (and Rich's table of
    # emoji codes, 1.5 ms to import, is not loaded).
    console = Console(
        file=raw_stream(sys.stdout),
        highlight=False,
        emoji=False,
        width=PIPE_WIDTH if piped else None,
    )
    console.print(SafeRenderable(renderable), crop=False)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reportcheck {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
    debug: Annotated[
        bool, typer.Option("--debug", help="Show tracebacks of internal errors.")
    ] = False,
    targets_file: TargetsOption = None,
) -> None:
    """Check a government work report's commitments against year-to-date statistics.

    Exit status: 0 nothing failing, 1 a commitment is failing (see --fail-on), 2 bad input.
    """
    _State.debug = debug
    _State.targets = targets_file


def _registry(targets_file: Path | None) -> Registry:
    """The registry a command's --targets names, else the one before the command, else ours."""
    from reportcheck.registry.cache import load_registry_cached

    return load_registry_cached(targets_file or _State.targets)


def _csv(text: str, bom: bool) -> str:
    """CSV for standard output: with --bom, a byte-order mark first, as Chinese Excel wants."""
    return "\ufeff" + text if bom else text


def _lang(lang: Lang | None) -> str:
    """The language of names and labels: --lang, else Chinese."""
    return lang.value if lang is not None else "zh"


@contextmanager
def _progress(total: int) -> Iterator[Callable[[Path], None] | None]:
    """A progress bar on stderr while many files are read, only when stderr is a terminal."""
    if total < 2 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import Progress

    from reportcheck.output.safe_text import neutralise, raw_stream

    with Progress(console=Console(file=raw_stream(sys.stderr)), transient=True) as progress:
        task = progress.add_task("reading", total=total)

        def advance(path: Path) -> None:
            progress.update(task, advance=1, description=escape(neutralise(path.name)))

        yield advance


def _read(paths: list[Path], registry: Registry) -> ActualsSet:
    from reportcheck.actuals import read_actuals

    with _progress(len(paths)) as on_file:
        actuals = read_actuals(paths, registry, on_file)
    print_problems(actuals.warnings)
    return actuals


def _with_doubts(report: Report, registry: Registry, data: ActualsSet) -> Report:
    """The report with plausibility warnings added (on stderr too); no verdict changes."""
    import msgspec

    from reportcheck.review.plausibility import plausibility

    doubts = plausibility(registry, data, report.results)
    print_problems(doubts)
    return msgspec.structs.replace(report, warnings=(*report.warnings, *doubts))


def _actuals_path(option: Path | None) -> Path | None:
    """--actuals (or $REPORTCHECK_ACTUALS), else ./actuals/ when it exists."""
    if option is not None and str(option):
        return option
    env = os.environ.get("REPORTCHECK_ACTUALS", "")
    if env:
        return Path(env)
    default = Path("actuals")
    return default if default.is_dir() else None


@app.command(short_help="List every commitment with the report's own words.")
@_guarded
def targets(
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
    section: SectionOption = None,
    ids: IdOption = None,
    targets_file: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """List every commitment in the registry with the report's own words.

    \b
    Example: reportcheck targets --section 二 --format json
    """
    from reportcheck.cli.choices import check_ids, check_sections
    from reportcheck.registry.records import section_matches

    words = _lang(lang)
    registry = _registry(targets_file)
    wanted_ids = check_ids(registry, ids or [])
    sections = check_sections(registry, section or [])
    chosen = [
        t
        for t in registry.targets
        if (not wanted_ids or t.id in wanted_ids)
        and (not sections or any(section_matches(t.section, s) for s in sections))
    ]
    # Each format imports only its own writer: a table needs neither JSON nor Markdown.
    if fmt is Format.json:
        from reportcheck.output import serialize

        typer.echo(serialize.to_json([serialize.target_dict(t, words) for t in chosen]), nl=False)
    elif fmt is Format.csv:
        from reportcheck.output import serialize

        typer.echo(_csv(serialize.targets_csv(chosen, words), bom), nl=False)
    elif fmt is Format.markdown:
        from reportcheck.output import markdown

        typer.echo(markdown.targets_markdown(chosen, words), nl=False)
    else:
        from reportcheck.output.render import targets_table

        _out(targets_table(chosen, words))


@app.command(short_help="Compare a file of actuals with every commitment.")
@_guarded
def diff(
    actuals: Annotated[
        Path | None,
        typer.Argument(
            metavar="[FILE]",
            help="CSV (UTF-8 or GBK) or .xlsx file of actuals, a folder of them, or - for "
            "standard input [default: $REPORTCHECK_ACTUALS, else ./actuals/].",
            show_default=False,
        ),
    ] = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
    section: SectionOption = None,
    status: StatusOption = None,
    ids: IdOption = None,
    period: PeriodOption = None,
    fail_on: FailOnOption = DEFAULT_FAIL_ON_TEXT,
    show_all: AllOption = False,
    targets_file: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """Compare a file of actuals with every commitment: met, missed, on track, behind, no data.

    Without FILE, reads $REPORTCHECK_ACTUALS, else ./actuals/; '-' reads standard input.
    Exit 0 when nothing fails, 1 when something does (see --fail-on), 2 on bad input.

    \b
    Example: reportcheck diff actuals/2023-06.xlsx --fail-on missed
    """
    from reportcheck.actuals import table_paths
    from reportcheck.cli.choices import (
        check_ids,
        check_sections,
        check_statuses,
        fail_on_option,
        filter_words,
        period_option,
        usage,
    )
    from reportcheck.model.problems import ActualsError
    from reportcheck.review.evaluate import evaluate, exit_code

    words = _lang(lang)
    registry = _registry(targets_file)
    wanted_ids = check_ids(registry, ids or [])
    sections = check_sections(registry, section or [])
    statuses = check_statuses(status or [])
    as_of = period_option(registry, period)
    failing = fail_on_option(fail_on)
    path = _actuals_path(actuals)
    if path is None:
        raise usage(
            "no-actuals",
            "no file given, $REPORTCHECK_ACTUALS is not set and there is no ./actuals/ folder",
        )
    paths = table_paths(path)
    try:
        data = _read(paths, registry)
    except ActualsError as exc:
        if fmt is Format.json:
            from reportcheck.output import serialize

            typer.echo(
                serialize.to_json(serialize.report_dict(None, words, exc.problems, _State.lang)),
                nl=False,
            )
        raise
    report = _with_doubts(evaluate(registry, data, as_of), registry, data)
    report = report.select(wanted_ids, sections, statuses)
    filters = filter_words(ids or [], section or [], status or [])
    if fmt is Format.json:
        from reportcheck.output import serialize

        typer.echo(
            serialize.to_json(serialize.report_dict(report, words, message_lang=_State.lang)),
            nl=False,
        )
    elif fmt is Format.csv:
        from reportcheck.output import serialize

        typer.echo(_csv(serialize.report_csv(report, words), bom), nl=False)
    elif fmt is Format.markdown:
        from reportcheck.output import markdown

        typer.echo(markdown.report_markdown(report, words, filters, show_all), nl=False)
    else:
        from reportcheck.output.render import report_table

        _out(report_table(report, words, filters, show_all))
    raise typer.Exit(exit_code(report.results, failing))


@app.command("status", short_help="Where every commitment stands, and what changed.")
@_guarded
def status_(
    actuals: ActualsOption = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
    period: PeriodOption = None,
    fail_on: FailOnOption = DEFAULT_FAIL_ON_TEXT,
    show_all: AllOption = False,
    targets_file: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """Where every commitment stands: counts per section, what lags most, what changed.

    Without actuals, an overview of the registry. With a folder of monthly files, the latest
    period is judged and compared with the one before it.

    \b
    Example: reportcheck status --actuals actuals/ --format markdown > review.md
    """
    from reportcheck.cli.choices import fail_on_option, period_option, suggested_period

    words = _lang(lang)
    registry = _registry(targets_file)
    as_of = period_option(registry, period)
    failing = fail_on_option(fail_on)
    path = _actuals_path(actuals)
    if path is None:
        from reportcheck.review.changes import overview

        view = overview(registry)
        month = suggested_period(registry, as_of)
        advice = hint("no-actuals", _State.lang, period=month, file=f"actuals/{month}.xlsx")
        if fmt is Format.json:
            from reportcheck.output import serialize

            typer.echo(serialize.to_json(serialize.overview_dict(view)), nl=False)
        elif fmt is Format.csv:
            from reportcheck.output import serialize

            typer.echo(_csv(serialize.overview_csv(view, words), bom), nl=False)
        elif fmt is Format.markdown:
            from reportcheck.output import markdown

            typer.echo(markdown.overview_markdown(view, words, advice), nl=False)
        else:
            from reportcheck.output.render import overview_view

            _out(overview_view(view, words, advice))
        if fmt in (Format.json, Format.csv):
            typer.echo(advice, err=True)
        return
    import msgspec

    from reportcheck.actuals import table_paths
    from reportcheck.review.changes import review
    from reportcheck.review.evaluate import exit_code

    paths = table_paths(path)
    data = _read(paths, registry)
    result = review(registry, data, as_of)
    result = msgspec.structs.replace(result, report=_with_doubts(result.report, registry, data))
    if fmt is Format.json:
        from reportcheck.output import serialize

        typer.echo(serialize.to_json(serialize.review_dict(result, words, _State.lang)), nl=False)
    elif fmt is Format.csv:
        from reportcheck.output import serialize

        typer.echo(_csv(serialize.review_csv(result, words), bom), nl=False)
    elif fmt is Format.markdown:
        from reportcheck.output import markdown

        typer.echo(markdown.review_markdown(result, words, show_all), nl=False)
    else:
        from reportcheck.output.render import review_view

        _out(review_view(result, words, show_all))
    raise typer.Exit(exit_code(result.report.results, failing))


@app.command(short_help="Everything about one commitment.")
@_guarded
def show(
    target_id: Annotated[
        str, typer.Argument(metavar="ID", help="A registry id.", autocompletion=_complete_ids)
    ],
    actuals: ActualsOption = None,
    fmt: FormatOption = Format.table,
    bom: BomOption = False,
    targets_file: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """Everything about one commitment: quote, rule, baseline, pacing, and its figures so far.

    \b
    Example: reportcheck show graduates --actuals actuals/
    """
    from reportcheck.cli.choices import check_ids

    words = _lang(lang)
    registry = _registry(targets_file)
    (wanted,) = check_ids(registry, [target_id])
    target = registry.get(wanted)
    assert target is not None
    results = []
    path = _actuals_path(actuals)
    if path is not None:
        from reportcheck.actuals import table_paths
        from reportcheck.review.evaluate import judge_each_period

        results = judge_each_period(target, _read(table_paths(path), registry), registry)
    if fmt is not Format.table:
        from reportcheck.output import markdown, serialize

        if fmt is Format.json:
            typer.echo(serialize.to_json(serialize.show_dict(target, results, words)), nl=False)
        elif fmt is Format.csv:
            typer.echo(_csv(serialize.results_csv(results, words), bom), nl=False)
        else:
            typer.echo(markdown.show_markdown(target, results, words), nl=False)
        return
    other = registry.get(target.other) if target.other else None
    from reportcheck.output.render import show_view

    _out(show_view(target, results, words, other.name(words) if other else None))


@app.command(short_help="A fill-in file of actuals for a month.")
@_guarded
def template(
    period: Annotated[
        str | None,
        typer.Option(
            "--period",
            metavar="PERIOD",
            help=f"Pre-fill this period ({PERIOD_EXAMPLES}).",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this .csv (UTF-8 with BOM) or .xlsx file; missing folders are made.",
            dir_okay=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite a file that already holds typed values.")
    ] = False,
    targets_file: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """A fill-in file for the month: one row per registry id, read back as is by diff.

    A file that already holds typed values is never overwritten without --force.

    \b
    Example: reportcheck template --period 2023-06 -o actuals/2023-06.xlsx
    """
    from reportcheck.cli.choices import period_option, usage
    from reportcheck.output.template import filled_values, template_csv, write_template

    registry = _registry(targets_file)
    chosen = period_option(registry, period)
    if output is None:
        typer.echo(template_csv(registry, chosen), nl=False)
        return
    if output.suffix.lower() not in (".csv", ".xlsx"):
        raise usage(
            "bad-output",
            f"-o {output}: expected a .csv or .xlsx file name",
            str(output),
            "--output",
        )
    if output.exists() and not force:
        typed = filled_values(output)
        if typed is None:
            raise usage(
                "file-has-values",
                f"-o {output}: already exists and is not an empty template; it is kept. "
                "Write to another file, or add --force to overwrite it",
                str(output),
                "--output",
            )
        if typed:
            raise usage(
                "file-has-values",
                f"-o {output}: already holds {typed} typed value{'s' if typed > 1 else ''}; "
                "it is kept. Write to another file, or add --force to overwrite it",
                str(output),
                "--output",
            )
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
        write_template(registry, chosen, output)
    except OSError as exc:
        raise _unwritable(output, exc) from None
    typer.echo(hint("wrote", _State.lang, rows=len(registry.targets), file=output), err=True)


def _unwritable(output: Path, exc: OSError) -> ReportcheckError:
    """The usage error for an -o file that cannot be written, naming the file and the reason."""
    from reportcheck.cli.choices import usage

    return usage(
        "unwritable-file",
        f"-o {output}: cannot be written: {exc.strerror or exc}",
        str(output),
        "--output",
    )


@app.command(short_help="The review pack: Excel, one-file HTML, Markdown or CSV.")
@_guarded
def report(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the pack to FILE.xlsx, FILE.html, FILE.md or FILE.csv (UTF-8 with BOM).",
            dir_okay=False,
        ),
    ],
    actuals: ActualsOption = None,
    period: PeriodOption = None,
    bands: Annotated[
        str | None,
        typer.Option(
            "--bands",
            metavar="A[,B]",
            help="Lights: up to A points behind pace yellow, up to B orange, beyond red "
            "[default: the registry's bands, else 10,30].",
            show_default=False,
        ),
    ] = None,
    final: Annotated[
        bool, typer.Option("--final", help="Add the year-end account before December.")
    ] = False,
    targets_file: TargetsOption = None,
    lang: LangOption = None,
) -> None:
    """The review pack an office hands round: count paragraph, attachment table with lights,
    completion rates and expected pace, charts, and the year-end account (对照表).

    Exit 0 when the pack is written, 2 on bad input; `status` gives the exit code for lags.

    \b
    Example: reportcheck report --actuals examples/monthly -o review.xlsx
    """
    from reportcheck.cli.choices import usage
    from reportcheck.output.pack.write import check_not_actuals, check_output, write_pack
    from reportcheck.review.api import review_pack

    check_output(output)
    path = _actuals_path(actuals)
    if path is None:
        raise usage("no-actuals", "report needs --actuals (a file or a folder of them)")
    check_not_actuals(output, path)
    pack = review_pack(
        path, period, targets=targets_file or _State.targets, bands=bands, final=final
    )
    print_problems(pack.warnings)
    try:
        write_pack(pack, output, _lang(lang))
    except OSError as exc:
        raise _unwritable(output, exc) from None
    typer.echo(hint("wrote-pack", _State.lang, file=output, rows=len(pack.rows)), err=True)


# ── Starting a registry for another report (draft) and proving one (lint) ──────────────────


@app.command(short_help="Draft a first registry from a work report's text.")
@_guarded
def draft(
    report: Annotated[
        Path, typer.Argument(metavar="REPORT", help="The report: UTF-8 or GB18030 text.")
    ],
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", metavar="FILE", help="Write the registry here.", dir_okay=False
        ),
    ] = None,
    year: Annotated[
        int | None, typer.Option("--year", help="The year the plan is for, if not in the text.")
    ] = None,
    lang: LangOption = None,
) -> None:
    """Draft a registry for a person to review: every guess is marked `# check:`.

    \b
    Example: reportcheck draft report.txt -o registry.yaml && reportcheck lint registry.yaml
    """
    from reportcheck.registry.draft import draft_registry, read_report

    text = read_report(report)
    base = output.resolve().parent if output else Path.cwd()
    seed = Path(os.path.relpath(report.resolve(), base)).as_posix()
    result = draft_registry(text, seed=seed, year=year, name=report.name)
    if output is None:
        typer.echo(result.yaml, nl=False)
    else:
        try:
            output.write_text(result.yaml, encoding="utf-8")
        except OSError as exc:
            raise _unwritable(output, exc) from None
    counts = {
        "commitments": result.commitments,
        "others": result.not_commitments,
        "checks": result.checks,
    }
    typer.echo(hint("drafted", _State.lang, **counts), err=True)
    if output is None:  # a redirect's folder is unknown here: the seed path may need -o
        typer.echo(hint("drafted-seed", _State.lang, seed=seed), err=True)


@app.command(short_help="Check a registry's evidence against its report.")
@_guarded
def lint(
    registry_file: Annotated[
        Path, typer.Argument(metavar="REGISTRY", help="The registry YAML file.")
    ],
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
    lang: LangOption = None,
) -> None:
    """Quotes verbatim, numbers agreeing, every number of the plan used or explained.

    Exit status 0 when clean, 2 on any error (and on any warning with --strict).

    \b
    Example: reportcheck lint registry.yaml --strict
    """
    from reportcheck.registry.lint import lint_registry

    found = lint_registry(registry_file)
    for problem in found.problems:  # the findings are the command's output: standard output
        typer.echo(problem_line(problem, _State.lang))
    counts = {"entries": found.entries, "errors": found.errors, "warnings": found.warnings}
    typer.echo(hint("linted", _State.lang, **counts), err=True)
    if found.failed(strict):
        raise typer.Exit(USAGE_EXIT)


def main() -> None:
    """Console-script entry point."""
    from reportcheck.output.safe_text import guard_streams

    guard_streams()
    every = app.registered_commands
    named = command_named(sys.argv[1:], os.environ)
    app.registered_commands = every if named is None else [named]
    try:
        app()
    finally:
        app.registered_commands = every


#: Options before the command name that take a value, so that their value is not a command.
_GLOBAL_VALUES = ("--targets",)


def command_named(args: Sequence[str], env: Mapping[str, str]) -> CommandInfo | None:
    """The one command `args` names, so that Typer builds it alone rather than all of them.

    Building a command reads its function's signature and annotations: about half a millisecond
    each. None, so that every command is built, when no known command is named or the shell asks
    for completions; help, suggestions for a mistyped command and completion are unchanged.
    """
    if any(key.startswith("_REPORTCHECK_COMPLETE") for key in env):
        return None
    skip = False
    for arg in args:
        if skip:
            skip = False
        elif arg in _GLOBAL_VALUES:
            skip = True
        elif not arg.startswith("-"):
            return next((c for c in app.registered_commands if _command_name(c) == arg), None)
    return None


def _command_name(info: CommandInfo) -> str:
    if info.name:
        return info.name
    return info.callback.__name__.lower().replace("_", "-") if info.callback else ""
