"""MT501 low-similarity with the fake translator, on real Russian and Korean sentences.

The fake translator returns what opus-mt-like models would plausibly produce (written out
below), so these tests pin the scoring logic, not a model.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("sacrebleu")

from mtcheck.checks.similarity import CHRF_THRESHOLD, ForwardScorer, score_pair, words
from mtcheck.pipeline import check_files
from mtcheck.translate.fake import FakeTranslator

RU = [
    "Президент России Владимир Путин в новогоднем поздравлении лидеру КНДР Ким Чен Ыну подчеркнул «героическое "
    "участие» северокорейских военнослужащих в специальной военной операции (СВО).",
    "Как сообщает Центральное телеграфное агентство Кореи (ЦТАК), Путин отметил роль северокорейских военных в "
    "«освобождении территории Курской области от захватчиков» и высоко оценил последующую работу северокорейских "
    "саперов в России.",
    "По его словам, это «подтверждает нерушимую дружбу и боевое братство России и КНДР».",
]
KO = [
    "블라디미르 푸틴 러시아 대통령은 김정은 북한 국무위원장에게 보낸 새해 축전에서 러시아의 특별군사작전에 북한 "
    '군인들이 "영웅적으로 참여"했다고 강조했다.',
    '조선중앙통신에 따르면 푸틴 대통령은 "쿠르스크주 영토를 침략자들로부터 해방"하는 데 북한군이 한 역할을 언급하고, '
    "이후 러시아에서 활동한 북한 공병들의 노고를 높이 평가했다.",
    '그는 이것이 "러시아와 북한 사이의 변함없는 우정과 전투적 형제애를 확인해 준다"고 말했다.',
]
EN = [
    "Russian President Vladimir Putin, in a New Year’s greeting to North Korean leader Kim Jong Un, has underscored "
    "the ‘heroic participation’ of North Korean military personnel in Russia’s ongoing special military operation "
    "(SWO).",
    "According to the North Korean Central News Agency (KCNA), Putin highlighted the role of North Korean troops in "
    "‘freeing the territory of the Kursk Region from invaders’ and praised the subsequent efforts of North Korean "
    "sappers in Russia.",
    "This, he claimed, ‘confirms the unwavering friendship and combat brotherhood between Russia and North Korea.’",
]
CHANGED = (
    "Russian President Vladimir Putin, in a New Year’s greeting to North Korean leader Kim Jong Un, has condemned "
    "the cowardly retreat of Chinese border guards from the Belgorod front."
)
# The second clause of the second sentence (the praise for the sappers) left out.
DROPPED = (
    "According to the North Korean Central News Agency (KCNA), Putin highlighted the role of North Korean troops in "
    "‘freeing the territory of the Kursk Region from invaders’."
)
# What a model makes of the sources (forward) …
FORWARD = {
    ("ru", "en"): {
        RU[0]: "Russian President Vladimir Putin, in his New Year's greeting to DPRK leader Kim Jong Un, stressed the "
        '"heroic participation" of North Korean servicemen in the special military operation (SVO).',
        RU[1]: "According to the Korean Central Telegraph Agency (KCNA), Putin noted the role of North Korean troops "
        'in "liberating the territory of the Kursk region from the invaders" and praised the subsequent work of North '
        "Korean sappers in Russia.",
        RU[2]: 'According to him, this "confirms the unbreakable friendship and combat brotherhood of Russia and the '
        'DPRK."',
    },
    ("ko", "en"): {
        KO[0]: "Russian President Vladimir Putin stressed in a New Year's message to North Korean State Affairs "
        'Commission Chairman Kim Jong Un that North Korean soldiers "heroically participated" in Russia\'s special '
        "military operation.",
        KO[1]: "According to the Korean Central News Agency, President Putin mentioned the role played by North Korean "
        'troops in "liberating the territory of Kursk region from the invaders" and praised the efforts of North '
        "Korean engineers who later worked in Russia.",
        KO[2]: 'He said that this "confirms the unchanging friendship and combat brotherhood between Russia and North '
        'Korea."',
    },
}
# … and of the drafts (back-translation).
BACK = {
    ("en", "ru"): {
        EN[0]: "Президент России Владимир Путин в новогоднем поздравлении лидеру Северной Кореи Ким Чен Ыну подчеркнул "
        "«героическое участие» северокорейских военных в продолжающейся специальной военной операции России (SWO).",
        EN[1]: "По данным Центрального информационного агентства Северной Кореи (KCNA), Путин подчеркнул роль "
        "северокорейских войск в «освобождении территории Курской области от захватчиков» и высоко оценил "
        "последующие усилия северокорейских саперов в России.",
        EN[2]: "По его словам, это «подтверждает непоколебимую дружбу и боевое братство между Россией и "
        "Северной Кореей».",
        CHANGED: "Президент России Владимир Путин в новогоднем поздравлении лидеру Северной Кореи Ким Чен Ыну осудил "
        "трусливое отступление китайских пограничников с белгородского фронта.",
        DROPPED: "По данным Центрального информационного агентства Северной Кореи (KCNA), Путин подчеркнул роль "
        "северокорейских войск в «освобождении территории Курской области от захватчиков».",
    },
    ("en", "ko"): {
        EN[0]: "블라디미르 푸틴 러시아 대통령은 김정은 북한 지도자에게 보낸 새해 인사에서 러시아가 진행 중인 "
        '특별군사작전(SWO)에 북한 군인들의 "영웅적 참여"를 강조했다.',
        EN[1]: "조선중앙통신에 따르면 푸틴은 “침략자들로부터 쿠르스크 지역 영토를 해방”하는 데 북한군의 역할을 "
        "강조하고 이후 러시아에서 북한 공병들의 노력을 높이 평가했다.",
        EN[2]: '그는 이것이 "러시아와 북한 사이의 흔들림 없는 우정과 전투적 형제애를 확인해 준다"고 주장했다.',
        CHANGED: "블라디미르 푸틴 러시아 대통령은 김정은 북한 지도자에게 보낸 새해 인사에서 중국 국경수비대의 "
        "벨고로드 전선에서의 비겁한 후퇴를 규탄했다.",
        DROPPED: "조선중앙통신에 따르면 푸틴은 “침략자들로부터 쿠르스크 지역 영토를 해방”하는 데 "
        "북한군의 역할을 강조했다.",
    },
}


def fake() -> FakeTranslator:
    return FakeTranslator({**FORWARD, **BACK})


def score(lang: str, i: int, draft: str):
    src = (RU if lang == "ru" else KO)[i]
    fwd = FORWARD[(lang, "en")][src]
    back = BACK[("en", lang)][draft]
    return score_pair(words(src), words(draft), src, draft, fwd, back, lang, "en")


@pytest.mark.parametrize("lang", ["ru", "ko"])
@pytest.mark.parametrize("i", [0, 1, 2])
def test_faithful_pairs_score_above_threshold(lang: str, i: int) -> None:
    s = score(lang, i, EN[i])
    assert s.chrf_forward > CHRF_THRESHOLD and s.chrf_back > CHRF_THRESHOLD
    assert not s.diverges


@pytest.mark.parametrize("lang", ["ru", "ko"])
def test_changed_meaning_is_flagged_at_the_changed_words(lang: str) -> None:
    s = score(lang, 0, CHANGED)
    assert s.forward_diverges and s.back_diverges
    changed = CHANGED[CHANGED.index("condemned") : CHANGED.index(" front") + len(" front")]
    assert CHANGED[s.unsupported[0].start : s.unsupported[-1].end] == changed


@pytest.mark.parametrize("lang", ["ru", "ko"])
def test_dropped_clause_is_flagged(lang: str) -> None:
    s = score(lang, 1, DROPPED)
    assert s.diverges
    lost = " ".join(w.text for w in s.lost)
    assert ("последующую работу" if lang == "ru" else "공병들의 노고를") in lost


def write_pair(tmp_path: Path, lang: str, drafts: list[str]) -> tuple[Path, Path]:
    src = tmp_path / f"source.{lang}.txt"
    src.write_text("\n\n".join(RU if lang == "ru" else KO) + "\n", encoding="utf-8")
    tgt = tmp_path / "draft.en.txt"
    tgt.write_text("\n\n".join(drafts) + "\n", encoding="utf-8")
    return src, tgt


def mt501(report):
    return [f for f in report.findings if f.rule == "MT501"]


@pytest.mark.parametrize("lang", ["ru", "ko"])
def test_pipeline_faithful_document_has_no_mt501(tmp_path: Path, lang: str) -> None:
    report = check_files(*write_pair(tmp_path, lang, EN), forward=fake(), back=fake())
    assert mt501(report) == []
    assert [len(b.source) == len(b.target) == 1 for b in report.alignment] == [True] * 3
    assert not any("skipped" in n for n in report.notices)
    assert "translator:forward=fake:fake" in report.signature


@pytest.mark.parametrize("lang", ["ru", "ko"])
def test_pipeline_flags_the_changed_sentence_only(tmp_path: Path, lang: str) -> None:
    report = check_files(*write_pair(tmp_path, lang, [CHANGED, EN[1], EN[2]]), forward=fake(), back=fake())
    (finding,) = mt501(report)
    assert finding.target_span is not None
    assert finding.target_span.text(report.target.text).startswith("condemned the cowardly retreat")
    assert finding.target_span.text(report.target.text).endswith("Belgorod front")
    assert finding.evidence["forward_translation"] == FORWARD[(lang, "en")][(RU if lang == "ru" else KO)[0]]
    assert finding.evidence["back_translation"] == BACK[("en", lang)][CHANGED]
    assert finding.evidence["chrf_forward"] < 100 and finding.evidence["chrf_back"] < 100
    assert finding.severity.label == "warning" and 0.5 <= finding.confidence <= 0.95


def test_pipeline_dropped_clause_points_at_the_source(tmp_path: Path) -> None:
    report = check_files(*write_pair(tmp_path, "ru", [EN[0], DROPPED, EN[2]]), forward=fake(), back=fake())
    (finding,) = mt501(report)
    assert finding.target_span is None  # nothing in the draft to point at
    assert finding.source_span is not None
    assert "последующую работу северокорейских саперов" in finding.source_span.text(report.source.text)


def test_one_direction_alone_never_reports(tmp_path: Path) -> None:
    report = check_files(*write_pair(tmp_path, "ru", [CHANGED, EN[1], EN[2]]), forward=fake())
    assert mt501(report) == []
    assert any("MT501 low-similarity was skipped" in n for n in report.notices)


def test_forward_scorer_prefers_the_true_pair() -> None:
    from mtcheck.documents.text import build_document

    doc = build_document("s.ru.txt", "ru", "\n\n".join(RU), "utf-8")
    scorer = ForwardScorer(doc, [FORWARD[("ru", "en")][s] for s in RU])
    right = scorer([RU[1]], [EN[1]])
    assert right > 0.5
    assert right > scorer([RU[1]], [EN[2]]) + 0.2
    assert scorer(["не из этого документа"], [EN[1]]) == 0.5
