"""The benchmarks run without their data (CI, a fresh clone) and say so; the garble generator
plants what it says it plants."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("script", ["quality.py", "garbles.py"])
def test_benchmark_without_data_exits_0(tmp_path: Path, script: str) -> None:
    env = {**os.environ, "MTCHECK_EVAL_DATA": str(tmp_path / "absent"), "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"evaluation data not found at {tmp_path / 'absent'}; nothing measured"


def test_check_pair_reports_the_codemix_span() -> None:
    from benchmarks.quality import check_pair

    src = "Дипломатические отношения с Катаром три года назад разорвали ОАЭ, Саудовская Аравия, Египет и Бахрейн."
    tgt = "Diplomatic отношения with Qatar were severed by the United Arab Emirates, Saudi Arabia, Egypt and Bahrain."
    (f,) = check_pair(src, "ru", tgt, ("MT4",))
    assert f.rule == "MT401" and f.target_span and f.target_span.text(tgt) == "отношения"


def test_documents_group_sentences_into_paragraphs_within_each_news_document() -> None:
    from benchmarks.quality import paragraphs
    from mtcheck.documents.text import build_document

    lines = ["Первое предложение.", "Второе  предложение.", "Третье.", "Новая статья.", "Ещё одно."]
    text = paragraphs(lines, 2, ["a", "a", "a", "b", "b"])
    assert text == "Первое предложение. Второе предложение.\n\nТретье.\n\nНовая статья. Ещё одно.\n"
    doc = build_document("x.ru.txt", "ru", text)
    assert [len(p.segments) for p in doc.paragraphs] == [2, 1, 2]
    assert paragraphs(lines[:2], 1) == "Первое предложение.\n\nВторое предложение.\n"


def _info(src: str, eng: str):  # type: ignore[no-untyped-def]
    from benchmarks.garblegen.pairs import ru_pairs
    from benchmarks.garblegen.plant import SentenceInfo

    pairs, tokens = ru_pairs(src, eng, [])
    return SentenceInfo("ru", src, eng, tokens, pairs)


def test_garble_generator_plants_only_what_the_source_contradicts() -> None:
    import random

    from benchmarks.garblegen.garble import Misspelling
    from benchmarks.garblegen.plant import fair_misspelling, garbled_names, inflected
    from benchmarks.garblegen.spelling import cyr_accepts

    info = _info(
        "Ректор Эдуард Галажинский встретился с Сергеем Ивановым.",
        "Rector Eduard Galazhinsky met Sergei Ivanov.",
    )
    plants = garbled_names(info, "person", random.Random(1))
    assert {p.correct for p in plants} == {"Eduard", "Galazhinsky", "Sergei", "Ivanov"}
    source = {"Eduard": "Эдуард", "Galazhinsky": "Галажинский", "Sergei": "Сергей", "Ivanov": "Иванов"}
    for p in plants:
        assert p.garbled != p.correct and not cyr_accepts(source[p.correct], p.garbled), p
    # Another scheme's spelling is no error, and a foreign name's naive spelling is no error either.
    galazhinsky = next(p for p in info.pairs if p.eng.text == "Galazhinsky").source
    assert fair_misspelling(info, galazhinsky, "Galazhinsky", Misspelling("Galazhinskiy", "vowel", ""), True) is None
    trump = _info("Трамп заявил.", "Trump said.")
    (pair,) = trump.pairs
    assert fair_misspelling(trump, pair.source, "Trump", Misspelling("Tramp", "vowel", ""), pair.native) is None
    assert fair_misspelling(trump, pair.source, "Trump", Misspelling("Trum", "drop", ""), pair.native) == "source"
    # The oblique case spelled out, one error over first name and surname.
    (both,) = inflected(info)
    assert (both.correct, both.garbled, both.src_new) == ("Sergei Ivanov", "Sergeem Ivanovym", "Сергеем Ивановым")
    (city,) = inflected(_info("Он живёт в Новосибирске.", "He lives in Novosibirsk."))
    assert (city.correct, city.garbled) == ("Novosibirsk", "Novosibirske")


def test_garble_generator_acronyms_nouns_and_compounds() -> None:
    from benchmarks.garblegen.plant import common_nouns, half_translated, inflect_phrase, ru_acronyms
    from benchmarks.garblegen.spelling import acronym_letters

    # Substituted names take the slot's case; the accusative adjective follows the head's gender and animacy.
    assert inflect_phrase("Белая Церковь", "accs") == "Белую Церковь"
    assert inflect_phrase("Казанский собор", "accs") == "Казанский собор"
    assert inflect_phrase("Дом культуры", "ablt") == "Домом культуры"
    assert inflect_phrase("Белая Царква", "gent") is None
    assert [acronym_letters(a) for a in ("ЖКХ", "СПбГУ", "СО РАН")] == ["ZhKKh", "SPbGU", "SO RAN"]

    info = _info("Северная Корея провела испытание, сообщили в ООН.", "North Korea conducted a test, the UN said.")
    assert [(p.correct, p.garbled) for p in half_translated(info)] == [("North Korea", "Severnaya Korea")]
    assert half_translated(_info("Жалобы Северной Кореи не новы.", "North Korean complaints are not new.")) == []
    assert [(p.correct, p.garbled) for p in ru_acronyms(info)] == [("UN", "OON")]
    info = _info("Поезд прибыл на вокзал вечером.", "The train arrived at the station in the evening.")
    assert [(p.correct, p.garbled) for p in common_nouns(info)] == [("train", "poyezd"), ("station", "vokzal")]


def test_garble_generator_gold_spans_are_checked() -> None:
    from benchmarks.garblegen.corpora import Document, Sentence
    from benchmarks.garblegen.generate import build_cases, check_gold
    from benchmarks.garblegen.plant import Substitute, substitute

    sentences = [
        Sentence("d", 0, "Шторм обрушился на побережье.", "The storm hit the coast.", ""),
        Sentence("d", 1, "Мэр Томска выступил в Новосибирске.", "The mayor of Tomsk spoke in Novosibirsk.", ""),
        Sentence("d", 2, "Дороги закрыты.", "Roads are closed.", ""),
        Sentence("d", 3, "Спасатели работают.", "Rescuers are at work.", ""),
    ]
    info = _info(sentences[1].src, sentences[1].eng)
    slot = next(p for p in info.pairs if p.eng.text == "Novosibirsk")
    sub = Substitute("Дом культуры", "House of Culture", "Dom Kultury", "common-noun", "test")
    plant = substitute(info, slot.source, slot.eng, sub)
    assert plant is not None and plant.src_new == "Доме культуры"
    (case,) = build_cases("ru", [Document("d", "ru", tuple(sentences))], [{"d": {1: plant}}])
    assert check_gold([case]) == []
    (e,) = case.errors
    assert case.draft[e["target_start"] :].startswith("Dom Kultury.") and e["correct"] == "House of Culture"
    assert case.source.splitlines()[2] == "Мэр Томска выступил в Доме культуры."
    shifted = dict(e, target_start=e["target_start"] + 1)
    bad = type(case)(case.id, case.lang, case.source, case.draft, (shifted,), (), case.sentences)
    assert check_gold([bad]) == [f"{case.id} e1 common-noun: target text 'Dom Kultury' not at {e['target_start'] + 1}"]


def test_results_file_keeps_the_other_benchmarks_sections(tmp_path: Path) -> None:
    from benchmarks.results import write_section

    path = tmp_path / "RESULTS.md"
    path.write_text("# Quality benchmark results\n\nold quality\n```\n# not a heading\n```\n", encoding="utf-8")
    write_section(path, "## Garbles", "first\n")
    write_section(path, "# Quality benchmark results", "new quality\n")
    write_section(path, "## Garbles", "second\n")
    assert path.read_text(encoding="utf-8") == "# Quality benchmark results\n\nnew quality\n\n## Garbles\n\nsecond\n"
