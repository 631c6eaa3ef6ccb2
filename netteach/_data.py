"""Load the TOML data files packaged in ``netteach/data``."""

from __future__ import annotations

import tomllib
from functools import cache
from importlib import resources


@cache
def load_folder(folder: str) -> dict[str, dict]:
    """Return ``{file stem: parsed TOML}`` for every ``*.toml`` file in ``netteach/data/folder``."""
    out = {}
    base = resources.files("netteach").joinpath("data", folder)
    if not base.is_dir():
        return out
    for entry in sorted(base.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".toml"):
            out[entry.name[:-5]] = tomllib.loads(entry.read_text(encoding="utf-8"))
    return out


@cache
def css_text(name: str) -> str:
    """The text of the stylesheet ``netteach/data/css/<name>``."""
    return resources.files("netteach").joinpath("data", "css", name).read_text(encoding="utf-8")


def style_tag(name: str) -> str:
    """The stylesheet ``netteach/data/css/<name>`` wrapped in a ``<style>`` element."""
    return f"<style>\n{css_text(name)}</style>\n"
