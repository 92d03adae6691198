"""How a run of the program ends: as soon as its output is out.

Once a command has written everything and the exit handlers have run, what Python would still do
before the process ends is take apart every module and object it loaded, one by one, which the
system does at once when the process exits: 10 to 25 ms of a 60 to 400 ms command, more than
some commands' own work. The console script and `python -m reportcheck` therefore end the
process themselves after doing, in Python's order, what matters of that: waiting for threads
(when there are any, the usual end is kept), running the exit handlers, flushing both streams.
Whenever any of that is not clean (a stream that cannot be flushed, a thread still running, an
exit status that is a message), and when warnings were asked for (`-X dev`, `-W`, which report
unclosed files as objects are taken apart), the process ends as Python ends it.
"""

from __future__ import annotations

import atexit
import os
import sys
from typing import TYPE_CHECKING, NoReturn

if TYPE_CHECKING:
    from collections.abc import Callable


def run_then_end(run: Callable[[], object]) -> NoReturn:
    """Run `run` (a command line), then end the process with its exit status."""
    try:
        run()
    except SystemExit as stop:
        code = stop.code
    else:
        code = None
    status = 0 if code is None else code
    if isinstance(status, int) and _may_end_now():
        atexit._run_exitfuncs()  # what Python runs first as it ends
        if _flushed():
            os._exit(status)
    raise SystemExit(code)


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
