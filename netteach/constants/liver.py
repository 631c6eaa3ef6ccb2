"""Constants for the liver topic: the liver's dual blood supply and that of its metastases.

Each value is a :class:`~netteach.constants.Constant` with unit, reference key and status.
Source: ``shared/reference/anatomy-tace-rfa-nets.md`` section 1.
"""

from ._base import Constant

# --- normal liver: flow and oxygen split (ASA Anesthesia Toolbox)
_A = "asa_toolbox_q5"
PORTAL_FLOW_FRACTION = Constant(0.75, "1", _A, "V", "Portal vein share of hepatic blood flow.")
ARTERIAL_FLOW_FRACTION = Constant(0.25, "1", _A, "V",
                                  "Hepatic artery share of hepatic blood flow.")
PORTAL_OXYGEN_FRACTION_LOW = Constant(0.50, "1", _A, "V", "Portal vein share of oxygen, low end.")
PORTAL_OXYGEN_FRACTION_HIGH = Constant(0.55, "1", _A, "V",
                                       "Portal vein share of oxygen, high end.")
ARTERIAL_OXYGEN_FRACTION_LOW = Constant(0.45, "1", _A, "V",
                                        "Hepatic artery share of oxygen, low end.")
ARTERIAL_OXYGEN_FRACTION_HIGH = Constant(0.50, "1", _A, "V",
                                         "Hepatic artery share of oxygen, high end.")
TOTAL_HEPATIC_FLOW_ML_PER_MIN = Constant(1500, "mL/min", _A, "V",
                                         "Total hepatic blood flow, about 1.5 L/min.")
HEPATIC_FLOW_CARDIAC_OUTPUT_FRACTION_LOW = Constant(0.20, "1", _A, "V",
                                                    "Liver share of cardiac output, low end.")
HEPATIC_FLOW_CARDIAC_OUTPUT_FRACTION_HIGH = Constant(0.30, "1", _A, "V",
                                                     "Liver share of cardiac output, high end.")
ARTERIAL_BUFFER_FRACTION_LOW = Constant(
    0.25, "1", _A, "V", "A rise in arterial flow can buffer 25-60% of a fall in portal flow.")
ARTERIAL_BUFFER_FRACTION_HIGH = Constant(
    0.60, "1", _A, "V", "A rise in arterial flow can buffer 25-60% of a fall in portal flow.")

# --- other sources for the portal share of flow (the spread learners should see)
PORTAL_FLOW_FRACTION_ELSEVIER = Constant(0.80, "1", "elsevier_liver_arteries", "V",
                                         "An anatomy resource gives an 80:20 split.")
PORTAL_FLOW_FRACTION_MORPHOL = Constant(0.70, "1", "int_j_morphol_2021", "V",
                                        "Anatomy papers give a 70:30 split.")

# --- metastases
METASTASIS_FLOW_ML_PER_MIN_100G = Constant(
    41.5, "mL/min/100 g", "taylor_1978", "V",
    "Mean perfusion of colorectal liver metastases (133Xe clearance); SD 22.5.")
METASTASIS_FLOW_SD_ML_PER_MIN_100G = Constant(22.5, "mL/min/100 g", "taylor_1978", "V",
                                              "Standard deviation of the above.")
METASTASIS_FLOW_AFTER_ARTERY_OCCLUSION_FRACTION = Constant(
    0.05, "1", "taylor_1978", "V",
    "Metastasis perfusion after hepatic artery occlusion, as a share of before.")
METASTASIS_ARTERIAL_FRACTION = Constant(
    0.95, "1", "taylor_1978", "V",
    "Share of a metastasis's blood supply that is arterial (flow fell to ~5% without it).")
METASTASIS_PORTAL_RIM_FRACTION = Constant(
    0.50, "1", "haugeberg_1988", "V",
    "More than half of metastases had a portal supply to their rim.")

# --- an assumption the uptake demo needs (NOT verified)
NORMAL_LIVER_FLOW_ML_PER_MIN_100G = Constant(
    100, "mL/min/100 g", "netteach_assumption", "U",
    "ASSUMPTION: total blood flow per 100 g of normal liver, a round textbook figure we could "
    "not find in a source. Used only as the starting point of an illustrative slider.")
