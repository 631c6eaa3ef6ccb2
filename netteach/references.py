"""Citations: every reference key used by constants, docstrings and notebooks resolves here.

The citations live in ``netteach/data/references/<topic>.toml``, one table per key::

    [ho_1996]
    citation = "Ho S, Lau WY, ... Eur J Nucl Med 1996;23(8):947-952."
    url = "https://doi.org/..."      # optional
"""

from __future__ import annotations

import html

from ._data import load_folder

__all__ = ["all_references", "duplicate_keys", "citation", "topic_keys", "reference_list",
           "reference_list_html"]


def all_references() -> dict[str, dict]:
    """Return ``{key: {"citation": ..., "url": ..., "topic": ...}}`` for every reference."""
    out: dict[str, dict] = {}
    for topic, table in load_folder("references").items():
        for key, entry in table.items():
            if key in out:  # defined once only: tests/test_platform.py reports repeats
                continue
            out[key] = {**entry, "topic": topic}
    return out


def duplicate_keys() -> list[tuple[str, str, str]]:
    """Keys defined in more than one file: ``(key, first topic, second topic)``."""
    first: dict[str, str] = {}
    dups = []
    for topic, table in load_folder("references").items():
        for key in table:
            if key in first:
                dups.append((key, first[key], topic))
            else:
                first[key] = topic
    return dups


def citation(key: str) -> str:
    """Return the full citation for ``key``; an unknown key raises ``ValueError``."""
    refs = all_references()
    if key not in refs:
        raise ValueError(f"key must be a known reference key; got {key!r}")
    entry = refs[key]
    url = entry.get("url")
    return entry["citation"] + (f" {url}" if url else "")


def topic_keys(*topics: str) -> list[str]:
    """Return the reference keys defined in the given topic files, in file order."""
    return [k for k, e in all_references().items() if e["topic"] in topics]


def reference_list(keys) -> list[str]:
    """Return the formatted citations for ``keys``, in the order given, without repeats."""
    seen = []
    for k in keys:
        if k not in seen:
            seen.append(k)
    return [citation(k) for k in seen]


def reference_list_html(keys) -> str:
    """Return an HTML ordered list of the citations for ``keys`` (links are clickable)."""
    refs = all_references()
    items = []
    for k in dict.fromkeys(keys):
        if k not in refs:
            raise ValueError(f"key must be a known reference key; got {k!r}")
        e = refs[k]
        text = html.escape(e["citation"])
        url = e.get("url")
        if url:
            u = html.escape(url)
            text += f' <a href="{u}" target="_blank" rel="noopener">{u}</a>'
        items.append(f"<li>{text}</li>")
    return "<ol class='nt-references'>" + "".join(items) + "</ol>"
