"""Folders: links (working, broken, looping, to devices), FIFOs, sockets, devices given as files,
thousands of files, unreadable and hidden files, lock files, sub-folders, odd names."""

from __future__ import annotations

import os
import socket
from collections.abc import Callable
from pathlib import Path

from ..harness import Case, Check, Setup, SkipCase
from ..kit import csv_text, every, judged, put, warned

C = "folders"
JUNE = csv_text("gdp_growth,2023-06,5.7")
RIGHT = judged("gdp_growth", "on_track", "5.7")


def _posix() -> None:
    if not hasattr(os, "mkfifo"):
        raise SkipCase("needs POSIX links and pipes")


def folder_case(
    name: str,
    expect: str,
    make: Callable[[Path], object],
    *,
    check: Check | None = None,
    codes: tuple[str, ...] = (),
    command: str = "diff",
    slow: bool = False,
    mentions: tuple[str, ...] = (),
) -> Case:
    """`make(actuals)` fills the folder `actuals/`; `diff actuals/` (or `status`) reads it."""

    def build(folder: Path) -> Setup:
        actuals = folder / "actuals"
        actuals.mkdir()
        make(actuals)
        args = (
            ["diff", str(actuals), "-f", "json"]
            if command == "diff"
            else ["status", "--actuals", str(actuals), "-f", "json", "--fail-on", "never"]
        )
        return Setup(
            args,
            check=check,
            mentions=mentions,
            keep=tuple(
                p
                for p in actuals.iterdir()
                if p.is_file() and not p.is_symlink() and not p.name.startswith("~")
            ),
        )

    return Case(C, name, expect, build, codes=codes, slow=slow)


def _good(actuals: Path) -> None:
    put(actuals, "2023-06.csv", JUNE)


def _link(actuals: Path) -> None:
    _posix()
    put(actuals.parent, "elsewhere.csv", JUNE)
    (actuals / "2023-06.csv").symlink_to(actuals.parent / "elsewhere.csv")


def _broken(actuals: Path) -> None:
    _posix()
    _good(actuals)
    (actuals / "gone.csv").symlink_to(actuals / "nowhere.csv")


def _loop(actuals: Path) -> None:
    _posix()
    _good(actuals)
    (actuals / "loop.csv").symlink_to(actuals / "loop.csv")
    (actuals / "a.csv").symlink_to(actuals / "b.csv")
    (actuals / "b.csv").symlink_to(actuals / "a.csv")


def _folder_loop(actuals: Path) -> None:
    _posix()
    _good(actuals)
    (actuals / "again").symlink_to(actuals, target_is_directory=True)
    (actuals / "up").symlink_to(actuals.parent, target_is_directory=True)


def _fifo(actuals: Path) -> None:
    _posix()
    _good(actuals)
    os.mkfifo(actuals / "2023-07.csv")


def _socket(actuals: Path) -> None:
    _posix()
    _good(actuals)
    server = socket.socket(socket.AF_UNIX)
    try:
        server.bind(str(actuals / "2023-07.csv"))
    except OSError as exc:  # a path too long for a socket
        raise SkipCase(f"cannot make a socket: {exc}") from exc
    finally:
        server.close()


def _device_link(actuals: Path) -> None:
    _posix()
    if not Path("/dev/zero").exists():
        raise SkipCase("no /dev/zero")
    _good(actuals)
    (actuals / "2023-07.csv").symlink_to("/dev/zero")
    (actuals / "2023-08.xlsx").symlink_to("/dev/urandom")


def _unreadable(actuals: Path) -> None:
    if not hasattr(os, "getuid") or os.getuid() == 0:
        raise SkipCase("root reads every file")
    _good(actuals)
    path = put(actuals, "2023-07.csv", JUNE)
    path.chmod(0)


def _unreadable_for_anyone(actuals: Path) -> None:
    """A link to a file that no one can read, root included (reading it fails with EIO)."""
    _posix()
    if not Path("/proc/self/mem").exists():
        raise SkipCase("no /proc/self/mem")
    _good(actuals)
    (actuals / "2023-07.csv").symlink_to("/proc/self/mem")


def _unreadable_folder(actuals: Path) -> None:
    if not hasattr(os, "getuid") or os.getuid() == 0:
        raise SkipCase("root reads every folder")
    _good(actuals)
    (actuals / "sub").mkdir()
    actuals.chmod(0o300)  # listed: no; entered: yes


def _hidden(actuals: Path) -> None:
    _good(actuals)
    put(actuals, ".2023-05.csv", csv_text("gdp_growth,2023-05,abc"))
    put(actuals, "~$2023-06.xlsx", b"lock")
    put(actuals, ".DS_Store", b"\x00\x00\x00\x01Bud1")
    put(actuals, "Thumbs.db", b"\xd0\xcf\x11\xe0")


def _other_files(actuals: Path) -> None:
    _good(actuals)
    put(actuals, "说明.txt", "本文件夹为六月数据\n")
    put(actuals, "2023-05.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")
    put(actuals, "notes.md", "# 六月\n")
    put(actuals, "noextension", JUNE)
    (actuals / "sub").mkdir()
    put(actuals / "sub", "2023-05.csv", csv_text("gdp_growth,2023-05,abc"))


def _txt_with_header(actuals: Path) -> None:
    put(actuals, "2023-06.txt", JUNE)


def _upper(actuals: Path) -> None:
    put(actuals, "2023-06.CSV", JUNE)


def _odd_names(actuals: Path) -> None:
    put(actuals, "2023-06 (副本)\n新.csv", JUNE)
    put(actuals, "-f json.csv", csv_text("graduates,2023-06,4.6"))
    put(actuals, "*?.csv", csv_text("urban_jobs,2023-06,3"))


def _escape_name_with_error(actuals: Path) -> None:
    _good(actuals)
    put(actuals, "坏\x1b]0;pwned\x07.csv", csv_text("graduates,2023-06,abc"))


def _many(count: int, *, kind: str = "csv") -> Callable[[Path], None]:
    def make(actuals: Path) -> None:
        _good(actuals)
        for i in range(count):
            if kind == "csv":
                put(actuals, f"part-{i:05d}.csv", csv_text("gdp_growth,2023-06,5.7"))
            else:
                put(actuals, f"note-{i:05d}.txt", "说明\n")

    return make


def _two_agree(actuals: Path) -> None:
    _good(actuals)
    put(actuals, "copy.csv", JUNE)


def _two_disagree(actuals: Path) -> None:
    _good(actuals)
    put(actuals, "copy.csv", csv_text("gdp_growth,2023-06,5.8"))


def _months(actuals: Path) -> None:
    put(actuals, "2023-05.csv", csv_text("gdp_growth,2023-05,5.4", "graduates,2023-05,3.8"))
    put(actuals, "2023-06.csv", csv_text("gdp_growth,2023-06,5.7", "graduates,2023-06,4.6"))


def _nothing(actuals: Path) -> None:
    put(actuals, "说明.txt", "说明\n")
    (actuals / "sub").mkdir()


def _empty_files(actuals: Path) -> None:
    put(actuals, "2023-06.csv", b"")
    put(actuals, "2023-07.csv", b"id,period,value\n")


def _mixed_bad(actuals: Path) -> None:
    _good(actuals)
    put(actuals, "2023-07.csv", csv_text("gdp_growth,2023-07,abc"))


def _xlsx_and_csv(actuals: Path) -> None:
    from ..workbook import simple

    _good(actuals)
    put(actuals, "2023-06.xlsx", simple(["graduates", "2023-06", 4.6]))


CASES: list[Case] = [
    folder_case("plain", "read", _good, check=RIGHT),
    folder_case("link-to-a-file", "read", _link, check=RIGHT),
    folder_case("broken-link", "read", _broken, check=every(RIGHT, warned("skipped"))),
    folder_case("looping-links", "read", _loop, check=every(RIGHT, warned("skipped"))),
    folder_case("folder-loops", "read", _folder_loop, check=every(RIGHT, warned("skipped"))),
    folder_case("fifo", "read", _fifo, check=every(RIGHT, warned("skipped"))),
    folder_case("socket", "read", _socket, check=every(RIGHT, warned("skipped"))),
    folder_case("links-to-devices", "read", _device_link, check=every(RIGHT, warned("skipped"))),
    folder_case("unreadable-file", "read", _unreadable, check=every(RIGHT, warned("skipped"))),
    folder_case(
        "unreadable-for-anyone",
        "refused",
        _unreadable_for_anyone,
        codes=("unreadable-file",),
        mentions=("2023-07.csv",),
    ),
    folder_case(
        "unlistable-folder", "refused", _unreadable_folder, codes=("no-actuals", "unreadable-file")
    ),
    folder_case("hidden-and-lock-files", "read", _hidden, check=RIGHT),
    folder_case("other-files", "read", _other_files, check=every(RIGHT, warned("skipped"))),
    folder_case("txt-with-header", "read", _txt_with_header, check=RIGHT),
    folder_case("upper-case-extension", "read", _upper, check=RIGHT),
    folder_case(
        "odd-names", "read", _odd_names, check=every(RIGHT, judged("graduates", "on_track", "4.6"))
    ),
    folder_case(
        "escape-in-a-name",
        "refused",
        _escape_name_with_error,
        codes=("not-a-number",),
        mentions=("\\x1b", "abc"),
    ),
    folder_case(
        "1000-files", "read", _many(999), check=every(RIGHT, warned("duplicate-row")), slow=True
    ),
    # Beyond the limit of a folder, the first 1,000 entries in name order are read, with a
    # warning naming the limit (README, Limits and trust).
    folder_case(
        "1001-files", "read", _many(1000), check=every(RIGHT, warned("skipped")), slow=True
    ),
    folder_case("5000-other-files", "read", _many(5000, kind="txt"), check=RIGHT, slow=True),
    folder_case("two-files-agree", "read", _two_agree, check=every(RIGHT, warned("duplicate-row"))),
    folder_case(
        "two-files-disagree",
        "refused",
        _two_disagree,
        codes=("conflicting-duplicate",),
        mentions=("copy.csv", "2023-06.csv"),
    ),
    folder_case("months", "read", _months, command="status"),
    folder_case("nothing-to-read", "refused", _nothing, codes=("no-actuals",)),
    folder_case(
        "only-empty-files",
        "refused",
        _empty_files,
        codes=("empty-file", "header-only", "no-figures"),
    ),
    folder_case(
        "one-bad-file",
        "refused",
        _mixed_bad,
        codes=("not-a-number",),
        mentions=("2023-07.csv", "abc"),
    ),
    folder_case(
        "xlsx-and-csv",
        "read",
        _xlsx_and_csv,
        check=every(RIGHT, judged("graduates", "on_track", "4.6")),
    ),
    folder_case("empty-folder", "refused", lambda actuals: None, codes=("no-actuals",)),
]


def _single(
    name: str,
    expect: str,
    make: Callable[[Path], list[str]],
    codes: tuple[str, ...] = (),
    check: Check | None = None,
    env: dict[str, str] | None = None,
    stdin: bytes | None = None,
) -> Case:
    def build(folder: Path) -> Setup:
        args = make(folder)
        return Setup(args, check=check, env=env or {}, stdin=stdin)

    return Case(C, name, expect, build, codes=codes)


def _fifo_file(folder: Path) -> list[str]:
    _posix()
    os.mkfifo(folder / "a.csv")
    return ["diff", str(folder / "a.csv")]


def _device(name: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        if not Path(name).exists():
            raise SkipCase(f"no {name}")
        return ["diff", name]

    return make


def _status_of(name: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        if not Path(name).exists():
            raise SkipCase(f"no {name}")
        return ["status", "--actuals", name]

    return make


def _filled(name: str) -> Callable[[Path], list[str]]:
    def make(folder: Path) -> list[str]:
        put(folder / name, "2023-06.csv", JUNE)
        return ["diff", "-f", "json"]

    return make


def _fifo_registry(folder: Path) -> list[str]:
    _posix()
    os.mkfifo(folder / "r.yaml")
    return ["--targets", str(folder / "r.yaml"), "targets"]


CASES += [
    _single("fifo-as-the-file", "refused", _fifo_file, codes=("unreadable-file",)),
    _single("dev-zero", "refused", _device("/dev/zero"), codes=("unreadable-file",)),
    _single("dev-null", "refused", _device("/dev/null"), codes=("unreadable-file",)),
    _single(
        "dev-urandom-for-status", "refused", _status_of("/dev/urandom"), codes=("unreadable-file",)
    ),
    _single(
        "missing-path",
        "refused",
        lambda f: ["diff", str(f / "nowhere.csv")],
        codes=("unreadable-file",),
    ),
    # A path's trailing slash is dropped, as by every Python program (pathlib).
    _single(
        "file-with-a-slash",
        "read",
        lambda f: ["diff", str(put(f, "a.csv", JUNE)) + "/", "-f", "json"],
        check=RIGHT,
    ),
    _single("default-folder-missing", "refused", lambda f: ["diff"], codes=("no-actuals",)),
    _single("default-folder", "read", _filled("actuals"), check=RIGHT),
    _single(
        "folder-from-environment",
        "read",
        _filled("elsewhere"),
        check=RIGHT,
        env={"REPORTCHECK_ACTUALS": "elsewhere"},
    ),
    _single(
        "environment-names-nothing",
        "refused",
        lambda f: ["diff"],
        codes=("no-actuals", "unreadable-file"),
        env={"REPORTCHECK_ACTUALS": "nowhere"},
    ),
    _single("stdin-empty", "refused", lambda f: ["diff", "-"], codes=("empty-file",), stdin=b""),
    _single(
        "stdin", "read", lambda f: ["diff", "-", "-f", "json"], check=RIGHT, stdin=JUNE.encode()
    ),
    _single(
        "folder-as-registry",
        "refused",
        lambda f: ["--targets", str(f), "targets"],
        codes=("registry-unreadable", "usage-error"),
    ),
    _single("fifo-as-registry", "refused", _fifo_registry, codes=("registry-unreadable",)),
]
