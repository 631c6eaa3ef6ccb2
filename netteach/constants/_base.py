"""The :class:`Constant` type used by every topic's constants module."""

from __future__ import annotations

STATUSES = {
    "V": "verified in a found source",
    "V-weak": "found only in a low-authority source",
    "C": "computed from verified inputs",
    "U": "not found in a source (not taught as fact)",
}


class Constant(float):
    """A physical or clinical value with its unit, reference key and evidence status.

    It behaves as a plain ``float`` in arithmetic, and carries:

    ``unit``
        The unit as text (``'h'``, ``'Gy·kg/GBq'``, ``'1'`` for dimensionless).
    ``ref``
        A key that :func:`netteach.references.citation` resolves to a full citation.
    ``status``
        ``'V'``, ``'V-weak'``, ``'C'`` or ``'U'``, as in ``shared/reference``.
    ``note``
        Where the value comes from or what it means, in a sentence.
    """

    def __new__(cls, value, unit, ref, status="V", note=""):
        if status not in STATUSES:
            raise ValueError(f"status must be one of {sorted(STATUSES)}; got {status!r}")
        obj = super().__new__(cls, value)
        obj.unit = unit
        obj.ref = ref
        obj.status = status
        obj.note = note
        return obj

    def __repr__(self):
        return f"Constant({float(self)!r}, {self.unit!r}, ref={self.ref!r}, status={self.status!r})"

    def __reduce__(self):
        return (Constant, (float(self), self.unit, self.ref, self.status, self.note))
