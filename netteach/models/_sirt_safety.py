"""Dose rates near a patient after SIRT (private; import from :mod:`netteach.models.sirt`).

The model uses the dose rates per GBq that Cournane et al. (2019) measured from 30 patients:
29 µSv/h in contact with the upper abdomen, 4.1 at 0.3 m and 0.59 at 1 m. Between the
measured points it interpolates (log-linearly between contact and 0.3 m, as a power law between
0.3 m and 1 m); beyond 1 m it follows the inverse-square law, which holds well at 1 m and more.
The dose rate then falls with the Y-90 decay, because the spheres stay in the liver.
"""

from __future__ import annotations

import math

import numpy as np

from ..constants import sirt as C
from ..validation import check_array, check_scalar
from ._sirt_physics import MAX_TIME_H, mean_life_h

__all__ = ["dose_rate_usv_per_h", "cumulative_dose_usv", "days_until_rate_below",
           "natural_background_days", "MAX_DISTANCE_M"]

MAX_DISTANCE_M = 100.0
MAX_ACTIVITY_GBQ = 30.0


def _rate_per_gbq_at(distance_m):
    """Dose rate per GBq at t = 0 (µSv/h per GBq) for an ndarray of distances >= 0 m."""
    d = np.asarray(distance_m, dtype=float)
    r0 = float(C.DOSE_RATE_CONTACT_USV_PER_H_PER_GBQ)
    r30 = float(C.DOSE_RATE_30CM_USV_PER_H_PER_GBQ)
    r100 = float(C.DOSE_RATE_1M_USV_PER_H_PER_GBQ)
    near = np.exp(np.log(r0) + (np.log(r30) - np.log(r0)) * d / 0.3)
    power = math.log(r30 / r100) / math.log(1.0 / 0.3)
    mid = r30 * (np.maximum(d, 0.3) / 0.3) ** (-power)
    far = r100 / np.maximum(d, 1.0) ** 2
    return np.where(d <= 0.3, near, np.where(d <= 1.0, mid, far))


def dose_rate_usv_per_h(activity_gbq, distance_m, time_h=0.0):
    """Dose rate to a person near a patient treated with Y-90 microspheres.

    Parameters
    ----------
    activity_gbq : float or array_like
        Activity given (GBq), 0 to 30.
    distance_m : float or array_like
        Distance from the patient's upper abdomen (m), 0 (contact) to 100 m.
    time_h : float or array_like
        Time since the treatment (h), 0 to 24000 h.

    Returns
    -------
    float or ndarray
        Dose rate (µSv/h); arrays broadcast. 1.2 µSv/h at 1 m just after 2 GBq.

    Notes
    -----
    rate = A x r(d) x exp(-ln 2 t / T1/2), with r(d) the measured rate per GBq (contact
    29, 0.3 m 4.1, 1 m 0.59 µSv/h/GBq), interpolated between them and 0.59 / d^2 beyond 1 m.
    These are means over 30 patients; individual patients varied widely (SD about 60-80%).
    Contact is taken as distance 0 (an assumption of this model).

    References
    ----------
    ``sirt_cournane_2019``.
    """
    a = check_array("activity_gbq", activity_gbq, 0.0, MAX_ACTIVITY_GBQ, unit="GBq")
    d = check_array("distance_m", distance_m, 0.0, MAX_DISTANCE_M, unit="m")
    t = check_array("time_h", time_h, 0.0, MAX_TIME_H, unit="h")
    try:
        a, d, t = np.broadcast_arrays(a, d, t)
    except ValueError:
        raise ValueError("activity_gbq, distance_m and time_h must have shapes that can be "
                         f"broadcast together; got {np.shape(a)}, {np.shape(d)}, "
                         f"{np.shape(t)}") from None
    out = a * _rate_per_gbq_at(d) * np.exp(-math.log(2.0) * t / float(C.Y90_HALF_LIFE_H))
    if out.ndim == 0:
        return float(out)
    return out


def cumulative_dose_usv(activity_gbq, distance_m, hours_per_day, days, start_h=0.0):
    """Dose to a carer who spends some hours a day at one distance from the patient.

    Parameters
    ----------
    activity_gbq : float or array_like
        Activity given (GBq), 0 to 30.
    distance_m : float or array_like
        Distance (m), 0 to 100.
    hours_per_day : float or array_like
        Hours a day spent at that distance, 0 to 24.
    days : float or array_like
        Length of the period (days), 0 to 1000.
    start_h : float or array_like
        When the period starts, in hours after the treatment, 0 to 24000.

    Returns
    -------
    float or ndarray
        Dose (µSv). A carer at 1 m for 24 h a day from the treatment onward, after 2 GBq,
        would get 0.59 x 2 x 92.5 h = 109 µSv (0.11 mSv).

    Notes
    -----
    The time near the patient is spread evenly through each day (an occupancy factor
    hours_per_day / 24), so::

        dose = A r(d) (hours_per_day / 24) tau [exp(-t0 / tau) - exp(-(t0 + 24 days) / tau)]

    with tau = T1/2 / ln 2 = 92.5 h.

    References
    ----------
    ``sirt_cournane_2019``.
    """
    a = check_array("activity_gbq", activity_gbq, 0.0, MAX_ACTIVITY_GBQ, unit="GBq")
    d = check_array("distance_m", distance_m, 0.0, MAX_DISTANCE_M, unit="m")
    occ = check_array("hours_per_day", hours_per_day, 0.0, 24.0, unit="h")
    n_days = check_array("days", days, 0.0, 1000.0, unit="days")
    t0 = check_array("start_h", start_h, 0.0, MAX_TIME_H, unit="h")
    tau = mean_life_h()
    try:
        a, d, occ, n_days, t0 = np.broadcast_arrays(a, d, occ, n_days, t0)
    except ValueError:
        raise ValueError("the inputs of cumulative_dose_usv must have shapes that can be "
                         "broadcast together") from None
    decay_integral_h = tau * (np.exp(-t0 / tau) - np.exp(-(t0 + 24.0 * n_days) / tau))
    out = a * _rate_per_gbq_at(d) * (occ / 24.0) * decay_integral_h
    if out.ndim == 0:
        return float(out)
    return out


def days_until_rate_below(activity_gbq, distance_m, rate_usv_per_h):
    """Days until the dose rate at a distance falls below a level (0 if it already is).

    Notes
    -----
    t = T1/2 log2(rate(0) / level) / 24.
    """
    level = check_scalar("rate_usv_per_h", rate_usv_per_h, 1e-6, 1e4, unit="µSv/h")
    r0 = dose_rate_usv_per_h(activity_gbq, distance_m)
    if r0 <= level:
        return 0.0
    return float(C.Y90_HALF_LIFE_H) * math.log2(r0 / level) / 24.0


def natural_background_days(dose_usv):
    """Days of natural background radiation in the UK that give the same effective dose.

    Parameters
    ----------
    dose_usv : float or array_like
        Effective dose in µSv, at least 0 and at most 1e9.

    Returns
    -------
    float or numpy.ndarray
        The number of days, in the input's shape.

    Notes
    -----
    days = dose / (B / 365.25), with B = 2.2 mSv a year, the UK average from natural sources
    (about 6 µSv a day).

    References
    ----------
    Hughes JS et al. J Radiol Prot 2005;25:493-496 (key ``sirt_hughes_2005``).
    """
    dose = check_array("dose_usv", dose_usv, 0.0, 1e9, unit="µSv")
    per_day_usv = C.UK_NATURAL_BACKGROUND_MSV_PER_YEAR * 1000.0 / 365.25
    days = dose / per_day_usv
    return float(days) if days.ndim == 0 else days
