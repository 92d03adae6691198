"""Workbooks: what Excel, WPS and scripts write (dates, percentages, shared strings, merged cells,
many sheets), what they never should (formulas without values, bombs, lying sizes, entities),
and what is no workbook (.xls, encrypted packages, text named .xlsx)."""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.worksheet.worksheet import Worksheet

from ..harness import Case, Check, Setup
from ..kit import actuals_case, diff, every, judged, put, warned
from ..workbook import HEADER, STYLES, sheet, simple, workbook

if TYPE_CHECKING:
    from openpyxl import Workbook

C = "workbooks"
ROW: list[object] = ["gdp_growth", "2023-06", 5.7]
RIGHT = judged("gdp_growth", "on_track", "5.7")


def read(
    name: str,
    data: bytes,
    check: Check = RIGHT,
    *,
    file: str = "actuals.xlsx",
    slow: bool = False,
    lang: str = "en",
) -> Case:
    return actuals_case(C, name, "read", data, check=check, file=file, slow=slow, lang=lang)


def refused(
    name: str,
    data: bytes,
    *codes: str,
    file: str = "actuals.xlsx",
    slow: bool = False,
    mentions: tuple[str, ...] = (),
    lang: str = "en",
) -> Case:
    return actuals_case(
        C, name, "refused", data, codes=codes, file=file, slow=slow, mentions=mentions, lang=lang
    )


def _bomb(size: int, *, lie: int | None = None) -> bytes:
    """A workbook whose sheet unpacks to `size` bytes of blanks inside its rows; with `lie`, its
    headers state `lie` bytes instead."""
    head = sheet([HEADER, ROW]).split("</sheetData>")[0]
    buffer = io.BytesIO()
    base = workbook([("Sheet1", sheet([HEADER, ROW]))])
    with (
        zipfile.ZipFile(io.BytesIO(base)) as source,
        zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as out,
    ):
        for info in source.infolist():
            if info.filename != "xl/worksheets/sheet1.xml":
                out.writestr(info.filename, source.read(info.filename))
        with out.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as stream:
            stream.write(head.encode())
            chunk = b" " * (1 << 20)
            for _ in range(size >> 20):
                stream.write(chunk)
            stream.write(b"</sheetData></worksheet>")
    data = buffer.getvalue()
    if lie is None:
        return data
    return _lie_about(data, "xl/worksheets/sheet1.xml", lie)


def _lie_about(data: bytes, name: str, size: int) -> bytes:
    """`data` with the uncompressed size of part `name` stated as `size` in both its headers."""
    raw = bytearray(data)
    encoded = name.encode()
    local = raw.find(b"PK\x03\x04" + raw[4:4])  # first local header
    while local != -1:
        length = struct.unpack_from("<H", raw, local + 26)[0]
        if raw[local + 30 : local + 30 + length] == encoded:
            struct.pack_into("<I", raw, local + 22, size)
        local = raw.find(b"PK\x03\x04", local + 4)
    central = raw.find(b"PK\x01\x02")
    while central != -1:
        length = struct.unpack_from("<H", raw, central + 28)[0]
        if raw[central + 46 : central + 46 + length] == encoded:
            struct.pack_into("<I", raw, central + 24, size)
        central = raw.find(b"PK\x01\x02", central + 4)
    return bytes(raw)


def _declared(dimension: str, rows: int | None = None) -> bytes:
    head = f'<dimension ref="{dimension}"/>'
    body: list[list[object]] = [HEADER, ROW]
    xml = sheet(body, head=head)
    if rows:
        xml = xml.replace(
            "</sheetData>",
            f'<row r="{rows}"><c r="A{rows}" t="inlineStr"><is><t>x</t></is></c></row></sheetData>',
        )
    return workbook([("Sheet1", xml)])


def _cfb(stream_name: str) -> bytes:
    """The start of a Compound File (an .xls, or an encrypted .xlsx), enough to be recognised."""
    header = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 16 + b"\x3e\x00\x03\x00\xfe\xff"
    return header.ljust(512, b"\x00") + stream_name.encode("utf-16-le").ljust(4096, b"\x00")


def _entities(count: int) -> bytes:
    doctype = (
        '<!DOCTYPE worksheet [<!ENTITY a "'
        + "x" * 1000
        + '">'
        + "".join(
            f'<!ENTITY a{i} "{"&a;" * 10 if i == 0 else f"&a{i - 1};" * 10}">' for i in range(count)
        )
        + "]>"
    )
    xml = sheet(
        [HEADER, ROW, ["graduates", "2023-06", ("inlineStr", f"<is><t>&a{count - 1};</t></is>")]]
    )
    xml = xml.replace("\n<worksheet", f"\n{doctype}<worksheet")
    return workbook([("Sheet1", xml)])


def _external_entity() -> bytes:
    doctype = '<!DOCTYPE worksheet [<!ENTITY x SYSTEM "file:///etc/hostname">]>'
    xml = sheet([HEADER, ROW, ["graduates", "2023-06", ("inlineStr", "<is><t>&x;</t></is>")]])
    return workbook([("Sheet1", xml.replace("\n<worksheet", f"\n{doctype}<worksheet"))])


def _xlsm() -> bytes:
    return workbook(
        [("Sheet1", sheet([HEADER, ROW]))],
        content_type="application/vnd.ms-excel.sheet.macroEnabled.main+xml",
        extra={"xl/vbaProject.bin": _cfb("VBA")},
    )


def _active(book: Workbook) -> Worksheet:
    sheet = book.active
    assert isinstance(sheet, Worksheet)
    return sheet


def _plain(book: Workbook) -> None:
    ws = _active(book)
    ws.append(HEADER)
    ws.append(ROW)


def _openpyxl(build: Callable[[Workbook], object]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    build(book)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _merged(book: Workbook) -> None:
    ws = _active(book)
    ws.append(HEADER)
    ws.append(ROW)
    ws.append(["graduates", "2023-06", 4.6])
    ws.append(["urban_jobs", None, 3.2])
    ws.merge_cells("B2:B4")


def _merged_title(book: Workbook) -> None:
    ws = _active(book)
    ws.append(["湖州市2023年1-6月主要指标"])
    ws.merge_cells("A1:C1")
    ws.append(HEADER)
    ws.append(ROW)


def _many_sheets(count: int, filled: bool) -> Callable[[Workbook], None]:
    def build(book: Workbook) -> None:
        ws = _active(book)
        ws.append(HEADER)
        ws.append(ROW)
        for i in range(count):
            other = book.create_sheet(f"S{i}")
            if filled:
                other.append(HEADER)
                other.append(["graduates", "2023-06", 4.6])

    return build


def _dates(book: Workbook) -> None:
    ws = _active(book)
    ws.append(HEADER)
    ws.append(["gdp_growth", dt.datetime(2023, 6, 30), 5.7])
    ws.append(["graduates", dt.date(2023, 6, 1), 4.6])


def _protected(book: Workbook) -> None:
    ws = _active(book)
    ws.append(HEADER)
    ws.append(ROW)
    ws.protection.sheet = True
    ws.protection.password = "secret"
    book.security.workbookPassword = "secret"
    book.security.lockStructure = True


def _hidden_sheet(book: Workbook) -> None:
    ws = _active(book)
    ws.append(HEADER)
    ws.append(ROW)
    hidden = book.create_sheet("old")
    hidden.append(HEADER)
    hidden.append(["graduates", "2023-06", 4.6])
    hidden.sheet_state = "hidden"


def _formula_written(book: Workbook) -> None:
    ws = _active(book)
    ws.append(HEADER)
    ws.append(["gdp_growth", "2023-06", "=5+0.7"])


def _conflict_across_sheets(book: Workbook) -> None:
    ws = _active(book)
    ws.append(HEADER)
    ws.append(ROW)
    other = book.create_sheet("B")
    other.append(HEADER)
    other.append(["gdp_growth", "2023-06", 5.8])


def _later_sheet_without_header(book: Workbook) -> None:
    ws = _active(book)
    ws.append(HEADER)
    ws.append(ROW)
    other = book.create_sheet("B")
    other.append(["graduates", "2023-06", 4.6])


def _text_sheet(book: Workbook) -> None:
    ws = _active(book)
    ws.append(HEADER)
    ws.append(ROW)
    notes = book.create_sheet("说明")
    notes.append(["本表数据来源:市统计局"])


def _truncated() -> bytes:
    data = simple(ROW)
    return data[: len(data) // 2]


def _traversal() -> bytes:
    return workbook(
        [("Sheet1", sheet([HEADER, ROW]))],
        extra={"../../escaped.txt": "x", "/abs/escaped.txt": "x"},
    )


SHARED = simple(
    [("s", "<v>0</v>"), ("s", "<v>1</v>"), ("s", "<v>2</v>")],
    header=[("s", "<v>3</v>"), ("s", "<v>4</v>"), ("s", "<v>5</v>")],
    shared=["gdp_growth", "2023-06", "5.7", "id", "period", "value"],
)
RICH = simple(
    ["gdp_growth", "2023-06", ("s", "<v>0</v>")],
    shared=["<r><t>5</t></r><r><rPr><b/></rPr><t>.7</t></r>"],
)

CASES: list[Case] = [
    read("plain", simple(ROW)),
    read("zh-plain", simple(ROW), lang="zh"),
    read("openpyxl", _openpyxl(_plain)),
    read("shared-strings", SHARED),
    read("rich-text-string", RICH),
    read("value-as-text", simple(["gdp_growth", "2023-06", "5.7"])),
    read("value-full-width-text", simple(["gdp_growth", "2023-06", "５．７"])),
    read("text-formatted-number", simple(ROW, header=HEADER)),
    read(
        "percent-format",
        workbook(
            [
                (
                    "Sheet1",
                    sheet([HEADER, ["gdp_growth", "2023-06", 0.057]], styles={(1, 2): "percent"}),
                )
            ]
        ),
    ),
    read(
        "quoted-percent-format",
        workbook(
            [
                (
                    "Sheet1",
                    sheet(
                        [HEADER, ["gdp_growth", "2023-06", 5.7]], styles={(1, 2): "quoted-percent"}
                    ),
                )
            ]
        ),
    ),
    read("float-noise", simple(["gdp_growth", "2023-06", 5.699999999999999])),
    read(
        "float-sum",
        simple(["gdp_growth", "2023-06", 5.6000000000000005]),
        check=judged("gdp_growth", "on_track", "5.6"),
    ),
    read("date-cells", _openpyxl(_dates), every(RIGHT, judged("graduates", "on_track", "4.6"))),
    read(
        "date-serial-styled",
        workbook(
            [("Sheet1", sheet([HEADER, ["gdp_growth", 45107, 5.7]], styles={(1, 1): "date"}))]
        ),
    ),
    read("date-serial-plain", simple(["gdp_growth", 45107, 5.7])),
    read(
        "period-as-number",
        simple(["gdp_growth", 2023.06, 5.7]),
        check=judged("gdp_growth", "on_track", "5.7", period="2023-06"),
    ),
    # Typed 2023.10, stored 2023.1: October cannot be told from January.
    refused(
        "period-as-number-october",
        simple(["gdp_growth", 2023.10, 5.7]),
        "bad-period",
        mentions=("B2",),
    ),
    refused(
        "zh-period-as-number-october",
        simple(["gdp_growth", 2023.10, 5.7]),
        "bad-period",
        mentions=("B2",),
        lang="zh",
    ),
    read(
        "period-as-number-november",
        simple(["gdp_growth", 2023.11, 5.7]),
        check=judged("gdp_growth", "on_track", "5.7", period="2023-11"),
    ),
    read(
        "boolean-yes", simple(["energy_saving", "2023", True]), check=judged("energy_saving", "met")
    ),
    read(
        "boolean-no",
        simple(["energy_saving", "2023", False]),
        check=judged("energy_saving", "missed"),
    ),
    read("formula-with-value", simple(["gdp_growth", "2023-06", ("", "<f>5+0.7</f><v>5.7</v>")])),
    read(
        "dde-formula-with-value",
        simple(["gdp_growth", "2023-06", ("", "<f>cmd|' /C calc'!A0</f><v>5.7</v>")]),
    ),
    refused(
        "formula-without-value",
        _openpyxl(_formula_written),
        "formula-without-value",
        mentions=("C2",),
    ),
    refused(
        "error-cell",
        simple(["gdp_growth", "2023-06", ("e", "<v>#DIV/0!</v>")]),
        "not-a-number",
        mentions=("#DIV/0!",),
    ),
    refused("huge-float", simple(["gdp_growth", "2023-06", 1e300]), "not-a-number"),
    refused("tiny-float", simple(["gdp_growth", "2023-06", 1e-300]), "not-a-number"),
    read(
        "merged-period",
        _openpyxl(_merged),
        check=every(RIGHT, judged("graduates", "on_track", "4.6")),
    )
    if False
    else refused("merged-period", _openpyxl(_merged), "missing-period", mentions=("4",)),
    refused("merged-title", _openpyxl(_merged_title), "missing-column", "sheet-without-header"),
    read("many-empty-sheets", _openpyxl(_many_sheets(200, False))),
    read(
        "many-sheets",
        _openpyxl(_many_sheets(200, True)),
        check=every(RIGHT, judged("graduates", "on_track", "4.6")),
    ),
    read("protected", _openpyxl(_protected)),
    read(
        "hidden-sheet",
        _openpyxl(_hidden_sheet),
        check=every(RIGHT, judged("graduates", "on_track", "4.6")),
    ),
    read("text-sheet", _openpyxl(_text_sheet), check=every(RIGHT, warned("skipped"))),
    refused(
        "later-sheet-without-header",
        _openpyxl(_later_sheet_without_header),
        "sheet-without-header",
        "missing-column",
    ),
    refused("conflict-across-sheets", _openpyxl(_conflict_across_sheets), "conflicting-duplicate"),
    # A declared size beyond the limits is refused unread (README, Limits and trust).
    refused("declared-huge-dimension", _declared("A1:XFD1048576"), "too-large"),
    read("declared-small-dimension", _declared("A1:C2")),
    refused(
        "declared-and-used-million-rows", _declared("A1:C1048576", rows=1_048_576), "too-large"
    ),
    refused("row-number-beyond", _declared("A1:C3", rows=20_001), "too-large"),
    refused("xls", _cfb("Workbook"), "wrong-file-type", file="actuals.xls"),
    refused("xls-named-xlsx", _cfb("Workbook"), "wrong-file-type"),
    refused("encrypted", _cfb("EncryptedPackage"), "wrong-file-type"),
    # Macros are never run: the cells are read as data.
    read("xlsm", _xlsm(), file="actuals.xlsm"),
    read("xlsm-named-xlsx", _xlsm()),
    refused("csv-named-xlsx", b"id,period,value\ngdp_growth,2023-06,5.7\n", "wrong-file-type"),
    read("xlsx-named-csv", simple(ROW), file="actuals.csv")
    if False
    else refused("xlsx-named-csv", simple(ROW), "wrong-file-type", file="actuals.csv"),
    refused("truncated", _truncated(), "wrong-file-type"),
    refused(
        "empty-zip", workbook([]) if False else b"PK\x05\x06" + b"\x00" * 18, "wrong-file-type"
    ),
    refused("no-sheets", workbook([]), "wrong-file-type", "empty-file"),
    refused("empty-sheet", workbook([("Sheet1", sheet([]))]), "empty-file", "no-figures"),
    refused(
        "missing-shared-strings",
        simple(["gdp_growth", "2023-06", ("s", "<v>7</v>")]),
        "wrong-file-type",
    ),
    refused(
        "shared-string-out-of-range",
        simple(["gdp_growth", "2023-06", ("s", "<v>99</v>")], shared=["x"]),
        "wrong-file-type",
    ),
    refused("broken-xml", workbook([("Sheet1", "<worksheet><sheetData><row>")]), "wrong-file-type"),
    refused(
        "duplicate-column",
        simple(["gdp_growth", "2023-06", 5.7, 5.8], header=["id", "period", "value", "value"]),
        "duplicate-column",
    ),
    read("path-traversal-entries", _traversal()),
    refused("entity-expansion", _entities(8), "wrong-file-type", "too-large"),
    refused("external-entity", _external_entity(), "wrong-file-type"),
    refused("zip-bomb-part", _bomb(65 << 20), "too-large", slow=True),
    refused(
        "zip-bomb-lying-sizes",
        _bomb(200 << 20, lie=1000),
        "too-large",
        "wrong-file-type",
        slow=True,
    ),
    refused(
        "cell-beyond-limit",
        simple(["gdp_growth", "2023-06", 5.7, "长" * 4001], header=[*HEADER, "note"]),
        "too-large",
    ),
    refused(
        "columns-beyond-limit",
        simple([*ROW, *range(40)], header=[*HEADER, *(f"c{i}" for i in range(40))]),
        "too-large",
        "unknown-column",
    ),
    read(
        "sheet-name-bidi",
        workbook([("Sheet1", sheet([HEADER, ROW])), ("说明\u202e表", sheet([["仅供参考"]]))]),
        check=every(RIGHT, warned("skipped")),
    ),
    refused(
        "sheet-name-bidi-with-error",
        workbook(
            [
                ("Sheet1", sheet([HEADER, ROW])),
                ("六月\u202e表", sheet([HEADER, ["gdp", "2023-06", 1]])),
            ]
        ),
        "unknown-id",
        mentions=("\\u202e",),
    ),
]


def _styles_only(folder: Path) -> Setup:
    path = put(folder, "actuals.xlsx", simple(ROW))
    return diff(path, check=RIGHT, keep=(path,))


_ = (STYLES, _styles_only)
