"""Widget tests for the NETs-and-the-liver dashboard (01_nets_and_the_liver)."""

from __future__ import annotations

from netteach import DISCLAIMER
from netteach.widgets import liver as W
from tests.widgets.helpers import all_html


def test_grading_panel_sliders_to_both_extremes():
    box = W.build_grading_panel()
    assert DISCLAIMER in all_html(box)
    ki, mi = box.controls["ki67"], box.controls["mitoses"]
    assert ki.description.startswith("Ki-67 index") and "per 2 mm²" in mi.description
    ki.value, mi.value = ki.min, mi.min
    assert "NET G1" in box.result.value
    low_png = box.pane.widget.value
    ki.value = ki.max
    assert "NET G3" in box.result.value and "Ki-67 index gives the higher grade" in box.result.value
    assert box.pane.widget.value != low_png
    ki.value, mi.value = 2.0, 25
    assert "NET G3" in box.result.value and "mitotic count" in box.result.value
    mi.value = mi.max
    assert box.messages.text == ""


def test_supply_panel_slider_and_block():
    box = W.build_supply_panel()
    portal, block = box.controls["portal"], box.controls["block"]
    portal.value = portal.min
    at_min, text_min = box.pane.widget.value, box.readout.value
    assert "70%" in text_min
    portal.value = portal.max
    assert box.pane.widget.value != at_min and "80%" in box.readout.value
    block.value = True
    assert "Artery blocked" in box.readout.value and "about 5%" in box.readout.value
    assert "blocked" in box.pane.alt


def test_supply_panel_bad_value_shows_message_not_traceback():
    box = W.build_supply_panel()
    box.controls["portal"].max = 95
    box.controls["portal"].value = 95  # outside the 70-80% the sources give
    assert box.messages.level == "error"
    assert "must be" in box.messages.text and "Traceback" not in box.messages.text


def test_uptake_panel_every_slider_to_both_ends():
    box = W.build_uptake_panel()
    assert DISCLAIMER in all_html(box) and "04_sirt.ipynb" in all_html(box)
    assert "3.8 times" in box.readout.value  # 100 x 0.95 / (100 x 0.25)
    for name, s in box.controls.items():
        s.value = s.min
        at_min = box.pane.widget.value
        assert box.messages.text == "", name
        s.value = s.max
        assert box.messages.text == "", name
        assert box.pane.widget.value != at_min, f"{name} at both ends drew the same figure"
        assert "times as much agent" in box.readout.value


def test_uptake_ratio_rises_with_tumour_flow():
    box = W.build_uptake_panel()
    s = box.controls["tumour_flow_ml_min_100g"]
    s.value = s.min
    low = box.readout.value
    s.value = s.max
    assert low != box.readout.value
    assert "9.5 times" in box.readout.value  # 250 x 0.95 / 25
