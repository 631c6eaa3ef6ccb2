"""Controls built from the plausible-values table, the message area and the disclaimer."""

from __future__ import annotations

import html
import math
import re
from contextlib import contextmanager

import ipywidgets as w

from .. import DISCLAIMER
from ..ranges import Range, get, table
from ..texts import say

__all__ = ["slider", "number_box", "NumberBox", "dropdown", "checkbox", "MessageArea",
           "run_safely", "plain_error", "disclaimer", "disclaimer_html", "Busy",
           "control_label"]

_STYLE = {"description_width": "initial"}


def control_label(r: Range) -> str:
    """The visible label of a control: ``"Activity given (GBq)"``."""
    return f"{r.label} ({r.unit})" if r.unit else r.label


def _decimals(step: float) -> int:
    if step >= 1:
        return 0
    return max(0, -int(math.floor(math.log10(step) + 1e-9)))


def slider(topic: str, name: str, *, continuous_update: bool = True, integer: bool = False,
           width: str = "95%", **kw):
    """A slider for row ``(topic, name)`` of the plausible-values table.

    The label is the row's plain-language label with its unit; the tooltip is its description.
    The widget carries the CSS class ``nt-<topic>-<name>`` for browser tests.
    """
    r = get(topic, name)
    common = dict(min=r.min, max=r.max, step=r.step, value=r.default,
                  description=control_label(r), description_allow_html=False,
                  tooltip=r.description, continuous_update=continuous_update, style=_STYLE,
                  layout=w.Layout(width=width))
    common.update(kw)
    if integer:
        for k in ("min", "max", "step", "value"):
            common[k] = int(round(common[k]))
        s = w.IntSlider(**common)
    else:
        s = w.FloatSlider(readout_format=f".{_decimals(r.step)}f", **common)
    s.add_class(f"nt-{topic}-{name}")
    s.add_class("nt-control")
    return s


class MessageArea:
    """A place in a panel for plain-language messages (errors, warnings, notes)."""

    _ICONS = {"error": "⚠", "warning": "⚠", "info": "ℹ", "ok": "✓"}

    def __init__(self):
        self.widget = w.HTML(value="")
        self.widget.add_class("nt-messages")
        self.level = None
        self.text = ""

    def show(self, text: str, level: str = "info") -> None:
        """Show ``text`` (plain text, escaped) at ``level`` (error, warning, info, ok)."""
        self.level, self.text = level, text
        icon = self._ICONS.get(level, "")
        self.widget.value = (f'<div class="nt-msg nt-msg-{level}" role="status">'
                             f'<span aria-hidden="true">{icon}</span> {html.escape(text)}</div>')

    def show_many(self, items) -> None:
        """Show several ``(level, text)`` messages at once."""
        items = list(items)
        if not items:
            self.clear()
            return
        self.level, self.text = items[0][0], " ".join(t for _, t in items)
        self.widget.value = "".join(
            f'<div class="nt-msg nt-msg-{lv}" role="status"><span aria-hidden="true">'
            f'{self._ICONS.get(lv, "")}</span> {html.escape(t)}</div>' for lv, t in items)

    def error(self, text: str) -> None:
        self.show(text, "error")

    def warning(self, text: str) -> None:
        self.show(text, "warning")

    def info(self, text: str) -> None:
        self.show(text, "info")

    def clear(self) -> None:
        self.level, self.text = None, ""
        self.widget.value = ""


def _format(x: float) -> str:
    return f"{x:g}"


class NumberBox:
    """A labelled number box for row ``(topic, name)``; out-of-range values explain themselves.

    ``.value`` is the last valid value; ``.valid`` says whether the box now holds a valid one.
    It never raises: a value outside the plausible range shows a plain-language message.
    """

    def __init__(self, topic: str, name: str, messages: MessageArea, width: str = "95%"):
        self.range = get(topic, name)
        self.messages = messages
        self.widget = w.FloatText(value=self.range.default, step=self.range.step,
                                  description=control_label(self.range),
                                  tooltip=self.range.description, style=_STYLE,
                                  layout=w.Layout(width=width))
        self.widget.add_class(f"nt-{topic}-{name}")
        self.widget.add_class("nt-control")
        self.value = self.range.default
        self.valid = True
        self.widget.observe(self._check, names="value")

    def _check(self, change=None) -> None:
        x = self.widget.value
        r = self.range
        if x is None or not math.isfinite(x) or not r.contains(x):
            self.valid = False
            unit = f" {r.unit}" if r.unit else ""
            given = f"{x}{unit}" if x is not None else "nothing"
            self.messages.error(say("course", "controls.out_of_range", label=r.label,
                                    low=_format(r.min), high=_format(r.max), unit=unit,
                                    given=given))
        else:
            self.valid = True
            self.value = float(x)
            if self.messages.level == "error" and self.messages.text.startswith(r.label):
                self.messages.clear()

    def observe(self, handler, names="value"):
        self.widget.observe(handler, names=names)


def number_box(topic: str, name: str, messages: MessageArea, **kw) -> NumberBox:
    """Build a :class:`NumberBox` for row ``(topic, name)``."""
    return NumberBox(topic, name, messages, **kw)


def dropdown(options, label: str, css_name: str, value=None, width: str = "95%"):
    """A labelled dropdown; ``options`` is a list of ``(text, value)`` pairs or of values."""
    d = w.Dropdown(options=options, description=label, style=_STYLE, layout=w.Layout(width=width))
    if value is not None:
        d.value = value
    d.add_class(f"nt-{css_name}")
    d.add_class("nt-control")
    return d


def checkbox(label: str, css_name: str, value: bool = False):
    """A labelled check box."""
    c = w.Checkbox(value=value, description=label, indent=False, style=_STYLE)
    c.add_class(f"nt-{css_name}")
    c.add_class("nt-control")
    return c


_NAME_RE = re.compile(r"^(?P<name>[a-z_][a-z0-9_]*) must be (?P<rest>.*?); got (?P<got>.*)$",
                      re.DOTALL)


def _label_for(param: str) -> str:
    try:
        for (_, name), r in table().items():
            if name == param:
                return r.label
    except Exception:  # noqa: BLE001 - a message must never fail
        pass
    return param.replace("_", " ")


def plain_error(exc: BaseException) -> str:
    """Turn an exception into a sentence a learner can act on (never a traceback)."""
    if isinstance(exc, ValueError):
        m = _NAME_RE.match(str(exc))
        if m:
            label = _label_for(m.group("name"))
            rest = m.group("rest")
            return (f"{label[0].upper() + label[1:]} must be {rest}, but the value given was "
                    f"{m.group('got')}. Please change it and try again.")
        return f"That combination of values is not possible: {exc}"
    return ("Something went wrong with this calculation. Please try other values; if it keeps "
            "happening, tell your tutor.")


def run_safely(messages: MessageArea, fn, *args, **kwargs):
    """Call ``fn``; on any error show a plain-language message and return ``None``."""
    try:
        return fn(*args, **kwargs)
    except Exception as exc:  # noqa: BLE001 - a learner must never see a traceback
        messages.error(plain_error(exc))
        return None


def disclaimer_html() -> str:
    """The banner every calculator shows, as HTML."""
    return f'<div class="nt-disclaimer" role="note"><b>{html.escape(DISCLAIMER)}</b></div>'


def disclaimer():
    """The banner every calculator shows, as a widget of its own."""
    b = w.HTML(disclaimer_html())
    b.add_class("nt-disclaimer-box")
    return b


class Busy:
    """Shows "Calculating…" in a label while a slow model runs (use as a context manager)."""

    def __init__(self):
        self.widget = w.HTML(value="")
        self.widget.add_class("nt-busy")

    @contextmanager
    def __call__(self, text: str = "Calculating…"):
        self.widget.value = f'<span class="nt-busy-text" role="status">{html.escape(text)}</span>'
        try:
            yield
        finally:
            self.widget.value = ""
