"""Browser test of the patient's-journey dashboard: the checklists download as printable files,
the treatment buttons change the content, and the carer-dose figure reacts to its sliders."""

from pathlib import Path

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


def _download(page, css):
    link = page.locator(f".{css}").first
    link.scroll_into_view_if_needed()
    with page.expect_download() as info:
        link.click()
    download = info.value
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_checklists_download_and_panels_react(page, voila_url):
    open_dashboard(page, voila_url, "07_patient_journey")
    assert page_problems(page) == []

    name, data = _download(page, "nt-download-html")
    assert name == "checklist_tace.html"
    text = data.decode("utf-8")
    assert text.startswith("<!DOCTYPE html>") and "@media print" in text
    assert "Checklist: TACE" in text and "Warning signs and who to call" in text

    name, data = _download(page, "nt-download-pdf")
    assert name == "checklist_tace.pdf"
    assert data.startswith(b"%PDF") and len(data) > 5000

    # choose another treatment: the links now give the SIRT checklist
    page.locator(".nt-journey-checklist-therapy select").select_option(label="SIRT "
                                                                        "(radioembolisation)")
    wait_changed(lambda: page.locator(".nt-download-html").first.get_attribute("download"),
                 "checklist_tace.html")
    name, data = _download(page, "nt-download-html")
    assert name == "checklist_sirt.html" and b"mysirtstory" in data
    screenshot(page, "07_patient_journey-checklists", full_page=False)

    # the treatment buttons change the before/day/after list
    items = page.locator(".nt-journey-items").first
    before = items.inner_html()
    page.locator(".nt-journey-therapy button", has_text="SIRT").first.click()
    assert wait_changed(items.inner_html, before) != before

    # the carer-dose figure reacts to the distance slider
    old = figure_src(page, "carer-dose")
    slider_press(page, "nt-journey-distance_m", "End")
    assert wait_changed(lambda: figure_src(page, "carer-dose"), old, 60) != old
    page.locator(".nt-fig-carer-dose").first.scroll_into_view_if_needed()
    screenshot(page, "07_patient_journey-carer-dose", full_page=False)
    assert page_problems(page) == []
