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
