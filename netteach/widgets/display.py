"""Show a matplotlib figure in a panel, with a text description for screen readers."""

from __future__ import annotations

from ..figures.style import figure_img_html
from .layout import picture_widget

__all__ = ["FigurePane"]


class FigurePane:
    """Hold one figure, created once, and show its latest rendering.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure. The panel keeps its artists and changes them; it never makes a new figure.
    alt : str
        A short text description of what the figure shows, read by screen readers.
    css_name : str
        A CSS class (``nt-fig-<css_name>``) so that browser tests can find the figure.
    animated : sequence of Artist, optional
        The artists that change on updates; the rest is cached as a bitmap (see
        :func:`netteach.figures.style.figure_to_png`). Leave empty when most of the figure changes.

    Notes
    -----
    The figure is shown as an ``<img>`` in an HTML widget, so the description is real ``alt``
    text, and the picture is an ordinary PNG that any browser shows without a plotting extension.
    """

    def __init__(self, fig, alt: str, css_name: str = "figure", animated=()):
        self.fig = fig
        self.alt = alt
        self.animated = list(animated)
        self.widget = picture_widget("", css_name)
        self.renders = 0
        self.refresh()

    def refresh(self, alt: str | None = None, relayout: bool = False,
                static_changed: bool = False) -> None:
        """Re-render the figure after its artists changed; optionally update the description.

        With ``animated`` artists, ``static_changed=True`` redraws the cached background too
        (for a change outside the animated artists), and ``relayout=True`` also redoes the layout.
        """
        if alt is not None:
            self.alt = alt
        if static_changed and hasattr(self.fig, "_nt_background"):
            del self.fig._nt_background
        self.widget.value = figure_img_html(self.fig, self.alt, relayout=relayout,
                                            animated=self.animated)
        self.renders += 1
