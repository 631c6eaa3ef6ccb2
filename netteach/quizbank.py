"""Question banks: one TOML file per notebook in ``netteach/data/quiz`` (layer-neutral data)."""

from __future__ import annotations

from dataclasses import dataclass, field

from ._data import load_folder

__all__ = ["Option", "Question", "load_bank", "banks", "AUDIENCES"]

AUDIENCES = ("student", "nurse", "all")


@dataclass(frozen=True)
class Option:
    text: str
    correct: bool
    feedback: str


@dataclass(frozen=True)
class Question:
    id: str
    kind: str
    audience: str
    objective: str
    prompt: str
    options: tuple[Option, ...] = ()
    answer: float | None = None
    tolerance: float = 0.0
    unit: str = ""
    feedback_correct: str = ""
    feedback_low: str = ""
    feedback_high: str = ""
    refs: tuple[str, ...] = field(default_factory=tuple)

    def grade_choice(self, index: int) -> tuple[bool, str]:
        """Return (correct, feedback) for option ``index``."""
        opt = self.options[index]
        return opt.correct, opt.feedback

    def grade_number(self, value: float) -> tuple[bool, str]:
        """Return (correct, feedback) for a numeric answer."""
        if abs(value - self.answer) <= self.tolerance:
            return True, self.feedback_correct
        return False, self.feedback_low if value < self.answer else self.feedback_high


def _question(raw: dict, bank: str) -> Question:
    where = f"{bank}:{raw.get('id', '?')}"
    kind = raw.get("kind")
    if kind not in ("choice", "numeric"):
        raise ValueError(f"{where}: kind must be 'choice' or 'numeric'; got {kind!r}")
    if raw.get("audience") not in AUDIENCES:
        raise ValueError(f"{where}: audience must be one of {AUDIENCES}; "
                         f"got {raw.get('audience')!r}")
    for key in ("id", "objective", "prompt"):
        if not str(raw.get(key, "")).strip():
            raise ValueError(f"{where}: {key} is missing")
    opts = tuple(Option(o["text"], bool(o.get("correct", False)), o["feedback"])
                 for o in raw.get("options", []))
    if kind == "choice":
        if len(opts) < 2 or sum(o.correct for o in opts) != 1:
            raise ValueError(f"{where}: a choice question needs >= 2 options and exactly 1 correct")
        if any(not o.feedback.strip() for o in opts):
            raise ValueError(f"{where}: every option needs its own feedback")
    else:
        for key in ("answer", "feedback_correct", "feedback_low", "feedback_high"):
            if key not in raw:
                raise ValueError(f"{where}: a numeric question needs {key}")
    return Question(id=raw["id"], kind=kind, audience=raw["audience"],
                    objective=raw["objective"], prompt=raw["prompt"], options=opts,
                    answer=float(raw["answer"]) if "answer" in raw else None,
                    tolerance=float(raw.get("tolerance", 0.0)), unit=raw.get("unit", ""),
                    feedback_correct=raw.get("feedback_correct", ""),
                    feedback_low=raw.get("feedback_low", ""),
                    feedback_high=raw.get("feedback_high", ""),
                    refs=tuple(raw.get("refs", ())))


def banks() -> dict[str, dict]:
    """Every raw question bank, keyed by notebook stem."""
    return load_folder("quiz")


def load_bank(name: str) -> tuple[str, list[Question]]:
    """Return ``(title, questions)`` for the notebook ``name`` (e.g. ``"04_sirt"``)."""
    all_banks = banks()
    if name not in all_banks:
        raise ValueError(f"name must be one of {sorted(all_banks)}; got {name!r}")
    raw = all_banks[name]
    return raw.get("title", "Check your understanding"), [_question(q, name)
                                                          for q in raw["questions"]]
