"""SIRT (selective internal radiation therapy) with yttrium-90 microspheres: the models.

Everything here is numpy/scipy only. The public names are used by other dashboards (the
"choosing a therapy" and "patient journey" pages), so they are stable:

Decay
    :func:`remaining_fraction`, :func:`delivered_fraction`, :func:`mean_life_h`.
Dose against distance
    :func:`dose_point_kernel_gy_per_decay`, :func:`energy_fraction_within`,
    :func:`voxel_s_values_mgy_per_mbq_s`, :func:`kernel_grid_gy_per_decay`,
    :func:`dose_from_activity_grid_gy`, :func:`sphere_dose_map`.
Dosimetry calculators
    :func:`mird_dose_gy`, :func:`bsa_dubois_m2`, :func:`lung_shunt_reduction`,
    :func:`bsa_activity_gbq`, :func:`partition_doses`, :func:`partition_activity_gbq`,
    :func:`lung_dose_gy`, :func:`max_activity_for_lung_limit_gbq`, :func:`mird_activity_gbq`,
    :func:`lung_shunt_fraction_from_counts`, :func:`compare_planning_methods`,
    :func:`plan_warnings`, :func:`volume_to_mass_kg`.
Radiation safety
    :func:`dose_rate_usv_per_h`, :func:`cumulative_dose_usv`, :func:`days_until_rate_below`.

The code is split into private modules (``_sirt_physics``, ``_sirt_dosimetry``,
``_sirt_planning``, ``_sirt_safety``, ``_sirt_dosemap``) to keep each one small; import from here.

For teaching only, not for clinical decisions.
"""

from __future__ import annotations

from ._sirt_dosemap import (
    SPHERE_TYPES,
    SphereDoseMap,
    dose_from_activity_grid_gy,
    kernel_grid_gy_per_decay,
    sphere_dose_map,
)
from ._sirt_dosimetry import (
    BsaResult,
    PartitionDoses,
    bsa_activity_gbq,
    bsa_dubois_m2,
    lung_dose_gy,
    lung_shunt_reduction,
    max_activity_for_lung_limit_gbq,
    mird_dose_gy,
    partition_activity_gbq,
    partition_doses,
)
from ._sirt_physics import (
    delivered_fraction,
    dose_point_kernel_gy_per_decay,
    energy_fraction_within,
    kernel_attenuation_per_mm,
    mean_life_h,
    remaining_fraction,
    voxel_energy_fractions,
    voxel_s_values_mgy_per_mbq_s,
)
from ._sirt_planning import (
    MethodPlan,
    compare_planning_methods,
    lung_shunt_fraction_from_counts,
    mird_activity_gbq,
    plan_warnings,
    volume_to_mass_kg,
)
from ._sirt_safety import (
    cumulative_dose_usv,
    days_until_rate_below,
    dose_rate_usv_per_h,
    natural_background_days,
)

__all__ = [
    "remaining_fraction", "delivered_fraction", "mean_life_h", "kernel_attenuation_per_mm",
    "dose_point_kernel_gy_per_decay", "energy_fraction_within", "voxel_energy_fractions",
    "voxel_s_values_mgy_per_mbq_s", "kernel_grid_gy_per_decay", "dose_from_activity_grid_gy",
    "SphereDoseMap", "sphere_dose_map", "SPHERE_TYPES",
    "mird_dose_gy", "bsa_dubois_m2", "lung_shunt_reduction", "BsaResult", "bsa_activity_gbq",
    "PartitionDoses", "partition_doses", "partition_activity_gbq", "lung_dose_gy",
    "max_activity_for_lung_limit_gbq", "mird_activity_gbq", "lung_shunt_fraction_from_counts",
    "MethodPlan", "compare_planning_methods", "plan_warnings", "volume_to_mass_kg",
    "dose_rate_usv_per_h", "cumulative_dose_usv", "days_until_rate_below",
    "natural_background_days",
]
