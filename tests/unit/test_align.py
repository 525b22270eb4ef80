from __future__ import annotations

import json
from pathlib import Path

import pytest

from mtcheck.align import Units, align_documents, align_units
from mtcheck.anchors import anchor_keys
from mtcheck.documents.text import build_document, load_document
from mtcheck.types import Bead, Document
from tests.conftest import DATA, corpus, paragraphs


def text_beads(beads: list[Bead], src: Document, tgt: Document) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [
        (tuple(src.segments[i].text for i in b.source), tuple(tgt.segments[j].text for j in b.target)) for b in beads
    ]


def gold_beads(name: str) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    data = json.loads((DATA / "gold" / f"{name}.json").read_text(encoding="utf-8"))
    return [(tuple(b["source"]), tuple(b["target"])) for b in data["beads"]]


def exact_share(got: list, gold: list) -> float:
    return len(set(got) & set(gold)) / len(gold)


@pytest.mark.parametrize(("name", "lang"), [("kursk-ru", "ru"), ("kursk-ko", "ko")])
def test_kursk_alignment_matches_gold(name: str, lang: str) -> None:
    source, draft = corpus(name)
    src, tgt = load_document(source, lang), load_document(draft, "en")
    got = text_beads(align_documents(src, tgt), src, tgt)
    assert exact_share(got, gold_beads(name)) >= 0.95


def restructured_draft(tmp_path: Path) -> Path:
    """The English draft with two sentences merged into one and one sentence split in two."""
    text = (corpus("kursk-ru")[1]).read_text(encoding="utf-8")
    merged = text.replace("North Korea.’ The remarks come", "North Korea,’ and the remarks come")
    split = merged.replace(
        "between Russia and North Korea—a partnership that has expanded",
        "between Russia and North Korea. This partnership has expanded",
    )
    assert split != merged != text
    path = tmp_path / "restructured.en.txt"
    path.write_text(split, encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "lang"), [("kursk-ru", "ru"), ("kursk-ko", "ko")])
def test_merged_and_split_sentences_become_2_1_and_1_2_beads(tmp_path: Path, name: str, lang: str) -> None:
    src = load_document(corpus(name)[0], lang)
    tgt = load_document(restructured_draft(tmp_path), "en")
    beads = align_documents(src, tgt)
    kinds = {b.kind: [] for b in beads}
    for b in beads:
        kinds[b.kind].append(b)
    assert sorted(kinds) == ["1-1", "1-2", "2-1"]
    (merge,) = kinds["2-1"]
    assert tgt.segments[merge.target[0]].text.startswith("This, he claimed")
    assert src.paragraphs[src.segments[merge.source[0]].paragraph].id == 3
    (split,) = kinds["1-2"]
    assert tgt.segments[split.target[1]].text.startswith("This partnership has expanded")


def _write(tmp_path: Path, name: str, parts: list[str]) -> Path:
    path = tmp_path / name
    path.write_text("\n\n".join(parts), encoding="utf-8")
    return path


@pytest.mark.parametrize(("name", "lang"), [("kursk-ru", "ru"), ("kursk-ko", "ko")])
@pytest.mark.parametrize("k", [1, 6, 12, 17])
def test_paragraph_missing_from_the_draft_is_the_only_unaligned_text(
    tmp_path: Path, name: str, lang: str, k: int
) -> None:
    source, draft = corpus(name)
    parts = paragraphs(draft)
    tgt = load_document(_write(tmp_path, "draft.en.txt", parts[:k] + parts[k + 1 :]), "en")
    src = load_document(source, lang)
    beads = align_documents(src, tgt)
    unaligned = [b for b in beads if not b.source or not b.target]
    assert unaligned, "the omission was not found"
    assert all(not b.target for b in unaligned)
    missing = {i for b in unaligned for i in b.source}
    assert missing == set(src.paragraphs[k].segments)


@pytest.mark.parametrize(("name", "lang"), [("kursk-ru", "ru"), ("kursk-ko", "ko")])
@pytest.mark.parametrize("k", [1, 4, 9, 17])
def test_paragraph_added_to_the_draft_is_the_only_unaligned_text(tmp_path: Path, name: str, lang: str, k: int) -> None:
    source, draft = corpus(name)
    parts = paragraphs(draft)
    added = (
        "The ceremony will be broadcast live on state television, officials in Kursk said on Tuesday. "
        "Veterans of the Kursk operation and their families have been invited to attend."
    )
    tgt = load_document(_write(tmp_path, "draft.en.txt", [*parts[:k], added, *parts[k:]]), "en")
    beads = align_documents(load_document(source, lang), tgt)
    unaligned = [b for b in beads if not b.source or not b.target]
    assert all(not b.source for b in unaligned)
    assert {j for b in unaligned for j in b.target} == set(tgt.paragraphs[k].segments)


def test_long_document_uses_a_narrow_band() -> None:
    """5,000 sentence pairs: the DP must look at O(n·band) cells, not n²."""
    src_doc = load_document(corpus("kursk-ru")[0], "ru")
    tgt_doc = load_document(corpus("kursk-ru")[1], "en")
    n = 5000
    src_texts = [src_doc.segments[i % len(src_doc.segments)].text for i in range(n)]
    tgt_texts = [tgt_doc.segments[i % len(tgt_doc.segments)].text for i in range(n)]
    # Drop a few target sentences so the path leaves the diagonal.
    for idx in (4000, 2500, 700):
        del tgt_texts[idx]
    src = Units.build(src_texts, [anchor_keys(t, "ru") for t in src_texts])
    tgt = Units.build(tgt_texts, [anchor_keys(t, "en") for t in tgt_texts])
    stats: dict[str, int] = {}
    beads = align_units(src, tgt, stats=stats)
    assert stats["cells"] < 100 * n  # a full matrix would be 25,000,000 cells
    assert sum(1 for b in beads if b.kind == "1-1") >= n - 10
    assert sum(1 for b in beads if not b.target) == 3


def test_empty_side_leaves_everything_unaligned() -> None:
    src = Units.build(["Одно предложение."], [frozenset()])
    tgt = Units.build([], [])
    assert align_units(src, tgt) == [Bead((0,), (), 0.0)]


def test_documents_without_paragraph_breaks_align_by_sentence() -> None:
    ru = "Путин прибыл в Курск 4 декабря. Хинштейн встретил его. Они обсудили памятник."
    en = "Putin arrived in Kursk on December 4. Khinshtein met him. They discussed the monument."
    src, tgt = build_document("s", "ru", ru), build_document("t", "en", en)
    beads = align_documents(src, tgt)
    assert [b.kind for b in beads] == ["1-1", "1-1", "1-1"]


@pytest.mark.parametrize(("name", "lang"), [("kursk-ru", "ru"), ("kursk-ko", "ko")])
@pytest.mark.parametrize("k", [4, 12])
def test_paragraph_deleted_from_the_source_leaves_its_translation_unaligned(
    tmp_path: Path, name: str, lang: str, k: int
) -> None:
    source, draft = corpus(name)
    parts = paragraphs(source)
    src = load_document(_write(tmp_path, f"source.{lang}.txt", parts[:k] + parts[k + 1 :]), lang)
    tgt = load_document(draft, "en")
    unaligned = [b for b in align_documents(src, tgt) if not b.source or not b.target]
    assert all(not b.source for b in unaligned)
    assert {j for b in unaligned for j in b.target} == set(tgt.paragraphs[k].segments)


@pytest.mark.parametrize(("name", "lang"), [("kursk-ru", "ru"), ("kursk-ko", "ko")])
def test_the_second_pass_reusing_the_firsts_anchor_evidence_aligns_as_without_it(
    name: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The anchor evidence the first pass worked out for a paragraph is taken again by the second
    only where the units and band agree: the beads and their confidences are those of two passes
    that work everything out afresh, on a draft with sentences merged and split as well."""
    import mtcheck.align as A

    source, draft = corpus(name)
    src, tgt = load_document(source, lang), load_document(draft, "en")
    # Two sentences of the draft merged into one paragraph sentence, and the text cut differently.
    text = draft.read_text(encoding="utf-8").replace(".\n\n", ". ", 2)
    merged = build_document("t", "en", text)
    reused = [align_documents(src, tgt), align_documents(src, merged)]
    calls = {"first": 0}

    def afresh(self: A._Reuse, units: object) -> None:
        calls["first"] += 1
        return None

    monkeypatch.setattr(A._Reuse, "of", afresh)
    assert [align_documents(src, tgt), align_documents(src, merged)] == reused
    assert calls["first"] > 0
