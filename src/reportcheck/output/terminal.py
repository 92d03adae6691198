"""Drawing on a terminal: tables and a progress bar, control characters made inert.

The only place that makes a Rich console; the command line hands it renderables.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping
    from pathlib import Path

    from rich.console import RenderableType

#: Width for tables written to a pipe or file when COLUMNS is not set: Rich's 80 columns would
#: fold the Chinese wording column into a sliver.
PIPE_WIDTH = 160
#: The narrowest width drawn: below it a table is drawn stacked at this width, never empty.
NARROWEST = 20


def width_for(environ: Mapping[str, str], is_terminal: bool) -> int | None:
    """The width to draw at: COLUMNS when it is a usable number (at least NARROWEST), the
    terminal's own when it is a terminal, else PIPE_WIDTH. COLUMNS=0 or COLUMNS=abc draw at
    the default, never at no width at all."""
    given = environ.get("COLUMNS", "").strip()
    if given.isdigit() and int(given) > 0:
        return max(int(given), NARROWEST)
    return None if is_terminal else PIPE_WIDTH


def print_renderable(renderable: RenderableType) -> None:
    """A table or other Rich renderable on standard output, control characters made inert."""
    from rich.console import Console

    from reportcheck.output.safe_text import SafeRenderable, raw_stream

    width = width_for(os.environ, sys.stdout.isatty())
    # crop=False: a stacked layout lets an id or a number run past a very narrow terminal
    # rather than be cut. emoji=False: ":smile:" in a heading stays text (and Rich's table of
    # emoji codes, 1.5 ms to import, is not loaded).
    console = Console(file=raw_stream(sys.stdout), highlight=False, emoji=False, width=width)
    console.print(SafeRenderable(renderable), crop=False)


@contextmanager
def reading_progress(total: int) -> Iterator[Callable[[Path], None] | None]:
    """A progress bar on stderr while many files are read, only when stderr is a terminal."""
    if total < 2 or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.markup import escape
    from rich.progress import Progress

    from reportcheck.output.safe_text import neutralise, raw_stream

    with Progress(console=Console(file=raw_stream(sys.stderr)), transient=True) as progress:
        task = progress.add_task("reading", total=total)

        def advance(path: Path) -> None:
            progress.update(task, advance=1, description=escape(neutralise(path.name)))

        yield advance
