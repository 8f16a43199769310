"""`canyu worker` SIGKILLed in the middle of an aggregation run and of a statement rendering.

One closed consultation with 20 000 comments has `runAggregation` requested; another, already grouped
and fully decided, has `generateStatement` requested. An identical copy of the database is processed
by an undisturbed worker (the reference). On the original, a worker starts both runs and is killed
(its whole process group: the aggregation pool too) once the aggregation reports progress and the
statement is being rendered; a new worker is started with CANYU_JOB_STALE_SECONDS=5. What
docs/architecture.md ("Jobs and why nothing is lost") promises: the runs' heartbeats stop, the
`resume_requested_runs` sweep restarts them, and as both write their result in one transaction at
the end, the result equals the uninterrupted run's.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from datetime import UTC
from typing import Any

import pytest

from tests.faults import seeding
from tests.faults.database import admin, copy_database, query
from tests.faults.servers import PrivatePostgres, Stack

DATABASE = "canyu_faults_jobs"
REFERENCE = "canyu_faults_jobs_ref"
AGGREGATED_COMMENTS = 20_000  # aggregation takes several seconds: time to kill it half-way
STATEMENT_COMMENTS = 4_000  # about a thousand topics: rendering and scanning take several seconds
STALE_SECONDS = "5"
SWEEP_SECONDS = 30  # resume_requested_runs runs every 30 s (api/worker.py)


@dataclass
class Snapshot:
    run_id: int
    status: str
    progress_done: int
    progress_total: int | None
    message: str
    heartbeat_at: Any


@dataclass
class WorkerKill:
    aggregation_run: int = 0
    statement_run: int = 0
    aggregated: int = 0  # consultation ids
    stated: int = 0
    at_kill: dict[str, Snapshot] = field(default_factory=dict)
    after_kill: dict[str, Any] = field(default_factory=dict)  # what was stored when the worker died
    arq_keys_after_kill: dict[str, Any] = field(default_factory=dict)
    resumed_by_itself: bool = False
    resume_evidence: str = ""
    redelivered: bool = False
    final_runs: dict[str, Snapshot] = field(default_factory=dict)
    reference_runs: dict[str, Snapshot] = field(default_factory=dict)
    groups: dict[str, Any] = field(default_factory=dict)  # database → canonical groups
    group_ids: dict[str, Any] = field(default_factory=dict)
    statements: dict[str, Any] = field(default_factory=dict)  # database → statement row + renderings


async def _runs(postgres: PrivatePostgres, database: str, ids: dict[str, int]) -> dict[str, Snapshot]:
    rows = await query(
        postgres,
        database,
        "SELECT id, status, progress_done, progress_total, message, heartbeat_at FROM job_runs "
        "WHERE id = ANY($1::int[])",
        list(ids.values()),
    )
    by_id = {row["id"]: Snapshot(row["id"], *list(row.values())[1:]) for row in rows}
    return {name: by_id[run_id] for name, run_id in ids.items()}


async def _groups(
    postgres: PrivatePostgres, database: str, consultation_id: int
) -> tuple[dict[Any, Any], list[int]]:
    """The groups in a canonical form that does not depend on row ids: (kind, member comment ids) →
    (article, representative comment, title, keywords, retired), and the group ids."""
    rows = await query(
        postgres,
        database,
        """
        SELECT g.id, g.kind, g.article_id, g.representative_id, g.title, g.keywords::text AS keywords,
               g.retired_at IS NOT NULL AS retired,
               coalesce((SELECT array_agg(c.id ORDER BY c.id) FROM comments c
                         WHERE c.campaign_id = g.id), '{}') AS campaign_members,
               coalesce((SELECT array_agg(c.id ORDER BY c.id) FROM comments c
                         WHERE c.topic_id = g.id), '{}') AS topic_members
        FROM opinion_groups g WHERE g.consultation_id = $1 ORDER BY g.id
        """,
        consultation_id,
    )
    canonical: dict[Any, Any] = {}
    for row in rows:
        members = tuple(row["campaign_members"] if row["kind"] == "campaign" else row["topic_members"])
        key = (row["kind"], members)
        assert key not in canonical, f"two groups with the same members: {key[:1]}, {len(members)} members"
        canonical[key] = (
            row["article_id"],
            row["representative_id"],
            row["title"],
            json.loads(row["keywords"]),
            row["retired"],
        )
    return canonical, [row["id"] for row in rows]


async def _statement(postgres: PrivatePostgres, database: str, consultation_id: int) -> dict[str, Any]:
    rows = await query(
        postgres,
        database,
        "SELECT id, version, status, content_sha256, review_revision, figures::text AS figures, "
        "personal_data_findings::text AS findings, generated_at FROM statements WHERE consultation_id = $1",
        consultation_id,
    )
    assert len(rows) == 1, f"{database}: {len(rows)} statements"
    statement = dict(rows[0])
    renderings = await query(
        postgres,
        database,
        "SELECT format, content FROM statement_renderings WHERE statement_id = $1",
        statement["id"],
    )
    statement["renderings"] = {row["format"]: bytes(row["content"]) for row in renderings}
    return statement


async def _prepare(postgres: PrivatePostgres, template: seeding.Seeded) -> WorkerKill:
    """The jobs database: X closed with 20 000 comments and aggregation requested; Y closed, aggregated,
    every topic decided, a statement requested. Both requests are queued rows, as the mutations leave
    them; the copy made afterwards is the reference."""
    from api.db import create_engine, create_sessionmaker
    from api.settings import Settings
    from api.worker import job_context
    from consultations import grouping, jobs
    from consultations.statement import publishing

    await copy_database(postgres, DATABASE)
    url = postgres.url(DATABASE)
    engine = create_engine(url, pool_size=2)
    sessionmaker = create_sessionmaker(engine)
    seen = WorkerKill()
    try:
        drafter = await seeding.staff_principal(url, template.staff_tokens["drafter"])
        reviewer = await seeding.staff_principal(url, template.staff_tokens["reviewer"])
        approver = await seeding.staff_principal(url, template.staff_tokens["approver"])
        seen.aggregated = await seeding.open_consultation(
            sessionmaker, drafter=drafter, unit_id=template.unit_id, title="待归并的征求意见"
        )
        seen.stated = await seeding.open_consultation(
            sessionmaker, drafter=drafter, unit_id=template.unit_id, title="待生成说明的征求意见"
        )
        for consultation_id, count, first in (
            (seen.aggregated, AGGREGATED_COMMENTS, 0),
            (seen.stated, STATEMENT_COMMENTS, AGGREGATED_COMMENTS),
        ):
            await seeding.insert_comments(
                postgres.dsn(DATABASE),
                consultation_id=consultation_id,
                count=count,
                copy_share=0.6,
                seed=consultation_id,
                first_receipt=first,
            )
            await seeding.close_consultation(
                url, approver_token=template.staff_tokens["approver"], consultation_id=consultation_id
            )

        # Y is grouped here, by the job function itself, and every topic decided.
        settings = Settings(_env_file=None, env="test", database_url=url)  # type: ignore[call-arg]
        ctx = job_context(settings, sessionmaker, None)
        async with sessionmaker() as session:
            run, _ = await grouping.request_aggregation(
                session, principal=reviewer, consultation_id=seen.stated
            )
            await session.commit()
        await jobs.run_aggregation(ctx, run.id)
        await seeding.decide_every_topic(
            sessionmaker, reviewer=reviewer, approver=approver, consultation_id=seen.stated
        )

        async with sessionmaker() as session:
            run, _ = await grouping.request_aggregation(
                session, principal=reviewer, consultation_id=seen.aggregated
            )
            seen.aggregation_run = run.id
            run, _ = await publishing.request_generation(
                session, principal=reviewer, consultation_id=seen.stated
            )
            seen.statement_run = run.id
            await session.commit()
    finally:
        await engine.dispose()
    await copy_database(postgres, REFERENCE, template=DATABASE)
    return seen


async def _nudge(stack: Stack, runs: dict[str, int], *, prefix: str = "run") -> None:
    """What the runAggregation / generateStatement resolvers do after their commit (review_schema._enqueue):
    enqueue the job with job id `run:<id>`."""
    from arq import create_pool
    from arq.connections import RedisSettings

    pool = await create_pool(RedisSettings.from_dsn(stack.redis.url))
    try:
        for name, run_id in runs.items():
            job = "run_aggregation" if name == "aggregation" else "generate_statement"
            await pool.enqueue_job(job, run_id, _job_id=f"{prefix}:{run_id}")
    finally:
        await pool.aclose()


async def _arq_keys(stack: Stack, runs: dict[str, int]) -> dict[str, Any]:
    from redis.asyncio import Redis

    client = Redis.from_url(stack.redis.url)
    try:
        found: dict[str, Any] = {}
        for run_id in runs.values():
            for key in (f"arq:job:run:{run_id}", f"arq:in-progress:run:{run_id}"):
                found[key] = await client.ttl(key)  # -2: no such key
        return found
    finally:
        await client.aclose()


async def _wait(condition: Any, *, within: float, what: str, interval: float = 0.2) -> Any:
    started = time.monotonic()
    while True:
        value = await condition()
        if value:
            return value
        if time.monotonic() - started > within:
            raise TimeoutError(f"timed out after {within:.0f} s waiting for {what}")
        await asyncio.sleep(interval)


@pytest.fixture(scope="module")
async def worker_kill(
    postgres: PrivatePostgres, template: seeding.Seeded, faults_dir: Any
) -> AsyncIterator[WorkerKill]:
    began = time.monotonic()

    def phase(label: str) -> None:
        print(f"[worker kill] {time.monotonic() - began:5.1f} s  {label}")

    seen = await _prepare(postgres, template)
    phase("databases prepared")
    runs = {"aggregation": seen.aggregation_run, "statement": seen.statement_run}
    directory = faults_dir / "jobs"
    directory.mkdir()
    (directory / "reference").mkdir()
    stack = Stack(postgres, DATABASE, directory, serve=False)
    reference = Stack(postgres, REFERENCE, directory / "reference", serve=False)
    try:
        await asyncio.to_thread(stack.start)
        await _nudge(stack, runs)
        phase("worker started, runs nudged")

        async def both_mid_work() -> Any:
            now = await _runs(postgres, DATABASE, runs)
            aggregation, statement = now["aggregation"], now["statement"]
            if aggregation.status != "running" or statement.status != "running":
                assert "succeeded" not in (aggregation.status, statement.status), (
                    f"finished before the kill: {now}"
                )
                return None
            mid_aggregation = aggregation.progress_done > 0
            mid_rendering = statement.message == "rendering and scanning"
            return now if mid_aggregation and mid_rendering else None

        seen.at_kill = await _wait(both_mid_work, within=120, what="both runs to be half-way")
        assert stack.worker is not None
        stack.worker.kill()
        phase(f"worker killed: {seen.at_kill}")
        seen.at_kill = await _runs(postgres, DATABASE, runs)
        killed_at = time.monotonic()
        seen.after_kill = {
            "groups": (await query(
                postgres, DATABASE, "SELECT count(*) AS n FROM opinion_groups WHERE consultation_id = $1",
                seen.aggregated,
            ))[0]["n"],
            "grouped comments": (await query(
                postgres, DATABASE,
                "SELECT count(*) AS n FROM comments WHERE consultation_id = $1 "
                "AND (topic_id IS NOT NULL OR campaign_id IS NOT NULL)",
                seen.aggregated,
            ))[0]["n"],
            "statements": (await query(
                postgres, DATABASE,
                "SELECT count(*) AS n FROM statements WHERE consultation_id = $1",
                seen.stated,
            ))[0]["n"],
        }  # fmt: skip
        seen.arq_keys_after_kill = await _arq_keys(stack, runs)

        # The reference: the same requests on the identical copy, nobody killing anything (it runs while
        # the killed runs wait for the sweep).
        await asyncio.to_thread(reference.start)
        await _nudge(reference, runs)

        stack.start_worker(CANYU_JOB_STALE_SECONDS=STALE_SECONDS)
        phase("reference started, new worker started")

        sweep: dict[str, Any] = {}  # the first sweep that re-enqueued something: when, and its log line

        async def settled() -> Any:
            now = await _runs(postgres, DATABASE, runs)
            if all(run.status == "succeeded" for run in now.values()):
                return "succeeded"
            # One rerun may finish before the other; none may fail.
            assert all(run.status in ("running", "queued", "succeeded") for run in now.values()), now
            # Given up once a sweep has re-enqueued them and nothing picked them up for 6 s (a worker polls
            # its queue every 0.5 s).
            if not sweep:
                log = stack.worker.log_text() if stack.worker else ""
                lines = [
                    line
                    for line in log.splitlines()
                    if "resume_requested_runs ●" in line and "resumed 0" not in line
                ]
                if not lines:
                    return None
                sweep.update(at=time.monotonic(), line=lines[0])
            untouched = all(run.heartbeat_at == seen.at_kill[name].heartbeat_at for name, run in now.items())
            if untouched and time.monotonic() - sweep["at"] > 6:
                return "not resumed"
            return None

        outcome = await _wait(
            settled, within=float(STALE_SECONDS) + SWEEP_SECONDS + 60, what="the killed runs to be resumed"
        )
        seen.resumed_by_itself = outcome == "succeeded"
        seen.resume_evidence = (
            f"{time.monotonic() - killed_at:.0f} s after the kill: {outcome}; the new worker's sweep: "
            f"{sweep.get('line', '(none)')[:200]}; arq keys right after the kill (TTL s): "
            f"{seen.arq_keys_after_kill}; arq keys now: {await _arq_keys(stack, runs)}"
        )
        phase(seen.resume_evidence)
        if not seen.resumed_by_itself:
            # Deliver the same runs again under fresh arq job ids, as an operator can: the new worker's
            # claim_run takes each stale running row over and does the work again.
            seen.redelivered = True
            await _nudge(stack, runs, prefix="redelivered")
            await _wait(
                lambda: _all_succeeded(postgres, DATABASE, runs), within=180, what="the redelivered runs"
            )
        phase("interrupted runs done")
        await _wait(lambda: _all_succeeded(postgres, REFERENCE, runs), within=180, what="the reference runs")
        phase("reference runs done")
        seen.final_runs = await _runs(postgres, DATABASE, runs)
        seen.reference_runs = await _runs(postgres, REFERENCE, runs)
        for database in (DATABASE, REFERENCE):
            seen.groups[database], seen.group_ids[database] = await _groups(
                postgres, database, seen.aggregated
            )
            seen.statements[database] = await _statement(postgres, database, seen.stated)
        phase(
            f"{len(seen.groups[REFERENCE])} groups; group ids the same in both databases: "
            f"{seen.group_ids[DATABASE] == seen.group_ids[REFERENCE]}"
        )
        yield seen
    finally:
        stack.stop()
        reference.stop()
        await admin(postgres, f"DROP DATABASE IF EXISTS {REFERENCE} WITH (FORCE)")


async def _all_succeeded(postgres: PrivatePostgres, database: str, runs: dict[str, int]) -> bool:
    now = await _runs(postgres, database, runs)
    failed = [run for run in now.values() if run.status == "failed"]
    assert not failed, f"{database}: {failed}"
    return all(run.status == "succeeded" for run in now.values())


async def test_killed_worker_leaves_nothing_half_written(worker_kill: WorkerKill) -> None:
    at_kill = worker_kill.at_kill
    assert at_kill["aggregation"].status == "running" and at_kill["aggregation"].progress_done > 0
    assert at_kill["statement"].status == "running"
    assert at_kill["statement"].message == "rendering and scanning"
    assert worker_kill.after_kill == {"groups": 0, "grouped comments": 0, "statements": 0}


async def test_killed_runs_are_resumed_by_the_sweep(worker_kill: WorkerKill) -> None:
    # docs: a killed worker's run "is caught by the resume_requested_runs sweep, which re-enqueues ...
    # running rows whose heartbeat is older than" CANYU_JOB_STALE_SECONDS.
    assert worker_kill.resumed_by_itself, worker_kill.resume_evidence


async def test_aggregation_after_the_kill_equals_an_uninterrupted_run(worker_kill: WorkerKill) -> None:
    seen = worker_kill
    assert seen.final_runs["aggregation"].status == "succeeded"
    assert seen.final_runs["aggregation"].message == seen.reference_runs["aggregation"].message
    interrupted, reference = seen.groups[DATABASE], seen.groups[REFERENCE]
    assert len(reference) > 100
    assert sum(len(members) for kind, members in reference if kind == "topic") == AGGREGATED_COMMENTS
    assert interrupted.keys() == reference.keys()  # the same member-comment sets, kind by kind
    assert interrupted == reference  # and the same article, representative, title, keywords


async def test_statement_after_the_kill_equals_an_uninterrupted_run(
    worker_kill: WorkerKill, postgres: PrivatePostgres
) -> None:
    from api.db import create_engine, create_sessionmaker
    from consultations.statement.document import build_statement
    from consultations.statement.render import content_sha256, render_all
    from consultations.statement.snapshot import read_facts

    seen = worker_kill
    interrupted, reference = seen.statements[DATABASE], seen.statements[REFERENCE]
    assert seen.final_runs["statement"].status == "succeeded"
    # Equal: the version, the facts' revision, every figure, the personal-data findings and the open-data
    # CSV, byte for byte.
    for name in ("version", "status", "review_revision", "figures", "findings"):
        assert interrupted[name] == reference[name], name
    assert (interrupted["version"], interrupted["status"]) == (1, "draft")
    assert interrupted["renderings"]["csv"] == reference["renderings"]["csv"]
    json_interrupted = json.loads(interrupted["renderings"]["json"])
    json_reference = json.loads(reference["renderings"]["json"])
    assert json_interrupted.pop("generated_at") != json_reference.pop("generated_at")
    assert json_interrupted == json_reference
    # Different by design: each run stamps its own generated_at (the JSON's generated_at, the PDF's and
    # the DOCX's creation dates), so the bytes of those and content_sha256 differ between any two runs.
    # That the rerun's content is exactly the uninterrupted run's apart from that stamp: render the
    # reference database's facts with the rerun's generated_at, and get the rerun's content_sha256.
    engine = create_engine(postgres.url(REFERENCE), pool_size=1)
    try:
        async with create_sessionmaker(engine)() as session:
            facts = await read_facts(
                session,
                seen.stated,
                tz="Asia/Shanghai",
                version=1,
                generated_at=interrupted["generated_at"].replace(tzinfo=UTC),  # stored as naive UTC
                disposition_labels={},
            )
    finally:
        await engine.dispose()
    renderings = await asyncio.to_thread(lambda: render_all(build_statement(facts, timezone="Asia/Shanghai")))
    differing = [fmt for fmt in renderings if renderings[fmt] != interrupted["renderings"][fmt]]
    assert differing == []
    assert content_sha256(renderings) == interrupted["content_sha256"]
