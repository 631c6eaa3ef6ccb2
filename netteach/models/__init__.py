"""Physics, physiology and anatomy in numpy/scipy. Never imports matplotlib or ipywidgets."""
