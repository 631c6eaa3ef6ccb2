"""JupyterHub for netteach: every learner's default page is the course's landing dashboard.

Use: ``jupyterhub -f deploy/jupyterhub_config.py`` (see docs/deploy.md). Settings come from the
environment so that the same file serves a seminar server and the repository's own test:

NETTEACH_ROOT            the course checkout (default: the folder above this file)
NETTEACH_HUB_IP          address the proxy listens on (default 127.0.0.1: nginx sits in front)
NETTEACH_HUB_PORT        port of the proxy (default 8000)
NETTEACH_HUB_API_PORT    port of the hub's own API, loopback (default 8081)
NETTEACH_PROXY_API_PORT  port of the proxy's API, loopback (default 8001)
NETTEACH_HUB_DATA        the hub's database and cookie secret (default /var/lib/netteach-hub)
NETTEACH_HUB_MODE        "pam" (default: learners' accounts on the machine; each learner's server
                         runs as that user) or "test" (DummyAuthenticator, servers run as the
                         hub's own user; for the loopback test only)
NETTEACH_CHP             the configurable-http-proxy program
                         (default: deploy/node_modules/.bin/configurable-http-proxy, installed by
                         ``npm install --prefix deploy``)

Each learner gets a single-user Jupyter server with Voila as a server extension, started in the
course's notebooks/ folder with the repository's voila.json as its configuration (no source
code, no tracebacks, only images from the files handler, idle kernels culled).
"""

import importlib.util
import os
import sys
from pathlib import Path

c = get_config()  # noqa: F821 - provided by JupyterHub when it reads this file

here = Path(__file__).resolve().parent
root = Path(os.environ.get("NETTEACH_ROOT", here.parent)).resolve()
data = Path(os.environ.get("NETTEACH_HUB_DATA", "/var/lib/netteach-hub"))
data.mkdir(parents=True, exist_ok=True)
mode = os.environ.get("NETTEACH_HUB_MODE", "pam")
bindir = Path(sys.executable).parent  # the course's virtual environment

# --- network: the proxy on loopback (nginx in front); hub and proxy APIs on loopback ----------
c.JupyterHub.ip = os.environ.get("NETTEACH_HUB_IP", "127.0.0.1")
c.JupyterHub.port = int(os.environ.get("NETTEACH_HUB_PORT", "8000"))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("NETTEACH_HUB_API_PORT", "8081"))
c.ConfigurableHTTPProxy.api_url = (
    f"http://127.0.0.1:{os.environ.get('NETTEACH_PROXY_API_PORT', '8001')}")
c.ConfigurableHTTPProxy.command = [os.environ.get(
    "NETTEACH_CHP", str(here / "node_modules" / ".bin" / "configurable-http-proxy"))]
c.JupyterHub.db_url = f"sqlite:///{data / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(data / "jupyterhub_cookie_secret")
c.JupyterHub.cleanup_servers = True
c.JupyterHub.cleanup_proxy = True

# --- every learner lands on the course ---------------------------------------------------------
c.Spawner.default_url = "/voila/render/00_start_here.ipynb"
c.Spawner.notebook_dir = str(root / "notebooks")
c.Spawner.cmd = [str(bindir / "jupyterhub-singleuser")]
c.Spawner.args = [f"--config={root / 'voila.json'}"]
c.Spawner.environment = {"MPLBACKEND": "Agg"}
c.Spawner.http_timeout = 120
c.Spawner.start_timeout = 120
# One learner's server is a Jupyter server plus one dashboard kernel at a time; see
# docs/deploy.md and benchmarks/RESULTS.md for the measured memory.
c.Spawner.mem_limit = "600M"  # enforced by spawners that support it (systemd, docker)

# Stop a learner's whole server after an hour without activity (kernels are culled sooner,
# by voila.json). Needs `pip install jupyterhub-idle-culler`; without it, servers stay up.
if mode != "test" and importlib.util.find_spec("jupyterhub_idle_culler"):
    c.JupyterHub.services = [{
        "name": "idle-culler",
        "command": [sys.executable, "-m", "jupyterhub_idle_culler", "--timeout=3600"],
    }]
    c.JupyterHub.load_roles = [{
        "name": "idle-culler",
        "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
        "services": ["idle-culler"],
    }]

if mode == "test":
    # Loopback-only test: any name logs in; servers run as this user in their own home folders.
    c.JupyterHub.authenticator_class = "dummy"
    c.JupyterHub.spawner_class = "simple"
    c.SimpleLocalProcessSpawner.home_dir_template = str(data / "home" / "{username}")
    if os.geteuid() == 0:
        c.Spawner.args.append("--ServerApp.allow_root=True")
    for var in ("JUPYTER_DATA_DIR", "JUPYTER_RUNTIME_DIR", "MPLCONFIGDIR", "IPYTHONDIR",
                "XDG_CACHE_HOME", "PATH"):
        if var in os.environ:
            c.Spawner.environment[var] = os.environ[var]
else:
    # Seminar server: learners have accounts on the machine (PAM); each server runs as them.
    c.JupyterHub.authenticator_class = "pam"
    c.Authenticator.allow_all = True
