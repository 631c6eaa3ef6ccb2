"""The patient's journey through TACE, SIRT and RFA: content for nurses, patients and carers.

Everything a nurse needs to prepare, watch and advise is kept here as data, each item with the
source it comes from (a key for :mod:`netteach.references`) and a status:

``'V'``      found in a verified source (mostly patient-education leaflets);
``'V-weak'`` found only in a low-authority source;
``'local'``  standard practice with no verified source in the course's fact base: follow the
             local protocol.

:func:`checklist` turns the content into a printable checklist (plain data; the figures layer
renders it as HTML or PDF). :func:`carer_dose_usv` computes the radiation dose to a carer by
calling the SIRT model; :data:`REFERENCE_DOSES` are the doses it is compared with.

Patient leaflets differ between hospitals; local policy always wins.
For teaching only, not for clinical decisions.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..validation import check_array, check_choice, check_scalar

__all__ = ["THERAPIES", "STAGES", "Item", "JOURNEY", "WARNING_SIGNS", "QUESTIONS", "HELP",
           "items", "checklist", "reference_keys", "REFERENCE_DOSES", "carer_dose_usv",
           "LOCAL_POLICY"]

THERAPIES = {"tace": "TACE (chemoembolisation)", "sirt": "SIRT (radioembolisation)",
             "rfa": "RFA (radiofrequency ablation)"}
STAGES = {"before": "Before the procedure", "day": "On the day",
          "after": "Afterwards and going home"}
LOCAL_POLICY = ("Hospitals differ: always follow your local policy and the instructions the team "
                "gives you.")


@dataclass(frozen=True)
class Item:
    """One point of care: the therapies it applies to, the text, its sources and status."""

    therapies: tuple
    text: str
    refs: tuple = ()
    status: str = "V"


_ALL = ("tace", "sirt", "rfa")
_ART = ("tace", "sirt")

JOURNEY = {
    "before": (
        Item(_ART, "Blood tests: clotting, and kidney function because the X-ray dye (contrast) "
             "is cleared by the kidneys.", ("journey_drugs_com",)),
        Item(("rfa",), "Blood tests: clotting, because a needle goes into the liver.", (),
             "local"),
        Item(_ALL, "Other bloods often taken: liver function, full blood count and NET markers "
             "(chromogranin A, urine 5-HIAA).", (), "local"),
        Item(_ART, "Scans: CT or MRI, and a map of the liver's arteries (angiogram).",
             ("journey_drugs_com", "journey_nouri_2019")),
        Item(("sirt",), "A mapping angiogram about a month before SIRT: arteries that would carry "
             "microspheres outside the liver are blocked, and a test dose shows how much would "
             "reach the lungs (the lung shunt).", ("choosing_msk_mapping",)),
        Item(_ALL, "Medicines: check blood thinners (anticoagulants, antiplatelets) and never "
             "stop them without advice; anti-inflammatory painkillers (NSAIDs) are stopped 2 days "
             "before and vitamin E 10 days before (one centre); insulin and diabetes tablets may "
             "need adjusting.", ("journey_msk_embolization",)),
        Item(_ALL, "Allergy: ask about any past reaction to X-ray dye (contrast); medicines may "
             "be given beforehand to prevent another.",
             ("journey_msk_embolization", "journey_drugs_com")),
        Item(_ALL, "Fasting: usually nothing to eat or drink after midnight; clear fluids up to "
             "2 hours before may be allowed.", ("journey_drugs_com", "journey_st_alexius")),
        Item(_ALL, "Arrange an adult to drive the patient home.", ("journey_st_alexius",)),
        Item(_ALL, "Tell the team about a fever, cold or flu before the procedure.",
             ("journey_msk_embolization", "journey_drugs_com")),
        Item(_ART, "Consent: the team explains post-embolisation syndrome, infection or abscess, "
             "liver problems, particles reaching other organs, bleeding at the puncture site "
             "and carcinoid crisis.", ("journey_northwestern", "choosing_kwon_2019"), "local"),
        Item(("rfa",), "Consent: the team explains bleeding, infection or abscess, heat injury "
             "to nearby organs, and carcinoid crisis.", ("choosing_odisio_2016",), "local"),
        Item(_ALL, "Hormone-producing (functional) tumour: octreotide cover as the local "
             "protocol says, because the procedure can trigger a carcinoid crisis (poor evidence "
             "that it prevents one, but it is safe and standard).",
             ("choosing_kwon_2019", "journey_nanets_2024")),
        Item(_ALL, "Previous Whipple operation (bile ducts joined to the bowel): extended "
             "antibiotics as the local protocol says, because the risk of liver abscess is "
             "higher.", ("choosing_lv_2016_abscess", "choosing_odisio_2016")),
        Item(("sirt",), "SIRT is not given in pregnancy.", ("journey_sirtex_patients",)),
    ),
    "day": (
        Item(_ART, "Access through the groin (femoral artery) or the wrist (radial artery). In "
             "one study of 42 patients who had both, 35 preferred the wrist.",
             ("journey_transradial_2017", "journey_st_alexius")),
        Item(_ART, "Sedation through a drip plus local anaesthetic at the puncture site.",
             ("journey_st_alexius", "journey_inca")),
        Item(("rfa",), "The needle-like electrode goes in through the skin, guided by scans, or "
             "during an operation (in one review about a quarter of NET patients were treated "
             "through the skin).", ("choosing_mohan_2015",)),
        Item(("rfa",), "The team decides between sedation and a general anaesthetic.", (),
             "local"),
        Item(_ALL, "Monitoring: blood pressure and heart rate throughout.",
             ("choosing_kwon_2019",)),
        Item(_ALL, "Carcinoid crisis: watch for flushing, wheeze, a fast heart rate and very low "
             "or very high blood pressure. Studies call it unstable when, for 10 minutes or "
             "more, the top blood pressure is below 80 or above 180 mmHg, or the heart rate is "
             "above 120.", ("choosing_kwon_2019",)),
        Item(("sirt",), "SIRT follows the mapping angiogram: the same day, the next day or 1-2 "
             "weeks later.", ("journey_sirtex_patients",)),
        Item(("sirt",), "The treatment room is a radiation area: staff wear dosimeters, and the "
             "room, patient and staff are checked afterwards.", ("journey_aapm_mppg14a",)),
    ),
    "after": (
        Item(_ART, "Groin: firm pressure for at least 15 minutes, then lie flat with the leg "
             "straight (6-8 hours in one source; shorter with a closure device).",
             ("journey_radiologyreview", "journey_parkway")),
        Item(_ART, "Wrist: no bed rest needed; avoid forceful bending of the wrist for 48 hours.",
             ("journey_parkway", "journey_rxhealth")),
        Item(_ALL, "Observations at regular intervals: pulse, blood pressure, temperature, "
             "pulses beyond the puncture site, the site itself (a swelling may be a "
             "haematoma), and movement and feeling of the limb.", ("journey_radiologyreview",)),
        Item(("tace",), "Post-embolisation syndrome (fever, pain, nausea) is expected for 3-5 "
             "days: painkillers (often opioids), anti-sickness medicines, fever medicines and "
             "fluids.", ("journey_pes_summary",), "V-weak"),
        Item(("sirt",), "After SIRT, tiredness, nausea, poor appetite, fever or tummy pain "
             "affect up to 55%; usually mild and gone within 2 weeks. Tiredness was the "
             "commonest in one NET series (86%).",
             ("choosing_van_roekel_thesis", "choosing_jgh_2017")),
        Item(("rfa",), "Pain and a raised temperature can follow ablation: agree a pain plan "
             "with the team.", (), "local"),
        Item(("tace",), "Recovery at home usually takes 7-10 days.", ("journey_northwestern",)),
        Item(("tace",), "Often an overnight stay after embolisation.", ("journey_parkway",),
             "V-weak"),
        Item(("sirt",), "Home often 4-6 hours after the procedure (or 1-2 days, by local rules); "
             "most people are back to normal activity in 2-3 days.",
             ("journey_sirtex_patients",)),
        Item(_ART, "Going home: no driving for 24 hours; no lifting over about 4.5 kg (10 lb) "
             "for 3 days to 2 weeks (sources differ); check temperature twice a day for 5 "
             "days.", ("journey_northwestern", "journey_rxhealth")),
        Item(_ART, "If the puncture site bleeds: lie flat and press firmly for 10-15 minutes; "
             "call for help if it does not stop. A small lump or bruise in the groin can take "
             "4-6 weeks to settle.", ("journey_northwestern", "journey_rxhealth")),
        Item(("sirt",), "Radiation precautions: for 24 hours wash hands well after the toilet "
             "and clean up spills of body fluids; for 7 days avoid long close contact, such as "
             "sitting or sleeping next to children or pregnant women (UK example).",
             ("journey_mysirtstory", "journey_sirtex_patients")),
        Item(("sirt",), "Do not become pregnant within 2 months, and do not breastfeed for 2 "
             "weeks (one manufacturer's advice).", ("journey_sirtex_patients",)),
        Item(("tace",), "Follow-up scan at about 1 month, then every 3 months; the other side "
             "of the liver may be treated at a later session.",
             ("journey_nouri_2019", "journey_bloomston_2007")),
    ),
}

# (sign, who to call, how urgent, refs, status)
WARNING_SIGNS = (
    ("Heavy bleeding from the puncture site that does not stop after 10-15 minutes of firm "
     "pressure", "Call 999 (or your local emergency number)", "emergency",
     ("journey_northwestern", "journey_rxhealth"), "V"),
    ("The leg or foot goes numb, tingly, pale, cold or changes colour", "The treating team now; "
     "999 if you cannot reach them", "urgent", ("journey_northwestern",), "V"),
    ("Flushing with wheeze, dizziness or fainting (possible carcinoid crisis)",
     "Call 999; then tell the treating team", "emergency", ("choosing_kwon_2019",), "local"),
    ("Fever above 38.6 °C (101.5 °F) for more than a day", "The treating team",
     "same day", ("journey_northwestern",), "V"),
    ("Shivering attacks (rigors) or fever 1-3 weeks after treatment: possible liver abscess "
     "(in one report abscesses appeared at 13-16 days)", "The treating team", "same day",
     ("choosing_kim_whipple",), "V-weak"),
    ("Tummy pain not eased by the painkillers", "The treating team", "same day",
     ("journey_northwestern",), "V"),
    ("Sickness or vomiting that does not stop", "The treating team", "same day",
     ("journey_northwestern",), "V"),
    ("Redness, red streaks, bleeding, pain or discharge at the puncture site",
     "The treating team", "same day", ("journey_northwestern",), "V"),
    ("A tender calf; swelling of the ankle or foot; bruising spreading to the thigh or buttock",
     "The treating team", "same day", ("journey_northwestern",), "V"),
    ("Yellow skin or eyes (jaundice) or a swelling tummy, including 2 weeks to 4 months after "
     "SIRT", "The treating team", "same day", ("choosing_van_roekel_thesis",), "V"),
    ("Severe pain under the right ribs (the gallbladder can be inflamed after embolisation)",
     "The treating team", "same day", ("journey_cir_esp_2018",), "local"),
)

QUESTIONS = (
    "Why is this treatment suggested for me, and what are the other options?",
    "Will I be awake? Will you go in through my groin or my wrist?",
    "Which of my medicines should I stop, when, and when do I restart them?",
    "I have flushing or diarrhoea from my tumour: how will you prevent a carcinoid crisis?",
    "I have had a Whipple operation: do I need extra antibiotics?",
    "How long will I stay in hospital, and when can I drive, lift and go back to work?",
    "What side effects should I expect, and how long do they usually last?",
    "Which symptoms mean I should call you, and what number do I ring at night and at weekends?",
    "After SIRT: what precautions should I take with my family, children or a pregnant "
    "relative, and for how long?",
    "When will a scan show whether it worked, and might I need more than one session?",
)

# (therapies, where, what they help with)
HELP = (
    (_ALL, "The treating team (interventional radiology or oncology)",
     "Questions about the procedure, and any warning sign after it. Use the number on your "
     "discharge letter, day or night."),
    (_ALL, "NET clinical nurse specialist", "Medicines, symptoms, results and what happens next."),
    (_ALL, "Your GP or practice nurse", "Wound checks, repeat prescriptions and general health "
     "once you are home."),
    (_ALL, "Emergency services: 999 in the UK", "Heavy bleeding, collapse, chest pain or "
     "difficulty breathing."),
    (("sirt",), "SIRT patient information (UK)", "mysirtstory.org.uk explains SIRT and the "
     "precautions afterwards."),
    (_ALL, "Patient support", "Ask the specialist nurse about NET patient support groups near "
     "you."),
)

# Doses a carer's dose can be compared with, in µSv: (label, value, refs, status)
REFERENCE_DOSES = (
    ("EU dose constraint quoted in one study (0.3 mSv)", 300.0, ("choosing_cournane_2019",), "V"),
    ("Dose limit quoted in the same study (1 mSv)", 1000.0, ("choosing_cournane_2019",), "V"),
    ("Measured: average carer after resin SIRT (0.03 mSv)", 30.0, ("journey_mccann_2012",), "V"),
    ("Measured: average carer after glass SIRT (0.06 mSv)", 60.0, ("journey_mccann_2012",), "V"),
    ("Measured: highest carer dose in that study (0.23 mSv)", 230.0, ("journey_mccann_2012",),
     "V"),
)


def reference_keys():
    """Every reference key the journey content uses, in order of first use, without repeats."""
    keys = []
    for its in JOURNEY.values():
        for it in its:
            keys.extend(it.refs)
    for row in WARNING_SIGNS:
        keys.extend(row[3])
    for row in REFERENCE_DOSES:
        keys.extend(row[2])
    return list(dict.fromkeys(keys))


def items(therapy, stage):
    """Return the :class:`Item` s for one therapy and stage.

    Parameters
    ----------
    therapy : {'tace', 'sirt', 'rfa'}
    stage : {'before', 'day', 'after'}

    Raises
    ------
    ValueError
        If ``therapy`` or ``stage`` is not one of the listed ids.
    """
    check_choice("therapy", therapy, THERAPIES)
    check_choice("stage", stage, STAGES)
    return [it for it in JOURNEY[stage] if therapy in it.therapies]


def checklist(therapy):
    """Return a printable checklist for one therapy as plain data.

    Returns
    -------
    dict
        ``title``, ``intro``, ``sections`` (a list of ``(heading, [text, ...])``, the three
        stages then warning signs, questions and where to get help), ``refs`` (reference keys
        used) and ``footer`` (disclaimer and local-policy reminder).
    """
    check_choice("therapy", therapy, THERAPIES)
    refs, sections = [], []
    for stage, heading in STAGES.items():
        lines = []
        for it in items(therapy, stage):
            lines.append(it.text + (" (Follow local protocol.)" if it.status == "local" else ""))
            refs.extend(k for k in it.refs if k not in refs)
        sections.append((heading, lines))
    signs = []
    for sign, who, urgency, keys, _status in WARNING_SIGNS:
        if "SIRT" in sign and therapy != "sirt":
            sign = sign.split(", including")[0]
        signs.append(f"{sign}. Who to call: {who} ({urgency}).")
        refs.extend(k for k in keys if k not in refs)
    sections.append(("Warning signs and who to call", signs))
    qs = [q for q in QUESTIONS if not q.startswith("After SIRT") or therapy == "sirt"]
    sections.append(("Questions you might want to ask", qs))
    sections.append(("Where to get help",
                     [f"{w}: {what}" for ths, w, what in HELP if therapy in ths]))
    return {
        "title": f"Checklist: {THERAPIES[therapy]}",
        "intro": "For nurses, patients and carers. Tick each point when it is done or "
                 "understood.",
        "sections": sections,
        "refs": refs,
        "footer": f"{LOCAL_POLICY} For teaching only, not for clinical decisions.",
    }


def carer_dose_usv(activity_gbq, distance_m, hours_per_day, days):
    """Radiation dose to a carer who spends time near a patient after SIRT, in µSv.

    Parameters
    ----------
    activity_gbq : float
        Y-90 activity given, GBq.
    distance_m : float or array_like
        Distance between carer and patient, m.
    hours_per_day : float
        Hours a day spent at that distance.
    days : float
        Number of days from the treatment.

    Returns
    -------
    float or ndarray
        Cumulative dose in µSv (an ndarray when ``distance_m`` is an array).

    Notes
    -----
    Computed by :func:`netteach.models.sirt.cumulative_dose_usv`, which integrates the
    measured dose rate per GBq (Cournane et al. 2019) over the decay of Y-90.

    References
    ----------
    choosing_cournane_2019, journey_mccann_2012.
    """
    from . import sirt

    check_scalar("hours_per_day", hours_per_day, 0.0, 24.0, low_open=True, unit="h")
    dist = check_array("distance_m", distance_m, 0.0, low_open=True, unit="m")
    if dist.ndim == 0:
        return float(sirt.cumulative_dose_usv(activity_gbq, float(dist), hours_per_day, days))
    return sirt.cumulative_dose_usv(activity_gbq, dist, hours_per_day, days)
