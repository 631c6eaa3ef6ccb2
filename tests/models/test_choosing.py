"""Tests of the decision explorer, the case scenarios and the reach curves (notebook 06).

Published thresholds come from ../shared/reference/ (cited at each test).
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netteach import ranges
from netteach.models import choosing as ch
from netteach.references import all_references

REFS = all_references()
OPS = {"==", "<", "<=", ">", ">="}


def patient(**changes):
    return {**ch.DEFAULT_PATIENT, **changes}


def ids(result, therapy, side):
    return [f.id for f in result[therapy][side]]


# --- the factor table -----------------------------------------------------------------------

def test_every_factor_is_well_formed():
    seen = set()
    for f in ch.FACTORS:
        assert f.id not in seen, f"duplicate factor id {f.id}"
        seen.add(f.id)
        assert f.side in ch.SIDES
        assert f.status in ch.STATUS_LABELS
        assert f.therapies and set(f.therapies) <= set(ch.THERAPIES)
        assert f.refs, f"{f.id} has no source"
        for key in f.refs:
            assert key in REFS, f"{f.id}: unknown reference {key}"
        for name, op, _ in f.when:
            assert name in ch.DEFAULT_PATIENT and op in OPS
        assert len(f.text) > 40


def test_every_input_is_used_by_some_factor():
    used = {name for f in ch.FACTORS for name, _, _ in f.when}
    assert used == set(ch.DEFAULT_PATIENT)


def test_limits_match_the_plausible_values_table():
    for name, (lo, hi) in ch._LIMITS.items():
        r = ranges.get("choosing", name)
        assert (r.min, r.max) == (lo, hi)
        assert r.default == ch.DEFAULT_PATIENT[name]


def test_the_explorer_says_it_recommends_nothing():
    text = ch.NOT_A_RECOMMENDATION.lower()
    assert "recommends nothing" in text and "multidisciplinary team" in text


# --- published thresholds -------------------------------------------------------------------

@pytest.mark.parametrize("lsf, side", [(0.0, "for"), (9.9, "for"), (10.0, "weigh"),
                                       (15.0, "weigh"), (20.0, "weigh"), (20.1, "against"),
                                       (60.0, "against")])
def test_lung_shunt_thresholds(lsf, side):
    # Resin: no reduction < 10%, 20%/40% reduction 10-20%, no treatment > 20%
    # (van Roekel thesis p.41; sirt-y90.md section 4.3).
    r = ch.explore(**patient(lung_shunt_percent=lsf))
    lung = [f for s in ch.SIDES for f in r["sirt"][s] if f.id.startswith("lung-")]
    assert len(lung) == 1 and lung[0].side == side
    # The lung shunt is not a factor for TACE or RFA.
    for t in ("tace", "rfa"):
        assert not any(f.id.startswith("lung-") for s in ch.SIDES for f in r[t][s])


@pytest.mark.parametrize("size, fid", [(0.5, "size-rfa-small"), (3.0, "size-rfa-small"),
                                       (3.1, "size-rfa-mid"), (5.0, "size-rfa-mid"),
                                       (5.5, "size-rfa-large")])
def test_rfa_size_thresholds(size, fid):
    # >90% complete ablation under 3 cm (PMC3324186); one RFA makes a 3-5 cm zone (PMC3036313).
    r = ch.explore(**patient(largest_tumour_cm=size))
    rfa_size = [f.id for s in ch.SIDES for f in r["rfa"][s] if f.id.startswith("size-rfa")]
    assert rfa_size == [fid]


def test_tace_relative_contraindication_at_10_cm():
    # Tumour >= 10 cm is a relative contraindication (World J Hepatol 2015 table).
    assert "size-tace-10" in ids(ch.explore(**patient(largest_tumour_cm=10.0)), "tace", "against")
    assert "size-tace-10" not in ids(ch.explore(**patient(largest_tumour_cm=9.5)), "tace",
                                     "against")


def test_decompensated_liver_argues_against_tace_and_sirt():
    # Child-Pugh >= B8 absolute contraindication to TACE (WJH 2015); SIRT needs compensated
    # liver function (Kennedy 2014).
    r = ch.explore(**patient(liver_function="poor"))
    assert "liver-poor-tace" in ids(r, "tace", "against")
    assert "liver-poor-sirt" in ids(r, "sirt", "against")


def test_heat_sink_argues_only_against_rfa():
    r = ch.explore(**patient(near_large_vessel=True))
    assert "vessel-rfa" in ids(r, "rfa", "against")
    assert not any("vessel" in f.id for s in ch.SIDES for t in ("tace", "sirt") for f in r[t][s])


def test_whipple_factors_cite_the_abscess_series():
    r = ch.explore(**patient(prior_whipple=True))
    assert "choosing_lv_2016_abscess" in r["tace"]["against"][0].refs
    assert ids(r, "sirt", "weigh")[0] == "whipple-sirt"
    assert "whipple-rfa" in ids(r, "rfa", "weigh")


def test_factor_refs_lists_each_key_once():
    keys = ch.factor_refs(ch.explore(**patient(hormone_symptoms=True, prior_whipple=True)))
    assert len(keys) == len(set(keys)) and "choosing_kwon_2019" in keys


# --- bad input ----------------------------------------------------------------------------

@pytest.mark.parametrize("name, value", [
    ("largest_tumour_cm", 0.0), ("largest_tumour_cm", 25.0), ("largest_tumour_cm", math.nan),
    ("largest_tumour_cm", "3"), ("tumour_count", 0), ("tumour_count", 2.5),
    ("tumour_count", 31), ("lung_shunt_percent", -1.0), ("lung_shunt_percent", 61.0),
    ("lung_shunt_percent", None), ("liver_function", "fine"), ("near_bowel", 1),
    ("prior_whipple", "yes"), ("hormone_symptoms", None), ("largest_tumour_cm", True)])
def test_bad_input_names_the_parameter(name, value):
    with pytest.raises(ValueError, match=name):
        ch.explore(**patient(**{name: value}))


def test_missing_input_is_rejected():
    p = patient()
    del p["near_bowel"]
    with pytest.raises(TypeError):
        ch.explore(**p)


# --- properties -----------------------------------------------------------------------------

patients = st.fixed_dictionaries({
    "largest_tumour_cm": st.floats(0.5, 20.0), "tumour_count": st.integers(1, 30),
    "lung_shunt_percent": st.floats(0.0, 60.0),
    "liver_function": st.sampled_from(list(ch.LIVER_FUNCTION)),
    **{name: st.booleans() for name in ch._FLAGS}})


@settings(max_examples=50, deadline=None)
@given(patients)
def test_every_therapy_gets_exactly_the_factors_that_apply(p):
    r = ch.explore(**p)
    assert set(r) == set(ch.THERAPIES)
    for t in ch.THERAPIES:
        listed = [f.id for s in ch.SIDES for f in r[t][s]]
        expected = [f.id for f in ch.FACTORS if t in f.therapies and f.applies(p)]
        assert sorted(listed) == sorted(expected)
        assert len(listed) == len(set(listed))
        for s in ch.SIDES:
            assert all(f.side == s for f in r[t][s])


@settings(max_examples=50, deadline=None)
@given(patients)
def test_disease_outside_the_liver_flips_the_location_factor(p):
    inside = ch.explore(**{**p, "extrahepatic_disease": False})
    outside = ch.explore(**{**p, "extrahepatic_disease": True})
    for t in ch.THERAPIES:
        assert "liver-only" in ids(inside, t, "for") and "extrahepatic" not in ids(inside, t,
                                                                                 "against")
        assert "extrahepatic" in ids(outside, t, "against") and "liver-only" not in ids(
            outside, t, "for")


# --- case scenarios -------------------------------------------------------------------------

def test_at_least_four_case_scenarios_with_reasoned_answers():
    assert len(ch.CASES) >= 4
    assert len({c.id for c in ch.CASES}) == len(ch.CASES)
    for c in ch.CASES:
        ch.check_patient(**c.patient)
        assert len(c.questions) >= 2
        for q, a in c.questions:
            assert q.endswith("?") and len(a) > 60
        assert all(k in REFS for k in c.refs)


def test_case_scenarios_show_the_teaching_point():
    assert "lung-high" in ids(ch.explore(**ch.case("high-shunt").patient), "sirt", "against")
    assert "vessel-rfa" in ids(ch.explore(**ch.case("near-vessel").patient), "rfa", "against")
    assert "whipple-tace" in ids(ch.explore(**ch.case("whipple-many").patient), "tace",
                                 "against")
    r = ch.explore(**ch.case("decompensated").patient)
    assert all(r[t]["against"] for t in ch.THERAPIES)


def test_unknown_case_raises():
    with pytest.raises(ValueError, match="case_id"):
        ch.case("nobody")


# --- reach curves (computed by the topic models) ----------------------------------------------

@pytest.fixture(scope="module")
def curves():
    return ch.reach_curves()


def test_reach_curves_come_from_the_topic_models(curves):
    from netteach.models import rfa, sirt, tace

    assert list(curves) == ["tace_drug", "sirt_beta", "rfa_heat", "sirt_people"]
    c = curves["tace_drug"]
    x_um = c.distance_m[10] * 1e6
    assert c.relative[10] == pytest.approx(tace.drug_concentration(x_um, 24.0)
                                           / tace.drug_concentration(0.0, 24.0))
    c = curves["sirt_beta"]
    assert c.relative[50] == pytest.approx(1 - sirt.energy_fraction_within(
        c.distance_m[50] * 1e3))
    c = curves["sirt_people"]
    assert c.relative[40] == pytest.approx(sirt.dose_rate_usv_per_h(2.0, c.distance_m[40])
                                           / sirt.dose_rate_usv_per_h(2.0, 0.0))
    c = curves["rfa_heat"]
    run = rfa.simulate_ablation()
    assert c.zone_m == pytest.approx(run.radius_away_mm * 1e-3)
    for cid, c in curves.items():
        assert all(k in REFS for k in c.refs), cid
        assert c.model.startswith("netteach.models.")


def test_reach_curves_are_normalised_and_fall(curves):
    for cid, c in curves.items():
        rel = np.asarray(c.relative)
        assert np.all(np.isfinite(rel)) and rel.max() == pytest.approx(1.0, abs=0.07), cid
        assert rel.min() >= 0 and rel[-1] < 0.01, cid
        peak = int(np.argmax(rel))
        assert np.all(np.diff(rel[peak:]) <= 1e-12), cid  # falls beyond its peak


def test_reach_distances_match_published_scales(curves):
    # TACE: doxorubicin reached about 200 µm from the bead edge (Zhang 2017, rabbit liver);
    # the 10% point must lie inside that.
    assert 50e-6 < curves["tace_drug"].reach_m() < 200e-6
    # SIRT: half the beta energy lies within about 2.5 mm (mean penetration 2.5 mm, NRC; 4 mm
    # CSDA, EANM) and nearly all within the 11 mm maximum range (EANM 2022).
    assert 2.0e-3 < curves["sirt_beta"].reach_m(0.5) < 4.0e-3
    assert curves["sirt_beta"].reach_m(0.01) < 11e-3
    # RFA: one ablation makes a zone 3 to 5 cm across (PMC3036313): radius 1.5-2.5 cm.
    assert 15e-3 < curves["rfa_heat"].zone_m < 25e-3
    # People: 4.1 / 29 = 14% at 0.3 m and 2% at 1 m (Cournane 2019), so 10% lies in 0.3-1 m.
    assert 0.3 < curves["sirt_people"].reach_m() < 1.0
    # the order of the scales: micrometres < millimetres < centimetres < metres-ish
    order = [curves[k].reach_m() for k in ("tace_drug", "sirt_beta", "rfa_heat",
                                            "sirt_people")]
    assert order == sorted(order)


def test_distance_at_level_analytic():
    # y = 1/d falls to 0.1 at d = 10; on a fine grid the interpolated crossing is that close
    d = np.geomspace(1.0, 100.0, 2001)
    assert ch.distance_at_level_m(d, 1.0 / d, 0.1) == pytest.approx(10.0, rel=1e-3)
    assert ch.distance_at_level_m(d, np.ones_like(d), 0.1) == float("inf")
    # a curve that rises first is read beyond its peak
    y = np.concatenate([[0.0, 0.5], 1.0 / d[2:] * d[2]])
    assert ch.distance_at_level_m(d, y, 0.1) > d[2]


@pytest.mark.parametrize("kwargs, name", [
    (dict(level=0.0), "level"), (dict(level=1.0), "level"), (dict(level=float("nan")), "level"),
    (dict(distance_m=[1.0, 0.5]), "distance_m"), (dict(distance_m=[-1.0, 2.0]), "distance_m"),
    (dict(relative=[1.0]), "distance_m")])
def test_distance_at_level_bad_input(kwargs, name):
    args = dict(distance_m=[1.0, 2.0], relative=[1.0, 0.0], level=0.1)
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        ch.distance_at_level_m(**args)


@pytest.mark.parametrize("bad", [None, -1, {}, {"tace": {}}, "explore"])
def test_factor_refs_rejects_anything_but_an_explore_result(bad):
    with pytest.raises(ValueError, match="result"):
        ch.factor_refs(bad)
