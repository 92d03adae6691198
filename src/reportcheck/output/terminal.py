"""Drawing on a terminal: tables and a progress bar, control characters made inert.

The only place that makes a Rich console; the command line hands it renderables.
"""

from __future__ import annotations

import os
import sys
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping
    from pathlib import Path

    from rich.console import RenderableType

#: Width for tables written to a pipe or file when COLUMNS is not set: Rich's 80 columns would
#: fold the Chinese wording column into a sliver.
PIPE_WIDTH = 160
#: The narrowest width drawn: below it a table is drawn stacked at this width, never empty.
NARROWEST = 20


def width_for(environ: Mapping[str, str], terminal: int | None) -> int:
    """The width to draw at: COLUMNS when it is a usable number (at least NARROWEST), else the
    terminal's own width (`terminal`, None when standard output is no terminal), else
    PIPE_WIDTH. COLUMNS=0 or COLUMNS=abc draw at the terminal's width, never at no width."""
    given = environ.get("COLUMNS", "").strip()
    if given.isdigit() and int(given) > 0:
        return max(int(given), NARROWEST)
    if terminal is not None and terminal > 0:
        return max(terminal, NARROWEST)
    return PIPE_WIDTH


def terminal_columns(stream: TextIO) -> int | None:
    """The columns of the terminal `stream` writes to, or None when it is no terminal."""
    if not stream.isatty():
        return None
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError):
        return 80


def print_renderable(renderable: RenderableType) -> None:
    """A table or other Rich renderable on standard output, control characters made inert."""
    from rich.console import Console

    from reportcheck.output.safe_text import SafeRenderable, raw_stream

    width = width_for(os.environ, terminal_columns(sys.stdout))
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
