"""ipywidgets panels (``build_..._panel()``) that wire the models to the figures."""
