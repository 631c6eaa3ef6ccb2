"""The landing page's overview picture: the three liver-directed treatments side by side."""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Circle, Ellipse, FancyBboxPatch

from .prerendered import OVERVIEW_ALT
from .style import NEUTRAL, PALETTE, new_figure

__all__ = ["draw_three_treatments", "OVERVIEW_ALT"]

_LIVER = "#F3D9C6"
_TUMOUR = "#B9A2C8"
_ARTERY = PALETTE["vermillion"]


def _liver_and_tumour(ax):
    ax.add_patch(FancyBboxPatch((0.04, 0.08), 0.92, 0.78,
                                boxstyle="round,pad=0.02,rounding_size=0.2",
                                fc=_LIVER, ec="#C9A58B", lw=1.5))
    ax.add_patch(Circle((0.62, 0.45), 0.2, fc=_TUMOUR, ec="#7A5C8E", lw=1.5))
    ax.text(0.62, 0.45 - 0.27, "tumour", ha="center", va="top", fontsize=12, color="#4B3560")
    ax.text(0.1, 0.78, "liver", ha="left", va="center", fontsize=12, color="#7A4E33")


def _artery_tree(ax, lw=4.0):
    """A hepatic artery branching towards the tumour; returns the end points of the branches."""
    ax.plot([0.0, 0.3], [0.62, 0.55], color=_ARTERY, lw=lw, solid_capstyle="round")
    ends = []
    for dy in (-0.12, 0.0, 0.12):
        x = [0.3, 0.45, 0.55]
        y = [0.55, 0.55 + dy * 0.6, 0.47 + dy]
        ax.plot(x, y, color=_ARTERY, lw=lw * 0.55, solid_capstyle="round")
        ends.append((x[-1], y[-1]))
    return ends


def draw_three_treatments(ax=None):
    """Draw embolisation, SIRT and RFA as three simple schematics.

    Returns
    -------
    dict
        ``{"figure": fig, "axes": axes}``.
    """
    if ax is None:
        fig, axes = new_figure(12.0, 4.2, 1, 3)
    else:
        axes = np.atleast_1d(ax)
        fig = axes[0].figure
    titles = ["Embolisation (TACE)", "Radioembolisation (SIRT)", "Radiofrequency ablation (RFA)"]
    notes = ["Beads block the tumour's small\narteries; in TACE they carry a drug",
             "Radioactive microspheres lodge in\nthe tumour and irradiate it from inside",
             "A needle heats the tumour\nuntil its cells die"]
    rng = np.random.default_rng(3)
    for a, title, note in zip(axes, titles, notes, strict=True):
        a.set_xlim(0, 1)
        a.set_ylim(-0.12, 1.0)
        a.set_aspect("equal")
        a.axis("off")
        _liver_and_tumour(a)
        a.set_title(title, fontsize=15)
        a.text(0.5, -0.1, note, ha="center", va="bottom", fontsize=12)
    # embolisation: catheter and beads plugging the branches
    ends = _artery_tree(axes[0])
    axes[0].plot([0.0, 0.22], [0.64, 0.575], color=PALETTE["black"], lw=2.2)
    axes[0].text(0.02, 0.7, "catheter", fontsize=11)
    for x, y in ends:
        axes[0].add_patch(Circle((x, y), 0.028, fc=PALETTE["blue"], ec="white", lw=1))
    # SIRT: many microspheres with a short-range glow inside the tumour
    _artery_tree(axes[1])
    axes[1].plot([0.0, 0.22], [0.64, 0.575], color=PALETTE["black"], lw=2.2)
    r = 0.17 * np.sqrt(rng.random(70))
    t = rng.random(70) * 2 * np.pi
    xs, ys = 0.62 + r * np.cos(t), 0.45 + r * np.sin(t)
    axes[1].scatter(xs, ys, s=60, color=PALETTE["yellow"], alpha=0.35, lw=0)
    axes[1].scatter(xs, ys, s=6, color=PALETTE["black"], lw=0)
    # RFA: needle from above and a heated zone around its tip
    for radius, alpha in ((0.26, 0.18), (0.21, 0.3), (0.15, 0.45)):
        axes[2].add_patch(Ellipse((0.62, 0.45), 2 * radius, 2 * radius * 0.9,
                                  fc=PALETTE["orange"], alpha=alpha, lw=0))
    axes[2].plot([0.62, 0.62], [1.0, 0.4], color=NEUTRAL, lw=4, solid_capstyle="butt")
    axes[2].plot([0.62, 0.62], [0.55, 0.4], color=PALETTE["black"], lw=4)
    axes[2].text(0.66, 0.92, "needle", fontsize=11)
    return {"figure": fig, "axes": axes}
