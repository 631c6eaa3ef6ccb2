"""Browser test of "Choosing a therapy": toggling a reach curve changes the figure, the level
slider moves the marks, and a bad value in the explorer shows a plain message."""

import pytest

from .conftest import (
    figure_src,
    open_dashboard,
    page_problems,
    screenshot,
    set_number,
    slider_press,
    wait_changed,
)

pytestmark = pytest.mark.browser


def test_reach_toggles_and_explorer_messages(page, voila_url):
    open_dashboard(page, voila_url, "06_choosing_a_therapy")
    assert page_problems(page) == []
    page.locator(".nt-fig-reach").first.scroll_into_view_if_needed()
    screenshot(page, "06_choosing_a_therapy-reach", full_page=False)

    # switching a curve off changes the figure; switching it on again restores it
    original = figure_src(page, "reach")
    box = page.locator(".nt-choosing-show-rfa-heat input").first
    box.uncheck()
    off = wait_changed(lambda: figure_src(page, "reach"), original, 60)
    assert off != original
    assert "(hidden)" in page.locator(".nt-panel-reach table").first.inner_text()
    box.check()
    assert wait_changed(lambda: figure_src(page, "reach"), off, 60) != off

    # the level slider moves the markers and the printed distances
    table = page.locator(".nt-panel-reach table").first
    before = table.inner_text()
    slider_press(page, "nt-choosing-reach_level_percent", "End")
    assert "Falls to 50% at" in wait_changed(table.inner_text, before, 60)

    # the explorer: a case loads, and an impossible size gives a plain message, not an error
    result = page.locator(".nt-explorer-result").first
    before = result.inner_text()
    page.locator(".nt-choosing-load-case select").select_option(label="A high lung shunt")
    assert "not given" in wait_changed(result.inner_text, before, 60)
    set_number(page, "nt-choosing-largest_tumour_cm", 45)
    msg = page.locator(".nt-panel-explorer .nt-messages").first
    text = wait_changed(msg.inner_text, "", 60)
    assert "must be between 0.5 and 20 cm" in text
    page.locator(".nt-panel-explorer").first.scroll_into_view_if_needed()
    screenshot(page, "06_choosing_a_therapy-explorer", full_page=False)
    assert page_problems(page) == []
