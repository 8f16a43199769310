"""Every number the statement prints, computed from StatementFacts alone (rules F5, DESIGN principles).

Counting rules:
- a participant is a distinct author_key; a comment is one CommentFact (a campaign's copies each count);
- late comments are in every total and are also reported on their own (rules B1);
- 其他 = 已有规定或已说明 + 不属于本次范围;
- each figure table must add up to the total, or StatementFactsError is raised: a statement whose
  numbers do not reconcile must never be generated.
"""

import dataclasses
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from consultations.models import OUTCOMES_NEEDING_REASON, Channel, Outcome, SubmitterType
from consultations.statement.facts import CommentFact, GroupFact, StatementFacts
from consultations.statement.labels import (
    CHANNEL_LABELS,
    OVERALL_LABELS,
    OVERALL_OF_OUTCOME,
    SUBMITTER_TYPE_LABELS,
    WHOLE_DRAFT_LABEL,
    outcome_label,
)


class StatementFactsError(ValueError):
    """The facts are inconsistent (unknown ids or values, missing reasons, totals that do not add up)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        shown = "; ".join(problems[:10]) + (f"; … ({len(problems)} problems)" if len(problems) > 10 else "")
        super().__init__(f"statement facts are inconsistent: {shown}")


@dataclass(frozen=True)
class Count:
    """Comments and distinct participants in one category (a channel, a submitter type, an outcome)."""

    key: str
    label: str
    comments: int
    participants: int


@dataclass(frozen=True)
class ArticleFigures:
    """One row of the per-article table; article_id None is the whole-draft row."""

    article_id: int | None
    label: str
    participants: int
    comments: int
    adopted: int  # 采纳 + 部分采纳
    adoption_rate: float  # adopted / comments, 0 when there are no comments
    late: int


@dataclass(frozen=True)
class GroupFigures:
    group_id: int
    comments: int
    participants: int
    campaign_comments: int
    by_submitter_type: tuple[Count, ...]  # non-zero types only
    by_outcome: tuple[Count, ...]  # non-zero outcomes only: members may be decided apart from the group


@dataclass(frozen=True)
class StatementFigures:
    participants: int  # X人（人次）
    comments: int  # Y条
    letters: int  # Z封来信: comments received by letter
    late_comments: int
    campaigns: int
    campaign_comments: int
    by_channel: tuple[Count, ...]  # every channel, in Channel order
    by_submitter_type: tuple[Count, ...]  # every submitter type, in SubmitterType order
    by_overall: tuple[Count, ...]  # 采纳 / 部分采纳 / 未采纳 / 其他
    by_outcome: tuple[Count, ...]  # the five outcomes
    per_article: tuple[ArticleFigures, ...]  # articles in draft order, then the whole-draft row
    per_group: Mapping[int, GroupFigures]

    def overall(self, key: str) -> int:
        return next(count.comments for count in self.by_overall if count.key == key)

    @property
    def adoption_rate(self) -> float:
        adopted = self.overall("adopted") + self.overall("partly_adopted")
        return adopted / self.comments if self.comments else 0.0


def compute_figures(facts: StatementFacts) -> StatementFigures:
    """Compute and reconcile every figure of the statement."""
    check_facts(facts)
    comments = facts.comments
    labels = facts.disposition_labels

    by_channel = _counts(comments, lambda c: c.channel, [(v.value, CHANNEL_LABELS[v]) for v in Channel])
    by_type = _counts(
        comments, lambda c: c.submitter_type, [(v.value, SUBMITTER_TYPE_LABELS[v]) for v in SubmitterType]
    )
    by_overall = _counts(comments, lambda c: OVERALL_OF_OUTCOME[c.disposition], list(OVERALL_LABELS.items()))
    by_outcome = _counts(
        comments, lambda c: c.disposition, [(v.value, outcome_label(v, labels)) for v in Outcome]
    )

    statement = StatementFigures(
        participants=len({c.author_key for c in comments}),
        comments=len(comments),
        letters=sum(1 for c in comments if c.channel == Channel.LETTER),
        late_comments=sum(1 for c in comments if c.is_late),
        campaigns=len({c.campaign_id for c in comments if c.campaign_id is not None}),
        campaign_comments=sum(1 for c in comments if c.campaign_id is not None),
        by_channel=by_channel,
        by_submitter_type=by_type,
        by_overall=by_overall,
        by_outcome=by_outcome,
        per_article=_per_article(facts),
        per_group=_per_group(facts),
    )
    _reconcile(statement)
    return statement


def check_facts(facts: StatementFacts) -> None:
    """Raise StatementFactsError listing every inconsistency in the facts."""
    problems: list[str] = []
    article_ids = {article.id for article in facts.articles}
    group_ids = {group.id for group in facts.groups}
    outcomes = {outcome.value for outcome in Outcome}
    channels = {channel.value for channel in Channel}
    types = {submitter_type.value for submitter_type in SubmitterType}
    groups_by_id = {group.id: group for group in facts.groups}

    if len(article_ids) != len(facts.articles):
        problems.append("duplicate article ids")
    if len(group_ids) != len(facts.groups):
        problems.append("duplicate group ids")
    if len({comment.id for comment in facts.comments}) != len(facts.comments):
        problems.append("duplicate comment ids")
    for group in facts.groups:
        if group.article_id is not None and group.article_id not in article_ids:
            problems.append(f"group {group.id}: unknown article {group.article_id}")
        if group.disposition not in outcomes:
            problems.append(f"group {group.id}: unknown disposition {group.disposition!r}")
        elif group.disposition in OUTCOMES_NEEDING_REASON and not group.reason.strip():
            problems.append(f"group {group.id}: {group.disposition} needs a reason")
    for comment in facts.comments:
        where = f"comment {comment.id}"
        if comment.disposition not in outcomes:
            problems.append(f"{where}: unknown or missing disposition {comment.disposition!r}")
        elif comment.disposition in OUTCOMES_NEEDING_REASON and not reason_for(comment, groups_by_id):
            problems.append(f"{where}: {comment.disposition} needs a reason")
        if comment.channel not in channels:
            problems.append(f"{where}: unknown channel {comment.channel!r}")
        if comment.submitter_type not in types:
            problems.append(f"{where}: unknown submitter type {comment.submitter_type!r}")
        if comment.article_id is not None and comment.article_id not in article_ids:
            problems.append(f"{where}: unknown article {comment.article_id}")
        if comment.topic_id is not None and comment.topic_id not in group_ids:
            problems.append(f"{where}: unknown topic group {comment.topic_id}")
    if problems:
        raise StatementFactsError(problems)


def reason_for(comment: CommentFact, groups_by_id: Mapping[int, GroupFact]) -> str:
    """The reason that applies to a comment: its own, else its group's when it shares the group's outcome."""
    if comment.reason.strip():
        return comment.reason.strip()
    group = groups_by_id.get(comment.topic_id) if comment.topic_id is not None else None
    if group is not None and group.disposition == comment.disposition:
        return group.reason.strip()
    return ""


def _counts(
    comments: Iterable[CommentFact], key_of: Callable[[CommentFact], str], categories: list[tuple[str, str]]
) -> tuple[Count, ...]:
    comment_counts: Counter[str] = Counter()
    participants: dict[str, set[str]] = defaultdict(set)
    for comment in comments:
        key = key_of(comment)
        comment_counts[key] += 1
        participants[key].add(comment.author_key)
    return tuple(
        Count(key=key, label=label, comments=comment_counts[key], participants=len(participants[key]))
        for key, label in categories
    )


def _per_article(facts: StatementFacts) -> tuple[ArticleFigures, ...]:
    comments_by_article: dict[int | None, list[CommentFact]] = defaultdict(list)
    for comment in facts.comments:
        comments_by_article[comment.article_id].append(comment)
    rows = [
        _article_row(article.id, article.label, comments_by_article.get(article.id, []))
        for article in sorted(facts.articles, key=lambda a: a.position)
    ]
    rows.append(_article_row(None, WHOLE_DRAFT_LABEL, comments_by_article.get(None, [])))
    return tuple(rows)


def _article_row(article_id: int | None, label: str, comments: list[CommentFact]) -> ArticleFigures:
    adopted = sum(1 for c in comments if c.disposition in (Outcome.ADOPTED, Outcome.PARTLY_ADOPTED))
    return ArticleFigures(
        article_id=article_id,
        label=label,
        participants=len({c.author_key for c in comments}),
        comments=len(comments),
        adopted=adopted,
        adoption_rate=adopted / len(comments) if comments else 0.0,
        late=sum(1 for c in comments if c.is_late),
    )


def _per_group(facts: StatementFacts) -> dict[int, GroupFigures]:
    members: dict[int, list[CommentFact]] = defaultdict(list)
    for comment in facts.comments:
        if comment.topic_id is not None:
            members[comment.topic_id].append(comment)
    result = {}
    for group in facts.groups:
        group_comments = members.get(group.id, [])
        types = _counts(
            group_comments,
            lambda c: c.submitter_type,
            [(v.value, SUBMITTER_TYPE_LABELS[v]) for v in SubmitterType],
        )
        outcomes = _counts(
            group_comments,
            lambda c: c.disposition,
            [(v.value, outcome_label(v, facts.disposition_labels)) for v in Outcome],
        )
        result[group.id] = GroupFigures(
            group_id=group.id,
            comments=len(group_comments),
            participants=len({c.author_key for c in group_comments}),
            campaign_comments=sum(1 for c in group_comments if c.campaign_id is not None),
            by_submitter_type=tuple(count for count in types if count.comments),
            by_outcome=tuple(count for count in outcomes if count.comments),
        )
    return result


def _reconcile(figures: StatementFigures) -> None:
    """Check that every breakdown adds up to the total (a guard against a future counting bug)."""
    problems = []
    for name, total in (
        ("by channel", sum(c.comments for c in figures.by_channel)),
        ("by submitter type", sum(c.comments for c in figures.by_submitter_type)),
        ("by disposition (采纳/部分采纳/未采纳/其他)", sum(c.comments for c in figures.by_overall)),
        ("by outcome", sum(c.comments for c in figures.by_outcome)),
        ("per article + whole draft", sum(row.comments for row in figures.per_article)),
    ):
        if total != figures.comments:
            problems.append(f"comments {name} add up to {total}, not {figures.comments}")
    if problems:
        raise StatementFactsError(problems)


def figures_to_json(figures: StatementFigures) -> dict[str, Any]:
    """Plain JSON-ready figures (the open data and the stored Statement.figures column)."""
    data = dataclasses.asdict(figures)
    data["per_group"] = [dataclasses.asdict(group) for _, group in sorted(figures.per_group.items())]
    data["adoption_rate"] = figures.adoption_rate
    return data
