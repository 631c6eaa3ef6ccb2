"""The liver's dual blood supply, why arterial therapies reach tumours, and NET grading.

Normal liver gets most of its blood from the portal vein; a metastasis gets almost all of its
blood from the hepatic artery. An agent injected into the hepatic artery and trapped on its first
pass therefore lands, per gram, far more in the tumour than in the normal liver.

For teaching only, not for clinical decisions.

References
----------
ASA Anesthesia Toolbox, question 5 (``asa_toolbox_q5``); Taylor I et al. Br J Cancer
1978;38:749-756 (``taylor_1978``); WHO 2019 classification (``who_2019_gep_nen``).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..constants import liver as L
from ..constants import nets as N
from ..validation import check_array, check_choice, check_scalar

__all__ = [
    "SupplyShare", "SourceSplit", "PORTAL_FLOW_SOURCES", "supply_fractions",
    "arterial_flow_per_mass", "arterial_uptake_ratio", "tumour_share_of_agent",
    "NetGrade", "net_grade", "MAX_FLOW_ML_MIN_100G",
]

MAX_FLOW_ML_MIN_100G = 1000.0
MIN_NORMAL_FLOW_ML_MIN_100G = 0.01  # a floor that keeps T/N finite (a numerical bound)
"""Upper bound accepted for a flow per 100 g of tissue (far above any tissue); guards input."""


@dataclass(frozen=True)
class SupplyShare:
    """Shares (0-1) of a tissue's blood flow and oxygen that come from each source.

    ``*_range`` give the spread reported between sources, as (low, high). Oxygen shares are
    ``None`` where no source gives them (metastases).
    """

    tissue: str
    arterial_flow: float
    portal_flow: float
    arterial_flow_range: tuple[float, float]
    portal_flow_range: tuple[float, float]
    arterial_oxygen_range: tuple[float, float] | None
    portal_oxygen_range: tuple[float, float] | None
    refs: tuple[str, ...]


@dataclass(frozen=True)
class SourceSplit:
    """One source's portal-vein share of normal hepatic blood flow."""

    label: str
    portal_flow: float
    ref: str


PORTAL_FLOW_SOURCES = (
    SourceSplit("Anatomy papers (70:30)", float(L.PORTAL_FLOW_FRACTION_MORPHOL),
                L.PORTAL_FLOW_FRACTION_MORPHOL.ref),
    SourceSplit("ASA Anesthesia Toolbox (75:25)", float(L.PORTAL_FLOW_FRACTION),
                L.PORTAL_FLOW_FRACTION.ref),
    SourceSplit("Elsevier anatomy resource (80:20)", float(L.PORTAL_FLOW_FRACTION_ELSEVIER),
                L.PORTAL_FLOW_FRACTION_ELSEVIER.ref),
)
"""The reported spread of the portal share of flow in normal liver."""


def supply_fractions(tissue: str = "normal") -> SupplyShare:
    """Return the shares of blood flow (and oxygen) from the hepatic artery and portal vein.

    Parameters
    ----------
    tissue : {'normal', 'metastasis'}
        Normal liver, or a liver metastasis.

    Returns
    -------
    SupplyShare
        Normal liver: portal vein about 75% of flow (70-80% between sources) but only 50-55% of
        the oxygen; hepatic artery about 25% of flow (20-30%) and 45-50% of the oxygen.
        Metastasis: about 95% arterial (perfusion fell to about 5% after the hepatic artery was
        occluded, in colorectal metastases).

    References
    ----------
    ``asa_toolbox_q5``, ``elsevier_liver_arteries``, ``int_j_morphol_2021``, ``taylor_1978``.
    """
    check_choice("tissue", tissue, ("normal", "metastasis"))
    if tissue == "normal":
        lo = min(s.portal_flow for s in PORTAL_FLOW_SOURCES)
        hi = max(s.portal_flow for s in PORTAL_FLOW_SOURCES)
        return SupplyShare(
            tissue="normal", arterial_flow=float(L.ARTERIAL_FLOW_FRACTION),
            portal_flow=float(L.PORTAL_FLOW_FRACTION),
            arterial_flow_range=(round(1 - hi, 10), round(1 - lo, 10)),
            portal_flow_range=(lo, hi),
            arterial_oxygen_range=(float(L.ARTERIAL_OXYGEN_FRACTION_LOW),
                                   float(L.ARTERIAL_OXYGEN_FRACTION_HIGH)),
            portal_oxygen_range=(float(L.PORTAL_OXYGEN_FRACTION_LOW),
                                 float(L.PORTAL_OXYGEN_FRACTION_HIGH)),
            refs=tuple(dict.fromkeys([L.PORTAL_FLOW_FRACTION.ref,
                                      *(s.ref for s in PORTAL_FLOW_SOURCES)])))
    a = float(L.METASTASIS_ARTERIAL_FRACTION)
    return SupplyShare(
        tissue="metastasis", arterial_flow=a, portal_flow=round(1 - a, 10),
        arterial_flow_range=(a, a), portal_flow_range=(round(1 - a, 10), round(1 - a, 10)),
        arterial_oxygen_range=None, portal_oxygen_range=None,
        refs=(L.METASTASIS_ARTERIAL_FRACTION.ref,))


def _out(x):
    return float(x) if np.ndim(x) == 0 else x


def arterial_flow_per_mass(total_flow_ml_min_100g, arterial_fraction):
    """Arterial blood flow per 100 g of tissue.

    Parameters
    ----------
    total_flow_ml_min_100g : float or array_like
        Total blood flow to the tissue, mL/min per 100 g (greater than 0, at most 1000).
    arterial_fraction : float or array_like
        Share of that flow from the hepatic artery, 0 to 1.

    Returns
    -------
    float or ndarray
        Arterial flow, mL/min per 100 g.

    Notes
    -----
    ``Q_art = Q_total * f_art``.
    """
    q = check_array("total_flow_ml_min_100g", total_flow_ml_min_100g, 0.0,
                    MAX_FLOW_ML_MIN_100G, low_open=True, unit="mL/min/100 g")
    f = check_array("arterial_fraction", arterial_fraction, 0.0, 1.0)
    return _out(q * f)


def arterial_uptake_ratio(tumour_arterial_flow_ml_min_100g, normal_arterial_flow_ml_min_100g):
    """Tumour-to-normal-liver uptake ratio of an agent trapped on first pass in the artery.

    Parameters
    ----------
    tumour_arterial_flow_ml_min_100g : float or array_like
        Arterial blood flow per 100 g of tumour, mL/min/100 g (0 to 1000).
    normal_arterial_flow_ml_min_100g : float or array_like
        Arterial blood flow per 100 g of normal liver, mL/min/100 g (at least 0.01, so that the
        ratio stays finite; at most 1000).

    Returns
    -------
    float or ndarray
        Uptake per gram in tumour divided by uptake per gram in normal liver (dimensionless).

    Notes
    -----
    If every particle (or drug molecule) injected into the hepatic artery is caught on its first
    pass, each gram of tissue receives agent in proportion to the arterial blood it receives:
    ``T/N = Q_art,tumour / Q_art,normal`` (flows per unit mass). The tumour-to-normal ratio used
    in SIRT planning (the partition model) rests on the same idea.

    References
    ----------
    ``taylor_1978`` (arterial supply of metastases); ``asa_toolbox_q5`` (normal liver).
    """
    t = check_array("tumour_arterial_flow_ml_min_100g", tumour_arterial_flow_ml_min_100g, 0.0,
                    MAX_FLOW_ML_MIN_100G, unit="mL/min/100 g")
    n = check_array("normal_arterial_flow_ml_min_100g", normal_arterial_flow_ml_min_100g,
                    MIN_NORMAL_FLOW_ML_MIN_100G, MAX_FLOW_ML_MIN_100G, unit="mL/min/100 g")
    return _out(t / n)


def tumour_share_of_agent(uptake_ratio, tumour_mass_fraction):
    """Share of the injected agent that lands in the tumour.

    Parameters
    ----------
    uptake_ratio : float or array_like
        Tumour-to-normal uptake ratio per gram (0 to 1000).
    tumour_mass_fraction : float or array_like
        Tumour mass as a share of the treated liver mass (0 to 1).

    Returns
    -------
    float or ndarray
        Share of the agent in the tumour, 0 to 1.

    Notes
    -----
    ``s = r m / (r m + (1 - m))`` with ``r`` the uptake ratio and ``m`` the tumour's mass share
    (the same split as the SIRT partition model).
    """
    r = check_array("uptake_ratio", uptake_ratio, 0.0, 1000.0)
    m = check_array("tumour_mass_fraction", tumour_mass_fraction, 0.0, 1.0)
    den = r * m + (1.0 - m)
    with np.errstate(invalid="ignore", divide="ignore"):
        s = np.where(den > 0, r * m / np.where(den > 0, den, 1.0), 0.0)
    return _out(s)


@dataclass(frozen=True)
class NetGrade:
    """WHO grade of a well-differentiated NET from its Ki-67 index and mitotic count."""

    grade: int
    by_ki67: int
    by_mitoses: int

    @property
    def label(self) -> str:
        """``'NET G1'``, ``'NET G2'`` or ``'NET G3'``."""
        return f"NET G{self.grade}"

    @property
    def decided_by(self) -> str:
        """Which index set the final grade: ``'Ki-67'``, ``'mitotic count'`` or ``'both'``."""
        if self.by_ki67 == self.by_mitoses:
            return "both"
        return "Ki-67" if self.by_ki67 > self.by_mitoses else "mitotic count"


def _grade(value, g2_from, g3_above):
    if value > g3_above:
        return 3
    return 2 if value >= g2_from else 1


def net_grade(ki67_percent, mitoses_per_2mm2) -> NetGrade:
    """WHO 2019/2022 grade of a well-differentiated gastroenteropancreatic NET.

    Parameters
    ----------
    ki67_percent : float
        Ki-67 proliferation index, % of tumour cells (0 to 100).
    mitoses_per_2mm2 : float
        Mitotic count per 2 mm² (0 to 1000).

    Returns
    -------
    NetGrade
        G1: Ki-67 < 3% and < 2 mitoses; G2: 3-20% or 2-20 mitoses; G3: > 20% or > 20 mitoses.
        The final grade is whichever index gives the higher grade.

    Notes
    -----
    Poorly differentiated carcinomas (NEC) are told apart by how the cells look, not by these
    numbers, so this function does not return NEC.

    References
    ----------
    ``who_2019_gep_nen``.
    """
    k = check_scalar("ki67_percent", ki67_percent, 0.0, 100.0, unit="%")
    m = check_scalar("mitoses_per_2mm2", mitoses_per_2mm2, 0.0, 1000.0, unit="per 2 mm²")
    gk = _grade(k, float(N.KI67_G2_FROM_PERCENT), float(N.KI67_G3_ABOVE_PERCENT))
    gm = _grade(m, float(N.MITOSES_G2_FROM_PER_2MM2), float(N.MITOSES_G3_ABOVE_PER_2MM2))
    return NetGrade(grade=max(gk, gm), by_ki67=gk, by_mitoses=gm)
