"""Project structure: import direction, environment files in step, ruff, notebook shape."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PKG = ROOT / "netteach"
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            if node.level:  # relative import: resolve against the file's package
                parts = path.relative_to(ROOT).with_suffix("").parts[:-node.level]
                mod = ".".join([*parts, mod]) if mod else ".".join(parts)
            names.add(mod)
    return names


FORBIDDEN = {
    "models": ("matplotlib", "ipywidgets", "IPython", "netteach.figures", "netteach.widgets"),
    "figures": ("ipywidgets", "IPython", "netteach.widgets"),
}


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_import_direction(layer):
    bad = []
    for path in sorted((PKG / layer).glob("*.py")):
        for name in _imports(path):
            if any(name == f or name.startswith(f + ".") for f in FORBIDDEN[layer]):
                bad.append(f"{path.name} imports {name}")
    assert bad == []


def test_models_import_without_matplotlib_or_ipywidgets():
    code = ("import sys, importlib, pkgutil, netteach.models as m\n"
            "for i in pkgutil.iter_modules(m.__path__):\n"
            "    importlib.import_module(m.__name__ + '.' + i.name)\n"
            "bad = [x for x in ('matplotlib', 'ipywidgets') if x in sys.modules]\n"
            "print(','.join(bad))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                         check=True).stdout.strip()
    assert out == ""


def _req_name(req: str) -> str:
    return re.split(r"[=<>!~ ]", req.strip(), maxsplit=1)[0].lower().replace("-", "_")


def _req_pin(req: str) -> str:
    name = _req_name(req)
    return req.strip()[len(name):].replace(" ", "").lstrip("=")


def test_environment_yml_and_pyproject_name_the_same_runtime_dependencies():
    import tomllib

    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    env = yaml.safe_load((ROOT / "environment.yml").read_text())["dependencies"]
    conda = [d for d in env if isinstance(d, str)]
    ignore = {"python", "pip", "nbval"}  # interpreter, installer, and the Binder test tool
    conda_pins = {_req_name(d): _req_pin(d) for d in conda if _req_name(d) not in ignore}
    pip_pins = {_req_name(d): _req_pin(d) for d in py}
    assert set(conda_pins) == set(pip_pins)
    for name, pin in pip_pins.items():
        assert conda_pins[name] == pin, f"{name}: {pin!r} vs {conda_pins[name]!r}"
    pip_section = [d for d in env if isinstance(d, dict)][0]["pip"]
    assert "-e ." in pip_section


def test_front_end_stack_is_pinned_exactly():
    import tomllib

    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    pins = {_req_name(d): d for d in py}
    for name in ("voila", "ipywidgets", "jupyterlab_widgets", "widgetsnbextension", "ipykernel"):
        assert "==" in pins[name], name


def test_installed_front_end_matches_pins():
    import tomllib
    from importlib.metadata import version

    py = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]
    for d in py:
        if "==" in d:
            name, pin = d.split("==")
            assert version(name) == pin, name


def test_ruff_is_clean():
    ruff = Path(sys.executable).with_name("ruff")
    r = subprocess.run([str(ruff), "check", "netteach", "tests", "benchmarks", "tools"],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stdout + r.stderr


@pytest.mark.parametrize("nb", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_shape(nb):
    data = json.loads(nb.read_text(encoding="utf-8"))
    cells = data["cells"]
    code = [c for c in cells if c["cell_type"] == "code"]
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code), \
        "commit notebooks without outputs"
    imports = [c for c in code if "import " in "".join(c["source"])]
    assert len(imports) == 1, "exactly one import cell"
    for c in code:
        src = "".join(c["source"]).strip()
        if c is imports[0]:
            assert all(line.startswith(("from ", "import ")) for line in src.splitlines() if line)
        else:
            assert all(line.startswith("display(") for line in src.splitlines() if line), src
    text = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert text.lstrip().startswith("# "), "starts with a title"
    assert "Who it is for" in text or "who it is for" in text.lower()
    lowered = text.lower()
    assert "summary" in lowered and "references" in lowered
    assert lowered.index("summary") < lowered.rindex("references")
    last = "".join(code[-1]["source"])
    assert "build_references_panel" in last, "the references panel is the last cell"
    if nb.stem != "00_start_here":
        assert "predict, then check" in lowered
        assert "learning objectives" in lowered
        assert "build_quiz_panel" in "".join("".join(c["source"]) for c in code)
        assert lowered.index("learning objectives") < lowered.index("predict, then check")


def test_voila_configuration_for_learners():
    cfg = json.loads((ROOT / "voila.json").read_text())
    vc = cfg["VoilaConfiguration"]
    # The course's own template (the lab template without CDN requests), installed by pip.
    assert vc["template"] == "netteach" and vc["strip_sources"] is True
    template = ROOT / "share" / "jupyter" / "voila" / "templates" / "netteach"
    assert json.loads((template / "conf.json").read_text())["base_template"] == "lab"
    assert "https://" not in (template / "index.html.j2").read_text()
    assert vc["show_tracebacks"] is False
    assert vc["preheat_kernel"] is True and vc["default_pool_size"] >= 1
    assert cfg["VoilaExecutor"]["timeout"] > 0
    mkm = cfg["MappingKernelManager"]
    assert mkm["cull_idle_timeout"] > 0 and mkm["cull_interval"] > 0
    allow = [re.compile(p) for p in vc["file_allowlist"]]
    deny = [re.compile(p) for p in vc["file_denylist"]]

    def served(path):
        return any(p.fullmatch(path) for p in allow) and not any(p.fullmatch(path) for p in deny)

    assert served("pictures/liver.png") and served("diagram.svg")
    for path in ("00_start_here.ipynb", "netteach/models/sirt.py", "environment.yml",
                 "voila.json", "pyproject.toml", ".git/config", "README.md"):
        assert not served(path), path


def test_no_widget_uses_a_font_awesome_icon():
    """Icons need Font Awesome, which the lab template loads from a CDN; the course's template
    drops that request (closed networks), so a button icon would show as an empty box."""
    uses = [f"{p.name}:{i}" for p in (ROOT / "netteach").rglob("*.py")
            for i, line in enumerate(p.read_text().splitlines(), 1) if re.search(r"\bicon=", line)]
    assert uses == []


def test_every_notebook_has_its_myst_source_and_matches_it():
    """The MyST Markdown file is what people edit; the .ipynb Voila serves is generated from it."""
    sys.path.insert(0, str(ROOT / "tools"))
    import sync_notebooks

    sources = {p.stem for p in sync_notebooks.sources()}
    assert sources == {p.stem for p in NOTEBOOKS}, "every notebook needs its NN_name.md source"
    stale = sync_notebooks.stale()
    assert not stale, (f"{', '.join(stale)} differ from their .md sources: "
                       f"edit the .md, then run `{sync_notebooks.SYNC_COMMAND}`")


def test_no_tracked_file_names_an_absolute_machine_path():
    """Point to the fact base as ../shared/reference/..., never by where one machine keeps it."""
    top = ROOT.resolve().parts[1] if len(ROOT.resolve().parts) > 1 else "work"
    folders = sorted({top, "work", "home", "Users", "root", "mnt"})
    names = "|".join(map(re.escape, folders))
    pattern = re.compile(r"(^|[^A-Za-z0-9_.])/(" + names + r")/[A-Za-z]")
    files = subprocess.run(["git", "ls-files"], capture_output=True, text=True, cwd=ROOT,
                           check=True).stdout.split()
    assert files, "git ls-files listed nothing"
    found = []
    for name in files:
        path = ROOT / name
        if path.suffix in {".png", ".npz", ".ipynb"} or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="ignore")
        found += [f"{name}:{i}" for i, line in enumerate(text.splitlines(), 1)
                  if pattern.search(line)]
    assert not found, f"absolute machine paths in {found}"


def test_each_page_states_the_time_that_the_course_map_gives():
    """course.toml is the one source of a dashboard's time; its page must say the same."""
    from netteach import course

    dashboards = course.dashboards()
    assert dashboards
    for name, info in dashboards.items():
        md = (ROOT / "notebooks" / name).with_suffix(".md")
        if not md.exists():
            continue
        said = re.search(r"\*Time:\* about (\d+) minutes", md.read_text(encoding="utf-8"))
        assert said, f"{md.name} does not say how long it takes"
        assert int(said.group(1)) == info["minutes"], (
            f"{md.name} says {said.group(1)} minutes, netteach/data/course.toml {info['minutes']}")
    page = (ROOT / "notebooks" / "00_start_here.md").read_text(encoding="utf-8")
    low, high = re.search(r"each dashboard takes (\d+) to (\d+) minutes", page).groups()
    minutes = [d["minutes"] for d in dashboards.values()]
    assert (int(low), int(high)) == (min(minutes), max(minutes))
