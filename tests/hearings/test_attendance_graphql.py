"""The day itself through GraphQL: materials (rules C3), opening, check-in codes, check-in at the door and
attendance counts. Selected registrations are written straight into the database (the registration and
draw work is tested on its own), so these tests depend only on this slice."""

import secrets
from datetime import timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, update

from api import audit
from api.context import AppState
from api.db import utcnow
from api.outbox import Notification
from hearings import attendance
from hearings.models import Hearing, HearingCategory, Registration, RegistrationStatus, SelectedBy
from tests.conftest import GraphQL, People, error_code
from tests.hearings.conftest import Organizers, ok, published_hearing, set_hearing_times

RECORD_MATERIALS = """
mutation($id: ID!, $note: String! = "") {
  recordMaterialsDelivered(hearingId: $id, note: $note) {
    notified hearing { id materials { deliveredAt daysBeforeHearing requiredDays onTime note } }
  }
}"""
OPEN = """
mutation($id: ID!, $reason: String! = "") {
  openHearing(hearingId: $id, overrideReason: $reason) {
    id status openedAt materials { onTime overrideReason }
  }
}"""
CHECK_IN = """
mutation($code: String!, $hearing: ID) {
  checkIn(code: $code, hearingId: $hearing) {
    attendee name organization category categoryLabel checkedInAt
    hearing { id attendance { participantsPresent observersPresent } }
  }
}"""
MY_CHECK_IN = (
    "query($id: ID!) { myCheckIn(hearingId: $id) { hearingId name categoryLabel code qrSvg checkedInAt } }"
)
ATTENDANCE = """
query($id: ID!) {
  hearing(id: $id) {
    attendance {
      participantsExpected participantsPresent observersExpected observersPresent
      participants { category label invited expected present }
      observers { category label invited expected present }
    }
  }
}"""
DOOR_LIST = """
query($id: ID!, $present: Boolean) {
  hearing(id: $id) {
    participantCheckIns(present: $present) { edges { node { registrationId name checkInCode checkedInAt } } }
  }
}"""


# --- helpers shared by the hearing-day tests --------------------------------------------------------------


async def add_selected(
    state: AppState,
    people: People,
    hearing_id: str | int,
    *,
    category: str = "interested_party",
    name: str = "张三",
    contact: str | None = None,
    consent: bool = False,
    status: str = RegistrationStatus.SELECTED,
) -> int:
    """A registration of a new citizen, as the draw leaves it (selected, with a seat)."""
    contact = contact or f"139{secrets.randbelow(10**8):08d}"
    user_id = (await people.principal(await people.citizen(contact))).user_id
    async with state.sessionmaker() as session:
        category_row = await session.scalar(
            select(HearingCategory).where(
                HearingCategory.hearing_id == int(hearing_id), HearingCategory.code == category
            )
        )
        assert category_row is not None
        seat = (
            await session.scalar(
                select(func.count(Registration.id)).where(Registration.category_id == category_row.id)
            )
            or 0
        ) + 1
        registration = Registration(
            hearing_id=int(hearing_id),
            category_id=category_row.id,
            user_id=user_id,
            applicant_code=f"T{secrets.token_hex(6)}",
            name=name,
            contact=contact,
            consent_to_be_named=consent,
            status=status,
            seat_number=seat if status == RegistrationStatus.SELECTED else None,
            selected_by=SelectedBy.DRAW if status == RegistrationStatus.SELECTED else None,
            selected_at=utcnow() if status == RegistrationStatus.SELECTED else None,
        )
        if status == RegistrationStatus.SELECTED:
            await attendance.assign_check_in_codes(session, [registration])
        session.add(registration)
        await session.commit()
        return registration.id


async def citizen_token(people: People, contact: str) -> str:
    return await people.login(contact, "citizen-pass-1")


async def registration_token(state: AppState, people: People, registration_id: int) -> str:
    async with state.sessionmaker() as session:
        contact = await session.scalar(select(Registration.contact).where(Registration.id == registration_id))
    assert contact is not None
    return await citizen_token(people, contact)


async def deliver_materials_days_before(state: AppState, hearing_id: str | int, days: int) -> None:
    """Pretend the materials went out `days` days before the hearing's day."""
    async with state.sessionmaker() as session:
        hearing = await session.get_one(Hearing, int(hearing_id))
        hearing.materials_delivered_at = hearing.starts_at - timedelta(days=days, hours=1)
        hearing.materials_note = "听证材料（草案及起草说明）已通过短信链接发送"
        await session.commit()


async def make_today(state: AppState, hearing_id: str | int) -> None:
    """The hearing started a minute ago (so it is its day, whatever the time zone)."""
    await set_hearing_times(
        state,
        hearing_id,
        registration_opens_at=utcnow() - timedelta(days=20),
        registration_closes_at=utcnow() - timedelta(days=10),
        starts_at=utcnow() - timedelta(minutes=1),
    )


async def hearing_in_session(gql: GraphQL, state: AppState, organizers: Organizers, **overrides: Any) -> str:
    """A published 听证会 whose materials went out 8 days before, opened today."""
    hearing_id = await published_hearing(gql, organizers, **overrides)
    await make_today(state, hearing_id)
    await deliver_materials_days_before(state, hearing_id, 8)
    ok(await gql(OPEN, {"id": hearing_id}, token=organizers.organizer))
    return hearing_id


async def notifications(state: AppState, kind: str) -> list[Notification]:
    async with state.sessionmaker() as session:
        return list(
            await session.scalars(
                select(Notification).where(Notification.kind == kind).order_by(Notification.id)
            )
        )


async def audit_actions(state: AppState, hearing_id: str | int) -> list[str]:
    async with state.sessionmaker() as session:
        return list(
            await session.scalars(
                select(audit.AuditEvent.action)
                .where(
                    audit.AuditEvent.subject_type == "hearing", audit.AuditEvent.subject_id == str(hearing_id)
                )
                .order_by(audit.AuditEvent.seq)
            )
        )


async def my_code(gql: GraphQL, token: str, hearing_id: str) -> str:
    return ok(await gql(MY_CHECK_IN, {"id": hearing_id}, token=token))["myCheckIn"]["code"]


# --- materials ----------------------------------------------------------------------------------------------


async def test_materials_go_to_each_selected_participant_once(
    gql: GraphQL, state: AppState, people: People, organizers: Organizers
) -> None:
    hearing_id = await published_hearing(gql, organizers)
    first = await add_selected(state, people, hearing_id, name="张三", contact="13900000011")
    await add_selected(state, people, hearing_id, category="public", name="李四", contact="lisi@example.com")
    await add_selected(
        state, people, hearing_id, name="王五", contact="13900000013", status=RegistrationStatus.WAITLISTED
    )
    assert (
        error_code(await gql(RECORD_MATERIALS, {"id": hearing_id, "note": "材料"}, token=organizers.drafter))
        == "FORBIDDEN"
    )
    assert error_code(await gql(RECORD_MATERIALS, {"id": hearing_id}, token=organizers.organizer)) == (
        "TEXT_TOO_SHORT"
    )
    note = "草案、起草说明及相关数据，下载地址 https://www.example.gov.cn/tz/1.html"
    result = ok(await gql(RECORD_MATERIALS, {"id": hearing_id, "note": note}, token=organizers.organizer))
    delivered = result["recordMaterialsDelivered"]
    assert delivered["notified"] == 2  # the waitlisted applicant gets nothing
    materials = delivered["hearing"]["materials"]
    assert materials["requiredDays"] == 7 and materials["daysBeforeHearing"] in (19, 20)
    assert materials["onTime"] is True and materials["note"] == note
    sent = await notifications(state, "hearing_materials")
    assert sorted(n.recipient for n in sent) == ["13900000011", "lisi@example.com"]
    async with state.sessionmaker() as session:
        code = await session.scalar(select(Registration.check_in_code).where(Registration.id == first))
    assert code and code in next(n.body for n in sent if n.recipient == "13900000011")
    assert note in sent[0].body

    # Again (a retry, or after someone was promoted): only the newcomer is sent the materials.
    again = ok(await gql(RECORD_MATERIALS, {"id": hearing_id}, token=organizers.organizer))
    assert again["recordMaterialsDelivered"]["notified"] == 0
    await add_selected(state, people, hearing_id, name="赵六", contact="13900000014")
    later = ok(await gql(RECORD_MATERIALS, {"id": hearing_id, "note": note}, token=organizers.organizer))
    assert later["recordMaterialsDelivered"]["notified"] == 1
    assert (
        later["recordMaterialsDelivered"]["hearing"]["materials"]["deliveredAt"] == materials["deliveredAt"]
    )
    assert len(await notifications(state, "hearing_materials")) == 3
    changed = await gql(
        RECORD_MATERIALS, {"id": hearing_id, "note": "另一份材料"}, token=organizers.organizer
    )
    assert error_code(changed) == "MATERIALS_ALREADY_DELIVERED"
    # The public sees when materials went out, not the note.
    public = ok(
        await gql(
            "query($id: ID!) { hearing(id: $id) { materials { deliveredAt note } } }", {"id": hearing_id}
        )
    )
    assert public["hearing"]["materials"] == {"deliveredAt": materials["deliveredAt"], "note": None}
    actions = await audit_actions(state, hearing_id)
    assert actions.count("hearing.materials_delivered") == 1
    assert actions.count("hearing.materials_sent_to_newcomers") == 2


# --- opening (rules C3) ------------------------------------------------------------------------------


async def test_a_hearing_opens_only_on_its_day(gql: GraphQL, state: AppState, organizers: Organizers) -> None:
    hearing_id = await published_hearing(gql, organizers)
    await deliver_materials_days_before(state, hearing_id, 10)
    result = await gql(OPEN, {"id": hearing_id}, token=organizers.organizer)
    assert error_code(result) == "HEARING_NOT_TODAY"
    await make_today(state, hearing_id)
    await deliver_materials_days_before(state, hearing_id, 10)
    assert error_code(await gql(OPEN, {"id": hearing_id}, token=organizers.drafter)) == "FORBIDDEN"
    opened = ok(await gql(OPEN, {"id": hearing_id}, token=organizers.organizer))["openHearing"]
    assert opened["status"] == "IN_SESSION" and opened["openedAt"]
    assert opened["materials"] == {"onTime": True, "overrideReason": ""}
    assert error_code(await gql(OPEN, {"id": hearing_id}, token=organizers.organizer)) == "INVALID_TRANSITION"


@pytest.mark.parametrize(("days", "code"), [(None, "MATERIALS_NOT_DELIVERED"), (6, "MATERIALS_TOO_LATE")])
async def test_materials_under_seven_days_block_the_hearing_unless_a_reason_is_recorded(
    gql: GraphQL, state: AppState, organizers: Organizers, days: int | None, code: str
) -> None:
    hearing_id = await published_hearing(gql, organizers)
    await make_today(state, hearing_id)
    if days is not None:
        await deliver_materials_days_before(state, hearing_id, days)
    refused = await gql(OPEN, {"id": hearing_id}, token=organizers.organizer)
    assert error_code(refused) == code
    assert "7 日" in refused["errors"][0]["message"]
    assert refused["errors"][0]["extensions"]["minimumDays"] == 7
    assert error_code(await gql(OPEN, {"id": hearing_id, "reason": "  "}, token=organizers.organizer)) == code
    status = ok(await gql("query($id: ID!) { hearing(id: $id) { status } }", {"id": hearing_id}))
    assert status["hearing"]["status"] == "PUBLISHED"  # nothing changed
    reason = "草案经市政府常务会议要求如期听证，材料已于会前当面补送并留足阅读时间"
    opened = ok(await gql(OPEN, {"id": hearing_id, "reason": reason}, token=organizers.organizer))[
        "openHearing"
    ]
    assert opened["status"] == "IN_SESSION"
    assert opened["materials"] == {"onTime": False, "overrideReason": reason}
    async with state.sessionmaker() as session:
        event = await session.scalar(
            select(audit.AuditEvent).where(
                audit.AuditEvent.action == "hearing.opened", audit.AuditEvent.subject_id == hearing_id
            )
        )
    assert event is not None
    assert event.after["override_reason"] == reason and event.after["materials_shortfall"] == code


async def test_symposia_have_no_seven_day_rule(gql: GraphQL, state: AppState, organizers: Organizers) -> None:
    hearing_id = await published_hearing(gql, organizers, kind="SYMPOSIUM", title="宅基地管理座谈会")
    await make_today(state, hearing_id)
    opened = ok(await gql(OPEN, {"id": hearing_id}, token=organizers.organizer))["openHearing"]
    assert opened["status"] == "IN_SESSION" and opened["materials"]["onTime"] is True


# --- check-in -----------------------------------------------------------------------------------------------


async def test_participants_check_in_once_with_their_code(
    gql: GraphQL, state: AppState, people: People, organizers: Organizers
) -> None:
    hearing_id = await published_hearing(gql, organizers)
    registration = await add_selected(state, people, hearing_id, name="张三", contact="13900000021")
    await add_selected(state, people, hearing_id, category="public", name="李四", contact="13900000022")
    token = await citizen_token(people, "13900000021")
    stranger = await people.citizen("13900000029")
    assert ok(await gql(MY_CHECK_IN, {"id": hearing_id}, token=stranger))["myCheckIn"] is None
    assert error_code(await gql(MY_CHECK_IN, {"id": hearing_id})) == "UNAUTHENTICATED"
    mine = ok(await gql(MY_CHECK_IN, {"id": hearing_id}, token=token))["myCheckIn"]
    assert (mine["name"], mine["categoryLabel"], mine["checkedInAt"]) == ("张三", "利害关系人", None)
    assert len(mine["code"]) == 9 and mine["code"][4] == "-"
    assert mine["qrSvg"].startswith("<svg") and 'xmlns="http://www.w3.org/2000/svg"' in mine["qrSvg"]
    # Asked again, the same code: it is generated once.
    assert await my_code(gql, token, hearing_id) == mine["code"]

    # Before the hearing is opened, nobody checks in.
    early = await gql(CHECK_IN, {"code": mine["code"]}, token=organizers.organizer)
    assert error_code(early) == "HEARING_NOT_IN_SESSION"
    await make_today(state, hearing_id)
    await deliver_materials_days_before(state, hearing_id, 8)
    ok(await gql(OPEN, {"id": hearing_id}, token=organizers.organizer))

    assert error_code(await gql(CHECK_IN, {"code": mine["code"]}, token=organizers.drafter)) == "FORBIDDEN"
    assert error_code(await gql(CHECK_IN, {"code": mine["code"]})) == "UNAUTHENTICATED"
    typed = mine["code"].lower().replace("-", " ")  # typed at the door, in lower case with a space
    checked = ok(await gql(CHECK_IN, {"code": typed, "hearing": hearing_id}, token=organizers.organizer))
    checked = checked["checkIn"]
    assert (checked["attendee"], checked["name"], checked["categoryLabel"]) == (
        "participant",
        "张三",
        "利害关系人",
    )
    assert checked["hearing"]["attendance"]["participantsPresent"] == 1

    twice = await gql(CHECK_IN, {"code": mine["code"]}, token=organizers.organizer)
    assert error_code(twice) == "ALREADY_CHECKED_IN"
    assert twice["errors"][0]["extensions"]["checkedInAt"] is not None
    assert "已于" in twice["errors"][0]["message"]
    assert error_code(await gql(CHECK_IN, {"code": "ZZZZ-ZZZZ"}, token=organizers.organizer)) == (
        "CHECK_IN_CODE_NOT_FOUND"
    )
    assert error_code(await gql(CHECK_IN, {"code": "12345"}, token=organizers.organizer)) == (
        "CHECK_IN_CODE_INVALID"
    )
    organizer_id = (await people.principal(organizers.organizer)).user_id
    async with state.sessionmaker() as session:
        row = await session.get_one(Registration, registration)
    assert row.checked_in_at is not None and row.checked_in_by == organizer_id
    assert (await audit_actions(state, hearing_id)).count("hearing.checked_in") == 1

    counts = ok(await gql(ATTENDANCE, {"id": hearing_id}))["hearing"]["attendance"]
    assert (counts["participantsExpected"], counts["participantsPresent"]) == (2, 1)
    assert counts["participants"] == [
        {"category": "interested_party", "label": "利害关系人", "invited": 3, "expected": 1, "present": 1},
        {"category": "public", "label": "普通公众", "invited": 2, "expected": 1, "present": 0},
    ]
    absent = ok(await gql(DOOR_LIST, {"id": hearing_id, "present": False}, token=organizers.organizer))
    assert [e["node"]["name"] for e in absent["hearing"]["participantCheckIns"]["edges"]] == ["李四"]
    public = await gql(DOOR_LIST, {"id": hearing_id})
    assert error_code(public) == "UNAUTHENTICATED"
    assert public["data"]["hearing"]["participantCheckIns"] is None


async def test_codes_of_other_hearings_and_units_are_refused(
    gql: GraphQL, state: AppState, people: People, organizers: Organizers
) -> None:
    first = await hearing_in_session(gql, state, organizers)
    second = await hearing_in_session(gql, state, organizers, title="另一场听证会")
    await add_selected(state, people, second, contact="13900000031")
    code = await my_code(gql, await citizen_token(people, "13900000031"), second)
    wrong = await gql(CHECK_IN, {"code": code, "hearing": first}, token=organizers.organizer)
    assert error_code(wrong) == "CHECK_IN_WRONG_HEARING"
    assert "另一场听证会" in wrong["errors"][0]["message"]
    await people.unit("other", region="110000")
    elsewhere = await people.staff("other-organizer", ["organizer"], unit="other")
    assert error_code(await gql(CHECK_IN, {"code": code}, token=elsewhere)) == "FORBIDDEN"
    async with state.sessionmaker() as session:
        assert await session.scalar(select(func.count(Registration.checked_in_at))) == 0
    assert ok(await gql(CHECK_IN, {"code": code, "hearing": second}, token=organizers.organizer))


async def test_cancelled_registrations_cannot_check_in(
    gql: GraphQL, state: AppState, people: People, organizers: Organizers
) -> None:
    hearing_id = await hearing_in_session(gql, state, organizers)
    registration = await add_selected(state, people, hearing_id, contact="13900000041")
    code = await my_code(gql, await citizen_token(people, "13900000041"), hearing_id)
    async with state.sessionmaker() as session:
        await session.execute(
            update(Registration)
            .where(Registration.id == registration)
            .values(status=RegistrationStatus.CANCELLED, seat_number=None)
        )
        await session.commit()
    result = await gql(CHECK_IN, {"code": code}, token=organizers.organizer)
    assert error_code(result) == "CHECK_IN_NOT_CONFIRMED"
    # Once the minutes are recorded the hearing is held and check-in is closed.
    ok(
        await gql(
            """mutation($id: ID!) {
                 recordMinutes(input: {hearingId: $id, expectedEntries: 0, summary: "会议结束"}) { status }
               }""",
            {"id": hearing_id},
            token=organizers.organizer,
        )
    )
    assert (
        error_code(await gql(CHECK_IN, {"code": code}, token=organizers.organizer))
        == "HEARING_NOT_IN_SESSION"
    )
