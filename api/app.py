"""The FastAPI application factory: GraphQL at /graphql, health checks, jobs wired for the mode."""

import gc
import json
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import JSONResponse, Response
from sqlalchemy import func, select, text
from starlette.requests import Request as StarletteRequest
from starlette.routing import Route
from starlette.websockets import WebSocket
from strawberry.asgi import GraphQL

from api import downloads, hearing_downloads
from api.admission import AdmissionLimit
from api.context import AppState, Context
from api.db import create_engine, create_sessionmaker
from api.frontend import mount_frontend
from api.jobs import ACTIVE_STATUSES, ArqQueue, InProcessQueue, JobRun
from api.observability import RequestContextMiddleware, render_metrics
from api.outbox import Notification
from api.ratelimit import MemoryRateLimiter, RateLimiter, RedisRateLimiter
from api.schema import build_schema
from api.security import configure_password_hashing, constant_time_equals
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


class CanyuGraphQL(GraphQL[Context, None]):
    """/graphql as a plain ASGI app. strawberry's FastAPI router would have FastAPI solve a dependency graph
    for every request, which cost about 0.3 ms of CPU (docs/benchmarks.md)."""

    def __init__(self, schema: Any, state: AppState, **options: Any) -> None:
        super().__init__(schema, **options)
        self.state = state

    async def get_context(
        self, request: StarletteRequest | WebSocket, response: Response | WebSocket
    ) -> Context:
        context = Context(self.state)
        context.request, context.response = request, response  # type: ignore[assignment]
        return context

    def decode_json(self, data: str | bytes) -> object:
        """A body nested deeper than the JSON parser can recurse is a malformed body (400), not a crash."""
        try:
            return super().decode_json(data)
        except RecursionError as error:
            raise json.JSONDecodeError("JSON nested too deeply", "", 0) from error


def create_app(settings: Settings | None = None, *, start_cron: bool = True) -> FastAPI:
    settings = settings or get_settings()
    if settings.is_production and settings.secret_key == DEFAULT_SECRET_KEY:
        raise RuntimeError("CANYU_SECRET_KEY must be set in production")
    state = build_state(settings)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        segmentation.initialize()
        # Everything loaded so far (modules, the schema, jieba's dictionary) lives as long as the process:
        # keep it out of the garbage collector's scans, which cost ~16 % of a busy worker's CPU.
        gc.freeze()
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

    graphql = CanyuGraphQL(
        build_schema(settings),
        state,
        graphql_ide=None if settings.is_production else "graphiql",
        allow_queries_via_get=False,
    )
    app.router.routes.append(Route("/graphql", graphql))  # an ASGI app as the endpoint: no FastAPI layer
    app.include_router(downloads.router(state))
    app.include_router(hearing_downloads.router(state))

    @app.get("/metrics", include_in_schema=False)
    async def metrics(request: Request) -> Response:
        if settings.metrics_token and not constant_time_equals(
            request.headers.get("authorization", ""), f"Bearer {settings.metrics_token}"
        ):
            return Response(status_code=401)
        body, media_type = render_metrics(await _queue_depths(state))
        return Response(content=body, media_type=media_type)

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
        # Only the database decides readiness: without Redis, requests are still answered and comments
        # stored (jobs wait for the cron sweeps), so a load balancer must not take every replica out.
        if checks["database"] != "ok":
            status, code = "not ready", 503
        else:
            status, code = ("ready", 200) if all(v == "ok" for v in checks.values()) else ("degraded", 200)
        return JSONResponse({"status": status, "checks": checks}, status_code=code)

    if settings.cors_allow_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_allow_origins,
            allow_credentials=True,
            allow_methods=["GET", "POST"],
            allow_headers=["authorization", "content-type", "x-csrf-token", "x-request-id"],
            expose_headers=["x-request-id", "x-content-sha256", "x-statement-sha256"],
        )
    mount_frontend(app, settings)  # the web app at /, for paths no route above matched
    # Not on SQLite: its one pooled connection already takes requests one at a time, in order, and the
    # limit measured 13 % slower there (docs/benchmarks.md).
    if settings.max_concurrent_requests and state.engine.dialect.name != "sqlite":
        app.add_middleware(AdmissionLimit, limit=settings.max_concurrent_requests)
    # Outermost: every answer, errors included, carries the request id and the security headers.
    app.add_middleware(RequestContextMiddleware, settings=settings)
    return app


async def _queue_depths(state: AppState) -> dict[str, int]:
    """Work waiting: queued jobs, requested job runs and unsent notifications (read at scrape time)."""
    depths: dict[str, int] = {}
    if (jobs := await state.queue.depth()) is not None:
        depths["jobs"] = jobs
    try:
        async with state.sessionmaker() as session:
            depths["job_runs"] = (
                await session.scalar(
                    select(func.count()).select_from(JobRun).where(JobRun.status.in_(ACTIVE_STATUSES))
                )
                or 0
            )
            depths["notifications"] = (
                await session.scalar(
                    select(func.count()).select_from(Notification).where(Notification.status == "pending")
                )
                or 0
            )
    except Exception as error:  # the database is down: /readyz says so; metrics still answer
        log.warning("queue depths unavailable: %s", type(error).__name__)
    return depths
