"""GraphQL of the hearing domain: the Hearing type, its lifecycle operations, and the composition of the
registration (registration_schema.py) and attendance-and-records (attendance_schema.py) parts."""

from datetime import datetime
from typing import Annotated, Any

import strawberry
from strawberry.types import Info

from api.accounts.models import Unit
from api.context import Context, parse_id
from api.errors import InvalidInput
from api.pagination import Connection, connection, decode_cursor, page_size
from consultations.models import KIND_LABELS, Kind
from consultations.schema import gql_id
from hearings import service
from hearings.attendance_schema import AttendanceFields, AttendanceMutation, AttendanceQuery
from hearings.models import (
    HEARING_KIND_LABELS,
    PARTICIPANT_CATEGORY_LABELS,
    Hearing,
    HearingKind,
    HearingStatus,
    ParticipantCategory,
    SelectionMethod,
)
from hearings.registration_schema import RegistrationFields, RegistrationMutation, RegistrationQuery

ContextInfo = Info[Context, None]

strawberry.enum(HearingKind, name="HearingKind")
strawberry.enum(HearingStatus, name="HearingStatus")
strawberry.enum(SelectionMethod, name="SelectionMethod")
strawberry.enum(ParticipantCategory, name="ParticipantCategory")


@strawberry.type(description="An interest group of a hearing and its quota of seats (名额).")
class HearingCategoryQuota:
    category: ParticipantCategory
    label: str
    quota: int


@strawberry.type(name="Hearing", description="A hearing (听证会), symposium (座谈会) or meeting (会议).")
class HearingType(RegistrationFields, AttendanceFields):
    id: strawberry.ID
    unit_id: strawberry.ID
    consultation_id: strawberry.ID | None
    kind: HearingKind
    kind_label: str
    decision_kind: str
    decision_kind_label: str
    title: str
    agenda: str
    starts_at: datetime
    ends_at: datetime | None
    venue: str
    stream_url: str
    registration_opens_at: datetime
    registration_closes_at: datetime
    registration_open: bool
    seats: int
    selection_method: SelectionMethod
    selection_rules: str = strawberry.field(description="遴选办法, public before registration opens.")
    is_public: bool
    public_methods: list[str] = strawberry.field(
        description="livestream (网络直播) and/or audience (公众旁听)."
    )
    public_methods_label: str
    not_public_reason: str
    observers_invited: bool
    status: HearingStatus
    status_label: str
    notice_days: int = strawberry.field(description="Days of notice the hearing needed before it is held.")
    published_at: datetime | None
    cancelled_reason: str

    @strawberry.field
    async def unit(self, info: ContextInfo) -> str:
        async with info.context.session() as session:
            unit = await session.get(Unit, int(self.unit_id))
        return unit.name if unit else ""

    @strawberry.field
    async def categories(self, info: ContextInfo) -> list[HearingCategoryQuota]:
        async with info.context.session() as session:
            rows = await service.categories_of(session, int(self.id))
        return [
            HearingCategoryQuota(
                category=ParticipantCategory(c.code),
                label=PARTICIPANT_CATEGORY_LABELS[ParticipantCategory(c.code)],
                quota=c.quota,
            )
            for c in rows
        ]

    @classmethod
    def from_row(cls, h: Hearing, *, notice_days_setting: int) -> "HearingType":
        now = datetime.now(tz=h.starts_at.tzinfo)
        return cls(
            id=gql_id(h.id),
            unit_id=gql_id(h.unit_id),
            consultation_id=gql_id(h.consultation_id) if h.consultation_id else None,
            kind=HearingKind(h.kind),
            kind_label=HEARING_KIND_LABELS[HearingKind(h.kind)],
            decision_kind=h.decision_kind,
            decision_kind_label=KIND_LABELS[Kind(h.decision_kind)],
            title=h.title,
            agenda=h.agenda,
            starts_at=h.starts_at,
            ends_at=h.ends_at,
            venue=h.venue,
            stream_url=h.stream_url,
            registration_opens_at=h.registration_opens_at,
            registration_closes_at=h.registration_closes_at,
            registration_open=service.registration_open(h, now),
            seats=h.seats,
            selection_method=SelectionMethod(h.selection_method),
            selection_rules=h.selection_rules,
            is_public=h.is_public,
            public_methods=list(h.public_methods or []),
            public_methods_label="、".join(service.PUBLIC_METHODS[m] for m in h.public_methods or []),
            not_public_reason=h.not_public_reason,
            observers_invited=h.observers_invited,
            status=HearingStatus(h.status),
            status_label=service.STATUS_LABELS[HearingStatus(h.status)],
            notice_days=service.notice_days(h, notice_days_setting),
            published_at=h.published_at,
            cancelled_reason=h.cancelled_reason,
        )


def hearing_type(info: ContextInfo, hearing: Hearing) -> HearingType:
    """Shape a hearing row for the API (the slices' mutations return hearings through this too)."""
    return HearingType.from_row(hearing, notice_days_setting=info.context.settings.hearing_notice_days)


@strawberry.input
class CategoryQuotaInput:
    category: ParticipantCategory
    quota: int


@strawberry.input(description="A draft's notice, replaced as a whole (the same fields as creating it).")
class UpdateHearingInput:
    kind: HearingKind
    title: str
    starts_at: datetime
    registration_opens_at: datetime
    registration_closes_at: datetime
    categories: list[CategoryQuotaInput]
    selection_rules: str = strawberry.field(description="遴选办法 (published with the notice).")
    consultation_id: strawberry.ID | None = None
    decision_kind: Kind | None = strawberry.field(
        default=None,
        description="Default: the linked consultation's kind, else 其他. 规章 needs 30 days' notice.",
    )
    agenda: str = ""
    ends_at: datetime | None = None
    venue: str = ""
    stream_url: str = ""
    selection_method: SelectionMethod = SelectionMethod.DRAW
    is_public: bool = True
    public_methods: list[str] = strawberry.field(default_factory=list)
    not_public_reason: str = ""
    observers_invited: bool = False


@strawberry.input(description="A new hearing's unit and its notice.")
class CreateHearingInput(UpdateHearingInput):
    unit_id: strawberry.ID


def _aware(value: datetime, what: str) -> datetime:
    if value.tzinfo is None:
        raise InvalidInput(f"{what}须带时区（如 2027-01-05T09:00:00+08:00）", code="TIME_ZONE_REQUIRED")
    return value


def _notice_fields(input: UpdateHearingInput) -> dict[str, Any]:
    """The notice's fields of either input, parsed for service.HearingNotice / HearingDraft."""
    return {
        "kind": input.kind.value,
        "title": input.title,
        "starts_at": _aware(input.starts_at, "举行时间"),
        "registration_opens_at": _aware(input.registration_opens_at, "报名开始时间"),
        "registration_closes_at": _aware(input.registration_closes_at, "报名截止时间"),
        "categories": tuple(service.CategoryQuota(c.category.value, c.quota) for c in input.categories),
        "selection_rules": input.selection_rules,
        "consultation_id": (
            parse_id(input.consultation_id, "征求意见项目编号") if input.consultation_id else None
        ),
        "decision_kind": input.decision_kind.value if input.decision_kind else None,
        "agenda": input.agenda,
        "ends_at": _aware(input.ends_at, "结束时间") if input.ends_at else None,
        "venue": input.venue,
        "stream_url": input.stream_url,
        "selection_method": input.selection_method.value,
        "is_public": input.is_public,
        "public_methods": tuple(input.public_methods),
        "not_public_reason": input.not_public_reason,
        "observers_invited": input.observers_invited,
    }


@strawberry.type
class HearingQuery(RegistrationQuery, AttendanceQuery):
    @strawberry.field(
        description="Hearings the caller may see, newest first; staff may include their drafts."
    )
    async def hearings(
        self,
        info: ContextInfo,
        first: int = 20,
        after: str | None = None,
        consultation_id: strawberry.ID | None = None,
        unit_id: strawberry.ID | None = None,
        include_internal: Annotated[
            bool, strawberry.argument(description="Staff: also hearings of their units not yet published.")
        ] = False,
    ) -> Connection[HearingType]:
        first = page_size(first)
        principal = await info.context.principal()
        async with info.context.session() as session:
            rows = await service.list_hearings(
                session,
                principal=principal,
                consultation_id=parse_id(consultation_id, "征求意见项目编号") if consultation_id else None,
                unit_id=parse_id(unit_id, "单位编号") if unit_id else None,
                include_internal=include_internal,
                limit=first + 1,
                after_id=decode_cursor(after),
            )
        return connection(rows, first, row_id=lambda h: h.id, node=lambda h: hearing_type(info, h))

    @strawberry.field(
        description="One hearing, or null if it does not exist or is not visible to the caller."
    )
    async def hearing(self, info: ContextInfo, id: strawberry.ID) -> HearingType | None:
        principal = await info.context.principal()
        async with info.context.session() as session:
            found = await service.get_visible(
                session, principal=principal, hearing_id=parse_id(id, "会议编号")
            )
        return hearing_type(info, found) if found else None


@strawberry.type
class HearingMutation(RegistrationMutation, AttendanceMutation):
    @strawberry.mutation(
        description="Create a hearing, symposium or meeting in draft (organizer of the unit)."
    )
    async def create_hearing(self, info: ContextInfo, input: CreateHearingInput) -> HearingType:
        principal = await info.context.acting_principal()
        draft = service.HearingDraft(unit_id=parse_id(input.unit_id, "单位编号"), **_notice_fields(input))
        hearing = await info.context.mutate(
            lambda s: service.create_hearing(s, principal=principal, draft=draft)
        )
        return hearing_type(info, hearing)

    @strawberry.mutation(
        description="Edit a draft hearing's notice (organizer of its unit); the same checks as create."
    )
    async def update_hearing(
        self, info: ContextInfo, hearing_id: strawberry.ID, input: UpdateHearingInput
    ) -> HearingType:
        principal = await info.context.acting_principal()
        notice = service.HearingNotice(**_notice_fields(input))
        hearing = await info.context.mutate(
            lambda s: service.update_hearing(
                s, principal=principal, hearing_id=parse_id(hearing_id, "会议编号"), notice=notice
            )
        )
        return hearing_type(info, hearing)

    @strawberry.mutation(
        description="Publish the notice and selection rules (organizer); checks the notice period."
    )
    async def publish_hearing(self, info: ContextInfo, hearing_id: strawberry.ID) -> HearingType:
        principal = await info.context.acting_principal()
        hearing = await info.context.mutate(
            lambda s: service.publish_hearing(
                s,
                principal=principal,
                hearing_id=parse_id(hearing_id, "会议编号"),
                notice_days_setting=info.context.settings.hearing_notice_days,
            )
        )
        return hearing_type(info, hearing)

    @strawberry.mutation(description="Cancel a hearing not yet held, with a public reason (organizer).")
    async def cancel_hearing(self, info: ContextInfo, hearing_id: strawberry.ID, reason: str) -> HearingType:
        principal = await info.context.acting_principal()
        hearing = await info.context.mutate(
            lambda s: service.cancel_hearing(
                s, principal=principal, hearing_id=parse_id(hearing_id, "会议编号"), reason=reason
            )
        )
        return hearing_type(info, hearing)
