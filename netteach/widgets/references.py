"""The reference list shown at the end of each dashboard."""

from __future__ import annotations

import ipywidgets as w

from ..references import reference_list_html, topic_keys
from .layout import panel

__all__ = ["build_references_panel"]


def build_references_panel(*topics: str, keys=(), title: str = "Full citations"):
    """The full citations of the given topics' reference files, plus any extra ``keys``."""
    all_keys = list(dict.fromkeys([*topic_keys(*topics), *keys]))
    return panel(title, w.HTML(reference_list_html(all_keys)), css_name="references")
