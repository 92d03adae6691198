"""--encoding: a CSV file whose encoding the bytes cannot tell is read in the one the user names."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from reportcheck.actuals import read_actuals
from reportcheck.model.encoding import EncodingProblemError, decode
from reportcheck.output.catalogue import message
from reportcheck.registry.records import Registry

from .conftest import Run

Cli = Callable[..., Run]
#: A GBK file whose only Chinese is 快报: as Big5 it reads 辦惆, as plausibly.
KUAIBAO = "id,period,value,source\ngdp_growth,2023-06,5.7,快报\n"


@pytest.fixture
def kuaibao(tmp_path: Path) -> Path:
    path = tmp_path / "2023-06.csv"
    path.write_bytes(KUAIBAO.encode("gbk"))
    return path


def test_a_short_gbk_text_is_refused_without_encoding_naming_the_option(
    cli: Cli, kuaibao: Path
) -> None:
    result = cli("diff", str(kuaibao))
    assert result.exit_code == 2
    assert "[wrong-encoding]" in result.stderr
    assert "--encoding gbk" in result.stderr


@pytest.mark.parametrize("name", ["gbk", "gb18030"])
def test_encoding_gbk_reads_it(cli: Cli, kuaibao: Path, name: str) -> None:
    result = cli("diff", str(kuaibao), "--encoding", name, "--id", "gdp_growth", "-f", "json")
    assert result.exit_code == 0, result.stderr
    (gdp,) = json.loads(result.stdout)["results"]
    assert (gdp["actual"], gdp["source"]) == (5.7, "快报")


@pytest.mark.parametrize(
    "args",
    [
        ["status", "--actuals"],
        ["show", "gdp_growth", "--actuals"],
    ],
)
def test_every_command_that_reads_actuals_takes_encoding(
    cli: Cli, kuaibao: Path, args: list[str]
) -> None:
    assert cli(*args, str(kuaibao)).exit_code == 2
    assert cli(*args, str(kuaibao), "--encoding", "gbk").exit_code in (0, 1)


def test_encoding_big5_reads_big5_and_utf8_reads_utf8(tmp_path: Path, registry: Registry) -> None:
    big5 = tmp_path / "tw.csv"
    big5.write_bytes("id,period,value,source\ngdp_growth,2023-06,5.7,統計處\n".encode("big5"))
    (actual,) = read_actuals([big5], registry, encoding="big5").actuals
    assert actual.source == "統計處"
    utf8 = tmp_path / "u.csv"
    utf8.write_bytes("\ufeffid,period,value,source\ngdp_growth,2023-06,5.7,快报\n".encode())
    (actual,) = read_actuals([utf8], registry, encoding="utf-8").actuals
    assert actual.source == "快报"


def test_bytes_not_in_the_stated_encoding_are_refused_at_their_line() -> None:
    data = "id,period,value\ngdp_growth,2023-06,5.7\ngdp_growth,2023-07,快报\n".encode("gbk")
    with pytest.raises(EncodingProblemError) as caught:
        decode(data, "utf-8")
    found = caught.value.problem
    assert (found.key, found.line) == ("wrong-encoding/stated", 3)
    assert message(found, "en").startswith("is not UTF-8 text")


def test_an_unknown_encoding_is_a_usage_error(cli: Cli, kuaibao: Path) -> None:
    result = cli("diff", str(kuaibao), "--encoding", "latin-1")
    assert result.exit_code == 2
    assert "[usage-error]" in result.stderr
