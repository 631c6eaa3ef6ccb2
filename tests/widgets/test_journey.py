"""Widget tests for the patient's-journey dashboard (notebook 07)."""

import base64
import re

import pytest

from netteach import DISCLAIMER
from netteach.models import journey as model
from netteach.widgets import journey


def test_journey_panel_switches_therapy_and_stage():
    p = journey.build_journey_panel()
    before_tace = p.body.value
    assert "Fasting" in before_tace and "Whipple" in before_tace
    p.therapy.value = "sirt"
    assert p.body.value != before_tace and "mapping angiogram" in p.body.value
    p.stage.value = "day"
    assert "wrist" in p.body.value and "carcinoid crisis" in p.body.value.lower()
    p.therapy.value = "rfa"
    p.stage.value = "after"
    assert "follow local protocol" in p.body.value  # unverified points are marked


def test_warning_signs_list_who_to_call_most_urgent_first():
    html = journey.build_warning_signs_panel().children[-1].value
    assert html.index("Call 999") < html.index("38.6")
    assert html.count("<tr") == len(model.WARNING_SIGNS) + 1


def _sweep(p, name, value):
    before = p.pane.widget.value
    p.sliders[name].value = value
    return before != p.pane.widget.value


def test_radiation_panel_sliders_to_both_extremes_change_the_figure():
    p = journey.build_radiation_safety_panel()
    assert DISCLAIMER in str([c.value for c in p.children if hasattr(c, "value")])
    for name, s in p.sliders.items():
        assert _sweep(p, name, s.max), name
        assert _sweep(p, name, s.min), name
        assert p.messages.text == ""
    # the summary reports the model's dose for the chosen values
    p.sliders["activity_gbq"].value = 2.0
    p.sliders["distance_m"].value = 1.0
    p.sliders["hours_per_day"].value = 24.0
    p.sliders["days"].value = 28
    dose = model.carer_dose_usv(2.0, 1.0, 24.0, 28)
    assert f"{dose:.0f} µSv" in p.summary.value
    assert "0.3 mSv" in p.summary.value


def test_radiation_panel_bad_value_shows_a_message_and_raises_nothing():
    p = journey.build_radiation_safety_panel()
    old = p.pane.widget.value
    # a value the slider cannot produce, passed through the panel's safe runner
    from netteach.widgets.controls import run_safely
    assert run_safely(p.messages, model.carer_dose_usv, 2.0, 1.0, 30.0, 7) is None
    assert "Hours a day at that distance" in p.messages.text and "Traceback" not in p.messages.text
    assert p.pane.widget.value == old


def _link(html, css):
    m = re.search(rf'class="nt-download {css}" download="([^"]+)" href="data:([^;]+);base64,'
                  r'([^"]+)"', html)
    assert m, css
    return m.group(1), m.group(2), base64.b64decode(m.group(3))


def test_checklist_downloads_are_printable_files():
    p = journey.build_checklist_panel()
    name, mime, data = _link(p.links.value, "nt-download-html")
    assert name == "checklist_tace.html" and mime == "text/html"
    page = data.decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert "Checklist: TACE" in page and "Warning signs" in page and "not for clinical" in page
    assert "http" not in page.split("<h2>Sources</h2>")[0]  # nothing loaded from outside
    name, mime, data = _link(p.links.value, "nt-download-pdf")
    assert name == "checklist_tace.pdf" and mime == "application/pdf"
    assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF") and len(data) > 5000


@pytest.mark.parametrize("therapy", ["sirt", "rfa"])
def test_checklist_changes_with_the_therapy(therapy):
    p = journey.build_checklist_panel()
    old = p.links.value
    p.choose.value = therapy
    assert p.links.value != old
    name, _, data = _link(p.links.value, "nt-download-html")
    assert name == f"checklist_{therapy}.html"
    assert ("mysirtstory" in data.decode()) == (therapy == "sirt")


def test_questions_and_help_and_references():
    q = journey.build_questions_panel().children[-1].value
    assert all(x in q for x in ("Questions you might want to ask", "Where to get help", "999"))
    refs = journey.build_references_panel()
    assert "nt-panel-references" in refs._dom_classes
    assert "McCann" in refs.children[-1].value and "Kwon" in refs.children[-1].value


def test_carer_dose_fast_redraw_matches_a_full_redraw():
    from tests.widgets.helpers import fast_render_matches_full

    p = journey.build_radiation_safety_panel()
    for s in p.sliders.values():
        s.value = s.max
    assert fast_render_matches_full(p.pane)
