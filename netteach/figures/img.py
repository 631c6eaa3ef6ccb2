"""An ``<img>`` element for a PNG, with its text description. Needs no matplotlib."""

from __future__ import annotations

import base64
import html

__all__ = ["png_img_html"]


def png_img_html(png: bytes, alt: str) -> str:
    """Return an ``<img>`` element showing the PNG bytes ``png``, with ``alt`` as its text
    description (read by screen readers)."""
    data = base64.b64encode(png).decode("ascii")
    return (f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt, quote=True)}" '
            f'style="max-width:100%;height:auto;display:block" />')
