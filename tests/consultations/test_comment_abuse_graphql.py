"""Comment submission abuse limits through GraphQL: per citizen and per client address (across accounts)
in one limiter call, the window's end, bursts flagged for moderation (never dropped), and a Redis outage
(let through). Runs with the memory limiter (SQLite) and the real Redis limiter (PostgreSQL mode)."""

import asyncio
from typing import Any

import pytest
from sqlalchemy import select

from api.ratelimit import RedisRateLimiter
from consultations.models import Comment
from tests import addresses
from tests.addresses import Unreachable
from tests.conftest import GraphQL, error_code
from tests.consultations.conftest import SUBMIT_COMMENT, ok

FLAGGED_QUEUE = """
query($id: ID!) {
  consultation(id: $id) {
    comments(moderation: FLAGGED) { totalCount edges { node { receiptCode moderation moderationReason } } }
  }
}"""
OFFICE, HOME = "198.51.100.20", "203.0.113.9"
gql_from = addresses.gql_from  # the fixture


async def citizens(people, count: int, start: int = 1) -> list[str]:
    return [await people.citizen(f"1380000{n:04d}") for n in range(start, start + count)]


async def submit(gql: GraphQL, token: str, cid: str, body: str) -> dict[str, Any]:
    return await gql(SUBMIT_COMMENT, {"id": cid, "body": body}, token=token)


def limits(monkeypatch: pytest.MonkeyPatch, state, **values: int) -> None:
    for name, value in values.items():
        monkeypatch.setattr(state.settings, name, value)


async def stored(state) -> list[Comment]:
    async with state.sessionmaker() as session:
        return list(await session.scalars(select(Comment).order_by(Comment.id)))


async def test_one_address_is_limited_across_accounts(
    gql_from, people, open_consultation, state, monkeypatch
):
    limits(monkeypatch, state, comment_ip_rate_limit=3)
    tokens = await citizens(people, 5)
    office = gql_from(OFFICE)
    for n, token in enumerate(tokens[:3]):
        ok(await submit(office, token, open_consultation.id, f"办公室里第{n}位同事的意见。"))
    refused = await submit(office, tokens[3], open_consultation.id, "第四位同事的意见。")
    assert error_code(refused) == "COMMENT_RATE_LIMITED"
    extensions = refused["errors"][0]["extensions"]
    assert extensions["scope"] == "address" and extensions["retryable"] is True
    assert 0 < extensions["retryAfter"] <= state.settings.comment_rate_window_seconds
    assert "该网络地址" in refused["errors"][0]["message"] and "后再试" in refused["errors"][0]["message"]
    # Another address is not affected, nor is the refused citizen elsewhere.
    ok(await submit(gql_from(HOME), tokens[3], open_consultation.id, "在家里提交的意见。"))
    ok(await submit(gql_from(HOME), tokens[4], open_consultation.id, "另一位市民的意见。"))
    assert len(await stored(state)) == 5


async def test_the_citizen_limit_still_holds_across_addresses(
    gql_from, people, open_consultation, state, monkeypatch
):
    limits(monkeypatch, state, comment_rate_limit=2)
    (token,) = await citizens(people, 1)
    for n, address in enumerate(["192.0.2.1", "192.0.2.2"]):
        ok(await submit(gql_from(address), token, open_consultation.id, f"第{n}条意见。"))
    refused = await submit(gql_from("192.0.2.3"), token, open_consultation.id, "第三条意见。")
    assert error_code(refused) == "COMMENT_RATE_LIMITED"
    assert refused["errors"][0]["extensions"]["scope"] == "account"
    assert "分钟" in refused["errors"][0]["message"]


async def test_the_address_may_comment_again_after_the_window(
    gql_from, people, open_consultation, state, monkeypatch
):
    limits(monkeypatch, state, comment_ip_rate_limit=2, comment_rate_window_seconds=1)
    tokens = await citizens(people, 3)
    office = gql_from(OFFICE)
    for token in tokens[:2]:
        ok(await submit(office, token, open_consultation.id, "窗口内的意见。"))
    assert error_code(await submit(office, tokens[2], open_consultation.id, "超出的意见。")) == (
        "COMMENT_RATE_LIMITED"
    )
    await asyncio.sleep(1.3)  # the 1-second window has ended (Redis expires the key; memory compares clocks)
    ok(await submit(office, tokens[2], open_consultation.id, "新窗口里的意见。"))


async def test_a_burst_is_stored_and_flagged_for_moderation(
    gql, gql_from, people, team, open_consultation, state, monkeypatch
):
    limits(monkeypatch, state, comment_burst_threshold=2)
    tokens = await citizens(people, 4)
    office = gql_from(OFFICE)
    receipts = [
        ok(await submit(office, token, open_consultation.id, f"同一地址的第{n}条意见。"))["submitComment"]
        for n, token in enumerate(tokens[:3])
    ]
    ok(await submit(gql_from(HOME), tokens[3], open_consultation.id, "另一个地址的意见。"))
    rows = await stored(state)
    assert len(rows) == 4  # nothing dropped
    assert [r.moderation for r in rows] == ["visible", "visible", "flagged", "visible"]
    assert rows[2].flagged_terms == []  # not the sensitive-word list: the burst
    queue = ok(await gql(FLAGGED_QUEUE, {"id": open_consultation.id}, token=team.reviewer))
    flagged = queue["consultation"]["comments"]
    assert flagged["totalCount"] == 1
    node = flagged["edges"][0]["node"]
    assert node["receiptCode"] == receipts[2]["receiptCode"]
    assert "疑似批量提交" in node["moderationReason"] and "60 秒" in node["moderationReason"]
    # A moderator clears it like any flagged comment.
    cleared = await gql(
        "mutation($id: ID!) { moderateComment(commentId: $id, action: CLEAR_FLAG, "
        'reason: "核实为同一单位职工") { moderation } }',
        {"id": str(rows[2].id)},
        token=team.reviewer,
    )
    assert ok(cleared)["moderateComment"]["moderation"] == "VISIBLE"


async def test_every_counter_of_a_submission_is_one_limiter_call(
    gql_from, people, open_consultation, state, monkeypatch
):
    (token,) = await citizens(people, 1)
    calls: list[list[str]] = []
    hit_many = state.limiter.hit_many

    async def counting(windows):
        calls.append([key.split(":", 1)[0] for key, _ in windows])
        return await hit_many(windows)

    monkeypatch.setattr(state.limiter, "hit_many", counting)
    ok(await submit(gql_from(OFFICE), token, open_consultation.id, "一条意见。"))
    assert calls == [["comment", "comment-ip", "comment-burst"]]


async def test_redis_down_lets_comments_through_unflagged(
    gql_from, people, open_consultation, state, monkeypatch
):
    limits(monkeypatch, state, comment_ip_rate_limit=1, comment_rate_limit=1, comment_burst_threshold=1)
    down = RedisRateLimiter(Unreachable.url)
    monkeypatch.setattr(state, "limiter", down)
    try:
        tokens = await citizens(people, 3)
        office = gql_from(OFFICE)
        for n, token in enumerate(tokens):
            for m in range(2):
                ok(await submit(office, token, open_consultation.id, f"第{n}位市民的第{m}条意见。"))
    finally:
        await down.close()
    rows = await stored(state)
    assert len(rows) == 6 and {r.moderation for r in rows} == {"visible"}
