"""Input validation shared by every public function.

Every public function of ``netteach`` checks its inputs with these helpers, so that bad input
raises :class:`ValueError` naming the parameter, the value given and the valid range, and no
NaN, infinity, wrong type or out-of-range value reaches a model.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

__all__ = ["check_scalar", "check_array", "check_fraction", "check_choice", "range_text"]


def range_text(low=None, high=None, *, low_open=False, high_open=False, unit=""):
    """Describe a valid range in words, e.g. ``'greater than 0 and at most 20 GBq'``."""
    unit = f" {unit}" if unit else ""
    parts = []
    if low is not None:
        parts.append(f"{'greater than' if low_open else 'at least'} {low:g}{unit}")
    if high is not None:
        parts.append(f"{'less than' if high_open else 'at most'} {high:g}{unit}")
    return " and ".join(parts) if parts else "any finite number"


class _Verbatim(str):
    """A description of the value to show as it is (not repr'd) in an error message."""


def _fail(name, value, low, high, low_open, high_open, unit, why=""):
    rng = range_text(low, high, low_open=low_open, high_open=high_open, unit=unit)
    shown = str(value) if isinstance(value, _Verbatim) else repr(value)
    if len(shown) > 60:
        shown = shown[:57] + "..."
    extra = f" ({why})" if why else ""
    raise ValueError(f"{name} must be {rng}; got {shown}{extra}")


def _outside(x, low, high, low_open, high_open):
    if low is not None and (x < low or (low_open and x == low)):
        return True
    if high is not None and (x > high or (high_open and x == high)):
        return True
    return False


def check_scalar(name, value, low=None, high=None, *, low_open=False, high_open=False, unit="",
                 integer=False):
    """Return ``value`` as a float (or int) after checking it is a finite real number in range.

    Parameters
    ----------
    name : str
        Parameter name used in the error message.
    value : object
        The value to check. ``bool``, strings, ``None`` and complex numbers are rejected.
    low, high : float, optional
        Bounds of the valid range.
    low_open, high_open : bool
        Whether the bound itself is excluded.
    unit : str
        Unit shown in the error message.
    integer : bool
        Require a whole number and return an ``int``.

    Raises
    ------
    ValueError
        If the value is not a finite real number inside the range.
    """
    if isinstance(value, np.ndarray) and value.ndim == 0:
        value = value.item()
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        _fail(name, value, low, high, low_open, high_open, unit, "not a number")
    x = float(value)
    if not math.isfinite(x):
        _fail(name, value, low, high, low_open, high_open, unit, "not a finite number")
    if integer and x != int(x):
        _fail(name, value, low, high, low_open, high_open, unit, "not a whole number")
    if _outside(x, low, high, low_open, high_open):
        _fail(name, value, low, high, low_open, high_open, unit)
    return int(x) if integer else x


def check_array(name, value, low=None, high=None, *, low_open=False, high_open=False, unit=""):
    """Return ``value`` as a float ndarray (scalars become 0-d arrays) after range checks.

    Raises
    ------
    ValueError
        If any element is not a finite real number inside the range, or the input is empty
        or not numeric.
    """
    if isinstance(value, (bool, str, bytes)) or value is None:
        _fail(name, value, low, high, low_open, high_open, unit, "not a number")
    try:
        arr = np.asarray(value)
    except Exception:  # noqa: BLE001 - anything that is not array-like
        _fail(name, value, low, high, low_open, high_open, unit, "not a number")
    if arr.dtype == bool or not (np.issubdtype(arr.dtype, np.integer)
                                 or np.issubdtype(arr.dtype, np.floating)):
        _fail(name, value, low, high, low_open, high_open, unit, "not a number")
    if arr.size == 0:
        _fail(name, value, low, high, low_open, high_open, unit, "empty")
    arr = arr.astype(float)
    if not np.all(np.isfinite(arr)):
        _fail(name, value, low, high, low_open, high_open, unit, "contains NaN or infinity")
    bad = np.zeros(arr.shape, dtype=bool)
    if low is not None:
        bad |= (arr <= low) if low_open else (arr < low)
    if high is not None:
        bad |= (arr >= high) if high_open else (arr > high)
    if bad.any():
        first = arr[bad].flat[0]
        _fail(name, value if arr.ndim == 0 else _Verbatim(f"array containing {first:g}"), low, high,
              low_open, high_open, unit)
    return arr


def check_fraction(name, value, *, allow_array=False):
    """Check a fraction in [0, 1] (dimensionless)."""
    if allow_array:
        return check_array(name, value, 0.0, 1.0)
    return check_scalar(name, value, 0.0, 1.0)


def check_choice(name, value, choices):
    """Check that ``value`` is one of ``choices``; the error lists the valid ids."""
    choices = list(choices)
    try:
        ok = any(bool(value == c) for c in choices) and not isinstance(value, np.ndarray)
    except (TypeError, ValueError):   # unhashable, or an array whose truth value is ambiguous
        ok = False
    if not ok:
        listed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {listed}; got {value!r}")
    return value
