"""Registration, the waitlist, the draw and the participant list through GraphQL (rules C3, C5, H)."""

import hashlib
import json
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError

from api import audit
from api.context import AppState
from api.db import utcnow
from api.outbox import Notification
from hearings import registration, selection
from hearings.models import Registration
from tests.conftest import GraphQL, People, error_code
from tests.hearings.conftest import (
    Organizers,
    close_registration,
    create_hearing,
    ok,
    open_registration,
    published_hearing,
    set_hearing_times,
)

MY_FIELDS = """
  id hearingId applicantCode category categoryLabel name organization contact wishesToSpeak
  positionSummary consentToBeNamed status statusLabel seatNumber selectedBy selectedByLabel waitlistRank
  waitlistPosition canCancel
"""
REGISTER = f"""
mutation($input: RegisterForHearingInput!) {{ registerForHearing(input: $input) {{ {MY_FIELDS} }} }}"""
CANCEL = f"mutation($id: ID!) {{ cancelRegistration(registrationId: $id) {{ {MY_FIELDS} }} }}"
COMMIT = """
mutation($id: ID!, $hash: String!) { commitDrawSeed(hearingId: $id, seedSha256: $hash) {
  id draw { seedSha256 seedCommittedAt seed drawnAt } } }"""
DRAW = """
mutation($id: ID!, $seed: String!) { drawParticipants(hearingId: $id, seed: $seed) {
  id draw { seed drawnAt documentSha256 downloadUrl categories {
    category quota seatsDrawn applicants selected waitlist
    manuallySelected { applicantCode reason } } } } }"""
MANUAL = """
mutation($id: ID!, $reason: String!) { selectParticipantManually(registrationId: $id, reason: $reason) {
  id status seatNumber selectedBy manualReason } }"""
PUBLISH_LIST = (
    "mutation($id: ID!) { publishParticipantList(hearingId: $id) { id participantListPublishedAt } }"
)
HEARING = f"""
query($id: ID!) {{ hearing(id: $id) {{
  id selectionMethod participantListPublishedAt
  myRegistration {{ {MY_FIELDS} }}
  registrationCounts {{ category label quota applied selected waitlisted cancelled }}
  participantList {{
    category categoryLabel seatNumber named name organization wishesToSpeak selectedBy selectedByLabel
    manualReason
  }}
  draw {{ seedSha256 seed drawnAt categories {{ category applicants selected waitlist }} }}
}} }}"""
MY_REGISTRATIONS = """
query($first: Int!, $after: String) { myRegistrations(first: $first, after: $after) {
  edges { cursor node { id hearingTitle status hearing { id title } } }
  pageInfo { hasNextPage endCursor } } }"""
STAFF_LIST = """
query($id: ID!, $category: ParticipantCategory, $status: HearingRegistrationStatus, $first: Int!,
      $after: String) {
  hearingRegistrations(hearingId: $id, category: $category, status: $status, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id name contact category status seatNumber waitlistRank positionSummary } }
  }
}"""

SEED = "5b0d3f0e8a7c4e19b2d6a1c9f4e8b7a3-县自然资源局-2026"
SEED_HASH = hashlib.sha256(SEED.encode()).hexdigest()


def form(hearing_id: str, category: str = "PUBLIC", **overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {"hearingId": hearing_id, "category": category, "name": "张三丰"}
    values.update(overrides)
    return values


async def register(gql: GraphQL, token: str, hearing_id: str, category: str = "PUBLIC", **kw: Any) -> Any:
    return await gql(REGISTER, {"input": form(hearing_id, category, **kw)}, token=token)


async def registered(gql: GraphQL, token: str, hearing_id: str, category: str = "PUBLIC", **kw: Any) -> Any:
    return ok(await register(gql, token, hearing_id, category, **kw))["registerForHearing"]


async def citizens(people: People, count: int, start: int = 1) -> list[str]:
    return [await people.citizen(f"139{start + i:08d}") for i in range(count)]


async def first_come_hearing(gql: GraphQL, organizers: Organizers, state: AppState, **overrides: Any) -> str:
    hearing_id = await published_hearing(gql, organizers, selectionMethod="FIRST_COME", **overrides)
    await open_registration(state, hearing_id)
    return hearing_id


async def notifications(state: AppState, kind: str) -> list[Notification]:
    async with state.sessionmaker() as session:
        return list(
            await session.scalars(
                select(Notification).where(Notification.kind == kind).order_by(Notification.id)
            )
        )


async def registration_rows(state: AppState) -> list[Registration]:
    async with state.sessionmaker() as session:
        return list(await session.scalars(select(Registration).order_by(Registration.id)))


async def audit_actions(state: AppState) -> list[str]:
    async with state.sessionmaker() as session:
        return list(await session.scalars(select(audit.AuditEvent.action).order_by(audit.AuditEvent.seq)))


# ---- first come and the waitlist -----------------------------------------------------------------


async def test_first_come_takes_seats_then_waitlists_in_order(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    hearing_id = await first_come_hearing(gql, organizers, state)
    tokens = await citizens(people, 4)
    answers = [await registered(gql, token, hearing_id) for token in tokens]
    assert [(a["status"], a["seatNumber"], a["waitlistRank"]) for a in answers] == [
        ("SELECTED", 1, None),
        ("SELECTED", 2, None),
        ("WAITLISTED", None, 1),
        ("WAITLISTED", None, 2),
    ]
    assert answers[0]["selectedBy"] == "FIRST_COME" and answers[0]["selectedByLabel"] == "按报名先后确定"
    assert answers[3]["waitlistPosition"] == 2 and answers[3]["statusLabel"] == "候补"
    assert answers[0]["contact"] == "13900000001"  # the account's contact by default
    assert len({a["applicantCode"] for a in answers}) == 4

    # The other category still has room.
    other = await registered(gql, (await citizens(people, 1, start=50))[0], hearing_id, "INTERESTED_PARTY")
    assert (other["status"], other["seatNumber"]) == ("SELECTED", 1)

    mine = ok(await gql(HEARING, {"id": hearing_id}, token=tokens[2]))["hearing"]["myRegistration"]
    assert mine["id"] == answers[2]["id"] and mine["waitlistPosition"] == 1
    counts = ok(await gql(HEARING, {"id": hearing_id}, token=organizers.organizer))["hearing"]
    assert counts["registrationCounts"] == [
        {"category": "INTERESTED_PARTY", "label": "利害关系人", "quota": 3, "applied": 0, "selected": 1,
         "waitlisted": 0, "cancelled": 0},
        {"category": "PUBLIC", "label": "普通公众", "quota": 2, "applied": 0, "selected": 2, "waitlisted": 2,
         "cancelled": 0},
    ]  # fmt: skip
    # Counts are for staff; the public sees no counts and no registration of its own.
    public = ok(await gql(HEARING, {"id": hearing_id}))["hearing"]
    assert public["registrationCounts"] is None and public["myRegistration"] is None

    received = await notifications(state, "hearing_received")
    assert [n.recipient for n in received] == [*(f"139{i:08d}" for i in range(1, 5)), "13900000050"]
    assert "已获得参加名额" in received[0].subject and "候补第 2 位" in received[3].subject
    assert answers[3]["applicantCode"] in received[3].body
    assert (await audit_actions(state)).count("hearing.registration_created") == 5


async def test_cancelling_a_seat_promotes_the_next_and_notifies_them(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState, run_jobs: Any
) -> None:
    hearing_id = await first_come_hearing(gql, organizers, state)
    tokens = await citizens(people, 4)
    answers = [await registered(gql, token, hearing_id) for token in tokens]

    cancelled = ok(await gql(CANCEL, {"id": answers[0]["id"]}, token=tokens[0]))["cancelRegistration"]
    assert (cancelled["status"], cancelled["seatNumber"], cancelled["canCancel"]) == (
        "CANCELLED",
        None,
        False,
    )
    promoted = ok(await gql(HEARING, {"id": hearing_id}, token=tokens[2]))["hearing"]["myRegistration"]
    assert (promoted["status"], promoted["seatNumber"], promoted["selectedBy"]) == (
        "SELECTED",
        1,
        "PROMOTION",
    )
    assert promoted["waitlistRank"] == 1  # kept for the record
    last = ok(await gql(HEARING, {"id": hearing_id}, token=tokens[3]))["hearing"]["myRegistration"]
    assert (last["status"], last["waitlistRank"], last["waitlistPosition"]) == ("WAITLISTED", 2, 1)

    await run_jobs()
    [notice] = await notifications(state, "hearing_promoted")
    assert notice.recipient == "13900000003" and notice.status == "sent"
    assert "递补" in notice.subject

    # Cancelling a waitlisted registration promotes nobody; cancelling twice is refused.
    ok(await gql(CANCEL, {"id": answers[3]["id"]}, token=tokens[3]))
    assert len(await notifications(state, "hearing_promoted")) == 1
    assert error_code(await gql(CANCEL, {"id": answers[0]["id"]}, token=tokens[0])) == "ALREADY_CANCELLED"
    # Someone else's registration does not exist for the caller.
    assert (
        error_code(await gql(CANCEL, {"id": answers[1]["id"]}, token=tokens[2])) == "REGISTRATION_NOT_FOUND"
    )
    assert error_code(await gql(CANCEL, {"id": answers[1]["id"]})) == "UNAUTHENTICATED"

    # A freed seat with an empty waitlist goes to the next newcomer.
    ok(await gql(CANCEL, {"id": answers[1]["id"]}, token=tokens[1]))
    newcomer = await registered(gql, (await citizens(people, 1, start=60))[0], hearing_id)
    assert (newcomer["status"], newcomer["seatNumber"]) == ("SELECTED", 2)
    actions = await audit_actions(state)
    assert actions.count("hearing.registration_cancelled") == 3
    assert actions.count("hearing.registration_promoted") == 1


async def test_a_cancelled_registration_may_be_followed_by_a_new_one_but_never_two_live(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    hearing_id = await first_come_hearing(gql, organizers, state)
    [token] = await citizens(people, 1)
    first = await registered(gql, token, hearing_id)
    for category in ("PUBLIC", "INTERESTED_PARTY"):
        result = await register(gql, token, hearing_id, category)
        assert error_code(result) == "DUPLICATE_REGISTRATION"
        assert "已报名" in result["errors"][0]["message"]
    ok(await gql(CANCEL, {"id": first["id"]}, token=token))
    again = await registered(gql, token, hearing_id, "INTERESTED_PARTY")
    assert again["status"] == "SELECTED" and again["applicantCode"] != first["applicantCode"]
    assert len(await registration_rows(state)) == 2


async def test_cancelling_after_the_hearing_started_is_refused(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    hearing_id = await first_come_hearing(gql, organizers, state)
    [token] = await citizens(people, 1)
    mine = await registered(gql, token, hearing_id)
    await set_hearing_times(
        state,
        hearing_id,
        registration_opens_at=utcnow() - timedelta(days=3),
        registration_closes_at=utcnow() - timedelta(days=2),
        starts_at=utcnow() - timedelta(minutes=5),
    )
    assert error_code(await gql(CANCEL, {"id": mine["id"]}, token=token)) == "CANCEL_TOO_LATE"
    [row] = await registration_rows(state)
    assert row.status == "selected" and row.seat_number == 1


# ---- who may register, when, and with what -------------------------------------------------------


async def test_registration_window_and_hearing_state(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    [token] = await citizens(people, 1)
    not_yet = await published_hearing(gql, organizers)  # opens tomorrow
    result = await register(gql, token, not_yet)
    assert error_code(result) == "REGISTRATION_NOT_OPEN"
    assert "报名尚未开始" in result["errors"][0]["message"]
    await close_registration(state, not_yet)
    assert error_code(await register(gql, token, not_yet)) == "REGISTRATION_CLOSED"

    draft = await create_hearing(gql, organizers)
    assert error_code(await register(gql, token, draft["id"])) == "HEARING_NOT_FOUND"
    assert error_code(await register(gql, token, "999999")) == "HEARING_NOT_FOUND"

    cancelled = await published_hearing(gql, organizers)
    await open_registration(state, cancelled)
    ok(
        await gql(
            'mutation($id: ID!) { cancelHearing(hearingId: $id, reason: "草案撤回") { status } }',
            {"id": cancelled},
            token=organizers.organizer,
        )
    )
    assert error_code(await register(gql, token, cancelled)) == "HEARING_CANCELLED"
    assert await registration_rows(state) == []


async def test_only_verified_citizens_register(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    hearing_id = await first_come_hearing(gql, organizers, state)
    assert error_code(await gql(REGISTER, {"input": form(hearing_id)})) == "UNAUTHENTICATED"
    assert error_code(await register(gql, organizers.organizer, hearing_id)) == "FORBIDDEN"
    unverified = await people.citizen("13700000001", verified=False)
    assert error_code(await register(gql, unverified, hearing_id)) == "CONTACT_NOT_VERIFIED"
    assert await registration_rows(state) == []


async def test_bad_registration_input_is_refused_and_changes_nothing(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    hearing_id = await first_come_hearing(
        gql,
        organizers,
        state,
        categories=[{"category": "ENTERPRISE", "quota": 2}, {"category": "PUBLIC", "quota": 2}],
    )
    [token] = await citizens(people, 1)
    cases = {
        "CATEGORY_NOT_OFFERED": {"category": "EXPERT"},
        "NAME_REQUIRED": {"name": "  "},
        "TEXT_TOO_LONG": {"name": "张" * 101},
        "ORGANIZATION_REQUIRED": {"category": "ENTERPRISE"},
        "POSITION_SUMMARY_REQUIRED": {"wishesToSpeak": True, "positionSummary": "反对"},
        "CONTACT_INVALID": {"contact": "12345"},
        "ID_INVALID": {"hearingId": "abc"},
    }
    for code, overrides in cases.items():
        values = form(hearing_id, **overrides)
        assert error_code(await gql(REGISTER, {"input": values}, token=token)) == code, code
    assert await registration_rows(state) == []
    assert await notifications(state, "hearing_received") == []

    full = await registered(
        gql,
        token,
        hearing_id,
        "ENTERPRISE",
        name=" 李四 ",
        organization="某某农业合作社",
        contact="lisi@example.cn",
        wishesToSpeak=True,
        positionSummary="建议放宽分户条件，并公布审批进度。",
        consentToBeNamed=True,
    )
    assert (full["name"], full["organization"], full["contact"]) == (
        "李四",
        "某某农业合作社",
        "lisi@example.cn",
    )
    assert full["wishesToSpeak"] and full["consentToBeNamed"]
    [notice] = await notifications(state, "hearing_received")
    assert (notice.recipient, notice.channel) == ("lisi@example.cn", "email")


# ---- the draw ------------------------------------------------------------------------------------


async def draw_hearing(gql: GraphQL, organizers: Organizers, state: AppState, *, commit: bool = True) -> str:
    hearing_id = await published_hearing(gql, organizers)
    if commit:
        committed = ok(
            await gql(COMMIT, {"id": hearing_id, "hash": SEED_HASH.upper()}, token=organizers.organizer)
        )
        assert committed["commitDrawSeed"]["draw"]["seedSha256"] == SEED_HASH
        assert committed["commitDrawSeed"]["draw"]["seed"] is None
    await open_registration(state, hearing_id)
    return hearing_id


def independent_draw(seed: str, applicants: list[str], seats: int) -> tuple[list[str], list[str]]:
    """docs/hearings-draw.md, written again without hearings.selection."""
    ordered = sorted(applicants, key=lambda c: hashlib.sha256((seed + ":" + c).encode("utf-8")).digest())
    return ordered[:seats], ordered[seats:]


async def test_a_draw_selects_per_category_notifies_everyone_once_and_can_be_recomputed(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState, client: httpx.AsyncClient
) -> None:
    hearing_id = await draw_hearing(gql, organizers, state)
    public_tokens = await citizens(people, 5)
    party_tokens = await citizens(people, 2, start=20)
    applied = [await registered(gql, t, hearing_id) for t in public_tokens]
    applied += [await registered(gql, t, hearing_id, "INTERESTED_PARTY") for t in party_tokens]
    assert {a["status"] for a in applied} == {"APPLIED"}
    assert {a["seatNumber"] for a in applied} == {None}

    # Before the draw the public sees the commitment and the applicant codes, in registration order.
    before = (await client.get(f"/hearings/{hearing_id}/draw.json")).json()
    assert before["seed"] is None and before["seed_sha256"] == SEED_HASH
    assert before["categories"][1]["applicants"] == [a["applicantCode"] for a in applied[:5]]
    assert (await client.get(f"/hearings/{hearing_id}/draw.json")).headers["cache-control"] == "no-store"

    result = await gql(DRAW, {"id": hearing_id, "seed": SEED})
    assert error_code(result) == "UNAUTHENTICATED"
    assert error_code(await gql(DRAW, {"id": hearing_id, "seed": SEED}, token=organizers.organizer)) == (
        "REGISTRATION_STILL_OPEN"
    )
    await close_registration(state, hearing_id)
    assert (
        error_code(await gql(DRAW, {"id": hearing_id, "seed": SEED}, token=organizers.drafter)) == "FORBIDDEN"
    )
    assert (
        error_code(await gql(DRAW, {"id": hearing_id, "seed": SEED}, token=public_tokens[0])) == "FORBIDDEN"
    )
    wrong = await gql(DRAW, {"id": hearing_id, "seed": SEED + " "}, token=organizers.organizer)
    assert error_code(wrong) == "SEED_MISMATCH"
    assert {r.status for r in await registration_rows(state)} == {"applied"}

    drawn = ok(await gql(DRAW, {"id": hearing_id, "seed": SEED}, token=organizers.organizer))
    draw = drawn["drawParticipants"]["draw"]
    assert draw["seed"] == SEED and draw["downloadUrl"] == f"/hearings/{hearing_id}/draw.json"
    party, public = draw["categories"]
    assert (party["category"], party["seatsDrawn"], party["waitlist"]) == ("INTERESTED_PARTY", 3, [])
    assert sorted(party["selected"]) == sorted(a["applicantCode"] for a in applied[5:])  # fewer than seats
    assert len(public["selected"]) == 2 and len(public["waitlist"]) == 3

    again = await gql(DRAW, {"id": hearing_id, "seed": SEED}, token=organizers.organizer)
    assert error_code(again) == "ALREADY_DRAWN"

    # Each applicant's own view agrees with the published result.
    for token, answer in zip(public_tokens, applied, strict=False):
        mine = ok(await gql(HEARING, {"id": hearing_id}, token=token))["hearing"]["myRegistration"]
        code = answer["applicantCode"]
        if code in public["selected"]:
            assert (mine["status"], mine["selectedBy"]) == ("SELECTED", "DRAW")
            assert mine["seatNumber"] == public["selected"].index(code) + 1
        else:
            assert (mine["status"], mine["waitlistRank"]) == (
                "WAITLISTED",
                public["waitlist"].index(code) + 1,
            )

    # Everyone hears the result exactly once.
    results = await notifications(state, "hearing_draw_result")
    assert sorted(n.recipient for n in results) == sorted(
        [*(f"139{i:08d}" for i in range(1, 6)), "13900000020", "13900000021"]
    )
    assert sum("您已被选为参加人" in n.body for n in results) == 4

    # Anyone recomputes the published draw from the JSON alone, without the platform's code...
    response = await client.get(f"/hearings/{hearing_id}/draw.json")
    assert response.status_code == 200
    assert response.headers["x-content-sha256"] == hashlib.sha256(response.content).hexdigest()
    document = json.loads(response.content)
    assert hashlib.sha256(document["seed"].encode()).hexdigest() == document["seed_sha256"]
    for category in document["categories"]:
        selected, waitlist = independent_draw(
            document["seed"], category["applicants"], category["seats_drawn"]
        )
        assert (selected, waitlist) == (category["selected"], category["waitlist"])
    # ... and with `canyu verify-draw`'s function.
    assert selection.verify_document(document).matches
    async with state.sessionmaker() as session:
        [event] = await session.scalars(
            select(audit.AuditEvent).where(audit.AuditEvent.action == "hearing.drawn")
        )
    assert event.after["record_sha256"] == drawn["drawParticipants"]["draw"]["documentSha256"]
    assert event.after["seed"] == SEED

    # Later cancellations change the participants, never the published draw.
    winner = public_tokens[[a["applicantCode"] for a in applied].index(public["selected"][0])]
    mine = ok(await gql(HEARING, {"id": hearing_id}, token=winner))["hearing"]["myRegistration"]
    ok(await gql(CANCEL, {"id": mine["id"]}, token=winner))
    assert json.loads((await client.get(f"/hearings/{hearing_id}/draw.json")).content) == document
    [promotion] = await notifications(state, "hearing_promoted")
    first_waiting = applied[[a["applicantCode"] for a in applied].index(public["waitlist"][0])]
    assert promotion.recipient == first_waiting["contact"]


async def test_seed_commitment_rules(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    hearing_id = await published_hearing(gql, organizers)
    for bad in ("abc", "g" * 64, hashlib.sha256(b"").hexdigest()):
        result = await gql(COMMIT, {"id": hearing_id, "hash": bad}, token=organizers.organizer)
        assert error_code(result) == "SEED_HASH_INVALID", bad
    [citizen] = await citizens(people, 1)
    assert error_code(await gql(COMMIT, {"id": hearing_id, "hash": SEED_HASH}, token=citizen)) == "FORBIDDEN"
    ok(await gql(COMMIT, {"id": hearing_id, "hash": SEED_HASH}, token=organizers.organizer))
    again = await gql(COMMIT, {"id": hearing_id, "hash": "a" * 64}, token=organizers.organizer)
    assert error_code(again) == "SEED_ALREADY_COMMITTED"
    public = ok(await gql(HEARING, {"id": hearing_id}))["hearing"]["draw"]
    assert (public["seedSha256"], public["seed"]) == (SEED_HASH, None)

    late = await published_hearing(gql, organizers)
    await close_registration(state, late)
    result = await gql(COMMIT, {"id": late, "hash": SEED_HASH}, token=organizers.organizer)
    assert error_code(result) == "SEED_COMMIT_TOO_LATE"
    assert error_code(await gql(DRAW, {"id": late, "seed": SEED}, token=organizers.organizer)) == (
        "SEED_NOT_COMMITTED"
    )

    first_come = await published_hearing(gql, organizers, selectionMethod="FIRST_COME")
    result = await gql(COMMIT, {"id": first_come, "hash": SEED_HASH}, token=organizers.organizer)
    assert error_code(result) == "DRAW_NOT_USED"
    assert ok(await gql(HEARING, {"id": first_come}))["hearing"]["draw"] is None
    assert (await people.gql.http.get(f"/hearings/{first_come}/draw.json")).status_code == 404
    actions = await audit_actions(state)
    assert actions.count("hearing.draw_seed_committed") == 1


# ---- manual selection and the public list --------------------------------------------------------


async def test_manual_selection_needs_a_reason_stays_within_quota_and_shrinks_the_draw(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    hearing_id = await draw_hearing(gql, organizers, state)
    tokens = await citizens(people, 4)
    applied = [await registered(gql, t, hearing_id) for t in tokens]

    no_reason = await gql(MANUAL, {"id": applied[0]["id"], "reason": " "}, token=organizers.organizer)
    assert error_code(no_reason) == "MANUAL_REASON_REQUIRED"
    assert error_code(
        await gql(MANUAL, {"id": applied[0]["id"], "reason": "残疾人代表"}, token=tokens[1])
    ) == ("FORBIDDEN")
    chosen = ok(
        await gql(
            MANUAL,
            {"id": applied[0]["id"], "reason": "残疾人代表，保障无障碍诉求"},
            token=organizers.organizer,
        )
    )
    assert chosen["selectParticipantManually"] == {
        "id": applied[0]["id"],
        "status": "SELECTED",
        "seatNumber": 1,
        "selectedBy": "MANUAL",
        "manualReason": "残疾人代表，保障无障碍诉求",
    }
    again = await gql(MANUAL, {"id": applied[0]["id"], "reason": "再次选定"}, token=organizers.organizer)
    assert error_code(again) == "ALREADY_SELECTED"
    ok(await gql(MANUAL, {"id": applied[1]["id"], "reason": "村民小组推荐"}, token=organizers.organizer))
    over = await gql(MANUAL, {"id": applied[2]["id"], "reason": "专家推荐"}, token=organizers.organizer)
    assert error_code(over) == "QUOTA_FULL"
    assert "2 个名额已满" in over["errors"][0]["message"]

    # The draw fills what manual selection left: nothing here; the others wait in draw order.
    await close_registration(state, hearing_id)
    draw = ok(await gql(DRAW, {"id": hearing_id, "seed": SEED}, token=organizers.organizer))
    public = draw["drawParticipants"]["draw"]["categories"][1]
    assert public["seatsDrawn"] == 0 and public["selected"] == []
    assert public["applicants"] == [applied[2]["applicantCode"], applied[3]["applicantCode"]]
    assert [m["applicantCode"] for m in public["manuallySelected"]] == [
        a["applicantCode"] for a in applied[:2]
    ]
    assert len(public["waitlist"]) == 2
    assert (await audit_actions(state)).count("hearing.registration_selected_manually") == 2
    assert len(await notifications(state, "hearing_selected_manually")) == 2


async def test_participant_list_is_published_after_selection_and_names_only_who_consented(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    hearing_id = await first_come_hearing(gql, organizers, state)
    named, masked, waiting = await citizens(people, 3)
    await registered(
        gql,
        named,
        hearing_id,
        name="李四",
        organization="某村村委会",
        consentToBeNamed=True,
        wishesToSpeak=True,
        positionSummary="支持草案，建议明确过渡期安排。",
    )
    await registered(gql, masked, hearing_id, name="欧阳小明", organization="某律师事务所")
    await registered(gql, waiting, hearing_id, name="王五")

    assert error_code(await gql(PUBLISH_LIST, {"id": hearing_id}, token=organizers.organizer)) == (
        "REGISTRATION_STILL_OPEN"
    )
    assert ok(await gql(HEARING, {"id": hearing_id}))["hearing"]["participantList"] is None
    preview = ok(await gql(HEARING, {"id": hearing_id}, token=organizers.drafter))["hearing"][
        "participantList"
    ]
    assert len(preview) == 2  # staff of the unit preview it before publication

    await close_registration(state, hearing_id)
    assert error_code(await gql(PUBLISH_LIST, {"id": hearing_id}, token=named)) == "FORBIDDEN"
    published = ok(await gql(PUBLISH_LIST, {"id": hearing_id}, token=organizers.organizer))
    assert published["publishParticipantList"]["participantListPublishedAt"]
    again = await gql(PUBLISH_LIST, {"id": hearing_id}, token=organizers.organizer)
    assert error_code(again) == "LIST_ALREADY_PUBLISHED"

    hearing = ok(await gql(HEARING, {"id": hearing_id}))["hearing"]
    assert hearing["participantList"] == [
        {"category": "PUBLIC", "categoryLabel": "普通公众", "seatNumber": 1, "named": True, "name": "李四",
         "organization": "某村村委会", "wishesToSpeak": True, "selectedBy": "FIRST_COME",
         "selectedByLabel": "按报名先后确定", "manualReason": ""},
        {"category": "PUBLIC", "categoryLabel": "普通公众", "seatNumber": 2, "named": False, "name": "欧阳**",
         "organization": "", "wishesToSpeak": False, "selectedBy": "FIRST_COME",
         "selectedByLabel": "按报名先后确定", "manualReason": ""},
    ]  # fmt: skip
    text = json.dumps(hearing, ensure_ascii=False)
    assert "某律师事务所" not in text and "欧阳小明" not in text and "王五" not in text
    assert "1390000000" not in text  # no contact in any public field


async def test_a_draw_hearing_publishes_its_list_only_after_the_draw(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    hearing_id = await draw_hearing(gql, organizers, state)
    tokens = await citizens(people, 3)
    applied = [
        await registered(gql, t, hearing_id, consentToBeNamed=True, name=f"赵{i}一")
        for i, t in enumerate(tokens)
    ]
    ok(
        await gql(
            MANUAL, {"id": applied[2]["id"], "reason": "受影响最直接的住户代表"}, token=organizers.organizer
        )
    )
    await close_registration(state, hearing_id)
    assert (
        error_code(await gql(PUBLISH_LIST, {"id": hearing_id}, token=organizers.organizer)) == "DRAW_NOT_DONE"
    )
    ok(await gql(DRAW, {"id": hearing_id, "seed": SEED}, token=organizers.organizer))
    ok(await gql(PUBLISH_LIST, {"id": hearing_id}, token=organizers.organizer))
    listed = ok(await gql(HEARING, {"id": hearing_id}))["hearing"]["participantList"]
    assert [p["seatNumber"] for p in listed] == [1, 2]
    manual = next(p for p in listed if p["selectedBy"] == "MANUAL")
    assert (manual["name"], manual["manualReason"], manual["selectedByLabel"]) == (
        "赵2一",
        "受影响最直接的住户代表",
        "组织者选定",
    )
    assert next(p for p in listed if p["selectedBy"] == "DRAW")["selectedByLabel"] == "抽签选定"


async def test_no_participants_no_list(gql: GraphQL, organizers: Organizers, state: AppState) -> None:
    hearing_id = await first_come_hearing(gql, organizers, state)
    await close_registration(state, hearing_id)
    assert (
        error_code(await gql(PUBLISH_LIST, {"id": hearing_id}, token=organizers.organizer))
        == "NO_PARTICIPANTS"
    )


# ---- lists for the citizen and the organizer -----------------------------------------------------


async def test_my_registrations_and_the_organizers_list_with_filters_pages_and_export(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState, client: httpx.AsyncClient
) -> None:
    first = await first_come_hearing(gql, organizers, state)
    second = await first_come_hearing(
        gql, organizers, state, title="某区老旧小区改造座谈会", kind="SYMPOSIUM"
    )
    tokens = await citizens(people, 4)
    for token in tokens:
        await registered(gql, token, first)
    await registered(gql, tokens[0], second, "INTERESTED_PARTY", positionSummary='=HYPERLINK("x")')

    mine = ok(await gql(MY_REGISTRATIONS, {"first": 1}, token=tokens[0]))["myRegistrations"]
    assert mine["edges"][0]["node"]["hearingTitle"] == "某区老旧小区改造座谈会"
    assert mine["edges"][0]["node"]["hearing"]["id"] == second
    assert mine["pageInfo"]["hasNextPage"]
    rest = ok(
        await gql(MY_REGISTRATIONS, {"first": 5, "after": mine["pageInfo"]["endCursor"]}, token=tokens[0])
    )
    assert [e["node"]["hearing"]["id"] for e in rest["myRegistrations"]["edges"]] == [first]
    assert error_code(await gql(MY_REGISTRATIONS, {"first": 5})) == "UNAUTHENTICATED"

    page = ok(await gql(STAFF_LIST, {"id": first, "first": 3}, token=organizers.organizer))[
        "hearingRegistrations"
    ]
    assert page["totalCount"] == 4 and page["pageInfo"]["hasNextPage"]
    assert [e["node"]["contact"] for e in page["edges"]] == [f"139{i:08d}" for i in range(1, 4)]
    tail = ok(
        await gql(
            STAFF_LIST,
            {"id": first, "first": 3, "after": page["pageInfo"]["endCursor"]},
            token=organizers.organizer,
        )
    )["hearingRegistrations"]
    assert [e["node"]["contact"] for e in tail["edges"]] == ["13900000004"]
    waiting = ok(
        await gql(STAFF_LIST, {"id": first, "first": 10, "status": "WAITLISTED"}, token=organizers.organizer)
    )["hearingRegistrations"]
    assert [e["node"]["waitlistRank"] for e in waiting["edges"]] == [1, 2]
    none = ok(
        await gql(
            STAFF_LIST, {"id": first, "first": 10, "category": "INTERESTED_PARTY"}, token=organizers.organizer
        )
    )["hearingRegistrations"]
    assert none["totalCount"] == 0
    for token in (organizers.drafter, tokens[0]):
        assert error_code(await gql(STAFF_LIST, {"id": first, "first": 5}, token=token)) == "FORBIDDEN"

    headers = {"Authorization": f"Bearer {organizers.organizer}"}
    export = await client.get(f"/exports/hearings/{second}/registrations.csv", headers=headers)
    assert export.status_code == 200 and export.headers["content-type"].startswith("text/csv")
    lines = export.content.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("id,applicant_code,category,category_label,name,organization,contact")
    assert len(lines) == 2 and "13900000001" in lines[1]
    assert "'=HYPERLINK" in lines[1]  # a formula typed by an applicant stays text
    assert (await client.get(f"/exports/hearings/{second}/registrations.csv")).status_code == 401
    drafter = {"Authorization": f"Bearer {organizers.drafter}"}
    assert (
        await client.get(f"/exports/hearings/{second}/registrations.csv", headers=drafter)
    ).status_code == 403
    assert (await client.get("/exports/hearings/99999/registrations.csv", headers=headers)).status_code == 404


async def test_nothing_is_left_behind_by_a_failed_registration(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    """A refused duplicate writes no audit event and no notification (one transaction, rolled back)."""
    hearing_id = await first_come_hearing(gql, organizers, state)
    [token] = await citizens(people, 1)
    await registered(gql, token, hearing_id)
    before = await audit_actions(state)
    assert error_code(await register(gql, token, hearing_id, "INTERESTED_PARTY")) == "DUPLICATE_REGISTRATION"
    assert await audit_actions(state) == before
    async with state.sessionmaker() as session:
        kinds = select(func.count()).where(Notification.kind.startswith("hearing_"))
        assert await session.scalar(kinds) == 1


async def test_the_database_itself_refuses_a_second_seat_holder_or_a_second_live_registration(
    gql: GraphQL, people: People, organizers: Organizers, state: AppState
) -> None:
    """The second line of defence behind the locks, on both databases, and how its refusal reads."""
    hearing_id = await first_come_hearing(gql, organizers, state)
    first, second = await citizens(people, 2)
    await registered(gql, first, hearing_id)
    await registered(gql, second, hearing_id)
    [holder, other] = await registration_rows(state)

    def copy(row: Registration, **changes: Any) -> Registration:
        values = {c.key: getattr(row, c.key) for c in Registration.__table__.columns if c.key != "id"}
        values.update(applicant_code=registration.new_applicant_code(), check_in_code=None, **changes)
        return Registration(**values)

    # Another person's registration given the holder's seat: refused by unique (category_id, seat_number).
    async with state.sessionmaker() as session:
        await session.execute(
            update(Registration)
            .where(Registration.id == other.id)
            .values(status="cancelled", seat_number=None)
        )
        session.add(copy(other, seat_number=holder.seat_number))
        with pytest.raises(IntegrityError) as caught:
            await session.flush()
        assert registration._integrity_error(caught.value).code == "SEAT_CONFLICT"
    # A second live registration of the same person: refused by the partial unique index.
    async with state.sessionmaker() as session:
        session.add(copy(holder, seat_number=None, status="waitlisted", waitlist_rank=1))
        with pytest.raises(IntegrityError) as caught:
            await session.flush()
        assert registration._integrity_error(caught.value).code == "DUPLICATE_REGISTRATION"
    assert [(r.status, r.seat_number) for r in await registration_rows(state)] == [
        ("selected", 1),
        ("selected", 2),
    ]
