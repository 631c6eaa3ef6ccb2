"""Widget tests for the "Choosing a therapy" dashboard (notebook 06)."""

import pytest

from netteach import DISCLAIMER
from netteach.models import choosing as model
from netteach.widgets import choosing


@pytest.fixture(scope="module")
def reach():
    return choosing.build_reach_panel()


def test_toggling_each_curve_changes_the_figure_and_table(reach):
    for cid, box in reach.boxes.items():
        before, table = reach.pane.widget.value, reach.table.value
        box.value = False
        assert reach.pane.widget.value != before, cid
        assert "(hidden)" in reach.table.value and reach.table.value != table
        assert model.REACH_CURVES[cid][0] in reach.pane.alt.split("Hidden:")[1]
        box.value = True
    assert "(hidden)" not in reach.table.value


def test_all_curves_off_explains_itself(reach):
    for box in reach.boxes.values():
        box.value = False
    assert "tick at least one box" in reach.messages.text
    for box in reach.boxes.values():
        box.value = True
    assert reach.messages.text == ""


def test_level_slider_to_both_extremes_moves_the_marks(reach):
    s = reach.level_slider
    before = reach.pane.widget.value
    s.value = s.max
    at_max = reach.pane.widget.value
    assert at_max != before and "Falls to 50% at" in reach.table.value
    s.value = s.min
    assert reach.pane.widget.value != at_max and "Falls to 1% at" in reach.table.value
    s.value = 10
    # the printed 10% distances are the model's
    curves = model.reach_curves()
    from netteach.figures.choosing import distance_text
    for c in curves.values():
        assert distance_text(c.reach_m(0.1)) in reach.table.value


@pytest.fixture
def explorer():
    return choosing.build_explorer_panel()


def _text(p):
    return " ".join(getattr(c, "value", "") for c in p.children if isinstance(
        getattr(c, "value", None), str))


def test_explorer_says_it_recommends_nothing(explorer):
    text = _text(explorer)
    assert "recommends nothing" in text and "multidisciplinary team" in text
    assert DISCLAIMER in text


def test_explorer_inputs_change_the_lists(explorer):
    before = explorer.result.value
    explorer.flags["near_large_vessel"].value = True
    assert explorer.result.value != before and "heat-sink" in explorer.result.value
    explorer.inputs["lung_shunt_percent"].widget.value = 25.0
    assert "resin SIRT is not given" in explorer.result.value
    explorer.liver.value = "poor"
    assert "absolute contraindication" in explorer.result.value
    for name, box in explorer.inputs.items():  # number boxes to both ends of their range
        for value in (box.range.min, box.range.max):
            box.widget.value = value
            assert box.valid and explorer.messages.text == "", name
            assert "In favour" in explorer.result.value


@pytest.mark.parametrize("name, value, words", [
    ("largest_tumour_cm", 0.0, "Largest tumour must be between 0.5 and 20 cm"),
    ("largest_tumour_cm", 45.0, "Largest tumour must be between 0.5 and 20 cm"),
    ("tumour_count", 0.0, "Number of liver tumours must be between 1 and 30"),
    ("tumour_count", 2.5, "whole number"),
    ("lung_shunt_percent", -3.0, "Lung shunt on the mapping scan must be between 0 and 60"),
    ("lung_shunt_percent", 80.0, "Lung shunt on the mapping scan must be between 0 and 60"),
])
def test_explorer_bad_input_shows_a_plain_message(explorer, name, value, words):
    explorer.inputs[name].widget.value = value
    assert words in explorer.messages.text
    assert "Traceback" not in explorer.messages.text and "ValueError" not in \
        explorer.messages.text
    assert "Correct the value" in explorer.result.value
    explorer.inputs[name].widget.value = explorer.inputs[name].range.default
    assert "In favour" in explorer.result.value


def test_loading_a_case_sets_every_input(explorer):
    explorer.cases.value = "whipple-many"
    p = model.case("whipple-many").patient
    assert explorer.inputs["tumour_count"].widget.value == p["tumour_count"]
    assert explorer.flags["prior_whipple"].value is True
    assert "Whipple" in explorer.result.value


def test_cases_panel_reveals_the_reasoning():
    p = choosing.build_cases_panel()
    for case in model.CASES:
        p.choose.value = case.id
        assert case.story[:40] in p.story.value
        first = p.qa_box.children[0]
        button, answer = first.children[1], first.children[2]
        assert answer.layout.display == "none"
        button.value = True
        assert answer.layout.display == "" and case.questions[0][1][:30] in answer.value
    assert len(model.CASES) >= 4


def test_references_panel_lists_the_topic_models_sources():
    refs = choosing.build_references_panel()
    html = refs.children[-1].value
    assert "Loevinger" in html and "Cournane" in html and "Mohan" in html


def test_reach_fast_redraw_matches_a_full_redraw(reach):
    from tests.widgets.helpers import fast_render_matches_full

    reach.boxes[next(iter(reach.boxes))].value = False
    reach.level_slider.value = reach.level_slider.max
    assert fast_render_matches_full(reach.pane)
    reach.boxes[next(iter(reach.boxes))].value = True
    assert fast_render_matches_full(reach.pane)


def test_a_hidden_curve_greys_out_its_own_legend_entry(reach):
    """The legend stays in the cached background; a white veil is laid over exactly the entry
    of each hidden curve (its line sample and its text), and lifted when it is shown again."""
    legend = reach.artists["legend"]
    renderer = legend.figure._get_renderer()
    for k, (cid, box) in enumerate(reach.boxes.items()):
        box.value = False
        veil = reach.artists["veils"][cid]
        assert veil.get_visible()
        covered = veil.get_window_extent(renderer)
        text = legend.get_texts()[k].get_window_extent(renderer)
        assert covered.x0 <= text.x0 and covered.x1 >= text.x1, cid
        assert covered.y0 <= text.y0 and covered.y1 >= text.y1, cid
        others = [t.get_window_extent(renderer) for j, t in enumerate(legend.get_texts())
                  if j != k]
        assert not any(covered.overlaps(o) for o in others), cid
        box.value = True
        assert not veil.get_visible()
