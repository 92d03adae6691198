"""The cells of an .xlsx workbook, read with the standard library (zipfile and ElementTree).

A workbook is a zip of XML parts: the workbook names its sheets, the shared strings hold the
text of cells, the styles say which cells are dates and percentages, and each sheet holds its
rows. Only what a file of actuals needs is read: each cell's value as Excel stores it (its
computed value where it holds a formula), its number format, and the formula of a cell that
has no computed value. Values follow Excel's own types: a number is an int or a float, a
number in a date format a datetime, a boolean a bool, text a str, an error its code (#N/A).

Each part is parsed as it is unpacked, a piece at a time, by ElementTree's parser (expat
underneath, in C). A sheet or a list of shared strings of up to WHOLE bytes is parsed whole
and its rows found in C (a month's sheet takes about a millisecond); a larger one is streamed,
each row handed on and dropped as it ends, so memory stays bounded. A document type
declaration (and with it any entity but XML's own five) is refused, as no workbook has one.
Anything that does not parse raises BrokenWorkbookError.
"""

from __future__ import annotations

import datetime as dt
import functools
import posixpath
import re
from decimal import Decimal
from typing import TYPE_CHECKING, cast

import msgspec

from reportcheck.model.numbers import format_decimal

if TYPE_CHECKING:
    import zipfile
    from collections.abc import Callable, Iterator
    from xml.etree.ElementTree import Element, XMLPullParser

#: Number formats Excel knows by number (the ones a file may use without declaring them).
BUILTIN_FORMATS = {
    0: "General",
    1: "0",
    2: "0.00",
    3: "#,##0",
    4: "#,##0.00",
    5: '"$"#,##0_);("$"#,##0)',
    6: '"$"#,##0_);[Red]("$"#,##0)',
    7: '"$"#,##0.00_);("$"#,##0.00)',
    8: '"$"#,##0.00_);[Red]("$"#,##0.00)',
    9: "0%",
    10: "0.00%",
    11: "0.00E+00",
    12: "# ?/?",
    13: "# ??/??",
    14: "mm-dd-yy",
    15: "d-mmm-yy",
    16: "d-mmm",
    17: "mmm-yy",
    18: "h:mm AM/PM",
    19: "h:mm:ss AM/PM",
    20: "h:mm",
    21: "h:mm:ss",
    22: "m/d/yy h:mm",
    37: "#,##0_);(#,##0)",
    38: "#,##0_);[Red](#,##0)",
    39: "#,##0.00_);(#,##0.00)",
    40: "#,##0.00_);[Red](#,##0.00)",
    41: r'_(* #,##0_);_(* \(#,##0\);_(* "-"_);_(@_)',
    42: r'_("$"* #,##0_);_("$"* \(#,##0\);_("$"* "-"_);_(@_)',
    43: r'_(* #,##0.00_);_(* \(#,##0.00\);_(* "-"??_);_(@_)',
    44: r'_("$"* #,##0.00_)_("$"* \(#,##0.00\)_("$"* "-"??_)_(@_)',
    45: "mm:ss",
    46: "[h]:mm:ss",
    47: "mmss.0",
    48: "##0.0E+0",
    49: "@",
}
#: Parts of a format that are not date codes: quoted text and [brackets] other than [h] [m] [s].
_NOT_DATE_CODES = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_DATE_CODE = re.compile(r"(?<![_\\])[dmhysDMHYS]")
_DURATION = re.compile(r"\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?", re.I)
_WINDOWS_EPOCH = dt.datetime(1899, 12, 30)
_MAC_EPOCH = dt.datetime(1904, 1, 1)
_COORDINATE = re.compile(r"([A-Za-z]{1,3})(\d+)")
_OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
#: Bytes handed to the parser at a time.
PIECE = 64 * 1024


class BrokenWorkbookError(ValueError):
    """The workbook's parts do not make a workbook."""


class SheetRow(msgspec.Struct):
    """One row of a sheet as a person sees it: each cell's text by column ("" where there is
    none), whether any cell holds a number, the formulas without a computed value (column,
    formula), and whether a cell beyond the columns read holds a value."""

    cells: list[str]
    numbers: bool = False
    formulas: list[tuple[int, str]] = msgspec.field(default_factory=list)
    cut: bool = False


class SheetEntry(msgspec.Struct, frozen=True):
    title: str
    part: str  # the part's name inside the zip


class Book(msgspec.Struct, frozen=True):
    """What every sheet's cells need: the sheets in order, the shared strings, the number
    format of each cell style, which styles are dates (and durations), and the date epoch."""

    sheets: tuple[SheetEntry, ...]
    strings: tuple[str, ...]
    formats: tuple[str, ...]
    dates: frozenset[int]
    durations: frozenset[int]
    epoch: dt.datetime


def is_date_format(number_format: str) -> bool:
    """A format that shows a number as a date or time (Excel's own reading of its codes)."""
    first = _NOT_DATE_CODES.sub("", number_format.split(";", maxsplit=1)[0])
    return _DATE_CODE.search(first) is not None


def open_book(archive: zipfile.ZipFile) -> Book:
    """The workbook's sheets, shared strings and styles; BrokenWorkbookError if it has none."""
    names = set(archive.namelist())
    root = _relationships(archive, "_rels/.rels", "", names)
    main = next((target for kind, target in root.values() if kind == _OFFICE), "xl/workbook.xml")
    if main not in names:
        raise BrokenWorkbookError(f"no workbook part ({main})")
    folder = posixpath.dirname(main)
    rels_name = posixpath.join(folder, "_rels", posixpath.basename(main) + ".rels")
    rels = _relationships(archive, rels_name, folder, names)
    listed, date1904 = _workbook(archive, main)
    sheets = []
    for title, rid in listed:
        kind, target = rels.get(rid, ("", ""))
        if kind.endswith("/chartsheet"):
            continue
        if target not in names:
            raise BrokenWorkbookError(f"sheet {title!r} has no part ({target or rid})")
        sheets.append(SheetEntry(title, target))
    strings: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()
    for kind, target in rels.values():
        if kind.endswith("/sharedStrings") and target in names:
            strings = _shared_strings(archive, target)
        elif kind.endswith("/styles") and target in names:
            formats = _styles(archive, target)
    dates = frozenset(i for i, f in enumerate(formats) if is_date_format(f))
    durations = frozenset(i for i in dates if _DURATION.search(formats[i].split(";")[0]))
    epoch = _MAC_EPOCH if date1904 else _WINDOWS_EPOCH
    return Book(tuple(sheets), strings, formats, dates, durations, epoch)


def _pieces(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The part's bytes, unpacked a piece at a time; a document type declaration refused."""
    carried = b""
    with archive.open(part) as stream:
        while piece := stream.read(PIECE):
            if _DOCTYPE in carried + piece:
                raise BrokenWorkbookError(f"{part}: a document type declaration")
            carried = piece[-len(_DOCTYPE) :]
            yield piece


def _events(archive: zipfile.ZipFile, part: str) -> Iterator[tuple[str, Element]]:
    """(local name, element) at the end of each element of a part, as it is unpacked."""
    from xml.etree.ElementTree import XMLPullParser

    parser: XMLPullParser[Element] = XMLPullParser(events=("end",))
    for piece in _pieces(archive, part):
        parser.feed(piece)
        yield from _ended(parser)
    parser.close()
    yield from _ended(parser)


def _ended(parser: XMLPullParser[Element]) -> Iterator[tuple[str, Element]]:
    for event in parser.read_events():
        ended = cast("Element", event[-1])  # the parser gives only "end" events: elements
        yield ended.tag.rpartition("}")[2], ended


def _elements(archive: zipfile.ZipFile, part: str) -> Iterator[tuple[str, Element]]:
    """(local name, element) of every element of a part: parsed whole if small, else as it
    is unpacked (then each element comes once complete)."""
    root = _whole(archive, part)
    if root is None:
        yield from _events(archive, part)
        return
    for element in root.iter():
        yield element.tag.rpartition("}")[2], element


def _whole(archive: zipfile.ZipFile, part: str) -> Element | None:
    """The part parsed whole when it is small enough (WHOLE), else None: stream it."""
    if archive.getinfo(part).file_size > WHOLE:
        return None
    from xml.etree.ElementTree import XMLParser

    parser = XMLParser()
    for piece in _pieces(archive, part):
        parser.feed(piece)
    root: Element = parser.close()
    return root


#: What begins a document type declaration (XML spells it in capitals only).
_DOCTYPE = b"<!DOCTYPE"
#: Parts up to this size are parsed whole: a tree of a 4 MiB sheet takes some tens of MiB.
WHOLE = 4 * 1024 * 1024


def _local(element: Element) -> str:
    return element.tag.rpartition("}")[2]


def _namespace(element: Element) -> str:
    """'{uri}' of the element's name, or '' when it has none."""
    tag = element.tag
    return tag[: tag.index("}") + 1] if tag.startswith("{") else ""


def _attribute(element: Element, local: str) -> str | None:
    """An attribute by its local name, in whatever namespace (r:id in the transitional or the
    strict relationships namespace)."""
    for name, value in element.attrib.items():
        if name.rpartition("}")[2] == local:
            return value
    return None


def _relationships(
    archive: zipfile.ZipFile, part: str, folder: str, names: set[str]
) -> dict[str, tuple[str, str]]:
    """id -> (type, the part named, as a path inside the zip)."""
    found: dict[str, tuple[str, str]] = {}
    if part not in names:
        return found
    for name, element in _elements(archive, part):
        if name == "Relationship" and element.get("TargetMode") != "External":
            target = element.get("Target", "")
            path = target[1:] if target.startswith("/") else posixpath.join(folder, target)
            found[element.get("Id", "")] = (element.get("Type", ""), posixpath.normpath(path))
    return found


def _workbook(archive: zipfile.ZipFile, part: str) -> tuple[list[tuple[str, str]], bool]:
    """The sheets (title, relationship id) in order, and whether dates count from 1904."""
    sheets: list[tuple[str, str]] = []
    date1904 = False
    for name, element in _elements(archive, part):
        if name == "sheet":
            sheets.append((element.get("name", ""), _attribute(element, "id") or ""))
        elif name == "workbookPr":
            date1904 = element.get("date1904", "0").lower() in ("1", "true")
    return sheets, date1904


def _text(element: Element) -> str:
    """The text of a string item (<si>, <is>): its own <t> or its runs' joined, phonetic
    guides (rPh) left out."""
    pieces = []
    for child in element:
        name = _local(child)
        if name == "t":
            pieces.append(child.text or "")
        elif name == "r":
            pieces.extend(t.text or "" for t in child if _local(t) == "t")
    return "".join(pieces)


def _shared_strings(archive: zipfile.ZipFile, part: str) -> tuple[str, ...]:
    root = _whole(archive, part)
    if root is not None:
        return tuple(_text(item) for item in root.iter(f"{_namespace(root)}si"))
    strings: list[str] = []
    for name, element in _events(archive, part):
        if name == "si":
            strings.append(_text(element))
            element.clear()
    return tuple(strings)


def _styles(archive: zipfile.ZipFile, part: str) -> tuple[str, ...]:
    """The number format of each cell style (cellXfs), by its index."""
    declared: dict[int, str] = {}
    formats: list[str] = []
    for name, element in _elements(archive, part):
        if name == "numFmt":
            declared[int(element.get("numFmtId", "0"))] = element.get("formatCode", "General")
        elif name == "cellXfs":
            for xf in element:
                number = int(xf.get("numFmtId", "0"))
                formats.append(declared.get(number) or BUILTIN_FORMATS.get(number, "General"))
    return tuple(formats)


def column_number(letters: str) -> int:
    number = 0
    for char in letters.upper():
        number = number * 26 + ord(char) - 64
    return number


_DIGITS = "0123456789"
_LETTERS = re.compile(r"[A-Za-z]{1,3}")


@functools.cache
def _column(letters: str) -> int:
    """The column a cell reference's letters name (B7 → 2); a reference without them is
    broken."""
    if _LETTERS.fullmatch(letters) is None:
        raise BrokenWorkbookError(f"cell reference {letters!r}")
    return column_number(letters)


class SheetReader:
    """One sheet's rows as text (SheetRow); rows missing between two stored rows come as
    empty rows, and a row stored out of order is not read, as Excel shows none.

    `declared(rows, columns)` is called with the size the sheet states (its dimension) before
    any row is given, so that a sheet stating more than the limits is refused unread. Cells
    beyond `max_columns` are not kept: the row says whether one held a value.
    """

    def __init__(
        self,
        archive: zipfile.ZipFile,
        entry: SheetEntry,
        book: Book,
        max_columns: int,
        declared: Callable[[int, int], None],
    ) -> None:
        self.archive, self.entry, self.book = archive, entry, book
        self.max_columns = max_columns
        self.declared = declared
        self.shared: dict[str, str] = {}  # a shared formula's text, by its index

    def rows(self) -> Iterator[SheetRow]:
        root = _whole(self.archive, self.entry.part)
        if root is None:
            yield from self._numbered(self._streamed())
            return
        ns = _namespace(root)
        dimension = root.find(f"{ns}dimension")
        if dimension is not None:
            self.declared(*_size(dimension.get("ref", "")))
        yield from self._numbered(root.iter(f"{ns}row"))

    def _streamed(self) -> Iterator[Element]:
        """Each row as it ends, dropped once handled; the stated size checked on the way."""
        for name, element in _events(self.archive, self.entry.part):
            if name == "row":
                yield element
                element.clear()
            elif name == "dimension":
                self.declared(*_size(element.get("ref", "")))

    def _numbered(self, rows: Iterator[Element]) -> Iterator[SheetRow]:
        """Rows by number from 1: the missing ones empty, one out of order left out."""
        expected = 1
        for element in rows:
            stated = element.get("r")
            number = int(stated) if stated is not None else expected
            if number < expected:
                continue
            while expected < number:
                yield SheetRow([])
                expected += 1
            yield self._row(element)
            expected += 1

    def _row(self, element: Element) -> SheetRow:
        row = SheetRow([])
        cells = row.cells
        column = 0
        ns = _namespace(element)
        cell_tag, value_tag = f"{ns}c", f"{ns}v"
        strings = self.book.strings
        for c in element:
            if c.tag != cell_tag:
                continue
            where = c.get("r")
            column = _column(where.rstrip(_DIGITS)) if where else column + 1
            kind = c.get("t")
            if kind == "s" and len(c) == 1 and c[0].tag == value_tag:  # text, as Excel keeps it
                text = _shared(strings, c[0].text or "")
            else:
                value, formula = self._cell(c, ns)
                if value is None:
                    text = ""
                    if formula is not None and column <= self.max_columns:
                        row.formulas.append((column, formula))
                elif type(value) is str:
                    text = value
                else:
                    text = cell_text(value, self._format(c))
                    row.numbers = row.numbers or type(value) in (int, float)
            if column > self.max_columns:
                row.cut = row.cut or bool(text)
                continue
            if len(cells) < column:
                cells.extend([""] * (column - 1 - len(cells)))
                cells.append(text)
            else:
                cells[column - 1] = text
        while cells and not cells[-1]:
            cells.pop()
        return row

    def _format(self, c: Element) -> str:
        style = int(c.get("s") or 0)
        formats = self.book.formats
        return formats[style] if 0 <= style < len(formats) else "General"

    def _cell(self, c: Element, ns: str) -> tuple[object, str | None]:
        """The cell's value as Excel stores it, and its formula when it has no value."""
        kind = c.get("t", "n")
        raw = ""
        inline: str | None = None
        formula: str | None = None
        for child in c:
            tag = child.tag.removeprefix(ns)
            if tag == "v":
                raw = child.text or ""
            elif tag == "f":
                formula = self._formula(child)
            elif tag == "is":
                inline = _text(child)
        value: object = None
        if kind == "s":
            value = _shared(self.book.strings, raw) if raw else None
        elif kind == "inlineStr":
            value = inline
        elif raw:
            if kind == "n":
                value = self._number(raw, int(c.get("s") or 0))
            elif kind == "b":
                value = bool(int(raw))
            elif kind in ("str", "e"):
                value = raw
            elif kind == "d":
                value = dt.datetime.fromisoformat(raw.removesuffix("Z"))
            else:
                raise BrokenWorkbookError(f"cell type {kind!r}")
        return value, formula if value is None else None

    def _formula(self, element: Element) -> str:
        written = element.text or ""
        index = element.get("si")
        if element.get("t") == "shared" and index is not None:
            if written:
                self.shared[index] = written
            else:
                written = self.shared.get(index, "")
        return "=" + written

    def _number(self, raw: str, style: int) -> object:
        number: int | float = float(raw) if "." in raw or "e" in raw or "E" in raw else int(raw)
        if style not in self.book.dates:
            return number
        if style in self.book.durations:
            return dt.timedelta(days=number)
        try:
            return _from_serial(number, self.book.epoch)
        except (OverflowError, ValueError):
            return "#VALUE!"  # a date format on a number no date has


#: Parts of a number format that are text, not format codes: "quoted", \escaped, [colour].
_FORMAT_TEXT = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
#: Excel keeps 15 significant digits; a float beyond them is binary noise, not a typed digit.
_EXCEL_DIGITS = 15


@functools.cache
def is_percent_format(number_format: str, value: float = 1.0) -> bool:
    """True when Excel shows the stored fraction times 100: a % that is a format code.

    A quoted "%" or an escaped \\% is literal text (12.6 shown as 12.6%); only a bare % scales.
    The format section that applies to the value's sign is the one that counts.
    """
    sections = _FORMAT_TEXT.sub("", number_format).split(";")
    if value < 0 and len(sections) > 1:
        section = sections[1]
    elif value == 0 and len(sections) > 2:
        section = sections[2]
    else:
        section = sections[0]
    return "%" in section


def cell_text(value: object, number_format: str) -> str:
    """A cell as the text a person sees: 0.057 shown as 5.7% stays '5.7%', a date as YYYY-MM."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.datetime | dt.date):
        return f"{value.year}-{value.month:02d}"
    if isinstance(value, int):
        number = Decimal(value)
    elif isinstance(value, float):
        number = Decimal(format(value, f".{_EXCEL_DIGITS}g"))
    else:
        return str(value)
    if is_percent_format(number_format, (value > 0) - (value < 0)):
        return format_decimal(number * 100) + "%"
    return format_decimal(number)


def _shared(strings: tuple[str, ...], raw: str) -> str:
    """The shared string a cell names by its index."""
    index = int(raw)
    if not 0 <= index < len(strings):
        raise BrokenWorkbookError(f"shared string {index} of {len(strings)}")
    return strings[index]


def _from_serial(value: float, epoch: dt.datetime) -> dt.datetime | dt.time:
    """Excel's date serial as a date and time (a fraction of a day alone: a time of day)."""
    day, fraction = divmod(value, 1)
    moment = dt.timedelta(milliseconds=round(fraction * 86_400_000))
    if 0 <= value < 1 and moment.days == 0:
        return (dt.datetime.min + moment).time()
    if 0 < value < 60 and epoch == _WINDOWS_EPOCH:
        day += 1  # Excel counts a 29 February 1900 that never was
    return epoch + dt.timedelta(days=day) + moment


def _size(ref: str) -> tuple[int, int]:
    """Rows and columns a dimension such as A1:I200 states."""
    last = ref.rpartition(":")[2]
    match = _COORDINATE.fullmatch(last.replace("$", ""))
    if match is None:
        raise BrokenWorkbookError(f"dimension {ref!r}")
    return int(match.group(2)), column_number(match.group(1))
