"""Build the static, offline copy of the course (make offline; docs/deploy.md, section 4).

    python tools/build_offline.py [OUT_DIR] [--npm-dir DIR]

Fetches the widget renderer pinned in deploy/offline/package.json from npm (once), then writes
the landing page, the offline dashboards and the renderer into OUT_DIR (default
test-output/offline/). Open OUT_DIR/index.html in a browser; no server or network is needed.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tools")]  # this working tree's netteach, and npm_pins
os.environ.setdefault("MPLBACKEND", "Agg")

from npm_pins import ensure_npm_packages  # noqa: E402

PACKAGE_JSON = ROOT / "deploy" / "offline" / "package.json"
DEFAULT_OUT = ROOT / "test-output" / "offline"
DEFAULT_NPM = ROOT / "test-output" / "offline-npm"


def renderer_dir(npm_dir: Path = DEFAULT_NPM) -> Path:
    """The ``dist/`` folder of the pinned ``@jupyter-widgets/html-manager`` (npm install once)."""
    modules = ensure_npm_packages(PACKAGE_JSON, npm_dir)
    return modules / "@jupyter-widgets" / "html-manager" / "dist"


def build(out_dir: Path = DEFAULT_OUT, npm_dir: Path = DEFAULT_NPM, stems=None) -> dict:
    """Fetch the renderer and write the offline copy; returns :func:`build_site`'s report."""
    from netteach.offline.site import build_site

    return build_site(out_dir, renderer_dir(npm_dir), stems)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir", nargs="?", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--npm-dir", type=Path, default=DEFAULT_NPM,
                        help="where npm installs the renderer (default test-output/offline-npm)")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    try:
        report = build(args.out_dir, args.npm_dir)
    except RuntimeError as exc:  # npm missing or failing
        print(f"build_offline: {exc}", file=sys.stderr)
        return 1
    for name, size in report["files"].items():
        print(f"  {size / 1e6:6.2f} MB  {name}")
    total = sum(report["files"].values())
    views = ", ".join(f"{k}: {v} views" for k, v in report["views"].items())
    print(f"Offline copy in {args.out_dir}: {total / 1e6:.1f} MB in all ({views}); pages built "
          f"in {report['seconds']:.1f} s, {time.perf_counter() - t0:.1f} s with npm.")
    print(f"Open {Path(args.out_dir).resolve() / 'index.html'} in a browser.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
