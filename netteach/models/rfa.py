"""Radiofrequency ablation (RFA): a bioheat simulator with thermal damage and a heat sink.

For teaching only, not for clinical decisions.

The model
---------
* **Geometry (an assumption).** A 2-D cross-section perpendicular to a long active tip. The
  needle is a circle of radius 0.75 mm (about a 17-gauge electrode) and everything is taken as
  uniform along it: an *infinite active tip*. Power is therefore spread per unit length:
  power per metre = generator power / active tip length (30 mm by default). A real tip has
  ends, where heat and current also escape, so the model needs less power than a real
  generator for the same zone and gives a cylinder-shaped zone's cross-section, not its length.
  A blood vessel running parallel to the needle is a circle in the same cross-section.
* **Electrical problem.** Quasi-static potential at ~500 kHz, ∇·(σ(T)∇V) = 0, with V fixed
  on the needle and 0 on the edge of the simulated tissue (60 mm away, standing in for the
  return pads). Joule heat Q = σ|∇V|². σ(T) rises 1.962 %/K up to 100 °C and falls 100-fold
  between 100 and 105 °C as tissue water boils (an assumption of the model's size).
* **Generator.** Constant power; when the impedance has risen 5 % above its lowest value (tissue
  drying at 100 °C) the power is cut until it falls again: roll-off followed by pulsing.
  The needle is internally cooled by default (wall at 25 °C, an assumption).
* **Heat.** Pennes bioheat equation, ρc ∂T/∂t = ∇·(k∇T) + ρ_b c_b ω_b (T_a − T) + Q, with
  perfusion set to zero where the tissue is already dead (Ω ≥ 1).
* **Damage.** Arrhenius integral Ω (liver set A = 7.39e39 /s, E_a = 2.577e5 J/mol; Ω ≥ 1 marks
  the lesion) and the CEM43 thermal dose.
* **Heat sink.** Cells covered by the vessel are tied to 37 °C: the flowing blood holds the
  wall near body temperature.

Numerics: finite volumes on a log-polar grid (fine cells at the needle), backward Euler in
time with a Fourier-in-angle direct solver, a Woodbury correction for the vessel, and the
potential re-solved every time step by preconditioned conjugate gradients. See
:mod:`netteach.models._rfa_solver`.

References
----------
comsol_liver (parameters), pennes_textbook (equation), chang_nguyen_2004 (perfusion shut-down,
Arrhenius lesion edge), fieldp_arrhenius, sapareto_dewey_1984, hindawi_2017 (roll-off),
lin_2016 (heat sink).
"""

from __future__ import annotations

import numpy as np

from ..constants import rfa as C
from ..validation import check_array, check_scalar
from . import _rfa_solver as _solver
from ._rfa_damage import (
    arrhenius_omega,
    arrhenius_rate_per_s,
    cem43_minutes,
    surviving_fraction,
    time_to_cem43_threshold_s,
    time_to_damage_s,
)
from ._rfa_result import AblationResult, at_angle
from ._rfa_result import outline as _lesion_outline

__all__ = ["simulate_ablation", "AblationResult", "arrhenius_omega", "arrhenius_rate_per_s",
           "time_to_damage_s", "cem43_minutes", "time_to_cem43_threshold_s",
           "surviving_fraction", "MODEL_ASSUMPTIONS", "joule_heating_profile",
           "DEFAULT_POWER_W", "DEFAULT_DURATION_S", "perfusion_ml_per_min_per_100ml"]

DEFAULT_POWER_W = 25.0
DEFAULT_DURATION_S = 60.0 * float(C.RFA_STANDARD_ABLATION_TIME_MIN)
DEFAULT_N_RADIAL = 64
DEFAULT_N_ANGULAR = 96
DEFAULT_TIME_STEP_S = 3.0
MAX_CELL_STEPS = 3.0e7   # grid cells × time steps: keeps one run under a few seconds

MODEL_ASSUMPTIONS = (
    "The picture is a slice across the needle. The model treats the needle's exposed tip as "
    "infinitely long, so heat and current only spread sideways; power per millimetre of tip = "
    f"power / {C.RFA_ACTIVE_TIP_LENGTH_MM:g} mm. Real tips have ends, so a real generator needs "
    "more power than this model for the same zone.",
    f"Needle radius {C.RFA_NEEDLE_RADIUS_MM:g} mm (about 17 gauge); a cooled needle's wall is "
    f"held at {C.RFA_COOLED_NEEDLE_WALL_C:g} °C.",
    "Above 100 °C the tissue dries and conducts 100 times less electricity; the generator cuts "
    "its power when the impedance rises by 5 % (roll-off) and restores it as the tissue cools.",
    "A vessel runs parallel to the needle, and its blood holds its wall at 37 °C.",
    "Liver properties are fixed except the electrical conductivity, which rises about 2 % per "
    "°C; blood flow stops in tissue that has died.",
    "Because no heat escapes along the needle, the model over-sizes zones made without "
    f"cooling: early un-cooled needles could not make zones over "
    f"{C.RFA_UNCOOLED_MAX_ZONE_MM / 10:g} cm, about half what the model shows.",
)


def perfusion_ml_per_min_per_100ml(perfusion_per_s):
    """Convert a volumetric perfusion rate from 1/s to mL of blood per min per 100 mL of tissue.

    Parameters
    ----------
    perfusion_per_s : float
        Perfusion rate (1/s), 0 to 0.05.

    Returns
    -------
    float
        Perfusion (mL/min/100 mL) = 6000 × perfusion_per_s.
    """
    w = check_scalar("perfusion_per_s", perfusion_per_s, 0.0, 0.05, unit="1/s")
    return 6000.0 * w


def joule_heating_profile(power_w=DEFAULT_POWER_W, distances_mm=None,
                          active_tip_length_mm=float(C.RFA_ACTIVE_TIP_LENGTH_MM)):
    """Heat made by the current in each cm³ of tissue at switch-on, against distance.

    Parameters
    ----------
    power_w : float
        Generator power (W), 0 to 200.
    distances_mm : array_like, optional
        Distances from the needle's centre (mm), from the needle radius (0.75 mm) to the edge
        of the simulated tissue (60 mm). Default: 200 points spaced evenly on a log scale.
    active_tip_length_mm : float
        Exposed tip length (mm), 5 to 50.

    Returns
    -------
    dict
        ``distance_mm`` and ``heating_w_per_cm3``; ``fraction_within`` (share of the heat made
        inside each distance).

    Notes
    -----
    Long-tip model with uniform σ at 37 °C: V(r) = V0 ln(R/r)/ln(R/a), so
    Q(r) = σ|∇V|² = P' / (2π r² ln(R/a)) with P' = P / L_tip; the share of heat made inside r
    is ln(r/a)/ln(R/a). Heating falls with the square of distance.

    References
    ----------
    .. [1] chang_2003 (quasi-static electrical problem).
    """
    p = check_scalar("power_w", power_w, 0.0, 200.0, unit="W")
    tip = check_scalar("active_tip_length_mm", active_tip_length_mm, 5.0, 50.0, unit="mm")
    a = float(C.RFA_NEEDLE_RADIUS_MM)
    big_r = float(C.RFA_MODEL_DOMAIN_RADIUS_MM)
    if distances_mm is None:
        d = np.geomspace(a, big_r, 200)
    else:
        d = np.atleast_1d(check_array("distances_mm", distances_mm, a, big_r, unit="mm"))
    p_per_m = p / (tip * 1e-3)
    q = p_per_m / (2 * np.pi * (d * 1e-3) ** 2 * np.log(big_r / a))      # W/m³
    return dict(distance_mm=d, heating_w_per_cm3=q * 1e-6,
                fraction_within=np.log(d / a) / np.log(big_r / a))


def _default_physics(perfusion_per_s=None, cooled_needle=True) -> _solver.Physics:
    """The liver parameter set as a solver :class:`~netteach.models._rfa_solver.Physics`."""
    w = C.RFA_LIVER_PERFUSION_PER_S if perfusion_per_s is None else perfusion_per_s
    return _solver.Physics(
        k=float(C.RFA_LIVER_THERMAL_CONDUCTIVITY_W_PER_M_K),
        rho_c=float(C.RFA_LIVER_DENSITY_KG_PER_M3) * float(C.RFA_LIVER_SPECIFIC_HEAT_J_PER_KG_K),
        rho_c_blood=float(C.RFA_BLOOD_DENSITY_KG_PER_M3)
        * float(C.RFA_BLOOD_SPECIFIC_HEAT_J_PER_KG_K),
        perfusion_per_s=float(w),
        sigma0=float(C.RFA_LIVER_ELECTRICAL_CONDUCTIVITY_S_PER_M),
        sigma_alpha_per_k=float(C.RFA_CONDUCTIVITY_TEMPERATURE_COEFFICIENT_PER_K),
        sigma_blood=float(C.RFA_BLOOD_ELECTRICAL_CONDUCTIVITY_S_PER_M),
        desiccation_factor=float(C.RFA_DESICCATION_CONDUCTIVITY_FACTOR),
        desiccation_width_k=float(C.RFA_DESICCATION_WIDTH_K),
        boiling_c=float(C.RFA_BOILING_TEMPERATURE_C),
        body_c=float(C.RFA_BODY_TEMPERATURE_C),
        cooled=bool(cooled_needle),
        wall_c=float(C.RFA_COOLED_NEEDLE_WALL_C),
        rolloff_ratio=float(C.RFA_ROLLOFF_IMPEDANCE_RATIO),
        arrhenius_a=float(C.RFA_ARRHENIUS_FREQUENCY_FACTOR_PER_S),
        arrhenius_ea=float(C.RFA_ARRHENIUS_ACTIVATION_ENERGY_J_PER_MOL),
        gas_r=float(C.RFA_GAS_CONSTANT_J_PER_MOL_K),
        kelvin=float(C.RFA_KELVIN_OFFSET_K),
    )


def simulate_ablation(power_w=DEFAULT_POWER_W, duration_s=DEFAULT_DURATION_S,
                      vessel_diameter_mm=None, vessel_distance_mm=None, perfusion_per_s=None,
                      tumour_diameter_mm=None, *, cooled_needle=True,
                      active_tip_length_mm=float(C.RFA_ACTIVE_TIP_LENGTH_MM),
                      n_radial=DEFAULT_N_RADIAL, n_angular=DEFAULT_N_ANGULAR,
                      time_step_s=DEFAULT_TIME_STEP_S, snapshot_interval_s=15.0):
    """Simulate one RF ablation in a cross-section across the needle.

    Parameters
    ----------
    power_w : float
        Generator power setting (W), 0 to 200. Spread along the active tip.
    duration_s : float
        Ablation time (s), 1 to 1800 (30 min). Default 720 s (12 min).
    vessel_diameter_mm : float, optional
        Diameter of a blood vessel running parallel to the needle (mm), 1 to 10.
    vessel_distance_mm : float, optional
        Distance from the needle's centre to the nearest wall of the vessel (mm), more than
        the needle radius (0.75 mm, or the vessel would overlap the needle) and at most 30.
        Give both vessel arguments or neither.
    perfusion_per_s : float, optional
        Blood perfusion of the liver (1/s), 0 to 0.05. Default 6.4e-3 /s.
    tumour_diameter_mm : float, optional
        Diameter of a round tumour centred on the needle (mm), greater than 0 and at most 50.
    cooled_needle : bool
        Chilled water inside the needle (default True).
    active_tip_length_mm : float
        Exposed tip length (mm), 5 to 50; power per unit length = power / this.
    n_radial, n_angular : int
        Grid cells along the radius (16 to 512) and around the needle (16 to 768; even).
    time_step_s : float
        Time step (s), 0.1 to 10.
    snapshot_interval_s : float
        Interval between stored temperature snapshots (s), 1 to 300.

    Returns
    -------
    AblationResult
        Snapshots, final temperature/damage/thermal dose fields, the lesion outline,
        ``ablation_zone_diameter_mm`` (across the needle, along the line through the vessel),
        ``max_temperature_c``, ``min_margin_mm`` (tumour edge to lesion edge; negative where
        tumour is left untreated) and time series of power and temperature. For the
        temperature and damage against distance along a line away from (or towards) the
        vessel, use ``result.radial_profile("away")``; this interface is kept stable for the
        other dashboards.

    Raises
    ------
    ValueError
        For any argument outside its range, NaN, a missing partner vessel argument, or a vessel
        that overlaps the needle.

    Notes
    -----
    ∇·(σ(T)∇V) = 0;  Q = σ|∇V|²;
    ρc ∂T/∂t = ∇·(k∇T) + ρ_b c_b ω_b (T_a − T) + Q, ω_b = 0 where Ω ≥ 1;
    Ω = ∫ A exp(−E_a / (R T)) dt;  CEM43 = Σ Δt R^(43 − T).
    Infinite active tip: a 2-D slice with power per length P / L_tip (see the module docstring).

    References
    ----------
    .. [1] comsol_liver; pennes_textbook; chang_nguyen_2004; fieldp_arrhenius;
       sapareto_dewey_1984; hindawi_2017; lin_2016.
    """
    p = check_scalar("power_w", power_w, 0.0, 200.0, unit="W")
    t_end = check_scalar("duration_s", duration_s, 1.0, 1800.0, unit="s")
    a_mm = float(C.RFA_NEEDLE_RADIUS_MM)
    if (vessel_diameter_mm is None) != (vessel_distance_mm is None):
        missing = "vessel_distance_mm" if vessel_distance_mm is None else "vessel_diameter_mm"
        raise ValueError(f"{missing} must be given together with the other vessel argument "
                         f"(a number; distance more than {a_mm:g} and at most 30 mm, diameter "
                         f"1 to 10 mm); got None")
    if vessel_diameter_mm is not None:
        vd = check_scalar("vessel_diameter_mm", vessel_diameter_mm, 1.0, 10.0, unit="mm")
        vx = check_scalar("vessel_distance_mm", vessel_distance_mm, a_mm, 30.0, low_open=True,
                          unit="mm")
    else:
        vd = vx = None
    w = (float(C.RFA_LIVER_PERFUSION_PER_S) if perfusion_per_s is None else
         check_scalar("perfusion_per_s", perfusion_per_s, 0.0, 0.05, unit="1/s"))
    tum = (None if tumour_diameter_mm is None else
           check_scalar("tumour_diameter_mm", tumour_diameter_mm, 0.0, 50.0, low_open=True,
                        unit="mm"))
    if not isinstance(cooled_needle, (bool, np.bool_)):
        raise ValueError(f"cooled_needle must be True or False; got {cooled_needle!r}")
    tip = check_scalar("active_tip_length_mm", active_tip_length_mm, 5.0, 50.0, unit="mm")
    nr = check_scalar("n_radial", n_radial, 16, 512, integer=True)
    nt = check_scalar("n_angular", n_angular, 16, 768, integer=True)
    if nt % 2:
        raise ValueError(f"n_angular must be an even whole number from 16 to 768; got {nt}")
    dt = check_scalar("time_step_s", time_step_s, 0.1, 10.0, unit="s")
    dt = min(dt, t_end)
    snap_dt = check_scalar("snapshot_interval_s", snapshot_interval_s, 1.0, 300.0, unit="s")
    work = nr * nt * (t_end / dt)
    if work > MAX_CELL_STEPS:
        dt_min = nr * nt * t_end / MAX_CELL_STEPS
        raise ValueError(f"time_step_s must be at least {dt_min:.3g} s for a {nr} × {nt} grid "
                         f"and {t_end:g} s (and at most 10 s); got {dt:g} (the run would be "
                         "too slow)")

    grid = _solver.Grid(a_mm * 1e-3, float(C.RFA_MODEL_DOMAIN_RADIUS_MM) * 1e-3, nr, nt)
    if vd is not None:
        radius = 0.5 * vd * 1e-3
        frac = _solver.vessel_fraction(grid, vx * 1e-3 + radius, radius)
    else:
        frac = np.zeros((nr, nt))
    ph = _default_physics(w, bool(cooled_needle))
    raw = _solver.run(grid, ph, p / (tip * 1e-3), t_end, dt, frac,
                      snapshot_every_s=snap_dt, ray_cols=(nt // 2 - 1, nt // 2))

    lumen = frac >= 0.5
    outline = _lesion_outline(raw.omega, grid, lumen) * 1e3
    outer = _lesion_outline(raw.omega, grid, lumen, contiguous=False) * 1e3
    snap_out = np.array([_lesion_outline(om, grid, lumen) for om in raw.snap_omega]) * 1e3
    dead = (raw.omega >= 1.0) & ~lumen
    if dead.any():
        r_to = at_angle(outline, grid.theta, 0.0)
        r_away = at_angle(outline, grid.theta, np.pi)
        diameter = r_to + r_away
        # all dead tissue, plus the needle and any cool rim at a cooled needle
        rim = grid.r[:, None] * 1e3 <= outline[None, :]
        area = float(np.sum(grid.area * (dead | (rim & ~lumen)))) * 1e6 \
            + np.pi * (grid.a_m * 1e3) ** 2
        eq_d = 2.0 * np.sqrt(area / np.pi)
    else:
        r_to = r_away = diameter = eq_d = 0.0
    margin = None
    if tum is not None:
        margin = float(outline.min() - 0.5 * tum) if dead.any() else -0.5 * tum
    tissue_max = float(raw.max_temp_c.max())
    return AblationResult(
        power_w=p, duration_s=t_end, vessel_diameter_mm=vd, vessel_distance_mm=vx,
        perfusion_per_s=w, tumour_diameter_mm=tum, cooled_needle=bool(cooled_needle),
        active_tip_length_mm=tip, needle_radius_mm=a_mm,
        r_mm=grid.r * 1e3, theta_rad=grid.theta.copy(), r_edges_mm=grid.r_faces * 1e3,
        theta_edges_rad=grid.theta_faces.copy(), x_mm=grid.x * 1e3, y_mm=grid.y * 1e3,
        vessel_fraction=frac, times_s=raw.times_s,
        power_history_w=raw.power_w_per_m * tip * 1e-3, impedance_ratio=raw.impedance_ratio,
        max_temperature_history_c=raw.max_temp_c, away_temperature_history_c=raw.ray_temp_c,
        snapshot_times_s=raw.snap_times_s, snapshot_temperature_c=raw.snap_temp_c,
        snapshot_omega=raw.snap_omega, snapshot_outline_mm=snap_out,
        temperature_c=raw.temp_c, omega=raw.omega, cem43_min=raw.cem43_min,
        outline_mm=outline, outer_outline_mm=outer, ablation_zone_diameter_mm=float(diameter),
        radius_towards_vessel_mm=float(r_to), radius_away_mm=float(r_away),
        equivalent_diameter_mm=float(eq_d), max_temperature_c=tissue_max,
        min_margin_mm=margin,
        energy_j={k: v * tip * 1e-3 for k, v in raw.energy.items()},
    )
