"""Consultation operations: create, import and correct the draft, review, publish, close, withdraw.

Every state change loads the consultation with a row lock, checks its guard, writes, and appends an
audit event in the same transaction. The caller commits.
"""

from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from api import audit
from api.accounts.models import Unit
from api.accounts.permissions import Principal
from api.audit import Actor
from api.db import utcnow
from api.errors import DomainError, InvalidInput, InvalidTransition, NotFound
from consultations import permissions
from consultations.deadlines import (
    DEFAULT_TZ,
    HolidayCalendar,
    closing_instant,
    minimum_period,
    period_last_day,
    today_in,
)
from consultations.draft_text import docx_to_text, split_draft
from consultations.models import (
    KIND_LABELS,
    Article,
    Consultation,
    Disclosure,
    DraftVersion,
    Kind,
    Review,
    ReviewKind,
    Status,
    is_public,
)
from consultations.text_rules import clean_text

TRANSITIONS: dict[str, tuple[frozenset[str], str]] = {
    "submit_for_review": (frozenset({Status.DRAFT}), Status.IN_REVIEW),
    "return_to_draft": (frozenset({Status.IN_REVIEW}), Status.DRAFT),
    "publish": (frozenset({Status.IN_REVIEW}), Status.OPEN),
    "close": (frozenset({Status.OPEN}), Status.CLOSED),
    "start_review": (frozenset({Status.CLOSED}), Status.REVIEWING),
    "publish_statement": (frozenset({Status.REVIEWING}), Status.STATEMENT_PUBLISHED),
    "decide": (frozenset({Status.STATEMENT_PUBLISHED}), Status.DECIDED),
    "withdraw": (
        frozenset({Status.DRAFT, Status.IN_REVIEW, Status.OPEN, Status.CLOSED, Status.REVIEWING}),
        Status.WITHDRAWN,
    ),
}

STATUS_LABELS = {
    Status.DRAFT: "草稿",
    Status.IN_REVIEW: "审查中",
    Status.OPEN: "征求意见中",
    Status.CLOSED: "征求意见已结束",
    Status.REVIEWING: "意见处理中",
    Status.STATEMENT_PUBLISHED: "已公布采纳情况",
    Status.DECIDED: "已决策",
    Status.WITHDRAWN: "已撤回",
}

EDITABLE_DRAFT_STATUSES = frozenset({Status.DRAFT, Status.IN_REVIEW})
MAX_DOCX_BYTES = 10 * 1024 * 1024
MAX_DRAFT_CHARS = 500_000


@lru_cache(maxsize=4)
def holiday_calendar(extra_file: Path | None) -> HolidayCalendar:
    return HolidayCalendar.load(extra_file)


async def unit_path(session: AsyncSession, unit_id: int) -> str:
    path = await session.scalar(select(Unit.path).where(Unit.id == unit_id))
    if path is None:
        raise NotFound("单位不存在", code="UNIT_NOT_FOUND")
    return path


async def get_for_update(session: AsyncSession, consultation_id: int) -> tuple[Consultation, str]:
    """Load a consultation with a row lock, and its unit's path."""
    row = (
        await session.execute(
            select(Consultation, Unit.path)
            .join(Unit, Unit.id == Consultation.unit_id)
            .where(Consultation.id == consultation_id)
            .with_for_update(of=Consultation)
        )
    ).first()
    if row is None:
        raise NotFound("征求意见项目不存在", code="CONSULTATION_NOT_FOUND")
    return row[0], row[1]


async def get_visible(
    session: AsyncSession, *, principal: Principal | None, consultation_id: int
) -> Consultation | None:
    """Get a consultation if the caller may see it: public once published, else staff of its unit."""
    row = (
        await session.execute(
            select(Consultation, Unit.path)
            .join(Unit, Unit.id == Consultation.unit_id)
            .where(Consultation.id == consultation_id)
        )
    ).first()
    if row is None:
        return None
    consultation, path = row
    if is_public(consultation) or permissions.can(principal, "read_internal", path):
        return consultation
    return None


async def touch_review(session: AsyncSession, consultation_id: int) -> None:
    """Record that something a statement depends on has changed (see Consultation.review_revision)."""
    await session.execute(
        update(Consultation)
        .where(Consultation.id == consultation_id)
        .values(review_revision=Consultation.review_revision + 1)
    )


def transition_error(consultation: Consultation, action: str) -> InvalidTransition | None:
    """The error an action would meet in the consultation's current status, if any."""
    allowed_from, _ = TRANSITIONS[action]
    if consultation.status in allowed_from:
        return None
    return InvalidTransition(
        f"当前状态为「{STATUS_LABELS[Status(consultation.status)]}」，不能执行此操作",
        code="INVALID_TRANSITION",
    )


def transition(consultation: Consultation, action: str) -> tuple[str, str]:
    if error := transition_error(consultation, action):
        raise error
    _, target = TRANSITIONS[action]
    before = consultation.status
    consultation.status = target
    return before, target


async def audit_event(
    session: AsyncSession, actor: Actor, action: str, consultation: Consultation, **data: Any
) -> None:
    await audit.record(
        session,
        actor=actor,
        action=f"consultation.{action}",
        subject_type="consultation",
        subject_id=consultation.id,
        before=data.pop("before", None),
        after=data or None,
    )


def _check_disclosure(disclosure: str, reason: str) -> None:
    if disclosure not in set(Disclosure):
        raise InvalidInput("公开属性无效", code="DISCLOSURE_INVALID")
    if disclosure != Disclosure.PROACTIVE and not reason.strip():
        raise InvalidInput("公开属性不是「主动公开」时，必须说明理由", code="DISCLOSURE_REASON_REQUIRED")


NOTICE_FIELDS = (
    "title",
    "kind",
    "summary",
    "explanation",
    "basis",
    "offline_channels",
    "business_related",
    "disclosure",
    "disclosure_reason",
)


def validated_notice(
    *,
    title: str,
    kind: str,
    summary: str,
    explanation: str,
    basis: str,
    offline_channels: str,
    business_related: bool,
    disclosure: str,
    disclosure_reason: str,
) -> dict[str, Any]:
    """Check and clean the notice fields of a consultation (create and update alike)."""
    if kind not in set(Kind):
        raise InvalidInput("文件类型无效", code="KIND_INVALID")
    _check_disclosure(disclosure, disclosure_reason)
    return {
        "title": clean_text(title, min_chars=2, max_chars=300, what="标题").replace("\n", " "),
        "kind": kind,
        "summary": clean_text(summary, min_chars=0, max_chars=5000, what="简介"),
        "explanation": clean_text(explanation, min_chars=0, max_chars=50_000, what="起草说明"),
        "basis": clean_text(basis, min_chars=0, max_chars=50_000, what="决策依据"),
        "offline_channels": clean_text(offline_channels, min_chars=0, max_chars=2000, what="线下渠道"),
        "business_related": business_related,
        "disclosure": disclosure,
        "disclosure_reason": disclosure_reason.strip(),
    }


async def create_consultation(
    session: AsyncSession,
    *,
    principal: Principal | None,
    unit_id: int,
    title: str,
    kind: str,
    summary: str = "",
    explanation: str = "",
    basis: str = "",
    offline_channels: str = "",
    business_related: bool = False,
    disclosure: str = Disclosure.PROACTIVE,
    disclosure_reason: str = "",
) -> Consultation:
    """Create a consultation in `draft` for a unit the drafter belongs to."""
    permissions.ensure_able(principal, "create")
    principal = permissions.ensure(principal, "create", await unit_path(session, unit_id))
    notice = validated_notice(
        title=title,
        kind=kind,
        summary=summary,
        explanation=explanation,
        basis=basis,
        offline_channels=offline_channels,
        business_related=business_related,
        disclosure=disclosure,
        disclosure_reason=disclosure_reason,
    )
    consultation = Consultation(
        unit_id=unit_id,
        **notice,
        status=Status.DRAFT,
        publication_channels=[],
        created_by=principal.user_id,
    )
    session.add(consultation)
    await session.flush()
    await audit_event(
        session,
        principal.actor,
        "created",
        consultation,
        title=consultation.title,
        kind=kind,
        unit_id=unit_id,
        disclosure=disclosure,
    )
    return consultation


async def update_consultation(
    session: AsyncSession,
    *,
    principal: Principal | None,
    consultation_id: int,
    changes: dict[str, Any],
) -> Consultation:
    """Change the notice fields of a draft (omitted fields stay); validated as on creation."""
    permissions.ensure_able(principal, "edit_draft")
    consultation, path = await get_for_update(session, consultation_id)
    principal = permissions.ensure(principal, "edit_draft", path)
    if consultation.status != Status.DRAFT:
        raise InvalidTransition(
            "只有草稿状态的征求意见可以修改公告内容；送审中的请先退回草稿", code="NOTICE_LOCKED"
        )
    unknown = set(changes) - set(NOTICE_FIELDS)
    if unknown:
        raise InvalidInput(f"不能修改的字段：{'、'.join(sorted(unknown))}", code="FIELD_NOT_EDITABLE")
    current = {name: getattr(consultation, name) for name in NOTICE_FIELDS}
    notice = validated_notice(**{**current, **changes})
    changed = {name: value for name, value in notice.items() if value != current[name]}
    for name, value in changed.items():
        setattr(consultation, name, value)
    if changed:
        await audit_event(
            session,
            principal.actor,
            "updated",
            consultation,
            before={name: current[name] for name in changed},
            **changed,
        )
    return consultation


async def import_draft(
    session: AsyncSession,
    *,
    principal: Principal | None,
    consultation_id: int,
    text: str | None = None,
    docx: bytes | None = None,
    filename: str = "",
    note: str = "",
) -> DraftVersion:
    """Split a pasted text or .docx into articles as a new draft version (earlier comments stay pinned)."""
    permissions.ensure_able(principal, "edit_draft")
    consultation, path = await get_for_update(session, consultation_id)
    principal = permissions.ensure(principal, "edit_draft", path)
    if consultation.status not in {Status.DRAFT, Status.IN_REVIEW, Status.OPEN}:
        raise InvalidTransition("征求意见已结束，不能再导入新的草案版本", code="DRAFT_LOCKED")
    if (text is None) == (docx is None):
        raise InvalidInput("请提供草案文本或 .docx 文件之一", code="DRAFT_SOURCE_REQUIRED")
    if docx is not None:
        if len(docx) > MAX_DOCX_BYTES:
            raise InvalidInput("文件过大：.docx 文件不能超过 10 MB", code="DRAFT_TOO_LARGE")
        text = docx_to_text(docx)
    assert text is not None
    version, articles = await add_draft_version(
        session,
        consultation,
        text=text,
        source="docx" if docx is not None else "text",
        filename=filename,
        note=note,
        created_by=principal.user_id,
    )
    consultation.current_version_id = version.id
    await audit_event(
        session,
        principal.actor,
        "draft_imported",
        consultation,
        version=version.number,
        articles=articles,
        structure=version.structure,
        source=version.source,
    )
    return version


async def add_draft_version(
    session: AsyncSession,
    consultation: Consultation,
    *,
    text: str,
    source: str,
    filename: str = "",
    note: str = "",
    created_by: int | None,
) -> tuple[DraftVersion, int]:
    """Split a text into articles as the next draft version; return it and its number of articles."""
    text = clean_text(text, min_chars=1, max_chars=MAX_DRAFT_CHARS, what="草案")
    parsed = split_draft(text)
    latest = await session.scalar(
        select(func.max(DraftVersion.number)).where(DraftVersion.consultation_id == consultation.id)
    )
    version = DraftVersion(
        consultation_id=consultation.id,
        number=(latest or 0) + 1,
        preamble=parsed.preamble,
        structure=parsed.structure,
        source=source,
        source_filename=filename[:255],
        note=note.strip(),
        created_by=created_by,
    )
    session.add(version)
    await session.flush()
    session.add_all(
        Article(
            draft_version_id=version.id,
            position=position,
            label=article.label[:64],
            heading=article.heading[:500],
            body=article.body,
        )
        for position, article in enumerate(parsed.articles, start=1)
    )
    return version, len(parsed.articles)


async def _editable_article(
    session: AsyncSession, principal: Principal | None, article_id: int
) -> tuple[Principal, Consultation, Article]:
    permissions.ensure_able(principal, "edit_draft")
    article = await session.get(Article, article_id)
    if article is None:
        raise NotFound("条款不存在", code="ARTICLE_NOT_FOUND")
    version = await session.get_one(DraftVersion, article.draft_version_id)
    consultation, path = await get_for_update(session, version.consultation_id)
    principal = permissions.ensure(principal, "edit_draft", path)
    if consultation.status not in EDITABLE_DRAFT_STATUSES or consultation.current_version_id != version.id:
        raise InvalidTransition("草案公开后不能修改条款；如需修改，请导入新的草案版本", code="DRAFT_LOCKED")
    return principal, consultation, article


async def _articles_of(session: AsyncSession, version_id: int) -> list[Article]:
    rows = await session.execute(
        select(Article).where(Article.draft_version_id == version_id).order_by(Article.position)
    )
    return list(rows.scalars())


async def update_article(
    session: AsyncSession,
    *,
    principal: Principal | None,
    article_id: int,
    label: str | None = None,
    heading: str | None = None,
    body: str | None = None,
) -> Article:
    """Correct an article's number, heading or text before publication."""
    principal, consultation, article = await _editable_article(session, principal, article_id)
    before = {"label": article.label, "heading": article.heading, "body": article.body}
    if label is not None:
        article.label = clean_text(label, min_chars=1, max_chars=64, what="条款编号")
    if heading is not None:
        article.heading = clean_text(heading, min_chars=0, max_chars=500, what="章节标题")
    if body is not None:
        article.body = clean_text(body, min_chars=0, max_chars=MAX_DRAFT_CHARS, what="条款")
    after = {"label": article.label, "heading": article.heading, "body": article.body}
    await audit_event(
        session,
        principal.actor,
        "article_updated",
        consultation,
        before=before,
        article_id=article.id,
        **after,
    )
    return article


async def split_article(
    session: AsyncSession, *, principal: Principal | None, article_id: int, at: int, new_label: str
) -> list[Article]:
    """Split an article's text at a character offset into two articles."""
    principal, consultation, article = await _editable_article(session, principal, article_id)
    if not 0 < at < len(article.body):
        raise InvalidInput("拆分位置须在条款文字之内", code="SPLIT_POSITION_INVALID")
    articles = await _articles_of(session, article.draft_version_id)
    for later in articles:
        if later.position > article.position:
            later.position += 1
    head, tail = article.body[:at].strip(), article.body[at:].strip()
    new_label = clean_text(new_label, min_chars=1, max_chars=64, what="条款编号")
    # Split just before "第六条　…": the label belongs to the new article, not to its text.
    tail = tail.removeprefix(new_label).lstrip(" \u3000")
    article.body = head
    new_article = Article(
        draft_version_id=article.draft_version_id,
        position=article.position + 1,
        label=new_label,
        heading=article.heading,
        body=tail,
    )
    session.add(new_article)
    await session.flush()
    await audit_event(
        session,
        principal.actor,
        "article_split",
        consultation,
        article_id=article.id,
        new_article_id=new_article.id,
        at=at,
    )
    return await _articles_of(session, article.draft_version_id)


async def merge_article_with_next(
    session: AsyncSession, *, principal: Principal | None, article_id: int
) -> list[Article]:
    """Join an article with the one after it (a split the importer made wrongly)."""
    principal, consultation, article = await _editable_article(session, principal, article_id)
    articles = await _articles_of(session, article.draft_version_id)
    following = [a for a in articles if a.position > article.position]
    if not following:
        raise InvalidInput("这是最后一条，没有可合并的下一条", code="MERGE_NO_NEXT")
    nxt = following[0]
    # The importer took a line starting with a number for an article: put the line back as it was.
    article.body = "\n".join(part for part in (article.body, f"{nxt.label}{nxt.body}") if part)
    await session.delete(nxt)
    await session.flush()
    for later in following[1:]:
        later.position -= 1
    await audit_event(
        session,
        principal.actor,
        "articles_merged",
        consultation,
        article_id=article.id,
        removed_article_id=nxt.id,
    )
    return await _articles_of(session, article.draft_version_id)


async def submit_for_review(
    session: AsyncSession, *, principal: Principal | None, consultation_id: int
) -> Consultation:
    """Send a draft with articles to legality and secrecy review."""
    permissions.ensure_able(principal, "submit_for_review")
    consultation, path = await get_for_update(session, consultation_id)
    principal = permissions.ensure(principal, "submit_for_review", path)
    if consultation.current_version_id is None:
        raise InvalidInput("请先导入草案文本", code="DRAFT_MISSING")
    before, after = transition(consultation, "submit_for_review")
    await audit_event(
        session,
        principal.actor,
        "submitted_for_review",
        consultation,
        before={"status": before},
        status=after,
    )
    return consultation


async def return_to_draft(
    session: AsyncSession, *, principal: Principal | None, consultation_id: int, reason: str
) -> Consultation:
    """Send a draft back from review for rework (a review did not pass, or the text must change)."""
    permissions.ensure_able(principal, "return_to_draft")
    consultation, path = await get_for_update(session, consultation_id)
    principal = permissions.ensure(principal, "return_to_draft", path)
    reason = clean_text(reason, min_chars=2, max_chars=2000, what="退回理由")
    before, after = transition(consultation, "return_to_draft")
    await audit_event(
        session,
        principal.actor,
        "returned_to_draft",
        consultation,
        before={"status": before},
        status=after,
        reason=reason,
    )
    return consultation


async def record_review(
    session: AsyncSession,
    *,
    principal: Principal | None,
    consultation_id: int,
    kind: str,
    reviewer: str,
    reviewed_on: date,
    passed: bool,
    notes: str = "",
    tz: str = DEFAULT_TZ,
) -> Review:
    """Record a legality (合法性审查) or secrecy (保密审查) review of the draft."""
    permissions.ensure_able(principal, "record_review")
    consultation, path = await get_for_update(session, consultation_id)
    principal = permissions.ensure(principal, "record_review", path)
    if kind not in set(ReviewKind):
        raise InvalidInput("审查类型无效", code="REVIEW_KIND_INVALID")
    if consultation.status != Status.IN_REVIEW or consultation.current_version_id is None:
        raise InvalidTransition("只有送审中的草案可以登记审查结果", code="INVALID_TRANSITION")
    reviewer = clean_text(reviewer, min_chars=2, max_chars=200, what="审查人")
    if reviewed_on > today_in(tz):
        raise InvalidInput("审查日期不能晚于今天", code="REVIEW_DATE_INVALID")
    review = Review(
        consultation_id=consultation.id,
        draft_version_id=consultation.current_version_id,
        kind=kind,
        reviewer=reviewer,
        reviewed_on=reviewed_on,
        passed=passed,
        notes=clean_text(notes, min_chars=0, max_chars=5000, what="审查意见"),
        recorded_by=principal.user_id,
    )
    session.add(review)
    await session.flush()
    await audit_event(
        session,
        principal.actor,
        "review_recorded",
        consultation,
        kind=kind,
        reviewer=reviewer,
        reviewed_on=reviewed_on,
        passed=passed,
    )
    return review


async def latest_reviews(session: AsyncSession, consultation: Consultation) -> dict[str, Review]:
    """The latest review of each kind of the draft version as it stands now."""
    rows = await session.execute(
        select(Review)
        .where(
            Review.consultation_id == consultation.id,
            Review.draft_version_id == consultation.current_version_id,
        )
        .order_by(Review.id)
    )
    return {review.kind: review for review in rows.scalars()}


@dataclass(frozen=True)
class PublishCheck:
    """One rule publishing must satisfy: `error` is what publishing raises while it fails."""

    code: str
    label: str
    error: DomainError | None = None
    detail: str = ""

    @property
    def passed(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class PublishEvaluation:
    checks: list[PublishCheck]
    opening_date: date
    minimum_closing_date: date
    closing_date: date
    shortened: bool

    @property
    def ready(self) -> bool:
        return all(check.passed for check in self.checks)

    def raise_first_failure(self) -> None:
        for check in self.checks:
            if check.error is not None:
                raise check.error


def _permission_error(principal: Principal | None, action: str, path: str) -> DomainError | None:
    try:
        permissions.ensure(principal, action, path)
    except DomainError as error:
        return error
    return None


async def evaluate_publication(
    session: AsyncSession,
    consultation: Consultation,
    path: str,
    *,
    principal: Principal | None,
    closing_date: date | None,
    shortened_reason: str,
    calendar: HolidayCalendar,
    tz: str,
) -> PublishEvaluation:
    """Every rule publishing checks, in the order it checks them, each passed or with its error."""
    checks = [
        PublishCheck(
            "PUBLISH_ROLE",
            "发布人须为本单位的起草人或批准人",
            _permission_error(principal, "publish", path),
        ),
        PublishCheck("STATUS", "草案已送审（状态为「审查中」）", transition_error(consultation, "publish")),
    ]
    checks.append(
        PublishCheck(
            "DISCLOSURE",
            "公开属性为「主动公开」",
            None
            if consultation.disclosure == Disclosure.PROACTIVE
            else InvalidInput(
                "只有公开属性为「主动公开」的草案可以公开征求意见", code="DISCLOSURE_NOT_PROACTIVE"
            ),
        )
    )
    checks.append(
        PublishCheck(
            "DRAFT",
            "已导入草案文本",
            None
            if consultation.current_version_id is not None
            else InvalidInput("请先导入草案文本", code="DRAFT_MISSING"),
        )
    )
    reviews = await latest_reviews(session, consultation) if consultation.current_version_id else {}
    for kind, label in ((ReviewKind.LEGALITY, "合法性审查"), (ReviewKind.SECRECY, "保密审查")):
        review = reviews.get(kind)
        checks.append(
            PublishCheck(
                f"{kind.upper()}_REVIEW",
                f"当前草案版本已登记通过的{label}",
                None
                if review is not None and review.passed
                else InvalidInput(
                    f"发布前须对当前草案版本登记通过的{label}", code=f"{kind.upper()}_REVIEW_REQUIRED"
                ),
                detail=f"{review.reviewer}，{review.reviewed_on}" if review and review.passed else "",
            )
        )
    start = today_in(tz)
    period = minimum_period(consultation.kind, business_related=consultation.business_related)
    minimum_last_day = period_last_day(start, period, calendar)
    last_day = closing_date or minimum_last_day
    checks.append(
        PublishCheck(
            "CLOSING_DATE",
            "截止日期晚于今天",
            None if last_day > start else InvalidInput("截止日期须晚于今天", code="CLOSING_DATE_INVALID"),
            detail=f"截止日 {last_day.isoformat()} 24时",
        )
    )
    shortened = last_day < minimum_last_day
    kind_label = KIND_LABELS[Kind(consultation.kind)]
    checks.append(
        PublishCheck(
            "PERIOD",
            f"{kind_label}征求意见期限不少于{period.describe()}（最早截止日 {minimum_last_day}），"
            "缩短须说明理由",
            InvalidInput(
                f"{kind_label}征求意见期限一般不少于{period.describe()}（最早截止日 {minimum_last_day}）；"
                "缩短期限须说明理由",
                code="PERIOD_TOO_SHORT",
                minimum_closing_date=minimum_last_day.isoformat(),
            )
            if shortened and not shortened_reason.strip()
            else None,
            detail="已缩短期限并说明理由" if shortened else "未缩短期限",
        )
    )
    checks.append(
        PublishCheck(
            "SHORTENED_APPROVER",
            "缩短期限须由批准人发布",
            _permission_error(principal, "approve_shortened_period", path) if shortened else None,
            detail="" if shortened else "未缩短期限，无需审批",
        )
    )
    return PublishEvaluation(
        checks=checks,
        opening_date=start,
        minimum_closing_date=minimum_last_day,
        closing_date=last_day,
        shortened=shortened,
    )


async def publish_consultation(
    session: AsyncSession,
    *,
    principal: Principal | None,
    consultation_id: int,
    closing_date: date | None,
    shortened_reason: str = "",
    channels: list[dict[str, Any]] | None = None,
    calendar: HolidayCalendar,
    tz: str,
) -> Consultation:
    """Open the comment window now, until 24:00 on the closing date (default: the legal minimum)."""
    permissions.ensure_able(principal, "publish")
    consultation, path = await get_for_update(session, consultation_id)
    evaluation = await evaluate_publication(
        session,
        consultation,
        path,
        principal=principal,
        closing_date=closing_date,
        shortened_reason=shortened_reason,
        calendar=calendar,
        tz=tz,
    )
    evaluation.raise_first_failure()
    principal = permissions.ensure(principal, "publish", path)
    transition(consultation, "publish")
    start, minimum_last_day, last_day = (
        evaluation.opening_date,
        evaluation.minimum_closing_date,
        evaluation.closing_date,
    )
    if evaluation.shortened:
        consultation.shortened_approved_by = principal.user_id
    consultation.shortened_reason = shortened_reason.strip() if evaluation.shortened else ""
    now = utcnow()
    consultation.opens_at = now
    consultation.closing_date = last_day
    consultation.closes_at = closing_instant(last_day, tz)
    consultation.published_at = now
    # Where the notice was published (rules A3): channel, URL and date, kept with the consultation.
    consultation.publication_channels = [
        {
            "channel": clean_text(c["channel"], min_chars=1, max_chars=100, what="发布渠道"),
            "url": c.get("url", "").strip()[:500],
            "published_on": (c.get("published_on") or start).isoformat(),
        }
        for c in channels or []
    ]
    await audit_event(
        session,
        principal.actor,
        "published",
        consultation,
        before={"status": Status.IN_REVIEW},
        status=consultation.status,
        closes_at=consultation.closes_at,
        closing_date=last_day,
        minimum_closing_date=minimum_last_day,
        shortened_reason=consultation.shortened_reason,
        channels=consultation.publication_channels,
    )
    return consultation


async def close_consultation(
    session: AsyncSession, *, principal: Principal | None, consultation_id: int, reason: str = ""
) -> Consultation:
    """Close the comment window: at or after the deadline, or early by an approver with a reason."""
    permissions.ensure_able(principal, "close")
    consultation, path = await get_for_update(session, consultation_id)
    principal = permissions.ensure(principal, "close", path)
    early = consultation.closes_at is not None and utcnow() < consultation.closes_at
    if early and consultation.status == Status.OPEN:
        permissions.ensure(principal, "close_early", path)
        if not reason.strip():
            raise InvalidInput("提前结束征求意见须说明理由", code="CLOSE_REASON_REQUIRED")
    before, after = transition(consultation, "close")
    consultation.closed_at = utcnow()
    await audit_event(
        session,
        principal.actor,
        "closed",
        consultation,
        before={"status": before},
        status=after,
        early=early,
        reason=reason.strip(),
    )
    return consultation


async def close_due(session: AsyncSession) -> list[int]:
    """Close every open consultation whose deadline has passed (the cron job)."""
    ids = list(
        await session.scalars(
            select(Consultation.id).where(
                Consultation.status == Status.OPEN, Consultation.closes_at <= utcnow()
            )
        )
    )
    for consultation_id in ids:
        consultation, _ = await get_for_update(session, consultation_id)
        if consultation.status != Status.OPEN:
            continue
        transition(consultation, "close")
        consultation.closed_at = utcnow()
        await audit_event(
            session,
            audit.SYSTEM,
            "closed",
            consultation,
            before={"status": Status.OPEN},
            status=Status.CLOSED,
            early=False,
            reason="征求意见期限届满",
        )
    return ids


async def withdraw_consultation(
    session: AsyncSession, *, principal: Principal | None, consultation_id: int, reason: str
) -> Consultation:
    """Withdraw a consultation with a reason; its comments are kept."""
    permissions.ensure_able(principal, "withdraw")
    consultation, path = await get_for_update(session, consultation_id)
    principal = permissions.ensure(principal, "withdraw", path)
    reason = clean_text(reason, min_chars=2, max_chars=2000, what="撤回理由")
    before, after = transition(consultation, "withdraw")
    consultation.withdrawn_reason = reason
    await audit_event(
        session,
        principal.actor,
        "withdrawn",
        consultation,
        before={"status": before},
        status=after,
        reason=reason,
    )
    return consultation
