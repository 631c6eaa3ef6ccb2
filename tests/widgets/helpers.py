"""Helpers shared by the widget tests."""

from __future__ import annotations


def all_html(box) -> str:
    """Every string ``value`` in a widget tree (HTML, labels, text), joined: what a panel says."""
    out = []

    def walk(wd):
        if hasattr(wd, "value") and isinstance(wd.value, str):
            out.append(wd.value)
        for c in getattr(wd, "children", ()):
            walk(c)

    walk(box)
    return " ".join(out)


def fast_render_matches_full(pane, tolerance: float = 0.002) -> bool:
    """Whether a pane's cached-background rendering shows what a full redraw shows.

    Fewer than ``tolerance`` of the pixels may differ (antialiasing where moving artists cross
    static ones).
    """
    import base64
    import io
    import re

    import numpy as np
    from PIL import Image

    data = re.search(r"base64,([^\"]+)\"", pane.widget.value).group(1)
    fast = np.asarray(Image.open(io.BytesIO(base64.b64decode(data))).convert("RGB"), float)
    for a in pane.animated:
        a.set_animated(False)
    pane.fig.canvas.draw()
    full = np.asarray(pane.fig.canvas.buffer_rgba())[..., :3].astype(float)
    for a in pane.animated:
        a.set_animated(True)
    return fast.shape == full.shape and np.mean(np.abs(fast - full).max(-1) > 8) < tolerance
