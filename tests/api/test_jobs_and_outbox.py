"""The notification outbox (retries, give-up, stuck claims), the job queues, and job progress rows."""

import asyncio
import logging
from datetime import timedelta

import pytest
from sqlalchemy import event, select, update

from api.db import transaction, utcnow
from api.jobs import ArqQueue, InProcessQueue, JobProgress, JobRun, one_run_at_a_time
from api.outbox import SENDING_TIMEOUT, Notification, _claim_batch, deliver_due, queue_notification
from api.worker import job_context
from consultations import comments
from consultations.jobs import process_new_comments
from consultations.models import Comment
from consultations.schema import comment_limits
from consultations.text_rules import SensitiveWords
from tests.consultations.conftest import PUBLISH, Team, ok, reviewed_consultation


class FakeTransport:
    """Records every send; the first `failures` sends raise."""

    def __init__(self, failures: int = 0):
        self.failures = failures
        self.seen: list[int] = []

    async def send(self, notification: Notification) -> None:
        self.seen.append(notification.id)
        await asyncio.sleep(0)
        if len(self.seen) <= self.failures:
            raise ConnectionError("mail server down")


def transports(fake: FakeTransport) -> dict[str, FakeTransport]:
    return {"email": fake, "sms": fake}


async def add_notification(state, recipient: str = "a@example.com") -> int:
    async with transaction(state.sessionmaker) as session:
        return await queue_notification(
            session, recipient=recipient, kind="test", subject="主题", body="正文"
        )


async def notification(state, notification_id: int) -> Notification:
    async with state.sessionmaker() as session:
        return await session.get_one(Notification, notification_id)


async def make_due(state, notification_id: int) -> None:
    async with transaction(state.sessionmaker) as session:
        await session.execute(
            update(Notification)
            .where(Notification.id == notification_id)
            .values(next_attempt_at=utcnow() - timedelta(seconds=1))
        )


# --- outbox delivery ---------------------------------------------------------------------------------


async def test_failed_send_goes_back_to_pending_with_the_error_and_a_later_attempt_time(state):
    nid = await add_notification(state)
    fake = FakeTransport(failures=1)

    assert await deliver_due(state.sessionmaker, transports(fake), max_attempts=3) == (0, 1)

    row = await notification(state, nid)
    assert (row.status, row.attempts, row.sent_at) == ("pending", 1, None)
    assert row.last_error == "ConnectionError: mail server down"
    assert row.next_attempt_at > utcnow()
    assert fake.seen == [nid]


async def test_failed_notification_is_not_retried_before_its_next_attempt_time(state):
    nid = await add_notification(state)
    fake = FakeTransport(failures=1)
    await deliver_due(state.sessionmaker, transports(fake), max_attempts=3)

    assert await deliver_due(state.sessionmaker, transports(fake), max_attempts=3) == (0, 0)
    assert fake.seen == [nid]


async def test_failed_notification_is_sent_on_the_next_due_run(state):
    nid = await add_notification(state)
    fake = FakeTransport(failures=1)
    await deliver_due(state.sessionmaker, transports(fake), max_attempts=3)
    await make_due(state, nid)

    assert await deliver_due(state.sessionmaker, transports(fake), max_attempts=3) == (1, 0)

    row = await notification(state, nid)
    assert (row.status, row.attempts) == ("sent", 2)
    assert row.sent_at is not None
    assert fake.seen == [nid, nid]


async def test_notification_fails_for_good_after_max_attempts(state):
    nid = await add_notification(state)
    fake = FakeTransport(failures=100)
    await deliver_due(state.sessionmaker, transports(fake), max_attempts=2)
    await make_due(state, nid)
    assert await deliver_due(state.sessionmaker, transports(fake), max_attempts=2) == (0, 1)

    row = await notification(state, nid)
    assert (row.status, row.attempts, row.last_error) == ("failed", 2, "ConnectionError: mail server down")
    await make_due(state, nid)
    assert await deliver_due(state.sessionmaker, transports(fake), max_attempts=2) == (0, 0)
    assert fake.seen == [nid, nid]


async def test_a_claim_abandoned_by_a_dead_worker_is_retried(state):
    nid = await add_notification(state)
    async with transaction(state.sessionmaker) as session:
        await session.execute(
            update(Notification)
            .where(Notification.id == nid)
            .values(
                status="sending", attempts=1, claimed_at=utcnow() - SENDING_TIMEOUT - timedelta(minutes=1)
            )
        )
    fake = FakeTransport()

    assert await deliver_due(state.sessionmaker, transports(fake), max_attempts=3) == (1, 0)
    row = await notification(state, nid)
    assert (row.status, row.attempts) == ("sent", 2)
    assert fake.seen == [nid]


async def test_a_fresh_claim_of_another_worker_is_left_alone(state):
    nid = await add_notification(state)
    async with transaction(state.sessionmaker) as session:
        await session.execute(
            update(Notification)
            .where(Notification.id == nid)
            .values(status="sending", attempts=1, claimed_at=utcnow() - timedelta(seconds=5))
        )
    fake = FakeTransport()

    assert await deliver_due(state.sessionmaker, transports(fake), max_attempts=3) == (0, 0)
    assert (await notification(state, nid)).status == "sending"
    assert fake.seen == []


async def test_concurrent_deliveries_send_each_notification_once(state):
    ids = [await add_notification(state, f"user{n}@example.com") for n in range(6)]
    fake = FakeTransport()

    results = await asyncio.gather(
        *(deliver_due(state.sessionmaker, transports(fake), max_attempts=3, batch_size=2) for _ in range(3))
    )

    assert sum(sent for sent, _ in results) == 6
    assert sorted(fake.seen) == ids
    async with state.sessionmaker() as session:
        statuses = list(await session.scalars(select(Notification.status)))
    assert statuses == ["sent"] * 6


async def test_a_claim_takes_the_oldest_due_rows_in_one_statement(state):
    ids = [await add_notification(state, f"user{n}@example.com") for n in range(4)]
    async with transaction(state.sessionmaker) as session:  # one not due yet
        await session.execute(
            update(Notification)
            .where(Notification.id == ids[1])
            .values(next_attempt_at=utcnow() + timedelta(minutes=5))
        )
    statements: list[str] = []

    def log(_conn, _cursor, statement, *_):
        if statement.startswith(("SELECT", "UPDATE", "INSERT", "DELETE")):
            statements.append(statement.split()[0])

    event.listen(state.engine.sync_engine, "before_cursor_execute", log)
    try:
        async with transaction(state.sessionmaker) as session:
            claimed = await _claim_batch(session, 2)
    finally:
        event.remove(state.engine.sync_engine, "before_cursor_execute", log)
    assert statements == ["UPDATE"]
    assert [row.id for row in claimed] == [ids[0], ids[2]]
    assert all((row.status, row.attempts) == ("sending", 1) and row.claimed_at for row in claimed)
    assert [(await notification(state, i)).status for i in ids] == [
        "sending",
        "pending",
        "sending",
        "pending",
    ]


async def test_deliver_notifications_job_sends_the_outbox_through_the_queue(state, run_jobs, caplog):
    nid = await add_notification(state, "13800000001")
    caplog.set_level(logging.WARNING, logger="canyu.outbox")

    await state.queue.enqueue("deliver_notifications", job_id="deliver_notifications")
    await run_jobs()

    row = await notification(state, nid)
    assert (row.status, row.attempts, row.last_error) == ("sent", 1, "")
    assert "[outbox] sms to 13800000001: 主题 | 正文" in caplog.messages


# --- the in-process queue ----------------------------------------------------------------------------


async def test_in_process_job_requested_while_running_runs_again_afterwards():
    release = asyncio.Event()
    runs: list[int] = []

    async def slow_job(ctx):
        runs.append(len(runs) + 1)
        if len(runs) == 1:
            await release.wait()

    queue = InProcessQueue([slow_job], {})
    await queue.enqueue("slow_job", job_id="slow")
    await asyncio.sleep(0)
    await queue.enqueue("slow_job", job_id="slow")
    await queue.enqueue("slow_job", job_id="slow")
    assert runs == [1]

    release.set()
    await queue.drain()
    assert runs == [1, 2]  # requests made during a run coalesce into one more run


async def test_in_process_job_runs_again_when_requested_after_it_finished():
    runs: list[dict] = []

    async def job(ctx):
        runs.append(ctx)

    context = {"settings": "s"}
    queue = InProcessQueue([job], context)
    await queue.enqueue("job", job_id="j")
    await queue.drain()
    await queue.enqueue("job", job_id="j")
    await queue.drain()
    assert runs == [context, context]


async def test_in_process_failing_job_is_logged_and_the_queue_keeps_working(caplog):
    runs: list[int] = []

    async def flaky(ctx, n):
        runs.append(n)
        if n == 1:
            raise RuntimeError("boom")

    queue = InProcessQueue([flaky], {})
    await queue.enqueue("flaky", 1)
    await queue.drain()
    await queue.enqueue("flaky", 2)
    await queue.close()

    assert runs == [1, 2]
    assert [r.getMessage() for r in caplog.records if r.name == "canyu.jobs"] == ["job flaky failed"]


async def test_in_process_unknown_job_name_is_a_key_error():
    queue = InProcessQueue([], {})
    with pytest.raises(KeyError, match="unknown job 'nope'"):
        await queue.enqueue("nope")


# --- Redis down ---------------------------------------------------------------------------------------


async def test_arq_queue_with_redis_down_logs_instead_of_raising(caplog):
    queue = ArqQueue("redis://127.0.0.1:1/0")
    try:
        await queue.enqueue("process_new_comments", job_id="process_new_comments")
        assert await queue.ping() is False
    finally:
        await queue.close()
    warnings = [r.getMessage() for r in caplog.records if r.name == "canyu.jobs"]
    assert len(warnings) == 1
    assert warnings[0].startswith("could not enqueue process_new_comments (")
    assert warnings[0].endswith("); the cron sweep will pick the work up")


async def test_comment_never_enqueued_is_sealed_and_segmented_by_the_sweep(state, people, gql, run_jobs):
    team = Team(
        unit_id=await people.unit("prov"),
        drafter=await people.staff("drafter", ["drafter"]),
        approver=await people.staff("approver", ["approver"]),
        reviewer=await people.staff("reviewer", ["reviewer"]),
    )
    cid, _ = await reviewed_consultation(gql, team)
    ok(await gql(PUBLISH, {"id": cid}, token=team.drafter))
    principal = await people.principal(await people.citizen("13800000001"))
    await run_jobs()

    # What submitComment commits, without the enqueue that follows it (as if Redis were down).
    async with transaction(state.sessionmaker) as session:
        comment, created = await comments.submit_comment(
            session,
            principal=principal,
            consultation_id=int(cid),
            body="建议宅基地面积标准按家庭人口分档确定",
            article_id=None,
            idempotency_key=None,
            limiter=state.limiter,
            limits=comment_limits(state.settings),
            sensitive_words=SensitiveWords([]),
        )
    assert created
    async with state.sessionmaker() as session:
        stored = await session.get_one(Comment, comment.id)
    assert (stored.sealed_at, stored.segmented_at, stored.tokens) == (None, None, None)

    ctx = job_context(state.settings, state.sessionmaker, state.queue)
    assert await process_new_comments(ctx) == "processed 1"

    async with state.sessionmaker() as session:
        stored = await session.get_one(Comment, comment.id)
    assert stored.sealed_at is not None
    assert "宅基地" in stored.tokens.split()
    assert await process_new_comments(ctx) == "processed 0"


# --- job progress -------------------------------------------------------------------------------------


async def job_runs(state) -> list[JobRun]:
    async with state.sessionmaker() as session:
        return list(await session.scalars(select(JobRun).order_by(JobRun.id)))


async def test_job_progress_records_progress_then_success(state):
    progress = JobProgress(state.sessionmaker, "aggregate", subject="consultation:7")
    await progress.update(3, 10)

    [run] = await job_runs(state)
    assert (run.id, run.job_name, run.subject, run.status) == (
        progress.run_id,
        "aggregate",
        "consultation:7",
        "running",
    )
    assert (run.progress_done, run.progress_total, run.finished_at) == (3, 10, None)

    await progress.update(10, 10)
    await progress.finish("grouped 10 comments")
    [run] = await job_runs(state)
    assert (run.status, run.progress_done, run.message) == ("succeeded", 10, "grouped 10 comments")
    assert run.finished_at is not None


async def test_job_progress_records_failure(state):
    progress = JobProgress(state.sessionmaker, "render")
    await progress.update(1)
    await progress.fail(ValueError("模板缺失"))

    [run] = await job_runs(state)
    assert (run.status, run.progress_done, run.progress_total) == ("failed", 1, None)
    assert run.message == "ValueError: 模板缺失"
    assert run.finished_at is not None


async def test_after_a_small_batch_delivery_settles_and_sends_what_came_meanwhile(state):
    first = await add_notification(state)
    fake = FakeTransport()
    delivery = asyncio.create_task(
        deliver_due(state.sessionmaker, transports(fake), max_attempts=3, settle_seconds=1.0)
    )
    for _ in range(250):  # until the first batch is out (the delivery then settles for a second)
        if fake.seen or delivery.done():
            break
        await asyncio.sleep(0.02)
    second = await add_notification(state)

    assert await delivery == (2, 0)
    assert fake.seen == [first, second]


async def test_a_job_started_again_while_it_runs_in_this_process_returns_at_once():
    release = asyncio.Event()
    calls = 0

    async def works_until_released() -> str:
        nonlocal calls
        calls += 1
        await release.wait()
        return "done"

    job = one_run_at_a_time(works_until_released)
    first = asyncio.create_task(job())
    await asyncio.sleep(0)
    assert await job() == "already running"
    release.set()
    assert await first == "done"
    assert await job() == "done"  # runs again once the first has finished
    assert (calls, job.__name__) == (2, "works_until_released")
