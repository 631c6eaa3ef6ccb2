"""Drawing for the TACE dashboard: blood supply, particle path, drug release, drug reach and the
time line after TACE.

Each ``plot_*`` function draws once and returns its artists; the matching ``update_*`` function
changes those artists for new values (the panel then re-renders the PNG). No model is run here:
the panels pass in the numbers.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Polygon
from matplotlib.ticker import (
    FuncFormatter,
    LogLocator,
    MultipleLocator,
    NullFormatter,
    NullLocator,
)

from .style import NEUTRAL, PALETTE, WARNING, label_axes, new_figure

__all__ = [
    "plot_supply", "update_supply", "plot_particle_path", "set_particle_path",
    "update_particle_path",
    "plot_release", "update_release", "plot_concentration", "update_concentration",
    "plot_timeline", "update_timeline", "CLASS_COLOURS", "dynamic_artists",
]

PORTAL_COLOUR = PALETTE["blue"]
ARTERY_COLOUR = PALETTE["vermillion"]
CLASS_COLOURS = (PALETTE["sky_blue"], PALETTE["yellow"], PALETTE["blue"], PALETTE["vermillion"])


def _plain_um(value, _pos=None):
    """Tick label for a width in µm: '10', '100', '1 mm'."""
    if value >= 1000:
        return f"{value / 1000:g} mm"
    return f"{value:g}"


_TIME_TICKS = ((1 / 6, "10 min"), (1.0, "1 h"), (6.0, "6 h"), (24.0, "1 day"),
               (168.0, "1 week"), (720.0, "1 month"), (4320.0, "6 months"))


# --- 1. blood supply before and after embolisation ---------------------------------------------
def plot_supply(normal, tumour, ax=None):
    """Stacked bars: share of inflow from the portal vein and the hepatic artery, before and after.

    Parameters
    ----------
    normal, tumour : SupplyAfter
        From :func:`netteach.models.tace.supply_after_embolisation`.
    ax : Axes, optional

    Returns
    -------
    dict
        ``fig``, ``ax``, ``art_after`` (arterial bars after, normal then tumour), ``labels``.
    """
    if ax is None:
        fig, ax = new_figure(9.0, 4.6)
    else:
        fig = ax.figure
    y = np.array([3.0, 2.0, 1.0, 0.0])
    names = ["Normal liver: before", "Normal liver: after",
             "Tumour: before", "Tumour: after"]
    portal = [normal.portal, normal.portal, tumour.portal, tumour.portal]
    art = [normal.arterial_before, normal.arterial_before, tumour.arterial_before,
           tumour.arterial_before]
    ax.barh(y, np.array(portal) * 100, color=PORTAL_COLOUR, height=0.6, label="Portal vein")
    bars = ax.barh(y, np.array(art) * 100, left=np.array(portal) * 100, color=ARTERY_COLOUR,
                   height=0.6, label="Hepatic artery")
    ax.set_yticks(y, names)
    ax.set_xlim(0, 115)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.grid(axis="y", visible=False)
    label_axes(ax, x=("Blood inflow, share of normal", "%"))
    ax.legend(loc="lower center", bbox_to_anchor=(0.5, 1.0), ncols=2)
    labels = [ax.text(0, yy, "", va="center", ha="left", fontsize=14, fontweight="bold")
              for yy in y]
    art_after = [bars[1], bars[3]]
    out = {"fig": fig, "ax": ax, "art_after": art_after, "labels": labels}
    update_supply(out, normal, tumour)
    return out


def update_supply(art, normal, tumour):
    """Shrink the arterial part of the 'after' bars and rewrite the totals."""
    for bar, s in zip(art["art_after"], (normal, tumour), strict=True):
        bar.set_width(s.arterial_before * (1.0 - s.blocked) * 100)
    totals = [normal.portal + normal.arterial_before, normal.remaining,
              tumour.portal + tumour.arterial_before, tumour.remaining]
    for text, total in zip(art["labels"], totals, strict=True):
        text.set_x(total * 100 + 2)
        text.set_text(f"{total * 100:.0f}%")
    return art


# --- 2. where particles stop ---------------------------------------------------------------------
def plot_particle_path(path, classes, ax=None, n_max=None):
    """Vessel width along the path from the catheter tip, with the bead size classes as bands.

    Parameters
    ----------
    path : ArterialPath
        From :func:`netteach.models.tace.arterial_path`.
    classes : sequence of (label, low_um, high_um)
        Bead size classes drawn as horizontal bands.
    ax : Axes, optional
    n_max : int, optional
        Length of the longest path the panel will show; the horizontal axis is fixed to it so
        that switching paths redraws only the changing artists.

    Returns
    -------
    dict
        ``fig``, ``ax`` and the artists :func:`update_particle_path` changes.
    """
    if ax is None:
        fig, ax = new_figure(10.0, 5.6)
    else:
        fig = ax.figure
    n_max = len(path) if n_max is None else max(int(n_max), len(path))
    class_texts = []
    for (label, lo, hi), colour in zip(classes, CLASS_COLOURS, strict=False):
        ax.axhspan(lo, hi, color=colour, alpha=0.22, lw=0)
        class_texts.append(ax.text(n_max - 0.3, np.sqrt(lo * hi), label, ha="right",
                                   va="center", fontsize=12, color="#222222"))
    line, = ax.plot([], [], color=PALETTE["black"], marker="o", ms=4, lw=2.0,
                    label="Vessel width along the path")
    blocked, = ax.plot([], [], color=NEUTRAL, marker="o", ms=4, lw=2.0, ls=":",
                       label="Cut off: no arterial flow beyond the particle")
    names = [ax.annotate("", (0, 1), xytext=(8, 8) if i % 2 == 0 else (8, -24),
                         textcoords="offset points", fontsize=12) for i in range(4)]
    shunt = ax.axhline(np.nan, color=PALETTE["purple"], ls="--", lw=2.0)
    shunt_text = ax.text(0.3, 1.0, "", color=PALETTE["purple"], fontsize=12, va="bottom")
    stop_line = ax.axhline(np.nan, color=WARNING, ls="-", lw=1.2, alpha=0.7)
    marker, = ax.plot([], [], marker="o", ms=18, mfc=WARNING, mec="black", mew=1.5, ls="none",
                      zorder=5, label="Where the particle stops")
    ax.set_yscale("log")
    ax.set_ylim(5, 9000)
    ax.set_xlim(-0.5, n_max - 0.2)
    ax.yaxis.set_major_locator(LogLocator(base=10, numticks=6))
    ax.yaxis.set_major_formatter(FuncFormatter(_plain_um))
    ax.yaxis.set_minor_locator(NullLocator())   # fewer tick artists: faster redraws
    ax.xaxis.set_major_locator(MultipleLocator(5))
    label_axes(ax, x=("Branchings beyond the catheter tip", "count"),
               y=("Vessel width", "µm"))
    title = ax.set_title("Where a particle stops along one arterial path")
    ax.legend(loc="lower left", fontsize=12)
    art = {"fig": fig, "ax": ax, "line": line, "blocked": blocked, "marker": marker,
           "shunt": shunt, "shunt_text": shunt_text, "stop_line": stop_line,
           "title": title, "names": names, "class_texts": class_texts}
    set_particle_path(art, path)
    return art


def set_particle_path(art, path):
    """Show a (new) path: vessel widths, names of the named arteries and the axis range."""
    d = np.asarray(path.calibres_um)
    art["n"], art["calibres"], art["path"] = len(path), d, path
    art["line"].set_data(np.arange(len(path)), d)
    for i, ann in enumerate(art["names"]):
        if i < path.n_named:
            ann.set_text(path.names[i].replace(" artery", "").lower())
            ann.xy = (i, d[i])
            ann.set_visible(True)
        else:
            ann.set_visible(False)
    return art


def update_particle_path(art, position, lodge_um, shunt_um, passes, title):
    """Move the stopping point to ``position`` (path index, float) at width ``lodge_um``.

    Vessels beyond the stopping point are drawn grey and dotted (cut off). ``passes`` says the
    particle slips through a shunt of width ``shunt_um``.
    """
    n, d = art["n"], art["calibres"]
    pos = np.arange(n)
    if position >= n - 1 and lodge_um < d[-1]:
        art["marker"].set_data([], [])
        cut = n
    else:
        art["marker"].set_data([position], [max(lodge_um, d[-1])])
        cut = int(np.ceil(position))
    art["line"].set_data(pos[: cut + 1], d[: cut + 1])
    art["blocked"].set_data(pos[cut:], d[cut:])
    art["stop_line"].set_ydata([lodge_um, lodge_um])
    art["shunt"].set_ydata([shunt_um, shunt_um])
    art["shunt_text"].set_position((0.2, shunt_um * 1.08))
    art["shunt_text"].set_text("shunt width: smaller particles slip through" if passes
                               else "shunt width")
    art["stop_title"] = title   # shown in the panel's text, not drawn (text is slow to draw)
    return art


# --- 3a. drug release over time ------------------------------------------------------------------
def plot_release(times_h, curves, ax=None):
    """Release curves on a logarithmic time axis.

    Parameters
    ----------
    times_h : array_like
        Times, h (positive; drawn on a log axis).
    curves : sequence of (label, fractions, style)
        ``style`` is ``'vitro'``, ``'vitro-main'`` or ``'vivo'``.
    ax : Axes, optional

    Returns
    -------
    dict
        ``fig``, ``ax``, ``now`` (vertical line), ``dots`` (markers on the two DC Bead curves),
        ``readout`` (the latest read-out sentence, for the panel to show).
    """
    if ax is None:
        fig, ax = new_figure(9.0, 5.0)
    else:
        fig = ax.figure
    colours = {"vitro-main": PALETTE["orange"], "vivo": PALETTE["blue"]}
    others = iter([PALETTE["green"], PALETTE["purple"], PALETTE["sky_blue"]])
    for label, frac, style in curves:
        colour = colours.get(style) or next(others)
        ax.plot(times_h, np.asarray(frac) * 100, label=label, color=colour,
                lw=3.2 if style != "vitro" else 1.8, ls="-" if style != "vitro" else "--")
    ax.set_xscale("log")
    ax.set_xlim(times_h[0], times_h[-1])
    ax.set_ylim(0, 100)
    ticks = [t for t in _TIME_TICKS if times_h[0] <= t[0] <= times_h[-1]]
    ax.set_xticks([t for t, _ in ticks], [lab for _, lab in ticks])
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("Time since the beads were placed (log scale)")
    label_axes(ax, y=("Drug released", "% of loaded dose"))
    now = ax.axvline(times_h[0], color=PALETTE["black"], lw=1.5, ls=":")
    dots, = ax.plot([], [], "o", ms=11, mfc="white", mec="black", mew=2, zorder=5)
    ax.legend(loc="upper left", fontsize=12)
    return {"fig": fig, "ax": ax, "now": now, "dots": dots, "readout": ""}


def update_release(art, time_h, vitro_frac, vivo_frac, text):
    """Move the time marker and the two dots; rewrite the read-out."""
    t = max(time_h, art["ax"].get_xlim()[0])
    art["now"].set_xdata([t, t])
    art["dots"].set_data([t, t], [vitro_frac * 100, vivo_frac * 100])
    art["readout"] = text   # shown in the panel's text above the figure (faster than drawing)
    return art


# --- 3b. drug reach in the tissue ----------------------------------------------------------------
def plot_concentration(distance_um, reach_um, threshold, ax=None):
    """Relative drug concentration against distance from the bead edge.

    Returns
    -------
    dict
        ``fig``, ``ax``, ``line``, ``fill`` (shaded area), ``readout`` (latest sentence).
    """
    if ax is None:
        fig, ax = new_figure(9.0, 5.0)
    else:
        fig = ax.figure
    x = np.asarray(distance_um)
    line, = ax.plot(x, np.zeros_like(x), color=PALETTE["vermillion"], lw=3.2,
                    label="Model: drug level in the tissue")
    ax.axvline(reach_um, color=PALETTE["black"], ls="--", lw=1.8)
    ax.text(reach_um + 6, 93, f"Drug seen up to\nabout {reach_um:.0f} µm\nin rabbit liver",
            fontsize=12, va="top")
    ax.axhline(threshold * 100, color=NEUTRAL, ls=":", lw=1.5)
    ax.text(x[-1], threshold * 100 + 1.5, f"{threshold * 100:.0f}% of the level at the bead",
            ha="right", fontsize=11, color="#555555")
    ax.set_xlim(0, x[-1])
    ax.set_ylim(0, 100)
    label_axes(ax, x=("Distance from the edge of the bead", "µm"),
               y=("Drug level", "% of level at bead edge"))
    readout = ""
    ax.legend(loc="upper right", fontsize=12)
    fill = Polygon(np.zeros((2, 2)), closed=True, color=PALETTE["vermillion"], alpha=0.15,
                   lw=0)
    ax.add_patch(fill)
    art = {"fig": fig, "ax": ax, "line": line, "fill": fill, "readout": readout, "x": x}
    return art


def update_concentration(art, conc, text):
    """Show a new profile (``conc`` as a 0-1 share at each distance) and read-out text."""
    y = np.asarray(conc) * 100
    x = art["x"]
    art["line"].set_ydata(y)
    art["fill"].set_xy(np.column_stack([np.r_[x, x[::-1]], np.r_[y, np.zeros_like(y)]]))
    art["readout"] = text   # shown in the panel's text above the figure (faster than drawing)
    return art


# --- 5. time line after TACE --------------------------------------------------------------------
_KIND_COLOURS = {"expected": PALETTE["sky_blue"], "care": PALETTE["green"],
                 "watch": PALETTE["vermillion"]}


def plot_timeline(events, last_day=32.0, ax=None):
    """Horizontal bars for what to expect, what to do and what to watch for after TACE.

    Parameters
    ----------
    events : sequence of (label, first_day, last_day, kind, status, refs)
        From :data:`netteach.models.tace.TIMELINE`.
    """
    if ax is None:
        fig, ax = new_figure(10.0, 5.0)
    else:
        fig = ax.figure
    n = len(events)
    for i, (label, start, end, kind, status, _refs) in enumerate(events):
        y = n - 1 - i
        ax.barh(y, end - start, left=start, height=0.6, color=_KIND_COLOURS[kind],
                edgecolor="black", lw=0.6)
        mark = "" if status == "V" else " *"
        ax.text(end + 0.4 if end < last_day - 12 else start - 0.4, y, label + mark,
                va="center", ha="left" if end < last_day - 12 else "right", fontsize=12)
    ax.set_yticks([])
    ax.grid(axis="y", visible=False)
    ax.set_xlim(0, last_day)
    ax.set_ylim(-0.8, n - 0.2)
    label_axes(ax, x=("Days after TACE", "days"))
    now = ax.axvline(0, color=PALETTE["black"], lw=2.5)
    handles = [ax.barh([-5], [0], color=c, label=k) for k, c in
               (("what to expect", _KIND_COLOURS["expected"]), ("what to do", _KIND_COLOURS[
                   "care"]), ("watch for", _KIND_COLOURS["watch"]))]
    ax.legend(handles=handles, loc="lower center", bbox_to_anchor=(0.5, 1.0), fontsize=13,
              ncols=3)
    return {"fig": fig, "ax": ax, "now": now}


def update_timeline(art, day):
    """Move the 'today' line to ``day``."""
    art["now"].set_xdata([day, day])
    return art


def dynamic_artists(art):
    """The artists an ``update_*`` function changes, redrawn on each update (see ``FigurePane``)."""
    keys = ("art_after", "labels", "line", "blocked", "marker", "shunt", "shunt_text",
            "stop_line", "now", "dots", "fill", "names")
    out = []
    for k in keys:
        v = art.get(k)
        if v is None:
            continue
        out.extend(v if isinstance(v, list) else [v])
    return out
