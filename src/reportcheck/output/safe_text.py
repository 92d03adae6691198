"""Text from data shown on a terminal as inert characters, never as a terminal command.

A note, a source, a registry title or a file name can hold escape sequences (colour changes,
screen clears, hyperlinks, a window title). Everything printed to a terminal passes through
`neutralise`; files receive the data as given, made valid for their format by their writers.
"""

from __future__ import annotations

import functools
import io
import re
from collections.abc import Iterable
from typing import IO, TYPE_CHECKING, Any

from reportcheck.model.controls import ACTING, NOT_XML

if TYPE_CHECKING:
    from rich.console import Console, ConsoleOptions, RenderableType, RenderResult

# Each pattern is compiled when first used (a few tenths of a millisecond each), not at import:
# a command whose output is not a terminal and says nothing from data needs neither.


@functools.cache
def _control() -> re.Pattern[str]:
    """C0 controls but tab and newline, a carriage return not ending a line, DEL, C1 controls,
    and the Unicode controls that reorder how a line reads (bidirectional overrides)."""
    return re.compile(f"[{ACTING}]|\r(?!\n)")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def neutralise(text: str) -> str:
    r"""`text` with every control character written out as an escape: ESC becomes '\x1b'."""
    return _control().sub(_visible, text)


def single_line(text: str) -> str:
    """`text` neutralised and kept on one line: line feeds and tabs are written as escapes."""
    flat = neutralise(text).replace("\r\n", "\\r\\n")
    return flat.replace("\n", "\\n").replace("\t", "\\t")


def has_control(text: str) -> bool:
    return _control().search(text) is not None


@functools.cache
def _not_xml() -> re.Pattern[str]:
    """Characters XML 1.0 cannot carry (controls but tab and line ends, lone surrogates,
    U+FFFE/F)."""
    return re.compile(f"[{NOT_XML}]")


def xml_text(text: str) -> str:
    r"""`text` with every character XML cannot carry written out ('\x1b', '\ufffe'), for a
    workbook or a Word document: nothing dropped, nothing that breaks the file."""
    found = _not_xml()
    return found.sub(_visible, text) if found.search(text) else text


class TerminalStream:
    """A text stream to a terminal that writes every control character as a visible escape."""

    def __init__(self, raw: IO[str]) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("a terminal stream takes text")
        self.raw.write(neutralise(text))
        return len(text)

    def writelines(self, lines: Iterable[str]) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


class PipeGuard:
    """A text stream that, once its reader has gone (`... | head -1`), drops further output.

    The command then finishes its work and exits with the status its results deserve, quietly,
    as other Unix tools do; the descriptor is pointed at /dev/null so that the final flush at
    exit cannot fail either.
    """

    def __init__(self, raw: IO[str]) -> None:
        self.raw = raw
        self.gone = False
        self.failed: Exception | None = None

    def write(self, text: str) -> int:
        if not isinstance(text, str):
            raise TypeError("a guarded stream takes text")
        if self.failed is not None:
            raise self.failed
        if not self.gone and text:
            try:
                self.raw.write(text)
            except BrokenPipeError:
                self._reader_gone()
            except OSError as exc:
                self._cannot_write(exc)
        return len(text)

    def flush(self) -> None:
        if not self.gone and self.failed is None:
            try:
                self.raw.flush()
            except BrokenPipeError:
                self._reader_gone()
            except OSError as exc:
                self._cannot_write(exc)

    def _reader_gone(self) -> None:
        self.gone = True
        self._to_devnull()

    def _to_devnull(self) -> None:
        """Point the descriptor at /dev/null, so that the final flush at exit cannot fail."""
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        try:
            os.dup2(devnull, self.raw.fileno())
        except (AttributeError, OSError, ValueError):
            pass  # no descriptor (standard output was closed): nothing is left to flush
        finally:
            os.close(devnull)

    def _cannot_write(self, exc: OSError) -> None:
        """A full disk or a closed descriptor: one problem, raised by this and every later write
        (a probe that swallows the first must not hide it)."""
        from reportcheck.model.problems import OutputError, problem

        self._to_devnull()
        reason = exc.strerror or str(exc)
        self.failed = OutputError([problem("unwritable-output", why=reason)])
        raise self.failed

    def __getattr__(self, name: str) -> Any:
        return getattr(self.raw, name)


def guard_streams() -> None:
    """Guard the process's stdout against a closed pipe and both streams against escapes and
    against characters their encoding cannot write."""
    import os
    import sys

    if sys.stderr is None:  # started with standard error closed (2>&-)
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:  # started with standard output closed (>&-)
        sys.stdout = PipeGuard(_Closed())
    for stream in (sys.stdout, sys.stderr):
        writable_in_any_encoding(stream)
    if not isinstance(sys.stdout, PipeGuard | TerminalStream):
        sys.stdout = guard_terminal(PipeGuard(sys.stdout))  # type: ignore[arg-type]
    sys.stderr = guard_terminal(sys.stderr)


#: The error handler of a stream whose encoding cannot write every character.
VISIBLE = "reportcheck-visible"


#: Characters the tool itself writes that a GBK console lacks, as the nearest it has.
NEAREST = {"\u2212": "-", "\u2713": "√", "\u2714": "√", "\u2717": "×", "\u2718": "×"}


def _visible_or_dropped(error: UnicodeError) -> tuple[str, int]:
    """A character the encoding lacks, written as its nearest (− as -, ✓ as √) or as the escape
    that names it (\\U0001f600); a byte-order mark, which means nothing in such an encoding,
    is dropped."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    shown = []
    for c in error.object[error.start : error.end]:
        if c in NEAREST:
            shown.append(NEAREST[c])
        elif c != "\ufeff":
            shown.append(f"\\u{ord(c):04x}" if ord(c) < 0x10000 else f"\\U{ord(c):08x}")
    return "".join(shown), error.end


def writable_in_any_encoding(stream: object) -> None:
    """Make `stream` write what its encoding lacks visibly instead of failing: on a Chinese
    Windows console (GBK) a ✓ becomes √ and an emoji from data an escape such as \\U0001f600,
    never a crash. A stream whose handler was chosen (PYTHONIOENCODING with an :errors part)
    keeps it."""
    import codecs
    import contextlib

    try:
        codecs.lookup_error(VISIBLE)
    except LookupError:
        codecs.register_error(VISIBLE, _visible_or_dropped)
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is None or getattr(stream, "errors", None) != "strict":
        return
    with contextlib.suppress(AttributeError, ValueError, io.UnsupportedOperation):
        reconfigure(errors=VISIBLE)


class _Closed(io.StringIO):
    """Standard output when the process was started without one: every write fails."""

    def write(self, text: str) -> int:
        import errno

        raise OSError(errno.EBADF, "closed")


def guard_terminal(stream: IO[str]) -> IO[str]:
    """`stream` itself when it is not a terminal, else a TerminalStream around it."""
    try:
        terminal = stream.isatty()
    except (AttributeError, ValueError):
        return stream
    if not terminal or isinstance(stream, TerminalStream):
        return stream
    return TerminalStream(stream)  # type: ignore[return-value]


def raw_stream(stream: IO[str]) -> IO[str]:
    """The stream under a TerminalStream, for Rich, which neutralises data itself."""
    return stream.raw if isinstance(stream, TerminalStream) else stream


class SafeRenderable:
    """A Rich renderable whose data text is neutralised before layout, so widths stay right.

    Rich writes its own colours as escape sequences, so its output cannot pass through a
    TerminalStream; instead every Text inside is cleaned before the table is measured, and any
    text segment that still holds a control character is cleaned as it is drawn.
    """

    def __init__(self, inner: RenderableType) -> None:
        self.inner = inner
        _clean(inner, 0, set())

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        from rich.segment import Segment

        for segment in console.render(self.inner, options):
            if segment.control is None and has_control(segment.text):
                yield Segment(neutralise(segment.text), segment.style)
            else:
                yield segment


def _clean(node: object, depth: int, seen: set[int]) -> None:
    """Neutralise every rich Text reachable from `node` (renderables are small trees)."""
    import msgspec
    from rich.text import Text

    # Depth first with a stack of (node, depth); a table's cells are most of the nodes, so a
    # Text is checked where it is found rather than pushed.
    stack = [(node, depth)]
    while stack:
        node, depth = stack.pop()
        if depth > 12 or id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, Text):
            if has_control(node.plain):
                node.plain = neutralise(node.plain)
            continue
        if isinstance(node, str | bytes | int | float | bool) or node is None:
            continue
        if isinstance(node, list | tuple | set | frozenset):
            items: Iterable[object] = node
        elif isinstance(node, dict):
            items = node.values()
        elif not type(node).__module__.startswith(("rich.", "reportcheck.")):
            continue
        elif isinstance(node, msgspec.Struct):  # its fields are slots, not in a __dict__
            items = [*msgspec.structs.astuple(node), *getattr(node, "__dict__", {}).values()]
        elif hasattr(node, "__dict__"):
            items = vars(node).values()
        else:
            continue
        for item in items:
            if type(item) is Text:
                if has_control(item.plain):
                    item.plain = neutralise(item.plain)
            elif not isinstance(item, str | int | float | bool) and item is not None:
                stack.append((item, depth + 1))
