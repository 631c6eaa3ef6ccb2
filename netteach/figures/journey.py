"""Drawing for the patient's journey: the carer-dose figure and the printable checklists.

The checklists are rendered two ways, both in the kernel with no outside service: a
self-contained printable HTML page (:func:`checklist_html`) and a PDF drawn with matplotlib's PDF
backend (:func:`checklist_pdf`).
"""

from __future__ import annotations

import html
import io
import textwrap

from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, NullLocator

from .._data import css_text
from .style import NEUTRAL, PALETTE, label_axes, new_figure

__all__ = ["plot_carer_dose", "update_carer_dose", "checklist_html", "checklist_pdf",
           "format_dose"]


def format_dose(usv: float) -> str:
    """A dose in words a carer can read: ``'0.11 mSv (110 µSv)'`` or ``'4.2 µSv'``."""
    if usv >= 1000:
        return f"{usv / 1000:.2g} mSv"
    if usv >= 100:
        return f"{usv / 1000:.2f} mSv ({usv:.0f} µSv)"
    if usv >= 1:
        return f"{usv:.2g} µSv"
    return f"{usv:.2g} µSv (less than 1 µSv)"


def _plain(value, _pos=None):
    """Tick label as a plain number (0.01, 1, 1000) rather than a power of ten."""
    return f"{value:,.0f}" if value >= 1 else f"{value:g}"


def plot_carer_dose(distances_m, dose_usv, chosen_m, chosen_usv, reference_doses, ax=None):
    """Draw the carer's dose against distance, beside the reference doses.

    Parameters
    ----------
    distances_m, dose_usv : array_like
        The dose (µSv) for the chosen activity, hours a day and days, at each distance (m).
    chosen_m, chosen_usv : float
        The carer's own distance and dose, marked on the curve and shown as a bar.
    reference_doses : sequence of (label, value_µSv)
        Doses to compare with (limits and measured carer doses).
    ax : pair of Axes, optional
        Axes for the curve and the comparison bars; a new figure is made if omitted.

    Returns
    -------
    dict
        ``fig``, ``ax_curve``, ``ax_bars``, ``line``, ``marker``, ``bar`` (the carer's bar),
        ``bar_text`` and ``title``, for the panel to update.
    """
    if ax is None:
        fig, (ax_curve, ax_bars) = new_figure(12.0, 5.2, 1, 2, width_ratios=[1.0, 1.25])
    else:
        ax_curve, ax_bars = ax
        fig = ax_curve.figure
    (line,) = ax_curve.plot(distances_m, dose_usv, color=PALETTE["blue"])
    (marker,) = ax_curve.plot([chosen_m], [chosen_usv], "o", ms=11, color=PALETTE["vermillion"])
    ax_curve.set_yscale("log")
    ax_curve.set_ylim(0.01, 1e4)
    ax_curve.yaxis.set_major_formatter(FuncFormatter(_plain))
    ax_curve.yaxis.set_minor_locator(NullLocator())  # fewer artists: faster redraws
    label_axes(ax_curve, x=("Distance from the patient", "m"), y=("Dose to the carer", "µSv"))
    title = ax_curve.set_title("Carer's dose against distance", loc="left")

    labels = ["This carer", *[lab for lab, _ in reference_doses]]
    values = [max(chosen_usv, 1e-3), *[v for _, v in reference_doses]]
    colours = [PALETTE["vermillion"], *[NEUTRAL if "Measured" in lab else PALETTE["orange"]
                                        for lab, _ in reference_doses]]
    y = list(range(len(labels)))[::-1]
    bars = ax_bars.barh(y, values, color=colours, height=0.62)
    ax_bars.set_xscale("log")
    ax_bars.set_xlim(0.01, 3e4)
    ax_bars.xaxis.set_major_formatter(FuncFormatter(_plain))
    ax_bars.xaxis.set_minor_locator(NullLocator())
    ax_bars.set_yticks(y, ["\n".join(textwrap.wrap(lab, 30)) for lab in labels], fontsize=11)
    ax_bars.set_xlabel("Dose (µSv, logarithmic scale)")
    ax_bars.grid(axis="y", visible=False)
    bar_text = ax_bars.text(values[0] * 1.3, y[0], format_dose(chosen_usv), va="center",
                            fontsize=12, fontweight="bold")
    ax_bars.set_title("Beside doses from the studies", loc="left")
    return {"fig": fig, "ax_curve": ax_curve, "ax_bars": ax_bars, "line": line,
            "marker": marker, "bar": bars[0], "bar_text": bar_text, "title": title}


def update_carer_dose(artists, distances_m, dose_usv, chosen_m, chosen_usv):
    """Update a :func:`plot_carer_dose` drawing in place (no new figure)."""
    artists["line"].set_data(distances_m, dose_usv)
    artists["marker"].set_data([chosen_m], [max(chosen_usv, 1e-3)])
    shown = max(chosen_usv, 1e-3)
    artists["bar"].set_width(shown)
    artists["bar_text"].set_x(shown * 1.3)
    artists["bar_text"].set_text(format_dose(chosen_usv))
    return artists


# --- printable checklists ------------------------------------------------------------------

_PRINT_CSS = css_text("checklist-print.css")


def checklist_html(checklist, references=()):
    """Return a complete, printable HTML page for a checklist (from ``journey.checklist``).

    Parameters
    ----------
    checklist : dict
        ``title``, ``intro``, ``sections`` and ``footer`` as made by the model.
    references : sequence of str
        Formatted citations to list at the end.

    Returns
    -------
    str
        A self-contained HTML document (inline CSS, nothing loaded from outside), with a tick
        box before every point and print-friendly page breaks.
    """
    esc = html.escape
    parts = [f"<!DOCTYPE html><html lang='en-GB'><head><meta charset='utf-8'>"
             f"<title>{esc(checklist['title'])}</title><style>{_PRINT_CSS}</style></head><body>",
             f"<h1>{esc(checklist['title'])}</h1>",
             f"<p>{esc(checklist['intro'])}</p>",
             f"<p class='banner'>{esc(checklist['footer'])}</p>",
             "<p>Patient name: <span class='write'>______________________</span> "
             "Date of procedure: <span class='write'>____________</span></p>"]
    for heading, lines in checklist["sections"]:
        items = "".join(f"<li>{esc(line)}</li>" for line in lines)
        parts.append(f"<h2>{esc(heading)}</h2><ul>{items}</ul>")
    parts.append("<h2>Contact numbers</h2><p>Treating team: ____________________ "
                 "Out of hours: ____________________</p>")
    if references:
        refs = "".join(f"<li>{esc(r)}</li>" for r in references)
        parts.append(f"<h2>Sources</h2><ol class='refs'>{refs}</ol>")
    parts.append("</body></html>")
    return "".join(parts)


_A4_IN = (8.27, 11.69)
_LEFT, _TOP, _BOTTOM = 0.08, 0.95, 0.05


class _PdfWriter:
    """Lay out lines of text on A4 pages of a matplotlib figure, page by page."""

    def __init__(self, pdf):
        self.pdf = pdf
        self.fig = None
        self.y = 0.0
        self.pages = 0

    def _new_page(self):
        if self.fig is not None:
            self.pdf.savefig(self.fig)
        self.fig = Figure(figsize=_A4_IN)
        self.y = _TOP
        self.pages += 1

    def line(self, text, size=10.5, weight="normal", indent=0.0, gap=1.45, colour="#111111"):
        step = size * gap / 72.0 / _A4_IN[1]
        if self.fig is None or self.y - step < _BOTTOM:
            self._new_page()
        self.fig.text(_LEFT + indent, self.y, text, fontsize=size, fontweight=weight,
                      va="top", ha="left", color=colour, family="DejaVu Sans")
        self.y -= step

    def paragraph(self, text, width=86, box=False, **kw):
        lines = textwrap.wrap(text, width - (4 if box else 0)) or [""]
        for i, ln in enumerate(lines):
            prefix = ("\u2610 " if i == 0 else "    ") if box else ""
            self.line(prefix + ln, **kw)

    def space(self, points=6.0):
        self.y -= points / 72.0 / _A4_IN[1]

    def close(self):
        if self.fig is not None:
            self.pdf.savefig(self.fig)


def checklist_pdf(checklist, references=()):
    """Return a checklist as PDF bytes, drawn with matplotlib's PDF backend (A4, portrait).

    Returns
    -------
    bytes
        A PDF document starting with ``%PDF``; long checklists continue onto further pages.
    """
    buf = io.BytesIO()
    with PdfPages(buf, metadata={"Title": checklist["title"], "Creator": "netteach"}) as pdf:
        w = _PdfWriter(pdf)
        w.paragraph(checklist["title"], width=60, size=17, weight="bold", colour="#0b3954")
        w.space(4)
        w.paragraph(checklist["intro"], size=10.5)
        w.paragraph(checklist["footer"], size=10.5, weight="bold", colour="#7a4a00")
        w.space(4)
        w.line("Patient name: ______________________    Date of procedure: ____________")
        for heading, lines in checklist["sections"]:
            w.space(8)
            w.line(heading, size=13.5, weight="bold", colour="#0b3954")
            w.space(2)
            for text in lines:
                w.paragraph(text, box=True)
        w.space(8)
        w.line("Contact numbers", size=13.5, weight="bold", colour="#0b3954")
        w.line("Treating team: ____________________   Out of hours: ____________________")
        if references:
            w.space(8)
            w.line("Sources", size=12, weight="bold", colour="#0b3954")
            for i, ref in enumerate(references, 1):
                w.paragraph(f"{i}. {ref}", width=118, size=8, gap=1.35, colour="#333333")
        w.close()
    return buf.getvalue()
