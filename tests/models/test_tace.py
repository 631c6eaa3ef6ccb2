"""Tests of netteach.models.tace: particles, drug release and reach, the family, the journey.

Published values come from shared/reference/anatomy-tace-rfa-nets.md, sections 2-3:
de Baere 2016 (JVIR, doi:10.1016/j.jvir.2016.05.015) for in-vitro elution, the DC Bead
elution-methods paper (doi:10.1007/s10856-006-0040-y) for the quasi-static half-life, Zhang 2017
(Drug Deliv, doi:10.1080/10717544.2017.1344336) for the 200 µm reach, Bilir (MDCT) for calibres.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netteach import constants as C
from netteach import references
from netteach.models import anatomy, tace

FAST = settings(max_examples=50, deadline=None)
particle = st.floats(1.0, 2000.0, allow_nan=False)
times = st.floats(0.0, 87_600.0, allow_nan=False)
distances = st.floats(0.0, 5000.0, allow_nan=False)


# --- the arterial path -------------------------------------------------------------------------
def test_path_starts_with_the_ct_calibres_from_the_anatomy_model():
    path = tace.arterial_path("CHA", "RHA")
    assert path.names[:3] == ("Common hepatic artery", "Proper hepatic artery",
                              "Right hepatic artery")
    assert path.calibres_um[:3] == pytest.approx([4300.0, 2930.0, 2920.0])  # Bilir CT means
    tree = anatomy.arterial_tree("michels_1")
    assert path.calibres_um[2] == pytest.approx(tree.vessels["RHA"].diameter_mm * 1000)
    left = tace.arterial_path("PHA", "LHA")
    assert left.calibres_um[1] == pytest.approx(2510.0)


def test_murray_law_below_the_lobar_artery():
    path = tace.arterial_path("PHA", "RHA")
    d = path.calibres_um[path.lobar_index:]
    # symmetric bifurcation under Murray's law: parent^3 = 2 * child^3
    np.testing.assert_allclose(d[:-1] ** 3, 2 * d[1:] ** 3, rtol=1e-12)
    assert d[-1] <= 10.0 < d[-2]          # ends at capillary size (assumption: 10 µm)
    assert np.all(np.diff(path.calibres_um) < 0)
    # about 25 generations from 2.92 mm to 10 µm: 3*log2(292) = 24.6
    assert len(path) - 1 - path.lobar_index == math.ceil(3 * math.log2(2920 / 10))


def test_catheter_must_be_upstream_of_the_lobar_artery():
    with pytest.raises(ValueError, match="catheter_at"):
        tace.arterial_path("LHA", "RHA")
    with pytest.raises(ValueError, match="lobar"):
        tace.arterial_path("PHA", "GDA")


# --- particle stopping -----------------------------------------------------------------------
def test_particles_stop_where_the_calibre_falls_to_their_size():
    path = tace.arterial_path()
    for d in (40, 100, 300, 500, 700):
        g = tace.lodging_generation(d)
        assert path.calibres_um[g] <= d < path.calibres_um[g - 1]
        assert tace.lodging_diameter_um(d) == pytest.approx(d)


def test_bead_classes_stop_in_order_and_small_ones_go_further():
    order = []
    for _label, lo, hi in tace.BEAD_CLASSES.values():
        g_lo, g_hi = tace.lodging_generation([float(lo), float(hi)])
        assert g_lo >= g_hi            # the small end of a class travels further
        order.append(g_hi)
    assert order == sorted(order, reverse=True)
    # worked numbers quoted in the module text: 40 µm ~20 branchings beyond the RHA, 700 µm ~8
    path = tace.arterial_path()
    assert tace.lodging_generation(40) - path.lobar_index == 19
    assert tace.lodging_generation(700) - path.lobar_index == 7


@FAST
@given(particle, particle)
def test_larger_particles_stop_at_larger_calibres(a, b):
    small, large = min(a, b), max(a, b)
    assert tace.lodging_diameter_um(large) >= tace.lodging_diameter_um(small)
    assert tace.lodging_generation(large) <= tace.lodging_generation(small)
    assert tace.lodging_position(large) <= tace.lodging_position(small) + 1e-12
    assert tace.share_blocked_per_particle(large) >= tace.share_blocked_per_particle(small)


def test_loaded_beads_shrink_by_a_fifth_and_travel_further():
    assert tace.effective_diameter_um(500, loaded=True) == pytest.approx(400.0)  # de Baere 20%
    assert tace.lodging_generation(500, loaded=True) > tace.lodging_generation(500)
    with pytest.raises(ValueError, match="loaded"):
        tace.lodging_diameter_um(300, loaded="yes")


def test_tiny_particles_pass_the_whole_path_and_through_shunts():
    path = tace.arterial_path()
    assert tace.lodging_generation(5) == len(path)
    assert tace.share_blocked_per_particle(5) == 0.0
    assert tace.passes_shunt(40, 100) is True
    assert tace.passes_shunt(300, 100) is False
    np.testing.assert_array_equal(tace.passes_shunt([40, 300], 100), [True, False])


def test_share_blocked_halves_per_generation():
    path = tace.arterial_path()
    for d in (200, 500):
        g = tace.lodging_generation(d) - path.lobar_index
        assert tace.share_blocked_per_particle(d) == pytest.approx(2.0 ** -g)
    assert tace.share_blocked_per_particle(2000) == 0.25  # 2 mm: two branchings beyond the RHA


def test_scalar_and_array_outputs():
    assert isinstance(tace.lodging_generation(300), int)
    assert isinstance(tace.lodging_diameter_um(300), float)
    out = tace.lodging_generation(np.array([[40, 300], [500, 700]]))
    assert out.shape == (2, 2) and out.dtype.kind == "i"


@pytest.mark.parametrize("bad", [0, -5, 2001, float("nan"), float("inf"), "300", None, True, []])
def test_bad_particle_sizes_raise_value_error(bad):
    with pytest.raises(ValueError, match="particle_diameter_um"):
        tace.lodging_generation(bad)


# --- drug release ----------------------------------------------------------------------------
def test_in_vitro_release_reproduces_de_baere_2016():
    # 75% of the releasable drug by 197 min; plateau 21% of the loaded dose by about 6 h
    assert tace.release_fraction(197 / 60) == pytest.approx(0.75 * 0.21, rel=1e-9)
    assert tace.release_fraction(6.0) == pytest.approx(0.21, rel=0.10)
    assert tace.release_fraction(48.0) == pytest.approx(0.21, rel=1e-6)
    for bead, (_, plateau, t75) in tace.BEAD_PRODUCTS.items():
        assert tace.release_fraction(t75 / 60, bead=bead) == pytest.approx(0.75 * plateau)
        assert tace.release_fraction(1000.0, bead=bead) == pytest.approx(float(plateau))


def test_in_vivo_like_release_has_a_1500_hour_half_life():
    assert tace.release_fraction(1500.0, "in_vivo") == pytest.approx(0.5)
    assert tace.release_fraction(24.0, "in_vivo") < 0.02   # slow: about 1% in the first day
    with pytest.raises(ValueError, match="bead"):
        tace.release_fraction(10.0, "in_vivo", bead="tandem")
    assert "in vitro" in tace.release_parameters("in_vitro")["label"]
    assert "in vivo" in tace.release_parameters("in_vivo")["label"]


@FAST
@given(times, times, st.sampled_from(["in_vitro", "in_vivo"]))
def test_release_rises_and_stays_in_unit_interval(t1, t2, condition):
    a, b = sorted((t1, t2))
    fa, fb = tace.release_fraction([a, b], condition)
    assert 0.0 <= fa <= fb <= 1.0


@pytest.mark.parametrize("bad", [-1.0, 87_601.0, float("nan"), "6", None, [1.0, float("inf")]])
def test_bad_release_times_raise_value_error(bad):
    with pytest.raises(ValueError, match="time_h"):
        tace.release_fraction(bad)


def test_bad_release_choices_raise_value_error():
    with pytest.raises(ValueError, match="condition"):
        tace.release_fraction(1.0, "in_silico")
    with pytest.raises(ValueError, match="bead"):
        tace.release_fraction(1.0, bead="gelfoam")


# --- drug reach ------------------------------------------------------------------------------
def test_penetration_distance_reproduces_200_um():
    # Zhang 2017: doxorubicin reached about 200 µm from the bead edge
    assert tace.penetration_distance_um() == pytest.approx(200.0, abs=1e-6)
    threshold = float(C.DOX_PENETRATION_THRESHOLD_FRACTION)
    assert tace.steady_concentration(200.0) == pytest.approx(threshold)
    # late profile (quasi-steady, bead barely depleted) matches the steady profile
    late = tace.drug_concentration(200.0, 24.0) / tace.drug_concentration(0.0, 24.0)
    assert late == pytest.approx(threshold, rel=0.02)
    # "most of the drug stays within about a fifth of a millimetre": integrate numerically over
    # spherical shells and compare with the closed form
    r = np.linspace(0, 5000, 200_001)
    a = 100.0
    amount = (a + r) ** 2 * tace.steady_concentration(r)
    inside = np.trapezoid(amount[r <= 200], r[r <= 200]) / np.trapezoid(amount, r)
    assert inside == pytest.approx(tace.drug_share_within_um(200.0), rel=1e-4)
    assert 0.5 < inside < 0.8      # most of it: about 70%


def test_early_profile_matches_the_semi_infinite_diffusion_limit():
    # for k t << 1 the planar term tends to erfc(x / 2 sqrt(D t)) (no uptake yet)
    d, t_h = float(C.DOX_TISSUE_DIFFUSIVITY_UM2_PER_S), 1.0 / 3600.0
    x = np.array([5.0, 20.0, 50.0])
    a = 100.0
    expected = a / (a + x) * np.array([math.erfc(v / (2 * math.sqrt(d * 1.0))) for v in x])
    np.testing.assert_allclose(tace.drug_concentration(x, t_h), expected, rtol=0.02, atol=1e-4)


@FAST
@given(distances, distances, st.floats(0.001, 87_600.0))
def test_concentration_falls_with_distance_and_is_never_negative(x1, x2, t):
    near, far = sorted((x1, x2))
    c_near, c_far = tace.drug_concentration([near, far], t)
    assert 0.0 <= c_far <= c_near + 1e-12 <= 1.0 + 1e-12


@FAST
@given(distances, st.floats(10.0, 2000.0))
def test_concentration_is_finite_and_bounded(x, bead):
    for t in (0.0, 1e-6, 0.5, 24.0, 87_600.0):
        c = tace.drug_concentration(x, t, bead_diameter_um=bead)
        assert math.isfinite(c) and 0.0 <= c <= 1.0


def test_concentration_broadcasts_and_declines_as_the_bead_empties():
    x = np.linspace(0, 400, 9)
    t = np.array([[24.0], [720.0]])
    c = tace.drug_concentration(x, t)
    assert c.shape == (2, 9)
    assert np.all(c[1] <= c[0])
    assert tace.drug_concentration(0.0, 1500.0) == pytest.approx(0.5, rel=1e-6)
    assert tace.drug_concentration(50.0, 0.0) == 0.0
    assert tace.drug_concentration(0.0, 0.0) == 1.0


def test_larger_beads_reach_slightly_further():
    assert tace.penetration_distance_um(500) > tace.penetration_distance_um(200)
    assert tace.penetration_distance_um(100) < 200.0


@pytest.mark.parametrize("kwargs, name", [
    ({"distance_um": -1.0}, "distance_um"),
    ({"distance_um": float("nan")}, "distance_um"),
    ({"time_h": -0.5}, "time_h"),
    ({"time_h": "1 day"}, "time_h"),
    ({"bead_diameter_um": 0.0}, "bead_diameter_um"),
    ({"elution_half_life_h": 0.0}, "elution_half_life_h"),
    ({"diffusivity_um2_per_s": -3.0}, "diffusivity_um2_per_s"),
])
def test_bad_concentration_input_raises_value_error(kwargs, name):
    args = {"distance_um": 100.0, "time_h": 24.0, **kwargs}
    with pytest.raises(ValueError, match=name):
        tace.drug_concentration(**args)


def test_shapes_that_do_not_broadcast_raise_value_error():
    with pytest.raises(ValueError, match="broadcast"):
        tace.drug_concentration([1.0, 2.0, 3.0], [1.0, 2.0])


# --- the family, the journey, the ischaemia principle, constants ------------------------------
def test_family_has_three_techniques_with_resolving_references():
    assert set(tace.TACE_FAMILY) == {"tae", "ctace", "deb"}
    header, rows = tace.comparison_table()
    assert len(header) == 4 and all(len(r) == 4 for r in rows)
    for t in tace.TACE_FAMILY.values():
        assert t.refs and all(references.citation(k) for k in t.refs)
    deb = tace.technique("deb")
    assert "biloma" in deb.specific_risks.lower() and "6.6" in deb.specific_risks
    with pytest.raises(ValueError, match="technique_id"):
        tace.technique("sirt")


def test_journey_items_carry_status_and_resolving_references():
    for stage in tace.JOURNEY_STAGES:
        title, items = tace.journey(stage)
        assert title and items
        for text, status, refs in items:
            assert text and status in C.STATUSES or status == "U"
            for k in refs:
                references.citation(k)
    for _label, start, end, kind, _status, refs in tace.TIMELINE:
        assert 0 <= start < end and kind in {"expected", "care", "watch"}
        for k in refs:
            references.citation(k)
    with pytest.raises(ValueError, match="stage"):
        tace.journey("during")


def test_ischaemia_principle_uses_the_liver_model():
    normal = tace.supply_after_embolisation("normal", 1.0)
    tumour = tace.supply_after_embolisation("metastasis", 1.0)
    assert normal.remaining == pytest.approx(0.75)   # portal vein ~75% of flow (ASA)
    assert tumour.remaining == pytest.approx(0.05)   # ~95% arterial (Taylor 1978)
    assert tace.supply_after_embolisation("normal", 0.0).remaining == pytest.approx(1.0)
    with pytest.raises(ValueError, match="arterial_blocked_fraction"):
        tace.supply_after_embolisation("normal", 1.5)


def test_tace_constants_resolve_and_assumptions_are_labelled():
    from netteach.constants import tace as tace_constants

    tace_consts = {n: c for n, c in vars(tace_constants).items() if isinstance(c, C.Constant)}
    assert len(tace_consts) > 20
    for name, c in tace_consts.items():
        references.citation(c.ref)
        if c.ref == "tace_model_assumptions":
            assert c.status == "U", name
            assert "ssumption" in c.note or "not verified" in c.note, name
