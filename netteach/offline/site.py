"""The offline copy's pages: the landing page and the offline dashboards.

:func:`build_site` writes them into a folder with the widget renderer beside them; the folder
opens from ``file://`` with no server and no network. ``tools/build_offline.py`` (``make
offline``) fetches the renderer from npm and calls it.
"""

from __future__ import annotations

import html
import json
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from ..course import dashboards, paths
from ..figures.course import OVERVIEW_ALT, draw_three_treatments
from ..figures.img import png_img_html
from ..glossary import terms
from ..models.rfa import MODEL_ASSUMPTIONS
from ..references import reference_list_html, topic_keys
from ..widgets.start import path_html
from . import rfa, sirt
from .frames import compact_png
from .pages import RENDERER, disclaimer_html, note_html, page_html
from .quiz import build_offline_quiz
from .text import intro, markdown_cells, section, to_html

__all__ = ["PAGES", "Section", "build_site", "page_file", "RENDERER_FILES"]

#: Files of the renderer's ``dist/`` folder that the pages need.
RENDERER_FILES = ("embed.js", "embed.js.LICENSE.txt")


@dataclass(frozen=True)
class Section:
    """One explorer on an offline page, introduced by the dashboard's own prose.

    ``heading`` starts the notebook cell whose text (up to its prompt) introduces it, or is
    None for an explorer that follows the previous one; ``title`` is then its own heading.
    ``prompt`` is Markdown, written for the precomputed positions.
    """

    heading: str | None
    prompt: str
    build: object
    title: str = ""


def _assumptions_html() -> str:
    items = "".join(f"<li>{html.escape(a)}</li>" for a in MODEL_ASSUMPTIONS)
    return f"<h3>What the simulator assumes</h3><ul>{items}</ul>"


#: Each offline dashboard: its explorers, trusted HTML after them (``after``, optional), and
#: the reference file of its citations. The quiz is the notebook's own bank.
PAGES = {
    "04_sirt": dict(references="sirt", sections=(
        Section("## 2. Decay", build=sirt.build_decay_explorer, prompt=(
            "**Predict, then check:** after one half-life (2.67 days, between the 2.5 and 3 "
            "day positions) half the activity is left. How much of the *dose* has been "
            "delivered by then, and by day 11? Say your answer, then move the slider.")),
        Section("## 6. The dosimetry calculators", build=sirt.build_dosimetry_explorer,
                prompt=(
            "**Predict, then check:** raise the tumour-to-normal ratio from 4 to 8. Which "
            "method's activity changes, and which stays the same? Then raise the lung shunt "
            "fraction past 10%, 15% and 20% and watch the activities and the warnings.")),
    )),
    "05_rfa": dict(references="rfa", sections=(
        Section("## 3. The ablation simulator", build=rfa.build_ablation_explorer, prompt=(
            "**Predict, then check:** the power is on for 12 minutes. Will the dead zone grow "
            "at an even pace, or reach most of its final size early? Will it cover the tumour "
            "and a 5 mm margin on every side? Say your answer, then move the time slider.")),
        Section(None, title="The heat sink", build=rfa.build_heat_sink_explorer, prompt=(
            "**Predict, then check:** move the vessel from 30 mm to 2 mm from the needle. On "
            "which side does the dead zone shrink, and does the far side change?")),
    ), after=_assumptions_html),
}


def page_file(stem: str) -> str:
    """The offline page's file name for notebook ``stem``."""
    return f"{stem}.html"


def _links(built) -> dict[str, str]:
    """Notebook stem -> offline file, for every page of the copy (the start page included)."""
    return {"00_start_here": "index.html", **{s: page_file(s) for s in built}}


def _nav(built) -> str:
    items = ['<a href="index.html">Course start page</a>']
    boards = dashboards()
    items += [f'<a href="{page_file(s)}">{html.escape(boards[s + ".ipynb"]["title"])}</a>'
              for s in built]
    return "".join(items)


def _references(*topics) -> str:
    return reference_list_html(topic_keys(*topics))


def _server_note(built) -> str:
    boards = dashboards()
    links = ", ".join(f'<a href="{page_file(s)}">{html.escape(boards[s + ".ipynb"]["title"])}'
                      "</a>" for s in built)
    return note_html(
        "<b>This is the offline copy of the course.</b> It opens from files, with no server "
        f"and no internet. Besides this page it holds {len(built)} offline dashboards "
        f"({links}), each with explorers whose pictures were worked out in advance, and its "
        "quiz. The full interactive course (every slider position, calculators you type "
        "into, simulations you run, quizzes that keep a score, and the other dashboards) "
        "needs the course server: ask your tutor for its address.")


def _overview_html() -> str:
    drawn = draw_three_treatments()
    return (f'<div class="nt-figure nt-fig-overview nt-overview">'
            f'{png_img_html(compact_png(drawn["figure"]), OVERVIEW_ALT)}</div>')


def _glossary_html() -> str:
    items = "".join(f"<dt>{html.escape(e['term'])}</dt><dd>{html.escape(e['definition'])}</dd>"
                    for e in terms())
    return (f'<details class="nt-glossary-all"><summary>Glossary: {len(terms())} terms '
            f'(click to open)</summary><dl class="nt-glossary">{items}</dl></details>')


def _landing(built) -> str:
    pages = _links(built)
    cells = markdown_cells("00_start_here")

    def href(file):
        return pages.get(file.removesuffix(".ipynb"))

    cards = "".join(path_html(p, href=href, missing="on the course server only")
                    for p in paths())
    summary = next(c for c in cells if c.startswith("## Summary"))
    blocks = [
        to_html(intro("00_start_here"), pages), _server_note(built), disclaimer_html(),
        to_html(section("00_start_here", "## What are NETs"), pages), _overview_html(),
        to_html("## Choose your path\n\nEach path lists its dashboards in order, with the time "
                "each takes on the server. A title with a link has an offline page here; the "
                "others are on the course server only.", pages),
        f'<div class="nt-paths">{cards}</div>',
        to_html("## How the offline pages work\n\n"
                "- **Predict, then check.** Before you move a slider, say (or write down) what "
                "you expect to happen. Then move it and compare.\n"
                "- **Sliders** stop at positions worked out in advance; each shows its picture "
                "and numbers at once. You cannot type your own values offline.\n"
                "- **Quizzes** show why an answer is right or wrong as soon as you choose it; "
                "choose another answer to compare. No score is kept.\n"
                "- The numbers come from published sources, listed at the end of each page.",
                pages),
        to_html("## Glossary", pages), _glossary_html(),
        to_html(summary, pages), _references("course"),
    ]
    return page_html("Liver-directed therapy for NET liver metastases (offline)", blocks,
                     _nav(built))


def _dashboard(stem: str, built) -> tuple[str, int]:
    spec = PAGES[stem]
    pages = _links(built)
    cells = markdown_cells(stem)
    blocks = [to_html(intro(stem), pages),
              note_html("<b>Offline page.</b> It holds some of this dashboard's explorers, with "
                        "pictures worked out in advance, and its quiz. The full dashboard needs "
                        'the course server. <a href="index.html">Back to the start page</a>.')]
    # No page-wide banner here: the introduction already says "For teaching only", and every
    # explorer panel carries the banner (as on the course server); a third one stacked above
    # the first panel only repeated it.
    views = 0
    for sec in spec["sections"]:
        prose = (section(stem, sec.heading) if sec.heading else f"### {sec.title}")
        panel = sec.build()
        views += len(panel.alts)
        blocks += [to_html(prose, pages), to_html(sec.prompt, pages), panel]
    if "after" in spec:
        blocks.append(spec["after"]())
    blocks += [to_html("## Check your understanding", pages), build_offline_quiz(stem)]
    summary = next(c for c in cells if c.startswith("## Summary"))
    blocks += [to_html(summary, pages), _references(spec["references"])]
    title = dashboards()[f"{stem}.ipynb"]["title"]
    return page_html(f"{title} (offline)", blocks, _nav(built)), views


def build_site(out_dir, renderer_dir, stems=None) -> dict:
    """Write the offline copy into ``out_dir``.

    Parameters
    ----------
    out_dir : path-like
        The folder to write (created if needed; files of the same names are replaced).
    renderer_dir : path-like
        The ``dist/`` folder of ``@jupyter-widgets/html-manager``, holding ``embed.js``.
    stems : sequence of str, optional
        The offline dashboards to build, among :data:`PAGES` (default: all).

    Returns
    -------
    dict
        ``files`` ({relative path: size in bytes}), ``views`` ({page: number of precomputed
        views}) and ``seconds`` (time taken).

    Raises
    ------
    ValueError
        If ``stems`` names an unknown page or ``renderer_dir`` lacks the renderer.
    """
    t0 = time.perf_counter()
    stems = list(PAGES) if stems is None else list(stems)
    unknown = [s for s in stems if s not in PAGES]
    if unknown or not stems:
        raise ValueError(f"stems must be a non-empty list of {sorted(PAGES)}; got {stems!r}")
    renderer_dir = Path(renderer_dir)
    missing = [f for f in RENDERER_FILES if not (renderer_dir / f).is_file()]
    if missing:
        raise ValueError(f"renderer_dir must hold the widget renderer ({', '.join(missing)}); "
                         f"got {str(renderer_dir)!r}")
    out = Path(out_dir)
    (out / Path(RENDERER).parent).mkdir(parents=True, exist_ok=True)
    for f in RENDERER_FILES:
        shutil.copy(renderer_dir / f, out / Path(RENDERER).parent / f)
    views = {}
    (out / "index.html").write_text(_landing(stems), encoding="utf-8")
    for s in stems:
        text, views[s] = _dashboard(s, stems)
        (out / page_file(s)).write_text(text, encoding="utf-8")
    (out / "README.txt").write_text(_readme(renderer_dir, stems), encoding="utf-8")
    files = {str(p.relative_to(out)): p.stat().st_size for p in sorted(out.rglob("*"))
             if p.is_file()}
    return dict(files=files, views=views, seconds=time.perf_counter() - t0)


def _readme(renderer_dir: Path, stems) -> str:
    meta = renderer_dir.parent / "package.json"
    version = json.loads(meta.read_text())["version"] if meta.is_file() else "unknown"
    pages = "\n".join(f"  {page_file(s)}" for s in stems)
    return ("netteach: the offline copy of the course\n\n"
            "Open index.html in a web browser (double-click it). Nothing is loaded from the "
            "internet.\n\nPages:\n  index.html (start here)\n" + pages + "\n\n"
            "For teaching only, not for clinical decisions.\n\n"
            f"vendor/embed.js is @jupyter-widgets/html-manager {version} (BSD-3-Clause licence, "
            "Jupyter Project; vendor/embed.js.LICENSE.txt lists what it bundles). It draws the "
            "sliders and quizzes from the state saved in each page.\n")
