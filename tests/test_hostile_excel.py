"""Excel: formulas without values, figures on other sheets, literal % and broken workbooks."""

from __future__ import annotations

import io
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from reportcheck.actuals import read_actuals
from reportcheck.actuals.table import read_tables
from reportcheck.actuals.xlsx import _cell_text, is_percent_format
from reportcheck.model.numbers import format_decimal
from reportcheck.model.problems import ActualsError
from reportcheck.output.catalogue import message
from reportcheck.registry.records import Registry


def workbook(path: Path, *sheets: list[list[object]], fmt: dict[str, str] | None = None) -> Path:
    book = Workbook()
    first = book.active
    assert first is not None
    for index, rows in enumerate(sheets):
        sheet = first if index == 0 else book.create_sheet(f"S{index + 1}")
        for row in rows:
            sheet.append(row)
        if index == 0:
            for ref, number_format in (fmt or {}).items():
                sheet[ref].number_format = number_format
    book.save(path)
    return path


def errors(path: Path, registry: Registry) -> list[tuple[str, str | None, int | None]]:
    with pytest.raises(ActualsError) as caught:
        read_actuals([path], registry)
    return [(p.code, p.file, p.line) for p in caught.value.problems if p.severity == "error"]


HEAD: list[object] = ["id", "period", "value"]


def test_a_formula_without_a_computed_value_is_named_not_no_data(
    tmp_path: Path, registry: Registry
) -> None:
    path = workbook(tmp_path / "f.xlsx", [HEAD, ["gdp_growth", "2023-06", "=1+4.7"]])
    assert errors(path, registry) == [("formula-without-value", str(path), 2)]


def test_figures_on_a_second_sheet_are_read(tmp_path: Path, registry: Registry) -> None:
    path = workbook(
        tmp_path / "two.xlsx",
        [HEAD, ["gdp_growth", "2023-06", 5.7]],
        [HEAD, ["fai_growth", "2023-06", 8.1]],
    )
    values = {a.id: a.value for a in read_actuals([path], registry).actuals}
    assert values == {"gdp_growth": Decimal("5.7"), "fai_growth": Decimal("8.1")}


def test_figures_on_a_sheet_without_header_are_refused(tmp_path: Path, registry: Registry) -> None:
    path = workbook(tmp_path / "two.xlsx", [HEAD, ["gdp_growth", "2023-06", 5.7]], [["增速", 8.1]])
    assert errors(path, registry) == [("sheet-without-header", f"{path} [S2]", 1)]


def test_a_notes_sheet_is_skipped_with_a_warning(tmp_path: Path, registry: Registry) -> None:
    path = workbook(tmp_path / "n.xlsx", [HEAD, ["gdp_growth", "2023-06", 5.7]], [["说明"]])
    warnings = read_actuals([path], registry).warnings
    assert [(w.code, "'S2'" in message(w, "en")) for w in warnings] == [("skipped", True)]


@pytest.mark.parametrize(
    ("number_format", "shown"),
    [
        ('0.0"%"', Decimal("12.6")),
        ("0.0\\%", Decimal("12.6")),
        ('0.0" %"', Decimal("12.6")),
        ("0.0%", Decimal("1260")),
        ("[Red]0.0%", Decimal("1260")),
        ("General", Decimal("12.6")),
    ],
)
def test_only_a_real_percent_format_scales(
    tmp_path: Path, registry: Registry, number_format: str, shown: Decimal
) -> None:
    path = workbook(
        tmp_path / "p.xlsx", [HEAD, ["fai_growth", "2023-06", 12.6]], fmt={"C2": number_format}
    )
    (actual,) = read_actuals([path], registry).actuals
    assert actual.value == shown


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet='0.#,"%\\[]Red _*-;', max_size=20))
def test_percent_detection_ignores_quoted_and_escaped_text(number_format: str) -> None:
    literal = f'"{number_format.replace(chr(34), "")}"'
    assert not is_percent_format(literal)
    assert is_percent_format(f"{literal}0%")


@settings(max_examples=400, deadline=None)
@given(
    st.one_of(
        st.floats(),
        st.sampled_from([0.0, -0.0, 0.5, -0.057, 1e16, 1.5e-5, 123456789012345678.0, 2023.1]),
    ),
    st.sampled_from(["General", "0.0", "0.0%", '0.0"%"', "0%;-0%", "0;0%;0%"]),
)
def test_a_float_reads_as_its_fifteen_digits_written_plainly(value: float, fmt: str) -> None:
    """A float's text is the decimal of its 15 significant digits in plain notation, times 100
    under a % format: the same whether or not its digits are already plain."""
    number = Decimal(format(value, ".15g"))
    scaled = is_percent_format(fmt, (value > 0) - (value < 0))
    expected = format_decimal(number * 100) + "%" if scaled else format_decimal(number)
    assert _cell_text(value, fmt) == expected


def _broken(sheet_xml: bytes) -> bytes:
    buffer = io.BytesIO()
    Workbook().save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = sheet_xml
            target.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize(
    "sheet_xml",
    [
        b"<worksheet><sheetData><row r='1'><c r='A1' t='s'><v>99</v></c></row>",
        b"\x00\x01 not xml",
        b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
        b"<sheetData><row r='x'><c r='??'><v>1</v></c></row></sheetData></worksheet>",
    ],
)
def test_a_malformed_sheet_is_a_wrong_file_type(
    tmp_path: Path, registry: Registry, sheet_xml: bytes
) -> None:
    path = tmp_path / "bad.xlsx"
    path.write_bytes(_broken(sheet_xml))
    assert [code for code, _, _ in errors(path, registry)] == ["wrong-file-type"]


def test_a_declared_million_rows_are_refused_before_reading(tmp_path: Path) -> None:
    dimension = (
        b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
        b"<dimension ref='A1:C1048576'/><sheetData><row r='1048576'><c r='A1048576'>"
        b"<v>1</v></c></row></sheetData></worksheet>"
    )
    path = tmp_path / "big.xlsx"
    path.write_bytes(_broken(dimension))
    (table,) = read_tables(path)
    assert [p.code for p in table.problems] == ["too-large"]
    assert "1048576 rows" in message(table.problems[0], "en")


def test_a_huge_unpacked_part_is_refused_before_parsing(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/sharedStrings.xml", b"<sst>" + b"a" * (65 * 1024 * 1024))
    path = tmp_path / "bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    (table,) = read_tables(path)
    assert [p.code for p in table.problems] == ["too-large"]
    assert "xl/sharedStrings.xml" in message(table.problems[0], "en")


def _understated(sheet_xml: bytes, stated: int) -> bytes:
    """A workbook whose sheet's headers state `stated` bytes unpacked, whatever it holds."""
    data = bytearray(_broken(sheet_xml))
    name = b"xl/worksheets/sheet1.xml"
    for signature, name_at, size_at in ((b"PK\x03\x04", 30, 22), (b"PK\x01\x02", 46, 24)):
        at = data.find(signature)
        while data[at + name_at : at + name_at + len(name)] != name:
            at = data.find(signature, at + 1)
        data[at + size_at : at + size_at + 4] = stated.to_bytes(4, "little")
    return bytes(data)


def test_a_part_that_holds_more_than_its_headers_state_is_refused_unread(tmp_path: Path) -> None:
    """The size limits trust the stated sizes; reading stops where the statement ends."""
    sheet = b"<worksheet>" + b" " * 500_000 + b"</worksheet>"
    path = tmp_path / "lie.xlsx"
    path.write_bytes(_understated(sheet, 1000))
    (table,) = read_tables(path)
    assert [p.code for p in table.problems] == ["wrong-file-type"]
    assert "(xl/worksheets/sheet1.xml: Bad CRC-32" in message(table.problems[0], "en")


def test_a_workbook_whose_parts_are_as_stated_passes_the_size_check(tmp_path: Path) -> None:
    from reportcheck.actuals.xlsx import _unpack_parts

    archive = zipfile.ZipFile(io.BytesIO(_broken(b"<worksheet><sheetData/></worksheet>")))
    assert _unpack_parts(archive, archive.infolist()).broken is None


def test_a_workbook_holds_no_more_text_than_a_csv_file_may(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reportcheck.actuals import xlsx

    monkeypatch.setattr(xlsx, "MAX_TEXT_CHARS", 100)
    rows: list[list[object]] = [["id", "period", "value", "note"]]
    rows += [["gdp_growth", "2023-06", 5.7, "说明" * 10] for _ in range(5)]
    (table,) = read_tables(workbook(tmp_path / "notes.xlsx", rows))
    assert [p.code for p in table.problems] == ["too-large"]
    assert "beyond 100 characters" in message(table.problems[0], "en")


def test_a_formula_tag_cut_between_two_pieces_is_found(monkeypatch: pytest.MonkeyPatch) -> None:
    from reportcheck.actuals import xlsx

    sheet = b"<worksheet><sheetData>" + b" " * 37 + b"<f>A1*2</f></sheetData></worksheet>"
    archive = zipfile.ZipFile(io.BytesIO(_broken(sheet)))
    for piece in (16, 60, 61, 62, 4096):  # the tag starts at byte 59
        monkeypatch.setattr(xlsx, "_PIECE", piece)
        assert xlsx._unpack_parts(archive, archive.infolist()).formulas, piece
    plain = zipfile.ZipFile(io.BytesIO(_broken(b"<worksheet><sheetData/></worksheet>")))
    assert not xlsx._unpack_parts(plain, plain.infolist()).formulas


#: Text a workbook can hold: XML 1.0 refuses most C0 controls and reads a raw carriage return
#: as a line feed, and openpyxl writes text that starts with = as a formula.
_XML_TEXT = st.text(
    st.characters(
        blacklist_categories=("Cs", "Co", "Cn"),
        blacklist_characters="".join(chr(c) for c in range(32) if c not in (9, 10)),
    ),
    max_size=30,
).filter(lambda text: not text.startswith("="))


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.one_of(
                st.decimals(places=4, min_value=-(10**9), max_value=10**9).map(float),
                st.integers(min_value=-(10**12), max_value=10**12),
                _XML_TEXT,
            ),
            _XML_TEXT,
        ),
        min_size=1,
        max_size=12,
    )
)
def test_generated_cells_are_read_as_excel_shows_them(rows: list[tuple[object, str]]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = workbook(
            Path(folder) / "g.xlsx",
            [["id", "period", "value", "note"], *(["x", "2023-06", v, n] for v, n in rows)],
        )
        (table,) = read_tables(path)
    assert table.problems == []
    assert [line for line, _ in table.rows] == list(range(2, len(rows) + 2))
    for (value, note), (_, cells) in zip(rows, table.rows, strict=True):
        assert cells[3] == (note or "")
        if isinstance(value, float):
            assert Decimal(cells[2]) == Decimal(format(value, ".15g"))
        elif isinstance(value, int):
            assert Decimal(cells[2]) == value
        else:
            assert cells[2] == value


def test_a_formula_without_value_in_an_ignored_column_changes_nothing(
    tmp_path: Path, registry: Registry
) -> None:
    path = workbook(
        tmp_path / "f.xlsx",
        [[*HEAD, "target"], ["gdp_growth", "2023-06", 5.7, "=6*1"]],
    )
    (actual,) = read_actuals([path], registry).actuals
    assert actual.value == Decimal("5.7")


def test_many_parts_that_unpack_beyond_the_limit_are_refused(tmp_path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for n in range(3):
            archive.writestr(f"xl/worksheets/sheet{n}.xml", b" " * (50 * 1024 * 1024))
    path = tmp_path / "parts.xlsx"
    path.write_bytes(buffer.getvalue())
    (table,) = read_tables(path)
    assert [p.code for p in table.problems] == ["too-large"]
    assert "at most 128 MiB" in message(table.problems[0], "en")


def test_a_formula_sheet_declaring_a_million_rows_is_too_large_not_broken(tmp_path: Path) -> None:
    sheet = (
        b"<worksheet xmlns='http://schemas.openxmlformats.org/spreadsheetml/2006/main'>"
        b"<dimension ref='A1:C1048576'/><sheetData><row r='1'><c r='A1'><f>1+1</f></c></row>"
        b"</sheetData></worksheet>"
    )
    path = tmp_path / "f.xlsx"
    path.write_bytes(_broken(sheet))
    (table,) = read_tables(path)
    assert [p.code for p in table.problems] == ["too-large"]
