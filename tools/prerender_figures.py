"""Write the PNG of every prerendered figure (netteach/figures/prerendered.py).

Run after changing how one of them is drawn: ``.venv/bin/python tools/prerender_figures.py``.
The test tests/figures/test_prerendered.py says when that is needed.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("MPLBACKEND", "Agg")

from netteach.figures.prerendered import PRERENDERED, render_fresh  # noqa: E402


def main() -> int:
    out = ROOT / "netteach" / "data" / "figures"
    out.mkdir(parents=True, exist_ok=True)
    for name in PRERENDERED:
        path = out / f"{name}.png"
        path.write_bytes(render_fresh(name))
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} kB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
