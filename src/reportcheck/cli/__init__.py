"""The command line: the only layer that imports Typer."""

from __future__ import annotations


def main() -> None:
    """Console-script entry point: the command line run as this process's program (see
    `reportcheck.cli.process`: how it starts and how it ends)."""
    from reportcheck.cli.process import run_as_program

    run_as_program(_command_line)


def _command_line() -> None:
    from reportcheck.cli.app import main as run

    run()
