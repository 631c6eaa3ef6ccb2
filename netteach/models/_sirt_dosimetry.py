"""SIRT activity and dose calculators (private; import from :mod:`netteach.models.sirt`).

Three ways to plan an activity, as taught in the SIRT dashboard:

* the resin **BSA method** (body-surface area plus tumour involvement, reduced for lung shunt);
* the **single-compartment MIRD** formula (one mean dose over the perfused liver);
* the **partition model** (Ho 1996: tumour, normal liver and lung as three compartments).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..constants import sirt as C
from ..validation import check_scalar

__all__ = [
    "mird_dose_gy", "bsa_dubois_m2", "lung_shunt_reduction", "BsaResult", "bsa_activity_gbq",
    "PartitionDoses", "partition_doses", "partition_activity_gbq", "lung_dose_gy",
    "max_activity_for_lung_limit_gbq",
]

MAX_ACTIVITY_GBQ = 30.0
MAX_MASS_KG = 5.0
MAX_LUNG_MASS_KG = 3.0


def _activity(value, name="activity_gbq"):
    return check_scalar(name, value, 0.0, MAX_ACTIVITY_GBQ, unit="GBq")


#: smallest mass accepted (1 g): below it a dose is meaningless and could overflow
MIN_MASS_KG = 0.001


def _mass(name, value, high=MAX_MASS_KG):
    return check_scalar(name, value, MIN_MASS_KG, high, unit="kg")


def _fraction(name, value, *, high=1.0, high_open=False):
    return check_scalar(name, value, 0.0, high, high_open=high_open)


def mird_dose_gy(activity_gbq, mass_kg, lung_shunt_fraction=0.0, residual_fraction=0.0):
    """Single-compartment (MIRD) mean absorbed dose to the perfused liver.

    Parameters
    ----------
    activity_gbq : float
        Activity given (GBq), 0 to 30.
    mass_kg : float
        Mass of the perfused liver (kg), 0.001 to 5.
    lung_shunt_fraction : float
        Share of the activity that passes to the lungs, 0 to 1.
    residual_fraction : float
        Share left in the vial and catheter, 0 to 1.

    Returns
    -------
    float
        Mean dose (Gy) over the whole perfused mass.

    Notes
    -----
    D = 49.67 A (1 - LSF)(1 - R) / M. The coefficient 49.67 Gy kg/GBq is 10^9 x mean life x
    mean beta energy, assuming every beta's energy is absorbed where it is emitted; package
    inserts round it to 50.

    References
    ----------
    ``sirt_van_roekel_thesis``, ``sirt_sirtex_dosimetry``, ``sirt_therasphere_glass_dosing``.
    """
    a = _activity(activity_gbq)
    m = _mass("mass_kg", mass_kg)
    lsf = _fraction("lung_shunt_fraction", lung_shunt_fraction)
    r = _fraction("residual_fraction", residual_fraction)
    return float(C.Y90_DOSE_COEFFICIENT_GY_KG_PER_GBQ) * a * (1.0 - lsf) * (1.0 - r) / m


def bsa_dubois_m2(height_m, weight_kg):
    """Body-surface area by the Du Bois & Du Bois formula.

    Parameters
    ----------
    height_m : float
        Height (m), 0.5 to 2.5.
    weight_kg : float
        Weight (kg), 10 to 300.

    Returns
    -------
    float
        BSA (m^2): 1.903 m^2 for 1.75 m and 75 kg.

    Notes
    -----
    BSA = 0.20247 x height^0.725 x weight^0.425.

    References
    ----------
    ``sirt_van_roekel_thesis``.
    """
    h = check_scalar("height_m", height_m, 0.5, 2.5, unit="m")
    w = check_scalar("weight_kg", weight_kg, 10.0, 300.0, unit="kg")
    return float(C.DUBOIS_COEFFICIENT * h ** C.DUBOIS_HEIGHT_EXPONENT_1
                 * w ** C.DUBOIS_WEIGHT_EXPONENT_1)


def lung_shunt_reduction(lung_shunt_fraction):
    """Fractional activity reduction for a lung shunt under the resin (SIR-Spheres) rules.

    Parameters
    ----------
    lung_shunt_fraction : float
        Lung shunt fraction, 0 to 1.

    Returns
    -------
    float
        0 below 10%; 0.2 for more than 10% up to 15%; 0.4 for more than 15% up to 20%;
        1.0 (do not treat) above 20%.

    Notes
    -----
    The sources say "reductions of 20%, 40% and 100% if the LSF exceeds 10%, 15% or 20%", so
    a shunt of exactly 10% is not reduced.

    References
    ----------
    ``sirt_van_roekel_thesis``, ``sirt_grosser_2015``.
    """
    lsf = _fraction("lung_shunt_fraction", lung_shunt_fraction)
    if lsf > C.LSF_DO_NOT_TREAT_FRACTION:
        return 1.0
    if lsf > C.LSF_REDUCE_40_FRACTION:
        return float(C.LSF_REDUCTION_LARGE_FRACTION)
    if lsf > C.LSF_REDUCE_20_FRACTION:
        return float(C.LSF_REDUCTION_SMALL_FRACTION)
    return 0.0


@dataclass(frozen=True)
class BsaResult:
    """Result of the resin BSA method.

    Attributes
    ----------
    activity_gbq : float
        Activity to give (GBq) after the lung-shunt reduction; 0 when not treatable.
    base_activity_gbq : float
        Activity before the reduction (GBq).
    reduction : float
        Fractional reduction applied (0, 0.2, 0.4 or 1.0).
    treatable : bool
        False when the rules say not to treat.
    reason : str
        Plain-language explanation.
    bsa_m2 : float
        Body-surface area used (m^2).
    tumour_involvement : float
        Tumour volume / (tumour + normal liver volume).
    """

    activity_gbq: float
    base_activity_gbq: float
    reduction: float
    treatable: bool
    reason: str
    bsa_m2: float
    tumour_involvement: float


def bsa_activity_gbq(height_m, weight_kg, tumour_volume_ml, normal_liver_volume_ml,
                     lung_shunt_fraction=0.0):
    """Activity by the resin body-surface-area (BSA) method, with lung-shunt reductions.

    Parameters
    ----------
    height_m, weight_kg : float
        Height (m, 0.5-2.5) and weight (kg, 10-300).
    tumour_volume_ml : float
        Tumour volume in the liver (mL), 0 to 5000.
    normal_liver_volume_ml : float
        Normal (non-tumour) liver volume (mL), greater than 0 and at most 5000.
    lung_shunt_fraction : float
        Lung shunt fraction, 0 to 1.

    Returns
    -------
    BsaResult
        1.870 GBq for 1.75 m, 75 kg, 300 mL tumour and 1500 mL normal liver (no shunt).

    Notes
    -----
    A = (BSA - 0.2) + V_T / (V_T + V_N), in GBq, then multiplied by (1 - reduction).
    Whole-liver treatment is assumed (the tumour term uses the whole liver).

    References
    ----------
    ``sirt_van_roekel_thesis``, ``sirt_grosser_2015``, ``sirt_lam_2014``.
    """
    bsa = bsa_dubois_m2(height_m, weight_kg)
    vt = check_scalar("tumour_volume_ml", tumour_volume_ml, 0.0, 5000.0, unit="mL")
    vn = check_scalar("normal_liver_volume_ml", normal_liver_volume_ml, 0.0, 5000.0,
                      low_open=True, unit="mL")
    lsf = _fraction("lung_shunt_fraction", lung_shunt_fraction)
    involvement = vt / (vt + vn)
    base = max(0.0, float(C.BSA_ACTIVITY_PER_M2_GBQ) * (bsa - C.BSA_OFFSET_M2) + involvement)
    reduction = lung_shunt_reduction(lsf)
    pct = 100.0 * lsf
    if reduction >= 1.0:
        return BsaResult(0.0, base, 1.0, False,
                         f"Do not treat: the lung shunt fraction is {pct:.0f}%, above the 20% "
                         "limit for resin spheres, so too much radiation would reach the lungs.",
                         bsa, involvement)
    if reduction > 0.0:
        reason = (f"The lung shunt fraction is {pct:.0f}%, so the activity is reduced by "
                  f"{100 * reduction:.0f}% to protect the lungs.")
    else:
        reason = "No reduction: the lung shunt fraction is 10% or less."
    return BsaResult(base * (1.0 - reduction), base, reduction, True, reason, bsa, involvement)


@dataclass(frozen=True)
class PartitionDoses:
    """Doses of the partition model (Gy) and the activities behind them (GBq)."""

    tumour_gy: float
    normal_liver_gy: float
    lung_gy: float
    tumour_activity_gbq: float
    normal_liver_activity_gbq: float
    lung_activity_gbq: float


def _partition_inputs(tumour_mass_kg, normal_liver_mass_kg, tumour_to_normal_ratio,
                      lung_shunt_fraction):
    mt = _mass("tumour_mass_kg", tumour_mass_kg)
    mn = _mass("normal_liver_mass_kg", normal_liver_mass_kg)
    tn = check_scalar("tumour_to_normal_ratio", tumour_to_normal_ratio, 0.0, 100.0,
                      low_open=True)
    return mt, mn, tn


def partition_doses(activity_gbq, tumour_mass_kg, normal_liver_mass_kg, tumour_to_normal_ratio,
                    lung_shunt_fraction, lung_mass_kg=1.0):
    """Partition-model doses to tumour, normal liver and lung for a given activity.

    Parameters
    ----------
    activity_gbq : float
        Activity given (GBq), 0 to 30.
    tumour_mass_kg, normal_liver_mass_kg : float
        Masses (kg) of tumour and of the normal liver it shares the blood supply with,
        0.001 to 5.
    tumour_to_normal_ratio : float
        T/N: activity concentration (per gram) in tumour over that in normal liver, from the
        Tc-99m MAA scan; greater than 0 and at most 100.
    lung_shunt_fraction : float
        Lung shunt fraction, 0 to 1.
    lung_mass_kg : float
        Lung mass (kg), 0.001 to 3; 1 kg by convention.

    Returns
    -------
    PartitionDoses
        For A = 2.101 GBq, M_T = 0.3 kg, M_N = 1.2 kg, T/N = 4, LSF = 8%: tumour 160 Gy,
        normal liver 40 Gy, lung 8.35 Gy.

    Notes
    -----
    A_liver = A (1 - LSF); A_T = A_liver T/N M_T / (T/N M_T + M_N); A_N = A_liver - A_T;
    D = 49.67 x compartment activity / compartment mass, so D_T / D_N = T/N.

    References
    ----------
    ``sirt_ho_1996``, ``sirt_van_roekel_thesis``.
    """
    a = _activity(activity_gbq)
    mt, mn, tn = _partition_inputs(tumour_mass_kg, normal_liver_mass_kg,
                                   tumour_to_normal_ratio, lung_shunt_fraction)
    lsf = _fraction("lung_shunt_fraction", lung_shunt_fraction)
    ml = _mass("lung_mass_kg", lung_mass_kg, MAX_LUNG_MASS_KG)
    k = float(C.Y90_DOSE_COEFFICIENT_GY_KG_PER_GBQ)
    a_liver = a * (1.0 - lsf)
    a_t = a_liver * tn * mt / (tn * mt + mn)
    a_n = a_liver - a_t
    a_l = a * lsf
    return PartitionDoses(k * a_t / mt, k * a_n / mn, k * a_l / ml, a_t, a_n, a_l)


def partition_activity_gbq(normal_liver_dose_gy, tumour_mass_kg, normal_liver_mass_kg,
                           tumour_to_normal_ratio, lung_shunt_fraction):
    """Activity that gives a chosen normal-liver dose under the partition model.

    Parameters
    ----------
    normal_liver_dose_gy : float
        Planned normal-liver dose (Gy), 0 to 300.
    tumour_mass_kg, normal_liver_mass_kg, tumour_to_normal_ratio : float
        As in :func:`partition_doses`.
    lung_shunt_fraction : float
        Lung shunt fraction, 0 to less than 1.

    Returns
    -------
    float
        Activity (GBq): 2.101 GBq for 40 Gy, M_T = 0.3 kg, M_N = 1.2 kg, T/N = 4, LSF = 8%.
        Capped at 30 GBq, the largest activity any function of this package accepts.

    Notes
    -----
    A = D_N (T/N M_T + M_N) / [49.67 (1 - LSF)]: the shunted share is a divisor (it raises
    the activity needed), never a multiplier.

    References
    ----------
    ``sirt_ho_1996``, ``sirt_van_roekel_thesis``.
    """
    dn = check_scalar("normal_liver_dose_gy", normal_liver_dose_gy, 0.0, 300.0, unit="Gy")
    mt, mn, tn = _partition_inputs(tumour_mass_kg, normal_liver_mass_kg,
                                   tumour_to_normal_ratio, lung_shunt_fraction)
    lsf = _fraction("lung_shunt_fraction", lung_shunt_fraction, high_open=True)
    return min(MAX_ACTIVITY_GBQ,
               dn * (tn * mt + mn) / (float(C.Y90_DOSE_COEFFICIENT_GY_KG_PER_GBQ) * (1.0 - lsf)))


def lung_dose_gy(activity_gbq, lung_shunt_fraction, lung_mass_kg=1.0):
    """Lung dose from the shunted activity.

    Parameters
    ----------
    activity_gbq : float
        Activity given (GBq), 0 to 30.
    lung_shunt_fraction : float
        Lung shunt fraction, 0 to 1.
    lung_mass_kg : float
        Lung mass (kg), 0.001 to 3; 1 kg by convention (an assumption).

    Returns
    -------
    float
        D_lung (Gy): 0.61 GBq reaching 1 kg of lung gives 30.3 Gy.

    Notes
    -----
    D_lung = 49.67 A LSF / M_lung. Limits: 30 Gy for one treatment, 50 Gy cumulative.

    References
    ----------
    ``sirt_van_roekel_thesis``, ``sirt_therasphere_glass_dosing``.
    """
    a = _activity(activity_gbq)
    lsf = _fraction("lung_shunt_fraction", lung_shunt_fraction)
    ml = _mass("lung_mass_kg", lung_mass_kg, MAX_LUNG_MASS_KG)
    return float(C.Y90_DOSE_COEFFICIENT_GY_KG_PER_GBQ) * a * lsf / ml


def max_activity_for_lung_limit_gbq(lung_shunt_fraction, lung_limit_gy=30.0, lung_mass_kg=1.0):
    """Largest activity that keeps the lung dose at the limit (GBq); 30 GBq if no shunt.

    Notes
    -----
    A_max = limit x M_lung / (49.67 LSF): 6.04 GBq for a 10% shunt and the 30 Gy limit.
    """
    lsf = _fraction("lung_shunt_fraction", lung_shunt_fraction)
    lim = check_scalar("lung_limit_gy", lung_limit_gy, 0.0, 100.0, low_open=True, unit="Gy")
    ml = _mass("lung_mass_kg", lung_mass_kg, MAX_LUNG_MASS_KG)
    if lsf == 0.0:
        return MAX_ACTIVITY_GBQ
    return min(MAX_ACTIVITY_GBQ, lim * ml / (float(C.Y90_DOSE_COEFFICIENT_GY_KG_PER_GBQ) * lsf))
