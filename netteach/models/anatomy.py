"""Hepatic arterial anatomy: Michels variants, the arterial tree and where an injection goes.

An agent injected through a catheter flows downstream: into the vessel the tip sits in and into
every branch beyond it, unless a branch has been closed with a coil. :func:`perfused_territory`
follows the tree from the catheter tip and collects the Couinaud segments (``'I'`` to ``'VIII'``)
and the organs outside the liver (non-target organs) that the agent reaches.

Pure numpy-free Python; no plotting here. For teaching only, not for clinical decisions.

References
----------
Hiatt JR et al. Ann Surg 1994;220:50-52 (``hiatt_1994``); Michels classification as summarised by
Coco & Leanza (``coco_leanza_michels``); Borggreve AS et al. CVIR 2016;39:696-704
(``borggreve_2016``). Full list in ``netteach/data/references/anatomy.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType

from ..constants import anatomy as C
from ..validation import check_choice
from ._anatomy_trees import rows_for

__all__ = [
    "SEGMENTS", "NON_TARGET_ORGANS", "VESSEL_NAMES", "VARIANTS", "Variant", "Vessel",
    "ArterialTree", "Territory", "arterial_tree", "perfused_territory", "catheter_positions",
    "NON_TARGET_EFFECTS",
]

SEGMENTS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII")
"""Couinaud segments, in order."""

NON_TARGET_ORGANS = ("stomach", "duodenum", "pancreas", "gallbladder", "abdominal wall",
                     "spleen", "bowel")
"""Organs outside the liver that an injection can reach. The last two are reached only from a
catheter in the coeliac trunk, splenic artery or SMA, which are never injection sites."""

VESSEL_NAMES = MappingProxyType({
    "aorta": "Abdominal aorta",
    "coeliac": "Coeliac trunk",
    "LGA": "Left gastric artery",
    "splenic": "Splenic artery",
    "SMA": "Superior mesenteric artery",
    "CHA": "Common hepatic artery",
    "GDA": "Gastroduodenal artery",
    "PHA": "Proper hepatic artery",
    "RHA": "Right hepatic artery",
    "LHA": "Left hepatic artery",
    "replaced_RHA": "Replaced right hepatic artery",
    "replaced_LHA": "Replaced left hepatic artery",
    "accessory_RHA": "Accessory right hepatic artery",
    "accessory_LHA": "Accessory left hepatic artery",
    "right_anterior": "Right anterior branch (to V and VIII)",
    "right_posterior": "Right posterior branch (to VI and VII)",
    "segment_4": "Segment IV artery",
    "cystic": "Cystic artery",
    "RGA": "Right gastric artery",
    "falciform": "Hepatic falciform artery",
})
"""Plain names of every vessel id used by any tree."""

_DIAMETERS = {
    False: {"aorta": C.AORTA_DIAMETER_MM, "coeliac": C.COELIAC_DIAMETER_MM,
            "CHA": C.CHA_DIAMETER_MM, "PHA": C.PHA_DIAMETER_MM, "RHA": C.RHA_DIAMETER_MM,
            "LHA": C.LHA_DIAMETER_MM},
    True: {"aorta": C.AORTA_VARIANT_DIAMETER_MM, "coeliac": C.COELIAC_VARIANT_DIAMETER_MM,
           "CHA": C.CHA_VARIANT_DIAMETER_MM, "PHA": C.PHA_VARIANT_DIAMETER_MM,
           "RHA": C.RHA_VARIANT_DIAMETER_MM, "LHA": C.LHA_VARIANT_DIAMETER_MM},
}


@dataclass(frozen=True)
class Variant:
    """One Michels type: what it is and how often series have found it."""

    id: str
    number: int
    roman: str
    name: str
    description: str
    frequencies: tuple  # of constants.anatomy.ReportedFrequency

    @property
    def refs(self) -> tuple[str, ...]:
        """Reference keys of every reported frequency (without repeats)."""
        return tuple(dict.fromkeys(f.percent.ref for f in self.frequencies))

    def spread_percent(self) -> tuple[float, float]:
        """Lowest and highest frequency reported for exactly this type, in %.

        Figures that count a group of types together (Hiatt's classes) are left out.
        """
        vals = []
        for f in self.frequencies:
            if f.grouping:
                continue
            vals += [float(v) for v in (f.percent, f.low, f.high) if v is not None]
        return (min(vals), max(vals))


_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X")
_VARIANT_TEXT = (
    ("Standard anatomy",
     "The common hepatic artery comes off the coeliac trunk and divides into the "
     "gastroduodenal and proper hepatic arteries; the proper hepatic artery divides into the "
     "right and left hepatic arteries."),
    ("Replaced left hepatic artery",
     "The whole left hepatic artery comes from the left gastric artery instead of the proper "
     "hepatic artery."),
    ("Replaced right hepatic artery",
     "The whole right hepatic artery comes from the superior mesenteric artery (SMA)."),
    ("Replaced right and left hepatic arteries",
     "Both hepatic arteries are replaced: the right from the SMA and the left from the left "
     "gastric artery."),
    ("Accessory left hepatic artery",
     "A normal left hepatic artery plus an extra (accessory) one from the left gastric artery."),
    ("Accessory right hepatic artery",
     "A normal right hepatic artery plus an extra (accessory) one from the SMA."),
    ("Accessory right and left hepatic arteries",
     "Both an accessory right hepatic artery (from the SMA) and an accessory left hepatic "
     "artery (from the left gastric artery)."),
    ("Replaced and accessory",
     "A replaced right hepatic artery with an accessory left hepatic artery (drawn here), or a "
     "replaced left with an accessory right."),
    ("Hepatic trunk from the SMA",
     "The whole common hepatic artery comes from the superior mesenteric artery."),
    ("Hepatic trunk from the left gastric artery",
     "The whole common hepatic artery comes from the left gastric artery."),
)

VARIANTS = MappingProxyType({
    f"michels_{i + 1}": Variant(
        id=f"michels_{i + 1}", number=i + 1, roman=_ROMAN[i], name=_VARIANT_TEXT[i][0],
        description=_VARIANT_TEXT[i][1],
        frequencies=C.REPORTED_FREQUENCIES[f"michels_{i + 1}"])
    for i in range(10)
})
"""Michels types I to X by id (``'michels_1'`` ... ``'michels_10'``)."""


@dataclass(frozen=True)
class Vessel:
    """One artery of a tree.

    ``diameter_mm`` is a CT mean (Bilir) where the reference file gives one, else ``None``.
    ``supplies`` holds the segments and organs this vessel feeds directly (not via branches).
    """

    id: str
    name: str
    parent: str | None
    diameter_mm: float | None
    supplies: frozenset


@dataclass(frozen=True)
class ArterialTree:
    """The arteries of one Michels type, as a tree rooted at the aorta."""

    variant: str
    vessels: MappingProxyType
    _children: MappingProxyType = field(repr=False, compare=False)

    def __contains__(self, vessel_id) -> bool:
        return vessel_id in self.vessels

    @property
    def ids(self) -> tuple[str, ...]:
        """Vessel ids in tree order (parents before children)."""
        return tuple(self.vessels)

    def children(self, vessel_id: str) -> tuple[str, ...]:
        """Direct branches of a vessel."""
        self.check_vessel(vessel_id)
        return self._children[vessel_id]

    def descendants(self, vessel_id: str) -> tuple[str, ...]:
        """Every vessel downstream of ``vessel_id`` (not itself), parents first."""
        out, stack = [], list(reversed(self.children(vessel_id)))
        while stack:
            v = stack.pop()
            out.append(v)
            stack.extend(reversed(self._children[v]))
        return tuple(out)

    def ancestors(self, vessel_id: str) -> tuple[str, ...]:
        """Vessels upstream of ``vessel_id``, nearest first, ending at the aorta."""
        self.check_vessel(vessel_id)
        out, p = [], self.vessels[vessel_id].parent
        while p is not None:
            out.append(p)
            p = self.vessels[p].parent
        return tuple(out)

    def check_vessel(self, vessel_id, name="vessel"):
        """Raise ``ValueError`` listing the valid ids if ``vessel_id`` is not in this tree."""
        return check_choice(name, vessel_id, self.vessels)


def _build(variant: str, rows) -> ArterialTree:
    diam = _DIAMETERS[variant != "michels_1"]
    vessels, children = {}, {}
    for vid, parent, supplies in rows:
        vessels[vid] = Vessel(vid, VESSEL_NAMES[vid], parent, diam.get(vid), frozenset(supplies))
        children[vid] = []
        if parent is not None:
            children[parent].append(vid)
    return ArterialTree(variant, MappingProxyType(vessels),
                        MappingProxyType({k: tuple(v) for k, v in children.items()}))


_RGA_PARENTS = ("CHA", "GDA", "PHA", "RHA", "LHA", "replaced_RHA", "replaced_LHA")


def arterial_tree(variant: str = "michels_1", *, rga_from: str | None = None) -> ArterialTree:
    """Return the arterial tree of a Michels type.

    Parameters
    ----------
    variant : str
        ``'michels_1'`` (standard anatomy, the default) to ``'michels_10'``.
    rga_from : str, optional
        Where the right gastric artery (RGA) arises. By default its commonest origin in that tree:
        the PHA (43% in 154 angiograms), or the LHA when the RHA is replaced (89%).

    Returns
    -------
    ArterialTree
        Vessels with parent, diameter in mm (CT means, where known) and direct supply.

    Raises
    ------
    ValueError
        If ``variant`` or ``rga_from`` is not a valid id; the message lists the valid ids.

    References
    ----------
    Michels types: ``coco_leanza_michels``, ``radiopaedia_michels``. RGA origin:
    ``korean_rga_1997``. Diameters: ``bilir_mdct``.
    """
    check_choice("variant", variant, VARIANTS)
    rows = rows_for(variant)
    if rga_from is not None:
        present = [v for v in _RGA_PARENTS if any(r[0] == v for r in rows)]
        check_choice("rga_from", rga_from, present)
        rows = [r for r in rows if r[0] != "RGA"] + [("RGA", rga_from, ("stomach",))]
    return _build(variant, rows)


@dataclass(frozen=True)
class Territory:
    """Where an injection from the catheter tip goes.

    ``segments``: Couinaud segments reached. ``non_target``: organs outside the liver reached.
    ``shared_segments``: reached segments that are also fed by an artery the injection does
    not enter (so only part of them is treated). ``routes``: organ -> vessels carrying the agent
    there. ``reached``: vessels the agent enters. ``blocked``: vessels cut off by a coil.
    ``ignored_coils``: coils at or upstream of the tip, which do not change where the agent goes.
    """

    catheter_at: str
    coiled: frozenset
    segments: frozenset
    non_target: frozenset
    shared_segments: frozenset
    routes: MappingProxyType
    reached: frozenset
    blocked: frozenset
    ignored_coils: frozenset


def _check_coils(tree, coiled):
    if isinstance(coiled, str):
        coiled = (coiled,)
    try:
        items = tuple(coiled)
    except TypeError:
        raise ValueError(f"coiled must be a collection of vessel ids; got {coiled!r}") from None
    for v in items:
        tree.check_vessel(v, "coiled")
    return frozenset(items)


def perfused_territory(tree: ArterialTree, catheter_at: str, coiled=()) -> Territory:
    """Follow an injection from the catheter tip downstream and report what it reaches.

    Parameters
    ----------
    tree : ArterialTree
        From :func:`arterial_tree`.
    catheter_at : str
        Vessel id of the catheter tip, e.g. ``'CHA'``, ``'RHA'``.
    coiled : iterable of str
        Vessels closed with a coil at their origin. A coil downstream of the tip stops the agent
        entering that vessel and everything beyond it. Coils at or upstream of the tip do not
        change where the agent goes (they are listed in ``ignored_coils``).

    Returns
    -------
    Territory

    Raises
    ------
    ValueError
        If ``tree`` is not an :class:`ArterialTree`, or a vessel id is not in the tree (the
        message lists the valid ids).

    Notes
    -----
    The agent is assumed to follow blood flow only forwards (no reflux); every vessel beyond the
    tip that is not behind a coil is reached. A segment is "shared" when another artery that the
    injection does not enter also feeds it (for example the caudate, fed from both sides).
    """
    if not isinstance(tree, ArterialTree):
        raise ValueError(f"tree must be an ArterialTree from arterial_tree(); got {tree!r}")
    tree.check_vessel(catheter_at, "catheter_at")
    coils = _check_coils(tree, coiled)
    upstream = set(tree.ancestors(catheter_at)) | {catheter_at}
    ignored = frozenset(coils & upstream)
    active = coils - ignored

    reached, blocked, stack = [], set(), [catheter_at]
    while stack:
        v = stack.pop()
        if v in active or tree.vessels[v].parent in blocked:
            blocked.add(v)
        else:
            reached.append(v)
        stack.extend(tree._children[v])

    segs, routes = set(), {}
    for v in reached:
        for s in tree.vessels[v].supplies:
            if s in SEGMENTS:
                segs.add(s)
            else:
                path = [v]
                while path[-1] != catheter_at:
                    path.append(tree.vessels[path[-1]].parent)
                routes.setdefault(s, []).append(tuple(reversed(path)))
    reached_set = frozenset(reached)
    elsewhere = set()
    for v, vessel in tree.vessels.items():
        if v not in reached_set:
            elsewhere |= vessel.supplies
    return Territory(
        catheter_at=catheter_at, coiled=frozenset(active), segments=frozenset(segs),
        non_target=frozenset(routes), shared_segments=frozenset(segs & elsewhere),
        routes=MappingProxyType({k: tuple(v) for k, v in routes.items()}),
        reached=reached_set, blocked=frozenset(blocked), ignored_coils=ignored)


def catheter_positions(tree: ArterialTree) -> tuple[str, ...]:
    """Vessels a catheter tip can sensibly sit in to treat the liver, in tree order.

    Every vessel from which an injection reaches at least one liver segment, except the aorta
    and the superior mesenteric artery (injecting there would flood the bowel).
    """
    if not isinstance(tree, ArterialTree):
        raise ValueError(f"tree must be an ArterialTree from arterial_tree(); got {tree!r}")
    out = []
    for v in tree.ids:
        if v in ("aorta", "SMA"):
            continue
        if perfused_territory(tree, v).segments:
            out.append(v)
    return tuple(out)


NON_TARGET_EFFECTS = MappingProxyType({
    "stomach": ("Stomach lining injury and ulcers (gastric ulceration).", "V", "korean_rga_1997"),
    "duodenum": ("Duodenal ulcer or bleeding.", "U", "debdox_complications_2011"),
    "pancreas": ("Inflammation of the pancreas (pancreatitis).", "U",
                 "debdox_complications_2011"),
    "gallbladder": ("Inflammation of the gallbladder from loss of its blood supply "
                    "(ischaemic cholecystitis).", "V", "debdox_complications_2011"),
    "abdominal wall": ("Pain or a rash in the skin above the navel.", "U", "chung_2006"),
    "spleen": ("Damage to the spleen (splenic infarction).", "U", "hiatt_1994"),
    "bowel": ("Injury to the small bowel.", "U", "hiatt_1994"),
})
"""Organ -> (plain consequence, status, reference key). Status ``'U'`` marks consequences our
sources did not state as quoted text: the dashboard presents them as the expected mechanism."""
