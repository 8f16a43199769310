"""GraphQL types and operations of the consultation domain. Resolvers parse, call the service, shape."""

import base64
import binascii
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any

import strawberry
from sqlalchemy import func, or_, select
from strawberry.types import Info

from api import audit
from api.accounts.models import Unit
from api.accounts.permissions import require_user
from api.context import Context, parse_id
from api.errors import InvalidInput
from api.observability import COMMENTS_RECEIVED
from api.pagination import Connection, connection, decode_cursor, page_size
from api.settings import Settings
from consultations import comments, dispositions, permissions, service
from consultations.deadlines import minimum_period
from consultations.dispositions import PublishedOutcome
from consultations.models import (
    KIND_LABELS,
    Article,
    Channel,
    Comment,
    Consultation,
    Disclosure,
    DraftVersion,
    Kind,
    Moderation,
    Outcome,
    Review,
    ReviewKind,
    Status,
    SubmitterType,
    public_filter,
)
from consultations.search import comment_matches
from consultations.statement.labels import outcome_label
from consultations.text_rules import load_sensitive_words

ContextInfo = Info[Context, None]

# Registering the domain enums with strawberry lets the annotations below use them directly.
strawberry.enum(Kind, name="ConsultationKind")
strawberry.enum(Status, name="ConsultationStatus")
strawberry.enum(Disclosure, name="Disclosure")
strawberry.enum(ReviewKind, name="ReviewKind")
strawberry.enum(Channel, name="CommentChannel")
strawberry.enum(SubmitterType, name="SubmitterType")
strawberry.enum(Moderation, name="Moderation")


@strawberry.enum
class ModerationAction(StrEnum):
    HIDE = "hide"
    RESTORE = "restore"
    CLEAR_FLAG = "clear_flag"


def comment_limits(settings: Settings) -> comments.CommentLimits:
    return comments.CommentLimits(
        min_chars=settings.comment_min_chars,
        max_chars=settings.comment_max_chars,
        rate_limit=settings.comment_rate_limit,
        rate_window_seconds=settings.comment_rate_window_seconds,
        ip_rate_limit=settings.comment_ip_rate_limit,
        burst_threshold=settings.comment_burst_threshold,
        burst_window_seconds=settings.comment_burst_window_seconds,
    )


@strawberry.type(name="CommentLimits")
class CommentLimitsType:
    min_chars: int
    max_chars: int
    per_window: int = strawberry.field(description="Comments one citizen may submit per window")
    window_minutes: int


def gql_id(value: int) -> strawberry.ID:
    return strawberry.ID(str(value))


# --- loaders: one query per batch, each batch with its own session ---------------------------------


def _articles_loader(info: ContextInfo) -> Any:
    ctx = info.context

    async def load(version_ids: list[int]) -> list[list[Article]]:
        async with ctx.session() as session:
            rows = await session.scalars(
                select(Article).where(Article.draft_version_id.in_(version_ids)).order_by(Article.position)
            )
            by_version: dict[int, list[Article]] = {v: [] for v in version_ids}
            for article in rows:
                by_version[article.draft_version_id].append(article)
        return [by_version[v] for v in version_ids]

    return ctx.loader("articles_by_version", load)


def rows_by_id_loader(info: ContextInfo, model: Any) -> Any:
    ctx = info.context

    async def load(ids: list[int]) -> list[Any]:
        async with ctx.session() as session:
            rows = {row.id: row for row in await session.scalars(select(model).where(model.id.in_(ids)))}
        return [rows.get(i) for i in ids]

    return ctx.loader(f"{model.__tablename__}_by_id", load)


def _comment_history_loader(info: ContextInfo) -> Any:
    ctx = info.context

    async def load(comment_ids: list[str]) -> list[list[audit.AuditEvent]]:
        async with ctx.session() as session:
            rows = await session.scalars(
                select(audit.AuditEvent)
                .where(
                    audit.AuditEvent.subject_type == "comment", audit.AuditEvent.subject_id.in_(comment_ids)
                )
                .order_by(audit.AuditEvent.seq.desc())
            )
            by_comment: dict[str, list[audit.AuditEvent]] = {i: [] for i in comment_ids}
            for event in rows:
                by_comment[event.subject_id].append(event)
        return [by_comment[i] for i in comment_ids]

    return ctx.loader("comment_history", load)


def _comment_counts_loader(info: ContextInfo) -> Any:
    ctx = info.context

    async def load(consultation_ids: list[int]) -> list[int]:
        async with ctx.session() as session:
            rows = await session.execute(
                select(Comment.consultation_id, func.count(Comment.id))
                .where(Comment.consultation_id.in_(consultation_ids))
                .group_by(Comment.consultation_id)
            )
            counts = {consultation_id: count for consultation_id, count in rows.all()}
        return [counts.get(i, 0) for i in consultation_ids]

    return ctx.loader("comment_counts", load)


# --- types ------------------------------------------------------------------------------------------


@strawberry.type(name="Article")
class ArticleType:
    id: strawberry.ID
    position: int
    label: str
    heading: str
    body: str

    @classmethod
    def from_row(cls, article: Article) -> "ArticleType":
        return cls(
            id=gql_id(article.id),
            position=article.position,
            label=article.label,
            heading=article.heading,
            body=article.body,
        )


@strawberry.type(name="DraftVersion")
class DraftVersionType:
    id: strawberry.ID
    number: int
    preamble: str
    structure: str
    source: str
    created_at: datetime

    @strawberry.field
    async def articles(self, info: ContextInfo) -> list[ArticleType]:
        rows = await _articles_loader(info).load(int(self.id))
        return [ArticleType.from_row(a) for a in rows]

    @classmethod
    def from_row(cls, version: DraftVersion) -> "DraftVersionType":
        return cls(
            id=gql_id(version.id),
            number=version.number,
            preamble=version.preamble,
            structure=version.structure,
            source=version.source,
            created_at=version.created_at,
        )


@strawberry.type(name="Review")
class ReviewType:
    id: strawberry.ID
    draft_version_id: strawberry.ID
    kind: ReviewKind
    reviewer: str
    reviewed_on: date
    passed: bool
    notes: str
    recorded_at: datetime

    @classmethod
    def from_row(cls, review: Review) -> "ReviewType":
        return cls(
            id=gql_id(review.id),
            draft_version_id=gql_id(review.draft_version_id),
            kind=ReviewKind(review.kind),
            reviewer=review.reviewer,
            reviewed_on=review.reviewed_on,
            passed=review.passed,
            notes=review.notes,
            recorded_at=review.recorded_at,
        )


@strawberry.type
class PublicationChannel:
    channel: str = strawberry.field(description="e.g. 政府门户网站, 政务新媒体, 报纸")
    url: str
    published_on: date | None


@strawberry.type
class AuditEntry:
    seq: int
    occurred_at: datetime
    actor: str
    action: str
    before: strawberry.scalars.JSON | None
    after: strawberry.scalars.JSON | None

    @classmethod
    def from_row(cls, event: audit.AuditEvent) -> "AuditEntry":
        return cls(
            seq=event.seq,
            occurred_at=event.occurred_at,
            actor=event.actor_label,
            action=event.action,
            before=event.before,
            after=event.after,
        )


@strawberry.type(
    name="Comment", description="A comment as staff see it (includes offline submitter details)."
)
class CommentType:
    id: strawberry.ID
    receipt_code: str
    channel: Channel
    body: str
    article_id: strawberry.ID | None
    draft_version_id: strawberry.ID
    author_id: strawberry.ID | None = strawberry.field(
        description="The citizen account of an online comment (counts distinct submitters); null offline."
    )
    submitter_type: SubmitterType
    submitter_name: str
    submitter_contact: str
    postmarked_on: date | None
    received_on: date | None
    submitted_at: datetime
    is_late: bool
    moderation: Moderation
    moderation_reason: str
    flagged_terms: list[str]

    @strawberry.field(description="Audit events of this comment (offline record, moderation), newest first.")
    async def history(self, info: ContextInfo) -> list[AuditEntry]:
        events = await _comment_history_loader(info).load(str(self.id))
        return [AuditEntry.from_row(e) for e in events]

    @strawberry.field
    async def article(self, info: ContextInfo) -> ArticleType | None:
        if self.article_id is None:
            return None
        article = await rows_by_id_loader(info, Article).load(int(self.article_id))
        return ArticleType.from_row(article) if article else None

    @classmethod
    def from_row(cls, c: Comment) -> "CommentType":
        return cls(
            id=gql_id(c.id),
            receipt_code=c.receipt_code,
            channel=Channel(c.channel),
            body=c.body,
            article_id=gql_id(c.article_id) if c.article_id else None,
            draft_version_id=gql_id(c.draft_version_id),
            author_id=gql_id(c.author_id) if c.author_id else None,
            submitter_type=SubmitterType(c.submitter_type),
            submitter_name=c.submitter_name,
            submitter_contact=c.submitter_contact,
            postmarked_on=c.postmarked_on,
            received_on=c.received_on,
            submitted_at=c.submitted_at,
            is_late=c.is_late,
            moderation=Moderation(c.moderation),
            moderation_reason=c.moderation_reason,
            flagged_terms=list(c.flagged_terms or []),
        )


@strawberry.type(description="One rule publishing checks, as it stands now.")
class PublishCheck:
    code: str = strawberry.field(
        description="PUBLISH_ROLE, STATUS, DISCLOSURE, DRAFT, LEGALITY_REVIEW, SECRECY_REVIEW, "
        "CLOSING_DATE, PERIOD or SHORTENED_APPROVER"
    )
    label: str = strawberry.field(description="The rule, in Chinese.")
    passed: bool
    message: str = strawberry.field(description="The error publishing would give while it fails; else empty.")
    error_code: str | None = strawberry.field(description="That error's code (e.g. PERIOD_TOO_SHORT).")
    detail: str = strawberry.field(description="What was found (the review on record, the closing date…).")


@strawberry.type(
    description="What publishConsultation would decide now, rule by rule, computed by the same code."
)
class PublishChecks:
    ready: bool = strawberry.field(description="True when publishing with these values would succeed.")
    opening_date: date
    minimum_closing_date: date = strawberry.field(description="The earliest closing date without a reason.")
    closing_date: date = strawberry.field(description="The closing date these checks assumed.")
    shortened: bool
    checks: list[PublishCheck]

    @classmethod
    def from_evaluation(cls, evaluation: service.PublishEvaluation) -> "PublishChecks":
        return cls(
            ready=evaluation.ready,
            opening_date=evaluation.opening_date,
            minimum_closing_date=evaluation.minimum_closing_date,
            closing_date=evaluation.closing_date,
            shortened=evaluation.shortened,
            checks=[
                PublishCheck(
                    code=check.code,
                    label=check.label,
                    passed=check.passed,
                    message=check.error.message if check.error else "",
                    error_code=check.error.code if check.error else None,
                    detail=check.detail,
                )
                for check in evaluation.checks
            ],
        )


@strawberry.type(name="Consultation")
class ConsultationType:
    id: strawberry.ID
    title: str
    kind: Kind
    kind_label: str
    status: Status
    status_label: str
    summary: str
    explanation: str = strawberry.field(description="起草说明")
    basis: str = strawberry.field(description="决策依据")
    offline_channels: str
    business_related: bool
    disclosure: Disclosure
    disclosure_reason: str
    unit_id: strawberry.ID
    opens_at: datetime | None
    closes_at: datetime | None
    closing_date: date | None = strawberry.field(description="截止日（当日24时截止）")
    minimum_period: str = strawberry.field(description="该类文件的法定最短征求意见期限")
    shortened_reason: str = strawberry.field(description="缩短期限的理由（在公告中显示）")
    publication_channels: list[PublicationChannel]
    published_at: datetime | None
    closed_at: datetime | None
    withdrawn_reason: str
    accepting_comments: bool
    current_version_id: strawberry.ID | None

    @strawberry.field
    async def unit(self, info: ContextInfo) -> str:
        unit = await rows_by_id_loader(info, Unit).load(int(self.unit_id))
        return unit.name if unit else ""

    @strawberry.field(description="The draft as it stands now.")
    async def draft(self, info: ContextInfo) -> DraftVersionType | None:
        if self.current_version_id is None:
            return None
        version = await rows_by_id_loader(info, DraftVersion).load(int(self.current_version_id))
        return DraftVersionType.from_row(version) if version else None

    @strawberry.field(
        description="Every draft version, oldest first; earlier comments stay pinned to theirs."
    )
    async def draft_versions(self, info: ContextInfo) -> list[DraftVersionType]:
        async with info.context.session() as session:
            rows = await session.scalars(
                select(DraftVersion)
                .where(DraftVersion.consultation_id == int(self.id))
                .order_by(DraftVersion.number)
            )
            return [DraftVersionType.from_row(v) for v in rows]

    @strawberry.field(description="How many comments were received (all channels).")
    async def comment_count(self, info: ContextInfo) -> int:
        return await _comment_counts_loader(info).load(int(self.id))

    @strawberry.field(description="What an online comment must respect here: its length and the rate limit.")
    def comment_limits(self, info: ContextInfo) -> CommentLimitsType:
        limits = comment_limits(info.context.settings)
        return CommentLimitsType(
            min_chars=limits.min_chars,
            max_chars=limits.max_chars,
            per_window=limits.rate_limit,
            window_minutes=limits.rate_window_seconds // 60,
        )

    @strawberry.field(description="Legality and secrecy reviews (staff of the unit).")
    async def reviews(self, info: ContextInfo) -> list[ReviewType] | None:
        await self._require_internal(info)
        async with info.context.session() as session:
            rows = await session.scalars(
                select(Review).where(Review.consultation_id == int(self.id)).order_by(Review.id)
            )
            return [ReviewType.from_row(r) for r in rows]

    @strawberry.field(description="Comments, newest first (staff of the unit).")
    async def comments(
        self,
        info: ContextInfo,
        first: int = 20,
        after: str | None = None,
        moderation: Moderation | None = None,
        article_id: strawberry.ID | None = None,
        search: Annotated[
            str | None, strawberry.argument(description="Words the comment must contain.")
        ] = None,
    ) -> Connection[CommentType] | None:
        await self._require_internal(info)
        first = page_size(first)
        filters = [Comment.consultation_id == int(self.id)]
        if moderation is not None:
            filters.append(Comment.moderation == moderation.value)
        if article_id is not None:
            filters.append(Comment.article_id == parse_id(article_id, "条款编号"))
        cursor = decode_cursor(after)
        async with info.context.session() as session:
            if search is not None:
                filters.append(comment_matches(search, session.get_bind().dialect.name))
            total = await session.scalar(select(func.count(Comment.id)).where(*filters)) or 0
            page_filters = [*filters, Comment.id < cursor] if cursor else filters
            rows = list(
                await session.scalars(
                    select(Comment).where(*page_filters).order_by(Comment.id.desc()).limit(first + 1)
                )
            )
        return connection(rows, first, row_id=lambda c: c.id, node=CommentType.from_row, total_count=total)

    @strawberry.field(description="The consultation's audit trail, newest first (staff of the unit).")
    async def audit_trail(self, info: ContextInfo, first: int = 100) -> list[AuditEntry] | None:
        await self._require_internal(info)
        async with info.context.session() as session:
            events = await audit.events_for(
                session, subject_type="consultation", subject_id=self.id, limit=page_size(first)
            )
        return [AuditEntry.from_row(e) for e in events]

    @strawberry.field(
        description="Staff of the unit: each rule publishConsultation checks, for the caller and the given "
        "closing date and reason (default: the legal minimum), with pass/fail and its Chinese message."
    )
    async def publish_checks(
        self, info: ContextInfo, closing_date: date | None = None, shortened_reason: str = ""
    ) -> PublishChecks | None:
        await self._require_internal(info)
        ctx = info.context
        principal = await ctx.principal()
        async with ctx.session() as session:
            consultation = await session.get_one(Consultation, int(self.id))
            path = await service.unit_path(session, consultation.unit_id)
            evaluation = await service.evaluate_publication(
                session,
                consultation,
                path,
                principal=principal,
                closing_date=closing_date,
                shortened_reason=shortened_reason,
                calendar=service.holiday_calendar(ctx.settings.calendar_file),
                tz=ctx.settings.timezone,
            )
        return PublishChecks.from_evaluation(evaluation)

    async def _require_internal(self, info: ContextInfo) -> None:
        async with info.context.session() as session:
            path = await service.unit_path(session, int(self.unit_id))
        permissions.ensure(await info.context.principal(), "read_internal", path)

    @classmethod
    def from_row(cls, c: Consultation) -> "ConsultationType":
        now = datetime.now(tz=c.closes_at.tzinfo) if c.closes_at else None
        return cls(
            id=gql_id(c.id),
            title=c.title,
            kind=Kind(c.kind),
            kind_label=KIND_LABELS[Kind(c.kind)],
            status=Status(c.status),
            status_label=service.STATUS_LABELS[Status(c.status)],
            summary=c.summary,
            explanation=c.explanation,
            basis=c.basis,
            offline_channels=c.offline_channels,
            business_related=c.business_related,
            disclosure=Disclosure(c.disclosure),
            disclosure_reason=c.disclosure_reason,
            unit_id=gql_id(c.unit_id),
            opens_at=c.opens_at,
            closes_at=c.closes_at,
            closing_date=c.closing_date,
            minimum_period=minimum_period(c.kind, business_related=c.business_related).describe(),
            shortened_reason=c.shortened_reason,
            publication_channels=[
                PublicationChannel(
                    channel=p["channel"],
                    url=p["url"],
                    published_on=date.fromisoformat(p["published_on"]) if p.get("published_on") else None,
                )
                for p in c.publication_channels or []
            ],
            published_at=c.published_at,
            closed_at=c.closed_at,
            withdrawn_reason=c.withdrawn_reason,
            accepting_comments=bool(
                c.status == Status.OPEN and c.closes_at and now and (c.opens_at or now) <= now < c.closes_at
            ),
            current_version_id=gql_id(c.current_version_id) if c.current_version_id else None,
        )


@strawberry.type(description="What was decided about a comment, once the adoption statement is published.")
class CommentOutcome:
    group_title: str
    disposition: Outcome
    reason: str

    @strawberry.field(description="采纳 / 部分采纳 / 不予采纳 / … (the deployment's labels)")
    async def disposition_label(self, info: ContextInfo) -> str:
        return outcome_label(self.disposition, info.context.settings.disposition_labels)


def _outcome(found: PublishedOutcome | None) -> CommentOutcome | None:
    if found is None:
        return None
    return CommentOutcome(
        group_title=found.group_title,
        disposition=Outcome(found.outcome),
        reason=found.reason,
    )


@strawberry.type(description="A citizen's own comment.")
class MyComment:
    receipt_code: str
    consultation_id: strawberry.ID
    consultation_title: str
    article_label: str | None
    body: str
    submitted_at: datetime
    status: str
    status_label: str
    outcome: CommentOutcome | None = strawberry.field(
        description="Its group, disposition and reason, once the statement is published."
    )

    @classmethod
    def from_row(
        cls,
        comment: Comment,
        consultation: Consultation,
        article_label: str | None,
        outcome: PublishedOutcome | None = None,
    ) -> "MyComment":
        status, status_label = _processing_status(consultation)
        return cls(
            receipt_code=comment.receipt_code,
            consultation_id=gql_id(consultation.id),
            consultation_title=consultation.title,
            article_label=article_label,
            body=comment.body,
            submitted_at=comment.submitted_at,
            status=status,
            status_label=status_label,
            outcome=_outcome(outcome),
        )


@strawberry.type(description="What anyone holding a receipt code may see about that one comment.")
class CommentReceipt:
    receipt_code: str
    consultation_id: strawberry.ID
    consultation_title: str
    article_label: str | None
    channel: Channel
    body: str
    submitted_at: datetime
    status: str
    status_label: str
    outcome: CommentOutcome | None = strawberry.field(
        description="Its group, disposition and reason, once the statement is published."
    )


@strawberry.type
class SubmittedComment:
    receipt_code: str
    submitted_at: datetime
    duplicate: bool = strawberry.field(description="True when this was a retry of an earlier submission.")


def _processing_status(consultation: Consultation) -> tuple[str, str]:
    """received → under_review once the window closes → decided when the statement is published."""
    if consultation.status == Status.OPEN:
        return "received", "已收到"
    if consultation.status == Status.WITHDRAWN:
        return "withdrawn", "征求意见已撤回"
    if consultation.status in (Status.STATEMENT_PUBLISHED, Status.DECIDED):
        return "decided", "已公布处理结果"
    return "under_review", "处理中"


# --- inputs -----------------------------------------------------------------------------------------


@strawberry.input
class CreateConsultationInput:
    unit_id: strawberry.ID
    title: str
    kind: Kind
    summary: str = ""
    explanation: str = ""
    basis: str = ""
    offline_channels: str = ""
    business_related: bool = False
    disclosure: Disclosure = Disclosure.PROACTIVE
    disclosure_reason: str = ""


@strawberry.input(description="The notice fields to change; omitted (null) fields stay as they are.")
class UpdateConsultationInput:
    title: str | None = None
    kind: Kind | None = None
    summary: str | None = None
    explanation: str | None = None
    basis: str | None = None
    offline_channels: str | None = None
    business_related: bool | None = None
    disclosure: Disclosure | None = None
    disclosure_reason: str | None = None

    def changes(self) -> dict[str, Any]:
        values = {name: getattr(self, name) for name in service.NOTICE_FIELDS}
        return {
            name: value.value if isinstance(value, StrEnum) else value
            for name, value in values.items()
            if value is not None
        }


@strawberry.input
class PublicationChannelInput:
    channel: str
    url: str = ""
    published_on: date | None = None


@strawberry.input
class OfflineCommentInput:
    consultation_id: strawberry.ID
    channel: Channel
    body: str
    article_id: strawberry.ID | None = None
    submitter_name: str = ""
    submitter_contact: str = ""
    submitter_type: SubmitterType = SubmitterType.INDIVIDUAL
    postmarked_on: date | None = None
    received_on: date | None = None
    idempotency_key: str | None = None


def _decode_docx(value: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as error:
        raise InvalidInput("docxBase64 不是有效的 Base64 编码", code="DRAFT_DOCX_INVALID") from error


# --- operations -------------------------------------------------------------------------------------


@strawberry.type
class ConsultationQuery:
    @strawberry.field(
        description="Consultations the caller may see, newest first; filter by status, unit, region."
    )
    async def consultations(
        self,
        info: ContextInfo,
        first: int = 20,
        after: str | None = None,
        status: Status | None = None,
        unit_id: strawberry.ID | None = None,
        region_code: str | None = None,
    ) -> Connection[ConsultationType]:
        first = page_size(first)
        principal = await info.context.principal()
        query = select(Consultation).join(Unit, Unit.id == Consultation.unit_id)
        staff_paths = principal.unit_paths(permissions.ACTION_ROLES["read_internal"]) if principal else []
        query = query.where(
            or_(
                public_filter(),
                *(Unit.path.startswith(path) for path in staff_paths),
            )
        )
        if status is not None:
            query = query.where(Consultation.status == status.value)
        async with info.context.session() as session:
            if unit_id is not None:
                path = await service.unit_path(session, parse_id(unit_id, "单位编号"))
                query = query.where(Unit.path.startswith(path))
            if region_code:
                query = query.where(Unit.region_code.startswith(region_code.strip()))
            cursor = decode_cursor(after)
            if cursor:
                query = query.where(Consultation.id < cursor)
            rows = list(await session.scalars(query.order_by(Consultation.id.desc()).limit(first + 1)))
        return connection(rows, first, row_id=lambda c: c.id, node=ConsultationType.from_row)

    @strawberry.field(
        description="One consultation, or null if it does not exist or is not visible to the caller."
    )
    async def consultation(self, info: ContextInfo, id: strawberry.ID) -> ConsultationType | None:
        principal = await info.context.principal()
        async with info.context.session() as session:
            found = await service.get_visible(session, principal=principal, consultation_id=parse_id(id))
        return ConsultationType.from_row(found) if found else None

    @strawberry.field(description="The signed-in citizen's comments, newest first.")
    async def my_comments(
        self, info: ContextInfo, first: int = 20, after: str | None = None
    ) -> Connection[MyComment]:
        principal = require_user(await info.context.principal())
        first = page_size(first)
        query = (
            select(Comment, Consultation, Article.label)
            .join(Consultation, Consultation.id == Comment.consultation_id)
            .outerjoin(Article, Article.id == Comment.article_id)
            .where(Comment.author_id == principal.user_id)
        )
        if cursor := decode_cursor(after):
            query = query.where(Comment.id < cursor)
        async with info.context.session() as session:
            rows = (await session.execute(query.order_by(Comment.id.desc()).limit(first + 1))).all()
            outcomes = await dispositions.published_outcomes(session, [row[0].id for row in rows])
        return connection(
            rows,
            first,
            row_id=lambda row: row[0].id,
            node=lambda row: MyComment.from_row(row[0], row[1], row[2], outcomes.get(row[0].id)),
        )

    @strawberry.field(description="Look up one comment by its receipt code (no sign-in needed).")
    async def comment_receipt(self, info: ContextInfo, code: str) -> CommentReceipt | None:
        async with info.context.session() as session:
            comment = await comments.get_by_receipt(session, code=code)
            if comment is None:
                return None
            consultation = await session.get_one(Consultation, comment.consultation_id)
            label = (
                await session.scalar(select(Article.label).where(Article.id == comment.article_id))
                if comment.article_id
                else None
            )
            outcome = (await dispositions.published_outcomes(session, [comment.id])).get(comment.id)
        status, status_label = _processing_status(consultation)
        return CommentReceipt(
            receipt_code=comment.receipt_code,
            consultation_id=gql_id(consultation.id),
            consultation_title=consultation.title,
            article_label=label,
            channel=Channel(comment.channel),
            body=comment.body,
            submitted_at=comment.submitted_at,
            status=status,
            status_label=status_label,
            outcome=_outcome(outcome),
        )


@strawberry.type
class ConsultationMutation:
    @strawberry.mutation(description="Create a consultation (drafter of the unit).")
    async def create_consultation(
        self, info: ContextInfo, input: CreateConsultationInput
    ) -> ConsultationType:
        principal = await info.context.acting_principal()
        consultation = await info.context.mutate(
            lambda s: service.create_consultation(
                s,
                principal=principal,
                unit_id=parse_id(input.unit_id, "单位编号"),
                title=input.title,
                kind=input.kind.value,
                summary=input.summary,
                explanation=input.explanation,
                basis=input.basis,
                offline_channels=input.offline_channels,
                business_related=input.business_related,
                disclosure=input.disclosure.value,
                disclosure_reason=input.disclosure_reason,
            )
        )
        return ConsultationType.from_row(consultation)

    @strawberry.mutation(
        description="Change the notice fields of a consultation in draft (drafter of the unit); "
        "validated as on creation."
    )
    async def update_consultation(
        self, info: ContextInfo, consultation_id: strawberry.ID, input: UpdateConsultationInput
    ) -> ConsultationType:
        principal = await info.context.acting_principal()
        consultation = await info.context.mutate(
            lambda s: service.update_consultation(
                s,
                principal=principal,
                consultation_id=parse_id(consultation_id),
                changes=input.changes(),
            )
        )
        return ConsultationType.from_row(consultation)

    @strawberry.mutation(description="Import the draft (pasted text, or a .docx as base64) as a new version.")
    async def import_draft(
        self,
        info: ContextInfo,
        consultation_id: strawberry.ID,
        text: str | None = None,
        docx_base64: str | None = None,
        filename: str = "",
        note: str = "",
    ) -> DraftVersionType:
        principal = await info.context.acting_principal()
        docx = _decode_docx(docx_base64) if docx_base64 is not None else None
        version = await info.context.mutate(
            lambda s: service.import_draft(
                s,
                principal=principal,
                consultation_id=parse_id(consultation_id),
                text=text,
                docx=docx,
                filename=filename,
                note=note,
            )
        )
        return DraftVersionType.from_row(version)

    @strawberry.mutation(description="Correct an article's number, heading or text before publication.")
    async def update_article(
        self,
        info: ContextInfo,
        article_id: strawberry.ID,
        label: str | None = None,
        heading: str | None = None,
        body: str | None = None,
    ) -> ArticleType:
        principal = await info.context.acting_principal()
        article = await info.context.mutate(
            lambda s: service.update_article(
                s,
                principal=principal,
                article_id=parse_id(article_id, "条款编号"),
                label=label,
                heading=heading,
                body=body,
            )
        )
        return ArticleType.from_row(article)

    @strawberry.mutation(description="Split an article in two at a character offset of its text.")
    async def split_article(
        self, info: ContextInfo, article_id: strawberry.ID, at: int, new_label: str
    ) -> list[ArticleType]:
        principal = await info.context.acting_principal()
        articles = await info.context.mutate(
            lambda s: service.split_article(
                s,
                principal=principal,
                article_id=parse_id(article_id, "条款编号"),
                at=at,
                new_label=new_label,
            )
        )
        return [ArticleType.from_row(a) for a in articles]

    @strawberry.mutation(description="Join an article with the next one.")
    async def merge_article_with_next(
        self, info: ContextInfo, article_id: strawberry.ID
    ) -> list[ArticleType]:
        principal = await info.context.acting_principal()
        articles = await info.context.mutate(
            lambda s: service.merge_article_with_next(
                s, principal=principal, article_id=parse_id(article_id, "条款编号")
            )
        )
        return [ArticleType.from_row(a) for a in articles]

    @strawberry.mutation(description="Send the draft to legality and secrecy review (draft → in_review).")
    async def submit_for_review(self, info: ContextInfo, consultation_id: strawberry.ID) -> ConsultationType:
        principal = await info.context.acting_principal()
        consultation = await info.context.mutate(
            lambda s: service.submit_for_review(
                s, principal=principal, consultation_id=parse_id(consultation_id)
            )
        )
        return ConsultationType.from_row(consultation)

    @strawberry.mutation(description="Take a draft back from review for rework (in_review → draft).")
    async def return_to_draft(
        self, info: ContextInfo, consultation_id: strawberry.ID, reason: str
    ) -> ConsultationType:
        principal = await info.context.acting_principal()
        consultation = await info.context.mutate(
            lambda s: service.return_to_draft(
                s, principal=principal, consultation_id=parse_id(consultation_id), reason=reason
            )
        )
        return ConsultationType.from_row(consultation)

    @strawberry.mutation(description="Record a legality (合法性审查) or secrecy (保密审查) review.")
    async def record_review(
        self,
        info: ContextInfo,
        consultation_id: strawberry.ID,
        kind: ReviewKind,
        reviewer: str,
        reviewed_on: date,
        passed: bool,
        notes: str = "",
    ) -> ReviewType:
        principal = await info.context.acting_principal()
        review = await info.context.mutate(
            lambda s: service.record_review(
                s,
                principal=principal,
                consultation_id=parse_id(consultation_id),
                kind=kind.value,
                reviewer=reviewer,
                reviewed_on=reviewed_on,
                passed=passed,
                notes=notes,
                tz=info.context.settings.timezone,
            )
        )
        return ReviewType.from_row(review)

    @strawberry.mutation(description="Open the comment window until 24:00 on the closing date.")
    async def publish_consultation(
        self,
        info: ContextInfo,
        consultation_id: strawberry.ID,
        closing_date: date | None = None,
        shortened_reason: str = "",
        channels: list[PublicationChannelInput] | None = None,
    ) -> ConsultationType:
        ctx = info.context
        principal = await ctx.acting_principal()
        consultation = await ctx.mutate(
            lambda s: service.publish_consultation(
                s,
                principal=principal,
                consultation_id=parse_id(consultation_id),
                closing_date=closing_date,
                shortened_reason=shortened_reason,
                channels=[
                    {"channel": c.channel, "url": c.url, "published_on": c.published_on}
                    for c in channels or []
                ],
                calendar=service.holiday_calendar(ctx.settings.calendar_file),
                tz=ctx.settings.timezone,
            )
        )
        return ConsultationType.from_row(consultation)

    @strawberry.mutation(
        description="Close the comment window (early closing needs an approver and a reason)."
    )
    async def close_consultation(
        self, info: ContextInfo, consultation_id: strawberry.ID, reason: str = ""
    ) -> ConsultationType:
        principal = await info.context.acting_principal()
        consultation = await info.context.mutate(
            lambda s: service.close_consultation(
                s, principal=principal, consultation_id=parse_id(consultation_id), reason=reason
            )
        )
        return ConsultationType.from_row(consultation)

    @strawberry.mutation(description="Withdraw a consultation with a reason; its comments are kept.")
    async def withdraw_consultation(
        self, info: ContextInfo, consultation_id: strawberry.ID, reason: str
    ) -> ConsultationType:
        principal = await info.context.acting_principal()
        consultation = await info.context.mutate(
            lambda s: service.withdraw_consultation(
                s, principal=principal, consultation_id=parse_id(consultation_id), reason=reason
            )
        )
        return ConsultationType.from_row(consultation)

    @strawberry.mutation(
        description="Comment on the whole draft or one article; the receipt code comes back after the "
        "commit. Send the same idempotencyKey when retrying to get the same receipt."
    )
    async def submit_comment(
        self,
        info: ContextInfo,
        consultation_id: strawberry.ID,
        body: str,
        article_id: strawberry.ID | None = None,
        idempotency_key: str | None = None,
    ) -> SubmittedComment:
        ctx = info.context
        principal = await ctx.acting_principal(single_statements=True)
        comment, created = await ctx.mutate(
            lambda s: comments.submit_comment(
                s,
                principal=principal,
                consultation_id=parse_id(consultation_id),
                body=body,
                article_id=parse_id(article_id, "条款编号") if article_id is not None else None,
                idempotency_key=idempotency_key,
                limiter=ctx.state.limiter,
                limits=comment_limits(ctx.settings),
                sensitive_words=load_sensitive_words(ctx.settings.sensitive_words_file),
                client_ip=ctx.client_ip,
            )
        )
        if created:
            COMMENTS_RECEIVED.labels(Channel.ONLINE.value).inc()
            await ctx.state.queue.enqueue("process_new_comments", job_id="process_new_comments")
            await ctx.state.queue.enqueue("deliver_notifications", job_id="deliver_notifications")
        return SubmittedComment(
            receipt_code=comment.receipt_code, submitted_at=comment.submitted_at, duplicate=not created
        )

    @strawberry.mutation(description="Record a comment received by letter, email, phone or at a symposium.")
    async def record_offline_comment(self, info: ContextInfo, input: OfflineCommentInput) -> CommentType:
        ctx = info.context
        principal = await ctx.acting_principal()
        comment, created = await ctx.mutate(
            lambda s: comments.record_offline_comment(
                s,
                principal=principal,
                consultation_id=parse_id(input.consultation_id),
                channel=input.channel.value,
                body=input.body,
                article_id=parse_id(input.article_id, "条款编号") if input.article_id is not None else None,
                submitter_name=input.submitter_name,
                submitter_contact=input.submitter_contact,
                submitter_type=input.submitter_type.value,
                postmarked_on=input.postmarked_on,
                received_on=input.received_on,
                idempotency_key=input.idempotency_key,
                limits=comment_limits(ctx.settings),
                sensitive_words=load_sensitive_words(ctx.settings.sensitive_words_file),
                tz=ctx.settings.timezone,
            )
        )
        if created:
            COMMENTS_RECEIVED.labels(comment.channel).inc()
            await ctx.state.queue.enqueue("process_new_comments", job_id="process_new_comments")
        return CommentType.from_row(comment)

    @strawberry.mutation(description="Hide a comment from public display with a reason, or restore it.")
    async def moderate_comment(
        self, info: ContextInfo, comment_id: strawberry.ID, action: ModerationAction, reason: str = ""
    ) -> CommentType:
        principal = await info.context.acting_principal()
        comment = await info.context.mutate(
            lambda s: comments.moderate_comment(
                s,
                principal=principal,
                comment_id=parse_id(comment_id, "意见编号"),
                action=action.value,
                reason=reason,
            )
        )
        return CommentType.from_row(comment)
