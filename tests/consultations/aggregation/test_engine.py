"""The engine as a whole: invariants on a mixed corpus, determinism, the process pool, progress."""

import random

import pytest

from consultations.aggregation import engine
from consultations.aggregation.engine import AggregationOptions, aggregate
from consultations.aggregation.types import TextItem

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
    assert_invariants,
)

OPTIONS = AggregationOptions()
SECOND_LETTER = "关于宅基地审批时限的意见：目前农村村民申请建房，从提交申请到拿到乡村建设规划许可证往往要半年以上，建议明确各环节审批时限，超过时限未答复的视为同意，并在村务公开栏公示审批进度。"  # noqa: E501


def mixed_corpus() -> list[TextItem]:
    """Two campaigns with edited copies, similar and unrelated opinions, over three articles."""
    rng = random.Random(3)
    bodies = [FORM_LETTER, WORD_CHANGED, NAME_INSERTED, REORDERED] * 3
    bodies += [SECOND_LETTER, SECOND_LETTER.replace("半年", "八个月"), "您好！" + SECOND_LETTER + "李红梅"]
    bodies += [COMPENSATION_1, COMPENSATION_2, AREA, DEADLINE, FARMLAND, ROADS, "同意", "同意", ""]
    bodies += [
        "".join(chr(0x4E00 + rng.randrange(3000)) for _ in range(rng.randrange(20, 90))) for _ in range(30)
    ]
    articles = ["1", "2", None]
    return [TextItem(f"c{n}", body, articles[n % 3], f"author{n % 7}") for n, body in enumerate(bodies)]


def test_mixed_corpus_follows_the_rules() -> None:
    items = mixed_corpus()
    result = aggregate(items, options=OPTIONS)
    assert_invariants(items, result)
    members = sorted(sorted(campaign.members) for campaign in result.campaigns)
    assert members == sorted([sorted(f"c{n}" for n in range(12)), ["c12", "c13", "c14"], ["c21", "c22"]])


def test_the_same_input_gives_the_same_output() -> None:
    items = mixed_corpus()
    assert aggregate(items, options=OPTIONS) == aggregate(list(items), options=OPTIONS)


def test_a_process_pool_gives_the_same_result(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(engine, "SEGMENT_CHUNK_CHARS", 300)  # many chunks, so the pool gets some
    items = mixed_corpus()
    stages: list[tuple[str, int, int]] = []
    pooled = aggregate(items, workers=2, options=OPTIONS, progress=lambda *event: stages.append(event))
    assert pooled == aggregate(items, options=OPTIONS)
    assert [stage for stage, *_ in stages if stage != stages[0][0]][:1] == ["campaigns"]
    assert {stage for stage, *_ in stages} == {"normalize", "campaigns", "segment", "topics"}
    segment = [(done, total) for stage, done, total in stages if stage == "segment"]
    assert segment[0][0] == 0 and segment[-1][0] == segment[-1][1]


def test_duplicate_ids_are_refused() -> None:
    with pytest.raises(ValueError, match="duplicate comment id 'x'"):
        aggregate([TextItem("x", "甲"), TextItem("x", "乙")], options=OPTIONS)
