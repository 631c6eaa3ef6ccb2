"""TACE-specific parts of the patient's journey, as data (private to tace; re-exported there).

Each item is ``(text, status, refs)``: status ``'V'`` verified, ``'V-weak'`` found only in a
low-authority source (patient leaflet, summary site), ``'U'`` standard practice our sources did
not state as quoted text. The dashboard marks anything that is not ``'V'``. Local policy always
wins over this list.
"""

from __future__ import annotations

from types import MappingProxyType

from ..validation import check_choice

__all__ = ["JOURNEY_STAGES", "journey", "TIMELINE", "timeline_events"]

JOURNEY_STAGES = MappingProxyType({
    "pes": ("Post-embolisation syndrome and other effects", (
        ("What it is: fever, pain in the right upper abdomen, nausea or vomiting, poor "
         "appetite, tiredness and a raised white cell count, from the ischaemia, inflammation "
         "and tumour death that the treatment causes.", "V-weak", ("journey_pes_summary",)),
        ("Time course: worst in the first 24-48 hours and usually settled within 3-5 days "
         "(some sources: up to a week).", "V-weak", ("journey_pes_summary",)),
        ("How common: it depends on how it is counted. Most patients get some of it; about "
         "half need medicines for it (55% in one study); it lengthened the hospital stay in "
         "6.2% of 563 DEB-TACE procedures.", "V", ("tace_pes_2019_cmir", "tace_lima_pes")),
        ("Care: fluids, pain relief (often opioids), anti-sickness medicines and fever "
         "medicines.", "V-weak", ("journey_pes_summary",)),
        ("It is more likely with tumours over 5 cm, more than one tumour treated, and a less "
         "selective catheter position (one study).", "V", ("tace_pes_2019_cmir",)),
        ("Liver tests often worsen for a while (in up to 58%) and usually return to baseline "
         "in 3-4 weeks.", "V", ("tace_chemo_safety_review",)),
        ("Liver abscess: rare overall (0.19% of procedures in 11,054 TACE), but 57% of the "
         "patients who got one had a bile duct joined to the bowel or a biliary stent. Fever "
         "or rigors 1-3 weeks after treatment need a call to the team (abscesses appeared at "
         "13-16 days in one small series reported in meeting news, despite antibiotics).", "V",
         ("tace_lv_2016_abscess", "tace_kim_whipple")),
    )),
    "contra": ("Contraindications", (
        ("Absolute: badly failing liver (decompensated cirrhosis, Child-Pugh B8 or worse); "
         "tumour replacing both lobes; severely reduced portal-vein flow; technical "
         "obstacles.", "V", ("tace_wjh_2015_contraindications",)),
        ("Relative: kidney failure; severe heart or lung disease; tumour 10 cm or larger; "
         "untreated high-risk varices; blocked bile ducts.", "V",
         ("tace_wjh_2015_contraindications",)),
        ("A bile duct joined to the bowel (Whipple) or a biliary stent is not an absolute bar, "
         "but raises the abscess risk sharply: 57% of abscess patients in a series of 3613 had "
         "one, and 6 of 7 patients with a prior Whipple in one small series had an abscess.",
         "V", ("tace_lv_2016_abscess", "tace_kim_whipple")),
        ("Liver function may worsen after chemoembolisation in up to 58% (usually back to "
         "baseline in 3-4 weeks); poor liver function (Child-Pugh B/C) best predicts liver "
         "failure.", "V", ("tace_chemo_safety_review",)),
        ("These lists come from liver-cancer (HCC) practice and are widely applied to NETs.",
         "V", ("tace_wjh_2015_contraindications",)),
    )),
})
"""TACE-specific parts of the journey: stage id -> (title, items), ids ``pes`` and ``contra``.
The general before / on the day / after items and warning signs live in
:mod:`netteach.models.journey` (shared by TACE, SIRT and RFA) and are reused, not repeated."""


def journey(stage):
    """Return ``(title, items)`` for one stage of the patient's journey.

    Raises
    ------
    ValueError
        For an unknown stage; the message lists the valid stage ids.
    """
    check_choice("stage", stage, JOURNEY_STAGES)
    return JOURNEY_STAGES[stage]


#: Events after TACE for the time-line figure: (label, first day, last day, kind, status, refs).
#: ``kind``: ``'expected'`` (normal course), ``'care'`` (what to do), ``'watch'`` (warning).
TIMELINE = (
    ("Post-embolisation syndrome at its worst", 0.0, 2.0, "expected", "V-weak",
     ("journey_pes_summary",)),
    ("Usually settled by day 3-5 (up to a week)", 2.0, 5.0, "expected", "V-weak",
     ("journey_pes_summary",)),
    ("No driving", 0.0, 1.0, "care", "V", ("journey_northwestern",)),
    ("Temperature twice a day", 0.0, 5.0, "care", "V", ("journey_northwestern",)),
    ("Recovery at home", 0.0, 10.0, "expected", "V", ("journey_northwestern",)),
    ("Abscess seen at days 13-16 (one small series)", 13.0, 16.0, "watch", "V-weak",
     ("tace_kim_whipple",)),
    ("Liver tests usually back to baseline", 21.0, 28.0, "expected", "V",
     ("tace_chemo_safety_review",)),
    ("Follow-up scan", 28.0, 31.0, "care", "V", ("journey_nouri_2019",)),
)


def timeline_events():
    """Return :data:`TIMELINE` (a tuple of event rows)."""
    return TIMELINE
