"""Matplotlib drawing. Never imports ipywidgets. Functions take ``ax=None`` and return artists."""
