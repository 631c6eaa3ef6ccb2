"""The course as a class meets it: one Voila with the repository's voila.json.

Preheated pools for every dashboard, no file outside the allowlist served, no code or traceback in
the page, a short class-sized load test, and idle kernels culled until memory is back where it
started (the full 30-learner version is ``make loadtest``).
"""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request

import pytest

from benchmarks.loadtest import MemorySampler, dashboards, run_class, settle_memory_mb

from .conftest import CULL_IDLE_S, CULL_INTERVAL_S, PLANTED, ROOT, SECRET, SERVED

pytestmark = pytest.mark.slow

CONFIG = json.loads((ROOT / "voila.json").read_text())
POOL = CONFIG["VoilaConfiguration"].get("default_pool_size", 1)


def _get(url: str, timeout: float = 120.0):
    """(status, body) of a GET; error statuses are returned, not raised."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as err:
        return err.code, err.read()


def _wait_kernels(server, count: int, timeout_s: float) -> int:
    deadline = time.time() + timeout_s
    n = len(server.kernel_processes())
    while time.time() < deadline and n != count:
        time.sleep(1)
        n = len(server.kernel_processes())
    return n


def test_voila_json_suits_a_class():
    """The shipped settings: preheating on, culling set, no tracebacks, images only."""
    vc, km = CONFIG["VoilaConfiguration"], CONFIG["MappingKernelManager"]
    assert vc["preheat_kernel"] is True and vc["default_pool_size"] >= 1
    assert vc["show_tracebacks"] is False and vc["strip_sources"] is True
    # A learner who pauses for a few minutes keeps the kernel; one who left is culled.
    assert 600 <= km["cull_idle_timeout"] <= 3600
    assert km["cull_interval"] <= km["cull_idle_timeout"] / 4
    assert km["cull_connected"] is False
    for pattern in vc["file_allowlist"]:
        assert all(ext not in pattern for ext in ("py", "ipynb", "yml", "json", "toml")), pattern


def test_every_dashboard_is_preheated(served):
    names = dashboards(SERVED)  # the course's dashboards and the broken test notebook
    assert len(names) > 1, "no dashboard to serve"
    log = served.log()
    for name in names:
        assert f"Kernel pool of {name} is filled" in log, name
    assert len(served.kernel_processes()) == POOL * len(names)


PROBES = [
    "/voila/files/../pyproject.toml", "/voila/files/%2e%2e/pyproject.toml",
    "/voila/files/..%2fpyproject.toml", "/voila/files/%2e%2e%2fvoila.json",
    "/voila/files/../netteach/__init__.py", "/voila/files/../environment.yml",
    "/voila/files/../../etc/passwd", "/voila/files//etc/passwd",
    "/voila/files/00_start_here.ipynb", "/voila/files/00_START_HERE.IPYNB",
    "/voila/static/../../pyproject.toml", "/voila/static/%2e%2e/%2e%2e/pyproject.toml",
    "/voila/templates/../../pyproject.toml", "/voila/templates/lab/../../../../voila.json",
    "/voila/labextensions/../../pyproject.toml",
    "/voila/render/../pyproject.toml", "/voila/render/%2e%2e/voila.json",
    "/voila/render/secret.py", "/voila/tree/../",
    "/api/contents/secret.py", "/files/secret.py", "/api/contents", "/tree/secret.py",
    "/voila/files/secret.py?raw=1", "/voila/files/ok.png/../secret.py",
]


@pytest.mark.parametrize("planted", PLANTED)
def test_planted_file_is_not_served(served, planted):
    for url in [f"/voila/files/{planted}", f"/voila/files/./{planted}",
                f"/voila/files/sub/../{planted}", f"/voila/render/{planted}",
                f"/voila/static/{planted}", f"/{planted}"]:
        status, body = _get(served.url + url)
        assert SECRET.encode() not in body, url
        assert b'"file_denylist"' not in body, url
        assert status != 200 or b"<html" in body.lower()[:500], (url, status)


@pytest.mark.parametrize("path", PROBES)
def test_probe_outside_the_allowlist(served, path):
    status, body = _get(served.url + path)
    for marker in (SECRET.encode(), b"[build-system]", b'"file_denylist"', b"root:x:0:0",
                   b'"nbformat"', b"__version__", b"name: netteach"):
        assert marker not in body, f"{path} served {marker!r} (status {status})"


def test_allowed_image_is_served(served):
    """Positive control: the allowlist is not simply blocking everything."""
    status, body = _get(served.url + "/voila/files/ok.png")
    assert status == 200 and body[:8] == b"\x89PNG\r\n\x1a\n"


def test_page_shows_no_code_and_no_traceback(served):
    status, body = _get(served.url + "/voila/render/00_start_here.ipynb")
    assert status == 200
    page = body.decode()
    assert "from netteach.widgets import" not in page  # strip_sources
    assert "Traceback" not in page and '"output_type": "error"' not in page


def test_a_failing_cell_shows_a_plain_note_not_a_traceback(served):
    status, body = _get(served.url + "/voila/render/zz_broken.ipynb")
    page = body.decode()
    assert status == 200
    for leak in ("Traceback", "RuntimeError", SECRET, '"ename"', '"evalue"'):
        assert leak not in page, leak
    assert CONFIG["VoilaExecutor"]["cell_error_instruction"] in page


def test_kernels_talk_over_unix_sockets_not_tcp_ports(served):
    """voila.json sets KernelManager.transport = "ipc". Over TCP, in one load test a kernel of
    30 starting at once found its port already taken ("Address already in use"), died, and its
    learner got no dashboard. Unix sockets are files with their own names, and other local
    users cannot reach them."""
    assert CONFIG["KernelManager"]["transport"] == "ipc"
    assert served.kernel_processes(), "no kernel is running"
    assert "Kernel is running over TCP" not in served.log()


def test_preheated_kernel_is_used_and_the_pool_refills(served):
    name = dashboards(ROOT / "notebooks")[-1]
    offset = len(served.log())
    status, _ = _get(f"{served.url}/voila/render/{name}")
    assert status == 200
    assert "Using pre-heated kernel" in served.log()[offset:]
    assert served.wait_pools_filled([name], timeout_s=120, after=offset), "pool did not refill"


def test_short_class_then_culling_returns_memory(served):
    names = dashboards(ROOT / "notebooks")
    n_pool = POOL * len(dashboards(SERVED))
    # Kernels that earlier tests left behind are culled first; the pools stay.
    limit = CULL_IDLE_S + 4 * CULL_INTERVAL_S + 60
    assert _wait_kernels(served, n_pool, limit) == n_pool, "leftover kernels were not culled"
    assert served.wait_pools_filled(names, timeout_s=60)
    start = settle_memory_mb(served.proc.pid, seconds=2)

    learners = min(6, max(4, len(names)))
    with MemorySampler(served.proc.pid) as mem:
        results = run_class(served.url, names, learners)
        # Learners served from the pools leave their kernels; the pools refill beside them.
        deadline = time.time() + 30
        while mem.peak_kernels <= n_pool and time.time() < deadline:
            time.sleep(0.5)
    failed = [(r.notebook, r.problems) for r in results if not r.ok]
    assert not failed, failed
    assert mem.peak_kernels > n_pool, "learners did not get kernels of their own"

    # The learners left without closing their kernels: culling must remove them all...
    assert _wait_kernels(served, n_pool, limit) == n_pool, "idle kernels were not culled"
    # ...but never the preheated pools.
    time.sleep(2 * CULL_INTERVAL_S + 1)
    assert len(served.kernel_processes()) == n_pool, "the culler removed preheated kernels"
    after = settle_memory_mb(served.proc.pid, seconds=2)
    assert after <= 1.10 * start, f"memory {start:.0f} MB -> {after:.0f} MB after culling"
