"""Workbooks made part by part, so that a case can hold what no well-behaved writer makes."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from xml.sax.saxutils import escape

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
MAIN_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
SHEET_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"

#: Cell styles by name: the index of their <xf> in STYLES.
STYLE = {"general": 0, "percent": 1, "date": 2, "quoted-percent": 3, "text": 4}
STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="{MAIN}">
<numFmts count="1"><numFmt numFmtId="164" formatCode="0.0&quot;%&quot;"/></numFmts>
<fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="1"><fill><patternFill patternType="none"/></fill></fills>
<borders count="1"><border/></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="5">
<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>
<xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>
</cellXfs>
</styleSheet>"""


def column(index: int) -> str:
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = chr(65 + rest) + name
    return name


def cell(ref: str, value: object, style: str = "general") -> str:
    """One <c>: a number, a bool, text (inline), or raw XML given as ('xml', '<f>…</f><v>…</v>')."""
    s = f' s="{STYLE[style]}"' if style != "general" else ""
    if isinstance(value, tuple):
        kind, xml = value
        t = f' t="{kind}"' if kind else ""
        return f'<c r="{ref}"{s}{t}>{xml}</c>'
    if isinstance(value, bool):
        return f'<c r="{ref}"{s} t="b"><v>{int(value)}</v></c>'
    if isinstance(value, int | float):
        return f'<c r="{ref}"{s}><v>{value!r}</v></c>'
    text = escape(str(value))
    return f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'


def sheet(
    rows: Sequence[Sequence[object]],
    *,
    styles: Mapping[tuple[int, int], str] = {},
    head: str = "",
    tail: str = "",
) -> str:
    """Sheet XML of `rows` (row by row, from A1); `styles` by (row, column) from 0."""
    lines = []
    for r, row in enumerate(rows):
        cells = "".join(
            cell(f"{column(c)}{r + 1}", value, styles.get((r, c), "general"))
            for c, value in enumerate(row)
            if value is not None
        )
        lines.append(f'<row r="{r + 1}">{cells}</row>')
    return (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}">{head}<sheetData>{"".join(lines)}'
        f"</sheetData>{tail}</worksheet>"
    )


def workbook(
    sheets: Sequence[tuple[str, str]],
    *,
    shared: Sequence[str] | None = None,
    extra: Mapping[str, bytes | str] = {},
    workbook_extra: str = "",
    content_type: str = MAIN_TYPE,
    compression: int = zipfile.ZIP_DEFLATED,
) -> bytes:
    """An .xlsx of `sheets` (name, sheet XML), with shared strings and any extra parts."""
    overrides = [
        f'<Override PartName="/xl/workbook.xml" ContentType="{content_type}"/>',
        '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-'
        'officedocument.spreadsheetml.styles+xml"/>',
    ]
    rels = [
        f'<Relationship Id="rIdS" Type="{REL}/styles" Target="styles.xml"/>',
    ]
    entries = []
    for i, (name, _) in enumerate(sheets, 1):
        overrides.append(
            f'<Override PartName="/xl/worksheets/sheet{i}.xml" ContentType="{SHEET_TYPE}"/>'
        )
        rels.append(
            f'<Relationship Id="rId{i}" Type="{REL}/worksheet" Target="worksheets/sheet{i}.xml"/>'
        )
        entries.append(
            f'<sheet name="{escape(name, {chr(34): "&quot;"})}" sheetId="{i}" r:id="rId{i}"/>'
        )
    parts: dict[str, bytes | str] = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
            'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
            + "".join(overrides)
            + (
                '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
                'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                if shared is not None
                else ""
            )
            + "</Types>"
        ),
        "_rels/.rels": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/>'
            "</Relationships>"
        ),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="{MAIN}" '
            f'xmlns:r="{REL}">{workbook_extra}<sheets>{"".join(entries)}</sheets></workbook>'
        ),
        "xl/styles.xml": STYLES,
    }
    if shared is not None:
        rels.append(
            f'<Relationship Id="rIdT" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
        )
        items = "".join(
            f"<si>{s}</si>" if s.startswith("<r>") else f"<si><t>{escape(s)}</t></si>"
            for s in shared
        )
        parts["xl/sharedStrings.xml"] = (
            f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<sst xmlns="{MAIN}" count="{len(shared)}" uniqueCount="{len(shared)}">{items}</sst>'
        )
    parts["xl/_rels/workbook.xml.rels"] = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="{PKG}">'
        + "".join(rels)
        + "</Relationships>"
    )
    for i, (_, xml) in enumerate(sheets, 1):
        parts[f"xl/worksheets/sheet{i}.xml"] = xml
    parts.update(extra)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    return buffer.getvalue()


HEADER: list[object] = ["id", "period", "value"]


def simple(*rows: Sequence[object], header: Sequence[object] = HEADER, **options: object) -> bytes:
    """A one-sheet workbook: the header, then `rows`."""
    return workbook([("Sheet1", sheet([header, *rows]))], **options)  # type: ignore[arg-type]
