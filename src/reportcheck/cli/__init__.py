"""The command line: the only layer that imports Typer."""

from __future__ import annotations


def main() -> None:
    """Console-script entry point: the command, then the process's end (see `ending`)."""
    from reportcheck.cli.app import main as run
    from reportcheck.cli.ending import run_then_end

    run_then_end(run)
