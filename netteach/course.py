"""The course map: dashboards and learning paths (data in ``netteach/data/course.toml``)."""

from __future__ import annotations

import tomllib
from importlib import resources
from pathlib import Path

__all__ = ["dashboards", "paths", "notebook_dir", "is_available"]


def _load() -> dict:
    text = resources.files("netteach").joinpath("data", "course.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


def dashboards() -> dict[str, dict]:
    """``{file: {title, minutes, summary}}`` in course order."""
    return {d["file"]: d for d in _load()["dashboards"]}


def paths() -> list[dict]:
    """The learning paths, each with ``steps`` of ``{file, minutes}``."""
    return _load()["paths"]


def notebook_dir() -> Path:
    """The folder of the course notebooks: the working folder when it holds them (as under
    Voila), else the repository's ``notebooks/`` beside the package."""
    here = Path.cwd()
    if (here / "00_start_here.ipynb").exists():
        return here
    return Path(__file__).resolve().parent.parent / "notebooks"


def is_available(file: str) -> bool:
    """Whether the dashboard's notebook exists (otherwise it is listed as "coming")."""
    return (notebook_dir() / file).is_file()
