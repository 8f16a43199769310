"""Seal received comments into the audit chain in batches, and check them against their seals.

Submitting a comment does not take the audit chain's lock (that would serialise every submission);
instead a job seals each new comment's content hash into a `comments.sealed` audit event within
seconds. `canyu audit verify` then detects a comment that was changed or removed after sealing.
"""

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from api import audit
from api.audit import AuditEvent
from api.db import utcnow
from consultations.comments import content_hash
from consultations.models import Comment

SEAL_BATCH = 1000


async def seal_batch(session: AsyncSession) -> int:
    """Seal up to SEAL_BATCH unsealed comments; return how many were sealed."""
    query = (
        select(Comment.id, Comment.content_hash)
        .where(Comment.sealed_at.is_(None))
        .order_by(Comment.id)
        .limit(SEAL_BATCH)
        .with_for_update(skip_locked=True)
    )
    rows = (await session.execute(query)).all()
    if not rows:
        return 0
    ids = [comment_id for comment_id, _ in rows]
    await session.execute(update(Comment).where(Comment.id.in_(ids)).values(sealed_at=utcnow()))
    await record_seal(session, [(comment_id, digest) for comment_id, digest in rows])
    return len(rows)


async def record_seal(session: AsyncSession, digests: list[tuple[int, str]]) -> None:
    """Append the audit event that seals these (comment id, content hash) pairs; the caller marks them."""
    await audit.record(
        session,
        actor=audit.SYSTEM,
        action="comments.sealed",
        subject_type="comments",
        subject_id=f"{digests[0][0]}-{digests[-1][0]}",
        after={"comments": [[comment_id, digest] for comment_id, digest in digests]},
    )


async def verify_sealed_comments(session: AsyncSession) -> list[str]:
    """Compare every sealed comment with its seal; report changed and missing ones."""
    problems: list[str] = []
    sealed: dict[int, str] = {}
    events = await session.scalars(
        select(AuditEvent).where(AuditEvent.action == "comments.sealed").order_by(AuditEvent.seq)
    )
    for event in events:
        for comment_id, digest in event.after["comments"]:
            sealed[comment_id] = digest
    seen: set[int] = set()
    last_id = 0
    while True:
        batch = list(
            await session.scalars(
                select(Comment).where(Comment.id > last_id).order_by(Comment.id).limit(2000)
            )
        )
        if not batch:
            break
        for comment in batch:
            seen.add(comment.id)
            digest = sealed.get(comment.id)
            if digest is None:
                if comment.sealed_at is not None:
                    problems.append(f"comment {comment.id}: marked sealed but no seal names it")
                continue
            if digest != comment.content_hash or digest != content_hash(comment):
                problems.append(f"comment {comment.id}: content differs from what was sealed")
        last_id = batch[-1].id
        session.expunge_all()
    for comment_id in sorted(set(sealed) - seen):
        problems.append(f"comment {comment_id}: sealed but no longer in the database")
    return problems
