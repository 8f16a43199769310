"""The statement's structure follows the outline in rules.md."""

import dataclasses

from consultations.statement.document import (
    ANNEX_COLUMNS,
    Heading,
    Paragraph,
    Section,
    StatementDocument,
    Table,
    build_statement,
    chinese_ordinal,
)

from .sample_facts import CONSULTATION, STATEMENT_TITLE, sample_facts


def texts(section: Section) -> list[str]:
    return [block.text for block in section.blocks if isinstance(block, Paragraph | Heading)]


def section(document: StatementDocument, title_part: str) -> Section:
    return next(s for s in document.sections if title_part in s.title)


def test_title_sections_and_metadata() -> None:
    document = build_statement(sample_facts())
    assert document.title == STATEMENT_TITLE  # the stored title's 征求意见稿 suffix is not doubled
    assert [s.title for s in document.sections] == [
        "一、基本情况",
        "二、总体采纳情况",
        "三、主要意见及采纳情况",
        "四、未采纳意见及理由",
        "五、听证会、座谈会及列席会议意见处理情况",
        "六、联系方式及下一步工作",
    ]
    assert dict(document.metadata) == {
        "发布机关": "某市自然资源和规划局",
        "成文日期": "2026年4月10日",
        "决策事项类型": "规范性文件",
        "公开属性": "主动公开",
        "保密审查": "市自然资源和规划局办公室，2026年4月9日",
        "版本": "第1版",
    }
    assert document.preamble == ()


def test_without_hearings_the_contact_section_is_fifth() -> None:
    document = build_statement(sample_facts(hearings=()))
    assert [s.title for s in document.sections][-1] == "五、联系方式及下一步工作"
    assert not any("听证会" in s.title for s in document.sections)


def test_overview_states_period_channels_and_totals() -> None:
    overview = "\n".join(texts(section(build_statement(sample_facts()), "基本情况")))
    assert "2026年3月1日至2026年3月31日" in overview
    assert "征求意见期30日" in overview
    assert "https://www.hangzhou.gov.cn/" in overview
    assert "还通过信函、电子邮件、座谈会等方式听取意见" in overview
    assert "共收到9人（人次）提出的11条意见，其中来信1封" in overview
    assert "截止时间后收到1条" in overview
    assert "意见1组、共3条" in overview
    assert "少于30日" not in overview

    shortened = dataclasses.replace(CONSULTATION, period_days=15, shortened_reason="汛期前须完成修订")
    overview = "\n".join(texts(section(build_statement(sample_facts(consultation=shortened)), "基本情况")))
    assert "征求意见期限少于30日，原因是：汛期前须完成修订。" in overview


def test_overall_section() -> None:
    overall = section(build_statement(sample_facts()), "总体采纳情况")
    assert texts(overall)[0] == (
        "经逐条研究，采纳2条，部分采纳4条，未采纳3条，其他2条（已有规定或已说明1条、不属于本次范围1条）；"
        "采纳和部分采纳的意见占54.5%。"
    )
    per_article = next(b for b in overall.blocks if isinstance(b, Table) and b.caption == "按条款统计")
    assert per_article.rows[2] == ("第三条（面积标准）", "5人", "6条", "4条", "66.7%")


def test_main_comments_by_article_then_whole_draft() -> None:
    main = texts(section(build_statement(sample_facts()), "主要意见"))
    headings = [text for text in main if text.startswith("（")]
    assert headings == [
        "（一）关于第二条（适用范围）的意见",
        "（二）关于第三条（面积标准）的意见",
        "（三）关于草案整体及其他的意见",
    ]
    third = main[main.index(headings[1]) + 1 :]
    assert third[0] == ("1. 有的提出，建议将每户宅基地面积上限由120平方米提高到150平方米。（共4条，4人提出）")
    assert third[1].startswith("代表性意见：“我是张*，家住***，电话***********。")
    assert third[2] == "处理情况：部分采纳。综合考虑耕地保护要求，上限调整为140平方米。"
    assert third[3:5] == ["修改前：面积不得超过120平方米。", "修改后：面积不得超过140平方米。"]
    assert "（其中1条不予采纳，经逐条研究另行处理。）" in "\n".join(main)


def test_not_adopted_most_shared_first_with_reasons() -> None:
    rejected = texts(section(build_statement(sample_facts()), "未采纳意见"))
    assert rejected[1].startswith("1. 关于第三条（面积标准）：有的提出，建议将每户")
    assert rejected[1].endswith("（共4条，部分采纳）")
    assert rejected[2] == "理由：综合考虑耕地保护要求，上限调整为140平方米。"
    assert rejected[3] == "2. 关于草案整体：有的提出，村民李*建议延长征求意见期限。（共2条，不予采纳）"
    assert rejected[4] == "理由：征求意见期限符合规定。"
    assert rejected[5] == "另有1条意见经逐条研究不予采纳，理由：与上位法不一致。"


def test_hearing_section_masks_speakers() -> None:
    hearing = "\n".join(texts(section(build_statement(sample_facts()), "听证会")))
    assert "（一）宅基地管理办法座谈会（座谈会，2026年3月20日举行）" in hearing
    assert "参加人员：村民代表6人、专家2人。" in hearing
    assert "列席人员：媒体1人。" in hearing
    assert "村民孙*提出" in hearing and "孙八" not in hearing


def test_contact_keeps_the_office_numbers_but_not_names() -> None:
    contact = texts(section(build_statement(sample_facts()), "联系方式"))[-1]
    assert contact == "联系方式：联系电话：0571-87001234；电子邮箱：zrj@hz.gov.cn；联系人：周*"


def test_annex_has_one_row_per_group() -> None:
    annex = build_statement(sample_facts()).annex
    assert annex.columns == ANNEX_COLUMNS
    assert [row[0] for row in annex.rows] == ["1", "2", "3", "4"]
    assert annex.rows[1] == (
        "2",
        "第三条（面积标准）",
        "建议将每户宅基地面积上限由120平方米提高到150平方米。",
        "个人4条",
        "部分采纳",
        "综合考虑耕地保护要求，上限调整为140平方米。修改为：面积不得超过140平方米。",
    )
    assert annex.rows[3][3] == "个人1条、社会组织1条"


def test_correction_version_names_what_it_corrects() -> None:
    document = build_statement(
        sample_facts(version=2, corrects_version=1, correction_note="第二条的采纳条数由3条更正为2条")
    )
    assert document.preamble[0].text == (
        "本说明为第2版，更正此前发布的第1版。更正内容：第二条的采纳条数由3条更正为2条。"
        "第1版内容与本版不一致的，以本版为准。"
    )
    assert ("更正", "更正第1版") in document.metadata
    assert ("版本", "第2版") in document.metadata


def test_comment_rows_are_anonymous() -> None:
    rows = build_statement(sample_facts()).comment_rows
    assert len(rows) == 11
    assert rows[3].values() == (4, "第三条", 10, None, "letter", "individual", "partly_adopted", False)


def test_chinese_ordinals() -> None:
    assert [chinese_ordinal(n) for n in (1, 9, 10, 11, 20, 23)] == [
        "一",
        "九",
        "十",
        "十一",
        "二十",
        "二十三",
    ]
