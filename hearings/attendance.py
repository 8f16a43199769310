"""The day itself: materials delivered to participants (rules C3), opening the hearing, check-in codes and
their QR codes, checking people in at the door, and attendance counts.

- Materials: the first `record_materials_delivered` stamps the delivery time the C3 gate counts from and
  notifies every selected participant and accepted observer through the outbox (with their check-in
  code). A later call changes neither the time nor the note: it only sends the materials to people
  confirmed since (promoted from the waitlist, observers who accepted later). Each person is notified
  once per hearing (dedupe key), however often it is called or retried.
- Opening (`published → in_session`): only from the hearing's day (local date of `starts_at`). For a
  听证会 the materials must have reached participants at least 7 days before that day (calendar days,
  the delivery day not counted, rules A2/C3); otherwise it is refused unless the organizer gives a
  reason, which is stored and audited.
- Check-in codes: eight Crockford base-32 symbols (`K7M3-9QXD`), typed or scanned from the QR code at the
  door. A registration gets one when it is selected (`assign_check_in_codes`: the draw, first-come
  seating, waitlist promotion, manual selection), an invitation when the invitee accepts; a seat given
  before codes came with selection gets its code when the materials go out. Reading one (`myCheckIn`)
  writes nothing. Check-in is open only while the hearing is `in_session`: opening is the moment the
  C3 gate is passed, so nobody is checked in to a hearing that may not be held.
"""

import io
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import segno
from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm.attributes import set_committed_value

from api.accounts.permissions import Principal, require_user
from api.db import utcnow
from api.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from api.outbox import Notification, queue_notification
from consultations.text_rules import clean_text
from hearings import permissions, service
from hearings.models import (
    HEARING_KIND_LABELS,
    OBSERVER_CATEGORY_LABELS,
    PARTICIPANT_CATEGORY_LABELS,
    Hearing,
    HearingCategory,
    HearingKind,
    HearingStatus,
    InvitationStatus,
    ObserverCategory,
    ObserverInvitation,
    ParticipantCategory,
    Registration,
    RegistrationStatus,
)

MATERIALS_LEAD_DAYS = 7  # 713 §16 ¶3: materials reach participants at least 7 days before a 听证会
CHECK_IN_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base 32: no I, L, O, U
CHECK_IN_SYMBOLS = 8  # 40 random bits: short enough to type at the door
DEDUPE_BATCH = 500


# --- check-in codes ------------------------------------------------------------------------------------


def new_check_in_code() -> str:
    number = int.from_bytes(secrets.token_bytes(5))
    symbols = "".join(CHECK_IN_ALPHABET[(number >> shift) & 31] for shift in range(0, 40, 5))
    return f"{symbols[:4]}-{symbols[4:]}"


def normalize_check_in_code(code: str) -> str | None:
    """The stored form of a typed or scanned code (case, spaces, dashes and O/I/L forgiven), or None."""
    cleaned = code.strip().upper().replace(" ", "").replace("-", "").translate(str.maketrans("OIL", "011"))
    if len(cleaned) != CHECK_IN_SYMBOLS or not set(cleaned) <= set(CHECK_IN_ALPHABET):
        return None
    return f"{cleaned[:4]}-{cleaned[4:]}"


async def _code_in_use(session: AsyncSession, code: str) -> bool:
    for model in (Registration, ObserverInvitation):
        if await session.scalar(select(model.id).where(model.check_in_code == code)) is not None:
            return True
    return False


async def _unused_code(session: AsyncSession) -> str:
    # Registrations and invitations have a unique index each; a code must also be unique across both.
    for _ in range(10):
        code = new_check_in_code()
        if not await _code_in_use(session, code):
            return code
    raise RuntimeError("could not find an unused check-in code")  # 10 collisions in 2^40: never


async def _ensure_code(session: AsyncSession, row: Registration | ObserverInvitation) -> str:
    if row.check_in_code:
        return row.check_in_code
    model = type(row)
    code = await _unused_code(session)
    # Set only if still unset: of two requests racing for the first code, both end up with the winner's.
    await session.execute(
        update(model)
        .where(model.id == row.id, model.check_in_code.is_(None))
        .values(check_in_code=code)
        .execution_options(synchronize_session=False)
    )
    stored = await session.scalar(select(model.check_in_code).where(model.id == row.id))
    assert stored is not None
    set_committed_value(row, "check_in_code", stored)
    return stored


async def ensure_check_in_code(session: AsyncSession, registration: Registration) -> str:
    """The check-in code of a selected registration; materials delivery calls this for registrations
    selected before codes were given on selection (assign_check_in_codes)."""
    return await _ensure_code(session, registration)


async def assign_check_in_codes(session: AsyncSession, registrations: Sequence[Registration]) -> None:
    """Give each newly selected registration its check-in code, in the selecting transaction (the draw,
    first-come seating, waitlist promotion, manual selection), so that reading one (`myCheckIn`) writes
    nothing. One query per table for the lot checks the codes are unused across both."""
    missing = [r for r in registrations if not r.check_in_code]
    for _ in range(10):
        if not missing:
            return
        codes = {new_check_in_code() for _ in missing}
        taken: set[str] = set()
        for model in (Registration, ObserverInvitation):
            taken.update(
                await session.scalars(select(model.check_in_code).where(model.check_in_code.in_(codes)))
            )
        for registration, code in zip(missing, sorted(codes - taken), strict=False):
            registration.check_in_code = code
        missing = [r for r in missing if not r.check_in_code]
    raise RuntimeError("could not find unused check-in codes")  # 10 rounds of collisions in 2^40: never


async def ensure_invitation_check_in_code(session: AsyncSession, invitation: ObserverInvitation) -> str:
    """The check-in code of an accepted observer invitation, generated on acceptance."""
    return await _ensure_code(session, invitation)


def check_in_qr_svg(code: str) -> str:
    """A QR code (SVG) holding the check-in code, for the door's scanner (a regular QR code, not a
    Micro QR, which many scanners do not read)."""
    qr = segno.make_qr(code, error="m")
    buffer = io.BytesIO()
    qr.save(buffer, kind="svg", scale=6, border=4, dark="#000", light="#fff", xmldecl=False, title=code)
    return buffer.getvalue().decode()


# --- time helpers ----------------------------------------------------------------------------------------


def local_date(instant: datetime, tz: str) -> date:
    return instant.astimezone(ZoneInfo(tz)).date()


def local_time_text(instant: datetime, tz: str) -> str:
    local = instant.astimezone(ZoneInfo(tz))
    return f"{local.year}年{local.month}月{local.day}日 {local:%H:%M}"


def hearing_intro(hearing: Hearing, tz: str) -> str:
    """「title」(kind), when and where: the first line of every notification about a hearing."""
    kind = HEARING_KIND_LABELS[HearingKind(hearing.kind)]
    where = f"在{hearing.venue}" if hearing.venue else ""
    return f"{kind}「{hearing.title}」将于{local_time_text(hearing.starts_at, tz)}{where}举行"


async def notify_once(session: AsyncSession, messages: list[tuple[str, dict[str, Any]]]) -> list[str]:
    """Queue each (dedupe key, notification) whose key was never used; return the keys queued.

    The caller holds the row lock that orders competing writers (the hearing's, or the invitations'),
    so a key checked here cannot be taken before the insert; the unique index on the key is the
    backstop."""
    keys = [key for key, _ in messages]
    used: set[str] = set()
    for start in range(0, len(keys), DEDUPE_BATCH):
        batch = keys[start : start + DEDUPE_BATCH]
        used.update(
            await session.scalars(select(Notification.dedupe_key).where(Notification.dedupe_key.in_(batch)))
        )
    queued: list[str] = []
    for key, message in messages:
        if key not in used:
            await queue_notification(session, dedupe_key=key, **message)
            used.add(key)
            queued.append(key)
    return queued


# --- materials (rules C3) -------------------------------------------------------------------------------


def materials_shortfall(hearing: Hearing, tz: str) -> tuple[str, str] | None:
    """Why a 听证会 may not be opened yet as far as materials go: (code, message), or None if they were
    delivered in time (or the kind has no such rule)."""
    if hearing.kind != HearingKind.HEARING:
        return None
    if hearing.materials_delivered_at is None:
        return (
            "MATERIALS_NOT_DELIVERED",
            f"听证材料尚未登记送达：须至少在举行 {MATERIALS_LEAD_DAYS} 日前送达听证参加人",
        )
    days = (local_date(hearing.starts_at, tz) - local_date(hearing.materials_delivered_at, tz)).days
    if days < MATERIALS_LEAD_DAYS:
        return (
            "MATERIALS_TOO_LATE",
            f"听证材料于举行前 {max(days, 0)} 日送达，不足 {MATERIALS_LEAD_DAYS} 日",
        )
    return None


def _materials_message(hearing: Hearing, name: str, code: str, tz: str) -> tuple[str, str]:
    subject = f"会议材料：{hearing.title}"[:200]
    body = (
        f"{name}您好：{hearing_intro(hearing, tz)}。会议材料：{hearing.materials_note}\n"
        f"您的签到码：{code}，入场时请出示（或出示二维码）。"
    )
    return subject, body


async def _selected_registrations(session: AsyncSession, hearing_id: int) -> list[Registration]:
    return list(
        await session.scalars(
            select(Registration)
            .where(Registration.hearing_id == hearing_id, Registration.status == RegistrationStatus.SELECTED)
            .order_by(Registration.id)
        )
    )


async def _accepted_invitations(session: AsyncSession, hearing_id: int) -> list[ObserverInvitation]:
    return list(
        await session.scalars(
            select(ObserverInvitation)
            .where(
                ObserverInvitation.hearing_id == hearing_id,
                ObserverInvitation.status == InvitationStatus.ACCEPTED,
            )
            .order_by(ObserverInvitation.id)
        )
    )


def materials_dedupe_key(hearing_id: int, kind: str, row_id: int) -> str:
    return f"hearing-materials:{hearing_id}:{kind}:{row_id}"


async def send_materials(session: AsyncSession, hearing: Hearing, tz: str) -> int:
    """Notify every selected participant and accepted observer not yet sent the materials; return how
    many were notified. Does nothing before the materials are recorded as delivered (the registration
    work may call it when it confirms someone later)."""
    if hearing.materials_delivered_at is None:
        return 0
    messages: list[tuple[str, dict[str, Any]]] = []
    for registration in await _selected_registrations(session, hearing.id):
        code = await ensure_check_in_code(session, registration)
        subject, body = _materials_message(hearing, registration.name, code, tz)
        messages.append(
            (
                materials_dedupe_key(hearing.id, "registration", registration.id),
                {
                    "recipient": registration.contact,
                    "user_id": registration.user_id,
                    "kind": "hearing_materials",
                    "subject": subject,
                    "body": body,
                },
            )
        )
    for invitation in await _accepted_invitations(session, hearing.id):
        code = await ensure_invitation_check_in_code(session, invitation)
        subject, body = _materials_message(hearing, invitation.name, code, tz)
        messages.append(
            (
                materials_dedupe_key(hearing.id, "invitation", invitation.id),
                {
                    "recipient": invitation.contact,
                    "kind": "hearing_materials",
                    "subject": subject,
                    "body": body,
                },
            )
        )
    return len(await notify_once(session, messages))


async def record_materials_delivered(
    session: AsyncSession, *, principal: Principal | None, hearing_id: int, note: str, tz: str
) -> tuple[Hearing, int]:
    """Record that the materials were delivered now and send them to everyone confirmed; a later call
    sends them to those confirmed since and keeps the first time and note. Returns (hearing, notified)."""
    hearing = await service.get_organized(session, principal, hearing_id)
    assert principal is not None
    service.require_status(hearing, HearingStatus.PUBLISHED, doing="登记材料送达")
    first = hearing.materials_delivered_at is None
    if hearing.materials_delivered_at is None:
        hearing.materials_note = clean_text(note, min_chars=2, max_chars=2000, what="材料说明")
        hearing.materials_delivered_at = utcnow()
    elif (
        note.strip()
        and clean_text(note, min_chars=0, max_chars=2000, what="材料说明") != hearing.materials_note
    ):
        delivered = local_time_text(hearing.materials_delivered_at, tz)
        raise Conflict(
            f"材料已于{delivered}登记送达，送达时间和材料说明不再更改；"
            "再次登记只向此后确定的参加人和列席人员补送（材料说明请留空）",
            code="MATERIALS_ALREADY_DELIVERED",
        )
    notified = await send_materials(session, hearing, tz)
    await service.audit_event(
        session,
        principal.actor,
        "materials_delivered" if first else "materials_sent_to_newcomers",
        hearing,
        delivered_at=hearing.materials_delivered_at,
        note=hearing.materials_note if first else None,
        notified=notified,
    )
    return hearing, notified


# --- opening the hearing --------------------------------------------------------------------------------


async def open_hearing(
    session: AsyncSession,
    *,
    principal: Principal | None,
    hearing_id: int,
    override_reason: str,
    tz: str,
) -> Hearing:
    """Open the hearing on its day (published → in_session); check-in starts. A 听证会 whose materials did
    not reach participants 7 days before is refused unless a reason is given (stored and audited)."""
    hearing = await service.get_organized(session, principal, hearing_id)
    assert principal is not None
    service.require_status(hearing, HearingStatus.PUBLISHED, doing="宣布开始")
    now = utcnow()
    day = local_date(hearing.starts_at, tz)
    if local_date(now, tz) < day:
        raise InvalidTransition(
            f"只能在举行当日（{day.year}年{day.month}月{day.day}日）宣布开始", code="HEARING_NOT_TODAY"
        )
    shortfall = materials_shortfall(hearing, tz)
    reason = ""
    if shortfall is not None:
        code, message = shortfall
        if not override_reason.strip():
            raise InvalidTransition(
                f"{message}。确需如期举行的，请说明理由（将记录在案）",
                code=code,
                minimum_days=MATERIALS_LEAD_DAYS,
            )
        reason = clean_text(override_reason, min_chars=5, max_chars=2000, what="如期举行的理由")
        hearing.materials_override_reason = reason
    hearing.status = HearingStatus.IN_SESSION
    hearing.opened_at = now
    await service.audit_event(
        session,
        principal.actor,
        "opened",
        hearing,
        before={"status": HearingStatus.PUBLISHED},
        status=hearing.status,
        materials_delivered_at=hearing.materials_delivered_at,
        materials_shortfall=shortfall[0] if shortfall else None,
        override_reason=reason or None,
    )
    return hearing


# --- check-in at the door -------------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckedIn:
    hearing: Hearing
    attendee: str  # "participant" or "observer"
    row_id: int
    name: str
    organization: str
    category: str
    category_label: str
    checked_in_at: datetime


async def _holder_of(session: AsyncSession, code: str) -> tuple[str, int, int] | None:
    """(attendee kind, row id, hearing id) of the registration or invitation holding the code."""
    row = (
        await session.execute(
            select(Registration.id, Registration.hearing_id).where(Registration.check_in_code == code)
        )
    ).first()
    if row is not None:
        return "participant", row[0], row[1]
    row = (
        await session.execute(
            select(ObserverInvitation.id, ObserverInvitation.hearing_id).where(
                ObserverInvitation.check_in_code == code
            )
        )
    ).first()
    return ("observer", row[0], row[1]) if row is not None else None


async def check_in(
    session: AsyncSession,
    *,
    principal: Principal | None,
    code: str,
    hearing_id: int | None,
    tz: str,
) -> CheckedIn:
    """Check a participant or observer in by their code (the organizer at the door, while in session).
    `hearing_id`, when the door's screen sends it, catches a code of another hearing of the same unit."""
    permissions.ensure_able(principal, "organize")  # before any lookup: nobody probes which codes exist
    normalized = normalize_check_in_code(code)
    if normalized is None:
        raise InvalidInput(
            "签到码格式不正确：应为8位字母和数字（如 K7M3-9QXD）", code="CHECK_IN_CODE_INVALID"
        )
    holder = await _holder_of(session, normalized)
    if holder is None:
        raise NotFound("签到码不存在，请核对后重新输入", code="CHECK_IN_CODE_NOT_FOUND")
    attendee, row_id, holder_hearing_id = holder
    hearing = await service.get_organized(session, principal, holder_hearing_id)  # FORBIDDEN: another unit
    assert principal is not None
    if hearing_id is not None and hearing_id != hearing.id:
        raise InvalidInput(
            f"该签到码属于另一场会议「{hearing.title}」，不是本场会议的", code="CHECK_IN_WRONG_HEARING"
        )
    if hearing.status != HearingStatus.IN_SESSION:
        raise InvalidTransition(
            "会议不在进行中：宣布开始后才能签到，会议结束（记录笔录）后签到关闭",
            code="HEARING_NOT_IN_SESSION",
        )
    row: Registration | ObserverInvitation
    if attendee == "participant":
        registration = await session.scalar(
            select(Registration)
            .where(Registration.id == row_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        assert registration is not None
        if registration.status != RegistrationStatus.SELECTED:
            raise InvalidTransition("该报名未被确定为参加人或已取消，不能签到", code="CHECK_IN_NOT_CONFIRMED")
        category = await session.get_one(HearingCategory, registration.category_id)
        code_value, label = category.code, PARTICIPANT_CATEGORY_LABELS[ParticipantCategory(category.code)]
        row = registration
    else:
        invitation = await session.scalar(
            select(ObserverInvitation)
            .where(ObserverInvitation.id == row_id)
            .with_for_update()
            .execution_options(populate_existing=True)
        )
        assert invitation is not None
        if invitation.status != InvitationStatus.ACCEPTED:
            raise InvalidTransition("该列席邀请未接受或已撤回，不能签到", code="CHECK_IN_NOT_CONFIRMED")
        code_value, label = (
            invitation.category,
            OBSERVER_CATEGORY_LABELS[ObserverCategory(invitation.category)],
        )
        row = invitation
    if row.checked_in_at is not None:
        raise Conflict(
            f"{row.name}已于{local_time_text(row.checked_in_at, tz)}签到，无需重复签到",
            code="ALREADY_CHECKED_IN",
            checked_in_at=row.checked_in_at.isoformat(),
        )
    row.checked_in_at, row.checked_in_by = utcnow(), principal.user_id
    await service.audit_event(
        session,
        principal.actor,
        "checked_in",
        hearing,
        attendee=attendee,
        registration_id=row.id if attendee == "participant" else None,
        invitation_id=row.id if attendee == "observer" else None,
    )
    return CheckedIn(
        hearing=hearing,
        attendee=attendee,
        row_id=row.id,
        name=row.name,
        organization=row.organization,
        category=code_value,
        category_label=label,
        checked_in_at=row.checked_in_at,
    )


# --- a participant's own pass ---------------------------------------------------------------------------


@dataclass(frozen=True)
class CheckInPass:
    hearing_id: int
    name: str
    category_label: str
    code: str
    checked_in_at: datetime | None


async def my_check_in_pass(
    session: AsyncSession, *, principal: Principal | None, hearing_id: int
) -> CheckInPass | None:
    """The caller's check-in code for a hearing they were selected for (given on selection), or None when
    they hold no seat (or a seat from before codes were given on selection, until the materials go out)
    or the hearing is no longer ahead or running. Reads only."""
    principal = require_user(principal)
    row = (
        await session.execute(
            select(Registration, Hearing.status, HearingCategory.code)
            .join(Hearing, Hearing.id == Registration.hearing_id)
            .join(HearingCategory, HearingCategory.id == Registration.category_id)
            .where(
                Registration.hearing_id == hearing_id,
                Registration.user_id == principal.user_id,
                Registration.status == RegistrationStatus.SELECTED,
            )
        )
    ).first()
    if row is None:
        return None
    registration, status, category = row
    if status not in (HearingStatus.PUBLISHED, HearingStatus.IN_SESSION) or not registration.check_in_code:
        return None
    return CheckInPass(
        hearing_id=hearing_id,
        name=registration.name,
        category_label=PARTICIPANT_CATEGORY_LABELS[ParticipantCategory(category)],
        code=registration.check_in_code,
        checked_in_at=registration.checked_in_at,
    )


# --- attendance -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CategoryAttendance:
    category: str
    label: str
    invited: int  # participants: the category's quota; observers: invitations not withdrawn
    expected: int  # participants: selected; observers: accepted
    present: int  # checked in


@dataclass(frozen=True)
class Attendance:
    participants: tuple[CategoryAttendance, ...]
    observers: tuple[CategoryAttendance, ...]

    @property
    def participants_expected(self) -> int:
        return sum(c.expected for c in self.participants)

    @property
    def participants_present(self) -> int:
        return sum(c.present for c in self.participants)

    @property
    def observers_expected(self) -> int:
        return sum(c.expected for c in self.observers)

    @property
    def observers_present(self) -> int:
        return sum(c.present for c in self.observers)


async def attendance(session: AsyncSession, hearing_id: int) -> Attendance:
    """Participants expected and present per category (in the hearing's order), observers invited,
    expected and present per category (those with an invitation)."""
    selected = Registration.status == RegistrationStatus.SELECTED
    participant_rows = (
        await session.execute(
            select(
                HearingCategory.code,
                HearingCategory.quota,
                func.count(Registration.id),
                func.count(Registration.checked_in_at),
            )
            .outerjoin(Registration, (Registration.category_id == HearingCategory.id) & selected)
            .where(HearingCategory.hearing_id == hearing_id)
            .group_by(
                HearingCategory.id, HearingCategory.code, HearingCategory.quota, HearingCategory.position
            )
            .order_by(HearingCategory.position)
        )
    ).all()
    accepted = ObserverInvitation.status == InvitationStatus.ACCEPTED
    observer_rows = (
        await session.execute(
            select(
                ObserverInvitation.category,
                func.count(ObserverInvitation.id),
                func.count(ObserverInvitation.id).filter(accepted),
                func.count(ObserverInvitation.checked_in_at).filter(accepted),
            )
            .where(
                ObserverInvitation.hearing_id == hearing_id,
                ObserverInvitation.status != InvitationStatus.WITHDRAWN,
            )
            .group_by(ObserverInvitation.category)
        )
    ).all()
    by_category = {row[0]: row for row in observer_rows}
    return Attendance(
        participants=tuple(
            CategoryAttendance(
                category=code,
                label=PARTICIPANT_CATEGORY_LABELS[ParticipantCategory(code)],
                invited=quota,
                expected=expected,
                present=present,
            )
            for code, quota, expected, present in participant_rows
        ),
        observers=tuple(
            CategoryAttendance(
                category=category,
                label=label,
                invited=by_category[category][1],
                expected=by_category[category][2],
                present=by_category[category][3],
            )
            for category, label in OBSERVER_CATEGORY_LABELS.items()
            if category in by_category
        ),
    )


@dataclass(frozen=True)
class Attendee:
    attendee: str  # participant, observer
    row_id: int
    name: str
    organization: str
    category_label: str
    check_in_code: str | None
    checked_in_at: datetime | None


async def participant_check_ins(
    session: AsyncSession, hearing_id: int, *, present: bool | None, limit: int, after_id: int | None
) -> list[Attendee]:
    """The door list of selected participants (by registration id, newest first, for keyset pages)."""
    query = (
        select(Registration, HearingCategory.code)
        .join(HearingCategory, HearingCategory.id == Registration.category_id)
        .where(Registration.hearing_id == hearing_id, Registration.status == RegistrationStatus.SELECTED)
    )
    if present is not None:
        query = query.where(
            Registration.checked_in_at.is_not(None) if present else Registration.checked_in_at.is_(None)
        )
    if after_id is not None:
        query = query.where(Registration.id < after_id)
    rows = (await session.execute(query.order_by(Registration.id.desc()).limit(limit))).all()
    return [
        Attendee(
            attendee="participant",
            row_id=registration.id,
            name=registration.name,
            organization=registration.organization,
            category_label=PARTICIPANT_CATEGORY_LABELS[ParticipantCategory(code)],
            check_in_code=registration.check_in_code,
            checked_in_at=registration.checked_in_at,
        )
        for registration, code in rows
    ]
