"""Cached responses for the hot read endpoints: encoded once, served without a thread hop.

Reads of the published index only change when the store is written, and every write calls
`AppContext.invalidate()`. So the encoded body of a GET is kept under a key made of the
route and its parameters; a hit is answered straight from the event loop. Misses (and errors,
which are never cached) run in the thread pool like any sync endpoint.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from octa.api.context import AppContext
from octa.api.deps import plain

JSON = "application/json"
HTML = "text/html; charset=utf-8"


def encode_json(data: Any) -> bytes:
    if hasattr(data, "model_dump"):
        data = data.model_dump()
    return json.dumps(plain(data), ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode()


async def cached(
    context: AppContext, key: tuple[Any, ...], compute: Callable[[], Any], media_type: str = JSON
) -> Response:
    """The response for `key`, computing (in a worker thread) and encoding it on a miss."""
    body = context.response(key)
    if body is None:
        encode = encode_json if media_type == JSON else _encode_text
        generation = context.generation
        body = await run_in_threadpool(lambda: encode(compute()))
        context.keep_response(key, body, body, generation)
    return Response(body, media_type=media_type)


def _encode_text(text: Any) -> bytes:
    return text.encode() if isinstance(text, str) else bytes(text)


#: Paths whose successful GET responses are replayed from memory until the next write.
CACHEABLE = re.compile(
    r"^/(api/v1/(countries(/[A-Za-z]{2,3})?|scores|rankings|editions|indicators)|countries/[A-Z]{3}|)$"
)


class ResponseCache:
    """ASGI middleware: replay cached 200 responses of read-only GETs before any routing.

    A hit costs a dict lookup, which is what keeps p95 low under load on a small machine. The
    key is the raw path and query string; the store's generation guards against caching a
    response computed while a write happened.
    """

    def __init__(self, app: ASGIApp, context: AppContext) -> None:
        self.app, self.context = app, context

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "GET" or not CACHEABLE.match(scope["path"]):
            await self.app(scope, receive, send)
            return
        key = ("raw", scope["path"], scope.get("query_string", b""))
        hit = self.context.response(key)
        if hit is not None:
            await send(hit[0])
            await send({"type": "http.response.body", "body": hit[1]})
            return
        await self.app(scope, receive, self._recorder(key, send))

    def _recorder(self, key: tuple[Any, ...], send: Send) -> Send:
        generation = self.context.generation
        start: dict[str, Any] = {}
        chunks: list[bytes] = []

        async def record(message: Message) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
            elif message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if not message.get("more_body") and start.get("status") == 200:
                    body = b"".join(chunks)
                    self.context.keep_response(key, (dict(start), body), body, generation)
            await send(message)

        return record
