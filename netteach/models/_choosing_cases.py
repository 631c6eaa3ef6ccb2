"""Synthetic case scenarios (re-exported by :mod:`netteach.models.choosing`)."""

from __future__ import annotations

from dataclasses import dataclass

from ..validation import check_choice
from ._choosing_factors import DEFAULT_PATIENT

# --- Synthetic case scenarios -----------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    """A synthetic patient: a story, the explorer inputs, and questions with reasoned answers."""

    id: str
    title: str
    story: str
    patient: dict
    questions: tuple  # of (question, answer) pairs
    refs: tuple


def _p(**changes):
    return {**DEFAULT_PATIENT, **changes}


CASES = (
    Case("small-few", "Two small tumours and flushing",
         "A 58-year-old woman has a grade 1 small-bowel NET with two liver metastases of 2 cm and "
         "2.5 cm, well away from large vessels, the bowel and the bile ducts. She has flushing "
         "and diarrhoea. Her liver works normally and scans show no disease elsewhere.",
         _p(largest_tumour_cm=2.5, tumour_count=2, hormone_symptoms=True),
         (("Which facts favour ablation here?",
           "Both tumours are 3 cm or less and there are only two, away from vessels that would "
           "carry heat away. RFA completely ablates more than 90% of tumours under 3 cm, and "
           "92% of patients with symptoms improved in a review of RFA for NETs."),
          ("What must the team plan for because of her symptoms, whatever treatment she has?",
           "Hormone-producing tumours can release a surge of hormones during a procedure "
           "(carcinoid crisis: flushing, very low or high blood pressure, wheeze). One series "
           "found a crisis or unstable blood pressure or heart rate in 32% of patients, so "
           "octreotide cover and close monitoring are planned, although the evidence for "
           "octreotide is poor."),
          ("Why is this still a decision for the multidisciplinary team?",
           "Two small tumours might also be removed by surgery, which remains the treatment of "
           "choice when it is feasible. The MDT weighs surgery, ablation and embolisation "
           "against her wishes and fitness; the explorer only lists the facts.")),
         ("choosing_rfa_size_review", "choosing_mohan_2015", "choosing_kwon_2019",
          "choosing_gupta_2013")),
    Case("whipple-many", "Many tumours after a Whipple operation",
         "A 66-year-old man had a Whipple operation two years ago for a pancreatic NET. He now "
         "has more than ten liver tumours in both lobes, the largest 4 cm. He has no symptoms, "
         "his liver works normally and the lung shunt on his mapping scan is 6%.",
         _p(largest_tumour_cm=4.0, tumour_count=12, prior_whipple=True),
         (("Why does the Whipple operation matter for treatments given into the liver?",
           "The operation joined his bile ducts to the bowel, so gut bacteria can travel up "
           "the ducts into tumour killed by the treatment and cause an abscess. In one large "
           "TACE series, 57.1% of patients with an abscess had such a join or a stent."),
          ("Is the risk the same for every treatment?",
           "No, and the evidence differs. For TACE the reports are worrying (6 of 7 patients in "
           "one meeting report). For SIRT one series of 15 found 6.6% abscesses and called it "
           "low. For ablation, one centre's aggressive antibiotic regimen prevented abscesses. "
           "Present these as single studies, not as fixed rates."),
          ("Why is ablation hard to argue for here?",
           "With more than ten tumours, each needing its own needle and a 3-5 cm zone per "
           "ablation, RFA cannot treat them all. Treatments given into the artery reach every "
           "tumour fed by the treated branch.")),
         ("choosing_lv_2016_abscess", "choosing_kim_whipple", "choosing_agahi_2022",
          "choosing_odisio_2016")),
    Case("high-shunt", "A high lung shunt",
         "A 49-year-old woman has a grade 2 small-bowel NET with many tumours in both lobes, "
         "the largest 6 cm. Her liver works normally. On the mapping scan, 24% of the test "
         "particles passed through the liver into her lungs.",
         _p(largest_tumour_cm=6.0, tumour_count=15, lung_shunt_percent=24.0),
         (("Why does a 24% lung shunt argue against resin SIRT?",
           "Microspheres that pass through abnormal connections in the liver lodge in the "
           "lungs and irradiate them. Above 20% shunt, resin SIRT is not given, because the "
           "lungs must stay below 30 Gy for one treatment."),
          ("Does the lung shunt matter for TACE or RFA?",
           "No. The shunt matters because of the radiation carried to the lungs; TACE particles "
           "and ablation carry no radiation, so the shunt is not on their lists."),
          ("What would you want to discuss about TACE for her?",
           "The 6 cm tumour and the number treated are risk factors for post-embolisation "
           "syndrome (pain, fever, nausea) that needs medicines, so she should be prepared for "
           "it; the team also weighs bead type because of the bile-duct injuries seen with "
           "drug-eluting beads in NETs.")),
         ("choosing_van_roekel_thesis", "choosing_pes_risk_2019", "choosing_guiu_biliary")),
    Case("near-vessel", "One tumour beside a large vein",
         "A 71-year-old man has a single 3.5 cm NET metastasis that touches a main hepatic vein. "
         "He has no symptoms, normal liver function and no disease elsewhere.",
         _p(largest_tumour_cm=3.5, tumour_count=1, near_large_vessel=True),
         (("What is the heat-sink effect and why does it matter here?",
           "Blood flowing through a large vessel carries heat away, so tumour cells next to "
           "the vessel may not get hot enough to die. In one series 19.8% of tumours next to "
           "vessels over 3 mm recurred, against 5.9% overall."),
          ("Which other facts count against a single RFA?",
           "At 3.5 cm the tumour plus a margin of at least 5 mm (ideally 10 mm) is about "
           "4.5-5.5 cm across, at the top of the 3-5 cm zone one RFA makes."),
          ("Is there an alternative the team might raise?",
           "Microwave ablation heats faster and hotter; in a pig study it showed no heat sink "
           "next to vessels. The team also weighs surgery and treatments given into the "
           "artery; the explorer lists facts only.")),
         ("choosing_lin_2016_heatsink", "choosing_wang_2013_margin", "choosing_rfa_zone_review",
          "choosing_porcine_thermography")),
    Case("decompensated", "A failing liver and disease elsewhere",
         "A 62-year-old woman has NET metastases replacing much of her liver, with jaundice "
         "and ascites, and new bone metastases.",
         _p(largest_tumour_cm=9.0, tumour_count=20, liver_function="poor",
            extrahepatic_disease=True),
         (("Why do the lists argue against every liver-directed treatment?",
           "A decompensated liver (Child-Pugh B8 or worse) is an absolute contraindication to "
           "TACE, and SIRT needs compensated liver function; each treatment damages some normal "
           "liver, and hers has no reserve. Disease in the bones is not reached by a liver "
           "treatment."),
          ("What does the explorer not tell you?",
           "It does not say what she should have. Treatments for the whole body, symptom "
           "control and her own wishes are discussed by the MDT with her.")),
         ("choosing_wjh_2015_tace", "choosing_kennedy_2014", "choosing_enets_2022")),
)


def case(case_id):
    """Return the :class:`Case` with id ``case_id``; an unknown id raises ``ValueError``."""
    ids = [c.id for c in CASES]
    check_choice("case_id", case_id, ids)
    return CASES[ids.index(case_id)]
