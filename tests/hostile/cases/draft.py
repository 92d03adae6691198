"""draft: reports in every encoding and in none, devices and pipes given as the report, texts
built to be slow or large (8 MiB, 10,000 clauses, a number of a million digits), text that
would break the YAML it is drafted into (quotes, markup, control characters), and -o onto the
report itself. A draft is written whole or not at all, and a draft always loads."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from ..harness import Case, Outcome, Setup, SkipCase
from ..kit import SEEDS, put

C = "draft"
PLAN = "二、2023年工作安排\n今年地区生产总值增长6%左右,引进大学生9万名以上,新建公园12个。\n"
REPORT = "一、2022年工作回顾\n地区生产总值增长3.3%。\n" + PLAN
TRADITIONAL = (
    "一、2022年工作回顧\n地區生產總值增長3.3%。\n二、2023年工作安排\n"
    "今年地區生產總值增長6%左右,引進大學生9萬名以上,新建公園12個。\n"
)


def _loads(output: str = "draft.yaml", *words: str) -> Callable[[Outcome], str | None]:
    """The draft was written, holds `words`, and loads: `lint` finds no error in it."""

    def check(outcome: Outcome) -> str | None:
        path = outcome.folder / output
        if not path.is_file():
            return f"{output} was not written"
        text = path.read_text(encoding="utf-8")
        missing = [w for w in words if w not in text]
        if missing:
            return f"the draft lacks {missing!r}"
        env = {**os.environ, "LANG": "en_US.UTF-8", "REPORTCHECK_NO_CACHE": "1"}
        linted = subprocess.run(
            [sys.executable, "-m", "reportcheck", "lint", str(path)],
            check=False,
            capture_output=True,
            text=True,
            env=env,
            cwd=outcome.folder,
            timeout=120,
        )
        if linted.returncode != 0:
            errors = [line for line in linted.stdout.splitlines() if ": error:" in line]
            return f"the draft does not load: {(errors or [linted.stderr])[0][:200]}"
        return None

    return check


def draft_case(
    name: str,
    expect: str,
    data: bytes | Callable[[Path], Path],
    *args: str,
    codes: tuple[str, ...] = (),
    words: tuple[str, ...] = (),
    slow: bool = False,
    xfail: str | None = None,
    lang: str = "en",
) -> Case:
    def build(folder: Path) -> Setup:
        report = data(folder) if callable(data) else put(folder, "report.txt", data)
        output = ["-o", str(folder / "draft.yaml")] if "-o" not in args else []
        keep = (report,) if report.is_file() else ()
        check = _loads("draft.yaml", *words) if expect == "read" else None
        return Setup(["draft", str(report), *output, *args], check=check, keep=keep)

    return Case(C, name, expect, build, codes=codes, slow=slow, xfail=xfail, lang=lang)


def _seed(folder: Path) -> Path:
    return put(folder, "report.txt", (SEEDS / "000_2ae2d6b944143d98.txt").read_bytes())


def _fifo(folder: Path) -> Path:
    if not hasattr(os, "mkfifo"):
        raise SkipCase("needs POSIX pipes")
    os.mkfifo(folder / "report.txt")
    return folder / "report.txt"


def _device(name: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        if not Path(name).exists():
            raise SkipCase(f"no {name}")
        return Path(name)

    return make


def _sparse(size: int) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        path = put(folder, "report.txt", PLAN)
        with path.open("r+b") as stream:
            stream.truncate(size)
        return path

    return make


def _big(fill: str, size: int = 8 << 20) -> bytes:
    """PLAN, then `fill` repeated to `size` bytes in all."""
    head = PLAN.encode()
    unit = fill.encode()
    body = unit * ((size - len(head)) // len(unit))
    return head + body + b"\n" * (size - len(head) - len(body))


def _output_onto_report(how: str) -> Callable[[Path], Path]:
    def make(folder: Path) -> Path:
        report = put(folder, "report.txt", REPORT)
        if how == "hard-link":
            os.link(report, folder / "draft.yaml")
        elif how == "symlink":
            (folder / "draft.yaml").symlink_to(report)
        return report

    return make


CASES: list[Case] = [
    draft_case("shipped-report", "read", _seed, words=("地区生产总值",)),
    draft_case("utf-8", "read", REPORT.encode(), words=("地区生产总值增长6%左右",)),
    draft_case("zh-utf-8", "read", REPORT.encode(), words=("地区生产总值增长6%左右",), lang="zh"),
    draft_case(
        "utf-8-bom", "read", b"\xef\xbb\xbf" + REPORT.encode(), words=("地区生产总值增长6%左右",)
    ),
    draft_case(
        "crlf", "read", REPORT.replace("\n", "\r\n").encode(), words=("地区生产总值增长6%左右",)
    ),
    draft_case("gbk", "read", REPORT.encode("gbk"), words=("地区生产总值增长6%左右",)),
    draft_case(
        "gb18030", "read", (REPORT + "𠀀\n").encode("gb18030"), words=("地区生产总值增长6%左右",)
    ),
    draft_case(
        "big5",
        "read",
        TRADITIONAL.encode("big5"),
        words=("地區生產總值增長6%左右",),
    ),
    draft_case(
        "big5-with-year",
        "read",
        TRADITIONAL.encode("big5"),
        "--year",
        "2023",
        words=("地區生產總值增長6%左右",),
    ),
    draft_case(
        "utf-16",
        "refused",
        b"\xff\xfe" + REPORT.encode("utf-16-le"),
        codes=("report-encoding", "draft-no-year"),
    ),
    draft_case(
        "binary", "refused", bytes(range(256)) * 64, codes=("report-encoding", "draft-no-year")
    ),
    draft_case("empty", "refused", b"", codes=("draft-no-year", "report-encoding", "draft-empty")),
    draft_case("fifo", "refused", _fifo, codes=("report-unreadable",)),
    draft_case("dev-zero", "refused", _device("/dev/zero"), codes=("report-unreadable",)),
    draft_case("dev-urandom", "refused", _device("/dev/urandom"), codes=("report-unreadable",)),
    draft_case(
        "folder", "refused", lambda folder: folder, codes=("report-unreadable", "usage-error")
    ),
    draft_case(
        "missing",
        "refused",
        lambda folder: folder / "none.txt",
        codes=("report-unreadable", "usage-error"),
    ),
    draft_case("sparse-gigabyte", "refused", _sparse(1 << 30), codes=("report-too-large",)),
    draft_case(
        "just-beyond-8-mib",
        "refused",
        _big("今年新建公园12个。", (8 << 20) + 1),
        codes=("report-too-large",),
    ),
    draft_case("8-mib-of-line-breaks", "read", _big("\n"), slow=True),
    draft_case("8-mib-of-spaces", "read", _big(" "), slow=True),
    draft_case("8-mib-of-commas", "read", _big(","), slow=True),
    draft_case("8-mib-of-quotation-marks", "read", _big("“"), slow=True),
    draft_case("8-mib-of-numerals", "read", _big("一二三四五六七八九十百千万亿"), slow=True),
    draft_case("8-mib-of-one-figure", "read", _big("9"), slow=True),
    draft_case(
        "8-mib-of-commitments",
        "refused",
        _big("新建公园12个,"),
        codes=("draft-too-large",),
        slow=True,
    ),
    draft_case(
        "10000-clauses",
        "refused",
        (PLAN + "今年" + ",".join(f"新建公园{i}个" for i in range(10_000)) + "。\n").encode(),
        codes=("draft-too-large",),
    ),
    draft_case(
        "2000-clauses",
        "read",
        (PLAN + "今年" + ",".join(f"新建公园{i}个" for i in range(2_000)) + "。\n").encode(),
    ),
    draft_case(
        "60000-numbers",
        "refused",
        (PLAN + "今年" + "".join(f"{i}、" for i in range(60_000)) + "。\n").encode(),
        codes=("draft-too-large",),
    ),
    draft_case(
        "million-digit-figure",
        "read",
        (PLAN + "今年引进人才" + "9" * 1_000_001 + "名以上。\n").encode(),
        words=("地区生产总值增长6%左右",),
    ),
    draft_case(
        "5000-digit-figure",
        "read",
        (PLAN + "今年引进人才" + "9" * 5000 + "名以上。\n").encode(),
        words=("地区生产总值增长6%左右",),
    ),
    draft_case(
        "long-clause", "read", (PLAN + "今年" + "推进" * 3000 + "新建公园12个。\n").encode()
    ),
    draft_case(
        "control-characters",
        "read",
        (PLAN + "今年新建\x1b[2J学校8所,引进\x07人才\x00100名以上。\n").encode(),
        words=("地区生产总值增长6%左右",),
    ),
    draft_case("bidi", "read", (PLAN + "今年新建\u202e学校8所。\n").encode()),
    draft_case(
        "rich-markup",
        "read",
        (PLAN + "今年[bold]新建学校8所[/bold],[link=x]引进人才100名以上[/link]。\n").encode(),
        words=("新建学校8所", "引进人才100名以上"),
    ),
    draft_case(
        "yaml-breakers",
        "read",
        (
            PLAN + '今年新建"学校"8所: 其中\\n #注 &a *a !!python/object'
            " {x}【y】 - 人才100名以上。\n"
        ).encode(),
    ),
    draft_case(
        "no-year", "refused", "今年地区生产总值增长6%左右。\n".encode(), codes=("draft-no-year",)
    ),
    draft_case(
        "zh-no-year",
        "refused",
        "今年地区生产总值增长6%左右。\n".encode(),
        codes=("draft-no-year",),
        lang="zh",
    ),
    draft_case("year-given", "read", "今年地区生产总值增长6%左右。\n".encode(), "--year", "2023"),
    draft_case("year-zero", "refused", REPORT.encode(), "--year", "0", codes=("bad-year",)),
    draft_case("year-huge", "refused", REPORT.encode(), "--year", "99999", codes=("bad-year",)),
    draft_case("year-words", "refused", REPORT.encode(), "--year", "今年", codes=("usage-error",)),
    draft_case(
        "onto-the-report",
        "refused",
        lambda folder: put(folder, "report.txt", REPORT),
        "-o",
        "report.txt",
        "--force",
        codes=("output-is-input",),
    ),
    draft_case(
        "onto-a-hard-link-of-the-report",
        "refused",
        _output_onto_report("hard-link"),
        "--force",
        codes=("output-is-input",),
    ),
    draft_case(
        "onto-a-symlink-to-the-report",
        "refused",
        _output_onto_report("symlink"),
        "--force",
        codes=("output-is-input",),
    ),
    draft_case(
        "over-a-registry",
        "refused",
        lambda folder: (
            put(folder, "draft.yaml", "checked: true\n"),
            put(folder, "report.txt", REPORT),
        )[1],
        codes=("file-exists",),
    ),
]


def _to_fifo(folder: Path) -> Setup:
    if not hasattr(os, "mkfifo"):
        raise SkipCase("needs POSIX pipes")
    report = put(folder, "report.txt", REPORT)
    os.mkfifo(folder / "draft.yaml")
    return Setup(
        ["draft", str(report), "-o", str(folder / "draft.yaml"), "--force"], keep=(report,)
    )


def _to_stdout(folder: Path) -> Setup:
    report = put(folder, "report.txt", REPORT)

    def check(outcome: Outcome) -> str | None:
        import yaml

        data = yaml.safe_load(outcome.out)
        return None if data["targets"] else "no targets on standard output"

    return Setup(["draft", str(report)], check=check, keep=(report,))


def _disk_full(folder: Path) -> Setup:
    report = put(folder, "report.txt", REPORT)
    old = put(folder, "draft.yaml", "# checked by hand\n" * 10)
    return Setup(
        ["draft", str(report), "-o", str(old), "--force"], keep=(report, old), file_size=100
    )


CASES += [
    Case(C, "onto-a-pipe", "refused", _to_fifo, codes=("output-not-regular",)),
    Case(C, "to-standard-output", "read", _to_stdout),
    Case(C, "disk-full", "refused", _disk_full, codes=("unwritable-file",)),
]
