"""The 听证笔录 and the 听证报告 through GraphQL: speakers' statements become comments (channel hearing) on
the linked consultation, nothing is recorded twice, sign-off, and the report that says how each view
was handled (rules C4, D1)."""

from dataclasses import dataclass
from typing import Any

import pytest
from sqlalchemy import func, select

from api.context import AppState
from consultations.models import Channel, Comment, Consultation
from tests.conftest import GraphQL, People, error_code
from tests.consultations.conftest import PUBLISH, Team, reviewed_consultation
from tests.hearings.conftest import Organizers, ok, published_hearing
from tests.hearings.test_attendance_graphql import (
    OPEN,
    add_selected,
    audit_actions,
    deliver_materials_days_before,
    hearing_in_session,
    make_today,
)
from tests.hearings.test_observers_graphql import RESPOND, invite, token_of

RECORD = """
mutation($input: RecordMinutesInput!) {
  recordMinutes(input: $input) {
    id status
    minutes {
      summary signedOffEntries unsignedEntries
      entries {
        id position stage stageLabel speakerName speakerCategory speakerCategoryLabel registrationId
        invitationId articleId mainPoints reasons signedOffAt commentId commentReceiptCode
      }
    }
  }
}"""
MINUTES = """
query($id: ID!) {
  hearing(id: $id) { status minutes { summary signedOffEntries unsignedEntries entries { id commentId } } }
}"""
SIGN_OFF = """
mutation($id: ID!, $ids: [ID!]!) {
  signOffMinutes(hearingId: $id, entryIds: $ids) { minutes { signedOffEntries unsignedEntries } }
}"""
PUBLISH_REPORT = """
mutation($input: PublishHearingReportInput!) { publishHearingReport(input: $input) { id status } }"""
REPORT_FIELDS = """
  publishedAt heldOn summary selectionMethod
  attendance { participantsPresent observersPresent }
  views {
    position stageLabel speaker categoryLabel articleLabel mainPoints reasons outcome outcomeLabel handling
  }
"""
REPORT = f"query($id: ID!) {{ hearingReport(hearingId: $id) {{ {REPORT_FIELDS} }} }}"
HEARING_REPORT = f"query($id: ID!) {{ hearing(id: $id) {{ status report {{ {REPORT_FIELDS} }} }} }}"


@dataclass
class Staff:
    team: Team
    organizers: Organizers


async def make_staff(people: People) -> Staff:
    """One unit with a decision team and an organizer (the consultation and its hearing share it)."""
    unit_id = await people.unit("prov")
    drafter = await people.staff("drafter", ["drafter"])
    team = Team(
        unit_id=unit_id,
        drafter=drafter,
        approver=await people.staff("approver", ["approver"]),
        reviewer=await people.staff("reviewer", ["reviewer"]),
    )
    return Staff(team, Organizers(unit_id, await people.staff("organizer", ["organizer"]), drafter))


@pytest.fixture
async def staff(people: People) -> Staff:
    return await make_staff(people)


async def open_consultation(gql: GraphQL, team: Team) -> tuple[str, list[dict[str, Any]]]:
    cid, articles = await reviewed_consultation(gql, team)
    ok(await gql(PUBLISH, {"id": cid}, token=team.drafter))
    return cid, articles


async def hearing_comments(state: AppState, consultation_id: str) -> list[Comment]:
    async with state.sessionmaker() as session:
        return list(
            await session.scalars(
                select(Comment)
                .where(Comment.consultation_id == int(consultation_id), Comment.channel == Channel.HEARING)
                .order_by(Comment.id)
            )
        )


async def review_revision(state: AppState, consultation_id: str) -> int:
    async with state.sessionmaker() as session:
        return (await session.get_one(Consultation, int(consultation_id))).review_revision


@dataclass
class Held:
    hearing_id: str
    consultation_id: str
    articles: list[dict[str, Any]]
    registration: int
    named: int
    invitation: str


async def speakers_ready(gql: GraphQL, state: AppState, people: People, staff: Staff) -> Held:
    """An open consultation, and its 听证会 in session with two selected participants and an observer."""
    cid, articles = await open_consultation(gql, staff.team)
    hearing_id = await published_hearing(gql, staff.organizers, consultationId=cid, observersInvited=True)
    invited = await invite(gql, staff.organizers, hearing_id, name="周专家", category="EXPERT")
    ok(await gql(RESPOND, {"token": token_of(invited["link"]), "accept": True}))
    registration = await add_selected(state, people, hearing_id, name="张三", contact="13900000051")
    named = await add_selected(
        state, people, hearing_id, category="public", name="李四", contact="13900000052", consent=True
    )
    await make_today(state, hearing_id)
    await deliver_materials_days_before(state, hearing_id, 8)
    ok(await gql(OPEN, {"id": hearing_id}, token=staff.organizers.organizer))
    return Held(hearing_id, cid, articles, registration, named, invited["id"])


def entries(held: Held) -> list[dict[str, Any]]:
    third = held.articles[2]["id"]
    return [
        {
            "stage": "STATEMENT",
            "registrationId": str(held.registration),
            "mainPoints": "宅基地面积标准偏低，应按家庭人口分档，联系电话13912345678",
            "reasons": "多代同堂家庭住房困难",
            "articleId": third,
        },
        {
            "stage": "QUESTION",
            "invitationId": held.invitation,
            "mainPoints": "分户条件中的“确需分户”如何认定？",
        },
        {
            "stage": "DEBATE",
            "speakerName": "市自然资源局 刘处长",
            "speakerCategory": "DRAFTING_UNIT",
            "mainPoints": "面积标准依据省级规定确定，分户认定将另行制定细则。",
        },
        {
            "stage": "DEBATE",
            "registrationId": str(held.named),
            "mainPoints": "建议施行日期推迟半年",
            "reasons": "给基层留出准备时间",
            "signedOff": True,
        },
    ]


async def test_speakers_statements_become_comments_once(
    gql: GraphQL, state: AppState, people: People, staff: Staff
) -> None:
    held = await speakers_ready(gql, state, people, staff)
    organizer = staff.organizers.organizer
    revision = await review_revision(state, held.consultation_id)
    first = {
        "hearingId": held.hearing_id,
        "expectedEntries": 0,
        "entries": entries(held),
        "summary": "听证会按议程进行",
    }
    assert error_code(await gql(RECORD, {"input": first}, token=staff.team.drafter)) == "FORBIDDEN"
    recorded = ok(await gql(RECORD, {"input": first}, token=organizer))["recordMinutes"]
    assert recorded["status"] == "HELD"
    minutes = recorded["minutes"]
    assert (minutes["summary"], minutes["signedOffEntries"], minutes["unsignedEntries"]) == (
        "听证会按议程进行",
        1,
        3,
    )
    rows = minutes["entries"]
    assert [e["position"] for e in rows] == [1, 2, 3, 4]
    assert [(e["speakerName"], e["speakerCategoryLabel"], e["stageLabel"]) for e in rows] == [
        ("张三", "利害关系人", "陈述"),
        ("周专家", "专家", "提问"),
        ("市自然资源局 刘处长", "起草单位", "质证辩论"),
        ("李四", "普通公众", "质证辩论"),
    ]
    # Every view became a comment on the consultation; the drafting unit's answer did not.
    assert [bool(e["commentId"]) for e in rows] == [True, True, False, True]
    comments = await hearing_comments(state, held.consultation_id)
    assert [c.id for c in comments] == [int(e["commentId"]) for e in rows if e["commentId"]]
    assert (
        comments[0].body
        == "宅基地面积标准偏低，应按家庭人口分档，联系电话13912345678\n理由：多代同堂家庭住房困难"
    )
    assert comments[0].article_id == int(held.articles[2]["id"]) and comments[0].submitter_name == "张三"
    assert rows[0]["commentReceiptCode"] == comments[0].receipt_code
    assert await review_revision(state, held.consultation_id) > revision

    # A retry of the same call (the answer was lost) records nothing twice.
    retry = await gql(RECORD, {"input": first}, token=organizer)
    assert error_code(retry) == "MINUTES_CHANGED"
    assert retry["errors"][0]["extensions"]["storedEntries"] == 4
    assert len(await hearing_comments(state, held.consultation_id)) == 3
    more = {
        "hearingId": held.hearing_id,
        "expectedEntries": 4,
        "entries": [
            {"stage": "STATEMENT", "registrationId": str(held.registration), "mainPoints": "补充：更正第1条"}
        ],
    }
    appended = ok(await gql(RECORD, {"input": more}, token=organizer))["recordMinutes"]["minutes"]
    assert [e["position"] for e in appended["entries"]] == [1, 2, 3, 4, 5]
    assert appended["summary"] == "听证会按议程进行"  # an empty summary keeps the earlier one
    assert len(await hearing_comments(state, held.consultation_id)) == 4

    signed = ok(
        await gql(SIGN_OFF, {"id": held.hearing_id, "ids": [rows[0]["id"], rows[3]["id"]]}, token=organizer)
    )
    assert signed["signOffMinutes"]["minutes"] == {"signedOffEntries": 2, "unsignedEntries": 3}
    unknown = await gql(SIGN_OFF, {"id": held.hearing_id, "ids": ["999999"]}, token=organizer)
    assert error_code(unknown) == "MINUTES_ENTRY_NOT_FOUND"
    actions = await audit_actions(state, held.hearing_id)
    assert actions.count("hearing.minutes_recorded") == 2 and actions.count("hearing.minutes_signed_off") == 1

    # The minutes are internal: staff of the unit read them, the public does not.
    assert ok(await gql(MINUTES, {"id": held.hearing_id}, token=staff.team.reviewer))["hearing"]["minutes"]
    public = await gql(MINUTES, {"id": held.hearing_id})
    assert error_code(public) == "UNAUTHENTICATED" and public["data"]["hearing"]["minutes"] is None


async def test_bad_entries_are_refused_and_change_nothing(
    gql: GraphQL, state: AppState, people: People, staff: Staff
) -> None:
    held = await speakers_ready(gql, state, people, staff)
    waitlisted = await add_selected(
        state, people, held.hearing_id, contact="13900000053", status="waitlisted"
    )
    other = await hearing_in_session(gql, state, staff.organizers, title="另一场听证会")
    elsewhere = await add_selected(state, people, other, contact="13900000054")
    good = entries(held)[0]
    cases: dict[str, dict[str, Any]] = {
        "SPEAKER_INVALID": {"registrationId": str(waitlisted)},
        "SPEAKER_CATEGORY_INVALID": {"registrationId": None, "speakerName": "某人"},
        "ARTICLE_NOT_IN_DRAFT": {"articleId": "999999"},
        "TEXT_TOO_SHORT": {"mainPoints": " "},
        "TEXT_TOO_LONG": {"mainPoints": "很" * 4000, "reasons": "长" * 1500},
    }
    for code, overrides in cases.items():
        bad = {**good, **overrides}
        variables = {"input": {"hearingId": held.hearing_id, "expectedEntries": 0, "entries": [good, bad]}}
        result = await gql(RECORD, variables, token=staff.organizers.organizer)
        assert error_code(result) == code, (code, result)
        assert "第2条发言" in result["errors"][0]["message"], result
    foreign = {**good, "registrationId": str(elsewhere)}
    result = await gql(
        RECORD,
        {"input": {"hearingId": held.hearing_id, "expectedEntries": 0, "entries": [foreign]}},
        token=staff.organizers.organizer,
    )
    assert error_code(result) == "SPEAKER_INVALID"
    empty = {"hearingId": held.hearing_id, "expectedEntries": 0, "entries": []}
    assert (
        error_code(await gql(RECORD, {"input": empty}, token=staff.organizers.organizer)) == "MINUTES_EMPTY"
    )
    minutes = ok(await gql(MINUTES, {"id": held.hearing_id}, token=staff.organizers.organizer))["hearing"]
    assert minutes["status"] == "IN_SESSION" and minutes["minutes"]["entries"] == []
    assert await hearing_comments(state, held.consultation_id) == []

    # Minutes are recorded on the day: not before the hearing is opened.
    early = await published_hearing(gql, staff.organizers, title="尚未举行的听证会")
    result = await gql(
        RECORD,
        {"input": {"hearingId": early, "expectedEntries": 0, "summary": "提前记录"}},
        token=staff.organizers.organizer,
    )
    assert error_code(result) == "INVALID_TRANSITION"


async def test_the_report_needs_every_view_handled(
    gql: GraphQL, state: AppState, people: People, staff: Staff
) -> None:
    held = await speakers_ready(gql, state, people, staff)
    organizer = staff.organizers.organizer
    recorded = ok(
        await gql(
            RECORD,
            {"input": {"hearingId": held.hearing_id, "expectedEntries": 0, "entries": entries(held)}},
            token=organizer,
        )
    )["recordMinutes"]["minutes"]["entries"]
    report = {
        "hearingId": held.hearing_id,
        "summary": "听证会共听取4名发言人意见，主要集中在面积标准和施行日期。",
    }
    assert error_code(await gql(PUBLISH_REPORT, {"input": report}, token=staff.team.drafter)) == "FORBIDDEN"
    undecided = await gql(PUBLISH_REPORT, {"input": report}, token=organizer)
    assert error_code(undecided) == "VIEWS_UNDECIDED"
    assert undecided["errors"][0]["extensions"]["undecidedEntries"] == [1, 2, 4]  # not the drafting unit's
    # Two of the three views handled: still refused, and the texts given are not kept.
    partly = {
        **report,
        "handlings": [
            {"entryId": recorded[0]["id"], "handling": "面积标准将在意见处理阶段统一研究"},
            {"entryId": recorded[1]["id"], "handling": "将在配套细则中明确分户认定标准"},
        ],
    }
    assert error_code(await gql(PUBLISH_REPORT, {"input": partly}, token=organizer)) == "VIEWS_UNDECIDED"
    assert ok(await gql(REPORT, {"id": held.hearing_id}))["hearingReport"] is None
    revision = await review_revision(state, held.consultation_id)

    complete = {
        **report,
        "handlings": [
            *partly["handlings"],
            {"entryId": recorded[3]["id"], "handling": "施行日期调整为2027年7月1日"},
        ],
    }
    published = ok(await gql(PUBLISH_REPORT, {"input": complete}, token=organizer))["publishHearingReport"]
    assert published["status"] == "REPORTED"
    assert await review_revision(state, held.consultation_id) > revision  # a statement made before is stale
    public = ok(await gql(REPORT, {"id": held.hearing_id}))["hearingReport"]
    assert public == ok(await gql(HEARING_REPORT, {"id": held.hearing_id}))["hearing"]["report"]
    assert public["summary"] == report["summary"]
    assert (
        public["selectionMethod"].startswith("公开报名")
        and "列席人员由组织单位按类别邀请" in public["selectionMethod"]
    )
    views = public["views"]
    assert [v["position"] for v in views] == [1, 2, 4]
    # Named only with consent (rules H); phone numbers in what was said are masked.
    assert [v["speaker"] for v in views] == ["利害关系人 张*", "专家 周**", "普通公众 李四"]
    assert "13912345678" not in views[0]["mainPoints"] and "应按家庭人口分档" in views[0]["mainPoints"]
    assert views[0]["articleLabel"] == "第三条"
    assert [v["handling"] for v in views] == [
        "面积标准将在意见处理阶段统一研究",
        "将在配套细则中明确分户认定标准",
        "施行日期调整为2027年7月1日",
    ]
    assert all(v["outcome"] is None for v in views)  # nothing decided yet: the organizer's words

    assert error_code(await gql(PUBLISH_REPORT, {"input": complete}, token=organizer)) == "INVALID_TRANSITION"
    late = {"hearingId": held.hearing_id, "expectedEntries": 4, "summary": "补记"}
    assert error_code(await gql(RECORD, {"input": late}, token=organizer)) == "INVALID_TRANSITION"
    assert "hearing.report_published" in await audit_actions(state, held.hearing_id)


async def test_without_a_consultation_accepting_comments_the_minutes_stand_alone(
    gql: GraphQL, state: AppState, people: People, staff: Staff
) -> None:
    # The linked consultation is still in review (not public): it takes no comments yet.
    cid, _ = await reviewed_consultation(gql, staff.team)
    hearing_id = await hearing_in_session(gql, state, staff.organizers, consultationId=cid, kind="SYMPOSIUM")
    unlinked = await hearing_in_session(gql, state, staff.organizers, kind="MEETING", title="常务会议列席")
    entry = {
        "stage": "STATEMENT",
        "speakerName": "王五",
        "speakerCategory": "PUBLIC",
        "mainPoints": "赞成草案",
    }
    for hid in (hearing_id, unlinked):
        minutes = ok(
            await gql(
                RECORD,
                {"input": {"hearingId": hid, "expectedEntries": 0, "entries": [entry]}},
                token=staff.organizers.organizer,
            )
        )["recordMinutes"]["minutes"]
        assert minutes["entries"][0]["commentId"] is None
    async with state.sessionmaker() as session:
        assert await session.scalar(select(func.count(Comment.id))) == 0
    linked_article = {**entry, "articleId": "1"}
    result = await gql(
        RECORD,
        {"input": {"hearingId": unlinked, "expectedEntries": 1, "entries": [linked_article]}},
        token=staff.organizers.organizer,
    )
    assert error_code(result) == "ARTICLE_NOT_IN_DRAFT"  # no consultation, no articles
    report = {"hearingId": unlinked, "summary": "会议听取了列席人员意见。"}
    assert error_code(await gql(PUBLISH_REPORT, {"input": report}, token=staff.organizers.organizer)) == (
        "VIEWS_UNDECIDED"
    )
