# netteach: two commands set up everything on a fresh machine with Python 3.11+ and make.
#   make serve   set up and open the course in Voila (http://127.0.0.1:8866/)
#   make test    set up and run every test (needs Chromium; see README)
# Also: make bench (benchmarks), make lint (ruff), make loadtest (30 simulated learners),
#   make offline (the static offline copy, in test-output/offline/ or OUT=folder; needs npm),
#   make notebooks (write each notebooks/NN_name.ipynb from its MyST source NN_name.md).

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8866
STAMP  := $(VENV)/.installed-$(shell cat pyproject.toml | cksum | cut -d' ' -f1)
# The course's Voila template (voila.json names it), copied into the venv by tools/install_template.py.
TEMPLATE_SRC := $(wildcard share/jupyter/voila/templates/netteach/*)
TEMPLATE := $(VENV)/share/jupyter/voila/templates/netteach/index.html.j2
TESTHOME := $(CURDIR)/test-output/home

export MPLBACKEND := Agg
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: serve test bench lint loadtest setup clean offline notebooks

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "netteach needs Python 3.11 or newer")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	@rm -f $(VENV)/.installed-*
	@touch $@

$(TEMPLATE): $(STAMP) $(TEMPLATE_SRC) tools/install_template.py
	@$(BIN)/python tools/install_template.py
	@touch $@

setup: $(STAMP) $(TEMPLATE)

serve: $(STAMP) $(TEMPLATE)
	@echo ""
	@echo "  netteach is starting. Open the landing page at:"
	@echo "    http://127.0.0.1:$(PORT)/voila/render/00_start_here.ipynb"
	@echo "  (Press Ctrl+C to stop.)"
	@echo ""
	$(BIN)/voila --no-browser --port=$(PORT) --Voila.ip=127.0.0.1 notebooks/

test: $(STAMP) $(TEMPLATE)
	@$(BIN)/python tools/find_chromium.py >/dev/null || { $(BIN)/python tools/find_chromium.py; exit 1; }
	@mkdir -p $(TESTHOME)
	JUPYTER_DATA_DIR=$(TESTHOME)/data JUPYTER_CONFIG_DIR=$(TESTHOME)/config \
	JUPYTER_RUNTIME_DIR=$(TESTHOME)/runtime MPLCONFIGDIR=$(TESTHOME)/mpl XDG_CACHE_HOME=$(TESTHOME)/cache \
	IPYTHONDIR=$(TESTHOME)/ipython \
	$(BIN)/python -m pytest --nbval-lax tests notebooks

bench: $(STAMP) $(TEMPLATE)
	$(BIN)/python -m benchmarks.run

lint: $(STAMP)
	$(BIN)/ruff check netteach tests benchmarks tools

loadtest: $(STAMP) $(TEMPLATE)
	$(BIN)/python -m benchmarks.loadtest --learners 30

offline: $(STAMP)
	$(BIN)/python tools/build_offline.py $(or $(OUT),test-output/offline)

# Rewrite every notebooks/NN_name.ipynb from its MyST Markdown source NN_name.md.
notebooks: $(STAMP)
	$(BIN)/python tools/sync_notebooks.py

clean:
	rm -rf test-output .pytest_cache

# Deployment helpers (docs/deploy.md).
.PHONY: binder-check hub-proxy
binder-check: $(STAMP)
	$(BIN)/python deploy/check_environment.py

hub-proxy:
	npm install --prefix deploy --no-audit --no-fund
