"""The comment service called directly: submission, idempotency races, limits, offline records,
moderation, receipt codes, sealing, and the text rules."""

import re
from datetime import date, timedelta
from typing import Any

import pytest
from sqlalchemy import func, select, text, update

from api import audit
from api.accounts.permissions import Principal
from api.db import utcnow
from api.errors import DomainError
from api.outbox import Notification
from api.ratelimit import MemoryRateLimiter, RateLimiter
from consultations import comments
from consultations.comments import CommentLimits, content_hash, normalize_receipt_code
from consultations.deadlines import today_in
from consultations.models import Comment, Consultation, DraftVersion, Status
from consultations.sealing import seal_batch, verify_sealed_comments
from consultations.text_rules import SensitiveWords, clean_text

LIMITS = CommentLimits(min_chars=2, max_chars=50, rate_limit=3, rate_window_seconds=600)
WORDS = SensitiveWords(["# a comment line", "加微信", "Spam", "  "])
RECEIPT = re.compile(r"^CY(-[0-9A-HJKMNP-TV-Z]{4}){4}$")


async def submit(
    state,
    principal: Principal | None,
    consultation_id: int,
    body: str,
    *,
    article_id: int | None = None,
    key: str | None = None,
    limiter: RateLimiter | None = None,
    limits: CommentLimits = LIMITS,
) -> tuple[Comment, bool]:
    """Submit in a transaction of its own, committed on success (as the API does)."""
    async with state.sessionmaker() as session:
        result = await comments.submit_comment(
            session,
            principal=principal,
            consultation_id=consultation_id,
            body=body,
            article_id=article_id,
            idempotency_key=key,
            limiter=limiter or MemoryRateLimiter(),
            limits=limits,
            sensitive_words=WORDS,
        )
        await session.commit()
        return result


async def record_offline(
    state, principal: Principal | None, consultation_id: int, **overrides: Any
) -> Comment:
    arguments: dict[str, Any] = {
        "channel": "letter",
        "body": "来信意见内容。",
        "article_id": None,
        "submitter_name": " 李四 ",
        "submitter_contact": " 某县 ",
        "submitter_type": "individual",
        "postmarked_on": today_in(),
        "received_on": None,
        "idempotency_key": None,
        **overrides,
    }
    async with state.sessionmaker() as session:
        comment, _ = await comments.record_offline_comment(
            session,
            principal=principal,
            consultation_id=consultation_id,
            limits=LIMITS,
            sensitive_words=WORDS,
            **arguments,
        )
        await session.commit()
        return comment


async def close_window(state, cid: int, closing: date) -> None:
    """Move the consultation's window into the past (closed at the end of `closing`, roughly)."""
    async with state.sessionmaker() as session:
        await session.execute(
            update(Consultation)
            .where(Consultation.id == cid)
            .values(
                status=Status.CLOSED,
                opens_at=utcnow() - timedelta(days=60),
                closing_date=closing,
                closes_at=utcnow() - timedelta(days=4),
            )
        )
        await session.commit()


async def comment_count(state) -> int:
    async with state.sessionmaker() as session:
        return await session.scalar(select(func.count(Comment.id))) or 0


async def moderate(
    state, principal: Principal | None, comment_id: int, action: str, reason: str = ""
) -> Comment:
    async with state.sessionmaker() as session:
        comment = await comments.moderate_comment(
            session, principal=principal, comment_id=comment_id, action=action, reason=reason
        )
        await session.commit()
        return comment


async def seal_all(state) -> int:
    async with state.sessionmaker() as session:
        sealed = await seal_batch(session)
        await session.commit()
    return sealed


async def problems(state) -> list[str]:
    async with state.sessionmaker() as session:
        return await verify_sealed_comments(session)


async def code_of(awaitable: Any) -> str:
    with pytest.raises(DomainError) as caught:
        await awaitable
    return caught.value.code


@pytest.fixture
async def citizen(people) -> Principal:
    return await people.principal(await people.citizen())


@pytest.fixture
def cid(open_consultation) -> int:
    return int(open_consultation.id)


# --- submission ----------------------------------------------------------------------------------


async def test_submission_is_pinned_and_hashed(state, citizen, cid, open_consultation):
    article_id = int(open_consultation.articles[1]["id"])
    comment, created = await submit(state, citizen, cid, "  适用范围应当包括城中村。 ", article_id=article_id)
    assert created is True
    assert RECEIPT.match(comment.receipt_code)
    async with state.sessionmaker() as session:
        row = await session.get_one(Comment, comment.id)
        consultation = await session.get_one(Consultation, cid)
    assert (row.body, row.article_id, row.draft_version_id) == (
        "适用范围应当包括城中村。",
        article_id,
        consultation.current_version_id,
    )
    assert (row.author_id, row.channel, row.submitter_type, row.moderation) == (
        citizen.user_id,
        "online",
        "individual",
        "visible",
    )
    assert row.content_hash == content_hash(row)
    assert row.idempotency_key is None


async def test_replay_returns_the_first_comment_and_is_not_rate_limited(state, citizen, cid):
    limiter = MemoryRateLimiter()
    first, _ = await submit(state, citizen, cid, "一条意见。", key="abc", limiter=limiter)
    for _ in range(LIMITS.rate_limit + 2):
        again, created = await submit(state, citizen, cid, " 一条意见。 ", key=" abc ", limiter=limiter)
        assert (again.id, again.receipt_code, created) == (first.id, first.receipt_code, False)
    assert await limiter.peek(f"comment:{citizen.user_id}") == 1
    assert await comment_count(state) == 1


async def test_replay_over_the_limit_still_gets_its_comment_back(state, citizen, cid):
    limiter = MemoryRateLimiter()
    first, _ = await submit(state, citizen, cid, "第一条意见。", key="first", limiter=limiter)
    for n in range(1, LIMITS.rate_limit):
        await submit(state, citizen, cid, f"第{n}条另外的意见。", limiter=limiter)
    over = submit(state, citizen, cid, "超出的意见。", key="over", limiter=limiter)
    assert await code_of(over) == "COMMENT_RATE_LIMITED"
    again, created = await submit(state, citizen, cid, "第一条意见。", key="first", limiter=limiter)
    assert (again.id, created) == (first.id, False)
    assert await limiter.peek(f"comment:{citizen.user_id}") == LIMITS.rate_limit + 1  # the refused one


async def test_key_reused_for_another_article_is_rejected(state, citizen, cid, open_consultation):
    await submit(state, citizen, cid, "一条意见。", key="abc")
    other_article = int(open_consultation.articles[0]["id"])
    reused = submit(state, citizen, cid, "一条意见。", key="abc", article_id=other_article)
    assert await code_of(reused) == "IDEMPOTENCY_KEY_REUSED"
    assert await comment_count(state) == 1


async def test_keys_are_scoped_to_the_citizen(state, people, cid):
    first = await people.principal(await people.citizen("13800000001"))
    second = await people.principal(await people.citizen("13800000002"))
    one, _ = await submit(state, first, cid, "一条意见。", key="abc")
    two, created = await submit(state, second, cid, "一条意见。", key="abc")
    assert created is True
    assert (one.idempotency_key, two.idempotency_key) == (f"{first.user_id}:abc", f"{second.user_id}:abc")


async def test_blank_key_means_no_key(state, citizen, cid):
    await submit(state, citizen, cid, "一条意见。", key="   ")
    _, created = await submit(state, citizen, cid, "一条意见。", key="")
    assert created is True
    assert await comment_count(state) == 2


async def test_key_with_invisible_characters_is_invalid(state, citizen, cid):
    for key in ["k" * 65, "key\x00", "key\ud800", "key\u202e"]:
        assert (
            await code_of(submit(state, citizen, cid, "一条意见。", key=key)) == "IDEMPOTENCY_KEY_INVALID"
        ), key
    assert await comment_count(state) == 0


async def test_the_unique_index_decides_a_race_between_retries(state, citizen, cid):
    winner, _ = await submit(state, citizen, cid, "并发提交的意见。", key="race")
    # A retry that got past every check concurrently with the winner: its insert finds the key taken.
    async with state.sessionmaker() as session:
        loser = await session.get_one(Comment, winner.id)
        session.expunge(loser)
        loser.receipt_code = comments.new_receipt_code()
        assert await comments._insert_comment(session, loser, "13800000001") is None
        await session.commit()
    assert await comment_count(state) == 1
    async with state.sessionmaker() as session:  # and the loser's receipt notification was not written
        receipts = select(func.count(Notification.id)).where(Notification.kind == "comment_receipt")
        assert await session.scalar(receipts) == 1


async def test_rate_limit_counts_per_citizen_within_the_window(state, people, cid):
    busy = await people.principal(await people.citizen("13800000001"))
    other = await people.principal(await people.citizen("13800000002"))
    limiter = MemoryRateLimiter()
    for n in range(LIMITS.rate_limit):
        await submit(state, busy, cid, f"第{n}条意见。", limiter=limiter)
    over = submit(state, busy, cid, "超出的意见。", limiter=limiter)
    assert await code_of(over) == "COMMENT_RATE_LIMITED"
    _, created = await submit(state, other, cid, "别人的意见。", limiter=limiter)
    assert created is True
    assert await comment_count(state) == LIMITS.rate_limit + 1


async def test_rejected_input_does_not_use_up_the_rate_limit(state, citizen, cid):
    limiter = MemoryRateLimiter()
    assert await code_of(submit(state, citizen, cid, "x", limiter=limiter)) == "TEXT_TOO_SHORT"
    assert await code_of(submit(state, citizen, cid, "意见" * 40, limiter=limiter)) == "TEXT_TOO_LONG"
    assert await code_of(submit(state, citizen, cid, "意见", article_id=999_999, limiter=limiter)) == (
        "ARTICLE_NOT_IN_DRAFT"
    )
    assert await limiter.peek(f"comment:{citizen.user_id}") == 0


async def test_flagged_terms_are_found_case_insensitively(state, citizen, cid):
    comment, _ = await submit(state, citizen, cid, "SPAM 广告，加微信领取")
    assert (comment.moderation, comment.flagged_terms) == ("flagged", ["Spam", "加微信"])


async def test_no_principal_staff_and_unverified_are_refused(state, people, team, cid):
    staff = await people.principal(team.drafter)
    unverified = await people.principal(await people.citizen("13800000005", verified=False))
    assert await code_of(submit(state, None, cid, "一条意见。")) == "UNAUTHENTICATED"
    assert await code_of(submit(state, staff, cid, "一条意见。")) == "FORBIDDEN"
    assert await code_of(submit(state, unverified, cid, "一条意见。")) == "CONTACT_NOT_VERIFIED"
    assert await comment_count(state) == 0


async def test_window_not_yet_open_and_withdrawn(state, citizen, cid):
    async with state.sessionmaker() as session:
        consultation = await session.get_one(Consultation, cid)
        consultation.opens_at = consultation.closes_at - timedelta(seconds=1)
        await session.commit()
    assert await code_of(submit(state, citizen, cid, "一条意见。")) == "COMMENT_WINDOW_NOT_OPEN"
    async with state.sessionmaker() as session:
        await session.execute(
            update(Consultation).where(Consultation.id == cid).values(status=Status.WITHDRAWN)
        )
        await session.commit()
    assert await code_of(submit(state, citizen, cid, "一条意见。")) == "CONSULTATION_NOT_FOUND"
    assert await comment_count(state) == 0


async def test_closed_consultation_refuses_new_comments_but_answers_replays(state, citizen, cid):
    first, _ = await submit(state, citizen, cid, "截止前的意见。", key="before-close")
    async with state.sessionmaker() as session:
        await session.execute(update(Consultation).where(Consultation.id == cid).values(status=Status.CLOSED))
        await session.commit()
    assert await code_of(submit(state, citizen, cid, "截止后的意见。")) == "COMMENT_WINDOW_CLOSED"
    replay, created = await submit(state, citizen, cid, "截止前的意见。", key="before-close")
    assert (replay.receipt_code, created) == (first.receipt_code, False)


async def test_old_version_article_is_refused_after_a_new_import(state, citizen, cid, open_consultation):
    v1_article = int(open_consultation.articles[0]["id"])
    pinned, _ = await submit(state, citizen, cid, "对旧版的意见。", article_id=v1_article)
    async with state.sessionmaker() as session:
        consultation = await session.get_one(Consultation, cid)
        v1 = consultation.current_version_id
        v2 = DraftVersion(consultation_id=cid, number=2, structure="articles", source="text")
        session.add(v2)
        await session.flush()
        consultation.current_version_id = v2.id
        await session.commit()
    assert await code_of(submit(state, citizen, cid, "对旧版的意见。", article_id=v1_article)) == (
        "ARTICLE_NOT_IN_DRAFT"
    )
    async with state.sessionmaker() as session:
        row = await session.get_one(Comment, pinned.id)
    assert (row.draft_version_id, row.article_id) == (v1, v1_article)


# --- offline comments ----------------------------------------------------------------------------


async def test_offline_letter_is_recorded_and_audited(state, people, team, cid):
    drafter = await people.principal(team.drafter)
    comment = await record_offline(state, drafter, cid)
    assert (comment.channel, comment.author_id, comment.recorded_by) == ("letter", None, drafter.user_id)
    assert (comment.submitter_name, comment.submitter_contact, comment.is_late) == ("李四", "某县", False)
    assert comment.content_hash == content_hash(comment)
    async with state.sessionmaker() as session:
        [event] = await audit.events_for(session, subject_type="comment", subject_id=comment.id)
    assert event.action == "comment.offline_recorded"
    assert event.after == {
        "consultation_id": cid,
        "channel": "letter",
        "late": False,
        "postmarked_on": today_in().isoformat(),
        "received_on": today_in().isoformat(),
        "receipt_code": comment.receipt_code,
    }


async def test_offline_lateness_follows_postmark_or_receipt_date(state, people, team, cid):
    drafter = await people.principal(team.drafter)
    closing = today_in() - timedelta(days=5)
    await close_window(state, cid, closing)
    on_closing_day = await record_offline(state, drafter, cid, postmarked_on=closing)
    day_after = await record_offline(state, drafter, cid, postmarked_on=closing + timedelta(days=1))
    email_late = await record_offline(
        state, drafter, cid, channel="email", postmarked_on=None, received_on=closing + timedelta(days=2)
    )
    email_on_time = await record_offline(
        state, drafter, cid, channel="email", postmarked_on=None, received_on=closing
    )
    assert [c.is_late for c in (on_closing_day, day_after, email_late, email_on_time)] == [
        False,
        True,
        True,
        False,
    ]


async def test_undated_offline_comment_is_late_only_when_recorded_after_the_window(state, people, team, cid):
    drafter = await people.principal(team.drafter)
    during = await record_offline(state, drafter, cid, channel="phone", postmarked_on=None)
    await close_window(state, cid, today_in() - timedelta(days=5))
    after = await record_offline(state, drafter, cid, channel="phone", postmarked_on=None)
    assert (during.is_late, after.is_late) == (False, True)


async def test_offline_refusals(state, people, team, cid):
    drafter = await people.principal(team.drafter)
    organizer = await people.principal(await people.staff("organizer", ["organizer"]))
    citizen = await people.principal(await people.citizen())
    assert await code_of(record_offline(state, drafter, cid, postmarked_on=None)) == "POSTMARK_REQUIRED"
    assert await code_of(record_offline(state, drafter, cid, channel="online")) == "CHANNEL_INVALID"
    assert (
        await code_of(record_offline(state, drafter, cid, submitter_type="alien")) == "SUBMITTER_TYPE_INVALID"
    )
    assert await code_of(record_offline(state, drafter, 999_999)) == "CONSULTATION_NOT_FOUND"
    assert await code_of(record_offline(state, organizer, cid)) == "FORBIDDEN"
    assert await code_of(record_offline(state, citizen, cid)) == "FORBIDDEN"
    assert await code_of(record_offline(state, None, cid)) == "UNAUTHENTICATED"
    assert await code_of(record_offline(state, drafter, cid, submitter_contact="a\ud800")) == (
        "TEXT_INVALID_UNICODE"
    )
    assert await comment_count(state) == 0


async def test_offline_comment_for_an_unpublished_consultation_is_refused(state, people, team, cid):
    drafter = await people.principal(team.drafter)
    async with state.sessionmaker() as session:
        await session.execute(update(Consultation).where(Consultation.id == cid).values(status=Status.DRAFT))
        await session.commit()
    assert await code_of(record_offline(state, drafter, cid)) == "INVALID_TRANSITION"


# --- moderation ----------------------------------------------------------------------------------


async def test_moderation_keeps_the_text_and_audits_each_change(state, people, team, citizen, cid):
    reviewer = await people.principal(team.reviewer)
    comment, _ = await submit(state, citizen, cid, "需要处理的意见。")
    await moderate(state, reviewer, comment.id, "hide", "  含有个人隐私  ")
    await moderate(state, reviewer, comment.id, "restore")
    async with state.sessionmaker() as session:
        row = await session.get_one(Comment, comment.id)
        events = await audit.events_for(session, subject_type="comment", subject_id=comment.id)
    assert (row.moderation, row.moderation_reason, row.body) == ("visible", "", "需要处理的意见。")
    assert [(e.action, e.before, e.after) for e in reversed(events)] == [
        (
            "comment.hide",
            {"moderation": "visible", "reason": ""},
            {"moderation": "hidden", "reason": "含有个人隐私"},
        ),
        (
            "comment.restore",
            {"moderation": "hidden", "reason": "含有个人隐私"},
            {"moderation": "visible", "reason": ""},
        ),
    ]
    assert [e.actor_id for e in events] == [reviewer.user_id, reviewer.user_id]


async def test_moderation_refusals(state, people, team, citizen, cid):
    reviewer = await people.principal(team.reviewer)
    approver = await people.principal(team.approver)
    comment, _ = await submit(state, citizen, cid, "一条意见。")
    assert await code_of(moderate(state, reviewer, comment.id, "hide", "x")) == "MODERATION_REASON_REQUIRED"
    assert (
        await code_of(moderate(state, reviewer, comment.id, "delete", "不需要"))
        == "MODERATION_ACTION_INVALID"
    )
    assert await code_of(moderate(state, reviewer, 999_999, "hide", "理由充分")) == "COMMENT_NOT_FOUND"
    assert await code_of(moderate(state, approver, comment.id, "hide", "理由充分")) == "FORBIDDEN"
    assert await code_of(moderate(state, citizen, comment.id, "hide", "理由充分")) == "FORBIDDEN"
    assert (
        await code_of(moderate(state, reviewer, comment.id, "hide", "理由\ud800")) == "TEXT_INVALID_UNICODE"
    )
    async with state.sessionmaker() as session:
        assert (await session.get_one(Comment, comment.id)).moderation == "visible"
        assert await audit.events_for(session, subject_type="comment", subject_id=comment.id) == []


# --- receipt codes -------------------------------------------------------------------------------


def test_new_receipt_codes_are_well_formed_and_distinct():
    codes = {comments.new_receipt_code() for _ in range(1000)}
    assert len(codes) == 1000
    assert all(RECEIPT.match(code) for code in codes)


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("CY-7K3M-9QXD-2HFA-88ZP", "CY-7K3M-9QXD-2HFA-88ZP"),
        ("cy7k3m9qxd2hfa88zp", "CY-7K3M-9QXD-2HFA-88ZP"),
        (" cy 7k3m 9qxd 2hfa 88zp ", "CY-7K3M-9QXD-2HFA-88ZP"),
        ("7K3M-9QXD-2HFA-88ZP", "CY-7K3M-9QXD-2HFA-88ZP"),
        ("CY-7K3M-9QXD-2HFA-88ZO", "CY-7K3M-9QXD-2HFA-88Z0"),  # O typed for 0
        ("CY-1111-ilIL-0000-oOoO", "CY-1111-1111-0000-0000"),
        ("CYAB-0000-0000-0000", "CY-CYAB-0000-0000-0000"),  # a code starting with CY, typed without prefix
        ("CY-CYAB-0000-0000-0000", "CY-CYAB-0000-0000-0000"),
        ("CY-7K3M-9QXD-2HFA-88Z", ""),
        ("CY-7K3M-9QXD-2HFA-88ZPP", ""),
        ("CY-UUUU-9QXD-2HFA-88ZP", ""),  # U is not in the alphabet
        ("CY-7K3M-9QXD-2HFA-88Z\ud800", ""),
        ("CY-7K3M-9QXD-2HFA-88Z中", ""),
        ("", ""),
    ],
)
def test_normalize_receipt_code(typed, expected):
    assert normalize_receipt_code(typed) == expected


async def test_get_by_receipt(state, citizen, cid):
    comment, _ = await submit(state, citizen, cid, "一条意见。")
    async with state.sessionmaker() as session:
        for typed in [comment.receipt_code, comment.receipt_code.lower().replace("-", "")]:
            assert (await comments.get_by_receipt(session, code=typed)).id == comment.id
        assert await comments.get_by_receipt(session, code="CY-0000-0000-0000-0000") is None
        assert await comments.get_by_receipt(session, code="nonsense") is None


# --- sealing -------------------------------------------------------------------------------------


async def test_sealing_covers_new_comments_once(state, people, team, citizen, cid):
    drafter = await people.principal(team.drafter)
    await submit(state, citizen, cid, "网上意见。")
    await record_offline(state, drafter, cid)
    assert await seal_all(state) == 2
    assert await seal_all(state) == 0
    await submit(state, citizen, cid, "又一条网上意见。")
    assert await seal_all(state) == 1
    assert await problems(state) == []
    async with state.sessionmaker() as session:
        assert (await audit.verify_chain(session)).problems == []
        seals = list(
            await session.scalars(
                select(audit.AuditEvent).where(audit.AuditEvent.action == "comments.sealed")
            )
        )
    assert [len(event.after["comments"]) for event in seals] == [2, 1]


async def test_sealed_comment_changed_or_removed_is_reported(state, citizen, cid):
    first, _ = await submit(state, citizen, cid, "第一条意见。")
    second, _ = await submit(state, citizen, cid, "第二条意见。")
    third, _ = await submit(state, citizen, cid, "第三条意见。")
    assert await seal_all(state) == 3
    async with state.sessionmaker() as session:
        await session.execute(
            text("UPDATE comments SET body = '改过的意见。' WHERE id = :id"), {"id": first.id}
        )
        await session.execute(text("DELETE FROM comments WHERE id = :id"), {"id": third.id})
        await session.commit()
    assert await problems(state) == [
        f"comment {first.id}: content differs from what was sealed",
        f"comment {third.id}: sealed but no longer in the database",
    ]
    async with state.sessionmaker() as session:
        assert (await session.get_one(Comment, second.id)).body == "第二条意见。"


async def test_comment_marked_sealed_without_a_seal_is_reported(state, citizen, cid):
    comment, _ = await submit(state, citizen, cid, "一条意见。")
    async with state.sessionmaker() as session:
        await session.execute(update(Comment).where(Comment.id == comment.id).values(sealed_at=utcnow()))
        await session.commit()
    assert await problems(state) == [f"comment {comment.id}: marked sealed but no seal names it"]


# --- text rules ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "cleaned"),
    [
        ("  意见  ", "意见"),
        ("第一行\r\n第二行\r第三行", "第一行\n第二行\n第三行"),
        ("带\t制表符", "带\t制表符"),
        ("emoji 👍 与 零宽\u200b字符", "emoji 👍 与 零宽\u200b字符"),
    ],
)
def test_clean_text_keeps_ordinary_text(raw, cleaned):
    assert clean_text(raw, min_chars=2, max_chars=50) == cleaned


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        ("", "TEXT_TOO_SHORT"),
        (" \n ", "TEXT_TOO_SHORT"),
        ("意", "TEXT_TOO_SHORT"),
        ("意" * 51, "TEXT_TOO_LONG"),
        ("意见\x00", "TEXT_CONTROL_CHARACTER"),
        ("意见\x7f内容", "TEXT_CONTROL_CHARACTER"),
        ("意见\u202e内容", "TEXT_CONTROL_CHARACTER"),
        ("意见\u2069内容", "TEXT_CONTROL_CHARACTER"),
        ("意见\ud800内容", "TEXT_INVALID_UNICODE"),
        ("意见\ufffe内容", "TEXT_INVALID_UNICODE"),
        ("意见\ufdd0内容", "TEXT_INVALID_UNICODE"),
    ],
)
def test_clean_text_refuses(raw, code):
    with pytest.raises(DomainError) as caught:
        clean_text(raw, min_chars=2, max_chars=50)
    assert caught.value.code == code


def test_length_is_counted_after_trimming():
    assert clean_text("  " + "意" * 50 + "\n\n", min_chars=2, max_chars=50) == "意" * 50


def test_sensitive_words_ignore_comments_and_blanks():
    assert WORDS.find("没有问题的意见") == []
    assert WORDS.find("加微信加微信") == ["加微信"]
    assert SensitiveWords([]).find("加微信") == []
