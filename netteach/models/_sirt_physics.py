"""Y-90 decay and the beta dose-point kernel (private; import from :mod:`netteach.models.sirt`).

The kernel is Loevinger's beta point-source function with its published parameters for an
end-point energy between 1.5 and 3 MeV (shape parameter c = 1), normalised to the mean beta
energy per decay. For c = 1 it has a closed form::

    u = nu * rho * r                     (dimensionless distance; nu in cm^2/g, rho in g/cm^3)
    K(r) = Ebar * nu^3 rho^2 / (4 pi) * alpha * f(u) / u^2      per gram
    f(u) = 1             for u < 1
    f(u) = u e^(1 - u)   for u >= 1,          alpha = 1 / [3 c^2 - e (c^2 - 1)] = 1/3

and the fraction of the emitted energy absorbed inside a sphere of radius r is::

    F(u) = u / 3                     for u < 1
    F(u) = 1 - (u + 1) e^(1 - u) / 3   for u >= 1
"""

from __future__ import annotations

import math

import numpy as np

from ..constants import sirt as C
from ..validation import check_array, check_scalar

__all__ = [
    "remaining_fraction", "delivered_fraction", "mean_life_h", "kernel_attenuation_per_mm",
    "dose_point_kernel_gy_per_decay", "energy_fraction_within", "voxel_s_values_mgy_per_mbq_s",
    "voxel_energy_fractions",
]

MEV_TO_J = 1.602176634e-13
#: longest time the decay functions accept: 1000 days is ~370 half-lives (nothing is left)
MAX_TIME_H = 24_000.0
#: longest distance the kernel accepts (10 cm; beta particles stop after ~11 mm)
MAX_DISTANCE_MM = 100.0
MIN_DISTANCE_MM = 1e-9  # a floor that keeps the 1/r^2 kernel finite (numerical, not physical)


def _as_output(arr, like):
    """Return a float for 0-d input, else the array."""
    return float(arr) if np.ndim(like) == 0 and np.ndim(arr) == 0 else arr


def mean_life_h() -> float:
    """Mean life of Y-90, tau = T1/2 / ln 2, in hours (92.5 h for T1/2 = 64.1 h)."""
    return float(C.Y90_HALF_LIFE_H) / math.log(2.0)


def remaining_fraction(time_h):
    """Fraction of the Y-90 activity still present a time after implantation.

    Parameters
    ----------
    time_h : float or array_like
        Time after implantation (h), 0 to 24000 h.

    Returns
    -------
    float or ndarray
        A(t)/A0, between 0 and 1.

    Notes
    -----
    A(t)/A0 = exp(-ln 2 t / T1/2) with T1/2 = 64.1 h. Example: 0.058 after 11 days and 0.026
    after 14 days.

    References
    ----------
    TheraSphere package insert (``sirt_therasphere_pi``).
    """
    t = check_array("time_h", time_h, 0.0, MAX_TIME_H, unit="h")
    out = np.exp(-math.log(2.0) * t / float(C.Y90_HALF_LIFE_H))
    return _as_output(out, time_h)


def delivered_fraction(time_h):
    """Fraction of the total (lifetime) dose already delivered a time after implantation.

    Parameters
    ----------
    time_h : float or array_like
        Time after implantation (h), 0 to 24000 h.

    Returns
    -------
    float or ndarray
        1 - exp(-ln 2 t / T1/2): 0.942 at 11 days (Sirtex: "94% within 11 days").

    Notes
    -----
    The spheres never leave the liver, so the dose rate follows the activity and the dose
    delivered by time t is the integral of the decay curve, 1 - A(t)/A0.

    References
    ----------
    ``sirt_therasphere_pi``, ``sirt_sirtex_patient_faq``.
    """
    t = check_array("time_h", time_h, 0.0, MAX_TIME_H, unit="h")
    out = -np.expm1(-math.log(2.0) * t / float(C.Y90_HALF_LIFE_H))
    return _as_output(out, time_h)


def kernel_attenuation_per_mm() -> float:
    """Loevinger's nu * rho for Y-90 in soft tissue, in 1/mm (about 0.64 per mm).

    Notes
    -----
    nu = 18.6 (E0 - 0.036)^-1.37 (2 - Ebar/Ebar*) cm^2/g with E0 = 2.28 MeV and
    Ebar/Ebar* = 1 (an assumption), times rho = 1.04 g/cm^3, divided by 10 for mm.
    """
    e0 = float(C.Y90_MAX_BETA_ENERGY_MEV)
    nu = (C.LOEVINGER_NU_COEFFICIENT_CM2_PER_G
          * (e0 - C.LOEVINGER_ENERGY_OFFSET_MEV) ** C.LOEVINGER_NU_EXPONENT_1
          * (2.0 - C.LOEVINGER_SPECTRUM_RATIO_1))
    return float(nu * C.Y90_KERNEL_TISSUE_DENSITY_G_PER_CM3 / 10.0)


def _fraction_within(r_mm):
    """Unchecked F(r) for an ndarray of radii >= 0 (mm)."""
    u = kernel_attenuation_per_mm() * r_mm
    inner = u / 3.0
    with np.errstate(over="ignore"):
        outer = 1.0 - (u + 1.0) * np.exp(1.0 - u) / 3.0
    return np.where(u < 1.0, inner, outer)


def _kernel(r_mm):
    """Unchecked K(r) in Gy per decay for an ndarray of radii > 0 (mm)."""
    mu_per_mm = kernel_attenuation_per_mm()
    rho_kg_per_mm3 = float(C.Y90_KERNEL_TISSUE_DENSITY_G_PER_CM3) * 1e-6
    u = mu_per_mm * r_mm
    f = np.where(u < 1.0, 1.0, u * np.exp(np.minimum(1.0 - u, 0.0)))
    energy_j = float(C.Y90_MEAN_BETA_ENERGY_MEV) * MEV_TO_J
    # dF/dr = mu f(u) / 3, spread over a shell of mass 4 pi r^2 rho dr
    return energy_j * mu_per_mm * f / (3.0 * 4.0 * math.pi * r_mm ** 2 * rho_kg_per_mm3)


def dose_point_kernel_gy_per_decay(distance_mm):
    """Absorbed dose per decay at a distance from a Y-90 point source in soft tissue.

    Parameters
    ----------
    distance_mm : float or array_like
        Distance from the source (mm), at least 1e-9 mm (a numerical floor that keeps the
        kernel finite) and at most 100 mm.

    Returns
    -------
    float or ndarray
        K(r) in Gy per decay (J/kg per decay), for tissue of density 1.04 g/cm^3.

    Notes
    -----
    Loevinger's point-source function with c = 1 (end-point 1.5-3 MeV)::

        K(r) = Ebar mu f(mu r) / (12 pi rho r^2),  f(u) = 1 (u < 1), u e^(1-u) (u >= 1)

    with mu = nu rho = 0.639 per mm and Ebar = 0.9367 MeV. It conserves energy:
    4 pi rho int_0^inf r^2 K dr = Ebar, and 99.6% of it lies within 12 mm. It reproduces the
    Monte Carlo voxel S-values of Lanconelli et al. within about 10% for the source voxel and
    its neighbours; beyond about 8 mm its exponential tail is too high (the true beta range
    ends at 11 mm), but only 3.3% of the energy lies beyond 8 mm and 0.6% beyond 11 mm.

    References
    ----------
    ``sirt_loevinger_1956`` (model), ``sirt_therasphere_pi`` (Ebar),
    ``sirt_lanconelli_svalues`` (check).
    """
    r = check_array("distance_mm", distance_mm, MIN_DISTANCE_MM, MAX_DISTANCE_MM, unit="mm")
    return _as_output(_kernel(r), distance_mm)


def energy_fraction_within(radius_mm):
    """Fraction of the emitted beta energy absorbed within a radius of a Y-90 point source.

    Parameters
    ----------
    radius_mm : float or array_like
        Radius (mm), 0 to 100 mm.

    Returns
    -------
    float or ndarray
        F(r), rising monotonically from 0 at r = 0 towards 1 (0.52 at 2.5 mm, 0.75 at 4 mm,
        0.994 at 11 mm).

    Notes
    -----
    F(r) = 4 pi rho int_0^r s^2 K(s) ds / Ebar; closed form in the module docstring.

    References
    ----------
    ``sirt_loevinger_1956``.
    """
    r = check_array("radius_mm", radius_mm, 0.0, MAX_DISTANCE_MM, unit="mm")
    return _as_output(_fraction_within(r), radius_mm)


#: elements of the largest temporary array in the voxel integrals (about 0.5 MB of float64):
#: the peak of short-lived arrays sets how much memory a dashboard kernel keeps
_CHUNK_ELEMENTS = 65_536


def _fibonacci_directions(n):
    i = np.arange(n) + 0.5
    polar = np.arccos(1.0 - 2.0 * i / n)
    azimuth = math.pi * (1.0 + 5.0 ** 0.5) * i
    return np.stack([np.cos(azimuth) * np.sin(polar), np.sin(azimuth) * np.sin(polar),
                     np.cos(polar)], axis=1)


def voxel_energy_fractions(voxel_mm, offsets, *, source_points=6, directions=1500):
    """Fraction of the energy emitted in one cubic voxel that is absorbed in other voxels.

    The source is spread uniformly through the source voxel; the target voxels are at integer
    ``offsets`` (i, j, k) from it.

    Parameters
    ----------
    voxel_mm : float
        Voxel side (mm), 0.05 to 20 mm.
    offsets : array_like of int, shape (n, 3) or (3,)
        Voxel offsets, each component between -60 and 60.
    source_points : int
        Source points per axis (a midpoint grid), 2 to 16.
    directions : int
        Emission directions (a Fibonacci sphere), 100 to 20000.

    Returns
    -------
    ndarray, shape (n,)
        The absorbed fractions.

    Notes
    -----
    For an isotropic point kernel the energy absorbed in a convex target is
    Ebar x mean over directions of [F(r_out) - F(r_in)], where the ray from the source point
    enters the target at r_in and leaves at r_out (slab method). Averaging over source points
    integrates the kernel over both voxels without meeting its 1/r^2 singularity.
    """
    h = check_scalar("voxel_mm", voxel_mm, 0.05, 20.0, unit="mm")
    n_src = check_scalar("source_points", source_points, 2, 16, integer=True)
    n_dir = check_scalar("directions", directions, 100, 20000, integer=True)
    off = check_array("offsets", offsets, -60, 60)
    off = np.atleast_2d(off)
    if off.shape[-1] != 3 or off.ndim != 2 or np.any(off != np.round(off)):
        raise ValueError(f"offsets must be whole-number triples (i, j, k); got shape {off.shape}")
    g = (np.arange(n_src) + 0.5) / n_src * h
    pts = np.stack(np.meshgrid(g, g, g, indexing="ij"), -1).reshape(-1, 1, 3)
    dirs = _fibonacci_directions(n_dir)
    safe = np.where(np.abs(dirs) < 1e-12, 1e-12, dirs)
    inv = (1.0 / safe)[None, :, :]
    out = np.empty(len(off))
    absorbed = np.empty((len(pts), n_dir))  # per source point and direction
    step = max(1, _CHUNK_ELEMENTS // (3 * n_dir))  # source points at a time
    for n, o in enumerate(off):
        lo = o * h
        for a in range(0, len(pts), step):
            p = pts[a:a + step]
            t1 = (lo - p) * inv
            t2 = (lo + h - p) * inv
            t_in = np.maximum(np.minimum(t1, t2).max(-1), 0.0)
            t_out = np.maximum(t1, t2).min(-1)
            hit = t_out > t_in
            val = _fraction_within(np.where(hit, t_out, 0.0)) - _fraction_within(
                np.where(hit, t_in, 0.0))
            absorbed[a:a + step] = np.where(hit, val, 0.0)
        out[n] = float(absorbed.mean())
    return out


def voxel_s_values_mgy_per_mbq_s(voxel_mm, offsets, **kw):
    """Voxel S-values of the kernel: mean dose in a target voxel per decay in a source voxel.

    Parameters
    ----------
    voxel_mm : float
        Voxel side (mm), 0.05 to 20 mm.
    offsets : array_like of int, shape (n, 3) or (3,)
        Target voxel offsets (i, j, k).
    **kw
        ``source_points`` and ``directions`` of :func:`voxel_energy_fractions`.

    Returns
    -------
    ndarray
        S in mGy/(MBq s), the unit of the Lanconelli tables.

    Notes
    -----
    S = Ebar x absorbed fraction / (rho h^3), times 10^6 decays per MBq s and 10^3 mGy/Gy.
    """
    frac = voxel_energy_fractions(voxel_mm, offsets, **kw)
    mass_kg = float(C.Y90_KERNEL_TISSUE_DENSITY_G_PER_CM3) * 1e-6 * float(voxel_mm) ** 3
    energy_j = float(C.Y90_MEAN_BETA_ENERGY_MEV) * MEV_TO_J
    return energy_j * frac / mass_kg * 1e9
