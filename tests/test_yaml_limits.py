"""The limits of a registry's YAML at their exact edges: an anchor even unused, nesting up to
MAX_DEPTH levels, numbers of up to MAX_NUMBER_CHARS characters (fractions twice that), digits
beyond a figure's reported alone, and what a problem shows of a value never sent raw."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from reportcheck.registry.schema import MAX_DEPTH, MAX_NUMBER_CHARS

from .conftest import Run
from .registry_cases import GROWTH, loads, refused, write

#: The entry's own keys sit under the document's mapping, the targets' list and the entry's
#: mapping: a value of the entry may nest MAX_DEPTH - 3 levels more.
ENTRY_DEPTH = 3


def test_an_anchor_is_refused_where_it_is_written_even_with_no_alias(tmp_path: Path) -> None:
    path = write(tmp_path, GROWTH.replace("name_zh: 地区", "name_zh: &growth 地区"))
    assert refused(path) == [
        "16: uses the YAML anchor or alias growth; write each entry out in full (anchors and "
        "aliases are not read, so that a small file cannot expand without bound) [registry-yaml]"
    ]


def test_invalid_yaml_says_what_the_parser_found(tmp_path: Path) -> None:
    path = write(tmp_path, GROWTH.replace("released: quarterly", 'released: "quarterly'))
    assert refused(path) == [
        "24: is not valid YAML: found unexpected end of stream [registry-yaml]"
    ]


def test_nesting_of_max_depth_levels_is_read(tmp_path: Path) -> None:
    """At the limit the value is read, and refused only for not being text."""
    levels = MAX_DEPTH - ENTRY_DEPTH
    path = write(tmp_path, GROWTH + "    note: " + "[" * levels + "]" * levels + "\n")
    assert refused(path) == [
        "24: column note: target gdp_growth: must be text (put it in quotes) [registry-type]"
    ]


def test_nesting_one_level_deeper_is_refused(tmp_path: Path) -> None:
    levels = MAX_DEPTH - ENTRY_DEPTH + 1
    path = write(tmp_path, GROWTH + "    note: " + "[" * levels + "]" * levels + "\n")
    assert refused(path) == [
        f"24: nests deeper than {MAX_DEPTH} levels; a registry never needs more [registry-yaml]"
    ]


def test_a_number_of_max_number_chars_is_read(tmp_path: Path) -> None:
    written = "6." + "0" * (MAX_NUMBER_CHARS - 2)  # trailing zeros are no digits of a figure
    registry = loads(write(tmp_path, GROWTH.replace("value: 6\n", f"value: {written}\n")))
    [target] = registry.targets
    assert target.value == 6


def test_a_number_one_character_longer_is_refused_unread(tmp_path: Path) -> None:
    written = "6." + "0" * (MAX_NUMBER_CHARS - 1)
    path = write(tmp_path, GROWTH.replace("value: 6\n", f"value: {written}\n"))
    assert refused(path) == [
        f"20: column value: target gdp_growth: a number of {MAX_NUMBER_CHARS + 1} characters; "
        f"a registry's numbers are written in at most {MAX_NUMBER_CHARS} [registry-type]"
    ]


def fraction_of(length: int) -> str:
    """12/2 written in `length` characters: spaces are allowed around the slash."""
    return "12" + " " * (length - 4) + "/2"


def test_a_fraction_of_twice_max_number_chars_is_read(tmp_path: Path) -> None:
    written = fraction_of(2 * MAX_NUMBER_CHARS)
    [target] = loads(write(tmp_path, GROWTH.replace("value: 6\n", f'value: "{written}"\n'))).targets
    assert target.value == 6


def test_a_fraction_one_character_longer_is_refused_unread(tmp_path: Path) -> None:
    written = fraction_of(2 * MAX_NUMBER_CHARS + 1)
    path = write(tmp_path, GROWTH.replace("value: 6\n", f'value: "{written}"\n'))
    assert refused(path) == [
        f"20: column value: target gdp_growth: a fraction of {2 * MAX_NUMBER_CHARS + 1} "
        f"characters; a registry's fractions are written in at most {2 * MAX_NUMBER_CHARS} "
        "[registry-type]"
    ]


def test_a_tolerance_beyond_a_figures_digits_is_reported_alone(tmp_path: Path) -> None:
    """Not read, so not also refused as negative."""
    path = write(tmp_path, GROWTH.replace("tolerance: 0.5", "tolerance: -0.00000000001"))
    assert refused(path) == [
        "21: column tolerance: target gdp_growth: 11 digits after the decimal point; a "
        "registry's numbers, like figures, have at most 10, and are never rounded [registry-type]"
    ]


def test_a_fraction_beyond_a_figures_digits_is_reported_alone(tmp_path: Path) -> None:
    """Not read, so its zero denominator is not a second problem."""
    path = write(tmp_path, GROWTH.replace("value: 6\n", 'value: "12345678901234567/0"\n'))
    assert refused(path) == [
        "20: column value: target gdp_growth: 17 digits before the decimal point; a registry's "
        "numbers, like figures, have at most 16 [registry-type]"
    ]


def test_a_quoted_value_tagged_plain_is_text(tmp_path: Path) -> None:
    """`!` asks for no particular type: quoted, the value is text as any quoted value is."""
    entry = GROWTH.replace("name_en: GDP growth", 'name_en: ! "2023"')
    [target] = loads(write(tmp_path, entry)).targets
    assert target.name_en == "2023"


def test_a_quoted_number_tagged_plain_is_not_a_number(tmp_path: Path) -> None:
    path = write(tmp_path, GROWTH.replace("value: 6\n", 'value: ! "6"\n'))
    assert refused(path) == [
        "20: column value: target gdp_growth: must be a number or a fraction such as 2/3 "
        "[registry-type]"
    ]


def test_a_control_character_in_a_value_is_shown_escaped(
    tmp_path: Path, cli: Callable[..., Run]
) -> None:
    path = write(tmp_path, GROWTH.replace("kind: rate", 'kind: "\\e[31mrate\\t"'))
    said = (
        "22: column kind: target gdp_growth: \\x1b[31mrate\\t is not one of rate, cumulative, "
        "stock, yesno [registry-unknown-kind]"
    )
    assert refused(path) == [said]
    run = cli("lint", str(path))
    assert run.exit_code == 2
    assert run.stdout == f"reportcheck: error: {path}:{said}\n"
