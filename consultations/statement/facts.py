"""The frozen facts a statement is generated from: plain data read from the database in one
snapshot (consultations/statement/snapshot.py), so every figure can be recomputed from stored rows
and the renderers never touch the database.
"""

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True)
class ArticleFact:
    id: int
    position: int
    label: str  # 第三条, 一、…
    heading: str
    body: str


@dataclass(frozen=True)
class CommentFact:
    id: int
    author_key: (
        str  # one participant: "user:12", or "offline:<channel>:<name or contact>" for offline comments
    )
    channel: str  # consultations.models.Channel
    submitter_type: str  # consultations.models.SubmitterType
    article_id: int | None
    is_late: bool
    topic_id: int | None  # campaign copies carry their campaign representative's topic
    campaign_id: int | None
    disposition: str  # consultations.dispositions.Outcome value (approved)
    reason: str


@dataclass(frozen=True)
class GroupFact:
    """A topic group: the unit of 主要意见及采纳情况 and of the annex table."""

    id: int
    title: str
    summary: str  # staff summary, empty if none
    article_id: int | None
    representative_text: str  # raw text of the representative comment (masked when rendered)
    keywords: tuple[str, ...]
    disposition: str  # the group's approved disposition (members may override)
    reason: str
    revised_before: str = ""  # the article's text before, when the disposition links a revision
    revised_after: str = ""


@dataclass(frozen=True)
class HearingFact:
    """A hearing, symposium or meeting held on the consultation (section 五); empty until hearings land."""

    title: str
    kind: str
    held_on: date | None
    participants_by_category: dict[str, int]
    observers_by_category: dict[str, int]
    selection_method: str
    main_points: tuple[str, ...]
    handling: str


@dataclass(frozen=True)
class ConsultationFact:
    id: int
    title: str
    unit_name: str
    kind: str
    opens_at: datetime
    closes_at: datetime
    closing_date: date
    period_days: int
    shortened_reason: str
    publication_channels: tuple[tuple[str, str, str], ...]  # (channel name, url, published on)
    offline_channels: str  # how to comment offline / contact details (联系方式)
    disclosure: str
    secrecy_review: str  # "保密审查：<reviewer>，<date>"


@dataclass(frozen=True)
class StatementFacts:
    consultation: ConsultationFact
    articles: tuple[ArticleFact, ...]
    groups: tuple[GroupFact, ...]
    comments: tuple[CommentFact, ...]
    hearings: tuple[HearingFact, ...] = ()
    version: int = 1
    corrects_version: int | None = None
    correction_note: str = ""
    generated_at: datetime | None = None
    disposition_labels: dict[str, str] = field(default_factory=dict)
