"""The HTML review pack in a real browser: offline, no console errors, counts, filters.

Drives the system's Chromium (Debian's `chromium` package; Playwright's own browser download
is not used). Skipped, with the reason, only where no Chromium or no Playwright is installed.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from .conftest import EXAMPLES, Run

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page, Route

Cli = Callable[..., Run]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture
def cli(cli_zh: Callable[..., Run]) -> Callable[..., Run]:
    """These tests read what an analyst's Chinese locale shows."""
    return cli_zh


def chromium_path() -> str | None:
    return os.environ.get("REPORTCHECK_CHROMIUM") or shutil.which("chromium")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    required = os.environ.get("REPORTCHECK_REQUIRE_BROWSER") == "1"
    executable = chromium_path()
    if executable is None:
        reason = "no Chromium on this machine: apt-get install chromium fonts-noto-cjk"
        pytest.fail(reason) if required else pytest.skip(reason)
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        reason = "Playwright for Python is not installed: pip install '.[test]'"
        pytest.fail(reason) if required else pytest.skip(reason)
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Visit:
    """A page opened from a file with every request outside it refused and recorded."""

    def __init__(self, browser: Browser, path: Path) -> None:
        self.outside: list[str] = []
        self.errors: list[str] = []
        self.page: Page = browser.new_page(viewport={"width": 1400, "height": 900})
        self.page.route("**/*", self._route)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda exc: self.errors.append(str(exc)))
        self.page.goto(path.as_uri())

    def _route(self, route: Route) -> None:
        url = route.request.url
        if url.startswith(("file:", "data:")):
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def _console(self, message: Any) -> None:
        if message.type == "error":
            self.errors.append(message.text)

    def visible_ids(self) -> list[str]:
        ids: list[str] = self.page.eval_on_selector_all(
            "tr.item", "rows => rows.filter(r => !r.hidden).map(r => r.dataset.id)"
        )
        return ids

    def choose(self, name: str, value: str) -> None:
        self.page.select_option(f'select[data-filter="{name}"]', value)


@pytest.fixture
def monthly(cli: Cli, tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    output = tmp_path / "review.html"
    actuals = str(EXAMPLES / "monthly")
    assert cli("report", "--actuals", actuals, "-o", str(output)).exit_code == 0
    status = cli("status", "--actuals", actuals, "--format", "json")
    return output, json.loads(status.stdout)


def test_page_is_offline_quiet_and_counts_match_status_json(
    browser: Browser, monthly: tuple[Path, dict[str, Any]], tmp_path: Path
) -> None:
    path, status = monthly
    visit = Visit(browser, path)
    assert visit.outside == []
    assert visit.errors == []
    for key, count in status["summary"].items():
        shown = visit.page.text_content(f'[data-count-status="{key}"] .n')
        assert shown == str(count), key
    assert len(visit.visible_ids()) == len(status["results"])
    assert visit.visible_ids() == [r["id"] for r in status["results"]]
    assert visit.page.locator("svg").count() >= 50
    shot = tmp_path / "review.png"
    visit.page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 50_000
    visit.page.close()


def test_filters_by_status_section_and_unit(
    browser: Browser, monthly: tuple[Path, dict[str, Any]]
) -> None:
    path, status = monthly
    results = status["results"]
    visit = Visit(browser, path)
    visit.choose("status", "behind")
    behind = [r["id"] for r in results if r["status"] == "behind"]
    assert visit.visible_ids() == behind
    assert visit.page.text_content("#shown") == f"显示 {len(behind)} / {len(results)} 项"
    visit.choose("section", "二(一)")
    both = [r["id"] for r in results if r["status"] == "behind" and r["section"] == "二(一)"]
    assert visit.visible_ids() == both
    hidden_groups = visit.page.eval_on_selector_all(
        "tr.group[data-group]", "rows => rows.filter(r => r.hidden).length"
    )
    assert hidden_groups == visit.page.locator("tr.group[data-group]").count() - 1
    visit.choose("status", "")
    visit.choose("section", "")
    visit.choose("lead", "none")  # the shipped registry names no responsible units yet
    assert len(visit.visible_ids()) == len(results)
    visit.choose("light", "red")
    red = visit.visible_ids()
    assert red
    assert all(visit.page.get_attribute(f'tr[data-id="{i}"]', "data-light") == "red" for i in red)
    assert visit.errors == []
    visit.page.close()


def test_year_end_page_shows_the_account(browser: Browser, cli: Cli, tmp_path: Path) -> None:
    output = tmp_path / "year.html"
    actuals = str(EXAMPLES / "illustrative-2023.csv")
    assert cli("report", "--actuals", actuals, "-o", str(output), "--lang", "en").exit_code == 0
    status = json.loads(cli("status", "--actuals", actuals, "--format", "json").stdout)
    visit = Visit(browser, output)
    assert (visit.outside, visit.errors) == ([], [])
    met = visit.page.text_content('[data-count-verdict="met"] .n')
    assert met == str(status["summary"]["met"])
    assert visit.page.locator("#account-table tr[data-id]").count() == len(status["results"])
    assert visit.page.text_content("#shown") == f"showing {len(status['results'])} of 169"
    visit.page.close()


def _led_pack(registry: Any, tmp_path: Path) -> Path:
    """A pack whose graduates row names two units and one unit is literally named '-'."""
    import msgspec

    from reportcheck.actuals import read_actuals
    from reportcheck.output.pack.write import write_pack
    from reportcheck.review.pack import build_pack

    leads = {"graduates": "市人力社保局、市教育局", "fai_growth": "-", "gdp_growth": "市统计局"}
    targets = tuple(msgspec.structs.replace(t, lead=leads.get(t.id)) for t in registry.targets)
    with_leads = msgspec.structs.replace(registry, targets=targets)
    data = read_actuals([EXAMPLES / "monthly" / "2023-06.csv"], with_leads)
    output = tmp_path / "led.html"
    write_pack(build_pack(with_leads, data), output, "zh")
    return output


def test_a_unit_filter_finds_a_row_naming_several_units_and_never_confuses_a_name(
    browser: Browser, registry: Any, tmp_path: Path
) -> None:
    visit = Visit(browser, _led_pack(registry, tmp_path))
    options = dict(
        visit.page.eval_on_selector_all(
            'select[data-filter="lead"] option', "os => os.map(o => [o.text, o.value])"
        )
    )
    visit.choose("lead", options["市教育局"])
    assert visit.visible_ids() == ["graduates"]
    visit.choose("lead", options["市人力社保局"])
    assert visit.visible_ids() == ["graduates"]
    visit.choose("lead", options["-"])  # a unit named '-' is a unit, not "not named"
    assert visit.visible_ids() == ["fai_growth"]
    visit.choose("lead", "none")
    assert len(visit.visible_ids()) == 166
    assert visit.errors == []
    visit.page.close()


def test_a_filtered_page_says_so_when_printed(
    browser: Browser, monthly: tuple[Path, dict[str, Any]]
) -> None:
    path, _ = monthly
    visit = Visit(browser, path)
    assert visit.page.is_hidden("#print-filter")
    visit.choose("status", "behind")
    visit.page.emulate_media(media="print")
    assert visit.page.is_visible("#print-filter")
    note = visit.page.text_content("#print-filter") or ""
    assert note.startswith("已筛选:状态 滞后;显示 ")
    visit.page.close()


def test_on_a_phone_every_light_is_on_the_screen(
    browser: Browser, monthly: tuple[Path, dict[str, Any]]
) -> None:
    path, _ = monthly
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(path.as_uri())
    right_edges = page.eval_on_selector_all(
        "#pack tr.item .light", "ls => ls.map(l => l.getBoundingClientRect().right)"
    )
    assert right_edges
    assert max(right_edges) <= 390
    page.close()


@pytest.mark.parametrize("leaders", [False, True])
def test_on_a_phone_the_page_shows_the_figure_the_status_the_unit_and_the_reason(
    browser: Browser, cli: Cli, tmp_path: Path, leaders: bool
) -> None:
    output = tmp_path / "review.html"
    units = tmp_path / "units.csv"
    units.write_text("id,责任单位,分管领导\ngraduates,市人社局,李四\n", encoding="utf-8")
    extra = ["--units", str(units)] if leaders else []
    actuals = str(EXAMPLES / "monthly")
    assert cli("report", "--actuals", actuals, "-o", str(output), *extra).exit_code == 0
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(output.as_uri())
    shown = page.eval_on_selector_all(
        "#pack thead th", "hs => hs.filter(h => h.offsetParent !== null).map(h => h.textContent)"
    )
    assert shown == ["序号", "目标任务", "完成", "状态", "责任单位", "推进情况/原因"]
    page.close()
