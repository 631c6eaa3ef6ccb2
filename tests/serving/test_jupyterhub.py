"""JupyterHub with the course as every learner's default page (deploy/jupyterhub_config.py).

JupyterHub comes from PyPI (the test extras), configurable-http-proxy from npm, installed from
``deploy/package.json`` into test-output/ on first use. Everything listens on 127.0.0.1. A dummy
authenticator lets any name log in and a local spawner runs each learner's server as this user.
Two learners log in in two browser contexts; each must land on the rendered landing dashboard.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import psutil
import pytest

from benchmarks.loadtest import free_port, jupyter_env

from .conftest import ROOT

sys.path.insert(0, str(ROOT / "tools"))
from npm_pins import ensure_npm_packages  # noqa: E402

pytestmark = [pytest.mark.browser, pytest.mark.slow]

HUB_DIR = ROOT / "test-output" / "hub"
NPM_DIR = ROOT / "test-output" / "hub-npm"
LEARNERS = ["ada", "grace"]


def _proxy_program() -> Path:
    """configurable-http-proxy at the version deploy/package.json pins (npm install if needed)."""
    try:
        modules = ensure_npm_packages(ROOT / "deploy" / "package.json", NPM_DIR)
    except RuntimeError as exc:
        pytest.fail(f"JupyterHub's proxy: {exc}")
    exe = modules / ".bin" / "configurable-http-proxy"
    assert exe.exists(), exe
    return exe


@pytest.fixture(scope="module")
def hub():
    if HUB_DIR.exists():
        shutil.rmtree(HUB_DIR)
    HUB_DIR.mkdir(parents=True)
    port = free_port()
    env = jupyter_env()
    env.update(NETTEACH_HUB_MODE="test", NETTEACH_ROOT=str(ROOT),
               NETTEACH_HUB_DATA=str(HUB_DIR), NETTEACH_HUB_PORT=str(port),
               NETTEACH_HUB_API_PORT=str(free_port()), NETTEACH_PROXY_API_PORT=str(free_port()),
               NETTEACH_CHP=str(_proxy_program()))
    hub_exe = Path(sys.executable).with_name("jupyterhub")
    log = open(HUB_DIR / "hub.log", "w")  # noqa: SIM115 - closed below
    proc = subprocess.Popen([str(hub_exe), "-f", str(ROOT / "deploy" / "jupyterhub_config.py")],
                            cwd=HUB_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
                            start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 90
    up = False
    while time.time() < deadline and proc.poll() is None:
        try:
            up = urllib.request.urlopen(url + "/hub/health", timeout=2).status == 200
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.5)
        if up:
            break
    try:
        assert up, "JupyterHub did not start; see test-output/hub/hub.log"
        yield url
    finally:
        family = [proc.pid]
        try:
            family += [p.pid for p in psutil.Process(proc.pid).children(recursive=True)]
        except psutil.Error:
            pass
        for sig, wait in [(signal.SIGINT, 20), (signal.SIGTERM, 10), (signal.SIGKILL, 5)]:
            if proc.poll() is not None:
                break
            os.killpg(proc.pid, sig)
            try:
                proc.wait(wait)
            except subprocess.TimeoutExpired:
                continue
        for pid in family[1:]:  # single-user servers JupyterHub did not stop (it normally does)
            try:
                psutil.Process(pid).kill()
            except psutil.Error:
                pass
        log.close()


def _learner_servers() -> dict[str, float]:
    """Resident memory (MB) of each learner's single-user server with its kernels."""
    out = {}
    for p in psutil.process_iter(["cmdline", "environ"]):
        try:
            cmd = " ".join(p.info["cmdline"] or [])
            env = p.info["environ"] or {}
        except psutil.Error:
            continue
        if "jupyterhub-singleuser" in cmd and env.get("JUPYTERHUB_USER") in LEARNERS:
            tree = [p, *p.children(recursive=True)]
            out[env["JUPYTERHUB_USER"]] = sum(q.memory_info().rss for q in tree) / 1e6
    return out


def test_two_learners_land_on_the_landing_dashboard(hub, browser):
    from tests.browser.conftest import page_problems, screenshot

    contexts = []
    try:
        pages = []
        for name in LEARNERS:
            ctx = browser.new_context(viewport={"width": 1280, "height": 900})
            ctx.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith(("http://127.0.0.1", "data:"))
                      else route.abort())
            contexts.append(ctx)
            page = ctx.new_page()
            page.set_default_timeout(180_000)
            page.goto(f"{hub}/hub/login")
            page.fill("input[name=username]", name)
            page.fill("input[name=password]", "any-password")
            page.click("input[type=submit], button[type=submit]")
            pages.append(page)
        for name, page in zip(LEARNERS, pages, strict=True):
            page.wait_for_url(f"**/user/{name}/voila/render/00_start_here.ipynb*",
                              timeout=180_000)
            page.wait_for_selector(".nt-panel-references", state="visible", timeout=180_000)
            page.wait_for_selector(".nt-paths a", state="visible")
            assert page_problems(page) == [], name
            assert "Liver-directed therapy" in page.inner_text("h1")
            screenshot(page, f"hub-{name}-landing", full_page=False)
        # Each learner has a server of their own (its memory is noted for docs/deploy.md).
        servers = _learner_servers()
        assert sorted(servers) == sorted(LEARNERS), servers
        (HUB_DIR / "memory.txt").write_text("".join(
            f"{name}: {mb:.0f} MB (single-user server + its kernels)\n"
            for name, mb in servers.items()))
    finally:
        for ctx in contexts:
            ctx.close()
