"""Actual figures: validated rows of one or more files, each a value for one id and period."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import Decimal
from pathlib import Path

import msgspec

from reportcheck.actuals.folder import FileList, table_paths
from reportcheck.actuals.table import RawTable, read_tables
from reportcheck.model.limits import RunBudget
from reportcheck.model.numbers import (
    NotANumberError,
    format_decimal,
    normalise_text,
    parse_number,
    parse_yes_no,
)
from reportcheck.model.periods import PERIOD_HINT, Period, parse_period
from reportcheck.model.problems import ActualsError, Problem
from reportcheck.model.units import Unit, compatible_units, convert
from reportcheck.registry.records import Kind, Registry, Target

__all__ = [
    "Actual",
    "ActualsSet",
    "FileList",
    "Value",
    "check_tables",
    "read_actuals",
    "table_paths",
]

REQUIRED_COLUMNS = ("id", "period", "value")
OPTIONAL_COLUMNS = ("unit", "source", "note")
#: Columns a template adds for the person filling it in; read and ignored. `reason` (推进情况 /
#: 原因) is read by the review pack only.
INFO_COLUMNS = ("name_zh", "name_en", "target", "reason")

Value = Decimal | bool


class Actual(msgspec.Struct, frozen=True):
    """One figure: `value` in the target's own unit (None: the row has no value yet)."""

    id: str
    period: Period | None
    value: Value | None
    file: str
    line: int
    source: str = ""
    note: str = ""

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


class ActualsSet(msgspec.Struct, frozen=True):
    actuals: tuple[Actual, ...]
    warnings: tuple[Problem, ...] = ()
    files: tuple[str, ...] = ()

    def periods(self) -> list[Period]:
        """Distinct periods that carry at least one value, oldest first."""
        found = {a.period for a in self.actuals if a.period is not None and a.value is not None}
        return sorted(found)


class ReadResult(msgspec.Struct):
    """Everything learnt from reading: every data row is accepted, refused or warned about."""

    actuals: list[Actual] = msgspec.field(default_factory=list)
    problems: list[Problem] = msgspec.field(default_factory=list)
    rows: int = 0
    refused: set[tuple[str, int]] = msgspec.field(default_factory=set)
    warned: set[tuple[str, int]] = msgspec.field(default_factory=set)
    files: list[str] = msgspec.field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


def read_actuals(
    paths: Sequence[Path], registry: Registry, on_file: Callable[[Path], None] | None = None
) -> ActualsSet:
    """Read and validate every file; raises ActualsError with all problems if any is an error.

    Files listed from a folder (a FileList) bring the problems of what was skipped, and a file
    in them whose every period lies in another year is skipped with a warning, not refused.
    """
    skipped = paths.skipped if isinstance(paths, FileList) else ()
    folder = paths.folder if isinstance(paths, FileList) else None
    result = check_tables(_read_each(paths, on_file), registry, other_years=folder is not None)
    # The limit that ended the run comes first, before the problems of the rows read up to it.
    ended = [p for p in result.problems if p.variant in ("run-rows", "run-bytes")]
    result.problems[:] = [*ended, *skipped, *(p for p in result.problems if p not in ended)]
    if not paths:
        result.problems.append(
            Problem(
                "no-actuals",
                "holds no file of actuals (.csv or .xlsx)" + ("; see above" if skipped else ""),
                str(folder) if folder else None,
            )
        )
    elif not result.errors and not any(a.value is not None for a in result.actuals):
        result.problems.append(
            Problem(
                "no-figures",
                f"{'holds' if len(result.files) == 1 else 'hold'} no figures: every value is "
                "empty; fill in the value column",
                ", ".join(result.files) if len(result.files) < 4 or folder is None else str(folder),
            )
        )
    if result.errors:
        raise ActualsError(result.problems)
    warnings = tuple(p for p in result.problems if p.severity == "warning")
    return ActualsSet(tuple(result.actuals), warnings, tuple(result.files))


def _read_each(paths: Sequence[Path], on_file: Callable[[Path], None] | None) -> Iterable[RawTable]:
    """The tables of every file, until the run as a whole reaches a limit (RunBudget): then the
    file that reaches it is refused and nothing more is read."""
    budget = RunBudget()
    for path in paths:
        if on_file is not None:
            on_file(path)
        over, stored = budget.admit(path)
        for table in [] if over else read_tables(path):
            text = sum(map(len, table.header)) + sum(len(c) for _, row in table.rows for c in row)
            over = budget.take(table.file, len(table.rows), max(text, stored))
            stored = 0  # a workbook's size counts once, with its first sheet
            if over:
                break
            yield table
        if over:
            yield RawTable(str(path), problems=[over])
            return


def check_tables(
    tables: Iterable[RawTable], registry: Registry, *, other_years: bool = False
) -> ReadResult:
    """Check every row; with `other_years`, a table wholly of another year is skipped."""
    result = ReadResult()
    seen: dict[tuple[str, Period], Actual] = {}
    for table in tables:
        if other_years and _skip_other_year(table, registry, result):
            continue
        result.files.append(table.file)
        _check_table(table, registry, result, seen)
    return result


def _skip_other_year(table: RawTable, registry: Registry, result: ReadResult) -> bool:
    """A file of another year in a folder of this year's files is named and left out."""
    if table.problems or "period" not in (normalise_text(h).lower() for h in table.header):
        return False
    column = [normalise_text(h).lower() for h in table.header].index("period")
    years = set()
    for _, cells in table.rows:
        text = cells[column] if column < len(cells) else ""
        if text.strip():
            try:
                years.add(parse_period(normalise_text(text)).year)
            except ValueError:
                return False
    if not years or registry.meta.year in years:
        return False
    shown = ", ".join(str(y) for y in sorted(years))
    result.problems.append(
        Problem(
            "skipped",
            f"skipped: its periods are in {shown}, not in the registry's year {registry.meta.year}",
            table.file,
            severity="warning",
        )
    )
    result.rows += len(table.rows)
    result.warned.update((table.file, line) for line, _ in table.rows)
    return True


def _check_table(
    table: RawTable, registry: Registry, result: ReadResult, seen: dict[tuple[str, Period], Actual]
) -> None:
    result.problems.extend(table.problems)
    result.refused.update((table.file, p.line) for p in table.problems if p.line is not None)
    result.rows += len({p.line for p in table.problems if p.line is not None})
    if not table.header and not table.problems:
        result.problems.append(
            Problem("empty-file", "is empty; expected a header line 'id,period,value'", table.file)
        )
    if not table.header:
        return
    columns = _columns(table, result)
    if columns is None:
        result.rows += len(table.rows)
        result.refused.update((table.file, line) for line, _ in table.rows)
        return
    if not table.rows and not table.problems:
        result.problems.append(
            Problem("header-only", "has a header but no rows of figures", table.file, 1)
        )
    for line, cells in table.rows:
        result.rows += 1
        row = {name: cells[i] if i < len(cells) else "" for name, i in columns.items()}
        _check_row(table.file, line, row, registry, result, seen)


def _columns(table: RawTable, result: ReadResult) -> dict[str, int] | None:
    """Column name -> position; None (with errors added) when the header is unusable."""
    columns: dict[str, int] = {}
    known = REQUIRED_COLUMNS + OPTIONAL_COLUMNS + INFO_COLUMNS
    ok = True
    for i, raw in enumerate(table.header):
        name = normalise_text(raw).lower()
        if name in columns:
            result.problems.append(
                Problem(
                    "duplicate-column",
                    f"column {name!r} appears twice in the header",
                    table.file,
                    1,
                    name,
                    raw,
                )
            )
            ok = False
        elif name in known:
            columns[name] = i
        elif name or any(i < len(cells) and cells[i].strip() for _, cells in table.rows):
            result.problems.append(
                Problem(
                    "unknown-column",
                    f"column {raw!r} is not one reportcheck reads; it is ignored "
                    f"(columns: {', '.join(known)})",
                    table.file,
                    1,
                    raw,
                    raw,
                    "warning",
                )
            )
    missing = [c for c in REQUIRED_COLUMNS if c not in columns]
    if missing:
        found = ", ".join(repr(h) for h in table.header) or "nothing"
        result.problems.append(
            Problem(
                "missing-column",
                f"lacks the required column(s) {', '.join(missing)}; the header "
                f"line has {found} (required: id, period, value; optional: unit, source, note)",
                table.file,
                1,
                ", ".join(missing),
            )
        )
        ok = False
    return columns if ok else None


def _check_row(
    file: str,
    line: int,
    row: dict[str, str],
    registry: Registry,
    result: ReadResult,
    seen: dict[tuple[str, Period], Actual],
) -> None:
    if not any(v.strip() for v in row.values()):
        result.problems.append(
            Problem("blank-row", "is blank; it is skipped", file, line, severity="warning")
        )
        result.warned.add((file, line))
        return
    errors: list[Problem] = []

    def fail(code: str, column: str, value: str, message: str) -> None:
        errors.append(Problem(code, message, file, line, column, value))

    raw_id = row["id"]
    target_id = normalise_text(raw_id)
    target = registry.get(target_id)
    if not target_id:
        fail("missing-id", "id", raw_id, "has no id; every row needs a registry id")
    elif target is None:
        close = registry.suggest(target_id)
        hint = f"; did you mean {', '.join(close)}?" if close else ""
        fail(
            "unknown-id",
            "id",
            raw_id,
            f"{raw_id!r} is not an id in the registry{hint} ('reportcheck targets' lists them)",
        )
    raw_value, raw_period = row["value"], row["period"]
    value: Value | None = None
    if target is not None and raw_value.strip():
        value = _value(target, raw_value, row.get("unit", ""), fail, registry.units)
    period: Period | None = None
    if raw_period.strip():
        try:
            period = parse_period(normalise_text(raw_period))
        except ValueError as exc:
            fail("bad-period", "period", raw_period, f"{raw_period!r} {exc}")
        else:
            if period.year != registry.meta.year:
                fail(
                    "period-out-of-year",
                    "period",
                    raw_period,
                    f"{raw_period!r} is outside the registry's year {registry.meta.year}; "
                    f"expected {PERIOD_HINT} within {registry.meta.year}",
                )
    elif raw_value.strip():
        fail(
            "missing-period",
            "period",
            raw_period,
            f"is empty but the value is {raw_value!r}; expected {PERIOD_HINT}",
        )
    if errors:
        result.problems.extend(errors)
        result.refused.add((file, line))
        return
    assert target is not None
    actual = Actual(
        target.id,
        period,
        value,
        file,
        line,
        row.get("source", "").strip(),
        row.get("note", "").strip(),
    )
    if period is not None and value is not None:
        earlier = seen.get((target.id, period))
        if earlier is not None:
            _duplicate(actual, earlier, raw_value, result)
            return
        seen[(target.id, period)] = actual
    result.actuals.append(actual)


def _duplicate(actual: Actual, earlier: Actual, raw_value: str, result: ReadResult) -> None:
    key = (actual.file, actual.line)
    if actual.value == earlier.value:
        result.problems.append(
            Problem(
                "duplicate-row",
                f"repeats {actual.id} for {actual.period} with the same value as "
                f"{earlier.where}; the repeat is skipped",
                actual.file,
                actual.line,
                "value",
                raw_value,
                "warning",
            )
        )
        result.warned.add(key)
    else:
        result.problems.append(
            Problem(
                "conflicting-duplicate",
                f"gives {actual.id} for {actual.period} as {raw_value!r}, "
                f"but {earlier.where} gives {_show(earlier.value)}; keep one of the two rows",
                actual.file,
                actual.line,
                "value",
                raw_value,
            )
        )
        result.refused.add(key)


def _show(value: Value | None) -> str:
    if isinstance(value, Decimal):
        return format_decimal(value)
    return {True: "yes", False: "no", None: "nothing"}[value]


def _value(
    target: Target,
    raw: str,
    raw_unit: str,
    fail: Callable[[str, str, str, str], None],
    units: Mapping[str, Unit],
) -> Value | None:
    if target.kind is Kind.YESNO:
        try:
            return parse_yes_no(raw)
        except NotANumberError as exc:
            fail("not-yes-no", "value", raw, f"{raw!r} {exc}")
            return None
    try:
        number = parse_number(raw, percent_allowed=target.unit == "%")
    except NotANumberError as exc:
        fail("not-a-number", "value", raw, f"{raw!r} {exc}")
        return None
    unit = normalise_text(raw_unit)
    if not unit or unit == target.unit:
        return number
    converted = convert(number, unit, target.unit, units)
    if converted is None:
        accepted = ", ".join(compatible_units(target.unit, units))
        fail(
            "incompatible-unit",
            "unit",
            raw_unit,
            f"{raw_unit!r} does not convert to "
            f"{target.id}'s unit {target.unit!r}; expected one of: {accepted}",
        )
        return None
    return converted
