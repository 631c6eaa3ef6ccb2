"""A searchable glossary panel."""

from __future__ import annotations

import html

import ipywidgets as w

from ..glossary import search, terms
from .layout import panel

__all__ = ["build_glossary_panel"]


def _render(entries, query: str) -> str:
    if not entries:
        return (f'<p class="nt-coming">No term matches “{html.escape(query)}”. Try a shorter '
                'word, such as “shunt” or “artery”.</p>')
    items = "".join(f"<dt>{html.escape(e['term'])}</dt><dd>{html.escape(e['definition'])}</dd>"
                    for e in entries)
    return f'<dl class="nt-glossary">{items}</dl>'


def build_glossary_panel():
    """A text box that filters the glossary as the learner types."""
    box = w.Text(value="", placeholder="Type a word, e.g. embolisation",
                 description="Search the glossary", style={"description_width": "initial"},
                 continuous_update=True, layout=w.Layout(width="60%"))
    box.add_class("nt-glossary-search")
    count = w.HTML("")
    out = w.HTML(layout=w.Layout(max_height="420px", overflow="auto"))
    out.add_class("nt-glossary-list")
    total = len(terms())

    def update(_=None):
        found = search(box.value)
        count.value = f"<i>{len(found)} of {total} terms</i>"
        out.value = _render(found, box.value)

    box.observe(update, names="value")
    update()
    p = panel("Glossary", box, count, out, css_name="glossary",
              intro="Every technical word used in the course, in plain language.")
    p.search_box = box
    p.results = out
    return p
