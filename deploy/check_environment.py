"""Check environment.yml (the Binder environment) by building it with pip in a fresh venv.

mybinder.org builds the course from ``environment.yml`` with conda. Conda's channels cannot be
reached from every machine, so this builds the *same package list* with pip instead: each conda
dependency ``name=version`` becomes ``name==version`` (``name>=a,<b`` stays as it is), the pip
section is installed as written, ``postBuild`` is run as Binder runs it, and then every dashboard
in ``notebooks/`` is executed in the new environment, as Voila would on Binder.

Usage: ``python deploy/check_environment.py [--venv DIR]`` (default test-output/binder-venv).
Exit status 0 when every package installed and every notebook ran without an error.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
NOT_PIP = {"python", "pip"}  # the interpreter and the installer come with the venv


def pip_requirements(env_file: Path) -> list[str]:
    """The environment's packages as pip requirement strings."""
    deps = yaml.safe_load(env_file.read_text())["dependencies"]
    reqs = []
    for dep in deps:
        if isinstance(dep, dict):
            reqs += [r.replace("-e .", f"-e {ROOT}") if r.strip() == "-e ." else r
                     for r in dep.get("pip", [])]
            continue
        name = re.split(r"[=<>! ]", dep, maxsplit=1)[0]
        if name in NOT_PIP:
            continue
        spec = dep[len(name):].strip()
        if spec.startswith("=") and not spec.startswith("=="):
            spec = "==" + spec[1:]
        reqs.append(name + spec)
    return reqs


def python_version(env_file: Path) -> str | None:
    for dep in yaml.safe_load(env_file.read_text())["dependencies"]:
        if isinstance(dep, str) and dep.startswith("python="):
            return dep.split("=", 1)[1]
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--venv", type=Path, default=ROOT / "test-output" / "binder-venv")
    args = ap.parse_args(argv)
    env_file = ROOT / "environment.yml"
    reqs = pip_requirements(env_file)
    want_py = python_version(env_file)
    have_py = f"{sys.version_info.major}.{sys.version_info.minor}"
    print(f"environment.yml asks for Python {want_py}; building with Python {have_py}")
    if args.venv.exists():
        subprocess.run(["rm", "-rf", str(args.venv)], check=True)
    subprocess.run([sys.executable, "-m", "venv", str(args.venv)], check=True)
    py = args.venv / "bin" / "python"
    t0 = time.time()
    cmd = [str(py), "-m", "pip", "install", "--quiet"]
    for r in reqs:
        cmd += r.split(" ", 1) if r.startswith("-e ") else [r]
    print("pip install " + " ".join(cmd[5:]))
    done = subprocess.run(cmd, capture_output=True, text=True)
    if done.returncode:
        print(done.stdout[-3000:], done.stderr[-3000:])
        print("FAIL: the package list did not install")
        return 1
    print(f"installed in {time.time() - t0:.0f} s")
    # Binder then runs postBuild (it installs the course's Voila template, named in voila.json).
    post = subprocess.run(["bash", str(ROOT / "postBuild")], cwd=ROOT, capture_output=True,
                          text=True, env={"PATH": f"{args.venv / 'bin'}:/usr/bin:/bin"})
    template = args.venv / "share" / "jupyter" / "voila" / "templates" / "netteach"
    if post.returncode or not (template / "index.html.j2").exists():
        print(post.stdout[-1500:], post.stderr[-1500:])
        print("FAIL: postBuild did not install the Voila template")
        return 1
    print("postBuild: the course's Voila template is installed")
    failures = []
    for nb in sorted((ROOT / "notebooks").glob("*.ipynb")):
        code = ("import nbformat, sys\nfrom nbclient import NotebookClient\n"
                f"nb = nbformat.read({str(nb)!r}, as_version=4)\n"
                f"NotebookClient(nb, timeout=300, kernel_name='python3', resources={{'metadata':"
                f" {{'path': {str(nb.parent)!r}}}}}).execute()\n"
                "errs = [o for c in nb.cells if c.cell_type == 'code' for o in c.get('outputs', [])"
                " if o.get('output_type') == 'error' or o.get('name') == 'stderr']\n"
                "sys.exit(1 if errs else 0)\n")
        run = subprocess.run([str(py), "-c", code], capture_output=True, text=True,
                             env={"MPLBACKEND": "Agg", "PATH": f"{args.venv / 'bin'}:/usr/bin:/bin",
                                  "HOME": str(args.venv)})
        status = "ok" if run.returncode == 0 else "FAILED"
        print(f"  {nb.name}: {status}")
        if run.returncode:
            failures.append(nb.name)
            print(run.stderr[-1500:])
    voila = subprocess.run([str(args.venv / "bin" / "jupyter"), "server", "extension", "list"],
                           capture_output=True, text=True)
    listing = voila.stdout + voila.stderr
    voila_ok = "voila" in listing and "enabled" in listing
    print(f"Voila server extension (used by the Binder launch URL): "
          f"{'enabled' if voila_ok else 'NOT enabled'}")
    ok = not failures and voila_ok
    print("PASS" if ok else "FAIL")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
