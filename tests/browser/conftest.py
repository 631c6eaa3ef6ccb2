"""Browser-test fixtures: one Voila on a free loopback port, headless Debian Chromium.

Fixtures: ``voila_url``, ``browser``, ``page``. Helpers: ``open_dashboard``, ``slider_press``,
``set_number``, ``figure_src``, ``wait_changed``, ``page_problems``, ``screenshot``.
"""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
from find_chromium import HELP, find_chromium  # noqa: E402

SHOTS = ROOT / "test-output" / "screenshots"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
                 "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
RENDER_TIMEOUT_MS = 120_000

# Text that must never reach a learner.
PROBLEM_TEXT = ["Traceback", "Error displaying widget", "Loading widget", "There was an error",
                "Exception:", "ValueError", "NameError", "ModuleNotFoundError",
                "Cell execution timed out", "KernelDied"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_voila(port: int, extra_args=(), notebooks: Path = ROOT / "notebooks"):
    """Start Voila from the repository root (so voila.json applies) in its own process group."""
    voila = Path(sys.executable).with_name("voila")
    cmd = [str(voila), "--no-browser", f"--port={port}", "--Voila.ip=127.0.0.1",
           "--MappingKernelManager.cull_idle_timeout=120",
           "--MappingKernelManager.cull_interval=30", *extra_args, str(notebooks)]
    log = open(ROOT / "test-output" / f"voila-{port}.log", "w")  # noqa: SIM115
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True, env=os.environ.copy())
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    while time.time() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"Voila exited early; see test-output/voila-{port}.log")
        try:
            urllib.request.urlopen(url + "/", timeout=2)
            return proc, url
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.5)
    stop_voila(proc)
    raise RuntimeError("Voila did not start within 90 s")


def stop_voila(proc) -> None:
    for sig, wait in [(signal.SIGINT, 10), (signal.SIGTERM, 10), (signal.SIGKILL, 5)]:
        if proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, sig)
        except ProcessLookupError:
            return
        try:
            proc.wait(wait)
        except subprocess.TimeoutExpired:
            continue


@pytest.fixture(scope="session")
def voila_url():
    (ROOT / "test-output").mkdir(exist_ok=True)
    # Preheating is tested on its own (tests/serving); here each page gets a fresh kernel.
    proc, url = start_voila(free_port(), ["--VoilaConfiguration.preheat_kernel=False"])
    yield url
    stop_voila(proc)


@contextlib.contextmanager
def launch_chromium():
    """Headless Debian (or Playwright-managed) Chromium; fails the test if there is none."""
    path = find_chromium()
    if not path:
        pytest.fail(HELP)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()




@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    blocked: list[str] = []  # every request for something beyond the local server

    def only_local(route):
        host = route.request.url.split("/")[2] if "://" in route.request.url else ""
        if host.startswith("127.0.0.1") or host.startswith("localhost") or \
                route.request.url.startswith("data:"):
            route.continue_()
        else:
            blocked.append(route.request.url)
            route.abort()

    context.route("**/*", only_local)
    pg = context.new_page()
    pg.blocked_requests = blocked
    pg.set_default_timeout(RENDER_TIMEOUT_MS)
    yield pg
    context.close()


def open_dashboard(page, base_url: str, name: str):
    """Open ``notebooks/<name>.ipynb`` in Voila and wait until every widget has rendered.

    Every course notebook ends with the references panel (``.nt-panel-references``); it is the
    last cell, so when it is visible all cells have run.
    """
    page.goto(f"{base_url}/voila/render/{name}.ipynb", wait_until="commit")
    page.wait_for_selector(".nt-panel-references", state="visible", timeout=RENDER_TIMEOUT_MS)
    deadline = time.time() + 30
    while time.time() < deadline:
        if "Loading widget" not in page.inner_text("body"):
            break
        time.sleep(0.25)
    return page


def page_problems(page) -> list[str]:
    """Any error text, stderr output or failed widget on the page."""
    text = page.inner_text("body")
    found = [t for t in PROBLEM_TEXT if t in text]
    stderr = page.locator('[data-mime-type="application/vnd.jupyter.stderr"]').count()
    if stderr:
        found.append(f"{stderr} stderr output(s): "
                     + page.locator('[data-mime-type="application/vnd.jupyter.stderr"]')
                     .first.inner_text()[:300])
    return found


@contextmanager
def _tall_window(page):
    """Grow the window to the whole dashboard for a while: Voila's lab template scrolls inside
    ``#rendered_cells``, not the page, so anything below the window would be cut off."""
    size = page.viewport_size
    height = page.evaluate("() => { const e = document.querySelector('#rendered_cells');"
                           " return e ? e.scrollHeight : document.body.scrollHeight; }")
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 30000)})
    page.wait_for_timeout(300)
    try:
        yield
    finally:
        page.set_viewport_size(size)


def screenshot(page, name: str, full_page: bool = True) -> Path:
    """Save a screenshot; ``full_page`` takes the whole dashboard, not just the window."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    if full_page:
        with _tall_window(page):
            page.screenshot(path=str(path), full_page=True)
    else:
        page.screenshot(path=str(path))
    return path


def screenshot_element(page, locator, name: str) -> Path:
    """Save a screenshot of one element (a panel), whole however tall it is."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    with _tall_window(page):
        locator.scroll_into_view_if_needed()
        locator.screenshot(path=str(path))
    return path


def slider_press(page, css: str, key: str = "End", times: int = 1) -> None:
    """Move the slider with CSS class ``css`` by pressing a key on its handle."""
    handle = page.locator(f".{css} .noUi-handle").first
    handle.scroll_into_view_if_needed()
    handle.focus()
    for _ in range(times):
        handle.press(key)


def set_number(page, css: str, value) -> None:
    """Type ``value`` into the number box with CSS class ``css`` and press Enter."""
    box = page.locator(f".{css} input").first
    box.scroll_into_view_if_needed()
    box.fill(str(value))
    box.press("Enter")


def figure_src(page, css: str) -> str:
    """The PNG data URI currently shown by the figure ``nt-fig-<css>``."""
    return page.locator(f".nt-fig-{css} img").first.get_attribute("src")


def wait_changed(get, old, timeout_s: float = 30.0):
    """Poll ``get()`` until it differs from ``old``; return the new value (or the old one)."""
    deadline = time.time() + timeout_s
    while time.time() < deadline:
        new = get()
        if new != old:
            return new
        time.sleep(0.2)
    return old
