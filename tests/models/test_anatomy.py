"""Tests of the hepatic arterial anatomy model (netteach.models.anatomy).

Rules come from issue 3 and shared/reference/anatomy-tace-rfa-nets.md section 2:
standard pattern (Malviya & Verma 2023; Hiatt 1994 type 1), RGA origin (J Korean Radiol Soc
1997), segment IV artery from the LHA in 56.8% (Imam 2022), caudate fed from both sides
(radgray), Michels types (Radiopaedia; Coco & Leanza).
"""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netteach import references
from netteach.constants import anatomy as C
from netteach.models import anatomy as A

ALL_SEGMENTS = set(A.SEGMENTS)
RIGHT = {"V", "VI", "VII", "VIII"}
LEFT = {"II", "III", "IV"}
VARIANT_IDS = [f"michels_{i}" for i in range(1, 11)]
TREES = {v: A.arterial_tree(v) for v in VARIANT_IDS}


def terr(variant, at, coiled=()):
    return A.perfused_territory(TREES[variant], at, coiled)


# --- the default tree (Michels I)
def test_default_variant_is_michels_1():
    assert A.arterial_tree().variant == "michels_1"


def test_required_vessel_ids_present():
    t = A.arterial_tree()
    for v in ("coeliac", "SMA", "LGA", "CHA", "GDA", "PHA", "RHA", "LHA", "segment_4", "cystic",
              "RGA", "falciform"):
        assert v in t


def test_standard_branching_pattern():
    t = A.arterial_tree()
    parent = {v: t.vessels[v].parent for v in t.ids}
    assert parent["CHA"] == "coeliac" and parent["LGA"] == "coeliac"
    assert parent["GDA"] == "CHA" and parent["PHA"] == "CHA"
    assert parent["RHA"] == "PHA" and parent["LHA"] == "PHA"
    assert parent["segment_4"] == "LHA"  # commonest origin, 56.8% (Imam 2022)
    assert parent["cystic"] == "RHA"
    assert parent["RGA"] == "PHA"  # commonest origin, 43% (Korean 1997)


def test_diameters_from_bilir_where_known():
    t = A.arterial_tree()
    assert t.vessels["CHA"].diameter_mm == pytest.approx(4.3)
    assert t.vessels["PHA"].diameter_mm == pytest.approx(2.93)
    assert t.vessels["RHA"].diameter_mm == pytest.approx(2.92)
    assert t.vessels["LHA"].diameter_mm == pytest.approx(2.51)
    assert t.vessels["coeliac"].diameter_mm == pytest.approx(7.2)
    assert t.vessels["GDA"].diameter_mm is None  # not found in any source
    t3 = A.arterial_tree("michels_3")
    assert t3.vessels["CHA"].diameter_mm == pytest.approx(5.07)


def test_cha_reaches_every_segment_and_gda_organs():
    r = terr("michels_1", "CHA")
    assert r.segments == ALL_SEGMENTS
    assert {"duodenum", "pancreas"} <= r.non_target
    assert ("CHA", "GDA") in r.routes["duodenum"]


def test_cha_with_gda_coiled_loses_duodenum_and_pancreas():
    r = terr("michels_1", "CHA", coiled=("GDA",))
    assert r.segments == ALL_SEGMENTS
    assert not {"duodenum", "pancreas"} & r.non_target
    assert "GDA" in r.blocked and "GDA" not in r.reached


def test_rha_reaches_right_liver_and_gallbladder():
    r = terr("michels_1", "RHA")
    assert RIGHT <= r.segments
    assert not LEFT & r.segments
    assert r.non_target == {"gallbladder"}
    assert ("RHA", "cystic") in r.routes["gallbladder"]


def test_rha_with_cystic_coiled_spares_gallbladder():
    r = terr("michels_1", "RHA", coiled=["cystic"])
    assert RIGHT <= r.segments
    assert "gallbladder" not in r.non_target


def test_lha_reaches_ii_iii_iv():
    r = terr("michels_1", "LHA")
    assert LEFT <= r.segments
    assert not RIGHT & r.segments


def test_caudate_fed_from_both_sides():
    right, left = terr("michels_1", "RHA"), terr("michels_1", "LHA")
    assert "I" in right.segments and "I" in left.segments
    assert "I" in right.shared_segments and "I" in left.shared_segments
    assert "I" not in terr("michels_1", "PHA").shared_segments


def test_superselective_sector_branches():
    assert terr("michels_1", "right_anterior").segments == {"V", "VIII"}
    assert terr("michels_1", "right_posterior").segments == {"VI", "VII"}
    assert terr("michels_1", "segment_4").segments == {"IV"}
    assert not terr("michels_1", "right_anterior").non_target


@pytest.mark.parametrize("variant", VARIANT_IDS)
def test_rga_carries_agent_to_stomach_wherever_it_arises(variant):
    t = TREES[variant]
    parent = t.vessels["RGA"].parent
    r = A.perfused_territory(t, parent)
    assert "stomach" in r.non_target
    assert any(path[-1] == "RGA" for path in r.routes["stomach"])
    coiled = A.perfused_territory(t, parent, coiled=["RGA"])
    assert not any(path[-1] == "RGA" for path in coiled.routes.get("stomach", ()))


@pytest.mark.parametrize("origin", ["PHA", "LHA", "CHA", "RHA", "GDA"])
def test_rga_origin_can_be_chosen(origin):
    t = A.arterial_tree("michels_1", rga_from=origin)
    assert t.vessels["RGA"].parent == origin
    assert "stomach" in A.perfused_territory(t, origin).non_target


def test_rga_from_lha_puts_stomach_at_risk_from_lha():
    t = A.arterial_tree("michels_1", rga_from="LHA")
    assert "stomach" in A.perfused_territory(t, "LHA").non_target
    assert "stomach" not in A.perfused_territory(A.arterial_tree(), "LHA").non_target


# --- variants change the answer
def test_michels_3_pha_does_not_reach_right_liver():
    r = terr("michels_3", "PHA")
    assert not RIGHT & r.segments
    assert LEFT <= r.segments
    t = TREES["michels_3"]
    assert t.vessels["replaced_RHA"].parent == "SMA"
    assert "RHA" not in t
    assert RIGHT <= terr("michels_3", "replaced_RHA").segments
    # with the RHA replaced to the SMA, the RGA arises from the LHA (89%)
    assert t.vessels["RGA"].parent == "LHA"


def test_michels_2_replaced_lha_from_lga():
    t = TREES["michels_2"]
    assert t.vessels["replaced_LHA"].parent == "LGA"
    assert not LEFT & terr("michels_2", "PHA").segments
    r = terr("michels_2", "LGA")
    assert LEFT <= r.segments and "stomach" in r.non_target


def test_michels_4_both_replaced_no_pha():
    t = TREES["michels_4"]
    assert "PHA" not in t
    assert terr("michels_4", "CHA").segments == set()
    with pytest.raises(ValueError, match="catheter_at must be one of"):
        terr("michels_4", "PHA")


def test_michels_5_accessory_lha_shares_left_lateral_segments():
    t = TREES["michels_5"]
    assert t.vessels["accessory_LHA"].parent == "LGA"
    r = terr("michels_5", "LHA")
    assert {"II", "III"} <= r.shared_segments
    assert terr("michels_5", "PHA").segments >= LEFT | RIGHT


def test_michels_6_and_7_accessory_rha_from_sma():
    for v in ("michels_6", "michels_7"):
        assert TREES[v].vessels["accessory_RHA"].parent == "SMA"
        assert {"VI", "VII"} <= terr(v, "RHA").shared_segments
    assert TREES["michels_7"].vessels["accessory_LHA"].parent == "LGA"


def test_michels_8_replaced_rha_with_accessory_lha():
    t = TREES["michels_8"]
    assert t.vessels["replaced_RHA"].parent == "SMA"
    assert t.vessels["accessory_LHA"].parent == "LGA"


def test_michels_9_and_10_cha_origin():
    assert TREES["michels_9"].vessels["CHA"].parent == "SMA"
    assert TREES["michels_10"].vessels["CHA"].parent == "LGA"
    assert terr("michels_10", "LGA").segments == ALL_SEGMENTS
    assert "stomach" in terr("michels_10", "LGA").non_target
    assert "coeliac" not in A.catheter_positions(TREES["michels_9"]) or \
        not terr("michels_9", "coeliac").segments


def test_every_variant_has_a_different_tree():
    shapes = {tuple(sorted((v, t.vessels[v].parent) for v in t.ids)) for t in TREES.values()}
    assert len(shapes) == 10


# --- VARIANTS
def test_variants_ids_descriptions_and_frequencies():
    assert list(A.VARIANTS) == VARIANT_IDS
    for v in A.VARIANTS.values():
        assert v.description and v.name
        assert v.frequencies
        for f in v.frequencies:
            references.citation(f.percent.ref)
            assert 0 <= float(f.percent) <= 100


def test_variant_frequencies_match_the_reference_file():
    v1 = A.VARIANTS["michels_1"]
    by_series = {f.series.split(" (")[0]: float(f.percent) for f in v1.frequencies}
    assert by_series["Hiatt 1994"] == pytest.approx(75.7)
    assert by_series["Löschner 2015"] == pytest.approx(72.2)
    assert by_series["Bilir"] == pytest.approx(85.6)
    assert v1.spread_percent() == (55.0, 85.6)
    v3 = {f.series.split(" (")[0]: float(f.percent) for f in A.VARIANTS["michels_3"].frequencies}
    assert v3["Hiatt 1994"] == pytest.approx(10.6) and v3["Löschner 2015"] == pytest.approx(6.4)
    # the Hiatt figure for type III counts types III and VI together, and says so
    hiatt3 = [f for f in A.VARIANTS["michels_3"].frequencies if f.series.startswith("Hiatt")][0]
    assert "III and VI" in hiatt3.grouping


def test_hiatt_types_sum_to_1000_cases():
    # Hiatt 1994: 757 + 97 + 106 + 23 + 15 + 2 = 1000
    percents = [75.7, 9.7, 10.6, 2.3, 1.5, float(C.HIATT_TYPE_6_PERCENT)]
    assert sum(percents) == pytest.approx(100.0)


# --- bad input
def test_unknown_variant_lists_valid_ids():
    with pytest.raises(ValueError) as e:
        A.arterial_tree("michels_11")
    assert "variant" in str(e.value) and "'michels_1'" in str(e.value)
    assert "'michels_10'" in str(e.value) and "michels_11" in str(e.value)


@pytest.mark.parametrize("bad", ["foo", None, 3, "rha"])
def test_unknown_vessel_lists_valid_ids(bad):
    with pytest.raises(ValueError) as e:
        A.perfused_territory(A.arterial_tree(), bad)
    assert "catheter_at" in str(e.value) and "'CHA'" in str(e.value)


def test_unknown_coil_lists_valid_ids():
    with pytest.raises(ValueError, match="coiled must be one of"):
        A.perfused_territory(A.arterial_tree(), "CHA", coiled=["XYZ"])
    with pytest.raises(ValueError, match="coiled"):
        A.perfused_territory(A.arterial_tree(), "CHA", coiled=5)


def test_bad_tree_and_rga_origin():
    with pytest.raises(ValueError, match="tree"):
        A.perfused_territory("michels_1", "CHA")
    with pytest.raises(ValueError, match="rga_from"):
        A.arterial_tree("michels_1", rga_from="SMA")


def test_coil_upstream_of_tip_is_ignored_and_reported():
    r = terr("michels_1", "RHA", coiled=("PHA", "RHA"))
    assert r.ignored_coils == {"PHA", "RHA"}
    assert r.segments == terr("michels_1", "RHA").segments


def test_a_coiled_string_is_one_vessel():
    assert terr("michels_1", "CHA", coiled="GDA") == terr("michels_1", "CHA", coiled=["GDA"])


# --- property tests
@st.composite
def tree_tip_coils(draw):
    variant = draw(st.sampled_from(VARIANT_IDS))
    t = TREES[variant]
    tip = draw(st.sampled_from(t.ids))
    coils = draw(st.frozensets(st.sampled_from(t.ids), max_size=4))
    return variant, tip, coils


@settings(max_examples=60, deadline=None)
@given(tree_tip_coils(), st.data())
def test_coiling_never_adds_territory(case, data):
    variant, tip, coils = case
    t = TREES[variant]
    extra = data.draw(st.sampled_from(t.ids))
    before = A.perfused_territory(t, tip, coils)
    after = A.perfused_territory(t, tip, coils | {extra})
    assert after.segments <= before.segments
    assert after.non_target <= before.non_target
    assert after.reached <= before.reached


@settings(max_examples=60, deadline=None)
@given(tree_tip_coils())
def test_child_territory_inside_parent(case):
    variant, tip, coils = case
    t = TREES[variant]
    parent = t.vessels[tip].parent
    if parent is None:
        return
    # coils on the path from the parent to the child would cut the child off from its parent
    coils = coils - {tip, parent, *t.ancestors(tip)}
    child = A.perfused_territory(t, tip, coils)
    par = A.perfused_territory(t, parent, coils)
    assert child.segments <= par.segments
    assert child.non_target <= par.non_target
    assert child.reached <= par.reached


@settings(max_examples=40, deadline=None)
@given(tree_tip_coils())
def test_territory_is_well_formed(case):
    variant, tip, coils = case
    r = A.perfused_territory(TREES[variant], tip, coils)
    assert r.segments <= ALL_SEGMENTS
    assert r.non_target <= set(A.NON_TARGET_ORGANS)
    assert r.shared_segments <= r.segments
    assert set(r.routes) == r.non_target
    assert not r.reached & r.blocked


def test_sweep_every_variant_and_catheter_position():
    for variant, t in TREES.items():
        positions = A.catheter_positions(t)
        assert positions, variant
        for tip in positions:
            r = A.perfused_territory(t, tip)
            assert r.segments, (variant, tip)
        # the whole liver is always reachable from some position without touching the bowel
        reach = set().union(*(A.perfused_territory(t, p).segments for p in positions))
        assert reach == ALL_SEGMENTS


def test_non_target_effects_cover_every_organ():
    assert set(A.NON_TARGET_EFFECTS) == set(A.NON_TARGET_ORGANS)
    for text, status, ref in A.NON_TARGET_EFFECTS.values():
        assert text and status in ("V", "U")
        references.citation(ref)
