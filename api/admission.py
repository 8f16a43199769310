"""Admission control: at most N GraphQL requests of one process in progress; the rest wait their turn.

Under a burst, an asyncio server otherwise works on every open request at once: each one's steps (parse,
caller lookup, Redis, insert, response) interleave with hundreds of others', so some requests wait
behind many more steps than others and the slowest take several times the median. Admitting a bounded
number and queueing the rest first come, first served keeps the CPU as busy while the waits even out
(docs/benchmarks.md, "A burst from 200 clients"). Only /graphql is queued: downloads stream for as long
as the client reads, and probes and metrics must answer a load balancer even when the API is busy.
"""

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

Scope = dict[str, Any]
ASGIApp = Callable[[Scope, Any, Any], Awaitable[None]]

QUEUED_PATH = "/graphql"


class AdmissionLimit:
    def __init__(self, app: ASGIApp, limit: int):
        self.app = app
        self.slots = asyncio.Semaphore(limit)  # waiters are admitted in arrival order

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http" or scope["path"] != QUEUED_PATH:
            await self.app(scope, receive, send)
            return
        async with self.slots:
            await self.app(scope, receive, send)
