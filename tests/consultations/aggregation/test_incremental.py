"""Re-running after new comments: earlier groups stay, new comments join them or form their own."""

from consultations.aggregation.engine import AggregationOptions, aggregate_incremental
from consultations.aggregation.types import ExistingGroup, TextItem

from .checks import (
    AREA,
    COMPENSATION_1,
    COMPENSATION_2,
    DEADLINE,
    FARMLAND,
    FORM_LETTER,
    NAME_INSERTED,
    REORDERED,
    ROADS,
    WORD_CHANGED,
)
from .test_engine import SECOND_LETTER

OPTIONS = AggregationOptions()

LETTER = TextItem("old-letter", FORM_LETTER, "3")
LETTER_COPY = TextItem("old-letter-copy", WORD_CHANGED, "3")
COMPENSATION = TextItem("old-compensation", COMPENSATION_1, "3")
SECOND = TextItem("old-second", SECOND_LETTER, "3")
OLD_AREA = TextItem("old-area", AREA, "3")
EXISTING = [
    ExistingGroup("campaign-1", "campaign", "3", (LETTER, LETTER_COPY)),
    ExistingGroup("topic-letter", "topic", "3", (LETTER,)),
    ExistingGroup("topic-compensation", "topic", "3", (COMPENSATION,)),
    ExistingGroup("topic-second", "topic", "3", (SECOND, OLD_AREA)),  # edited by staff: unrelated members
]
EARLIER_SINGLETONS = [COMPENSATION, SECOND, OLD_AREA]


def _run(new_items: list[TextItem]):  # type: ignore[no-untyped-def]
    return aggregate_incremental(new_items, EXISTING, EARLIER_SINGLETONS, options=OPTIONS)


def test_copies_of_an_existing_campaign_join_it() -> None:
    result = _run([TextItem("n1", NAME_INSERTED, "3"), TextItem("n2", REORDERED, "5")])
    assert result.campaign_joins == {"n1": "campaign-1", "n2": "campaign-1"}
    assert not result.campaign_pairs and not result.topic_joins
    assert result.new.campaigns == [] and result.new.topics == []


def test_a_copy_of_an_earlier_single_comment_pairs_with_it() -> None:
    edited = "您好！" + SECOND_LETTER.replace("半年", "八个月") + "张伟"
    result = _run([TextItem("n3", edited, "3"), TextItem("n4", SECOND_LETTER, "3")])
    assert result.campaign_pairs == {"n3": "old-second", "n4": "old-second"}
    assert not result.campaign_joins and not result.topic_joins and not result.new.topics


def test_a_similar_distinct_comment_joins_the_existing_topic_of_its_article_only() -> None:
    other_article = "区片综合地价多年没有调整，宅基地有偿退出的补偿应当参照新的地价标准。"
    result = _run([TextItem("n5", COMPENSATION_2, "3"), TextItem("n6", other_article, "4")])
    assert result.topic_joins == {"n5": "topic-compensation"}
    assert [(topic.members, topic.article) for topic in result.new.topics] == [(["n6"], "4")]


def test_the_rest_is_aggregated_among_the_new_comments() -> None:
    new_items = [
        TextItem("n7", ROADS, "3"),
        TextItem("n8", ROADS.replace("六米", "八米"), "3"),
        TextItem("n9", DEADLINE, None),
        TextItem("n10", FARMLAND, "3"),
    ]
    result = _run(new_items)
    assert not result.campaign_joins and not result.campaign_pairs and not result.topic_joins
    assert [(c.representative, c.members) for c in result.new.campaigns] == [("n7", ["n7", "n8"])]
    topics = sorted((topic.members, topic.article or "") for topic in result.new.topics)
    assert topics == [(["n10"], "3"), (["n7"], "3"), (["n9"], "")]


def test_all_outcomes_together_place_every_new_comment_once() -> None:
    new_items = [
        TextItem("n1", NAME_INSERTED, "3"),
        TextItem("n3", SECOND_LETTER + "王芳", "3"),
        TextItem("n5", COMPENSATION_2, "3"),
        TextItem("n7", ROADS, "3"),
        TextItem("n8", "尊敬的领导：" + ROADS, "3"),
        TextItem("n9", DEADLINE, None),
    ]
    result = _run(new_items)
    placed = (
        list(result.campaign_joins)
        + list(result.campaign_pairs)
        + list(result.topic_joins)
        + [m for topic in result.new.topics for m in topic.members]
        + [m for campaign in result.new.campaigns for m in campaign.members[1:]]
    )
    assert sorted(placed) == sorted(item.id for item in new_items)
    assert result == _run(list(new_items))  # deterministic
