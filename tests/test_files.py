"""Files are written whole or not at all, never onto a pipe or onto the files being read."""

from __future__ import annotations

import errno
import io
import os
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from reportcheck.model import files
from reportcheck.model.files import check_not_input, check_output_target, write_file
from reportcheck.model.problems import UsageError
from reportcheck.output.catalogue import one_line

from .conftest import EXAMPLES, REPO

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="pipes and links of POSIX")
OLD = b"the previous file, which must survive\n" * 100


class FullDisk(io.BufferedIOBase):
    """A stream onto a disk that has `room` bytes left: a write beyond it fails as ENOSPC."""

    def __init__(self, inner: Any, room: int) -> None:
        self.inner, self.room = inner, room

    def write(self, data: Any) -> int:
        if len(data) > self.room:
            self.inner.write(bytes(data[: self.room]))  # a disk fills part of a write
            self.room = 0
            raise OSError(errno.ENOSPC, "No space left on device")
        self.room -= len(data)
        return int(self.inner.write(data))

    def fileno(self) -> int:
        return int(self.inner.fileno())

    def close(self) -> None:
        self.inner.close()
        super().close()


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    def fill(room: int) -> None:
        real = files._stream
        monkeypatch.setattr(files, "_stream", lambda fd: FullDisk(real(fd), room))

    return fill


def only(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_a_file_is_written_and_replaces_the_old_one(tmp_path: Path) -> None:
    target = tmp_path / "pack.csv"
    target.write_bytes(OLD)
    write_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert only(tmp_path) == ["pack.csv"]


@pytest.mark.parametrize("room", [0, 1, 4096, 10_000])
def test_a_full_disk_leaves_the_old_file_whole_and_nothing_else(
    tmp_path: Path, full_disk: Callable[[int], None], room: int
) -> None:
    target = tmp_path / "pack.csv"
    target.write_bytes(OLD)
    full_disk(room)
    with pytest.raises(OSError, match="No space left") as raised:
        write_file(target, b"new content " * 10_000)
    assert raised.value.errno == errno.ENOSPC
    assert target.read_bytes() == OLD
    assert only(tmp_path) == ["pack.csv"]


def test_a_writer_that_fails_half_way_leaves_the_old_file_and_nothing_else(tmp_path: Path) -> None:
    target = tmp_path / "pack.xlsx"
    target.write_bytes(OLD)

    def half(stream: Any) -> None:
        stream.write(b"PK\x03\x04 half a zip")
        raise ValueError("the writer failed")

    with pytest.raises(ValueError, match="the writer failed"):
        write_file(target, half)
    assert target.read_bytes() == OLD
    assert only(tmp_path) == ["pack.xlsx"]


def test_an_interrupt_leaves_nothing_behind(tmp_path: Path) -> None:
    target = tmp_path / "out.md"

    def interrupted(stream: Any) -> None:
        stream.write(b"# half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_file(target, interrupted)
    assert only(tmp_path) == []


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "shared.csv"
    target.write_bytes(OLD)
    target.chmod(0o640)
    write_file(target, b"new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640


@posix_only
def test_a_named_pipe_is_refused_before_anything_is_written(tmp_path: Path) -> None:
    pipe = tmp_path / "pack.csv"
    os.mkfifo(pipe)
    with pytest.raises(UsageError) as refused:
        write_file(pipe, b"would hang")  # a plain open() would wait for a reader forever
    (problem,) = refused.value.problems
    assert problem.key == "output-not-regular/pipe"
    assert "named pipe" in one_line(problem)
    assert only(tmp_path) == ["pack.csv"]
    assert stat.S_ISFIFO(pipe.lstat().st_mode)


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="needs /dev/null")
def test_a_device_is_refused() -> None:
    with pytest.raises(UsageError) as refused:
        check_output_target(Path("/dev/null"))
    assert refused.value.problems[0].key == "output-not-regular/device"


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as refused:
        write_file(tmp_path, b"x")
    assert refused.value.problems[0].key == "output-not-regular/folder"


@posix_only
def test_a_link_is_written_through_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.csv"
    real.write_bytes(OLD)
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    write_file(link, b"new")
    assert link.is_symlink()
    assert real.read_bytes() == b"new"
    assert only(tmp_path) == ["link.csv", "real.csv"]


@posix_only
def test_a_link_to_a_pipe_is_refused(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    link = tmp_path / "out.csv"
    link.symlink_to(pipe)
    with pytest.raises(UsageError):
        write_file(link, b"x")


def test_an_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    actuals = tmp_path / "2023-06.csv"
    actuals.write_bytes(OLD)
    with pytest.raises(UsageError) as refused:
        check_not_input(tmp_path / "." / "2023-06.csv", [actuals])
    (problem,) = refused.value.problems
    assert problem.key == "output-is-input"
    assert str(actuals) in one_line(problem)


@posix_only
def test_a_hard_link_onto_an_input_is_refused(tmp_path: Path) -> None:
    """The resolved paths differ; the file is one."""
    actuals = tmp_path / "actuals" / "2023-06.csv"
    actuals.parent.mkdir()
    actuals.write_bytes(OLD)
    pack = tmp_path / "pack.csv"
    os.link(actuals, pack)
    assert pack.resolve() != actuals.resolve()
    with pytest.raises(UsageError):
        check_not_input(pack, [actuals])
    with pytest.raises(UsageError):
        check_not_input(pack, [actuals.parent])  # a folder of actuals: each of its files
    assert actuals.read_bytes() == OLD


@posix_only
def test_a_symbolic_link_onto_an_input_is_refused(tmp_path: Path) -> None:
    actuals = tmp_path / "2023-06.csv"
    actuals.write_bytes(OLD)
    link = tmp_path / "pack.csv"
    link.symlink_to(actuals)
    with pytest.raises(UsageError):
        check_not_input(link, [actuals])


def test_another_file_or_a_new_name_is_not_an_input(tmp_path: Path) -> None:
    actuals = tmp_path / "2023-06.csv"
    actuals.write_bytes(OLD)
    other = tmp_path / "other.csv"
    other.write_bytes(OLD)  # the same bytes, another file
    check_not_input(other, [actuals, tmp_path / "missing.csv"])
    check_not_input(tmp_path / "new.csv", [actuals, tmp_path])


def test_a_file_system_without_inode_numbers_compares_resolved_paths(tmp_path: Path) -> None:
    actuals = tmp_path / "a.csv"
    actuals.write_bytes(OLD)
    no_inode = os.stat_result((stat.S_IFREG | 0o644, 0, 0, 1, 0, 0, 3, 0, 0, 0))
    assert files.same_file(no_inode, tmp_path / "." / "a.csv", actuals)
    assert not files.same_file(no_inode, tmp_path / "b.csv", actuals)


def test_a_workbook_write_that_fails_prints_no_traceback(tmp_path: Path) -> None:
    """A full disk under openpyxl: the zip is built in memory, so no half-written archive is
    left to be closed (and to fail again, loudly) when the process exits."""
    target = tmp_path / "pack.xlsx"
    target.write_bytes(OLD)
    script = f"""
import errno, io, sys
from pathlib import Path
from reportcheck.model import files
real = files._stream
class Full(io.BufferedIOBase):
    def __init__(self, fd): self.inner = real(fd)
    def write(self, data): raise OSError(errno.ENOSPC, "No space left on device")
    def fileno(self): return self.inner.fileno()
    def close(self): self.inner.close(); super().close()
files._stream = Full
from reportcheck.output.pack.write import write_pack
from reportcheck.review.api import review_pack
pack = review_pack({str(EXAMPLES / "illustrative-2023-06.csv")!r})
try:
    write_pack(pack, Path({str(target)!r}))
except OSError as exc:
    print("refused:", exc.strerror)
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False, cwd=REPO
    )
    assert done.stdout.strip() == "refused: No space left on device"
    assert done.stderr == ""
    assert target.read_bytes() == OLD
    assert only(tmp_path) == ["pack.xlsx"]


@pytest.mark.parametrize("suffix", [".xlsx", ".csv"])
def test_a_template_write_that_fails_keeps_the_old_file(
    tmp_path: Path, full_disk: Callable[[int], None], suffix: str
) -> None:
    from reportcheck.model.periods import Period
    from reportcheck.output.template import write_template
    from reportcheck.registry.load import load_registry

    target = tmp_path / f"2023-06{suffix}"
    target.write_bytes(OLD)
    full_disk(100)
    with pytest.raises(OSError, match="No space left"):
        write_template(load_registry(), Period(2023, 6), target)
    assert target.read_bytes() == OLD
    assert only(tmp_path) == [target.name]


@pytest.mark.parametrize("suffix", [".xlsx", ".html", ".md", ".csv"])
def test_a_pack_write_that_fails_keeps_the_old_file(
    tmp_path: Path, full_disk: Callable[[int], None], suffix: str
) -> None:
    from reportcheck.output.pack.write import write_pack
    from reportcheck.review.api import review_pack

    pack = review_pack(EXAMPLES / "illustrative-2023-06.csv")
    target = tmp_path / f"pack{suffix}"
    target.write_bytes(OLD)
    full_disk(2000)
    with pytest.raises(OSError, match="No space left"):
        write_pack(pack, target)
    assert target.read_bytes() == OLD
    assert only(tmp_path) == [target.name]


# ── The commands refuse an output that is an input, or no file, before reading ─────────────


def test_report_refuses_an_output_hard_linked_to_its_actuals(cli: Any, tmp_path: Path) -> None:
    actuals = tmp_path / "june.csv"
    actuals.write_bytes((EXAMPLES / "illustrative-2023-06.csv").read_bytes())
    before = actuals.read_bytes()
    elsewhere = tmp_path / "out"
    elsewhere.mkdir()
    link = elsewhere / "pack.csv"
    os.link(actuals, link)
    result = cli("report", "--actuals", str(actuals), "-o", str(link), "--force")
    assert result.exit_code == 2
    assert "[output-is-input]" in result.stderr
    assert actuals.read_bytes() == before


@pytest.fixture
def own_registry(tmp_path: Path) -> Path:
    """A copy of the shipped registry beside copies of the texts it quotes."""
    (tmp_path / "data").mkdir()
    (tmp_path / "seeds").mkdir()
    for name in ("000_2ae2d6b944143d98.txt", "huzhou-2023.md", "huzhou-2024.md"):
        (tmp_path / "seeds" / name).write_bytes((REPO / "seeds" / name).read_bytes())
    registry = tmp_path / "data" / "targets.yaml"
    registry.write_bytes((REPO / "data" / "targets.yaml").read_bytes())
    return registry


@pytest.mark.skipif(sys.platform == "win32", reason="symbolic links need privileges there")
@pytest.mark.parametrize("text", ["000_2ae2d6b944143d98.txt", "huzhou-2023.md"])
@pytest.mark.parametrize(
    ("command", "name"),
    [
        (["report", "--actuals", str(EXAMPLES / "illustrative-2023-06.csv")], "pack.html"),
        (["template", "--period", "2023-06"], "template.csv"),
        (["harvest", str(REPO / "seeds" / "huzhou-2024.md")], "outcomes.csv"),
    ],
)
def test_no_command_writes_over_a_text_the_registry_quotes(
    cli: Any, own_registry: Path, tmp_path: Path, text: str, command: list[str], name: str
) -> None:
    quoted = own_registry.parent.parent / "seeds" / text
    before = quoted.read_bytes()
    link = tmp_path / name
    link.symlink_to(quoted)
    result = cli(*command, "--targets", str(own_registry), "-o", str(link), "--force")
    assert result.exit_code == 2, result.stderr
    assert "[output-is-input]" in result.stderr
    assert quoted.read_bytes() == before


def test_draft_refuses_to_write_over_the_report_it_reads(cli: Any, tmp_path: Path) -> None:
    report = tmp_path / "r.txt"
    report.write_bytes((REPO / "seeds" / "000_2ae2d6b944143d98.txt").read_bytes())
    before = report.read_bytes()
    result = cli("draft", str(report), "-o", str(report), "--force")
    assert result.exit_code == 2
    assert "[output-is-input]" in result.stderr
    assert report.read_bytes() == before


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs POSIX pipes")
@pytest.mark.parametrize("command", ["report", "template", "draft"])
def test_an_output_that_is_a_pipe_is_refused_at_once(
    cli: Any, tmp_path: Path, command: str
) -> None:
    pipe = tmp_path / ("out.xlsx" if command != "draft" else "out.yaml")
    os.mkfifo(pipe)
    args = {
        "report": ["report", "--actuals", str(EXAMPLES / "monthly"), "-o", str(pipe)],
        "template": ["template", "--period", "2023-06", "-o", str(pipe)],
        "draft": ["draft", str(REPO / "seeds" / "000_2ae2d6b944143d98.txt"), "-o", str(pipe)],
    }[command]
    result = cli(*args, "--force")
    assert result.exit_code == 2
    assert "[output-not-regular]" in result.stderr
