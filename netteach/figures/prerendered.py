"""Figures that never change, drawn once by the course's own code and shipped as PNG files.

A kernel that shows only such a figure need not import matplotlib at all: the landing page,
which a whole class opens at once, runs its notebook in 0.12 s instead of 0.85 s, and its
kernel uses 58 MB instead of 109 MB (make bench, 2026-11-27).
``tools/prerender_figures.py`` writes the files; ``tests/test_prerendered.py`` fails
when a shipped file no longer matches what its drawing function draws today.
"""

from __future__ import annotations

import importlib
from importlib import resources

__all__ = ["PRERENDERED", "OVERVIEW_ALT", "prerendered_png", "render_fresh"]

OVERVIEW_ALT = ("Three schematic pictures of a tumour in the liver. Left, embolisation: a catheter "
                "in the artery releases beads that block the small arteries feeding the tumour. "
                "Middle, SIRT: tiny radioactive microspheres lodge inside the tumour and irradiate "
                "it from within. Right, radiofrequency ablation: a needle pushed into the tumour "
                "heats a zone around its tip until the cells die.")

# name -> (module, drawing function). Each function takes ax=None and returns {"figure": fig}.
PRERENDERED = {
    "overview": ("netteach.figures.course", "draw_three_treatments"),
}


def _check(name: str) -> None:
    if name not in PRERENDERED:
        raise ValueError(f"name={name!r} is not a prerendered figure; valid names are "
                         f"{sorted(PRERENDERED)}")


def prerendered_png(name: str) -> bytes:
    """The shipped PNG of figure ``name`` (see :data:`PRERENDERED`)."""
    _check(name)
    return (resources.files("netteach") / "data" / "figures" / f"{name}.png").read_bytes()


def render_fresh(name: str) -> bytes:
    """Draw figure ``name`` now with its drawing function and return the PNG bytes."""
    _check(name)
    from .style import figure_to_png

    module, function = PRERENDERED[name]
    drawn = getattr(importlib.import_module(module), function)()
    return figure_to_png(drawn["figure"])
