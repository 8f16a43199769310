"""The demo hearing (`canyu demo`): registrations, a completed draw anyone can recompute, a published
participant list that names only those who consented, and observers who answered their invitations."""

from collections import Counter

import httpx

from api import demo, demo_hearings
from api.context import AppState
from hearings.selection import verify_document
from tests.conftest import GraphQL, People
from tests.hearings.conftest import ok

HEARINGS = """
{ hearings { edges { node {
  id title status kindLabel consultationId seats observersInvited
  participantListPublishedAt
  participantList { categoryLabel named name selectedBy }
  draw { seed seedSha256 downloadUrl categories { category quota applicants selected waitlist } }
} } } }"""
OBSERVERS = "query($id: ID!) { hearing(id: $id) { observers { edges { node { name status } } } } }"


async def test_demo_hearing_has_registrations_a_verifiable_draw_and_observers(
    state: AppState, gql: GraphQL, people: People, client: httpx.AsyncClient
) -> None:
    async with state.sessionmaker() as session:
        await demo.load(session, state.settings)
        await session.commit()
    assert await demo_hearings.load(state.sessionmaker, state.settings) == 0
    assert await demo_hearings.load(state.sessionmaker, state.settings) == 0  # loads once

    [hearing] = [edge["node"] for edge in ok(await gql(HEARINGS))["hearings"]["edges"]]
    assert (hearing["title"], hearing["status"], hearing["kindLabel"]) == (
        demo_hearings.TITLE,
        "PUBLISHED",
        "听证会",
    )
    assert hearing["consultationId"] is not None and hearing["observersInvited"] is True
    assert hearing["participantListPublishedAt"] is not None

    draw = hearing["draw"]
    assert draw["seed"] == demo_hearings.DEMO_SEED
    quotas = {code.upper(): quota for code, quota in demo_hearings.QUOTAS}
    applied = Counter(category.upper() for _, category, *_ in demo_hearings.APPLICANTS)
    for category in draw["categories"]:
        assert len(category["applicants"]) == applied[category["category"]]
        assert len(category["selected"]) == min(quotas[category["category"]], applied[category["category"]])
    # Anyone can recompute the published draw from the public document.
    document = (await client.get(draw["downloadUrl"])).json()
    assert verify_document(document).matches

    participants = hearing["participantList"]
    assert hearing["seats"] == sum(quotas.values())
    # Every category filled up to its quota or its number of applicants (the expert seats are not all taken).
    assert len(participants) == sum(min(quotas[code], applied[code]) for code in quotas) == 9
    named = {p["name"] for p in participants if p["named"]}
    consenting = {demo.CITIZENS[i][0] for i, _, _, consent, _ in demo_hearings.APPLICANTS if consent}
    assert named <= consenting
    assert all(p["name"].endswith("*") for p in participants if not p["named"])
    assert {p["selectedBy"] for p in participants} == {"DRAW"}

    organizer = await people.login("organizer", demo.DEMO_PASSWORD)
    invitations = ok(await gql(OBSERVERS, {"id": hearing["id"]}, token=organizer))["hearing"]["observers"]
    assert sorted((e["node"]["name"], e["node"]["status"]) for e in invitations["edges"]) == [
        ("何教授", "INVITED"),
        ("孙立群", "ACCEPTED"),
        ("杭州日报记者", "DECLINED"),
    ]
