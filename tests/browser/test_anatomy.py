"""Browser test of the hepatic-arteries dashboard: the controls change the diagram."""

from __future__ import annotations

import pytest

from .conftest import figure_src, open_dashboard, page_problems, screenshot, wait_changed

pytestmark = pytest.mark.browser

NAME = "02_hepatic_arteries"


def _explanation(page):
    return page.locator(".nt-anatomy-explanation").first.inner_text()


def test_catheter_position_changes_the_diagram(page, voila_url):
    open_dashboard(page, voila_url, NAME)
    assert page_problems(page) == []
    panel = page.locator(".nt-panel-anatomy-arteries").first
    panel.scroll_into_view_if_needed()
    screenshot(page, f"{NAME}-arteries-cha", full_page=False)
    before_fig = figure_src(page, "anatomy-arteries")
    before_text = _explanation(page)
    assert "Duodenum" in before_text

    handle = page.locator(".nt-anatomy-catheter .noUi-handle").first
    handle.focus()
    handle.press("End")  # the most selective position: the segment IV artery
    after_fig = wait_changed(lambda: figure_src(page, "anatomy-arteries"), before_fig, 60)
    assert after_fig != before_fig, "moving the catheter did not change the diagram"
    after_text = wait_changed(lambda: _explanation(page), before_text, 30)
    assert "segment IV artery" in after_text and "Duodenum" not in after_text
    panel.scroll_into_view_if_needed()
    screenshot(page, f"{NAME}-arteries-segment4", full_page=False)

    handle.press("Home")
    back = wait_changed(lambda: figure_src(page, "anatomy-arteries"), after_fig, 60)
    assert back != after_fig
    assert page_problems(page) == []


def test_variant_and_coil_change_the_diagram(page, voila_url):
    open_dashboard(page, voila_url, NAME)
    before = figure_src(page, "anatomy-arteries")
    page.locator(".nt-anatomy-coil-GDA input").first.check()
    after = wait_changed(lambda: figure_src(page, "anatomy-arteries"), before, 60)
    assert after != before
    text = wait_changed(lambda: _explanation(page), "", 5)
    assert "Pancreas" not in text

    select = page.locator(".nt-anatomy-variant select").first
    texts = select.locator("option").evaluate_all("els => els.map(e => e.textContent)")
    index = [i for i, o in enumerate(texts) if o.replace("\xa0", " ").startswith("Type III:")][0]
    select.select_option(index=index)
    changed = wait_changed(lambda: figure_src(page, "anatomy-arteries"), after, 60)
    assert changed != after
    page.locator(".nt-panel-anatomy-arteries").first.scroll_into_view_if_needed()
    screenshot(page, f"{NAME}-arteries-michels3", full_page=False)
    page.locator(".nt-panel-anatomy-variants").first.scroll_into_view_if_needed()
    screenshot(page, f"{NAME}-variants", full_page=False)
    assert page_problems(page) == []
