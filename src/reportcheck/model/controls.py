"""The characters that act instead of showing: one definition every guard builds on.

A terminal obeys C0 and C1 controls; bidirectional overrides and isolates reorder how a line
reads (so a figure can look like another); line and paragraph separators break a line where none
is seen. Each guard takes these sets as character-class ranges and adds what its medium needs.
"""

from __future__ import annotations

#: C0 controls but tab, line feed and carriage return; DEL; the C1 controls.
C0_C1 = "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"
#: The marks and overrides that reorder text: LRM, RLM, embeddings, overrides and isolates.
BIDI = "\u200e\u200f\u202a-\u202e\u2066-\u2069"
#: The line and paragraph separators (YAML and some editors read them as line breaks).
SEPARATORS = "\u2028\u2029"
#: What every guard refuses or makes visible.
ACTING = C0_C1 + BIDI
#: What XML 1.0 cannot carry at all (a workbook, a Word document): C0 controls but tab and line
#: ends, lone surrogates, U+FFFE and U+FFFF. Named as the characters taken out, not as the
#: negation of those kept: a negated class over the astral planes takes milliseconds to compile.
NOT_XML = "\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff"
