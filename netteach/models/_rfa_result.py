"""The result of an RFA simulation and the lesion-outline helpers.

Private module; :class:`AblationResult` is re-exported by :mod:`netteach.models.rfa`.
For teaching only, not for clinical decisions.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..validation import check_scalar

__all__ = ["AblationResult", "outline", "at_angle"]


def outline(omega, grid, blocked=None, contiguous=True):
    """Edge radius (m) of the Ω ≥ 1 zone on every ray; the needle radius where there is none.

    ``contiguous=True``: going outwards from the first dead cell on the ray, the radius where
    tissue first survives (Ω < 1, or a ``blocked`` cell such as the vessel's lumen). This is the
    edge of the dead zone around the needle, and it stops at a vessel even if heat wraps round
    the vessel and kills tissue behind it. ``contiguous=False``: the outermost dead cell.
    A thin rim of cooled tissue touching a cooled needle is skipped. Between the last dead cell
    and the next one, ln Ω is interpolated linearly in ln r.
    """
    nr = grid.n_r
    dead = omega >= 1.0
    if blocked is not None:
        dead = dead & ~blocked
    any_dead = dead.any(axis=0)
    if contiguous and blocked is not None:
        # a ray that meets the vessel before any dead tissue has no dead zone at the needle
        first_block = np.where(blocked.any(axis=0), np.argmax(blocked, axis=0), nr)
        any_dead &= np.argmax(dead, axis=0) < first_block
    if contiguous:
        first = np.argmax(dead, axis=0)
        idx = np.arange(nr)[:, None]
        after = (~dead) & (idx > first[None, :])
        has_stop = after.any(axis=0)
        stop = np.where(has_stop, np.argmax(after, axis=0), nr)
        last = stop - 1
    else:
        last = nr - 1 - np.argmax(dead[::-1], axis=0)
    s = np.log(grid.r)
    out = np.full(grid.n_theta, grid.a_m)
    cols = np.arange(grid.n_theta)
    i = last[any_dead]
    j = cols[any_dead]
    edge = i + 1 < nr
    rad = np.exp(s[np.minimum(i, nr - 1)])
    ii, jj = i[edge], j[edge]
    w0 = np.log(np.maximum(omega[ii, jj], 1e-300))
    w1 = np.log(np.maximum(omega[ii + 1, jj], 1e-300))
    if blocked is not None:
        w1 = np.where(blocked[ii + 1, jj], np.minimum(w1, -w0 - 1e-12), w1)
    frac = np.clip(w0 / np.maximum(w0 - w1, 1e-12), 0.0, 1.0)
    rad[edge] = np.exp(s[ii] + frac * (s[ii + 1] - s[ii]))
    out[any_dead] = rad
    return out


def at_angle(values, theta, angle):
    """Periodic linear interpolation of per-ray values at ``angle`` (rad)."""
    tt = np.concatenate([theta - 2 * np.pi, theta, theta + 2 * np.pi])
    vv = np.concatenate([values, values, values])
    return float(np.interp(angle % (2 * np.pi), tt, vv))


@dataclass
class AblationResult:
    """Result of :func:`simulate_ablation`. Lengths in mm, temperatures in °C, times in s.

    The vessel (if any) lies along the +x axis (angle 0); "away" is the opposite direction
    (angle π). Fields are shaped (n_radial, n_angular) on the log-polar grid with cell centres
    ``r_mm`` × ``theta_rad`` (Cartesian centres ``x_mm``, ``y_mm``; cell edges ``r_edges_mm``,
    ``theta_edges_rad``).

    ``outline_mm`` (per angle) is the edge of the dead zone around the needle: going outwards
    along each ray, where tissue first survives. It stops at a vessel even when heat wraps round
    the vessel and kills tissue behind it (``outer_outline_mm`` is the outermost dead tissue).
    ``ablation_zone_diameter_mm`` = edge towards the vessel + edge away from it (angles 0 and π),
    ``equivalent_diameter_mm`` is the diameter of a circle with the area of all dead tissue.
    ``min_margin_mm`` = smallest ``outline_mm`` minus the tumour radius.
    """

    power_w: float
    duration_s: float
    vessel_diameter_mm: float | None
    vessel_distance_mm: float | None
    perfusion_per_s: float
    tumour_diameter_mm: float | None
    cooled_needle: bool
    active_tip_length_mm: float
    needle_radius_mm: float
    r_mm: np.ndarray
    theta_rad: np.ndarray
    r_edges_mm: np.ndarray
    theta_edges_rad: np.ndarray
    x_mm: np.ndarray
    y_mm: np.ndarray
    vessel_fraction: np.ndarray
    times_s: np.ndarray
    power_history_w: np.ndarray
    impedance_ratio: np.ndarray
    max_temperature_history_c: np.ndarray
    away_temperature_history_c: np.ndarray
    snapshot_times_s: np.ndarray
    snapshot_temperature_c: np.ndarray
    snapshot_omega: np.ndarray
    snapshot_outline_mm: np.ndarray
    temperature_c: np.ndarray
    omega: np.ndarray
    cem43_min: np.ndarray
    outline_mm: np.ndarray
    outer_outline_mm: np.ndarray
    ablation_zone_diameter_mm: float
    radius_towards_vessel_mm: float
    radius_away_mm: float
    equivalent_diameter_mm: float
    max_temperature_c: float
    min_margin_mm: float | None
    energy_j: dict = field(default_factory=dict)

    @property
    def energy_balance_error(self) -> float:
        """|deposited − (stored + carried off)| / deposited (0 when nothing was deposited)."""
        e = self.energy_j
        out = e["stored"] + e["perfusion"] + e["vessel"] + e["outer"] + e["needle"]
        return abs(e["deposited"] - out) / e["deposited"] if e["deposited"] > 0 else 0.0

    def radial_profile(self, direction="away", snapshot=-1):
        """Temperature and damage along a line from the needle's centre.

        Parameters
        ----------
        direction : {"away", "towards"}
            "away" from the vessel (angle π) or "towards" it (angle 0). Without a vessel both
            are the same.
        snapshot : int
            Index into the stored snapshots; -1 (default) is the end of the ablation.

        Returns
        -------
        dict
            ``distance_mm`` (from the needle's centre), ``temperature_c``, ``omega``,
            ``cem43_min`` (final only; None for earlier snapshots) and ``edge_mm`` (where Ω
            falls to 1).
        """
        if direction not in ("away", "towards"):
            raise ValueError(f"direction must be one of 'away', 'towards'; got {direction!r}")
        n = self.snapshot_times_s.size
        snap = check_scalar("snapshot", snapshot, -n, n - 1, integer=True)
        nt = self.theta_rad.size
        cols = [nt // 2 - 1, nt // 2] if direction == "away" else [nt - 1, 0]
        temp = self.snapshot_temperature_c[snap][:, cols].astype(float).mean(axis=1)
        om = np.exp(np.log(np.maximum(self.snapshot_omega[snap][:, cols].astype(float),
                                      1e-300)).mean(axis=1))
        final = snap in (-1, n - 1)
        cem = self.cem43_min[:, cols].mean(axis=1) if final else None
        edge = self.radius_away_mm if direction == "away" else self.radius_towards_vessel_mm
        if not final:
            out = self.snapshot_outline_mm[snap]
            edge = at_angle(out, self.theta_rad, np.pi if direction == "away" else 0.0)
        return dict(distance_mm=self.r_mm.copy(), temperature_c=temp, omega=om,
                    cem43_min=cem, edge_mm=edge)

    def snapshot_index(self, time_s):
        """Index of the stored snapshot nearest to ``time_s`` (s)."""
        t = check_scalar("time_s", time_s, 0.0, float(self.snapshot_times_s[-1]), unit="s")
        return int(np.argmin(np.abs(self.snapshot_times_s - t)))

    def probe_temperatures(self, distances_mm=(5.0, 10.0, 15.0, 20.0)):
        """Temperature history (°C) at points away from the vessel: array (n_points, n_times)."""
        d = [check_scalar("distances_mm", x, float(self.r_mm[0]), float(self.r_mm[-1]),
                          unit="mm") for x in np.atleast_1d(distances_mm)]
        s = np.log(self.r_mm)
        return np.array([[np.interp(np.log(x), s, row) for row in
                          self.away_temperature_history_c] for x in d])
