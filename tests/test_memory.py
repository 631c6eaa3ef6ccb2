"""Memory of a dashboard kernel (issue 8): what each dashboard imports and what its figures keep.

A kernel's resident memory is mostly imports and figures. These tests pin the two causes that
were measured and removed: dashboards that do not need scipy must not import it (scipy.fft,
scipy.linalg and scipy.interpolate each brought 17-40 MB into every kernel), and a figure that
redraws only its moving artists must keep neither its Agg pixel buffer (2-4 MB) nor an
uncompressed copy of its background.
"""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import textwrap

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg

from netteach.figures.style import figure_to_png, new_figure

_BUILD_WITHOUT_SCIPY = textwrap.dedent("""
    import json, sys
    from netteach.widgets import anatomy, journey, liver, rfa, sirt, start
    panels = [anatomy.build_arteries_panel(), anatomy.build_variants_panel(),
              sirt.build_kernel_panel(), sirt.build_dose_map_panel(), sirt.build_safety_panel(),
              rfa.build_simulator_panel(), journey.build_radiation_safety_panel(),
              liver.build_uptake_panel(), start.build_overview_panel()]
    panels[5].nt["has_vessel"].value = True          # a run with the vessel (Woodbury solve)
    print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "scipy")))
""")


def test_dashboards_without_scipy_build_their_panels_without_importing_it():
    out = subprocess.run([sys.executable, "-c", _BUILD_WITHOUT_SCIPY], capture_output=True,
                         text=True, check=True, timeout=300)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


_LANDING_PAGE = textwrap.dedent("""
    import json, sys
    from netteach.widgets import controls, glossary, references, start
    panels = [controls.disclaimer(), start.build_overview_panel(), start.build_paths_panel(),
              glossary.build_glossary_panel(), references.build_references_panel("course")]
    print(json.dumps(sorted({m.split(".")[0] for m in sys.modules} & {"matplotlib", "scipy"})))
""")


def test_the_landing_page_kernel_imports_neither_matplotlib_nor_scipy():
    """The whole class opens the landing page first; its one picture is shipped drawn
    (netteach.figures.prerendered), so its kernel needs no plotting library (0.7 s and about
    50 MB less per learner)."""
    out = subprocess.run([sys.executable, "-c", _LANDING_PAGE], capture_output=True,
                         text=True, check=True, timeout=300)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == []


def _agg_renderers():
    gc.collect()
    return sum(isinstance(o, RendererAgg) for o in gc.get_objects())


def _log_figure():
    """A figure with much text that the renderer touches: log axes, legend, title, labels."""
    fig, ax = new_figure(9, 5)
    ax.set_yscale("log")
    ax.plot([0, 1, 2], [1, 10, 1000], label="curve")
    ax.set_title("Title")
    ax.legend()
    label = ax.text(1, 10, "moving label")
    (line,) = ax.plot([0, 2], [5, 50])
    return fig, [line, label]


def test_blitted_figures_free_their_pixel_buffer_and_compress_the_background():
    before = _agg_renderers()
    figs = []
    for animated in (True, False):
        fig, moving = _log_figure()
        figs.append(fig)
        figure_to_png(fig, animated=moving if animated else ())
        moving[1].set_position((1.5, 100))
        png = figure_to_png(fig, animated=moving if animated else ())
        assert png.startswith(b"\x89PNG")
        # a blitted figure keeps no renderer (its texts held one too); a figure redrawn in
        # full keeps its own, for the text-layout cache
        assert _agg_renderers() == before + (0 if animated else 1)
    shape, packed = figs[0]._nt_background
    assert shape == (500, 900, 4) and len(packed) < np.prod(shape) / 10


def test_text_measured_after_a_render_still_works():
    """Texts forget the freed renderer; measuring them later asks the canvas for a new one."""
    fig, moving = _log_figure()
    figure_to_png(fig, animated=moving)
    box = moving[1].get_window_extent()
    assert box.width > 0 and box.height > 0
