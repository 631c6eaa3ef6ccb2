"""Constants for the tace topic. Each is a :class:`~netteach.constants.Constant`.

Values marked status ``V`` are taught as fact; ``C`` values are computed from verified inputs;
``U`` values are modelling assumptions, labelled as such wherever they are shown.
Vessel calibres of the named hepatic arteries live in the anatomy topic (reused, not repeated).
"""

from ._base import Constant

# --- Where particles stop: the path model -------------------------------------------------
TACE_BRANCHING_EXPONENT = Constant(
    3.0, "1", "tace_murray_1926", "V",
    "Murray's law: the cube of a parent vessel's diameter equals the sum of the cubes of its "
    "daughters' diameters.")
TACE_LODGING_CALIBRE_RATIO = Constant(
    1.0, "1", "tace_model_assumptions", "U",
    "Assumption: a particle lodges in the first vessel whose calibre is no larger than the "
    "particle (ratio of vessel calibre to particle diameter at lodging).")
TACE_PATH_END_DIAMETER_UM = Constant(
    10.0, "µm", "tace_model_assumptions", "U",
    "Assumption: the modelled arterial path ends at vessels about 10 µm across (capillary "
    "size); particles smaller than this pass through the arterial tree.")
DC_BEAD_LOADING_SHRINKAGE_FRACTION = Constant(
    0.20, "1", "tace_debaere_2016", "V",
    "DC Bead diameter shrinks by about 20% when loaded with doxorubicin (IFU: up to 20%).")

# Bead size classes (µm). DC Bead 100-300, 300-500, 500-700 and 700-900 come from the IFU.
DC_BEAD_SIZE_100_300_LOW_UM = Constant(100.0, "µm", "tace_dc_bead_ifu", "V",
                                       "DC Bead yellow, lower.")
DC_BEAD_SIZE_100_300_HIGH_UM = Constant(300.0, "µm", "tace_dc_bead_ifu", "V",
                                        "DC Bead yellow, upper.")
DC_BEAD_SIZE_300_500_LOW_UM = Constant(300.0, "µm", "tace_dc_bead_ifu", "V", "DC Bead blue, lower.")
DC_BEAD_SIZE_300_500_HIGH_UM = Constant(500.0, "µm", "tace_dc_bead_ifu", "V",
                                        "DC Bead blue, upper.")
DC_BEAD_SIZE_500_700_LOW_UM = Constant(500.0, "µm", "tace_dc_bead_ifu", "V", "DC Bead red, lower.")
DC_BEAD_SIZE_500_700_HIGH_UM = Constant(700.0, "µm", "tace_dc_bead_ifu", "V", "DC Bead red, upper.")
SMALL_BEAD_SIZE_40_120_LOW_UM = Constant(
    40.0, "µm", "tace_model_assumptions", "U",
    "Small-bead class 40-120 µm: mentioned for NET bland embolisation but not verified.")
SMALL_BEAD_SIZE_40_120_HIGH_UM = Constant(
    120.0, "µm", "tace_model_assumptions", "U",
    "Small-bead class 40-120 µm: mentioned for NET bland embolisation but not verified.")

# --- Drug release (de Baere 2016, in vitro, beads loaded with 40 mg doxorubicin per mL) -----
IN_VITRO_ELUTION_PLATEAU_TIME_H = Constant(
    6.0, "h", "tace_debaere_2016", "V", "In-vitro elution had reached its plateau by 6 hours.")
DC_BEAD_IN_VITRO_PLATEAU_FRACTION = Constant(
    0.21, "1", "tace_debaere_2016", "V",
    "Share of the loaded doxorubicin eluted by DC Bead in vitro.")
DC_BEAD_IN_VITRO_T75_MIN = Constant(
    197.0, "min", "tace_debaere_2016", "V", "Time for DC Bead to elute 75% of its releasable drug.")
LIFEPEARL_IN_VITRO_PLATEAU_FRACTION = Constant(
    0.30, "1", "tace_debaere_2016", "V",
    "Share of the loaded doxorubicin eluted by LifePearl in vitro.")
LIFEPEARL_IN_VITRO_T75_MIN = Constant(
    139.0, "min", "tace_debaere_2016", "V",
    "Time for LifePearl to elute 75% of its releasable drug.")
HEPASPHERE_IN_VITRO_PLATEAU_FRACTION = Constant(
    0.08, "1", "tace_debaere_2016", "V", "Share of the loaded doxorubicin eluted by HepaSphere.")
HEPASPHERE_IN_VITRO_T75_MIN = Constant(
    110.0, "min", "tace_debaere_2016", "V",
    "Time for HepaSphere to elute 75% of its releasable drug.")
TANDEM_IN_VITRO_PLATEAU_FRACTION = Constant(
    0.06, "1", "tace_debaere_2016", "V",
    "Share of the loaded doxorubicin eluted by Tandem in vitro.")
TANDEM_IN_VITRO_T75_MIN = Constant(
    77.0, "min", "tace_debaere_2016", "V", "Time for Tandem to elute 75% of its releasable drug.")
DC_BEAD_QUASI_STATIC_HALF_LIFE_H = Constant(
    1500.0, "h", "tace_dcbead_elution_methods", "V",
    "Quasi-static (T-apparatus) model, closer to an embolised vessel: elution half-lives over "
    "1500 h for all DC Bead sizes. 1500 h is a lower bound, so the modelled release is an "
    "upper bound. It matched patients' blood levels in the first 24 h after TACE.")
DC_BEAD_USP_COMPLETE_ELUTION_H = Constant(
    4.0, "h", "tace_dcbead_elution_methods", "V",
    "In a stirred USP II dissolution bath DC Bead elutes completely in under 4 h (first order).")

# --- Drug reach in tissue (rabbit liver, CalliSpheres loaded with doxorubicin) -------------
DOX_PENETRATION_FROM_BEAD_EDGE_UM = Constant(
    200.0, "µm", "tace_zhang_2017_drug_deliv", "V",
    "Doxorubicin was found in liver tissue up to about 200 µm from the bead edge.")
DOX_TISSUE_1_WEEK_LOW_UG_PER_ML = Constant(40.27, "µg/mL", "tace_zhang_2017_drug_deliv", "V",
                                           "Lowest tissue doxorubicin at 1 week.")
DOX_TISSUE_1_WEEK_HIGH_UG_PER_ML = Constant(245.70, "µg/mL", "tace_zhang_2017_drug_deliv", "V",
                                            "Highest tissue doxorubicin at 1 week.")
DOX_TISSUE_1_MONTH_LOW_UG_PER_ML = Constant(5.64, "µg/mL", "tace_zhang_2017_drug_deliv", "V",
                                            "Lowest tissue doxorubicin at 1 month.")
DOX_TISSUE_1_MONTH_HIGH_UG_PER_ML = Constant(28.09, "µg/mL", "tace_zhang_2017_drug_deliv", "V",
                                             "Highest tissue doxorubicin at 1 month.")
DOX_PENETRATION_THRESHOLD_FRACTION = Constant(
    0.05, "1", "tace_model_assumptions", "U",
    "Assumption: 'reached' means at least 5% of the concentration at the bead edge; the "
    "200 µm reach is read as the distance where the steady profile falls to this level.")
DOX_CALIBRATION_BEAD_DIAMETER_UM = Constant(
    200.0, "µm", "tace_model_assumptions", "U",
    "Assumption: the 200 µm reach is matched for a 200 µm bead (middle of 100-300 µm).")
DOX_TISSUE_DIFFUSIVITY_UM2_PER_S = Constant(
    10.0, "µm²/s", "tace_model_assumptions", "U",
    "Assumption (order of magnitude for a small drug molecule in tissue, 1e-7 cm²/s). It sets "
    "only how fast the profile builds up, not how far the drug reaches.")

# --- Evidence and risks (numbers quoted in the family table and the quiz) ------------------
GUIU_DEB_ANY_INJURY_ODDS_RATIO = Constant(
    6.63, "1", "tace_guiu_2012", "V", "Odds ratio for any liver/biliary injury with DEB-TACE.")
GUIU_DEB_BILOMA_ODDS_RATIO = Constant(
    9.78, "1", "tace_guiu_2012", "V", "Odds ratio for biloma or infarct with drug-eluting beads.")
GUIU_NET_BILOMA_ODDS_RATIO = Constant(
    8.13, "1", "tace_guiu_2012", "V", "Odds ratio for biloma or infarct in NET (vs HCC) patients.")
BHAGAT_BILOMA_PATIENTS = Constant(7.0, "patients", "tace_bhagat_2013", "V",
                                  "Patients with bilomas in the phase II DEB-TACE NET trial.")
BHAGAT_TRIAL_PATIENTS = Constant(13.0, "patients", "tace_bhagat_2013", "V",
                                 "Patients in the interim analysis (trial interrupted).")
STROSBERG_SYMPTOM_RESPONSE_FRACTION = Constant(
    0.80, "1", "tace_strosberg_2006", "V", "Symptoms improved in 44/55 after bland embolisation.")
STROSBERG_MEDIAN_OS_MONTHS = Constant(
    36.0, "months", "tace_strosberg_2006", "V", "Median overall survival from first embolisation.")
ENETS_SYMPTOM_CONTROL_UP_TO_FRACTION = Constant(
    0.75, "1", "course_enets_2022_via_nice", "V",
    "TAE, TACE or SIRT control carcinoid syndrome symptoms in up to 75% of cases.")
PES_SELF_LIMITING_LOW_DAYS = Constant(3.0, "days", "journey_pes_summary", "V-weak",
                                      "Post-embolisation syndrome usually settles in 3-5 days.")
PES_SELF_LIMITING_HIGH_DAYS = Constant(5.0, "days", "journey_pes_summary", "V-weak",
                                       "Post-embolisation syndrome usually settles in 3-5 days.")
PES_NEEDING_MEDICATION_FRACTION = Constant(
    0.55, "1", "tace_pes_2019_cmir", "V", "Share of TACE patients whose PES needed medication.")
WARNING_FEVER_C = Constant(38.6, "°C", "journey_northwestern", "V",
                           "Fever above 38.6 °C (101.5 °F) for more than a day: call the team.")
