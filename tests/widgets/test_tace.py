"""Panels of the TACE dashboard: build, drive every control to its extremes, check the view."""

from __future__ import annotations

import pytest

from netteach import DISCLAIMER
from netteach.models import tace as model
from netteach.widgets import tace


def _texts(box):
    out, stack = [], [box]
    while stack:
        wdg = stack.pop()
        out.append(getattr(wdg, "value", "") if isinstance(getattr(wdg, "value", ""), str)
                   else "")
        stack.extend(getattr(wdg, "children", ()))
    return " ".join(out)


def _sweep(slider, pane, update_readout=None):
    """Move a slider to both ends; the figure must change each time."""
    shown = [pane.widget.value]
    ends = (slider.min, slider.max) if slider.value == slider.max else (slider.max, slider.min)
    for v in ends:
        slider.value = v
        assert pane.widget.value != shown[-1], f"{slider.description} at {v} did not redraw"
        shown.append(pane.widget.value)
    return shown


def test_ischaemia_panel_blocks_the_artery():
    p = tace.build_ischaemia_panel()
    nt = p.nt
    assert DISCLAIMER in _texts(p)
    nt["blocked"].value = 100
    assert "tumour keeps only about 5%" in nt["readout"].value
    assert "normal liver keeps about 75%" in nt["readout"].value
    _sweep(nt["blocked"], nt["pane"])
    nt["blocked"].value = 0
    assert "keeps about 100%" in nt["readout"].value       # at 0% blocked nothing is lost
    assert 'alt="Bar chart' in nt["pane"].widget.value


def test_particle_panel_moves_the_stopping_point():
    p = tace.build_particle_panel()
    nt = p.nt
    assert DISCLAIMER in _texts(p)
    nt["size"].value = 300
    assert "300 µm particle stops" in nt["readout"].value
    x_300 = nt["art"]["marker"].get_xdata()[0]
    nt["size"].value = 700
    x_700 = nt["art"]["marker"].get_xdata()[0]
    assert x_700 < x_300                       # larger particles stop earlier on the path
    _sweep(nt["size"], nt["pane"])
    assert "20 µm particle" in nt["readout"].value
    assert "could slip through" in nt["readout"].value   # 20 µm passes a 100 µm shunt
    _sweep(nt["shunt"], nt["pane"])
    before = nt["pane"].widget.value
    nt["loaded"].value = True
    assert nt["pane"].widget.value != before and "once loaded" in nt["readout"].value


def test_particle_panel_catheter_positions_and_impossible_combination():
    p = tace.build_particle_panel()
    nt = p.nt
    nt["catheter"].value = "CHA"
    assert "duodenum" in nt["messages"].text        # the GDA is downstream of the CHA
    assert nt["art"]["path"].names[0] == "Common hepatic artery"
    nt["lobar"].value = "LHA"
    assert nt["art"]["path"].lobar == "LHA"
    nt["catheter"].value = "RHA"                    # cannot reach the LHA from the RHA
    assert nt["messages"].level == "warning" and "cannot send" in nt["messages"].text
    nt["lobar"].value = "RHA"
    assert "cannot send" not in nt["messages"].text


def test_release_panel_sweeps_time_and_bead_size():
    p = tace.build_release_panel()
    nt = p.nt
    assert DISCLAIMER in _texts(p)
    first = nt["pane"].widget.value
    nt["time"].value = nt["time"].options[-1][1]
    assert nt["pane"].widget.value != first and "3 months" in nt["readout"].value
    nt["time"].value = nt["time"].options[0][1]
    assert "10 minutes" in nt["readout"].value
    reach = nt["reach_pane"].widget.value
    nt["bead"].value = nt["bead"].max
    assert nt["reach_pane"].widget.value != reach
    nt["bead"].value = nt["bead"].min
    nt["time"].value = 24.0
    assert "21%" in nt["readout"].value and "fifth of a millimetre" in nt["readout"].value


def test_release_panel_bad_model_result_shows_plain_message(monkeypatch):
    p = tace.build_release_panel()
    nt = p.nt

    def bad(*_a, **_k):
        raise ValueError("time_h must be at least 0 h and at most 87600 h; got -1")

    monkeypatch.setattr(model, "drug_concentration", bad)
    nt["time"].value = 72.0                        # must not raise
    assert nt["messages"].level == "error"
    assert "Time since the beads were placed" in nt["messages"].text
    assert "Traceback" not in nt["messages"].text


def test_family_panel_switches_between_techniques():
    p = tace.build_family_panel()
    nt = p.nt
    table = nt["out"].value
    assert "DEB-TACE" in table and "<table" in table
    for key in ("tae", "ctace", "deb", "all"):
        nt["choice"].value = key
        assert nt["out"].value
    nt["choice"].value = "deb"
    assert "biloma" in nt["out"].value.lower()


def test_journey_panel_stages_and_day_slider():
    p = tace.build_journey_panel()
    nt = p.nt
    seen = set()
    for _label, key in nt["stage"].options:
        nt["stage"].value = key
        seen.add(nt["items"].value)
        assert "<li>" in nt["items"].value
    assert len(seen) == len(nt["stage"].options)
    _sweep(nt["day"], nt["pane"])
    nt["day"].value = 14
    assert "Day 14 after TACE: abscess seen" in p.nt["pane"].alt
    nt["stage"].value = "contra"
    assert "Child-Pugh" in nt["items"].value


def test_references_panel_lists_reused_sources():
    p = tace.build_references_panel()
    text = _texts(p)
    assert "Murray CD" in text and "Guiu B" in text and "Taylor I" in text


@pytest.mark.parametrize("builder", ["build_ischaemia_panel", "build_particle_panel",
                                     "build_release_panel", "build_journey_panel"])
def test_every_figure_has_alt_text(builder):
    p = getattr(tace, builder)()
    assert 'alt="' in p.nt["pane"].widget.value and len(p.nt["pane"].alt) > 40


@pytest.mark.parametrize("builder, control, value", [
    ("build_particle_panel", "size", 700.0),
    ("build_particle_panel", "catheter", "CHA"),
    ("build_release_panel", "time", 168.0),
    ("build_ischaemia_panel", "blocked", 80.0),
])
def test_fast_redraw_matches_a_full_redraw(builder, control, value):
    """Blitting must show exactly what a full redraw of the same figure shows."""
    from tests.widgets.helpers import fast_render_matches_full

    p = getattr(tace, builder)()
    p.nt[control].value = value
    assert fast_render_matches_full(p.nt["pane"])
