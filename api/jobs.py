"""Background jobs: one set of job functions, run by arq workers on Redis or in-process.

Jobs never carry the only copy of anything: the work they do is described by rows (unsegmented
comments, pending notifications, consultations past their deadline), so an enqueue that fails
because Redis is down only delays the work until the next cron sweep picks the rows up.

A job function takes the context dict first (arq's convention) and returns a short summary.
The context holds `sessionmaker`, `settings` and `queue` in both modes.
"""

import asyncio
import itertools
import logging
import traceback
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import Any

from sqlalchemy import JSON, Integer, String, Text, select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, UTCDateTime, transaction, utcnow

log = logging.getLogger("canyu.jobs")

JobFunction = Callable[..., Awaitable[Any]]


class JobRun(Base):
    """Status and progress of a job that did work (idle cron ticks leave no row)."""

    __tablename__ = "job_runs"

    id: Mapped[int] = mapped_column(primary_key=True)
    job_name: Mapped[str] = mapped_column(String(100), index=True)
    subject: Mapped[str] = mapped_column(String(100), default="")
    status: Mapped[str] = mapped_column(String(16))  # queued, running, succeeded, failed
    params: Mapped[Any] = mapped_column(JSON, default=dict)  # what a queued run was asked to do
    requested_by: Mapped[int | None] = mapped_column(Integer)  # a user id
    progress_done: Mapped[int] = mapped_column(Integer, default=0)
    progress_total: Mapped[int | None] = mapped_column(Integer)
    message: Mapped[str] = mapped_column(Text, default="")
    started_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    heartbeat_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # a running job's last sign of life


class JobProgress:
    """A JobRun row that a job updates as it goes, committed in its own short transactions."""

    def __init__(self, sessionmaker: async_sessionmaker[AsyncSession], job_name: str, subject: str = ""):
        self._sessionmaker = sessionmaker
        self._job_name = job_name
        self._subject = subject
        self.run_id: int | None = None

    async def _save(self, **values: Any) -> None:
        async with transaction(self._sessionmaker) as session:
            if self.run_id is None:
                run = JobRun(job_name=self._job_name, subject=self._subject, status="running")
                session.add(run)
                await session.flush()
                self.run_id = run.id
            else:
                run = await session.get_one(JobRun, self.run_id)
            for key, value in values.items():
                setattr(run, key, value)

    @classmethod
    def of_run(cls, sessionmaker: async_sessionmaker[AsyncSession], run: JobRun) -> "JobProgress":
        progress = cls(sessionmaker, run.job_name, run.subject)
        progress.run_id = run.id
        return progress

    async def update(self, done: int, total: int | None = None, message: str | None = None) -> None:
        values: dict[str, Any] = {"progress_done": done, "progress_total": total, "heartbeat_at": utcnow()}
        if message is not None:
            values["message"] = message
        await self._save(**values)

    async def finish(self, message: str) -> None:
        await self._save(status="succeeded", message=message, finished_at=utcnow())

    async def fail(self, error: BaseException) -> None:
        text = "".join(traceback.format_exception_only(error)).strip()
        await self._save(status="failed", message=text[:2000], finished_at=utcnow())


# A running job that has not reported for CANYU_JOB_STALE_SECONDS (default 300) is presumed dead (its
# worker was killed) and is started again; requested jobs are idempotent, so a rerun gives the result an
# uninterrupted run gives.
ACTIVE_STATUSES = ("queued", "running")


async def request_run(
    session: AsyncSession, *, job_name: str, subject: str, params: dict[str, Any], requested_by: int | None
) -> tuple[JobRun, bool]:
    """Record, in the caller's transaction, that a user asked for a job; the row, not the queue, is the
    request, so a Redis outage only delays it. Returns (run, created): an active run of the same job on the
    same subject is returned instead of a second one."""
    active = await session.scalar(
        select(JobRun)
        .where(JobRun.job_name == job_name, JobRun.subject == subject, JobRun.status.in_(ACTIVE_STATUSES))
        .order_by(JobRun.id.desc())
        .limit(1)
    )
    if active is not None:
        return active, False
    run = JobRun(
        job_name=job_name, subject=subject, status="queued", params=params, requested_by=requested_by
    )
    session.add(run)
    await session.flush()
    return run, True


async def claim_run(
    sessionmaker: async_sessionmaker[AsyncSession], run_id: int, *, stale_seconds: float
) -> JobRun | None:
    """Mark a queued (or stale running) run as running and return it; None if another worker has it or
    it is finished, so a duplicate delivery of the same job does nothing."""
    async with transaction(sessionmaker) as session:
        run = await session.scalar(select(JobRun).where(JobRun.id == run_id).with_for_update())
        if run is None or run.status not in ACTIVE_STATUSES:
            return None
        now = utcnow()
        alive = run.heartbeat_at is not None and (now - run.heartbeat_at).total_seconds() < stale_seconds
        if run.status == "running" and alive:
            return None
        run.status, run.heartbeat_at, run.progress_done = "running", now, 0
        return run


async def run_requested(
    ctx: dict[str, Any], run_id: int, work: Callable[[JobRun, "JobProgress"], Awaitable[str]]
) -> str:
    """Claim a requested run, do its work and record the outcome (a failure is recorded, then raised)."""
    run = await claim_run(ctx["sessionmaker"], run_id, stale_seconds=ctx["settings"].job_stale_seconds)
    if run is None:
        return "nothing to do"
    progress = JobProgress.of_run(ctx["sessionmaker"], run)
    # Long silent phases (rendering a statement, a big segmentation batch) run off the event loop, so
    # this keeps beating: only a run whose worker died goes stale.
    beating = asyncio.create_task(
        _keep_beating(ctx["sessionmaker"], run.id, every=max(1.0, ctx["settings"].job_stale_seconds / 4))
    )
    try:
        message = await work(run, progress)
    except Exception as error:
        await progress.fail(error)
        raise
    finally:
        beating.cancel()
    await progress.finish(message)
    return message


async def _keep_beating(sessionmaker: async_sessionmaker[AsyncSession], run_id: int, *, every: float) -> None:
    while True:
        await asyncio.sleep(every)
        try:
            async with transaction(sessionmaker) as session:
                await session.execute(
                    update(JobRun)
                    .where(JobRun.id == run_id, JobRun.status == "running")
                    .values(heartbeat_at=utcnow())
                )
        except Exception as error:  # the database is away for a moment: the next beat tries again
            log.warning("heartbeat of job run %s failed: %s", run_id, type(error).__name__)


async def resume_requested_runs(ctx: dict[str, Any]) -> str:
    """Cron sweep: enqueue requested runs whose nudge was lost (Redis down) or whose worker died."""
    now = utcnow()
    async with transaction(ctx["sessionmaker"]) as session:
        runs = (
            await session.scalars(
                select(JobRun).where(JobRun.status.in_(ACTIVE_STATUSES)).order_by(JobRun.id)
            )
        ).all()
    due = [
        run
        for run in runs
        if (run.status == "queued" and (now - run.started_at).total_seconds() > 5)
        or (
            run.status == "running"
            and (now - (run.heartbeat_at or run.started_at)).total_seconds()
            >= ctx["settings"].job_stale_seconds
        )
    ]
    for run in due:
        # A fresh arq job id: arq ignores an enqueue under the id of a job it still remembers, which a
        # killed worker's job stays for an hour. A duplicate delivery is harmless: claim_run lets one in.
        job_id = f"run:{run.id}:resume:{int(now.timestamp())}"
        await ctx["queue"].enqueue(run.job_name, run.id, job_id=job_id)
    return f"resumed {len(due)}"


def one_run_at_a_time(function: JobFunction) -> JobFunction:
    """For a job that works until nothing is left: started while it runs in this process (a nudge and a
    cron sweep, say), it returns at once, since the running one takes that work too. Several processes may
    still run it side by side (its batches skip each other's locked rows)."""
    running = False

    @wraps(function)
    async def run(*args: Any, **kwargs: Any) -> Any:
        nonlocal running
        if running:
            return "already running"
        running = True
        try:
            return await function(*args, **kwargs)
        finally:
            running = False

    return run


@dataclass(frozen=True)
class CronJob:
    function: JobFunction
    every_seconds: int

    @property
    def name(self) -> str:
        return self.function.__name__


class JobQueue:
    """Where requests hand work to the background."""

    async def enqueue(self, name: str, *args: Any, job_id: str | None = None) -> None:
        raise NotImplementedError

    async def ping(self) -> bool:
        return True

    async def depth(self) -> int | None:
        """Jobs waiting to start (for /metrics), or None when it cannot be read."""
        return None

    async def close(self) -> None:
        return None


class ArqQueue(JobQueue):
    """Enqueue to arq on Redis; a failed enqueue is logged, and the cron sweep does the work later.

    A nudge with a job id is sent at most once per `debounce_seconds` from this process: the job
    works through everything pending when it runs, so a burst of submissions needs one nudge.
    """

    def __init__(self, redis_url: str, *, debounce_seconds: float = 0.5):
        self._redis_url = redis_url
        self._pool: Any = None
        self._lock = asyncio.Lock()
        self._debounce_seconds = debounce_seconds
        self._last_sent: dict[str, float] = {}

    async def _get_pool(self) -> Any:
        from arq import create_pool
        from arq.connections import RedisSettings

        async with self._lock:
            if self._pool is None:
                settings = RedisSettings.from_dsn(self._redis_url)
                settings.conn_retries = 0
                settings.conn_timeout = 2
                self._pool = await create_pool(settings)
            return self._pool

    async def enqueue(self, name: str, *args: Any, job_id: str | None = None) -> None:
        if job_id is not None:
            now = asyncio.get_running_loop().time()
            if now - self._last_sent.get(job_id, float("-inf")) < self._debounce_seconds:
                return
            self._last_sent[job_id] = now
        try:
            pool = await self._get_pool()
            await pool.enqueue_job(name, *args, _job_id=job_id)
        except Exception as error:  # Redis down or unreachable: OSError, RedisError, timeouts
            log.warning("could not enqueue %s (%s); the cron sweep will pick the work up", name, error)

    async def ping(self) -> bool:
        try:
            pool = await self._get_pool()
            return bool(await asyncio.wait_for(pool.ping(), timeout=2))
        except Exception:
            return False

    async def depth(self) -> int | None:
        from arq.constants import default_queue_name

        try:
            pool = await self._get_pool()
            return int(await asyncio.wait_for(pool.zcard(default_queue_name), timeout=2))
        except Exception:
            return None

    async def close(self) -> None:
        if self._pool is not None:
            await self._pool.aclose()
            self._pool = None


class InProcessQueue(JobQueue):
    """Run jobs as tasks in this process (embedded mode); a job asked for while running runs again after."""

    def __init__(self, functions: Sequence[JobFunction], context: dict[str, Any]):
        self._functions = {f.__name__: f for f in functions}
        self._context = context
        self._running: dict[str, asyncio.Task[None]] = {}
        self._rerun: set[str] = set()
        self._cron_task: asyncio.Task[None] | None = None
        self._next_anonymous = itertools.count()

    async def enqueue(self, name: str, *args: Any, job_id: str | None = None) -> None:
        if name not in self._functions:
            raise KeyError(f"unknown job {name!r}")
        key = job_id or f"{name}:{next(self._next_anonymous)}"
        if key in self._running:
            self._rerun.add(key)
            return
        self._running[key] = asyncio.create_task(self._run(key, name, args))

    async def _run(self, key: str, name: str, args: tuple[Any, ...]) -> None:
        try:
            while True:
                self._rerun.discard(key)
                try:
                    await self._functions[name](self._context, *args)
                except Exception:
                    log.exception("job %s failed", name)
                if key not in self._rerun:
                    return
        finally:
            self._running.pop(key, None)

    def start_cron(self, cron_jobs: Sequence[CronJob]) -> None:
        self._cron_task = asyncio.create_task(self._cron_loop(cron_jobs))

    async def _cron_loop(self, cron_jobs: Sequence[CronJob]) -> None:
        last_run: dict[str, float] = {}
        loop = asyncio.get_running_loop()
        while True:
            now = loop.time()
            for cron_job in cron_jobs:
                if now - last_run.get(cron_job.name, -1e9) >= cron_job.every_seconds:
                    last_run[cron_job.name] = now
                    await self.enqueue(cron_job.name, job_id=f"cron:{cron_job.name}")
            await asyncio.sleep(1)

    async def depth(self) -> int | None:
        return len(self._running)

    async def drain(self) -> None:
        """Wait until no job is running (tests and shutdown)."""
        while self._running:
            await asyncio.gather(*list(self._running.values()), return_exceptions=True)

    async def close(self) -> None:
        if self._cron_task is not None:
            self._cron_task.cancel()
            await asyncio.gather(self._cron_task, return_exceptions=True)
        await self.drain()
