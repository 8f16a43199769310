"""The record of a hearing: the 听证笔录 (minutes), participants' sign-off, the 听证报告 (report), and the
facts section 五 of the adoption statement reads from reported hearings (rules C4, D1).

Minutes are append-only, like comments (rules B1): an entry once recorded is never rewritten (a
correction is a further entry saying what it corrects), and each speaker's entry becomes exactly one
comment (channel `hearing`) when the hearing belongs to a consultation that still accepts comments, so
it is aggregated and decided like any other. A retried `record_minutes` cannot add the same entries
twice: the caller says how many entries it saw (`expected_entries`), and a call that does not match
the stored count is refused. Statements of the drafting unit itself (its presentation and answers) are
recorded but are not public comments.

The report lists how each view was handled: its comment's approved disposition, else the organizer's
handling text; it is refused while a view has neither. Publishing freezes each entry's handling as
published (a published report never changes) and marks the linked consultation's review as changed,
so a statement generated before it is stale.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from api.accounts.permissions import Principal
from api.db import utcnow
from api.errors import Conflict, InvalidInput, InvalidTransition, NotFound
from consultations import service as consultation_service
from consultations.comments import CommentLimits, accepts_recorded_comments, record_hearing_comment
from consultations.deadlines import DEFAULT_TZ
from consultations.dispositions import join_effective_dispositions, reason_text
from consultations.models import Article, Comment, Consultation, DraftVersion, SubmitterType
from consultations.statement.facts import HearingFact
from consultations.statement.labels import outcome_label
from consultations.statement.masking import mask_name, mask_personal_data
from consultations.text_rules import SensitiveWords, clean_text
from hearings import attendance as attendance_service
from hearings import service
from hearings.models import (
    OBSERVER_CATEGORY_LABELS,
    PARTICIPANT_CATEGORY_LABELS,
    Hearing,
    HearingCategory,
    HearingStatus,
    InvitationStatus,
    MinutesEntry,
    ObserverInvitation,
    ParticipantCategory,
    Registration,
    RegistrationStatus,
    SelectedBy,
    SelectionMethod,
)

MAX_ENTRIES_PER_CALL = 200


class SpeakerCategory(StrEnum):
    """Who spoke: a participant category, an observer category, or the drafting unit itself."""

    INTERESTED_PARTY = "interested_party"
    ENTERPRISE = "enterprise"
    SOCIAL_ORGANIZATION = "social_organization"
    EXPERT = "expert"
    PUBLIC = "public"
    PUBLIC_REPRESENTATIVE = "public_representative"
    MEDIA = "media"
    STAKEHOLDER = "stakeholder"
    NPC_DEPUTY = "npc_deputy"
    CPPCC_MEMBER = "cppcc_member"
    DRAFTING_UNIT = "drafting_unit"  # presents the draft and answers; its words are not public comments


class MinutesStage(StrEnum):
    """The stages of a hearing (713 §17): statements, questions, challenge and debate."""

    STATEMENT = "statement"  # 陈述
    QUESTION = "question"  # 提问
    DEBATE = "debate"  # 质证辩论


STAGE_LABELS = {
    MinutesStage.STATEMENT: "陈述",
    MinutesStage.QUESTION: "提问",
    MinutesStage.DEBATE: "质证辩论",
}

DRAFTING_UNIT = SpeakerCategory.DRAFTING_UNIT
SPEAKER_CATEGORY_LABELS: dict[str, str] = {
    **{str(k): v for k, v in PARTICIPANT_CATEGORY_LABELS.items()},
    **{str(k): v for k, v in OBSERVER_CATEGORY_LABELS.items()},
    DRAFTING_UNIT: "起草单位",
}
SUBMITTER_TYPES: dict[str, str] = {
    ParticipantCategory.ENTERPRISE: SubmitterType.ENTERPRISE,
    ParticipantCategory.SOCIAL_ORGANIZATION: SubmitterType.ORGANIZATION,
}
SELECTION_METHOD_TEXT = {
    SelectionMethod.DRAW: (
        "公开报名，报名人数超过名额的，按类别以事先公开承诺的随机种子抽签确定，结果可公开复核"
    ),
    SelectionMethod.FIRST_COME: "公开报名，按报名先后在各类别名额内确定",
}


def is_view(entry: MinutesEntry) -> bool:
    """A view of a participant or observer (which the report must say how it was handled)."""
    return entry.speaker_category != DRAFTING_UNIT


@dataclass(frozen=True)
class EntryDraft:
    """One speaker's statement as the organizer records it: a selected registration, an accepted
    invitation, or a named speaker with a category."""

    stage: str
    main_points: str
    reasons: str = ""
    registration_id: int | None = None
    invitation_id: int | None = None
    speaker_name: str = ""
    speaker_category: str = ""
    article_id: int | None = None
    signed_off: bool = False


@dataclass(frozen=True)
class CommentRules:
    """What the comment domain needs to turn a statement into a comment."""

    limits: CommentLimits
    sensitive_words: SensitiveWords
    tz: str


@dataclass(frozen=True)
class _Speaker:
    name: str
    category: str
    registration_id: int | None
    invitation_id: int | None


async def _speaker(session: AsyncSession, hearing: Hearing, number: int, draft: EntryDraft) -> _Speaker:
    if draft.registration_id is not None and draft.invitation_id is not None:
        raise InvalidInput(f"第{number}条发言：参加人和列席人员只能指定一个", code="SPEAKER_INVALID")
    if draft.registration_id is not None:
        row = (
            await session.execute(
                select(Registration.name, HearingCategory.code, Registration.status)
                .join(HearingCategory, HearingCategory.id == Registration.category_id)
                .where(Registration.id == draft.registration_id, Registration.hearing_id == hearing.id)
            )
        ).first()
        if row is None or row[2] != RegistrationStatus.SELECTED:
            raise InvalidInput(f"第{number}条发言：发言人不是本场会议确定的参加人", code="SPEAKER_INVALID")
        return _Speaker(row[0], row[1], draft.registration_id, None)
    if draft.invitation_id is not None:
        row = (
            await session.execute(
                select(ObserverInvitation.name, ObserverInvitation.category, ObserverInvitation.status).where(
                    ObserverInvitation.id == draft.invitation_id, ObserverInvitation.hearing_id == hearing.id
                )
            )
        ).first()
        if row is None or row[2] != InvitationStatus.ACCEPTED:
            raise InvalidInput(
                f"第{number}条发言：发言人不是本场会议已接受邀请的列席人员", code="SPEAKER_INVALID"
            )
        return _Speaker(row[0], row[1], None, draft.invitation_id)
    if draft.speaker_category not in SPEAKER_CATEGORY_LABELS:
        raise InvalidInput(
            f"第{number}条发言：请选择参加人或列席人员，或填写发言人姓名及有效类别",
            code="SPEAKER_CATEGORY_INVALID",
        )
    name = clean_text(draft.speaker_name, min_chars=1, max_chars=100, what=f"第{number}条发言的发言人")
    return _Speaker(name.replace("\n", " "), draft.speaker_category, None, None)


async def _check_article(
    session: AsyncSession, hearing: Hearing, number: int, article_id: int | None
) -> None:
    if article_id is None:
        return
    found = None
    if hearing.consultation_id is not None:
        found = await session.scalar(
            select(Article.id)
            .join(DraftVersion, DraftVersion.id == Article.draft_version_id)
            .where(Article.id == article_id, DraftVersion.consultation_id == hearing.consultation_id)
        )
    if found is None:
        raise InvalidInput(
            f"第{number}条发言：所涉条款不属于本会议关联的征求意见稿", code="ARTICLE_NOT_IN_DRAFT"
        )


def comment_body(main_points: str, reasons: str) -> str:
    return f"{main_points}\n理由：{reasons}" if reasons else main_points


async def entries_of(session: AsyncSession, hearing_id: int) -> list[MinutesEntry]:
    return list(
        await session.scalars(
            select(MinutesEntry).where(MinutesEntry.hearing_id == hearing_id).order_by(MinutesEntry.position)
        )
    )


async def record_minutes(
    session: AsyncSession,
    *,
    principal: Principal | None,
    hearing_id: int,
    entries: Sequence[EntryDraft],
    summary: str,
    expected_entries: int,
    rules: CommentRules,
) -> tuple[Hearing, list[MinutesEntry]]:
    """Append speakers' entries to the minutes (and replace the summary when one is given); each view
    becomes a comment on the linked consultation while it accepts comments. The hearing is `held`
    from the first call on. Returns the hearing and the entries added."""
    hearing = await service.get_organized(session, principal, hearing_id)
    assert principal is not None
    service.require_status(hearing, HearingStatus.IN_SESSION, HearingStatus.HELD, doing="记录笔录")
    summary = clean_text(summary, min_chars=0, max_chars=20_000, what="笔录摘要")
    if not entries and not summary:
        raise InvalidInput("请至少记录一条发言或填写笔录摘要", code="MINUTES_EMPTY")
    if len(entries) > MAX_ENTRIES_PER_CALL:
        raise InvalidInput(f"一次最多记录{MAX_ENTRIES_PER_CALL}条发言", code="MINUTES_TOO_MANY_ENTRIES")
    stored = (
        await session.scalar(select(func.count(MinutesEntry.id)).where(MinutesEntry.hearing_id == hearing.id))
        or 0
    )
    if expected_entries != stored:
        raise Conflict(
            f"笔录现有{stored}条发言，与提交时看到的{expected_entries}条不一致（可能已重复提交或他人刚刚记录），"
            "请刷新后再记录",
            code="MINUTES_CHANGED",
            stored_entries=stored,
        )
    consultation: Consultation | None = None
    if hearing.consultation_id is not None:
        # Locked (after the hearing, the order used everywhere): a statement published meanwhile would
        # otherwise miss the comments recorded here.
        consultation, _ = await consultation_service.get_for_update(session, hearing.consultation_id)
    makes_comments = consultation is not None and accepts_recorded_comments(consultation)
    prepared: list[tuple[EntryDraft, _Speaker, str, str]] = []
    for number, draft in enumerate(entries, start=stored + 1):
        if draft.stage not in set(MinutesStage):
            raise InvalidInput(
                f"第{number}条发言：发言环节无效（陈述、提问或质证辩论）", code="STAGE_INVALID"
            )
        speaker = await _speaker(session, hearing, number, draft)
        main_points = clean_text(
            draft.main_points, min_chars=2, max_chars=5000, what=f"第{number}条发言的主要观点"
        )
        reasons = clean_text(draft.reasons, min_chars=0, max_chars=5000, what=f"第{number}条发言的理由")
        if len(comment_body(main_points, reasons)) > rules.limits.max_chars:
            raise InvalidInput(
                f"第{number}条发言的主要观点和理由合计不能超过{rules.limits.max_chars}字",
                code="TEXT_TOO_LONG",
            )
        await _check_article(session, hearing, number, draft.article_id)
        prepared.append((draft, speaker, main_points, reasons))
    now = utcnow()
    held_on = hearing.starts_at.astimezone(ZoneInfo(rules.tz)).date()
    added: list[MinutesEntry] = []
    for number, (draft, speaker, main_points, reasons) in enumerate(prepared, start=stored + 1):
        entry = MinutesEntry(
            hearing_id=hearing.id,
            position=number,
            stage=draft.stage,
            registration_id=speaker.registration_id,
            invitation_id=speaker.invitation_id,
            speaker_name=speaker.name,
            speaker_category=speaker.category,
            article_id=draft.article_id,
            main_points=main_points,
            reasons=reasons,
            signed_off_at=now if draft.signed_off else None,
            recorded_by=principal.user_id,
            recorded_at=now,
        )
        if makes_comments and speaker.category != DRAFTING_UNIT:
            assert consultation is not None
            comment = await record_hearing_comment(
                session,
                recorded_by=principal,
                consultation=consultation,
                body=comment_body(main_points, reasons),
                article_id=draft.article_id,
                submitter_name=speaker.name,
                submitter_type=SUBMITTER_TYPES.get(speaker.category, SubmitterType.INDIVIDUAL),
                received_on=held_on,
                limits=rules.limits,
                sensitive_words=rules.sensitive_words,
            )
            entry.comment_id = comment.id
        session.add(entry)
        added.append(entry)
    await session.flush()
    before = hearing.status
    if summary:
        hearing.minutes_summary = summary
    hearing.status = HearingStatus.HELD
    hearing.minutes_recorded_at = now
    await service.audit_event(
        session,
        principal.actor,
        "minutes_recorded",
        hearing,
        before={"status": before},
        status=hearing.status,
        entries=[entry.id for entry in added],
        comments=[entry.comment_id for entry in added if entry.comment_id],
        summary_replaced=bool(summary),
    )
    return hearing, added


async def sign_off_entries(
    session: AsyncSession, *, principal: Principal | None, hearing_id: int, entry_ids: Sequence[int]
) -> list[MinutesEntry]:
    """Record that speakers confirmed and signed their entries (713 §17); entries already signed keep
    their first time. Returns the entries newly signed."""
    hearing = await service.get_organized(session, principal, hearing_id)
    assert principal is not None
    service.require_status(hearing, HearingStatus.IN_SESSION, HearingStatus.HELD, doing="登记笔录签字确认")
    wanted = set(entry_ids)
    if not wanted:
        raise InvalidInput("请选择已签字确认的发言记录", code="NOTHING_TO_SIGN_OFF")
    rows = list(
        await session.scalars(
            select(MinutesEntry)
            .where(MinutesEntry.id.in_(wanted), MinutesEntry.hearing_id == hearing.id)
            .with_for_update()
        )
    )
    if len(rows) != len(wanted):
        raise NotFound("发言记录不存在或不属于本场会议", code="MINUTES_ENTRY_NOT_FOUND")
    now = utcnow()
    signed = [row for row in rows if row.signed_off_at is None]
    for row in signed:
        row.signed_off_at = now
    if signed:
        await service.audit_event(
            session, principal.actor, "minutes_signed_off", hearing, entries=[row.id for row in signed]
        )
    return signed


@dataclass(frozen=True)
class DecidedView:
    outcome: str
    reason: str  # standard reason and the reviewer's words, as published


async def approved_dispositions(session: AsyncSession, comment_ids: Sequence[int]) -> dict[int, DecidedView]:
    """Each comment's approved disposition (its own override, else its topic's), for those that have one."""
    if not comment_ids:
        return {}
    query, override, topical = join_effective_dispositions(
        select(Comment.id).where(Comment.id.in_(comment_ids))
    )
    query = query.add_columns(
        func.coalesce(override.outcome, topical.outcome),
        func.coalesce(override.standard_reason, topical.standard_reason),
        func.coalesce(override.reason, topical.reason),
    )
    return {
        comment_id: DecidedView(outcome, reason_text(standard or "", reason or ""))
        for comment_id, outcome, standard, reason in (await session.execute(query)).all()
        if outcome
    }


def handling_text(decided: DecidedView | None, organizer_text: str, labels: dict[str, str]) -> str:
    """How a view was handled, as the report prints it: the approved disposition (with its reason), then
    the organizer's words; or the organizer's words alone."""
    parts = []
    if decided is not None:
        label = outcome_label(decided.outcome, labels)
        parts.append(f"{label}（{decided.reason}）" if decided.reason else label)
    if organizer_text.strip():
        parts.append(organizer_text.strip().rstrip("。；"))
    return "；".join(parts)


@dataclass(frozen=True)
class HandlingDraft:
    entry_id: int
    handling: str


async def publish_hearing_report(
    session: AsyncSession,
    *,
    principal: Principal | None,
    hearing_id: int,
    summary: str,
    handlings: Sequence[HandlingDraft],
    disposition_labels: dict[str, str],
) -> Hearing:
    """Publish the 听证报告 (held → reported): how each view was handled. Refused while a view has neither
    an approved disposition nor the organizer's handling text."""
    hearing = await service.get_organized(session, principal, hearing_id)
    assert principal is not None
    service.require_status(hearing, HearingStatus.HELD, doing="发布听证报告")
    summary = clean_text(summary, min_chars=2, max_chars=20_000, what="听证报告")
    entries = list(
        await session.scalars(
            select(MinutesEntry)
            .where(MinutesEntry.hearing_id == hearing.id)
            .order_by(MinutesEntry.position)
            .with_for_update()
        )
    )
    by_id = {entry.id: entry for entry in entries}
    texts: dict[int, str] = {}
    for draft in handlings:
        if draft.entry_id not in by_id:
            raise NotFound("发言记录不存在或不属于本场会议", code="MINUTES_ENTRY_NOT_FOUND")
        texts[draft.entry_id] = clean_text(draft.handling, min_chars=0, max_chars=2000, what="处理情况")
    for entry_id, text in texts.items():
        by_id[entry_id].handling = text
    views = [entry for entry in entries if is_view(entry)]
    decided = await approved_dispositions(session, [e.comment_id for e in views if e.comment_id])
    undecided = [
        e.position
        for e in views
        if (e.comment_id not in decided if e.comment_id else True) and not e.handling
    ]
    if undecided:
        numbers = "、".join(f"第{position}条" for position in undecided)
        raise InvalidTransition(
            f"笔录中{numbers}发言意见既没有经批准的处理意见，也没有填写处理情况，不能发布听证报告",
            code="VIEWS_UNDECIDED",
            undecided_entries=undecided,
        )
    for entry in views:
        view = decided.get(entry.comment_id) if entry.comment_id else None
        entry.reported_outcome = view.outcome if view else ""
        entry.reported_handling = handling_text(view, entry.handling, disposition_labels)
    before = hearing.status
    hearing.report_summary = summary
    hearing.report_published_at = utcnow()
    hearing.status = HearingStatus.REPORTED
    if hearing.consultation_id is not None:
        await consultation_service.touch_review(session, hearing.consultation_id)
    await service.audit_event(
        session,
        principal.actor,
        "report_published",
        hearing,
        before={"status": before},
        status=hearing.status,
        views=len(views),
        handled_by_disposition=sum(1 for e in views if e.reported_outcome),
        handling_entered={str(k): v for k, v in texts.items()},
    )
    return hearing


# --- the public report ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ReportedView:
    position: int
    stage_label: str
    speaker: str  # category and name: named only with consent (rules H), else masked (张*)
    category_label: str
    article_label: str | None
    main_points: str  # personal data masked
    reasons: str
    outcome: str  # the approved disposition's outcome, "" when the organizer's text is the handling
    handling: str


@dataclass(frozen=True)
class HearingReport:
    hearing_id: int
    published_at: datetime
    held_on: date
    summary: str
    selection_method: str
    attendance: attendance_service.Attendance
    views: tuple[ReportedView, ...]


async def selection_method_text(session: AsyncSession, hearing: Hearing) -> str:
    """How participants and observers were chosen, in words for the report and section 五."""
    parts = [SELECTION_METHOD_TEXT[SelectionMethod(hearing.selection_method)]]
    manual = await session.scalar(
        select(func.count(Registration.id)).where(
            Registration.hearing_id == hearing.id,
            Registration.status == RegistrationStatus.SELECTED,
            Registration.selected_by == SelectedBy.MANUAL,
        )
    )
    if manual:
        parts.append(f"其中{manual}人由组织单位说明理由后指定")
    observers = await session.scalar(
        select(func.count(ObserverInvitation.id)).where(
            ObserverInvitation.hearing_id == hearing.id,
            ObserverInvitation.status != InvitationStatus.WITHDRAWN,
        )
    )
    if observers:
        parts.append("列席人员由组织单位按类别邀请")
    return "；".join(parts)


async def _consenting_registrations(session: AsyncSession, entries: Sequence[MinutesEntry]) -> set[int]:
    ids = [e.registration_id for e in entries if e.registration_id]
    if not ids:
        return set()
    return set(
        await session.scalars(
            select(Registration.id).where(
                Registration.id.in_(ids), Registration.consent_to_be_named.is_(True)
            )
        )
    )


async def hearing_report(session: AsyncSession, hearing: Hearing, *, tz: str) -> HearingReport | None:
    """The published report of a reported hearing (None before): public, with personal data masked."""
    if hearing.status != HearingStatus.REPORTED or hearing.report_published_at is None:
        return None
    entries = [e for e in await entries_of(session, hearing.id) if is_view(e)]
    consenting = await _consenting_registrations(session, entries)
    masked_names = [e.speaker_name for e in entries]
    article_ids = [e.article_id for e in entries if e.article_id]
    labels = (
        dict(
            (
                await session.execute(select(Article.id, Article.label).where(Article.id.in_(article_ids)))
            ).all()
        )
        if article_ids
        else {}
    )
    views = []
    for entry in entries:
        category = SPEAKER_CATEGORY_LABELS.get(entry.speaker_category, entry.speaker_category)
        named = entry.registration_id in consenting
        name = entry.speaker_name if named else mask_name(entry.speaker_name)
        views.append(
            ReportedView(
                position=entry.position,
                stage_label=STAGE_LABELS.get(MinutesStage(entry.stage), entry.stage),
                speaker=f"{category} {name}",
                category_label=category,
                article_label=labels.get(entry.article_id) if entry.article_id else None,
                main_points=mask_personal_data(entry.main_points, known_names=masked_names),
                reasons=mask_personal_data(entry.reasons, known_names=masked_names),
                outcome=entry.reported_outcome,
                handling=mask_personal_data(entry.reported_handling, known_names=masked_names),
            )
        )
    return HearingReport(
        hearing_id=hearing.id,
        published_at=hearing.report_published_at,
        held_on=hearing.starts_at.astimezone(ZoneInfo(tz)).date(),
        summary=mask_personal_data(hearing.report_summary, known_names=masked_names),
        selection_method=await selection_method_text(session, hearing),
        attendance=await attendance_service.attendance(session, hearing.id),
        views=tuple(views),
    )


# --- section 五 of the adoption statement ---------------------------------------------------------------


async def hearing_facts(session: AsyncSession, consultation_id: int) -> tuple[HearingFact, ...]:
    """Section 五: the reported hearings, symposia and meetings of a consultation, in the order held —
    who attended by category, how they were chosen, each view's main points and how it was handled.
    Speakers are named by category only; the statement masks personal data in the quoted text."""
    hearings = list(
        await session.scalars(
            select(Hearing)
            .where(Hearing.consultation_id == consultation_id, Hearing.status == HearingStatus.REPORTED)
            .order_by(Hearing.starts_at, Hearing.id)
        )
    )
    facts = []
    for hearing in hearings:
        counts = await attendance_service.attendance(session, hearing.id)
        views = [e for e in await entries_of(session, hearing.id) if is_view(e)]
        main_points = tuple(
            f"（{SPEAKER_CATEGORY_LABELS.get(e.speaker_category, e.speaker_category)}，"
            f"{STAGE_LABELS.get(MinutesStage(e.stage), e.stage)}）{_sentence(e.main_points)}"
            + (f"理由：{_sentence(e.reasons)}" if e.reasons else "")
            for e in views
        )
        handled = "；".join(
            f"意见{i}，{e.reported_handling.strip().rstrip('。；')}" for i, e in enumerate(views, start=1)
        )
        facts.append(
            HearingFact(
                title=hearing.title,
                kind=hearing.kind,
                held_on=hearing.starts_at.astimezone(ZoneInfo(DEFAULT_TZ)).date(),
                participants_by_category={c.label: c.present for c in counts.participants if c.present},
                observers_by_category={c.label: c.present for c in counts.observers if c.present},
                selection_method=await selection_method_text(session, hearing),
                main_points=main_points,
                handling="。".join(part for part in (hearing.report_summary.rstrip("。"), handled) if part),
            )
        )
    return tuple(facts)


def _sentence(text: str) -> str:
    text = text.strip()
    return text if not text or text[-1] in "。！？；…”）)" else text + "。"
