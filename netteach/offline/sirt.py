"""Offline explorers of the SIRT dashboard: decay over days, and the three planning methods.

Every view is worked out here, with the SIRT model and the dashboard's own figures; the page
only switches between them. For teaching only, not for clinical decisions.
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..constants import sirt as C
from ..figures import sirt as F
from ..models import sirt as m
from ..ranges import get
from ..widgets.layout import panel
from ..widgets.layout import table_html as _table
from ..widgets.sirt import plan_warning_texts
from .frames import check_positions, compact_png, figure_widget, linked_stack, position_slider

__all__ = ["build_decay_explorer", "build_dosimetry_explorer", "DECAY_DAYS", "TN_RATIOS",
           "LUNG_SHUNT_PERCENTS", "MAX_DOSIMETRY_VIEWS"]

T = "sirt"
#: Days shown by the decay explorer: every day for the first 12 (and 2.5, near one half-life).
DECAY_DAYS = (0, 1, 2, 2.5, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 21, 24, 28)
#: Tumour-to-normal ratios and lung shunt fractions (%) of the planning explorer.
TN_RATIOS = (2.0, 4.0, 8.0)
LUNG_SHUNT_PERCENTS = (0.0, 5.0, 10.0, 12.5, 15.0, 17.5, 20.0, 25.0)
#: Most views the planning explorer may hold (ratios x lung shunts).
MAX_DOSIMETRY_VIEWS = 40


def build_decay_explorer(days=DECAY_DAYS):
    """The decay graph at each of ``days`` (days after treatment), chosen with a slider.

    Parameters
    ----------
    days : sequence of float
        Days after treatment, 2 to 40 distinct values within the time slider's range
        (0 to 28 days).

    Returns
    -------
    ipywidgets.VBox
        The panel, with ``.links`` (to embed with it), ``.slider``, ``.stack`` and ``.alts``
        (each view's figure description).
    """
    days = check_positions("days", days, T, "time_days")
    art = F.plot_decay(days[0])
    views, alts = [], []
    for d in days:
        state = F.update_decay(art, d)
        alt = ("Graph of the yttrium-90 activity still in the liver (falling) and the share of "
               "the dose already delivered (rising) over 28 days, with one half-life marked. "
               + state)
        left = 100 * float(m.remaining_fraction(d * 24))
        readout = _table([("Day after treatment", f"{d:g}"),
                          ("Half-lives gone by", f"{d * 24 / float(C.Y90_HALF_LIFE_H):.1f}"),
                          ("Activity still in the liver", f"{left:.1f}%"),
                          ("Dose already delivered", f"{100 - left:.1f}%")])
        views.append(w.VBox([figure_widget(compact_png(art["fig"]), alt, "sirt-decay"),
                             w.HTML(readout)]))
        alts.append(alt)
    slider = position_slider(T, "time_days", days)
    stack, link = linked_stack(slider, views)
    box = panel("Decay: when is the dose delivered?", slider, stack, calculator=True,
                css_name="sirt-decay",
                intro=f"Yttrium-90 has a half-life of {C.Y90_HALF_LIFE_H:g} hours (2.67 days). "
                      "The spheres never leave the liver, so the dose is given as the activity "
                      "decays. Offline, the slider stops at the days worked out in advance.")
    box.links, box.slider, box.stack, box.alts = [link], slider, stack, alts
    return box


def _patient():
    """The dosimetry panel's starting patient (the defaults of the ranges table)."""
    names = ("height_m", "weight_kg", "tumour_volume_ml", "normal_liver_volume_ml",
             "normal_liver_dose_gy", "mean_liver_dose_gy")
    return {n: get(T, n).default for n in names}


def _warnings_html(plans, lsf) -> str:
    items = plan_warning_texts(plans, lsf)
    if not items:
        return ('<div class="nt-msg nt-msg-ok" role="status">No plan exceeds the lung (30 Gy), '
                "lung shunt (20%) or normal-liver (40 Gy, resin) thresholds.</div>")
    return "".join(f'<div class="nt-msg nt-msg-warning" role="status">⚠ {html.escape(t)}</div>'
                   for t in items)


def _dosimetry_view(art, patient, tn, lsf_percent):
    p = patient
    plans = m.compare_planning_methods(p["height_m"], p["weight_kg"], p["tumour_volume_ml"],
                                       p["normal_liver_volume_ml"], lsf_percent / 100.0, tn,
                                       p["normal_liver_dose_gy"], p["mean_liver_dose_gy"])
    doses = [(q.doses.tumour_gy, q.doses.normal_liver_gy, q.doses.lung_gy) for q in plans]
    alt = (f"T/N {tn:g}, lung shunt {lsf_percent:g}%. "
           + F.update_method_doses(art, doses, [q.activity_gbq for q in plans]))
    table = _table([(q.method, f"{q.activity_gbq:.2f}", f"{q.doses.tumour_gy:.0f}",
                     f"{q.doses.normal_liver_gy:.0f}", f"{q.doses.lung_gy:.1f}", q.note)
                    for q in plans],
                   ("Method", "Activity (GBq)", "Tumour (Gy)", "Normal liver (Gy)", "Lung (Gy)",
                    "How it chose"))
    view = w.VBox([figure_widget(compact_png(art["fig"]), alt, "sirt-methods"),
                   w.HTML(_warnings_html(plans, lsf_percent / 100.0)), w.HTML(table)])
    return view, alt


def build_dosimetry_explorer(tn_ratios=TN_RATIOS, lung_shunt_percents=LUNG_SHUNT_PERCENTS):
    """BSA, single compartment and partition model for one patient, at chosen T/N and shunts.

    Two sliders: the tumour-to-normal ratio picks a row of views, the lung shunt fraction a
    view in that row (one link per row, all from the same slider).

    Parameters
    ----------
    tn_ratios : sequence of float
        Tumour-to-normal ratios, 0.5 to 15 (the ranges table).
    lung_shunt_percents : sequence of float
        Lung shunt fractions (%), 0 to 40. At most :data:`MAX_DOSIMETRY_VIEWS` views in all.

    Returns
    -------
    ipywidgets.VBox
        The panel, with ``.links``, ``.sliders`` (``tn_ratio``, ``lung_shunt_percent``),
        ``.stack`` and ``.alts``.
    """
    tns = check_positions("tn_ratios", tn_ratios, T, "tn_ratio")
    lsfs = check_positions("lung_shunt_percents", lung_shunt_percents, T, "lung_shunt_percent")
    if len(tns) * len(lsfs) > MAX_DOSIMETRY_VIEWS:
        raise ValueError(f"tn_ratios x lung_shunt_percents must give at most "
                         f"{MAX_DOSIMETRY_VIEWS} views; got {len(tns)} x {len(lsfs)}")
    patient = _patient()
    art = F.plot_method_doses()
    tn_slider = position_slider(T, "tn_ratio", tns)
    lsf_slider = position_slider(T, "lung_shunt_percent", lsfs)
    rows, links, alts = [], [], []
    for tn in tns:
        views = []
        for lsf in lsfs:
            view, alt = _dosimetry_view(art, patient, tn, lsf)
            views.append(view)
            alts.append(alt)
        row, link = linked_stack(lsf_slider, views)
        rows.append(row)
        links.append(link)
    stack, link = linked_stack(tn_slider, rows)
    p = patient
    who = (f"<b>The patient</b> (the dashboard's starting values): {p['height_m']:g} m, "
           f"{p['weight_kg']:g} kg, tumour {p['tumour_volume_ml']:g} mL, normal liver "
           f"{p['normal_liver_volume_ml']:g} mL. The partition model aims at "
           f"{p['normal_liver_dose_gy']:g} Gy to the normal liver, the single-compartment "
           f"method at a mean of {p['mean_liver_dose_gy']:g} Gy.")
    box = panel("Dosimetry calculators: one patient, three methods", w.HTML(who), tn_slider,
                lsf_slider, stack, calculator=True, css_name="sirt-dosimetry",
                intro="Each method chooses an activity; the bars show the doses that activity "
                      "would give to the tumour, the normal liver and the lungs. Offline, the "
                      "sliders stop at the values worked out in advance.")
    box.links = [link, *links]
    box.sliders = {"tn_ratio": tn_slider, "lung_shunt_percent": lsf_slider}
    box.stack, box.alts = stack, alts
    return box
