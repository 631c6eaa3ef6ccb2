"""Panels of the patient's-journey dashboard (notebook 07), mainly for nurses.

``build_journey_panel`` (before / on the day / after for each therapy),
``build_warning_signs_panel``, ``build_radiation_safety_panel`` (carer dose from the SIRT model),
``build_questions_panel`` (questions to ask and where to get help) and
``build_checklist_panel`` (printable checklists downloaded as HTML or PDF, made in the kernel).
"""

from __future__ import annotations

import base64
import html
from functools import cache

import ipywidgets as w
import numpy as np

from .._data import style_tag
from ..figures import journey as fig_journey
from ..models import journey as model
from ..models.sirt import natural_background_days
from ..quizbank import load_bank
from ..ranges import get as get_range
from ..references import reference_list
from .choosing import short_source
from .controls import MessageArea, dropdown, run_safely, slider
from .display import FigurePane
from .layout import panel
from .references import build_references_panel as _references_panel

__all__ = ["build_references_panel", "build_journey_panel", "build_warning_signs_panel",
           "build_radiation_safety_panel",
           "build_questions_panel", "build_checklist_panel", "download_link"]

_STATUS_TAG = {
    "V-weak": ' <span class="nt-tag" title="Found only in a low-authority source">'
              '(low-authority source)</span>',
    "local": ' <span class="nt-tag" title="No verified source in the course fact base">'
             '(follow local protocol)</span>',
}
_CSS = style_tag("journey.css")

_THERAPY_OPTIONS = [(label, key) for key, label in model.THERAPIES.items()]
_SHORT_THERAPY = [(key.upper(), key) for key in model.THERAPIES]
_SIGN_TAG = {
    "V-weak": _STATUS_TAG["V-weak"],
    "local": ' <span class="nt-tag" title="Not in the leaflets found; inferred from the known '
             'complications">(inferred from known complications)</span>',
}


def _sources(keys) -> str:
    """Short source names for a list of reference keys, shown after an item."""
    names = [short_source(k) for k in keys]
    return f' <span class="nt-src">[{"; ".join(names)}]</span>' if names else ""


def _items_html(therapy: str, stage: str) -> str:
    lines = []
    for it in model.items(therapy, stage):
        lines.append(f"<li>{html.escape(it.text)}{_STATUS_TAG.get(it.status, '')}"
                     f"{_sources(it.refs)}</li>")
    return f'<ul class="nt-journey">{"".join(lines)}</ul>'


def build_journey_panel():
    """Before, on the day and afterwards, for TACE, SIRT or RFA (chosen with buttons)."""
    therapy = w.ToggleButtons(options=_SHORT_THERAPY, value="tace", description="Treatment",
                              tooltips=list(model.THERAPIES.values()),
                              style={"description_width": "initial", "button_width": "auto"})
    therapy.add_class("nt-journey-therapy")
    stage = w.ToggleButtons(options=[(lab, key) for key, lab in model.STAGES.items()],
                            value="before", description="Stage",
                            style={"description_width": "initial", "button_width": "auto"})
    stage.add_class("nt-journey-stage")
    body = w.HTML()
    body.add_class("nt-journey-items")

    def update(_=None):
        body.value = _CSS + _items_html(therapy.value, stage.value)

    therapy.observe(update, names="value")
    stage.observe(update, names="value")
    update()
    p = panel("What happens: before, on the day and afterwards", therapy, stage, body,
              intro=f"Choose a treatment and a stage. {html.escape(model.LOCAL_POLICY)} Points "
                    "marked <i>(follow local protocol)</i> are standard practice that the "
                    "course's sources did not state in so many words.", css_name="journey")
    p.therapy, p.stage, p.body = therapy, stage, body
    return p


def build_warning_signs_panel():
    """A table of warning signs, who to call and how urgently."""
    rows = []
    order = {"emergency": 0, "urgent": 1, "same day": 2}
    for sign, who, urgency, keys, status in sorted(model.WARNING_SIGNS,
                                                   key=lambda s: order[s[2]]):
        css = f"nt-urg-{urgency.replace(' ', '-')}"
        rows.append(f'<tr class="{css}"><td>{html.escape(sign)}{_SIGN_TAG.get(status, "")}'
                    f'{_sources(keys)}</td><td>{html.escape(who)}</td>'
                    f'<td>{html.escape(urgency.capitalize())}</td></tr>')
    table = ('<table class="nt-table"><tr><th>Warning sign</th><th>Who to call</th>'
             f'<th>How soon</th></tr>{"".join(rows)}</table>')
    return panel("Warning signs and who to call", w.HTML(_CSS + table),
                 intro="Signs that need action after TACE, SIRT or RFA, most urgent first. "
                       "Give the patient the treating team's day and night numbers before they "
                       "go home.", css_name="warning-signs")


def build_questions_panel():
    """Questions a patient might want to ask, and where to get help."""
    qs = "".join(f"<li>{html.escape(q)}</li>" for q in model.QUESTIONS)
    helps = "".join(f"<li><b>{html.escape(where)}</b>: {html.escape(what)}</li>"
                    for _, where, what in model.HELP)
    body = w.HTML(_CSS + '<h4>Questions you might want to ask</h4>'
                  f'<ul class="nt-journey">{qs}</ul><h4>Where to get help</h4>'
                  f'<ul class="nt-journey">{helps}</ul>')
    return panel("Questions you might want to ask, and where to get help", body,
                 intro="For patients and carers to take to the appointment; nurses can use "
                       "them to check that nothing has been missed.", css_name="questions")


# --- radiation safety after SIRT -------------------------------------------------------------

_DISTANCES = np.linspace(get_range("journey", "distance_m").min,
                         get_range("journey", "distance_m").max, 120)
_COMPARE = [(label, value) for label, value, _, _ in model.REFERENCE_DOSES]
_CONSTRAINT_USV = 300.0


def _safety_summary(a, d, h, n, dose):
    share = dose / _CONSTRAINT_USV
    return (f"<p style='font-size:17px'>A carer <b>{d:.1f} m</b> from a patient given "
            f"<b>{a:.1f} GBq</b>, for <b>{h:g} hours a day</b> over the first <b>{n:g} days</b>, "
            f"would receive about <b>{fig_journey.format_dose(dose)}</b>: "
            f"{share:.0%} of the 0.3 mSv dose constraint quoted by Cournane et al. "
            "The measured average for carers in one study was 0.03 mSv (resin) and "
            "0.06 mSv (glass). For comparison, natural background radiation gives everyone in "
            f"the UK about 2.2 mSv a year, so this dose equals about "
            f"<b>{natural_background_days(dose):.0f} days</b> of everyday background "
            "radiation (Hughes 2005).</p>")


def _alt(a, d, h, n, dose):
    return (f"Two charts. Left: dose to a carer falls with distance from the patient; at "
            f"{d:.1f} m it is {fig_journey.format_dose(dose)}. Right: this dose as a bar beside "
            "the 0.3 mSv constraint, the 1 mSv limit and the measured carer doses of 0.03, 0.06 "
            "and 0.23 mSv.")


def build_radiation_safety_panel():
    """Dose to a carer after SIRT (from the SIRT model) against distance, hours and days."""
    messages = MessageArea()
    s_a = slider("journey", "activity_gbq")
    s_d = slider("journey", "distance_m")
    s_h = slider("journey", "hours_per_day")
    s_n = slider("journey", "days", integer=True)
    summary = w.HTML()

    def values():
        return s_a.value, s_d.value, s_h.value, s_n.value

    def compute(a, d, h, n):
        curve = model.carer_dose_usv(a, _DISTANCES, h, n)
        return curve, float(model.carer_dose_usv(a, d, h, n))

    a, d, h, n = values()
    curve, dose = compute(a, d, h, n)
    artists = fig_journey.plot_carer_dose(_DISTANCES, curve, d, dose, _COMPARE)
    pane = FigurePane(artists["fig"], _alt(a, d, h, n, dose), css_name="carer-dose",
                      animated=[artists[k] for k in ("line", "marker", "bar", "bar_text")])
    summary.value = _safety_summary(a, d, h, n, dose)

    def update(_=None):
        a, d, h, n = values()
        result = run_safely(messages, compute, a, d, h, n)
        if result is None:
            return
        messages.clear()
        curve, dose = result
        fig_journey.update_carer_dose(artists, _DISTANCES, curve, d, dose)
        pane.refresh(alt=_alt(a, d, h, n, dose))
        summary.value = _safety_summary(a, d, h, n, dose)

    for s in (s_a, s_d, s_h, s_n):
        s.observe(update, names="value")
    precautions = [it for it in model.items("sirt", "after") if "pregnan" in it.text]
    prec_html = "".join(f"<li>{html.escape(it.text)}{_sources(it.refs)}</li>"
                        for it in precautions)
    notes = w.HTML(
        _CSS + '<h4>Precautions (examples from patient information; follow local rules)</h4>'
        f'<ul class="nt-journey">{prec_html}</ul>'
        "<p class='nt-src'>The model uses dose rates measured from 30 patients (29, 4.1 and 0.59 "
        "µSv per hour per GBq at contact, 0.3 m and 1 m; Cournane et al. 2019) and the "
        "yttrium-90 half-life of 64.1 hours. Individual patients varied widely around these "
        "averages. Natural background radiation in the UK averages about 2.2 mSv a year, about "
        "6 µSv a day (Hughes et al. 2005).</p>")
    controls = w.VBox([s_a, s_d, s_h, s_n, messages.widget])
    p = panel("Radiation safety after SIRT: the dose to a carer", controls, pane.widget,
              summary, notes, calculator=True, css_name="carer-dose",
              intro="Yttrium-90 stays in the liver and its radiation fades by half every 64 "
                    "hours. Choose how much was given, how close the carer is, for how many "
                    "hours a day and for how many days.")
    p.sliders = {"activity_gbq": s_a, "distance_m": s_d, "hours_per_day": s_h, "days": s_n}
    p.pane, p.messages, p.summary, p.artists = pane, messages, summary, artists
    return p


# --- printable checklists ---------------------------------------------------------------------

def download_link(data: bytes, filename: str, mime: str, text: str, css: str) -> str:
    """An HTML link that downloads ``data`` as ``filename`` (a data URI; nothing leaves the
    kernel)."""
    b64 = base64.b64encode(data).decode("ascii")
    return (f'<a class="nt-download {css}" download="{html.escape(filename)}" '
            f'href="data:{mime};base64,{b64}">{html.escape(text)}</a>')


@cache
def checklist_files(therapy: str) -> dict:
    """``{"html": bytes, "pdf": bytes}`` for one therapy's printable checklist (made once per
    kernel: the content is fixed, and the PDF takes about a second to draw)."""
    c = model.checklist(therapy)
    refs = reference_list(c["refs"])
    return {"html": fig_journey.checklist_html(c, refs).encode("utf-8"),
            "pdf": fig_journey.checklist_pdf(c, refs)}


def build_checklist_panel():
    """Download a printable checklist (HTML page or PDF) for the chosen therapy."""
    messages = MessageArea()
    choose = dropdown(_THERAPY_OPTIONS, "Checklist for", "journey-checklist-therapy",
                      value="tace", width="60%")
    links = w.HTML()
    links.add_class("nt-checklist-links")
    preview = w.HTML()
    cache: dict[str, dict] = {}

    def update(_=None):
        t = choose.value
        if t not in cache:
            files = run_safely(messages, checklist_files, t)
            if files is None:
                return
            cache[t] = files
        files = cache[t]
        c = model.checklist(t)
        links.value = _CSS + (
            download_link(files["html"], f"checklist_{t}.html", "text/html",
                          "Download printable page (HTML)", "nt-download-html")
            + download_link(files["pdf"], f"checklist_{t}.pdf", "application/pdf",
                            "Download PDF", "nt-download-pdf"))
        counts = ", ".join(f"{h.lower()} ({len(lines)})" for h, lines in c["sections"])
        preview.value = (f"<p style='font-size:16px'><b>{html.escape(c['title'])}</b> has tick "
                         f"boxes for: {html.escape(counts)}, with spaces for contact numbers "
                         "and the sources at the end. Open the HTML page and use your "
                         "browser's Print, or print the PDF (A4).</p>")

    choose.observe(update, names="value")
    update()
    p = panel("Printable checklists", choose, links, preview, messages.widget,
              intro="Each checklist is made here, in this page, from the same content as the "
                    "panels above; nothing is sent anywhere.", css_name="checklists")
    p.choose, p.links, p.cache = choose, links, cache
    return p


def build_references_panel():
    """The full citations of every source this dashboard uses (its own and shared ones)."""
    quiz_keys = [k for q in load_bank("07_patient_journey")[1] for k in q.refs]
    return _references_panel("journey", keys=[*model.reference_keys(), *quiz_keys])
