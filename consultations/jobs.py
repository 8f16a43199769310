"""Background jobs of the consultation domain (arq job functions; ctx first)."""

import asyncio
import os
import time
from typing import Any

from sqlalchemy import ARRAY, Integer, Text, bindparam, or_, select, text, update
from sqlalchemy.ext.asyncio import AsyncSession

from api import audit
from api.audit import Actor
from api.db import UTCDateTime, is_postgresql, transaction, utcnow
from api.jobs import JobProgress, JobRun, run_requested
from api.settings import Settings
from consultations import grouping, sealing, segmentation, service
from consultations.aggregation import engine
from consultations.aggregation.types import AggregationResult, IncrementalResult
from consultations.models import Comment

NEW_COMMENT_BATCH = 500
PROGRESS_EVERY_SECONDS = 2.0


async def close_due_consultations(ctx: dict[str, Any]) -> str:
    """Close every consultation whose comment window has ended."""
    async with transaction(ctx["sessionmaker"]) as session:
        closed = await service.close_due(session)
    return f"closed {len(closed)}"


# PostgreSQL: the whole batch marked (and its tokens stored) by one set-based UPDATE instead of one per row.
_MARK_PROCESSED = text(
    """
    UPDATE comments SET
        sealed_at = COALESCE(comments.sealed_at, :now),
        segmented_at = COALESCE(comments.segmented_at, :now),
        tokens = CASE WHEN comments.segmented_at IS NULL THEN batch.tokens ELSE comments.tokens END
    FROM unnest(:ids, :tokens) AS batch(id, tokens)
    WHERE comments.id = batch.id
    """
).bindparams(
    bindparam("now", type_=UTCDateTime),
    bindparam("ids", type_=ARRAY(Integer)),
    bindparam("tokens", type_=ARRAY(Text)),
)


async def _process_batch(session: AsyncSession) -> int:
    """Seal and segment up to NEW_COMMENT_BATCH comments; return how many."""
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
    tokens_by_id = {row.id: words for row, words in zip(unsegmented, tokens, strict=True)}
    now = utcnow()
    if is_postgresql(session):
        ids = [row.id for row in rows]
        parameters = {"now": now, "ids": ids, "tokens": [tokens_by_id.get(i) for i in ids]}
        await session.execute(_MARK_PROCESSED, parameters)
    else:  # SQLite, in-process: one update per row costs no round trip there
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
    nothing left). The nudge after each submission and a cron sweep both run it; it runs until a look
    finds nothing. A run that did something leaves a JobRun row, which a run longer than a few seconds
    (a backlog, or steady submissions) updates as it goes."""
    settle_seconds = ctx["settings"].job_batch_settle_seconds
    progress: JobProgress | None = None
    done = 0
    reported_at = time.monotonic()
    while True:
        async with transaction(ctx["sessionmaker"]) as session:
            processed = await _process_batch(session)
        if not processed:
            break
        done += processed
        if time.monotonic() - reported_at >= PROGRESS_EVERY_SECONDS:
            reported_at = time.monotonic()
            progress = progress or JobProgress(ctx["sessionmaker"], "process_new_comments")
            await progress.update(done)
        if processed < NEW_COMMENT_BATCH:
            await asyncio.sleep(settle_seconds)
    if done:
        progress = progress or JobProgress(ctx["sessionmaker"], "process_new_comments")
        await progress.finish(f"sealed and segmented {done} comments")
    return f"processed {done}"


class _ThreadProgress:
    """Report an engine's progress (called from its worker thread) into the JobRun row, at most once a
    second, without blocking the engine."""

    def __init__(self, progress: JobProgress, loop: asyncio.AbstractEventLoop):
        self._progress, self._loop, self._last = progress, loop, 0.0

    def __call__(self, stage: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._last >= 1.0 or done == total:
            self._last = now
            asyncio.run_coroutine_threadsafe(self._progress.update(done, total, message=stage), self._loop)


def aggregation_workers(settings: Settings) -> int:
    return settings.aggregation_workers or os.cpu_count() or 1


async def run_aggregation(ctx: dict[str, Any], run_id: int) -> str:
    """Group a consultation's comments that have no group yet (all of them the first time); earlier
    groups, and staff corrections to them, stay as they are. Idempotent: the result is stored in one
    transaction at the end, so a run killed half-way is simply run again."""
    return await run_requested(ctx, run_id, lambda run, progress: _aggregate(ctx, run, progress))


async def _aggregate(ctx: dict[str, Any], run: JobRun, progress: JobProgress) -> str:
    sessionmaker = ctx["sessionmaker"]
    consultation_id = int(run.params["consultation_id"])
    async with sessionmaker() as session:
        inputs = await grouping.load_inputs(session, consultation_id)
    report = _ThreadProgress(progress, asyncio.get_running_loop())
    workers = aggregation_workers(ctx["settings"])
    new_comments = len(inputs.new_items)
    result: AggregationResult | IncrementalResult
    if inputs.existing or inputs.earlier_singletons:
        result = await asyncio.to_thread(
            engine.aggregate_incremental,
            inputs.new_items,
            inputs.existing,
            inputs.earlier_singletons,
            workers=workers,
            progress=report,
        )
    else:
        result = await asyncio.to_thread(engine.aggregate, inputs.new_items, workers=workers, progress=report)
    del inputs  # the texts (a million comments: most of this job's memory) are not needed any more
    async with transaction(sessionmaker) as session:
        await service.get_for_update(session, consultation_id)  # one writer: staff edits wait
        counts = await grouping.store_result(session, consultation_id, result)
        await audit.record(
            session,
            actor=Actor(id=run.requested_by, label="aggregation"),
            action="consultation.aggregated",
            subject_type="consultation",
            subject_id=consultation_id,
            after={"new_comments": new_comments, **counts},
        )
    return (
        f"新归入{new_comments}条意见：新建主题{counts['topics']}个、"
        f"相同意见组{counts['campaigns']}个，并入已有分组{counts['joined']}条"
    )
