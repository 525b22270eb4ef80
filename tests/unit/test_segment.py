from __future__ import annotations

import pytest

from mtcheck.segment import split_sentences


def sentences(text: str, lang: str) -> list[str]:
    return [s.text(text) for s in split_sentences(text, lang)]


def test_russian_initials_abbreviations_and_decimals_do_not_split() -> None:
    text = (
        "А. С. Пушкин родился в 1799 г. в Москве. Курс вырос до 3,5 руб. за единицу, т. е. на 10%. "
        "Губернатор Курской области Александр Хинштейн объявил о планах."
    )
    assert sentences(text, "ru") == [
        "А. С. Пушкин родился в 1799 г. в Москве.",
        "Курс вырос до 3,5 руб. за единицу, т. е. на 10%.",
        "Губернатор Курской области Александр Хинштейн объявил о планах.",
    ]


def test_russian_sentence_ending_in_a_unit_is_cut_but_a_year_is_not() -> None:
    text = (
        "Принтер печатает 3D-модели со скоростью 180 мм/с. Модель XJ-2000 вышла в 2021 г. "
        "Коробка 21х17х4 см весит 300 г. Доставка бесплатная. В 2021 г. Путин подписал закон."
    )
    assert sentences(text, "ru") == [
        "Принтер печатает 3D-модели со скоростью 180 мм/с.",
        "Модель XJ-2000 вышла в 2021 г. Коробка 21х17х4 см весит 300 г.",
        "Доставка бесплатная.",
        "В 2021 г. Путин подписал закон.",
    ]


def test_russian_semicolon_does_not_end_a_sentence() -> None:
    text = (
        "Эти слова прозвучали на фоне обострения напряженности в мире; Москва представляет свои "
        "действия как защиту суверенитета России. Хинштейн подчеркнул значение инициативы."
    )
    got = sentences(text, "ru")
    assert len(got) == 2
    assert got[0].endswith("суверенитета России.")


def test_russian_quotes_stay_with_their_sentence() -> None:
    text = "По его словам, это «подтверждает нерушимую дружбу и боевое братство России и КНДР». Эти слова прозвучали."
    assert sentences(text, "ru")[0] == (
        "По его словам, это «подтверждает нерушимую дружбу и боевое братство России и КНДР»."
    )


def test_korean_quotes_and_numbers() -> None:
    text = (
        '그는 이것이 "러시아와 북한 사이의 변함없는 우정과 전투적 형제애를 확인해 준다"고 말했다. '
        "12월 4일 알렉산드르 힌시테인 쿠르스크 주지사는 기념비를 세울 계획이라고 발표했다. "
        "인구는 3.5% 늘어 1,250만 명이 됐다."
    )
    assert sentences(text, "ko") == [
        '그는 이것이 "러시아와 북한 사이의 변함없는 우정과 전투적 형제애를 확인해 준다"고 말했다.',
        "12월 4일 알렉산드르 힌시테인 쿠르스크 주지사는 기념비를 세울 계획이라고 발표했다.",
        "인구는 3.5% 늘어 1,250만 명이 됐다.",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The U.S. Army said on Monday it would leave. The talks ended.",
            ["The U.S. Army said on Monday it would leave.", "The talks ended."],
        ),
        (
            "He moved to the U.S. The move surprised everyone.",
            ["He moved to the U.S.", "The move surprised everyone."],
        ),
        (
            "Mr. Putin met Dr. Kim at 3 p.m. on Jan. 5 in Moscow. Growth was 3.5 per cent.",
            ["Mr. Putin met Dr. Kim at 3 p.m. on Jan. 5 in Moscow.", "Growth was 3.5 per cent."],
        ),
        (
            "A. S. Pushkin and George W. Bush are names with initials. Both are famous.",
            ["A. S. Pushkin and George W. Bush are names with initials.", "Both are famous."],
        ),
        (
            "This, he claimed, ‘confirms the friendship between Russia and North Korea.’ The remarks came later.",
            [
                "This, he claimed, ‘confirms the friendship between Russia and North Korea.’",
                "The remarks came later.",
            ],
        ),
        (
            '"Stop." he said. "Where are you going?" she asked. He left.',
            ['"Stop." he said.', '"Where are you going?" she asked.', "He left."],
        ),
        (
            "Members proposed the ‘In Internationals Kvir,’ a location not detailed before.",
            ["Members proposed the ‘In Internationals Kvir,’ a location not detailed before."],
        ),
    ],
)
def test_english_news_text(text: str, expected: list[str]) -> None:
    assert sentences(text, "en") == expected


def test_offsets_point_into_the_document() -> None:
    text = "Заголовок статьи\n\nПервое предложение. Второе предложение."
    from mtcheck.types import Span

    spans = split_sentences(text, "ru", Span(18, len(text)))
    assert [text[s.start : s.end] for s in spans] == ["Первое предложение.", "Второе предложение."]
    assert spans[0].start == 18


def test_hard_line_breaks_split_list_items_but_not_wrapped_lines() -> None:
    text = "Ожидается, что в строительстве\nпримут участие инженеры\n- первый пункт\n- второй пункт"
    got = sentences(text, "ru")
    assert got[0] == "Ожидается, что в строительстве\nпримут участие инженеры"
    assert got[1:] == ["- первый пункт", "- второй пункт"]


def test_korean_quotative_continues_the_quoted_sentence() -> None:
    # Mismatched quotes as found in NTREX: Kiwi alone cuts before "라고".
    text = '"여전히 지역 규모의 재난입니다.” 라고 인도네시아 적십자의 대변인이 말했다. 구조 작업은 계속되고 있다.'
    assert sentences(text, "ko") == [
        '"여전히 지역 규모의 재난입니다.” 라고 인도네시아 적십자의 대변인이 말했다.',
        "구조 작업은 계속되고 있다.",
    ]


def test_korean_sentence_after_an_unbalanced_quote_is_cut() -> None:
    # A quote that opened on the line before leaves a lone ” here: Kiwi alone keeps the next
    # sentences (and the quote after them) in one sentence, which no English sentence matches.
    text = (
        "우리는 그런 사람들이 아니다”라고 남편이 신문과의 인터뷰에서 말했다. "
        '"하지만 당신이라면 아이를 맡기겠어요? 갓 태어난 아기를요? 제발요.” '
        '그는 이 소송을 “협박”에 비유하며 “매우 힘든 상황이었다"고 말했다.'
    )
    assert sentences(text, "ko") == [
        "우리는 그런 사람들이 아니다”라고 남편이 신문과의 인터뷰에서 말했다.",
        '"하지만 당신이라면 아이를 맡기겠어요?',
        "갓 태어난 아기를요?",
        "제발요.”",
        '그는 이 소송을 “협박”에 비유하며 “매우 힘든 상황이었다"고 말했다.',
    ]


def test_korean_sentence_before_a_quote_is_its_own() -> None:
    text = "그녀는 출마하지 말아야 할 이유가 없다고 생각했다. “그것은 현명한 결정이 아니었다”고 그녀는 웃으며 말했다."
    assert sentences(text, "ko") == [
        "그녀는 출마하지 말아야 할 이유가 없다고 생각했다.",
        "“그것은 현명한 결정이 아니었다”고 그녀는 웃으며 말했다.",
    ]
    # A quotative after the closing quote still belongs to the quoted sentence.
    text = '"여전히 큰 재난입니다." 라고 대변인이 말했다.'
    assert sentences(text, "ko") == [text]


def test_a_quote_mark_kiwi_leaves_alone_opens_the_next_sentence() -> None:
    # After a quote that closes one opened on the line before, Kiwi ends "…내렸다." with the
    # next sentence's opening mark, and the resplit after "내렸다." left the mark alone.
    text = (
        '이 사건은 이미 비극적이지만, 훨씬 더 나빠질 수 있다." 인도네시아 대통령은 23일 팔루(palu)에 도착해 '
        '군에 다음과 같은 지시를 내렸다. "대피와 관련된 모든 임무를 완수하기 위해 밤낮으로 일해 달라"고 말했다. '
        '준비됐습니까?"'
    )
    assert sentences(text, "ko") == [
        '이 사건은 이미 비극적이지만, 훨씬 더 나빠질 수 있다."',
        "인도네시아 대통령은 23일 팔루(palu)에 도착해 군에 다음과 같은 지시를 내렸다.",
        '"대피와 관련된 모든 임무를 완수하기 위해 밤낮으로 일해 달라"고 말했다.',
        '준비됐습니까?"',
    ]


def test_a_lone_mark_that_touches_nothing_closes_the_sentence_before() -> None:
    from mtcheck.segment import _attach_marks

    line = '그는 웃었다. " 그리고 떠났다.'
    pieces, tokens = _attach_marks(line, [(0, 7), (8, 9), (10, 18)], [["a"], ["b"], ["c"]])
    assert [line[s:e] for s, e in pieces] == ['그는 웃었다. "', "그리고 떠났다."]
    assert tokens == [["a", "b"], ["c"]]


def test_a_stray_full_stop_that_opens_a_line_is_no_sentence() -> None:
    # FLORES-200 devtest has an English line that opens with ". ".
    text = ". Scientists say this animal's plumage was chestnut-brown on top. The find grants insight."
    assert sentences(text, "en") == [
        ". Scientists say this animal's plumage was chestnut-brown on top.",
        "The find grants insight.",
    ]
