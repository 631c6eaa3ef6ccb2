"""The landing page's panels: the learning paths."""

from __future__ import annotations

import html

import ipywidgets as w

from ..course import dashboards, is_available, paths
from .layout import css, picture_widget

__all__ = ["build_paths_panel", "path_html"]


def path_html(path: dict, href=None, missing: str = "coming") -> str:
    """One learning path as an HTML card.

    ``href(file)`` gives a dashboard's link, or None when it is not there; by default the
    notebook itself when it exists. A dashboard without a link is listed as "(``missing``)".
    """
    boards = dashboards()
    total = sum(s["minutes"] for s in path["steps"])
    items = []
    for step in path["steps"]:
        d = boards[step["file"]]
        title = html.escape(d["title"])
        if href is None:
            url = step["file"] if is_available(step["file"]) else None
        else:
            url = href(step["file"])
        if url:
            link = f'<a href="{html.escape(url)}" class="nt-path-link">{title}</a>'
        else:
            link = f'<span class="nt-coming">{title} ({html.escape(missing)})</span>'
        items.append(f"<li>{link} · about {step['minutes']} min"
                     f"<br><small>{html.escape(d['summary'])}</small></li>")
    return (f'<div class="nt-path nt-path-{path["id"]}"><h3>{html.escape(path["title"])}</h3>'
            f'<p>{html.escape(path["who"])} <b>About {total} minutes in all.</b></p>'
            f'<ol>{"".join(items)}</ol></div>')


def build_paths_panel():
    """Three learning paths side by side (they stack on a narrow screen)."""
    cards = [w.HTML(path_html(p), layout=w.Layout(flex="1 1 300px", min_width="280px"))
             for p in paths()]
    box = w.HBox(cards, layout=w.Layout(flex_flow="row wrap", width="100%"))
    box.add_class("nt-paths")
    return w.VBox([css(), box])


def build_overview_panel():
    """The three treatments in one picture, with its text description.

    The picture never changes, so it is shipped drawn (``netteach.figures.prerendered``): the
    landing page's kernel does not import matplotlib.
    """
    from ..figures.img import png_img_html
    from ..figures.prerendered import OVERVIEW_ALT, prerendered_png

    picture = picture_widget(png_img_html(prerendered_png("overview"), OVERVIEW_ALT), "overview")
    return w.VBox([css(), picture])
