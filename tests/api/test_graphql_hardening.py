"""Query hardening: depth, aliases, tokens, introspection and the IDE in production, GET, masked errors,
batching, huge and deeply nested variables."""

import base64
import json
import logging
import time

import httpx
import pytest
from sqlalchemy import func, select

from api.accounts.models import Unit, User
from api.app import create_app
from api.schema import MAX_VARIABLE_ITEMS
from consultations import service
from tests.conftest import GraphQL, error_code
from tests.consultations.conftest import PUBLISH, RECORD_REVIEW, SUBMIT_COMMENT, Team, reviewed_consultation

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


async def test_batched_operations_are_refused_before_any_runs(client, state):
    register = {
        "query": 'mutation { registerCitizen(contact: "13900000009", password: "batch-pass-1", '
        'displayName: "批") { __typename } }'
    }
    for batch in ([register, {"query": "{ me { id } }"}], [register]):
        response = await client.post("/graphql", json=batch)
        assert response.status_code == 400
        assert "Batching is not enabled" in response.text
    async with state.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(User)) == 0


async def _timed_post(client, body, token=None):
    """POST to /graphql; also the CPU time this process spent (the app runs in it; other load does not
    count, so the bound holds on a busy machine)."""
    headers = {"content-type": "application/json", **({"Authorization": f"Bearer {token}"} if token else {})}
    content = json.dumps(body).encode()  # encoded outside the measured time: that is the client's work
    started = time.process_time()
    response = await client.post("/graphql", content=content, headers=headers)
    return response, time.process_time() - started


async def test_huge_string_variables_get_a_clear_error_without_a_stall(client, gql, people):
    unit_id = await people.unit("prov")
    staff = await people.staff("drafter", ["drafter"])
    citizen = await people.citizen()
    consultation_id, _ = await reviewed_consultation(
        gql, Team(unit_id=unit_id, drafter=staff, approver=staff, reviewer=staff)
    )
    assert "errors" not in await gql(PUBLISH, {"id": consultation_id}, token=staff)
    huge = "意" + "x" * 5_000_000
    after = "query($s: String) { consultations(after: $s) { edges { cursor } } }"
    login = "mutation($s: String!) { login(identifier: $s, password: $s) { token } }"
    cases = [
        (SUBMIT_COMMENT, {"id": consultation_id, "body": huge}, citizen, "TEXT_TOO_LONG"),
        ("query($s: ID!) { consultation(id: $s) { id } }", {"s": "9" * 5_000_000}, None, "ID_INVALID"),
        (after, {"s": huge}, None, "CURSOR_INVALID"),
        (login, {"s": huge}, None, "LOGIN_FAILED"),
        # The Date scalar quotes the bad value: the message is cut short rather than echoing 5 MB back.
        (
            RECORD_REVIEW,
            {"id": consultation_id, "kind": "LEGALITY", "on": huge},
            staff,
            "GRAPHQL_VALIDATION_FAILED",
        ),
    ]
    for query, variables, token, code in cases:
        response, cpu_seconds = await _timed_post(client, {"query": query, "variables": variables}, token)
        assert response.status_code == 200
        assert error_code(response.json()) == code, query
        assert len(response.content) < 2000
        assert cpu_seconds < 2, (query, cpu_seconds)


async def test_variables_that_do_not_fit_their_types_are_the_clients_own(gql, caplog):
    cases = [
        ("query($d: Date!) { consultations(first: 1) { edges { cursor } } __typename }", {"d": "nope"}),
        ("query($i: ID!) { consultation(id: $i) { id } }", {"i": {"a": 1}}),
        ("query($n: Int) { consultations(first: $n) { edges { cursor } } }", {"n": 2**40}),
        ("query($n: Int) { consultations(first: $n) { edges { cursor } } }", {"n": "ten"}),
    ]
    with caplog.at_level(logging.ERROR, logger="canyu.graphql"):
        for query, variables in cases:
            result = await gql(query, variables)
            assert error_code(result) == "GRAPHQL_VALIDATION_FAILED", result
            assert result["errors"][0]["message"].startswith("Variable '$")
    assert not caplog.records  # the client's mistake, not an unexpected error to log


async def test_huge_list_variables_are_refused_before_they_are_parsed(gql, client):
    approve = "mutation($l: [ID!]!) { approveDisposition(dispositionIds: $l) { id } }"
    too_many = [str(i) for i in range(1, 100_001)]
    create = "mutation($i: CreateConsultationInput!) { createConsultation(input: $i) { id } }"
    # Undeclared variables count too: the bound is on what the request carries.
    for query, variables in [
        (approve, {"l": too_many}),
        (create, {"i": {f"field{i}": i for i in range(100_000)}}),
        ("{ __typename }", {"unused": too_many}),
    ]:
        response, cpu_seconds = await _timed_post(client, {"query": query, "variables": variables})
        assert error_code(response.json()) == "VARIABLES_TOO_LARGE"
        assert cpu_seconds < 0.5
    # Within the bound the list is parsed and reaches the resolver.
    result = await gql(approve, {"l": too_many[:MAX_VARIABLE_ITEMS]})
    assert result["errors"][0]["path"] == ["approveDisposition"]
    assert error_code(result) != "VARIABLES_TOO_LARGE"


async def test_deeply_nested_variables_get_a_clear_error(gql):
    create = "mutation($i: CreateConsultationInput!) { createConsultation(input: $i) { id } }"
    nested_object = json.loads('{"title": ' * 900 + '"x"' + "}" * 900)
    nested_list = json.loads("[" * 900 + '"1"' + "]" * 900)
    for query, variables in [
        (create, {"i": nested_object}),
        ("mutation($l: [ID!]!) { approveDisposition(dispositionIds: $l) { id } }", {"l": nested_list}),
    ]:
        assert error_code(await gql(query, variables)) == "GRAPHQL_VALIDATION_FAILED"


async def test_a_body_nested_beyond_the_json_parser_gets_a_400(app):
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        body = b'{"query": "{ __typename }", "variables": {"v": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}"
        response = await http.post("/graphql", content=body, headers={"content-type": "application/json"})
    assert response.status_code == 400


async def test_text_no_database_can_store_gets_a_clear_error(client, people, state):
    """Lone surrogates (no UTF-8 form) in any field, and U+0000 on PostgreSQL (which refuses it), get a
    clear error rather than INTERNAL_ERROR, and nothing is stored; a unit code is checked by the service
    itself (letters, digits, - and _), so it is refused the same way on both databases."""
    await people.unit("prov")
    admin = await people.staff("admin", ["admin"])
    create_unit = (
        'mutation($code: String!) { createUnit(name: "单位", code: $code, regionCode: "330000", '
        'parentCode: "prov") { code } }'
    )
    login = "mutation($s: String!) { login(identifier: $s, password: $s) { token } }"
    on_postgresql = state.engine.dialect.name == "postgresql"
    for query, variables, expected in [
        (create_unit, {"code": "a\ud800b"}, "UNIT_INVALID"),
        (login, {"s": "\udc00"}, "TEXT_INVALID_UNICODE"),
        (login, {"s": "a\x00b"}, "LOGIN_FAILED" if not on_postgresql else "TEXT_INVALID_UNICODE"),
        (create_unit, {"code": "a\x00b"}, "UNIT_INVALID"),
    ]:
        # Encoded here with \u escapes, as a JSON client sends them (a lone surrogate has no UTF-8 form).
        response, _ = await _timed_post(client, {"query": query, "variables": variables}, admin)
        result = response.json()
        assert error_code(result) == expected, (query, variables)
    async with state.sessionmaker() as session:
        assert await session.scalar(select(func.count()).select_from(Unit)) == 1


async def test_forged_cursors_get_a_clear_error(gql):
    """A cursor is an opaque row id: one forged out of range (it would overflow the database driver) or in
    other digits than ASCII is refused like any other malformed cursor."""
    query = "query($after: String) { consultations(after: $after) { edges { cursor } } }"
    for value in [10**30, 2**63, 0, -5, " 7", "٣", "1e5"]:
        cursor = base64.urlsafe_b64encode(f"c:{value}".encode()).decode()
        assert error_code(await gql(query, {"after": cursor})) == "CURSOR_INVALID", value
    assert "errors" not in await gql(query, {"after": base64.urlsafe_b64encode(b"c:7").decode()})
