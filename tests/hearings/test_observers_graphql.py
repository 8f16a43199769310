"""Observers (列席) through GraphQL: invitations with a personal link, answers without an account,
withdrawal, new links, reminders, and their check-in (rules D1)."""

from datetime import timedelta
from typing import Any

from sqlalchemy import func, select, update

from api.context import AppState
from api.db import utcnow
from api.outbox import Notification
from api.worker import job_context
from hearings.jobs import remind_observers
from hearings.models import Hearing, ObserverInvitation
from tests.conftest import GraphQL, error_code
from tests.hearings.conftest import Organizers, create_hearing, ok, published_hearing, set_hearing_times
from tests.hearings.test_attendance_graphql import (
    ATTENDANCE,
    CHECK_IN,
    OPEN,
    audit_actions,
    deliver_materials_days_before,
    make_today,
    notifications,
)

INVITE = """
mutation($input: InviteObserverInput!) {
  inviteObserver(input: $input) {
    id category categoryLabel name organization contact status statusLabel expiresAt link checkInCode
  }
}"""
INVITATION = """
query($token: String!) {
  invitation(token: $token) {
    name categoryLabel status statusLabel canRespond responseNote withdrawnReason checkInCode checkInQrSvg
    hearing { id title kindLabel unit venue startsAt }
  }
}"""
RESPOND = """
mutation($token: String!, $accept: Boolean!, $note: String! = "") {
  respondToInvitation(token: $token, accept: $accept, note: $note) {
    status statusLabel canRespond responseNote checkInCode
  }
}"""
WITHDRAW = """
mutation($id: ID!, $reason: String!) {
  withdrawInvitation(invitationId: $id, reason: $reason) { status withdrawnReason }
}"""
REISSUE = "mutation($id: ID!) { reissueInvitationLink(invitationId: $id) { id link } }"
OBSERVERS = """
query($id: ID!) {
  hearing(id: $id) {
    observersInvited
    observers { edges { node { id name contact status remindersSent checkInCode checkedInAt } } }
  }
}"""


async def observed_hearing(gql: GraphQL, organizers: Organizers, **overrides: Any) -> str:
    return await published_hearing(gql, organizers, observersInvited=True, **overrides)


def invite_input(hearing_id: str, **overrides: Any) -> dict[str, Any]:
    values = {
        "hearingId": hearing_id,
        "category": "NPC_DEPUTY",
        "name": "陈代表",
        "organization": "市人大常委会",
        "contact": "chen.daibiao@example.com",
    }
    values.update(overrides)
    return values


async def invite(gql: GraphQL, organizers: Organizers, hearing_id: str, **overrides: Any) -> dict[str, Any]:
    result = await gql(INVITE, {"input": invite_input(hearing_id, **overrides)}, token=organizers.organizer)
    return ok(result)["inviteObserver"]


def token_of(link: str) -> str:
    return link.rsplit("/invitations/", 1)[1]


async def test_an_invitee_answers_through_their_link_and_may_change_their_mind(
    gql: GraphQL, state: AppState, organizers: Organizers
) -> None:
    hearing_id = await observed_hearing(gql, organizers)
    invited = await invite(gql, organizers, hearing_id)
    assert (invited["status"], invited["categoryLabel"], invited["checkInCode"]) == (
        "INVITED",
        "人大代表",
        None,
    )
    assert invited["link"].startswith(f"{state.settings.public_base_url}/invitations/")
    token = token_of(invited["link"])
    [message] = await notifications(state, "observer_invitation")
    assert message.recipient == "chen.daibiao@example.com" and invited["link"] in message.body
    async with state.sessionmaker() as session:
        stored = await session.get_one(ObserverInvitation, int(invited["id"]))
    assert token not in stored.token_sha256 and len(stored.token_sha256) == 64  # only the digest is kept
    assert stored.expires_at == (await _starts_at(state, hearing_id))  # by default: when it starts

    seen = ok(await gql(INVITATION, {"token": token}))["invitation"]
    assert (seen["name"], seen["status"], seen["canRespond"], seen["checkInCode"]) == (
        "陈代表",
        "INVITED",
        True,
        None,
    )
    assert (
        seen["hearing"]["title"] == "某市农村宅基地管理办法立法听证会"
        and seen["hearing"]["unit"] == "prov 单位"
    )

    accepted = ok(await gql(RESPOND, {"token": token, "accept": True, "note": "准时出席"}))[
        "respondToInvitation"
    ]
    assert (accepted["status"], accepted["statusLabel"], accepted["responseNote"]) == (
        "ACCEPTED",
        "已接受",
        "准时出席",
    )
    code = accepted["checkInCode"]
    assert code and len(code) == 9
    qr = ok(await gql(INVITATION, {"token": token}))["invitation"]["checkInQrSvg"]
    assert qr.startswith("<svg")

    declined = ok(await gql(RESPOND, {"token": token, "accept": False, "note": "临时有会"}))[
        "respondToInvitation"
    ]
    assert (declined["status"], declined["checkInCode"]) == ("DECLINED", None)
    again = ok(await gql(RESPOND, {"token": token, "accept": True}))["respondToInvitation"]
    assert again["checkInCode"] == code  # the same code as before
    assert (await audit_actions(state, hearing_id)).count("hearing.invitation_answered") == 3

    counts = ok(await gql(ATTENDANCE, {"id": hearing_id}))["hearing"]["attendance"]
    assert counts["observers"] == [
        {"category": "npc_deputy", "label": "人大代表", "invited": 1, "expected": 1, "present": 0}
    ]

    # On the day the organizer checks the observer in with that code.
    await make_today(state, hearing_id)
    await deliver_materials_days_before(state, hearing_id, 8)
    ok(await gql(OPEN, {"id": hearing_id}, token=organizers.organizer))
    closed = await gql(RESPOND, {"token": token, "accept": False})
    assert error_code(closed) == "INVITATION_EXPIRED"  # answers close when the hearing opens
    checked = ok(await gql(CHECK_IN, {"code": code}, token=organizers.organizer))["checkIn"]
    assert (checked["attendee"], checked["name"], checked["categoryLabel"]) == (
        "observer",
        "陈代表",
        "人大代表",
    )
    assert checked["hearing"]["attendance"]["observersPresent"] == 1
    assert error_code(await gql(CHECK_IN, {"code": code}, token=organizers.organizer)) == "ALREADY_CHECKED_IN"


async def _starts_at(state: AppState, hearing_id: str) -> Any:
    async with state.sessionmaker() as session:
        return (await session.get_one(Hearing, int(hearing_id))).starts_at


async def test_wrong_and_expired_links_are_refused(
    gql: GraphQL, state: AppState, organizers: Organizers
) -> None:
    hearing_id = await observed_hearing(gql, organizers)
    invited = await invite(gql, organizers, hearing_id)
    token = token_of(invited["link"])
    assert ok(await gql(INVITATION, {"token": token[:-2] + "xx"}))["invitation"] is None
    wrong = await gql(RESPOND, {"token": token[:-2] + "xx", "accept": True})
    assert error_code(wrong) == "INVITATION_NOT_FOUND"
    assert "邀请链接无效" in wrong["errors"][0]["message"]
    assert error_code(await gql(RESPOND, {"token": "", "accept": True})) == "INVITATION_NOT_FOUND"

    async with state.sessionmaker() as session:
        await session.execute(
            update(ObserverInvitation)
            .where(ObserverInvitation.id == int(invited["id"]))
            .values(expires_at=utcnow() - timedelta(minutes=1))
        )
        await session.commit()
    expired = await gql(RESPOND, {"token": token, "accept": True})
    assert error_code(expired) == "INVITATION_EXPIRED"
    seen = ok(await gql(INVITATION, {"token": token}))["invitation"]
    assert (seen["status"], seen["canRespond"]) == ("INVITED", False)  # nothing changed
    assert (
        error_code(await gql(REISSUE, {"id": invited["id"]}, token=organizers.organizer))
        == "INVITATION_EXPIRED"
    )


async def test_inviting_is_checked(gql: GraphQL, state: AppState, organizers: Organizers) -> None:
    without = await published_hearing(gql, organizers)
    result = await gql(INVITE, {"input": invite_input(without)}, token=organizers.organizer)
    assert error_code(result) == "OBSERVERS_NOT_INVITED"
    hearing_id = await observed_hearing(gql, organizers)
    assert error_code(await gql(INVITE, {"input": invite_input(hearing_id)}, token=organizers.drafter)) == (
        "FORBIDDEN"
    )
    assert error_code(await gql(INVITE, {"input": invite_input(hearing_id)})) == "UNAUTHENTICATED"
    starts_at = await _starts_at(state, hearing_id)
    cases = {
        "CONTACT_INVALID": {"contact": "不是联系方式"},
        "TEXT_TOO_SHORT": {"name": " "},
        "INVITATION_EXPIRY_INVALID": {"expiresAt": (starts_at + timedelta(hours=1)).isoformat()},
        "TIME_ZONE_REQUIRED": {"expiresAt": "2027-01-05T09:00:00"},
    }
    for code, overrides in cases.items():
        result = await gql(
            INVITE, {"input": invite_input(hearing_id, **overrides)}, token=organizers.organizer
        )
        assert error_code(result) == code, (code, result)
    past = await gql(
        INVITE,
        {"input": invite_input(hearing_id, expiresAt=(utcnow() - timedelta(days=1)).isoformat())},
        token=organizers.organizer,
    )
    assert error_code(past) == "INVITATION_EXPIRY_INVALID"
    assert await notifications(state, "observer_invitation") == []  # nothing was sent by the refused calls

    first = await invite(gql, organizers, hearing_id, contact="13800138000", category="MEDIA")
    duplicate = await gql(
        INVITE, {"input": invite_input(hearing_id, contact="+86 138-0013-8000")}, token=organizers.organizer
    )
    assert error_code(duplicate) == "ALREADY_INVITED"
    assert first["contact"] == "13800138000"
    # The invitation of a draft meeting, answered before the notice is out, is fine too.
    draft = await create_hearing(gql, organizers, observersInvited=True)
    assert (await invite(gql, organizers, draft["id"]))["status"] == "INVITED"


async def test_contacts_are_for_the_organizer_only(
    gql: GraphQL, state: AppState, organizers: Organizers
) -> None:
    hearing_id = await observed_hearing(gql, organizers)
    await invite(gql, organizers, hearing_id)
    listed = ok(await gql(OBSERVERS, {"id": hearing_id}, token=organizers.organizer))["hearing"]
    assert listed["observersInvited"] is True
    assert [e["node"]["contact"] for e in listed["observers"]["edges"]] == ["chen.daibiao@example.com"]
    for token in (organizers.drafter, None):
        result = await gql(OBSERVERS, {"id": hearing_id}, token=token)
        assert error_code(result) in ("FORBIDDEN", "UNAUTHENTICATED")
        assert result["data"]["hearing"]["observers"] is None
        assert result["data"]["hearing"]["observersInvited"] is True  # the meeting plan stays public
    invitation = ok(await gql(INVITATION, {"token": "x" * 43}))["invitation"]
    assert invitation is None


async def test_withdrawing_and_reissuing_links(gql: GraphQL, state: AppState, organizers: Organizers) -> None:
    hearing_id = await observed_hearing(gql, organizers)
    lost = await invite(gql, organizers, hearing_id, contact="13800138001", name="周专家", category="EXPERT")
    assert error_code(await gql(REISSUE, {"id": lost["id"]}, token=organizers.drafter)) == "FORBIDDEN"
    reissued = ok(await gql(REISSUE, {"id": lost["id"]}, token=organizers.organizer))["reissueInvitationLink"]
    assert reissued["link"] != lost["link"]
    assert error_code(await gql(RESPOND, {"token": token_of(lost["link"]), "accept": True})) == (
        "INVITATION_NOT_FOUND"
    )
    ok(await gql(RESPOND, {"token": token_of(reissued["link"]), "accept": True}))
    assert len(await notifications(state, "observer_invitation")) == 2  # the first link and the new one

    withdrawn_reason = "会议议程调整，本次不再安排专家列席"
    assert error_code(
        await gql(WITHDRAW, {"id": lost["id"], "reason": withdrawn_reason}, token=organizers.drafter)
    ) == ("FORBIDDEN")
    assert error_code(await gql(WITHDRAW, {"id": lost["id"], "reason": ""}, token=organizers.organizer)) == (
        "TEXT_TOO_SHORT"
    )
    withdrawn = ok(
        await gql(WITHDRAW, {"id": lost["id"], "reason": withdrawn_reason}, token=organizers.organizer)
    )
    assert withdrawn["withdrawInvitation"] == {"status": "WITHDRAWN", "withdrawnReason": withdrawn_reason}
    [told] = await notifications(state, "observer_invitation_withdrawn")
    assert told.recipient == "13800138001" and withdrawn_reason in told.body
    token = token_of(reissued["link"])
    assert error_code(await gql(RESPOND, {"token": token, "accept": True})) == "INVITATION_WITHDRAWN"
    seen = ok(await gql(INVITATION, {"token": token}))["invitation"]
    assert (seen["status"], seen["withdrawnReason"], seen["checkInCode"]) == (
        "WITHDRAWN",
        withdrawn_reason,
        None,
    )
    assert error_code(
        await gql(WITHDRAW, {"id": lost["id"], "reason": "再撤一次"}, token=organizers.organizer)
    ) == ("INVITATION_WITHDRAWN")
    assert error_code(
        await gql(WITHDRAW, {"id": "99999", "reason": "不存在"}, token=organizers.organizer)
    ) == ("INVITATION_NOT_FOUND")
    # Withdrawn invitations no longer count, and a new invitation to the same contact is allowed.
    counts = ok(await gql(ATTENDANCE, {"id": hearing_id}))["hearing"]["attendance"]
    assert counts["observers"] == []
    assert (await invite(gql, organizers, hearing_id, contact="13800138001"))["status"] == "INVITED"


async def test_reminders_go_out_once(gql: GraphQL, state: AppState, organizers: Organizers) -> None:
    hearing_id = await observed_hearing(gql, organizers)
    silent = await invite(gql, organizers, hearing_id, contact="13800138011", name="吴记者", category="MEDIA")
    coming = await invite(
        gql, organizers, hearing_id, contact="13800138012", name="郑委员", category="CPPCC_MEMBER"
    )
    fresh = await invite(gql, organizers, hearing_id, contact="13800138013", name="王代表")
    ok(await gql(RESPOND, {"token": token_of(coming["link"]), "accept": True}))
    ctx = job_context(state.settings, state.sessionmaker, state.queue)

    assert await remind_observers(ctx) == "reminded 0"  # nothing is due yet
    # Three days on, two invitations are still unanswered; one was sent only an hour ago.
    async with state.sessionmaker() as session:
        for invitation_id in (silent["id"], coming["id"]):
            await session.execute(
                update(ObserverInvitation)
                .where(ObserverInvitation.id == int(invitation_id))
                .values(invited_at=utcnow() - timedelta(days=3, minutes=1))
            )
        await session.execute(
            update(ObserverInvitation)
            .where(ObserverInvitation.id == int(fresh["id"]))
            .values(invited_at=utcnow() - timedelta(hours=1))
        )
        await session.commit()
    assert await remind_observers(ctx) == "reminded 1"
    assert await remind_observers(ctx) == "reminded 0"  # a rerun sends nothing twice
    [unanswered] = await notifications(state, "observer_reminder")
    assert unanswered.recipient == "13800138011" and "尚未收到" in unanswered.body

    # The day before the hearing, the one who accepted is reminded with their check-in code; the
    # unanswered ones, whose answer is now due within two days, are reminded if not reminded yet.
    await set_hearing_times(state, hearing_id, starts_at=utcnow() + timedelta(hours=20))
    async with state.sessionmaker() as session:
        await session.execute(
            update(ObserverInvitation)
            .where(ObserverInvitation.hearing_id == int(hearing_id))
            .values(expires_at=utcnow() + timedelta(hours=20))
        )
        await session.execute(
            update(ObserverInvitation)
            .where(ObserverInvitation.id == int(fresh["id"]))
            .values(invited_at=utcnow() - timedelta(hours=13))
        )
        await session.commit()
    assert await remind_observers(ctx) == "reminded 2"
    assert await remind_observers(ctx) == "reminded 0"
    sent = {n.recipient: n.body for n in await notifications(state, "observer_reminder")}
    assert sorted(sent) == ["13800138011", "13800138012", "13800138013"]
    listed = ok(await gql(OBSERVERS, {"id": hearing_id}, token=organizers.organizer))["hearing"]["observers"]
    by_name = {e["node"]["name"]: e["node"] for e in listed["edges"]}
    assert by_name["郑委员"]["checkInCode"] in sent["13800138012"]
    assert {name: node["remindersSent"] for name, node in by_name.items()} == {
        "吴记者": 1,
        "郑委员": 1,
        "王代表": 1,
    }
    async with state.sessionmaker() as session:
        keys = await session.scalar(
            select(func.count(Notification.id)).where(Notification.dedupe_key.like("observer-reminder:%"))
        )
    assert keys == 3
    assert "hearing.observers_reminded" in await audit_actions(state, hearing_id)
