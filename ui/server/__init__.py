"""How the dashboard is served: ``streamlit run dashboard.py`` finds ``dashboard.app`` (an ``st.App``) and serves it.

Two things differ from a plain ``streamlit run`` of a script:

- The module is imported when the server starts, before the first visitor. That is where the
  legacy routing of the ``pages/`` folder is switched off (``use_navigation_only``), so the first
  visit of a deep link such as ``/by-year`` after a server start opens the page without a
  "Page not found" dialog (Streamlit decides between its legacy ``pages/`` router and
  ``st.navigation`` once per process, on the first session, before the entry runs).
- ``BackendAtRoot`` tells the browser where the server's endpoints are. Without it, Streamlit's
  page guesses from the address: on ``/by-year`` it first probes ``/by-year/_stcore/health`` and
  ``/by-year/_stcore/host-config``, two 404 errors in the console of every deep link.
"""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, MutableMapping
from typing import Any

from streamlit import config
from streamlit.runtime.pages_manager import PagesManager

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

# Paths that never answer with Streamlit's index.html.
_NOT_PAGES = ("/_stcore/", "/static/", "/app/static/", "/media/", "/component/", "/favicon.png", "/manifest.json")


def use_navigation_only() -> None:
    """The entry's ``st.navigation`` routes every page; the ``pages/`` folder is only where the page files live."""
    PagesManager.uses_pages_directory = False


def use_system_allocator() -> None:
    """Arrow's buffers (DuckDB's results, pandas' strings) from the C library's allocator rather than Arrow's own pool,
    which keeps freed memory for later: a process serving the national database then holds about 10 MB less at idle
    (``bench/RESULTS.md``, memory)."""
    import pyarrow

    pyarrow.set_memory_pool(pyarrow.system_memory_pool())


def backend_script() -> bytes:
    """A script for index.html that names the server's root (``server.baseUrlPath``) as the backend."""
    base = "/" + str(config.get_option("server.baseUrlPath") or "").strip("/")
    base = base.rstrip("/") + "/"
    return (
        f"<script>window.__streamlit=Object.assign({{}},window.__streamlit,{{BACKEND_BASE_URL:window.location.origin+{json.dumps(base)}}});</script>"
    ).encode()


class BackendAtRoot:
    """ASGI middleware: adds ``backend_script()`` to the HTML page Streamlit serves for any page path."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or any(part in scope["path"] for part in _NOT_PAGES):
            await self.app(scope, receive, send)
            return
        # Ask for the page uncompressed, so that the script can be added to it.
        scope = {**scope, "headers": [(k, v) for k, v in scope["headers"] if k.lower() != b"accept-encoding"]}
        start: Message | None = None
        chunks: list[bytes] = []

        async def rewrite(message: Message) -> None:
            nonlocal start
            if message["type"] == "http.response.start":
                content_type = dict(message.get("headers", [])).get(b"content-type", b"")
                if not content_type.startswith(b"text/html"):
                    await send(message)
                    return
                start = message
                return
            if start is None or message["type"] != "http.response.body":
                await send(message)
                return
            chunks.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(chunks)
            if b"<head>" in body:
                body = body.replace(b"<head>", b"<head>" + backend_script(), 1)
            headers = [(k, v) for k, v in start.get("headers", []) if k.lower() not in (b"content-length", b"etag")]
            await send({**start, "headers": [*headers, (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, rewrite)
