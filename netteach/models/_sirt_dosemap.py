"""Dose maps from microspheres by FFT convolution with the kernel (private).

Import from :mod:`netteach.models.sirt`. The kernel of :mod:`._sirt_physics` is averaged over
cubic voxels (a "voxel S-value" kernel), and a grid of activities is convolved with it by FFT
(numpy's, in double precision: ``scipy.fft`` would add about 17 MB and half a second to every
dashboard kernel that imports this module).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..constants import sirt as C
from ..validation import check_array, check_choice, check_scalar
from ._sirt_physics import MEV_TO_J, _kernel, mean_life_h, voxel_energy_fractions

__all__ = ["kernel_grid_gy_per_decay", "dose_from_activity_grid_gy", "SphereDoseMap",
           "sphere_dose_map", "SPHERE_TYPES"]

#: radius beyond which the kernel is cut (mm): 99.6% of the energy lies inside 12 mm
KERNEL_CUTOFF_MM = 12.0
#: voxel side of the microsphere dose map (mm)
DOSE_MAP_VOXEL_MM = 0.5
#: margin shown outside the tumour on the dose map (mm)
DOSE_MAP_MARGIN_MM = 6.0
SPHERE_TYPES = {"resin": C.RESIN_BQ_PER_SPHERE, "glass": C.GLASS_BQ_PER_SPHERE}


def _voxel_mass_kg(h_mm):
    return float(C.Y90_KERNEL_TISSUE_DENSITY_G_PER_CM3) * 1e-6 * h_mm ** 3


#: voxels (as a distance) out to which the kernel is averaged over source and target voxel
MID_RANGE_VOXELS = 8.0


def _triangle_rule(n_half=3):
    """Gauss-Legendre nodes and weights for the density 1 - |s| on [-1, 1] (sums to 1)."""
    x, w = np.polynomial.legendre.leggauss(n_half)
    s = 0.5 * (x + 1.0)  # nodes on [0, 1]
    ws = 0.5 * w * (1.0 - s)
    return np.concatenate([-s[::-1], s]), np.concatenate([ws[::-1], ws])


_TRIANGLE_RULE = _triangle_rule()


@lru_cache(maxsize=8)
def _kernel_offsets(h_mm):
    """Voxel-averaged kernel on integer offsets within the cut-off: (offsets, Gy per decay)."""
    n = int(math.ceil(KERNEL_CUTOFF_MM / h_mm))
    ax = np.arange(-n, n + 1)
    i, j, k = np.meshgrid(ax, ax, ax, indexing="ij", sparse=True)
    keep = h_mm * np.sqrt(i ** 2 + j ** 2 + k ** 2) <= KERNEL_CUTOFF_MM + 0.5 * h_mm
    i, j, k = (idx - n for idx in np.nonzero(keep))     # the kept offsets, in C order
    del keep
    r = h_mm * np.sqrt(i ** 2 + j ** 2 + k ** 2)
    gy = _kernel(np.maximum(r, h_mm))  # far voxels: the kernel at the voxel centre
    far = (np.maximum(np.maximum(abs(i), abs(j)), abs(k)) > 2)
    # middle distances: average over the (triangular) distribution of source-target separations
    mid = np.flatnonzero(far & (r <= MID_RANGE_VOXELS * h_mm))
    nodes, weights = _TRIANGLE_RULE
    shifts = np.stack(np.meshgrid(nodes, nodes, nodes, indexing="ij"), -1).reshape(1, -1, 3)
    w = np.prod(np.stack(np.meshgrid(weights, weights, weights, indexing="ij"), -1
                         ).reshape(-1, 3), axis=1)
    kern = np.empty((mid.size, shifts.shape[1]))
    for a in range(0, mid.size, 128):  # 128 offsets at a time: temporaries well under 1 MB
        rows = mid[a:a + 128]
        d = np.stack([i[rows], j[rows], k[rows]], 1)[:, None, :] + shifts
        kern[a:a + 128] = _kernel(h_mm * np.sqrt((d ** 2).sum(-1)))
    gy[mid] = kern @ w
    # near the source the kernel's 1/r^2 rise is integrated exactly over both voxels
    near_idx = np.flatnonzero(~far)
    keys = np.sort(np.abs(np.stack([i[near_idx], j[near_idx], k[near_idx]], 1)), axis=1)
    uniq, inverse = np.unique(keys, axis=0, return_inverse=True)
    frac = voxel_energy_fractions(h_mm, uniq, source_points=6, directions=1200)
    energy_j = float(C.Y90_MEAN_BETA_ENERGY_MEV) * MEV_TO_J
    gy[near_idx] = energy_j * frac[inverse.ravel()] / _voxel_mass_kg(h_mm)
    return np.stack([i, j, k], 1), gy


def kernel_grid_gy_per_decay(voxel_mm):
    """The voxel kernel: mean dose per decay in each voxel around a source voxel.

    Parameters
    ----------
    voxel_mm : float
        Voxel side (mm), 0.2 to 5 mm.

    Returns
    -------
    offsets : ndarray of int, shape (n, 3)
        Voxel offsets (i, j, k) within 12 mm.
    gy_per_decay : ndarray, shape (n,)
        Mean absorbed dose (Gy) in that voxel per decay spread through the source voxel.

    Notes
    -----
    Offsets within two voxels are integrated exactly over source and target voxel
    (:func:`voxel_energy_fractions`); farther ones use the kernel at the voxel centre.
    """
    h = check_scalar("voxel_mm", voxel_mm, 0.2, 5.0, unit="mm")
    offsets, gy = _kernel_offsets(h)
    return offsets.copy(), gy.copy()


_AXES = (0, 1, 2)


def _spectrum_shape(shape):
    return (*shape[:-1], shape[-1] // 2 + 1)


@lru_cache(maxsize=1)  # one grid shape per tumour size; 3-6 MB, so keep only the latest
def _kernel_fft(shape, h_mm):
    offsets, gy = _kernel_offsets(h_mm)
    grid = np.zeros(shape)
    idx = tuple((offsets[:, d] % shape[d]) for d in range(3))
    np.add.at(grid, idx, gy)
    return np.fft.rfftn(grid, axes=_AXES, out=np.empty(_spectrum_shape(shape), complex))


def _check_grid(activity_bq, voxel_mm):
    h = check_scalar("voxel_mm", voxel_mm, 0.2, 5.0, unit="mm")
    arr = check_array("activity_bq", activity_bq, 0.0, 1e12, unit="Bq")
    if arr.ndim != 3 or min(arr.shape) < 2 or max(arr.shape) > 256:
        raise ValueError("activity_bq must be a 3-D grid with 2 to 256 voxels a side; got shape "
                         f"{arr.shape}")
    return arr, h


def dose_from_activity_grid_gy(activity_bq, voxel_mm):
    """Absorbed dose to complete decay from a grid of Y-90 activities (kernel convolution).

    Parameters
    ----------
    activity_bq : array_like, shape (nx, ny, nz)
        Activity in each voxel at time 0 (Bq), 0 to 10^12; 2 to 256 voxels a side.
    voxel_mm : float
        Voxel side (mm), 0.2 to 5 mm.

    Returns
    -------
    ndarray
        Dose (Gy) in each voxel, all the activity having decayed.

    Notes
    -----
    D = tau x (A * K_voxel), with tau = T1/2 / ln 2 and * the 3-D convolution (by FFT, so the
    grid is periodic: leave at least 12 mm of empty margin around the activity). A uniform
    activity concentration c (GBq/kg) gives D = 10^9 tau Ebar F(12 mm) c = 49.8 c Gy.

    References
    ----------
    ``sirt_loevinger_1956``, ``sirt_lanconelli_svalues``.
    """
    arr, h = _check_grid(activity_bq, voxel_mm)
    return _convolve(arr, h)


def _convolve(arr, h):
    """Unchecked convolution of an activity grid (Bq) with the voxel kernel; dose in Gy."""
    kf = _kernel_fft(arr.shape, h)
    # the steps of rfftn and irfftn, done in place: the same numbers with fewer big arrays
    spectrum = np.fft.rfftn(arr.astype(float, copy=False), axes=_AXES,
                            out=np.empty(_spectrum_shape(arr.shape), complex))
    spectrum *= kf
    for axis in _AXES[:-1]:
        np.fft.ifft(spectrum, axis=axis, out=spectrum)
    conv = np.fft.irfft(spectrum, n=arr.shape[-1], axis=_AXES[-1])
    del spectrum
    tau_s = mean_life_h() * 3600.0
    np.maximum(conv, 0.0, out=conv)
    conv *= tau_s
    return conv


@dataclass(frozen=True)
class SphereDoseMap:
    """A dose map through the middle of a spherical tumour seeded with microspheres.

    Attributes
    ----------
    x_mm : ndarray
        Voxel-centre coordinates along each axis of the slice (mm), 0 at the tumour centre.
    dose_gy : ndarray, shape (n, n)
        Dose to complete decay in the central slice (Gy).
    profile_gy : ndarray
        Dose along the line through the centre (Gy), at ``x_mm``.
    tumour_radius_mm, activity_mbq, bq_per_sphere : float
        The inputs.
    n_spheres : int
        Number of microspheres.
    mean_tumour_dose_gy : float
        Mean dose over the tumour voxels (Gy).
    mird_tumour_dose_gy : float
        49.67 x activity / tumour mass (Gy), for comparison.
    tumour_dose_cv : float
        Coefficient of variation of the dose within the tumour (SD / mean).
    cold_fraction : float
        Share of tumour voxels receiving less than half the mean tumour dose.
    dose_2mm_outside_gy, dose_5mm_outside_gy : float
        Mean dose on shells 2 mm and 5 mm outside the tumour edge (Gy).
    """

    x_mm: np.ndarray
    dose_gy: np.ndarray
    profile_gy: np.ndarray
    tumour_radius_mm: float
    activity_mbq: float
    bq_per_sphere: float
    n_spheres: int
    mean_tumour_dose_gy: float
    mird_tumour_dose_gy: float
    tumour_dose_cv: float
    cold_fraction: float
    dose_2mm_outside_gy: float
    dose_5mm_outside_gy: float


def _grid_size(radius_mm, h):
    # The FFT grid is periodic. With this side, activity that wraps round is at least
    # KERNEL_CUTOFF_MM from every point shown, so the wrap adds nothing to the map.
    side = 2.0 * radius_mm + DOSE_MAP_MARGIN_MM + KERNEL_CUTOFF_MM
    return _next_fast_len(int(math.ceil(side / h)))


def _next_fast_len(n):
    """The smallest integer >= ``n`` with no prime factor above 5 (fast FFT sizes)."""
    m = max(int(n), 1)
    while True:
        k = m
        for p in (2, 3, 5):
            while k % p == 0:
                k //= p
        if k == 1:
            return m
        m += 1


@lru_cache(maxsize=4)
def _map_geometry(radius):
    """Grid coordinates, the tumour mask and the shells outside it, for one tumour radius."""
    h = DOSE_MAP_VOXEL_MM
    n = _grid_size(radius, h)
    x = (np.arange(n) - n // 2) * h
    r = np.sqrt(x[:, None, None] ** 2 + x[None, :, None] ** 2 + x[None, None, :] ** 2)
    inside = np.flatnonzero(r.ravel() <= radius)
    shell2 = np.flatnonzero(((r > radius + 1.5) & (r <= radius + 2.5)).ravel())
    shell5 = np.flatnonzero(((r > radius + 4.5) & (r <= radius + 5.5)).ravel())
    show = np.flatnonzero(np.abs(x) <= radius + DOSE_MAP_MARGIN_MM)
    return n, x, inside, shell2, shell5, show


def sphere_dose_map(tumour_radius_mm=8.0, activity_mbq=5.0, sphere_type="resin", seed=0):
    """Dose map of a spherical tumour seeded at random with Y-90 microspheres.

    Parameters
    ----------
    tumour_radius_mm : float
        Tumour radius (mm), 3 to 12 mm.
    activity_mbq : float
        Activity lodged in the tumour (MBq), greater than 0 and at most 40 MBq.
    sphere_type : {"resin", "glass"}
        Resin spheres carry about 50 Bq each, glass spheres about 2500 Bq.
    seed : int
        Seed of the random placement (the same seed gives the same map), 0 to 2^31 - 1.

    Returns
    -------
    SphereDoseMap

    Notes
    -----
    Spheres are placed independently and uniformly in the tumour (no clustering, which real
    spheres show), binned into 0.5 mm voxels, and the activity grid is convolved with the
    voxel kernel by FFT (:func:`dose_from_activity_grid_gy`). For the same total activity,
    resin needs 50 times more spheres than glass, so its dose is more even; outside the
    tumour the dose falls steeply because the betas stop within 11 mm.

    References
    ----------
    ``sirt_wjh_2015_spheres`` (activity per sphere), ``sirt_walrand_chapter``.
    """
    radius = check_scalar("tumour_radius_mm", tumour_radius_mm, 3.0, 12.0, unit="mm")
    act = check_scalar("activity_mbq", activity_mbq, 0.0, 40.0, low_open=True, unit="MBq")
    kind = check_choice("sphere_type", sphere_type, list(SPHERE_TYPES))
    seed = check_scalar("seed", seed, 0, 2 ** 31 - 1, integer=True)
    bq = float(SPHERE_TYPES[kind])
    h = DOSE_MAP_VOXEL_MM
    n, x, inside, shell2, shell5, show = _map_geometry(radius)
    n_spheres = max(1, int(round(act * 1e6 / bq)))
    rng = np.random.default_rng(seed)
    n_inside = inside.size
    # each sphere lands in a tumour voxel chosen uniformly at random
    counts = np.bincount(rng.integers(0, n_inside, n_spheres), minlength=n_inside)
    activity = np.zeros(n ** 3, dtype=np.float32)
    activity[inside] = counts * bq
    dose = _convolve(activity.reshape(n, n, n), h)
    flat = dose.ravel()
    tumour = flat[inside]
    mean_t = float(tumour.mean())
    mass_kg = float(C.Y90_KERNEL_TISSUE_DENSITY_G_PER_CM3) * 1e-6 * n_inside * h ** 3
    c = n // 2
    slice_ = dose[:, :, c][np.ix_(show, show)]
    return SphereDoseMap(
        x_mm=x[show], dose_gy=slice_, profile_gy=dose[show, c, c],
        tumour_radius_mm=radius, activity_mbq=act, bq_per_sphere=bq, n_spheres=n_spheres,
        mean_tumour_dose_gy=mean_t,
        mird_tumour_dose_gy=float(C.Y90_DOSE_COEFFICIENT_GY_KG_PER_GBQ) * act * 1e-3 / mass_kg,
        tumour_dose_cv=float(tumour.std() / mean_t) if mean_t > 0 else 0.0,
        cold_fraction=float(np.mean(tumour < 0.5 * mean_t)),
        dose_2mm_outside_gy=float(flat[shell2].mean()),
        dose_5mm_outside_gy=float(flat[shell5].mean()))
