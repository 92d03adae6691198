"""The registries shipped inside the package, by name, and the one used when none is named.

`--targets huzhou-2024` names a shipped registry; `--targets path/to/registry.yaml` a file. A
file that exists is always taken as the file, so a registry saved as `huzhou-2024` in the current
folder is read as before.
"""

from __future__ import annotations

from pathlib import Path

#: The shipped registries by name, each with its file under data/; the first is the default.
SHIPPED: dict[str, str] = {
    "huzhou-2023": "targets.yaml",
    "huzhou-2024": "huzhou-2024.yaml",
}
DEFAULT = "huzhou-2023"


def _data() -> Path:
    return Path(__file__).parent.parent / "data"


def default_registry_path() -> Path:
    """The registry shipped inside the installed package that commands use by default."""
    return _data() / SHIPPED[DEFAULT]


def shipped_registries() -> dict[str, Path]:
    """Every shipped registry's path, by name, the default first."""
    return {name: _data() / file for name, file in SHIPPED.items()}


def registry_named(given: Path) -> Path:
    """The registry `--targets` names: the file when it exists (or the name is no shipped
    registry's), else the shipped registry of that name."""
    if given.exists() or str(given) not in SHIPPED:
        return given
    return _data() / SHIPPED[str(given)]
