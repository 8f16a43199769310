"""Comments through GraphQL: submitting, receipts, idempotency, bad input, moderation, offline, jobs."""

import asyncio
import json
import re
from datetime import timedelta
from typing import Any

from sqlalchemy import select, text, update

from api import audit
from api.db import utcnow
from api.outbox import Notification
from consultations.deadlines import today_in
from consultations.models import Comment, Consultation, Status
from consultations.sealing import verify_sealed_comments
from tests.conftest import GraphQL, error_code
from tests.consultations.conftest import CREATE, IMPORT, PUBLISH, SUBMIT_COMMENT, ok, reviewed_consultation

RECEIPT = re.compile(r"^CY(-[0-9A-HJKMNP-TV-Z]{4}){4}$")  # Crockford base32: no I, L, O, U
RECEIPT_QUERY = """
query($code: String!) {
  commentReceipt(code: $code) {
    receiptCode consultationId consultationTitle articleLabel channel body status statusLabel
  }
}"""
MY_COMMENTS = "{ myComments { edges { node { receiptCode consultationId articleLabel body status } } } }"
STAFF_COMMENTS = """
query($id: ID!) {
  consultation(id: $id) {
    comments { totalCount edges { node {
      id receiptCode body channel articleId draftVersionId moderation moderationReason flaggedTerms
      submitterName postmarkedOn isLate
    } } }
  }
}"""
OFFLINE = """
mutation($input: OfflineCommentInput!) {
  recordOfflineComment(input: $input) {
    id receiptCode channel body submitterName submitterContact postmarkedOn isLate moderation
  }
}"""
MODERATE = """
mutation($id: ID!, $action: ModerationAction!, $reason: String! = "") {
  moderateComment(commentId: $id, action: $action, reason: $reason) { id moderation moderationReason body }
}"""
VERSION_2_TEXT = """第一条　为了规范农村宅基地管理，制定本办法。
第二条　本办法适用于本市农村宅基地。
第三条　本办法自2027年7月1日起施行。
"""


async def submit(
    gql: GraphQL,
    token: str | None,
    consultation_id: str,
    body: str,
    *,
    article: str | None = None,
    key: str | None = None,
) -> dict[str, Any]:
    return await gql(
        SUBMIT_COMMENT, {"id": consultation_id, "body": body, "article": article, "key": key}, token=token
    )


async def submitted(
    gql: GraphQL, token: str, consultation_id: str, body: str, **kwargs: Any
) -> dict[str, Any]:
    """Submit and expect success; return {receiptCode, submittedAt, duplicate}."""
    return ok(await submit(gql, token, consultation_id, body, **kwargs))["submitComment"]


async def stored_comments(state) -> list[Comment]:
    async with state.sessionmaker() as session:
        return list(await session.scalars(select(Comment).order_by(Comment.id)))


async def my_comments(gql: GraphQL, token: str) -> list[dict[str, Any]]:
    return [edge["node"] for edge in ok(await gql(MY_COMMENTS, token=token))["myComments"]["edges"]]


async def staff_comments(gql: GraphQL, token: str, consultation_id: str) -> list[dict[str, Any]]:
    found = ok(await gql(STAFF_COMMENTS, {"id": consultation_id}, token=token))["consultation"]["comments"]
    return [edge["node"] for edge in found["edges"]]


async def post_raw_json(gql: GraphQL, raw: str, token: str | None = None) -> dict[str, Any]:
    """Post a hand-written JSON body (for escapes such as a lone surrogate that encoders refuse)."""
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    response = await gql.http.post("/graphql", content=raw.encode("ascii"), headers=headers)
    assert response.status_code == 200, response.text
    return response.json()


async def set_consultation(state, consultation_id: str, **values: Any) -> None:
    async with state.sessionmaker() as session:
        await session.execute(
            update(Consultation).where(Consultation.id == int(consultation_id)).values(**values)
        )
        await session.commit()


async def second_open_consultation(gql: GraphQL, team) -> tuple[str, list[dict]]:
    cid, articles = await reviewed_consultation(gql, team)
    ok(await gql(PUBLISH, {"id": cid}, token=team.drafter))
    return cid, articles


# --- submitting and looking up -------------------------------------------------------------------


async def test_citizen_comments_on_an_article_and_gets_a_committed_receipt(
    gql, people, open_consultation, state
):
    citizen = await people.citizen()
    article = open_consultation.articles[2]
    answer = await submitted(
        gql, citizen, open_consultation.id, "宅基地面积标准应当按人口确定。", article=article["id"]
    )
    assert RECEIPT.match(answer["receiptCode"])
    assert answer["duplicate"] is False

    [row] = await stored_comments(state)
    consultation = ok(
        await gql("query($id: ID!) { consultation(id: $id) { draft { id } } }", {"id": open_consultation.id})
    )["consultation"]
    assert row.receipt_code == answer["receiptCode"]
    assert row.body == "宅基地面积标准应当按人口确定。"
    assert row.consultation_id == int(open_consultation.id)
    assert row.article_id == int(article["id"])
    assert row.draft_version_id == int(consultation["draft"]["id"])
    assert row.channel == "online"
    assert row.moderation == "visible"
    assert row.flagged_terms == []


async def test_citizen_comments_on_the_whole_draft(gql, people, open_consultation, state):
    citizen = await people.citizen()
    answer = await submitted(gql, citizen, open_consultation.id, "  整体赞成，建议尽快实施。\r\n谢谢。  ")
    [row] = await stored_comments(state)
    assert row.receipt_code == answer["receiptCode"]
    assert row.article_id is None
    assert row.body == "整体赞成，建议尽快实施。\n谢谢。"


async def test_receipt_lookup_without_login(gql, people, open_consultation):
    citizen = await people.citizen()
    code = (
        await submitted(
            gql,
            citizen,
            open_consultation.id,
            "第三条的面积标准偏低。",
            article=open_consultation.articles[2]["id"],
        )
    )["receiptCode"]
    expected = {
        "receiptCode": code,
        "consultationId": open_consultation.id,
        "consultationTitle": "某市农村宅基地管理办法（征求意见稿）",
        "articleLabel": "第三条",
        "channel": "ONLINE",
        "body": "第三条的面积标准偏低。",
        "status": "received",
        "statusLabel": "已收到",
    }
    assert ok(await gql(RECEIPT_QUERY, {"code": code}))["commentReceipt"] == expected
    assert ok(await gql(RECEIPT_QUERY, {"code": code.lower()}))["commentReceipt"] == expected
    assert ok(await gql(RECEIPT_QUERY, {"code": code.replace("-", "")}))["commentReceipt"] == expected
    assert ok(await gql(RECEIPT_QUERY, {"code": f" {code.replace('-', ' ').lower()} "}))[
        "commentReceipt"
    ] == (expected)


async def test_unknown_or_malformed_receipt_code_finds_nothing(gql, people, open_consultation):
    citizen = await people.citizen()
    await submitted(gql, citizen, open_consultation.id, "一条意见内容。")
    for code in ["CY-0000-0000-0000-0000", "CY-1234", "", "不是回执编号", "CY-UUUU-UUUU-UUUU-UUUU"]:
        assert ok(await gql(RECEIPT_QUERY, {"code": code}))["commentReceipt"] is None, code


async def test_receipt_code_with_a_lone_surrogate_finds_nothing(gql, people):
    raw = json.dumps({"query": RECEIPT_QUERY, "variables": {"code": "PLACEHOLDER"}})
    result = await post_raw_json(gql, raw.replace("PLACEHOLDER", r"CY-AAAA-BBBB-CCCC-DDD\ud800"))
    assert result == {"data": {"commentReceipt": None}}


async def test_my_comments_shows_only_the_callers_own(gql, people, open_consultation):
    first = await people.citizen("13800000001")
    second = await people.citizen("13800000002")
    one = await submitted(
        gql, first, open_consultation.id, "第一条意见。", article=open_consultation.articles[0]["id"]
    )
    two = await submitted(gql, first, open_consultation.id, "第二条意见。")

    assert await my_comments(gql, first) == [
        {
            "receiptCode": two["receiptCode"],
            "consultationId": open_consultation.id,
            "articleLabel": None,
            "body": "第二条意见。",
            "status": "received",
        },
        {
            "receiptCode": one["receiptCode"],
            "consultationId": open_consultation.id,
            "articleLabel": "第一条",
            "body": "第一条意见。",
            "status": "received",
        },
    ]
    assert await my_comments(gql, second) == []


async def test_my_comments_needs_login(gql):
    assert error_code(await gql(MY_COMMENTS)) == "UNAUTHENTICATED"


# --- idempotency ---------------------------------------------------------------------------------


async def test_same_idempotency_key_returns_the_same_receipt(gql, people, open_consultation, state):
    citizen = await people.citizen()
    first = await submitted(gql, citizen, open_consultation.id, "重试的意见。", key="retry-1")
    again = await submitted(gql, citizen, open_consultation.id, "重试的意见。", key="retry-1")
    assert again == {**first, "duplicate": True}
    assert [c.receipt_code for c in await stored_comments(state)] == [first["receiptCode"]]


async def test_same_idempotency_key_with_another_body_is_rejected(gql, people, open_consultation, state):
    citizen = await people.citizen()
    first = await submitted(gql, citizen, open_consultation.id, "原来的意见。", key="k-1")
    result = await submit(gql, citizen, open_consultation.id, "另一条意见。", key="k-1")
    assert error_code(result) == "IDEMPOTENCY_KEY_REUSED"
    assert [c.receipt_code for c in await stored_comments(state)] == [first["receiptCode"]]


async def test_two_citizens_with_the_same_key_get_two_comments(gql, people, open_consultation, state):
    first = await people.citizen("13800000001")
    second = await people.citizen("13800000002")
    one = await submitted(gql, first, open_consultation.id, "同样的意见。", key="same-key")
    two = await submitted(gql, second, open_consultation.id, "同样的意见。", key="same-key")
    assert one["receiptCode"] != two["receiptCode"]
    assert two["duplicate"] is False
    assert [c.receipt_code for c in await stored_comments(state)] == [one["receiptCode"], two["receiptCode"]]


async def test_concurrent_retries_with_one_key_store_one_comment(gql, people, open_consultation, state):
    citizen = await people.citizen()
    answers = await asyncio.gather(
        *(
            submit(gql, citizen, open_consultation.id, "网络不好时连续点了十次提交。", key="burst")
            for _ in range(10)
        )
    )
    receipts = {ok(answer)["submitComment"]["receiptCode"] for answer in answers}
    duplicates = sorted(ok(answer)["submitComment"]["duplicate"] for answer in answers)
    rows = await stored_comments(state)
    assert len(rows) == 1
    assert receipts == {rows[0].receipt_code}
    assert duplicates == [False] + [True] * 9


async def test_overlong_idempotency_key_is_rejected(gql, people, open_consultation, state):
    citizen = await people.citizen()
    result = await submit(gql, citizen, open_consultation.id, "一条意见内容。", key="k" * 65)
    assert error_code(result) == "IDEMPOTENCY_KEY_INVALID"
    assert await stored_comments(state) == []


# --- who may comment -----------------------------------------------------------------------------


async def test_unverified_citizen_cannot_comment(gql, people, open_consultation, state):
    citizen = await people.citizen(verified=False)
    assert (
        error_code(await submit(gql, citizen, open_consultation.id, "一条意见内容。"))
        == "CONTACT_NOT_VERIFIED"
    )
    assert await stored_comments(state) == []


async def test_staff_cannot_comment_as_the_public(gql, team, open_consultation, state):
    assert error_code(await submit(gql, team.drafter, open_consultation.id, "一条意见内容。")) == "FORBIDDEN"
    assert await stored_comments(state) == []


async def test_anonymous_cannot_comment(gql, open_consultation, state):
    assert error_code(await submit(gql, None, open_consultation.id, "一条意见内容。")) == "UNAUTHENTICATED"
    assert await stored_comments(state) == []


# --- bad input -----------------------------------------------------------------------------------


async def test_empty_or_blank_body_is_too_short(gql, people, open_consultation, state):
    citizen = await people.citizen()
    for body in ["", "   ", "\n\t \r\n", "好"]:
        assert error_code(await submit(gql, citizen, open_consultation.id, body)) == "TEXT_TOO_SHORT", repr(
            body
        )
    assert await stored_comments(state) == []


async def test_body_over_the_limit_is_too_long(gql, people, open_consultation, state, settings):
    citizen = await people.citizen()
    result = await submit(gql, citizen, open_consultation.id, "长" * (settings.comment_max_chars + 1))
    assert error_code(result) == "TEXT_TOO_LONG"
    assert f"最多 {settings.comment_max_chars} 个字" in result["errors"][0]["message"]
    assert await stored_comments(state) == []


async def test_body_at_the_limit_is_accepted(gql, people, open_consultation, state, settings):
    citizen = await people.citizen()
    await submitted(gql, citizen, open_consultation.id, "长" * settings.comment_max_chars)
    [row] = await stored_comments(state)
    assert len(row.body) == settings.comment_max_chars


async def test_anyone_reads_the_limits_a_comment_must_respect(gql, open_consultation, settings):
    result = await gql(
        "query($id: ID!) { consultation(id: $id) "
        "{ commentLimits { minChars maxChars perWindow windowMinutes } } }",
        {"id": open_consultation.id},
    )
    assert result["data"]["consultation"]["commentLimits"] == {
        "minChars": settings.comment_min_chars,
        "maxChars": settings.comment_max_chars,
        "perWindow": settings.comment_rate_limit,
        "windowMinutes": settings.comment_rate_window_seconds // 60,
    }


async def test_control_characters_are_rejected(gql, people, open_consultation, state):
    citizen = await people.citizen()
    for body in ["意见\x00内容", "意见\x07内容", "意见\x1b[31m内容", "意见\u202e内容", "意见\u2066内容"]:
        result = await submit(gql, citizen, open_consultation.id, body)
        assert error_code(result) == "TEXT_CONTROL_CHARACTER", repr(body)
    assert await stored_comments(state) == []


async def test_lone_surrogate_in_body_is_a_clear_error(gql, people, open_consultation, state):
    citizen = await people.citizen()
    raw = json.dumps(
        {"query": SUBMIT_COMMENT, "variables": {"id": open_consultation.id, "body": "PLACEHOLDER"}}
    )
    result = await post_raw_json(gql, raw.replace("PLACEHOLDER", r"\u610f\u89c1\ud800\u5185\u5bb9"), citizen)
    assert error_code(result) == "TEXT_INVALID_UNICODE"
    assert result["data"] is None
    assert await stored_comments(state) == []


async def test_lone_surrogate_in_idempotency_key_is_a_clear_error(gql, people, open_consultation, state):
    citizen = await people.citizen()
    raw = json.dumps(
        {
            "query": SUBMIT_COMMENT,
            "variables": {"id": open_consultation.id, "body": "一条意见内容。", "key": "PLACEHOLDER"},
        }
    )
    result = await post_raw_json(gql, raw.replace("PLACEHOLDER", r"key-\ud800"), citizen)
    assert error_code(result) == "IDEMPOTENCY_KEY_INVALID"
    assert await stored_comments(state) == []


async def test_article_of_another_consultation_is_not_in_the_draft(
    gql, people, team, open_consultation, state
):
    _, other_articles = await second_open_consultation(gql, team)
    citizen = await people.citizen()
    result = await submit(
        gql, citizen, open_consultation.id, "一条意见内容。", article=other_articles[0]["id"]
    )
    assert error_code(result) == "ARTICLE_NOT_IN_DRAFT"
    assert await stored_comments(state) == []


async def test_non_numeric_article_id_is_invalid(gql, people, open_consultation, state):
    citizen = await people.citizen()
    for article in ["abc", "-1", "0", "1.5"]:
        result = await submit(gql, citizen, open_consultation.id, "一条意见内容。", article=article)
        assert error_code(result) == "ID_INVALID", article
    assert await stored_comments(state) == []


async def test_unpublished_consultation_takes_no_comments(gql, people, team, state):
    cid = ok(
        await gql(
            CREATE,
            {"input": {"unitId": str(team.unit_id), "title": "内部草稿", "kind": "OTHER"}},
            token=team.drafter,
        )
    )["createConsultation"]["id"]
    ok(await gql(IMPORT, {"id": cid, "text": "第一条 内容。"}, token=team.drafter))
    citizen = await people.citizen()
    assert error_code(await submit(gql, citizen, cid, "一条意见内容。")) == "CONSULTATION_NOT_FOUND"
    assert error_code(await submit(gql, citizen, "999999", "一条意见内容。")) == "CONSULTATION_NOT_FOUND"
    assert await stored_comments(state) == []


async def test_no_comments_after_the_window_closes(gql, people, open_consultation, state):
    await set_consultation(state, open_consultation.id, closes_at=utcnow() - timedelta(seconds=1))
    citizen = await people.citizen()
    assert (
        error_code(await submit(gql, citizen, open_consultation.id, "逾期的意见。"))
        == "COMMENT_WINDOW_CLOSED"
    )
    assert await stored_comments(state) == []


# --- rate limit ----------------------------------------------------------------------------------


async def test_rate_limit_refuses_the_next_comment_in_the_window(
    gql, people, open_consultation, state, settings
):
    citizen = await people.citizen()
    first = await submitted(gql, citizen, open_consultation.id, "第1条意见。", key="n-1")
    for n in range(2, settings.comment_rate_limit + 1):
        await submitted(gql, citizen, open_consultation.id, f"第{n}条意见。")
    result = await submit(gql, citizen, open_consultation.id, "超出限制的意见。")
    assert error_code(result) == "COMMENT_RATE_LIMITED"
    assert result["errors"][0]["extensions"]["retryable"] is True
    rows = await stored_comments(state)
    assert len(rows) == settings.comment_rate_limit
    assert "超出限制的意见。" not in {row.body for row in rows}

    replay = await submitted(gql, citizen, open_consultation.id, "第1条意见。", key="n-1")
    assert replay == {**first, "duplicate": True}


async def test_rate_limit_is_per_citizen(gql, people, open_consultation, settings):
    busy = await people.citizen("13800000001")
    other = await people.citizen("13800000002")
    for n in range(settings.comment_rate_limit):
        await submitted(gql, busy, open_consultation.id, f"第{n}条意见。")
    assert error_code(await submit(gql, busy, open_consultation.id, "再来一条。")) == "COMMENT_RATE_LIMITED"
    assert (await submitted(gql, other, open_consultation.id, "另一位市民的意见。"))["duplicate"] is False


# --- sensitive words -----------------------------------------------------------------------------


async def test_sensitive_word_flags_but_keeps_the_comment(gql, people, team, open_consultation, state):
    citizen = await people.citizen()
    answer = await submitted(gql, citizen, open_consultation.id, "想了解详情请加微信 abc123 咨询。")
    assert RECEIPT.match(answer["receiptCode"])
    [node] = await staff_comments(gql, team.reviewer, open_consultation.id)
    assert node["receiptCode"] == answer["receiptCode"]
    assert node["moderation"] == "FLAGGED"
    assert node["flaggedTerms"] == ["加微信"]
    [row] = await stored_comments(state)
    assert row.body == "想了解详情请加微信 abc123 咨询。"


# --- draft versions ------------------------------------------------------------------------------


async def test_new_draft_version_keeps_earlier_comments_pinned(gql, people, team, open_consultation, state):
    citizen = await people.citizen()
    v1_article = open_consultation.articles[0]
    before = await submitted(
        gql, citizen, open_consultation.id, "对旧版第一条的意见。", article=v1_article["id"]
    )
    v1_id = ok(
        await gql("query($id: ID!) { consultation(id: $id) { draft { id } } }", {"id": open_consultation.id})
    )["consultation"]["draft"]["id"]

    v2 = ok(await gql(IMPORT, {"id": open_consultation.id, "text": VERSION_2_TEXT}, token=team.drafter))[
        "importDraft"
    ]
    assert v2["number"] == 2

    stale = await submit(
        gql, citizen, open_consultation.id, "仍然引用旧版条款的意见。", article=v1_article["id"]
    )
    assert error_code(stale) == "ARTICLE_NOT_IN_DRAFT"
    after = await submitted(
        gql, citizen, open_consultation.id, "对新版第一条的意见。", article=v2["articles"][0]["id"]
    )

    nodes = {n["receiptCode"]: n for n in await staff_comments(gql, team.drafter, open_consultation.id)}
    assert len(nodes) == 2
    assert (nodes[before["receiptCode"]]["articleId"], nodes[before["receiptCode"]]["draftVersionId"]) == (
        v1_article["id"],
        v1_id,
    )
    assert (nodes[after["receiptCode"]]["articleId"], nodes[after["receiptCode"]]["draftVersionId"]) == (
        v2["articles"][0]["id"],
        v2["id"],
    )
    receipt = ok(await gql(RECEIPT_QUERY, {"code": before["receiptCode"]}))["commentReceipt"]
    assert receipt["articleLabel"] == "第一条"


# --- offline comments ----------------------------------------------------------------------------


def letter(consultation_id: str, **overrides: Any) -> dict[str, Any]:
    return {
        "input": {
            "consultationId": consultation_id,
            "channel": "LETTER",
            "body": "来信建议放宽分户条件。",
            "submitterName": "张三",
            "submitterContact": "某县某村",
            "postmarkedOn": today_in().isoformat(),
            **overrides,
        }
    }


async def test_drafter_records_a_letter(gql, team, open_consultation, state):
    recorded = ok(await gql(OFFLINE, letter(open_consultation.id), token=team.drafter))[
        "recordOfflineComment"
    ]
    assert RECEIPT.match(recorded["receiptCode"])
    assert {k: v for k, v in recorded.items() if k not in {"id", "receiptCode"}} == {
        "channel": "LETTER",
        "body": "来信建议放宽分户条件。",
        "submitterName": "张三",
        "submitterContact": "某县某村",
        "postmarkedOn": today_in().isoformat(),
        "isLate": False,
        "moderation": "VISIBLE",
    }
    [row] = await stored_comments(state)
    assert (row.id, row.author_id, row.channel) == (int(recorded["id"]), None, "letter")
    receipt = ok(await gql(RECEIPT_QUERY, {"code": recorded["receiptCode"]}))["commentReceipt"]
    assert receipt["channel"] == "LETTER"


async def test_letter_needs_a_postmark(gql, team, open_consultation, state):
    result = await gql(OFFLINE, letter(open_consultation.id, postmarkedOn=None), token=team.drafter)
    assert error_code(result) == "POSTMARK_REQUIRED"
    assert await stored_comments(state) == []


async def test_letter_postmarked_after_the_closing_date_is_late(gql, team, open_consultation, state):
    closing = today_in() - timedelta(days=3)
    await set_consultation(
        state,
        open_consultation.id,
        status=Status.CLOSED,
        opens_at=utcnow() - timedelta(days=40),
        closing_date=closing,
        closes_at=utcnow() - timedelta(days=2),
    )
    on_time = ok(
        await gql(OFFLINE, letter(open_consultation.id, postmarkedOn=closing.isoformat()), token=team.drafter)
    )["recordOfflineComment"]
    late = ok(
        await gql(
            OFFLINE,
            letter(
                open_consultation.id,
                body="截止后寄出的来信。",
                postmarkedOn=(closing + timedelta(days=1)).isoformat(),
            ),
            token=team.drafter,
        )
    )["recordOfflineComment"]
    assert (on_time["isLate"], late["isLate"]) == (False, True)
    nodes = {n["id"]: n["isLate"] for n in await staff_comments(gql, team.drafter, open_consultation.id)}
    assert nodes == {on_time["id"]: False, late["id"]: True}


async def test_citizen_and_organizer_cannot_record_offline_comments(
    gql, people, open_consultation, state, team
):
    citizen = await people.citizen()
    organizer = await people.staff("organizer", ["organizer"])
    assert error_code(await gql(OFFLINE, letter(open_consultation.id), token=citizen)) == "FORBIDDEN"
    assert error_code(await gql(OFFLINE, letter(open_consultation.id), token=organizer)) == "FORBIDDEN"
    assert error_code(await gql(OFFLINE, letter(open_consultation.id))) == "UNAUTHENTICATED"
    assert await stored_comments(state) == []


# --- moderation ----------------------------------------------------------------------------------


async def test_hide_needs_a_reason_and_keeps_the_comment(gql, people, team, open_consultation, state):
    citizen = await people.citizen()
    await submitted(gql, citizen, open_consultation.id, "一条需要隐藏的意见。")
    [node] = await staff_comments(gql, team.reviewer, open_consultation.id)

    no_reason = await gql(MODERATE, {"id": node["id"], "action": "HIDE", "reason": "  "}, token=team.reviewer)
    assert error_code(no_reason) == "MODERATION_REASON_REQUIRED"
    hidden = ok(
        await gql(
            MODERATE, {"id": node["id"], "action": "HIDE", "reason": "含有他人隐私信息"}, token=team.reviewer
        )
    )["moderateComment"]
    assert hidden == {
        "id": node["id"],
        "moderation": "HIDDEN",
        "moderationReason": "含有他人隐私信息",
        "body": "一条需要隐藏的意见。",
    }

    count = ok(
        await gql("query($id: ID!) { consultation(id: $id) { commentCount } }", {"id": open_consultation.id})
    )
    assert count["consultation"]["commentCount"] == 1
    [row] = await stored_comments(state)
    assert (row.moderation, row.body) == ("hidden", "一条需要隐藏的意见。")
    async with state.sessionmaker() as session:
        events = await audit.events_for(session, subject_type="comment", subject_id=node["id"])
    assert [(e.action, e.before["moderation"], e.after) for e in events] == [
        ("comment.hide", "visible", {"moderation": "hidden", "reason": "含有他人隐私信息"}),
    ]


async def test_restore_makes_a_hidden_comment_visible(gql, people, team, open_consultation):
    citizen = await people.citizen()
    await submitted(gql, citizen, open_consultation.id, "一条被误隐藏的意见。")
    [node] = await staff_comments(gql, team.reviewer, open_consultation.id)
    ok(await gql(MODERATE, {"id": node["id"], "action": "HIDE", "reason": "误判"}, token=team.reviewer))
    restored = ok(await gql(MODERATE, {"id": node["id"], "action": "RESTORE"}, token=team.reviewer))
    assert restored["moderateComment"]["moderation"] == "VISIBLE"


async def test_clear_flag_makes_a_flagged_comment_visible(gql, people, team, open_consultation):
    citizen = await people.citizen()
    await submitted(gql, citizen, open_consultation.id, "村里有人刷单，希望管一管。")
    [node] = await staff_comments(gql, team.drafter, open_consultation.id)
    assert node["moderation"] == "FLAGGED"
    cleared = ok(await gql(MODERATE, {"id": node["id"], "action": "CLEAR_FLAG"}, token=team.drafter))
    assert cleared["moderateComment"]["moderation"] == "VISIBLE"
    [node] = await staff_comments(gql, team.drafter, open_consultation.id)
    assert node["flaggedTerms"] == ["刷单"]  # what matched stays on record


async def test_citizen_and_approver_cannot_moderate(gql, people, team, open_consultation, state):
    citizen = await people.citizen()
    await submitted(gql, citizen, open_consultation.id, "一条意见内容。")
    [row] = await stored_comments(state)
    variables = {"id": str(row.id), "action": "HIDE", "reason": "试图隐藏"}
    assert error_code(await gql(MODERATE, variables, token=citizen)) == "FORBIDDEN"
    assert error_code(await gql(MODERATE, variables, token=team.approver)) == "FORBIDDEN"
    assert error_code(await gql(MODERATE, variables)) == "UNAUTHENTICATED"
    [row] = await stored_comments(state)
    assert row.moderation == "visible"


# --- background jobs -----------------------------------------------------------------------------


async def test_jobs_segment_and_seal_new_comments(gql, people, team, open_consultation, state, run_jobs):
    citizen = await people.citizen()
    await submitted(gql, citizen, open_consultation.id, "农村宅基地面积标准应当提高")
    await submitted(
        gql,
        citizen,
        open_consultation.id,
        "建议明确分户的条件。",
        article=open_consultation.articles[3]["id"],
    )
    ok(await gql(OFFLINE, letter(open_consultation.id), token=team.drafter))
    await run_jobs()

    rows = await stored_comments(state)
    assert len(rows) == 3
    assert all(row.sealed_at is not None and row.segmented_at is not None for row in rows)
    assert "宅基地" in rows[0].tokens.split()
    async with state.sessionmaker() as session:
        assert (await audit.verify_chain(session)).problems == []
        assert await verify_sealed_comments(session) == []


async def test_tampered_comment_is_reported(gql, people, open_consultation, state, run_jobs):
    citizen = await people.citizen()
    for body in ["第一条意见。", "第二条意见。", "第三条意见。"]:
        await submitted(gql, citizen, open_consultation.id, body)
    await run_jobs()
    target = (await stored_comments(state))[1]
    async with state.sessionmaker() as session:
        await session.execute(
            text("UPDATE comments SET body = :body WHERE id = :id"),
            {"body": "被篡改的意见。", "id": target.id},
        )
        await session.commit()
    async with state.sessionmaker() as session:
        assert await verify_sealed_comments(session) == [
            f"comment {target.id}: content differs from what was sealed",
        ]
        assert (await audit.verify_chain(session)).problems == []


async def test_receipt_notification_is_delivered(gql, people, open_consultation, state, run_jobs):
    citizen = await people.citizen("13800000009")
    answer = await submitted(gql, citizen, open_consultation.id, "一条意见内容。")
    await run_jobs()
    async with state.sessionmaker() as session:
        [notice] = list(
            await session.scalars(select(Notification).where(Notification.kind == "comment_receipt"))
        )
    assert (notice.recipient, notice.channel, notice.status) == ("13800000009", "sms", "sent")
    assert answer["receiptCode"] in notice.body


async def test_replay_sends_no_second_notification(gql, people, open_consultation, state, run_jobs):
    citizen = await people.citizen()
    await submitted(gql, citizen, open_consultation.id, "一条意见内容。", key="once")
    await submitted(gql, citizen, open_consultation.id, "一条意见内容。", key="once")
    await run_jobs()
    async with state.sessionmaker() as session:
        notices = list(
            await session.scalars(select(Notification).where(Notification.kind == "comment_receipt"))
        )
    assert [n.status for n in notices] == ["sent"]


OFFLINE_DATES = """
mutation($input: OfflineCommentInput!) {
  recordOfflineComment(input: $input) { draftVersionId articleId postmarkedOn receivedOn isLate }
}"""


async def test_offline_dates_must_be_plausible(gql, team, open_consultation, state):
    await set_consultation(state, open_consultation.id, opens_at=utcnow() - timedelta(days=5))
    today = today_in()
    cases = {
        "DATE_IN_FUTURE": {"postmarkedOn": (today + timedelta(days=1)).isoformat()},
        "DATE_BEFORE_OPENING": {"postmarkedOn": (today - timedelta(days=10)).isoformat()},
        "POSTMARK_AFTER_RECEIPT": {
            "postmarkedOn": today.isoformat(),
            "receivedOn": (today - timedelta(days=1)).isoformat(),
        },
    }
    for code, dates in cases.items():
        result = await gql(OFFLINE_DATES, letter(open_consultation.id, **dates), token=team.drafter)
        assert error_code(result) == code
    recorded = ok(await gql(OFFLINE_DATES, letter(open_consultation.id), token=team.drafter))
    assert recorded["recordOfflineComment"]["receivedOn"] == today.isoformat()  # defaults to today


async def test_offline_letter_about_an_earlier_version_stays_pinned_to_it(gql, team, open_consultation):
    first_version_article = open_consultation.articles[2]["id"]
    ok(await gql(IMPORT, {"id": open_consultation.id, "text": VERSION_2_TEXT}, token=team.drafter))
    recorded = ok(
        await gql(
            OFFLINE_DATES, letter(open_consultation.id, articleId=first_version_article), token=team.drafter
        )
    )["recordOfflineComment"]
    versions = ok(
        await gql(
            "query($id: ID!) { consultation(id: $id) { draftVersions { id number } } }",
            {"id": open_consultation.id},
        )
    )["consultation"]["draftVersions"]
    assert recorded["draftVersionId"] == versions[0]["id"]
    assert recorded["articleId"] == first_version_article


async def test_moderation_actions_apply_only_in_their_states_and_leave_a_history(
    gql, people, team, open_consultation
):
    citizen = await people.citizen()
    await submitted(gql, citizen, open_consultation.id, "一条普通的意见。")
    [node] = await staff_comments(gql, team.reviewer, open_consultation.id)

    for action in ("RESTORE", "CLEAR_FLAG"):
        result = await gql(MODERATE, {"id": node["id"], "action": action}, token=team.reviewer)
        assert error_code(result) == "MODERATION_NOT_APPLICABLE"
    ok(await gql(MODERATE, {"id": node["id"], "action": "HIDE", "reason": "含有广告"}, token=team.reviewer))
    again = await gql(MODERATE, {"id": node["id"], "action": "HIDE", "reason": "重复"}, token=team.reviewer)
    assert error_code(again) == "MODERATION_NOT_APPLICABLE"
    ok(
        await gql(
            MODERATE, {"id": node["id"], "action": "RESTORE", "reason": "经复核无广告"}, token=team.reviewer
        )
    )

    query = """
    query($id: ID!) { consultation(id: $id) { comments { edges { node { history { action after } } } } } }"""
    history = ok(
        await gql(
            query,
            {"id": open_consultation.id},
            token=team.reviewer,
        )
    )["consultation"]["comments"]["edges"][0]["node"]["history"]
    assert history == [
        {"action": "comment.restore", "after": {"moderation": "visible", "reason": "经复核无广告"}},
        {"action": "comment.hide", "after": {"moderation": "hidden", "reason": "含有广告"}},
    ]
