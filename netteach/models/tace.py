"""Transarterial (chemo)embolisation: where particles stop, how drug leaves a bead and how far it
reaches, the TACE family, and the TACE-specific parts of the patient's journey.

Contents
--------
Where embolic particles stop (path model documented in :mod:`netteach.models._tace_path`):
    :func:`arterial_path`, :func:`lodging_diameter_um`, :func:`lodging_generation`,
    :func:`lodging_position`, :func:`share_blocked_per_particle`, :func:`passes_shunt`,
    :func:`effective_diameter_um`, :data:`BEAD_CLASSES`.
Drug release and reach:
    :func:`release_fraction` (in vitro and in vivo-like, each labelled),
    :func:`drug_concentration` (diffusion with uptake and clearance around one bead),
    :func:`penetration_distance_um`, :func:`drug_share_within_um`,
    :func:`steady_concentration`, :func:`decay_length_um`.
The family as data:
    :data:`TACE_FAMILY`, :func:`technique`, :func:`comparison_table`.
Patient's journey (TACE-specific parts; the shared parts are in :mod:`netteach.models.journey`):
    :data:`JOURNEY_STAGES`, :func:`journey`, :data:`TIMELINE`.
The ischaemia principle:
    :func:`supply_after_embolisation` (reuses :func:`netteach.models.liver.supply_fractions`).

Why small particles reach further
---------------------------------
A particle is carried with the blood until the vessel narrows to its own size. Arteries narrow
by about a fifth at each branching (Murray's law), so a 40 µm bead passes about 19 branchings
beyond the right hepatic artery before it sticks, while a 700 µm bead stops after about 7. A
small bead therefore blocks the tumour's own small vessels, and one narrower than an abnormal
artery-to-vein channel (a shunt) slips through it into the veins. A large bead blocks a bigger
vessel upstream: the tissue beyond can be refilled through side channels (collaterals) that join
below the block, and the tumour survives on them.

For teaching only, not for clinical decisions.

References
----------
Murray CD. Proc Natl Acad Sci USA 1926;12:207-214. de Baere T, et al. J Vasc Interv Radiol 2016.
Zhang S, et al. Drug Deliv 2017;24:1011-1017. Guiu B, et al. J Hepatol. Bhagat N, et al.
Cardiovasc Intervent Radiol 2013;36:449-459. Full list: ``netteach/data/references/tace.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..validation import check_fraction
from . import liver
from ._tace_drug import (
    BEAD_PRODUCTS,
    RELEASE_CONDITIONS,
    decay_length_um,
    drug_concentration,
    drug_share_within_um,
    penetration_distance_um,
    release_fraction,
    release_parameters,
    steady_concentration,
)
from ._tace_family import COMPARISON_ROWS, TACE_FAMILY, Technique, comparison_table, technique
from ._tace_journey import JOURNEY_STAGES, TIMELINE, journey, timeline_events
from ._tace_path import (
    BEAD_CLASSES,
    CATHETER_POSITIONS,
    LOBAR_ARTERIES,
    ArterialPath,
    arterial_path,
    effective_diameter_um,
    generations_between,
    lodging_diameter_um,
    lodging_generation,
    lodging_position,
    passes_shunt,
    share_blocked_per_particle,
)

__all__ = [
    # particles
    "BEAD_CLASSES", "CATHETER_POSITIONS", "LOBAR_ARTERIES", "ArterialPath", "arterial_path",
    "effective_diameter_um", "generations_between", "lodging_diameter_um",
    "lodging_generation", "lodging_position", "passes_shunt", "share_blocked_per_particle",
    # drug
    "BEAD_PRODUCTS", "RELEASE_CONDITIONS", "release_fraction", "release_parameters",
    "drug_concentration", "drug_share_within_um", "penetration_distance_um",
    "steady_concentration", "decay_length_um",
    # family and journey
    "TACE_FAMILY", "Technique", "technique", "COMPARISON_ROWS", "comparison_table",
    "JOURNEY_STAGES", "journey", "TIMELINE", "timeline_events",
    # ischaemia
    "SupplyAfter", "supply_after_embolisation",
]


@dataclass(frozen=True)
class SupplyAfter:
    """Blood supply left to a tissue when part of its hepatic arterial inflow is blocked.

    ``arterial_before`` and ``portal`` are shares of the tissue's normal inflow (0-1);
    ``remaining`` = ``portal + arterial_before * (1 - blocked)``. ``refs`` are reference keys.
    """

    tissue: str
    arterial_before: float
    portal: float
    blocked: float
    remaining: float
    refs: tuple


def supply_after_embolisation(tissue="metastasis", arterial_blocked_fraction=1.0):
    """Share of a tissue's blood inflow left after the hepatic artery to it is blocked.

    Parameters
    ----------
    tissue : {'normal', 'metastasis'}
        Normal liver, or a liver metastasis.
    arterial_blocked_fraction : float
        Share of the arterial inflow that embolisation blocks, 0 to 1.

    Returns
    -------
    SupplyAfter
        For complete blockage the normal liver keeps about 75% of its inflow (the portal vein)
        and a metastasis only about 5%.

    Raises
    ------
    ValueError
        For an unknown tissue or a blocked share outside 0-1.

    Notes
    -----
    :math:`q_{after} = f_{portal} + f_{art}(1 - b)` with the flow shares from
    :func:`netteach.models.liver.supply_fractions`. It ignores the hepatic arterial buffer
    response and the rise in portal supply to a metastasis' rim after the artery is closed
    (Taylor 1978; Haugeberg 1988), which both soften the effect.
    """
    b = check_fraction("arterial_blocked_fraction", arterial_blocked_fraction)
    share = liver.supply_fractions(tissue)
    remaining = share.portal_flow + share.arterial_flow * (1.0 - b)
    return SupplyAfter(tissue, share.arterial_flow, share.portal_flow, b, remaining,
                       tuple(share.refs))
