"""Property-based fuzzing of /graphql with schemathesis (GraphQL mode).

Every root field of the live schema (whatever it holds when the tests run) is fuzzed as an anonymous
caller, a verified citizen and a staff member holding every role on the unit, in a world with an open
consultation, a comment on it and a hearing open for registration. Every answer must be a GraphQL answer
(HTTP 200, a JSON object with `data` and/or `errors`), and every error must carry one of canyu's own
codes: nothing unexpected may reach the client, not even masked as INTERNAL_ERROR. Afterwards the audit
chain and the comment seals must still verify.

The world is built once for the module, and the examples share it and change it (the fuzzer's staff
member may withdraw the consultation): that is the point of fuzzing a live world, not a flaw.
Examples are derandomized, so every run and CI send the same queries; CANYU_FUZZ_EXAMPLES raises the
number per operation and caller (default 5) for a deeper local run.
"""

import base64
import json
import logging
import os
import re
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
import schemathesis
from graphql import (
    get_introspection_query,
)
from hypothesis import HealthCheck, Phase, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.graphql import nodes
from sqlalchemy import func, select

from api.accounts.models import Role
from api.app import create_app
from api.audit import verify_chain
from api.context import AppState
from api.graphql_errors import INTERNAL_MESSAGE
from api.schema import schema as canyu_schema
from api.settings import Settings
from consultations.models import Comment
from consultations.sealing import verify_sealed_comments
from tests.conftest import GraphQL, People, _empty_all_tables
from tests.consultations.conftest import PUBLISH, SUBMIT_COMMENT, Team, ok, reviewed_consultation
from tests.hearings.conftest import Organizers, open_registration, published_hearing

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("CANYU_FUZZ_EXAMPLES", "5"))
ROLES = ("anonymous", "citizen", "staff")

# Collected from the schema the app serves, so new operations are fuzzed as soon as they exist.
_graphql_schema = canyu_schema._schema
OPERATIONS = [f"Query.{name}" for name in _graphql_schema.query_type.fields] + [
    f"Mutation.{name}"
    for name in (_graphql_schema.mutation_type.fields if _graphql_schema.mutation_type else {})
]


def _canyu_codes() -> re.Pattern[str]:
    """Every error code canyu's own code can give a client: the codes written out (code="X", "code": "X")
    and those built in f-strings (code=f"{kind.upper()}_REVIEW_REQUIRED" matches LEGALITY_REVIEW_REQUIRED)."""
    written = re.compile(r"""\bcode["']?\s*[=:]\s*f?["']([A-Z{][A-Za-z0-9_{}.()]*)["']""")
    codes = {
        code
        for package in ("api", "consultations", "hearings")
        for path in (ROOT / package).rglob("*.py")
        for code in written.findall(path.read_text(encoding="utf-8"))
    } - {"INTERNAL_ERROR"}
    alternatives = (re.sub(r"\\{[^}]*\\}", "[A-Z0-9_]+", re.escape(code)) for code in sorted(codes))
    return re.compile("|".join(alternatives))


CANYU_CODES = _canyu_codes()


def _weighted(
    usual: st.SearchStrategy[Any], other: st.SearchStrategy[Any], *, one_in: int
) -> st.SearchStrategy[Any]:
    """`other` about once in `one_in` draws, else `usual` (hypothesis' one_of has no weights)."""
    return st.integers(min_value=1, max_value=one_in).flatmap(lambda n: other if n == one_in else usual)


_ANY_INT = st.integers(min_value=-(2**31), max_value=2**31 - 1).map(nodes.Int)
# Hostile text: anything at all (NUL and other control characters included) and the classics.
_HOSTILE_TEXT = st.one_of(
    st.text(),
    st.sampled_from(
        [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "'; DROP TABLE comments; --",
            "\u202egnp.exe 反转",
            "零\u200b宽\u200d字\ufeff符",
            "😀🏛️👨‍👩‍👧 表情",
            "意见\x00截断",
            "长" * 6000,
            # Cursors (base64 of "c:<row id>"): one the app made, and one forged beyond any row id.
            base64.urlsafe_b64encode(b"c:1").decode(),
            base64.urlsafe_b64encode(b"c:" + b"9" * 30).decode(),
        ]
    ),
)
# Plain text of a plausible length, so validation passes and the operation itself runs.
_PLAIN_TEXT = st.text(st.characters(codec="utf-8", categories=["L", "N", "P", "Zs"]), min_size=2, max_size=40)

# Mostly the world's own row ids, sensible counts and plain text, so resolvers find rows and get past
# the first checks into deeper code; regularly anything at all.
schemathesis.graphql.scalar(
    "ID",
    _weighted(
        st.integers(min_value=1, max_value=6).map(str).map(nodes.String),
        st.one_of(_ANY_INT, st.text(max_size=30).map(nodes.String)),
        one_in=10,
    ),
)
schemathesis.graphql.scalar(
    "Int", _weighted(st.integers(min_value=0, max_value=30).map(nodes.Int), _ANY_INT, one_in=10)
)
schemathesis.graphql.scalar("String", _weighted(_PLAIN_TEXT, _HOSTILE_TEXT, one_in=3).map(nodes.String))
schemathesis.graphql.scalar(
    "JSON", st.one_of(st.text(max_size=50).map(nodes.String), st.integers().map(nodes.Int))
)


@pytest.fixture(scope="module")
async def app(settings: Settings) -> AsyncIterator[Any]:
    """One app for the module (overrides the per-test app): the fuzzed world lives across all examples."""
    application = create_app(settings, start_cron=False)
    await _empty_all_tables(application.state.canyu)
    if settings.redis_url:
        from redis.asyncio import Redis

        client = Redis.from_url(settings.redis_url)
        await client.flushdb()
        await client.aclose()
    async with application.router.lifespan_context(application):
        yield application


class ErrorRecords(logging.Handler):
    """Errors logged by canyu (a failed job, an unexpected GraphQL error) or by arq's worker."""

    def __init__(self) -> None:
        super().__init__(level=logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.fixture(scope="module")
def logged_errors() -> Iterator[list[logging.LogRecord]]:
    handler = ErrorRecords()
    loggers = [logging.getLogger("canyu"), logging.getLogger("arq")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler.records
    for logger in loggers:
        logger.removeHandler(handler)


@dataclass
class World:
    staff_username: str
    citizen_contact: str
    tokens: dict[str, str | None]
    requests_sent: int = 0


STAFF_PASSWORD = "staff-pass-1"  # the People factories' passwords
CITIZEN_PASSWORD = "citizen-pass-1"


@pytest.fixture(scope="module")
async def world(app: Any, logged_errors: list[logging.LogRecord]) -> AsyncIterator[World]:
    """A demo-like world built through the API: a unit, a staff member with every role, a verified
    citizen, an open consultation with a draft and one comment, and a hearing open for registration."""
    state: AppState = app.state.canyu
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as http:
        gql = GraphQL(http)
        people = People(state, gql)
        unit_id = await people.unit("prov")
        await people.unit("city", parent="prov", region="330100")
        staff = await people.staff("fuzz-staff", [role.value for role in Role])
        citizen = await people.citizen("13800000001")
        team = Team(unit_id=unit_id, drafter=staff, approver=staff, reviewer=staff)
        consultation_id, articles = await reviewed_consultation(gql, team)
        ok(await gql(PUBLISH, {"id": consultation_id}, token=staff))
        ok(
            await gql(
                SUBMIT_COMMENT,
                {"id": consultation_id, "body": "建议明确宅基地面积标准。", "article": articles[0]["id"]},
                token=citizen,
            )
        )
        hearing_id = await published_hearing(gql, Organizers(unit_id=unit_id, organizer=staff, drafter=staff))
        await open_registration(state, hearing_id)
        yield World(
            staff_username="fuzz-staff",
            citizen_contact="13800000001",
            tokens={"anonymous": None, "citizen": citizen, "staff": staff},
        )


async def _fresh_token(people: People, world: World, role: str) -> str | None:
    if role == "anonymous":
        return None
    if role == "citizen":
        return await people.login(world.citizen_contact, CITIZEN_PASSWORD)
    return await people.login(world.staff_username, STAFF_PASSWORD)


@pytest.fixture(scope="module")
async def fuzz_schema(app: Any) -> Any:
    """The schema as the running app introspects it, loaded into schemathesis."""
    async with httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app), base_url="http://testserver"
    ) as http:
        response = await http.post("/graphql", json={"query": get_introspection_query()})
    assert response.status_code == 200, response.text
    return schemathesis.graphql.from_dict(response.json())


def _client_address(label: str, role: str) -> str:
    """A client address of its own per operation and caller: per-address limits (login failures,
    registrations) then throttle one fuzzed operation without starving the others or the fixtures."""
    index = OPERATIONS.index(label)
    return f"10.{ROLES.index(role) + 1}.{index // 250}.{index % 250 + 1}"


def check_answer(label: str, role: str, query: str, response: httpx.Response) -> dict[str, Any]:
    """The answer is a GraphQL answer, and any error is one of canyu's own (never an unexpected one)."""
    where = (
        f"{label} as {role}\n--- query ---\n{query}\n"
        f"--- answer ({response.status_code}) ---\n{response.text[:3000]}"
    )
    assert response.status_code == 200, where
    try:
        payload = response.json()
    except json.JSONDecodeError as error:
        raise AssertionError(f"not JSON: {error}\n{where}") from error
    assert isinstance(payload, dict), where
    assert set(payload) <= {"data", "errors", "extensions"}, where
    assert "data" in payload or payload.get("errors"), where
    for error in payload.get("errors") or []:
        assert isinstance(error.get("message"), str), where
        assert error["message"] != INTERNAL_MESSAGE, f"unexpected error (masked)\n{where}"
        code = (error.get("extensions") or {}).get("code")
        assert isinstance(code, str) and CANYU_CODES.fullmatch(code), f"{code!r} is not canyu's code\n{where}"
    return payload


FUZZ_SETTINGS = hypothesis_settings(
    max_examples=EXAMPLES,
    derandomize=True,  # the same examples on every run and in CI: a failure reproduces
    database=None,  # nothing to replay with derandomize, and no .hypothesis/ folder in the repository
    deadline=None,  # a request's time depends on the machine, not on the example
    # No shrinking: the failing query and answer are printed in full, and shrinking (a request per step,
    # for minutes) would turn one bug into an hour-long CI run.
    phases=[Phase.explicit, Phase.generate],
    # `people` is function-scoped, but only a thin handle on the module's single app and world, which the
    # examples are meant to share (and change); generating a large mutation's input may be slow.
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


async def _fuzz(
    data: st.DataObject,
    *,
    label: str,
    role: str,
    mode: GenerationMode,
    app: Any,
    fuzz_schema: Any,
    world: World,
    people: People,
) -> None:
    kind, field = label.split(".", 1)
    case = data.draw(fuzz_schema[kind][field].as_strategy(generation_mode=mode), label="case")
    token = world.tokens[role]
    if label == "Mutation.logout" and token is not None:
        token = await _fresh_token(people, world, role)  # log out a session of its own, not the world's
    headers = {"Authorization": f"Bearer {token}"} if token else {}
    transport = httpx.ASGITransport(app=app, client=(_client_address(label, role), 40000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        response = await http.post("/graphql", json={"query": case.body}, headers=headers)
    world.requests_sent += 1
    payload = check_answer(label, role, case.body, response)
    if case.meta is not None and case.meta.generation.mode.is_negative:  # some fields cannot be broken
        assert payload.get("errors"), f"{label}: an invalid query was accepted\n{case.body}"


# The caller varies slowest: anonymous and citizen examples run against the intact world, and the staff
# member's (who may close or withdraw what the others use) come last.
@pytest.mark.parametrize("label", OPERATIONS)
@pytest.mark.parametrize("role", ROLES)
@FUZZ_SETTINGS
@given(data=st.data())
async def test_operation_answers_every_generated_query(
    data: st.DataObject,
    label: str,
    role: str,
    app: Any,
    fuzz_schema: Any,
    world: World,
    people: People,
) -> None:
    await _fuzz(
        data,
        label=label,
        role=role,
        mode=GenerationMode.POSITIVE,
        app=app,
        fuzz_schema=fuzz_schema,
        world=world,
        people=people,
    )


@pytest.mark.parametrize("label", OPERATIONS)
@FUZZ_SETTINGS
@given(data=st.data())
async def test_operation_refuses_invalid_queries(
    data: st.DataObject,
    label: str,
    app: Any,
    fuzz_schema: Any,
    world: World,
    people: People,
) -> None:
    """Schema-violating queries (wrong types, missing arguments) are refused with a validation code;
    what the caller is does not matter before execution, so this runs anonymously only."""
    await _fuzz(
        data,
        label=label,
        role="anonymous",
        mode=GenerationMode.NEGATIVE,
        app=app,
        fuzz_schema=fuzz_schema,
        world=world,
        people=people,
    )


def test_every_operation_is_fuzzed(fuzz_schema: Any) -> None:
    """The operations parametrized at collection are exactly those the running app serves."""
    served = {f"{kind}.{field}" for kind in fuzz_schema for field in fuzz_schema[kind]}
    assert served == set(OPERATIONS)


async def test_fuzzing_fails_no_job_and_leaves_the_audit_chain_intact(
    world: World, state: AppState, run_jobs: Any, logged_errors: list[logging.LogRecord]
) -> None:
    if world.requests_sent == 0:
        pytest.skip("run with the fuzz tests: there is nothing to check before they ran")
    await run_jobs()  # seal and segment the fuzzed comments, deliver notifications, …
    assert not logged_errors, "\n".join(f"{r.name}: {r.getMessage()}" for r in logged_errors)
    async with state.sessionmaker() as session:
        report = await verify_chain(session)
        seal_problems = await verify_sealed_comments(session)
        unsealed = await session.scalar(select(func.count()).where(Comment.sealed_at.is_(None)))
    assert report.checked > 0
    assert report.problems == []
    assert seal_problems == []
    assert unsealed == 0, "a job left fuzzed comments unsealed"
