"""Liveness and readiness, and how the API answers when the database cannot be reached."""

from collections.abc import AsyncIterator

import httpx
import pytest

from api.app import create_app
from api.settings import Settings

DEAD_DATABASE = "postgresql+asyncpg://postgres@127.0.0.1:1/x"


async def test_healthz_answers_ok(client):
    response = await client.get("/healthz")
    assert (response.status_code, response.json()) == (200, {"status": "ok"})


async def test_readyz_reports_every_dependency_ok(client, settings):
    response = await client.get("/readyz")
    expected = {"database": "ok", "redis": "ok"} if settings.redis_url else {"database": "ok"}
    assert response.status_code == 200
    assert response.json() == {"status": "ready", "checks": expected}


@pytest.fixture
async def dead_db_client(tmp_path) -> AsyncIterator[httpx.AsyncClient]:
    """An app whose PostgreSQL is unreachable (a closed port); no Redis."""
    app = create_app(
        Settings(env="test", database_url=DEAD_DATABASE, redis_url=None, data_dir=tmp_path), start_cron=False
    )
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


async def test_healthz_stays_ok_when_the_database_is_down(dead_db_client):
    assert (await dead_db_client.get("/healthz")).status_code == 200


async def test_readyz_is_503_when_the_database_is_down(dead_db_client):
    response = await dead_db_client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "not ready"
    assert list(body["checks"]) == ["database"]
    assert body["checks"]["database"].startswith("unavailable")


async def graphql(http: httpx.AsyncClient, query: str, variables: dict | None = None, **headers: str) -> dict:
    response = await http.post(
        "/graphql", json={"query": query, "variables": variables or {}}, headers=headers
    )
    assert response.status_code == 200, response.text
    return response.json()


async def test_query_needing_the_database_answers_a_retryable_error_when_it_is_down(dead_db_client):
    result = await graphql(dead_db_client, "{ units { id } }")
    assert result["data"] is None
    [error] = result["errors"]
    assert error["extensions"] == {"code": "DATABASE_UNAVAILABLE", "retryable": True}
    assert error["message"] == "数据库暂时不可用，请稍后重试"
    assert error["path"] == ["units"]


async def test_mutation_answers_a_retryable_error_when_the_database_is_down(dead_db_client):
    result = await graphql(
        dead_db_client,
        "mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { token } }",
        {"i": "13800000001", "p": "citizen-pass-1"},
    )
    assert result["errors"][0]["extensions"] == {"code": "DATABASE_UNAVAILABLE", "retryable": True}


async def test_signed_in_caller_gets_a_retryable_error_not_anonymity_when_the_database_is_down(
    dead_db_client,
):
    result = await graphql(dead_db_client, "{ me { id } }", Authorization="Bearer some-token")
    assert result["errors"][0]["extensions"] == {"code": "DATABASE_UNAVAILABLE", "retryable": True}


async def test_query_without_the_database_still_works_when_it_is_down(dead_db_client):
    assert await graphql(dead_db_client, "{ me { id } }") == {"data": {"me": None}}


async def test_an_exhausted_connection_pool_is_a_retryable_busy_error(tmp_path):
    """Every pooled connection stays busy past the pool's timeout (a burst): the caller is told to retry."""
    from sqlalchemy import text
    from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
    from sqlalchemy.pool import AsyncAdaptedQueuePool

    from api.context import AppState, Context
    from api.errors import ServiceUnavailable
    from api.jobs import InProcessQueue
    from api.ratelimit import MemoryRateLimiter

    engine = create_async_engine(
        f"sqlite+aiosqlite:///{tmp_path / 'busy.sqlite3'}",
        poolclass=AsyncAdaptedQueuePool,
        pool_size=1,
        max_overflow=0,
        pool_timeout=0.1,
    )
    state = AppState(
        settings=Settings(env="test", data_dir=tmp_path),
        engine=engine,
        sessionmaker=async_sessionmaker(engine),
        queue=InProcessQueue([], {}),
        limiter=MemoryRateLimiter(),
    )
    try:
        async with engine.connect():  # holds the only connection
            with pytest.raises(ServiceUnavailable) as raised:
                async with Context(state).session() as session:
                    await session.execute(text("SELECT 1"))
        assert (raised.value.code, raised.value.retryable) == ("SERVER_BUSY", True)
    finally:
        await engine.dispose()


@pytest.mark.parametrize(
    ("sqlstate", "orig_class", "unavailable"),
    [
        ("57P03", "Error", True),  # the database system is shutting down / starting up
        ("57P01", "Error", True),  # terminating connection due to administrator command
        ("08006", "Error", True),  # connection failure
        (None, "InternalClientError", True),  # asyncpg: the connection broke mid-operation
        ("23505", "Error", False),  # a unique violation is the statement's own problem
        ("42P01", "Error", False),
    ],
)
def test_errors_of_a_database_going_away_are_retryable(sqlstate, orig_class, unavailable):
    from sqlalchemy.exc import DBAPIError

    from api.context import database_unavailable

    orig = type(orig_class, (Exception,), {"sqlstate": sqlstate})("boom")
    mapped = database_unavailable(DBAPIError("SELECT 1", {}, orig))
    if unavailable:
        assert mapped is not None and (mapped.code, mapped.retryable) == ("DATABASE_UNAVAILABLE", True)
    else:
        assert mapped is None
