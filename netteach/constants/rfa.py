"""Constants for the rfa topic. Each is a :class:`~netteach.constants.Constant`.

Values come from section 4 of the fact base (shared/reference/anatomy-tace-rfa-nets.md).
Status ``U`` marks a modelling assumption: it is used by the simulator, labelled as an
assumption on the dashboard, and never taught as fact.
"""

from ._base import Constant

# --- Liver and blood properties (COMSOL "Liver (human)" set, RF tumour-ablation model) --------
RFA_LIVER_DENSITY_KG_PER_M3 = Constant(
    1079.0, "kg/m³", "comsol_liver", "V", "Density of human liver (COMSOL material library).")
RFA_LIVER_SPECIFIC_HEAT_J_PER_KG_K = Constant(
    3540.0, "J/(kg·K)", "comsol_liver", "V", "Specific heat of liver.")
RFA_LIVER_THERMAL_CONDUCTIVITY_W_PER_M_K = Constant(
    0.52, "W/(m·K)", "comsol_liver", "V", "Thermal conductivity of liver (held constant).")
RFA_BLOOD_DENSITY_KG_PER_M3 = Constant(
    1000.0, "kg/m³", "comsol_liver", "V", "Density of blood in the Pennes perfusion term.")
RFA_BLOOD_SPECIFIC_HEAT_J_PER_KG_K = Constant(
    4180.0, "J/(kg·K)", "comsol_liver", "V", "Specific heat of blood (COMSOL RF model).")
RFA_LIVER_PERFUSION_PER_S = Constant(
    6.4e-3, "1/s", "comsol_liver", "V",
    "Volumetric blood perfusion rate of liver (COMSOL RF tumour-ablation model).")
RFA_LIVER_PERFUSION_MW_MODEL_PER_S = Constant(
    3.6e-3, "1/s", "comsol_liver", "V", "Perfusion used by the COMSOL microwave model.")
RFA_LIVER_ELECTRICAL_CONDUCTIVITY_S_PER_M = Constant(
    0.333, "S/m", "comsol_liver", "V", "Electrical conductivity of liver at 37 °C (RF model).")
RFA_BLOOD_ELECTRICAL_CONDUCTIVITY_S_PER_M = Constant(
    0.667, "S/m", "comsol_liver", "V", "Electrical conductivity of blood.")
RFA_BODY_TEMPERATURE_C = Constant(
    37.0, "°C", "comsol_liver", "V", "Arterial blood and starting tissue temperature.")
RFA_CONDUCTIVITY_TEMPERATURE_COEFFICIENT_PER_K = Constant(
    0.01962, "1/K", "chang_2010", "V-weak",
    "Linear rise of electrical conductivity with temperature (Chang's saline-based formula, "
    "seen only in code). Bovine liver at 915 MHz: 1.82 %/°C.")

# --- Thermal damage ----------------------------------------------------------------------------
RFA_ARRHENIUS_FREQUENCY_FACTOR_PER_S = Constant(
    7.39e39, "1/s", "comsol_liver", "V", "Arrhenius frequency factor A, liver set.")
RFA_ARRHENIUS_ACTIVATION_ENERGY_J_PER_MOL = Constant(
    2.577e5, "J/mol", "comsol_liver", "V", "Arrhenius activation energy E_a, liver set.")
RFA_GAS_CONSTANT_J_PER_MOL_K = Constant(
    8.314, "J/(mol·K)", "fieldp_arrhenius", "V", "Universal gas constant R.")
RFA_KELVIN_OFFSET_K = Constant(
    273.15, "K", "fieldp_arrhenius", "V", "Offset from degrees Celsius to kelvin.")
RFA_CEM43_REFERENCE_TEMPERATURE_C = Constant(
    43.0, "°C", "sapareto_dewey_1984", "V", "Reference temperature of the thermal dose.")
RFA_CEM43_R_ABOVE_43 = Constant(
    0.5, "1", "sapareto_dewey_1984", "V", "CEM43 factor R at or above 43 °C.")
RFA_CEM43_R_BELOW_43 = Constant(
    0.25, "1", "sapareto_dewey_1984", "V", "CEM43 factor R below 43 °C.")
RFA_CEM43_THRESHOLD_MIN = Constant(
    240.0, "min", "damianou_hynynen_1994", "V-weak",
    "Necrosis threshold of 240 CEM43, found only in code comments citing focused-ultrasound "
    "(brain) work; not a liver-specific value.")

# --- Temperatures and clinical facts ------------------------------------------------------------
RFA_INSTANT_DEATH_TEMPERATURE_C = Constant(
    60.0, "°C", "brace_2009", "V", "Above about 60 °C cells die almost at once.")
RFA_COAGULATION_LOW_TEMPERATURE_C = Constant(
    50.0, "°C", "brace_2009", "V", "50-60 °C coagulates tissue within minutes.")
RFA_HYPERTHERMIA_HIGH_TEMPERATURE_C = Constant(
    45.0, "°C", "pearce_2010", "V", "Upper end of the hyperthermia range (about 40-45 °C).")
RFA_BOILING_TEMPERATURE_C = Constant(
    100.0, "°C", "hindawi_2017", "V",
    "Tissue water boils; impedance rises and generator power rolls off.")
RFA_FREQUENCY_LOW_KHZ = Constant(450.0, "kHz", "haemmerich_schutt_2011", "V",
                                 "RF generators typically work at 450-500 kHz.")
RFA_FREQUENCY_HIGH_KHZ = Constant(500.0, "kHz", "haemmerich_schutt_2011", "V",
                                  "RF generators typically work at 450-500 kHz.")
RFA_STANDARD_ABLATION_TIME_MIN = Constant(
    12.0, "min", "schramm_2007", "V", "Standard time of one cooled-electrode ablation.")
RFA_CLINICAL_ZONE_LOW_MM = Constant(
    30.0, "mm", "semin_intervent_radiol_rfa", "V",
    "Cooled or expandable RFA ablates an area 3 to 5 cm in diameter (lower end).")
RFA_CLINICAL_ZONE_HIGH_MM = Constant(
    50.0, "mm", "semin_intervent_radiol_rfa", "V",
    "Cooled or expandable RFA ablates an area 3 to 5 cm in diameter (upper end).")
RFA_UNCOOLED_MAX_ZONE_MM = Constant(
    16.0, "mm", "goldberg_1995", "V",
    "Early non-cooled single probes could not make lesions larger than 1.6 cm.")
RFA_MAX_TUMOUR_DIAMETER_MM = Constant(
    30.0, "mm", "petre_sofocleous_2017", "V",
    "Ideal tumour for ablation: solitary and 3 cm or less.")
RFA_CONSENSUS_FIRST_LINE_DIAMETER_MM = Constant(
    20.0, "mm", "tombesi_2018", "V",
    "European consensus: percutaneous ablation is first-line for tumours under 2 cm.")
RFA_MIN_MARGIN_MM = Constant(
    5.0, "mm", "petre_sofocleous_2017", "V", "Margins over 5 mm give the best local control.")
RFA_IDEAL_MARGIN_MM = Constant(
    10.0, "mm", "shady_2018", "V", "No local progression was seen with margins over 10 mm.")
RFA_HEAT_SINK_VESSEL_DIAMETER_MM = Constant(
    3.0, "mm", "lin_2016", "V", "Vessels wider than 3 mm next to a tumour act as heat sinks.")
RFA_HEAT_SINK_RECURRENCE_FRACTION = Constant(
    20 / 101, "1", "lin_2016", "V",
    "20 of 101 tumours next to vessels over 3 mm recurred (about 19.8 %).")
RFA_OVERALL_RECURRENCE_FRACTION = Constant(
    33 / 564, "1", "lin_2016", "V", "33 of 564 small tumours recurred overall (5.9 %).")

# --- Derived -----------------------------------------------------------------------------------
RFA_PERFUSION_LENGTH_MM = Constant(
    1e3 * (RFA_LIVER_THERMAL_CONDUCTIVITY_W_PER_M_K / (
        RFA_BLOOD_DENSITY_KG_PER_M3 * RFA_BLOOD_SPECIFIC_HEAT_J_PER_KG_K
        * RFA_LIVER_PERFUSION_PER_S)) ** 0.5, "mm", "comsol_liver", "C",
    "Perfusion length sqrt(k / (rho_b c_b w_b)) with the COMSOL RF values (about 4.4 mm).")

# --- Modelling assumptions (status U: labelled as assumptions, never taught as fact) -----------
RFA_NEEDLE_RADIUS_MM = Constant(
    0.75, "mm", "model_assumption", "U",
    "Needle radius of the model, about that of a 17-gauge electrode (assumption).")
RFA_ACTIVE_TIP_LENGTH_MM = Constant(
    30.0, "mm", "model_assumption", "U",
    "Exposed (active) tip length; power per unit length = power / this length (assumption).")
RFA_COOLED_NEEDLE_WALL_C = Constant(
    25.0, "°C", "model_assumption", "U",
    "Temperature of the needle wall when chilled water runs inside it (assumption).")
RFA_DESICCATION_CONDUCTIVITY_FACTOR = Constant(
    0.01, "1", "model_assumption", "U",
    "Electrical conductivity falls 100-fold as tissue water boils away (assumption).")
RFA_DESICCATION_WIDTH_K = Constant(
    5.0, "K", "model_assumption", "U",
    "Conductivity falls over 100-105 °C (assumption; reversible, mimicking pulsed power).")
RFA_ROLLOFF_IMPEDANCE_RATIO = Constant(
    1.05, "1", "model_assumption", "U",
    "The generator cuts power once the impedance is 5 % above its lowest value so far "
    "(assumption).")
RFA_MODEL_DOMAIN_RADIUS_MM = Constant(
    60.0, "mm", "model_assumption", "U",
    "Radius of the simulated tissue; its edge stays at 37 °C and is the return electrode.")
