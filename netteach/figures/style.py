"""One style for every figure: Okabe-Ito colours, projector-sized fonts, units on axes.

The palette is Okabe M, Ito K, *Color Universal Design* (2008), safe for the common forms of
colour-vision deficiency. Figures are made with :class:`matplotlib.figure.Figure` directly (no
pyplot), so no global figure list grows while learners move sliders.
"""

from __future__ import annotations

import struct
import zlib

import matplotlib
import numpy as np

matplotlib.use("Agg")  # figures are rendered to PNG for the panels; no GUI backend

from matplotlib.backends.backend_agg import FigureCanvasAgg  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.layout_engine import PlaceHolderLayoutEngine  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from .img import png_img_html  # noqa: E402

__all__ = ["PALETTE", "WARNING", "NEUTRAL", "RC", "new_figure", "axis_label", "label_axes",
           "figure_to_png", "figure_img_html", "apply_style", "release_renderer"]

PALETTE = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}
WARNING = PALETTE["vermillion"]
NEUTRAL = "#8C8C8C"
CYCLE = [PALETTE[k] for k in ("blue", "orange", "green", "vermillion", "purple", "sky_blue",
                                "black", "yellow")]

#: Base font 15 pt on a 9-inch-wide figure: readable from the back of a seminar room when the
#: figure fills about half a projected 1280-pixel-wide screen.
RC = {
    "font.size": 15,
    "axes.titlesize": 17,
    "axes.titleweight": "bold",
    "axes.labelsize": 15,
    "xtick.labelsize": 13,
    "ytick.labelsize": 13,
    "legend.fontsize": 13,
    "legend.frameon": False,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.linewidth": 1.2,
    "lines.linewidth": 2.6,
    "axes.grid": True,
    "grid.alpha": 0.25,
    "axes.prop_cycle": matplotlib.cycler(color=CYCLE),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "image.cmap": "cividis",
    "font.family": "DejaVu Sans",
}


def apply_style() -> None:
    """Apply :data:`RC` to matplotlib's global settings (done once on import)."""
    matplotlib.rcParams.update(RC)


apply_style()


def new_figure(width_in: float = 9.0, height_in: float = 5.0, nrows: int = 1, ncols: int = 1,
               **subplots_kw):
    """Create a styled figure and its axes.

    Parameters
    ----------
    width_in, height_in : float
        Figure size in inches (at 100 dpi, 9 in = 900 pixels).
    nrows, ncols : int
        Grid of axes, as in :meth:`matplotlib.figure.Figure.subplots`.

    Returns
    -------
    fig : matplotlib.figure.Figure
    ax : matplotlib.axes.Axes or numpy.ndarray of Axes
    """
    fig = Figure(figsize=(width_in, height_in), layout="constrained")
    ax = fig.subplots(nrows, ncols, **subplots_kw)
    return fig, ax


def axis_label(text: str, unit: str | None) -> str:
    """Return an axis label with its unit: ``axis_label("Distance", "mm")`` is "Distance (mm)"."""
    return f"{text} ({unit})" if unit else text


def label_axes(ax, x=None, y=None, title=None):
    """Label an axes; ``x`` and ``y`` are ``(text, unit)`` pairs."""
    if x is not None:
        ax.set_xlabel(axis_label(*x))
    if y is not None:
        ax.set_ylabel(axis_label(*y))
    if title is not None:
        ax.set_title(title)
    return ax


def _full_draw(fig, canvas, relayout: bool) -> None:
    engine = getattr(fig, "_nt_layout_engine", None)
    if relayout and engine is not None:
        fig.set_layout_engine(engine)
    canvas.draw()
    current = fig.get_layout_engine()
    if current is not None and not isinstance(current, PlaceHolderLayoutEngine):
        fig._nt_layout_engine = current
        fig.set_layout_engine("none")


def figure_to_png(fig, relayout: bool = False, animated=()) -> bytes:
    """Render ``fig`` to PNG bytes at the figure's own dpi, as fast as a panel update needs.

    The first render runs the figure's layout engine (constrained layout), then freezes the
    layout so that later renders only redraw the artists (layout is about half the cost of a
    redraw). The layout is redone by itself when any axes' limits have changed since the last
    render (new limits bring new tick labels, which may be wider); pass ``relayout=True`` after
    any other change that alters label widths.

    ``animated`` names the artists that change between renders. The rest of the figure is then
    drawn once and cached as a bitmap; later renders paste the bitmap and draw only those
    artists on top (the cache is rebuilt when ``relayout=True``). Use it for big diagrams with
    much static text.

    Notes
    -----
    Every learner has a kernel holding every figure of a dashboard, so a figure with
    ``animated`` artists keeps its cached bitmap zlib-compressed (50-200 kB instead of 2-4 MB of
    RGBA; unpacking costs 1-2 ms per render) and frees its pixel buffer after each render.
    A figure redrawn in full keeps its renderer, whose text-layout cache makes the next full
    redraw about 15% faster.
    """
    canvas = fig.canvas if isinstance(fig.canvas, FigureCanvasAgg) else FigureCanvasAgg(fig)
    limits = tuple((ax.get_xlim(), ax.get_ylim()) for ax in fig.axes)
    if getattr(fig, "_nt_limits", limits) != limits:
        relayout = True
    fig._nt_limits = limits
    if animated:
        background = getattr(fig, "_nt_background", None)
        if background is None or relayout or not _unpack_into(canvas, background):
            for artist in animated:
                artist.set_animated(True)
            _full_draw(fig, canvas, relayout)
            fig._nt_background = _pack(canvas)
            fig._nt_texts = _texts(fig)  # they keep the renderer: see release_renderer
        for artist in sorted(animated, key=lambda a: a.get_zorder()):
            fig.draw_artist(artist)
        png = rgba_to_png(np.asarray(canvas.buffer_rgba()))
        release_renderer(fig, animated)
        return png
    _full_draw(fig, canvas, relayout)
    return rgba_to_png(np.asarray(canvas.buffer_rgba()))


def _pack(canvas) -> tuple:
    """The canvas's pixels, compressed: ``(shape, zlib bytes)``."""
    rgba = np.asarray(canvas.buffer_rgba())
    return rgba.shape, zlib.compress(rgba, 1)


def _unpack_into(canvas, packed) -> bool:
    """Paste pixels made by :func:`_pack` into the canvas; False if its size has changed."""
    shape, data = packed
    rgba = np.asarray(canvas.get_renderer().buffer_rgba())
    if rgba.shape != shape:
        return False
    out = memoryview(rgba).cast("B")
    inflate, pos = zlib.decompressobj(), 0
    while not inflate.eof:  # in pieces straight into the canvas: no second full-size copy
        piece = inflate.decompress(data, 1 << 18)
        if not piece or pos + len(piece) > out.nbytes:
            return False
        out[pos:pos + len(piece)] = piece
        pos += len(piece)
        data = inflate.unconsumed_tail
    return pos == out.nbytes


def _texts(fig) -> list:
    """Every text artist of ``fig``, with the labels of spare ticks that axes keep for reuse
    (drawn during layout passes, but no longer among the axes' children)."""
    texts = fig.findobj(Text)
    for ax in fig.axes:
        for axis in (ax.xaxis, ax.yaxis):
            for tick in (*axis.__dict__.get("majorTicks", ()),
                         *axis.__dict__.get("minorTicks", ())):
                texts += [tick.label1, tick.label2]
    return texts


def release_renderer(fig, artists=()) -> None:
    """Free the pixel buffer of ``fig``'s Agg canvas (the next draw makes a new one).

    Every text artist keeps the renderer that last drew or measured it (matplotlib's
    ``Text._renderer``), and with it the whole buffer: the texts found at the last full draw
    and those among ``artists`` are made to forget it (they ask the canvas for a renderer
    again when they need one).
    """
    for text in (*getattr(fig, "_nt_texts", ()), *artists):
        if getattr(text, "_renderer", None) is not None:
            text._renderer = None
    canvas = fig.canvas
    canvas.__dict__.pop("renderer", None)
    canvas._lastKey = None


def _png_chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))


def rgba_to_png(rgba) -> bytes:
    """Encode an RGBA pixel array as an RGB PNG with no row filters and light compression.

    Figures are flat colours, which compress well without PNG's row filters; skipping them
    makes encoding several times faster than a general-purpose encoder.
    """
    h, w_px, _ = rgba.shape
    raw = np.empty((h, 1 + 3 * w_px), dtype=np.uint8)
    raw[:, 0] = 0
    raw[:, 1:].reshape(h, w_px, 3)[...] = rgba[:, :, :3]
    header = struct.pack(">IIBBBBB", w_px, h, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + _png_chunk(b"IHDR", header)
            + _png_chunk(b"IDAT", zlib.compress(raw, 1)) + _png_chunk(b"IEND", b""))


def figure_img_html(fig, alt: str, relayout: bool = False, animated=()) -> str:
    """Return an ``<img>`` element showing ``fig``, with ``alt`` as its text description."""
    return png_img_html(figure_to_png(fig, relayout, animated), alt)
