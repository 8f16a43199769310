from consultations.aggregation.normalize import normalize, skeleton, skeletons


def test_full_width_folds_to_half_width_and_whitespace_collapses() -> None:
    assert normalize("  ＡＢＣ１２３，意见　　 很好！\n\t第２条 ") == "ABC123,意见 很好! 第2条"


def test_traditional_becomes_simplified_unless_disabled() -> None:
    assert normalize("這個規劃的徵收補償標準太低") == "这个规划的征收补偿标准太低"
    assert normalize("這個規劃", to_simplified=False) == "這個規劃"


def test_skeleton_keeps_only_letters_digits_and_cjk_lower_cased() -> None:
    assert skeleton("Ｈｅｌｌｏ，世界！ 第２条（一）") == "hello世界第2条一"
    assert skeleton("規劃，徵收") == "规划征收"
    assert skeleton("！！！ 。。。") == ""


def test_batch_skeletons_match_single_ones() -> None:
    texts = ["甲乙丙，丁", "", "ｆｕｌｌ　ｗｉｄｔｈ", "徵收", "café", "한국어", "x\ud800y"]
    batch = skeletons(texts)
    assert [batch.text(i) for i in range(len(texts))] == [skeleton(t) for t in texts]
    assert batch.text(0) == "甲乙丙丁" and batch.text(1) == "" and batch.text(4) == "café"
