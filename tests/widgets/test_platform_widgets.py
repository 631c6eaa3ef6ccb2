"""The shared widgets: controls, messages, quiz, glossary, figure pane, landing paths."""

from __future__ import annotations

import numpy as np
import pytest

from netteach import DISCLAIMER
from netteach.figures.style import PALETTE, new_figure
from netteach.quizbank import Option, Question
from netteach.widgets import controls, display, glossary, layout, quiz, start


def _questions():
    return [
        Question(id="q1", kind="choice", audience="all", objective="o1", prompt="2 + 2?",
                 options=(Option("4", True, "Four: two and two make four."),
                          Option("5", False, "Five is one too many: 2 + 2 = 4."))),
        Question(id="q2", kind="numeric", audience="nurse", objective="o2", prompt="Days?",
                 answer=11.0, tolerance=0.5, unit="days", feedback_correct="Yes, 11 days.",
                 feedback_low="Too few: ...", feedback_high="Too many: ..."),
        Question(id="q3", kind="choice", audience="student", objective="o3", prompt="Pick B",
                 options=(Option("A", False, "A is wrong because ..."),
                          Option("B", True, "B is right because ..."))),
    ]


def test_quiz_wrong_answer_explains_score_counts_and_retry_works():
    qz = quiz.Quiz("Test", _questions())
    q1, q2, _ = qz.questions
    q1.select(1)
    q1.check()
    assert "Not quite" in q1.feedback.value and "one too many" in q1.feedback.value
    assert qz.score == 0 and qz.answered == 1
    assert q1.can_retry and q1.button.description == "Try this question again"
    q1.button.click()  # the same button now starts the question again
    assert q1.feedback.value == "" and not q1.answer.disabled
    assert q1.button.description == "Check my answer" and not q1.can_retry
    q1.select(0)
    q1.button.click()
    assert "Correct" in q1.feedback.value and "two and two" in q1.feedback.value
    assert q1.button.disabled and not q1.can_retry  # nothing to retry after a right answer
    assert qz.score == 0  # the score keeps the first attempt
    q2.select(11.2)
    q2.check()
    assert qz.score == 1 and "Score: 1 of 3" in qz.score_label.value
    qz.restart()
    assert qz.score == 0 and qz.answered == 0 and q1.feedback.value == ""


def test_quiz_numeric_feedback_low_high_and_unanswered():
    qz = quiz.Quiz("Test", _questions())
    q2 = qz.questions[1]
    q2.check()
    assert "Type a number first" in q2.feedback.value
    q2.select(3)
    q2.check()
    assert "Too few" in q2.feedback.value
    q2.retry()
    q2.select(30)
    q2.check()
    assert "Too many" in q2.feedback.value and "about 11" in q2.feedback.value


def test_quiz_audience_filter():
    qz = quiz.Quiz("Test", _questions())
    qz.audience.value = "nurse"
    assert [q.q.id for q in qz.visible] == ["q1", "q2"]
    assert qz.questions[2].widget.layout.display == "none"
    qz.audience.value = "student"
    assert [q.q.id for q in qz.visible] == ["q1", "q3"]


def test_number_box_out_of_range_shows_message_and_raises_nothing(tmp_path):
    msgs = controls.MessageArea()
    # use a row of the course table that always exists: build a Range-backed box by hand
    box = controls.NumberBox.__new__(controls.NumberBox)
    from netteach.ranges import Range

    box.range = Range("t", "height_m", "Height", "m", 1.2, 2.2, 1.7, 0.01, "Body height")
    box.messages = msgs
    import ipywidgets as w

    box.widget = w.FloatText(value=1.7)
    box.value, box.valid = 1.7, True
    box.widget.observe(box._check, names="value")
    box.widget.value = 5.0
    assert not box.valid and box.value == 1.7
    assert msgs.level == "error" and "between 1.2 and 2.2 m" in msgs.text and "5" in msgs.text
    box.widget.value = 1.8
    assert box.valid and box.value == 1.8 and msgs.level is None


def test_run_safely_turns_errors_into_plain_language():
    msgs = controls.MessageArea()

    def bad():
        raise ValueError("activity_gbq must be greater than 0 GBq; got -1")

    assert controls.run_safely(msgs, bad) is None
    assert msgs.level == "error" and "must be greater than 0 GBq" in msgs.text
    assert "activity_gbq" not in msgs.text or "Activity" in msgs.text

    def crash():
        raise ZeroDivisionError("boom")

    assert controls.run_safely(msgs, crash) is None
    assert "Something went wrong" in msgs.text and "boom" not in msgs.text
    assert controls.run_safely(msgs, lambda: 3) == 3


def test_disclaimer_and_calculator_panel():
    assert DISCLAIMER in controls.disclaimer().value
    p = layout.panel("Calc", calculator=True)
    assert any(DISCLAIMER in getattr(c, "value", "") for c in p.children)


def test_figure_pane_updates_artists_and_alt_text():
    fig, ax = new_figure(6, 3)
    (line,) = ax.plot([0, 1], [0, 1], color=PALETTE["blue"])
    pane = display.FigurePane(fig, "A rising line.", "demo")
    first = pane.widget.value
    assert 'alt="A rising line."' in first and first.startswith("<img")
    line.set_ydata(np.array([1, 0]))
    pane.refresh("A falling line.")
    assert pane.widget.value != first and 'alt="A falling line."' in pane.widget.value
    assert "nt-fig-demo" in pane.widget._dom_classes


def test_glossary_panel_filters():
    p = glossary.build_glossary_panel()
    full = p.results.value
    p.search_box.value = "catheter"
    assert p.results.value != full and "Catheter" in p.results.value
    p.search_box.value = "qqqqzz"
    assert "No term matches" in p.results.value


def test_paths_show_missing_dashboard_as_coming(monkeypatch):
    monkeypatch.setattr(start, "is_available", lambda f: f.startswith("01"))
    html = start.path_html({"id": "x", "title": "T", "who": "W",
                            "steps": [{"file": "01_nets_and_the_liver.ipynb", "minutes": 5},
                                      {"file": "04_sirt.ipynb", "minutes": 7}]})
    assert 'href="01_nets_and_the_liver.ipynb"' in html
    assert "(coming)" in html and 'href="04_sirt.ipynb"' not in html
    assert "About 12 minutes" in html


@pytest.mark.parametrize("level", ["error", "warning", "info", "ok"])
def test_message_area_escapes_text(level):
    m = controls.MessageArea()
    m.show("<b>x</b>", level)
    assert "&lt;b&gt;" in m.widget.value and f"nt-msg-{level}" in m.widget.value


def test_overview_picture_has_three_panels_and_description():
    from netteach.figures.course import OVERVIEW_ALT, draw_three_treatments

    drawn = draw_three_treatments()
    titles = [a.get_title() for a in drawn["axes"]]
    assert titles == ["Embolisation (TACE)", "Radioembolisation (SIRT)",
                      "Radiofrequency ablation (RFA)"]
    panel = start.build_overview_panel()
    html = panel.children[1].value
    assert "radiofrequency ablation" in OVERVIEW_ALT and 'alt="Three schematic' in html


def test_cached_background_render_matches_a_full_render():
    from netteach.figures.style import figure_to_png

    def make():
        fig, ax = new_figure(6, 3)
        for i in range(20):
            ax.text(0.05 * i, 0.02, f"{i}")
        (line,) = ax.plot([0, 1], [0, 1], color=PALETTE["orange"])
        return fig, line

    fig_a, line_a = make()
    fig_b, line_b = make()
    figure_to_png(fig_a, animated=[line_a])
    figure_to_png(fig_b)
    for line in (line_a, line_b):
        line.set_ydata([1, 0.2])
    fast = figure_to_png(fig_a, animated=[line_a])
    full = figure_to_png(fig_b)
    from io import BytesIO

    from PIL import Image, ImageChops

    diff = ImageChops.difference(Image.open(BytesIO(fast)).convert("RGB"),
                                 Image.open(BytesIO(full)).convert("RGB"))
    assert diff.getbbox() is None  # pixel-identical


def test_new_axis_limits_redo_the_frozen_layout():
    """Wider tick labels after a change of limits must not push the axis label off the figure."""
    from netteach.figures.style import figure_to_png

    fig, ax = new_figure(4, 3)
    (line,) = ax.plot([0, 1], [0, 1])
    ax.set_ylabel("A long axis label (units)")
    figure_to_png(fig)
    line.set_ydata([0, 123456.0])
    ax.set_ylim(0, 123456.0)
    figure_to_png(fig)
    renderer = fig.canvas.get_renderer()
    assert ax.yaxis.label.get_window_extent(renderer).x0 >= 0
