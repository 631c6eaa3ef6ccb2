"""Panel layout and the course's CSS (projector-sized text, message and banner styles)."""

from __future__ import annotations

import html

import ipywidgets as w

from .._data import style_tag
from .controls import disclaimer_html

__all__ = ["panel", "two_columns", "css", "table_html", "picture_widget"]

CSS = style_tag("course.css")


def table_html(rows, header=None, css_class: str = "") -> str:
    """A plain table in the course's style (``nt-table``); every cell is escaped."""
    head = ""
    if header:
        head = "<tr>" + "".join(f"<th>{html.escape(str(h))}</th>" for h in header) + "</tr>"
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in r) + "</tr>"
                   for r in rows)
    classes = f"nt-table {css_class}".strip()
    return f'<table class="{classes}">{head}{body}</table>'


def css():
    """An invisible HTML widget that carries the course CSS (harmless if shown twice)."""
    return w.HTML(CSS, layout=w.Layout(height="0px", margin="0"))


def picture_widget(img_html: str, css_name: str):
    """An HTML widget holding a figure's ``<img>`` (see :func:`netteach.figures.img.png_img_html`),
    with the classes ``nt-figure`` and ``nt-fig-<css_name>`` that the tests look for."""
    picture = w.HTML(img_html, layout=w.Layout(width="100%"))
    picture.add_class("nt-figure")
    picture.add_class(f"nt-fig-{css_name}")
    return picture


def panel(title: str, *children, calculator: bool = False, intro: str | None = None,
          css_name: str | None = None):
    """A titled box holding a panel's controls, figures and messages.

    ``calculator=True`` adds the banner "For teaching only, not for clinical decisions."

    Notes
    -----
    The course CSS, the title, the introduction and the banner are one HTML widget (they never
    change), not four: every widget costs a model in the kernel and in the browser, and a
    dashboard of eleven panels drew 99 widgets fewer this way.
    """
    parts = [CSS, f'<div class="nt-panel-title">{html.escape(title)}</div>']
    if intro:
        parts.append(f'<div class="nt-panel-intro">{intro}</div>')
    if calculator:
        parts.append(disclaimer_html())
    header = w.HTML("".join(parts), layout=w.Layout(width="auto"))
    header.add_class("nt-panel-header")
    if calculator:
        header.add_class("nt-disclaimer-box")
    box = w.VBox([header, *children], layout=w.Layout(width="100%"))
    box.add_class("nt-panel")
    if css_name:
        box.add_class(f"nt-panel-{css_name}")
    return box


def two_columns(left, right, left_width: str = "36%"):
    """Controls on the left, figure on the right; they stack on a screen narrower than ~900 px.

    The right column takes the rest of the row (``flex: 1``), so borders and margins never push
    it onto a second line at projector widths.
    """
    left.layout.width = left_width
    left.layout.min_width = "280px"
    right.layout.width = "auto"
    right.layout.flex = "1 1 0%"
    right.layout.min_width = "420px"
    box = w.HBox([left, right], layout=w.Layout(width="100%", flex_flow="row wrap",
                                                align_items="flex-start"))
    return box
