"""Where the registry shipped inside the package lives."""

from __future__ import annotations

from pathlib import Path


def default_registry_path() -> Path:
    """The registry shipped inside the installed package."""
    return Path(__file__).parent.parent / "data" / "targets.yaml"
