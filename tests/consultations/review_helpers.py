"""A consultation whose window has closed with comments on it: the starting point of the review stage."""

from dataclasses import dataclass, field
from typing import Any

from consultations.deadlines import today_in
from tests.conftest import GraphQL, People
from tests.consultations.conftest import SUBMIT_COMMENT, OpenConsultation, Team, ok

FORM_LETTER = (
    "我们坚决反对第三条关于一户一宅面积标准的规定，现有标准过低，无法满足多代同堂家庭的居住需要，"
    "建议按照家庭人口数量确定宅基地面积，并允许老宅翻建时保留原有面积。"
)
CLOSE = 'mutation($id: ID!) { closeConsultation(consultationId: $id, reason: "提前收集完毕") { status } }'
OFFLINE = """
mutation($input: OfflineCommentInput!) { recordOfflineComment(input: $input) { id receiptCode } }"""
RUN = "mutation($id: ID!) { runAggregation(consultationId: $id) { id status jobName } }"
STATUS = """
query($id: ID!) {
  aggregationStatus(consultationId: $id) {
    run { status message progressDone progressTotal }
    comments ungroupedComments topics campaigns undecidedComments
  }
}"""
GROUPS = """
query($id: ID!, $kind: GroupKind, $search: String, $undecided: Boolean! = false) {
  opinionGroups(consultationId: $id, kind: $kind, search: $search, undecidedOnly: $undecided, first: 100) {
    totalCount
    edges { node {
      id kind title summary keywords articleId articleLabel editedByStaff representativeId
      stats { comments participants channels { channel count } }
      disposition { id outcome status reason }
      comments(first: 100) { edges { node { id body } } }
    } }
  }
}"""


# Personal data planted in the comments above; no published rendering may contain any of it.
PLANTED_PERSONAL_DATA = ("13912345678", "王五", "wang.wu@example.com", "330102198001011234")


@dataclass
class ClosedConsultation:
    id: str
    articles: list[dict]
    receipts: dict[str, str] = field(default_factory=dict)  # body -> receipt code


async def comment(gql: GraphQL, token: str, cid: str, body: str, article: str | None = None) -> str:
    result = ok(await gql(SUBMIT_COMMENT, {"id": cid, "body": body, "article": article}, token=token))
    return result["submitComment"]["receiptCode"]


async def closed_consultation(
    gql: GraphQL, people: People, team: Team, open_consultation: OpenConsultation
) -> ClosedConsultation:
    """Three citizens send the same form letter on 第三条 (one signs it), two write their own views, and a
    letter arrives with a name and phone number in it; then the approver closes the window."""
    cid, articles = open_consultation.id, open_consultation.articles
    third = articles[2]["id"]
    closed = ClosedConsultation(id=cid, articles=articles)
    citizens = [await people.citizen(f"1390000000{i}") for i in range(5)]
    for token in citizens[:3]:
        closed.receipts.setdefault(FORM_LETTER, await comment(gql, token, cid, FORM_LETTER, third))
    signed = FORM_LETTER + "村民 李四"
    closed.receipts[signed] = await comment(gql, citizens[3], cid, signed, third)
    own = "建议明确因自然灾害搬迁的审批时限，不超过三十个工作日。"
    closed.receipts[own] = await comment(gql, citizens[4], cid, own, articles[3]["id"])
    whole = (
        "办法整体可行，建议施行日期推迟半年，给基层留出准备时间。"
        "联系邮箱 wang.wu@example.com，身份证号330102198001011234。"
    )
    closed.receipts[whole] = await comment(gql, citizens[4], cid, whole)
    letter = "我是王五，电话13912345678，建议增加宅基地有偿退出的补偿标准。"
    recorded = ok(
        await gql(
            OFFLINE,
            {
                "input": {
                    "consultationId": cid,
                    "channel": "LETTER",
                    "body": letter,
                    "submitterName": "王五",
                    "submitterContact": "13912345678",
                    "postmarkedOn": today_in().isoformat(),
                }
            },
            token=team.drafter,
        )
    )["recordOfflineComment"]
    closed.receipts[letter] = recorded["receiptCode"]
    ok(await gql(CLOSE, {"id": cid}, token=team.approver))
    return closed


def groups_of(data: dict[str, Any]) -> list[dict[str, Any]]:
    return [edge["node"] for edge in data["opinionGroups"]["edges"]]


def bodies(group: dict[str, Any]) -> list[str]:
    return [edge["node"]["body"] for edge in group["comments"]["edges"]]
