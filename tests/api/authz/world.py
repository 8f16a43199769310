"""Who calls (the cast) and what they call it on (the world), both built on demand through GraphQL.

Units: prov (top level) → city (the world's unit) → county; and other, a second top-level unit. Every
consultation and hearing of the world belongs to city. A part of the world (an open consultation, a
hearing in session…) is built the first time a test asks for it, on top of the part it follows from; its
rows are then kept, and a later test that needs the same part gets them back instead of building it again
(aggregation and statement rendering take seconds).
"""

import copy
import functools
import hashlib
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, insert, select, text, update

from api.context import AppState
from api.db import utcnow
from api.model_registry import metadata
from api.outbox import Notification
from consultations.deadlines import today_in
from consultations.models import Consultation
from tests.conftest import GraphQL, People
from tests.consultations.conftest import (
    CREATE,
    DRAFT_TEXT,
    IMPORT,
    PUBLISH,
    RECORD_REVIEW,
    SUBMIT_COMMENT,
    SUBMIT_FOR_REVIEW,
    OpenConsultation,
    Team,
    ok,
)
from tests.consultations.review_helpers import GROUPS, OFFLINE, RUN, closed_consultation, groups_of
from tests.hearings.conftest import (
    PUBLISH_HEARING,
    Organizers,
    close_registration,
    create_hearing,
    open_registration,
    set_hearing_times,
)

if TYPE_CHECKING:
    from tests.api.authz.app import MatrixApp

# The order callers are tried in; an operation's denied roles are called before its allowed ones.
ROLES = (
    "anonymous",
    "unverified",  # a citizen who never verified their contact
    "citizen",  # the author of the world's comments and hearing registrations
    "other_citizen",  # verified, owns nothing
    "organizer",
    "drafter",
    "reviewer",
    "approver",
    "admin",
    "parent_staff",  # drafter, reviewer, approver and organizer on prov, the world unit's parent
    "deployment_admin",  # admin on prov: a top-level unit
    "other_unit",  # drafter, reviewer, approver and organizer on another top-level unit
    "child_unit",  # every role, admin included, on county, a unit below the world's unit
)
SIGNED_IN = tuple(r for r in ROLES if r != "anonymous")
EVERYONE = ROLES
CITIZEN_CONTACTS = {"citizen": "13700000001", "other_citizen": "13700000002", "unverified": "13700000003"}
PASSWORD = "citizen-pass-1"  # People.citizen's
STAFF_GRANTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "organizer": ("city", ("organizer",)),
    "drafter": ("city", ("drafter",)),
    "reviewer": ("city", ("reviewer",)),
    "approver": ("city", ("approver",)),
    "admin": ("city", ("admin",)),
    "parent_staff": ("prov", ("drafter", "reviewer", "approver", "organizer")),
    "deployment_admin": ("prov", ("admin",)),
    "other_unit": ("other", ("drafter", "reviewer", "approver", "organizer")),
    "child_unit": ("county", ("admin", "drafter", "reviewer", "approver", "organizer")),
}


def unit_roles(*roles: str) -> tuple[str, ...]:
    """Who holds one of these roles on the world's unit: the roles themselves, then an admin of the unit,
    the parent unit's staff (a grant covers the units below it) and the top-level admin."""
    inherited = (
        ("deployment_admin",) if roles == ("admin",) else ("admin", "parent_staff", "deployment_admin")
    )
    return tuple(dict.fromkeys((*roles, *inherited)))


READ_INTERNAL = unit_roles("drafter", "reviewer", "approver", "organizer")

LETTER_CONTACT = "13655556666"  # a phoned-in comment's caller's number (the open consultation)
OBSERVER_CONTACT = "13544443333"
SEED = "4f1c2a9e0b7d3c5e8a6f1b2d4c9e7a0f3b5d8c1e6a2f4b7d9c0e3a5f8b1d2c4e"


@dataclass
class Consult:
    """A consultation of the world and what was made on it."""

    id: str
    articles: list[dict[str, Any]] = field(default_factory=list)
    receipt: str = ""  # the citizen's comment
    comment_id: str = ""  # the citizen's comment
    groups: list[dict[str, Any]] = field(default_factory=list)
    disposition_id: str = ""  # proposed by the reviewer, not approved
    version: int = 0  # the statement's version


@dataclass
class HearingRef:
    """A hearing of the world and what was made on it."""

    id: str
    registration_id: str = ""  # the citizen's
    invitation_id: str = ""
    token: str = ""  # the invitation's personal link's token
    check_in_code: str = ""  # the citizen's
    entry_id: str = ""  # a minutes entry


# --- snapshots of the database -------------------------------------------------------------------------


@dataclass(frozen=True)
class Snapshot:
    """Every row of the database once a part of the world was built, and the part itself."""

    rows: dict[str, list[dict[str, Any]]]
    part: Any


SNAPSHOTS: dict[str, Snapshot] = {}  # by part name, for the whole test run (one database mode)


async def take_snapshot(state: AppState, part: Any) -> Snapshot:
    rows = {}
    async with state.sessionmaker() as session:
        for table in metadata.sorted_tables:
            result = await session.execute(select(table).order_by(*table.primary_key.columns))
            rows[table.name] = [{c.key: row._mapping[c] for c in table.columns} for row in result]
    return Snapshot(rows=rows, part=copy.deepcopy(part))


async def restore_snapshot(state: AppState, snapshot: Snapshot) -> Any:
    """Put the snapshot's rows in place of every row of the database."""
    async with state.engine.begin() as connection:
        for table in reversed(metadata.sorted_tables):
            await connection.execute(delete(table))
        for table in metadata.sorted_tables:  # parents first; a unit's parent has a smaller id
            if snapshot.rows[table.name]:
                await connection.execute(insert(table), snapshot.rows[table.name])
        if connection.dialect.name == "postgresql":  # new rows get ids after the restored ones
            for table in metadata.sorted_tables:
                if "id" in table.columns and snapshot.rows[table.name]:
                    await connection.execute(
                        text(
                            f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                            f"(SELECT max(id) FROM {table.name}))"
                        )
                    )
    return copy.deepcopy(snapshot.part)


Builder = Callable[..., Awaitable[Any]]
PARTS: dict[str, tuple[Builder, str | None]] = {}  # each part's builder and the part it builds on


def part(after: str | None = None) -> Callable[[Builder], Callable[["World"], Awaitable[Any]]]:
    """A part of the world, built (on top of the part `after`, whose builder it is given) the first time
    it is asked for; a test's first part comes from an earlier test's snapshot when there is one."""

    def decorate(build: Builder) -> Callable[["World"], Awaitable[Any]]:
        @functools.wraps(build)
        async def get(world: "World") -> Any:
            name = build.__name__
            if name not in world.built:
                world.built[name] = await world.make(name, build, after)
            return world.built[name]

        PARTS[build.__name__] = (build, after)
        return get

    return decorate


class World:
    """The cast and, on demand, the consultations and hearings an operation needs."""

    def __init__(self, matrix: "MatrixApp", gql: GraphQL, people: People):
        self.matrix, self.state, self.gql, self.people = matrix, matrix.state, gql, people
        self.run_jobs = matrix.run_jobs
        self.tokens: dict[str, str | None] = {"anonymous": None}
        self.units: dict[str, int] = {}
        self.built: dict[str, Any] = {}
        self.restored = False  # whether this test's rows (the cast's at least) are in place
        self.changed = False  # built something through the API (its jobs may still be running)

    async def make(self, name: str, build: Builder, after: str | None) -> Any:
        """Restore the part from its snapshot if nothing else was built yet, else build it (on its
        predecessor, restored or built the same way) and keep a snapshot of it."""
        fresh = not self.built
        if fresh and name in SNAPSHOTS:
            self.restored = True
            return await restore_snapshot(self.state, SNAPSHOTS[name])
        if after is None:
            await self.as_is()
            made = await build(self)
        else:
            before, after_after = PARTS[after]
            made = await build(self, await self.make(after, before, after_after))
        self.changed = True
        if fresh:
            await self.run_jobs()
            SNAPSHOTS[name] = await take_snapshot(self.state, made)
        return made

    async def cast(self) -> "World":
        """The units and a signed-in caller for every role (their rows are restored when first needed)."""
        if "cast" in SNAPSHOTS:
            self.units, self.tokens = copy.deepcopy(SNAPSHOTS["cast"].part)
            return self
        await self.matrix.empty()
        self.restored = True
        people = self.people
        self.units["prov"] = await people.unit("prov")
        self.units["city"] = await people.unit("city", parent="prov", region="330100")
        self.units["county"] = await people.unit("county", parent="city", region="330127")
        self.units["other"] = await people.unit("other", region="320000")
        for role, contact in CITIZEN_CONTACTS.items():
            self.tokens[role] = await people.citizen(contact, verified=role != "unverified")
        for role, (unit, grants) in STAFF_GRANTS.items():
            self.tokens[role] = await people.staff(role.replace("_", "-"), list(grants), unit)
        await self.run_jobs()
        SNAPSHOTS["cast"] = await take_snapshot(self.state, (self.units, self.tokens))
        return self

    async def as_is(self) -> "World":
        """The world as it stands: at least its units and its cast."""
        if not self.restored:
            await restore_snapshot(self.state, SNAPSHOTS["cast"])
            self.restored = True
        return self

    def token(self, role: str) -> str | None:
        return self.tokens[role]

    async def call(self, role: str, document: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
        return ok(await self.gql(document, variables or {}, token=self.tokens[role]))

    @property
    def team(self) -> Team:
        return Team(
            unit_id=self.units["city"],
            drafter=self.tokens["drafter"] or "",
            approver=self.tokens["approver"] or "",
            reviewer=self.tokens["reviewer"] or "",
        )

    @property
    def organizers(self) -> Organizers:
        return Organizers(
            unit_id=self.units["city"],
            organizer=self.tokens["organizer"] or "",
            drafter=self.tokens["drafter"] or "",
        )

    # --- accounts ---------------------------------------------------------------------------------

    @part()
    async def plain_staff_id(self) -> str:
        """A staff account without any role (to be granted one)."""
        await self.people.staff("plain-staff", [], "city")
        me = await self.gql("{ me { id } }", token=await self.people.login("plain-staff", "staff-pass-1"))
        return str(me["data"]["me"]["id"])

    @part()
    async def verification(self) -> tuple[str, str]:
        """A contact registered but not verified, and the code sent to it."""
        contact = "13700000099"
        register = (
            'mutation($c: String!) { registerCitizen(contact: $c, password: "new-pass-99") { userId } }'
        )
        ok(await self.gql(register, {"c": contact}))
        async with self.state.sessionmaker() as session:
            body = await session.scalar(
                select(Notification.body)
                .where(Notification.recipient == contact, Notification.kind == "verification_code")
                .order_by(Notification.id.desc())
            )
        assert body is not None
        code = next(word for word in body.replace("，", " ").split() if word.isdigit() and len(word) == 6)
        return contact, code

    # --- consultations ----------------------------------------------------------------------------

    @part()
    async def draft(self) -> Consult:
        """A consultation in DRAFT with its text imported (never public)."""
        created = await self.call(
            "drafter",
            CREATE,
            {
                "input": {
                    "unitId": str(self.units["city"]),
                    "title": "某市农村宅基地管理办法",
                    "kind": "MAJOR_DECISION",
                }
            },
        )
        cid = created["createConsultation"]["id"]
        version = await self.call("drafter", IMPORT, {"id": cid, "text": DRAFT_TEXT})
        return Consult(id=cid, articles=version["importDraft"]["articles"])

    @part(after="draft")
    async def in_review(self, consult: Consult) -> Consult:
        """IN_REVIEW, no review recorded."""
        await self.call("drafter", SUBMIT_FOR_REVIEW, {"id": consult.id})
        return consult

    @part(after="in_review")
    async def reviewed(self, consult: Consult) -> Consult:
        """IN_REVIEW with passed legality and secrecy reviews: ready to publish."""
        for kind in ("LEGALITY", "SECRECY"):
            await self.call(
                "drafter", RECORD_REVIEW, {"id": consult.id, "kind": kind, "on": today_in().isoformat()}
            )
        return consult

    @part(after="reviewed")
    async def open(self, consult: Consult) -> Consult:
        """OPEN, with the citizen's comment and a phoned-in comment with its caller's name and number."""
        await self.call("drafter", PUBLISH, {"id": consult.id})
        comment = {
            "id": consult.id,
            "body": "建议明确宅基地面积标准的计算方法。",
            "article": consult.articles[2]["id"],
        }
        consult.receipt = (await self.call("citizen", SUBMIT_COMMENT, comment))["submitComment"][
            "receiptCode"
        ]
        phoned = {
            "consultationId": consult.id,
            "channel": "PHONE",
            "body": "来电建议增加宅基地有偿退出的补偿标准。",
            "submitterName": "赵六",
            "submitterContact": LETTER_CONTACT,
        }
        await self.call("drafter", OFFLINE, {"input": phoned})
        comments = (await self.call("drafter", COMMENTS, {"id": consult.id}))["consultation"]["comments"]
        consult.comment_id = next(
            e["node"]["id"] for e in comments["edges"] if e["node"]["receiptCode"] == consult.receipt
        )
        return consult

    @part(after="open")
    async def past_deadline(self, consult: Consult) -> Consult:
        """Still OPEN, but its deadline has passed (the closing job has not run yet)."""
        async with self.state.sessionmaker() as session:
            await session.execute(
                update(Consultation)
                .where(Consultation.id == int(consult.id))
                .values(closes_at=utcnow() - timedelta(minutes=1))
            )
            await session.commit()
        return consult

    @part(after="open")
    async def withdrawn(self, consult: Consult) -> Consult:
        """WITHDRAWN after it was open for comments."""
        await self.call("drafter", WITHDRAW, {"id": consult.id})
        return consult

    @part(after="open")
    async def closed(self, consult: Consult) -> Consult:
        """CLOSED early by the approver, with comments from several citizens (a form letter among them)."""
        await closed_consultation(
            self.gql, self.people, self.team, OpenConsultation(id=consult.id, articles=consult.articles)
        )
        return consult

    @part(after="closed")
    async def aggregated(self, consult: Consult) -> Consult:
        """REVIEWING: the comments aggregated into topics and a campaign."""
        await self.call("reviewer", RUN, {"id": consult.id})
        await self.run_jobs()
        consult.groups = groups_of(await self.call("reviewer", GROUPS, {"id": consult.id}))
        return consult

    @part(after="aggregated")
    async def reviewing(self, consult: Consult) -> Consult:
        """REVIEWING, and the reviewer has proposed a disposition for the first topic."""
        proposed = await self.call("reviewer", PROPOSE, {"group": topics(consult)[0]["id"]})
        consult.disposition_id = proposed["setDisposition"]["id"]
        return consult

    @part(after="aggregated")
    async def all_decided(self, consult: Consult) -> Consult:
        """REVIEWING with an approved disposition for every topic: a statement can be generated."""
        proposed = await self.call("reviewer", BULK, {"ids": [g["id"] for g in topics(consult)]})
        await self.call("approver", APPROVE, {"ids": [p["id"] for p in proposed["setDispositionForGroups"]]})
        return consult

    @part(after="all_decided")
    async def generated(self, consult: Consult) -> Consult:
        """REVIEWING with a generated, unpublished statement (a draft version)."""
        await self.call("reviewer", GENERATE, {"id": consult.id})
        await self.run_jobs()
        statement = (await self.call("reviewer", STATEMENT, {"id": consult.id}))["statement"]
        assert statement["status"] == "draft" and not statement["personalDataFindings"], statement
        consult.version = statement["version"]
        return consult

    @part(after="generated")
    async def statement_published(self, consult: Consult) -> Consult:
        """STATEMENT_PUBLISHED."""
        await self.call("approver", PUBLISH_STATEMENT, {"id": consult.id, "v": consult.version})
        return consult

    @part(after="statement_published")
    async def decided(self, consult: Consult) -> Consult:
        """DECIDED: the decision published."""
        await self.call("approver", PUBLISH_DECISION, {"input": decision_input(consult.id)})
        return consult

    # --- hearings ---------------------------------------------------------------------------------

    @part()
    async def hearing_draft(self) -> HearingRef:
        """A hearing (a draw) in DRAFT: never public."""
        return HearingRef(id=str((await create_hearing(self.gql, self.organizers))["id"]))

    @part(after="hearing_draft")
    async def hearing_published(self, hearing: HearingRef) -> HearingRef:
        """Published; registration opens tomorrow; no draw seed committed."""
        await self.call("organizer", PUBLISH_HEARING, {"id": hearing.id})
        return hearing

    @part(after="hearing_published")
    async def hearing_registering(self, hearing: HearingRef) -> HearingRef:
        """Published and taking registrations now; nobody registered."""
        await open_registration(self.state, hearing.id)
        return hearing

    @part(after="hearing_registering")
    async def hearing_registered(self, hearing: HearingRef) -> HearingRef:
        """Taking registrations, with the citizen's registration (applied, waiting for the draw)."""
        registered = await self.call("citizen", REGISTER, {"input": registration_input(hearing.id)})
        hearing.registration_id = str(registered["registerForHearing"]["id"])
        return hearing

    @part(after="hearing_registered")
    async def hearing_selected(self, hearing: HearingRef) -> HearingRef:
        """The citizen holds a seat, selected by the organizer."""
        await self.call("organizer", SELECT_MANUALLY, {"id": hearing.registration_id})
        return hearing

    @part(after="hearing_selected")
    async def hearing_ready_to_list(self, hearing: HearingRef) -> HearingRef:
        """Registration closed with every applicant decided: the participant list can be published."""
        await close_registration(self.state, hearing.id)
        return hearing

    @part(after="hearing_ready_to_list")
    async def hearing_list_published(self, hearing: HearingRef) -> HearingRef:
        """The participant list published."""
        await self.call(
            "organizer",
            "mutation($id: ID!) { publishParticipantList(hearingId: $id) { id } }",
            {"id": hearing.id},
        )
        return hearing

    @part(after="hearing_draft")
    async def hearing_ready_to_draw(self, hearing: HearingRef) -> HearingRef:
        """Seed committed, the citizen registered, registration closed: the draw is due."""
        commitment = hashlib.sha256(SEED.encode()).hexdigest()
        await self.call("organizer", COMMIT_SEED, {"id": hearing.id, "s": commitment})
        await self.call("organizer", PUBLISH_HEARING, {"id": hearing.id})
        await open_registration(self.state, hearing.id)
        await self.call("citizen", REGISTER, {"input": registration_input(hearing.id)})
        await close_registration(self.state, hearing.id)
        return hearing

    @part(after="hearing_selected")
    async def hearing_materials(self, hearing: HearingRef) -> HearingRef:
        """The materials recorded as delivered, with a note."""
        await self.call("organizer", MATERIALS, {"id": hearing.id})
        return hearing

    @part(after="hearing_selected")
    async def hearing_today(self, hearing: HearingRef) -> HearingRef:
        """Starting today (a minute ago), not opened yet; the citizen has their check-in code."""
        passed = await self.call("citizen", MY_CHECK_IN, {"id": hearing.id})
        hearing.check_in_code = passed["myCheckIn"]["code"]
        await set_hearing_times(self.state, hearing.id, starts_at=utcnow() - timedelta(minutes=1))
        return hearing

    @part(after="hearing_today")
    async def hearing_in_session(self, hearing: HearingRef) -> HearingRef:
        """Opened by the organizer: in session, check-in running."""
        await self.call("organizer", OPEN_HEARING, {"id": hearing.id})
        return hearing

    @part(after="hearing_in_session")
    async def hearing_held(self, hearing: HearingRef) -> HearingRef:
        """Held: the minutes have one entry, a member of the public's view."""
        await self.call("organizer", RECORD_MINUTES, {"input": minutes_input(hearing.id, 0)})
        minutes = await self.call("organizer", MINUTES, {"id": hearing.id})
        hearing.entry_id = minutes["hearing"]["minutes"]["entries"][0]["id"]
        return hearing

    @part(after="hearing_held")
    async def hearing_reported(self, hearing: HearingRef) -> HearingRef:
        """Reported: the hearing report published."""
        await self.call("organizer", PUBLISH_REPORT, {"input": report_input(hearing.id, hearing.entry_id)})
        return hearing

    @part()
    async def hearing_inviting(self) -> HearingRef:
        """Published, with observers to be invited; nobody invited yet."""
        created = await create_hearing(self.gql, self.organizers, observersInvited=True)
        await self.call("organizer", PUBLISH_HEARING, {"id": created["id"]})
        return HearingRef(id=str(created["id"]))

    @part(after="hearing_inviting")
    async def hearing_invited(self, hearing: HearingRef) -> HearingRef:
        """One observer invited; the link's token known."""
        invited = (await self.call("organizer", INVITE, {"input": invitation_input(hearing.id)}))[
            "inviteObserver"
        ]
        hearing.invitation_id, hearing.token = invited["id"], invited["link"].rsplit("/", 1)[-1]
        return hearing


def topics(consult: Consult) -> list[dict[str, Any]]:
    return [g for g in consult.groups if g["kind"] == "TOPIC"]


def decision_input(consultation_id: str) -> dict[str, Any]:
    return {
        "consultationId": consultation_id,
        "decidedOn": today_in().isoformat(),
        "summary": "经市政府常务会议审议通过。",
        "adoptedText": DRAFT_TEXT,
    }


def registration_input(hearing_id: str) -> dict[str, Any]:
    return {"hearingId": hearing_id, "category": "PUBLIC", "name": "钱七"}


def invitation_input(hearing_id: str) -> dict[str, Any]:
    return {"hearingId": hearing_id, "category": "MEDIA", "name": "孙记者", "contact": OBSERVER_CONTACT}


def minutes_input(hearing_id: str, expected: int) -> dict[str, Any]:
    entry = {
        "stage": "STATEMENT",
        "speakerName": "周八",
        "speakerCategory": "PUBLIC",
        "mainPoints": "建议提高面积标准。",
    }
    return {"hearingId": hearing_id, "expectedEntries": expected, "entries": [entry]}


def report_input(hearing_id: str, entry_id: str) -> dict[str, Any]:
    return {
        "hearingId": hearing_id,
        "summary": "听证会听取了各方意见，逐条研究处理。",
        "handlings": [{"entryId": entry_id, "handling": "已在修改稿中研究采纳。"}],
    }


COMMENTS = (
    "query($id: ID!) { consultation(id: $id) { comments(first: 100) { edges { node { id receiptCode } } } } }"
)
PROPOSE = """
mutation($group: ID!) {
  setDisposition(input: {groupId: $group, outcome: NOT_ADOPTED, reason: "上位法已有规定"}) { id }
}"""
BULK = """
mutation($ids: [ID!]!) {
  setDispositionForGroups(groupIds: $ids, outcome: NOT_ADOPTED, standardReason: "higher_law") { id }
}"""
APPROVE = "mutation($ids: [ID!]!) { approveDisposition(dispositionIds: $ids) { id } }"
GENERATE = "mutation($id: ID!) { generateStatement(consultationId: $id) { id } }"
STATEMENT = (
    "query($id: ID!) { statement(consultationId: $id) { version status personalDataFindings { kind } } }"
)
PUBLISH_STATEMENT = (
    "mutation($id: ID!, $v: Int!) { publishStatement(consultationId: $id, version: $v) { version } }"
)
PUBLISH_DECISION = "mutation($input: PublishDecisionInput!) { publishDecision(input: $input) { decidedOn } }"
WITHDRAW = 'mutation($id: ID!) { withdrawConsultation(consultationId: $id, reason: "并入市级办法") { id } }'
REGISTER = "mutation($input: RegisterForHearingInput!) { registerForHearing(input: $input) { id } }"
SELECT_MANUALLY = """
mutation($id: ID!) { selectParticipantManually(registrationId: $id, reason: "按遴选办法直接确定") { id } }"""
COMMIT_SEED = "mutation($id: ID!, $s: String!) { commitDrawSeed(hearingId: $id, seedSha256: $s) { id } }"
INVITE = "mutation($input: InviteObserverInput!) { inviteObserver(input: $input) { id link } }"
MATERIALS = (
    'mutation($id: ID!) { recordMaterialsDelivered(hearingId: $id, note: "听证材料已寄送") { notified } }'
)
MY_CHECK_IN = "query($id: ID!) { myCheckIn(hearingId: $id) { code } }"
OPEN_HEARING = (
    'mutation($id: ID!) { openHearing(hearingId: $id, overrideReason: "材料送达较晚，如期举行") { id } }'
)
RECORD_MINUTES = "mutation($input: RecordMinutesInput!) { recordMinutes(input: $input) { id } }"
MINUTES = "query($id: ID!) { hearing(id: $id) { minutes { entries { id } } } }"
PUBLISH_REPORT = "mutation($input: PublishHearingReportInput!) { publishHearingReport(input: $input) { id } }"
