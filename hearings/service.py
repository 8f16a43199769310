"""A hearing's lifecycle: create, publish its notice, cancel; lookups with visibility (rules C1–C3, C5).

`draft → published → in_session → held → reported`, or `cancelled` before it is held. Registration,
the draw and the participant list live in registration.py; observers, check-in, minutes and the report
in their own modules. Every change writes an audit event in the same transaction.
"""

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api import audit
from api.accounts.models import Unit
from api.accounts.permissions import Principal
from api.audit import Actor
from api.db import utcnow
from api.errors import InvalidInput, InvalidTransition, NotFound
from api.outbox import queue_notification
from consultations import service as consultation_service
from consultations.models import KIND_LABELS, Kind
from consultations.service import unit_path
from consultations.text_rules import clean_text
from hearings import permissions
from hearings.models import (
    HEARING_KIND_LABELS,
    PARTICIPANT_CATEGORY_LABELS,
    Hearing,
    HearingCategory,
    HearingKind,
    HearingStatus,
    InvitationStatus,
    ObserverInvitation,
    Registration,
    RegistrationStatus,
    SelectionMethod,
)

REGULATION_NOTICE_DAYS = 30  # 规章 hearings: time, place and content published 30 days before (GZ §16)
PUBLIC_METHODS = {"livestream": "网络直播", "audience": "公众旁听"}
PUBLIC_STATUSES = frozenset(
    {HearingStatus.PUBLISHED, HearingStatus.IN_SESSION, HearingStatus.HELD, HearingStatus.REPORTED}
)
STATUS_LABELS = {
    HearingStatus.DRAFT: "草稿",
    HearingStatus.PUBLISHED: "已发布公告",
    HearingStatus.IN_SESSION: "正在举行",
    HearingStatus.HELD: "已举行",
    HearingStatus.REPORTED: "已发布报告",
    HearingStatus.CANCELLED: "已取消",
}


@dataclass(frozen=True)
class CategoryQuota:
    code: str
    quota: int


@dataclass(frozen=True, kw_only=True)
class HearingNotice:
    """What an organizer fills in for a hearing's notice (validated by validate_notice)."""

    kind: str
    title: str
    starts_at: datetime
    registration_opens_at: datetime
    registration_closes_at: datetime
    categories: tuple[CategoryQuota, ...]
    selection_rules: str
    consultation_id: int | None = None
    decision_kind: str | None = None  # default: the linked consultation's kind, else 其他
    agenda: str = ""
    ends_at: datetime | None = None
    venue: str = ""
    stream_url: str = ""
    selection_method: str = SelectionMethod.DRAW
    is_public: bool = True
    public_methods: tuple[str, ...] = ()
    not_public_reason: str = ""
    observers_invited: bool = False


@dataclass(frozen=True, kw_only=True)
class HearingDraft(HearingNotice):
    """A new hearing: its notice and the unit that organizes it (validated by create_hearing)."""

    unit_id: int


async def get_for_update(session: AsyncSession, hearing_id: int) -> tuple[Hearing, str]:
    """Load a hearing with a row lock, and its unit's path."""
    row = (
        await session.execute(
            select(Hearing, Unit.path)
            .join(Unit, Unit.id == Hearing.unit_id)
            .where(Hearing.id == hearing_id)
            .with_for_update(of=Hearing)
        )
    ).first()
    if row is None:
        raise NotFound("听证会（座谈会、会议）不存在", code="HEARING_NOT_FOUND")
    return row[0], row[1]


async def get_organized(session: AsyncSession, principal: Principal | None, hearing_id: int) -> Hearing:
    """Lock a hearing for a change its unit's organizer makes."""
    permissions.ensure_able(principal, "organize")
    hearing, path = await get_for_update(session, hearing_id)
    permissions.ensure(principal, "organize", path)
    return hearing


async def get_visible(
    session: AsyncSession, *, principal: Principal | None, hearing_id: int
) -> Hearing | None:
    """A hearing if the caller may see it: public once its notice is published, else staff of its unit."""
    row = (
        await session.execute(
            select(Hearing, Unit.path).join(Unit, Unit.id == Hearing.unit_id).where(Hearing.id == hearing_id)
        )
    ).first()
    if row is None:
        return None
    hearing, path = row
    if is_public(hearing) or permissions.can(principal, "read_internal", path):
        return hearing
    return None


def is_public(hearing: Hearing) -> bool:
    """Public once its notice is published; a cancelled one stays public with its reason if it was."""
    return hearing.status in PUBLIC_STATUSES or (
        hearing.status == HearingStatus.CANCELLED and hearing.published_at is not None
    )


def _public_filter() -> Any:
    return Hearing.status.in_(PUBLIC_STATUSES) | (
        (Hearing.status == HearingStatus.CANCELLED) & Hearing.published_at.is_not(None)
    )


def can_read_internal(principal: Principal | None, unit_path: str) -> bool:
    return permissions.can(principal, "read_internal", unit_path)


async def audit_event(
    session: AsyncSession, actor: Actor, action: str, hearing: Hearing, **data: Any
) -> None:
    await audit.record(
        session,
        actor=actor,
        action=f"hearing.{action}",
        subject_type="hearing",
        subject_id=hearing.id,
        before=data.pop("before", None),
        after=data or None,
    )


def require_status(hearing: Hearing, *allowed: str, doing: str) -> None:
    if hearing.status not in allowed:
        raise InvalidTransition(
            f"当前状态为「{STATUS_LABELS[HearingStatus(hearing.status)]}」，不能{doing}",
            code="INVALID_TRANSITION",
        )


async def categories_of(session: AsyncSession, hearing_id: int) -> list[HearingCategory]:
    return list(
        await session.scalars(
            select(HearingCategory)
            .where(HearingCategory.hearing_id == hearing_id)
            .order_by(HearingCategory.position)
        )
    )


def _check_categories(categories: tuple[CategoryQuota, ...]) -> int:
    if not categories:
        raise InvalidInput("至少设置一个报名类别及其名额", code="CATEGORIES_REQUIRED")
    codes = [c.code for c in categories]
    for code in codes:
        if code not in PARTICIPANT_CATEGORY_LABELS:
            raise InvalidInput(f"报名类别无效：{code}", code="CATEGORY_INVALID")
    if len(set(codes)) != len(codes):
        raise InvalidInput("报名类别不能重复", code="CATEGORY_DUPLICATE")
    if any(c.quota < 1 or c.quota > 10_000 for c in categories):
        raise InvalidInput("每个类别的名额须在 1 至 10000 之间", code="QUOTA_INVALID")
    return sum(c.quota for c in categories)


def _check_times(notice: HearingNotice, now: datetime) -> None:
    if not notice.registration_opens_at < notice.registration_closes_at:
        raise InvalidInput("报名截止时间须晚于报名开始时间", code="REGISTRATION_WINDOW_INVALID")
    if not notice.registration_closes_at <= notice.starts_at:
        raise InvalidInput("报名须在举行之前截止", code="REGISTRATION_WINDOW_INVALID")
    if notice.ends_at is not None and notice.ends_at <= notice.starts_at:
        raise InvalidInput("结束时间须晚于开始时间", code="HEARING_TIME_INVALID")
    if notice.starts_at <= now:
        raise InvalidInput("举行时间须在将来", code="HEARING_TIME_INVALID")


def _check_publicity(notice: HearingNotice) -> None:
    if any(method not in PUBLIC_METHODS for method in notice.public_methods):
        raise InvalidInput("公开方式无效（网络直播或公众旁听）", code="PUBLIC_METHOD_INVALID")
    if notice.is_public and not notice.public_methods:
        raise InvalidInput("公开举行的，须选择公开方式（网络直播或公众旁听）", code="PUBLIC_METHOD_REQUIRED")
    if not notice.is_public and not notice.not_public_reason.strip():
        raise InvalidInput("不公开举行的，须说明理由", code="NOT_PUBLIC_REASON_REQUIRED")
    if "livestream" in notice.public_methods and not notice.stream_url.strip():
        raise InvalidInput("网络直播的，须填写直播地址", code="STREAM_URL_REQUIRED")


async def _decision_kind(
    session: AsyncSession, principal: Principal, unit_id: int, notice: HearingNotice
) -> str:
    """The kind of decision the hearing serves: given, else its consultation's, else 其他. A linked
    consultation must be one the organizer may see, of their unit or a unit above or below it."""
    consultation_kind = None
    if notice.consultation_id is not None:
        consultation = await consultation_service.get_visible(
            session, principal=principal, consultation_id=notice.consultation_id
        )
        if consultation is None:
            raise NotFound("关联的征求意见项目不存在", code="CONSULTATION_NOT_FOUND")
        consultation_path = await unit_path(session, consultation.unit_id)
        hearing_path = await unit_path(session, unit_id)
        if not (consultation_path.startswith(hearing_path) or hearing_path.startswith(consultation_path)):
            raise InvalidInput(
                "关联的征求意见项目不属于本单位或其上下级单位", code="CONSULTATION_UNIT_MISMATCH"
            )
        consultation_kind = consultation.kind
    kind = notice.decision_kind or consultation_kind or Kind.OTHER
    if kind not in set(Kind):
        raise InvalidInput("决策事项类型无效", code="KIND_INVALID")
    return kind


async def validate_notice(
    session: AsyncSession, *, principal: Principal, unit_id: int, notice: HearingNotice
) -> dict[str, Any]:
    """Check a notice (creating or editing alike) and return the hearing's columns it sets."""
    if notice.kind not in set(HearingKind):
        raise InvalidInput("会议类型无效（听证会、座谈会或会议）", code="HEARING_KIND_INVALID")
    if notice.selection_method not in set(SelectionMethod):
        raise InvalidInput("遴选方式无效（抽签或先到先得）", code="SELECTION_METHOD_INVALID")
    seats = _check_categories(notice.categories)
    _check_times(notice, utcnow())
    _check_publicity(notice)
    return {
        "consultation_id": notice.consultation_id,
        "kind": notice.kind,
        "decision_kind": await _decision_kind(session, principal, unit_id, notice),
        "title": clean_text(notice.title, min_chars=2, max_chars=300, what="标题").replace("\n", " "),
        "agenda": clean_text(notice.agenda, min_chars=0, max_chars=20_000, what="议程"),
        "starts_at": notice.starts_at,
        "ends_at": notice.ends_at,
        "venue": clean_text(notice.venue, min_chars=0, max_chars=300, what="地点"),
        "stream_url": notice.stream_url.strip()[:500],
        "registration_opens_at": notice.registration_opens_at,
        "registration_closes_at": notice.registration_closes_at,
        "seats": seats,
        "selection_method": notice.selection_method,
        "selection_rules": clean_text(notice.selection_rules, min_chars=0, max_chars=20_000, what="遴选办法"),
        "is_public": notice.is_public,
        "public_methods": list(notice.public_methods) if notice.is_public else [],
        "not_public_reason": "" if notice.is_public else notice.not_public_reason.strip(),
        "observers_invited": notice.observers_invited,
    }


def _add_categories(session: AsyncSession, hearing_id: int, categories: tuple[CategoryQuota, ...]) -> None:
    session.add_all(
        HearingCategory(hearing_id=hearing_id, code=c.code, quota=c.quota, position=position)
        for position, c in enumerate(categories)
    )


async def create_hearing(
    session: AsyncSession, *, principal: Principal | None, draft: HearingDraft
) -> Hearing:
    """Create a hearing in `draft` with its categories and quotas; seats are the sum of the quotas."""
    permissions.ensure_able(principal, "organize")
    principal = permissions.ensure(principal, "organize", await unit_path(session, draft.unit_id))
    values = await validate_notice(session, principal=principal, unit_id=draft.unit_id, notice=draft)
    hearing = Hearing(
        unit_id=draft.unit_id, status=HearingStatus.DRAFT, created_by=principal.user_id, **values
    )
    session.add(hearing)
    await session.flush()
    _add_categories(session, hearing.id, draft.categories)
    await session.flush()
    await audit_event(
        session,
        principal.actor,
        "created",
        hearing,
        title=hearing.title,
        kind=hearing.kind,
        unit_id=hearing.unit_id,
        consultation_id=hearing.consultation_id,
        seats=hearing.seats,
        categories={c.code: c.quota for c in draft.categories},
        selection_method=hearing.selection_method,
    )
    return hearing


def _audit_value(value: Any) -> Any:
    """A column's value as the audit log records it; instants in UTC, so equal instants compare equal."""
    if isinstance(value, datetime):
        aware = value if value.tzinfo else value.replace(tzinfo=UTC)
        return aware.astimezone(UTC).isoformat()
    return value


async def update_hearing(
    session: AsyncSession, *, principal: Principal | None, hearing_id: int, notice: HearingNotice
) -> Hearing:
    """Replace a draft's notice (same checks as creating it); the audit event records what changed."""
    permissions.ensure_able(principal, "organize")
    hearing, path = await get_for_update(session, hearing_id)
    principal = permissions.ensure(principal, "organize", path)
    require_status(hearing, HearingStatus.DRAFT, doing="修改公告（公告发布后不能修改，可取消后重新创建）")
    values = await validate_notice(session, principal=principal, unit_id=hearing.unit_id, notice=notice)
    old_categories = await categories_of(session, hearing.id)
    before: dict[str, Any] = {}
    after: dict[str, Any] = {}
    for column, value in values.items():
        current = getattr(hearing, column)
        if _audit_value(current) != _audit_value(value):
            before[column] = _audit_value(current)
            after[column] = _audit_value(value)
            setattr(hearing, column, value)
    old_quotas = [(c.code, c.quota) for c in old_categories]
    new_quotas = [(c.code, c.quota) for c in notice.categories]
    if old_quotas != new_quotas:
        # A draft takes no registrations, so nothing refers to its categories yet.
        for category in old_categories:
            await session.delete(category)
        await session.flush()
        _add_categories(session, hearing.id, notice.categories)
        before["categories"] = dict(old_quotas)
        after["categories"] = dict(new_quotas)
    await session.flush()
    await audit_event(session, principal.actor, "updated", hearing, before=before, **after)
    return hearing


def notice_days(hearing: Hearing, configured_days: int) -> int:
    """Days of notice before the hearing: 30 for a 规章 (rules C2), else the deployment's setting."""
    return REGULATION_NOTICE_DAYS if hearing.decision_kind == Kind.REGULATION else configured_days


async def publish_hearing(
    session: AsyncSession, *, principal: Principal | None, hearing_id: int, notice_days_setting: int
) -> Hearing:
    """Publish the notice and the selection rules; registration opens by its window, after this."""
    permissions.ensure_able(principal, "organize")
    hearing, path = await get_for_update(session, hearing_id)
    principal = permissions.ensure(principal, "organize", path)
    require_status(hearing, HearingStatus.DRAFT, doing="发布公告")
    now = utcnow()
    if not hearing.selection_rules.strip():
        raise InvalidInput("发布前须填写遴选办法，并在报名开始前公布", code="SELECTION_RULES_REQUIRED")
    if hearing.registration_opens_at < now:
        raise InvalidInput(
            "公告和遴选办法须在报名开始前公布：报名开始时间已过，请先调整报名时间",
            code="REGISTRATION_ALREADY_OPEN",
        )
    days = notice_days(hearing, notice_days_setting)
    if hearing.starts_at - now < timedelta(days=days):
        kind_label = KIND_LABELS[Kind(hearing.decision_kind)]
        raise InvalidInput(
            f"{kind_label}的{HEARING_KIND_LABELS[HearingKind(hearing.kind)]}"
            f"须至少提前 {days} 日公告举行时间、地点和内容",
            code="NOTICE_TOO_SHORT",
            minimum_days=days,
        )
    hearing.status = HearingStatus.PUBLISHED
    hearing.published_at = now
    await audit_event(
        session,
        principal.actor,
        "published",
        hearing,
        before={"status": HearingStatus.DRAFT},
        status=hearing.status,
    )
    return hearing


async def cancel_hearing(
    session: AsyncSession, *, principal: Principal | None, hearing_id: int, reason: str
) -> Hearing:
    """Cancel a hearing not yet held; the reason is public with the notice."""
    hearing = await get_organized(session, principal, hearing_id)
    require_status(hearing, HearingStatus.DRAFT, HearingStatus.PUBLISHED, doing="取消")
    reason = clean_text(reason, min_chars=2, max_chars=2000, what="取消理由")
    before = hearing.status
    hearing.status = HearingStatus.CANCELLED
    hearing.cancelled_reason = reason
    assert principal is not None
    notified = await _notify_cancellation(session, hearing)
    await audit_event(
        session,
        principal.actor,
        "cancelled",
        hearing,
        before={"status": before},
        reason=reason,
        notified=notified,
    )
    return hearing


async def _notify_cancellation(session: AsyncSession, hearing: Hearing) -> int:
    """Tell everyone registered or invited (and not already out) that the hearing will not take place."""
    registrants = await session.execute(
        select(Registration.id, Registration.contact, Registration.user_id).where(
            Registration.hearing_id == hearing.id, Registration.status != RegistrationStatus.CANCELLED
        )
    )
    invitees = await session.execute(
        select(ObserverInvitation.id, ObserverInvitation.contact).where(
            ObserverInvitation.hearing_id == hearing.id,
            ObserverInvitation.status.in_([InvitationStatus.INVITED, InvitationStatus.ACCEPTED]),
        )
    )
    subject = f"{HEARING_KIND_LABELS[HearingKind(hearing.kind)]}取消通知"
    body = f"您报名或受邀参加的“{hearing.title}”已取消。取消理由：{hearing.cancelled_reason}"
    recipients: list[tuple[str, str, int | None]] = [
        (f"registration:{i}", contact, user) for i, contact, user in registrants.all()
    ]
    recipients += [(f"invitation:{i}", contact, None) for i, contact in invitees.all()]
    for key, contact, user_id in recipients:
        await queue_notification(
            session,
            recipient=contact,
            kind="hearing_cancelled",
            subject=subject,
            body=body,
            user_id=user_id,
            dedupe_key=f"hearing-cancelled:{hearing.id}:{key}",
        )
    return len(recipients)


async def list_hearings(
    session: AsyncSession,
    *,
    principal: Principal | None,
    consultation_id: int | None = None,
    unit_id: int | None = None,
    include_internal: bool = False,
    limit: int = 50,
    after_id: int | None = None,
) -> list[Hearing]:
    """Public hearings (and, for staff asking for them, their units' drafts), newest first."""
    query = select(Hearing).join(Unit, Unit.id == Hearing.unit_id)
    visible = _public_filter()
    if include_internal and principal is not None:
        paths = principal.unit_paths(permissions.ACTION_ROLES["read_internal"])
        for path in paths:
            visible = visible | Unit.path.startswith(path)
    query = query.where(visible)
    if consultation_id is not None:
        query = query.where(Hearing.consultation_id == consultation_id)
    if unit_id is not None:
        query = query.where(Hearing.unit_id == unit_id)
    if after_id is not None:
        query = query.where(Hearing.id < after_id)
    return list(await session.scalars(query.order_by(Hearing.id.desc()).limit(limit)))


def registration_open(hearing: Hearing, now: datetime) -> bool:
    return (
        hearing.status == HearingStatus.PUBLISHED
        and hearing.registration_opens_at <= now < hearing.registration_closes_at
    )
