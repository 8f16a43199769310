"""Creating, publishing, listing and cancelling hearings through GraphQL (rules C2, C3, C5)."""

from datetime import timedelta

from sqlalchemy import select

from api.context import AppState
from api.db import utcnow
from api.outbox import Notification
from tests.conftest import GraphQL, People, error_code
from tests.hearings.conftest import (
    CREATE_HEARING,
    PUBLISH_HEARING,
    Organizers,
    create_hearing,
    hearing_input,
    ok,
    open_registration,
    published_hearing,
)

HEARING = """
query($id: ID!) {
  hearing(id: $id) {
    id title status statusLabel kindLabel decisionKindLabel seats registrationOpen unit
    isPublic publicMethods publicMethodsLabel selectionRules noticeDays
    categories { category label quota }
  }
}"""
HEARINGS = """
query($internal: Boolean!) { hearings(includeInternal: $internal) { edges { node { id status } } } }"""
CANCEL = (
    "mutation($id: ID!, $r: String!) { cancelHearing(hearingId: $id, reason: $r) { status cancelledReason } }"
)


async def test_organizer_creates_and_publishes_a_hearing(gql: GraphQL, organizers: Organizers) -> None:
    created = await create_hearing(gql, organizers)
    assert created["status"] == "DRAFT"
    assert created["seats"] == 5
    assert created["noticeDays"] == 10
    assert [c["quota"] for c in created["categories"]] == [3, 2]

    # A draft is not public.
    assert ok(await gql(HEARING, {"id": created["id"]}))["hearing"] is None
    ok(await gql(PUBLISH_HEARING, {"id": created["id"]}, token=organizers.organizer))
    hearing = ok(await gql(HEARING, {"id": created["id"]}))["hearing"]
    assert hearing["status"] == "PUBLISHED"
    assert hearing["statusLabel"] == "已发布公告"
    assert hearing["kindLabel"] == "听证会"
    assert hearing["decisionKindLabel"] == "其他"
    assert hearing["unit"] == "prov 单位"
    assert hearing["publicMethodsLabel"] == "公众旁听"
    assert hearing["registrationOpen"] is False  # opens tomorrow
    assert [c["label"] for c in hearing["categories"]] == ["利害关系人", "普通公众"]


async def test_drafts_are_listed_only_for_staff_who_ask(gql: GraphQL, organizers: Organizers) -> None:
    draft = await create_hearing(gql, organizers)
    published = await published_hearing(gql, organizers)
    public = ok(await gql(HEARINGS, {"internal": True}))["hearings"]
    assert [e["node"]["id"] for e in public["edges"]] == [published]
    staff = ok(await gql(HEARINGS, {"internal": True}, token=organizers.organizer))["hearings"]
    assert [e["node"]["id"] for e in staff["edges"]] == [published, draft["id"]]


async def test_regulation_hearing_needs_thirty_days_notice(gql: GraphQL, organizers: Organizers) -> None:
    hearing = await create_hearing(gql, organizers, decisionKind="REGULATION")
    assert hearing["noticeDays"] == 30
    result = await gql(PUBLISH_HEARING, {"id": hearing["id"]}, token=organizers.organizer)
    assert error_code(result) == "NOTICE_TOO_SHORT"
    assert "规章的听证会须至少提前 30 日公告" in result["errors"][0]["message"]
    later = utcnow() + timedelta(days=31)
    hearing = await create_hearing(gql, organizers, decisionKind="REGULATION", startsAt=later.isoformat())
    assert ok(await gql(PUBLISH_HEARING, {"id": hearing["id"]}, token=organizers.organizer))


async def test_rules_must_be_public_before_registration_opens(gql: GraphQL, organizers: Organizers) -> None:
    no_rules = await create_hearing(gql, organizers, selectionRules="  ")
    assert error_code(await gql(PUBLISH_HEARING, {"id": no_rules["id"]}, token=organizers.organizer)) == (
        "SELECTION_RULES_REQUIRED"
    )
    already_open = await create_hearing(gql, organizers, registrationOpensAt=utcnow().isoformat())
    assert error_code(await gql(PUBLISH_HEARING, {"id": already_open["id"]}, token=organizers.organizer)) == (
        "REGISTRATION_ALREADY_OPEN"
    )


async def test_bad_input_is_refused_with_a_specific_code(gql: GraphQL, organizers: Organizers) -> None:
    now = utcnow()
    cases = {
        "CATEGORY_DUPLICATE": {"categories": [{"category": "PUBLIC", "quota": 1}] * 2},
        "CATEGORIES_REQUIRED": {"categories": []},
        "QUOTA_INVALID": {"categories": [{"category": "PUBLIC", "quota": 0}]},
        "REGISTRATION_WINDOW_INVALID": {"registrationClosesAt": (now + timedelta(days=25)).isoformat()},
        "HEARING_TIME_INVALID": {
            "startsAt": (now - timedelta(days=1)).isoformat(),
            "registrationOpensAt": (now - timedelta(days=3)).isoformat(),
            "registrationClosesAt": (now - timedelta(days=2)).isoformat(),
        },
        "NOT_PUBLIC_REASON_REQUIRED": {"isPublic": False, "publicMethods": []},
        "PUBLIC_METHOD_REQUIRED": {"publicMethods": []},
        "STREAM_URL_REQUIRED": {"publicMethods": ["livestream"]},
        "TIME_ZONE_REQUIRED": {"startsAt": "2027-01-05T09:00:00"},
    }
    for code, overrides in cases.items():
        result = await gql(
            CREATE_HEARING,
            {"input": hearing_input(organizers.unit_id, **overrides)},
            token=organizers.organizer,
        )
        assert error_code(result) == code, (code, result)
    staff = ok(await gql(HEARINGS, {"internal": True}, token=organizers.organizer))["hearings"]
    assert staff["edges"] == []


async def test_only_the_units_organizer_may_create_publish_or_cancel(
    gql: GraphQL, organizers: Organizers
) -> None:
    result = await gql(CREATE_HEARING, {"input": hearing_input(organizers.unit_id)}, token=organizers.drafter)
    assert error_code(result) == "FORBIDDEN"
    assert (
        error_code(await gql(CREATE_HEARING, {"input": hearing_input(organizers.unit_id)}))
        == "UNAUTHENTICATED"
    )
    hearing = await create_hearing(gql, organizers)
    assert (
        error_code(await gql(PUBLISH_HEARING, {"id": hearing["id"]}, token=organizers.drafter)) == "FORBIDDEN"
    )
    assert (
        error_code(await gql(CANCEL, {"id": hearing["id"], "r": "场地变更"}, token=organizers.drafter))
        == "FORBIDDEN"
    )


async def test_cancelling_needs_a_reason_and_is_final(gql: GraphQL, organizers: Organizers) -> None:
    hearing_id = await published_hearing(gql, organizers)
    assert (
        error_code(await gql(CANCEL, {"id": hearing_id, "r": " "}, token=organizers.organizer))
        == "TEXT_TOO_SHORT"
    )
    cancelled = ok(
        await gql(CANCEL, {"id": hearing_id, "r": "草案撤回，听证会取消"}, token=organizers.organizer)
    )
    assert cancelled["cancelHearing"] == {"status": "CANCELLED", "cancelledReason": "草案撤回，听证会取消"}
    assert error_code(await gql(CANCEL, {"id": hearing_id, "r": "再次取消"}, token=organizers.organizer)) == (
        "INVALID_TRANSITION"
    )
    # The public still sees the notice, now with the reason it was cancelled.
    assert ok(await gql(HEARING, {"id": hearing_id}))["hearing"]["statusLabel"] == "已取消"


async def test_a_hearing_links_only_a_consultation_its_organizer_may_see(
    gql: GraphQL, organizers: Organizers, people: People
) -> None:
    """A county organizer may not link (and so reveal) the province unit's unpublished draft."""
    county_id = await people.unit("county", parent="prov")
    county_organizer = await people.staff("county-organizer", ["organizer"], unit="county")
    created = ok(
        await gql(
            "mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }",
            {"input": {"unitId": str(organizers.unit_id), "title": "尚未公开的草案", "kind": "REGULATION"}},
            token=organizers.drafter,
        )
    )["createConsultation"]
    linked = hearing_input(county_id, consultationId=created["id"])
    result = await gql(CREATE_HEARING, {"input": linked}, token=county_organizer)
    assert error_code(result) == "CONSULTATION_NOT_FOUND"
    # The province's own organizer may plan a hearing on its draft; it serves a 规章.
    own = await create_hearing(gql, organizers, consultationId=created["id"])
    assert own["noticeDays"] == 30


async def test_cancelling_tells_everyone_registered_or_invited(
    gql: GraphQL, organizers: Organizers, people: People, state: AppState
) -> None:
    hearing_id = await published_hearing(gql, organizers, observersInvited=True)
    await open_registration(state, hearing_id)
    citizen = await people.citizen("13800000011")
    registered = await gql(
        "mutation($input: RegisterForHearingInput!) { registerForHearing(input: $input) { id } }",
        {"input": {"hearingId": hearing_id, "category": "PUBLIC", "name": "李明"}},
        token=citizen,
    )
    assert "errors" not in registered, registered
    invited = await gql(
        "mutation($input: InviteObserverInput!) { inviteObserver(input: $input) { id } }",
        {
            "input": {
                "hearingId": hearing_id,
                "category": "MEDIA",
                "name": "记者",
                "contact": "news@example.com",
            }
        },
        token=organizers.organizer,
    )
    assert "errors" not in invited, invited
    ok(await gql(CANCEL, {"id": hearing_id, "r": "草案撤回，听证会取消"}, token=organizers.organizer))
    async with state.sessionmaker() as session:
        rows = (
            await session.execute(
                select(Notification.recipient, Notification.body).where(
                    Notification.kind == "hearing_cancelled"
                )
            )
        ).all()
    assert sorted(recipient for recipient, _ in rows) == ["13800000011", "news@example.com"]
    assert all("草案撤回，听证会取消" in body for _, body in rows)
