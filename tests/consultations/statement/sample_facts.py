"""A small hand-made facts set whose figures are counted by hand in the tests (see test_figures.py)."""

import dataclasses
from datetime import UTC, date, datetime

from consultations.statement.facts import (
    ArticleFact,
    CommentFact,
    ConsultationFact,
    GroupFact,
    HearingFact,
    StatementFacts,
)

OFFICE_PHONE = "0571-87001234"
OFFICE_EMAIL = "zrj@hz.gov.cn"
PUBLICATION_URL = "https://www.hangzhou.gov.cn/art/2026/3/1/art_1229_13912345678.html"
TITLE = "某市农村宅基地管理办法"
STATEMENT_TITLE = "关于《某市农村宅基地管理办法（征求意见稿）》公开征求意见采纳情况的说明"

# Personal data planted in comment texts: none of it may reach any rendering.
PLANTED = {
    "mobile": "13800138000",
    "id_card": "330106199001011234",
    "email": "lisi@example.com",
    "name": "张三",
    "village_address": "城东村3组15号",
    "letter_writer": "赵六",  # the name recorded for an offline letter (author_key)
    "hearing_speaker": "孙八",
}

CONSULTATION = ConsultationFact(
    id=7,
    title=TITLE + "（征求意见稿）",
    unit_name="某市自然资源和规划局",
    kind="normative_document",
    opens_at=datetime(2026, 3, 1, 0, 0, tzinfo=UTC),
    closes_at=datetime(2026, 3, 31, 16, 0, tzinfo=UTC),
    closing_date=date(2026, 3, 31),
    period_days=30,
    shortened_reason="",
    publication_channels=(("某市人民政府门户网站", PUBLICATION_URL, "2026年3月1日"),),
    offline_channels=f"联系电话：{OFFICE_PHONE}；电子邮箱：{OFFICE_EMAIL}；联系人：周九",
    disclosure="proactive",
    secrecy_review="保密审查：市自然资源和规划局办公室，2026年4月9日",
)

ARTICLES = (
    ArticleFact(1, 1, "第一条", "立法目的", "为了加强农村宅基地管理，制定本办法。"),
    ArticleFact(2, 2, "第二条", "适用范围", "本办法适用于本市行政区域内农村宅基地的管理。"),
    ArticleFact(3, 3, "第三条", "面积标准", "农村村民一户只能拥有一处宅基地，面积不得超过120平方米。"),
)

GROUPS = (
    GroupFact(
        id=10,
        title="放宽面积标准",
        summary="建议将每户宅基地面积上限由120平方米提高到150平方米",
        article_id=3,
        representative_text=(
            "我是张三，家住城东村3组15号，电话13800138000。建议第三条面积提高到150平方米，2026年3月5日提出。"
        ),
        keywords=("面积", "宅基地"),
        disposition="partly_adopted",
        reason="综合考虑耕地保护要求，上限调整为140平方米",
        revised_before="面积不得超过120平方米。",
        revised_after="面积不得超过140平方米。",
    ),
    GroupFact(
        id=11,
        title="明确适用范围",
        summary="",
        article_id=2,
        representative_text="建议明确本办法是否适用于城中村。我的邮箱 lisi@example.com",
        keywords=("城中村",),
        disposition="adopted",
        reason="",
    ),
    GroupFact(
        id=12,
        title="延长征求意见期",
        summary="",
        article_id=None,
        representative_text="村民李四建议延长征求意见期限。<script>alert('x')</script>",
        keywords=("期限",),
        disposition="not_adopted",
        reason="征求意见期限符合规定",
    ),
    GroupFact(
        id=13,
        title="取消面积限制",
        summary="",
        article_id=3,
        representative_text="身份证330106199001011234，本人认为应取消面积限制。\n此致\n敬礼\n赵六",
        keywords=("面积",),
        disposition="out_of_scope",
        reason="已与来信人赵六沟通说明",
    ),
)


def _comment(
    id: int,
    author: str,
    channel: str,
    kind: str,
    article: int | None,
    topic: int,
    disposition: str,
    *,
    campaign: int | None = None,
    late: bool = False,
    reason: str = "",
) -> CommentFact:
    return CommentFact(id, author, channel, kind, article, late, topic, campaign, disposition, reason)


COMMENTS = (
    _comment(1, "user:1", "online", "individual", 3, 10, "partly_adopted", campaign=100),
    _comment(2, "user:2", "online", "individual", 3, 10, "partly_adopted", campaign=100),
    _comment(3, "user:3", "online", "individual", 3, 10, "partly_adopted", campaign=100),
    _comment(4, "offline:letter:赵六", "letter", "individual", 3, 10, "partly_adopted"),
    _comment(5, "user:1", "online", "individual", 2, 11, "adopted"),
    _comment(6, "offline:email:some@x.com", "email", "enterprise", 2, 11, "adopted"),
    _comment(7, "user:4", "online", "organization", None, 12, "not_adopted"),
    _comment(8, "user:5", "online", "individual", None, 12, "not_adopted", late=True),
    _comment(9, "offline:symposium:钱七", "symposium", "individual", 3, 13, "out_of_scope"),
    _comment(10, "user:2", "online", "individual", 3, 13, "already_provided", reason="第五条已有规定"),
    _comment(11, "user:6", "online", "enterprise", 2, 11, "not_adopted", reason="与上位法不一致"),
)

HEARING = HearingFact(
    title="宅基地管理办法座谈会",
    kind="symposium",
    held_on=date(2026, 3, 20),
    participants_by_category={"村民代表": 6, "专家": 2},
    observers_by_category={"媒体": 1},
    selection_method="自愿报名，随机抽取",
    main_points=("村民孙八提出，面积标准应考虑家庭人口。",),
    handling="已在第三条修改中统筹考虑",
)

GENERATED_AT = datetime(2026, 4, 10, 2, 0, tzinfo=UTC)


def sample_facts(**changes: object) -> StatementFacts:
    facts = StatementFacts(
        consultation=CONSULTATION,
        articles=ARTICLES,
        groups=GROUPS,
        comments=COMMENTS,
        hearings=(HEARING,),
        generated_at=GENERATED_AT,
    )
    return dataclasses.replace(facts, **changes)  # type: ignore[arg-type]
