"""Registration and fair selection: sign-up, seats, the waitlist, the draw and the participant list
(rules C3, C5, H).

- A verified citizen registers once per hearing (a cancelled registration may be followed by a new one)
  in one of its interest-group categories, with a contact, whether they wish to speak, a summary of
  their position and whether they consent to be named on the public list. Each registration gets a
  random applicant code: its pseudonym on the public applicant list and in the draw.
- First come (先到先得): a seat is taken at once while the category has one, else the applicant joins
  the category's ranked waitlist. Draw (抽签): applicants wait for the draw, which the organizer runs
  after registration closes by revealing the seed committed to earlier (selection.py); the unselected
  form the waitlist in draw order.
- A cancelled seat goes to the first on the category's waitlist at once, who is notified.
- Manual selection by the organizer needs a reason and stays within the quota; the public list says so.

Concurrency: a seat is a number 1..quota within its category. Every operation here takes the hearing
row first (FOR SHARE; the draw and the organizer's hearing changes take it FOR UPDATE), then the
category row FOR UPDATE, so seat decisions in one category run one at a time on PostgreSQL; on SQLite
every transaction is BEGIN IMMEDIATE, so writers run one at a time anyway. The unique
(category_id, seat_number) constraint is the second line of defence, and the partial unique index on
(hearing_id, user_id) decides between concurrent duplicate registrations.
"""

import hashlib
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, and_, case, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from api import audit
from api.accounts.models import Unit
from api.accounts.permissions import Principal, require_user
from api.accounts.service import normalize_contact
from api.audit import SYSTEM, Actor
from api.db import utcnow
from api.errors import Conflict, DomainError, InvalidInput, InvalidTransition, NotFound, PermissionDenied
from api.outbox import queue_notification
from consultations.deadlines import DEFAULT_TZ
from consultations.statement.masking import mask_name
from consultations.text_rules import clean_text
from hearings import permissions, selection, service
from hearings.attendance import assign_check_in_codes
from hearings.models import (
    HEARING_KIND_LABELS,
    PARTICIPANT_CATEGORY_LABELS,
    Hearing,
    HearingCategory,
    HearingKind,
    HearingStatus,
    ParticipantCategory,
    Registration,
    RegistrationStatus,
    SelectedBy,
    SelectionMethod,
)

CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32: no I, L, O, U
ORGANIZATION_CATEGORIES = frozenset({ParticipantCategory.ENTERPRISE, ParticipantCategory.SOCIAL_ORGANIZATION})
STATUS_LABELS = {
    RegistrationStatus.APPLIED: "已报名，待抽签",
    RegistrationStatus.SELECTED: "已确定参加",
    RegistrationStatus.WAITLISTED: "候补",
    RegistrationStatus.CANCELLED: "已取消",
}
SELECTED_BY_LABELS = {
    SelectedBy.DRAW: "抽签选定",
    SelectedBy.FIRST_COME: "按报名先后确定",
    SelectedBy.PROMOTION: "候补递补",
    SelectedBy.MANUAL: "组织者选定",
}


@dataclass(frozen=True)
class RegistrationForm:
    """What an applicant fills in (validated by register_for_hearing)."""

    hearing_id: int
    category: str
    name: str
    contact: str | None = None  # default: the account's verified phone or email
    organization: str = ""
    wishes_to_speak: bool = False
    position_summary: str = ""
    consent_to_be_named: bool = False  # rules H: separate consent to appear by name on the public list


@dataclass(frozen=True)
class Participant:
    """One line of the public participant list: personal data only as the participant consented."""

    category: str
    seat_number: int
    named: bool
    name: str  # the name if they consented, else masked (张*)
    organization: str  # only if they consented
    wishes_to_speak: bool
    selected_by: str
    manual_reason: str


@dataclass(frozen=True)
class CategoryCounts:
    category: str
    quota: int
    applied: int
    selected: int
    waitlisted: int
    cancelled: int


def new_applicant_code() -> str:
    """A random public pseudonym like 7K3M-9QXD-2HFA (60 bits): nobody can choose their place in a draw."""
    number = int.from_bytes(secrets.token_bytes(8)) >> 4
    symbols = "".join(CODE_ALPHABET[(number >> shift) & 31] for shift in range(0, 60, 5))
    return "-".join(symbols[i : i + 4] for i in range(0, 12, 4))


def _local(moment: datetime, tz: str) -> str:
    return moment.astimezone(ZoneInfo(tz)).strftime("%Y-%m-%d %H:%M")


def _category_label(code: str) -> str:
    return PARTICIPANT_CATEGORY_LABELS[ParticipantCategory(code)]


def _hearing_label(hearing: Hearing) -> str:
    kind = HEARING_KIND_LABELS[HearingKind(hearing.kind)]
    # Titles usually name the kind already (…立法听证会); say it only when they do not. Quotation marks,
    # not 《》: the title may itself name a document in 《》.
    return f"“{hearing.title}”" if hearing.title.endswith(kind) else f"“{hearing.title}”{kind}"


# ---- locks and lookups ---------------------------------------------------------------------------


async def _hearing_shared(session: AsyncSession, hearing_id: int) -> tuple[Hearing, str]:
    """The hearing and its unit's path, locked FOR SHARE: registrations run side by side, while the draw
    and the organizer's changes to the hearing (FOR UPDATE) wait for them and they for those."""
    row = (
        await session.execute(
            select(Hearing, Unit.path)
            .join(Unit, Unit.id == Hearing.unit_id)
            .where(Hearing.id == hearing_id)
            .with_for_update(read=True, of=Hearing)
        )
    ).first()
    if row is None:
        raise NotFound("听证会（座谈会、会议）不存在", code="HEARING_NOT_FOUND")
    return row[0], row[1]


async def _lock_category(session: AsyncSession, category_id: int) -> HearingCategory:
    """The category row FOR UPDATE: one seat decision at a time in a category."""
    return (
        await session.execute(
            select(HearingCategory).where(HearingCategory.id == category_id).with_for_update()
        )
    ).scalar_one()


async def _lock_registration(session: AsyncSession, registration_id: int) -> Registration:
    """Re-read a registration under the locks (a concurrent cancel or promotion may have changed it)."""
    return (
        await session.execute(
            select(Registration)
            .where(Registration.id == registration_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
    ).scalar_one()


async def _registration_keys(session: AsyncSession, registration_id: int) -> Any:
    row = (
        await session.execute(
            select(Registration.hearing_id, Registration.category_id, Registration.user_id).where(
                Registration.id == registration_id
            )
        )
    ).first()
    if row is None:
        raise NotFound("报名记录不存在", code="REGISTRATION_NOT_FOUND")
    return row


async def _free_seats(session: AsyncSession, category: HearingCategory) -> list[int]:
    """Seat numbers 1..quota not held by a registration, lowest first (call with the category locked)."""
    taken = set(
        await session.scalars(
            select(Registration.seat_number).where(
                Registration.category_id == category.id, Registration.seat_number.is_not(None)
            )
        )
    )
    return [number for number in range(1, category.quota + 1) if number not in taken]


@dataclass(frozen=True)
class _Occupancy:
    seats_taken: int
    waiting: int
    highest_rank: int


async def _occupancy(session: AsyncSession, category: HearingCategory) -> _Occupancy:
    """Seats held, registrations waitlisted and the highest waitlist rank given (category locked): one
    query, so a registration for a full category costs no more than this."""
    row = (
        await session.execute(
            select(
                func.count(Registration.seat_number),
                func.coalesce(func.sum(case((Registration.status == RegistrationStatus.WAITLISTED, 1))), 0),
                func.coalesce(func.max(Registration.waitlist_rank), 0),
            ).where(Registration.category_id == category.id)
        )
    ).one()
    return _Occupancy(seats_taken=row[0], waiting=row[1], highest_rank=row[2])


def _integrity_error(error: IntegrityError) -> DomainError:
    message = str(error.orig)
    if "uq_hearing_registrations_live" in message or "hearing_registrations.user_id" in message:
        return Conflict("您已报名参加本次会议；如需更换类别，请先取消原报名", code="DUPLICATE_REGISTRATION")
    if "seat_number" in message:  # the locks make this unreachable; the constraint stays as a backstop
        conflict = Conflict("名额分配冲突，请重试", code="SEAT_CONFLICT")
        conflict.retryable = True
        return conflict
    raise error


async def _audit_registration(
    session: AsyncSession,
    actor: Actor,
    action: str,
    registration: Registration,
    *,
    before: dict[str, Any] | None = None,
    **after: Any,
) -> None:
    # Pseudonymous on purpose: the applicant code, not the name or contact, goes into the append-only log.
    await audit.record(
        session,
        actor=actor,
        action=f"hearing.registration_{action}",
        subject_type="hearing_registration",
        subject_id=registration.id,
        before=before,
        after={
            "hearing_id": registration.hearing_id,
            "applicant_code": registration.applicant_code,
            "status": registration.status,
            "seat_number": registration.seat_number,
            "waitlist_rank": registration.waitlist_rank,
            **after,
        },
    )


def _state(registration: Registration) -> dict[str, Any]:
    return {
        "status": registration.status,
        "seat_number": registration.seat_number,
        "waitlist_rank": registration.waitlist_rank,
    }


async def _notify(
    session: AsyncSession, registration: Registration, *, kind: str, subject: str, body: str
) -> None:
    """Queue a message to the registration's contact; the dedupe key makes each (registration, kind)
    message exist once, whatever is retried."""
    await queue_notification(
        session,
        recipient=registration.contact,
        user_id=registration.user_id,
        kind=f"hearing_{kind}",
        subject=subject,
        body=body,
        dedupe_key=f"hearing-registration:{registration.id}:{kind}",
    )


async def _fill_free_seats(
    session: AsyncSession, hearing: Hearing, category: HearingCategory, *, because: str, tz: str
) -> list[Registration]:
    """Give the category's free seats to its waitlist, rank 1 first; notify each (category locked)."""
    free = await _free_seats(session, category)
    if not free:
        return []
    waiting = list(
        await session.scalars(
            select(Registration)
            .where(
                Registration.category_id == category.id,
                Registration.status == RegistrationStatus.WAITLISTED,
            )
            .order_by(Registration.waitlist_rank, Registration.id)
            .limit(len(free))
            .with_for_update()
        )
    )
    now = utcnow()
    for registration, seat in zip(waiting, free, strict=False):
        before = _state(registration)
        registration.status = RegistrationStatus.SELECTED
        registration.seat_number = seat
        registration.selected_by = SelectedBy.PROMOTION
        registration.selected_at = now
        await assign_check_in_codes(session, [registration])
        await session.flush()
        await _notify(
            session,
            registration,
            kind="promoted",
            subject="候补递补成功：您已获得参加名额",
            body=f"您报名的{_hearing_label(hearing)}（{_local(hearing.starts_at, tz)}，{hearing.venue}）"
            f"有名额空出，您已由候补递补为参加人（类别：{_category_label(category.code)}）。"
            "如不能参加，请尽早取消报名，以便名额递补给其他候补人员。",
        )
        await _audit_registration(session, SYSTEM, "promoted", registration, before=before, because=because)
    return waiting


# ---- registering and cancelling ------------------------------------------------------------------


def _check_window(hearing: Hearing, now: datetime, tz: str) -> None:
    if hearing.status == HearingStatus.CANCELLED:
        raise InvalidTransition("该会议已取消，不再接受报名", code="HEARING_CANCELLED")
    if hearing.status != HearingStatus.PUBLISHED or now >= hearing.registration_closes_at:
        raise InvalidTransition(
            f"报名已于 {_local(hearing.registration_closes_at, tz)} 截止", code="REGISTRATION_CLOSED"
        )
    if now < hearing.registration_opens_at:
        raise InvalidTransition(
            f"报名尚未开始，开始时间为 {_local(hearing.registration_opens_at, tz)}",
            code="REGISTRATION_NOT_OPEN",
        )


@dataclass(frozen=True)
class _CleanForm:
    name: str
    contact: str
    organization: str
    position_summary: str


def _clean_form(principal: Principal, form: RegistrationForm) -> _CleanForm:
    if not form.name.strip():
        raise InvalidInput("请填写参加人姓名", code="NAME_REQUIRED")
    name = clean_text(form.name, min_chars=2, max_chars=100, what="姓名").replace("\n", " ")
    organization = clean_text(form.organization, min_chars=0, max_chars=200, what="单位").replace("\n", " ")
    if form.category in ORGANIZATION_CATEGORIES and not organization:
        raise InvalidInput(
            f"以「{_category_label(form.category)}」类别报名的，须填写所代表的单位名称",
            code="ORGANIZATION_REQUIRED",
        )
    summary = clean_text(form.position_summary, min_chars=0, max_chars=2000, what="观点摘要")
    if form.wishes_to_speak and len(summary) < 10:
        raise InvalidInput("申请发言的，须填写观点摘要（至少 10 个字）", code="POSITION_SUMMARY_REQUIRED")
    contact = normalize_contact(form.contact) if form.contact and form.contact.strip() else principal.contact
    if not contact:
        raise InvalidInput("请填写联系电话或电子邮箱", code="CONTACT_INVALID")
    return _CleanForm(name=name, contact=contact, organization=organization, position_summary=summary)


async def register_for_hearing(
    session: AsyncSession, *, principal: Principal | None, form: RegistrationForm, tz: str = DEFAULT_TZ
) -> tuple[Registration, Hearing]:
    """Register a verified citizen in one category; first come takes a seat or a waitlist rank at once.
    Returns the registration and its hearing."""
    principal = require_user(principal)
    if principal.is_staff:
        raise PermissionDenied("工作人员账号不能以公众身份报名，请使用个人账号报名", code="FORBIDDEN")
    if not principal.verified:
        raise PermissionDenied("请先验证手机号码或邮箱后再报名", code="CONTACT_NOT_VERIFIED")
    if form.category not in PARTICIPANT_CATEGORY_LABELS:
        raise InvalidInput(f"报名类别无效：{form.category}", code="CATEGORY_INVALID")
    cleaned = _clean_form(principal, form)
    # One round trip: the hearing (FOR SHARE), the category, and whether the caller already registered
    # (a courtesy check for a clear message; the unique index decides between concurrent attempts).
    already = (
        select(Registration.id)
        .where(
            Registration.hearing_id == Hearing.id,
            Registration.user_id == principal.user_id,
            Registration.status != RegistrationStatus.CANCELLED,
        )
        .exists()
    )
    row = (
        await session.execute(
            select(Hearing, HearingCategory, already)
            .outerjoin(
                HearingCategory,
                and_(HearingCategory.hearing_id == Hearing.id, HearingCategory.code == form.category),
            )
            .where(Hearing.id == form.hearing_id)
            .with_for_update(read=True, of=Hearing)
        )
    ).first()
    if row is None or not service.is_public(row[0]):
        raise NotFound("听证会（座谈会、会议）不存在", code="HEARING_NOT_FOUND")
    hearing, category, registered_already = row
    now = utcnow()
    _check_window(hearing, now, tz)
    if category is None:
        raise InvalidInput(
            f"本次会议不设「{_category_label(form.category)}」类别的名额", code="CATEGORY_NOT_OFFERED"
        )
    if registered_already:
        raise Conflict("您已报名参加本次会议；如需更换类别，请先取消原报名", code="DUPLICATE_REGISTRATION")
    registration = Registration(
        hearing_id=hearing.id,
        category_id=category.id,
        user_id=principal.user_id,
        applicant_code=new_applicant_code(),
        name=cleaned.name,
        organization=cleaned.organization,
        contact=cleaned.contact,
        wishes_to_speak=form.wishes_to_speak,
        position_summary=cleaned.position_summary,
        consent_to_be_named=form.consent_to_be_named,
        status=RegistrationStatus.APPLIED,
        manual_reason="",
        registered_at=now,
    )
    if hearing.selection_method == SelectionMethod.FIRST_COME:
        # A seat is decided now: lock the category, then read its occupancy in a new statement (on
        # PostgreSQL a statement that waited for the lock would still see the data from before the wait).
        await _lock_category(session, category.id)
        occupancy = await _occupancy(session, category)
        if occupancy.seats_taken < category.quota and occupancy.waiting:
            # Nobody jumps the queue: a free seat goes to the waitlist before a newcomer is placed.
            await _fill_free_seats(session, hearing, category, because="registration", tz=tz)
            occupancy = await _occupancy(session, category)
        if occupancy.seats_taken < category.quota:
            registration.status = RegistrationStatus.SELECTED
            registration.seat_number = (await _free_seats(session, category))[0]
            registration.selected_by = SelectedBy.FIRST_COME
            registration.selected_at = now
            await assign_check_in_codes(session, [registration])
        else:
            registration.status = RegistrationStatus.WAITLISTED
            registration.waitlist_rank = occupancy.highest_rank + 1
    session.add(registration)
    try:
        await session.flush()
    except IntegrityError as error:
        raise _integrity_error(error) from error
    # The audit event last: it takes the one lock every writer shares, so it is held the shortest time.
    await _notify(session, registration, kind="received", **_received_message(hearing, registration, tz))
    await _audit_registration(
        session, principal.actor, "created", registration, category=category.code, by=principal.user_id
    )
    return registration, hearing


def _received_message(hearing: Hearing, registration: Registration, tz: str) -> dict[str, str]:
    what = f"您已报名参加{_hearing_label(hearing)}（{_local(hearing.starts_at, tz)}，{hearing.venue}）"
    code = f"报名编号（公开名单上的代码）{registration.applicant_code}"
    if registration.status == RegistrationStatus.SELECTED:
        return {
            "subject": "报名成功：您已获得参加名额",
            "body": f"{what}，已获得参加名额。{code}。"
            "如不能参加，请在会议开始前取消报名，名额将递补给候补人员。",
        }
    if registration.status == RegistrationStatus.WAITLISTED:
        return {
            "subject": f"报名已受理：名额已满，您是候补第 {registration.waitlist_rank} 位",
            "body": f"{what}。该类别名额已满，您是候补第 {registration.waitlist_rank} 位；"
            f"有人取消时按顺序递补，递补后会另行通知。{code}。",
        }
    return {
        "subject": "报名已受理，待抽签确定参加人",
        "body": f"{what}。报名截止（{_local(hearing.registration_closes_at, tz)}）后，将按公布的遴选办法"
        f"公开抽签确定参加人，结果会另行通知。{code}，可在公布的抽签数据中核对。",
    }


async def cancel_registration(
    session: AsyncSession, *, principal: Principal | None, registration_id: int, tz: str = DEFAULT_TZ
) -> tuple[Registration, Hearing, HearingCategory]:
    """Cancel one's own registration before the hearing starts; a freed seat goes to the waitlist.
    Returns the registration, its hearing and its category."""
    principal = require_user(principal)
    keys = await _registration_keys(session, registration_id)
    if keys.user_id != principal.user_id:
        raise NotFound("报名记录不存在", code="REGISTRATION_NOT_FOUND")
    hearing, _path = await _hearing_shared(session, keys.hearing_id)
    category = await _lock_category(session, keys.category_id)
    registration = await _lock_registration(session, registration_id)
    if registration.status == RegistrationStatus.CANCELLED:
        raise InvalidTransition("该报名已取消", code="ALREADY_CANCELLED")
    if hearing.status == HearingStatus.CANCELLED:
        raise InvalidTransition("该会议已取消，无需取消报名", code="HEARING_CANCELLED")
    now = utcnow()
    if hearing.status != HearingStatus.PUBLISHED or now >= hearing.starts_at:
        raise InvalidTransition("会议已开始，不能再取消报名", code="CANCEL_TOO_LATE")
    before = _state(registration)
    registration.status = RegistrationStatus.CANCELLED
    registration.seat_number = None  # the seat is free for the next on the waitlist
    registration.cancelled_at = now
    await session.flush()  # before the promotion takes the same seat number
    await _audit_registration(session, principal.actor, "cancelled", registration, before=before)
    if before["seat_number"] is not None:
        await _fill_free_seats(session, hearing, category, because=f"cancelled:{registration.id}", tz=tz)
    return registration, hearing, category


# ---- the draw ------------------------------------------------------------------------------------


def _require_draw(hearing: Hearing) -> None:
    if hearing.selection_method != SelectionMethod.DRAW:
        raise InvalidTransition("本次会议按报名先后确定参加人，不进行抽签", code="DRAW_NOT_USED")


async def commit_draw_seed(
    session: AsyncSession, *, principal: Principal | None, hearing_id: int, seed_sha256: str
) -> Hearing:
    """Publish the SHA-256 of the organizer's secret seed: once, and before registration closes."""
    hearing = await service.get_organized(session, principal, hearing_id)
    assert principal is not None
    _require_draw(hearing)
    service.require_status(hearing, HearingStatus.DRAFT, HearingStatus.PUBLISHED, doing="承诺抽签种子")
    if hearing.seed_sha256 is not None:
        raise Conflict("抽签种子的哈希值已经公布，不能更改", code="SEED_ALREADY_COMMITTED")
    if utcnow() >= hearing.registration_closes_at:
        raise InvalidTransition(
            "报名已截止，不能再承诺抽签种子：种子的哈希值须在报名名单确定之前公布",
            code="SEED_COMMIT_TOO_LATE",
        )
    value = seed_sha256.strip().lower()
    if not selection.is_commitment(value):
        raise InvalidInput(
            "种子哈希值须为 64 位十六进制的 SHA-256 值（种子本身请保密，抽签时再公布）",
            code="SEED_HASH_INVALID",
        )
    if value == selection.seed_commitment(""):
        raise InvalidInput("这是空字符串的哈希值：请用足够长的随机种子", code="SEED_HASH_INVALID")
    hearing.seed_sha256 = value
    hearing.seed_committed_at = utcnow()
    await service.audit_event(session, principal.actor, "draw_seed_committed", hearing, seed_sha256=value)
    return hearing


def _document_header(hearing: Hearing, unit_name: str) -> dict[str, Any]:
    return {
        "format": selection.DOCUMENT_FORMAT,
        "algorithm": selection.ALGORITHM,
        "hearing": {
            "id": hearing.id,
            "title": hearing.title,
            "kind": hearing.kind,
            "unit": unit_name,
            "starts_at": hearing.starts_at.isoformat(),
            "registration_opens_at": hearing.registration_opens_at.isoformat(),
            "registration_closes_at": hearing.registration_closes_at.isoformat(),
        },
        "seed_sha256": hearing.seed_sha256,
        "seed_committed_at": hearing.seed_committed_at.isoformat() if hearing.seed_committed_at else None,
    }


async def _hearing_registrations(session: AsyncSession, hearing_id: int) -> list[Registration]:
    """Live registrations in registration order."""
    return list(
        await session.scalars(
            select(Registration)
            .where(
                Registration.hearing_id == hearing_id,
                Registration.status != RegistrationStatus.CANCELLED,
            )
            .order_by(Registration.registered_at, Registration.id)
        )
    )


def _draw_inputs(
    categories: Sequence[HearingCategory], registrations: Sequence[Registration]
) -> list[tuple[HearingCategory, list[Registration], list[Registration]]]:
    """Per category: (category, manually selected, applicants waiting for the draw)."""
    result = []
    for category in categories:
        mine = [r for r in registrations if r.category_id == category.id]
        manual = [r for r in mine if r.status == RegistrationStatus.SELECTED]
        applied = [r for r in mine if r.status == RegistrationStatus.APPLIED]
        result.append((category, manual, applied))
    return result


def _manual_entries(manual: Sequence[Registration]) -> list[dict[str, str]]:
    return [{"applicant_code": r.applicant_code, "reason": r.manual_reason} for r in manual]


async def draw_participants(
    session: AsyncSession, *, principal: Principal | None, hearing_id: int, seed: str, tz: str = DEFAULT_TZ
) -> Hearing:
    """Reveal the seed and draw every category (selection.py); notify every applicant of the result.

    Runs once: the stored draw (drawn_at) refuses a second run, and each notification's dedupe key makes
    a retried request unable to send a result twice.
    """
    hearing = await service.get_organized(session, principal, hearing_id)
    assert principal is not None
    _require_draw(hearing)
    if hearing.drawn_at is not None:
        raise Conflict(f"已于 {_local(hearing.drawn_at, tz)} 抽签，不能重复抽签", code="ALREADY_DRAWN")
    service.require_status(hearing, HearingStatus.PUBLISHED, doing="抽签")
    if hearing.seed_sha256 is None:
        raise InvalidTransition(
            "尚未公布抽签种子的哈希值，不能抽签；可改为人工选定参加人并说明理由", code="SEED_NOT_COMMITTED"
        )
    now = utcnow()
    if now < hearing.registration_closes_at:
        raise InvalidTransition(
            f"报名截止（{_local(hearing.registration_closes_at, tz)}）后才能抽签",
            code="REGISTRATION_STILL_OPEN",
        )
    if now >= hearing.starts_at:
        raise InvalidTransition("会议已开始，不能再抽签", code="DRAW_TOO_LATE")
    if len(seed) > selection.SEED_MAX_CHARS or selection.seed_commitment(seed) != hearing.seed_sha256:
        raise InvalidInput(
            "所公布的种子与事先承诺的哈希值不符：请输入当初生成哈希值时使用的原始种子（区分大小写和空格）",
            code="SEED_MISMATCH",
        )
    categories = await service.categories_of(session, hearing.id)
    registrations = await _hearing_registrations(session, hearing.id)
    published: list[dict[str, Any]] = []
    outcomes: list[Registration] = []
    for category, manual, applied in _draw_inputs(categories, registrations):
        free = await _free_seats(session, category)
        result = selection.draw_category(
            seed,
            selection.CategoryInput(
                category=category.code, seats=len(free), applicants=tuple(r.applicant_code for r in applied)
            ),
        )
        by_code = {r.applicant_code: r for r in applied}
        for seat, code in zip(free, result.selected, strict=False):
            chosen = by_code[code]
            chosen.status = RegistrationStatus.SELECTED
            chosen.seat_number = seat
            chosen.selected_by = SelectedBy.DRAW
            chosen.selected_at = now
        for rank, code in enumerate(result.waitlist, start=1):
            by_code[code].status = RegistrationStatus.WAITLISTED
            by_code[code].waitlist_rank = rank
        outcomes.extend(by_code[code] for code in (*result.selected, *result.waitlist))
        published.append(
            {
                "category": category.code,
                "label": _category_label(category.code),
                "quota": category.quota,
                "manually_selected": _manual_entries(manual),
                "seats_drawn": len(free),
                "applicants": [r.applicant_code for r in applied],
                "selected": list(result.selected),
                "waitlist": list(result.waitlist),
            }
        )
    await assign_check_in_codes(session, [r for r in outcomes if r.status == RegistrationStatus.SELECTED])
    hearing.seed = seed
    hearing.drawn_at = now
    unit_name = await session.scalar(select(Unit.name).where(Unit.id == hearing.unit_id)) or ""
    hearing.draw_record = {
        **_document_header(hearing, unit_name),
        "seed": seed,
        "drawn_at": now.isoformat(),
        "categories": published,
    }
    await session.flush()
    for registration in outcomes:
        await _notify(session, registration, kind="draw_result", **_draw_message(hearing, registration, tz))
    await service.audit_event(
        session,
        principal.actor,
        "drawn",
        hearing,
        seed=seed,
        record_sha256=document_sha256(hearing.draw_record),
        selected={c["category"]: len(c["selected"]) for c in published},
        waitlisted={c["category"]: len(c["waitlist"]) for c in published},
    )
    return hearing


def _draw_message(hearing: Hearing, registration: Registration, tz: str) -> dict[str, str]:
    what = f"您报名的{_hearing_label(hearing)}（{_local(hearing.starts_at, tz)}，{hearing.venue}）已公开抽签"
    code = f"您的报名编号 {registration.applicant_code}，可用公布的种子和名单自行核验抽签结果。"
    if registration.status == RegistrationStatus.SELECTED:
        return {
            "subject": "抽签结果：您已被选为参加人",
            "body": f"{what}，您已被选为参加人。{code}如不能参加，请尽早取消报名，名额将递补给候补人员。",
        }
    return {
        "subject": f"抽签结果：您是候补第 {registration.waitlist_rank} 位",
        "body": f"{what}，您未被抽中，是候补第 {registration.waitlist_rank} 位；有参加人取消时按顺序递补，"
        f"递补后会另行通知。{code}",
    }


def document_sha256(document: dict[str, Any]) -> str:
    """SHA-256 of a draw document's canonical JSON (sorted keys, no spaces, UTF-8)."""
    canonical = json.dumps(document, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


async def draw_document(session: AsyncSession, hearing: Hearing) -> dict[str, Any] | None:
    """The public draw data: after the draw exactly as stored then; before it, the commitment and the
    applicant codes so far. None for a first-come hearing."""
    if hearing.selection_method != SelectionMethod.DRAW:
        return None
    if hearing.draw_record is not None:
        return hearing.draw_record
    unit_name = await session.scalar(select(Unit.name).where(Unit.id == hearing.unit_id)) or ""
    categories = await service.categories_of(session, hearing.id)
    registrations = await _hearing_registrations(session, hearing.id)
    return {
        **_document_header(hearing, unit_name),
        "seed": None,
        "drawn_at": None,
        "categories": [
            {
                "category": category.code,
                "label": _category_label(category.code),
                "quota": category.quota,
                "manually_selected": _manual_entries(manual),
                "seats_drawn": max(category.quota - len(manual), 0),
                "applicants": [r.applicant_code for r in applied],
                "selected": None,
                "waitlist": None,
            }
            for category, manual, applied in _draw_inputs(categories, registrations)
        ],
    }


# ---- the organizer's choices and the public list -------------------------------------------------


async def select_participant_manually(
    session: AsyncSession,
    *,
    principal: Principal | None,
    registration_id: int,
    reason: str,
    tz: str = DEFAULT_TZ,
) -> Registration:
    """Give an applicant a seat by the organizer's decision, within the quota, with a public reason."""
    permissions.ensure_able(principal, "organize")
    keys = await _registration_keys(session, registration_id)
    hearing, path = await _hearing_shared(session, keys.hearing_id)
    principal = permissions.ensure(principal, "organize", path)
    reason = clean_text(reason, min_chars=0, max_chars=1000, what="理由")
    if len(reason) < 2:
        raise InvalidInput(
            "人工选定参加人须说明理由（理由将在公布的参加人名单上注明）", code="MANUAL_REASON_REQUIRED"
        )
    category = await _lock_category(session, keys.category_id)
    registration = await _lock_registration(session, registration_id)
    if registration.status == RegistrationStatus.SELECTED:
        raise InvalidTransition("该报名人已是参加人", code="ALREADY_SELECTED")
    if registration.status == RegistrationStatus.CANCELLED:
        raise InvalidTransition("该报名已由本人取消，不能选定", code="REGISTRATION_CANCELLED")
    service.require_status(hearing, HearingStatus.PUBLISHED, doing="选定参加人")
    if utcnow() >= hearing.starts_at:
        raise InvalidTransition("会议已开始，不能再选定参加人", code="HEARING_STARTED")
    free = await _free_seats(session, category)
    if not free:
        raise InvalidTransition(
            f"「{_category_label(category.code)}」类别的 {category.quota} 个名额已满，不能再选定参加人",
            code="QUOTA_FULL",
        )
    before = _state(registration)
    registration.status = RegistrationStatus.SELECTED
    registration.seat_number = free[0]
    registration.selected_by = SelectedBy.MANUAL
    registration.manual_reason = reason
    registration.selected_at = utcnow()
    await assign_check_in_codes(session, [registration])
    await session.flush()
    await _notify(
        session,
        registration,
        kind="selected_manually",
        subject="您已被确定为参加人",
        body=f"您报名的{_hearing_label(hearing)}（{_local(hearing.starts_at, tz)}，{hearing.venue}），"
        f"组织单位已确定您为参加人（类别：{_category_label(category.code)}）。"
        "如不能参加，请尽早取消报名。",
    )
    await _audit_registration(
        session, principal.actor, "selected_manually", registration, before=before, reason=reason
    )
    return registration


async def publish_participant_list(
    session: AsyncSession, *, principal: Principal | None, hearing_id: int
) -> Hearing:
    """Publish the participant list (rules C3) once nobody is waiting for a decision."""
    hearing = await service.get_organized(session, principal, hearing_id)
    assert principal is not None
    service.require_status(hearing, HearingStatus.PUBLISHED, doing="公布参加人名单")
    if hearing.participant_list_published_at is not None:
        raise Conflict("参加人名单已经公布；之后的递补会自动更新公布的名单", code="LIST_ALREADY_PUBLISHED")
    if utcnow() < hearing.registration_closes_at:
        raise InvalidTransition("报名截止后才能公布参加人名单", code="REGISTRATION_STILL_OPEN")
    counts = await registration_counts(session, hearing.id)
    if any(c.applied for c in counts):
        raise InvalidTransition("尚有报名人等待抽签，请先抽签再公布名单", code="DRAW_NOT_DONE")
    selected = sum(c.selected for c in counts)
    if selected == 0:
        raise InvalidTransition("尚无确定的参加人，不能公布名单", code="NO_PARTICIPANTS")
    hearing.participant_list_published_at = utcnow()
    await service.audit_event(
        session, principal.actor, "participant_list_published", hearing, participants=selected
    )
    return hearing


def participant_list_visible(hearing: Hearing, principal: Principal | None, unit_path: str) -> bool:
    """Public once published; staff of the unit may preview it before."""
    return hearing.participant_list_published_at is not None or service.can_read_internal(
        principal, unit_path
    )


async def participant_list(session: AsyncSession, hearing_id: int) -> list[Participant]:
    """The selected participants by category and seat: named only with consent (rules H), else 张*."""
    rows = await session.execute(
        select(Registration, HearingCategory.code)
        .join(HearingCategory, HearingCategory.id == Registration.category_id)
        .where(Registration.hearing_id == hearing_id, Registration.status == RegistrationStatus.SELECTED)
        .order_by(HearingCategory.position, Registration.seat_number)
    )
    return [
        Participant(
            category=code,
            seat_number=r.seat_number or 0,
            named=r.consent_to_be_named,
            name=r.name if r.consent_to_be_named else mask_name(r.name),
            organization=r.organization if r.consent_to_be_named else "",
            wishes_to_speak=r.wishes_to_speak,
            selected_by=r.selected_by or "",
            manual_reason=r.manual_reason if r.selected_by == SelectedBy.MANUAL else "",
        )
        for r, code in rows
    ]


async def registration_counts(session: AsyncSession, hearing_id: int) -> list[CategoryCounts]:
    """Registrations by category and status, with each category's quota (in the hearing's order)."""
    categories = await service.categories_of(session, hearing_id)
    rows = await session.execute(
        select(Registration.category_id, Registration.status, func.count())
        .where(Registration.hearing_id == hearing_id)
        .group_by(Registration.category_id, Registration.status)
    )
    counts: dict[tuple[int, str], int] = {(c, s): n for c, s, n in rows.all()}
    return [
        CategoryCounts(
            category=c.code,
            quota=c.quota,
            applied=counts.get((c.id, RegistrationStatus.APPLIED), 0),
            selected=counts.get((c.id, RegistrationStatus.SELECTED), 0),
            waitlisted=counts.get((c.id, RegistrationStatus.WAITLISTED), 0),
            cancelled=counts.get((c.id, RegistrationStatus.CANCELLED), 0),
        )
        for c in categories
    ]


# ---- reading registrations -----------------------------------------------------------------------


async def my_registration(session: AsyncSession, *, user_id: int, hearing_id: int) -> Registration | None:
    """The caller's latest registration for a hearing (a live one, else the last cancelled)."""
    return await session.scalar(
        select(Registration)
        .where(Registration.hearing_id == hearing_id, Registration.user_id == user_id)
        .order_by(Registration.id.desc())
        .limit(1)
    )


async def waitlist_position(session: AsyncSession, registration: Registration) -> int | None:
    """Place on the waitlist now: 1 + those waiting ahead in the same category."""
    if registration.status != RegistrationStatus.WAITLISTED or registration.waitlist_rank is None:
        return None
    ahead = await session.scalar(
        select(func.count()).where(
            Registration.category_id == registration.category_id,
            Registration.status == RegistrationStatus.WAITLISTED,
            Registration.waitlist_rank < registration.waitlist_rank,
        )
    )
    return (ahead or 0) + 1


async def organized_hearing(
    session: AsyncSession, *, principal: Principal | None, hearing_id: int
) -> Hearing:
    """A hearing whose registrations (with contacts) the caller may read: its unit's organizer only."""
    permissions.ensure_able(principal, "organize")
    row = (
        await session.execute(
            select(Hearing, Unit.path).join(Unit, Unit.id == Hearing.unit_id).where(Hearing.id == hearing_id)
        )
    ).first()
    if row is None:
        raise NotFound("听证会（座谈会、会议）不存在", code="HEARING_NOT_FOUND")
    permissions.ensure(principal, "organize", row[1])
    return row[0]


def registrations_query(
    hearing_id: int, *, category: str | None = None, status: str | None = None
) -> Select[Registration, str]:
    """A hearing's registrations with their category code, in registration order (staff lists, export)."""
    query = (
        select(Registration, HearingCategory.code)
        .join(HearingCategory, HearingCategory.id == Registration.category_id)
        .where(Registration.hearing_id == hearing_id)
    )
    if category is not None:
        query = query.where(HearingCategory.code == category)
    if status is not None:
        query = query.where(Registration.status == status)
    return query.order_by(Registration.id)


async def list_registrations(
    session: AsyncSession,
    *,
    hearing_id: int,
    category: str | None = None,
    status: str | None = None,
    limit: int = 50,
    after_id: int | None = None,
) -> tuple[list[tuple[Registration, str]], int]:
    """A page of a hearing's registrations (registration order) and how many match in all."""
    query = registrations_query(hearing_id, category=category, status=status)
    total = await session.scalar(select(func.count()).select_from(query.order_by(None).subquery()))
    if after_id is not None:
        query = query.where(Registration.id > after_id)
    rows = [(r, code) for r, code in (await session.execute(query.limit(limit))).all()]
    return rows, total or 0


async def my_registrations(
    session: AsyncSession, *, principal: Principal | None, limit: int = 20, after_id: int | None = None
) -> list[tuple[Registration, Hearing, str]]:
    """The caller's registrations with their hearings and category codes, newest first."""
    principal = require_user(principal)
    query = (
        select(Registration, Hearing, HearingCategory.code)
        .join(Hearing, Hearing.id == Registration.hearing_id)
        .join(HearingCategory, HearingCategory.id == Registration.category_id)
        .where(Registration.user_id == principal.user_id)
    )
    if after_id is not None:
        query = query.where(Registration.id < after_id)
    rows = await session.execute(query.order_by(Registration.id.desc()).limit(limit))
    return [(r, h, code) for r, h, code in rows.all()]
