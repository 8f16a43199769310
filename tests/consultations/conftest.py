"""Fixtures for the consultation tests: a unit with a decision team, and a published consultation."""

from dataclasses import dataclass
from typing import Any

import pytest

from consultations.deadlines import today_in
from tests.conftest import GraphQL, People

DRAFT_TEXT = """某市农村宅基地管理办法（征求意见稿）
第一章　总则
第一条　为了加强农村宅基地管理，保障农村村民合法权益，根据有关法律法规，结合本市实际，制定本办法。
第二条　本办法适用于本市行政区域内农村宅基地的申请、审批、使用和监督管理。
第二章　申请和审批
第三条　农村村民一户只能拥有一处宅基地，面积不得超过本办法规定的标准。
第四条　符合下列条件之一的，可以申请宅基地：
（一）因子女结婚等原因确需分户的；
（二）因自然灾害等原因需要搬迁的。
第三章　附则
第五条　本办法自2027年1月1日起施行。
"""

CREATE = """
mutation($input: CreateConsultationInput!) {
  createConsultation(input: $input) { id status kind minimumPeriod }
}"""
IMPORT = """
mutation($id: ID!, $text: String, $docx: String) {
  importDraft(consultationId: $id, text: $text, docxBase64: $docx) {
    id number structure articles { id label heading body }
  }
}"""
SUBMIT_FOR_REVIEW = "mutation($id: ID!) { submitForReview(consultationId: $id) { status } }"
RECORD_REVIEW = """
mutation($id: ID!, $kind: ReviewKind!, $on: Date!) {
  recordReview(consultationId: $id, kind: $kind, reviewer: "市司法局 王审查", reviewedOn: $on, passed: true) {
    id
  }
}"""
PUBLISH = """
mutation($id: ID!, $closing: Date, $reason: String! = "") {
  publishConsultation(consultationId: $id, closingDate: $closing, shortenedReason: $reason) {
    id status closingDate closesAt shortenedReason acceptingComments
  }
}"""
SUBMIT_COMMENT = """
mutation($id: ID!, $body: String!, $article: ID, $key: String) {
  submitComment(consultationId: $id, body: $body, articleId: $article, idempotencyKey: $key) {
    receiptCode submittedAt duplicate
  }
}"""


@dataclass
class Team:
    unit_id: int
    drafter: str
    approver: str
    reviewer: str


@pytest.fixture
async def team(people: People) -> Team:
    unit_id = await people.unit("prov")
    return Team(
        unit_id=unit_id,
        drafter=await people.staff("drafter", ["drafter"]),
        approver=await people.staff("approver", ["approver"]),
        reviewer=await people.staff("reviewer", ["reviewer"]),
    )


def ok(result: dict[str, Any]) -> dict[str, Any]:
    assert "errors" not in result, result
    return result["data"]


async def reviewed_consultation(
    gql: GraphQL, team: Team, *, kind: str = "MAJOR_DECISION"
) -> tuple[str, list[dict]]:
    """A consultation with an imported draft, submitted and passed both reviews (ready to publish)."""
    created = ok(
        await gql(
            CREATE,
            {
                "input": {
                    "unitId": str(team.unit_id),
                    "title": "某市农村宅基地管理办法（征求意见稿）",
                    "kind": kind,
                    "summary": "规范宅基地申请审批",
                    "explanation": "起草说明……",
                    "basis": "《土地管理法》第六十二条",
                    "offlineChannels": "信函寄至某市自然资源局法规处（邮编 310000）",
                }
            },
            token=team.drafter,
        )
    )["createConsultation"]
    cid = created["id"]
    version = ok(await gql(IMPORT, {"id": cid, "text": DRAFT_TEXT}, token=team.drafter))["importDraft"]
    ok(await gql(SUBMIT_FOR_REVIEW, {"id": cid}, token=team.drafter))
    today = today_in().isoformat()
    ok(await gql(RECORD_REVIEW, {"id": cid, "kind": "LEGALITY", "on": today}, token=team.drafter))
    ok(await gql(RECORD_REVIEW, {"id": cid, "kind": "SECRECY", "on": today}, token=team.drafter))
    return cid, version["articles"]


@dataclass
class OpenConsultation:
    id: str
    articles: list[dict]


@pytest.fixture
async def open_consultation(gql: GraphQL, team: Team) -> OpenConsultation:
    cid, articles = await reviewed_consultation(gql, team)
    ok(await gql(PUBLISH, {"id": cid}, token=team.drafter))
    return OpenConsultation(id=cid, articles=articles)
