"""RFA solver: analytic steady states in the solver's own geometry, energy balance, convergence.

The solver works in a cross-section across an infinitely long active tip (2-D, cylindrical
symmetry around the needle when there is no vessel). The analytic checks are therefore the
cylindrical (line-source) versions of the checks in fact base 4.8:

* Potential between the needle (radius a, V = 1) and the outer edge (radius R, V = 0) with
  uniform sigma: V(r) = ln(R/r) / ln(R/a), power per length 2 pi sigma V0^2 / ln(R/a).
* Joule heating of that field, adiabatic needle, no perfusion, T(R) = T0 (derived here by
  integrating (1/r)(r T')' = -Q/k twice with Q = sigma V0^2 / (r^2 ln^2(R/a))):
  dT(r) = (P' / (4 pi k ln(R/a))) ln(R/r) [ln(R/a) + ln(r/a)].
* Pennes with perfusion, heat P' per length injected at radius b, adiabatic inside
  (fact base 4.8 item 2, perfusion length L = sqrt(k / (rho_b c_b w_b)) = 4.4 mm; the cylinder
  form of the sphere result): dT(r) = P' K0(r/L) / (2 pi k (b/L) K1(b/L)).
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy.special import k0, k1

from netteach.constants import rfa as C
from netteach.models import _rfa_solver as S
from netteach.models import rfa

A_M = C.RFA_NEEDLE_RADIUS_MM * 1e-3
R_M = C.RFA_MODEL_DOMAIN_RADIUS_MM * 1e-3


def _grid(nr=64, nt=96):
    return S.Grid(A_M, R_M, nr, nt)


def _physics(perfusion_per_s=0.0):
    ph = rfa._default_physics(perfusion_per_s, cooled_needle=False)
    ph.sigma_fixed = True
    ph.perfusion_shutdown = False
    return ph


def test_potential_matches_log_solution():
    g = _grid()
    sigma = np.full((g.n_r, g.n_theta), C.RFA_LIVER_ELECTRICAL_CONDUCTIVITY_S_PER_M)
    v, heat, total = S.solve_potential(g, sigma)
    exact = np.log(R_M / g.r) / np.log(R_M / A_M)
    assert np.max(np.abs(v - exact[:, None])) < 1e-8
    p1 = 2 * np.pi * C.RFA_LIVER_ELECTRICAL_CONDUCTIVITY_S_PER_M / np.log(R_M / A_M)
    assert total == pytest.approx(p1, rel=1e-8)
    assert heat.sum() == pytest.approx(total, rel=1e-12)   # heat deposited = power drawn


def _joule_source(g, p_per_m):
    sigma = np.full((g.n_r, g.n_theta), C.RFA_LIVER_ELECTRICAL_CONDUCTIVITY_S_PER_M)
    _, heat, total = S.solve_potential(g, sigma)
    return heat * (p_per_m / total)


def _joule_exact(r, p_per_m):
    k = C.RFA_LIVER_THERMAL_CONDUCTIVITY_W_PER_M_K
    lra = np.log(R_M / A_M)
    return p_per_m / (4 * np.pi * k * lra) * np.log(R_M / r) * (lra + np.log(r / A_M))


@pytest.mark.parametrize("nr,nt", [(64, 96), (128, 192)])
def test_joule_heating_steady_state_without_perfusion(nr, nt):
    g = _grid(nr, nt)
    p = 2.0                                      # W per metre of tip
    temp = S.steady_state(g, _physics(0.0), _joule_source(g, p))
    exact = _joule_exact(g.r, p)
    away = (g.r > 2e-3) & (g.r < 0.75 * R_M)
    rel = np.abs(temp[away, 0] - 37.0 - exact[away]) / exact[away]
    assert rel.max() < 0.03
    assert np.ptp(temp, axis=1).max() < 1e-9    # no angular dependence


def test_time_marching_reaches_the_joule_steady_state():
    """The time-stepping solver itself (run) settles on the same analytic profile."""
    g = _grid()
    p = 2.0
    raw = S.run(g, _physics(0.0), 0.0, 4.0e6, 2.0e4, np.zeros((g.n_r, g.n_theta)),
                snapshot_every_s=1e6, source_override=_joule_source(g, p))
    exact = _joule_exact(g.r, p)
    away = (g.r > 2e-3) & (g.r < 0.75 * R_M)
    rel = np.abs(raw.temp_c[away, 0] - 37.0 - exact[away]) / exact[away]
    assert rel.max() < 0.03


def _ring_source(g, p_per_m):
    q = np.zeros((g.n_r, g.n_theta))
    q[0, :] = p_per_m / g.n_theta
    return q


def _pennes_exact(r, b, p_per_m, perfusion_per_s):
    k = C.RFA_LIVER_THERMAL_CONDUCTIVITY_W_PER_M_K
    rho_c_b = C.RFA_BLOOD_DENSITY_KG_PER_M3 * C.RFA_BLOOD_SPECIFIC_HEAT_J_PER_KG_K
    length = np.sqrt(k / (rho_c_b * perfusion_per_s))
    return p_per_m * k0(r / length) / (2 * np.pi * k * (b / length) * k1(b / length))


@pytest.mark.parametrize("perfusion", [C.RFA_LIVER_PERFUSION_PER_S,
                                       C.RFA_LIVER_PERFUSION_MW_MODEL_PER_S])
def test_pennes_line_source_matches_bessel_solution(perfusion):
    g = _grid()
    p = 30.0
    temp = S.steady_state(g, _physics(perfusion), _ring_source(g, p))
    b = g.r_faces[1]                              # heat enters through the first ring
    exact = _pennes_exact(g.r, b, p, perfusion)
    away = (g.r > 2e-3) & (exact > 0.05 * exact.max())
    rel = np.abs(temp[away, 0] - 37.0 - exact[away]) / exact[away]
    assert away.sum() > 10
    assert rel.max() < 0.03


def test_perfusion_length_is_4_4_mm():
    """Fact base 4.8 item 2: L = sqrt(k / (rho_b c_b w_b)) = 4.4 mm with the COMSOL RF values."""
    assert C.RFA_PERFUSION_LENGTH_MM == pytest.approx(4.4, abs=0.05)


def test_time_marching_reaches_the_pennes_steady_state():
    g = _grid()
    w = C.RFA_LIVER_PERFUSION_PER_S
    raw = S.run(g, _physics(w), 0.0, 6000.0, 30.0, np.zeros((g.n_r, g.n_theta)),
                snapshot_every_s=6000.0, source_override=_ring_source(g, 30.0))
    exact = _pennes_exact(g.r, g.r_faces[1], 30.0, w)
    away = (g.r > 2e-3) & (exact > 0.05 * exact.max())
    rel = np.abs(raw.temp_c[away, 0] - 37.0 - exact[away]) / exact[away]
    assert rel.max() < 0.03


# --- energy balance ------------------------------------------------------------------------------

def _stored_energy_j(res):
    """rho c ∫ (T - 37) dA × tip length, from the result's own fields."""
    re = res.r_edges_mm * 1e-3
    dth = np.diff(res.theta_edges_rad)
    area = 0.5 * np.diff(re ** 2)[:, None] * dth[None, :]
    rho_c = C.RFA_LIVER_DENSITY_KG_PER_M3 * C.RFA_LIVER_SPECIFIC_HEAT_J_PER_KG_K
    return float(rho_c * np.sum(area * (res.temperature_c - 37.0))) * \
        res.active_tip_length_mm * 1e-3


@pytest.mark.parametrize("kwargs", [
    dict(),
    dict(vessel_diameter_mm=6.0, vessel_distance_mm=4.0),
    dict(cooled_needle=False, power_w=40.0),
    dict(perfusion_per_s=0.0, duration_s=300.0),
])
def test_energy_balance(kwargs):
    """Energy deposited = energy stored + carried off (perfusion, vessel, edges, cooled needle)."""
    res = rfa.simulate_ablation(**kwargs)
    e = res.energy_j
    deposited = float(np.sum(res.power_history_w[1:]) * (res.times_s[1] - res.times_s[0]))
    assert e["deposited"] == pytest.approx(deposited, rel=1e-9)
    stored = _stored_energy_j(res)
    carried = e["perfusion"] + e["vessel"] + e["outer"] + e["needle"]
    assert abs(deposited - stored - carried) / deposited < 0.02
    assert res.energy_balance_error < 0.02
    if "vessel_diameter_mm" in kwargs:
        assert e["vessel"] > 0.02 * deposited


# --- grid convergence ----------------------------------------------------------------------------

@pytest.mark.parametrize("kwargs", [dict(), dict(vessel_diameter_mm=5.0, vessel_distance_mm=6.0)])
def test_zone_diameter_converges_when_spacing_halves(kwargs):
    coarse = rfa.simulate_ablation(**kwargs)
    fine = rfa.simulate_ablation(n_radial=2 * rfa.DEFAULT_N_RADIAL,
                                 n_angular=2 * rfa.DEFAULT_N_ANGULAR, **kwargs)
    change = abs(fine.ablation_zone_diameter_mm - coarse.ablation_zone_diameter_mm)
    assert change / fine.ablation_zone_diameter_mm < 0.05
    eq_change = abs(fine.equivalent_diameter_mm - coarse.equivalent_diameter_mm)
    assert eq_change / fine.equivalent_diameter_mm < 0.05


def test_zone_diameter_converges_when_time_step_shrinks():
    coarse = rfa.simulate_ablation()
    fine = rfa.simulate_ablation(time_step_s=1.0)
    change = abs(fine.ablation_zone_diameter_mm - coarse.ablation_zone_diameter_mm)
    assert change / fine.ablation_zone_diameter_mm < 0.05


def test_vessel_fraction_covers_the_vessel_area():
    g = _grid()
    radius = 2.5e-3
    frac = S.vessel_fraction(g, 10e-3, radius)
    assert np.sum(frac * g.area) == pytest.approx(np.pi * radius ** 2, rel=0.03)


def test_tridiagonal_solver_matches_lapack():
    """The numpy elimination is LAPACK's ?gttrf/?gttrs without pivoting, number for number."""
    from scipy.linalg import lapack

    from netteach.models._rfa_linalg import Tridiagonal, _solve_tridiagonal

    rng = np.random.default_rng(7)
    n, m = 40, 9
    off = -rng.uniform(0.5, 2.0, n - 1)
    diag = rng.uniform(0.0, 3.0, (n, m))
    diag[:-1] += np.abs(off)[:, None]
    diag[1:] += np.abs(off)[:, None]            # diagonally dominant, as in the solver
    rhs = rng.normal(size=(n, m, 2))
    ours = Tridiagonal(diag, off).solve_inplace(rhs.copy())
    for j in range(m):
        lu = lapack.dgttrf(off, diag[:, j], off.copy())[:5]
        ref = lapack.dgttrs(*lu, rhs[:, j, :])[0]
        np.testing.assert_allclose(ours[:, j, :], ref, rtol=1e-13, atol=0)
    ref = lapack.dgtsv(off, diag[:, 0], off.copy(), rhs[:, 0, 0])[3]
    np.testing.assert_allclose(_solve_tridiagonal(diag[:, 0], off, rhs[:, 0, 0]), ref,
                               rtol=1e-13, atol=0)


def test_mode_solver_inverts_the_operator_with_a_vessel():
    """ModeSolver and HeatSolver solve the same system the stencil applies."""
    from netteach.models._rfa_linalg import HeatSolver, ModeSolver, stencil

    g = _grid(32, 48)
    k = C.RFA_LIVER_THERMAL_CONDUCTIVITY_W_PER_M_K
    cap = 3.6e6 * g.area / 3.0
    sink = np.zeros((g.n_r, g.n_theta))
    sink[10:13, :3] = 200.0 * k
    solver = HeatSolver(ModeSolver(g, np.full(g.n_r, k), k, k, cap[:, 0]), sink)
    st = stencil(g, k, k, k, cap + sink)
    rhs = np.random.default_rng(3).normal(size=(g.n_r, g.n_theta))
    x = solver.solve(rhs)
    np.testing.assert_allclose(st.apply(x), rhs, atol=1e-9 * np.abs(rhs).max())
