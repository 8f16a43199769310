"""GraphQL of registration and fair selection: the Hearing type's fields about registrations, the draw and
the participant list; the caller's and the organizer's registration lists; and the operations
registerForHearing, cancelRegistration, commitDrawSeed, drawParticipants, selectParticipantManually,
publishParticipantList. Resolvers parse, call hearings/registration.py, and shape the answer."""

from datetime import datetime
from typing import TYPE_CHECKING, Annotated, Any

import strawberry
from sqlalchemy import select
from strawberry.types import Info

from api.accounts.models import Unit
from api.accounts.permissions import require_user
from api.context import Context, parse_id
from api.pagination import Connection, connection, decode_cursor, page_size
from consultations.schema import gql_id
from hearings import registration, service
from hearings.models import (
    PARTICIPANT_CATEGORY_LABELS,
    Hearing,
    HearingCategory,
    HearingStatus,
    ParticipantCategory,
    Registration,
    RegistrationStatus,
    SelectedBy,
)

if TYPE_CHECKING:
    from hearings.schema import HearingType

ContextInfo = Info[Context, None]
LazyHearing = Annotated["HearingType", strawberry.lazy("hearings.schema")]

strawberry.enum(RegistrationStatus, name="HearingRegistrationStatus")
strawberry.enum(SelectedBy, name="HearingSelectedBy")


def _category_label(code: str) -> str:
    return PARTICIPANT_CATEGORY_LABELS[ParticipantCategory(code)]


def _selected_by(value: str | None) -> SelectedBy | None:
    return SelectedBy(value) if value else None


def _selected_by_label(value: str | None) -> str:
    return registration.SELECTED_BY_LABELS[SelectedBy(value)] if value else ""


def _hearing_row(info: ContextInfo, hearing: Hearing) -> "HearingType":
    from hearings.schema import hearing_type  # hearings.schema imports this module

    return hearing_type(info, hearing)


async def _nudge_notifications(info: ContextInfo) -> None:
    await info.context.state.queue.enqueue("deliver_notifications", job_id="deliver_notifications")


def _hearing_rows_loader(info: ContextInfo) -> Any:
    """Hearing rows and their units' paths by id, one query per batch (Hearing's fields need the row)."""
    ctx = info.context

    async def load(ids: list[int]) -> list[tuple[Hearing, str] | None]:
        async with ctx.session() as session:
            rows = await session.execute(
                select(Hearing, Unit.path).join(Unit, Unit.id == Hearing.unit_id).where(Hearing.id.in_(ids))
            )
            found = {hearing.id: (hearing, path) for hearing, path in rows.all()}
        return [found.get(i) for i in ids]

    return ctx.loader("hearing_rows_with_paths", load)


# --- types ------------------------------------------------------------------------------------------


def _registration_fields(r: Registration, category: str) -> dict[str, Any]:
    """What the applicant and the organizer both see of a registration."""
    return {
        "applicant_code": r.applicant_code,
        "category": ParticipantCategory(category),
        "category_label": _category_label(category),
        "name": r.name,
        "organization": r.organization,
        "contact": r.contact,
        "wishes_to_speak": r.wishes_to_speak,
        "position_summary": r.position_summary,
        "consent_to_be_named": r.consent_to_be_named,
        "status": RegistrationStatus(r.status),
        "status_label": registration.STATUS_LABELS[RegistrationStatus(r.status)],
        "seat_number": r.seat_number,
        "selected_by": _selected_by(r.selected_by),
        "selected_by_label": _selected_by_label(r.selected_by),
    }


@strawberry.type(description="The caller's own registration for a hearing.")
class MyHearingRegistration:
    id: strawberry.ID
    hearing_id: strawberry.ID
    hearing_title: str
    hearing_starts_at: datetime
    applicant_code: str = strawberry.field(
        description="The public pseudonym on the applicant list and in the draw (抽签代码)."
    )
    category: ParticipantCategory
    category_label: str
    name: str
    organization: str
    contact: str
    wishes_to_speak: bool
    position_summary: str
    consent_to_be_named: bool
    status: RegistrationStatus
    status_label: str
    seat_number: int | None
    selected_by: SelectedBy | None
    selected_by_label: str
    waitlist_rank: int | None = strawberry.field(description="Rank given when waitlisted; it never changes.")
    registered_at: datetime
    selected_at: datetime | None
    cancelled_at: datetime | None
    can_cancel: bool
    row: strawberry.Private[Registration]

    @strawberry.field(
        description="Place on the waitlist now (1 = next to be promoted); null unless waitlisted."
    )
    async def waitlist_position(self, info: ContextInfo) -> int | None:
        if self.row.status != RegistrationStatus.WAITLISTED:
            return None
        async with info.context.session() as session:
            return await registration.waitlist_position(session, self.row)

    @strawberry.field(description="The hearing, if it is visible to the caller.")
    async def hearing(self, info: ContextInfo) -> LazyHearing | None:
        principal = await info.context.principal()
        async with info.context.session() as session:
            found = await service.get_visible(session, principal=principal, hearing_id=self.row.hearing_id)
        return _hearing_row(info, found) if found else None

    @classmethod
    def from_row(cls, r: Registration, hearing: Hearing, category: str) -> "MyHearingRegistration":
        now = datetime.now(tz=hearing.starts_at.tzinfo)
        return cls(
            id=gql_id(r.id),
            hearing_id=gql_id(hearing.id),
            hearing_title=hearing.title,
            hearing_starts_at=hearing.starts_at,
            **_registration_fields(r, category),
            waitlist_rank=r.waitlist_rank,
            registered_at=r.registered_at,
            selected_at=r.selected_at,
            cancelled_at=r.cancelled_at,
            can_cancel=r.status != RegistrationStatus.CANCELLED
            and hearing.status == HearingStatus.PUBLISHED
            and now < hearing.starts_at,
            row=r,
        )


@strawberry.type(description="A registration as the hearing's organizer sees it (with contact details).")
class HearingRegistrationRecord:
    id: strawberry.ID
    applicant_code: str
    category: ParticipantCategory
    category_label: str
    name: str
    organization: str
    contact: str
    wishes_to_speak: bool
    position_summary: str
    consent_to_be_named: bool
    status: RegistrationStatus
    status_label: str
    seat_number: int | None
    selected_by: SelectedBy | None
    selected_by_label: str
    manual_reason: str
    waitlist_rank: int | None
    registered_at: datetime
    selected_at: datetime | None
    cancelled_at: datetime | None
    checked_in_at: datetime | None

    @classmethod
    def from_row(cls, r: Registration, category: str) -> "HearingRegistrationRecord":
        return cls(
            id=gql_id(r.id),
            **_registration_fields(r, category),
            manual_reason=r.manual_reason,
            waitlist_rank=r.waitlist_rank,
            registered_at=r.registered_at,
            selected_at=r.selected_at,
            cancelled_at=r.cancelled_at,
            checked_in_at=r.checked_in_at,
        )


@strawberry.type(description="Registrations of one category by status, against its quota (staff).")
class HearingRegistrationCount:
    category: ParticipantCategory
    label: str
    quota: int
    applied: int
    selected: int
    waitlisted: int
    cancelled: int


@strawberry.type(
    description="One participant on the public list: named only with their consent (rules H), else 张*."
)
class HearingParticipant:
    category: ParticipantCategory
    category_label: str
    seat_number: int
    named: bool = strawberry.field(description="Whether the participant consented to be named.")
    name: str
    organization: str = strawberry.field(description="Empty unless the participant consented to be named.")
    wishes_to_speak: bool
    selected_by: SelectedBy
    selected_by_label: str
    manual_reason: str = strawberry.field(description="The organizer's reason, for a manual selection.")


@strawberry.type(description="A seat the organizer filled by manual selection before the draw.")
class HearingDrawManualSelection:
    applicant_code: str
    reason: str


@strawberry.type(description="One category of the draw: its inputs and, once drawn, its result.")
class HearingDrawCategory:
    category: ParticipantCategory
    label: str
    quota: int
    manually_selected: list[HearingDrawManualSelection]
    seats_drawn: int = strawberry.field(description="Seats the draw fills: the quota less manual selections.")
    applicants: list[str] = strawberry.field(
        description="Applicant codes in the draw, in registration order."
    )
    selected: list[str] | None = strawberry.field(description="Selected codes in draw order; null before.")
    waitlist: list[str] | None = strawberry.field(description="Waitlisted codes, rank 1 first; null before.")


@strawberry.type(
    description="The public, verifiable draw data (docs/hearings-draw.md); also at /hearings/{id}/draw.json."
)
class HearingDraw:
    format: str
    algorithm: str
    seed_sha256: str | None = strawberry.field(
        description="SHA-256 of the secret seed, committed in advance."
    )
    seed_committed_at: datetime | None
    seed: str | None = strawberry.field(description="The seed, revealed at the draw.")
    drawn_at: datetime | None
    categories: list[HearingDrawCategory]
    download_url: str
    document_sha256: str = strawberry.field(description="SHA-256 of the JSON document's canonical form.")

    @classmethod
    def from_document(cls, hearing_id: int, document: dict[str, Any]) -> "HearingDraw":
        def moment(value: str | None) -> datetime | None:
            return datetime.fromisoformat(value) if value else None

        return cls(
            format=document["format"],
            algorithm=document["algorithm"],
            seed_sha256=document["seed_sha256"],
            seed_committed_at=moment(document["seed_committed_at"]),
            seed=document["seed"],
            drawn_at=moment(document["drawn_at"]),
            categories=[
                HearingDrawCategory(
                    category=ParticipantCategory(c["category"]),
                    label=c["label"],
                    quota=c["quota"],
                    manually_selected=[
                        HearingDrawManualSelection(applicant_code=m["applicant_code"], reason=m["reason"])
                        for m in c["manually_selected"]
                    ],
                    seats_drawn=c["seats_drawn"],
                    applicants=c["applicants"],
                    selected=c["selected"],
                    waitlist=c["waitlist"],
                )
                for c in document["categories"]
            ],
            download_url=f"/hearings/{hearing_id}/draw.json",
            document_sha256=registration.document_sha256(document),
        )


def _hearing_id(hearing: Any) -> int:
    return int(hearing.id)


@strawberry.type
class RegistrationFields:
    """Fields of the Hearing type about registration, the draw and the participant list."""

    @strawberry.field(description="The caller's latest registration for this hearing (null if none).")
    async def my_registration(self, info: ContextInfo) -> MyHearingRegistration | None:
        principal = await info.context.principal()
        if principal is None:
            return None
        async with info.context.session() as session:
            mine = await registration.my_registration(
                session, user_id=principal.user_id, hearing_id=_hearing_id(self)
            )
            if mine is None:
                return None
            hearing = await session.get_one(Hearing, mine.hearing_id)
            category = await session.scalar(
                select(HearingCategory.code).where(HearingCategory.id == mine.category_id)
            )
        return MyHearingRegistration.from_row(mine, hearing, category or "")

    @strawberry.field(description="Registrations per category and status (staff of the unit; else null).")
    async def registration_counts(self, info: ContextInfo) -> list[HearingRegistrationCount] | None:
        found = await _hearing_rows_loader(info).load(_hearing_id(self))
        if found is None or not service.can_read_internal(await info.context.principal(), found[1]):
            return None
        async with info.context.session() as session:
            counts = await registration.registration_counts(session, _hearing_id(self))
        return [
            HearingRegistrationCount(
                category=ParticipantCategory(c.category),
                label=_category_label(c.category),
                quota=c.quota,
                applied=c.applied,
                selected=c.selected,
                waitlisted=c.waitlisted,
                cancelled=c.cancelled,
            )
            for c in counts
        ]

    @strawberry.field(description="When the participant list was published (rules C3).")
    async def participant_list_published_at(self, info: ContextInfo) -> datetime | None:
        found = await _hearing_rows_loader(info).load(_hearing_id(self))
        return found[0].participant_list_published_at if found else None

    @strawberry.field(
        description="The participant list: public once published (staff of the unit may preview it)."
    )
    async def participant_list(self, info: ContextInfo) -> list[HearingParticipant] | None:
        found = await _hearing_rows_loader(info).load(_hearing_id(self))
        if found is None:
            return None
        hearing, path = found
        if not registration.participant_list_visible(hearing, await info.context.principal(), path):
            return None
        async with info.context.session() as session:
            participants = await registration.participant_list(session, hearing.id)
        return [
            HearingParticipant(
                category=ParticipantCategory(p.category),
                category_label=_category_label(p.category),
                seat_number=p.seat_number,
                named=p.named,
                name=p.name,
                organization=p.organization,
                wishes_to_speak=p.wishes_to_speak,
                selected_by=SelectedBy(p.selected_by),
                selected_by_label=_selected_by_label(p.selected_by),
                manual_reason=p.manual_reason,
            )
            for p in participants
        ]

    @strawberry.field(description="The public draw data (null for a first-come hearing).")
    async def draw(self, info: ContextInfo) -> HearingDraw | None:
        found = await _hearing_rows_loader(info).load(_hearing_id(self))
        if found is None:
            return None
        async with info.context.session() as session:
            document = await registration.draw_document(session, found[0])
        return HearingDraw.from_document(found[0].id, document) if document else None


@strawberry.input
class RegisterForHearingInput:
    hearing_id: strawberry.ID
    category: ParticipantCategory
    name: str = strawberry.field(description="The participant's real name (shown only with consent).")
    contact: str | None = strawberry.field(
        default=None, description="Phone or email for this hearing; default: the account's."
    )
    organization: str = strawberry.field(
        default="", description="The organization represented (required for 企业 and 社会组织)."
    )
    wishes_to_speak: bool = False
    position_summary: str = strawberry.field(
        default="", description="Summary of the position (required when wishing to speak)."
    )
    consent_to_be_named: bool = strawberry.field(
        default=False, description="Separate consent to be named on the public participant list (rules H)."
    )


@strawberry.type
class RegistrationQuery:
    @strawberry.field(description="The signed-in citizen's hearing registrations, newest first.")
    async def my_registrations(
        self, info: ContextInfo, first: int = 20, after: str | None = None
    ) -> Connection[MyHearingRegistration]:
        principal = require_user(await info.context.principal())
        first = page_size(first)
        async with info.context.session() as session:
            rows = await registration.my_registrations(
                session, principal=principal, limit=first + 1, after_id=decode_cursor(after)
            )
        return connection(
            rows,
            first,
            row_id=lambda row: row[0].id,
            node=lambda row: MyHearingRegistration.from_row(*row),
        )

    @strawberry.field(
        description="A hearing's registrations with contacts, in registration order (its organizer only)."
    )
    async def hearing_registrations(
        self,
        info: ContextInfo,
        hearing_id: strawberry.ID,
        category: ParticipantCategory | None = None,
        status: RegistrationStatus | None = None,
        first: int = 50,
        after: str | None = None,
    ) -> Connection[HearingRegistrationRecord]:
        principal = await info.context.principal()
        first = page_size(first)
        async with info.context.session() as session:
            hearing = await registration.organized_hearing(
                session, principal=principal, hearing_id=parse_id(hearing_id, "会议编号")
            )
            rows, total = await registration.list_registrations(
                session,
                hearing_id=hearing.id,
                category=category.value if category else None,
                status=status.value if status else None,
                limit=first + 1,
                after_id=decode_cursor(after),
            )
        return connection(
            rows,
            first,
            row_id=lambda row: row[0].id,
            node=lambda row: HearingRegistrationRecord.from_row(*row),
            total_count=total,
        )


@strawberry.type
class RegistrationMutation:
    @strawberry.mutation(
        description="Register for a hearing (verified citizen): first come takes a seat or a waitlist "
        "rank at once; a draw hearing decides after registration closes."
    )
    async def register_for_hearing(
        self, info: ContextInfo, input: RegisterForHearingInput
    ) -> MyHearingRegistration:
        ctx = info.context
        principal = await ctx.acting_principal()
        form = registration.RegistrationForm(
            hearing_id=parse_id(input.hearing_id, "会议编号"),
            category=input.category.value,
            name=input.name,
            contact=input.contact,
            organization=input.organization,
            wishes_to_speak=input.wishes_to_speak,
            position_summary=input.position_summary,
            consent_to_be_named=input.consent_to_be_named,
        )

        created, hearing = await ctx.mutate(
            lambda s: registration.register_for_hearing(
                s, principal=principal, form=form, tz=ctx.settings.timezone
            )
        )
        await _nudge_notifications(info)
        return MyHearingRegistration.from_row(created, hearing, form.category)

    @strawberry.mutation(
        description="Cancel one's own registration before the hearing starts; a freed seat goes to the "
        "first on the category's waitlist, who is notified."
    )
    async def cancel_registration(
        self, info: ContextInfo, registration_id: strawberry.ID
    ) -> MyHearingRegistration:
        ctx = info.context
        principal = await ctx.acting_principal()

        cancelled, hearing, category = await ctx.mutate(
            lambda s: registration.cancel_registration(
                s,
                principal=principal,
                registration_id=parse_id(registration_id, "报名编号"),
                tz=ctx.settings.timezone,
            )
        )
        await _nudge_notifications(info)
        return MyHearingRegistration.from_row(cancelled, hearing, category.code)

    @strawberry.mutation(
        description="Publish the SHA-256 (hex) of the secret draw seed (organizer): once, before "
        "registration closes. Keep the seed itself secret until the draw; use at least 32 random "
        "characters (e.g. `openssl rand -hex 32`)."
    )
    async def commit_draw_seed(
        self, info: ContextInfo, hearing_id: strawberry.ID, seed_sha256: str
    ) -> LazyHearing:
        principal = await info.context.acting_principal()
        hearing = await info.context.mutate(
            lambda s: registration.commit_draw_seed(
                s, principal=principal, hearing_id=parse_id(hearing_id, "会议编号"), seed_sha256=seed_sha256
            )
        )
        return _hearing_row(info, hearing)

    @strawberry.mutation(
        description="Reveal the seed and draw every category (organizer, after registration closes); "
        "every applicant is notified of the result."
    )
    async def draw_participants(self, info: ContextInfo, hearing_id: strawberry.ID, seed: str) -> LazyHearing:
        ctx = info.context
        principal = await ctx.acting_principal()
        hearing = await ctx.mutate(
            lambda s: registration.draw_participants(
                s,
                principal=principal,
                hearing_id=parse_id(hearing_id, "会议编号"),
                seed=seed,
                tz=ctx.settings.timezone,
            )
        )
        await _nudge_notifications(info)
        return _hearing_row(info, hearing)

    @strawberry.mutation(
        description="Select an applicant by the organizer's decision, within the category's quota; the "
        "reason is shown on the public participant list."
    )
    async def select_participant_manually(
        self, info: ContextInfo, registration_id: strawberry.ID, reason: str
    ) -> HearingRegistrationRecord:
        ctx = info.context
        principal = await ctx.acting_principal()

        async def select_one(session: Any) -> tuple[Registration, str]:
            chosen = await registration.select_participant_manually(
                session,
                principal=principal,
                registration_id=parse_id(registration_id, "报名编号"),
                reason=reason,
                tz=ctx.settings.timezone,
            )
            category = await session.get_one(HearingCategory, chosen.category_id)
            return chosen, category.code

        chosen, category = await ctx.mutate(select_one)
        await _nudge_notifications(info)
        return HearingRegistrationRecord.from_row(chosen, category)

    @strawberry.mutation(description="Publish the participant list (organizer, once selection is complete).")
    async def publish_participant_list(self, info: ContextInfo, hearing_id: strawberry.ID) -> LazyHearing:
        principal = await info.context.acting_principal()
        hearing = await info.context.mutate(
            lambda s: registration.publish_participant_list(
                s, principal=principal, hearing_id=parse_id(hearing_id, "会议编号")
            )
        )
        return _hearing_row(info, hearing)
