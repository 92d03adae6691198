"""Office Open XML packages (.xlsx, .docx) written with the standard library.

A package is a zip of XML parts with a list of their content types and the relationships that
tie them together. The workbook and the Word document are written as text here, part by part:
no document library is imported at start, and nothing from the data can become markup (every
text is escaped, and characters XML cannot carry are spelled out).
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
RELATIONSHIPS = "http://schemas.openxmlformats.org/package/2006/relationships"
DOCUMENT_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
CORE_PROPERTIES = (
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties"
)

#: Characters XML 1.0 cannot carry (controls but tab and line ends, lone surrogates, U+FFFE/F).
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"})


def _spelled(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def text(value: str) -> str:
    """`value` as XML character data or an attribute value: escaped, nothing dropped."""
    if _NOT_XML.search(value):
        value = _NOT_XML.sub(_spelled, value)
    return value.translate(_ESCAPES)


def relationships(items: Iterable[tuple[str, str, str]]) -> str:
    """A relationships part: (id, type, target) each."""
    body = "".join(
        f'<Relationship Id="{rid}" Type="{kind}" Target="{text(target)}"/>'
        for rid, kind, target in items
    )
    return f'{DECLARATION}<Relationships xmlns="{RELATIONSHIPS}">{body}</Relationships>'


def content_types(defaults: dict[str, str], overrides: dict[str, str]) -> str:
    """[Content_Types].xml: a type for each file extension, and for each part named."""
    body = "".join(f'<Default Extension="{e}" ContentType="{t}"/>' for e, t in defaults.items())
    body += "".join(f'<Override PartName="{p}" ContentType="{t}"/>' for p, t in overrides.items())
    return (
        f"{DECLARATION}<Types "
        f'xmlns="http://schemas.openxmlformats.org/package/2006/content-types">{body}</Types>'
    )


def core_properties(title: str, identifier: str = "") -> str:
    """docProps/core.xml: the document's title, as a file manager shows it, and an identifier
    (which Office keeps as it is when it saves the file)."""
    mark = f"<dc:identifier>{text(identifier)}</dc:identifier>" if identifier else ""
    return (
        f"{DECLARATION}<cp:coreProperties "
        'xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/">'
        f"<dc:title>{text(title)}</dc:title><dc:creator>reportcheck</dc:creator>{mark}"
        "</cp:coreProperties>"
    )


#: The content types every package here declares for its common parts.
BASE_TYPES = {
    "rels": "application/vnd.openxmlformats-package.relationships+xml",
    "xml": "application/xml",
}
CORE_TYPE = "application/vnd.openxmlformats-package.core-properties+xml"


def package(parts: Iterable[tuple[str, str]]) -> bytes:
    """The zip of the parts (name, XML text), built in memory: a write that fails later leaves
    no half-written archive behind."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, body in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, body.encode("utf-8"))
    return buffer.getvalue()
