"""Registration under load: 500 citizens register at once for 50 first-come seats over real HTTP.

A real `uvicorn` server runs against the test database (on PostgreSQL with two worker processes, so two
engines and two connection pools, as a deployment with several API processes; on SQLite with one, as
the embedded mode runs), and 500 concurrent HTTP connections hit it at once. No category, and hence
not the hearing, is ever overfilled; every waitlist is ranked 1..n without gaps or repeats; then
concurrent cancellations promote exactly the next in line while newcomers register and people send
two registrations at the same moment, of which exactly one stands. On PostgreSQL the category row lock
does this, on SQLite BEGIN IMMEDIATE; the unique seat constraint would catch a slip.
"""

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import insert, select

from api.accounts.models import AuthSession, User, UserKind
from api.context import AppState
from api.db import utcnow
from api.outbox import Notification
from api.security import hash_password, new_token, token_digest
from api.settings import Settings
from hearings.models import HearingCategory, Registration
from tests.conftest import GraphQL
from tests.hearings.conftest import Organizers, open_registration, published_hearing

ROOT = Path(__file__).resolve().parents[2]
QUOTAS = {"INTERESTED_PARTY": 20, "SOCIAL_ORGANIZATION": 5, "PUBLIC": 25}  # 50 seats
APPLICANTS = 500
STARTUP_SECONDS = 90
REGISTER = """
mutation($input: RegisterForHearingInput!) {
  registerForHearing(input: $input) { id status seatNumber waitlistRank }
}"""
CANCEL = "mutation($id: ID!) { cancelRegistration(registrationId: $id) { id status } }"


CATEGORY_CYCLE = ("INTERESTED_PARTY",) * 4 + ("SOCIAL_ORGANIZATION",) + ("PUBLIC",) * 5


def category_of(index: int) -> str:
    """200 interested parties, 50 social organizations, 250 members of the public."""
    return CATEGORY_CYCLE[index % len(CATEGORY_CYCLE)]


async def bulk_citizens(state: AppState, count: int) -> list[str]:
    """Verified citizens with session tokens, inserted in bulk (one argon2 hash; login would only
    measure argon2)."""
    password_hash = hash_password("citizen-pass-1")
    now = utcnow()
    tokens = [new_token() for _ in range(count)]
    async with state.sessionmaker() as session:
        user_ids = (
            await session.scalars(
                insert(User).returning(User.id, sort_by_parameter_order=True),
                [
                    {
                        "kind": UserKind.CITIZEN.value,
                        "phone": f"136{i:08d}",
                        "display_name": f"市民{i}",
                        "password_hash": password_hash,
                        "verified_at": now,
                        "is_active": True,
                        "created_at": now,
                    }
                    for i in range(count)
                ],
            )
        ).all()
        await session.execute(
            insert(AuthSession),
            [
                {
                    "token_hash": token_digest(token),
                    "csrf_token": new_token(),
                    "user_id": user_id,
                    "created_at": now,
                    "expires_at": now + timedelta(hours=1),
                }
                for token, user_id in zip(tokens, user_ids, strict=True)
            ],
        )
        await session.commit()
    return tokens


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class Server:
    """A uvicorn process being started; `ready()` waits until it answers."""

    def __init__(self, process: subprocess.Popen[bytes], base_url: str):
        self.process = process
        self.base_url = base_url

    async def ready(self) -> None:
        deadline = time.monotonic() + STARTUP_SECONDS
        async with httpx.AsyncClient(base_url=self.base_url, timeout=1) as http:
            while True:
                if self.process.poll() is not None:
                    pytest.fail(f"uvicorn exited with {self.process.returncode}")
                try:
                    if (await http.get("/healthz")).status_code == 200:
                        return
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline:
                    pytest.fail(f"uvicorn did not start within {STARTUP_SECONDS} s")
                await asyncio.sleep(0.2)


@pytest.fixture
def server(app: Any, settings: Settings, tmp_path: Path) -> Iterator[Server]:
    """`uvicorn api.app:create_app` on the test database, started at once (it boots while the test
    prepares its data); stopped, and its log checked for errors, at the end."""
    port = free_port()
    # PostgreSQL: two API processes, as a deployment scales out. SQLite (embedded): one, as it is run.
    workers = 2 if settings.resolved_database_url.startswith("postgresql") else 1
    log = (tmp_path / "server.log").open("wb")
    env = {key: value for key, value in os.environ.items() if not key.startswith("CANYU_")}
    env.update(
        CANYU_ENV="test",
        CANYU_DATABASE_URL=settings.resolved_database_url,
        CANYU_DATA_DIR=str(tmp_path / "server-data"),
        CANYU_DB_POOL_SIZE="10",
        CANYU_JOB_NUDGE_DEBOUNCE_SECONDS="1",
    )
    if settings.redis_url:
        env["CANYU_REDIS_URL"] = settings.redis_url
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "api.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            str(workers),
            "--log-level",
            "warning",
            "--no-access-log",
            "--timeout-keep-alive",  # the client reuses its connections between the two bursts
            "120",
        ],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    try:
        yield Server(process, f"http://127.0.0.1:{port}")
    finally:
        process.terminate()  # uvicorn's supervisor stops its workers
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
        log.close()
        logged = (tmp_path / "server.log").read_text(errors="replace")
        assert "Traceback" not in logged, logged[logged.index("Traceback") - 500 :][:4000]


class Load:
    """Concurrent GraphQL calls over real connections, counting how many were in flight at once."""

    def __init__(self, http: httpx.AsyncClient):
        self.http = http
        self.in_flight = 0
        self.peak = 0

    async def call(self, query: str, variables: dict[str, Any], token: str) -> dict[str, Any]:
        self.in_flight += 1
        self.peak = max(self.peak, self.in_flight)
        try:
            response = await self.http.post(
                "/graphql",
                json={"query": query, "variables": variables},
                headers={"Authorization": f"Bearer {token}"},
            )
        finally:
            self.in_flight -= 1
        assert response.status_code == 200, response.text
        return response.json()

    async def register(self, token: str, hearing_id: str, category: str) -> dict[str, Any]:
        values = {"hearingId": hearing_id, "category": category, "name": "张三", "organization": "某协会"}
        return await self.call(REGISTER, {"input": values}, token)


@pytest.fixture
async def load(server: Server) -> AsyncIterator[Load]:
    limits = httpx.Limits(max_connections=APPLICANTS + 100, max_keepalive_connections=APPLICANTS + 100)
    async with httpx.AsyncClient(base_url=server.base_url, limits=limits, timeout=120) as http:
        yield Load(http)


async def category_rows(state: AppState, hearing_id: str) -> dict[str, list[Registration]]:
    async with state.sessionmaker() as session:
        rows = await session.execute(
            select(Registration, HearingCategory.code)
            .join(HearingCategory, HearingCategory.id == Registration.category_id)
            .where(Registration.hearing_id == int(hearing_id))
            .order_by(Registration.id)
        )
        by_category: dict[str, list[Registration]] = defaultdict(list)
        for registration, code in rows.all():
            by_category[code.upper()].append(registration)
    return by_category


def check_invariants(by_category: dict[str, list[Registration]]) -> None:
    """Each category: seats exactly 1..quota when full, never more; waitlist ranks 1..n, each once."""
    for code, quota in QUOTAS.items():
        rows = by_category[code]
        selected = [r for r in rows if r.status == "selected"]
        assert len(selected) == quota, (code, len(selected))
        assert sorted(r.seat_number for r in selected) == list(range(1, quota + 1)), code
        assert all(r.seat_number is None for r in rows if r.status != "selected"), code
        ranks = [r.waitlist_rank for r in rows if r.waitlist_rank is not None]
        assert sorted(ranks) == list(range(1, len(ranks) + 1)), code


async def test_500_concurrent_registrations_never_overfill_50_seats(
    gql: GraphQL, organizers: Organizers, state: AppState, server: Server, load: Load
) -> None:
    categories = [{"category": code, "quota": quota} for code, quota in QUOTAS.items()]
    hearing_id = await published_hearing(gql, organizers, selectionMethod="FIRST_COME", categories=categories)
    await open_registration(state, hearing_id)
    tokens = await bulk_citizens(state, APPLICANTS + 40)
    applicants, newcomers, doubles = tokens[:APPLICANTS], tokens[APPLICANTS:520], tokens[520:]
    await server.ready()

    # 500 at once.
    started = time.monotonic()
    answers = await asyncio.gather(
        *(load.register(token, hearing_id, category_of(i)) for i, token in enumerate(applicants))
    )
    elapsed = time.monotonic() - started
    assert load.peak >= 200, f"only {load.peak} requests were in flight at once"
    failures = [a for a in answers if "errors" in a]
    assert failures == [], failures[:3]
    statuses = Counter(a["data"]["registerForHearing"]["status"] for a in answers)
    assert statuses == {"SELECTED": 50, "WAITLISTED": 450}, statuses

    by_category = await category_rows(state, hearing_id)
    check_invariants(by_category)
    assert {code: len(rows) for code, rows in by_category.items()} == {
        "INTERESTED_PARTY": 200,
        "SOCIAL_ORGANIZATION": 50,
        "PUBLIC": 250,
    }
    for code, quota in QUOTAS.items():
        waitlisted = [r for r in by_category[code] if r.status == "waitlisted"]
        assert sorted(r.waitlist_rank for r in waitlisted) == list(range(1, len(waitlisted) + 1))
        assert len(waitlisted) == len(by_category[code]) - quota
    # What each client was told is what was stored.
    stored = {str(r.id): r for rows in by_category.values() for r in rows}
    for answer in answers:
        mine = answer["data"]["registerForHearing"]
        row = stored[mine["id"]]
        assert (mine["status"].lower(), mine["seatNumber"], mine["waitlistRank"]) == (
            row.status,
            row.seat_number,
            row.waitlist_rank,
        )

    # Then, at once: 15 seat holders cancel, 20 newcomers register, and 20 people each send two
    # registrations (in two categories) at the same moment.
    owner = {a["data"]["registerForHearing"]["id"]: t for a, t in zip(answers, applicants, strict=True)}
    cancelling = {"INTERESTED_PARTY": 6, "SOCIAL_ORGANIZATION": 2, "PUBLIC": 7}
    leaving = [
        r
        for code, count in cancelling.items()
        for r in [x for x in by_category[code] if x.status == "selected"][:count]
    ]
    next_in_line = {
        r.id
        for code, count in cancelling.items()
        for r in sorted(
            (x for x in by_category[code] if x.status == "waitlisted"), key=lambda x: x.waitlist_rank or 0
        )[:count]
    }
    calls = [load.call(CANCEL, {"id": str(r.id)}, owner[str(r.id)]) for r in leaving]
    calls += [load.register(token, hearing_id, "PUBLIC") for token in newcomers]
    calls += [
        load.register(token, hearing_id, code) for token in doubles for code in ("PUBLIC", "INTERESTED_PARTY")
    ]
    started = time.monotonic()
    second = await asyncio.gather(*calls)
    elapsed_second = time.monotonic() - started
    cancels, joins, pairs = (
        second[: len(leaving)],
        second[len(leaving) : len(leaving) + 20],
        second[len(leaving) + 20 :],
    )
    assert all(
        "errors" not in c and c["data"]["cancelRegistration"]["status"] == "CANCELLED" for c in cancels
    )
    assert all("errors" not in j and j["data"]["registerForHearing"]["status"] == "WAITLISTED" for j in joins)
    for first, other in zip(pairs[::2], pairs[1::2], strict=True):
        outcomes = sorted(
            ["ok" if "errors" not in r else r["errors"][0]["extensions"]["code"] for r in (first, other)]
        )
        assert outcomes == ["DUPLICATE_REGISTRATION", "ok"], (first, other)

    after = await category_rows(state, hearing_id)
    check_invariants(after)
    promoted = {r.id for rows in after.values() for r in rows if r.selected_by == "promotion"}
    assert promoted == next_in_line  # exactly the first on each waitlist, nobody jumped the queue
    assert sum(len(rows) for rows in after.values()) == APPLICANTS + 20 + 20
    async with state.sessionmaker() as session:
        notified = list(
            await session.scalars(
                select(Notification.dedupe_key).where(Notification.kind == "hearing_promoted")
            )
        )
    assert sorted(notified) == sorted(f"hearing-registration:{i}:promoted" for i in next_in_line)
    print(
        f"\n{APPLICANTS} concurrent registrations in {elapsed:.1f} s (peak {load.peak} in flight); "
        f"{len(calls)} cancellations, registrations and duplicates in {elapsed_second:.1f} s"
    )
