"""The review stage over GraphQL: aggregation, group corrections, dispositions, statement, decision."""

import hashlib

import pytest
from sqlalchemy import distinct, func, select

from api.db import utcnow
from consultations.dispositions import join_effective_dispositions
from consultations.grouping import participant_key
from consultations.models import Article, Comment, Status
from consultations.statement.scan import extract_text
from tests.consultations.conftest import DRAFT_TEXT, ok
from tests.consultations.review_helpers import (
    FORM_LETTER,
    GROUPS,
    PLANTED_PERSONAL_DATA,
    RUN,
    STATUS,
    ClosedConsultation,
    bodies,
    closed_consultation,
    groups_of,
)
from tests.consultations.test_comments_graphql import OFFLINE, letter

PROPOSE = """
mutation($input: DispositionInput!) {
  setDisposition(input: $input) { id outcome outcomeLabel status reason }
}"""
APPROVE = "mutation($ids: [ID!]!) { approveDisposition(dispositionIds: $ids) { id status approvedBy } }"
GENERATE = """
mutation($id: ID!, $note: String! = "") {
  generateStatement(consultationId: $id, correctionNote: $note) { id status }
}"""
PUBLISH_STATEMENT = """
mutation($id: ID!, $v: Int!) {
  publishStatement(consultationId: $id, version: $v) { version status sha256 }
}"""
STATEMENT = """
query($id: ID!, $v: Int) {
  statement(consultationId: $id, version: $v) {
    version status sha256 correctsVersion correctionNote figures personalDataFindings { kind excerpt }
    downloads { format url }
  }
}"""
RECEIPT = """
query($code: String!) {
  commentReceipt(code: $code) { status statusLabel outcome { groupTitle dispositionLabel reason } }
}"""


def error_code(result):
    assert result.get("errors"), result
    return result["errors"][0]["extensions"]["code"]


@pytest.fixture
async def closed(gql, people, team, open_consultation) -> ClosedConsultation:
    return await closed_consultation(gql, people, team, open_consultation)


async def aggregate(gql, run_jobs, token, cid):
    run = ok(await gql(RUN, {"id": cid}, token=token))["runAggregation"]
    assert (run["status"], run["jobName"]) == ("queued", "run_aggregation")
    await run_jobs()
    return ok(await gql(STATUS, {"id": cid}, token=token))["aggregationStatus"]


async def test_aggregation_finds_the_form_letter_and_groups_every_comment(gql, team, closed, run_jobs):
    status = await aggregate(gql, run_jobs, team.reviewer, closed.id)
    assert status["run"]["status"] == "succeeded", status
    assert (status["comments"], status["ungroupedComments"], status["campaigns"]) == (7, 0, 1)
    assert status["undecidedComments"] == 7
    [campaign] = groups_of(ok(await gql(GROUPS, {"id": closed.id, "kind": "CAMPAIGN"}, token=team.reviewer)))
    assert sorted(bodies(campaign)) == sorted([FORM_LETTER] * 3 + [FORM_LETTER + "村民 李四"])
    assert campaign["stats"]["comments"] == 4 and campaign["stats"]["participants"] == 4
    assert campaign["articleLabel"] == "第三条"
    topics = groups_of(ok(await gql(GROUPS, {"id": closed.id, "kind": "TOPIC"}, token=team.reviewer)))
    # Every distinct opinion (the campaign's representative and four singletons) sits in one topic, and a
    # topic's count includes the campaign copies behind its representative.
    assert sum(t["stats"]["comments"] for t in topics) == 7
    assert sorted(b for t in topics for b in bodies(t)).count(FORM_LETTER) >= 1
    consultation = ok(await gql("query($id: ID!) { consultation(id: $id) { status } }", {"id": closed.id}))
    assert consultation["consultation"]["status"] == "REVIEWING"


async def test_aggregation_needs_a_closed_window_and_staff(gql, team, people, open_consultation):
    result = await gql(RUN, {"id": open_consultation.id}, token=team.reviewer)
    assert error_code(result) == "CONSULTATION_NOT_CLOSED"
    citizen = await people.citizen("13700000009")
    assert error_code(await gql(RUN, {"id": open_consultation.id}, token=citizen)) == "FORBIDDEN"
    assert error_code(await gql(RUN, {"id": open_consultation.id})) == "UNAUTHENTICATED"
    assert error_code(await gql(STATUS, {"id": open_consultation.id}, token=citizen)) == "FORBIDDEN"


async def test_a_second_request_while_one_is_queued_returns_the_same_run(gql, team, closed, run_jobs):
    first = ok(await gql(RUN, {"id": closed.id}, token=team.reviewer))["runAggregation"]
    second = ok(await gql(RUN, {"id": closed.id}, token=team.drafter))["runAggregation"]
    assert first["id"] == second["id"]
    await run_jobs()


MERGE = "mutation($into: ID!, $ids: [ID!]!) { mergeGroups(intoGroupId: $into, groupIds: $ids) { id title } }"
SPLIT = (
    'mutation($g: ID!, $c: [ID!]!) { splitGroup(groupId: $g, commentIds: $c, title: "拆出") { id title } }'
)
MOVE = "mutation($c: ID!, $g: ID!) { moveComment(commentId: $c, toGroupId: $g) { id } }"
RENAME = """
mutation($g: ID!, $t: String, $s: String) {
  updateGroup(groupId: $g, title: $t, summary: $s) { id title summary }
}"""


async def _topics(gql, token, cid):
    return groups_of(ok(await gql(GROUPS, {"id": cid, "kind": "TOPIC"}, token=token)))


async def test_staff_corrections_survive_a_rerun_that_places_a_late_letter(
    gql, team, closed, run_jobs, state
):
    await aggregate(gql, run_jobs, team.reviewer, closed.id)
    topics = await _topics(gql, team.reviewer, closed.id)
    assert len(topics) >= 2
    into, other = topics[0], topics[1]
    ok(await gql(MERGE, {"into": into["id"], "ids": [other["id"]]}, token=team.reviewer))
    ok(
        await gql(
            RENAME, {"g": into["id"], "t": "面积与分户", "s": "多数意见认为面积标准偏低"}, token=team.drafter
        )
    )
    merged = {g["id"]: g for g in await _topics(gql, team.reviewer, closed.id)}[into["id"]]
    before = sorted(bodies(merged))
    # A letter posted in time arrives after the window closed; the rerun places only that one.
    late_letter = letter(closed.id, body="建议对宅基地面积标准作出分类规定，山区与平原区别对待。")
    ok(await gql(OFFLINE, late_letter, token=team.drafter))
    status = await aggregate(gql, run_jobs, team.reviewer, closed.id)
    assert (status["comments"], status["ungroupedComments"]) == (8, 0)
    after = {g["id"]: g for g in await _topics(gql, team.reviewer, closed.id)}
    assert other["id"] not in after  # merged away: retired, not deleted
    kept = after[into["id"]]
    assert (kept["title"], kept["summary"], kept["editedByStaff"]) == (
        "面积与分户",
        "多数意见认为面积标准偏低",
        True,
    )
    assert set(before) <= set(bodies(kept))
    async with state.sessionmaker() as session:
        assert await session.scalar(select(func.count()).where(Comment.topic_id.is_(None))) == 0


async def test_group_correction_errors(gql, team, closed, run_jobs, people):
    await aggregate(gql, run_jobs, team.reviewer, closed.id)
    [campaign] = groups_of(ok(await gql(GROUPS, {"id": closed.id, "kind": "CAMPAIGN"}, token=team.reviewer)))
    topic = (await _topics(gql, team.reviewer, closed.id))[0]
    result = await gql(MERGE, {"into": topic["id"], "ids": [campaign["id"]]}, token=team.reviewer)
    assert error_code(result) == "GROUPS_NOT_MERGEABLE"
    assert (
        error_code(await gql(MERGE, {"into": topic["id"], "ids": []}, token=team.reviewer))
        == "NOTHING_TO_MERGE"
    )
    all_ids = [e["node"]["id"] for e in topic["comments"]["edges"]]
    assert error_code(await gql(SPLIT, {"g": topic["id"], "c": all_ids}, token=team.reviewer)) in {
        "SPLIT_ALL",
        "COMMENT_IS_COPY",
    }
    one_copy = campaign["comments"]["edges"][1]["node"]["id"]
    assert (
        error_code(await gql(SPLIT, {"g": campaign["id"], "c": [one_copy]}, token=team.reviewer))
        == "SPLIT_TOO_SMALL"
    )
    assert (
        error_code(await gql(MOVE, {"c": one_copy, "g": campaign["id"]}, token=team.reviewer))
        == "ALREADY_IN_GROUP"
    )
    assert (
        error_code(await gql(RENAME, {"g": topic["id"], "t": "  "}, token=team.reviewer)) == "TITLE_REQUIRED"
    )
    assert (
        error_code(await gql(MERGE, {"into": "999999", "ids": [topic["id"]]}, token=team.reviewer))
        == "GROUP_NOT_FOUND"
    )
    citizen = await people.citizen("13700000008")
    assert error_code(await gql(RENAME, {"g": topic["id"], "t": "x"}, token=citizen)) == "FORBIDDEN"
    assert error_code(await gql(RENAME, {"g": topic["id"], "t": "x"}, token=team.approver)) == "FORBIDDEN"


async def test_moving_a_copy_out_of_a_campaign_makes_it_a_singleton(gql, team, closed, run_jobs):
    await aggregate(gql, run_jobs, team.reviewer, closed.id)
    [campaign] = groups_of(ok(await gql(GROUPS, {"id": closed.id, "kind": "CAMPAIGN"}, token=team.reviewer)))
    copy = campaign["comments"]["edges"][-1]["node"]
    target = next(t for t in await _topics(gql, team.reviewer, closed.id) if copy["body"] not in bodies(t))
    ok(await gql(MOVE, {"c": copy["id"], "g": target["id"]}, token=team.reviewer))
    [campaign] = groups_of(ok(await gql(GROUPS, {"id": closed.id, "kind": "CAMPAIGN"}, token=team.reviewer)))
    assert campaign["stats"]["comments"] == 3
    moved_to = {g["id"]: g for g in await _topics(gql, team.reviewer, closed.id)}[target["id"]]
    assert copy["id"] in [e["node"]["id"] for e in moved_to["comments"]["edges"]]


BULK = """
mutation($ids: [ID!]!, $outcome: Outcome!, $standard: String! = "") {
  setDispositionForGroups(groupIds: $ids, outcome: $outcome, standardReason: $standard) { id groupId status }
}"""


async def _decide_everything(gql, team, cid, *, outcome="NOT_ADOPTED"):
    """The reviewer decides every topic in one call, the approver approves them all."""
    topic_ids = [topic["id"] for topic in await _topics(gql, team.reviewer, cid)]
    variables = {"ids": topic_ids, "outcome": outcome, "standard": "higher_law"}
    proposed = ok(await gql(BULK, variables, token=team.reviewer))["setDispositionForGroups"]
    assert sorted(p["groupId"] for p in proposed) == sorted(topic_ids)
    ids = [p["id"] for p in proposed]
    ok(await gql(APPROVE, {"ids": ids}, token=team.approver))
    return ids


async def test_bulk_dispositions_are_checked_like_single_ones(gql, team, closed, run_jobs):
    await aggregate(gql, run_jobs, team.reviewer, closed.id)
    [campaign] = groups_of(ok(await gql(GROUPS, {"id": closed.id, "kind": "CAMPAIGN"}, token=team.reviewer)))
    topic_ids = [topic["id"] for topic in await _topics(gql, team.reviewer, closed.id)]
    assert (
        error_code(await gql(BULK, {"ids": [], "outcome": "ADOPTED"}, token=team.reviewer))
        == "SUBJECT_COUNT_INVALID"
    )
    with_campaign = {"ids": [*topic_ids, campaign["id"]], "outcome": "ADOPTED"}
    assert error_code(await gql(BULK, with_campaign, token=team.reviewer)) == "GROUP_NOT_TOPIC"
    no_reason = {"ids": topic_ids, "outcome": "NOT_ADOPTED"}
    assert error_code(await gql(BULK, no_reason, token=team.reviewer)) == "REASON_REQUIRED"
    assert (
        error_code(await gql(BULK, {"ids": topic_ids, "outcome": "ADOPTED"}, token=team.approver))
        == "FORBIDDEN"
    )
    status = ok(await gql(STATUS, {"id": closed.id}, token=team.reviewer))["aggregationStatus"]
    assert status["undecidedComments"] == 7  # nothing was proposed by the refused calls


async def test_dispositions_need_reasons_and_four_eyes(gql, team, closed, run_jobs, people):
    await aggregate(gql, run_jobs, team.reviewer, closed.id)
    topic = (await _topics(gql, team.reviewer, closed.id))[0]
    missing_reason = await gql(
        PROPOSE, {"input": {"groupId": topic["id"], "outcome": "NOT_ADOPTED"}}, token=team.reviewer
    )
    assert error_code(missing_reason) == "REASON_REQUIRED"
    both = await gql(PROPOSE, {"input": {"outcome": "ADOPTED"}}, token=team.reviewer)
    assert error_code(both) == "SUBJECT_REQUIRED"
    assert (
        error_code(
            await gql(PROPOSE, {"input": {"groupId": topic["id"], "outcome": "ADOPTED"}}, token=team.approver)
        )
        == "FORBIDDEN"
    )
    proposed = ok(
        await gql(
            PROPOSE,
            {"input": {"groupId": topic["id"], "outcome": "PARTLY_ADOPTED", "reason": "面积标准按人口分档"}},
            token=team.reviewer,
        )
    )["setDisposition"]
    assert (proposed["status"], proposed["outcomeLabel"]) == ("PROPOSED", "部分采纳")
    assert error_code(await gql(APPROVE, {"ids": [proposed["id"]]}, token=team.reviewer)) == "FORBIDDEN"
    both_roles = await people.staff("both", ["reviewer", "approver"])
    own = ok(await gql(PROPOSE, {"input": {"groupId": topic["id"], "outcome": "ADOPTED"}}, token=both_roles))[
        "setDisposition"
    ]
    assert error_code(await gql(APPROVE, {"ids": [own["id"]]}, token=both_roles)) == "SAME_PERSON"
    # The later proposal superseded the earlier one, which can no longer be approved.
    assert (
        error_code(await gql(APPROVE, {"ids": [proposed["id"]]}, token=team.approver))
        == "DISPOSITION_NOT_PROPOSED"
    )
    approved = ok(await gql(APPROVE, {"ids": [own["id"]]}, token=team.approver))["approveDisposition"]
    assert approved[0]["status"] == "APPROVED"
    undecided = ok(
        await gql(GROUPS, {"id": closed.id, "kind": "TOPIC", "undecided": True}, token=team.reviewer)
    )
    assert topic["id"] not in [g["id"] for g in groups_of(undecided)]


async def test_statement_waits_for_every_disposition(gql, team, closed, run_jobs):
    await aggregate(gql, run_jobs, team.reviewer, closed.id)
    result = await gql(GENERATE, {"id": closed.id}, token=team.reviewer)
    assert error_code(result) == "DISPOSITIONS_INCOMPLETE"
    assert result["errors"][0]["extensions"]["undecided"] == 7


async def assert_figures_match_stored_rows(state, consultation_id: int, figures: dict) -> None:
    """Recompute the statement's figures with SQL over the stored comments and approved dispositions."""
    async with state.sessionmaker() as session:
        where = Comment.consultation_id == consultation_id
        people = func.count(distinct(participant_key()))
        total = (await session.execute(select(func.count(), people).where(where))).one()
        by_channel = dict(
            (
                await session.execute(
                    select(Comment.channel, func.count()).where(where).group_by(Comment.channel)
                )
            ).all()
        )
        query, override, topical = join_effective_dispositions(select(func.count(Comment.id)).where(where))
        outcome = func.coalesce(override.outcome, topical.outcome)
        by_outcome = dict((await session.execute(query.add_columns(outcome).group_by(outcome))).all())
        by_article = dict(
            (
                await session.execute(
                    select(Article.label, func.count(Comment.id))
                    .join(Comment, Comment.article_id == Article.id)
                    .where(where)
                    .group_by(Article.label)
                )
            ).all()
        )
    assert (figures["comments"], figures["participants"]) == tuple(total)
    assert {c["key"]: c["comments"] for c in figures["by_channel"] if c["comments"]} == by_channel
    assert {c["key"]: c["comments"] for c in figures["by_outcome"] if c["comments"]} == {
        v: k for k, v in by_outcome.items()
    }
    assert {
        a["label"]: a["comments"] for a in figures["per_article"] if a["comments"] and a["article_id"]
    } == by_article


async def test_from_dispositions_to_a_published_statement_and_the_decision(
    gql, team, closed, run_jobs, client, state
):
    await aggregate(gql, run_jobs, team.reviewer, closed.id)
    await _decide_everything(gql, team, closed.id)
    job = ok(await gql(GENERATE, {"id": closed.id}, token=team.reviewer))["generateStatement"]
    assert job["status"] == "queued"
    await run_jobs()
    assert ok(await gql(STATEMENT, {"id": closed.id}))["statement"] is None  # drafts are not public
    draft = ok(await gql(STATEMENT, {"id": closed.id}, token=team.reviewer))["statement"]
    assert (draft["version"], draft["status"], draft["personalDataFindings"]) == (1, "draft", [])
    assert len(draft["sha256"]) == 64
    await assert_figures_match_stored_rows(state, int(closed.id), draft["figures"])

    # Publishing needs an approver; then the version is public and never changes.
    assert (
        error_code(await gql(PUBLISH_STATEMENT, {"id": closed.id, "v": 1}, token=team.reviewer))
        == "FORBIDDEN"
    )
    published = ok(await gql(PUBLISH_STATEMENT, {"id": closed.id, "v": 1}, token=team.approver))[
        "publishStatement"
    ]
    assert published == {"version": 1, "status": "published", "sha256": draft["sha256"]}
    again = await gql(PUBLISH_STATEMENT, {"id": closed.id, "v": 1}, token=team.approver)
    assert error_code(again) == "STATEMENT_ALREADY_PUBLISHED"
    public = ok(await gql(STATEMENT, {"id": closed.id, "v": 1}))["statement"]
    assert public["status"] == "published"
    for download in public["downloads"]:
        response = await client.get(download["url"])
        assert response.status_code == 200, download
        assert response.headers["x-statement-sha256"] == draft["sha256"]
        assert response.headers["x-content-sha256"] == hashlib.sha256(response.content).hexdigest()
        text = extract_text(download["format"], response.content)
        assert "采纳情况的说明" in text.replace("\n", "") or download["format"] == "csv"
        assert [value for value in PLANTED_PERSONAL_DATA if value in text] == [], download["format"]
    assert (await client.get(f"/statements/{closed.id}/v9.pdf")).status_code == 404
    assert (await client.get(f"/statements/{closed.id}/v1.exe")).status_code == 404

    # The citizen sees what happened to their comment.
    receipt = ok(await gql(RECEIPT, {"code": closed.receipts[FORM_LETTER]}))["commentReceipt"]
    assert (receipt["status"], receipt["statusLabel"]) == ("decided", "已公布处理结果")
    assert receipt["outcome"]["dispositionLabel"] == "不予采纳"
    assert receipt["outcome"]["reason"] == "上位法已有规定"

    # A correction is a new version that says what it corrects.
    assert (
        error_code(await gql(GENERATE, {"id": closed.id}, token=team.reviewer)) == "CORRECTION_NOTE_REQUIRED"
    )
    ok(await gql(GENERATE, {"id": closed.id, "note": "更正第二部分的统计口径"}, token=team.reviewer))
    await run_jobs()
    second = ok(await gql(STATEMENT, {"id": closed.id, "v": 2}, token=team.reviewer))["statement"]
    assert (second["status"], second["correctsVersion"], second["correctionNote"]) == (
        "draft",
        1,
        "更正第二部分的统计口径",
    )
    first = ok(await gql(STATEMENT, {"id": closed.id, "v": 1}))["statement"]
    assert first["sha256"] == draft["sha256"]

    decided = ok(
        await gql(
            """mutation($input: PublishDecisionInput!) {
                 publishDecision(input: $input) {
                   decidedOn documents { title url } changes { label change before after }
                 }
               }""",
            {
                "input": {
                    "consultationId": closed.id,
                    "adoptedText": ADOPTED_TEXT,
                    "decidedOn": utcnow().date().isoformat(),
                    "documents": [
                        {"title": "市政府常务会议纪要", "url": "https://www.example.gov.cn/jy/1.html"}
                    ],
                }
            },
            token=team.approver,
        )
    )["publishDecision"]
    changes = {c["label"]: c["change"] for c in decided["changes"]}
    assert changes["第三条"] == "modified" and changes["第一条"] == "unchanged"
    public_decision = ok(
        await gql("query($id: ID!) { decision(consultationId: $id) { decidedOn } }", {"id": closed.id})
    )
    assert public_decision["decision"]["decidedOn"] == decided["decidedOn"]
    async with state.sessionmaker() as session:
        from consultations.models import Consultation

        assert (await session.get_one(Consultation, int(closed.id))).status == Status.DECIDED


# The adopted text: 第三条 revised as the comments asked, the commencement date moved.
ADOPTED_TEXT = DRAFT_TEXT.replace("面积不得超过本办法规定的标准", "面积标准按家庭人口分档确定").replace(
    "2027年1月1日", "2027年7月1日"
)


async def test_exports_are_for_staff_and_stream_every_comment(gql, team, closed, client, run_jobs):
    await aggregate(gql, run_jobs, team.reviewer, closed.id)
    url = f"/exports/consultations/{closed.id}/comments.csv"
    assert (await client.get(url)).status_code == 401
    response = await client.get(url, headers={"Authorization": f"Bearer {team.reviewer}"})
    assert response.status_code == 200
    lines = response.content.decode("utf-8-sig").strip().splitlines()
    assert lines[0].startswith("id,receipt_code") and len(lines) == 1 + 7
    ndjson = await client.get(
        f"/exports/consultations/{closed.id}/dispositions.ndjson",
        headers={"Authorization": f"Bearer {team.reviewer}"},
    )
    assert ndjson.status_code == 200 and ndjson.text == ""
    bad = await client.get(
        f"/exports/consultations/{closed.id}/users.csv", headers={"Authorization": f"Bearer {team.reviewer}"}
    )
    assert bad.status_code == 404


async def test_search_finds_groups_by_comment_words(gql, team, closed, run_jobs):
    await aggregate(gql, run_jobs, team.reviewer, closed.id)
    found = groups_of(ok(await gql(GROUPS, {"id": closed.id, "search": "施行日期"}, token=team.reviewer)))
    assert any("施行日期推迟半年" in b for g in found for b in bodies(g))
    assert len(found) == 1
    nothing = groups_of(ok(await gql(GROUPS, {"id": closed.id, "search": "高速公路"}, token=team.reviewer)))
    assert nothing == []
    assert (
        error_code(await gql(GROUPS, {"id": closed.id, "search": "  "}, token=team.reviewer))
        == "SEARCH_INVALID"
    )


async def test_a_change_after_generation_makes_the_draft_stale(gql, team, closed, run_jobs):
    await aggregate(gql, run_jobs, team.reviewer, closed.id)
    await _decide_everything(gql, team, closed.id)
    ok(await gql(GENERATE, {"id": closed.id}, token=team.reviewer))
    await run_jobs()
    topics = await _topics(gql, team.reviewer, closed.id)
    ok(await gql(RENAME, {"g": topics[0]["id"], "s": "生成之后改写的摘要"}, token=team.reviewer))
    stale = await gql(PUBLISH_STATEMENT, {"id": closed.id, "v": 1}, token=team.approver)
    assert error_code(stale) == "STATEMENT_STALE"
    ok(await gql(GENERATE, {"id": closed.id}, token=team.reviewer))
    await run_jobs()
    published = ok(await gql(PUBLISH_STATEMENT, {"id": closed.id, "v": 1}, token=team.approver))
    assert published["publishStatement"]["status"] == "published"


GENERATION = """
query($id: ID!) {
  statementGeneration(consultationId: $id) { jobName status progressDone progressTotal message finishedAt }
}"""


async def test_staff_follow_the_statement_generation(gql, team, closed, run_jobs, people):
    """statementGeneration: null before any run, the run after the request, succeeded with a message after
    the job; staff of the unit only."""
    await aggregate(gql, run_jobs, team.reviewer, closed.id)
    assert ok(await gql(GENERATION, {"id": closed.id}, token=team.reviewer))["statementGeneration"] is None
    await _decide_everything(gql, team, closed.id)
    ok(await gql(GENERATE, {"id": closed.id}, token=team.reviewer))
    queued = ok(await gql(GENERATION, {"id": closed.id}, token=team.approver))["statementGeneration"]
    assert queued["jobName"] == "generate_statement"
    assert queued["status"] in ("queued", "running", "succeeded")  # in-process jobs may start at once
    await run_jobs()
    done = ok(await gql(GENERATION, {"id": closed.id}, token=team.drafter))["statementGeneration"]
    assert done["status"] == "succeeded" and done["finishedAt"] is not None
    assert "第1版" in done["message"] and done["progressTotal"] == 3
    citizen = await people.citizen("13700000019")
    assert error_code(await gql(GENERATION, {"id": closed.id}, token=citizen)) == "FORBIDDEN"
    assert error_code(await gql(GENERATION, {"id": closed.id})) == "UNAUTHENTICATED"
    assert (
        error_code(await gql(GENERATION, {"id": "999999"}, token=team.reviewer)) == "CONSULTATION_NOT_FOUND"
    )


REPLACES = """
query($id: ID!) {
  opinionGroups(consultationId: $id, kind: TOPIC, first: 100) {
    edges { node { id disposition { id status replacesApproved } } }
  }
}"""


async def test_a_proposal_after_approval_says_it_replaces_an_approved_one(gql, team, closed, run_jobs):
    """replacesApproved: false for a first proposal and its approval; true for a proposal that replaces an
    approved disposition (it needs approving again), also after that approval; per group, and for an
    override on one comment."""
    await aggregate(gql, run_jobs, team.reviewer, closed.id)
    first, second = (topic["id"] for topic in (await _topics(gql, team.reviewer, closed.id))[:2])

    def state(result):
        return {
            edge["node"]["id"]: edge["node"]["disposition"]
            and edge["node"]["disposition"]["replacesApproved"]
            for edge in result["opinionGroups"]["edges"]
        }

    proposed = ok(
        await gql(PROPOSE, {"input": {"groupId": first, "outcome": "ADOPTED"}}, token=team.reviewer)
    )
    assert state(ok(await gql(REPLACES, {"id": closed.id}, token=team.reviewer)))[first] is False
    ok(await gql(APPROVE, {"ids": [proposed["setDisposition"]["id"]]}, token=team.approver))
    ok(await gql(PROPOSE, {"input": {"groupId": second, "outcome": "ADOPTED"}}, token=team.reviewer))
    assert state(ok(await gql(REPLACES, {"id": closed.id}, token=team.approver)))[first] is False

    changed = {"input": {"groupId": first, "outcome": "NOT_ADOPTED", "standardReason": "higher_law"}}
    again = ok(await gql(PROPOSE, changed, token=team.reviewer))["setDisposition"]
    after = ok(await gql(REPLACES, {"id": closed.id}, token=team.approver))
    assert (state(after)[first], state(after)[second]) == (True, False)
    approved = ok(await gql(APPROVE, {"ids": [again["id"]]}, token=team.approver))["approveDisposition"]
    assert approved[0]["status"] == "APPROVED"
    assert state(ok(await gql(REPLACES, {"id": closed.id}, token=team.reviewer)))[first] is True

    # An override on one comment counts its own history, not its group's.
    comment_id = (await _topics(gql, team.reviewer, closed.id))[0]["comments"]["edges"][0]["node"]["id"]
    override = (
        """mutation($input: DispositionInput!) { setDisposition(input: $input) { id replacesApproved } }"""
    )
    result = ok(
        await gql(override, {"input": {"commentId": comment_id, "outcome": "ADOPTED"}}, token=team.reviewer)
    )
    assert result["setDisposition"]["replacesApproved"] is False
