"""Panels for the hepatic-arteries dashboard (02_hepatic_arteries).

``build_arteries_panel``: pick a Michels type, the catheter tip position, the right gastric
artery's origin and coiled branches; the diagram lights up the treated segments and the organs
at risk, and a plain-language explanation says what follows and how it is prevented.
``build_variants_panel``: how often each Michels type was found in different series.
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..constants import anatomy as C
from ..figures import anatomy as F
from ..models import anatomy as A
from .controls import MessageArea, checkbox, dropdown, run_safely
from .display import FigurePane
from .layout import panel

__all__ = ["build_arteries_panel", "build_variants_panel", "explain", "COILABLE"]

COILABLE = ("GDA", "RGA", "cystic", "falciform", "accessory_LHA", "accessory_RHA")
"""Branches a learner can close with a coil (hepatico-enteric and accessory arteries)."""

_SHORT = {"GDA": "gastroduodenal artery (GDA)", "RGA": "right gastric artery (RGA)",
          "cystic": "cystic artery", "falciform": "hepatic falciform artery",
          "accessory_LHA": "accessory left hepatic artery",
          "accessory_RHA": "accessory right hepatic artery"}

_EVIDENCE = {
    "gallbladder": (f"In one series of 237 patients treated with drug-eluting beads, "
                    f"{C.CHOLECYSTITIS_DEBDOX_PERCENT:g}% developed cholecystitis."),
    "pancreas": (f"In the same 237-patient series, {C.PANCREATITIS_DEBDOX_PERCENT:g}% had mild "
                 "(laboratory) pancreatitis."),
    "duodenum": (f"In the same 237-patient series, {C.GI_BLEEDING_DEBDOX_PERCENT:g}% had "
                 "bleeding from the gut."),
    "abdominal wall": (f"The falciform artery is seen in about "
                       f"{C.FALCIFORM_ARTERY_PRESENT_PERCENT:g}% of people (Chung 2006); skin "
                       f"redness occurred in {C.SKIN_ERYTHEMA_DEBDOX_PERCENT:g}% in the "
                       "237-patient series."),
    "stomach": ("Knowing where the right gastric artery arises helps avoid stomach "
                "complications (J Korean Radiol Soc 1997)."),
    "spleen": "Nobody injects here: the coeliac trunk also feeds the spleen and stomach.",
    "bowel": "Nobody injects here: the SMA feeds the small bowel.",
}

BORGGREVE = (
    f"<b>What the evidence says about coils.</b> A systematic review of "
    f"{C.BORGGREVE_STUDIES_COUNT:g} studies ({C.BORGGREVE_PATIENTS_COUNT:g} patients, "
    f"{C.BORGGREVE_EMBOLISED_COUNT:g} of them given prophylactic coils) found <i>no difference</i>"
    " in gut complications with or without prophylactic coiling of the gastroduodenal, right "
    "gastric, cystic or falciform arteries. It advised coiling only arteries that arise beyond or"
    " close to the injection site (Borggreve 2016). Coils do not always stay effective: of "
    f"coiled cystic arteries, {C.COIL_COLLATERALISED_PERCENT:g}% were bypassed by new collateral "
    f"vessels and {C.COIL_RECANALISED_PERCENT:g}% reopened (McWilliams 2011). Most of this "
    "evidence comes from SIRT (radioembolisation); in TACE the usual protection is a "
    "superselective catheter position.")


def _segments_text(segs):
    order = [s for s in A.SEGMENTS if s in segs]
    if not order:
        return "none"
    return ", ".join(order[:-1]) + (" and " if len(order) > 1 else "") + order[-1]


def _name(vid):
    n = A.VESSEL_NAMES[vid].split(" (")[0]
    return n[0].lower() + n[1:]


def _prevention(tree, territory, organ):
    """Plain advice: a position beyond the culprit branch, or a coil on it."""
    tip = territory.catheter_at
    positions = set(A.catheter_positions(tree))
    beyond = [v for v in tree.descendants(tip) if v in positions
              and organ not in A.perfused_territory(tree, v, territory.coiled).non_target]
    beyond = [v for v in beyond if tree.vessels[v].parent not in beyond]
    culprits = []
    for path in territory.routes[organ]:
        for v in path[1:]:
            if not A.perfused_territory(tree, v).segments:
                culprits.append(v)
                break
    tips = []
    if beyond:
        names = " or the ".join(_name(v) for v in beyond[:3])
        tips.append(f"move the catheter on into the {names} (a superselective position)")
    coilable = [v for v in dict.fromkeys(culprits) if v in COILABLE]
    if coilable:
        tips.append("close the " + " and the ".join(_SHORT[v] for v in coilable) + " with a coil")
    if not tips:
        return "Choose another catheter position."
    text = " or ".join(tips)
    return text[0].upper() + text[1:] + "."


def explain(tree, territory) -> str:
    """Plain-language HTML: what the injection treats, what it puts at risk, how to prevent it."""
    tip = territory.catheter_at
    parts = [f"<p><b>Catheter tip in the {html.escape(_name(tip))}.</b> "]
    segs = territory.segments
    if segs:
        full = segs - territory.shared_segments
        parts.append(f"The agent reaches liver segment{'s' if len(segs) > 1 else ''} "
                     f"<b>{_segments_text(segs)}</b>.")
        if territory.shared_segments:
            many = len(territory.shared_segments) > 1
            parts.append(f" Segment{'s' if many else ''} "
                         f"{_segments_text(territory.shared_segments)} also "
                         f"get{'' if many else 's'} blood from an artery this injection does "
                         f"not enter, so only part of {'them' if many else 'it'} is treated.")
        missing = set(A.SEGMENTS) - segs
        if missing and full:
            parts.append(f" Segments {_segments_text(missing)} are not treated from here.")
    else:
        parts.append("No liver segment is reached from here.")
    parts.append("</p>")
    if territory.ignored_coils:
        parts.append("<p>A coil at or before the catheter tip does not change where the agent "
                     "goes from the tip.</p>")
    if territory.non_target:
        parts.append("<p><b>Organs at risk (non-target embolisation):</b></p><ul>")
        for organ in A.NON_TARGET_ORGANS:
            if organ not in territory.non_target:
                continue
            via = sorted({p[-1] for p in territory.routes[organ]},
                         key=lambda v: tree.ids.index(v))
            consequence = A.NON_TARGET_EFFECTS[organ][0]
            parts.append(
                f"<li><b style='color:#8A2F00'>⚠ {organ.capitalize()}</b>, through the "
                f"{' and the '.join(html.escape(_name(v)) for v in via)}. "
                f"{'It can cause' if A.NON_TARGET_EFFECTS[organ][1] == 'U' else 'Risk:'} "
                f"{consequence[0].lower() + consequence[1:]} {_EVIDENCE[organ]} "
                f"<i>Prevention:</i> {_prevention(tree, territory, organ)}</li>")
        parts.append("</ul>")
    else:
        parts.append("<p><b>No organ outside the liver is reached from here.</b> This is the aim "
                     "of a superselective position or of coiling.</p>")
    return "".join(parts)


def _variant_options():
    out = []
    for vid, v in A.VARIANTS.items():
        lo, hi = v.spread_percent()
        freq = f"{lo:g}%" if lo == hi else f"{lo:g}-{hi:g}%"
        out.append((f"Type {v.roman}: {v.name} ({freq})", vid))
    return out


def _nearest_position(old, valid):
    """Keep the catheter where it was, or in the vessel that replaces it in the new anatomy."""
    for cand in (old, f"replaced_{old}", str(old).replace("replaced_", ""), "CHA",
                 "replaced_RHA"):
        if cand in valid:
            return cand
    return next((v for v in valid if v != "coeliac"), valid[0])


def _catheter_options(tree):
    """Catheter positions from the least to the most selective, right side before left."""
    pos = A.catheter_positions(tree)
    right = {v for v in pos if {"V", "VI", "VII", "VIII"} & A.perfused_territory(tree, v).segments}
    common = [v for v in pos if v in right and A.perfused_territory(tree, v).segments & {"II"}]
    rest = [v for v in pos if v not in common]
    order = common + [v for v in rest if v in right] + [v for v in rest if v not in right]
    return [(A.VESSEL_NAMES[v], v) for v in order]


def catheter_slider(tree, value):
    """A slider that advances the catheter tip through the positions of this anatomy."""
    opts = _catheter_options(tree)
    sl = w.SelectionSlider(options=opts, value=value, description="Catheter tip position",
                           continuous_update=False, readout=False,
                           style={"description_width": "initial"}, layout=w.Layout(width="98%"))
    sl.add_class("nt-anatomy-catheter")
    sl.add_class("nt-control")
    return sl


def _rga_options(tree):
    opts = [("Its commonest place in this anatomy", "default")]
    for v in ("PHA", "LHA", "CHA", "RHA", "GDA"):
        if v in tree:
            opts.append((f"The {_name(v)}", v))
    return opts


def build_arteries_panel(variant="michels_1", catheter_at="CHA", coiled=(), title=None):
    """The interactive hepatic-artery diagram with its explanation.

    Parameters
    ----------
    variant, catheter_at, coiled
        The starting situation (a Michels type id, a vessel id and vessel ids to coil).
    title : str, optional
        Panel title.
    """
    messages = MessageArea()
    tree = A.arterial_tree(variant)
    if catheter_at not in A.catheter_positions(tree):
        catheter_at = A.catheter_positions(tree)[0]
    territory = A.perfused_territory(tree, catheter_at, coiled)
    arts = F.plot_arteries(tree, territory)
    pane = FigurePane(arts["fig"], _alt(tree, territory), "anatomy-arteries")
    variant_dd = dropdown(_variant_options(), "Anatomy (Michels type)", "anatomy-variant",
                          value=variant, width="98%")
    catheter_dd = catheter_slider(tree, catheter_at)
    rga_dd = dropdown(_rga_options(tree), "Right gastric artery arises from",
                      "anatomy-rga-origin", value="default", width="98%")
    boxes = {v: checkbox(f"Coil the {_SHORT[v]}", f"anatomy-coil-{v}", value=v in coiled)
             for v in COILABLE}
    for b in boxes.values():
        b.layout.width = "95%"
    tip_label = w.HTML(_tip_html(catheter_at))
    explanation = w.HTML(explain(tree, territory))
    explanation.add_class("nt-anatomy-explanation")
    state = {"tree": tree, "busy": False}

    def _sync_controls(tree):
        state["busy"] = True
        try:
            old = catheter_dd.value
            catheter_dd.options = _catheter_options(tree)
            catheter_dd.value = _nearest_position(old, [v for _, v in catheter_dd.options])
            old_rga = rga_dd.value
            rga_dd.options = _rga_options(tree)
            rga_dd.value = old_rga if old_rga in [v for _, v in rga_dd.options] else "default"
            for v, box in boxes.items():
                box.layout.display = None if v in tree else "none"
        finally:
            state["busy"] = False

    def update(_change=None):
        if state["busy"]:
            return
        messages.clear()
        rga = None if rga_dd.value == "default" else rga_dd.value
        new_tree = run_safely(messages, A.arterial_tree, variant_dd.value, rga_from=rga)
        if new_tree is None:
            return
        if new_tree.ids != state["tree"].ids:
            _sync_controls(new_tree)
        state["tree"] = new_tree
        coils = [v for v, b in boxes.items() if b.value and v in new_tree]
        terr = run_safely(messages, A.perfused_territory, new_tree, catheter_dd.value, coils)
        if terr is None:
            return
        tip_label.value = _tip_html(terr.catheter_at)
        F.update_arteries(arts, new_tree, terr)
        pane.refresh(alt=_alt(new_tree, terr))
        explanation.value = explain(new_tree, terr)
        state["territory"] = terr

    state["territory"] = territory
    _sync_controls(tree)
    for c in (variant_dd, catheter_dd, rga_dd, *boxes.values()):
        c.observe(update, names="value")
    coil_box = w.VBox([w.HTML("<b>Close a branch with a coil:</b>"), *boxes.values()])
    controls = w.VBox([variant_dd, catheter_dd, tip_label, rga_dd, coil_box, messages.widget])
    box = panel(title or "Where does the injection go?", controls, pane.widget, explanation,
                w.HTML(f"<p class='nt-panel-intro'>{BORGGREVE}</p>"), calculator=True,
                css_name="anatomy-arteries",
                intro="Choose an anatomy, where the catheter tip sits and which branches are "
                      "closed with coils. Blue shows the path of the injected agent and the "
                      "segments it treats; organs at risk turn red-orange.")
    box.state = state
    box.controls = {"variant": variant_dd, "catheter": catheter_dd, "rga": rga_dd,
                    "coils": boxes}
    box.pane, box.explanation, box.messages, box.update = pane, explanation, messages, update
    return box


def _tip_html(vid):
    return ("<div style='font-size:17px;margin:0 0 4px 8px'>The catheter tip is in the "
            f"<b>{html.escape(_name(vid))}</b> (slide to advance it).</div>")


def _alt(tree, territory):
    v = A.VARIANTS[tree.variant]
    risk = ", ".join(sorted(territory.non_target)) or "no organ outside the liver"
    segs = _segments_text(territory.segments)
    return (f"Diagram of the hepatic arteries, Michels type {v.roman}, catheter tip in the "
            f"{_name(territory.catheter_at)}: segments treated {segs}; organs at risk: {risk}.")


def _variant_table(vid):
    v = A.VARIANTS[vid]
    rows = "".join(
        f"<tr><td>{html.escape(f.series)}</td><td>{float(f.percent):g}%"
        f"{f' (range {float(f.low):g}-{float(f.high):g}%)' if f.low is not None else ''}</td>"
        f"<td>{html.escape(f.grouping) if f.grouping else 'this type alone'}</td></tr>"
        for f in v.frequencies)
    return (f"<p><b>Type {v.roman}: {html.escape(v.name)}.</b> {html.escape(v.description)}</p>"
            "<table class='nt-table'><tr><th>Series</th><th>Reported frequency</th>"
            f"<th>What the figure counts</th></tr>{rows}</table>")


def build_variants_panel(variant="michels_1"):
    """How often each Michels type was found, with the spread between series."""
    arts = F.plot_variant_frequencies(variant)
    pane = FigurePane(arts["fig"], _variants_alt(variant), "anatomy-variants")
    dd = dropdown(_variant_options(), "Highlight", "anatomy-variant-freq", value=variant,
                  width="70%")
    table = w.HTML(_variant_table(variant))

    def update(change=None):
        vid = dd.value
        F.update_variant_frequencies(arts, vid)
        pane.refresh(alt=_variants_alt(vid))
        table.value = _variant_table(vid)

    dd.observe(update, names="value")
    note = w.HTML(
        "<p class='nt-panel-intro'>The series disagree. The standard pattern (type I) was found "
        "in 55-61% in a summary of Michels' dissections, 60.9% of 241 donors (Imam 2022), 72.2% "
        "of 1297 CT angiograms (Löschner 2015), 75.7% of 1000 donors (Hiatt 1994) and 85.6% of "
        "500 CT scans (Bilir); one textbook source says under 50%. Many people fit no Michels "
        f"type at all: in one donor series only {C.YAGDIRAN_FITS_MICHELS_PERCENT:g}% did "
        "(Yağdıran 2024). So map every patient's arteries before treatment.</p>")
    box = panel("How common is each variant?", dd, pane.widget, table, note,
                css_name="anatomy-variants",
                intro="Each row is a Michels type; each marker is one series. Open squares are "
                      "Hiatt's groups, which count two or three Michels types together.")
    box.dropdown, box.pane, box.table, box.update = dd, pane, table, update
    return box


def _variants_alt(vid):
    v = A.VARIANTS[vid]
    lo, hi = v.spread_percent()
    return (f"Chart of how often each Michels type was found in several series; type {v.roman} "
            f"is highlighted, reported between {lo:g}% and {hi:g}%.")
