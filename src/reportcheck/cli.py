"""The command line: parses options, renders results, and turns them into exit codes.

Exit status as diff(1): 0 when no commitment has a failing status, 1 when one does, 2 when the
input, the registry or the command line is wrong (and for internal errors).
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer

from reportcheck import __version__
from reportcheck.cache import load_registry_cached
from reportcheck.errors import MAX_LISTED, Problem, ReportcheckError, UsageError
from reportcheck.model import DEFAULT_FAIL_ON, Registry, Status, section_matches
from reportcheck.periods import PERIOD_HINT, Period, parse_period

if TYPE_CHECKING:
    from rich.console import RenderableType

    from reportcheck.actuals import ActualsSet

USAGE_EXIT = 2
DEFAULT_FAIL_ON_TEXT = ",".join(s.value for s in Status if s in DEFAULT_FAIL_ON)
F = TypeVar("F", bound=Callable[..., Any])

app = typer.Typer(
    name="reportcheck",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


class Lang(str, Enum):
    zh = "zh"
    en = "en"


class TargetsFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"


class DiffFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class StatusFormat(str, Enum):
    table = "table"
    json = "json"
    markdown = "markdown"


class _State:
    debug = False


TargetsOption = Annotated[
    Path | None,
    typer.Option(
        "--targets",
        metavar="FILE",
        help="Registry file to use instead of the shipped one.",
        dir_okay=False,
    ),
]
LangOption = Annotated[Lang, typer.Option("--lang", help="Language of names and labels.")]
SectionOption = Annotated[
    list[str] | None,
    typer.Option(
        "--section", metavar="SECTION", help="Only this section, e.g. 二 or '二(一)' (repeatable)."
    ),
]
IdOption = Annotated[
    list[str] | None, typer.Option("--id", metavar="ID", help="Only this id (repeatable).")
]
PeriodOption = Annotated[
    str | None,
    typer.Option(
        "--period",
        metavar="PERIOD",
        help=f"Judge as of this period ({PERIOD_HINT}); default: the latest in the data.",
    ),
]
FailOnOption = Annotated[
    str,
    typer.Option(
        "--fail-on",
        metavar="STATUSES",
        help="Statuses that make the exit status 1: a comma list of "
        "met, missed, on_track, behind, no_data, or 'never'.",
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
        try:
            return func(*args, **kwargs)
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
                typer.echo(
                    f"reportcheck: internal error: {type(exc).__name__}: {exc} "
                    "(run again with --debug for a traceback)",
                    err=True,
                )
            raise typer.Exit(USAGE_EXIT) from None

    return wrapper  # type: ignore[return-value]


def print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems[:MAX_LISTED]:
        typer.echo(f"reportcheck: {problem.severity}: {problem.one_line()}", err=True)
    if len(problems) > MAX_LISTED:
        typer.echo(
            f"reportcheck: ... and {len(problems) - MAX_LISTED} more problems not listed "
            f"(the first {MAX_LISTED} are shown)",
            err=True,
        )


#: Width for tables written to a pipe or file when COLUMNS is not set: Rich's 80 columns would
#: fold the Chinese wording column into a sliver.
PIPE_WIDTH = 140


def _out(renderable: RenderableType) -> None:
    from rich.console import Console

    piped = not sys.stdout.isatty() and not os.environ.get("COLUMNS")
    Console(highlight=False, width=PIPE_WIDTH if piped else None).print(renderable)


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
) -> None:
    """Check a government work report's commitments against year-to-date statistics.

    Exit status: 0 nothing failing, 1 a commitment is failing (see --fail-on), 2 bad input.
    """
    _State.debug = debug


def _usage(
    code: str, message: str, value: str | None = None, column: str | None = None
) -> UsageError:
    return UsageError([Problem(code, message, None, None, column, value)])


def _check_ids(registry: Registry, ids: Sequence[str]) -> None:
    problems = []
    for target_id in ids:
        if registry.get(target_id) is None:
            close = registry.suggest(target_id)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            problems.append(
                Problem(
                    "unknown-id",
                    f"unknown id {target_id!r}{hint} ('reportcheck targets' lists them)",
                    None,
                    None,
                    "id",
                    target_id,
                )
            )
    if problems:
        raise UsageError(problems)


def _period(registry: Registry, text: str | None) -> Period | None:
    if text is None:
        return None
    try:
        period = parse_period(text)
    except ValueError as exc:
        raise _usage("bad-period", f"--period {text!r} {exc}", text, "--period") from None
    if period.year != registry.meta.year:
        raise _usage(
            "period-out-of-year",
            f"--period {text!r} is outside the registry's year {registry.meta.year}",
            text,
            "--period",
        )
    return period


def _fail_on(text: str) -> frozenset[Status]:
    if text.strip() == "never":
        return frozenset()
    words = [w.strip() for w in text.split(",") if w.strip()]
    known = {s.value: s for s in Status}
    unknown = [w for w in words if w not in known]
    if unknown or not words:
        raise _usage(
            "bad-fail-on",
            f"--fail-on {text!r}: expected a comma list of {', '.join(known)} or 'never'",
            text,
            "--fail-on",
        )
    return frozenset(known[w] for w in words)


@contextmanager
def _progress(total: int) -> Iterator[Callable[[Path], None] | None]:
    """A progress bar on stderr while many files are read, only when stderr is a terminal."""
    if total < 2 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("reading", total=total)

        def advance(path: Path) -> None:
            progress.update(task, advance=1, description=path.name)

        yield advance


def _read(paths: list[Path], registry: Registry) -> ActualsSet:
    from reportcheck.actuals import read_actuals

    with _progress(len(paths)) as on_file:
        actuals = read_actuals(paths, registry, on_file)
    print_problems(actuals.warnings)
    return actuals


@app.command(short_help="List every commitment with the report's own words.")
@_guarded
def targets(
    fmt: Annotated[TargetsFormat, typer.Option("--format", "-f")] = TargetsFormat.table,
    section: SectionOption = None,
    ids: IdOption = None,
    targets_file: TargetsOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """List every commitment in the registry with the report's own words.

    \b
    Example: reportcheck targets --section 二 --format json
    """
    from reportcheck import serialize

    registry = load_registry_cached(targets_file)
    _check_ids(registry, ids or [])
    chosen = [
        t
        for t in registry.targets
        if (not ids or t.id in ids)
        and (not section or any(section_matches(t.section, s) for s in section))
    ]
    if fmt is TargetsFormat.json:
        typer.echo(
            serialize.to_json([serialize.target_dict(t, lang.value) for t in chosen]), nl=False
        )
    elif fmt is TargetsFormat.csv:
        typer.echo(serialize.targets_csv(chosen, lang.value), nl=False)
    else:
        from reportcheck.render import targets_table

        _out(targets_table(chosen, lang.value))


@app.command(short_help="Compare a file of actuals with every commitment.")
@_guarded
def diff(
    actuals: Annotated[
        Path, typer.Argument(metavar="FILE", help="CSV (UTF-8 or GBK) or .xlsx file of actuals.")
    ],
    fmt: Annotated[DiffFormat, typer.Option("--format", "-f")] = DiffFormat.table,
    section: SectionOption = None,
    status: Annotated[
        list[Status] | None,
        typer.Option("--status", help="Only results with this status (repeatable)."),
    ] = None,
    ids: IdOption = None,
    period: PeriodOption = None,
    fail_on: FailOnOption = DEFAULT_FAIL_ON_TEXT,
    targets_file: TargetsOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Compare a file of actuals with every commitment: met, missed, on track, behind, no data.

    Exit 0 when nothing fails, 1 when something does (see --fail-on), 2 on bad input.

    \b
    Example: reportcheck diff examples/huzhou-2023-h1-official.csv --fail-on missed
    """
    from reportcheck import serialize
    from reportcheck.actuals import table_paths
    from reportcheck.errors import ActualsError
    from reportcheck.evaluate import evaluate, exit_code

    registry = load_registry_cached(targets_file)
    _check_ids(registry, ids or [])
    as_of = _period(registry, period)
    failing = _fail_on(fail_on)
    try:
        data = _read(table_paths(actuals), registry)
    except ActualsError as exc:
        if fmt is DiffFormat.json:
            typer.echo(
                serialize.to_json(serialize.report_dict(None, lang.value, exc.problems)), nl=False
            )
        raise
    report = evaluate(registry, data, as_of).select(ids or (), section or (), status or ())
    if fmt is DiffFormat.json:
        typer.echo(serialize.to_json(serialize.report_dict(report, lang.value)), nl=False)
    elif fmt is DiffFormat.csv:
        typer.echo(serialize.report_csv(report, lang.value), nl=False)
    elif fmt is DiffFormat.markdown:
        typer.echo(serialize.report_markdown(report, lang.value), nl=False)
    else:
        from reportcheck.render import report_table

        _out(report_table(report, lang.value))
    raise typer.Exit(exit_code(report.results, failing))


def _actuals_path(option: Path | None) -> Path | None:
    if option is not None:
        return option
    default = Path("actuals")
    return default if default.is_dir() else None


@app.command("status", short_help="Where every commitment stands, and what changed.")
@_guarded
def status_(
    actuals: ActualsOption = None,
    fmt: Annotated[StatusFormat, typer.Option("--format", "-f")] = StatusFormat.table,
    period: PeriodOption = None,
    fail_on: FailOnOption = DEFAULT_FAIL_ON_TEXT,
    targets_file: TargetsOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Where every commitment stands: counts per section, what lags most, what changed.

    Without actuals, an overview of the registry. With a folder of monthly files, the latest
    period is judged and compared with the one before it.

    \b
    Example: reportcheck status --actuals actuals/ --format markdown > review.md
    """
    from reportcheck import serialize

    registry = load_registry_cached(targets_file)
    as_of = _period(registry, period)
    failing = _fail_on(fail_on)
    path = _actuals_path(actuals)
    if path is None:
        from reportcheck.review import overview

        view = overview(registry)
        hint = (
            "没有实际数据:用 `reportcheck template -o actuals/2023-06.csv` 生成填报表,"
            "再用 --actuals 或 $REPORTCHECK_ACTUALS 指定。"
            if lang is Lang.zh
            else "No actuals: make one with `reportcheck template -o actuals/2023-06.csv`, "
            "fill it in, and point --actuals or $REPORTCHECK_ACTUALS at it."
        )
        if fmt is StatusFormat.json:
            typer.echo(serialize.to_json(serialize.overview_dict(view)), nl=False)
        elif fmt is StatusFormat.markdown:
            typer.echo(
                "\n".join(
                    [
                        f"# {registry.meta.title_zh}",
                        "",
                        f"{len(registry.commitments)} commitments",
                        "",
                    ]
                    + [
                        f"- {registry.sections[k].title(lang.value)}: {n}"
                        for k, n in view.by_section.items()
                    ]
                    + ["", hint, ""]
                ),
                nl=False,
            )
        else:
            from reportcheck.render import overview_view

            _out(overview_view(view, lang.value, hint))
        return
    from reportcheck.actuals import table_paths
    from reportcheck.evaluate import exit_code
    from reportcheck.review import review

    paths = table_paths(path)
    if not paths:
        raise _usage("no-actuals", f"{path} holds no .csv or .xlsx files", str(path), "--actuals")
    result = review(registry, _read(paths, registry), as_of)
    if fmt is StatusFormat.json:
        typer.echo(serialize.to_json(serialize.review_dict(result, lang.value)), nl=False)
    elif fmt is StatusFormat.markdown:
        typer.echo(serialize.review_markdown(result, lang.value), nl=False)
    else:
        from reportcheck.render import review_view

        _out(review_view(result, lang.value))
    raise typer.Exit(exit_code(result.report.results, failing))


@app.command(short_help="Everything about one commitment.")
@_guarded
def show(
    target_id: Annotated[str, typer.Argument(metavar="ID", help="A registry id.")],
    actuals: ActualsOption = None,
    targets_file: TargetsOption = None,
    lang: LangOption = Lang.zh,
) -> None:
    """Everything about one commitment: quote, rule, baseline, pacing, and its figures so far.

    \b
    Example: reportcheck show graduates --actuals actuals/
    """
    registry = load_registry_cached(targets_file)
    _check_ids(registry, [target_id])
    target = registry.get(target_id)
    assert target is not None
    results = []
    path = _actuals_path(actuals)
    if path is not None:
        from reportcheck.actuals import table_paths
        from reportcheck.evaluate import judge_each_period

        results = judge_each_period(target, _read(table_paths(path), registry), registry)
    other = registry.get(target.other) if target.other else None
    from reportcheck.render import show_view

    _out(show_view(target, results, lang.value, other.name(lang.value) if other else None))


@app.command(short_help="A fill-in file of actuals for a month.")
@_guarded
def template(
    period: Annotated[
        str | None,
        typer.Option("--period", metavar="PERIOD", help=f"Pre-fill this period ({PERIOD_HINT})."),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write to this .csv (UTF-8 with BOM) or .xlsx file.",
            dir_okay=False,
        ),
    ] = None,
    targets_file: TargetsOption = None,
) -> None:
    """A fill-in file for the month: one row per registry id, read back as is by diff.

    \b
    Example: reportcheck template --period 2023-06 -o actuals/2023-06.xlsx
    """
    from reportcheck.template import template_csv, write_template

    registry = load_registry_cached(targets_file)
    chosen = _period(registry, period)
    if output is None:
        typer.echo(template_csv(registry, chosen), nl=False)
        return
    if output.suffix.lower() not in (".csv", ".xlsx"):
        raise _usage(
            "bad-output",
            f"-o {output}: expected a .csv or .xlsx file name",
            str(output),
            "--output",
        )
    try:
        write_template(registry, chosen, output)
    except OSError as exc:
        raise _usage(
            "unwritable-file",
            f"-o {output}: cannot be written: {exc.strerror or exc}",
            str(output),
            "--output",
        ) from None
    typer.echo(f"reportcheck: wrote {len(registry.targets)} rows to {output}", err=True)


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
) -> None:
    """Draft a registry for a person to review: every guess is marked `# check:`.

    \b
    Example: reportcheck draft report.txt -o registry.yaml && reportcheck lint registry.yaml
    """
    from reportcheck.draft import draft_registry, read_report

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
            raise _usage(
                "unwritable-file",
                f"-o {output}: cannot be written: {exc.strerror or exc}",
                str(output),
                "--output",
            ) from None
    typer.echo(
        f"reportcheck: 起草 {result.commitments} 项承诺、{result.not_commitments} 个非承诺数字、"
        f"{result.checks} 处待核 / drafted {result.commitments} commitments, "
        f"{result.not_commitments} numbers that are not, {result.checks} `# check:` lines",
        err=True,
    )


@app.command(short_help="Check a registry's evidence against its report.")
@_guarded
def lint(
    registry_file: Annotated[
        Path, typer.Argument(metavar="REGISTRY", help="The registry YAML file.")
    ],
    strict: Annotated[bool, typer.Option("--strict", help="Warnings fail too.")] = False,
) -> None:
    """Quotes verbatim, numbers agreeing, every number of the plan used or explained.

    Exit status 0 when clean, 2 on any error (and on any warning with --strict).

    \b
    Example: reportcheck lint registry.yaml --strict
    """
    from reportcheck.lint import lint_registry

    found = lint_registry(registry_file)
    for problem in found.problems:
        typer.echo(f"{problem.severity}: {problem.one_line()}")
    typer.echo(
        f"reportcheck: {found.entries} 项, {found.errors} 个错误, {found.warnings} 个警告 / "
        f"{found.entries} entries, {found.errors} errors, {found.warnings} warnings",
        err=True,
    )
    if found.failed(strict):
        raise typer.Exit(USAGE_EXIT)


def main() -> None:
    """Console-script entry point."""
    app()
