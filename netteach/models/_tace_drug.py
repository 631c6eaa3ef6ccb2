"""Drug release from drug-eluting beads, and how far the drug reaches (private to tace).

Public names are re-exported by :mod:`netteach.models.tace`; import them from there.
"""

from __future__ import annotations

import math

import numpy as np
from scipy import special

from .. import constants as C
from ..validation import check_array, check_choice, check_scalar

__all__ = [
    "RELEASE_CONDITIONS", "BEAD_PRODUCTS", "release_fraction", "release_parameters",
    "drug_concentration", "penetration_distance_um", "decay_length_um",
    "steady_concentration", "drug_share_within_um",
]

#: Longest time the models accept (ten years), in hours. An input limit, not a clinical value.
MAX_TIME_H = 87_600.0
#: Farthest distance from the bead edge the concentration model accepts (5 mm), in µm.
MAX_DISTANCE_UM = 5_000.0
#: Bead diameters accepted by the concentration model, in µm.
MIN_BEAD_UM, MAX_BEAD_UM = 10.0, 2_000.0

RELEASE_CONDITIONS = {
    "in_vitro": "In vitro (laboratory dissolution; de Baere 2016)",
    "in_vivo": "In vivo-like (quasi-static 'T-apparatus' model; half-life over 1500 h)",
}

#: In-vitro elution of four beads loaded with 40 mg doxorubicin per mL (de Baere 2016):
#: (display name, share of the loaded dose eluted at the plateau, minutes to 75% of that share).
BEAD_PRODUCTS = {
    "dc_bead": ("DC Bead", C.DC_BEAD_IN_VITRO_PLATEAU_FRACTION, C.DC_BEAD_IN_VITRO_T75_MIN),
    "lifepearl": ("LifePearl", C.LIFEPEARL_IN_VITRO_PLATEAU_FRACTION,
                  C.LIFEPEARL_IN_VITRO_T75_MIN),
    "hepasphere": ("HepaSphere", C.HEPASPHERE_IN_VITRO_PLATEAU_FRACTION,
                   C.HEPASPHERE_IN_VITRO_T75_MIN),
    "tandem": ("Tandem", C.TANDEM_IN_VITRO_PLATEAU_FRACTION, C.TANDEM_IN_VITRO_T75_MIN),
}


def _out(arr):
    """Return a float for 0-d input and an ndarray otherwise."""
    arr = np.asarray(arr, dtype=float)
    return float(arr) if arr.ndim == 0 else arr


def release_parameters(condition="in_vitro", bead="dc_bead"):
    """Return the first-order release parameters used by :func:`release_fraction`.

    Parameters
    ----------
    condition : {'in_vitro', 'in_vivo'}
        Laboratory dissolution, or the quasi-static model that behaves like an embolised vessel.
    bead : {'dc_bead', 'lifepearl', 'hepasphere', 'tandem'}
        The bead product. The in-vivo-like model exists for DC Bead only.

    Returns
    -------
    dict
        ``plateau_fraction`` (share of the loaded dose that can be released, 1),
        ``rate_per_h`` (first-order rate constant, 1/h), ``half_life_h`` (h), ``label`` (text)
        and ``refs`` (reference keys).

    Raises
    ------
    ValueError
        For an unknown condition or bead, or the in-vivo model with a bead other than DC Bead.
    """
    check_choice("condition", condition, RELEASE_CONDITIONS)
    check_choice("bead", bead, BEAD_PRODUCTS)
    name, plateau, t75_min = BEAD_PRODUCTS[bead]
    if condition == "in_vitro":
        rate = math.log(4.0) / (float(t75_min) / 60.0)  # 75% of the plateau at t75
        return {"plateau_fraction": float(plateau), "rate_per_h": rate,
                "half_life_h": math.log(2.0) / rate,
                "label": f"{name}, in vitro (laboratory dissolution)",
                "refs": (C.DC_BEAD_IN_VITRO_T75_MIN.ref,)}
    if bead != "dc_bead":
        raise ValueError(f"bead must be 'dc_bead' for condition 'in_vivo' (the quasi-static "
                         f"model was measured for DC Bead only); got {bead!r}")
    half = float(C.DC_BEAD_QUASI_STATIC_HALF_LIFE_H)
    return {"plateau_fraction": 1.0, "rate_per_h": math.log(2.0) / half, "half_life_h": half,
            "label": "DC Bead, in vivo-like (quasi-static model, half-life over 1500 h)",
            "refs": (C.DC_BEAD_QUASI_STATIC_HALF_LIFE_H.ref,)}


def release_fraction(time_h, condition="in_vitro", bead="dc_bead"):
    """Share of the loaded drug released from drug-eluting beads after ``time_h`` hours.

    Parameters
    ----------
    time_h : float or array_like
        Time since the beads met the elution medium (in vitro) or were injected (in vivo), h.
        At least 0 and at most 87 600 h (ten years).
    condition : {'in_vitro', 'in_vivo'}
        ``'in_vitro'``: laboratory dissolution (de Baere 2016). Release is first order and
        plateaus by about 6 h at a share of the loaded dose that depends on the bead (DC Bead
        21%); 75% of the releasable drug is out after 197 min for DC Bead.
        ``'in_vivo'``: the quasi-static model of an embolised vessel, with an elution half-life
        of 1500 h. The source gives "over 1500 h", so this curve is an upper bound on release.
        It matched patients' blood levels for the first 24 h after TACE.
    bead : {'dc_bead', 'lifepearl', 'hepasphere', 'tandem'}
        The bead product (in vitro); the in-vivo-like model is for DC Bead only.

    Returns
    -------
    float or ndarray
        Released share of the loaded dose, between 0 and 1 (dimensionless).

    Raises
    ------
    ValueError
        If ``time_h`` is negative, above the limit, NaN or not a number, or a choice is unknown.

    Notes
    -----
    First-order release to a plateau :math:`F_\\infty`:

    .. math:: F(t) = F_\\infty \\left(1 - e^{-k t}\\right)

    In vitro, :math:`k = \\ln 4 / t_{75}` so that 75% of :math:`F_\\infty` is out at
    :math:`t_{75}`. In vivo-like, :math:`F_\\infty = 1` and :math:`k = \\ln 2 / t_{1/2}`
    with :math:`t_{1/2} = 1500` h. A stirred USP II bath releases all of the drug in under 4 h:
    the measured curve depends strongly on the method, which is why the label matters.

    References
    ----------
    de Baere T, et al. J Vasc Interv Radiol 2016 (doi:10.1016/j.jvir.2016.05.015).
    Doxorubicin eluting beads-2. J Mater Sci Mater Med (doi:10.1007/s10856-006-0040-y).

    Examples
    --------
    >>> round(release_fraction(6.0), 3)  # DC Bead in vitro, near its 21% plateau
    0.193
    """
    t = check_array("time_h", time_h, 0.0, MAX_TIME_H, unit="h")
    p = release_parameters(condition, bead)
    return _out(p["plateau_fraction"] * -np.expm1(-p["rate_per_h"] * t))


def decay_length_um():
    """Tissue decay length of doxorubicin, :math:`\\lambda = \\sqrt{D/k}`, in µm.

    Calibrated so that the steady profile around a bead of
    ``DOX_CALIBRATION_BEAD_DIAMETER_UM`` (200 µm) falls to ``DOX_PENETRATION_THRESHOLD_FRACTION``
    (5%) of the bead-edge value at ``DOX_PENETRATION_FROM_BEAD_EDGE_UM`` (200 µm, Zhang 2017):
    :math:`\\lambda = x_p / \\ln\\left(a / ((a + x_p)\\,\\theta)\\right)` with :math:`a` the bead
    radius, :math:`x_p` the reach and :math:`\\theta` the threshold. About 105 µm.
    """
    a = float(C.DOX_CALIBRATION_BEAD_DIAMETER_UM) / 2.0
    xp = float(C.DOX_PENETRATION_FROM_BEAD_EDGE_UM)
    theta = float(C.DOX_PENETRATION_THRESHOLD_FRACTION)
    return xp / math.log(a / ((a + xp) * theta))


_LAMBDA_UM = decay_length_um()


def steady_concentration(distance_um, bead_diameter_um=200.0):
    """Steady relative concentration around a bead of fixed strength (no depletion).

    Parameters
    ----------
    distance_um : float or array_like
        Distance from the bead edge, µm (0 to 5000).
    bead_diameter_um : float
        Bead diameter, µm (10 to 2000).

    Returns
    -------
    float or ndarray
        :math:`c/c_0 = \\frac{a}{a + x} e^{-x/\\lambda}` (dimensionless, 1 at the bead edge).
    """
    x = check_array("distance_um", distance_um, 0.0, MAX_DISTANCE_UM, unit="µm")
    a = check_scalar("bead_diameter_um", bead_diameter_um, MIN_BEAD_UM, MAX_BEAD_UM,
                     unit="µm") / 2.0
    return _out(a / (a + x) * np.exp(-x / _LAMBDA_UM))


def drug_concentration(distance_um, time_h, bead_diameter_um=200.0,
                       elution_half_life_h=None, diffusivity_um2_per_s=None):
    """Relative doxorubicin concentration in tissue at a distance from one drug-eluting bead.

    Parameters
    ----------
    distance_um : float or array_like
        Distance from the bead edge into the tissue, µm (0 to 5000).
    time_h : float or array_like
        Time since the bead lodged, h (0 to 87 600). Broadcast against ``distance_um``.
    bead_diameter_um : float
        Bead diameter, µm (10 to 2000). Default 200 µm, the bead the reach was matched for.
    elution_half_life_h : float, optional
        How fast the bead empties, h (1 to 100 000). Default: the quasi-static DC Bead value,
        1500 h (a lower bound, so the default empties the bead as fast as the source allows).
    diffusivity_um2_per_s : float, optional
        Diffusion coefficient of the drug in tissue, µm²/s (0.1 to 1000). Default 10 µm²/s,
        an assumption; it sets how fast the profile builds up, not how far it reaches.

    Returns
    -------
    float or ndarray
        Concentration as a share of the bead-edge concentration of a full bead, between 0 and 1.

    Raises
    ------
    ValueError
        For a negative or too large distance or time, NaN, a non-number, or an out-of-range
        bead size, half-life or diffusivity.

    Notes
    -----
    The drug diffuses from the bead surface (radius :math:`a`) into tissue that takes it up and
    clears it at a first-order rate :math:`k` (uptake by cells plus removal by blood):

    .. math:: \\partial_t c = D \\nabla^2 c - k c, \\qquad c(a, t) = c_0 s(t),\\; c(r, 0) = 0.

    With :math:`u = r c` this is the planar problem solved by Danckwerts (1951); for
    :math:`x = r - a`, :math:`\\lambda = \\sqrt{D/k}`:

    .. math:: \\frac{c}{c_0} = \\frac{a}{a + x}\\,\\frac{1}{2}\\left[e^{-x/\\lambda}
              \\operatorname{erfc}\\left(\\frac{x}{2\\sqrt{Dt}} - \\sqrt{kt}\\right) +
              e^{x/\\lambda}\\operatorname{erfc}\\left(\\frac{x}{2\\sqrt{Dt}} + \\sqrt{kt}\\right)
              \\right] s(t)

    The bead empties slowly (:math:`s(t) = e^{-\\ln 2\\, t / t_{1/2}}`) compared with the time
    the profile takes to form (:math:`1/k`, about 20 min with the default diffusivity), so the
    source is treated as quasi-steady. :math:`\\lambda` (about 105 µm) is calibrated from the
    reach seen in rabbit liver: drug up to about 200 µm from the bead edge (Zhang 2017), read as
    the distance where the steady profile of a 200 µm bead falls to 5% of its edge value.

    Assumptions: one isolated spherical bead; uniform tissue (no vessels, no necrosis); uptake
    and clearance lumped into one first-order rate; the bead-edge concentration proportional to
    the drug left in the bead. One rabbit study found tissue levels fell from 40-246 µg/mL at
    1 week to 5.6-28 µg/mL at 1 month, faster than this model's slow emptying, so read the
    time axis beyond the first day as qualitative.

    References
    ----------
    Zhang S, et al. Drug Deliv 2017;24:1011-1017 (doi:10.1080/10717544.2017.1344336).
    Doxorubicin eluting beads-2 (doi:10.1007/s10856-006-0040-y).
    Danckwerts PV. Absorption by simultaneous diffusion and chemical reaction. Trans Faraday Soc
    1951 (analytic form of the transient).
    """
    x = check_array("distance_um", distance_um, 0.0, MAX_DISTANCE_UM, unit="µm")
    t = check_array("time_h", time_h, 0.0, MAX_TIME_H, unit="h")
    a = check_scalar("bead_diameter_um", bead_diameter_um, MIN_BEAD_UM, MAX_BEAD_UM,
                     unit="µm") / 2.0
    half = (float(C.DC_BEAD_QUASI_STATIC_HALF_LIFE_H) if elution_half_life_h is None else
            check_scalar("elution_half_life_h", elution_half_life_h, 1.0, 1.0e5, unit="h"))
    d = (float(C.DOX_TISSUE_DIFFUSIVITY_UM2_PER_S) if diffusivity_um2_per_s is None else
         check_scalar("diffusivity_um2_per_s", diffusivity_um2_per_s, 0.1, 1000.0,
                      unit="µm²/s"))
    try:
        x, t = np.broadcast_arrays(x, t)
    except ValueError:
        raise ValueError(f"distance_um and time_h must have shapes that broadcast together; "
                         f"got {np.shape(x)} and {np.shape(t)}") from None
    k = d / _LAMBDA_UM**2                       # 1/s
    ts = t * 3600.0                             # s
    source = np.exp(-math.log(2.0) * t / half)  # drug left in the bead
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        root_dt = np.sqrt(d * ts)
        z = np.where(ts > 0, x / (2.0 * np.where(ts > 0, root_dt, 1.0)), np.inf)
        rk = np.sqrt(k * ts)
        # exp(x/λ)·erfc(z + √kt) = exp(-z² - kt)·erfcx(z + √kt) avoids overflow.
        term1 = np.exp(-x / _LAMBDA_UM) * special.erfc(z - rk)
        term2 = np.where(np.isfinite(z), np.exp(-np.where(np.isfinite(z), z, 0.0) ** 2
                                                - k * ts) * special.erfcx(z + rk), 0.0)
    profile = 0.5 * (term1 + term2)
    profile = np.where(ts > 0, profile, (x == 0).astype(float))
    c = a / (a + x) * np.clip(profile, 0.0, 1.0) * source
    return _out(np.clip(c, 0.0, 1.0))


def drug_share_within_um(distance_um, bead_diameter_um=200.0):
    r"""Share of the drug in the tissue that lies within ``distance_um`` of the bead edge.

    Parameters
    ----------
    distance_um : float or array_like
        Distance from the bead edge, µm (0 to 5000).
    bead_diameter_um : float
        Bead diameter, µm (10 to 2000).

    Returns
    -------
    float or ndarray
        Share (0-1) of the steady amount of drug in the tissue around one bead.

    Notes
    -----
    Integrating the steady profile over spherical shells,
    :math:`\int_0^X 4\pi (a+x)^2 c\,dx \propto
    \lambda[(a+\lambda) - (a+X+\lambda)e^{-X/\lambda}]`,
    so the share is :math:`1 - \frac{a + X + \lambda}{a + \lambda} e^{-X/\lambda}`. For a
    200 µm bead about 70% of the drug in the tissue lies within 200 µm of the bead edge.
    """
    x = check_array("distance_um", distance_um, 0.0, MAX_DISTANCE_UM, unit="µm")
    a = check_scalar("bead_diameter_um", bead_diameter_um, MIN_BEAD_UM, MAX_BEAD_UM,
                     unit="µm") / 2.0
    lam = _LAMBDA_UM
    return _out(np.clip(1.0 - (a + x + lam) / (a + lam) * np.exp(-x / lam), 0.0, 1.0))


def penetration_distance_um(bead_diameter_um=200.0, threshold_fraction=None):
    """Distance from the bead edge where the steady drug level falls to a threshold, µm.

    Parameters
    ----------
    bead_diameter_um : float
        Bead diameter, µm (10 to 2000).
    threshold_fraction : float, optional
        Level counted as "reached", as a share of the bead-edge concentration (at least
        0.000001 and less than 1). Default 5% (an assumption).

    Returns
    -------
    float
        Reach in µm. For the default 200 µm bead this is 200 µm (Zhang 2017) by construction.

    Notes
    -----
    Solves :math:`\\frac{a}{a+x} e^{-x/\\lambda} = \\theta` for :math:`x` with the Lambert W
    function: :math:`x = \\lambda W\\!\\left(\\frac{a}{\\lambda\\theta} e^{a/\\lambda}\\right) - a`.
    """
    a = check_scalar("bead_diameter_um", bead_diameter_um, MIN_BEAD_UM, MAX_BEAD_UM,
                     unit="µm") / 2.0
    theta = (float(C.DOX_PENETRATION_THRESHOLD_FRACTION) if threshold_fraction is None else
             check_scalar("threshold_fraction", threshold_fraction, 1e-6, 1.0, high_open=True))
    lam = _LAMBDA_UM
    # log of the Lambert-W argument, to stay finite for small thresholds
    log_arg = math.log(a) - math.log(lam) - math.log(theta) + a / lam
    w = float(np.real(special.lambertw(math.exp(log_arg)))) if log_arg < 700 else _w_large(log_arg)
    return max(lam * w - a, 0.0)


def _w_large(log_arg):
    """Lambert W of exp(log_arg) for very large arguments, by Newton's method on w + ln w."""
    w = log_arg - math.log(log_arg)
    for _ in range(50):
        w -= (w + math.log(w) - log_arg) / (1.0 + 1.0 / w)
    return w
