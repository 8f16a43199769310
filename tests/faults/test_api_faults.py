"""Faults under comment load, on canyu's production setup (`canyu serve --workers 2`, `canyu worker`,
PostgreSQL, Redis, CANYU_ENV=production): an API process killed, Redis stopped, PostgreSQL restarted.

The three tests share one running stack (starting it costs 10–20 s on this machine) and each uses a
consultation of its own; `make_healthy` puts back anything an earlier test left broken.
"""

from __future__ import annotations

import asyncio
import inspect
import json
import os
import re
import signal
import subprocess
from collections.abc import AsyncIterator
from typing import Any

import pytest

from tests.faults import seeding
from tests.faults.checks import assert_every_receipt_stored_once, assert_returned_receipts_stored_once
from tests.faults.database import query
from tests.faults.load import Load, run_load
from tests.faults.servers import (
    CANYU,
    PrivatePostgres,
    Stack,
    established_connections,
    uvicorn_workers,
    wait_until,
)

DATABASE = "canyu_faults_api"
CLIENTS = 40


@pytest.fixture(scope="module")
async def api_stack(
    postgres: PrivatePostgres, database_factory: Any, faults_dir: Any
) -> AsyncIterator[Stack]:
    await database_factory(DATABASE)
    directory = faults_dir / "api"
    directory.mkdir()
    stack = Stack(postgres, DATABASE, directory)
    try:
        await asyncio.to_thread(stack.start)
        yield stack
    finally:
        stack.stop()


async def make_healthy(stack: Stack) -> Stack:
    """The shared stack as a test expects it: every server up, two API workers, one arq worker."""
    if not stack.postgres.is_running():
        stack.postgres.start()
    if stack.redis.process is None:
        stack.redis.start()
    if stack.worker is None or not stack.worker.alive():
        stack.start_worker()
    await asyncio.to_thread(stack.wait_ready)
    return stack


@pytest.fixture
async def healthy_stack(api_stack: Stack) -> Stack:
    return await make_healthy(api_stack)


async def stored_comments(stack: Stack, consultation_id: int) -> list[Any]:
    return await query(
        stack.postgres,
        stack.database,
        "SELECT id, idempotency_key, receipt_code FROM comments WHERE consultation_id = $1",
        consultation_id,
    )


async def wait_for(condition: Any, *, within: float, what: str, interval: float = 0.1) -> Any:
    """Poll condition() (plain or async) without blocking the clients until it is truthy; return it."""
    loop = asyncio.get_running_loop()
    started = loop.time()
    while True:
        value = condition()
        if inspect.isawaitable(value):
            value = await value
        if value:
            return value
        if loop.time() - started > within:
            raise TimeoutError(f"timed out after {within:.0f} s waiting for {what}")
        await asyncio.sleep(interval)


# --- 1. an API process killed mid-load --------------------------------------------------------------


async def test_killing_an_api_worker_mid_load_loses_nothing_and_stores_nothing_twice(
    healthy_stack: Stack, template: seeding.Seeded
) -> None:
    stack = healthy_stack
    assert stack.serve is not None
    consultation_id = template.consultation_ids[0]
    supervisor = stack.serve.pid
    workers_before = uvicorn_workers(supervisor)
    assert len(workers_before) == 2, workers_before

    stop, load = asyncio.Event(), Load()
    clients = asyncio.create_task(
        run_load(
            stack.base_url,
            tokens=template.citizen_tokens,
            consultation_id=consultation_id,
            key_prefix="kill-api",
            clients=CLIENTS,
            stop=stop,
            load=load,
        )
    )
    try:
        await wait_for(lambda: len(load.receipts) >= 150, within=60, what="150 receipts before the kill")
        # The worker holding the most client connections (the kernel need not share them out evenly).
        connections = {pid: established_connections(pid, stack.port) for pid in workers_before}
        victim = max(workers_before, key=connections.__getitem__)
        os.kill(victim, signal.SIGKILL)
        killed_at = load.now()

        def replacement() -> list[int] | None:
            now = uvicorn_workers(supervisor)
            return now if len(now) == 2 and victim not in now else None

        # uvicorn's supervisor (0.54) checks its workers every 0.5 s and starts a replacement for a dead one.
        replaced = await asyncio.to_thread(
            wait_until, replacement, timeout=60, interval=0.2, what="uvicorn to replace the killed worker"
        )
        replaced_after = load.now() - killed_at
        # The load goes on for 150 more receipts once the replacement is up.
        receipts_at_replacement = len(load.receipts)
        await wait_for(
            lambda: len(load.receipts) >= receipts_at_replacement + 150,
            within=60,
            what="150 more receipts after the replacement",
        )
    finally:
        stop.set()
        await clients

    print(
        f"\n[kill API worker] client connections per worker {connections}; killed {victim} at "
        f"{killed_at:.1f} s, replaced {replaced_after:.1f} s later, workers now {replaced}; {load.summary()}"
    )
    assert supervisor == stack.serve.pid and stack.serve.alive(), "canyu serve itself must survive"
    assert connections[victim] > 0
    assert next(pid for pid in workers_before if pid != victim) in replaced
    # The kill really cut requests in flight (so the retries below were exercised).
    cut = [a for a in load.errors() if a.started >= killed_at - 5 and a.outcome.startswith("transport:")]
    assert cut, f"no request was cut by the kill: {load.outcomes()}"
    # The clients only ever saw errors worth retrying.
    assert [a for a in load.errors() if not a.retryable] == []
    assert_every_receipt_stored_once(load, await stored_comments(stack, consultation_id))


# --- 2. Redis stopped during load ---------------------------------------------------------------------


class RedisOutage:
    """What happened around a Redis outage in the middle of a comment burst."""

    def __init__(self) -> None:
        self.load = Load()
        self.down_at = self.back_at = 0.0
        self.readyz_while_down: list[tuple[int, dict[str, Any]]] = []
        self.worker_alive_after_outage = True
        self.worker_restarted = False
        self.pending_when_back: dict[str, int] = {}  # work left undone when Redis came back
        self.drained_in: float | None = None  # seconds after Redis returned until all work was done
        self.comments: list[Any] = []
        self.notifications: list[Any] = []
        self.outbox_log_lines: dict[str, int] = {}  # receipt code → "[outbox]" lines naming it
        self.seals: dict[int, int] = {}  # comment id → seal events naming it
        self.audit_verify: tuple[int, str] = (0, "")


async def _pending(stack: Stack, consultation_id: int) -> dict[str, int]:
    """The consultation's comments not yet sealed or segmented, and receipt notifications not yet sent."""
    rows = await query(
        stack.postgres,
        stack.database,
        """
        SELECT count(*) FILTER (WHERE c.sealed_at IS NULL OR c.segmented_at IS NULL) AS unprocessed,
               count(*) FILTER (WHERE n.status IS DISTINCT FROM 'sent') AS unsent
        FROM comments c LEFT JOIN notifications n ON n.dedupe_key = 'comment-receipt:' || c.id
        WHERE c.consultation_id = $1
        """,
        consultation_id,
    )
    return dict(rows[0])


async def _work_done(stack: Stack, consultation_id: int) -> bool:
    return await _pending(stack, consultation_id) == {"unprocessed": 0, "unsent": 0}


@pytest.fixture(scope="module")
async def redis_outage(api_stack: Stack, template: seeding.Seeded) -> RedisOutage:
    """40 clients submit; Redis is stopped for 6 s in the middle and started again empty (no
    persistence: the worst case of a restart or failover). Then the work done afterwards is read back."""
    stack = await make_healthy(api_stack)
    consultation_id = template.consultation_ids[1]
    seen = RedisOutage()
    load = seen.load
    stop = asyncio.Event()
    clients = asyncio.create_task(
        run_load(
            stack.base_url,
            tokens=template.citizen_tokens,
            consultation_id=consultation_id,
            key_prefix="redis-down",
            clients=CLIENTS,
            stop=stop,
            token_offset=700,
            load=load,
        )
    )
    try:
        await wait_for(lambda: len(load.receipts) >= 100, within=60, what="100 receipts before the outage")
        await asyncio.to_thread(stack.redis.stop)
        seen.down_at = load.now()
        while load.now() < seen.down_at + 6:
            seen.readyz_while_down.append(await asyncio.to_thread(stack.readyz))
            await asyncio.sleep(1)
        seen.pending_when_back = await _pending(stack, consultation_id)
        await asyncio.to_thread(stack.redis.start)
        seen.back_at = load.now()
        receipts_back = len(load.receipts)
        await wait_for(
            lambda: len(load.receipts) >= receipts_back + 100,
            within=60,
            what="100 receipts after Redis returned",
        )
    finally:
        stop.set()
        await clients
    print(
        f"\n[Redis down {seen.down_at:.1f}–{seen.back_at:.1f} s] {load.summary()}; "
        f"pending when Redis returned: {seen.pending_when_back}"
    )

    # Give a surviving worker time to notice Redis again; then, if it died, start it again as a process
    # supervisor would (canyu worker restarts itself after losing Redis; compose also restarts it).
    await asyncio.sleep(2)
    assert stack.worker is not None
    seen.worker_alive_after_outage = stack.worker.alive()
    if not seen.worker_alive_after_outage:
        print(
            f"[Redis down] canyu worker exited during the outage; its log ends:\n{stack.worker.log_tail(12)}"
        )
        stack.start_worker()
        seen.worker_restarted = True
    started = load.now()
    await wait_for(
        lambda: _work_done(stack, consultation_id),
        within=60,
        interval=1,
        what="every comment sealed and segmented and every receipt notification sent",
    )
    seen.drained_in = load.now() - started
    print(
        f"[Redis down] pending work done {seen.drained_in:.1f} s after Redis returned + 2 s "
        f"(worker restarted by the test: {seen.worker_restarted})"
    )

    seen.comments = await query(
        stack.postgres,
        stack.database,
        "SELECT id, idempotency_key, receipt_code, sealed_at, segmented_at FROM comments "
        "WHERE consultation_id = $1",
        consultation_id,
    )
    seen.notifications = await query(
        stack.postgres,
        stack.database,
        "SELECT n.id, n.dedupe_key, n.status, n.attempts, n.sent_at, c.receipt_code FROM notifications n "
        "JOIN comments c ON n.dedupe_key = 'comment-receipt:' || c.id WHERE c.consultation_id = $1",
        consultation_id,
    )
    log = stack.worker.log_text()
    receipt = re.compile(r"CY-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}")
    for line in log.splitlines():
        if "[outbox]" in line:
            for code in receipt.findall(line):
                seen.outbox_log_lines[code] = seen.outbox_log_lines.get(code, 0) + 1
    ids = {row["id"] for row in seen.comments}
    for row in await query(
        stack.postgres, stack.database, "SELECT after FROM audit_events WHERE action = 'comments.sealed'"
    ):
        after = json.loads(row["after"]) if isinstance(row["after"], str) else row["after"]
        for comment_id, _digest in after["comments"]:
            if comment_id in ids:
                seen.seals[comment_id] = seen.seals.get(comment_id, 0) + 1
    verify = await asyncio.to_thread(
        subprocess.run,
        [str(CANYU), "audit", "verify"],
        capture_output=True,
        text=True,
        env=stack.env(),
        cwd=stack.directory,
    )
    seen.audit_verify = (verify.returncode, verify.stdout[-2000:] + verify.stderr[-2000:])
    return seen


async def test_redis_outage_submissions_keep_working(redis_outage: RedisOutage) -> None:
    load = redis_outage.load
    during = [a for a in load.attempts if redis_outage.down_at <= a.started < redis_outage.back_at]
    assert len([a for a in during if a.outcome == "receipt"]) >= 50, "too few submissions during the outage"
    # Zero failed submissions: not one error, not one retry, before, during or after the outage.
    assert load.errors() == []
    assert all(s.attempts == 1 for s in load.submissions)
    # No request waited on Redis (a refused connection fails fast; the limiter would give up after 1 s):
    # the slowest answer during the outage is within 3 s of the slowest outside it (this machine is shared,
    # so "slow" is measured against the same run).
    outside = [
        a.seconds for a in load.attempts if not redis_outage.down_at <= a.started < redis_outage.back_at
    ]
    assert max(a.seconds for a in during) < max(outside) + 3
    assert_every_receipt_stored_once(load, redis_outage.comments)


async def test_redis_outage_readyz_reports_redis_degraded(redis_outage: RedisOutage) -> None:
    # docs/operations.md, "Health": without Redis the API still serves, so /readyz stays 200 (a load
    # balancer keeps the replicas) and says "degraded" with the dependency that failed.
    assert redis_outage.readyz_while_down
    for status, body in redis_outage.readyz_while_down:
        assert (status, body) == (
            200,
            {"status": "degraded", "checks": {"database": "ok", "redis": "unavailable"}},
        )


async def test_redis_outage_work_queued_meanwhile_runs_once_after_redis_returns(
    redis_outage: RedisOutage,
) -> None:
    seen = redis_outage
    comments, notifications = seen.comments, seen.notifications
    # Work was queued meanwhile: comments to seal and segment, receipts to send.
    assert seen.pending_when_back["unprocessed"] > 0 and seen.pending_when_back["unsent"] > 0
    assert seen.drained_in is not None
    # Every comment sealed into the audit chain exactly once and segmented.
    assert all(row["sealed_at"] and row["segmented_at"] for row in comments)
    assert seen.seals == {row["id"]: 1 for row in comments}
    assert seen.audit_verify[0] == 0, seen.audit_verify[1]
    # One receipt notification per comment (dedupe key), each sent once: claimed once, sent_at set,
    # and delivered once (the production SMS transport logs every delivery).
    by_key: dict[str, int] = {}
    for row in notifications:
        by_key[row["dedupe_key"]] = by_key.get(row["dedupe_key"], 0) + 1
    assert by_key == {f"comment-receipt:{row['id']}": 1 for row in comments}
    assert {(row["status"], row["attempts"], row["sent_at"] is not None) for row in notifications} == {
        ("sent", 1, True)
    }
    ours = {row["receipt_code"] for row in comments}
    logged = {code: lines for code, lines in seen.outbox_log_lines.items() if code in ours}
    assert logged == {code: 1 for code in ours}


async def test_redis_outage_worker_carries_on_by_itself(redis_outage: RedisOutage) -> None:
    # docs/operations.md: "when Redis is back the worker's cron sweeps find every piece of pending work" —
    # that needs the worker process started before the outage to still be running.
    assert redis_outage.worker_alive_after_outage, "canyu worker exited when Redis went away"


# --- 4. PostgreSQL restarted under load -----------------------------------------------------------------


class PostgresRestart:
    def __init__(self) -> None:
        self.load = Load()
        self.stopping_at = self.down_at = self.starting_at = self.up_at = 0.0
        self.ready_again_after: float | None = None  # seconds from `pg_ctl start` returning to /readyz 200
        self.readyz: list[tuple[float, int, dict[str, Any]]] = []
        self.processes_before: dict[str, Any] = {}
        self.processes_after: dict[str, Any] = {}
        self.comments: list[Any] = []


def _processes(stack: Stack) -> dict[str, Any]:
    assert stack.serve is not None and stack.worker is not None
    return {
        "serve": (stack.serve.pid, stack.serve.alive()),
        "uvicorn workers": uvicorn_workers(stack.serve.pid),
        "worker": (stack.worker.pid, stack.worker.alive()),
    }


@pytest.fixture(scope="module")
async def postgres_restart(api_stack: Stack, template: seeding.Seeded) -> PostgresRestart:
    """40 clients submit; the private PostgreSQL is stopped (`pg_ctl stop -m fast`), kept down 5 s, and
    started again; /readyz is polled all along. canyu is not touched."""
    stack = await make_healthy(api_stack)
    consultation_id = template.consultation_ids[2]
    seen = PostgresRestart()
    load = seen.load
    seen.processes_before = _processes(stack)
    stop = asyncio.Event()
    clients = asyncio.create_task(
        run_load(
            stack.base_url,
            tokens=template.citizen_tokens,
            consultation_id=consultation_id,
            key_prefix="pg-restart",
            clients=CLIENTS,
            stop=stop,
            token_offset=1400,
            load=load,
        )
    )

    async def poll_readyz(until: asyncio.Event) -> None:
        while not until.is_set():
            status, body = await asyncio.to_thread(stack.readyz)
            seen.readyz.append((load.now(), status, body))
            await asyncio.sleep(0.5)

    done_polling = asyncio.Event()
    poller: asyncio.Task[None] | None = None
    try:
        await wait_for(lambda: len(load.receipts) >= 100, within=60, what="100 receipts before the restart")
        poller = asyncio.create_task(poll_readyz(done_polling))
        seen.stopping_at = load.now()
        await asyncio.to_thread(stack.postgres.stop, "fast")
        seen.down_at = load.now()
        await asyncio.sleep(5)
        seen.starting_at = load.now()
        await asyncio.to_thread(stack.postgres.start)
        seen.up_at = load.now()
        seen.ready_again_after = await wait_for(
            lambda: (
                seen.readyz
                and seen.readyz[-1][0] > seen.up_at
                and seen.readyz[-1][1] == 200
                and load.now() - seen.up_at
            ),
            within=60,
            what="/readyz 200 after PostgreSQL returned",
        )
        receipts_back = len(load.receipts)
        await wait_for(
            lambda: len(load.receipts) >= receipts_back + 100,
            within=60,
            what="100 receipts after PostgreSQL returned",
        )
    finally:
        done_polling.set()
        stop.set()
        await clients
        if poller is not None:
            await poller
        if not stack.postgres.is_running():
            stack.postgres.start()
    seen.processes_after = _processes(stack)
    seen.comments = await stored_comments(stack, consultation_id)
    errors = sorted({(a.outcome, a.retryable, a.message[:80]) for a in load.errors()})
    print(
        f"\n[PostgreSQL stopped {seen.stopping_at:.1f}–{seen.down_at:.1f} s, started "
        f"{seen.starting_at:.1f}–{seen.up_at:.1f} s, /readyz 200 {seen.ready_again_after:.1f} s later] "
        f"{load.summary()}\n  errors seen: {errors}"
    )
    return seen


async def test_postgres_down_answers_a_clear_retryable_error_quickly(
    postgres_restart: PostgresRestart,
) -> None:
    seen = postgres_restart
    load = seen.load
    outage = [a for a in load.attempts if seen.down_at <= a.started < seen.starting_at]
    assert outage, "no request was made while PostgreSQL was down"
    # While it is down: HTTP 200 with a GraphQL error DATABASE_UNAVAILABLE, retryable, within seconds.
    assert {(a.outcome, a.retryable) for a in outage} == {("graphql:DATABASE_UNAVAILABLE", True)}
    # ... and quickly: no answer during the outage is more than 5 s slower than the slowest answer before it
    # (this machine is shared, so "slow" is measured against the same run).
    before = [a.seconds for a in load.attempts if a.started < seen.stopping_at]
    assert max(a.seconds for a in outage) < max(before) + 5
    # Around it too (stopping, starting, the pool's stale connections): nothing but that error — no 500,
    # no masked INTERNAL_ERROR, no connection dropped.
    assert {(a.outcome, a.retryable) for a in load.errors()} == {("graphql:DATABASE_UNAVAILABLE", True)}
    assert load.failed == []


async def test_postgres_down_readyz_reports_the_database(postgres_restart: PostgresRestart) -> None:
    seen = postgres_restart
    while_down = [(status, body) for at, status, body in seen.readyz if seen.down_at <= at < seen.starting_at]
    assert while_down
    for status, body in while_down:
        assert status == 503 and body["status"] == "not ready", body
        assert body["checks"]["database"].startswith("unavailable"), body
        assert body["checks"]["redis"] == "ok", body
    assert seen.ready_again_after is not None and seen.ready_again_after < 10


async def test_postgres_back_the_api_recovers_by_itself_and_stores_every_receipt_once(
    postgres_restart: PostgresRestart,
) -> None:
    seen = postgres_restart
    # Nothing of canyu was restarted: same processes, all alive.
    assert seen.processes_after == seen.processes_before
    # Receipts were issued again after PostgreSQL returned; every receipt returned is stored exactly once,
    # and a submission that got no receipt (see the test above) has nothing stored.
    assert any(a.outcome == "receipt" and a.started > seen.up_at for a in seen.load.attempts)
    assert_returned_receipts_stored_once(seen.load, seen.comments)
