"""The review pack from Python: `reportcheck.review_pack(actuals=...)` for notebooks."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.problems import UsageError, problem
from reportcheck.review.pack import Bands, Pack, build_pack, parse_bands

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportcheck.actuals import ActualsSet
    from reportcheck.model.periods import Period
    from reportcheck.registry.records import Registry

PathLike = str | os.PathLike[str]
#: Lights when neither --bands nor the registry's `bands` says otherwise.
DEFAULT_BANDS = "10,30"


def review_pack(
    actuals: PathLike | Sequence[PathLike],
    period: str | Period | None = None,
    *,
    targets: PathLike | None = None,
    bands: str | Sequence[float | int | str] | None = None,
    final: bool = False,
) -> Pack:
    """Read actuals (a file, a folder, or several), judge them, and return the typed pack.

    `bands` defaults to the registry's `bands`, else 10,30. Raises reportcheck's errors
    (ActualsError, RegistryError, UsageError), each carrying every problem found with its file,
    line, column and value.
    """
    from reportcheck.actuals import read_actuals, table_paths
    from reportcheck.model.periods import parse_period
    from reportcheck.registry.cache import load_registry_cached

    registry = load_registry_cached(Path(targets) if targets is not None else None)
    roots = [actuals] if isinstance(actuals, (str, os.PathLike)) else list(actuals)
    paths = [p for root in roots for p in table_paths(Path(root))]
    if not paths:
        where = ", ".join(map(str, roots))
        raise UsageError([problem("no-actuals", "none-in", value=where, path=where)])
    as_of: Period | None
    if isinstance(period, str):
        try:
            as_of = parse_period(period)
        except ValueError:
            raise UsageError(
                [problem("bad-period", "api", column="period", value=period)]
            ) from None
    else:
        as_of = period
    if as_of is not None and as_of.year != registry.meta.year:
        raise UsageError(
            [
                problem(
                    "period-out-of-year",
                    "api",
                    column="period",
                    value=str(as_of),
                    year=registry.meta.year,
                )
            ]
        )
    data = with_reasons(read_actuals(paths, registry))
    chosen = bands if bands is not None else registry.bands or DEFAULT_BANDS
    return pack_of(registry, data, as_of, bands=chosen, final=final)


def pack_of(
    registry: Registry,
    data: ActualsSet,
    as_of: Period | None,
    *,
    bands: str | Sequence[float | int | str | Decimal],
    final: bool = False,
) -> Pack:
    """The pack of figures already read, with light bands as typed or as the registry gives."""
    return build_pack(registry, data, as_of, bands=_bands(bands), final=final)


def with_reasons(data: ActualsSet) -> ActualsSet:
    """Figures with the reason typed beside each (the `reason` / 推进情况 column)."""
    from reportcheck.actuals.reasons import read_reasons

    reasons = read_reasons(data.files)
    if not reasons:
        return data
    actuals = tuple(
        msgspec.structs.replace(a, reason=reasons.get((a.id, a.period), a.reason))
        if a.period is not None
        else a
        for a in data.actuals
    )
    return msgspec.structs.replace(data, actuals=actuals)


def _bands(bands: str | Sequence[float | int | str | Decimal]) -> Bands:
    text = bands if isinstance(bands, str) else ",".join(str(b) for b in bands)
    try:
        return parse_bands(text)
    except ValueError as exc:
        order = str(exc) == "order"
        raise UsageError(
            [problem("bad-bands", "order" if order else "count", column="--bands", value=text[:40])]
        ) from None
