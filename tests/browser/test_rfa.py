"""The RFA dashboard in Voila: moving the vessel closer changes the lesion outline."""

from __future__ import annotations

import re

import pytest

from .conftest import (
    figure_src,
    open_dashboard,
    page_problems,
    screenshot,
    slider_press,
    wait_changed,
)

pytestmark = pytest.mark.browser

_READOUT = ".nt-panel-rfa-simulator li"


def _towards_mm(page):
    text = page.locator(".nt-panel-rfa-simulator").first.inner_text()
    m = re.search(r"Towards the vessel the zone reaches ([0-9.]+) mm", text)
    return float(m.group(1)) if m else None


def test_vessel_distance_changes_the_lesion_outline(page, voila_url):
    open_dashboard(page, voila_url, "05_rfa")
    assert page_problems(page) == []
    screenshot(page, "05_rfa")
    # the margin chart starts on the default 10 mm margin
    margins_alt = page.locator(".nt-fig-rfa-margins img").first.get_attribute("alt")
    assert "the 6-10 mm group is highlighted" in margins_alt
    panel = page.locator(".nt-panel-rfa-simulator").first
    panel.scroll_into_view_if_needed()
    screenshot(page, "05_rfa-simulator-before", full_page=False)

    before_src = figure_src(page, "rfa-map")
    before_alt = page.locator(".nt-fig-rfa-map img").first.get_attribute("alt")
    before_mm = _towards_mm(page)
    assert before_mm is not None

    slider_press(page, "nt-rfa-vessel_distance_mm", "Home")     # vessel 2 mm from the needle
    after_src = wait_changed(lambda: figure_src(page, "rfa-map"), before_src, 60)
    assert after_src != before_src, "the temperature map and outline did not change"
    after_alt = wait_changed(
        lambda: page.locator(".nt-fig-rfa-map img").first.get_attribute("alt"), before_alt, 30)
    assert "2 mm to the right" in after_alt
    after_mm = wait_changed(lambda: _towards_mm(page), before_mm, 30)
    assert after_mm < before_mm - 3, "a nearer vessel must shrink the lesion on its side"
    assert page_problems(page) == []
    screenshot(page, "05_rfa-simulator-near-vessel", full_page=False)

    # the time slider replays the stored pictures
    old = figure_src(page, "rfa-map")
    slider_press(page, "nt-rfa-time_shown_min", "Home")
    assert wait_changed(lambda: figure_src(page, "rfa-map"), old, 30) != old
    screenshot(page, "05_rfa-simulator-start", full_page=False)
    assert page_problems(page) == []
