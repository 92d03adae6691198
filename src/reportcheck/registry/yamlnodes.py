"""Reading a registry's YAML safely, with the line of every mapping and key, and checking fields.

The tree is built in one pass over libyaml's events (the C parser when present), so its limits
hold before anything is built: nesting deeper than the schema's MAX_DEPTH, anchors and aliases
(whose expansion has no bound) and tags other than YAML's plain ones are refused at their line,
and a file that nests 100,000 levels is refused after reading twenty. Only plain data is made (no
tag runs code); numbers are read exactly from their digits; duplicate keys, unhashable keys, null,
NaN and infinite values become problems naming the key and its line, all of them in one pass.
"""

from __future__ import annotations

import functools
import re
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, TypeVar

import msgspec

from reportcheck.model.controls import ACTING
from reportcheck.model.numbers import NotANumberError, check_precision
from reportcheck.model.problems import Param, Problem, RegistryError, Severity, Term, problem
from reportcheck.registry.schema import MAX_DEPTH, MAX_NUMBER_CHARS

if TYPE_CHECKING:
    from enum import Enum

    from reportcheck.registry.schema import Keys

_E = TypeVar("_E", bound="Enum")
_FRACTION = re.compile(r"\s*([+-]?\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*")
_DECIMAL = re.compile(r"[-+]?(?:\d[\d_]*)?\.?\d[\d_]*(?:[eE][-+]?\d+)?")
#: A tag of Rich's markup ([bold], [/], [link=…], [#ff0000], [@click]), as Rich finds them.
RICH_TAG = re.compile(r"\[[a-z#/@][^\[\]]*\]")
#: Characters that would act on a terminal or break a document if a registry string carried them.
_CONTROL = re.compile(f"[{ACTING}\r]")
_CORE = "tag:yaml.org,2002:"
#: The tags a registry's scalars may carry (written out, as !!str, or implied).
_SCALAR_TAGS = frozenset(
    f"{_CORE}{name}" for name in ("str", "int", "float", "bool", "null", "binary", "timestamp")
)
_STR, _FLOAT = f"{_CORE}str", f"{_CORE}float"
_NUMBER_TAGS = frozenset({f"{_CORE}int", _FLOAT})
_INTEGER = re.compile(r"[-+]?(?:0|[1-9][0-9]*)")


class Node(dict[Any, Any]):
    """A mapping that remembers where it and each of its keys stand in the file."""

    line: int
    key_lines: dict[Any, int]


class NumberTooLong(msgspec.Struct, frozen=True):
    """A number written with more characters than any registry figure needs, kept unread: its
    conversion would cost time for nothing (or fail at Python's limit on integer digits)."""

    text: str
    #: The characters it may have: a fraction twice a number's, one on each side of its /.
    limit: int = MAX_NUMBER_CHARS


class Failed:
    """A field whose value is wrong and already reported: nothing that depends on it is checked
    again (no "needs a baseline" after a baseline that is itself wrong)."""


FAILED = Failed()


class _UnhashableKey:
    """Stands in for a key YAML allows but a mapping cannot hold ([a, b]: 1)."""

    def __init__(self, line: int) -> None:
        self.line = line

    def __repr__(self) -> str:
        return "<a list or mapping used as a key>"


@functools.cache
def _loader_class() -> Any:
    """The safe loader, on libyaml's parser when available; imported on first use, so a command
    that never reads YAML never imports yaml."""
    import yaml

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str, file: str) -> tuple[Any, list[Problem]]:
    """The document's data and the problems found while building it (or RegistryError)."""
    import yaml

    loader = _loader_class()(text)
    builder = _Builder(loader, file)
    try:
        data = builder.document()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise RegistryError(
            [
                problem(
                    "registry-yaml",
                    "invalid",
                    file=file,
                    line=mark.line + 1 if mark else None,
                    why=str(exc.problem or exc.context or ""),
                )
            ]
        ) from None
    except yaml.YAMLError as exc:
        raise RegistryError(
            [problem("registry-yaml", "invalid", file=file, why=str(exc))]
        ) from None
    finally:
        loader.dispose()
    return data, builder.problems


class _RefusedError(Exception):
    """The document uses what a registry never needs; the problem says what and where."""

    def __init__(self, found: Problem) -> None:
        super().__init__(found.code)
        self.problem = found


class _Builder:
    """Builds plain data from the parser's events, one event at a time, without recursion."""

    def __init__(self, loader: Any, file: str) -> None:
        self.loader, self.file = loader, file
        self.problems: list[Problem] = []
        #: Plain scalars resolve by their text alone: each distinct text is resolved once.
        self._resolved: dict[str, str] = {}

    def document(self) -> Any:
        import yaml

        events = self.loader
        try:
            events.get_event()  # the stream's start
            if events.check_event(yaml.StreamEndEvent):
                return None
            events.get_event()  # the document's start
            data = self._content()
            events.get_event()  # the document's end
            if not events.check_event(yaml.StreamEndEvent):
                line = events.peek_event().start_mark.line + 1
                raise _RefusedError(
                    problem("registry-yaml", "documents", file=self.file, line=line)
                )
        except _RefusedError as refused:
            raise RegistryError([refused.problem]) from None
        return data

    def _content(self) -> Any:
        """The document's one node: mappings and lists kept on a stack of their own."""
        import yaml

        events, scalar, alias = self.loader, yaml.ScalarEvent, yaml.AliasEvent
        ends = (yaml.MappingEndEvent, yaml.SequenceEndEvent)
        stack: list[tuple[Node | list[Any], list[Any]]] = []  # (container, pending key)
        while True:
            event = events.get_event()
            line = event.start_mark.line + 1
            kind = type(event)
            if kind is alias or getattr(event, "anchor", None):
                name = str(getattr(event, "anchor", "") or "")
                raise _RefusedError(
                    problem("registry-yaml", "alias", file=self.file, line=line, anchor=name)
                )
            if kind is scalar:
                value: Any = self._scalar(event, line)
            elif kind in ends:
                value = stack.pop()[0]
            else:
                mapping = kind is yaml.MappingStartEvent
                self._tag(event.tag, f"{_CORE}map" if mapping else f"{_CORE}seq", line)
                if len(stack) >= MAX_DEPTH:
                    raise _RefusedError(
                        problem(
                            "registry-yaml", "too-deep", file=self.file, line=line, limit=MAX_DEPTH
                        )
                    )
                made: Node | list[Any] = Node() if mapping else []
                if isinstance(made, Node):
                    made.line, made.key_lines = line, {}
                stack.append((made, []))
                continue
            if not stack:
                return value
            self._add(stack[-1], value, line)

    def _add(self, top: tuple[Node | list[Any], list[Any]], value: Any, line: int) -> None:
        container, pending = top
        if isinstance(container, list):
            container.append(value)
            return
        if not pending:
            try:
                hash(value)
            except TypeError:
                self.problems.append(problem("registry-shape", "key", file=self.file, line=line))
                value = _UnhashableKey(line)
            pending.append((value, line))
            return
        key, key_line = pending.pop()
        if key in container.key_lines:
            # The first is kept: the second is the mistake, and is not checked again.
            self.problems.append(
                problem(
                    "registry-duplicate-key",
                    file=self.file,
                    line=key_line,
                    column=str(key),
                    first=container.key_lines[key],
                )
            )
            return
        container[key] = value
        container.key_lines[key] = key_line

    def _tag(self, tag: str | None, plain: str, line: int) -> None:
        if tag not in (None, "!", plain):
            raise _RefusedError(problem("registry-yaml", "tag", file=self.file, line=line, tag=tag))

    def _scalar(self, event: Any, line: int) -> Any:
        value: str = event.value
        tag = event.tag
        if tag is None or tag == "!":
            if event.style:  # quoted or a block: text, whatever it reads like
                return value
            tag = self._resolved.get(value)
            if tag is None:
                import yaml

                tag = self._resolved[value] = self.loader.resolve(
                    yaml.ScalarNode, value, event.implicit
                )
        if tag == _STR:
            return value
        if tag not in _SCALAR_TAGS:
            raise _RefusedError(problem("registry-yaml", "tag", file=self.file, line=line, tag=tag))
        if tag in _NUMBER_TAGS:
            if ":" in value:
                return value  # YAML 1.1 reads 1:30 as 90 (base 60): text, refused as a number
            if len(value) > MAX_NUMBER_CHARS:
                return NumberTooLong(value)
            if _INTEGER.fullmatch(value):
                return int(value)
            if tag == _FLOAT and _DECIMAL.fullmatch(value):
                return Decimal(value.replace("_", ""))  # exactly as written, not a binary float
        import yaml

        node = yaml.ScalarNode(tag, value, event.start_mark, event.end_mark, event.style)
        return self.loader.yaml_constructors[tag](self.loader, node)


class Checker(msgspec.Struct):
    """Collects every problem of a registry, each with its key and line."""

    file: str
    problems: list[Problem]

    def problem(
        self,
        code: str,
        *,
        variant: str = "",
        line: int | None,
        key: object = None,
        value: object = None,
        severity: Severity = "error",
        **params: Param,
    ) -> None:
        shown = None if value is None else _printable(str(value))
        self.problems.append(
            problem(
                code,
                variant,
                file=self.file,
                line=line,
                column=None if key is None else str(key),
                value=shown,
                severity=severity,
                params=params,
            )
        )

    def keys(self, node: object, where: Term, keys: Keys, line: int | None) -> Node | None:
        """`node` as a mapping with no key the schema does not know and every key it needs."""
        if not isinstance(node, Node):
            self.problem("registry-shape", variant="mapping", line=line, where=where)
            return None
        known = ", ".join(sorted(keys.known))
        for key in node:
            if key not in keys.known:
                self.problem(
                    "registry-unknown-key",
                    line=node.key_lines[key],
                    key=key,
                    where=where,
                    known=known,
                )
        for key in sorted(keys.required - set(node)):
            self.problem("registry-missing-key", line=node.line, key=key, where=where)
        return node

    def present(self, node: Node, key: str, where: Term) -> bool:
        """Whether `key` has a value; a key written with no value (`key: ~`) is a problem."""
        if key not in node:
            return False
        if node[key] is None:
            self.problem("registry-null", line=node.key_lines[key], key=key, value="~", where=where)
            return False
        return True

    def text(self, node: Node, key: str, where: Term) -> str:
        if not self.present(node, key, where):
            return ""
        return self.text_value(node[key], node.key_lines[key], key, where)

    def text_value(self, value: object, line: int, key: str, where: Term) -> str:
        if not isinstance(value, str):
            # 123, 2023-02-01, yes and !!binary are YAML's numbers, dates, booleans and bytes:
            # quoted, they are text.
            shown = value.text if isinstance(value, NumberTooLong) else value
            self.problem(
                "registry-type", variant="text", line=line, key=key, value=shown, where=where
            )
            return ""
        if control := _CONTROL.search(value):
            self.problem(
                "registry-control-character",
                line=line,
                key=key,
                value=value,
                where=where,
                char=f"U+{ord(control.group()):04X}",
            )
            return ""
        if markup := RICH_TAG.search(value):
            self.problem(
                "registry-markup", line=line, key=key, value=value, where=where, tag=markup.group()
            )
            return ""
        return value

    def number(self, node: Node, key: str, where: Term) -> Fraction | None:
        """A finite number, or an exact fraction written as text ("2/3", "200/3")."""
        if not self.present(node, key, where):
            return None
        return self.number_value(node[key], node.key_lines[key], key, where)

    def number_value(self, value: object, line: int, key: str, where: Term) -> Fraction | None:
        if isinstance(value, NumberTooLong):
            self.problem(
                "registry-type",
                variant="too-long-fraction" if value.limit > MAX_NUMBER_CHARS else "too-long",
                line=line,
                key=key,
                value=f"{value.text[:20]}…",
                where=where,
                length=len(value.text),
                limit=value.limit,
            )
            return None
        if isinstance(value, str) and (match := _FRACTION.fullmatch(value)):
            if len(value) > 2 * MAX_NUMBER_CHARS:
                too_long = NumberTooLong(value, limit=2 * MAX_NUMBER_CHARS)
                return self.number_value(too_long, line, key, where)
            parts = Decimal(match.group(1)), Decimal(match.group(2))
            if not self._within_digits(parts, value, line, key, where):
                return None
            numerator, denominator = Fraction(parts[0]), Fraction(parts[1])
            if denominator:
                return numerator / denominator
        if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
            self.problem(
                "registry-type", variant="number", line=line, key=key, value=value, where=where
            )
            return None
        # a float as written: 0.1 is 1/10, not the binary float
        written = Decimal(str(value)) if isinstance(value, float) else Decimal(value)
        if not written.is_finite():
            self.problem(
                "registry-type", variant="finite", line=line, key=key, value=value, where=where
            )
            return None
        if not self._within_digits((written,), value, line, key, where):
            return None
        return Fraction(written)

    def _within_digits(
        self, numbers: tuple[Decimal, ...], value: object, line: int, key: str, where: Term
    ) -> bool:
        """Whether each number holds at most the digits of a figure (MAX_INTEGER_DIGITS before
        the point, MAX_DECIMAL_PLACES after, trailing zeros not counted): beyond them a value
        could not be judged exactly against a figure, so it is refused where it is written."""
        for number in numbers:
            try:
                check_precision(number)
            except NotANumberError as exc:
                beyond = exc.problem
                self.problem(
                    "registry-type",
                    variant=(
                        "integer-digits" if beyond.variant == "integer-digits" else "decimal-places"
                    ),
                    line=line,
                    key=key,
                    value=value,
                    where=where,
                    digits=beyond.params["digits"],
                    limit=beyond.params["limit"],
                )
                return False
        return True

    def choice(self, node: Node, key: str, enum: type[_E], where: Term) -> _E | None:
        if not self.present(node, key, where):
            return None
        value = node[key]
        try:
            return enum(value)
        except (ValueError, TypeError):
            self.problem(
                f"registry-unknown-{key}",
                line=node.key_lines[key],
                key=key,
                value=value,
                where=where,
                known=", ".join(str(e.value) for e in enum),
            )
            return None


def _printable(text: str) -> str:
    """Control characters (terminal escapes among them) shown as escapes, never sent raw."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)
