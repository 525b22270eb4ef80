"""The transliteration model: pair model, spelling-style and origin models, the near-miss judge,
Korean romanisation, and fitting on name pairs."""

from __future__ import annotations

import pytest

from mtcheck.lang import ru
from mtcheck.translit import korean
from mtcheck.translit.judge import is_russian_name, judge, pair_model, russian_origin, spelling_style
from mtcheck.translit.model import fit
from mtcheck.translit.units import hangul_units, latin, source_units


def test_units_split_hangul_into_jamo_with_their_place() -> None:
    # 신: initial ㅅ, vowel ㅣ, final ㄴ (marked); 라: ㄹ as an initial.
    assert hangul_units("신라") == ("ㅅ", "ㅣ", "ㄴ_", "ㄹ", "ㅏ")
    assert source_units("Ким Чен Ын", "ru") == tuple("кимченын")
    assert latin("Łódź") == "lodz" and latin("Kim Jong-un") == "kimjongun"


@pytest.mark.parametrize(
    ("script", "source", "right", "unrelated"),
    [
        ("ru", "Кромвель", "cromwell", "atkinson"),
        ("ru", "Трамп", "trump", "obama"),
        ("ko", "빅토르", "viktor", "pamela"),
        ("ko", "드미트리", "dmitry", "wilson"),
        ("ko", "나워트", "nauert", "johnson"),
    ],
)
def test_pair_model_prefers_the_name_to_an_unrelated_one(script: str, source: str, right: str, unrelated: str) -> None:
    model = pair_model(script)
    units = source_units(source, script)
    assert model.score(units, right) > model.score(units, unrelated) + 2
    assert model.score(units, unrelated) < model.calibration["plausible"]


def test_pair_model_decodes_likely_spellings() -> None:
    best = [s for s, _ in pair_model("ko").nbest(source_units("스미르노바", "ko"), 6)]
    assert "smirnova" in best and "smirnoba" in best  # Hangul cannot tell v from b
    assert "yekaterina" in [s for s, _ in pair_model("ko").nbest(source_units("예카테리나", "ko"), 3)]


def _nbest_by_full_lists(model: object, units: tuple[str, ...], n: int, beam: int) -> list[tuple[str, float]]:
    """The beam search written plainly: every expansion listed, each position cut to the beam."""
    import heapq
    import math
    from collections import defaultdict

    keys = model._segment_keys(units)  # type: ignore[attr-defined]
    states: dict[int, list[tuple[float, str]]] = defaultdict(list)
    states[0] = [(0.0, "")]
    for i in range(len(units)):
        for lp, text in heapq.nlargest(beam, states.pop(i, [])):
            for k, table in keys[i]:
                for out, p in table.items():
                    if p > 1e-4:
                        states[i + k].append((lp + math.log(p), text + out))
    final: dict[str, float] = defaultdict(lambda: -math.inf)
    for lp, text in states.get(len(units), []):
        final[text] = max(final[text], lp)
    return heapq.nlargest(n, final.items(), key=lambda x: x[1])


@pytest.mark.parametrize(
    ("script", "word"),
    [
        ("ru", "интернационалистов"),
        ("ru", "шварценеггер"),
        ("ru", "вудс"),
        ("ko", "스미르노바"),
        ("ko", "펜실베이니아"),
    ],
)
def test_nbest_keeps_what_a_plain_beam_search_keeps(script: str, word: str) -> None:
    model = pair_model(script)
    units = tuple(source_units(word, script))
    assert model.nbest(units, 60, beam=128) == _nbest_by_full_lists(model, units, 60, 128)
    assert model.nbest(units, 10, beam=8) == _nbest_by_full_lists(model, units, 10, 8)


def test_style_models_tell_original_spellings_from_transliterations() -> None:
    assert spelling_style("Cromwell") > 0 > spelling_style("Khinstin")
    assert spelling_style("Bellingshausen") > spelling_style("Galazinsky")
    assert russian_origin("Галажинский") > 0.3 > russian_origin("Фихте")
    assert is_russian_name("белгород")  # a place of the former USSR (gazetteer)
    assert is_russian_name("пригожин")  # declines like a Russian surname
    assert not is_russian_name("раннелс")


@pytest.mark.parametrize(
    ("source", "spelling", "garbled"),
    [
        ("Хинштейн", "khinstin", True),  # transliteration style, no scheme writes it
        ("Галажинский", "galazinsky", True),  # a Russian name: a near miss is a garble
        ("Пригожин", "prigozhun", True),
        ("Белгород", "belgorad", True),
        ("Фихте", "fichte", False),  # the name's own spelling
        ("Раннелс", "runnels", False),
        ("Лантань", "lantagne", False),
        ("Арфилд", "arfield", False),
        ("Анджелини", "angelini", False),
    ],
)
def test_judge_on_near_misses(source: str, spelling: str, garbled: bool) -> None:
    verdict = judge((source.lower(), source), spelling, ru.renderings(source), "ru")
    assert verdict.garbled is garbled, verdict


def test_judge_takes_established_english_for_a_russian_name() -> None:
    # Alexander is English usage for Александр, not a garble of Aleksandr.
    assert not judge("александр", "alexander", ru.renderings("Александр"), "ru").garbled


@pytest.mark.parametrize(
    ("word", "rr", "mr", "letters"),
    [
        ("신라", "silla", "silla", "sinla"),
        ("종로", "jongno", "chongno", "jonglo"),
        ("독립문", "dongnimmun", "tongnimmun", "doglibmun"),
    ],
)
def test_korean_romanisation_applies_sound_changes(word: str, rr: str, mr: str, letters: str) -> None:
    assert korean.rr(word) == rr and korean.mr(word) == mr and korean.transliteration(word) == letters
    assert {rr, mr} <= korean.readings(word) and letters not in korean.readings(word)


def test_fit_learns_a_transliteration_from_pairs() -> None:
    # Russian towns of the gazetteer and their English names: fitted on most of them, the model
    # spells a held-out one right among its best guesses and scores it above an unrelated name.
    from mtcheck.translit.fit import city_names

    pairs = sorted({(c, en) for c, en, cc in city_names() if cc == "RU" and 5 <= len(en) <= 10})[:400]
    train, held = pairs[:-20], pairs[-20:]
    model = fit([(source_units(c, "ru"), en) for c, en in train], "ru", iterations=4)
    hits = sum(en in [s for s, _ in model.nbest(source_units(c, "ru"), 10)] for c, en in held)
    assert hits >= 12, hits
    c, en = held[0]
    assert model.logprob(source_units(c, "ru"), en) > model.logprob(source_units(c, "ru"), held[1][1])
