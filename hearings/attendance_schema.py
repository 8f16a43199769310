"""GraphQL of observers, materials, opening, check-in, minutes and the report. Resolvers parse, call the
service (hearings/observers.py, attendance.py, records.py), shape; the services decide who may do what.

hearings.schema imports this module, so the Hearing type is referred to lazily here and built with
`hearings.schema.hearing_type` imported inside the resolvers."""

from datetime import date, datetime
from typing import TYPE_CHECKING, Annotated, Any, cast

import strawberry
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession
from strawberry.types import Info

from api.accounts.models import Unit
from api.context import Context, parse_id
from api.db import utcnow
from api.errors import InvalidInput
from api.pagination import Connection, connection, decode_cursor, page_size
from consultations.models import Comment, Statement
from consultations.schema import comment_limits, gql_id
from consultations.statement.labels import outcome_label
from consultations.text_rules import load_sensitive_words
from hearings import attendance, observers, permissions, records, service
from hearings.models import (
    HEARING_KIND_LABELS,
    OBSERVER_CATEGORY_LABELS,
    Hearing,
    HearingKind,
    HearingStatus,
    InvitationStatus,
    MinutesEntry,
    ObserverCategory,
    ObserverInvitation,
)
from hearings.records import MinutesStage, SpeakerCategory

if TYPE_CHECKING:
    from hearings.schema import HearingType

ContextInfo = Info[Context, None]
LazyHearing = Annotated["HearingType", strawberry.lazy("hearings.schema")]

strawberry.enum(ObserverCategory, name="ObserverCategory")
strawberry.enum(InvitationStatus, name="InvitationStatus")
strawberry.enum(MinutesStage, name="MinutesStage")
strawberry.enum(SpeakerCategory, name="SpeakerCategory")


def _optional_id(value: int | None) -> strawberry.ID | None:
    return gql_id(value) if value is not None else None


def _as_hearing(info: ContextInfo, hearing: Hearing) -> "HearingType":
    from hearings.schema import hearing_type

    return hearing_type(info, hearing)


def _hearing_id_of(hearing_type: object) -> int:
    return int(cast(Any, hearing_type).id)


async def _hearing_row(info: ContextInfo, hearing_id: int) -> Hearing:
    """The hearing's row, loaded once per request for all the fields below (each batch its own session)."""
    ctx = info.context

    async def load(ids: list[int]) -> list[Hearing | None]:
        async with ctx.session() as session:
            rows = {h.id: h for h in await session.scalars(select(Hearing).where(Hearing.id.in_(ids)))}
        return [rows.get(i) for i in ids]

    row = await ctx.loader("hearing_rows_by_id", load).load(hearing_id)
    assert row is not None
    return cast(Hearing, row)


async def _require(info: ContextInfo, hearing: Hearing, action: str) -> None:
    async with info.context.session() as session:
        path = await service.unit_path(session, hearing.unit_id)
    permissions.ensure(await info.context.principal(), action, path)


async def _may(info: ContextInfo, hearing: Hearing, action: str) -> bool:
    async with info.context.session() as session:
        path = await service.unit_path(session, hearing.unit_id)
    return permissions.can(await info.context.principal(), action, path)


# --- types ------------------------------------------------------------------------------------------


@strawberry.type(name="CategoryAttendance")
class CategoryAttendanceType:
    category: str
    label: str
    invited: int = strawberry.field(
        description="Participants: the category's quota of seats; observers: invitations not withdrawn."
    )
    expected: int = strawberry.field(description="Participants: selected; observers: accepted.")
    present: int = strawberry.field(description="Checked in.")

    @classmethod
    def of(cls, c: attendance.CategoryAttendance) -> "CategoryAttendanceType":
        return cls(
            category=c.category, label=c.label, invited=c.invited, expected=c.expected, present=c.present
        )


@strawberry.type(
    name="Attendance", description="Participants and observers expected and present, by category."
)
class AttendanceType:
    participants: list[CategoryAttendanceType]
    observers: list[CategoryAttendanceType]
    participants_expected: int
    participants_present: int
    observers_expected: int
    observers_present: int

    @classmethod
    def of(cls, a: attendance.Attendance) -> "AttendanceType":
        return cls(
            participants=[CategoryAttendanceType.of(c) for c in a.participants],
            observers=[CategoryAttendanceType.of(c) for c in a.observers],
            participants_expected=a.participants_expected,
            participants_present=a.participants_present,
            observers_expected=a.observers_expected,
            observers_present=a.observers_present,
        )


@strawberry.type(description="The hearing materials and the 7-day rule of 听证会 (rules C3).")
class HearingMaterials:
    delivered_at: datetime | None
    days_before_hearing: int | None = strawberry.field(
        description="Calendar days from the delivery day (not counted) to the hearing's day."
    )
    required_days: int | None = strawberry.field(description="7 for a 听证会; null where no rule applies.")
    on_time: bool = strawberry.field(description="Delivered early enough, or no rule applies.")
    override_reason: str = strawberry.field(description="Why it was held although materials were late.")
    note: str | None = strawberry.field(description="What was delivered and how (staff of the unit only).")


@strawberry.type(
    name="ObserverInvitation", description="An invitation to attend as an observer (列席); organizer only."
)
class ObserverInvitationType:
    id: strawberry.ID
    hearing_id: strawberry.ID
    category: ObserverCategory
    category_label: str
    name: str
    organization: str
    contact: str = strawberry.field(description="Email or phone; personal data, organizer only.")
    status: InvitationStatus
    status_label: str
    expires_at: datetime
    invited_at: datetime
    responded_at: datetime | None
    response_note: str
    withdrawn_reason: str
    reminders_sent: int
    last_reminded_at: datetime | None
    check_in_code: str | None
    checked_in_at: datetime | None
    link: str | None = strawberry.field(
        default=None,
        description="The personal link, only in the answer to inviteObserver and reissueInvitationLink "
        "(it is not stored, so it cannot be shown again).",
    )

    @classmethod
    def from_row(cls, i: ObserverInvitation, *, link: str | None = None) -> "ObserverInvitationType":
        return cls(
            id=gql_id(i.id),
            hearing_id=gql_id(i.hearing_id),
            category=ObserverCategory(i.category),
            category_label=OBSERVER_CATEGORY_LABELS[ObserverCategory(i.category)],
            name=i.name,
            organization=i.organization,
            contact=i.contact,
            status=InvitationStatus(i.status),
            status_label=observers.STATUS_LABELS[InvitationStatus(i.status)],
            expires_at=i.expires_at,
            invited_at=i.invited_at,
            responded_at=i.responded_at,
            response_note=i.response_note,
            withdrawn_reason=i.withdrawn_reason,
            reminders_sent=i.reminders_sent,
            last_reminded_at=i.last_reminded_at,
            check_in_code=i.check_in_code,
            checked_in_at=i.checked_in_at,
            link=link,
        )


@strawberry.type(description="What an invitee sees of the meeting they are invited to.")
class InvitedHearing:
    id: strawberry.ID
    title: str
    kind_label: str
    unit: str
    starts_at: datetime
    ends_at: datetime | None
    venue: str
    agenda: str
    stream_url: str
    status_label: str
    cancelled_reason: str


@strawberry.type(
    name="Invitation", description="An observer invitation, as its invitee sees it through the link."
)
class InvitationView:
    name: str
    organization: str
    category: ObserverCategory
    category_label: str
    status: InvitationStatus
    status_label: str
    expires_at: datetime
    can_respond: bool = strawberry.field(description="The answer may still be given or changed.")
    responded_at: datetime | None
    response_note: str
    withdrawn_reason: str
    check_in_code: str | None = strawberry.field(description="Once accepted: the code to show at the door.")
    hearing: InvitedHearing

    @strawberry.field(description="The check-in code as a QR code (SVG), once accepted.")
    async def check_in_qr_svg(self) -> str | None:
        return attendance.check_in_qr_svg(self.check_in_code) if self.check_in_code else None


async def _invitation_view(
    session: AsyncSession, invitation: ObserverInvitation, hearing: Hearing, now: datetime
) -> InvitationView:
    unit = await session.scalar(select(Unit.name).where(Unit.id == hearing.unit_id)) or ""
    accepted = invitation.status == InvitationStatus.ACCEPTED
    return InvitationView(
        name=invitation.name,
        organization=invitation.organization,
        category=ObserverCategory(invitation.category),
        category_label=OBSERVER_CATEGORY_LABELS[ObserverCategory(invitation.category)],
        status=InvitationStatus(invitation.status),
        status_label=observers.STATUS_LABELS[InvitationStatus(invitation.status)],
        expires_at=invitation.expires_at,
        can_respond=invitation.status != InvitationStatus.WITHDRAWN
        and not observers.answer_deadline_passed(invitation, hearing, now),
        responded_at=invitation.responded_at,
        response_note=invitation.response_note,
        withdrawn_reason=invitation.withdrawn_reason,
        check_in_code=invitation.check_in_code if accepted else None,
        hearing=InvitedHearing(
            id=gql_id(hearing.id),
            title=hearing.title,
            kind_label=HEARING_KIND_LABELS[HearingKind(hearing.kind)],
            unit=unit,
            starts_at=hearing.starts_at,
            ends_at=hearing.ends_at,
            venue=hearing.venue,
            agenda=hearing.agenda,
            stream_url=hearing.stream_url,
            status_label=service.STATUS_LABELS[HearingStatus(hearing.status)],
            cancelled_reason=hearing.cancelled_reason,
        ),
    )


@strawberry.type(description="A participant's own check-in code for a hearing they hold a seat at.")
class CheckInPass:
    hearing_id: strawberry.ID
    name: str
    category_label: str
    code: str
    checked_in_at: datetime | None

    @strawberry.field(description="The code as a QR code (SVG), for the door's scanner.")
    async def qr_svg(self) -> str:
        return attendance.check_in_qr_svg(self.code)


@strawberry.type(description="Who was just checked in at the door.")
class CheckInResult:
    attendee: str = strawberry.field(description="participant or observer")
    name: str
    organization: str
    category: str
    category_label: str
    checked_in_at: datetime
    hearing: LazyHearing


@strawberry.type(description="A selected participant on the door list (organizer).")
class ParticipantCheckIn:
    registration_id: strawberry.ID
    name: str
    organization: str
    category_label: str
    check_in_code: str | None = strawberry.field(
        description="Given on selection (seats from before that: with the materials)."
    )
    checked_in_at: datetime | None


@strawberry.type(description="Materials recorded as delivered, and how many people were sent them now.")
class MaterialsDelivered:
    notified: int
    hearing: LazyHearing


@strawberry.type(name="MinutesEntry", description="One speaker's statement in the 听证笔录.")
class MinutesEntryType:
    id: strawberry.ID
    position: int
    stage: MinutesStage
    stage_label: str
    speaker_name: str
    speaker_category: SpeakerCategory
    speaker_category_label: str
    registration_id: strawberry.ID | None
    invitation_id: strawberry.ID | None
    article_id: strawberry.ID | None
    main_points: str
    reasons: str
    signed_off_at: datetime | None
    comment_id: strawberry.ID | None = strawberry.field(
        description="The comment (channel hearing) it became; null for the drafting unit's words or when "
        "the consultation no longer accepted comments."
    )
    comment_receipt_code: str | None
    handling: str = strawberry.field(description="The organizer's handling text for the report.")
    reported_handling: str = strawberry.field(description="The handling as published in the report.")
    recorded_at: datetime

    @classmethod
    def from_row(cls, e: MinutesEntry, receipt: str | None) -> "MinutesEntryType":
        return cls(
            id=gql_id(e.id),
            position=e.position,
            stage=MinutesStage(e.stage),
            stage_label=records.STAGE_LABELS[MinutesStage(e.stage)],
            speaker_name=e.speaker_name,
            speaker_category=SpeakerCategory(e.speaker_category),
            speaker_category_label=records.SPEAKER_CATEGORY_LABELS[e.speaker_category],
            registration_id=_optional_id(e.registration_id),
            invitation_id=_optional_id(e.invitation_id),
            article_id=_optional_id(e.article_id),
            main_points=e.main_points,
            reasons=e.reasons,
            signed_off_at=e.signed_off_at,
            comment_id=_optional_id(e.comment_id),
            comment_receipt_code=receipt,
            handling=e.handling,
            reported_handling=e.reported_handling,
            recorded_at=e.recorded_at,
        )


@strawberry.type(name="HearingMinutes", description="The 听证笔录 (staff of the unit).")
class MinutesType:
    summary: str
    recorded_at: datetime | None
    entries: list[MinutesEntryType]
    signed_off_entries: int
    unsigned_entries: int


@strawberry.type(name="ReportedView", description="A view in the published report, personal data masked.")
class ReportedViewType:
    position: int
    stage_label: str
    speaker: str = strawberry.field(description="Category and name; named only with consent, else 张*.")
    category_label: str
    article_label: str | None
    main_points: str
    reasons: str
    outcome: str | None = strawberry.field(
        description="The approved disposition's outcome, if one decided it."
    )
    outcome_label: str | None
    handling: str


@strawberry.type(
    name="HearingReport",
    description="The published 听证报告: how each view was handled (the minutes themselves stay internal).",
)
class HearingReportType:
    hearing_id: strawberry.ID
    published_at: datetime
    held_on: date
    summary: str
    selection_method: str
    attendance: AttendanceType
    views: list[ReportedViewType]

    @classmethod
    def of(cls, r: records.HearingReport, labels: dict[str, str]) -> "HearingReportType":
        return cls(
            hearing_id=gql_id(r.hearing_id),
            published_at=r.published_at,
            held_on=r.held_on,
            summary=r.summary,
            selection_method=r.selection_method,
            attendance=AttendanceType.of(r.attendance),
            views=[
                ReportedViewType(
                    position=v.position,
                    stage_label=v.stage_label,
                    speaker=v.speaker,
                    category_label=v.category_label,
                    article_label=v.article_label,
                    main_points=v.main_points,
                    reasons=v.reasons,
                    outcome=v.outcome or None,
                    outcome_label=outcome_label(v.outcome, labels) if v.outcome else None,
                    handling=v.handling,
                )
                for v in r.views
            ],
        )


async def _report(info: ContextInfo, hearing: Hearing) -> HearingReportType | None:
    async with info.context.session() as session:
        report = await records.hearing_report(session, hearing, tz=info.context.settings.timezone)
    return HearingReportType.of(report, info.context.settings.disposition_labels) if report else None


# --- fields of the Hearing type --------------------------------------------------------------------------


@strawberry.type
class AttendanceFields:
    """Fields of the Hearing type about observers, attendance, minutes and the report."""

    @strawberry.field(description="The materials and the 7-day rule (rules C3).")
    async def materials(self, info: ContextInfo) -> HearingMaterials:
        hearing = await _hearing_row(info, _hearing_id_of(self))
        tz = info.context.settings.timezone
        delivered = hearing.materials_delivered_at
        days = (
            (attendance.local_date(hearing.starts_at, tz) - attendance.local_date(delivered, tz)).days
            if delivered
            else None
        )
        return HearingMaterials(
            delivered_at=delivered,
            days_before_hearing=days,
            required_days=attendance.MATERIALS_LEAD_DAYS if hearing.kind == HearingKind.HEARING else None,
            on_time=attendance.materials_shortfall(hearing, tz) is None,
            override_reason=hearing.materials_override_reason,
            note=hearing.materials_note if await _may(info, hearing, "read_internal") else None,
        )

    @strawberry.field(description="When the organizer opened the hearing (check-in started).")
    async def opened_at(self, info: ContextInfo) -> datetime | None:
        return (await _hearing_row(info, _hearing_id_of(self))).opened_at

    @strawberry.field(description="Participants and observers expected and present, by category.")
    async def attendance(self, info: ContextInfo) -> AttendanceType:
        async with info.context.session() as session:
            counts = await attendance.attendance(session, _hearing_id_of(self))
        return AttendanceType.of(counts)

    @strawberry.field(description="Observer invitations, newest first, with contacts (organizer only).")
    async def observers(
        self, info: ContextInfo, first: int = 50, after: str | None = None
    ) -> Connection[ObserverInvitationType] | None:
        first = page_size(first)
        hearing = await _hearing_row(info, _hearing_id_of(self))
        await _require(info, hearing, "organize")
        async with info.context.session() as session:
            rows = await observers.list_invitations(
                session, hearing.id, limit=first + 1, after_id=decode_cursor(after)
            )
        return connection(rows, first, row_id=lambda i: i.id, node=ObserverInvitationType.from_row)

    @strawberry.field(description="The door list of selected participants, newest first (organizer only).")
    async def participant_check_ins(
        self,
        info: ContextInfo,
        first: int = 100,
        after: str | None = None,
        present: Annotated[
            bool | None, strawberry.argument(description="true: checked in; false: not yet; null: all.")
        ] = None,
    ) -> Connection[ParticipantCheckIn] | None:
        first = page_size(first)
        hearing = await _hearing_row(info, _hearing_id_of(self))
        await _require(info, hearing, "organize")
        async with info.context.session() as session:
            rows = await attendance.participant_check_ins(
                session, hearing.id, present=present, limit=first + 1, after_id=decode_cursor(after)
            )
        return connection(
            rows,
            first,
            row_id=lambda a: a.row_id,
            node=lambda a: ParticipantCheckIn(
                registration_id=gql_id(a.row_id),
                name=a.name,
                organization=a.organization,
                category_label=a.category_label,
                check_in_code=a.check_in_code,
                checked_in_at=a.checked_in_at,
            ),
        )

    @strawberry.field(description="The 听证笔录 with speakers' names (staff of the unit).")
    async def minutes(self, info: ContextInfo) -> MinutesType | None:
        hearing = await _hearing_row(info, _hearing_id_of(self))
        await _require(info, hearing, "read_internal")
        async with info.context.session() as session:
            entries = await records.entries_of(session, hearing.id)
            comment_ids = [e.comment_id for e in entries if e.comment_id]
            receipts = (
                dict(
                    (
                        await session.execute(
                            select(Comment.id, Comment.receipt_code).where(Comment.id.in_(comment_ids))
                        )
                    ).all()
                )
                if comment_ids
                else {}
            )
        signed = sum(1 for e in entries if e.signed_off_at)
        return MinutesType(
            summary=hearing.minutes_summary,
            recorded_at=hearing.minutes_recorded_at,
            entries=[MinutesEntryType.from_row(e, receipts.get(e.comment_id or 0)) for e in entries],
            signed_off_entries=signed,
            unsigned_entries=len(entries) - signed,
        )

    @strawberry.field(description="The published 听证报告 (public once published; null before).")
    async def report(self, info: ContextInfo) -> HearingReportType | None:
        return await _report(info, await _hearing_row(info, _hearing_id_of(self)))

    @strawberry.field(
        description="The linked consultation's latest published adoption statement (HTML), if any: the "
        "meeting plan links it (rules D1)."
    )
    async def adoption_statement_url(self, info: ContextInfo) -> str | None:
        hearing = await _hearing_row(info, _hearing_id_of(self))
        if hearing.consultation_id is None:
            return None
        async with info.context.session() as session:
            version = await session.scalar(
                select(Statement.version)
                .where(Statement.consultation_id == hearing.consultation_id, Statement.status == "published")
                .order_by(Statement.version.desc())
                .limit(1)
            )
        return f"/statements/{hearing.consultation_id}/v{version}.html" if version else None


# --- queries ----------------------------------------------------------------------------------------------


@strawberry.type
class AttendanceQuery:
    @strawberry.field(
        description="An observer invitation by its personal link's token (no account needed); null if the "
        "token is unknown."
    )
    async def invitation(self, info: ContextInfo, token: str) -> InvitationView | None:
        async with info.context.session() as session:
            found = await observers.invitation_for_token(session, token)
            if found is None:
                return None
            return await _invitation_view(session, found[0], found[1], utcnow())

    @strawberry.field(
        description="The caller's check-in code and QR code for a hearing they hold a seat at (given with "
        "the seat); null without a seat."
    )
    async def my_check_in(self, info: ContextInfo, hearing_id: strawberry.ID) -> CheckInPass | None:
        principal = await info.context.principal()
        async with info.context.session() as session:
            found = await attendance.my_check_in_pass(
                session, principal=principal, hearing_id=parse_id(hearing_id, "会议编号")
            )
        if found is None:
            return None
        return CheckInPass(
            hearing_id=gql_id(found.hearing_id),
            name=found.name,
            category_label=found.category_label,
            code=found.code,
            checked_in_at=found.checked_in_at,
        )

    @strawberry.field(
        description="The published 听证报告 of a hearing; null if not published or not visible."
    )
    async def hearing_report(self, info: ContextInfo, hearing_id: strawberry.ID) -> HearingReportType | None:
        principal = await info.context.principal()
        async with info.context.session() as session:
            hearing = await service.get_visible(
                session, principal=principal, hearing_id=parse_id(hearing_id, "会议编号")
            )
        return await _report(info, hearing) if hearing else None


# --- mutations --------------------------------------------------------------------------------------------


@strawberry.input
class InviteObserverInput:
    hearing_id: strawberry.ID
    category: ObserverCategory
    name: str
    contact: str = strawberry.field(description="Email or mainland mobile number; the link is sent there.")
    organization: str = ""
    expires_at: datetime | None = strawberry.field(
        default=None, description="Answer by this time; default and latest: when the hearing starts."
    )


@strawberry.input
class MinutesEntryInput:
    stage: MinutesStage
    main_points: str
    reasons: str = ""
    registration_id: strawberry.ID | None = strawberry.field(
        default=None, description="A selected participant."
    )
    invitation_id: strawberry.ID | None = strawberry.field(default=None, description="An accepted observer.")
    speaker_name: str = strawberry.field(default="", description="Otherwise: the speaker's name …")
    speaker_category: SpeakerCategory | None = strawberry.field(default=None, description="… and category.")
    article_id: strawberry.ID | None = strawberry.field(
        default=None, description="The article of the linked consultation's draft the view is about."
    )
    signed_off: bool = strawberry.field(default=False, description="The speaker signed the entry.")


@strawberry.input
class RecordMinutesInput:
    hearing_id: strawberry.ID
    expected_entries: int = strawberry.field(
        description="How many entries the minutes had when the caller last read them (0 the first time): a "
        "retried or concurrent call that does not match is refused, so nothing is recorded twice."
    )
    entries: list[MinutesEntryInput] = strawberry.field(default_factory=list)
    summary: str = strawberry.field(default="", description="Replaces the minutes summary when not empty.")


@strawberry.input
class EntryHandlingInput:
    entry_id: strawberry.ID
    handling: str


@strawberry.input
class PublishHearingReportInput:
    hearing_id: strawberry.ID
    summary: str = strawberry.field(
        description="The report's overall account of the views and their handling."
    )
    handlings: list[EntryHandlingInput] = strawberry.field(
        default_factory=list,
        description="Handling texts for views without an approved disposition (or to add to one).",
    )


def _aware(value: datetime | None, what: str) -> datetime | None:
    if value is not None and value.tzinfo is None:
        raise InvalidInput(f"{what}须带时区（如 2027-01-05T09:00:00+08:00）", code="TIME_ZONE_REQUIRED")
    return value


def _entry_draft(entry: MinutesEntryInput) -> records.EntryDraft:
    return records.EntryDraft(
        stage=entry.stage.value,
        main_points=entry.main_points,
        reasons=entry.reasons,
        registration_id=parse_id(entry.registration_id, "报名编号") if entry.registration_id else None,
        invitation_id=parse_id(entry.invitation_id, "邀请编号") if entry.invitation_id else None,
        speaker_name=entry.speaker_name,
        speaker_category=entry.speaker_category.value if entry.speaker_category else "",
        article_id=parse_id(entry.article_id, "条款编号") if entry.article_id else None,
        signed_off=entry.signed_off,
    )


@strawberry.type
class AttendanceMutation:
    @strawberry.mutation(
        description="Invite a named person as an observer (organizer); their personal link is sent to their "
        "contact and returned once in `link`."
    )
    async def invite_observer(self, info: ContextInfo, input: InviteObserverInput) -> ObserverInvitationType:
        ctx = info.context
        principal = await ctx.acting_principal()
        draft = observers.InvitationDraft(
            hearing_id=parse_id(input.hearing_id, "会议编号"),
            category=input.category.value,
            name=input.name,
            contact=input.contact,
            organization=input.organization,
            expires_at=_aware(input.expires_at, "答复截止时间"),
        )
        invitation, link = await ctx.mutate(
            lambda s: observers.invite_observer(
                s,
                principal=principal,
                draft=draft,
                base_url=ctx.settings.public_base_url,
                tz=ctx.settings.timezone,
            )
        )
        await ctx.state.queue.enqueue("deliver_notifications", job_id="deliver_notifications")
        return ObserverInvitationType.from_row(invitation, link=link)

    @strawberry.mutation(
        description="Accept or decline an observer invitation through its personal link (no account). The "
        "answer may be changed until the invitation expires."
    )
    async def respond_to_invitation(
        self, info: ContextInfo, token: str, accept: bool, note: str = ""
    ) -> InvitationView:
        ctx = info.context

        async def respond(session: AsyncSession) -> InvitationView:
            invitation, hearing = await observers.respond_to_invitation(
                session, token=token, accept=accept, note=note
            )
            return await _invitation_view(session, invitation, hearing, utcnow())

        return await ctx.mutate(respond)

    @strawberry.mutation(
        description="Withdraw an observer invitation with a reason told to the invitee (organizer)."
    )
    async def withdraw_invitation(
        self, info: ContextInfo, invitation_id: strawberry.ID, reason: str
    ) -> ObserverInvitationType:
        ctx = info.context
        principal = await ctx.acting_principal()
        invitation = await ctx.mutate(
            lambda s: observers.withdraw_invitation(
                s,
                principal=principal,
                invitation_id=parse_id(invitation_id, "邀请编号"),
                reason=reason,
                tz=ctx.settings.timezone,
            )
        )
        await ctx.state.queue.enqueue("deliver_notifications", job_id="deliver_notifications")
        return ObserverInvitationType.from_row(invitation)

    @strawberry.mutation(
        description="Send an invitee a new personal link (organizer); the old link stops working. The new "
        "link is returned once in `link`."
    )
    async def reissue_invitation_link(
        self, info: ContextInfo, invitation_id: strawberry.ID
    ) -> ObserverInvitationType:
        ctx = info.context
        principal = await ctx.acting_principal()
        invitation, link = await ctx.mutate(
            lambda s: observers.reissue_invitation_link(
                s,
                principal=principal,
                invitation_id=parse_id(invitation_id, "邀请编号"),
                base_url=ctx.settings.public_base_url,
                tz=ctx.settings.timezone,
            )
        )
        await ctx.state.queue.enqueue("deliver_notifications", job_id="deliver_notifications")
        return ObserverInvitationType.from_row(invitation, link=link)

    @strawberry.mutation(
        description="Record that the hearing materials were delivered now and send them, with check-in "
        "codes, to every selected participant and accepted observer (organizer). Called again, it sends "
        "them only to people confirmed since; the delivery time and note stay."
    )
    async def record_materials_delivered(
        self, info: ContextInfo, hearing_id: strawberry.ID, note: str = ""
    ) -> MaterialsDelivered:
        ctx = info.context
        principal = await ctx.acting_principal()
        hearing, notified = await ctx.mutate(
            lambda s: attendance.record_materials_delivered(
                s,
                principal=principal,
                hearing_id=parse_id(hearing_id, "会议编号"),
                note=note,
                tz=ctx.settings.timezone,
            )
        )
        if notified:
            await ctx.state.queue.enqueue("deliver_notifications", job_id="deliver_notifications")
        return MaterialsDelivered(notified=notified, hearing=_as_hearing(info, hearing))

    @strawberry.mutation(
        description="Open the hearing on its day (organizer): check-in starts. A 听证会 whose materials "
        "reached participants less than 7 days before needs `overrideReason`, which is recorded."
    )
    async def open_hearing(
        self, info: ContextInfo, hearing_id: strawberry.ID, override_reason: str = ""
    ) -> LazyHearing:
        ctx = info.context
        principal = await ctx.acting_principal()
        hearing = await ctx.mutate(
            lambda s: attendance.open_hearing(
                s,
                principal=principal,
                hearing_id=parse_id(hearing_id, "会议编号"),
                override_reason=override_reason,
                tz=ctx.settings.timezone,
            )
        )
        return _as_hearing(info, hearing)

    @strawberry.mutation(
        description="Check a participant or observer in by their code, typed or scanned (organizer, while "
        "the hearing is in session). Pass hearingId to refuse codes of another hearing."
    )
    async def check_in(
        self, info: ContextInfo, code: str, hearing_id: strawberry.ID | None = None
    ) -> CheckInResult:
        ctx = info.context
        principal = await ctx.acting_principal()
        checked = await ctx.mutate(
            lambda s: attendance.check_in(
                s,
                principal=principal,
                code=code,
                hearing_id=parse_id(hearing_id, "会议编号") if hearing_id else None,
                tz=ctx.settings.timezone,
            )
        )
        return CheckInResult(
            attendee=checked.attendee,
            name=checked.name,
            organization=checked.organization,
            category=checked.category,
            category_label=checked.category_label,
            checked_in_at=checked.checked_in_at,
            hearing=_as_hearing(info, checked.hearing),
        )

    @strawberry.mutation(
        description="Append speakers' entries to the 听证笔录 (organizer; in session or held); each view "
        "becomes a comment (channel hearing) on the linked consultation while it accepts comments. The "
        "hearing is held from then on."
    )
    async def record_minutes(self, info: ContextInfo, input: RecordMinutesInput) -> LazyHearing:
        ctx = info.context
        principal = await ctx.acting_principal()
        entries = [_entry_draft(entry) for entry in input.entries]
        rules = records.CommentRules(
            limits=comment_limits(ctx.settings),
            sensitive_words=load_sensitive_words(ctx.settings.sensitive_words_file),
            tz=ctx.settings.timezone,
        )
        hearing, added = await ctx.mutate(
            lambda s: records.record_minutes(
                s,
                principal=principal,
                hearing_id=parse_id(input.hearing_id, "会议编号"),
                entries=entries,
                summary=input.summary,
                expected_entries=input.expected_entries,
                rules=rules,
            )
        )
        if any(entry.comment_id for entry in added):
            await ctx.state.queue.enqueue("process_new_comments", job_id="process_new_comments")
        return _as_hearing(info, hearing)

    @strawberry.mutation(description="Record that speakers confirmed and signed their entries (organizer).")
    async def sign_off_minutes(
        self, info: ContextInfo, hearing_id: strawberry.ID, entry_ids: list[strawberry.ID]
    ) -> LazyHearing:
        ctx = info.context
        principal = await ctx.acting_principal()
        parsed_hearing = parse_id(hearing_id, "会议编号")
        ids = [parse_id(i, "发言记录编号") for i in entry_ids]

        async def sign(session: AsyncSession) -> Hearing:
            await records.sign_off_entries(
                session, principal=principal, hearing_id=parsed_hearing, entry_ids=ids
            )
            return await session.get_one(Hearing, parsed_hearing)

        return _as_hearing(info, await ctx.mutate(sign))

    @strawberry.mutation(
        description="Publish the 听证报告 (organizer; held → reported): each view's handling is its "
        "comment's approved disposition or the organizer's text; refused while a view has neither."
    )
    async def publish_hearing_report(
        self, info: ContextInfo, input: PublishHearingReportInput
    ) -> LazyHearing:
        ctx = info.context
        principal = await ctx.acting_principal()
        handlings = [
            records.HandlingDraft(entry_id=parse_id(h.entry_id, "发言记录编号"), handling=h.handling)
            for h in input.handlings
        ]
        hearing = await ctx.mutate(
            lambda s: records.publish_hearing_report(
                s,
                principal=principal,
                hearing_id=parse_id(input.hearing_id, "会议编号"),
                summary=input.summary,
                handlings=handlings,
                disposition_labels=ctx.settings.disposition_labels,
            )
        )
        return _as_hearing(info, hearing)
