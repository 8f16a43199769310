"""Test fixtures: one migrated database per run (SQLite, or PostgreSQL with a real arq worker on Redis).

CANYU_TEST_DATABASE=sqlite (default) runs jobs in-process; CANYU_TEST_DATABASE=postgresql runs them
through Redis and an arq worker in burst mode. Under CI=true a missing service fails the run.
"""

import asyncio
import os
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from arq.connections import RedisSettings
from arq.worker import Worker
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession, create_async_engine

from api.accounts import service as accounts
from api.accounts.models import User
from api.accounts.permissions import Principal
from api.app import create_app
from api.audit import GENESIS_HASH
from api.context import AppState
from api.db import utcnow
from api.jobs import InProcessQueue
from api.migrate import upgrade
from api.model_registry import metadata
from api.settings import Settings
from api.worker import JOB_FUNCTIONS, job_context

MODE = os.environ.get("CANYU_TEST_DATABASE", "sqlite")
POSTGRES_URL = os.environ.get("CANYU_TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
REDIS_URL = os.environ.get("CANYU_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
IN_CI = os.environ.get("CI") == "true"


def _unavailable(what: str, error: Exception) -> None:
    message = f"{what} is not reachable ({error})"
    if IN_CI:
        pytest.fail(f"{message}; CI needs it", pytrace=False)
    pytest.skip(message)


async def _reset_postgres_schema() -> None:
    engine = create_async_engine(POSTGRES_URL)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
    finally:
        await engine.dispose()


@pytest.fixture(scope="session")
async def database_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    if MODE == "postgresql":
        try:
            await _reset_postgres_schema()
        except OSError as error:
            _unavailable("PostgreSQL", error)
        url = POSTGRES_URL
    else:
        url = f"sqlite+aiosqlite:///{tmp_path_factory.mktemp('db') / 'canyu.sqlite3'}"
    await asyncio.to_thread(upgrade, url)  # Alembic's env runs its own event loop
    return url


@pytest.fixture(scope="session")
async def redis_url() -> str | None:
    if MODE != "postgresql":
        return None
    from redis.asyncio import Redis

    client = Redis.from_url(REDIS_URL)
    try:
        await client.ping()
        await client.flushdb()
    except (OSError, ConnectionError) as error:
        _unavailable("Redis", error)
    except Exception as error:  # redis.exceptions.ConnectionError is not an OSError
        _unavailable("Redis", error)
    finally:
        await client.aclose()
    return REDIS_URL


@pytest.fixture(scope="session")
def settings(database_url: str, redis_url: str | None, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        env="test",
        database_url=database_url,
        redis_url=redis_url,
        data_dir=tmp_path_factory.mktemp("data"),
        db_pool_size=5,
        job_nudge_debounce_seconds=0,
        job_batch_settle_seconds=0,  # the tests named *_settles_* run the jobs with a settle
        password_hash_time_cost=1,
        password_hash_memory_kib=1024,
    )


async def _empty_all_tables(state: AppState) -> None:
    tables = [t.name for t in reversed(metadata.sorted_tables)]
    async with state.engine.begin() as connection:
        if connection.dialect.name == "postgresql":
            await connection.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))
        else:
            for table in tables:
                await connection.execute(text(f"DELETE FROM {table}"))
        await connection.execute(
            text("INSERT INTO audit_chain_head (id, seq, hash) VALUES (1, 0, :genesis)"),
            {"genesis": GENESIS_HASH},
        )


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[Any]:
    application = create_app(settings, start_cron=False)
    state: AppState = application.state.canyu
    await _empty_all_tables(state)
    if settings.redis_url:
        from redis.asyncio import Redis

        client = Redis.from_url(settings.redis_url)
        await client.flushdb()
        await client.aclose()
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
def state(app: Any) -> AppState:
    return app.state.canyu


@pytest.fixture
async def client(app: Any) -> AsyncIterator[httpx.AsyncClient]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


@pytest.fixture
def run_jobs(state: AppState) -> Callable[[], Awaitable[None]]:
    """Run every queued job to completion: in-process, or through a real arq worker on Redis."""

    async def run() -> None:
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

    return run


@dataclass
class GraphQL:
    """Call /graphql like a client: errors come back as data, never as exceptions."""

    http: httpx.AsyncClient

    async def __call__(
        self,
        query: str,
        variables: dict[str, Any] | None = None,
        *,
        token: str | None = None,
        headers: dict[str, str] | None = None,
    ) -> dict[str, Any]:
        all_headers = {**(headers or {})}
        if token:
            all_headers["Authorization"] = f"Bearer {token}"
        response = await self.http.post(
            "/graphql", json={"query": query, "variables": variables or {}}, headers=all_headers
        )
        assert response.status_code == 200, response.text
        return response.json()


def error_code(result: dict[str, Any]) -> str:
    """The first error's code (fails the test if the call did not fail)."""
    assert result.get("errors"), f"expected an error, got {result}"
    return result["errors"][0]["extensions"]["code"]


@pytest.fixture
def gql(client: httpx.AsyncClient) -> GraphQL:
    return GraphQL(client)


@dataclass
class People:
    """Factories for units, staff and citizens, created through the services."""

    state: AppState
    gql: GraphQL

    async def session(self) -> AsyncSession:
        return self.state.sessionmaker()

    async def unit(self, code: str = "prov", *, parent: str | None = None, region: str = "330000") -> int:
        async with self.state.sessionmaker() as session:
            unit = await accounts.create_unit(
                session, name=f"{code} 单位", code=code, region_code=region, parent_code=parent
            )
            await session.commit()
            return unit.id

    async def staff(self, username: str, roles: list[str], unit: str = "prov") -> str:
        async with self.state.sessionmaker() as session:
            user = await accounts.create_staff_user(
                session, username=username, password="staff-pass-1", display_name=username
            )
            for role in roles:
                await accounts.grant_role(session, user_id=user.id, unit_code=unit, role=role)
            await session.commit()
        return await self.login(username, "staff-pass-1")

    async def citizen(self, contact: str = "13800000001", *, verified: bool = True) -> str:
        async with self.state.sessionmaker() as session:
            user = await accounts.register_citizen(
                session,
                contact=contact,
                password="citizen-pass-1",
                display_name="市民",
                settings=self.state.settings,
            )
            if verified:
                user.verified_at = utcnow()
            await session.commit()
        return await self.login(contact, "citizen-pass-1")

    async def login(self, identifier: str, password: str) -> str:
        result = await self.gql(
            "mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }",
            {"i": identifier, "p": password},
        )
        assert "errors" not in result, result
        self.gql.http.cookies.clear()  # tests act as bearer-token clients unless they opt into cookies
        return result["data"]["login"]["token"]

    async def principal(self, token: str) -> Principal:
        async with self.state.sessionmaker() as session:
            found = await accounts.authenticate(session, token=token)
        assert found is not None
        return found.principal

    async def user(self, user_id: int) -> User:
        async with self.state.sessionmaker() as session:
            return await session.get_one(User, user_id)


@pytest.fixture
def people(state: AppState, gql: GraphQL) -> People:
    return People(state, gql)
