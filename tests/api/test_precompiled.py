"""Precompiled statements: the same rows as connection.execute, typed parameters processed, literal
parameters filled in, database errors still translated by SQLAlchemy."""

from datetime import timedelta

import pytest
from sqlalchemy import Integer, String, bindparam, insert, literal, select
from sqlalchemy.exc import IntegrityError

from api.db import UTCDateTime, utcnow
from api.outbox import Notification
from api.precompiled import Precompiled

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
        notification_id = (await INSERT.execute(connection, values)).scalar_one()
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
            await INSERT.execute(connection, {"recipient": "a@example.com"})


async def test_database_errors_are_still_sqlalchemy_errors(state):
    values = {"recipient": "a@example.com", "subject": "主题", "key": "same", "attempts": 0, "due": utcnow()}
    async with state.sessionmaker() as session:
        connection = await session.connection()
        await INSERT.execute(connection, values)
        with pytest.raises(IntegrityError):
            await INSERT.execute(connection, values)
        await session.rollback()


async def test_a_statement_relying_on_python_side_defaults_is_refused(state):
    # created_at and last_error have Python-side defaults, which only SQLAlchemy's execute computes.
    statement = Precompiled(
        insert(Notification).values(channel="email", recipient="a", kind="k", subject="s", body="b")
    )
    with pytest.raises(ValueError, match="created_at"):
        statement.compiled(state.engine.dialect)
