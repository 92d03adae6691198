"""Rows of text cells checked against the registry: every row is accepted, refused or warned about.

Each problem is located as a spreadsheet user finds it (file, line, column, value). A period that
cannot be read is one problem per distinct value of a file, naming the rows that repeat it, not
one identical line per row.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING

import msgspec

from reportcheck.actuals.cells import read_period, read_rank, split_bound
from reportcheck.actuals.columns import KNOWN_COLUMNS, REQUIRED_COLUMNS, column_of, header_key
from reportcheck.actuals.records import Actual, Value
from reportcheck.model.limits import MAX_INTEGER_DIGITS
from reportcheck.model.numbers import (
    NotANumberError,
    format_decimal,
    normalise_text,
    parse_number,
    parse_yes_no,
)
from reportcheck.model.problems import Problem, problem
from reportcheck.model.units import Unit, compatible_units, convert
from reportcheck.registry.records import EnteredAs, Kind, Registry, Target

if TYPE_CHECKING:
    from reportcheck.actuals.raw import RawTable
    from reportcheck.model.periods import Period


#: Where a check adds the problem it finds.
_Fail = Callable[[Problem], None]


class ReadResult(msgspec.Struct, kw_only=True):
    """Everything learnt from reading: every data row is accepted, refused or warned about."""

    actuals: list[Actual] = msgspec.field(default_factory=list)
    problems: list[Problem] = msgspec.field(default_factory=list)
    rows: int = 0
    refused: set[tuple[str, int]] = msgspec.field(default_factory=set)
    warned: set[tuple[str, int]] = msgspec.field(default_factory=set)
    files: list[str] = msgspec.field(default_factory=list)
    #: Years of the tables left out because every period in them lies in another year.
    other_years: set[int] = msgspec.field(default_factory=set)
    #: Every reason given for an id and period, in the order read: rows of several files (two
    #: units reporting one commitment) may each give one.
    reasons: dict[tuple[str, Period], list[str]] = msgspec.field(default_factory=dict)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]


class Columns(msgspec.Struct, frozen=True):
    """Where each column stands: one position per column, and every reason column with its
    header (a file may hold 推进情况 and 存在问题 side by side)."""

    at: dict[str, int]
    reasons: tuple[tuple[str, int], ...] = ()


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
        start = len(result.problems)
        _check_table(table, registry, result, seen)
        _merge_repeats(result.problems, start)
    _gather_reasons(result)
    return result


def _gather_reasons(result: ReadResult) -> None:
    """Each figure carries every distinct reason given for its id and period, joined in the
    order read, so that nothing typed beside a figure in any file is lost."""
    if not result.reasons:
        return
    for i, actual in enumerate(result.actuals):
        if actual.period is None or actual.value is None:
            continue
        given = result.reasons.get((actual.id, actual.period))
        joined = ";".join(dict.fromkeys(given)) if given else ""
        if joined != actual.reason:
            result.actuals[i] = msgspec.structs.replace(actual, reason=joined)


def _skip_other_year(table: RawTable, registry: Registry, result: ReadResult) -> bool:
    """A file of another year in a folder of this year's files is named and left out."""
    if table.problems:
        return False
    columns = [column_of(h) for h in table.header]
    if "period" not in columns:
        return False
    column = columns.index("period")
    years = set()
    for _, cells in table.rows:
        text = cells[column] if column < len(cells) else ""
        if text.strip():
            try:
                years.add(read_period(text).year)
            except ValueError:
                return False
    if not years or registry.meta.year in years:
        return False
    shown = ", ".join(str(y) for y in sorted(years))
    result.problems.append(
        problem(
            "skipped",
            "other-year",
            file=table.file,
            severity="warning",
            years=shown,
            year=registry.meta.year,
        )
    )
    result.other_years |= years
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
        result.problems.append(problem("empty-file", file=table.file))
    if not table.header:
        return
    columns = _columns(table, result)
    if columns is None:
        result.rows += len(table.rows)
        result.refused.update((table.file, line) for line, _ in table.rows)
        return
    if not table.rows and not table.problems:
        result.problems.append(problem("header-only", file=table.file, line=1))
    named = tuple(columns.at.items())
    width = max(columns.at.values()) + 1  # a row this long holds a cell for every column read
    for line, cells in table.rows:
        result.rows += 1
        if len(cells) >= width:
            row = {name: cells[i] for name, i in named}
        else:
            row = {name: cells[i] if i < len(cells) else "" for name, i in named}
        reason = reason_text(cells, columns.reasons) if columns.reasons else ""
        _check_row(table.file, line, row, reason, registry, result, seen)


def _columns(table: RawTable, result: ReadResult) -> Columns | None:
    """Column name -> position; None (with errors added) when the header is unusable."""
    at: dict[str, int] = {}
    reasons: list[tuple[str, int]] = []
    headers: set[str] = set()
    ok = True
    for i, raw in enumerate(table.header):
        name, key = column_of(raw), header_key(raw)
        # A header twice, or two headers of one column (rank and 全省排位); several reason
        # columns are one reason.
        twice = key in headers or (name in at and name != "reason")
        headers.add(key)
        if name is not None and twice:
            result.problems.append(
                problem(
                    "duplicate-column", file=table.file, line=1, column=name, value=raw, name=raw
                )
            )
            ok = False
        elif name == "reason":
            reasons.append((normalise_text(raw), i))
        elif name is not None:
            at[name] = i
        elif key or any(i < len(cells) and cells[i].strip() for _, cells in table.rows):
            result.problems.append(
                problem(
                    "unknown-column",
                    file=table.file,
                    line=1,
                    column=raw,
                    value=raw,
                    severity="warning",
                    name=raw,
                    columns=", ".join(KNOWN_COLUMNS),
                )
            )
    missing = [c for c in REQUIRED_COLUMNS if c not in at]
    if missing:
        found = ", ".join(repr(h) for h in table.header)
        result.problems.append(
            problem(
                "missing-column",
                "" if found else "no-header",
                file=table.file,
                line=1,
                column=", ".join(missing),
                missing=", ".join(missing),
                found=found,
            )
        )
        ok = False
    return Columns(at, tuple(reasons)) if ok else None


def reason_text(cells: list[str], reasons: tuple[tuple[str, int], ...]) -> str:
    """What the row's reason columns say: the one column's text, or each non-empty one after its
    header ('推进情况:按计划推进;存在问题:资金未到位') when there are several."""
    said = [(header, cells[i].strip()) for header, i in reasons if i < len(cells)]
    said = [(header, text) for header, text in said if text]
    if len(reasons) == 1:
        return said[0][1] if said else ""
    return ";".join(f"{header}:{text}" for header, text in said)


def _check_row(
    file: str,
    line: int,
    row: dict[str, str],
    reason: str,
    registry: Registry,
    result: ReadResult,
    seen: dict[tuple[str, Period], Actual],
) -> None:
    if not reason and not any(map(str.strip, row.values())):
        result.problems.append(problem("blank-row", file=file, line=line, severity="warning"))
        result.warned.add((file, line))
        return
    errors: list[Problem] = []
    raw_id = row["id"]
    target_id = normalise_text(raw_id)
    target = registry.get(target_id)
    if not target_id:
        errors.append(problem("missing-id", column="id", value=raw_id))
    elif target is None:
        close = registry.suggest(target_id)
        errors.append(
            problem(
                "unknown-id",
                "close" if close else "",
                column="id",
                value=raw_id,
                close=", ".join(close),
            )
        )
    raw_value, raw_period = row["value"], row["period"]
    value: Value | None = None
    bound: str | None = None
    if target is not None and raw_value.strip():
        value, bound = _value(target, raw_value, row.get("unit", ""), registry.units, errors.append)
    period = _period(raw_period, raw_value, registry.meta.year, errors.append)
    # Most files have neither column: the row's two lookups are all they cost.
    raw_rank, raw_level = row.get("rank"), row.get("level")
    rank = _rank(raw_rank, errors.append) if raw_rank else None
    level = _level(raw_level, errors.append) if raw_level else None
    if errors:
        result.problems.extend(p.located(file, line) for p in errors)
        result.refused.add((file, line))
        return
    assert target is not None
    actual = Actual(
        id=target.id,
        period=period,
        value=value,
        file=file,
        line=line,
        source=row.get("source", "").strip(),
        note=row.get("note", "").strip(),
        reason=reason,
        bound=bound,
        rank=rank,
        level=level,
        level_unit=normalise_text(row["level_unit"]) if row.get("level_unit") else "",
    )
    if reason and period is not None:
        result.reasons.setdefault((target.id, period), []).append(reason)
    if period is not None and value is not None:
        earlier = seen.setdefault((target.id, period), actual)  # one hash of the period, not two
        if earlier is not actual:
            _duplicate(actual, earlier, raw_value, result)
            return
    result.actuals.append(actual)


def _period(raw: str, raw_value: str, year: int, fail: _Fail) -> Period | None:
    if not raw.strip():
        if raw_value.strip():
            fail(problem("missing-period", column="period", value=raw, given=raw_value))
        return None
    try:
        period = read_period(raw)
    except ValueError:
        fail(problem("bad-period", column="period", value=raw))
        return None
    if period.year != year:
        fail(problem("period-out-of-year", column="period", value=raw, year=year))
        return None
    return period


def _rank(raw: str, fail: _Fail) -> int | None:
    if not raw.strip():
        return None
    try:
        return read_rank(raw)
    except ValueError:
        fail(problem("bad-rank", column="rank", value=raw))
        return None


def _level(raw: str, fail: _Fail) -> Decimal | None:
    if not raw.strip():
        return None
    try:
        return parse_number(raw, percent_allowed=False)
    except NotANumberError as exc:
        fail(_in_cell(exc.problem, "level", raw))
        return None


def _value(
    target: Target, raw: str, raw_unit: str, units: Mapping[str, Unit], fail: _Fail
) -> tuple[Value | None, str | None]:
    """The figure of a value cell in the target's unit, and the sign of the bound it states
    (None for a plain figure); (None, None) when the cell is refused."""
    bound, text = split_bound(raw)
    if target.kind is Kind.YESNO:
        if bound is not None:
            fail(problem("bound-refused", "yes-no", column="value", value=raw, id=target.id))
            return None, None
        try:
            answer = parse_yes_no(raw)
        except NotANumberError as exc:
            fail(_in_cell(exc.problem, "value", raw))
            return None, None
        unit = normalise_text(raw_unit)
        if unit and unit != target.unit:  # 亿元 against a yes/no outcome: a row of another id
            fail(_incompatible(target, raw_unit, units))
            return None, None
        return answer, None
    if target.category == "rank":
        # A place is a whole number from 1: rank 0, -3 or 4.5 would be judged as met.
        try:
            number = Decimal(read_rank(text))
        except ValueError:
            fail(problem("bad-rank", column="value", value=raw))
            return None, None
    else:
        try:
            number = parse_number(text, percent_allowed=target.unit == "%")
        except NotANumberError as exc:
            fail(_in_cell(exc.problem, "value", raw))
            return None, None
    if not _sign_fits(target, raw, text, number, bound, fail):
        return None, None
    unit = normalise_text(raw_unit)
    if not unit or unit == target.unit:
        return number, bound
    converted = convert(number, unit, target.unit, units)
    if converted is None:
        fail(_incompatible(target, raw_unit, units))
    elif converted.adjusted() >= MAX_INTEGER_DIGITS:
        # 9999999999999999 亿元 for an entry in 元 is 24 digits: held to a figure's digits in
        # the unit it is judged in, as the registry's value is, so every gap stays exact
        fail(
            problem(
                "not-a-number",
                "converted-digits",
                column="value",
                value=raw,
                id=target.id,
                unit=target.unit,
                digits=converted.adjusted() + 1,
                limit=MAX_INTEGER_DIGITS,
            )
        )
        return None, None
    return converted, bound


def _incompatible(target: Target, raw_unit: str, units: Mapping[str, Unit]) -> Problem:
    return problem(
        "incompatible-unit",
        column="unit",
        value=raw_unit,
        id=target.id,
        unit=target.unit,
        accepted=", ".join(compatible_units(target.unit, units)),
    )


def _sign_fits(
    target: Target, raw: str, text: str, number: Decimal, bound: str | None, fail: _Fail
) -> bool:
    """A figure of a 下降 / 压减 entry read without guessing its sign. An explicit + on an entry
    typed as the size of the fall could be a fall or a rise; a bound on a figure whose sign the
    judge turns (a signed change) would point the wrong way."""
    if target.entered_as is None:
        return True
    if target.entered_as is EnteredAs.MAGNITUDE and normalise_text(text).startswith("+"):
        fail(problem("explicit-plus", column="value", value=raw, id=target.id))
        return False
    signed = target.entered_as is EnteredAs.CHANGE or number < 0
    if bound is not None and signed:
        fail(
            problem(
                "bound-refused",
                "signed",
                column="value",
                value=raw,
                id=target.id,
                convention=target.entered_as.value,
            )
        )
        return False
    return True


def _in_cell(found: Problem, column: str, value: str) -> Problem:
    """A problem of a cell's text, placed in its column (the row is placed by the caller)."""
    return msgspec.structs.replace(found, column=column, value=value)


def _duplicate(actual: Actual, earlier: Actual, raw_value: str, result: ReadResult) -> None:
    """The same id and period again: the same figure is said once (a commitment two units
    share, each reporting it); another figure is refused, naming both files where two reports
    disagree."""
    key = (actual.file, actual.line)
    where = {"id": actual.id, "period": str(actual.period), "earlier": earlier.where}
    files = "files" if actual.file != earlier.file else ""
    if (actual.value, actual.bound) == (earlier.value, earlier.bound):
        result.problems.append(
            problem(
                "duplicate-row",
                files,
                file=actual.file,
                line=actual.line,
                column="value",
                value=raw_value,
                severity="warning",
                params=where,
            )
        )
        result.warned.add(key)
    else:
        result.problems.append(
            problem(
                "conflicting-duplicate",
                files,
                file=actual.file,
                line=actual.line,
                column="value",
                value=raw_value,
                params={**where, "other": _show(earlier.value, earlier.bound)},
            )
        )
        result.refused.add(key)


def _show(value: Value | None, bound: str | None = None) -> str:
    if isinstance(value, Decimal):
        return (bound or "") + format_decimal(value)
    return {True: "yes", False: "no", None: "nothing"}[value]


#: Problems said once per distinct value of a file, however many rows repeat it.
_PER_VALUE = frozenset({"bad-period", "period-out-of-year"})
#: How many of the rows that repeat a value are named.
_LINES_NAMED = 5


def _merge_repeats(problems: list[Problem], start: int) -> None:
    """One problem per period value of a table that cannot be used: the first row's, saying
    how many rows more repeat it and which."""
    groups: dict[tuple[str, str | None], list[int]] = {}
    for i in range(start, len(problems)):
        found = problems[i]
        if found.code in _PER_VALUE and found.column == "period":
            groups.setdefault((found.code, found.value), []).append(i)
    dropped: set[int] = set()
    for indices in groups.values():
        if len(indices) < 2:
            continue
        first = problems[indices[0]]
        lines = [str(problems[i].line) for i in indices[1:]]
        shown = ", ".join(lines[:_LINES_NAMED]) + (", …" if len(lines) > _LINES_NAMED else "")
        problems[indices[0]] = problem(
            first.code,
            "repeated",
            file=first.file,
            line=first.line,
            column=first.column,
            value=first.value,
            params={**first.params, "more": len(lines), "lines": shown},
        )
        dropped.update(indices[1:])
    if dropped:
        problems[start:] = [p for i, p in enumerate(problems[start:], start) if i not in dropped]
