"""report: the pack written onto its own inputs (by path, hard link or symbolic link), onto a
pipe, a device or a folder, onto a full disk or a folder it cannot write, over an earlier pack
with and without --force, and light bands that are no numbers (1e999999). A refused write
leaves every file as it was and nothing behind."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from ..harness import Case, Check, Outcome, Setup, SkipCase
from ..kit import csv_text, put

C = "report"
FIGURES = csv_text("gdp_growth,2023-06,5.7", "graduates,2023-06,4.6")
OLD = b"an earlier pack, with the office's notes typed into it\n"


def _wrote(name: str) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        path = outcome.folder / name
        if not path.is_file() or path.stat().st_size < 100:
            return f"{name} not written whole"
        return None

    return check


def report_case(
    name: str,
    expect: str,
    place: Callable[[Path, Path], tuple[str, ...]],
    *,
    codes: tuple[str, ...] = (),
    check: Check | None = None,
    file_size: int | None = None,
    lang: str = "en",
    keep_old: bool = True,
) -> Case:
    """`place(folder, actuals)` makes the scene and gives the arguments after `report`."""

    def build(folder: Path) -> Setup:
        actuals = put(folder, "actuals/2023-06.csv", FIGURES)
        args = place(folder, actuals)
        keep = [actuals]
        old = folder / "old.html"
        if keep_old and old.exists():
            keep.append(old)
        return Setup(
            ["report", "--actuals", str(actuals.parent), *args],
            check=check,
            keep=tuple(keep),
            file_size=file_size,
        )

    return Case(C, name, expect, build, codes=codes, lang=lang)


def out(name: str) -> Callable[[Path, Path], tuple[str, ...]]:
    return lambda folder, actuals: ("-o", str(folder / name))


def _hard_link(folder: Path, actuals: Path) -> tuple[str, ...]:
    os.link(actuals, folder / "pack.csv")
    return ("-o", str(folder / "pack.csv"), "--force")


def _symlink(folder: Path, actuals: Path) -> tuple[str, ...]:
    (folder / "pack.csv").symlink_to(actuals)
    return ("-o", str(folder / "pack.csv"), "--force")


def _registry_link(folder: Path, actuals: Path) -> tuple[str, ...]:
    from ..kit import registry, registry_text

    path = registry(folder, registry_text())
    os.link(path, folder / "pack.md")
    return ("--targets", str(path), "-o", str(folder / "pack.md"), "--force")


def _fifo(folder: Path, actuals: Path) -> tuple[str, ...]:
    if not hasattr(os, "mkfifo"):
        raise SkipCase("needs POSIX pipes")
    os.mkfifo(folder / "pack.csv")
    return ("-o", str(folder / "pack.csv"), "--force")


def _device(folder: Path, actuals: Path) -> tuple[str, ...]:
    if not Path("/dev/null").exists():
        raise SkipCase("no /dev/null")
    (folder / "pack.html").symlink_to("/dev/null")
    return ("-o", str(folder / "pack.html"), "--force")


def _folder(folder: Path, actuals: Path) -> tuple[str, ...]:
    (folder / "pack.html").mkdir()
    return ("-o", str(folder / "pack.html"), "--force")


def _existing(force: bool) -> Callable[[Path, Path], tuple[str, ...]]:
    def place(folder: Path, actuals: Path) -> tuple[str, ...]:
        put(folder, "old.html", OLD)
        return ("-o", str(folder / "old.html"), *(("--force",) if force else ()))

    return place


def _full(fmt: str) -> Callable[[Path, Path], tuple[str, ...]]:
    def place(folder: Path, actuals: Path) -> tuple[str, ...]:
        put(folder, f"old.{fmt}", OLD)
        return ("-o", str(folder / f"old.{fmt}"), "--force")

    return place


def _full_new(fmt: str) -> Callable[[Path, Path], tuple[str, ...]]:
    """A new file on a full disk (a pack that reads typed text back replaces only a pack)."""

    def place(folder: Path, actuals: Path) -> tuple[str, ...]:
        return ("-o", str(folder / f"new.{fmt}"))

    return place


def _read_only(folder: Path, actuals: Path) -> tuple[str, ...]:
    if not Path("/proc/self").exists():
        raise SkipCase("no /proc")
    return ("-o", "/proc/self/pack.html")


def _in_actuals(folder: Path, actuals: Path) -> tuple[str, ...]:
    return ("-o", str(actuals.parent / "pack.csv"))


def _link_elsewhere(force: bool) -> Callable[[Path, Path], tuple[str, ...]]:
    def place(folder: Path, actuals: Path) -> tuple[str, ...]:
        put(folder, "elsewhere/old.html", OLD)
        (folder / "pack.html").symlink_to(folder / "elsewhere" / "old.html")
        return ("-o", str(folder / "pack.html"), *(("--force",) if force else ()))

    return place


def _linked_written(outcome: Outcome) -> str | None:
    link, target = outcome.folder / "pack.html", outcome.folder / "elsewhere" / "old.html"
    if not link.is_symlink():
        return "the link was replaced by a file"
    return None if target.read_bytes() != OLD else "the file the link names was not written"


def _nothing_left(name: str) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        return f"{name} was left half-written" if (outcome.folder / name).exists() else None

    return check


def _old_kept(name: str) -> Callable[[Outcome], str | None]:
    def check(outcome: Outcome) -> str | None:
        return None if (outcome.folder / name).read_bytes() == OLD else f"{name} changed"

    return check


def _bad_actuals(folder: Path, actuals: Path) -> tuple[str, ...]:
    put(folder, "old.html", OLD)
    actuals.write_text(csv_text("gdp_growth,2023-06,abc"), encoding="utf-8")
    return ("-o", str(folder / "old.html"), "--force")


def bands(value: str, expect: str, codes: tuple[str, ...] = ("bad-bands",)) -> Case:
    check = _wrote("pack.md") if expect == "read" else None
    return report_case(
        f"bands-{value}",
        expect,
        lambda f, a: ("-o", str(f / "pack.md"), "--bands", value),
        codes=codes,
        check=check,
    )


CASES: list[Case] = [
    *(
        report_case(f"writes-{fmt}", "read", out(f"pack.{fmt}"), check=_wrote(f"pack.{fmt}"))
        for fmt in ("docx", "xlsx", "html", "md", "csv")
    ),
    report_case(
        "into-missing-folders", "refused", out("a/b/pack.html"), codes=("unwritable-file",)
    ),
    report_case("upper-case-suffix", "read", out("pack.HTML"), check=_wrote("pack.HTML")),
    report_case(
        "onto-the-actuals",
        "refused",
        lambda f, a: ("-o", str(a), "--force"),
        codes=("output-is-input", "output-in-actuals", "bad-output"),
    ),
    report_case(
        "onto-a-hard-link-of-the-actuals", "refused", _hard_link, codes=("output-is-input",)
    ),
    report_case(
        "onto-a-symlink-to-the-actuals",
        "refused",
        _symlink,
        codes=("output-is-input", "output-in-actuals"),
    ),
    report_case(
        "onto-a-hard-link-of-the-registry", "refused", _registry_link, codes=("output-is-input",)
    ),
    report_case("into-the-actuals-folder", "refused", _in_actuals, codes=("output-in-actuals",)),
    report_case("onto-a-pipe", "refused", _fifo, codes=("output-not-regular",)),
    report_case("onto-a-device", "refused", _device, codes=("output-not-regular",)),
    report_case("onto-a-folder", "refused", _folder, codes=("output-not-regular", "usage-error")),
    report_case("over-an-earlier-pack", "refused", _existing(False), codes=("file-exists",)),
    report_case(
        "zh-over-an-earlier-pack", "refused", _existing(False), codes=("file-exists",), lang="zh"
    ),
    report_case(
        "over-an-earlier-pack-forced",
        "read",
        _existing(True),
        check=_wrote("old.html"),
        keep_old=False,
    ),
    report_case(
        "through-a-link-without-force",
        "refused",
        _link_elsewhere(False),
        codes=("file-exists",),
        check=_old_kept("elsewhere/old.html"),
    ),
    report_case("through-a-link-forced", "read", _link_elsewhere(True), check=_linked_written),
    report_case("bad-actuals-keep-the-old-pack", "refused", _bad_actuals, codes=("not-a-number",)),
    report_case("read-only-folder", "refused", _read_only, codes=("unwritable-file",)),
    report_case("name-too-long", "refused", out("p" * 300 + ".html"), codes=("unwritable-file",)),
    report_case("unknown-format", "refused", out("pack.pdf"), codes=("bad-output",)),
    report_case("no-suffix", "refused", out("pack"), codes=("bad-output",)),
    report_case(
        "escape-in-the-name", "read", out("pack\x1b[2J.html"), check=_wrote("pack\x1b[2J.html")
    ),
    *(
        report_case(
            f"disk-full-{fmt}",
            "refused",
            _full(fmt),
            codes=("unwritable-file",),
            file_size=2048,
            keep_old=False,
            check=_old_kept(f"old.{fmt}"),
        )
        for fmt in ("html", "md")
    ),
    *(
        report_case(
            f"disk-full-{fmt}",
            "refused",
            _full_new(fmt),
            codes=("unwritable-file",),
            file_size=2048,
            check=_nothing_left(f"new.{fmt}"),
        )
        for fmt in ("docx", "xlsx", "csv")
    ),
    bands("5", "read"),
    bands("10,30", "read"),
    bands("0", "read"),
    bands("１０,３０", "read"),
    bands("30,10", "refused"),
    bands("-5", "refused"),
    bands("abc", "refused"),
    bands("10,30,50", "refused"),
    bands("nan", "refused"),
    bands("inf", "refused"),
    bands("1e999999", "refused"),
    bands("1e-999999", "refused"),
    bands("99999999999999999999", "refused"),
    bands("", "refused", ("bad-bands", "usage-error")),
    report_case(
        "period-bad",
        "refused",
        lambda f, a: ("-o", str(f / "p.md"), "--period", "2023-13"),
        codes=("bad-period",),
    ),
    report_case(
        "final-in-june",
        "read",
        lambda f, a: ("-o", str(f / "p.md"), "--final"),
        check=_wrote("p.md"),
    ),
]


# ── the pack's filters, and the template, which writes over files an office has filled ───────


def _leads(folder: Path) -> Setup:
    """Responsible units named like the filter's own words: each keeps an option of its own."""
    from ..kit import ENTRIES, registry, registry_text

    entries = ENTRIES.replace("    tolerance: 0.5\n", "    tolerance: 0.5\n    lead: '-'\n", 1)
    entries = entries.replace("    value: 9\n", "    value: 9\n    lead: none\n", 1)
    path = registry(folder, registry_text(entries))
    figures = put(folder, "actuals.csv", FIGURES)

    def check(outcome: Outcome) -> str | None:
        import re

        text = (outcome.folder / "pack.html").read_text(encoding="utf-8")
        select = re.search(r'data-filter="lead">(.*?)</select>', text, re.S)
        if select is None:
            return "no filter of responsible units"
        values = re.findall(r'<option value="([^"]*)"', select.group(1))
        return None if len(values) == len(set(values)) == 4 else f"options {values}"

    return Setup(
        [
            "--targets",
            str(path),
            "report",
            "--actuals",
            str(figures),
            "-o",
            str(folder / "pack.html"),
        ],
        check=check,
    )


def template_case(
    name: str,
    expect: str,
    scene: Callable[[Path], tuple[Path, ...]],
    codes: tuple[str, ...] = (),
    check: Check | None = None,
) -> Case:
    """`scene(folder)` gives the -o file and the files that must stay as they are."""

    def build(folder: Path) -> Setup:
        output, *keep = scene(folder)
        return Setup(
            ["template", "--period", "2023-06", "-o", str(output)], keep=tuple(keep), check=check
        )

    return Case(C, f"template-{name}", expect, build, codes=codes)


def _filled(folder: Path) -> tuple[Path, ...]:
    path = put(folder, "2023-06.csv", FIGURES)
    return path, path


def _template_fifo(folder: Path) -> tuple[Path, ...]:
    if not hasattr(os, "mkfifo"):
        raise SkipCase("needs POSIX pipes")
    os.mkfifo(folder / "2023-06.csv")
    return (folder / "2023-06.csv",)


def _template_link_to_filled(folder: Path) -> tuple[Path, ...]:
    path = put(folder, "filled/2023-06.xlsx", b"")
    from ..workbook import simple

    path.write_bytes(simple(["gdp_growth", "2023-06", 5.7]))
    (folder / "2023-06.xlsx").symlink_to(path)
    return folder / "2023-06.xlsx", path


def _template_written(outcome: Outcome) -> str | None:
    path = outcome.folder / "new" / "2023-06.csv"
    return None if path.is_file() and path.stat().st_size > 1000 else "no template written"


CASES += [
    Case(C, "leads-named-like-the-filter", "read", _leads),
    template_case("over-filled-figures", "refused", _filled, codes=("file-has-values",)),
    template_case(
        "over-a-link-to-filled-figures",
        "refused",
        _template_link_to_filled,
        codes=("file-has-values",),
    ),
    template_case("onto-a-pipe", "refused", _template_fifo, codes=("output-not-regular",)),
    template_case(
        "into-new-folders",
        "read",
        lambda folder: (folder / "new" / "2023-06.csv",),
        check=_template_written,
    ),
]
