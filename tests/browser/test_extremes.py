"""Every slider of every dashboard driven to its minimum and its maximum, in the browser.

One page load per dashboard. The visible sliders are all pressed to their minimum (Home on the
first handle), the page is left to settle, and it is checked; then all go to their maximum (End on
the last handle), settle, check. Then the next tab or accordion section is opened and its sliders
are driven the same way, until every slider on the page has been reached. A check means: each
slider's handle reports the extreme it was sent to, the page shows no error text, no widget
failed, every figure still has a picture, and the last panel is still there.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .conftest import open_dashboard, page_problems, screenshot

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOKS = sorted(p.stem for p in (ROOT / "notebooks").glob("*.ipynb"))

pytestmark = pytest.mark.browser

SETTLE_S = 1.5       # the page is settled when its widgets have not changed for this long
SETTLE_LIMIT_S = 90  # ...or after this long (then the checks run anyway and report)

# A fingerprint of every output; "busy" while a slow model shows its "Calculating…" note.
_SNAPSHOT = """() => document.querySelector('.nt-busy-text') ? 'busy:' + Date.now() :
  Array.from(document.querySelectorAll('.jp-OutputArea-output'))
    .map(e => e.innerHTML.length + ':' + (e.querySelector('img') || {src: ''}).src.length)
    .join('|')"""

# Sliders not yet driven, that a learner can see now; each gets a stable index.
_PENDING = """() => {
  const out = [];
  document.querySelectorAll('.widget-slider').forEach((el, i) => {
    if (!el.dataset.ntIndex) el.dataset.ntIndex = String(i);
    const r = el.getBoundingClientRect();
    const visible = r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    if (visible && !el.dataset.ntDone) out.push(el.dataset.ntIndex);
  });
  return out;
}"""

_REVEALERS = (".lm-TabBar-tab:not(.lm-mod-current), .p-TabBar-tab:not(.p-mod-current), "
              ".jupyter-widget-Collapse-header, .p-Collapse-header")


def _settle(page) -> None:
    deadline = time.time() + SETTLE_LIMIT_S
    last, since = None, time.time()
    while time.time() < deadline:
        now = page.evaluate(_SNAPSHOT)
        if now != last:
            last, since = now, time.time()
        elif time.time() - since >= SETTLE_S:
            return
        time.sleep(0.25)


def _label(slider) -> str:
    text = slider.locator(".widget-label").first.inner_text() if \
        slider.locator(".widget-label").count() else "(no label)"
    return text.strip() or "(no label)"


def _handle(page, idx: str, key: str):
    handles = page.locator(f'.widget-slider[data-nt-index="{idx}"] .noUi-handle')
    return handles.first if key == "Home" else handles.last


def _type_extreme(page, idx: str, key: str) -> None:
    handle = _handle(page, idx, key)
    want = handle.get_attribute("aria-valuemin" if key == "Home" else "aria-valuemax")
    readout = page.locator(f'.widget-slider[data-nt-index="{idx}"] .widget-readout').first
    if want is None or not readout.count():
        return
    readout.click()
    page.keyboard.press("Control+A")
    page.keyboard.type(want)
    page.keyboard.press("Enter")


def _off_extreme(page, idx: str, key: str) -> str | None:
    """Why the slider is not at the extreme ``key`` sent it to (None if it is)."""
    handle = _handle(page, idx, key)
    now, lo, hi = (handle.get_attribute(a) for a in
                   ("aria-valuenow", "aria-valuemin", "aria-valuemax"))
    if None in (now, lo, hi):
        return None
    want = float(lo) if key == "Home" else float(hi)
    if abs(float(now) - want) <= 1e-9 * max(1.0, abs(want)):
        return None
    slider = page.locator(f'.widget-slider[data-nt-index="{idx}"]')
    return f"{_label(slider)}: at {now}, sent to {want:g}"


def _drive(page, indexes: list[str], key: str) -> list[str]:
    """Press ``key`` on each slider; return those whose handle did not reach the extreme.

    A slider whose range follows another control (a time slider limited by the duration) may
    need a second try once the other control has moved. The retries type the extreme into the
    slider's readout box, one slider at a time: after the kernel changes a slider's range, the
    keyboard's End key still stops at the old maximum (an ipywidgets/noUiSlider quirk).
    """
    todo = [i for i in indexes if _handle(page, i, key).get_attribute("disabled") is None]
    stuck: list[str] = []
    for attempt in range(3):
        for idx in todo:
            handle = _handle(page, idx, key)
            handle.scroll_into_view_if_needed()
            if attempt == 0:
                handle.focus()
                handle.press(key)
            else:  # one at a time, typing the extreme into the slider's readout box
                _type_extreme(page, idx, key)
                _settle(page)
        _settle(page)
        off = {i: _off_extreme(page, i, key) for i in todo}
        todo = [i for i, why in off.items() if why]
        stuck = [off[i] for i in todo]
        if not todo:
            break
    return stuck


def _figures_ok(page) -> list[str]:
    bad = page.eval_on_selector_all(
        ".nt-figure", "els => els.filter(e => { const i = e.querySelector('img');"
        " return !i || !i.src.startsWith('data:image/') || i.src.length < 200; })"
        ".map(e => e.className)")
    return [f"figure without a picture: {b}" for b in bad]


@pytest.mark.parametrize("name", NOTEBOOKS)
def test_every_slider_to_both_extremes(page, voila_url, name):
    open_dashboard(page, voila_url, name)
    assert page_problems(page) == []
    driven, problems, rounds = 0, [], 0
    while rounds < 40:
        rounds += 1
        pending = page.evaluate(_PENDING)
        if pending:
            for key in ("Home", "End"):
                stuck = _drive(page, pending, key)
                problems += [f"{key}: {s}" for s in stuck]
                problems += [f"after {key}: {p}" for p in page_problems(page) + _figures_ok(page)]
            page.evaluate("ids => ids.forEach(i => document.querySelector("
                          "`.widget-slider[data-nt-index=\"${i}\"]`).dataset.ntDone = '1')",
                          pending)
            driven += len(pending)
            continue
        # Open the next tab or section that may hide more sliders.
        revealers = page.locator(_REVEALERS)
        opened = False
        for i in range(revealers.count()):
            r = revealers.nth(i)
            if r.is_visible() and r.get_attribute("data-nt-opened") is None:
                r.evaluate("e => e.setAttribute('data-nt-opened', '1')")
                r.scroll_into_view_if_needed()
                r.click()
                _settle(page)
                opened = True
                break
        if not opened:
            break
    total = page.locator(".widget-slider").count()
    screenshot(page, f"{name}-extremes", full_page=False)
    assert page.locator(".nt-panel-references").count() == 1, "the page lost its last panel"
    assert not problems, f"{name}: " + "; ".join(problems[:10])
    if name != "00_start_here":
        assert driven > 0, "no slider found on the dashboard"
    assert driven == total, f"only {driven} of {total} sliders could be reached"
