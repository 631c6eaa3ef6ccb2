"""The static, offline copy (make offline): built, then opened from file:// with the network off.

The copy is built once into test-output/offline-test/ (the widget renderer comes from npm, pinned
in deploy/offline/package.json, installed into test-output/offline-npm/ on first use). Every
page is opened in headless Chromium with every request that is not for a local file aborted:
nothing may leave the machine, no script may fail, and the sliders and quizzes must work.
"""

from __future__ import annotations

import base64
import json
import re
import shutil
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import SHOTS, figure_src, page_problems, slider_press, wait_changed

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import build_offline  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

OUT = ROOT / "test-output" / "offline-test"
PAGE_BUDGET_BYTES = 3_000_000          # one dashboard page, pictures included
STATE = re.compile(r'<script type="application/vnd\.jupyter\.widget-state\+json">(.*?)</script>',
                   re.DOTALL)


@pytest.fixture(scope="module")
def site():
    if OUT.exists():
        shutil.rmtree(OUT)
    try:
        report = build_offline.build(OUT)
    except RuntimeError as exc:  # npm missing
        pytest.fail(str(exc))
    (OUT / "build-report.json").write_text(json.dumps(report, indent=1))
    return report


def _state(page_file: Path) -> dict:
    return json.loads(STATE.search(page_file.read_text()).group(1))["state"]


def _html_values(state: dict) -> list[str]:
    return [m["state"]["value"] for m in state.values() if m["model_name"] == "HTMLModel"]


def _views_of_each_stack(state: dict) -> list[list[str]]:
    """For every Stack of precomputed views, the HTML of each of its views (all descendants)."""
    def html_of(model_id):
        m = state[model_id.removeprefix("IPY_MODEL_")]
        if m["model_name"] == "HTMLModel":
            return m["state"]["value"]
        return "".join(html_of(c) for c in m["state"].get("children", []))

    return [[html_of(c) for c in m["state"]["children"]] for m in state.values()
            if m["model_name"] == "StackModel"
            and state[m["state"]["children"][0].removeprefix("IPY_MODEL_")]["model_name"]
            == "VBoxModel"]


def test_the_copy_holds_its_pages_and_stays_small(site):
    files = site["files"]
    for name in ("index.html", "04_sirt.html", "05_rfa.html", "vendor/embed.js",
                 "vendor/embed.js.LICENSE.txt", "README.txt"):
        assert name in files, name
    for name in ("04_sirt.html", "05_rfa.html"):
        assert files[name] < PAGE_BUDGET_BYTES, (name, files[name])
    assert site["views"]["04_sirt"] >= 20 and site["views"]["05_rfa"] >= 15
    assert not [f for f in files if f.endswith((".woff", ".woff2", ".ttf", ".map"))]


@pytest.mark.parametrize("name", ["04_sirt", "05_rfa"])
def test_every_view_is_distinct_described_and_the_calculators_warn(site, name):
    text = (OUT / f"{name}.html").read_text()
    # the page loads nothing from anywhere but its own folder
    assert re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="(?!vendor/|data:)', text) == []
    assert not re.search(r"cdn\.|unpkg|jsdelivr|googleapis|fontawesome", text, re.I)
    state = _state(OUT / f"{name}.html")
    values = _html_values(state)
    imgs = [m for v in values for m in re.findall(r"<img [^>]*>", v)]
    srcs = [re.search(r'src="([^"]+)"', i).group(1) for i in imgs]
    alts = [re.search(r'alt="([^"]*)"', i).group(1) for i in imgs]
    assert len(imgs) >= 15
    stacks = _views_of_each_stack(state)
    assert len(stacks) >= 2
    for views in stacks:  # each slider position shows a picture of its own
        pictures = [re.search(r'src="([^"]+)"', v).group(1) for v in views]
        assert len(set(pictures)) == len(pictures), "two positions show the same picture"
    assert all(len(a) > 40 for a in alts), "every figure needs a text description"
    for src in srcs[:3]:
        assert base64.b64decode(src.split(",", 1)[1])[:8] == b"\x89PNG\r\n\x1a\n"
    disclaimers = sum("For teaching only, not for clinical decisions." in v for v in values)
    assert disclaimers >= 2  # one per explorer panel
    body = text.split("</head>", 1)[1]  # and the page says it too, in plain HTML
    assert "For teaching only, not for clinical decisions." in STATE.sub("", body)


# --------------------------------------------------------------------------- in the browser
@pytest.fixture
def offline_page(browser):
    """A page that may load local files only; records what it tried and what went wrong."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    seen = {"remote": [], "failed": [], "errors": []}

    def only_files(route):
        if route.request.url.startswith(("file://", "data:")):
            route.continue_()
        else:
            seen["remote"].append(route.request.url)
            route.abort()

    context.route("**/*", only_files)
    pg = context.new_page()
    pg.set_default_timeout(30_000)
    pg.on("console", lambda m: seen["errors"].append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: seen["errors"].append(str(e)))
    pg.on("requestfailed", lambda r: seen["failed"].append(r.url)
          if r.url.startswith("file://") else None)
    pg.seen = seen
    yield pg
    context.close()


def _open(page, name):
    page.goto((OUT / f"{name}.html").as_uri())
    if name != "index":
        page.wait_for_selector(".nt-panel-quiz .nt-quiz-q", state="visible")
    return page


def _clean(page):
    assert page.seen == {"remote": [], "failed": [], "errors": []}
    assert page_problems(page) == []
    assert re.search(r"\berror\b", page.inner_text("body"), re.IGNORECASE) is None


def _shot(page, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"offline-{name}.png"), full_page=True)


def _move_changes_figure(page, slider_css, fig_css, key):
    before = figure_src(page, fig_css)
    slider_press(page, slider_css, key)
    after = wait_changed(lambda: figure_src(page, fig_css), before, 10)
    assert after != before, f"{slider_css}: the figure did not change"


def _choose_shows_feedback(page, option=1):
    q = page.locator(".nt-quiz-choice").first
    q.scroll_into_view_if_needed()
    assert q.locator(".nt-feedback-right, .nt-feedback-wrong").count() == 0
    q.locator(".widget-radio-box label").nth(option).click()
    fb = q.locator(".nt-feedback-right, .nt-feedback-wrong").first
    fb.wait_for(state="visible", timeout=10_000)
    return fb.inner_text()


def test_landing_page_renders_offline(site, offline_page):
    page = _open(offline_page, "index")
    assert "Liver-directed therapy" in page.inner_text("h1")
    assert page.locator(".nt-path").count() == 3
    links = page.locator(".nt-path a.nt-path-link")
    assert sorted(set(links.evaluate_all("es => es.map(e => e.getAttribute('href'))"))) == \
        ["04_sirt.html", "05_rfa.html"]
    assert "needs the course server" in page.inner_text(".nt-offline-note")
    assert page.locator(".nt-fig-overview img").get_attribute("alt")
    assert page.locator(".nt-references li").count() >= 3
    _clean(page)
    _shot(page, "index")
    page.locator("a.nt-path-link").first.click()   # the links work from file:// too
    page.wait_for_selector(".nt-panel-quiz .nt-quiz-q", state="visible")


def test_sirt_page_is_interactive_offline(site, offline_page):
    page = _open(offline_page, "04_sirt")
    assert page.locator(".nt-panel").count() >= 3
    _move_changes_figure(page, "nt-sirt-time_days", "sirt-decay", "End")
    assert "28" in page.locator(".nt-panel-sirt-decay table").first.inner_text()
    _move_changes_figure(page, "nt-sirt-tn_ratio", "sirt-methods", "End")
    _move_changes_figure(page, "nt-sirt-lung_shunt_percent", "sirt-methods", "End")
    assert "above 20%" in page.locator(".nt-panel-sirt-dosimetry").inner_text()
    assert "50%" in _choose_shows_feedback(page, option=1)  # "About 50%" explains itself
    numeric = page.locator(".nt-quiz-numeric").first
    numeric.locator("button", has_text="Show the worked answer").click()
    numeric.locator(".nt-feedback-right").wait_for(state="visible")
    assert "The answer is 0.5 GBq" in numeric.inner_text()
    _clean(page)
    _shot(page, "04_sirt")


def test_rfa_page_is_interactive_offline(site, offline_page):
    page = _open(offline_page, "05_rfa")
    assert "none yet" in page.locator(".nt-panel-rfa-growth table").first.inner_text()
    _move_changes_figure(page, "nt-rfa-time_shown_min", "rfa-map", "End")
    assert "12 min" in page.locator(".nt-panel-rfa-growth table").first.inner_text()
    _move_changes_figure(page, "nt-rfa-vessel_distance_mm", "rfa-heat-sink", "Home")
    assert "Towards the vessel" in page.locator(".nt-panel-rfa-heat-sink").inner_text()
    assert _choose_shows_feedback(page, option=0)
    _clean(page)
    _shot(page, "05_rfa")
