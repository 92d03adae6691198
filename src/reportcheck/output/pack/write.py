"""Writing the review pack in the format its file name asks for."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportcheck.model.files import write_text_file
from reportcheck.model.problems import UsageError, problem

if TYPE_CHECKING:
    from pathlib import Path

    from reportcheck.review.pack import Pack

SUFFIXES = (".docx", ".xlsx", ".html", ".htm", ".md", ".csv")


def check_output(output: Path) -> None:
    """Refuse an output name whose suffix names no format, before any work is done."""
    if output.suffix.lower() not in SUFFIXES:
        raise UsageError(
            [problem("bad-output", "pack", value=str(output), params={"file": str(output)})]
        )


def check_not_actuals(output: Path, actuals: Path) -> None:
    """A pack never replaces the figures it is made from, nor lands where the next run would
    read it as figures."""
    target, source = output.resolve(), actuals.resolve()
    if target == source:
        raise UsageError(
            [problem("output-in-actuals", "same", value=str(output), params={"file": str(output)})]
        )
    if source.is_dir() and target.parent == source and target.suffix.lower() in (".csv", ".xlsx"):
        raise UsageError(
            [
                problem(
                    "output-in-actuals", "folder", value=str(output), params={"file": str(output)}
                )
            ]
        )


def write_pack(pack: Pack, output: Path, lang: str = "zh") -> None:
    """Write the pack in the format its suffix names: .docx, .xlsx, .html, .md or .csv."""
    check_output(output)
    suffix = output.suffix.lower()
    if suffix == ".docx":
        from reportcheck.output.pack.docx import write_docx

        write_docx(pack, output, lang)
        return
    if suffix == ".xlsx":
        from reportcheck.output.pack.xlsx import write_xlsx

        write_xlsx(pack, output, lang)
        return
    if suffix == ".csv":
        from reportcheck.output.pack.csvtext import pack_csv

        text = pack_csv(pack, lang)
    elif suffix == ".md":
        from reportcheck.output.pack.markdown import pack_markdown

        text = pack_markdown(pack, lang)
    else:
        from reportcheck.output.pack.html import pack_html

        text = pack_html(pack, lang)
    write_text_file(output, text)
