"""Requested jobs survive a lost nudge and a killed worker: the sweep starts them again, and the rerun
gives what an uninterrupted run gives."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select, update

from api.db import utcnow
from api.jobs import JobRun, claim_run, request_run, resume_requested_runs
from api.worker import job_context
from consultations.grouping import AGGREGATION_JOB, aggregation_subject, request_aggregation
from consultations.models import Comment, OpinionGroup
from tests.consultations.review_helpers import ClosedConsultation, closed_consultation


@pytest.fixture
async def closed(gql, people, team, open_consultation) -> ClosedConsultation:
    return await closed_consultation(gql, people, team, open_consultation)


async def _request(state, people, team, consultation_id: int) -> int:
    """Ask for aggregation as the GraphQL mutation does, but without the nudge (Redis was down)."""
    reviewer = await people.principal(team.reviewer)
    async with state.sessionmaker() as session:
        run, created = await request_aggregation(session, principal=reviewer, consultation_id=consultation_id)
        await session.commit()
    assert created
    return run.id


async def _grouping(state, consultation_id: int) -> tuple[int, int, list[tuple[int | None, int | None]]]:
    async with state.sessionmaker() as session:
        groups = await session.scalar(
            select(func.count()).where(OpinionGroup.consultation_id == consultation_id)
        )
        runs = await session.scalar(select(func.count()).where(JobRun.job_name == AGGREGATION_JOB))
        rows = (
            await session.execute(
                select(Comment.campaign_id, Comment.topic_id)
                .where(Comment.consultation_id == consultation_id)
                .order_by(Comment.id)
            )
        ).all()
    return groups or 0, runs or 0, [tuple(row) for row in rows]


async def _status(state, run_id: int) -> str:
    async with state.sessionmaker() as session:
        return (await session.get_one(JobRun, run_id)).status


async def test_a_run_whose_nudge_was_lost_is_started_by_the_sweep(state, people, team, closed, run_jobs):
    run_id = await _request(state, people, team, int(closed.id))
    context = job_context(state.settings, state.sessionmaker, state.queue)
    assert await resume_requested_runs(context) == "resumed 0"  # just asked for: its nudge may be on its way
    async with state.sessionmaker() as session:
        await session.execute(
            update(JobRun).where(JobRun.id == run_id).values(started_at=utcnow() - timedelta(seconds=30))
        )
        await session.commit()
    assert await resume_requested_runs(context) == "resumed 1"
    await run_jobs()
    assert await _status(state, run_id) == "succeeded"
    groups, runs, rows = await _grouping(state, int(closed.id))
    assert groups > 0 and runs == 1 and all(topic is not None for _, topic in rows)


async def test_a_run_whose_worker_died_is_rerun_with_the_same_result(state, people, team, closed, run_jobs):
    run_id = await _request(state, people, team, int(closed.id))
    claimed = await claim_run(state.sessionmaker, run_id, stale_seconds=300)  # a worker takes it …
    assert claimed is not None and claimed.status == "running"
    assert (
        await claim_run(state.sessionmaker, run_id, stale_seconds=300) is None
    )  # … and nobody else may while it lives
    context = job_context(state.settings, state.sessionmaker, state.queue)
    assert await resume_requested_runs(context) == "resumed 0"
    async with state.sessionmaker() as session:  # … then is killed: its heartbeat goes stale
        await session.execute(
            update(JobRun).where(JobRun.id == run_id).values(heartbeat_at=utcnow() - timedelta(minutes=10))
        )
        await session.commit()
    assert await resume_requested_runs(context) == "resumed 1"
    await run_jobs()
    assert await _status(state, run_id) == "succeeded"
    interrupted = await _grouping(state, int(closed.id))

    # The same comments aggregated by one uninterrupted run give the same grouping.
    async with state.sessionmaker() as session:
        await session.execute(update(Comment).values(campaign_id=None, topic_id=None))
        await session.execute(OpinionGroup.__table__.delete())
        await session.execute(update(JobRun).where(JobRun.id == run_id).values(status="failed"))
        run, _ = await request_run(
            session,
            job_name=AGGREGATION_JOB,
            subject=aggregation_subject(int(closed.id)),
            params={"consultation_id": int(closed.id)},
            requested_by=None,
        )
        await session.commit()
    await state.queue.enqueue(AGGREGATION_JOB, run.id, job_id=f"run:{run.id}")
    await run_jobs()
    groups, _, rows = await _grouping(state, int(closed.id))
    first_groups, _, first_rows = interrupted
    assert groups == first_groups
    # Group ids differ between the two runs; the partition of the comments must not.
    assert _partition(rows) == _partition(first_rows)


def _partition(rows: list[tuple[int | None, int | None]]) -> set[frozenset[int]]:
    by_topic: dict[int | None, set[int]] = {}
    for position, (_, topic) in enumerate(rows):
        by_topic.setdefault(topic, set()).add(position)
    return {frozenset(members) for members in by_topic.values()}
