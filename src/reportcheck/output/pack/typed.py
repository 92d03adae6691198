"""What someone typed into a pack already written, kept when `report --force` writes it anew.

An office fills the 推进情况 cells of the Excel 附件 (or of the 数据 sheet, or of the CSV pack
opened in Excel) by hand. Replacing that file must not lose them. The earlier pack is read
back: a cell of 推进情况 is typed text when it is neither what reportcheck wrote there (the
reason the figures gave, at the earlier pack's period or now, or 未填写原因) nor empty.

- Typed text of a pack for the same period is kept: the new pack's 推进情况 gives it (after
  the figures' own reason, when they give one).
- Typed text that the new pack could not keep is refused, naming each row, and nothing is
  written: text typed for another period (it would describe figures it does not stand beside;
  a new month's pack goes to a new file), text of a commitment the new pack leaves out (a
  filtered pack), text in a row no commitment of the registry matches.
- A workbook or CSV file at that name that is no pack reportcheck wrote is refused whole.

A Word 通报 is finished by hand in Word and cannot be read back cell by cell: reportcheck notes
in it a checksum of the text it wrote, and refuses to replace one whose text has changed since.
"""

from __future__ import annotations

import re
import zipfile
from typing import TYPE_CHECKING

import msgspec

from reportcheck.model.limits import MAX_FILE_BYTES, read_limited
from reportcheck.model.periods import Period, parse_period
from reportcheck.model.problems import UsageError, problem
from reportcheck.output.csvcells import safe_cell
from reportcheck.output.pack.docx import DOCUMENT_MARK
from reportcheck.output.pack.paragraphs import visible
from reportcheck.output.words import HEAD, TEXT, pick

if TYPE_CHECKING:
    from pathlib import Path

    from reportcheck.model.problems import Problem
    from reportcheck.registry.records import Registry, Target
    from reportcheck.review.pack import Pack, Row


class Typed(msgspec.Struct, frozen=True, kw_only=True):
    """One 推进情况 cell of the earlier pack: the commitment it stands beside (None: no
    commitment matches its row), its text, and where it is (file [sheet], line)."""

    id: str | None
    text: str
    file: str
    line: int


class Earlier(msgspec.Struct, frozen=True):
    """An earlier pack as read back: its period (None when it does not say) and its cells."""

    period: Period | None
    cells: tuple[Typed, ...]


#: What reportcheck writes in 推进情况 where no reason is given, in either language.
_NO_REASON = frozenset(TEXT["no_reason"])
#: The column heads that find the columns, in either language.
_REASON = frozenset(HEAD["reason"])
_ID = frozenset(HEAD["id"])
_NAME = frozenset(HEAD["name"])
_TASK = frozenset(HEAD["task"])
_PERIOD = frozenset(HEAD["period"])
#: '截至2023年1—6月' or 'as of 2023-06' (the 截至 line of a pack).
_AS_OF = re.compile(r"(?:截至|as of )(.+)")


def keep_typed(pack: Pack, path: Path) -> tuple[Pack, int]:
    """The pack with the text typed into the earlier pack at `path` kept, and how many rows
    kept some; UsageError naming each typed row it cannot keep."""
    earlier = read_earlier(path, pack.registry)
    rows = {row.target.id: row for row in pack.rows}
    kept: dict[str, list[str]] = {}
    lost = []
    for found in earlier.cells:
        row = rows.get(found.id) if found.id is not None else None
        cell = found
        if found.id is not None:
            written = _written(pack, found.id, row)
            cell = msgspec.structs.replace(found, text=_typed_part(found.text, written))
            if cell.text in written:
                continue
        output = str(path)
        if cell.id is None:
            lost.append(_lost("typed-text", cell, variant="unmatched", output=output))
        elif row is None:
            lost.append(_lost("typed-text", cell, variant="left-out", output=output, id=cell.id))
        elif earlier.period != pack.period:
            shown = str(earlier.period) if earlier.period is not None else "?"
            lost.append(
                _lost(
                    "typed-text",
                    cell,
                    variant="period",
                    output=output,
                    id=cell.id,
                    period=shown,
                )
            )
        else:
            kept.setdefault(cell.id, []).append(cell.text)
    if lost:
        raise UsageError(lost)
    if not kept:
        return pack, 0
    typed = {i: ";".join(dict.fromkeys(texts)) for i, texts in kept.items()}
    return _with_typed(pack, typed), len(typed)


def _lost(code: str, cell: Typed, *, variant: str, **params: str) -> Problem:
    """The problem of a typed cell that would be lost, placed at the cell."""
    return problem(
        code,
        variant,
        file=cell.file,
        line=cell.line,
        column=pick(HEAD["reason"], "zh"),
        value=cell.text,
        params=params,
    )


def _typed_part(text: str, written: set[str]) -> str:
    """The text typed after a reason reportcheck wrote: a pack that kept typed text shows it
    after the figures' own reason ('reason;typed')."""
    for reason in sorted(written, key=len, reverse=True):
        if reason and text.startswith(f"{reason};"):
            return text[len(reason) + 1 :].strip()
    return text


def _written(pack: Pack, target_id: str, row: Row | None) -> set[str]:
    """Every text reportcheck may have written in a commitment's 推进情况: nothing, 未填写原因,
    a reason its figures give at any period, as cells show them."""
    reasons = set(pack.given.get(target_id, ()))
    if row is not None:
        reasons.add(row.reason)
    written = {"", *_NO_REASON}
    for reason in reasons:
        shown = visible(reason)
        written |= {reason, shown, safe_cell(shown)}
    return {text.strip() for text in written}


def _with_typed(pack: Pack, typed: dict[str, str]) -> Pack:
    sections = tuple(
        msgspec.structs.replace(
            group,
            rows=tuple(
                msgspec.structs.replace(row, typed=typed[row.target.id])
                if row.target.id in typed
                else row
                for row in group.rows
            ),
        )
        for group in pack.sections
    )
    return msgspec.structs.replace(pack, sections=sections)


def read_earlier(path: Path, registry: Registry) -> Earlier:
    """The 推进情况 cells of the pack at `path` (.xlsx or .csv); UsageError when it is no pack
    reportcheck wrote (its content could not be known to be safe to replace)."""
    from reportcheck.actuals.table import read_tables

    if path.suffix.lower() == ".xlsx":
        from reportcheck.actuals.raw import RawTable
        from reportcheck.actuals.xlsx import read_workbook

        data = read_limited(path, MAX_FILE_BYTES, "a review pack")
        tables = read_workbook(data, RawTable(file=str(path)), every_sheet=True)
    else:
        tables = read_tables(path)
    cells: list[Typed] = []
    period: Period | None = None
    found = False
    for table in tables:
        if any(p.severity == "error" for p in table.problems):
            continue
        grid = [(1, table.header), *table.rows]
        period = period or _as_of(grid)
        header_at = next((i for i, (_, row) in enumerate(grid) if _REASON & set(row)), None)
        if header_at is None:
            continue
        found = True
        header = grid[header_at][1]
        cells += _cells(table.file, header, grid[header_at + 1 :], registry)
        if period is None and _PERIOD & set(header):  # the CSV pack: its latest period
            period = _latest(header, grid[header_at + 1 :])
    if not found:
        shown = str(path)
        raise UsageError([problem("typed-text", "not-a-pack", value=shown, file=shown)])
    return Earlier(period, tuple(cells))


def _as_of(grid: list[tuple[int, list[str]]]) -> Period | None:
    for _, row in grid[:3]:
        for cell in row[:1]:
            match = _AS_OF.fullmatch(cell.strip())
            if match:
                return _period(match.group(1))
    return None


def _period(text: str) -> Period | None:
    """'2023年1—6月', '2023年1月', '2023年' or '2023-06' back to a period."""
    text = text.strip()
    zh = re.fullmatch(r"(\d{4})年(?:1—)?(\d{1,2})月", text)
    if zh:
        return Period(int(zh.group(1)), int(zh.group(2)), "month")
    try:
        return parse_period(text)
    except ValueError:
        return None


def _latest(header: list[str], rows: list[tuple[int, list[str]]]) -> Period | None:
    at = next(i for i, h in enumerate(header) if h in _PERIOD)
    found = [_period(cells[at]) for _, cells in rows if at < len(cells) and cells[at].strip()]
    periods = [p for p in found if p is not None]
    return max(periods) if periods else None


def _cells(
    file: str, header: list[str], rows: list[tuple[int, list[str]]], registry: Registry
) -> list[Typed]:
    """The non-empty 推进情况 cells of one table, each with its commitment: by its id (the
    数据 sheet, the CSV pack), or by its name or wording under its section's row (a 附件)."""
    reason = next(i for i, h in enumerate(header) if h in _REASON)
    by_id = next((i for i, h in enumerate(header) if h in _ID), None)
    by_name = next((i for i, h in enumerate(header) if h in _NAME | _TASK), None)
    sections = {
        title: key
        for key, section in registry.sections.items()
        for title in (section.title("zh"), section.title("en"))
    }
    section: str | None = None
    seen: dict[tuple[str | None, str], int] = {}
    found = []
    for line, cells in rows:
        text = cells[reason].strip() if reason < len(cells) else ""
        first = cells[0].strip() if cells else ""
        if first in sections and not any(c.strip() for c in cells[1:]):
            section = sections[first]
            continue
        if by_id is not None:
            target = registry.get(cells[by_id].strip()) if by_id < len(cells) else None
        else:
            named = cells[by_name].strip() if by_name is not None and by_name < len(cells) else ""
            # Rows of one wording (two stations of one sentence) come in the registry's order.
            nth = seen[(section, named)] = seen.get((section, named), -1) + 1
            target = _named(registry, named, section, nth)
        if text:
            found.append(Typed(id=target.id if target else None, text=text, file=file, line=line))
    return found


def _named(registry: Registry, named: str, section: str | None, nth: int) -> Target | None:
    """The nth commitment of the section with this name or wording."""
    matches = [
        t
        for t in registry.commitments
        if named in (t.name_zh, t.name_en, t.quote) and (section is None or t.section == section)
    ]
    return matches[nth] if nth < len(matches) else None


# ── The Word 通报 ─────────────────────────────────────────────────────────────────────────

_MARK = re.compile(rb"<dc:identifier>" + re.escape(DOCUMENT_MARK.encode()) + rb"([0-9a-f]{8})<")


def check_unedited(path: Path) -> None:
    """Refuse to replace a Word 通报 whose text changed since reportcheck wrote it (or one
    reportcheck did not write): the edits of the office finishing it would be lost."""
    shown = str(path)
    try:
        data = read_limited(path, MAX_FILE_BYTES, "a review pack")
        import io

        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            written = archive.getinfo("word/document.xml").CRC
            with archive.open("docProps/core.xml") as core:
                found = _MARK.search(core.read(64 * 1024))
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        found = None
        written = -1
    if found is None or int(found.group(1), 16) != written:
        raise UsageError([problem("typed-text", "edited", value=shown, file=shown)])
