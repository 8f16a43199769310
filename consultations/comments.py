"""Comment operations: online submission, offline records, moderation, receipts, and their digests.

A comment is committed before its receipt code is shown (the caller commits, then answers). A
retried submission with the same idempotency key returns the first comment's receipt.
"""

import hashlib
import json
import secrets
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Integer, String, and_, bindparam, cast, exists, literal, or_, select, true
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.sql.sqltypes import NullType

from api import audit
from api.accounts.models import Unit
from api.accounts.permissions import Principal, require_user
from api.db import UTCDateTime, utcnow
from api.errors import (
    Conflict,
    DomainError,
    InvalidInput,
    InvalidTransition,
    NotFound,
    PermissionDenied,
    RateLimited,
)
from api.outbox import notification_parameters, queued_notification_insert
from api.precompiled import Precompiled
from api.ratelimit import RateLimiter, Window, address_key, too_often
from consultations import permissions, service
from consultations.deadlines import DEFAULT_TZ, today_in
from consultations.models import (
    PUBLIC_STATUSES,
    Article,
    Channel,
    Comment,
    Consultation,
    DraftVersion,
    Moderation,
    Status,
    SubmitterType,
)
from consultations.text_rules import SensitiveWords, clean_text

RECEIPT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
OFFLINE_CHANNELS = frozenset({Channel.LETTER, Channel.EMAIL, Channel.PHONE, Channel.SYMPOSIUM, Channel.OTHER})
OFFLINE_STATUSES = frozenset({Status.OPEN, Status.CLOSED, Status.REVIEWING})


# action: (from states, to state, message when the comment is in another state)
MODERATION_TRANSITIONS = {
    "hide": (frozenset({Moderation.VISIBLE, Moderation.FLAGGED}), Moderation.HIDDEN, "该意见已被隐藏"),
    "restore": (frozenset({Moderation.HIDDEN}), Moderation.VISIBLE, "只有已隐藏的意见可以恢复显示"),
    "clear_flag": (frozenset({Moderation.FLAGGED}), Moderation.VISIBLE, "只有被标记待审的意见可以解除标记"),
}


@dataclass(frozen=True)
class CommentLimits:
    min_chars: int
    max_chars: int
    rate_limit: int  # per citizen per rate window
    rate_window_seconds: int
    ip_rate_limit: int = 600  # per client address per rate window, across accounts
    burst_threshold: int = 30  # from one address within one burst window; those beyond it are flagged
    burst_window_seconds: int = 60


def burst_reason(limits: CommentLimits) -> str:
    return (
        f"疑似批量提交：同一网络地址 {limits.burst_window_seconds} 秒内提交的意见超过 "
        f"{limits.burst_threshold} 条（系统自动标记，请核查）"
    )


def _rate_windows(user_id: int, client_ip: str, limits: CommentLimits) -> list[tuple[str, int]]:
    """The counters of one submission: the citizen's, and (when the address is known) the address's and
    its burst window's. All are counted by one limiter call: one Redis round trip."""
    windows = [(f"comment:{user_id}", limits.rate_window_seconds)]
    if client_ip:
        address = address_key(client_ip)
        windows.append((f"comment-ip:{address}", limits.rate_window_seconds))
        windows.append((f"comment-burst:{address}", limits.burst_window_seconds))
    return windows


def _over_the_limit(counted: list[Window], limits: CommentLimits) -> RateLimited | None:
    citizen, *address = counted
    if citizen.count > limits.rate_limit:
        minutes = limits.rate_window_seconds // 60
        return too_often(
            f"提交过于频繁：每 {minutes} 分钟最多提交 {limits.rate_limit} 条意见",
            retry_after=citizen.retry_after,
            code="COMMENT_RATE_LIMITED",
            scope="account",
        )
    if address and address[0].count > limits.ip_rate_limit:
        return too_often(
            "该网络地址提交意见过于频繁",
            retry_after=address[0].retry_after,
            code="COMMENT_RATE_LIMITED",
            scope="address",
        )
    return None


def new_receipt_code() -> str:
    """An unguessable receipt code like CY-7K3M-9QXD-2HFA-88ZP (80 random bits)."""
    number = int.from_bytes(secrets.token_bytes(10))
    symbols = "".join(RECEIPT_ALPHABET[(number >> shift) & 31] for shift in range(0, 80, 5))
    return "CY-" + "-".join(symbols[i : i + 4] for i in range(0, 16, 4))


def normalize_receipt_code(code: str) -> str:
    cleaned = code.strip().upper().replace(" ", "").replace("-", "")
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    if len(cleaned) == 18 and cleaned.startswith("CY"):  # a code may itself start with "CY"
        cleaned = cleaned[2:]
    if len(cleaned) != 16 or not set(cleaned) <= set(RECEIPT_ALPHABET):
        return ""
    return "CY-" + "-".join(cleaned[i : i + 4] for i in range(0, 16, 4))


def content_hash(comment: Comment) -> str:
    """SHA-256 over what makes the comment what it is; sealed into the audit chain later.

    The row id is left out (the unique receipt code identifies the comment), so the hash is known
    before the insert and costs no second write.
    """
    fields = {
        "consultation_id": comment.consultation_id,
        "draft_version_id": comment.draft_version_id,
        "article_id": comment.article_id,
        "author_id": comment.author_id,
        "channel": comment.channel,
        "body": comment.body,
        "receipt_code": comment.receipt_code,
        # Unset before the insert (the column default "" arrives with it); hash what will be stored.
        "submitter_name": comment.submitter_name or "",
        "postmarked_on": comment.postmarked_on.isoformat() if comment.postmarked_on else None,
        "received_on": comment.received_on.isoformat() if comment.received_on else None,
        "submitted_at": comment.submitted_at.isoformat(),
    }
    canonical = json.dumps(fields, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _now_ms() -> datetime:
    now = utcnow()
    return now.replace(microsecond=now.microsecond // 1000 * 1000)


async def _version_of_article(
    session: AsyncSession, consultation: Consultation, article_id: int | None
) -> int | None:
    """The draft version an offline comment refers to: its article's (any version), else the current one."""
    if article_id is None:
        return consultation.current_version_id
    version_id = await session.scalar(
        select(Article.draft_version_id)
        .join(DraftVersion, DraftVersion.id == Article.draft_version_id)
        .where(Article.id == article_id, DraftVersion.consultation_id == consultation.id)
    )
    if version_id is None:
        raise InvalidInput("所评论的条款不属于本征求意见项目", code="ARTICLE_NOT_IN_DRAFT")
    return version_id


def _check_offline_dates(
    consultation: Consultation, postmarked_on: date | None, received_on: date, today: date, tz: str
) -> None:
    opened_on = consultation.opens_at.astimezone(ZoneInfo(tz)).date() if consultation.opens_at else None
    for value, label in ((postmarked_on, "邮戳日期"), (received_on, "收到日期")):
        if value is None:
            continue
        if value > today:
            raise InvalidInput(f"{label}不能晚于今天", code="DATE_IN_FUTURE")
        if opened_on and value < opened_on:
            raise InvalidInput(f"{label}早于征求意见开始日期（{opened_on}）", code="DATE_BEFORE_OPENING")
    if postmarked_on and postmarked_on > received_on:
        raise InvalidInput("邮戳日期不能晚于收到日期", code="POSTMARK_AFTER_RECEIPT")


async def _existing_for_key(session: AsyncSession, key: str | None) -> Comment | None:
    if key is None:
        return None
    return await session.scalar(select(Comment).where(Comment.idempotency_key == key))


def _check_idempotent_replay(
    existing: Comment, consultation_id: int, body: str, article_id: int | None
) -> None:
    if (existing.consultation_id, existing.body, existing.article_id) != (consultation_id, body, article_id):
        raise Conflict(
            "该请求标识已用于另一条意见；如需提交新意见，请刷新页面后重试", code="IDEMPOTENCY_KEY_REUSED"
        )


def _idempotency_key(user_id: int, client_key: str | None) -> str | None:
    if client_key is None or not client_key.strip():
        return None
    client_key = client_key.strip()
    if len(client_key) > 64:
        raise InvalidInput("请求标识过长（最多 64 个字符）", code="IDEMPOTENCY_KEY_INVALID")
    if not client_key.isprintable():  # control characters, lone surrogates: the database cannot store some
        raise InvalidInput("请求标识包含无效字符", code="IDEMPOTENCY_KEY_INVALID")
    return f"{user_id}:{client_key}"


async def _insert(session: AsyncSession, comment: Comment) -> Comment:
    """Insert with a fresh receipt code (80 random bits) and its content hash."""
    comment.receipt_code = new_receipt_code()
    comment.content_hash = content_hash(comment)
    session.add(comment)
    await session.flush()
    return comment


_consultations, _articles = Consultation.__table__, Article.__table__
# Built once, in plain Core: it runs on every submission. The outer join finds the article only if it
# is in the current draft (an article id of None matches nothing).
_CONSULTATION_FOR_COMMENT = (
    select(
        _consultations.c.id,
        _consultations.c.title,
        _consultations.c.status,
        _consultations.c.opens_at,
        _consultations.c.closes_at,
        _consultations.c.closing_date,
        _consultations.c.current_version_id,
        _articles.c.id.label("article_found"),
    )
    .outerjoin(
        _articles,
        and_(
            _articles.c.id == bindparam("article_id"),
            _articles.c.draft_version_id == _consultations.c.current_version_id,
        ),
    )
    .where(_consultations.c.id == bindparam("consultation_id"))
)


async def _consultation_for_comment(
    session: AsyncSession, consultation_id: int, article_id: int | None
) -> Any:
    """One query: the consultation's window and draft, and whether the article is in the current draft."""
    connection = await session.connection()
    parameters = {"consultation_id": consultation_id, "article_id": article_id}
    return (await connection.execute(_CONSULTATION_FOR_COMMENT, parameters)).first()


def _refusal(consultation: Any, article_id: int | None, now: datetime) -> DomainError | None:
    """Why this consultation does not take this online comment now, or None."""
    if consultation is None or consultation.status not in PUBLIC_STATUSES:
        return NotFound("征求意见项目不存在", code="CONSULTATION_NOT_FOUND")
    if consultation.status != Status.OPEN or (consultation.closes_at and now >= consultation.closes_at):
        return InvalidTransition(
            f"征求意见已于 {consultation.closing_date} 24:00 截止，不再接收网上意见",
            code="COMMENT_WINDOW_CLOSED",
        )
    if consultation.opens_at and now < consultation.opens_at:
        return InvalidTransition("征求意见尚未开始", code="COMMENT_WINDOW_NOT_OPEN")
    if article_id is not None and consultation.article_found is None:
        return InvalidInput("所评论的条款不存在或草案已更新，请刷新页面后重试", code="ARTICLE_NOT_IN_DRAFT")
    return None


_comments = Comment.__table__
_COMMENT_COLUMNS = [column for column in _comments.columns if column.key != "id"]


def _bind_type(column: Any) -> Any:
    # A foreign key column's type is only filled in from the referred column later: an id is an Integer.
    return Integer() if isinstance(column.type, NullType) else column.type


def _guarded_comment_insert(dialect: Any) -> Any:
    """`INSERT INTO comments … SELECT <the comment> FROM consultations WHERE <it takes this comment now>
    ON CONFLICT (idempotency_key) DO NOTHING RETURNING id`.

    The WHERE repeats _refusal() in SQL (status open, within the window, the draft version the comment
    was hashed with is still the current one, the article is in it), so the check and the insert are one
    statement and no row is written for a consultation that does not take it. No row back means a
    replay or a refusal; the caller finds out which. The values are bind parameters named like the columns.
    """
    now = bindparam("submitted_at", type_=UTCDateTime)
    version = bindparam("draft_version_id", type_=Integer)
    article = bindparam("article_id", type_=Integer)
    takes_it = and_(
        _consultations.c.id == bindparam("consultation_id", type_=Integer),
        _consultations.c.status == Status.OPEN.value,
        _consultations.c.current_version_id == version,
        or_(_consultations.c.opens_at.is_(None), _consultations.c.opens_at <= now),
        or_(_consultations.c.closes_at.is_(None), _consultations.c.closes_at > now),
        or_(
            article.is_(None),
            exists().where(_articles.c.id == article, _articles.c.draft_version_id == version),
        ),
    )
    # The WHERE also keeps SQLite's parser from reading ON CONFLICT as a join constraint.
    values = select(*(bindparam(c.key, type_=_bind_type(c)) for c in _COMMENT_COLUMNS)).where(takes_it)
    statement = dialect.insert(_comments).from_select([c.key for c in _COMMENT_COLUMNS], values)
    return statement.on_conflict_do_nothing(index_elements=[_comments.c.idempotency_key]).returning(
        _comments.c.id
    )


RECEIPT_SUBJECT = "意见已收到"


def _receipt_body(title: Any, receipt_code: Any) -> Any:
    """The receipt notification's text; works on str and on SQL string expressions alike."""
    return "您对《" + title + "》的意见已收到，回执编号 " + receipt_code + "。可凭回执编号查询意见处理情况。"


def _receipt_notification(comment_id: Any, source: Any) -> Any:
    """The outbox row for a new comment's receipt, as an INSERT … SELECT (title from the consultation)."""
    return queued_notification_insert(
        body=_receipt_body(_consultations.c.title, bindparam("receipt_code", type_=String)),
        dedupe_key=literal("comment-receipt:", String) + cast(comment_id, String),
        source=source,
        where=_consultations.c.id == bindparam("consultation_id", type_=Integer),
    )


def _comment_with_receipt_statement() -> Any:
    """PostgreSQL: the guarded comment insert and its receipt notification in one statement (a
    data-modifying CTE), so a submission is BEGIN, the caller, this, COMMIT."""
    new_comment = _guarded_comment_insert(postgresql).cte("new_comment")
    receipt = _receipt_notification(new_comment.c.id, new_comment.join(_consultations, true())).cte("receipt")
    return select(new_comment.c.id).add_cte(receipt)


# Built and compiled once: a statement built per request, or even only cache-keyed and given its
# parameters by SQLAlchemy, costs more CPU than its database round trip (api/precompiled.py).
_GUARDED_INSERT = {
    "postgresql": Precompiled(_guarded_comment_insert(postgresql)),
    "sqlite": Precompiled(_guarded_comment_insert(sqlite)),
}
_GUARDED_INSERT_WITH_RECEIPT = Precompiled(_comment_with_receipt_statement())  # PostgreSQL
# SQLite has no data-modifying CTEs: there the notification is a second statement.
_RECEIPT_NOTIFICATION = Precompiled(
    _receipt_notification(bindparam("comment_id", type_=Integer), _consultations)
)

# consultation id -> the current draft version of a consultation that took a comment recently, so the next
# submission can go straight to the guarded insert (whose WHERE checks it again). A stale entry costs one
# extra round trip, never a wrong row. Per process.
_open_versions: dict[int, int] = {}


async def _insert_comment(session: AsyncSession, comment: Comment, receipt_to: str) -> int | None:
    """Insert the comment, and its receipt notification when receipt_to is a contact, if the consultation
    takes it now; return its id, or None when it was not inserted (a replay, or a refusal)."""
    connection = await session.connection()
    values = {c.key: getattr(comment, c.key) for c in _COMMENT_COLUMNS}
    if not receipt_to:
        return await _GUARDED_INSERT[connection.dialect.name].scalar(connection, values)
    notification = notification_parameters(
        recipient=receipt_to, kind="comment_receipt", subject=RECEIPT_SUBJECT, user_id=comment.author_id
    )
    if connection.dialect.name == "postgresql":
        return await _GUARDED_INSERT_WITH_RECEIPT.scalar(connection, values | notification)
    comment_id = await _GUARDED_INSERT["sqlite"].scalar(connection, values)
    if comment_id is not None:
        await _RECEIPT_NOTIFICATION.rows(connection, notification | values | {"comment_id": comment_id})
    return comment_id


async def submit_comment(
    session: AsyncSession,
    *,
    principal: Principal | None,
    consultation_id: int,
    body: str,
    article_id: int | None,
    idempotency_key: str | None,
    limiter: RateLimiter,
    limits: CommentLimits,
    sensitive_words: SensitiveWords,
    client_ip: str = "",
) -> tuple[Comment, bool]:
    """Submit a verified citizen's comment; returns (comment, created) — created is False on a replay.

    A replay (same idempotency key) gets the first comment back even after the window closed, and even
    over a rate limit, and does not count against it. One limiter call counts the citizen, the address and
    the address's burst window at once (one Redis round trip); then every write is one statement, atomic by
    itself: the comment, inserted only if the consultation takes it, with its receipt notification (on
    SQLite the notification is a second statement, and the session's transaction holds the two together).
    A comment beyond the burst threshold of its address is stored as usual, flagged for moderation.
    """
    principal = require_user(principal)
    if principal.is_staff:
        raise PermissionDenied(
            "工作人员账号不能以公众身份提交意见；线下意见请用「登记线下意见」", code="FORBIDDEN"
        )
    if not principal.verified:
        raise PermissionDenied("请先验证手机号码或邮箱后再提交意见", code="CONTACT_NOT_VERIFIED")
    body = clean_text(body, min_chars=limits.min_chars, max_chars=limits.max_chars)
    key = _idempotency_key(principal.user_id, idempotency_key)
    # Counted before anything is written, so a refusal writes nothing and a burst is flagged in the same
    # insert; a submission that stores nothing new (a replay, a refusal, a failure) takes its counts back.
    windows = _rate_windows(principal.user_id, client_ip, limits)
    counted = await limiter.hit_many(windows)
    counters = [key for key, _ in windows]
    if (refused := _over_the_limit(counted, limits)) is not None:
        existing = await _existing_for_key(session, key)  # a retry of a stored comment is never refused
        if existing is None:
            raise refused  # counted, like every attempt over the limit
        await limiter.undo_many(counters)
        _check_idempotent_replay(existing, consultation_id, body, article_id)
        return existing, False
    burst = len(counted) == 3 and counted[2].count > limits.burst_threshold
    try:
        comment, created = await _store_online_comment(
            session,
            principal,
            consultation_id,
            body,
            article_id,
            key,
            sensitive_words,
            flag_reason=burst_reason(limits) if burst else "",
        )
    except Exception:
        await limiter.undo_many(counters)
        raise
    if not created:
        await limiter.undo_many(counters)
    return comment, created


async def _store_online_comment(
    session: AsyncSession,
    principal: Principal,
    consultation_id: int,
    body: str,
    article_id: int | None,
    key: str | None,
    sensitive_words: SensitiveWords,
    *,
    flag_reason: str,
) -> tuple[Comment, bool]:
    """Insert the comment if the consultation takes it; (comment, True), or the replayed (comment, False).
    A flag_reason stores it flagged for moderation with that reason."""
    now = _now_ms()
    flagged = sensitive_words.find(body)
    # The first attempt trusts a known current draft version; when the insert refuses it, the
    # consultation is read and the insert tried with what it says.
    for attempt in range(2):
        version = _open_versions.get(consultation_id) if attempt == 0 else None
        if version is None:
            consultation = await _consultation_for_comment(session, consultation_id, article_id)
            refusal = _refusal(consultation, article_id, now)
            if refusal is not None:
                _open_versions.pop(consultation_id, None)
                existing = await _existing_for_key(session, key)
                if existing is None:
                    raise refusal
                _check_idempotent_replay(existing, consultation_id, body, article_id)
                return existing, False
            version = consultation.current_version_id
            if len(_open_versions) >= 10_000:
                _open_versions.clear()
            _open_versions[consultation_id] = version
        comment = Comment(
            consultation_id=consultation_id,
            draft_version_id=version,
            article_id=article_id,
            author_id=principal.user_id,
            channel=Channel.ONLINE,
            body=body,
            receipt_code=new_receipt_code(),
            idempotency_key=key,
            submitter_type=SubmitterType.INDIVIDUAL,
            submitter_name="",
            submitter_contact="",
            postmarked_on=None,
            received_on=None,
            submitted_at=now,
            recorded_by=None,
            is_late=False,
            moderation=Moderation.FLAGGED if flagged or flag_reason else Moderation.VISIBLE,
            moderation_reason=flag_reason,
            flagged_terms=flagged,
        )
        comment.content_hash = content_hash(comment)
        comment_id = await _insert_comment(session, comment, principal.contact)
        if comment_id is not None:
            comment.id = comment_id
            return comment, True
        existing = await _existing_for_key(session, key)
        if existing is not None:
            _check_idempotent_replay(existing, consultation_id, body, article_id)
            return existing, False
        _open_versions.pop(consultation_id, None)  # closed, or a new draft: read it again
    # The consultation changed between the read and the insert (closed, or a new draft published):
    # nothing was stored, and submitting again meets the new state.
    raise Conflict("征求意见项目刚刚发生变化，请刷新页面后重新提交", code="CONSULTATION_CHANGED")


async def record_offline_comment(
    session: AsyncSession,
    *,
    principal: Principal | None,
    consultation_id: int,
    channel: str,
    body: str,
    article_id: int | None,
    submitter_name: str,
    submitter_contact: str,
    submitter_type: str,
    postmarked_on: date | None,
    received_on: date | None,
    idempotency_key: str | None,
    limits: CommentLimits,
    sensitive_words: SensitiveWords,
    tz: str = DEFAULT_TZ,
) -> tuple[Comment, bool]:
    """Record a comment received by letter, email, phone or at a symposium; late ones are flagged.

    A letter is on time if postmarked by the closing date; anything else if received by then (by
    default it was received today). It may comment on an article of any version of the draft.
    """
    permissions.ensure_able(principal, "record_offline_comment")
    row = (
        await session.execute(
            select(Consultation, Unit.path)
            .join(Unit, Unit.id == Consultation.unit_id)
            .where(Consultation.id == consultation_id)
        )
    ).first()
    if row is None:
        raise NotFound("征求意见项目不存在", code="CONSULTATION_NOT_FOUND")
    consultation, path = row
    principal = permissions.ensure(principal, "record_offline_comment", path)
    if channel not in OFFLINE_CHANNELS:
        raise InvalidInput("线下意见渠道无效（信函、电子邮件、电话、座谈会或其他）", code="CHANNEL_INVALID")
    if submitter_type not in set(SubmitterType):
        raise InvalidInput("提交主体类型无效", code="SUBMITTER_TYPE_INVALID")
    if consultation.status not in OFFLINE_STATUSES:
        raise InvalidTransition("只能为已公开征求意见的项目登记线下意见", code="INVALID_TRANSITION")
    if channel == Channel.LETTER and postmarked_on is None:
        raise InvalidInput("信函意见须填写邮戳日期", code="POSTMARK_REQUIRED")
    body = clean_text(body, min_chars=limits.min_chars, max_chars=limits.max_chars)
    key = _idempotency_key(principal.user_id, idempotency_key)
    existing = await _existing_for_key(session, key)
    if existing is not None:
        _check_idempotent_replay(existing, consultation_id, body, article_id)
        return existing, False
    version_id = await _version_of_article(session, consultation, article_id)
    received_on = received_on or today_in(tz)
    _check_offline_dates(consultation, postmarked_on, received_on, today_in(tz), tz)
    dated = postmarked_on if channel == Channel.LETTER else received_on
    late = bool(consultation.closing_date and dated and dated > consultation.closing_date)
    flagged = sensitive_words.find(body)
    comment = Comment(
        consultation_id=consultation.id,
        draft_version_id=version_id,
        article_id=article_id,
        author_id=None,
        channel=channel,
        body=body,
        idempotency_key=key,
        submitter_type=submitter_type,
        submitter_name=clean_text(submitter_name, min_chars=0, max_chars=200, what="提交人"),
        submitter_contact=clean_text(submitter_contact, min_chars=0, max_chars=254, what="联系方式"),
        postmarked_on=postmarked_on,
        received_on=received_on,
        submitted_at=_now_ms(),
        recorded_by=principal.user_id,
        is_late=late,
        moderation=Moderation.FLAGGED if flagged else Moderation.VISIBLE,
        flagged_terms=flagged,
    )
    await _insert(session, comment)
    await service.touch_review(session, consultation.id)
    await audit.record(
        session,
        actor=principal.actor,
        action="comment.offline_recorded",
        subject_type="comment",
        subject_id=comment.id,
        after={
            "consultation_id": consultation.id,
            "channel": channel,
            "late": late,
            "postmarked_on": postmarked_on,
            "received_on": received_on,
            "receipt_code": comment.receipt_code,
        },
    )
    return comment, True


def accepts_recorded_comments(consultation: Consultation) -> bool:
    """Can comments still be recorded for it (offline or from a hearing)? Not once a statement is out."""
    return consultation.status in OFFLINE_STATUSES


async def record_hearing_comment(
    session: AsyncSession,
    *,
    recorded_by: Principal,
    consultation: Consultation,
    body: str,
    article_id: int | None,
    submitter_name: str,
    submitter_type: str,
    received_on: date,
    limits: CommentLimits,
    sensitive_words: SensitiveWords,
) -> Comment:
    """Turn a speaker's statement at a hearing into a comment (channel `hearing`), so it is aggregated
    and decided like every other comment. The hearing domain authorizes its organizer and checks that
    the consultation still accepts comments (accepts_recorded_comments)."""
    if not accepts_recorded_comments(consultation):
        raise InvalidTransition(
            "征求意见项目已发布采纳情况说明，不能再计入新的意见", code="INVALID_TRANSITION"
        )
    body = clean_text(body, min_chars=limits.min_chars, max_chars=limits.max_chars)
    flagged = sensitive_words.find(body)
    comment = Comment(
        consultation_id=consultation.id,
        draft_version_id=await _version_of_article(session, consultation, article_id),
        article_id=article_id,
        author_id=None,
        channel=Channel.HEARING,
        body=body,
        idempotency_key=None,
        submitter_type=submitter_type,
        submitter_name=clean_text(submitter_name, min_chars=0, max_chars=200, what="发言人"),
        submitter_contact="",
        postmarked_on=None,
        received_on=received_on,
        submitted_at=_now_ms(),
        recorded_by=recorded_by.user_id,
        is_late=False,
        moderation=Moderation.FLAGGED if flagged else Moderation.VISIBLE,
        flagged_terms=flagged,
    )
    await _insert(session, comment)
    await service.touch_review(session, consultation.id)
    await audit.record(
        session,
        actor=recorded_by.actor,
        action="comment.hearing_recorded",
        subject_type="comment",
        subject_id=comment.id,
        after={
            "consultation_id": consultation.id,
            "channel": Channel.HEARING,
            "receipt_code": comment.receipt_code,
        },
    )
    return comment


async def moderate_comment(
    session: AsyncSession, *, principal: Principal | None, comment_id: int, action: str, reason: str
) -> Comment:
    """Hide a comment from public display with a reason, or restore it; never delete (rules B1)."""
    permissions.ensure_able(principal, "moderate")
    row = (
        await session.execute(
            select(Comment, Unit.path)
            .join(Consultation, Consultation.id == Comment.consultation_id)
            .join(Unit, Unit.id == Consultation.unit_id)
            .where(Comment.id == comment_id)
            .with_for_update(of=Comment)
        )
    ).first()
    if row is None:
        raise NotFound("意见不存在", code="COMMENT_NOT_FOUND")
    comment, path = row
    principal = permissions.ensure(principal, "moderate", path)
    if action not in MODERATION_TRANSITIONS:
        raise InvalidInput("处理方式无效（hide / restore / clear_flag）", code="MODERATION_ACTION_INVALID")
    allowed_from, target, wrong_state = MODERATION_TRANSITIONS[action]
    if comment.moderation not in allowed_from:
        raise InvalidTransition(wrong_state, code="MODERATION_NOT_APPLICABLE")
    reason = clean_text(reason, min_chars=0, max_chars=2000, what="理由")
    if action == "hide" and len(reason) < 2:
        raise InvalidInput("隐藏意见须说明理由", code="MODERATION_REASON_REQUIRED")
    before = {"moderation": comment.moderation, "reason": comment.moderation_reason}
    comment.moderation = target
    comment.moderation_reason = reason
    await audit.record(
        session,
        actor=principal.actor,
        action=f"comment.{action}",
        subject_type="comment",
        subject_id=comment.id,
        before=before,
        after={"moderation": comment.moderation, "reason": comment.moderation_reason},
    )
    return comment


async def get_by_receipt(session: AsyncSession, *, code: str) -> Comment | None:
    """Get a comment by its receipt code."""
    normalized = normalize_receipt_code(code)
    if not normalized:
        return None
    return await session.scalar(select(Comment).where(Comment.receipt_code == normalized))
