"""The "how far does each treatment reach?" curves (re-exported by ``models.choosing``)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..validation import check_array, check_scalar

# --- How far does each treatment reach? ------------------------------------------------------

@dataclass(frozen=True)
class ReachCurve:
    """One normalised "reach" curve, computed by a topic model.

    ``distance_m`` and ``relative`` are arrays (relative = 1 at the source, or at the peak,
    falling with distance); ``label`` is plain language; ``measure`` says what was normalised and
    to what; ``model`` names the topic-model function that computed it; ``refs`` are reference
    keys; ``zone_m`` is, for RFA, the radius of the zone the model counts as killed.
    """

    id: str
    label: str
    measure: str
    distance_m: object
    relative: object
    model: str
    refs: tuple
    zone_m: float | None = None

    def reach_m(self, level=0.1):
        """Distance (m) at which the curve first falls to ``level`` (default 10%)."""
        return distance_at_level_m(self.distance_m, self.relative, level)


def distance_at_level_m(distance_m, relative, level=0.1):
    """Distance at which a falling curve first reaches ``level``.

    Parameters
    ----------
    distance_m : array_like
        Increasing distances (m), all > 0.
    relative : array_like
        Curve values at those distances, starting at or above ``level``.
    level : float
        The level, a fraction between 0 and 1 (exclusive); default 0.1 (10%).

    Returns
    -------
    float
        The crossing distance (m) beyond the curve's highest point, interpolated linearly in the
        curve value and logarithmically in distance between the two grid points around it;
        ``inf`` if the curve never falls that far inside the grid.
    """
    d = check_array("distance_m", distance_m, 0.0, low_open=True, unit="m")
    y = check_array("relative", relative)
    lv = check_scalar("level", level, 0.0, 1.0, low_open=True, high_open=True)
    if d.shape != y.shape or d.ndim != 1 or d.size < 2 or np.any(np.diff(d) <= 0):
        raise ValueError("distance_m must be an increasing 1-D array the same length as "
                         f"relative; got shapes {d.shape} and {y.shape}")
    peak = int(np.argmax(y))
    below = np.nonzero(y[peak:] <= lv)[0]
    if below.size == 0:
        return float("inf")
    i = peak + int(below[0])
    if i == 0:
        return float(d[0])
    f = (y[i - 1] - lv) / (y[i - 1] - y[i])
    return float(np.exp(np.log(d[i - 1]) + f * (np.log(d[i]) - np.log(d[i - 1]))))


#: The four curves: id -> (plain-language label, what is drawn, model function, reference keys).
REACH_CURVES = {
    "tace_drug": ("TACE: cancer drug seeping out of one bead",
                  "doxorubicin concentration, one day after the bead lodged, as a share of its "
                  "level at the bead's surface",
                  "netteach.models.tace.drug_concentration",
                  ("tace_zhang_2017_drug_deliv", "choosing_drug_deliv_2017")),
    "sirt_beta": ("SIRT: beta radiation from one microsphere",
                  "share of the beta energy that travels beyond this distance from the sphere",
                  "netteach.models.sirt.energy_fraction_within",
                  ("sirt_loevinger_1956", "choosing_eanm_2022")),
    "rfa_heat": ("RFA: heat spreading from the needle",
                 "rise in temperature above body temperature at the end of a 12-minute "
                 "ablation, as a share of the highest rise (the shaded band is the zone the "
                 "model counts as killed)",
                 "netteach.models.rfa.simulate_ablation",
                 ("comsol_liver", "fieldp_arrhenius", "choosing_brace_2009")),
    "sirt_people": ("After SIRT: radiation reaching people near the patient",
                    "dose rate from the patient's body as a share of the rate in contact",
                    "netteach.models.sirt.dose_rate_usv_per_h",
                    ("sirt_cournane_2019", "choosing_cournane_2019")),
}
_BODY_TEMPERATURE_C = 37.0  # the blood and boundary temperature of the RFA model (COMSOL liver)
_TACE_TIME_H = 24.0


def _tace_curve():
    from . import tace

    x_um = np.concatenate([[0.0], np.geomspace(1.0, 4000.0, 160)])
    c = tace.drug_concentration(x_um, _TACE_TIME_H)
    return x_um[1:] * 1e-6, c[1:] / c[0]


def _sirt_beta_curve():
    from . import sirt

    r_mm = np.geomspace(1e-3, 30.0, 160)
    return r_mm * 1e-3, 1.0 - sirt.energy_fraction_within(r_mm)


@lru_cache(maxsize=1)
def _rfa_run():
    from . import rfa

    return rfa.simulate_ablation()


def _rfa_curve():
    result = _rfa_run()
    prof = result.radial_profile("away")
    rise = prof["temperature_c"] - _BODY_TEMPERATURE_C
    rel = np.clip(rise / rise.max(), 0.0, None)  # the cooled needle wall is below 37 °C
    return prof["distance_mm"] * 1e-3, rel, result.radius_away_mm * 1e-3


def _people_curve():
    from . import sirt

    d_m = np.geomspace(0.01, 10.0, 160)
    rate = sirt.dose_rate_usv_per_h(1.0, d_m, 0.0)
    return d_m, rate / sirt.dose_rate_usv_per_h(1.0, 0.0, 0.0)


def reach_curves():
    """Compute the four normalised "reach" curves by calling the topic models.

    Returns
    -------
    dict
        ``{curve id: ReachCurve}`` in the order of :data:`REACH_CURVES`: drug around a TACE bead
        (µm), beta radiation around a SIRT microsphere (mm), heat around an RFA needle (cm) and
        the dose rate around a patient after SIRT (m).

    Notes
    -----
    Each curve is divided by its value at its source, so all start at 1:

    * TACE: c(x, 24 h) / c(0, 24 h), x from the bead's surface
      (:func:`netteach.models.tace.drug_concentration`).
    * SIRT beta: 1 - F(r), the share of the emitted beta energy absorbed beyond r from a point
      source (:func:`netteach.models.sirt.energy_fraction_within`).
    * RFA: (T(r) - 37 °C) / max(T - 37 °C) along the line from the needle's centre at the end
      of the default 12-minute ablation (:func:`netteach.models.rfa.simulate_ablation`). Near
      the cooled needle the curve rises to its peak; its reach is read beyond the peak.
    * SIRT people: rate(d) / rate(contact)
      (:func:`netteach.models.sirt.dose_rate_usv_per_h`).

    The RFA simulation (about half a second) runs once per session and is cached.

    References
    ----------
    Keys in :data:`REACH_CURVES`.
    """
    out = {}
    for cid, make in (("tace_drug", _tace_curve), ("sirt_beta", _sirt_beta_curve),
                      ("rfa_heat", _rfa_curve), ("sirt_people", _people_curve)):
        label, measure, fn, refs = REACH_CURVES[cid]
        d, rel, *zone = make()
        out[cid] = ReachCurve(cid, label, measure, d, rel, fn, refs,
                              float(zone[0]) if zone else None)
    return out
