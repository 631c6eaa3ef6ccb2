"""Every physical or clinical value the course uses, with unit, reference key and status.

Each topic keeps its values in its own module (``constants.sirt``, ``constants.rfa`` ...);
this package re-exports them all, so ``from netteach.constants import Y90_HALF_LIFE_H`` works.
The values are :class:`Constant` floats: ``X.unit``, ``X.ref`` (a key for
:mod:`netteach.references`) and ``X.status`` (``'V'``, ``'V-weak'``, ``'C'``, ``'U'``).

Why a package rather than one ``constants.py``: several topics are written at the same time,
and one module per topic keeps their edits apart while the import path stays the same.
"""

from __future__ import annotations

import pkgutil
from importlib import import_module

from ._base import STATUSES, Constant

TOPICS = tuple(sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_")))

_REGISTRY: dict[str, Constant] = {}
for _topic in TOPICS:
    _mod = import_module(f"{__name__}.{_topic}")
    for _name, _value in vars(_mod).items():
        if isinstance(_value, Constant) and _name.isupper():
            if _name in _REGISTRY:
                raise RuntimeError(f"constant {_name} is defined twice")
            _REGISTRY[_name] = _value
            globals()[_name] = _value


def all_constants() -> dict[str, Constant]:
    """Return every registered constant, by name."""
    return dict(_REGISTRY)


def get(name: str) -> Constant:
    """Return one constant by name; an unknown name raises ``ValueError`` listing close names."""
    try:
        return _REGISTRY[name]
    except KeyError:
        raise ValueError(f"name must be a registered constant; got {name!r}") from None


__all__ = ["Constant", "STATUSES", "TOPICS", "all_constants", "get", *sorted(_REGISTRY)]
