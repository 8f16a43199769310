"""The decision (rules F1): publish the adopted text and the decision documents, and show what changed
from the consulted draft, article by article, with the dispositions (and so the comments) behind it."""

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api.accounts.permissions import Principal
from api.errors import InvalidInput
from consultations import permissions, service
from consultations.models import (
    Article,
    Consultation,
    Decision,
    Disposition,
    DispositionStatus,
    OpinionGroup,
    Outcome,
)
from consultations.text_rules import clean_text

MAX_DOCUMENTS = 20


@dataclass(frozen=True)
class DecisionDocument:
    title: str
    url: str


def _documents(documents: list[DecisionDocument]) -> list[dict[str, str]]:
    if len(documents) > MAX_DOCUMENTS:
        raise InvalidInput(f"决策文件最多{MAX_DOCUMENTS}个", code="TOO_MANY_DOCUMENTS")
    result = []
    for document in documents:
        url = document.url.strip()
        if url and not url.startswith(("https://", "http://")):
            raise InvalidInput("文件链接须以 http:// 或 https:// 开头", code="URL_INVALID")
        result.append(
            {
                "title": clean_text(document.title, min_chars=1, max_chars=300, what="文件名称"),
                "url": url[:500],
            }
        )
    return result


async def publish_decision(
    session: AsyncSession,
    *,
    principal: Principal | None,
    consultation_id: int,
    adopted_text: str,
    decided_on: date,
    summary: str = "",
    documents: list[DecisionDocument] | None = None,
) -> Decision:
    """Record the decision with its adopted text; the consultation becomes `decided`."""
    permissions.ensure_able(principal, "publish_decision")
    consultation, path = await service.get_for_update(session, consultation_id)
    principal = permissions.ensure(principal, "publish_decision", path)
    before, _ = service.transition(consultation, "decide")
    if consultation.opens_at and decided_on < consultation.opens_at.date():
        raise InvalidInput("决策日期不能早于征求意见开始日期", code="DECIDED_ON_INVALID")
    version, articles = await service.add_draft_version(
        session,
        consultation,
        text=adopted_text,
        source="decision",
        note="通过的文本",
        created_by=principal.user_id,
    )
    decision = Decision(
        consultation_id=consultation.id,
        final_version_id=version.id,
        decided_on=decided_on,
        summary=clean_text(summary, min_chars=0, max_chars=5000, what="决策说明"),
        documents=_documents(documents or []),
        published_by=principal.user_id,
    )
    session.add(decision)
    await session.flush()
    await service.audit_event(
        session,
        principal.actor,
        "decided",
        consultation,
        before={"status": before},
        decided_on=decided_on.isoformat(),
        final_version=version.number,
        articles=articles,
        documents=decision.documents,
    )
    return decision


@dataclass
class ArticleChange:
    label: str
    change: str  # unchanged, modified, added, removed
    before: str
    after: str
    disposition_ids: list[int] = field(default_factory=list)
    group_titles: list[str] = field(default_factory=list)


async def article_changes(
    session: AsyncSession, consultation: Consultation, decision: Decision
) -> list[ArticleChange]:
    """The consulted draft against the adopted text, matched by article label, each change linked to the
    approved dispositions that adopted comments on that article or revised it."""
    consulted = await _articles(session, consultation.current_version_id)
    adopted = await _articles(session, decision.final_version_id)
    links = await _adopting_dispositions(session, consultation.id)
    by_label = {a.label: a for a in adopted}
    changes = []
    for article in consulted:
        final = by_label.pop(article.label, None)
        after = final.body if final else ""
        kind = "removed" if final is None else ("unchanged" if final.body == article.body else "modified")
        linked = links.get(article.id, []) if kind != "unchanged" else []
        changes.append(
            ArticleChange(
                label=article.label,
                change=kind,
                before=article.body,
                after=after,
                disposition_ids=[d for d, _ in linked],
                group_titles=sorted({t for _, t in linked if t}),
            )
        )
    changes.extend(
        ArticleChange(label=a.label, change="added", before="", after=a.body) for a in by_label.values()
    )
    return changes


async def _articles(session: AsyncSession, version_id: int | None) -> list[Article]:
    return list(
        (
            await session.scalars(
                select(Article).where(Article.draft_version_id == version_id).order_by(Article.position)
            )
        ).all()
    )


async def _adopting_dispositions(
    session: AsyncSession, consultation_id: int
) -> dict[int, list[tuple[int, str]]]:
    """Article id -> (disposition id, group title) of approved 采纳/部分采纳 dispositions about it."""
    rows = (
        await session.execute(
            select(
                Disposition.id, Disposition.revised_article_id, OpinionGroup.article_id, OpinionGroup.title
            )
            .outerjoin(OpinionGroup, OpinionGroup.id == Disposition.group_id)
            .where(
                Disposition.consultation_id == consultation_id,
                Disposition.status == DispositionStatus.APPROVED,
                Disposition.outcome.in_([Outcome.ADOPTED, Outcome.PARTLY_ADOPTED]),
            )
            .order_by(Disposition.id)
        )
    ).all()
    links: dict[int, list[tuple[int, str]]] = {}
    for disposition_id, revised_article_id, group_article_id, title in rows:
        article_id = revised_article_id or group_article_id
        if article_id is not None:
            links.setdefault(article_id, []).append((disposition_id, title or ""))
    return links


async def get_decision(session: AsyncSession, consultation_id: int) -> Decision | None:
    return await session.scalar(select(Decision).where(Decision.consultation_id == consultation_id))
