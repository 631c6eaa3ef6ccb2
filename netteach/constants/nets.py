"""Constants for the NET clinical context: grading cut-offs, spread to the liver, treatments.

Each value is a :class:`~netteach.constants.Constant` with unit, reference key and status.
Source: ``shared/reference/anatomy-tace-rfa-nets.md`` section 5.
"""

from ._base import Constant

# --- WHO 2019 grading of GEP-NETs (unchanged in WHO 2022)
_W = "who_2019_gep_nen"
KI67_G2_FROM_PERCENT = Constant(3, "%", _W, "V", "Ki-67 below 3% is G1; 3-20% is G2.")
KI67_G3_ABOVE_PERCENT = Constant(20, "%", _W, "V", "Ki-67 above 20% is G3.")
MITOSES_G2_FROM_PER_2MM2 = Constant(2, "per 2 mm²", _W, "V",
                                   "Fewer than 2 mitoses per 2 mm² is G1; 2-20 is G2.")
MITOSES_G3_ABOVE_PER_2MM2 = Constant(20, "per 2 mm²", _W, "V",
                                     "More than 20 mitoses per 2 mm² is G3.")
KI67_G1_MAX_WHO_2010_PERCENT = Constant(2, "%", "del_prete_2014", "V",
                                        "WHO 2010 set G1 at Ki-67 of 2% or less.")
KI67_CELLS_COUNTED = Constant(500, "cells", _W, "V", "Ki-67 counted on at least 500 cells.")
MITOSES_AREA_COUNTED_MM2 = Constant(10, "mm²", _W, "V",
                                    "Mitoses counted in 50 fields of 0.2 mm² (10 mm² in all).")

# --- how often NETs reach the liver
LIVER_METASTASES_LOW_PERCENT = Constant(46, "%", "del_prete_2014", "V",
                                        "Liver metastases in 46-93% of NEN patients.")
LIVER_METASTASES_HIGH_PERCENT = Constant(93, "%", "del_prete_2014", "V",
                                         "Liver metastases in 46-93% of NEN patients.")
LIVER_IN_STAGE_IV_GI_NEN_PERCENT = Constant(72.8, "%", "zheng_2019", "V",
                                            "Liver metastases in 1459/2003 stage IV GI-NENs.")
LIVER_IN_METASTATIC_NEN_PERCENT = Constant(77, "%", "trikalinos_2020", "V",
                                           "Liver metastases in metastatic NEN (SEER).")
LIVER_IN_METASTATIC_NET_SWEDEN_PERCENT = Constant(
    82, "%", "riihimaki_2016", "V", "Liver metastases in 7334 metastatic NETs (Sweden).")
LIVER_IN_METASTATIC_GEP_NEN_PERCENT = Constant(80, "%", "cazzato_2021", "V",
                                               "About 80% of metastatic GEP-NENs.")
LIVER_ONLY_DISEASE_PERCENT = Constant(50, "%", "cazzato_2021", "V",
                                      "Liver-only disease in about half of them.")
G1_DISTANT_AT_DIAGNOSIS_PERCENT = Constant(21, "%", "hepar_plus_protocol", "V",
                                           "G1 NETs with distant metastases at diagnosis.")
G2_DISTANT_AT_DIAGNOSIS_PERCENT = Constant(30, "%", "hepar_plus_protocol", "V",
                                           "G2 NETs with distant metastases at diagnosis.")
FIVE_YEAR_SURVIVAL_LIVER_METS_LOW_PERCENT = Constant(
    20, "%", "criss_makary_2024", "V", "Estimated 5-year survival with liver metastases, low.")
FIVE_YEAR_SURVIVAL_LIVER_METS_HIGH_PERCENT = Constant(
    40, "%", "criss_makary_2024", "V", "Estimated 5-year survival with liver metastases, high.")
GI_NEN_INCIDENCE_2015_PER_100000 = Constant(6.20, "per 100,000", "zheng_2019", "V",
                                            "GI-NEN incidence in 2015 (0.51 in 1973).")
GI_NEN_INCIDENCE_1973_PER_100000 = Constant(0.51, "per 100,000", "zheng_2019", "V",
                                            "GI-NEN incidence in 1973.")

# --- hormone syndrome
CARCINOID_SYNDROME_PERCENT = Constant(
    10, "%", "advanz_patient_site", "V-weak",
    "About 1 in 10 people with GEP-NETs (patient-site figure; low-authority source).")

# --- treatments beside liver-directed therapy
SURGERY_RESECTABLE_FRACTION_PERCENT = Constant(
    90, "%", "net_liver_review_pmc7423566", "V",
    "Resection is considered when more than 90% of the metastases can be removed.")
PROMID_HAZARD_RATIO = Constant(0.34, "1", "promid_review_pmc3380872", "V",
                               "Octreotide LAR vs placebo, time to progression (CI 0.20-0.59).")
CLARINET_KI67_MAX_PERCENT = Constant(10, "%", "caplin_2021", "V",
                                     "CLARINET enrolled NETs with Ki-67 below 10%.")
CLARINET_OLE_PFS_MONTHS = Constant(38.5, "months", "caplin_2021", "V",
                                   "Median PFS, lanreotide-lanreotide group, extension study.")
NETTER1_ACTIVITY_GBQ = Constant(7.4, "GBq", "strosberg_2017", "V",
                                "177Lu-DOTATATE activity per cycle (4 cycles, every 8 weeks).")
NETTER1_CONTROL_PFS_MONTHS = Constant(8.4, "months", "strosberg_2017", "V",
                                      "Median PFS with high-dose octreotide alone.")
NETTER1_HAZARD_RATIO = Constant(0.21, "1", "strosberg_2017", "V",
                                "Hazard ratio for progression or death with PRRT.")
NETTER1_RESPONSE_PRRT_PERCENT = Constant(18, "%", "strosberg_2017", "V",
                                         "Objective response with PRRT.")
NETTER1_RESPONSE_CONTROL_PERCENT = Constant(3, "%", "strosberg_2017", "V",
                                            "Objective response with octreotide alone.")
NETTER2_PRRT_PFS_MONTHS = Constant(22.8, "months", "netter2_summary", "V",
                                   "First-line PRRT in G2/G3 NETs, median PFS.")
NETTER2_CONTROL_PFS_MONTHS = Constant(8.5, "months", "netter2_summary", "V",
                                      "Control arm median PFS.")
