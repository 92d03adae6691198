"""Safe YAML with a line for every mapping key and list item; markup and duplicates refused.

Independent of the registry loader, so the linter reads any registry the same way whatever the
loader accepts: plain data only (no tags, no anchors, no aliases), every key once per mapping.
"""

from __future__ import annotations

from typing import Any

import msgspec

Path = tuple[str | int, ...]


class Located(msgspec.Struct):
    """Plain data and where each part of it starts (1-based lines)."""

    data: Any
    lines: dict[Path, int] = msgspec.field(default_factory=dict)
    #: Each as (code, text, line).
    problems: list[tuple[str, str, int | None]] = msgspec.field(default_factory=list)

    def line(self, *path: str | int) -> int | None:
        """The line of `path`, or of its nearest ancestor that has one."""
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return None


def load_located(text: str) -> Located:
    import yaml

    result = Located(None)
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                result.problems.append(
                    ("yaml-markup", "anchors and aliases are not allowed", _line(event))
                )
            tag = getattr(event, "tag", None)
            if tag and not getattr(event, "implicit", True) and tag != "!":
                result.problems.append(("yaml-markup", f"tag {tag!r} is not allowed", _line(event)))
        if result.problems:
            return result
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        result.problems.append(
            ("yaml-invalid", f"is not valid YAML: {exc.problem}", mark.line + 1 if mark else None)
        )
        return result
    except yaml.YAMLError as exc:
        result.problems.append(("yaml-invalid", f"is not valid YAML: {exc}", None))
        return result
    if node is not None:
        result.data = _build(node, (), result)
    return result


def _line(event: Any) -> int | None:
    mark = getattr(event, "start_mark", None)
    return mark.line + 1 if mark is not None else None


def _build(node: Any, path: Path, out: Located) -> Any:
    import yaml

    out.lines.setdefault(path, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        mapping: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if not isinstance(key, (str, int)):
                out.problems.append(("yaml-key", "keys must be text", key_node.start_mark.line + 1))
                continue
            if key in mapping:
                out.problems.append(
                    ("duplicate-key", f"key {key!r} appears twice", key_node.start_mark.line + 1)
                )
            child: Path = (*path, key)
            out.lines[child] = key_node.start_mark.line + 1
            mapping[key] = _build(value_node, child, out)
        return mapping
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), out) for i, item in enumerate(node.value)]
    return _scalar(node)


def _scalar(node: Any) -> Any:
    import yaml

    if not isinstance(node, yaml.ScalarNode):
        return None
    loader = yaml.SafeLoader("")
    try:
        return loader.construct_object(node)
    finally:
        loader.dispose()
