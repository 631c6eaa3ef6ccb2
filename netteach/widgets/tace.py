"""Panels of the TACE dashboard (notebooks/03_tace.ipynb).

Each ``build_*_panel`` creates its figure once and returns the panel; its controls update the
figure's artists and re-render it. Every panel keeps its state on ``panel.nt`` (a dict with the
controls, the figure pane and an ``update`` function) so tests and benchmarks can drive it.
"""

from __future__ import annotations

import html
from functools import cache

import ipywidgets as w
import numpy as np

from ..constants import tace as tace_constants
from ..figures import tace as fig
from ..models import anatomy, journey, tace
from ..quizbank import load_bank
from ..ranges import get as get_range
from .controls import MessageArea, dropdown, run_safely, slider
from .controls import checkbox as make_checkbox
from .display import FigurePane
from .layout import panel
from .references import build_references_panel as _references_panel

__all__ = ["build_ischaemia_panel", "build_particle_panel", "build_release_panel",
           "build_family_panel", "build_journey_panel", "build_references_panel",
           "TIME_CHOICES"]

_LOBE = {"RHA": "right", "LHA": "left"}


def _pane(art, alt, css_name):
    """The platform figure pane, redrawing only the artists the panel changes."""
    return FigurePane(art["fig"], alt, css_name, animated=fig.dynamic_artists(art))


def _about(n):
    """A large count in words with two significant figures: 4194304 -> '4.2 million'."""
    if n >= 1e6:
        return f"{n / 1e6:.2g} million"
    if n >= 1e4:
        return f"{float(f'{n:.2g}'):,.0f}"
    return f"{round(n):,}"


def _esc(text):
    return html.escape(str(text))


# --- 1. the ischaemia principle ---------------------------------------------------------------
def build_ischaemia_panel():
    """Blood supply of normal liver and tumour before and after blocking the hepatic artery."""
    msgs = MessageArea()
    blocked = slider("tace", "arterial_blocked_percent")
    normal = tace.supply_after_embolisation("normal", 1.0)
    tumour = tace.supply_after_embolisation("metastasis", 1.0)
    art = fig.plot_supply(normal, tumour)
    pane = _pane(art, "", "tace-supply")
    readout = w.HTML()

    def update(_=None):
        b = blocked.value / 100.0
        res = run_safely(msgs, lambda: (tace.supply_after_embolisation("normal", b),
                                        tace.supply_after_embolisation("metastasis", b)))
        if res is None:
            return
        msgs.clear()
        n, t = res
        fig.update_supply(art, n, t)
        text = (f"With {blocked.value:.0f}% of the hepatic artery blocked, the normal liver keeps "
                f"about {n.remaining * 100:.0f}% of its blood inflow (mostly from the portal "
                f"vein) but the tumour keeps only about {t.remaining * 100:.0f}%.")
        readout.value = f'<div class="nt-panel-intro">{_esc(text)}</div>'
        pane.refresh(alt="Bar chart of blood inflow before and after embolisation. " + text)

    blocked.observe(update, names="value")
    update()
    intro = ("Normal liver gets about three-quarters of its blood from the portal vein and a "
             "quarter from the hepatic artery (though the artery brings about half of its "
             "oxygen). A liver metastasis gets almost all of its blood (about 95%) from the "
             "hepatic artery. Block the artery and see who loses most. The bars show blood "
             "flow only; they leave out the extra arterial flow the liver can summon when "
             "portal flow falls, and the portal supply some tumours have at their rim.")
    blocked.layout.width = "60%"
    box = panel("The ischaemia principle", blocked, readout, msgs.widget, pane.widget,
                intro=intro, css_name="tace-ischaemia", calculator=True)
    box.nt = {"blocked": blocked, "pane": pane, "update": update, "messages": msgs,
              "readout": readout}
    return box


# --- 2. where particles stop --------------------------------------------------------------------
def _particle_text(d_um, loaded, catheter_at, lobar, shunt_um):
    path = tace.arterial_path(catheter_at, lobar)
    eff = tace.effective_diameter_um(d_um, loaded)
    lodge = tace.lodging_diameter_um(d_um, loaded)
    g = tace.lodging_generation(d_um, catheter_at, lobar, loaded)
    pos = tace.lodging_position(d_um, catheter_at, lobar, loaded)
    share = tace.share_blocked_per_particle(d_um, catheter_at, lobar, loaded)
    passes = bool(tace.passes_shunt(d_um, shunt_um, loaded))
    lobe = _LOBE[lobar]
    size = f"A {d_um:.0f} µm particle" + (f" (about {eff:.0f} µm once loaded with drug)"
                                           if loaded else "")
    if g >= len(path):
        where = (f"{size} is smaller than the narrowest vessels modelled (about "
                 f"{path.calibres_um[-1]:.0f} µm), so it passes through the arteries into the "
                 "liver's capillary bed.")
    else:
        beyond = g - path.lobar_index
        where = (f"{size} stops where the arteries narrow to about {lodge:.0f} µm, "
                 f"{g} branchings beyond the catheter tip")
        where += (f" ({beyond} beyond the {lobe} hepatic artery)." if beyond > 0 else ".")
        if share > 0 and beyond > 0:
            where += (f" In this model each particle there cuts off about 1 in "
                      f"{_about(1 / share)} of the {lobe} lobe's small arteries.")
    shunt = (f"It is narrower than the {shunt_um:.0f} µm shunt, so it could slip through into "
             "the veins and on towards the lungs." if passes else
             f"It is wider than the {shunt_um:.0f} µm shunt, so it cannot pass through it.")
    title = (f"{d_um:.0f} µm particle: passes through" if g >= len(path) else
             f"{d_um:.0f} µm particle stops at branching {g}")
    return path, pos, lodge, passes, where, shunt, title


@cache
def _territory_text(catheter_at):
    tree = anatomy.arterial_tree("michels_1")
    terr = anatomy.perfused_territory(tree, catheter_at)
    segs = ", ".join(s for s in anatomy.SEGMENTS if s in terr.segments)
    text = f"From the {anatomy.VESSEL_NAMES[catheter_at].lower()} the particles reach liver " \
           f"segments {segs}."
    warn = ""
    if terr.non_target:
        organs = sorted(terr.non_target)
        effects = [anatomy.NON_TARGET_EFFECTS[o][0].rstrip(".").lower() for o in organs
                   if o in anatomy.NON_TARGET_EFFECTS]
        warn = (f"From this catheter position particles can also enter arteries that leave "
                f"the liver, to the {', '.join(organs)}. Risk: {'; '.join(effects)}. This is "
                "why the catheter is placed beyond those branches (see the arteries "
                "dashboard).")
    return text, warn


def build_particle_panel():
    """Particle-size explorer: where beads of each size stop along the hepatic arterial path."""
    msgs = MessageArea()
    size = slider("tace", "particle_diameter_um")
    shunt = slider("tace", "shunt_diameter_um")
    loaded = make_checkbox("Drug-loaded bead (shrinks about 20%)", "tace-loaded")
    catheter = dropdown([("Common hepatic artery", "CHA"), ("Proper hepatic artery", "PHA"),
                         ("Right hepatic artery", "RHA")], "Catheter tip in",
                        "tace-catheter", value="PHA")
    lobar = dropdown([("Right hepatic artery", "RHA"), ("Left hepatic artery", "LHA")],
                     "Follow the path into", "tace-lobar", value="RHA")
    classes = [(lab, float(lo), float(hi)) for lab, lo, hi in tace.BEAD_CLASSES.values()]
    longest = max(len(tace.arterial_path(c, lob)) for c in ("CHA", "PHA")
                  for lob in tace.LOBAR_ARTERIES)
    art = fig.plot_particle_path(tace.arterial_path(catheter.value, lobar.value), classes,
                                 n_max=longest)
    pane = _pane(art, "", "tace-particles")
    readout = w.HTML()

    def update(_=None):
        if lobar.value == "LHA" and catheter.value == "RHA":
            msgs.warning("A catheter in the right hepatic artery cannot send particles into the "
                         "left hepatic artery. Choose the proper or common hepatic artery.")
            return
        res = run_safely(msgs, _particle_text, size.value, loaded.value, catheter.value,
                         lobar.value, shunt.value)
        if res is None:
            return
        path, pos, lodge, passes, where, shunt_text, title = res
        terr, warn = _territory_text(catheter.value)
        msgs.show_many([("warning", warn)] if warn else [])
        if art["path"] is not path:          # another catheter position or lobe
            fig.set_particle_path(art, path)   # (names and line are redrawn each update)
        fig.update_particle_path(art, pos, lodge, shunt.value, passes, title)
        readout.value = (f'<div class="nt-panel-intro"><b>{_esc(where)}</b> {_esc(shunt_text)}'
                         f"<br>{_esc(terr)}</div>")
        pane.refresh(alt=("Graph of vessel width against branchings from the catheter tip. "
                          + where + " " + shunt_text))

    for c in (size, shunt, loaded, catheter, lobar):
        c.observe(update, names="value")
    update()
    intro = ("Particles ride with the blood until the artery becomes as narrow as they are, then "
             "stick. Each branching makes the arteries about a fifth narrower (Murray's law), "
             "so small beads travel much further. The coloured bands are bead size ranges; the "
             "black line is the width of the arteries along one path, from the catheter tip to "
             "vessels about 10 µm wide. Model: symmetric branching; a particle stops in the "
             "first vessel no wider than itself (both simplifying assumptions).")
    loaded.layout.width = "auto"
    left = w.VBox([size, shunt, loaded], layout=w.Layout(width="50%"))
    right = w.VBox([catheter, lobar], layout=w.Layout(width="45%"))
    controls = w.HBox([left, right], layout=w.Layout(width="100%", flex_flow="row wrap"))
    box = panel("Where do the particles stop?", controls, readout, pane.widget, msgs.widget,
                intro=intro, css_name="tace-particles", calculator=True)
    box.nt = {"size": size, "shunt": shunt, "loaded": loaded, "catheter": catheter,
              "lobar": lobar, "pane": pane, "update": update, "messages": msgs,
              "readout": readout, "art": art}
    return box


# --- 3. drug release and reach --------------------------------------------------------------------
TIME_CHOICES = (("10 minutes", 1 / 6), ("30 minutes", 0.5), ("1 hour", 1.0), ("2 hours", 2.0),
                ("3 hours", 3.0), ("6 hours", 6.0), ("12 hours", 12.0), ("1 day", 24.0),
                ("3 days", 72.0), ("1 week", 168.0), ("2 weeks", 336.0), ("1 month", 720.0),
                ("2 months", 1440.0), ("3 months", 2160.0))
"""Times offered on the release slider (log-spaced), as (label, hours)."""


def _time_slider():
    r = get_range("tace", "time_h")
    options = [(lab, h) for lab, h in TIME_CHOICES if r.min <= h <= r.max]
    s = w.SelectionSlider(options=options, value=r.default, description=r.label,
                          tooltip=r.description, continuous_update=True,
                          style={"description_width": "initial"}, layout=w.Layout(width="95%"))
    s.add_class("nt-tace-time_h")
    s.add_class("nt-control")
    return s


def build_release_panel():
    """Drug release from beads over time, and how far the drug reaches into the tissue."""
    msgs = MessageArea()
    when = _time_slider()
    bead = slider("tace", "bead_diameter_um")
    times = np.logspace(np.log10(1 / 12), np.log10(5000.0), 300)
    curves = [(f"{name}, in vitro", tace.release_fraction(times, "in_vitro", key),
               "vitro-main" if key == "dc_bead" else "vitro")
              for key, (name, _p, _t) in tace.BEAD_PRODUCTS.items()]
    curves.append(("DC Bead, in vivo-like model (half-life over 1500 h)",
                   tace.release_fraction(times, "in_vivo"), "vivo"))
    rel = fig.plot_release(times, curves)
    rel_pane = _pane(rel, "", "tace-release")
    x = np.linspace(0.0, 500.0, 251)
    reach = tace.penetration_distance_um()
    threshold = float(tace.steady_concentration(reach))
    con = fig.plot_concentration(x, reach, threshold)
    con_pane = _pane(con, "", "tace-reach")
    readout = w.HTML()

    def compute(t_h, d_um):
        return (tace.release_fraction(t_h, "in_vitro"), tace.release_fraction(t_h, "in_vivo"),
                tace.drug_concentration(x, t_h, bead_diameter_um=d_um),
                tace.drug_share_within_um(200.0, d_um), tace.penetration_distance_um(d_um))

    def update(change=None):
        only_reach = change is not None and change.get("owner") is bead
        res = run_safely(msgs, compute, when.value, bead.value)
        if res is None:
            return
        msgs.clear()
        vitro, vivo, conc, share, reach_um = res
        label = when.label
        fig.update_release(rel, when.value, vitro, vivo,
                           f"After {label}:\nlaboratory (in vitro): {vitro * 100:.0f}% released"
                           f"\nbody-like model: {vivo * 100:.1f}% released")
        fig.update_concentration(con, conc, f"{bead.value:.0f} µm bead, after {label}:\n"
                                            f"{share * 100:.0f}% of the drug in the tissue\n"
                                            f"lies within 200 µm of the bead")
        text = (f"After {label}, a DC Bead in the laboratory has released {vitro * 100:.0f}% of "
                f"its drug; in the body-like (quasi-static) model only {vivo * 100:.1f}%. Most "
                f"of the drug stays within about a fifth of a millimetre of the bead: for a "
                f"{bead.value:.0f} µm bead the level falls to {threshold * 100:.0f}% of its "
                f"bead-edge value about {reach_um:.0f} µm from the bead.")
        readout.value = f'<div class="nt-panel-intro">{_esc(text)}</div>'
        if not only_reach:   # the bead size does not change the release curves
            rel_pane.refresh(alt="Graph of drug released against time, laboratory curves "
                                 "rising to a plateau within hours and the body-like curve "
                                 "rising slowly over months. " + text)
        con_pane.refresh(alt="Graph of drug level against distance from a bead, falling "
                             "steeply within 200 micrometres. " + text)

    when.observe(update, names="value")
    bead.observe(update, names="value")
    update()
    intro = ("First graph: how much doxorubicin leaves the beads. In a laboratory flask (in vitro) "
             "release is fast and stops at a plateau within about 6 hours (DC Bead: 21% of the "
             "dose, 75% of that by 197 minutes). In a model closer to a blocked artery, the "
             "half-life is over 1500 hours, so the drug seeps out over months. Second graph: "
             "how far it spreads into the tissue (a model of diffusion with uptake and clearance, "
             "matched to drug seen about 200 µm from beads in rabbit liver; the 5% cut-off and "
             "the speed of spreading are assumptions). The body-like curve matched patients' "
             "blood levels only for the first day; read later times as a trend.")
    when.layout.width = "70%"
    bead.layout.width = "70%"
    box = panel("Drug release and reach", when, bead, readout, msgs.widget, rel_pane.widget,
                con_pane.widget, intro=intro, css_name="tace-release", calculator=True)
    box.nt = {"time": when, "bead": bead, "pane": rel_pane, "reach_pane": con_pane,
              "update": update, "messages": msgs, "readout": readout}
    return box


# --- 4. the TACE family ---------------------------------------------------------------------------
def _family_table_html():
    header, rows = tace.comparison_table()
    head = "".join(f"<th>{_esc(h)}</th>" for h in header)
    body = "".join("<tr>" + "".join(f"<th>{_esc(c)}</th>" if i == 0 else f"<td>{_esc(c)}</td>"
                                    for i, c in enumerate(r)) + "</tr>" for r in rows)
    return f'<table class="nt-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def build_family_panel():
    """cTACE against DEB-TACE against TAE: what each is, its use in NETs, evidence and risks."""
    choice = w.ToggleButtons(options=[("All three", "all")] + [(t.short, k) for k, t in
                                                              tace.TACE_FAMILY.items()],
                             value="all", description="Show", style={"button_width": "120px"})
    choice.add_class("nt-tace-family-choice")
    choice.add_class("nt-control")
    out = w.HTML()

    def update(_=None):
        if choice.value == "all":
            out.value = _family_table_html()
            return
        t = tace.technique(choice.value)
        rows = "".join(f"<tr><th>{_esc(lab)}</th><td>{_esc(getattr(t, attr))}</td></tr>"
                       for lab, attr in tace.COMPARISON_ROWS)
        out.value = (f'<table class="nt-table"><caption><b>{_esc(t.name)}</b></caption>'
                     f"{rows}</table>")

    choice.observe(update, names="value")
    update()
    intro = ("Three members of one family. All block the tumour's arteries; they differ in "
             "whether and how a drug comes with the particles. No method has been shown to be "
             "better than the others in NETs (consensus 2015); the RETNET trial is comparing "
             "them.")
    box = panel("cTACE, DEB-TACE and bland embolisation compared", choice, out, intro=intro,
                css_name="tace-family")
    box.nt = {"choice": choice, "out": out, "update": update}
    return box


# --- 5. the patient's journey ---------------------------------------------------------------------
_MARK = {"V": "", "V-weak": " (low-authority source)", "local": " (follow your local protocol)",
         "U": " (standard practice, not from a verified source)"}
_STAGES = (("before", "Before"), ("day", "On the day"), ("after", "After"),
           ("pes", "Side effects"), ("warning", "Warning signs"), ("contra", "Who should not"))


def _stage_items(stage):
    if stage in ("before", "day", "after"):
        return [(it.text, it.status) for it in journey.items("tace", stage)]
    if stage == "warning":
        return [(f"{sign.split(', including')[0]}. Who to call: {who}.", status)
                for sign, who, _urgency, _refs, status in journey.WARNING_SIGNS]
    return [(text, status) for text, status, _refs in tace.journey(stage)[1]]


def _day_text(day):
    now = [lab[0].lower() + lab[1:] for lab, start, end, *_ in tace.TIMELINE
           if start <= day <= end]
    return (f"Day {day:.0f} after TACE: " + ("; ".join(now) if now else
                                              "nothing special expected; call the team with "
                                              "any warning sign") + ".")


def build_journey_panel():
    """The patient's journey for TACE: before, on the day, after, side effects, warning signs,
    contraindications, and a time line of the weeks after the procedure."""
    stage = w.ToggleButtons(options=[(lab, key) for key, lab in _STAGES], value="before",
                            style={"button_width": "150px"})
    stage.add_class("nt-tace-journey-stage")
    stage.add_class("nt-control")
    items = w.HTML()
    day = slider("tace", "day_after", integer=True)
    art = fig.plot_timeline(tace.TIMELINE)
    pane = _pane(art, "", "tace-timeline")
    today = w.HTML()

    def show_stage(_=None):
        lis = "".join(f"<li>{_esc(t)}<i>{_esc(_MARK.get(s, ''))}</i></li>"
                      for t, s in _stage_items(stage.value))
        items.value = f'<ul class="nt-panel-intro">{lis}</ul>'

    def update(_=None):
        fig.update_timeline(art, day.value)
        text = _day_text(day.value)
        today.value = f'<div class="nt-panel-intro"><b>{_esc(text)}</b></div>'
        pane.refresh(alt="Time line of the month after TACE: post-embolisation syndrome in the "
                         "first days, recovery at home over 7-10 days, abscess risk around "
                         "days 13-16, follow-up scan at about a month. " + text)

    stage.observe(show_stage, names="value")
    day.observe(update, names="value")
    show_stage()
    update()
    intro = ("What a nurse prepares, watches and explains. Hospitals differ: always follow the "
             "local policy. Items marked as low-authority or local practice are not from a "
             "verified source.")
    note = w.HTML('<div class="nt-panel-intro"><i>* from a low-authority source or a single '
                  "small series.</i></div>")
    box = panel("The patient's journey through TACE", stage, items, day, today, pane.widget,
                note, intro=intro, css_name="tace-journey")
    box.nt = {"stage": stage, "items": items, "day": day, "pane": pane, "update": update,
              "show_stage": show_stage}
    return box


def _journey_keys():
    keys = []
    for st in ("before", "day", "after"):
        for it in journey.items("tace", st):
            keys.extend(it.refs)
    for *_x, refs, _s in journey.WARNING_SIGNS:
        keys.extend(refs)
    return keys


def build_references_panel():
    """All references of this dashboard: the TACE file plus the sources reused from the liver,
    anatomy and journey topics."""
    keys = list(tace.supply_after_embolisation("normal").refs)
    keys += list(tace.supply_after_embolisation("metastasis").refs)
    keys += [c.ref for c in vars(tace_constants).values() if hasattr(c, "ref")]
    for t in tace.TACE_FAMILY.values():
        keys += list(t.refs)
    for _title, items in tace.JOURNEY_STAGES.values():
        for _text, _status, refs in items:
            keys += list(refs)
    for *_x, refs in tace.TIMELINE:
        keys += list(refs)
    for q in load_bank("03_tace")[1]:
        keys += list(q.refs)
    keys += ["bilir_mdct"] + [r for _o, (_t, _s, r) in anatomy.NON_TARGET_EFFECTS.items()]
    keys += _journey_keys()
    return _references_panel("tace", keys=tuple(dict.fromkeys(keys)))

