"""The program as a process: how a run starts and how it ends.

**Start.** Loading Typer, the records and the command makes tens of thousands of objects, none
of them ever garbage; Python's cycle collector still stops every 700 of them to look for some,
about 5 ms of a 65 ms start. The collector is therefore off while the program starts, and when
the command's own work begins (`work_begins`, once the command line is read) everything loaded
so far is set aside for good (`gc.freeze`) and the collector is on again, as usual, for the
work, whose garbage it collects as it always did.

**End.** Once a command has written everything and the exit handlers have run, what Python
would still do before the process ends is take apart every module and object it loaded, one by
one, which the system does at once when the process exits: 10 to 25 ms of a 60 to 400 ms
command. The program therefore ends the process itself after doing, in Python's order, what
matters of that: waiting for threads (when there are any, the usual end is kept), running the
exit handlers, flushing both streams. Whenever any of that is not clean (a stream that cannot be
flushed, a thread still running, an exit status that is a message), and when warnings were asked
for (`-X dev`, `-W`, which report unclosed files as objects are taken apart), the process ends
as Python ends it, everything taken apart.

Both hold only for the console script and `python -m reportcheck`; a program that calls the
command line in its own process (tests, a notebook) keeps its collector and its end.
"""

from __future__ import annotations

import atexit
import gc
import os
import sys
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from collections.abc import Callable


class _Start:
    """Whether this process's collector is off for the program's start, and whether what the
    start loaded is set aside."""

    held = False
    frozen = False


def run_as_program(run: Callable[[], object]) -> NoReturn:
    """Run `run` (the command line, imported inside it) as this process's program: the collector
    off until the work begins, and the process ended with the run's exit status."""
    if gc.isenabled():
        gc.disable()
        _Start.held = True
    try:
        run()
    except SystemExit as stop:
        code = stop.code
    except BaseException:  # an interrupt, an error: said by Python, which then ends as usual
        _as_python_ends()
        raise
    else:
        code = None
    status = 0 if code is None else code
    if isinstance(status, int) and _may_end_now():
        atexit._run_exitfuncs()  # what Python runs first as it ends
        if _flushed():
            os._exit(status)
    _as_python_ends()
    raise SystemExit(code)


def work_begins() -> None:
    """The program has started: what it loaded is kept for good, out of the collector's way, and
    the collector is on again. Nothing, unless run_as_program turned it off."""
    if _Start.held:
        _Start.held = False
        gc.freeze()
        _Start.frozen = True
        gc.enable()


def _as_python_ends() -> None:
    """The collector as it was, nothing set aside: Python's own end takes apart everything, what
    the start loaded too (a run that stopped before its work still has its collector off)."""
    if _Start.held:
        _Start.held = False
        gc.enable()
    if _Start.frozen:
        _Start.frozen = False
        gc.unfreeze()


def _may_end_now() -> bool:
    """Nothing of Python's own end is needed: no thread to wait for, no warnings asked for."""
    if sys.flags.dev_mode or sys.warnoptions:
        return False
    threading = sys.modules.get("threading")
    if threading is None:
        return True
    main = threading.main_thread()
    return not any(t is not main and not t.daemon and t.is_alive() for t in threading.enumerate())


def _flushed() -> bool:
    """Both streams flushed; False when one cannot be (Python's own end then says so)."""
    for stream in (sys.stdout, sys.stderr):
        if stream is None:
            continue
        try:
            stream.flush()
        except Exception:  # reported as Python reports it, by its own end
            return False
    return True
