"""Shared test settings: keep Jupyter, matplotlib and caches inside test-output/."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
OUTPUT = ROOT / "test-output"
HOME = OUTPUT / "home"

for var, sub in [("JUPYTER_DATA_DIR", "data"), ("JUPYTER_CONFIG_DIR", "config"),
                 ("JUPYTER_RUNTIME_DIR", "runtime"), ("MPLCONFIGDIR", "mpl"),
                 ("XDG_CACHE_HOME", "cache"), ("IPYTHONDIR", "ipython")]:
    os.environ.setdefault(var, str(HOME / sub))
    Path(os.environ[var]).mkdir(parents=True, exist_ok=True)


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for the whole run, shared by the browser and serving tests
    (Playwright's sync API cannot run two instances in one thread)."""
    from tests.browser.conftest import launch_chromium

    with launch_chromium() as b:
        yield b
