"""Importing a library without the optional module it would load for nothing.

openpyxl imports numpy wherever numpy is installed (pandas, the `frame` extra, brings it), only
to accept numpy's number types in cells, which reportcheck never writes. Loading numpy costs a
command as much as the rest of its start.
"""

from __future__ import annotations

import contextlib
import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator


@contextlib.contextmanager
def without_numpy() -> Iterator[None]:
    """Imports made inside find no numpy, unless it is loaded already (a notebook's pandas)."""
    if "numpy" in sys.modules:
        yield
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]  # "import numpy" raises ImportError
    try:
        yield
    finally:
        if sys.modules.get("numpy") is None:
            del sys.modules["numpy"]
