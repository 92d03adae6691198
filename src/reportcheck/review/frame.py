"""The pack as a pandas DataFrame for notebooks: one row per commitment and period."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Any

from reportcheck.review.progress import annual_target
from reportcheck.review.status import Light, Status

if TYPE_CHECKING:
    import pandas as pd

    from reportcheck.review.evaluate import Result
    from reportcheck.review.pack import Pack, Row

#: What to_frame() says where pandas is not installed.
FRAME_NEEDS_PANDAS = (
    "pack.to_frame() needs pandas, an optional extra of reportcheck: "
    "pip install 'reportcheck[frame]' (or pip install pandas)"
)

COLUMNS = (
    "id",
    "section",
    "name_zh",
    "name_en",
    "quote",
    "unit",
    "kind",
    "period",
    "period_month",
    "period_text",
    "latest",
    "status",
    "light",
    "actual",
    "done",
    "rank",
    "level",
    "level_unit",
    "annual",
    "required",
    "expected",
    "gap",
    "completion",
    "pace",
    "behind",
    "per_month",
    "lead",
    "reason",
    "source",
    "note",
)


def pack_frame(pack: Pack) -> pd.DataFrame:
    """Figures as floats (NaN where none applies); yes/no outcomes in `done`.

    Every period with a figure up to the pack's period gives a row; a commitment without any
    figure gives one row for the pack's period with status no_data.

    pandas is an extra (`pip install 'reportcheck[frame]'`); without it, ImportError says so.
    """
    try:
        import pandas as pd
    except ImportError as exc:
        raise ImportError(FRAME_NEEDS_PANDAS) from exc

    records: list[dict[str, Any]] = []
    for row in pack.rows:
        history = row.history or (row.result,)
        for result in history:
            latest = result.period == row.result.period
            records.append(_record(row, result if not latest else row.result, latest, pack))
    frame = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    # Ordered as a review reads them: sections in the report's order, statuses from met to
    # no data, lights from green to grey; sorting and grouping follow these orders.
    orders = {
        "section": list(pack.registry.sections),
        "status": [s.value for s in Status],
        "light": [light.value for light in Light],
    }
    for name, order in orders.items():
        frame[name] = pd.Categorical(frame[name], categories=order, ordered=True)
    frame["kind"] = frame["kind"].astype("category")
    # A period is a month (a quarter or a year is its last month); `period_text` as printed.
    frame["period"] = pd.PeriodIndex(frame["period_month"], freq="M")
    frame = frame.drop(columns=["period_month"])
    for name in ("lead", "reason", "source", "note", "level_unit"):
        frame[name] = frame[name].where(frame[name].astype(bool), float("nan"))
    frame["rank"] = frame["rank"].astype("Int64")  # a whole number, or <NA> where none
    typed: pd.DataFrame = frame
    return typed


def _record(row: Row, result: Result, latest: bool, pack: Pack) -> dict[str, Any]:
    done = result.progress
    light = row.light if latest else pack.bands.light(result)
    actual = result.actual
    target = row.target
    return {
        "id": target.id,
        "section": target.section,
        "name_zh": target.name("zh"),
        "name_en": target.name("en"),
        "quote": target.quote,
        "unit": target.unit,
        "kind": target.kind.value,
        "period": None,
        "period_month": (
            f"{result.period.year}-{result.period.month:02}" if result.period else None
        ),
        "period_text": str(result.period) if result.period else None,
        "latest": latest,
        "status": result.status.value,
        "light": light.value,
        "actual": _float(actual) if not isinstance(actual, bool) else None,
        "done": actual if isinstance(actual, bool) else None,
        "rank": result.rank,
        "level": _float(result.level),
        "level_unit": result.level_unit if result.level is not None else "",
        "annual": _float(done.annual if done.annual is not None else annual_target(target)),
        "required": _float(result.required),
        "expected": _float(result.expected),
        "gap": _float(result.gap),
        "completion": _float(done.completion),
        "pace": _float(done.pace),
        "behind": _float(done.behind),
        "per_month": _float(done.per_month),
        "lead": row.lead or "",
        "reason": (row.reason if latest else result.reason) or "",
        "source": result.source or "",
        "note": result.note or "",
    }


def _float(value: Decimal | None) -> float | None:
    return float(value) if isinstance(value, Decimal) else None
