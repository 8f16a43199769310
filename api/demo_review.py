"""The demo's fourth consultation, carried through the review stage by the real services and jobs: its
window closed ten days ago, aggregation grouped the comments, a reviewer proposed and an approver
approved a disposition for every group, and the adoption statement was generated and published.

The texts were written for this demo. Each comment carries the disposition the demo team gives the group
it lands in (the group of its representative comment), so the statement reads sensibly whatever the
grouping engine decides.
"""

# The Chinese texts stay unwrapped so each paragraph reads (and greps) as one line.
# ruff: noqa: E501

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.accounts.models import RoleGrant, Unit, User
from api.accounts.permissions import Grant, Principal
from api.db import transaction, utcnow
from api.demo import demo_principal, submit_demo_comments
from api.settings import Settings
from consultations import comments, dispositions, grouping, service
from consultations.jobs import run_aggregation
from consultations.models import Comment, Consultation, GroupKind, Kind, OpinionGroup, Outcome, ReviewKind
from consultations.statement import publishing

TITLE = "杭州市征收集体土地房屋补偿管理办法（征求意见稿）"
SUMMARY = "规范征收集体土地涉及的农村村民住宅补偿安置，明确补偿标准、评估程序和过渡期安排。"
DRAFT = """杭州市征收集体土地房屋补偿管理办法（征求意见稿）
第一条　为了规范征收集体土地房屋补偿工作，维护被征收人合法权益，根据《中华人民共和国土地管理法》及其实施条例，结合本市实际，制定本办法。
第二条　本办法适用于本市行政区域内征收集体土地时对农村村民住宅及其附属设施的补偿安置。
第三条　农村村民住宅补偿采取货币补偿、安置房安置或者两者结合的方式，由被征收人选择。
第四条　被征收房屋的价值由具有相应资质的房地产价格评估机构评估确定。评估机构由被征收人协商选定；协商不成的，通过摇号等随机方式确定。
第五条　选择安置房安置的，安置房交付前的过渡期一般不超过二十四个月；超过期限的，临时安置费自逾期之月起加倍支付。
第六条　被征收人在规定期限内签订补偿协议并完成搬迁的，给予搬迁奖励，奖励标准由区、县（市）人民政府制定。
第七条　补偿安置方案应当在拟征收土地所在的乡（镇）和村、村民小组范围内公告，公告时间不少于三十日。
第八条　本办法自2027年3月1日起施行。
"""
OFFLINE_CHANNELS = (
    "信函寄至杭州市规划和自然资源局征收管理处（杭州市上城区示范路100号，邮编310000），以邮戳日期为准。"
)
FORM_LETTER = "第五条规定过渡期一般不超过二十四个月太长了。农民房子拆了以后要在外面租房，老人孩子都不方便。强烈要求把过渡期缩短到十八个月以内，逾期的临时安置费从第一个月起加倍，并且写明由哪个部门负责督办。"


@dataclass(frozen=True)
class Opinion:
    article: str | None
    body: str
    outcome: Outcome
    standard_reason: str = ""
    reason: str = ""
    revised_after: str = ""


OPINIONS = (
    Opinion(
        "第五条",
        FORM_LETTER,
        Outcome.PARTLY_ADOPTED,
        reason="过渡期调整为一般不超过十八个月；督办部门由各区、县（市）人民政府确定，不在本办法中统一规定。",
        revised_after="选择安置房安置的，安置房交付前的过渡期一般不超过十八个月；超过期限的，临时安置费自逾期之月起加倍支付。",
    ),
    Opinion(
        "第四条",
        "评估机构如果由村里统一选，我们老百姓说不上话。建议每户都可以对评估结果申请复核，复核不收费，复核结果要书面告知。",
        Outcome.ADOPTED,
        revised_after="被征收房屋的价值由具有相应资质的房地产价格评估机构评估确定。评估机构由被征收人协商选定；协商不成的，通过公开摇号等随机方式确定。被征收人对评估结果有异议的，可以申请复核，复核不收取费用。",
    ),
    Opinion(
        "第四条", "摇号选评估机构要公开进行，请村民代表到场监督，摇号过程全程录像备查。", Outcome.ADOPTED
    ),
    Opinion(
        "第三条",
        "希望货币补偿和安置房可以按人口分开选择，一家人有的要钱有的要房，应当允许。",
        Outcome.NOT_ADOPTED,
        standard_reason="not_workable",
        reason="补偿安置以户为单位确定，按人分别选择将导致同一房屋重复计价。",
    ),
    Opinion(
        "第三条",
        "货币补偿的标准每年要公布一次，跟周边商品房价格挂钩。",
        Outcome.ALREADY_PROVIDED,
        reason="区片综合地价和住房补偿标准已按省规定定期公布。",
    ),
    Opinion(
        "第六条",
        "搬迁奖励的标准全市应该统一，不然相邻两个区差别太大，老百姓会有意见。",
        Outcome.NOT_ADOPTED,
        standard_reason="beyond_authority",
        reason="各区、县（市）经济条件差别较大，奖励标准由其根据实际制定更为合适。",
    ),
    Opinion(
        "第七条",
        "公告三十天时间可以，但是要同时在村微信群和政府网站公布，方便在外打工的人知道。",
        Outcome.ADOPTED,
        revised_after="补偿安置方案应当在拟征收土地所在的乡（镇）和村、村民小组范围内公告，并同时在政府网站和村务公开平台发布，公告时间不少于三十日。",
    ),
    Opinion(
        "第二条",
        "附属设施里面应当写明包括围墙、水井和果树，以前经常为这些扯皮。",
        Outcome.ALREADY_PROVIDED,
        standard_reason="higher_law",
        reason="地上附着物和青苗的补偿已由省有关规定明确列举。",
    ),
    Opinion(
        None,
        "办法总体很好，建议在施行前组织到各村宣讲，让大家都看得懂。",
        Outcome.OUT_OF_SCOPE,
        reason="将在施行前会同各区、县（市）组织政策宣讲。",
    ),
    Opinion(
        None,
        "建议同时出台征收集体土地上非住宅房屋的补偿办法，比如村里的厂房和仓库。",
        Outcome.OUT_OF_SCOPE,
        standard_reason="study_separately",
        reason="非住宅房屋补偿将另行研究制定。",
    ),
)
FORM_LETTER_SIGNERS = (2, 5, 7, 10, 13, 16)  # demo citizens who send the form letter (besides the first)
SIGNATURE_EDITS = ("", "  萧山区 村民", "（请领导重视）", "", "恳请采纳！", "")


async def citizen_principals(session: AsyncSession) -> list[Principal]:
    users = (await session.scalars(select(User).where(User.kind == "citizen").order_by(User.id))).all()
    return [demo_principal(user) for user in users]


async def staff_principals(
    session: AsyncSession, usernames: tuple[str, ...] = ("drafter", "reviewer", "approver")
) -> dict[str, Principal]:
    staff = {}
    for username in usernames:
        user = (await session.scalars(select(User).where(User.username == username))).one()
        rows = await session.execute(
            select(RoleGrant.role, Unit.id, Unit.path)
            .join(Unit, Unit.id == RoleGrant.unit_id)
            .where(RoleGrant.user_id == user.id)
        )
        staff[username] = demo_principal(
            user, tuple(Grant(role=r, unit_id=u, unit_path=p) for r, u, p in rows)
        )
    return staff


async def _open_and_collect(session: AsyncSession, settings: Settings, staff: dict[str, Principal]) -> int:
    """Create, review and publish the consultation, collect the comments, then move its window into
    the past (as if published 40 days ago) and let the deadline sweep close it."""
    drafter, reviewer, approver = staff["drafter"], staff["reviewer"], staff["approver"]
    city = await session.scalar(select(Unit.id).where(Unit.code == "hz-ghzy"))
    assert city is not None
    consultation = await service.create_consultation(
        session,
        principal=drafter,
        unit_id=city,
        title=TITLE,
        kind=Kind.MAJOR_DECISION,
        summary=SUMMARY,
        explanation="为落实新修订的土地管理法实施条例，统一全市征收集体土地房屋补偿安置规则，起草本办法。",
        basis="《中华人民共和国土地管理法》第四十八条；《中华人民共和国土地管理法实施条例》第三十二条。",
        offline_channels=OFFLINE_CHANNELS,
    )
    await service.import_draft(session, principal=drafter, consultation_id=consultation.id, text=DRAFT)
    await service.submit_for_review(session, principal=drafter, consultation_id=consultation.id)
    today = service.today_in(settings.timezone)
    for kind, who in ((ReviewKind.LEGALITY, "杭州市司法局 合法性审查处"), (ReviewKind.SECRECY, "市局保密办")):
        await service.record_review(
            session,
            principal=reviewer,
            consultation_id=consultation.id,
            kind=kind,
            reviewer=who,
            reviewed_on=today,
            passed=True,
        )
    await service.publish_consultation(
        session,
        principal=approver,
        consultation_id=consultation.id,
        closing_date=None,
        channels=[
            {
                "channel": "杭州市人民政府门户网站",
                "url": "https://www.hangzhou.gov.cn/demo/zhengshou",
                "published_on": today - timedelta(days=40),  # the window is moved 40 days back below
            }
        ],
        calendar=service.holiday_calendar(settings.calendar_file),
        tz=settings.timezone,
    )
    articles = {
        label: article_id
        for label, article_id in (
            await session.execute(
                select(service.Article.label, service.Article.id).where(
                    service.Article.draft_version_id == consultation.current_version_id
                )
            )
        ).all()
    }
    citizens = await citizen_principals(session)
    submissions = [(citizens[i + 3], o.article, o.body) for i, o in enumerate(OPINIONS)]
    submissions += [
        (citizens[i], "第五条", FORM_LETTER + edit)
        for i, edit in zip(FORM_LETTER_SIGNERS, SIGNATURE_EDITS, strict=True)
    ]
    await submit_demo_comments(session, settings, consultation.id, articles, submissions, "demo-review")
    # History: published 40 days ago, comments spread over the window, closed ten days ago.
    now = utcnow()
    opened, closing_day = now - timedelta(days=40), today - timedelta(days=10)
    await session.execute(
        update(Consultation)
        .where(Consultation.id == consultation.id)
        .values(
            opens_at=opened,
            published_at=opened,
            closing_date=closing_day,
            closes_at=now - timedelta(days=9, hours=12),
        )
    )
    # Whole milliseconds, as comments are stored, and the content hash follows the new time (it is what
    # the comment's seal will cover).
    opened = opened.replace(microsecond=opened.microsecond // 1000 * 1000)
    rows = await session.scalars(
        select(Comment).where(Comment.consultation_id == consultation.id).order_by(Comment.id)
    )
    for number, comment in enumerate(rows.all()):
        comment.submitted_at = opened + timedelta(days=1 + number)
        comment.content_hash = comments.content_hash(comment)
    await session.flush()
    await service.close_due(session)
    return consultation.id


async def _decide_every_group(
    sessionmaker: async_sessionmaker[AsyncSession], consultation_id: int, staff: dict[str, Principal]
) -> None:
    intended = {o.body: o for o in OPINIONS}
    async with transaction(sessionmaker) as session:
        topics = (
            await session.execute(
                select(OpinionGroup.id, Comment.body)
                .join(Comment, Comment.id == OpinionGroup.representative_id)
                .where(
                    OpinionGroup.consultation_id == consultation_id,
                    OpinionGroup.kind == GroupKind.TOPIC,
                    OpinionGroup.retired_at.is_(None),
                )
            )
        ).all()
        proposed = []
        for group_id, body in topics:
            opinion = intended.get(body) or next(o for o in OPINIONS if body.startswith(o.body[:20]))
            revised = None
            if opinion.revised_after:
                revised = await session.scalar(
                    select(service.Article.id)
                    .join(Consultation, Consultation.current_version_id == service.Article.draft_version_id)
                    .where(Consultation.id == consultation_id, service.Article.label == opinion.article)
                )
            row = await dispositions.set_disposition(
                session,
                principal=staff["reviewer"],
                subject=dispositions.Subject(group_id=group_id),
                outcome=opinion.outcome,
                reason=opinion.reason,
                standard_reason=opinion.standard_reason,
                revised_article_id=revised,
                revised_after=opinion.revised_after,
            )
            proposed.append(row.id)
        await dispositions.approve_dispositions(
            session, principal=staff["approver"], disposition_ids=proposed
        )


async def load(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings) -> int:
    """Carry the fourth demo consultation from publication to a published statement (once)."""
    context: dict[str, Any] = {"sessionmaker": sessionmaker, "settings": settings}
    async with transaction(sessionmaker) as session:
        if await session.scalar(select(Consultation.id).where(Consultation.title == TITLE)) is not None:
            return 0
        staff = await staff_principals(session)
        consultation_id = await _open_and_collect(session, settings, staff)
    async with transaction(sessionmaker) as session:
        run, _ = await grouping.request_aggregation(
            session, principal=staff["reviewer"], consultation_id=consultation_id
        )
    await run_aggregation(context, run.id)
    await _decide_every_group(sessionmaker, consultation_id, staff)
    async with transaction(sessionmaker) as session:
        run, _ = await publishing.request_generation(
            session, principal=staff["reviewer"], consultation_id=consultation_id
        )
    await publishing.generate_statement(context, run.id)
    async with transaction(sessionmaker) as session:
        await publishing.publish_statement(
            session, principal=staff["approver"], consultation_id=consultation_id, version=1
        )
    print(f"""  review stage:   #{consultation_id} {TITLE} — closed, grouped, every group decided,
                  adoption statement v1 published: /statements/{consultation_id}/v1.pdf""")
    return 0
