"""The one language of a run (names, labels, tables, messages, help): --lang, else
$REPORTCHECK_LANG, else the locale, else Chinese."""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence

LANGS = ("zh", "en")


def resolve_lang(given: str | None, environ: Mapping[str, str] | None = None) -> str:
    """--lang when given; else $REPORTCHECK_LANG (zh or en); else the locale (LC_ALL,
    LC_MESSAGES, LANG): English for an English or other non-Chinese locale, Chinese for a
    Chinese one and when none is set (C, POSIX, and Windows, which sets none of them)."""
    if given in LANGS:
        return given
    env = os.environ if environ is None else environ
    chosen = env.get("REPORTCHECK_LANG", "").strip().lower()
    if chosen in LANGS:
        return chosen
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(name, "").strip()
        if value:
            base = value.split(".")[0].split("@")[0].lower()
            if base.startswith("zh") or base in ("c", "posix"):
                return "zh"
            return "en"
    return "zh"


def lang_in_args(args: Sequence[str], environ: Mapping[str, str] | None = None) -> str:
    """The language a command line asks for, read before the options are parsed (for --help)."""
    given: str | None = None
    for i, arg in enumerate(args):
        if arg == "--lang" and i + 1 < len(args):
            given = args[i + 1]
        elif arg.startswith("--lang="):
            given = arg.split("=", 1)[1]
    return resolve_lang(given, environ)
