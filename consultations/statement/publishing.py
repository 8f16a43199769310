"""Generate, publish and read statement versions.

Generation is a job over a frozen snapshot of the facts; a published version never changes and carries
the SHA-256 of its content; a correction is a new version that names the version it corrects.
"""

import asyncio
import dataclasses
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api import audit
from api.accounts.permissions import Principal
from api.audit import Actor
from api.db import transaction, utcnow
from api.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from api.jobs import JobProgress, JobRun, request_run, run_requested
from api.settings import Settings
from consultations import permissions, service
from consultations.dispositions import undecided_count
from consultations.models import Consultation, Statement, StatementRendering, Status
from consultations.statement.document import StatementDocument, build_statement
from consultations.statement.facts import StatementFacts
from consultations.statement.render import content_sha256, render_all
from consultations.statement.scan import scan_renderings
from consultations.statement.snapshot import read_facts

GENERATE_JOB = "generate_statement"
FORMATS = ("html", "pdf", "docx", "json", "csv")
MEDIA_TYPES = {
    "html": "text/html; charset=utf-8",
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "json": "application/json",
    "csv": "text/csv; charset=utf-8",
}
GENERATING_STATUSES = frozenset({Status.REVIEWING, Status.STATEMENT_PUBLISHED, Status.DECIDED})


def statement_subject(consultation_id: int) -> str:
    return f"consultation:{consultation_id}"


async def _latest(
    session: AsyncSession, consultation_id: int, *, published: bool = False
) -> Statement | None:
    query = select(Statement).where(Statement.consultation_id == consultation_id)
    if published:
        query = query.where(Statement.status == "published")
    return await session.scalar(query.order_by(Statement.version.desc()).limit(1))


async def _ensure_all_decided(session: AsyncSession, consultation_id: int, doing: str = "生成") -> None:
    missing = await undecided_count(session, consultation_id)
    if missing:
        raise InvalidTransition(
            f"还有{missing}条意见没有经批准的处理意见，不能{doing}采纳情况说明",
            code="DISPOSITIONS_INCOMPLETE",
            undecided=missing,
        )


async def request_generation(
    session: AsyncSession, *, principal: Principal | None, consultation_id: int, correction_note: str = ""
) -> tuple[JobRun, bool]:
    """Ask for a statement to be generated (a correction once one is published: say what it corrects)."""
    permissions.ensure_able(principal, "generate_statement")
    consultation, path = await service.get_for_update(session, consultation_id)
    principal = permissions.ensure(principal, "generate_statement", path)
    if consultation.status not in GENERATING_STATUSES:
        raise InvalidTransition("意见处理阶段才能生成采纳情况说明", code="NOT_REVIEWING")
    await _ensure_all_decided(session, consultation_id)
    if await _latest(session, consultation_id, published=True) is not None and not correction_note.strip():
        raise InvalidInput(
            "已公布过采纳情况说明，新版本是更正版本，须写明更正了什么", code="CORRECTION_NOTE_REQUIRED"
        )
    return await request_run(
        session,
        job_name=GENERATE_JOB,
        subject=statement_subject(consultation_id),
        params={"consultation_id": consultation_id, "correction_note": correction_note.strip()[:2000]},
        requested_by=principal.user_id,
    )


async def latest_generation(session: AsyncSession, consultation_id: int) -> JobRun | None:
    """The newest statement generation run of a consultation, if any."""
    return await session.scalar(
        select(JobRun)
        .where(JobRun.job_name == GENERATE_JOB, JobRun.subject == statement_subject(consultation_id))
        .order_by(JobRun.id.desc())
        .limit(1)
    )


async def _snapshot_session(session: AsyncSession) -> None:
    """Read every fact from one snapshot: PostgreSQL needs REPEATABLE READ for that (SQLite's single
    transaction already is one)."""
    if session.get_bind().dialect.name == "postgresql":
        await session.connection(execution_options={"isolation_level": "REPEATABLE READ"})


async def generate_statement(ctx: dict[str, Any], run_id: int) -> str:
    """Job: read the facts, build and render the statement, scan it for personal data, store it as the
    draft version (replacing an earlier draft). Idempotent: a rerun replaces the draft with an equal one."""

    async def work(run: JobRun, progress: JobProgress) -> str:
        consultation_id = int(run.params["consultation_id"])
        statement = await _generate(ctx["sessionmaker"], progress, run, consultation_id, ctx["settings"])
        findings = len(statement.personal_data_findings)
        return f"已生成第{statement.version}版（草稿），个人信息检查发现{findings}处"

    return await run_requested(ctx, run_id, work)


def _render_and_scan(
    facts: StatementFacts, timezone: str
) -> tuple[StatementDocument, dict[str, bytes], list[Any]]:
    """CPU-bound (a minute for a million comments): run in a thread so the event loop keeps serving."""
    document = build_statement(facts, timezone=timezone)
    renderings = render_all(document)
    return document, renderings, [dataclasses.asdict(f) for f in scan_renderings(renderings)]


async def _generate(
    sessionmaker: async_sessionmaker[AsyncSession],
    progress: JobProgress,
    run: JobRun,
    consultation_id: int,
    settings: Settings,
) -> Statement:
    async with sessionmaker() as session:
        await _snapshot_session(session)
        await _ensure_all_decided(session, consultation_id)
        latest = await _latest(session, consultation_id)
        published = await _latest(session, consultation_id, published=True)
        version = (
            latest.version
            if latest is not None and latest.status == "draft"
            else (latest.version + 1 if latest else 1)
        )
        generated_at = utcnow()
        revision = await session.scalar(
            select(Consultation.review_revision).where(Consultation.id == consultation_id)
        )
        facts = await read_facts(
            session,
            consultation_id,
            tz=settings.timezone,
            version=version,
            corrects_version=published.version if published else None,
            correction_note=run.params.get("correction_note", ""),
            generated_at=generated_at,
            disposition_labels=settings.disposition_labels,
        )
    await progress.update(1, 3, message="rendering and scanning")
    document, renderings, findings = await asyncio.to_thread(_render_and_scan, facts, settings.timezone)
    await progress.update(2, 3, message="storing")
    async with transaction(sessionmaker) as session:
        await service.get_for_update(session, consultation_id)
        statement = await _latest(session, consultation_id)
        if statement is None or statement.status != "draft":
            statement = Statement(consultation_id=consultation_id, version=version)
            session.add(statement)
        statement.status = "draft"
        statement.corrects_version = facts.corrects_version
        statement.correction_note = facts.correction_note
        statement.content_sha256 = content_sha256(renderings)
        statement.review_revision = revision or 0
        statement.figures = document.figures_json()
        statement.personal_data_findings = findings
        statement.generated_by = run.requested_by
        statement.generated_at = generated_at
        await session.flush()
        await session.execute(
            delete(StatementRendering).where(StatementRendering.statement_id == statement.id)
        )
        session.add_all(
            StatementRendering(statement_id=statement.id, format=fmt, content=renderings[fmt])
            for fmt in FORMATS
        )
        await audit.record(
            session,
            actor=Actor(id=run.requested_by, label="statement"),
            action="statement.generated",
            subject_type="consultation",
            subject_id=consultation_id,
            after={
                "version": statement.version,
                "sha256": statement.content_sha256,
                "findings": len(findings),
            },
        )
    return statement


async def publish_statement(
    session: AsyncSession, *, principal: Principal | None, consultation_id: int, version: int
) -> Statement:
    """Publish a generated draft version (approver); it never changes afterwards."""
    permissions.ensure_able(principal, "publish_statement")
    consultation, path = await service.get_for_update(session, consultation_id)
    principal = permissions.ensure(principal, "publish_statement", path)
    statement = await session.scalar(
        select(Statement)
        .where(Statement.consultation_id == consultation_id, Statement.version == version)
        .with_for_update()
    )
    if statement is None:
        raise NotFound("该版本的采纳情况说明不存在", code="STATEMENT_NOT_FOUND")
    if statement.status != "draft":
        raise Conflict("该版本已公布，不能再次公布或修改", code="STATEMENT_ALREADY_PUBLISHED")
    if statement.personal_data_findings:
        raise InvalidInput(
            f"个人信息检查发现{len(statement.personal_data_findings)}处可能的个人信息，不能公布",
            code="PERSONAL_DATA_FOUND",
        )
    await _ensure_all_decided(session, consultation_id, doing="公布")
    if consultation.review_revision != statement.review_revision:
        raise Conflict("生成后意见、分组或处理意见又有变动，请重新生成后再公布", code="STATEMENT_STALE")
    statement.status, statement.published_by, statement.published_at = (
        "published",
        principal.user_id,
        utcnow(),
    )
    if consultation.status == Status.REVIEWING:
        service.transition(consultation, "publish_statement")
    await audit.record(
        session,
        actor=principal.actor,
        action="statement.published",
        subject_type="consultation",
        subject_id=consultation_id,
        after={
            "version": version,
            "sha256": statement.content_sha256,
            "corrects_version": statement.corrects_version,
        },
    )
    return statement


async def get_statement(
    session: AsyncSession, *, principal: Principal | None, consultation_id: int, version: int | None
) -> Statement | None:
    """A published version for anyone; drafts only for staff of the unit. No version: the newest."""
    consultation = await service.get_visible(session, principal=principal, consultation_id=consultation_id)
    if consultation is None:
        return None
    path = await service.unit_path(session, consultation.unit_id)
    query = select(Statement).where(Statement.consultation_id == consultation_id)
    if not permissions.can(principal, "read_internal", path):
        query = query.where(Statement.status == "published")
    if version is not None:
        query = query.where(Statement.version == version)
    return await session.scalar(query.order_by(Statement.version.desc()).limit(1))


async def rendering(session: AsyncSession, statement_id: int, fmt: str) -> bytes | None:
    return await session.scalar(
        select(StatementRendering.content).where(
            StatementRendering.statement_id == statement_id, StatementRendering.format == fmt
        )
    )
