"""Thermal damage models for the RFA topic: Arrhenius damage integral and CEM43 thermal dose.

Private module; the public names are re-exported by :mod:`netteach.models.rfa`.
For teaching only, not for clinical decisions.
"""

from __future__ import annotations

import numpy as np

from ..constants import rfa as C
from ..validation import check_array, check_scalar

__all__ = ["arrhenius_rate_per_s", "arrhenius_omega", "time_to_damage_s", "cem43_minutes",
           "time_to_cem43_threshold_s", "surviving_fraction"]

KELVIN_OFFSET = float(C.RFA_KELVIN_OFFSET_K)
# Temperatures accepted by the damage functions: from deep cold to well above boiling.
_T_LOW_C, _T_HIGH_C = -50.0, 300.0


def _check_arrhenius(frequency_factor_per_s, activation_energy_j_per_mol):
    # Literature values of A span over 200 orders of magnitude (fact base 4.7); these bounds
    # hold the liver (7.39e39) and arterial (5.6e63) sets and keep every result finite.
    a = check_scalar("frequency_factor_per_s", frequency_factor_per_s, 1e10, 1e200, unit="/s")
    ea = check_scalar("activation_energy_j_per_mol", activation_energy_j_per_mol, 1e4, 1e6,
                      unit="J/mol")
    return a, ea


def _rate(temperature_c, a, ea):
    """Arrhenius rate without checks (internal, used by the solver in its inner loop)."""
    t_k = np.asarray(temperature_c, dtype=float) + KELVIN_OFFSET
    # log-space keeps the huge factor A and the tiny exponential in range.
    return np.exp(np.log(a) - ea / (float(C.RFA_GAS_CONSTANT_J_PER_MOL_K) * t_k))


def _out(arr, scalar):
    return float(arr) if scalar else arr


def arrhenius_rate_per_s(temperature_c,
                         frequency_factor_per_s=float(C.RFA_ARRHENIUS_FREQUENCY_FACTOR_PER_S),
                         activation_energy_j_per_mol=float(
                             C.RFA_ARRHENIUS_ACTIVATION_ENERGY_J_PER_MOL)):
    """Rate of thermal damage, dΩ/dt, at a temperature.

    Parameters
    ----------
    temperature_c : float or array_like
        Tissue temperature (°C), from -50 to 300 °C.
    frequency_factor_per_s : float
        Arrhenius frequency factor A (1/s), 1e10 to 1e200. Default: the liver set, 7.39e39 /s.
    activation_energy_j_per_mol : float
        Activation energy E_a (J/mol), 1e4 to 1e6. Default: the liver set, 2.577e5 J/mol.

    Returns
    -------
    float or ndarray
        dΩ/dt (1/s).

    Notes
    -----
    dΩ/dt = A exp(-E_a / (R T)), T in kelvin, R = 8.314 J/(mol K).

    References
    ----------
    .. [1] fieldp_arrhenius; comsol_liver (liver parameter set).
    """
    a, ea = _check_arrhenius(frequency_factor_per_s, activation_energy_j_per_mol)
    t = check_array("temperature_c", temperature_c, _T_LOW_C, _T_HIGH_C, unit="°C")
    return _out(_rate(t, a, ea), t.ndim == 0)


def arrhenius_omega(temperature_c, dt_s,
                    frequency_factor_per_s=float(C.RFA_ARRHENIUS_FREQUENCY_FACTOR_PER_S),
                    activation_energy_j_per_mol=float(C.RFA_ARRHENIUS_ACTIVATION_ENERGY_J_PER_MOL)):
    """Arrhenius damage integral Ω of a temperature history.

    Parameters
    ----------
    temperature_c : float or array_like
        Temperature history (°C), one value per time step of length ``dt_s``. A 2-D array is
        read as (time step, position) and gives one Ω per position. A scalar is a single step.
    dt_s : float
        Length of each time step (s), greater than 0 and at most 1e7 s.
    frequency_factor_per_s, activation_energy_j_per_mol : float
        Arrhenius parameters; defaults are the liver set (A = 7.39e39 /s, E_a = 2.577e5 J/mol).

    Returns
    -------
    float or ndarray
        Ω (dimensionless). Ω ≥ 1 marks the lesion (1 - e^-1 ≈ 63 % of cells damaged).

    Notes
    -----
    Ω(t) = Σ_i A exp(-E_a / (R T_i)) Δt (rectangle rule over the given steps; T in kelvin).
    Fraction of cells surviving = exp(-Ω).

    References
    ----------
    .. [1] fieldp_arrhenius; comsol_liver.
    """
    a, ea = _check_arrhenius(frequency_factor_per_s, activation_energy_j_per_mol)
    dt = check_scalar("dt_s", dt_s, 0.0, 1e7, low_open=True, unit="s")
    t = check_array("temperature_c", temperature_c, _T_LOW_C, _T_HIGH_C, unit="°C")
    if t.ndim == 0:
        return float(_rate(t, a, ea) * dt)
    return _out(np.sum(_rate(t, a, ea), axis=0) * dt, t.ndim == 1)


def time_to_damage_s(temperature_c,
                     frequency_factor_per_s=float(C.RFA_ARRHENIUS_FREQUENCY_FACTOR_PER_S),
                     activation_energy_j_per_mol=float(
                         C.RFA_ARRHENIUS_ACTIVATION_ENERGY_J_PER_MOL)):
    """Time for Ω to reach 1 at a constant temperature.

    Parameters
    ----------
    temperature_c : float or array_like
        Constant tissue temperature (°C), from 30 to 150 °C.
    frequency_factor_per_s, activation_energy_j_per_mol : float
        Arrhenius parameters (default: liver set).

    Returns
    -------
    float or ndarray
        Time (s) until Ω = 1.

    Notes
    -----
    t = 1 / (A exp(-E_a / (R T))).

    References
    ----------
    .. [1] fieldp_arrhenius; the table of section 4.7 of the fact base (derived).
    """
    a, ea = _check_arrhenius(frequency_factor_per_s, activation_energy_j_per_mol)
    t = check_array("temperature_c", temperature_c, 30.0, 150.0, unit="°C")
    return _out(1.0 / _rate(t, a, ea), t.ndim == 0)


def _cem_factor(temperature_c):
    t = np.asarray(temperature_c, dtype=float)
    ref = float(C.RFA_CEM43_REFERENCE_TEMPERATURE_C)
    r = np.where(t >= ref, float(C.RFA_CEM43_R_ABOVE_43), float(C.RFA_CEM43_R_BELOW_43))
    return r ** (ref - t)


def cem43_minutes(temperature_c, dt_s):
    """Thermal dose in cumulative equivalent minutes at 43 °C (Sapareto and Dewey).

    Parameters
    ----------
    temperature_c : float or array_like
        Temperature history (°C), one value per time step; from -50 to 300 °C. A 2-D array is
        read as (time step, position).
    dt_s : float
        Length of each time step (s), greater than 0 and at most 1e7 s.

    Returns
    -------
    float or ndarray
        CEM43 (min).

    Notes
    -----
    CEM43 = Σ_i Δt_i R^(43 - T_i), Δt in minutes, R = 0.5 at or above 43 °C and 0.25 below.
    Example: 60 min at 45 °C gives 60 × 0.5^-2 = 240 min.

    References
    ----------
    .. [1] sapareto_dewey_1984.
    """
    dt = check_scalar("dt_s", dt_s, 0.0, 1e7, low_open=True, unit="s")
    t = check_array("temperature_c", temperature_c, _T_LOW_C, _T_HIGH_C, unit="°C")
    dose = _cem_factor(t) * (dt / 60.0)
    if t.ndim == 0:
        return float(dose)
    return _out(np.sum(dose, axis=0), t.ndim == 1)


def time_to_cem43_threshold_s(temperature_c, threshold_min=float(C.RFA_CEM43_THRESHOLD_MIN)):
    """Time at a constant temperature to reach a CEM43 threshold (default 240 min).

    Parameters
    ----------
    temperature_c : float or array_like
        Constant temperature (°C), from 30 to 150 °C.
    threshold_min : float
        Thermal-dose threshold (CEM43 min), greater than 0 and at most 1e6.

    Returns
    -------
    float or ndarray
        Time (s).

    Notes
    -----
    t = threshold / R^(43 - T) minutes.

    References
    ----------
    .. [1] sapareto_dewey_1984; damianou_hynynen_1994 (the 240 min threshold, a weak source).
    """
    thr = check_scalar("threshold_min", threshold_min, 0.0, 1e6, low_open=True, unit="min")
    t = check_array("temperature_c", temperature_c, 30.0, 150.0, unit="°C")
    return _out(thr / _cem_factor(t) * 60.0, t.ndim == 0)


def surviving_fraction(omega):
    """Fraction of cells surviving, exp(-Ω).

    Parameters
    ----------
    omega : float or array_like
        Arrhenius damage integral (dimensionless, at least 0).

    Returns
    -------
    float or ndarray
        exp(-Ω), between 0 and 1.

    References
    ----------
    .. [1] fieldp_arrhenius.
    """
    w = check_array("omega", omega, 0.0, 1e300)
    return _out(np.exp(-w), w.ndim == 0)
