"""Importing a library without the optional module it would load for nothing.

openpyxl imports numpy wherever numpy is installed (pandas, the `frame` extra, brings it), only
to accept numpy's number types in cells, which reportcheck never writes: loading numpy costs a
command as much as the rest of its start. msgspec imports typing_extensions (which Typer
installs) only to read the hints of typing_extensions' own types, which no record uses; typing's
own reading serves, as it does wherever typing_extensions is not installed.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


@contextlib.contextmanager
def without(name: str) -> Iterator[None]:
    """Imports made inside find no module `name`, unless it is loaded already (a notebook's
    pandas); afterwards, whoever imports it gets it."""
    if name in sys.modules:
        yield
        return
    sys.modules[name] = None  # type: ignore[assignment]  # "import name" raises ImportError
    try:
        yield
    finally:
        if sys.modules.get(name, False) is None:
            del sys.modules[name]


def without_numpy() -> contextlib.AbstractContextManager[None]:
    return without("numpy")


def import_msgspec() -> None:
    """msgspec imported for the records of every layer, without typing_extensions (2 ms of a
    start), before any of them is: the command line calls it before it imports a command."""
    with without("typing_extensions"):
        import msgspec  # noqa: F401
