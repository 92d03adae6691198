"""The review pack from Python: `reportcheck.review_pack(actuals=...)` for notebooks."""

from __future__ import annotations

import os
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING

from reportcheck.model.files import write_text_file
from reportcheck.model.problems import Problem, UsageError
from reportcheck.review.pack import Bands, Pack, build_pack, parse_bands

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportcheck.model.periods import Period

PathLike = str | os.PathLike[str]


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
        raise _usage("no-actuals", f"{', '.join(map(str, roots))} holds no .csv or .xlsx files")
    as_of: Period | None
    if isinstance(period, str):
        try:
            as_of = parse_period(period)
        except ValueError as exc:
            raise _usage("bad-period", f"period {period!r} {exc}") from None
    else:
        as_of = period
    if as_of is not None and as_of.year != registry.meta.year:
        raise _usage("period-out-of-year", f"period {as_of} is outside {registry.meta.year}")
    data = read_actuals(paths, registry)
    from reportcheck.actuals.reasons import read_reasons

    return build_pack(
        registry,
        data,
        as_of,
        bands=_bands(bands if bands is not None else registry.bands or DEFAULT_BANDS),
        final=final,
        reasons=read_reasons(data.files),
    )


SUFFIXES = (".xlsx", ".html", ".htm", ".md", ".csv")
#: Lights when neither --bands nor the registry's `bands` says otherwise.
DEFAULT_BANDS = "10,30"


def check_output(output: Path) -> None:
    """Refuse an output name whose suffix names no format, before any work is done."""
    if output.suffix.lower() not in SUFFIXES:
        raise _usage(
            "bad-output", f"-o {output}: expected a file name ending .xlsx, .html, .md or .csv"
        )


def check_not_actuals(output: Path, actuals: Path) -> None:
    """A pack never replaces the figures it is made from, nor lands where the next run would
    read it as figures."""
    target, source = output.resolve(), actuals.resolve()
    if target == source:
        raise _usage("output-in-actuals", f"-o {output}: is the file of actuals being read")
    if source.is_dir() and target.parent == source and target.suffix.lower() in (".csv", ".xlsx"):
        raise _usage(
            "output-in-actuals",
            f"-o {output}: is in the folder of actuals, where the next run would read it as "
            "actuals; write it elsewhere",
        )


def write_pack(pack: Pack, output: Path, lang: str = "zh") -> None:
    """Write the pack in the format its suffix names: .xlsx, .html, .md or .csv."""
    check_output(output)
    suffix = output.suffix.lower()
    if suffix == ".xlsx":
        from reportcheck.output.pack.xlsx import write_xlsx

        write_xlsx(pack, output, lang)
        return
    if suffix == ".csv":
        from reportcheck.output.pack.csvtext import pack_csv

        text = pack_csv(pack, lang)
    elif suffix == ".md":
        text = pack.to_markdown(lang)
    else:
        text = pack.to_html(lang)
    write_text_file(output, text)


def _bands(bands: str | Sequence[float | int | str | Decimal]) -> Bands:
    text = bands if isinstance(bands, str) else ",".join(str(b) for b in bands)
    try:
        return parse_bands(text)
    except ValueError as exc:
        raise _usage("bad-bands", f"--bands {text!r}: {exc}") from None


def _usage(code: str, message: str) -> UsageError:
    return UsageError([Problem(code, message)])
