"""Notification outbox: rows written in the same transaction as the change that causes them,
delivered afterwards by a job, retried with backoff, never lost when Redis or the mail server is down.

Delivery claims a batch (status `sending`) and, after sending, marks it `sent`: one set-based UPDATE each,
so a notification costs no statement of its own (failures are updated row by row). A worker that dies
between sending and marking leaves rows `sending`; they are retried after a timeout, and email
carries a stable Message-ID so a receiving server can drop the rare duplicate.
"""

import asyncio
import logging
from datetime import datetime, timedelta
from email.message import EmailMessage
from typing import Any, Protocol

from sqlalchemy import (
    ForeignKey,
    Integer,
    String,
    Text,
    and_,
    bindparam,
    insert,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.sql import ColumnElement, FromClause, Insert

from api.db import Base, UTCDateTime, is_postgresql, transaction, utcnow
from api.settings import Settings

log = logging.getLogger("canyu.outbox")

SENDING_TIMEOUT = timedelta(minutes=10)


class Notification(Base):
    __tablename__ = "notifications"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))  # email, sms
    recipient: Mapped[str] = mapped_column(String(254))
    kind: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    status: Mapped[str] = mapped_column(String(16), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    claimed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    last_error: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


def channel_for(contact: str) -> str:
    return "email" if "@" in contact else "sms"


# Built once: the comment hot path writes one of these per submission.
_INSERT_NOTIFICATION = insert(Notification).returning(Notification.id)


async def queue_notification(
    session: AsyncSession,
    *,
    recipient: str,
    kind: str,
    subject: str,
    body: str,
    user_id: int | None = None,
    dedupe_key: str | None = None,
) -> int:
    """Write a notification in the caller's transaction; return its id."""
    now = utcnow()
    values = {
        "user_id": user_id,
        "channel": channel_for(recipient),
        "recipient": recipient,
        "kind": kind,
        "subject": subject,
        "body": body,
        "dedupe_key": dedupe_key,
        "status": "pending",
        "attempts": 0,
        "next_attempt_at": now,
        "claimed_at": None,
        "last_error": "",
        "created_at": now,
        "sent_at": None,
    }
    connection = await session.connection()
    return (await connection.execute(_INSERT_NOTIFICATION, values)).scalar_one()


def queued_notification_insert(
    *,
    body: ColumnElement[str],
    dedupe_key: ColumnElement[str],
    source: FromClause,
    where: ColumnElement[bool],
) -> Insert:
    """An `INSERT … SELECT` of one pending notification whose body and dedupe key are SQL expressions over
    `source`, so that the statement writing the row it is about can write it too (one round trip).

    The other values are bind parameters; notification_parameters() gives them.
    """
    values: dict[str, ColumnElement[Any]] = {
        "user_id": bindparam("notification_user_id", type_=Integer),
        "channel": bindparam("notification_channel", type_=String),
        "recipient": bindparam("notification_recipient", type_=String),
        "kind": bindparam("notification_kind", type_=String),
        "subject": bindparam("notification_subject", type_=String),
        "body": body,
        "dedupe_key": dedupe_key,
        "status": literal("pending", String),
        "attempts": literal(0, Integer),
        "next_attempt_at": bindparam("notification_at", type_=UTCDateTime),
        "last_error": literal("", String),
        "created_at": bindparam("notification_at", type_=UTCDateTime),
    }
    rows = select(*values.values()).select_from(source).where(where)
    return insert(Notification).from_select(list(values), rows)


def notification_parameters(
    *, recipient: str, kind: str, subject: str, user_id: int | None
) -> dict[str, Any]:
    """The bind parameters of a queued_notification_insert() statement."""
    return {
        "notification_user_id": user_id,
        "notification_channel": channel_for(recipient),
        "notification_recipient": recipient,
        "notification_kind": kind,
        "notification_subject": subject,
        "notification_at": utcnow(),
    }


class Transport(Protocol):
    async def send(self, notification: Notification) -> None: ...


class LogTransport:
    """Embedded mode and SMS without a gateway: the message goes to the server log (and the outbox list)."""

    async def send(self, notification: Notification) -> None:
        log.warning(
            "[outbox] %s to %s: %s | %s",
            notification.channel,
            notification.recipient,
            notification.subject,
            notification.body,
        )


class SmtpTransport:
    def __init__(self, settings: Settings):
        self._settings = settings

    async def send(self, notification: Notification) -> None:
        import aiosmtplib

        message = EmailMessage()
        message["From"] = self._settings.smtp_sender
        message["To"] = notification.recipient
        message["Subject"] = notification.subject
        message["Message-ID"] = f"<notification-{notification.id}@canyu>"
        message.set_content(notification.body)
        await aiosmtplib.send(
            message,
            hostname=self._settings.smtp_host,
            port=self._settings.smtp_port,
            username=self._settings.smtp_username,
            password=self._settings.smtp_password,
            start_tls=self._settings.smtp_starttls,
            timeout=20,
        )


def transports_from_settings(settings: Settings) -> dict[str, Transport]:
    email: Transport = SmtpTransport(settings) if settings.smtp_host else LogTransport()
    # An SMS gateway plugs in here; until one is configured, SMS goes to the log.
    return {"email": email, "sms": LogTransport()}


def _backoff(attempts: int) -> timedelta:
    return timedelta(seconds=min(30 * 2 ** (attempts - 1), 3600))


async def _claim_batch(session: AsyncSession, batch_size: int) -> list[Notification]:
    """Mark up to batch_size due notifications `sending` and return them: one set-based UPDATE."""
    now = utcnow()
    due = or_(
        and_(Notification.status == "pending", Notification.next_attempt_at <= now),
        and_(Notification.status == "sending", Notification.claimed_at < now - SENDING_TIMEOUT),
    )
    due_ids = select(Notification.id).where(due).order_by(Notification.id).limit(batch_size)
    if is_postgresql(session):
        due_ids = due_ids.with_for_update(skip_locked=True)
    claim = (
        update(Notification)
        .where(Notification.id.in_(due_ids.scalar_subquery()))
        .values(status="sending", claimed_at=now, attempts=Notification.attempts + 1)
        .returning(Notification)
        .execution_options(synchronize_session=False)
    )
    rows = list((await session.execute(claim)).scalars())
    rows.sort(key=lambda row: row.id)  # RETURNING has no order
    return rows


async def deliver_due(
    sessionmaker: async_sessionmaker[AsyncSession],
    transports: dict[str, Transport],
    *,
    max_attempts: int,
    batch_size: int = 100,
    settle_seconds: float = 0,
) -> tuple[int, int]:
    """Send what is due until nothing is; return (sent, failed attempts). After a batch that was not full
    it waits settle_seconds before it looks again."""
    sent = failed = 0
    while True:
        async with transaction(sessionmaker) as session:
            batch = await _claim_batch(session, batch_size)
        if not batch:
            return sent, failed
        delivered: list[int] = []
        errors: dict[int, Exception] = {}
        for notification in batch:
            try:
                await transports[notification.channel].send(notification)
                delivered.append(notification.id)
            except Exception as exc:  # a transport failure is retried, never fatal to the batch
                errors[notification.id] = exc
        async with transaction(sessionmaker) as session:
            if delivered:
                await session.execute(
                    update(Notification)
                    .where(Notification.id.in_(delivered))
                    .values(status="sent", sent_at=utcnow())
                )
            for notification in batch:
                if (error := errors.get(notification.id)) is None:
                    continue
                row = await session.get_one(Notification, notification.id)
                row.last_error = f"{type(error).__name__}: {error}"[:2000]
                row.status = "failed" if row.attempts >= max_attempts else "pending"
                row.next_attempt_at = utcnow() + _backoff(row.attempts)
                log.warning("notification %s failed (attempt %s): %s", row.id, row.attempts, error)
        sent += len(delivered)
        failed += len(errors)
        if len(batch) < batch_size:
            await asyncio.sleep(settle_seconds)


async def deliver_notifications(ctx: dict[str, Any]) -> str:
    """Job: deliver the outbox."""
    settings: Settings = ctx["settings"]
    sent, failed = await deliver_due(
        ctx["sessionmaker"],
        ctx.get("transports") or transports_from_settings(settings),
        max_attempts=settings.notification_max_attempts,
        settle_seconds=settings.job_batch_settle_seconds,
    )
    return f"sent {sent}, failed {failed}"
