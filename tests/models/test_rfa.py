"""RFA model: damage models, input checks and the simulator's behaviour.

Published values come from shared/reference/anatomy-tace-rfa-nets.md, section 4 (cited per test).
The solver's analytic, energy and grid checks are in test_rfa_solver.py.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netteach.constants import rfa as C
from netteach.models import rfa

# --- damage models -------------------------------------------------------------------------------

# Fact base 4.7 [DERIVED]: time to Omega = 1 at constant temperature, liver set.
OMEGA_TABLE_S = {43: 8.6 * 60, 45: 4.6 * 60, 50: 61.0, 52: 34.0, 55: 14.0, 57: 8.0, 60: 3.5,
                 65: 0.87, 70: 0.23, 80: 0.018}
# The table is printed to two significant figures; half a unit in the last digit shown.
OMEGA_TABLE_HALF_UNIT_S = {43: 3.0, 45: 3.0, 50: 0.5, 52: 0.5, 55: 0.5, 57: 0.05, 60: 0.05,
                           65: 0.005, 70: 0.005, 80: 0.0005}


@pytest.mark.parametrize("temp_c", sorted(OMEGA_TABLE_S))
def test_time_to_damage_matches_reference_table(temp_c):
    """Within 1 %, or within the rounding of the printed table where that is wider."""
    got = rfa.time_to_damage_s(float(temp_c))
    want = OMEGA_TABLE_S[temp_c]
    tol = max(0.01 * want, OMEGA_TABLE_HALF_UNIT_S[temp_c])
    if temp_c == 60:
        # The reference's own formula and constants give 3.449 s; the table prints 3.5, which
        # looks rounded twice (3.449 -> 3.45 -> 3.5). Allow 1.5 % here, and say so.
        tol = 0.015 * want
    assert abs(got - want) <= tol, (temp_c, got, want)


def test_time_to_damage_exact_formula():
    """t = 1 / (A exp(-Ea / RT)) with the liver set (fact base 4.7)."""
    t_k = 50.0 + 273.15
    want = 1.0 / (7.39e39 * math.exp(-2.577e5 / (8.314 * t_k)))
    assert rfa.time_to_damage_s(50.0) == pytest.approx(want, rel=1e-12)


def test_cem43_sixty_minutes_at_45_is_240():
    """Sapareto and Dewey: 60 min at 45 C = 60 x 0.5^-2 = 240 CEM43."""
    assert rfa.cem43_minutes(45.0, 3600.0) == pytest.approx(240.0, rel=1e-12)
    assert rfa.cem43_minutes(np.full(60, 45.0), 60.0) == pytest.approx(240.0, rel=1e-12)


# Fact base 4.7 [DERIVED]: time to 240 CEM43 at constant temperature.
CEM_TABLE_S = {43: 240 * 60, 44: 120 * 60, 45: 60 * 60, 46: 30 * 60, 47: 15 * 60, 48: 7.5 * 60,
               50: 1.9 * 60, 52: 28.0, 54: 7.0, 56: 1.8}


@pytest.mark.parametrize("temp_c", sorted(CEM_TABLE_S))
def test_time_to_240_cem43_matches_reference_table(temp_c):
    got = rfa.time_to_cem43_threshold_s(float(temp_c))
    assert got == pytest.approx(CEM_TABLE_S[temp_c], rel=0.03)


def test_models_disagree_below_50_and_cross_near_51():
    """Fact base 4.7: Arrhenius predicts damage far sooner than 240 CEM43 at 43 C (8.6 min vs
    240 min); the two cross near 51-52 C."""
    assert rfa.time_to_cem43_threshold_s(43.0) / rfa.time_to_damage_s(43.0) > 25
    temps = np.linspace(45, 60, 1501)
    diff = np.log(rfa.time_to_damage_s(temps)) - np.log(rfa.time_to_cem43_threshold_s(temps))
    cross = temps[np.argmin(np.abs(diff))]
    assert 50.5 <= cross <= 52.5


@settings(max_examples=50, deadline=None)
@given(st.floats(30, 140), st.floats(0.1, 20.0))
def test_omega_grows_with_temperature(temp_c, dt_s):
    assert rfa.arrhenius_omega(temp_c + 1.0, dt_s) > rfa.arrhenius_omega(temp_c, dt_s)


@settings(max_examples=50, deadline=None)
@given(st.lists(st.floats(20, 120), min_size=2, max_size=30), st.floats(0.01, 10.0))
def test_omega_and_cem43_are_additive_over_time(history, dt_s):
    hist = np.array(history)
    k = len(hist) // 2
    for fn in (rfa.arrhenius_omega, rfa.cem43_minutes):
        whole = fn(hist, dt_s)
        parts = fn(hist[:k], dt_s) + fn(hist[k:], dt_s)
        assert whole == pytest.approx(parts, rel=1e-9)


@settings(max_examples=50, deadline=None)
@given(st.floats(43, 120))
def test_cem43_doubles_each_degree_above_43(temp_c):
    assert rfa.cem43_minutes(temp_c + 1.0, 60.0) == pytest.approx(
        2.0 * rfa.cem43_minutes(temp_c, 60.0), rel=1e-9)


@settings(max_examples=50, deadline=None)
@given(st.floats(30, 140))
def test_omega_of_time_to_damage_is_one(temp_c):
    t = rfa.time_to_damage_s(temp_c)
    assert rfa.arrhenius_omega(temp_c, t) == pytest.approx(1.0, rel=1e-9)
    assert rfa.surviving_fraction(1.0) == pytest.approx(math.exp(-1.0))


@pytest.mark.parametrize("call", [
    lambda: rfa.time_to_damage_s(float("nan")),
    lambda: rfa.time_to_damage_s(10.0),
    lambda: rfa.cem43_minutes(45.0, -1.0),
    lambda: rfa.arrhenius_omega([50.0, float("inf")], 1.0),
    lambda: rfa.arrhenius_omega(50.0, 1.0, frequency_factor_per_s=-1.0),
    lambda: rfa.surviving_fraction(-0.5),
])
def test_damage_functions_reject_bad_input(call):
    with pytest.raises(ValueError, match="must be"):
        call()


# --- the simulator: input checks ------------------------------------------------------------------

@pytest.mark.parametrize("kwargs,name", [
    (dict(power_w=-5.0), "power_w"),
    (dict(power_w=float("nan")), "power_w"),
    (dict(duration_s=0.0), "duration_s"),
    (dict(duration_s=-60.0), "duration_s"),
    (dict(vessel_diameter_mm=5.0, vessel_distance_mm=0.5), "vessel_distance_mm"),
    (dict(vessel_diameter_mm=5.0), "vessel_distance_mm"),
    (dict(vessel_distance_mm=5.0), "vessel_diameter_mm"),
    (dict(vessel_diameter_mm=12.0, vessel_distance_mm=5.0), "vessel_diameter_mm"),
    (dict(perfusion_per_s=-1e-3), "perfusion_per_s"),
    (dict(tumour_diameter_mm=0.0), "tumour_diameter_mm"),
    (dict(cooled_needle="yes"), "cooled_needle"),
    (dict(n_angular=33), "n_angular"),
    (dict(time_step_s=0.1, n_radial=256, n_angular=384), "time_step_s"),
])
def test_simulator_rejects_bad_input_naming_the_parameter(kwargs, name):
    with pytest.raises(ValueError, match=name) as err:
        rfa.simulate_ablation(**kwargs)
    assert "got" in str(err.value)


# --- the simulator: behaviour ---------------------------------------------------------------------

@pytest.fixture(scope="module")
def default_run():
    return rfa.simulate_ablation(tumour_diameter_mm=20.0)


@pytest.fixture(scope="module")
def near_vessel_run():
    return rfa.simulate_ablation(vessel_diameter_mm=5.0, vessel_distance_mm=5.0,
                                 tumour_diameter_mm=20.0)


def test_default_twelve_minute_zone_is_in_clinical_range(default_run):
    """Fact base 4.2: cooled RFA ablates an area 3 to 5 cm in diameter; 12 min is standard."""
    assert default_run.duration_s == 60 * C.RFA_STANDARD_ABLATION_TIME_MIN
    assert C.RFA_CLINICAL_ZONE_LOW_MM <= default_run.ablation_zone_diameter_mm \
        <= C.RFA_CLINICAL_ZONE_HIGH_MM


def test_result_fields_are_consistent(default_run):
    r = default_run
    n_snap = r.snapshot_times_s.size
    assert r.snapshot_temperature_c.shape == (n_snap, *r.r_mm.shape, *r.theta_rad.shape)
    assert r.snapshot_times_s[0] == 0 and r.snapshot_times_s[-1] == pytest.approx(r.duration_s)
    assert np.all(r.snapshot_temperature_c[0] == pytest.approx(37.0))
    assert r.power_history_w.shape == r.times_s.shape == r.max_temperature_history_c.shape
    assert np.all(r.omega >= 0) and np.all(np.isfinite(r.temperature_c))
    assert r.max_temperature_c == pytest.approx(r.max_temperature_history_c.max())
    # symmetric without a vessel
    assert r.radius_towards_vessel_mm == pytest.approx(r.radius_away_mm, rel=1e-6)
    assert r.ablation_zone_diameter_mm == pytest.approx(r.equivalent_diameter_mm, rel=0.01)


def test_radial_profile_edge_is_where_omega_crosses_one(default_run):
    prof = default_run.radial_profile("away")
    d, om, temp = prof["distance_mm"], prof["omega"], prof["temperature_c"]
    inside = d < prof["edge_mm"] - 1.0
    outside = d > prof["edge_mm"] + 1.0
    assert np.all(om[inside & (d > 3.0)] >= 1.0)
    assert np.all(om[outside] < 1.0)
    # temperature falls steadily beyond the hottest point
    peak = int(np.argmax(temp))
    assert np.all(np.diff(temp[peak:]) <= 1e-9)
    with pytest.raises(ValueError, match="direction"):
        default_run.radial_profile("sideways")


def test_lesion_never_shrinks_over_time(default_run):
    """Omega only accumulates, so the zone at each snapshot contains the earlier ones."""
    out = default_run.snapshot_outline_mm
    assert np.all(np.diff(out, axis=0) >= -1e-9)
    assert out[-1].mean() > out[len(out) // 2].mean() > out[2].mean()


def test_zone_grows_with_power():
    sizes = [rfa.simulate_ablation(power_w=p).ablation_zone_diameter_mm for p in (12, 18, 25)]
    assert sizes[0] < sizes[1] < sizes[2]


def test_zone_grows_with_time():
    sizes = [rfa.simulate_ablation(duration_s=t).ablation_zone_diameter_mm
             for t in (240, 480, 720)]
    assert sizes[0] < sizes[1] < sizes[2]


def test_more_perfusion_gives_a_smaller_zone():
    """Fact base 4.4 (Huang 2012) and 4.7: lesion size is most sensitive to perfusion."""
    low = rfa.simulate_ablation(perfusion_per_s=C.RFA_LIVER_PERFUSION_MW_MODEL_PER_S)
    high = rfa.simulate_ablation(perfusion_per_s=2 * C.RFA_LIVER_PERFUSION_PER_S)
    assert low.ablation_zone_diameter_mm > high.ablation_zone_diameter_mm + 2.0


def test_near_vessel_shrinks_lesion_on_its_side(default_run, near_vessel_run):
    """Fact base 4.4: blood flow holds the vessel wall near 37 C and spares tissue beside it."""
    v = near_vessel_run
    assert v.radius_towards_vessel_mm < v.radius_away_mm - 5.0
    assert v.radius_towards_vessel_mm <= v.vessel_distance_mm
    # the far side is nearly untouched
    assert v.radius_away_mm == pytest.approx(default_run.radius_away_mm, abs=1.5)
    assert v.min_margin_mm < default_run.min_margin_mm


def test_farther_vessel_spares_less():
    near = rfa.simulate_ablation(vessel_diameter_mm=5.0, vessel_distance_mm=6.0)
    far = rfa.simulate_ablation(vessel_diameter_mm=5.0, vessel_distance_mm=25.0)
    assert far.radius_towards_vessel_mm > near.radius_towards_vessel_mm + 5.0


def test_margin_sign(default_run):
    r = default_run
    assert r.min_margin_mm == pytest.approx(r.outline_mm.min() - 10.0)
    assert r.min_margin_mm > 5.0
    big = rfa.simulate_ablation(duration_s=120.0, tumour_diameter_mm=40.0)
    assert big.min_margin_mm < 0   # tumour left untreated


def test_uncooled_needle_rolls_off():
    """Fact base 4.1: above 100 C impedance rises and generator power rolls off; cooling the
    needle delays this, so the cooled needle delivers more energy."""
    hot = rfa.simulate_ablation(power_w=40.0, cooled_needle=False)
    cool = rfa.simulate_ablation(power_w=40.0)
    assert hot.power_history_w.min() == 0.0
    assert hot.power_history_w.mean() < 0.6 * 40.0
    assert hot.impedance_ratio.max() > 1.0
    assert cool.power_history_w.mean() > hot.power_history_w.mean()
    assert cool.ablation_zone_diameter_mm > hot.ablation_zone_diameter_mm
    assert hot.max_temperature_c > C.RFA_BOILING_TEMPERATURE_C


def test_zero_power_makes_no_lesion():
    r = rfa.simulate_ablation(power_w=0.0, duration_s=60.0, tumour_diameter_mm=10.0)
    assert r.ablation_zone_diameter_mm == 0.0
    assert r.min_margin_mm == pytest.approx(-5.0)
    assert r.max_temperature_c <= 37.0 + 1e-9


def test_probe_temperatures_and_snapshot_index(default_run):
    probes = default_run.probe_temperatures((5.0, 20.0))
    assert probes.shape == (2, default_run.times_s.size)
    assert probes[0, -1] > probes[1, -1] > 37.0
    assert default_run.snapshot_index(360.0) == int(np.argmin(
        np.abs(default_run.snapshot_times_s - 360.0)))
    with pytest.raises(ValueError, match="time_s"):
        default_run.snapshot_index(-1.0)


def test_perfusion_unit_conversion():
    assert rfa.perfusion_ml_per_min_per_100ml(6.4e-3) == pytest.approx(38.4)
