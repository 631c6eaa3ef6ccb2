"""Drawing the hepatic arteries, the Couinaud segments and the organs at risk.

:func:`plot_arteries` draws a textbook-style frontal schematic: arteries from the aorta to the
liver, a liver divided into Couinaud segments I-VIII, and the nearby organs. Given a
:class:`~netteach.models.anatomy.Territory` it lights up the treated segments, draws the path of
the injected agent, marks the catheter and any coils, and colours the organs at risk in the
warning colour. :func:`update_arteries` changes the same figure for a new situation.

:func:`plot_variant_frequencies` shows how often each Michels type was found in several series.
"""

from __future__ import annotations

import textwrap
from functools import cache

import numpy as np
from matplotlib import patheffects
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.offsetbox import AnnotationBbox, OffsetImage
from matplotlib.patches import Ellipse, Patch, Polygon, Rectangle

from ..models import anatomy as A
from . import _anatomy_layout as G
from .style import PALETTE, WARNING, label_axes, new_figure

__all__ = ["plot_arteries", "update_arteries", "plot_variant_frequencies",
           "update_variant_frequencies", "COLOURS"]

COLOURS = {
    "liver": "#EFE3D3", "liver_edge": "#7A5C3E", "treated": PALETTE["sky_blue"],
    "shared": "#B9DDF3", "agent": PALETTE["blue"], "artery": "#A7A7A7",
    "artery_edge": "#5E5E5E", "blocked": "#CFCFCF", "organ": "#ECECEC", "organ_edge": "#6B6B6B",
    "risk": WARNING, "catheter": PALETTE["black"], "coil": PALETTE["black"],
}
_HALO = [patheffects.withStroke(linewidth=0, foreground="white")]


def _text(ax, x, y, s, **kw):
    style = dict(fontsize=12, ha="center", va="center", zorder=30)
    style.update(kw)
    return ax.text(x, y, s, **style)


def _static(ax):
    """Liver, segments, organs and legend: the parts that never move."""
    ax.set_xlim(*G.XLIM)
    ax.set_ylim(*G.YLIM)
    ax.set_aspect("equal")
    ax.axis("off")
    liver = Polygon(G.LIVER_OUTLINE, closed=True, facecolor="none",
                    edgecolor=COLOURS["liver_edge"], linewidth=2.5, zorder=6)
    ax.add_patch(liver)
    clip = Polygon(G.LIVER_OUTLINE, closed=True, transform=ax.transData)
    segs = {}
    for name, (x0, y0, x1, y1) in G.SEGMENT_BOXES.items():
        r = Rectangle((x0, y0), x1 - x0, y1 - y0, facecolor=COLOURS["liver"],
                      edgecolor="#8E7358", linewidth=1.3, linestyle=(0, (5, 3)), zorder=2)
        ax.add_patch(r)
        r.set_clip_path(clip)
        segs[name] = r
    cau = Ellipse(**G.CAUDATE, facecolor=COLOURS["liver"], edgecolor="#8E7358", linewidth=1.3,
                  linestyle=(0, (5, 3)), zorder=3)
    ax.add_patch(cau)
    segs["I"] = cau
    fiss = np.array(G.FISSURE)
    ax.plot(fiss[:, 0], fiss[:, 1], color="#8E7358", linewidth=1.8, zorder=4)
    seg_text = {s: _text(ax, *xy, s, fontsize=17 if s != "I" else 14, fontweight="bold",
                         color="#3B2A1A", zorder=8)
                for s, xy in G.SEGMENT_LABELS.items()}
    _text(ax, -3.3, 3.2, "Frontal view: the\npatient's right is\non your left.",
          fontsize=12, ha="left", va="bottom", color="#3B2A1A", fontstyle="italic")
    organs, organ_text = {}, {}
    for name, outline in G.ORGANS.items():
        p = Polygon(outline, closed=True, facecolor=COLOURS["organ"],
                    edgecolor=COLOURS["organ_edge"], linewidth=1.6, zorder=1,
                    joinstyle="round")
        ax.add_patch(p)
        organs[name] = p
        label, xy = G.ORGAN_LABELS[name]
        organ_text[name] = _text(ax, *xy, label, fontsize=12.5, color="#333333", zorder=9,
                                 bbox=dict(boxstyle="round,pad=0.2", facecolor="white",
                                           edgecolor="none", alpha=0.8))
    legend = AnnotationBbox(OffsetImage(_legend_image(), zoom=72 / _LEGEND_DPI), (0.0, 0.0),
                            xycoords="axes fraction", box_alignment=(0.0, 0.0), frameon=False,
                            zorder=45)
    ax.add_artist(legend)
    return {"segments": segs, "segment_text": seg_text, "organs": organs,
            "organ_text": organ_text, "legend": legend}


_LEGEND_DPI = 100


@cache
def _legend_image():
    """The legend, drawn once as a picture (a live legend costs a third of every redraw)."""
    handles = [
        Patch(facecolor=COLOURS["treated"], edgecolor="#8E7358", label="Segment treated"),
        Patch(facecolor=COLOURS["shared"], edgecolor="#8E7358", hatch="//",
              label="Partly treated (also fed by\nan artery not injected)"),
        Patch(facecolor=COLOURS["risk"], edgecolor="#6B6B6B", label="Organ at risk"),
        Line2D([], [], color=COLOURS["agent"], linewidth=4, label="Path of the injected agent"),
        Line2D([], [], color=COLOURS["catheter"], linewidth=2, marker="o", markersize=8,
               label="Catheter and its tip"),
        Line2D([], [], color=COLOURS["coil"], linewidth=0, marker="X", markersize=11,
               label="Coil (closes the artery)"),
    ]
    fig = Figure(figsize=(4, 3), dpi=_LEGEND_DPI)
    leg = fig.legend(handles=handles, loc="lower left", fontsize=11.5, frameon=True,
                     framealpha=1.0, edgecolor="#CCCCCC", handlelength=1.8, borderpad=0.5,
                     labelspacing=0.45)
    canvas = FigureCanvasAgg(fig)
    canvas.draw()
    box = leg.get_window_extent()
    img = np.asarray(canvas.buffer_rgba())
    h = img.shape[0]
    x0, x1 = int(np.floor(box.x0)), int(np.ceil(box.x1)) + 1
    y0, y1 = h - int(np.ceil(box.y1)) - 1, h - int(np.floor(box.y0))
    return img[max(y0, 0):y1, max(x0, 0):x1].copy()


def _draw_vessels(ax, tree, territory):
    """Artists for the arteries, the catheter and coils (replaced on every update)."""
    arts = []
    reached = territory.reached if territory else frozenset()
    blocked = territory.blocked if territory else frozenset()
    for vid in tree.ids:
        parent = tree.vessels[vid].parent
        lw = G.WIDTHS.get(vid, G.DEFAULT_WIDTH)
        on = vid in reached
        colour = COLOURS["agent"] if on else (COLOURS["blocked"] if vid in blocked
                                              else COLOURS["artery"])
        for line in G.paths_for(vid, parent):
            xy = np.asarray(line, float)
            halo = patheffects.withStroke(linewidth=lw + 3.5, foreground="white")
            edge = patheffects.withStroke(linewidth=lw + 1.6,
                                          foreground="#1F3F66" if on else COLOURS["artery_edge"])
            (ln,) = ax.plot(xy[:, 0], xy[:, 1], color=colour, linewidth=lw,
                            solid_capstyle="round", solid_joinstyle="round",
                            zorder=12 + (3 if on else 0) + (0 if vid != "aorta" else -2),
                            path_effects=[halo, edge, patheffects.Normal()],
                            linestyle=(0, (2, 1.2)) if vid in blocked else "-")
            arts.append(ln)
        text, x, y, ha = G.LABELS.get(vid, ("", 0, 0, "left"))
        if text:
            arts.append(_text(ax, x, y, text, ha=ha, fontsize=12,
                              fontweight="bold" if on else "normal",
                              color="#0B3954" if on else "#333333",
                              bbox=dict(boxstyle="round,pad=0.15", facecolor="white",
                                        edgecolor="none", alpha=0.85)))
    if territory is None:
        return arts
    for vid in territory.coiled:
        x, y = G.tip_point(vid, tree.vessels[vid].parent, fraction=0.22)
        arts.append(ax.plot([x], [y], marker="X", markersize=16, color=COLOURS["coil"],
                            markeredgecolor="white", markeredgewidth=1.5, zorder=40)[0])
    chain = [territory.catheter_at, *tree.ancestors(territory.catheter_at)][::-1]
    pts = []
    for k, vid in enumerate(chain):
        parent = tree.vessels[vid].parent
        nxt = chain[k + 1] if k + 1 < len(chain) else None
        pts.extend(G.route_to(vid, parent, None if nxt is None else (nxt, vid)))
    pts[0] = G.AORTA_BOTTOM
    xy = np.asarray(pts, float)
    arts.append(ax.plot(xy[:, 0], xy[:, 1], color=COLOURS["catheter"], linewidth=2.0,
                        zorder=35)[0])
    tip = xy[-1]
    arts.append(ax.plot([tip[0]], [tip[1]], marker="o", markersize=11,
                        color=COLOURS["catheter"], markeredgecolor="white",
                        markeredgewidth=1.8, zorder=41)[0])
    return arts


def _title(tree, territory):
    v = A.VARIANTS[tree.variant]
    head = textwrap.fill(f"Michels type {v.roman}: "
                         f"{v.name.lower() if v.number > 1 else 'standard anatomy'}", 19)
    if territory is None:
        return head
    name = A.VESSEL_NAMES[territory.catheter_at].split(" (")[0]
    tip = textwrap.fill(f"Catheter tip in the {name[0].lower() + name[1:]}", 19)
    return f"{head}\n\n{tip}"


def plot_arteries(tree, territory=None, ax=None):
    """Draw the arterial tree, the Couinaud liver and the organs; light up a territory.

    Parameters
    ----------
    tree : ArterialTree
        From :func:`netteach.models.anatomy.arterial_tree`.
    territory : Territory, optional
        From :func:`netteach.models.anatomy.perfused_territory`; ``None`` draws the anatomy only.
    ax : matplotlib.axes.Axes, optional
        Axes to draw into; a new 12 x 7.6 inch figure is made when ``None``.

    Returns
    -------
    dict
        ``fig``, ``ax``, ``segments``, ``organs``, ``vessels`` (the artists), ``title``.
    """
    if ax is None:
        fig, ax = new_figure(12.0, 7.6)
    arts = _static(ax)
    arts["fig"], arts["ax"] = ax.figure, ax
    arts["vessels"] = []
    arts["title"] = ax.text(-3.3, 10.9, _title(tree, territory), fontsize=15.5, ha="left",
                            va="top", fontweight="bold", color="#0B3954", zorder=50,
                            linespacing=1.35)
    update_arteries(arts, tree, territory)
    return arts


def update_arteries(arts, tree, territory=None):
    """Change a figure from :func:`plot_arteries` to show another tree or territory."""
    for a in arts["vessels"]:
        a.remove()
    arts["vessels"] = _draw_vessels(arts["ax"], tree, territory)
    segs = territory.segments if territory else frozenset()
    shared = territory.shared_segments if territory else frozenset()
    for name, patch in arts["segments"].items():
        if name in shared:
            patch.set_facecolor(COLOURS["shared"])
            patch.set_hatch("//")
        elif name in segs:
            patch.set_facecolor(COLOURS["treated"])
            patch.set_hatch(None)
        else:
            patch.set_facecolor(COLOURS["liver"])
            patch.set_hatch(None)
    risk = territory.non_target if territory else frozenset()
    for name, patch in arts["organs"].items():
        at_risk = name in risk
        patch.set_facecolor(COLOURS["risk"] if at_risk else COLOURS["organ"])
        label = arts["organ_text"][name]
        base = G.ORGAN_LABELS[name][0]
        label.set_text(f"⚠ {base}" if at_risk else base)
        label.set_color("#8A2F00" if at_risk else "#333333")
        label.set_fontweight("bold" if at_risk else "normal")
    arts["title"].set_text(_title(tree, territory))
    return arts


# --- how often each variant is found ---------------------------------------------------------
_SERIES_STYLE = {
    "Michels summary": ("o", PALETTE["black"]),
    "Hiatt 1994": ("s", PALETTE["orange"]),
    "Löschner 2015": ("D", PALETTE["green"]),
    "Bilir": ("^", PALETTE["purple"]),
    "Imam 2022": ("v", PALETTE["blue"]),
}


def _series_key(label):
    for k in _SERIES_STYLE:
        if label.startswith(k.split(" (")[0]):
            return k
    return "Michels summary"


def plot_variant_frequencies(selected="michels_1", ax=None):
    """How often each Michels type was found, by series, on a log scale of percent.

    Filled markers count exactly that type; open markers are Hiatt's groups (which count two or
    three Michels types together). Bars show the range a summary gives.

    Returns
    -------
    dict
        ``fig``, ``ax``, ``highlight`` (the band behind the selected type).
    """
    if ax is None:
        fig, ax = new_figure(9.0, 5.6)
    ids = list(A.VARIANTS)
    y = {vid: len(ids) - i for i, vid in enumerate(ids)}
    highlight = Rectangle((0.08, 0.0), 100 - 0.08, 0.9, facecolor=PALETTE["yellow"], alpha=0.45,
                          edgecolor="none", zorder=0)
    ax.add_patch(highlight)
    seen = set()
    for vid, v in A.VARIANTS.items():
        for k, f in enumerate(v.frequencies):
            key = _series_key(f.series)
            marker, colour = _SERIES_STYLE[key]
            val = max(float(f.percent), 0.1)
            dy = (k - (len(v.frequencies) - 1) / 2) * 0.16
            if f.low is not None:
                ax.plot([float(f.low), float(f.high)], [y[vid] + dy] * 2, color=colour,
                        linewidth=3, alpha=0.6, zorder=2)
            if float(f.percent) == 0:
                ax.text(val * 1.25, y[vid] + dy, "0% (none found)", va="center", fontsize=11,
                        color=colour)
            ax.plot([val], [y[vid] + dy], marker=marker, markersize=9, linestyle="none",
                    markerfacecolor="white" if f.grouping else colour, markeredgecolor=colour,
                    markeredgewidth=2, zorder=3,
                    label=None if key in seen else key.replace("Bilir", "Bilir (MDCT)"))
            seen.add(key)
    ax.set_xscale("log")
    ax.set_xlim(0.08, 100)
    ax.set_xticks([0.1, 0.5, 1, 2, 5, 10, 20, 50, 100])
    ax.set_xticklabels(["0.1", "0.5", "1", "2", "5", "10", "20", "50", "100"])
    ax.set_yticks([y[v] for v in ids])
    ax.set_yticklabels([f"Type {A.VARIANTS[v].roman}" for v in ids])
    ax.set_ylim(0.4, len(ids) + 0.6)
    ax.grid(axis="y", alpha=0)
    label_axes(ax, x=("How often it was found, log scale", "% of people"))
    ax.legend(loc="lower right", fontsize=11, frameon=True, framealpha=0.95, ncol=1,
              title="Series (open = Hiatt group)", title_fontsize=11)
    arts = {"fig": ax.figure, "ax": ax, "highlight": highlight, "y": y}
    update_variant_frequencies(arts, selected)
    return arts


def update_variant_frequencies(arts, selected):
    """Move the highlight band to the ``selected`` Michels type."""
    arts["highlight"].set_y(arts["y"][selected] - 0.45)
    return arts
