"""Panels for the NETs-and-the-liver dashboard (01_nets_and_the_liver).

``build_grading_panel``: WHO grade from Ki-67 and mitotic count.
``build_supply_panel``: the liver's dual blood supply against a metastasis's, with the spread
between sources and what is left when the hepatic artery is blocked.
``build_uptake_panel``: why an agent injected into the hepatic artery concentrates in a
hypervascular tumour (the tumour-to-normal uptake ratio).
"""

from __future__ import annotations

import ipywidgets as w

from ..constants import liver as L
from ..constants import nets as N
from ..figures import liver as F
from ..models import liver as M
from ..validation import check_scalar
from .controls import MessageArea, checkbox, run_safely, slider
from .display import FigurePane
from .layout import panel

__all__ = ["build_grading_panel", "build_supply_panel", "build_uptake_panel"]

_SOURCE_SHORT = {"int_j_morphol_2021": "anatomy papers", "asa_toolbox_q5": "ASA",
                 "elsevier_liver_arteries": "Elsevier"}


# --- grading ----------------------------------------------------------------------------------
def _grade_text(g):
    why = {"both": "both indices agree",
           "Ki-67": "the Ki-67 index gives the higher grade",
           "mitotic count": "the mitotic count gives the higher grade"}[g.decided_by]
    return f"{g.label} ({why})"


def build_grading_panel():
    """WHO 2019/2022 grade of a well-differentiated NET from Ki-67 and mitotic count."""
    messages = MessageArea()
    ki = slider("liver", "ki67_percent")
    mi = slider("liver", "mitoses_per_2mm2")
    g = M.net_grade(ki.value, mi.value)
    arts = F.plot_grade(ki.value, mi.value)
    F.update_grade(arts, ki.value, mi.value, _grade_text(g))
    pane = FigurePane(arts["fig"], _grade_alt(ki.value, mi.value, g), "liver-grade")
    result = w.HTML(_grade_html(g))

    def update(_change=None):
        messages.clear()
        grade = run_safely(messages, M.net_grade, ki.value, mi.value)
        if grade is None:
            return
        F.update_grade(arts, ki.value, mi.value, _grade_text(grade))
        pane.refresh(alt=_grade_alt(ki.value, mi.value, grade))
        result.value = _grade_html(grade)

    ki.observe(update, names="value")
    mi.observe(update, names="value")
    note = w.HTML(
        "<p class='nt-panel-intro'>Cut-offs (WHO 2019, unchanged in 2022): G1 has Ki-67 below "
        f"{N.KI67_G2_FROM_PERCENT:g}% and fewer than {N.MITOSES_G2_FROM_PER_2MM2:g} mitoses per "
        f"2 mm²; G2 has Ki-67 {N.KI67_G2_FROM_PERCENT:g}-{N.KI67_G3_ABOVE_PERCENT:g}% or "
        f"{N.MITOSES_G2_FROM_PER_2MM2:g}-{N.MITOSES_G3_ABOVE_PER_2MM2:g} mitoses; G3 has more "
        f"than {N.KI67_G3_ABOVE_PERCENT:g}% or more than {N.MITOSES_G3_ABOVE_PER_2MM2:g}. "
        "Whichever index gives the higher grade decides. The older WHO 2010 system put G1 at "
        f"Ki-67 of {N.KI67_G1_MAX_WHO_2010_PERCENT:g}% or less, so a value between 2% and 3% "
        "fell in no grade. A poorly differentiated carcinoma (NEC) is recognised by how its "
        "cells look, not by these numbers.</p>")
    controls = w.VBox([ki, mi, messages.widget, result])
    box = panel("Grade a NET", controls, pane.widget, note, calculator=True,
                css_name="liver-grade",
                intro="Move the sliders to set the tumour's Ki-67 index and mitotic count.")
    box.controls, box.pane, box.result, box.messages = {"ki67": ki, "mitoses": mi}, pane, \
        result, messages
    return box


def _grade_html(g):
    return f"<div class='nt-msg nt-msg-info'><b>Result: {_grade_text(g)}.</b></div>"


def _grade_alt(k, m, g):
    return (f"Map of WHO grades by Ki-67 index and mitotic count; the tumour at Ki-67 {k:g}% "
            f"and {m:g} mitoses per 2 mm² is {g.label}.")


# --- dual blood supply -------------------------------------------------------------------------
def build_supply_panel():
    """Portal vein and hepatic artery shares of flow and oxygen, normal liver against tumour."""
    messages = MessageArea()
    portal = slider("liver", "portal_flow_percent")
    block = checkbox("Block the hepatic artery (as embolisation does)", "liver-block-artery")
    block.layout.width = "95%"
    normal = M.supply_fractions("normal")
    met = M.supply_fractions("metastasis")
    marks = [(_SOURCE_SHORT[s.ref], s.portal_flow) for s in M.PORTAL_FLOW_SOURCES]
    arts = F.plot_supply(portal.value / 100, normal.portal_oxygen_range, met.arterial_flow, marks)
    pane = FigurePane(arts["fig"], _supply_alt(portal.value, False), "liver-supply")
    readout = w.HTML(_supply_text(portal.value, False, met.arterial_flow))

    def update(_change=None):
        messages.clear()
        p = run_safely(messages, _checked_portal, portal.value)
        if p is None:
            return
        F.update_supply(arts, p, normal.portal_oxygen_range, met.arterial_flow, block.value)
        pane.refresh(alt=_supply_alt(portal.value, block.value))
        readout.value = _supply_text(portal.value, block.value, met.arterial_flow)

    portal.observe(update, names="value")
    block.observe(update, names="value")
    controls = w.VBox([portal, block, messages.widget])
    box = panel("The liver's two blood supplies", controls, pane.widget, readout,
                css_name="liver-supply",
                intro="Normal liver gets most of its blood from the portal vein. A metastasis "
                      "gets almost all of its blood from the hepatic artery. Move the slider "
                      "across the values different sources give, then block the artery.")
    box.controls, box.pane, box.readout = {"portal": portal, "block": block}, pane, readout
    box.messages = messages
    return box


def _checked_portal(percent):
    lo, hi = M.supply_fractions().portal_flow_range
    return check_scalar("portal_flow_percent", percent, 100 * lo, 100 * hi, unit="%") / 100


def _supply_text(portal_pct, blocked, met_arterial):
    a = 100 - portal_pct
    ox_lo, ox_hi = (100 * L.PORTAL_OXYGEN_FRACTION_LOW, 100 * L.PORTAL_OXYGEN_FRACTION_HIGH)
    left = 100 * (1 - met_arterial)
    if not blocked:
        return (f"<p class='nt-panel-intro'>The portal vein brings {portal_pct:.0f}% of the "
                f"liver's blood but only {ox_lo:.0f}-{ox_hi:.0f}% of its oxygen, because portal "
                f"blood has already passed through the gut. The hepatic artery brings "
                f"{a:.0f}% of the blood and about half of the oxygen. A metastasis takes about "
                f"{100 * met_arterial:.0f}% of its blood from the artery (Taylor 1978).</p>")
    return (f"<p class='nt-panel-intro'><b>Artery blocked.</b> Normal liver keeps the portal "
            f"vein's {portal_pct:.0f}% of its blood and {ox_lo:.0f}-{ox_hi:.0f}% of its oxygen, "
            "and it stays alive on its portal supply (RETNET protocol, Chen 2018), even though "
            "the portal vein cannot increase its flow to make up for the artery. The "
            f"metastasis keeps only about {left:.0f}%: it is starved of blood. This is why "
            "blocking the hepatic artery (embolisation) targets tumours. But the rim of many "
            "metastases also gets portal blood (Haugeberg 1988), one reason embolisation rarely "
            "kills a tumour completely.</p>")


def _supply_alt(portal_pct, blocked):
    state = "with the hepatic artery blocked" if blocked else "with both supplies open"
    return (f"Bar chart, {state}: normal liver gets {portal_pct:.0f}% of its blood and about "
            "half its oxygen from the portal vein; a metastasis gets about 95% of its blood from "
            "the hepatic artery.")


# --- arterial uptake ratio ----------------------------------------------------------------------
def build_uptake_panel():
    """Tumour-to-normal uptake ratio for an agent trapped on first pass in the artery."""
    messages = MessageArea()
    s = {name: slider("liver", name) for name in (
        "tumour_flow_ml_min_100g", "tumour_arterial_percent", "normal_flow_ml_min_100g",
        "normal_arterial_percent", "tumour_mass_percent")}
    res = _uptake(s)
    arts = F.plot_uptake(*res)
    pane = FigurePane(arts["fig"], _uptake_alt(*res), "liver-uptake")
    readout = w.HTML(_uptake_text(*res))

    def update(_change=None):
        messages.clear()
        out = run_safely(messages, _uptake, s)
        if out is None:
            return
        F.update_uptake(arts, *out)
        pane.refresh(alt=_uptake_alt(*out))
        readout.value = _uptake_text(*out)

    for c in s.values():
        c.observe(update, names="value")
    note = w.HTML(
        "<p class='nt-panel-intro'><b>What is assumed.</b> Every particle is caught in the first "
        "small vessels it meets, so each gram of tissue gets agent in proportion to the arterial "
        "blood it receives. The blood flow to normal liver "
        f"(about {L.NORMAL_LIVER_FLOW_ML_PER_MIN_100G:g} mL/min per 100 g) is a round figure we "
        "could not find in a source; the arterial shares are published (25% for normal liver, "
        "about 95% for a metastasis). SIRT planning uses the same idea: its tumour-to-normal "
        "ratio (T/N) is measured on a scan before treatment. See "
        "<a href='04_sirt.ipynb'>the SIRT dashboard</a>.</p>")
    controls = w.VBox([*s.values(), messages.widget])
    box = panel("Why arterial therapies find the tumour", controls, pane.widget, readout, note,
                calculator=True, css_name="liver-uptake",
                intro="Set how much blood the tumour and the normal liver get, and how much of "
                      "it comes from the hepatic artery.")
    box.controls, box.pane, box.readout, box.messages = s, pane, readout, messages
    return box


def _uptake(s):
    t = M.arterial_flow_per_mass(s["tumour_flow_ml_min_100g"].value,
                                 s["tumour_arterial_percent"].value / 100)
    n = M.arterial_flow_per_mass(s["normal_flow_ml_min_100g"].value,
                                 s["normal_arterial_percent"].value / 100)
    ratio = M.arterial_uptake_ratio(t, n)
    m = s["tumour_mass_percent"].value / 100
    return ratio, m, M.tumour_share_of_agent(ratio, m)


def _uptake_text(ratio, m, share):
    return (f"<div class='nt-msg nt-msg-info'><b>Each gram of tumour gets {ratio:.1f} times as "
            f"much agent as each gram of normal liver.</b> The tumour is {100 * m:.0f}% of the "
            f"liver's mass but takes {100 * share:.0f}% of the injected agent.</div>")


def _uptake_alt(ratio, m, share):
    return (f"Bar charts: tumour uptake per gram is {ratio:.1f} times normal liver; the tumour is "
            f"{100 * m:.0f}% of the mass and takes {100 * share:.0f}% of the agent.")
