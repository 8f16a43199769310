"""Form letters: exact and edited copies are found; different opinions are not merged."""

import random

import pytest

from consultations.aggregation import campaigns as campaign_detection
from consultations.aggregation.engine import AggregationOptions, aggregate
from consultations.aggregation.types import TextItem

from .checks import (
    AREA,
    COMPENSATION_1,
    COMPENSATION_2,
    DEADLINE,
    FARMLAND,
    FORM_LETTER,
    FULL_WIDTH,
    NAME_INSERTED,
    REORDERED,
    ROADS,
    TRADITIONAL,
    WORD_CHANGED,
    assert_invariants,
)

OPTIONS = AggregationOptions()


def _campaigns(bodies: list[str]) -> list[list[str]]:
    items = [TextItem(str(number), body) for number, body in enumerate(bodies)]
    result = aggregate(items, options=OPTIONS)
    assert_invariants(items, result)
    return [campaign.members for campaign in result.campaigns]


def test_exact_copies_form_one_campaign_with_the_first_as_representative() -> None:
    assert _campaigns([AREA, FORM_LETTER, FORM_LETTER, DEADLINE, FORM_LETTER]) == [["1", "2", "4"]]


def test_punctuation_and_spacing_differences_are_still_exact_copies() -> None:
    assert _campaigns([DEADLINE, DEADLINE.replace("，", " ").replace("。", "!!"), AREA]) == [["0", "1"]]


def test_edited_copies_join_the_campaign() -> None:
    bodies = [FORM_LETTER, WORD_CHANGED, NAME_INSERTED, REORDERED, TRADITIONAL, FULL_WIDTH, AREA]
    assert _campaigns(bodies) == [["0", "1", "2", "3", "4", "5"]]


def test_each_kind_of_edit_alone_is_caught() -> None:
    for edited in (WORD_CHANGED, NAME_INSERTED, REORDERED, TRADITIONAL, FULL_WIDTH):
        assert _campaigns([FORM_LETTER, edited]) == [["0", "1"]], edited


def test_the_most_copied_text_represents_the_campaign() -> None:
    assert _campaigns([WORD_CHANGED, FORM_LETTER, NAME_INSERTED, FORM_LETTER]) == [["1", "0", "2", "3"]]


def test_different_opinions_on_the_same_subject_are_not_copies() -> None:
    bodies = [COMPENSATION_1, COMPENSATION_2, AREA, DEADLINE, FARMLAND, ROADS, FORM_LETTER]
    assert _campaigns(bodies) == []


def test_short_texts_are_copies_only_when_identical() -> None:
    assert _campaigns(["同意该方案", "同意该方案。", "同意此方案", "不同意"]) == [["0", "1"]]


def test_texts_without_letters_are_never_copies() -> None:
    assert _campaigns(["！！！", "！！！", "。。。"]) == []


@pytest.mark.parametrize("all_pairs_up_to", [1000, 0], ids=["all pairs", "LSH bands"])
def test_a_large_campaign_among_many_texts(all_pairs_up_to: int, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(campaign_detection, "ALL_PAIRS_MAX_TEXTS", all_pairs_up_to)
    rng = random.Random(7)
    bodies = [f"{FORM_LETTER}村民{number}号" for number in range(300)]
    # unrelated texts: random strings over 3,000 common characters
    bodies += ["".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(60)) for _ in range(200)]
    campaigns = _campaigns(bodies)
    assert len(campaigns) == 1 and sorted(campaigns[0], key=int) == [str(n) for n in range(300)]
