"""SIRT panels: every control at both extremes changes the view; bad input explains itself."""

from __future__ import annotations

from functools import cache

import pytest

from netteach import DISCLAIMER, ranges
from netteach.widgets import sirt


def _text(box) -> str:
    """All HTML and descriptions in a widget tree (what a learner could read)."""
    out = []
    stack = [box]
    while stack:
        wdg = stack.pop()
        for attr in ("value", "description"):
            v = getattr(wdg, attr, None)
            if isinstance(v, str):
                out.append(v)
        stack.extend(getattr(wdg, "children", ()))
    return "\n".join(out)


@cache
def _shared(builder):
    """One panel per builder for the tests that only read or sweep it (saves build time)."""
    return getattr(sirt, builder)()


def _state(box):
    parts = [box.pane.widget.value if box.pane is not None else ""]
    for name in ("readout", "table"):
        if hasattr(box, name):
            parts.append(getattr(box, name).value)
    return tuple(parts)


def _sweep(box, name):
    """Move one slider to its minimum and maximum; each move must change what is shown."""
    ctrl = box.controls[name]
    r = ranges.get("sirt", name)
    seen = [_state(box)]
    for value in (r.min, r.max):
        if ctrl.value == value:
            continue
        ctrl.value = value
        seen.append(_state(box))
        assert seen[-1] != seen[-2], f"moving {name} to {value} changed nothing"
    assert "Traceback" not in _text(box)


SLIDER_PANELS = [
    ("build_spheres_panel", ["activity_gbq"]),
    ("build_decay_panel", ["time_days"]),
    ("build_kernel_panel", ["distance_mm"]),
    ("build_safety_panel", ["activity_gbq", "distance_m", "start_day", "hours_per_day", "days"]),
    ("build_timeline_panel", ["timeline_day"]),
    ("build_dosimetry_panel", ["lung_shunt_percent", "tn_ratio", "normal_liver_dose_gy",
                               "mean_liver_dose_gy"]),
]


@pytest.mark.parametrize("builder, names", SLIDER_PANELS, ids=[p[0] for p in SLIDER_PANELS])
def test_sliders_to_both_extremes_change_the_view(builder, names):
    box = _shared(builder)
    for name in names:
        _sweep(box, name)


def test_decay_panel_reads_94_percent_at_day_11():
    box = sirt.build_decay_panel()
    box.controls["time_days"].value = 0.0
    assert "0.0% of the dose has been delivered" in box.pane.alt
    box.controls["time_days"].value = 11.0
    assert "94.2% of the dose has been delivered" in box.pane.alt
    assert box.pane.renders >= 3


def test_figure_created_once_and_updated_in_place():
    box = _shared("build_kernel_panel")
    fig = box.pane.fig
    box.controls["distance_mm"].value = 8.0
    assert box.pane.fig is fig and "8.0 mm" in box.pane.alt


def test_dose_map_panel_extremes_and_rescatter():
    box = sirt.build_dose_map_panel()
    seen = [_state(box)]
    for name, value in (("tumour_radius_mm", 3.0), ("tumour_activity_mbq", 40.0),
                        ("tumour_activity_mbq", 1.0)):
        box.controls[name].value = value
        seen.append(_state(box))
        assert seen[-1] != seen[-2], f"{name} = {value} changed nothing"
    box.controls["scatter"].click()
    seen.append(_state(box))
    assert seen[-1] != seen[-2]  # a new random scatter
    box.controls["tumour_radius_mm"].value = 12.0
    assert _state(box) != seen[-1]
    assert "Resin" in box.readout.value and "Glass" in box.readout.value
    assert box.messages.text == ""


def test_calculator_panels_show_the_disclaimer():
    for builder in ("build_dosimetry_panel", "build_lung_shunt_panel", "build_safety_panel"):
        assert DISCLAIMER in _text(_shared(builder))


def test_dosimetry_warnings_for_lung_shunt_and_lung_dose():
    box = sirt.build_dosimetry_panel()
    # by default the single-compartment plan (80 Gy mean) overdoses the normal liver
    assert "Single compartment" in box.warnings.text and "BSA" not in box.warnings.text
    box.controls["mean_liver_dose_gy"].value = 50.0
    assert box.warnings.level == "ok"
    box.controls["lung_shunt_percent"].value = 40.0
    text = box.warnings.text
    assert "above 20%" in text and "30 Gy" in text
    assert "0.00" in box.table.value  # BSA: do not treat
    box.controls["lung_shunt_percent"].value = 8.0
    box.controls["normal_liver_dose_gy"].value = 60.0
    assert "40 Gy threshold" in box.warnings.text  # normal liver above the resin threshold


@pytest.mark.parametrize("name, bad", [("height_m", 5.0), ("weight_kg", -3.0),
                                       ("normal_liver_volume_ml", 0.0),
                                       ("tumour_volume_ml", float("nan"))])
def test_dosimetry_bad_input_shows_message_and_keeps_last_result(name, bad):
    box = sirt.build_dosimetry_panel()
    shown = _state(box)
    box.controls[name].widget.value = bad
    assert box.messages.level == "error"
    assert "must be between" in box.messages.text
    assert _state(box) == shown  # nothing recomputed from the bad value
    assert "Traceback" not in _text(box) and "ValueError" not in _text(box)


def test_dosimetry_impossible_combination_is_explained():
    box = sirt.build_dosimetry_panel()
    box.controls["tumour_volume_ml"].widget.value = 0.0  # in range, but no tumour to plan
    assert box.messages.level == "error"
    assert "Tumour volume in the liver must be" in box.messages.text


def test_lung_shunt_panel_counts_and_bad_input():
    box = sirt.build_lung_shunt_panel()
    assert "8.5%" in box.readout.value
    box.controls["maa_lung_anterior_kcounts"].widget.value = 400.0
    box.controls["maa_lung_posterior_kcounts"].widget.value = 400.0
    assert "do not treat" in box.readout.value and box.messages.level == "warning"
    shown = box.readout.value
    box.controls["maa_liver_anterior_kcounts"].widget.value = -10.0
    assert box.messages.level == "error" and box.readout.value == shown


def test_timeline_lists_what_applies():
    box = sirt.build_timeline_panel()
    box.controls["timeline_day"].value = 0.5
    assert "Wash hands" in box.readout.value
    box.controls["timeline_day"].value = 30.0
    assert "REILD" in box.readout.value and "Wash hands" not in box.readout.value


def test_disagreements_panel_shows_both_values():
    text = _text(sirt.build_disagreements_panel())
    for value in ("64.1 h", "64.2 h", "2.5 mm", "4 mm", "49.67", "50 Gy"):
        assert value in text
