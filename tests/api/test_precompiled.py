"""Precompiled statements: the same rows as connection.execute, typed parameters and results processed,
literal parameters filled in, database errors still translated by SQLAlchemy; on PostgreSQL in autocommit
(asyncpg directly) still seen by statement events, and a lost connection still invalidated."""

from datetime import timedelta

import pytest
from sqlalchemy import Integer, String, bindparam, event, insert, literal, select, text
from sqlalchemy.exc import DBAPIError, IntegrityError

from api.db import UTCDateTime, utcnow
from api.outbox import Notification
from api.precompiled import Precompiled
from tests.conftest import MODE

INSERT = Precompiled(
    insert(Notification)
    .from_select(
        [
            "channel",
            "recipient",
            "kind",
            "subject",
            "body",
            "dedupe_key",
            "status",
            "attempts",
            "next_attempt_at",
            "last_error",
            "created_at",
        ],
        select(
            literal("email", String),
            bindparam("recipient", type_=String),
            literal("test", String),
            bindparam("subject", type_=String),
            bindparam("subject", type_=String) + literal("（正文）", String),
            bindparam("key", type_=String),
            literal("pending", String),
            bindparam("attempts", type_=Integer),
            bindparam("due", type_=UTCDateTime),
            literal("", String),
            bindparam("due", type_=UTCDateTime),
        ),
    )
    .returning(Notification.id)
)


async def test_a_precompiled_insert_stores_what_execute_would(state):
    due = utcnow() + timedelta(minutes=3)
    async with state.sessionmaker() as session:
        connection = await session.connection()
        values = {"recipient": "a@example.com", "subject": "主题", "key": "k1", "attempts": 2, "due": due}
        notification_id = await INSERT.scalar(connection, values)
        await session.commit()
        row = await session.get_one(Notification, notification_id)
    assert (row.channel, row.recipient, row.subject, row.body, row.status, row.attempts) == (
        "email",
        "a@example.com",
        "主题",
        "主题（正文）",
        "pending",
        2,
    )
    assert abs(row.next_attempt_at - due) < timedelta(milliseconds=1)  # stored as UTC, read back aware


async def test_a_missing_parameter_is_refused_before_the_database_is_asked(state):
    async with state.sessionmaker() as session:
        connection = await session.connection()
        with pytest.raises(KeyError):
            await INSERT.rows(connection, {"recipient": "a@example.com"})


async def test_database_errors_are_still_sqlalchemy_errors(state):
    values = {"recipient": "a@example.com", "subject": "主题", "key": "same", "attempts": 0, "due": utcnow()}
    async with state.sessionmaker() as session:
        connection = await session.connection()
        await INSERT.rows(connection, values)
        with pytest.raises(IntegrityError):
            await INSERT.rows(connection, values)
        await session.rollback()


async def test_a_statement_relying_on_python_side_defaults_is_refused(state):
    # created_at and last_error have Python-side defaults, which only SQLAlchemy's execute computes.
    statement = Precompiled(
        insert(Notification).values(channel="email", recipient="a", kind="k", subject="s", body="b")
    )
    with pytest.raises(ValueError, match="created_at"):
        statement.compiled(state.engine.dialect)


NEXT_ATTEMPT = Precompiled(
    select(Notification.id, Notification.next_attempt_at).where(Notification.dedupe_key == bindparam("key"))
)


@pytest.fixture
async def autocommit(state):
    """A connection as the hot path's sessions have it: autocommit on PostgreSQL (asyncpg directly)."""
    async with state.statement_sessionmaker()() as session:
        yield await session.connection()


def values(key: str) -> dict:
    return {"recipient": "a@example.com", "subject": "主题", "key": key, "attempts": 0, "due": utcnow()}


async def test_rows_come_back_typed_by_their_columns(state, autocommit):
    due = utcnow() + timedelta(minutes=3)
    notification_id = await INSERT.scalar(autocommit, values("typed") | {"due": due})

    [(found_id, next_attempt_at)] = await NEXT_ATTEMPT.rows(autocommit, {"key": "typed"})
    assert found_id == notification_id
    assert next_attempt_at.tzinfo is not None  # UTCDateTime's result processing
    assert abs(next_attempt_at - due) < timedelta(milliseconds=1)
    assert await NEXT_ATTEMPT.rows(autocommit, {"key": "no such key"}) == []


async def test_statement_events_see_every_precompiled_statement(state, autocommit):
    seen: list[str] = []

    def before(_conn, _cursor, statement, *_):
        seen.append("before " + statement.split()[0])

    def after(_conn, _cursor, statement, *_):
        seen.append("after " + statement.split()[0])

    event.listen(state.engine.sync_engine, "before_cursor_execute", before)
    event.listen(state.engine.sync_engine, "after_cursor_execute", after)
    try:
        await INSERT.scalar(autocommit, values("observed"))
        await NEXT_ATTEMPT.rows(autocommit, {"key": "observed"})
    finally:
        event.remove(state.engine.sync_engine, "before_cursor_execute", before)
        event.remove(state.engine.sync_engine, "after_cursor_execute", after)
    assert seen == ["before INSERT", "after INSERT", "before SELECT", "after SELECT"]


async def test_database_errors_in_autocommit_are_the_same_sqlalchemy_errors(state, autocommit):
    await INSERT.rows(autocommit, values("twice"))
    with pytest.raises(IntegrityError):
        await INSERT.rows(autocommit, values("twice"))
    assert await NEXT_ATTEMPT.scalar(autocommit, {"key": "twice"}) is not None  # the connection still works


@pytest.mark.skipif(MODE != "postgresql", reason="a server connection to lose: PostgreSQL")
async def test_a_lost_connection_is_a_dbapi_error_and_the_pool_replaces_it(state):
    async with state.statement_sessionmaker()() as session:
        connection = await session.connection()
        backend = await connection.scalar(text("SELECT pg_backend_pid()"))
        async with state.engine.connect() as other:
            await other.execute(text("SELECT pg_terminate_backend(:pid)"), {"pid": backend})
        with pytest.raises(DBAPIError) as raised:
            await NEXT_ATTEMPT.rows(connection, {"key": "any"})
        assert raised.value.connection_invalidated
    async with state.statement_sessionmaker()() as session:  # a new connection, not the dead one
        connection = await session.connection()
        assert await connection.scalar(text("SELECT pg_backend_pid()")) != backend
        assert await NEXT_ATTEMPT.rows(connection, {"key": "any"}) == []
