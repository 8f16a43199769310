"""Demo: a legislative hearing on the homestead measures, with registrations, a completed verifiable draw,
a published participant list and invited observers (one accepted, one declined, one not yet answered).

Registration needs its window open and the draw needs it closed, so the demo moves the window the way
time would: it is published with registration opening tomorrow, then the window is set to have opened a
week ago (the citizens register), then to have closed an hour ago (the organizer draws).
"""

import hashlib
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from api.db import transaction, utcnow
from api.demo import HOMESTEAD_TITLE
from api.demo_review import citizen_principals, staff_principals
from api.settings import Settings
from consultations.models import Consultation
from hearings import observers, registration, service
from hearings.models import Hearing, HearingKind, ObserverCategory, ParticipantCategory, SelectionMethod

TITLE = "《杭州市农村宅基地管理办法（征求意见稿）》立法听证会"
# The organizer's secret seed: only its SHA-256 is public until the draw reveals it.
DEMO_SEED = "hz-ghzy-2026-宅基地听证-7f3a9c"
SELECTION_RULES = (
    "一、报名人数未超过某一类别名额的，该类别报名人员均确定为听证参加人。\n"
    "二、报名人数超过名额的，按类别以抽签方式确定：组织者在报名期间公布随机种子的SHA-256哈希值，"
    "报名截止后公开种子原文，按《听证参加人抽签算法》计算并公布结果，任何人均可复核。\n"
    "三、未被抽中的报名人员按抽签顺序列入候补名单；参加人取消报名的，由同类别候补人员依次递补。\n"
    "四、报名人员在报名时可选择是否同意在参加人名单中公布姓名；不同意的，以“张*”形式公布。"
)
AGENDA = (
    "一、主持人宣布听证事项和听证纪律；\n二、起草单位说明草案主要内容及依据；\n"
    "三、听证参加人陈述意见；\n四、询问、质证和辩论；\n五、听证参加人最后陈述；\n六、确认听证笔录并签字。"
)
QUOTAS = (
    (ParticipantCategory.INTERESTED_PARTY, 4),
    (ParticipantCategory.PUBLIC, 3),
    (ParticipantCategory.EXPERT, 2),
    (ParticipantCategory.SOCIAL_ORGANIZATION, 1),
)
# (citizen index in api/demo.py CITIZENS, category, wishes to speak, consents to be named, position)
APPLICANTS = (
    (0, ParticipantCategory.INTERESTED_PARTY, True, True, "支持一户一宅，建议面积按人口分档。"),
    (1, ParticipantCategory.INTERESTED_PARTY, True, False, "分户条件应考虑赡养老人的实际需要。"),
    (2, ParticipantCategory.INTERESTED_PARTY, True, True, "外出务工人员的宅基地不应被收回。"),
    (3, ParticipantCategory.INTERESTED_PARTY, False, True, ""),
    (4, ParticipantCategory.INTERESTED_PARTY, True, False, "宅基地有偿退出的补偿标准明显偏低。"),
    (5, ParticipantCategory.INTERESTED_PARTY, True, True, "宅基地审批时限应当在办法中明确规定。"),
    (6, ParticipantCategory.INTERESTED_PARTY, False, False, ""),
    (7, ParticipantCategory.PUBLIC, True, True, "建议公开每年的宅基地审批结果。"),
    (8, ParticipantCategory.PUBLIC, False, False, ""),
    (9, ParticipantCategory.PUBLIC, True, True, "农房出租期限应当与民法典的规定衔接。"),
    (10, ParticipantCategory.PUBLIC, True, False, "闲置宅基地盘活应防止变相买卖。"),
    (11, ParticipantCategory.PUBLIC, False, True, ""),
    (12, ParticipantCategory.EXPERT, True, True, "土地管理法第六十二条的衔接问题。"),
    (13, ParticipantCategory.SOCIAL_ORGANIZATION, True, True, "村集体经济组织在审批中的作用。"),
)
OBSERVERS = (
    # (category, name, organization, contact, answer: True accept / False decline / None not yet)
    (ObserverCategory.NPC_DEPUTY, "孙立群", "杭州市人大代表", "sun.liqun@example.com", True),
    (ObserverCategory.MEDIA, "杭州日报记者", "杭州日报社", "news@example.com", False),
    (ObserverCategory.EXPERT, "何教授", "浙江大学土地管理系", "he.prof@example.com", None),
)


async def _shift_registration(
    session: AsyncSession, hearing_id: int, *, opened_days_ago: int, closed: bool
) -> None:
    """Move the hearing's clock as time would have: the notice and the seed's commitment a day before
    registration opened, and registration still open or closed an hour ago."""
    now = utcnow()
    opened = now - timedelta(days=opened_days_ago)
    await session.execute(
        update(Hearing)
        .where(Hearing.id == hearing_id)
        .values(
            published_at=opened - timedelta(days=1),
            seed_committed_at=opened - timedelta(days=1),
            registration_opens_at=opened,
            registration_closes_at=now - timedelta(hours=1) if closed else now + timedelta(days=6),
        )
    )


async def load(sessionmaker: async_sessionmaker[AsyncSession], settings: Settings) -> int:
    """Create the demo hearing and carry it through registration, the draw and invitations (once)."""
    tz = settings.timezone
    async with transaction(sessionmaker) as session:
        if await session.scalar(select(Hearing.id).where(Hearing.title == TITLE)) is not None:
            return 0
        organizer = (await staff_principals(session, ("organizer",)))["organizer"]
        consultation = (
            await session.scalars(select(Consultation).where(Consultation.title == HOMESTEAD_TITLE))
        ).one()
        now = utcnow()
        hearing = await service.create_hearing(
            session,
            principal=organizer,
            draft=service.HearingDraft(
                unit_id=consultation.unit_id,
                kind=HearingKind.HEARING,
                title=TITLE,
                consultation_id=consultation.id,
                agenda=AGENDA,
                starts_at=now + timedelta(days=21),
                ends_at=now + timedelta(days=21, hours=3),
                venue="杭州市规划和自然资源局一楼报告厅（演示地址）",
                stream_url="https://live.example.gov.cn/hz-ghzy/homestead-hearing",
                registration_opens_at=now + timedelta(days=1),
                registration_closes_at=now + timedelta(days=8),
                categories=tuple(service.CategoryQuota(code, quota) for code, quota in QUOTAS),
                selection_rules=SELECTION_RULES,
                selection_method=SelectionMethod.DRAW,
                is_public=True,
                public_methods=("livestream", "audience"),
                observers_invited=True,
            ),
        )
        hearing_id = hearing.id
        await registration.commit_draw_seed(
            session,
            principal=organizer,
            hearing_id=hearing_id,
            seed_sha256=hashlib.sha256(DEMO_SEED.encode()).hexdigest(),
        )
        await service.publish_hearing(
            session,
            principal=organizer,
            hearing_id=hearing_id,
            notice_days_setting=settings.hearing_notice_days,
        )
        await _shift_registration(session, hearing_id, opened_days_ago=7, closed=False)

    async with transaction(sessionmaker) as session:
        citizens = await citizen_principals(session)
        for index, category, speaks, named, position in APPLICANTS:
            citizen = citizens[index]
            await registration.register_for_hearing(
                session,
                principal=citizen,
                form=registration.RegistrationForm(
                    hearing_id=hearing_id,
                    category=category,
                    name=citizen.display_name,
                    organization="龙坞村股份经济合作社"
                    if category == ParticipantCategory.SOCIAL_ORGANIZATION
                    else "",
                    wishes_to_speak=speaks,
                    position_summary=position,
                    consent_to_be_named=named,
                ),
                tz=tz,
            )
        await _shift_registration(session, hearing_id, opened_days_ago=8, closed=True)

    async with transaction(sessionmaker) as session:
        await registration.draw_participants(
            session, principal=organizer, hearing_id=hearing_id, seed=DEMO_SEED, tz=tz
        )
        await registration.publish_participant_list(session, principal=organizer, hearing_id=hearing_id)
        answers = []
        for observer_category, name, organization, contact, answer in OBSERVERS:
            _invitation, link = await observers.invite_observer(
                session,
                principal=organizer,
                draft=observers.InvitationDraft(
                    hearing_id=hearing_id,
                    category=observer_category,
                    name=name,
                    contact=contact,
                    organization=organization,
                ),
                base_url=settings.public_base_url,
                tz=tz,
            )
            answers.append((link.rsplit("/", 1)[1], answer))
    for token, answer in answers:
        if answer is None:
            continue
        async with transaction(sessionmaker) as session:
            await observers.respond_to_invitation(
                session, token=token, accept=answer, note="" if answer else "当天另有采访任务"
            )
    print(
        f"""  hearing:        #{hearing_id} {TITLE} — {len(APPLICANTS)} registrations,
                  draw done (seed revealed), participant list published, {len(OBSERVERS)} observers invited"""
    )
    return 0
