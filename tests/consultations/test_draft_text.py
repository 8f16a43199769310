"""Tests for consultations.draft_text: splitting pasted drafts and .docx files into articles."""

import io
import zipfile

import docx
import pytest

from api.errors import InvalidInput
from consultations.draft_text import ParsedArticle, ParsedDraft, docx_to_text, split_draft

HOMESTEAD_DRAFT = (
    "某市农村宅基地管理办法（征求意见稿）\r\n"
    "起草说明：为规范农村宅基地管理，市农业农村局起草了本办法，现公开征求意见。  \r\n"
    "\r\n"
    "第一章　总则\r\n"
    "第一条　为了加强农村宅基地管理，保障农村村民合法权益，根据有关法律法规，结合本市实际，制定本办法。\r\n"
    "第二条　本市行政区域内农村宅基地的申请、审批、使用和监督管理，适用本办法。\n"
    "第三条 农村村民一户只能拥有一处宅基地。\n"
    "第二章 规划管理\n"
    "第一节　一般规定\n"
    "第四条　乡镇人民政府应当组织编制村庄规划，合理安排宅基地用地。\n"
    "第5条　宅基地选址应当符合下列要求：\n"
    "（一）符合国土空间规划和村庄规划；\n"
    "（二）不占用永久基本农田。\n"
    "违反前款规定的，依照本办法第三条规定处理。\n"
    "第二节　面积标准\n"
    "第六条　每户宅基地面积不得超过一百五十平方米。\n"
    "第七条\n"
    "第三章　附则\n"
    "第十二条　本办法自2025年1月1日起施行。\n"
)


def test_article_draft_structure_and_preamble() -> None:
    draft = split_draft(HOMESTEAD_DRAFT)

    assert isinstance(draft, ParsedDraft)
    assert draft.structure == "article"
    assert draft.preamble == (
        "某市农村宅基地管理办法（征求意见稿）\n"
        "起草说明：为规范农村宅基地管理，市农业农村局起草了本办法，现公开征求意见。"
    )
    assert [a.label for a in draft.articles] == [
        "第一条",
        "第二条",
        "第三条",
        "第四条",
        "第5条",
        "第六条",
        "第七条",
        "第十二条",
    ]


def test_article_draft_headings_reset_section_on_new_chapter() -> None:
    headings = [a.heading for a in split_draft(HOMESTEAD_DRAFT).articles]

    assert headings == [
        "第一章 总则",
        "第一章 总则",
        "第一章 总则",
        "第二章 规划管理 / 第一节 一般规定",
        "第二章 规划管理 / 第一节 一般规定",
        "第二章 规划管理 / 第二节 面积标准",
        "第二章 规划管理 / 第二节 面积标准",
        "第三章 附则",
    ]


def test_article_draft_bodies() -> None:
    articles = split_draft(HOMESTEAD_DRAFT).articles

    # Full-width space after the label is removed, and the label is not repeated in the body.
    assert articles[0] == ParsedArticle(
        label="第一条",
        heading="第一章 总则",
        body="为了加强农村宅基地管理，保障农村村民合法权益，根据有关法律法规，结合本市实际，制定本办法。",
    )
    assert articles[2].body == "农村村民一户只能拥有一处宅基地。"
    # Sub-items and the mid-sentence "本办法第三条" stay inside 第5条.
    assert articles[4].body == (
        "宅基地选址应当符合下列要求：\n"
        "（一）符合国土空间规划和村庄规划；\n"
        "（二）不占用永久基本农田。\n"
        "违反前款规定的，依照本办法第三条规定处理。"
    )
    # A label-only article keeps an empty body; the following chapter heading is not swallowed.
    assert articles[6] == ParsedArticle("第七条", "第二章 规划管理 / 第二节 面积标准", "")
    assert articles[7].body == "本办法自2025年1月1日起施行。"


def test_article_draft_without_headings_and_indented_lines() -> None:
    text = "　　第一条　为了规范管理，制定本规定。\n　　第二条　本规定自发布之日起施行。"

    draft = split_draft(text)

    assert draft == ParsedDraft(
        preamble="",
        articles=[
            ParsedArticle("第一条", "", "为了规范管理，制定本规定。"),
            ParsedArticle("第二条", "", "本规定自发布之日起施行。"),
        ],
        structure="article",
    )


def test_mid_sentence_article_reference_does_not_make_article_structure() -> None:
    text = "关于调整停车收费标准的说明\n依照本办法第三条规定，拟调整收费标准。\n调整后标准见附件。"

    draft = split_draft(text)

    assert draft.structure == "paragraph"
    assert [a.body for a in draft.articles] == [
        "依照本办法第三条规定，拟调整收费标准。",
        "调整后标准见附件。",
    ]


def test_outline_draft_uses_top_level_items() -> None:
    text = (
        "关于推进城乡公交一体化发展的实施意见（征求意见稿）\n"
        "为推进城乡公交一体化发展，提出如下意见。\n"
        "一、总体要求\n"
        "（一）指导思想。坚持以人民为中心的发展思想。\n"
        "（二）主要目标。到2027年，建制村通公交率达到100%。\n"
        "二、重点任务\n"
        "1. 优化线路布局。\n"
        "2．提升站点设施。\n"
        "三、保障措施\n"
    )

    draft = split_draft(text)

    assert draft.structure == "outline"
    assert draft.preamble == (
        "关于推进城乡公交一体化发展的实施意见（征求意见稿）\n为推进城乡公交一体化发展，提出如下意见。"
    )
    assert draft.articles == [
        ParsedArticle(
            "一、",
            "",
            "总体要求\n（一）指导思想。坚持以人民为中心的发展思想。\n（二）主要目标。到2027年，建制村通公交率达到100%。",
        ),
        ParsedArticle("二、", "", "重点任务\n1. 优化线路布局。\n2．提升站点设施。"),
        ParsedArticle("三、", "", "保障措施"),
    ]


def test_outline_draft_with_parenthesised_items_only() -> None:
    text = (
        "关于公共场所控制吸烟的几点意见\n"
        "（一）室内公共场所全面禁止吸烟。\n"
        "1.医院、学校全面禁烟；\n"
        "2.商场设置吸烟室。\n"
        "(二)经营者应当设置明显的禁烟标识。\n"
        "（三）\n"
    )

    draft = split_draft(text)

    assert draft.structure == "outline"
    assert draft.preamble == "关于公共场所控制吸烟的几点意见"
    assert draft.articles == [
        ParsedArticle("（一）", "", "室内公共场所全面禁止吸烟。\n1.医院、学校全面禁烟；\n2.商场设置吸烟室。"),
        ParsedArticle("(二)", "", "经营者应当设置明显的禁烟标识。"),
        ParsedArticle("（三）", "", ""),
    ]


def test_outline_draft_with_numbered_items() -> None:
    text = (
        "老旧小区改造意见征集\n"
        "1. 增设电梯，费用按楼层分摊。\n"
        "1.5万元为每台电梯的补贴上限。\n"
        "2、完善停车设施。\n"
        "10．增加绿化面积。\n"
    )

    draft = split_draft(text)

    assert draft.structure == "outline"
    assert draft.preamble == "老旧小区改造意见征集"
    # A line starting with "1.5万元" is a decimal number, not an item label.
    assert draft.articles == [
        ParsedArticle("1.", "", "增设电梯，费用按楼层分摊。\n1.5万元为每台电梯的补贴上限。"),
        ParsedArticle("2、", "", "完善停车设施。"),
        ParsedArticle("10．", "", "增加绿化面积。"),
    ]


def test_paragraph_draft() -> None:
    text = "关于延长图书馆开放时间的公告\r\n\r\n为方便市民阅读，拟延长开放时间。\r\n周末开放至晚上九点。 \r\n"

    draft = split_draft(text)

    assert draft == ParsedDraft(
        preamble="关于延长图书馆开放时间的公告",
        articles=[
            ParsedArticle("第1段", "", "为方便市民阅读，拟延长开放时间。"),
            ParsedArticle("第2段", "", "周末开放至晚上九点。"),
        ],
        structure="paragraph",
    )


def test_single_line_is_one_paragraph_article() -> None:
    draft = split_draft("  拟在中心城区试行共享单车停放电子围栏。  ")

    assert draft == ParsedDraft(
        preamble="",
        articles=[ParsedArticle("第1段", "", "拟在中心城区试行共享单车停放电子围栏。")],
        structure="paragraph",
    )


@pytest.mark.parametrize("text", ["", "   ", "\n\r\n\t", "\u3000\u3000\n"])
def test_empty_text_is_rejected(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        split_draft(text)

    assert caught.value.code == "DRAFT_EMPTY"
    assert caught.value.message == "草案内容为空，请粘贴草案全文或上传 .docx 文件"


def _docx_bytes(*paragraphs: str, table: list[list[str]] | None = None) -> bytes:
    document = docx.Document()
    for paragraph in paragraphs:
        document.add_paragraph(paragraph)
    if table is not None:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for row, values in zip(grid.rows, table, strict=True):
            for cell, value in zip(row.cells, values, strict=True):
                cell.text = value
        document.add_paragraph("第三条　本办法自发布之日起施行。")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_docx_round_trip() -> None:
    data = _docx_bytes(
        "某市农村宅基地管理办法（征求意见稿）",
        "",
        "第一章　总则",
        "第一条　为了加强农村宅基地管理，制定本办法。",
        "第二条　本办法适用于本市行政区域。",
    )

    text = docx_to_text(data)

    assert text == (
        "某市农村宅基地管理办法（征求意见稿）\n\n第一章　总则\n"
        "第一条　为了加强农村宅基地管理，制定本办法。\n第二条　本办法适用于本市行政区域。"
    )
    draft = split_draft(text)
    assert draft.preamble == "某市农村宅基地管理办法（征求意见稿）"
    assert draft.articles == [
        ParsedArticle("第一条", "第一章 总则", "为了加强农村宅基地管理，制定本办法。"),
        ParsedArticle("第二条", "第一章 总则", "本办法适用于本市行政区域。"),
    ]


def test_docx_table_cells_are_read_in_document_order() -> None:
    data = _docx_bytes(
        "第二条　宅基地面积标准如下：",
        table=[["地区", "面积上限"], ["平原", "一百二十平方米"]],
    )

    assert docx_to_text(data) == (
        "第二条　宅基地面积标准如下：\n地区\n面积上限\n平原\n一百二十平方米\n第三条　本办法自发布之日起施行。"
    )


def test_docx_merged_cell_text_is_read_once() -> None:
    document = docx.Document()
    grid = document.add_table(rows=1, cols=2)
    merged = grid.cell(0, 0).merge(grid.cell(0, 1))
    merged.text = "附表：宅基地面积标准"
    buffer = io.BytesIO()
    document.save(buffer)

    assert docx_to_text(buffer.getvalue()) == "附表：宅基地面积标准"


def _zip_bytes(name: str, content: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "data",
    [
        b"",
        "第一条　这是纯文本，不是 Word 文件。".encode(),
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),  # legacy .doc (OLE2) header
        _zip_bytes("readme.txt", b"not a word document"),
        _docx_bytes("第一条　内容")[:200],  # truncated upload
    ],
    ids=["empty-bytes", "plain-text", "pdf", "doc", "other-zip", "truncated"],
)
def test_invalid_docx_is_rejected(data: bytes) -> None:
    with pytest.raises(InvalidInput) as caught:
        docx_to_text(data)

    assert caught.value.code == "DRAFT_DOCX_INVALID"
    assert caught.value.message == "无法读取 .docx 文件，请确认文件为 Word 2007 及以上格式（.docx）"


def test_empty_docx_is_rejected() -> None:
    with pytest.raises(InvalidInput) as caught:
        docx_to_text(_docx_bytes("", "　　", " "))

    assert caught.value.code == "DRAFT_EMPTY"


def test_a_line_starting_with_an_earlier_article_number_is_a_wrapped_reference():
    text = "第一条 总则。\n第二条 申请宅基地应当符合规划，\n第一条规定的情形除外。\n第三条 附则。"
    parsed = split_draft(text)
    assert [(a.label, a.body) for a in parsed.articles] == [
        ("第一条", "总则。"),
        ("第二条", "申请宅基地应当符合规划，\n第一条规定的情形除外。"),
        ("第三条", "附则。"),
    ]


def test_article_numbers_read_in_chinese_and_arabic_numerals():
    from consultations.draft_text import _article_number

    assert [
        _article_number(label)
        for label in ("第一条", "第十条", "第十二条", "第二十条", "第一百零五条", "第12条", "第１２条")
    ] == [1, 10, 12, 20, 105, 12, 12]
    assert _article_number("第甲条") is None
