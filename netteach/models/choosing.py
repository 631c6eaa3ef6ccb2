"""Choosing a therapy: the factors that weigh for and against TAE/TACE, SIRT and RFA.

This module teaches reasoning; it recommends nothing. For each therapy, :func:`explore` lists the
factors from a patient's description that count in favour of it, against it, or need weighing,
each with the guideline or study behind it (a key for :mod:`netteach.references`). The decision
belongs to a multidisciplinary team (MDT).

The factors are data (:data:`FACTORS`): each one names the inputs it depends on as simple
conditions, so a test can check every threshold and every reference. The synthetic case
scenarios are in :data:`CASES`. The "how far does each treatment reach?" curves
(:func:`reach_curves`) are computed by calling the TACE, SIRT and RFA topic models; nothing of
their physics is repeated here.

For teaching only, not for clinical decisions.
"""

from __future__ import annotations

from ._choosing_cases import CASES, Case, case
from ._choosing_factors import (  # noqa: F401 - _FLAGS, _LIMITS are used by the tests
    _FLAGS,
    _LIMITS,
    DEFAULT_PATIENT,
    FACTORS,
    LIVER_FUNCTION,
    NOT_A_RECOMMENDATION,
    SIDES,
    STATUS_LABELS,
    THERAPIES,
    Factor,
    check_patient,
    explore,
    factor_refs,
)
from ._choosing_reach import REACH_CURVES, ReachCurve, distance_at_level_m, reach_curves

__all__ = ["THERAPIES", "LIVER_FUNCTION", "SIDES", "STATUS_LABELS", "NOT_A_RECOMMENDATION",
           "Factor", "FACTORS", "check_patient", "explore", "factor_refs", "DEFAULT_PATIENT",
           "Case", "CASES", "case", "ReachCurve", "REACH_CURVES", "reach_curves",
           "distance_at_level_m"]
