"""Append-only, hash-chained audit log.

Each event's hash covers its content and the previous event's hash, so changing or removing any
event breaks the chain from that point on. A single head row holds the latest sequence number and
hash; writers lock it, which orders events even with several API processes.
"""

import hashlib
import json
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import Enum
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, UTCDateTime, utcnow

GENESIS_HASH = "0" * 64


class AuditEvent(Base):
    __tablename__ = "audit_events"
    __table_args__ = (Index("ix_audit_events_subject", "subject_type", "subject_id"),)

    seq: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    actor_label: Mapped[str] = mapped_column(String(200))
    action: Mapped[str] = mapped_column(String(64), index=True)
    subject_type: Mapped[str] = mapped_column(String(64))
    subject_id: Mapped[str] = mapped_column(String(64))
    before: Mapped[Any] = mapped_column(JSON, nullable=True)
    after: Mapped[Any] = mapped_column(JSON, nullable=True)
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))


class AuditChainHead(Base):
    __tablename__ = "audit_chain_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    seq: Mapped[int] = mapped_column(Integer)
    hash: Mapped[str] = mapped_column(String(64))


@dataclass(frozen=True)
class Actor:
    """Who did something: a user, or the system (a job, the command line)."""

    id: int | None
    label: str


SYSTEM = Actor(id=None, label="system")


def jsonable(value: Any) -> Any:
    """Make a value JSON-safe so what is stored is exactly what was hashed."""
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def event_hash(prev_hash: str, content: dict[str, Any]) -> str:
    canonical = json.dumps(content, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256((prev_hash + canonical).encode()).hexdigest()


def _content(event: AuditEvent) -> dict[str, Any]:
    return {
        "seq": event.seq,
        "occurred_at": event.occurred_at.isoformat(),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "subject_type": event.subject_type,
        "subject_id": event.subject_id,
        "before": event.before,
        "after": event.after,
    }


async def record(
    session: AsyncSession,
    *,
    actor: Actor,
    action: str,
    subject_type: str,
    subject_id: object,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append an event in the caller's transaction (it commits or rolls back with the change)."""
    head = (
        await session.execute(select(AuditChainHead).where(AuditChainHead.id == 1).with_for_update())
    ).scalar_one()
    now = utcnow()
    event = AuditEvent(
        seq=head.seq + 1,
        # Truncated to milliseconds: every database and driver round-trips that exactly.
        occurred_at=now.replace(microsecond=now.microsecond // 1000 * 1000),
        actor_id=actor.id,
        actor_label=actor.label,
        action=action,
        subject_type=subject_type,
        subject_id=str(subject_id),
        before=jsonable(before),
        after=jsonable(after),
        prev_hash=head.hash,
    )
    event.hash = event_hash(head.hash, _content(event))
    head.seq, head.hash = event.seq, event.hash
    session.add(event)
    await session.flush()
    return event


@dataclass
class VerifyReport:
    checked: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems


async def _events_in_order(session: AsyncSession, batch: int = 2000) -> AsyncIterator[AuditEvent]:
    last = 0
    while True:
        rows = (
            (
                await session.execute(
                    select(AuditEvent).where(AuditEvent.seq > last).order_by(AuditEvent.seq).limit(batch)
                )
            )
            .scalars()
            .all()
        )
        if not rows:
            return
        for row in rows:
            yield row
        last = rows[-1].seq
        session.expunge_all()


async def verify_chain(session: AsyncSession) -> VerifyReport:
    """Recompute the chain; report every changed, removed or inserted event."""
    report = VerifyReport()
    expected_seq, prev_hash = 1, GENESIS_HASH
    async for event in _events_in_order(session):
        report.checked += 1
        if event.seq != expected_seq:
            report.problems.append(f"events {expected_seq}..{event.seq - 1} are missing")
        if event.prev_hash != prev_hash:
            report.problems.append(f"event {event.seq}: does not follow the previous event's hash")
        if event_hash(event.prev_hash, _content(event)) != event.hash:
            report.problems.append(f"event {event.seq} ({event.action}): content does not match its hash")
        expected_seq, prev_hash = event.seq + 1, event.hash
    head = (await session.execute(select(AuditChainHead).where(AuditChainHead.id == 1))).scalar_one()
    if head.seq != expected_seq - 1 or head.hash != prev_hash:
        report.problems.append(
            f"chain head says event {head.seq} is last, the log ends at event {expected_seq - 1}"
        )
    return report


async def events_for(
    session: AsyncSession, *, subject_type: str, subject_id: object, limit: int = 200
) -> list[AuditEvent]:
    """List a subject's events, newest first."""
    rows = await session.execute(
        select(AuditEvent)
        .where(AuditEvent.subject_type == subject_type, AuditEvent.subject_id == str(subject_id))
        .order_by(AuditEvent.seq.desc())
        .limit(limit)
    )
    return list(rows.scalars())
