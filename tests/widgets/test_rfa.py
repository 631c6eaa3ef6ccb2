"""Panels of the RFA dashboard: build, drive every control to its extremes, check the view."""

from __future__ import annotations

import numpy as np
import pytest

from netteach import DISCLAIMER
from netteach.widgets import rfa


def _texts(box):
    out, stack = [], [box]
    while stack:
        wdg = stack.pop()
        val = getattr(wdg, "value", "")
        out.append(val if isinstance(val, str) else "")
        stack.extend(getattr(wdg, "children", ()))
    return " ".join(out)


def _sweep(control, pane, ends=None):
    """Move a control to both ends; the figure must change each time."""
    shown = [pane.widget.value]
    ends = ends or ((control.min, control.max) if control.value != control.min
                    else (control.max, control.min))
    for v in ends:
        control.value = v
        assert pane.widget.value != shown[-1], f"{control.description} at {v} did not redraw"
        shown.append(pane.widget.value)


def test_how_it_works_panel():
    p = rfa.build_how_it_works_panel()
    nt = p.nt
    assert DISCLAIMER in _texts(p)
    assert "1 mm from the needle" in nt["readout"].value
    before = nt["readout"].value
    _sweep(nt["power"], nt["pane"])
    assert nt["readout"].value != before
    assert 'alt="Diagram of a needle' in nt["pane"].widget.value


def test_damage_panel_models_disagree_at_45_and_agree_at_60():
    p = rfa.build_damage_panel()
    nt = p.nt
    assert DISCLAIMER in _texts(p)
    nt["temperature"].value = 45.0
    nt["hold"].value = 10.0          # Arrhenius: dead after 4.6 min; CEM43: needs 60 min
    assert "disagree" in nt["readout"].value
    nt["temperature"].value = 60.0
    assert "Both models agree" in nt["readout"].value
    _sweep(nt["temperature"], nt["pane"])
    _sweep(nt["hold"], nt["pane"])
    assert nt["messages"].text == ""


@pytest.fixture(scope="module")
def sim():
    return rfa.build_simulator_panel()


def test_simulator_starts_with_a_clinical_zone(sim):
    nt = sim.nt
    assert DISCLAIMER in _texts(sim)
    res = nt["state"]["result"]
    assert res is not None and res.vessel_diameter_mm == nt["vessel_diameter"].value
    assert "Dead zone across the needle" in nt["readout"].value
    assert "For teaching only" in _texts(sim)


def test_vessel_distance_changes_the_outline(sim):
    nt = sim.nt
    outline = nt["map_art"]["lesion"]
    nt["has_vessel"].value = True
    nt["vessel_distance"].value = nt["vessel_distance"].max
    far_x = outline.get_xdata().copy()
    far = nt["state"]["result"].radius_towards_vessel_mm
    before = nt["map_pane"].widget.value
    nt["vessel_distance"].value = nt["vessel_distance"].min
    assert nt["map_pane"].widget.value != before
    near = nt["state"]["result"].radius_towards_vessel_mm
    assert near < far - 5.0
    near_x = outline.get_xdata()
    assert near_x.shape != far_x.shape or not np.allclose(near_x, far_x, equal_nan=True)
    assert "Towards the vessel" in nt["readout"].value


def test_every_simulator_control_reaches_both_ends(sim):
    nt = sim.nt
    nt["minutes"].value = nt["minutes"].min          # short runs keep this test quick
    for name in ("power", "perfusion", "vessel_diameter", "tumour"):
        _sweep(nt[name], nt["map_pane"])
    before = nt["map_pane"].widget.value
    nt["minutes"].value = nt["minutes"].max
    assert nt["map_pane"].widget.value != before
    assert nt["shown"].max == nt["minutes"].max
    for name in ("cooled", "has_vessel"):
        before = nt["map_pane"].widget.value
        nt[name].value = not nt[name].value
        assert nt["map_pane"].widget.value != before
        nt[name].value = not nt[name].value
    assert nt["messages"].text == ""


def test_time_slider_replays_snapshots_without_resolving(sim):
    nt = sim.nt
    res = nt["state"]["result"]
    nt["shown"].value = nt["shown"].max
    # past the simulated time the slider springs back to the end of the ablation
    assert nt["shown"].value == pytest.approx(res.duration_s / 60.0)
    before = nt["map_pane"].widget.value
    nt["shown"].value = 0.0
    assert nt["state"]["result"] is res            # no new simulation
    assert nt["map_pane"].widget.value != before
    assert "at 0.0 min" in nt["map_art"]["title"].get_text()
    nt["shown"].value = nt["shown"].max / 2
    assert "min" in nt["map_pane"].widget.value


def test_simulator_failure_shows_a_message(sim, monkeypatch):
    def broken(*args, **kwargs):
        raise ValueError("power_w must be at least 0 and at most 200 W; got -1")
    monkeypatch.setattr(rfa.rfa, "simulate_ablation", broken)
    nt = sim.nt
    nt["power"].value = nt["power"].max if nt["power"].value != nt["power"].max else 20
    assert nt["messages"].level == "error"
    assert "Generator power" in nt["messages"].text
    assert "Traceback" not in _texts(sim)


def test_suitability_panel():
    p = rfa.build_suitability_panel()
    nt = p.nt
    assert DISCLAIMER in _texts(p)
    nt["size"].value = 20
    nt["margin"].value = 10
    assert "40 mm" in nt["readout"].value
    nt["size"].value = 45
    assert "over 3 cm" in nt["readout"].value
    nt["vessel_diameter"].value = 6
    nt["vessel_distance"].value = 2
    assert "heat sink" in nt["readout"].value
    nt["bowel"].value = True
    assert "bowel" in nt["readout"].value
    _sweep(nt["margin"], nt["pane"], ends=(0, 15))
    for name in ("count", "size", "vessel_diameter", "vessel_distance"):
        nt[name].value = nt[name].max
        nt[name].value = nt[name].min
    assert nt["messages"].text == ""


def test_evidence_and_static_panels():
    p = rfa.build_evidence_panel()
    nt = p.nt
    for stage in ("Before", "During", "After", "Warning signs"):
        nt["stage"].value = stage
        assert "<li>" in nt["items"].value
    assert "38.6" in nt["items"].value
    assert "92%" in _texts(p)
    assert "177 °C" in _texts(rfa.build_microwave_panel())
    assert "infinitely long" in _texts(rfa.build_assumptions_panel())
    assert "Pennes" in _texts(rfa.build_references_panel()) or "Haemmerich" in _texts(
        rfa.build_references_panel())
