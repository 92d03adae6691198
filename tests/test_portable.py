"""Every command runs where POSIX-only names do not exist, and writes to a GBK console.

Each command runs in a fresh Python whose sitecustomize removes what Windows lacks (os.getuid,
os.geteuid, signal.SIGPIPE, os.O_NOFOLLOW, os.O_NONBLOCK, os.mkfifo …) and makes `import fcntl`,
`import pwd`, `import grp`, `import termios` and `import resource` fail, with standard output
and error encoded as GBK, as on a Chinese Windows console.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES, REPO

SRC = REPO / "src" / "reportcheck"
#: The POSIX-only names of the standard library, as src/ may use them only with a fallback.
POSIX_ONLY = re.compile(
    r"\bos\.(getuid|geteuid|getgid|getegid|getpwuid|fork|mkfifo|getpgid|setsid|killpg|"
    r"O_NOFOLLOW|O_NONBLOCK|O_CLOEXEC|statvfs|getlogin)\b"
    r"|\bsignal\.SIG(PIPE|HUP|CHLD|ALRM)\b"
    r"|^\s*(import|from)\s+(fcntl|pwd|grp|termios|resource|posix)\b"
)
SITECUSTOMIZE = """
import os, signal, sys

for name in ("getuid", "geteuid", "getgid", "getegid", "getgroups", "fork", "mkfifo",
             "getpgid", "setsid", "killpg", "O_NOFOLLOW", "O_NONBLOCK", "O_CLOEXEC",
             "statvfs"):
    if hasattr(os, name):
        delattr(os, name)
for name in ("SIGPIPE", "SIGHUP", "SIGCHLD", "SIGALRM"):
    if hasattr(signal, name):
        delattr(signal, name)


class NoPosix:
    missing = {"fcntl", "pwd", "grp", "termios", "resource"}

    def find_spec(self, name, path=None, target=None):
        if name in self.missing:
            raise ImportError(f"No module named {name!r} (not on Windows)")
        return None


for name in NoPosix.missing:
    sys.modules.pop(name, None)
sys.meta_path.insert(0, NoPosix())
"""


def posix_only_uses() -> list[str]:
    """Lines of src/ that use a POSIX-only name without a fallback (getattr, hasattr)."""
    found = []
    for path in sorted(SRC.rglob("*.py")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if POSIX_ONLY.search(line) and "getattr(" not in line and "hasattr(" not in line:
                found.append(f"{path.relative_to(SRC)}:{number}: {line.strip()}")
    return found


def test_src_uses_no_posix_only_name_without_a_fallback() -> None:
    assert posix_only_uses() == []


def test_the_search_for_posix_only_names_finds_them() -> None:
    for line in ("info.st_uid == os.getuid()", "import fcntl", "signal.SIGPIPE"):
        assert POSIX_ONLY.search(line)


@pytest.fixture(scope="module")
def windowsish(tmp_path_factory: pytest.TempPathFactory) -> dict[str, str]:
    site = tmp_path_factory.mktemp("site")
    (site / "sitecustomize.py").write_text(SITECUSTOMIZE, encoding="utf-8")
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(site), os.environ.get("PYTHONPATH", "")]),
        "PYTHONIOENCODING": "gbk",
        "PYTHONUTF8": "0",
        "LANG": "zh_CN.GBK",
        "LC_ALL": "",
        "COLUMNS": "120",
        "NO_COLOR": "1",
        "REPORTCHECK_CACHE_DIR": str(tmp_path_factory.mktemp("cache") / "reportcheck"),
        "REPORTCHECK_ACTUALS": "",
    }


def run(args: list[str], env: dict[str, str], cwd: Path) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "reportcheck", *args],
        capture_output=True,
        env=env,
        cwd=cwd,
        check=False,
        timeout=120,
    )


def test_the_sitecustomize_removes_the_posix_only_names(windowsish: dict[str, str]) -> None:
    probe = (
        "import os, signal\n"
        "assert not hasattr(os, 'getuid') and not hasattr(signal, 'SIGPIPE')\n"
        "try:\n    import fcntl\nexcept ImportError:\n    print('no fcntl')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, env=windowsish, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == b"no fcntl"


def _month(folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    month = folder / "2023-06.csv"
    shutil.copy(EXAMPLES / "illustrative-2023-06.csv", month)
    return month


# (arguments, exit status, words the standard output shows in Chinese)
COMMANDS = [
    (["targets"], 0, "地区生产总值"),
    (["targets"], 0, "地区生产总值"),  # again: the registry now comes from the cache
    (["show", "gdp_growth"], 0, "地区生产总值"),
    (["template", "--period", "2023-06"], 0, "地区生产总值"),
    (["template", "--period", "2023-06", "-o", "{tmp}/fill/2023-06.xlsx"], 0, ""),
    (["diff", "{month}"], 1, "地区生产总值"),
    (["diff", "{month}", "-f", "json"], 1, "地区生产总值"),
    (["status", "--actuals", "{actuals}"], 1, "符合进度"),
    (["report", "--actuals", "{actuals}", "-o", "{tmp}/pack.xlsx"], 0, ""),
    (["report", "--actuals", "{actuals}", "-o", "{tmp}/pack.html"], 0, ""),
    (["draft", str(REPO / "tests" / "data" / "reports" / "fujian-2023.txt")], 0, "福建"),
    (["harvest", str(REPO / "tests" / "data" / "corpus" / "huzhou-2024.md")], 0, "地区生产总值"),
    (["registries"], 0, "huzhou-2024"),
    (["lint", str(SRC / "data" / "targets.yaml")], 0, ""),
    (["lint", str(SRC / "data" / "targets.yaml"), "--lang", "zh"], 0, ""),
]


@pytest.mark.parametrize(("args", "status", "shown"), COMMANDS)
def test_every_command_runs_without_posix_names_on_a_gbk_console(
    args: list[str], status: int, shown: str, windowsish: dict[str, str], tmp_path: Path
) -> None:
    actuals = tmp_path / "actuals"
    month = _month(actuals)
    given = [a.format(tmp=tmp_path, month=month, actuals=actuals) for a in args]
    done = run(given, windowsish, tmp_path)
    out, err = done.stdout.decode("gbk"), done.stderr.decode("gbk")
    assert "Traceback" not in out + err, err
    assert "internal error" not in err, err
    assert "内部错误" not in err, err
    assert done.returncode == status, err
    assert shown in out
    if "-o" in given:
        written = Path(given[given.index("-o") + 1])
        assert written.stat().st_size > 0


def test_a_character_gbk_lacks_is_written_visibly_not_a_crash(
    windowsish: dict[str, str], tmp_path: Path
) -> None:
    month = tmp_path / "2023-06.csv"
    month.write_text("id,period,value,note\ngdp_growth,2023-06,5.7,完成✓ 😀\n", encoding="utf-8")
    done = run(["diff", str(month), "-f", "csv"], windowsish, tmp_path)
    out = done.stdout.decode("gbk")
    assert done.returncode == 0, done.stderr.decode("gbk")
    assert "完成√ \\U0001f600" in out
    assert "Traceback" not in done.stderr.decode("gbk")
