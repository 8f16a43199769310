"""Figures recomputed by hand from sample_facts.COMMENTS, and the errors for inconsistent facts.

The eleven comments (id: author, channel, type, article, group, outcome):
 1-3: user:1..3 online individual 第三条 group 10 partly_adopted (campaign 100)
   4: 赵六 letter individual 第三条 group 10 partly_adopted
   5: user:1 online individual 第二条 group 11 adopted
   6: some@x.com email enterprise 第二条 group 11 adopted
   7: user:4 online organization whole draft group 12 not_adopted
   8: user:5 online individual whole draft group 12 not_adopted (late)
   9: 钱七 symposium individual 第三条 group 13 out_of_scope
  10: user:2 online individual 第三条 group 13 already_provided (own reason)
  11: user:6 online enterprise 第二条 group 11 not_adopted (own reason)
"""

import dataclasses

import pytest

from consultations.statement import figures as figures_module
from consultations.statement.facts import CommentFact
from consultations.statement.figures import StatementFactsError, compute_figures

from .sample_facts import COMMENTS, GROUPS, sample_facts


def by_key(counts) -> dict[str, tuple[int, int]]:
    return {count.key: (count.comments, count.participants) for count in counts}


def test_totals_letters_late_and_campaigns() -> None:
    figures = compute_figures(sample_facts())
    assert figures.comments == 11
    # user:1..6, the letter writer, the email sender, the symposium speaker
    assert figures.participants == 9
    assert figures.letters == 1
    assert figures.late_comments == 1
    assert (figures.campaigns, figures.campaign_comments) == (1, 3)


def test_by_channel_and_submitter_type() -> None:
    figures = compute_figures(sample_facts())
    assert by_key(figures.by_channel) == {
        "online": (8, 6),  # comments 1,2,3,5,7,8,10,11 by user:1..6
        "letter": (1, 1),
        "email": (1, 1),
        "phone": (0, 0),
        "symposium": (1, 1),
        "hearing": (0, 0),
        "other": (0, 0),
    }
    assert by_key(figures.by_submitter_type) == {
        "individual": (8, 6),  # 1,2,3,4,5,8,9,10: user:1,2,3,5, 赵六, 钱七
        "enterprise": (2, 2),
        "organization": (1, 1),
        "other": (0, 0),
    }
    assert [count.label for count in figures.by_channel][:4] == ["网上留言", "信函", "电子邮件", "电话"]


def test_by_disposition() -> None:
    figures = compute_figures(sample_facts())
    assert {count.key: count.comments for count in figures.by_overall} == {
        "adopted": 2,
        "partly_adopted": 4,
        "not_adopted": 3,
        "other": 2,
    }
    assert [count.label for count in figures.by_overall] == ["采纳", "部分采纳", "未采纳", "其他"]
    assert {count.key: count.comments for count in figures.by_outcome} == {
        "adopted": 2,
        "partly_adopted": 4,
        "not_adopted": 3,
        "already_provided": 1,
        "out_of_scope": 1,
    }
    assert figures.adoption_rate == pytest.approx(6 / 11)


def test_disposition_labels_can_be_overridden_per_deployment() -> None:
    figures = compute_figures(sample_facts(disposition_labels={"not_adopted": "未予采纳"}))
    assert [count.label for count in figures.by_outcome][2] == "未予采纳"


def test_per_article() -> None:
    rows = {row.label: row for row in compute_figures(sample_facts()).per_article}
    assert list(rows) == ["第一条", "第二条", "第三条", "草案整体"]
    assert (rows["第一条"].comments, rows["第一条"].participants, rows["第一条"].adoption_rate) == (0, 0, 0)
    second = rows["第二条"]  # comments 5, 6, 11
    assert (second.participants, second.comments, second.adopted) == (3, 3, 2)
    assert second.adoption_rate == pytest.approx(2 / 3)
    third = rows["第三条"]  # comments 1, 2, 3, 4, 9, 10 (user:2 twice)
    assert (third.participants, third.comments, third.adopted) == (5, 6, 4)
    whole = rows["草案整体"]  # comments 7, 8
    assert (whole.participants, whole.comments, whole.adopted, whole.late) == (2, 2, 0, 1)


def test_per_group_counts_campaign_copies_in_full() -> None:
    groups = compute_figures(sample_facts()).per_group
    assert {group_id: g.comments for group_id, g in groups.items()} == {10: 4, 11: 3, 12: 2, 13: 2}
    assert groups[10].campaign_comments == 3
    assert {c.key: c.comments for c in groups[11].by_outcome} == {"adopted": 2, "not_adopted": 1}
    assert {c.key: c.comments for c in groups[12].by_submitter_type} == {"individual": 1, "organization": 1}


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"disposition": ""}, "unknown or missing disposition"),
        ({"channel": "fax"}, "unknown channel"),
        ({"submitter_type": "robot"}, "unknown submitter type"),
        ({"article_id": 99}, "unknown article 99"),
        ({"topic_id": 99}, "unknown topic group 99"),
        ({"disposition": "not_adopted", "topic_id": None, "reason": ""}, "not_adopted needs a reason"),
    ],
)
def test_inconsistent_comments_are_refused(change: dict[str, object], message: str) -> None:
    broken = dataclasses.replace(COMMENTS[0], **change)  # type: ignore[arg-type]
    with pytest.raises(StatementFactsError, match=message):
        compute_figures(sample_facts(comments=(broken, *COMMENTS[1:])))


def test_duplicates_and_group_reasons_are_checked() -> None:
    with pytest.raises(StatementFactsError, match="duplicate comment ids"):
        compute_figures(sample_facts(comments=(*COMMENTS, COMMENTS[0])))
    unexplained = dataclasses.replace(GROUPS[2], reason=" ")
    with pytest.raises(StatementFactsError, match="group 12: not_adopted needs a reason") as error:
        compute_figures(sample_facts(groups=(*GROUPS[:2], unexplained, GROUPS[3])))
    # comment 7 and 8 take their reason from group 12, so they are reported too
    assert len(error.value.problems) == 3


def test_totals_that_do_not_reconcile_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    real_counts = figures_module._counts

    def losing_one(comments, key_of, categories):  # a counting bug that drops a comment
        return real_counts(list(comments)[1:], key_of, categories)

    monkeypatch.setattr(figures_module, "_counts", losing_one)
    with pytest.raises(StatementFactsError, match="add up to 10, not 11"):
        compute_figures(sample_facts())


def test_a_comment_outside_any_group_still_counts() -> None:
    loose = CommentFact(12, "user:9", "phone", "other", None, False, None, None, "already_provided", "")
    figures = compute_figures(sample_facts(comments=(*COMMENTS, loose)))
    assert (figures.comments, figures.participants) == (12, 10)
    assert figures.per_article[-1].comments == 3
