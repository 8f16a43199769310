"""Tables of the consultation domain: consultations, draft versions, articles, reviews, comments,
opinion groups, dispositions, statements and the decision."""

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
    LargeBinary,
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


# Statuses the public may see. A withdrawn consultation stays public (with its reason) if it was ever
# published; one withdrawn before publication stays internal (see is_public / public_filter).
PUBLIC_STATUSES = frozenset(
    {Status.OPEN, Status.CLOSED, Status.REVIEWING, Status.STATEMENT_PUBLISHED, Status.DECIDED}
)


def is_public(consultation: "Consultation") -> bool:
    return consultation.status in PUBLIC_STATUSES or (
        consultation.status == Status.WITHDRAWN and consultation.published_at is not None
    )


def public_filter() -> Any:
    """SQL: the consultations the public may see (is_public)."""
    return Consultation.status.in_([s.value for s in PUBLIC_STATUSES]) | (
        (Consultation.status == Status.WITHDRAWN) & Consultation.published_at.is_not(None)
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


class Outcome(StrEnum):
    """A disposition's result (rules B2). 已有规定或已说明 and 不属于本次范围 are 其他 in the totals."""

    ADOPTED = "adopted"  # 采纳
    PARTLY_ADOPTED = "partly_adopted"  # 部分采纳
    NOT_ADOPTED = "not_adopted"  # 不予采纳
    ALREADY_PROVIDED = "already_provided"  # 已有规定或已说明
    OUT_OF_SCOPE = "out_of_scope"  # 不属于本次范围


OUTCOME_LABELS: dict[str, str] = {
    Outcome.ADOPTED: "采纳",
    Outcome.PARTLY_ADOPTED: "部分采纳",
    Outcome.NOT_ADOPTED: "不予采纳",
    Outcome.ALREADY_PROVIDED: "已有规定或已说明",
    Outcome.OUT_OF_SCOPE: "不属于本次范围",
}
OUTCOMES_NEEDING_REASON = frozenset({Outcome.PARTLY_ADOPTED, Outcome.NOT_ADOPTED})


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
    # Bumped by every change a statement depends on after the window closes (late letters, group
    # corrections, dispositions): a statement generated at an older revision is stale.
    review_revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")


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
    # Aggregation annotates, never deletes: a campaign copy keeps its text and carries its campaign's
    # topic, so a disposition on a topic reaches every copy behind it.
    campaign_id: Mapped[int | None] = mapped_column(ForeignKey("opinion_groups.id"), index=True)
    topic_id: Mapped[int | None] = mapped_column(ForeignKey("opinion_groups.id"), index=True)


class GroupKind(StrEnum):
    CAMPAIGN = "campaign"  # form letters: copies of one text
    TOPIC = "topic"  # distinct opinions saying similar things


class OpinionGroup(Base):
    """A group of comments made by aggregation or by staff; membership lives on the comments."""

    __tablename__ = "opinion_groups"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"))
    title: Mapped[str] = mapped_column(String(200), default="")
    summary: Mapped[str] = mapped_column(Text, default="")
    keywords: Mapped[Any] = mapped_column(JSON, default=list)
    representative_id: Mapped[int | None] = mapped_column(Integer)  # a comment id
    edited_by_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # merged away or emptied
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class DispositionStatus(StrEnum):
    PROPOSED = "proposed"  # by a reviewer
    APPROVED = "approved"  # by an approver
    SUPERSEDED = "superseded"  # replaced by a later proposal; kept for the record


class Disposition(Base):
    """A decision on a topic group (for all its comments) or on one comment (an override)."""

    __tablename__ = "dispositions"
    __table_args__ = (Index("ix_dispositions_consultation_status", "consultation_id", "status"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"))
    group_id: Mapped[int | None] = mapped_column(ForeignKey("opinion_groups.id"), index=True)
    comment_id: Mapped[int | None] = mapped_column(ForeignKey("comments.id"), index=True)
    outcome: Mapped[str] = mapped_column(String(24))
    reason: Mapped[str] = mapped_column(Text, default="")
    standard_reason: Mapped[str] = mapped_column(String(40), default="")
    revised_article_id: Mapped[int | None] = mapped_column(ForeignKey("articles.id"))
    revised_before: Mapped[str] = mapped_column(Text, default="")
    revised_after: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16), default=DispositionStatus.PROPOSED)
    proposed_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    proposed_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    approved_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class Statement(Base):
    """One version of the 意见收集及采纳情况说明. A published version never changes."""

    __tablename__ = "statements"
    __table_args__ = (UniqueConstraint("consultation_id", "version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"))
    version: Mapped[int] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), default="draft")  # draft, published
    corrects_version: Mapped[int | None] = mapped_column(Integer)
    correction_note: Mapped[str] = mapped_column(Text, default="")
    content_sha256: Mapped[str] = mapped_column(String(64))
    review_revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")  # of its facts
    figures: Mapped[Any] = mapped_column(JSON, default=dict)
    personal_data_findings: Mapped[Any] = mapped_column(JSON, default=list)
    generated_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    generated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    published_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class StatementRendering(Base):
    __tablename__ = "statement_renderings"

    statement_id: Mapped[int] = mapped_column(ForeignKey("statements.id"), primary_key=True)
    format: Mapped[str] = mapped_column(String(8), primary_key=True)  # html, pdf, docx, json, csv
    content: Mapped[bytes] = mapped_column(LargeBinary)


class Decision(Base):
    """The decision as made: the adopted text (a draft version) and the decision documents (rules F1)."""

    __tablename__ = "decisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    consultation_id: Mapped[int] = mapped_column(ForeignKey("consultations.id"), unique=True)
    final_version_id: Mapped[int] = mapped_column(ForeignKey("draft_versions.id"))
    decided_on: Mapped[date] = mapped_column(Date)
    summary: Mapped[str] = mapped_column(Text, default="")
    documents: Mapped[Any] = mapped_column(JSON, default=list)  # [{"title", "url"}]
    published_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    published_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
