"""Figures that are valid but doubtful are warned about, on stderr and in JSON; verdicts stay."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from .conftest import Run

Cli = Callable[..., Run]
Write = Callable[..., Path]


def _run(cli: Cli, path: Path) -> tuple[Run, dict[str, object], dict[str, str]]:
    result = cli("diff", str(path), "-f", "json")
    data = json.loads(result.stdout)
    statuses = {r["id"]: r["status"] for r in data["results"]}
    return result, data, statuses


def _codes(data: dict[str, object]) -> list[tuple[str, int]]:
    warnings = data["warnings"]
    assert isinstance(warnings, list)
    return [(w["code"], w["line"]) for w in warnings]


def test_a_cumulative_figure_that_falls_is_doubted(cli: Cli, write: Write) -> None:
    path = write("id,period,value\ngraduates,2023-05,5.4\ngraduates,2023-06,3.4\n")
    result, data, statuses = _run(cli, path)
    assert _codes(data) == [("cumulative-fell", 3)]
    assert result.stderr == (
        f"reportcheck: warning: {path}:3: column value: graduates is 3.4 for 2023-06, below 5.4 "
        f"for 2023-05 ({path}:2); a year-to-date total does not fall [cumulative-fell]\n"
    )
    assert statuses["graduates"] == "behind"  # judged as ever: 3.4 against 4.5
    assert result.exit_code == 1


def test_a_rate_may_fall(cli: Cli, write: Write) -> None:
    path = write("id,period,value\ngdp_growth,2023-05,6.1\ngdp_growth,2023-06,5.7\n")
    assert _codes(_run(cli, path)[1]) == []


def test_a_negative_count_is_doubted(cli: Cli, write: Write) -> None:
    path = write(
        "id,period,value\nnew_listed_companies,2023-06,-2\nindustrial_va_growth,2023-06,-3.9\n"
    )
    _, data, statuses = _run(cli, path)
    assert _codes(data) == [("negative-count", 2)]  # a negative growth rate is no surprise
    assert statuses["new_listed_companies"] == "behind"


def test_a_rate_beyond_100_percent_is_doubted(cli: Cli, write: Write) -> None:
    path = write("id,period,value\nfai_growth,2023-06,150\nretail_sales_growth,2023-06,-101\n")
    _, data, statuses = _run(cli, path)
    assert _codes(data) == [("rate-beyond-100", 2), ("rate-beyond-100", 3)]
    assert statuses["fai_growth"] == "on_track"


def test_a_value_in_the_wrong_unit_is_doubted(cli: Cli, write: Write) -> None:
    # 为企业减负200亿元: 1100000 looks typed in 万元, not 亿元.
    path = write("id,period,value\ntax_relief,2023-06,1100000\ngraduates,2023-06,5\n")
    result, data, statuses = _run(cli, path)
    assert _codes(data) == [("unit-suspect", 2)]
    assert "tax_relief is 1100000 against 100 亿元 required, 11000 times as much" in result.stderr
    assert statuses["tax_relief"] == "met"  # a doubt never changes a verdict


def test_warnings_are_in_chinese_too(cli: Cli, write: Write) -> None:
    path = write("id,period,value\ngraduates,2023-05,5.4\ngraduates,2023-06,3.4\n")
    result = cli("diff", str(path), env={"LANG": "zh_CN.UTF-8"})
    assert result.stderr == (
        f"reportcheck: 警告: {path}:3: value 列: graduates 在 2023-06 为 3.4,低于 2023-05 的 5.4"
        f"({path}:2);累计值不应回落,请核对 [cumulative-fell]\n"
    )


def test_status_reports_them_too(cli: Cli, tmp_path: Path) -> None:
    (tmp_path / "05.csv").write_text("id,period,value\ngraduates,2023-05,5.4\n")
    (tmp_path / "06.csv").write_text("id,period,value\ngraduates,2023-06,3.4\n")
    result = cli("status", "--actuals", str(tmp_path), "-f", "json")
    assert "[cumulative-fell]" in result.stderr
    assert [w["code"] for w in json.loads(result.stdout)["warnings"]] == ["cumulative-fell"]
