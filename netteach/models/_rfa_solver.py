"""Finite-volume solver for RF ablation in a cross-section perpendicular to the needle.

Private module used by :mod:`netteach.models.rfa`. For teaching only, not for clinical decisions.

Geometry
--------
A 2-D cross-section perpendicular to a long active tip: the needle is a circle of radius ``a``
at the origin and the tissue fills the annulus ``a < r < R``. Everything is assumed uniform
along the needle (an *infinite* active tip), so power is given per unit length
(power / active tip length). The grid is log-polar: s = ln r and θ, with uniform steps. In these
coordinates the 2-D operator ∇·(k∇T) becomes r⁻²[∂s(k∂sT) + ∂θ(k∂θT)], so the conductance of
every cell face is k Δθ/Δs (radial) or k Δs/Δθ (angular), independent of r; fine cells near the
needle where the field is strong, coarse cells far away.

Discretisation
--------------
* Electrical potential: ∇·(σ∇V) = 0, V = V0 on the needle, 0 on the outer edge (the return
  path). Joule heat is σ|∇V|² evaluated face by face (G_f ΔV², half to each cell), so the heat
  deposited equals the power drawn exactly.
* Heat: backward Euler in time with a constant, once-factorised matrix (heat capacity,
  conduction, vessel sink, boundaries); the Pennes perfusion term is taken from the previous step
  so that perfusion can shut down in damaged tissue without refactorising.
* Vessel: cells covered by the vessel are tied to 37 °C by a strong conductance proportional to
  the covered fraction of the cell (the flowing blood holds the wall near 37 °C).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ._rfa_linalg import HeatSolver, ModeSolver, solve_potential  # noqa: F401


@dataclass
class Grid:
    """Log-polar grid. Arrays are shaped (n_r, n_theta)."""

    a_m: float
    r_out_m: float
    n_r: int
    n_theta: int

    def __post_init__(self):
        self.ds = np.log(self.r_out_m / self.a_m) / self.n_r
        self.dtheta = 2 * np.pi / self.n_theta
        self.r_faces = self.a_m * np.exp(self.ds * np.arange(self.n_r + 1))
        self.r = np.sqrt(self.r_faces[:-1] * self.r_faces[1:])
        self.theta = (np.arange(self.n_theta) + 0.5) * self.dtheta
        self.theta_faces = np.arange(self.n_theta + 1) * self.dtheta
        ring_area = 0.5 * (self.r_faces[1:] ** 2 - self.r_faces[:-1] ** 2) * self.dtheta
        self.area = np.repeat(ring_area[:, None], self.n_theta, axis=1)
        self.x = self.r[:, None] * np.cos(self.theta)[None, :]
        self.y = self.r[:, None] * np.sin(self.theta)[None, :]
        self.n = self.n_r * self.n_theta
        # geometric factors of the faces (conductance = material property × factor)
        self.g_rad = self.dtheta / self.ds         # between radial neighbours
        self.g_ang = self.ds / self.dtheta         # between angular neighbours
        self.g_bnd = 2.0 * self.dtheta / self.ds   # cell centre to needle wall / outer edge

    def index(self, i, j):
        return i * self.n_theta + (j % self.n_theta)


def vessel_fraction(grid: Grid, centre_x_m: float, radius_m: float, sub: int = 6) -> np.ndarray:
    """Fraction of each cell covered by a circular vessel (sub-sampled in s and θ)."""
    frac = np.zeros((grid.n_r, grid.n_theta))
    if radius_m <= 0:
        return frac
    # candidate cells: centre within radius + cell size of the vessel centre
    d = np.hypot(grid.x - centre_x_m, grid.y)
    size = np.maximum(grid.r[:, None] * grid.dtheta, grid.r[:, None] * grid.ds)
    cand = np.argwhere(d < radius_m + 1.5 * size)
    if cand.size == 0:
        return frac
    u = (np.arange(sub) + 0.5) / sub
    i, j = cand[:, 0], cand[:, 1]
    s0 = np.log(grid.r_faces[i])
    th0 = grid.theta_faces[j]
    ss = s0[:, None, None] + grid.ds * u[None, :, None]
    tt = th0[:, None, None] + grid.dtheta * u[None, None, :]
    rr = np.exp(ss)
    # weight sub-points by area (∝ r²) so the fraction is an area fraction
    w = np.broadcast_to(rr ** 2, (len(i), sub, sub))
    inside = np.hypot(rr * np.cos(tt) - centre_x_m, rr * np.sin(tt)) <= radius_m
    frac[i, j] = (w * inside).sum(axis=(1, 2)) / w.sum(axis=(1, 2))
    return frac


@dataclass
class Physics:
    """Material, generator and damage parameters of one run (SI units, temperatures in °C)."""

    k: float
    rho_c: float
    rho_c_blood: float
    perfusion_per_s: float
    sigma0: float
    sigma_alpha_per_k: float
    sigma_blood: float
    desiccation_factor: float
    desiccation_width_k: float
    boiling_c: float
    body_c: float
    cooled: bool
    wall_c: float
    rolloff_ratio: float
    arrhenius_a: float
    arrhenius_ea: float
    gas_r: float
    kelvin: float
    perfusion_shutdown: bool = True
    vessel_conductance: float = 200.0   # × k: ties covered cells to 37 °C
    sigma_fixed: bool = False           # True: σ independent of temperature (analytic tests)


def tissue_sigma(ph: Physics, temp_c):
    """Electrical conductivity of tissue (S/m) at a temperature: linear rise, then drying."""
    if ph.sigma_fixed:
        return np.full_like(temp_c, ph.sigma0)
    t = np.minimum(temp_c, ph.boiling_c)
    sig = ph.sigma0 * (1.0 + ph.sigma_alpha_per_k * (t - ph.body_c))
    over = np.clip((temp_c - ph.boiling_c) / ph.desiccation_width_k, 0.0, 1.0)
    return sig * ph.desiccation_factor ** over


def _rate(ph: Physics, temp_c):
    return np.exp(np.log(ph.arrhenius_a) - ph.arrhenius_ea / (ph.gas_r * (temp_c + ph.kelvin)))


def _cem_rate_per_s(temp_c):
    r = np.where(temp_c >= 43.0, 0.5, 0.25)
    return r ** (43.0 - temp_c) / 60.0


@dataclass
class RawRun:
    """Everything one run produces (SI units; fields (n_r, n_theta))."""

    times_s: np.ndarray
    power_w_per_m: np.ndarray
    impedance_ratio: np.ndarray
    max_temp_c: np.ndarray
    ray_temp_c: np.ndarray          # (n_steps + 1, n_r) along the ray away from the vessel
    snap_times_s: np.ndarray
    snap_temp_c: np.ndarray         # (n_snap, n_r, n_theta), float32
    snap_omega: np.ndarray          # (n_snap, n_r, n_theta), float32
    temp_c: np.ndarray
    omega: np.ndarray
    cem43_min: np.ndarray
    energy: dict


def run(grid: Grid, ph: Physics, power_w_per_m: float, duration_s: float, dt_s: float,
        vessel_frac: np.ndarray, potential_every: int = 1, snapshot_every_s: float = 15.0,
        ray_cols=(0,), source_override: np.ndarray | None = None) -> RawRun:
    """March the coupled electrical-thermal problem in time.

    Generator: constant power ``power_w_per_m`` while the impedance stays below
    ``rolloff_ratio`` × its lowest value so far; above that (tissue drying at 100 °C) the power
    is cut for that step, as a generator pauses after roll-off, and comes back once the tissue
    has cooled and the impedance has fallen.

    ``source_override`` (W/m per cell) replaces the Joule heating by a fixed source: used by
    the analytic tests to put a known line source into the same discretisation.
    """
    k = ph.k
    cap = ph.rho_c * grid.area                              # J/(m K) per cell
    perf = ph.rho_c_blood * ph.perfusion_per_s * grid.area  # W/(m K) per cell
    # Only the vessel's rim cells (covered cells with an uncovered neighbour) need the sink:
    # the cells deep inside the lumen have no source (their Joule heat goes straight into the
    # flowing blood) and are surrounded by rim cells held near 37 °C, so they stay there too.
    # This keeps the Woodbury correction small for large vessels.
    full = vessel_frac >= 0.999
    deep = full & np.roll(full, 1, 1) & np.roll(full, -1, 1)
    deep[1:-1] &= full[:-2] & full[2:]
    deep[[0, -1]] = False
    sink = ph.vessel_conductance * k * np.where(deep, 0.0, vessel_frac)   # W/(m K) per cell
    inner_k = k if ph.cooled else 0.0
    mode = ModeSolver(grid, np.full(grid.n_r, k), inner_k, k, cap[:, 0] / dt_s)
    heat_solver = HeatSolver(mode, sink)
    tissue_mask = vessel_frac < 0.5

    u = np.zeros((grid.n_r, grid.n_theta))                  # excess temperature T - 37
    u_wall = ph.wall_c - ph.body_c
    bc_wall = np.zeros_like(u)
    bc_wall[0, :] = inner_k * grid.g_bnd * u_wall
    omega = np.zeros_like(u)
    cem = np.zeros_like(u)

    n_steps = max(1, int(round(duration_s / dt_s)))
    times = np.arange(n_steps + 1) * dt_s
    power = np.zeros(n_steps + 1)
    zratio = np.ones(n_steps + 1)
    tmax = np.full(n_steps + 1, ph.body_c)
    ray = np.full((n_steps + 1, grid.n_r), ph.body_c)
    snap_every = max(1, int(round(snapshot_every_s / dt_s)))
    snaps_t, snaps_u, snaps_w = [0.0], [np.full(u.shape, ph.body_c, np.float32)], [
        omega.astype(np.float32)]
    e_in = e_perf = e_vessel = e_outer = e_needle = 0.0

    heat_unit = v = sig_solved = None
    p1 = p1_first = p1_max = None
    cap_dt = cap / dt_s
    rate_old = _rate(ph, u + ph.body_c)
    cem_old = _cem_rate_per_s(u + ph.body_c)
    for n in range(1, n_steps + 1):
        if source_override is not None:
            q = source_override
            p_now = float(q.sum())
        else:
            sig = vessel_frac * ph.sigma_blood + (1 - vessel_frac) * tissue_sigma(
                ph, u + ph.body_c)
            if (n - 1) % potential_every == 0:
                v, heat_unit, p1 = solve_potential(grid, sig, v)
                sig_solved = sig
                heat_now = heat_unit
                if p1_first is None:
                    p1_first = p1_max = p1
            else:
                # between full solves: first-order update at the last potential (Thomson's
                # principle: exact to first order in the change of σ)
                heat_now = heat_unit * (sig / sig_solved)
                p1 = float(heat_now.sum())
            p1_max = max(p1_max, p1)
            # impedance ∝ 1/p1: compare with its lowest value so far
            rolled_off = p1_max / p1 > ph.rolloff_ratio
            p_now = 0.0 if rolled_off else power_w_per_m
            q = heat_now * (p_now / p1)
            zratio[n] = p1_first / p1
        perf_now = perf * (omega < 1.0) if ph.perfusion_shutdown else perf
        if deep.any():
            e_vessel += float(q[deep].sum()) * dt_s
            q = np.where(deep, 0.0, q)
        rhs = cap_dt * u + q + bc_wall - perf_now * u
        u_new = heat_solver.solve(rhs)
        # energy bookkeeping (J/m)
        e_in += p_now * dt_s
        e_perf += float((perf_now * u).sum()) * dt_s
        e_vessel += float((sink * u_new).sum()) * dt_s
        e_outer += float((k * grid.g_bnd * u_new[-1]).sum()) * dt_s
        e_needle += float((inner_k * grid.g_bnd * (u_new[0] - u_wall)).sum()) * dt_s
        temp_new = u_new + ph.body_c
        rate_new = _rate(ph, temp_new)
        omega += 0.5 * dt_s * (rate_old + rate_new)
        cem_new = _cem_rate_per_s(temp_new)
        cem += 0.5 * dt_s * (cem_old + cem_new)
        rate_old, cem_old = rate_new, cem_new
        u = u_new
        power[n] = p_now
        tmax[n] = float(temp_new[tissue_mask].max())
        ray[n] = temp_new[:, list(ray_cols)].mean(axis=1)
        if n % snap_every == 0 or n == n_steps:
            snaps_t.append(times[n])
            snaps_u.append(temp_new.astype(np.float32))
            snaps_w.append(omega.astype(np.float32))
    power[0] = power[1]
    stored = float((cap * u).sum())
    energy = dict(deposited=e_in, stored=stored, perfusion=e_perf, vessel=e_vessel,
                  outer=e_outer, needle=e_needle)
    return RawRun(times, power, zratio, tmax, ray, np.array(snaps_t), np.array(snaps_u),
                  np.array(snaps_w), u + ph.body_c, omega, cem, energy)


def steady_state(grid: Grid, ph: Physics, source_w_per_m: np.ndarray):
    """Steady temperature (°C) for a fixed source, same operators as :func:`run` (no vessel).

    Perfusion is uniform (no damage) so the operator is exact for :class:`ModeSolver`.
    """
    k = ph.k
    inner_k = k if ph.cooled else 0.0
    perf = ph.rho_c_blood * ph.perfusion_per_s * grid.area[:, 0]
    mode = ModeSolver(grid, np.full(grid.n_r, k), inner_k, k, perf)
    rhs = np.array(source_w_per_m, dtype=float)
    rhs[0, :] += inner_k * grid.g_bnd * (ph.wall_c - ph.body_c)
    return mode.solve(rhs) + ph.body_c
