"""GraphQL for the review stage: aggregation, opinion groups, dispositions, the statement, the decision.
Resolvers parse, call the service, shape; the services decide who may do what."""

from datetime import date, datetime
from typing import Any

import strawberry
from sqlalchemy import distinct, func, select
from strawberry.scalars import JSON

from api.accounts.permissions import Principal
from api.context import parse_id
from api.errors import NotFound
from api.jobs import JobRun
from api.pagination import Connection, connection, decode_cursor, page_size
from consultations import decision, dispositions, grouping, permissions, service
from consultations.models import (
    Article,
    Channel,
    Comment,
    Consultation,
    Disposition,
    DispositionStatus,
    GroupKind,
    OpinionGroup,
    Outcome,
    Statement,
)
from consultations.schema import CommentType, ContextInfo, gql_id, rows_by_id_loader
from consultations.search import comment_matches
from consultations.statement import publishing
from consultations.statement.labels import outcome_label

strawberry.enum(GroupKind, name="GroupKind")
strawberry.enum(Outcome, name="Outcome")
strawberry.enum(DispositionStatus, name="DispositionStatus")


async def _staff_consultation(info: ContextInfo, consultation_id: strawberry.ID) -> Consultation:
    """The consultation, if the caller is staff of its unit (else FORBIDDEN, before the lookup for a
    caller who is staff of no unit; NOT_FOUND)."""
    principal = permissions.ensure_able(await info.context.principal(), "read_internal")
    async with info.context.session() as session:
        consultation = await session.get(Consultation, parse_id(consultation_id, "项目编号"))
        if consultation is None:
            raise NotFound("征求意见项目不存在", code="CONSULTATION_NOT_FOUND")
        path = await service.unit_path(session, consultation.unit_id)
    permissions.ensure(principal, "read_internal", path)
    return consultation


# --- types ------------------------------------------------------------------------------------------


@strawberry.type(description="A background job asked for by staff, with its progress.")
class JobStatus:
    id: strawberry.ID
    job_name: str
    status: str = strawberry.field(description="queued, running, succeeded or failed")
    progress_done: int
    progress_total: int | None
    message: str
    started_at: datetime
    finished_at: datetime | None

    @classmethod
    def from_row(cls, run: JobRun) -> "JobStatus":
        return cls(
            id=gql_id(run.id),
            job_name=run.job_name,
            status=run.status,
            progress_done=run.progress_done,
            progress_total=run.progress_total,
            message=run.message,
            started_at=run.started_at,
            finished_at=run.finished_at,
        )


@strawberry.type
class AggregationStatus:
    run: JobStatus | None = strawberry.field(description="The latest aggregation run, if any.")
    comments: int
    ungrouped_comments: int
    topics: int
    campaigns: int
    undecided_comments: int = strawberry.field(description="Comments without an approved disposition.")


def _replaces_approved_loader(info: ContextInfo) -> Any:
    """(disposition id, group id, comment id) → does an earlier, approved and since superseded
    disposition of the same subject exist?"""
    ctx = info.context

    async def load(keys: list[tuple[int, int | None, int | None]]) -> list[bool]:
        group_ids = {group_id for _, group_id, _ in keys if group_id is not None}
        comment_ids = {comment_id for _, _, comment_id in keys if comment_id is not None}
        earliest: dict[tuple[str, int | None], int] = {}  # subject → id of its first approved, superseded row
        async with ctx.session() as session:
            for name, column, ids in (
                ("group", Disposition.group_id, group_ids),
                ("comment", Disposition.comment_id, comment_ids),
            ):
                if not ids:
                    continue
                rows = await session.execute(
                    select(column, func.min(Disposition.id))
                    .where(
                        column.in_(ids),
                        Disposition.status == DispositionStatus.SUPERSEDED,
                        Disposition.approved_at.is_not(None),
                    )
                    .group_by(column)
                )
                earliest.update(((name, subject), first) for subject, first in rows.all())
        answers = []
        for disposition_id, group_id, comment_id in keys:
            subject = ("group", group_id) if group_id is not None else ("comment", comment_id or 0)
            first = earliest.get(subject)
            answers.append(first is not None and first < disposition_id)
        return answers

    return ctx.loader("disposition_replaces_approved", load)


@strawberry.type(name="Disposition")
class DispositionType:
    id: strawberry.ID
    group_id: strawberry.ID | None
    comment_id: strawberry.ID | None
    outcome: Outcome
    reason: str
    standard_reason: str
    revised_article_id: strawberry.ID | None
    revised_before: str
    revised_after: str
    status: DispositionStatus
    proposed_by: strawberry.ID | None
    proposed_at: datetime
    approved_by: strawberry.ID | None
    approved_at: datetime | None

    @strawberry.field(description="The outcome in words (the deployment's labels).")
    async def outcome_label(self, info: ContextInfo) -> str:
        return outcome_label(self.outcome, info.context.settings.disposition_labels)

    @strawberry.field(
        description="Whether this disposition replaces an approved one of the same group or comment "
        "(proposed again after approval: it needs approving again)."
    )
    async def replaces_approved(self, info: ContextInfo) -> bool:
        key = (
            int(self.id),
            int(self.group_id) if self.group_id else None,
            int(self.comment_id) if self.comment_id else None,
        )
        result: bool = await _replaces_approved_loader(info).load(key)
        return result

    @classmethod
    def from_row(cls, d: Disposition) -> "DispositionType":
        return cls(
            id=gql_id(d.id),
            group_id=gql_id(d.group_id) if d.group_id else None,
            comment_id=gql_id(d.comment_id) if d.comment_id else None,
            outcome=Outcome(d.outcome),
            reason=d.reason,
            standard_reason=d.standard_reason,
            revised_article_id=gql_id(d.revised_article_id) if d.revised_article_id else None,
            revised_before=d.revised_before,
            revised_after=d.revised_after,
            status=DispositionStatus(d.status),
            proposed_by=gql_id(d.proposed_by) if d.proposed_by else None,
            proposed_at=d.proposed_at,
            approved_by=gql_id(d.approved_by) if d.approved_by else None,
            approved_at=d.approved_at,
        )


@strawberry.type
class ChannelCount:
    channel: Channel
    count: int


@strawberry.type
class GroupStats:
    comments: int
    participants: int
    channels: list[ChannelCount]


def _group_stats_loader(info: ContextInfo) -> Any:
    ctx = info.context

    async def load(keys: list[tuple[str, int]]) -> list[GroupStats]:
        stats: dict[tuple[str, int | None], GroupStats] = {}
        async with ctx.session() as session:
            for kind in (GroupKind.TOPIC, GroupKind.CAMPAIGN):
                ids = [group_id for k, group_id in keys if k == kind]
                if not ids:
                    continue
                column = Comment.topic_id if kind == GroupKind.TOPIC else Comment.campaign_id
                totals = await session.execute(
                    select(column, func.count(Comment.id), func.count(distinct(grouping.participant_key())))
                    .where(column.in_(ids))
                    .group_by(column)
                )
                for group_id, comments, participants in totals.all():
                    stats[(kind.value, group_id)] = GroupStats(
                        comments=comments, participants=participants, channels=[]
                    )
                channels = await session.execute(
                    select(column, Comment.channel, func.count(Comment.id))
                    .where(column.in_(ids))
                    .group_by(column, Comment.channel)
                    .order_by(column, Comment.channel)
                )
                for group_id, channel, count in channels.all():
                    stats[(kind.value, group_id)].channels.append(
                        ChannelCount(channel=Channel(channel), count=count)
                    )
        return [stats.get(key, GroupStats(comments=0, participants=0, channels=[])) for key in keys]

    return ctx.loader("group_stats", load)


def _current_disposition_loader(info: ContextInfo) -> Any:
    ctx = info.context

    async def load(group_ids: list[int]) -> list[Disposition | None]:
        async with ctx.session() as session:
            rows = await session.scalars(
                select(Disposition).where(
                    Disposition.group_id.in_(group_ids), Disposition.status != DispositionStatus.SUPERSEDED
                )
            )
            by_group = {row.group_id: row for row in rows}
        return [by_group.get(group_id) for group_id in group_ids]

    return ctx.loader("current_disposition", load)


@strawberry.type(name="OpinionGroup")
class OpinionGroupType:
    id: strawberry.ID
    consultation_id: strawberry.ID
    kind: GroupKind
    article_id: strawberry.ID | None
    title: str
    summary: str
    keywords: list[str]
    representative_id: strawberry.ID | None
    edited_by_staff: bool

    @strawberry.field(
        description="Comment count (campaign copies included), distinct participants, channels."
    )
    async def stats(self, info: ContextInfo) -> GroupStats:
        result: GroupStats = await _group_stats_loader(info).load((self.kind.value, int(self.id)))
        return result

    @strawberry.field
    async def article_label(self, info: ContextInfo) -> str | None:
        if self.article_id is None:
            return None
        article = await rows_by_id_loader(info, Article).load(int(self.article_id))
        return article.label if article else None

    @strawberry.field(description="The representative comment (the medoid, or the campaign's original).")
    async def representative(self, info: ContextInfo) -> CommentType | None:
        if self.representative_id is None:
            return None
        comment = await rows_by_id_loader(info, Comment).load(int(self.representative_id))
        return CommentType.from_row(comment) if comment else None

    @strawberry.field(description="The current disposition (proposed or approved), if any.")
    async def disposition(self, info: ContextInfo) -> DispositionType | None:
        row = await _current_disposition_loader(info).load(int(self.id))
        return DispositionType.from_row(row) if row else None

    @strawberry.field(description="The group's comments, oldest first.")
    async def comments(
        self, info: ContextInfo, first: int = 20, after: str | None = None
    ) -> Connection[CommentType]:
        first = page_size(first)
        column = Comment.topic_id if self.kind == GroupKind.TOPIC else Comment.campaign_id
        query = select(Comment).where(column == int(self.id))
        if cursor := decode_cursor(after):
            query = query.where(Comment.id > cursor)
        async with info.context.session() as session:
            rows = list(await session.scalars(query.order_by(Comment.id).limit(first + 1)))
        return connection(rows, first, row_id=lambda c: c.id, node=CommentType.from_row)

    @classmethod
    def from_row(cls, g: OpinionGroup) -> "OpinionGroupType":
        return cls(
            id=gql_id(g.id),
            consultation_id=gql_id(g.consultation_id),
            kind=GroupKind(g.kind),
            article_id=gql_id(g.article_id) if g.article_id else None,
            title=g.title,
            summary=g.summary,
            keywords=list(g.keywords or []),
            representative_id=gql_id(g.representative_id) if g.representative_id else None,
            edited_by_staff=g.edited_by_staff,
        )


@strawberry.type
class StandardReason:
    code: str
    label: str


@strawberry.type
class PersonalDataFinding:
    kind: str
    excerpt: str


@strawberry.type
class StatementDownload:
    format: str
    url: str


@strawberry.type(name="Statement", description="A version of the 意见收集及采纳情况说明.")
class StatementType:
    consultation_id: strawberry.ID
    version: int
    status: str = strawberry.field(description="draft or published; a published version never changes")
    corrects_version: int | None
    correction_note: str
    sha256: str
    figures: JSON
    personal_data_findings: list[PersonalDataFinding]
    generated_at: datetime
    published_at: datetime | None
    downloads: list[StatementDownload]

    @classmethod
    def from_row(cls, s: Statement) -> "StatementType":
        base = f"/statements/{s.consultation_id}/v{s.version}"
        return cls(
            consultation_id=gql_id(s.consultation_id),
            version=s.version,
            status=s.status,
            corrects_version=s.corrects_version,
            correction_note=s.correction_note,
            sha256=s.content_sha256,
            figures=s.figures,
            personal_data_findings=[
                PersonalDataFinding(kind=f.get("kind", ""), excerpt=f.get("excerpt", ""))
                for f in s.personal_data_findings or []
            ],
            generated_at=s.generated_at,
            published_at=s.published_at,
            downloads=[StatementDownload(format=fmt, url=f"{base}.{fmt}") for fmt in publishing.FORMATS],
        )


@strawberry.type
class DecisionDocumentType:
    title: str
    url: str


@strawberry.type
class ArticleChangeType:
    label: str
    change: str = strawberry.field(description="unchanged, modified, added or removed")
    before: str
    after: str
    disposition_ids: list[strawberry.ID]
    group_titles: list[str]


@strawberry.type(name="Decision")
class DecisionType:
    consultation_id: strawberry.ID
    decided_on: date
    summary: str
    documents: list[DecisionDocumentType]
    changes: list[ArticleChangeType] = strawberry.field(description="The consulted draft → the adopted text.")


async def _decision_type(info: ContextInfo, consultation: Consultation) -> DecisionType | None:
    async with info.context.session() as session:
        found = await decision.get_decision(session, consultation.id)
        if found is None:
            return None
        changes = await decision.article_changes(session, consultation, found)
    return DecisionType(
        consultation_id=gql_id(consultation.id),
        decided_on=found.decided_on,
        summary=found.summary,
        documents=[DecisionDocumentType(title=d["title"], url=d["url"]) for d in found.documents],
        changes=[
            ArticleChangeType(
                label=c.label,
                change=c.change,
                before=c.before,
                after=c.after,
                disposition_ids=[gql_id(i) for i in c.disposition_ids],
                group_titles=c.group_titles,
            )
            for c in changes
        ],
    )


# --- inputs -----------------------------------------------------------------------------------------


@strawberry.input
class DispositionInput:
    group_id: strawberry.ID | None = strawberry.field(default=None, description="A topic group, or …")
    comment_id: strawberry.ID | None = strawberry.field(
        default=None, description="… one comment (an override)."
    )
    outcome: Outcome
    reason: str = strawberry.field(
        default="", description="Required for 部分采纳 and 不予采纳 (or a standard reason)."
    )
    standard_reason: str = strawberry.field(default="", description="A code from standardReasons.")
    revised_article_id: strawberry.ID | None = None
    revised_after: str = strawberry.field(default="", description="The article's text after revision.")


@strawberry.input
class DecisionDocumentInput:
    title: str
    url: str = ""


@strawberry.input
class PublishDecisionInput:
    consultation_id: strawberry.ID
    adopted_text: str = strawberry.field(description="The adopted text, split into articles like a draft.")
    decided_on: date
    summary: str = ""
    documents: list[DecisionDocumentInput] = strawberry.field(default_factory=list)


# --- operations -------------------------------------------------------------------------------------


def _group_filters(
    consultation_id: int, kind: GroupKind | None, article_id: strawberry.ID | None, whole_draft: bool
) -> list[Any]:
    filters: list[Any] = [OpinionGroup.consultation_id == consultation_id, OpinionGroup.retired_at.is_(None)]
    if kind is not None:
        filters.append(OpinionGroup.kind == kind.value)
    if article_id is not None:
        filters.append(OpinionGroup.article_id == parse_id(article_id, "条款编号"))
    elif whole_draft:
        filters.append(OpinionGroup.article_id.is_(None))
    return filters


@strawberry.type
class ReviewQuery:
    @strawberry.field(description="Where the aggregation of a consultation's comments stands (staff).")
    async def aggregation_status(
        self, info: ContextInfo, consultation_id: strawberry.ID
    ) -> AggregationStatus:
        consultation = await _staff_consultation(info, consultation_id)
        async with info.context.session() as session:
            run = await grouping.latest_aggregation(session, consultation.id)
            in_consultation = Comment.consultation_id == consultation.id
            total = await session.scalar(select(func.count(Comment.id)).where(in_consultation)) or 0
            ungrouped = (
                await session.scalar(
                    select(func.count(Comment.id)).where(in_consultation, Comment.topic_id.is_(None))
                )
                or 0
            )
            kinds = dict(
                (
                    await session.execute(
                        select(OpinionGroup.kind, func.count(OpinionGroup.id))
                        .where(
                            OpinionGroup.consultation_id == consultation.id, OpinionGroup.retired_at.is_(None)
                        )
                        .group_by(OpinionGroup.kind)
                    )
                ).all()
            )
            undecided = await dispositions.undecided_count(session, consultation.id)
        return AggregationStatus(
            run=JobStatus.from_row(run) if run else None,
            comments=total,
            ungrouped_comments=ungrouped,
            topics=kinds.get(GroupKind.TOPIC, 0),
            campaigns=kinds.get(GroupKind.CAMPAIGN, 0),
            undecided_comments=undecided,
        )

    @strawberry.field(
        description="Opinion groups in the order aggregation made them (staff). `search` matches "
        "comment words; `undecidedOnly` lists topics without an approved disposition."
    )
    async def opinion_groups(
        self,
        info: ContextInfo,
        consultation_id: strawberry.ID,
        kind: GroupKind | None = None,
        article_id: strawberry.ID | None = None,
        whole_draft: bool = False,
        undecided_only: bool = False,
        search: str | None = None,
        first: int = 20,
        after: str | None = None,
    ) -> Connection[OpinionGroupType]:
        consultation = await _staff_consultation(info, consultation_id)
        first = page_size(first)
        filters = _group_filters(consultation.id, kind, article_id, whole_draft)
        async with info.context.session() as session:
            if undecided_only:  # topics without an approved disposition (campaigns follow their topic)
                decided = select(Disposition.group_id).where(
                    Disposition.status == DispositionStatus.APPROVED, Disposition.group_id.is_not(None)
                )
                filters += [OpinionGroup.kind == GroupKind.TOPIC, OpinionGroup.id.not_in(decided)]
            if search:
                condition = comment_matches(search, session.get_bind().dialect.name)
                hits = (Comment.consultation_id == consultation.id, condition)
                filters.append(
                    OpinionGroup.id.in_(select(Comment.topic_id).where(*hits))
                    | OpinionGroup.id.in_(select(Comment.campaign_id).where(*hits))
                )
            total = await session.scalar(select(func.count(OpinionGroup.id)).where(*filters)) or 0
            if cursor := decode_cursor(after):
                filters.append(OpinionGroup.id > cursor)
            rows = list(
                await session.scalars(
                    select(OpinionGroup).where(*filters).order_by(OpinionGroup.id).limit(first + 1)
                )
            )
        return connection(
            rows, first, row_id=lambda g: g.id, node=OpinionGroupType.from_row, total_count=total
        )

    @strawberry.field(description="Standard reasons for dispositions (上位法已有规定, 超出职权范围, …).")
    async def standard_reasons(self) -> list[StandardReason]:
        return [
            StandardReason(code=code, label=label) for code, label in dispositions.STANDARD_REASONS.items()
        ]

    @strawberry.field(
        description="A statement version: published for anyone, drafts for staff; no version: the newest."
    )
    async def statement(
        self, info: ContextInfo, consultation_id: strawberry.ID, version: int | None = None
    ) -> StatementType | None:
        principal = await info.context.principal()
        async with info.context.session() as session:
            found = await publishing.get_statement(
                session,
                principal=principal,
                consultation_id=parse_id(consultation_id, "项目编号"),
                version=version,
            )
        return StatementType.from_row(found) if found else None

    @strawberry.field(
        description="The latest statement generation run (staff), to follow its progress; null if none."
    )
    async def statement_generation(
        self, info: ContextInfo, consultation_id: strawberry.ID
    ) -> JobStatus | None:
        consultation = await _staff_consultation(info, consultation_id)
        async with info.context.session() as session:
            run = await publishing.latest_generation(session, consultation.id)
        return JobStatus.from_row(run) if run else None

    @strawberry.field(description="The decision and the draft → adopted text changes (public once decided).")
    async def decision(self, info: ContextInfo, consultation_id: strawberry.ID) -> DecisionType | None:
        principal = await info.context.principal()
        async with info.context.session() as session:
            consultation = await service.get_visible(
                session, principal=principal, consultation_id=parse_id(consultation_id, "项目编号")
            )
        return await _decision_type(info, consultation) if consultation else None


async def _enqueue(info: ContextInfo, run: JobRun, created: bool) -> None:
    if created:
        await info.context.state.queue.enqueue(run.job_name, run.id, job_id=f"run:{run.id}")


def _principal_id(principal: Principal | None) -> int | None:
    return principal.user_id if principal else None


@strawberry.type
class ReviewMutation:
    @strawberry.mutation(
        description="Group the comments (closed → reviewing the first time); a background job."
    )
    async def run_aggregation(self, info: ContextInfo, consultation_id: strawberry.ID) -> JobStatus:
        principal = await info.context.acting_principal()
        run, created = await info.context.mutate(
            lambda s: grouping.request_aggregation(
                s, principal=principal, consultation_id=parse_id(consultation_id, "项目编号")
            )
        )
        await _enqueue(info, run, created)
        return JobStatus.from_row(run)

    @strawberry.mutation(description="Merge groups of the same kind into one.")
    async def merge_groups(
        self, info: ContextInfo, into_group_id: strawberry.ID, group_ids: list[strawberry.ID]
    ) -> OpinionGroupType:
        principal = await info.context.acting_principal()
        group = await info.context.mutate(
            lambda s: grouping.merge_groups(
                s,
                principal=principal,
                into_id=parse_id(into_group_id, "分组编号"),
                group_ids=[parse_id(g, "分组编号") for g in group_ids],
            )
        )
        return OpinionGroupType.from_row(group)

    @strawberry.mutation(
        description="Move chosen comments of a group into a new group; returns the new group."
    )
    async def split_group(
        self, info: ContextInfo, group_id: strawberry.ID, comment_ids: list[strawberry.ID], title: str = ""
    ) -> OpinionGroupType:
        principal = await info.context.acting_principal()
        group = await info.context.mutate(
            lambda s: grouping.split_group(
                s,
                principal=principal,
                group_id=parse_id(group_id, "分组编号"),
                comment_ids=[parse_id(c, "意见编号") for c in comment_ids],
                title=title,
            )
        )
        return OpinionGroupType.from_row(group)

    @strawberry.mutation(description="Move one comment into another group.")
    async def move_comment(
        self, info: ContextInfo, comment_id: strawberry.ID, to_group_id: strawberry.ID
    ) -> OpinionGroupType:
        principal = await info.context.acting_principal()
        group = await info.context.mutate(
            lambda s: grouping.move_comment(
                s,
                principal=principal,
                comment_id=parse_id(comment_id, "意见编号"),
                to_group_id=parse_id(to_group_id, "分组编号"),
            )
        )
        return OpinionGroupType.from_row(group)

    @strawberry.mutation(description="Rename a group or write its summary.")
    async def update_group(
        self, info: ContextInfo, group_id: strawberry.ID, title: str | None = None, summary: str | None = None
    ) -> OpinionGroupType:
        principal = await info.context.acting_principal()
        group = await info.context.mutate(
            lambda s: grouping.update_group(
                s, principal=principal, group_id=parse_id(group_id, "分组编号"), title=title, summary=summary
            )
        )
        return OpinionGroupType.from_row(group)

    @strawberry.mutation(description="Propose a disposition for a topic group or one comment (reviewer).")
    async def set_disposition(self, info: ContextInfo, input: DispositionInput) -> DispositionType:
        principal = await info.context.acting_principal()
        subject = dispositions.Subject(
            group_id=parse_id(input.group_id, "分组编号") if input.group_id else None,
            comment_id=parse_id(input.comment_id, "意见编号") if input.comment_id else None,
        )
        row = await info.context.mutate(
            lambda s: dispositions.set_disposition(
                s,
                principal=principal,
                subject=subject,
                outcome=input.outcome.value,
                reason=input.reason,
                standard_reason=input.standard_reason,
                revised_article_id=parse_id(input.revised_article_id, "条款编号")
                if input.revised_article_id
                else None,
                revised_after=input.revised_after,
            )
        )
        return DispositionType.from_row(row)

    @strawberry.mutation(
        description="Propose one disposition for many topic groups at once (reviewer; at most 1,000)."
    )
    async def set_disposition_for_groups(
        self,
        info: ContextInfo,
        group_ids: list[strawberry.ID],
        outcome: Outcome,
        reason: str = "",
        standard_reason: str = "",
    ) -> list[DispositionType]:
        principal = await info.context.acting_principal()
        subjects = [dispositions.Subject(group_id=parse_id(g, "分组编号")) for g in group_ids]
        rows = await info.context.mutate(
            lambda s: dispositions.set_dispositions(
                s,
                principal=principal,
                subjects=subjects,
                outcome=outcome.value,
                reason=reason,
                standard_reason=standard_reason,
            )
        )
        return [DispositionType.from_row(r) for r in rows]

    @strawberry.mutation(description="Approve proposed dispositions (approver, not the proposer).")
    async def approve_disposition(
        self, info: ContextInfo, disposition_ids: list[strawberry.ID]
    ) -> list[DispositionType]:
        principal = await info.context.acting_principal()
        rows = await info.context.mutate(
            lambda s: dispositions.approve_dispositions(
                s, principal=principal, disposition_ids=[parse_id(d, "处理意见编号") for d in disposition_ids]
            )
        )
        return [DispositionType.from_row(r) for r in rows]

    @strawberry.mutation(description="Generate the statement as a draft version (a background job).")
    async def generate_statement(
        self, info: ContextInfo, consultation_id: strawberry.ID, correction_note: str = ""
    ) -> JobStatus:
        principal = await info.context.acting_principal()
        run, created = await info.context.mutate(
            lambda s: publishing.request_generation(
                s,
                principal=principal,
                consultation_id=parse_id(consultation_id, "项目编号"),
                correction_note=correction_note,
            )
        )
        await _enqueue(info, run, created)
        return JobStatus.from_row(run)

    @strawberry.mutation(
        description="Publish a generated statement version (approver); it never changes after."
    )
    async def publish_statement(
        self, info: ContextInfo, consultation_id: strawberry.ID, version: int
    ) -> StatementType:
        principal = await info.context.acting_principal()
        statement = await info.context.mutate(
            lambda s: publishing.publish_statement(
                s, principal=principal, consultation_id=parse_id(consultation_id, "项目编号"), version=version
            )
        )
        return StatementType.from_row(statement)

    @strawberry.mutation(description="Publish the decision and the adopted text (approver): → decided.")
    async def publish_decision(self, info: ContextInfo, input: PublishDecisionInput) -> DecisionType:
        principal = await info.context.acting_principal()
        consultation_id = parse_id(input.consultation_id, "项目编号")
        await info.context.mutate(
            lambda s: decision.publish_decision(
                s,
                principal=principal,
                consultation_id=consultation_id,
                adopted_text=input.adopted_text,
                decided_on=input.decided_on,
                summary=input.summary,
                documents=[decision.DecisionDocument(title=d.title, url=d.url) for d in input.documents],
            )
        )
        async with info.context.session() as session:
            consultation = await session.get_one(Consultation, consultation_id)
        result = await _decision_type(info, consultation)
        assert result is not None
        return result
