"""What the commands read: the registry the command line names, and the actuals."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from reportcheck.cli.emit import print_problems
from reportcheck.cli.options import State

if TYPE_CHECKING:
    from reportcheck.actuals import ActualsSet
    from reportcheck.registry.records import Registry
    from reportcheck.review.evaluate import Report


def registry_path(targets_file: Path | None) -> Path | None:
    """The file a command's --targets names (a path, or the name of a shipped registry such as
    huzhou-2024), else the one before the command; None for the default."""
    given = targets_file or State.targets
    if given is None:
        return None
    from reportcheck.registry.shipped import registry_named

    return registry_named(given)


def registry(
    targets_file: Path | None, units_file: Path | None = None, encoding: str | None = None
) -> Registry:
    """The registry a command's --targets names, else the one before the command, else ours;
    with the units and leaders the office's --units sheet gives, where it is given (a CSV
    sheet in the --encoding of the run's CSV files, when it states one)."""
    from reportcheck.registry.cache import load_registry_cached

    loaded = load_registry_cached(registry_path(targets_file))
    if units_file is None or not str(units_file):
        return loaded
    from reportcheck.actuals.responsibilities import assign, read_responsibilities

    return assign(loaded, read_responsibilities(units_file, loaded, encoding))


def actuals_path(option: Path | None) -> Path | None:
    """--actuals (or $REPORTCHECK_ACTUALS), else ./actuals/ when it exists."""
    if option is not None and str(option):
        return option
    env = os.environ.get("REPORTCHECK_ACTUALS", "")
    if env:
        return Path(env)
    default = Path("actuals")
    return default if default.is_dir() else None


def read(path: Path, registry: Registry, encoding: str | None = None) -> ActualsSet:
    """The actuals of a file or a folder, their warnings on stderr (a progress bar while many
    files are read)."""
    from reportcheck.actuals import read_actuals, table_paths

    paths = table_paths(path)
    from reportcheck.output.terminal import reading_progress

    with reading_progress(len(paths)) as on_file:
        actuals = read_actuals(paths, registry, on_file, encoding=encoding)
    print_problems(actuals.warnings)
    return actuals


def with_doubts(report: Report, registry: Registry, data: ActualsSet) -> Report:
    """The report with plausibility warnings added (on stderr too); no verdict changes."""
    import msgspec

    from reportcheck.review.plausibility import plausibility

    doubts = plausibility(registry, data, report.results)
    print_problems(doubts)
    return msgspec.structs.replace(report, warnings=(*report.warnings, *doubts))
