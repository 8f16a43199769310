"""Request ids, security headers, CORS, JSON logs and Prometheus metrics, as an operator sees them."""

import json
import logging
from collections.abc import AsyncIterator

import httpx
import pytest

from api.app import create_app
from api.observability import JsonFormatter, request_id_var
from api.settings import Settings


async def test_every_answer_carries_a_request_id_and_the_security_headers(client: httpx.AsyncClient) -> None:
    first, second = await client.get("/healthz"), await client.get("/healthz")
    assert len(first.headers["x-request-id"]) == 32
    assert first.headers["x-request-id"] != second.headers["x-request-id"]
    assert first.headers["x-content-type-options"] == "nosniff"
    assert first.headers["x-frame-options"] == "DENY"
    assert first.headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "frame-ancestors 'none'" in first.headers["content-security-policy"]
    assert "script-src 'self';" in first.headers["content-security-policy"]
    assert first.headers["permissions-policy"].startswith("camera=(self)")
    assert "strict-transport-security" not in first.headers  # not behind HTTPS in tests
    # Errors carry them too.
    missing = await client.get("/statements/999999/v1.pdf")
    assert missing.status_code == 404
    assert missing.headers["x-content-type-options"] == "nosniff"


async def test_a_sane_incoming_request_id_is_kept_and_a_hostile_one_replaced(
    client: httpx.AsyncClient,
) -> None:
    kept = await client.get("/healthz", headers={"X-Request-ID": "lb-7f3a.42"})
    assert kept.headers["x-request-id"] == "lb-7f3a.42"
    replaced = await client.get("/healthz", headers={"X-Request-ID": "bad id\r\nSet-Cookie: x=1"})
    assert replaced.headers["x-request-id"] != "bad id"
    assert len(replaced.headers["x-request-id"]) == 32


async def test_metrics_count_requests_by_route_template(client: httpx.AsyncClient) -> None:
    await client.get("/statements/424242/v1.pdf")
    body = (await client.get("/metrics")).text
    route = "/statements/{consultation_id}/v{version}.{fmt}"
    assert f'canyu_http_requests_total{{method="GET",route="{route}",status="404"}}' in body
    assert "canyu_http_request_duration_seconds_bucket" in body
    assert 'canyu_queue_depth{queue="notifications"}' in body
    assert 'canyu_queue_depth{queue="job_runs"}' in body
    assert "/statements/424242" not in body  # raw paths never become label values


@pytest.fixture
async def guarded_client(tmp_path) -> AsyncIterator[httpx.AsyncClient]:
    settings = Settings(
        env="test",
        data_dir=tmp_path,
        metrics_token="scrape-secret",
        cors_allow_origins=["https://portal.example.gov.cn"],
    )
    app = create_app(settings, start_cron=False)
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield http


async def test_metrics_token_is_required_when_set(guarded_client: httpx.AsyncClient) -> None:
    assert (await guarded_client.get("/metrics")).status_code == 401
    assert (
        await guarded_client.get("/metrics", headers={"Authorization": "Bearer wrong"})
    ).status_code == 401
    allowed = await guarded_client.get("/metrics", headers={"Authorization": "Bearer scrape-secret"})
    assert allowed.status_code == 200


async def test_cors_answers_only_listed_origins(guarded_client: httpx.AsyncClient) -> None:
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type"}
    listed = await guarded_client.options(
        "/graphql", headers={"Origin": "https://portal.example.gov.cn", **preflight}
    )
    assert listed.headers["access-control-allow-origin"] == "https://portal.example.gov.cn"
    assert listed.headers["access-control-allow-credentials"] == "true"
    other = await guarded_client.options("/graphql", headers={"Origin": "https://evil.example", **preflight})
    assert "access-control-allow-origin" not in other.headers


async def test_cors_is_off_by_default(client: httpx.AsyncClient) -> None:
    response = await client.get("/healthz", headers={"Origin": "https://portal.example.gov.cn"})
    assert "access-control-allow-origin" not in response.headers


def test_json_log_lines_carry_the_request_id_and_extra_fields() -> None:
    record = logging.makeLogRecord(
        {"name": "canyu.access", "levelname": "INFO", "msg": "GET %s %s", "args": ("/healthz", 200)}
    )
    record.duration_ms = 1.5
    token = request_id_var.set("abc123")
    try:
        line = json.loads(JsonFormatter().format(record))
    finally:
        request_id_var.reset(token)
    assert line["message"] == "GET /healthz 200"
    assert line["request_id"] == "abc123"
    assert line["duration_ms"] == 1.5
    assert line["level"] == "INFO"
    assert line["logger"] == "canyu.access"
