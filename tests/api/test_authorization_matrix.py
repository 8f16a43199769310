"""The authorization matrix (issue 6, hostile input): every GraphQL operation and every file route, called
by every kind of caller.

Each entry says who may call an operation in one situation; the roles are in tests/api/authz/world.py
(anonymous, an unverified citizen, the citizen who owns the world's comments and registrations, another
citizen, each staff role on the world's unit, staff of the parent unit, the top-level admin, staff of
another top-level unit and of a unit below). Denied callers are refused (FORBIDDEN / UNAUTHENTICATED) or
shown nothing, and change nothing; the first allowed caller succeeds, so the variables are valid and a
refusal for another reason cannot pass for a permission check.

A new root field of the schema (or a new file route) fails test_every_operation_has_an_entry until it has
an entry here: add an `Operation(name, document, variables, allowed, ...)` below.
"""

import re
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest
from graphql import (
    GraphQLObjectType,
    OperationDefinitionNode,
    parse,
    validate,
)

from api.schema import schema
from api.settings import Settings
from consultations.deadlines import today_in
from tests.api.authz.app import MatrixApp, matrix_app
from tests.api.authz.matrix import (
    PERMISSION_CODES,
    Download,
    Operation,
    check_download,
    check_operation,
    error_codes_on,
    no_vars,
    sendable,
)
from tests.api.authz.world import (
    CITIZEN_CONTACTS,
    EVERYONE,
    LETTER_CONTACT,
    OBSERVER_CONTACT,
    PASSWORD,
    READ_INTERNAL,
    SEED,
    SIGNED_IN,
    World,
    decision_input,
    invitation_input,
    minutes_input,
    registration_input,
    report_input,
    topics,
    unit_roles,
)
from tests.conftest import GraphQL, People
from tests.consultations.conftest import DRAFT_TEXT
from tests.hearings.conftest import hearing_input

CITIZENS = ("citizen", "other_citizen")  # verified citizens
ORGANIZER = unit_roles("organizer")
NOT_VERIFIED = {"unverified": "CONTACT_NOT_VERIFIED"}


def given(part: Any, build: Any) -> Any:
    """Variables from a part of the world: `given(World.open, lambda consult, world: {...})`."""

    async def variables(world: World) -> dict[str, Any]:
        return build(await part(world), world)

    return variables


def plain(variables: dict[str, Any]) -> Any:
    """Variables that need nothing but the units and the cast."""
    return given(World.as_is, lambda *_: variables)


def ids(connection: Any) -> list[str]:
    return [edge["node"]["id"] for edge in (connection or {}).get("edges", [])]


def own_only(key: str, found: Any) -> Any:
    """Check a list of the caller's own things: the citizen sees `v[key]` and nothing else, others nothing."""

    def check(value: Any, v: dict[str, Any], role: str) -> None:
        assert found(value) == ([v[key]] if role == "citizen" else []), (role, value)

    return check


def me_check(value: Any, v: dict[str, Any], role: str) -> None:
    if role == "anonymous":
        assert value is None
    else:
        assert value["kind"] == ("citizen" if role in CITIZEN_CONTACTS else "staff"), (role, value)


def contains(text: str) -> Any:
    def check(value: Any, v: dict[str, Any], role: str) -> None:
        assert text in repr(value), (role, value)

    return check


def lacks(*texts: str) -> Any:
    def check(value: Any, v: dict[str, Any], role: str) -> None:
        assert value is not None and not any(t in repr(value) for t in texts), (role, value)

    return check


def receipt_of(key: str) -> Any:
    def check(value: Any, v: dict[str, Any], role: str) -> None:
        assert value is not None and value["receiptCode"] == v[key], (role, value)

    return check


def not_null(value: Any, v: dict[str, Any]) -> bool:
    return value is not None


def seat_holder_only(value: Any, v: dict[str, Any], role: str) -> None:
    assert (value is not None) == (role == "citizen"), (role, value)


def mine_only(value: Any, v: dict[str, Any], role: str) -> None:
    if role == "citizen":
        assert value is not None and value["contact"] == CITIZEN_CONTACTS["citizen"], value
    else:
        assert value is None, (role, value)


# --- accounts --------------------------------------------------------------------------------------

ACCOUNTS = [
    Operation("me", "{ me { id kind } }", no_vars(), EVERYONE, check=me_check),
    Operation("units", "{ units { id code } }", no_vars(), EVERYONE),
    # Every verification code and receipt of the deployment, with recipients: the system admin only (an
    # admin of every top-level unit). The world has two top-level units and nobody administers both, so
    # nobody here reads it, not even prov's admin; tests/api/test_outbox_scope_graphql.py has the allowed one.
    Operation(
        "outbox",
        "{ outbox(first: 100) { recipient kind body } }",
        no_vars(),
        (),
    ),
    Operation(
        "registerCitizen",
        'mutation($c: String!) { registerCitizen(contact: $c, password: "new-pass-2026") { userId } }',
        plain({"c": "13700000050"}),
        EVERYONE,
    ),
    Operation(
        "requestVerificationCode",
        "mutation($c: String!) { requestVerificationCode(contact: $c) }",
        plain({"c": CITIZEN_CONTACTS["unverified"]}),
        EVERYONE,
    ),
    Operation(
        "verifyContact",
        "mutation($c: String!, $code: String!) { verifyContact(contact: $c, code: $code) }",
        given(World.verification, lambda found, _: {"c": found[0], "code": found[1]}),
        EVERYONE,
    ),
    Operation(
        "login",
        "mutation($i: String!, $p: String!) { login(identifier: $i, password: $p) { userId } }",
        plain({"i": CITIZEN_CONTACTS["citizen"], "p": PASSWORD}),
        EVERYONE,
        repeatable=True,
    ),
    Operation("logout", "mutation { logout }", no_vars(), SIGNED_IN, repeatable=True),
    Operation(
        "createUnit",
        'mutation($code: String!) { createUnit(name: "新设单位", code: $code, parentCode: "city") { id } }',
        plain({"code": "new-under-city"}),
        unit_roles("admin"),
        case="under the world's unit",
    ),
    Operation(
        "createUnit",
        'mutation($code: String!) { createUnit(name: "新设省级单位", code: $code) { id } }',
        plain({"code": "new-top-level"}),
        ("deployment_admin",),
        case="top level",
    ),
    # Any admin, even of a county unit, creates staff accounts (they hold no role until granted one).
    Operation(
        "createStaffUser",
        "mutation($u: String!) { createStaffUser(username: $u, "
        'password: "staff-pass-2026", displayName: "新人") { id } }',
        plain({"u": "new-staff"}),
        ("admin", "deployment_admin", "child_unit"),
    ),
    Operation(
        "grantRole",
        'mutation($u: ID!) { grantRole(userId: $u, unitCode: "city", role: DRAFTER) }',
        given(World.plain_staff_id, lambda user, _: {"u": user}),
        unit_roles("admin"),
        case="on the world's unit",
        repeatable=True,
    ),
    Operation(
        "grantRole",
        'mutation($u: ID!) { grantRole(userId: $u, unitCode: "prov", role: ADMIN) }',
        given(World.plain_staff_id, lambda user, _: {"u": user}),
        ("deployment_admin",),
        case="admin on the parent unit",
        repeatable=True,
    ),
]

# --- consultations: drafting, publication, comments ------------------------------------------------

CONSULTATION = "query($id: ID!) { consultation(id: $id) { id title draft { articles { id body } } } }"

CONSULTATIONS = [
    Operation(
        "consultations",
        "{ consultations(first: 100) { edges { node { id status } } } }",
        given(World.draft, lambda c, _: {"_draft": c.id}),
        READ_INTERNAL,
        case="a draft is listed for staff of its unit",
        visible=lambda value, v: v["_draft"] in ids(value),
    ),
    Operation(
        "consultation",
        CONSULTATION,
        given(World.draft, lambda c, _: {"id": c.id}),
        READ_INTERNAL,
        case="draft",
        visible=not_null,
    ),
    Operation(
        "consultation", CONSULTATION, given(World.open, lambda c, _: {"id": c.id}), EVERYONE, case="open"
    ),
    # docs/api.md: "A consultation withdrawn before publication stays internal"; one withdrawn after it was
    # published stays public, with its reason.
    Operation(
        "consultation",
        CONSULTATION,
        given(World.withdrawn, lambda c, _: {"id": c.id}),
        EVERYONE,
        case="withdrawn after publication",
    ),
    # The staff-only fields of a public consultation: the rest of it is still answered.
    Operation(
        "consultation",
        "query($id: ID!) { consultation(id: $id) { id comments(first: 100) { totalCount edges { node { "
        "id authorId submitterName submitterContact body } } } } }",
        given(World.open, lambda c, _: {"id": c.id}),
        READ_INTERNAL,
        case="comments with submitters' contacts",
        guarded=("consultation", "comments"),
        check=contains(LETTER_CONTACT),
    ),
    Operation(
        "consultation",
        "query($id: ID!) { consultation(id: $id) { id reviews { kind reviewer passed } } }",
        given(World.open, lambda c, _: {"id": c.id}),
        READ_INTERNAL,
        case="reviews",
        guarded=("consultation", "reviews"),
    ),
    Operation(
        "consultation",
        "query($id: ID!) { consultation(id: $id) { id auditTrail(first: 100) { actor action } } }",
        given(World.open, lambda c, _: {"id": c.id}),
        READ_INTERNAL,
        case="audit trail",
        guarded=("consultation", "auditTrail"),
    ),
    Operation(
        "myComments",
        "{ myComments(first: 100) { edges { node { receiptCode body } } } }",
        given(World.open, lambda c, _: {"_receipt": c.receipt}),
        SIGNED_IN,
        check=own_only("_receipt", lambda value: [e["node"]["receiptCode"] for e in value["edges"]]),
    ),
    # Whoever holds the receipt code may look the comment up (by design: no sign-in needed).
    Operation(
        "commentReceipt",
        "query($code: String!) { commentReceipt(code: $code) { receiptCode body status } }",
        given(World.open, lambda c, _: {"code": c.receipt}),
        EVERYONE,
        check=receipt_of("code"),
    ),
    Operation(
        "createConsultation",
        "mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }",
        given(
            World.as_is,
            lambda w, _: {
                "input": {"unitId": str(w.units["city"]), "title": "新的征求意见稿", "kind": "OTHER"}
            },
        ),
        unit_roles("drafter"),
        repeatable=True,
    ),
    Operation(
        "importDraft",
        "mutation($id: ID!, $text: String!) { importDraft(consultationId: $id, text: $text) { number } }",
        given(World.draft, lambda c, _: {"id": c.id, "text": DRAFT_TEXT}),
        unit_roles("drafter"),
        repeatable=True,
    ),
    Operation(
        "updateArticle",
        'mutation($a: ID!) { updateArticle(articleId: $a, heading: "第一章 总则（修改）") { id } }',
        given(World.draft, lambda c, _: {"a": c.articles[0]["id"]}),
        unit_roles("drafter"),
        repeatable=True,
    ),
    Operation(
        "splitArticle",
        'mutation($a: ID!) { splitArticle(articleId: $a, at: 5, newLabel: "第一条之一") { id } }',
        given(World.draft, lambda c, _: {"a": c.articles[0]["id"]}),
        unit_roles("drafter"),
    ),
    Operation(
        "mergeArticleWithNext",
        "mutation($a: ID!) { mergeArticleWithNext(articleId: $a) { id } }",
        given(World.draft, lambda c, _: {"a": c.articles[0]["id"]}),
        unit_roles("drafter"),
    ),
    Operation(
        "submitForReview",
        "mutation($id: ID!) { submitForReview(consultationId: $id) { status } }",
        given(World.draft, lambda c, _: {"id": c.id}),
        unit_roles("drafter"),
    ),
    # docs/api.md says drafter only; consultations/permissions.py lets reviewers and approvers too.
    Operation(
        "returnToDraft",
        'mutation($id: ID!) { returnToDraft(consultationId: $id, reason: "第五条需补充") { status } }',
        given(World.in_review, lambda c, _: {"id": c.id}),
        unit_roles("drafter", "reviewer", "approver"),
    ),
    Operation(
        "recordReview",
        "mutation($id: ID!, $on: Date!) { recordReview(consultationId: $id, kind: LEGALITY, "
        'reviewer: "市司法局", reviewedOn: $on, passed: true) { id } }',
        given(World.in_review, lambda c, _: {"id": c.id, "on": today_in().isoformat()}),
        unit_roles("drafter", "reviewer", "approver"),
        repeatable=True,
    ),
    Operation(
        "publishConsultation",
        "mutation($id: ID!) { publishConsultation(consultationId: $id) { status } }",
        given(World.reviewed, lambda c, _: {"id": c.id}),
        unit_roles("drafter", "approver"),
    ),
    Operation(
        "publishConsultation",
        "mutation($id: ID!, $on: Date!) { publishConsultation(consultationId: $id, closingDate: $on, "
        'shortenedReason: "上位法施行在即") { status } }',
        given(World.reviewed, lambda c, _: {"id": c.id, "on": (today_in() + timedelta(days=10)).isoformat()}),
        unit_roles("approver"),
        case="a shortened period",
    ),
    Operation(
        "closeConsultation",
        'mutation($id: ID!) { closeConsultation(consultationId: $id, reason: "提前收集完毕") { status } }',
        given(World.open, lambda c, _: {"id": c.id}),
        unit_roles("approver"),
        case="early",
    ),
    Operation(
        "closeConsultation",
        "mutation($id: ID!) { closeConsultation(consultationId: $id) { status } }",
        given(World.past_deadline, lambda c, _: {"id": c.id}),
        unit_roles("drafter", "approver"),
        case="after the deadline",
    ),
    Operation(
        "withdrawConsultation",
        'mutation($id: ID!) { withdrawConsultation(consultationId: $id, reason: "并入市级办法") { status } }',
        given(World.open, lambda c, _: {"id": c.id}),
        unit_roles("drafter", "approver"),
    ),
    Operation(
        "submitComment",
        'mutation($id: ID!) { submitComment(consultationId: $id, body: "建议细化第二条的适用范围。") '
        "{ receiptCode } }",
        given(World.open, lambda c, _: {"id": c.id}),
        CITIZENS,
        denied_codes=NOT_VERIFIED,
        repeatable=True,
    ),
    Operation(
        "recordOfflineComment",
        "mutation($input: OfflineCommentInput!) { "
        "recordOfflineComment(input: $input) { id submitterContact } }",
        given(
            World.open,
            lambda c, _: {
                "input": {
                    "consultationId": c.id,
                    "channel": "EMAIL",
                    "body": "来信建议延长过渡期。",
                    "submitterName": "吴九",
                    "submitterContact": "wu@example.com",
                }
            },
        ),
        unit_roles("drafter", "reviewer"),
        repeatable=True,
    ),
    Operation(
        "moderateComment",
        'mutation($id: ID!) { moderateComment(commentId: $id, action: HIDE, reason: "与本草案无关") '
        "{ moderation submitterContact } }",
        given(World.open, lambda c, _: {"id": c.comment_id}),
        unit_roles("drafter", "reviewer"),
    ),
    Operation(
        "updateConsultation",
        "mutation($id: ID!) { updateConsultation(consultationId: $id, "
        'input: {summary: "修改后的简介"}) { id summary } }',
        given(World.draft, lambda c, _: {"id": c.id}),
        unit_roles("drafter"),
        repeatable=True,
    ),
    # What publishing would decide, rule by rule: the unit's staff read it (its outcome differs by role).
    Operation(
        "consultation",
        "query($id: ID!) { consultation(id: $id) { id publishChecks { ready checks { code passed } } } }",
        given(World.open, lambda c, _: {"id": c.id}),
        READ_INTERNAL,
        case="publish checks",
        guarded=("consultation", "publishChecks"),
    ),
]

# --- consultations: the review stage ----------------------------------------------------------------


def topic(consult: Any, position: int = 0) -> str:
    return str(topics(consult)[position]["id"])


def campaign_split(consult: Any) -> dict[str, Any]:
    """A campaign of four copies of the form letter, split in two halves."""
    campaign = next(g for g in consult.groups if g["kind"] == "CAMPAIGN")
    members = [e["node"]["id"] for e in campaign["comments"]["edges"]]
    assert len(members) >= 4, campaign
    return {"g": campaign["id"], "c": members[-2:]}


def movable(consult: Any) -> dict[str, Any]:
    """A comment outside every campaign, and another topic to move it to."""
    campaign_members = {
        e["node"]["id"] for g in consult.groups if g["kind"] == "CAMPAIGN" for e in g["comments"]["edges"]
    }
    for source in topics(consult):
        for edge in source["comments"]["edges"]:
            if edge["node"]["id"] not in campaign_members:
                target = next(t for t in topics(consult) if t["id"] != source["id"])
                return {"c": edge["node"]["id"], "g": target["id"]}
    raise AssertionError(f"no movable comment in {consult.groups}")


STATEMENT = "query($id: ID!) { statement(consultationId: $id) { version status } }"

REVIEW = [
    Operation(
        "runAggregation",
        "mutation($id: ID!) { runAggregation(consultationId: $id) { id status } }",
        given(World.closed, lambda c, _: {"id": c.id}),
        unit_roles("drafter", "reviewer"),
    ),
    Operation(
        "aggregationStatus",
        "query($id: ID!) { aggregationStatus(consultationId: $id) { comments topics undecidedComments } }",
        given(World.open, lambda c, _: {"id": c.id}),
        READ_INTERNAL,
    ),
    Operation(
        "opinionGroups",
        "query($id: ID!) { opinionGroups(consultationId: $id, first: 100) { totalCount edges { node { id "
        "representative { submitterName submitterContact } comments(first: 100) { edges { node { "
        "submitterContact body } } } } } } }",
        given(World.reviewing, lambda c, _: {"id": c.id}),
        READ_INTERNAL,
        check=contains("13912345678"),  # the letter's sender's number, planted by closed_consultation
    ),
    Operation(
        "updateGroup",
        'mutation($g: ID!) { updateGroup(groupId: $g, title: "宅基地面积标准") { id } }',
        given(World.reviewing, lambda c, _: {"g": topic(c)}),
        unit_roles("drafter", "reviewer"),
        repeatable=True,
    ),
    Operation(
        "mergeGroups",
        "mutation($into: ID!, $g: [ID!]!) { mergeGroups(intoGroupId: $into, groupIds: $g) { id } }",
        given(World.reviewing, lambda c, _: {"into": topic(c, 0), "g": [topic(c, 1)]}),
        unit_roles("drafter", "reviewer"),
    ),
    Operation(
        "splitGroup",
        "mutation($g: ID!, $c: [ID!]!) { splitGroup(groupId: $g, commentIds: $c) { id } }",
        given(World.reviewing, lambda c, _: campaign_split(c)),
        unit_roles("drafter", "reviewer"),
    ),
    Operation(
        "moveComment",
        "mutation($c: ID!, $g: ID!) { moveComment(commentId: $c, toGroupId: $g) { id } }",
        given(World.reviewing, lambda c, _: movable(c)),
        unit_roles("drafter", "reviewer"),
    ),
    Operation(
        "setDisposition",
        "mutation($input: DispositionInput!) { setDisposition(input: $input) { id status } }",
        given(World.reviewing, lambda c, _: {"input": {"groupId": topic(c, 1), "outcome": "ADOPTED"}}),
        unit_roles("reviewer"),
        repeatable=True,
    ),
    Operation(
        "setDispositionForGroups",
        "mutation($g: [ID!]!) { setDispositionForGroups(groupIds: $g, outcome: ADOPTED) { id } }",
        given(World.reviewing, lambda c, _: {"g": [topic(c, 1)]}),
        unit_roles("reviewer"),
        repeatable=True,
    ),
    Operation(
        "approveDisposition",
        "mutation($d: [ID!]!) { approveDisposition(dispositionIds: $d) { id status } }",
        given(World.reviewing, lambda c, _: {"d": [c.disposition_id]}),
        unit_roles("approver"),
    ),
    Operation("standardReasons", "{ standardReasons { code label } }", no_vars(), EVERYONE, repeatable=True),
    Operation(
        "generateStatement",
        "mutation($id: ID!) { generateStatement(consultationId: $id) { id status } }",
        given(World.all_decided, lambda c, _: {"id": c.id}),
        unit_roles("drafter", "reviewer"),
    ),
    Operation(
        "statement",
        STATEMENT,
        given(World.generated, lambda c, _: {"id": c.id}),
        READ_INTERNAL,
        case="an unpublished draft",
        visible=not_null,
    ),
    Operation(
        "publishStatement",
        "mutation($id: ID!, $v: Int!) { publishStatement(consultationId: $id, version: $v) { status } }",
        given(World.generated, lambda c, _: {"id": c.id, "v": c.version}),
        unit_roles("approver"),
    ),
    Operation(
        "statement",
        STATEMENT,
        given(World.statement_published, lambda c, _: {"id": c.id}),
        EVERYONE,
        case="published",
        visible=not_null,
    ),
    Operation(
        "publishDecision",
        "mutation($input: PublishDecisionInput!) { publishDecision(input: $input) { decidedOn } }",
        given(World.statement_published, lambda c, _: {"input": decision_input(c.id)}),
        unit_roles("approver"),
    ),
    Operation(
        "decision",
        "query($id: ID!) { decision(consultationId: $id) { decidedOn summary } }",
        given(World.decided, lambda c, _: {"id": c.id}),
        EVERYONE,
        visible=not_null,
    ),
    Operation(
        "statementGeneration",
        "query($id: ID!) { statementGeneration(consultationId: $id) { jobName status } }",
        given(World.generated, lambda c, _: {"id": c.id}),
        READ_INTERNAL,
    ),
]

# --- hearings: notice, registration, selection -------------------------------------------------------

HEARING = "query($id: ID!) { hearing(id: $id) { id status } }"

HEARINGS = [
    Operation(
        "hearings",
        "{ hearings(first: 100, includeInternal: true) { edges { node { id status } } } }",
        given(World.hearing_draft, lambda h, _: {"_draft": h.id}),
        READ_INTERNAL,
        case="a draft is listed for staff of its unit",
        visible=lambda value, v: v["_draft"] in ids(value),
    ),
    Operation(
        "hearing",
        HEARING,
        given(World.hearing_draft, lambda h, _: {"id": h.id}),
        READ_INTERNAL,
        case="draft",
        visible=not_null,
    ),
    Operation(
        "hearing",
        "query($id: ID!) { hearing(id: $id) { id status draw { categories { applicants } } "
        "attendance { participantsExpected } } }",
        given(World.hearing_registered, lambda h, _: {"id": h.id}),
        EVERYONE,
        case="published, with its public draw data",
        check=lacks(CITIZEN_CONTACTS["citizen"], "钱七"),
    ),
    Operation(
        "hearing",
        "query($id: ID!) { hearing(id: $id) { id registrationCounts { category applied } } }",
        given(World.hearing_registered, lambda h, _: {"id": h.id}),
        READ_INTERNAL,
        case="registration counts",
        guarded=("hearing", "registrationCounts"),
        visible=not_null,
    ),
    Operation(
        "hearing",
        "query($id: ID!) { hearing(id: $id) { id participantList { seatNumber name } } }",
        given(World.hearing_ready_to_list, lambda h, _: {"id": h.id}),
        READ_INTERNAL,
        case="participant list before publication",
        guarded=("hearing", "participantList"),
        visible=not_null,
    ),
    # Published, it is public, and names only those who consented (rules H): the citizen did not.
    Operation(
        "hearing",
        "query($id: ID!) { hearing(id: $id) { id participantList { seatNumber name organization } } }",
        given(World.hearing_list_published, lambda h, _: {"id": h.id}),
        EVERYONE,
        case="published participant list",
        guarded=("hearing", "participantList"),
        visible=not_null,
        check=lacks("钱七"),
    ),
    Operation(
        "hearing",
        "query($id: ID!) { hearing(id: $id) { id myRegistration { id name contact } } }",
        given(World.hearing_registered, lambda h, _: {"id": h.id}),
        EVERYONE,
        case="the caller's own registration",
        guarded=("hearing", "myRegistration"),
        check=mine_only,
    ),
    Operation(
        "myRegistrations",
        "{ myRegistrations(first: 100) { edges { node { id name contact } } } }",
        given(World.hearing_registered, lambda h, _: {"_registration": h.registration_id}),
        SIGNED_IN,
        check=own_only("_registration", ids),
    ),
    # Registrations with contacts: the organizer's, not every staff member's of the unit.
    Operation(
        "hearingRegistrations",
        "query($id: ID!) { hearingRegistrations(hearingId: $id, first: 100) { totalCount "
        "edges { node { id name contact } } } }",
        given(World.hearing_registered, lambda h, _: {"id": h.id}),
        ORGANIZER,
        check=contains(CITIZEN_CONTACTS["citizen"]),
    ),
    Operation(
        "createHearing",
        "mutation($input: CreateHearingInput!) { createHearing(input: $input) { id } }",
        given(World.as_is, lambda w, _: {"input": hearing_input(w.units["city"])}),
        ORGANIZER,
        repeatable=True,
    ),
    Operation(
        "publishHearing",
        "mutation($id: ID!) { publishHearing(hearingId: $id) { status } }",
        given(World.hearing_draft, lambda h, _: {"id": h.id}),
        ORGANIZER,
    ),
    Operation(
        "cancelHearing",
        'mutation($id: ID!) { cancelHearing(hearingId: $id, reason: "草案暂缓出台") { status } }',
        given(World.hearing_published, lambda h, _: {"id": h.id}),
        ORGANIZER,
    ),
    Operation(
        "registerForHearing",
        "mutation($input: RegisterForHearingInput!) { registerForHearing(input: $input) { id status } }",
        given(World.hearing_registering, lambda h, _: {"input": registration_input(h.id)}),
        CITIZENS,
        denied_codes=NOT_VERIFIED,
        repeatable=True,
    ),
    # Nobody but its owner can cancel a registration; to anyone else it does not exist.
    Operation(
        "cancelRegistration",
        "mutation($id: ID!) { cancelRegistration(registrationId: $id) { id status } }",
        given(World.hearing_registered, lambda h, _: {"id": h.registration_id}),
        ("citizen",),
        denied_codes={"signed_in": "REGISTRATION_NOT_FOUND"},
    ),
    Operation(
        "commitDrawSeed",
        "mutation($id: ID!, $s: String!) { commitDrawSeed(hearingId: $id, seedSha256: $s) { id } }",
        given(World.hearing_published, lambda h, _: {"id": h.id, "s": "a" * 64}),
        ORGANIZER,
    ),
    Operation(
        "drawParticipants",
        "mutation($id: ID!, $s: String!) { drawParticipants(hearingId: $id, seed: $s) { id } }",
        given(World.hearing_ready_to_draw, lambda h, _: {"id": h.id, "s": SEED}),
        ORGANIZER,
    ),
    Operation(
        "selectParticipantManually",
        'mutation($id: ID!) { selectParticipantManually(registrationId: $id, reason: "专家代表") '
        "{ id contact } }",
        given(World.hearing_registered, lambda h, _: {"id": h.registration_id}),
        ORGANIZER,
    ),
    Operation(
        "publishParticipantList",
        "mutation($id: ID!) { publishParticipantList(hearingId: $id) { id } }",
        given(World.hearing_ready_to_list, lambda h, _: {"id": h.id}),
        ORGANIZER,
    ),
    Operation(
        "updateHearing",
        "mutation($id: ID!, $input: UpdateHearingInput!) "
        "{ updateHearing(hearingId: $id, input: $input) { id } }",
        given(
            World.hearing_draft,
            lambda h, w: {
                "id": h.id,
                "input": {k: v for k, v in hearing_input(w.units["city"]).items() if k != "unitId"},
            },
        ),
        ORGANIZER,
        repeatable=True,
    ),
]

# --- hearings: observers, materials, the day, minutes, the report ------------------------------------

INVITATION = "id name contact status"

ATTENDANCE = [
    Operation(
        "inviteObserver",
        f"mutation($input: InviteObserverInput!) {{ inviteObserver(input: $input) {{ {INVITATION} }} }}",
        given(World.hearing_inviting, lambda h, _: {"input": invitation_input(h.id)}),
        ORGANIZER,
    ),
    Operation(
        "hearing",
        "query($id: ID!) { hearing(id: $id) { id observers { edges { node { "
        f"{INVITATION} }} }} }} }} }}",
        given(World.hearing_invited, lambda h, _: {"id": h.id}),
        ORGANIZER,
        case="observers with contacts",
        guarded=("hearing", "observers"),
        check=contains(OBSERVER_CONTACT),
    ),
    # The personal link is the credential: whoever holds it sees and answers the invitation.
    Operation(
        "invitation",
        "query($t: String!) { invitation(token: $t) { name status hearing { title } } }",
        given(World.hearing_invited, lambda h, _: {"t": h.token}),
        EVERYONE,
        visible=not_null,
        check=lacks(OBSERVER_CONTACT),
    ),
    Operation(
        "respondToInvitation",
        "mutation($t: String!) { respondToInvitation(token: $t, accept: true) { status checkInCode } }",
        given(World.hearing_invited, lambda h, _: {"t": h.token}),
        EVERYONE,
        repeatable=True,
    ),
    Operation(
        "reissueInvitationLink",
        f"mutation($id: ID!) {{ reissueInvitationLink(invitationId: $id) {{ {INVITATION} link }} }}",
        given(World.hearing_invited, lambda h, _: {"id": h.invitation_id}),
        ORGANIZER,
        repeatable=True,
    ),
    Operation(
        "withdrawInvitation",
        'mutation($id: ID!) { withdrawInvitation(invitationId: $id, reason: "议程调整") '
        f"{{ {INVITATION} }} }}",
        given(World.hearing_invited, lambda h, _: {"id": h.invitation_id}),
        ORGANIZER,
    ),
    Operation(
        "recordMaterialsDelivered",
        'mutation($id: ID!) { recordMaterialsDelivered(hearingId: $id, note: "听证材料已寄送") '
        "{ notified } }",
        given(World.hearing_selected, lambda h, _: {"id": h.id}),
        ORGANIZER,
    ),
    Operation(
        "hearing",
        "query($id: ID!) { hearing(id: $id) { id materials { deliveredAt note } } }",
        given(World.hearing_materials, lambda h, _: {"id": h.id}),
        READ_INTERNAL,
        case="the materials' note",
        guarded=("hearing", "materials", "note"),
        visible=not_null,
    ),
    Operation(
        "hearing",
        "query($id: ID!) { hearing(id: $id) { id participantCheckIns { edges { node { "
        "name checkInCode } } } } }",
        given(World.hearing_selected, lambda h, _: {"id": h.id}),
        ORGANIZER,
        case="the door list",
        guarded=("hearing", "participantCheckIns"),
        check=contains("钱七"),
    ),
    # A query that only reads: the code was given with the seat.
    Operation(
        "myCheckIn",
        "query($id: ID!) { myCheckIn(hearingId: $id) { name code } }",
        given(World.hearing_selected, lambda h, _: {"id": h.id}),
        SIGNED_IN,
        check=seat_holder_only,
    ),
    Operation(
        "openHearing",
        'mutation($id: ID!) { openHearing(hearingId: $id, overrideReason: "材料送达较晚，经研究如期举行") '
        "{ status } }",
        given(World.hearing_today, lambda h, _: {"id": h.id}),
        ORGANIZER,
    ),
    # A code that exists, shown by a caller who is not its hearing's organizer: FORBIDDEN.
    Operation(
        "checkIn",
        "mutation($code: String!) { checkIn(code: $code) { name checkedInAt } }",
        given(World.hearing_in_session, lambda h, _: {"code": h.check_in_code}),
        ORGANIZER,
    ),
    Operation(
        "recordMinutes",
        "mutation($input: RecordMinutesInput!) { recordMinutes(input: $input) { id status } }",
        given(World.hearing_in_session, lambda h, _: {"input": minutes_input(h.id, 0)}),
        ORGANIZER,
    ),
    Operation(
        "hearing",
        "query($id: ID!) { hearing(id: $id) { id minutes { entries { speakerName mainPoints } } } }",
        given(World.hearing_held, lambda h, _: {"id": h.id}),
        READ_INTERNAL,
        case="the minutes",
        guarded=("hearing", "minutes"),
        check=contains("周八"),
    ),
    Operation(
        "signOffMinutes",
        "mutation($id: ID!, $e: [ID!]!) { signOffMinutes(hearingId: $id, entryIds: $e) { id } }",
        given(World.hearing_held, lambda h, _: {"id": h.id, "e": [h.entry_id]}),
        ORGANIZER,
    ),
    Operation(
        "publishHearingReport",
        "mutation($input: PublishHearingReportInput!) { publishHearingReport(input: $input) { status } }",
        given(World.hearing_held, lambda h, _: {"input": report_input(h.id, h.entry_id)}),
        ORGANIZER,
    ),
    Operation(
        "hearingReport",
        "query($id: ID!) { hearingReport(hearingId: $id) { summary views { speaker mainPoints handling } } }",
        given(World.hearing_reported, lambda h, _: {"id": h.id}),
        EVERYONE,
        visible=not_null,
        check=lacks("周八"),  # not named without consent
    ),
]

OPERATIONS = [*ACCOUNTS, *CONSULTATIONS, *REVIEW, *HEARINGS, *ATTENDANCE]

# --- plain HTTP: files and bulk data ---------------------------------------------------------------

HIDDEN = {"anonymous": 404, "signed_in": 404}  # not found for whoever may not see it
STAFF_ONLY = {"anonymous": 401, "signed_in": 403}


def body_contains(text: str) -> Any:
    def check(content: bytes, role: str) -> None:
        assert text in content.decode(), (role, content[:300])

    return check


DOWNLOADS = [
    Download(
        "/statements/{consultation_id}/v{version}.{fmt}",
        "an unpublished draft",
        given(World.generated, lambda c, _: f"/statements/{c.id}/v{c.version}.json"),
        READ_INTERNAL,
        HIDDEN,
    ),
    Download(
        "/statements/{consultation_id}/v{version}.{fmt}",
        "published",
        given(World.statement_published, lambda c, _: f"/statements/{c.id}/v{c.version}.csv"),
        EVERYONE,
        {},
    ),
    Download(
        "/exports/consultations/{consultation_id}/{dataset}.{fmt}",
        "comments",
        given(World.open, lambda c, _: f"/exports/consultations/{c.id}/comments.csv"),
        READ_INTERNAL,
        STAFF_ONLY,
        check=body_contains("赵六"),  # the phoned-in comment's caller
    ),
    Download(
        "/exports/consultations/{consultation_id}/{dataset}.{fmt}",
        "dispositions",
        given(World.reviewing, lambda c, _: f"/exports/consultations/{c.id}/dispositions.ndjson"),
        READ_INTERNAL,
        STAFF_ONLY,
    ),
    Download(
        "/hearings/{hearing_id}/draw.json",
        "a draft hearing",
        given(World.hearing_draft, lambda h, _: f"/hearings/{h.id}/draw.json"),
        READ_INTERNAL,
        HIDDEN,
    ),
    Download(
        "/exports/hearings/{hearing_id}/registrations.csv",
        "registrations with contacts",
        given(World.hearing_registered, lambda h, _: f"/exports/hearings/{h.id}/registrations.csv"),
        ORGANIZER,
        STAFF_ONLY,
        check=body_contains(CITIZEN_CONTACTS["citizen"]),
    ),
]
ROOT_TYPES = {"Query", "Mutation"}
NOT_DATA_ROUTES = {"/graphql", "/healthz", "/readyz"}

# Fields that carry personal data (names, contacts), and the entries that show who may read them.
PERSONAL_FIELD = re.compile(
    r"^(name|speakerName|submitterName|recipient|.*[cC]ontact|.*[pP]hone|.*[eE]mail)$"
)
PERSONAL_DATA = {
    "Comment.submitterName": ["consultation[comments with submitters' contacts]", "opinionGroups"],
    "Comment.submitterContact": [
        "consultation[comments with submitters' contacts]",
        "opinionGroups",
        "recordOfflineComment",
        "moderateComment",
    ],
    "HearingRegistrationRecord.name": ["hearingRegistrations"],
    "HearingRegistrationRecord.contact": ["hearingRegistrations", "selectParticipantManually"],
    "MyHearingRegistration.name": ["myRegistrations", "hearing[the caller's own registration]"],
    "MyHearingRegistration.contact": ["myRegistrations", "hearing[the caller's own registration]"],
    "ObserverInvitation.name": ["inviteObserver", "hearing[observers with contacts]"],
    "ObserverInvitation.contact": [
        "inviteObserver",
        "hearing[observers with contacts]",
        "reissueInvitationLink",
        "withdrawInvitation",
    ],
    "OutboxMessage.recipient": ["outbox"],
    "Registration.contact": ["registerCitizen"],  # the contact the caller just sent
    "HearingParticipant.name": [  # masked without consent
        "hearing[participant list before publication]",
        "hearing[published participant list]",
    ],
    "Invitation.name": ["invitation"],  # the invitee's own, through their link
    "CheckInPass.name": ["myCheckIn"],
    "CheckInResult.name": ["checkIn"],
    "ParticipantCheckIn.name": ["hearing[the door list]"],
    "MinutesEntry.speakerName": ["hearing[the minutes]"],
    "Unit.name": ["units"],  # not personal: a government unit
}


# --- the tests -------------------------------------------------------------------------------------


def root_fields() -> set[str]:
    graphql_schema = schema._schema
    return {
        name
        for root in (graphql_schema.query_type, graphql_schema.mutation_type)
        if root is not None
        for name in root.fields
    }


def test_every_operation_has_an_entry() -> None:
    covered = {op.name for op in OPERATIONS}
    missing = sorted(root_fields() - covered)
    assert not missing, f"add authorization matrix entries for {missing} (who may call them?)"
    gone = sorted(covered - root_fields())
    assert not gone, f"matrix entries for operations the schema no longer has: {gone}"


def test_every_entry_calls_its_operation_with_a_valid_document() -> None:
    assert len({op.id for op in OPERATIONS}) == len(OPERATIONS), "two entries share a name and case"
    for op in OPERATIONS:
        document = parse(op.document)
        assert not validate(schema._schema, document), (op.id, validate(schema._schema, document))
        (definition,) = document.definitions
        assert isinstance(definition, OperationDefinitionNode)
        roots = [selection.name.value for selection in definition.selection_set.selections]  # type: ignore[attr-defined]
        assert roots == [op.name], (op.id, roots)


def test_every_file_route_has_an_entry(matrix: MatrixApp) -> None:
    routes = set(matrix.app.openapi()["paths"]) - NOT_DATA_ROUTES
    covered = {d.route for d in DOWNLOADS}
    assert not routes - covered, (
        f"add authorization matrix entries (DOWNLOADS) for {sorted(routes - covered)}"
    )
    assert not covered - routes, (
        f"DOWNLOADS entries for routes the app no longer has: {sorted(covered - routes)}"
    )


def test_every_personal_data_field_is_covered() -> None:
    found: set[str] = set()
    for type_name, named in schema._schema.type_map.items():
        if (
            isinstance(named, GraphQLObjectType)
            and type_name not in ROOT_TYPES
            and not type_name.startswith("__")
        ):
            found.update(f"{type_name}.{field}" for field in named.fields if PERSONAL_FIELD.match(field))
    missing = sorted(found - set(PERSONAL_DATA))
    assert not missing, f"fields with personal data and no matrix entry saying who reads them: {missing}"
    entries = {op.id for op in OPERATIONS}
    unknown = {field: [e for e in names if e not in entries] for field, names in PERSONAL_DATA.items()}
    assert not any(unknown.values()), unknown


@pytest.fixture(scope="module")
async def matrix(settings: Settings) -> AsyncIterator[MatrixApp]:
    async for running in matrix_app(settings):
        yield running


@pytest.fixture
async def world(matrix: MatrixApp) -> World:
    await matrix.reset()
    gql = GraphQL(matrix.http)
    return await World(matrix, gql, People(matrix.state, gql)).cast()


@pytest.mark.parametrize("op", OPERATIONS, ids=lambda op: op.id)
async def test_operation(world: World, op: Operation, monkeypatch: pytest.MonkeyPatch) -> None:
    await check_operation(world, op, monkeypatch)


@pytest.mark.parametrize("download", DOWNLOADS, ids=lambda d: d.id)
async def test_download(world: World, download: Download, matrix: MatrixApp) -> None:
    await check_download(world, download, matrix.http)


# --- probing for ids ---------------------------------------------------------------------------------

MISSING_ID = "987654"
ID_KEY = re.compile(r"(^id$|Id$|Ids$)")
# Callers who hold no role anywhere, or one role only on the world's unit: refused alike whether the id
# exists or not (permission first), so a refusal tells them nothing about which ids exist. Staff who hold
# one of the operation's roles on some unit may still tell "not found" from "not your unit" (they see
# their own units' items anyway; docs/api.md, "Errors"): so may the drafter, who publishes and closes,
# where only the approver may shorten the period or close early.
PROBERS = ("anonymous", "unverified", "other_citizen", "organizer", "drafter", "reviewer", "approver")
MAY_DO_THE_MAIN_ACTION = {
    "publishConsultation[a shortened period]": "drafter",
    "closeConsultation[early]": "drafter",
}


def with_missing_ids(value: Any, key: str = "") -> tuple[Any, bool]:
    """The variables with every id replaced by one that does not exist, and whether any was."""
    if isinstance(value, dict):
        replaced = {k: with_missing_ids(v, k) for k, v in value.items()}
        return {k: v for k, (v, _) in replaced.items()}, any(r for _, r in replaced.values())
    if isinstance(value, list) and ID_KEY.search(key):
        return [MISSING_ID for _ in value], bool(value)
    if isinstance(value, list):
        items = [with_missing_ids(v) for v in value]
        return [v for v, _ in items], any(r for _, r in items)
    if isinstance(value, str) and ID_KEY.search(key) and value.isdigit():
        return MISSING_ID, True
    return value, False


# A staff-only field of a public item (`consultation { reviews }`) is guarded by its parent: a missing id
# and an item the caller may not see are both a null parent.
PROBED = [
    op
    for op in OPERATIONS
    if op.visible is None and len(op.path) == 1 and any(r not in op.allowed for r in PROBERS)
]


@pytest.mark.parametrize("op", PROBED, ids=lambda op: op.id)
async def test_a_refused_caller_cannot_tell_a_missing_id(world: World, op: Operation) -> None:
    variables, replaced = with_missing_ids(sendable(await op.variables(world)))
    if not replaced:
        pytest.skip("no id among the variables")
    for role in PROBERS:
        expected = op.denied_code(role)
        if (
            role in op.allowed
            or expected not in PERMISSION_CODES
            or MAY_DO_THE_MAIN_ACTION.get(op.id) == role
        ):
            continue
        result = await world.gql(op.document, variables, token=world.token(role))
        codes = error_codes_on(result, op.path)
        assert expected in codes, f"{op.id} as {role} with a missing id: expected {expected}, got {result}"
