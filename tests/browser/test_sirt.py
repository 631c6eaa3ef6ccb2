"""The SIRT dashboard in Voila: it renders, and the calculators' controls change the doses."""

from __future__ import annotations

import time

import pytest

from .conftest import (
    figure_src,
    open_dashboard,
    page_problems,
    screenshot,
    screenshot_element,
    set_number,
    slider_press,
    wait_changed,
)

pytestmark = pytest.mark.browser


def _html(page, css):
    return page.locator(f".{css}").first.inner_html()


def _wait_for(condition, timeout_s=30.0):
    """Poll ``condition()`` until it is true or the time is up; return its last value."""
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return bool(condition())


def _shoot_panel(page, css, name):
    screenshot_element(page, page.locator(f".nt-panel-{css}").first, name)


def test_sirt_dashboard_calculators_react(page, voila_url):
    open_dashboard(page, voila_url, "04_sirt")
    assert page_problems(page) == []
    assert page.locator(".nt-panel").count() >= 10
    assert page.locator(".nt-disclaimer").count() >= 3  # every calculator says it
    screenshot(page, "04_sirt-full")

    # The dosimetry calculators: moving the lung shunt slider changes the displayed doses.
    doses_before = _html(page, "nt-sirt-doses")
    fig_before = figure_src(page, "sirt-methods")
    slider_press(page, "nt-sirt-lung_shunt_percent", "End")
    doses_after = wait_changed(lambda: _html(page, "nt-sirt-doses"), doses_before, 60)
    assert doses_after != doses_before
    assert wait_changed(lambda: figure_src(page, "sirt-methods"), fig_before, 30) != fig_before
    panel = page.locator(".nt-panel-sirt-dosimetry").first
    assert _wait_for(lambda: "above 20%" in panel.inner_text())  # the warnings appear
    assert "30 Gy limit" in panel.inner_text()
    _shoot_panel(page, "sirt-dosimetry", "04_sirt-calculators-high-shunt")

    # ... and the tumour-to-normal ratio slider changes them again.
    slider_press(page, "nt-sirt-tn_ratio", "Home")
    assert wait_changed(lambda: _html(page, "nt-sirt-doses"), doses_after, 60) != doses_after

    # A typed impossible height shows a plain message, not an error.
    set_number(page, "nt-sirt-height_m", "7")
    assert _wait_for(lambda: "must be between" in panel.inner_text())
    assert page_problems(page) == []

    # The radiation-safety calculator reacts to distance.
    rate_before = _html(page, "nt-sirt-safety")
    slider_press(page, "nt-sirt-distance_m", "Home")
    assert wait_changed(lambda: _html(page, "nt-sirt-safety"), rate_before, 60) != rate_before
    _shoot_panel(page, "sirt-safety", "04_sirt-safety-contact")

    # The dose map re-renders when the activity changes (slow model, continuous_update=False).
    map_before = figure_src(page, "sirt-dosemap")
    slider_press(page, "nt-sirt-tumour_activity_mbq", "End")
    assert wait_changed(lambda: figure_src(page, "sirt-dosemap"), map_before, 90) != map_before
    _shoot_panel(page, "sirt-dosemap", "04_sirt-dosemap")
    _shoot_panel(page, "sirt-kernel", "04_sirt-kernel")
    _shoot_panel(page, "sirt-decay", "04_sirt-decay")
    assert page_problems(page) == []


def test_quiz_explains_a_wrong_answer_and_the_same_button_retries(page, voila_url):
    """The quiz's one button: "Check my answer", then "Try this question again" after a wrong
    answer, which clears the feedback; a right answer locks the question."""
    open_dashboard(page, voila_url, "04_sirt")
    q = page.locator(".nt-panel-quiz .nt-quiz-q").first
    q.scroll_into_view_if_needed()
    button = q.locator("button")
    assert button.inner_text() == "Check my answer"
    q.locator("input[type=radio]").nth(1).check()  # "About 50%": wrong (about 94% is right)
    button.click()
    assert _wait_for(lambda: "Not quite" in q.inner_text())
    assert "half-life" in q.locator(".nt-feedback-wrong").inner_text()  # it explains why
    assert _wait_for(lambda: button.inner_text() == "Try this question again")
    button.click()
    assert _wait_for(lambda: button.inner_text() == "Check my answer")
    assert q.locator(".nt-feedback-wrong").count() == 0
    q.locator("input[type=radio]").nth(0).check()
    button.click()
    assert _wait_for(lambda: "Correct" in q.inner_text())
    assert _wait_for(button.is_disabled)
    assert "Score: 0 of" in page.locator(".nt-panel-quiz .nt-score").inner_text()
    assert page_problems(page) == []
