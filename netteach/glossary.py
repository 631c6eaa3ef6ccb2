"""The glossary: plain-language definitions, one TOML file per topic in ``data/glossary``."""

from __future__ import annotations

from ._data import load_folder

__all__ = ["terms", "search", "duplicates"]


def terms() -> list[dict]:
    """All terms, sorted alphabetically, each ``{"term", "definition", "topic"}``.

    A term defined in two topic files keeps the first definition (a test reports duplicates).
    """
    seen: dict[str, dict] = {}
    for topic, data in load_folder("glossary").items():
        for entry in data.get("terms", []):
            key = entry["term"].strip().lower()
            if key in seen:
                continue
            seen[key] = {"term": entry["term"].strip(), "definition": entry["definition"].strip(),
                         "topic": topic}
    return sorted(seen.values(), key=lambda e: e["term"].lower())


def duplicates() -> list[tuple[str, str, str]]:
    """Terms defined in more than one topic file: ``(term, first topic, second topic)``."""
    first: dict[str, str] = {}
    dups = []
    for topic, data in load_folder("glossary").items():
        for entry in data.get("terms", []):
            key = entry["term"].strip().lower()
            if key in first:
                dups.append((entry["term"], first[key], topic))
            else:
                first[key] = topic
    return dups


def search(text: str) -> list[dict]:
    """Terms whose name or definition contains ``text`` (case-insensitive); all if empty."""
    if not isinstance(text, str):
        raise ValueError(f"text must be a string; got {text!r}")
    needle = text.strip().lower()
    return [e for e in terms() if needle in e["term"].lower() or needle in e["definition"].lower()]
