"""Background jobs of the consultation domain (arq job functions; ctx first)."""

import asyncio
from typing import Any

from sqlalchemy import select, update

from api.db import transaction, utcnow
from api.jobs import JobProgress
from consultations import sealing, segmentation, service
from consultations.models import Comment

SEGMENT_BATCH = 500


async def close_due_consultations(ctx: dict[str, Any]) -> str:
    """Close every consultation whose comment window has ended."""
    async with transaction(ctx["sessionmaker"]) as session:
        closed = await service.close_due(session)
    return f"closed {len(closed)}"


async def segment_new_comments(ctx: dict[str, Any]) -> str:
    """Segment comments that have no tokens yet (idempotent: a rerun finds nothing left)."""
    progress: JobProgress | None = None
    done = 0
    while True:
        async with transaction(ctx["sessionmaker"]) as session:
            rows = (
                await session.execute(
                    select(Comment.id, Comment.body)
                    .where(Comment.segmented_at.is_(None))
                    .order_by(Comment.id)
                    .limit(SEGMENT_BATCH)
                )
            ).all()
        if not rows:
            break
        progress = progress or JobProgress(ctx["sessionmaker"], "segment_new_comments")
        tokens = await asyncio.to_thread(segmentation.tokens_for_texts, [body for _, body in rows])
        now = utcnow()
        async with transaction(ctx["sessionmaker"]) as session:
            await session.execute(
                update(Comment),
                [
                    {"id": comment_id, "tokens": comment_tokens, "segmented_at": now}
                    for (comment_id, _), comment_tokens in zip(rows, tokens, strict=True)
                ],
            )
        done += len(rows)
        await progress.update(done)
    if progress:
        await progress.finish(f"segmented {done} comments")
    return f"segmented {done}"


async def seal_new_comments(ctx: dict[str, Any]) -> str:
    """Seal newly received comments into the audit chain."""
    total = 0
    while True:
        async with transaction(ctx["sessionmaker"]) as session:
            sealed = await sealing.seal_batch(session)
        if not sealed:
            return f"sealed {total}"
        total += sealed


async def process_new_comments(ctx: dict[str, Any]) -> str:
    """Seal and segment what arrived since the last run (the nudge after each submission)."""
    return f"{await seal_new_comments(ctx)}; {await segment_new_comments(ctx)}"
