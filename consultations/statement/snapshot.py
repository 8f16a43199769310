"""Read the facts of a statement from the database in one consistent snapshot."""

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.accounts.models import Unit
from api.db import utcnow
from consultations import service
from consultations.dispositions import join_effective_dispositions, reason_text
from consultations.grouping import participant_key
from consultations.models import (
    Article,
    Comment,
    Consultation,
    Disposition,
    DispositionStatus,
    GroupKind,
    OpinionGroup,
    ReviewKind,
)
from consultations.statement.facts import (
    ArticleFact,
    CommentFact,
    ConsultationFact,
    GroupFact,
    StatementFacts,
)


async def _consultation_fact(session: AsyncSession, consultation: Consultation, tz: str) -> ConsultationFact:
    unit_name = await session.scalar(select(Unit.name).where(Unit.id == consultation.unit_id)) or ""
    reviews = await service.latest_reviews(session, consultation)
    secrecy = reviews.get(ReviewKind.SECRECY)
    assert consultation.opens_at and consultation.closes_at and consultation.closing_date
    opened_on = consultation.opens_at.astimezone(ZoneInfo(tz)).date()
    return ConsultationFact(
        id=consultation.id,
        title=consultation.title,
        unit_name=unit_name,
        kind=consultation.kind,
        opens_at=consultation.opens_at,
        closes_at=consultation.closes_at,
        closing_date=consultation.closing_date,
        period_days=(consultation.closing_date - opened_on).days,
        shortened_reason=consultation.shortened_reason,
        publication_channels=tuple(
            (c.get("channel", ""), c.get("url", ""), str(c.get("published_on", "")))
            for c in consultation.publication_channels or []
        ),
        offline_channels=consultation.offline_channels,
        disclosure=consultation.disclosure,
        # The date only: the reviewer field may name a person, and the statement names nobody.
        secrecy_review=f"已于{secrecy.reviewed_on.isoformat()}通过保密审查"
        if secrecy and secrecy.passed
        else "",
    )


async def read_facts(
    session: AsyncSession,
    consultation_id: int,
    *,
    tz: str,
    version: int = 1,
    corrects_version: int | None = None,
    correction_note: str = "",
    generated_at: datetime | None = None,
    disposition_labels: dict[str, str] | None = None,
) -> StatementFacts:
    """Every fact the statement states, read in the caller's transaction (make it a snapshot)."""
    consultation = await session.get_one(Consultation, consultation_id)
    articles = (
        await session.scalars(
            select(Article)
            .where(Article.draft_version_id == consultation.current_version_id)
            .order_by(Article.position)
        )
    ).all()
    query, override, topical = join_effective_dispositions(
        select(Comment.id, Comment.channel, Comment.submitter_type, Comment.article_id, Comment.is_late)
        .add_columns(Comment.topic_id, Comment.campaign_id, participant_key().label("participant"))
        .where(Comment.consultation_id == consultation_id)
        .order_by(Comment.id)
    )
    query = query.add_columns(
        override.outcome.label("own_outcome"),
        override.standard_reason.label("own_standard"),
        override.reason.label("own_reason"),
        topical.outcome.label("topic_outcome"),
        topical.standard_reason.label("topic_standard"),
        topical.reason.label("topic_reason"),
    )
    comments = tuple(
        CommentFact(
            id=row.id,
            author_key=row.participant,
            channel=row.channel,
            submitter_type=row.submitter_type,
            article_id=row.article_id,
            is_late=row.is_late,
            topic_id=row.topic_id,
            campaign_id=row.campaign_id,
            disposition=row.own_outcome or row.topic_outcome or "",
            reason=reason_text(row.own_standard, row.own_reason)
            if row.own_outcome
            else reason_text(row.topic_standard or "", row.topic_reason or ""),
        )
        for row in (await session.execute(query)).all()
    )
    return StatementFacts(
        consultation=await _consultation_fact(session, consultation, tz),
        articles=tuple(ArticleFact(a.id, a.position, a.label, a.heading, a.body) for a in articles),
        groups=await _group_facts(session, consultation_id),
        comments=comments,
        version=version,
        corrects_version=corrects_version,
        correction_note=correction_note,
        generated_at=generated_at or utcnow(),
        disposition_labels=dict(disposition_labels or {}),
    )


async def _group_facts(session: AsyncSession, consultation_id: int) -> tuple[GroupFact, ...]:
    rows = (
        await session.execute(
            select(OpinionGroup, Comment.body, Disposition)
            .join(Comment, Comment.id == OpinionGroup.representative_id)
            .outerjoin(
                Disposition,
                (Disposition.group_id == OpinionGroup.id)
                & (Disposition.status == DispositionStatus.APPROVED),
            )
            .where(
                OpinionGroup.consultation_id == consultation_id,
                OpinionGroup.kind == GroupKind.TOPIC,
                OpinionGroup.retired_at.is_(None),
            )
            .order_by(OpinionGroup.id)
        )
    ).all()
    return tuple(
        GroupFact(
            id=group.id,
            title=group.title,
            summary=group.summary,
            article_id=group.article_id,
            representative_text=body,
            keywords=tuple(group.keywords or ()),
            disposition=disposition.outcome if disposition else "",
            reason=reason_text(disposition.standard_reason, disposition.reason) if disposition else "",
            revised_before=disposition.revised_before if disposition else "",
            revised_after=disposition.revised_after if disposition else "",
        )
        for group, body, disposition in rows
    )
