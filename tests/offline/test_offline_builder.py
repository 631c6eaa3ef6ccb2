"""The offline copy's builder (netteach/offline): views, links, text, quizzes and bad input."""

from __future__ import annotations

import ast
import json
import re
import sys
from pathlib import Path

import ipywidgets as w
import pytest

from netteach import DISCLAIMER
from netteach.course import paths
from netteach.offline import frames, pages, quiz, rfa, sirt, site, text
from netteach.quizbank import banks, load_bank
from netteach.widgets.start import path_html

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from npm_pins import pinned_versions  # noqa: E402


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            if node.level:
                parts = path.relative_to(ROOT).with_suffix("").parts[:-node.level]
                mod = ".".join([*parts, mod]) if mod else ".".join(parts)
            names.add(mod)
    return names


def test_nothing_in_the_course_imports_the_offline_builder():
    bad = [str(p.relative_to(ROOT)) for p in (ROOT / "netteach").rglob("*.py")
           if "offline" not in p.parts
           and any(n.startswith("netteach.offline") for n in _imports(p))]
    assert bad == []


def _views(box):
    """(figure src, figure alt, readout HTML) of every view in an explorer's stack(s)."""
    out = []

    def walk(stack):
        for child in stack.children:
            if isinstance(child, w.Stack):
                walk(child)
                continue
            html_all = "".join(c.value for c in child.children if isinstance(c, w.HTML))
            src = re.search(r'src="([^"]+)"', html_all).group(1)
            alt = re.search(r'alt="([^"]*)"', html_all).group(1)
            out.append((src, alt, html_all))

    walk(box.stack)
    return out


def _has_disclaimer(box):
    return any(isinstance(c, w.HTML) and DISCLAIMER in c.value for c in box.children)


def _linked(link, source, target):
    return link.source == (source, "index") and link.target == (target, "selected_index")


def test_decay_explorer_has_one_distinct_described_view_per_day():
    box = sirt.build_decay_explorer(days=(28, 0, 11))
    views = _views(box)
    assert len(views) == 3 == len(box.slider.options)
    assert len({v[0] for v in views}) == 3
    assert [o[0] for o in box.slider.options] == ["0", "11", "28"]
    assert box.slider.index == 1 and box.stack.selected_index == 1  # the range's default, 11
    assert "Day 11" in views[1][1] and "94" in views[1][2]
    assert _has_disclaimer(box) and _linked(box.links[0], box.slider, box.stack)


def test_dosimetry_explorer_links_both_sliders_to_every_row():
    box = sirt.build_dosimetry_explorer(tn_ratios=(4, 8), lung_shunt_percents=(5, 25))
    views = _views(box)
    assert len(views) == 4 == len(box.alts) and len({v[0] for v in views}) == 4
    tn, lsf = box.sliders["tn_ratio"], box.sliders["lung_shunt_percent"]
    assert _linked(box.links[0], tn, box.stack)
    assert all(_linked(link, lsf, row) for link, row in zip(box.links[1:], box.stack.children,
                                                              strict=True))
    assert "above 20%" in views[1][2] and "above 20%" not in views[0][2]
    assert _has_disclaimer(box)


def test_rfa_explorers_show_the_zone_growing_and_the_heat_sink():
    growth = rfa.build_ablation_explorer(minutes=(0, 6, 12))
    views = _views(growth)
    assert len({v[0] for v in views}) == 3
    assert "none yet" in views[0][2] and "Dead zone across the needle" in views[2][2]
    assert growth.slider.index == 0 and _has_disclaimer(growth)
    sink = rfa.build_heat_sink_explorer(distances_mm=(2, 30))
    views = _views(sink)
    assert len({v[0] for v in views}) == 2 and sink.slider.index == 1
    assert all("Temperature map" in v[1] for v in views) and _has_disclaimer(sink)


@pytest.mark.parametrize("bank", sorted(banks()))
def test_offline_quiz_shows_each_options_own_feedback(bank):
    box = quiz.build_offline_quiz(bank)
    _, questions = load_bank(bank)
    assert len(box.links) == len(questions)
    for link, q in zip(box.links, questions, strict=True):
        control, stack = link.source[0], link.target[0]
        assert link.source[1] == "index" and link.target[1] == "selected_index"
        if q.kind == "choice":
            assert control.index is None and stack.selected_index is None  # nothing chosen yet
            for i, (opt, view) in enumerate(zip(q.options, stack.children, strict=True)):
                assert view.value == quiz.choice_feedback_html(q, i)
                assert ("Correct." in view.value) == opt.correct
        else:
            assert control.index == 0 and stack.children[0].value == ""
            assert f"{q.answer:g}" in stack.children[1].value


def test_teaching_text_comes_from_the_notebooks_with_links_fixed():
    md = text.section("04_sirt", "## 2. Decay")
    assert md.startswith("## 2. Decay") and text.PREDICT not in md
    html = text.to_html("## 3. Heat\n\nSee [the arteries](02_hepatic_arteries.ipynb) and "
                        "[SIRT](04_sirt.ipynb).", {"04_sirt": "04_sirt.html"})
    assert "<h2>Heat</h2>" in html
    assert 'href="04_sirt.html"' in html and ".ipynb" not in html
    assert "the arteries (in the full course, on the server)" in html


def test_page_embeds_state_links_and_the_local_renderer_only():
    s = w.SelectionSlider(options=["a", "b"])
    stack, link = frames.linked_stack(s, [w.HTML("</script>one"), w.HTML("two")])
    box = w.VBox([s, stack])
    box.links = [link]
    page = pages.page_html("T", ["<p>hello</p>", box], nav_html="<a href='index.html'>x</a>")
    state = json.loads(re.search(r'widget-state\+json">(.*?)</script>', page, re.S).group(1))
    names = {m["model_name"] for m in state["state"].values()}
    assert {"LinkModel", "StackModel", "SelectionSliderModel"} <= names
    assert "</script>one" not in page and "<\\/script>one" in page
    assert re.findall(r'<script src="([^"]+)"', page) == [pages.RENDERER]
    assert "<script src" not in pages.page_html("T", ["<p>static</p>"])


def test_landing_links_only_the_pages_built():
    pages_built = {"04_sirt": "04_sirt.html"}
    card = path_html(paths()[0], href=lambda f: pages_built.get(f.removesuffix(".ipynb")),
                     missing="on the course server only")
    assert card.count("<a ") == 1 and 'href="04_sirt.html"' in card
    assert "(on the course server only)" in card
    assert path_html(paths()[0]).count("(on the course server only)") == 0  # server unchanged


def test_the_renderer_is_pinned_exactly(tmp_path):
    pins = pinned_versions(ROOT / "deploy" / "offline" / "package.json")
    assert set(pins) == {"@jupyter-widgets/html-manager"}
    assert pins["@jupyter-widgets/html-manager"].startswith("1.0.")
    ranged = tmp_path / "package.json"
    ranged.write_text(json.dumps({"dependencies": {"x": "^1.0.0"}}))
    with pytest.raises(ValueError, match=r"version of x .* exact version .*'\^1\.0\.0'"):
        pinned_versions(ranged)


@pytest.mark.parametrize("call, words", [
    (lambda: frames.check_positions("days", [1, 40], "sirt", "time_days"), ["days", "40", "28"]),
    (lambda: frames.check_positions("days", [1, 1, 2], "sirt", "time_days"), ["days", "repeat"]),
    (lambda: frames.check_positions("days", [x / 2 for x in range(41)], "sirt", "time_days"),
     ["days", "2 to 40", "41"]),
    (lambda: frames.check_positions("days", [1], "sirt", "time_days"), ["days", "2 to 40"]),
    (lambda: frames.check_positions("days", ["a", 2], "sirt", "time_days"), ["days"]),
    (lambda: sirt.build_decay_explorer(days=(-1, 3)), ["days", "-1"]),
    (lambda: sirt.build_dosimetry_explorer(tn_ratios=range(1, 11), lung_shunt_percents=range(5)),
     ["tn_ratios", "40"]),
    (lambda: rfa.build_ablation_explorer(minutes=(0, 15)), ["minutes", "12", "15"]),
    (lambda: rfa.build_heat_sink_explorer(distances_mm=(1, 5)), ["distances_mm", "1"]),
    (lambda: rfa.simulate(power=20), ["changes", "power"]),
    (lambda: quiz.build_offline_quiz("99_nothing"), ["name", "99_nothing"]),
    (lambda: quiz.choice_feedback_html(load_bank("04_sirt")[1][0], 7), ["index", "7"]),
    (lambda: frames.compact_png(None, colours=8), ["colours", "8"]),
    (lambda: frames.figure_widget(b"", " ", "x"), ["alt"]),
    (lambda: frames.linked_stack(w.SelectionSlider(options=["a", "b"]), [w.HTML()]),
     ["views", "2", "1"]),
    (lambda: pages.page_html("T", [3]), ["blocks", "3"]),
    (lambda: site.build_site("/nonexistent-out", "/nonexistent", ["04_sirt"]), ["renderer_dir"]),
    (lambda: site.build_site("/nonexistent-out", "/nonexistent", ["01_nope"]),
     ["stems", "01_nope"]),
    (lambda: text.section("04_sirt", "## 42. Nothing"), ["heading", "42"]),
    (lambda: text.markdown_cells("nope"), ["stem", "nope"]),
])
def test_bad_input_is_refused_with_a_plain_message(call, words):
    with pytest.raises(ValueError) as err:
        call()
    for word in words:
        assert word in str(err.value), (word, str(err.value))
