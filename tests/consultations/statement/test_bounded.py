"""A consultation with thousands of topic groups: the human-readable renderings stay bounded and list the
most shared groups, the open data keeps every group and every comment, and every number still adds up."""

import csv
import dataclasses
import io
import json
import re
from collections import Counter

import pytest
from pypdf import PdfReader

from consultations.statement import document as document_module
from consultations.statement.document import (
    OPEN_DATA_NOTE,
    Paragraph,
    StatementDocument,
    build_statement,
)
from consultations.statement.facts import CommentFact, GroupFact, StatementFacts
from consultations.statement.figures import figures_to_json
from consultations.statement.render import FORMATS, render_all
from consultations.statement.scan import scan_renderings

from .sample_facts import COMMENTS, GROUPS, PLANTED, sample_facts

SINGLETONS = 3000
OUTCOMES = ("adopted", "partly_adopted", "not_adopted", "already_provided", "out_of_scope")
SINGLETON_PHONE = "13687654321"  # not in the trusted publication URL


def many_groups_facts(singletons: int = SINGLETONS) -> StatementFacts:
    """The sample (4 groups of 2–4 comments) plus `singletons` one-comment groups over articles 1–3 and
    the whole draft; every 500th one quotes a phone number."""
    groups = list(GROUPS)
    comments = list(COMMENTS)
    for index in range(singletons):
        group_id, comment_id = 1000 + index, 1000 + index
        article = (1, 2, 3, None)[index % 4]
        outcome = OUTCOMES[index % 5]
        phone = f"电话{SINGLETON_PHONE}，" if index % 500 == 0 else ""
        reason = "与上位法不一致" if outcome in ("partly_adopted", "not_adopted") else ""
        groups.append(
            GroupFact(
                id=group_id,
                title=f"个别意见{index}",
                summary="",
                article_id=article,
                representative_text=f"{phone}建议对第{index}项表述作出调整。其他内容略。",
                keywords=(),
                disposition=outcome,
                reason=reason,
            )
        )
        comments.append(
            CommentFact(
                id=comment_id,
                author_key=f"user:{comment_id}",
                channel="online",
                submitter_type="individual",
                article_id=article,
                is_late=False,
                topic_id=group_id,
                campaign_id=None,
                disposition=outcome,
                reason="",
            )
        )
    return sample_facts(groups=tuple(groups), comments=tuple(comments))


@pytest.fixture(scope="module")
def facts() -> StatementFacts:
    return many_groups_facts()


@pytest.fixture(scope="module")
def document(facts: StatementFacts) -> StatementDocument:
    return build_statement(facts)


@pytest.fixture(scope="module")
def renderings(document: StatementDocument) -> dict[str, bytes]:
    return render_all(document)


def section(document: StatementDocument, title_part: str) -> list[str]:
    found = next(s for s in document.sections if title_part in s.title)
    return [block.text for block in found.blocks if isinstance(block, Paragraph)]


def test_main_comments_list_the_shared_groups_and_sum_up_the_singletons(
    facts: StatementFacts, document: StatementDocument
) -> None:
    texts = section(document, "主要意见及采纳情况")
    listed = [text for text in texts if re.match(r"\d+\. 有的提出", text)]
    assert len(listed) == len(GROUPS)  # every group with 2+ comments, no singleton
    summaries = [text for text in texts if OPEN_DATA_NOTE in text]
    assert len(summaries) == 4  # one per article (1, 2, 3) and the whole draft
    # Every number reconciles: listed counts + summary counts = comments per article with a group.
    listed_total = sum(int(n) for text in listed for n in re.findall(r"（共(\d+)条", text))
    summary_total = sum(int(re.search(r"个别意见(\d+)条", text)[1]) for text in summaries)  # type: ignore[index]
    assert listed_total + summary_total == len(facts.comments)
    assert sum(int(re.search(r"（(\d+)组）", text)[1]) for text in summaries) == SINGLETONS  # type: ignore[index]
    # Counts by outcome, per article, recomputed from the facts.
    expected: dict[int | None, Counter[str]] = {}
    for comment in facts.comments:
        if comment.id >= 1000:
            expected.setdefault(comment.article_id, Counter())[comment.disposition] += 1
    whole_draft = next(text for text in summaries if text.startswith("另有") and "不予采纳" in text)
    assert whole_draft  # lines read "另有个别意见N条（N组），其中采纳a条、…"
    first_article = summaries[0]
    counts = expected[1]
    assert first_article == (
        f"共收到个别意见{sum(counts.values())}条（{sum(counts.values())}组），其中"
        + "、".join(
            f"{label}{counts[key]}条"
            for key, label in zip(
                OUTCOMES, ("采纳", "部分采纳", "不予采纳", "已有规定或已说明", "不属于本次范围"), strict=True
            )
            if counts[key]
        )
        + f"，{OPEN_DATA_NOTE}。"
    )


def test_not_adopted_lists_the_shared_rejections_with_reasons_and_sums_up_the_rest(
    document: StatementDocument, facts: StatementFacts
) -> None:
    texts = section(document, "未采纳意见及理由")
    listed = [text for text in texts if re.match(r"\d+\. 关于", text)]
    assert len(listed) == 2  # groups 10 (partly adopted, 4 comments) and 12 (not adopted, 2 comments)
    assert all(texts[texts.index(text) + 1].startswith("理由：") for text in listed)
    rejected = [
        g for g in facts.groups if g.id >= 1000 and g.disposition in ("partly_adopted", "not_adopted")
    ]
    partly = sum(1 for g in rejected if g.disposition == "partly_adopted")
    summary = next(text for text in texts if "各组理由见附件数据表" in text)
    assert summary == (
        f"另有个别意见{len(rejected)}组（共{len(rejected)}条）经研究不予采纳{len(rejected) - partly}组、"
        f"部分采纳{partly}组，各组理由见附件数据表（CSV/JSON）。"
    )


def test_the_printed_annex_is_bounded_and_the_open_data_annex_is_whole(document: StatementDocument) -> None:
    assert len(document.annex.rows) == len(GROUPS) + 4
    summary_rows = [row for row in document.annex.rows if row[0] == "—"]
    assert len(summary_rows) == 4 and all(row[2].endswith("组）") for row in summary_rows)
    assert len(document.data_annex.rows) == len(GROUPS) + SINGLETONS
    # Listed rows keep their number in the full table, so a reader finds them in the CSV.
    full = {row[0]: row for row in document.data_annex.rows}
    assert all(full[row[0]] == row for row in document.annex.rows if row[0] != "—")


def test_renderings_are_bounded_and_open_data_keeps_everything(
    renderings: dict[str, bytes], facts: StatementFacts
) -> None:
    assert len(PdfReader(io.BytesIO(renderings["pdf"])).pages) <= 10
    assert len(renderings["html"]) < 100_000 and len(renderings["docx"]) < 100_000
    rows = list(csv.reader(io.StringIO(renderings["csv"].decode("utf-8-sig"))))
    assert len(rows) == 1 + len(facts.groups)
    data = json.loads(renderings["json"])
    assert len(data["annex"]["rows"]) == len(facts.groups)
    assert sorted(row[0] for row in data["comments"]["rows"]) == sorted(c.id for c in facts.comments)
    assert len(data["figures"]["per_group"]) == len(facts.groups)
    assert SINGLETON_PHONE not in renderings["csv"].decode("utf-8-sig")
    assert scan_renderings(renderings) == []


def test_the_scan_finds_unmasked_data_in_every_format(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document_module, "mask_personal_data", lambda text, **_: text)
    unmasked = render_all(build_statement(many_groups_facts(600)))
    findings = scan_renderings(unmasked)
    for fmt in FORMATS:
        kinds = {finding.kind for finding in findings if finding.source == fmt}
        expected = {"mobile", "id_card", "email", "name"} if fmt != "csv" else {"name"}
        assert expected <= kinds, fmt
        assert kinds & {"mobile", "contact_number"}, fmt  # in the CSV: the singleton's "电话136…"
    csv_text = unmasked["csv"].decode("utf-8-sig")
    assert SINGLETON_PHONE in csv_text  # the singleton's phone is only in the open data, and was found
    for finding in findings:
        assert PLANTED["mobile"] not in finding.excerpt and SINGLETON_PHONE not in finding.excerpt


def test_a_small_limit_lists_the_most_shared_groups_first(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document_module, "LISTED_GROUPS_MAX", 2)
    document = build_statement(sample_facts())
    listed = {row[2] for row in document.annex.rows if row[0] != "—"}
    assert len(listed) == 2  # groups 10 (4 comments) and 11 (3 comments)
    texts = section(document, "主要意见及采纳情况")
    assert any(text.startswith("另有其他意见2条（1组）") for text in texts)  # group 13 beside group 10
    assert any(text.startswith("共收到其他意见2条（1组）") for text in texts)  # group 12, whole draft
    assert len(document.data_annex.rows) == len(GROUPS)


def test_when_all_groups_fit_nothing_changes() -> None:
    document = build_statement(sample_facts())
    assert document.full_annex is None and document.data_annex is document.annex
    assert not any(OPEN_DATA_NOTE in text for s in document.sections for text in section(document, s.title))
    same = build_statement(dataclasses.replace(sample_facts()))
    assert same == document


def test_figures_json_is_figures_to_json(document: StatementDocument) -> None:
    assert document.figures_json() == figures_to_json(document.figures)
