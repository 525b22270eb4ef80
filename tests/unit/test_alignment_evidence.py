"""Issue 12: what the aligner weighs to tell a merged sentence from a dropped or added one:
anchor evidence per key type, figures read as the number check reads them, names that only
open a sentence, glosses in brackets, four-way splits and the document's own bead priors."""

from __future__ import annotations

from mtcheck import align as A
from mtcheck.anchors import anchor_keys
from mtcheck.checks.alignment import _continues, check_alignment
from mtcheck.checks.registry import CheckContext
from mtcheck.documents.text import build_document
from mtcheck.pipeline import check_documents
from mtcheck.types import Bead, Severity


def _indels(source: str, lang: str, target: str) -> list[str]:
    report = check_documents(build_document("s", lang, source), build_document("t", "en", target))
    return [f.rule for f in report.findings if f.rule in ("MT101", "MT102") and f.severity.label != "info"]


def test_figures_written_as_words_or_myriads_are_anchors() -> None:
    def figures(text: str, lang: str) -> set[str]:
        return {k for k in anchor_keys(text, lang) if k.startswith("D:")}

    assert figures("Ещё шесть миллионов человек нуждаются в помощи.", "ru") == figures(
        "Another six million people are in need of assistance.", "en"
    )
    assert figures("NSF는 AI 연구에 1억 달러를 투자한다.", "ko") == figures("NSF invests $100 million in AI.", "en")
    assert "D:date12-4" in anchor_keys("4 декабря губернатор объявил.", "ru")


def test_a_word_that_only_opens_its_sentence_is_no_name() -> None:
    names = {k for k in anchor_keys("Однако Путин приехал. Почему Президент Трамп отказался?", "ru") if k[0] == "N"}
    assert names == {"N:ptn", "N:pls", "N:tlm"}  # Путин, Президент, Трамп; not Однако, Почему
    assert "N:knt" not in anchor_keys("Instead, Trump said so.", "en")  # "Instead" opens it
    assert {k for k in anchor_keys("Лондон пострадал.", "ru") if k[0] == "N"}  # a place opening a sentence


def test_a_russian_dzh_meets_an_english_j() -> None:
    def names(text: str, lang: str) -> set[str]:
        return {k for k in anchor_keys(text, lang) if k[0] == "N"}

    assert names("Вчера приехал Джексон.", "ru") & names("Jackson arrived yesterday.", "en")
    assert names("Вчера приехал Джеймс.", "ru") & names("James arrived yesterday.", "en")
    assert names("Они прибыли в Джакарту.", "ru") & names("They arrived in Jakarta.", "en")


def test_glosses_in_another_script_are_no_length() -> None:
    assert A.text_length("숀 콤스(Sean Combs)는 퍼프 대디(Puff Daddy)로 알려져 있습니다.") == len(
        "숀 콤스는 퍼프 대디로 알려져 있습니다."
    )
    assert A.text_length("He said (in 2019) so.") == len("He said (in 2019) so.")


def test_a_changed_figure_keeps_its_sentence_pair() -> None:
    src = build_document("s", "ko", "2023년 회의는 화요일에 열렸다.")
    tgt = build_document("t", "en", "The 2024 meeting was held on Thursday.")
    (bead,) = A.align_documents(src, tgt)
    assert bead.kind == "1-1" and bead.confidence > 0.5


# NTREX-128 (CC BY-SA 4.0): a Korean translation cuts one quoted English sentence into four.
KO_QUOTE = [
    "“어제 쓰나미 위협이 대두했을 때, 사람들은 해변에서 하던 활동을 계속 했으며 즉시 달리지 못했습니다.",
    "결국 그들은 희생자가 되었습니다.”",
    "대변인 수토포 푸르우 누그로호(Sutopo Purwo Nugroho)가 자카르타(Jakarta)에서 있었던 브리핑에서 말했습니다.",
    '"쓰나미는 단독으로 오지 않았습니다',
    "쓰나미는 자동차, 나무, 집을 끌고 왔습니다.",
    "쓰나미는 땅에 있던 모든 것을 강타했습니다.”",
    "해안선을 강타하기 전 쓰나미가 800kph(497mph)의 속도로 공해상을 횡단했다는 것을 덧붙이며 누그로호가 말했습니다.",
]
EN_QUOTE = [
    '"When the tsunami threat arose yesterday, people were still doing their activities on the beach and did '
    'not immediately run and they became victims," Sutopo Purwo Nugroho, the spokesman said in a briefing in Jakarta.',
    '"The tsunami didn\'t come by itself, it dragged cars, logs, houses, it hit everything on land," Nugroho said, '
    "adding that the tsunami had traveled across the open sea at speeds of 800 kph (497 mph) before striking the "
    "shoreline.",
]


def test_four_sentences_joined_into_one_are_no_omission() -> None:
    src = build_document("s", "ko", " ".join(KO_QUOTE))
    tgt = build_document("t", "en", " ".join(EN_QUOTE))
    assert [b.kind for b in A.align_documents(src, tgt)] == ["3-1", "4-1"]
    assert _indels(" ".join(KO_QUOTE), "ko", " ".join(EN_QUOTE)) == []


def test_a_dropped_sentence_with_a_figure_nowhere_else_is_an_omission() -> None:
    # NTREX-128: the English line with "2.4 million people" is dropped from the paragraph.
    ru = [
        "Примерно 16 700 местных жителей было эвакуировано в 24 убежища в Палу.",
        "В субботу прибрежный город все еще сотрясали подземные толчки.",
        "Серия землетрясений произошла на территории с населением 2,4 млн человек.",
        "Возможно, цунами оказалось сильнее, чем ожидалось, за счет географического положения города.",
        "Нугрохо назвал ущерб «масштабным», добавив, что разрушению подверглись тысячи домов и гостиниц.",
    ]
    en = [
        "Around 16,700 people were evacuated to 24 centers in Palu.",
        "Aftershocks continued to rock the coastal city on Saturday.",
        "The geography of the city could have magnified the size of the tsunami, it said.",
        'Nugroho described the damage as "extensive" and said thousands of houses and hotels had collapsed.',
    ]
    assert _indels(" ".join(ru), "ru", " ".join(en)) == ["MT101"]


def test_the_second_pass_takes_the_documents_own_joins() -> None:
    def bead(a: int, b: int) -> Bead:
        return Bead(tuple(range(a)), tuple(range(b)), 1.0)

    korean_like = A._measure_priors([bead(1, 1)] * 150 + [bead(2, 1)] * 50)
    short = A._measure_priors([bead(1, 1)] * 8 + [bead(2, 1)] * 2)
    assert korean_like[(2, 1)] > 0.15 > short[(2, 1)] > A.SENTENCE_PRIORS[(2, 1)]
    # Indels are what alignment looks for, not a habit: their priors stay.
    assert korean_like[(1, 0)] == A.SENTENCE_PRIORS[(1, 0)]
    assert abs(sum(korean_like.values()) - 1.0) < 1e-9


def test_a_piece_of_the_sentence_before_is_no_alarm() -> None:
    # NTREX-128: the Korean splitter cuts the quotative ending off a quoted sentence.
    ko = '스코틀랜드는 여러분의 보금자리이며 계속 거주하길 간절하게 바랍니다."라는 내용이 포함되어 있었다. 그는 떠났다.'
    en = 'Scotland is your home and we very much want you to stay here." He left.'
    src, tgt = build_document("s", "ko", ko), build_document("t", "en", en)
    assert [seg.text for seg in src.segments][1] == "라는 내용이 포함되어 있었다."
    beads = (Bead((0,), (0,), 1.0, 0.95), Bead((1,), (), 0.6, 0.9), Bead((2,), (1,), 1.0, 0.95))
    (f,) = check_alignment(CheckContext(src, tgt, beads))
    assert f.rule == "MT101" and f.severity is Severity.INFO
    # A whole sentence left over stays an error.
    beads = (Bead((0, 1), (0,), 1.0, 0.95), Bead((2,), (), 0.6, 0.9))
    (f,) = check_alignment(CheckContext(src, build_document("t", "en", en.split(" He")[0]), beads))
    assert f.severity is Severity.ERROR
    assert _continues("— сказал он.", "ru") and not _continues("Он ушёл.", "ru")


def _flagged(source: str, lang: str, target: str) -> list[tuple[str, str]]:
    """(rule, flagged text) of the omission and addition findings at warning or above."""
    report = check_documents(build_document("s", lang, source), build_document("t", "en", target))
    return [
        (f.rule, f.source_span.text(source) if f.source_span else f.target_span.text(target))  # type: ignore[union-attr]
        for f in report.findings
        if f.rule in ("MT101", "MT102") and f.severity >= Severity.WARNING
    ]


# NTREX-128 (CC BY-SA 4.0), the first paragraphs of three documents.
RU_MACEDONIA = (
    "Македонцы проголосуют в референдуме о смене названии их страны\n\n"
    "В воскресенье жители Македонии проголосуют о переименовании страны в «Республику Северная Македония». "
    "Всенародное голосование призвано разрешить многолетний спор с соседней Грецией, в которой есть своя провинция "
    "Македония. Правительство Греции давно настаивало на том, что наименование «Республика Македония» предполагает "
    "территориальные претензии на греческую провинцию, и неоднократно высказывалось против вступления своего "
    "северного соседа в Евросоюз и НАТО. Президент Македонии Георге Иванов, противник референдума о смене названия, "
    "заявил, что не собирается признавать его результаты. Однако сторонники референдума, в том числе премьер-министр "
    "Зоран Заев, отмечают, что изменение названия страны — это всего-навсего цена вступления в ЕС и НАТО.\n"
)
EN_MACEDONIA = (
    "Macedonians go to polls in referendum on changing country's name\n\n"
    'Voters will vote Sunday on whether to change their country\'s name to the "Republic of North Macedonia." '
    "Athens has long insisted that its northern neighbor's name represents a claim on its territory and has "
    "repeatedly objected to its membership bids for the EU and NATO. Macedonian President Gjorge Ivanov, an opponent "
    "of the plebiscite on the name change, has said he will disregard the vote. However, supporters of the "
    "referendum, including Prime Minister Zoran Zaev, argue that the name change is simply the price to pay to join "
    "the EU and NATO.\n"
)
RU_LAKERS = (
    "Леброн дебютирует в составе «Лейкерс» в воскресенье в Сан-Диего\n\n"
    "Томительное ожидание фанатов увидеть, как Леброн Джеймс впервые выступит в «Лос-Анджелес Лейкерс», почти "
    "подошло к концу. Тренер «Лейкерс» Люк Уолтон объявил, что Джеймс сыграет в предсезонном воскресном матче против "
    "«Денвер Наггетс» в Сан-Диего. Но еще предстоит выяснить, сколько времени ему предстоит отыграть.\n"
)
EN_LAKERS = (
    "LeBron to make Lakers debut Sunday in San Diego\n\n"
    "The wait is nearly over for fans looking to see LeBron James make his first start for the Los Angeles Lakers. "
    "Lakers coach Luke Walton has announced that James will play in Sunday's preseason opener against the Denver "
    "Nuggets in San Diego. But just how many minutes he'll play has yet to be determined.\n"
)
KO_HIPHOP = (
    "고상한 종족 의식있는 힙합이란 무엇인가? 어느 힙합 3인조는 그들의 음악을 긍정적인 메시지로 채워줌으로써 그 장르에 "
    "대한 부정적인 시각에 도전하고 싶어한다. 브리스톨 출신의 하이 브리드는 힙합이 정치적 메시지와 사회적 이슈를 다루는 "
    "처음 내력에서 벗어났다고 주장한다. 그들은 힙합의 뿌리로 돌아가 의식적인 힙합이 다시 인기를 얻기를 원한다. 푸지와 "
    "커먼과 같은 예술가들은 아칼라나 로우키 같은 예술가들을 통해 최근 영국에서 다시 살아나고 있다.\n"
)
EN_HIPHOP = [
    "The High Breed: What is conscious hip hop?",
    "A hip hop trio wants to challenge the negative view of the genre by filling their music with positive messages.",
    "The High Breed, from Bristol, claim hip hop moved away from its origins of political messages and tackling "
    "social issues.",
    "They want to go back to its roots and make conscious hip hop popular again.",
    "Artists like The Fugees and Common have seen a recent resurgence in the UK through artists such as Akala and "
    "Lowkey.",
]


def test_a_sentence_as_likely_dropped_as_merged_is_an_omission() -> None:
    # The sentence on the dispute with Greece is left untranslated: the best alignment alone
    # hides it in a 2-1 bead with the sentence before, whose translation runs long, but it
    # stands alone on more than a third of the alignments.
    dropped = "Всенародное голосование призвано разрешить многолетний спор с соседней Грецией, в которой есть своя провинция Македония."  # noqa: E501
    assert dropped in RU_MACEDONIA
    assert _flagged(RU_MACEDONIA, "ru", EN_MACEDONIA) == [("MT101", dropped)]


def test_a_sentence_added_to_a_paragraph_is_found_in_korean_and_russian() -> None:
    added = "There are a lot of things you have to get through on a weekly basis."
    en = " ".join([*EN_HIPHOP[:4], added, EN_HIPHOP[4]]) + "\n"
    assert _flagged(KO_HIPHOP, "ko", en) == [("MT102", added)]
    # Russian: a sentence from another article in the middle of the paragraph.
    added = "The charges will be reviewed by the Public Prosecution Service."
    en = EN_LAKERS.replace("San Diego. But", f"San Diego. {added} But")
    assert _flagged(RU_LAKERS, "ru", en) == [("MT102", added)]


def test_a_short_sentence_needs_a_surer_alignment_to_be_an_alarm() -> None:
    ru = (
        "Губернатор открыл школу. Так и было. Школа рассчитана на тысячу двести учеников из трёх соседних районов "
        "и обошлась областному бюджету дороже, чем планировали."
    )
    # The whole translation sets the length ratio; the beads below leave parts of it out.
    en = (
        "The governor opened the school. So it was. The school has room for twelve hundred pupils from three "
        "neighbouring districts and cost the regional budget more than planned."
    )
    src, tgt = build_document("s", "ru", ru), build_document("t", "en", en)
    assert len(src.segments) == 3

    def severity(alone: int, posterior: float) -> Severity:
        rest = [i for i in (1, 2) if i != alone]
        beads = (Bead((0, *rest), (0,), 1.0, 0.9), Bead((alone,), (), 0.6, posterior))
        (f,) = check_alignment(CheckContext(src, tgt, beads))
        return f.severity

    # "Так и было." stands alone on 45% of the paths: too short to tell a merge from a drop.
    assert severity(1, 0.45) is Severity.INFO and severity(1, 0.55) is Severity.ERROR
    # A long sentence that stands alone on 35% of them is reported.
    assert severity(2, 0.35) is Severity.ERROR and severity(2, 0.25) is Severity.INFO


# NTREX-128 (CC BY-SA 4.0), the Still Game article; the English leaves the fourth sentence out.
RU_STILL_GAME = (
    "Звезда Still Game Форд Киран собирается приступить к работе в гостиничной индустрии: стало известно, что он "
    "был назначен директором лицензированной ресторанной компании. 56-летний актер исполняет роль Джека Джарвиса в "
    "популярном шоу BBC, сценарий к которому он же и пишет, и снимается вместе с давним комедийным партнером Грегом "
    "Хемфиллом. Дуэт объявил, что предстоящая девятая серия станет последней в шоу, и похоже, что Кирнан планирует "
    "жизнь после Крейгланга. По официальной информации, он является директором Adriftmorn Limited. Актер отказался "
    "комментировать эту информацию, хотя источник Scottish Sun намекнул, что Кирнан планирует принять участие в "
    "«процветающем ресторанном бизнесе» в Глазго."
)
EN_STILL_GAME = (
    "Still Game star Ford Kieran looks set to move into the hospitality industry after it was discovered he's been "
    "named as the director of a licensed restaurants company. The 56-year-old plays Jack Jarvis on the popular BBC "
    "show, which he writes and co-stars with long-time comedy partner Greg Hemphill. The duo have announced that "
    "the upcoming ninth series will be the final one in the show's run, and it appears Kiernan is planning for life "
    "after Craiglang. The actor declined to comment on the story, though a Scottish Sun source hinted that Kiernan "
    'was looking to get involved in Glasgow\'s "thriving restaurant trade."'
)
# NTREX-128, the Deptford cyclist; the English has no sentence for the one on Childers Street.
KO_DEPTFORD = (
    "런던에서 한 사이클리스트가 자동차와의 충돌로 사망했다. 사고는 영국 서머 타임 10시 15분 즈음 베스트우드(Bestwood) "
    "가와 에블린(Evelyn) 가의 교차로 주변의 뎃퍼드(Deptford)의 남동쪽에 위치한 복잡한 도로에서 발생했습니다. 해당 "
    "차량의 운전자가 멈췄습니다. 그리고 긴급 의료원이 현장에 있었습니다. 그러나, 그 남자는 현장에서 사망했습니다. 그 "
    "사고는 토요일 사고가 있었던 곳에서 일 마일쯤 떨어진 칠더스(Childers) 가에서 또 다른 자전거 운전자가 뺑소니 사고로 "
    "사망한 이후 몇 달 뒤에 일어났습니다. 런던 경찰청은 경찰관들이 해당 남성의 신원을 파악하고 그의 친척들에게 사실을 "
    "알리기 위해 작업에 착수하고 있다고 말했습니다. 도로는 폐쇄되었고 버스 우회 경로가 준비되었으며 운전자들에게는 "
    "해당 지역을 피할 것이 권고되었습니다."
)
EN_DEPTFORD = (
    "A cyclist has died in a collision involving a car in London. The crash happened near the junction of Bestwood "
    "Street and Evelyn Street, a busy road in Deptford, in the south-east of the city, at about 10:15 BST. The "
    "driver of the car stopped and paramedics attended, but the man died at the scene. The Metropolitan Police said "
    "officers were working to identify the man and inform his next-of-kin. Road closures and bus diversions are in "
    "place and motorists have been advised to avoid the area."
)


def test_a_name_left_in_latin_letters_is_strong_evidence() -> None:
    # A name the source writes in Latin letters is in the translation nine times in ten: the
    # sentence that holds the only one the English lacks is dropped, not merged with the one
    # before (whose translation runs long enough to hide it).
    latin = anchor_keys("По официальной информации, он является директором Adriftmorn Limited.", "ru")
    assert latin & anchor_keys("He is the director of Adriftmorn Limited.", "en")
    assert not any(k.startswith("N:") for k in latin)
    dropped = "По официальной информации, он является директором Adriftmorn Limited."
    assert _flagged(RU_STILL_GAME, "ru", EN_STILL_GAME) == [("MT101", dropped)]
    whole = EN_STILL_GAME.replace(
        " The actor", " According to official record listings, he is the director of Adriftmorn Limited. The actor"
    )
    assert _flagged(RU_STILL_GAME, "ru", whole) == []
    # Korean: the street glossed in brackets.
    dropped = KO_DEPTFORD[KO_DEPTFORD.index("그 사고는") : KO_DEPTFORD.index("런던 경찰청")].strip()
    assert _flagged(KO_DEPTFORD, "ko", EN_DEPTFORD) == [("MT101", dropped)]
    whole = EN_DEPTFORD.replace(
        " The Metropolitan",
        " The crash comes months after another cyclist was killed in a hit-and-run on Childers Street, about a mile "
        "from Saturday's crash. The Metropolitan",
    )
    assert _flagged(KO_DEPTFORD, "ko", whole) == []


def test_places_meet_by_their_english_names_and_questions_by_their_marks() -> None:
    # No consonant skeleton joins 중국 and China; the gazetteer does. Russian has none: "Центральное"
    # is a place to the gazetteer too.
    china = {"G:china"}
    assert not any(k.startswith("G:") for k in anchor_keys("Центральное агентство обвинило Китай.", "ru"))
    assert china <= anchor_keys("트럼프는 중국이 선거에 개입하려 했다고 비난했다.", "ko")
    assert china <= anchor_keys("Trump accused China of meddling.", "en")
    assert "I" in anchor_keys("Что произойдет после того, как ФБР обнародует свой отчет?", "ru")
    assert "I" in anchor_keys("What happens after the FBI produces its report?", "en")
    assert "I" not in anchor_keys("ФБР обнародует свой отчет.", "ru")


def test_a_quote_that_opens_or_closes_a_sentence_is_a_key_of_its_own() -> None:
    ru = anchor_keys("«Мы не сдадимся», — сказал мэр.", "ru")
    en = anchor_keys('"We will not give up," the mayor said.', "en")
    assert {"Q", "O"} <= ru & en and "C" not in ru | en
    assert "C" in anchor_keys("Он добавил: «Это только начало».", "ru")
    assert "C" in anchor_keys('He added: "This is only the beginning."', "en")
    assert {"O", "C"} <= anchor_keys("“이제 시작일 뿐입니다.”", "ko")
    # «» around a name opens no sentence; an apostrophe closes a quote only after punctuation.
    assert "O" not in anchor_keys("Компания «Яндекс» представила новый смартфон.", "ru")
    assert "C" not in anchor_keys("He met the players and the coaches' wives", "en")


def test_a_join_cannot_explain_away_a_stray_figure_with_an_unrelated_one() -> None:
    assert A._changeable(frozenset({"D:2023"}), frozenset({"D:2024"})) == 1
    assert A._changeable(frozenset({"D:6"}), frozenset({"D:20"})) == 1  # 6 metres, 20 feet
    assert A._changeable(frozenset({"D:d4"}), frozenset({"D:d5"})) == 1  # Friday, Saturday
    assert A._changeable(frozenset({"D:2400000"}), frozenset({"D:2", "D:d4"})) == 0
    # The English sentence after the dropped one holds a figure its source lacks (Friday); the
    # dropped sentence's 2.4 million is no changed form of it, and the join that read it as one
    # no longer hides the omission.
    source = (
        "В субботу город все еще сотрясали подземные толчки. "
        "Землетрясения ощущались на территории с населением 2,4 млн человек. "
        "По данным агентства, выброс энергии оказался примерно в 200 раз больше, чем при взрыве атомной "
        "бомбы над Хиросимой. Возможно, цунами оказалось сильнее из-за формы залива."
    )
    target = (
        "Aftershocks continued to rock the city on Saturday. The agency said the energy released by "
        "Friday's quake was around 200 times the power of the atomic bomb dropped on Hiroshima. "
        "The tsunami may have been stronger because of the shape of the bay."
    )
    report = check_documents(build_document("s", "ru", source), build_document("t", "en", target), lexicon=None)
    omitted = [f for f in report.findings if f.rule == "MT101" and f.severity >= Severity.WARNING]
    assert [f.source_span.text(source) for f in omitted if f.source_span] == [
        "Землетрясения ощущались на территории с населением 2,4 млн человек."
    ]


def test_sentences_left_out_together_are_one_omission() -> None:
    # One English sentence that the Korean text cut in two, left out of the translation: as
    # two separate omissions the pair cost more than a join with the neighbours.
    source = (
        "태풍이 어제 남부 지방을 강타했다. 강풍으로 나무 수백 그루가 쓰러졌다. 주민들은 학교로 대피했다. "
        "일부 지역에서는 밤새 정전이 이어졌다. 당국은 오늘 아침 복구 작업을 시작했다."
    )
    target = (
        "A typhoon hit the southern region yesterday. Strong winds brought down hundreds of trees. "
        "The authorities began repair work this morning."
    )
    report = check_documents(build_document("s", "ko", source), build_document("t", "en", target))
    omitted = [f for f in report.findings if f.rule == "MT101"]
    assert len(omitted) == 1 and omitted[0].severity is Severity.ERROR
    assert omitted[0].source_span is not None
    assert omitted[0].source_span.text(source) == "주민들은 학교로 대피했다. 일부 지역에서는 밤새 정전이 이어졌다."
