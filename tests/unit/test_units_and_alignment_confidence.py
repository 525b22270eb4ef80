"""Issue 12: units and periods across languages, alignment posteriors, and number findings
that depend on how sure the alignment is."""

from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from mtcheck import align as A
from mtcheck.anchors import anchor_keys, calendar_keys
from mtcheck.checks.numbers import compare
from mtcheck.documents.text import build_document
from mtcheck.pipeline import check_documents
from mtcheck.types import Severity


def changes(src: str, lang: str, tgt: str) -> list[tuple[str, str]]:
    return [(m.rule.code, m.change) for m in compare(src, lang, tgt)]


@pytest.mark.parametrize(
    ("src", "lang", "tgt", "change"),
    [
        ("Курс лечения длится шесть недель.", "ru", "The treatment lasts six months.", "unit"),
        ("Площадь парка составляет 5 га.", "ru", "The park covers 5 acres.", "unit"),
        ("Урожай составил 300 кг с гектара.", "ru", "The harvest was 300 pounds per hectare.", "unit"),
        ("Рабочие получают 2000 рублей в день.", "ru", "Workers earn 2,000 roubles a week.", "period"),
        ("30-летний мужчина задержан.", "ru", "A 30-month-old man was detained.", "unit"),
        ("이 농장의 면적은 30평이며 넓다.", "ko", "The farm covers 30 square meters.", "unit"),
        ("돼지고기 2근을 샀다.", "ko", "He bought 2 pounds of pork.", "unit"),
        ("공사 기간은 6주이다.", "ko", "Construction will take six months.", "unit"),
        ("하루에 5만 원을 받는다.", "ko", "They are paid 50,000 won a week.", "period"),
        ("12㎞ 코스를 달렸다.", "ko", "They ran a 12 mile course.", "unit"),
        # Adjectives made of a figure and a unit, ages in a list, durations Korean writes as days.
        ("Четырехдневная рабочая неделя не обсуждается.", "ru", "A four-month working week is not discussed.", "unit"),
        ("Затем они провели двухчасовой митинг.", "ru", "Then they held a two-day rally.", "unit"),
        (
            "Арестованы подозреваемые в возрасте 17, 18 и 20 лет.",
            "ru",
            "A 17-year-old, two 18-year-olds and a 20-day-old were arrested.",
            "unit",
        ),
        (
            "После двух дней на втором месте они отстают.",
            "ru",
            "After being second-best for two years, they trail.",
            "unit",
        ),
        (
            "병원선이 도착하는 데 적어도 3일이 소요될 예정이다.",
            "ko",
            "The ship will take at least three decades to arrive.",
            "unit",
        ),
        ("부품이 37분마다 도착한다.", "ko", "Parts arrive every 37 weeks.", "unit"),
        ("그는 나흘 뒤 저격수에게 살해당했다.", "ko", "He was killed by a sniper four decades later.", "unit"),
        ("가장 중요한 투표까지 오 주 남았습니다.", "ko", "Five seconds away from the most important vote.", "unit"),
        ("이 56세인 사람은 배우다.", "ko", "The 56-day-old is an actor.", "unit"),
        # The restatement in brackets is no conversion of the changed unit.
        (
            "Округ простирается вдоль 300 км (180 миль) берега.",
            "ru",
            "It stretches along 300 km (180 km) of coast.",
            "unit",
        ),
        (
            "Самолёт погрузился примерно на 30 метров (100 футов).",
            "ru",
            "The plane sank in about 30 feet (100 feet).",
            "unit",
        ),
        # A rate converted to another unit but given per another period.
        ("Осадки могут достичь 5 до 8 см в час.", "ru", "Rainfall may reach 2 to 3 inches per year.", "period"),
        # A figure of a list whose unit the list writes once, changed where English writes each.
        (
            "Арестованы подозреваемые в возрасте 17, 18 и 20 лет.",
            "ru",
            "A 17-year-old, two 18-month-olds and a 20-year-old were arrested.",
            "unit",
        ),
        # The gram's short "г", which after a year is "год", and a size's unit.
        ("Коробка весит 300 г.", "ru", "The box weighs 300 kg.", "unit"),
        ("Коврик размером 60×100 см.", "ru", "A 60×100 inch rug.", "unit"),
        # Volts; an oven's Celsius written as Fahrenheit; a daily average given per week.
        ("이 제품은 220V 전용이다.", "ko", "The product works on 220 kW only.", "unit"),
        ("오븐을 180도로 예열한다.", "ko", "Preheat the oven to 180 °F.", "unit"),
        ("Максимальная температура — 300 °C.", "ru", "The maximum temperature is 300°F.", "unit"),
        ("서울 지하철 2호선은 하루 평균 200만 명이 이용한다.", "ko", "2 million people a week ride Line 2.", "period"),
        # An interest rate is a rate too.
        ("기준금리를 연 3.5%로 동결했다.", "ko", "The key rate was kept at 3.5% a month.", "period"),
        # A unit joined to its figure by hyphens, as an English adjective writes it.
        ("32평 아파트가 팔렸다.", "ko", "A 32-square-metre apartment was sold.", "unit"),
        ("Площадь квартиры 40 кв. м.", "ru", "It is a 40-square-foot flat.", "unit"),
    ],
)
def test_the_same_figure_with_another_unit_or_period_is_an_amount_change(
    src: str, lang: str, tgt: str, change: str
) -> None:
    assert ("MT303", change) in changes(src, lang, tgt)


@pytest.mark.parametrize(
    ("src", "lang", "tgt"),
    [
        ("Трасса длиной 12 км.", "ru", "The track is 7.5 miles long."),
        ("Площадь парка составляет 5 га.", "ru", "The park covers 12.4 acres."),
        ("Курс лечения длится шесть недель.", "ru", "The treatment lasts six weeks."),
        ("Рабочие получают 2000 рублей в день.", "ru", "Workers earn 14,000 roubles a week."),
        ("30-летний мужчина задержан.", "ru", "A 30-year-old man was detained."),
        ("이 농장의 면적은 30평이며 넓다.", "ko", "The farm covers 99 square meters."),
        ("12㎞ 코스를 달렸다.", "ko", "They ran a 12 km course."),
        ("행사는 3일간 열린다.", "ko", "The event runs for three days."),
        # Product sizes, codes and names with numbers are no figures to report alone.
        ("Размер 60×100 см, коробка 21х17х4 см.", "ru", "The size is 60×100 cm, the box 21x17x4 cm."),
        ("Коврик размером 60×100 см.", "ru", "A 24×39 inch rug."),
        ("Коробка весит 300 г.", "ru", "The box weighs 10.6 ounces."),
        ("Цены выросли в 2021 г.", "ru", "Prices rose in 2021."),
        ("Это началось около 400 г. н. э.", "ru", "It began in about 400 A.D."),
        ("Нужен 3D-принтер и полноприводный автомобиль.", "ru", "You need a 3D printer and a 4x4."),
        ("Проект «Северный поток-2» обсуждали.", "ru", "The Nord Stream 2 project was discussed."),
        # A figure restated in brackets, and a phone number grouped by spaces.
        ("Вулкан находится в 72 км от столицы.", "ru", "The volcano sits 45 miles (72 kilometers) from the capital."),
        ("Звоните по телефону 0800 555 111.", "ru", "Call 0800 555 111."),
        ("Шестеро участников задержаны.", "ru", "Six participants were detained."),
        # Units news writes glued to the figure, and measures in two units.
        ("Стандарт 802.11n работает на частотах 2.4 ГГц и 5.0 ГГц.", "ru", "It runs on the 2.4Ghz and 5.0Ghz bands."),
        ("Пропускная способность в 600 Мбит/с.", "ru", "A throughput of 600Mbit/s."),
        ("Он участвовал в заплыве на 100 и 200 м.", "ru", "He swam in the 100m and 200m freestyle."),
        ("Молодой человек ростом 1 м 82 см сыграл в 32 играх.", "ru", "The 6-foot-6 junior played in 32 games."),
        ("Двухметровый форвард вырос в Батон-Руже.", "ru", "The 6-foot-6 forward grew up in Baton Rouge."),
        ("Температура будет достигать 27 градусов.", "ru", "Expect widespread 80s."),
        ("7000t급 “Rheinland-Pfalz”는 무겁다.", "ko", "The 7,000-ton “Rheinland-Pfalz” is heavy."),
        (
            "모레로스는 15분 동안 페널티를 받아야 했다.",
            "ko",
            "Morelos should have had a penalty on the quarter-hour mark.",
        ),
        # Clock times, centuries and ordinals written otherwise.
        ("Автомобиль убрали примерно в 12:00 по Гринвичу.", "ru", "The car was removed at approximately 1200 GMT."),
        ("Гаити не сталкивалось с этим с начала 19 века.", "ru", "Haiti had not seen it since the 1800s."),
        ("Эпоха затрагивает XI, XII и XIII века.", "ru", "The age spans the 11th, 12th, and 13th centuries."),
        (
            "Стиль достиг расцвета между X–XI вв. и XIV в.",
            "ru",
            "The style peaked in the 10th - 11th and 14th centuries.",
        ),
        ("Его тысячная марка вышла в 2000 году.", "ru", "His 1,000th stamp came out in 2000."),
        # Korean: native tens, spaced figures, phone numbers, digits inside a name.
        ("돼지 열 다섯 마리를 팔러 갔다.", "ko", "He went to sell 15 pigs."),
        ("로사는 열대성 습기를 보낼 것이다.", "ko", "Rosa will send tropical moisture."),
        ("지난 이틀 동안 그는 앞섰다.", "ko", "Over the past two days he led."),
        (
            "방어율 2.53 및 220 2/3 이닝 동안 300 스트라이크아웃",
            "ko",
            "a 2.53 ERA and 300 strikeouts in 220 2/3 innings",
        ),
        ("116 123(영국·아일랜드)에 전화하세요.", "ko", "Call 116 123 (UK and Ireland)."),
        ("0800 555 111로 연락하면 된다.", "ko", "Contact them on 0800 555 111."),
        ("토요일에 퍼 247스포츠를 통해 밝혔다.", "ko", "He told the media Saturday, per 247sports."),
        # A figure repeated on one side is no changed figure; a lone zero is often "no".
        ("12번 지구의 의원이다. 12번 지구는 크다.", "ko", "He represents the 12th district, which is large."),
        ("Победа «Ливингстона» над «Рейнджерс»", "ru", "Menga strike gives Livingston 1-0 win over Rangers"),
        ("Площадь квартиры 40 кв. м.", "ru", "It is a 40-square-metre flat."),
        ("기준금리를 연 3.5%로 동결했다.", "ko", "The key rate was kept at 3.5% a year."),
        ("오븐을 180도로 예열한다.", "ko", "Preheat the oven to 356 °F."),
        ("Духовка работает от сети 220 В.", "ru", "The oven runs on 220 V mains."),
        ("Набор «2 в 1» стоит 500 рублей.", "ru", "The 2-in-1 set costs 500 rubles."),
        ("기준금리를 연 3.5%로 동결했다.", "ko", "The key rate was kept at 3.5%."),
        # A temperature keeps its sign, however each language writes it; converted, it is right.
        ("서울의 기온이 영하 12도까지 떨어졌다.", "ko", "Seoul fell to minus 12 degrees Celsius."),
        ("서울의 기온이 영하 12도까지 떨어졌다.", "ko", "Seoul fell to −12 °C."),
        ("Температура опустится до минус 15 градусов.", "ru", "It will drop to 15 degrees below zero."),
        ("Ожидается 15 градусов мороза.", "ru", "Temperatures of −15 °C are expected."),
        ("Температура опустится до −15 °C.", "ru", "It will drop to 5 °F."),
        ("Температура днём от 5-10 градусов.", "ru", "Daytime temperatures of 5-10 degrees."),
        # A duration in two units, or with a half, is one figure however it is written.
        ("불은 약 1시간 30분 만에 꺼졌다.", "ko", "The fire was put out after about an hour and a half."),
        ("공사는 2시간 반이 걸렸다.", "ko", "The work took two and a half hours."),
        ("Полёт продолжался 1 час 30 минут.", "ru", "The flight lasted 1.5 hours."),
        ("Он вернулся через 1,5 года.", "ru", "He came back a year and a half later."),
        ("Весила 17 фунтов и одну унцию.", "ru", "She weighed 17 pounds 1 ounce."),
        ("Штраф — более двух с половиной миллионов тенге.", "ru", "The fine is over two and a half million tenge."),
        ("Штраф — более двух с половиной миллионов тенге.", "ru", "The fine is over 2.5 million tenge."),
        ("Ремонт занял два с половиной года.", "ru", "The repairs took two and a half years."),
    ],
)
def test_converted_figures_sizes_and_codes_pass(src: str, lang: str, tgt: str) -> None:
    assert changes(src, lang, tgt) == []


def test_a_duration_in_two_units_keeps_both() -> None:
    assert [code for code, _ in changes("불은 1시간 30분 만에 꺼졌다.", "ko", "It was put out after an hour.")] == [
        "MT301"
    ]
    assert [code for code, _ in changes("Полёт длился 2 часа 30 минут.", "ru", "It lasted 2.5 hours.")] == []


@pytest.mark.parametrize(
    ("src", "lang", "tgt"),
    [
        # "minus" dropped: -12 °C is no 12 °C (though 10.4 °F is near 12 °F).
        ("서울의 기온이 영하 12도까지 떨어졌다.", "ko", "Seoul fell to 12 degrees Celsius."),
        ("Температура опустится до минус 15 градусов.", "ru", "It will drop to 15 degrees."),
        ("Температура опустится до −12 °C.", "ru", "It will drop to 12 °C."),
    ],
)
def test_a_temperature_that_lost_its_minus_is_a_changed_figure(src: str, lang: str, tgt: str) -> None:
    assert [code for code, _ in changes(src, lang, tgt)] == ["MT301"]


def test_a_size_is_compared_side_by_side_and_its_unit_change_reported_once() -> None:
    """A size with its unit is figures like any other (60×10 cm is not 60×100 см); a size
    without one stays weak ("a 4x4" is a car), and a unit changed is one finding, not one per
    side of the size."""
    changed = compare("Коврик размером 60×100 см, коробка 21х17х4 см.", "ru", "A 60×10 cm rug, a 21x17x5 cm box.")
    assert sorted((m.rule.code, m.source.value, m.target.value) for m in changed if m.source and m.target) == [
        ("MT301", 4.0, 5.0),
        ("MT301", 100.0, 10.0),
    ]
    assert compare("Нужен внедорожник 4х4.", "ru", "You need a 4x5 SUV.") == []
    unit = compare("Коврик размером 60×100 см.", "ru", "A 60×100 mm rug.")
    assert [(m.rule.code, m.change, m.detail) for m in unit] == [("MT303", "unit", ("см", "mm"))]


def test_a_period_change_spans_the_period_words() -> None:
    src, tgt = "NSF는 AI 연구에 매년 1억 달러 이상을 투자한다.", "NSF invests more than $100 million per week in AI."
    (m,) = compare(src, "ko", tgt)
    assert m.change == "period"
    assert m.source is not None and src[m.source.start : m.source.end] == "매년 1억"
    assert m.target is not None and tgt[m.target.start : m.target.end] == "100 million per week"


def test_weak_evidence_is_info_not_an_alarm() -> None:
    # A figure on one side only, where every other figure of the pair matches (NTREX-128).
    src = "Победой 5-2 над «Нэшионалс» «Рокиз» уже завоевали, по крайней мере, 7 или 8 место."
    tgt = "The Rockies clinched at least a wild-card spot with a 5-2 win over the Nationals."
    assert {m.doubt for m in compare(src, "ru", tgt)} == {"the other figures of the sentence match"}
    # A weekday one day off, as when a time zone is crossed.
    (m,) = compare("По состоянию на субботу, 5 часов утра по Нью-Йорку", "ru", "as of 5 a.m. Eastern time Sunday")
    assert m.doubt and m.rule.code == "MT302"
    # A figure missing where nothing else matches, and a weekday two days off, stay alarms.
    assert [m.doubt for m in compare("Погибли 12 человек.", "ru", "Many people died.")] == [""]
    assert [m.doubt for m in compare("В пятницу.", "ru", "On Sunday.")] == [""]
    report = check_documents(build_document("s.ru.txt", "ru", src + "\n"), build_document("t.en.txt", "en", tgt + "\n"))
    assert [f.severity for f in report.findings if f.rule == "MT301"] == [Severity.INFO, Severity.INFO]


def test_digits_are_matched_with_digits_before_number_words() -> None:
    src = "Они победили в четыре мяча со счётом 5/4."
    tgt = "They won the fourballs 5&4."
    assert changes(src, "ru", tgt) == []


def test_calendar_anchors_meet_across_languages() -> None:
    assert calendar_keys("Риск возрос в июне, в субботу", "ru") == calendar_keys(
        "The risk rose in June, on Saturday", "en"
    )
    assert calendar_keys("6월 토요일에", "ko") == {"D:m5", "D:d5"}
    # Theresa May is no month; "в среду" is Wednesday but "окружающей среды" is no day.
    assert calendar_keys("May said so.", "en") == set()
    assert calendar_keys("защита окружающей среды", "ru") == set()
    assert "A:BBC" in anchor_keys("Он сказал BBC", "ru")


def _brute_force(src: A.Units, tgt: A.Units, model: A._LengthModel) -> dict[tuple, float]:
    """Posterior of every bead by summing over every path (tiny inputs only)."""
    n, m = len(src), len(tgt)
    lo = np.zeros(n + 1, dtype=np.int64)
    cols = lo[:, None] + np.arange(m + 1)[None, :]
    cum_s = np.concatenate([[0.0], np.cumsum(src.lengths)])
    cum_t = np.concatenate([[0.0], np.cumsum(tgt.lengths)])
    costs = A._bead_costs(src, tgt, model, lo, cols, cum_s, cum_t, None)
    insert = A._INDEL_COST + model.penalties[A._INSERT_CODE]
    paths: list[tuple[float, list[tuple]]] = []

    def walk(i: int, j: int, acc: float, path: list[tuple]) -> None:
        if (i, j) == (n, m):
            paths.append((acc, path))
            return
        for code, (a, b) in enumerate(A._CODES):
            if i + a > n or j + b > m:
                continue
            cost = insert if a == 0 else costs[i + a, code, j + b]
            if np.isfinite(cost):
                walk(i + a, j + b, acc + cost, [*path, (i, i + a, j, j + b)])

    walk(0, 0, 0.0, [])
    total = sum(math.exp(-c) for c, _ in paths)
    beads: dict[tuple, float] = {}
    for c, path in paths:
        for bead in path:
            beads[bead] = beads.get(bead, 0.0) + math.exp(-c) / total
    return beads


def test_bead_confidence_is_the_posterior_over_every_alignment() -> None:
    src_texts = ["Первое предложение о погоде 5.", "Второе, длинное, о политике страны.", "Коротко.", "О спорте."]
    tgt_texts = ["The first sentence about the weather.", "The second 5, long, about politics.", "On sport."]
    src = A.Units.build(src_texts, [anchor_keys(t, "ru") for t in src_texts])
    tgt = A.Units.build(tgt_texts, [anchor_keys(t, "en") for t in tgt_texts])
    model = A._LengthModel(1.0, 4.0, tuple(-math.log(A.SENTENCE_PRIORS[k]) for k in A._CODES))
    beads = A._with_posteriors(A._banded(src, tgt, model, 16, None)[0])
    exact = _brute_force(src, tgt, model)
    i = j = 0
    for bead in beads:
        key = (i, i + len(bead.source), j, j + len(bead.target))
        assert bead.confidence == pytest.approx(exact[key], abs=0.002)
        i, j = key[1], key[3]
    assert 0.0 < min(b.confidence for b in beads) < 1.0


def test_a_sentence_that_often_stands_alone_is_split_off_its_merge(monkeypatch: pytest.MonkeyPatch) -> None:
    # The best path joins "Коротко и ясно о главном." to the sentence before, but about as
    # often the sentence stands alone: the omission a 2-1 bead would hide.
    src_texts = [
        "Первое предложение о погоде 5.",
        "Второе, длинное, о политике страны.",
        "Коротко и ясно о главном.",
        "О спорте.",
    ]
    tgt_texts = ["The first sentence about the weather 5.", "The second, long, on the politics here.", "On sport."]
    src = A.Units.build(src_texts, [anchor_keys(t, "ru") for t in src_texts])
    tgt = A.Units.build(tgt_texts, [anchor_keys(t, "en") for t in tgt_texts])
    model = A._LengthModel(1.0, 4.0, tuple(-math.log(A.SENTENCE_PRIORS[k]) for k in A._CODES))
    # Unpaired sentences a little cheaper than the aligner has them, for a near tie.
    monkeypatch.setattr(A, "_INDEL_COST", 0.0)
    exact = _brute_force(src, tgt, model)
    # Alone: in a 1-0 bead, or in a 2-0 or 3-0 one with its neighbours.
    alone = sum(p for (i, i2, j, j2), p in exact.items() if i <= 2 < i2 and j == j2)
    assert 0.25 < alone < exact[(1, 3, 1, 2)] < 0.5
    # Short sentences are never split off (their share says little); these are all short.
    monkeypatch.setattr(A, "_SPLIT", 0.25)
    kept = A._with_posteriors(A._banded(src, tgt, model, 16, None)[0])
    assert [(b.source, b.target) for b in kept] == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]
    monkeypatch.setattr(A, "SPLIT_MIN_LENGTH", 10)
    monkeypatch.setattr(A, "_SPLIT", 0.35)
    kept = A._with_posteriors(A._banded(src, tgt, model, 16, None)[0])
    assert [(b.source, b.target) for b in kept] == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]
    monkeypatch.setattr(A, "_SPLIT", 0.25)
    split = A._with_posteriors(A._banded(src, tgt, model, 16, None)[0])
    assert [(b.source, b.target) for b in split] == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))]
    # The split-off sentence's confidence is its share of all paths; the rest keeps its own.
    assert split[2].confidence == pytest.approx(alone, abs=0.002)
    assert split[1].confidence == kept[1].confidence


def _paragraph(sentences: list[str]) -> str:
    return " ".join(sentences)


RU = [
    "В понедельник губернатор Курской области Александр Хинштейн посетил новую школу в Курске.",
    "Школа рассчитана на 1200 учеников и обошлась бюджету в 2,5 млрд рублей.",
    "Строительство заняло два года, сообщили в администрации города.",
    "На открытии выступили ученики и учителя из соседних районов.",
]
EN = [
    "On Monday, Kursk Governor Alexander Khinshtein visited a new school in Kursk.",
    "The school has room for 1,200 pupils and cost the budget 2.5 billion roubles.",
    "Construction took two years, the city administration said.",
    "Pupils and teachers from neighbouring districts spoke at the opening.",
]


def _check(src: list[str], tgt: list[str]) -> list:
    report = check_documents(
        build_document("s.ru.txt", "ru", _paragraph(src) + "\n"), build_document("t.en.txt", "en", _paragraph(tgt))
    )
    return [f for f in report.findings if f.rule in ("MT101", "MT102")]


def test_a_sentence_dropped_from_a_paragraph_is_an_omission_with_its_span() -> None:
    (f,) = _check(RU, [EN[0], EN[2], EN[3]])
    text = _paragraph(RU)
    assert f.rule == "MT101" and f.severity == Severity.ERROR
    assert f.source_span is not None and f.source_span.text(text) == RU[1]
    assert f.evidence["alignment_confidence"] >= 0.5


def test_a_sentence_added_to_a_paragraph_is_an_addition_with_its_span() -> None:
    added = "Parking near the school will also be free of charge for all the parents of the pupils."
    (f,) = _check(RU, [EN[0], EN[1], added, EN[2], EN[3]])
    assert f.rule == "MT102" and f.severity >= Severity.WARNING
    assert f.target_span is not None and f.target_span.text(_paragraph([EN[0], EN[1], added, EN[2], EN[3]])) == added


def test_a_clean_paragraph_has_no_omission_and_every_bead_is_sure() -> None:
    assert _check(RU, EN) == []
    src = build_document("s", "ru", _paragraph(RU))
    tgt = build_document("t", "en", _paragraph(EN))
    beads = A.align_documents(src, tgt)
    assert [b.kind for b in beads] == ["1-1"] * 4
    assert min(b.confidence for b in beads) > 0.7


def test_every_number_finding_has_a_span_on_some_side() -> None:
    pairs = [
        ("В 2020 году в городе жили 5 000 человек.", "In 2020 the town had people."),
        ("Цена выросла на 15%.", "The price rose by 51%."),
        ("공사 기간은 6주이며 12월 4일에 끝난다.", "Construction will take six months and end on December 5."),
    ]
    for s, t in itertools.chain(pairs):
        lang = "ko" if any("가" <= c <= "힣" for c in s) else "ru"
        for m in compare(s, lang, t):
            spans = [q for q in (m.source, m.target) if q is not None]
            assert spans and all(q.end > q.start for q in spans)


@pytest.mark.parametrize("lang", ["ru", "ko"])
def test_paragraphs_aligned_together_get_the_posteriors_each_gets_alone(lang: str) -> None:
    # The Kursk article cut into paragraphs of three sentences, some with a sentence dropped from
    # the English: the paragraphs of one band shape have their forward-backward passes run as one
    # batch, and every bead and confidence must be what aligning each paragraph alone gives.
    from pathlib import Path

    from mtcheck.anchors import anchor_keys_many

    root = Path(__file__).resolve().parents[2] / "corpora" / f"kursk-{lang}"
    src_doc = build_document("s", lang, (root / f"source.{lang}.txt").read_text(encoding="utf-8"))
    tgt_doc = build_document("t", "en", (root / "draft.en.txt").read_text(encoding="utf-8"))
    src = [s.text for s in src_doc.segments]
    tgt = [s.text for s in tgt_doc.segments]
    s_keys, t_keys = anchor_keys_many(src, lang), anchor_keys_many(tgt, "en")
    pairs = []
    for k in range(0, min(len(src), len(tgt)) - 3, 3):
        t_ids = [k, k + 1, k + 2] if k % 2 else [k, k + 2]  # every other paragraph drops one
        pairs.append(
            (
                A.Units.build(src[k : k + 3], s_keys[k : k + 3]),
                A.Units.build([tgt[j] for j in t_ids], [t_keys[j] for j in t_ids]),
                None,
            )
        )
    assert len(pairs) >= 4
    ratio, priors = 1.1, A.SENTENCE_PRIORS
    together = A._align_units_many(pairs, None, ratio, A.DEFAULT_VARIANCE, priors, posteriors=True)
    alone = [A.align_units(s, t, None, ratio, A.DEFAULT_VARIANCE, priors) for s, t, _ in pairs]
    assert together == alone
    assert any(b.confidence < 1.0 for beads in together for b in beads)
    assert any(len(b.source) != len(b.target) for beads in together for b in beads)
