"""Write each dashboard's ``notebooks/NN_name.ipynb`` from its MyST Markdown source ``NN_name.md``.

The ``.md`` file is what people edit (it is paired with the notebook by jupytext); Voila serves the
``.ipynb``. Run from the repository root, or through ``make notebooks``::

    python tools/sync_notebooks.py          # rewrite every notebook from its .md
    python tools/sync_notebooks.py --check  # exit 1, naming the files, if any notebook is stale

The notebooks are written without outputs and with stable cell ids (``cell-00``, ``cell-01``...),
so that the same source always gives the same file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
SYNC_COMMAND = "make notebooks"


def notebook_from_markdown(md_path: Path) -> nbformat.NotebookNode:
    """The notebook that ``md_path`` (MyST Markdown) describes, with no outputs and stable ids."""
    nb = jupytext.read(md_path, fmt="md:myst")
    nb.metadata = {
        "jupytext": {"formats": "ipynb,md:myst"},
        "kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
        "language_info": {"name": "python"},
    }
    for i, cell in enumerate(nb.cells):
        cell["id"] = f"cell-{i:02d}"
        cell["metadata"] = {k: v for k, v in cell.get("metadata", {}).items() if k == "tags"}
        if cell["cell_type"] == "code":
            cell["outputs"] = []
            cell["execution_count"] = None
    nbformat.validate(nb)
    return nb


def notebook_text(md_path: Path) -> str:
    return nbformat.writes(notebook_from_markdown(md_path)) + "\n"


def sources() -> list[Path]:
    return sorted(NOTEBOOKS.glob("[0-9][0-9]_*.md"))


def stale() -> list[str]:
    """Names of notebooks that differ from (or are missing beside) their Markdown source."""
    out = []
    for md in sources():
        ipynb = md.with_suffix(".ipynb")
        if not ipynb.exists() or ipynb.read_text(encoding="utf-8") != notebook_text(md):
            out.append(ipynb.name)
    return out


def main(argv: list[str]) -> int:
    if "--check" in argv:
        bad = stale()
        if bad:
            print(f"Stale notebooks (run `{SYNC_COMMAND}`): {', '.join(bad)}")
            return 1
        return 0
    for md in sources():
        md.with_suffix(".ipynb").write_text(notebook_text(md), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
