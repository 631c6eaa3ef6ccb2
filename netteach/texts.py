"""The course's learner-visible text, one TOML file per topic in ``netteach/data/text``.

Panel introductions, read-outs, journeys, evidence paragraphs, assumption lists, timeline rows
and checklists live there, beside the question banks and the glossary, so that a clinician can
correct a sentence without reading Python. Each entry is a TOML table with a ``body``::

    [simulator.intro]
    body = "One cooled needle makes a zone about 2.5-3.5 cm across in living liver."
    refs = ["cvir_2009_cooled"]

    [simulator.readout]
    body = "At {power:g} W the zone is {diameter_mm:.0f} mm across."
    computed = true

* ``body`` is HTML-safe text (it may hold inline tags such as ``<b>``); ``{name}`` fields are
  filled by :func:`say` with values that the *model* computed at run time.
* A body that quotes a number outside its ``{}`` fields names the source of that number in
  ``refs`` (reference keys of ``data/references``). ``computed = true`` marks a body whose only
  numbers are filled in at run time. ``tests/test_texts.py`` enforces both.
* Lists of structured items (warning signs, journey steps, checklist rows) are arrays of tables;
  read them with :func:`items`. Each item that quotes a number carries ``refs`` too.

For teaching only, not for clinical decisions.
"""

from __future__ import annotations

import re
import string
from dataclasses import dataclass, field

from ._data import load_folder

__all__ = ["Text", "topics", "entry", "say", "items", "all_entries", "numbers_outside_fields"]


@dataclass(frozen=True)
class Text:
    """One learner-visible text: its body, the reference keys of its numbers, and where it lives."""

    topic: str
    key: str
    body: str
    refs: tuple[str, ...] = field(default_factory=tuple)
    computed: bool = False


def topics() -> list[str]:
    """The topics that have a text file."""
    return list(load_folder("text"))


def _lookup(topic: str, key: str):
    data = load_folder("text")
    if topic not in data:
        raise ValueError(f"topic must be one of {sorted(data)}; got {topic!r}")
    node = data[topic]
    for part in key.split("."):
        if not isinstance(node, dict) or part not in node:
            raise ValueError(f"key must name a text in data/text/{topic}.toml; got {key!r}")
        node = node[part]
    return node


def entry(topic: str, key: str) -> Text:
    """The text ``key`` (a dotted path such as ``"simulator.intro"``) of ``topic``."""
    node = _lookup(topic, key)
    if not isinstance(node, dict) or "body" not in node:
        raise ValueError(f"key must name a table with a body in data/text/{topic}.toml; "
                         f"got {key!r}")
    return Text(topic, key, node["body"].strip(), tuple(node.get("refs", ())),
                bool(node.get("computed", False)))


def say(topic: str, key: str, **values) -> str:
    """The body of ``topic``/``key`` with its ``{name}`` fields filled from ``values``."""
    body = entry(topic, key).body
    wanted = {f for _, f, _, _ in string.Formatter().parse(body) if f}
    missing = sorted(wanted - set(values))
    if missing:
        raise ValueError(f"values must include {missing} for text {topic}.{key}; "
                         f"got {sorted(values)}")
    return body.format(**values) if wanted else body


def items(topic: str, key: str) -> list[dict]:
    """The array of tables ``key`` of ``topic`` (for example the rows of a warning-sign table)."""
    node = _lookup(topic, key)
    if not isinstance(node, list):
        raise ValueError(f"key must name an array of tables in data/text/{topic}.toml; "
                         f"got {key!r}")
    return [dict(row) for row in node]


def _walk(topic: str, node, path: str):
    if isinstance(node, dict):
        if "body" in node and isinstance(node["body"], str):
            yield Text(topic, path, node["body"].strip(), tuple(node.get("refs", ())),
                       bool(node.get("computed", False)))
        for k, v in node.items():
            if isinstance(v, (dict, list)):
                yield from _walk(topic, v, f"{path}.{k}" if path else k)
    elif isinstance(node, list):
        for i, v in enumerate(node):
            if isinstance(v, dict):
                texts = {k: s for k, s in v.items() if isinstance(s, str) and k != "refs"}
                yield Text(topic, f"{path}[{i}]", "\n".join(texts.values()),
                           tuple(v.get("refs", ())), bool(v.get("computed", False)))


def all_entries() -> list[Text]:
    """Every text and every structured item in ``data/text``, for the tests."""
    return [t for topic, data in load_folder("text").items() for t in _walk(topic, data, "")]


_FIELD = re.compile(r"\{[^{}]*\}")
_TAG = re.compile(r"<[^>]*>")
# Names that contain digits but quote no fact: isotopes (Y-90, Lu-177, Ga-68), cross-references
# to a page or section (dashboard 04, page 07, section 3, §8) and list numbers ("1." at a start).
_NAMES = re.compile(r"\b[A-Z][a-z]?-\d+\b|\b(?:dashboard|page|notebook|section|step)s? \d+\b"
                    r"|§\s?\d+(?:\.\d+)?|^\s*\d+\.\s", re.IGNORECASE | re.MULTILINE)
_NUMBER = re.compile(r"(?<![A-Za-z])\d")


def numbers_outside_fields(body: str) -> bool:
    """True when ``body`` quotes a number outside its ``{}`` fields and its HTML tags.

    A digit that follows a letter directly names a thing (``NEWS2``, ``H2``, ``CD56``) and does not
    count; nor do isotope names (``Y-90``) and references to a page or section (``dashboard 04``).
    """
    text = _NAMES.sub("", _TAG.sub("", _FIELD.sub("", body)))
    return bool(_NUMBER.search(text))
