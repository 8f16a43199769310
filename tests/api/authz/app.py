"""One app for the whole matrix.

tests/conftest.py's `app` fixture builds an app and truncates every table for each test; the matrix has
about a hundred tests, and each of them replaces every row anyway (world.restore_snapshot), so it keeps
one app for the module and resets per test only what outlives a request: rate limits and queued jobs.
"""

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
from arq.connections import RedisSettings
from arq.worker import Worker

from api.app import create_app
from api.context import AppState
from api.jobs import InProcessQueue
from api.ratelimit import MemoryRateLimiter
from api.settings import Settings
from api.worker import JOB_FUNCTIONS, job_context
from tests.conftest import _empty_all_tables


@dataclass
class MatrixApp:
    app: Any
    state: AppState
    http: httpx.AsyncClient

    async def reset(self) -> None:
        """Forget rate limits and queued jobs: each test starts as on a fresh app."""
        if isinstance(self.state.queue, InProcessQueue):
            await self.state.queue.drain()
            self.state.limiter = MemoryRateLimiter()
        else:
            await flush_redis(self.state.settings.redis_url or "")

    async def empty(self) -> None:
        await _empty_all_tables(self.state)

    async def run_jobs(self) -> None:
        """Run every queued job to completion: in-process, or through an arq worker in burst mode (as
        tests/conftest.py's run_jobs does)."""
        state = self.state
        if isinstance(state.queue, InProcessQueue):
            await state.queue.drain()
            return

        async def startup(ctx: dict[str, Any]) -> None:
            ctx.update(job_context(state.settings, state.sessionmaker, state.queue))

        worker = Worker(
            functions=JOB_FUNCTIONS,  # type: ignore[arg-type]
            redis_settings=RedisSettings.from_dsn(state.settings.redis_url or ""),
            on_startup=startup,
            burst=True,
            poll_delay=0.05,
            keep_result=0,
            handle_signals=False,
        )
        try:
            await worker.main()
        finally:
            await worker.close()


async def flush_redis(url: str) -> None:
    from redis.asyncio import Redis

    client = Redis.from_url(url)
    await client.flushdb()
    await client.aclose()


async def matrix_app(settings: Settings) -> AsyncIterator[MatrixApp]:
    application = create_app(settings, start_cron=False)
    state: AppState = application.state.canyu
    await _empty_all_tables(state)
    if settings.redis_url:
        await flush_redis(settings.redis_url)
    async with application.router.lifespan_context(application):
        transport = httpx.ASGITransport(app=application)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield MatrixApp(app=application, state=state, http=http)
