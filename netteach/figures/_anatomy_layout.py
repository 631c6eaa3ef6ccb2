"""Geometry of the hepatic-artery diagram (private to :mod:`netteach.figures.anatomy`).

A frontal, textbook-style schematic in data units (x 0-12.4, y 0-10.8): the liver with its
Couinaud segments at the top left (the patient's right is on the viewer's left), the aorta in the
middle, the stomach and spleen on the right, the pancreas and duodenum below.
"""

from __future__ import annotations

import numpy as np

XLIM = (-3.4, 12.5)
YLIM = (-0.2, 11.05)


def periodic_spline(t, y, x):
    """Evaluate the periodic cubic spline through ``(t, y)`` at ``x``.

    Parameters
    ----------
    t : ndarray, shape (n + 1,)
        Increasing knots.
    y : ndarray, shape (n + 1, d)
        Values at the knots; ``y[-1]`` equals ``y[0]``.
    x : ndarray
        Where to evaluate, between ``t[0]`` and ``t[-1]``.

    Returns
    -------
    ndarray, shape (len(x), d)

    Notes
    -----
    The curve of ``scipy.interpolate.CubicSpline(t, y, bc_type="periodic")`` (the periodic
    spline with continuous second derivative), with the same slope equations, coefficients and
    evaluation order, solved here with numpy for the few knots of an outline so that drawing
    the diagram does not import ``scipy.interpolate`` (about 40 MB in a dashboard kernel).
    """
    dx = np.diff(t)[:, None]
    n = dx.shape[0]
    slope = np.diff(y, axis=0) / dx
    k = np.arange(n)
    before, after = (k - 1) % n, (k + 1) % n      # intervals/knots on either side (cyclic)
    a = np.zeros((n, n))
    a[k, k] = 2.0 * (dx[before, 0] + dx[k, 0])
    a[k, after] += dx[before, 0]
    a[k, before] += dx[k, 0]
    s = np.linalg.solve(a, 3.0 * (dx[k] * slope[before] + dx[before] * slope[k]))
    s = np.vstack([s, s[:1]])                      # slopes at the knots
    c2 = s[:-1]
    tt = (s[:-1] + s[1:] - 2.0 * slope) / dx
    c0, c1 = tt / dx, (slope - s[:-1]) / dx - tt
    i = np.clip(np.searchsorted(t, x, side="right") - 1, 0, n - 1)
    z = (x - t[i])[:, None]
    return y[i] + c2[i] * z + c1[i] * (z * z) + c0[i] * (z * z * z)


def smooth_closed(points, n=200):
    """A smooth closed curve through ``points`` (periodic cubic spline)."""
    p = np.asarray(points, float)
    p = np.vstack([p, p[:1]])
    t = np.r_[0, np.cumsum(np.hypot(*np.diff(p, axis=0).T))]
    return periodic_spline(t, p, np.linspace(0, t[-1], n))


LIVER_OUTLINE = smooth_closed([
    (0.5, 6.5), (0.35, 7.9), (0.9, 9.1), (2.0, 9.75), (3.6, 9.9), (5.2, 9.75), (6.6, 9.35),
    (7.75, 8.7), (7.9, 8.15), (7.3, 7.45), (6.1, 6.7), (4.9, 6.0), (3.6, 5.7), (2.1, 5.75),
    (1.1, 6.05)])

# Couinaud segments as boxes, clipped to the liver outline; label positions.
SEGMENT_BOXES = {
    "VII": (-1, 8.0, 3.1, 11), "VI": (-1, 4.0, 3.1, 8.0),
    "VIII": (2.1, 8.0, 4.15, 11), "V": (2.1, 4.0, 4.15, 8.0),
    "IV": (4.15, 4.0, 5.55, 11),
    "II": (5.55, 8.1, 9, 11), "III": (5.55, 4.0, 9, 8.1),
}
SEGMENT_LABELS = {
    "VII": (1.15, 8.9), "VI": (1.0, 6.65), "VIII": (3.35, 9.15), "V": (2.55, 7.35),
    "IV": (4.6, 9.15), "II": (6.45, 9.0), "III": (7.2, 7.95), "I": (3.98, 6.95),
}
CAUDATE = dict(xy=(3.98, 6.95), width=1.05, height=0.62)
FISSURE = [(5.55, 9.85), (5.55, 6.6)]   # falciform ligament / umbilical fissure line

# Organ shapes (closed outlines) and label positions.
ORGANS = {
    "stomach": smooth_closed([(9.5, 9.0), (10.7, 8.6), (11.05, 7.3), (10.6, 5.9), (9.7, 5.0),
                              (8.5, 4.8), (8.0, 5.25), (8.7, 5.75), (9.15, 6.6), (9.05, 7.8),
                              (8.95, 8.6)]),
    "spleen": smooth_closed([(11.35, 4.2), (11.95, 4.6), (12.15, 5.6), (11.85, 6.5),
                             (11.45, 6.2), (11.3, 5.3)]),
    "pancreas": smooth_closed([(4.75, 2.35), (5.9, 2.5), (6.8, 3.0), (8.6, 3.3), (10.3, 3.7),
                               (11.0, 4.05), (10.2, 4.05), (8.4, 3.8), (6.7, 3.7), (5.6, 3.6),
                               (4.8, 3.2)]),
    "duodenum": smooth_closed([(5.55, 4.45), (4.55, 4.35), (3.95, 3.5), (4.05, 2.2),
                               (5.0, 1.55), (6.3, 1.7), (6.3, 2.05), (5.1, 2.0), (4.55, 2.5),
                               (4.5, 3.4), (4.85, 3.95), (5.6, 4.05)]),
    "gallbladder": smooth_closed([(3.55, 5.95), (3.35, 5.25), (2.95, 4.95), (2.65, 5.15),
                                  (2.85, 5.8)]),
    "abdominal wall": np.array([(4.25, 10.2), (8.75, 10.2), (8.75, 10.85), (4.25, 10.85)]),
    "bowel": smooth_closed([(7.9, 0.2), (10.6, 0.2), (10.9, 1.0), (10.4, 1.7), (8.4, 1.7),
                            (7.8, 1.0)]),
}
ORGAN_LABELS = {
    "stomach": ("Stomach", (10.0, 7.3)), "spleen": ("Spleen", (11.8, 6.95)),
    "pancreas": ("Pancreas", (9.3, 3.1)), "duodenum": ("Duodenum", (4.6, 1.15)),
    "gallbladder": ("Gallbladder", (2.2, 4.75)),
    "abdominal wall": ("Skin of the abdominal wall", (6.5, 10.52)),
    "bowel": ("Small bowel", (9.35, 0.95)),
}

# --- arteries ---------------------------------------------------------------------------------
AORTA_TOP, AORTA_BOTTOM = (7.0, 5.15), (7.0, 0.05)
T = (7.3, 4.5)      # coeliac trifurcation
B = (5.35, 4.5)     # CHA bifurcation into GDA and PHA
H = (4.45, 5.75)    # liver hilum
R = (3.4, 6.35)     # right hepatic artery division
L1 = (5.05, 6.3)    # segment IV artery origin on the LHA
L2 = (5.95, 7.0)   # left hepatic artery division (II, III)
S = (7.28, 2.75)    # SMA just beyond its origin

_RIGHT_BRANCHES = {
    "right_anterior": [[R, (3.55, 7.45), (3.3, 8.55)]],
    "right_posterior": [[R, (2.35, 6.85), (1.45, 7.75)]],
    "cystic": [[(3.75, 6.15), (3.4, 5.75), (3.1, 5.4)]],
}
_LEFT_TWIGS = [[L2, (6.4, 8.5)], [L2, (6.75, 7.45)]]

# (vessel, parent) -> polylines; (vessel, None) is used when no parent-specific path exists.
PATHS = {
    ("aorta", None): [[AORTA_TOP, AORTA_BOTTOM]],
    ("coeliac", None): [[(7.0, 4.15), T]],
    ("LGA", None): [[T, (7.75, 5.1), (8.45, 5.6), (8.9, 6.5)]],
    ("splenic", None): [[T, (8.6, 4.35), (9.9, 4.5), (11.3, 4.95)]],
    ("SMA", None): [[(7.0, 3.15), S, (7.35, 1.6), (8.1, 1.0)]],
    ("CHA", "coeliac"): [[T, (6.3, 4.55), B]],
    ("CHA", "SMA"): [[S, (6.45, 3.55), B]],
    ("CHA", "LGA"): [[(7.5, 4.77), (6.4, 4.65), B]],
    ("GDA", None): [[B, (5.35, 3.6), (5.2, 2.55)]],
    ("PHA", None): [[B, (4.95, 5.05), H]],
    ("RHA", None): [[H, (3.95, 5.95), R], [(3.95, 5.95), (3.9, 6.75)]],
    ("replaced_RHA", None): [[S, (5.8, 2.25), (4.15, 2.05), (3.75, 3.4), (3.55, 5.2), R],
                             [(3.55, 5.75), (3.85, 6.75)]],
    ("accessory_RHA", None): [[S, (5.8, 2.15), (3.0, 1.95), (2.2, 4.1), (1.75, 6.2),
                               (1.25, 6.9)]],
    ("LHA", None): [[H, L1, L2], *_LEFT_TWIGS, [(4.75, 6.1), (4.2, 6.75)]],
    ("replaced_LHA", None): [[(8.45, 5.6), (7.35, 6.3), L2], *_LEFT_TWIGS,
                             [(6.7, 6.75), (5.3, 6.55), (4.3, 6.8)]],
    ("accessory_LHA", None): [[(8.15, 5.37), (7.75, 6.7), (7.2, 7.5)]],
    ("segment_4", "LHA"): [[L1, (4.8, 7.55), (4.75, 8.65)]],
    ("segment_4", "replaced_LHA"): [[L2, (5.2, 7.65), (4.8, 8.65)]],
    ("falciform", None): [[(4.78, 8.1), (5.55, 8.45), (5.55, 10.2)]],
    ("RGA", "PHA"): [[(4.9, 5.1), (6.4, 5.35), (8.1, 5.15)]],
    ("RGA", "LHA"): [[(5.6, 6.72), (6.9, 6.0), (8.1, 5.2)]],
    ("RGA", "CHA"): [[(6.1, 4.53), (6.8, 4.95), (8.1, 5.15)]],
    ("RGA", "GDA"): [[(5.35, 3.9), (6.5, 4.1), (7.6, 4.75), (8.2, 5.0)]],
    ("RGA", "RHA"): [[(4.1, 5.9), (5.4, 5.65), (6.6, 5.5), (8.1, 5.2)]],
    ("RGA", "replaced_RHA"): [[(3.7, 4.3), (5.0, 4.95), (6.6, 5.45), (8.1, 5.2)]],
    ("RGA", "replaced_LHA"): [[(7.35, 6.3), (7.8, 5.7), (8.1, 5.2)]],
    **{(k, None): v for k, v in _RIGHT_BRANCHES.items()},
}

# Labels: vessel -> (text, x, y, horizontal alignment). Placed beside the vessel.
LABELS = {
    "aorta": ("Aorta", 6.8, 0.35, "right"), "coeliac": ("Coeliac\ntrunk", 7.15, 3.75, "left"),
    "LGA": ("LGA", 9.0, 5.75, "left"), "splenic": ("Splenic a.", 9.9, 4.72, "center"),
    "SMA": ("SMA", 7.45, 2.2, "left"), "CHA": ("CHA", 6.3, 4.8, "center"),
    "GDA": ("GDA", 5.5, 3.3, "left"), "PHA": ("PHA", 5.05, 5.3, "left"),
    "RHA": ("RHA", 3.25, 6.05, "right"), "LHA": ("LHA", 5.6, 6.45, "left"),
    "replaced_RHA": ("Replaced RHA\n(from the SMA)", 3.5, 3.0, "right"),
    "replaced_LHA": ("Replaced LHA\n(from the LGA)", 7.45, 6.6, "left"),
    "accessory_RHA": ("Accessory RHA\n(from the SMA)", 2.05, 3.0, "right"),
    "accessory_LHA": ("Acc. LHA", 7.95, 6.95, "left"),
    "segment_4": ("Segment IV a.", 4.65, 7.75, "right"),
    "cystic": ("Cystic a.", 2.5, 5.45, "right"),
    "RGA": ("RGA", 6.4, 5.62, "center"), "falciform": ("Falciform a.", 5.7, 9.5, "left"),
    "right_anterior": ("", 0, 0, "left"), "right_posterior": ("", 0, 0, "left"),
}

# Line widths by vessel, roughly following calibre.
WIDTHS = {"aorta": 16, "coeliac": 7, "SMA": 7, "CHA": 6, "splenic": 5, "LGA": 4.5, "GDA": 4.5,
          "PHA": 5, "RHA": 4.5, "LHA": 4.5, "replaced_RHA": 4.5, "replaced_LHA": 4.5,
          "accessory_RHA": 3.5, "accessory_LHA": 3.5}
DEFAULT_WIDTH = 3.0


def paths_for(vessel_id, parent_id):
    """Polylines of one vessel given its parent in the tree being drawn."""
    return PATHS.get((vessel_id, parent_id)) or PATHS[(vessel_id, None)]


def origin_point(vessel_id, parent_id):
    """Where a vessel leaves its parent (first point of its first polyline)."""
    return paths_for(vessel_id, parent_id)[0][0]


def tip_point(vessel_id, parent_id, fraction=0.4):
    """A point ``fraction`` of the way along the vessel's first polyline (catheter tip: 40%)."""
    line = np.asarray(paths_for(vessel_id, parent_id)[0], float)
    seg = np.hypot(*np.diff(line, axis=0).T)
    target = fraction * seg.sum()
    acc = 0.0
    for i, s in enumerate(seg):
        if acc + s >= target:
            f = (target - acc) / s if s else 0.0
            return tuple(line[i] + f * (line[i + 1] - line[i]))
        acc += s
    return tuple(line[-1])


def _until(line, point):
    """The part of polyline ``line`` from its start to the point nearest ``point``."""
    arr = np.asarray(line, float)
    p = np.asarray(point, float)
    best = (np.inf, 0, arr[0])
    for i in range(len(arr) - 1):
        a, b = arr[i], arr[i + 1]
        d = b - a
        t = 0.0 if not d.any() else float(np.clip(np.dot(p - a, d) / np.dot(d, d), 0, 1))
        q = a + t * d
        dist = float(np.hypot(*(p - q)))
        if dist < best[0]:
            best = (dist, i, q)
    _, i, q = best
    return [tuple(x) for x in arr[: i + 1]] + [tuple(q)]


def route_to(vessel_id, parent_id, child=None):
    """Where the catheter runs inside one vessel.

    In the vessel holding the tip (``child`` is None) it runs from the origin to the tip point;
    in a vessel upstream of the tip it runs from the origin to where ``child`` leaves it.
    """
    line = [tuple(p) for p in paths_for(vessel_id, parent_id)[0]]
    if child is None:
        return _until(line, tip_point(vessel_id, parent_id))
    return _until(line, origin_point(*child))
