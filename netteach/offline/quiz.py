"""The dashboards' quizzes, offline: choosing an answer shows its feedback straight away.

The questions and feedback come from the question banks (:mod:`netteach.quizbank`). Without a
kernel nothing keeps a score: a choice question's option picks its feedback through a
browser-side link, and a numeric question has a button that shows the worked answer.
"""

from __future__ import annotations

import html

import ipywidgets as w

from ..quizbank import Question, load_bank
from ..widgets.layout import panel
from .frames import linked_stack

__all__ = ["build_offline_quiz", "choice_feedback_html"]

_AUDIENCE_TEXT = {"student": "for medical students", "nurse": "for nurses", "all": "for everyone"}
SHOW = ("Hide the answer", "Show the worked answer")


def choice_feedback_html(q: Question, index: int) -> str:
    """The feedback shown when option ``index`` of question ``q`` is chosen."""
    if q.kind != "choice":
        raise ValueError(f"q must be a choice question; got kind {q.kind!r} ({q.id})")
    if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(q.options):
        raise ValueError(f"index must be a whole number from 0 to {len(q.options) - 1}; "
                         f"got {index!r}")
    ok, text = q.grade_choice(index)
    css = "nt-feedback-right" if ok else "nt-feedback-wrong"
    verdict = "Correct." if ok else "Not quite."
    return f'<div class="{css}" role="status"><b>{verdict}</b> {html.escape(text)}</div>'


def _numeric_answer_html(q: Question) -> str:
    within = f" (answers within {q.tolerance:g} count as right)" if q.tolerance else ""
    return (f'<div class="nt-feedback-right" role="status"><b>The answer is {q.answer:g} '
            f'{html.escape(q.unit)}</b>{within}. {html.escape(q.feedback_correct)}</div>')


def _question(number: int, q: Question):
    prompt = w.HTML(f'<div class="nt-quiz-prompt">{number}. {html.escape(q.prompt)}</div>'
                    f'<div class="nt-quiz-tag">{_AUDIENCE_TEXT[q.audience]} · checks: '
                    f'{html.escape(q.objective)}</div>')
    if q.kind == "choice":
        control = w.RadioButtons(options=[(o.text, i) for i, o in enumerate(q.options)],
                                 value=None, layout=w.Layout(width="95%"))
        views = [w.HTML(choice_feedback_html(q, i)) for i in range(len(q.options))]
    else:
        note = w.HTML('<div class="nt-quiz-tag">Work it out on paper first, then show the '
                      "answer.</div>")
        control = w.ToggleButtons(options=list(SHOW), index=0)
        views = [w.HTML(""), w.HTML(_numeric_answer_html(q))]
        prompt = w.VBox([prompt, note])
    control.add_class("nt-quiz-answer")
    feedback, link = linked_stack(control, views)
    feedback.add_class("nt-quiz-feedback")
    box = w.VBox([prompt, control, feedback])
    box.add_class("nt-quiz-q")
    box.add_class(f"nt-quiz-{q.id}")
    box.add_class(f"nt-quiz-{q.kind}")
    return box, link


def build_offline_quiz(bank: str):
    """The quiz of notebook ``bank`` (e.g. ``"04_sirt"``) for the offline pages.

    Returns
    -------
    ipywidgets.VBox
        The panel, with ``.links`` (one per question) and ``.questions`` (the question data).

    Raises
    ------
    ValueError
        If ``bank`` is not a question bank.
    """
    title, questions = load_bank(bank)
    boxes, links = [], []
    for i, q in enumerate(questions):
        box, link = _question(i + 1, q)
        boxes.append(box)
        links.append(link)
    out = panel(title, *boxes, css_name="quiz",
                intro="Choose an answer to see why it is right or wrong; choose another to "
                      "compare. Offline no score is kept.")
    out.links, out.questions = links, questions
    return out
