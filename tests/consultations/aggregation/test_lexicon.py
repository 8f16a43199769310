"""The domain dictionary, the stop words, and a deployment's own additions."""

from pathlib import Path

import pytest

from api.settings import Settings
from consultations.aggregation import lexicon
from consultations.aggregation.engine import segment


def test_domain_terms_stay_whole_and_stop_words_go() -> None:
    lexicon.load_lexicon()
    words = lexicon.terms("我们建议农村集体经营性建设用地入市收益要用于耕地占补平衡，坚持一户一宅。")
    assert {"集体经营性建设用地入市", "耕地占补平衡", "一户一宅"} <= set(words)
    assert not {"我们", "建议", "，", "。"} & set(words)


def test_shipped_lists_are_substantial() -> None:
    lexicon.load_lexicon()
    userdict = (lexicon.DEFAULT_LEXICON_DIR / lexicon.USER_DICT_FILE).read_text(encoding="utf-8")
    assert len([line for line in userdict.splitlines() if line and not line.startswith("#")]) >= 80
    assert len(lexicon.stopwords()) >= 300


def test_a_deployment_folder_adds_words_in_every_worker_process(tmp_path: Path) -> None:
    (tmp_path / "userdict.txt").write_text("# local terms\n鹿鸣湾片区 10 ns\n翠湖小镇\n", encoding="utf-8")
    (tmp_path / "stopwords.txt").write_text("翠湖小镇\n", encoding="utf-8")
    texts = [f"鹿鸣湾片区和翠湖小镇的宅基地第{n}次调整" for n in range(40)]
    lexicon.load_lexicon(tmp_path)
    events: list[tuple[str, int, int]] = []
    segmented = segment(texts, workers=2, lexicon_dir=tmp_path, progress=lambda *e: events.append(e))
    assert all("鹿鸣湾片区" in words.split() and "翠湖小镇" not in words.split() for words in segmented)
    assert events[-1] == ("segment", 40, 40)


@pytest.mark.parametrize("size", [1, 40])
def test_segmentation_keeps_order(size: int, monkeypatch: pytest.MonkeyPatch) -> None:
    import consultations.aggregation.engine as engine

    monkeypatch.setattr(engine, "SEGMENT_CHUNK_CHARS", 20)
    texts = [f"第{n}号意见关于宅基地审批" if n % 2 else f"第{n}号意见关于土地征收补偿" for n in range(size)]
    lexicon.load_lexicon()  # as the pool's workers do; alone, this test may be the first to load it here
    expected = [" ".join(lexicon.terms(text)) for text in texts]
    assert segment(texts, workers=2, lexicon_dir=None, progress=lambda *e: None) == expected


def test_the_setting_comes_from_the_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("CANYU_AGGREGATION_LEXICON_DIR", str(tmp_path))
    assert Settings(_env_file=None).aggregation_lexicon_dir == tmp_path  # type: ignore[call-arg]
