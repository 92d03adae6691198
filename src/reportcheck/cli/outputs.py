"""Files the commands write: never over a file that exists unless asked, never silently failing."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable
    from pathlib import Path

    from reportcheck.model.problems import UsageError


def safe_target(output: Path, inputs: Iterable[Path]) -> None:
    """Refuse, before anything is read, an output that is no regular file (a pipe would hang
    the write) or that is one of the inputs by identity on disk (a hard link to the actuals,
    the report being drafted)."""
    from reportcheck.model.files import check_not_input, check_output_target

    check_output_target(output)
    check_not_input(output, [path for path in inputs if str(path) != "-"])


def keep_existing(output: Path, force: bool) -> None:
    """Refuse to replace a file that exists (it may hold typed work) unless --force says so."""
    from reportcheck.cli.choices import usage

    try:
        exists = output.exists()
    except OSError as exc:  # a name too long for the system, a folder that cannot be searched
        raise unwritable(output, exc) from None
    if exists and not force:
        shown = str(output)
        raise usage("file-exists", value=shown, column="--output", file=shown)


def unwritable(output: Path, exc: OSError) -> UsageError:
    """The usage error for an -o file that cannot be written, naming the file and the reason."""
    from reportcheck.cli.choices import usage

    shown = str(output)
    why = str(exc.strerror or exc)
    return usage("unwritable-file", value=shown, column="--output", file=shown, why=why)
