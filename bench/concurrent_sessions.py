"""Many readers at once: N Streamlit websocket clients through ``python -m ui.server`` for a bounded time.

    .venv/bin/python -m bench.concurrent_sessions [--processes 1 2] [--sessions 30] [--seconds 180] [--think 10]
        [--arrive-over 0] [--db PATH]

For each number of processes in ``--processes`` (in one run, so that they compare), starts
``python -m ui.server --processes N`` (N Streamlit processes of dashboard.py behind HAProxy, on free
ports; ``PROGRAMMES_DB`` = ``--db``, default a fresh build of data/ in a temporary folder), then:

1. one reader alone for ``--solo-seconds`` (the single-user median);
2. ``--sessions`` readers at once for ``--seconds``, each waiting ``--think`` seconds on average
   (uniformly 0 to twice that) between two actions, as a reader who looks at the page before the
   next click: the p95 of a rerun against the single-user median. With ``--arrive-over S`` each reader opens the link
   at a random moment of the first S seconds (readers of a shared link come over minutes, not in one millisecond);
   by default all open it at the same moment, and those first runs queue for the processes' cores;
3. ``--sessions`` readers clicking without a pause for ``--saturate-seconds``: how many reruns per
   second the processes finish (their throughput).

Each reader opens the page first, as a browser does (HAProxy's cookie keeps it on one process),
then speaks Streamlit's own protocol (BackMsg / ForwardMsg protobufs over the websocket
``/_stcore/stream``): it asks for a rerun and times it until the server's ``script_finished``.
A reader moves between the pages, and every fifth action opens a new session with a link that
carries other filters (language, communities, years, money view), as a reader following a shared
link does. An error is a rerun that shows an exception, ends other than successfully, times out
(30 s) or loses its connection. The resident memory (VmRSS) of every Streamlit process is sampled
every second. Prints one Markdown table row per number of processes.

Memory is told apart in two parts. Caches grow with the views readers ask for (each page with each link's filters),
bounded by their entry limits (``ui.cache``), not by the number of readers; a session holds its own state. Before
the phases above, one reader opens every page with every link on each process (``warmed``: the caches hold every
view the load will ask for); then ``--sessions`` readers open a session each and keep it open after three reruns
(``held``). ``(held - warmed) / sessions`` is the memory of one open session; ``(peak - idle) / sessions`` over the
whole run, caches filling included, is given beside it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import websockets
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

from loaders.build import build
from programme_analysis import queries
from ui.server.__main__ import free_port, stop, wait_for
from ui.server.first_visit import run_once

ROOT = Path(__file__).resolve().parent.parent
PAGES = ["", "by-year", "by-category", "sister-cities", "explore", "data-quality", "methodology", "peers"]
FILTER_LINKS = ["", "lang=en", "m=per_resident", "lang=en&m=real", "y=2024", "lang=en&peers=oblast", "m=share"]
TIMEOUT_S = 30.0


def links(database: Path) -> list[str]:
    """The links readers follow: the filters above, and one choosing two loaded communities (ids from the database)."""
    ids = queries.communities(database)["community_id"].tolist()[:2]
    return [*FILTER_LINKS, "&".join(f"c={community_id}" for community_id in ids)]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the server is one process), in MB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def page_cookie(port: int, timeout: float = TIMEOUT_S) -> str:
    """Open the page as a browser does first, and return the cookies it sets (behind ``python -m ui.server``,
    the proxy's cookie that keeps the reader on one process), as a ``Cookie`` header."""
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=timeout) as answer:
        answer.read()
        return "; ".join(header.split(";", 1)[0] for header in answer.headers.get_all("Set-Cookie") or [])


class Client:
    def __init__(
        self, port: int, rng: random.Random, links: list[str], via_page: bool = False, timeout: float = TIMEOUT_S
    ):
        self.port, self.rng, self.links, self.via_page = port, rng, links, via_page
        self.timeout = timeout  # a rerun or a connection that takes longer is an error
        self.ws = None
        self.cookie = ""  # the cookies the page set (via_page)
        self.timed: list[
            tuple[float, str, bool]
        ] = []  # each finished rerun: (seconds, page, a new session's first run)
        self.fresh = False  # the next rerun is a new session's first
        self.errors: list[str] = []
        self.last_answers: list[ForwardMsg] = []  # the server's messages of the last rerun

    async def open(self) -> bool:
        """A new session; a failed connection is an error (the reader would see a broken page). With ``via_page``
        the client first opens the page, as a browser does, and sends its cookies with the websocket."""
        if self.ws is not None:
            await self.ws.close()
            self.ws = None
        try:
            if self.via_page:
                self.cookie = await asyncio.to_thread(page_cookie, self.port, self.timeout)
            headers = {"Cookie": self.cookie} if self.cookie else None
            self.ws = await websockets.connect(
                f"ws://127.0.0.1:{self.port}/_stcore/stream",
                subprotocols=["streamlit"],
                origin=f"http://127.0.0.1:{self.port}",
                max_size=None,
                open_timeout=self.timeout,
                additional_headers=headers,
            )
            self.fresh = True
            return True
        except (TimeoutError, OSError, websockets.WebSocketException) as exc:
            self.errors.append(f"connection failed: {type(exc).__name__}")
            await asyncio.sleep(1)
            return False

    @property
    def latencies(self) -> list[float]:
        """The seconds of each finished rerun."""
        return [seconds for seconds, _, _ in self.timed]

    @property
    def last_frames(self) -> list[bytes]:
        """The server's messages of the last rerun, as sent."""
        return [answer.SerializeToString() for answer in self.last_answers]

    async def rerun(self, page: str, query: str) -> None:
        if self.ws is None and not await self.open():
            return
        started = time.perf_counter()
        try:
            answers = await run_once(self.ws, query, page, self.timeout)
            self.last_answers = answers
            problem = None
            for forward in answers:
                if (
                    forward.WhichOneof("type") == "delta"
                    and forward.delta.WhichOneof("type") == "new_element"
                    and forward.delta.new_element.WhichOneof("type") == "exception"
                ):
                    problem = f"exception on /{page}?{query}: {forward.delta.new_element.exception.message[:120]}"
            status = answers[-1].script_finished
            if status not in (ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_EARLY_FOR_RERUN):
                problem = f"script finished with status {status} on /{page}?{query}"
            if problem:
                self.errors.append(problem)
            else:
                self.timed.append((time.perf_counter() - started, page or "overview", self.fresh))
            self.fresh = False
        except (TimeoutError, websockets.WebSocketException, OSError) as exc:
            self.errors.append(f"{type(exc).__name__} on /{page}?{query}")
            await self.open()

    async def browse(self, until: float, think: float, arrive: float = 0.0) -> None:
        await asyncio.sleep(self.rng.uniform(0, arrive))  # readers who follow a shared link arrive over a while
        await self.open()
        actions = 0
        while time.perf_counter() < until:
            if actions % 5 == 0 and actions:
                await self.open()  # a new reader following a link with other filters
            query = self.rng.choice(self.links) if actions % 5 == 0 else ""
            await self.rerun(self.rng.choice(PAGES), query)
            actions += 1
            # a reader looks before the next click
            pause = self.rng.uniform(0, 2 * think) if think else self.rng.uniform(0.0, 0.2)
            await asyncio.sleep(min(pause, max(0.0, until - time.perf_counter())))
        if self.ws is not None:
            await self.ws.close()


async def drive(
    port: int, sessions: int, seconds: float, seed: int, links: list[str], think: float, arrive: float = 0.0
) -> list[Client]:
    clients = [Client(port, random.Random(seed + i), links, via_page=True) for i in range(sessions)]
    until = time.perf_counter() + seconds
    await asyncio.gather(*(c.browse(until, think, arrive) for c in clients))
    return clients


async def visit_every_view(port: int, processes: int, links: list[str]) -> None:
    """Every page with every link, once per process (each reader lands on a process of the proxy's choosing, so
    as many readers as processes, twice over): the caches then hold every view the load asks for."""

    async def reader(seed: int) -> None:
        client = Client(port, random.Random(seed), links, via_page=True)
        for query in links:
            await client.open()
            for page in PAGES:
                await client.rerun(page, query)
        if client.ws is not None:
            await client.ws.close()

    await asyncio.gather(*(reader(seed) for seed in range(2 * processes)))


async def hold_sessions(port: int, pids: list[int], sessions: int, seed: int, links: list[str]) -> float:
    """``sessions`` sessions opened one after another, three reruns each, all kept open: the processes' memory then."""
    clients = [Client(port, random.Random(seed + i), links, via_page=True) for i in range(sessions)]
    for client in clients:
        await client.open()
        for _ in range(3):
            await client.rerun(client.rng.choice(PAGES), client.rng.choice(links))
    await asyncio.sleep(2)
    held = sum(rss_mb(pid) for pid in pids)
    for client in clients:
        if client.ws is not None:
            await client.ws.close()
    return held


async def sample_memory(pids: list[int], samples: list[float], stop: asyncio.Event) -> None:
    """The sum of the processes' resident memory, every second."""
    while not stop.is_set():
        samples.append(sum(rss_mb(pid) for pid in pids))
        await asyncio.sleep(1)


async def phase(
    port: int,
    pids: list[int],
    sessions: int,
    seconds: float,
    seed: int,
    links: list[str],
    think: float,
    arrive: float = 0.0,
) -> tuple[list[Client], list[float]]:
    memory: list[float] = []
    stop = asyncio.Event()
    sampler = asyncio.create_task(sample_memory(pids, memory, stop))
    clients = await drive(port, sessions, seconds, seed, links, think, arrive)
    stop.set()
    await sampler
    return clients, memory


def percentile(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def streamlit_pids(server: subprocess.Popen) -> list[int]:
    """The Streamlit processes ``python -m ui.server`` started (its children but HAProxy)."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return [
        int(pid)
        for pid in children
        if "streamlit" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")
    ]


def wait_until_up(server: subprocess.Popen, stats_port: int, processes: int, timeout: float = 300) -> None:
    """Until HAProxy's statistics show ``processes`` Streamlit processes up."""

    def up() -> bool:
        with urllib.request.urlopen(f"http://127.0.0.1:{stats_port}/stats;csv", timeout=2) as answer:
            return (
                sum(line.startswith("streamlit,app") and ",UP," in line for line in answer.read().decode().splitlines())
                == processes
            )

    wait_for(up, timeout, server, "python -m ui.server")


@dataclass
class Result:
    processes: int
    solo: list[float]
    crowd: list[Client]
    saturated: list[Client]
    saturate_seconds: float
    idle_mb: float
    peak_mb: float
    warmed_mb: float  # after one reader opened every page with every link on each process
    held_mb: float  # then with ``sessions`` sessions open at once
    load_cpu_share: float  # the load tool's own CPU seconds per second of the crowd phase

    def slowest(self) -> str:
        """What the reruns above the crowd's p95 were: new sessions' first runs, and which pages."""
        timed = sorted((t for c in self.crowd for t in c.timed), reverse=True)
        top = timed[: max(1, len(timed) // 20)]
        fresh = sum(first for _, _, first in top)
        pages = Counter(page for _, page, _ in top)
        share = sum(first for _, _, first in timed) / max(1, len(timed))
        return (
            f"{self.processes} process(es): of the {len(top)} slowest reruns, {fresh} were a new session's first run "
            f"({share:.0%} of all reruns); pages: "
            + ", ".join(f"{page} {count}" for page, count in pages.most_common())
            + f"; the load tool itself used {self.load_cpu_share:.2f} CPU seconds per second"
        )

    def row(self, sessions: int) -> str:
        solo = statistics.median(self.solo) if self.solo else float("nan")
        latencies = [x for c in self.crowd for x in c.latencies]
        errors = sum(len(c.errors) for c in [*self.crowd, *self.saturated])
        p50, p95 = percentile(latencies, 0.5), percentile(latencies, 0.95)
        throughput = sum(len(c.latencies) for c in self.saturated) / self.saturate_seconds
        return (
            f"| {self.processes} | {solo * 1000:.0f} | {len(latencies)} | {p50 * 1000:.0f} | {p95 * 1000:.0f} | {p95 / solo:.2f}× | {errors} "
            f"| {throughput:.1f} | {self.idle_mb / self.processes:.0f} | {self.warmed_mb / self.processes:.0f} "
            f"| {self.peak_mb / self.processes:.0f} | {(self.held_mb - self.warmed_mb) / sessions:.2f} "
            f"| {(self.peak_mb - self.idle_mb) / sessions:.1f} |"
        )


def serve_and_load(processes: int, database: Path, args: argparse.Namespace, followed: list[str]) -> Result:
    port, stats_port = free_port(), free_port()
    env = {**os.environ, "PROGRAMMES_DB": str(database)}
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "ui.server",
            "--processes",
            str(processes),
            "--port",
            str(port),
            "--address",
            "127.0.0.1",
            "--stats-port",
            str(stats_port),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_up(server, stats_port, processes)
        pids = streamlit_pids(server)
        idle = sum(rss_mb(pid) for pid in pids)
        # warm every process's caches: a first visit is not a rerun to time
        asyncio.run(drive(port, 2 * processes, 10, args.seed, followed, 0))
        asyncio.run(visit_every_view(port, processes, followed))
        warmed = sum(rss_mb(pid) for pid in pids)
        held = asyncio.run(hold_sessions(port, pids, args.sessions, args.seed + 300, followed))
        solo, _ = asyncio.run(phase(port, pids, 1, args.solo_seconds, args.seed, followed, 1.0))
        started_cpu, started = time.process_time(), time.perf_counter()
        crowd, memory = asyncio.run(
            phase(port, pids, args.sessions, args.seconds, args.seed + 100, followed, args.think, args.arrive_over)
        )
        load_cpu_share = (time.process_time() - started_cpu) / (time.perf_counter() - started)
        saturated, more = asyncio.run(
            phase(port, pids, args.sessions, args.saturate_seconds, args.seed + 200, followed, 0)
        )
    finally:
        stop(server)
    return Result(
        processes,
        solo[0].latencies,
        crowd,
        saturated,
        args.saturate_seconds,
        idle,
        max(memory + more),
        warmed,
        held,
        load_cpu_share,
    )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.concurrent_sessions", description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--processes",
        type=int,
        nargs="+",
        default=[1, 2],
        help="numbers of Streamlit processes to compare (default: 1 2)",
    )
    parser.add_argument("--sessions", type=int, default=30)
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--think", type=float, default=10, help="mean seconds between a reader's actions (default 10)")
    parser.add_argument(
        "--arrive-over",
        type=float,
        default=0.0,
        help="seconds over which the readers arrive, each at a random moment (default 0: all at once)",
    )
    parser.add_argument("--solo-seconds", type=float, default=20)
    parser.add_argument("--saturate-seconds", type=float, default=30)
    parser.add_argument("--db", type=Path, default=None, help="database or Parquet folder (default: data/ built fresh)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="sessions_bench_") as folder:
        database = args.db
        if database is None:
            database = Path(folder) / "programmes.duckdb"
            build(database, progress=False)
        followed = links(database)
        results = []
        for processes in args.processes:
            print(
                f"{processes} process(es): {args.solo_seconds:.0f} s alone, {args.seconds:.0f} s with {args.sessions} readers "
                f"(think {args.think:.0f} s), {args.saturate_seconds:.0f} s without pauses…",
                file=sys.stderr,
                flush=True,
            )
            results.append(serve_and_load(processes, database, args, followed))
    print(
        f"database: {database}; {args.sessions} readers for {args.seconds:.0f} s, {args.think:.0f} s between actions on average, "
        f"arriving over {args.arrive_over:.0f} s"
    )
    print(
        "| processes | single-user median (ms) | reruns | p50 (ms) | p95 (ms) | p95 / single-user median | errors "
        "| reruns per second, no pauses | idle MB per process | MB per process, every view cached "
        "| peak MB per process | MB per open session | peak − idle per reader (caches filling included) |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for result in results:
        print(result.row(args.sessions))
    for result in results:
        print(result.slowest())
    kinds: dict[str, int] = {}
    for error in (e for result in results for c in [*result.crowd, *result.saturated] for e in c.errors):
        kind = error.split(" on ")[0]
        kinds[kind] = kinds.get(kind, 0) + 1
    for kind, count in sorted(kinds.items(), key=lambda item: -item[1]):
        print(f"  {count} x {kind}")


if __name__ == "__main__":
    main()
