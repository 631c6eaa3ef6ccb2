"""Install the npm packages a ``package.json`` pins into a folder, once.

Used by the JupyterHub test (configurable-http-proxy, ``deploy/package.json``) and by the offline
copy's builder (the widget renderer, ``deploy/offline/package.json``). Every dependency must be
pinned to an exact version; the install is skipped when those versions are already there.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

__all__ = ["ensure_npm_packages", "pinned_versions", "NPM_HELP"]

NPM_HELP = "npm is needed: sudo apt-get install -y nodejs npm (.ci/run installs it)"


def pinned_versions(package_json: Path) -> dict[str, str]:
    """``{package: version}`` from a ``package.json`` whose dependencies are exact versions.

    Raises
    ------
    ValueError
        If a dependency is not pinned to an exact version (``1.2.3``).
    """
    deps = json.loads(Path(package_json).read_text())["dependencies"]
    for name, version in deps.items():
        parts = version.split(".")
        if len(parts) != 3 or not all(p.isdigit() for p in parts):
            raise ValueError(f"version of {name} in {package_json} must be an exact version "
                             f"such as 1.2.3; got {version!r}")
    return deps


def _installed(modules: Path, name: str) -> str | None:
    meta = modules / name / "package.json"
    return json.loads(meta.read_text()).get("version") if meta.is_file() else None


def ensure_npm_packages(package_json: Path, dest: Path, timeout_s: float = 300.0) -> Path:
    """Make ``dest/node_modules`` hold exactly the versions ``package_json`` pins.

    Parameters
    ----------
    package_json : Path
        A ``package.json`` with exact versions in ``dependencies``.
    dest : Path
        The folder to install into (created if needed); ``package.json`` is copied there.
    timeout_s : float
        Longest time npm may take (s).

    Returns
    -------
    Path
        ``dest/node_modules``.

    Raises
    ------
    RuntimeError
        If npm is not installed or the install fails.
    """
    want = pinned_versions(package_json)
    modules = Path(dest) / "node_modules"
    if all(_installed(modules, n) == v for n, v in want.items()):
        return modules
    npm = shutil.which("npm")
    if npm is None:
        raise RuntimeError(NPM_HELP)
    Path(dest).mkdir(parents=True, exist_ok=True)
    shutil.copy(package_json, Path(dest) / "package.json")
    done = subprocess.run([npm, "install", "--no-audit", "--no-fund", "--loglevel=error"],
                          cwd=dest, capture_output=True, text=True, timeout=timeout_s)
    wrong = {n: _installed(modules, n) for n, v in want.items() if _installed(modules, n) != v}
    if done.returncode != 0 or wrong:
        raise RuntimeError(f"npm install in {dest} failed (installed: {wrong}):\n"
                           + done.stdout + done.stderr)
    return modules
