from __future__ import annotations

from mtcheck.anchors import anchor_keys, anchor_keys_many, skeleton


def test_names_meet_across_scripts() -> None:
    ru = anchor_keys("Президент России Владимир Путин поздравил Ким Чен Ына", "ru")
    ko = anchor_keys("블라디미르 푸틴 러시아 대통령은 김정은 북한 국무위원장에게", "ko")
    en = anchor_keys("Russian President Vladimir Putin greeted Kim Jong Un", "en")
    for key in ("N:ptn", "N:plt"):  # Putin, Vladimir
        assert key in ru and key in ko and key in en
    assert "N:kmc" in ko and "N:kmc" in en  # 김정은 / Kim Jong Un


def test_numbers_are_normalised() -> None:
    assert {"D:1000000", "D:3.5"} <= anchor_keys("Бюджет 1 000 000 рублей вырос на 3,5%", "ru")
    assert {"D:1000000", "D:3.5"} <= anchor_keys("The budget of 1000000 roubles grew by 3.5%", "en")


def test_cognates_give_weak_anchors() -> None:
    ru = anchor_keys("президент обсудил технологии", "ru")
    en = anchor_keys("the president discussed technologies", "en")
    assert {k for k in ru if k.startswith("W:")} & {k for k in en if k.startswith("W:")}


def test_skeleton_ignores_romanisation_differences() -> None:
    assert skeleton("Moscow") == skeleton("Moskva")[:3]
    assert skeleton("Khinshteyn") == skeleton("hinsitein")


def test_batch_equals_one_by_one_for_korean() -> None:
    texts = [
        "12월 4일 알렉산드르 힌시테인 쿠르스크 주지사는 기념비를 세울 계획이라고 발표했다.",
        "올해 초 쿠르스크에서는 김정은에게 바치는 노래가 공연되었다.",
    ]
    assert anchor_keys_many(texts, "ko") == [anchor_keys(t, "ko") for t in texts]
