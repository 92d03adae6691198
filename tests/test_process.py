"""The program as a process. It starts with the cycle collector off, turned on again (with what
was loaded set aside) when the command's work begins. It ends as soon as its output is out:
exit handlers run, both streams are flushed, the status is the command's, and Python's own end
is kept wherever it still has work to do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

#: An object that says so on standard error when Python takes it apart at the end.
TAKEN_APART = (
    "import sys\n"
    "class Noisy:\n"
    "    def __del__(self):\n"
    "        sys.stderr.write('taken apart\\n')\n"
    "kept = Noisy()\n"
)


def python(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """`python ARGS` in a process of its own, its output captured as text."""
    return subprocess.run(
        [sys.executable, *args], capture_output=True, text=True, check=False, timeout=60, env=env
    )


def program(body: str, *flags: str) -> subprocess.CompletedProcess[str]:
    """A process whose program is `body` run through run_as_program, after TAKEN_APART."""
    program = (
        TAKEN_APART
        + "from reportcheck.cli.process import run_as_program, work_begins\n"
        + "def run():\n"
        + "".join(f"    {line}\n" for line in body.splitlines())
        + "run_as_program(run)\n"
    )
    return python(*flags, "-c", program)


def test_a_finished_run_ends_without_taking_its_objects_apart() -> None:
    done = program("print('done')")
    assert (done.returncode, done.stdout, done.stderr) == (0, "done\n", "")


def test_without_the_quick_end_the_probe_is_taken_apart() -> None:
    """The probe of the other tests works: Python's own end takes the object apart."""
    done = python("-c", TAKEN_APART)
    assert done.stderr == "taken apart\n"


@pytest.mark.parametrize(
    ("exit_call", "status"),
    [("sys.exit(0)", 0), ("sys.exit(1)", 1), ("sys.exit(2)", 2), ("sys.exit()", 0)],
)
def test_the_exit_status_is_the_commands(exit_call: str, status: int) -> None:
    done = program(f"import sys\nprint('out')\n{exit_call}")
    assert (done.returncode, done.stdout, done.stderr) == (status, "out\n", "")


def test_exit_handlers_run_and_their_output_is_flushed() -> None:
    done = program(
        "import atexit, sys\n"
        "atexit.register(lambda: print('handler', end=''))\n"
        "atexit.register(lambda: sys.stderr.write('second '))\n"
        "sys.exit(3)"
    )
    assert (done.returncode, done.stdout, done.stderr) == (3, "handler", "second ")


def test_output_not_yet_flushed_reaches_a_pipe_whole() -> None:
    done = program("import sys\nsys.stdout.write('x' * 1_000_000)\nsys.stderr.write('y' * 100_000)")
    assert (done.returncode, len(done.stdout), len(done.stderr)) == (0, 1_000_000, 100_000)


def test_a_status_given_as_a_message_ends_as_python_ends_it() -> None:
    done = program("import sys\nsys.exit('stopped')")
    assert (done.returncode, done.stderr) == (1, "stopped\ntaken apart\n")


def test_a_thread_still_running_is_waited_for() -> None:
    done = program(
        "import threading, time\n"
        "def late():\n"
        "    time.sleep(0.2)\n"
        "    print('thread done', flush=True)\n"
        "threading.Thread(target=late).start()"
    )
    assert (done.returncode, done.stdout, done.stderr) == (0, "thread done\n", "taken apart\n")


@pytest.mark.parametrize("flags", [("-X", "dev"), ("-W", "default")])
def test_asking_for_warnings_keeps_pythons_end(flags: tuple[str, str]) -> None:
    """Warnings of unclosed files come as objects are taken apart: the usual end keeps them."""
    done = program("print('done')", *flags)
    assert (done.returncode, done.stdout) == (0, "done\n")
    assert done.stderr.endswith("taken apart\n")


def test_a_stream_that_cannot_be_flushed_ends_as_python_ends_it() -> None:
    """Python's own end reports the failed flush and exits 120, as it always did."""
    done = program(
        "import sys\n"
        "class Full:\n"
        "    def write(self, text):\n"
        "        return len(text)\n"
        "    def flush(self):\n"
        "        raise OSError(28, 'No space left on device')\n"
        "sys.stdout = Full()"
    )
    assert done.returncode == 120
    assert "No space left on device" in done.stderr


@pytest.mark.parametrize("begun", ["", "work_begins()\n"])
def test_an_exception_is_not_caught(begun: str) -> None:
    """Before the work or during it, an error ends the process as Python ends it."""
    done = program(f"{begun}raise ValueError('boom')")
    assert done.returncode == 1
    assert "ValueError: boom" in done.stderr
    assert done.stderr.endswith("taken apart\n")


def test_the_command_line_ends_quickly_with_its_status_and_whole_output(tmp_path: Path) -> None:
    """`python -m reportcheck` (as the console script) gives its whole JSON to a pipe and the
    status of its verdict, and ends through run_as_program."""
    env = {
        **os.environ,
        "REPORTCHECK_CACHE_DIR": str(tmp_path / "cache"),
        "REPORTCHECK_ACTUALS": "",
        "PYTHONWARNINGS": "",
    }
    listed = python("-m", "reportcheck", "targets", "-f", "json", env=env)
    assert listed.returncode == 0
    assert len(json.loads(listed.stdout)["targets"]) > 100
    missing = python(
        "-m", "reportcheck", "diff", str(tmp_path / "none.csv"), "--lang", "en", env=env
    )
    assert missing.returncode == 2
    assert "[unreadable-file]" in missing.stderr
    probe = TAKEN_APART + "import runpy\nrunpy.run_module('reportcheck', run_name='__main__')\n"
    quick = python("-c", probe, "--version", env=env)
    assert (quick.returncode, quick.stderr) == (0, "")
    assert quick.stdout.strip()


def test_the_collector_is_off_while_the_program_starts_and_on_for_its_work() -> None:
    done = program(
        "import gc\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
        "work_begins()\n"
        "print(gc.isenabled(), gc.get_freeze_count() > 0)\n"
        "work_begins()\n"
        "print(gc.isenabled())"
    )
    assert (done.returncode, done.stdout) == (0, "False False\nTrue True\nTrue\n")


def test_a_process_that_is_not_the_program_keeps_its_collector() -> None:
    """A notebook or a test that runs the command line in its own process: the collector stays
    as that process set it."""
    done = python(
        "-c",
        "import gc\n"
        "from reportcheck.cli.process import work_begins\n"
        "gc.disable()\n"
        "work_begins()\n"
        "print(gc.isenabled(), gc.get_freeze_count())",
    )
    assert done.stdout == "False 0\n"


def test_a_command_does_its_work_with_the_collector_on(tmp_path: Path) -> None:
    """Once the command line is read, the command's work (here, reading the registry) runs with
    the collector on and what the start loaded set aside."""
    probe = (
        "import gc, sys\n"
        "import reportcheck.cli.inputs as inputs\n"
        "read = inputs.registry\n"
        "def probe(*args, **kwargs):\n"
        "    sys.stderr.write(f'collector {gc.isenabled()} {gc.get_freeze_count() > 1000}\\n')\n"
        "    return read(*args, **kwargs)\n"
        "inputs.registry = probe\n"
        "from reportcheck.cli import main\n"
        "main()\n"
    )
    env = {**os.environ, "REPORTCHECK_CACHE_DIR": str(tmp_path / "cache")}
    done = python("-c", probe, "targets", "-f", "json", env=env)
    assert done.returncode == 0
    assert done.stderr == "collector True True\n"


def test_pythons_own_end_finds_the_collector_as_it_was() -> None:
    """A run that stops before its work and ends as Python ends it (here, warnings asked for)
    has its collector on again at the end."""
    done = program(
        "import atexit, gc\n"
        "atexit.register(lambda: print('at the end', gc.isenabled()))\n"
        "print('starting', gc.isenabled())",
        "-W",
        "default",
    )
    assert done.stdout == "starting False\nat the end True\n"


def test_a_collector_turned_off_before_the_program_stays_off() -> None:
    program_text = (
        "import atexit, gc\n"
        "from reportcheck.cli.process import run_as_program, work_begins\n"
        "gc.disable()\n"
        "atexit.register(lambda: print('at the end', gc.isenabled()))\n"
        "def run():\n"
        "    work_begins()\n"
        "    print('working', gc.isenabled(), gc.get_freeze_count())\n"
        "run_as_program(run)\n"
    )
    for flags in ([], ["-W", "default"]):
        done = python(*flags, "-c", program_text)
        assert done.stdout == "working False 0\nat the end False\n"
