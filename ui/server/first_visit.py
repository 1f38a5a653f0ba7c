"""A first visit a server makes of its own, before any reader comes: ``first_visit(port)``.

A Streamlit process imports the dashboard's modules, opens the database and fills its caches on the first run of the
script, and the first reader after a start would wait for all of it. This opens one session on the process's
websocket (as a browser does: ``/_stcore/stream``, Streamlit's protobuf messages), asks for a run of the first page
in each language, and waits until each has finished. What it leaves behind is shared by every later session of the
process: the imported modules, the cached queries and the drawn figures of the default view.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

LANGUAGES = ("lang=uk", "lang=en")


async def run_once(socket, query_string: str, page_name: str = "", timeout: float = 120.0) -> list[ForwardMsg]:
    """Ask the session on ``socket`` for a run of ``page_name`` (the first page: "") with ``query_string``; the
    messages the server sent until the run finished, the last one saying how (``script_finished``)."""
    message = BackMsg()
    message.rerun_script.query_string = query_string
    message.rerun_script.page_name = page_name
    await socket.send(message.SerializeToString())
    answers = []
    while True:
        answer = ForwardMsg()
        answer.ParseFromString(await asyncio.wait_for(socket.recv(), timeout))
        answers.append(answer)
        if answer.WhichOneof("type") == "script_finished":
            return answers


async def _visit(port: int, query_strings: tuple[str, ...], timeout: float) -> int:
    async with connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"], max_size=None) as socket:
        finished = 0
        for query in query_strings:
            last = (await run_once(socket, query, timeout=timeout))[-1]
            finished += last.script_finished == ForwardMsg.FINISHED_SUCCESSFULLY
        return finished


def first_visit(port: int, query_strings: tuple[str, ...] = LANGUAGES, timeout: float = 120.0) -> int:
    """Run the first page once for each query string on the Streamlit process at ``port`` of 127.0.0.1; the number
    of runs that finished. An OSError when the process does not answer. Runs its own event loop in a thread of its
    own, so that a caller with a loop of its own running (playwright's) can call it too."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, _visit(port, query_strings, timeout)).result()
