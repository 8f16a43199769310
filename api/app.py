"""The FastAPI application factory: GraphQL at /graphql, health checks, jobs wired for the mode."""

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from sqlalchemy import text
from strawberry.fastapi import GraphQLRouter

from api import downloads
from api.context import AppState, Context
from api.db import create_engine, create_sessionmaker
from api.jobs import ArqQueue, InProcessQueue
from api.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter
from api.schema import build_schema
from api.security import configure_password_hashing
from api.settings import DEFAULT_SECRET_KEY, Settings, get_settings
from api.worker import CRON_JOBS, JOB_FUNCTIONS, job_context
from consultations import segmentation

log = logging.getLogger("canyu")


def build_state(settings: Settings) -> AppState:
    configure_password_hashing(
        time_cost=settings.password_hash_time_cost, memory_kib=settings.password_hash_memory_kib
    )
    engine = create_engine(settings.resolved_database_url, pool_size=settings.db_pool_size)
    sessionmaker = create_sessionmaker(engine)
    limiter: RateLimiter
    if settings.redis_url:
        queue: ArqQueue | InProcessQueue = ArqQueue(
            settings.redis_url, debounce_seconds=settings.job_nudge_debounce_seconds
        )
        limiter = RedisRateLimiter(settings.redis_url)
    else:
        context = job_context(settings, sessionmaker, None)
        queue = InProcessQueue(JOB_FUNCTIONS, context)
        context["queue"] = queue
        limiter = MemoryRateLimiter()
    return AppState(settings=settings, engine=engine, sessionmaker=sessionmaker, queue=queue, limiter=limiter)


def create_app(settings: Settings | None = None, *, start_cron: bool = True) -> FastAPI:
    settings = settings or get_settings()
    if settings.is_production and settings.secret_key == DEFAULT_SECRET_KEY:
        raise RuntimeError("CANYU_SECRET_KEY must be set in production")
    state = build_state(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        segmentation.initialize()
        if isinstance(state.queue, InProcessQueue) and start_cron:
            state.queue.start_cron(CRON_JOBS)
        yield
        await state.queue.close()
        await state.limiter.close()
        await state.engine.dispose()

    app = FastAPI(
        title="canyu",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
        max_body_size=settings.max_request_bytes,
    )
    app.state.canyu = state

    async def get_context() -> Context:
        return Context(state)

    graphql = GraphQLRouter(
        build_schema(settings),
        context_getter=get_context,
        graphql_ide=None if settings.is_production else "graphiql",
        allow_queries_via_get=False,
    )
    app.include_router(graphql, prefix="/graphql")
    app.include_router(downloads.router(state))

    @app.get("/healthz")
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz")
    async def readyz(request: Request) -> JSONResponse:
        checks: dict[str, str] = {}
        try:
            async with state.sessionmaker() as session:
                await session.execute(text("SELECT 1"))
            checks["database"] = "ok"
        except Exception as error:
            checks["database"] = f"unavailable: {type(error).__name__}"
        if settings.redis_url:
            checks["redis"] = "ok" if await state.queue.ping() else "unavailable"
        ready = all(v == "ok" for v in checks.values())
        return JSONResponse(
            {"status": "ready" if ready else "not ready", "checks": checks}, status_code=200 if ready else 503
        )

    return app
