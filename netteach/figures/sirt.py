"""Figures of the SIRT dashboard. Each function draws once and returns its artists.

The panels in :mod:`netteach.widgets.sirt` keep the returned artists and change them when a
control moves (``update_*`` functions here), so a figure is never rebuilt.
"""

from __future__ import annotations

import numpy as np
from matplotlib.patches import Circle
from matplotlib.transforms import offset_copy

from ..constants import sirt as C
from ..models import sirt as m
from .style import NEUTRAL, PALETTE, WARNING, label_axes, new_figure

__all__ = ["plot_decay", "update_decay", "plot_kernel", "update_kernel", "plot_dose_maps",
           "update_dose_maps", "plot_method_doses", "update_method_doses", "plot_safety",
           "update_safety", "plot_timeline", "update_timeline", "TIMELINE_ROWS"]

DAYS = np.linspace(0.0, 28.0, 300)
_BOX = dict(boxstyle="round,pad=0.4", facecolor="white", edgecolor=NEUTRAL, alpha=0.95)
#: nice upper limits for dose axes; the axis (and so the static background) changes only when
#: a dose crosses one of these
_LADDER_GY = (25.0, 50.0, 100.0, 200.0, 400.0, 800.0, 1600.0, 3200.0, 6400.0)


def _nice_limit(value):
    """The smallest ladder value at or above ``value``."""
    return next((v for v in _LADDER_GY if value <= v), float(np.ceil(value / 1000.0)) * 1000.0)

# Every plot_* function returns a dict of artists. ``artists["animated"]`` lists the artists
# that move when a control changes; everything else is static background, and
# ``artists["layout_key"]`` changes only when that background must be redrawn (new axis limits).


# ------------------------------------------------------------------------------- decay
def plot_decay(time_days=11.0, ax=None):
    """Activity left and dose delivered against days after treatment, with a time marker."""
    if ax is None:
        _, ax = new_figure(9.0, 4.6)
    left = 100 * m.remaining_fraction(DAYS * 24)
    done = 100 * m.delivered_fraction(DAYS * 24)
    ax.plot(DAYS, left, color=PALETTE["blue"], label="Activity still in the liver")
    ax.plot(DAYS, done, color=PALETTE["orange"], label="Dose already delivered")
    half = float(C.Y90_HALF_LIFE_H) / 24
    ax.axvline(half, color=NEUTRAL, ls=":", lw=2.0,
               label=f"One half-life ({C.Y90_HALF_LIFE_H:g} h = {half:.2f} days)")
    marker = ax.axvline(time_days, color=PALETTE["black"], lw=1.8)
    p_left, = ax.plot([], [], "o", color=PALETTE["blue"], ms=10)
    p_done, = ax.plot([], [], "o", color=PALETTE["orange"], ms=10)
    text = ax.text(0.97, 0.55, "", transform=ax.transAxes, ha="right", va="center",
                   bbox=_BOX, fontsize=14)
    ax.set_xlim(0, 28)
    ax.set_ylim(0, 104)
    ax.set_xticks(range(0, 29, 4))
    label_axes(ax, x=("Time after treatment", "days"), y=("Percentage", "%"),
               title="Yttrium-90 decays: the dose is given over about two weeks")
    ax.legend(loc="center right", bbox_to_anchor=(1.0, 0.22))
    artists = dict(ax=ax, fig=ax.figure, marker=marker, p_left=p_left, p_done=p_done, text=text,
                   animated=[marker, p_left, p_done, text], layout_key=None)
    update_decay(artists, time_days)
    return artists


def update_decay(artists, time_days):
    """Move the time marker; returns the alt text describing the new state."""
    left = 100 * m.remaining_fraction(time_days * 24)
    done = 100 - left
    artists["marker"].set_xdata([time_days, time_days])
    artists["p_left"].set_data([time_days], [left])
    artists["p_done"].set_data([time_days], [done])
    desc = (f"Day {time_days:g}: {left:.1f}% of the activity is left; "
            f"{done:.1f}% of the dose has been delivered.")
    artists["text"].set_text(f"Day {time_days:g}\n{left:.1f}% activity left\n"
                             f"{done:.1f}% of dose delivered")
    return desc


# ---------------------------------------------------------------------- dose vs distance
R_MM = np.linspace(0.2, 12.0, 400)
_SPHERE_LIFETIME_DECAYS = float(C.RESIN_BQ_PER_SPHERE) * m.mean_life_h() * 3600.0


def _sphere_dose(r_mm):
    """Lifetime dose (Gy) at r from one 50 Bq resin sphere."""
    return _SPHERE_LIFETIME_DECAYS * m.dose_point_kernel_gy_per_decay(r_mm)


def plot_kernel(distance_mm=2.5, axes=None):
    """Dose around one resin microsphere on a linear and a log scale, ranges marked."""
    if axes is None:
        _, axes = new_figure(11.0, 4.8, ncols=2)
    dose = _sphere_dose(R_MM)
    marks = [(float(C.Y90_MEAN_PENETRATION_MM), "2.5 mm", PALETTE["green"]),
             (float(C.Y90_MEAN_RANGE_MM), "4 mm", PALETTE["purple"]),
             (float(C.Y90_MAX_RANGE_MM), "11 mm (max)", WARNING)]
    points, texts = [], []
    for ax, scale in zip(axes, ("linear", "log"), strict=True):
        ax.plot(R_MM, dose, color=PALETTE["blue"])
        ax.set_yscale(scale)
        for x, lab, col in marks:
            ax.axvline(x, color=col, ls="--", lw=1.6)
            ax.text(x, 0.97, " " + lab, color=col, transform=ax.get_xaxis_transform(),
                    va="top", ha="left" if x < 10 else "right", fontsize=12, rotation=90)
        p, = ax.plot([], [], "o", color=PALETTE["black"], ms=9)
        points.append(p)
        ax.set_xlim(0, 12)
        label_axes(ax, x=("Distance from the sphere", "mm"),
                   y=("Dose over its lifetime", "Gy"))
    axes[0].set_ylim(0, float(dose.max()) * 1.05)
    axes[0].set_title("Linear scale")
    axes[1].set_ylim(float(dose.min()) / 2, float(dose.max()) * 3)
    axes[1].set_title("Log scale")
    texts.append(axes[0].text(0.6, 0.55, "", transform=axes[0].transAxes, ha="center",
                              va="center", bbox=_BOX, fontsize=13))
    artists = dict(fig=axes[0].figure, axes=axes, points=points, text=texts[0],
                   animated=[*points, texts[0]], layout_key=None)
    update_kernel(artists, distance_mm)
    return artists


def update_kernel(artists, distance_mm):
    """Move the marker to a distance; returns the alt text."""
    d = float(_sphere_dose(distance_mm))
    frac = 100 * m.energy_fraction_within(distance_mm)
    for p in artists["points"]:
        p.set_data([distance_mm], [d])
    artists["text"].set_text(f"At {distance_mm:.1f} mm:\n{d:.3g} Gy\n"
                             f"{frac:.0f}% of the energy\nis absorbed closer in")
    return (f"Dose around one resin microsphere falls steeply with distance: {d:.3g} Gy at "
            f"{distance_mm:.1f} mm; {frac:.0f}% of the beta energy is absorbed within that "
            "distance. Dashed lines mark 2.5 mm and 4 mm (two 'mean range' figures) and 11 mm "
            "(maximum range).")


# ------------------------------------------------------------------------------- dose maps
def plot_dose_maps(resin, glass, fig=None):
    """Dose maps (resin, glass) through the tumour centre and a profile across its edge."""
    fig, axes = new_figure(10.5, 8.0, nrows=2, ncols=2)
    axes[1, 0].remove()
    axes[1, 1].remove()
    prof = fig.add_subplot(axes[0, 0].get_gridspec()[1, :])
    ims, circles = [], []
    for ax, mp, _name in zip(axes[0], (resin, glass), ("Resin", "Glass"), strict=True):
        ext = [mp.x_mm[0], mp.x_mm[-1], mp.x_mm[0], mp.x_mm[-1]]
        im = ax.imshow(mp.dose_gy.T, origin="lower", extent=ext, interpolation="nearest")
        circ = Circle((0, 0), mp.tumour_radius_mm, fill=False, ec="white", ls="--", lw=1.8)
        ax.add_patch(circ)
        ax.grid(False)
        label_axes(ax, x=("Position", "mm"), y=("Position", "mm"))
        ims.append(im)
        circles.append(circ)
    cbar = fig.colorbar(ims[1], ax=list(axes[0]), shrink=0.9)
    cbar.set_label("Dose (Gy)")
    l_resin, = prof.plot([], [], color=PALETTE["blue"], label="Resin (about 50 Bq a sphere)")
    l_glass, = prof.plot([], [], color=PALETTE["orange"], lw=2.0,
                         label="Glass (about 2500 Bq a sphere)")
    edges = [prof.axvline(0, color=NEUTRAL, ls="--", lw=1.5) for _ in range(2)]
    prof.text(0.01, 0.95, "tumour edge: grey dashed lines", transform=prof.transAxes,
              va="top", fontsize=12, color="#444")
    label_axes(prof, x=("Position along a line through the centre", "mm"), y=("Dose", "Gy"),
               title="Dose profile across the tumour")
    prof.legend(loc="upper right")
    artists = dict(fig=fig, axes=axes[0], prof=prof, ims=ims, circles=circles, edges=edges,
                   lines=(l_resin, l_glass), cbar=cbar,
                   animated=[*ims, *circles, l_resin, l_glass, *(a.title for a in axes[0])])
    update_dose_maps(artists, resin, glass)
    return artists


def update_dose_maps(artists, resin, glass):
    """Show new maps (same colour scale for both); returns the alt text."""
    vmax = _nice_limit(2.0 * max(resin.mean_tumour_dose_gy, 1e-9))
    for im, circ, ax, mp, name in zip(artists["ims"], artists["circles"], artists["axes"],
                                      (resin, glass), ("Resin", "Glass"), strict=True):
        ext = [mp.x_mm[0], mp.x_mm[-1], mp.x_mm[0], mp.x_mm[-1]]
        im.set_data(mp.dose_gy.T)
        im.set_extent(ext)
        im.set_clim(0.0, vmax)
        ax.set_xlim(ext[0], ext[1])
        ax.set_ylim(ext[2], ext[3])
        circ.set_radius(mp.tumour_radius_mm)
        ax.set_title(f"{name}: {mp.n_spheres:,} spheres")
    prof = artists["prof"]
    for line, mp in zip(artists["lines"], (resin, glass), strict=True):
        line.set_data(mp.x_mm, mp.profile_gy)
    r = resin.tumour_radius_mm
    for e, x in zip(artists["edges"], (-r, r), strict=True):
        e.set_xdata([x, x])
    prof.set_xlim(resin.x_mm[0], resin.x_mm[-1])
    ymax = 1.5 * vmax  # fixed with the colour scale, so the background rarely changes
    prof.set_ylim(0, ymax)
    artists["layout_key"] = (round(r, 6), vmax, ymax)
    return (f"Dose maps of a {2 * r:g} mm tumour holding {resin.activity_mbq:g} MBq. Resin "
            f"({resin.n_spheres:,} spheres) gives an even dose (variation "
            f"{100 * resin.tumour_dose_cv:.0f}%); "
            f"glass ({glass.n_spheres:,} spheres) gives hot spots and cooler gaps (variation "
            f"{100 * glass.tumour_dose_cv:.0f}%). Both fall to about "
            f"{resin.dose_5mm_outside_gy:.1f} Gy 5 mm outside the tumour.")


# ----------------------------------------------------------------- calculators side by side
METHODS = ("BSA (resin)", "Single compartment", "Partition model")
COMPARTMENTS = (("Tumour", PALETTE["vermillion"]), ("Normal liver", PALETTE["blue"]),
                ("Lung", PALETTE["sky_blue"]))


def plot_method_doses(doses=None, activities=(0.0, 0.0, 0.0), ax=None):
    """Grouped bars: the doses each planning method's activity would give (Gy)."""
    if ax is None:
        _, ax = new_figure(12.0, 5.2)
    x = np.arange(len(METHODS))
    width = 0.26
    bars, labels = [], []
    for n, (name, col) in enumerate(COMPARTMENTS):
        b = ax.bar(x + (n - 1) * width, np.zeros(3), width, color=col, label=name)
        bars.append(b)
        # A white backing keeps a number readable where it crosses a limit line.
        # (lifted 2 points, so the backing does not cut into the bar's top edge).
        lifted = offset_copy(ax.transData, fig=ax.figure, y=2.0, units="points")
        labels.append([ax.text(xx + (n - 1) * width, 0, "", ha="center", va="bottom",
                               fontsize=12, transform=lifted,
                               bbox=dict(facecolor="white", alpha=0.85, edgecolor="none",
                                         pad=1.0))
                       for xx in x])
    lung = ax.axhline(float(C.LUNG_DOSE_LIMIT_SINGLE_GY), color=WARNING, ls="--", lw=1.8,
                      label=f"Lung limit, one treatment\n({C.LUNG_DOSE_LIMIT_SINGLE_GY:g} Gy)")
    liver = ax.axhline(float(C.RESIN_NORMAL_LIVER_UNILOBAR_LIMIT_GY), color=PALETTE["blue"],
                       ls=":", lw=2.0, label="Normal liver, resin\n"
                       f"(below {C.RESIN_NORMAL_LIVER_UNILOBAR_LIMIT_GY:g} Gy)")
    label_axes(ax, y=("Dose", "Gy"))
    # Each method's activity sits in a band of its own between the title and the plot.
    ax.set_title("The same patient, three ways to choose the activity", pad=30)
    ax.figure.legend(loc="outside right center")
    ax.set_xticks(x, list(METHODS))
    acts = [ax.text(xx, 1.02, "", transform=ax.get_xaxis_transform(), ha="center",
                    va="bottom", fontsize=14, fontweight="bold") for xx in x]
    rects = [r for b in bars for r in b]
    artists = dict(fig=ax.figure, ax=ax, bars=bars, labels=labels, lines=(lung, liver),
                   acts=acts, animated=[*rects, *(t for row in labels for t in row), *acts],
                   layout_key=None)
    if doses is not None:
        update_method_doses(artists, doses, activities)
    return artists


def update_method_doses(artists, doses, activities):
    """``doses[i]`` is the (tumour, normal liver, lung) dose of method i; returns alt text."""
    ax = artists["ax"]
    top = 50.0
    for n, b in enumerate(artists["bars"]):
        for i, rect in enumerate(b):
            v = float(doses[i][n])
            rect.set_height(v)
            lab = artists["labels"][n][i]
            lab.set_position((rect.get_x() + rect.get_width() / 2, v))
            lab.set_text(f"{v:.0f}")
            top = max(top, v)
    ymax = _nice_limit(top * 1.12)
    ax.set_ylim(0, ymax)
    artists["layout_key"] = ymax
    for t, a in zip(artists["acts"], activities, strict=True):
        t.set_text(f"{a:.2f} GBq")
    parts = [f"{name}: {a:.2f} GBq gives tumour {d[0]:.0f} Gy, normal liver {d[1]:.0f} Gy, "
             f"lung {d[2]:.1f} Gy" for name, a, d in zip(METHODS, activities, doses, strict=True)]
    return "Bar chart of doses by planning method. " + "; ".join(parts) + "."


# --------------------------------------------------------------------- radiation safety
DIST_M = np.linspace(0.0, 3.0, 301)
COMPARISONS = (
    ("Most-exposed contact, resin\n(mean, McCann 2012)", 0.03),
    ("Most-exposed contact, glass\n(mean, McCann 2012)", 0.06),
    ("EU dose constraint\nfor the public", float(C.PUBLIC_DOSE_CONSTRAINT_MSV)),
    ("EU annual limit\nfor the public", float(C.PUBLIC_DOSE_LIMIT_MSV)),
)


def plot_safety(axes=None):
    """Left: dose rate against distance (log scale). Right: the carer's dose against others."""
    if axes is None:
        _, axes = new_figure(11.5, 5.0, ncols=2, gridspec_kw=dict(width_ratios=[1.0, 1.1]))
    ax, bx = axes
    curve, = ax.plot([], [], color=PALETTE["blue"], label="Model (this activity and day)")
    meas, = ax.plot([], [], "s", color=PALETTE["orange"], ms=9,
                    label="Measured (Cournane 2019, mean)")
    here, = ax.plot([], [], "o", color=PALETTE["black"], ms=10)
    ax.set_yscale("log")
    ax.set_xlim(-0.05, 3)
    ax.set_ylim(0.01, 1000)
    label_axes(ax, x=("Distance from the patient", "m"), y=("Dose rate", "µSv/h"),
               title="Dose rate near the patient")
    ax.legend(loc="upper right")
    names = [c[0] for c in COMPARISONS] + ["This person"]
    vals = [c[1] for c in COMPARISONS] + [0.001]
    cols = [NEUTRAL] * len(COMPARISONS) + [PALETTE["blue"]]
    bars = bx.barh(np.arange(len(names)), vals, color=cols)
    bx.set_yticks(np.arange(len(names)), names, fontsize=12)
    bx.set_xscale("log")
    bx.set_xlim(1e-3, 3.0)
    label = bx.text(0, len(names) - 1, "", va="center", ha="left", fontsize=13)
    label_axes(bx, x=("Dose over the period", "mSv"), title="Compared with")
    return dict(fig=ax.figure, axes=axes, curve=curve, meas=meas, here=here, bar=bars[-1],
                label=label, animated=[curve, meas, here, bars[-1], label], layout_key=None)


def update_safety(artists, activity_gbq, distance_m, time_h, period_dose_usv):
    """Redraw for new settings; returns the alt text."""
    rates = m.dose_rate_usv_per_h(activity_gbq, DIST_M, time_h)
    artists["curve"].set_data(DIST_M, rates)
    d_meas = np.array([0.0, 0.3, 1.0])
    artists["meas"].set_data(d_meas, m.dose_rate_usv_per_h(activity_gbq, d_meas, time_h))
    r = m.dose_rate_usv_per_h(activity_gbq, distance_m, time_h)
    artists["here"].set_data([distance_m], [r])
    msv = max(period_dose_usv / 1000.0, 1.1e-3)
    artists["bar"].set_width(msv)
    artists["label"].set_position((msv * 1.15, artists["bar"].get_y() + 0.4))
    artists["label"].set_text(f"{period_dose_usv / 1000:.3f} mSv")
    return (f"Dose rate at {distance_m:g} m: {r:.2f} µSv/h. The person's dose over the chosen "
            f"period is {period_dose_usv / 1000:.3f} mSv, against the public dose constraint "
            "of 0.3 mSv and limit of 1 mSv.")


# ----------------------------------------------------------------------------- timeline
TIMELINE_ROWS = (
    ("Wash hands well after the toilet;\nclean up spills of body fluids", 0.0, 1.0,
     PALETTE["blue"]),
    ("Avoid long close contact with\nchildren and pregnant women", 0.0, 7.0, PALETTE["blue"]),
    ("Do not breastfeed", 0.0, 14.0, PALETTE["blue"]),
    ("Do not become pregnant", 0.0, 61.0, PALETTE["blue"]),
    ("Post-embolisation symptoms\n(usually settle within 2 weeks)", 0.0, 14.0,
     PALETTE["orange"]),
    ("Window in which REILD\n(liver damage) can appear", 14.0, 122.0, WARNING),
)


def plot_timeline(day=3.0, ax=None):
    """What applies on each day after SIRT: precautions (blue), symptoms (orange), REILD."""
    if ax is None:
        _, ax = new_figure(11.0, 5.0)
    for n, (_name, start, end, col) in enumerate(TIMELINE_ROWS):
        ax.barh(n, end - start, left=start, color=col, alpha=0.85, height=0.6)
    ax.set_yticks(np.arange(len(TIMELINE_ROWS)), [r[0] for r in TIMELINE_ROWS], fontsize=12)
    ax.invert_yaxis()
    ax.set_xscale("symlog", linthresh=14.0, linscale=1.6)
    ax.set_xlim(0, 130)
    ax.set_xticks([0, 1, 7, 14, 30, 61, 122], ["0", "1", "7", "14", "30", "61", "122"])
    marker = ax.axvline(day, color=PALETTE["black"], lw=2.2)
    label_axes(ax, x=("Time after treatment", "days"),
               title="Precautions (blue), symptoms (orange), risk (red)")
    artists = dict(fig=ax.figure, ax=ax, marker=marker, animated=[marker], layout_key=None)
    update_timeline(artists, day)
    return artists


def update_timeline(artists, day):
    """Move the day marker; returns the list of rows that apply on that day."""
    artists["marker"].set_xdata([day, day])
    return [r[0].replace("\n", " ") for r in TIMELINE_ROWS if r[1] <= day < r[2]]
