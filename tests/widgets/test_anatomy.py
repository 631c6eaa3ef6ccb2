"""Widget and figure tests for the hepatic-arteries dashboard (02_hepatic_arteries)."""

from __future__ import annotations

import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg

from netteach import DISCLAIMER
from netteach.figures import anatomy as F
from netteach.models import anatomy as A
from netteach.widgets import anatomy as W
from tests.widgets.helpers import all_html


@pytest.fixture(scope="module")
def panel():
    return W.build_arteries_panel()


def test_panel_has_disclaimer_labels_and_starts_at_cha(panel):
    assert DISCLAIMER in all_html(panel)
    c = panel.controls
    assert c["catheter"].value == "CHA"
    assert c["catheter"].description and c["variant"].description and c["rga"].description
    assert all(b.description for b in c["coils"].values())
    assert "segments <b>I, II, III, IV, V, VI, VII and VIII</b>" in panel.explanation.value
    assert "alt=" in panel.pane.widget.value


def test_catheter_slider_to_both_ends_changes_the_picture(panel):
    sl = panel.controls["catheter"]
    values = [v for _, v in sl.options]
    sl.value = values[0]
    first_png, first_text = panel.pane.widget.value, panel.explanation.value
    sl.value = values[-1]
    assert panel.pane.widget.value != first_png
    assert panel.explanation.value != first_text
    assert "segment IV artery" in panel.explanation.value
    assert panel.messages.text == ""
    sl.value = "CHA"


def test_coiling_gda_removes_duodenum_and_pancreas(panel):
    before = panel.explanation.value
    assert "Duodenum" in before and "Pancreas" in before
    panel.controls["coils"]["GDA"].value = True
    after = panel.explanation.value
    assert "Duodenum" not in after and "Pancreas" not in after
    assert panel.state["territory"].coiled == {"GDA"}
    panel.controls["coils"]["GDA"].value = False


def test_rha_position_protects_all_but_gallbladder_and_explains_prevention(panel):
    panel.controls["catheter"].value = "RHA"
    text = panel.explanation.value
    assert "Gallbladder" in text and "Stomach" not in text
    assert "close the cystic artery with a coil" in text
    assert "right anterior branch" in text  # the superselective alternative
    panel.controls["coils"]["cystic"].value = True
    assert "No organ outside the liver" in panel.explanation.value
    panel.controls["coils"]["cystic"].value = False
    panel.controls["catheter"].value = "CHA"


def test_rga_origin_menu_moves_the_risk(panel):
    panel.controls["catheter"].value = "LHA"
    assert "Stomach" not in panel.explanation.value
    panel.controls["rga"].value = "LHA"
    assert "Stomach" in panel.explanation.value
    panel.controls["rga"].value = "default"
    panel.controls["catheter"].value = "CHA"


def test_variant_change_keeps_a_valid_catheter_and_hides_absent_coils(panel):
    c = panel.controls
    c["catheter"].value = "RHA"
    c["variant"].value = "michels_3"
    assert c["catheter"].value == "replaced_RHA"
    assert c["coils"]["accessory_LHA"].layout.display == "none"
    c["variant"].value = "michels_5"
    assert c["coils"]["accessory_LHA"].layout.display is None
    c["variant"].value = "michels_4"
    assert c["catheter"].value in [v for _, v in c["catheter"].options]
    c["variant"].value = "michels_1"
    c["catheter"].value = "CHA"


def test_michels_3_pha_explains_the_missed_right_liver(panel):
    c = panel.controls
    c["variant"].value = "michels_3"
    c["catheter"].value = "PHA"
    assert "Segments V, VI, VII and VIII are not treated" in panel.explanation.value
    c["variant"].value = "michels_1"
    c["catheter"].value = "CHA"


def test_bad_state_shows_a_message_and_raises_nothing(panel):
    # force an impossible combination, as a stale front end could send
    panel.controls["rga"].options = [*panel.controls["rga"].options, ("nowhere", "SMA")]
    panel.controls["rga"].value = "SMA"
    assert panel.messages.level == "error"
    assert "Traceback" not in panel.messages.text
    panel.controls["rga"].value = "default"
    panel.update()
    assert panel.messages.text == ""


@pytest.mark.slow
def test_every_variant_and_catheter_position_renders():
    from matplotlib.colors import to_rgba

    tree = A.arterial_tree()
    arts = F.plot_arteries(tree, A.perfused_territory(tree, "CHA"))
    arts["fig"].set_dpi(25)  # a small raster keeps the sweep fast; every artist is still drawn
    canvas = FigureCanvasAgg(arts["fig"])
    n = 0
    for vid in A.VARIANTS:
        t = A.arterial_tree(vid)
        for pos in A.catheter_positions(t):
            terr = A.perfused_territory(t, pos)
            F.update_arteries(arts, t, terr)
            canvas.draw()
            lit = {s for s, p in arts["segments"].items()
                   if p.get_facecolor() != to_rgba(F.COLOURS["liver"])}
            assert lit == set(terr.segments), (vid, pos)
            n += 1
    assert n > 60


def test_organs_at_risk_use_the_warning_colour():
    from matplotlib.colors import to_rgba

    from netteach.figures.style import WARNING
    t = A.arterial_tree()
    arts = F.plot_arteries(t, A.perfused_territory(t, "RHA"))
    assert arts["organs"]["gallbladder"].get_facecolor() == to_rgba(WARNING)
    assert arts["organs"]["stomach"].get_facecolor() != to_rgba(WARNING)
    assert arts["segments"]["V"].get_facecolor() == to_rgba(F.COLOURS["treated"])
    assert arts["segments"]["II"].get_facecolor() == to_rgba(F.COLOURS["liver"])


def test_variants_panel_highlights_each_type():
    box = W.build_variants_panel()
    old = box.pane.widget.value
    box.dropdown.value = "michels_10"
    assert box.pane.widget.value != old
    assert "Type X" in box.table.value and "Löschner" in box.table.value
    box.dropdown.value = "michels_1"
    assert "75.7%" in box.table.value


def test_outlines_are_scipys_periodic_cubic_spline():
    """The diagram's numpy spline draws the curve scipy's CubicSpline(periodic) draws."""
    import numpy as np
    from scipy.interpolate import CubicSpline

    from netteach.figures._anatomy_layout import periodic_spline

    rng = np.random.default_rng(2)
    for n in (3, 4, 6, 15):
        p = rng.uniform(0, 10, (n, 2))
        p = np.vstack([p, p[:1]])
        t = np.r_[0, np.cumsum(np.hypot(*np.diff(p, axis=0).T))]
        x = np.linspace(0, t[-1], 333)
        expected = CubicSpline(t, p, bc_type="periodic")(x)
        np.testing.assert_allclose(periodic_spline(t, p, x), expected, rtol=0, atol=1e-12)
