"""Where embolic particles stop along the hepatic arterial path (private to tace).

Public names are re-exported by :mod:`netteach.models.tace`; import them from there.

The path model
--------------
1. **Named arteries** come from the standard arterial tree of :mod:`netteach.models.anatomy`
   (Michels type I) with their CT mean calibres (Bilir et al.): common hepatic artery 4.3 mm,
   proper hepatic 2.93 mm, right hepatic 2.92 mm, left hepatic 2.51 mm. The path starts at the
   catheter tip and runs down to the chosen lobar artery (right or left hepatic).
2. **Beyond the lobar artery** the tree is modelled as repeated symmetric bifurcations that obey
   Murray's law (Murray 1926), :math:`d_0^3 = d_1^3 + d_2^3`. With two equal daughters each
   generation is :math:`2^{-1/3} \\approx 0.794` times its parent, so
   :math:`d_g = d_{lobar}\\, 2^{-g/3}`. The path ends at the first generation of 10 µm or less
   (capillary size, an assumption): about 25 generations beyond the right hepatic artery.
3. **Lodging rule** (assumption, from the course brief): a rigid sphere travels with the flow
   until the first vessel whose calibre is no larger than the particle, and stops there.
   Drug-loaded DC Beads shrink by about 20% (de Baere 2016), so they travel a little further.
4. **What a particle blocks.** In a symmetric tree, one particle stuck at generation :math:`g`
   beyond the lobar artery cuts off :math:`2^{-g}` of that lobe's arterial branches.

Why this is only a teaching model: real trees branch unequally and not every branch obeys
Murray's law (the CT means do not: :math:`2.92^3 + 2.51^3 > 2.93^3`); beads are compressible
and travel in clusters, flow slows as vessels fill (stasis), and tumours draw flow to
themselves. The model shows the direction of each effect, not a vessel you could name.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

import numpy as np

from .. import constants as C
from ..validation import check_array, check_choice, check_scalar
from . import anatomy

__all__ = [
    "CATHETER_POSITIONS", "LOBAR_ARTERIES", "BEAD_CLASSES", "ArterialPath", "arterial_path",
    "effective_diameter_um", "lodging_diameter_um", "lodging_generation",
    "lodging_position", "share_blocked_per_particle", "passes_shunt",
]

#: Particle diameters accepted by the path model, µm (input limits, not clinical values).
MIN_PARTICLE_UM, MAX_PARTICLE_UM = 1.0, 2_000.0

CATHETER_POSITIONS = ("CHA", "PHA", "RHA", "LHA")
LOBAR_ARTERIES = ("RHA", "LHA")

#: Bead size classes shown on the explorer: id -> (label, low µm, high µm, status).
BEAD_CLASSES = {
    "40-120": ("40–120 µm (small beads)", C.SMALL_BEAD_SIZE_40_120_LOW_UM,
               C.SMALL_BEAD_SIZE_40_120_HIGH_UM),
    "100-300": ("100–300 µm (DC Bead yellow)", C.DC_BEAD_SIZE_100_300_LOW_UM,
                C.DC_BEAD_SIZE_100_300_HIGH_UM),
    "300-500": ("300–500 µm (DC Bead blue)", C.DC_BEAD_SIZE_300_500_LOW_UM,
                C.DC_BEAD_SIZE_300_500_HIGH_UM),
    "500-700": ("500–700 µm (DC Bead red)", C.DC_BEAD_SIZE_500_700_LOW_UM,
                C.DC_BEAD_SIZE_500_700_HIGH_UM),
}


@dataclass(frozen=True)
class ArterialPath:
    """One modelled path from the catheter tip down to capillary-sized vessels.

    ``names``: a plain label per vessel (named arteries, then "generation g").
    ``calibres_um``: vessel calibre per position, µm, strictly decreasing.
    ``n_named``: how many positions are named arteries. ``lobar_index``: position of the lobar
    artery. ``catheter_at``, ``lobar``: the choices that built the path.
    """

    catheter_at: str
    lobar: str
    names: tuple
    calibres_um: np.ndarray
    n_named: int
    lobar_index: int

    def __len__(self):
        return len(self.names)


def _named_chain(catheter_at, lobar):
    """Vessel ids from the catheter tip down to the lobar artery, in the standard tree."""
    tree = anatomy.arterial_tree("michels_1")
    chain = [lobar, *tree.ancestors(lobar)]
    if catheter_at not in chain:
        raise ValueError(f"catheter_at must be upstream of or at lobar ({lobar!r}), i.e. one of "
                         f"{[v for v in chain if v in CATHETER_POSITIONS][::-1]}; "
                         f"got {catheter_at!r}")
    chain = list(reversed(chain[: chain.index(catheter_at) + 1]))
    return tree, chain


@cache
def _path(catheter_at, lobar):
    tree, chain = _named_chain(catheter_at, lobar)
    names = [tree.vessels[v].name for v in chain]
    calibres = [float(tree.vessels[v].diameter_mm) * 1000.0 for v in chain]
    ratio = 2.0 ** (-1.0 / float(C.TACE_BRANCHING_EXPONENT))
    end = float(C.TACE_PATH_END_DIAMETER_UM)
    g = 0
    while calibres[-1] > end:
        g += 1
        calibres.append(calibres[len(chain) - 1] * ratio**g)
        names.append(f"generation {g} beyond the {lobar}")
    arr = np.array(calibres)
    arr.setflags(write=False)
    return ArterialPath(catheter_at, lobar, tuple(names), arr, len(chain), len(chain) - 1)


def arterial_path(catheter_at="PHA", lobar="RHA"):
    """Return the modelled arterial path from the catheter tip to capillary-sized vessels.

    Parameters
    ----------
    catheter_at : {'CHA', 'PHA', 'RHA', 'LHA'}
        Vessel holding the catheter tip (standard anatomy).
    lobar : {'RHA', 'LHA'}
        The hepatic artery the path follows into the liver. Must be at or below the tip.

    Returns
    -------
    ArterialPath

    Raises
    ------
    ValueError
        For an unknown vessel, or a lobar artery that is not downstream of the tip.

    Notes
    -----
    Named calibres are the CT means from :mod:`netteach.models.anatomy`; below the lobar artery
    :math:`d_g = d_{lobar}\\,2^{-g/3}` (Murray's law, symmetric bifurcation) until
    :math:`d_g \\le 10` µm. See the module documentation for every assumption.

    References
    ----------
    Murray CD. Proc Natl Acad Sci USA 1926;12:207-214. Bilir A, et al. Int J Morphol (MDCT).
    """
    check_choice("catheter_at", catheter_at, CATHETER_POSITIONS)
    check_choice("lobar", lobar, LOBAR_ARTERIES)
    return _path(catheter_at, lobar)


def _check_particle(particle_diameter_um):
    return check_array("particle_diameter_um", particle_diameter_um, MIN_PARTICLE_UM,
                       MAX_PARTICLE_UM, unit="µm")


def _out(arr):
    arr = np.asarray(arr)
    return arr.item() if arr.ndim == 0 else arr


def effective_diameter_um(particle_diameter_um, loaded=False):
    """Diameter of the particle in the vessel, µm: 20% smaller for drug-loaded beads.

    Parameters
    ----------
    particle_diameter_um : float or array_like
        Nominal particle diameter, µm (1 to 2000).
    loaded : bool
        Whether the bead carries doxorubicin (DC Bead shrinks about 20% on loading).
    """
    d = _check_particle(particle_diameter_um)
    if not isinstance(loaded, (bool, np.bool_)):
        raise ValueError(f"loaded must be True or False; got {loaded!r}")
    shrink = float(C.DC_BEAD_LOADING_SHRINKAGE_FRACTION) if loaded else 0.0
    return _out(d * (1.0 - shrink))


def lodging_diameter_um(particle_diameter_um, loaded=False):
    """Vessel calibre at which a particle lodges, µm.

    Parameters
    ----------
    particle_diameter_um : float or array_like
        Nominal particle diameter, µm (1 to 2000).
    loaded : bool
        Drug-loaded bead (shrinks about 20% on loading, de Baere 2016).

    Returns
    -------
    float or ndarray
        :math:`d_{lodge} = r\\, d_p (1 - s)`, with :math:`r = 1` (the lodging assumption) and
        :math:`s` the loading shrinkage (0 unless ``loaded``). Larger particles lodge in larger
        vessels.

    Raises
    ------
    ValueError
        If the diameter is not a number from 1 to 2000 µm, or ``loaded`` is not a bool.
    """
    return _out(np.asarray(effective_diameter_um(particle_diameter_um, loaded))
                * float(C.TACE_LODGING_CALIBRE_RATIO))


def lodging_generation(particle_diameter_um, catheter_at="PHA", lobar="RHA", loaded=False):
    """Position along :func:`arterial_path` where a particle stops (0 = the catheter-tip vessel).

    Parameters
    ----------
    particle_diameter_um : float or array_like
        Nominal particle diameter, µm (1 to 2000).
    catheter_at, lobar : str
        As in :func:`arterial_path`.
    loaded : bool
        Drug-loaded bead (20% smaller).

    Returns
    -------
    int or ndarray of int
        Index of the first vessel whose calibre is at most :func:`lodging_diameter_um`.
        ``len(arterial_path(...))`` means the particle passes the whole path (smaller than
        capillary-sized vessels). Larger particles stop at the same or an earlier position.
    """
    lodge = np.asarray(lodging_diameter_um(particle_diameter_um, loaded), dtype=float)
    path = arterial_path(catheter_at, lobar)
    # calibres strictly decrease: count the vessels still wider than the particle
    idx = np.searchsorted(-path.calibres_um, -lodge, side="left")
    return _out(idx.astype(int))


def lodging_position(particle_diameter_um, catheter_at="PHA", lobar="RHA", loaded=False):
    """Continuous position along the path where the calibre equals the lodging calibre.

    Interpolates :math:`\\log d` linearly between path positions, for smooth drawing. Returns
    a float in ``[0, len(path) - 1]`` (clipped at both ends).
    """
    lodge = np.asarray(lodging_diameter_um(particle_diameter_um, loaded), dtype=float)
    path = arterial_path(catheter_at, lobar)
    logc = np.log(path.calibres_um)[::-1]              # increasing
    pos = np.arange(len(path), dtype=float)[::-1]
    return _out(np.interp(np.log(lodge), logc, pos))


def share_blocked_per_particle(particle_diameter_um, catheter_at="PHA", lobar="RHA",
                               loaded=False):
    """Share of the lobe's arterial branches cut off by one lodged particle (dimensionless).

    Returns :math:`2^{-g}` for a particle stopping :math:`g` symmetric generations beyond the
    lobar artery; 1 if it stops at or above the lobar artery; 0 if it passes the whole path.
    """
    g = np.asarray(lodging_generation(particle_diameter_um, catheter_at, lobar, loaded))
    path = arterial_path(catheter_at, lobar)
    beyond = g - path.lobar_index
    share = np.where(beyond <= 0, 1.0, 2.0 ** (-np.maximum(beyond, 0).astype(float)))
    share = np.where(g >= len(path), 0.0, share)
    return _out(share.astype(float))


def passes_shunt(particle_diameter_um, shunt_diameter_um, loaded=False):
    """Whether a particle is small enough to slip through an abnormal shunt.

    Parameters
    ----------
    particle_diameter_um : float or array_like
        Nominal particle diameter, µm (1 to 2000).
    shunt_diameter_um : float
        Calibre of a direct artery-to-vein channel in the tumour, µm (1 to 2000). Illustrative:
        our sources give no typical shunt calibre.
    loaded : bool
        Drug-loaded bead (20% smaller).

    Returns
    -------
    bool or ndarray of bool
        True where the particle is smaller than the shunt (by the lodging rule it is carried
        through, into the veins and on towards the lungs).
    """
    s = check_scalar("shunt_diameter_um", shunt_diameter_um, MIN_PARTICLE_UM, MAX_PARTICLE_UM,
                     unit="µm")
    lodge = np.asarray(lodging_diameter_um(particle_diameter_um, loaded), dtype=float)
    return _out(lodge < s)


def generations_between(large_um, small_um):
    r"""Number of symmetric Murray branchings between two vessel calibres (a float).

    Parameters
    ----------
    large_um : float
        The wider calibre, µm (greater than 0, at most 100 000).
    small_um : float
        The narrower calibre, µm (greater than 0, at most ``large_um``).

    Returns
    -------
    float
        :math:`3 \log_2(d_{large} / d_{small})`: the width halves every three branchings.
    """
    large = check_scalar("large_um", large_um, 0.0, 1.0e5, low_open=True, unit="µm")
    small = check_scalar("small_um", small_um, 0.0, large, low_open=True, unit="µm")
    return float(C.TACE_BRANCHING_EXPONENT) * (math.log2(large) - math.log2(small))
