"""Platform benchmarks: the shared pieces every dashboard uses on each update.

* a figure pane's refresh after its artists changed (the render every panel update ends with),
  against the naive full redraw (new figure, layout, draw, encode);
* the landing page's glossary search (a keystroke filters the list), against rebuilding the
  glossary panel from scratch.

Run alone with ``python -m benchmarks.bench_platform``.
"""

from __future__ import annotations

import itertools

import numpy as np

from benchmarks.harness import Case, run_alone
from netteach.figures.style import figure_img_html, label_axes, new_figure
from netteach.widgets.display import FigurePane
from netteach.widgets.glossary import build_glossary_panel

X = np.linspace(0.0, 20.0, 400)


def _draw(k: float):
    fig, ax = new_figure()
    (line,) = ax.plot(X, np.exp(-X / k), lw=2.5)
    ax.set_ylim(0, 1.05)
    label_axes(ax, x=("Time", "days"), y=("Activity remaining", "fraction"),
               title="A typical panel figure")
    return fig, line


def cases():
    fig, line = _draw(3.0)
    pane = FigurePane(fig, "A falling curve.", "bench")
    ks = itertools.cycle([1.0, 2.0, 3.0, 5.0, 8.0])

    def refresh():
        line.set_ydata(np.exp(-X / next(ks)))
        pane.refresh()

    def naive_figure():
        f, _ = _draw(next(ks))
        figure_img_html(f, "A falling curve.")

    glossary = build_glossary_panel()
    words = itertools.cycle(["artery", "shunt", "emb", "", "tumour", "x"])

    def search():
        glossary.search_box.value = next(words)

    def naive_glossary():
        build_glossary_panel().search_box.value = next(words)

    return [
        Case("Platform: figure pane refresh (line plot)", refresh, naive_figure),
        Case("Platform: glossary search keystroke", search, naive_glossary,
             baseline_name="rebuild the glossary panel"),
    ]


if __name__ == "__main__":
    run_alone(cases())
