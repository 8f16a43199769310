"""Observers (列席, rules D1): the organizer invites named people by category; each answers through a
personal link without an account; reminders go out; the organizer may withdraw an invitation or send
a new link.

The link carries a random token (`secrets.token_urlsafe`, 256 bits); holding the link is the permission
to answer. The invitation keeps only the token's SHA-256 (the outbox keeps the message that carried the
link, like any sent mail), so a reminder cannot repeat the link: it points to the invitation message,
and an invitee who lost it asks the organizer, who sends a new link (`reissue_invitation_link`; the old
one stops working at once).

An invitee may change their answer (accept after declining, or the reverse) until the invitation
expires: by default when the hearing starts, at the latest when it is opened. Accepting gives them a
check-in code, shown with the invitation.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from api import audit
from api.accounts.permissions import Principal
from api.accounts.service import normalize_contact
from api.audit import Actor
from api.db import is_postgresql, utcnow
from api.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from consultations.text_rules import clean_text
from hearings import permissions, service
from hearings.attendance import (
    ensure_invitation_check_in_code,
    hearing_intro,
    local_time_text,
    notify_once,
)
from hearings.models import (
    OBSERVER_CATEGORY_LABELS,
    Hearing,
    HearingStatus,
    InvitationStatus,
    ObserverCategory,
    ObserverInvitation,
)

INVITATION_PATH = "/invitations/"
# Statuses of a hearing in which invitations are sent and answered (before the day).
INVITING_STATUSES = (HearingStatus.DRAFT, HearingStatus.PUBLISHED)
LIVE_STATUSES = (InvitationStatus.INVITED, InvitationStatus.ACCEPTED)
# Reminders: an unanswered invitation once, after 3 days or when its answer is due within 2 days (but
# not within 12 hours of the invitation itself); an accepted one once, in the day before the hearing.
REMIND_UNANSWERED_AFTER = timedelta(days=3)
REMIND_UNANSWERED_BEFORE_EXPIRY = timedelta(days=2)
REMIND_NOT_BEFORE = timedelta(hours=12)
REMIND_ACCEPTED_BEFORE_START = timedelta(days=1)
STATUS_LABELS = {
    InvitationStatus.INVITED: "待答复",
    InvitationStatus.ACCEPTED: "已接受",
    InvitationStatus.DECLINED: "已谢绝",
    InvitationStatus.WITHDRAWN: "已撤回",
}


def token_sha256(token: str) -> str:
    return hashlib.sha256(token.strip().encode()).hexdigest()


def invitation_link(base_url: str, token: str) -> str:
    return f"{base_url.rstrip('/')}{INVITATION_PATH}{token}"


def invitee_actor(invitation: ObserverInvitation) -> Actor:
    """An invitee answers without an account: the audit names the invitation."""
    return Actor(id=None, label=f"observer-invitation:{invitation.id}")


@dataclass(frozen=True)
class InvitationDraft:
    hearing_id: int
    category: str
    name: str
    contact: str
    organization: str = ""
    expires_at: datetime | None = None  # default: when the hearing starts


def _invitation_message(
    invitation: ObserverInvitation, hearing: Hearing, link: str, tz: str
) -> dict[str, Any]:
    label = OBSERVER_CATEGORY_LABELS[ObserverCategory(invitation.category)]
    return {
        "recipient": invitation.contact,
        "kind": "observer_invitation",
        "subject": f"列席邀请：{hearing.title}"[:200],
        "body": (
            f"{invitation.name}您好：{hearing_intro(hearing, tz)}，诚邀您作为{label}列席。"
            f"请于{local_time_text(invitation.expires_at, tz)}前通过专属链接答复是否出席：{link}\n"
            "该链接仅供您本人使用，请勿转发。"
        ),
    }


def _invitation_key(invitation: ObserverInvitation) -> str:
    # One message per link: a new link (reissue) is a new message, a retry of the same one is not.
    return f"observer-invitation:{invitation.id}:{invitation.token_sha256[:16]}"


async def invite_observer(
    session: AsyncSession,
    *,
    principal: Principal | None,
    draft: InvitationDraft,
    base_url: str,
    tz: str,
) -> tuple[ObserverInvitation, str]:
    """Invite a named person as an observer and send them their personal link; returns the invitation
    and the link (shown to the organizer once: only the token's SHA-256 is kept)."""
    hearing = await service.get_organized(session, principal, draft.hearing_id)
    assert principal is not None
    if not hearing.observers_invited:
        raise InvalidTransition(
            "本会议未设置邀请列席人员；如需邀请，请在会议方案中注明邀请列席人员", code="OBSERVERS_NOT_INVITED"
        )
    service.require_status(hearing, *INVITING_STATUSES, doing="邀请列席人员")
    if draft.category not in set(ObserverCategory):
        raise InvalidInput(
            "列席人员类别无效（公众代表、专家、媒体、利益相关方、人大代表或政协委员）",
            code="OBSERVER_CATEGORY_INVALID",
        )
    name = clean_text(draft.name, min_chars=2, max_chars=100, what="姓名").replace("\n", " ")
    organization = clean_text(draft.organization, min_chars=0, max_chars=200, what="单位").replace("\n", " ")
    contact = normalize_contact(draft.contact)
    now = utcnow()
    expires_at = draft.expires_at or hearing.starts_at
    if expires_at > hearing.starts_at:
        raise InvalidInput("答复截止时间不能晚于会议开始时间", code="INVITATION_EXPIRY_INVALID")
    if expires_at <= now + timedelta(hours=1):
        raise InvalidInput(
            "答复截止时间须在一小时之后，给受邀人留出答复时间", code="INVITATION_EXPIRY_INVALID"
        )
    already = await session.scalar(
        select(ObserverInvitation.id).where(
            ObserverInvitation.hearing_id == hearing.id,
            ObserverInvitation.contact == contact,
            ObserverInvitation.status.in_(LIVE_STATUSES),
        )
    )
    if already is not None:
        raise Conflict(
            "已向该联系方式发出过本会议的列席邀请", code="ALREADY_INVITED", invitation_id=str(already)
        )
    token = secrets.token_urlsafe(32)
    invitation = ObserverInvitation(
        hearing_id=hearing.id,
        category=draft.category,
        name=name,
        organization=organization,
        contact=contact,
        token_sha256=token_sha256(token),
        expires_at=expires_at,
        status=InvitationStatus.INVITED,
        invited_by=principal.user_id,
        invited_at=now,
    )
    session.add(invitation)
    await session.flush()
    link = invitation_link(base_url, token)
    await notify_once(
        session, [(_invitation_key(invitation), _invitation_message(invitation, hearing, link, tz))]
    )
    await service.audit_event(
        session,
        principal.actor,
        "observer_invited",
        hearing,
        invitation_id=invitation.id,
        category=invitation.category,
        expires_at=expires_at,
    )
    return invitation, link


async def _invitation_by_token(session: AsyncSession, token: str) -> ObserverInvitation | None:
    if not token.strip() or len(token) > 200:
        return None
    return await session.scalar(
        select(ObserverInvitation).where(ObserverInvitation.token_sha256 == token_sha256(token))
    )


async def invitation_for_token(
    session: AsyncSession, token: str
) -> tuple[ObserverInvitation, Hearing] | None:
    """The invitation a link stands for, with its hearing (what the invitee sees), or None."""
    invitation = await _invitation_by_token(session, token)
    if invitation is None:
        return None
    return invitation, await session.get_one(Hearing, invitation.hearing_id)


def answer_deadline_passed(invitation: ObserverInvitation, hearing: Hearing, now: datetime) -> bool:
    return now >= invitation.expires_at or hearing.status not in INVITING_STATUSES


async def respond_to_invitation(
    session: AsyncSession, *, token: str, accept: bool, note: str
) -> tuple[ObserverInvitation, Hearing]:
    """Accept or decline through the personal link, without an account.

    The answer may be changed until the invitation expires (by default when the hearing starts, at the
    latest when it is opened); accepting gives a check-in code, kept if the answer changes back."""
    found = await _invitation_by_token(session, token)
    if found is None:
        raise NotFound("邀请链接无效：请核对链接是否完整，或联系会议组织单位", code="INVITATION_NOT_FOUND")
    hearing, _ = await service.get_for_update(session, found.hearing_id)  # the hearing first, as elsewhere
    invitation = await session.scalar(
        select(ObserverInvitation)
        .where(ObserverInvitation.id == found.id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert invitation is not None
    if invitation.status == InvitationStatus.WITHDRAWN:
        raise InvalidTransition("该邀请已被会议组织单位撤回", code="INVITATION_WITHDRAWN")
    if hearing.status == HearingStatus.CANCELLED:
        raise InvalidTransition(f"会议已取消：{hearing.cancelled_reason}", code="HEARING_CANCELLED")
    now = utcnow()
    if answer_deadline_passed(invitation, hearing, now):
        raise InvalidTransition("答复时间已过，如需出席请联系会议组织单位", code="INVITATION_EXPIRED")
    note = clean_text(note, min_chars=0, max_chars=1000, what="备注")
    before = invitation.status
    invitation.status = InvitationStatus.ACCEPTED if accept else InvitationStatus.DECLINED
    invitation.response_note = note
    invitation.responded_at = now
    if accept:
        await ensure_invitation_check_in_code(session, invitation)
    await service.audit_event(
        session,
        invitee_actor(invitation),
        "invitation_answered",
        hearing,
        before={"status": before},
        invitation_id=invitation.id,
        status=invitation.status,
        note=note or None,
    )
    return invitation, hearing


async def _organized_invitation(
    session: AsyncSession, principal: Principal | None, invitation_id: int
) -> tuple[ObserverInvitation, Hearing]:
    permissions.ensure_able(principal, "organize")
    hearing_id = await session.scalar(
        select(ObserverInvitation.hearing_id).where(ObserverInvitation.id == invitation_id)
    )
    if hearing_id is None:
        raise NotFound("列席邀请不存在", code="INVITATION_NOT_FOUND")
    hearing = await service.get_organized(session, principal, hearing_id)
    invitation = await session.scalar(
        select(ObserverInvitation)
        .where(ObserverInvitation.id == invitation_id)
        .with_for_update()
        .execution_options(populate_existing=True)
    )
    assert invitation is not None
    return invitation, hearing


async def withdraw_invitation(
    session: AsyncSession, *, principal: Principal | None, invitation_id: int, reason: str, tz: str
) -> ObserverInvitation:
    """Withdraw an invitation (organizer) before the hearing is over; the invitee is told why. The link
    then only shows that it was withdrawn."""
    invitation, hearing = await _organized_invitation(session, principal, invitation_id)
    assert principal is not None
    service.require_status(
        hearing, HearingStatus.DRAFT, HearingStatus.PUBLISHED, HearingStatus.IN_SESSION, doing="撤回邀请"
    )
    if invitation.status == InvitationStatus.WITHDRAWN:
        raise InvalidTransition("该邀请已撤回", code="INVITATION_WITHDRAWN")
    if invitation.checked_in_at is not None:
        raise InvalidTransition("受邀人已签到，不能撤回邀请", code="INVITATION_CHECKED_IN")
    reason = clean_text(reason, min_chars=2, max_chars=500, what="撤回理由")
    before = invitation.status
    invitation.status = InvitationStatus.WITHDRAWN
    invitation.withdrawn_reason = reason
    message = {
        "recipient": invitation.contact,
        "kind": "observer_invitation_withdrawn",
        "subject": f"列席邀请撤回：{hearing.title}"[:200],
        "body": (
            f"{invitation.name}您好：{hearing_intro(hearing, tz)}。此前发出的列席邀请已撤回，理由：{reason}"
        ),
    }
    await notify_once(session, [(f"observer-withdrawn:{invitation.id}", message)])
    await service.audit_event(
        session,
        principal.actor,
        "invitation_withdrawn",
        hearing,
        before={"status": before},
        invitation_id=invitation.id,
        reason=reason,
    )
    return invitation


async def reissue_invitation_link(
    session: AsyncSession, *, principal: Principal | None, invitation_id: int, base_url: str, tz: str
) -> tuple[ObserverInvitation, str]:
    """Send a new personal link (the invitee lost theirs); the old link stops working at once."""
    invitation, hearing = await _organized_invitation(session, principal, invitation_id)
    assert principal is not None
    service.require_status(hearing, *INVITING_STATUSES, doing="重新发送邀请链接")
    if invitation.status == InvitationStatus.WITHDRAWN:
        raise InvalidTransition("该邀请已撤回", code="INVITATION_WITHDRAWN")
    if answer_deadline_passed(invitation, hearing, utcnow()):
        raise InvalidTransition("答复时间已过，不能重新发送邀请链接", code="INVITATION_EXPIRED")
    token = secrets.token_urlsafe(32)
    invitation.token_sha256 = token_sha256(token)
    link = invitation_link(base_url, token)
    await notify_once(
        session, [(_invitation_key(invitation), _invitation_message(invitation, hearing, link, tz))]
    )
    await service.audit_event(
        session, principal.actor, "invitation_link_reissued", hearing, invitation_id=invitation.id
    )
    return invitation, link


async def list_invitations(
    session: AsyncSession, hearing_id: int, *, limit: int, after_id: int | None
) -> list[ObserverInvitation]:
    """A hearing's invitations, newest first (keyset pages on the id)."""
    query = select(ObserverInvitation).where(ObserverInvitation.hearing_id == hearing_id)
    if after_id is not None:
        query = query.where(ObserverInvitation.id < after_id)
    return list(await session.scalars(query.order_by(ObserverInvitation.id.desc()).limit(limit)))


# --- reminders ------------------------------------------------------------------------------------------


def unanswered_reminder_key(invitation_id: int) -> str:
    return f"observer-reminder:unanswered:{invitation_id}"


def day_before_reminder_key(invitation_id: int) -> str:
    return f"observer-reminder:day-before:{invitation_id}"


async def send_due_reminders(session: AsyncSession, *, now: datetime, tz: str) -> int:
    """Queue the reminders that are due: each invitation is reminded at most once while unanswered and
    once in the day before the hearing once accepted (dedupe keys make a rerun send nothing twice).
    Returns how many were queued."""
    pending = (
        (ObserverInvitation.status == InvitationStatus.INVITED)
        & (ObserverInvitation.reminders_sent == 0)
        & (ObserverInvitation.expires_at > now)
        & (ObserverInvitation.invited_at <= now - REMIND_NOT_BEFORE)
        & (
            (ObserverInvitation.invited_at <= now - REMIND_UNANSWERED_AFTER)
            | (ObserverInvitation.expires_at <= now + REMIND_UNANSWERED_BEFORE_EXPIRY)
        )
    )
    coming = (
        (ObserverInvitation.status == InvitationStatus.ACCEPTED)
        & (Hearing.starts_at > now)
        & (Hearing.starts_at <= now + REMIND_ACCEPTED_BEFORE_START)
    )
    query = (
        select(ObserverInvitation, Hearing)
        .join(Hearing, Hearing.id == ObserverInvitation.hearing_id)
        .where(Hearing.status.in_(INVITING_STATUSES), pending | coming)
        .order_by(ObserverInvitation.id)
    )
    if is_postgresql(session):  # two workers never remind the same invitee at once
        query = query.with_for_update(of=ObserverInvitation, skip_locked=True)
    rows = (await session.execute(query)).all()
    messages: list[tuple[str, dict[str, Any]]] = []
    reminded: dict[str, ObserverInvitation] = {}
    hearings: dict[int, Hearing] = {}
    for invitation, hearing in rows:
        hearings[hearing.id] = hearing
        intro = hearing_intro(hearing, tz)
        if invitation.status == InvitationStatus.INVITED:
            key = unanswered_reminder_key(invitation.id)
            body = (
                f"{invitation.name}您好：{intro}。我们尚未收到您是否列席的答复，请于"
                f"{local_time_text(invitation.expires_at, tz)}前通过邀请消息中的专属链接答复；"
                "如未收到或遗失链接，请联系会议组织单位重新发送。"
            )
            subject = f"请答复列席邀请：{hearing.title}"
        else:
            key = day_before_reminder_key(invitation.id)
            code = await ensure_invitation_check_in_code(session, invitation)
            body = f"{invitation.name}您好：您已确认列席，{intro}。您的签到码：{code}，入场时请出示。"
            subject = f"列席提醒：{hearing.title}"
        messages.append(
            (
                key,
                {
                    "recipient": invitation.contact,
                    "kind": "observer_reminder",
                    "subject": subject[:200],
                    "body": body,
                },
            )
        )
        reminded[key] = invitation
    queued_keys = await notify_once(session, messages)
    by_hearing: dict[int, list[int]] = {}
    for key in queued_keys:
        invitation = reminded[key]
        invitation.reminders_sent += 1
        invitation.last_reminded_at = now
        by_hearing.setdefault(invitation.hearing_id, []).append(invitation.id)
    for hearing_id, invitation_ids in by_hearing.items():
        await audit.record(
            session,
            actor=Actor(id=None, label="observer-reminders"),
            action="hearing.observers_reminded",
            subject_type="hearing",
            subject_id=hearing_id,
            after={"invitation_ids": invitation_ids},
        )
    return len(queued_keys)
