"""The one table of plausible values that every slider and input box is built from.

Each topic keeps its rows in ``netteach/data/ranges/<topic>.toml``::

    [activity_gbq]
    label = "Activity given"          # plain-language control label
    unit = "GBq"
    min = 0.1
    max = 20.0
    default = 2.0
    step = 0.1
    description = "How much yttrium-90 is injected into the liver's arteries."
"""

from __future__ import annotations

from dataclasses import dataclass

from ._data import load_folder

__all__ = ["Range", "get", "table"]


@dataclass(frozen=True)
class Range:
    """One row of the plausible-values table."""

    topic: str
    name: str
    label: str
    unit: str
    min: float
    max: float
    default: float
    step: float
    description: str

    def contains(self, value) -> bool:
        """Whether ``value`` lies inside ``[min, max]``."""
        return self.min <= value <= self.max


def table() -> dict[tuple[str, str], Range]:
    """Return every row, keyed by ``(topic, name)``."""
    out = {}
    for topic, rows in load_folder("ranges").items():
        for name, row in rows.items():
            r = Range(topic=topic, name=name, label=row["label"], unit=row.get("unit", ""),
                      min=float(row["min"]), max=float(row["max"]),
                      default=float(row["default"]), step=float(row["step"]),
                      description=row["description"])
            if not (r.min <= r.default <= r.max) or r.step <= 0:
                raise RuntimeError(f"range {topic}.{name} is inconsistent: {r}")
            out[(topic, name)] = r
    return out


def get(topic: str, name: str) -> Range:
    """Return one row; an unknown row raises ``ValueError`` listing the topic's rows."""
    rows = table()
    if (topic, name) not in rows:
        valid = sorted(n for t, n in rows if t == topic)
        raise ValueError(f"name must be one of {valid} for topic {topic!r}; got {name!r}")
    return rows[(topic, name)]
