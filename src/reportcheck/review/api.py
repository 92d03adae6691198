"""The review pack from Python: `reportcheck.review_pack(actuals=...)` for notebooks."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from reportcheck.model.problems import Param, UsageError, problem
from reportcheck.review.pack import Bands, Pack, build_pack, parse_bands
from reportcheck.review.responsible import Responsible, responsible

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
    encoding: str | None = None,
    history: bool = True,
    units: PathLike | None = None,
    lead: str | Sequence[str] = (),
    leader: str | Sequence[str] = (),
) -> Pack:
    """Read actuals (a file, a folder, or several), judge them, and return the typed pack.

    `bands` defaults to the registry's `bands`, else 10,30; `encoding` names the encoding of
    CSV files when their bytes cannot say it; `history=False` leaves out each row's earlier
    periods (the page's charts and the DataFrame's earlier rows), which halves the work.
    `units` is the office's sheet of responsibilities (id, 责任单位, 分管领导), which sets
    each commitment's units and leader; `lead` and `leader` keep only the commitments of
    those units (any of a row's) and leaders, and the pack says it is filtered.
    Raises reportcheck's errors (ActualsError, RegistryError, UsageError), each carrying every
    problem found with its file, line, column and value.
    """
    from reportcheck.actuals import read_actuals, table_paths
    from reportcheck.model.periods import parse_period
    from reportcheck.registry.cache import load_registry_cached

    registry = load_registry_cached(Path(targets) if targets is not None else None)
    if units is not None:
        from reportcheck.actuals.responsibilities import assign, read_responsibilities

        registry = assign(registry, read_responsibilities(Path(units), registry, encoding))
    chosen_by = responsible(
        registry,
        [lead] if isinstance(lead, str) else lead,
        [leader] if isinstance(leader, str) else leader,
    )
    roots = [actuals] if isinstance(actuals, (str, os.PathLike)) else list(actuals)
    paths = [p for root in roots for p in table_paths(Path(root))]
    if not paths:
        shown = ", ".join(map(str, roots))
        raise _usage("no-actuals", "api", value=shown, paths=shown)
    as_of: Period | None
    if isinstance(period, str):
        try:
            as_of = parse_period(period)
        except ValueError:
            raise _usage("bad-period", "api", value=period) from None
    else:
        as_of = period
    if as_of is not None and as_of.year != registry.meta.year:
        raise _usage("period-out-of-year", "api", value=str(as_of), year=registry.meta.year)
    data = read_actuals(paths, registry, encoding=encoding)
    data.check_period(as_of)
    chosen = bands if bands is not None else registry.bands or DEFAULT_BANDS
    return pack_of(
        registry, data, as_of, bands=chosen, final=final, history=history, chosen_by=chosen_by
    )


def pack_of(
    registry: Registry,
    data: ActualsSet,
    as_of: Period | None,
    *,
    bands: str | Sequence[float | int | str | Decimal],
    final: bool = False,
    history: bool = True,
    chosen_by: Responsible | None = None,
) -> Pack:
    """The pack of figures already read, with light bands as typed or as the registry gives;
    `chosen_by` keeps the commitments of some units or leaders."""
    keep = None
    filters: tuple[str, ...] = ()
    if chosen_by:
        keep = chosen_by.keeps_result
        filters = chosen_by.words()
    return build_pack(
        registry,
        data,
        as_of,
        bands=_bands(bands),
        final=final,
        history=history,
        keep=keep,
        filters=filters,
    )


def _bands(bands: str | Sequence[float | int | str | Decimal]) -> Bands:
    text = bands if isinstance(bands, str) else ",".join(str(b) for b in bands)
    try:
        return parse_bands(text)
    except ValueError:
        raise _usage("bad-bands", value=text[:40]) from None


def _usage(code: str, variant: str = "", *, value: str, **params: Param) -> UsageError:
    return UsageError([problem(code, variant, value=value, params=params)])
