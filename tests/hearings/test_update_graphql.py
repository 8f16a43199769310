"""Editing a draft hearing's notice through GraphQL: updateHearing (issue 5)."""

from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select

from api import audit
from api.context import AppState
from api.db import utcnow
from tests.conftest import GraphQL, error_code
from tests.hearings.conftest import (
    Organizers,
    create_hearing,
    hearing_input,
    ok,
    published_hearing,
)

UPDATE_HEARING = """
mutation($id: ID!, $input: UpdateHearingInput!) {
  updateHearing(hearingId: $id, input: $input) {
    id status title seats venue isPublic notPublicReason publicMethods observersInvited noticeDays
    categories { category quota }
  }
}"""
HEARING = "query($id: ID!) { hearing(id: $id) { id title seats categories { category quota } } }"


def notice_input(unit_id: int, **overrides: Any) -> dict[str, Any]:
    """A valid UpdateHearingInput: createHearing's input without the unit."""
    values = hearing_input(unit_id, **overrides)
    del values["unitId"]
    return values


async def update(gql: GraphQL, token: str | None, hearing_id: str, **values: Any) -> dict[str, Any]:
    return await gql(UPDATE_HEARING, {"id": hearing_id, "input": values}, token=token)


async def test_organizer_edits_a_draft_and_the_change_is_audited(
    gql: GraphQL, organizers: Organizers, state: AppState
) -> None:
    created = notice_input(organizers.unit_id)
    hearing = await create_hearing(gql, organizers, **created)
    beijing = timezone(timedelta(hours=8))
    same_start = datetime.fromisoformat(created["startsAt"]).astimezone(beijing).isoformat()
    values = notice_input(
        organizers.unit_id,
        startsAt=same_start,
        registrationOpensAt=created["registrationOpensAt"],
        registrationClosesAt=created["registrationClosesAt"],
        title="某市农村宅基地管理办法立法听证会（改期）",
        venue="某市自然资源局一楼报告厅",
        categories=[{"category": "EXPERT", "quota": 2}, {"category": "PUBLIC", "quota": 4}],
        isPublic=False,
        publicMethods=[],
        notPublicReason="涉及个人隐私，不公开举行",
        observersInvited=True,
    )
    updated = ok(await update(gql, organizers.organizer, hearing["id"], **values))["updateHearing"]
    assert updated["status"] == "DRAFT"
    assert updated["title"] == "某市农村宅基地管理办法立法听证会（改期）"
    assert updated["seats"] == 6
    assert updated["categories"] == [{"category": "EXPERT", "quota": 2}, {"category": "PUBLIC", "quota": 4}]
    assert (updated["isPublic"], updated["publicMethods"]) == (False, [])
    assert updated["notPublicReason"] == "涉及个人隐私，不公开举行"
    assert updated["observersInvited"] is True
    # Read back in a fresh request: the old categories are gone.
    stored = ok(await gql(HEARING, {"id": hearing["id"]}, token=organizers.organizer))["hearing"]
    assert stored["categories"] == updated["categories"]

    async with state.sessionmaker() as session:
        event = (
            await session.scalars(
                select(audit.AuditEvent)
                .where(audit.AuditEvent.action == "hearing.updated")
                .where(audit.AuditEvent.subject_id == str(hearing["id"]))
            )
        ).one()
    assert event.before["title"] == "某市农村宅基地管理办法立法听证会"
    assert event.after["title"] == "某市农村宅基地管理办法立法听证会（改期）"
    assert event.after["categories"] == {"expert": 2, "public": 4}
    assert "agenda" not in event.after  # unchanged fields are not recorded
    assert "starts_at" not in event.after  # the same instant, sent as it was

    # The edited draft still publishes.
    publish = "mutation($id: ID!) { publishHearing(hearingId: $id) { status } }"
    assert ok(await gql(publish, {"id": hearing["id"]}, token=organizers.organizer))["publishHearing"] == {
        "status": "PUBLISHED"
    }


async def test_only_the_units_organizer_may_edit(gql: GraphQL, organizers: Organizers) -> None:
    hearing = await create_hearing(gql, organizers)
    values = notice_input(organizers.unit_id, title="被他人修改的标题")
    assert error_code(await update(gql, organizers.drafter, hearing["id"], **values)) == "FORBIDDEN"
    assert error_code(await update(gql, None, hearing["id"], **values)) == "UNAUTHENTICATED"
    stored = ok(await gql(HEARING, {"id": hearing["id"]}, token=organizers.organizer))["hearing"]
    assert stored["title"] == "某市农村宅基地管理办法立法听证会"
    assert error_code(await update(gql, organizers.organizer, "999999", **values)) == "HEARING_NOT_FOUND"


async def test_a_published_hearing_cannot_be_edited(gql: GraphQL, organizers: Organizers) -> None:
    hearing_id = await published_hearing(gql, organizers)
    values = notice_input(organizers.unit_id, title="改期听证会")
    result = await update(gql, organizers.organizer, hearing_id, **values)
    assert error_code(result) == "INVALID_TRANSITION"
    assert "已发布公告" in result["errors"][0]["message"]


async def test_editing_applies_the_same_checks_as_creating(gql: GraphQL, organizers: Organizers) -> None:
    hearing = await create_hearing(gql, organizers)
    now = utcnow()
    cases = {
        "CATEGORY_DUPLICATE": {"categories": [{"category": "PUBLIC", "quota": 1}] * 2},
        "CATEGORIES_REQUIRED": {"categories": []},
        "QUOTA_INVALID": {"categories": [{"category": "PUBLIC", "quota": 10_001}]},
        "REGISTRATION_WINDOW_INVALID": {"registrationClosesAt": (now + timedelta(days=25)).isoformat()},
        "HEARING_TIME_INVALID": {
            "startsAt": (now - timedelta(days=1)).isoformat(),
            "registrationOpensAt": (now - timedelta(days=3)).isoformat(),
            "registrationClosesAt": (now - timedelta(days=2)).isoformat(),
        },
        "NOT_PUBLIC_REASON_REQUIRED": {"isPublic": False, "publicMethods": []},
        "PUBLIC_METHOD_REQUIRED": {"publicMethods": []},
        "PUBLIC_METHOD_INVALID": {"publicMethods": ["radio"]},
        "STREAM_URL_REQUIRED": {"publicMethods": ["livestream"]},
        "TIME_ZONE_REQUIRED": {"startsAt": "2027-01-05T09:00:00"},
        "TEXT_TOO_SHORT": {"title": "听"},
        "CONSULTATION_NOT_FOUND": {"consultationId": "999999"},
    }
    for code, overrides in cases.items():
        result = await update(
            gql, organizers.organizer, hearing["id"], **notice_input(organizers.unit_id, **overrides)
        )
        assert error_code(result) == code, (code, result)
    stored = ok(await gql(HEARING, {"id": hearing["id"]}, token=organizers.organizer))["hearing"]
    assert stored["seats"] == 5 and len(stored["categories"]) == 2  # nothing changed
