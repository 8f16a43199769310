"""The job registry and arq's WorkerSettings: the same functions run in arq workers and in-process."""

import gc
import logging
import logging.config
from typing import Any, ClassVar

from arq import cron
from arq.connections import RedisSettings

from api.db import create_engine, create_sessionmaker
from api.jobs import ArqQueue, CronJob, JobFunction, one_run_at_a_time, resume_requested_runs
from api.observability import log_config, timed_job
from api.outbox import deliver_notifications
from api.settings import Settings, get_settings
from consultations import segmentation
from consultations.jobs import close_due_consultations, process_new_comments, run_aggregation
from consultations.statement.publishing import generate_statement
from consultations.statement.snapshot import register_hearing_facts
from hearings.jobs import remind_observers
from hearings.records import hearing_facts

# Each job records its duration in /metrics; the wrappers keep the function's name, which arq keys on.
JOB_FUNCTIONS: list[JobFunction] = [
    timed_job(function)
    for function in (
        one_run_at_a_time(deliver_notifications),
        close_due_consultations,
        one_run_at_a_time(process_new_comments),
        run_aggregation,
        generate_statement,
        resume_requested_runs,
        remind_observers,
    )
]
_JOBS = {function.__name__: function for function in JOB_FUNCTIONS}
CRON_JOBS: list[CronJob] = [
    CronJob(_JOBS["deliver_notifications"], every_seconds=10),
    CronJob(_JOBS["close_due_consultations"], every_seconds=30),
    CronJob(_JOBS["process_new_comments"], every_seconds=15),
    CronJob(_JOBS["resume_requested_runs"], every_seconds=30),
    CronJob(_JOBS["remind_observers"], every_seconds=300),
]
# Section 五 of the adoption statement reads hearings (consultations may not import hearings).
register_hearing_facts(hearing_facts)


def job_context(settings: Settings, sessionmaker: Any, queue: Any) -> dict[str, Any]:
    return {"settings": settings, "sessionmaker": sessionmaker, "queue": queue}


async def _startup(ctx: dict[str, Any]) -> None:
    settings = get_settings()
    logging.config.dictConfig(log_config(settings))
    segmentation.initialize()
    gc.freeze()  # the long-lived objects loaded above stay out of the garbage collector's scans
    engine = create_engine(settings.resolved_database_url, pool_size=5)
    assert settings.redis_url, "canyu worker needs CANYU_REDIS_URL"
    ctx.update(job_context(settings, create_sessionmaker(engine), ArqQueue(settings.redis_url)))
    ctx["engine"] = engine


async def _shutdown(ctx: dict[str, Any]) -> None:
    await ctx["queue"].close()
    await ctx["engine"].dispose()


def _arq_cron(job: CronJob) -> Any:
    if job.every_seconds >= 60:
        return cron(job.function, minute=set(range(0, 60, job.every_seconds // 60)), second=0)  # type: ignore[arg-type]
    return cron(job.function, second=set(range(0, 60, job.every_seconds)))  # type: ignore[arg-type]


class WorkerSettings:
    functions: ClassVar = JOB_FUNCTIONS
    cron_jobs: ClassVar = [_arq_cron(job) for job in CRON_JOBS]
    on_startup = _startup
    on_shutdown = _shutdown
    redis_settings = RedisSettings.from_dsn(get_settings().redis_url or "redis://127.0.0.1:6379")
    max_tries = 5
    job_timeout = 3600  # aggregation of a million comments takes minutes
    keep_result = 0
