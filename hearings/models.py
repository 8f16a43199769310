"""Tables of the hearing domain: hearings, symposia and meetings, their interest-group categories,
registrations with the draw, observer invitations and the minutes (rules C1–C5, D1, H)."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Index, Integer, String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, UTCDateTime, utcnow


class HearingKind(StrEnum):
    HEARING = "hearing"  # 听证会
    SYMPOSIUM = "symposium"  # 座谈会
    MEETING = "meeting"  # 会议 (e.g. a standing meeting with observers, 列席)


HEARING_KIND_LABELS = {
    HearingKind.HEARING: "听证会",
    HearingKind.SYMPOSIUM: "座谈会",
    HearingKind.MEETING: "会议",
}


class HearingStatus(StrEnum):
    DRAFT = "draft"  # being prepared; not public
    PUBLISHED = "published"  # notice and selection rules public; registration by its window
    IN_SESSION = "in_session"  # opened on the day: check-in at the door
    HELD = "held"  # minutes recorded
    REPORTED = "reported"  # hearing report published
    CANCELLED = "cancelled"


class SelectionMethod(StrEnum):
    DRAW = "draw"  # 报名后抽签: a seeded, publicly verifiable draw per category when oversubscribed
    FIRST_COME = "first_come"  # 先到先得: confirmed on arrival while the category has seats


class Hearing(Base):
    __tablename__ = "hearings"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    consultation_id: Mapped[int | None] = mapped_column(ForeignKey("consultations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    # The kind of decision it serves (consultations.models.Kind): 规章 needs 30 days' notice (rules C2).
    decision_kind: Mapped[str] = mapped_column(String(32))
    title: Mapped[str] = mapped_column(String(300))
    agenda: Mapped[str] = mapped_column(Text, default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    venue: Mapped[str] = mapped_column(String(300), default="")
    stream_url: Mapped[str] = mapped_column(String(500), default="")
    registration_opens_at: Mapped[datetime] = mapped_column(UTCDateTime)
    registration_closes_at: Mapped[datetime] = mapped_column(UTCDateTime)
    seats: Mapped[int] = mapped_column(Integer)
    selection_method: Mapped[str] = mapped_column(String(16), default=SelectionMethod.DRAW)
    selection_rules: Mapped[str] = mapped_column(Text, default="")  # 遴选办法, public before registration
    # Whether the meeting is public and how (直播 livestream, 旁听 in-person audience), or why not.
    is_public: Mapped[bool] = mapped_column(Boolean, default=True)
    public_methods: Mapped[Any] = mapped_column(JSON, default=list)  # ["livestream", "audience"]
    not_public_reason: Mapped[str] = mapped_column(Text, default="")
    observers_invited: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default=HearingStatus.DRAFT, index=True)
    # The draw's commitment: SHA-256 of the organizer's secret seed, published before the draw; the seed
    # itself is revealed at the draw, so anyone can recompute the result.
    seed_sha256: Mapped[str | None] = mapped_column(String(64))
    seed_committed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    seed: Mapped[str | None] = mapped_column(String(200))
    drawn_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The published draw document as it stood at the draw (inputs and result per category); it never
    # changes afterwards, whatever cancellations and promotions follow (hearings/registration.py).
    draw_record: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    participant_list_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    materials_delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    materials_note: Mapped[str] = mapped_column(Text, default="")
    # Held although materials reached participants less than 7 days before (rules C3): the reason.
    materials_override_reason: Mapped[str] = mapped_column(Text, default="")
    opened_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    minutes_summary: Mapped[str] = mapped_column(Text, default="")
    minutes_recorded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    report_summary: Mapped[str] = mapped_column(Text, default="")  # 听证报告: overall handling
    report_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ParticipantCategory(StrEnum):
    INTERESTED_PARTY = "interested_party"  # 利害关系人
    ENTERPRISE = "enterprise"  # 企业
    SOCIAL_ORGANIZATION = "social_organization"  # 社会组织
    EXPERT = "expert"  # 专家
    PUBLIC = "public"  # 普通公众


PARTICIPANT_CATEGORY_LABELS = {
    ParticipantCategory.INTERESTED_PARTY: "利害关系人",
    ParticipantCategory.ENTERPRISE: "企业",
    ParticipantCategory.SOCIAL_ORGANIZATION: "社会组织",
    ParticipantCategory.EXPERT: "专家",
    ParticipantCategory.PUBLIC: "普通公众",
}


class HearingCategory(Base):
    """An interest group of a hearing with its quota of seats; the row registrations lock to take one."""

    __tablename__ = "hearing_categories"
    __table_args__ = (UniqueConstraint("hearing_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearings.id"))
    code: Mapped[str] = mapped_column(String(32))
    quota: Mapped[int] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)


class RegistrationStatus(StrEnum):
    APPLIED = "applied"  # waiting for the draw
    SELECTED = "selected"  # has a seat
    WAITLISTED = "waitlisted"  # ranked; promoted when a seat in its category frees up
    CANCELLED = "cancelled"  # by the applicant; kept for the record


class SelectedBy(StrEnum):
    DRAW = "draw"
    FIRST_COME = "first_come"
    PROMOTION = "promotion"  # from the waitlist after a cancellation
    MANUAL = "manual"  # by the organizer, with a reason; marked on the public list


class Registration(Base):
    __tablename__ = "hearing_registrations"
    __table_args__ = (
        # One live registration per person per hearing; a cancelled one may be followed by a new one.
        Index(
            "uq_hearing_registrations_live",
            "hearing_id",
            "user_id",
            unique=True,
            sqlite_where=text("status != 'cancelled'"),
            postgresql_where=text("status != 'cancelled'"),
        ),
        # A seat is a number within the category's quota; two registrations never hold the same seat.
        UniqueConstraint("category_id", "seat_number"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearings.id"), index=True)
    category_id: Mapped[int] = mapped_column(ForeignKey("hearing_categories.id"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    # Public pseudonym on the applicant list and in the draw (the applicant sees their own).
    applicant_code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    organization: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(254))  # phone or email; never public
    wishes_to_speak: Mapped[bool] = mapped_column(Boolean, default=False)
    position_summary: Mapped[str] = mapped_column(Text, default="")
    consent_to_be_named: Mapped[bool] = mapped_column(Boolean, default=False)  # rules H: separate consent
    status: Mapped[str] = mapped_column(String(16), default=RegistrationStatus.APPLIED)
    seat_number: Mapped[int | None] = mapped_column(Integer)
    selected_by: Mapped[str | None] = mapped_column(String(16))
    manual_reason: Mapped[str] = mapped_column(Text, default="")
    waitlist_rank: Mapped[int | None] = mapped_column(Integer)
    check_in_code: Mapped[str | None] = mapped_column(String(16), unique=True)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checked_in_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    registered_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    selected_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    cancelled_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class ObserverCategory(StrEnum):
    PUBLIC_REPRESENTATIVE = "public_representative"  # 公众代表
    EXPERT = "expert"  # 专家
    MEDIA = "media"  # 媒体
    STAKEHOLDER = "stakeholder"  # 利益相关方
    NPC_DEPUTY = "npc_deputy"  # 人大代表
    CPPCC_MEMBER = "cppcc_member"  # 政协委员


OBSERVER_CATEGORY_LABELS = {
    ObserverCategory.PUBLIC_REPRESENTATIVE: "公众代表",
    ObserverCategory.EXPERT: "专家",
    ObserverCategory.MEDIA: "媒体",
    ObserverCategory.STAKEHOLDER: "利益相关方",
    ObserverCategory.NPC_DEPUTY: "人大代表",
    ObserverCategory.CPPCC_MEMBER: "政协委员",
}


class InvitationStatus(StrEnum):
    INVITED = "invited"
    ACCEPTED = "accepted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"  # by the organizer


class ObserverInvitation(Base):
    """A named person invited to attend as an observer (列席), answering through a personal link."""

    __tablename__ = "observer_invitations"

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearings.id"), index=True)
    category: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(100))
    organization: Mapped[str] = mapped_column(String(200), default="")
    contact: Mapped[str] = mapped_column(String(254))  # email or phone; never public
    # Only the SHA-256 of the link's token is stored: a database leak does not leak the links.
    token_sha256: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    status: Mapped[str] = mapped_column(String(16), default=InvitationStatus.INVITED)
    response_note: Mapped[str] = mapped_column(Text, default="")
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")  # told to the invitee
    reminders_sent: Mapped[int] = mapped_column(Integer, default=0)
    last_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    check_in_code: Mapped[str | None] = mapped_column(String(16), unique=True)
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    checked_in_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    invited_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    invited_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class MinutesEntry(Base):
    """One speaker's statement in the 听证笔录: main points and reasons, sign-off, and the comment it
    became (channel `hearing`), so it flows into aggregation and dispositions (rules C4)."""

    __tablename__ = "hearing_minutes_entries"
    __table_args__ = (UniqueConstraint("hearing_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    hearing_id: Mapped[int] = mapped_column(ForeignKey("hearings.id"))
    position: Mapped[int] = mapped_column(Integer)
    stage: Mapped[str] = mapped_column(String(16), default="statement")  # statement, question, debate
    registration_id: Mapped[int | None] = mapped_column(ForeignKey("hearing_registrations.id"))
    invitation_id: Mapped[int | None] = mapped_column(ForeignKey("observer_invitations.id"))
    speaker_name: Mapped[str] = mapped_column(String(100))
    speaker_category: Mapped[str] = mapped_column(String(32))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"))
    main_points: Mapped[str] = mapped_column(Text)
    reasons: Mapped[str] = mapped_column(Text, default="")
    signed_off_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    comment_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id"))
    # How the view was handled, for the hearing report when no approved disposition says it.
    handling: Mapped[str] = mapped_column(Text, default="")
    # Frozen when the hearing report is published (a published report never changes): the approved
    # disposition's outcome ("" when the organizer's text is the handling) and the handling as published.
    reported_outcome: Mapped[str] = mapped_column(String(24), default="")
    reported_handling: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
