"""Reading a registry's YAML safely, with the line of every mapping and key, and checking fields.

Only plain data is built (no tags run code); duplicate keys, unhashable keys, null, NaN and
infinite values become problems naming the key and its line, all of them in one pass.
"""

from __future__ import annotations

import functools
import math
import re
from decimal import Decimal, InvalidOperation
from enum import Enum
from fractions import Fraction
from typing import Any, TypeVar

import msgspec

from reportcheck.model.problems import Problem, RegistryError

_E = TypeVar("_E", bound=Enum)
_FRACTION = re.compile(r"\s*([+-]?\d+(?:\.\d+)?)\s*/\s*(\d+(?:\.\d+)?)\s*")
#: Characters that would act on a terminal or break a document if a registry string carried them.
#: A tag of Rich's markup ([bold], [/], [link=…], [#ff0000], [@click]), as Rich finds them.
_RICH_TAG = re.compile(r"\[[a-z#/@][^\[\]]*\]")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e\u2066-\u2069]")


class Node(dict[Any, Any]):
    """A mapping that remembers where it and each of its keys stand in the file."""

    line: int = 0
    key_lines: dict[Any, int]


class _UnhashableKey:
    """Stands in for a key YAML allows but a mapping cannot hold ([a, b]: 1)."""

    def __init__(self, line: int) -> None:
        self.line = line

    def __repr__(self) -> str:
        return "<a list or mapping used as a key>"


@functools.cache
def _loader_class() -> Any:
    """A safe loader that records lines and duplicate keys; libyaml's parser when available.

    Built on first use, so a command that never reads YAML never imports yaml.
    """
    import yaml

    base: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

    def construct_mapping(loader: Any, node: yaml.MappingNode) -> Node:
        loader.flatten_mapping(node)
        result = Node()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            key = loader.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                loader.unhashable.append(line)
                key = _UnhashableKey(line)
            if key in result.key_lines:
                loader.duplicates.append((key, line))
            result[key] = loader.construct_object(value_node, deep=True)
            result.key_lines[key] = line
        return result

    def construct_number(loader: Any, node: yaml.ScalarNode) -> Any:
        """YAML 1.1 reads 1:30 as 90 (base 60): such a scalar stays text, and is refused where
        a number is wanted."""
        if ":" in node.value:
            return node.value
        return base.yaml_constructors[node.tag](loader, node)

    loader: Any = type("_Loader", (base,), {})
    loader.add_constructor("tag:yaml.org,2002:map", construct_mapping)
    loader.add_constructor("tag:yaml.org,2002:int", construct_number)
    loader.add_constructor("tag:yaml.org,2002:float", construct_number)
    return loader


def parse_yaml(text: str, file: str) -> tuple[Any, list[Problem]]:
    """The document's data and the problems found while building it (or RegistryError)."""
    import yaml

    loader = _loader_class()(text)
    loader.duplicates = []
    loader.unhashable = []
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise RegistryError(
            [Problem("registry-yaml", f"is not valid YAML: {exc.problem}", file, line)]
        ) from None
    except yaml.YAMLError as exc:
        raise RegistryError([Problem("registry-yaml", f"is not valid YAML: {exc}", file)]) from None
    finally:
        loader.dispose()
    problems = [
        Problem(
            "registry-duplicate-key",
            f"key {key!r} appears twice in one mapping",
            file,
            line,
            str(key),
        )
        for key, line in loader.duplicates
    ]
    problems += [
        Problem("registry-shape", "a key must be plain text, not a list or a mapping", file, line)
        for line in loader.unhashable
    ]
    return data, problems


class Checker(msgspec.Struct):
    """Collects every problem of a registry, each with its key and line."""

    file: str
    problems: list[Problem]

    def fail(
        self,
        code: str,
        message: str,
        line: int | None,
        key: str | None = None,
        value: object = None,
    ) -> None:
        shown = None if value is None else str(value)
        self.problems.append(Problem(code, message, self.file, line, key, shown))

    def keys(
        self, node: object, where: str, required: set[str], optional: set[str], line: int | None
    ) -> Node | None:
        if not isinstance(node, Node):
            self.fail("registry-shape", f"{where} must be a mapping", line)
            return None
        for key in node:
            if key not in required | optional:
                known = ", ".join(sorted(required | optional))
                self.fail(
                    "registry-unknown-key",
                    f"{where}: unknown key {key!r} (known: {known})",
                    node.key_lines[key],
                    str(key),
                )
        for key in sorted(required - set(node)):
            self.fail("registry-missing-key", f"{where}: missing key {key!r}", node.line, key)
        return node

    def present(self, node: Node, key: str, where: str) -> bool:
        """Whether `key` has a value; a key written with no value (`key: ~`) is a problem."""
        if key not in node:
            return False
        if node[key] is None:
            self.fail(
                "registry-null",
                f"{where}: {key} has no value (remove the key or give it one)",
                node.key_lines[key],
                key,
                "~",
            )
            return False
        return True

    def text(self, node: Node, key: str, where: str) -> str:
        if not self.present(node, key, where):
            return ""
        value = node[key]
        if not isinstance(value, str):
            # 123, 2023-02-01, yes and !!binary are YAML's numbers, dates, booleans and bytes:
            # quoted, they are text.
            self.fail(
                "registry-type",
                f"{where}: {key} must be text (put it in quotes)",
                node.key_lines[key],
                key,
                value,
            )
            return ""
        text = value
        if control := _CONTROL.search(text):
            self.fail(
                "registry-control-character",
                f"{where}: {key} holds the control character U+{ord(control.group()):04X}",
                node.key_lines[key],
                key,
                text.encode("unicode_escape").decode("ascii"),
            )
            return ""
        if markup := _RICH_TAG.search(text):
            self.fail(
                "registry-markup",
                f"{where}: {key} holds {markup.group()!r}, which a terminal would take for a "
                "style or a link; write it without square brackets",
                node.key_lines[key],
                key,
                text,
            )
            return ""
        return text

    def number(self, node: Node, key: str, where: str) -> Fraction | None:
        """A finite number, or an exact fraction written as text ("2/3", "200/3")."""
        if not self.present(node, key, where):
            return None
        return self.number_value(node[key], node.key_lines[key], key, where)

    def number_value(self, value: object, line: int, key: str, where: str) -> Fraction | None:
        if isinstance(value, str) and (match := _FRACTION.fullmatch(value)):
            numerator, denominator = Fraction(match.group(1)), Fraction(match.group(2))
            if denominator:
                return numerator / denominator
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(
                "registry-type",
                f"{where}: {key} must be a number or a fraction such as 2/3",
                line,
                key,
                value,
            )
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.fail("registry-type", f"{where}: {key} must be a finite number", line, key, value)
            return None
        try:
            return Fraction(Decimal(str(value)))
        except InvalidOperation:  # pragma: no cover - finite floats always convert
            self.fail("registry-type", f"{where}: {key} must be a number", line, key, value)
            return None

    def choice(self, node: Node, key: str, enum: type[_E], where: str) -> _E | None:
        if not self.present(node, key, where):
            return None
        value = node[key]
        try:
            return enum(value)
        except ValueError:
            allowed = ", ".join(e.value for e in enum)
            self.fail(
                f"registry-unknown-{key}",
                f"{where}: unknown {key} {value!r} (known: {allowed})",
                node.key_lines[key],
                key,
                value,
            )
            return None
