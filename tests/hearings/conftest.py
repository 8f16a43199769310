"""Fixtures for the hearing tests: a unit with an organizer, hearings created and published through
GraphQL, and moving a hearing's clock (registration window, start) by editing its times in the database."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import update

from api.context import AppState
from api.db import utcnow
from hearings.models import Hearing
from tests.conftest import GraphQL, People

CREATE_HEARING = """
mutation($input: CreateHearingInput!) {
  createHearing(input: $input) {
    id status kind seats selectionMethod registrationOpen noticeDays
    categories { category label quota }
  }
}"""
PUBLISH_HEARING = "mutation($id: ID!) { publishHearing(hearingId: $id) { id status publishedAt } }"


def ok(result: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in result, result
    return result["data"]


@dataclass
class Organizers:
    unit_id: int
    organizer: str  # token of the unit's organizer
    drafter: str  # staff of the unit without the organizer role


@pytest.fixture
async def organizers(people: People) -> Organizers:
    unit_id = await people.unit("prov")
    return Organizers(
        unit_id=unit_id,
        organizer=await people.staff("organizer", ["organizer"]),
        drafter=await people.staff("drafter", ["drafter"]),
    )


def hearing_input(unit_id: int, **overrides: Any) -> dict[str, Any]:
    """A valid createHearing input: a draw-based hearing in 20 days, registration from tomorrow."""
    now = utcnow()
    values: dict[str, Any] = {
        "unitId": str(unit_id),
        "kind": "HEARING",
        "title": "某市农村宅基地管理办法立法听证会",
        "agenda": "一、起草单位说明草案；二、听证参加人陈述意见；三、质证和辩论；四、确认笔录",
        "startsAt": (now + timedelta(days=20)).isoformat(),
        "registrationOpensAt": (now + timedelta(days=1)).isoformat(),
        "registrationClosesAt": (now + timedelta(days=8)).isoformat(),
        "venue": "某市自然资源局三楼会议室",
        "categories": [
            {"category": "INTERESTED_PARTY", "quota": 3},
            {"category": "PUBLIC", "quota": 2},
        ],
        "selectionRules": "报名人数超过名额的，按类别以公开承诺的随机种子抽签确定。",
        "isPublic": True,
        "publicMethods": ["audience"],
    }
    values.update(overrides)
    return values


async def create_hearing(gql: GraphQL, organizers: Organizers, **overrides: Any) -> dict[str, Any]:
    result = await gql(
        CREATE_HEARING, {"input": hearing_input(organizers.unit_id, **overrides)}, token=organizers.organizer
    )
    return ok(result)["createHearing"]


async def published_hearing(gql: GraphQL, organizers: Organizers, **overrides: Any) -> str:
    hearing = await create_hearing(gql, organizers, **overrides)
    ok(await gql(PUBLISH_HEARING, {"id": hearing["id"]}, token=organizers.organizer))
    return str(hearing["id"])


async def set_hearing_times(state: AppState, hearing_id: str | int, **times: datetime) -> None:
    """Move a hearing's clock: e.g. registration_opens_at in the past opens registration now."""
    async with state.sessionmaker() as session:
        await session.execute(update(Hearing).where(Hearing.id == int(hearing_id)).values(**times))
        await session.commit()


async def open_registration(state: AppState, hearing_id: str | int) -> None:
    await set_hearing_times(state, hearing_id, registration_opens_at=utcnow() - timedelta(minutes=1))


async def close_registration(state: AppState, hearing_id: str | int) -> None:
    await set_hearing_times(
        state,
        hearing_id,
        registration_opens_at=utcnow() - timedelta(days=2),
        registration_closes_at=utcnow() - timedelta(seconds=1),
    )
