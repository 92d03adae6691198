"""reportcheck: check a government work report's quantitative commitments against statistics.

The public API for notebooks and scripts; `import reportcheck` loads nothing else until a
function is called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reportcheck.model.periods import Period
    from reportcheck.model.problems import ReportcheckError
    from reportcheck.review.api import PathLike
    from reportcheck.review.pack import Pack

__version__ = "0.1.0"

__all__ = [
    "__version__",
    "describe",
    "review_pack",
    "summary",
    "to_html",
    "to_markdown",
    "write_pack",
]


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
    """The review of `actuals` (a file, a folder, or several) as typed results.

    `pack.rows` holds one typed row per commitment, `pack.to_frame()` a pandas DataFrame with
    one row per commitment and period (pandas is the extra `reportcheck[frame]`). `units` is
    the office's sheet of responsibilities; `lead` and `leader` keep the commitments of some
    units or leaders. The work is imported only when this is called, so `import reportcheck`
    stays light.
    """
    from reportcheck.model.problems import ReportcheckError
    from reportcheck.review.api import review_pack as build

    try:
        return build(
            actuals,
            period,
            targets=targets,
            bands=bands,
            final=final,
            encoding=encoding,
            history=history,
            units=units,
            lead=[lead] if isinstance(lead, str) else lead,
            leader=[leader] if isinstance(leader, str) else leader,
        )
    except ReportcheckError as exc:
        exc.args = (describe(exc),)
        raise


def describe(error: ReportcheckError, lang: str = "en") -> str:
    """Every problem an error carries, one line each, in `lang` ('en' or 'zh')."""
    from reportcheck.output.catalogue import one_line

    return "\n".join(one_line(problem, lang) for problem in error.problems)


def summary(pack: Pack, lang: str = "zh") -> str:
    """The count paragraph that opens the 通报 (or the year-end account's count)."""
    from reportcheck.output.pack.paragraphs import count_paragraph

    return count_paragraph(pack, lang)


def to_html(pack: Pack, lang: str = "zh") -> str:
    """The pack as one self-contained HTML page."""
    from reportcheck.output.pack.html import pack_html

    return pack_html(pack, lang)


def to_markdown(pack: Pack, lang: str = "zh") -> str:
    """The pack as Markdown."""
    from reportcheck.output.pack.markdown import pack_markdown

    return pack_markdown(pack, lang)


def write_pack(pack: Pack, path: PathLike, lang: str = "zh") -> None:
    """Write the pack in the format its file name asks for (.xlsx, .html, .md, .csv)."""
    from pathlib import Path

    from reportcheck.output.pack.write import write_pack as write

    write(pack, Path(path), lang)
