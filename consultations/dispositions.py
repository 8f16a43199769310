"""Dispositions (rules B2): a reviewer proposes what happens to a topic group or to one comment, an
approver approves it; both steps are audited. A comment's disposition is its own approved override if it
has one, else its topic's approved disposition. The statement waits until every comment has one.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, and_, func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from api import audit
from api.accounts.permissions import Principal
from api.db import utcnow
from api.errors import InvalidInput, InvalidTransition, NotFound, PermissionDenied
from consultations import permissions, service
from consultations.models import (
    OUTCOMES_NEEDING_REASON,
    Article,
    Comment,
    Disposition,
    DispositionStatus,
    GroupKind,
    OpinionGroup,
    Outcome,
    Statement,
    Status,
)

# The library of standard reasons (rules.md 四); a reviewer picks one and may add words of their own.
STANDARD_REASONS: dict[str, str] = {
    "higher_law": "上位法已有规定",
    "conflicts_higher_law": "与上位法规定不一致",
    "beyond_authority": "超出本机关职权范围",
    "already_covered": "草案已有规定或已作说明",
    "not_workable": "不具备可操作性",
    "study_separately": "将另行研究",
    "out_of_scope": "不属于本次征求意见范围",
}
MAX_REASON_CHARS = 2000


def reason_text(standard_reason: str, reason: str) -> str:
    """The reason as published: the standard reason's words, then the reviewer's own."""
    return "：".join(part for part in (STANDARD_REASONS.get(standard_reason, ""), reason) if part)


@dataclass(frozen=True)
class Subject:
    group_id: int | None = None
    comment_id: int | None = None


def _reason_text(outcome: str, reason: str, standard_reason: str) -> str:
    if standard_reason and standard_reason not in STANDARD_REASONS:
        raise InvalidInput("标准理由无效", code="STANDARD_REASON_INVALID")
    text = reason.strip()
    if len(text) > MAX_REASON_CHARS:
        raise InvalidInput(f"理由不能超过{MAX_REASON_CHARS}字", code="REASON_TOO_LONG")
    if outcome in OUTCOMES_NEEDING_REASON and not (text or standard_reason):
        raise InvalidInput("「部分采纳」和「不予采纳」必须说明理由", code="REASON_REQUIRED")
    return text


MAX_SUBJECTS = 1000  # per request: the long tail of single-comment topics is decided in pages


async def set_disposition(
    session: AsyncSession,
    *,
    principal: Principal | None,
    subject: Subject,
    outcome: str,
    reason: str = "",
    standard_reason: str = "",
    revised_article_id: int | None = None,
    revised_after: str = "",
) -> Disposition:
    """Propose a disposition; it replaces (supersedes) the subject's earlier one until approved."""
    [disposition] = await set_dispositions(
        session,
        principal=principal,
        subjects=[subject],
        outcome=outcome,
        reason=reason,
        standard_reason=standard_reason,
        revised_article_id=revised_article_id,
        revised_after=revised_after,
    )
    return disposition


async def set_dispositions(
    session: AsyncSession,
    *,
    principal: Principal | None,
    subjects: Sequence[Subject],
    outcome: str,
    reason: str = "",
    standard_reason: str = "",
    revised_article_id: int | None = None,
    revised_after: str = "",
) -> list[Disposition]:
    """Propose the same disposition for several subjects of one consultation (e.g. the remaining
    single-comment topics of an article), each superseding its subject's earlier one. Set-based: a
    few statements and one audit event per call, whatever the number of subjects."""
    permissions.ensure_able(principal, "propose_disposition")
    subjects = list(dict.fromkeys(subjects))
    if not 1 <= len(subjects) <= MAX_SUBJECTS:
        raise InvalidInput(f"一次可处理1到{MAX_SUBJECTS}个分组或意见", code="SUBJECT_COUNT_INVALID")
    consultation_id = await _consultation_of_all(session, subjects)
    consultation, path = await service.get_for_update(session, consultation_id)
    principal = permissions.ensure(principal, "propose_disposition", path)
    if consultation.status != Status.REVIEWING:
        raise InvalidTransition("只有在意见处理阶段才能提出处理意见", code="NOT_REVIEWING")
    if outcome not in set(Outcome):
        raise InvalidInput("处理结果无效", code="OUTCOME_INVALID")
    text = _reason_text(outcome, reason, standard_reason)
    revised_before = ""
    if revised_article_id is not None:
        article = await session.get(Article, revised_article_id)
        if article is None or article.draft_version_id != consultation.current_version_id:
            raise InvalidInput("修改的条款不属于本次征求意见稿", code="ARTICLE_INVALID")
        if not revised_after.strip():
            raise InvalidInput("请填写修改后的条文", code="REVISED_TEXT_REQUIRED")
        revised_before = article.body
    await service.touch_review(session, consultation.id)
    await _supersede(session, subjects)
    common = {
        "consultation_id": consultation.id,
        "outcome": outcome,
        "reason": text,
        "standard_reason": standard_reason,
        "revised_article_id": revised_article_id,
        "revised_before": revised_before,
        "revised_after": revised_after.strip() if revised_article_id else "",
        "status": DispositionStatus.PROPOSED,
        "proposed_by": principal.user_id,
        "proposed_at": utcnow(),
    }
    ids = (
        await session.scalars(
            insert(Disposition).returning(Disposition.id),
            [{**common, "group_id": s.group_id, "comment_id": s.comment_id} for s in subjects],
        )
    ).all()
    proposed = list(
        (
            await session.scalars(select(Disposition).where(Disposition.id.in_(ids)).order_by(Disposition.id))
        ).all()
    )
    await _audit(session, principal, "proposed", consultation.id, proposed)
    return proposed


async def _consultation_of_all(session: AsyncSession, subjects: Sequence[Subject]) -> int:
    """The one consultation the subjects belong to (two queries, whatever their number)."""
    if any((s.group_id is None) == (s.comment_id is None) for s in subjects):
        raise InvalidInput("请指定一个意见分组或一条意见（二选一）", code="SUBJECT_REQUIRED")
    group_ids = [s.group_id for s in subjects if s.group_id is not None]
    comment_ids = [s.comment_id for s in subjects if s.comment_id is not None]
    consultation_ids: set[int] = set()
    if group_ids:
        groups = (
            await session.execute(
                select(OpinionGroup.id, OpinionGroup.consultation_id, OpinionGroup.kind).where(
                    OpinionGroup.id.in_(group_ids), OpinionGroup.retired_at.is_(None)
                )
            )
        ).all()
        if len(groups) != len(group_ids):
            raise NotFound("意见分组不存在或已被合并", code="GROUP_NOT_FOUND")
        if any(kind != GroupKind.TOPIC for _, _, kind in groups):
            raise InvalidInput(
                "处理意见针对主题分组；相同意见组随其代表意见所在主题处理", code="GROUP_NOT_TOPIC"
            )
        consultation_ids.update(consultation_id for _, consultation_id, _ in groups)
    if comment_ids:
        found = (
            await session.execute(
                select(Comment.id, Comment.consultation_id).where(Comment.id.in_(comment_ids))
            )
        ).all()
        if len(found) != len(comment_ids):
            raise NotFound("意见不存在", code="COMMENT_NOT_FOUND")
        consultation_ids.update(consultation_id for _, consultation_id in found)
    if len(consultation_ids) != 1:
        raise InvalidInput("一次只能处理同一项目的意见", code="MIXED_CONSULTATIONS")
    return consultation_ids.pop()


async def _supersede(session: AsyncSession, subjects: Sequence[Subject]) -> None:
    for column, ids in (
        (Disposition.group_id, [s.group_id for s in subjects if s.group_id is not None]),
        (Disposition.comment_id, [s.comment_id for s in subjects if s.comment_id is not None]),
    ):
        if ids:
            await session.execute(
                update(Disposition)
                .where(column.in_(ids), Disposition.status != DispositionStatus.SUPERSEDED)
                .values(status=DispositionStatus.SUPERSEDED)
            )


async def _audit(
    session: AsyncSession,
    principal: Principal,
    action: str,
    consultation_id: int,
    rows: Sequence[Disposition],
) -> None:
    """One event per call: the decision once, and which rows (subjects) it was made for."""
    first = rows[0]
    await audit.record(
        session,
        actor=principal.actor,
        action=f"disposition.{action}",
        subject_type="consultation",
        subject_id=consultation_id,
        after={
            "dispositions": [[row.id, row.group_id, row.comment_id] for row in rows],
            "outcome": first.outcome if len({row.outcome for row in rows}) == 1 else None,
            "reason": first.reason if len({row.reason for row in rows}) == 1 else None,
            "standard_reason": first.standard_reason
            if len({row.standard_reason for row in rows}) == 1
            else None,
        },
    )


async def approve_dispositions(
    session: AsyncSession, *, principal: Principal | None, disposition_ids: Sequence[int]
) -> list[Disposition]:
    """Approve proposed dispositions; the approver cannot be the reviewer who proposed one (four eyes)."""
    permissions.ensure_able(principal, "approve_disposition")
    if not disposition_ids:
        raise InvalidInput("请选择要批准的处理意见", code="NOTHING_TO_APPROVE")
    rows = (
        await session.scalars(
            select(Disposition).where(Disposition.id.in_(set(disposition_ids))).with_for_update()
        )
    ).all()
    if len(rows) != len(set(disposition_ids)):
        raise NotFound("处理意见不存在", code="DISPOSITION_NOT_FOUND")
    consultation_ids = {row.consultation_id for row in rows}
    if len(consultation_ids) != 1:
        raise InvalidInput("一次只能批准同一项目的处理意见", code="MIXED_CONSULTATIONS")
    consultation, path = await service.get_for_update(session, consultation_ids.pop())
    principal = permissions.ensure(principal, "approve_disposition", path)
    if consultation.status != Status.REVIEWING:
        raise InvalidTransition("只有在意见处理阶段才能批准处理意见", code="NOT_REVIEWING")
    now = utcnow()
    await service.touch_review(session, consultation.id)
    for row in rows:
        if row.status != DispositionStatus.PROPOSED:
            raise InvalidTransition("该处理意见已批准或已被新的处理意见取代", code="DISPOSITION_NOT_PROPOSED")
        if row.proposed_by == principal.user_id:
            raise PermissionDenied("提出处理意见的人不能自己批准", code="SAME_PERSON")
        row.status, row.approved_by, row.approved_at = DispositionStatus.APPROVED, principal.user_id, now
    await _audit(session, principal, "approved", consultation.id, rows)
    return list(rows)


def join_effective_dispositions(query: Select[*tuple[Any, ...]]) -> tuple[Select[Any], Any, Any]:
    """Outer-join each comment's approved override and its topic's approved disposition; the override
    wins where both exist."""
    override = aliased(Disposition, name="override")
    topical = aliased(Disposition, name="topical")
    query = query.outerjoin(
        override, and_(override.comment_id == Comment.id, override.status == DispositionStatus.APPROVED)
    ).outerjoin(
        topical, and_(topical.group_id == Comment.topic_id, topical.status == DispositionStatus.APPROVED)
    )
    return query, override, topical


async def undecided_count(session: AsyncSession, consultation_id: int) -> int:
    """How many comments still lack an approved disposition (through their topic or their own)."""
    query, override, topical = join_effective_dispositions(
        select(func.count(Comment.id)).where(Comment.consultation_id == consultation_id)
    )
    return await session.scalar(query.where(override.id.is_(None), topical.id.is_(None))) or 0


@dataclass(frozen=True)
class PublishedOutcome:
    group_title: str
    outcome: str
    reason: str


async def published_outcomes(
    session: AsyncSession, comment_ids: Sequence[int]
) -> dict[int, PublishedOutcome]:
    """What was decided about each comment (its group, disposition and reason), for comments whose
    consultation has a published statement; other comments are left out."""
    query, override, topical = join_effective_dispositions(
        select(Comment.id, OpinionGroup.title)
        .outerjoin(OpinionGroup, OpinionGroup.id == Comment.topic_id)
        .join(
            Statement,
            (Statement.consultation_id == Comment.consultation_id) & (Statement.status == "published"),
        )
        .where(Comment.id.in_(comment_ids))
        .distinct()
    )
    query = query.add_columns(
        func.coalesce(override.outcome, topical.outcome),
        func.coalesce(override.standard_reason, topical.standard_reason),
        func.coalesce(override.reason, topical.reason),
    )
    return {
        comment_id: PublishedOutcome(
            group_title=title or "",
            outcome=outcome,
            reason=reason_text(standard or "", reason or ""),
        )
        for comment_id, title, outcome, standard, reason in (await session.execute(query)).all()
        if outcome
    }
