"""Which encoding a text is in (a CSV file of actuals, a report), decided from its bytes, or
refused with the reason.

Excel and WPS write CSV as UTF-8 (with or without a BOM) or in the locale's code page: GBK /
GB18030 on the mainland, Big5 (code page 950) in Taiwan and Hong Kong. GB18030 decodes almost
any byte sequence, so a successful decode proves nothing: Big5 bytes decode as GB18030 into
kana, Cyrillic and rare characters. The candidates are therefore judged by what they decode to:
the common characters of their own script, and no private-use code points.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

import msgspec

from reportcheck.model.problems import Problem, problem

#: Codecs tried for text that is not UTF-8, with the name a message gives them.
_LEGACY = (("gb18030", "GB18030/GBK"), ("cp950", "Big5"), ("big5hkscs", "Big5-HKSCS"))
#: The encodings a user may state (--encoding), each with the codecs that read it, in order,
#: and the name a message gives it. GB18030 reads every GBK file; Windows writes Big5 as cp950.
STATED = {
    "utf-8": (("utf-8-sig",), "UTF-8"),
    "gbk": (("gb18030",), "GB18030/GBK"),
    "gb18030": (("gb18030",), "GB18030/GBK"),
    "big5": (("cp950", "big5hkscs"), "Big5"),
}
#: Share of a legacy decode's non-ASCII characters that must be common in its script.
_PLAUSIBLE = 0.8
#: The private-use areas (the BMP's and planes 15-16), as text: re compiles it (0.4 ms, for its
#: astral range) only for a text that reaches U+E000, which most stop below.
_PRIVATE = "[\ue000-\uf8ff\U000f0000-\U0010ffff]"


class EncodingProblemError(ValueError):
    """The bytes cannot be decoded with confidence: `problem` says why (wrong-encoding)."""

    def __init__(self, found: Problem) -> None:
        super().__init__(found.variant)
        self.problem = found


class Decoded(msgspec.Struct, frozen=True):
    text: str
    encoding: str  # the name a message gives it, e.g. "UTF-8", "GB18030/GBK", "Big5"


def decode(data: bytes, stated: str | None = None) -> Decoded:
    """Decode the bytes of a text; raises EncodingProblemError naming what was found.

    `stated` is an encoding of STATED the user names: the bytes are read in it or refused.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise EncodingProblemError(problem("wrong-encoding", "utf-16"))
    if stated is not None:
        return _decode_stated(data, stated)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    else:
        _refuse_private_use(text, "UTF-8")
        return Decoded(text, "UTF-8")
    _refuse_mixed(data)
    found: list[tuple[float, Decoded]] = []
    for codec, name in _LEGACY:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        if _private_use(text) is None:
            found.append((_common_share(text, codec), Decoded(text, name)))
    if not found:
        tried = ", ".join(name for _, name in _LEGACY)
        raise EncodingProblemError(problem("wrong-encoding", "not-text", tried=tried))
    best = max(score for score, _ in found)
    if best < _PLAUSIBLE:
        names = ", ".join(d.encoding for _, d in found)
        raise EncodingProblemError(problem("wrong-encoding", "unusual", names=names))
    tied = [decoded for score, decoded in found if score >= best - 0.05]
    first = tied[0]
    others = [d for d in tied[1:] if d.text != first.text]
    if others and not _vocabulary_only(first.text):
        # A few characters can read as common in both scripts (臺 in Big5 is 籓 in GBK, 家 in
        # GBK is 模 in Big5); with so little to go on, either reading could be a garbling.
        raise EncodingProblemError(
            problem(
                "wrong-encoding",
                "uncertain",
                first=first.encoding,
                first_sample=_sample(first.text),
                second=others[0].encoding,
                second_sample=_sample(others[0].text),
            )
        )
    return first


def _decode_stated(data: bytes, stated: str) -> Decoded:
    """The bytes read in the encoding the user names, or refused naming the first line that is
    not in it."""
    codecs, name = STATED[stated]
    first_error: UnicodeDecodeError | None = None
    for codec in codecs:
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            first_error = first_error or exc
            continue
        _refuse_private_use(text, name)
        return Decoded(text, name)
    assert first_error is not None
    line = data.count(b"\n", 0, first_error.start) + 1
    raise EncodingProblemError(
        problem("wrong-encoding", "stated", line=line, encoding=name, option=stated)
    )


def _refuse_private_use(text: str, encoding: str) -> None:
    found = _private_use(text)
    if found is not None:
        line, char = found
        raise EncodingProblemError(
            problem(
                "wrong-encoding",
                "private-use",
                line=line,
                encoding=encoding,
                char=f"U+{ord(char):04X}",
                at=line,
            )
        )


def _private_use(text: str) -> tuple[int, str] | None:
    if not text or max(text) < "\ue000":
        return None
    match = re.search(_PRIVATE, text)
    if match is None:
        return None
    return text.count("\n", 0, match.start()) + 1, match.group()


def _refuse_mixed(data: bytes) -> None:
    """A file with some lines in UTF-8 and others not was pasted together; refuse it."""
    utf8_line = other_line = None
    for number, line in enumerate(data.splitlines(), start=1):
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            other_line = other_line or number
        else:
            if any(ord(c) >= 0x800 for c in text):
                utf8_line = utf8_line or number
        if utf8_line and other_line:
            raise EncodingProblemError(
                problem(
                    "wrong-encoding",
                    "mixed",
                    line=max(utf8_line, other_line),
                    utf8_line=utf8_line,
                    other_line=other_line,
                )
            )


def _vocabulary_only(text: str) -> bool:
    """Whether every non-ASCII character of the mainland reading is one a file of actuals says
    in its cells (是, 否, 完成, a unit such as 家 or 万元, a minus sign): then the reading is
    the file's own, even when Big5 would also read it plausibly (否 is 瘁 in Big5)."""
    return all(c in _vocabulary() for c in text if not c.isascii())


@cache
def _vocabulary() -> frozenset[str]:
    from reportcheck.model.numbers import MINUS_SIGNS, NO, YES
    from reportcheck.model.units import UNITS

    return frozenset("".join([*YES, *NO, *UNITS, MINUS_SIGNS, "％．"]))


def _sample(text: str) -> str:
    """The first few non-ASCII characters of a decode, to show what each reading gives."""
    return "".join(c for c in text if not c.isascii())[:6]


def _common_share(text: str, codec: str) -> float:
    """Share of the non-ASCII characters that are common in the codec's script."""
    counts = Counter(text)  # counted in C; only the few distinct characters are kept
    for char in [c for c in counts if c.isascii()]:
        del counts[char]
    if not counts:
        return 1.0
    common = _gb_common if codec == "gb18030" else _big5_common
    return sum(n for c, n in counts.items() if common(c)) / sum(counts.values())


@cache
def _gb_common(char: str) -> bool:
    """In GB2312's punctuation rows or its 6,763 characters, or only GB18030 has it.

    A character GB18030 writes in four bytes cannot come from Big5 bytes (whose second byte is
    never a digit), so it proves the encoding rather than casting doubt on it.
    """
    code = char.encode("gb18030")
    if len(code) == 4:
        return True
    # GB2312's own area: both bytes from A1 (a trail byte below that is GBK's extension, where
    # Big5 characters such as 臺 land when read as GBK).
    return (
        len(code) == 2 and code[1] >= 0xA1 and (0xA1 <= code[0] <= 0xA3 or 0xB0 <= code[0] <= 0xF7)
    )


@cache
def _big5_common(char: str) -> bool:
    """In Big5's punctuation rows or its 5,401 frequently used characters (A440-C67E)."""
    try:
        code = char.encode("big5")
    except UnicodeEncodeError:
        return False
    return len(code) == 2 and (0xA1 <= code[0] <= 0xA3 or 0xA4 <= code[0] <= 0xC6)
