"""Importing drafts (text and .docx), correcting the split, versions, and sending back from review."""

import base64
import io

import docx

from tests.conftest import error_code
from tests.consultations.conftest import CREATE, IMPORT, PUBLISH, SUBMIT_FOR_REVIEW, ok, reviewed_consultation

ARTICLES = (
    "query($id: ID!) { consultation(id: $id) { draft { number articles { id position label body } } } }"
)
UPDATE = """
mutation($id: ID!, $label: String, $body: String) {
  updateArticle(articleId: $id, label: $label, body: $body) { id label body }
}"""
SPLIT = """
mutation($id: ID!, $at: Int!, $label: String!) {
  splitArticle(articleId: $id, at: $at, newLabel: $label) { position label body }
}"""
MERGE = "mutation($id: ID!) { mergeArticleWithNext(articleId: $id) { position label body } }"
RETURN = "mutation($id: ID!, $r: String!) { returnToDraft(consultationId: $id, reason: $r) { status } }"


async def new_consultation(gql, team) -> str:
    variables = {
        "input": {"unitId": str(team.unit_id), "title": "某县规范性文件", "kind": "NORMATIVE_DOCUMENT"}
    }
    return ok(await gql(CREATE, variables, token=team.drafter))["createConsultation"]["id"]


def docx_base64(*paragraphs: str) -> str:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    buffer = io.BytesIO()
    document.save(buffer)
    return base64.b64encode(buffer.getvalue()).decode()


async def test_docx_import_splits_an_outline(gql, team):
    cid = await new_consultation(gql, team)
    encoded = docx_base64(
        "关于加强耕地保护的实施意见", "一、总体要求", "坚持最严格的耕地保护制度。", "二、主要措施"
    )
    version = ok(await gql(IMPORT, {"id": cid, "docx": encoded}, token=team.drafter))["importDraft"]
    assert version["structure"] == "outline"
    assert [(a["label"], a["body"]) for a in version["articles"]] == [
        ("一、", "总体要求\n坚持最严格的耕地保护制度。"),
        ("二、", "主要措施"),
    ]


async def test_bad_sources_are_refused_with_clear_codes(gql, team):
    cid = await new_consultation(gql, team)
    assert error_code(await gql(IMPORT, {"id": cid, "docx": "not base64!"}, token=team.drafter)) == (
        "DRAFT_DOCX_INVALID"
    )
    plain = base64.b64encode("第一条 这不是 Word 文件".encode()).decode()
    assert (
        error_code(await gql(IMPORT, {"id": cid, "docx": plain}, token=team.drafter)) == "DRAFT_DOCX_INVALID"
    )
    both = {"id": cid, "text": "第一条 内容", "docx": docx_base64("第一条 内容")}
    assert error_code(await gql(IMPORT, both, token=team.drafter)) == "DRAFT_SOURCE_REQUIRED"
    assert error_code(await gql(IMPORT, {"id": cid}, token=team.drafter)) == "DRAFT_SOURCE_REQUIRED"
    assert error_code(await gql(IMPORT, {"id": cid, "text": "  \n "}, token=team.drafter)) == "TEXT_TOO_SHORT"
    assert ok(await gql(ARTICLES, {"id": cid}, token=team.drafter))["consultation"]["draft"] is None


async def test_staff_correct_a_wrong_split(gql, team):
    cid = await new_consultation(gql, team)
    text = "第一条 总则内容。第二条 本应独立的条款。\n第三条规定的情形除外。\n第四条 附则。"
    articles = ok(await gql(IMPORT, {"id": cid, "text": text}, token=team.drafter))["importDraft"]["articles"]
    assert [a["label"] for a in articles] == ["第一条", "第三条", "第四条"]

    # "第三条规定的…" was a wrapped line, not an article (a forward reference the importer cannot tell
    # from an article): merge it back into the first article.
    merged = ok(await gql(MERGE, {"id": articles[0]["id"]}, token=team.drafter))["mergeArticleWithNext"]
    assert merged[0]["body"] == "总则内容。第二条 本应独立的条款。\n第三条规定的情形除外。"
    assert [(a["position"], a["label"]) for a in merged] == [(1, "第一条"), (2, "第四条")]

    # "第二条" sat inside the first article's text: split it out, label and all.
    at = merged[0]["body"].index("第二条")
    split = ok(await gql(SPLIT, {"id": articles[0]["id"], "at": at, "label": "第二条"}, token=team.drafter))
    assert [(a["position"], a["label"], a["body"]) for a in split["splitArticle"]] == [
        (1, "第一条", "总则内容。"),
        (2, "第二条", "本应独立的条款。\n第三条规定的情形除外。"),
        (3, "第四条", "附则。"),
    ]

    updated = ok(await gql(UPDATE, {"id": articles[2]["id"], "label": "第三条"}, token=team.drafter))
    assert updated["updateArticle"]["label"] == "第三条"
    assert error_code(await gql(MERGE, {"id": articles[2]["id"]}, token=team.drafter)) == "MERGE_NO_NEXT"
    assert error_code(
        await gql(SPLIT, {"id": articles[2]["id"], "at": 0, "label": "x"}, token=team.drafter)
    ) == ("SPLIT_POSITION_INVALID")


async def test_articles_are_locked_once_published_and_only_drafters_edit(gql, team):
    cid, articles = await reviewed_consultation(gql, team)
    assert (
        error_code(await gql(UPDATE, {"id": articles[0]["id"], "body": "改"}, token=team.reviewer))
        == "FORBIDDEN"
    )
    ok(await gql(PUBLISH, {"id": cid}, token=team.drafter))
    assert error_code(await gql(UPDATE, {"id": articles[0]["id"], "body": "改"}, token=team.drafter)) == (
        "DRAFT_LOCKED"
    )
    # A correction after publication is a new version; the old one stays as it was.
    version = ok(await gql(IMPORT, {"id": cid, "text": "第一条 修改后的内容。"}, token=team.drafter))
    assert version["importDraft"]["number"] == 2
    versions = ok(
        await gql(
            "query($id: ID!) { consultation(id: $id) { draftVersions { number articles { label } } } }",
            {"id": cid},
        )
    )["consultation"]["draftVersions"]
    assert [(v["number"], len(v["articles"])) for v in versions] == [(1, 5), (2, 1)]


async def test_a_draft_can_be_sent_back_from_review(gql, team):
    cid = await new_consultation(gql, team)
    ok(await gql(IMPORT, {"id": cid, "text": "第一条 内容。"}, token=team.drafter))
    assert (
        error_code(await gql(RETURN, {"id": cid, "r": "尚未送审"}, token=team.drafter))
        == "INVALID_TRANSITION"
    )
    ok(await gql(SUBMIT_FOR_REVIEW, {"id": cid}, token=team.drafter))
    assert error_code(await gql(RETURN, {"id": cid, "r": ""}, token=team.drafter)) == "TEXT_TOO_SHORT"
    returned = ok(await gql(RETURN, {"id": cid, "r": "合法性审查未通过，需修改第三条"}, token=team.drafter))
    assert returned["returnToDraft"]["status"] == "DRAFT"
    trail = ok(
        await gql(
            "query($id: ID!) { consultation(id: $id) { auditTrail { action after } } }",
            {"id": cid},
            token=team.drafter,
        )
    )["consultation"]["auditTrail"]
    assert trail[0] == {
        "action": "consultation.returned_to_draft",
        "after": {"status": "draft", "reason": "合法性审查未通过，需修改第三条"},
    }
