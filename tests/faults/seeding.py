"""Seed the private database fast: the services for the few rows that matter (unit, staff, consultations),
bulk inserts for the many (citizens with sessions, comments), as bench/ingest.py and
bench/review_million.py do.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any

import asyncpg
from sqlalchemy import insert, select

UNIT_CODE = "faults"
CITIZEN_PASSWORD = "citizen-pass-1"


@dataclass
class Seeded:
    """What the tests need to act as the seeded people."""

    unit_id: int
    staff_tokens: dict[str, str]  # drafter, reviewer, approver
    consultation_ids: list[int]  # open, on the demo's homestead draft
    citizen_tokens: list[str]
    extra: dict[str, Any] = field(default_factory=dict)


async def _principal(sessionmaker: Any, token: str) -> Any:
    from api.accounts import service as accounts

    async with sessionmaker() as session:
        found = await accounts.authenticate(session, token=token)
    assert found is not None, "a seeded staff token did not authenticate"
    return found.principal


async def open_consultation(sessionmaker: Any, *, drafter: Any, unit_id: int, title: str) -> int:
    """Create, import, review and publish a consultation through the services; return its id."""
    from api.demo import HOMESTEAD_DRAFT
    from consultations import service

    async def step(operation: Callable[[Any], Awaitable[Any]]) -> Any:
        async with sessionmaker() as session:  # one transaction per operation, as the mutations do
            result = await operation(session)
            await session.commit()
            return result

    consultation = await step(
        lambda s: service.create_consultation(
            s,
            principal=drafter,
            unit_id=unit_id,
            title=title,
            kind="major_decision",
            summary="规范宅基地申请审批",
            explanation="起草说明……",
            basis="《土地管理法》第六十二条",
            offline_channels="信函寄至某市自然资源和规划局法规处（邮编 310000）",
        )
    )
    cid = int(consultation.id)
    await step(
        lambda s: service.import_draft(s, principal=drafter, consultation_id=cid, text=HOMESTEAD_DRAFT)
    )
    await step(lambda s: service.submit_for_review(s, principal=drafter, consultation_id=cid))
    for kind in ("legality", "secrecy"):
        await step(
            lambda s, kind=kind: service.record_review(
                s,
                principal=drafter,
                consultation_id=cid,
                kind=kind,
                reviewer="市司法局",
                reviewed_on=date.today() - timedelta(days=1),
                passed=True,
            )
        )
    published = await step(
        lambda s: service.publish_consultation(
            s,
            principal=drafter,
            consultation_id=cid,
            closing_date=None,
            calendar=service.holiday_calendar(None),
            tz="Asia/Shanghai",
        )
    )
    assert published.status == "open", published.status
    return cid


async def seed(url: str, *, citizens: int, consultations: int) -> Seeded:
    """A unit, three staff (drafter+approver, reviewer, approver), open consultations and verified
    citizens, each with a session token."""
    from api.accounts import service as accounts
    from api.accounts.models import AuthSession, User, UserKind
    from api.db import create_engine, create_sessionmaker, utcnow
    from api.security import hash_password, new_token, token_digest

    engine = create_engine(url, pool_size=2)
    sessionmaker = create_sessionmaker(engine)
    try:
        async with sessionmaker() as session:
            unit = await accounts.create_unit(session, name="某市自然资源和规划局", code=UNIT_CODE)
            staff_tokens: dict[str, str] = {}
            for username, roles in (
                ("drafter", ("drafter", "approver")),
                ("reviewer", ("reviewer",)),
                ("approver", ("approver",)),
            ):
                user = await accounts.create_staff_user(
                    session, username=f"faults-{username}", password="staff-pass-1", display_name=username
                )
                for role in roles:
                    await accounts.grant_role(session, user_id=user.id, unit_code=UNIT_CODE, role=role)
                token = new_token()
                session.add(
                    AuthSession(
                        token_hash=token_digest(token),
                        csrf_token=new_token(),
                        user_id=user.id,
                        expires_at=utcnow() + timedelta(days=1),
                    )
                )
                staff_tokens[username] = token
            unit_id = int(unit.id)
            await session.commit()

        drafter = await _principal(sessionmaker, staff_tokens["drafter"])
        consultation_ids = [
            await open_consultation(
                sessionmaker, drafter=drafter, unit_id=unit_id, title=f"故障测试征求意见{n}"
            )
            for n in range(consultations)
        ]

        # Citizens: one argon2 hash reused, rows in bulk, sessions made directly (login is slow by design).
        password_hash = hash_password(CITIZEN_PASSWORD)
        now = utcnow()
        tokens = [new_token() for _ in range(citizens)]
        async with sessionmaker() as session:
            user_ids = (
                await session.scalars(
                    insert(User).returning(User.id, sort_by_parameter_order=True),
                    [
                        {
                            "kind": UserKind.CITIZEN.value,
                            "phone": f"139{n:08d}",
                            "display_name": f"市民{n}",
                            "password_hash": password_hash,
                            "verified_at": now,
                            "is_active": True,
                            "created_at": now,
                        }
                        for n in range(citizens)
                    ],
                )
            ).all()
            await session.execute(
                insert(AuthSession),
                [
                    {
                        "token_hash": token_digest(token),
                        "csrf_token": new_token(),
                        "user_id": user_id,
                        "created_at": now,
                        "expires_at": now + timedelta(days=1),
                    }
                    for user_id, token in zip(user_ids, tokens, strict=True)
                ],
            )
            await session.commit()
        async with sessionmaker() as session:
            check = await accounts.authenticate(session, token=tokens[0])
        assert check is not None and check.principal.verified and check.principal.contact, check
    finally:
        await engine.dispose()
    return Seeded(
        unit_id=unit_id, staff_tokens=staff_tokens, consultation_ids=consultation_ids, citizen_tokens=tokens
    )


# --- many comments, for the worker-kill tests --------------------------------------------------------

FORM_LETTERS = [
    "我们是本村村民，坚决支持这部办法。建议宅基地面积标准按家庭人口核定，人口多的家庭适当放宽，"
    "并把审批时限缩短到二十个工作日以内，审批结果在村务公开栏公示。",
    "对于因子女结婚确需分户的，希望明确分户的认定标准和所需材料，不要让群众来回跑，"
    "镇里应当设立专门窗口一次性告知。",
    "因自然灾害需要搬迁的农户，建议开辟绿色通道，由政府提供过渡期安置，搬迁后的旧宅基地依法收回复垦。",
    "进城落户的农民自愿有偿退出宅基地的，补偿标准应当公开透明，由第三方评估，不得强迫退出。",
    "村集体经济组织收取的宅基地有偿使用费，应当专款专用，收支情况每年向全体村民公开。",
    "老年人和残疾人家庭申请建房的，建议简化手续，允许委托代办，乡镇干部上门服务。",
    "建房图集应当体现本地民居风貌，免费提供给农户选用，不得强制使用某一家设计单位的图纸。",
    "违法占用耕地建房的，应当依法拆除，但对历史遗留问题要分类处理，不能一刀切。",
]
SUBJECTS = [
    "宅基地面积标准", "分户条件", "审批时限", "申请材料", "村务公示", "有偿使用费", "退出补偿", "建房图集",
    "规划选址", "耕地保护", "历史遗留问题", "监督检查", "法律责任", "过渡期安置", "农房质量安全",
    "村集体表决程序", "一户一宅认定", "继承房屋", "闲置农房盘活", "乡镇审批权限", "不动产登记",
    "建房间距", "层数和高度", "地质灾害避让", "美丽乡村建设", "公共服务配套", "举报投诉渠道",
]  # fmt: skip
CONCERNS = [
    "规定过于原则，基层难以操作", "与上位法衔接不够", "没有考虑山区实际", "群众不了解办理流程",
    "容易产生优亲厚友", "执行中标准不统一", "缺少救济途径", "对困难家庭照顾不够", "部门职责划分不清",
    "信息公开不及时", "时间要求过紧", "增加了群众负担", "缺少过渡性安排", "处罚力度偏轻",
    "条文表述有歧义", "没有规定办理时限",
]  # fmt: skip
SUGGESTIONS = [
    "建议增加具体的量化标准", "建议明确由乡镇人民政府负责", "建议公开办事指南和示范文本",
    "建议设置不少于三年的过渡期", "建议引入第三方评估", "建议建立线上办理平台", "建议听取村民代表意见",
    "建议与国土空间规划衔接", "建议对特殊困难群体给予照顾", "建议细化违法行为的认定情形",
    "建议规定超期未办的责任", "建议每年开展一次专项检查", "建议删除本条", "建议参照邻近城市的做法",
]  # fmt: skip
SIGNATURES = ["张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊", "赵敏", "黄勇", "周杰", "吴霞"]


class Corpus:
    """Form-letter copies (a campaign, lightly edited) and distinct opinions, reproducible from a seed."""

    def __init__(self, seed: int, articles: int) -> None:
        self.rng = random.Random(seed)
        self.articles = articles
        self.letter_article = [self.rng.randrange(articles) for _ in FORM_LETTERS]

    def copy(self) -> tuple[str, int | None]:
        rng = self.rng
        number = rng.choices(
            range(len(FORM_LETTERS)), weights=[1 / (r + 1) for r in range(len(FORM_LETTERS))]
        )[0]
        text = FORM_LETTERS[number]
        if rng.random() < 0.5:
            text = rng.choice(["尊敬的领导：", "各位领导：", "您好！"]) + text
        if rng.random() < 0.6:
            text += f"签名：{rng.choice(SIGNATURES)}，{rng.randint(1, 12)}组村民。"
        if rng.random() < 0.3:
            at = rng.randrange(len(text))
            text = text[:at] + chr(0x4E00 + rng.randrange(6000)) + text[at + 1 :]
        return text, self.letter_article[number] if rng.random() < 0.9 else None

    def distinct(self) -> tuple[str, int | None]:
        rng = self.rng
        parts = []
        for _ in range(rng.randint(1, 3)):
            parts.append(f"关于{rng.choice(SUBJECTS)}，{rng.choice(CONCERNS)}，{rng.choice(SUGGESTIONS)}。")
        text = "".join(parts) + f"（意见{rng.randrange(10**6)}）"
        return text, rng.randrange(self.articles) if rng.random() < 0.7 else None


async def insert_comments(
    dsn: str, *, consultation_id: int, count: int, copy_share: float, seed: int, first_receipt: int
) -> int:
    """COPY `count` online comments (sealed and segmented already, as bench/review_million.py does: the
    worker's comment job then has nothing to do) onto a consultation's current draft; return how many."""
    connection = await asyncpg.connect(dsn)
    try:
        version_id = await connection.fetchval(
            "SELECT current_version_id FROM consultations WHERE id = $1", consultation_id
        )
        article_ids = [
            row["id"]
            for row in await connection.fetch(
                "SELECT id FROM articles WHERE draft_version_id = $1 ORDER BY position", version_id
            )
        ]
        citizens = [
            row["id"] for row in await connection.fetch("SELECT id FROM users WHERE kind = 'citizen'")
        ]
        corpus = Corpus(seed, len(article_ids))
        now = datetime.now(UTC).replace(tzinfo=None)
        columns = [
            "consultation_id", "draft_version_id", "article_id", "author_id", "channel", "body",
            "receipt_code", "submitter_type", "submitter_name", "submitter_contact", "submitted_at",
            "is_late", "moderation", "moderation_reason", "flagged_terms", "content_hash", "segmented_at",
            "sealed_at",
        ]  # fmt: skip

        def records() -> Iterator[tuple[Any, ...]]:
            rng = corpus.rng
            for n in range(count):
                body, article = corpus.copy() if rng.random() < copy_share else corpus.distinct()
                at = now - timedelta(seconds=(count - n) * 0.5)
                yield (
                    consultation_id,
                    version_id,
                    article_ids[article] if article is not None else None,
                    rng.choice(citizens),
                    "online",
                    body,
                    f"CY-FLT-{first_receipt + n:012d}",
                    "individual",
                    "",
                    "",
                    at,
                    False,
                    "visible",
                    "",
                    "[]",
                    hashlib.sha256(body.encode()).hexdigest(),
                    at,
                    at,
                )

        await connection.copy_records_to_table("comments", columns=columns, records=records())
        await connection.execute("ANALYZE comments")
    finally:
        await connection.close()
    return count


async def close_consultation(url: str, *, approver_token: str, consultation_id: int) -> None:
    from api.db import create_engine, create_sessionmaker
    from consultations import service

    engine = create_engine(url, pool_size=1)
    sessionmaker = create_sessionmaker(engine)
    try:
        approver = await _principal(sessionmaker, approver_token)
        async with sessionmaker() as session:
            await service.close_consultation(
                session, principal=approver, consultation_id=consultation_id, reason="故障测试：提前结束"
            )
            await session.commit()
    finally:
        await engine.dispose()


async def staff_principal(url: str, token: str) -> Any:
    from api.db import create_engine, create_sessionmaker

    engine = create_engine(url, pool_size=1)
    try:
        return await _principal(create_sessionmaker(engine), token)
    finally:
        await engine.dispose()


async def decide_every_topic(sessionmaker: Any, *, reviewer: Any, approver: Any, consultation_id: int) -> int:
    """A reviewer proposes a disposition for every topic (in pages, as setDispositionForGroups does),
    cycling through the outcomes; an approver approves them. Returns how many topics."""
    from consultations import dispositions
    from consultations.models import GroupKind, OpinionGroup

    outcomes = [
        ("adopted", "", "已在修改稿中体现。"),
        ("partly_adopted", "", "部分内容已在修改稿中体现，其余将另行研究。"),
        ("not_adopted", "higher_law", ""),
        ("already_provided", "", "草案已有规定。"),
        ("out_of_scope", "", ""),
    ]
    async with sessionmaker() as session:
        topics = list(
            await session.scalars(
                select(OpinionGroup.id)
                .where(
                    OpinionGroup.consultation_id == consultation_id,
                    OpinionGroup.kind == GroupKind.TOPIC,
                    OpinionGroup.retired_at.is_(None),
                )
                .order_by(OpinionGroup.id)
            )
        )
    by_outcome: dict[int, list[int]] = {}
    for n, group_id in enumerate(topics):
        by_outcome.setdefault(n % len(outcomes), []).append(group_id)
    proposed: list[int] = []
    for index, group_ids in by_outcome.items():
        outcome, standard, reason = outcomes[index]
        for at in range(0, len(group_ids), dispositions.MAX_SUBJECTS):
            async with sessionmaker() as session:
                rows = await dispositions.set_dispositions(
                    session,
                    principal=reviewer,
                    subjects=[
                        dispositions.Subject(group_id=g)
                        for g in group_ids[at : at + dispositions.MAX_SUBJECTS]
                    ],
                    outcome=outcome,
                    reason=reason,
                    standard_reason=standard,
                )
                proposed.extend(row.id for row in rows)
                await session.commit()
    for at in range(0, len(proposed), 1000):
        async with sessionmaker() as session:
            await dispositions.approve_dispositions(
                session, principal=approver, disposition_ids=proposed[at : at + 1000]
            )
            await session.commit()
    return len(topics)
