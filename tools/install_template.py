"""Copy the course's Voila template into the running Python's Jupyter data folder.

``voila.json`` names the template ``netteach`` (``share/jupyter/voila/templates/netteach``: the lab
template without its CDN requests). Voila looks for templates under ``<prefix>/share/jupyter``.
A regular ``pip install .`` puts it there (pyproject.toml's data-files), but an editable install
(``pip install -e .``, used by ``make`` and by environment.yml) does not, so ``make`` and Binder's
``postBuild`` run this script. Usage: ``python tools/install_template.py``.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "share" / "jupyter" / "voila" / "templates" / "netteach"


def install(prefix: Path = Path(sys.prefix)) -> Path:
    """Copy the template to ``prefix/share/jupyter/voila/templates/netteach``; return that path."""
    target = prefix / "share" / "jupyter" / "voila" / "templates" / SOURCE.name
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(SOURCE, target)
    return target


if __name__ == "__main__":
    print(f"Voila template installed in {install()}")
