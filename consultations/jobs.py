"""Background jobs of the consultation domain (arq job functions; ctx first)."""

import asyncio
from typing import Any

from sqlalchemy import or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from api.db import transaction, utcnow
from api.jobs import JobProgress
from consultations import sealing, segmentation, service
from consultations.models import Comment

NEW_COMMENT_BATCH = 500


async def close_due_consultations(ctx: dict[str, Any]) -> str:
    """Close every consultation whose comment window has ended."""
    async with transaction(ctx["sessionmaker"]) as session:
        closed = await service.close_due(session)
    return f"closed {len(closed)}"


async def _process_batch(session: AsyncSession) -> int:
    """Seal and segment up to NEW_COMMENT_BATCH comments with one update each; return how many."""
    rows = (
        await session.execute(
            select(Comment.id, Comment.body, Comment.content_hash, Comment.sealed_at, Comment.segmented_at)
            .where(or_(Comment.sealed_at.is_(None), Comment.segmented_at.is_(None)))
            .order_by(Comment.id)
            .limit(NEW_COMMENT_BATCH)
            .with_for_update(skip_locked=True)
        )
    ).all()
    if not rows:
        return 0
    unsegmented = [row for row in rows if row.segmented_at is None]
    # jieba is CPU-bound: off the event loop, in batches small enough to keep the row locks short.
    tokens = await asyncio.to_thread(segmentation.tokens_for_texts, [row.body for row in unsegmented])
    tokens_by_id = {row.id: text for row, text in zip(unsegmented, tokens, strict=True)}
    now = utcnow()
    await session.execute(
        update(Comment),
        [
            {"id": row.id, "sealed_at": row.sealed_at or now, "segmented_at": row.segmented_at or now}
            | ({"tokens": tokens_by_id[row.id]} if row.id in tokens_by_id else {})
            for row in rows
        ],
    )
    unsealed = [(row.id, row.content_hash) for row in rows if row.sealed_at is None]
    if unsealed:
        await sealing.record_seal(session, unsealed)
    return len(rows)


async def process_new_comments(ctx: dict[str, Any]) -> str:
    """Seal each new comment into the audit chain and segment it with jieba (idempotent: a rerun finds
    nothing left). The nudge after each submission and a cron sweep both run it."""
    progress: JobProgress | None = None
    done = 0
    while True:
        async with transaction(ctx["sessionmaker"]) as session:
            processed = await _process_batch(session)
        if not processed:
            break
        done += processed
        progress = progress or JobProgress(ctx["sessionmaker"], "process_new_comments")
        await progress.update(done)
    if progress:
        await progress.finish(f"sealed and segmented {done} comments")
    return f"processed {done}"
