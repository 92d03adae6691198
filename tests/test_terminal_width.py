"""The width tables are drawn at: COLUMNS when usable, else the terminal's own, else 160."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest
from rich.cells import cell_len

from reportcheck.output.terminal import NARROWEST, PIPE_WIDTH, width_for


@pytest.mark.parametrize(
    ("columns", "terminal", "width"),
    [
        ("120", 100, 120),
        ("120", None, 120),
        ("5", 100, NARROWEST),
        ("0", 100, 100),
        ("abc", 100, 100),
        ("", 100, 100),
        ("0", None, PIPE_WIDTH),
        ("", None, PIPE_WIDTH),
        ("", 0, PIPE_WIDTH),
        ("", 10, NARROWEST),
    ],
)
def test_the_width_drawn_at(columns: str, terminal: int | None, width: int) -> None:
    assert width_for({"COLUMNS": columns}, terminal) == width


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX")
def test_columns_zero_on_a_terminal_draws_at_the_terminals_width() -> None:
    import fcntl
    import pty
    import struct
    import termios

    main, child = pty.openpty()
    fcntl.ioctl(child, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    env = {**os.environ, "COLUMNS": "0", "REPORTCHECK_LANG": "zh", "NO_COLOR": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "reportcheck", "targets", "--id", "graduates"],
        stdout=child,
        stderr=subprocess.PIPE,
        env=env,
        timeout=60,
        check=False,
    )
    os.close(child)
    chunks = []
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(main)
    text = b"".join(chunks).decode("utf-8", "replace")
    assert done.returncode == 0, done.stderr
    assert "graduates" in text
    assert "引进大学生9万名以上" in text
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    widest = max(cell_len(line.rstrip("\r")) for line in plain.split("\n"))
    assert 60 < widest <= 100
