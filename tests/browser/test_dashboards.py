"""Every dashboard renders in Voila with no error, reacts to a control, and is screenshotted."""

from __future__ import annotations

import urllib.request
from pathlib import Path

import pytest

from netteach import course

from .conftest import open_dashboard, page_problems, screenshot, wait_changed

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))

pytestmark = pytest.mark.browser

# Snapshot every panel's HTML, so a change anywhere in the panel that holds the control counts.
_PANEL_HTML = """(el) => { const p = el.closest('.nt-panel'); return p ? p.innerHTML : ''; }"""


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_dashboard_renders_and_reacts(page, voila_url, name):
    open_dashboard(page, voila_url, name)
    assert page_problems(page) == []
    assert page.locator(".nt-panel").count() >= 2
    # Nothing is fetched from beyond the course's server (no CDN: closed hospital networks).
    # The course's Voila template drops the lab template's Font Awesome stylesheets.
    assert page.blocked_requests == []
    screenshot(page, name)
    screenshot(page, f"{name}-top", full_page=False)

    if name == "00_start_here":
        box = page.locator(".nt-glossary-search input").first
        before = page.locator(".nt-glossary-list").first.inner_html()
        box.fill("artery")
        after = wait_changed(lambda: page.locator(".nt-glossary-list").first.inner_html(), before)
        assert after != before
        return

    # Use the first slider that sits in a panel with a figure, and check that the panel changed.
    sliders = page.locator(".nt-panel:has(.nt-figure) .widget-slider.nt-control")
    assert sliders.count() > 0, "the dashboard has no slider next to a figure"
    slider = sliders.first
    slider.scroll_into_view_if_needed()
    before = slider.evaluate(_PANEL_HTML)
    handle = slider.locator(".noUi-handle").first
    handle.focus()
    handle.press("End")
    after = wait_changed(lambda: slider.evaluate(_PANEL_HTML), before, timeout_s=60)
    assert after != before, "moving the slider to its maximum did not change the panel"
    assert page_problems(page) == []


def test_landing_links_answer_200(page, voila_url):
    open_dashboard(page, voila_url, "00_start_here")
    hrefs = page.eval_on_selector_all(".nt-paths a", "els => els.map(e => e.href)")
    expected = {f for f in course.dashboards() if (ROOT / "notebooks" / f).exists()}
    assert {h.rsplit("/", 1)[-1] for h in hrefs} == expected
    coming = page.locator(".nt-coming").all_inner_texts()
    assert all("(coming)" in c for c in coming)
    assert len({c.replace(" (coming)", "") for c in coming}) == len(course.dashboards()) - len(
        expected)
    for href in sorted(set(hrefs)):
        assert href.startswith(voila_url), href
        with urllib.request.urlopen(href, timeout=120) as r:
            assert r.status == 200, href
