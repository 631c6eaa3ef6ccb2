"""Vessel definitions of the ten Michels types (private to :mod:`netteach.models.anatomy`).

Each tree is written as rows ``(id, parent, supplies)``; ``supplies`` lists the Couinaud
segments (``'I'`` to ``'VIII'``) and non-target organs that the vessel feeds *directly*
(its branches feed the rest).

Modelling choices (not all verified in our sources; the anatomy dashboard says so):

- The right anterior sectoral branch feeds V and VIII and the posterior one VI and VII; the LHA
  feeds II and III. This follows the portal-pedicle principle; it is not a quoted statement.
- The caudate (I) gets small branches from both the right and the left hepatic artery.
- The segment IV artery arises from the LHA (its commonest origin, Imam 2022); where the LHA is
  replaced, from the replaced LHA.
- The right gastric artery arises from the PHA (commonest, 43%); where the RHA is replaced to the
  SMA, from the LHA (89% in that situation); with no PHA (type IV), from the CHA.
- The hepatic falciform artery (present in about half of people) is drawn from the segment IV
  artery; its origin varies.
- An accessory LHA is drawn feeding part of II and III, and an accessory RHA part of VI and VII;
  which segments an accessory artery feeds varies from person to person.
- Michels VIII is drawn in its first form (replaced RHA with an accessory LHA).
"""

from __future__ import annotations

# (id, parent, directly supplied segments and organs)
_COMMON_TOP = [
    ("aorta", None, ()),
    ("coeliac", "aorta", ()),
    ("LGA", "coeliac", ("stomach",)),
    ("splenic", "coeliac", ("spleen", "pancreas")),
    ("SMA", "aorta", ("bowel", "duodenum", "pancreas")),
]

_GDA = ("GDA", "CHA", ("duodenum", "pancreas", "stomach"))


def _right(parent):
    return [
        (parent, None, ("I",)),  # parent filled in by the caller
        ("right_anterior", parent, ("V", "VIII")),
        ("right_posterior", parent, ("VI", "VII")),
        ("cystic", parent, ("gallbladder",)),
    ]


def _left(parent):
    return [
        (parent, None, ("I", "II", "III")),
        ("segment_4", parent, ("IV",)),
        ("falciform", "segment_4", ("abdominal wall",)),
    ]


def _hook(rows, parent):
    """Set the parent of the first row (the hepatic artery itself)."""
    vid, _, sup = rows[0]
    return [(vid, parent, sup), *rows[1:]]


def rows_for(variant: str) -> list[tuple]:
    """Return the vessel rows of a Michels type (``'michels_1'`` to ``'michels_10'``)."""
    n = int(variant.split("_")[1])
    rows = list(_COMMON_TOP)
    cha_parent = {9: "SMA", 10: "LGA"}.get(n, "coeliac")
    rows.append(("CHA", cha_parent, ()))
    rows.append(_GDA)

    replaced_r = n in (3, 4, 8)
    replaced_l = n in (2, 4)
    if not (replaced_r and replaced_l):
        rows.append(("PHA", "CHA", ()))
    right_id = "replaced_RHA" if replaced_r else "RHA"
    left_id = "replaced_LHA" if replaced_l else "LHA"
    rows += _hook(_right(right_id), "SMA" if replaced_r else "PHA")
    rows += _hook(_left(left_id), "LGA" if replaced_l else "PHA")
    if n in (5, 7, 8):
        rows.append(("accessory_LHA", "LGA", ("II", "III")))
    if n in (6, 7):
        rows.append(("accessory_RHA", "SMA", ("VI", "VII")))

    if replaced_r and replaced_l:
        rga_parent = "CHA"
    elif replaced_r:
        rga_parent = "LHA"
    else:
        rga_parent = "PHA"
    rows.append(("RGA", rga_parent, ("stomach",)))
    return rows
