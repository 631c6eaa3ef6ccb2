"""Drawing the liver's dual blood supply, arterial uptake by a tumour, and NET grading.

Each ``plot_...`` function makes its figure once and returns its artists; the matching
``update_...`` function changes those artists for new values.
"""

from __future__ import annotations

from matplotlib.patches import Rectangle

from ..constants import nets as N
from .style import NEUTRAL, PALETTE, label_axes, new_figure

__all__ = ["plot_supply", "update_supply", "plot_uptake", "update_uptake", "plot_grade",
           "update_grade", "ARTERY_COLOUR", "PORTAL_COLOUR"]

ARTERY_COLOUR = PALETTE["orange"]
PORTAL_COLOUR = PALETTE["blue"]
TUMOUR_COLOUR = PALETTE["purple"]
_ROWS = ("Normal liver:\nblood flow", "Normal liver:\noxygen", "Metastasis:\nblood flow")


def _bar_text(ax, x, y, s, colour="white"):
    return ax.text(x, y, s, ha="center", va="center", fontsize=14, color=colour,
                   fontweight="bold", zorder=5)


def plot_supply(portal_flow, oxygen_range, metastasis_arterial, source_marks=(),
                artery_blocked=False, ax=None):
    """Stacked bars: where normal liver and a metastasis get their blood (and oxygen) from.

    Parameters
    ----------
    portal_flow : float
        Portal-vein share of normal liver blood flow, 0-1.
    oxygen_range : (float, float)
        Reported range of the portal-vein share of oxygen, 0-1.
    metastasis_arterial : float
        Arterial share of a metastasis's blood flow, 0-1.
    source_marks : sequence of (label, portal share)
        Values from different sources, marked on the flow bar to show the spread.
    artery_blocked : bool
        Show what is left when the hepatic artery is blocked (embolisation).

    Returns
    -------
    dict of artists (``fig``, ``ax``, ``bars``, ``texts``, ``left_text``).
    """
    if ax is None:
        fig, ax = new_figure(10.0, 4.9)
    ys = [2, 1, 0]
    bars = {}
    for y in ys:
        bars[(y, "portal")] = ax.barh(y, 0, left=0, height=0.62, color=PORTAL_COLOUR,
                                      edgecolor="white", linewidth=2)[0]
        bars[(y, "artery")] = ax.barh(y, 0, left=0, height=0.62, color=ARTERY_COLOUR,
                                      edgecolor="white", linewidth=2)[0]
    texts = {(y, k): _bar_text(ax, 0, y, "") for y in ys for k in ("portal", "artery")}
    left_text = {y: ax.text(101, y, "", ha="left", va="center", fontsize=13, color="#222",
                            zorder=6) for y in ys}
    lo, hi = (100 * oxygen_range[0], 100 * oxygen_range[1])
    ax.add_patch(Rectangle((lo, 1 - 0.36), hi - lo, 0.72, facecolor="none", edgecolor="black",
                           linewidth=2, linestyle=(0, (3, 2)), zorder=6))
    ax.text((lo + hi) / 2, 1 - 0.5, "reported range", ha="center", va="top", fontsize=11)
    for _label, share in source_marks:
        x = 100 * share
        ax.plot([x, x], [2 + 0.34, 2 + 0.48], color="black", linewidth=2, zorder=6)
    if source_marks:
        words = " · ".join(f"{100 * v:.0f}% {k}" for k, v in source_marks)
        ax.text(100, 2 + 0.55, f"Portal share by source: {words}", ha="right", va="bottom",
                fontsize=11.5)
    ax.set_yticks(ys)
    ax.set_yticklabels(_ROWS)
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.55, 2.95)
    ax.grid(axis="y", alpha=0)
    label_axes(ax, x=("Share of supply", "%"))
    handles = [Rectangle((0, 0), 1, 1, color=PORTAL_COLOUR),
               Rectangle((0, 0), 1, 1, color=ARTERY_COLOUR)]
    ax.legend(handles, ["Portal vein", "Hepatic artery"], loc="upper center",
              bbox_to_anchor=(0.5, -0.2), ncol=2, fontsize=13)
    arts = {"fig": ax.figure, "ax": ax, "bars": bars, "texts": texts, "left_text": left_text}
    update_supply(arts, portal_flow, oxygen_range, metastasis_arterial, artery_blocked)
    return arts


def update_supply(arts, portal_flow, oxygen_range, metastasis_arterial, artery_blocked=False):
    """Change the bars of :func:`plot_supply` for new shares or for a blocked artery."""
    portal_o2 = 100 * (oxygen_range[0] + oxygen_range[1]) / 2
    rows = {2: 100 * portal_flow, 1: portal_o2, 0: 100 * (1 - metastasis_arterial)}
    for y, p in rows.items():
        a = 100 - p
        bp, ba = arts["bars"][(y, "portal")], arts["bars"][(y, "artery")]
        bp.set_width(p)
        ba.set_x(p)
        ba.set_width(a)
        ba.set_alpha(0.25 if artery_blocked else 1.0)
        ba.set_hatch("xx" if artery_blocked else None)
        tp, ta = arts["texts"][(y, "portal")], arts["texts"][(y, "artery")]
        if y == 1:
            lo, hi = 100 * oxygen_range[0], 100 * oxygen_range[1]
            p_txt, a_txt = f"{lo:.0f}-{hi:.0f}%", f"{100 - hi:.0f}-{100 - lo:.0f}%"
        else:
            p_txt, a_txt = f"{p:.0f}%", f"{a:.0f}%"
        tp.set_text(p_txt if p >= 8 else "")
        tp.set_position((p / 2, y))
        ta.set_text(("blocked" if artery_blocked else a_txt) if a >= 8 else "")
        ta.set_color("#333" if artery_blocked else "white")
        ta.set_position((p + a / 2, y))
        arts["left_text"][y].set_text(f"{p_txt} left" if artery_blocked else "")
    if artery_blocked:
        arts["ax"].set_xlim(0, 118)
    else:
        arts["ax"].set_xlim(0, 100)
    return arts


def plot_uptake(uptake_ratio, tumour_mass_fraction, tumour_share, ax=None):
    """Agent per gram in tumour and normal liver, and where the injected agent ends up.

    Returns
    -------
    dict of artists (``fig``, ``axes``, ``bars``, ``ratio_text``, ``mass``, ``agent``...).
    """
    if ax is None:
        fig, axes = new_figure(10.0, 4.6, 1, 2, width_ratios=[1, 1.35])
    else:
        axes = ax
    a0, a1 = axes
    bars = a0.bar([0, 1], [1, 1], color=[PORTAL_COLOUR, TUMOUR_COLOUR], width=0.6)
    a0.set_xticks([0, 1])
    a0.set_xticklabels(["Normal\nliver", "Tumour"])
    a0.set_ylabel("Relative to normal liver (×)")
    a0.set_title("Agent per gram", fontsize=15)
    a0.grid(axis="x", alpha=0)
    ratio_text = a0.text(1, 1, "", ha="center", va="bottom", fontsize=15, fontweight="bold")
    ys = [1, 0]
    mass = [a1.barh(ys[0], 0, color=TUMOUR_COLOUR, height=0.55)[0],
            a1.barh(ys[0], 0, color=NEUTRAL, height=0.55, alpha=0.55)[0]]
    agent = [a1.barh(ys[1], 0, color=TUMOUR_COLOUR, height=0.55)[0],
             a1.barh(ys[1], 0, color=NEUTRAL, height=0.55, alpha=0.55)[0]]
    mass_text = a1.text(0, ys[0], "", ha="left", va="center", fontsize=13, fontweight="bold",
                        color="white")
    agent_text = a1.text(0, ys[1], "", ha="left", va="center", fontsize=13, fontweight="bold",
                         color="white")
    a1.set_yticks(ys)
    a1.set_yticklabels(["Share of\nliver mass", "Share of\nthe agent"])
    a1.set_xlim(0, 100)
    a1.set_ylim(-0.6, 1.9)
    a1.grid(axis="y", alpha=0)
    label_axes(a1, x=("Tumour's share (purple)", "%"))
    a1.set_title("Where the injected agent goes", fontsize=15)
    arts = {"fig": a0.figure, "axes": axes, "bars": bars, "ratio_text": ratio_text,
            "mass": mass, "agent": agent, "mass_text": mass_text, "agent_text": agent_text}
    update_uptake(arts, uptake_ratio, tumour_mass_fraction, tumour_share)
    return arts


def _place(text, pct, y):
    inside = pct >= 14
    text.set_position((pct / 2 if inside else pct + 1.5, y))
    text.set_ha("center" if inside else "left")
    text.set_color("white" if inside else "black")
    text.set_text(f"{pct:.0f}%")


def update_uptake(arts, uptake_ratio, tumour_mass_fraction, tumour_share):
    """Change :func:`plot_uptake` for a new ratio, tumour mass share and agent share."""
    b_normal, b_tumour = arts["bars"]
    b_tumour.set_height(uptake_ratio)
    top = max(2.0, uptake_ratio * 1.25)
    arts["axes"][0].set_ylim(0, top)
    arts["ratio_text"].set_position((1, uptake_ratio + top * 0.01))
    arts["ratio_text"].set_text(f"× {uptake_ratio:.1f}")
    m, s = 100 * tumour_mass_fraction, 100 * tumour_share
    for (bt, bn), pct, txt in ((arts["mass"], m, arts["mass_text"]),
                               (arts["agent"], s, arts["agent_text"])):
        bt.set_width(pct)
        bn.set_x(pct)
        bn.set_width(100 - pct)
        _place(txt, pct, bt.get_y() + bt.get_height() / 2)
    return arts


# --- WHO grading ----------------------------------------------------------------------------------
_GRADE_COLOURS = {1: PALETTE["green"], 2: PALETTE["yellow"], 3: PALETTE["vermillion"]}


def plot_grade(ki67_percent, mitoses_per_2mm2, ax=None):
    """The WHO 2019/2022 grade map: Ki-67 across, mitotic count up, and the current tumour.

    Returns
    -------
    dict of artists (``fig``, ``ax``, ``point``, ``label``).
    """
    if ax is None:
        fig, ax = new_figure(8.0, 5.2)
    k2, k3 = float(N.KI67_G2_FROM_PERCENT), float(N.KI67_G3_ABOVE_PERCENT)
    m2, m3 = float(N.MITOSES_G2_FROM_PER_2MM2), float(N.MITOSES_G3_ABOVE_PER_2MM2)
    kmax, mmax = 100.0, 50.0
    # G3 where either index is above 20; G1 only where both are low; G2 elsewhere.
    ax.add_patch(Rectangle((0, 0), kmax, mmax, color=_GRADE_COLOURS[3], alpha=0.35, lw=0))
    ax.add_patch(Rectangle((0, 0), k3, m3, color=_GRADE_COLOURS[2], alpha=0.55, lw=0))
    ax.add_patch(Rectangle((0, 0), k2, m2, color=_GRADE_COLOURS[1], alpha=0.55, lw=0))
    for x in (k2, k3):
        ax.axvline(x, color="black", linewidth=1.2, linestyle="--")
    for y in (m2, m3):
        ax.axhline(y, color="black", linewidth=1.2, linestyle="--")
    ax.set_xscale("symlog", linthresh=1.0)
    ax.set_yscale("symlog", linthresh=1.0)
    ax.set_xlim(0, kmax)
    ax.set_ylim(0, mmax)
    ticks_x = [0, 1, 3, 10, 20, 50, 100]
    ticks_y = [0, 1, 2, 5, 10, 20, 50]
    ax.set_xticks(ticks_x)
    ax.set_xticklabels([str(t) for t in ticks_x])
    ax.set_yticks(ticks_y)
    ax.set_yticklabels([str(t) for t in ticks_y])
    ax.grid(alpha=0)
    label_axes(ax, x=("Ki-67 index", "%"), y=("Mitotic count", "per 2 mm²"))
    ax.text(0.3, 0.35, "G1", fontsize=17, fontweight="bold", ha="center")
    ax.text(8, 6, "G2", fontsize=17, fontweight="bold", ha="center")
    ax.text(45, 30, "G3", fontsize=17, fontweight="bold", ha="center")
    (point,) = ax.plot([ki67_percent], [mitoses_per_2mm2], marker="o", markersize=15,
                       color="black", markeredgecolor="white", markeredgewidth=2, zorder=10)
    label = ax.set_title("", loc="left", fontsize=16)
    arts = {"fig": ax.figure, "ax": ax, "point": point, "label": label}
    update_grade(arts, ki67_percent, mitoses_per_2mm2, "")
    return arts


def update_grade(arts, ki67_percent, mitoses_per_2mm2, title):
    """Move the tumour's point and change the title."""
    arts["point"].set_data([ki67_percent], [mitoses_per_2mm2])
    arts["label"].set_text(title)
    return arts
