"""Panel layout and the course's CSS (projector-sized text, message and banner styles)."""

from __future__ import annotations

import html

import ipywidgets as w

from .controls import disclaimer_html

__all__ = ["panel", "two_columns", "css", "table_html", "picture_widget"]

CSS = """
<style>
.jp-RenderedHTMLCommon, .widget-html-content, .widget-label, .widget-readout,
.widget-dropdown select, .widget-text input, .widget-radio-box label, .widget-checkbox label,
.widget-button { font-size: 16px !important; }
.jp-RenderedHTMLCommon p, .jp-RenderedHTMLCommon li { font-size: 17px; line-height: 1.55; }
.jp-RenderedHTMLCommon h1 { font-size: 2.1em; }
.jp-RenderedHTMLCommon table { font-size: 16px; }
.jp-RenderedHTMLCommon td, .jp-RenderedHTMLCommon th { padding: 5px 10px; }
.nt-panel { border: 1px solid #d0d7de; border-radius: 8px; padding: 10px 16px 14px 16px;
            margin: 12px 0 18px 0; background: #fcfcfd; }
.nt-panel-title { font-size: 19px; font-weight: 700; margin: 4px 0 6px 0; color: #0b3954; }
.nt-panel-intro { font-size: 16px; margin: 0 0 8px 0; color: #222; }
.nt-disclaimer { background: #fff4e0; border-left: 6px solid #E69F00; padding: 6px 12px;
                 margin: 6px 0; font-size: 16px; color: #3a2500; }
.nt-msg { padding: 6px 12px; margin: 4px 0; border-radius: 4px; font-size: 16px; }
.nt-msg-error { background: #fde8e0; border-left: 6px solid #D55E00; color: #5a1f00; }
.nt-msg-warning { background: #fff4e0; border-left: 6px solid #E69F00; color: #3a2500; }
.nt-msg-info { background: #e8f3fb; border-left: 6px solid #0072B2; color: #06304d; }
.nt-msg-ok { background: #e5f5ef; border-left: 6px solid #009E73; color: #013d2c; }
.nt-busy-text { color: #0072B2; font-style: italic; font-size: 16px; }
.nt-quiz-q { border-top: 1px solid #e1e4e8; padding-top: 8px; margin-top: 8px; }
.nt-quiz-prompt { font-size: 17px; font-weight: 600; }
.nt-quiz-tag { font-size: 13px; color: #555; }
.nt-feedback-right { background: #e5f5ef; border-left: 6px solid #009E73; padding: 6px 12px;
                     font-size: 16px; }
.nt-feedback-wrong { background: #fde8e0; border-left: 6px solid #D55E00; padding: 6px 12px;
                     font-size: 16px; }
.nt-score { font-size: 18px; font-weight: 700; color: #0b3954; }
.nt-table { border-collapse: collapse; font-size: 16px; margin: 6px 0; }
.nt-table th, .nt-table td { border: 1px solid #d0d7de; padding: 5px 9px; text-align: left;
                             vertical-align: top; }
.nt-table th { background: #eef3f8; }
.nt-references li { font-size: 15px; margin-bottom: 4px; }
.nt-glossary dt { font-weight: 700; font-size: 17px; margin-top: 8px; }
.nt-glossary dd { margin-left: 16px; font-size: 16px; }
.nt-path { border: 1px solid #d0d7de; border-radius: 8px; padding: 8px 14px; margin: 6px;
           background: #ffffff; }
.nt-path h3 { margin: 4px 0; color: #0b3954; }
.nt-coming { color: #666; font-style: italic; }
.widget-radio-box label { height: auto !important; min-height: 28px; white-space: normal !important;
  line-height: 1.4 !important; margin: 3px 0 !important; align-items: flex-start !important; }
.widget-radio-box label input { margin-top: 4px; flex: none; }
.widget-button { min-width: 120px; }
.widget-slider .noUi-handle { width: 18px !important; height: 18px !important; }
</style>
"""


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


def two_columns(left, right, left_width: str = "36%", right_width: str | None = None):
    """Controls on the left, figure on the right; they stack on a screen narrower than ~900 px.

    The right column takes the rest of the row (``flex: 1``), so borders and margins never push
    it onto a second line at projector widths. ``right_width`` is accepted for older callers
    and ignored: the right column always fills the rest.
    """
    left.layout.width = left_width
    left.layout.min_width = "280px"
    right.layout.width = "auto"
    right.layout.flex = "1 1 0%"
    right.layout.min_width = "420px"
    box = w.HBox([left, right], layout=w.Layout(width="100%", flex_flow="row wrap",
                                                align_items="flex-start"))
    return box
