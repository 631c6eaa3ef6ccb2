"""The decision explorer's factors and logic (re-exported by :mod:`netteach.models.choosing`)."""

from __future__ import annotations

import operator
from dataclasses import dataclass

from ..validation import check_choice, check_scalar

NOT_A_RECOMMENDATION = (
    "This explorer recommends nothing. It shows which published facts point for or against each "
    "treatment so that you can practise the reasoning. The decision belongs to a "
    "multidisciplinary team (MDT) who know the whole patient, and to the patient.")

THERAPIES = {
    "tace": "Embolisation through the artery (TAE / TACE)",
    "sirt": "SIRT (yttrium-90 microspheres)",
    "rfa": "Radiofrequency ablation (RFA)",
}

LIVER_FUNCTION = {
    "good": "Good (compensated)",
    "reduced": "Reduced (e.g. low albumin or raised INR)",
    "poor": "Poor (decompensated: jaundice or ascites)",
}

SIDES = {"for": "In favour", "against": "Against", "weigh": "To weigh up"}

STATUS_LABELS = {
    "V": "verified source",
    "V-weak": "low-authority source",
    "reasoning": "reasoning from verified facts; threshold chosen for teaching",
}

# Limits of the inputs (the same numbers as netteach/data/ranges/choosing.toml, checked by a test).
_LIMITS = {"largest_tumour_cm": (0.5, 20.0), "tumour_count": (1, 30),
           "lung_shunt_percent": (0.0, 60.0)}
_FLAGS = ("near_large_vessel", "near_bowel", "near_bile_duct", "extrahepatic_disease",
          "prior_whipple", "hormone_symptoms")

DEFAULT_PATIENT = {
    "largest_tumour_cm": 2.5, "tumour_count": 2, "near_large_vessel": False,
    "near_bowel": False, "near_bile_duct": False, "liver_function": "good",
    "extrahepatic_disease": False, "prior_whipple": False, "hormone_symptoms": False,
    "lung_shunt_percent": 5.0,
}

_OPS = {"==": operator.eq, "<": operator.lt, "<=": operator.le, ">": operator.gt,
        ">=": operator.ge}


@dataclass(frozen=True)
class Factor:
    """One reason for or against a therapy, with its source.

    ``when`` is a tuple of ``(input name, operator, value)`` conditions that must all hold;
    ``refs`` are reference keys; ``status`` is ``'V'``, ``'V-weak'`` or ``'reasoning'``.
    """

    id: str
    therapies: tuple
    side: str
    when: tuple
    text: str
    refs: tuple
    status: str = "V"

    def applies(self, patient: dict) -> bool:
        """Whether every condition holds for ``patient`` (a dict from :func:`check_patient`)."""
        return all(_OPS[op](patient[name], value) for name, op, value in self.when)


_ALL = ("tace", "sirt", "rfa")
_ART = ("tace", "sirt")

FACTORS = (
    # --- Where the disease is -------------------------------------------------------------
    Factor("liver-only", _ALL, "for", (("extrahepatic_disease", "==", False),),
           "The disease is confined to the liver. Guidelines suggest considering liver-directed "
           "treatment to control symptoms and tumour growth when the disease is mainly in the "
           "liver and cannot be removed by surgery.",
           ("choosing_enets_2022", "choosing_enets_2016")),
    Factor("extrahepatic", _ALL, "against", (("extrahepatic_disease", "==", True),),
           "There is disease outside the liver. A liver treatment does not reach it; guidelines "
           "place liver-directed therapy in disease that is mainly in the liver "
           "(\"liver-dominant\").", ("choosing_enets_2022", "choosing_annals_gastro_review")),
    Factor("extrahepatic-sirt-registry", ("sirt",), "weigh",
           (("extrahepatic_disease", "==", True),),
           "Not an absolute bar: in one SIRT registry of 170 patients, 45% had some disease "
           "outside the liver.", ("choosing_resin_registry_2022",)),
    # --- Hormone symptoms -------------------------------------------------------------------
    Factor("symptoms-arterial", _ART, "for", (("hormone_symptoms", "==", True),),
           "Hormone (carcinoid) symptoms: ENETS 2022 says TAE, TACE or SIRT control carcinoid "
           "syndrome symptoms in up to 75% of cases; for a grade 1 intestinal NET, bland "
           "embolisation (TAE) is preferred.", ("choosing_enets_2022",)),
    Factor("symptoms-rfa", ("rfa",), "for", (("hormone_symptoms", "==", True),),
           "Hormone symptoms: in a systematic review of RFA for NET liver metastases (8 studies, "
           "301 patients, most treated during surgery) 92% of patients with symptoms improved, "
           "for a median of 14-27 months.", ("choosing_mohan_2015",)),
    Factor("symptoms-crisis", _ALL, "weigh", (("hormone_symptoms", "==", True),),
           "Risk of carcinoid crisis during the procedure: in one series, 32% of 75 patients had a "
           "crisis or unstable blood pressure or heart rate. Octreotide cover is standard care, "
           "although the evidence that it prevents crises is poor.", ("choosing_kwon_2019",)),
    # --- Prior Whipple operation (bilioenteric anastomosis) ------------------------------
    Factor("whipple-tace", ("tace",), "against", (("prior_whipple", "==", True),),
           "A previous Whipple operation joins the bile ducts to the bowel, so bacteria can reach "
           "dead tumour. In a series of 11,054 TACE procedures, 57.1% of the patients who "
           "developed a liver abscess had such a join or a biliary stent; in one meeting report, "
           "6 of 7 patients with a prior Whipple developed an abscess despite antibiotics.",
           ("choosing_lv_2016_abscess", "choosing_kim_whipple"), "V-weak"),
    Factor("whipple-sirt", ("sirt",), "weigh", (("prior_whipple", "==", True),),
           "Evidence after a Whipple is mixed for SIRT: in 15 patients with previous biliary "
           "surgery or procedures, 13.3% had a liver or bile infection and 6.6% an abscess, which "
           "the authors called low. A recognised risk factor, not an absolute bar.",
           ("choosing_agahi_2022",)),
    Factor("whipple-rfa", ("rfa",), "weigh", (("prior_whipple", "==", True),),
           "Abscess risk after ablation when the bile ducts are joined to the bowel: one centre's "
           "aggressive antibiotic regimen gave 0 abscesses in 10 patients, against 2 in 2 with "
           "other regimens.", ("choosing_odisio_2016",)),
    # --- Liver function -----------------------------------------------------------------
    Factor("liver-good", _ART, "for", (("liver_function", "==", "good"),),
           "Liver function is preserved, so treatment can be repeated if needed (ENETS 2022).",
           ("choosing_enets_2022",)),
    Factor("liver-reduced-tace", ("tace",), "weigh", (("liver_function", "==", "reduced"),),
           "Liver function worsens after chemoembolisation in up to 58% of patients, usually "
           "recovering within 3-4 weeks; poorer baseline function (Child-Pugh B or C) is the best "
           "predictor of liver failure.", ("choosing_tace_safety_review",)),
    Factor("liver-reduced-sirt", ("sirt",), "weigh", (("liver_function", "==", "reduced"),),
           "After SIRT, an albumin below 3.5 g/dL or an INR above 1.2 predicted liver "
           "decompensation (in liver cancer patients).", ("choosing_sirt_decompensation_2024",)),
    Factor("liver-poor-tace", ("tace",), "against", (("liver_function", "==", "poor"),),
           "A decompensated liver (Child-Pugh B8 or worse) is an absolute contraindication to "
           "TACE.", ("choosing_wjh_2015_tace",)),
    Factor("liver-poor-sirt", ("sirt",), "against", (("liver_function", "==", "poor"),),
           "SIRT selection criteria ask for compensated liver function.",
           ("choosing_kennedy_2014",)),
    # --- Lung shunt (SIRT only) ------------------------------------------------------------
    Factor("lung-low", ("sirt",), "for", (("lung_shunt_percent", "<", 10.0),),
           "Less than 10% of particles shunt to the lungs: no reduction of the resin activity "
           "is needed.", ("choosing_van_roekel_thesis",)),
    Factor("lung-mid", ("sirt",), "weigh",
           (("lung_shunt_percent", ">=", 10.0), ("lung_shunt_percent", "<=", 20.0)),
           "Lung shunt of 10-20%: the resin activity is reduced by 20% (10-15%) or 40% "
           "(15-20%) to protect the lungs. In one study, patients given these reductions "
           "responded less often (13% against 56%).",
           ("choosing_van_roekel_thesis", "choosing_ward_2015")),
    Factor("lung-high", ("sirt",), "against", (("lung_shunt_percent", ">", 20.0),),
           "More than 20% of particles would shunt to the lungs: resin SIRT is not given (the "
           "lung limit is 30 Gy for one treatment, 50 Gy in total).",
           ("choosing_van_roekel_thesis",)),
    # --- Tumour size ------------------------------------------------------------------------
    Factor("size-rfa-small", ("rfa",), "for", (("largest_tumour_cm", "<=", 3.0),),
           "Largest tumour 3 cm or less: RFA completely ablates more than 90% of tumours "
           "under 3 cm.", ("choosing_rfa_size_review",)),
    Factor("size-rfa-mid", ("rfa",), "weigh",
           (("largest_tumour_cm", ">", 3.0), ("largest_tumour_cm", "<=", 5.0)),
           "Largest tumour 3-5 cm: one RFA makes a zone 3-5 cm across, and it must also cover a "
           "margin of at least 5 mm, ideally 10 mm, around the tumour; overlapping ablations "
           "may be needed.", ("choosing_rfa_zone_review", "choosing_wang_2013_margin")),
    Factor("size-rfa-large", ("rfa",), "against", (("largest_tumour_cm", ">", 5.0),),
           "Largest tumour over 5 cm: bigger than the 3-5 cm zone that one RFA makes, so it "
           "cannot be covered with a margin.", ("choosing_rfa_zone_review",)),
    Factor("size-tace-pes", ("tace",), "weigh", (("largest_tumour_cm", ">", 5.0),),
           "A tumour over 5 cm is a risk factor for post-embolisation syndrome that needs "
           "medicines.", ("choosing_pes_risk_2019",)),
    Factor("size-tace-10", ("tace",), "against", (("largest_tumour_cm", ">=", 10.0),),
           "A tumour of 10 cm or more is a relative contraindication to TACE (in a table drawn "
           "up for liver cancer and widely applied).", ("choosing_wjh_2015_tace",)),
    # --- Number of tumours ------------------------------------------------------------------
    Factor("count-rfa-one", ("rfa",), "for", (("tumour_count", "==", 1),),
           "A single tumour: the ideal tumour for ablation is solitary and 3 cm or less "
           "(evidence from bowel-cancer metastases).", ("choosing_petre_2017",)),
    Factor("count-rfa-many", ("rfa",), "against", (("tumour_count", ">=", 4),),
           "Four or more tumours: each one needs its own needle placement. In one NET series, "
           "a median of 3 tumours were ablated (alongside surgery).",
           ("choosing_hpb_2013_rfa",), "reasoning"),
    Factor("count-arterial", _ART, "for", (("tumour_count", ">=", 2),),
           "Several tumours: a treatment given into the hepatic artery reaches every tumour fed "
           "by the treated branch. Guidelines base the choice on tumour load, where the tumours "
           "lie and the arterial anatomy.", ("choosing_enets_2022",), "reasoning"),
    Factor("count-tace-pes", ("tace",), "weigh", (("tumour_count", ">=", 2),),
           "Treating more than one tumour is a risk factor for post-embolisation syndrome that "
           "needs medicines.", ("choosing_pes_risk_2019",)),
    Factor("count-tace-deb", ("tace",), "weigh",
           (("tumour_count", ">=", 2), ("largest_tumour_cm", "<", 4.0)),
           "Several small tumours: in a trial of drug-eluting-bead TACE in NETs, 7 of 13 "
           "patients (54%), all with several tumours under 4 cm, developed bile collections "
           "(bilomas) and the trial was stopped.", ("choosing_bhagat_deb",)),
    Factor("count-sirt-whole-liver", ("sirt",), "weigh", (("tumour_count", ">=", 4),),
           "If both lobes must be treated: after whole-liver SIRT, 56.4% of NET patients "
           "followed for over 2 years developed cirrhosis-like changes, against 26.7% after one "
           "lobe. This matters because people with NETs often live for many years.",
           ("choosing_su_2017",), "reasoning"),
    # --- Location ---------------------------------------------------------------------------
    Factor("vessel-rfa", ("rfa",), "against", (("near_large_vessel", "==", True),),
           "Next to a large blood vessel: flowing blood carries heat away (the heat-sink "
           "effect). In one series, 19.8% of tumours next to vessels over 3 mm recurred, against "
           "5.9% overall. Microwave ablation showed no heat sink in a pig study.",
           ("choosing_lin_2016_heatsink", "choosing_shady_2018",
            "choosing_porcine_thermography")),
    Factor("bowel-rfa", ("rfa",), "against", (("near_bowel", "==", True),),
           "Next to the bowel: heat above about 60 °C kills any cell almost at once, tumour or "
           "not, so bowel touching the planned zone could be burnt.", ("choosing_brace_2009",),
           "reasoning"),
    Factor("duct-rfa", ("rfa",), "weigh", (("near_bile_duct", "==", True),),
           "Next to a main bile duct: the duct wall inside the heated zone can be damaged in the "
           "same way as tumour (above about 60 °C cells die almost at once).",
           ("choosing_brace_2009",), "reasoning"),
    Factor("bowel-arterial", _ART, "weigh", (("near_bowel", "==", True),),
           "For treatments given into the artery, what matters is not how close the bowel lies "
           "but whether arteries to the bowel or stomach branch off near the catheter. These "
           "are mapped first, then avoided or blocked.",
           ("choosing_borggreve_2016", "choosing_msk_mapping"), "reasoning"),
    Factor("duct-tace", ("tace",), "weigh", (("near_bile_duct", "==", True),),
           "Bile-duct injury is a known risk of chemoembolisation in NET livers, especially with "
           "drug-eluting beads (odds ratio 6.63 for any liver or bile injury).",
           ("choosing_guiu_biliary",)),
)


def _check_flag(name, value):
    if not isinstance(value, bool):
        raise ValueError(f"{name} must be True or False; got {value!r}")
    return value


def check_patient(largest_tumour_cm, tumour_count, near_large_vessel, near_bowel,
                  near_bile_duct, liver_function, extrahepatic_disease, prior_whipple,
                  hormone_symptoms, lung_shunt_percent):
    """Validate a patient's description and return it as a dict.

    Parameters
    ----------
    largest_tumour_cm : float
        Diameter of the largest liver tumour, cm (0.5 to 20).
    tumour_count : int
        Number of liver tumours (1 to 30).
    near_large_vessel, near_bowel, near_bile_duct : bool
        Whether a tumour lies next to a large blood vessel, the bowel or a main bile duct.
    liver_function : {'good', 'reduced', 'poor'}
        How well the liver works (see :data:`LIVER_FUNCTION`).
    extrahepatic_disease, prior_whipple, hormone_symptoms : bool
        Disease outside the liver; a previous Whipple operation; hormone (carcinoid) symptoms.
    lung_shunt_percent : float
        Lung shunt fraction measured on the mapping scan, % (0 to 60).

    Raises
    ------
    ValueError
        If a value is missing, of the wrong type or outside its range.
    """
    lo, hi = _LIMITS["largest_tumour_cm"]
    out = {"largest_tumour_cm": check_scalar("largest_tumour_cm", largest_tumour_cm, lo, hi,
                                             unit="cm")}
    lo, hi = _LIMITS["tumour_count"]
    out["tumour_count"] = check_scalar("tumour_count", tumour_count, lo, hi, integer=True)
    lo, hi = _LIMITS["lung_shunt_percent"]
    out["lung_shunt_percent"] = check_scalar("lung_shunt_percent", lung_shunt_percent, lo, hi,
                                             unit="%")
    out["liver_function"] = check_choice("liver_function", liver_function, LIVER_FUNCTION)
    flags = dict(near_large_vessel=near_large_vessel, near_bowel=near_bowel,
                 near_bile_duct=near_bile_duct, extrahepatic_disease=extrahepatic_disease,
                 prior_whipple=prior_whipple, hormone_symptoms=hormone_symptoms)
    for name in _FLAGS:
        out[name] = _check_flag(name, flags[name])
    return out


def explore(**patient):
    """List, for each therapy, the factors in favour, against and to weigh up.

    Parameters
    ----------
    **patient
        The keyword arguments of :func:`check_patient`.

    Returns
    -------
    dict
        ``{therapy id: {"for": [Factor, ...], "against": [...], "weigh": [...]}}`` for every
        therapy in :data:`THERAPIES`, factors in the order of :data:`FACTORS`.

    Notes
    -----
    Nothing is scored or ranked: counting factors would hide how much each one matters.
    The explorer recommends nothing (:data:`NOT_A_RECOMMENDATION`).

    References
    ----------
    Every factor carries its own reference keys (``Factor.refs``).
    """
    p = check_patient(**patient)
    out = {t: {side: [] for side in SIDES} for t in THERAPIES}
    for f in FACTORS:
        if f.applies(p):
            for t in f.therapies:
                out[t][f.side].append(f)
    return out


def factor_refs(result):
    """Return the reference keys used by an :func:`explore` result, in order, without repeats.

    Raises
    ------
    ValueError
        If ``result`` is not a result of :func:`explore`.
    """
    ok = isinstance(result, dict) and set(result) == set(THERAPIES) and all(
        isinstance(sides, dict) and set(sides) == set(SIDES)
        and all(isinstance(fs, list) and all(isinstance(f, Factor) for f in fs)
                for fs in sides.values()) for sides in result.values())
    if not ok:
        shown = repr(result)
        raise ValueError("result must be the dictionary returned by explore(); got "
                         f"{shown[:57] + '...' if len(shown) > 60 else shown}")
    keys = []
    for sides in result.values():
        for factors in sides.values():
            for f in factors:
                keys.extend(k for k in f.refs if k not in keys)
    return keys
