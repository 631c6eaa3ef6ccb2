"""Multiple-choice and numeric quizzes with explanatory feedback, a score and retries."""

from __future__ import annotations

import html
import math

import ipywidgets as w
from ipywidgets.widgets.widget_description import DescriptionStyle
from ipywidgets.widgets.widget_string import HTMLStyle

from ..quizbank import Question, load_bank
from .layout import panel

__all__ = ["QuestionWidget", "Quiz", "build_quiz_panel"]

CHECK = "Check my answer"
RETRY = "Try this question again"
_AUDIENCE_TEXT = {"student": "for medical students", "nurse": "for nurses",
                  "all": "for everyone"}


class SharedLooks:
    """Layouts and styles that every question of one quiz uses and never changes.

    ipywidgets gives each widget a layout and a style of its own, each a model in the kernel
    and in the browser. A quiz of twelve questions made 168 widgets that way; sharing these
    (which no question ever changes) halves that, and the page appears sooner.
    """

    def __init__(self):
        self.text_layout = w.Layout()
        self.text_style = HTMLStyle()
        self.choices_layout = w.Layout(width="95%")
        self.choices_style = DescriptionStyle()
        self.button_layout = w.Layout(width="auto", align_self="flex-start")
        self.button_style = w.ButtonStyle()

    def html(self, value: str = "") -> w.HTML:
        return w.HTML(value, layout=self.text_layout, style=self.text_style)


class QuestionWidget:
    """One question: its prompt, an answer control, a Check button and feedback."""

    def __init__(self, number: int, q: Question, on_checked, looks: SharedLooks | None = None):
        looks = looks or SharedLooks()
        self.q = q
        self.on_checked = on_checked
        self.first_attempt: bool | None = None   # correct at first attempt?
        self.correct: bool | None = None
        prompt = looks.html(f'<div class="nt-quiz-prompt">{number}. {html.escape(q.prompt)}</div>'
                            f'<div class="nt-quiz-tag">{_AUDIENCE_TEXT[q.audience]} · checks: '
                            f'{html.escape(q.objective)}</div>')
        if q.kind == "choice":
            self.answer = w.RadioButtons(options=[(o.text, i) for i, o in enumerate(q.options)],
                                         value=None, layout=looks.choices_layout,
                                         style=looks.choices_style)
        else:
            self.answer = w.Text(value="", placeholder="type a number",
                                 description=f"Your answer ({q.unit})" if q.unit
                                 else "Your answer", style={"description_width": "initial"})
        # One button: "Check my answer", and after a wrong answer "Try this question again"
        # (one widget, not two in a row: a quiz of eleven questions has 55 widgets fewer).
        self.button = w.Button(description=CHECK, button_style="primary",
                               layout=looks.button_layout, style=looks.button_style)
        self.feedback = looks.html("")
        self.button.on_click(lambda _: self.check() if self.button.description == CHECK
                             else self.retry())
        self.widget = w.VBox([prompt, self.answer, self.button, self.feedback])
        self.widget.add_class("nt-quiz-q")
        self.widget.add_class(f"nt-quiz-{q.id}")

    def select(self, value) -> None:
        """Choose an option (its index) or type a number, as a learner would."""
        self.answer.value = value if self.q.kind == "choice" else str(value)

    def _number(self) -> float | None:
        try:
            x = float(str(self.answer.value).strip().replace(",", "."))
        except ValueError:
            return None
        return x if math.isfinite(x) else None

    def check(self) -> None:
        value = self.answer.value if self.q.kind == "choice" else self._number()
        if value is None:
            what = "Choose an answer" if self.q.kind == "choice" else "Type a number"
            self.feedback.value = (f'<div class="nt-feedback-wrong">{what} first, then press '
                                   '“Check my answer”.</div>')
            return
        if self.q.kind == "choice":
            ok, text = self.q.grade_choice(value)
        else:
            ok, text = self.q.grade_number(float(value))
            if not ok:
                text += (f" (The expected answer is about {self.q.answer:g} {self.q.unit}.)"
                         if self.first_attempt is False else "")
        verdict = "Correct." if ok else "Not quite."
        css = "nt-feedback-right" if ok else "nt-feedback-wrong"
        self.feedback.value = (f'<div class="{css}" role="status"><b>{verdict}</b> '
                               f'{html.escape(text)}</div>')
        if self.first_attempt is None:
            self.first_attempt = ok
        self.correct = ok
        self.answer.disabled = True
        if ok:
            self.button.disabled = True
        else:
            self.button.description, self.button.button_style = RETRY, ""
        self.on_checked()

    @property
    def can_retry(self) -> bool:
        """Whether the button now offers to try the question again (after a wrong answer)."""
        return self.button.description == RETRY and not self.button.disabled

    def retry(self) -> None:
        """Answer this question again (the score keeps the first attempt)."""
        self.answer.disabled = False
        self.button.disabled = False
        self.button.description, self.button.button_style = CHECK, "primary"
        self.feedback.value = ""
        self.answer.value = None if self.q.kind == "choice" else ""

    def reset(self) -> None:
        self.retry()
        self.first_attempt = None
        self.correct = None


class Quiz:
    """A quiz built from a question bank; keeps a score; can be restarted."""

    def __init__(self, title: str, questions: list[Question]):
        self.title = title
        looks = SharedLooks()
        self.questions = [QuestionWidget(i + 1, q, self._update_score, looks)
                          for i, q in enumerate(questions)]
        self.score_label = w.HTML("")
        self.score_label.add_class("nt-score-box")
        self.audience = w.Dropdown(options=[("Everyone", "all"), ("Medical students", "student"),
                                            ("Nurses", "nurse")], value="all",
                                   description="Show questions for",
                                   style={"description_width": "initial"})
        self.audience.observe(lambda _: self._filter(), names="value")
        self.restart_button = w.Button(description="Start the quiz again",
                                       layout=w.Layout(width="auto"))
        self.restart_button.on_click(lambda _: self.restart())
        self._update_score()

    @classmethod
    def from_bank(cls, bank: str) -> Quiz:
        """The quiz of notebook ``bank`` (e.g. ``"04_sirt"``)."""
        return cls(*load_bank(bank))

    @property
    def visible(self) -> list[QuestionWidget]:
        want = self.audience.value
        return [q for q in self.questions if want == "all" or q.q.audience in (want, "all")]

    @property
    def score(self) -> int:
        """Questions answered correctly at the first attempt (among those shown)."""
        return sum(1 for q in self.visible if q.first_attempt)

    @property
    def answered(self) -> int:
        return sum(1 for q in self.visible if q.first_attempt is not None)

    def _filter(self) -> None:
        shown = set(map(id, self.visible))
        for q in self.questions:
            q.widget.layout.display = "" if id(q) in shown else "none"
        self._update_score()

    def _update_score(self) -> None:
        total = len(self.visible)
        self.score_label.value = (f'<div class="nt-score" role="status">Score: {self.score} of '
                                  f'{total} right at the first try ({self.answered} answered)'
                                  '</div>')

    def restart(self) -> None:
        for q in self.questions:
            q.reset()
        self._update_score()


def build_quiz_panel(bank: str):
    """The quiz panel for notebook ``bank`` (e.g. ``"04_sirt"``)."""
    quiz = Quiz.from_bank(bank)
    box = panel(quiz.title, quiz.audience, *[q.widget for q in quiz.questions],
                quiz.score_label, quiz.restart_button,
                intro="Answer each question, then press “Check my answer”. Every answer, right "
                      "or wrong, comes with an explanation. You can try a question again; the "
                      "score counts first tries.", css_name="quiz")
    box.quiz = quiz
    return box
