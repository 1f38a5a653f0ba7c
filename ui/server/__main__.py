"""Serve the dashboard from several Streamlit processes behind HAProxy, on one address.

    python -m ui.server --processes 2 [--port 8501] [--address 0.0.0.0]

One Streamlit process runs every reader's script in threads of one Python interpreter, so it
uses about one core; more readers than one core keeps up with need more processes. This command:

1. builds the database when it is missing or out of date (as the dashboard does), once, before any
   process starts, so that the processes find it built;
2. starts ``--processes`` Streamlit processes of ``dashboard.py`` on free ports of 127.0.0.1, all
   with one cookie secret (a reader's upload token is accepted by whichever process checks it), and
   makes each its first visit (``ui/server/first_visit.py``) before readers are let in, so that the first
   reader does not wait for the imports and caches;
3. starts HAProxy (Debian's ``haproxy`` package) with ``ui/server/haproxy.cfg``: readers reach
   ``--address:--port``; a cookie keeps each reader on one process; per-process sessions and errors
   are at ``http://127.0.0.1:<stats port>/stats``;
4. restarts a Streamlit process that stops, and stops everything on Ctrl-C or SIGTERM.

Every process opens the database read-only. ``python -m loaders build`` (or ``loaders add``) writes
a new file and moves it over the old one atomically; each process reads the new file from its
next rerun on (its caches are keyed by the file's modification time).
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
CONFIG = Path(__file__).resolve().parent / "haproxy.cfg"
START_TIMEOUT_S = 120
MAX_RESTARTS = 5  # per process: a process that keeps stopping is a fault to fix, not to hide


def free_port(address: str = "127.0.0.1") -> int:
    with socket.socket() as sock:
        sock.bind((address, 0))
        return sock.getsockname()[1]


def proxy_config(ports: list[int]) -> str:
    """``haproxy.cfg`` with one ``server`` line per Streamlit process (named ``app1``, ``app2``, … in the cookie and the stats)."""
    servers = "".join(f"    server app{i} 127.0.0.1:{port} cookie app{i}\n" for i, port in enumerate(ports, start=1))
    return CONFIG.read_text(encoding="utf-8").rstrip("\n") + "\n" + servers


def streamlit_command(port: int, script: Path = ROOT / "dashboard.py") -> list[str]:
    """``streamlit run script`` on ``port`` of 127.0.0.1, without a browser or usage statistics."""
    return [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(script),
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--server.headless",
        "true",
        "--browser.gatherUsageStats",
        "false",
    ]


def wait_for(ready: Callable[[], bool], timeout: float, stopped: subprocess.Popen, what: str) -> None:
    """Call ``ready()`` until it is true; fail when ``stopped`` ends first or ``timeout`` seconds pass (an OSError is "not yet")."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if stopped.poll() is not None:
            raise RuntimeError(f"{what} stopped while starting (exit code {stopped.returncode})")
        try:
            if ready():
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError(f"{what} did not answer within {timeout:.0f} s")


def answers(url: str) -> bool:
    with urllib.request.urlopen(url, timeout=2) as answer:
        return answer.status == 200


def wait_healthy(port: int, process: subprocess.Popen, timeout: float = START_TIMEOUT_S) -> None:
    wait_for(
        lambda: answers(f"http://127.0.0.1:{port}/_stcore/health"),
        timeout,
        process,
        f"the Streamlit process on port {port}",
    )


def warm(port: int) -> None:
    """The process's own first visit (``ui.server.first_visit``), so that the first reader does not wait for its imports
    and caches; a process it fails on still serves, only slower the first time."""
    from websockets.exceptions import WebSocketException

    from ui.server.first_visit import first_visit

    started = time.monotonic()
    try:
        runs = first_visit(port)
    except (OSError, WebSocketException) as exc:  # OSError covers a refused connection and a timeout
        print(
            f"ui.server: the first visit of port {port} failed ({exc}); its first reader waits instead", file=sys.stderr
        )
        return
    print(
        f"ui.server: port {port} warmed by {runs} runs of the first page in {time.monotonic() - started:.1f} s",
        flush=True,
    )


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@dataclass
class Served:
    """The processes one ``python -m ui.server`` runs."""

    ports: list[int]
    cookie_secret: str
    apps: list[subprocess.Popen] = field(default_factory=list)
    restarts: list[int] = field(default_factory=list)
    proxy: subprocess.Popen | None = None

    def env(self) -> dict[str, str]:
        """Streamlit takes the cookie secret only from its environment or its configuration file, not its command line.
        Arrow takes the C library's allocator for its buffers from the start (``ui.server.use_system_allocator`` can
        only switch once the process has begun: 248 MB at idle instead of 253 MB)."""
        return {
            "ARROW_DEFAULT_MEMORY_POOL": "system",
            **os.environ,
            "STREAMLIT_SERVER_COOKIE_SECRET": self.cookie_secret,
        }

    def start_apps(self) -> None:
        self.apps = [subprocess.Popen(streamlit_command(port), cwd=ROOT, env=self.env()) for port in self.ports]
        self.restarts = [0] * len(self.ports)
        for port, app in zip(self.ports, self.apps, strict=True):
            wait_healthy(port, app)
            warm(port)

    def start_proxy(self, bind: str, stats_bind: str, config_file: Path) -> None:
        config_file.write_text(proxy_config(self.ports), encoding="utf-8")
        env = {**os.environ, "APP_SERVER_BIND": bind, "APP_SERVER_STATS_BIND": stats_bind}
        self.proxy = subprocess.Popen([haproxy(), "-db", "-f", str(config_file)], env=env)

    def watch(self) -> int:
        """Restart a Streamlit process that stopped; return HAProxy's exit code when it stops."""
        while True:
            if self.proxy is not None and self.proxy.poll() is not None:
                print(f"ui.server: HAProxy stopped (exit code {self.proxy.returncode})", file=sys.stderr)
                return self.proxy.returncode or 1
            for i, app in enumerate(self.apps):
                if app.poll() is None:
                    continue
                if self.restarts[i] >= MAX_RESTARTS:
                    print(
                        f"ui.server: process app{i + 1} stopped {MAX_RESTARTS + 1} times; not restarting it",
                        file=sys.stderr,
                    )
                    continue
                self.restarts[i] += 1
                print(
                    f"ui.server: process app{i + 1} stopped (exit code {app.returncode}); restarting it",
                    file=sys.stderr,
                )
                self.apps[i] = subprocess.Popen(streamlit_command(self.ports[i]), cwd=ROOT, env=self.env())
            time.sleep(1)

    def stop_all(self) -> None:
        for process in [self.proxy, *self.apps]:
            if process is not None:
                stop(process)


def haproxy() -> str:
    found = shutil.which("haproxy") or next(
        (p for p in ("/usr/sbin/haproxy", "/usr/local/sbin/haproxy") if Path(p).exists()), None
    )
    if found is None:
        raise SystemExit("ui.server: HAProxy is not installed. On Debian or Ubuntu: sudo apt-get install -y haproxy")
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.server", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--processes", type=int, default=2, help="Streamlit processes behind the proxy (default 2; about one per core)"
    )
    parser.add_argument("--port", type=int, default=8501, help="the port readers open (default 8501)")
    parser.add_argument(
        "--address", default="0.0.0.0", help="the address readers reach (default 0.0.0.0, every interface)"
    )
    parser.add_argument(
        "--stats-port", type=int, default=0, help="HAProxy's statistics page on 127.0.0.1 (default: a free port)"
    )
    args = parser.parse_args(argv)
    if args.processes < 1:
        parser.error("--processes must be at least 1")
    haproxy()  # before anything starts: say what to install

    sys.path.insert(0, str(ROOT))
    from programme_analysis.queries import DatabaseUnavailable, ensure_database

    print("ui.server: checking the database (it is built from data/ when missing or out of date)…", flush=True)
    try:
        database = ensure_database(progress=True)
    except DatabaseUnavailable as exc:
        print(f"ui.server: {exc.message('en')}", file=sys.stderr)
        return 1
    print(f"ui.server: database {database}", flush=True)

    served = Served(ports=[free_port() for _ in range(args.processes)], cookie_secret=secrets.token_urlsafe(32))
    stats_port = args.stats_port or free_port()

    def on_signal(signum, _frame) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, on_signal)
    with tempfile.TemporaryDirectory(prefix="dashboard_server_") as folder:
        try:
            print(
                f"ui.server: starting {args.processes} Streamlit processes on ports {', '.join(map(str, served.ports))}…",
                flush=True,
            )
            served.start_apps()
            served.start_proxy(f"{args.address}:{args.port}", f"127.0.0.1:{stats_port}", Path(folder) / "haproxy.cfg")
            shown = "localhost" if args.address in ("0.0.0.0", "::") else args.address
            print(
                f"ui.server: the dashboard is at http://{shown}:{args.port} ({args.processes} processes behind HAProxy); "
                f"per-process statistics at http://127.0.0.1:{stats_port}/stats",
                flush=True,
            )
            return served.watch()
        except KeyboardInterrupt:
            return 0
        except RuntimeError as exc:
            print(f"ui.server: {exc}", file=sys.stderr)
            return 1
        finally:
            served.stop_all()


if __name__ == "__main__":
    sys.exit(main())
