"""Tests of the patient-journey content, the checklists and the carer dose (notebook 07).

Values are checked against ../shared/reference/ (anatomy-tace-rfa-nets.md section 5.5 and
sirt-y90.md section 10).
"""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from netteach.models import journey as jr
from netteach.references import all_references

REFS = all_references()
STATUSES = {"V", "V-weak", "local"}


def all_text(therapy, stage):
    return " ".join(it.text for it in jr.items(therapy, stage)).lower()


def test_every_item_has_a_known_status_and_resolving_sources():
    for stage, its in jr.JOURNEY.items():
        assert stage in jr.STAGES
        for it in its:
            assert it.status in STATUSES
            assert set(it.therapies) <= set(jr.THERAPIES)
            assert all(k in REFS for k in it.refs)
            if it.status != "local":
                assert it.refs, f"verified item without a source: {it.text[:40]}"
    for _sign, who, urgency, keys, status in jr.WARNING_SIGNS:
        assert who and urgency in {"emergency", "urgent", "same day"} and status in STATUSES
        assert all(k in REFS for k in keys)
    for _label, _value, keys, _status in jr.REFERENCE_DOSES:
        assert all(k in REFS for k in keys)


@pytest.mark.parametrize("therapy", list(jr.THERAPIES))
def test_the_brief_topics_are_covered_for_each_therapy(therapy):
    before = all_text(therapy, "before")
    for word in ("blood tests", "fasting", "medicines", "allergy", "consent", "octreotide",
                 "antibiotics", "whipple"):
        assert word in before, f"{therapy} before: {word}"
    day = all_text(therapy, "day")
    for word in ("monitoring", "carcinoid crisis"):
        assert word in day
    after = all_text(therapy, "after")
    for word in ("observations", "pain"):
        assert word in after


@pytest.mark.parametrize("therapy", ["tace", "sirt"])
def test_arterial_access_and_aftercare(therapy):
    assert "groin" in all_text(therapy, "day") and "wrist" in all_text(therapy, "day")
    assert "sedation" in all_text(therapy, "day")
    after = all_text(therapy, "after")
    assert "puncture site" in after and "fever" in after and "home" in after


def test_published_numbers_in_the_content():
    text = " ".join(it.text for its in jr.JOURNEY.values() for it in its)
    # Radial access preferred by 35/42 (JVIR 2017); PES 3-5 days; recovery 7-10 days;
    # no driving 24 h; temperature twice a day for 5 days (Northwestern).
    for phrase in ("35 preferred the wrist", "3-5 days", "7-10 days", "no driving for 24 hours",
                   "twice a day for 5 days", "at least 15 minutes", "48 hours"):
        assert phrase in text
    signs = " ".join(s[0] for s in jr.WARNING_SIGNS)
    assert "38.6 °C (101.5 °F)" in signs
    # Carcinoid crisis definition (Kwon 2019): < 80 or > 180 mmHg, heart rate > 120.
    assert "below 80 or above 180 mmHg" in text and "above 120" in text


def test_sirt_precautions_match_the_patient_information():
    after = all_text("sirt", "after")
    assert "24 hours" in after and "7 days" in after and "2 months" in after
    assert "radiation" not in all_text("tace", "after")


@pytest.mark.parametrize("therapy", list(jr.THERAPIES))
def test_checklist_structure(therapy):
    c = jr.checklist(therapy)
    headings = [h for h, _ in c["sections"]]
    assert headings == [*jr.STAGES.values(), "Warning signs and who to call",
                        "Questions you might want to ask", "Where to get help"]
    assert all(lines for _, lines in c["sections"])
    assert "not for clinical decisions" in c["footer"]
    assert all(k in REFS for k in c["refs"])
    flat = " ".join(" ".join(lines) for _, lines in c["sections"])
    if therapy != "sirt":
        assert "SIRT" not in flat.replace("SIRT (", "")  # no SIRT-only advice elsewhere


def test_bad_therapy_or_stage():
    with pytest.raises(ValueError, match="therapy"):
        jr.checklist("surgery")
    with pytest.raises(ValueError, match="stage"):
        jr.items("tace", "later")


# --- carer dose, computed by the SIRT model ---------------------------------------------------

def test_carer_dose_matches_the_worked_numbers():
    # sirt-y90.md 10.1 [C]: staying at 1 m for ever after 2 GBq gives about 0.11 mSv;
    # after 5 GBq about 0.27 mSv (mean Cournane factors, tau = 92.5 h).
    assert jr.carer_dose_usv(2.0, 1.0, 24.0, 1000) == pytest.approx(109, rel=0.02)
    assert jr.carer_dose_usv(5.0, 1.0, 24.0, 1000) == pytest.approx(273, rel=0.02)


@settings(max_examples=50, deadline=None)
@given(a=st.floats(0.5, 20), d=st.floats(0.3, 3.0), h=st.floats(0.5, 24), n=st.integers(1, 28))
def test_carer_dose_properties(a, d, h, n):
    dose = jr.carer_dose_usv(a, d, h, n)
    assert np.isfinite(dose) and dose > 0
    # proportional to the hours a day; more days never lowers the dose; further away is lower
    assert jr.carer_dose_usv(a, d, h / 2, n) == pytest.approx(dose / 2, rel=1e-9)
    assert jr.carer_dose_usv(a, d, h, n + 1) >= dose
    assert jr.carer_dose_usv(a, min(d * 1.5, 3.0), h, n) <= dose


def test_carer_dose_accepts_an_array_of_distances():
    d = np.array([0.3, 1.0, 2.0])
    out = jr.carer_dose_usv(2.0, d, 8.0, 7)
    assert isinstance(out, np.ndarray) and out.shape == (3,) and np.all(np.diff(out) < 0)
    assert isinstance(jr.carer_dose_usv(2.0, 1.0, 8.0, 7), float)


@pytest.mark.parametrize("kwargs, name", [
    (dict(activity_gbq=-1.0), "activity_gbq"), (dict(distance_m=0.0), "distance_m"),
    (dict(hours_per_day=25.0), "hours_per_day"), (dict(hours_per_day=0.0), "hours_per_day"),
    (dict(days=float("nan")), "days"), (dict(distance_m="far"), "distance_m")])
def test_carer_dose_bad_input(kwargs, name):
    args = dict(activity_gbq=2.0, distance_m=1.0, hours_per_day=8.0, days=7)
    args.update(kwargs)
    with pytest.raises(ValueError, match=name):
        jr.carer_dose_usv(**args)


def test_reference_doses_are_the_published_ones():
    values = {label: v for label, v, _, _ in jr.REFERENCE_DOSES}
    # McCann 2012: mean carer dose 0.03 mSv (resin), 0.06 mSv (glass), max 0.23 mSv;
    # Cournane 2019: constraint 0.3 mSv and limit 1 mSv.
    assert sorted(values.values()) == [30.0, 60.0, 230.0, 300.0, 1000.0]
