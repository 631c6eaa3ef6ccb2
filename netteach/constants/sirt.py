"""Constants for the SIRT (yttrium-90 radioembolisation) topic.

Each value is a :class:`~netteach.constants.Constant` with unit, reference key and evidence
status taken from the course's fact base (``shared/reference/sirt-y90.md``). Where the sources
disagree, both values are kept and the note says which one the models use and why.
"""

from ._base import Constant

# --- Y-90 physics -----------------------------------------------------------------------------
Y90_HALF_LIFE_H = Constant(
    64.1, "h", "sirt_therasphere_pi", "V",
    "Physical half-life of Y-90 (TheraSphere package insert: 64.1 h = 2.67 days). Used by every "
    "model. EANM 2022 gives 64.2 h (see Y90_HALF_LIFE_EANM_H); the 0.1 h difference changes "
    "any dose by less than 0.2%.")
Y90_HALF_LIFE_EANM_H = Constant(
    64.2, "h", "sirt_eanm_2022", "V",
    "Half-life as written in the EANM 2022 guideline ('2.67 days (64.2 h)'). Shown as the "
    "disagreement; not used in calculations.")
Y90_MEAN_BETA_ENERGY_MEV = Constant(
    0.9367, "MeV", "sirt_therasphere_pi", "V",
    "Mean beta energy per decay (TheraSphere package insert). EANM 2022 rounds it to 0.94 MeV; "
    "decay-data summaries give 0.9324 MeV. Used for the dose-point kernel.")
Y90_MEAN_BETA_ENERGY_ENSDF_MEV = Constant(
    0.9324, "MeV", "sirt_keistad_decay_data", "V-weak",
    "Mean energy of the main beta branch in a decay-data summary (apparently ENSDF). With "
    "T1/2 = 64.1 h it gives 49.7 Gy per GBq/kg; the package-insert 0.9367 MeV gives 49.96.")
Y90_MAX_BETA_ENERGY_MEV = Constant(
    2.28, "MeV", "sirt_eanm_2022", "V", "Maximum (end-point) beta energy of Y-90.")
Y90_MAX_RANGE_MM = Constant(
    11.0, "mm", "sirt_eanm_2022", "V",
    "Maximum range of Y-90 beta particles in soft tissue (EANM 2022: 'maximum and mean ranges "
    "in soft tissue are 11 and 4 mm').")
Y90_MEAN_RANGE_MM = Constant(
    4.0, "mm", "sirt_eanm_2022", "V",
    "Mean range in soft tissue according to EANM 2022: roughly how far an electron of the mean "
    "energy (0.93 MeV) travels before it stops (its path length).")
Y90_MEAN_PENETRATION_MM = Constant(
    2.5, "mm", "sirt_nrc_therasphere", "V",
    "'Average tissue penetration' in the TheraSphere device registry entry and patient pages. "
    "It is a different quantity from the EANM 4 mm 'mean range' (a typical depth reached, "
    "not the path length of a mean-energy electron), so both can be right.")
Y90_POSITRONS_PER_MILLION_DECAYS = Constant(
    32.0, "per 10^6 decays", "sirt_eanm_2022", "V",
    "Positrons emitted by internal pair production: 32 per million decays. This is what makes "
    "post-treatment Y-90 PET possible.")

# --- Dose-point kernel (Loevinger's beta point-source function) ---------------------------------
Y90_KERNEL_TISSUE_DENSITY_G_PER_CM3 = Constant(
    1.04, "g/cm^3", "sirt_lanconelli_svalues", "U",
    "Soft-tissue density assumed for the kernel (ICRU soft tissue). The fact base found no text "
    "stating it, but the voxel S-value totals only match the mean beta energy with 1.04 "
    "(0.936 MeV absorbed), not with 1.00 (0.90 MeV). An assumption, labelled as such.")
LOEVINGER_NU_COEFFICIENT_CM2_PER_G = Constant(
    18.6, "cm^2/g", "sirt_loevinger_1956", "U",
    "Coefficient of Loevinger's apparent absorption coefficient for tissue: "
    "nu = 18.6 (E0 - 0.036)^-1.37 (2 - Ebar/Ebar*) cm^2/g, E0 in MeV. Taken from Loevinger "
    "1956 as recalled: the formula text was not found in the course's fact base, so the kernel "
    "is checked in the tests against the Monte Carlo voxel S-values [V] instead.")
LOEVINGER_ENERGY_OFFSET_MEV = Constant(
    0.036, "MeV", "sirt_loevinger_1956", "U", "Energy offset in Loevinger's nu formula.")
LOEVINGER_NU_EXPONENT_1 = Constant(
    -1.37, "1", "sirt_loevinger_1956", "U", "Exponent of (E0 - 0.036) in Loevinger's nu.")
LOEVINGER_C_HIGH_ENERGY_1 = Constant(
    1.0, "1", "sirt_loevinger_1956", "U",
    "Loevinger's shape parameter c for end-point energies 1.5-3 MeV (Y-90: 2.28 MeV). With "
    "c = 1 the kernel falls as 1/r^2 out to r = 1/(nu rho) and then as exp(-nu rho r)/r.")
LOEVINGER_SPECTRUM_RATIO_1 = Constant(
    1.0, "1", "sirt_loevinger_1956", "U",
    "Ebar/Ebar*: the mean beta energy over that of an allowed spectrum with the same end-point. "
    "Taken as 1 (an assumption); computing Ebar* from an allowed spectrum shape gives 0.99, "
    "which would change nu by 1%.")

# --- Dose formulas ------------------------------------------------------------------------------
Y90_DOSE_COEFFICIENT_GY_KG_PER_GBQ = Constant(
    49.67, "Gy·kg/GBq", "sirt_van_roekel_thesis", "V",
    "Absorbed dose per GBq per kg if all beta energy stays where the spheres lodge and they never "
    "leave: 10^9 x mean life x mean energy / 1 kg. 49.67 follows from T1/2 about 64.0-64.1 h and "
    "Ebar about 0.93 MeV. Used by mird_dose_gy, the partition model and the lung dose.")
Y90_DOSE_COEFFICIENT_ROUNDED_GY_KG_PER_GBQ = Constant(
    50.0, "Gy·kg/GBq", "sirt_sirtex_dosimetry", "V",
    "'1 GBq of yttrium-90 per kg of tissue provides the equivalent of 50 Gy' (Sirtex; the "
    "TheraSphere package insert uses 50 too). It follows from Ebar = 0.9367 MeV and T1/2 = 64.1 h "
    "(49.96). The 0.7% difference from 49.67 comes from the decay-data edition.")

# --- Lung ---------------------------------------------------------------------------------------
LUNG_DOSE_LIMIT_SINGLE_GY = Constant(
    30.0, "Gy", "sirt_van_roekel_thesis", "V",
    "Highest tolerable lung dose after a single treatment (from experience with external beam "
    "radiotherapy).")
LUNG_DOSE_LIMIT_CUMULATIVE_GY = Constant(
    50.0, "Gy", "sirt_van_roekel_thesis", "V",
    "Highest tolerable cumulative lung dose after repeated treatments.")
SIRT_LUNG_MASS_KG = Constant(
    1.0, "kg", "sirt_therasphere_glass_dosing", "U",
    "Lung mass used in the lung-dose formula. A standard assumption, not found as a guideline "
    "quote; consistent with the glass 0.61 GBq lung cap (0.61 x 49.67 / 1 kg = 30.3 Gy).")
GLASS_LUNG_ACTIVITY_CAP_GBQ = Constant(
    0.61, "GBq", "sirt_therasphere_glass_dosing", "V",
    "Upper limit of activity that can safely reach the lungs in one glass-microsphere "
    "treatment.")

# --- Resin BSA method ---------------------------------------------------------------------------
BSA_OFFSET_M2 = Constant(
    0.2, "m^2", "sirt_van_roekel_thesis", "V",
    "BSA method: A (GBq) = (BSA - 0.2) + tumour volume / (tumour + normal liver volume).")
BSA_ACTIVITY_PER_M2_GBQ = Constant(
    1.0, "GBq/m^2", "sirt_van_roekel_thesis", "V",
    "The BSA formula reads the number (BSA - 0.2) in m^2 directly as GBq; this constant makes "
    "that unit conversion explicit (1 GBq per m^2). The tumour term likewise counts 1 GBq for a "
    "liver fully replaced by tumour.")
DUBOIS_COEFFICIENT = Constant(
    0.20247, "m^2/(m^0.725·kg^0.425)", "sirt_van_roekel_thesis", "V",
    "Du Bois & Du Bois body-surface area: BSA = 0.20247 x height(m)^0.725 x weight(kg)^0.425 "
    "(equal to 0.007184 x W^0.425 x H(cm)^0.725).")
DUBOIS_HEIGHT_EXPONENT_1 = Constant(
    0.725, "1", "sirt_van_roekel_thesis", "V", "Du Bois height exponent.")
DUBOIS_WEIGHT_EXPONENT_1 = Constant(
    0.425, "1", "sirt_van_roekel_thesis", "V", "Du Bois weight exponent.")
LSF_REDUCE_20_FRACTION = Constant(
    0.10, "1", "sirt_van_roekel_thesis", "V",
    "Resin rules: above a lung shunt fraction of 10% the activity is reduced by 20%.")
LSF_REDUCE_40_FRACTION = Constant(
    0.15, "1", "sirt_van_roekel_thesis", "V",
    "Resin rules: above a lung shunt fraction of 15% the activity is reduced by 40%.")
LSF_DO_NOT_TREAT_FRACTION = Constant(
    0.20, "1", "sirt_van_roekel_thesis", "V",
    "Resin rules: above a lung shunt fraction of 20% the patient is not treated (100% reduction).")
LSF_REDUCTION_SMALL_FRACTION = Constant(
    0.20, "1", "sirt_van_roekel_thesis", "V", "Activity reduction for a shunt of 10-15%.")
LSF_REDUCTION_LARGE_FRACTION = Constant(
    0.40, "1", "sirt_van_roekel_thesis", "V", "Activity reduction for a shunt of 15-20%.")

# --- Dose thresholds shown as warnings ----------------------------------------------------------
RESIN_NORMAL_LIVER_UNILOBAR_LIMIT_GY = Constant(
    40.0, "Gy", "sirt_eanm_2022", "V",
    "Resin, EANM 2022 Table 3: normal perfused liver below 40 Gy (unilobar or bilobar).")
RESIN_NORMAL_LIVER_COMPROMISED_LIMIT_GY = Constant(
    30.0, "Gy", "sirt_eanm_2022", "V",
    "Resin, EANM 2022 Table 3: below 30 Gy for a bilobar treatment of a pretreated or "
    "compromised liver.")
GLASS_WHOLE_NORMAL_LIVER_LIMIT_GY = Constant(
    75.0, "Gy", "sirt_eanm_2022", "V",
    "Glass, EANM 2022 Table 2: whole normal liver below 75 Gy (50 Gy if bilirubin is raised, "
    "90 Gy if not), derived mostly in cirrhotic HCC.")
GLASS_PERFUSED_TARGET_LOW_GY = Constant(
    80.0, "Gy", "sirt_eanm_2022", "V",
    "Classical glass target: 80-150 Gy to the perfused liver volume (single compartment).")
GLASS_PERFUSED_TARGET_HIGH_GY = Constant(
    150.0, "Gy", "sirt_eanm_2022", "V", "Upper end of the classical glass target range.")
RESIN_TUMOUR_TARGET_GY = Constant(
    100.0, "Gy", "sirt_eanm_2022", "V",
    "Resin, EANM 2022 Table 3: tumour above 100-120 Gy (HCC, ICC) or above 100 Gy (colorectal "
    "metastases). No NET-specific threshold was found.")

# --- Microspheres --------------------------------------------------------------------------------
RESIN_BQ_PER_SPHERE = Constant(
    50.0, "Bq", "sirt_wjh_2015_spheres", "V", "Activity per resin microsphere at calibration.")
GLASS_BQ_PER_SPHERE = Constant(
    2500.0, "Bq", "sirt_wjh_2015_spheres", "V",
    "Activity per glass microsphere at calibration (1250-2500 Bq depending on the day of use).")

# --- Radiation safety (Cournane 2019, 30 patients) ----------------------------------------
DOSE_RATE_CONTACT_USV_PER_H_PER_GBQ = Constant(
    29.0, "µSv/h per GBq", "sirt_cournane_2019", "V",
    "Measured dose rate in contact with the upper abdomen, per GBq given (mean, SD 23).")
DOSE_RATE_30CM_USV_PER_H_PER_GBQ = Constant(
    4.1, "µSv/h per GBq", "sirt_cournane_2019", "V",
    "Measured dose rate at 0.3 m, per GBq given (mean, SD 2.34).")
DOSE_RATE_1M_USV_PER_H_PER_GBQ = Constant(
    0.59, "µSv/h per GBq", "sirt_cournane_2019", "V",
    "Measured dose rate at 1 m, per GBq given (mean, SD 0.42).")
PUBLIC_DOSE_CONSTRAINT_MSV = Constant(
    0.3, "mSv", "sirt_cournane_2019", "V",
    "EU dose constraint for members of the public used by Cournane et al.")
PUBLIC_DOSE_LIMIT_MSV = Constant(
    1.0, "mSv", "sirt_cournane_2019", "V", "EU annual dose limit for members of the public.")
UK_NATURAL_BACKGROUND_MSV_PER_YEAR = Constant(
    2.2, "mSv/year", "sirt_hughes_2005", "V",
    "Average annual dose to a person in the UK from natural radiation (about half of it radon "
    "indoors). The same review gives 2.7 mSv a year from all sources; a 2025 UKHSA update gives "
    "2.6 mSv. Found in the course lead's own search, not in the shared fact base.")

# --- Volumes to masses ---------------------------------------------------------------------------
LIVER_DENSITY_G_PER_ML = Constant(
    1.03, "g/mL", "sirt_van_roekel_thesis", "U",
    "Density used to turn liver and tumour volumes into masses. Commonly used (some use 1.0 or "
    "1.05), but no found text states it: an assumption, labelled as such on the dashboard.")
