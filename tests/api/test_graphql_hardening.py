"""Query hardening: depth, aliases, tokens, introspection and the IDE in production, GET, masked errors."""

import httpx
import pytest

from api.app import create_app
from consultations import service
from tests.conftest import GraphQL, error_code

INTROSPECTION = "{ __schema { queryType { name } } }"


@pytest.fixture
async def production_gql(settings):
    app = create_app(
        settings.model_copy(update={"env": "production", "secret_key": "s" * 40}), start_cron=False
    )
    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
            yield GraphQL(http)


async def test_too_deep_query_is_refused(gql):
    nested = "{ consultations { edges { node { draft { articles { id } } } } pageInfo { hasNextPage } } }"
    assert "errors" not in await gql(nested)
    too_deep = "{ me " + "{ roles " * 12 + "{ role }" + " }" * 12 + " }"
    result = await gql(too_deep)
    assert "exceeds maximum operation depth" in result["errors"][0]["message"]


async def test_alias_flood_is_refused(gql):
    flood = "{ " + " ".join(f"a{i}: me {{ id }}" for i in range(20)) + " }"
    result = await gql(flood)
    assert "aliases found" in result["errors"][0]["message"]


async def test_token_flood_is_refused(gql):
    huge = "{ " + " ".join("__typename" for _ in range(3000)) + " }"
    result = await gql(huge)
    assert "more than 2000 tokens" in result["errors"][0]["message"]


async def test_introspection_works_in_development_and_is_off_in_production(gql, production_gql):
    assert (await gql(INTROSPECTION))["data"]["__schema"]["queryType"]["name"] == "Query"
    result = await production_gql(INTROSPECTION)
    assert result.get("data") is None
    assert "introspection" in result["errors"][0]["message"].lower()


async def test_ide_is_served_in_development_only(client, production_gql):
    assert (await client.get("/graphql", headers={"accept": "text/html"})).status_code == 200
    response = await production_gql.http.get("/graphql", headers={"accept": "text/html"})
    assert response.status_code != 200


async def test_production_refuses_to_start_with_the_default_secret(settings):
    with pytest.raises(RuntimeError, match="CANYU_SECRET_KEY"):
        create_app(settings.model_copy(update={"env": "production"}))


async def test_operations_over_get_are_refused(client):
    mutation = "mutation { logout }"
    response = await client.get("/graphql", params={"query": mutation})
    assert response.status_code in (400, 405)
    query = await client.get("/graphql", params={"query": "{ me { id } }"})
    assert query.status_code in (400, 405)


async def test_unexpected_errors_are_masked_with_a_code(gql, monkeypatch):
    async def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail: password=hunter2")

    monkeypatch.setattr(service, "get_visible", broken)
    result = await gql("{ consultation(id: 1) { id } }")
    assert error_code(result) == "INTERNAL_ERROR"
    assert "hunter2" not in str(result)
    assert result["errors"][0]["message"] == "服务器内部错误，请稍后重试"


async def test_malformed_ids_and_cursors_get_clear_errors(gql):
    assert error_code(await gql('{ consultation(id: "abc") { id } }')) == "ID_INVALID"
    assert (
        error_code(await gql('{ consultations(after: "!!notacursor") { edges { cursor } } }'))
        == "CURSOR_INVALID"
    )
    assert error_code(await gql("{ consultations(first: 1000) { edges { cursor } } }")) == "PAGE_SIZE_INVALID"


async def test_syntax_errors_are_the_clients_own(gql):
    result = await gql("{ consultations { ")
    assert error_code(result) == "GRAPHQL_VALIDATION_FAILED"


async def test_field_suggestions_are_hidden_in_production(gql, production_gql):
    assert "Did you mean" in (await gql("{ consultation { titl } }"))["errors"][0]["message"]
    message = (await production_gql("{ consultation { titl } }"))["errors"][0]["message"]
    assert "Did you mean" not in message


async def test_oversize_bodies_are_refused_before_parsing(client, settings):
    huge = {"query": "{ me { id } }", "variables": {"padding": "x" * (settings.max_request_bytes + 1)}}
    response = await client.post("/graphql", json=huge)
    assert response.status_code == 413
