"""Fixtures for the serving tests: one Voila started the way the course is served.

``served`` is a Voila started from the repository root (so ``voila.json`` applies, preheating
included), serving a copy of ``notebooks/`` into which files that must never be served are
planted: Python source, notebooks' raw JSON, environment.yml, voila.json, a .toml, a hidden file.
Only culling is shortened on the command line, so that a test can watch it happen.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.loadtest import Voila, dashboards  # noqa: E402

SERVED = ROOT / "test-output" / "serving" / "root"
SECRET = "NETTEACH-MUST-NOT-BE-SERVED-7f3a"
CULL_IDLE_S = 10
CULL_INTERVAL_S = 2

# Files planted in the served directory, each holding SECRET (voila.json: the real config, found
# by "file_denylist"); none may be served.
PLANTED = ["secret.py", "environment.yml", "voila.json", "settings.toml", "notes.md",
           ".hidden", "sub/deep.py", "data.json", "config.yaml"]


def _build_served_dir() -> Path:
    if SERVED.exists():
        shutil.rmtree(SERVED)
    SERVED.mkdir(parents=True)
    for nb in (ROOT / "notebooks").glob("*.ipynb"):
        shutil.copy(nb, SERVED / nb.name)
    for rel in PLANTED:
        path = SERVED / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if rel == "voila.json":  # the real config, so that planting it changes nothing
            path.write_text((ROOT / "voila.json").read_text())
        else:
            path.write_text(f"# {SECRET}\n")
    # A notebook whose cell fails: the learner must see the friendly note, not a traceback.
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# Broken"),
                nbformat.v4.new_code_cell(f"raise RuntimeError('{SECRET}')")]
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nbformat.write(nb, SERVED / "zz_broken.ipynb")
    # An allowed file (positive control: the file handler does serve images).
    shutil.copy(next((ROOT / "assets").glob("*.png"), None) or _tiny_png(), SERVED / "ok.png")
    return SERVED


def _tiny_png() -> Path:
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    out = ROOT / "test-output" / "serving" / "tiny.png"
    Figure(figsize=(0.2, 0.2)).savefig(out)
    return out


@pytest.fixture(scope="module")
def served():
    root = _build_served_dir()
    server = Voila(root, [f"--MappingKernelManager.cull_idle_timeout={CULL_IDLE_S}",
                          f"--MappingKernelManager.cull_interval={CULL_INTERVAL_S}"],
                   name="serving")
    try:
        assert server.wait_pools_filled(dashboards(root), timeout_s=240), (
            "Voila did not preheat every dashboard; see " + str(server.log_path))
        yield server
    finally:
        server.stop()


