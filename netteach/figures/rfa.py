"""Drawing for the RFA dashboard: how the current heats tissue, the damage threshold, the
ablation simulator's temperature map and time series, margins and outcomes, and NET evidence.

Each ``plot_*`` function draws once and returns its artists in a dict (with ``"fig"``); the
matching ``update_*`` function changes those artists for new values, and the panel re-renders.
No model is run here: the panels pass in the numbers.
"""

from __future__ import annotations

import contourpy
import numpy as np
from matplotlib import patheffects
from matplotlib.colors import Normalize
from matplotlib.patches import Circle, FancyBboxPatch, Rectangle
from matplotlib.ticker import FuncFormatter

from .style import NEUTRAL, PALETTE, WARNING, label_axes, new_figure

__all__ = ["plot_heating", "update_heating", "plot_damage_threshold", "update_damage_threshold",
           "plot_ablation_map", "update_ablation_map", "update_ablation_time", "polar_to_image",
           "plot_ablation_history", "update_ablation_history", "plot_margin_outcomes",
           "update_margin_outcomes", "plot_net_evidence", "omega_contour_xy", "TEMP_RANGE_C",
           "MAP_HALF_WIDTH_MM"]

TEMP_RANGE_C = (37.0, 100.0)
MAP_HALF_WIDTH_MM = 30.0
LESION_COLOUR = PALETTE["black"]
TUMOUR_COLOUR = PALETTE["purple"]
VESSEL_COLOUR = PALETTE["blue"]
HEAT_CMAP = "inferno"


def _fig_ax(ax, width, height):
    if ax is None:
        return new_figure(width, height)
    return ax.figure, ax


# --- 1. how the current heats the tissue -------------------------------------------------------
def plot_heating(profile, ax=None):
    """Heat made by the current against distance from the needle (log-log), with a schematic.

    Parameters
    ----------
    profile : dict
        From :func:`netteach.models.rfa.joule_heating_profile`.
    ax : Axes, optional
        Axes for the curve; without it a figure with a schematic on the left is made.
    """
    if ax is None:
        fig, (ax_s, ax) = new_figure(11.0, 4.6, 1, 2, width_ratios=[1, 1.5])
        _draw_schematic(ax_s)
    else:
        fig, ax_s = ax.figure, None
    (line,) = ax.plot(profile["distance_mm"], profile["heating_w_per_cm3"],
                      color=PALETTE["vermillion"])
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlim(0.7, 40)
    ax.set_ylim(1e-3, 1e3)
    plain = FuncFormatter(lambda v, _pos: f"{v:g}")
    ax.xaxis.set_major_formatter(plain)
    ax.yaxis.set_major_formatter(plain)
    ax.set_xticks([1, 2, 5, 10, 20])
    label_axes(ax, x=("Distance from needle centre", "mm"),
               y=("Heat made by the current", "W per cm³"),
               title="Heat is made close to the needle")
    ax.axvspan(0.5, profile["distance_mm"][0], color=NEUTRAL, alpha=0.5)
    ax.text(0.8, 1.5e-3, "needle", rotation=90, fontsize=12, color="black")
    marks = []
    for d in (1.0, 5.0, 10.0):
        (m,) = ax.plot([d], [1], "o", color=PALETTE["black"], ms=7)
        t = ax.annotate("", (d, 1), xytext=(6, 6), textcoords="offset points", fontsize=12)
        marks.append((d, m, t))
    art = dict(fig=fig, ax=ax, ax_schematic=ax_s, line=line, marks=marks)
    update_heating(art, profile)
    return art


def update_heating(art, profile):
    d, q = profile["distance_mm"], profile["heating_w_per_cm3"]
    art["line"].set_data(d, q)
    for dist, m, t in art["marks"]:
        val = float(np.interp(np.log(dist), np.log(d), q))
        m.set_data([dist], [max(val, 1e-3)])
        t.xy = (dist, max(val, 1e-3))
        t.set_text(f"{val:.2g}")
    return art


def _draw_schematic(ax):
    """Needle in a tumour inside the liver, current flowing to a pad on the skin."""
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 8)
    ax.set_aspect("equal")
    ax.axis("off")
    ax.add_patch(FancyBboxPatch((0.6, 1.2), 8.4, 5.0, boxstyle="round,pad=0.3,rounding_size=2",
                                fc="#f3d9c6", ec="#a0522d", lw=2))
    ax.text(7.6, 5.5, "liver", fontsize=13, color="#7a3b12")
    ax.add_patch(Circle((4.6, 3.6), 1.15, fc=PALETTE["purple"], alpha=0.55, ec="none"))
    ax.text(3.3, 3.6, "tumour", ha="right", va="center", fontsize=12)
    ax.plot([4.6, 4.6], [3.0, 7.8], color="#444", lw=4, solid_capstyle="round")
    ax.plot([4.6, 4.6], [3.0, 4.3], color=PALETTE["orange"], lw=5)
    ax.text(4.85, 7.3, "needle (electrode)", fontsize=12)
    ax.text(4.85, 4.35, "active tip", fontsize=11, color="#8a5a00")
    ax.add_patch(Rectangle((2.6, 0.05), 4.0, 0.45, fc=PALETTE["sky_blue"], ec="#225"))
    ax.text(4.6, -0.45, "return pad on the skin", ha="center", fontsize=12)
    for dx in (-1.2, 0.0, 1.2):
        ax.annotate("", xy=(4.6 + 1.6 * dx, 0.6), xytext=(4.6 + 0.3 * dx, 3.0),
                    arrowprops=dict(arrowstyle="->", color=PALETTE["blue"], lw=1.6,
                                    linestyle="--"))
    ax.text(1.0, 1.75, "current", fontsize=12, color=PALETTE["blue"])


# --- 2. damage threshold: Arrhenius against CEM43 -----------------------------------------------
def plot_damage_threshold(temps_c, t_arrhenius_s, t_cem_s, point, ax=None):
    """Time to cell death against temperature for the two damage models (log time axis).

    Parameters
    ----------
    temps_c : ndarray
        Temperatures (°C).
    t_arrhenius_s, t_cem_s : ndarray
        Time to Ω = 1 and to 240 CEM43 at each temperature (s).
    point : tuple
        (temperature °C, hold time min) of the learner's choice.
    """
    fig, ax = _fig_ax(ax, 9.5, 5.0)
    ax.axvspan(40, 45, color=PALETTE["sky_blue"], alpha=0.18)
    ax.axvspan(50, 60, color=PALETTE["orange"], alpha=0.15)
    ax.axvspan(60, temps_c[-1], color=WARNING, alpha=0.12)
    ax.text(42.5, 3e3 * 60 / 60, "hyper-\nthermia", ha="center", fontsize=11)
    ax.text(55, 3e3, "coagulation\nin minutes", ha="center", fontsize=11)
    ax.text(64.5, 3e3, "near-instant\ndeath", ha="center", fontsize=11)
    (arr,) = ax.plot(temps_c, t_arrhenius_s / 60, color=PALETTE["vermillion"],
                     label="Arrhenius, Ω = 1 (liver set)")
    (cem,) = ax.plot(temps_c, t_cem_s / 60, color=PALETTE["blue"], ls="--",
                     label="Thermal dose, 240 CEM43")
    (pt,) = ax.plot([point[0]], [point[1]], "D", ms=11, color=PALETTE["black"],
                    label="your choice")
    ax.set_yscale("log")
    ax.set_ylim(1e-3, 1e4)
    ax.set_xlim(temps_c[0], temps_c[-1])
    label_axes(ax, x=("Tissue temperature", "°C"), y=("Time until cells die", "log scale"),
               title="How long must tissue stay hot?")
    ax.set_yticks([1e-3, 1e-2, 1e-1, 1, 10, 100, 1000, 1e4])
    ax.set_yticklabels(["0.06 s", "0.6 s", "6 s", "1 min", "10 min", "100 min", "17 h",
                        "7 days"])
    ax.legend(loc="upper right", bbox_to_anchor=(1.0, 0.86))
    return dict(fig=fig, ax=ax, arrhenius=arr, cem=cem, point=pt)


def update_damage_threshold(art, point):
    art["point"].set_data([point[0]], [point[1]])
    return art


# --- 3. the ablation simulator -----------------------------------------------------------------
def polar_to_image(field, r_mm, theta_rad, half_width_mm=MAP_HALF_WIDTH_MM, n=161,
                   inside_value=None):
    """Resample a log-polar field (n_r, n_theta) onto an n × n Cartesian image (bilinear).

    Pixels inside the needle get ``inside_value``; pixels beyond the grid take the edge value.
    """
    x = np.linspace(-half_width_mm, half_width_mm, n)
    xx, yy = np.meshgrid(x, x)
    rr = np.hypot(xx, yy)
    th = np.mod(np.arctan2(yy, xx), 2 * np.pi)
    s = np.log(r_mm)
    ds = s[1] - s[0]
    dth = theta_rad[1] - theta_rad[0]
    fi = (np.log(np.maximum(rr, r_mm[0])) - s[0]) / ds
    fi = np.clip(fi, 0, len(r_mm) - 1.000001)
    i0 = np.floor(fi).astype(int)
    wi = fi - i0
    fj = (th - theta_rad[0]) / dth
    j0 = np.floor(fj).astype(int)
    wj = fj - j0
    nt = len(theta_rad)
    j0m, j1m = j0 % nt, (j0 + 1) % nt
    f = np.asarray(field, dtype=float)
    img = ((1 - wi) * ((1 - wj) * f[i0, j0m] + wj * f[i0, j1m])
           + wi * ((1 - wj) * f[i0 + 1, j0m] + wj * f[i0 + 1, j1m]))
    if inside_value is not None:
        img[rr < r_mm[0] * np.exp(-ds / 2)] = inside_value
    return img


def omega_contour_xy(omega, x_mm, y_mm):
    """The Ω = 1 contour of a log-polar damage field as one (x, y) polyline (NaN between parts).

    ln Ω is contoured at 0 on the curvilinear grid (angles wrapped round), so the outline shows
    the outer edge of the dead zone and any spared pocket, e.g. round a vessel.
    """
    lw = np.log(np.clip(np.asarray(omega, dtype=float), 1e-30, 1e30))
    wrap = lambda a: np.concatenate([a, a[:, :1]], axis=1)  # noqa: E731
    gen = contourpy.contour_generator(wrap(x_mm), wrap(y_mm), wrap(lw),
                                      line_type=contourpy.LineType.Separate)
    parts = gen.lines(0.0)
    if not parts:
        return np.array([]), np.array([])
    xs, ys = [], []
    for part in parts:
        xs += [part[:, 0], [np.nan]]
        ys += [part[:, 1], [np.nan]]
    return np.concatenate(xs[:-1]), np.concatenate(ys[:-1])


def _circle_xy(cx, cy, radius, n=100):
    t = np.linspace(0, 2 * np.pi, n)
    return cx + radius * np.cos(t), cy + radius * np.sin(t)


def plot_ablation_map(result, snapshot=-1, ax=None):
    """Temperature map across the needle, the lesion outline, tumour, margins and vessel.

    Parameters
    ----------
    result : AblationResult
        From :func:`netteach.models.rfa.simulate_ablation`.
    snapshot : int
        Which stored snapshot to show (default the end).
    """
    if ax is None:
        fig, ax = new_figure(7.0, 7.0)
    else:
        fig = ax.figure
    h = MAP_HALF_WIDTH_MM
    img = polar_to_image(result.snapshot_temperature_c[snapshot], result.r_mm,
                         result.theta_rad)
    im = ax.imshow(img, origin="lower", extent=(-h, h, -h, h), cmap=HEAT_CMAP,
                   norm=Normalize(*TEMP_RANGE_C), interpolation="bilinear")
    cb = fig.colorbar(im, ax=ax, shrink=0.85, pad=0.02)
    cb.set_label("Temperature (°C)")
    outlined = [patheffects.Stroke(linewidth=4.6, foreground=LESION_COLOUR), patheffects.Normal()]
    (lesion,) = ax.plot([], [], color="white", lw=2.4, path_effects=outlined)
    lesion_edge = lesion
    (tumour,) = ax.plot([], [], color=TUMOUR_COLOUR, lw=2.6, ls="--")
    (m5,) = ax.plot([], [], color=PALETTE["green"], lw=1.6, ls=":")
    (m10,) = ax.plot([], [], color=PALETTE["green"], lw=1.6, ls="-.")
    vessel = Circle((0, 0), 0.1, fc=VESSEL_COLOUR, ec="white", lw=1.5, visible=False, zorder=4)
    ax.add_patch(vessel)
    needle = Circle((0, 0), result.needle_radius_mm, fc="#bbbbbb", ec="black", zorder=5)
    ax.add_patch(needle)
    ax.set_xlim(-h, h)
    ax.set_ylim(-h, h)
    ax.set_aspect("equal")
    ax.grid(False)
    label_axes(ax, x=("Distance across", "mm"), y=("Distance across", "mm"))
    title = ax.set_title("")
    vessel_label = ax.text(0, 0, "vessel", color="white", fontsize=12, ha="center",
                           va="top", visible=False, zorder=6, fontweight="bold")
    ax.plot([], [], color="white", lw=2.4, path_effects=outlined,
            label="edge of dead zone (Ω = 1)")
    ax.plot([], [], color=TUMOUR_COLOUR, lw=2.6, ls="--", label="tumour")
    ax.plot([], [], color=PALETTE["green"], lw=1.6, ls=":", label="5 mm margin")
    ax.plot([], [], color=PALETTE["green"], lw=1.6, ls="-.", label="10 mm margin")
    leg = ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.13), fontsize=12, ncol=2,
                    frameon=False)
    art = dict(fig=fig, ax=ax, im=im, lesion=lesion, lesion_edge=lesion_edge, tumour=tumour,
               m5=m5, m10=m10, vessel=vessel, vessel_label=vessel_label, title=title,
               legend=leg, needle=needle)
    # everything drawn over the image, in drawing order (for panels that redraw only these)
    art["overlay"] = [im, tumour, m5, m10, lesion, vessel, vessel_label, needle, title]
    update_ablation_map(art, result, snapshot)
    return art


def update_ablation_map(art, result, snapshot=-1):
    """Redraw everything that depends on the run (tumour, vessel) and the shown snapshot."""
    if result.tumour_diameter_mm:
        rt = 0.5 * result.tumour_diameter_mm
        art["tumour"].set_data(*_circle_xy(0, 0, rt))
        art["m5"].set_data(*_circle_xy(0, 0, rt + 5))
        art["m10"].set_data(*_circle_xy(0, 0, rt + 10))
    else:
        for k in ("tumour", "m5", "m10"):
            art[k].set_data([], [])
    if result.vessel_diameter_mm:
        rv = 0.5 * result.vessel_diameter_mm
        cx = result.vessel_distance_mm + rv
        art["vessel"].center = (cx, 0.0)
        art["vessel"].set_radius(rv)
        art["vessel"].set_visible(True)
        art["vessel_label"].set_position((cx, -rv - 0.6))
        art["vessel_label"].set_visible(cx + rv < MAP_HALF_WIDTH_MM)
    else:
        art["vessel"].set_visible(False)
        art["vessel_label"].set_visible(False)
    update_ablation_time(art, result, snapshot)
    return art


def update_ablation_time(art, result, snapshot):
    """Show one stored snapshot: the only work done while scrubbing the time slider."""
    img = polar_to_image(result.snapshot_temperature_c[snapshot], result.r_mm,
                         result.theta_rad)
    art["im"].set_data(img)
    xy = omega_contour_xy(result.snapshot_omega[snapshot], result.x_mm, result.y_mm)
    art["lesion"].set_data(*xy)
    t_min = result.snapshot_times_s[snapshot] / 60
    art["title"].set_text(f"Slice across the needle at {t_min:.1f} min")
    return art


def _smoothed_power(result, window_s=60.0):
    """Delivered power averaged over a sliding window (the generator pulses after roll-off)."""
    t = result.times_s
    p = result.power_history_w
    n = max(1, int(round(window_s / max(t[1] - t[0], 1e-9)))) if t.size > 1 else 1
    if n <= 1 or p.size <= n:
        return p
    c = np.cumsum(np.insert(p, 0, 0.0))
    out = np.empty_like(p)
    idx = np.arange(p.size)
    lo = np.maximum(0, idx - n + 1)
    out[:] = (c[idx + 1] - c[lo]) / (idx + 1 - lo)
    return out


def plot_ablation_history(result, ax=None):
    """Generator power and hottest tissue temperature over time (two stacked axes)."""
    if ax is None:
        fig, (ax_p, ax_t) = new_figure(6.6, 7.0, 2, 1, sharex=True)
    else:
        fig, ax_p = ax.figure, ax
        ax_t = ax.twinx()
    t = result.times_s / 60
    (setting,) = ax_p.plot(t, np.full_like(t, result.power_w), color=NEUTRAL, ls="--", lw=2.4,
                           label="setting")
    (power,) = ax_p.plot(t, _smoothed_power(result), color=PALETTE["orange"], lw=2.2,
                         label="delivered (1-min average)")
    ax_p.legend(loc="center right", fontsize=11)
    label_axes(ax_p, y=("Power", "W"), title="Generator and hottest tissue")
    ax_t.axhline(100, color=NEUTRAL, ls=":", lw=1.6, label="100 °C: water boils")
    ax_t.axhline(60, color=NEUTRAL, ls="-.", lw=1.2, label="60 °C: cells die at once")
    (tmax,) = ax_t.plot(t, result.max_temperature_history_c, color=PALETTE["vermillion"],
                        label="hottest tissue")
    (probe,) = ax_t.plot(t, result.probe_temperatures((10.0,))[0], color=PALETTE["blue"],
                         label="10 mm from needle")
    ax_t.set_ylim(15, 130)
    label_axes(ax_t, x=("Time", "min"), y=("Temperature", "°C"))
    handles, labels = ax_t.get_legend_handles_labels()
    order = [2, 3, 0, 1]
    ax_t.legend([handles[i] for i in order], [labels[i] for i in order], loc="lower right",
                fontsize=11, ncol=2)
    art = dict(fig=fig, ax_power=ax_p, ax_temp=ax_t, power=power, setting=setting, tmax=tmax,
               probe=probe)
    update_ablation_history(art, result)
    return art


def update_ablation_history(art, result):
    t = result.times_s / 60
    art["power"].set_data(t, _smoothed_power(result))
    art["setting"].set_data(t, np.full_like(t, result.power_w))
    art["tmax"].set_data(t, result.max_temperature_history_c)
    art["probe"].set_data(t, result.probe_temperatures((10.0,))[0])
    art["ax_power"].set_xlim(0, t[-1])
    art["ax_power"].set_ylim(0, max(5.0, 1.15 * result.power_w))
    art["ax_temp"].set_ylim(15, max(130.0, float(np.ceil(result.max_temperature_c + 5))))
    return art


# --- 4. margins and local control ----------------------------------------------------------------
MARGIN_GROUPS = ("0 mm", "1-5 mm", "6-10 mm", "11-15 mm")


def plot_margin_outcomes(lpfs_percent, highlight=None, ax=None):
    """Two-year local-progression-free survival by ablative margin (Wang 2013).

    Parameters
    ----------
    lpfs_percent : sequence of 4 floats
        Percent free of local progression at 2 years for margins 0, 1-5, 6-10, 11-15 mm.
    highlight : int, optional
        Index of the group to highlight.
    """
    fig, ax = _fig_ax(ax, 7.5, 4.6)
    bars = ax.bar(MARGIN_GROUPS, lpfs_percent, color=NEUTRAL, edgecolor="black")
    for b, v in zip(bars, lpfs_percent, strict=True):
        ax.text(b.get_x() + b.get_width() / 2, v + 2, f"{v:g}%", ha="center", fontsize=13)
    ax.set_ylim(0, 100)
    label_axes(ax, x=("Ablative margin", None),
               y=("Free of regrowth at 2 years", "%"),
               title="Wider margins, less regrowth")
    art = dict(fig=fig, ax=ax, bars=bars)
    update_margin_outcomes(art, highlight)
    return art


def update_margin_outcomes(art, highlight):
    for i, b in enumerate(art["bars"]):
        b.set_facecolor(PALETTE["green"] if i == highlight else NEUTRAL)
    return art


# --- 5. evidence in NETs -------------------------------------------------------------------------
def plot_net_evidence(ax=None):
    """Local recurrence at the ablated spot versus recurrence anywhere (two NET studies)."""
    fig, ax = _fig_ax(ax, 9.0, 4.0)
    labels = ["Regrowth at the ablated spot\n(94 patients, HPB 2013)",
              "Disease came back anywhere\n(review of 8 studies, 2015)"]
    ax.barh([1], [3.8], color=PALETTE["green"], height=0.5)
    ax.barh([0], [87 - 63], left=[63], color=PALETTE["vermillion"], height=0.5)
    ax.text(5, 1, "3.8%", va="center", fontsize=14)
    ax.text(88, 0, "63-87%\n(range)", va="center", fontsize=13)
    ax.set_yticks([1, 0])
    ax.set_yticklabels(labels)
    ax.set_xlim(0, 100)
    ax.set_ylim(-0.6, 1.6)
    label_axes(ax, x=("Patients", "%"), title="Treated spot controlled; disease often returns")
    return dict(fig=fig, ax=ax)
