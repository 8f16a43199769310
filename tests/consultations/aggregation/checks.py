"""Shared checks and sample comments for the aggregation tests."""

from collections import Counter

from consultations.aggregation.types import AggregationResult, TextItem

# A form letter and hand-edited copies of it, as they arrive in a real campaign.
FORM_LETTER = (
    "我们强烈反对将村东头的集体经营性建设用地调整为工业用地。该地块紧邻村民居住区和小学，"
    "工厂建成后噪声和废气将严重影响村民生活和孩子健康。请规划部门重新论证选址，并召开听证会听取村民意见。"
)
WORD_CHANGED = FORM_LETTER.replace("强烈", "坚决").replace("严重影响", "极大影响")
NAME_INSERTED = "尊敬的领导：您好！" + FORM_LETTER + "此致敬礼。东风村五组村民王建国，联系电话13812345678。"
SENTENCES = FORM_LETTER.rstrip("。").split("。")
REORDERED = "。".join([SENTENCES[2], SENTENCES[0], SENTENCES[1]]) + "。"
TRADITIONAL = "我們強烈反對將村東頭的集體經營性建設用地調整為工業用地。該地塊緊鄰村民居住區和小學，" + (
    "工廠建成後噪聲和廢氣將嚴重影響村民生活和孩子健康。請規劃部門重新論證選址，並召開聽證會聽取村民意見。"
)
FULL_WIDTH = FORM_LETTER.replace("。", "．") + "　ＡＢＣ"

# Distinct opinions on the homestead rules.
COMPENSATION_1 = "宅基地有偿退出的补偿标准太低，建议参照区片综合地价提高补偿，并给予安置房。"
COMPENSATION_2 = "宅基地有偿退出补偿标准偏低，希望参照区片综合地价提高补偿标准。"
AREA = "一户一宅的面积标准应当考虑人口多的家庭，五口以上的户建房面积可以适当增加。"
DEADLINE = "第五条的施行日期太早，基层来不及准备，建议推迟半年施行。"
FARMLAND = "宅基地退出后复垦的耕地应当优先用于耕地占补平衡，并保证复垦质量。"
ROADS = "村里的道路太窄，消防车进不来，希望村庄规划里把主干道拓宽到六米。"


def assert_invariants(items: list[TextItem], result: AggregationResult) -> None:
    """The output rules every aggregation result must follow."""
    ids = [item.id for item in items]
    article_of = {item.id: item.article for item in items}
    in_campaign = Counter(member for campaign in result.campaigns for member in campaign.members)
    assert all(count == 1 for count in in_campaign.values()), "a comment is in at most one campaign"
    copies = set()
    for campaign in result.campaigns:
        assert len(campaign.members) >= 2
        assert campaign.members[0] == campaign.representative
        copies.update(campaign.members[1:])
    in_topic = Counter(member for topic in result.topics for member in topic.members)
    expected = {item_id for item_id in ids if item_id not in copies}
    assert set(in_topic) == expected, "every comment but non-representative copies is in a topic"
    assert all(count == 1 for count in in_topic.values()), "in exactly one topic"
    for topic in result.topics:
        assert topic.members[0] == topic.representative
        assert {article_of[m] for m in topic.members} == {topic.article}, "topics never mix articles"
    assert set(in_campaign) | set(in_topic) <= set(ids)
