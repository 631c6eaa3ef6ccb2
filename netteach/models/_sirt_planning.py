"""Planning one patient three ways, the MAA lung-shunt fraction, and plain warnings (private).

Import from :mod:`netteach.models.sirt`.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..constants import sirt as C
from ..validation import check_scalar
from ._sirt_dosimetry import (
    MAX_ACTIVITY_GBQ,
    PartitionDoses,
    bsa_activity_gbq,
    lung_shunt_reduction,
    partition_activity_gbq,
    partition_doses,
)

__all__ = ["mird_activity_gbq", "lung_shunt_fraction_from_counts", "MethodPlan",
           "compare_planning_methods", "plan_warnings", "volume_to_mass_kg"]


def volume_to_mass_kg(volume_ml):
    """Mass (kg) of liver or tumour tissue from its volume (mL), at 1.03 g/mL (an assumption).

    Parameters
    ----------
    volume_ml : float
        Volume (mL), 0 to 10000.
    """
    v = check_scalar("volume_ml", volume_ml, 0.0, 10_000.0, unit="mL")
    return v * float(C.LIVER_DENSITY_G_PER_ML) / 1000.0


def mird_activity_gbq(dose_gy, mass_kg, lung_shunt_fraction=0.0, residual_fraction=0.0):
    """Activity that gives a planned single-compartment mean dose.

    Parameters
    ----------
    dose_gy : float
        Planned mean dose over the perfused liver (Gy), 0 to 1000.
    mass_kg : float
        Perfused liver mass (kg), greater than 0 and at most 5.
    lung_shunt_fraction, residual_fraction : float
        Shares lost to the lungs and left in the vial, each 0 to less than 1.

    Returns
    -------
    float
        A = D M / [49.67 (1 - LSF)(1 - R)] in GBq, capped at 30 GBq (the largest activity any
        function of this package accepts; no real plan comes near it).

    References
    ----------
    ``sirt_van_roekel_thesis``, ``sirt_therasphere_glass_dosing``.
    """
    d = check_scalar("dose_gy", dose_gy, 0.0, 1000.0, unit="Gy")
    mass = check_scalar("mass_kg", mass_kg, 0.0, 5.0, low_open=True, unit="kg")
    lsf = check_scalar("lung_shunt_fraction", lung_shunt_fraction, 0.0, 1.0, high_open=True)
    r = check_scalar("residual_fraction", residual_fraction, 0.0, 1.0, high_open=True)
    return min(MAX_ACTIVITY_GBQ, d * mass / (
        float(C.Y90_DOSE_COEFFICIENT_GY_KG_PER_GBQ) * (1.0 - lsf) * (1.0 - r)))


def lung_shunt_fraction_from_counts(lung_anterior, lung_posterior, liver_anterior,
                                    liver_posterior):
    """Lung shunt fraction from planar Tc-99m MAA counts, by geometric means.

    Parameters
    ----------
    lung_anterior, lung_posterior : float
        Lung counts on the front and back images, 0 to 10^9.
    liver_anterior, liver_posterior : float
        Liver counts on the front and back images, greater than 0 and at most 10^9.

    Returns
    -------
    float
        LSF = GM_lung / (GM_lung + GM_liver), GM = sqrt(anterior x posterior).

    Notes
    -----
    The manufacturer's method; it ignores scatter and attenuation and tends to over-estimate
    the lung dose.

    References
    ----------
    ``sirt_radiopaedia_lsf``, ``sirt_van_roekel_thesis``.
    """
    la = check_scalar("lung_anterior", lung_anterior, 0.0, 1e9)
    lp = check_scalar("lung_posterior", lung_posterior, 0.0, 1e9)
    va = check_scalar("liver_anterior", liver_anterior, 0.0, 1e9, low_open=True)
    vp = check_scalar("liver_posterior", liver_posterior, 0.0, 1e9, low_open=True)
    # sqrt(a) * sqrt(b), not sqrt(a * b): the product of two tiny counts underflows to 0
    gm_lung = math.sqrt(la) * math.sqrt(lp)
    gm_liver = math.sqrt(va) * math.sqrt(vp)
    return gm_lung / (gm_lung + gm_liver)


@dataclass(frozen=True)
class MethodPlan:
    """One planning method's activity and the doses it would give (partition model)."""

    method: str
    activity_gbq: float
    doses: PartitionDoses
    note: str


def compare_planning_methods(height_m, weight_kg, tumour_volume_ml, normal_liver_volume_ml,
                             lung_shunt_fraction, tumour_to_normal_ratio,
                             normal_liver_dose_gy=40.0, mean_liver_dose_gy=80.0):
    """Plan one patient by BSA, single compartment and partition model, side by side.

    Parameters
    ----------
    height_m, weight_kg : float
        Height (m) and weight (kg), as in :func:`bsa_dubois_m2`.
    tumour_volume_ml : float
        Tumour volume (mL), 1 to 5000 (the partition model needs some tumour).
    normal_liver_volume_ml : float
        Normal liver volume (mL), greater than 0 and at most 5000.
    lung_shunt_fraction : float
        Lung shunt fraction, 0 to 0.95.
    tumour_to_normal_ratio : float
        T/N from the MAA scan, greater than 0 and at most 100.
    normal_liver_dose_gy : float
        Partition-model target for the normal liver (Gy).
    mean_liver_dose_gy : float
        Single-compartment target for the mean liver dose (Gy).

    Returns
    -------
    list of MethodPlan
        BSA, single compartment, partition model. The doses of every plan are worked out with
        the partition model, as if the MAA scan predicted exactly where the spheres go, so that
        the three activities can be compared on the same patient. Activities are capped at
        30 GBq.

    Notes
    -----
    Volumes become masses at 1.03 g/mL (an assumption). Whole-liver treatment is assumed.

    References
    ----------
    ``sirt_ho_1996``, ``sirt_van_roekel_thesis``, ``sirt_lam_2014``.
    """
    vt = check_scalar("tumour_volume_ml", tumour_volume_ml, 1.0, 5000.0, unit="mL")
    vn = check_scalar("normal_liver_volume_ml", normal_liver_volume_ml, 0.0, 5000.0,
                      low_open=True, unit="mL")
    lsf = check_scalar("lung_shunt_fraction", lung_shunt_fraction, 0.0, 0.95)
    tn = check_scalar("tumour_to_normal_ratio", tumour_to_normal_ratio, 0.0, 100.0,
                      low_open=True)
    # checked here under their own names (the inner functions would say ``dose_gy``)
    check_scalar("normal_liver_dose_gy", normal_liver_dose_gy, 0.0, 300.0, unit="Gy")
    check_scalar("mean_liver_dose_gy", mean_liver_dose_gy, 0.0, 1000.0, unit="Gy")
    mt, mn = volume_to_mass_kg(vt), volume_to_mass_kg(vn)
    bsa = bsa_activity_gbq(height_m, weight_kg, vt, vn, lsf)
    a_mird = min(MAX_ACTIVITY_GBQ, mird_activity_gbq(mean_liver_dose_gy, mt + mn, lsf))
    a_part = min(MAX_ACTIVITY_GBQ, partition_activity_gbq(normal_liver_dose_gy, mt, mn, tn, lsf))
    plans = []
    for name, a, note in (
            ("BSA (resin)", bsa.activity_gbq, bsa.reason),
            ("Single compartment", a_mird,
             f"Aims at a mean of {mean_liver_dose_gy:g} Gy over the whole liver; it does not "
             "use the tumour-to-normal ratio."),
            ("Partition model", a_part,
             f"Aims at {normal_liver_dose_gy:g} Gy to the normal liver, using the masses and "
             "T/N from the MAA scan.")):
        plans.append(MethodPlan(name, a, partition_doses(a, mt, mn, tn, lsf), note))
    return plans


def plan_warnings(doses, lung_shunt_fraction, sphere_type="resin"):
    """Plain-language warnings for a plan: lung dose, lung shunt and normal-liver dose.

    Parameters
    ----------
    doses : PartitionDoses
        Doses of the plan.
    lung_shunt_fraction : float
        Lung shunt fraction, 0 to 1.
    sphere_type : {"resin", "glass"}
        Which normal-liver threshold applies (EANM 2022 Table 3 or Table 2).

    Returns
    -------
    list of str
        Empty when nothing exceeds a threshold.

    References
    ----------
    ``sirt_van_roekel_thesis`` (lung), ``sirt_eanm_2022`` (normal liver).
    """
    if not all(hasattr(doses, k) for k in ("tumour_gy", "normal_liver_gy", "lung_gy")):
        raise ValueError("doses must be a PartitionDoses result (with tumour_gy, "
                         f"normal_liver_gy and lung_gy); got {doses!r}")
    lsf = check_scalar("lung_shunt_fraction", lung_shunt_fraction, 0.0, 1.0)
    if sphere_type not in ("resin", "glass"):
        raise ValueError(f"sphere_type must be one of 'resin', 'glass'; got {sphere_type!r}")
    out = []
    if doses.lung_gy > C.LUNG_DOSE_LIMIT_SINGLE_GY:
        out.append(f"Lung dose {doses.lung_gy:.0f} Gy is above the 30 Gy limit for one "
                   "treatment: risk of radiation pneumonitis.")
    if lung_shunt_reduction(lsf) >= 1.0:
        out.append(f"Lung shunt fraction {100 * lsf:.0f}% is above 20%: resin spheres should "
                   "not be given.")
    limit = (C.RESIN_NORMAL_LIVER_UNILOBAR_LIMIT_GY if sphere_type == "resin"
             else C.GLASS_WHOLE_NORMAL_LIVER_LIMIT_GY)
    if doses.normal_liver_gy > limit:
        out.append(f"Normal liver dose {doses.normal_liver_gy:.0f} Gy is above the "
                   f"{limit:g} Gy threshold (EANM 2022, {sphere_type}): risk of "
                   "radioembolisation-induced liver disease.")
    return out
