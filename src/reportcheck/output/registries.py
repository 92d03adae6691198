"""The shipped registries listed for people (a table, Markdown) and scripts (JSON, CSV)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import msgspec

from reportcheck.output.words import word

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import RenderableType


class Listed(msgspec.Struct, frozen=True, kw_only=True):
    """One shipped registry: its name (what --targets takes), whether commands use it by
    default, its report and its size."""

    name: str
    default: bool
    year: int
    title_zh: str
    title_en: str
    commitments: int
    references: int
    path: str

    def title(self, lang: str) -> str:
        return self.title_en if lang == "en" else self.title_zh


_HEADS = ("registry_name", "default", "year", "report_title", "commitments", "file")


def _cells(row: Listed, lang: str) -> list[str]:
    return [
        row.name,
        word("yes", lang) if row.default else "",
        str(row.year),
        row.title(lang),
        str(row.commitments),
        row.path,
    ]


def registries_table(rows: Sequence[Listed], lang: str) -> RenderableType:
    from rich.text import Text

    from reportcheck.output.layout import Column, FittedTable

    columns = [
        Column(header=word("registry_name", lang), style="cyan", head=True),
        Column(header=word("default", lang)),
        Column(header=word("year", lang)),
        Column(header=word("report_title", lang), weight=3, minimum=12),
        Column(header=word("commitments", lang).lstrip("项"), justify="right"),
        Column(header=word("file", lang), weight=2, minimum=10, optional=True),
    ]
    return FittedTable(columns, [[Text(c) for c in _cells(row, lang)] for row in rows])


def registries_markdown(rows: Sequence[Listed], lang: str) -> str:
    from reportcheck.output.serialize import md

    header = [word(k, lang).lstrip("项") for k in _HEADS]
    lines = ["| " + " | ".join(header) + " |", "|---|---|---:|---|---:|---|"]
    lines += ["| " + " | ".join(md(c) for c in _cells(row, lang)) + " |" for row in rows]
    return "\n".join(lines) + "\n"


def registries_csv(rows: Sequence[Listed]) -> str:
    from reportcheck.output.csvcells import to_csv

    return to_csv(
        ("name", "default", "year", "title_zh", "title_en", "commitments", "references", "path"),
        (
            (
                r.name,
                "yes" if r.default else "no",
                r.year,
                r.title_zh,
                r.title_en,
                r.commitments,
                r.references,
                r.path,
            )
            for r in rows
        ),
    )


def registries_json(rows: Sequence[Listed]) -> dict[str, Any]:
    return {"registries": [msgspec.structs.asdict(r) for r in rows]}
