"""The deployment files in deploy/ agree with the course and with the repository's voila.json."""

from __future__ import annotations

import importlib.util
import json
import re

from .conftest import ROOT

DEPLOY = ROOT / "deploy"
SECURITY = ("strip_sources", "show_tracebacks", "file_allowlist", "file_denylist", "template")


def _json(path):
    return json.loads(path.read_text())


def test_class_config_keeps_the_security_settings_and_preheats_real_notebooks():
    repo, cls = _json(ROOT / "voila.json"), _json(DEPLOY / "voila.json")
    for key in SECURITY:
        assert cls["VoilaConfiguration"][key] == repo["VoilaConfiguration"][key], key
    assert cls["MappingKernelManager"] == repo["MappingKernelManager"]
    pools = cls["VoilaKernelManager"]["kernel_pools_config"]
    assert pools["default"]["pool_size"] >= 1
    assert pools["00_start_here.ipynb"]["pool_size"] > pools["default"]["pool_size"]
    for name in set(pools) - {"default"}:
        assert (ROOT / "notebooks" / name).exists(), name


def test_services_and_hub_point_at_the_course():
    unit = (DEPLOY / "netteach-voila.service").read_text()
    assert "WorkingDirectory=/srv/netteach/deploy" in unit  # so deploy/voila.json applies
    assert "--Voila.ip=127.0.0.1" in unit and "/srv/netteach/notebooks" in unit
    site = (DEPLOY / "nginx-netteach.conf").read_text()
    for needed in ("proxy_set_header Upgrade $http_upgrade",
                   "proxy_set_header Connection $connection_upgrade", "proxy_http_version 1.1",
                   "server 127.0.0.1:8866", "/voila/render/00_start_here.ipynb"):
        assert needed in site, needed
    hub = (DEPLOY / "jupyterhub_config.py").read_text()
    url = re.search(r'default_url = "/voila/render/([^"]+)"', hub).group(1)
    assert (ROOT / "notebooks" / url).exists()


def test_binder_check_translates_conda_pins_for_pip():
    spec = importlib.util.spec_from_file_location("check_env", DEPLOY / "check_environment.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    reqs = mod.pip_requirements(ROOT / "environment.yml")
    assert "voila==0.5.13" in reqs
    assert not any(r.startswith(("python", "pip")) for r in reqs)
    assert any(r.startswith("-e ") for r in reqs)
    assert all("==" in r or "<" in r or ">" in r or r.startswith("-e ") for r in reqs), reqs
