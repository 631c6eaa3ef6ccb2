"""Write one offline page: static HTML with the widgets' state embedded for the renderer.

A page is a list of blocks, each trusted HTML (a string) or a widget. Widgets are saved with
their whole state (``drop_defaults=False``: the renderer's defaults differ from Python's for
some traits, e.g. an empty ``Stack``) together with their browser-side links, and the page
loads the widget renderer from ``vendor/embed.js`` beside it, never from a CDN.
"""

from __future__ import annotations

import html
import json

import ipywidgets as w
from ipywidgets.embed import dependency_state, embed_data

from .._data import style_tag
from ..widgets.controls import disclaimer_html
from ..widgets.layout import CSS as COURSE_CSS

__all__ = ["RENDERER", "page_html", "disclaimer_html", "note_html"]

#: Where a page finds the widget renderer, relative to itself.
RENDERER = "vendor/embed.js"

PAGE_CSS = style_tag("offline-page.css")


def note_html(inner_html: str) -> str:
    """An information box (trusted HTML inside)."""
    return f'<div class="nt-offline-note" role="note">{inner_html}</div>'


def _script_json(data) -> str:
    """JSON that is safe inside a ``<script>`` element."""
    return json.dumps(data).replace("</", "<\\/")


def _embed(widgets):
    """State of ``widgets`` and of every link they carry (``.links``), and their view specs."""
    links = [link for wd in widgets for link in getattr(wd, "links", ())]
    state = dependency_state([*widgets, *links], drop_defaults=False)
    data = embed_data(views=widgets, drop_defaults=False, state=state)
    return data["manager_state"], data["view_specs"]


def page_html(title: str, blocks, nav_html: str = "") -> str:
    """A complete offline page.

    Parameters
    ----------
    title : str
        The page's title (the browser tab).
    blocks : sequence of str or ipywidgets.Widget
        Trusted HTML, or widgets to render in place.
    nav_html : str
        Trusted HTML for the navigation bar at the top.

    Returns
    -------
    str
        The page. It loads :data:`RENDERER` only when it holds widgets.
    """
    blocks = list(blocks)
    bad = [b for b in blocks if not isinstance(b, (str, w.Widget))]
    if bad:
        raise ValueError(f"blocks must be HTML strings or widgets; got {bad[0]!r}")
    widgets = [b for b in blocks if isinstance(b, w.Widget)]
    head = ""
    specs = iter(())
    if widgets:
        state, view_specs = _embed(widgets)
        specs = iter(view_specs)
        head = (f'<script src="{RENDERER}"></script>\n'
                '<script type="application/vnd.jupyter.widget-state+json">'
                f"{_script_json(state)}</script>\n")
    body = []
    for b in blocks:
        if isinstance(b, str):
            body.append(b)
        else:
            body.append('<script type="application/vnd.jupyter.widget-view+json">'
                        f"{_script_json(next(specs))}</script>")
    nav = f'<nav class="nt-nav">{nav_html}</nav>' if nav_html else ""
    noscript = ("<noscript>" + note_html("The sliders and quizzes on this page need "
                                         "JavaScript to be switched on.") + "</noscript>")
    return ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{html.escape(title)}</title>\n{COURSE_CSS}{PAGE_CSS}{head}</head>\n"
            f"<body>\n<main>\n{nav}\n{noscript if widgets else ''}\n" + "\n".join(body)
            + "\n</main>\n</body>\n</html>\n")
