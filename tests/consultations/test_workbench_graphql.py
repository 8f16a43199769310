"""The workbench's additions: updateConsultation (notice fields of a draft) and Consultation.publishChecks."""

from datetime import date, timedelta

from consultations.deadlines import today_in
from tests.conftest import error_code
from tests.consultations.conftest import (
    CREATE,
    IMPORT,
    PUBLISH,
    SUBMIT_FOR_REVIEW,
    ok,
    reviewed_consultation,
)

UPDATE = """
mutation($id: ID!, $input: UpdateConsultationInput!) {
  updateConsultation(consultationId: $id, input: $input) {
    id title kind summary businessRelated minimumPeriod disclosure disclosureReason status
  }
}"""
CHECKS = """
query($id: ID!, $closing: Date, $reason: String! = "") {
  consultation(id: $id) {
    publishChecks(closingDate: $closing, shortenedReason: $reason) {
      ready minimumClosingDate closingDate shortened
      checks { code label passed message errorCode detail }
    }
  }
}"""
TRAIL = "query($id: ID!) { consultation(id: $id) { auditTrail { action before after } } }"


async def new_draft(gql, team, **fields) -> str:
    variables = {"input": {"unitId": str(team.unit_id), "title": "绿道管理办法", "kind": "OTHER", **fields}}
    return ok(await gql(CREATE, variables, token=team.drafter))["createConsultation"]["id"]


def by_code(checks: dict) -> dict:
    return {c["code"]: c for c in checks["checks"]}


async def test_drafter_updates_the_notice_of_a_draft_and_it_is_audited(gql, team):
    cid = await new_draft(gql, team, summary="旧简介")
    updated = ok(
        await gql(
            UPDATE,
            {"id": cid, "input": {"title": "  杭州市城市绿道管理办法 ", "kind": "MAJOR_DECISION"}},
            token=team.drafter,
        )
    )["updateConsultation"]
    assert updated["title"] == "杭州市城市绿道管理办法"
    assert updated["kind"] == "MAJOR_DECISION"
    assert updated["minimumPeriod"] == "30日"
    assert updated["summary"] == "旧简介"  # omitted fields stay
    trail = ok(await gql(TRAIL, {"id": cid}, token=team.drafter))["consultation"]["auditTrail"]
    assert trail[0]["action"] == "consultation.updated"
    assert trail[0]["before"] == {"title": "绿道管理办法", "kind": "other"}
    assert trail[0]["after"] == {"title": "杭州市城市绿道管理办法", "kind": "major_decision"}


async def test_update_validates_like_create(gql, team):
    cid = await new_draft(gql, team)
    refused = await gql(UPDATE, {"id": cid, "input": {"disclosure": "NOT_DISCLOSED"}}, token=team.drafter)
    assert error_code(refused) == "DISCLOSURE_REASON_REQUIRED"
    assert error_code(await gql(UPDATE, {"id": cid, "input": {"title": "短"}}, token=team.drafter)) == (
        "TEXT_TOO_SHORT"
    )
    # The reason already on record counts when only the attribute changes.
    ok(
        await gql(
            UPDATE,
            {"id": cid, "input": {"disclosure": "ON_REQUEST", "disclosureReason": "涉及商业秘密"}},
            token=team.drafter,
        )
    )
    back = ok(await gql(UPDATE, {"id": cid, "input": {"disclosure": "PROACTIVE"}}, token=team.drafter))
    assert back["updateConsultation"]["disclosure"] == "PROACTIVE"


async def test_only_drafters_of_the_unit_update_and_only_drafts(gql, team, people):
    cid = await new_draft(gql, team)
    change = {"id": cid, "input": {"summary": "新简介"}}
    assert error_code(await gql(UPDATE, change)) == "UNAUTHENTICATED"
    assert error_code(await gql(UPDATE, change, token=team.reviewer)) == "FORBIDDEN"
    assert error_code(await gql(UPDATE, change, token=team.approver)) == "FORBIDDEN"
    await people.unit("other", region="110000")
    outsider = await people.staff("outsider", ["drafter"], unit="other")
    assert error_code(await gql(UPDATE, change, token=outsider)) == "FORBIDDEN"
    ok(await gql(IMPORT, {"id": cid, "text": "第一条 内容。"}, token=team.drafter))
    ok(await gql(SUBMIT_FOR_REVIEW, {"id": cid}, token=team.drafter))
    assert error_code(await gql(UPDATE, change, token=team.drafter)) == "NOTICE_LOCKED"


async def test_checks_of_a_fresh_draft_list_what_is_missing(gql, team):
    cid = await new_draft(gql, team, disclosure="ON_REQUEST", disclosureReason="涉及商业秘密")
    checks = ok(await gql(CHECKS, {"id": cid}, token=team.drafter))["consultation"]["publishChecks"]
    assert checks["ready"] is False
    found = by_code(checks)
    assert list(found) == [
        "PUBLISH_ROLE",
        "STATUS",
        "DISCLOSURE",
        "DRAFT",
        "LEGALITY_REVIEW",
        "SECRECY_REVIEW",
        "CLOSING_DATE",
        "PERIOD",
        "SHORTENED_APPROVER",
    ]
    assert found["PUBLISH_ROLE"]["passed"] is True
    assert found["STATUS"]["errorCode"] == "INVALID_TRANSITION"
    assert "草稿" in found["STATUS"]["message"]
    assert found["DISCLOSURE"]["errorCode"] == "DISCLOSURE_NOT_PROACTIVE"
    assert found["DRAFT"]["message"] == "请先导入草案文本"
    assert found["LEGALITY_REVIEW"]["errorCode"] == "LEGALITY_REVIEW_REQUIRED"
    assert found["PERIOD"]["passed"] is True


async def test_checks_agree_with_what_publish_does(gql, team):
    cid, _ = await reviewed_consultation(gql, team)
    ready = ok(await gql(CHECKS, {"id": cid}, token=team.drafter))["consultation"]["publishChecks"]
    assert ready["ready"] is True, ready
    assert date_after(ready["minimumClosingDate"], 30)
    assert by_code(ready)["LEGALITY_REVIEW"]["detail"].startswith("市司法局 王审查")

    # A shortened period without a reason: the same error publishing gives.
    short = (today_in() + timedelta(days=10)).isoformat()
    checks = ok(await gql(CHECKS, {"id": cid, "closing": short}, token=team.drafter))["consultation"][
        "publishChecks"
    ]
    refused = await gql(PUBLISH, {"id": cid, "closing": short}, token=team.drafter)
    failing = [c for c in checks["checks"] if not c["passed"]]
    assert [c["code"] for c in failing] == ["PERIOD", "SHORTENED_APPROVER"]
    assert [c["errorCode"] for c in failing] == ["PERIOD_TOO_SHORT", "FORBIDDEN"]
    assert failing[1]["message"] == "没有权限：此操作需要本单位的批准人角色"
    assert error_code(refused) == "PERIOD_TOO_SHORT"
    assert refused["errors"][0]["message"] == failing[0]["message"]

    # With a reason, only an approver may: the drafter sees that rule fail, the approver does not.
    with_reason = {"id": cid, "closing": short, "reason": "上位法施行在即"}
    drafter_view = ok(await gql(CHECKS, with_reason, token=team.drafter))["consultation"]["publishChecks"]
    assert [c["code"] for c in drafter_view["checks"] if not c["passed"]] == ["SHORTENED_APPROVER"]
    approver_view = ok(await gql(CHECKS, with_reason, token=team.approver))["consultation"]["publishChecks"]
    assert approver_view["ready"] is True and approver_view["shortened"] is True
    assert error_code(await gql(PUBLISH, with_reason, token=team.drafter)) == "FORBIDDEN"
    ok(await gql(PUBLISH, with_reason, token=team.approver))


async def test_reviewer_sees_the_checks_but_not_as_a_publisher(gql, team):
    cid, _ = await reviewed_consultation(gql, team)
    checks = ok(await gql(CHECKS, {"id": cid}, token=team.reviewer))["consultation"]["publishChecks"]
    assert checks["ready"] is False
    assert [c["errorCode"] for c in checks["checks"] if not c["passed"]] == ["FORBIDDEN"]
    assert error_code(await gql(PUBLISH, {"id": cid}, token=team.reviewer)) == "FORBIDDEN"


async def test_checks_are_for_staff_only(gql, team, people):
    cid, _ = await reviewed_consultation(gql, team)
    ok(await gql(PUBLISH, {"id": cid}, token=team.drafter))
    citizen = await people.citizen()
    result = await gql(CHECKS, {"id": cid}, token=citizen)
    assert error_code(result) == "FORBIDDEN"
    assert result["data"]["consultation"]["publishChecks"] is None
    past = {"id": cid, "closing": "2020-01-01"}
    after = ok(await gql(CHECKS, past, token=team.drafter))["consultation"]["publishChecks"]
    failing = [c["errorCode"] for c in after["checks"] if not c["passed"]]
    assert failing == ["INVALID_TRANSITION", "CLOSING_DATE_INVALID", "PERIOD_TOO_SHORT", "FORBIDDEN"]


def date_after(value: str, days: int) -> bool:
    return date.fromisoformat(value) >= today_in() + timedelta(days=days)
