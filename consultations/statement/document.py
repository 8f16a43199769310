"""The statement as structured content: sections of headings, paragraphs and tables, in the order of the
outline in rules.md, built from StatementFacts only. Renderers turn it into HTML, PDF, DOCX, JSON and CSV
and never look at the facts, so every rendering says the same thing.

Every text that comes from stored data (comments, staff summaries, reasons, article text, hearing notes)
passes through mask_personal_data before it lands in the document; submitters' names from offline
comments are masked wherever they appear.
"""

import dataclasses
import re
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from consultations.models import KIND_LABELS, Disclosure, Outcome
from consultations.statement.facts import ArticleFact, GroupFact, HearingFact, StatementFacts
from consultations.statement.figures import (
    Count,
    GroupFigures,
    StatementFigures,
    compute_figures,
    figures_to_json,
    reason_for,
)
from consultations.statement.labels import WHOLE_DRAFT_LABEL, outcome_label
from consultations.statement.masking import KnownNames, mask_personal_data

# A representative comment is quoted up to this length; the whole text stays in the dossier.
QUOTE_MAX_CHARS = 300
SUMMARY_MAX_CHARS = 80
# How many topic groups the human-readable renderings (HTML, PDF, DOCX) list one by one. A consultation
# with up to LISTED_GROUPS_MAX groups lists them all, as before; beyond that (a million comments can make
# 150,000 groups, most of them one comment each) section 三 and the annex list the groups with at least
# LISTED_MIN_COMMENTS comments, most shared first, up to LISTED_GROUPS_MAX in all, and sum up the rest of
# each article in one line with its counts by outcome. Section 四 does the same with
# LISTED_REJECTED_MAX rejected or partly adopted groups (rules F2: the widely shared ones, each with its
# reason). The JSON and CSV renderings (open data) keep every group, and the JSON every comment.
LISTED_GROUPS_MAX = 1000
LISTED_REJECTED_MAX = 500
LISTED_MIN_COMMENTS = 2
# Section 四 sums up comments decided apart from their group by (outcome, reason), at most this many lines.
SEPARATE_REASONS_MAX = 50
OPEN_DATA_NOTE = "逐条处理情况见附件数据表（CSV/JSON）"
ANNEX_COLUMNS = ("序号", "条款/主题", "意见摘要", "主体类型", "处理结果", "理由/修改")
COMMENT_TABLE_COLUMNS = (
    "comment_id",
    "article",
    "topic_id",
    "campaign_id",
    "channel",
    "submitter_type",
    "disposition",
    "is_late",
)
DISCLOSURE_LABELS: dict[str, str] = {
    Disclosure.PROACTIVE: "主动公开",
    Disclosure.ON_REQUEST: "依申请公开",
    Disclosure.NOT_DISCLOSED: "不予公开",
}
KIND_TEXT: dict[str, str] = {str(kind): label for kind, label in KIND_LABELS.items()}
HEARING_KIND_LABELS = {"hearing": "听证会", "symposium": "座谈会", "meeting": "会议"}
CHINESE_NUMERALS = "一二三四五六七八九十"
DRAFT_SUFFIX = "（征求意见稿）"


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 2  # 2: （一）…, 3: a sub-heading inside it


@dataclass(frozen=True)
class Paragraph:
    text: str
    style: str = "body"  # body | quote (masked comment text) | revision (before/after) | note


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    caption: str = ""


Block = Heading | Paragraph | Table


@dataclass(frozen=True)
class Section:
    title: str  # 一、基本情况 …
    blocks: tuple[Block, ...]


@dataclass(frozen=True)
class CommentRow:
    """One comment in the open-data table: no author, no text, nothing that identifies a person."""

    comment_id: int
    article: str
    topic_id: int | None
    campaign_id: int | None
    channel: str
    submitter_type: str
    disposition: str
    is_late: bool

    def values(self) -> tuple[int | str | bool | None, ...]:
        return (
            self.comment_id,
            self.article,
            self.topic_id,
            self.campaign_id,
            self.channel,
            self.submitter_type,
            self.disposition,
            self.is_late,
        )


@dataclass(frozen=True)
class StatementDocument:
    title: str
    consultation_id: int
    version: int
    corrects_version: int | None
    preamble: tuple[Paragraph, ...]  # the correction notice of a corrected version
    issuing_body: str
    issued_on: date
    generated_at: datetime  # fixes the PDF/DOCX timestamps so renderings are reproducible
    sections: tuple[Section, ...]
    annex: Table
    metadata: tuple[tuple[str, str], ...]
    figures: StatementFigures
    comment_rows: tuple[CommentRow, ...]
    # The unit's own published contact details and URLs: the personal-data scan accepts phone numbers,
    # emails and addresses that appear verbatim in them (never names).
    trusted_texts: tuple[str, ...] = field(default=())
    # The annex with one row per group, for the open data (JSON, CSV); None when it equals `annex`, which
    # the human-readable renderings print and which is bounded (LISTED_GROUPS_MAX).
    full_annex: Table | None = None

    @property
    def data_annex(self) -> Table:
        """The annex as open data: every group, whatever the human-readable annex lists."""
        return self.full_annex if self.full_annex is not None else self.annex

    def figures_json(self) -> dict[str, Any]:
        """The figures as plain JSON data (stored beside the renderings): figures_to_json's output,
        with the per-group list built directly (dataclasses.asdict takes seconds on 150,000 groups)."""
        figures = self.figures
        data = figures_to_json(dataclasses.replace(figures, per_group={}))
        data["per_group"] = [_group_figures_json(group) for _, group in sorted(figures.per_group.items())]
        return data


def build_statement(facts: StatementFacts, *, timezone: str = "Asia/Shanghai") -> StatementDocument:
    """Build the statement from frozen facts; StatementFactsError if the facts are inconsistent."""
    figures = compute_figures(facts)
    return _Builder(facts, figures, ZoneInfo(timezone)).build()


def format_date(value: date) -> str:
    return f"{value.year}年{value.month}月{value.day}日"


def format_rate(rate: float) -> str:
    return f"{rate * 100:.1f}%"


def chinese_ordinal(number: int) -> str:
    """1 → 一, 10 → 十, 12 → 十二, 23 → 二十三 (enough for section and sub-section numbers)."""
    if number <= 10:
        return CHINESE_NUMERALS[number - 1]
    tens, units = divmod(number, 10)
    prefix = "" if tens == 1 else CHINESE_NUMERALS[tens - 1]
    return prefix + "十" + (CHINESE_NUMERALS[units - 1] if units else "")


def draft_title(title: str) -> str:
    """《…（征求意见稿）》 without doubling the suffix when the stored title already has it."""
    return title.removesuffix(DRAFT_SUFFIX) + DRAFT_SUFFIX


class _Builder:
    def __init__(self, facts: StatementFacts, figures: StatementFigures, zone: ZoneInfo) -> None:
        self.facts = facts
        self.figures = figures
        self.zone = zone
        self.consultation = facts.consultation
        self.articles = {article.id: article for article in facts.articles}
        self.labels = facts.disposition_labels
        names = _submitter_names(facts)
        # The unit's own contact details are published on purpose: keep their numbers, emails and
        # addresses (trusted), mask any person's name in them.
        contact = self.consultation.offline_channels.strip()
        self.contact = mask_personal_data(contact, known_names=names, trusted=(contact,))
        urls = (part for channel in self.consultation.publication_channels for part in channel[:2])
        self.trusted = tuple(text for text in (self.contact, *urls) if text)
        # Masked once per distinct text: reasons and summaries repeat across thousands of groups.
        masked: dict[str, str] = {}

        def mask(text: str) -> str:
            result = masked.get(text)
            if result is None:
                result = masked[text] = mask_personal_data(text, known_names=names)
            return result

        self.mask: Callable[[str], str] = mask
        self.comments_of = {group_id: counts.comments for group_id, counts in figures.per_group.items()}
        self.by_article = self._groups_by_article()
        self.listed = _most_shared(
            [group for _, groups in self.by_article for group in groups], self.comments_of, LISTED_GROUPS_MAX
        )

    def build(self) -> StatementDocument:
        consultation = self.consultation
        generated_at = self.facts.generated_at or consultation.closes_at
        issued_on = self._local_date(generated_at)
        annex, full_annex = self._annexes()
        sections = [self._overview(), self._overall(), self._main_comments(), self._not_adopted()]
        if self.facts.hearings:
            sections.append(self._hearings())
        sections.append(self._contact_and_next_steps())
        numbered = tuple(
            Section(title=f"{chinese_ordinal(number)}、{section.title}", blocks=section.blocks)
            for number, section in enumerate(sections, start=1)
        )
        return StatementDocument(
            title=f"关于《{draft_title(consultation.title)}》公开征求意见采纳情况的说明",
            consultation_id=consultation.id,
            version=self.facts.version,
            corrects_version=self.facts.corrects_version,
            preamble=self._correction_notice(),
            issuing_body=consultation.unit_name,
            issued_on=issued_on,
            generated_at=generated_at,
            sections=numbered,
            annex=annex,
            metadata=self._metadata(issued_on),
            figures=self.figures,
            comment_rows=self._comment_rows(),
            trusted_texts=self.trusted,
            full_annex=full_annex,
        )

    # ---- 一、基本情况 -------------------------------------------------------------------------------------
    def _overview(self) -> Section:
        c = self.consultation
        f = self.figures
        blocks: list[Block] = []
        opening = (
            f"{c.unit_name}于{format_date(self._local_date(c.opens_at))}至{format_date(c.closing_date)}"
            f"就《{draft_title(c.title)}》公开征求社会各界意见，征求意见期{c.period_days}日，"
            f"截止时间为{format_date(c.closing_date)}24时。"
        )
        if c.shortened_reason.strip():
            opening += f"征求意见期限少于30日，原因是：{self.mask(c.shortened_reason.strip())}"
            opening = _end_sentence(opening)
        blocks.append(Paragraph(opening))
        if c.publication_channels:
            published = "；".join(
                f"{name}（{url}，{published_on}发布）" if url else f"{name}（{published_on}发布）"
                for name, url, published_on in c.publication_channels
            )
            blocks.append(Paragraph(f"征求意见稿及起草说明在以下渠道公布：{published}。"))
        other_methods = [
            count.label for count in f.by_channel if count.comments and count.key not in ("online", "other")
        ]
        if other_methods:
            blocks.append(Paragraph(f"除网上征求意见外，还通过{'、'.join(other_methods)}等方式听取意见。"))

        totals = f"征求意见期间，共收到{f.participants}人（人次）提出的{f.comments}条意见"
        totals += f"，其中来信{f.letters}封。" if f.letters else "。"
        if f.late_comments:
            totals += f"其中截止时间后收到{f.late_comments}条，已单独统计并一并研究处理。"
        if f.campaigns:
            totals += (
                f"内容相同或基本相同的意见{f.campaigns}组、共{f.campaign_comments}条，"
                "均已全部计入，每组引用一条代表性意见。"
            )
        blocks.append(Paragraph(totals))
        blocks.append(_count_table("按提交方式统计", "提交方式", f.by_channel, f))
        blocks.append(_count_table("按提出主体类型统计", "主体类型", f.by_submitter_type, f))
        return Section("基本情况", tuple(blocks))

    # ---- 二、总体采纳情况 ---------------------------------------------------------------------------------
    def _overall(self) -> Section:
        f = self.figures
        other_parts = "、".join(
            f"{count.label}{count.comments}条"
            for count in f.by_outcome
            if count.key in (Outcome.ALREADY_PROVIDED, Outcome.OUT_OF_SCOPE)
        )
        text = (
            f"经逐条研究，采纳{f.overall('adopted')}条，部分采纳{f.overall('partly_adopted')}条，"
            f"未采纳{f.overall('not_adopted')}条，其他{f.overall('other')}条（{other_parts}）；"
            f"采纳和部分采纳的意见占{format_rate(f.adoption_rate)}。"
        )
        outcome_rows = tuple((count.label, f"{count.comments}条") for count in f.by_outcome)
        article_rows = tuple(
            (
                self._article_title(row.article_id),
                f"{row.participants}人",
                f"{row.comments}条",
                f"{row.adopted}条",
                format_rate(row.adoption_rate),
            )
            for row in f.per_article
        )
        return Section(
            "总体采纳情况",
            (
                Paragraph(text),
                Table(
                    ("处理结果", "意见条数"),
                    (*outcome_rows, ("合计", f"{f.comments}条")),
                    caption="按处理结果统计",
                ),
                Table(
                    ("条款", "参与人数", "意见条数", "采纳及部分采纳", "采纳率"),
                    article_rows,
                    caption="按条款统计",
                ),
            ),
        )

    # ---- 三、主要意见及采纳情况 ---------------------------------------------------------------------------
    def _main_comments(self) -> Section:
        blocks: list[Block] = []
        for number, (article_id, groups) in enumerate(self.by_article, start=1):
            heading = "草案整体及其他" if article_id is None else self._article_title(article_id)
            blocks.append(Heading(f"（{chinese_ordinal(number)}）关于{heading}的意见"))
            shown = [group for group in groups if self._is_listed(group)]
            for index, group in enumerate(shown, start=1):
                blocks.extend(self._group_blocks(index, group))
            rest = [group for group in groups if not self._is_listed(group)]
            if rest:
                blocks.append(Paragraph(f"{'另有' if shown else '共收到'}{self._rest_summary(rest)}"))
        if not blocks:
            blocks.append(Paragraph("征求意见期间未收到意见。"))
        return Section("主要意见及采纳情况", tuple(blocks))

    def _group_blocks(self, index: int, group: GroupFact) -> list[Block]:
        counts = self.figures.per_group[group.id]
        blocks: list[Block] = [
            Paragraph(
                f"{index}. 有的提出，{self._point(group)}"
                f"（共{counts.comments}条，{counts.participants}人提出）"
            )
        ]
        if group.representative_text.strip():
            blocks.append(Paragraph(f"代表性意见：“{self._quote(group.representative_text)}”", "quote"))
        handling = f"处理情况：{outcome_label(group.disposition, self.labels)}。"
        if group.reason.strip():
            handling += _end_sentence(self.mask(group.reason.strip()))
        handling += self._overrides_note(group, counts)
        blocks.append(Paragraph(handling))
        if group.revised_before.strip() or group.revised_after.strip():
            blocks.append(
                Paragraph(f"修改前：{self.mask(group.revised_before.strip()) or '（无）'}", "revision")
            )
            blocks.append(
                Paragraph(f"修改后：{self.mask(group.revised_after.strip()) or '（删除）'}", "revision")
            )
        return blocks

    def _is_listed(self, group: GroupFact) -> bool:
        return self.listed is None or group.id in self.listed

    def _rest_summary(self, rest: list[GroupFact]) -> str:
        """Unlisted groups of an article in one line: 个别意见N条（K组），其中采纳a条、…，见附件数据表。"""
        comments = sum(self.comments_of[group.id] for group in rest)
        outcomes = self._rest_outcomes(rest)
        return f"{self._rest_kind(rest)}{comments}条（{len(rest)}组），{outcomes}{OPEN_DATA_NOTE}。"

    def _rest_kind(self, rest: list[GroupFact]) -> str:
        return "个别意见" if all(self.comments_of[group.id] <= 1 for group in rest) else "其他意见"

    def _rest_outcomes(self, rest: list[GroupFact]) -> str:
        by_outcome: dict[str, int] = defaultdict(int)
        for group in rest:
            for count in self.figures.per_group[group.id].by_outcome:
                by_outcome[count.key] += count.comments
        parts = "、".join(
            f"{outcome_label(outcome, self.labels)}{by_outcome[outcome]}条"
            for outcome in Outcome
            if by_outcome.get(outcome)
        )
        return f"其中{parts}，" if parts else ""

    def _overrides_note(self, group: GroupFact, counts: GroupFigures) -> str:
        others = [count for count in counts.by_outcome if count.key != group.disposition]
        if not others:
            return ""
        parts = "、".join(f"{count.comments}条{count.label}" for count in others)
        return f"（其中{parts}，经逐条研究另行处理。）"

    # ---- 四、未采纳意见及理由 -----------------------------------------------------------------------------
    def _not_adopted(self) -> Section:
        rejected = (Outcome.NOT_ADOPTED, Outcome.PARTLY_ADOPTED)
        groups = sorted(
            (group for group in self.facts.groups if group.disposition in rejected),
            key=lambda g: (-self.comments_of[g.id], g.id),
        )
        listed = _most_shared(groups, self.comments_of, LISTED_REJECTED_MAX)
        shown = groups if listed is None else [group for group in groups if group.id in listed]
        rest = [] if listed is None else [group for group in groups if group.id not in listed]
        blocks: list[Block] = []
        if groups:
            blocks.append(Paragraph("以下意见按提出条数由多到少排列，相对集中的意见列在前面。"))
        for index, group in enumerate(shown, start=1):
            counts = self.figures.per_group[group.id]
            where = self._article_title(group.article_id) if group.article_id else WHOLE_DRAFT_LABEL
            blocks.append(
                Paragraph(
                    f"{index}. 关于{where}：有的提出，{self._point(group)}"
                    f"（共{counts.comments}条，{outcome_label(group.disposition, self.labels)}）"
                )
            )
            blocks.append(Paragraph(f"理由：{_end_sentence(self.mask(group.reason.strip()))}"))
        if rest:
            comments = sum(self.comments_of[group.id] for group in rest)
            per_outcome = "、".join(
                f"{outcome_label(outcome, self.labels)}{number}组"
                for outcome in rejected
                if (number := sum(1 for group in rest if group.disposition == outcome))
            )
            blocks.append(
                Paragraph(
                    f"{'另有' if shown else '共有'}{self._rest_kind(rest)}{len(rest)}组（共{comments}条）"
                    f"经研究{per_outcome}，各组理由见附件数据表（CSV/JSON）。"
                )
            )

        # Comments decided apart from their group (or outside any group), summarised by outcome and reason.
        groups_by_id = {group.id: group for group in self.facts.groups}
        separately: dict[tuple[str, str], int] = defaultdict(int)
        for comment in self.facts.comments:
            if comment.disposition not in rejected:
                continue
            own_group = groups_by_id.get(comment.topic_id) if comment.topic_id is not None else None
            if own_group is None or own_group.disposition != comment.disposition:
                separately[(comment.disposition, reason_for(comment, groups_by_id).strip())] += 1
        lines = sorted(separately.items(), key=lambda item: (-item[1], item[0]))
        for (outcome, reason), count in lines[:SEPARATE_REASONS_MAX]:
            blocks.append(
                Paragraph(
                    f"另有{count}条意见经逐条研究{outcome_label(outcome, self.labels)}，"
                    f"理由：{_end_sentence(self.mask(reason))}"
                )
            )
        if len(lines) > SEPARATE_REASONS_MAX:
            remaining: dict[str, int] = defaultdict(int)
            for (outcome, _), count in lines[SEPARATE_REASONS_MAX:]:
                remaining[outcome] += count
            parts = "、".join(
                f"{outcome_label(outcome, self.labels)}{remaining[outcome]}条"
                for outcome in rejected
                if remaining.get(outcome)
            )
            blocks.append(
                Paragraph(
                    f"另有{sum(remaining.values())}条意见经逐条研究{parts}，理由各不相同，不再逐一列出。"
                )
            )
        if not blocks:
            blocks.append(Paragraph("本次征求意见中没有未采纳或部分采纳的意见。"))
        return Section("未采纳意见及理由", tuple(blocks))

    # ---- 五、听证会、座谈会及列席会议意见处理情况 ----------------------------------------------------------
    def _hearings(self) -> Section:
        blocks: list[Block] = []
        for number, hearing in enumerate(self.facts.hearings, start=1):
            blocks.extend(self._hearing_blocks(number, hearing))
        return Section("听证会、座谈会及列席会议意见处理情况", tuple(blocks))

    def _hearing_blocks(self, number: int, hearing: HearingFact) -> list[Block]:
        kind = HEARING_KIND_LABELS.get(hearing.kind, hearing.kind)
        held = f"，{format_date(hearing.held_on)}举行" if hearing.held_on else ""
        blocks: list[Block] = [
            Heading(f"（{chinese_ordinal(number)}）{self.mask(hearing.title)}（{kind}{held}）")
        ]
        if hearing.participants_by_category:
            blocks.append(Paragraph(f"参加人员：{_categories(hearing.participants_by_category)}。"))
        if hearing.observers_by_category:
            blocks.append(Paragraph(f"列席人员：{_categories(hearing.observers_by_category)}。"))
        if hearing.selection_method.strip():
            blocks.append(
                Paragraph(f"遴选方式：{_end_sentence(self.mask(hearing.selection_method.strip()))}")
            )
        for index, point in enumerate(hearing.main_points, start=1):
            blocks.append(Paragraph(f"主要意见{index}：{self.mask(point.strip())}", "quote"))
        if hearing.handling.strip():
            blocks.append(Paragraph(f"处理情况：{_end_sentence(self.mask(hearing.handling.strip()))}"))
        return blocks

    # ---- 联系方式及下一步工作 -----------------------------------------------------------------------------
    def _contact_and_next_steps(self) -> Section:
        c = self.consultation
        blocks: list[Block] = [
            Paragraph(
                f"下一步，{c.unit_name}将根据公开征求意见情况，对《{draft_title(c.title)}》作进一步修改完善，"
                "并按程序提请审议。"
            )
        ]
        if self.contact:
            blocks.append(Paragraph(f"联系方式：{self.contact}"))
        return Section("联系方式及下一步工作", tuple(blocks))

    # ---- 附件、元数据、开放数据 ---------------------------------------------------------------------------
    def _annexes(self) -> tuple[Table, Table | None]:
        """The annex the human-readable renderings print (the listed groups, keeping their 序号 in the
        full table, and one summary row per article for the rest) and, when that differs, the full
        annex with every group for the open data."""
        rows: list[tuple[str, ...]] = []
        shown_rows: list[tuple[str, ...]] = []
        number = 0
        for article_id, groups in self.by_article:
            where = WHOLE_DRAFT_LABEL if article_id is None else self._article_title(article_id)
            rest = []
            for group in groups:
                number += 1
                row = self._annex_row(number, where, group)
                rows.append(row)
                if self._is_listed(group):
                    shown_rows.append(row)
                else:
                    rest.append(group)
            if rest:
                comments = sum(self.comments_of[group.id] for group in rest)
                outcomes = self._rest_outcomes(rest).removeprefix("其中").removesuffix("，")
                shown_rows.append(
                    (
                        "—",
                        where,
                        f"{'另有' if len(rest) < len(groups) else ''}{self._rest_kind(rest)}"
                        f"{comments}条（{len(rest)}组）",
                        "—",
                        outcomes or "—",
                        f"{OPEN_DATA_NOTE}。",
                    )
                )
        caption = "附件：意见采纳情况汇总表"
        full = Table(ANNEX_COLUMNS, tuple(rows), caption=caption)
        if self.listed is None:
            return full, None
        return Table(ANNEX_COLUMNS, tuple(shown_rows), caption=caption), full

    def _annex_row(self, number: int, where: str, group: GroupFact) -> tuple[str, ...]:
        counts = self.figures.per_group[group.id]
        types = "、".join(f"{count.label}{count.comments}条" for count in counts.by_submitter_type)
        change = _end_sentence(self.mask(group.reason.strip())) if group.reason.strip() else ""
        if group.revised_after.strip():
            change += f"修改为：{self.mask(group.revised_after.strip())}"
        return (
            str(number),
            where,
            _shorten(self._point(group), SUMMARY_MAX_CHARS),
            types or "—",
            outcome_label(group.disposition, self.labels),
            change or "—",
        )

    def _metadata(self, issued_on: date) -> tuple[tuple[str, str], ...]:
        c = self.consultation
        rows = [
            ("发布机关", c.unit_name),
            ("成文日期", format_date(issued_on)),
            ("决策事项类型", KIND_TEXT.get(c.kind, c.kind)),
            ("公开属性", DISCLOSURE_LABELS.get(c.disclosure, c.disclosure)),
            ("保密审查", self.mask(c.secrecy_review.removeprefix("保密审查：")) or "—"),
            ("版本", f"第{self.facts.version}版"),
        ]
        if self.facts.corrects_version is not None:
            rows.append(("更正", f"更正第{self.facts.corrects_version}版"))
        return tuple(rows)

    def _correction_notice(self) -> tuple[Paragraph, ...]:
        corrected = self.facts.corrects_version
        if corrected is None:
            return ()
        note = self.mask(self.facts.correction_note.strip()) or "见正文"
        return (
            Paragraph(
                f"本说明为第{self.facts.version}版，更正此前发布的第{corrected}版。"
                f"更正内容：{_end_sentence(note)}第{corrected}版内容与本版不一致的，以本版为准。",
                "note",
            ),
        )

    def _comment_rows(self) -> tuple[CommentRow, ...]:
        return tuple(
            CommentRow(
                comment_id=comment.id,
                article=self.articles[comment.article_id].label if comment.article_id else WHOLE_DRAFT_LABEL,
                topic_id=comment.topic_id,
                campaign_id=comment.campaign_id,
                channel=comment.channel,
                submitter_type=comment.submitter_type,
                disposition=comment.disposition,
                is_late=comment.is_late,
            )
            for comment in sorted(self.facts.comments, key=lambda comment: comment.id)
        )

    # ---- helpers -----------------------------------------------------------------------------------------
    def _groups_by_article(self) -> list[tuple[int | None, list[GroupFact]]]:
        """Groups under their article in draft order, whole-draft groups last; larger groups first."""
        by_article: dict[int | None, list[GroupFact]] = defaultdict(list)
        for group in self.facts.groups:
            by_article[group.article_id].append(group)
        order: list[int | None] = [a.id for a in sorted(self.facts.articles, key=lambda a: a.position)]
        order.append(None)
        return [
            (
                article_id,
                sorted(by_article[article_id], key=lambda g: (-self.comments_of[g.id], g.id)),
            )
            for article_id in order
            if by_article.get(article_id)
        ]

    def _article_title(self, article_id: int | None) -> str:
        if article_id is None:
            return WHOLE_DRAFT_LABEL
        article: ArticleFact = self.articles[article_id]
        heading = self.mask(article.heading.strip())
        return f"{article.label}（{heading}）" if heading else article.label

    def _point(self, group: GroupFact) -> str:
        """The opinion in one sentence: the staff summary, else the first sentence of the representative
        comment (a machine-made title is only keywords), else the title."""
        text = group.summary.strip()
        if not text:
            first = re.split(r"(?<=[。！？!?；;])", self.mask(group.representative_text.strip()), maxsplit=1)[
                0
            ]
            text = _shorten(first, SUMMARY_MAX_CHARS) or group.title.strip()
        text = re.sub(r"^(有的提出|有意见提出)[，,：:]?", "", text)
        return _end_sentence(self.mask(text))

    def _quote(self, text: str) -> str:
        # Mask first, then shorten, so a number cut in half is still masked.
        return _shorten(self.mask(text.strip()), QUOTE_MAX_CHARS)

    def _local_date(self, moment: datetime) -> date:
        aware = moment if moment.tzinfo else moment.replace(tzinfo=UTC)  # stored times are UTC
        return aware.astimezone(self.zone).date()


def _group_figures_json(group: GroupFigures) -> dict[str, Any]:
    """dataclasses.asdict(group), field for field (test_bounded checks they agree)."""
    return {
        "group_id": group.group_id,
        "comments": group.comments,
        "participants": group.participants,
        "campaign_comments": group.campaign_comments,
        "by_submitter_type": tuple(_count_json(count) for count in group.by_submitter_type),
        "by_outcome": tuple(_count_json(count) for count in group.by_outcome),
    }


def _count_json(count: Count) -> dict[str, Any]:
    return {
        "key": count.key,
        "label": count.label,
        "comments": count.comments,
        "participants": count.participants,
    }


def _most_shared(groups: list[GroupFact], comments_of: dict[int, int], limit: int) -> set[int] | None:
    """The ids of the groups to list one by one: None (all of them) when there are at most `limit`,
    else the `limit` most shared groups with at least LISTED_MIN_COMMENTS comments (ties: lower id)."""
    if len(groups) <= limit:
        return None
    shared = [group for group in groups if comments_of[group.id] >= LISTED_MIN_COMMENTS]
    shared.sort(key=lambda group: (-comments_of[group.id], group.id))
    return {group.id for group in shared[:limit]}


def _submitter_names(facts: StatementFacts) -> KnownNames:
    """Names recorded for offline comments ("offline:letter:张三"): masked wherever they appear."""
    names = set()
    for comment in facts.comments:
        if comment.author_key.startswith("offline:"):
            recorded = comment.author_key.split(":", 2)[-1]
            names.update(re.findall(r"[\u4e00-\u9fff]{2,4}", recorded))
    return KnownNames.of(names)


def _count_table(caption: str, first_column: str, counts: Iterable[Count], f: StatementFigures) -> Table:
    rows = tuple(
        (count.label, f"{count.participants}人", f"{count.comments}条") for count in counts if count.comments
    )
    return Table(
        (first_column, "人数", "意见条数"),
        (*rows, ("合计", f"{f.participants}人", f"{f.comments}条")),
        caption=caption,
    )


def _categories(counts: dict[str, int]) -> str:
    return "、".join(f"{category}{number}人" for category, number in counts.items())


def _end_sentence(text: str) -> str:
    text = text.strip()
    if not text or text[-1] in "。！？；…”）)":
        return text
    return text + "。"


def _shorten(text: str, limit: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "……"
