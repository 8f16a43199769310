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
