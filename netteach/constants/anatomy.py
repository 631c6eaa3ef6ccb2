"""Constants for the anatomy topic: hepatic artery variants, vessel sizes, non-target risks.

Each value is a :class:`~netteach.constants.Constant` with unit, reference key and status.
Source: ``shared/reference/anatomy-tace-rfa-nets.md`` sections 2.1-2.6.

The reported frequencies of the Michels types are kept in :data:`REPORTED_FREQUENCIES`, a table
of :class:`ReportedFrequency` rows whose numbers are themselves ``Constant`` values, so that every
number carries its source.
"""

from __future__ import annotations

from typing import NamedTuple

from ._base import Constant

# --- vessel diameters, MDCT means in adults (Bilir et al., Int J Morphol)
_B = "bilir_mdct"
AORTA_DIAMETER_MM = Constant(21.95, "mm", _B, "V", "Abdominal aorta, classical anatomy, CT mean.")
COELIAC_DIAMETER_MM = Constant(7.2, "mm", _B, "V", "Coeliac trunk, classical anatomy, CT mean.")
CHA_DIAMETER_MM = Constant(4.3, "mm", _B, "V", "Common hepatic artery, classical anatomy.")
PHA_DIAMETER_MM = Constant(2.93, "mm", _B, "V", "Proper hepatic artery, classical anatomy.")
RHA_DIAMETER_MM = Constant(2.92, "mm", _B, "V", "Right hepatic artery, classical anatomy.")
LHA_DIAMETER_MM = Constant(2.51, "mm", _B, "V", "Left hepatic artery, classical anatomy.")
AORTA_VARIANT_DIAMETER_MM = Constant(21.85, "mm", _B, "V", "Aorta, variant anatomy, CT mean.")
COELIAC_VARIANT_DIAMETER_MM = Constant(6.99, "mm", _B, "V", "Coeliac trunk, variant anatomy.")
CHA_VARIANT_DIAMETER_MM = Constant(5.07, "mm", _B, "V", "CHA, variant anatomy, CT mean.")
PHA_VARIANT_DIAMETER_MM = Constant(3.83, "mm", _B, "V", "PHA, variant anatomy, CT mean.")
RHA_VARIANT_DIAMETER_MM = Constant(2.87, "mm", _B, "V", "RHA, variant anatomy, CT mean.")
LHA_VARIANT_DIAMETER_MM = Constant(2.09, "mm", _B, "V", "LHA, variant anatomy, CT mean.")
PHA_DIAMETER_ANATOMY_TEXT_MM = Constant(
    5.0, "mm", "clinicalanatomy_pha", "V-weak",
    "PHA about 5 mm in an anatomy reference citing Gray's; larger than the CT means.")

# --- right gastric artery origin (154 angiograms)
_K = "korean_rga_1997"
RGA_FROM_PHA_PERCENT = Constant(43, "%", _K, "V", "RGA arises from the proper hepatic artery.")
RGA_FROM_LHA_PERCENT = Constant(41, "%", _K, "V", "RGA arises from the left hepatic artery.")
RGA_FROM_CHA_PERCENT = Constant(9, "%", _K, "V", "RGA arises from the common hepatic artery.")
RGA_FROM_RHA_PERCENT = Constant(4, "%", _K, "V", "RGA arises from the right hepatic artery.")
RGA_FROM_GDA_PERCENT = Constant(3, "%", _K, "V", "RGA arises from the gastroduodenal artery.")
RGA_FROM_LHA_WHEN_RHA_REPLACED_PERCENT = Constant(
    89, "%", _K, "V", "With the RHA replaced to the SMA, the RGA arose from the LHA in 89%.")

# --- segment IV artery origin
SEGMENT_4_FROM_LHA_PERCENT = Constant(56.8, "%", "imam_2022", "V",
                                      "Segment IV artery from the LHA, 241 liver donors.")
SEGMENT_4_FROM_RHA_PERCENT = Constant(31.9, "%", "imam_2022", "V",
                                      "Segment IV artery from the RHA, 241 liver donors.")
SEGMENT_4_LEFT_SIDED_SUPPLY_PERCENT = Constant(
    78, "%", "irfan_weir_2016", "V", "Segment IV supplied from the left in 39 SIRT work-ups.")

# --- hepatic falciform artery
FALCIFORM_ARTERY_PRESENT_PERCENT = Constant(
    52, "%", "chung_2006", "V", "Hepatic falciform artery seen in 129 of 250 patients (~52%).")

# --- GDA origin
GDA_FROM_CHA_PERCENT = Constant(75, "%", "medcyclopaedia_gda", "V",
                                "Gastroduodenal artery arises from the CHA in about 75%.")

# --- non-target complications in a 237-patient DEB-TACE series (PubMed 21184228)
_D = "debdox_complications_2011"
CHOLECYSTITIS_DEBDOX_PERCENT = Constant(5.48, "%", _D, "V", "Cholecystitis, 237-patient series.")
PANCREATITIS_DEBDOX_PERCENT = Constant(0.45, "%", _D, "V", "Grade 1 laboratory pancreatitis.")
GI_BLEEDING_DEBDOX_PERCENT = Constant(0.84, "%", _D, "V", "Grade 2 gastrointestinal bleeding.")
SKIN_ERYTHEMA_DEBDOX_PERCENT = Constant(0.84, "%", _D, "V", "Skin erythema.")
ISCHAEMIC_CHOLECYSTITIS_BONNE_PERCENT = Constant(
    6, "%", "bonne_2017", "V", "Ischaemic cholecystitis in 1 of 17 patients (one small study).")

# --- prevention evidence
RGA_FOUND_ON_DSA_PERCENT = Constant(87.1, "%", "irfan_weir_2016", "V",
                                    "RGA origin located on digital subtraction angiography.")
RGA_FOUND_ON_CTA_PERCENT = Constant(12.8, "%", "irfan_weir_2016", "V",
                                    "RGA origin located on CT angiography.")
BORGGREVE_STUDIES_COUNT = Constant(8, "studies", "borggreve_2016", "V",
                                   "Studies in the systematic review of prophylactic coiling.")
BORGGREVE_PATIENTS_COUNT = Constant(1237, "patients", "borggreve_2016", "V",
                                    "Patients in the review (456 had prophylactic embolisation).")
BORGGREVE_EMBOLISED_COUNT = Constant(456, "patients", "borggreve_2016", "V",
                                     "Patients who had prophylactic embolisation in the review.")
MCWILLIAMS_PATIENTS_COUNT = Constant(46, "patients", "mcwilliams_2011", "V",
                                     "Patients with prophylactic cystic-artery embolisation.")
COIL_COLLATERALISED_PERCENT = Constant(45, "%", "mcwilliams_2011", "V",
                                       "Coiled cystic arteries that were collateralised.")
COIL_RECANALISED_PERCENT = Constant(9, "%", "mcwilliams_2011", "V",
                                    "Coiled cystic arteries that recanalised.")
GELFOAM_RECANALISED_PERCENT = Constant(40, "%", "mcwilliams_2011", "V",
                                       "Gelfoam-occluded cystic arteries that recanalised.")


# --- reported frequencies of the Michels types
class ReportedFrequency(NamedTuple):
    """One series' reported frequency of a Michels type (or of the group that contains it)."""

    series: str            # short plain label of the series, e.g. "Hiatt 1994 (1000 donors)"
    percent: Constant      # central value in %
    low: Constant | None   # lower end of a reported range, if the source gives one
    high: Constant | None  # upper end of a reported range
    grouping: str          # "" when the figure is for exactly this type; else what it counts


def _pct(value, ref, note, status="V"):
    return Constant(value, "%", ref, status, note)


_CL = "coco_leanza_michels"
_H = "hiatt_1994"
_L = "loschner_2015"
_SUMMARY = "Michels summary (Coco & Leanza)"
_HIATT = "Hiatt 1994 (1000 donors)"
_LOSCH = "Löschner 2015 (1297 CT angiograms)"
_HG2 = "Hiatt type 2: replaced or accessory LHA from the LGA (types II and V together)"
_HG3 = "Hiatt type 3: replaced or accessory RHA from the SMA (types III and VI together)"
_HG4 = "Hiatt type 4: RHA from the SMA and LHA from the LGA (types IV, VII, VIII together)"


def _summary(v, lo=None, hi=None):
    note = "Approximate frequency in a summary of Michels' 200 dissections."
    return ReportedFrequency(
        _SUMMARY, _pct(v, _CL, note),
        None if lo is None else _pct(lo, _CL, "Low end of the summarised range."),
        None if hi is None else _pct(hi, _CL, "High end of the summarised range."), "")


def _hiatt(v, grouping=""):
    return ReportedFrequency(_HIATT, _pct(v, _H, "Hiatt 1994, 1000 donor hepatectomies."),
                             None, None, grouping)


REPORTED_FREQUENCIES: dict[str, tuple[ReportedFrequency, ...]] = {
    "michels_1": (
        _summary(60, 55, 61),
        _hiatt(75.7),
        ReportedFrequency(_LOSCH, _pct(72.2, _L, "Michels I in 1297 CT angiograms."),
                          None, None, ""),
        ReportedFrequency("Bilir (500 MDCT scans)",
                          _pct(85.6, "bilir_mdct", "Type I in 500 MDCT cases."), None, None, ""),
        ReportedFrequency("Imam 2022 (241 donors)",
                          _pct(60.9, "imam_2022", "Class I in 241 liver donors."), None, None,
                          ""),
    ),
    "michels_2": (
        _summary(7.5, 3, 10),
        _hiatt(9.7, _HG2),
        ReportedFrequency("Imam 2022 (241 donors)",
                          _pct(9.1, "imam_2022", "Class II in 241 liver donors."), None, None,
                          ""),
    ),
    "michels_3": (
        _summary(10, 8, 11),
        _hiatt(10.6, _HG3),
        ReportedFrequency(_LOSCH, _pct(6.4, _L, "Michels III in 1297 CT angiograms."),
                          None, None, ""),
    ),
    "michels_4": (_summary(1), _hiatt(2.3, _HG4)),
    "michels_5": (
        _summary(10, 8, 11),
        _hiatt(9.7, _HG2),
        ReportedFrequency(_LOSCH, _pct(8.8, _L, "Michels V in 1297 CT angiograms."),
                          None, None, ""),
    ),
    "michels_6": (_summary(5, 1.5, 7), _hiatt(10.6, _HG3)),
    "michels_7": (_summary(1), _hiatt(2.3, _HG4)),
    "michels_8": (_summary(2.5), _hiatt(2.3, _HG4)),
    "michels_9": (_summary(3, 2, 4.5),
                  _hiatt(1.5, "Hiatt type 5: entire CHA from the SMA")),
    "michels_10": (
        _summary(0.5),
        ReportedFrequency(_LOSCH, _pct(0, _L, "No Michels X in 1297 CT angiograms."),
                          None, None, ""),
    ),
}

HIATT_TYPE_6_PERCENT = _pct(0.2, _H, "Hiatt type 6: CHA directly from the aorta (2 of 1000); "
                            "not one of Michels' ten types.")
YAGDIRAN_FITS_MICHELS_PERCENT = _pct(62.6, "yagdiran_2024",
                                     "Living donors whose anatomy fitted a Michels type.")
YAGDIRAN_FITS_HIATT_PERCENT = _pct(75.2, "yagdiran_2024",
                                   "Living donors whose anatomy fitted a Hiatt type.")
IMAM_UNCLASSIFIABLE_PERCENT = _pct(12.9, "imam_2022", "Donors who fitted no Michels class.")
LOSCHNER_UNCLASSIFIABLE_COUNT = Constant(26, "patients", _L, "V",
                                         "CT angiograms that fitted no Michels type.")
