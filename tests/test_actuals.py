"""Reading actuals: every valid form is read exactly; every bad row is refused, none lost."""

from __future__ import annotations

import csv
import datetime as dt
import io
import tempfile
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from reportcheck.actuals import check_tables, read_actuals
from reportcheck.actuals.table import read_table
from reportcheck.model.problems import ActualsError
from reportcheck.output.catalogue import message, one_line
from reportcheck.registry.records import Registry

Write = Callable[..., Path]


def values(path: Path, registry: Registry) -> dict[str, object]:
    return {a.id: a.value for a in read_actuals([path], registry).actuals}


def codes(path: Path, registry: Registry) -> list[tuple[str, int | None, str | None]]:
    with pytest.raises(ActualsError) as caught:
        read_actuals([path], registry)
    return [(p.code, p.line, p.column) for p in caught.value.problems if p.severity == "error"]


SAMPLE = "id,period,value\ngdp_growth,2023-06,5.7\ngraduates,2023-06,4.2\n"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030", "gbk"])
def test_encodings(write: Write, registry: Registry, encoding: str) -> None:
    text = SAMPLE + "energy_saving,2023-06,完成\n"
    path = write(text, encoding=encoding)
    assert values(path, registry) == {
        "gdp_growth": Decimal("5.7"),
        "graduates": Decimal("4.2"),
        "energy_saving": True,
    }


def test_crlf_line_ends(write: Write, registry: Registry) -> None:
    assert values(write(SAMPLE.replace("\n", "\r\n")), registry) == {
        "gdp_growth": Decimal("5.7"),
        "graduates": Decimal("4.2"),
    }


def test_numbers_as_people_type_them(write: Write, registry: Registry) -> None:
    path = write(
        "id,period,value,unit\n"
        'loan_balance,2023-06,"9,410.5",亿元\n'
        "gdp_growth, 2023-06 ,５．７％,\n"
        "income_ratio,2023-06,+1.58,\n"
        "industrial_va_growth,2023-06,−3.9,%\n"
    )
    assert values(path, registry) == {
        "loan_balance": Decimal("9410.5"),
        "gdp_growth": Decimal("5.7"),
        "income_ratio": Decimal("1.58"),
        "industrial_va_growth": Decimal("-3.9"),
    }


def test_unit_in_a_known_scale_is_converted(write: Write, registry: Registry) -> None:
    path = write(
        "id,period,value,unit\ngraduates,2023-06,42000,人\n"
        "loan_balance,2023-06,0.94,万亿元\nhard_to_employ,2023-06,0.2,万人\n"
    )
    assert values(path, registry) == {
        "graduates": Decimal("4.2"),
        "loan_balance": Decimal("9400"),
        "hard_to_employ": Decimal("2000"),
    }


def test_empty_value_is_no_data(write: Write, registry: Registry) -> None:
    actuals = read_actuals(
        [write("id,period,value\ngdp_growth,2023-06,\ngraduates,,\nfai_growth,2023-06,8\n")],
        registry,
    ).actuals
    assert [(a.id, a.value) for a in actuals] == [
        ("gdp_growth", None),
        ("graduates", None),
        ("fai_growth", Decimal(8)),
    ]


def test_optional_columns_are_kept(write: Write, registry: Registry) -> None:
    path = write("id,period,value,source,note\ngdp_growth,2023-06,5.7,统计局,上半年\n")
    actual = read_actuals([path], registry).actuals[0]
    assert (actual.source, actual.note, actual.line) == ("统计局", "上半年", 2)


def make_xlsx(path: Path, rows: list[list[object]], percent_cells: tuple[str, ...] = ()) -> Path:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    for ref in percent_cells:
        sheet[ref].number_format = "0.0%"
    book.save(path)
    return path


def test_xlsx_numbers_text_dates_and_percent_cells(tmp_path: Path, registry: Registry) -> None:
    path = make_xlsx(
        tmp_path / "a.xlsx",
        [
            ["id", "period", "value"],
            ["gdp_growth", "2023-06", 5.7],
            ["graduates", dt.datetime(2023, 6, 1), "4.2"],
            ["fai_growth", "2023-06", 0.081],
            ["new_listed_companies", 2023, 7],
        ],
        percent_cells=("C4",),
    )
    actuals = {a.id: (a.value, str(a.period)) for a in read_actuals([path], registry).actuals}
    assert actuals == {
        "gdp_growth": (Decimal("5.7"), "2023-06"),
        "graduates": (Decimal("4.2"), "2023-06"),
        "fai_growth": (Decimal("8.1"), "2023-06"),
        "new_listed_companies": (Decimal(7), "2023"),
    }


def test_unknown_id_suggests_the_closest(write: Write, registry: Registry) -> None:
    with pytest.raises(ActualsError) as caught:
        read_actuals([write("id,period,value\ngdp_grwth,2023-06,5.7\n")], registry)
    (problem,) = caught.value.problems
    assert one_line(problem) == (
        f"{problem.file}:2: column id: 'gdp_grwth' is not an id in the registry; did you mean "
        "gdp_growth? ('reportcheck targets' lists them) [unknown-id]"
    )


@pytest.mark.parametrize(
    ("row", "code", "column"),
    [
        ("gdp_growth,2023-06,abc", "not-a-number", "value"),
        ("gdp_growth,2023-06,5.7x", "not-a-number", "value"),
        ("graduates,2023-06,4.2%", "not-a-number", "value"),
        ("energy_saving,2023,maybe", "not-yes-no", "value"),
        ("gdp_growth,2023-13,5.7", "bad-period", "period"),
        ("gdp_growth,2023/6/31,5.7", "bad-period", "period"),
        ("gdp_growth,2022-06,5.7", "period-out-of-year", "period"),
        ("gdp_growth,,5.7", "missing-period", "period"),
        (",2023-06,5.7", "missing-id", "id"),
    ],
)
def test_bad_rows_are_refused_with_line_and_column(
    write: Write, registry: Registry, row: str, code: str, column: str
) -> None:
    assert codes(write(f"id,period,value\n{row}\n"), registry) == [(code, 2, column)]


def test_incompatible_unit(write: Write, registry: Registry) -> None:
    path = write("id,period,value,unit\ngraduates,2023-06,4.2,亿元\n")
    with pytest.raises(ActualsError) as caught:
        read_actuals([path], registry)
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.column, problem.value) == (
        "incompatible-unit",
        2,
        "unit",
        "亿元",
    )
    assert "expected one of: 人, 名, 万人, 万名" in message(problem, "en")


@pytest.mark.parametrize("unit", ["亿元", "%", "家"])
def test_a_yes_no_outcome_refuses_a_unit_other_than_its_own(
    write: Write, registry: Registry, unit: str
) -> None:
    path = write(f"id,period,value,unit\nenergy_saving,2023-06,1,{unit}\n")
    with pytest.raises(ActualsError) as caught:
        read_actuals([path], registry)
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.column, problem.value) == (
        "incompatible-unit",
        2,
        "unit",
        unit,
    )
    assert "expected one of: 是/否" in message(problem, "en")


def test_a_yes_no_outcome_takes_its_own_unit_or_none(write: Write, registry: Registry) -> None:
    path = write("id,period,value,unit\nenergy_saving,2023-06,是,是/否\ngraduates,2023-06,4.2,\n")
    assert values(path, registry) == {"energy_saving": True, "graduates": Decimal("4.2")}
    path = write("id,period,value,unit\nenergy_saving,2023-06,完成,\n")
    assert values(path, registry) == {"energy_saving": True}


def test_a_figure_converted_beyond_a_figures_digits_is_refused_not_judged(
    write: Write, registry: Registry
) -> None:
    """9999999999999999 万亿元 is 20 digits of 亿元, the unit policy_funds is judged in: past
    the arithmetic that keeps every gap exact, so it is refused as a figure that long is."""
    path = write("id,period,value,unit\npolicy_funds,2023-06,9999999999999999,万亿元\n")
    with pytest.raises(ActualsError) as caught:
        read_actuals([path], registry)
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.column) == ("not-a-number", 2, "value")
    assert message(problem, "en") == (
        "'9999999999999999' in policy_funds's unit 亿元 has 20 digits before the decimal point; "
        "at most 16 are read"
    )
    within = write("id,period,value,unit\npolicy_funds,2023-06,999999999999.9999999999,万亿元\n")
    assert values(within, registry) == {"policy_funds": Decimal("9999999999999999.999999")}


def test_conflicting_duplicates_name_both_lines(write: Write, registry: Registry) -> None:
    path = write("id,period,value\ngdp_growth,2023-06,5.7\ngdp_growth,2023-Q2,5.8\n")
    with pytest.raises(ActualsError) as caught:
        read_actuals([path], registry)
    (problem,) = caught.value.problems
    assert (problem.code, problem.line) == ("conflicting-duplicate", 3)
    assert f"{path}:2 gives 5.7" in message(problem, "en")


def test_identical_duplicate_is_a_warning(write: Write, registry: Registry) -> None:
    result = read_actuals(
        [write("id,period,value\ngdp_growth,2023-06,5.7\ngdp_growth,2023-06,5.70\n")], registry
    )
    assert len(result.actuals) == 1
    assert [(w.code, w.line) for w in result.warnings] == [("duplicate-row", 3)]


def test_duplicates_across_files_conflict(tmp_path: Path, registry: Registry) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    first.write_text("id,period,value\ngdp_growth,2023-06,5.7\n", encoding="utf-8")
    second.write_text("id,period,value\ngdp_growth,2023-06,5.9\n", encoding="utf-8")
    with pytest.raises(ActualsError) as caught:
        read_actuals([first, second], registry)
    assert [(p.code, p.file) for p in caught.value.problems] == [
        ("conflicting-duplicate", str(second))
    ]


def test_missing_columns(write: Write, registry: Registry) -> None:
    assert codes(write("id,month,vaule\ngdp_growth,2023-06,5.7\n"), registry) == [
        ("missing-column", 1, "period, value")
    ]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "empty-file"),
        (b"  \n\n", "empty-file"),
        (b"id,period,value\n", "header-only"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "wrong-file-type"),
        (b"PK\x03\x04rest-of-a-zip", "wrong-file-type"),
        (b"\xff\xfei\x00d\x00", "wrong-encoding"),
        (b"id,period,value\n\xff\xfe\xfd\xfc,2023,1\n", "wrong-encoding"),
    ],
)
def test_files_that_cannot_be_actuals(
    tmp_path: Path, registry: Registry, content: bytes, code: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    assert [c for c, _, _ in codes(path, registry)] == [code]


def test_unreadable_paths(tmp_path: Path, registry: Registry) -> None:
    assert [c for c, _, _ in codes(tmp_path / "missing.csv", registry)] == ["unreadable-file"]
    assert [c for c, _, _ in codes(tmp_path, registry)] == ["unreadable-file"]


def test_old_excel_and_broken_xlsx(tmp_path: Path, registry: Registry) -> None:
    (tmp_path / "a.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    (tmp_path / "b.xlsx").write_bytes(b"not a zip")
    assert [c for c, _, _ in codes(tmp_path / "a.xls", registry)] == ["wrong-file-type"]
    assert [c for c, _, _ in codes(tmp_path / "b.xlsx", registry)] == ["wrong-file-type"]


def test_ragged_row(write: Write, registry: Registry) -> None:
    assert codes(write("id,period,value\ngdp_growth,2023-06,1,867.9\n"), registry) == [
        ("wrong-field-count", 2, None)
    ]


def test_all_errors_of_a_file_in_one_run(write: Write, registry: Registry) -> None:
    path = write(
        "id,period,value\ngdp_grwth,2023-06,5.7\ngraduates,2023-13,x\n"
        "fai_growth,2023-06,8.1\nretail_sales_growth,2023-06,--\n"
    )
    assert codes(path, registry) == [
        ("unknown-id", 2, "id"),
        ("not-a-number", 3, "value"),
        ("bad-period", 3, "period"),
        ("not-a-number", 5, "value"),
    ]


_IDS = st.sampled_from(["gdp_growth", "graduates", "energy_saving", "nonsense", ""])
_PERIODS = st.sampled_from(["2023-06", "2023-Q2", "2023", "2023-13", "", "2022-01"])
_VALUES = st.one_of(
    st.decimals(
        allow_nan=False,
        allow_infinity=False,
        places=3,
        min_value=Decimal(-(10**6)),
        max_value=Decimal(10**6),
    ).map(str),
    st.sampled_from(["", "yes", "否", "abc", "1,234.5", "−2.5"]),
)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(_IDS, _PERIODS, _VALUES), max_size=25),
    st.booleans(),
    st.sampled_from(["utf-8", "utf-8-sig", "gb18030"]),
)
def test_no_row_is_lost(
    registry: Registry, rows: list[tuple[str, str, str]], blank_line: bool, encoding: str
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["id", "period", "value"])
    writer.writerows(rows)
    text = buffer.getvalue() + ("\r\n" if blank_line and rows else "")
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "generated.csv"
        path.write_bytes(text.encode(encoding))
        table = read_table(path)
        result = check_tables([table], registry)
    data_rows = len(rows) + (1 if blank_line and rows else 0)
    accepted = {(a.file, a.line) for a in result.actuals}
    assert accepted.isdisjoint(result.refused)
    assert accepted.isdisjoint(result.warned)
    assert len(accepted) + len(result.refused) + len(result.warned) == data_rows
    assert result.rows == data_rows
    for actual in result.actuals:
        raw = rows[actual.line - 2][2]
        if isinstance(actual.value, Decimal) and raw not in ("1,234.5", "−2.5"):
            assert actual.value == Decimal(raw)


def test_reading_a_table_from_disk_counts_every_line(write: Write) -> None:
    table = read_table(write("id,period,value\na,1,2\n\nb,3,4\nc,5,6,7\n"))
    assert [line for line, _ in table.rows] == [2, 3, 4]
    assert [(p.code, p.line) for p in table.problems] == [("wrong-field-count", 5)]
