"""A reported hearing feeds section 五 of the adoption statement (rules D1, outline 五): who attended by
category, how they were chosen, each view's main points and how it was handled — from the hearing
report, whose handling comes from the comments' approved dispositions."""

from collections.abc import Awaitable, Callable

import httpx
import pytest

from api.context import AppState
from consultations.statement.scan import extract_text
from consultations.statement.snapshot import register_hearing_facts
from hearings.records import hearing_facts
from tests.conftest import GraphQL, People, error_code
from tests.consultations.conftest import OpenConsultation
from tests.consultations.review_helpers import closed_consultation
from tests.consultations.test_review_graphql import (
    GENERATE,
    PUBLISH_STATEMENT,
    STATEMENT,
    _decide_everything,
    aggregate,
)
from tests.hearings.conftest import ok, published_hearing
from tests.hearings.test_attendance_graphql import (
    CHECK_IN,
    OPEN,
    add_selected,
    citizen_token,
    deliver_materials_days_before,
    make_today,
    my_code,
)
from tests.hearings.test_observers_graphql import RESPOND, invite, token_of
from tests.hearings.test_records_graphql import PUBLISH_REPORT, RECORD, REPORT, make_staff, open_consultation

SECTION_FIVE = "听证会、座谈会及列席会议意见处理情况"
HEARING_TITLE = "某市农村宅基地管理办法立法听证会"
PLANTED_PHONE = "13712345678"


@pytest.fixture(autouse=True)
def section_five_reader() -> None:
    """What api/worker.py does at import: the statement reads hearing facts through this reader."""
    register_hearing_facts(hearing_facts)


async def statement_text(
    gql: GraphQL, client: httpx.AsyncClient, token: str, consultation_id: str, version: int
) -> dict[str, str]:
    statement = ok(await gql(STATEMENT, {"id": consultation_id, "v": version}, token=token))["statement"]
    texts = {}
    for download in statement["downloads"]:
        response = await client.get(download["url"], headers={"Authorization": f"Bearer {token}"})
        assert response.status_code == 200, download
        texts[download["format"]] = extract_text(download["format"], response.content)
    return texts


async def test_a_reported_hearing_is_section_five_of_the_statement(
    gql: GraphQL,
    state: AppState,
    people: People,
    run_jobs: Callable[[], Awaitable[None]],
    client: httpx.AsyncClient,
) -> None:
    staff = await make_staff(people)
    team, organizer = staff.team, staff.organizers.organizer
    cid, articles = await open_consultation(gql, team)
    await closed_consultation(gql, people, team, OpenConsultation(cid, articles))

    # The hearing on the draft: two participants and an expert observer come and speak.
    hearing_id = await published_hearing(gql, staff.organizers, consultationId=cid, observersInvited=True)
    expert = await invite(gql, staff.organizers, hearing_id, name="周专家", category="EXPERT")
    ok(await gql(RESPOND, {"token": token_of(expert["link"]), "accept": True}))
    speaker = await add_selected(state, people, hearing_id, name="张三", contact="13700000001")
    await add_selected(state, people, hearing_id, category="public", name="李四", contact="13700000002")
    await make_today(state, hearing_id)
    await deliver_materials_days_before(state, hearing_id, 8)
    ok(await gql(OPEN, {"id": hearing_id}, token=organizer))
    for contact in ("13700000001", "13700000002"):
        code = await my_code(gql, await citizen_token(people, contact), hearing_id)
        ok(await gql(CHECK_IN, {"code": code}, token=organizer))
    observer_code = ok(
        await gql(
            "query($t: String!) { invitation(token: $t) { checkInCode } }", {"t": token_of(expert["link"])}
        )
    )["invitation"]["checkInCode"]
    ok(await gql(CHECK_IN, {"code": observer_code}, token=organizer))
    minutes = {
        "hearingId": hearing_id,
        "expectedEntries": 0,
        "summary": "听证会按陈述、提问、质证辩论的顺序进行，笔录经发言人签字确认。",
        "entries": [
            {
                "stage": "STATEMENT",
                "registrationId": str(speaker),
                "mainPoints": f"宅基地审批应公开办理进度，可致电{PLANTED_PHONE}咨询",
                "reasons": "群众难以了解审批进展",
                "articleId": articles[3]["id"],
                "signedOff": True,
            },
            {
                "stage": "QUESTION",
                "invitationId": expert["id"],
                "mainPoints": "自然灾害搬迁的认定由哪个部门负责",
            },
            {
                "stage": "DEBATE",
                "speakerName": "市自然资源局",
                "speakerCategory": "DRAFTING_UNIT",
                "mainPoints": "认定由乡镇人民政府负责。",
            },
        ],
    }
    ok(await gql(RECORD, {"input": minutes}, token=organizer))

    # The review stage decides the hearing's comments with all the others; a statement is generated.
    status = await aggregate(gql, run_jobs, team.reviewer, cid)
    assert status["run"]["status"] == "succeeded" and status["ungroupedComments"] == 0
    await _decide_everything(gql, team, cid)
    ok(await gql(GENERATE, {"id": cid}, token=team.reviewer))
    await run_jobs()
    before = await statement_text(gql, client, team.reviewer, cid, 1)
    assert SECTION_FIVE not in before["html"]  # the hearing is not reported yet

    # The report takes each view's handling from its approved disposition.
    report = {"hearingId": hearing_id, "summary": "听证会听取了听证参加人和列席专家的意见"}
    ok(await gql(PUBLISH_REPORT, {"input": report}, token=organizer))
    views = ok(await gql(REPORT, {"id": hearing_id}))["hearingReport"]["views"]
    assert [(v["outcome"], v["outcomeLabel"], v["handling"]) for v in views] == [
        ("not_adopted", "不予采纳", "不予采纳（上位法已有规定）")
    ] * 2

    # The statement generated before the report is stale; the next one has section 五.
    stale = await gql(PUBLISH_STATEMENT, {"id": cid, "v": 1}, token=team.approver)
    assert error_code(stale) == "STATEMENT_STALE"
    ok(await gql(GENERATE, {"id": cid}, token=team.reviewer))
    await run_jobs()
    texts = await statement_text(gql, client, team.reviewer, cid, 1)
    html = texts["html"].replace("\n", "")
    assert SECTION_FIVE in html
    assert f"{HEARING_TITLE}（听证会，" in html
    assert "参加人员：利害关系人1人、普通公众1人。" in html
    assert "列席人员：专家1人。" in html
    assert "遴选方式：公开报名" in html and "列席人员由组织单位按类别邀请" in html
    assert "主要意见1：（利害关系人，陈述）宅基地审批应公开办理进度" in html
    assert "主要意见2：（专家，提问）自然灾害搬迁的认定由哪个部门负责" in html
    assert "认定由乡镇人民政府负责" not in html  # the drafting unit's answer is not a view
    assert "处理情况：听证会听取了听证参加人和列席专家的意见。意见1，不予采纳（上位法已有规定）" in html
    for fmt, text in texts.items():
        assert PLANTED_PHONE not in text, fmt
        assert "张三" not in text and "周专家" not in text, fmt
    published = ok(await gql(PUBLISH_STATEMENT, {"id": cid, "v": 1}, token=team.approver))
    assert published["publishStatement"]["status"] == "published"

    # The meeting plan links the published statement (rules D1).
    plan = ok(
        await gql(
            """query($id: ID!) {
                 hearing(id: $id) { observersInvited isPublic publicMethods adoptionStatementUrl }
               }""",
            {"id": hearing_id},
        )
    )["hearing"]
    assert plan == {
        "observersInvited": True,
        "isPublic": True,
        "publicMethods": ["audience"],
        "adoptionStatementUrl": f"/statements/{cid}/v1.html",
    }
    assert (await client.get(plan["adoptionStatementUrl"])).status_code == 200
