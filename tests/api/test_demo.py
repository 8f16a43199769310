"""`canyu demo`: the demo data set loads through the services, shows through GraphQL, and loads once."""

from collections import Counter
from datetime import date, timedelta

from sqlalchemy import func, select

from api import demo
from api.accounts.models import User
from api.audit import AuditEvent, verify_chain
from api.outbox import Notification
from consultations.deadlines import today_in
from consultations.models import Comment
from tests.consultations.conftest import ok

LISTING = """
query($status: ConsultationStatus, $unit: ID) {
  consultations(status: $status, unitId: $unit) { edges { node { id title kind status unit } } }
}"""
DETAIL = """
query($id: ID!) {
  consultation(id: $id) {
    status kind closingDate acceptingComments
    draft { structure articles { id label heading } }
    reviews { kind passed }
    all: comments(first: 100) { totalCount edges { node { channel submitterType articleId postmarkedOn } } }
    flagged: comments(moderation: FLAGGED) { totalCount edges { node { flaggedTerms } } }
  }
}"""


async def _load(state) -> int:
    async with state.sessionmaker() as session:
        result = await demo.load(session, state.settings)
        await session.commit()
    return result


async def _row_counts(state) -> dict[str, int]:
    async with state.sessionmaker() as session:
        return {
            model.__tablename__: await session.scalar(select(func.count()).select_from(model)) or 0
            for model in (AuditEvent, User, Comment, Notification)
        }


def _nodes(listing: dict) -> list[dict]:
    return [edge["node"] for edge in listing["consultations"]["edges"]]


async def test_demo_loads_units_staff_consultations_and_comments(state, gql, people, capsys):
    assert await _load(state) == 0
    printed = capsys.readouterr().out
    assert "demo data loaded" in printed
    assert demo.DEMO_PASSWORD in printed and "http://127.0.0.1:8000/graphql" in printed

    units = ok(await gql("{ units { id code regionCode parentId } }"))["units"]
    assert [(u["code"], u["regionCode"]) for u in units] == [
        ("zj-zrzyt", "330000"),
        ("hz-ghzy", "330100"),
        ("cd-zrzy", "330127"),
    ]
    assert units[1]["parentId"] == units[0]["id"] and units[2]["parentId"] == units[1]["id"]

    # The public sees the open consultation only; the city's drafter sees all three.
    public = _nodes(ok(await gql(LISTING)))
    assert [(c["kind"], c["status"]) for c in public] == [("MAJOR_DECISION", "OPEN")]
    drafter = await people.login("drafter", demo.DEMO_PASSWORD)
    internal = _nodes(ok(await gql(LISTING, token=drafter)))
    assert Counter(c["status"] for c in internal) == {"OPEN": 1, "DRAFT": 1, "IN_REVIEW": 1}
    county = _nodes(ok(await gql(LISTING, {"unit": units[2]["id"]}, token=drafter)))
    assert [(c["kind"], c["status"], c["unit"]) for c in county] == [
        ("NORMATIVE_DOCUMENT", "DRAFT", "淳安县自然资源和规划局")
    ]
    in_review = _nodes(ok(await gql(LISTING, {"status": "IN_REVIEW"}, token=drafter)))
    assert [c["kind"] for c in in_review] == ["REGULATION"]

    homestead = ok(await gql(DETAIL, {"id": public[0]["id"]}, token=drafter))["consultation"]
    assert homestead["acceptingComments"] is True
    assert date.fromisoformat(homestead["closingDate"]) >= today_in() + timedelta(days=30)
    assert homestead["draft"]["structure"] == "article"
    labels = [a["label"] for a in homestead["draft"]["articles"]]
    assert len(labels) == 15 and labels[0] == "第一条" and labels[-1] == "第十五条"
    assert homestead["draft"]["articles"][0]["heading"] == "第一章 总则"
    assert sorted((r["kind"], r["passed"]) for r in homestead["reviews"]) == [
        ("LEGALITY", True),
        ("SECRECY", True),
    ]

    assert homestead["all"]["totalCount"] == 44
    comments = [edge["node"] for edge in homestead["all"]["edges"]]
    assert Counter(c["channel"] for c in comments) == {
        "ONLINE": 40,
        "LETTER": 1,
        "EMAIL": 1,
        "PHONE": 1,
        "SYMPOSIUM": 1,
    }
    assert Counter(c["submitterType"] for c in comments)["ENTERPRISE"] == 1
    assert [c["postmarkedOn"] for c in comments if c["channel"] == "LETTER"] != [None]
    assert sum(c["articleId"] is None for c in comments) == 7  # 6 online + the symposium
    assert homestead["flagged"]["totalCount"] == 1
    assert homestead["flagged"]["edges"][0]["node"]["flaggedTerms"] == ["加微信"]

    draft = ok(await gql(DETAIL, {"id": county[0]["id"]}, token=drafter))["consultation"]
    assert draft["draft"]["structure"] == "outline"
    assert [a["label"] for a in draft["draft"]["articles"]] == [f"{n}、" for n in "一二三四五六"]
    assert draft["all"]["totalCount"] == 0

    citizen = await people.login(demo.CITIZENS[0][1], demo.DEMO_PASSWORD)
    query = "{ myComments { edges { node { receiptCode status } } pageInfo { hasNextPage } } }"
    mine = ok(await gql(query, token=citizen))["myComments"]
    assert len(mine["edges"]) == 2 and {e["node"]["status"] for e in mine["edges"]} == {"received"}
    assert mine["pageInfo"]["hasNextPage"] is False

    async with state.sessionmaker() as session:
        assert (await verify_chain(session)).ok


async def test_loading_twice_changes_nothing(state, capsys):
    assert await _load(state) == 0
    before = await _row_counts(state)
    assert before["comments"] == 44 and before["users"] == 5 + 25
    capsys.readouterr()
    assert await _load(state) == 0
    assert capsys.readouterr().out.strip() == "demo data already loaded"
    assert await _row_counts(state) == before
