"""What every record of reportcheck shares: immutable once made (but the few that collect what
a reader finds), and named field by field when it has more than three."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil
import sys

import msgspec

import reportcheck


def _every_module() -> None:
    for module in pkgutil.walk_packages(reportcheck.__path__, "reportcheck."):
        if not module.name.endswith("__main__"):  # which would run the command line
            importlib.import_module(module.name)


#: The records that collect what a reader finds as it goes; every other record is immutable.
MUTABLE = {
    "reportcheck.registry.yamlnodes.Checker",
    "reportcheck.registry.evidence.Evidence",
    "reportcheck.actuals.check.ReadResult",
    "reportcheck.actuals.raw.RawTable",
    "reportcheck.actuals.xlsx._Grid",
    "reportcheck.registry.draft.extract.Extraction",
}


def _records(kind: type[msgspec.Struct]) -> list[type[msgspec.Struct]]:
    found = [k for k in kind.__subclasses__() if k.__module__.startswith("reportcheck.")]
    return found + [deeper for k in kind.__subclasses__() for deeper in _records(k)]


def test_every_record_but_the_readers_collections_is_immutable() -> None:
    _every_module()
    records = {f"{k.__module__}.{k.__qualname__}": k for k in _records(msgspec.Struct)}
    assert set(records) >= MUTABLE
    assert len(records) > 60
    for name, kind in records.items():
        assert kind.__struct_config__.frozen is (name not in MUTABLE), name


def _takes_positions(kind: type) -> bool:
    """Whether a record may be made with its fields by position."""
    if dataclasses.is_dataclass(kind):
        return any(not field.kw_only for field in dataclasses.fields(kind))
    try:
        kind(None)
    except TypeError as exc:
        return "Extra positional arguments" not in str(exc)
    except Exception:  # a check in __post_init__ refused the value: the position was taken
        return True
    return True


def _classes() -> list[type]:
    _every_module()
    found = []
    for name, module in list(sys.modules.items()):
        if not name.startswith("reportcheck.") or module is None:
            continue
        for value in vars(module).values():
            if isinstance(value, type) and value.__module__ == name:
                found.append(value)
    return found


def _fields(kind: type) -> tuple[str, ...]:
    if dataclasses.is_dataclass(kind):
        return tuple(field.name for field in dataclasses.fields(kind))
    if issubclass(kind, msgspec.Struct):
        return kind.__struct_fields__
    return ()


def test_records_of_more_than_three_fields_are_made_with_their_names() -> None:
    records = [kind for kind in _classes() if len(_fields(kind)) > 3]
    assert len(records) > 40
    positional = sorted(
        f"{kind.__module__}.{kind.__qualname__}" for kind in records if _takes_positions(kind)
    )
    assert positional == []


class _Positional(msgspec.Struct):
    a: int = 0
    b: int = 0
    c: int = 0
    d: int = 0


@dataclasses.dataclass
class _PositionalData:
    a: int = 0


def test_the_check_tells_a_positional_record_from_a_named_one() -> None:
    assert _takes_positions(_Positional)
    assert _takes_positions(_PositionalData)
    assert not _takes_positions(msgspec.defstruct("Named", ["a", "b"], kw_only=True))
