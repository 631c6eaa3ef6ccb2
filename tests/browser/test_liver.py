"""Browser test of the NETs-and-the-liver dashboard: sliders and the artery switch act."""

from __future__ import annotations

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

NAME = "01_nets_and_the_liver"


def test_uptake_slider_and_block_artery_change_the_figures(page, voila_url):
    open_dashboard(page, voila_url, NAME)
    assert page_problems(page) == []

    before = figure_src(page, "liver-uptake")
    slider_press(page, "nt-liver-tumour_flow_ml_min_100g", "End")
    after = wait_changed(lambda: figure_src(page, "liver-uptake"), before, 60)
    assert after != before, "the tumour blood-flow slider did not change the figure"
    text = page.locator(".nt-panel-liver-uptake").first.inner_text()
    assert "9.5 times" in text
    page.locator(".nt-panel-liver-uptake").first.scroll_into_view_if_needed()
    screenshot(page, f"{NAME}-uptake", full_page=False)

    before = figure_src(page, "liver-supply")
    page.locator(".nt-liver-block-artery input").first.check()
    after = wait_changed(lambda: figure_src(page, "liver-supply"), before, 60)
    assert after != before
    page.locator(".nt-panel-liver-supply").first.scroll_into_view_if_needed()
    screenshot(page, f"{NAME}-supply-blocked", full_page=False)

    before = figure_src(page, "liver-grade")
    slider_press(page, "nt-liver-ki67_percent", "End")
    after = wait_changed(lambda: figure_src(page, "liver-grade"), before, 60)
    assert after != before
    assert "NET G3" in page.locator(".nt-panel-liver-grade").first.inner_text()
    page.locator(".nt-panel-liver-grade").first.scroll_into_view_if_needed()
    screenshot(page, f"{NAME}-grade", full_page=False)
    assert page_problems(page) == []
