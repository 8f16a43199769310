"""The consultation lifecycle through GraphQL: create, import, review, publish, close, withdraw."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import update

from api.db import utcnow
from consultations.deadlines import today_in
from consultations.models import Consultation
from tests.conftest import error_code
from tests.consultations.conftest import (
    CREATE,
    IMPORT,
    PUBLISH,
    SUBMIT_COMMENT,
    SUBMIT_FOR_REVIEW,
    ok,
    reviewed_consultation,
)


async def test_drafter_creates_imports_reviews_and_publishes(gql, team):
    cid, articles = await reviewed_consultation(gql, team)
    assert [a["label"] for a in articles] == ["第一条", "第二条", "第三条", "第四条", "第五条"]
    assert articles[3]["body"].endswith("（二）因自然灾害等原因需要搬迁的。")
    assert articles[0]["heading"] == "第一章 总则"

    published = ok(await gql(PUBLISH, {"id": cid}, token=team.drafter))["publishConsultation"]
    assert published["status"] == "OPEN"
    assert published["acceptingComments"] is True
    assert date.fromisoformat(published["closingDate"]) >= today_in() + timedelta(days=30)

    public = ok(
        await gql(
            "query($id: ID!) { consultation(id: $id) { title status unit draft { articles { label } } } }",
            {"id": cid},
        )
    )["consultation"]
    assert public["status"] == "OPEN"
    assert public["unit"] == "prov 单位"
    assert len(public["draft"]["articles"]) == 5


async def test_unpublished_consultation_is_invisible_to_public_and_citizens(gql, team, people):
    created = ok(
        await gql(
            CREATE,
            {"input": {"unitId": str(team.unit_id), "title": "内部草稿", "kind": "OTHER"}},
            token=team.drafter,
        )
    )["createConsultation"]
    citizen = await people.citizen()
    query = "query($id: ID!) { consultation(id: $id) { id } }"
    assert ok(await gql(query, {"id": created["id"]}))["consultation"] is None
    assert ok(await gql(query, {"id": created["id"]}, token=citizen))["consultation"] is None
    assert ok(await gql(query, {"id": created["id"]}, token=team.reviewer))["consultation"] == {
        "id": created["id"]
    }
    listing = ok(await gql("{ consultations { edges { node { id } } } }"))["consultations"]
    assert listing["edges"] == []


async def test_citizen_and_other_unit_staff_cannot_create(gql, team, people):
    citizen = await people.citizen()
    await people.unit("other", region="110000")
    outsider = await people.staff("outsider", ["drafter"], unit="other")
    variables = {"input": {"unitId": str(team.unit_id), "title": "越权创建", "kind": "OTHER"}}
    assert error_code(await gql(CREATE, variables)) == "UNAUTHENTICATED"
    assert error_code(await gql(CREATE, variables, token=citizen)) == "FORBIDDEN"
    assert error_code(await gql(CREATE, variables, token=outsider)) == "FORBIDDEN"
    assert error_code(await gql(CREATE, variables, token=team.reviewer)) == "FORBIDDEN"


async def test_parent_unit_role_covers_child_units(gql, people, team):
    child_id = await people.unit("city", parent="prov", region="330100")
    result = await gql(
        CREATE, {"input": {"unitId": str(child_id), "title": "市级草案", "kind": "OTHER"}}, token=team.drafter
    )
    assert ok(result)["createConsultation"]["status"] == "DRAFT"


async def test_disclosure_other_than_proactive_needs_reason_and_cannot_open(gql, team):
    variables = {
        "input": {
            "unitId": str(team.unit_id),
            "title": "依申请公开的草案",
            "kind": "OTHER",
            "disclosure": "ON_REQUEST",
        }
    }
    assert error_code(await gql(CREATE, variables, token=team.drafter)) == "DISCLOSURE_REASON_REQUIRED"
    variables["input"]["disclosureReason"] = "涉及第三方商业秘密"
    cid = ok(await gql(CREATE, variables, token=team.drafter))["createConsultation"]["id"]
    ok(await gql(IMPORT, {"id": cid, "text": "第一条 内容。"}, token=team.drafter))
    ok(await gql(SUBMIT_FOR_REVIEW, {"id": cid}, token=team.drafter))
    assert error_code(await gql(PUBLISH, {"id": cid}, token=team.drafter)) == "DISCLOSURE_NOT_PROACTIVE"


async def test_publish_requires_both_reviews(gql, team):
    cid = ok(
        await gql(
            CREATE,
            {"input": {"unitId": str(team.unit_id), "title": "未审查草案", "kind": "OTHER"}},
            token=team.drafter,
        )
    )["createConsultation"]["id"]
    ok(await gql(IMPORT, {"id": cid, "text": "第一条 内容。"}, token=team.drafter))
    assert error_code(await gql(PUBLISH, {"id": cid}, token=team.drafter)) == "INVALID_TRANSITION"
    ok(await gql(SUBMIT_FOR_REVIEW, {"id": cid}, token=team.drafter))
    assert error_code(await gql(PUBLISH, {"id": cid}, token=team.drafter)) == "LEGALITY_REVIEW_REQUIRED"


async def test_shortened_period_needs_reason_and_approver(gql, team):
    cid, _ = await reviewed_consultation(gql, team)
    short = (today_in() + timedelta(days=10)).isoformat()
    result = await gql(PUBLISH, {"id": cid, "closing": short}, token=team.drafter)
    assert error_code(result) == "PERIOD_TOO_SHORT"
    assert "30日" in result["errors"][0]["message"]
    result = await gql(
        PUBLISH, {"id": cid, "closing": short, "reason": "汛期临近，需尽快实施"}, token=team.drafter
    )
    assert error_code(result) == "FORBIDDEN"
    published = ok(
        await gql(
            PUBLISH, {"id": cid, "closing": short, "reason": "汛期临近，需尽快实施"}, token=team.approver
        )
    )["publishConsultation"]
    assert published["closingDate"] == short
    assert published["shortenedReason"] == "汛期临近，需尽快实施"


async def test_window_closes_by_itself_at_the_deadline(gql, team, state, open_consultation, run_jobs, people):
    async with state.sessionmaker() as session:
        await session.execute(
            update(Consultation)
            .where(Consultation.id == int(open_consultation.id))
            .values(closes_at=utcnow() - timedelta(seconds=1))
        )
        await session.commit()
    citizen = await people.citizen()
    late = await gql(
        'mutation($id: ID!) { submitComment(consultationId: $id, body: "逾期的意见") { receiptCode } }',
        {"id": open_consultation.id},
        token=citizen,
    )
    assert error_code(late) == "COMMENT_WINDOW_CLOSED"
    await state.queue.enqueue("close_due_consultations")
    await run_jobs()
    status = ok(
        await gql(
            "query($id: ID!) { consultation(id: $id) { status acceptingComments } }",
            {"id": open_consultation.id},
        )
    )["consultation"]
    assert status == {"status": "CLOSED", "acceptingComments": False}
    trail = ok(
        await gql(
            "query($id: ID!) { consultation(id: $id) { auditTrail { action actor } } }",
            {"id": open_consultation.id},
            token=team.drafter,
        )
    )["consultation"]["auditTrail"]
    assert trail[0] == {"action": "consultation.closed", "actor": "system"}


async def test_early_close_needs_approver_and_reason(gql, team, open_consultation):
    close = """
    mutation($id: ID!, $r: String! = "") { closeConsultation(consultationId: $id, reason: $r) { status } }"""
    assert error_code(await gql(close, {"id": open_consultation.id}, token=team.drafter)) == "FORBIDDEN"
    assert (
        error_code(await gql(close, {"id": open_consultation.id}, token=team.approver))
        == "CLOSE_REASON_REQUIRED"
    )
    closed = ok(
        await gql(close, {"id": open_consultation.id, "r": "上位法修订，草案需重新起草"}, token=team.approver)
    )
    assert closed["closeConsultation"]["status"] == "CLOSED"


async def test_withdraw_keeps_reason_and_rejects_second_withdrawal(gql, team, open_consultation):
    withdraw = """
    mutation($id: ID!, $r: String!) {
      withdrawConsultation(consultationId: $id, reason: $r) { status withdrawnReason }
    }"""
    result = ok(await gql(withdraw, {"id": open_consultation.id, "r": "决策事项取消"}, token=team.drafter))
    assert result["withdrawConsultation"] == {"status": "WITHDRAWN", "withdrawnReason": "决策事项取消"}
    assert error_code(
        await gql(withdraw, {"id": open_consultation.id, "r": "再次撤回"}, token=team.drafter)
    ) == ("INVALID_TRANSITION")
    # It had been published, so the public still finds it, with the reason it was withdrawn.
    public = "query($id: ID!) { consultation(id: $id) { status withdrawnReason } }"
    seen = ok(await gql(public, {"id": open_consultation.id}))["consultation"]
    assert seen == {"status": "WITHDRAWN", "withdrawnReason": "决策事项取消"}
    listed = ok(await gql("{ consultations { edges { node { id status } } } }"))["consultations"]["edges"]
    assert [e["node"] for e in listed] == [{"id": open_consultation.id, "status": "WITHDRAWN"}]


async def test_publication_channels_are_logged_with_url_and_date(gql, team):
    cid, _ = await reviewed_consultation(gql, team)
    publish = """
    mutation($id: ID!, $channels: [PublicationChannelInput!]) {
      publishConsultation(consultationId: $id, channels: $channels) {
        publicationChannels { channel url publishedOn }
      }
    }"""
    channels = [
        {"channel": "政府门户网站", "url": "https://www.example.gov.cn/zqyj/1"},
        {"channel": "政务新媒体", "url": "", "publishedOn": "2026-11-20"},
    ]
    result = ok(await gql(publish, {"id": cid, "channels": channels}, token=team.drafter))
    shanghai_today = datetime.now(ZoneInfo("Asia/Shanghai")).date().isoformat()
    assert result["publishConsultation"]["publicationChannels"] == [
        {
            "channel": "政府门户网站",
            "url": "https://www.example.gov.cn/zqyj/1",
            "publishedOn": shanghai_today,
        },
        {"channel": "政务新媒体", "url": "", "publishedOn": "2026-11-20"},
    ]


async def test_reviews_cover_one_draft_version(gql, team):
    cid, _ = await reviewed_consultation(gql, team)
    ok(await gql(IMPORT, {"id": cid, "text": "第一条 审查后又改过的内容。"}, token=team.drafter))
    result = await gql(PUBLISH, {"id": cid}, token=team.drafter)
    assert error_code(result) == "LEGALITY_REVIEW_REQUIRED"
    assert "当前草案版本" in result["errors"][0]["message"]


async def test_reviewer_sends_a_failed_draft_back(gql, team):
    cid, _ = await reviewed_consultation(gql, team)
    back = """
    mutation($id: ID!) {
      returnToDraft(consultationId: $id, reason: "保密审查发现需删除第四条") { status }
    }"""
    assert ok(await gql(back, {"id": cid}, token=team.reviewer))["returnToDraft"]["status"] == "DRAFT"


async def test_receipts_of_a_withdrawn_consultation_say_so(gql, team, people, open_consultation):
    citizen = await people.citizen()
    submitted = ok(
        await gql(SUBMIT_COMMENT, {"id": open_consultation.id, "body": "撤回前提交的意见"}, token=citizen)
    )["submitComment"]
    withdraw = (
        'mutation($id: ID!) { withdrawConsultation(consultationId: $id, reason: "决策事项取消") { status } }'
    )
    ok(await gql(withdraw, {"id": open_consultation.id}, token=team.drafter))
    receipt = ok(
        await gql(
            "query($c: String!) { commentReceipt(code: $c) { status statusLabel } }",
            {"c": submitted["receiptCode"]},
        )
    )["commentReceipt"]
    assert receipt == {"status": "withdrawn", "statusLabel": "征求意见已撤回"}
