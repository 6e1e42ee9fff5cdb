"""The HTML report in a real headless Chromium: no script errors, hostile
article markup inert, the dashboard in the first 1440x900 screen, working
filters and claim links; and a batch of many stories: the index in the first
screen, a story that opens with its matrix and timeline on its own date
axis, filters and claim links that reach into closed stories.

Uses Debian's /usr/bin/chromium through Playwright (never ``playwright
install``). Without it the tests skip, unless ``CI`` is set: then they fail.
Set ``CLAIMCHECK_SCREENSHOT=path.png`` to keep a screenshot of the first screen
(``path-stories.png`` and ``path-story-open.png`` for the many-story page).
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from report_fixture import OUTLETS, hostile_report, many_stories_report

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


def _open(browser: Any, url: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": WIDTH, "height": HEIGHT})
    pg = context.new_page()
    problems: list[str] = []
    pg.on("pageerror", lambda e: problems.append(f"pageerror: {e}"))
    pg.on("console", lambda m: problems.append(f"{m.type}: {m.text}") if m.type == "error" else None)
    pg.on("dialog", lambda d: (problems.append(f"dialog: {d.message}"), d.dismiss()))
    pg.on("request", lambda r: problems.append(f"request: {r.url}") if not r.url.startswith(("file:", "data:")) else None)
    pg.goto(url)
    pg.problems = problems
    yield pg
    context.close()


@pytest.fixture
def page(browser: Any, report_url: str) -> Iterator[Any]:
    yield from _open(browser, report_url)


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


# ------------------------------------------------------------ many stories

STORIES = 40


def _shot(name: str, tmp_path: Path) -> Path:
    base = os.environ.get("CLAIMCHECK_SCREENSHOT")
    if base and Path(base).with_name(Path(base).stem + f"-{name}.png").exists():
        name += "-2"  # the compressed page's screenshot beside the other
    if base:
        return Path(base).with_name(Path(base).stem + f"-{name}.png")
    return tmp_path / f"{name}.png"


@pytest.fixture(scope="module", params=[False, True], ids=["templates", "compressed"])
def many_url(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> str:
    """The many-story page twice: closed stories as templates, and stored
    gzip-compressed (what a page of hundreds of articles gets)."""
    out = tmp_path_factory.mktemp("html-many") / "report.html"
    r = many_stories_report(STORIES)
    failing = [f for f in r.findings if f.verdict == "conflict"]
    page = html.render(r, failing=failing, fail_on="conflict", compress=request.param)
    assert ("<template data-gz=" in page) is request.param
    out.write_text(page, encoding="utf-8")
    return out.as_uri()


@pytest.fixture
def many(browser: Any, many_url: str) -> Iterator[Any]:
    yield from _open(browser, many_url)


def _inside(box: dict[str, float] | None) -> bool:
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= HEIGHT


def test_many_stories_index_fits_the_first_screen(many: Any, tmp_path: Path) -> None:
    assert many.problems == []
    assert _inside(many.locator(".top").bounding_box())
    assert _inside(many.locator("#stories").bounding_box())
    assert many.locator("#stories tr[data-story]").count() == STORIES
    assert _visible(many, "#stories tr[data-story]") >= 15  # scrolls inside its card for the rest
    # nothing of a closed story is laid out: its findings are not in the page yet
    assert many.locator("details.story[open]").count() == 0
    assert many.locator("[data-finding]").count() == 0
    total = len(many_stories_report(STORIES).findings)
    assert many.inner_text("#shown-count") == f"{total} of {total} findings shown"
    shot = _shot("stories", tmp_path)
    many.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_a_story_opens_with_its_matrix_and_timeline(many: Any, tmp_path: Path) -> None:
    r = many_stories_report(STORIES)
    link = many.locator("#stories a.story-link").first
    sid = link.get_attribute("href")[len("#story-"):]
    story = next(s for s in r.stories if s.id == sid)
    link.click()
    section = many.locator(f'[id="story-{sid}"]')
    section.locator(".matrix").wait_for(state="visible")
    assert section.get_attribute("open") is not None
    matrix = section.locator(".matrix")
    timeline = section.locator(".tl")
    for part in (matrix, timeline):
        box = part.bounding_box()
        assert box is not None and 0 <= box["y"] < HEIGHT, box
    # columns are the story's outlets, one each, an outlet's articles merged
    docs = [d for d in r.documents if d.id in story.documents]
    outlets = {d.outlet for d in docs}
    assert matrix.locator("thead th.col").count() == len(outlets) < len(docs)
    # the axis is the story's own: tick dates within its padded span, labelled as such
    ticks = timeline.locator(".tick")
    assert ticks.count() >= 2
    first, last = story.first_published, story.last_published
    assert first is not None and last is not None
    lo, hi, expected = html.axis_ticks(first, last)
    assert timeline.get_attribute("data-from") == first.isoformat()
    assert timeline.get_attribute("data-to") == last.isoformat()
    shown = [(ticks.nth(i).get_attribute("data-date"), ticks.nth(i).inner_text()) for i in range(ticks.count())]
    assert shown == [(t.isoformat(), html.tick_label(t, (hi - lo).days)) for t in expected]
    assert all(lo.isoformat() <= d <= hi.isoformat() for d, _ in shown)
    assert timeline.locator(".tl-axis .tl-label").inner_text() == str(first.year) or first.year != last.year
    assert timeline.locator(".tl-row").count() == len(docs)
    assert section.locator("[data-finding]").count() == sum(f.story == sid for f in r.findings)
    assert many.problems == []
    shot = _shot("story-open", tmp_path)
    many.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000


def test_filters_work_across_stories(many: Any) -> None:
    r = many_stories_report(STORIES)
    updates = [f for f in r.findings if f.verdict == "update"]
    for box in many.locator("input[data-filter-verdict]").all():
        if box.get_attribute("value") != "update":
            box.uncheck()
    total = len(r.findings)
    assert many.inner_text("#shown-count") == f"{len(updates)} of {total} findings shown"
    rows = many.locator("#stories tr[data-story]").filter(visible=True)
    assert rows.count() == len({f.story for f in updates}) < STORIES
    # a story opened now shows only its updates
    sid = rows.first.get_attribute("data-story")
    rows.first.locator("a.story-link").click()
    many.locator(f'[id="story-{sid}"] .matrix').wait_for(state="visible")
    shown = many.locator(f'[id="story-{sid}"] [data-finding]').filter(visible=True)
    assert shown.count() >= 1
    assert {shown.nth(i).get_attribute("data-verdict") for i in range(shown.count())} == {"update"}
    # back to every verdict, then one outlet: only stories it reports on stay listed
    for box in many.locator("input[data-filter-verdict]").all():
        if box.get_attribute("value") != "unrelated":
            box.check()
    outlet = OUTLETS[0]
    many.select_option("#filter-outlet", label=outlet)
    ids = {d.id for d in r.documents if d.outlet == outlet}
    expected = [f for f in r.findings if ids.intersection(f.docs)]
    assert many.inner_text("#shown-count") == f"{len(expected)} of {total} findings shown"
    assert many.locator("#stories tr[data-story]").filter(visible=True).count() == len(
        {f.story for f in expected}
    )
    assert many.problems == []


def test_a_claim_link_opens_its_closed_story(many: Any) -> None:
    r = many_stories_report(STORIES)
    claim = r.claims[-1]
    many.evaluate(f"location.hash = {('#claim-' + claim.id)!r}")
    target = many.locator(f'[id="claim-{claim.id}"]')
    target.wait_for(state="visible")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] <= HEIGHT
    story = next(s for s in r.stories if claim.doc in s.documents)
    assert many.locator(f'[id="story-{story.id}"]').get_attribute("open") is not None
    assert many.problems == []
