"""Comment tokens: jieba's search mode, cut block by block with a cache, equal to jieba on the whole text."""

from pathlib import Path

import jieba

from api import demo
from consultations import segmentation
from consultations.aggregation import lexicon

TRICKY = (
    "COVID-19疫情防控期间，第3.5条规定的100%补偿标准应提高到120%",
    "请联系13800138000或a.b@example.com，邮编310000",
    "iPhone15和Wi-Fi 6E在北京市海淀区",
    "ＡＢＣ全角字母１２３与半角abc123混排",
    "emoji😀测试\u200b零宽字符\u202e反向",
    "C++和C#以及.NET框架、GB/T 7714-2015标准",
    "3.14159和-2.5以及1,000,000元\r\n换行\t制表",
    "key_value snake_case CamelCase",
    "①②③ 第一条 一、（一） Ⅳ ½",
    "élève café naïve 日本語のテキスト 한국어",
    "",
    "   ",
    "。，；！？",
)


def jieba_reference(text: str) -> str:
    words = (w.strip() for w in jieba.cut_for_search(text))
    return " ".join(w for w in words if w and any(ch.isalnum() for ch in w))


def corpus() -> list[str]:
    texts = [*TRICKY, demo.HOMESTEAD_DRAFT, demo.HOMESTEAD_EXPLANATION, demo.COUNTY_DRAFT]
    texts += [body for _article, body in demo.OPINIONS]
    texts += [letter for letter in demo.FORM_LETTERS]
    return texts


def test_tokens_equal_jieba_on_the_whole_text() -> None:
    segmentation.initialize()
    for text in corpus() * 2:  # the second pass is answered from the cache
        assert segmentation.tokens(text) == jieba_reference(text), text


def test_known_tokens() -> None:
    # No word here is one the aggregation lexicon adds, which other tests may have loaded.
    expected = "建议 延长 公示 期限 方便 群众 方便群众 查阅"
    assert segmentation.tokens("建议延长公示期限，方便群众查阅。") == expected
    assert segmentation.tokens("COVID-19，！ abc\u200bé") == "COVID 19 abc é"


def test_a_lexicon_loaded_later_applies_to_cached_blocks(tmp_path: Path) -> None:
    text = "甲乙丙丁戊己庚辛"
    before = segmentation.tokens(text)
    assert "丙丁戊己" not in before.split()
    (tmp_path / lexicon.USER_DICT_FILE).write_text("丙丁戊己 100000\n", encoding="utf-8")
    try:
        lexicon.load_lexicon(tmp_path)
        assert "丙丁戊己" in segmentation.tokens(text).split()
        assert segmentation.tokens(text) == jieba_reference(text)
    finally:
        jieba.del_word("丙丁戊己")
        segmentation.dictionary_changed()
    assert segmentation.tokens(text) == before
