"""The submitComment hot path: the guarded insert that writes the comment and its receipt notification
(one statement on PostgreSQL, two on SQLite), the per-process known draft versions, and the batch that
seals and segments new comments."""

import asyncio
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import event, func, select, update

from api.accounts import service as accounts
from api.audit import AuditEvent
from api.db import utcnow
from api.outbox import Notification
from api.ratelimit import MemoryRateLimiter
from consultations import comments
from consultations.jobs import process_new_comments
from consultations.models import Comment, Consultation, Status
from tests.consultations.test_comments_service import LIMITS, WORDS, code_of, comment_count, submit

CONTACT = "13800000001"


@pytest.fixture
async def citizen_token(people) -> str:
    return await people.citizen(CONTACT)


@pytest.fixture
async def citizen(people, citizen_token):
    return await people.principal(citizen_token)


@pytest.fixture
def cid(open_consultation) -> int:
    return int(open_consultation.id)


async def notifications(state) -> list[Notification]:
    """The comment receipts in the outbox (registration put the citizen's verification code there too)."""
    async with state.sessionmaker() as session:
        query = select(Notification).where(Notification.kind == "comment_receipt").order_by(Notification.id)
        return list(await session.scalars(query))


async def current_version(state, cid: int) -> int:
    async with state.sessionmaker() as session:
        return (await session.get_one(Consultation, cid)).current_version_id


class StatementLog:
    """What one engine sends the database: statements, BEGINs and COMMITs (as SQLAlchemy issues them),
    and on PostgreSQL whether the driver had really begun a transaction for each statement."""

    def __init__(self, engine: Any):
        self.engine = engine.sync_engine
        self.statements: list[str] = []
        self.in_driver_transaction: list[bool] = []  # per statement, PostgreSQL: had the driver sent BEGIN?
        self.begins = self.commits = 0

    def _statement(self, _conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        if not statement.startswith("BEGIN"):  # SQLite's BEGIN IMMEDIATE is counted as the begin
            self.statements.append(" ".join(statement.split())[:60])

    def _executed(self, conn: Any, *_: Any) -> None:
        driver = conn.connection.dbapi_connection
        if hasattr(driver, "_transaction"):  # SQLAlchemy's asyncpg adapter
            self.in_driver_transaction.append(driver._transaction is not None)

    def _begin(self, _conn: Any) -> None:
        self.begins += 1

    def _commit(self, _conn: Any) -> None:
        self.commits += 1

    def __enter__(self) -> "StatementLog":
        event.listen(self.engine, "before_cursor_execute", self._statement)
        event.listen(self.engine, "after_cursor_execute", self._executed)
        event.listen(self.engine, "begin", self._begin)
        event.listen(self.engine, "commit", self._commit)
        return self

    def __exit__(self, *_: Any) -> None:
        event.remove(self.engine, "before_cursor_execute", self._statement)
        event.remove(self.engine, "after_cursor_execute", self._executed)
        event.remove(self.engine, "begin", self._begin)
        event.remove(self.engine, "commit", self._commit)


async def submit_as_the_api_does(state, token: str, cid: int, body: str, key: str) -> tuple[Comment, bool]:
    """What Context.acting_principal(single_statements=True) and Context.mutate() do for submitComment:
    one session (autocommit on PostgreSQL), one commit."""
    async with state.statement_sessionmaker()() as session:
        found = await accounts.authenticate(session, token=token)
        assert found is not None
        result = await comments.submit_comment(
            session,
            principal=found.principal,
            consultation_id=cid,
            body=body,
            article_id=None,
            idempotency_key=key,
            limiter=MemoryRateLimiter(),
            limits=LIMITS,
            sensitive_words=WORDS,
        )
        await session.commit()
        return result


async def test_a_submission_is_two_round_trips_on_postgresql(state, citizen_token, cid):
    await submit_as_the_api_does(state, citizen_token, cid, "第一条意见。", "one")  # learns the draft version
    with StatementLog(state.engine) as log:
        comment, created = await submit_as_the_api_does(state, citizen_token, cid, "第二条意见。", "two")
    assert created
    assert comment.id is not None
    if state.engine.dialect.name == "postgresql":
        # The caller, then the comment with its notification, each atomic on its own: the driver never
        # sends BEGIN or COMMIT.
        assert [s[:19] for s in log.statements] == ["SELECT auth_session", "WITH new_comment AS"]
        assert log.in_driver_transaction == [False, False]
    else:  # SQLite: one transaction holds the comment and its notification together
        expected = ["SELECT auth_sessions", "INSERT INTO comments", "INSERT INTO notifications"]
        found = [s[: len(e)] for s, e in zip(log.statements, expected, strict=True)]
        assert found == expected, log.statements
        assert (log.begins, log.commits) == (1, 1)


async def test_the_receipt_notification_is_written_with_the_comment(state, citizen, cid):
    comment, _ = await submit(state, citizen, cid, "一条意见。")
    [notification] = await notifications(state)
    async with state.sessionmaker() as session:
        title = (await session.get_one(Consultation, cid)).title
    assert (notification.user_id, notification.recipient, notification.channel, notification.kind) == (
        citizen.user_id,
        CONTACT,
        "sms",
        "comment_receipt",
    )
    assert notification.subject == comments.RECEIPT_SUBJECT
    assert notification.body == comments._receipt_body(title, comment.receipt_code)
    assert comment.receipt_code in notification.body and title in notification.body
    assert notification.dedupe_key == f"comment-receipt:{comment.id}"
    assert (notification.status, notification.attempts, notification.last_error) == ("pending", 0, "")
    assert notification.next_attempt_at <= utcnow()


async def test_over_the_rate_limit_neither_the_comment_nor_its_notification_is_kept(state, citizen, cid):
    limiter = MemoryRateLimiter()
    for n in range(LIMITS.rate_limit):
        await submit(state, citizen, cid, f"第{n}条意见。", limiter=limiter)
    assert (
        await code_of(submit(state, citizen, cid, "超出的意见。", limiter=limiter)) == "COMMENT_RATE_LIMITED"
    )
    assert await comment_count(state) == LIMITS.rate_limit
    assert len(await notifications(state)) == LIMITS.rate_limit


async def test_a_replay_writes_no_second_notification(state, citizen, cid):
    first, _ = await submit(state, citizen, cid, "一条意见。", key="k")
    again, created = await submit(state, citizen, cid, "一条意见。", key="k")
    assert (again.id, created) == (first.id, False)
    assert len(await notifications(state)) == 1


async def test_a_wrong_known_version_costs_a_look_up_never_a_wrong_row(state, citizen, cid):
    version = await current_version(state, cid)
    comments._open_versions[cid] = version + 1000  # as if the draft had changed since
    comment, created = await submit(state, citizen, cid, "一条意见。")
    assert created
    async with state.sessionmaker() as session:
        row = await session.get_one(Comment, comment.id)
    assert row.draft_version_id == version
    assert row.content_hash == comments.content_hash(row)
    assert comments._open_versions[cid] == version


async def test_a_known_version_does_not_let_a_comment_into_a_closed_window(state, citizen, cid):
    first, _ = await submit(state, citizen, cid, "窗口关闭前的意见。", key="before")
    assert cid in comments._open_versions
    async with state.sessionmaker() as session:
        await session.execute(
            update(Consultation)
            .where(Consultation.id == cid)
            .values(status=Status.CLOSED, closes_at=utcnow() - timedelta(minutes=1))
        )
        await session.commit()
    assert await code_of(submit(state, citizen, cid, "关闭后的意见。")) == "COMMENT_WINDOW_CLOSED"
    assert cid not in comments._open_versions
    again, created = await submit(state, citizen, cid, "窗口关闭前的意见。", key="before")
    assert (again.id, created) == (first.id, False)
    assert await comment_count(state) == 1
    assert len(await notifications(state)) == 1


async def test_a_past_deadline_is_checked_by_the_insert_itself(state, citizen, cid):
    await submit(state, citizen, cid, "一条意见。")
    async with state.sessionmaker() as session:  # the deadline passed; no job has closed it yet
        await session.execute(
            update(Consultation)
            .where(Consultation.id == cid)
            .values(closes_at=utcnow() - timedelta(seconds=1))
        )
        await session.commit()
    assert await code_of(submit(state, citizen, cid, "截止后的意见。")) == "COMMENT_WINDOW_CLOSED"
    assert await comment_count(state) == 1


async def test_an_article_is_checked_against_the_current_draft_by_the_insert(
    state, citizen, cid, open_consultation
):
    await submit(state, citizen, cid, "一条意见。")  # the version is known from here on
    assert await code_of(submit(state, citizen, cid, "意见。", article_id=999_999)) == "ARTICLE_NOT_IN_DRAFT"
    article_id = int(open_consultation.articles[0]["id"])
    comment, created = await submit(state, citizen, cid, "对条款的意见。", article_id=article_id)
    assert created and comment.article_id == article_id


async def test_a_citizen_without_a_contact_gets_no_notification(state, citizen, cid):
    nobody = type(citizen)(
        user_id=citizen.user_id, kind=citizen.kind, display_name="市民", verified=True, contact=""
    )
    _, created = await submit(state, nobody, cid, "一条意见。")
    assert created
    assert await notifications(state) == []


async def test_one_pass_seals_and_segments_a_mixed_batch(state, citizen, cid):
    sealed_only, _ = await submit(state, citizen, cid, "宅基地面积标准应当公开。")
    segmented_only, _ = await submit(state, citizen, cid, "审批流程应当网上公开。")
    fresh, _ = await submit(state, citizen, cid, "建议开辟绿色通道。")
    earlier = utcnow() - timedelta(hours=1)
    async with state.sessionmaker() as session:
        await session.execute(update(Comment).where(Comment.id == sealed_only.id).values(sealed_at=earlier))
        await session.execute(
            update(Comment)
            .where(Comment.id == segmented_only.id)
            .values(segmented_at=earlier, tokens="已有 的 词")
        )
        await session.commit()
    ctx = {"sessionmaker": state.sessionmaker, "settings": state.settings}
    assert await process_new_comments(ctx) == "processed 3"
    async with state.sessionmaker() as session:
        rows = {
            row.id: row
            for row in await session.scalars(select(Comment).where(Comment.consultation_id == cid))
        }
        unfinished = await session.scalar(
            select(func.count(Comment.id)).where(
                (Comment.sealed_at.is_(None)) | (Comment.segmented_at.is_(None))
            )
        )
    assert unfinished == 0
    assert abs(rows[sealed_only.id].sealed_at - earlier) < timedelta(seconds=1)  # kept, not re-stamped
    assert "宅基地" in rows[sealed_only.id].tokens.split()
    assert rows[segmented_only.id].tokens == "已有 的 词"  # not segmented again
    assert abs(rows[segmented_only.id].segmented_at - earlier) < timedelta(seconds=1)
    assert rows[segmented_only.id].sealed_at > earlier
    assert "绿色通道" in rows[fresh.id].tokens.split() or "绿色" in rows[fresh.id].tokens.split()
    assert await process_new_comments(ctx) == "processed 0"


async def sealed_batches(state) -> list[list[int]]:
    """The comment ids of each seal event, in the order they were written."""
    async with state.sessionmaker() as session:
        events = await session.scalars(
            select(AuditEvent).where(AuditEvent.action == "comments.sealed").order_by(AuditEvent.seq)
        )
        return [[comment_id for comment_id, _ in event.after["comments"]] for event in events]


async def test_after_a_small_batch_the_job_settles_and_takes_what_came_meanwhile_in_one_batch(
    state, citizen, cid
):
    first, _ = await submit(state, citizen, cid, "宅基地面积标准应当公开。")
    ctx = {
        "sessionmaker": state.sessionmaker,
        "settings": state.settings.model_copy(update={"job_batch_settle_seconds": 1.0}),
    }
    job = asyncio.create_task(process_new_comments(ctx))
    for _ in range(250):  # until the first batch is sealed (the job then settles for a second)
        if await sealed_batches(state) or job.done():
            break
        await asyncio.sleep(0.02)
    second, _ = await submit(state, citizen, cid, "审批流程应当网上公开。")
    third, _ = await submit(state, citizen, cid, "建议开辟绿色通道。")

    assert await job == "processed 3"
    assert await sealed_batches(state) == [[first.id], [second.id, third.id]]
