"""The HTML report in a real headless Chromium: no script errors, hostile
article markup inert, the dashboard in the first 1440x900 screen, working
filters and claim links.

Uses Debian's /usr/bin/chromium through Playwright (never ``playwright
install``). Without it the tests skip, unless ``CI`` is set: then they fail.
Set ``CLAIMCHECK_SCREENSHOT=path.png`` to keep a screenshot of the first screen.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_fixture import hostile_report

from checker.report import html

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("CLAIMCHECK_CHROMIUM", "/usr/bin/chromium")
ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]
WIDTH, HEIGHT = 1440, 900


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        if os.environ.get("CI"):
            pytest.fail(f"chromium not found at {CHROMIUM}; CI must install it (apt-get install chromium)")
        pytest.skip(f"chromium not found at {CHROMIUM}")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def report_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    out = tmp_path_factory.mktemp("html") / "report.html"
    r = hostile_report()
    failing = [f for f in r.findings if f.verdict == "conflict"]
    out.write_text(html.render(r, failing=failing, fail_on="conflict"), encoding="utf-8")
    return out.as_uri()


@pytest.fixture
def page(browser: Any, report_url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    pg.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type == "error" else None)
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith(("file:", "data:")) else None)
    pg.goto(report_url)
    pg.problems = problems
    yield pg
    context.close()


def _visible(pg: Any, selector: str) -> int:
    return int(pg.locator(selector).filter(visible=True).count())


def test_loads_cleanly_and_hostile_markup_is_inert(page: Any) -> None:
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert page.problems == []
    assert page.locator("script").count() == 1
    assert page.locator("img").count() == 0
    assert "<script>window.__pwned=1</script>Evil Outlet" in page.inner_text("#matrix")


def test_dashboard_fits_the_first_screen(page: Any, tmp_path: Path) -> None:
    for selector in (".top", "#matrix", "#timeline", "#top-conflicts"):
        box = page.locator(selector).bounding_box()
        assert box is not None, selector
        assert box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT, (selector, box)
        assert box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, (selector, box)
    assert _visible(page, "#top-conflicts .top-item") >= 2
    shot = Path(os.environ.get("CLAIMCHECK_SCREENSHOT") or tmp_path / "first-screen.png")
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_verdict_filter_hides_findings(page: Any) -> None:
    total = page.locator("[data-finding]").count()
    conflicts = page.locator('[data-finding][data-verdict="conflict"]').count()
    unrelated = page.locator('[data-finding][data-verdict="unrelated"]').count()
    assert conflicts >= 2
    assert _visible(page, "[data-finding]") == total - unrelated  # unrelated off by default
    assert page.inner_text("#shown-count") == f"{total - unrelated} of {total} findings shown"
    page.locator('input[data-filter-verdict][value="conflict"]').uncheck()
    assert _visible(page, '[data-finding][data-verdict="conflict"]') == 0
    assert _visible(page, "[data-finding]") == total - unrelated - conflicts
    assert page.inner_text("#shown-count") == f"{total - unrelated - conflicts} of {total} findings shown"
    # the matrix row made of conflicts only disappears; top conflicts follow
    assert _visible(page, "#top-conflicts .top-item.v-conflict") == 0
    page.locator('input[data-filter-verdict][value="conflict"]').check()
    assert _visible(page, '[data-finding][data-verdict="conflict"]') == conflicts


def test_kind_and_outlet_filters(page: Any) -> None:
    page.select_option("#filter-kind", "place")
    assert _visible(page, "[data-finding]") == 1
    assert page.locator("[data-finding]").filter(visible=True).get_attribute("data-kind") == "place"
    page.select_option("#filter-kind", "")
    page.select_option("#filter-outlet", label="Riverside Gazette")
    shown = page.locator("[data-finding]").filter(visible=True)
    assert shown.count() == 3  # update, scope, agree (unrelated stays off)
    for i in range(shown.count()):
        assert "Riverside Gazette" in shown.nth(i).text_content()


def test_claim_link_opens_the_article(page: Any) -> None:
    link = page.locator('#findings-conflict [data-finding] a.goto').first
    href = link.get_attribute("href")
    assert href.startswith("#claim-")
    link.click()
    target = page.locator(f'[id="{href[1:]}"]')
    assert target.is_visible()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] <= HEIGHT
    assert page.problems == []
