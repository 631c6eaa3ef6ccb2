"""The TACE dashboard in Voila: the particle-size slider moves the stopping point on the diagram."""

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

_READOUT = ".nt-panel-tace-particles .nt-panel-intro b"


def _stop_text(page):
    return page.locator(_READOUT).first.inner_text()


def test_particle_size_moves_the_stopping_point(page, voila_url):
    open_dashboard(page, voila_url, "03_tace")
    assert page_problems(page) == []
    panel = page.locator(".nt-panel-tace-particles").first
    panel.scroll_into_view_if_needed()
    screenshot(page, "03_tace-particles-before", full_page=False)

    before_src = figure_src(page, "tace-particles")
    before_alt = page.locator(".nt-fig-tace-particles img").first.get_attribute("alt")
    before_text = _stop_text(page)
    assert "300 µm particle stops" in before_text
    start = int(re.search(r"(\d+) branchings beyond the catheter tip", before_text).group(1))

    slider_press(page, "nt-tace-particle_diameter_um", "Home")   # smallest particle: 20 µm
    after_src = wait_changed(lambda: figure_src(page, "tace-particles"), before_src, 60)
    assert after_src != before_src, "the diagram did not change"
    after_text = wait_changed(lambda: _stop_text(page), before_text, 30)
    assert "20 µm particle" in after_text
    small = int(re.search(r"(\d+) branchings beyond the catheter tip", after_text).group(1))
    assert small > start, "a smaller particle must stop further along the path"
    after_alt = page.locator(".nt-fig-tace-particles img").first.get_attribute("alt")
    assert after_alt != before_alt and "20 µm" in after_alt
    screenshot(page, "03_tace-particles-small", full_page=False)

    slider_press(page, "nt-tace-particle_diameter_um", "End")    # largest particle: 1000 µm
    big_text = wait_changed(lambda: _stop_text(page), after_text, 30)
    big = int(re.search(r"(\d+) branchings beyond the catheter tip", big_text).group(1))
    assert big < start, "a larger particle must stop earlier on the path"
    assert page_problems(page) == []
    screenshot(page, "03_tace-particles-large", full_page=False)
    screenshot(page, "03_tace")
