"""Topics: similar distinct opinions grouped per article, with keywords and a medoid representative."""

from consultations.aggregation.engine import AggregationOptions, aggregate
from consultations.aggregation.types import TextItem

from .checks import AREA, COMPENSATION_1, COMPENSATION_2, DEADLINE, FARMLAND, ROADS, assert_invariants

OPTIONS = AggregationOptions()


def test_three_comments_on_one_article() -> None:
    items = [
        TextItem("a", COMPENSATION_1, "3"),
        TextItem("b", COMPENSATION_2, "3"),
        TextItem("c", ROADS, "3"),
    ]
    result = aggregate(items, options=OPTIONS)
    assert_invariants(items, result)
    assert [(topic.members, topic.article) for topic in result.topics] == [(["a", "b"], "3"), (["c"], "3")]
    assert {"补偿", "区片综合地价"} <= set(result.topics[0].keywords)
    assert "宅基地有偿退出" in result.topics[0].keywords  # a user-dictionary term stays whole


def test_topics_never_mix_articles() -> None:
    items = [
        TextItem("a", COMPENSATION_1, "3"),
        TextItem("b", COMPENSATION_2, "4"),
        TextItem("c", "补偿标准应当参照区片综合地价，宅基地有偿退出的农户还应纳入社会保障。", None),
        TextItem("d", DEADLINE, None),
    ]
    result = aggregate(items, options=OPTIONS)
    assert_invariants(items, result)
    assert sorted((topic.article or "", topic.members) for topic in result.topics) == [
        ("", ["c"]),
        ("", ["d"]),
        ("3", ["a"]),
        ("4", ["b"]),
    ]


def test_the_representative_is_the_medoid() -> None:
    central = "宅基地有偿退出的补偿标准偏低，建议参照区片综合地价提高补偿。"
    items = [
        TextItem("1", "宅基地有偿退出的补偿标准偏低，还应当给予安置房和社会保障。", "3"),
        TextItem("2", central, "3"),
        TextItem("3", "区片综合地价已经多年没有调整，宅基地有偿退出的补偿应当参照新的地价。", "3"),
    ]
    result = aggregate(items, options=OPTIONS)
    assert [topic.members for topic in result.topics] == [["2", "1", "3"]]
    assert result.topics[0].representative == "2"


def test_unrelated_opinions_stay_apart_and_empty_texts_are_kept() -> None:
    items = [TextItem(str(n), body) for n, body in enumerate([AREA, DEADLINE, FARMLAND, ROADS, "", "！"])]
    result = aggregate(items, options=OPTIONS)
    assert_invariants(items, result)
    assert len(result.topics) == 6


def test_no_comments() -> None:
    result = aggregate([], options=OPTIONS)
    assert result.campaigns == [] and result.topics == []
