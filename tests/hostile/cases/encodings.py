"""Encodings: what Chinese-locale Excel, Notepad and old systems write, and what no text is."""

from __future__ import annotations

from pathlib import Path

from ..harness import Case, Check, Setup
from ..kit import actuals_case, diff, every, judged, put, says

HEADER = "id,period,value,source"
NOTE_ZH = "国家统计局湖州调查队"
NOTE_BIG5 = "國家統計局湖州調查隊"
ROWS_ZH = f"{HEADER}\ngdp_growth,2023-06,5.7,{NOTE_ZH}\ngraduates,2023-06,4.6,市人力社保局\n"
ROWS_BIG5 = f"{HEADER}\ngdp_growth,2023-06,5.7,{NOTE_BIG5}\ngraduates,2023-06,4.6,市人力社保局\n"
RIGHT = judged("gdp_growth", "on_track", "5.7")
RIGHT_ZH = every(RIGHT, says(NOTE_ZH), judged("graduates", "on_track", "4.6"))
C = "encodings"


def _read(name: str, data: bytes, *extra: str, check: Check = RIGHT_ZH, lang: str = "en") -> Case:
    return actuals_case(C, name, "read", data, check=check, extra=extra, lang=lang)


def _refused(
    name: str, data: bytes, *codes: str, extra: tuple[str, ...] = (), lang: str = "en"
) -> Case:
    return actuals_case(C, name, "refused", data, codes=codes, extra=extra, lang=lang)


def _stdin(name: str, data: bytes, check: Check = RIGHT_ZH) -> Case:
    def build(folder: Path) -> Setup:
        return diff("-", check=check, stdin=data)

    return Case(C, name, "read", build)


def _both_ways(name: str, data: bytes, expect: str, *codes: str) -> list[Case]:
    """The same bytes in each language (the refusal must be said in each)."""
    if expect == "read":
        return [_read(name, data), _read(name + "-zh", data, lang="zh")]
    return [_refused(name, data, *codes), _refused(name + "-zh", data, *codes, lang="zh")]


def _utf16(text: str, codec: str, bom: bytes) -> bytes:
    return bom + text.encode(codec)


CASES: list[Case] = [
    _read("utf-8", ROWS_ZH.encode()),
    _read("utf-8-bom", b"\xef\xbb\xbf" + ROWS_ZH.encode()),
    _read("utf-8-crlf", ROWS_ZH.replace("\n", "\r\n").encode()),
    _read("utf-8-bom-crlf", b"\xef\xbb\xbf" + ROWS_ZH.replace("\n", "\r\n").encode()),
    _read("cr-only-line-ends", ROWS_ZH.replace("\n", "\r").encode()),
    _read("no-final-newline", ROWS_ZH.rstrip("\n").encode()),
    _read("ascii-only", b"id,period,value\ngdp_growth,2023-06,5.7\n", check=RIGHT),
    *_both_ways("gbk", ROWS_ZH.encode("gbk"), "read"),
    _read("gbk-crlf", ROWS_ZH.replace("\n", "\r\n").encode("gbk")),
    _read("gb18030-beyond-gbk", (ROWS_ZH + "urban_jobs,2023-06,3,𠀀㐀€\n").encode("gb18030")),
    _read("gb18030-stated", ROWS_ZH.encode("gb18030"), "--encoding", "gb18030"),
    _read("gbk-stated", ROWS_ZH.encode("gbk"), "--encoding", "gbk"),
    _read(
        "big5",
        ROWS_BIG5.encode("big5"),
        check=every(RIGHT, says(NOTE_BIG5), judged("graduates", "on_track", "4.6")),
    ),
    _read(
        "big5-stated",
        ROWS_BIG5.encode("big5"),
        "--encoding",
        "big5",
        check=every(RIGHT, says(NOTE_BIG5)),
    ),
    _read("utf-8-stated", ROWS_ZH.encode(), "--encoding", "utf-8"),
    _read(
        "utf-8-bom-stated-gbk",
        b"\xef\xbb\xbf" + b"id,period,value\ngdp_growth,2023-06,5.7\n",
        "--encoding",
        "utf-8",
        check=RIGHT,
    ),
    _stdin("stdin-utf-8", ROWS_ZH.encode()),
    _stdin("stdin-gbk", ROWS_ZH.encode("gbk")),
    _stdin("stdin-utf-8-bom", b"\xef\xbb\xbf" + ROWS_ZH.encode()),
    *_both_ways(
        "utf-16-le-bom", _utf16(ROWS_ZH, "utf-16-le", b"\xff\xfe"), "refused", "wrong-encoding"
    ),
    _refused("utf-16-be-bom", _utf16(ROWS_ZH, "utf-16-be", b"\xfe\xff"), "wrong-encoding"),
    _refused("utf-16-le-no-bom", ROWS_ZH.encode("utf-16-le"), "wrong-encoding", "wrong-file-type"),
    _refused("utf-32", ROWS_ZH.encode("utf-32"), "wrong-encoding", "wrong-file-type"),
    *_both_ways(
        "mixed-utf-8-and-gbk",
        ROWS_ZH.encode() + "urban_jobs,2023-06,3,市人力社保局\n".encode("gbk"),
        "refused",
        "wrong-encoding",
    ),
    _refused(
        "gbk-then-utf-8-line",
        ROWS_ZH.encode("gbk") + "urban_jobs,2023-06,3,市人力社保局\n".encode(),
        "wrong-encoding",
    ),
    _refused(
        "invalid-bytes",
        ROWS_ZH.encode() + b"urban_jobs,2023-06,3,\xff\xfe\xfd\x80\n",
        "wrong-encoding",
        "wrong-file-type",
    ),
    *_both_ways(
        "nul-in-a-cell",
        b"id,period,value,note\ngdp_growth,2023-06,5.7,a\x00b\n",
        "refused",
        "wrong-file-type",
    ),
    _refused("nul-everywhere", b"\x00" * 4096, "wrong-file-type", "empty-file"),
    _refused(
        "private-use-only",
        (
            "id,period,value,note\ngdp_growth,2023-06,5.7," + "\ue000\ue001\ue002\ue003" + "\n"
        ).encode(),
        "wrong-encoding",
    ),
    _refused(
        "shift-jis",
        (HEADER + "\ngdp_growth,2023-06,5.7,統計局のデータです\n").encode("shift_jis"),
        "wrong-encoding",
    ),
    _refused(
        "ebcdic",
        ROWS_ZH.encode("utf-8").decode("latin-1").encode("cp500", "replace"),
        "wrong-file-type",
        "wrong-encoding",
        "missing-column",
    ),
    _refused(
        "utf-8-stated-on-gbk",
        ROWS_ZH.encode("gbk"),
        "wrong-encoding",
        extra=("--encoding", "utf-8"),
    ),
    _refused(
        "big5-stated-on-utf-16",
        _utf16(ROWS_ZH, "utf-16-le", b"\xff\xfe"),
        "wrong-encoding",
        extra=("--encoding", "big5"),
    ),
    _refused("bom-then-gbk", b"\xef\xbb\xbf" + ROWS_ZH.encode("gbk"), "wrong-encoding"),
    _refused(
        "ambiguous-gbk-or-big5",
        "id,period,value,source\ngdp_growth,2023-06,5.7,快报\n".encode("gbk"),
        "wrong-encoding",
    ),
    _refused("empty", b"", "empty-file"),
    _refused("bom-only", b"\xef\xbb\xbf", "empty-file"),
    _refused("blank-lines-only", b"\n\n\r\n\n", "empty-file", "missing-column"),
    _refused("header-only", b"id,period,value\n", "header-only", "no-figures"),
    _refused("png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "wrong-file-type"),
    _refused("gzip", b"\x1f\x8b\x08\x00" + bytes(range(256)) * 4, "wrong-file-type"),
    _refused(
        "pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n" + bytes(range(256)),
        "wrong-file-type",
        "wrong-encoding",
    ),
    # An old DOS end-of-file mark: a last row whose id is \x1a, named as such.
    _refused("ctrl-z-at-the-end", ROWS_ZH.encode() + b"\x1a", "wrong-file-type", "unknown-id"),
]


def _named(folder: Path) -> Setup:
    path = put(folder, "六月数据(快报)\u202e.csv", ROWS_ZH)
    return diff(path, check=RIGHT_ZH, keep=(path,))


def _named_gbk_refused(folder: Path) -> Setup:
    path = put(folder, "坏\x1b[2J文件.csv", b"id,period,value\ngdp_growth,2023-06,abc\n")
    return Setup(["diff", str(path)], keep=(path,), mentions=("文件.csv", "abc"))


CASES += [
    Case(C, "file-name-chinese-and-bidi", "read", _named),
    Case(C, "file-name-with-escape", "refused", _named_gbk_refused, codes=("not-a-number",)),
]
