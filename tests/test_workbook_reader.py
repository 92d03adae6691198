"""The .xlsx reader of the standard library: what Excel, WPS, LibreOffice and scripts write is
read as Excel shows it, and what no workbook holds is refused."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook as OpenpyxlWorkbook

from reportcheck.actuals import workbook as reader
from reportcheck.actuals.raw import RawTable
from reportcheck.actuals.table import read_tables
from reportcheck.actuals.xlsx import read_workbook

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def package(
    sheet: str,
    *,
    strings: list[str] | None = None,
    styles: str = "",
    workbook_pr: str = "",
    prefix: str = "",
) -> bytes:
    """A workbook of one sheet from its XML, as a program other than openpyxl may write it."""
    p = f"{prefix}:" if prefix else ""
    xmlns = f'xmlns{":" + prefix if prefix else ""}="{MAIN}"'
    parts = {
        "[Content_Types].xml": "<Types/>",
        "_rels/.rels": (
            f'<Relationships xmlns="{PKG}"><Relationship Id="rId1" '
            f'Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>'
        ),
        "xl/workbook.xml": (
            f'<{p}workbook {xmlns} xmlns:r="{REL}">{workbook_pr}<{p}sheets>'
            f'<{p}sheet name="Data" sheetId="1" r:id="rId1"/></{p}sheets></{p}workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{REL}/styles" Target="/xl/styles.xml"/>'
            "</Relationships>"
        ),
        "xl/worksheets/sheet1.xml": (
            f"<{p}worksheet {xmlns}><{p}sheetData>{sheet}</{p}sheetData></{p}worksheet>"
        ),
        "xl/sharedStrings.xml": (
            f"<{p}sst {xmlns}>"
            + "".join(
                f"<{p}si>{s}</{p}si>" if s.startswith("<") else f"<{p}si><{p}t>{s}</{p}t></{p}si>"
                for s in strings or []
            )
            + f"</{p}sst>"
        ),
        "xl/styles.xml": f"<{p}styleSheet {xmlns}>{styles}</{p}styleSheet>",
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8"))
    return buffer.getvalue()


def cells(data: bytes) -> list[list[str]]:
    (table,) = read_workbook(data, RawTable("w.xlsx"))
    assert table.problems == [], table.problems
    return [table.header, *(row for _, row in table.rows)]


def refused(data: bytes) -> list[str]:
    tables = read_workbook(data, RawTable("w.xlsx"))
    return [p.code for t in tables for p in t.problems]


HEADER = (
    '<row r="1"><c r="A1" t="inlineStr"><is><t>id</t></is></c>'
    '<c r="B1" t="inlineStr"><is><t>period</t></is></c>'
    '<c r="C1" t="inlineStr"><is><t>value</t></is></c></row>'
)


def test_shared_strings_rich_text_and_phonetic_guides() -> None:
    strings = ["id", "period", "value", "gdp_growth", "<r><t>2023</t></r><r><t>-06</t></r>"]
    sheet = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>'
        '<c r="C1" t="s"><v>2</v></c></row>'
        '<row r="2"><c r="A2" t="s"><v>3</v></c><c r="B2" t="s"><v>4</v></c>'
        '<c r="C2"><v>5.7</v></c></row>'
    )
    assert cells(package(sheet, strings=strings)) == [
        ["id", "period", "value"],
        ["gdp_growth", "2023-06", "5.7"],
    ]
    guided = package(
        '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
        strings=["<r><t>湖州</t></r><rPh sb='0' eb='2'><t>フーチョウ</t></rPh>"],
    )
    assert cells(guided) == [["湖州"]]


def test_cells_without_references_rows_with_gaps_and_rows_out_of_order() -> None:
    sheet = (
        HEADER
        + '<row><c t="inlineStr"><is><t>a</t></is></c><c/><c><v>1</v></c></row>'
        + '<row r="5"><c r="C5"><v>2</v></c></row>'
        + '<row r="4"><c r="A4"><v>9</v></c></row>'  # before the row above: Excel shows none
    )
    assert cells(package(sheet)) == [
        ["id", "period", "value"],
        ["a", "", "1"],
        ["", "", ""],
        ["", "", ""],
        ["", "", "2"],
    ]


def test_booleans_errors_formula_strings_and_iso_dates() -> None:
    sheet = (
        HEADER + '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#N/A</v></c>'
        '<c r="C2" t="str"><f>A1&amp;"x"</f><v>idx</v></c><c r="D2" t="d"><v>2023-06-30</v></c>'
        "</row>"
    )
    assert cells(package(sheet))[1] == ["true", "#N/A", "idx", "2023-06"]


DATE_STYLES = (
    '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;"/>'
    '</numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>'
    '<xf numFmtId="10"/></cellXfs>'
)


@pytest.mark.parametrize(
    ("workbook_pr", "serial"), [("", "45107"), ('<workbookPr date1904="1"/>', "43645")]
)
def test_dates_are_numbers_in_a_date_format_from_either_epoch(
    workbook_pr: str, serial: str
) -> None:
    sheet = (
        HEADER + f'<row r="2"><c r="A2" s="1"><v>{serial}</v></c><c r="B2" s="2"><v>{serial}'
        '</v></c><c r="C2" s="3"><v>0.057</v></c></row>'
    )
    assert cells(package(sheet, styles=DATE_STYLES, workbook_pr=workbook_pr))[1] == [
        "2023-06",
        "2023-06",
        "5.7%",
    ]


def test_a_prefixed_namespace_reads_the_same() -> None:
    sheet = '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>id</x:t></x:is></x:c></x:row>'
    assert cells(package(sheet, prefix="x")) == [["id"]]


def test_a_shared_formula_without_values_names_its_formula(tmp_path: Path) -> None:
    sheet = (
        HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>gdp_growth</t></is></c>'
        '<c r="B2" t="inlineStr"><is><t>2023-06</t></is></c>'
        '<c r="C2"><f t="shared" ref="C2:C3" si="0">D2*2</f></c></row>'
        '<row r="3"><c r="A3" t="inlineStr"><is><t>fai_growth</t></is></c>'
        '<c r="B3" t="inlineStr"><is><t>2023-06</t></is></c><c r="C3"><f t="shared" si="0"/></c>'
        "</row>"
    )
    (table,) = read_workbook(package(sheet), RawTable("w.xlsx"))
    found = [(p.code, p.line, p.value) for p in table.problems]
    assert found == [
        ("formula-without-value", 2, "=D2*2"),
        ("formula-without-value", 3, "=D2*2"),
    ]


@pytest.mark.parametrize(
    "sheet",
    [
        '<row r="1"><c r="A1" t="s"><v>-1</v></c></row>',  # no string has a negative number
        '<row r="1"><c r="A1" t="s"><v>7</v></c></row>',
        '<row r="1"><c r="1A"><v>1</v></c></row>',
        '<row r="1"><c r="A1" t="zz"><v>1</v></c></row>',
        '<row r="1"><c r="A1" t="d"><v>June</v></c></row>',
    ],
)
def test_cells_no_workbook_holds_are_a_wrong_file_type(sheet: str) -> None:
    assert refused(package(sheet, strings=["id"])) == ["wrong-file-type"]


def test_a_document_type_declaration_is_refused_before_any_entity_grows() -> None:
    laughs = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        + "".join(
            f'<!ENTITY lol{i} "{f"&lol{i - 1};" * 10 if i else "&lol;" * 10}">' for i in range(9)
        )
        + f']><worksheet xmlns="{MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>'
        "<t>&lol8;</t></is></c></row></sheetData></worksheet>"
    )
    data = package("")
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            body = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                body = laughs.encode()
            target.writestr(item, body)
    tables = read_workbook(out.getvalue(), RawTable("w.xlsx"))
    (problem,) = [p for t in tables for p in t.problems]
    assert problem.code == "wrong-file-type"
    assert "document type declaration" in str(problem.params)


def test_a_large_sheet_is_streamed_and_reads_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = OpenpyxlWorkbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["id", "period", "value", "note"])
    for n in range(300):
        sheet.append(["gdp_growth", "2023-06", n / 7, f"备注 {n}" if n % 3 else None])
    path = tmp_path / "big.xlsx"
    book.save(path)
    whole = read_tables(path)
    monkeypatch.setattr(reader, "WHOLE", 0)  # every part streamed, a piece at a time
    monkeypatch.setattr(reader, "PIECE", 97)
    streamed = read_tables(path)
    assert [(t.header, t.rows, t.problems) for t in streamed] == [
        (t.header, t.rows, t.problems) for t in whole
    ]
    assert len(whole[0].rows) == 300


def test_the_template_and_the_pack_read_back_through_the_reader(tmp_path: Path) -> None:
    from decimal import Decimal

    from reportcheck.output.workbook import Style, Workbook

    book = Workbook()
    sheet = book.add("actuals")
    sheet.append(["id", "period", "value", "note"], Style(bold=True))
    sheet.append(["gdp_growth", "2023-06", Decimal("5.7"), "=not a formula"])
    sheet.append(["graduates", "2023-06", 5, "  spaces kept  "])
    sheet.append(["x", "2023-06", True, "控制字符\x01"])
    path = tmp_path / "ours.xlsx"
    path.write_bytes(book.to_bytes())
    (table,) = read_tables(path)
    assert [row for _, row in table.rows] == [
        ["gdp_growth", "2023-06", "5.7", "=not a formula"],
        ["graduates", "2023-06", "5", "  spaces kept  "],
        ["x", "2023-06", "true", "控制字符\\x01"],
    ]
