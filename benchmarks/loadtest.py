"""Load test: a class of simulated learners opens the dashboards at once on one loopback Voila.

Run ``make loadtest`` (30 learners) or ``python -m benchmarks.loadtest --learners N``.

Each simulated learner is a websocket client that does what a learner's browser does:

1. requests a dashboard (``/voila/render/NN_name.ipynb``): Voila runs the notebook in a kernel
   and answers with the page and the kernel's id;
2. opens the kernel's websocket and asks for the widgets' state (as the page's widget manager
   does before it can draw the controls and figures);
3. moves one control (a slider to its maximum, or types into the glossary search) and waits
   until the kernel has finished reacting, noting any error output;
4. leaves without saying goodbye (closes the socket), as a learner closing a laptop lid does, so
   the kernel must be culled as idle.

*First render* here is step 1 + 2: the time until everything the browser needs to draw the
controls and figures has arrived (the browser's own drawing is measured by ``make bench``).

The memory of Voila and all its kernels is sampled throughout: the report gives the memory at the
start (pools preheated, nobody connected), the peak, and the memory after the idle kernels were
culled, which must be within 10% of the start. Everything runs on 127.0.0.1 and every loop is
bounded in count and time.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import json
import os
import platform
import re
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "notebooks"
OUT = ROOT / "test-output"
REPORT = ROOT / "benchmarks" / "LOADTEST.md"

LEARNER_TIMEOUT_S = 300.0  # one learner gives up after this long (counts as a failure)
PAGE_TIMEOUT_S = 240.0


# --- serving ---------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jupyter_env() -> dict:
    """The environment with Jupyter's and matplotlib's files kept inside test-output/."""
    env = os.environ.copy()
    home = OUT / "home"
    for var, sub in [("JUPYTER_DATA_DIR", "data"), ("JUPYTER_CONFIG_DIR", "config"),
                     ("JUPYTER_RUNTIME_DIR", "runtime"), ("MPLCONFIGDIR", "mpl"),
                     ("XDG_CACHE_HOME", "cache"), ("IPYTHONDIR", "ipython")]:
        env.setdefault(var, str(home / sub))
        Path(env[var]).mkdir(parents=True, exist_ok=True)
    env.setdefault("MPLBACKEND", "Agg")
    return env


class Voila:
    """One Voila started from the repository root, so that ``voila.json`` applies.

    ``extra_args`` override single settings on the command line (for example shorter culling
    for a test). The server runs in its own process group and is stopped with it.
    """

    def __init__(self, notebook_dir: Path = NOTEBOOKS, extra_args=(), name: str = "serve"):
        OUT.mkdir(exist_ok=True)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = OUT / f"voila-{name}-{self.port}.log"
        voila = Path(sys.executable).with_name("voila")
        self.cmd = [str(voila), "--no-browser", f"--port={self.port}", "--Voila.ip=127.0.0.1",
                    *extra_args, str(notebook_dir)]
        self._log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(self.cmd, cwd=ROOT, stdout=self._log,
                                     stderr=subprocess.STDOUT, start_new_session=True,
                                     env=jupyter_env())
        self._wait_up()

    def _wait_up(self, timeout_s: float = 90.0) -> None:
        import urllib.request

        deadline = time.time() + timeout_s
        while time.time() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"Voila exited early; see {self.log_path}")
            try:
                urllib.request.urlopen(self.url + "/", timeout=2)
                return
            except Exception:  # noqa: BLE001 - not up yet
                time.sleep(0.3)
        self.stop()
        raise RuntimeError("Voila did not start within 90 s")

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def wait_pools_filled(self, notebooks, timeout_s: float = 240.0, after: int = 0) -> bool:
        """Wait until Voila has logged a filled pool for each notebook (log offset ``after``)."""
        wanted = {Path(n).name for n in notebooks}
        deadline = time.time() + timeout_s
        while time.time() < deadline:
            filled = set(re.findall(r"Kernel pool of (\S+) is filled", self.log()[after:]))
            if wanted <= {Path(f).name for f in filled}:
                return True
            time.sleep(0.5)
        return False

    def wait_kernels_quiet(self, quiet_s: float = 1.0, timeout_s: float = 120.0) -> bool:
        """Wait until no kernel has used CPU for ``quiet_s`` seconds.

        Voila logs a filled pool as soon as the pooled kernel has *started*; the notebook is
        still running in it. A preheated page requested before that run ends waits for it, so
        a measurement of a preheated page must wait for this as well.
        """

        def cpu_total() -> float:
            total = 0.0
            for k in self.kernel_processes():
                try:
                    t = k.cpu_times()
                    total += t.user + t.system
                except psutil.NoSuchProcess:
                    continue
            return total

        deadline = time.time() + timeout_s
        last, quiet_since = cpu_total(), time.time()
        while time.time() < deadline:
            time.sleep(0.25)
            now = cpu_total()
            if now - last > 0.02:
                quiet_since = time.time()
            last = now
            if time.time() - quiet_since >= quiet_s:
                return True
        return False

    def kernel_processes(self) -> list[psutil.Process]:
        try:
            kids = psutil.Process(self.proc.pid).children(recursive=True)
        except psutil.NoSuchProcess:
            return []
        return [k for k in kids if _is_kernel(k)]

    def memory_mb(self) -> float:
        return tree_rss_mb(self.proc.pid)

    def stop(self) -> None:
        for sig, wait in [(signal.SIGINT, 10), (signal.SIGTERM, 10), (signal.SIGKILL, 5)]:
            if self.proc.poll() is not None:
                break
            try:
                os.killpg(self.proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                self.proc.wait(wait)
            except subprocess.TimeoutExpired:
                continue
        self._log.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()


def count_kernels(pid: int) -> int:
    try:
        return sum(_is_kernel(k) for k in psutil.Process(pid).children(recursive=True))
    except psutil.Error:
        return 0


def _is_kernel(p: psutil.Process) -> bool:
    try:
        return "ipykernel_launcher" in " ".join(p.cmdline())
    except psutil.Error:
        return False


def tree_rss_mb(pid: int, children: bool = True) -> float:
    """Resident memory of a process and (unless ``children`` is False) all its descendants,
    MB (10^6 bytes)."""
    try:
        root = psutil.Process(pid)
        procs = [root, *(root.children(recursive=True) if children else ())]
    except psutil.NoSuchProcess:
        return 0.0
    total = 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except psutil.Error:
            continue
    return total / 1e6


class MemorySampler:
    """Samples the memory of a process tree in a background thread; keeps the peak."""

    def __init__(self, pid: int, every_s: float = 0.25):
        self.pid, self.every_s = pid, every_s
        self.peak_mb = 0.0
        self.peak_kernels = 0
        self.samples: list[tuple[float, float]] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        t0 = time.time()
        while not self._stop.is_set():
            mb = tree_rss_mb(self.pid)
            self.samples.append((time.time() - t0, mb))
            self.peak_mb = max(self.peak_mb, mb)
            self.peak_kernels = max(self.peak_kernels, count_kernels(self.pid))
            self._stop.wait(self.every_s)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join(5)


def settle_memory_mb(pid: int, seconds: float = 3.0, timeout_s: float = 60.0) -> float:
    """Memory once it has stopped changing by more than 1% over ``seconds``."""
    deadline = time.time() + timeout_s
    last = tree_rss_mb(pid)
    while time.time() < deadline:
        time.sleep(seconds)
        now = tree_rss_mb(pid)
        if abs(now - last) <= 0.01 * max(last, 1.0):
            return now
        last = now
    return last


def dashboards(notebook_dir: Path = NOTEBOOKS) -> list[str]:
    """Every dashboard that exists now, as ``NN_name.ipynb``."""
    return sorted(p.name for p in notebook_dir.glob("*.ipynb"))


# --- one simulated learner ------------------------------------------------------------------

@dataclass
class LearnerResult:
    learner: int
    notebook: str
    ok: bool = False
    page_s: float | None = None
    first_render_s: float | None = None
    update_s: float | None = None
    control: str = ""
    problems: list[str] = field(default_factory=list)


def _msg(session: str, msg_type: str, content: dict, channel: str = "shell",
         metadata: dict | None = None) -> dict:
    return {"header": {"msg_id": uuid.uuid4().hex, "username": "learner", "session": session,
                       "msg_type": msg_type, "version": "5.3",
                       "date": dt.datetime.now(dt.UTC).isoformat()},
            "parent_header": {}, "metadata": metadata or {}, "content": content,
            "channel": channel, "buffers": []}


SELECTIONS = ("DropdownModel", "ToggleButtonsModel", "RadioButtonsModel", "SelectModel",
              "SelectionSliderModel")


def _pick_control(states: dict):
    """A control to move: a course slider first, then a choice, a tick box or a text box."""
    found = []
    for model_id, s in states.items():
        name, st = s.get("model_name", ""), s.get("state", {})
        if st.get("disabled"):
            continue
        ours = 0 if any(c.startswith("nt-") for c in st.get("_dom_classes", [])) else 1
        if name in ("FloatSliderModel", "IntSliderModel"):
            target = st["max"] if st.get("value") != st.get("max") else st["min"]
            found.append(((0, ours), model_id, {"value": target},
                          f"slider {st.get('description', '')!r} -> {target}"))
        elif name in SELECTIONS and len(st.get("_options_labels", [])) > 1:
            index = 1 if st.get("index") in (0, None) else 0
            found.append(((1, ours), model_id, {"index": index},
                          f"choice {st.get('description', '')!r} -> "
                          f"{st['_options_labels'][index]!r}"))
        elif name in ("CheckboxModel", "ToggleButtonModel"):
            found.append(((2, ours), model_id, {"value": not st.get("value")},
                          f"tick box {st.get('description', '')!r}"))
        elif name == "TextModel":
            found.append(((3, ours), model_id, {"value": "artery"}, "text box -> 'artery'"))
    if not found:
        return None
    _, model_id, state, label = sorted(found, key=lambda x: x[0])[0]
    return model_id, state, label


async def learner(base_url: str, notebook: str, idx: int) -> LearnerResult:
    """Open ``notebook``, move one control, leave. Never raises: problems go in the result."""
    from tornado.httpclient import AsyncHTTPClient, HTTPRequest
    from tornado.websocket import websocket_connect

    res = LearnerResult(idx, notebook)
    t0 = time.perf_counter()
    ws = None
    try:
        client = AsyncHTTPClient(max_clients=100)
        resp = await client.fetch(HTTPRequest(f"{base_url}/voila/render/{notebook}",
                                              request_timeout=PAGE_TIMEOUT_S,
                                              connect_timeout=30))
        page = resp.body.decode()
        res.page_s = time.perf_counter() - t0
        found = re.search(r'"kernelId":\s*"([0-9a-f-]+)"', page)
        if not found:
            res.problems.append("no kernel id in the page")
            return res
        if "Traceback" in page or '"output_type": "error"' in page or '"stderr"' in page:
            res.problems.append("error output in the page")
        session = uuid.uuid4().hex
        ws_url = (base_url.replace("http", "ws", 1)
                  + f"/api/kernels/{found.group(1)}/channels?session_id={session}")
        ws = await websocket_connect(ws_url, connect_timeout=30)
        control_id = uuid.uuid4().hex
        await ws.write_message(json.dumps(_msg(
            session, "comm_open", {"comm_id": control_id, "target_name": "jupyter.widget.control",
                                   "data": {}}, metadata={"version": "1.0.0"})))
        req = _msg(session, "comm_msg", {"comm_id": control_id,
                                         "data": {"method": "request_states"}})
        await ws.write_message(json.dumps(req))
        states = None
        while states is None:
            raw = await ws.read_message()
            if raw is None:
                res.problems.append("the kernel's socket closed before the widgets arrived")
                return res
            if isinstance(raw, bytes):  # binary frame: widget state with buffers
                raw = _decode_binary(raw)
                if raw is None:
                    continue
            m = json.loads(raw) if isinstance(raw, str) else raw
            data = m.get("content", {}).get("data", {})
            if m.get("msg_type") == "comm_msg" and data.get("method") == "update_states":
                states = data["states"]
        res.first_render_s = time.perf_counter() - t0
        picked = _pick_control(states)
        if picked is None:
            res.problems.append("no control to move")
            return res
        model_id, new_state, res.control = picked
        t1 = time.perf_counter()
        upd = _msg(session, "comm_msg", {"comm_id": model_id, "data": {
            "method": "update", "state": new_state, "buffer_paths": []}})
        await ws.write_message(json.dumps(upd))
        reacted = False
        while True:
            raw = await ws.read_message()
            if raw is None:
                res.problems.append("the kernel's socket closed during the update")
                return res
            if isinstance(raw, bytes):
                raw = _decode_binary(raw)
                if raw is None:
                    continue
            m = json.loads(raw)
            if m.get("parent_header", {}).get("msg_id") != upd["header"]["msg_id"]:
                continue
            kind = m.get("msg_type")
            if kind == "error":
                res.problems.append("kernel error: " + m["content"].get("ename", ""))
            elif kind == "stream" and m["content"].get("name") == "stderr":
                res.problems.append("stderr: " + m["content"].get("text", "")[:200])
            elif kind == "comm_msg":
                reacted = True
            elif kind == "status" and m["content"].get("execution_state") == "idle":
                break
        res.update_s = time.perf_counter() - t1
        if not reacted:
            res.problems.append("the kernel did not react to the control")
        res.ok = not res.problems
        return res
    except Exception as err:  # noqa: BLE001 - a failed learner is a result, not a crash
        res.problems.append(f"{type(err).__name__}: {err}"[:300])
        return res
    finally:
        if ws is not None:
            ws.close()


def _decode_binary(raw: bytes):
    """Decode Jupyter's binary websocket frame (offsets + JSON message + buffers)."""
    import struct

    try:
        n = struct.unpack("!I", raw[:4])[0]
        offsets = struct.unpack(f"!{n}I", raw[4:4 * (n + 1)])
        end = offsets[1] if n > 1 else len(raw)
        return raw[offsets[0]:end].decode()
    except Exception:  # noqa: BLE001 - not a frame we understand
        return None


async def _class_at_once(base_url: str, notebooks: list[str], n: int,
                         stagger_s: float) -> list[LearnerResult]:
    async def one(i):
        await asyncio.sleep(i * stagger_s)
        try:
            return await asyncio.wait_for(learner(base_url, notebooks[i % len(notebooks)], i),
                                          LEARNER_TIMEOUT_S)
        except TimeoutError:
            return LearnerResult(i, notebooks[i % len(notebooks)],
                                 problems=[f"gave up after {LEARNER_TIMEOUT_S:.0f} s"])
    return list(await asyncio.gather(*(one(i) for i in range(n))))


def run_class(base_url: str, notebooks: list[str], n: int, stagger_s: float = 0.0):
    """``n`` learners open the ``notebooks`` (round-robin) at once; returns their results.

    The class runs in a thread of its own, so it also works where an event loop is already
    running in this thread (as under pytest with Playwright's sync API open).
    """
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run,
                           _class_at_once(base_url, notebooks, n, stagger_s)).result()


def p95(values):
    values = sorted(values)
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]


# --- the whole load test ----------------------------------------------------------------------

@dataclass
class LoadReport:
    learners: int
    notebooks: list[str]
    results: list[LearnerResult]
    start_mb: float
    peak_mb: float
    after_cull_mb: float
    kernels_start: int
    kernels_peak: int
    kernels_after: int
    cull_idle_s: float
    wall_s: float
    cull_wait_s: float
    settings: str = ""  # Voila settings that differ from voila.json (besides culling)

    @property
    def success_rate(self) -> float:
        return sum(r.ok for r in self.results) / max(len(self.results), 1)

    @property
    def p95_first_render_s(self) -> float:
        return p95([r.first_render_s for r in self.results if r.first_render_s is not None])

    @property
    def memory_returned(self) -> bool:
        return self.after_cull_mb <= 1.10 * self.start_mb


def pool_args(notebooks: list[str], pool_size: int, fill_delay_s: float) -> list[str]:
    """Voila settings giving each of ``notebooks`` a pool of ``pool_size`` preheated kernels
    (one for every other dashboard, as in voila.json), refilled ``fill_delay_s`` after use."""
    pools = {"default": {"pool_size": 1}, **{nb: {"pool_size": pool_size} for nb in notebooks}}
    return [f"--VoilaKernelManager.kernel_pools_config={json.dumps(pools)}",
            f"--VoilaKernelManager.fill_delay={fill_delay_s}"]


def load_test(n: int, notebooks: list[str] | None = None, cull_idle_s: int = 20,
              cull_interval_s: int = 5, stagger_s: float = 0.0, extra_args=(),
              log=print) -> LoadReport:
    """Start Voila with the repository's voila.json (culling shortened, ``extra_args`` added),
    run ``n`` learners."""
    notebooks = notebooks or dashboards()
    args = [f"--MappingKernelManager.cull_idle_timeout={cull_idle_s}",
            f"--MappingKernelManager.cull_interval={cull_interval_s}", *extra_args]
    with Voila(extra_args=args, name="loadtest") as server:
        log(f"Voila at {server.url}; waiting for the preheated pools of {len(notebooks)} "
            "dashboards")
        if not server.wait_pools_filled(dashboards()):
            log("warning: not every pool reported filled; measuring anyway")
        server.wait_kernels_quiet(timeout_s=300)  # the pooled kernels have run their notebooks
        start_mb = settle_memory_mb(server.proc.pid)
        k_start = len(server.kernel_processes())
        log(f"start: {start_mb:.0f} MB in Voila and {k_start} preheated kernel(s); "
            f"the Voila process alone {tree_rss_mb(server.proc.pid, children=False):.0f} MB")
        k_peak = k_start
        t0, log_offset = time.time(), len(server.log())
        with MemorySampler(server.proc.pid) as mem:
            results = run_class(server.url, notebooks, n, stagger_s)
            wall = time.time() - t0
            k_peak = max(k_peak, mem.peak_kernels)
            log(f"{sum(r.ok for r in results)}/{n} learners succeeded in {wall:.1f} s; "
                f"peak {mem.peak_mb:.0f} MB")
            # Learners have left; their kernels must now be culled. Bounded wait. Counted from
            # Voila's log, not from the number of kernels: a learner given a preheated kernel
            # leaves the count where it was until the pool is refilled.
            t1 = time.time()
            limit = cull_idle_s + 3 * cull_interval_s + 120
            while time.time() - t1 < limit:
                culled = len(re.findall(r"Culling '\w+' kernel", server.log()[log_offset:]))
                if culled >= n and len(server.kernel_processes()) <= k_start:
                    break
                time.sleep(1)
            time.sleep(2)  # let the culled processes' memory go
            after = settle_memory_mb(server.proc.pid, seconds=2, timeout_s=30)
            cull_wait = time.time() - t1
            k_after = len(server.kernel_processes())
            peak = mem.peak_mb
            voila_after = tree_rss_mb(server.proc.pid, children=False)
        log(f"after culling ({cull_wait:.0f} s): {after:.0f} MB, {k_after} kernel(s); "
            f"the Voila process alone {voila_after:.0f} MB")
    return LoadReport(n, notebooks, results, start_mb, peak, after, k_start, k_peak, k_after,
                      cull_idle_s, wall, cull_wait)


def machine_description() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = psutil.virtual_memory().total / 2**30
    return (f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores, "
            f"{mem:.0f} GiB RAM, Python {platform.python_version()}")


def report_markdown(rep: LoadReport) -> str:
    rows = []
    for nb in rep.notebooks:
        rs = [r for r in rep.results if r.notebook == nb]
        fr = [r.first_render_s for r in rs if r.first_render_s is not None]
        up = [r.update_s for r in rs if r.update_s is not None]
        rows.append(f"| {nb} | {sum(r.ok for r in rs)}/{len(rs)} | "
                    f"{statistics.median(fr) if fr else float('nan'):.1f} | "
                    f"{max(fr) if fr else float('nan'):.1f} | "
                    f"{statistics.median(up) if up else float('nan'):.2f} |")
    problems = [f"- learner {r.learner} ({r.notebook}): {'; '.join(r.problems)}"
                for r in rep.results if r.problems]
    verdict = "PASS" if rep.success_rate == 1.0 and rep.memory_returned else "FAIL"
    return "\n".join([
        "# Load test: a class opening the course at once",
        "",
        f"Date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC. Machine: {machine_description()}.",
        "",
        f"{rep.learners} simulated learners (websocket clients, see `benchmarks/loadtest.py`) "
        + (f"opened {len(rep.notebooks)} dashboards round-robin" if len(rep.notebooks) > 1
           else f"all opened {rep.notebooks[0]}")
        + " at the same moment on one Voila on "
        "127.0.0.1, started with the repository's `voila.json` (preheated pools), except "
        f"that idle kernels were culled after {rep.cull_idle_s:.0f} s instead of 20 minutes. "
        "Each learner moved one control and left without closing its kernel."
        + (f" Pools changed for this run: `{rep.settings}`." if rep.settings else ""),
        "",
        "| measure | value | target |",
        "|---|---|---|",
        f"| success rate | {100 * rep.success_rate:.0f}% | 100% |",
        f"| p95 time to first render (page + widget state) | {rep.p95_first_render_s:.1f} s | "
        "(reported) |",
        f"| whole class served in | {rep.wall_s:.1f} s | |",
        f"| memory at start (Voila + {rep.kernels_start} preheated kernels) | "
        f"{rep.start_mb:.0f} MB | |",
        f"| peak memory ({rep.kernels_peak} kernels) | {rep.peak_mb:.0f} MB | |",
        f"| peak memory per learner above the start | "
        f"{(rep.peak_mb - rep.start_mb) / max(rep.learners, 1):.0f} MB | |",
        f"| memory after culling ({rep.kernels_after} kernels, {rep.cull_wait_s:.0f} s after "
        f"the class left) | {rep.after_cull_mb:.0f} MB "
        f"({100 * (rep.after_cull_mb / rep.start_mb - 1):+.1f}%) | within +10% of the start |",
        "",
        f"Verdict: **{verdict}**",
        "",
        "| dashboard | succeeded | median first render (s) | slowest (s) | "
        "median update (s) |",
        "|---|---|---|---|---|",
        *rows,
        "",
        "Problems:" if problems else "No learner saw a problem.",
        *problems,
        "",
    ])


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--learners", type=int, default=30)
    ap.add_argument("--cull-idle", type=int, default=20, help="seconds idle before culling")
    ap.add_argument("--stagger", type=float, default=0.0, help="seconds between arrivals")
    ap.add_argument("--report", type=Path, default=REPORT)
    ap.add_argument("--notebooks", default="",
                    help="comma-separated dashboards the learners open (default: all)")
    ap.add_argument("--pool", type=int, default=0,
                    help="preheated kernels for each of --notebooks (default: voila.json's)")
    ap.add_argument("--fill-delay", type=float, default=1.0,
                    help="with --pool: seconds before a used pool kernel is replaced")
    args = ap.parse_args(argv)
    if not 1 <= args.learners <= 100:
        ap.error("--learners must be between 1 and 100")
    if not 0 <= args.pool <= 100:
        ap.error("--pool must be between 0 and 100")
    notebooks = [nb.strip() for nb in args.notebooks.split(",") if nb.strip()] or None
    unknown = sorted(set(notebooks or ()) - set(dashboards()))
    if unknown:
        ap.error(f"--notebooks: {unknown} are not dashboards; choose from {dashboards()}")
    extra = pool_args(notebooks or dashboards(), args.pool, args.fill_delay) if args.pool else []
    rep = load_test(args.learners, notebooks, cull_idle_s=args.cull_idle,
                    stagger_s=args.stagger, extra_args=extra)
    rep.settings = " ".join(extra)
    text = report_markdown(rep)
    args.report.write_text(text)
    print(text)
    return 0 if rep.success_rate == 1.0 and rep.memory_returned else 1


if __name__ == "__main__":
    sys.exit(main())
