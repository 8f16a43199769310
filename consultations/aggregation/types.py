"""The aggregation engine's inputs and outputs: plain data, no database.

Ids are strings so the same engine serves the database job (comment ids) and the offline
`canyu aggregate` command (ids from an export). Campaign and topic members are listed in a
stable order with the representative first.
"""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class TextItem:
    id: str
    body: str
    article: str | None = None  # topics never mix articles; None = the whole draft
    author: str | None = None


@dataclass
class Campaign:
    """Form letters: exact and near copies of one text. Counted in full, quoted once."""

    representative: str
    members: list[str]  # the representative first; at least 2


@dataclass
class Topic:
    """Distinct opinions (campaign representatives and singletons) that say similar things."""

    representative: str  # the medoid
    members: list[str]  # the representative first
    keywords: list[str]
    article: str | None


@dataclass
class AggregationResult:
    campaigns: list[Campaign] = field(default_factory=list)
    topics: list[Topic] = field(default_factory=list)


@dataclass(frozen=True)
class ExistingGroup:
    """A group from an earlier run (possibly edited by staff) that new comments may join."""

    key: str  # the caller's id for the group
    kind: str  # "campaign" or "topic"
    article: str | None
    members: tuple[TextItem, ...]  # campaign: its representative first; topic: its members


@dataclass
class IncrementalResult:
    """Where each new comment goes when earlier groups are kept as they are."""

    campaign_joins: dict[str, str] = field(default_factory=dict)  # new id -> existing campaign key
    # new id -> id of an earlier comment (not yet in a campaign) it copies: they form a new campaign,
    # the earlier comment as representative
    campaign_pairs: dict[str, str] = field(default_factory=dict)
    topic_joins: dict[str, str] = field(default_factory=dict)  # new distinct id -> existing topic key
    new: AggregationResult = field(default_factory=AggregationResult)  # among the remaining new items
