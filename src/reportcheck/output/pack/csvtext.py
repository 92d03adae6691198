"""The attachment table (and the 对照表 at year end) as CSV, UTF-8 with a BOM for Excel."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportcheck.output.csvcells import to_csv
from reportcheck.output.pack.tabular import account_table, attachment_table

if TYPE_CHECKING:
    from reportcheck.review.pack import Pack

#: Excel on a Chinese-locale Windows reads CSV as GBK unless the file starts with this mark.
BOM = "\ufeff"


def pack_csv(pack: Pack, lang: str) -> str:
    """One table: the 对照表 for a year-end pack, else the attachment; text cells are guarded."""
    table = account_table(pack, lang) if pack.year_end else attachment_table(pack, lang)
    return BOM + to_csv(table.header, table.rows)
