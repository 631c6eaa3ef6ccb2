"""The course's own prose, taken from the notebooks, as HTML for the offline pages."""

from __future__ import annotations

import json
import re

import mistune

from ..course import notebook_dir

__all__ = ["markdown_cells", "section", "intro", "to_html", "PREDICT"]

PREDICT = "**Predict, then check:**"
_LINK = re.compile(r"\[([^\]]+)\]\((\d\d_[a-z_]+)\.ipynb\)")
_NUMBER = re.compile(r"^(#+) \d+\. ", re.MULTILINE)


def markdown_cells(stem: str) -> list[str]:
    """The Markdown cells of ``notebooks/<stem>.ipynb``, in order."""
    path = notebook_dir() / f"{stem}.ipynb"
    if not path.is_file():
        raise ValueError(f"stem must name a course notebook in {notebook_dir()}; got {stem!r}")
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]


def section(stem: str, heading: str, *, before_predict: bool = True) -> str:
    """The Markdown cell of notebook ``stem`` that starts with the heading ``heading``.

    Parameters
    ----------
    stem : str
        Notebook name without ``.ipynb``, e.g. ``"04_sirt"``.
    heading : str
        The start of the cell's first line, e.g. ``"## 2. Decay"``.
    before_predict : bool
        Keep only the text before the cell's "Predict, then check" prompt, which is written
        for the server's controls (the offline pages write their own).
    """
    for cell in markdown_cells(stem):
        if cell.startswith(heading):
            return cell.split(PREDICT)[0].rstrip() if before_predict else cell
    raise ValueError(f"heading must start a Markdown cell of {stem}.ipynb; got {heading!r}")


def intro(stem: str) -> str:
    """The notebook's first Markdown cell: its title, who it is for and its objectives."""
    return markdown_cells(stem)[0]


def to_html(markdown: str, pages: dict[str, str]) -> str:
    """Markdown written by the course authors as HTML, with links fixed for the offline copy.

    A link to a notebook becomes a link to its offline page when ``pages`` (notebook stem ->
    file name) has one; otherwise the link text stays and says where to find it. Section
    numbers ("## 2. Decay") are dropped, since the offline pages hold only some sections.
    """
    def fix(m):
        text, stem = m.group(1), m.group(2)
        if stem in pages:
            return f"[{text}]({pages[stem]})"
        return f"{text} (in the full course, on the server)"

    return mistune.html(_NUMBER.sub(r"\1 ", _LINK.sub(fix, markdown)))
