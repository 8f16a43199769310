"""Read the facts of a statement from the database in one consistent snapshot."""

from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.accounts.models import Unit
from api.db import utcnow
from consultations import service
from consultations.dispositions import reason_text
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
    HearingFact,
    StatementFacts,
)

# Section 五 comes from the hearing domain, which may import this package but not the reverse: the
# composition (api/worker.py) registers its reader here. Unregistered, section 五 is left out.
HearingFactsReader = Callable[[AsyncSession, int], Awaitable[tuple[HearingFact, ...]]]
_hearing_facts_readers: list[HearingFactsReader] = []


def register_hearing_facts(reader: HearingFactsReader) -> None:
    if reader not in _hearing_facts_readers:
        _hearing_facts_readers.append(reader)


async def _hearing_facts(session: AsyncSession, consultation_id: int) -> tuple[HearingFact, ...]:
    facts: tuple[HearingFact, ...] = ()
    for reader in _hearing_facts_readers:
        facts += await reader(session, consultation_id)
    return facts


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
    comments = await _comment_facts(session, consultation_id)
    return StatementFacts(
        consultation=await _consultation_fact(session, consultation, tz),
        articles=tuple(ArticleFact(a.id, a.position, a.label, a.heading, a.body) for a in articles),
        groups=await _group_facts(session, consultation_id),
        comments=comments,
        hearings=await _hearing_facts(session, consultation_id),
        version=version,
        corrects_version=corrects_version,
        correction_note=correction_note,
        generated_at=generated_at or utcnow(),
        disposition_labels=dict(disposition_labels or {}),
    )


async def _comment_facts(session: AsyncSession, consultation_id: int) -> tuple[CommentFact, ...]:
    """One fact per comment with its effective disposition: its own approved override if it has one,
    else its topic's approved one (as `join_effective_dispositions` joins them). The approved
    dispositions are read once and looked up in Python: with a million comments that is much cheaper
    than joining them to every row, and each reason text is made once and shared."""
    approved = await session.execute(
        select(
            Disposition.group_id,
            Disposition.comment_id,
            Disposition.outcome,
            Disposition.standard_reason,
            Disposition.reason,
        )
        .where(
            Disposition.consultation_id == consultation_id, Disposition.status == DispositionStatus.APPROVED
        )
        .order_by(Disposition.id)
    )
    own: dict[int, tuple[str, str]] = {}
    topical: dict[int, tuple[str, str]] = {}
    for row in approved:
        decided = (row.outcome, reason_text(row.standard_reason or "", row.reason or ""))
        if row.comment_id is not None:
            own[row.comment_id] = decided
        if row.group_id is not None:
            topical[row.group_id] = decided
    undecided = ("", "")
    rows = await session.execute(
        select(
            Comment.id,
            participant_key().label("participant"),
            Comment.channel,
            Comment.submitter_type,
            Comment.article_id,
            Comment.is_late,
            Comment.topic_id,
            Comment.campaign_id,
        )
        .where(Comment.consultation_id == consultation_id)
        .order_by(Comment.id)
    )
    facts = []
    for comment_id, participant, channel, submitter_type, article_id, is_late, topic_id, campaign_id in rows:
        outcome, reason = own.get(comment_id) or (
            topical.get(topic_id, undecided) if topic_id is not None else undecided
        )
        facts.append(
            CommentFact(
                comment_id,
                participant,
                channel,
                submitter_type,
                article_id,
                is_late,
                topic_id,
                campaign_id,
                outcome,
                reason,
            )
        )
    return tuple(facts)


async def _group_facts(session: AsyncSession, consultation_id: int) -> tuple[GroupFact, ...]:
    # Plain columns, not ORM objects: a large consultation has a hundred thousand groups or more.
    rows = await session.execute(
        select(
            OpinionGroup.id,
            OpinionGroup.title,
            OpinionGroup.summary,
            OpinionGroup.article_id,
            OpinionGroup.keywords,
            Comment.body,
            Disposition.id.label("disposition_id"),
            Disposition.outcome,
            Disposition.standard_reason,
            Disposition.reason,
            Disposition.revised_before,
            Disposition.revised_after,
        )
        .join(Comment, Comment.id == OpinionGroup.representative_id)
        .outerjoin(
            Disposition,
            (Disposition.group_id == OpinionGroup.id) & (Disposition.status == DispositionStatus.APPROVED),
        )
        .where(
            OpinionGroup.consultation_id == consultation_id,
            OpinionGroup.kind == GroupKind.TOPIC,
            OpinionGroup.retired_at.is_(None),
        )
        .order_by(OpinionGroup.id)
    )
    return tuple(_group_fact(row) for row in rows)


def _group_fact(row: Any) -> GroupFact:
    decided = row.disposition_id is not None
    return GroupFact(
        id=row.id,
        title=row.title,
        summary=row.summary,
        article_id=row.article_id,
        representative_text=row.body,
        keywords=tuple(row.keywords or ()),
        disposition=row.outcome if decided else "",
        reason=reason_text(row.standard_reason, row.reason) if decided else "",
        revised_before=row.revised_before if decided else "",
        revised_after=row.revised_after if decided else "",
    )
