"""The static, offline copy of the course (``make offline``; docs/deploy.md, section 4).

Without a Python kernel nothing can be computed in the browser, so every picture is worked out
in advance. An *explorer* is a slider whose position picks one of several precomputed views
(a figure and its numbers) in a ``Stack``; the slider and the stack are joined by a link that
runs in the browser (``jslink``), so it works in the standalone widget renderer
(``@jupyter-widgets/html-manager``) from ``file://`` with the network off. Quizzes work the
same way: the chosen option picks its feedback.

Layers: this package uses ``models``, ``figures`` and ``widgets``; none of them imports it.
``tools/build_offline.py`` writes the files. For teaching only, not for clinical decisions.
"""
