"""reportcheck: check a government work report's quantitative commitments against statistics."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportcheck.model.periods import Period
    from reportcheck.review.api import PathLike
    from reportcheck.review.pack import Pack

__version__ = "0.1.0"


def review_pack(
    actuals: PathLike | Sequence[PathLike],
    period: str | Period | None = None,
    *,
    targets: PathLike | None = None,
    bands: str | Sequence[float | int | str] | None = None,
    final: bool = False,
) -> Pack:
    """The review of `actuals` (a file, a folder, or several) as typed results.

    `pack.rows` holds one typed row per commitment, `pack.to_frame()` a pandas DataFrame with
    one row per commitment and period. The work is imported only when this is called, so
    `import reportcheck` stays light.
    """
    from reportcheck.review.api import review_pack as build

    return build(actuals, period, targets=targets, bands=bands, final=final)
