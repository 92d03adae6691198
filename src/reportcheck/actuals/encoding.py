"""Which encoding a CSV file is in, decided from its bytes, or refused with the reason.

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

#: Codecs tried for text that is not UTF-8, with the name a message gives them.
_LEGACY = (("gb18030", "GB18030/GBK"), ("cp950", "Big5"), ("big5hkscs", "Big5-HKSCS"))
#: Share of a legacy decode's non-ASCII characters that must be common in its script.
_PLAUSIBLE = 0.8
_PRIVATE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010ffff]")


class EncodingProblemError(ValueError):
    """The bytes cannot be decoded with confidence; the message says why."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


class Decoded(msgspec.Struct, frozen=True):
    text: str
    encoding: str  # the name a message gives it, e.g. "UTF-8", "GB18030/GBK", "Big5"


def decode(data: bytes) -> Decoded:
    """Decode the bytes of a CSV file; raises EncodingProblemError naming what was found."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise EncodingProblemError(
            "is UTF-16 text; save it as CSV UTF-8 (or CSV from a Chinese-locale Excel, GB18030)"
        )
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
        raise EncodingProblemError(
            f"is not text in UTF-8 or a Chinese encoding ({tried}); save it as CSV UTF-8"
        )
    best = max(score for score, _ in found)
    if best < _PLAUSIBLE:
        names = " or ".join(d.encoding for _, d in found)
        raise EncodingProblemError(
            f"reads as {names} only with unusual characters, so its encoding is uncertain "
            "(a Japanese or Korean file?); save it as CSV UTF-8"
        )
    tied = [decoded for score, decoded in found if score >= best - 0.05]
    first = tied[0]
    others = [d for d in tied[1:] if d.text != first.text]
    if others and not _vocabulary_only(first.text):
        # A few characters can read as common in both scripts (臺 in Big5 is 籓 in GBK, 家 in
        # GBK is 模 in Big5); with so little to go on, either reading could be a garbling.
        shown = " or ".join(f"{d.encoding} ({_sample(d.text)})" for d in (first, others[0]))
        raise EncodingProblemError(
            f"reads as {shown} equally well, so its encoding is uncertain; save it as CSV UTF-8"
        )
    return first


def _refuse_private_use(text: str, encoding: str) -> None:
    found = _private_use(text)
    if found is not None:
        line, char = found
        raise EncodingProblemError(
            f"decodes as {encoding} to the private-use character U+{ord(char):04X} on line "
            f"{line}, which no statistics table holds; the file is probably in another "
            "encoding: save it as CSV UTF-8",
            line,
        )


def _private_use(text: str) -> tuple[int, str] | None:
    match = _PRIVATE.search(text)
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
                f"mixes encodings: line {utf8_line} is UTF-8 but line {other_line} is not "
                "(GB18030/GBK or Big5?); save the whole file as CSV UTF-8",
                max(utf8_line, other_line),
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
