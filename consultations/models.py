"""Tables of the consultation domain: consultations, draft versions, articles, reviews, comments."""

from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from api.db import Base, UTCDateTime, utcnow


class Kind(StrEnum):
    MAJOR_DECISION = "major_decision"
    REGULATION = "regulation"
    NORMATIVE_DOCUMENT = "normative_document"
    OTHER = "other"


KIND_LABELS = {
    Kind.MAJOR_DECISION: "重大行政决策",
    Kind.REGULATION: "规章",
    Kind.NORMATIVE_DOCUMENT: "规范性文件",
    Kind.OTHER: "其他",
}


class Status(StrEnum):
    DRAFT = "draft"
    IN_REVIEW = "in_review"
    OPEN = "open"
    CLOSED = "closed"
    REVIEWING = "reviewing"
    STATEMENT_PUBLISHED = "statement_published"
    DECIDED = "decided"
    WITHDRAWN = "withdrawn"


# Statuses the public may see (a consultation withdrawn before publication stays internal).
PUBLIC_STATUSES = frozenset(
    {Status.OPEN, Status.CLOSED, Status.REVIEWING, Status.STATEMENT_PUBLISHED, Status.DECIDED}
)


class Disclosure(StrEnum):
    PROACTIVE = "proactive"  # 主动公开
    ON_REQUEST = "on_request"  # 依申请公开
    NOT_DISCLOSED = "not_disclosed"  # 不予公开


class ReviewKind(StrEnum):
    LEGALITY = "legality"  # 合法性审查
    SECRECY = "secrecy"  # 保密审查


class Channel(StrEnum):
    ONLINE = "online"
    LETTER = "letter"
    EMAIL = "email"
    PHONE = "phone"
    SYMPOSIUM = "symposium"
    HEARING = "hearing"
    OTHER = "other"


class SubmitterType(StrEnum):
    INDIVIDUAL = "individual"
    ENTERPRISE = "enterprise"
    ORGANIZATION = "organization"
    OTHER = "other"


class Moderation(StrEnum):
    VISIBLE = "visible"
    FLAGGED = "flagged"  # matched the sensitive-word list; awaits a moderator, still counted
    HIDDEN = "hidden"  # hidden from public display with a reason; never deleted, still counted


class Consultation(Base):
    __tablename__ = "consultations"

    id: Mapped[int] = mapped_column(primary_key=True)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id"), index=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(32))
    summary: Mapped[str] = mapped_column(Text, default="")
    explanation: Mapped[str] = mapped_column(Text, default="")  # 起草说明
    basis: Mapped[str] = mapped_column(Text, default="")  # 决策依据
    offline_channels: Mapped[str] = mapped_column(Text, default="")  # how to comment by letter, email, phone
    business_related: Mapped[bool] = mapped_column(Boolean, default=False)
    disclosure: Mapped[str] = mapped_column(String(16), default=Disclosure.PROACTIVE)
    disclosure_reason: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(24), default=Status.DRAFT, index=True)
    # No foreign key: draft_versions already refers to consultations, and a cycle would need
    # ALTER TABLE … ADD CONSTRAINT, which SQLite lacks. The service keeps it pointing at a version.
    current_version_id: Mapped[int | None] = mapped_column(Integer)
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime, index=True)
    closing_date: Mapped[date | None] = mapped_column(Date)
    shortened_reason: Mapped[str] = mapped_column(Text, default="")
    shortened_approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    publication_channels: Mapped[Any] = mapped_column(JSON, default=list)
    withdrawn_reason: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class DraftVersion(Base):
    __tablename__ = "draft_versions"
    __table_args__ = (UniqueConstraint("consultation_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"))
    number: Mapped[int] = mapped_column(Integer)
    preamble: Mapped[str] = mapped_column(Text, default="")
    structure: Mapped[str] = mapped_column(String(16))
    source: Mapped[str] = mapped_column(String(16))  # text, docx
    source_filename: Mapped[str] = mapped_column(String(255), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Article(Base):
    __tablename__ = "articles"
    __table_args__ = (Index("ix_articles_version_position", "draft_version_id", "position"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    draft_version_id: Mapped[int] = mapped_column(ForeignKey("draft_versions.id"))
    position: Mapped[int] = mapped_column(Integer)
    label: Mapped[str] = mapped_column(String(64))
    heading: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text, default="")


class Review(Base):
    """A legality or secrecy review recorded before publication (rules E3, G2)."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    # A review covers the text it read: a new draft version needs new reviews.
    draft_version_id: Mapped[int] = mapped_column(ForeignKey("draft_versions.id"))
    kind: Mapped[str] = mapped_column(String(16))
    reviewer: Mapped[str] = mapped_column(String(200))
    reviewed_on: Mapped[date] = mapped_column(Date)
    passed: Mapped[bool] = mapped_column(Boolean)
    notes: Mapped[str] = mapped_column(Text, default="")
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Comment(Base):
    """A comment as submitted: never deleted, its text never changed (rules B1)."""

    __tablename__ = "comments"
    __table_args__ = (
        Index("ix_comments_consultation_id_id", "consultation_id", "id"),
        Index("ix_comments_unsegmented", "segmented_at"),
        Index("ix_comments_unsealed", "sealed_at"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"))
    draft_version_id: Mapped[int] = mapped_column(ForeignKey("draft_versions.id"))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"), index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)
    receipt_code: Mapped[str] = mapped_column(String(24), unique=True)
    # "<user id>:<client key>": a retried submission finds the comment it already made.
    idempotency_key: Mapped[str | None] = mapped_column(String(120), unique=True)
    submitter_type: Mapped[str] = mapped_column(String(16), default=SubmitterType.INDIVIDUAL)
    submitter_name: Mapped[str] = mapped_column(String(200), default="")  # offline comments
    submitter_contact: Mapped[str] = mapped_column(String(254), default="")  # offline; never public
    postmarked_on: Mapped[date | None] = mapped_column(Date)
    received_on: Mapped[date | None] = mapped_column(Date)  # offline: the day it arrived
    submitted_at: Mapped[datetime] = mapped_column(UTCDateTime)
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    is_late: Mapped[bool] = mapped_column(Boolean, default=False)
    moderation: Mapped[str] = mapped_column(String(16), default=Moderation.VISIBLE)
    moderation_reason: Mapped[str] = mapped_column(Text, default="")
    flagged_terms: Mapped[Any] = mapped_column(JSON, default=list)
    content_hash: Mapped[str] = mapped_column(String(64))
    tokens: Mapped[str | None] = mapped_column(Text)  # jieba tokens, space-separated
    segmented_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    sealed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
