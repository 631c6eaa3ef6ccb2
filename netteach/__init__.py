"""netteach: an interactive course on liver-directed therapies for NET liver metastases.

Layers (dependencies point one way only):
``models`` (numpy/scipy) -> ``figures`` (matplotlib) -> ``widgets`` (ipywidgets) -> notebooks.
``constants``, ``references``, ``ranges`` and ``validation`` are shared by every layer.

For teaching only, not for clinical decisions.
"""

__version__ = "0.1.0"

from .texts import say as _say

DISCLAIMER = _say("course", "disclaimer")
