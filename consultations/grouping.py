"""Opinion groups: store what aggregation found, and let staff correct it (merge, split, move, rename).

Groups annotate comments and never remove one (rules B1): a comment's `campaign_id` names its form-letter
campaign, its `topic_id` its topic; a campaign copy carries its representative's topic, so whatever is
decided on a topic reaches every copy. Aggregation after new (offline) comments only places the comments
that have no group yet, so every earlier grouping, machine-made or corrected by staff, stays as it is.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ARRAY,
    Integer,
    String,
    Table,
    bindparam,
    case,
    cast,
    func,
    insert,
    literal,
    select,
    text,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql import ColumnElement

from api import audit
from api.accounts.permissions import Principal
from api.db import is_postgresql, utcnow
from api.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from api.jobs import ACTIVE_STATUSES, JobRun, request_run
from consultations import permissions, service
from consultations.aggregation.types import (
    AggregationResult,
    ExistingGroup,
    IncrementalResult,
    TextItem,
)
from consultations.models import (
    Comment,
    Consultation,
    Disposition,
    DispositionStatus,
    GroupKind,
    OpinionGroup,
    Status,
)

GROUPING_STATUSES = frozenset({Status.CLOSED, Status.REVIEWING})
ID_CHUNK = 5000  # ids per IN list: well under SQLite's bound-parameter limit
LOAD_BATCH = 20_000  # comment rows fetched at a time when reading them all


def participant_key() -> ColumnElement[str]:
    """One participant: a citizen account, else an offline submitter by name and contact, else the
    comment itself (an anonymous letter is one person)."""
    offline = Comment.submitter_name + literal("|") + Comment.submitter_contact
    return case(
        (Comment.author_id.is_not(None), literal("user:") + cast(Comment.author_id, String)),
        (offline != literal("|"), literal("offline:") + Comment.channel + literal(":") + offline),
        else_=literal("comment:") + cast(Comment.id, String),
    )


def _chunks(ids: Sequence[int]) -> Iterable[Sequence[int]]:
    for start in range(0, len(ids), ID_CHUNK):
        yield ids[start : start + ID_CHUNK]


async def _set_groups(session: AsyncSession, ids: Sequence[int], **values: int | None) -> None:
    for chunk in _chunks(ids):
        await session.execute(update(Comment).where(Comment.id.in_(chunk)).values(**values))


def _title(keywords: Sequence[str]) -> str:
    return "、".join(keywords[:3]) if keywords else "未命名主题"


# --- aggregation results -----------------------------------------------------------------------------


@dataclass
class AggregationInputs:
    new_items: list[TextItem]
    existing: list[ExistingGroup]
    earlier_singletons: list[TextItem]


async def load_inputs(session: AsyncSession, consultation_id: int) -> AggregationInputs:
    """Read the comments still without a group, and the groups (with their texts) they may join."""
    groups = (
        await session.execute(
            select(
                OpinionGroup.id, OpinionGroup.kind, OpinionGroup.article_id, OpinionGroup.representative_id
            )
            .where(OpinionGroup.consultation_id == consultation_id, OpinionGroup.retired_at.is_(None))
            .order_by(OpinionGroup.id)
        )
    ).all()
    campaign_reps = {g.representative_id for g in groups if g.kind == GroupKind.CAMPAIGN}
    article_key: dict[int | None, str | None] = {None: None}  # one string per article, shared
    rep_items: dict[int, TextItem] = {}
    topic_members: dict[int, list[TextItem]] = {}
    new_items: list[TextItem] = []
    earlier_singletons: list[TextItem] = []
    # Streamed in batches: a million comments are never all held as rows as well as items.
    rows = await session.stream(
        select(
            Comment.id,
            Comment.body,
            Comment.article_id,
            Comment.campaign_id,
            Comment.topic_id,
            participant_key().label("participant"),
        )
        .where(Comment.consultation_id == consultation_id)
        .order_by(Comment.id)
        .execution_options(yield_per=LOAD_BATCH)
    )
    async for partition in rows.partitions():
        for comment_id, body, article_id, campaign_id, topic_id, participant in partition:
            if article_id not in article_key:
                article_key[article_id] = str(article_id)
            item = TextItem(
                id=str(comment_id), body=body, article=article_key[article_id], author=participant
            )
            if topic_id is None and campaign_id is None:
                new_items.append(item)
            elif campaign_id is None:
                earlier_singletons.append(item)
            if topic_id is not None and (campaign_id is None or comment_id in campaign_reps):
                topic_members.setdefault(topic_id, []).append(item)
            if comment_id in campaign_reps:
                rep_items[comment_id] = item
    existing = []
    for group in groups:
        if group.kind == GroupKind.CAMPAIGN:
            rep = rep_items.get(group.representative_id)
            members: tuple[TextItem, ...] = (rep,) if rep is not None else ()
        else:
            members = tuple(topic_members.get(group.id, ()))
        if members:
            existing.append(
                ExistingGroup(
                    key=str(group.id),
                    kind=group.kind,
                    article=str(group.article_id) if group.article_id else None,
                    members=members,
                )
            )
    return AggregationInputs(new_items, existing, earlier_singletons)


async def _new_group(
    session: AsyncSession, consultation_id: int, kind: str, representative: int, **values: Any
) -> OpinionGroup:
    article_id = await session.scalar(select(Comment.article_id).where(Comment.id == representative))
    group = OpinionGroup(
        consultation_id=consultation_id,
        kind=kind,
        article_id=article_id,
        representative_id=representative,
        **values,
    )
    session.add(group)
    await session.flush()
    return group


CAMPAIGN_TITLE = "相同或相近意见（联名/模板）"
UPDATE_CHUNK = 50_000  # rows per bulk UPDATE statement


async def _column_of(session: AsyncSession, column: Any, ids: Iterable[int]) -> dict[int, Any]:
    """One column of many comments, by id, in a few queries."""
    found: dict[int, Any] = {}
    for chunk in _chunks(sorted(set(ids))):
        rows = await session.execute(select(Comment.id, column).where(Comment.id.in_(chunk)))
        found.update((row[0], row[1]) for row in rows)
    return found


async def _insert_groups(
    session: AsyncSession, consultation_id: int, kind: str, rows: Sequence[dict[str, Any]]
) -> list[int]:
    """Insert groups of one kind in bulk (each with its representative's article); return their ids in
    the order of `rows`. A comment represents at most one group of a kind, so ids are matched back by
    representative (RETURNING promises no order)."""
    if not rows:
        return []
    articles = await _column_of(session, Comment.article_id, (row["representative_id"] for row in rows))
    now = utcnow()
    values = [
        {
            "consultation_id": consultation_id,
            "kind": kind,
            "article_id": articles.get(row["representative_id"]),
            "title": "",
            "summary": "",
            "keywords": [],
            "edited_by_staff": False,
            "created_at": now,
            **row,
        }
        for row in rows
    ]
    table: Table = OpinionGroup.__table__  # type: ignore[assignment]
    # executemany with RETURNING: SQLAlchemy sends it as few multi-row INSERTs ("insertmanyvalues").
    inserted = await session.execute(insert(table).returning(table.c.id, table.c.representative_id), values)
    id_of = {representative: group_id for group_id, representative in inserted}
    if len(id_of) != len(rows):
        raise ValueError("a comment represents two groups of the same kind")
    return [id_of[row["representative_id"]] for row in rows]


class _Placements:
    """The group columns to write per comment, collected in Python and written in bulk at the end; a
    later placement of a comment overrides an earlier one, column by column."""

    def __init__(self) -> None:
        self.columns: dict[str, dict[int, int | None]] = {"campaign_id": {}, "topic_id": {}}

    def place(self, ids: Sequence[int], **values: int | None) -> None:
        for column, value in values.items():
            self.columns[column].update(dict.fromkeys(ids, value))

    async def write(self, session: AsyncSession) -> None:
        campaigns, topics = self.columns["campaign_id"], self.columns["topic_id"]
        both = sorted(campaigns.keys() & topics.keys())
        groups: list[tuple[tuple[str, ...], list[int], list[list[int | None]]]] = [
            (("campaign_id", "topic_id"), both, [[campaigns[i] for i in both], [topics[i] for i in both]]),
        ]
        for column, values in (("campaign_id", campaigns), ("topic_id", topics)):
            only = sorted(values.keys() - set(both))
            groups.append(((column,), only, [[values[i] for i in only]]))
        for columns, ids, arrays in groups:
            for start in range(0, len(ids), UPDATE_CHUNK):
                end = start + UPDATE_CHUNK
                await _bulk_update(session, columns, ids[start:end], [array[start:end] for array in arrays])


async def _bulk_update(
    session: AsyncSession, columns: tuple[str, ...], ids: list[int], arrays: list[list[int | None]]
) -> None:
    """Set `columns` of the comments `ids` to the values in `arrays` (one list per column)."""
    if is_postgresql(session):
        # One statement joining arrays of values: far fewer round trips than an UPDATE per group.
        assignments = ", ".join(f"{column} = v.{column}" for column in columns)
        unnests = ", ".join(f"unnest(CAST(:{column} AS INTEGER[])) AS {column}" for column in columns)
        await session.execute(
            text(
                f"UPDATE comments SET {assignments} "
                f"FROM (SELECT unnest(CAST(:ids AS INTEGER[])) AS id, {unnests}) AS v "
                "WHERE comments.id = v.id"
            ).bindparams(*(bindparam(name, type_=ARRAY(Integer)) for name in ("ids", *columns))),
            {"ids": ids, **dict(zip(columns, arrays, strict=True))},
        )
    else:  # SQLite: an executemany UPDATE by primary key
        await session.execute(
            update(Comment),
            [
                {"id": i, **dict(zip(columns, values, strict=True))}
                for i, *values in zip(ids, *arrays, strict=True)
            ],
        )


async def store_result(
    session: AsyncSession, consultation_id: int, result: AggregationResult | IncrementalResult
) -> dict[str, int]:
    """Write an aggregation result in one transaction; only comments still without a group are placed."""
    fresh = result if isinstance(result, AggregationResult) else result.new
    counts = {"campaigns": 0, "topics": 0, "joined": 0}
    placements = _Placements()
    topic_ids = await _insert_groups(
        session,
        consultation_id,
        GroupKind.TOPIC,
        [
            {
                "representative_id": int(topic.representative),
                "title": _title(topic.keywords),
                "keywords": list(topic.keywords),
            }
            for topic in fresh.topics
        ],
    )
    topic_of: dict[int, int] = {}  # distinct comment id -> its topic id
    for topic, group_id in zip(fresh.topics, topic_ids, strict=True):
        members = [int(m) for m in topic.members]
        placements.place(members, topic_id=group_id)
        topic_of.update(dict.fromkeys(members, group_id))
    counts["topics"] = len(topic_ids)
    if isinstance(result, IncrementalResult):
        for new_id, key in result.topic_joins.items():
            topic_of[int(new_id)] = int(key)
            placements.place([int(new_id)], topic_id=int(key))
        counts["joined"] += len(result.topic_joins)
    campaign_ids = await _insert_groups(
        session,
        consultation_id,
        GroupKind.CAMPAIGN,
        [{"representative_id": int(c.representative), "title": CAMPAIGN_TITLE} for c in fresh.campaigns],
    )
    for campaign, group_id in zip(fresh.campaigns, campaign_ids, strict=True):
        representative = int(campaign.representative)
        placements.place(
            [int(m) for m in campaign.members], campaign_id=group_id, topic_id=topic_of.get(representative)
        )
    counts["campaigns"] = len(campaign_ids)
    if isinstance(result, IncrementalResult):
        await _store_campaign_joins(session, consultation_id, result, counts, placements)
    await placements.write(session)
    return counts


async def _store_campaign_joins(
    session: AsyncSession,
    consultation_id: int,
    result: IncrementalResult,
    counts: dict[str, int],
    placements: _Placements,
) -> None:
    """New copies of earlier comments: join the earlier campaign, or form one with the earlier comment.
    The comments read here are earlier ones, which this run does not place otherwise."""
    keys = {int(key) for key in result.campaign_joins.values()}
    representative_of: dict[int, int | None] = {}
    for chunk in _chunks(sorted(keys)):
        rows = await session.execute(
            select(OpinionGroup.id, OpinionGroup.representative_id).where(OpinionGroup.id.in_(chunk))
        )
        representative_of.update((row[0], row[1]) for row in rows)
    missing = keys - representative_of.keys()
    if missing:
        raise NotFound(f"意见分组 {min(missing)} 不存在", code="GROUP_NOT_FOUND")
    topic_of_rep = await _column_of(
        session, Comment.topic_id, (rep for rep in representative_of.values() if rep is not None)
    )
    for new_id, key in result.campaign_joins.items():
        representative = representative_of[int(key)]
        topic_id = topic_of_rep.get(representative) if representative is not None else None
        placements.place([int(new_id)], campaign_id=int(key), topic_id=topic_id)
        counts["joined"] += 1
    pairs: dict[int, list[int]] = {}
    for copy_key, earlier_key in result.campaign_pairs.items():
        pairs.setdefault(int(earlier_key), []).append(int(copy_key))
    earlier: dict[int, tuple[int | None, int | None]] = {}
    for chunk in _chunks(sorted(pairs)):
        rows = await session.execute(
            select(Comment.id, Comment.topic_id, Comment.campaign_id).where(Comment.id.in_(chunk))
        )
        earlier.update((row.id, (row.topic_id, row.campaign_id)) for row in rows)
    if len(earlier) != len(pairs):
        raise NotFound("意见不存在", code="COMMENT_NOT_FOUND")
    # An earlier comment that staff put in a campaign meanwhile: its copies join that campaign.
    needing = [earlier_id for earlier_id in pairs if earlier[earlier_id][1] is None]
    created = await _insert_groups(
        session,
        consultation_id,
        GroupKind.CAMPAIGN,
        [{"representative_id": earlier_id, "title": CAMPAIGN_TITLE} for earlier_id in needing],
    )
    new_campaign = dict(zip(needing, created, strict=True))
    counts["campaigns"] += len(created)
    for earlier_id, copies in pairs.items():
        topic_id, campaign_id = earlier[earlier_id]
        if campaign_id is None:
            campaign_id = new_campaign[earlier_id]
            placements.place([earlier_id], campaign_id=campaign_id)
        placements.place(copies, campaign_id=campaign_id, topic_id=topic_id)
        counts["joined"] += len(copies)


AGGREGATION_JOB = "run_aggregation"


def aggregation_subject(consultation_id: int) -> str:
    return f"consultation:{consultation_id}"


async def request_aggregation(
    session: AsyncSession, *, principal: Principal | None, consultation_id: int
) -> tuple[JobRun, bool]:
    """Ask for an aggregation run (one at a time per consultation); the first moves closed → reviewing."""
    consultation = await _start_review(session, principal=principal, consultation_id=consultation_id)
    return await request_run(
        session,
        job_name=AGGREGATION_JOB,
        subject=aggregation_subject(consultation.id),
        params={"consultation_id": consultation.id},
        requested_by=principal.user_id if principal else None,
    )


async def latest_aggregation(session: AsyncSession, consultation_id: int) -> JobRun | None:
    return await session.scalar(
        select(JobRun)
        .where(JobRun.job_name == AGGREGATION_JOB, JobRun.subject == aggregation_subject(consultation_id))
        .order_by(JobRun.id.desc())
        .limit(1)
    )


async def _start_review(
    session: AsyncSession, *, principal: Principal | None, consultation_id: int
) -> Consultation:
    """Check the caller may organise opinions now; the first aggregation moves closed → reviewing."""
    permissions.ensure_able(principal, "organize_opinions")
    consultation, path = await service.get_for_update(session, consultation_id)
    principal = permissions.ensure(principal, "organize_opinions", path)
    if consultation.status not in GROUPING_STATUSES:
        raise InvalidTransition("征求意见结束后才能归纳整理意见", code="CONSULTATION_NOT_CLOSED")
    if consultation.status == Status.CLOSED:
        before, _ = service.transition(consultation, "start_review")
        await service.audit_event(
            session, principal.actor, "review_started", consultation, before={"status": before}
        )
    return consultation


# --- staff corrections -------------------------------------------------------------------------------


async def _group_for_update(
    session: AsyncSession, principal: Principal | None, group_id: int
) -> tuple[OpinionGroup, Principal]:
    permissions.ensure_able(principal, "organize_opinions")
    group = await session.get(OpinionGroup, group_id)
    if group is None or group.retired_at is not None:
        raise NotFound("意见分组不存在或已被合并", code="GROUP_NOT_FOUND")
    consultation, path = await service.get_for_update(session, group.consultation_id)
    principal = permissions.ensure(principal, "organize_opinions", path)
    if consultation.status != Status.REVIEWING:
        raise InvalidTransition("只有在意见处理阶段才能调整分组", code="NOT_REVIEWING")
    running = await latest_aggregation(session, consultation.id)
    if running is not None and running.status in ACTIVE_STATUSES:
        raise Conflict("正在自动归纳意见，完成后再调整分组", code="AGGREGATION_RUNNING")
    await session.refresh(group, with_for_update=True)
    await service.touch_review(session, consultation.id)
    return group, principal


async def _audit_group(
    session: AsyncSession, principal: Principal, action: str, group: OpinionGroup, **data: Any
) -> None:
    await audit.record(
        session,
        actor=principal.actor,
        action=f"opinion_group.{action}",
        subject_type="opinion_group",
        subject_id=group.id,
        after={"consultation_id": group.consultation_id, **data},
    )


async def _supersede_dispositions(session: AsyncSession, group_ids: Sequence[int]) -> None:
    await session.execute(
        update(Disposition)
        .where(Disposition.group_id.in_(group_ids), Disposition.status != DispositionStatus.SUPERSEDED)
        .values(status=DispositionStatus.SUPERSEDED)
    )


async def _retire_if_empty(session: AsyncSession, group: OpinionGroup) -> None:
    column = Comment.campaign_id if group.kind == GroupKind.CAMPAIGN else Comment.topic_id
    remaining = await session.scalar(select(func.count()).where(column == group.id))
    minimum = 2 if group.kind == GroupKind.CAMPAIGN else 1
    if (remaining or 0) < minimum:
        if group.kind == GroupKind.CAMPAIGN:  # one copy left is no campaign: it becomes a singleton
            await session.execute(
                update(Comment).where(Comment.campaign_id == group.id).values(campaign_id=None)
            )
        group.retired_at = utcnow()
        await _supersede_dispositions(session, [group.id])
    elif group.representative_id is not None:
        still_member = await session.scalar(
            select(func.count()).where(Comment.id == group.representative_id, column == group.id)
        )
        if not still_member:
            group.representative_id = await session.scalar(
                select(func.min(Comment.id)).where(column == group.id)
            )


async def merge_groups(
    session: AsyncSession, *, principal: Principal | None, into_id: int, group_ids: Sequence[int]
) -> OpinionGroup:
    """Merge groups of the same kind into one; the others are retired (kept, marked as merged)."""
    target, principal = await _group_for_update(session, principal, into_id)
    others = []
    for group_id in dict.fromkeys(group_ids):
        if group_id == into_id:
            continue
        group, _ = await _group_for_update(session, principal, group_id)
        if group.consultation_id != target.consultation_id or group.kind != target.kind:
            raise InvalidInput("只能合并同一项目中同一类型的分组", code="GROUPS_NOT_MERGEABLE")
        others.append(group)
    if not others:
        raise InvalidInput("请至少选择一个要并入的分组", code="NOTHING_TO_MERGE")
    other_ids = [g.id for g in others]
    if target.kind == GroupKind.TOPIC:
        await session.execute(
            update(Comment).where(Comment.topic_id.in_(other_ids)).values(topic_id=target.id)
        )
        keywords = list(dict.fromkeys([*target.keywords, *(k for g in others for k in g.keywords)]))
        target.keywords = keywords[:10]
    else:
        topic_id = await session.scalar(
            select(Comment.topic_id).where(Comment.id == target.representative_id)
        )
        await session.execute(
            update(Comment)
            .where(Comment.campaign_id.in_(other_ids))
            .values(campaign_id=target.id, topic_id=topic_id)
        )
    if target.article_id is not None and any(g.article_id != target.article_id for g in others):
        target.article_id = None  # now spans articles: it is a topic of the whole draft
    now = utcnow()
    for group in others:
        group.retired_at = now
    await _supersede_dispositions(session, other_ids)
    target.edited_by_staff = True
    await _audit_group(session, principal, "merged", target, merged=other_ids)
    return target


async def _distinct_members(
    session: AsyncSession, group: OpinionGroup, comment_ids: Sequence[int]
) -> list[Comment]:
    comments = (await session.scalars(select(Comment).where(Comment.id.in_(comment_ids)))).all()
    column = "campaign_id" if group.kind == GroupKind.CAMPAIGN else "topic_id"
    if len(comments) != len(set(comment_ids)) or any(getattr(c, column) != group.id for c in comments):
        raise InvalidInput("所选意见不全属于该分组", code="COMMENT_NOT_IN_GROUP")
    return list(comments)


async def split_group(
    session: AsyncSession,
    *,
    principal: Principal | None,
    group_id: int,
    comment_ids: Sequence[int],
    title: str = "",
) -> OpinionGroup:
    """Move the chosen comments of a group into a new group of the same kind."""
    group, principal = await _group_for_update(session, principal, group_id)
    chosen = await _distinct_members(session, group, comment_ids)
    column = Comment.campaign_id if group.kind == GroupKind.CAMPAIGN else Comment.topic_id
    total = await session.scalar(select(func.count()).where(column == group.id)) or 0
    if group.kind == GroupKind.CAMPAIGN and (len(chosen) < 2 or total - len(chosen) < 2):
        raise InvalidInput(
            "拆分后每个相同意见组至少要有2条意见；单条意见请用「移动」", code="SPLIT_TOO_SMALL"
        )
    if len(chosen) >= total:
        raise InvalidInput("不能把全部意见拆出；至少留下一条", code="SPLIT_ALL")
    if group.kind == GroupKind.TOPIC:
        for comment in chosen:
            if comment.campaign_id and not await _is_campaign_rep(session, comment):
                raise InvalidInput(
                    "相同意见组中的副本随其代表意见移动，请选择代表意见", code="COMMENT_IS_COPY"
                )
    representative = min(c.id for c in chosen)
    new = await _new_group(
        session,
        group.consultation_id,
        group.kind,
        representative,
        title=title.strip()[:200] or f"{group.title}（拆分）",
        keywords=list(group.keywords),
        edited_by_staff=True,
    )
    ids = [c.id for c in chosen]
    if group.kind == GroupKind.TOPIC:
        await _set_groups(session, ids, topic_id=new.id)
        await _move_campaign_copies(session, ids, new.id)
    else:
        topic_id = await session.scalar(select(Comment.topic_id).where(Comment.id == representative))
        await _set_groups(session, ids, campaign_id=new.id, topic_id=topic_id)
    group.edited_by_staff = True
    await _retire_if_empty(session, group)
    await _audit_group(session, principal, "split", group, new_group_id=new.id, comment_ids=ids)
    return new


async def _is_campaign_rep(session: AsyncSession, comment: Comment) -> bool:
    rep = await session.scalar(
        select(OpinionGroup.representative_id).where(OpinionGroup.id == comment.campaign_id)
    )
    return rep == comment.id


async def _move_campaign_copies(
    session: AsyncSession, representative_ids: Sequence[int], topic_id: int
) -> None:
    """A campaign representative takes its copies along to its new topic."""
    campaign_ids = (
        await session.scalars(
            select(OpinionGroup.id).where(
                OpinionGroup.kind == GroupKind.CAMPAIGN,
                OpinionGroup.retired_at.is_(None),
                OpinionGroup.representative_id.in_(representative_ids),
            )
        )
    ).all()
    if campaign_ids:
        await session.execute(
            update(Comment).where(Comment.campaign_id.in_(campaign_ids)).values(topic_id=topic_id)
        )


async def move_comment(
    session: AsyncSession, *, principal: Principal | None, comment_id: int, to_group_id: int
) -> OpinionGroup:
    """Move one comment into another group. Into a topic: a campaign's representative brings its copies,
    a copy leaves its campaign. Into a campaign: the comment becomes one of its copies."""
    target, principal = await _group_for_update(session, principal, to_group_id)
    comment = await session.get(Comment, comment_id, with_for_update=True)
    if comment is None or comment.consultation_id != target.consultation_id:
        raise NotFound("意见不存在或不属于该项目", code="COMMENT_NOT_FOUND")
    old_topic, old_campaign = comment.topic_id, comment.campaign_id
    is_rep = comment.campaign_id is not None and await _is_campaign_rep(session, comment)
    if target.kind == GroupKind.TOPIC:
        if comment.topic_id == target.id and not (comment.campaign_id and not is_rep):
            raise InvalidInput("该意见已在此分组中", code="ALREADY_IN_GROUP")
        comment.topic_id = target.id
        if is_rep:
            await _move_campaign_copies(session, [comment.id], target.id)
        elif comment.campaign_id is not None:
            comment.campaign_id = None
    else:
        if comment.campaign_id == target.id:
            raise InvalidInput("该意见已在此分组中", code="ALREADY_IN_GROUP")
        if is_rep:
            raise InvalidInput(
                "该意见是另一相同意见组的代表意见，请用「合并」", code="COMMENT_IS_REPRESENTATIVE"
            )
        comment.campaign_id = target.id
        comment.topic_id = await session.scalar(
            select(Comment.topic_id).where(Comment.id == target.representative_id)
        )
    await session.flush()
    for group_id in {old_topic, old_campaign} - {None, target.id}:
        old = await session.get_one(OpinionGroup, group_id)
        old.edited_by_staff = True
        await _retire_if_empty(session, old)
    target.edited_by_staff = True
    await _audit_group(
        session,
        principal,
        "comment_moved",
        target,
        comment_id=comment.id,
        from_topic=old_topic,
        from_campaign=old_campaign,
    )
    return target


async def update_group(
    session: AsyncSession,
    *,
    principal: Principal | None,
    group_id: int,
    title: str | None = None,
    summary: str | None = None,
) -> OpinionGroup:
    """Rename a group or write its summary (the text the statement quotes when given)."""
    group, principal = await _group_for_update(session, principal, group_id)
    if title is not None:
        if not title.strip():
            raise InvalidInput("分组名称不能为空", code="TITLE_REQUIRED")
        group.title = title.strip()[:200]
    if summary is not None:
        group.summary = summary.strip()[:5000]
    group.edited_by_staff = True
    await _audit_group(session, principal, "updated", group, title=group.title, summary=group.summary)
    return group
