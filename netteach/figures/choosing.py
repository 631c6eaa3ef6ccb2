"""Drawing for "Choosing a therapy": the "how far does each treatment reach?" figure."""

from __future__ import annotations

import math

import numpy as np
from matplotlib.patches import Rectangle
from matplotlib.ticker import FixedLocator, NullLocator
from matplotlib.transforms import Bbox, IdentityTransform

from .style import NEUTRAL, PALETTE, label_axes, new_figure

__all__ = ["REACH_COLOURS", "plot_reach", "update_reach", "distance_text", "X_LIMITS_M"]

#: One Okabe-Ito colour (and line style, so the curves differ without colour) per curve.
REACH_COLOURS = {
    "tace_drug": (PALETTE["orange"], "-"),
    "sirt_beta": (PALETTE["blue"], "--"),
    "rfa_heat": (PALETTE["vermillion"], "-."),
    "sirt_people": (PALETTE["green"], ":"),
}
X_LIMITS_M = (1e-6, 10.0)
_TICKS = [(1e-6, "1 µm"), (1e-5, "10 µm"), (1e-4, "0.1 mm"), (1e-3, "1 mm"), (1e-2, "1 cm"),
          (1e-1, "10 cm"), (1.0, "1 m"), (10.0, "10 m")]


def _trimmed(distance_m, relative, floor=2e-3):
    """Drop the flat tail of a curve after it has fallen below ``floor`` (keeps one point)."""
    rel = np.asarray(relative)
    peak = int(np.argmax(rel))
    below = np.nonzero(rel[peak:] < floor)[0]
    end = peak + int(below[0]) + 1 if below.size else rel.size
    return np.asarray(distance_m)[:end], rel[:end]


def distance_text(distance_m: float) -> str:
    """A distance in the unit a learner would use: ``'150 µm'``, ``'6.1 mm'``, ``'1.6 cm'``."""
    if not math.isfinite(distance_m):
        return "beyond the chart"
    if distance_m < 1e-3:
        return f"{distance_m * 1e6:.0f} µm"
    if distance_m < 1e-2:
        return f"{distance_m * 1e3:.1f} mm"
    if distance_m < 1.0:
        return f"{distance_m * 1e2:.1f} cm"
    return f"{distance_m:.2f} m"


def plot_reach(curves, level=0.1, visible=None, ax=None):
    """Draw normalised reach curves on a logarithmic distance axis from 1 µm to 10 m.

    Parameters
    ----------
    curves : dict of ReachCurve
        From :func:`netteach.models.choosing.reach_curves`, keyed by curve id.
    level : float
        The level whose crossing is marked on every curve (default 0.1, i.e. 10%).
    visible : dict of bool, optional
        Which curves are shown; all by default.
    ax : matplotlib.axes.Axes, optional

    Returns
    -------
    dict
        ``fig``, ``ax``, ``level_line``, ``level_text``, ``legend``, ``veils`` (per curve id a
        white rectangle laid over its legend entry while the curve is hidden), and per curve id
        a dict with ``line``, ``marker``, ``drop`` (dotted line down to the axis) and ``label``
        (text).
    """
    if ax is None:
        fig, ax = new_figure(12.0, 6.0)
    else:
        fig = ax.figure
    visible = visible or {}
    ax.set_xscale("log")
    ax.set_xlim(*X_LIMITS_M)
    ax.set_ylim(0.0, 1.22)
    ax.xaxis.set_major_locator(FixedLocator([t for t, _ in _TICKS]))
    ax.set_xticklabels([lab for _, lab in _TICKS])
    ax.xaxis.set_minor_locator(NullLocator())  # fewer artists: faster redraws
    ax.set_yticks([0, 0.25, 0.5, 0.75, 1.0], ["0%", "25%", "50%", "75%", "100%"])
    label_axes(ax, x=("Distance from the source (logarithmic scale)", None),
               y=("Share of the value at the source", None))
    out = {"fig": fig, "ax": ax}
    out["level_line"] = ax.axhline(level, color=NEUTRAL, lw=1.5, ls="--", zorder=1)
    out["level_text"] = ax.text(X_LIMITS_M[0] * 1.3, level + 0.02, f"{level:.0%} level",
                                color="#444444", fontsize=12, va="bottom")
    for cid, c in curves.items():
        colour, style = REACH_COLOURS.get(cid, (PALETTE["black"], "-"))
        d, rel = _trimmed(c.distance_m, c.relative)
        (line,) = ax.plot(d, rel, color=colour, ls=style, lw=3.0, label=c.label)
        (marker,) = ax.plot([], [], "o", ms=10, color=colour, mec="white", mew=1.5, zorder=5)
        (drop,) = ax.plot([], [], color=colour, lw=1.2, ls=":", zorder=2)
        label = ax.text(0, 0, "", color=colour, fontsize=12.5, fontweight="bold",
                        ha="center", va="bottom", zorder=6,
                        bbox=dict(facecolor="white", alpha=0.85, edgecolor="none", pad=1.5))
        out[cid] = {"line": line, "marker": marker, "drop": drop, "label": label}
        if c.zone_m:
            out[cid]["zone"] = ax.axvspan(float(c.distance_m[0]), c.zone_m, color=colour,
                                          alpha=0.13, lw=0, zorder=0)
            out[cid]["zone_text"] = ax.text(
                math.sqrt(float(c.distance_m[0]) * c.zone_m), 1.12,
                f"RFA: killed by heat\n(model, to {distance_text(c.zone_m)})", color=colour,
                fontsize=11, ha="center", va="center")
    # The legend never changes, so it can stay in a cached background; a hidden curve's entry
    # is greyed out by a white veil drawn over it (cheaper than redrawing the legend's text).
    out["legend"] = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2,
                              fontsize=12.5, handlelength=3.2)
    out["veils"] = {cid: fig.add_artist(Rectangle((0, 0), 0, 0, transform=IdentityTransform(),
                                                  facecolor="white", alpha=0.7, lw=0,
                                                  visible=False, zorder=10))
                    for cid in curves}
    update_reach(out, curves, level, visible)
    return out


def _legend_entry_bbox(legend, k):
    """Pixel box of legend entry ``k`` (its line sample and its text), as last laid out."""
    fig = legend.figure
    if getattr(fig, "_nt_limits", None) is None:  # never rendered: lay it out first
        fig.draw_without_rendering()
    renderer = fig._get_renderer()
    parts = [legend.legend_handles[k].get_window_extent(renderer),
             legend.get_texts()[k].get_window_extent(renderer)]
    return Bbox.union(parts).padded(3)


def update_reach(artists, curves, level=0.1, visible=None):
    """Show or hide curves and move the level markers, in place.

    Returns
    -------
    dict
        ``{curve id: crossing distance in m}`` for the visible curves.
    """
    visible = visible or {}
    artists["level_line"].set_ydata([level, level])
    artists["level_text"].set_y(level + 0.02)
    artists["level_text"].set_text(f"{level:.0%} level")
    reaches = {}
    for k, (cid, c) in enumerate(curves.items()):
        a = artists[cid]
        show = visible.get(cid, True)
        d = c.reach_m(level)
        for name in ("line", "marker", "drop", "label", "zone", "zone_text"):
            if name in a:
                a[name].set_visible(show)
        if show:
            reaches[cid] = d
        if math.isfinite(d):
            a["marker"].set_data([d], [level])
            # stagger the labels so that neighbouring curves do not overlap
            a["label"].set_position((d, level + 0.06 + 0.08 * k))
            a["drop"].set_data([d, d], [0.0, level + 0.06 + 0.08 * k])
            a["label"].set_text(distance_text(d))
        else:
            a["marker"].set_data([], [])
            a["drop"].set_data([], [])
            a["label"].set_text("")
    for k, cid in enumerate(curves):
        veil = artists.get("veils", {}).get(cid)
        if veil is None:
            continue
        hidden = not visible.get(cid, True)
        veil.set_visible(hidden)
        if hidden:  # placed where the legend was last drawn
            box = _legend_entry_bbox(artists["legend"], k)
            veil.set_bounds(box.x0, box.y0, box.width, box.height)
    return reaches

