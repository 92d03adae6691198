"""Encodings: every file is read as the text it holds, or refused naming the encoding."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reportcheck.actuals import read_actuals
from reportcheck.model.encoding import EncodingProblemError, decode
from reportcheck.model.numbers import MINUS_SIGNS, NO, YES
from reportcheck.model.problems import ActualsError
from reportcheck.model.units import UNITS
from reportcheck.output.catalogue import message
from reportcheck.registry.records import Registry

NOTES_SIMPLIFIED = ["湖州市统计局", "上半年数据", "发展和改革委员会", "完成", "国家统计局快报"]
NOTES_TRADITIONAL = ["臺灣統計處", "上半年數據", "發展和改革委員會", "完成", "統計局快報"]


_CODECS = {"UTF-8": "utf-8", "GB18030/GBK": "gb18030", "Big5": "cp950", "Big5-HKSCS": "big5hkscs"}


def csv_text(notes: list[str]) -> str:
    rows = "".join(f"gdp_growth,2023-{m:02d},5.{m},{n}\n" for m, n in enumerate(notes, start=1))
    return "id,period,value,note\n" + rows


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(NOTES_SIMPLIFIED), min_size=1, max_size=5))
def test_gbk_text_is_read_as_gb18030(notes: list[str]) -> None:
    text = csv_text(notes)
    assert decode(text.encode("gbk")).text == text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(NOTES_TRADITIONAL), min_size=1, max_size=5))
def test_big5_text_is_read_as_big5_never_as_gb18030(notes: list[str]) -> None:
    text = csv_text(notes)
    decoded = decode(text.encode("big5"))
    assert (decoded.encoding, decoded.text) == ("Big5", text)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(NOTES_SIMPLIFIED + NOTES_TRADITIONAL), min_size=2, max_size=6),
    st.sampled_from(["gbk", "big5"]),
    st.data(),
)
def test_a_utf8_line_in_a_legacy_file_is_refused(
    notes: list[str], legacy: str, data: st.DataObject
) -> None:
    lines = csv_text(notes).splitlines(keepends=True)
    utf8_at = data.draw(st.integers(min_value=1, max_value=len(lines) - 1))
    chunks = []
    for number, line in enumerate(lines):
        try:
            chunks.append(line.encode("utf-8" if number == utf8_at else legacy))
        except UnicodeEncodeError:
            chunks.append(line.encode("utf-8" if number == utf8_at else "gb18030"))
    blob = b"".join(chunks)
    legacy_lines = [i for i, c in enumerate(chunks) if i != utf8_at and not c.isascii()]
    if not legacy_lines:
        return
    with pytest.raises(EncodingProblemError) as caught:
        decode(blob)
    assert re.search("mixes encodings", message(caught.value.problem, "en"))


@settings(max_examples=50, deadline=None)
@given(st.characters(min_codepoint=0xE000, max_codepoint=0xF8FF))
def test_private_use_code_points_are_refused(char: str) -> None:
    with pytest.raises(EncodingProblemError) as caught:
        decode(f"id,period,value,note\ngdp_growth,2023-06,5.7,{char}\n".encode())
    assert re.search(f"U\\+{ord(char):04X}", message(caught.value.problem, "en"))


#: Characters below, inside and above the private-use areas (U+E000-U+F8FF, planes 15 and 16).
_AROUND_PRIVATE = ["a", ",", "\n", "是", "\u9fa5", "\ue000", "\uf8ff", "\uf900", "（", "\uffff"]
_AROUND_PRIVATE += ["\U0001f600", "\U000effff", "\U000f0000", "\U0010fffd"]


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(_AROUND_PRIVATE), max_size=30))
def test_a_text_is_refused_for_a_private_use_code_point_and_for_no_other(note: str) -> None:
    """Wherever it stands among characters above and below it, the first private-use code point
    is named; a text without one is read."""
    text = f"id,period,value,note\ngdp_growth,2023-06,5.7,{note}\n"
    private = [c for c in text if 0xE000 <= ord(c) <= 0xF8FF or ord(c) >= 0xF0000]
    if not private:
        assert decode(text.encode()).text == text
        return
    with pytest.raises(EncodingProblemError) as caught:
        decode(text.encode())
    assert f"U+{ord(private[0]):04X}" in message(caught.value.problem, "en")


@settings(max_examples=40, deadline=None)
@given(st.binary(min_size=1, max_size=200).filter(lambda b: not b.isascii()))
def test_arbitrary_bytes_decode_cleanly_or_are_refused(blob: bytes) -> None:
    try:
        decoded = decode(blob)
    except EncodingProblemError as exc:
        said = message(exc.problem, "en")
    else:
        said = decoded.encoding
        assert decoded.text.encode(_CODECS[decoded.encoding]) == blob.removeprefix(b"\xef\xbb\xbf")
    assert "UTF-8" in said or "UTF-16" in said or said in _CODECS


def test_a_big5_file_is_judged_in_its_own_characters(registry: Registry) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "tw.csv"
        path.write_bytes("id,period,value,note\nenergy_saving,2023,完成,統計處\n".encode("big5"))
        (actual,) = read_actuals([path], registry).actuals
    assert (actual.value, actual.note) == (True, "統計處")


def test_shift_jis_is_refused_naming_the_encodings_tried(registry: Registry) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "jp.csv"
        path.write_bytes(
            "id,period,value,note\ngdp_growth,2023-06,5.7,東京都の統計です\n".encode("shift_jis")
        )
        with pytest.raises(ActualsError) as caught:
            read_actuals([path], registry)
    (problem,) = caught.value.problems
    assert problem.code == "wrong-encoding"
    assert "save it as CSV UTF-8" in message(problem, "en")


def _pool(leads: range, trails: list[int], codec: str) -> list[str]:
    """Every character of the given rows of a code page."""
    found = []
    for lead in leads:
        for trail in trails:
            try:
                found.append(bytes([lead, trail]).decode(codec))
            except UnicodeDecodeError:
                continue
    return found


#: GB2312's 6,763 characters and Big5's 5,401 frequently used ones.
GB2312 = _pool(range(0xB0, 0xF8), list(range(0xA1, 0xFF)), "gb2312")
BIG5 = _pool(range(0xA4, 0xC7), [*range(0x40, 0x7F), *range(0xA1, 0xFF)], "cp950")


#: What a file of actuals says in its cells: 是, 否, 完成, the units, minus signs.
CELL_WORDS = frozenset("".join([*YES, *NO, *UNITS, MINUS_SIGNS, "％．"]))


@settings(max_examples=300, deadline=None)
@example(("cp950", "誧"))
@given(
    st.sampled_from([("gb18030", GB2312), ("cp950", BIG5)]).flatmap(
        lambda pair: st.tuples(
            st.just(pair[0]), st.text(st.sampled_from(pair[1]), min_size=1, max_size=4)
        )
    )
)
def test_a_few_characters_are_read_right_or_refused_never_garbled(case: tuple[str, str]) -> None:
    """With one to four characters both scripts can read the bytes plausibly; reportcheck then
    refuses rather than guess. The two exceptions are stated in the README: bytes that are valid
    UTF-8 are read as UTF-8 (说 is CB B5, ˵; 一一一 is D2 BB three times, һһһ), and a GBK
    reading made only of a cell's own words wins (Big5 誧 is BB A7, GBK 户, a unit)."""
    codec, word = case
    text = csv_text([word])
    data = text.encode(codec)
    try:
        decoded = decode(data).text
    except EncodingProblemError as exc:
        refusal = message(exc.problem, "en")
    else:
        refusal = ""
    if refusal:
        assert "encoding is uncertain" in refusal
    elif decoded != text and decode(data).encoding == "UTF-8":  # valid UTF-8 wins
        assert data.decode("utf-8") == decoded
    elif decoded != text:  # a Big5 file whose reading in GBK is only a cell's own words
        assert (codec, decode(data).encoding) == ("cp950", "GB18030/GBK")
        assert data.decode("gb18030") == decoded
        assert all(c in CELL_WORDS for c in decoded if not c.isascii())


@pytest.mark.parametrize(
    ("text", "codec", "read_as"),
    [
        ("臺", "cp950", "Big5"),  # read as GBK it would be 籓
        ("臺灣統計處", "cp950", "Big5"),
        ("快报", "gb18030", None),  # in Big5 it would be 辦惆: uncertain
        ("否", "gb18030", "GB18030/GBK"),  # 瘁 in Big5, but 否 is a cell's own word
        ("家", "gb18030", "GB18030/GBK"),  # 模 in Big5, but 家 is a unit
        ("湖州市统计局", "gb18030", "GB18030/GBK"),
        ("km²", "utf-8", "UTF-8"),
        ("μg/m³", "utf-8", "UTF-8"),
    ],
)
def test_short_texts_are_read_in_their_own_encoding_or_refused(
    text: str, codec: str, read_as: str | None
) -> None:
    data = csv_text([text]).encode(codec)
    if read_as is None:
        with pytest.raises(EncodingProblemError) as caught:
            decode(data)
        assert re.search("encoding is uncertain", message(caught.value.problem, "en"))
    else:
        decoded = decode(data)
        assert (decoded.encoding, decoded.text) == (read_as, csv_text([text]))


def test_bytes_that_are_valid_utf8_are_read_as_utf8() -> None:
    """UTF-8 is tried first and wins when the bytes are valid UTF-8, as in every tool: a GBK
    file whose only Chinese is one or two characters that happen to be valid UTF-8 (说 is
    CB B5, ˵) is read as UTF-8. The README names this limit."""
    text = csv_text(["¥100 ˵"])
    assert decode(text.encode("utf-8")).text == text
