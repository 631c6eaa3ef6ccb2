"""Tests of the liver blood-supply model and NET grading (netteach.models.liver).

Published values: ASA Anesthesia Toolbox question 5 (PV ~75% of flow, 50-55% of oxygen;
HA ~25% of flow, 45-50% of oxygen); Elsevier (80:20) and anatomy papers (70:30); Taylor 1978
(metastasis perfusion fell to ~5% after hepatic artery occlusion); WHO 2019 grading table
(World J Gastrointest Surg 2023;15(4):566, Table 1).
"""

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netteach import constants, references
from netteach.models import liver as M


def test_normal_liver_supply_matches_asa():
    s = M.supply_fractions("normal")
    assert s.portal_flow == pytest.approx(0.75)
    assert s.arterial_flow == pytest.approx(0.25)
    assert s.portal_oxygen_range == pytest.approx((0.50, 0.55))
    assert s.arterial_oxygen_range == pytest.approx((0.45, 0.50))
    assert s.portal_flow + s.arterial_flow == pytest.approx(1.0)


def test_reported_spread_70_to_80_percent():
    s = M.supply_fractions()
    assert s.portal_flow_range == pytest.approx((0.70, 0.80))
    assert s.arterial_flow_range == pytest.approx((0.20, 0.30))
    labels = [x.label for x in M.PORTAL_FLOW_SOURCES]
    assert len(labels) == 3
    for ref in s.refs:
        references.citation(ref)


def test_oxygen_shares_overlap_to_about_half():
    s = M.supply_fractions()
    # the portal vein brings ~3/4 of the blood but only about half of the oxygen
    assert s.portal_oxygen_range[1] < s.portal_flow_range[0]
    assert s.arterial_oxygen_range[0] > s.arterial_flow_range[1]


def test_metastasis_is_about_95_percent_arterial():
    s = M.supply_fractions("metastasis")
    assert s.arterial_flow == pytest.approx(0.95)
    assert s.portal_flow == pytest.approx(
        float(constants.METASTASIS_FLOW_AFTER_ARTERY_OCCLUSION_FRACTION))
    assert s.arterial_oxygen_range is None


def test_uptake_ratio_analytic():
    # same total flow per gram: the ratio is the ratio of arterial shares, 0.95 / 0.25 = 3.8
    t = M.arterial_flow_per_mass(100, 0.95)
    n = M.arterial_flow_per_mass(100, 0.25)
    assert M.arterial_uptake_ratio(t, n) == pytest.approx(3.8)
    assert isinstance(M.arterial_uptake_ratio(t, n), float)


def test_uptake_ratio_taylor_colorectal_example():
    # 41.5 mL/min/100 g, 95% arterial (Taylor 1978) against the labelled assumption for normal
    # liver (100 mL/min/100 g, 25% arterial): 39.425 / 25 = 1.577
    t = M.arterial_flow_per_mass(constants.METASTASIS_FLOW_ML_PER_MIN_100G,
                                 constants.METASTASIS_ARTERIAL_FRACTION)
    n = M.arterial_flow_per_mass(constants.NORMAL_LIVER_FLOW_ML_PER_MIN_100G,
                                 constants.ARTERIAL_FLOW_FRACTION)
    assert M.arterial_uptake_ratio(t, n) == pytest.approx(1.577, abs=1e-3)
    assert constants.NORMAL_LIVER_FLOW_ML_PER_MIN_100G.status == "U"


def test_uptake_ratio_arrays():
    r = M.arterial_uptake_ratio(np.array([25.0, 50.0, 100.0]), 25.0)
    np.testing.assert_allclose(r, [1.0, 2.0, 4.0])


def test_tumour_share_of_agent_partition():
    # SIRT partition example (shared/reference/sirt-y90.md section 6): M_T = 0.3 kg,
    # M_N = 1.2 kg, T/N = 4, so T/N x M_T = M_N and tumour and normal liver get equal shares
    assert M.tumour_share_of_agent(4.0, 0.2) == pytest.approx(0.5)
    # T/N = 9, m = 0.1: 0.9 / (0.9 + 0.9) = 0.5; T/N = 3, m = 0.25: 0.75 / 1.5 = 0.5
    assert M.tumour_share_of_agent(9.0, 0.1) == pytest.approx(0.5)
    assert M.tumour_share_of_agent(3.0, 0.25) == pytest.approx(0.5)
    assert M.tumour_share_of_agent(1.0, 0.1) == pytest.approx(0.1)
    assert M.tumour_share_of_agent(0.0, 0.0) == 0.0
    assert M.tumour_share_of_agent(5.0, 1.0) == pytest.approx(1.0)


@settings(max_examples=50, deadline=None)
@given(st.floats(0, 1000), st.floats(0, 1))
def test_tumour_share_is_a_fraction_and_never_nan(r, m):
    s = M.tumour_share_of_agent(r, m)
    assert 0.0 <= s <= 1.0 and not math.isnan(s)


@settings(max_examples=50, deadline=None)
@given(st.floats(0, 500), st.floats(0.1, 1000), st.floats(0, 500))
def test_uptake_ratio_rises_with_tumour_flow(t1, n, dt):
    assert M.arterial_uptake_ratio(t1 + dt, n) >= M.arterial_uptake_ratio(t1, n)


@pytest.mark.parametrize("call", [
    lambda: M.arterial_uptake_ratio(10, 0),
    lambda: M.arterial_uptake_ratio(-1, 10),
    lambda: M.arterial_uptake_ratio(float("nan"), 10),
    lambda: M.arterial_uptake_ratio("10", 10),
    lambda: M.arterial_flow_per_mass(100, 1.5),
    lambda: M.tumour_share_of_agent(2, -0.1),
    lambda: M.supply_fractions("tumour"),
    lambda: M.net_grade(101, 1),
    lambda: M.net_grade(5, None),
])
def test_bad_input_raises_value_error(call):
    with pytest.raises(ValueError):
        call()


def test_bad_input_message_names_parameter_and_range():
    with pytest.raises(ValueError) as e:
        M.arterial_uptake_ratio(10, -3)
    msg = str(e.value)
    assert "normal_arterial_flow_ml_min_100g" in msg and "-3" in msg and "at least 0.01" in msg


# --- WHO 2019/2022 grading
@pytest.mark.parametrize("ki67, mitoses, grade", [
    (1.0, 0, 1), (2.9, 1.9, 1),          # G1: Ki-67 < 3% and < 2 mitoses
    (3.0, 0, 2), (20.0, 0, 2),           # G2: Ki-67 3-20%
    (1.0, 2, 2), (1.0, 20, 2),           # G2: 2-20 mitoses
    (20.1, 0, 3), (1.0, 21, 3),          # G3: > 20
    (55.0, 3, 3),
])
def test_who_grade_cut_offs(ki67, mitoses, grade):
    assert M.net_grade(ki67, mitoses).grade == grade


def test_higher_index_decides_the_grade():
    g = M.net_grade(2.0, 25)
    assert g.by_ki67 == 1 and g.by_mitoses == 3 and g.grade == 3
    assert g.decided_by == "mitotic count" and g.label == "NET G3"
    assert M.net_grade(10, 5).decided_by == "both"
    assert M.net_grade(10, 0).decided_by == "Ki-67"


@settings(max_examples=50, deadline=None)
@given(st.floats(0, 100), st.floats(0, 1000))
def test_grade_is_max_of_both(k, m):
    g = M.net_grade(k, m)
    assert g.grade == max(g.by_ki67, g.by_mitoses) and g.grade in (1, 2, 3)


def test_every_liver_and_nets_constant_resolves():
    for name, c in constants.all_constants().items():
        if name.startswith(("PORTAL", "ARTERIAL", "METASTASIS", "KI67", "NETTER", "LIVER")):
            assert references.citation(c.ref)
