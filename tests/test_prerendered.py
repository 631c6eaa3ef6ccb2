"""Figures shipped drawn (netteach.figures.prerendered) must match what their code draws today."""

from __future__ import annotations

import io

import numpy as np
import pytest
from PIL import Image

from netteach.figures.prerendered import PRERENDERED, prerendered_png, render_fresh


def _pixels(png: bytes) -> np.ndarray:
    return np.asarray(Image.open(io.BytesIO(png)).convert("RGB"), dtype=np.int16)


@pytest.mark.parametrize("name", sorted(PRERENDERED))
def test_shipped_png_matches_a_fresh_drawing(name):
    shipped, fresh = _pixels(prerendered_png(name)), _pixels(render_fresh(name))
    assert shipped.shape == fresh.shape, (
        f"{name}.png is out of date: run .venv/bin/python tools/prerender_figures.py")
    # Same pinned matplotlib and fonts: the pixels are identical; allow a few anti-aliasing
    # differences should a patch release move an edge by a pixel.
    differ = np.abs(shipped - fresh).max(axis=2) > 8
    assert differ.mean() < 1e-3, (
        f"{name}.png differs from its drawing in {differ.mean():.2%} of pixels: run "
        ".venv/bin/python tools/prerender_figures.py")


def test_landing_page_shows_the_shipped_picture_with_its_description():
    from netteach.figures.prerendered import OVERVIEW_ALT
    from netteach.widgets import start

    html = start.build_overview_panel().children[1].value
    assert 'alt="Three schematic pictures' in html and "data:image/png;base64," in html
    assert "radiofrequency ablation" in OVERVIEW_ALT


def test_unknown_name_is_refused_naming_the_valid_ones():
    with pytest.raises(ValueError, match=r"name='liver'.*overview"):
        prerendered_png("liver")
    with pytest.raises(ValueError, match="name="):
        render_fresh("")
