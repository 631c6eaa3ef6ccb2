"""Panels of the RFA dashboard (notebooks/05_rfa.ipynb).

Each ``build_*_panel`` creates its figures once and returns the panel; its controls update the
figures' artists and re-render them. Every panel keeps its state on ``panel.nt`` (a dict with
the controls, the figure panes and an ``update`` function) so tests and benchmarks can drive it.
For teaching only, not for clinical decisions.
"""

from __future__ import annotations

import html

import ipywidgets as w
import numpy as np

from ..constants import rfa as C
from ..figures import rfa as fig
from ..models import rfa
from .controls import Busy, MessageArea, checkbox, run_safely, slider
from .display import FigurePane
from .layout import panel, two_columns
from .references import build_references_panel as _references_panel

__all__ = ["build_how_it_works_panel", "build_damage_panel", "build_simulator_panel",
           "build_suitability_panel", "build_evidence_panel", "build_references_panel",
           "build_assumptions_panel", "build_microwave_panel", "ablation_map_alt",
           "ablation_result_html"]


def _esc(text):
    return html.escape(str(text))


def _wide(control):
    control.layout.width = "95%"
    return control


def _vbox(*children):
    return w.VBox(list(children), layout=w.Layout(width="100%"))


# --- a figure pane that redraws only what moves ------------------------------------------------
# --- 1. how RFA works ----------------------------------------------------------------------------
def build_how_it_works_panel():
    """Where the current makes heat: heating against distance from the needle."""
    msgs = MessageArea()
    power = slider("rfa", "power_w")
    art = fig.plot_heating(rfa.joule_heating_profile(power.value))
    moving = [art["line"]] + [a for _, m, t in art["marks"] for a in (m, t)]
    pane = FigurePane(art["fig"], "", "rfa-heating", animated=moving)
    readout = w.HTML()

    def update(_=None):
        prof = run_safely(msgs, rfa.joule_heating_profile, power.value)
        if prof is None:
            return
        fig.update_heating(art, prof)
        q = prof["heating_w_per_cm3"]
        d = prof["distance_mm"]
        at = {x: float(np.interp(np.log(x), np.log(d), q)) for x in (1.0, 5.0, 10.0)}
        readout.value = (
            f"<p>At {power.value:g} W, each cm³ of tissue 1 mm from the needle's centre makes "
            f"<b>{at[1.0]:.2g} W</b> of heat; at 5 mm it makes {at[5.0]:.2g} W "
            f"({at[1.0] / at[5.0]:.0f} times less), at 10 mm {at[10.0]:.2g} W. "
            "Heating falls with the square of distance, so tissue further out is heated "
            "mainly by heat <b>conducted</b> outwards from this hot core.</p>")
        pane.refresh(alt=(f"Diagram of a needle in a liver tumour with current flowing to "
                               f"a pad on the skin, and a graph of heat made against distance "
                               f"at {power.value:g} W: it falls steeply away from the needle."))

    power.observe(update, names="value")
    update()
    box = panel("How the current heats the tissue",
                two_columns(_vbox(power, msgs.widget), readout), pane.widget,
                intro="The needle is placed in the tumour under ultrasound or CT guidance. The "
                      "tissue itself resists the radio-frequency current and heats up (Joule "
                      "heating), like the wire in a toaster. Move the power and read how much "
                      "heat each cm³ makes at different distances.",
                calculator=True, css_name="rfa-how")
    box.nt = dict(power=power, pane=pane, art=art, readout=readout, messages=msgs,
                  update=update)
    return box


# --- 2. temperature and time decide cell death --------------------------------------------------
def _number(x):
    """A number for reading: 3 significant figures, no exponent below a million."""
    if x >= 1e6:
        return f"{x:.2g}"
    if x >= 100:
        return f"{x:,.0f}"
    return f"{x:.3g}"


def _duration_text(seconds):
    if seconds < 10:
        return f"{seconds:.2g} s"
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.3g} min"
    return f"{seconds / 3600:.3g} hours"


def build_damage_panel():
    """Explorer of the damage threshold: Arrhenius (Ω) against thermal dose (CEM43)."""
    msgs = MessageArea()
    temp = slider("rfa", "temperature_c")
    hold = slider("rfa", "hold_time_min")
    temps = np.linspace(40.0, 70.0, 301)
    art = fig.plot_damage_threshold(temps, rfa.time_to_damage_s(temps),
                                    rfa.time_to_cem43_threshold_s(temps),
                                    (temp.value, hold.value))
    pane = FigurePane(art["fig"], "", "rfa-damage", animated=[art["point"]])
    readout = w.HTML()

    def compute(t_c, minutes):
        seconds = minutes * 60.0
        omega = rfa.arrhenius_omega(t_c, seconds)
        return dict(omega=omega, dose=rfa.cem43_minutes(t_c, seconds),
                    surviving=rfa.surviving_fraction(min(omega, 700.0)),
                    t_arr=rfa.time_to_damage_s(t_c), t_cem=rfa.time_to_cem43_threshold_s(t_c))

    def update(_=None):
        res = run_safely(msgs, compute, temp.value, hold.value)
        if res is None:
            return
        fig.update_damage_threshold(art, (temp.value, hold.value))
        dead_arr = res["omega"] >= 1.0
        dead_cem = res["dose"] >= C.RFA_CEM43_THRESHOLD_MIN
        surv = 100 * res["surviving"]
        surv_txt = f"{surv:.2g}%" if surv >= 0.01 else "almost none"
        agree = ("Both models agree." if dead_arr == dead_cem else
                 "<b>The two models disagree here.</b>")
        readout.value = (
            f"<p><b>{temp.value:g} °C for {hold.value:g} min</b></p><ul>"
            f"<li>Arrhenius damage Ω = {_number(res['omega'])}: cells surviving {surv_txt}. "
            f"{'Dead (Ω ≥ 1).' if dead_arr else 'Not yet dead.'} "
            f"Ω reaches 1 after {_duration_text(res['t_arr'])}.</li>"
            f"<li>Thermal dose {_number(res['dose'])} CEM43: "
            f"{'above' if dead_cem else 'below'} the 240-minute threshold, which takes "
            f"{_duration_text(res['t_cem'])} at this temperature.</li></ul><p>{agree}</p>")
        pane.refresh(alt=(f"Graph of time until cells die against temperature for the "
                               f"two damage models; your point is {temp.value:g} °C for "
                               f"{hold.value:g} minutes."))

    temp.observe(update, names="value")
    hold.observe(update, names="value")
    update()
    note = w.HTML(
        "<p><b>Why they disagree below about 50 °C.</b> The Arrhenius liver set describes "
        "damage well at ablation temperatures (an Arrhenius model predicted lesion size "
        "within 5% in pig-liver experiments) but over-predicts it in the hyperthermia range: "
        "stretched down to 43 °C it says cells die in 8.6 minutes. The CEM43 thermal dose, "
        "where each degree above 43 °C halves the time needed, is meant for 2-15 °C above "
        "body temperature and is doubtful beyond; its 240-minute threshold was seen only in "
        "sources about brain and focused ultrasound. The curves cross near 51-52 °C, and "
        "above about 60 °C both predict death within seconds. The simulator uses Ω = 1 for "
        "the lesion edge.</p>")
    box = panel("Temperature and time decide cell death",
                two_columns(_vbox(temp, hold, msgs.widget), readout), pane.widget, note,
                intro="Choose a temperature and how long the tissue is held there. The "
                      "diamond shows your choice; if it sits above a curve, that model says "
                      "the cells are dead.",
                calculator=True, css_name="rfa-damage")
    box.nt = dict(temperature=temp, hold=hold, pane=pane, art=art, readout=readout,
                  messages=msgs, update=update)
    return box


# --- 3. the ablation simulator -------------------------------------------------------------------
def _margin_html(res):
    if res.min_margin_mm is None:
        return ""
    m = res.min_margin_mm
    if m < 0:
        return (f"<li style='color:#a33a00'><b>Tumour left untreated:</b> part of the tumour "
                f"lies up to {-m:.1f} mm outside the dead zone.</li>")
    if m < C.RFA_MIN_MARGIN_MM:
        return (f"<li style='color:#8a5a00'><b>Margin {m:.1f} mm:</b> the whole tumour is "
                f"covered, but the rim is thinner than the 5 mm minimum.</li>")
    if m < C.RFA_IDEAL_MARGIN_MM:
        return (f"<li style='color:#006b4f'><b>Margin {m:.1f} mm:</b> above the 5 mm "
                f"minimum, short of the ideal 10 mm.</li>")
    return (f"<li style='color:#006b4f'><b>Margin {m:.1f} mm:</b> at least 10 mm all round, "
            f"the ideal.</li>")


def _outer_towards(res):
    """Outermost dead tissue (mm) on the line from the needle through the vessel."""
    nt = res.theta_rad.size
    return float(max(res.outer_outline_mm[0], res.outer_outline_mm[nt - 1]))


def ablation_result_html(res):
    """The simulator's read-out for a :class:`~netteach.models.rfa.AblationResult`: zone size,
    margins, energy and roll-off, as an HTML list (also used by the offline copy)."""
    energy_kj = res.energy_j["deposited"] / 1e3
    roll = res.power_history_w[1:].min() < res.power_w
    items = [f"<li><b>Dead zone across the needle: {res.ablation_zone_diameter_mm:.0f} mm</b> "
             f"(clinical cooled RFA: 30-50 mm).</li>"]
    if res.vessel_diameter_mm:
        items.append(f"<li>Towards the vessel the zone reaches {res.radius_towards_vessel_mm:.1f}"
                     f" mm from the needle; away from it {res.radius_away_mm:.1f} mm.</li>")
        behind = _outer_towards(res)
        if behind > res.radius_towards_vessel_mm + 1.0:
            items.append("<li>Heat wraps round the vessel and kills tissue behind it, but a "
                         "pocket of living tissue survives beside the vessel.</li>")
    items.append(_margin_html(res))
    items.append(f"<li>Hottest tissue: {res.max_temperature_c:.0f} °C. Energy delivered: "
                 f"{energy_kj:.1f} kJ.</li>")
    if roll:
        items.append("<li><b>Roll-off:</b> tissue reached 100 °C, dried and resisted the "
                     "current, so the generator cut its power at times.</li>")
    return "<ul>" + "".join(items) + "</ul>"


def ablation_map_alt(res, t_min):
    """Alt text of the temperature map at ``t_min`` minutes (also used by the offline copy)."""
    parts = [f"Temperature map of a slice across the needle at {t_min:.1f} minutes, with the "
             f"dead zone outlined, {res.ablation_zone_diameter_mm:.0f} mm across at the end"]
    if res.vessel_diameter_mm:
        parts.append(f"a {res.vessel_diameter_mm:g} mm vessel {res.vessel_distance_mm:g} mm "
                     "to the right keeps tissue beside it cool")
    if res.tumour_diameter_mm:
        parts.append(f"the tumour ({res.tumour_diameter_mm:g} mm) is dashed")
    return "; ".join(parts) + "."


def _alt_history(res):
    return (f"Graphs of generator power and tissue temperature over {res.duration_s / 60:g} "
            f"minutes; hottest tissue {res.max_temperature_c:.0f} °C.")


def build_simulator_panel():
    """The ablation simulator: controls, temperature map with time slider, and time series."""
    msgs = MessageArea()
    busy = Busy()
    power = slider("rfa", "power_w", continuous_update=False)
    minutes = slider("rfa", "duration_min", continuous_update=False)
    perfusion = slider("rfa", "perfusion_ml_per_min_per_100ml", continuous_update=False)
    has_vessel = _wide(checkbox("A large vessel runs beside the needle", "rfa-has-vessel",
                                True))
    v_diam = slider("rfa", "vessel_diameter_mm", continuous_update=False)
    v_dist = slider("rfa", "vessel_distance_mm", continuous_update=False)
    tumour = slider("rfa", "tumour_diameter_mm", continuous_update=False)
    cooled = _wide(checkbox("Cooled needle (chilled water inside)", "rfa-cooled", True))
    shown = slider("rfa", "time_shown_min", continuous_update=True)
    readout = w.HTML()

    def simulate():
        vd = v_diam.value if has_vessel.value else None
        vx = v_dist.value if has_vessel.value else None
        return rfa.simulate_ablation(power.value, minutes.value * 60.0, vd, vx,
                                     perfusion.value / 6000.0, tumour.value,
                                     cooled_needle=bool(cooled.value))

    state = dict(result=simulate())
    res0 = state["result"]
    map_art = fig.plot_ablation_map(res0)
    hist_art = fig.plot_ablation_history(res0)
    map_pane = FigurePane(map_art["fig"], ablation_map_alt(res0, res0.duration_s / 60), "rfa-map",
                          animated=map_art["overlay"])
    hist_pane = FigurePane(hist_art["fig"], _alt_history(res0), "rfa-history")

    def show_time(_=None):
        res = state["result"]
        if res is None:
            return
        end_min = res.duration_s / 60.0
        if shown.value > end_min:
            # The slider keeps its full range (changing its maximum from the kernel leaves the
            # browser's keyboard handling at the old end); past the simulated time it springs
            # back to the end of the ablation.
            shown.value = end_min
            return
        i = res.snapshot_index(shown.value * 60.0)
        fig.update_ablation_time(map_art, res, i)
        map_pane.refresh(alt=ablation_map_alt(res, res.snapshot_times_s[i] / 60))

    def update(_=None):
        v_diam.disabled = v_dist.disabled = not has_vessel.value
        with busy("Simulating the ablation…"):
            res = run_safely(msgs, simulate)
        if res is None:
            return
        msgs.clear()
        state["result"] = res
        shown.unobserve(show_time, names="value")
        shown.value = minutes.value
        shown.observe(show_time, names="value")
        fig.update_ablation_map(map_art, res, -1)
        map_pane.refresh(alt=ablation_map_alt(res, res.duration_s / 60), static_changed=True)
        fig.update_ablation_history(hist_art, res)
        hist_pane.refresh(alt=_alt_history(res))
        readout.value = ablation_result_html(res)

    for c in (power, minutes, perfusion, has_vessel, v_diam, v_dist, tumour, cooled):
        c.observe(update, names="value")
    # What update() would show for res0: the figures already show it, so the ablation is not
    # simulated (about 0.3 s) and drawn again while the dashboard loads.
    v_diam.disabled = v_dist.disabled = not has_vessel.value
    shown.value = minutes.value
    readout.value = ablation_result_html(res0)
    shown.observe(show_time, names="value")
    controls = _vbox(w.HTML("<b>Generator</b>"), power, minutes, cooled,
                     w.HTML("<b>Patient</b>"), perfusion, tumour, has_vessel, v_diam, v_dist,
                     busy.widget, msgs.widget)
    figures = w.HBox([map_pane.widget, hist_pane.widget],
                     layout=w.Layout(width="100%", flex_flow="row wrap"))
    map_pane.widget.layout.width = "52%"
    hist_pane.widget.layout.width = "46%"
    box = panel("The ablation simulator",
                two_columns(controls, _vbox(readout), left_width="45%"),
                figures, shown,
                intro="Set the generator and the patient, then watch the heat spread. The "
                      "picture is a slice across the needle; the white line is the edge of "
                      "the dead zone (Arrhenius Ω = 1). Each change runs the simulation again "
                      "(about half a second); the time slider replays stored pictures.",
                calculator=True, css_name="rfa-simulator")
    box.nt = dict(power=power, minutes=minutes, perfusion=perfusion, has_vessel=has_vessel,
                  vessel_diameter=v_diam, vessel_distance=v_dist, tumour=tumour, cooled=cooled,
                  shown=shown, map_pane=map_pane, hist_pane=hist_pane, map_art=map_art,
                  hist_art=hist_art, readout=readout, messages=msgs, state=state,
                  update=update, show_time=show_time)
    return box


def build_assumptions_panel():
    """The simulator's assumptions, in plain words."""
    items = "".join(f"<li>{_esc(a)}</li>" for a in rfa.MODEL_ASSUMPTIONS)
    return panel("What the simulator assumes", w.HTML(f"<ul>{items}</ul>"),
                 intro="A model is a simplification. These are the choices behind this one; "
                       "the values marked as assumptions are not published facts.",
                 css_name="rfa-assumptions")


# --- 4. when RFA suits ---------------------------------------------------------------------------
LPFS_BY_MARGIN = (26.0, 46.0, 74.0, 80.0)   # Wang 2013, fact base 4.3


def _margin_group(margin_mm):
    """Index of Wang's margin group (0, 1-5, 6-10, 11-15 mm) for a whole-mm margin."""
    m = round(float(margin_mm))
    if m <= 0:
        return 0
    if m <= 5:
        return 1
    if m <= 10:
        return 2
    return 3


def _suitability(size_mm, margin_mm, vessel_mm, vessel_dist_mm, bowel, duct, count):
    rows = []
    zone = size_mm + 2 * margin_mm
    if size_mm <= C.RFA_MAX_TUMOUR_DIAMETER_MM:
        rows.append(("good", f"Tumour {size_mm:g} mm: 3 cm or less, the size RFA suits best "
                             "(more than 90% of tumours under 3 cm are completely ablated)."))
    else:
        rows.append(("against", f"Tumour {size_mm:g} mm: over 3 cm, complete ablation with a "
                                "margin is much harder."))
    if zone <= C.RFA_CLINICAL_ZONE_LOW_MM:
        rows.append(("good", f"Zone needed {zone:g} mm (tumour plus {margin_mm:g} mm all "
                             "round): within what one cooled needle makes (30-50 mm)."))
    elif zone <= C.RFA_CLINICAL_ZONE_HIGH_MM:
        rows.append(("weigh", f"Zone needed {zone:g} mm: inside the 30-50 mm one cooled "
                              "needle makes, so check it is reached; overlapping ablations may "
                              "be needed."))
    else:
        rows.append(("against", f"Zone needed {zone:g} mm: more than one needle position "
                                "makes (30-50 mm)."))
    inside = vessel_dist_mm <= zone / 2
    if vessel_mm > C.RFA_HEAT_SINK_VESSEL_DIAMETER_MM and inside:
        rows.append(("against", f"A {vessel_mm:g} mm vessel {vessel_dist_mm:g} mm from the "
                                "needle lies inside the planned zone: a heat sink. In one "
                                "series 19.8% of small tumours next to vessels over 3 mm "
                                "recurred, against 5.9% overall."))
    elif inside:
        rows.append(("weigh", f"A {vessel_mm:g} mm vessel lies inside the planned zone; "
                              "vessels of 3 mm or less are a smaller heat sink."))
    else:
        rows.append(("good", "The vessel lies outside the planned zone: little heat sink."))
    if bowel:
        rows.append(("against", "Next to the bowel: heat can injure the bowel wall; another "
                                "approach or protective measures are needed."))
    if duct:
        rows.append(("weigh", "Next to a main bile duct: the duct can be damaged by the heat."))
    if count == 1:
        rows.append(("good", "A single tumour: the ideal case for ablation."))
    elif count <= 3:
        rows.append(("weigh", f"{count} tumours: each needs its own ablation; in one NET "
                              "series a median of 3 lesions were ablated alongside surgery."))
    else:
        rows.append(("against", f"{count} tumours: each needs its own ablation and margin; "
                                "the team also weighs treatment through the liver's arteries "
                                "(TACE or SIRT) or medicines."))
    return rows, zone


_MARK = {"good": ("✓", "#006b4f", "suits"), "weigh": ("●", "#8a5a00", "weigh up"),
         "against": ("✗", "#a33a00", "against")}


def build_suitability_panel():
    """When RFA suits: size, margin, vessels, bowel and bile ducts, number of tumours."""
    msgs = MessageArea()
    size = slider("rfa", "tumour_diameter_mm")
    margin = slider("rfa", "planned_margin_mm")
    v_diam = slider("rfa", "vessel_diameter_mm")
    v_dist = slider("rfa", "vessel_distance_mm")
    count = slider("rfa", "tumour_count", integer=True)
    bowel = _wide(checkbox("Tumour touches the bowel", "rfa-bowel", False))
    duct = _wide(checkbox("Tumour next to a main bile duct", "rfa-duct", False))
    art = fig.plot_margin_outcomes(LPFS_BY_MARGIN, _margin_group(margin.value))
    pane = FigurePane(art["fig"], "", "rfa-margins")
    readout = w.HTML()

    def update(_=None):
        res = run_safely(msgs, _suitability, size.value, margin.value, v_diam.value,
                         v_dist.value, bool(bowel.value), bool(duct.value), int(count.value))
        if res is None:
            return
        rows, zone = res
        body = "".join(
            f"<tr><td style='color:{_MARK[k][1]};font-weight:700'>{_MARK[k][0]} {_MARK[k][2]}"
            f"</td><td>{_esc(text)}</td></tr>" for k, text in rows)
        readout.value = f"<table class='nt-table'>{body}</table>"
        g = _margin_group(margin.value)
        fig.update_margin_outcomes(art, g)
        pane.refresh(alt=(f"Bar chart of two-year freedom from regrowth by margin: 26% at 0 mm, "
                          f"46% at 1-5 mm, 74% at 6-10 mm, 80% at 11-15 mm; the "
                          f"{fig.MARGIN_GROUPS[g]} group is highlighted."))

    for c in (size, margin, v_diam, v_dist, count, bowel, duct):
        c.observe(update, names="value")
    update()
    box = panel("When RFA suits",
                two_columns(_vbox(size, margin, count, v_diam, v_dist, bowel, duct,
                                  msgs.widget), readout, left_width="44%"),
                pane.widget,
                intro="Describe a tumour and its surroundings. The checklist weighs each "
                      "feature; the chart shows how often colorectal liver metastases stayed "
                      "free of regrowth at 2 years in one study, by margin.",
                calculator=True, css_name="rfa-suits")
    box.nt = dict(size=size, margin=margin, vessel_diameter=v_diam, vessel_distance=v_dist,
                  count=count, bowel=bowel, duct=duct, pane=pane, art=art, readout=readout,
                  messages=msgs, update=update)
    return box


MICROWAVE_ROWS = (
    ("How it heats", "Radio-frequency current (about 450-500 kHz); tissue heats through its own "
     "electrical resistance", "Microwaves (915 MHz or 2.45 GHz) make water molecules rotate"),
    ("Limited by boiling and charring?", "Yes: impedance rises and power rolls off",
     "No: not limited by charring-related impedance"),
    ("Hottest tissue in one model", "100 °C (12 min)", "177 °C (6 min, 75 W)"),
    ("Heat sink next to vessels (pig liver)", "Yes: 47.1 °C near central vessels against "
     "68.7 °C elsewhere", "No: 50.5 °C against 50.2 °C"),
    ("Perivascular tumour and regrowth (colorectal metastases)",
     "Predicted local regrowth", "Did not predict local regrowth"),
    ("Time used in a pig study", "8 min", "2 min"),
)


def build_microwave_panel():
    """A brief comparison of RFA with microwave ablation (fact base 4.4 and 4.5)."""
    head = "<tr><th></th><th>RFA</th><th>Microwave ablation</th></tr>"
    body = "".join(f"<tr><th>{_esc(a)}</th><td>{_esc(b)}</td><td>{_esc(c)}</td></tr>"
                   for a, b, c in MICROWAVE_ROWS)
    note = ("<p>In a model, microwave ablation was less affected by blood flow mainly because "
            "it is shorter and hotter, not because it heats deeper. Both need a margin: a "
            "margin of 5 mm or less carried a hazard ratio of 14.6 for RFA and 11.6 for "
            "microwave ablation in one colorectal series.</p>")
    return panel("RFA or microwave ablation?",
                 w.HTML(f"<table class='nt-table'>{head}{body}</table>{note}"),
                 css_name="rfa-microwave")


# --- 5. evidence in NETs and the patient's experience ---------------------------------------------
JOURNEY = {
    "Before": ["Blood tests: clotting, because a needle goes into the liver.",
               "Scans (CT or MRI) to plan where the needle goes.",
               "Consent: bleeding, infection or abscess, heat injury to nearby organs and, in "
               "hormone-producing tumours, carcinoid crisis.",
               "A previous Whipple operation (bile ducts joined to the bowel) raises the risk "
               "of a liver abscess: an extended antibiotic plan is used (in one study 0 of 10 "
               "patients on it developed an abscess)."],
    "During": ["The needle goes in through the skin, guided by ultrasound or CT, or during an "
               "operation (about a quarter of NET patients in one review were treated "
               "through the skin).",
               "The team decides between sedation and a general anaesthetic, because the "
               "heating is painful; an operation needs a general anaesthetic.",
               "Blood pressure and heart rate are monitored throughout; in hormone-producing "
               "tumours watch for flushing, wheeze and a fast heart rate (carcinoid crisis)."],
    "After": ["Pain and a raised temperature can follow ablation (a flu-like "
              "post-ablation syndrome): agree a pain plan with the team; local practice "
              "varies.",
              "Observations: pulse, blood pressure, temperature and the needle site.",
              "Follow-up scans check that the dead zone covers the tumour with a margin."],
    "Warning signs": ["Fever over 38.6 °C for more than a day.",
                      "Pain not relieved by the prescribed medicines.",
                      "Nausea or vomiting that does not stop.",
                      "Fever or shivering (rigors) 1-3 weeks later: may be an abscess.",
                      "Yellow skin or eyes (jaundice): may be bile-duct injury.",
                      "Flushing or low blood pressure in a hormone-producing tumour."],
}


def build_evidence_panel():
    """RFA in NET liver metastases (evidence), and the patient's journey for nurses."""
    art = fig.plot_net_evidence()
    pane = FigurePane(art["fig"], "Bar chart: regrowth at the ablated spot was 3.8% in one NET "
                      "series, while disease came back somewhere in 63-87% of patients across "
                      "eight studies.", "rfa-evidence")
    stage = w.ToggleButtons(options=list(JOURNEY), value="Before", description="Stage",
                            style={"description_width": "initial"})
    stage.add_class("nt-rfa-stage")
    stage.add_class("nt-control")
    items = w.HTML()

    def update(_=None):
        lis = "".join(f"<li>{_esc(t)}</li>" for t in JOURNEY[stage.value])
        extra = ("<p><i>Warning signs here come from a leaflet for a related liver "
                 "procedure (chemoembolisation) and from the known complications; follow the "
                 "local RFA leaflet.</i></p>" if stage.value == "Warning signs" else "")
        items.value = f"<ul>{lis}</ul>{extra}"

    stage.observe(update, names="value")
    update()
    facts = w.HTML(
        "<ul><li>A review of 8 studies (301 patients; a quarter treated through the skin, the "
        "rest during surgery) found that <b>92% of patients with hormone symptoms improved</b>, "
        "for a median of 14-27 months, but the disease came back somewhere in 63-87%.</li>"
        "<li>In 94 patients ablated alongside surgery (median 3 lesions of 1.4 cm), regrowth "
        "at the ablated spot was only <b>3.8%</b>; 80% were alive at 5 years and 59% at 10 "
        "years.</li></ul>")
    box = panel("The evidence in NETs, and what the patient experiences",
                facts, pane.widget, stage, items,
                intro="Choose a stage to see what matters for the patient and the ward nurse.",
                css_name="rfa-evidence")
    box.nt = dict(stage=stage, items=items, pane=pane, update=update)
    return box


def build_references_panel():
    """Full citations for the RFA dashboard."""
    return _references_panel("rfa")
