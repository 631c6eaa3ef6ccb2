"""Panels of the SIRT dashboard (notebook 04). Each ``build_..._panel()`` returns a widget.

Every panel makes its figure once and updates its artists when a control moves. The returned
box carries ``.controls`` (name -> control), ``.pane`` (the figure pane, if any),
``.messages`` and ``.update()`` so that tests and benchmarks can drive it.
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..constants import sirt as C
from ..figures import sirt as F
from ..models import sirt as m
from .controls import Busy, MessageArea, number_box, run_safely, slider
from .display import FigurePane
from .layout import panel, table_html

__all__ = ["plan_warning_texts", "build_spheres_panel", "build_decay_panel", "build_kernel_panel",
           "build_disagreements_panel", "build_dose_map_panel", "build_lung_shunt_panel",
           "build_dosimetry_panel", "build_safety_panel", "build_timeline_panel"]

T = "sirt"


def plan_warning_texts(plans, lung_shunt_fraction) -> list[str]:
    """The planning warnings of several methods' plans, one list: a warning that is the same
    for every method (the lung shunt fraction) once, first; the others named by method."""
    items, shared = [], []
    for p in plans:
        for t in m.plan_warnings(p.doses, lung_shunt_fraction):
            if t.startswith("Lung shunt fraction"):  # the same for every method
                if t not in shared:
                    shared.append(t)
            else:
                items.append(f"{p.method}: {t}")
    return shared + items


class BlitPane(FigurePane):
    """A :class:`FigurePane` that redraws only the moving artists over a cached background.

    ``artists["animated"]`` are redrawn on every change; the rest is cached by the platform's
    renderer. The background is rebuilt when ``artists["layout_key"]`` changes (for example new
    axis limits).
    """

    def __init__(self, artists, alt, css_name):
        self.artists = artists
        self._key = artists.get("layout_key")
        super().__init__(artists["fig"], alt, css_name, animated=artists["animated"])

    def refresh(self, alt=None, relayout=False):
        key = self.artists.get("layout_key")
        if key != self._key:
            self._key, relayout = key, True
        super().refresh(alt, relayout=relayout)


def _finish(box, controls, update, pane=None, messages=None, **extra):
    box.controls, box.update, box.pane, box.messages = controls, update, pane, messages
    for k, v in extra.items():
        setattr(box, k, v)
    return box


# ------------------------------------------------------------------ 1. how SIRT works
def build_spheres_panel():
    """Resin against glass microspheres: how many spheres carry a given activity."""
    act = slider(T, "activity_gbq")
    out = w.HTML()
    out.add_class("nt-sirt-spheres")
    rows = [("Diameter", "20-60 µm (mean about 32 µm)", "20-30 µm (mean 25 µm)"),
            ("Activity per sphere", f"about {C.RESIN_BQ_PER_SPHERE:g} Bq",
             f"about {C.GLASS_BQ_PER_SPHERE:g} Bq"),
            ("Spheres in a 3 GBq vial", "40-80 million", "1.2 million"),
            ("Density", "1.6 g/mL", "3.2-3.6 g/mL (sources differ)"),
            ("Blocking (embolic) effect", "moderate", "mild"),
            ("Yttrium-90 is", "attached to the resin surface", "built into the glass")]
    table = w.HTML(table_html(rows, ("", "Resin (SIR-Spheres)", "Glass (TheraSphere)")))

    def update(*_):
        a = act.value
        resin = a * 1e9 / C.RESIN_BQ_PER_SPHERE / 1e6
        glass = a * 1e9 / C.GLASS_BQ_PER_SPHERE / 1e6
        out.value = (f'<div class="nt-msg nt-msg-info">{a:g} GBq is carried by about '
                     f"<b>{resin:,.0f} million resin spheres</b> or <b>{glass:,.1f} million "
                     "glass spheres</b>. Each sphere lodges in a small tumour vessel and "
                     "irradiates the tissue around it.</div>")

    act.observe(update, names="value")
    update()
    box = panel("Resin and glass microspheres", table, act, out, css_name="sirt-spheres",
                intro="The microspheres are carried by arterial blood and stop in the small "
                      "vessels of the tumour. Move the slider to see how many are needed.")
    return _finish(box, {"activity_gbq": act}, update, readout=out)


# ----------------------------------------------------------------------------- 2. decay
def build_decay_panel():
    """Time slider: activity left and dose already delivered."""
    t = slider(T, "time_days")
    art = F.plot_decay(t.value)
    pane = BlitPane(art, F.update_decay(art, t.value), "sirt-decay")

    def update(*_):
        pane.refresh(alt=F.update_decay(art, t.value))

    t.observe(update, names="value")
    box = panel("Decay: when is the dose delivered?", t, pane.widget, css_name="sirt-decay",
                intro=f"Yttrium-90 has a half-life of {C.Y90_HALF_LIFE_H:g} hours "
                      "(2.67 days). The spheres never leave the liver, so the dose is given as "
                      "the activity decays.")
    return _finish(box, {"time_days": t}, update, pane, artists=art)


# ------------------------------------------------------------------ 3. dose vs distance
def build_kernel_panel():
    """Dose around one microsphere, linear and log scales, with the ranges marked."""
    d = slider(T, "distance_mm")
    art = F.plot_kernel(d.value)
    pane = BlitPane(art, F.update_kernel(art, d.value), "sirt-kernel")

    def update(*_):
        pane.refresh(alt=F.update_kernel(art, d.value))

    d.observe(update, names="value")
    note = w.HTML(
        '<div class="nt-panel-intro">The curve is Loevinger\'s beta point-source formula, an '
        "approximate published model, checked in this course's tests against Monte Carlo "
        "voxel data (within about 10% near the source). Its tail beyond about 8 mm is too "
        "high (real betas stop by 11 mm), but only 3% of the energy lies beyond 8 mm and under "
        "1% beyond 11 mm. Two different 'mean range' "
        f"figures are marked: <b>{C.Y90_MEAN_PENETRATION_MM:g} mm</b> (the 'average tissue "
        "penetration' of the device registry and patient pages) and "
        f"<b>{C.Y90_MEAN_RANGE_MM:g} mm</b> (EANM 2022, about the path length of an electron "
        f"of average energy). The maximum range is {C.Y90_MAX_RANGE_MM:g} mm.</div>")
    box = panel("Dose against distance from one microsphere", d, pane.widget, note,
                css_name="sirt-kernel",
                intro="The lifetime dose around a single resin sphere (50 Bq). On the linear "
                      "scale the dose seems to vanish after 2 mm; the log scale shows how it "
                      "keeps falling to the end of the beta range.")
    return _finish(box, {"distance_mm": d}, update, pane, artists=art)


# ----------------------------------------------------------------- disagreements
def build_disagreements_panel():
    """Where the sources disagree, with the values the course uses."""
    k = float(C.Y90_DOSE_COEFFICIENT_GY_KG_PER_GBQ)
    k50 = float(C.Y90_DOSE_COEFFICIENT_ROUNDED_GY_KG_PER_GBQ)
    rows = [
        ("Half-life", f"{C.Y90_HALF_LIFE_H:g} h (TheraSphere package insert)",
         f"{C.Y90_HALF_LIFE_EANM_H:g} h (EANM 2022)",
         "Both round to 2.67 days; the difference changes a dose by under 0.2%. This course "
         "uses 64.1 h."),
        ("'Mean range' in tissue", f"{C.Y90_MEAN_PENETRATION_MM:g} mm (device registry, "
         "patient pages)", f"{C.Y90_MEAN_RANGE_MM:g} mm (EANM 2022)",
         "Different definitions: a typical depth reached against the path length of an "
         "electron of average energy. The maximum range is 11 mm."),
        ("Dose per GBq per kg", f"{k:g} Gy·kg/GBq (thesis formulas)",
         f"{k50:g} Gy·kg/GBq (Sirtex; glass package insert)",
         "Both are 10^9 x mean life x mean beta energy. 49.67 uses a mean energy near "
         "0.93 MeV; 50 uses the package insert's 0.9367 MeV with 64.1 h (49.96). This course "
         "uses 49.67."),
    ]
    table = w.HTML(table_html(rows, ("Quantity", "One source", "Another source", "Why")))
    box = panel("Where the sources disagree", table, css_name="sirt-disagree",
                intro="Published numbers differ slightly. Here is what each source says and "
                      "why, so you can recognise both.")
    return _finish(box, {}, lambda *_: None)


# ---------------------------------------------------------------- 4. tumour dose map
def build_dose_map_panel():
    """Dose maps of one tumour seeded with resin or glass spheres at the same activity."""
    radius = slider(T, "tumour_radius_mm", continuous_update=False)
    act = slider(T, "tumour_activity_mbq", continuous_update=False)
    again = w.Button(description="Scatter the spheres again",
                     layout=w.Layout(width="auto"))
    again.add_class("nt-sirt-scatter")
    busy = Busy()
    messages = MessageArea()
    readout = w.HTML()
    readout.add_class("nt-sirt-map-readout")
    state = {"seed": 0}

    def compute():
        r, a, s = radius.value, act.value, state["seed"]
        return m.sphere_dose_map(r, a, "resin", s), m.sphere_dose_map(r, a, "glass", s)

    resin, glass = compute()
    art = F.plot_dose_maps(resin, glass)
    pane = BlitPane(art, F.update_dose_maps(art, resin, glass), "sirt-dosemap")

    def show(res, gl):
        rows = [(name, f"{mp.n_spheres:,}", f"{mp.mean_tumour_dose_gy:.0f}",
                 f"{100 * mp.tumour_dose_cv:.0f}%", f"{100 * mp.cold_fraction:.1f}%",
                 f"{mp.dose_2mm_outside_gy:.1f}", f"{mp.dose_5mm_outside_gy:.2f}")
                for name, mp in (("Resin", res), ("Glass", gl))]
        readout.value = table_html(rows, ("Spheres", "Number", "Mean tumour dose (Gy)",
                                      "Variation (SD/mean)", "Tumour below half the mean",
                                      "Dose 2 mm outside (Gy)", "Dose 5 mm outside (Gy)")) + (
            f'<div class="nt-panel-intro">If all the energy stayed in the tumour it would get '
            f"{res.mird_tumour_dose_gy:.0f} Gy (the single-compartment formula); the mean is "
            "lower because betas from near the edge leave the tumour.</div>")

    def update(*_):
        with busy():
            out = run_safely(messages, compute)
        if out is None:
            return
        messages.clear()
        pane.refresh(alt=F.update_dose_maps(art, *out))
        show(*out)

    def rescatter(_):
        state["seed"] += 1
        update()

    show(resin, glass)
    radius.observe(update, names="value")
    act.observe(update, names="value")
    again.on_click(rescatter)
    controls = w.VBox([radius, act, again, busy.widget, messages.widget])
    box = panel("A tumour seeded with microspheres: resin against glass", controls,
                pane.widget, readout, css_name="sirt-dosemap",
                intro="The same activity carried by many weak resin spheres or by few hot "
                      "glass spheres, scattered at random through a round tumour. The colour "
                      "scale runs to at least twice the mean tumour dose. Real spheres also "
                      "cluster, which makes the dose even less uniform.")
    return _finish(box, {"tumour_radius_mm": radius, "tumour_activity_mbq": act,
                         "scatter": again}, update, pane, messages, readout=readout,
                   artists=art)


# ---------------------------------------------------------------------- 5. the work-up
def build_lung_shunt_panel():
    """Lung shunt fraction from MAA counts, the resin reduction and the lung-safe activity."""
    messages = MessageArea()
    names = ("maa_lung_anterior_kcounts", "maa_lung_posterior_kcounts",
             "maa_liver_anterior_kcounts", "maa_liver_posterior_kcounts")
    boxes = {n: number_box(T, n, messages) for n in names}
    out = w.HTML()
    out.add_class("nt-sirt-lsf")

    def update(*_):
        if not all(b.valid for b in boxes.values()):
            return
        lsf = run_safely(messages, m.lung_shunt_fraction_from_counts,
                         *(boxes[n].value for n in names))
        if lsf is None:
            return
        red = m.lung_shunt_reduction(lsf)
        a_max = m.max_activity_for_lung_limit_gbq(lsf)
        verdict = ("resin: do not treat (above 20%)" if red >= 1 else
                   f"resin: reduce the activity by {100 * red:.0f}%" if red > 0 else
                   "resin: no reduction needed")
        out.value = table_html([("Lung shunt fraction", f"{100 * lsf:.1f}%"),
                            ("Resin rule", verdict),
                            ("Largest activity keeping the lungs under 30 Gy (1 kg lung)",
                             f"{a_max:.2f} GBq")])
        if red >= 1:
            messages.warning("The lung shunt fraction is above 20%: too much radiation would "
                             "reach the lungs.")
        elif messages.level != "error":
            messages.clear()

    for b in boxes.values():
        b.observe(update)
    update()
    grid = w.VBox([b.widget for b in boxes.values()])
    box = panel("Work-up: measuring the lung shunt on the MAA scan", grid, messages.widget, out,
                calculator=True, css_name="sirt-lsf",
                intro="The gamma camera counts the MAA in the lungs and in the liver on a front "
                      "and a back image. The geometric mean of each pair (the square root of "
                      "front x back) corrects roughly for depth. Lung shunt fraction = lung / "
                      "(lung + liver).")
    return _finish(box, {n: b for n, b in boxes.items()}, update, None, messages, readout=out)


# ---------------------------------------------------------------- 6. the calculators
def build_dosimetry_panel():
    """BSA, single compartment and partition model side by side for one patient."""
    messages = MessageArea()
    warn = MessageArea()
    boxes = {n: number_box(T, n, messages) for n in
             ("height_m", "weight_kg", "tumour_volume_ml", "normal_liver_volume_ml")}
    sliders = {n: slider(T, n) for n in ("lung_shunt_percent", "tn_ratio",
                                          "normal_liver_dose_gy", "mean_liver_dose_gy")}
    table = w.HTML()
    table.add_class("nt-sirt-doses")
    why = w.HTML()
    art = F.plot_method_doses()

    def compute():
        v = {n: b.value for n, b in boxes.items()}
        s = {n: sl.value for n, sl in sliders.items()}
        return m.compare_planning_methods(
            v["height_m"], v["weight_kg"], v["tumour_volume_ml"], v["normal_liver_volume_ml"],
            s["lung_shunt_percent"] / 100.0, s["tn_ratio"], s["normal_liver_dose_gy"],
            s["mean_liver_dose_gy"])

    def update(*_):
        if not all(b.valid for b in boxes.values()):
            return
        plans = run_safely(messages, compute)
        if plans is None:
            return
        if messages.level == "error":
            messages.clear()
        lsf = sliders["lung_shunt_percent"].value / 100.0
        doses = [(p.doses.tumour_gy, p.doses.normal_liver_gy, p.doses.lung_gy) for p in plans]
        alt = F.update_method_doses(art, doses, [p.activity_gbq for p in plans])
        if holder:
            holder[0].refresh(alt=alt)
        else:  # first drawing: lay the figure out with its real labels
            holder.append(BlitPane(art, alt, "sirt-methods"))
        table.value = table_html(
            [(p.method, f"{p.activity_gbq:.2f}", f"{p.doses.tumour_gy:.0f}",
              f"{p.doses.normal_liver_gy:.0f}", f"{p.doses.lung_gy:.1f}", p.note)
             for p in plans],
            ("Method", "Activity (GBq)", "Tumour (Gy)", "Normal liver (Gy)", "Lung (Gy)",
             "How it chose"))
        items = [("warning", t) for t in plan_warning_texts(plans, lsf)]
        if items:
            warn.show_many(items)
        else:
            warn.show("No plan exceeds the lung (30 Gy), lung shunt (20%) or normal-liver "
                      "(40 Gy, resin) thresholds.", "ok")
        bsa, mird, part = plans
        why.value = (
            '<div class="nt-panel-intro"><b>Why they differ.</b> The BSA method looks only at '
            "body size and tumour share, not at liver mass or how avidly the tumour takes up "
            f"spheres, so it gives {bsa.activity_gbq:.2f} GBq whatever the T/N. The single "
            "compartment method spreads the dose evenly over tumour and normal liver: its "
            f"mean of {sliders['mean_liver_dose_gy'].value:g} Gy hides a tumour dose of "
            f"{mird.doses.tumour_gy:.0f} Gy and a normal-liver dose of "
            f"{mird.doses.normal_liver_gy:.0f} Gy. The partition model uses the MAA scan's T/N "
            "to aim the normal-liver dose directly, so it can give more activity when the "
            "tumour takes up strongly. Liver and tumour volumes are turned into masses at "
            f"{C.LIVER_DENSITY_G_PER_ML:g} g/mL (an assumption).</div>")

    holder = []
    for b in boxes.values():
        b.observe(update)
    for sl in sliders.values():
        sl.observe(update, names="value")
    update()
    pane = holder[0]
    grid = w.GridBox([b.widget for b in boxes.values()],
                     layout=w.Layout(grid_template_columns="1fr 1fr", width="100%"))
    box = panel("Dosimetry calculators: one patient, three methods",
                grid, *sliders.values(), messages.widget, pane.widget, warn.widget, table, why,
                calculator=True,
                css_name="sirt-dosimetry",
                intro="Enter a patient's size and liver volumes, and what the MAA scan showed. "
                      "Each method chooses an activity; the bars show the doses that activity "
                      "would give to the tumour, the normal liver and the lungs.")
    return _finish(box, {**boxes, **sliders}, update, pane, messages, warnings=warn,
                   table=table, artists=art)


# ---------------------------------------------------------------- 7. radiation safety
def build_safety_panel():
    """Dose rate near the patient, and a carer's dose over a period."""
    c = {n: slider(T, n) for n in ("activity_gbq", "distance_m", "start_day", "hours_per_day",
                                   "days")}
    out = w.HTML()
    out.add_class("nt-sirt-safety")
    art = F.plot_safety()
    pane = BlitPane(art, "Dose rate near the patient.", "sirt-safety")

    def update(*_):
        a, d, t0 = c["activity_gbq"].value, c["distance_m"].value, c["start_day"].value * 24
        rate = m.dose_rate_usv_per_h(a, d, t0)
        dose = m.cumulative_dose_usv(a, d, c["hours_per_day"].value, c["days"].value, t0)
        pane.refresh(alt=F.update_safety(art, a, d, t0, dose))
        at1 = m.dose_rate_usv_per_h(a, 1.0, t0)
        out.value = table_html([
            (f"Dose rate at {d:g} m on day {t0 / 24:g}", f"{rate:.2f} µSv/h"),
            ("Dose rate at 1 m on that day", f"{at1:.2f} µSv/h"),
            (f"Dose over {c['days'].value:g} days, {c['hours_per_day'].value:g} h a day",
             f"{dose:.1f} µSv = {dose / 1000:.3f} mSv"),
            ("Share of the 0.3 mSv public dose constraint",
             f"{100 * dose / 1000 / C.PUBLIC_DOSE_CONSTRAINT_MSV:.0f}%"),
            ("The same dose as natural background radiation in the UK over",
             f"about {m.natural_background_days(dose):.0f} days "
             "(about 2.2 mSv a year; Hughes 2005)")])

    for s in c.values():
        s.observe(update, names="value")
    update()
    precautions = w.HTML(
        '<div class="nt-panel-intro"><b>Precautions in patient information</b> (they vary by '
        "country; follow local rules): for the first 24 hours wash hands well after using the "
        "toilet and clean up spills of body fluids; for seven days avoid prolonged close "
        "contact such as sitting or sleeping next to children or pregnant women; do not "
        "breastfeed for two weeks; do not become pregnant for two months. Staff wear "
        "dosimeters and the room, patient and staff are checked with a monitor after the "
        "procedure. In one study of 143 treatments the most-exposed contact received on "
        "average 0.03 mSv (resin) or 0.06 mSv (glass).</div>")
    box = panel("Radiation safety after SIRT, for nurses and carers",
                *c.values(), out, pane.widget, precautions,
                calculator=True, css_name="sirt-safety",
                intro="Yttrium-90 gives off beta particles that stay inside the body; people "
                      "nearby receive only a small dose from the X-rays they produce. The "
                      "dose rates are the means measured from 30 patients (Cournane 2019); "
                      "individual patients varied a lot.")
    return _finish(box, c, update, pane, readout=out, artists=art)


# ---------------------------------------------------------------- 8. patient experience
def build_timeline_panel():
    """Which precautions, symptoms and risks apply on a chosen day after SIRT."""
    day = slider(T, "timeline_day")
    out = w.HTML()
    out.add_class("nt-sirt-timeline")
    art = F.plot_timeline(day.value)
    pane = BlitPane(art, "Timeline after SIRT.", "sirt-timeline")

    def update(*_):
        active = F.update_timeline(art, day.value)
        left = 100 * m.remaining_fraction(day.value * 24)
        items = "".join(f"<li>{html.escape(a)}</li>" for a in active) or \
            "<li>No special precautions; keep follow-up appointments.</li>"
        out.value = (f"<div><b>Day {day.value:g}:</b> {left:.1f}% of the activity is left."
                     f"<ul>{items}</ul></div>")
        pane.refresh(alt=f"Timeline after SIRT, day {day.value:g}: " + "; ".join(active))

    day.observe(update, names="value")
    update()
    box = panel("After SIRT: what to expect, day by day", day, pane.widget, out,
                css_name="sirt-timeline",
                intro="Move the day to see which precautions apply, which symptoms are common "
                      "and when the rare liver damage called REILD can appear.")
    return _finish(box, {"timeline_day": day}, update, pane, readout=out, artists=art)
