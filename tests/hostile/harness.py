"""One hostile case run as a real command, and how it ended: refused, read right, or failed.

A case builds its files in a folder of its own and names the command to run. The command runs
as `python -m reportcheck` in a fresh process, with a time limit, a limit on its address space
(where the system has one) and its peak memory read from the kernel. What it did is then judged
as a user would judge it:

- **refused**: exit 2; every line on stderr one problem (or the closing count), each naming what
  the case says it must (the file, a row, a value) and the problem's code, in the user's language;
- **read right**: exit 0 or 1, and the figure judged as it should be (the case's own check);
- **failed**: anything else: a traceback or an internal error, a hang, memory beyond the budget,
  a killed process, a file that had to stay the same and did not, a temporary file left behind,
  a control character from data on stderr or on a terminal, the other class than expected, or a
  wrong verdict.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

REPO = Path(__file__).resolve().parents[2]
#: Seconds a case may take before it is a hang (its start included).
TIME_LIMIT = 30.0
#: Peak memory (resident) beyond which a case fails: the README's budget for any input within
#: the limits is 128 MiB; a refusal must cost far less.
MEMORY_MIB = 160
#: Address space the command may map: beyond it an allocation fails instead of the machine
#: swapping (the failure is then a MemoryError, which is a failed case too).
ADDRESS_SPACE = 1 << 30

Expect = Literal["refused", "read"]
Kind = Literal["refused", "read", "failed", "skipped"]

#: C0 controls but tab and newline, DEL, C1 controls and the bidirectional overrides: what must
#: never reach a terminal or an error line raw.
RAW_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
#: English prose: three words in a row (a Chinese line may name a code, a column, an id).
_ENGLISH = re.compile(r"[A-Za-z]{2,}(?:[ ,;]+[A-Za-z]{2,}){2,}")
_CJK = re.compile("[\u4e00-\u9fff]")


class SkipCase(Exception):  # noqa: N818 (it is what the builder says, not an error)
    """Raised by a builder when this system cannot make the case (no FIFOs, running as root)."""


@dataclass(frozen=True)
class Outcome:
    """What one command did."""

    status: int | None  # None when it was killed for taking too long
    stdout: bytes
    stderr: bytes
    seconds: float
    memory_mib: float | None  # peak resident memory, where the system says it
    folder: Path

    @property
    def out(self) -> str:
        return self.stdout.decode("utf-8", "replace")

    @property
    def err(self) -> str:
        return self.stderr.decode("utf-8", "replace")

    def json(self) -> Any:
        import json

        return json.loads(self.stdout.decode("utf-8"))


#: A case's own check on what the command did: None when right, else what is wrong.
Check = Callable[[Outcome], "str | None"]


@dataclass
class Setup:
    """What a case's builder made: the command line and what to hold it to."""

    args: Sequence[str]
    check: Check | None = None
    stdin: bytes | None = None
    env: dict[str, str] = field(default_factory=dict)
    #: Files that must be byte for byte the same afterwards (inputs, an earlier pack).
    keep: Sequence[Path] = ()
    #: Words stderr must hold when the case is refused (a file's name, a line, a value).
    mentions: Sequence[str] = ()
    #: Standard output on a terminal (a pseudo-terminal), where no control character may arrive.
    tty: bool = False
    #: The largest file the command may write (RLIMIT_FSIZE): a disk that fills up.
    file_size: int | None = None
    #: Run here instead of the case's folder.
    cwd: Path | None = None


@dataclass(frozen=True)
class Case:
    """One hostile input: what it is, how it is made, and how it must end."""

    category: str
    name: str
    expect: str  # Expect: "refused" or "read"
    build: Callable[[Path], Setup]
    #: Codes of which at least one must be named on stderr when refused ([too-large] …).
    codes: tuple[str, ...] = ()
    lang: str = "en"  # the messages' language: "zh" or "en"
    #: Too slow for every CI run (seconds, or large files to make): the benchmark runs it, and
    #: the test suite with REPORTCHECK_HOSTILE_ALL=1.
    slow: bool = False
    #: Known to fail, owned by other work: why.
    xfail: str | None = None

    @property
    def key(self) -> str:
        return f"{self.category}/{self.name}"


@dataclass(frozen=True)
class Verdict:
    case: Case
    kind: Kind
    reasons: tuple[str, ...]
    seconds: float
    memory_mib: float | None
    status: int | None

    @property
    def handled(self) -> bool:
        return self.kind != "failed"

    def describe(self) -> str:
        return f"{self.case.key}: {self.kind} (exit {self.status}): " + "; ".join(self.reasons)


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _snapshot(folder: Path) -> set[str]:
    names: set[str] = set()
    for root, dirs, files in os.walk(folder, followlinks=False):
        names.update(os.path.join(root, name) for name in files + dirs)
    return names


#: What starts the command: a small launcher that sets the limits on itself (a child inherits
#: them), starts `python -m reportcheck`, waits for it with wait4 and writes its peak memory to a
#: file. The launcher is small, so the peak the kernel reports is the command's own: a command
#: started straight from the test process would report the test process's memory as well (a
#: child shares its parent's memory until it runs a program of its own). Ignored, SIGXFSZ makes a
#: write past the file-size limit fail with EFBIG, as a full disk does. Where there is no wait4
#: (Windows), the command runs in the launcher itself, with no limits and no memory reported.
_LAUNCHER = """
import os, sys
memo, file_size, args = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
if not hasattr(os, "wait4"):
    import runpy
    sys.argv = ["reportcheck", *args]
    runpy.run_module("reportcheck", run_name="__main__", alter_sys=True)
import resource, signal
try:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))
except (ValueError, OSError):
    pass
if file_size:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_size, file_size))
pid = os.posix_spawn(sys.executable, [sys.executable, "-m", "reportcheck", *args], os.environ)
_, status, usage = os.wait4(pid, 0)
with open(memo, "w") as stream:
    stream.write(str(usage.ru_maxrss))
code = os.waitstatus_to_exitcode(status)
if code < 0:
    signal.signal(-code, signal.SIG_DFL)
    os.kill(os.getpid(), -code)
sys.exit(code)
""".replace("ADDRESS_SPACE", str(ADDRESS_SPACE))


def environment(case: Case, setup: Setup, cache: Path) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("REPORTCHECK_", "LC_", "COLUMNS", "PYTHON"))
    }
    env.update(
        {
            "LANG": "zh_CN.UTF-8" if case.lang == "zh" else "en_US.UTF-8",
            "COLUMNS": "120",
            "NO_COLOR": "1",
            "TERM": "dumb",
            "REPORTCHECK_CACHE_DIR": str(cache),
            "PYTHONIOENCODING": "utf-8",
            # A case run with a file-size limit (a full disk) would leave the bytecode of the
            # modules it imports cut short in __pycache__, where Python writes it unchecked.
            "PYTHONDONTWRITEBYTECODE": "1",
        }
    )
    env.update(setup.env)
    return env


def execute(case: Case, setup: Setup, folder: Path, cache: Path) -> Outcome:
    """Run the case's command; its peak memory comes from wait4, its time from the clock."""
    memo = cache.parent / f"_memory-{os.getpid()}-{threading.get_ident()}"
    memo.unlink(missing_ok=True)
    command = [sys.executable, "-c", _LAUNCHER, str(memo), str(setup.file_size or 0), *setup.args]
    master = slave = None
    if setup.tty:
        master, slave = os.openpty()
    start = time.perf_counter()
    process = subprocess.Popen(
        command,
        cwd=setup.cwd or folder,
        env=environment(case, setup, cache),
        stdin=subprocess.PIPE if setup.stdin is not None else subprocess.DEVNULL,
        stdout=slave if slave is not None else subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,  # a hang is ended with everything it started
    )
    if slave is not None:
        os.close(slave)
    chunks: dict[str, list[bytes]] = {"out": [], "err": []}

    def drain(name: str, fd: int) -> None:
        while True:
            try:
                block = os.read(fd, 65536)
            except OSError:  # a pseudo-terminal whose other end has closed
                return
            if not block:
                return
            chunks[name].append(block)

    assert process.stderr is not None
    out = master if master is not None else process.stdout.fileno()  # type: ignore[union-attr]
    readers = [
        threading.Thread(target=drain, args=("out", out), daemon=True),
        threading.Thread(target=drain, args=("err", process.stderr.fileno()), daemon=True),
    ]
    for reader in readers:
        reader.start()
    if setup.stdin is not None:
        assert process.stdin is not None
        with contextlib.suppress(BrokenPipeError):
            process.stdin.write(setup.stdin)
        with contextlib.suppress(BrokenPipeError):
            process.stdin.close()
    status, memory = _wait(process, start, memo)
    seconds = time.perf_counter() - start
    for reader in readers:
        reader.join(5)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()
    if master is not None:
        os.close(master)
    return Outcome(
        status=status,
        stdout=b"".join(chunks["out"]),
        stderr=b"".join(chunks["err"]),
        seconds=seconds,
        memory_mib=memory,
        folder=folder,
    )


def _wait(
    process: subprocess.Popen[bytes], start: float, memo: Path
) -> tuple[int | None, float | None]:
    """The exit status (None when killed for time) and the peak memory in MiB."""
    try:
        status: int | None = process.wait(max(TIME_LIMIT - (time.perf_counter() - start), 0.1))
    except subprocess.TimeoutExpired:
        with contextlib.suppress(OSError):
            os.killpg(process.pid, 9) if hasattr(os, "killpg") else process.kill()
        process.wait()
        status = None
    try:
        peak = int(memo.read_text())
    except (OSError, ValueError):
        return status, None
    memo.unlink()
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    return status, peak / (1024 * 1024 if sys.platform == "darwin" else 1024)


def judge(case: Case, setup: Setup, outcome: Outcome, kept: dict[Path, str | None]) -> Verdict:
    reasons: list[str] = []
    kind: Kind
    err = outcome.err
    if outcome.status is None:
        reasons.append(f"hang: killed after {TIME_LIMIT:.0f} s")
    elif outcome.status < 0:
        reasons.append(f"killed by signal {-outcome.status}")
    if outcome.memory_mib is not None and outcome.memory_mib > MEMORY_MIB:
        reasons.append(f"peak memory {outcome.memory_mib:.0f} MiB > {MEMORY_MIB} MiB")
    if "Traceback" in err or "[internal-error]" in err or "MemoryError" in err:
        reasons.append("crash: " + _tail(err))
    for path, digest in kept.items():
        if _digest(path) != digest:
            reasons.append(f"file lost or changed: {path.name}")
    if RAW_CONTROL.search(err):
        reasons.append(f"control character on stderr: {_tail(err)!r}")
    # A terminal ends each line with \r\n itself (onlcr); any other control character is data's.
    shown = RAW_CONTROL.search(outcome.out.replace("\r\n", "\n")) if setup.tty else None
    if shown:
        reasons.append(f"control character on the terminal: {shown.group()!r}")
    linted = outcome.out if setup.args[:1] == ["lint"] else ""  # lint's findings: stdout
    reasons += _language(case, err + linted)
    if RAW_CONTROL.search(linted):
        reasons.append("control character in lint's findings")
    strays = [line for line in err.splitlines() if line and not line.startswith("reportcheck: ")]
    if strays and "Traceback" not in err:
        reasons.append(f"stray line on stderr: {strays[0][:160]!r}")
    if outcome.status == 2:
        kind = "refused"
        if case.expect == "read":
            reasons.append("refused what should be read: " + _tail(err))
        else:
            reasons += _refusal(case, setup, err, outcome.out)
    elif outcome.status in (0, 1):
        kind = "read"
        if case.expect == "refused":
            reasons.append("read what should be refused")
    else:
        kind = "failed"
    if case.expect == outcome_kind(outcome) and setup.check is not None and not reasons:
        wrong = setup.check(outcome)
        if wrong:
            reasons.append(wrong)
    if reasons:
        kind = "failed"
    return Verdict(
        case=case,
        kind=kind,
        reasons=tuple(reasons),
        seconds=outcome.seconds,
        memory_mib=outcome.memory_mib,
        status=outcome.status,
    )


def outcome_kind(outcome: Outcome) -> Kind:
    if outcome.status == 2:
        return "refused"
    if outcome.status in (0, 1):
        return "read"
    return "failed"


def _refusal(case: Case, setup: Setup, err: str, out: str) -> list[str]:
    """What a refusal lacks. `lint` prints its findings on standard output, as linters do, and
    its count on stderr; every other command says its problems on stderr."""
    reasons = []
    if not err.strip():
        return ["refused without a word"]
    if setup.args[:1] == ["lint"]:
        err = out + err
    if case.codes and not any(f"[{code}]" in err for code in case.codes):
        reasons.append(f"none of {', '.join(case.codes)} named: {_tail(err)}")
    reasons += [
        f"does not name {word!r}: {_tail(err)}" for word in setup.mentions if word not in err
    ]
    return reasons


def _language(case: Case, err: str) -> list[str]:
    """Each line on stderr in the user's language: a Chinese line holds no English sentence
    (outside quoted values and paths), an English line no Chinese one."""
    for line in err.splitlines():
        if not line.startswith("reportcheck: "):
            continue
        bare = re.sub(r"'[^']*'|\"[^\"]*\"|`[^`]*`|\[[a-z-]+\]$|\S*/\S*|--[a-z-]+", "", line)
        bare = bare.removeprefix("reportcheck: ")
        if case.lang == "zh" and (not _CJK.search(bare) or _ENGLISH.search(bare)):
            return [f"not in Chinese: {line[:200]!r}"]
        if case.lang == "en" and bare.startswith(("错误", "警告")):
            return [f"not in English: {line[:200]!r}"]
    return []


def _tail(text: str, size: int = 300) -> str:
    text = text.strip()
    return text if len(text) <= size else "…" + text[-size:]


def run_case(case: Case, root: Path, cache: Path) -> Verdict:
    """Build the case in a folder of its own under `root`, run it and judge it."""
    tag = hashlib.sha256(case.key.encode()).hexdigest()[:6]
    folder = root / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', case.key)}-{tag}"
    folder.mkdir(parents=True)
    try:
        setup = case.build(folder)
    except SkipCase as exc:
        return Verdict(case, "skipped", (str(exc),), 0.0, None, None)
    except Exception as exc:  # a case that cannot be made here is a failure of the suite
        return Verdict(case, "failed", (f"cannot build: {exc!r}",), 0.0, None, None)
    kept = {path: _digest(path) for path in setup.keep}
    before = _snapshot(folder)
    outcome = execute(case, setup, folder, cache)
    verdict = judge(case, setup, outcome, kept)
    left = sorted(
        name
        for name in _snapshot(folder) - before
        if name.endswith((".tmp", ".partial")) or "/." in name.replace(str(folder), "")
    )
    if left:
        verdict = Verdict(
            case,
            "failed",
            (*verdict.reasons, f"left behind: {', '.join(Path(n).name for n in left)}"),
            verdict.seconds,
            verdict.memory_mib,
            verdict.status,
        )
    return verdict


def run_all(cases: Sequence[Case], root: Path, jobs: int | None = None) -> dict[str, Verdict]:
    """Every case, `jobs` at a time (default: one per processor), by key."""
    from concurrent.futures import ThreadPoolExecutor

    cache = root / "_cache"
    workers = jobs or os.cpu_count() or 1
    with ThreadPoolExecutor(workers) as pool:
        verdicts = list(pool.map(lambda case: run_case(case, root, cache), cases))
    return {verdict.case.key: verdict for verdict in verdicts}
