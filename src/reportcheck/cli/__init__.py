"""The command line: the only layer that imports Typer."""

from __future__ import annotations


def main() -> None:
    """Console-script entry point."""
    from reportcheck.cli.app import main as run

    run()
