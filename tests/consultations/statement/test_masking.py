"""Masking of each kind of personal data, and no over-masking of ordinary statement text."""

import pytest

from consultations.statement.masking import (
    ADDRESS,
    CONTACT_NUMBER,
    EMAIL,
    ID_CARD,
    LANDLINE,
    MOBILE,
    NAME,
    find_personal_data,
    mask_name,
    mask_personal_data,
)


@pytest.mark.parametrize(
    ("text", "secret", "kind"),
    [
        ("我的电话13800138000，请回复", "13800138000", MOBILE),
        ("联系：+86 138-0013-8000", "0013-8000", MOBILE),
        ("可拨打 (+86)139 1234 5678 联系", "1234 5678", MOBILE),
        ("全角１３９１２３４５６７８也算", "１３９１２３４５６７８", MOBILE),
        ("座机0571-8888 8888转分机", "8888 8888", LANDLINE),
        ("（010）12345678", "12345678", LANDLINE),
        ("身份证号33010619900101123X。", "33010619900101123X", ID_CARD),
        ("号码330106199001011234", "330106199001011234", ID_CARD),
        ("电话 87654321 白天可打", "87654321", CONTACT_NUMBER),
        ("QQ：123456789", "123456789", CONTACT_NUMBER),
        ("邮箱 zhang.san+cy@mail.example.com.cn 谢谢", "zhang.san", EMAIL),
        ("家住浙江省杭州市西湖区文三路123号2幢3单元501室", "文三路123号", ADDRESS),
        ("我住城东村3组15号", "3组15号", ADDRESS),
        ("李家村五组的意见", "李家村五组", ADDRESS),
        ("阳光小区3幢2单元501室", "501室", ADDRESS),
    ],
)
def test_masks_numbers_emails_and_addresses(text: str, secret: str, kind: str) -> None:
    masked = mask_personal_data(text)
    assert secret not in masked
    assert kind in {finding.kind for finding in find_personal_data(text)}
    assert find_personal_data(masked) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("我是张三，我认为", "我是张*，我认为"),
        ("我叫欧阳小明", "我叫欧阳**"),
        ("村民李四建议修改第三条", "村民李*建议修改第三条"),
        ("村民王建国反映", "村民王**反映"),
        ("联系人：王五", "联系人：王*"),
        ("姓名: 刘德华", "姓名: 刘**"),
        ("张三（签名）", "张*（签名）"),
        ("欧阳修(签字)", "欧阳*(签字)"),
        ("——孙八", "——孙*"),
        ("建议如上。\n此致\n敬礼\n赵六", "建议如上。\n此致\n敬礼\n赵*"),
        ("建议如上。\n钱七\n2026年3月1日", "建议如上。\n钱*\n2026年3月1日"),
        ("建议如上。\n周九 敬上", "建议如上。\n周* 敬上"),
        ("建议修改第三条。\n吴十一", "建议修改第三条。\n吴**"),  # a bare name closing a letter
    ],
)
def test_masks_names_keeping_the_surname(text: str, expected: str) -> None:
    assert mask_personal_data(text) == expected


def test_address_masking_keeps_the_words_before_it() -> None:
    assert mask_personal_data("我家住西湖区文三路123号，") == "我家住***，"
    assert mask_personal_data("我住在城东村3组15号") == "我住在***"


def test_known_submitter_names_are_masked_anywhere() -> None:
    assert mask_personal_data("老郑说赵六的意见很好", known_names={"赵六"}) == "老郑说赵*的意见很好"


def test_mask_name() -> None:
    assert mask_name("张三") == "张*"
    assert mask_name("欧阳修") == "欧阳*"
    assert mask_name("李小明") == "李**"
    assert mask_name("Zhang") == "Z****"


@pytest.mark.parametrize(
    "text",
    [
        "第十二条规定，本办法自2026年3月1日起施行。",
        "征求意见期30日，截止时间为2026年3月31日24时。",
        "共收到95人（人次）提出的277条意见，其中来信12封。",
        "依据国办发〔2016〕80号文件和《重大行政决策程序暂行条例》第十五条。",
        "本市行政区域内农村宅基地面积不得超过120平方米，第三章第二十条。",
        "我是本市居民，我是一名教师，本人强烈建议修改。村民代表大会和居民委员会讨论。",
        "有的提出，建议将每户宅基地面积上限由120平方米提高到150平方米。（共4条，4人提出）",
        "采纳和部分采纳的意见占54.5%。网上留言 6人 8条\n信函 1人 1条",
        "https://www.gov.cn/zhengce/2026-03/01/content_5912345.htm",
        "此致\n敬礼",
    ],
)
def test_leaves_ordinary_text_alone(text: str) -> None:
    assert mask_personal_data(text) == text
    assert find_personal_data(text) == []


def test_findings_carry_masked_excerpts_only() -> None:
    findings = find_personal_data("我是张三，电话13800138000，身份证330106199001011234")
    assert [finding.kind for finding in findings] == [NAME, MOBILE, ID_CARD]
    for finding in findings:
        assert "13800138000" not in finding.excerpt
        assert "张三" not in finding.excerpt
        assert "330106199001011234" not in finding.excerpt


def test_trusted_official_contacts_are_kept_but_names_never() -> None:
    official = "联系电话：0571-87001234；电子邮箱：zrj@hz.gov.cn；联系人：周九"
    assert mask_personal_data(official, trusted=[official]) == (
        "联系电话：0571-87001234；电子邮箱：zrj@hz.gov.cn；联系人：周*"
    )
    assert [f.kind for f in find_personal_data("请致电0571-87001234", trusted=[official])] == []
    assert [f.kind for f in find_personal_data("请致电0571-87001235", trusted=[official])] == [LANDLINE]
