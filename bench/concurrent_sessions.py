"""Many readers at once: N Streamlit websocket clients on 127.0.0.1 for a bounded time.

    .venv/bin/python -m bench.concurrent_sessions [--sessions 30] [--seconds 60] [--db PATH]

Starts ``streamlit run dashboard.py`` on a free port (``PROGRAMMES_DB`` = ``--db``, default a
fresh build of data/ in a temporary folder), then:

1. one client alone for ``--solo-seconds`` (the single-user median);
2. ``--sessions`` clients at once for ``--seconds``.

Each client speaks Streamlit's own protocol (BackMsg / ForwardMsg protobufs over the websocket
``/_stcore/stream``): it asks for a rerun and times it until the server's ``script_finished``.
A client moves between the pages, and every fifth action opens a new session with a link that
carries other filters (language, communities, years, money view), as a reader following a shared
link does. An error is a rerun that shows an exception, ends other than successfully, times out
(30 s) or loses its connection. The server's resident memory (VmRSS) is sampled every second.
Prints p50/p95 rerun latency, the ratio of p95 to the single-user median, errors and memory.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import websockets
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from loaders.build import build
from programme_analysis import queries

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["", "by-year", "by-category", "sister-cities", "explore", "data-quality", "methodology", "peers"]
FILTER_LINKS = ["", "lang=en", "m=per_resident", "lang=en&m=real", "y=2024", "lang=en&peers=oblast", "m=share"]
TIMEOUT_S = 30.0


def links(database: Path) -> list[str]:
    """The links readers follow: the filters above, and one choosing two loaded communities (ids from the database)."""
    ids = queries.communities(database)["community_id"].tolist()[:2]
    return [*FILTER_LINKS, "&".join(f"c={community_id}" for community_id in ids)]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def stop(server: subprocess.Popen) -> None:
    """Stop a server this benchmark started (SIGTERM, then SIGKILL when it is still busy after 10 s)."""
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait(timeout=10)


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the server is one process), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def page_cookie(port: int) -> str:
    """Open the page as a browser does first, and return the cookies it sets (behind ``python -m app_server``,
    the proxy's cookie that keeps the reader on one process), as a ``Cookie`` header."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=TIMEOUT_S) as answer:
        answer.read()
        return "; ".join(header.split(";", 1)[0] for header in answer.headers.get_all("Set-Cookie") or [])


class Client:
    def __init__(self, port: int, rng: random.Random, links: list[str], via_page: bool = False):
        self.port, self.rng, self.links, self.via_page = port, rng, links, via_page
        self.ws = None
        self.cookie = ""  # the cookies the page set (via_page)
        self.latencies: list[float] = []
        self.errors: list[str] = []
        self.last_frames: list[bytes] = []  # the server's messages of the last rerun

    async def open(self) -> bool:
        """A new session; a failed connection is an error (the reader would see a broken page). With ``via_page``
        the client first opens the page, as a browser does, and sends its cookies with the websocket."""
        if self.ws is not None:
            await self.ws.close()
            self.ws = None
        try:
            if self.via_page:
                self.cookie = await asyncio.to_thread(page_cookie, self.port)
            headers = {"Cookie": self.cookie} if self.cookie else None
            self.ws = await websockets.connect(f"ws://127.0.0.1:{self.port}/_stcore/stream", subprotocols=["streamlit"],
                                               origin=f"http://127.0.0.1:{self.port}", max_size=None, open_timeout=TIMEOUT_S,
                                               additional_headers=headers)  # fmt: skip
            return True
        except (TimeoutError, OSError, websockets.WebSocketException) as exc:
            self.errors.append(f"connection failed: {type(exc).__name__}")
            await asyncio.sleep(1)
            return False

    async def rerun(self, page: str, query: str) -> None:
        if self.ws is None and not await self.open():
            return
        msg = BackMsg()
        msg.rerun_script.query_string = query
        msg.rerun_script.page_name = page
        started = time.perf_counter()
        try:
            await self.ws.send(msg.SerializeToString())
            problem = None
            self.last_frames = []
            while True:
                frame = await asyncio.wait_for(self.ws.recv(), timeout=TIMEOUT_S)
                self.last_frames.append(frame)
                forward = ForwardMsg()
                forward.ParseFromString(frame)
                kind = forward.WhichOneof("type")
                if kind == "delta" and forward.delta.WhichOneof("type") == "new_element" and forward.delta.new_element.WhichOneof("type") == "exception":
                    problem = f"exception on /{page}?{query}: {forward.delta.new_element.exception.message[:120]}"
                if kind == "script_finished":
                    status = forward.script_finished
                    if status not in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_EARLY_FOR_RERUN):
                        problem = f"script finished with status {status} on /{page}?{query}"
                    break
            if problem:
                self.errors.append(problem)
            else:
                self.latencies.append(time.perf_counter() - started)
        except (TimeoutError, websockets.WebSocketException, OSError) as exc:
            self.errors.append(f"{type(exc).__name__} on /{page}?{query}")
            await self.open()

    async def browse(self, until: float) -> None:
        await self.open()
        actions = 0
        while time.perf_counter() < until:
            if actions % 5 == 0 and actions:
                await self.open()  # a new reader following a link with other filters
            query = self.rng.choice(self.links) if actions % 5 == 0 else ""
            await self.rerun(self.rng.choice(PAGES), query)
            actions += 1
            await asyncio.sleep(self.rng.uniform(0.2, 1.0))  # a reader looks before the next click
        if self.ws is not None:
            await self.ws.close()


async def drive(port: int, sessions: int, seconds: float, seed: int, links: list[str]) -> list[Client]:
    clients = [Client(port, random.Random(seed + i), links) for i in range(sessions)]
    until = time.perf_counter() + seconds
    await asyncio.gather(*(c.browse(until) for c in clients))
    return clients


async def sample_memory(pid: int, samples: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        samples.append(rss_mb(pid))
        await asyncio.sleep(1)


async def phase(port: int, pid: int, sessions: int, seconds: float, seed: int, links: list[str]) -> tuple[list[Client], list[float]]:
    memory: list[float] = []
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_memory(pid, memory, stop))
    clients = await drive(port, sessions, seconds, seed, links)
    stop.set()
    await sampler
    return clients, memory


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.concurrent_sessions", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--solo-seconds", type=float, default=20)
    parser.add_argument("--db", type=Path, default=None, help="database or Parquet folder (default: data/ built fresh)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sessions_bench_") as folder:
        database = args.db
        if database is None:
            database = Path(folder) / "programmes.duckdb"
            build(database, progress=False)
        followed = links(database)
        port = free_port()
        env = {**os.environ, "PROGRAMMES_DB": str(database)}
        server = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.address", "127.0.0.1", "--server.port", str(port),
             "--server.headless", "true", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
        )  # fmt: skip
        try:
            for _ in range(120):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=1)
                    break
                except OSError:
                    time.sleep(0.5)
            idle = rss_mb(server.pid)
            asyncio.run(drive(port, 1, 5, args.seed, followed))  # warm the caches: the first visit of each page is not a rerun to time
            solo, _ = asyncio.run(phase(port, server.pid, 1, args.solo_seconds, args.seed, followed))
            crowd, memory = asyncio.run(phase(port, server.pid, args.sessions, args.seconds, args.seed + 100, followed))
        finally:
            stop(server)
    solo_median = statistics.median(solo[0].latencies) if solo[0].latencies else float("nan")
    latencies = [x for c in crowd for x in c.latencies]
    errors = [e for c in crowd for e in c.errors]
    p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
    print(f"database: {database}")
    print(f"single user: {len(solo[0].latencies)} reruns in {args.solo_seconds:.0f} s, median {solo_median * 1000:.0f} ms, errors {len(solo[0].errors)}")
    print(f"{args.sessions} sessions for {args.seconds:.0f} s: {len(latencies)} reruns, p50 {p50 * 1000:.0f} ms, p95 {p95 * 1000:.0f} ms "
          f"(p95 = {p95 / solo_median:.1f}x the single-user median), errors {len(errors)}")  # fmt: skip
    print(f"server memory (VmRSS): {idle:.0f} MB idle, {max(memory):.0f} MB peak with {args.sessions} sessions, "
          f"{(max(memory) - idle) / args.sessions:.1f} MB per session above idle")  # fmt: skip
    kinds: dict[str, int] = {}
    for error in errors:
        kind = error.split(" on ")[0]
        kinds[kind] = kinds.get(kind, 0) + 1
    for kind, count in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"  {count} x {kind}")


if __name__ == "__main__":
    main()
