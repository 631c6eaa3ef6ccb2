"""Panels of the "Choosing a therapy" dashboard (notebook 06).

``build_reach_panel`` (how far does each treatment reach?), ``build_explorer_panel`` (the
decision explorer: factors for and against, with sources; it recommends nothing) and
``build_cases_panel`` (synthetic patients with questions and reasoned answers).
"""

from __future__ import annotations

import html
import re

import ipywidgets as w

from ..figures import choosing as fig_choosing
from ..models import choosing as model
from ..quizbank import load_bank
from ..references import all_references
from .controls import MessageArea, checkbox, dropdown, number_box, run_safely, slider
from .display import FigurePane
from .layout import panel, two_columns
from .references import build_references_panel as _references_panel

__all__ = ["build_reach_panel", "build_explorer_panel", "build_cases_panel",
           "build_references_panel"]

_CSS = """<style>
.nt-factors { display: flex; flex-wrap: wrap; gap: 12px; }
.nt-therapy { flex: 1 1 300px; border: 1px solid #d0d7de; border-radius: 8px;
              padding: 6px 12px; background: white; }
.nt-therapy h4 { margin: 4px 0 6px 0; font-size: 18px; color: #0b3954; }
.nt-side { font-weight: 700; font-size: 16px; margin-top: 8px; }
.nt-side-for { color: #006b4f; } .nt-side-against { color: #a03c00; }
.nt-side-weigh { color: #5b4a00; }
.nt-therapy li { font-size: 15.5px; margin: 4px 0; line-height: 1.4; }
.nt-src { color: #555; font-size: 13px; }
.nt-none { color: #666; font-style: italic; font-size: 15px; }
.nt-mdt { background: #e8f3fb; border-left: 6px solid #0072B2; padding: 8px 12px;
          font-size: 17px; margin: 6px 0; }
.nt-case-story { font-size: 17px; line-height: 1.5; }
.nt-answer { background: #f3f6f9; border-left: 5px solid #009E73; padding: 6px 12px;
             font-size: 16px; }
</style>"""
_SIDE_ICON = {"for": "✓ In favour", "against": "✗ Against", "weigh": "⚖ To weigh up"}


def _wide(control):
    """Let a check box take the width its label needs (the default truncates long labels)."""
    control.layout.width = "auto"
    return control


_AUTHOR = re.compile(r"^([A-Z][A-Za-z'\-]+(?: [a-z]{2,3} [A-Z][A-Za-z'\-]+)?) "
                     r"[A-Z]{1,3}(,|\.| et al)")
_YEAR = re.compile(r"\b(19|20)\d\d\b")


def short_source(key: str) -> str:
    """A short, readable name for a reference: ``'Lin 2016'`` or ``'ENETS 2022 guidance on
    carcinoid syndrome…'`` (HTML-escaped)."""
    cite = all_references()[key]["citation"]
    year = _YEAR.search(cite)
    m = _AUTHOR.match(cite)
    if m:
        text = m.group(1) + (" et al." if m.group(2) in (",", " et al") else "")
        return html.escape(f"{text} {year.group(0)}" if year else text)
    head = re.split(r"\.\s|[:(,]", cite, maxsplit=1)[0].strip()
    words = head.split()
    text = " ".join(words[:7]) + ("…" if len(words) > 7 else "")
    if year and year.group(0) not in text:
        text += f" ({year.group(0)})"
    return html.escape(text)


_short_source = short_source


# --- how far does each treatment reach? ------------------------------------------------------

def _reach_alt(curves, level, visible, reaches):
    shown = [f"{curves[c].label}: falls to {level:.0%} at "
             f"{fig_choosing.distance_text(d)}" for c, d in reaches.items()]
    hidden = [curves[c].label for c in curves if not visible[c]]
    text = ("Chart of four normalised curves on a logarithmic distance axis from 1 micrometre "
            "to 10 metres. " + "; ".join(shown) + ".")
    if hidden:
        text += " Hidden: " + "; ".join(hidden) + "."
    return text


def _reach_table(curves, level, visible):
    rows = []
    for cid, c in curves.items():
        d = fig_choosing.distance_text(c.reach_m(level)) if visible[cid] else "(hidden)"
        rows.append(f"<tr><td>{html.escape(c.label)}</td><td>{html.escape(c.measure)}</td>"
                    f"<td><b>{html.escape(d)}</b></td><td class='nt-src'>"
                    f"{html.escape(c.model)}</td></tr>")
    return (_CSS + f"<table class='nt-table'><tr><th>Curve</th><th>What is drawn (100% at the "
            f"source)</th><th>Falls to {level:.0%} at</th><th>Computed by</th></tr>"
            f"{''.join(rows)}</table>")


def build_reach_panel():
    """One figure: four normalised reach curves from the topic models, each switchable."""
    messages = MessageArea()
    curves = model.reach_curves()
    boxes = {cid: _wide(checkbox(c.label, f"choosing-show-{cid.replace('_', '-')}",
                                 value=True)) for cid, c in curves.items()}
    level_slider = slider("choosing", "reach_level_percent", integer=True)
    visible = {cid: True for cid in curves}
    level = level_slider.value / 100.0
    artists = fig_choosing.plot_reach(curves, level, visible)
    reaches = {cid: c.reach_m(level) for cid, c in curves.items()}
    moving = [artists["level_line"], artists["level_text"]]
    for cid in curves:
        moving += [a for name, a in artists[cid].items()
                   if name in ("line", "marker", "drop", "label", "zone", "zone_text")]
    moving += list(artists["veils"].values())  # a toggle greys out its legend entry
    pane = FigurePane(artists["fig"], _reach_alt(curves, level, visible, reaches),
                      css_name="reach", animated=moving)
    table = w.HTML(_reach_table(curves, level, visible))

    def update(_=None):
        for cid, box in boxes.items():
            visible[cid] = bool(box.value)
        lv = level_slider.value / 100.0
        found = run_safely(messages, fig_choosing.update_reach, artists, curves, lv, visible)
        if found is None:
            return
        if not any(visible.values()):
            messages.info("All curves are switched off: tick at least one box to see it.")
        else:
            messages.clear()
        pane.refresh(alt=_reach_alt(curves, lv, visible, found))
        table.value = _reach_table(curves, lv, visible)

    for box in boxes.values():
        box.observe(update, names="value")
    level_slider.observe(update, names="value")
    controls = w.VBox([w.HTML("<b>Show the curves:</b>"), *boxes.values(), level_slider,
                       messages.widget])
    p = panel("How far does each treatment reach?", controls, pane.widget, table,
              intro="Each curve is computed by the model of its own dashboard and divided by "
                    "its value at the source, so all four start at 100%. The distance axis is "
                    "logarithmic: each step is ten times the one before. The dot marks where "
                    "each curve falls to the chosen level.", css_name="reach")
    p.boxes, p.level_slider, p.pane, p.table, p.curves = boxes, level_slider, pane, table, curves
    p.artists, p.messages = artists, messages
    return p


# --- the decision explorer --------------------------------------------------------------------

def _factor_html(f) -> str:
    srcs = "; ".join(_short_source(k) for k in f.refs)
    tag = "" if f.status == "V" else f" · {html.escape(model.STATUS_LABELS[f.status])}"
    return f"<li>{html.escape(f.text)} <span class='nt-src'>[{srcs}{tag}]</span></li>"


def _result_html(result) -> str:
    cols = []
    for t, label in model.THERAPIES.items():
        parts = [f"<h4>{html.escape(label)}</h4>"]
        for side, title in _SIDE_ICON.items():
            items = result[t][side]
            parts.append(f"<div class='nt-side nt-side-{side}'>{title}</div>")
            if items:
                parts.append("<ul>" + "".join(_factor_html(f) for f in items) + "</ul>")
            else:
                parts.append("<div class='nt-none'>Nothing from this description.</div>")
        cols.append(f"<div class='nt-therapy nt-therapy-{t}'>{''.join(parts)}</div>")
    return _CSS + f"<div class='nt-factors'>{''.join(cols)}</div>"


_FLAG_LABELS = {
    "near_large_vessel": "A tumour lies next to a large blood vessel",
    "near_bowel": "A tumour lies next to the bowel",
    "near_bile_duct": "A tumour lies next to a main bile duct",
    "extrahepatic_disease": "Disease outside the liver",
    "prior_whipple": "Previous Whipple operation (bile ducts joined to the bowel)",
    "hormone_symptoms": "Hormone symptoms (e.g. flushing, diarrhoea)",
}


def build_explorer_panel():
    """Describe a patient; see, for each therapy, the factors for and against with sources."""
    messages = MessageArea()
    size = number_box("choosing", "largest_tumour_cm", messages)
    count = number_box("choosing", "tumour_count", messages)
    shunt = number_box("choosing", "lung_shunt_percent", messages)
    liver = dropdown([(v, k) for k, v in model.LIVER_FUNCTION.items()], "Liver function",
                     "choosing-liver-function", value="good")
    flags = {k: _wide(checkbox(lab, f"choosing-{k.replace('_', '-')}")) for k, lab in
             _FLAG_LABELS.items()}
    cases = dropdown([("(describe your own patient)", "")] + [(c.title, c.id)
                                                             for c in model.CASES],
                     "Start from a case scenario", "choosing-load-case", value="")
    result = w.HTML()
    result.add_class("nt-explorer-result")
    state = {"loading": False}

    def patient():
        return dict(largest_tumour_cm=size.widget.value, tumour_count=_whole(count.widget.value),
                    lung_shunt_percent=shunt.widget.value, liver_function=liver.value,
                    **{k: bool(b.value) for k, b in flags.items()})

    def update(_=None):
        if state["loading"]:
            return
        if not (size.valid and count.valid and shunt.valid):
            result.value = ("<p class='nt-none'>Correct the value shown in the message to see "
                            "the factors.</p>")
            return
        found = run_safely(messages, model.explore, **patient())
        if found is None:
            result.value = ("<p class='nt-none'>Correct the value shown in the message to see "
                            "the factors.</p>")
            return
        messages.clear()
        result.value = _result_html(found)

    def load_case(_=None):
        if not cases.value:
            return
        p = model.case(cases.value).patient
        state["loading"] = True
        try:
            size.widget.value = p["largest_tumour_cm"]
            count.widget.value = p["tumour_count"]
            shunt.widget.value = p["lung_shunt_percent"]
            liver.value = p["liver_function"]
            for k, b in flags.items():
                b.value = p[k]
        finally:
            state["loading"] = False
        update()

    for ctl in (size, count, shunt):
        ctl.observe(update)
    liver.observe(update, names="value")
    for b in flags.values():
        b.observe(update, names="value")
    cases.observe(load_case, names="value")
    update()
    numbers = w.VBox([size.widget, count.widget, liver, shunt.widget])
    ticks = w.VBox([w.HTML("<b>Tick what applies:</b>"), *flags.values()])
    left = w.VBox([cases, two_columns(numbers, ticks, "50%"), messages.widget])
    banner = w.HTML(_CSS + f"<div class='nt-mdt' role='note'>"
                           f"{html.escape(model.NOT_A_RECOMMENDATION)}</div>")
    p = panel("Decision explorer: the factors for and against each treatment", banner, left,
              result, calculator=True, css_name="explorer",
              intro="Describe a patient. For each treatment the explorer lists what the "
                    "published evidence says in favour, against, and what must be weighed "
                    "up, with the source of each point. Nothing is scored.")
    p.inputs = {"largest_tumour_cm": size, "tumour_count": count, "lung_shunt_percent": shunt}
    p.liver, p.flags, p.cases, p.result, p.messages = liver, flags, cases, result, messages
    return p


def _whole(x):
    """A whole number stays an int (so 3.0 counts as 3); anything else is passed on unchanged
    for the model to reject with a plain message."""
    if isinstance(x, float) and x.is_integer():
        return int(x)
    return x


# --- case scenarios ---------------------------------------------------------------------------

def _patient_summary(p) -> str:
    flags = [lab.lower() for k, lab in _FLAG_LABELS.items() if p[k]]
    text = (f"Largest tumour {p['largest_tumour_cm']:g} cm; {p['tumour_count']} tumour(s); "
            f"liver function {model.LIVER_FUNCTION[p['liver_function']].lower()}; lung shunt "
            f"{p['lung_shunt_percent']:g}%")
    return text + ("; " + "; ".join(flags) if flags else "") + "."


def build_cases_panel():
    """Synthetic patients: the story, questions, and the reasoning behind each answer."""
    choose = dropdown([(f"Case {i + 1}: {c.title}", c.id) for i, c in enumerate(model.CASES)],
                      "Case", "choosing-case", value=model.CASES[0].id, width="70%")
    story = w.HTML()
    qa_box = w.VBox()

    def show(_=None):
        c = model.case(choose.value)
        srcs = "; ".join(_short_source(k) for k in c.refs)
        story.value = (_CSS + f"<div class='nt-case-story'><p>{html.escape(c.story)}</p>"
                       f"<p><i>In the explorer:</i> {html.escape(_patient_summary(c.patient))}"
                       f"</p></div>")
        rows = []
        for i, (q, a) in enumerate(c.questions, 1):
            answer = w.HTML(f"<div class='nt-answer'>{html.escape(a)}</div>",
                            layout=w.Layout(display="none"))
            button = w.ToggleButton(value=False, description="Show the reasoning",
                                    layout=w.Layout(width="220px"))
            button.add_class("nt-case-reveal")

            def toggle(change, answer=answer, button=button):
                answer.layout.display = "" if change["new"] else "none"
                button.description = "Hide the reasoning" if change["new"] else \
                    "Show the reasoning"

            button.observe(toggle, names="value")
            rows.append(w.VBox([w.HTML(f"<p style='font-size:17px'><b>{i}. "
                                       f"{html.escape(q)}</b></p>"), button, answer]))
        rows.append(w.HTML(f"<p class='nt-src'>Sources: {srcs}</p>"))
        qa_box.children = rows

    choose.observe(show, names="value")
    show()
    p = panel("Case scenarios", choose, story, qa_box, css_name="cases",
              intro="Synthetic patients (not real people). Read the story, answer each question "
                    "yourself, then reveal the reasoning. You can load the same patient into "
                    "the decision explorer above with “Start from a case scenario”.")
    p.choose, p.story, p.qa_box = choose, story, qa_box
    return p


def build_references_panel():
    """The full citations of every source this dashboard uses, including the topic models'."""
    keys = [k for f in model.FACTORS for k in f.refs]
    keys += [k for c in model.CASES for k in c.refs]
    keys += [k for row in model.REACH_CURVES.values() for k in row[3]]
    keys += [k for q in load_bank("06_choosing_a_therapy")[1] for k in q.refs]
    return _references_panel("choosing", keys=keys)
