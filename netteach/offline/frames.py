"""Precomputed views and the browser-side links that make them interactive offline."""

from __future__ import annotations

import io

import ipywidgets as w
import numpy as np
from PIL import Image

from ..figures.img import png_img_html
from ..figures.style import figure_to_png
from ..ranges import get
from ..validation import check_array
from ..widgets.controls import control_label
from ..widgets.layout import picture_widget

__all__ = ["MAX_POSITIONS", "compact_png", "figure_widget", "check_positions",
           "position_slider", "linked_stack"]

#: Most positions one slider may have: every position is a picture stored in the page.
MAX_POSITIONS = 40


def compact_png(fig, colours: int = 256, dither: bool = False) -> bytes:
    """Render ``fig`` to a small PNG: the course's renderer, then at most ``colours`` colours.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure, already drawn into by a ``plot_*``/``update_*`` function.
    colours : int
        Palette size, 16 to 256. Line and bar charts are flat colours, so 256 loses nothing
        visible and makes the PNG two to three times smaller than a full-colour one.
    dither : bool
        Spread the rounding error (Floyd-Steinberg) so that smooth colour maps show no bands;
        about half as large again.

    Returns
    -------
    bytes
        An 8-bit palette PNG at the figure's own size (100 dpi).
    """
    if isinstance(colours, bool) or not isinstance(colours, int) or not 16 <= colours <= 256:
        raise ValueError(f"colours must be a whole number from 16 to 256; got {colours!r}")
    rgb = Image.open(io.BytesIO(figure_to_png(fig))).convert("RGB")
    small = rgb.quantize(colors=colours, method=Image.Quantize.MEDIANCUT)
    if dither:
        small = rgb.quantize(palette=small, dither=Image.Dither.FLOYDSTEINBERG)
    out = io.BytesIO()
    small.save(out, "PNG", optimize=True)
    return out.getvalue()


def figure_widget(png: bytes, alt: str, css_name: str):
    """An HTML widget showing ``png`` as an ``<img>`` with ``alt`` as its text description.

    It carries the classes ``nt-figure`` and ``nt-fig-<css_name>``, like the server's figures.
    """
    if not isinstance(alt, str) or not alt.strip():
        raise ValueError(f"alt must be a non-empty description of the figure; got {alt!r}")
    return picture_widget(png_img_html(png, alt), css_name)


def check_positions(name: str, values, topic: str, row: str) -> tuple[float, ...]:
    """Check the slider positions ``values`` against row ``(topic, row)`` of the ranges table.

    Returns the positions as floats, in increasing order.

    Raises
    ------
    ValueError
        If there are fewer than 2 or more than :data:`MAX_POSITIONS`, if any is outside the
        plausible range, or if two are equal.
    """
    r = get(topic, row)
    arr = check_array(name, values, r.min, r.max, unit=r.unit)
    if arr.ndim != 1 or not 2 <= arr.size <= MAX_POSITIONS:
        raise ValueError(f"{name} must hold 2 to {MAX_POSITIONS} positions; got "
                         f"{arr.size} ({values!r})")
    if np.unique(arr).size != arr.size:
        raise ValueError(f"{name} must not repeat a position; got {values!r}")
    return tuple(float(x) for x in np.sort(arr))


def position_slider(topic: str, row: str, values, start=None):
    """A slider over the precomputed positions ``values`` of row ``(topic, row)``.

    Its label and tooltip come from the ranges table; its readout shows the position. It starts
    at the position nearest ``start`` (default: the row's default value). Its ``index`` picks
    the view (see :func:`linked_stack`).
    """
    r = get(topic, row)
    start = r.default if start is None else start
    index = int(np.argmin([abs(v - start) for v in values]))
    s = w.SelectionSlider(options=[(f"{v:g}", i) for i, v in enumerate(values)], index=index,
                          description=control_label(r), tooltip=r.description,
                          continuous_update=True, style={"description_width": "initial"},
                          layout=w.Layout(width="95%"))
    s.add_class(f"nt-{topic}-{row}")
    s.add_class("nt-control")
    return s


def linked_stack(control, views, trait: str = "index"):
    """A ``Stack`` of ``views`` whose shown view follows ``control.<trait>`` in the browser.

    Returns ``(stack, link)``; the link must be embedded with the page (it is a widget).
    """
    views = list(views)
    options = getattr(control, "options", None)
    if options is not None and len(options) != len(views):
        raise ValueError(f"views must hold one view per option of the control "
                         f"({len(options)}); got {len(views)}")
    stack = w.Stack(views, selected_index=getattr(control, trait))
    link = w.jslink((control, trait), (stack, "selected_index"))
    return stack, link


